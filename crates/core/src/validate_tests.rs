//! Every validation rule has a test here that fails when the rule is removed: each starts from one
//! valid item, breaks exactly one thing and expects exactly that rule's issue (field and message),
//! and the valid item itself has none.

use super::*;
use crate::item::{
    Channel, Faq, FeeItem, HandlingKind, LegalBasis, Online, OnlineDepth, ProcessStep, ResultKind,
    Scope, ScopeKind, ServiceTarget, Theme, TimeUnit,
};
use crate::synth::synthetic_items;

/// A synthetic item pinned to known values (one of each list, a free, visited, pre-reviewed,
/// city-wide item), so each test changes exactly one thing.
fn valid_item() -> ServiceItem {
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
    item.handling.legal_limit.amount = 20;
    item.handling.legal_limit.unit = TimeUnit::WorkingDays;
    item.handling.promised_limit.amount = 10;
    item.handling.promised_limit.unit = TimeUnit::WorkingDays;
    item.handling.conditions.truncate(1);
    item.handling.steps.truncate(1);
    item.scope = Scope {
        kind: ScopeKind::City,
        region: None,
    };
    item.legal_basis.truncate(1);
    item.fees.charged = false;
    item.fees.items.clear();
    item.materials.truncate(1);
    item.materials[0].commitment = None;
    item.no_materials = false;
    item.results.truncate(1);
    item.results[0].kind = ResultKind::Other;
    item.faq = vec![Faq {
        question: "可以委托他人办理吗？".into(),
        answer: "可以，受托人须携带委托书和本人身份证。".into(),
    }];
    item
}

/// The valid item, charging one well-documented fee.
fn charged_item() -> ServiceItem {
    let mut item = valid_item();
    item.fees.charged = true;
    item.fees.items = vec![FeeItem {
        name: "工本费".into(),
        standard: "20 元/证".into(),
        basis: "发改价格〔2003〕2322号".into(),
    }];
    item
}

/// `(field, message)` of every issue.
fn issues(item: &ServiceItem) -> Vec<(String, String)> {
    validate_item(item)
        .into_iter()
        .map(|issue| (issue.field, issue.message))
        .collect()
}

/// Exactly one issue, on `field`. Completeness messages are compared word for word; the
/// consistency rules word themselves with their audit title (tested in `audit`), so for those the
/// expected wording here only documents the rule and the field is what must match.
#[track_caller]
fn assert_only(item: &ServiceItem, field: &str, message: &str) {
    let found = issues(item);
    assert_eq!(
        found.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(),
        vec![field],
        "expected exactly the {field} rule ({message}), got {found:?}"
    );
    if message == EMPTY {
        assert_eq!(found[0].1, EMPTY);
    }
}

const EMPTY: &str = "不能为空";

#[test]
fn the_fixtures_are_valid() {
    assert_eq!(validate_item(&valid_item()), vec![]);
    assert_eq!(validate_item(&charged_item()), vec![]);
}

#[test]
fn uscc_accepts_the_standard_example_and_rejects_a_changed_check() {
    assert!(uscc_check_ok("91350100M000100Y43"));
    assert!(!uscc_check_ok("91350100M000100Y44"));
    assert!(!uscc_check_ok("91350100M000100Y4"), "17 characters");
    assert!(
        !uscc_check_ok("91350100M000100I43"),
        "I is not in the alphabet"
    );
}

// ---- identity ----

#[test]
fn code_is_1_to_36_digits_or_capitals() {
    const RULE: &str = "实施编码须为 1–36 位数字或大写字母";
    for bad in ["", "abc123", "A-1", &"1".repeat(37)] {
        let mut item = valid_item();
        item.code = bad.to_owned();
        assert_only(&item, "code", RULE);
    }
    let mut item = valid_item();
    item.code = String::new();
    assert_eq!(
        validate_item(&item)[0].item,
        "(无编码)",
        "named by position"
    );
    item.code = "1".repeat(36);
    assert_eq!(issues(&item), vec![]);
}

