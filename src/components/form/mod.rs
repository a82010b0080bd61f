//! Form fields, one component per field kind, and the error summary. Each field gets a
//! [`FieldBinding`]: its HTML id (the engine's issue path), label, hint, whether it is optional,
//! its answer and a way to change it, and the message to show beside it. Labels are tied to
//! inputs, radio groups sit in a fieldset with a legend, and a field in error says so to
//! assistive technology (`aria-invalid`, `aria-describedby` naming hint and message).

mod any_field;
mod choice;
mod credit_code;
mod error_summary;
mod files;
mod group;
mod region;
mod text;

pub use any_field::AnyField;
pub use choice::{ChoiceField, MultiChoiceField, YesNoField};
pub use credit_code::CreditCodeField;
pub use error_summary::{focus_field, ErrorSummary};
pub use files::{check_file, size_text, FileUpload};
pub use group::GroupField;
pub use region::RegionField;
pub use text::{DateField, NumberField, TextField, TextKind, TextareaField};

use leptos::prelude::*;
use portal_core::form::{Answer, Answers};

use crate::i18n::apply::ApplyText;

/// A problem shown on the page, already worded in the page's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownIssue {
    /// The HTML id of the input it is about.
    pub path: String,
    pub message: String,
    /// A warning the applicant may confirm (the credit-code check).
    pub warning: bool,
}

/// What a field component needs.
#[derive(Clone)]
pub struct FieldBinding {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    pub optional: Signal<bool>,
    pub value: Signal<Option<Answer>>,
    pub set: Callback<Option<Answer>>,
    pub issue: Signal<Option<ShownIssue>>,
}

impl FieldBinding {
    pub fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }

    pub fn error_id(&self) -> String {
        format!("{}-error", self.id)
    }

    /// `aria-describedby`: the hint, then the message while there is one.
    pub fn described_by(&self) -> Signal<Option<String>> {
        let hint = self.hint.as_ref().map(|_| self.hint_id());
        let error = self.error_id();
        let issue = self.issue;
        Signal::derive(move || {
            let mut ids: Vec<String> = hint.iter().cloned().collect();
            if issue.with(Option::is_some) {
                ids.push(error.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    }

    pub fn invalid(&self) -> Signal<Option<&'static str>> {
        let issue = self.issue;
        Signal::derive(move || issue.with(|i| i.as_ref().filter(|i| !i.warning).map(|_| "true")))
    }

    /// The answer as text (blank when none or of another shape).
    pub fn text(&self) -> String {
        match self.value.get_untracked() {
            Some(Answer::Text(t)) => t,
            Some(Answer::Number(n)) => portal_core::messages::format_number(n),
            _ => String::new(),
        }
    }
}

/// Everything the fields of one page share: the issues on the page, confirmed warnings and the
/// (pruned) top-level answers that conditions inside group rows look at.
#[derive(Clone, Copy)]
pub struct FormEnv {
    pub issues: RwSignal<Vec<ShownIssue>>,
    pub confirmed: Signal<Vec<String>>,
    pub set_confirmed: Callback<(String, bool)>,
    pub top: Signal<Answers>,
}

impl FormEnv {
    /// The first issue at `path`, reactively.
    pub fn issue_at(&self, path: String) -> Signal<Option<ShownIssue>> {
        let issues = self.issues;
        Signal::derive(move || issues.with(|all| all.iter().find(|i| i.path == path).cloned()))
    }
}

/// The label text with "（选填）" after it when the field is optional (never an asterisk).
#[component]
pub fn LabelText(label: String, optional: Signal<bool>) -> impl IntoView {
    let m = ApplyText::now();
    view! {
        {label}
        {move || optional.get().then(|| view! { <span class="optional">{m.optional}</span> })}
    }
}

/// The hint under a label, if any.
#[component]
pub fn Hint(binding: FieldBinding) -> impl IntoView {
    let id = binding.hint_id();
    binding
        .hint
        .map(|hint| view! { <p class="hint" id=id>{hint}</p> })
}

/// The field's message, beside it; "错误：" is read out before it.
#[component]
pub fn FieldMessage(binding: FieldBinding) -> impl IntoView {
    let m = ApplyText::now();
    let id = binding.error_id();
    let issue = binding.issue;
    move || {
        issue.get().map(|issue| {
            let (class, prefix) = if issue.warning {
                ("field-warning", m.warning_prefix)
            } else {
                ("field-error", m.error_prefix)
            };
            view! {
                <p class=class id=id.clone()>
                    <span class="visually-hidden">{prefix}</span>
                    {issue.message}
                </p>
            }
        })
    }
}

/// The wrapper class of a field: marks it in error for the red left border.
pub fn group_class(binding: &FieldBinding) -> Signal<String> {
    let issue = binding.issue;
    Signal::derive(move || match issue.get() {
        Some(i) if !i.warning => "form-group form-group-error".to_owned(),
        Some(_) => "form-group form-group-warning".to_owned(),
        None => "form-group".to_owned(),
    })
}
