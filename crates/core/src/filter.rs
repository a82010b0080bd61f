//! Catalog filters and their URL query form, so a filtered view can be shared and survives reload.
//!
//! Query keys: `q` search text, `dept` 部门, `theme` 主题, `who` 个人/法人, `visits` 0 (零跑腿) or
//! 1 (最多跑一次), `online=1` 全程网办, `tb` 跨省通办 (`any`, `全国` or a region such as `川渝`),
//! `commit=1` 可告知承诺, `instant=1` 即办件. Unknown or malformed values are ignored.

use crate::item::{Audience, DepartmentKind, ScopeKind, Theme};
use crate::summary::ItemSummary;

/// Which 跨省通办 items to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeFilter {
    /// Any cross-province scope, nationwide included.
    Any,
    /// 全国通办 only.
    National,
    /// 跨省通办 within one named region, e.g. 川渝.
    Region(String),
}

impl ScopeFilter {
    pub fn as_query_value(&self) -> &str {
        match self {
            ScopeFilter::Any => "any",
            ScopeFilter::National => "全国",
            ScopeFilter::Region(region) => region,
        }
    }

    pub fn from_query_value(value: &str) -> Option<Self> {
        match value.trim() {
            "" => None,
            "any" => Some(ScopeFilter::Any),
            "全国" => Some(ScopeFilter::National),
            region => Some(ScopeFilter::Region(region.to_owned())),
        }
    }

    fn accepts(&self, item: &ItemSummary) -> bool {
        match self {
            ScopeFilter::Any => item.scope.is_cross_province(),
            ScopeFilter::National => item.scope.kind == ScopeKind::National,
            ScopeFilter::Region(region) => item.scope.region.as_deref() == Some(region.as_str()),
        }
    }
}

/// Everything that narrows the catalog: the search text plus browse choices and filter chips.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogFilter {
    pub query: String,
    pub department: Option<DepartmentKind>,
    pub theme: Option<Theme>,
    pub audience: Option<Audience>,
    /// Most visits allowed: `Some(0)` 零跑腿, `Some(1)` 最多跑一次.
    pub max_visits: Option<u8>,
    pub fully_online: bool,
    pub cross_province: Option<ScopeFilter>,
    pub commitment: bool,
    pub instant: bool,
}

impl CatalogFilter {
    /// Whether `item` passes every choice except the search text (search scores that).
    pub fn accepts(&self, item: &ItemSummary) -> bool {
        self.department.is_none_or(|d| item.department_kind == d)
            && self.theme.is_none_or(|t| item.themes.contains(&t))
            && self.audience.is_none_or(|a| item.audiences.contains(&a))
            && self.max_visits.is_none_or(|v| item.visits <= v)
            && (!self.fully_online || item.fully_online())
            && self.cross_province.as_ref().is_none_or(|s| s.accepts(item))
            && (!self.commitment || item.commitment)
            && (!self.instant || item.instant)
    }

    /// No search text and no choice made.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The same choices without the search text.
    pub fn choices(&self) -> Self {
        Self {
            query: String::new(),
            ..self.clone()
        }
    }

    /// Search text alone, without a choice.
    pub fn with_query(query: impl Into<String>) -> Self {
        Self {
            query: query.into(),
            ..Self::default()
        }
    }

    /// The same search text with every choice cleared ("清除筛选").
    pub fn query_only(&self) -> Self {
        Self::with_query(self.query.clone())
    }

    /// Any choice besides the search text.
    pub fn has_choices(&self) -> bool {
        self.choices() != Self::default()
    }

    /// The query pairs, in a fixed order, omitting everything unset.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let query = self.query.trim();
        if !query.is_empty() {
            pairs.push(("q", query.to_owned()));
        }
        if let Some(d) = self.department {
            pairs.push(("dept", d.label().to_owned()));
        }
        if let Some(t) = self.theme {
            pairs.push(("theme", t.label().to_owned()));
        }
        if let Some(a) = self.audience {
            pairs.push(("who", a.label().to_owned()));
        }
        if let Some(v) = self.max_visits {
            pairs.push(("visits", v.to_string()));
        }
        if self.fully_online {
            pairs.push(("online", "1".to_owned()));
        }
        if let Some(s) = &self.cross_province {
            pairs.push(("tb", s.as_query_value().to_owned()));
        }
        if self.commitment {
            pairs.push(("commit", "1".to_owned()));
        }
        if self.instant {
            pairs.push(("instant", "1".to_owned()));
        }
        pairs
    }

    /// `?q=…&dept=…` (percent-encoded), or "" when nothing is set.
    pub fn to_query_string(&self) -> String {
        query_string(self.to_query_pairs())
    }

    /// Reads a filter from decoded query values; `get` returns the value of a key.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let flag = |key: &str| get(key).is_some_and(|v| v == "1");
        Self {
            query: get("q").map(|q| q.trim().to_owned()).unwrap_or_default(),
            department: get("dept").and_then(|v| DepartmentKind::from_label(&v)),
            theme: get("theme").and_then(|v| Theme::from_label(&v)),
            audience: get("who").and_then(|v| Audience::from_label(&v)),
            max_visits: get("visits")
                .and_then(|v| v.parse().ok())
                .filter(|v| *v <= 1),
            fully_online: flag("online"),
            cross_province: get("tb").and_then(|v| ScopeFilter::from_query_value(&v)),
            commitment: flag("commit"),
            instant: flag("instant"),
        }
    }
}

