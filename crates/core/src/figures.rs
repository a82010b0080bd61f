//! The reform's headline figures, computed from the catalog the way reform reports state them
//! ("全程网办 289 / 398 = 72.61 %"), overall and per department.
//!
//! Definitions (each figure carries its one-line explanation):
//! - 网上可办 (items online): 网办深度 Ⅲ 在线预审 or Ⅳ 全程网办, i.e. an application can be
//!   started online; as a share of all items.
//! - 全程网办: depth Ⅳ, as a share of the items online (as the 警快办 report counts it).
//! - 最多跑一次: at most one visit, as a share of all items; 零跑腿: no visit.
//! - 跨省通办: scope 全国通办 or 跨省通办, then 全国 and each named region separately.
//! - 告知承诺: items with at least one material a signed commitment may replace.
//! - 即办件: items done on the spot.

use serde::{Deserialize, Serialize};

use crate::item::{DepartmentKind, HandlingKind, OnlineDepth, ScopeKind, ServiceItem};
use crate::lang::{Lang, Text};

/// Which figure: a fixed kind, or the 跨省通办 count of one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "region")]
pub enum FigureKind {
    Items,
    Online,
    FullyOnline,
    AtMostOnce,
    ZeroVisit,
    CrossProvince,
    National,
    Region(String),
    Commitment,
    Instant,
}

impl FigureKind {
    fn label_in(&self, lang: Lang) -> String {
        let fixed = match (self, lang) {
            (FigureKind::Items, Lang::Zh) => "事项总数",
            (FigureKind::Items, Lang::En) => "Items",
            (FigureKind::Online, Lang::Zh) => "网上可办",
            (FigureKind::Online, Lang::En) => "Online",
            (FigureKind::FullyOnline, Lang::Zh) => "全程网办",
            (FigureKind::FullyOnline, Lang::En) => "Fully online",
            (FigureKind::AtMostOnce, Lang::Zh) => "最多跑一次",
            (FigureKind::AtMostOnce, Lang::En) => "At most one visit",
            (FigureKind::ZeroVisit, Lang::Zh) => "零跑腿",
            (FigureKind::ZeroVisit, Lang::En) => "No visit",
            (FigureKind::CrossProvince, Lang::Zh) => "跨省通办",
            (FigureKind::CrossProvince, Lang::En) => "Across provinces",
            (FigureKind::National, Lang::Zh) => "跨省通办 · 全国",
            (FigureKind::National, Lang::En) => "Across provinces · nationwide",
            (FigureKind::Region(region), Lang::Zh) => return format!("跨省通办 · {region}"),
            (FigureKind::Region(region), Lang::En) => {
                return format!("Across provinces · {region}")
            }
            (FigureKind::Commitment, Lang::Zh) => "告知承诺",
            (FigureKind::Commitment, Lang::En) => "Notification-commitment",
            (FigureKind::Instant, Lang::Zh) => "即办件",
            (FigureKind::Instant, Lang::En) => "Done on the spot",
        };
        fixed.to_owned()
    }

    fn explanation_in(&self, lang: Lang) -> String {
        let fixed = match (self, lang) {
            (FigureKind::Items, Lang::Zh) => "目录中的全部事项。",
            (FigureKind::Items, Lang::En) => "Every item in the catalog.",
            (FigureKind::Online, Lang::Zh) => "网办深度达到Ⅲ在线预审或Ⅳ全程网办、可在网上提交申请的事项，占全部事项。",
            (FigureKind::Online, Lang::En) => "Items at online depth III (pre-review) or IV (fully online), which can be applied for online, out of all items.",
            (FigureKind::FullyOnline, Lang::Zh) => "网办深度为Ⅳ全程网办的事项，占网上可办事项。",
            (FigureKind::FullyOnline, Lang::En) => "Items at online depth IV (fully online), out of the items online.",
            (FigureKind::AtMostOnce, Lang::Zh) => "到办事现场次数为 0 或 1 的事项，占全部事项。",
            (FigureKind::AtMostOnce, Lang::En) => "Items needing 0 or 1 visit, out of all items.",
            (FigureKind::ZeroVisit, Lang::Zh) => "到办事现场次数为 0 的事项，占全部事项。",
            (FigureKind::ZeroVisit, Lang::En) => "Items needing no visit at all, out of all items.",
            (FigureKind::CrossProvince, Lang::Zh) => "通办范围为全国通办或跨省通办（任一区域）的事项。",
            (FigureKind::CrossProvince, Lang::En) => "Items handled nationwide or across the provinces of a named region.",
            (FigureKind::National, Lang::Zh) => "通办范围为全国通办的事项。",
            (FigureKind::National, Lang::En) => "Items handled anywhere in China.",
            (FigureKind::Region(region), Lang::Zh) => {
                return format!("通办范围为跨省通办、区域为“{region}”的事项。")
            }
            (FigureKind::Region(region), Lang::En) => {
                return format!("Items handled across the provinces of the region \"{region}\".")
            }
            (FigureKind::Commitment, Lang::Zh) => "至少一项材料可由申请人签署告知承诺代替的事项。",
            (FigureKind::Commitment, Lang::En) => "Items with at least one material a signed commitment may replace.",
            (FigureKind::Instant, Lang::Zh) => "办件类型为即办件（当场办结）的事项。",
            (FigureKind::Instant, Lang::En) => "Items done on the spot (即办件).",
        };
        fixed.to_owned()
    }
}