#[test]
fn basic_code_is_12_digits_or_capitals() {
    const RULE: &str = "基本编码须为 12 位数字或大写字母";
    for bad in ["00017300100", "0001730010000", "00017300100a"] {
        let mut item = valid_item();
        item.basic_code = bad.to_owned();
        assert_only(&item, "basic_code", RULE);
    }
}

#[test]
fn name_summary_and_department_name_are_not_blank() {
    let mut item = valid_item();
    item.name = " ".into();
    assert_only(&item, "name", EMPTY);
    let mut item = valid_item();
    item.summary = String::new();
    assert_only(&item, "summary", EMPTY);
    let mut item = valid_item();
    item.department.name = "\u{3000}".into();
    assert_only(&item, "department.name", "缺少实施主体");
}

#[test]
fn department_code_is_a_checked_uscc() {
    let mut item = valid_item();
    let code = &item.department.code;
    let last = code.chars().last().unwrap();
    let other = if last == '0' { '1' } else { '0' };
    item.department.code = format!("{}{other}", &code[..17]);
    assert_only(
        &item,
        "department.code",
        "实施主体编码须为校验正确的 18 位统一社会信用代码",
    );
}

#[test]
fn targets_are_required() {
    let mut item = valid_item();
    item.targets.clear();
    let found = issues(&item);
    assert_eq!(
        found[0],
        ("targets".to_owned(), "至少一个服务对象".to_owned())
    );
    // Without targets no theme fits an audience either: that is the themes rule, not this one.
    assert!(found[1..].iter().all(|(field, _)| field == "themes"));
}

#[test]
fn themes_are_required() {
    let mut item = valid_item();
    item.themes.clear();
    assert_only(&item, "themes", "至少一个主题分类");
}

#[test]
fn a_theme_must_fit_the_targets() {
    let mut item = valid_item();
    item.targets = vec![ServiceTarget::NaturalPerson];
    item.themes = vec![Theme::BusinessPermits];
    assert_only(
        &item,
        "themes",
        &format!("主题“{}”与服务对象不符", Theme::BusinessPermits),
    );
}

#[test]
fn legal_basis_is_required_and_complete() {
    let mut item = valid_item();
    item.legal_basis.clear();
    assert_only(&item, "legal_basis", "须列明设定依据");
    let mut item = valid_item();
    item.legal_basis.push(LegalBasis {
        law: " ".into(),
        ..item.legal_basis[0].clone()
    });
    assert_only(&item, "legal_basis.law", EMPTY);
    let mut item = valid_item();
    item.legal_basis[0].article = String::new();
    assert_only(&item, "legal_basis.article", EMPTY);
}

// ---- handling ----

#[test]
fn at_least_one_channel() {
    let mut item = valid_item();
    // Below Ⅲ, so the "online needs the online channel" rule stays quiet.
    item.online.depth = OnlineDepth::FormDownload;
    item.handling.channels.clear();
    assert_only(&item, "handling.channels", "至少一种办理形式");
}

#[test]
fn at_most_two_visits() {
    let mut item = valid_item();
    item.handling.visits = 3;
    assert_only(&item, "handling.visits", "到现场次数只能是 0、1 或 2");
    item.handling.visits = 2;
    assert_eq!(issues(&item), vec![]);
}

#[test]
fn a_visit_needs_a_reason() {
    let mut item = valid_item();
    item.handling.visit_reason = Some("  ".into());
    assert_only(&item, "handling.visit_reason", "需到现场办理时须说明原因");
    item.handling.visit_reason = None;
    assert_only(&item, "handling.visit_reason", "需到现场办理时须说明原因");
}

#[test]
fn promised_and_legal_limits_share_a_unit() {
    let mut item = valid_item();
    item.handling.promised_limit.unit = TimeUnit::CalendarDays;
    assert_only(
        &item,
        "handling.promised_limit",
        "承诺时限与法定时限须使用同一单位",
    );
}

