//! The seed catalog in `data/catalog/*.json`: every file parses, every item validates, and the mix
//! of items is wide enough that each badge, filter and headline figure means something.

use std::path::PathBuf;

use portal_core::validate::validate_catalog;
use portal_core::*;

fn seed_items() -> Vec<ServiceItem> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("data/catalog exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no catalog files in {}", dir.display());
    files
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            serde_json::from_str::<Vec<ServiceItem>>(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

#[test]
fn every_seed_item_passes_validation() {
    let items = seed_items();
    let issues = validate_catalog(&items);
    assert!(
        issues.is_empty(),
        "{} issues:\n{}",
        issues.len(),
        issues
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_seed_catalog_is_broad_enough() {
    let items = seed_items();
    assert!(items.len() >= 80, "only {} items", items.len());
    let count = |f: &dyn Fn(&ServiceItem) -> bool| items.iter().filter(|i| f(i)).count();
    for kind in DepartmentKind::ALL {
        assert!(
            count(&|i| i.department.kind == *kind) >= 6,
            "too few {kind} items"
        );
    }
    assert!(
        count(&|i| i.online.depth == OnlineDepth::FullyOnline) >= 10,
        "全程网办"
    );
    assert!(count(&|i| i.handling.visits == 1) >= 10, "one visit");
    assert!(count(&|i| i.handling.visits == 2) >= 1, "two visits");
    assert!(
        count(&|i| i.scope.kind == ScopeKind::National) >= 5,
        "全国通办"
    );
    let regions: std::collections::HashSet<_> = items
        .iter()
        .filter_map(|i| i.scope.region.clone())
        .collect();
    // The former 西南五省市 items (驾驶证换证/补证, 检验标志) are in fact 全国通办, so one
    // named region (川渝) remains; the nationwide count above covers the wider scope.
    assert!(!regions.is_empty(), "跨省通办 regions: {regions:?}");
    assert!(count(&|i| i.has_commitment()) >= 5, "告知承诺");
    assert!(
        count(&|i| i.handling.kind == HandlingKind::Instant) >= 5,
        "即办件"
    );
    assert!(count(&|i| i.fees.charged) >= 5, "fee-charging");
    assert!(
        count(&|i| i
            .materials
            .iter()
            .any(|m| m.necessity == Necessity::Deferrable))
            >= 3,
        "容缺后补"
    );
    assert!(
        count(&|i| i.audiences().contains(&Audience::Legal)) >= 5,
        "法人 items"
    );
    assert!(count(&|i| !i.faq.is_empty()) >= 30, "FAQ");
    // The names citizens search by, used in the end-to-end tests.
    for name in ["无犯罪记录证明", "居民身份证"] {
        assert!(
            items.iter().any(|i| i.name.contains(name)),
            "missing {name}"
        );
    }
}

// ---- Facts checked against the law and fee documents (issue 12, "Facts"). ----

fn named<'a>(items: &'a [ServiceItem], name: &str) -> &'a ServiceItem {
    items
        .iter()
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("missing item {name}"))
}

fn cites(item: &ServiceItem, law: &str, article: &str) -> bool {
    item.legal_basis
        .iter()
        .any(|b| b.law.contains(law) && b.article.contains(article))
}

#[test]
fn the_catalog_has_the_items_citizens_look_for() {
    let items = seed_items();
    assert!(items.len() >= 80, "only {} items", items.len());
    assert!(
        !items.iter().any(|i| i.name.contains("行贿犯罪档案")),
        "行贿犯罪档案查询 was discontinued on 2018-08-01"
    );
    for name in [
        "12345 热线诉求（投诉、建议）",
        "行政复议申请",
        "机动车注册登记",
        "机动车临时行驶车号牌核发",
        "道路交通事故处理（简易程序与事故认定）",
        "居住登记",
        "境外人员住宿登记",
        "机动车驾驶证初次申领",
        "民事二审立案（提起上诉）",
        "行政诉讼网上立案",
        "刑事自诉案件立案",
        "国家司法救助申请（法院环节）",
        "国家司法救助申请（检察环节）",
        "刑事立案监督申请",
        "行政诉讼监督申请",
        "社区矫正对象外出审批",
        "社区矫正对象执行地变更审批",
    ] {
        named(&items, name);
    }
}

#[test]
fn exit_entry_items_cite_the_right_article() {
    let items = seed_items();
    let permits: Vec<_> = items.iter().filter(|i| i.name.contains("通行证")).collect();
    assert!(permits.len() >= 3, "通行证 items: {}", permits.len());
    for item in permits {
        assert!(
            cites(item, "出境入境管理法", "第十条"),
            "{} must cite 出境入境管理法 第十条",
            item.name
        );
        assert!(
            !cites(item, "出境入境管理法", "第九条"),
            "{}: 第九条 is passports and visas",
            item.name
        );
    }
    let passport = named(&items, "普通护照签发");
    assert!(cites(passport, "出境入境管理法", "第九条"));
    assert!(cites(passport, "护照法", "第六条"), "15-day limit");
    let taiwan = named(&items, "大陆居民往来台湾通行证及签注签发");
    let validity = &taiwan.faq[0].answer;
    assert!(
        validity.contains("五年") && validity.contains("十年"),
        "under-16 validity differs: {validity}"
    );
}

