//! `/staff/applications/:reference`: one application in full — who, what and when, the answers,
//! the situation, each material as provided (files to download, 告知承诺, 容缺后补, 共享核验),
//! the confirmed warnings and the audit log — with the actions its status allows
//! (see [`super::application_actions`]). Applicant data is only ever rendered as text.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use portal_core::situation::SituationQuestion;
use portal_core::staff::{AuditEntry, StaffApplicationDetail, StaffMaterial, StaffProvision};

use super::application_actions::{ActionPanel, Banner, Workbench};
use super::application_text::{raw_answer_text, short_time};
use crate::api::{fetch_item, FetchError};
use crate::api_staff::fetch_application;
use crate::components::form::size_text;
use crate::components::notice::Loading;
use crate::components::title::set_title;
use crate::i18n::staff::StaffText;
use crate::i18n::{lang, zh_content};
use crate::pages::staff::frame::StaffFailure;

#[component]
pub fn Application(reference: String, bench: Workbench) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let title = (t.application_title)(&reference);
    set_title(&title);
    let detail = RwSignal::new(None::<Result<StaffApplicationDetail, FetchError>>);
    let banner = RwSignal::new(None::<Banner>);
    let banner_node = NodeRef::<Div>::new();
    let reload = {
        let reference = reference.clone();
        Callback::new(move |()| {
            let reference = reference.clone();
            detail.set(None);
            spawn_local(async move { detail.set(Some(fetch_application(&reference, l).await)) });
        })
    };
    reload.run(());
    let announce = Callback::new(move |next: Banner| {
        banner.set(Some(next));
        // Focus once the banner is in the DOM, so the outcome is read out and seen.
        request_animation_frame(move || {
            if let Some(el) = banner_node.get_untracked() {
                let _ = el.focus();
            }
        });
    });
    view! {
        <p class="back"><A href="/staff/applications">{t.back_to_queue}</A></p>
        <h1 class="page-title">{title}</h1>
        {move || banner.get().map(|b| match b {
            Banner::Done(text) => view! {
                <div class="notice notice-success" role="status" tabindex="-1" node_ref=banner_node data-testid="action-done">
                    <p>{text}</p>
                </div>
            }.into_any(),
            Banner::Changed(text) => view! {
                <div class="notice notice-error" role="alert" tabindex="-1" node_ref=banner_node data-testid="changed-meanwhile">
                    <p>{t.changed_meanwhile}</p>
                    <p>{text}</p>
                </div>
            }.into_any(),
        })}
        {move || match detail.get() {
            None => view! { <Loading label=t.loading /> }.into_any(),
            Some(Err(error)) => view! { <StaffFailure error on_retry=reload /> }.into_any(),
            Some(Ok(found)) => details(found, &reference, bench, detail, announce, reload),
        }}
    }
}

/// One question and answer (or fact and value) of a `<dl class="summary-list">`.
fn fact(key: &str, value: String, testid: Option<&'static str>) -> AnyView {
    let key = key.to_owned();
    view! {
        <div class="summary-row">
            <dt class="summary-key">{key}</dt>
            <dd class="summary-value" data-testid=testid>{value}</dd>
        </div>
    }
    .into_any()
}

fn details(
    found: StaffApplicationDetail,
    reference: &str,
    bench: Workbench,
    detail: RwSignal<Option<Result<StaffApplicationDetail, FetchError>>>,
    announce: Callback<Banner>,
    reload: Callback<()>,
) -> AnyView {
    let t = StaffText::now();
    let l = lang();
    let receipt = &found.receipt;
    let answers: Vec<(String, String)> = match &found.summary {
        Some(rows) => rows
            .iter()
            .map(|r| (r.label.clone(), r.value_text.clone()))
            .collect(),
        None => found
            .answers
            .iter()
            .map(|(k, v)| (k.clone(), raw_answer_text(v)))
            .collect(),
    };
    // A confirmed warning reads as the question it was about.
    let warnings: Vec<String> = found
        .confirmed_warnings
        .iter()
        .map(|path| {
            let label = found
                .summary
                .iter()
                .flatten()
                .find(|r| &r.field_path == path);
            label.map_or_else(|| path.clone(), |r| r.label.clone())
        })
        .collect();
    view! {
        <dl class="summary-list staff-facts" data-testid="application-facts">
            {fact(t.field_item, receipt.item_name.clone(), None)}
            {fact(t.field_department, found.department_kind.label_in(l).to_owned(), None)}
            {fact(t.field_applicant, found.applicant_name.clone().unwrap_or_else(|| t.not_given.into()), Some("applicant"))}
            {fact(t.field_status, found.status.label_in(l).to_owned(), Some("status"))}
            {fact(t.field_submitted, short_time(&receipt.submitted_at), None)}
            {fact(t.field_updated, short_time(&found.updated_at), None)}
            {fact(t.field_promised, receipt.promised_limit.display_in(l), None)}
        </dl>
        <section class="staff-section" aria-labelledby="answers-heading">
            <h2 id="answers-heading">{t.answers_heading}</h2>
            {if answers.is_empty() {
                view! { <p>{t.no_answers}</p> }.into_any()
            } else {
                view! {
                    <dl class="summary-list" data-testid="answers">
                        {answers.into_iter().map(|(k, v)| fact(&k, v, None)).collect_view()}
                    </dl>
                }.into_any()
            }}
        </section>
        {(!found.situation.is_empty()).then(|| situation(receipt.item_code.clone(), found.situation.clone()))}
        <section class="staff-section" aria-labelledby="materials-heading">
            <h2 id="materials-heading">{t.materials_heading}</h2>
            <MaterialList materials=found.materials />
        </section>
        {(!warnings.is_empty()).then(|| view! {
            <section class="staff-section" aria-labelledby="warnings-heading">
                <h2 id="warnings-heading">{t.warnings_heading}</h2>
                <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </section>
        })}
        <ActionPanel reference=reference.to_owned() actions=found.actions.clone() bench detail announce reload />
        <section class="staff-section" aria-labelledby="log-heading">
            <h2 id="log-heading">{t.log_heading}</h2>
            <ol class="event-log" data-testid="event-log">{found.events.into_iter().map(event).collect_view()}</ol>
        </section>
    }
    .into_any()
}

