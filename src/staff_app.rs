//! The staff workspace's routes (`/staff/*`). It is its own wasm (`portal-staff`, built from
//! `staff.html` into `dist/staff-app/`): citizens, most of them on phones, never download it.
//! The mock API answers every `/staff…` page with this app's index.html.

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

use crate::app::Frame;
use crate::components::app_link::Shell;
use crate::pages::not_found::NotFound;
use crate::pages::staff::audit::StaffAuditPage;
use crate::pages::staff::catalog_console::StaffCatalogPage;
use crate::pages::staff::figures::StaffFiguresPage;
use crate::pages::staff::queue::StaffApplicationsPage;
use crate::pages::staff::sign_in::StaffSignInPage;

#[component]
pub fn StaffApp() -> impl IntoView {
    crate::pages::staff::provide_staff_state();
    view! {
        <Frame shell=Shell::Staff>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/staff") view=StaffSignInPage />
                <Route path=path!("/staff/catalog") view=StaffCatalogPage />
                <Route path=path!("/staff/figures") view=StaffFiguresPage />
                <Route path=path!("/staff/audit") view=StaffAuditPage />
                <Route path=path!("/staff/applications/:reference?") view=StaffApplicationsPage />
            </Routes>
        </Frame>
    }
}
