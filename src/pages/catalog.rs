//! The citizen home: the service catalog, browsed, filtered and searched. All filter and search
//! state lives in the URL query, so a view can be shared and survives reload.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::{CatalogFilter, ItemSummary, SearchIndex, SearchSession};

use crate::api::{CardsAnswer, FetchError};
use crate::components::filter_bar::FilterBar;
use crate::components::notice::Loading;
use crate::components::result_list::ResultList;
use crate::components::search_box::SearchBox;
use crate::components::title::set_title;
use crate::pages::catalog_early::load_cards;
use crate::pages::catalog_store::CatalogStore;
use crate::pages::catalog_url::{Address, UrlSync};

/// Cards rendered at first and added by each "显示更多": never the whole catalog at once.
pub const PAGE: usize = 10;

/// The catalog; `address` is where its filter lives in the address bar.
#[component]
pub fn CatalogPage(address: Address) -> impl IntoView {
    let m = crate::i18n::t();
    set_title(m.catalog_title);
    let store = CatalogStore::get();
    let body = match store.session() {
        // Loaded earlier in this session (e.g. Back from a guide): no refetch, no re-index.
        Some(session) => view! { <CatalogBrowser session address /> }.into_any(),
        None => view! { <CatalogLoader store address /> }.into_any(),
    };
    view! {
        <div class="wrap">
            <h1 class="page-title">{m.catalog_heading}</h1>
            <p class="lead">{m.catalog_lead}</p>
            {body}
        </div>
    }
}

