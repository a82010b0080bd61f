//! Validation of service guides: completeness and the consistency rules of DOMAIN.md.
//! The mock API refuses to start on a catalog that fails here, naming file, item and field.

use std::collections::HashSet;
use std::fmt;

use crate::item::{Channel, HandlingKind, OnlineDepth, ResultKind, ScopeKind, ServiceItem};

/// One problem with one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationIssue {
    /// The item's code (or its position when the code itself is missing).
    pub item: String,
    /// Dotted path of the offending field, e.g. `handling.visit_reason`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "事项 {} 字段 {}: {}",
            self.item, self.field, self.message
        )
    }
}

pub use crate::ids::{uscc_check_ok, uscc_with_check};

struct Checker<'a> {
    item: &'a str,
    issues: Vec<ValidationIssue>,
}

impl Checker<'_> {
    fn require(&mut self, ok: bool, field: &str, message: &str) {
        if !ok {
            self.issues.push(ValidationIssue {
                item: self.item.to_owned(),
                field: field.to_owned(),
                message: message.to_owned(),
            });
        }
    }

    fn text(&mut self, value: &str, field: &str) {
        self.require(!value.trim().is_empty(), field, "不能为空");
    }
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_digit() || c.is_ascii_uppercase()
}

/// Every problem with one item; empty when the guide is complete and consistent.
pub fn validate_item(item: &ServiceItem) -> Vec<ValidationIssue> {
    let label = if item.code.is_empty() {
        "(无编码)"
    } else {
        item.code.as_str()
    };
    let mut c = Checker {
        item: label,
        issues: Vec::new(),
    };

    c.require(
        !item.code.is_empty() && item.code.len() <= 36 && item.code.chars().all(is_code_char),
        "code",
        "实施编码须为 1–36 位数字或大写字母",
    );
    c.require(
        item.basic_code.len() == 12 && item.basic_code.chars().all(is_code_char),
        "basic_code",
        "基本编码须为 12 位数字或大写字母",
    );
    c.text(&item.name, "name");
    c.text(&item.summary, "summary");
    c.text(&item.department.name, "department.name");
    c.require(
        uscc_check_ok(&item.department.code),
        "department.code",
        "实施主体编码须为校验正确的 18 位统一社会信用代码",
    );
    c.require(!item.targets.is_empty(), "targets", "至少一个服务对象");
    c.require(!item.themes.is_empty(), "themes", "至少一个主题分类");
    let audiences = item.audiences();
    for theme in &item.themes {
        c.require(
            theme.audiences().iter().any(|a| audiences.contains(a)),
            "themes",
            &format!("主题“{theme}”与服务对象不符"),
        );
    }
    c.require(
        !item.legal_basis.is_empty(),
        "legal_basis",
        "须列明设定依据",
    );
    for basis in &item.legal_basis {
        c.text(&basis.law, "legal_basis.law");
        c.text(&basis.article, "legal_basis.article");
    }

    check_handling(&mut c, item);
    check_materials(&mut c, item);
    check_fees_and_results(&mut c, item);

    c.issues.extend(crate::situation::validate_situations(item));

    c.text(&item.place.address, "place.address");
    c.text(&item.place.hours, "place.hours");
    c.text(&item.phones.consult, "phones.consult");
    c.text(&item.phones.complaint, "phones.complaint");
    for faq in &item.faq {
        c.text(&faq.question, "faq.question");
        c.text(&faq.answer, "faq.answer");
    }
    c.issues
}

