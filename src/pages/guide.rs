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
        <Transition fallback=|| view! { <div class="wrap"><Loading label="正在加载办事指南…" /></div> }>
            {move || Suspend::new(async move {
                match item.await {
                    Ok(item) => view! { <Guide item /> }.into_any(),
                    Err(error) if error.is_not_found() => {
                        set_title("未找到该事项");
                        view! { <NotFoundBody heading="未找到该事项" detail=error.message() /> }.into_any()
                    }
                    Err(error) => {
                        set_title("加载失败");
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
            <nav class="breadcrumb" aria-label="当前位置">
                <A href="/">"服务事项目录"</A>
                " › "
                <span aria-current="page">{item.name.clone()}</span>
            </nav>
            <h1 class="page-title">{item.name.clone()}</h1>
            <p class="lead">{item.summary.clone()}</p>
            <p class="card-meta">
                <span class="dept-tag">{item.department.kind.label()}</span>
                {item.department.name.clone()}
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
