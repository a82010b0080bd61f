//! Text with its matched runs marked, built from text nodes (never HTML).

use leptos::either::Either;
use leptos::prelude::*;
use portal_core::search::{highlight_segments, CharRange};

/// The segments of `text`, matched runs in `<mark>`. A plain view (not a component), so that a
/// card showing another item re-uses these nodes, patching their text, instead of making new ones.
pub fn highlighted(text: &str, ranges: &[CharRange]) -> impl IntoView {
    highlight_segments(text, ranges)
        .into_iter()
        .map(|(segment, marked)| {
            let segment = segment.to_owned();
            if marked {
                Either::Left(view! { <mark>{segment}</mark> })
            } else {
                Either::Right(segment)
            }
        })
        .collect::<Vec<_>>()
}