#[test]
fn fee_bases_name_documents_that_exist_and_set_the_fee() {
    let items = seed_items();
    let fees = || {
        items
            .iter()
            .flat_map(|i| i.fees.items.iter().map(move |f| (i, f)))
    };
    for (item, fee) in fees() {
        assert!(
            !fee.basis.contains("国家计委") && !fee.basis.contains("计价格"),
            "{}: the 国家计委 was reorganised in 2003: {}",
            item.name,
            fee.basis
        );
        // An amount, an article that sets it, or an honest 示例数据.
        let has_amount = fee.standard.chars().any(|c| c.is_ascii_digit())
            || fee.standard.contains('第')
            || item
                .provenance
                .as_deref()
                .is_some_and(|p| p.contains("示例数据"));
        assert!(has_amount, "{}: {} has no amount", item.name, fee.name);
    }
    for (item, fee) in fees() {
        if fee.name.contains("居民身份证工本费") {
            assert!(
                fee.basis.contains("发改价格〔2003〕2322号"),
                "{}",
                item.name
            );
        }
        if fee.name.contains("签注") {
            assert!(
                fee.basis.contains("发改价格〔2017〕1186号"),
                "{}",
                item.name
            );
        }
        if fee.name.contains("驾驶证工本费") || fee.name.contains("号牌工本费") {
            assert!(
                fee.basis.contains("发改价格〔2004〕2831号"),
                "{}",
                item.name
            );
        }
    }
    let standards = |name: &str| -> Vec<String> {
        named(&items, name)
            .fees
            .items
            .iter()
            .map(|f| f.standard.clone())
            .collect()
    };
    assert_eq!(standards("居民身份证申领（首次）"), ["20元/证"]);
    assert_eq!(standards("居民身份证补领"), ["40元/证"]);
    assert_eq!(standards("临时居民身份证申领"), ["10元/证"]);
    assert!(standards("大陆居民往来台湾通行证及签注签发")
        .iter()
        .all(|s| s.chars().any(|c| c.is_ascii_digit())));
}

#[test]
fn authorities_instruments_and_time_units_follow_the_law() {
    let items = seed_items();
    let dogs = named(&items, "养犬登记");
    assert!(cites(dogs, "《重庆市养犬管理条例》", ""));
    assert!(!dogs.legal_basis.iter().any(|b| b.law.contains("暂行办法")));

    let grassroots = named(&items, "基层法律服务工作者执业核准");
    assert_eq!(grassroots.department.name, "重庆市渝中区司法局");
    assert_eq!(grassroots.level, AdminLevel::County);
    assert!(
        !grassroots
            .handling
            .steps
            .iter()
            .any(|s| s.description.contains("市司法局")),
        "in a 直辖市 the district decides in one step"
    );

    let forensic = named(&items, "司法鉴定委托");
    assert!(cites(forensic, "司法部令第132号", "第十三条"));
    assert_eq!(
        forensic.handling.legal_limit,
        TimeLimit {
            amount: 30,
            unit: TimeUnit::WorkingDays
        }
    );
    let text: String = forensic
        .handling
        .steps
        .iter()
        .map(|s| s.description.as_str())
        .chain(forensic.faq.iter().map(|f| f.answer.as_str()))
        .collect();
    assert!(text.contains("七个工作日") && text.contains("三十个工作日"));
    assert!(text.contains("7 个工作日") && text.contains("30 个工作日"));

    for name in ["机动车驾驶证期满换证", "机动车驾驶证补证"] {
        assert_eq!(
            named(&items, name).scope.kind,
            ScopeKind::National,
            "{name}: any 车管所 nationwide"
        );
    }
}

#[test]
fn procuratorate_letters_follow_the_7_day_and_3_month_rule() {
    let items = seed_items();
    let letters: Vec<_> = items
        .iter()
        .filter(|i| {
            i.provenance
                .as_deref()
                .is_some_and(|p| p.contains("件件有回复"))
        })
        .collect();
    for name in [
        "控告、举报受理（12309）",
        "刑事立案监督申请",
        "行政诉讼监督申请",
    ] {
        assert!(letters.iter().any(|i| i.name == name), "{name}");
    }
    for item in letters {
        assert_eq!(
            item.handling.legal_limit,
            TimeLimit {
                amount: 90,
                unit: TimeUnit::CalendarDays
            },
            "{}: result within 3 months",
            item.name
        );
        assert!(
            item.handling
                .steps
                .iter()
                .any(|s| s.description.contains("七日内程序性回复")),
            "{}: procedural reply within 7 days",
            item.name
        );
    }
}

#[test]
fn every_item_says_where_its_figures_come_from() {
    let items = seed_items();
    for item in &items {
        let p = item
            .provenance
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no provenance", item.name));
        assert!(
            p.contains("示例数据") || p.contains('《') || p.contains('〔') || p.contains("制度"),
            "{}: provenance names neither a source nor 示例数据: {p}",
            item.name
        );
    }
    let sources = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog/SOURCES.md"),
    )
    .expect("data/catalog/SOURCES.md exists");
    for item in &items {
        assert!(
            sources.contains(&format!("| {} |", item.name)),
            "SOURCES.md has no row for {}",
            item.name
        );
    }
}
