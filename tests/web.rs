//! Components in a real browser (headless Chromium via wasm-bindgen-test): mount into a fresh
//! element, act as a user would, let the reactive system settle, assert on the DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_router::components::Router;
use portal::components::badges::fact_line_in;
use portal::components::filter_bar::FilterBar;
use portal::components::result_list::ResultList;
use portal::components::search_box::SearchBox;
use portal::i18n::Lang;
use portal_core::synth::synthetic_items;
use portal_core::{
    join_labels, CatalogFilter, ItemSummary, ScopeFilter, SearchIndex, SearchKeys, SearchSession,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{all, container, document, marked, one, sleep};

fn button(root: &Element, text: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| {
            b.text_content()
                .unwrap_or_default()
                .trim_start_matches("✓ ")
                == text
        })
        .unwrap_or_else(|| panic!("no button {text}"))
        .unchecked_into()
}

fn index(n: usize) -> Arc<SearchIndex> {
    let items = synthetic_items(n)
        .iter()
        .map(|i| ItemSummary::new(i, SearchKeys::default()))
        .collect();
    Arc::new(SearchIndex::new(items))
}

/// Mounts a result list of ten cards for `filter`, searched through one session as the catalog
/// page does; dropping the handle unmounts it.
fn mount_result_list(
    index: &Arc<SearchIndex>,
    filter: RwSignal<CatalogFilter>,
    on_suggest: impl Fn(String) + Send + Sync + 'static,
) -> (HtmlElement, impl Sized) {
    let root = container();
    let list_index = Arc::clone(index);
    let session = Arc::new(SearchSession::new(Arc::clone(index)));
    let on_suggest = Callback::new(on_suggest);
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        let session = Arc::clone(&session);
        view! {
            <Router>
                <ResultList
                    index=Arc::clone(&list_index)
                    hits=Signal::derive(move || session.search(&filter.get()))
                    shown=Signal::stored(10)
                    query=Signal::derive(move || filter.get().query)
                    has_choices=Signal::stored(false)
                    on_more=|()| {}
                    on_follow=|()| {}
                    on_suggest=on_suggest
                    on_clear=|()| {}
                />
            </Router>
        }
    });
    (root, mounted)
}

