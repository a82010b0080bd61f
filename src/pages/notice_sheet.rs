//! The one-time checklist (一次性告知单): hidden on screen, it is all that prints (style/print.css).
//! It holds the item, the citizen's answers, their materials with 原件/复印件 and 份数, where and
//! when, the phone numbers and the date; with no complete answers it lists every material.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::situation::SituationAnswers;
use portal_core::{Material, ServiceItem};

use crate::i18n::guide::GuideText;
use crate::i18n::{lang, t, zh_content};
use crate::pages::guide_situations::my_materials;

/// Today's local date (year, month, day).
fn today() -> (i32, u32, u32) {
    let now = js_sys::Date::new_0();
    (
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// The button that prints the checklist.
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <button
            type="button"
            class="button button-secondary print-button"
            data-testid="print-checklist"
            on:click=|_| {
                // A browser without a print dialog just does nothing.
                let _ = window().print();
            }
        >
            {GuideText::now().print_checklist}
        </button>
    }
}

#[component]
pub fn NoticeSheet(item: Arc<ServiceItem>, answers: RwSignal<SituationAnswers>) -> impl IntoView {
    let (g, m, l) = (GuideText::now(), t(), lang());
    // The date is taken again just before printing, so a page left open overnight prints today's.
    let date = RwSignal::new(today());
    let handle = window_event_listener_untyped("beforeprint", move |_| date.set(today()));
    on_cleanup(move || handle.remove());

    let situation_item = Arc::clone(&item);
    let situation = move || {
        (!situation_item.situations.is_empty()).then(|| {
            let rows = answers.with(|a| {
                situation_item
                    .situations
                    .iter()
                    .filter_map(|q| {
                        let value = a.get(&q.id)?;
                        let option = q.options.iter().find(|o| &o.value == value)?;
                        Some(view! {
                            <div class="dl-row">
                                <dt>{q.question.get(l).to_owned()}</dt>
                                <dd>{option.label.get(l).to_owned()}</dd>
                            </div>
                        })
                    })
                    .collect_view()
            });
            view! {
                <h3>{g.sheet_situation}</h3>
                <dl class="dl">{rows}</dl>
            }
        })
    };
    let materials_item = Arc::clone(&item);
    let materials = move || {
        let mine = if materials_item.situations.is_empty() {
            None
        } else {
            answers.with(|a| my_materials(&materials_item, a))
        };
        let all = mine.is_none();
        let list = mine.unwrap_or_else(|| materials_item.materials.clone());
        view! {
            {all.then(|| view! { <p>{g.sheet_all_materials}</p> })}
            <table class="sheet-materials" data-testid="sheet-materials">
                <thead>
                    <tr>
                        <th scope="col">{m.m_name}</th>
                        <th scope="col">{m.m_copies}</th>
                        <th scope="col">{g.sheet_copies}</th>
                        <th scope="col">{g.sheet_note}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|mat| view! { <SheetRow material=mat show_applies_to=all /> }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <section class="notice-sheet" hidden aria-labelledby="sheet-title" data-testid="notice-sheet">
            <h2 id="sheet-title">
                {g.sheet_title}
                "："
                <span lang=zh_content()>{item.name.clone()}</span>
            </h2>
            <p lang=zh_content()>{item.department.name.clone()}</p>
            {situation}
            <h3>{g.sheet_materials}</h3>
            {materials}
            <h3>{g.sheet_where_when}</h3>
            <dl class="dl">
                <div class="dl-row"><dt>{m.f_address}</dt><dd lang=zh_content()>{item.place.address.clone()}</dd></div>
                <div class="dl-row"><dt>{m.f_hours}</dt><dd lang=zh_content()>{item.place.hours.clone()}</dd></div>
            </dl>
            <h3>{g.sheet_phones}</h3>
            <dl class="dl">
                <div class="dl-row"><dt>{m.f_consult}</dt><dd>{item.phones.consult.clone()}</dd></div>
                <div class="dl-row"><dt>{m.f_complaint}</dt><dd>{item.phones.complaint.clone()}</dd></div>
            </dl>
            <p class="sheet-date">{move || { let (y, mo, d) = date.get(); (g.printed_on)(y, mo, d) }}</p>
        </section>
    }
}

/// One material on the sheet: name, original or copy, how many, and what else to know.
#[component]
fn SheetRow(material: Material, show_applies_to: bool) -> impl IntoView {
    let (g, m, l) = (GuideText::now(), t(), lang());
    let mat = material;
    let mut notes: Vec<AnyView> = vec![mat.necessity.label_in(l).into_any()];
    if show_applies_to {
        if let Some(text) = mat.applies_to.clone() {
            notes.push(view! { {m.m_applies_to}<span lang=zh_content()>{text}</span> }.into_any());
        }
    }
    if let Some(spec) = mat.spec.clone() {
        notes.push(view! { {g.spec}<span lang=zh_content()>{spec}</span> }.into_any());
    }
    if mat.commitment.is_some() {
        notes.push(g.commitment_possible.into_any());
    }
    if mat.shared_check {
        notes.push(g.shared_check.into_any());
    }
    view! {
        <tr>
            <th scope="row" lang=zh_content()>{mat.name.clone()}</th>
            <td>{mat.copy_kind.label_in(l)}</td>
            <td>{mat.copies}</td>
            <td>{notes.into_iter().map(|n| view! { <span class="sheet-note">{n}</span> }).collect_view()}</td>
        </tr>
    }
}
