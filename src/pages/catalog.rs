//! The citizen home: the service catalog, browsed, filtered and searched. All filter and search
//! state lives in the URL query, so a view can be shared and survives reload.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::{CatalogFilter, SearchIndex, SearchSession};

use crate::api::fetch_items;
use crate::components::filter_bar::FilterBar;
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::result_list::ResultList;
use crate::components::search_box::SearchBox;
use crate::components::title::set_title;
use crate::pages::catalog_url::UrlSync;

/// Cards rendered at first and added by each "显示更多": never the whole catalog at once.
const PAGE: usize = 10;

#[component]
pub fn CatalogPage() -> impl IntoView {
    set_title("服务事项目录");
    let items = LocalResource::new(fetch_items);
    view! {
        <div class="wrap">
            <h1 class="page-title">"政法服务事项"</h1>
            <p class="lead">"公安、法院、检察院、司法行政服务，一次办好，最多跑一次。"</p>
            <Transition fallback=|| view! { <Loading label="正在加载服务事项…" /> }>
                {move || Suspend::new(async move {
                    match items.await {
                        Ok(list) => view! { <CatalogBrowser index=Arc::new(SearchIndex::new(list)) /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error on_retry=move |()| items.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// Search box, filters and results over a loaded catalog (filter state: [`UrlSync`]).
#[component]
fn CatalogBrowser(index: Arc<SearchIndex>) -> impl IntoView {
    let url_sync = UrlSync::new();
    let filter = url_sync.filter();
    let set_filter = Callback::new(move |next: CatalogFilter| url_sync.set(next));

    let session = SearchSession::new(Arc::clone(&index));
    let hits = Memo::new(move |_| filter.with(|f| session.search(f)));
    // Extra pages apply to the filter they were asked for; any change starts again at one page.
    let extra = RwSignal::new((CatalogFilter::default(), 0usize));
    let shown = Signal::derive(move || {
        PAGE + extra.with(|(for_filter, pages)| {
            if filter.with(|f| f == for_filter) {
                *pages * PAGE
            } else {
                0
            }
        })
    });
    let on_more = move |()| {
        let current = filter.get_untracked();
        extra.update(|(for_filter, pages)| {
            if *for_filter != current {
                *for_filter = current;
                *pages = 0;
            }
            *pages += 1;
        });
    };

    let mut regions: Vec<String> = index
        .items()
        .iter()
        .filter_map(|i| i.scope.region.clone())
        .collect();
    regions.sort();
    regions.dedup();

    let with_query = move |text: String| {
        let mut next = filter.get_untracked();
        next.query = text;
        set_filter.run(next);
    };
    let clear_choices = move |()| set_filter.run(filter.with_untracked(CatalogFilter::query_only));
    let query_text = Memo::new(move |_| filter.with(|f| f.query.clone()));

    view! {
        <SearchBox value=query_text on_input=with_query />
        <FilterBar filter=filter on_change=set_filter regions />
        <ResultList
            index
            hits
            shown
            query=query_text
            has_choices=Signal::derive(move || filter.with(|f| f.has_choices()))
            on_more
            on_follow=move |()| url_sync.flush()
            on_suggest=with_query
            on_clear=clear_choices
        />
    }
}
