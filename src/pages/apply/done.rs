//! The confirmation page (reference number, what happens next, the promised time limit, a
//! printable receipt, a link to follow the case) and the case page it links to.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use portal_core::submission::ApplicationReceipt;

use super::use_apply;
use crate::api::fetch_case;
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::title::set_title;
use crate::i18n::apply::ApplyText;
use crate::i18n::{lang, zh_content};

#[component]
pub fn DonePage() -> impl IntoView {
    let ctx = use_apply();
    let m = ApplyText::now();
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    set_title(m.done_title);
    let known = ctx
        .receipt
        .get_untracked()
        .filter(|r| r.reference == reference);
    match known {
        Some(receipt) => view! { <Receipt receipt /> }.into_any(),
        // After a reload the receipt comes from the server.
        None => {
            let case = LocalResource::new(move || {
                let reference = reference.clone();
                async move { fetch_case(&reference).await }
            });
            view! {
                <Transition fallback=move || view! { <div class="wrap"><Loading label=m.loading_case /></div> }>
                    {move || Suspend::new(async move {
                        match case.await {
                            Ok(view) => view! { <Receipt receipt=view.receipt /> }.into_any(),
                            Err(error) => view! {
                                <div class="wrap"><ErrorNotice error on_retry=move |()| case.refetch() /></div>
                            }
                            .into_any(),
                        }
                    })}
                </Transition>
            }
            .into_any()
        }
    }
}

#[component]
fn Receipt(receipt: ApplicationReceipt) -> impl IntoView {
    let m = ApplyText::now();
    let lang = lang();
    let follow = format!("/applications/{}", receipt.reference);
    view! {
        <div class="wrap apply receipt" data-testid="apply-done">
            <div class="panel-confirmation">
                <h1 class="page-title">{m.done_title}</h1>
                <p>{m.reference_label}</p>
                <p class="reference" data-testid="reference">{receipt.reference.clone()}</p>
            </div>
            <p lang=zh_content()>{(m.done_item)(&receipt.item_name)}</p>
            <p>{(m.submitted_at)(&receipt.submitted_at)}</p>
            <p>{(m.promised_limit)(&receipt.promised_limit.display_in(lang))}</p>
            <h2>{m.next_heading}</h2>
            <p>{m.next_review}</p>
            <p>{m.next_keep}</p>
            <div class="button-row no-print">
                <button type="button" class="button" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }>{m.print}</button>
                <a class="button button-secondary" href=follow>{m.follow}</a>
            </div>
        </div>
    }
}

/// `/applications/{reference}`: where the case stands.
#[component]
pub fn CasePage() -> impl IntoView {
    let m = ApplyText::now();
    let lang = lang();
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    set_title(m.case_title);
    let case = LocalResource::new(move || {
        let reference = reference.clone();
        async move { fetch_case(&reference).await }
    });
    view! {
        <Transition fallback=move || view! { <div class="wrap"><Loading label=m.loading_case /></div> }>
            {move || Suspend::new(async move {
                match case.await {
                    Ok(case) => view! {
                        <div class="wrap apply" data-testid="case">
                            <h1 class="page-title">{m.case_title}</h1>
                            <p>{m.reference_label}</p>
                            <p class="reference">{case.receipt.reference.clone()}</p>
                            <p lang=zh_content()>{(m.done_item)(&case.receipt.item_name)}</p>
                            <p data-testid="case-status">{(m.case_status)(case.status.label_in(lang))}</p>
                            <p>{(m.promised_limit)(&case.receipt.promised_limit.display_in(lang))}</p>
                            <h2>{m.case_history}</h2>
                            <ol class="list">
                                {case.history.iter().map(|h| view! {
                                    <li>{format!("{} · {}", h.at, h.status.label_in(lang))}</li>
                                }).collect_view()}
                            </ol>
                        </div>
                    }
                    .into_any(),
                    Err(error) => view! {
                        <div class="wrap"><ErrorNotice error on_retry=move |()| case.refetch() /></div>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}
