//! The queue's filter form: status, item (by name or code), department (administrators only;
//! a department account is told it sees its own) and the submission dates. The fields follow the
//! address bar; a typed item that names no single item, or dates the wrong way round, are
//! refused at their fields before anything is asked of the server.

use leptos::ev::SubmitEvent;
use leptos::html::{Input, Select};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use portal_core::status::Status;
use portal_core::DepartmentKind;

use super::queue::queue_url;
use crate::api_staff::fetch_items;
use crate::components::form::{ErrorSummary, ShownIssue};
use crate::i18n::apply::ApplyText;
use crate::i18n::lang;
use crate::i18n::staff::StaffText;
use crate::pages::staff::frame::StaffSession;
use crate::pages::staff::queue_filter::{resolve_item, ItemLookup, QueueFilter};

const ITEM_ID: &str = "queue-item";
const TO_ID: &str = "queue-to";

/// The field's message under its label, while there is one.
fn field_message(issues: RwSignal<Vec<ShownIssue>>, id: &'static str) -> impl IntoView {
    let m = ApplyText::now();
    move || {
        issues.with(|all| {
            all.iter().find(|i| i.path == id).map(|issue| {
                view! {
                    <p class="field-error" id=format!("{id}-error")>
                        <span class="visually-hidden">{m.error_prefix}</span>
                        {issue.message.clone()}
                    </p>
                }
            })
        })
    }
}