#[test]
fn promised_limit_may_not_exceed_the_legal_one() {
    let mut item = valid_item();
    item.handling.legal_limit.amount = 10;
    item.handling.promised_limit.amount = 11;
    assert_only(
        &item,
        "handling.promised_limit",
        "承诺办结时限不得超过法定办结时限",
    );
    item.handling.promised_limit.amount = 10;
    assert_eq!(issues(&item), vec![], "equal is allowed");
}

#[test]
fn instant_items_promise_zero() {
    let mut item = valid_item();
    item.handling.kind = HandlingKind::Instant;
    assert_only(
        &item,
        "handling.promised_limit",
        "即办件的承诺时限应为即办（0）",
    );
    item.handling.promised_limit.amount = 0;
    assert_eq!(issues(&item), vec![]);
}

#[test]
fn promised_items_promise_a_time() {
    let mut item = valid_item();
    item.handling.promised_limit.amount = 0;
    assert_only(&item, "handling.promised_limit", "承诺件须有承诺办结时限");
}

#[test]
fn conditions_and_steps_are_required() {
    let mut item = valid_item();
    item.handling.conditions.clear();
    assert_only(&item, "handling.conditions", "须列明受理条件");
    let mut item = valid_item();
    item.handling.steps.clear();
    assert_only(&item, "handling.steps", "须列明办理流程");
    let mut item = valid_item();
    item.handling.steps.push(ProcessStep {
        name: " ".into(),
        description: "材料齐全的当场受理".into(),
    });
    assert_only(&item, "handling.steps.name", EMPTY);
}

#[test]
fn fully_online_requires_zero_visits() {
    let mut item = valid_item();
    item.online.depth = OnlineDepth::FullyOnline;
    assert_only(&item, "handling.visits", "全程网办事项到现场次数须为 0");
    item.handling.visits = 0;
    item.handling.visit_reason = None;
    assert_eq!(issues(&item), vec![]);
}

#[test]
fn online_application_needs_the_online_channel() {
    let mut item = valid_item();
    item.handling.channels = vec![Channel::Counter];
    assert_only(
        &item,
        "handling.channels",
        "可在线申请的事项办理形式须含网上办理",
    );
}

#[test]
fn zero_visits_offline_needs_post() {
    let mut item = valid_item();
    item.online.depth = OnlineDepth::FormDownload;
    item.handling.channels = vec![Channel::Counter];
    item.handling.visits = 0;
    item.handling.visit_reason = None;
    item.online.delivery = false;
    assert_only(
        &item,
        "online.delivery",
        "零跑腿且不能网办的事项须提供快递申请",
    );
    item.handling.channels.push(Channel::Post);
    assert_eq!(issues(&item), vec![], "a postal channel is enough");
}

#[test]
fn a_region_is_named_exactly_for_cross_province_scope() {
    const RULE: &str = "跨省通办须写明区域，其他范围不写区域";
    let mut item = valid_item();
    item.scope.kind = ScopeKind::CrossProvince;
    assert_only(&item, "scope.region", RULE);
    item.scope.region = Some("川渝".into());
    assert_eq!(issues(&item), vec![]);
    item.scope.kind = ScopeKind::National;
    assert_only(&item, "scope.region", RULE);
}

// ---- materials ----

#[test]
fn materials_or_an_explicit_none() {
    const RULE: &str = "须列明申请材料，或明确标注“无需材料”";
    let mut item = valid_item();
    item.materials.clear();
    assert_only(&item, "materials", RULE);
    item.no_materials = true;
    assert_eq!(issues(&item), vec![]);
    let mut item = valid_item();
    item.no_materials = true;
    assert_only(&item, "materials", RULE);
}

#[test]
fn a_material_has_a_name_and_at_least_one_copy() {
    let mut item = valid_item();
    item.materials[0].name = String::new();
    assert_only(&item, "materials.name", EMPTY);
    let mut item = valid_item();
    item.materials[0].copies = 0;
    assert_only(&item, "materials.copies", "份数至少为 1");
}

