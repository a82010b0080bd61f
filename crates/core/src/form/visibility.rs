//! Conditions, visible steps and fields, and pruning hidden answers. A condition may only look at
//! an earlier field (checked by `validate_form_definition`), so walking the form in order and
//! keeping only the answers of fields shown so far decides every condition in one pass, and an
//! answer to a hidden field can never make another field appear.

use super::answer::{Answer, Answers};
use super::definition::{Condition, Field, FieldKind, FormDefinition, FormStep};

/// Looks a field up in the group row first, then at the top level.
fn lookup<'a>(id: &str, row: Option<&'a Answers>, top: &'a Answers) -> Option<&'a Answer> {
    row.and_then(|r| r.get(id)).or_else(|| top.get(id))
}

fn has_value(answer: &Answer, value: &str) -> bool {
    match answer {
        Answer::Text(t) => t == value,
        Answer::List(values) => values.iter().any(|v| v == value),
        _ => false,
    }
}

/// Whether `condition` holds for these (already pruned) answers.
pub fn condition_holds(condition: &Condition, row: Option<&Answers>, top: &Answers) -> bool {
    let Some(answer) = lookup(condition.field(), row, top) else {
        return false;
    };
    match condition {
        Condition::Equals { value, .. } => has_value(answer, value),
        Condition::OneOf { values, .. } => values.iter().any(|v| has_value(answer, v)),
        Condition::IsYes { .. } => matches!(answer, Answer::Bool(true)),
    }
}

fn holds_or_absent(condition: &Option<Condition>, row: Option<&Answers>, top: &Answers) -> bool {
    condition
        .as_ref()
        .is_none_or(|c| condition_holds(c, row, top))
}

/// Whether a field is shown, given pruned answers (`row` for a field inside a group row).
pub fn field_visible(field: &Field, row: Option<&Answers>, top: &Answers) -> bool {
    holds_or_absent(&field.show_if, row, top)
}

/// Whether a shown field must be answered: not optional, or its `require_if` holds.
pub fn field_required(field: &Field, row: Option<&Answers>, top: &Answers) -> bool {
    !field.optional
        || field
            .require_if
            .as_ref()
            .is_some_and(|c| condition_holds(c, row, top))
}

/// Whether a step is shown, given pruned answers.
pub fn step_visible(step: &FormStep, top: &Answers) -> bool {
    holds_or_absent(&step.show_if, None, top)
}

/// The answers of shown fields only; answers to hidden or unknown fields are dropped, inside
/// group rows as well.
pub fn prune_hidden(def: &FormDefinition, answers: &Answers) -> Answers {
    let mut kept = Answers::new();
    for step in &def.steps {
        if !step_visible(step, &kept) {
            continue;
        }
        for field in &step.fields {
            if !field_visible(field, None, &kept) {
                continue;
            }
            if let Some(answer) = answers.get(&field.id) {
                let pruned = prune_field(field, answer, &kept);
                kept.insert(field.id.clone(), pruned);
            }
        }
    }
    kept
}

fn prune_field(field: &Field, answer: &Answer, top: &Answers) -> Answer {
    match (&field.kind, answer.as_rows()) {
        (FieldKind::Group { fields, .. }, Some(rows)) => {
            Answer::Group(rows.iter().map(|row| prune_row(fields, row, top)).collect())
        }
        _ => answer.clone(),
    }
}

fn prune_row(fields: &[Field], row: &Answers, top: &Answers) -> Answers {
    let mut kept = Answers::new();
    for field in fields {
        if field_visible(field, Some(&kept), top) {
            if let Some(answer) = row.get(&field.id) {
                kept.insert(field.id.clone(), answer.clone());
            }
        }
    }
    kept
}

/// The steps the applicant goes through with these answers, in order.
pub fn visible_steps<'a>(def: &'a FormDefinition, answers: &Answers) -> Vec<&'a FormStep> {
    let kept = prune_hidden(def, answers);
    def.steps
        .iter()
        .filter(|s| step_visible(s, &kept))
        .collect()
}
