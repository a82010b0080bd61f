//! One item prepared for search, and how well it matches a query.

use super::gate::Gate;
use super::pinyin::{letter_bit, PinyinArena, PinyinText};
use super::text::{
    find, fold_char, is_ascii_query, is_single_char, is_single_letter, normalize_query, Bloom,
    CharSet,
};
use super::CharRange;
use crate::summary::ItemSummary;

// Scores: higher ranks first. Name matches beat alias matches beat pinyin beat description.
const NAME_EXACT: u32 = 1000;
const NAME_PREFIX: u32 = 900;
const NAME_PARTIAL: u32 = 800;
const ALIAS_EXACT: u32 = 760;
const ALIAS_PARTIAL: u32 = 700;
// Then the name's pinyin: full 680 / 660 / 620, initials 600 / 580 / 540 (`pinyin.rs`).
const ALIAS_PINYIN: u32 = 480;
const SUMMARY: u32 = 200;
const DEPARTMENT: u32 = 150;

/// Where a query matched an item, found without allocating; turned into highlight ranges only for
/// the results shown ([`Entry::ranges`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// In the normalised name: every occurrence is highlighted.
    Name,
    /// The name's pinyin or initials spell these characters.
    Pinyin(CharRange),
    /// Elsewhere (an alias, the summary, the department): nothing in the name to highlight.
    Elsewhere,
}

#[derive(Debug)]
pub(super) struct Entry {
    /// Normalised name and, for each of its characters, the character index in the original name.
    name: String,
    name_map: Vec<usize>,
    pinyin: PinyinText,
    aliases: Vec<(String, PinyinText)>,
    /// The summary normalised as a query is (see [`normalize_query`]), so spaces never
    /// separate what a query joins. Highlights are mapped back from the original text.
    summary: String,
    department: String,
    pub(super) name_chars: usize,
    /// The letters and digits in the name, the summary, the aliases (all of them) and the
    /// department: a query with any other cannot match that text, so a pinyin query skips
    /// scanning Chinese text byte by byte.
    name_letters: u64,
    summary_letters: u64,
    alias_letters: u64,
    department_letters: u64,
}

/// A normalised query and what every entry's scoring asks of it, worked out once per search
/// rather than once per entry.
pub(super) struct Query<'a> {
    pub(super) text: &'a str,
    /// Only ASCII letters and digits: the only kind pinyin can match.
    ascii: bool,
    /// A lone letter or digit (see [`is_single_letter`]).
    pub(super) single_letter: bool,
    /// One character of any kind (see [`is_single_char`]).
    pub(super) single_char: bool,
    /// Its first character.
    pub(super) first: char,
    /// Its letters and digits, as a `letter_bit` set.
    letters: u64,
    /// Its characters and pairs, which an item's Bloom filter must hold.
    pub(super) wanted: Bloom,
}

impl<'a> Query<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Query {
            text,
            ascii: is_ascii_query(text),
            single_letter: is_single_letter(text),
            single_char: is_single_char(text),
            first: text.chars().next().unwrap_or_default(),
            letters: ascii_letters(text),
            wanted: Bloom::of(text),
        }
    }
}

/// The ASCII letters and digits in a normalised text, as a `letter_bit` set.
fn ascii_letters(text: &str) -> u64 {
    text.bytes().fold(0, |set, b| set | letter_bit(b))
}

