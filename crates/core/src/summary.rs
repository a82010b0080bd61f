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
/// [`READING_SEPARATOR`]: 行业 is `["xing|hang|heng", "ye"]`, so "hangye" and "xingye" both match.
/// Keeping one entry per character lets a pinyin match be highlighted on the very characters it
/// matched. Search tolerates any entry (a non-ASCII one simply never matches), never panics on it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchKeys {
    pub name: Vec<String>,
    /// The same, one list per alias.
    #[serde(default)]
    pub aliases: Vec<Vec<String>>,
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
