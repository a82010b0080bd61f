//! 申请须知: what the item asks of the applicant, the situation questions (answers from the guide
//! page come along in the query, `?applicant=agent`, or from the draft), and 继续填写 / 重新开始
//! when a draft is waiting.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use portal_core::situation::check_situation_answers;

use super::journey::{page_order, page_url, word_issues};
use super::use_apply;
use crate::components::form::{ErrorSummary, ShownIssue};
use crate::components::title::set_title;
use crate::i18n::apply::ApplyText;
use crate::i18n::{lang, zh_content};

#[component]
pub fn IntroPage() -> impl IntoView {
    let ctx = use_apply();
    let m = ApplyText::now();
    let lang = lang();
    let item = ctx.item.clone();
    let draft = ctx.draft;
    let code = ctx.code();
    let title = format!("{} · {}", m.intro_heading, item.name);
    set_title(&title);

    // Situation answers carried over from the guide page (`?s.<question>=<value>`).
    let query = use_query_map().get_untracked();
    for q in &item.situations {
        if let Some(value) = query
            .get(&format!("s.{}", q.id))
            .or_else(|| query.get(&q.id))
        {
            if q.options.iter().any(|o| o.value == value) {
                draft.update(|d| {
                    d.situation.insert(q.id.clone(), value.clone());
                });
            }
        }
    }

    let issues: RwSignal<Vec<ShownIssue>> = RwSignal::new(Vec::new());
    let navigate = use_navigate();
    let start = {
        let ctx = ctx.clone();
        let code = code.clone();
        let title = title.clone();
        move |_| {
            let found = draft.with_untracked(|d| check_situation_answers(&ctx.item, &d.situation));
            if !found.is_empty() {
                set_title(&format!("{}{title}", m.error_title_prefix));
                issues.set(word_issues(&found, &ctx.form, &ctx.item, lang));
                return;
            }
            let first = draft.with_untracked(|d| page_order(&ctx.form, &d.answers).remove(0));
            draft.update(|d| d.page = first.clone());
            ctx.resumable.set(false);
            navigate(&page_url(&code, &first), NavigateOptions::default());
        }
    };

    let resume_panel = {
        let ctx = ctx.clone();
        let code = code.clone();
        let navigate = use_navigate();
        move || {
            ctx.resumable.get().then(|| {
                let to_reselect = draft.with_untracked(|d| d.files_to_reselect());
                let ctx_restart = ctx.clone();
                let ctx_continue = ctx.clone();
                let code = code.clone();
                let navigate = navigate.clone();
                view! {
                    <section class="notice resume" aria-labelledby="resume-heading">
                        <h2 id="resume-heading">{m.resume_heading}</h2>
                        <p>{m.resume_lead}</p>
                        {(!to_reselect.is_empty()).then(|| view! {
                            <p>{m.reselect_files}</p>
                            <ul>{to_reselect.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        })}
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| {
                                ctx_continue.resumable.set(false);
                                let page = draft.with_untracked(|d| d.page.clone());
                                navigate(&page_url(&code, &page), NavigateOptions::default());
                            }>{m.resume_continue}</button>
                            <button type="button" class="button button-secondary" on:click=move |_| ctx_restart.restart()>
                                {m.resume_restart}
                            </button>
                        </div>
                    </section>
                }
            })
        }
    };

    let questions = item
        .situations
        .iter()
        .map(|q| {
            let qid = q.id.clone();
            let path = format!("situation-{qid}");
            let issue = {
                let path = path.clone();
                Signal::derive(move || {
                    issues.with(|all| all.iter().find(|i| i.path == path).map(|i| i.message.clone()))
                })
            };
            let error_id = format!("{path}-error");
            let described = {
                let error_id = error_id.clone();
                move || issue.get().map(|_| error_id.clone())
            };
            let radios = q
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let id = if i == 0 { path.clone() } else { format!("{path}-{i}") };
                    let qid = qid.clone();
                    let value = o.value.clone();
                    let checked = {
                        let (qid, value) = (qid.clone(), value.clone());
                        move || draft.with(|d| d.situation.get(&qid) == Some(&value))
                    };
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=path.clone() value=o.value.clone()
                                prop:checked=checked
                                on:change=move |_| draft.update(|d| { d.situation.insert(qid.clone(), value.clone()); }) />
                            <label for=id>{o.label.get(lang).to_owned()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset
                    class=move || if issue.get().is_some() { "form-group form-group-error" } else { "form-group" }
                    aria-describedby=described
                >
                    <legend class="legend">{q.question.get(lang).to_owned()}</legend>
                    {move || issue.get().map(|msg| view! {
                        <p class="field-error" id=error_id.clone()>
                            <span class="visually-hidden">{m.error_prefix}</span>{msg}
                        </p>
                    })}
                    <div class="radios">{radios}</div>
                </fieldset>
            }
        })
        .collect_view();
    let has_questions = !item.situations.is_empty();
    let steps = page_order(&ctx.form, &draft.get_untracked().answers).len();

    view! {
        <div class="wrap apply" data-testid="apply-intro">
            <a class="back-link" href=format!("/items/{code}")>{m.back_to_guide}</a>
            {move || {
                let found = issues.get();
                (!found.is_empty()).then(|| view! { <ErrorSummary issues=found /> })
            }}
            <span class="caption" lang=zh_content()>{item.name.clone()}</span>
            <h1 class="page-title">{m.intro_heading}</h1>
            <p class="lead">{(m.intro_lead)(&item.name)}</p>
            {resume_panel}
            <h2>{m.conditions_heading}</h2>
            <ul class="list" lang=zh_content()>
                {item.handling.conditions.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}
            </ul>
            <p>{(m.promised_limit)(&item.handling.promised_limit.display_in(lang))}</p>
            <p>{(m.steps_overview)(steps)}</p>
            {has_questions.then(|| view! {
                <h2>{m.situation_heading}</h2>
                <p class="hint">{m.situation_lead}</p>
                {questions}
            })}
            <button type="button" class="button button-start" on:click=start>{m.start}</button>
        </div>
    }
}
