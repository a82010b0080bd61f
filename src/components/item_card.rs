//! One item in the catalog: its name (linking to the guide), department, summary and badges,
//! with search matches highlighted.

use leptos::prelude::*;
use portal_core::search::CharRange;
use portal_core::{join_labels_in, ItemSummary};

use crate::components::badges::{badge_texts, Badges};
use crate::components::highlight::Highlighted;
use crate::i18n::{lang, zh_content};

/// Where the current search matched one item's name and summary (character ranges).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlights {
    pub index: usize,
    pub name: Vec<CharRange>,
    pub summary: Vec<CharRange>,
}

/// The title link is a plain `<a>`: the router still handles the click, without a reactive `<A>`
/// per card to create and re-check on every keystroke.
#[component]
pub fn ItemCard(item: ItemSummary, #[prop(into)] highlights: Signal<Highlights>) -> impl IntoView {
    let href = format!("/items/{}", item.code);
    let lang = lang();
    let themes = join_labels_in(&item.themes, lang);
    let zh = zh_content();
    let badges = badge_texts(&item);
    let (name, summary) = (item.name, item.summary);
    view! {
        <li class="card" data-code=item.code.clone()>
            <h2 class="card-title" lang=zh>
                <a href=href>
                    {move || view! { <Highlighted text=name.clone() ranges=highlights.with(|h| h.name.clone()) /> }}
                </a>
            </h2>
            <p class="card-meta">
                <span class="dept-tag">{item.department_kind.label_in(lang)}</span>
                <span lang=zh>{item.department}</span>
                " · "
                {themes}
            </p>
            <p class="card-summary" lang=zh>
                {move || view! { <Highlighted text=summary.clone() ranges=highlights.with(|h| h.summary.clone()) /> }}
            </p>
            <Badges badges=badges />
        </li>
    }
}
