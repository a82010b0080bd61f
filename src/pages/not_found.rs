//! Any address the portal does not know.

use leptos::prelude::*;

use crate::components::app_link::CitizenLink;
use crate::components::title::set_title;
use crate::i18n::t;

#[component]
pub fn NotFound() -> impl IntoView {
    let m = t();
    set_title(m.not_found_title);
    view! { <NotFoundBody heading=m.not_found_title detail=m.not_found_detail.to_owned() /> }
}

/// The body shared by unknown pages and unknown item codes.
#[component]
pub fn NotFoundBody(heading: &'static str, detail: String) -> impl IntoView {
    view! {
        <div class="wrap not-found" data-testid="not-found">
            <h1 class="page-title">{heading}</h1>
            <p>{detail}</p>
            <p>
                <CitizenLink href="/" class="button">{t().back_to_catalog}</CitizenLink>
            </p>
        </div>
    }
}