/// The situation answers, worded by the item's guide (raw ids while it loads or if it fails).
fn situation(code: String, answers: portal_core::situation::SituationAnswers) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let questions = RwSignal::new(Vec::<SituationQuestion>::new());
    spawn_local(async move {
        if let Ok(item) = fetch_item(&code).await {
            questions.set(item.situations);
        }
    });
    let rows = move || {
        questions.with(|questions| {
            answers
                .iter()
                .map(|(qid, value)| {
                    let question = questions.iter().find(|q| &q.id == qid);
                    let label = question.map_or(qid.clone(), |q| q.question.get(l).to_owned());
                    let answer = question
                        .and_then(|q| q.options.iter().find(|o| &o.value == value))
                        .map_or(value.clone(), |o| o.label.get(l).to_owned());
                    fact(&label, answer, None)
                })
                .collect_view()
        })
    };
    view! {
        <section class="staff-section" aria-labelledby="situation-heading">
            <h2 id="situation-heading">{t.situation_heading}</h2>
            <dl class="summary-list" data-testid="situation">{rows}</dl>
        </section>
    }
}

/// Each material as the applicant provided it.
#[component]
pub fn MaterialList(materials: Vec<StaffMaterial>) -> impl IntoView {
    let t = StaffText::now();
    if materials.is_empty() {
        return view! { <p>{t.no_materials}</p> }.into_any();
    }
    view! {
        <ul class="staff-materials" data-testid="materials">
            {materials.into_iter().map(material).collect_view()}
        </ul>
    }
    .into_any()
}

fn material(m: StaffMaterial) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let name = m.name.unwrap_or_else(|| (t.material_n)(m.material + 1));
    let how = match m.provision {
        StaffProvision::Uploaded { files, missing } => view! {
            <p>{t.uploaded}</p>
            <ul class="file-list">
                {files.into_iter().map(|f| view! {
                    <li class="file">
                        <a class="file-name" href=f.href download="">
                            <span class="visually-hidden">{t.download}" "</span>
                            {f.name}
                        </a>
                        <span class="hint">{size_text(f.size)}</span>
                    </li>
                }).collect_view()}
            </ul>
            {(!missing.is_empty()).then(|| view! { <p class="field-error">{(t.files_missing)(missing.len())}</p> })}
        }
        .into_any(),
        StaffProvision::Commitment { agreed, commitment_text } => view! {
            <p><strong class="provision-tag">{t.commitment}</strong></p>
            <p>{if agreed { t.commitment_agreed } else { t.commitment_refused }}</p>
            {commitment_text.map(|text| view! { <blockquote class="commitment-text" lang=zh_content()>{text}</blockquote> })}
        }
        .into_any(),
        StaffProvision::Deferred => view! { <p><strong class="provision-tag">{t.deferred}</strong></p> }.into_any(),
        StaffProvision::SharedCheck => view! { <p class="shared-check">{t.shared_check}</p> }.into_any(),
    };
    view! {
        <li class="staff-material">
            <h3 class="material-name" lang=zh_content()>{name}</h3>
            {how}
            {m.trust_level.map(|level| view! { <p class="hint">{t.trust_level}{level.label_in(l)}</p> })}
        </li>
    }
}

fn event(entry: AuditEntry) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let actor = if entry.actor == "applicant" {
        t.log_applicant.to_owned()
    } else {
        entry.actor
    };
    let change = match entry.from {
        Some(from) => format!("{} → {}", from.label_in(l), entry.to.label_in(l)),
        None => format!("{} → {}", t.log_submitted, entry.to.label_in(l)),
    };
    view! {
        <li class="event">
            <p class="event-head"><time datetime=entry.at.clone()>{short_time(&entry.at)}</time>" · "{actor}</p>
            <p class="event-change">{change}</p>
            {entry.note.map(|note| view! { <p class="event-note">{note}</p> })}
        </li>
    }
}
