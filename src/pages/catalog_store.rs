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

    /// Called before a result is followed.
    pub fn remember_scroll(self) {
        self.scroll_y.set_value(window().scroll_y().unwrap_or(0.0));
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
