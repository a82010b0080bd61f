//! Reading [`IssueCode`], [`FieldIssue`] and [`FieldError`] through one flat struct: the code,
//! its parameters, and the keys around them side by side. The JSON is the derive's (the code's
//! parameters sit beside `path`, as `#[serde(flatten)]` wrote them); the derive would buffer
//! every object into serde's `Content` tree first, machinery the app's wasm would then carry.
//! Keys a type does not know are ignored, as before.

use serde::de::{Deserialize, Deserializer, Error};

use super::definition_de::{need, whole};
use super::issue::{FieldIssue, IssueCode, Severity};
use crate::error::FieldError;

/// The tag of an [`IssueCode`], as `"code"` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum IssueTag {
    Required,
    WrongType,
    UnknownField,
    TooLong,
    NumberRange,
    NotWholeNumber,
    DateFormat,
    DateInFuture,
    DateInPast,
    UnknownOption,
    TooFewChoices,
    TooManyChoices,
    IdCardLength,
    IdCardFormat,
    IdCardChecksum,
    IdCardBirthDate,
    IdCardFutureBirth,
    CreditCodeFormat,
    CreditCodeChecksum,
    MobileFormat,
    EmailFormat,
    UnknownRegion,
    GroupTooFew,
    GroupTooMany,
    TooManyFiles,
    FileTooLarge,
    FileType,
    UploadMissing,
    MaterialMissing,
    MaterialNotApplicable,
    MaterialDuplicate,
    CommitmentNotAllowed,
    CommitmentNotAgreed,
    DeferNotAllowed,
    SharedCheckNotAllowed,
    ItemMismatch,
}

/// Every key of the three types; each takes what it needs.
#[derive(serde::Deserialize)]
struct IssueWire {
    code: IssueTag,
    /// A count for most codes, any number for `number_range` (checked below).
    max: Option<f64>,
    min: Option<f64>,
    max_mb: Option<u32>,
    path: Option<String>,
    severity: Option<Severity>,
    message: Option<String>,
    message_en: Option<String>,
}

impl IssueWire {
    fn code<E: Error>(&self) -> Result<IssueCode, E> {
        let count = |value: Option<f64>, name: &'static str| whole(need(value, name)?, name);
        Ok(match self.code {
            IssueTag::Required => IssueCode::Required,
            IssueTag::WrongType => IssueCode::WrongType,
            IssueTag::UnknownField => IssueCode::UnknownField,
            IssueTag::TooLong => IssueCode::TooLong {
                max: count(self.max, "max")?,
            },
            IssueTag::NumberRange => IssueCode::NumberRange {
                min: self.min,
                max: self.max,
            },
            IssueTag::NotWholeNumber => IssueCode::NotWholeNumber,
            IssueTag::DateFormat => IssueCode::DateFormat,
            IssueTag::DateInFuture => IssueCode::DateInFuture,
            IssueTag::DateInPast => IssueCode::DateInPast,
            IssueTag::UnknownOption => IssueCode::UnknownOption,
            IssueTag::TooFewChoices => IssueCode::TooFewChoices {
                min: count(self.min, "min")?,
            },
            IssueTag::TooManyChoices => IssueCode::TooManyChoices {
                max: count(self.max, "max")?,
            },
            IssueTag::IdCardLength => IssueCode::IdCardLength,
            IssueTag::IdCardFormat => IssueCode::IdCardFormat,
            IssueTag::IdCardChecksum => IssueCode::IdCardChecksum,
            IssueTag::IdCardBirthDate => IssueCode::IdCardBirthDate,
            IssueTag::IdCardFutureBirth => IssueCode::IdCardFutureBirth,
            IssueTag::CreditCodeFormat => IssueCode::CreditCodeFormat,
            IssueTag::CreditCodeChecksum => IssueCode::CreditCodeChecksum,
            IssueTag::MobileFormat => IssueCode::MobileFormat,
            IssueTag::EmailFormat => IssueCode::EmailFormat,
            IssueTag::UnknownRegion => IssueCode::UnknownRegion,
            IssueTag::GroupTooFew => IssueCode::GroupTooFew {
                min: count(self.min, "min")?,
            },
            IssueTag::GroupTooMany => IssueCode::GroupTooMany {
                max: count(self.max, "max")?,
            },
            IssueTag::TooManyFiles => IssueCode::TooManyFiles {
                max: count(self.max, "max")?,
            },
            IssueTag::FileTooLarge => IssueCode::FileTooLarge {
                max_mb: need(self.max_mb, "max_mb")?,
            },
            IssueTag::FileType => IssueCode::FileType,
            IssueTag::UploadMissing => IssueCode::UploadMissing,
            IssueTag::MaterialMissing => IssueCode::MaterialMissing,
            IssueTag::MaterialNotApplicable => IssueCode::MaterialNotApplicable,
            IssueTag::MaterialDuplicate => IssueCode::MaterialDuplicate,
            IssueTag::CommitmentNotAllowed => IssueCode::CommitmentNotAllowed,
            IssueTag::CommitmentNotAgreed => IssueCode::CommitmentNotAgreed,
            IssueTag::DeferNotAllowed => IssueCode::DeferNotAllowed,
            IssueTag::SharedCheckNotAllowed => IssueCode::SharedCheckNotAllowed,
            IssueTag::ItemMismatch => IssueCode::ItemMismatch,
        })
    }

    fn issue<E: Error>(self) -> Result<FieldIssue, E> {
        Ok(FieldIssue {
            code: self.code()?,
            path: need(self.path, "path")?,
            severity: need(self.severity, "severity")?,
        })
    }
}

impl<'de> Deserialize<'de> for IssueCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IssueWire::deserialize(deserializer)?.code()
    }
}

impl<'de> Deserialize<'de> for FieldIssue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IssueWire::deserialize(deserializer)?.issue()
    }
}

impl<'de> Deserialize<'de> for FieldError {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut wire = IssueWire::deserialize(deserializer)?;
        let message = need(wire.message.take(), "message")?;
        let message_en = need(wire.message_en.take(), "message_en")?;
        Ok(FieldError {
            issue: wire.issue()?,
            message,
            message_en,
        })
    }
}

#[cfg(test)]
#[path = "issue_de_tests.rs"]
mod tests;
