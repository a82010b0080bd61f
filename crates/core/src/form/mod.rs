//! Schema-driven forms: definitions in data, answers from the app, and the one engine that decides
//! visible steps, validates answers and builds the check-your-answers summary.

mod answer;
mod answer_de;
mod check;
mod definition;
mod definition_de;
mod engine;
mod issue;
mod issue_de;
mod rules;
mod summary;
mod visibility;

#[cfg(test)]
mod tests;

pub use answer::{Answer, Answers, FileRef, RegionAnswer};
pub use check::validate_form_definition;
pub use definition::*;
pub use engine::{unknown_fields, validate_answers, validate_step};
pub use issue::{material_path, row_path, situation_path, FieldIssue, IssueCode, Severity};
pub use summary::{answer_text, summary, SummaryRow};
pub use visibility::{
    condition_holds, field_required, field_visible, prune_hidden, step_visible, visible_steps,
};

/// An id usable in an answer key and an HTML id: a lower-case letter, then lower-case letters,
/// digits and `_` (no `-`, which separates path parts), at most 40 characters.
pub fn is_safe_id(id: &str) -> bool {
    let mut chars = id.chars();
    id.len() <= 40
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
