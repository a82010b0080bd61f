//! `/staff/applications`: the application queue, newest first, filtered by status, item,
//! department and date submitted, a page at a time. The filter lives in the address bar, so a
//! reload or a shared link shows the same list; the server scopes department accounts.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use portal_core::staff::{StaffApplicationPage, StaffApplicationRow};

use super::application::Application;
use super::application_actions::Workbench;
use super::queue_form::QueueFilters;
use crate::api::FetchError;
use crate::api_staff::fetch_applications;
use crate::components::notice::Loading;
use crate::components::title::set_title;
use crate::i18n::staff::StaffText;
use crate::i18n::{lang, zh_content};
use crate::pages::staff::application_text::short_time;
use crate::pages::staff::frame::{StaffFailure, StaffFrame, StaffPage};
use crate::pages::staff::queue_filter::{page_count, QueueFilter};

/// `/staff/applications` and `/staff/applications/:reference`: one route, so the two pages share
/// one session frame (and the router one arm).
#[component]
pub fn StaffApplicationsPage() -> impl IntoView {
    let params = use_params_map();
    let reference = Memo::new(move |_| params.with(|p| p.get("reference")));
    // Kept at app level (see `provide_staff_state`): signing in again or switching language in
    // between keeps what was typed.
    let bench = use_context::<Workbench>().unwrap_or_default();
    view! {
        <StaffFrame current=StaffPage::Applications>
            {move || match reference.get() {
                Some(reference) => {
                    bench.switch_to(&reference);
                    view! { <Application reference bench /> }.into_any()
                }
                None => view! { <Queue /> }.into_any(),
            }}
        </StaffFrame>
    }
}

pub(super) fn queue_url(filter: &QueueFilter) -> String {
    format!("/staff/applications{}", filter.to_query_string())
}

type Found = (QueueFilter, Result<StaffApplicationPage, FetchError>);

#[component]
fn Queue() -> impl IntoView {
    let t = StaffText::now();
    set_title(t.queue_title);
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| QueueFilter::from_query(|k| q.get(k))));
    // The page comes back with the filter it was asked for; an answer to an older filter is
    // dropped.
    let found = RwSignal::new(None::<Found>);
    let load = move |asked: QueueFilter| {
        spawn_local(async move {
            let result = fetch_applications(&asked.to_query_string()).await;
            if filter.get_untracked() == asked {
                found.set(Some((asked, result)));
            }
        })
    };
    Effect::new(move || load(filter.get()));
    view! {
        <h1 class="page-title">{t.queue_title}</h1>
        <p class="lead">{t.queue_lead}</p>
        <QueueFilters filter />
        // Says how many were found when a new filter or page arrives (the focus stays on the form).
        <p class="visually-hidden" role="status">
            {move || found.with(|f| match f {
                Some((asked, Ok(page))) => (t.page_status)(asked.page, page_count(page.total, page.size), page.total),
                _ => String::new(),
            })}
        </p>
        {move || match found.get() {
            None => view! { <Loading label=t.loading /> }.into_any(),
            Some((asked, Ok(page))) => queue_table(&asked, page),
            Some((_, Err(error))) => view! { <StaffFailure error on_retry=move |()| load(filter.get_untracked()) /> }.into_any(),
        }}
    }
}

fn queue_table(asked: &QueueFilter, found: StaffApplicationPage) -> AnyView {
    let t = StaffText::now();
    if found.rows.is_empty() {
        let filtered = asked.is_filtered();
        let first = (asked.page > 1).then(|| queue_url(&asked.on_page(1)));
        return view! {
            <div class="empty" role="status" data-testid="queue-empty">
                <p>{t.queue_empty}</p>
                {filtered.then(|| view! {
                    <p>{t.queue_empty_filtered}</p>
                    <p><A href="/staff/applications">{t.clear_filters}</A></p>
                })}
                {first.map(|href| view! { <p><A href=href>{t.first_page}</A></p> })}
            </div>
        }
        .into_any();
    }
    let pages = page_count(found.total, found.size);
    let link = |page: u32, label: &'static str, rel: &'static str| {
        view! { <A href=queue_url(&asked.on_page(page)) attr:class="button button-secondary" attr:rel=rel>{label}</A> }
    };
    let previous = (found.page > 1).then(|| link(found.page - 1, t.previous_page, "prev"));
    let next = (found.page < pages).then(|| link(found.page + 1, t.next_page, "next"));
    view! {
        <div class="table-scroll staff-table-scroll" role="region" aria-labelledby="queue-caption" tabindex="0">
            <table class="staff-table queue-table" data-testid="queue-table">
                <caption id="queue-caption">{(t.queue_caption)(found.total)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_reference}</th>
                        <th scope="col">{t.col_item}</th>
                        <th scope="col">{t.col_applicant}</th>
                        <th scope="col">{t.col_status}</th>
                        <th scope="col">{t.col_submitted}</th>
                    </tr>
                </thead>
                <tbody>{found.rows.into_iter().map(queue_row).collect_view()}</tbody>
            </table>
        </div>
        <nav class="pager" aria-label=t.paging>
            {previous}
            <p class="pager-status" data-testid="page-status">{(t.page_status)(found.page, pages, found.total)}</p>
            {next}
        </nav>
    }
    .into_any()
}

fn queue_row(row: StaffApplicationRow) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let applicant = row.applicant_name.unwrap_or_else(|| t.not_given.to_owned());
    view! {
        <tr>
            <th scope="row" class="cell-reference">
                <A href=format!("/staff/applications/{}", row.reference)>{row.reference.clone()}</A>
            </th>
            <td lang=zh_content()>{row.item_name}</td>
            // Applicant text is only ever a text node.
            <td data-testid="applicant">{applicant}</td>
            <td>{row.status.label_in(l)}</td>
            <td>{short_time(&row.submitted_at)}</td>
        </tr>
    }
}
