//! The badges of a catalog card: visits, online depth, 通办 scope, 告知承诺, time limit, fees.

use leptos::prelude::*;
use portal_core::ItemSummary;

use crate::i18n::{lang, Lang, Messages};

/// `(css modifier, text)` of each badge an item earns, in a fixed order, in the page's language.
pub fn badge_texts(item: &ItemSummary) -> Vec<(&'static str, String)> {
    badge_texts_in(item, lang())
}

/// The badges' texts as one line, as a catalog card shows them: one text to lay out and paint
/// per card instead of a box per badge (issue 16: a keystroke refills ten cards).
pub fn fact_line_in(item: &ItemSummary, lang: Lang) -> String {
    let texts: Vec<String> = badge_texts_in(item, lang)
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    texts.join(FACT_SEPARATOR)
}

/// Between two facts on a card's line.
const FACT_SEPARATOR: &str = " · ";

/// The badges in a given language.
pub fn badge_texts_in(item: &ItemSummary, lang: Lang) -> Vec<(&'static str, String)> {
    let m = Messages::of(lang);
    let mut badges = Vec::new();
    badges.push(match item.visits {
        0 => ("good", m.chip_zero_visits.to_owned()),
        1 => ("good", m.chip_one_visit.to_owned()),
        n => ("warn", (m.badge_visits)(n.into())),
    });
    if item.fully_online() {
        badges.push(("online", m.chip_fully_online.to_owned()));
    }
    if item.scope.is_cross_province() {
        badges.push(("scope", item.scope.display_in(lang)));
    }
    if item.commitment {
        badges.push(("commit", m.chip_commitment.to_owned()));
    }
    badges.push(if item.instant {
        ("time", m.chip_instant.to_owned())
    } else {
        (
            "time",
            (m.badge_promised)(&item.promised_limit.display_in(lang)),
        )
    });
    badges.push(if item.charged {
        ("fee", m.badge_fee.to_owned())
    } else {
        ("free", m.badge_free.to_owned())
    });
    badges
}

/// The badge list (a catalog card writes the same markup itself: see `item_card`).
#[component]
pub fn Badges(badges: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <ul class="badges" aria-label=crate::i18n::t().badges_label>
            {badges
                .into_iter()
                .map(|(kind, text)| view! { <li class=format!("badge badge-{kind}")>{text}</li> })
                .collect::<Vec<_>>()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_core::synth::synthetic_items;
    use portal_core::{OnlineDepth, Scope, ScopeKind, SearchKeys};

    fn summary() -> ItemSummary {
        ItemSummary::new(&synthetic_items(1)[0], SearchKeys::default())
    }

    fn texts(item: &ItemSummary) -> Vec<String> {
        badge_texts(item)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    #[test]
    fn a_fully_online_cross_province_item_shows_its_strengths() {
        let mut item = summary();
        item.visits = 0;
        item.depth = OnlineDepth::FullyOnline;
        item.scope = Scope {
            kind: ScopeKind::CrossProvince,
            region: Some("川渝".into()),
        };
        item.commitment = true;
        item.instant = true;
        item.charged = false;
        assert_eq!(
            texts(&item),
            [
                "零跑腿",
                "全程网办",
                "跨省通办（川渝）",
                "可告知承诺",
                "即办件",
                "免费"
            ]
        );
    }

    #[test]
    fn visits_time_limit_and_fees_are_always_stated() {
        let mut item = summary();
        item.visits = 2;
        item.depth = OnlineDepth::Disclosure;
        item.scope = Scope {
            kind: ScopeKind::City,
            region: None,
        };
        item.commitment = false;
        item.instant = false;
        item.promised_limit.amount = 15;
        item.charged = true;
        assert_eq!(texts(&item), ["需跑动2次", "承诺15个工作日", "收费"]);
        let english: Vec<String> = badge_texts_in(&item, Lang::En)
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        assert_eq!(english, ["2 visits", "Within 15 working days", "Fee"]);
    }

    #[test]
    fn a_card_states_the_same_facts_in_one_line() {
        let mut item = summary();
        item.visits = 0;
        item.depth = OnlineDepth::FullyOnline;
        item.instant = true;
        item.charged = true;
        item.commitment = false;
        item.scope = Scope {
            kind: ScopeKind::City,
            region: None,
        };
        assert_eq!(
            fact_line_in(&item, Lang::Zh),
            "零跑腿 · 全程网办 · 即办件 · 收费"
        );
        assert_eq!(
            fact_line_in(&item, Lang::En),
            "No visit · Fully online · Done on the spot · Fee"
        );
    }
}
