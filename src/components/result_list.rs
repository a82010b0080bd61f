//! The search results: a count for screen readers, a window of cards, "show more", and an empty
//! state that suggests what to try next.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::{Ranking, SearchIndex};

use crate::components::item_card::{Card, CardTemplate, Highlights};

/// Searches offered when nothing matched.
pub const SUGGESTIONS: &[&str] = &["身份证", "户口", "护照", "驾驶证", "立案", "法律援助"];

#[component]
pub fn ResultList(
    index: Arc<SearchIndex>,
    /// Every matching item, ranked as far as it is shown.
    #[prop(into)]
    hits: Signal<Arc<Ranking>>,
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
    /// Called before a result link is followed.
    #[prop(into)]
    on_follow: Callback<()>,
    #[prop(into)] on_suggest: Callback<String>,
    #[prop(into)] on_clear: Callback<()>,
) -> impl IntoView {
    let total = move || hits.with(|h| h.len());
    // Highlights are found only for the cards shown; the summary's only when the name has none,
    // since a card shows its summary only to say why an item with no match in its name is here.
    let ranges_index = Arc::clone(&index);
    let visible = Memo::new(move |_| {
        let query = query.get();
        hits.with(|h| {
            h.top(shown.get())
                .into_iter()
                .map(|hit| {
                    let name = ranges_index.name_ranges(hit.index, &query);
                    let summary = if name.is_empty() {
                        ranges_index.summary_ranges(hit.index, &query)
                    } else {
                        Vec::new()
                    };
                    Highlights {
                        index: hit.index,
                        name,
                        summary,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    // Cards are keyed by item and written to the DOM directly (see `item_card`).
    let list = NodeRef::<leptos::html::Ol>::new();
    let template = CardTemplate::new(crate::i18n::lang());
    Effect::new(move |cards: Option<Vec<Card>>| {
        let mut cards = cards.unwrap_or_default();
        if let Some(list) = list.get() {
            // A view re-rendered in place (a language change) may hand this list the `<ol>` of
            // the list it replaces, still holding that list's cards: they are not ours.
            if cards.is_empty() {
                list.set_text_content(None);
            }
            visible.with(|wanted| show_cards(&list, &mut cards, wanted, &index, &template));
        }
        cards
    });
    let m = crate::i18n::t();
    let count_text = move || (m.results_count)(total(), shown.get());
    view! {
        <p class="result-count" role="status" aria-live="polite" data-testid="result-count">
            {count_text}
        </p>
        // A click on a result first writes any pending search into the address bar, so Back
        // returns to exactly this list.
        <ol node_ref=list class="results" data-testid="results" data-query=move || query.get() on:click=move |_| on_follow.run(())></ol>
        <Show when=move || { total() > shown.get() }>
            <button type="button" class="button button-secondary more" on:click=move |_| on_more.run(())>
                {move || (m.show_more)(total() - shown.get())}
            </button>
        </Show>
        <Show when=move || total() == 0>
            <div class="empty" data-testid="empty">
                <h2>{m.empty_heading}</h2>
                <p>{m.empty_advice}</p>
                <p>{m.empty_suggestions}</p>
                <ul class="suggestions">
                    {SUGGESTIONS
                        .iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <button type="button" class="chip" lang=crate::i18n::zh_content() on:click=move |_| on_suggest.run((*s).to_owned())>
                                        {*s}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <Show when=move || has_choices.get()>
                    <button type="button" class="button button-secondary" on:click=move |_| on_clear.run(())>
                        {m.clear_all}
                    </button>
                </Show>
            </div>
        </Show>
    }
}

/// Makes `list` show the cards of `wanted`, in order, as a hand-written keyed list would: a card
/// whose item stays is only re-marked, never moved unless its rank changed; the cards of items
/// no longer wanted are refilled with the new items, in their order on the page, so a keystroke
/// that changes the results rewrites texts in place; only a longer list makes new cards, and only
/// a shorter one removes any.
fn show_cards(
    list: &web_sys::Element,
    cards: &mut Vec<Card>,
    wanted: &[Highlights],
    index: &SearchIndex,
    template: &CardTemplate,
) {
    let items = index.items();
    let (mut kept, spare): (Vec<Card>, Vec<Card>) = std::mem::take(cards)
        .into_iter()
        .partition(|card| wanted.iter().any(|w| w.index == card.index()));
    let mut spare = spare.into_iter();
    let mut cursor = list.first_child();
    for marks in wanted {
        let item = &items[marks.index];
        let card = match kept.iter().position(|card| card.index() == marks.index) {
            Some(at) => {
                let mut card = kept.swap_remove(at);
                card.mark(item, marks);
                card
            }
            None => match spare.next() {
                Some(mut card) => {
                    card.refill(template.lang(), &items[card.index()], item, marks);
                    card
                }
                None => Card::new(template, item, marks),
            },
        };
        let li: &web_sys::Node = &card.li;
        if cursor.as_ref() == Some(li) {
            cursor = li.next_sibling();
        } else {
            let _ = list.insert_before(li, cursor.as_ref());
        }
        cards.push(card);
    }
    for card in spare {
        card.li.remove();
    }
}
