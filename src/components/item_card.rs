//! One item in the catalog: its name (linking to the guide), department, summary and badges,
//! with search matches highlighted.

use leptos::prelude::*;
use portal_core::search::CharRange;
use portal_core::{Hit, ItemSummary};

use crate::components::badges::{badge_texts, Badges};
use crate::components::highlight::Highlighted;

/// A plain `<a>`: the router still handles the click, without a reactive `<A>` per card to
/// create and re-check on every keystroke.
#[component]
pub fn ItemCard(item: ItemSummary, hit: Hit, summary_ranges: Vec<CharRange>) -> impl IntoView {
    let href = format!("/items/{}", item.code);
    let themes = item
        .themes
        .iter()
        .map(|t| t.label())
        .collect::<Vec<_>>()
        .join("、");
    let badges = badge_texts(&item);
    view! {
        <li class="card" data-code=item.code.clone()>
            <h2 class="card-title">
                <a href=href>
                    <Highlighted text=item.name ranges=hit.name_ranges />
                </a>
            </h2>
            <p class="card-meta">
                <span class="dept-tag">{item.department_kind.label()}</span>
                {item.department}
                " · "
                {themes}
            </p>
            <p class="card-summary">
                <Highlighted text=item.summary ranges=summary_ranges />
            </p>
            <Badges badges=badges />
        </li>
    }
}
