//! The audit over the seed catalog: it passes validation, so no error-severity rule may fire,
//! and every warning listed here has been checked by hand against the item's guide.

use std::path::PathBuf;

use portal_core::audit::{audit, RuleId, Severity};
use portal_core::ServiceItem;

fn seed_items() -> Vec<ServiceItem> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("data/catalog exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|path| {
            serde_json::from_str::<Vec<ServiceItem>>(&std::fs::read_to_string(path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

#[test]
fn the_seed_catalog_shows_only_true_findings() {
    let findings = audit(&seed_items());
    for f in &findings {
        println!(
            "{} {} {} — {}",
            f.item_code,
            f.item_name,
            f.rule_id.code(),
            f.title.zh
        );
    }
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
    let mut got: Vec<(&str, RuleId)> = findings
        .iter()
        .map(|f| (f.item_name.as_str(), f.rule_id))
        .collect();
    got.sort();
    let mut expected: Vec<(&str, RuleId)> = vec![
        // Each is applied for online with electronic materials only, needs no visit and is
        // answered online ("在线送达…", "转账至…账户"), yet is labelled Ⅲ 在线预审.
        ("申请执行立案", RuleId::LooksFullyOnlineButPreReview),
        (
            "诉讼费用缓交、减交、免交（司法救助）",
            RuleId::LooksFullyOnlineButPreReview,
        ),
        ("执行案款领取", RuleId::LooksFullyOnlineButPreReview),
        // Applied for online with electronic materials and answered by post, yet labelled Ⅲ.
        (
            "社区矫正对象执行地变更审批",
            RuleId::LooksFullyOnlineButPreReview,
        ),
    ];
    expected.sort();
    assert_eq!(got, expected);
}
