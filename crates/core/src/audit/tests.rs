use super::*;
use crate::item::*;
use crate::synth::synthetic_items;

/// A synthetic item pinned to values that break no rule, so each case changes one thing.
fn compliant() -> ServiceItem {
    let mut item = synthetic_items(1).remove(0);
    item.online = Online {
        depth: OnlineDepth::PreReview,
        appointment: true,
        delivery: true,
        payment: false,
    };
    item.handling.channels = vec![Channel::Counter, Channel::Online];
    item.handling.kind = HandlingKind::Promised;
    item.handling.visits = 1;
    item.handling.visit_reason = Some("核验原件".into());
    item.handling.legal_limit = TimeLimit {
        amount: 20,
        unit: TimeUnit::WorkingDays,
    };
    item.handling.promised_limit = TimeLimit {
        amount: 10,
        unit: TimeUnit::WorkingDays,
    };
    item.fees.charged = false;
    item.fees.items.clear();
    item.materials[0].commitment = None;
    item.results[0].kind = ResultKind::Other;
    item
}

fn fee() -> FeeItem {
    FeeItem {
        name: "工本费".into(),
        standard: "每证 20 元".into(),
        basis: "《关于规范工本费标准的通知》".into(),
    }
}

fn letter(mut item: ServiceItem) -> ServiceItem {
    item.department.kind = DepartmentKind::Procuratorate;
    item.name = "控告、举报受理（12309）".into();
    item.handling.legal_limit = TimeLimit {
        amount: 120,
        unit: TimeUnit::CalendarDays,
    };
    item.handling.promised_limit = TimeLimit {
        amount: 90,
        unit: TimeUnit::CalendarDays,
    };
    item
}

type Change = fn(&mut ServiceItem);

/// For every rule: a change to the compliant item that breaks it.
fn violations() -> Vec<(RuleId, Change)> {
    vec![
        (RuleId::DepartmentNameMissing, |i| {
            i.department.name = " ".into()
        }),
        (RuleId::DepartmentCodeInvalid, |i| {
            i.department.code.pop();
            i.department.code.push('Z');
        }),
        (RuleId::TargetThemeMismatch, |i| {
            i.targets = vec![ServiceTarget::NaturalPerson];
            i.themes = vec![Theme::BusinessPermits];
        }),
        (RuleId::LegalBasisMissing, |i| i.legal_basis.clear()),
        (RuleId::FullyOnlineWithVisits, |i| {
            i.online.depth = OnlineDepth::FullyOnline
        }),
        (RuleId::VisitWithoutReason, |i| {
            i.handling.visit_reason = Some("  ".into())
        }),
        (RuleId::LimitUnitsDiffer, |i| {
            i.handling.promised_limit.unit = TimeUnit::CalendarDays
        }),
        (RuleId::PromiseExceedsLegal, |i| {
            i.handling.promised_limit.amount = 21
        }),
        (RuleId::InstantWithPromise, |i| {
            i.handling.kind = HandlingKind::Instant
        }),
        (RuleId::PromisedWithoutLimit, |i| {
            i.handling.promised_limit.amount = 0
        }),
        (RuleId::OnlineWithoutOnlineChannel, |i| {
            i.handling.channels = vec![Channel::Counter]
        }),
        (RuleId::ZeroVisitOfflineWithoutPost, |i| {
            i.online.depth = OnlineDepth::FormDownload;
            i.handling.channels = vec![Channel::Counter];
            i.handling.visits = 0;
            i.online.delivery = false;
        }),
        (RuleId::ScopeRegionMismatch, |i| {
            i.scope = Scope {
                kind: ScopeKind::CrossProvince,
                region: None,
            }
        }),
        (RuleId::MaterialsNotListed, |i| i.materials.clear()),
        (RuleId::CommitmentWithoutText, |i| {
            i.materials[0].commitment = Some(String::new())
        }),
        (RuleId::FeeWithoutDetails, |i| {
            i.fees.charged = true;
            i.fees.items = vec![FeeItem {
                basis: " ".into(),
                ..fee()
            }];
        }),
        (RuleId::FreeWithFeeItems, |i| i.fees.items = vec![fee()]),
        (RuleId::FreeWithPayment, |i| i.online.payment = true),
        (RuleId::LicenceWithoutSample, |i| {
            i.results[0].kind = ResultKind::Licence;
            i.results[0].sample = None;
        }),
        (RuleId::ConsultPhoneMissing, |i| {
            i.phones.consult = "".into()
        }),
        (RuleId::PaperOnlyWithoutPost, |i| {
            i.handling.visits = 0;
            i.online.delivery = false;
            i.materials[0].form = MaterialForm::Paper;
        }),
        (RuleId::ResultOnlyAtCounter, |i| {
            i.handling.visits = 0;
            i.delivery_methods = vec![DeliveryMethod::Counter];
        }),
        (RuleId::LooksFullyOnlineButPreReview, |i| {
            i.handling.visits = 0;
            i.handling.visit_reason = None;
        }),
        (RuleId::LetterReplyTooSlow, |i| {
            *i = letter(i.clone());
            i.handling.promised_limit.amount = 91;
        }),
        (RuleId::FullyOnlineFeeWithoutPayment, |i| {
            i.online.depth = OnlineDepth::FullyOnline;
            i.handling.visits = 0;
            i.fees.charged = true;
            i.fees.items = vec![fee()];
        }),
        (RuleId::DiscontinuedItem, |i| {
            i.name = "行贿犯罪档案查询".into()
        }),
    ]
}

