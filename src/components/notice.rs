//! Loading and error states shared by the pages.

use leptos::prelude::*;

use crate::api::FetchError;
use crate::i18n::t;

/// A polite loading message.
#[component]
pub fn Loading(#[prop(into)] label: String) -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {label}
        </p>
    }
}

/// A failed request, said in the page's language, with a way to try again. While the retry is
/// under way the button says so and cannot be pressed twice.
#[component]
pub fn ErrorNotice(
    error: FetchError,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(optional, into)] retrying: Signal<bool>,
) -> impl IntoView {
    let m = t();
    view! {
        <div class="notice notice-error" role="alert">
            <h2>{m.load_failed}</h2>
            <p>{error.text()}</p>
            <button
                type="button"
                class="button"
                aria-busy=move || retrying.get().to_string()
                disabled=move || retrying.get()
                on:click=move |_| on_retry.run(())
            >
                {move || if retrying.get() { m.retrying } else { m.retry }}
            </button>
        </div>
    }
}
