//! Validating answers: one step (on 下一步) or the whole form (on submit, in the browser and on
//! the server alike).

use super::answer::{Answer, Answers};
use super::definition::{FieldKind, FormDefinition, FormStep};
use super::issue::{row_path, FieldIssue, IssueCode, Severity};
use super::rules::{check_field, Place};
use super::visibility::{field_visible, prune_hidden, step_visible};
use crate::date::CivilDate;

/// Issues of one step's shown fields. Unknown step id: one `UnknownField` at the step id.
/// A hidden step has no issues. Warnings whose path is in `confirmed` are left out.
pub fn validate_step(
    def: &FormDefinition,
    step_id: &str,
    answers: &Answers,
    confirmed: &[String],
    today: CivilDate,
) -> Vec<FieldIssue> {
    let Some(step) = def.step(step_id) else {
        let path = if super::is_safe_id(step_id) {
            step_id
        } else {
            "step"
        };
        return vec![FieldIssue::new(path, IssueCode::UnknownField)];
    };
    let kept = prune_hidden(def, answers);
    let mut issues = Vec::new();
    check_step(step, &kept, today, &mut issues);
    drop_confirmed(issues, confirmed)
}

/// Issues of every shown step, plus answers to fields the form does not have.
pub fn validate_answers(
    def: &FormDefinition,
    answers: &Answers,
    confirmed: &[String],
    today: CivilDate,
) -> Vec<FieldIssue> {
    let mut issues = unknown_fields(def, answers);
    let kept = prune_hidden(def, answers);
    for step in &def.steps {
        check_step(step, &kept, today, &mut issues);
    }
    drop_confirmed(issues, confirmed)
}

fn check_step(step: &FormStep, kept: &Answers, today: CivilDate, out: &mut Vec<FieldIssue>) {
    if !step_visible(step, kept) {
        return;
    }
    for field in &step.fields {
        if field_visible(field, None, kept) {
            let place = Place {
                path: field.id.clone(),
                row: None,
                top: kept,
                today,
            };
            check_field(field, kept.get(&field.id), &place, out);
        }
    }
}

fn drop_confirmed(issues: Vec<FieldIssue>, confirmed: &[String]) -> Vec<FieldIssue> {
    issues
        .into_iter()
        .filter(|i| i.severity == Severity::Error || !confirmed.contains(&i.path))
        .collect()
}

fn safe_or(id: &str, fallback: &str) -> String {
    if super::is_safe_id(id) {
        id.to_owned()
    } else {
        fallback.to_owned()
    }
}

/// Answers whose key is no field of the form (top level or inside a group row). Such input is
/// refused rather than silently stored.
pub fn unknown_fields(def: &FormDefinition, answers: &Answers) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    for (key, answer) in answers {
        let Some(field) = def.field(key) else {
            issues.push(FieldIssue::new(
                safe_or(key, "unknown"),
                IssueCode::UnknownField,
            ));
            continue;
        };
        if let (FieldKind::Group { fields, .. }, Answer::Group(rows)) = (&field.kind, answer) {
            for (i, row) in rows.iter().enumerate() {
                for row_key in row.keys().filter(|k| !fields.iter().any(|f| &f.id == *k)) {
                    let path = row_path(key, i, &safe_or(row_key, "unknown"));
                    issues.push(FieldIssue::new(path, IssueCode::UnknownField));
                }
            }
        }
    }
    issues
}
