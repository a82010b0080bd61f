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

/// The 统一社会信用代码 alphabet (GB 32100): digits and capitals without I, O, S, V, Z.
const USCC_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Completes a 17-character 统一社会信用代码 body with its check character (None if a character
/// is outside the alphabet or the length is wrong).
pub fn uscc_with_check(body: &str) -> Option<String> {
    let values: Option<Vec<u32>> = body
        .chars()
        .map(|c| USCC_ALPHABET.find(c).map(|i| i as u32))
        .collect();
    let values = values?;
    if values.len() != 17 {
        return None;
    }
    let sum: u32 = values.iter().zip(USCC_WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    let check_char = USCC_ALPHABET.as_bytes()[check as usize] as char;
    Some(format!("{body}{check_char}"))
}

/// Whether `code` is an 18-character 统一社会信用代码 whose check character is right.
pub fn uscc_check_ok(code: &str) -> bool {
    code.is_ascii()
        && code.len() == 18
        && uscc_with_check(&code[..17]).is_some_and(|full| full == code)
}

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

// One test per rule, each breaking exactly one thing in a valid item.
#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