#[wasm_bindgen_test]
async fn result_list_shows_a_window_of_highlighted_cards_and_an_empty_state() {
    let index = index(400);
    let filter = RwSignal::new(CatalogFilter {
        query: "身份证".into(),
        ..Default::default()
    });
    let suggested = RwSignal::new(String::new());
    let expected = index.search(&filter.get_untracked()).len();
    assert!(expected > 10, "the fixture has {expected} 身份证 items");

    let (root, _mounted) = mount_result_list(&index, filter, move |s| suggested.set(s));
    leptos::task::tick().await;

    let cards = all(&root, "li.card");
    assert_eq!(cards.len(), 10, "a window, never every result");
    for card in &cards {
        assert_eq!(marked(&one(card, "h2 a")), vec!["身份证"]);
        assert!(one(card, "h2 a")
            .get_attribute("href")
            .unwrap()
            .starts_with("/items/SYN"));
    }
    assert_eq!(
        one(&root, "[data-testid=result-count]")
            .text_content()
            .unwrap(),
        format!("共找到 {expected} 个事项，显示前 10 个")
    );
    assert!(button(&root, &format!("显示更多（还有 {} 个）", expected - 10)).is_connected());

    // A longer query keeps the cards of the items that still match (same elements, marks
    // moved to the new query) and makes cards only for the items new to the list. A kept name
    // keeps its one text node: only its highlight range moves, nothing is laid out anew.
    let names_before: Vec<web_sys::Node> = cards
        .iter()
        .map(|card| one(card, "h2 a").first_child().unwrap())
        .collect();
    filter.set(CatalogFilter {
        query: "身份证补".into(),
        ..Default::default()
    });
    leptos::task::tick().await;
    let narrowed = index.search(&filter.get_untracked());
    assert!(narrowed.len() >= 2, "the fixture has 身份证补 items");
    let refilled = all(&root, "li.card");
    assert_eq!(refilled.len(), narrowed.len().min(10));
    let mut kept = 0;
    for (card, hit) in refilled.iter().zip(narrowed.iter()) {
        let item = &index.items()[hit.index];
        assert_eq!(
            card.get_attribute("data-code").as_deref(),
            Some(item.code.as_str())
        );
        assert_eq!(one(card, "h2 a").text_content().unwrap(), item.name);
        assert_eq!(
            one(card, "h2 a").get_attribute("href").unwrap(),
            format!("/items/{}", item.code)
        );
        assert_eq!(
            marked(&one(card, "h2 a")),
            vec!["身份证补"],
            "{}",
            item.name
        );
        let before = cards
            .iter()
            .position(|c| c.get_attribute("data-code").as_deref() == Some(item.code.as_str()));
        if let Some(at) = before {
            assert!(
                card.is_same_node(Some(&cards[at])),
                "a kept item keeps its card"
            );
            let name = one(card, "h2 a");
            assert_eq!(name.child_nodes().length(), 1, "{}", item.name);
            assert!(
                name.first_child()
                    .unwrap()
                    .is_same_node(Some(&names_before[at])),
                "a kept name keeps its text node: {}",
                item.name
            );
            kept += 1;
        }
    }
    assert!(kept > 0, "some 身份证 cards match 身份证补 too");

    // An unrelated search shows only the new items, in rank order, each card whole.
    filter.set(CatalogFilter {
        query: "护照".into(),
        ..Default::default()
    });
    leptos::task::tick().await;
    let passports = index.search(&filter.get_untracked());
    let shown = all(&root, "li.card");
    assert_eq!(shown.len(), passports.len().min(10));
    for (card, hit) in shown.iter().zip(passports.iter()) {
        let item = &index.items()[hit.index];
        let text = |selector: &str| one(card, selector).text_content().unwrap();
        assert_eq!(card.get_attribute("data-code").unwrap(), item.code);
        assert_eq!(
            one(card, "h2 a").get_attribute("href").unwrap(),
            format!("/items/{}", item.code)
        );
        assert_eq!(text("h2 a"), item.name);
        assert_eq!(
            text(".card-meta"),
            format!(
                "{}{} · {}",
                item.department_kind.label(),
                item.department,
                join_labels(&item.themes)
            )
        );
        // The name matched, so the summary stays hidden: it is shown only to explain a match.
        assert!(one(card, ".card-summary").has_attribute("hidden"));
        // The guide's badges as one line, refilled cards included.
        assert_eq!(
            text(".card-facts"),
            fact_line_in(item, Lang::Zh),
            "{}",
            item.code
        );
    }
    // The cards of the items that left were refilled in place, not replaced.
    for (card, before) in shown.iter().zip(refilled.iter()) {
        assert!(card.is_same_node(Some(before)), "a card is reused");
    }

    // A search that matches only summaries shows each card's summary with the match marked, and
    // hides it again once the name matches.
    filter.set(CatalogFilter {
        query: "当场受理".into(),
        ..Default::default()
    });
    leptos::task::tick().await;
    let summary_hits = index.search(&filter.get_untracked());
    assert!(summary_hits.len() >= 10, "synthetic summaries say 当场受理");
    for (card, hit) in all(&root, "li.card").iter().zip(summary_hits.iter()) {
        let item = &index.items()[hit.index];
        assert!(!item.name.contains("当场受理"));
        let summary = one(card, ".card-summary");
        assert!(!summary.has_attribute("hidden"), "{}", item.code);
        assert_eq!(summary.text_content().unwrap(), item.summary);
        assert_eq!(marked(&summary), vec!["当场受理"]);
    }
    filter.set(CatalogFilter {
        query: "护照".into(),
        ..Default::default()
    });
    leptos::task::tick().await;
    for card in all(&root, "li.card") {
        assert!(one(&card, ".card-summary").has_attribute("hidden"));
        assert_eq!(marked(&one(&card, "h2 a")), vec!["护照"]);
        // Hiding the summary took its ranges out of the highlight: nothing hidden stays marked.
        assert_eq!(marked(&one(&card, ".card-summary")), Vec::<String>::new());
    }

    filter.set(CatalogFilter {
        query: "没有这种事项".into(),
        ..Default::default()
    });
    leptos::task::tick().await;
    assert!(all(&root, "li.card").is_empty());
    assert_eq!(
        one(&root, "[data-testid=result-count]")
            .text_content()
            .unwrap(),
        "共找到 0 个事项"
    );
    button(&root, "护照").click();
    assert_eq!(suggested.get_untracked(), "护照");
}

