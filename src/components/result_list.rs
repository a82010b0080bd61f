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

/// Makes `list` show the cards of `wanted`, in order, moving as few cards as it can: moving a
/// card makes the browser take down and rebuild its boxes, while a card left in place only has
/// its changed texts laid out again. A card whose item stays is re-marked; the kept cards that
/// are already in their new order (the longest such run) stay where they are and the others
/// move. The cards of items no longer wanted are refilled with the new items, in place where a
/// new item takes the place of an old one. When items leave from above kept ones (`j` → `ji`:
/// the top two go, the next eight move up), the cards that left are taken out from before the
/// kept ones and reused further down, rather than the kept ones moved in front of them: two
/// moves, not eight. Only a longer list makes new cards, only a shorter one removes any.
fn show_cards(
    list: &web_sys::Element,
    cards: &mut Vec<Card>,
    wanted: &[Highlights],
    index: &SearchIndex,
    template: &CardTemplate,
) {
    // For each wanted item, the page position of its card if it has one; the other cards are
    // spare, to be refilled or removed.
    let found: Vec<Option<usize>> = (wanted.iter())
        .map(|w| cards.iter().position(|card| card.index() == w.index))
        .collect();
    // The cards on the page, in page order; each is taken once it has its place.
    let mut on_page: Vec<Option<Card>> = std::mem::take(cards).into_iter().map(Some).collect();
    let mut spare = vec![true; on_page.len()];
    for &at in found.iter().flatten() {
        spare[at] = false;
    }
    let staying = longest_increasing(&found.iter().flatten().copied().collect::<Vec<_>>());
    // Spare cards passed over: still on the page until reused (moved) or removed.
    let mut passed_over: Vec<Card> = Vec::new();
    // The first card on the page not yet placed or passed over: new places go before it.
    let mut next = 0;
    for (marks, found) in wanted.iter().zip(found) {
        while matches!(on_page.get(next), Some(None)) {
            next += 1;
        }
        let Some(item) = index.item(marks.index) else {
            continue; // never: a hit is an item of the index
        };
        let in_place;
        let card = if let Some(at) = found {
            // Passing over the spares before a card that stays costs a move for each spare
            // reused later; moving the card instead costs a move for it and each one after it.
            // (A kept card before `next` was passed over: it is out of order.)
            in_place = at >= next
                && staying.contains(&at)
                && (next..at)
                    .filter(|&p| spare[p] && on_page[p].is_some())
                    .count()
                    <= staying.iter().filter(|&&p| p >= at).count();
            if in_place {
                passed_over.extend(
                    (next..at)
                        .filter(|&p| spare[p])
                        .filter_map(|p| on_page[p].take()),
                );
                next = at + 1;
            }
            let Some(mut card) = on_page[at].take() else {
                continue; // never: a kept card is taken only here
            };
            card.mark(item, marks);
            card
        } else {
            in_place = spare.get(next) == Some(&true);
            let reused = if in_place {
                next += 1;
                on_page[next - 1].take()
            } else {
                let last_spare = (next..on_page.len())
                    .rev()
                    .find(|&p| spare[p] && on_page[p].is_some());
                passed_over
                    .pop()
                    .or_else(|| last_spare.and_then(|p| on_page[p].take()))
            };
            match reused {
                Some(mut card) => match index.item(card.index()) {
                    Some(was) => {
                        card.refill(template.lang(), was, item, marks);
                        card
                    }
                    None => continue, // never: a card shows an item of the index
                },
                None => Card::new(template, item, marks),
            }
        };
        if !in_place {
            let before = on_page[next.min(on_page.len())..].iter().flatten().next();
            let _ = list.insert_before(&card.li, before.map(|card| card.li.as_ref()));
        }
        cards.push(card);
    }
    for card in passed_over.into_iter().chain(on_page.into_iter().flatten()) {
        card.li.remove();
    }
}

/// The longest increasing run (not necessarily contiguous) of `positions`, as a list of them.
fn longest_increasing(positions: &[usize]) -> Vec<usize> {
    // For each element: the length of the longest run ending there, and the element before it.
    let mut length = vec![1; positions.len()];
    let mut before = vec![usize::MAX; positions.len()];
    let mut end = usize::MAX;
    for i in 0..positions.len() {
        for j in 0..i {
            if positions[j] < positions[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                before[i] = j;
            }
        }
        if end == usize::MAX || length[i] > length[end] {
            end = i;
        }
    }
    let mut run = Vec::new();
    while end != usize::MAX {
        run.push(positions[end]);
        end = before[end];
    }
    run
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    /// Checks that `run` is an increasing subsequence of `positions` of the given length.
    fn check(positions: &[usize], length: usize) {
        let run = longest_increasing(positions);
        assert_eq!(run.len(), length, "{positions:?} → {run:?}");
        let mut in_order: Vec<usize> = run.clone();
        in_order.sort_by_key(|p| positions.iter().position(|q| q == p));
        assert!(
            in_order.windows(2).all(|w| w[0] < w[1]),
            "{positions:?} → {run:?}"
        );
    }

    #[test]
    fn the_longest_increasing_run_is_found() {
        check(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 0], 9);
        check(&[4, 0, 5, 1, 2, 9, 3], 4);
        check(&[3, 2, 1], 1);
        check(&[0, 1, 2], 3);
        check(&[], 0);
    }
}
