//! 核对信息 and 提交: every answer with a 修改 link that returns to its page and back here; the
//! whole application is checked with core's engine first. A failed submission (network, 5xx)
//! keeps everything and offers a retry with the same Idempotency-Key; a 422 puts each refused
//! answer back at its field.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use portal_core::form::{summary, Severity};
use portal_core::situation::materials_for;
use portal_core::submission::validate_submission;

use super::journey::{build_submission, page_of_path, page_url, position, today, word_issues};
use super::use_apply;
use crate::api::{submit_application, SubmitError};
use crate::components::form::{ErrorSummary, ShownIssue};
use crate::components::title::set_title;
use crate::draft::{self, Draft, MaterialChoice, PAGE_CHECK, PAGE_INTRO, PAGE_MATERIALS};
use crate::i18n::apply::ApplyText;
use crate::i18n::{lang, zh_content, Lang};

fn change_url(code: &str, page: &str) -> String {
    if page == PAGE_INTRO {
        page_url(code, page)
    } else {
        format!("{}?return=check", page_url(code, page))
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let ctx = use_apply();
    let m = ApplyText::now();
    let lang = lang();
    let draft = ctx.draft;
    let code = ctx.code();
    set_title(m.check_heading);
    draft.update(|d| {
        if d.page != PAGE_CHECK {
            d.page = PAGE_CHECK.to_owned();
        }
    });
    let snapshot = draft.get_untracked();
    let progress =
        position(&ctx.form, &snapshot.answers, PAGE_CHECK).map(|(n, t)| (m.progress)(n, t));

    // Situation answers.
    let situation_rows = ctx
        .item
        .situations
        .iter()
        .map(|q| {
            let value = snapshot
                .situation
                .get(&q.id)
                .and_then(|v| q.options.iter().find(|o| &o.value == v))
                .map_or(m.not_given.to_owned(), |o| o.label.get(lang).to_owned());
            row(
                q.question.get(lang).to_owned(),
                value,
                change_url(&code, PAGE_INTRO),
                m.change,
            )
        })
        .collect_view();

    // Form answers, one list per step.
    let rows = summary(&ctx.form, &snapshot.answers, lang);
    let sections = ctx
        .form
        .steps
        .iter()
        .filter(|s| rows.iter().any(|r| r.step_id == s.id))
        .map(|s| {
            let items = rows
                .iter()
                .filter(|r| r.step_id == s.id)
                .map(|r| {
                    let href = format!("{}#{}", change_url(&code, &s.id), r.field_path);
                    row(r.label.clone(), r.value_text.clone(), href, m.change)
                })
                .collect_view();
            view! {
                <h2 class="check-heading">{s.title.get(lang).to_owned()}</h2>
                <dl class="summary-list">{items}</dl>
            }
        })
        .collect_view();

    // Materials.
    let material_rows = materials_for(&ctx.item, &snapshot.situation)
        .into_iter()
        .map(|(idx, material)| {
            let how = if material.shared_check {
                m.provided_shared.to_owned()
            } else {
                match snapshot.materials.get(&idx) {
                    Some(MaterialChoice::Upload { files }) => {
                        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
                        format!("{}：{}", (m.provided_upload)(files.len()), names.join(", "))
                    }
                    Some(MaterialChoice::Commitment { agreed: true }) => {
                        m.provided_commitment.to_owned()
                    }
                    Some(MaterialChoice::Commitment { agreed: false }) => {
                        m.provided_none.to_owned()
                    }
                    Some(MaterialChoice::Deferred) => m.provided_defer.to_owned(),
                    None => m.provided_none.to_owned(),
                }
            };
            row(
                material.name.clone(),
                how,
                change_url(&code, PAGE_MATERIALS),
                m.change,
            )
        })
        .collect_view();

    let issues: RwSignal<Vec<ShownIssue>> = RwSignal::new(Vec::new());
    let failure: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let href_for = {
        let ctx = ctx.clone();
        let code = code.clone();
        Callback::new(move |path: String| {
            let page = page_of_path(&ctx.form, &path);
            Some(format!("{}#{path}", change_url(&code, &page)))
        })
    };

    let navigate = use_navigate();
    let send = {
        let ctx = ctx.clone();
        let code = code.clone();
        move || {
            if busy.get_untracked() {
                return;
            }
            let submission = draft.with_untracked(|d| build_submission(&ctx.item, d, lang));
            let found = validate_submission(&ctx.item, &ctx.form, &submission, today());
            if !found.is_empty() {
                let shown = word_issues(&found, &ctx.form, &ctx.item, lang);
                ctx.server_issues.set(shown.clone());
                set_title(&format!("{}{}", m.error_title_prefix, m.check_heading));
                issues.set(shown);
                return;
            }
            let key = draft.with_untracked(|d| d.idempotency_key.clone());
            busy.set(true);
            failure.set(None);
            let ctx = ctx.clone();
            let code = code.clone();
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                let outcome = submit_application(&submission, &key).await;
                busy.set(false);
                match outcome {
                    Ok(receipt) => {
                        draft::remove(&code);
                        let reference = receipt.reference.clone();
                        ctx.receipt.set(Some(receipt));
                        ctx.server_issues.set(Vec::new());
                        ctx.draft.set(Draft::new(&code));
                        navigate(
                            &format!("{}/done/{reference}", page_url(&code, PAGE_INTRO)),
                            NavigateOptions::default(),
                        );
                    }
                    Err(SubmitError::Refused { fields, .. }) => {
                        // Files the server does not have are asked for again, by name.
                        let lost: Vec<String> = fields
                            .iter()
                            .filter(|f| f.code == "upload_missing")
                            .map(|f| f.path.clone())
                            .collect();
                        if !lost.is_empty() {
                            ctx.draft.update(|d| {
                                d.forget_uploads_at(&lost);
                            });
                        }
                        let shown: Vec<ShownIssue> = fields
                            .into_iter()
                            .map(|f| ShownIssue {
                                path: f.path,
                                message: if lang == Lang::Zh {
                                    f.message
                                } else {
                                    f.message_en
                                },
                                warning: f.severity == Some(Severity::Warning),
                            })
                            .collect();
                        ctx.server_issues.set(shown.clone());
                        set_title(&format!("{}{}", m.error_title_prefix, m.check_heading));
                        issues.set(shown);
                    }
                    Err(SubmitError::Failed(error)) => {
                        set_title(&format!("{}{}", m.error_title_prefix, m.check_heading));
                        failure.set(Some(error.text()));
                    }
                }
            });
        }
    };
    let send_again = send.clone();

    view! {
        <div class="wrap apply" data-testid="apply-check">
            <a class="back-link" href=page_url(&code, PAGE_MATERIALS)>{m.back}</a>
            {move || {
                let found = issues.get();
                (!found.is_empty()).then(|| view! { <ErrorSummary issues=found href_for=href_for /> })
            }}
            {move || failure.get().map(|why| {
                let send_again = send_again.clone();
                view! {
                    <div class="notice notice-error" role="alert" data-testid="submit-failed">
                        <h2>{m.submit_failed}</h2>
                        <p>{why}</p>
                        <p>{m.submit_failed_keep}</p>
                        <button type="button" class="button" disabled=move || busy.get() on:click=move |_| send_again()>
                            {m.submit_retry}
                        </button>
                    </div>
                }
            })}
            <p class="caption">
                <span class="progress" data-testid="progress">{progress}</span>
                " · "
                <span lang=zh_content()>{ctx.item.name.clone()}</span>
            </p>
            <h1 class="page-title">{m.check_heading}</h1>
            <p class="lead">{m.check_lead}</p>
            {(!ctx.item.situations.is_empty()).then(|| view! {
                <h2 class="check-heading">{m.situation_heading}</h2>
                <dl class="summary-list">{situation_rows}</dl>
            })}
            {sections}
            <h2 class="check-heading">{m.materials_heading}</h2>
            <dl class="summary-list">{material_rows}</dl>
            <p>{m.declaration}</p>
            <button
                type="button"
                class="button"
                aria-busy=move || busy.get().to_string()
                disabled=move || busy.get()
                on:click=move |_| send()
            >
                {move || if busy.get() { m.submitting } else { m.submit }}
            </button>
        </div>
    }
}

/// One row of a summary list: question, answer, 修改 link (named with the question).
fn row(label: String, value: String, href: String, change: &'static str) -> impl IntoView {
    view! {
        <div class="summary-row">
            <dt class="summary-key">{label.clone()}</dt>
            <dd class="summary-value">{value}</dd>
            <dd class="summary-action">
                <a href=href>{change}<span class="visually-hidden">{format!(" {label}")}</span></a>
            </dd>
        </div>
    }
}
