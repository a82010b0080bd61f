//! The catalog as loaded once per session, with what Back must restore.
//!
//! Provided at app level (see `app.rs`), so leaving the catalog for a guide and coming Back neither
//! refetches nor re-indexes the catalog, and the list comes back with as many cards shown
//! ("显示更多") and scrolled where it was.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use portal_core::{CatalogFilter, SearchSession};

#[derive(Clone, Copy)]
pub struct CatalogStore {
    /// The loaded catalog and its search index (with its recent answers), once loaded.
    session: StoredValue<Option<Arc<SearchSession>>>,
    /// Extra pages of cards shown, and the filter they were asked for.
    window: RwSignal<(CatalogFilter, usize)>,
    /// Where the list was scrolled when a result was followed.
    scroll_y: StoredValue<f64>,
    /// The latest navigation was a history move (Back/Forward): restore, don't start afresh.
    history_move: StoredValue<bool>,
}

/// Creates the store and provides it to every page. Call once, in `App`, before the router, so its
/// history listener runs before the router re-renders on Back.
pub fn provide_catalog_store() {
    let store = CatalogStore {
        // The cards fetched before the app mounted, when it started on the catalog.
        session: StoredValue::new(
            crate::pages::catalog_early::take_arrived().map(crate::pages::catalog::new_session),
        ),
        window: RwSignal::new((CatalogFilter::default(), 0)),
        scroll_y: StoredValue::new(0.0),
        history_move: StoredValue::new(false),
    };
    // Back/Forward fire popstate; following a link starts with a click (keyboard ones too).
    let popstate = window_event_listener(ev::popstate, move |_| {
        store.history_move.set_value(true);
    });
    let click = window_event_listener(ev::click, move |_| {
        store.history_move.set_value(false);
    });
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    provide_context(store);
}

impl CatalogStore {
    /// The app's store; a fresh one if none is provided (e.g. a component mounted alone in a test).
    pub fn get() -> Self {
        use_context::<Self>().unwrap_or_else(|| {
            provide_catalog_store();
            expect_context::<Self>()
        })
    }

    pub fn session(self) -> Option<Arc<SearchSession>> {
        self.session.get_value()
    }

    pub fn keep(self, session: Arc<SearchSession>) {
        self.session.set_value(Some(session));
    }

    pub fn window(self) -> RwSignal<(CatalogFilter, usize)> {
        self.window
    }

    /// Called before a result is followed, with the filter shown. What Back must restore is also
    /// written into the page's history entry, for a Back that loads the catalog afresh (the
    /// catalog alone, whose links are page loads: see `catalog_app.rs`).
    pub fn remember_scroll(self, shown: &CatalogFilter) {
        let scroll_y = window().scroll_y().unwrap_or(0.0);
        self.scroll_y.set_value(scroll_y);
        // Extra pages asked for another filter are not shown, so not remembered either.
        let pages = self
            .window
            .with_untracked(|(for_filter, pages)| if for_filter == shown { *pages } else { 0 });
        if let Ok(history) = window().history() {
            // Whole pixels: f64's Display and parsing would add kilobytes to the wasm.
            let state = format!("{pages} {}", scroll_y.max(0.0).round() as u32);
            let state = wasm_bindgen::JsValue::from_str(&state);
            let _ = history.replace_state(&state, "");
        }
    }

    /// Takes what [`remember_scroll`](Self::remember_scroll) wrote into the current history
    /// entry, if anything: as many cards as were shown for `filter` (the address's), and the
    /// scroll position. The browser's own scroll restoration is turned off, since the list is
    /// not there yet when it would run.
    pub fn restore_from_history(self, filter: CatalogFilter) {
        let Ok(history) = window().history() else {
            return;
        };
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        let state = history.state().ok().and_then(|state| state.as_string());
        if let Some((pages, scroll_y)) = state.as_deref().and_then(parse_remembered) {
            self.window.set((filter, pages));
            self.scroll_y.set_value(f64::from(scroll_y));
            self.history_move.set_value(true);
        }
    }

    /// Called when the catalog list appears: after Back, the list window stays and the scroll
    /// position comes back (once the page has been laid out and any scroll-to-top has run);
    /// any other arrival starts afresh at one page.
    pub fn on_arrival(self) {
        if self.history_move.get_value() {
            self.history_move.set_value(false);
            let y = self.scroll_y.get_value();
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        } else {
            self.window.set((CatalogFilter::default(), 0));
        }
    }
}

/// Reads `"<extra pages> <scroll y>"` as written by `remember_scroll`.
fn parse_remembered(state: &str) -> Option<(usize, u32)> {
    let (pages, scroll_y) = state.split_once(' ')?;
    Some((pages.parse().ok()?, scroll_y.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::parse_remembered;

    #[test]
    fn what_back_restores_reads_back_and_anything_else_is_ignored() {
        assert_eq!(parse_remembered("2 1234"), Some((2, 1234)));
        assert_eq!(parse_remembered("0 0"), Some((0, 0)));
        for other in ["", "2", "x 10", "2 y", "-1 10", "2 12.5"] {
            assert_eq!(parse_remembered(other), None, "{other:?}");
        }
    }
}
