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
use portal_core::search::{highlight_segments, CharRange};
use portal_core::{join_labels_in, ItemSummary};
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::components::badges::fact_line_in;
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
/// instead of styling, building and painting a new card and tearing down the old one.
pub struct Card {
    pub li: Element,
    name: Element,
    kind: Element,
    department: Element,
    themes: web_sys::Node,
    summary: Element,
    facts: Element,
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
        let themes: web_sys::Node = document().create_text_node(&themes_text(item, lang)).into();
        let _ = meta.append_child(&themes);

        set(&li, "data-code", &item.code);
        set(&name, "href", &href(item));
        marked_text(&name, &item.name, &marks.name);
        kind.set_text_content(Some(item.department_kind.label_in(lang)));
        department.set_text_content(Some(&item.department));
        facts.set_text_content(Some(&fact_line_in(item, lang)));
        // The template's summary is hidden and empty, as for marks that show none.
        let mut card = Card {
            li,
            name,
            kind,
            department,
            themes,
            summary,
            facts,
            marked: Highlights::default(),
        };
        card.show_summary(&item.summary, item, marks);
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
        set(&self.name, "href", &href(item));
        if was.name != item.name || self.marked.name != marks.name {
            marked_text(&self.name, &item.name, &marks.name);
        }
        if was.department_kind != item.department_kind {
            let label = item.department_kind.label_in(lang);
            self.kind.set_text_content(Some(label));
        }
        if was.department != item.department {
            self.department.set_text_content(Some(&item.department));
        }
        if was.themes != item.themes {
            self.themes.set_node_value(Some(&themes_text(item, lang)));
        }
        self.show_summary(&was.summary, item, marks);
        let facts = fact_line_in(item, lang);
        if fact_line_in(was, lang) != facts {
            self.facts.set_text_content(Some(&facts));
        }
        self.marked.clone_from(marks);
    }

    /// The item shown (its place in the search index).
    pub fn index(&self) -> usize {
        self.marked.index
    }

    /// Marks what another query matches in the same item, rewriting only a text whose marks moved.
    pub fn mark(&mut self, item: &ItemSummary, marks: &Highlights) {
        if self.marked.name != marks.name {
            marked_text(&self.name, &item.name, &marks.name);
        }
        self.show_summary(&item.summary, item, marks);
        self.marked.clone_from(marks);
    }

    /// Shows or hides the summary for `marks`, writing it only when it is shown and its text or
    /// marks differ from what the card last showed (`was`: the summary then). A hidden summary
    /// keeps its old text: it is neither laid out nor read.
    fn show_summary(&self, was: &str, item: &ItemSummary, marks: &Highlights) {
        let (shown, show) = (shows_summary(&self.marked), shows_summary(marks));
        if show && (!shown || was != item.summary || self.marked.summary != marks.summary) {
            marked_text(&self.summary, &item.summary, &marks.summary);
        }
        if show != shown {
            let _ = self.summary.toggle_attribute_with_force("hidden", !show);
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

/// Replaces `parent`'s content with `text`, its matched runs in `<mark>`.
fn marked_text(parent: &Element, text: &str, ranges: &[CharRange]) {
    if ranges.is_empty() {
        parent.set_text_content(Some(text));
        return;
    }
    parent.set_text_content(None);
    for (segment, marked) in highlight_segments(text, ranges) {
        if marked {
            let mark = document().create_element("mark").expect("<mark>");
            mark.set_text_content(Some(segment));
            append(parent, &mark);
        } else {
            let _ = parent.append_with_str_1(segment);
        }
    }
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
