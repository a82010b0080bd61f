//! Tests of `issue_de.rs`.

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
