//! Text primitives of search: query normalisation, a fast substring finder, the Bloom filter,
//! and highlight ranges.

use super::CharRange;

/// Lower-cases ASCII, folds full-width ASCII (ＳＦＺ, １２３) to half-width, drops white space.
pub fn normalize_query(query: &str) -> String {
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_char)
        .collect()
}

/// A lone letter or digit: it matches only from the start of a name (its pinyin or initials),
/// since nearly every name contains it somewhere. Takes a normalised query.
pub fn is_single_letter(q: &str) -> bool {
    q.len() == 1 && q.as_bytes()[0].is_ascii_alphanumeric()
}

/// A query of one character, 汉字 or letter: it matches names and aliases (their text, or for a
/// letter their pinyin from the start), never summaries or departments, where one character
/// says nothing (居 is in every 居民, 公 in every 公安局).
pub fn is_single_char(q: &str) -> bool {
    let mut chars = q.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// A normalised query of ASCII letters and digits only: the only kind pinyin can match.
pub(super) fn is_ascii_query(q: &str) -> bool {
    q.bytes().all(|b| b.is_ascii_alphanumeric())
}

pub(super) fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Byte offset of the first `needle` in `haystack`. For the short texts of a catalog card, a
/// first-byte scan beats `str::find`, whose searcher set-up dominates when run per item. UTF-8
/// is self-synchronising, so a byte match of a whole needle always starts on a character.
pub(super) fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let (&first, rest) = needle.split_first()?;
    if hay.len() < needle.len() {
        return None;
    }
    let last_start = hay.len() - needle.len();
    let mut start = 0;
    while start <= last_start {
        let offset = hay[start..=last_start].iter().position(|&b| b == first)?;
        let at = start + offset;
        if &hay[at + 1..at + needle.len()] == rest {
            return Some(at);
        }
        start = at + 1;
    }
    None
}

/// A Bloom filter of the characters and adjacent character pairs of an item's searchable texts.
/// A query whose characters and pairs are not all present cannot match, so most items are
/// rejected with a few AND operations before any string is scanned.
///
/// It has two halves of 256 bits: one for ASCII (pinyin, initials, Latin letters and digits in
/// the texts) and one for everything else (汉字). Which half a character or pair goes to depends
/// only on the characters themselves, so a query's bits are looked for where an item's would be;
/// kept apart, an item's long Chinese summary no longer fills the bits a pinyin query tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Bloom([u64; 8]);

/// Where `hash` falls in 256 bits: the word of four and the bit in it. One hash function for the
/// Bloom filter's halves and the title character sets.
fn slot(hash: u32) -> (usize, u64) {
    let bit = hash.wrapping_mul(0x9E37_79B1) >> 24;
    ((bit >> 6) as usize, 1 << (bit & 63))
}

impl Bloom {
    fn set(&mut self, hash: u32, ascii: bool) {
        let half = if ascii { 0 } else { 4 };
        let (word, bit) = slot(hash);
        self.0[half + word] |= bit;
    }

    /// Adds the characters and pairs of `text` (pairs never span two texts).
    pub(super) fn add(&mut self, text: &str) {
        let mut previous: Option<char> = None;
        for c in text.chars() {
            self.set(c as u32, c.is_ascii());
            if let Some(p) = previous {
                self.add_pair(p, c);
            }
            previous = Some(c);
        }
    }

    /// [`add`](Self::add) for ASCII bytes.
    pub(super) fn add_ascii(&mut self, text: &[u8]) {
        for (i, &b) in text.iter().enumerate() {
            self.set(u32::from(b), b.is_ascii());
            if i > 0 {
                self.add_pair(char::from(text[i - 1]), char::from(b));
            }
        }
    }

    /// Adds one pair of neighbouring characters.
    pub(super) fn add_pair(&mut self, first: char, second: char) {
        self.set(
            (first as u32).wrapping_mul(31).wrapping_add(second as u32) ^ 0x5bd1_e995,
            first.is_ascii() && second.is_ascii(),
        );
    }

    pub(super) fn of(text: &str) -> Self {
        let mut bloom = Bloom::default();
        bloom.add(text);
        bloom
    }

    /// The ASCII half and the other half.
    pub(super) fn halves(&self) -> ([u64; 4], [u64; 4]) {
        let [a, b, c, d, e, f, g, h] = self.0;
        ([a, b, c, d], [e, f, g, h])
    }
}

