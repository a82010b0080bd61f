//! The service guide of one item (`/items/{code}`): every guide element, and a clear way to apply
//! online where the item allows it, or why not and where to go.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use portal_core::situation::SituationAnswers;
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
use crate::pages::guide_situations::{answers_from_query, answers_query, SituationPicker};
use crate::pages::not_found::NotFoundBody;
use crate::pages::notice_sheet::{NoticeSheet, PrintButton};

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

/// The situation answers, kept in step with the URL query (`?s.<question>=<value>`): the query
/// is the source of truth for Back, reload and sharing; an answer replaces the history entry
/// rather than adding one per click.
fn situation_answers(item: &Arc<ServiceItem>) -> RwSignal<SituationAnswers> {
    let query = use_query_map();
    let from_url = {
        let item = Arc::clone(item);
        move || query.with(|q| answers_from_query(&item, |key| q.get(key)))
    };
    let answers = RwSignal::new(untrack(from_url.clone()));
    let outside = from_url.clone();
    Effect::new(move |_| {
        let outside = outside();
        if answers.get_untracked() != outside {
            answers.set(outside);
        }
    });
    let navigate = use_navigate();
    let code = item.code.clone();
    Effect::new(move |_| {
        let wanted = answers.get();
        if wanted != untrack(&from_url) {
            navigate(
                &format!("/items/{code}{}", answers_query(&wanted)),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    });
    answers
}

#[component]
fn Guide(item: ServiceItem) -> impl IntoView {
    set_title(&item.name);
    let badges = badge_texts(&ItemSummary::new(&item, SearchKeys::default()));
    // The sections share one copy of the guide.
    let shared = Arc::new(item);
    let item = Arc::clone(&shared);
    let answers = situation_answers(&shared);
    let answers_query = Signal::derive(move || answers.with(answers_query));
    let has_situations = !item.situations.is_empty();
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
            <ApplyPanel item=shared.clone() query=answers_query />
            {has_situations.then(|| view! {
                <SituationPicker item=shared.clone() answers>
                    <PrintButton />
                </SituationPicker>
            })}
            <BasicInfo item=shared.clone() />
            <Handling item=shared.clone() />
            <Conditions item=shared.clone() />
            <Materials item=shared.clone() print=!has_situations />
            <Steps item=shared.clone() />
            <FeesAndResults item=shared.clone() />
            <PlaceAndPhones item=shared.clone() />
            <LegalBasisList item=shared.clone() />
            <Faqs item=shared.clone() />
            <NoticeSheet item=shared answers />
        </article>
    }
}
