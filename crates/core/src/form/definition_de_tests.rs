//! Tests of `definition_de.rs`.

use super::*;

/// The derives this module replaces, kept here to compare against.
#[allow(dead_code)]
mod derived {
    use super::super::super::definition::{ChoiceOption, Field};
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
    pub enum FieldKind {
        Text {
            #[serde(default)]
            max_len: Option<u32>,
        },
        Textarea {
            #[serde(default)]
            max_len: Option<u32>,
        },
        Number {
            #[serde(default)]
            min: Option<f64>,
            #[serde(default)]
            max: Option<f64>,
            #[serde(default)]
            integer: bool,
        },
        Date {
            #[serde(default)]
            past_only: bool,
            #[serde(default)]
            future_only: bool,
        },
        Choice {
            options: Vec<ChoiceOption>,
        },
        MultiChoice {
            options: Vec<ChoiceOption>,
            #[serde(default)]
            min: Option<u32>,
            #[serde(default)]
            max: Option<u32>,
        },
        YesNo,
        IdCard,
        CreditCode,
        Mobile,
        Email,
        Region,
        Address,
        Group {
            fields: Vec<Field>,
            #[serde(default)]
            min: Option<u32>,
            #[serde(default)]
            max: Option<u32>,
        },
        Files {
            max_files: u32,
        },
    }

    #[derive(Debug, Deserialize)]
    #[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
    pub enum Condition {
        Equals { field: String, value: String },
        OneOf { field: String, values: Vec<String> },
        IsYes { field: String },
    }
}

const OPTIONS: &str = r#"[{"value":"a","label":{"zh":"甲","en":"A"}}]"#;
const FIELD: &str = r#"{"id":"name","label":{"zh":"姓名","en":"Name"},"kind":{"type":"text"},"show_if":{"op":"is_yes","field":"x"}}"#;

fn kinds_accepted() -> Vec<String> {
    let mut cases: Vec<String> = [
        "text",
        "textarea",
        "number",
        "date",
        "yes_no",
        "id_card",
        "credit_code",
        "mobile",
        "email",
        "region",
        "address",
    ]
    .iter()
    .map(|tag| format!(r#"{{"type":"{tag}"}}"#))
    .collect();
    cases.extend([
        r#"{"max_len":50,"type":"text"}"#.to_owned(),
        r#"{"type":"textarea","max_len":2000}"#.to_owned(),
        r#"{"type":"number","min":-1.5,"max":99,"integer":true}"#.to_owned(),
        r#"{"type":"number","min":null}"#.to_owned(),
        r#"{"type":"date","past_only":true}"#.to_owned(),
        r#"{"future_only":true,"type":"date"}"#.to_owned(),
        format!(r#"{{"type":"choice","options":{OPTIONS}}}"#),
        format!(r#"{{"options":{OPTIONS},"type":"multi_choice","min":1,"max":3}}"#),
        format!(r#"{{"type":"group","fields":[{FIELD}],"max":5}}"#),
        r#"{"type":"files","max_files":3}"#.to_owned(),
    ]);
    cases
}

#[test]
fn field_kinds_read_as_the_derive_read_them() {
    for json in kinds_accepted() {
        let ours: FieldKind = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        serde_json::from_str::<derived::FieldKind>(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        // And what we read is written back the same (the derived Serialize stays).
        let again: FieldKind =
            serde_json::from_str(&serde_json::to_string(&ours).unwrap()).unwrap();
        assert_eq!(again, ours, "{json}");
    }
    let number: FieldKind =
        serde_json::from_str(r#"{"type":"number","max":99,"integer":true}"#).unwrap();
    assert_eq!(
        number,
        FieldKind::Number {
            min: None,
            max: Some(99.0),
            integer: true
        }
    );
    let multi: FieldKind = serde_json::from_str(&format!(
        r#"{{"options":{OPTIONS},"type":"multi_choice","max":3}}"#
    ))
    .unwrap();
    assert!(
        matches!(multi, FieldKind::MultiChoice { min: None, max: Some(3), ref options } if options.len() == 1)
    );
}

#[test]
fn field_kinds_refused_as_the_derive_refused_them() {
    let cases = [
        r#"{}"#.to_owned(),
        r#"{"type":"texts"}"#.to_owned(),
        r#"{"type":"text","options":[]}"#.to_owned(),
        r#"{"type":"text","colour":"red"}"#.to_owned(),
        r#"{"type":"choice"}"#.to_owned(),
        r#"{"type":"files"}"#.to_owned(),
        r#"{"type":"group","max":2}"#.to_owned(),
        format!(r#"{{"type":"multi_choice","options":{OPTIONS},"max":1.5}}"#),
        format!(r#"{{"type":"multi_choice","options":{OPTIONS},"min":-1}}"#),
        r#"{"type":"text","max_len":-1}"#.to_owned(),
        r#"{"type":"number","integer":"yes"}"#.to_owned(),
    ];
    for json in &cases {
        assert!(
            serde_json::from_str::<derived::FieldKind>(json).is_err(),
            "derive took {json}"
        );
        let err = serde_json::from_str::<FieldKind>(json).expect_err(json);
        assert!(err.is_data(), "{json}: {err}");
    }
    // Stricter than the derive, which let a kind without fields carry any: a typo in a form
    // definition is caught when the catalog loads. Nor is a kind read from an array any more.
    assert!(serde_json::from_str::<FieldKind>(r#"["text"]"#).is_err());
    let err = serde_json::from_str::<FieldKind>(r#"{"type":"yes_no","max_len":3}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown field `max_len`: this type takes no other field"),
        "{err}"
    );
    let err = serde_json::from_str::<FieldKind>(r#"{"type":"text","options":[]}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown field `options`, expected one of `max_len`"),
        "{err}"
    );
    let err = serde_json::from_str::<FieldKind>(&format!(
        r#"{{"type":"multi_choice","options":{OPTIONS},"max":1.5}}"#
    ))
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("invalid value for `max`: expected a whole number from 0"),
        "{err}"
    );
    let err = serde_json::from_str::<FieldKind>(r#"{"type":"files"}"#).unwrap_err();
    assert!(
        err.to_string().contains("missing field `max_files`"),
        "{err}"
    );
}

#[test]
fn conditions_read_and_refused_as_the_derive_did() {
    let accepted = [
        r#"{"op":"equals","field":"agent","value":"yes"}"#,
        r#"{"field":"kind","op":"one_of","values":["a","b"]}"#,
        r#"{"op":"is_yes","field":"agent"}"#,
    ];
    for json in accepted {
        let ours: Condition = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        serde_json::from_str::<derived::Condition>(json).unwrap();
        let again: Condition =
            serde_json::from_str(&serde_json::to_string(&ours).unwrap()).unwrap();
        assert_eq!(again, ours);
    }
    let refused = [
        r#"{"op":"equals","field":"agent"}"#,
        r#"{"op":"equals","value":"yes"}"#,
        r#"{"op":"is_yes","field":"agent","value":"yes"}"#,
        r#"{"op":"one_of","field":"kind","values":"a"}"#,
        r#"{"op":"never","field":"agent"}"#,
        r#"{"field":"agent"}"#,
    ];
    for json in refused {
        assert!(
            serde_json::from_str::<derived::Condition>(json).is_err(),
            "derive took {json}"
        );
        assert!(
            serde_json::from_str::<Condition>(json)
                .unwrap_err()
                .is_data(),
            "{json}"
        );
    }
}