#[wasm_bindgen_test]
async fn filter_chips_toggle_state_and_report_the_whole_filter() {
    let filter = RwSignal::new(CatalogFilter {
        query: "证".into(),
        ..Default::default()
    });
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <FilterBar filter=filter on_change=move |f| filter.set(f) regions=vec!["川渝".into(), "西南五省市".into()] /> }
    });
    leptos::task::tick().await;

    let online = button(&root, "全程网办");
    assert_eq!(
        online.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    online.click();
    leptos::task::tick().await;
    assert!(filter.get_untracked().fully_online);
    assert_eq!(
        online.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );

    button(&root, "零跑腿").click();
    leptos::task::tick().await;
    button(&root, "最多跑一次").click();
    leptos::task::tick().await;
    assert_eq!(
        filter.get_untracked().max_visits,
        Some(1),
        "the visit chips exclude each other"
    );
    assert_eq!(
        button(&root, "零跑腿")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );

    button(&root, "公安").click();
    leptos::task::tick().await;
    assert_eq!(
        filter.get_untracked().department,
        Some(portal_core::DepartmentKind::Police)
    );

    assert!(
        root.query_selector(".scope-select").unwrap().is_none(),
        "scope choice only with 跨省通办"
    );
    button(&root, "跨省通办").click();
    leptos::task::tick().await;
    assert_eq!(
        filter.get_untracked().cross_province,
        Some(ScopeFilter::Any)
    );
    let scope: HtmlSelectElement = one(&root, ".scope-select select").unchecked_into();
    scope.set_value("川渝");
    scope
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(
        filter.get_untracked().cross_province,
        Some(ScopeFilter::Region("川渝".into()))
    );

    button(&root, "清除筛选").click();
    leptos::task::tick().await;
    assert_eq!(
        filter.get_untracked(),
        CatalogFilter {
            query: "证".into(),
            ..Default::default()
        }
    );
    assert!(
        all(&root, "[aria-pressed=true]").len() == 1,
        "only 全部部门 is pressed after clearing"
    );
}

#[wasm_bindgen_test]
async fn search_box_reports_each_input_and_follows_outside_changes() {
    let value = RwSignal::new(String::new());
    let typed = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = Arc::clone(&typed);
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        let log = Arc::clone(&log);
        view! { <SearchBox value=value on_input=move |text: String| log.lock().unwrap().push(text) /> }
    });
    leptos::task::tick().await;

    let input: HtmlInputElement = one(&root, "input[type=search]").unchecked_into();
    assert_eq!(
        one(&root, "label").get_attribute("for").as_deref(),
        Some(input.id().as_str())
    );
    for text in ["w", "wf", "wfz"] {
        input.set_value(text);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }
    assert_eq!(*typed.lock().unwrap(), vec!["w", "wf", "wfz"]);

    value.set("护照".into());
    leptos::task::tick().await;
    assert_eq!(input.value(), "护照");

    // A space just typed survives the address bar's trimmed copy of the query coming back.
    input.set_value("护照 ");
    value.set("护照 ".into());
    leptos::task::tick().await;
    value.set("护照".into());
    leptos::task::tick().await;
    assert_eq!(input.value(), "护照 ");
}

