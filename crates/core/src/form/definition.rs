//! A form definition as stored in `data/forms/<item code>.json` and served to the app: steps
//! (one question group per page), fields with a kind, and show/require conditions.

use serde::{Deserialize, Serialize};

use crate::lang::Text;

/// The whole form of one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormDefinition {
    /// 实施编码 of the item this form applies for.
    pub item_code: String,
    pub steps: Vec<FormStep>,
}

/// One page of the journey: a question group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormStep {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The step is shown (and its fields asked) only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    pub fields: Vec<Field>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Lower-case letters, digits and `_`; unique in its scope (the form, or its group).
    pub id: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    pub kind: FieldKind,
    /// Fields are required unless marked optional ("(选填)").
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// An optional field becomes required when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_if: Option<Condition>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One choice of a single or multiple choice (also used by situation questions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub value: String,
    pub label: Text,
}

/// What kind of answer a field takes, and its limits. JSON: `{"type": "text", "max_len": 50}`.
/// Read in `definition_de.rs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text; `max_len` in characters (default [`DEFAULT_TEXT_MAX`]).
    Text {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_len: Option<u32>,
    },
    /// Several lines of text (default limit [`DEFAULT_TEXTAREA_MAX`]).
    Textarea {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_len: Option<u32>,
    },
    Number {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// Only whole numbers (a count of people, days, …).
        #[serde(default, skip_serializing_if = "is_false")]
        integer: bool,
    },
    /// "YYYY-MM-DD". `past_only`: not after today; `future_only`: not before today.
    Date {
        #[serde(default, skip_serializing_if = "is_false")]
        past_only: bool,
        #[serde(default, skip_serializing_if = "is_false")]
        future_only: bool,
    },
    Choice {
        options: Vec<ChoiceOption>,
    },
    MultiChoice {
        options: Vec<ChoiceOption>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
    },
    YesNo,
    /// 居民身份证号码 (GB 11643).
    IdCard,
    /// 统一社会信用代码 (GB 32100); a failed check digit is a warning the applicant can confirm.
    CreditCode,
    Mobile,
    Email,
    /// 省/市/区 from the region table.
    Region,
    /// A street address (detail below the district), up to [`ADDRESS_MAX`] characters.
    Address,
    /// A repeating group of rows (家庭成员, 当事人). Groups do not nest.
    Group {
        fields: Vec<Field>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
    },
    /// File attachments (upload ids from `POST /api/uploads`).
    Files {
        max_files: u32,
    },
}

pub const DEFAULT_TEXT_MAX: u32 = 100;
pub const DEFAULT_TEXTAREA_MAX: u32 = 2000;
pub const ADDRESS_MAX: u32 = 200;
/// The row limit of a group that names no `max`: keeps bodies bounded.
pub const DEFAULT_GROUP_MAX: u32 = 20;
/// One attachment's size limit (also enforced by the upload endpoint).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// File types an attachment may have.
pub const ALLOWED_MIME: [&str; 3] = ["application/pdf", "image/jpeg", "image/png"];

/// When a field or step is shown or required, in terms of an earlier answer (in the same group
/// row first, then the top level). JSON: `{"op": "equals", "field": "agent", "value": "yes"}`.
/// Read in `definition_de.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Condition {
    /// A choice answer is `value` (a multiple choice contains it).
    Equals { field: String, value: String },
    /// A choice answer is one of `values` (a multiple choice contains one of them).
    OneOf { field: String, values: Vec<String> },
    /// A yes/no answer is yes.
    IsYes { field: String },
}

impl Condition {
    /// The field the condition looks at.
    pub fn field(&self) -> &str {
        match self {
            Condition::Equals { field, .. }
            | Condition::OneOf { field, .. }
            | Condition::IsYes { field } => field,
        }
    }
}

impl FormDefinition {
    pub fn step(&self, id: &str) -> Option<&FormStep> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The top-level field with this id, in any step.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.steps
            .iter()
            .flat_map(|s| &s.fields)
            .find(|f| f.id == id)
    }
}

impl FieldKind {
    /// The options of a choice field.
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            FieldKind::Choice { options } | FieldKind::MultiChoice { options, .. } => options,
            _ => &[],
        }
    }
}
