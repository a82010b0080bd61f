//! Reading [`FieldKind`] and [`Condition`] through flat structs: the tag and every variant's
//! fields side by side, then checked per variant (missing fields, and fields the variant does not
//! have, are refused as `deny_unknown_fields` did). The JSON is the same as the derive's;
//! serde's internally tagged derive would buffer each object into its `Content` tree first,
//! machinery the app's wasm would then carry.

use serde::de::{Deserialize, Deserializer, Error};

use super::definition::{ChoiceOption, Condition, Field, FieldKind};

/// The tag of a [`FieldKind`], as `"type"` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindTag {
    Text,
    Textarea,
    Number,
    Date,
    Choice,
    MultiChoice,
    YesNo,
    IdCard,
    CreditCode,
    Mobile,
    Email,
    Region,
    Address,
    Group,
    Files,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KindWire {
    #[serde(rename = "type")]
    tag: KindTag,
    max_len: Option<u32>,
    /// A number field's limits are any number; a list's limits are counts (checked below).
    min: Option<f64>,
    max: Option<f64>,
    integer: Option<bool>,
    past_only: Option<bool>,
    future_only: Option<bool>,
    options: Option<Vec<ChoiceOption>>,
    fields: Option<Vec<Field>>,
    max_files: Option<u32>,
}

impl KindWire {
    /// The fields given, by name, to refuse those the variant does not have.
    fn given(&self) -> [(&'static str, bool); 10] {
        [
            ("max_len", self.max_len.is_some()),
            ("min", self.min.is_some()),
            ("max", self.max.is_some()),
            ("integer", self.integer.is_some()),
            ("past_only", self.past_only.is_some()),
            ("future_only", self.future_only.is_some()),
            ("options", self.options.is_some()),
            ("fields", self.fields.is_some()),
            ("max_files", self.max_files.is_some()),
            ("type", true),
        ]
    }
}

impl<'de> Deserialize<'de> for FieldKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = KindWire::deserialize(deserializer)?;
        let allowed: &[&str] = match wire.tag {
            KindTag::Text | KindTag::Textarea => &["max_len"],
            KindTag::Number => &["min", "max", "integer"],
            KindTag::Date => &["past_only", "future_only"],
            KindTag::Choice => &["options"],
            KindTag::MultiChoice => &["options", "min", "max"],
            KindTag::Group => &["fields", "min", "max"],
            KindTag::Files => &["max_files"],
            _ => &[],
        };
        only(&wire.given(), allowed, "type").map_err(D::Error::custom)?;
        let count = |v: Option<f64>, name| v.map(|v| whole(v, name)).transpose();
        let kind = match wire.tag {
            KindTag::Text => FieldKind::Text {
                max_len: wire.max_len,
            },
            KindTag::Textarea => FieldKind::Textarea {
                max_len: wire.max_len,
            },
            KindTag::Number => FieldKind::Number {
                min: wire.min,
                max: wire.max,
                integer: wire.integer.unwrap_or(false),
            },
            KindTag::Date => FieldKind::Date {
                past_only: wire.past_only.unwrap_or(false),
                future_only: wire.future_only.unwrap_or(false),
            },
            KindTag::Choice => FieldKind::Choice {
                options: need(wire.options, "options")?,
            },
            KindTag::MultiChoice => FieldKind::MultiChoice {
                options: need(wire.options, "options")?,
                min: count(wire.min, "min")?,
                max: count(wire.max, "max")?,
            },
            KindTag::YesNo => FieldKind::YesNo,
            KindTag::IdCard => FieldKind::IdCard,
            KindTag::CreditCode => FieldKind::CreditCode,
            KindTag::Mobile => FieldKind::Mobile,
            KindTag::Email => FieldKind::Email,
            KindTag::Region => FieldKind::Region,
            KindTag::Address => FieldKind::Address,
            KindTag::Group => FieldKind::Group {
                fields: need(wire.fields, "fields")?,
                min: count(wire.min, "min")?,
                max: count(wire.max, "max")?,
            },
            KindTag::Files => FieldKind::Files {
                max_files: need(wire.max_files, "max_files")?,
            },
        };
        Ok(kind)
    }
}

/// The tag of a [`Condition`], as `"op"` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum ConditionTag {
    Equals,
    OneOf,
    IsYes,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionWire {
    op: ConditionTag,
    field: Option<String>,
    value: Option<String>,
    values: Option<Vec<String>>,
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = ConditionWire::deserialize(deserializer)?;
        let given = [
            ("field", wire.field.is_some()),
            ("value", wire.value.is_some()),
            ("values", wire.values.is_some()),
            ("op", true),
        ];
        let allowed: &[&str] = match wire.op {
            ConditionTag::Equals => &["field", "value"],
            ConditionTag::OneOf => &["field", "values"],
            ConditionTag::IsYes => &["field"],
        };
        only(&given, allowed, "op").map_err(D::Error::custom)?;
        let field = need(wire.field, "field")?;
        Ok(match wire.op {
            ConditionTag::Equals => Condition::Equals {
                field,
                value: need(wire.value, "value")?,
            },
            ConditionTag::OneOf => Condition::OneOf {
                field,
                values: need(wire.values, "values")?,
            },
            ConditionTag::IsYes => Condition::IsYes { field },
        })
    }
}

/// Refuses a field given that the variant does not have (the tag itself is always allowed).
fn only(given: &[(&'static str, bool)], allowed: &[&str], tag: &str) -> Result<(), String> {
    match given
        .iter()
        .find(|(name, present)| *present && *name != tag && !allowed.contains(name))
    {
        Some((name, _)) if allowed.is_empty() => Err(format!(
            "unknown field `{name}`: this {tag} takes no other field"
        )),
        Some((name, _)) => Err(format!(
            "unknown field `{name}`, expected one of `{}`",
            allowed.join("`, `")
        )),
        None => Ok(()),
    }
}

pub(super) fn need<T, E: Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

/// A count given as a JSON number: whole, not negative, within `u32`. The message does not
/// repeat the number: formatting an `f64` would bring `Display for f64` (~10 KB) into the wasm.
pub(super) fn whole<E: Error>(value: f64, name: &str) -> Result<u32, E> {
    if value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) {
        Ok(value as u32)
    } else {
        Err(E::custom(format_args!(
            "invalid value for `{name}`: expected a whole number from 0"
        )))
    }
}

#[cfg(test)]
mod tests {
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
            let ours: FieldKind =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
            serde_json::from_str::<derived::FieldKind>(&json)
                .unwrap_or_else(|e| panic!("{json}: {e}"));
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
        let err =
            serde_json::from_str::<FieldKind>(r#"{"type":"yes_no","max_len":3}"#).unwrap_err();
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
            let ours: Condition =
                serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
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
}
