//! The service guide of one item (`/items/{code}`): every guide element, and a clear way to apply
//! online where the item allows it, or why not and where to go.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portal_core::{ItemSummary, SearchKeys, ServiceItem};

use crate::api::fetch_item;
use crate::components::badges::{badge_texts, Badges};
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::title::set_title;
use crate::i18n::{t, zh_content};
use crate::pages::guide_sections::{
    ApplyPanel, BasicInfo, Conditions, Faqs, FeesAndResults, Handling, LegalBasisList, Materials,
    PlaceAndPhones, Steps,
};
use crate::pages::not_found::NotFoundBody;

#[component]
pub fn GuidePage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    let item = LocalResource::new(move || {
        let code = code();
        async move { fetch_item(&code).await }
    });
    view! {
        <Transition fallback=|| view! { <div class="wrap"><Loading label=t().loading_guide /></div> }>
            {move || Suspend::new(async move {
                match item.await {
                    Ok(item) => view! { <Guide item /> }.into_any(),
                    Err(error) if error.is_not_found() => {
                        set_title(t().item_not_found_title);
                        view! { <NotFoundBody heading=t().item_not_found_title detail=error.text() /> }.into_any()
                    }
                    Err(error) => {
                        set_title(t().load_failed);
                        view! {
                            <div class="wrap">
                                <ErrorNotice error on_retry=move |()| item.refetch() />
                            </div>
                        }
                        .into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn Guide(item: ServiceItem) -> impl IntoView {
    set_title(&item.name);
    let badges = badge_texts(&ItemSummary::new(&item, SearchKeys::default()));
    // The sections share one copy of the guide.
    let shared = Arc::new(item);
    let item = Arc::clone(&shared);
    view! {
        <article class="wrap guide" data-testid="guide">
            <nav class="breadcrumb" aria-label=t().breadcrumb>
                <A href="/">{t().catalog_title}</A>
                " › "
                <span aria-current="page" lang=zh_content()>{item.name.clone()}</span>
            </nav>
            <h1 class="page-title" lang=zh_content()>{item.name.clone()}</h1>
            <p class="lead" lang=zh_content()>{item.summary.clone()}</p>
            <p class="card-meta">
                <span class="dept-tag">{item.department.kind.label_in(crate::i18n::lang())}</span>
                <span lang=zh_content()>{item.department.name.clone()}</span>
            </p>
            <Badges badges />
            <ApplyPanel item=shared.clone() />
            <BasicInfo item=shared.clone() />
            <Handling item=shared.clone() />
            <Conditions item=shared.clone() />
            <Materials item=shared.clone() />
            <Steps item=shared.clone() />
            <FeesAndResults item=shared.clone() />
            <PlaceAndPhones item=shared.clone() />
            <LegalBasisList item=shared.clone() />
            <Faqs item=shared />
        </article>
    }
}
