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
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="catalog-search" class="search-label">
                "搜索服务事项"
            </label>
            <input
                id="catalog-search"
                node_ref=input
                type="search"
                autocomplete="off"
                enterkeyhint="search"
                placeholder="事项名称、拼音或首字母"
                aria-describedby="search-hint"
                prop:value=value.get_untracked()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            <p id="search-hint" class="hint">"支持汉字、全拼和拼音首字母（如 sfz、shenfenzheng 都能找到身份证），不区分大小写和空格。"</p>
        </form>
    }
}