impl Entry {
    /// The entry of `item`, its pinyin added to `arena` (the one it is searched with).
    pub(super) fn new(item: &ItemSummary, arena: &mut PinyinArena) -> Self {
        let mut name = String::new();
        let mut name_map = Vec::new();
        for (i, c) in item.name.chars().enumerate() {
            if !c.is_whitespace() {
                name.push(fold_char(c));
                name_map.push(i);
            }
        }
        // The name's pinyin first: most searches read no other.
        let pinyin = arena.add(item.keys.name_entries());
        let aliases: Vec<(String, PinyinText)> = item
            .aliases
            .iter()
            .enumerate()
            .map(|(i, alias)| {
                (
                    normalize_query(alias),
                    arena.add(item.keys.alias_entries(i)),
                )
            })
            .collect();
        let summary = normalize_query(&item.summary);
        let department = normalize_query(&item.department);
        Entry {
            name_letters: ascii_letters(&name),
            summary_letters: ascii_letters(&summary),
            alias_letters: (aliases.iter()).fold(0, |set, (alias, _)| set | ascii_letters(alias)),
            department_letters: ascii_letters(&department),
            name,
            name_map,
            pinyin,
            aliases,
            summary,
            department,
            name_chars: item.name.chars().count(),
        }
    }

    /// What rejects this entry before its texts are read (see [`Gate`]).
    pub(super) fn gate(&self, arena: &PinyinArena) -> Gate {
        let name_pinyin = arena.get(self.pinyin);
        // A single letter matches a name or alias containing it, or the first reading of a
        // name's or alias's pinyin: nothing else (see `score`).
        let mut single_letters = self.name_letters | name_pinyin.first_initials();
        let mut title_chars = CharSet::default();
        title_chars.add(&self.name);
        let mut bloom = Bloom::default();
        for text in [&self.name, &self.summary, &self.department] {
            bloom.add(text);
        }
        name_pinyin.add_to(&mut bloom);
        for (alias, pinyin) in &self.aliases {
            let pinyin = arena.get(*pinyin);
            single_letters |= ascii_letters(alias) | pinyin.first_initials();
            title_chars.add(alias);
            bloom.add(alias);
            pinyin.add_to(&mut bloom);
        }
        Gate {
            bloom,
            title_chars,
            single_letters,
        }
    }

    /// How well the normalised query matches, and where.
    pub(super) fn score(&self, query: &Query, arena: &PinyinArena) -> Option<(u32, Found)> {
        let Query {
            text: q,
            ascii,
            single_letter,
            single_char,
            letters,
            ..
        } = *query;
        let may_hold = |text_letters: u64| text_letters & letters == letters;
        let in_name = may_hold(self.name_letters)
            .then(|| find(&self.name, q))
            .flatten();
        if let Some(pos) = in_name {
            let score = if self.name.len() == q.len() {
                NAME_EXACT
            } else if pos == 0 {
                NAME_PREFIX
            } else {
                NAME_PARTIAL
            };
            return Some((score, Found::Name));
        }
        let aliases = if may_hold(self.alias_letters) {
            &self.aliases[..]
        } else {
            &[]
        };
        let alias_score = aliases.iter().fold(0, |best, (alias, _)| {
            best.max(if alias == q {
                ALIAS_EXACT
            } else if find(alias, q).is_some() {
                ALIAS_PARTIAL
            } else {
                0
            })
        });
        if ascii {
            if let Some((score, range)) = arena.get(self.pinyin).find(q, single_letter) {
                if score > alias_score {
                    return Some((score, Found::Pinyin(range)));
                }
            }
        }
        if alias_score > 0 {
            return Some((alias_score, Found::Elsewhere));
        }
        if ascii
            && self
                .aliases
                .iter()
                .any(|(_, py)| arena.get(*py).find(q, single_letter).is_some())
        {
            return Some((ALIAS_PINYIN, Found::Elsewhere));
        }
        if single_char {
            None
        } else if may_hold(self.summary_letters) && find(&self.summary, q).is_some() {
            Some((SUMMARY, Found::Elsewhere))
        } else if may_hold(self.department_letters) && find(&self.department, q).is_some() {
            Some((DEPARTMENT, Found::Elsewhere))
        } else {
            None
        }
    }

    /// The name's characters to highlight for a match found by [`score`](Self::score).
    pub(super) fn ranges(&self, found: Found, q: &str) -> Vec<CharRange> {
        match found {
            Found::Name => self.name_ranges(q),
            Found::Pinyin(range) => vec![range],
            Found::Elsewhere => vec![],
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
