//! One item prepared for search, and how well it matches a query.

use super::text::{find, fold_char, normalize_query, Bloom};
use super::CharRange;
use crate::summary::ItemSummary;

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

#[derive(Debug)]
pub(super) struct Entry {
    pub(super) bloom: Bloom,
    /// Normalised name and, for each of its characters, the character index in the original name.
    name: String,
    name_map: Vec<usize>,
    pinyin: PinyinText,
    aliases: Vec<(String, PinyinText)>,
    /// The summary with ASCII lower-cased: same characters, same positions.
    pub(super) summary: String,
    department: String,
    pub(super) name_chars: usize,
}

impl Entry {
    pub(super) fn new(item: &ItemSummary) -> Self {
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

    pub(super) fn score(
        &self,
        q: &str,
        ascii: bool,
        single_letter: bool,
    ) -> Option<(u32, Vec<CharRange>)> {
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
