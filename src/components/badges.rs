//! The badges of a catalog card: visits, online depth, 通办 scope, 告知承诺, time limit, fees.

use leptos::prelude::*;
use portal_core::ItemSummary;

/// `(css modifier, text)` of each badge an item earns, in a fixed order.
pub fn badge_texts(item: &ItemSummary) -> Vec<(&'static str, String)> {
    let mut badges = Vec::new();
    badges.push(match item.visits {
        0 => ("good", "零跑腿".to_owned()),
        1 => ("good", "最多跑一次".to_owned()),
        n => ("warn", format!("需跑动{n}次")),
    });
    if item.fully_online() {
        badges.push(("online", "全程网办".to_owned()));
    }
    if item.scope.is_cross_province() {
        badges.push(("scope", item.scope.display()));
    }
    if item.commitment {
        badges.push(("commit", "可告知承诺".to_owned()));
    }
    badges.push(if item.instant {
        ("time", "即办件".to_owned())
    } else {
        ("time", format!("承诺{}", item.promised_limit.display()))
    });
    badges.push(if item.charged {
        ("fee", "收费".to_owned())
    } else {
        ("free", "免费".to_owned())
    });
    badges
}

#[component]
pub fn Badges(badges: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <ul class="badges" aria-label="办理特点">
            {badges
                .into_iter()
                .map(|(kind, text)| view! { <li class=format!("badge badge-{kind}")>{text}</li> })
                .collect_view()}
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
    }
}
