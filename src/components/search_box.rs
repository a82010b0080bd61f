//! The catalog search box: answers every keystroke, and follows the URL when it changes elsewhere
//! (a suggestion clicked, back/forward) without ever rewriting what the user is typing.

use leptos::html::Input;
use leptos::prelude::*;

#[component]
pub fn SearchBox(
    /// The search text the page currently shows results for.
    #[prop(into)]
    value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    // Only touch the DOM value when it says something else: setting it mid-typing would break
    // IME composition, and rewriting "护照 " as "护照" would eat the space and move the caret.
    Effect::new(move |_| {
        let wanted = value.get();
        if let Some(el) = input.get() {
            if el.value().trim() != wanted.trim() {
                el.set_value(&wanted);
            }
        }
    });
    let m = crate::i18n::t();
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="catalog-search" class="search-label">
                {m.search_label}
            </label>
            <input
                id="catalog-search"
                node_ref=input
                type="search"
                autocomplete="off"
                enterkeyhint="search"
                placeholder=m.search_placeholder
                aria-describedby="search-hint"
                prop:value=value.get_untracked()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            <p id="search-hint" class="hint">{m.search_hint}</p>
        </form>
    }
}
