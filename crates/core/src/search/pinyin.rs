//! The pinyin keys of one text, prepared for matching an ASCII query: full pinyin from a syllable
//! boundary (ending mid-syllable while typing), or one initial per character. A polyphonic
//! character matches in any of its readings, so 行业 answers "hangye", "xingye", "hy" and "xy".
//!
//! Everything is indexed by syllable, never by byte offset, and a key that is not plain ASCII
//! letters and digits simply never matches: no key can make a match panic.
//!
//! The pinyin of every text of the catalog lives in one [`PinyinArena`], in item order, so a
//! search streams through it: with each text in allocations of its own, the first touches of a
//! text's syllables and readings were two cache misses per item, most of a broad query's time.

use super::text::Bloom;
use super::CharRange;
use crate::summary::READING_SEPARATOR;

// Scores (see `entry.rs` for the whole ladder).
pub(super) const PINYIN_EXACT: u32 = 680;
pub(super) const PINYIN_PREFIX: u32 = 660;
pub(super) const PINYIN_PARTIAL: u32 = 620;
pub(super) const INITIALS_EXACT: u32 = 600;
pub(super) const INITIALS_PREFIX: u32 = 580;
pub(super) const INITIALS_PARTIAL: u32 = 540;

/// Full-pinyin queries longer than this (in letters) match nothing: the reachable query offsets
/// of the matcher fit in one `u128`, and no one types a 128-letter search.
const MAX_QUERY: usize = 127;

/// One character that has a key.
#[derive(Debug, Clone, Copy)]
struct Syllable {
    /// Its position in the original text (for highlighting).
    char_index: u32,
    /// Its readings: `spans[first..first + count]`. None (count 0) for a key that cannot be typed.
    first: u32,
    count: u32,
    /// The first letters of its readings, as a [`letter_bit`] set.
    initials: u64,
}

/// The pinyin of many texts, one after another.
#[derive(Debug, Default)]
pub(super) struct PinyinArena {
    /// Every reading, concatenated; `spans` are byte ranges into it.
    letters: Vec<u8>,
    spans: Vec<(u32, u32)>,
    syllables: Vec<Syllable>,
}

/// One text's syllables in a [`PinyinArena`].
#[derive(Debug, Clone, Copy)]
pub(super) struct PinyinText {
    start: u32,
    end: u32,
}

/// One text's pinyin, borrowed from its arena for matching.
pub(super) struct Pinyin<'a> {
    letters: &'a [u8],
    spans: &'a [(u32, u32)],
    syllables: &'a [Syllable],
}

/// A bit per ASCII letter and digit (lower-case), 0 for anything else.
pub(super) fn letter_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

fn letters_of(set: u64) -> impl Iterator<Item = char> {
    (b'a'..=b'z')
        .chain(b'0'..=b'9')
        .filter(move |&b| set & letter_bit(b) != 0)
        .map(char::from)
}

impl PinyinArena {
    /// Adds one text's keys: one entry per character, as in [`crate::SearchKeys`]. Empty entries
    /// (punctuation) are skipped, so a match runs across them.
    pub(super) fn add<'a>(&mut self, keys: impl Iterator<Item = &'a str>) -> PinyinText {
        let first_syllable = self.syllables.len() as u32;
        for (char_index, key) in keys.enumerate() {
            if key.is_empty() {
                continue;
            }
            let first = self.spans.len() as u32;
            let mut initials = 0;
            for reading in key.split(READING_SEPARATOR) {
                let typeable = !reading.is_empty()
                    && reading
                        .bytes()
                        .all(|b| letter_bit(b.to_ascii_lowercase()) != 0);
                if typeable {
                    let start = self.letters.len() as u32;
                    self.letters
                        .extend(reading.bytes().map(|b| b.to_ascii_lowercase()));
                    self.spans.push((start, self.letters.len() as u32));
                    initials |= letter_bit(self.letters[start as usize]);
                }
            }
            self.syllables.push(Syllable {
                char_index: char_index as u32,
                first,
                count: self.spans.len() as u32 - first,
                initials,
            });
        }
        PinyinText {
            start: first_syllable,
            end: self.syllables.len() as u32,
        }
    }

    /// The pinyin of a text added here.
    pub(super) fn get(&self, text: PinyinText) -> Pinyin<'_> {
        Pinyin {
            letters: &self.letters,
            spans: &self.spans,
            syllables: &self.syllables[text.start as usize..text.end as usize],
        }
    }
}

