//! One item in the catalog: its name (linking to the guide), department, summary and badges,
//! with search matches highlighted.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_core::{Hit, ItemSummary};

use crate::components::badges::{badge_texts, Badges};
use crate::components::highlight::Highlighted;

#[component]
pub fn ItemCard(item: ItemSummary, hit: Hit) -> impl IntoView {
    let href = format!("/items/{}", item.code);
    let themes = item.themes.iter().map(|t| t.label()).collect::<Vec<_>>().join("、");
    let badges = badge_texts(&item);
    view! {
        <li class="card" data-code=item.code.clone()>
            <h3 class="card-title">
                <A href=href>
                    <Highlighted text=item.name ranges=hit.name_ranges />
                </A>
            </h3>
            <p class="card-meta">
                <span class="dept-tag">{item.department_kind.label()}</span>
                {item.department}
                " · "
                {themes}
            </p>
            <p class="card-summary">
                <Highlighted text=item.summary ranges=hit.summary_ranges />
            </p>
            <Badges badges=badges />
        </li>
    }
}
