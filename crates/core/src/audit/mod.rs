//! The staff-facing catalog audit: every consistency rule of the guide standard (DOMAIN.md) plus
//! checks that catch items that are valid on paper but wrong in practice. `validate` refuses
//! the error-severity rules at start-up through the same predicates; the audit lists every
//! finding with a plain bilingual explanation.

mod checks;
mod rules;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::item::{DepartmentKind, ServiceItem};
use crate::lang::Text;

pub use checks::{is_12309_letter, DISCONTINUED};
pub use rules::{RuleId, Severity};

/// One rule as the staff console lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleInfo {
    pub id: RuleId,
    pub severity: Severity,
    pub field: String,
    pub title: Text,
    pub explanation: Text,
}

impl RuleInfo {
    pub fn of(id: RuleId) -> Self {
        Self {
            id,
            severity: id.severity(),
            field: id.field().to_owned(),
            title: id.title(),
            explanation: id.explanation(),
        }
    }
}

/// Every rule, in order.
pub fn rules() -> Vec<RuleInfo> {
    RuleId::ALL.iter().copied().map(RuleInfo::of).collect()
}

/// One rule broken by one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub item_code: String,
    pub item_name: String,
    pub department_kind: DepartmentKind,
    pub department: String,
    pub rule_id: RuleId,
    pub severity: Severity,
    /// Dotted path of the field to fix, e.g. `handling.promised_limit`.
    pub field: String,
    pub title: Text,
    pub explanation: Text,
}

impl Finding {
    fn new(item: &ServiceItem, rule: RuleId) -> Self {
        Self {
            item_code: item.code.clone(),
            item_name: item.name.clone(),
            department_kind: item.department.kind,
            department: item.department.name.clone(),
            rule_id: rule,
            severity: rule.severity(),
            field: rule.field().to_owned(),
            title: rule.title(),
            explanation: rule.explanation(),
        }
    }
}

/// Positions of items whose code an earlier item already uses.
pub fn duplicate_code_positions(items: &[ServiceItem]) -> Vec<usize> {
    let mut seen = HashSet::new();
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| !seen.insert(item.code.as_str()))
        .map(|(i, _)| i)
        .collect()
}

/// The rules `item` on its own breaks, in rule order.
pub fn item_violations(item: &ServiceItem) -> impl Iterator<Item = RuleId> + '_ {
    RuleId::ALL
        .iter()
        .copied()
        .filter(move |rule| rule.violated_by(item))
}

/// Every finding over a catalog: items in catalog order, each item's rules in rule order, and
/// a repeated code reported on the later item.
pub fn audit(items: &[ServiceItem]) -> Vec<Finding> {
    let duplicates: HashSet<usize> = duplicate_code_positions(items).into_iter().collect();
    let mut findings = Vec::new();
    for (i, item) in items.iter().enumerate() {
        for rule in item_violations(item) {
            findings.push(Finding::new(item, rule));
        }
        if duplicates.contains(&i) {
            findings.push(Finding::new(item, RuleId::DuplicateCode));
        }
    }
    findings
}
