//! Validation of service guides: completeness and the consistency rules of DOMAIN.md.
//! The mock API refuses to start on a catalog that fails here, naming file, item and field.

use std::fmt;

use crate::audit::{duplicate_code_positions, item_violations, RuleId, Severity};
use crate::item::ServiceItem;
use crate::lang::Lang;

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

/// Every problem with one item; empty when the guide is complete and consistent. Completeness
/// (formats, non-empty texts and lists) is checked here; the consistency rules are the audit's
/// error-severity rules, run through the same predicates the staff audit uses.
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
    c.require(!item.targets.is_empty(), "targets", "至少一个服务对象");
    c.require(!item.themes.is_empty(), "themes", "至少一个主题分类");
    for basis in &item.legal_basis {
        c.text(&basis.law, "legal_basis.law");
        c.text(&basis.article, "legal_basis.article");
    }

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
        !h.conditions.is_empty(),
        "handling.conditions",
        "须列明受理条件",
    );
    c.require(!h.steps.is_empty(), "handling.steps", "须列明办理流程");
    for step in &h.steps {
        c.text(&step.name, "handling.steps.name");
    }

    for m in &item.materials {
        c.text(&m.name, "materials.name");
        c.require(m.copies >= 1, "materials.copies", "份数至少为 1");
    }
    c.require(!item.results.is_empty(), "results", "须列明审批结果");
    for result in &item.results {
        c.text(&result.name, "results.name");
    }
    c.require(
        !item.delivery_methods.is_empty(),
        "delivery_methods",
        "须列明结果送达方式",
    );

    c.text(&item.place.address, "place.address");
    c.text(&item.place.hours, "place.hours");
    c.text(&item.phones.complaint, "phones.complaint");
    for faq in &item.faq {
        c.text(&faq.question, "faq.question");
        c.text(&faq.answer, "faq.answer");
    }

    c.issues.extend(crate::situation::validate_situations(item));

    for rule in item_violations(item).filter(|r| r.severity() == Severity::Error) {
        c.require(false, rule.field(), rule.title_in(Lang::Zh));
    }
    c.issues
}

/// Every problem across a catalog, including codes used twice.
pub fn validate_catalog(items: &[ServiceItem]) -> Vec<ValidationIssue> {
    let mut issues: Vec<ValidationIssue> = items.iter().flat_map(validate_item).collect();
    for i in duplicate_code_positions(items) {
        issues.push(ValidationIssue {
            item: items[i].code.clone(),
            field: RuleId::DuplicateCode.field().to_owned(),
            message: RuleId::DuplicateCode.title_in(Lang::Zh).to_owned(),
        });
    }
    issues
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
