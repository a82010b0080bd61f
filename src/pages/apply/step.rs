//! One form step per page: a back link, "第 2 步，共 5 步", the step's questions, and 下一步,
//! which validates the step with core's `validate_step`. Problems appear in an error summary that
//! takes focus, beside each field, and as "错误：" in the title.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use portal_core::form::{
    field_required, field_visible, prune_hidden, validate_step, visible_steps, Answers, Field,
};
use portal_core::Lang;

use super::journey::{neighbours, page_of_path, page_url, position, today, word_issues};
use super::{use_apply, ApplyCtx};
use crate::components::form::{AnyField, ErrorSummary, FieldBinding, FormEnv, ShownIssue};
use crate::components::title::set_title;
use crate::draft::{Draft, PAGE_CHECK};
use crate::i18n::apply::ApplyText;
use crate::i18n::{lang, zh_content};

#[component]
pub fn StepPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| params.with(|p| p.get("step").unwrap_or_default()));
    move || view! { <StepBody step_id=step.get() /> }
}

/// The binding of a top-level field to the draft.
fn top_binding(field: &Field, draft: RwSignal<Draft>, env: FormEnv, lang: Lang) -> FieldBinding {
    let id = field.id.clone();
    let value = {
        let id = id.clone();
        Signal::derive(move || draft.with(|d| d.answers.get(&id).cloned()))
    };
    let set = {
        let id = id.clone();
        Callback::new(move |answer| {
            draft.update(|d| match answer {
                Some(a) => {
                    d.answers.insert(id.clone(), a);
                }
                None => {
                    d.answers.remove(&id);
                }
            })
        })
    };
    let required_field = field.clone();
    FieldBinding {
        issue: env.issue_at(id.clone()),
        id,
        label: field.label.get(lang).to_owned(),
        hint: field.hint.as_ref().map(|h| h.get(lang).to_owned()),
        optional: Signal::derive(move || {
            !env.top
                .with(|top| field_required(&required_field, None, top))
        }),
        value,
        set,
    }
}

/// The environment the fields of a page share, over the draft.
pub(super) fn form_env(ctx: &ApplyCtx, issues: RwSignal<Vec<ShownIssue>>) -> FormEnv {
    let draft = ctx.draft;
    let form = Arc::clone(&ctx.form);
    let top = Memo::new(move |_| draft.with(|d| prune_hidden(&form, &d.answers)));
    FormEnv {
        issues,
        confirmed: Signal::derive(move || draft.with(|d| d.confirmed_warnings.clone())),
        set_confirmed: Callback::new(move |(path, yes): (String, bool)| {
            draft.update(|d| {
                d.confirmed_warnings.retain(|p| p != &path);
                if yes {
                    d.confirmed_warnings.push(path);
                }
            })
        }),
        top: top.into(),
    }
}

#[component]
fn StepBody(step_id: String) -> impl IntoView {
    let ctx = use_apply();
    let m = ApplyText::now();
    let lang = lang();
    let draft = ctx.draft;
    let code = ctx.code();
    let form = Arc::clone(&ctx.form);
    let shown = draft.with_untracked(|d| {
        visible_steps(&form, &d.answers)
            .iter()
            .any(|s| s.id == step_id)
    });
    let Some(step) = form.step(&step_id).filter(|_| shown).cloned() else {
        set_title(m.page_missing);
        return view! {
            <div class="wrap apply">
                <h1 class="page-title">{m.page_missing}</h1>
                <p>{m.page_missing_detail}</p>
                <a class="button" href=page_url(&code, "intro")>{m.intro_heading}</a>
            </div>
        }
        .into_any();
    };
    let returning =
        use_query_map().with_untracked(|q| q.get("return").as_deref() == Some(PAGE_CHECK));
    let title = step.title.get(lang).to_owned();

    // Problems the server found on submit that belong to this step.
    let carried: Vec<ShownIssue> = ctx.server_issues.with_untracked(|all| {
        all.iter()
            .filter(|i| page_of_path(&form, &i.path) == step_id)
            .cloned()
            .collect()
    });
    if carried.is_empty() {
        set_title(&title);
    } else {
        set_title(&format!("{}{title}", m.error_title_prefix));
    }
    let issues = RwSignal::new(carried);
    let env = form_env(&ctx, issues);
    draft.update(|d| {
        if d.page != step_id {
            d.page = step_id.clone();
        }
    });

    let progress = {
        let form = Arc::clone(&form);
        let step_id = step_id.clone();
        move || {
            draft
                .with(|d| position(&form, &d.answers, &step_id))
                .map(|(n, total)| (m.progress)(n, total))
        }
    };
    let back_href = {
        let form = Arc::clone(&form);
        let (step_id, code) = (step_id.clone(), code.clone());
        move || {
            if returning {
                page_url(&code, PAGE_CHECK)
            } else {
                let before = draft.with(|d| neighbours(&form, &d.answers, &step_id).0);
                page_url(&code, &before)
            }
        }
    };

    let fields = step
        .fields
        .iter()
        .map(|field| {
            let binding = top_binding(field, draft, env, lang);
            let shown_field = field.clone();
            let visible = move || {
                env.top
                    .with(|top: &Answers| field_visible(&shown_field, None, top))
            };
            let field = field.clone();
            view! {
                <Show when=visible>
                    <AnyField field=field.clone() binding=binding.clone() env lang />
                </Show>
            }
        })
        .collect_view();

    let navigate = use_navigate();
    let submit = {
        let ctx = ctx.clone();
        let (step_id, code, title) = (step_id.clone(), code.clone(), title.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let found = draft.with_untracked(|d| {
                validate_step(
                    &ctx.form,
                    &step_id,
                    &d.answers,
                    &d.confirmed_warnings,
                    today(),
                )
            });
            if !found.is_empty() {
                set_title(&format!("{}{title}", m.error_title_prefix));
                issues.set(word_issues(&found, &ctx.form, &ctx.item, lang));
                return;
            }
            issues.set(Vec::new());
            ctx.server_issues
                .update(|all| all.retain(|i| page_of_path(&ctx.form, &i.path) != step_id));
            let next = if returning {
                PAGE_CHECK.to_owned()
            } else {
                draft.with_untracked(|d| neighbours(&ctx.form, &d.answers, &step_id).1)
            };
            draft.update(|d| d.page = next.clone());
            navigate(&page_url(&code, &next), NavigateOptions::default());
        }
    };

    view! {
        <div class="wrap apply" data-testid="apply-step" data-step=step_id.clone()>
            <a class="back-link" href=back_href>{m.back}</a>
            {move || {
                let found = issues.get();
                (!found.is_empty()).then(|| view! { <ErrorSummary issues=found /> })
            }}
            <form novalidate on:submit=submit>
                <p class="caption">
                    <span class="progress" data-testid="progress">{progress}</span>
                    " · "
                    <span lang=zh_content()>{ctx.item.name.clone()}</span>
                </p>
                <h1 class="page-title">{title.clone()}</h1>
                {step.intro.as_ref().map(|i| view! { <p class="lead">{i.get(lang).to_owned()}</p> })}
                {fields}
                <button type="submit" class="button">
                    {if returning { m.save_and_check } else { m.next }}
                </button>
            </form>
        </div>
    }
    .into_any()
}
