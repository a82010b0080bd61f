//! `/staff/audit`: the catalog audit: what was checked, each finding with its item (linked to
//! the guide), rule, severity and plain explanation, and the rules themselves.

use leptos::prelude::*;
use portal_core::audit::{Finding, Severity};
use portal_core::staff::AuditReport;

use crate::api_staff::{audit_csv_url, fetch_audit};
use crate::components::app_link::CitizenLink;
use crate::components::notice::Loading;
use crate::components::title::set_title;
use crate::i18n::staff::StaffText;
use crate::i18n::{lang, zh_content};
use crate::pages::staff::frame::{StaffFailure, StaffFrame, StaffPage};

#[component]
pub fn StaffAuditPage() -> impl IntoView {
    view! {
        <StaffFrame current=StaffPage::Audit>
            <Audit />
        </StaffFrame>
    }
}

#[component]
fn Audit() -> impl IntoView {
    let t = StaffText::now();
    set_title(t.audit_title);
    let report = LocalResource::new(fetch_audit);
    view! {
        <h1 class="page-title">{t.audit_title}</h1>
        <Transition fallback=move || view! { <Loading label=t.loading /> }>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(report) => view! { <Report report /> }.into_any(),
                    Err(error) => view! { <StaffFailure error on_retry=move |()| report.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "severity severity-error",
        Severity::Warning => "severity severity-warning",
    }
}

#[component]
fn Report(report: AuditReport) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let summary = (t.audit_summary)(report.items, report.rules.len(), report.findings.len());
    let findings = report.findings;
    let rules = report.rules;
    view! {
        <p class="lead" data-testid="audit-summary">{summary}</p>
        <p><a href=audit_csv_url(l) download="" data-testid="audit-csv">{t.export_audit}</a></p>
        <section aria-labelledby="findings-heading">
            <h2 id="findings-heading">{t.findings_heading}</h2>
            {if findings.is_empty() {
                view! { <p class="empty">{t.audit_clean}</p> }.into_any()
            } else {
                view! {
                    <ol class="findings" data-testid="findings">
                        {findings.into_iter().map(|f| view! { <FindingRow finding=f /> }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
        <details class="rules">
            <summary>{(t.rules_heading)(rules.len())}</summary>
            <ul>
                {rules.into_iter().map(|r| view! {
                    <li>
                        <span class=severity_class(r.severity)>{r.severity.label_in(l)}</span>
                        " "<strong>{r.title.get(l).to_owned()}</strong>
                        <span class="cell-note">{r.explanation.get(l).to_owned()}</span>
                    </li>
                }).collect_view()}
            </ul>
        </details>
    }
}

#[component]
fn FindingRow(finding: Finding) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    view! {
        <li class="finding">
            <h3 class="finding-item">
                <CitizenLink href=format!("/items/{}", finding.item_code)>
                    <span lang=zh_content()>{finding.item_name.clone()}</span>
                </CitizenLink>
            </h3>
            <p class="card-meta">
                <span class="dept-tag">{finding.department_kind.label_in(l)}</span>
                <span lang=zh_content()>{finding.department.clone()}</span>
                " · "{finding.item_code.clone()}
            </p>
            <p>
                <span class=severity_class(finding.severity)>{finding.severity.label_in(l)}</span>
                " "{t.rule}<strong>{finding.title.get(l).to_owned()}</strong>
            </p>
            <p>{finding.explanation.get(l).to_owned()}</p>
            <p class="hint">{t.field}<code>{finding.field.clone()}</code></p>
        </li>
    }
}