fn check_handling(c: &mut Checker<'_>, item: &ServiceItem) {
    let h = &item.handling;
    c.require(
        !h.channels.is_empty(),
        "handling.channels",
        "至少一种办理形式",
    );
    c.require(
        h.visits <= 2,
        "handling.visits",
        "到现场次数只能是 0、1 或 2",
    );
    c.require(
        h.visits == 0
            || h.visit_reason
                .as_deref()
                .is_some_and(|r| !r.trim().is_empty()),
        "handling.visit_reason",
        "需到现场办理时须说明原因",
    );
    c.require(
        h.promised_limit.unit == h.legal_limit.unit,
        "handling.promised_limit",
        "承诺时限与法定时限须使用同一单位",
    );
    c.require(
        h.promised_limit.amount <= h.legal_limit.amount,
        "handling.promised_limit",
        "承诺办结时限不得超过法定办结时限",
    );
    match h.kind {
        HandlingKind::Instant => c.require(
            h.promised_limit.amount == 0,
            "handling.promised_limit",
            "即办件的承诺时限应为即办（0）",
        ),
        HandlingKind::Promised => c.require(
            h.promised_limit.amount > 0,
            "handling.promised_limit",
            "承诺件须有承诺办结时限",
        ),
    }
    c.require(
        !h.conditions.is_empty(),
        "handling.conditions",
        "须列明受理条件",
    );
    c.require(!h.steps.is_empty(), "handling.steps", "须列明办理流程");
    for step in &h.steps {
        c.text(&step.name, "handling.steps.name");
    }

    let online = &item.online;
    if online.depth == OnlineDepth::FullyOnline {
        c.require(
            h.visits == 0,
            "handling.visits",
            "全程网办事项到现场次数须为 0",
        );
    }
    if online.depth.can_apply_online() {
        c.require(
            h.channels.contains(&Channel::Online),
            "handling.channels",
            "可在线申请的事项办理形式须含网上办理",
        );
    }
    if h.visits == 0 && !online.depth.can_apply_online() {
        c.require(
            online.delivery || h.channels.contains(&Channel::Post),
            "online.delivery",
            "零跑腿且不能网办的事项须提供快递申请",
        );
    }
    let region_needed = item.scope.kind == ScopeKind::CrossProvince;
    c.require(
        item.scope.region.is_some() == region_needed,
        "scope.region",
        "跨省通办须写明区域，其他范围不写区域",
    );
}

fn check_materials(c: &mut Checker<'_>, item: &ServiceItem) {
    c.require(
        item.materials.is_empty() == item.no_materials,
        "materials",
        "须列明申请材料，或明确标注“无需材料”",
    );
    for m in &item.materials {
        c.text(&m.name, "materials.name");
        c.require(m.copies >= 1, "materials.copies", "份数至少为 1");
        if let Some(text) = &m.commitment {
            c.require(
                !text.trim().is_empty(),
                "materials.commitment",
                "可告知承诺的材料须有承诺内容",
            );
        }
    }
}

fn check_fees_and_results(c: &mut Checker<'_>, item: &ServiceItem) {
    let fees = &item.fees;
    if fees.charged {
        c.require(
            !fees.items.is_empty(),
            "fees.items",
            "收费事项须列明收费项目",
        );
        for fee in &fees.items {
            c.text(&fee.name, "fees.items.name");
            c.text(&fee.standard, "fees.items.standard");
            c.text(&fee.basis, "fees.items.basis");
        }
    } else {
        c.require(
            fees.items.is_empty(),
            "fees.items",
            "不收费事项不应列收费项目",
        );
        c.require(
            !item.online.payment,
            "online.payment",
            "不收费事项不应提供网上支付",
        );
    }
    c.require(!item.results.is_empty(), "results", "须列明审批结果");
    for result in &item.results {
        c.text(&result.name, "results.name");
        if result.kind == ResultKind::Licence {
            c.require(
                result
                    .sample
                    .as_deref()
                    .is_some_and(|s| !s.trim().is_empty()),
                "results.sample",
                "证照类结果须提供样本",
            );
        }
    }
    c.require(
        !item.delivery_methods.is_empty(),
        "delivery_methods",
        "须列明结果送达方式",
    );
}

