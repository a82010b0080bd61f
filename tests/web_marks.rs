//! Search matches marked in a text (`MarkedText`), in headless Chromium: as ranges of the page's
//! `search` highlight, and as `<mark>` elements, the way of browsers without custom highlights.
#![cfg(target_arch = "wasm32")]

use portal::components::marked_text::{has_custom_highlights, MarkedText};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{all, container, marked};

fn fresh() -> Element {
    container().into()
}

#[wasm_bindgen_test]
fn matches_are_ranges_of_one_text_node_that_move_without_touching_the_text() {
    assert!(has_custom_highlights(), "Chromium has CSS.highlights");
    let root = fresh();
    let mut text = MarkedText::new(root.clone());
    text.write("居民身份证补领", &[(2, 3)]);
    assert_eq!(root.text_content().unwrap(), "居民身份证补领");
    assert_eq!(root.child_nodes().length(), 1, "one text node, no <mark>");
    assert_eq!(marked(&root), vec!["身"]);

    // 身 → 身份: the same text node, its range moved.
    let node = root.first_child().unwrap();
    text.write("居民身份证补领", &[(2, 4)]);
    assert!(root.first_child().unwrap().is_same_node(Some(&node)));
    assert_eq!(marked(&root), vec!["身份"]);

    // Two matches, then another text with one: extra ranges leave the highlight.
    text.write("居民身份证补领", &[(0, 1), (2, 4)]);
    assert_eq!(marked(&root), vec!["居", "身份"]);
    text.write("护照签发", &[(0, 2)]);
    assert!(root.first_child().unwrap().is_same_node(Some(&node)));
    assert_eq!(root.text_content().unwrap(), "护照签发");
    assert_eq!(marked(&root), vec!["护照"]);

    text.write("护照签发", &[]);
    assert!(marked(&root).is_empty());
}

#[wasm_bindgen_test]
fn a_character_beyond_the_basic_plane_counts_as_one() {
    let root = fresh();
    let mut text = MarkedText::new(root.clone());
    // 𠮷 is two UTF-16 units; the ranges are in characters.
    text.write("𠮷祥路派出所户籍", &[(1, 3), (6, 8)]);
    assert_eq!(marked(&root), vec!["祥路", "户籍"]);
}

#[wasm_bindgen_test]
fn unmarking_or_dropping_a_text_takes_its_ranges_out_of_the_highlight() {
    let (first, second) = (fresh(), fresh());
    let mut kept = MarkedText::new(first.clone());
    let mut dropped = MarkedText::new(second.clone());
    kept.write("公证处", &[(0, 2)]);
    dropped.write("公证员", &[(0, 2)]);
    assert_eq!(marked(&second), vec!["公证"]);
    drop(dropped);
    assert!(marked(&second).is_empty());
    assert_eq!(marked(&first), vec!["公证"], "another text keeps its own");

    kept.unmark();
    assert!(marked(&first).is_empty());
    assert_eq!(first.text_content().unwrap(), "公证处", "the text stays");
    kept.write("公证处", &[(2, 3)]);
    assert_eq!(marked(&first), vec!["处"]);
}

#[wasm_bindgen_test]
fn without_custom_highlights_matches_are_marks_rewritten_only_where_they_changed() {
    let root = fresh();
    let mut text = MarkedText::with_marks(root.clone());
    text.write("居民身份证补领", &[(2, 3)]);
    assert_eq!(marked(&root), vec!["身"]);
    assert_eq!(root.text_content().unwrap(), "居民身份证补领");

    // The same shape (unmarked, marked, unmarked): the same <mark>, its text changed.
    let mark = all(&root, "mark").remove(0);
    text.write("居民身份证补领", &[(2, 4)]);
    assert!(all(&root, "mark")[0].is_same_node(Some(&mark)));
    assert_eq!(marked(&root), vec!["身份"]);

    // Another shape: rebuilt.
    text.write("居民身份证补领", &[(0, 1), (2, 4)]);
    assert_eq!(marked(&root), vec!["居", "身份"]);
    assert_eq!(root.text_content().unwrap(), "居民身份证补领");
    text.write("护照", &[]);
    assert!(marked(&root).is_empty());
    assert_eq!(root.text_content().unwrap(), "护照");
}
