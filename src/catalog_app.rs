//! The catalog alone: the citizen portal's home page as its own small wasm (`portal-catalog`,
//! built from `catalog.html` into `dist/catalog/`), so a visitor who comes to find a service
//! downloads the search and nothing else. The mock API serves it for `/`; every other page is
//! the whole portal (`app.rs`). It has no router: its links (a guide, the home page) are plain
//! links, so following one loads that page, and its filter lives in the page's own history.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::app_link::{provide_shell, Shell};
use crate::components::layout::Chrome;
use crate::i18n::provide_prefs;
use crate::pages::catalog::CatalogPage;
use crate::pages::catalog_store::CatalogStore;
use crate::pages::catalog_url::history_address;

/// Mounts the catalog once its cards are in (or have been waited for long enough).
pub async fn start() {
    crate::pages::catalog_early::fetch_before_mount().await;
    crate::app::replace_boot_page(CatalogApp);
}

#[component]
pub fn CatalogApp() -> impl IntoView {
    provide_prefs();
    provide_shell(Shell::Citizen);
    crate::pages::catalog_store::provide_catalog_store();
    // Back from a guide loads this page again (unless the browser kept it): the list comes back
    // as long and scrolled as it was, from what the page wrote into its history entry.
    let address = history_address();
    CatalogStore::get().restore_from_history(address.filter.get_untracked());
    prefetch_whole_portal_on_interest();
    view! {
        <Chrome>
            <CatalogPage address />
        </Chrome>
    }
}

/// Fetches the whole portal's script, wasm and stylesheets ahead, once, when the reader shows
/// interest in a result (a pointer or a finger on it, keyboard focus): following it is a page
/// load of the whole portal, which then finds them in the cache (its stylesheets hold up its first
/// paint). Readers who only search download nothing more.
/// The release build names the files in `<meta name="whole-portal">` (scripts/build-release.sh);
/// without it (`trunk serve` serves the whole portal anyway) nothing is done.
fn prefetch_whole_portal_on_interest() {
    let Some(files) = document()
        .query_selector("meta[name=whole-portal]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
    else {
        return;
    };
    let done = StoredValue::new(false);
    let on_interest = move |event: web_sys::Event| {
        if done.get_value() {
            return;
        }
        let on_result = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("[data-testid=results] a").ok().flatten())
            .is_some();
        if !on_result {
            return;
        }
        done.set_value(true);
        let Some(head) = document().head() else {
            return;
        };
        for file in files.split_whitespace() {
            if let Ok(link) = document().create_element("link") {
                let _ = link.set_attribute("rel", "prefetch");
                let _ = link.set_attribute("href", file);
                // The same request the portal's page makes for its script and wasm (CORS,
                // same-origin credentials); its stylesheets, asked without CORS, are served from
                // the same cached answer (tests/e2e/prefetch.spec.ts).
                let _ = link.set_attribute("crossorigin", "anonymous");
                let _ = head.append_child(&link);
            }
        }
    };
    // A touch starts with pointerover too.
    for event in ["pointerover", "focusin"] {
        let handle = window_event_listener_untyped(event, on_interest.clone());
        on_cleanup(move || handle.remove());
    }
}
