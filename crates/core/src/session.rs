//! Search as it is typed. Typing mostly extends or shortens the last query, so a session keeps
//! its recent answers: shortening (backspace) is answered from them, and extending searches only
//! the items the shorter query matched. Answers are always exactly [`SearchIndex::search`]'s.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use crate::filter::CatalogFilter;
use crate::search::{is_single_char, normalize_query, Ranking, SearchIndex};

/// How many recent answers are kept (each at most one sort key per item).
const RECENT: usize = 16;

type Answer = (CatalogFilter, Arc<Ranking>);

pub struct SearchSession {
    index: Arc<SearchIndex>,
    recent: Mutex<VecDeque<Answer>>,
}

/// Whether the items matching `q` may stand in for the whole catalog when a longer query that
/// starts with `q` is searched.
///
/// INVARIANT (the narrowing cache is correct only while it holds): for every match rule, an item
/// matching a normalised query also matches each of its prefixes of two characters or more.
/// Holds today because every rule is "a substring of a normalised text" (name, alias, summary,
/// department: all whitespace-free, as the query is) or "spells syllables from a boundary, the
/// last possibly cut short" (full pinyin in any reading) or "one initial per syllable"
/// (initials): cutting the query short keeps each of these matching. One character matches less
/// (a letter only from the start of a name, a 汉字 not in summaries or departments), so it is not
/// narrowable. A new rule that breaks this (e.g. whole-word matching, or a minimum length) must
/// change this function. Tested on the seed catalog, aliases and polyphones included, in
/// `tests/seed_search.rs`.
pub fn narrowable(q: &str) -> bool {
    !q.is_empty() && !is_single_char(q)
}

impl SearchSession {
    pub fn new(index: Arc<SearchIndex>) -> Self {
        Self {
            index,
            recent: Mutex::new(VecDeque::with_capacity(RECENT)),
        }
    }

    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// The items passing `filter`, ranked as far as they are read.
    pub fn search(&self, filter: &CatalogFilter) -> Arc<Ranking> {
        let mut recent = self
            .recent
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(pos) = recent.iter().position(|(f, _)| f == filter) {
            let answer = recent.remove(pos).expect("position is in range");
            let hits = Arc::clone(&answer.1);
            recent.push_front(answer);
            return hits;
        }
        let q = normalize_query(&filter.query);
        let choices = filter.choices();
        let base = recent
            .iter()
            .filter(|(f, _)| f.choices() == choices)
            .filter_map(|(f, hits)| {
                let shorter = normalize_query(&f.query);
                (narrowable(&shorter) && shorter.len() < q.len() && q.starts_with(&shorter))
                    .then_some((shorter.len(), hits))
            })
            .max_by_key(|(len, _)| *len);
        let hits = match base {
            Some((_, hits)) => self.index.find_among(filter, hits.indexes()),
            None => self.index.rank(filter),
        };
        let hits = Arc::new(hits);
        recent.push_front((filter.clone(), Arc::clone(&hits)));
        recent.truncate(RECENT);
        hits
    }
}

#[cfg(all(test, feature = "pinyin", not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::filter::ScopeFilter;
    use crate::item::DepartmentKind;
    use crate::keys::synthetic_summaries;

    #[test]
    fn typing_and_backspacing_give_exactly_the_plain_answers() {
        let index = Arc::new(SearchIndex::new(synthetic_summaries(1_500)));
        let session = SearchSession::new(Arc::clone(&index));
        let filters = [
            CatalogFilter::default(),
            CatalogFilter {
                department: Some(DepartmentKind::Police),
                ..Default::default()
            },
            CatalogFilter {
                cross_province: Some(ScopeFilter::Any),
                max_visits: Some(1),
                ..Default::default()
            },
        ];
        let mut checked = 0;
        for choices in &filters {
            for query in [
                "shenfenzheng",
                "jumin",
                "sfz",
                "身份证换领",
                "北京sfz",
                "z",
                "jia shi",
            ] {
                let prefixes: Vec<&str> = query
                    .char_indices()
                    .map(|(i, c)| &query[..i + c.len_utf8()])
                    .collect();
                // Type forwards, then backspace to nothing.
                for q in prefixes
                    .iter()
                    .chain(prefixes.iter().rev().skip(1))
                    .chain([&""])
                {
                    let filter = CatalogFilter {
                        query: (*q).to_owned(),
                        ..choices.clone()
                    };
                    assert_eq!(
                        session.search(&filter).all(),
                        index.search(&filter),
                        "{q:?} with {choices:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100);
    }

    #[test]
    fn the_cache_is_bounded() {
        let index = Arc::new(SearchIndex::new(synthetic_summaries(50)));
        let session = SearchSession::new(index);
        for n in 0..100 {
            session.search(&CatalogFilter {
                query: format!("查询{n}"),
                ..Default::default()
            });
        }
        assert_eq!(session.recent.lock().unwrap().len(), RECENT);
    }
}
