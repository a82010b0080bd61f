//! Keeps the catalog's filter and the address bar in step without a navigation per keystroke.
//!
//! A keystroke must repaint fast, so a local signal drives the view. The address bar ([`Address`]:
//! the router in the whole portal, whose navigation re-runs route matching and rewrites history;
//! the page's own history in the catalog alone) is told once typing pauses. Before a result link
//! is followed, and when the page is left or reloaded, a pending change is written at once, so
//! back, reload and sharing always see the current view. A URL change from outside
//! (back/forward, a link to the catalog) flows into the local signal.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use portal_core::CatalogFilter;

/// How long typing must pause before the address bar is told.
const SYNC_AFTER_MS: f64 = 300.0;

/// The address bar as the catalog sees it. The whole portal's router provides one (`app.rs`),
/// the catalog alone its own over the page's history ([`history_address`]), so the catalog alone
/// carries no router.
#[derive(Clone, Copy)]
pub struct Address {
    /// The filter the address says, following back/forward and links.
    pub filter: Signal<CatalogFilter>,
    /// Replaces the current address (path and query) without adding a history entry.
    pub replace: Callback<String>,
}

#[derive(Clone, Copy)]
pub struct UrlSync {
    filter: RwSignal<CatalogFilter>,
    /// When the last change not yet in the URL was made (`performance.now()`), if any.
    changed_at: StoredValue<Option<f64>>,
    replace: Callback<String>,
}

/// Whether a filter read from the address bar must replace the one shown. Not when the address
/// already says what the shown filter would write: the URL form trims the query, so while
/// "护照 " is being typed, "?q=护照" arriving from our own sync must not rewrite the box (that ate
/// the space just typed and moved the caret).
pub fn url_overrides(shown: &CatalogFilter, from_url: &CatalogFilter) -> bool {
    shown != from_url && shown.to_query_string() != from_url.to_query_string()
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl UrlSync {
    /// The filter signal, read from the URL, and the machinery that keeps the two in step.
    pub fn new(address: Address) -> Self {
        let sync = Self {
            filter: RwSignal::new(address.filter.get_untracked()),
            changed_at: StoredValue::new(None),
            replace: address.replace,
        };
        Effect::new(move |_| {
            let outside = address.filter.get();
            if sync
                .filter
                .with_untracked(|shown| url_overrides(shown, &outside))
            {
                sync.changed_at.set_value(None);
                sync.filter.set(outside);
            }
        });
        let pagehide = window_event_listener(ev::pagehide, move |_| sync.flush());
        on_cleanup(move || pagehide.remove());
        sync
    }

    pub fn filter(self) -> RwSignal<CatalogFilter> {
        self.filter
    }

    fn url(self) -> String {
        format!(
            "/{}",
            self.filter.with_untracked(CatalogFilter::to_query_string)
        )
    }

    /// Shows `next` now; the URL follows when changes pause.
    pub fn set(self, next: CatalogFilter) {
        self.filter.set(next);
        let first = self.changed_at.get_value().is_none();
        self.changed_at.set_value(Some(now()));
        if first {
            self.wake_after(SYNC_AFTER_MS);
        }
    }

    /// One timer per pause, re-armed rather than cleared and set again on every keystroke.
    fn wake_after(self, ms: f64) {
        set_timeout(
            move || self.on_wake(),
            Duration::from_millis(ms.max(1.0) as u64),
        );
    }

    fn on_wake(self) {
        // The page may be gone (its values disposed): then there is nothing to do.
        let Some(Some(changed_at)) = self.changed_at.try_get_value() else {
            return;
        };
        let wait = changed_at + SYNC_AFTER_MS - now();
        if wait > 1.0 {
            self.wake_after(wait);
            return;
        }
        self.changed_at.set_value(None);
        self.replace.run(self.url());
    }

    /// Writes a pending change into the address bar now, without a navigation.
    pub fn flush(self) {
        if let Some(Some(_)) = self.changed_at.try_get_value() {
            self.changed_at.set_value(None);
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&self.url()),
                );
            }
        }
    }
}

/// The address bar over the page's own history, for the catalog alone (no router): the query
/// as it is now and after back/forward, and `history.replaceState` to write it.
pub fn history_address() -> Address {
    let search = RwSignal::new(location_search());
    let popstate = window_event_listener(ev::popstate, move |_| search.set(location_search()));
    on_cleanup(move || popstate.remove());
    Address {
        filter: Signal::derive(move || search.with(|query| filter_of(query))),
        replace: Callback::new(move |url: String| {
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
            search.set(location_search());
        }),
    }
}

fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

/// The filter a query string (`?q=…&online=1`, percent-encoded as browsers write it) describes.
pub fn filter_of(search: &str) -> CatalogFilter {
    match web_sys::UrlSearchParams::new_with_str(search) {
        Ok(params) => CatalogFilter::from_query(|key| params.get(key)),
        Err(_) => CatalogFilter::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the router reads back from the URL written for `filter`.
    fn round_trip(filter: &CatalogFilter) -> CatalogFilter {
        let pairs = filter.to_query_pairs();
        CatalogFilter::from_query(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn the_url_of_what_is_typed_does_not_rewrite_it() {
        // Our own sync wrote "?q=护照" for "护照 " (or " 护照"): the box keeps the space.
        for typed in ["护照 ", " 护照", "护照  "] {
            let from_url = round_trip(&CatalogFilter::with_query(typed));
            assert_eq!(from_url.query, "护照");
            assert!(
                !url_overrides(&CatalogFilter::with_query(typed), &from_url),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn a_different_url_does_replace_the_shown_filter() {
        // Back/forward or a link: another search, or the same text with another filter.
        assert!(url_overrides(
            &CatalogFilter::with_query("护照 "),
            &CatalogFilter::with_query("身份证")
        ));
        assert!(url_overrides(
            &CatalogFilter::with_query("护照"),
            &CatalogFilter::with_query("")
        ));
        let police = CatalogFilter {
            department: Some(portal_core::DepartmentKind::Police),
            ..CatalogFilter::with_query("护照")
        };
        assert!(url_overrides(&CatalogFilter::with_query("护照 "), &police));
    }
}