#[wasm_bindgen_test]
async fn the_app_shows_a_retryable_error_when_the_api_is_not_there() {
    // The test runner's server has no /api: the home page must say so and offer a retry.
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), portal::app::App);
    let mut alert = None;
    for _ in 0..100 {
        leptos::task::tick().await;
        alert = root.query_selector("[role=alert]").unwrap();
        if alert.is_some() {
            break;
        }
        sleep(50).await;
    }
    let alert = alert.expect("an error notice within 5 s");
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("加载失败") && text.contains("HTTP 404"),
        "{text}"
    );
    let retry = button(&alert, "重试");
    retry.click();
    leptos::task::tick().await;
    // Retrying shows: the button says so, is disabled and busy, until the answer comes.
    assert_eq!(retry.text_content().unwrap(), "正在重试…");
    assert_eq!(retry.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(retry.has_attribute("disabled"));
    let mut again = None;
    for _ in 0..100 {
        sleep(50).await;
        again = root
            .query_selector("[role=alert] button:not([disabled])")
            .unwrap();
        if again.is_some() {
            break;
        }
    }
    let again = again.expect("the retry fails again within 5 s and can be retried");
    assert_eq!(again.text_content().unwrap(), "重试");
    assert!(!again.has_attribute("aria-busy"));
    assert_eq!(
        one(&root, "header .brand-name").text_content().unwrap(),
        "一次办"
    );
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn the_language_switch_rewords_the_page_updates_html_lang_and_is_remembered() {
    local_storage().clear().unwrap();
    let root = container();
    let mounted = leptos::mount::mount_to(root.clone(), portal::app::App);
    leptos::task::tick().await;
    let html = document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-CN"));
    assert_eq!(
        one(&root, "header nav a").text_content().unwrap(),
        "事项目录"
    );

    let switch: HtmlElement = one(&root, "[data-testid=switch-lang]").unchecked_into();
    assert_eq!(switch.text_content().unwrap(), "English");
    switch.click();
    leptos::task::tick().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        one(&root, "header nav a").text_content().unwrap(),
        "Services"
    );
    assert_eq!(
        one(&root, ".skip-link").text_content().unwrap(),
        "Skip to main content"
    );
    assert_eq!(
        local_storage().get_item("portal.lang").unwrap().as_deref(),
        Some("en")
    );
    drop(mounted);

    // A new visit starts in the remembered language.
    let again = container();
    let _mounted = leptos::mount::mount_to(again.clone(), portal::app::App);
    leptos::task::tick().await;
    assert_eq!(
        one(&again, "header nav a").text_content().unwrap(),
        "Services"
    );
    local_storage().clear().unwrap();
    html.set_attribute("lang", "zh-CN").unwrap();
}

#[wasm_bindgen_test]
async fn care_mode_marks_the_page_and_is_remembered() {
    local_storage().clear().unwrap();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), portal::app::App);
    leptos::task::tick().await;
    let html = document().document_element().unwrap();
    let toggle: HtmlElement = one(&root, "[data-testid=care-mode]").unchecked_into();
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    toggle.click();
    leptos::task::tick().await;
    assert!(html.class_list().contains("care"));
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        local_storage().get_item("portal.care").unwrap().as_deref(),
        Some("1")
    );
    toggle.click();
    leptos::task::tick().await;
    assert!(!html.class_list().contains("care"));
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn the_catalog_alone_reads_its_filter_from_the_query_string_as_the_router_would() {
    use portal::pages::catalog_url::filter_of;
    // What the whole portal writes for a filter (to_query_string) reads back the same, spaces
    // written as + or %20 and 汉字 percent-encoded included.
    let filter = CatalogFilter {
        query: "护照 签发".into(),
        department: Some(portal_core::DepartmentKind::Police),
        fully_online: true,
        cross_province: Some(ScopeFilter::Region("重庆市".into())),
        ..Default::default()
    };
    assert_eq!(filter_of(&filter.to_query_string()), filter);
    let by_hand = filter_of("?q=%E6%8A%A4%E7%85%A7%20%E7%AD%BE%E5%8F%91&online=1");
    assert_eq!(by_hand.query, "护照 签发");
    assert!(by_hand.fully_online);
    assert_eq!(filter_of(""), CatalogFilter::default());
    assert_eq!(filter_of("?q="), CatalogFilter::default());
}

