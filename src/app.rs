//! The citizen portal's routes, and the page frame (skip link, header, main, footer) it shares
//! with the staff workspace (`staff_app.rs`, a separate wasm that citizens never download).

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::{path, NavigateOptions};
use portal_core::CatalogFilter;

use crate::components::app_link::{provide_shell, Shell};
use crate::components::layout::Chrome;
use crate::i18n::provide_prefs;
use crate::pages::apply::{
    ApplyShell, CasePage, CheckPage, DonePage, IntroPage, MaterialsPage, StepPage,
};
use crate::pages::catalog::CatalogPage;
use crate::pages::catalog_url::Address;
use crate::pages::guide::GuidePage;
use crate::pages::not_found::NotFound;

/// Starts the portal: on the catalog's address, once its cards are in (or have been waited for
/// long enough, see `catalog_early`), so the first frame shows the list; elsewhere at once.
pub async fn start() {
    if window().location().pathname().is_ok_and(|path| path == "/") {
        crate::pages::catalog_early::fetch_before_mount().await;
    }
    replace_boot_page(App);
}

/// The page shown while the wasm loaded (index.html, catalog.html) makes way for `app`.
pub fn replace_boot_page<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app);
}

/// The citizen portal: catalog, guides, applying and following a case.
#[component]
pub fn App() -> impl IntoView {
    crate::pages::catalog_store::provide_catalog_store();
    view! {
        <Frame shell=Shell::Citizen>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/") view=|| view! { <CatalogPage address=router_address() /> } />
                <Route path=path!("/items/:code") view=GuidePage />
                <ParentRoute path=path!("/items/:code/apply") view=ApplyShell>
                    <Route path=path!("") view=IntroPage />
                    <Route path=path!("step/:step") view=StepPage />
                    <Route path=path!("materials") view=MaterialsPage />
                    <Route path=path!("check") view=CheckPage />
                    <Route path=path!("done/:reference") view=DonePage />
                </ParentRoute>
                <Route path=path!("/applications/:reference") view=CasePage />
            </Routes>
        </Frame>
    }
}

/// The router and what surrounds every page; `children` are the app's `<Routes>`.
#[component]
pub fn Frame(shell: Shell, children: ChildrenFn) -> impl IntoView {
    provide_prefs();
    provide_shell(shell);
    view! {
        <Router>
            <FocusOnNavigation />
            <Chrome children />
        </Router>
    }
}

/// The catalog's address bar as the router sees it: the query it reads, a replacing navigation.
fn router_address() -> Address {
    let query = use_query_map();
    let navigate = use_navigate();
    Address {
        filter: Signal::derive(move || query.with(|q| CatalogFilter::from_query(|key| q.get(key)))),
        replace: Callback::new(move |url: String| {
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&url, options);
        }),
    }
}

/// After a client-side move to another page, focus `<main>`, as a full page load would reset
/// focus: keyboard and screen-reader users then start at the new page, not on a vanished link.
/// Only the path counts: a catalog search rewriting the query keeps focus in the search box.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.is_some_and(|p| p != path) {
            if let Some(main) = document().get_element_by_id("main") {
                if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                    let _ = main.focus();
                }
            }
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        path
    });
}
