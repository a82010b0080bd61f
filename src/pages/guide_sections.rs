//! The sections of a service guide, one component per guide element group.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use portal_core::{join_labels, Necessity, ServiceItem};

type Item = Arc<ServiceItem>;

fn yes_no(value: bool) -> &'static str {
    if value {
        "是"
    } else {
        "否"
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

/// Apply online, or why not and where to go instead.
#[component]
pub fn ApplyPanel(item: Item) -> impl IntoView {
    let h = &item.handling;
    if item.online.depth.can_apply_online() {
        let note = match h.visits {
            0 => "全程网上办理，无需到现场。".to_owned(),
            n => format!(
                "网上预审通过后，需到现场 {n} 次：{}",
                h.visit_reason.clone().unwrap_or_default()
            ),
        };
        view! {
            <section class="apply-panel" aria-label="办理入口">
                <A href=format!("/items/{}/apply", item.code) attr:class="button button-primary">"在线办理"</A>
                <p>{note}</p>
            </section>
        }
        .into_any()
    } else {
        view! {
            <section class="apply-panel apply-offline" aria-label="办理入口">
                <p>
                    <strong>"本事项暂不支持在线申请"</strong>
                    {format!("（网上办理深度：{}）。", item.online.depth.label())}
                </p>
                <p>{h.visit_reason.clone().map(|r| format!("需到现场办理的原因：{r}"))}</p>
                <p>{format!("请携带下列材料到 {} 办理，办理时间：{}。", item.place.address, item.place.hours)}</p>
            </section>
        }
        .into_any()
    }
}

#[component]
pub fn BasicInfo(item: Item) -> impl IntoView {
    let targets = join_labels(&item.targets);
    let themes = join_labels(&item.themes);
    view! {
        <section aria-labelledby="basic">
            <h2 id="basic">"基本信息"</h2>
            <dl class="dl">
                {row("事项类型", item.item_type.label())}
                {row("基本编码", item.basic_code.clone())}
                {row("实施编码", item.code.clone())}
                {row("行使层级", item.level.label())}
                {row("实施主体", item.department.name.clone())}
                {row("实施主体编码", item.department.code.clone())}
                {row("服务对象", targets)}
                {row("主题分类", themes)}
                {row("通办范围", item.scope.display())}
            </dl>
        </section>
    }
}

#[component]
pub fn Handling(item: Item) -> impl IntoView {
    let h = &item.handling;
    let channels = join_labels(&h.channels);
    let visits = match (&h.visit_reason, h.visits) {
        (Some(reason), n) if n > 0 => format!("{n} 次（{reason}）"),
        (_, n) => format!("{n} 次"),
    };
    let o = item.online;
    view! {
        <section aria-labelledby="handling">
            <h2 id="handling">"办理时限与方式"</h2>
            <dl class="dl">
                {row("办件类型", h.kind.label())}
                {row("法定办结时限", h.legal_limit.display())}
                {row("承诺办结时限", h.promised_limit.display())}
                {row("办理形式", channels)}
                {row("到办事现场次数", visits)}
                {row("网上办理深度", o.depth.label())}
                {row("支持预约", yes_no(o.appointment))}
                {row("支持物流快递", yes_no(o.delivery))}
                {row("支持网上支付", yes_no(o.payment))}
            </dl>
        </section>
    }
}

#[component]
pub fn Conditions(item: Item) -> impl IntoView {
    view! {
        <section aria-labelledby="conditions">
            <h2 id="conditions">"受理条件"</h2>
            <ul>{item.handling.conditions.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
        </section>
    }
}

#[component]
pub fn Materials(item: Item) -> impl IntoView {
    let body = if item.materials.is_empty() {
        view! { <p>"无需提交申请材料。"</p> }.into_any()
    } else {
        let rows = item
            .materials
            .iter()
            .map(|m| {
                let necessity_class = match m.necessity {
                    Necessity::Required => "need need-required",
                    Necessity::Optional => "need",
                    Necessity::Deferrable => "need need-deferrable",
                };
                view! {
                    <tr>
                        <th scope="row">
                            {m.name.clone()}
                            {m.applies_to.clone().map(|a| view! { <span class="cell-note">{format!("适用情形：{a}")}</span> })}
                            {m.spec.clone().map(|s| view! { <span class="cell-note">{format!("规格：{s}")}</span> })}
                            {m.notes.clone().map(|n| view! { <span class="cell-note">{format!("填报须知：{n}")}</span> })}
                            {m.blank_form.clone().map(|f| view! { <span class="cell-note">{format!("空白表格：{f}")}</span> })}
                            {m.sample.clone().map(|f| view! { <span class="cell-note">{format!("示例样表：{f}")}</span> })}
                        </th>
                        <td>{m.form.label()}</td>
                        <td>{format!("{} {} 份", m.copy_kind.label(), m.copies)}</td>
                        <td><span class=necessity_class>{m.necessity.label()}</span></td>
                        <td>{m.source.label()}</td>
                        <td>
                            {match &m.commitment {
                                Some(text) => view! {
                                    <details class="commitment">
                                        <summary>"可告知承诺"</summary>
                                        <p>{text.clone()}</p>
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
            <div class="table-scroll" role="region" aria-label="申请材料表（可横向滚动）" tabindex="0">
                <table class="materials" data-testid="materials">
                    <thead>
                        <tr>
                            <th scope="col">"材料名称"</th>
                            <th scope="col">"材料形式"</th>
                            <th scope="col">"原件/复印件"</th>
                            <th scope="col">"必要性"</th>
                            <th scope="col">"来源渠道"</th>
                            <th scope="col">"告知承诺"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">"“容缺后补”的材料可在受理后补交；“可告知承诺”的材料可签署承诺书代替。"</p>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="materials">
            <h2 id="materials">"申请材料"</h2>
            {body}
        </section>
    }
}

#[component]
pub fn Steps(item: Item) -> impl IntoView {
    view! {
        <section aria-labelledby="steps">
            <h2 id="steps">"办理流程"</h2>
            <ol class="steps">
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
    let fees = &item.fees;
    let fee_view = if fees.charged {
        view! {
            <ul>
                {fees
                    .items
                    .iter()
                    .map(|f| view! { <li>{format!("{}：{}（依据：{}）", f.name, f.standard, f.basis)}</li> })
                    .collect_view()}
            </ul>
            <p>{if fees.reducible { "可按规定减免。" } else { "不可减免。" }} {fees.reduction_note.clone()}</p>
        }
        .into_any()
    } else {
        view! { <p>"不收费。"</p> }.into_any()
    };
    let delivery = join_labels(&item.delivery_methods);
    view! {
        <section aria-labelledby="fees">
            <h2 id="fees">"收费标准"</h2>
            {fee_view}
        </section>
        <section aria-labelledby="results">
            <h2 id="results">"办理结果"</h2>
            <ul>
                {item
                    .results
                    .iter()
                    .map(|r| {
                        let sample = r.sample.clone().map(|s| format!("，样本：{s}")).unwrap_or_default();
                        view! { <li>{format!("{}（{}{}）", r.name, r.kind.label(), sample)}</li> }
                    })
                    .collect_view()}
            </ul>
            <p>{format!("结果送达方式：{delivery}")}</p>
        </section>
    }
}

#[component]
pub fn PlaceAndPhones(item: Item) -> impl IntoView {
    let tel = |number: &str| {
        let digits: String = number.chars().filter(|c| c.is_ascii_digit()).collect();
        view! { <a href=format!("tel:{digits}")>{number.to_owned()}</a> }
    };
    view! {
        <section aria-labelledby="place">
            <h2 id="place">"办理地点与咨询"</h2>
            <dl class="dl">
                {row("办理地点", item.place.address.clone())}
                {row("办理时间", item.place.hours.clone())}
                {row("咨询电话", tel(&item.phones.consult))}
                {row("监督投诉电话", tel(&item.phones.complaint))}
            </dl>
        </section>
    }
}

#[component]
pub fn LegalBasisList(item: Item) -> impl IntoView {
    view! {
        <section aria-labelledby="basis">
            <h2 id="basis">"设定依据"</h2>
            <ul>
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
                <h2 id="faq">"常见问题"</h2>
                {item
                    .faq
                    .iter()
                    .map(|f| view! {
                        <details class="faq">
                            <summary>{f.question.clone()}</summary>
                            <p>{f.answer.clone()}</p>
                        </details>
                    })
                    .collect_view()}
            </section>
        }
    })
}
