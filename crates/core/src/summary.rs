//! The catalog card of one item: what `/api/items` sends for browsing and search, no more.

use serde::{Deserialize, Serialize};

use crate::item::{
    Audience, DepartmentKind, HandlingKind, OnlineDepth, Scope, ServiceItem, Theme, TimeLimit,
};

/// Separates the readings of a polyphonic character in a [`SearchKeys`] entry.
pub const READING_SEPARATOR: char = '|';

/// Pinyin keys for search, computed natively (feature `pinyin`) so no pinyin table enters the wasm.
///
/// `name` holds one entry per character of the item name: its toneless lower-case pinyin for a
/// 汉字, the lower-cased ASCII letter or digit for a letter or digit, and "" for anything else.
/// A polyphonic 汉字 lists every reading, the one in context first, separated by
/// [`READING_SEPARATOR`]: 行业 is `xing|hang|heng ye`, so "hangye" and "xingye" both match.
/// Keeping one entry per character lets a pinyin match be highlighted on the very characters it
/// matched. Search tolerates any entry (a non-ASCII one simply never matches), never panics on it.
///
/// In memory each list is one string, its entries joined by [`ENTRY_SEPARATOR`]
/// (`"xing|hang|heng ye"`), as the lean card text carries it (`crate::cards`); the entries are
/// only split when the search data is built. In JSON (`/api/items`) each list is an array of
/// entries, one per character (`["xing|hang|heng", "ye"]`), the shape other clients read: the
/// side-by-side benchmark turns it into the peers' pinyin and initials (`data/from_portal.py`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchKeys {
    #[serde(with = "entry_array")]
    pub name: String,
    /// The same, one string per alias.
    #[serde(default, with = "entry_arrays")]
    pub aliases: Vec<String>,
}

/// Separates the per-character entries of a [`SearchKeys`] list. Entries are ASCII letters,
/// digits and [`READING_SEPARATOR`], never a space.
pub const ENTRY_SEPARATOR: char = ' ';

impl SearchKeys {
    /// Keys from their entries, one list for the name and one per alias.
    pub fn from_entries<S: AsRef<str>>(name: &[S], aliases: &[Vec<S>]) -> Self {
        Self {
            name: join_entries(name),
            aliases: aliases.iter().map(|a| join_entries(a)).collect(),
        }
    }

    /// The name's entries, one per character.
    pub fn name_entries(&self) -> impl Iterator<Item = &str> {
        entries(&self.name)
    }

    /// The entries of alias `index` (none for an alias without keys).
    pub fn alias_entries(&self, index: usize) -> impl Iterator<Item = &str> {
        entries(self.aliases.get(index).map_or("", String::as_str))
    }
}

fn join_entries<S: AsRef<str>>(entries: &[S]) -> String {
    let mut out = String::with_capacity(entries.iter().map(|e| e.as_ref().len() + 1).sum());
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            out.push(ENTRY_SEPARATOR);
        }
        out.push_str(entry.as_ref());
    }
    out
}

/// The entries of one joined list: none for "", else one per separator-delimited part.
fn entries(joined: &str) -> impl Iterator<Item = &str> {
    (!joined.is_empty())
        .then(|| joined.split(ENTRY_SEPARATOR))
        .into_iter()
        .flatten()
}

/// One joined list as a JSON array of its entries.
mod entry_array {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(joined: &str, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(super::entries(joined))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        Ok(super::join_entries(&Vec::<String>::deserialize(d)?))
    }
}

/// Joined lists as a JSON array of entry arrays.
mod entry_arrays {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(lists: &[String], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(lists.iter().map(|joined| EntryArray(joined)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        let lists = Vec::<Vec<String>>::deserialize(d)?;
        Ok(lists.iter().map(|l| super::join_entries(l)).collect())
    }

    struct EntryArray<'a>(&'a str);

    impl serde::Serialize for EntryArray<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            super::entry_array::serialize(self.0, s)
        }
    }
}

/// One item as the catalog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSummary {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    pub department_kind: DepartmentKind,
    pub department: String,
    pub themes: Vec<Theme>,
    pub audiences: Vec<Audience>,
    pub visits: u8,
    pub depth: OnlineDepth,
    pub scope: Scope,
    /// Some material may be replaced by 告知承诺.
    pub commitment: bool,
    pub instant: bool,
    pub promised_limit: TimeLimit,
    pub charged: bool,
    #[serde(default)]
    pub keys: SearchKeys,
}

impl ItemSummary {
    /// The card of `item`, with pinyin keys computed elsewhere (see `keys::search_keys`).
    pub fn new(item: &ServiceItem, keys: SearchKeys) -> Self {
        Self {
            code: item.code.clone(),
            name: item.name.clone(),
            aliases: item.aliases.clone(),
            summary: item.summary.clone(),
            department_kind: item.department.kind,
            department: item.department.name.clone(),
            themes: item.themes.clone(),
            audiences: item.audiences(),
            visits: item.handling.visits,
            depth: item.online.depth,
            scope: item.scope.clone(),
            commitment: item.has_commitment(),
            instant: item.handling.kind == HandlingKind::Instant,
            promised_limit: item.handling.promised_limit,
            charged: item.fees.charged,
            keys,
        }
    }

    /// 零跑腿: no visit at all.
    pub fn zero_visit(&self) -> bool {
        self.visits == 0
    }

    /// 最多跑一次: at most one visit.
    pub fn at_most_once(&self) -> bool {
        self.visits <= 1
    }

    /// 全程网办.
    pub fn fully_online(&self) -> bool {
        self.depth == OnlineDepth::FullyOnline
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_travel_as_arrays_of_entries_and_come_back_entry_for_entry() {
        // 特种行业（A类）: a polyphone, punctuation as empty entries, a letter.
        let name = ["te", "zhong", "xing|hang|heng", "ye", "", "a", "lei", ""];
        let keys = SearchKeys::from_entries(&name, &[vec!["hang", "ye"], vec![]]);
        let json = serde_json::to_value(&keys).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "name": ["te", "zhong", "xing|hang|heng", "ye", "", "a", "lei", ""],
                "aliases": [["hang", "ye"], []]
            })
        );
        let back: SearchKeys = serde_json::from_value(json).unwrap();
        assert_eq!(back, keys);
        assert_eq!(back.name_entries().collect::<Vec<_>>(), name);
        assert_eq!(back.alias_entries(0).collect::<Vec<_>>(), ["hang", "ye"]);
        assert_eq!(back.alias_entries(1).count(), 0);
        assert_eq!(
            back.alias_entries(7).count(),
            0,
            "an alias without keys has no entries"
        );
        // Absent aliases are none; an empty name has no entries.
        assert_eq!(
            back.name, "te zhong xing|hang|heng ye  a lei ",
            "joined in memory"
        );
        let bare: SearchKeys = serde_json::from_str(r#"{"name": []}"#).unwrap();
        assert_eq!(bare, SearchKeys::default());
        assert_eq!(bare.name_entries().count(), 0);
    }
}