impl Pinyin<'_> {
    /// The letters a reading of the first keyed character starts with: the only letters a
    /// single-letter query can match here.
    pub(super) fn first_initials(&self) -> u64 {
        self.syllables.first().map_or(0, |s| s.initials)
    }

    fn readings(&self, syllable: &Syllable) -> impl Iterator<Item = &[u8]> {
        let spans =
            &self.spans[syllable.first as usize..(syllable.first + syllable.count) as usize];
        spans
            .iter()
            .map(|&(start, end)| &self.letters[start as usize..end as usize])
    }

    /// Adds every character and adjacent pair a matching query can contain: those inside each
    /// reading, and across each pair of neighbouring syllables in every combination of readings.
    pub(super) fn add_to(&self, bloom: &mut Bloom) {
        for (i, syllable) in self.syllables.iter().enumerate() {
            for reading in self.readings(syllable) {
                bloom.add_ascii(reading);
            }
            let Some(next) = self.syllables.get(i + 1) else {
                continue;
            };
            for reading in self.readings(syllable) {
                let last = reading[reading.len() - 1];
                for following in self.readings(next) {
                    bloom.add_pair(char::from(last), char::from(following[0]));
                }
            }
            for a in letters_of(syllable.initials) {
                for b in letters_of(next.initials) {
                    bloom.add_pair(a, b);
                }
            }
        }
    }

    /// Best match of a query of ASCII letters and digits: `(score, matched character range)`.
    /// A single letter matches only at the start.
    pub(super) fn find(&self, q: &str, single_letter: bool) -> Option<(u32, CharRange)> {
        let q = q.as_bytes();
        let want = letter_bit(*q.first()?);
        let starts = if single_letter {
            self.syllables.len().min(1)
        } else {
            self.syllables.len()
        };
        for start in 0..starts {
            if self.syllables[start].initials & want == 0 {
                continue;
            }
            if let Some((last, exact)) = self.full_from(start, q) {
                let score = if start > 0 {
                    PINYIN_PARTIAL
                } else if exact {
                    PINYIN_EXACT
                } else {
                    PINYIN_PREFIX
                };
                return Some((score, self.range(start, last)));
            }
        }
        let start = self.initials_at(q, single_letter)?;
        let score = if start > 0 {
            INITIALS_PARTIAL
        } else if q.len() == self.syllables.len() {
            INITIALS_EXACT
        } else {
            INITIALS_PREFIX
        };
        Some((score, self.range(start, start + q.len() - 1)))
    }

    fn range(&self, first: usize, last: usize) -> CharRange {
        (
            self.syllables[first].char_index as usize,
            self.syllables[last].char_index as usize + 1,
        )
    }

    /// Whether `q` spells the syllables from `start` on, in any readings, the last one possibly
    /// cut short: `(last syllable used, whether q spells every syllable to the end exactly)`.
    /// Tracks the set of query offsets reachable at each syllable, so alternatives never multiply.
    /// The set is a `u64` for the queries people type (wasm has no 128-bit integers: a `u128`
    /// costs two words and calls on every step).
    fn full_from(&self, start: usize, q: &[u8]) -> Option<(usize, bool)> {
        if q.len() < 64 {
            self.full_from_64(start, q)
        } else if q.len() <= MAX_QUERY {
            self.full_from_128(start, q)
        } else {
            None
        }
    }
}

/// One body for both widths of the reachable-offsets set.
macro_rules! full_from_with {
    ($name:ident, $bits:ty) => {
        impl Pinyin<'_> {
            fn $name(&self, start: usize, q: &[u8]) -> Option<(usize, bool)> {
                let last_syllable = self.syllables.len() - 1;
                let mut reachable: $bits = 1;
                let mut found = None;
                for (i, syllable) in self.syllables.iter().enumerate().skip(start) {
                    let mut next: $bits = 0;
                    let mut offsets = reachable;
                    while offsets != 0 {
                        let offset = offsets.trailing_zeros() as usize;
                        offsets &= offsets - 1;
                        let rest = &q[offset..];
                        for reading in self.readings(syllable) {
                            if reading.starts_with(rest) {
                                if reading.len() == rest.len() && i == last_syllable {
                                    return Some((i, true));
                                }
                                found.get_or_insert((i, false));
                            } else if rest.starts_with(reading) {
                                next |= 1 << (offset + reading.len());
                            }
                        }
                    }
                    if next == 0 {
                        break;
                    }
                    reachable = next;
                }
                found
            }
        }
    };
}

full_from_with!(full_from_64, u64);
full_from_with!(full_from_128, u128);

impl Pinyin<'_> {
    /// The first syllable from which `q` gives one initial per syllable.
    fn initials_at(&self, q: &[u8], single_letter: bool) -> Option<usize> {
        let last_start = self.syllables.len().checked_sub(q.len())?;
        let last_start = if single_letter { 0 } else { last_start };
        (0..=last_start).find(|&start| {
            q.iter()
                .zip(&self.syllables[start..])
                .all(|(&b, syllable)| syllable.initials & letter_bit(b) != 0)
        })
    }
}
