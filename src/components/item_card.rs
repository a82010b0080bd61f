//! One item in the catalog: its name (linking to the guide), department, summary and badges,
//! with search matches highlighted.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::search::CharRange;
use portal_core::{join_labels_in, ItemSummary, SearchIndex};

use crate::components::badges::{badge_texts_in, badges_view};
use crate::components::highlight::highlighted;
use crate::i18n::{zh_content_in, Lang};

/// Where the current search matched one item's name and summary (character ranges).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlights {
    pub index: usize,
    pub name: Vec<CharRange>,
    pub summary: Vec<CharRange>,
}

/// The card at one position of the result list, showing whichever item `shown` puts there.
///
/// The card is made once; when a keystroke puts another item at its position, each text and
/// attribute that differs is rewritten in place (one fine-grained binding each), as a
/// hand-written list would. Making and discarding whole cards per keystroke cost more than the
/// search itself.
///
/// The title link is a plain `<a>`: the router still handles the click, without a reactive `<A>`
/// per card to create and re-check on every keystroke.
pub fn position_card(
    index: Arc<SearchIndex>,
    shown: Memo<Option<Highlights>>,
    lang: Lang,
) -> impl IntoView {
    let item_at = Memo::new(move |_| shown.with(|h| h.as_ref().map(|h| h.index)));
    // Reads the shown item (or nothing, as the position is being removed).
    let field = |read: fn(&ItemSummary, Lang) -> String| {
        let index = Arc::clone(&index);
        move || {
            item_at
                .get()
                .map(|i| read(&index.items()[i], lang))
                .unwrap_or_default()
        }
    };
    let marked = |index: Arc<SearchIndex>, name: bool| {
        move || {
            shown.with(|h| {
                let (text, ranges) = match h {
                    Some(h) if name => (index.items()[h.index].name.as_str(), h.name.as_slice()),
                    Some(h) => (
                        index.items()[h.index].summary.as_str(),
                        h.summary.as_slice(),
                    ),
                    None => ("", &[][..]),
                };
                highlighted(text, ranges)
            })
        }
    };
    let zh = zh_content_in(lang);
    let badges = Memo::new({
        let index = Arc::clone(&index);
        move |_| {
            item_at
                .get()
                .map(|i| badge_texts_in(&index.items()[i], lang))
                .unwrap_or_default()
        }
    });
    view! {
        <li class="card" data-code=field(|item, _| item.code.clone())>
            <h2 class="card-title" lang=zh>
                <a href=field(|item, _| format!("/items/{}", item.code))>{marked(Arc::clone(&index), true)}</a>
            </h2>
            <p class="card-meta">
                <span class="dept-tag">{field(|item, lang| item.department_kind.label_in(lang).to_owned())}</span>
                <span lang=zh>{field(|item, _| item.department.clone())}</span>
                " · "
                {field(|item, lang| join_labels_in(&item.themes, lang))}
            </p>
            <p class="card-summary" lang=zh>
                {marked(Arc::clone(&index), false)}
            </p>
            {move || badges_view(badges.get(), lang)}
        </li>
    }
}
