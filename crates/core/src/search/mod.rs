//! Catalog search as you type: 汉字 substrings, full pinyin and pinyin initials, ignoring case and
//! spaces, ranked (name above aliases above description, exact above prefix above partial), with
//! the matched characters of the name and summary reported for highlighting.
//!
//! All normalisation happens once in [`SearchIndex::new`]; a keystroke only scans prepared strings.

mod entry;
mod gate;
#[cfg(all(test, feature = "pinyin", not(target_arch = "wasm32")))]
mod lazy_tests;
mod pinyin;
mod ranking;
#[cfg(all(test, feature = "pinyin", not(target_arch = "wasm32")))]
mod tests;
mod text;

use std::sync::{Mutex, OnceLock};

use crate::filter::CatalogFilter;
use crate::summary::ItemSummary;
use entry::{Entry, Query};
use gate::Gates;
use pinyin::PinyinArena;
use ranking::sort_key;
use text::text_ranges;

pub use ranking::Ranking;

pub use text::{highlight_segments, is_single_char, is_single_letter, normalize_query};

/// A half-open range of character (not byte) positions in the original text.
pub type CharRange = (usize, usize);

/// One search result: the item's position in the index and its score. Where it matched is found
/// only for the cards shown ([`SearchIndex::name_ranges`], [`SearchIndex::summary_ranges`]), so a
/// keystroke matching thousands of items allocates nothing per item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
}

/// The catalog, prepared for search.
///
/// The per-item search data (folded texts, pinyin, Bloom filters) is built on first need: the
/// first search with text, or [`prepare`](Self::prepare). Listing and filtering without text
/// never need it, so the catalog can show before it exists. The app builds it after its first
/// paint a slice at a time ([`prepare_some`](Self::prepare_some)), so no long task holds up a
/// frame or a keystroke; a search before it is done builds the rest at once.
#[derive(Debug)]
pub struct SearchIndex {
    items: OnceLock<Vec<ItemSummary>>,
    /// Until `items` is known ([`lazy`](Self::lazy)): the first items, how many there are, and
    /// how to get them all.
    head: Vec<ItemSummary>,
    count: usize,
    rest: Mutex<Option<Rest>>,
    /// Why getting them all failed, if it did (the head then stands for the whole list).
    failure: OnceLock<String>,
    prepared: OnceLock<Prepared>,
    /// Search data built so far by `prepare_some`, in item order.
    started: Mutex<Prepared>,
}

/// The search data of the items, in item order: each item's entry and gate, and their pinyin.
#[derive(Debug, Default)]
struct Prepared {
    entries: Vec<Entry>,
    gates: Gates,
    pinyin: PinyinArena,
}

impl Prepared {
    fn extend<'a>(&mut self, items: impl Iterator<Item = &'a ItemSummary>) {
        for item in items {
            let entry = Entry::new(item, &mut self.pinyin);
            self.gates.push(entry.gate(&self.pinyin));
            self.entries.push(entry);
        }
    }
}

/// Gets every item of a [`SearchIndex::lazy`] index, or says why it could not.
struct Rest(Box<dyn FnOnce() -> Result<Vec<ItemSummary>, String> + Send>);

impl std::fmt::Debug for Rest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rest(..)")
    }
}

impl SearchIndex {
    pub fn new(items: Vec<ItemSummary>) -> Self {
        Self {
            count: items.len(),
            items: OnceLock::from(items),
            head: Vec::new(),
            rest: Mutex::new(None),
            failure: OnceLock::new(),
            prepared: OnceLock::new(),
            started: Mutex::default(),
        }
    }

    /// An index that knows its first items (`head`) and how many there are (`count`), and gets
    /// them all from `rest` the first time something needs more than the head: the catalog
    /// shows its first page without decoding 10 000 cards first. Listing without search text
    /// or choices needs only the head; [`prepare_some`](Self::prepare_some) gets them all.
    pub fn lazy(
        count: usize,
        head: Vec<ItemSummary>,
        rest: impl FnOnce() -> Result<Vec<ItemSummary>, String> + Send + 'static,
    ) -> Self {
        Self {
            items: OnceLock::new(),
            head,
            count,
            rest: Mutex::new(Some(Rest(Box::new(rest)))),
            failure: OnceLock::new(),
            prepared: OnceLock::new(),
            started: Mutex::default(),
        }
    }

    /// Every item, got now if not yet. A failure leaves the head as the whole list and is kept
    /// for [`failure`](Self::failure).
    pub fn items(&self) -> &[ItemSummary] {
        self.items.get_or_init(|| {
            let rest = self.rest.lock().unwrap_or_else(|e| e.into_inner()).take();
            match rest.map(|Rest(get)| get()) {
                Some(Ok(items)) => items,
                Some(Err(why)) => {
                    let _ = self.failure.set(why);
                    self.head.clone()
                }
                None => self.head.clone(),
            }
        })
    }

