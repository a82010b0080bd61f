//! The catalog fetched before the app mounts, when the app starts on the catalog's own address.
//!
//! The cards start downloading with the wasm (index.html preloads `/api/cards`). Mounting first
//! painted a loading frame (header, footer, spinner: a whole style and layout pass, ~20 ms here)
//! between the wasm starting and the cards being decoded. Waiting for the cards first makes the
//! first frame the app paints the finished list; index.html's boot page stays up meanwhile.
//! A slow catalog is not waited for long: after [`PATIENCE`] the app mounts with its loading
//! state, and the catalog page takes over the same download (never a second one).

use std::cell::RefCell;
use std::time::Duration;

use futures::channel::oneshot;
use futures::future::{select, Either};

use crate::api::{fetch_cards, CardsAnswer, FetchError};
use crate::pages::catalog::PAGE;

type Cards = Result<CardsAnswer, FetchError>;

/// How long the app holds its mount for the cards.
const PATIENCE: Duration = Duration::from_millis(400);

enum Early {
    Arrived(CardsAnswer),
    InFlight(oneshot::Receiver<Cards>),
}

thread_local! {
    static EARLY: RefCell<Option<Early>> = const { RefCell::new(None) };
}

/// Starts the cards' download and waits for it up to [`PATIENCE`], keeping the cards or the
/// download still under way for the catalog page. A failure is not kept: the page asks again,
/// showing its loading message and then its own error with a retry.
pub async fn fetch_before_mount() {
    let (sender, receiver) = oneshot::channel();
    wasm_bindgen_futures::spawn_local(async move {
        // The receiver is gone only if the app never wanted the answer.
        let _ = sender.send(fetch_cards(PAGE).await);
    });
    let (wake, timeout) = oneshot::channel::<()>();
    leptos::prelude::set_timeout(
        move || {
            let _ = wake.send(());
        },
        PATIENCE,
    );
    let early = match select(receiver, timeout).await {
        Either::Left((Ok(Ok(cards)), _)) => Early::Arrived(cards),
        // A failure (or, never, a sender gone without answering): nothing to keep.
        Either::Left((_, _)) => return,
        Either::Right((_, receiver)) => Early::InFlight(receiver),
    };
    EARLY.with(|slot| *slot.borrow_mut() = Some(early));
}

/// The cards fetched before mount, if they arrived in time and loaded. Taken once.
pub fn take_arrived() -> Option<CardsAnswer> {
    EARLY.with(|slot| {
        let mut slot = slot.borrow_mut();
        match slot.take() {
            Some(Early::Arrived(cards)) => Some(cards),
            other => {
                *slot = other;
                None
            }
        }
    })
}

/// The catalog page's load: the early download's answer when it is still under way, else a fresh
/// request (a retry, an early failure, or the app started on another page).
pub async fn load_cards() -> Cards {
    let early = EARLY.with(|slot| slot.borrow_mut().take());
    match early {
        Some(Early::Arrived(cards)) => Ok(cards),
        Some(Early::InFlight(receiver)) => match receiver.await {
            Ok(cards) => cards,
            Err(_) => fetch_cards(PAGE).await,
        },
        None => fetch_cards(PAGE).await,
    }
}
