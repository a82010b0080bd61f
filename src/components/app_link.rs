//! Links between the apps. The citizen portal, the catalog alone and the staff workspace are
//! separate wasm builds, so a link from one to another must be a full page load: `rel="external"`
//! tells the router to let the browser follow it (the catalog alone has no router at all).

use leptos::prelude::*;

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
/// portal (which takes any plain link to its own pages), loaded afresh from the staff workspace.
#[component]
pub fn CitizenLink(
    #[prop(into)] href: String,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let class = (!class.is_empty()).then_some(class);
    let rel = (use_context::<Shell>() == Some(Shell::Staff)).then_some("external");
    view! { <a href=href class=class rel=rel>{children()}</a> }
}