/// Fetches and indexes the catalog once, keeping it in the [`CatalogStore`]. A retry says that it
/// is retrying until the answer comes.
#[component]
fn CatalogLoader(store: CatalogStore, address: Address) -> impl IntoView {
    let items = LocalResource::new(load_cards);
    let retrying = RwSignal::new(false);
    view! {
        <Transition fallback=|| view! { <Loading label=crate::i18n::t().loading_catalog /> }>
            {move || Suspend::new(async move {
                let result = items.await;
                retrying.set(false);
                match result {
                    Ok(list) => {
                        let session = new_session(list);
                        store.keep(Arc::clone(&session));
                        view! { <CatalogBrowser session address /> }.into_any()
                    }
                    Err(error) => {
                        let on_retry = move || {
                            retrying.set(true);
                            items.refetch();
                        };
                        view! { <CatalogError error retrying on_retry /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// Indexes loaded cards. The list shows from the first cards alone; every card is read, and the
/// search data built, after that first paint (rAF runs before the frame, the idle callbacks after
/// it).
pub fn new_session(cards: CardsAnswer) -> Arc<SearchSession> {
    let (count, head, read_all) = cards.into_parts();
    let index = Arc::new(SearchIndex::lazy(count, head, read_all));
    let later = Arc::clone(&index);
    request_animation_frame(move || prepare_in_slices(later));
    Arc::new(SearchSession::new(index))
}

/// Items whose search data is built between two looks at the idle time left: about 3 ms in a
/// phone-class browser, so a keystroke or a frame never waits long behind it.
const PREPARE_SLICE: usize = 500;

/// Idle time (ms) a slice may start in. An idle period lasts up to 50 ms; a callback asked for
/// during one runs only in the next, so a slice per callback would take a second or more to build
/// the catalog's search data, and a keystroke before then would build the rest itself.
const SLICE_START_MS: f64 = 5.0;

/// Builds the search data in idle periods, slice after slice while each has time left, until it
/// is complete, then warms the search up. A keystroke in between needs no care: its search builds
/// whatever is left.
fn prepare_in_slices(index: Arc<SearchIndex>) {
    when_idle(move |time_left| {
        loop {
            if index.prepare_some(PREPARE_SLICE) {
                warm_up(SearchSession::new(index), 0);
                return;
            }
            if time_left() < SLICE_START_MS {
                break;
            }
        }
        prepare_in_slices(index);
    });
}

/// Searches run once, unseen, before anyone types: each kind (one letter, two pinyin letters,
/// narrowing as typing goes on, initials, 汉字 broad and narrow), so the browser has compiled the
/// search's wasm to optimised code by the first keystroke. Until then it runs baseline code: a
/// visitor's first two-letter search took 12–14 ms, 9–10 ms once warmed (harness A/B).
const WARM_UP: &[&str] = &["s", "sh", "she", "shenfen", "sfz", "居", "证明"];

/// Runs warm-up search `at` and the ones after it, one per idle period, in a session of their
/// own (the page's keeps only what the visitor searched), answers dropped.
fn warm_up(session: SearchSession, at: usize) {
    let Some(query) = WARM_UP.get(at) else {
        return;
    };
    when_idle(move |_| {
        let filter = CatalogFilter {
            query: (*query).to_owned(),
            ..Default::default()
        };
        std::hint::black_box(session.search(&filter).top(PAGE));
        warm_up(session, at + 1);
    });
}

/// Runs `f` once the browser is idle: after the frame being drawn and the tasks already waiting
/// (a first-paint probe, a keystroke). `f` can ask how many ms of the idle period are left.
/// Where there is no `requestIdleCallback` (Safari), in a task of its own, with no time left.
fn when_idle(f: impl FnOnce(&dyn Fn() -> f64) + 'static) {
    use wasm_bindgen::{JsCast, JsValue};
    let callback = wasm_bindgen::closure::Closure::once_into_js(move |deadline: JsValue| {
        // A timer calls this with no argument: an object is the idle period's deadline.
        let time_left = || {
            if deadline.is_object() {
                deadline
                    .unchecked_ref::<web_sys::IdleDeadline>()
                    .time_remaining()
            } else {
                0.0
            }
        };
        f(&time_left);
    });
    let callback = callback.unchecked_ref();
    if window().request_idle_callback(callback).is_err() {
        let _ = window().set_timeout_with_callback(callback);
    }
}

/// The catalog failed to load: why, in Chinese and English, and a retry button that shows (text,
/// `disabled`, `aria-busy`) while the retry is under way.
#[component]
fn CatalogError(
    error: FetchError,
    retrying: RwSignal<bool>,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let m = crate::i18n::t();
    view! {
        <div class="notice notice-error" role="alert">
            <h2>{m.load_failed}</h2>
            <p>{error.text()}</p>
            <button
                type="button"
                class="button"
                disabled=move || retrying.get()
                aria-busy=move || retrying.get().then_some("true")
                on:click=move |_| on_retry()
            >
                {move || if retrying.get() { m.retrying } else { m.retry }}
            </button>
        </div>
    }
}

/// Search box, filters and results over a loaded catalog (filter state: [`UrlSync`]).
#[component]
fn CatalogBrowser(session: Arc<SearchSession>, address: Address) -> impl IntoView {
    let store = CatalogStore::get();
    let index = Arc::clone(session.index());
    let url_sync = UrlSync::new(address);
    let filter = url_sync.filter();
    let set_filter = Callback::new(move |next: CatalogFilter| url_sync.set(next));

    let hits = Memo::new(move |_| filter.with(|f| session.search(f)));
    // Extra pages apply to the filter they were asked for; any change starts again at one page.
    // They live in the store, so Back from a guide shows as many cards as before.
    let extra = store.window();
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
    store.on_arrival();

    // Read when the region filter shows, not before the first list (it needs every card).
    let regions = {
        let index = Arc::clone(&index);
        Signal::derive(move || regions_of(index.items()))
    };
    // Every card is read after the first paint; should that fail, the list keeps the first ones
    // and says the catalog is incomplete, with a reload.
    let incomplete = RwSignal::new(None::<FetchError>);
    {
        let index = Arc::clone(&index);
        request_animation_frame(move || {
            when_idle(move |_| {
                let _ = index.items(); // read now, if the search data's first slice has not
                if let Some(why) = index.failure() {
                    incomplete.set(Some(FetchError::Decode(why.to_owned())));
                }
            })
        });
    }
    let reloading = RwSignal::new(false);
    let reload = move || {
        reloading.set(true);
        let _ = window().location().reload();
    };

    let with_query = move |text: String| {
        let mut next = filter.get_untracked();
        next.query = text;
        set_filter.run(next);
    };
    let clear_choices = move |()| set_filter.run(filter.with_untracked(CatalogFilter::query_only));
    let query_text = Memo::new(move |_| filter.with(|f| f.query.clone()));

    view! {
        {move || incomplete.get().map(|error| view! { <CatalogError error retrying=reloading on_retry=reload /> })}
        <SearchBox value=query_text on_input=with_query />
        <FilterBar filter=filter on_change=set_filter regions />
        <ResultList
            index
            hits
            shown
            query=query_text
            has_choices=Signal::derive(move || filter.with(|f| f.has_choices()))
            on_more
            on_follow=move |()| {
                url_sync.flush();
                filter.with_untracked(|current| store.remember_scroll(current));
            }
            on_suggest=with_query
            on_clear=clear_choices
        />
    }
}

/// The 跨省通办 regions present in `items`, sorted, each once.
fn regions_of(items: &[ItemSummary]) -> Vec<String> {
    let mut regions: Vec<&str> = (items.iter())
        .filter_map(|item| item.scope.region.as_deref())
        .collect();
    regions.sort_unstable();
    regions.dedup();
    regions.into_iter().map(str::to_owned).collect()
}
