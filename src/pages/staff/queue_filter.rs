//! The application queue's filter, tested natively: as it lives in the address bar (the API
//! takes the same keys), picking an item by name or code, and paging.

use portal_core::date::CivilDate;
use portal_core::filter::query_string;
use portal_core::status::Status;
use portal_core::DepartmentKind;

/// What narrows the queue: `?status=&item=&department=&from=&to=&page=`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    pub status: Option<Status>,
    /// An item code (the API filters by code only).
    pub item: Option<String>,
    pub department: Option<DepartmentKind>,
    /// Submitted on or after this day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Submitted on or before this day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Counts from 1.
    pub page: u32,
}

/// An item code as the API accepts it: letters or digits, at most 64.
pub fn is_item_code(text: &str) -> bool {
    !text.is_empty() && text.len() <= 64 && text.chars().all(|c| c.is_ascii_alphanumeric())
}

fn date(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_owned())
        .filter(|v| CivilDate::parse_iso(v).is_some())
}

impl QueueFilter {
    /// Reads the filter from decoded query values. A value the API would refuse (a hand-edited
    /// address) is dropped rather than sent, so the page still shows a list.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            status: get("status").and_then(|v| Status::from_label(v.trim())),
            item: get("item")
                .map(|v| v.trim().to_owned())
                .filter(|v| is_item_code(v)),
            department: get("department").and_then(|v| DepartmentKind::from_label(v.trim())),
            from: date(get("from")),
            to: date(get("to")),
            page: get("page")
                .and_then(|v| v.trim().parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// "" or "?status=…&page=2": for the address bar and, unchanged, for the API.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(status) = self.status {
            pairs.push(("status", status.label().to_owned()));
        }
        if let Some(item) = &self.item {
            pairs.push(("item", item.clone()));
        }
        if let Some(department) = self.department {
            pairs.push(("department", department.label().to_owned()));
        }
        if let Some(from) = &self.from {
            pairs.push(("from", from.clone()));
        }
        if let Some(to) = &self.to {
            pairs.push(("to", to.clone()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        query_string(pairs)
    }

    /// The same filter on another page.
    pub fn on_page(&self, page: u32) -> Self {
        Self {
            page,
            ..self.clone()
        }
    }

    /// Whether anything narrows the list (the page number does not).
    pub fn is_filtered(&self) -> bool {
        self.on_page(1) != Self::default().on_page(1)
    }

    /// Whether the dates are the wrong way round.
    pub fn dates_reversed(&self) -> bool {
        matches!((&self.from, &self.to), (Some(from), Some(to)) if from > to)
    }
}

/// How many pages `total` rows fill, at least one.
pub fn page_count(total: u64, size: u32) -> u32 {
    let size = u64::from(size.max(1));
    total.div_ceil(size).clamp(1, u64::from(u32::MAX)) as u32
}

/// Why the typed item could not be turned into one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemLookup {
    NotFound,
    /// More than one item's name contains the text: how many.
    Ambiguous(usize),
}

/// The item code for what was typed in the item filter: blank → none; an item's exact code or
/// name → its code; else the one item whose name contains the text. `items` are (code, name);
/// before they have loaded, a well-formed code is taken as it is.
pub fn resolve_item(typed: &str, items: &[(String, String)]) -> Result<Option<String>, ItemLookup> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    if items.is_empty() {
        return if is_item_code(typed) {
            Ok(Some(typed.to_owned()))
        } else {
            Err(ItemLookup::NotFound)
        };
    }
    if let Some((code, _)) = items.iter().find(|(c, n)| c == typed || n == typed) {
        return Ok(Some(code.clone()));
    }
    let lower = typed.to_lowercase();
    let matches: Vec<&String> = items
        .iter()
        .filter(|(_, n)| n.to_lowercase().contains(&lower))
        .map(|(c, _)| c)
        .collect();
    match matches.as_slice() {
        [] => Err(ItemLookup::NotFound),
        [one] => Ok(Some((*one).clone())),
        many => Err(ItemLookup::Ambiguous(many.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(query: &str) -> QueueFilter {
        let map: HashMap<&str, &str> = query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .collect();
        QueueFilter::from_query(|k| map.get(k).map(|v| (*v).to_owned()))
    }

    #[test]
    fn the_filter_round_trips_through_the_address_bar_encoded() {
        let filter = QueueFilter {
            status: Some(Status::Pending),
            item: Some("11500103009302116520017302400001".into()),
            department: Some(DepartmentKind::Police),
            from: Some("2026-01-01".into()),
            to: Some("2026-12-31".into()),
            page: 3,
        };
        let query = filter.to_query_string();
        assert_eq!(
            query,
            "?status=%E5%BE%85%E5%8F%97%E7%90%86&item=11500103009302116520017302400001\
             &department=%E5%85%AC%E5%AE%89&from=2026-01-01&to=2026-12-31&page=3"
        );
        // The router hands the page decoded values.
        let decoded = QueueFilter::from_query(|k| match k {
            "status" => Some("待受理".into()),
            "item" => filter.item.clone(),
            "department" => Some("公安".into()),
            "from" => filter.from.clone(),
            "to" => filter.to.clone(),
            "page" => Some("3".into()),
            _ => None,
        });
        assert_eq!(decoded, filter);
        assert_eq!(QueueFilter::default().on_page(1).to_query_string(), "");
        assert!(!filter.on_page(1).to_query_string().contains("page"));
    }

    #[test]
    fn values_the_api_would_refuse_are_dropped() {
        let filter =
            parse("?status=nope&item=<script>&department=x&from=2026-13-40&to=soon&page=0");
        assert_eq!(filter, QueueFilter::default().on_page(1));
        assert!(!filter.is_filtered());
        assert_eq!(parse("?page=-2").page, 1);
        assert!(parse("?from=2026-01-01").is_filtered());
        assert!(!parse("?page=4").is_filtered());
    }

    #[test]
    fn reversed_dates_are_noticed() {
        assert!(parse("?from=2026-05-02&to=2026-05-01").dates_reversed());
        assert!(!parse("?from=2026-05-01&to=2026-05-01").dates_reversed());
        assert!(!parse("?from=2026-05-02").dates_reversed());
    }

    #[test]
    fn pages_are_counted_up_and_never_zero() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(5, 0), 5);
    }

    #[test]
    fn an_item_is_found_by_code_name_or_unique_part_of_its_name() {
        let items = vec![
            ("A1".to_owned(), "无犯罪记录证明".to_owned()),
            ("B2".to_owned(), "居民身份证换领".to_owned()),
            ("C3".to_owned(), "居民身份证补领".to_owned()),
        ];
        assert_eq!(resolve_item("  ", &items), Ok(None));
        assert_eq!(resolve_item("B2", &items), Ok(Some("B2".into())));
        assert_eq!(
            resolve_item("无犯罪记录证明", &items),
            Ok(Some("A1".into()))
        );
        assert_eq!(resolve_item("犯罪", &items), Ok(Some("A1".into())));
        assert_eq!(
            resolve_item("身份证", &items),
            Err(ItemLookup::Ambiguous(2))
        );
        assert_eq!(resolve_item("护照", &items), Err(ItemLookup::NotFound));
        // Before the list has loaded only a code can be taken.
        assert_eq!(resolve_item("Z9", &[]), Ok(Some("Z9".into())));
        assert_eq!(resolve_item("护照", &[]), Err(ItemLookup::NotFound));
    }
}
