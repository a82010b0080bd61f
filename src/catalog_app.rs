//! The catalog alone: the citizen portal's home page as its own small wasm (`portal-catalog`,
//! built from `catalog.html` into `dist/catalog/`), so a visitor who comes to find a service
//! downloads the search and nothing else. The mock API serves it for `/`; every other page is
//! the whole portal (`app.rs`). It has no router: its links (a guide, the home page) are plain
//! links, so following one loads that page, and its filter lives in the page's own history.

use leptos::prelude::*;

use crate::components::app_link::{provide_shell, Shell};
use crate::components::layout::Chrome;
use crate::i18n::provide_prefs;
use crate::pages::catalog::CatalogPage;
use crate::pages::catalog_store::CatalogStore;
use crate::pages::catalog_url::{filter_of, history_address};

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
    let search = window().location().search().unwrap_or_default();
    CatalogStore::get().restore_from_history(filter_of(&search));
    let address = history_address();
    view! {
        <Chrome>
            <CatalogPage address />
        </Chrome>
    }
}
