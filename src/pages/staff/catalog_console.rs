//! `/staff/catalog`: every item in one sortable table, under the citizen filters and search,
//! with CSV downloads of the filtered table and of the audit. The server filters (so the table
//! and its CSV always hold the same rows); the filter lives in the address bar.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use portal_core::staff::StaffItemRow;
use portal_core::CatalogFilter;

use crate::api_staff::{audit_csv_url, fetch_items, items_csv_url};
use crate::components::app_link::CitizenLink;
use crate::components::filter_bar::FilterBar;
use crate::components::notice::Loading;
use crate::components::search_box::SearchBox;
use crate::components::title::set_title;
use crate::i18n::staff::StaffText;
use crate::i18n::{lang, zh_content};
use crate::pages::staff::frame::{StaffFailure, StaffFrame, StaffPage};
use crate::pages::staff::sort::{sorted_positions, toggle, Column, Sort};

#[component]
pub fn StaffCatalogPage() -> impl IntoView {
    view! {
        <StaffFrame current=StaffPage::Catalog>
            <CatalogConsole />
        </StaffFrame>
    }
}

/// Writes the filter into the address bar without a router navigation (which would re-render
/// the page and take focus from the search box).
fn show_in_address_bar(filter: &CatalogFilter) {
    let url = format!("/staff/catalog{}", filter.to_query_string());
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[component]
fn CatalogConsole() -> impl IntoView {
    let t = StaffText::now();
    set_title(t.catalog_title);
    let query = use_query_map();
    let filter = RwSignal::new(query.with_untracked(|q| CatalogFilter::from_query(|k| q.get(k))));
    let set_filter = Callback::new(move |next: CatalogFilter| {
        show_in_address_bar(&next);
        filter.set(next);
    });
    let with_query = move |text: String| {
        let mut next = filter.get_untracked();
        next.query = text;
        set_filter.run(next);
    };
    let query_text = Memo::new(move |_| filter.with(|f| f.query.clone()));
    let query_string = Memo::new(move |_| filter.with(CatalogFilter::to_query_string));

    // The whole catalog once, for the region choices; then the rows of the current filter.
    let all = LocalResource::new(|| fetch_items(""));
    let rows = LocalResource::new(move || {
        let query = query_string.get();
        async move { fetch_items(&query).await }
    });
    let sort = RwSignal::new(None::<(Column, crate::pages::staff::sort::Direction)>);
    let l = lang();

    view! {
        <h1 class="page-title">{t.catalog_title}</h1>
        <p class="lead">{t.catalog_lead}</p>
        <Transition fallback=move || view! { <Loading label=t.loading /> }>
            {move || Suspend::new(async move {
                match all.await {
                    Ok(all_rows) => {
                        let mut regions: Vec<String> = all_rows
                            .iter()
                            .filter_map(|r| r.scope.region.clone())
                            .collect();
                        regions.sort();
                        regions.dedup();
                        view! {
                            <SearchBox value=query_text on_input=with_query />
                            <FilterBar filter=filter on_change=set_filter regions />
                            <section class="staff-export" aria-labelledby="export-heading">
                                <h2 id="export-heading">{t.export_heading}</h2>
                                <ul>
                                    <li>
                                        <a href=move || items_csv_url(&query_string.get(), l) download="" data-testid="items-csv">
                                            {t.export_items}
                                        </a>
                                    </li>
                                    <li>
                                        <a href=audit_csv_url(l) download="" data-testid="audit-csv">{t.export_audit}</a>
                                    </li>
                                </ul>
                                <p class="hint">{t.export_hint}</p>
                            </section>
                            <Transition fallback=move || view! { <Loading label=t.loading /> }>
                                {move || Suspend::new(async move {
                                    match rows.await {
                                        Ok(list) => view! { <ItemTable rows=Arc::new(list) sort /> }.into_any(),
                                        Err(error) => view! { <StaffFailure error on_retry=move |()| rows.refetch() /> }.into_any(),
                                    }
                                })}
                            </Transition>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <StaffFailure error on_retry=move |()| all.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn column_label(t: &StaffText, column: Column) -> &'static str {
    match column {
        Column::Name => t.col_name,
        Column::Code => t.col_code,
        Column::Department => t.col_department,
        Column::Type => t.col_type,
        Column::Visits => t.col_visits,
        Column::Depth => t.col_depth,
        Column::Scope => t.col_scope,
        Column::Limits => t.col_limits,
        Column::Fee => t.col_fee,
        Column::Materials => t.col_materials,
    }
}

#[component]
fn ItemTable(rows: Arc<Vec<StaffItemRow>>, sort: RwSignal<Sort>) -> impl IntoView {
    let t = StaffText::now();
    let count = rows.len();
    let heading = move |column: Column| {
        let aria_sort = move || match sort.get() {
            Some((c, direction)) if c == column => Some(direction.aria()),
            _ => None,
        };
        let icon = move || match sort.get() {
            Some((c, d)) if c == column => match d {
                crate::pages::staff::sort::Direction::Ascending => "▲",
                crate::pages::staff::sort::Direction::Descending => "▼",
            },
            _ => "↕",
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort-button" on:click=move |_| sort.update(|s| *s = toggle(*s, column))>
                    {column_label(t, column)}
                    <span class="sort-icon" aria-hidden="true">{icon}</span>
                </button>
            </th>
        }
    };
    let order = {
        let rows = Arc::clone(&rows);
        Memo::new(move |_| sorted_positions(&rows, sort.get()))
    };
    if count == 0 {
        return view! { <p class="empty" role="status">{t.no_rows}</p> }.into_any();
    }
    view! {
        <p class="hint" id="sort-hint">{t.sort_hint}</p>
        <div class="table-scroll staff-table-scroll" role="region" aria-labelledby="items-caption" tabindex="0">
            <table class="staff-table" data-testid="items-table" aria-describedby="sort-hint">
                <caption id="items-caption">{(t.table_caption)(count)}</caption>
                <thead>
                    <tr>{Column::ALL.iter().map(|c| heading(*c)).collect_view()}</tr>
                </thead>
                <tbody>
                    <For
                        each=move || order.get()
                        key=|i| *i
                        children=move |i| view! { <ItemRow row=rows[i].clone() /> }
                    />
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn ItemRow(row: StaffItemRow) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let fee = if row.charged {
        row.fee.clone()
    } else {
        t.free.to_owned()
    };
    let limits = format!(
        "{} / {}",
        row.promised_limit.display_in(l),
        row.legal_limit.display_in(l)
    );
    view! {
        <tr>
            <th scope="row" lang=zh_content()>
                <CitizenLink href=format!("/items/{}", row.code)>{row.name.clone()}</CitizenLink>
            </th>
            <td class="cell-code">{row.code.clone()}</td>
            <td>
                {row.department_kind.label_in(l)}
                <span class="cell-note" lang=zh_content()>{row.department.clone()}</span>
            </td>
            <td>{row.item_type.label_in(l)}</td>
            <td class="cell-number">{row.visits}</td>
            <td>{row.depth.label_in(l)}</td>
            <td>{row.scope.display_in(l)}</td>
            <td>{limits}</td>
            <td lang=row.charged.then(zh_content).flatten()>{fee}</td>
            <td class="cell-number">{row.materials}</td>
        </tr>
    }
}