fn broken(item: &ServiceItem) -> Vec<RuleId> {
    item_violations(item).collect()
}

#[test]
fn the_compliant_fixture_breaks_no_rule() {
    assert_eq!(broken(&compliant()), vec![]);
    assert_eq!(audit(&[compliant()]), vec![]);
}

#[test]
fn every_rule_fires_on_its_violating_fixture() {
    let cases = violations();
    for (rule, change) in &cases {
        let mut item = compliant();
        change(&mut item);
        if *rule == RuleId::DuplicateCode {
            continue;
        }
        assert!(
            broken(&item).contains(rule),
            "{rule:?} did not fire: {:?}",
            broken(&item)
        );
        assert!(
            !rule.violated_by(&compliant()),
            "{rule:?} fires on the compliant item"
        );
    }
    // Every rule but the catalog-level one has a case here (that one is tested below).
    for rule in RuleId::ALL {
        assert!(
            *rule == RuleId::DuplicateCode || cases.iter().any(|(r, _)| r == rule),
            "no violating fixture for {rule:?}"
        );
    }
}

#[test]
fn a_repeated_code_is_reported_once_on_the_later_item() {
    let mut second = compliant();
    second.name = "另一个事项".into();
    let findings = audit(&[compliant(), second.clone(), synthetic_items(2).remove(1)]);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule_id, RuleId::DuplicateCode);
    assert_eq!(findings[0].item_name, "另一个事项");
    assert_eq!(
        duplicate_code_positions(&[compliant()]),
        Vec::<usize>::new()
    );
}

#[test]
fn near_misses_stay_quiet() {
    // A 12309 letter answered within 90 calendar days, or 60 working days.
    let item = letter(compliant());
    assert!(is_12309_letter(&item));
    assert!(!RuleId::LetterReplyTooSlow.violated_by(&item));
    let mut working = item.clone();
    working.handling.promised_limit = TimeLimit {
        amount: 60,
        unit: TimeUnit::WorkingDays,
    };
    working.handling.legal_limit.unit = TimeUnit::WorkingDays;
    assert!(!RuleId::LetterReplyTooSlow.violated_by(&working));
    working.handling.promised_limit.amount = 61;
    assert!(RuleId::LetterReplyTooSlow.violated_by(&working));
    // A long promise on a procuratorate item that is not a letter (申诉 has its own limits).
    let mut appeal = compliant();
    appeal.department.kind = DepartmentKind::Procuratorate;
    appeal.name = "刑事申诉受理".into();
    appeal.handling.promised_limit.amount = 15;
    assert!(!RuleId::LetterReplyTooSlow.violated_by(&appeal));

    // No visit with paper: fine when post is offered.
    let mut paper = compliant();
    paper.handling.visits = 0;
    paper.materials[0].form = MaterialForm::Paper;
    assert!(!RuleId::PaperOnlyWithoutPost.violated_by(&paper));
    // …and an optional paper material does not force a visit.
    paper.online.delivery = false;
    paper.materials[0].necessity = Necessity::Optional;
    assert!(!RuleId::PaperOnlyWithoutPost.violated_by(&paper));

    // Pre-review with a paper-only material is honestly labelled.
    let mut pre = compliant();
    pre.handling.visits = 0;
    pre.materials[0].form = MaterialForm::Paper;
    assert!(!RuleId::LooksFullyOnlineButPreReview.violated_by(&pre));

    // A fully online fee item that takes payment online.
    let mut paid = compliant();
    paid.online.depth = OnlineDepth::FullyOnline;
    paid.handling.visits = 0;
    paid.fees.charged = true;
    paid.fees.items = vec![fee()];
    paid.online.payment = true;
    assert_eq!(broken(&paid), vec![]);

    // 即办件 promising 即办; counter pick-up beside post.
    let mut instant = compliant();
    instant.handling.kind = HandlingKind::Instant;
    instant.handling.promised_limit.amount = 0;
    instant.handling.visits = 0;
    instant.delivery_methods = vec![DeliveryMethod::Counter, DeliveryMethod::Electronic];
    instant.materials[0].form = MaterialForm::Paper;
    assert_eq!(broken(&instant), vec![]);
}

#[test]
fn findings_carry_item_rule_and_both_languages() {
    let mut item = compliant();
    item.online.payment = true;
    let findings = audit(&[item.clone()]);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f.item_code, item.code);
    assert_eq!(f.item_name, item.name);
    assert_eq!(f.rule_id, RuleId::FreeWithPayment);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.field, "online.payment");
    assert_eq!(f.title.zh, "不收费却提供网上支付");
    assert_eq!(f.title.en, "Free item offers online payment");
    let json = serde_json::to_value(f).unwrap();
    assert_eq!(json["rule_id"], "free_with_payment");
    assert_eq!(json["severity"], "违反规则");
    assert_eq!(serde_json::from_value::<Finding>(json).unwrap(), *f);
}

#[test]
fn rule_ids_and_wording_are_complete_and_unique() {
    let infos = rules();
    assert_eq!(infos.len(), RuleId::ALL.len());
    let mut codes = std::collections::HashSet::new();
    for info in &infos {
        assert!(codes.insert(info.id.code()), "{:?} twice", info.id);
        assert_eq!(RuleId::from_code(info.id.code()), Some(info.id));
        for text in [
            &info.title.zh,
            &info.title.en,
            &info.explanation.zh,
            &info.explanation.en,
        ] {
            assert!(!text.trim().is_empty(), "{:?}", info.id);
        }
    }
    assert_eq!(RuleId::from_code("nope"), None);
}