/// `?k=v&k2=v2` with keys and values percent-encoded, or "" when there are no pairs.
pub fn query_string<K: AsRef<str>, V: AsRef<str>>(
    pairs: impl IntoIterator<Item = (K, V)>,
) -> String {
    let body: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                percent_encode(k.as_ref()),
                percent_encode(v.as_ref())
            )
        })
        .collect();
    if body.is_empty() {
        String::new()
    } else {
        format!("?{}", body.join("&"))
    }
}

/// Percent-encodes everything outside RFC 3986's unreserved set (UTF-8 bytes).
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::SearchKeys;
    use crate::synth::synthetic_items;
    use std::collections::HashMap;

    fn decode(query: &str) -> HashMap<String, String> {
        // A tiny percent-decoder for the round-trip test only.
        query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                let mut bytes = Vec::new();
                let raw = v.as_bytes();
                let mut i = 0;
                while i < raw.len() {
                    if raw[i] == b'%' {
                        bytes.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                        i += 3;
                    } else {
                        bytes.push(raw[i]);
                        i += 1;
                    }
                }
                (k.to_owned(), String::from_utf8(bytes).unwrap())
            })
            .collect()
    }

    #[test]
    fn a_filter_survives_its_url_form() {
        let filter = CatalogFilter {
            query: "身份证 & 护照".into(),
            department: Some(DepartmentKind::Police),
            theme: Some(Theme::IdDocuments),
            audience: Some(Audience::Personal),
            max_visits: Some(0),
            fully_online: true,
            cross_province: Some(ScopeFilter::Region("川渝".into())),
            commitment: true,
            instant: true,
        };
        let url = filter.to_query_string();
        assert!(url.starts_with("?q=%E8%BA%AB"), "{url}");
        assert!(!url.contains(' ') && !url[1..].contains("& "));
        let map = decode(&url);
        assert_eq!(CatalogFilter::from_query(|k| map.get(k).cloned()), filter);
    }

    #[test]
    fn an_empty_filter_has_no_query_and_bad_values_are_ignored() {
        assert_eq!(CatalogFilter::default().to_query_string(), "");
        let map: HashMap<&str, &str> = [
            ("dept", "消防"),
            ("visits", "7"),
            ("online", "yes"),
            ("tb", "全国"),
        ]
        .into();
        let filter = CatalogFilter::from_query(|k| map.get(k).map(|v| v.to_string()));
        assert_eq!(
            filter,
            CatalogFilter {
                cross_province: Some(ScopeFilter::National),
                ..Default::default()
            }
        );
    }

    #[test]
    fn choices_and_query_separate() {
        let filter = CatalogFilter {
            query: "护照".into(),
            instant: true,
            ..Default::default()
        };
        assert!(filter.has_choices());
        assert_eq!(
            filter.choices(),
            CatalogFilter {
                instant: true,
                ..Default::default()
            }
        );
        assert_eq!(
            filter.query_only(),
            CatalogFilter {
                query: "护照".into(),
                ..Default::default()
            }
        );
        assert!(!filter.query_only().has_choices());
    }

    #[test]
    fn choices_combine_as_and() {
        let items: Vec<_> = synthetic_items(400)
            .iter()
            .map(|i| ItemSummary::new(i, SearchKeys::default()))
            .collect();
        let count = |f: &CatalogFilter| items.iter().filter(|i| f.accepts(i)).count();
        let police = CatalogFilter {
            department: Some(DepartmentKind::Police),
            ..Default::default()
        };
        let cross = CatalogFilter {
            cross_province: Some(ScopeFilter::Any),
            ..Default::default()
        };
        let both = CatalogFilter {
            cross_province: Some(ScopeFilter::Any),
            ..police.clone()
        };
        let expected = items
            .iter()
            .filter(|i| i.department_kind == DepartmentKind::Police && i.scope.is_cross_province())
            .count();
        assert!(expected > 0 && expected < count(&police) && expected < count(&cross));
        assert_eq!(count(&both), expected);

        let zero = CatalogFilter {
            max_visits: Some(0),
            ..Default::default()
        };
        let once = CatalogFilter {
            max_visits: Some(1),
            ..Default::default()
        };
        assert!(count(&zero) < count(&once));
        assert!(items
            .iter()
            .filter(|i| zero.accepts(i))
            .all(|i| i.visits == 0));
        let region = CatalogFilter {
            cross_province: Some(ScopeFilter::Region("川渝".into())),
            ..Default::default()
        };
        assert!(items
            .iter()
            .filter(|i| region.accepts(i))
            .all(|i| i.scope.region.as_deref() == Some("川渝")));
        assert!(count(&region) > 0);
    }
}
