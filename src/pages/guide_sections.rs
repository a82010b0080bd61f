//! The sections of a service guide, one component per guide element group.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use portal_core::{join_labels_in, Necessity, ServiceItem};

use crate::i18n::guide::GuideText;
use crate::i18n::{lang, t, zh_content};
use crate::pages::notice_sheet::PrintButton;

type Item = Arc<ServiceItem>;

fn yes_no(value: bool) -> &'static str {
    if value {
        t().yes
    } else {
        t().no
    }
}

/// A labelled row of a definition list.
fn row(term: &'static str, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="dl-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// A row whose value is catalog content (Chinese whatever the page language).
fn data_row(term: &'static str, value: String) -> impl IntoView {
    row(term, view! { <span lang=zh_content()>{value}</span> })
}

/// Apply online, or why not and where to go instead. `query` (the situation answers,
/// `?s.applicant=agent`) is carried to the apply page.
#[component]
pub fn ApplyPanel(item: Item, #[prop(optional, into)] query: Signal<String>) -> impl IntoView {
    let m = t();
    let h = &item.handling;
    if item.online.depth.can_apply_online() {
        let note = match h.visits {
            0 => m.apply_fully_online.to_owned(),
            n => (m.apply_visits)(n, h.visit_reason.as_deref().unwrap_or_default()),
        };
        view! {
            <section class="apply-panel" aria-label=m.apply_entry>
                <A href={
                    let code = item.code.clone();
                    move || format!("/items/{code}/apply{}", query.get())
                } attr:class="button button-primary">{m.apply_online}</A>
                <p>{note}</p>
            </section>
        }
        .into_any()
    } else {
        view! {
            <section class="apply-panel apply-offline" aria-label=m.apply_entry>
                <p>
                    <strong>{m.apply_offline}</strong>
                    {(m.apply_offline_depth)(item.online.depth.label_in(lang()))}
                </p>
                <p>{h.visit_reason.as_deref().map(m.apply_offline_reason)}</p>
                <p>{(m.apply_offline_where)(&item.place.address, &item.place.hours)}</p>
            </section>
        }
        .into_any()
    }
}

#[component]
pub fn BasicInfo(item: Item) -> impl IntoView {
    let (m, l) = (t(), lang());
    view! {
        <section aria-labelledby="basic">
            <h2 id="basic">{m.sec_basic}</h2>
            <dl class="dl">
                {row(m.f_item_type, item.item_type.label_in(l))}
                {row(m.f_basic_code, item.basic_code.clone())}
                {row(m.f_code, item.code.clone())}
                {row(m.f_level, item.level.label_in(l))}
                {data_row(m.f_department, item.department.name.clone())}
                {row(m.f_department_code, item.department.code.clone())}
                {row(m.f_targets, join_labels_in(&item.targets, l))}
                {row(m.f_themes, join_labels_in(&item.themes, l))}
                {row(m.f_scope, item.scope.display_in(l))}
            </dl>
        </section>
    }
}

#[component]
pub fn Handling(item: Item) -> impl IntoView {
    let (m, l) = (t(), lang());
    let h = &item.handling;
    let visits = match (&h.visit_reason, h.visits) {
        (Some(reason), n) if n > 0 => format!("{}（{reason}）", (m.visits_count)(n.into())),
        (_, n) => (m.visits_count)(n.into()),
    };
    let o = item.online;
    view! {
        <section aria-labelledby="handling">
            <h2 id="handling">{m.sec_handling}</h2>
            <dl class="dl">
                {row(m.f_kind, h.kind.label_in(l))}
                {row(m.f_legal_limit, h.legal_limit.display_in(l))}
                {row(m.f_promised_limit, h.promised_limit.display_in(l))}
                {row(m.f_channels, join_labels_in(&h.channels, l))}
                {data_row(m.f_visits, visits)}
                {row(m.f_depth, o.depth.label_in(l))}
                {row(m.f_appointment, yes_no(o.appointment))}
                {row(m.f_delivery, yes_no(o.delivery))}
                {row(m.f_payment, yes_no(o.payment))}
            </dl>
        </section>
    }
}

#[component]
pub fn Conditions(item: Item) -> impl IntoView {
    view! {
        <section aria-labelledby="conditions">
            <h2 id="conditions">{t().sec_conditions}</h2>
            <ul lang=zh_content()>{item.handling.conditions.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
        </section>
    }
}

/// A note under a material's name: "规格：…".
fn cell_note(prefix: &'static str, text: &Option<String>) -> Option<impl IntoView> {
    text.clone()
        .map(|text| view! { <span class="cell-note">{prefix}<span lang=zh_content()>{text}</span></span> })
}

/// The full materials table, for reference. With `print`, it offers the one-time checklist (the
/// guide offers it in "我要准备什么" instead when the item has situation questions).
#[component]
pub fn Materials(item: Item, #[prop(optional)] print: bool) -> impl IntoView {
    let (m, l) = (t(), lang());
    let g = GuideText::now();
    let body = if item.materials.is_empty() {
        view! { <p>{m.no_materials}</p> }.into_any()
    } else {
        let rows = item
            .materials
            .iter()
            .map(|mat| {
                let necessity_class = match mat.necessity {
                    Necessity::Required => "need need-required",
                    Necessity::Optional => "need",
                    Necessity::Deferrable => "need need-deferrable",
                };
                view! {
                    <tr>
                        <th scope="row">
                            <span lang=zh_content()>{mat.name.clone()}</span>
                            {cell_note(m.m_applies_to, &mat.applies_to)}
                            {cell_note(m.m_spec, &mat.spec)}
                            {cell_note(m.m_notes, &mat.notes)}
                            {cell_note(m.m_blank_form, &mat.blank_form)}
                            {cell_note(m.m_sample, &mat.sample)}
                            {mat.shared_check.then(|| view! { <span class="cell-note shared-note">{g.shared_check}</span> })}
                        </th>
                        <td>{mat.form.label_in(l)}</td>
                        <td>{(m.m_copies_value)(mat.copy_kind.label_in(l), mat.copies)}</td>
                        <td><span class=necessity_class>{mat.necessity.label_in(l)}</span></td>
                        <td>{mat.source.label_in(l)}</td>
                        <td>
                            {match &mat.commitment {
                                Some(text) => view! {
                                    <details class="commitment">
                                        <summary>{m.m_commitment_allowed}</summary>
                                        <p lang=zh_content()>{text.clone()}</p>
                                    </details>
                                }
                                .into_any(),
                                None => "—".into_any(),
                            }}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" role="region" aria-label=m.materials_table tabindex="0">
                <table class="materials" data-testid="materials">
                    <thead>
                        <tr>
                            <th scope="col">{m.m_name}</th>
                            <th scope="col">{m.m_form}</th>
                            <th scope="col">{m.m_copies}</th>
                            <th scope="col">{m.m_necessity}</th>
                            <th scope="col">{m.m_source}</th>
                            <th scope="col">{m.m_commitment}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">{m.materials_hint}</p>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="materials">
            <h2 id="materials">{m.sec_materials}</h2>
            {body}
            {print.then(|| view! { <PrintButton /> })}
        </section>
    }
}

#[component]
pub fn Steps(item: Item) -> impl IntoView {
    view! {
        <section aria-labelledby="steps">
            <h2 id="steps">{t().sec_steps}</h2>
            <ol class="steps" lang=zh_content()>
                {item
                    .handling
                    .steps
                    .iter()
                    .map(|s| view! { <li><strong>{s.name.clone()}</strong><span>{s.description.clone()}</span></li> })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
pub fn FeesAndResults(item: Item) -> impl IntoView {
    let (m, l) = (t(), lang());
    let fees = &item.fees;
    let fee_view = if fees.charged {
        view! {
            <ul lang=zh_content()>
                {fees
                    .items
                    .iter()
                    .map(|f| view! { <li>{(m.fee_line)(&f.name, &f.standard, &f.basis)}</li> })
                    .collect_view()}
            </ul>
            <p>
                {if fees.reducible { m.fee_reducible } else { m.fee_not_reducible }}
                " "
                <span lang=zh_content()>{fees.reduction_note.clone()}</span>
            </p>
        }
        .into_any()
    } else {
        view! { <p>{m.no_fee}</p> }.into_any()
    };
    let delivery = join_labels_in(&item.delivery_methods, l);
    view! {
        <section aria-labelledby="fees">
            <h2 id="fees">{m.sec_fees}</h2>
            {fee_view}
        </section>
        <section aria-labelledby="results">
            <h2 id="results">{m.sec_results}</h2>
            <ul>
                {item
                    .results
                    .iter()
                    .map(|r| {
                        let sample = r.sample.as_deref().map(m.result_sample).unwrap_or_default();
                        view! {
                            <li>
                                <span lang=zh_content()>{r.name.clone()}</span>
                                {format!(" · {}{sample}", r.kind.label_in(l))}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>{(m.delivery_methods)(&delivery)}</p>
        </section>
    }
}

#[component]
pub fn PlaceAndPhones(item: Item) -> impl IntoView {
    let m = t();
    let tel = |number: &str| {
        let digits: String = number.chars().filter(|c| c.is_ascii_digit()).collect();
        view! { <a href=format!("tel:{digits}")>{number.to_owned()}</a> }
    };
    view! {
        <section aria-labelledby="place">
            <h2 id="place">{m.sec_place}</h2>
            <dl class="dl">
                {data_row(m.f_address, item.place.address.clone())}
                {data_row(m.f_hours, item.place.hours.clone())}
                {row(m.f_consult, tel(&item.phones.consult))}
                {row(m.f_complaint, tel(&item.phones.complaint))}
            </dl>
        </section>
    }
}

#[component]
pub fn LegalBasisList(item: Item) -> impl IntoView {
    view! {
        <section aria-labelledby="basis">
            <h2 id="basis">{t().sec_basis}</h2>
            <ul lang=zh_content()>
                {item.legal_basis.iter().map(|b| view! { <li>{format!("{}{}", b.law, b.article)}</li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn Faqs(item: Item) -> impl IntoView {
    (!item.faq.is_empty()).then(|| {
        view! {
            <section aria-labelledby="faq">
                <h2 id="faq">{t().sec_faq}</h2>
                {item
                    .faq
                    .iter()
                    .map(|f| view! {
                        <details class="faq" lang=zh_content()>
                            <summary>{f.question.clone()}</summary>
                            <p>{f.answer.clone()}</p>
                        </details>
                    })
                    .collect_view()}
            </section>
        }
    })
}
