//! Text with its matched runs marked, built from text nodes (never HTML).

use leptos::prelude::*;
use portal_core::search::{highlight_segments, CharRange};

#[component]
pub fn Highlighted(text: String, ranges: Vec<CharRange>) -> impl IntoView {
    highlight_segments(&text, &ranges)
        .into_iter()
        .map(|(segment, marked)| {
            let segment = segment.to_owned();
            if marked {
                view! { <mark>{segment}</mark> }.into_any()
            } else {
                segment.into_any()
            }
        })
        .collect_view()
}
