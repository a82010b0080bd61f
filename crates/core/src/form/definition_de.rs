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
#[path = "definition_de_tests.rs"]
mod tests;
