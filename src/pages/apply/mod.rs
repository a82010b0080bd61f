//! The online application, `/items/{code}/apply/…`: 申请须知 → one page per form step → 材料 →
//! 核对信息 → 提交 → 确认页. The shell loads the item and its form once and keeps the draft for
//! every page under it, so moving between pages needs no network and an outage loses nothing.

mod check;
mod done;
mod intro;
pub mod journey;
mod materials;
mod step;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;
use portal_core::form::FormDefinition;
use portal_core::submission::ApplicationReceipt;
use portal_core::ServiceItem;

pub use check::CheckPage;
pub use done::{CasePage, DonePage};
pub use intro::IntroPage;
pub use materials::MaterialsPage;
pub use step::StepPage;

use crate::api::{fetch_form, fetch_item, FetchError};
use crate::components::form::ShownIssue;
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::title::set_title;
use crate::draft::{self, Draft};
use crate::i18n::apply::ApplyText;
use crate::i18n::t;
use crate::pages::not_found::NotFoundBody;

/// What every page of one application shares.
#[derive(Clone)]
pub struct ApplyCtx {
    pub item: Arc<ServiceItem>,
    pub form: Arc<FormDefinition>,
    /// Saved to storage on every change.
    pub draft: RwSignal<Draft>,
    /// A stored draft was found and the applicant has not yet said whether to continue it.
    pub resumable: RwSignal<bool>,
    /// Problems the server found on submit, shown at their fields.
    pub server_issues: RwSignal<Vec<ShownIssue>>,
    /// The receipt of the submission just made (the confirmation page reads it).
    pub receipt: RwSignal<Option<ApplicationReceipt>>,
}

impl ApplyCtx {
    pub fn new(item: ServiceItem, form: FormDefinition) -> Self {
        let stored = draft::load(&item.code);
        let resumable = stored.as_ref().is_some_and(Draft::has_progress);
        let draft = stored.unwrap_or_else(|| Draft::new(&item.code));
        Self {
            item: Arc::new(item),
            form: Arc::new(form),
            draft: RwSignal::new(draft),
            resumable: RwSignal::new(resumable),
            server_issues: RwSignal::new(Vec::new()),
            receipt: RwSignal::new(None),
        }
    }

    pub fn code(&self) -> String {
        self.item.code.clone()
    }

    /// Starts over: a new, empty draft with a new idempotency key.
    pub fn restart(&self) {
        draft::remove(&self.item.code);
        self.server_issues.set(Vec::new());
        self.draft.set(Draft::new(&self.item.code));
        self.resumable.set(false);
    }
}

pub fn use_apply() -> ApplyCtx {
    expect_context::<ApplyCtx>()
}

/// The parent of every application page: loads item and form, then shows the page.
#[component]
pub fn ApplyShell() -> impl IntoView {
    let params = use_params_map();
    // A memo: moving between the journey's pages changes the params map (`step`, `reference`)
    // but not the code, and must neither refetch the item nor rebuild the frame and its draft.
    let code = Memo::new(move |_| params.with(|p| p.get("code").unwrap_or_default()));
    let data = LocalResource::new(move || {
        let code = code.get();
        async move {
            let item = fetch_item(&code).await?;
            let form = fetch_form(&code).await?;
            Ok::<_, FetchError>((item, form))
        }
    });
    let m = ApplyText::now();
    view! {
        <Transition fallback=move || view! { <div class="wrap"><Loading label=m.loading_form /></div> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((item, form)) => view! { <ApplyFrame item form /> }.into_any(),
                    Err(error) if error.is_not_found() => no_form(code.get_untracked()).into_any(),
                    Err(error) => {
                        set_title(t().load_failed);
                        view! {
                            <div class="wrap">
                                <ErrorNotice error on_retry=move |()| data.refetch() />
                            </div>
                        }
                        .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The item has no online form (or does not exist): say so, and point at the guide.
fn no_form(code: String) -> impl IntoView {
    let m = ApplyText::now();
    set_title(m.no_form_title);
    view! {
        <NotFoundBody heading=m.no_form_title detail=m.no_form_detail.to_owned() />
        <div class="wrap">
            <a class="button" href=format!("/items/{code}")>{m.back_to_guide}</a>
        </div>
    }
}

#[component]
fn ApplyFrame(item: ServiceItem, form: FormDefinition) -> impl IntoView {
    let ctx = ApplyCtx::new(item, form);
    let draft = ctx.draft;
    Effect::new(move || draft.with(draft::save));
    provide_context(ctx);
    view! { <Outlet /> }
}