/// The best ten of `query`, by index.
fn top_ten(index: &SearchIndex, query: &str) -> Vec<usize> {
    index
        .search(&CatalogFilter::with_query(query))
        .iter()
        .take(10)
        .map(|h| h.index)
        .collect()
}

#[wasm_bindgen_test]
async fn when_the_top_results_leave_the_rest_move_up_without_their_cards_moving() {
    // A longer query that drops the first k results and keeps the next 10 − k in order: found
    // among the prefixes of the fixture's names.
    let index = index(400);
    let (from, to, k) = index
        .items()
        .iter()
        .flat_map(|item| {
            let chars: Vec<char> = item.name.chars().collect();
            (1..chars.len().min(4)).map(move |n| {
                let from: String = chars[..n].iter().collect();
                (from, chars[n])
            })
        })
        .find_map(|(from, next)| {
            let to = format!("{from}{next}");
            let (before, after) = (top_ten(&index, &from), top_ten(&index, &to));
            (before.len() == 10 && after.len() == 10)
                .then(|| (1..=4).find(|&k| after[..10 - k] == before[k..]))
                .flatten()
                .map(|k| (from, to, k))
        })
        .expect("the fixture has a query whose top results leave from above");

    let filter = RwSignal::new(CatalogFilter {
        query: from.clone(),
        ..Default::default()
    });
    let (root, _mounted) = mount_result_list(&index, filter, |_| {});
    leptos::task::tick().await;
    let before = all(&root, "li.card");
    let list = one(&root, "ol.results");
    // Counts the cards inserted into the list (a move is an insertion).
    let inserted = std::rc::Rc::new(std::cell::Cell::new(0));
    let count = std::rc::Rc::clone(&inserted);
    let on_change = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(
        move |records: js_sys::Array| {
            for record in records.iter() {
                let record: web_sys::MutationRecord = record.unchecked_into();
                count.set(count.get() + record.added_nodes().length());
            }
        },
    );
    let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    observer.observe_with_options(&list, &options).unwrap();

    filter.set(CatalogFilter {
        query: to.clone(),
        ..Default::default()
    });
    leptos::task::tick().await;
    observer.disconnect();
    let after = all(&root, "li.card");
    let codes = |cards: &[Element]| -> Vec<String> {
        cards
            .iter()
            .map(|c| c.get_attribute("data-code").unwrap())
            .collect()
    };
    let want: Vec<String> = top_ten(&index, &to)
        .into_iter()
        .map(|i| index.items()[i].code.clone())
        .collect();
    assert_eq!(codes(&after), want, "{from} → {to}");
    for (card, was) in after.iter().zip(&before[k..]) {
        assert!(card.is_same_node(Some(was)), "a kept card keeps its node");
    }
    // Only the k cards that left were moved (to the end, refilled); the kept ones stayed.
    assert_eq!(inserted.get() as usize, k, "{from} → {to}: cards moved");

    // Whatever the change, the list shows the best ten in order: typing names out, jumping
    // between unrelated queries and clearing.
    let mut queries = vec![String::new(), "护照".to_owned(), "证".to_owned()];
    for item in index.items().iter().step_by(37).take(8) {
        let chars: Vec<char> = item.name.chars().collect();
        queries.extend((1..=chars.len()).map(|n| chars[..n].iter().collect::<String>()));
        queries.push(String::new());
    }
    for query in queries {
        filter.set(CatalogFilter {
            query: query.clone(),
            ..Default::default()
        });
        leptos::task::tick().await;
        let want: Vec<String> = top_ten(&index, &query)
            .into_iter()
            .map(|i| index.items()[i].code.clone())
            .collect();
        assert_eq!(codes(&all(&root, "li.card")), want, "{query:?}");
    }
}
