//! A text with its search matches highlighted, written straight to the DOM, that keeps the nodes
//! it wrote.
//!
//! Where the browser has custom highlights (the CSS Custom Highlight API: Chrome 105, Safari 17.2,
//! Firefox 140), the text is one text node and each match is a range in the page's `search`
//! highlight, styled by `::highlight(search)`. A keystroke that moves a match (`身` → `身份`) then
//! changes what is painted and nothing that is laid out. Issue 16's harness A/Bs against
//! `<mark>` elements (2026-12-06, six of 10 runs each, both orders): median keystroke level in
//! three, 0.2–0.5 ms faster in three; the count-changing median level in two, 0.2–0.9 ms
//! faster in four.
//!
//! Elsewhere (older phones' browsers) the matches are `<mark>` elements, and a keystroke writes
//! only the runs of text that changed, as `nodeValue`.

use leptos::prelude::document;
use portal_core::search::{highlight_segments, CharRange};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node, StaticRange, StaticRangeInit};

#[wasm_bindgen]
extern "C" {
    /// A set of ranges painted alike (`new Highlight()`).
    type Highlight;
    #[wasm_bindgen(constructor)]
    fn new() -> Highlight;
    #[wasm_bindgen(method)]
    fn add(this: &Highlight, range: &StaticRange);
    #[wasm_bindgen(method)]
    fn delete(this: &Highlight, range: &StaticRange);

    /// `CSS.highlights`: the page's highlights by name.
    type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
}

thread_local! {
    /// The page's `search` highlight, registered on first use; none where the browser has no
    /// custom highlights.
    static SEARCH: Option<Highlight> = register_search();
}

fn register_search() -> Option<Highlight> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    if registry.is_undefined() || registry.is_null() {
        return None;
    }
    let search = Highlight::new();
    (registry.unchecked_ref::<HighlightRegistry>()).set("search", &search);
    Some(search)
}

/// Whether this browser highlights matches as ranges (else as `<mark>` elements).
pub fn has_custom_highlights() -> bool {
    SEARCH.with(Option::is_some)
}

pub struct MarkedText {
    parent: Element,
    way: Way,
}

enum Way {
    /// One text node (made on the first write) and a range per match in the `search` highlight.
    Ranges {
        text: Option<(Node, String)>,
        marked: Vec<CharRange>,
        ranges: Vec<StaticRange>,
    },
    /// One run per text node, in order, the marked ones inside their `<mark>`.
    Marks(Vec<Run>),
}

struct Run {
    node: Node,
    marked: bool,
    text: String,
}

impl MarkedText {
    /// Takes over `parent`, which must be empty: matches as highlight ranges where the browser
    /// has them, else as `<mark>` elements.
    pub fn new(parent: Element) -> Self {
        if has_custom_highlights() {
            MarkedText {
                parent,
                way: Way::Ranges {
                    text: None,
                    marked: Vec::new(),
                    ranges: Vec::new(),
                },
            }
        } else {
            Self::with_marks(parent)
        }
    }

    /// Takes over `parent`, which must be empty, marking matches as `<mark>` elements (the way
    /// of browsers without custom highlights).
    pub fn with_marks(parent: Element) -> Self {
        MarkedText {
            parent,
            way: Way::Marks(Vec::new()),
        }
    }

    pub fn element(&self) -> &Element {
        &self.parent
    }

    /// Takes this text's ranges out of the page's highlight, leaving the text: for a text being
    /// hidden, so nothing stays highlighted that is not shown. (`<mark>` elements hide with it.)
    pub fn unmark(&mut self) {
        if let Way::Ranges { marked, ranges, .. } = &mut self.way {
            SEARCH.with(|search| {
                if let Some(search) = search {
                    ranges.iter().for_each(|range| search.delete(range));
                }
            });
            ranges.clear();
            marked.clear();
        }
    }

    /// Shows `text` with the characters in `ranges` marked, writing only what differs from what
    /// is shown.
    pub fn write(&mut self, text: &str, ranges: &[CharRange]) {
        match &mut self.way {
            Way::Ranges {
                text: shown,
                marked,
                ranges: in_highlight,
            } => {
                let node = match shown {
                    Some((node, was)) if was == text => {
                        if marked == ranges {
                            return;
                        }
                        node.clone()
                    }
                    Some((node, was)) => {
                        node.set_node_value(Some(text));
                        text.clone_into(was);
                        node.clone()
                    }
                    None => {
                        let node: Node = document().create_text_node(text).into();
                        let _ = self.parent.append_child(&node);
                        *shown = Some((node.clone(), text.to_owned()));
                        node
                    }
                };
                place_ranges(in_highlight, &node, text, ranges);
                marked.clear();
                marked.extend_from_slice(ranges);
            }
            Way::Marks(runs) => write_runs(&self.parent, runs, text, ranges),
        }
    }
}

impl Drop for MarkedText {
    fn drop(&mut self) {
        self.unmark();
    }
}

/// Makes `in_highlight` cover `ranges` of `text` (in `node`), replacing the ranges it had.
/// Static ranges, not live ones: a live range moves out of a card the list moves (the DOM puts
/// its ends on the list), and a card's text may change under it; a static range stays on its
/// text node, and a new one tells the browser to paint the highlight again.
fn place_ranges(
    in_highlight: &mut Vec<StaticRange>,
    node: &Node,
    text: &str,
    ranges: &[CharRange],
) {
    SEARCH.with(|search| {
        let Some(search) = search else { return };
        for range in in_highlight.drain(..) {
            search.delete(&range);
        }
        for &(start, end) in ranges {
            let (start, end) = (utf16_offset(text, start), utf16_offset(text, end));
            let ends = StaticRangeInit::new(node, end, node, start);
            if let Ok(range) = StaticRange::new(&ends) {
                search.add(&range);
                in_highlight.push(range);
            }
        }
    });
}

/// Rewrites `runs` in `parent` to show `text` with `ranges` in `<mark>`: only the runs whose
/// text changed when the marks keep their places, else all of them.
fn write_runs(parent: &Element, runs: &mut Vec<Run>, text: &str, ranges: &[CharRange]) {
    let segments = highlight_segments(text, ranges);
    let same_shape = segments.len() == runs.len()
        && (segments.iter().zip(runs.iter())).all(|((_, marked), run)| *marked == run.marked);
    if same_shape {
        for (&(segment, _), run) in segments.iter().zip(runs.iter_mut()) {
            if run.text != segment {
                run.node.set_node_value(Some(segment));
                segment.clone_into(&mut run.text);
            }
        }
        return;
    }
    parent.set_text_content(None);
    runs.clear();
    for &(segment, marked) in &segments {
        let node: Node = document().create_text_node(segment).into();
        if marked {
            let mark = document().create_element("mark").expect("<mark>");
            let _ = mark.append_child(&node);
            let _ = parent.append_child(&mark);
        } else {
            let _ = parent.append_child(&node);
        }
        runs.push(Run {
            node,
            marked,
            text: segment.to_owned(),
        });
    }
}

/// The DOM's offset (UTF-16 units) of character `position` in `text`: a character outside the
/// Basic Multilingual Plane (a rare name character such as 𠮷) is two units.
fn utf16_offset(text: &str, position: usize) -> u32 {
    text.chars()
        .take(position)
        .map(|c| c.len_utf16() as u32)
        .sum()
}
