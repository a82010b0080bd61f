//! What the engine reports: a path (also the HTML id of the input), a code with parameters and a
//! severity. Wording lives in `crate::messages`, one `match` per language.

use serde::{Deserialize, Serialize};

/// An error blocks the step; a warning may be confirmed by the applicant (its path is then sent
/// in `confirmed_warnings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// Why an answer (or a material or situation answer) was refused. JSON: `{"code":"too_long","max":50}`.
/// Read in `issue_de.rs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum IssueCode {
    Required,
    /// The answer has the wrong shape for the field (text for a yes/no, …).
    WrongType,
    /// An answer for a field, question or step the form does not have.
    UnknownField,
    TooLong {
        max: u32,
    },
    NumberRange {
        min: Option<f64>,
        max: Option<f64>,
    },
    NotWholeNumber,
    DateFormat,
    DateInFuture,
    DateInPast,
    UnknownOption,
    TooFewChoices {
        min: u32,
    },
    TooManyChoices {
        max: u32,
    },
    IdCardLength,
    IdCardFormat,
    IdCardChecksum,
    IdCardBirthDate,
    IdCardFutureBirth,
    CreditCodeFormat,
    /// A warning: some legal early codes fail the check.
    CreditCodeChecksum,
    MobileFormat,
    EmailFormat,
    UnknownRegion,
    GroupTooFew {
        min: u32,
    },
    GroupTooMany {
        max: u32,
    },
    TooManyFiles {
        max: u32,
    },
    FileTooLarge {
        max_mb: u32,
    },
    FileType,
    /// A file the answer or material refers to is not on the server (never uploaded, or lost):
    /// the applicant must choose it again.
    UploadMissing,
    /// A required material of the applicant's situation was not provided.
    MaterialMissing,
    /// A provision names a material that is not on the applicant's list.
    MaterialNotApplicable,
    MaterialDuplicate,
    CommitmentNotAllowed,
    CommitmentNotAgreed,
    DeferNotAllowed,
    SharedCheckNotAllowed,
    /// The submission is for another item than the form.
    ItemMismatch,
}

impl IssueCode {
    /// Only the credit-code check digit is a confirmable warning (DOMAIN.md).
    pub fn severity(&self) -> Severity {
        match self {
            IssueCode::CreditCodeChecksum => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem at one place. `path` is an HTML-id-safe address: `name`, `family-1-id_number`
/// (group rows count from 0), `situation-agent`, `material-3`. Read in `issue_de.rs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldIssue {
    pub path: String,
    #[serde(flatten)]
    pub code: IssueCode,
    pub severity: Severity,
}

impl FieldIssue {
    pub fn new(path: impl Into<String>, code: IssueCode) -> Self {
        let severity = code.severity();
        Self {
            path: path.into(),
            code,
            severity,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The path of a field inside group row `row` (0-based): `family-1-id_number`.
pub fn row_path(group_id: &str, row: usize, field_id: &str) -> String {
    format!("{group_id}-{row}-{field_id}")
}

/// The path of material `index` of the item: `material-3`.
pub fn material_path(index: usize) -> String {
    format!("material-{index}")
}

/// The path of a situation question: `situation-agent`.
pub fn situation_path(question_id: &str) -> String {
    format!("situation-{question_id}")
}