/// One figure: a count, and for a ratio the count it is taken of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub kind: FigureKind,
    pub label: Text,
    pub count: u32,
    /// The denominator of a ratio figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u32>,
    /// The ratio in hundredths of a percent (7261 = 72.61 %), rounded half up; none when the
    /// figure is a plain count or the denominator is 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio_bp: Option<u32>,
    /// As a report writes it: "全程网办 289 / 398 = 72.61 %", "即办件 12".
    pub display: Text,
    /// One line saying how it is counted.
    pub explanation: Text,
}

/// The figures of one department, or of the whole catalog (`department: None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureSet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentKind>,
    pub figures: Vec<Figure>,
}

impl FigureSet {
    pub fn get(&self, kind: &FigureKind) -> Option<&Figure> {
        self.figures.iter().find(|f| f.kind == *kind)
    }
}

/// Overall and per department (every department, in display order, even one without items).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadlineFigures {
    pub overall: FigureSet,
    pub by_department: Vec<FigureSet>,
}

/// `count / of` in hundredths of a percent, rounded half up.
pub fn ratio_bp(count: u32, of: u32) -> Option<u32> {
    (of > 0).then(|| ((u64::from(count) * 20_000 + u64::from(of)) / (2 * u64::from(of))) as u32)
}

/// "72.61 %".
pub fn format_percent(bp: u32) -> String {
    format!("{}.{:02} %", bp / 100, bp % 100)
}

fn figure(kind: FigureKind, count: usize, of: Option<usize>) -> Figure {
    let count = count as u32;
    let of = of.map(|n| n as u32);
    let ratio = of.and_then(|of| ratio_bp(count, of));
    let display = |lang: Lang| {
        let label = kind.label_in(lang);
        match (of, ratio) {
            (Some(of), Some(bp)) => format!("{label} {count} / {of} = {}", format_percent(bp)),
            (Some(of), None) => format!("{label} {count} / {of} = —"),
            (None, _) => format!("{label} {count}"),
        }
    };
    Figure {
        label: Text::new(kind.label_in(Lang::Zh), kind.label_in(Lang::En)),
        display: Text::new(display(Lang::Zh), display(Lang::En)),
        explanation: Text::new(kind.explanation_in(Lang::Zh), kind.explanation_in(Lang::En)),
        kind,
        count,
        of,
        ratio_bp: ratio,
    }
}

/// The 跨省通办 regions named anywhere in the catalog: most items first, then by name.
fn regions(items: &[&ServiceItem]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for item in items {
        if let (ScopeKind::CrossProvince, Some(region)) = (item.scope.kind, &item.scope.region) {
            match counts.iter_mut().find(|(r, _)| r == region) {
                Some((_, n)) => *n += 1,
                None => counts.push((region.clone(), 1)),
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.into_iter().map(|(r, _)| r).collect()
}

fn figure_set(
    department: Option<DepartmentKind>,
    items: &[&ServiceItem],
    regions: &[String],
) -> FigureSet {
    let count = |f: &dyn Fn(&ServiceItem) -> bool| items.iter().filter(|i| f(i)).count();
    let total = items.len();
    let online = count(&|i| i.online.depth.can_apply_online());
    let mut figures = vec![
        figure(FigureKind::Items, total, None),
        figure(FigureKind::Online, online, Some(total)),
        figure(
            FigureKind::FullyOnline,
            count(&|i| i.online.depth == OnlineDepth::FullyOnline),
            Some(online),
        ),
        figure(
            FigureKind::AtMostOnce,
            count(&|i| i.handling.visits <= 1),
            Some(total),
        ),
        figure(
            FigureKind::ZeroVisit,
            count(&|i| i.handling.visits == 0),
            Some(total),
        ),
        figure(
            FigureKind::CrossProvince,
            count(&|i| i.scope.is_cross_province()),
            None,
        ),
        figure(
            FigureKind::National,
            count(&|i| i.scope.kind == ScopeKind::National),
            None,
        ),
    ];
    for region in regions {
        figures.push(figure(
            FigureKind::Region(region.clone()),
            count(&|i| {
                i.scope.kind == ScopeKind::CrossProvince
                    && i.scope.region.as_deref() == Some(region.as_str())
            }),
            None,
        ));
    }
    figures.push(figure(
        FigureKind::Commitment,
        count(&|i| i.has_commitment()),
        None,
    ));
    figures.push(figure(
        FigureKind::Instant,
        count(&|i| i.handling.kind == HandlingKind::Instant),
        None,
    ));
    FigureSet {
        department,
        figures,
    }
}

/// The headline figures of a catalog.
pub fn headline_figures(items: &[ServiceItem]) -> HeadlineFigures {
    let all: Vec<&ServiceItem> = items.iter().collect();
    let regions = regions(&all);
    HeadlineFigures {
        overall: figure_set(None, &all, &regions),
        by_department: DepartmentKind::ALL
            .iter()
            .map(|&kind| {
                let own: Vec<&ServiceItem> =
                    items.iter().filter(|i| i.department.kind == kind).collect();
                figure_set(Some(kind), &own, &regions)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
