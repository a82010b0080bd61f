//! Loading and error states shared by the pages.

use leptos::prelude::*;

use crate::api::FetchError;

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

/// A failed request, said in Chinese and English, with a way to try again.
#[component]
pub fn ErrorNotice(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <h2>"加载失败"</h2>
            <p>{error.message()}</p>
            <p lang="en" class="muted">{error.message_en()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "重试 Retry"
            </button>
        </div>
    }
}
