//! An index that knows only its first items until something needs more ([`SearchIndex::lazy`]).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use super::*;
use crate::filter::CatalogFilter;
use crate::item::DepartmentKind;
use crate::keys::synthetic_summaries;

/// A lazy index over `items` knowing the first `head`, and how many times it read them all.
fn lazy(items: &[ItemSummary], head: usize) -> (SearchIndex, Arc<AtomicUsize>) {
    let reads = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&reads);
    let all = items.to_vec();
    let index = SearchIndex::lazy(items.len(), items[..head].to_vec(), move || {
        counter.fetch_add(1, Ordering::SeqCst);
        Ok(all)
    });
    (index, reads)
}

fn codes(index: &SearchIndex, filter: &CatalogFilter, n: usize) -> Vec<String> {
    (index.rank(filter).top(n).iter())
        .map(|hit| {
            index
                .item(hit.index)
                .expect("a hit is an item")
                .code
                .clone()
        })
        .collect()
}

#[test]
fn the_first_page_is_listed_from_the_head_alone() {
    let items = synthetic_summaries(300);
    let (index, reads) = lazy(&items, 10);
    let all = CatalogFilter::default();
    assert_eq!(index.len(), 300);
    assert_eq!(index.rank(&all).len(), 300);
    let first: Vec<String> = items[..10].iter().map(|i| i.code.clone()).collect();
    assert_eq!(codes(&index, &all, 10), first);
    assert_eq!(index.item(9).map(|i| &i.code), Some(&items[9].code));
    assert!(!index.is_complete());
    assert_eq!(reads.load(Ordering::SeqCst), 0);
}

#[test]
fn anything_beyond_the_head_reads_every_item_once_and_answers_as_an_eager_index() {
    let items = synthetic_summaries(300);
    let eager = SearchIndex::new(items.clone());
    let searches = [
        CatalogFilter::with_query("sfz"),
        CatalogFilter {
            department: Some(DepartmentKind::Police),
            ..Default::default()
        },
    ];
    for filter in &searches {
        let (index, reads) = lazy(&items, 10);
        assert_eq!(codes(&index, filter, 50), codes(&eager, filter, 50));
        assert!(index.is_complete());
        assert_eq!(reads.load(Ordering::SeqCst), 1);
    }
    // Item 10 is past the head: asking for it reads them all.
    let (index, reads) = lazy(&items, 10);
    assert_eq!(index.item(10).map(|i| &i.code), Some(&items[10].code));
    assert_eq!(index.items().len(), 300);
    assert!(index.prepare_some(500));
    assert_eq!(reads.load(Ordering::SeqCst), 1);
    assert_eq!(index.failure(), None);
}

#[test]
fn a_failed_read_keeps_the_head_and_says_why() {
    let items = synthetic_summaries(30);
    let index = SearchIndex::lazy(30, items[..10].to_vec(), || {
        Err("catalog cards, line 12: 3 fields, expected 19".to_owned())
    });
    assert_eq!(index.len(), 30);
    assert_eq!(index.failure(), None);
    assert_eq!(index.item(20), None);
    assert_eq!(
        index.failure(),
        Some("catalog cards, line 12: 3 fields, expected 19")
    );
    assert_eq!(index.len(), 10);
    assert_eq!(index.items(), &items[..10]);
    // Search goes on over what there is.
    let all = CatalogFilter::default();
    assert_eq!(index.rank(&all).len(), 10);
    assert!(!index.prepare_some(5), "five of the ten");
    assert!(index.prepare_some(5), "all ten");
}