    /// How many items there are, without getting them all.
    pub fn len(&self) -> usize {
        self.items.get().map_or(self.count, Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `index`, without getting them all when it is in the head.
    pub fn item(&self, index: usize) -> Option<&ItemSummary> {
        match self.items.get() {
            Some(items) => items.get(index),
            None if index < self.head.len() => self.head.get(index),
            None => self.items().get(index),
        }
    }

    /// Whether every item has been got.
    pub fn is_complete(&self) -> bool {
        self.items.get().is_some()
    }

    /// Why getting every item failed, once it has been tried.
    pub fn failure(&self) -> Option<&str> {
        self.failure.get().map(String::as_str)
    }

    /// Builds the search data now (a no-op once built).
    pub fn prepare(&self) {
        self.prepared();
    }

    /// Builds the search data of up to `count` more items; true once all of it is built.
    pub fn prepare_some(&self, count: usize) -> bool {
        if self.is_prepared() {
            return true;
        }
        let items = self.items();
        let mut started = self.started.lock().unwrap_or_else(|e| e.into_inner());
        let from = started.entries.len();
        let to = (from + count).min(items.len());
        started.extend(items[from..to].iter());
        let done = started.entries.len() == items.len();
        drop(started);
        if done {
            self.prepare();
        }
        done
    }

    /// Whether the search data has been built.
    pub fn is_prepared(&self) -> bool {
        self.prepared.get().is_some()
    }

    fn prepared(&self) -> &Prepared {
        self.prepared.get_or_init(|| {
            let mut started = self.started.lock().unwrap_or_else(|e| e.into_inner());
            let mut prepared = std::mem::take(&mut *started);
            let from = prepared.entries.len();
            prepared.extend(self.items()[from..].iter());
            prepared
        })
    }

    /// Where `query` matched the name of item `index` (its text or its pinyin), for highlighting
    /// a shown card; empty when it matched elsewhere or not at all.
    pub fn name_ranges(&self, index: usize, query: &str) -> Vec<CharRange> {
        let q = normalize_query(query);
        // Without search text nothing is highlighted, and the search data must not be built
        // for it: the catalog's first paint comes before that data exists.
        if q.is_empty() || index >= self.len() {
            return vec![];
        }
        let prepared = self.prepared();
        let entry = &prepared.entries[index];
        entry
            .score(&Query::new(&q), &prepared.pinyin)
            .map(|(_, found)| entry.ranges(found, &q))
            .unwrap_or_default()
    }

    /// Where `query` occurs in the summary of item `index`, for highlighting a shown card (never
    /// for one character, which does not match summaries).
    pub fn summary_ranges(&self, index: usize, query: &str) -> Vec<CharRange> {
        let q = normalize_query(query);
        match self.item(index) {
            Some(item) if !q.is_empty() && !is_single_char(&q) => text_ranges(&item.summary, &q),
            _ => vec![],
        }
    }

    /// The items passing `filter`, best first. Without search text, catalog order is kept.
    pub fn search(&self, filter: &CatalogFilter) -> Vec<Hit> {
        self.rank(filter).all()
    }

    /// The items passing `filter`, ranked as far as they are read (see
    /// [`find_among`](Self::find_among)).
    pub fn rank(&self, filter: &CatalogFilter) -> Ranking {
        self.find_among(filter, 0..self.len())
    }

    /// The items passing `filter` among those at `candidates`, ranked as far as they are read
    /// ([`Ranking::top`]): a broad query shows ten of its thousands of hits, and sorting them all
    /// cost more than finding them.
    pub fn find_among(
        &self,
        filter: &CatalogFilter,
        candidates: impl Iterator<Item = usize>,
    ) -> Ranking {
        let q = normalize_query(&filter.query);
        // Asked once: `has_choices` clones the filter.
        let choices = filter.has_choices();
        if q.is_empty() && !choices {
            // Every item passes, in catalog order (equal scores and lengths): no item is read,
            // so a lazy index lists its first page from the head alone.
            return Ranking::new(candidates.map(|index| sort_key(0, 0, index)).collect());
        }
        let items = self.items();
        // Without a choice every item passes: no need to ask each of them.
        let candidates = candidates
            .map(|index| (index, &items[index]))
            .filter(|(_, item)| !choices || filter.accepts(item));
        if q.is_empty() {
            return Ranking::new(candidates.map(|(index, _)| sort_key(0, 0, index)).collect());
        }
        let query = Query::new(&q);
        let Prepared {
            entries,
            gates,
            pinyin,
        } = self.prepared();
        Ranking::new(
            candidates
                .filter_map(|(index, _)| {
                    if !gates.may_match(index, &query) {
                        return None;
                    }
                    let entry = &entries[index];
                    let (score, _) = entry.score(&query, pinyin)?;
                    Some(sort_key(score, entry.name_chars, index))
                })
                .collect(),
        )
    }
}
