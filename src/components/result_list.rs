//! The search results: a count for screen readers, a window of cards, "show more", and an empty
//! state that suggests what to try next.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::{Hit, SearchIndex};

use crate::components::item_card::ItemCard;

/// Searches offered when nothing matched.
pub const SUGGESTIONS: &[&str] = &["身份证", "户口", "护照", "驾驶证", "立案", "法律援助"];

#[component]
pub fn ResultList(
    index: Arc<SearchIndex>,
    /// Every matching item, best first.
    #[prop(into)]
    hits: Signal<Arc<Vec<Hit>>>,
    /// How many cards to show.
    #[prop(into)]
    shown: Signal<usize>,
    /// The query the hits answer (exposed as `data-query` for tests and benchmarks).
    #[prop(into)]
    query: Signal<String>,
    /// Any filter besides the search text is set.
    #[prop(into)]
    has_choices: Signal<bool>,
    #[prop(into)] on_more: Callback<()>,
    #[prop(into)] on_suggest: Callback<String>,
    #[prop(into)] on_clear: Callback<()>,
) -> impl IntoView {
    let total = move || hits.with(|h| h.len());
    // Summary highlights are found only for the cards shown; they are part of the key, so a card
    // is rebuilt exactly when what it shows changes.
    let ranges_index = Arc::clone(&index);
    let visible = move || {
        let query = query.get();
        hits.with(|h| {
            h.iter()
                .take(shown.get())
                .map(|hit| (hit.clone(), ranges_index.summary_ranges(hit.index, &query)))
                .collect::<Vec<_>>()
        })
    };
    let count_text = move || {
        let (total, shown) = (total(), shown.get());
        if total > shown {
            format!("共找到 {total} 个事项，显示前 {shown} 个")
        } else {
            format!("共找到 {total} 个事项")
        }
    };
    view! {
        <p class="result-count" role="status" aria-live="polite" data-testid="result-count">
            {count_text}
        </p>
        <ol class="results" data-testid="results" data-query=move || query.get()>
            <For each=visible key=|shown| shown.clone() let((hit, summary_ranges))>
                <ItemCard item=index.items()[hit.index].clone() hit summary_ranges />
            </For>
        </ol>
        <Show when=move || { total() > shown.get() }>
            <button type="button" class="button button-secondary more" on:click=move |_| on_more.run(())>
                {move || format!("显示更多（还有 {} 个）", total() - shown.get())}
            </button>
        </Show>
        <Show when=move || total() == 0>
            <div class="empty" data-testid="empty">
                <h2>"没有找到相符的事项"</h2>
                <p>"可以试试：检查错别字；改用拼音或拼音首字母（如 sfz 查身份证）；减少筛选条件。"</p>
                <p>"常用搜索："</p>
                <ul class="suggestions">
                    {SUGGESTIONS
                        .iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <button type="button" class="chip" on:click=move |_| on_suggest.run((*s).to_owned())>
                                        {*s}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <Show when=move || has_choices.get()>
                    <button type="button" class="button button-secondary" on:click=move |_| on_clear.run(())>
                        "清除全部筛选条件"
                    </button>
                </Show>
            </div>
        </Show>
    }
}
