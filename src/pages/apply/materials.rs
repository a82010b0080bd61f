//! 材料: for each material of the item in the applicant's situation, how it is provided: files
//! uploaded; or 告知承诺 where the material has commitment text (level D); or 容缺后补 where it may
//! follow later; or nothing to do where a department checks it by data sharing.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use portal_core::form::FileRef;
use portal_core::situation::materials_for;
use portal_core::submission::{validate_submission, MAX_FILES_PER_MATERIAL};
use portal_core::{Material, Necessity};

use super::journey::{build_submission, neighbours, page_url, position, today, word_issues};
use super::use_apply;
use crate::components::form::{ErrorSummary, FileUpload, ShownIssue};
use crate::components::title::set_title;
use crate::draft::{MaterialChoice, PAGE_CHECK, PAGE_MATERIALS};
use crate::i18n::apply::ApplyText;
use crate::i18n::{lang, zh_content};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Upload,
    Commitment,
    Defer,
}

#[component]
pub fn MaterialsPage() -> impl IntoView {
    let ctx = use_apply();
    let m = ApplyText::now();
    let lang = lang();
    let draft = ctx.draft;
    let code = ctx.code();
    let returning =
        use_query_map().with_untracked(|q| q.get("return").as_deref() == Some(PAGE_CHECK));
    let carried: Vec<ShownIssue> = ctx.server_issues.with_untracked(|all| {
        all.iter()
            .filter(|i| i.path.starts_with("material-"))
            .cloned()
            .collect()
    });
    if carried.is_empty() {
        set_title(m.materials_heading);
    } else {
        set_title(&format!("{}{}", m.error_title_prefix, m.materials_heading));
    }
    let issues = RwSignal::new(carried);
    draft.update(|d| {
        if d.page != PAGE_MATERIALS {
            d.page = PAGE_MATERIALS.to_owned();
        }
    });

    let needed: Vec<(usize, Material)> = draft.with_untracked(|d| {
        materials_for(&ctx.item, &d.situation)
            .into_iter()
            .map(|(i, m)| (i, m.clone()))
            .collect()
    });
    let list = needed
        .iter()
        .map(|(idx, material)| material_view(*idx, material.clone(), issues))
        .collect_view();
    let none = needed
        .is_empty()
        .then(|| view! { <p>{m.materials_none}</p> });

    let (progress, back) = {
        let form = &ctx.form;
        draft.with_untracked(|d| {
            (
                position(form, &d.answers, PAGE_MATERIALS).map(|(n, t)| (m.progress)(n, t)),
                if returning {
                    PAGE_CHECK.to_owned()
                } else {
                    neighbours(form, &d.answers, PAGE_MATERIALS).0
                },
            )
        })
    };

    let navigate = use_navigate();
    let submit = {
        let ctx = ctx.clone();
        let code = code.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let found: Vec<_> = draft.with_untracked(|d| {
                let submission = build_submission(&ctx.item, d, lang);
                validate_submission(&ctx.item, &ctx.form, &submission, today())
                    .into_iter()
                    .filter(|i| i.path.starts_with("material-"))
                    .collect()
            });
            if !found.is_empty() {
                set_title(&format!("{}{}", m.error_title_prefix, m.materials_heading));
                issues.set(word_issues(&found, &ctx.form, &ctx.item, lang));
                return;
            }
            issues.set(Vec::new());
            ctx.server_issues
                .update(|all| all.retain(|i| !i.path.starts_with("material-")));
            draft.update(|d| d.page = PAGE_CHECK.to_owned());
            navigate(&page_url(&code, PAGE_CHECK), NavigateOptions::default());
        }
    };

    view! {
        <div class="wrap apply" data-testid="apply-materials">
            <a class="back-link" href=page_url(&code, &back)>{m.back}</a>
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
                <h1 class="page-title">{m.materials_heading}</h1>
                <p class="lead">{m.materials_lead}</p>
                {none}
                {list}
                <button type="submit" class="button">
                    {if returning { m.save_and_check } else { m.next }}
                </button>
            </form>
        </div>
    }
}

