//! Checks a form definition against its item at start-up; the server refuses to start on any
//! issue, naming file (added by the caller), item, field and reason.

use super::definition::{Condition, Field, FieldKind, FormDefinition};
use super::is_safe_id;
use crate::item::ServiceItem;
use crate::lang::Text;
use crate::validate::ValidationIssue;

struct Checker<'a> {
    item: &'a str,
    issues: Vec<ValidationIssue>,
}

impl Checker<'_> {
    fn flag(&mut self, field: &str, message: impl Into<String>) {
        self.issues.push(ValidationIssue {
            item: self.item.to_owned(),
            field: field.to_owned(),
            message: message.into(),
        });
    }

    fn text(&mut self, text: &Text, field: &str) {
        if text.zh.trim().is_empty() || text.en.trim().is_empty() {
            self.flag(field, "须有中文和英文");
        }
    }
}

/// Every problem with a form definition; `item` is the catalog item with `def.item_code`, if any.
pub fn validate_form_definition(
    def: &FormDefinition,
    item: Option<&ServiceItem>,
) -> Vec<ValidationIssue> {
    let mut c = Checker {
        item: &def.item_code,
        issues: Vec::new(),
    };
    match item {
        Some(i) if i.code == def.item_code => {
            if !i.online.depth.can_apply_online() {
                c.flag("item_code", "该事项网办深度不足Ⅲ级，不能在线申请");
            }
        }
        _ => c.flag("item_code", "目录中没有该事项"),
    }
    if def.steps.is_empty() {
        c.flag("steps", "表单至少一个步骤");
    }
    // Fields declared so far, in order: a condition may only look back.
    let mut earlier: Vec<&Field> = Vec::new();
    for (si, step) in def.steps.iter().enumerate() {
        let at = format!("steps.{}", step.id);
        if !is_safe_id(&step.id) {
            c.flag(&at, "步骤编号须为小写字母开头的字母、数字、下划线");
        }
        if def.steps[..si].iter().any(|s| s.id == step.id) {
            c.flag(&at, "步骤编号重复");
        }
        c.text(&step.title, &format!("{at}.title"));
        if let Some(intro) = &step.intro {
            c.text(intro, &format!("{at}.intro"));
        }
        if let Some(cond) = &step.show_if {
            check_condition(&mut c, cond, &[], &earlier, &format!("{at}.show_if"));
        }
        if step.fields.is_empty() {
            c.flag(&format!("{at}.fields"), "步骤至少一个问题");
        }
        for field in &step.fields {
            let field_at = format!("{at}.{}", field.id);
            if earlier.iter().any(|f| f.id == field.id) {
                c.flag(&field_at, "问题编号在表单中重复");
            }
            check_field(&mut c, field, &[], &earlier, &field_at, false);
            earlier.push(field);
        }
    }
    c.issues
}

fn check_field(
    c: &mut Checker<'_>,
    field: &Field,
    siblings: &[&Field],
    top: &[&Field],
    at: &str,
    in_group: bool,
) {
    if !is_safe_id(&field.id) {
        c.flag(
            at,
            "问题编号须为小写字母开头的字母、数字、下划线（至多 40 个字符）",
        );
    }
    c.text(&field.label, &format!("{at}.label"));
    if let Some(hint) = &field.hint {
        c.text(hint, &format!("{at}.hint"));
    }
    if let Some(cond) = &field.show_if {
        check_condition(c, cond, siblings, top, &format!("{at}.show_if"));
    }
    if let Some(cond) = &field.require_if {
        if !field.optional {
            c.flag(&format!("{at}.require_if"), "require_if 只用于选填问题");
        }
        check_condition(c, cond, siblings, top, &format!("{at}.require_if"));
    }
    let kind_at = format!("{at}.kind");
    match &field.kind {
        FieldKind::Text { max_len: Some(0) } | FieldKind::Textarea { max_len: Some(0) } => {
            c.flag(&kind_at, "max_len 须大于 0")
        }
        FieldKind::Number {
            min: Some(a),
            max: Some(b),
            ..
        } if a > b => c.flag(&kind_at, "min 不能大于 max"),
        FieldKind::Date {
            past_only: true,
            future_only: true,
        } => c.flag(&kind_at, "past_only 与 future_only 不能同时设置"),
        FieldKind::Choice { options } | FieldKind::MultiChoice { options, .. } => {
            if options.is_empty() {
                c.flag(&kind_at, "选择题须有选项");
            }
            for (i, o) in options.iter().enumerate() {
                if o.value.trim().is_empty() || options[..i].iter().any(|p| p.value == o.value) {
                    c.flag(&kind_at, format!("选项值“{}”为空或重复", o.value));
                }
                c.text(&o.label, &format!("{kind_at}.{}", o.value));
            }
            if let FieldKind::MultiChoice { min, max, .. } = &field.kind {
                let n = options.len() as u32;
                if min.unwrap_or(0) > max.unwrap_or(n) || max.unwrap_or(0) > n {
                    c.flag(&kind_at, "须 min ≤ max ≤ 选项数");
                }
            }
        }
        FieldKind::Group { fields, min, max } => {
            if in_group {
                c.flag(&kind_at, "重复组不能嵌套");
            }
            if fields.is_empty() {
                c.flag(&kind_at, "重复组至少一个问题");
            }
            let max = max.unwrap_or(super::DEFAULT_GROUP_MAX);
            if max == 0 || min.unwrap_or(0) > max {
                c.flag(&kind_at, "重复组须 min ≤ max 且 max ≥ 1");
            }
            let mut inner: Vec<&Field> = Vec::new();
            for sub in fields {
                let sub_at = format!("{at}.{}", sub.id);
                if inner.iter().any(|f| f.id == sub.id) {
                    c.flag(&sub_at, "问题编号在重复组中重复");
                }
                check_field(c, sub, &inner, top, &sub_at, true);
                inner.push(sub);
            }
        }
        FieldKind::Files { max_files } if *max_files == 0 || *max_files > 20 => {
            c.flag(&kind_at, "max_files 须在 1 到 20 之间")
        }
        _ => {}
    }
}

/// A condition must look at an earlier field (a sibling in the same group row first, then the
/// top level) of a kind it can test, with values among that field's options.
fn check_condition(
    c: &mut Checker<'_>,
    cond: &Condition,
    siblings: &[&Field],
    top: &[&Field],
    at: &str,
) {
    let target = siblings.iter().chain(top).find(|f| f.id == cond.field());
    let Some(target) = target else {
        c.flag(
            at,
            format!("条件引用的问题“{}”不存在或不在此之前", cond.field()),
        );
        return;
    };
    match cond {
        Condition::IsYes { .. } => {
            if !matches!(target.kind, FieldKind::YesNo) {
                c.flag(at, format!("is_yes 只能用于是/否问题，“{}”不是", target.id));
            }
        }
        Condition::Equals { value, .. } => check_values(c, target, std::slice::from_ref(value), at),
        Condition::OneOf { values, .. } => {
            if values.is_empty() {
                c.flag(at, "one_of 须列出至少一个值");
            }
            check_values(c, target, values, at)
        }
    }
}

fn check_values(c: &mut Checker<'_>, target: &Field, values: &[String], at: &str) {
    if !matches!(
        target.kind,
        FieldKind::Choice { .. } | FieldKind::MultiChoice { .. }
    ) {
        c.flag(
            at,
            format!("equals/one_of 只能用于选择题，“{}”不是", target.id),
        );
        return;
    }
    for v in values {
        if !target.kind.options().iter().any(|o| &o.value == v) {
            c.flag(at, format!("问题“{}”没有选项“{v}”", target.id));
        }
    }
}
