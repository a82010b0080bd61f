//! Routes and the page frame (skip link, header, main, footer).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::{Footer, Header};
use crate::pages::apply::ApplyPage;
use crate::pages::catalog::CatalogPage;
use crate::pages::guide::GuidePage;
use crate::pages::not_found::NotFound;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main">"跳到主要内容"</a>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=CatalogPage />
                    <Route path=path!("/items/:code") view=GuidePage />
                    <Route path=path!("/items/:code/apply") view=ApplyPage />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
