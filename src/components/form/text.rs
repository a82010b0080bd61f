//! One-line text inputs (text, 身份证号, 信用代码, mobile, email, address), textarea, number and
//! date. Inputs are uncontrolled (their first value comes from the draft), so typing never fights
//! a re-render; every keystroke is saved.

use leptos::prelude::*;
use portal_core::form::Answer;

use super::{group_class, FieldBinding, FieldMessage, Hint, LabelText};

/// Which one-line input this is: decides `type`, `inputmode`, `autocomplete` and the width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Text,
    IdCard,
    CreditCode,
    Mobile,
    Email,
    Address,
}

impl TextKind {
    fn input_type(self) -> &'static str {
        match self {
            TextKind::Mobile => "tel",
            TextKind::Email => "email",
            _ => "text",
        }
    }

    fn input_mode(self) -> Option<&'static str> {
        match self {
            TextKind::Mobile => Some("numeric"),
            TextKind::Email => Some("email"),
            _ => None,
        }
    }

    fn autocomplete(self) -> Option<&'static str> {
        match self {
            TextKind::Mobile => Some("tel-national"),
            TextKind::Email => Some("email"),
            TextKind::Address => Some("street-address"),
            TextKind::IdCard | TextKind::CreditCode => Some("off"),
            TextKind::Text => None,
        }
    }

    fn width_class(self) -> &'static str {
        match self {
            TextKind::IdCard | TextKind::CreditCode => "input input-20",
            TextKind::Mobile => "input input-11",
            _ => "input",
        }
    }

    fn is_code(self) -> bool {
        matches!(self, TextKind::IdCard | TextKind::CreditCode)
    }
}

/// Text as an answer: blank text is no answer.
pub(crate) fn text_answer(raw: String) -> Option<Answer> {
    (!raw.trim().is_empty()).then_some(Answer::Text(raw))
}

#[component]
pub fn TextField(binding: FieldBinding, kind: TextKind) -> impl IntoView {
    let initial = binding.text();
    let set = binding.set;
    view! {
        <div class=group_class(&binding)>
            <label class="label" for=binding.id.clone()>
                <LabelText label=binding.label.clone() optional=binding.optional />
            </label>
            <Hint binding=binding.clone() />
            <FieldMessage binding=binding.clone() />
            <input
                class=kind.width_class()
                id=binding.id.clone()
                name=binding.id.clone()
                type=kind.input_type()
                inputmode=kind.input_mode()
                autocomplete=kind.autocomplete()
                spellcheck=kind.is_code().then_some("false")
                autocapitalize=kind.is_code().then_some("characters")
                value=initial
                aria-describedby=binding.described_by()
                aria-invalid=binding.invalid()
                on:input=move |ev| set.run(text_answer(event_target_value(&ev)))
            />
        </div>
    }
}

#[component]
pub fn TextareaField(binding: FieldBinding) -> impl IntoView {
    let initial = binding.text();
    let set = binding.set;
    view! {
        <div class=group_class(&binding)>
            <label class="label" for=binding.id.clone()>
                <LabelText label=binding.label.clone() optional=binding.optional />
            </label>
            <Hint binding=binding.clone() />
            <FieldMessage binding=binding.clone() />
            <textarea
                class="input textarea"
                id=binding.id.clone()
                name=binding.id.clone()
                rows="5"
                aria-describedby=binding.described_by()
                aria-invalid=binding.invalid()
                on:input=move |ev| set.run(text_answer(event_target_value(&ev)))
            >
                {initial}
            </textarea>
        </div>
    }
}

/// A number typed as text (GOV.UK: no `type=number` spinners); what does not parse is kept as
/// text so the engine can say it is not a number.
#[component]
pub fn NumberField(binding: FieldBinding) -> impl IntoView {
    let initial = binding.text();
    let set = binding.set;
    view! {
        <div class=group_class(&binding)>
            <label class="label" for=binding.id.clone()>
                <LabelText label=binding.label.clone() optional=binding.optional />
            </label>
            <Hint binding=binding.clone() />
            <FieldMessage binding=binding.clone() />
            <input
                class="input input-11"
                id=binding.id.clone()
                name=binding.id.clone()
                type="text"
                inputmode="decimal"
                spellcheck="false"
                value=initial
                aria-describedby=binding.described_by()
                aria-invalid=binding.invalid()
                on:input=move |ev| {
                    let raw = event_target_value(&ev);
                    let cleaned = raw.trim().replace([',', '，'], "");
                    let answer = match cleaned.parse::<f64>() {
                        Ok(n) if n.is_finite() => Some(Answer::Number(n)),
                        _ => text_answer(raw),
                    };
                    set.run(answer);
                }
            />
        </div>
    }
}

/// A date as "YYYY-MM-DD" (the browser's date picker where it has one).
#[component]
pub fn DateField(binding: FieldBinding) -> impl IntoView {
    let initial = binding.text();
    let set = binding.set;
    view! {
        <div class=group_class(&binding)>
            <label class="label" for=binding.id.clone()>
                <LabelText label=binding.label.clone() optional=binding.optional />
            </label>
            <Hint binding=binding.clone() />
            <FieldMessage binding=binding.clone() />
            <input
                class="input input-date"
                id=binding.id.clone()
                name=binding.id.clone()
                type="date"
                value=initial
                aria-describedby=binding.described_by()
                aria-invalid=binding.invalid()
                on:input=move |ev| set.run(text_answer(event_target_value(&ev)))
            />
        </div>
    }
}
