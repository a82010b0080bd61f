//! One item in the catalog: its name (linking to the guide), department and key facts (the
//! guide's badges, as one line of text), with search matches highlighted; its summary only when
//! the search matched there and not in the name, to say why the item is a result; the guide shows
//! it whole. Each keystroke lays out and paints ten cards, so what a card holds is what a
//! keystroke costs (issue 16, harness A/Bs of two builds, median keystroke): a summary on every
//! card took 6.3 against 5.8 ms without; the facts as a pill per badge (forty-odd bordered boxes
//! per keystroke) 7.9 against 6.8 ms as one text.
//!
//! A card is written straight to the DOM (`web_sys`), not as a view: a keystroke can bring ten
//! new cards, and as views each card was a dozen reactive bindings, effects and attribute lists
//! to create, run and diff, more script than the search itself (issue 16's profiles). Every
//! text goes in as a text node (`textContent`, `append` of a string), never as HTML.

use leptos::prelude::document;
use portal_core::search::CharRange;
use portal_core::{join_labels_in, ItemSummary};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::components::badges::fact_line_in;
use crate::components::marked_text::MarkedText;
use crate::i18n::{zh_content_in, Lang};

/// Where the current search matched one item (character ranges): in its name, and in its summary
/// only when the name has no match (the card then shows the summary, see [`Card`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlights {
    pub index: usize,
    pub name: Vec<CharRange>,
    pub summary: Vec<CharRange>,
}

/// The card of one item, kept while the item stays in the result list, so a keystroke that
/// keeps an item leaves its texts alone and only re-marks what the new query matches. A card
/// whose item leaves the list is refilled with another item ([`Card::refill`]) rather than
/// replaced: the browser then lays out and paints changed texts in elements it already has,
/// instead of styling, building and painting a new card and tearing down the old one. Plain
/// texts are kept as their text nodes and changed through `nodeValue` for the same reason.
pub struct Card {
    pub li: Element,
    name: MarkedText,
    kind: Node,
    department: Node,
    themes: Node,
    summary: MarkedText,
    facts: Node,
    marked: Highlights,
}

/// An empty card, cloned for each new item: one DOM call for its elements, classes and
/// attributes instead of one call (and one string passed to JS) each.
pub struct CardTemplate {
    li: Element,
    lang: Lang,
}

impl CardTemplate {
    pub fn new(lang: Lang) -> Self {
        let zh = zh_content_in(lang);
        let li = element("li", "card");
        let title = element("h2", "card-title");
        set_lang(&title, zh);
        append(&title, &document().create_element("a").expect("<a>"));
        let meta = element("p", "card-meta");
        append(&meta, &element("span", "dept-tag"));
        let department = document().create_element("span").expect("<span>");
        set_lang(&department, zh);
        append(&meta, &department);
        let summary = element("p", "card-summary");
        set_lang(&summary, zh);
        set(&summary, "hidden", "");
        let facts = element("p", "card-facts");
        for part in [&title, &meta, &summary, &facts] {
            append(&li, part);
        }
        CardTemplate { li, lang }
    }

    /// The language the cards are written in.
    pub fn lang(&self) -> Lang {
        self.lang
    }
}

impl Card {
    /// Makes the card of `item`, with its matches marked.
    pub fn new(template: &CardTemplate, item: &ItemSummary, marks: &Highlights) -> Self {
        let lang = template.lang;
        let li: Element = template
            .li
            .clone_node_with_deep(true)
            .expect("a card template clones")
            .unchecked_into();
        let child = |parent: &Element| parent.first_element_child().expect("the template's shape");
        let next = |element: &Element| {
            element
                .next_element_sibling()
                .expect("the template's shape")
        };
        let (title, meta) = (child(&li), next(&child(&li)));
        let (name, kind) = (child(&title), child(&meta));
        let department = next(&kind);
        let (summary, facts) = (next(&meta), next(&next(&meta)));
        set(&li, "data-code", &item.code);
        set(&name, "href", &href(item));
        let mut name = MarkedText::new(name);
        name.write(&item.name, &marks.name);
        // The template's summary is hidden and empty, as for marks that show none.
        let mut card = Card {
            li,
            name,
            kind: text_in(&kind, item.department_kind.label_in(lang)),
            department: text_in(&department, &item.department),
            themes: text_in(&meta, &themes_text(item, lang)),
            summary: MarkedText::new(summary),
            facts: text_in(&facts, &fact_line_in(item, lang)),
            marked: Highlights::default(),
        };
        card.show_summary(item, marks);
        card.marked = marks.clone();
        card
    }

    /// Shows `item` in this card, which showed `was`: only the texts and attributes that differ
    /// are written.
    pub fn refill(
        &mut self,
        lang: Lang,
        was: &ItemSummary,
        item: &ItemSummary,
        marks: &Highlights,
    ) {
        set(&self.li, "data-code", &item.code);
        set(self.name.element(), "href", &href(item));
        self.name.write(&item.name, &marks.name);
        if was.department_kind != item.department_kind {
            let label = item.department_kind.label_in(lang);
            self.kind.set_node_value(Some(label));
        }
        if was.department != item.department {
            self.department.set_node_value(Some(&item.department));
        }
        if was.themes != item.themes {
            self.themes.set_node_value(Some(&themes_text(item, lang)));
        }
        self.show_summary(item, marks);
        let facts = fact_line_in(item, lang);
        if fact_line_in(was, lang) != facts {
            self.facts.set_node_value(Some(&facts));
        }
        self.marked.clone_from(marks);
    }

    /// The item shown (its place in the search index).
    pub fn index(&self) -> usize {
        self.marked.index
    }

    /// Marks what another query matches in the same item, rewriting only a text whose marks moved.
    pub fn mark(&mut self, item: &ItemSummary, marks: &Highlights) {
        self.name.write(&item.name, &marks.name);
        self.show_summary(item, marks);
        self.marked.clone_from(marks);
    }

    /// Shows or hides the summary for `marks`, writing it only when it is shown. A hidden
    /// summary keeps its old text (it is neither laid out nor read) but not its marks.
    fn show_summary(&mut self, item: &ItemSummary, marks: &Highlights) {
        let (shown, show) = (shows_summary(&self.marked), shows_summary(marks));
        if show {
            self.summary.write(&item.summary, &marks.summary);
        }
        if show != shown {
            let _ = self
                .summary
                .element()
                .toggle_attribute_with_force("hidden", !show);
            if !show {
                self.summary.unmark();
            }
        }
    }
}

/// A card shows its summary when the search matched there (the list finds the summary's marks
/// only when the name has none).
fn shows_summary(marks: &Highlights) -> bool {
    !marks.summary.is_empty()
}

fn href(item: &ItemSummary) -> String {
    format!("/items/{}", item.code)
}

fn themes_text(item: &ItemSummary, lang: Lang) -> String {
    format!(" · {}", join_labels_in(&item.themes, lang))
}

/// Appends `text` to `parent` as a text node, kept to change it later.
fn text_in(parent: &Element, text: &str) -> Node {
    let node: Node = document().create_text_node(text).into();
    let _ = parent.append_child(&node);
    node
}

fn element(tag: &str, class: &str) -> Element {
    let element = document().create_element(tag).expect("a known tag");
    element.set_class_name(class);
    element
}

fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Marks Chinese content as such on an English page, so screen readers read it in Chinese.
fn set_lang(element: &Element, zh: Option<&str>) {
    if let Some(zh) = zh {
        set(element, "lang", zh);
    }
}

fn append(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}
