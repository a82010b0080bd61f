//! A text with its search matches in `<mark>`, written straight to the DOM, that keeps the nodes
//! it wrote. A keystroke mostly moves a match within a name (`身` → `身份`) or brings a name
//! with matches in the same places, so the text keeps its shape (marked, unmarked, ...) and only
//! the changed runs are written, as `nodeValue`: the browser then updates the texts it has
//! instead of tearing down and styling new nodes (issue 16).

use leptos::prelude::document;
use portal_core::search::{highlight_segments, CharRange};
use web_sys::{Element, Node};

pub struct MarkedText {
    parent: Element,
    /// One per run, in order: its text node (inside its `<mark>` when marked), whether it is
    /// marked, and the text last written into it.
    runs: Vec<Run>,
}

struct Run {
    node: Node,
    marked: bool,
    text: String,
}

impl MarkedText {
    /// Takes over `parent`, which must be empty.
    pub fn new(parent: Element) -> Self {
        MarkedText {
            parent,
            runs: Vec::new(),
        }
    }

    pub fn element(&self) -> &Element {
        &self.parent
    }

    /// Shows `text` with the characters in `ranges` marked, writing only what differs from what
    /// is shown.
    pub fn write(&mut self, text: &str, ranges: &[CharRange]) {
        let segments = highlight_segments(text, ranges);
        let same_shape = segments.len() == self.runs.len()
            && segments
                .iter()
                .zip(&self.runs)
                .all(|((_, marked), run)| *marked == run.marked);
        if !same_shape {
            self.rebuild(&segments);
            return;
        }
        for (&(segment, _), run) in segments.iter().zip(&mut self.runs) {
            if run.text != *segment {
                run.node.set_node_value(Some(segment));
                segment.clone_into(&mut run.text);
            }
        }
    }

    fn rebuild(&mut self, segments: &[(&str, bool)]) {
        self.parent.set_text_content(None);
        self.runs.clear();
        for &(segment, marked) in segments {
            let node: Node = document().create_text_node(segment).into();
            if marked {
                let mark = document().create_element("mark").expect("<mark>");
                let _ = mark.append_child(&node);
                let _ = self.parent.append_child(&mark);
            } else {
                let _ = self.parent.append_child(&node);
            }
            self.runs.push(Run {
                node,
                marked,
                text: segment.to_owned(),
            });
        }
    }
}
