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