/// Every problem across a catalog, including codes used twice.
pub fn validate_catalog(items: &[ServiceItem]) -> Vec<ValidationIssue> {
    let mut issues: Vec<ValidationIssue> = items.iter().flat_map(validate_item).collect();
    let mut seen = HashSet::new();
    for item in items {
        if !seen.insert(item.code.as_str()) {
            issues.push(ValidationIssue {
                item: item.code.clone(),
                field: "code".to_owned(),
                message: "实施编码重复".to_owned(),
            });
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::synthetic_items;

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

    /// A synthetic item pinned to known values, so each test changes exactly one thing.
    fn valid_item() -> ServiceItem {
        let mut item = synthetic_items(1).remove(0);
        item.online = crate::item::Online {
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
        item.handling.promised_limit.amount = 10;
        item.fees.charged = false;
        item.fees.items.clear();
        item.materials[0].commitment = None;
        item.results[0].kind = ResultKind::Other;
        item
    }

    fn fields(item: &ServiceItem) -> Vec<String> {
        validate_item(item).into_iter().map(|i| i.field).collect()
    }

    #[test]
    fn a_complete_item_passes() {
        assert_eq!(validate_item(&valid_item()), vec![]);
    }

    #[test]
    fn fully_online_requires_zero_visits() {
        let mut item = valid_item();
        item.online.depth = OnlineDepth::FullyOnline;
        item.handling.channels = vec![Channel::Online];
        item.handling.visits = 1;
        item.handling.visit_reason = Some("核验原件".into());
        assert!(fields(&item).contains(&"handling.visits".to_owned()));
    }

    #[test]
    fn a_visit_needs_a_reason() {
        let mut item = valid_item();
        item.online.depth = OnlineDepth::PreReview;
        item.handling.visits = 1;
        item.handling.visit_reason = Some("  ".into());
        assert_eq!(fields(&item), vec!["handling.visit_reason"]);
    }

    #[test]
    fn promised_limit_may_not_exceed_the_legal_one() {
        let mut item = valid_item();
        item.handling.kind = HandlingKind::Promised;
        item.handling.legal_limit.amount = 10;
        item.handling.promised_limit.amount = 11;
        assert_eq!(fields(&item), vec!["handling.promised_limit"]);
    }

    #[test]
    fn instant_items_promise_zero() {
        let mut item = valid_item();
        item.handling.kind = HandlingKind::Instant;
        item.handling.promised_limit.amount = 3;
        assert!(fields(&item).contains(&"handling.promised_limit".to_owned()));
    }

    #[test]
    fn free_items_offer_no_payment_and_charged_items_list_fees() {
        let mut item = valid_item();
        item.fees.charged = false;
        item.fees.items.clear();
        item.online.payment = true;
        assert_eq!(fields(&item), vec!["online.payment"]);
        item.online.payment = false;
        item.fees.charged = true;
        assert_eq!(fields(&item), vec!["fees.items"]);
    }

    #[test]
    fn a_licence_result_needs_a_sample_and_a_commitment_needs_text() {
        let mut item = valid_item();
        item.results[0].kind = ResultKind::Licence;
        item.results[0].sample = None;
        item.materials[0].commitment = Some(String::new());
        assert_eq!(
            fields(&item),
            vec!["materials.commitment", "results.sample"]
        );
    }

    #[test]
    fn no_materials_must_be_explicit() {
        let mut item = valid_item();
        item.materials.clear();
        assert_eq!(fields(&item), vec!["materials"]);
        item.no_materials = true;
        assert_eq!(fields(&item), vec![] as Vec<String>);
    }

    #[test]
    fn a_business_theme_on_a_personal_item_is_flagged() {
        let mut item = valid_item();
        item.targets = vec![crate::item::ServiceTarget::NaturalPerson];
        item.themes = vec![crate::item::Theme::BusinessPermits];
        assert_eq!(fields(&item), vec!["themes"]);
    }

    #[test]
    fn zero_visits_offline_needs_post() {
        let mut item = valid_item();
        item.online.depth = OnlineDepth::FormDownload;
        item.handling.channels = vec![Channel::Counter];
        item.handling.visits = 0;
        item.online.delivery = false;
        assert_eq!(fields(&item), vec!["online.delivery"]);
    }

    #[test]
    fn duplicate_codes_are_reported() {
        let item = valid_item();
        let issues = validate_catalog(&[item.clone(), item]);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].message, "实施编码重复");
    }
}
