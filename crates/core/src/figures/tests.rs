use super::*;
use crate::item::{Scope, ScopeKind};
use crate::synth::synthetic_items;

struct Spec {
    dept: DepartmentKind,
    depth: OnlineDepth,
    visits: u8,
    scope: (ScopeKind, Option<&'static str>),
    commitment: bool,
    instant: bool,
}

fn make(i: usize, s: &Spec) -> ServiceItem {
    let mut item = synthetic_items(1).remove(0);
    item.code = format!("FIG{i:03}");
    item.department.kind = s.dept;
    item.online.depth = s.depth;
    item.handling.visits = s.visits;
    item.scope = Scope {
        kind: s.scope.0,
        region: s.scope.1.map(str::to_owned),
    };
    item.materials[0].commitment = s.commitment.then(|| "承诺".to_owned());
    item.handling.kind = if s.instant {
        HandlingKind::Instant
    } else {
        HandlingKind::Promised
    };
    item
}

/// Ten items with hand-counted figures (see the expectations below).
fn fixture() -> Vec<ServiceItem> {
    use DepartmentKind::{Court, Police};
    use OnlineDepth::{Disclosure, FormDownload, FullyOnline, PreReview};
    use ScopeKind::{City, CrossProvince, National, Province};
    let spec = |dept, depth, visits, scope, commitment, instant| Spec {
        dept,
        depth,
        visits,
        scope,
        commitment,
        instant,
    };
    [
        spec(Police, FullyOnline, 0, (National, None), true, true),
        spec(
            Police,
            FullyOnline,
            0,
            (CrossProvince, Some("川渝")),
            false,
            false,
        ),
        spec(
            Police,
            PreReview,
            1,
            (CrossProvince, Some("川渝")),
            true,
            false,
        ),
        spec(Police, PreReview, 0, (City, None), false, true),
        spec(Police, FormDownload, 1, (Province, None), false, false),
        spec(Police, Disclosure, 2, (City, None), false, false),
        spec(
            Court,
            FullyOnline,
            0,
            (CrossProvince, Some("西南五省市")),
            false,
            true,
        ),
        spec(Court, PreReview, 1, (National, None), true, false),
        spec(Court, FormDownload, 2, (City, None), false, false),
        spec(Court, PreReview, 1, (City, None), false, false),
    ]
    .iter()
    .enumerate()
    .map(|(i, s)| make(i, s))
    .collect()
}

fn displays(set: &FigureSet) -> Vec<String> {
    set.figures.iter().map(|f| f.display.zh.clone()).collect()
}

#[test]
fn overall_figures_match_the_hand_count() {
    let figures = headline_figures(&fixture());
    assert_eq!(
        displays(&figures.overall),
        vec![
            "事项总数 10",
            "网上可办 7 / 10 = 70.00 %",
            "全程网办 3 / 7 = 42.86 %",
            "最多跑一次 8 / 10 = 80.00 %",
            "零跑腿 4 / 10 = 40.00 %",
            "跨省通办 5",
            "跨省通办 · 全国 2",
            "跨省通办 · 川渝 2",
            "跨省通办 · 西南五省市 1",
            "告知承诺 3",
            "即办件 3",
        ]
    );
    let fully = figures.overall.get(&FigureKind::FullyOnline).unwrap();
    assert_eq!(
        (fully.count, fully.of, fully.ratio_bp),
        (3, Some(7), Some(4286))
    );
    assert_eq!(fully.display.en, "Fully online 3 / 7 = 42.86 %");
    assert!(fully.explanation.zh.contains("Ⅳ") && fully.explanation.en.contains("IV"));
}

#[test]
fn per_department_figures_cover_every_department() {
    let figures = headline_figures(&fixture());
    let kinds: Vec<_> = figures.by_department.iter().map(|s| s.department).collect();
    assert_eq!(
        kinds,
        DepartmentKind::ALL
            .iter()
            .copied()
            .map(Some)
            .collect::<Vec<_>>()
    );
    assert_eq!(
        displays(&figures.by_department[0]),
        vec![
            "事项总数 6",
            "网上可办 4 / 6 = 66.67 %",
            "全程网办 2 / 4 = 50.00 %",
            "最多跑一次 5 / 6 = 83.33 %",
            "零跑腿 3 / 6 = 50.00 %",
            "跨省通办 3",
            "跨省通办 · 全国 1",
            "跨省通办 · 川渝 2",
            "跨省通办 · 西南五省市 0",
            "告知承诺 2",
            "即办件 2",
        ]
    );
    assert_eq!(
        displays(&figures.by_department[1]),
        vec![
            "事项总数 4",
            "网上可办 3 / 4 = 75.00 %",
            "全程网办 1 / 3 = 33.33 %",
            "最多跑一次 3 / 4 = 75.00 %",
            "零跑腿 1 / 4 = 25.00 %",
            "跨省通办 2",
            "跨省通办 · 全国 1",
            "跨省通办 · 川渝 0",
            "跨省通办 · 西南五省市 1",
            "告知承诺 1",
            "即办件 1",
        ]
    );
    // A department without items has no ratio rather than a division by zero.
    let empty = &figures.by_department[2];
    assert_eq!(
        empty.get(&FigureKind::Online).unwrap().display.zh,
        "网上可办 0 / 0 = —"
    );
    assert_eq!(empty.get(&FigureKind::Online).unwrap().ratio_bp, None);
}

#[test]
fn the_report_figure_is_formatted_as_reports_write_it() {
    let f = figure(FigureKind::FullyOnline, 289, Some(398));
    assert_eq!(f.display.zh, "全程网办 289 / 398 = 72.61 %");
    assert_eq!(ratio_bp(1, 3), Some(3333));
    assert_eq!(ratio_bp(2, 3), Some(6667), "rounded half up");
    assert_eq!(ratio_bp(1, 8), Some(1250));
    assert_eq!(ratio_bp(0, 0), None);
}

#[test]
fn figures_travel_as_json() {
    let figures = headline_figures(&fixture());
    let json = serde_json::to_value(&figures).unwrap();
    assert_eq!(
        json["overall"]["figures"][2]["kind"]["kind"],
        "fully_online"
    );
    assert_eq!(json["overall"]["figures"][7]["kind"]["region"], "川渝");
    assert_eq!(json["by_department"][0]["department"], "公安");
    let back: HeadlineFigures = serde_json::from_value(json).unwrap();
    assert_eq!(back, figures);
}
