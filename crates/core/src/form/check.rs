//! Checks a form definition against its item at start-up; the server refuses to start on any
//! issue, naming file (added by the caller), item, field and reason.

use super::definition::FormDefinition;
use crate::item::ServiceItem;
use crate::validate::ValidationIssue;

/// Every problem with a form definition; `item` is the catalog item with `def.item_code`, if any.
pub fn validate_form_definition(
    def: &FormDefinition,
    item: Option<&ServiceItem>,
) -> Vec<ValidationIssue> {
    let mut issues = Vec::new();
    if item.is_none_or(|i| i.code != def.item_code) {
        issues.push(ValidationIssue {
            item: def.item_code.clone(),
            field: "item_code".into(),
            message: "目录中没有该事项".into(),
        });
    }
    issues
}
