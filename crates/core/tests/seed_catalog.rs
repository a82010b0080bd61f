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
    assert!(items.len() >= 60, "only {} items", items.len());
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
    assert!(regions.len() >= 2, "跨省通办 regions: {regions:?}");
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