/// Whether a half of an item's Bloom filter holds every bit of the same half of a query's.
pub(super) fn half_holds(have: &[u64; 4], want: &[u64; 4]) -> bool {
    have.iter()
        .zip(want)
        .all(|(have, want)| have & want == *want)
}

/// The characters of an item's name and aliases, as a 256-bit set with one hash: a query of one
/// character matches only those texts, and most items hold only a few hundred distinct
/// characters between all their texts but some twenty in these, so most are rejected at once.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct CharSet([u64; 4]);

impl CharSet {
    pub(super) fn add(&mut self, text: &str) {
        for c in text.chars() {
            let (word, bit) = slot(c as u32);
            self.0[word] |= bit;
        }
    }

    /// False only if `c` is in none of the texts added.
    pub(super) fn may_contain(&self, c: char) -> bool {
        let (word, bit) = slot(c as u32);
        self.0[word] & bit != 0
    }
}

/// Every occurrence of the normalised query `q` in `text` normalised the same way (so a match
/// may span spaces), as character ranges of the original `text`.
pub(super) fn text_ranges(text: &str, q: &str) -> Vec<CharRange> {
    let mut normalized = String::with_capacity(text.len());
    let mut original_index = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if !c.is_whitespace() {
            normalized.push(fold_char(c));
            original_index.push(i);
        }
    }
    let q_chars = q.chars().count();
    if q_chars == 0 {
        return vec![];
    }
    normalized
        .match_indices(q)
        .map(|(byte, _)| {
            let start = normalized[..byte].chars().count();
            (
                original_index[start],
                original_index[start + q_chars - 1] + 1,
            )
        })
        .collect()
}

/// Splits `text` into runs, each marked whether it lies in one of `ranges` (character ranges),
/// so a view can wrap the matched runs in `<mark>` as plain text nodes.
pub fn highlight_segments<'a>(text: &'a str, ranges: &[CharRange]) -> Vec<(&'a str, bool)> {
    let mut marked: Vec<CharRange> = ranges.to_vec();
    marked.sort_unstable();
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let chars = byte_at.len() - 1;
    let mut segments = Vec::new();
    let mut cursor = 0;
    for (start, end) in marked {
        let (start, end) = (start.max(cursor).min(chars), end.min(chars));
        if start >= end {
            continue;
        }
        if cursor < start {
            segments.push((&text[byte_at[cursor]..byte_at[start]], false));
        }
        segments.push((&text[byte_at[start]..byte_at[end]], true));
        cursor = end;
    }
    if cursor < chars {
        segments.push((&text[byte_at[cursor]..], false));
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_fold_case_width_and_spaces() {
        assert_eq!(normalize_query(" SFZ 居民 身份证 "), "sfz居民身份证");
        assert_eq!(normalize_query("ＷＦＺ１２"), "wfz12");
    }

    fn may_contain(bloom: &Bloom, query: &Bloom) -> bool {
        let ((ascii, other), (want_ascii, want_other)) = (bloom.halves(), query.halves());
        half_holds(&ascii, &want_ascii) && half_holds(&other, &want_other)
    }

    #[test]
    fn the_bloom_filter_admits_every_substring_and_rejects_most_others() {
        let text = "居民身份证换领jumin";
        let bloom = Bloom::of(text);
        let chars: Vec<char> = text.chars().collect();
        for start in 0..chars.len() {
            for end in start + 1..=chars.len() {
                let sub: String = chars[start..end].iter().collect();
                assert!(may_contain(&bloom, &Bloom::of(&sub)), "{sub}");
            }
        }
        let rejected = ["护照", "驾驶证", "shenfen", "wfz", "法律援助"]
            .iter()
            .filter(|q| !may_contain(&bloom, &Bloom::of(q)))
            .count();
        assert!(
            rejected >= 4,
            "only {rejected} of 5 unrelated queries rejected"
        );
    }

    #[test]
    fn segments_split_on_ranges_and_keep_every_character() {
        let segs = highlight_segments("居民身份证换领", &[(2, 5)]);
        assert_eq!(
            segs,
            vec![("居民", false), ("身份证", true), ("换领", false)]
        );
        let segs = highlight_segments("ab身份证", &[(0, 1), (3, 9)]);
        assert_eq!(segs, vec![("a", true), ("b身", false), ("份证", true)]);
        assert_eq!(highlight_segments("护照", &[]), vec![("护照", false)]);
    }
}
