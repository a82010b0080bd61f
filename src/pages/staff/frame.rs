//! What every staff page shares: the session check (no session → the sign-in form, a refused
//! role → 无权访问), and the bar saying who is signed in, with the workspace links and 退出登录.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use portal_core::staff::StaffMe;

use crate::api::FetchError;
use crate::api_staff::{access_of, fetch_me, sign_out, Access};
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::title::set_title;
use crate::i18n::lang;
use crate::i18n::staff::StaffText;
use crate::pages::staff::sign_in::SignInForm;

/// The staff pages, for the workspace links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffPage {
    Catalog,
    Figures,
    Audit,
    Applications,
}

/// The signed-in account, shared with the page so a refused request can ask for sign-in again.
#[derive(Clone, Copy)]
pub struct StaffSession {
    me: LocalResource<Result<StaffMe, FetchError>>,
}

impl StaffSession {
    /// The session ended under the page (expired, signed out elsewhere): check again, which
    /// brings back the sign-in form.
    pub fn recheck(self) {
        self.me.refetch();
    }

    /// The signed-in account (known once the frame shows the page).
    pub fn account(self) -> Option<StaffMe> {
        self.me.get_untracked().and_then(Result::ok)
    }
}

/// A staff page: shown only with a session.
#[component]
pub fn StaffFrame(current: StaffPage, children: ChildrenFn) -> impl IntoView {
    let me = LocalResource::new(fetch_me);
    provide_context(StaffSession { me });
    let t = StaffText::now();
    view! {
        <div class="wrap staff">
            <Transition fallback=move || view! { <Loading label=t.loading /> }>
                {move || {
                    let children = children.clone();
                    Suspend::new(async move {
                        match me.await {
                            Ok(me_now) => view! {
                                <StaffBar me=me_now current />
                                {children()}
                            }
                            .into_any(),
                            Err(error) => view! {
                                <StaffFailure error on_retry=move |()| me.refetch() />
                            }
                            .into_any(),
                        }
                    })
                }}
            </Transition>
        </div>
    }
}

/// A failed staff request: the sign-in form for a missing session, 无权访问 for a refused
/// role, otherwise the error with a retry.
#[component]
pub fn StaffFailure(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let t = StaffText::now();
    match access_of(&error) {
        Access::SignedOut => {
            let session = use_context::<StaffSession>();
            let on_success = Callback::new(move |_me: StaffMe| match session {
                Some(session) => session.recheck(),
                None => on_retry.run(()),
            });
            view! { <SignInForm on_success /> }.into_any()
        }
        Access::Forbidden => {
            set_title(t.forbidden_title);
            view! {
                <div class="notice notice-error" role="alert" data-testid="forbidden">
                    <h1 class="page-title">{t.forbidden_title}</h1>
                    <p>{t.forbidden_detail}</p>
                </div>
            }
            .into_any()
        }
        Access::Failed => view! { <ErrorNotice error on_retry /> }.into_any(),
    }
}

#[component]
fn StaffBar(me: StaffMe, current: StaffPage) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let on_sign_out = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match sign_out().await {
                Ok(()) => navigate("/staff", Default::default()),
                Err(error) => {
                    busy.set(false);
                    failure.set(Some(error.text()));
                }
            }
        });
    };
    let role = match me.department {
        Some(department) => format!("{} · {}", me.role.label_in(l), department.label_in(l)),
        None => me.role.label_in(l).to_owned(),
    };
    let link = move |page: StaffPage, href: &'static str, label: &'static str| {
        view! {
            <A href=href attr:aria-current=(page == current).then_some("page")>{label}</A>
        }
    };
    view! {
        <div class="staff-bar" data-testid="staff-bar">
            <p class="staff-who">
                {t.signed_in_as}
                <strong data-testid="staff-name">{me.name.clone()}</strong>
                " "
                <span class="staff-role">{role}</span>
            </p>
            <nav class="staff-nav" aria-label=t.staff_nav>
                {link(StaffPage::Catalog, "/staff/catalog", t.nav_catalog)}
                {link(StaffPage::Figures, "/staff/figures", t.nav_figures)}
                {link(StaffPage::Audit, "/staff/audit", t.nav_audit)}
                {link(StaffPage::Applications, "/staff/applications", t.nav_applications)}
            </nav>
            <button
                type="button"
                class="button button-secondary"
                aria-busy=move || busy.get().to_string()
                on:click=on_sign_out
            >
                {move || if busy.get() { t.signing_out } else { t.sign_out }}
            </button>
            {move || failure.get().map(|text| view! { <p class="notice notice-error" role="alert">{text}</p> })}
        </div>
    }
}
