//! The error summary (GOV.UK): at the top of the page, announced (`role="alert"`) and focused as
//! soon as it appears, one link per problem that moves focus to the field concerned.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ShownIssue;
use crate::i18n::apply::ApplyText;

/// Moves focus to the element with this id (the field's input) and brings it into view.
/// Returns whether there was such an element.
pub fn focus_field(id: &str) -> bool {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    el.focus().is_ok()
}

/// `issues` must not be empty. `href_for` gives a link for problems whose field is on another
/// page (the check page after the server refused an answer); other links point at `#<id>`.
#[component]
pub fn ErrorSummary(
    issues: Vec<ShownIssue>,
    #[prop(optional)] href_for: Option<Callback<String, Option<String>>>,
) -> impl IntoView {
    let m = ApplyText::now();
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if let Some(el) = node.get() {
            let _ = el.focus();
        }
    });
    let items = issues
        .into_iter()
        .map(|issue| {
            let href = href_for
                .and_then(|f| f.run(issue.path.clone()))
                .unwrap_or_else(|| format!("#{}", issue.path));
            let path = issue.path.clone();
            view! {
                <li>
                    <a
                        href=href
                        on:click=move |ev| {
                            if focus_field(&path) {
                                ev.prevent_default();
                            }
                        }
                    >
                        {issue.message}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div
            class="error-summary"
            role="alert"
            tabindex="-1"
            aria-labelledby="error-summary-title"
            node_ref=node
            data-testid="error-summary"
        >
            <h2 class="error-summary-title" id="error-summary-title">{m.error_summary_title}</h2>
            <ul class="error-summary-list">{items}</ul>
        </div>
    }
}
