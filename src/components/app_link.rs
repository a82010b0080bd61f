//! Links between the two apps. The citizen portal and the staff workspace are separate wasm
//! builds, so a link from one to the other must be a full page load: `rel="external"` tells the
//! router to let the browser follow it.

use leptos::prelude::*;
use leptos_router::components::A;

/// Which app the page runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    Citizen,
    Staff,
}

pub fn provide_shell(shell: Shell) {
    provide_context(shell);
}

/// A link to a citizen page (the catalog, a guide): followed by the router inside the citizen
/// portal, loaded afresh from the staff workspace.
#[component]
pub fn CitizenLink(
    #[prop(into)] href: String,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let class = (!class.is_empty()).then_some(class);
    if use_context::<Shell>() == Some(Shell::Staff) {
        view! { <a href=href class=class rel="external">{children()}</a> }.into_any()
    } else {
        view! { <A href=href attr:class=class>{children()}</A> }.into_any()
    }
}
