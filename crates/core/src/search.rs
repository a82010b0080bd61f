//! Catalog search as you type: 汉字 substrings, full pinyin and pinyin initials, ignoring case and
//! spaces, ranked (name above aliases above description, exact above prefix above partial), with
//! the matched characters of the name and summary reported for highlighting.
//!
//! All normalisation happens once in [`SearchIndex::new`]; a keystroke only scans prepared strings.

use crate::filter::CatalogFilter;
use crate::summary::ItemSummary;

/// A half-open range of character (not byte) positions in the original text.
pub type CharRange = (usize, usize);

/// One search result: the item's position in the index, its score and where its name matched.
/// (Summary matches are found only for the cards shown: [`SearchIndex::summary_ranges`].)
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
    pub name_ranges: Vec<CharRange>,
}

// Scores: higher ranks first. Name matches beat alias matches beat pinyin beat description.
const NAME_EXACT: u32 = 1000;
const NAME_PREFIX: u32 = 900;
const NAME_PARTIAL: u32 = 800;
const ALIAS_EXACT: u32 = 760;
const ALIAS_PARTIAL: u32 = 700;
const PINYIN_EXACT: u32 = 680;
const PINYIN_PREFIX: u32 = 660;
const PINYIN_PARTIAL: u32 = 620;
const INITIALS_EXACT: u32 = 600;
const INITIALS_PREFIX: u32 = 580;
const INITIALS_PARTIAL: u32 = 540;
const ALIAS_PINYIN: u32 = 480;
const SUMMARY: u32 = 200;
const DEPARTMENT: u32 = 150;

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

fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Byte offset of the first `needle` in `haystack`. For the short texts of a catalog card, a
/// first-byte scan beats `str::find`, whose searcher set-up dominates when run per item. UTF-8
/// is self-synchronising, so a byte match of a whole needle always starts on a character.
fn find(haystack: &str, needle: &str) -> Option<usize> {
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

/// Pinyin keys joined, with where each syllable starts (byte offset, character index).
#[derive(Debug, Default)]
struct PinyinText {
    full: String,
    starts: Vec<(usize, usize)>,
    initials: String,
}

impl PinyinText {
    fn new(keys: &[String]) -> Self {
        let mut text = PinyinText::default();
        for (char_index, key) in keys.iter().enumerate() {
            if let Some(first) = key.chars().next() {
                text.starts.push((text.full.len(), char_index));
                text.full.push_str(key);
                text.initials.push(first);
            }
        }
        text
    }

    /// Best match of an ASCII query: `(score, matched character range)`.
    fn find(&self, q: &str, single_letter: bool) -> Option<(u32, CharRange)> {
        // Full pinyin, starting on a syllable boundary (the end may be mid-syllable while typing).
        for (syllable, &(offset, first_char)) in self.starts.iter().enumerate() {
            if self.full[offset..].starts_with(q) {
                let end_byte = offset + q.len();
                let last = self.starts[syllable..]
                    .iter()
                    .take_while(|(o, _)| *o < end_byte)
                    .last()
                    .map_or(first_char, |(_, c)| *c);
                let score = if syllable > 0 {
                    PINYIN_PARTIAL
                } else if end_byte == self.full.len() {
                    PINYIN_EXACT
                } else {
                    PINYIN_PREFIX
                };
                if single_letter && syllable > 0 {
                    break;
                }
                return Some((score, (first_char, last + 1)));
            }
        }
        // Initials: one letter per character.
        let pos = if single_letter {
            self.initials.starts_with(q).then_some(0)
        } else {
            find(&self.initials, q)
        }?;
        let score = if pos > 0 {
            INITIALS_PARTIAL
        } else if q.len() == self.initials.len() {
            INITIALS_EXACT
        } else {
            INITIALS_PREFIX
        };
        let first = self.starts[pos].1;
        let last = self.starts[pos + q.len() - 1].1;
        Some((score, (first, last + 1)))
    }
}

/// A 256-bit Bloom filter of the characters and adjacent character pairs of an item's searchable
/// texts. A query whose characters and pairs are not all present cannot match, so most items are
/// rejected with four AND operations before any string is scanned.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Bloom([u64; 4]);

impl Bloom {
    fn set(&mut self, hash: u32) {
        let bit = hash.wrapping_mul(0x9E37_79B1) >> 24;
        self.0[(bit >> 6) as usize] |= 1 << (bit & 63);
    }

    /// Adds the characters and pairs of `text` (pairs never span two texts).
    fn add(&mut self, text: &str) {
        let mut previous: Option<char> = None;
        for c in text.chars() {
            self.set(c as u32);
            if let Some(p) = previous {
                self.set((p as u32).wrapping_mul(31).wrapping_add(c as u32) ^ 0x5bd1_e995);
            }
            previous = Some(c);
        }
    }

    fn of(text: &str) -> Self {
        let mut bloom = Bloom::default();
        bloom.add(text);
        bloom
    }

    fn may_contain(&self, query: &Bloom) -> bool {
        self.0
            .iter()
            .zip(query.0)
            .all(|(have, want)| have & want == want)
    }
}

#[derive(Debug)]
struct Entry {
    bloom: Bloom,
    /// Normalised name and, for each of its characters, the character index in the original name.
    name: String,
    name_map: Vec<usize>,
    pinyin: PinyinText,
    aliases: Vec<(String, PinyinText)>,
    /// The summary with ASCII lower-cased: same characters, same positions.
    summary: String,
    department: String,
    name_chars: usize,
}

impl Entry {
    fn new(item: &ItemSummary) -> Self {
        let mut name = String::new();
        let mut name_map = Vec::new();
        for (i, c) in item.name.chars().enumerate() {
            if !c.is_whitespace() {
                name.push(fold_char(c));
                name_map.push(i);
            }
        }
        let aliases = item
            .aliases
            .iter()
            .enumerate()
            .map(|(i, alias)| {
                let keys = item
                    .keys
                    .aliases
                    .get(i)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                (normalize_query(alias), PinyinText::new(keys))
            })
            .collect();
        let mut entry = Entry {
            bloom: Bloom::default(),
            name,
            name_map,
            pinyin: PinyinText::new(&item.keys.name),
            aliases,
            summary: item.summary.chars().map(fold_char).collect(),
            department: item.department.to_ascii_lowercase(),
            name_chars: item.name.chars().count(),
        };
        let mut bloom = Bloom::default();
        for text in [
            &entry.name,
            &entry.pinyin.full,
            &entry.pinyin.initials,
            &entry.summary,
            &entry.department,
        ] {
            bloom.add(text);
        }
        for (alias, pinyin) in &entry.aliases {
            for text in [alias, &pinyin.full, &pinyin.initials] {
                bloom.add(text);
            }
        }
        entry.bloom = bloom;
        entry
    }

    fn score(&self, q: &str, ascii: bool, single_letter: bool) -> Option<(u32, Vec<CharRange>)> {
        if let Some(pos) = find(&self.name, q) {
            let score = if self.name.len() == q.len() {
                NAME_EXACT
            } else if pos == 0 {
                NAME_PREFIX
            } else {
                NAME_PARTIAL
            };
            return Some((score, self.name_ranges(q)));
        }
        let alias_score = self.aliases.iter().fold(0, |best, (alias, _)| {
            best.max(if alias == q {
                ALIAS_EXACT
            } else if find(alias, q).is_some() {
                ALIAS_PARTIAL
            } else {
                0
            })
        });
        if ascii {
            if let Some((score, range)) = self.pinyin.find(q, single_letter) {
                if score > alias_score {
                    return Some((score, vec![range]));
                }
            }
        }
        if alias_score > 0 {
            return Some((alias_score, vec![]));
        }
        if ascii
            && self
                .aliases
                .iter()
                .any(|(_, py)| py.find(q, single_letter).is_some())
        {
            return Some((ALIAS_PINYIN, vec![]));
        }
        if single_letter {
            None
        } else if find(&self.summary, q).is_some() {
            Some((SUMMARY, vec![]))
        } else if find(&self.department, q).is_some() {
            Some((DEPARTMENT, vec![]))
        } else {
            None
        }
    }

    /// Every occurrence of `q` in the normalised name, mapped back to original characters.
    fn name_ranges(&self, q: &str) -> Vec<CharRange> {
        let q_chars = q.chars().count();
        self.name
            .match_indices(q)
            .map(|(byte, _)| {
                let start = self.name[..byte].chars().count();
                (self.name_map[start], self.name_map[start + q_chars - 1] + 1)
            })
            .collect()
    }
}

/// Every occurrence of `q` in `text` (already case-folded), as character ranges.
fn text_ranges(text: &str, q: &str) -> Vec<CharRange> {
    let q_chars = q.chars().count();
    text.match_indices(q)
        .map(|(byte, _)| {
            let start = text[..byte].chars().count();
            (start, start + q_chars)
        })
        .collect()
}

/// The catalog, prepared for search.
#[derive(Debug)]
pub struct SearchIndex {
    items: Vec<ItemSummary>,
    entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn new(items: Vec<ItemSummary>) -> Self {
        let entries = items.iter().map(Entry::new).collect();
        Self { items, entries }
    }

    pub fn items(&self) -> &[ItemSummary] {
        &self.items
    }

    /// Where `query` occurs in the summary of item `index`, for highlighting a shown card.
    pub fn summary_ranges(&self, index: usize, query: &str) -> Vec<CharRange> {
        let q = normalize_query(query);
        let single_letter = is_single_letter(&q);
        match self.entries.get(index) {
            Some(entry) if !q.is_empty() && !single_letter => text_ranges(&entry.summary, &q),
            _ => vec![],
        }
    }

    /// The items passing `filter`, best first. Without search text, catalog order is kept.
    pub fn search(&self, filter: &CatalogFilter) -> Vec<Hit> {
        self.search_among(filter, 0..self.items.len())
    }

    /// Like [`search`](Self::search), looking only at the items at `candidates` (ascending).
    pub fn search_among(
        &self,
        filter: &CatalogFilter,
        candidates: impl Iterator<Item = usize>,
    ) -> Vec<Hit> {
        let q = normalize_query(&filter.query);
        let candidates = candidates
            .map(|index| (index, &self.items[index]))
            .filter(|(_, item)| filter.accepts(item));
        if q.is_empty() {
            return candidates
                .map(|(index, _)| Hit {
                    index,
                    score: 0,
                    name_ranges: vec![],
                })
                .collect();
        }
        let ascii = q.bytes().all(|b| b.is_ascii_alphanumeric());
        let single_letter = is_single_letter(&q);
        let wanted = Bloom::of(&q);
        let mut hits: Vec<Hit> = candidates
            .filter_map(|(index, _)| {
                let entry = &self.entries[index];
                if !entry.bloom.may_contain(&wanted) {
                    return None;
                }
                let (score, name_ranges) = entry.score(&q, ascii, single_letter)?;
                Some(Hit {
                    index,
                    score,
                    name_ranges,
                })
            })
            .collect();
        // Best score first; then shorter names (closer to exact), then catalog order.
        hits.sort_unstable_by_key(|h| {
            (
                std::cmp::Reverse(h.score),
                self.entries[h.index].name_chars,
                h.index,
            )
        });
        hits
    }
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

    #[test]
    fn the_bloom_filter_admits_every_substring_and_rejects_most_others() {
        let text = "居民身份证换领jumin";
        let bloom = Bloom::of(text);
        let chars: Vec<char> = text.chars().collect();
        for start in 0..chars.len() {
            for end in start + 1..=chars.len() {
                let sub: String = chars[start..end].iter().collect();
                assert!(bloom.may_contain(&Bloom::of(&sub)), "{sub}");
            }
        }
        let rejected = ["护照", "驾驶证", "shenfen", "wfz", "法律援助"]
            .iter()
            .filter(|q| !bloom.may_contain(&Bloom::of(q)))
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

#[cfg(all(test, feature = "pinyin", not(target_arch = "wasm32")))]
mod pinyin_tests {
    use super::*;
    use crate::filter::ScopeFilter;
    use crate::item::DepartmentKind;
    use crate::keys::summary_with_keys;
    use crate::synth::synthetic_items;

    fn named(names: &[(&str, &[&str], &str)]) -> SearchIndex {
        let base = synthetic_items(1).remove(0);
        let items = names
            .iter()
            .enumerate()
            .map(|(i, (name, aliases, summary))| {
                let mut item = base.clone();
                item.code = format!("T{i}");
                item.name = (*name).to_owned();
                item.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
                item.summary = (*summary).to_owned();
                summary_with_keys(&item)
            })
            .collect();
        SearchIndex::new(items)
    }

    fn names(index: &SearchIndex, query: &str) -> Vec<String> {
        let filter = CatalogFilter {
            query: query.into(),
            ..Default::default()
        };
        index
            .search(&filter)
            .iter()
            .map(|h| index.items()[h.index].name.clone())
            .collect()
    }

    fn catalog() -> SearchIndex {
        named(&[
            (
                "居民身份证换领",
                &["身份证", "换身份证"],
                "身份证有效期满换领新证。",
            ),
            (
                "无犯罪记录证明开具",
                &["无犯罪证明"],
                "出具本人有无犯罪记录的证明。",
            ),
            (
                "临时居民身份证申领",
                &[],
                "申领身份证期间急需使用的临时证件。",
            ),
            ("普通护照签发", &["护照"], "因私出国申请护照。"),
            ("人民调解申请", &[], "邻里纠纷可申请调解。"),
            ("驾驶证补证", &[], "驾驶证遗失后补领。"),
        ])
    }

    #[test]
    fn hanzi_full_pinyin_and_initials_all_find_the_id_card_items() {
        let index = catalog();
        for q in [
            "身份证",
            "shenfenzheng",
            "sfz",
            "SFZ",
            "shen fen zheng",
            "ShenFen",
        ] {
            let found = names(&index, q);
            assert_eq!(
                &found[..2],
                ["居民身份证换领", "临时居民身份证申领"],
                "query {q:?} gave {found:?}"
            );
        }
    }

    #[test]
    fn initials_find_the_criminal_record_certificate() {
        let index = catalog();
        assert_eq!(names(&index, "wfz"), vec!["无犯罪记录证明开具"]);
        assert_eq!(names(&index, "wufanzui"), vec!["无犯罪记录证明开具"]);
    }

    #[test]
    fn context_readings_are_searchable() {
        assert_eq!(names(&catalog(), "tiaojie"), vec!["人民调解申请"]);
    }

    #[test]
    fn name_ranks_above_alias_above_description() {
        let index = named(&[
            ("出入境证件办理", &[], "包括护照等证件。"),
            ("普通护照签发", &[], "因私出国。"),
            ("出国证件", &["护照"], "出境用证。"),
            ("护照", &[], "签发护照。"),
        ]);
        assert_eq!(
            names(&index, "护照"),
            vec!["护照", "普通护照签发", "出国证件", "出入境证件办理"]
        );
    }

    #[test]
    fn exact_ranks_above_prefix_above_partial_in_pinyin() {
        let index = named(&[
            ("换领护照", &[], "x"),
            ("护照补领", &[], "x"),
            ("护照", &[], "x"),
        ]);
        assert_eq!(
            names(&index, "huzhao"),
            vec!["护照", "护照补领", "换领护照"]
        );
        assert_eq!(names(&index, "hz"), vec!["护照", "护照补领", "换领护照"]);
    }

    #[test]
    fn pinyin_matches_highlight_the_matched_characters() {
        let index = catalog();
        let filter = CatalogFilter {
            query: "shenfenz".into(),
            ..Default::default()
        };
        let hit = &index.search(&filter)[0];
        assert_eq!(index.items()[hit.index].name, "居民身份证换领");
        assert_eq!(hit.name_ranges, vec![(2, 5)]);
        let filter = CatalogFilter {
            query: "wfz".into(),
            ..Default::default()
        };
        assert_eq!(index.search(&filter)[0].name_ranges, vec![(0, 3)]);
        let filter = CatalogFilter {
            query: "证明".into(),
            ..Default::default()
        };
        let hit = &index.search(&filter)[0];
        assert_eq!(hit.name_ranges, vec![(5, 7)]);
        assert_eq!(index.summary_ranges(hit.index, "证明"), vec![(11, 13)]);
        assert_eq!(
            index.summary_ranges(hit.index, "z"),
            vec![],
            "single letters are not highlighted"
        );
    }

    #[test]
    fn a_single_letter_matches_only_from_the_start() {
        // "z" would be inside most names' initials; only names starting with a z-syllable count.
        assert_eq!(names(&catalog(), "z"), Vec::<String>::new());
        assert_eq!(names(&catalog(), "j"), vec!["驾驶证补证", "居民身份证换领"]);
    }

    #[test]
    fn no_match_and_mid_syllable_starts_give_nothing() {
        assert!(names(&catalog(), "户口迁移").is_empty());
        assert!(
            names(&catalog(), "henfen").is_empty(),
            "pinyin must start on a syllable"
        );
    }

    #[test]
    fn search_respects_filters_and_keeps_catalog_order_without_text() {
        let items: Vec<_> = synthetic_items(300).iter().map(summary_with_keys).collect();
        let index = SearchIndex::new(items);
        let filter = CatalogFilter {
            department: Some(DepartmentKind::Police),
            cross_province: Some(ScopeFilter::Any),
            ..Default::default()
        };
        let hits = index.search(&filter);
        assert!(!hits.is_empty());
        assert!(hits.windows(2).all(|w| w[0].index < w[1].index));
        assert!(hits.iter().all(|h| filter.accepts(&index.items()[h.index])));
        let with_text = CatalogFilter {
            query: "sfz".into(),
            ..filter
        };
        let narrowed = index.search(&with_text);
        assert!(!narrowed.is_empty() && narrowed.len() < hits.len());
        assert!(narrowed
            .iter()
            .all(|h| index.items()[h.index].name.contains("身份证")));
    }
}
