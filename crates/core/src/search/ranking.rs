//! A search's answer, ranked only as far as it is read: a keystroke matching thousands of items
//! shows ten of them, so it picks the best ten in one pass instead of sorting every hit.

use std::sync::Mutex;

use super::Hit;

/// Every hit of one search, each as a sort key; [`top`](Self::top) ranks as many as are asked for.
#[derive(Debug, Default)]
pub struct Ranking {
    /// One key per hit, in the order the items were looked at (catalog order).
    keys: Vec<u64>,
    /// The best hits, best first, as far as they have been asked for so far.
    ranked: Mutex<Vec<Hit>>,
}

/// Asking for more than 1 / `SORT_ALL` of the hits sorts them all: picking into a short sorted
/// list only pays while that list stays short.
const SORT_ALL: usize = 8;

impl Ranking {
    pub(super) fn new(keys: Vec<u64>) -> Self {
        Ranking {
            keys,
            ranked: Mutex::default(),
        }
    }

    /// How many items matched.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The items that matched, in catalog order (for narrowing a longer query to them).
    pub fn indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.keys.iter().map(|&key| hit_of_key(key).index)
    }

    /// The best `count` hits (fewer if fewer matched), best first: as [`SearchIndex::search`]
    /// would list them.
    ///
    /// [`SearchIndex::search`]: super::SearchIndex::search
    pub fn top(&self, count: usize) -> Vec<Hit> {
        let count = count.min(self.keys.len());
        let mut ranked = self
            .ranked
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if ranked.len() < count {
            *ranked = best(&self.keys, count)
                .into_iter()
                .map(hit_of_key)
                .collect();
        }
        ranked[..count].to_vec()
    }

    /// Every hit, best first.
    pub fn all(&self) -> Vec<Hit> {
        self.top(self.keys.len())
    }
}

/// Two answers are equal when they hold the same hits in the same order, however far ranked.
impl PartialEq for Ranking {
    fn eq(&self, other: &Self) -> bool {
        self.keys == other.keys
    }
}

/// The `count` smallest of `keys`, ascending.
fn best(keys: &[u64], count: usize) -> Vec<u64> {
    if count == 0 {
        return Vec::new();
    }
    if count.saturating_mul(SORT_ALL) >= keys.len() {
        let mut all = keys.to_vec();
        all.sort_unstable();
        all.truncate(count);
        return all;
    }
    let mut best: Vec<u64> = Vec::with_capacity(count + 1);
    for &key in keys {
        if best.len() == count {
            // Nearly every key of a long answer stops here, after one comparison.
            if key >= best[count - 1] {
                continue;
            }
            best.pop();
        }
        let at = best.partition_point(|&kept| kept < key);
        best.insert(at, key);
    }
    best
}

// A sort key packs (inverted score, name length, index) into 16 + 16 + 32 bits: sorting plain
// integers is several times faster than sorting hits by a key looked up in their entries.
const KEY_SCORE_SHIFT: u32 = 48;
const KEY_CHARS_SHIFT: u32 = 32;

/// Best score first, then shorter names (closer to exact), then catalog order.
pub(super) fn sort_key(score: u32, name_chars: usize, index: usize) -> u64 {
    let inverted = u64::from(u16::MAX - score.min(u32::from(u16::MAX)) as u16);
    let chars = name_chars.min(usize::from(u16::MAX)) as u64;
    (inverted << KEY_SCORE_SHIFT)
        | (chars << KEY_CHARS_SHIFT)
        | (index as u64 & u64::from(u32::MAX))
}

fn hit_of_key(key: u64) -> Hit {
    Hit {
        index: (key & u64::from(u32::MAX)) as usize,
        score: u32::from(u16::MAX) - (key >> KEY_SCORE_SHIFT) as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys in a scrambled order, some with equal scores and lengths.
    fn scrambled(n: usize) -> Vec<u64> {
        (0..n)
            .map(|i| {
                let index = (i * 7_919) % n;
                sort_key((index % 5) as u32 * 100, index % 13, index)
            })
            .collect()
    }

    #[test]
    fn the_top_of_any_length_is_the_start_of_the_full_sort() {
        let keys = scrambled(1_000);
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        let ranking = Ranking::new(keys);
        // Short lists (picked in one pass), longer ones (sorted), and asking again for fewer.
        for count in [0, 1, 10, 20, 124, 125, 126, 500, 1_000, 5_000, 10, 3] {
            let expected: Vec<Hit> = sorted.iter().take(count).map(|&k| hit_of_key(k)).collect();
            assert_eq!(ranking.top(count), expected, "top {count}");
        }
        assert_eq!(ranking.all().len(), 1_000);
    }

    #[test]
    fn hits_come_back_as_they_went_in() {
        let ranking = Ranking::new(vec![sort_key(900, 4, 7), sort_key(1000, 2, 3)]);
        assert_eq!(
            ranking.all(),
            [
                Hit {
                    index: 3,
                    score: 1000
                },
                Hit {
                    index: 7,
                    score: 900
                }
            ]
        );
        assert_eq!(ranking.indexes().collect::<Vec<_>>(), [7, 3]);
        assert_eq!(ranking.len(), 2);
        assert!(Ranking::default().is_empty());
    }
}