fn material_view(
    idx: usize,
    material: Material,
    issues: RwSignal<Vec<ShownIssue>>,
) -> impl IntoView {
    let ctx = use_apply();
    let m = ApplyText::now();
    let lang = lang();
    let draft = ctx.draft;
    let path = format!("material-{idx}");
    let heading_id = format!("{path}-heading");
    let optional = material.necessity == Necessity::Optional;
    let name = format!(
        "{}{}",
        material.name,
        if optional { m.optional } else { "" }
    );
    let meta = format!(
        "{} · {}",
        material.copy_kind.label_in(lang),
        material.source.label_in(lang)
    );
    let labelled_by = heading_id.clone();
    if material.shared_check {
        return view! {
            <section class="material" aria-labelledby=labelled_by data-testid="material">
                <h2 class="material-name" id=heading_id lang=zh_content()>{name}</h2>
                <p class="shared-check">{m.shared_check}</p>
            </section>
        }
        .into_any();
    }

    let issue = {
        let path = path.clone();
        Signal::derive(move || {
            issues.with(|all| {
                all.iter()
                    .find(|i| i.path == path)
                    .map(|i| i.message.clone())
            })
        })
    };
    let error_id = format!("{path}-error");
    let described = {
        let error_id = error_id.clone();
        Signal::derive(move || issue.get().map(|_| error_id.clone()))
    };
    let invalid = Signal::derive(move || issue.get().map(|_| "true"));

    let mut ways = vec![Way::Upload];
    if material.commitment.is_some() {
        ways.push(Way::Commitment);
    }
    if material.necessity == Necessity::Deferrable {
        ways.push(Way::Defer);
    }
    let only_upload = ways.len() == 1;
    let choice = move || draft.with(|d| d.materials.get(&idx).cloned());
    let way = Signal::derive(move || match choice() {
        Some(MaterialChoice::Commitment { .. }) => Some(Way::Commitment),
        Some(MaterialChoice::Deferred) => Some(Way::Defer),
        Some(MaterialChoice::Upload { .. }) => Some(Way::Upload),
        None if only_upload => Some(Way::Upload),
        None => None,
    });
    let choose = move |w: Way| {
        draft.update(|d| {
            let keep = matches!(
                (d.materials.get(&idx), w),
                (Some(MaterialChoice::Upload { .. }), Way::Upload)
                    | (Some(MaterialChoice::Commitment { .. }), Way::Commitment)
            );
            if !keep {
                let c = match w {
                    Way::Upload => MaterialChoice::Upload { files: Vec::new() },
                    Way::Commitment => MaterialChoice::Commitment { agreed: false },
                    Way::Defer => MaterialChoice::Deferred,
                };
                d.materials.insert(idx, c);
            }
        })
    };

    let files = Signal::derive(move || match choice() {
        Some(MaterialChoice::Upload { files }) => files,
        _ => Vec::new(),
    });
    let set_files = Callback::new(move |files: Vec<FileRef>| {
        draft.update(|d| {
            if files.is_empty() {
                d.materials.remove(&idx);
            } else {
                d.materials.insert(idx, MaterialChoice::Upload { files });
            }
        })
    });
    let single = only_upload;
    let upload_id = if single {
        path.clone()
    } else {
        format!("{path}-files")
    };
    let upload = move || {
        view! {
            <FileUpload
                id=upload_id.clone()
                label=m.files_label.to_owned()
                files
                set_files
                max_files=MAX_FILES_PER_MATERIAL
                described_by=described
                invalid
            />
        }
    };

    let radios = (!single).then(|| {
        let options = ways
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let id = if i == 0 {
                    path.clone()
                } else {
                    format!("{path}-{i}")
                };
                let w = *w;
                let text = match w {
                    Way::Upload => m.provide_upload,
                    Way::Commitment => m.provide_commitment,
                    Way::Defer => m.provide_defer,
                };
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name=path.clone()
                            prop:checked=move || way.get() == Some(w)
                            on:change=move |_| choose(w) />
                        <label for=id>{text}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="form-group" aria-describedby=described>
                <legend class="legend">{m.material_how}</legend>
                <div class="radios">{options}</div>
            </fieldset>
        }
    });

    let commitment_text = material.commitment.clone().unwrap_or_default();
    let agree_id = format!("{path}-agree");
    let agreed = move || matches!(choice(), Some(MaterialChoice::Commitment { agreed: true }));
    let commitment = move || {
        view! {
            <div class="commitment">
                <h3>{m.commitment_text}</h3>
                <blockquote class="commitment-text" lang=zh_content()>{commitment_text.clone()}</blockquote>
                <div class="checkbox">
                    <input type="checkbox" id=agree_id.clone()
                        prop:checked=agreed
                        on:change=move |ev| {
                            let yes = event_target_checked(&ev);
                            draft.update(|d| { d.materials.insert(idx, MaterialChoice::Commitment { agreed: yes }); });
                        } />
                    <label for=agree_id.clone()>{m.commitment_agree}</label>
                </div>
                <p class="hint">{m.commitment_level}</p>
            </div>
        }
    };

    view! {
        <section
            class=move || if issue.get().is_some() { "material form-group-error" } else { "material" }
            aria-labelledby=labelled_by
            data-testid="material"
        >
            <h2 class="material-name" id=heading_id lang=zh_content()>{name}</h2>
            <p class="hint">{meta}</p>
            {material.notes.clone().map(|n| view! { <p class="hint" lang=zh_content()>{n}</p> })}
            {move || issue.get().map(|msg| view! {
                <p class="field-error" id=error_id.clone()>
                    <span class="visually-hidden">{m.error_prefix}</span>{msg}
                </p>
            })}
            {radios}
            {move || match way.get() {
                Some(Way::Upload) => upload().into_any(),
                Some(Way::Commitment) => commitment().into_any(),
                Some(Way::Defer) => view! { <p class="hint">{m.defer_note}</p> }.into_any(),
                None => ().into_any(),
            }}
        </section>
    }
    .into_any()
}