#[component]
pub(super) fn QueueFilters(filter: Memo<QueueFilter>) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let navigate = use_navigate();
    let own_department = use_context::<StaffSession>()
        .and_then(StaffSession::account)
        .and_then(|me| me.department);
    // (code, name) of every item, for finding an item by name; without it, codes still work.
    let items = RwSignal::new(Vec::<(String, String)>::new());
    spawn_local(async move {
        if let Ok(rows) = fetch_items("").await {
            items.set(rows.into_iter().map(|r| (r.code, r.name)).collect());
        }
    });
    let known_items = move || items.get();
    let status = NodeRef::<Select>::new();
    let department = NodeRef::<Select>::new();
    let item = NodeRef::<Input>::new();
    let from = NodeRef::<Input>::new();
    let to = NodeRef::<Input>::new();
    let issues = RwSignal::new(Vec::<ShownIssue>::new());
    // The fields show the filter in the address bar (also after Back or a cleared filter).
    Effect::new(move || {
        let shown = filter.get();
        issues.set(Vec::new());
        let label = |value: Option<&'static str>| value.unwrap_or_default();
        if let Some(el) = status.get() {
            el.set_value(label(shown.status.map(|s| s.label())));
        }
        if let Some(el) = department.get() {
            el.set_value(label(shown.department.map(|d| d.label())));
        }
        for (node, value) in [(from, shown.from), (to, shown.to)] {
            if let Some(el) = node.get() {
                el.set_value(&value.unwrap_or_default());
            }
        }
    });
    // The item reads as its name once the names are known. Names arriving late must not
    // overwrite what the user has typed meanwhile: only a new filter, or the bare code shown
    // until then, is replaced.
    let shown_code = StoredValue::new(None::<String>);
    Effect::new(move || {
        let code = filter.with(|f| f.item.clone()).unwrap_or_default();
        let text = items.with(|all| {
            all.iter()
                .find(|(c, _)| *c == code)
                .map_or(code.clone(), |(_, name)| name.clone())
        });
        if let Some(el) = item.get() {
            let same_filter = shown_code.get_value().as_deref() == Some(code.as_str());
            if !same_filter || el.value() == code {
                el.set_value(&text);
            }
            shown_code.set_value(Some(code));
        }
    });
    let invalid = move |id: &'static str| {
        move || issues.with(|all| all.iter().any(|i| i.path == id).then_some("true"))
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input =
            |node: NodeRef<Input>| node.get_untracked().map(|e| e.value()).unwrap_or_default();
        let chosen =
            |node: NodeRef<Select>| node.get_untracked().map(|e| e.value()).unwrap_or_default();
        let typed = input(item);
        let mut problems = Vec::new();
        let item_code = resolve_item(&typed, &known_items()).unwrap_or_else(|lookup| {
            let typed = typed.trim();
            let message = match lookup {
                ItemLookup::NotFound => (t.item_not_found)(typed),
                ItemLookup::Ambiguous(n) => (t.item_ambiguous)(typed, n),
            };
            problems.push(ShownIssue {
                path: ITEM_ID.into(),
                message,
                warning: false,
            });
            None
        });
        let date = |text: String| Some(text.trim().to_owned()).filter(|d| !d.is_empty());
        let next = QueueFilter {
            status: Status::from_label(&chosen(status)),
            item: item_code,
            department: DepartmentKind::from_label(&chosen(department)),
            from: date(input(from)),
            to: date(input(to)),
            page: 1,
        };
        if next.dates_reversed() {
            problems.push(ShownIssue {
                path: TO_ID.into(),
                message: t.dates_reversed.into(),
                warning: false,
            });
        }
        let ok = problems.is_empty();
        issues.set(problems);
        if ok {
            navigate(&queue_url(&next), Default::default());
        }
    };

    let department_field = match own_department {
        Some(own) => {
            view! { <p class="queue-own-department">{(t.own_department)(own.label_in(l))}</p> }
                .into_any()
        }
        None => view! {
            <div class="form-group">
                <label class="label" for="queue-department">{t.filter_department}</label>
                <select id="queue-department" node_ref=department>
                    <option value="">{t.any_department}</option>
                    {DepartmentKind::ALL.iter().map(|d| {
                        let d = *d;
                        view! { <option value=d.label()>{d.label_in(l)}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
        .into_any(),
    };

    view! {
        <form class="queue-filters" role="search" aria-labelledby="queue-filters-heading" novalidate on:submit=on_submit>
            <h2 id="queue-filters-heading">{t.filters_heading}</h2>
            {move || (!issues.with(Vec::is_empty)).then(|| view! { <ErrorSummary issues=issues.get() /> })}
            <div class="queue-fields">
                <div class="form-group">
                    <label class="label" for="queue-status">{t.filter_status}</label>
                    <select id="queue-status" node_ref=status>
                        <option value="">{t.any_status}</option>
                        {Status::ALL.iter().map(|s| {
                            let s = *s;
                            view! { <option value=s.label()>{s.label_in(l)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class=move || if invalid(ITEM_ID)().is_some() { "form-group form-group-error" } else { "form-group" }>
                    <label class="label" for=ITEM_ID>{t.filter_item}</label>
                    <p class="hint" id="queue-item-hint">{t.filter_item_hint}</p>
                    {field_message(issues, ITEM_ID)}
                    <input
                        class="input"
                        id=ITEM_ID
                        type="text"
                        list="queue-items"
                        autocomplete="off"
                        node_ref=item
                        aria-invalid=invalid(ITEM_ID)
                        aria-describedby=move || if invalid(ITEM_ID)().is_some() { "queue-item-hint queue-item-error" } else { "queue-item-hint" }
                    />
                    <datalist id="queue-items">
                        {move || known_items().into_iter().map(|(_, name)| view! { <option value=name></option> }).collect_view()}
                    </datalist>
                </div>
                {department_field}
                <div class="form-group">
                    <label class="label" for="queue-from">{t.filter_from}</label>
                    <input class="input input-date" id="queue-from" type="date" node_ref=from />
                </div>
                <div class=move || if invalid(TO_ID)().is_some() { "form-group form-group-error" } else { "form-group" }>
                    <label class="label" for=TO_ID>{t.filter_to}</label>
                    {field_message(issues, TO_ID)}
                    <input class="input input-date" id=TO_ID type="date" node_ref=to
                        aria-invalid=invalid(TO_ID)
                        aria-describedby=move || invalid(TO_ID)().map(|_| "queue-to-error") />
                </div>
            </div>
            <div class="button-row">
                <button type="submit" class="button">{t.apply_filters}</button>
                {move || filter.with(QueueFilter::is_filtered).then(|| view! {
                    <A href="/staff/applications" attr:class="button button-secondary">{t.clear_filters}</A>
                })}
            </div>
        </form>
    }
}
