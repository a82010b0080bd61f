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
mod tests {
    use super::*;

    /// One of each code, with parameters where it has them.
    fn every_code() -> Vec<IssueCode> {
        use IssueCode::*;
        let all = vec![
            Required,
            WrongType,
            UnknownField,
            TooLong { max: 50 },
            NumberRange {
                min: Some(-1.5),
                max: None,
            },
            NumberRange {
                min: None,
                max: Some(120.0),
            },
            NotWholeNumber,
            DateFormat,
            DateInFuture,
            DateInPast,
            UnknownOption,
            TooFewChoices { min: 1 },
            TooManyChoices { max: 3 },
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
            GroupTooFew { min: 2 },
            GroupTooMany { max: 20 },
            TooManyFiles { max: 10 },
            FileTooLarge { max_mb: 10 },
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
        ];
        // A new code added to the enum but not here fails to compile.
        for code in &all {
            match code {
                Required
                | WrongType
                | UnknownField
                | TooLong { .. }
                | NumberRange { .. }
                | NotWholeNumber
                | DateFormat
                | DateInFuture
                | DateInPast
                | UnknownOption
                | TooFewChoices { .. }
                | TooManyChoices { .. }
                | IdCardLength
                | IdCardFormat
                | IdCardChecksum
                | IdCardBirthDate
                | IdCardFutureBirth
                | CreditCodeFormat
                | CreditCodeChecksum
                | MobileFormat
                | EmailFormat
                | UnknownRegion
                | GroupTooFew { .. }
                | GroupTooMany { .. }
                | TooManyFiles { .. }
                | FileTooLarge { .. }
                | FileType
                | UploadMissing
                | MaterialMissing
                | MaterialNotApplicable
                | MaterialDuplicate
                | CommitmentNotAllowed
                | CommitmentNotAgreed
                | DeferNotAllowed
                | SharedCheckNotAllowed
                | ItemMismatch => {}
            }
        }
        all
    }

    #[test]
    fn every_code_issue_and_error_survives_a_round_trip() {
        for code in every_code() {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(
                serde_json::from_str::<IssueCode>(&json).unwrap(),
                code,
                "{json}"
            );

            let issue = FieldIssue::new("family-1-id_number", code.clone());
            let json = serde_json::to_string(&issue).unwrap();
            assert_eq!(
                serde_json::from_str::<FieldIssue>(&json).unwrap(),
                issue,
                "{json}"
            );

            let error = FieldError::new(issue, "身份证号", "ID number");
            let json = serde_json::to_string(&error).unwrap();
            assert_eq!(
                serde_json::from_str::<FieldError>(&json).unwrap(),
                error,
                "{json}"
            );
        }
    }

    #[test]
    fn reads_the_flattened_wire_form_in_any_key_order() {
        let json = r#"{"message_en":"At most 50","max":50,"severity":"error","message":"最多 50","code":"too_long","path":"name","extra":1}"#;
        let error: FieldError = serde_json::from_str(json).unwrap();
        assert_eq!(error.issue.code, IssueCode::TooLong { max: 50 });
        assert_eq!(error.issue.path, "name");
        assert_eq!(error.issue.severity, Severity::Error);
        assert_eq!(error.message, "最多 50");
    }

    #[test]
    fn refuses_a_code_without_its_parameter_or_an_unknown_code() {
        for json in [
            r#"{"code":"too_long"}"#,
            r#"{"code":"too_long","max":1.5}"#,
            r#"{"code":"file_too_large","max":10}"#,
            r#"{"code":"no_such_code"}"#,
            r#"{"max":3}"#,
        ] {
            assert!(
                serde_json::from_str::<IssueCode>(json)
                    .unwrap_err()
                    .is_data(),
                "{json}"
            );
        }
        let no_path = r#"{"code":"required","severity":"error","message":"a","message_en":"b"}"#;
        let err = serde_json::from_str::<FieldError>(no_path).unwrap_err();
        assert!(err.to_string().contains("missing field `path`"), "{err}");
        let no_message = r#"{"code":"required","severity":"error","path":"a"}"#;
        assert!(serde_json::from_str::<FieldError>(no_message).is_err());
        assert!(serde_json::from_str::<FieldIssue>(no_message).is_ok());
    }
}
