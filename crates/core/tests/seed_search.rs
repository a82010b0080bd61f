//! Search over the real seed catalog (`data/catalog/*.json`, read as the seed test reads it, no
//! mock API): polyphones spelt every way find their items, and the narrowing cache of
//! `SearchSession` gives exactly the plain answers because its invariant holds for every item.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use portal_core::keys::summary_with_keys;
use portal_core::search::normalize_query;
use portal_core::session::narrowable;
use portal_core::summary::READING_SEPARATOR;
use portal_core::*;

fn seed_index() -> Arc<SearchIndex> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("data/catalog exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let items: Vec<ServiceItem> = files
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            serde_json::from_str::<Vec<ServiceItem>>(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    assert!(items.len() >= 60);
    Arc::new(SearchIndex::new(
        items.iter().map(summary_with_keys).collect(),
    ))
}

fn found(index: &SearchIndex, query: &str) -> Vec<usize> {
    let filter = CatalogFilter::with_query(query);
    index.search(&filter).iter().map(|h| h.index).collect()
}

/// Real polyphone words of the seed catalog (in names or aliases), with spellings that must find
/// an item containing them.
const POLYPHONE_WORDS: &[(&str, &[&str])] = &[
    ("行业", &["hangye", "tezhonghangye", "hy"]),
    ("违法行为", &["weifaxingwei", "xingwei"]),
    ("调解", &["tiaojie", "renmintiaojie", "tj"]),
    ("强制执行", &["qiangzhizhixing", "qzzx"]),
    ("落户", &["luohu", "lh"]),
    ("丢了", &["diule", "shenfenzhengdiule"]),
    ("会见", &["huijian", "jianyuhuijian"]),
    ("曾用名", &["zengyongming", "cengyongming", "zym"]),
    ("卷宗", &["juanzong"]),
    ("转让", &["zhuanrang"]),
    ("约见", &["yuejian", "faguanyuejian"]),
    ("担保", &["danbao"]),
    ("查阅", &["chayue"]),
    ("大型", &["daxing"]),
];

#[test]
fn each_spelling_of_a_seed_polyphone_finds_its_items() {
    let index = seed_index();
    for (word, spellings) in POLYPHONE_WORDS {
        let holders: HashSet<usize> = index
            .items()
            .iter()
            .enumerate()
            .filter(|(_, i)| i.name.contains(word) || i.aliases.iter().any(|a| a.contains(word)))
            .map(|(n, _)| n)
            .collect();
        assert!(!holders.is_empty(), "no seed item holds {word}");
        for spelling in *spellings {
            let hits = found(&index, spelling);
            assert!(
                hits.iter().any(|h| holders.contains(h)),
                "{spelling:?} finds no item with {word}"
            );
        }
    }
}

/// Queries a citizen could type for `item`: name, aliases, their pinyin in first and last
/// readings, initials, and pieces of the summary (with its spaces).
fn queries_for(item: &ItemSummary) -> Vec<String> {
    let mut queries = vec![item.name.clone(), item.summary.chars().take(12).collect()];
    queries.extend(item.aliases.iter().cloned());
    let mut lists: Vec<Vec<&str>> = vec![item.keys.name_entries().collect()];
    lists.extend((0..item.aliases.len()).map(|i| item.keys.alias_entries(i).collect()));
    for keys in lists {
        let readings: Vec<Vec<&str>> = keys
            .iter()
            .filter(|k| !k.is_empty())
            .map(|k| k.split(READING_SEPARATOR).collect())
            .collect();
        queries.push(readings.iter().map(|r| r[0]).collect());
        queries.push(readings.iter().map(|r| r[r.len() - 1]).collect());
        queries.push(readings.iter().skip(1).map(|r| r[r.len() - 1]).collect());
        queries.push(readings.iter().map(|r| &r[0][..1]).collect());
        queries.push(
            readings
                .iter()
                .skip(2)
                .map(|r| &r[r.len() - 1][..1])
                .collect(),
        );
    }
    queries.retain(|q| !q.trim().is_empty());
    queries
}

#[test]
fn the_narrowing_invariant_holds_for_every_seed_item_and_prefix() {
    let index = seed_index();
    let mut checked = 0;
    for item in index.items() {
        for query in queries_for(item) {
            let q = normalize_query(&query);
            let matches: HashSet<usize> = found(&index, &q).into_iter().collect();
            assert!(
                !matches.is_empty() || q.chars().count() == 1,
                "{query:?} finds nothing"
            );
            for (end, _) in q.char_indices().skip(1) {
                let prefix = &q[..end];
                if !narrowable(prefix) {
                    continue;
                }
                let wider: HashSet<usize> = found(&index, prefix).into_iter().collect();
                let lost: Vec<&str> = matches
                    .difference(&wider)
                    .map(|&i| index.items()[i].name.as_str())
                    .collect();
                assert!(
                    lost.is_empty(),
                    "{q:?} matches {lost:?}, its prefix {prefix:?} not"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 2_000, "only {checked} prefixes checked");
}

#[test]
fn typing_every_seed_query_through_a_session_gives_the_plain_answers() {
    let index = seed_index();
    let session = SearchSession::new(Arc::clone(&index));
    let mut checked = 0;
    for item in index.items() {
        for query in queries_for(item) {
            let prefixes: Vec<&str> = query
                .char_indices()
                .map(|(i, c)| &query[..i + c.len_utf8()])
                .collect();
            for q in prefixes.iter().chain(prefixes.iter().rev().skip(1)) {
                let filter = CatalogFilter {
                    query: (*q).to_owned(),
                    ..Default::default()
                };
                assert_eq!(
                    session.search(&filter).all(),
                    index.search(&filter),
                    "{q:?}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 5_000, "only {checked} keystrokes checked");
}