#[test]
fn a_commitment_needs_text() {
    let mut item = valid_item();
    item.materials[0].commitment = Some(" ".into());
    assert_only(
        &item,
        "materials.commitment",
        "可告知承诺的材料须有承诺内容",
    );
}

// ---- fees and results ----

#[test]
fn charged_items_list_fees() {
    let mut item = charged_item();
    item.fees.items.clear();
    assert_only(&item, "fees.items", "收费事项须列明收费项目");
}

#[test]
fn each_fee_names_its_standard_and_basis() {
    let mut item = charged_item();
    item.fees.items[0].name = " ".into();
    assert_only(&item, "fees.items", "收费但缺少项目、标准或依据");
    let mut item = charged_item();
    item.fees.items[0].standard = String::new();
    assert_only(&item, "fees.items", "收费但缺少项目、标准或依据");
    let mut item = charged_item();
    item.fees.items[0].basis = String::new();
    assert_only(&item, "fees.items", "收费但缺少项目、标准或依据");
}

#[test]
fn free_items_list_no_fees() {
    let mut item = charged_item();
    item.fees.charged = false;
    assert_only(&item, "fees.items", "不收费事项不应列收费项目");
}

#[test]
fn free_items_offer_no_payment() {
    let mut item = valid_item();
    item.online.payment = true;
    assert_only(&item, "online.payment", "不收费事项不应提供网上支付");
    let mut item = charged_item();
    item.online.payment = true;
    assert_eq!(issues(&item), vec![], "a charged item may take payment");
}

#[test]
fn results_are_required_and_named() {
    let mut item = valid_item();
    item.results.clear();
    assert_only(&item, "results", "须列明审批结果");
    let mut item = valid_item();
    item.results[0].name = "\t".into();
    assert_only(&item, "results.name", EMPTY);
}

#[test]
fn a_licence_result_needs_a_sample() {
    let mut item = valid_item();
    item.results[0].kind = ResultKind::Licence;
    item.results[0].sample = None;
    assert_only(&item, "results.sample", "证照类结果须提供样本");
    item.results[0].sample = Some(" ".into());
    assert_only(&item, "results.sample", "证照类结果须提供样本");
    item.results[0].sample = Some("/samples/licence.png".into());
    assert_eq!(issues(&item), vec![]);
}

#[test]
fn delivery_methods_are_required() {
    let mut item = valid_item();
    item.delivery_methods.clear();
    assert_only(&item, "delivery_methods", "须列明结果送达方式");
}

// ---- place, phones, FAQ ----

#[test]
fn place_and_phones_are_not_blank() {
    let mut item = valid_item();
    item.place.address = String::new();
    assert_only(&item, "place.address", EMPTY);
    let mut item = valid_item();
    item.place.hours = " ".into();
    assert_only(&item, "place.hours", EMPTY);
    let mut item = valid_item();
    item.phones.consult = String::new();
    assert_only(&item, "phones.consult", "缺少咨询电话");
    let mut item = valid_item();
    item.phones.complaint = " ".into();
    assert_only(&item, "phones.complaint", EMPTY);
}

#[test]
fn a_faq_entry_has_a_question_and_an_answer() {
    let mut item = valid_item();
    item.faq[0].question = String::new();
    assert_only(&item, "faq.question", EMPTY);
    let mut item = valid_item();
    item.faq[0].answer = " ".into();
    assert_only(&item, "faq.answer", EMPTY);
}

// ---- catalog ----

#[test]
fn duplicate_codes_are_reported_once_per_repeat() {
    let item = valid_item();
    let mut other = valid_item();
    other.code = "SYN99999999".into();
    assert_eq!(validate_catalog(&[item.clone(), other]), vec![]);
    let issues = validate_catalog(&[item.clone(), item]);
    assert_eq!(issues.len(), 1);
    assert_eq!(
        (issues[0].field.as_str(), issues[0].message.as_str()),
        ("code", "实施编码重复")
    );
}

#[test]
fn the_synthetic_catalog_is_valid() {
    assert_eq!(validate_catalog(&synthetic_items(500)), vec![]);
}
