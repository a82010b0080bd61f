//! The rule of each field kind: one answer in, issues out.

use super::answer::{Answer, Answers};
use super::definition::*;
use super::issue::{row_path, FieldIssue, IssueCode};
use super::visibility::{field_required, field_visible};
use crate::date::CivilDate;
use crate::ids::{check_credit_code, check_id_card, is_email, is_mobile};
use crate::ids::{CreditCodeError, IdCardError};
use crate::region;

/// Where a field sits: its path, the group row around it (if any) and the top-level answers,
/// all pruned of hidden fields.
pub(crate) struct Place<'a> {
    pub path: String,
    pub row: Option<&'a Answers>,
    pub top: &'a Answers,
    pub today: CivilDate,
}

/// Checks one shown field's answer and pushes its issues.
pub(crate) fn check_field(
    field: &Field,
    answer: Option<&Answer>,
    at: &Place<'_>,
    out: &mut Vec<FieldIssue>,
) {
    let mut push = |code| out.push(FieldIssue::new(at.path.clone(), code));
    let answer = match answer {
        Some(a) if !a.is_blank() => a,
        _ => {
            if field_required(field, at.row, at.top) {
                push(IssueCode::Required);
            }
            return;
        }
    };
    let code = match &field.kind {
        FieldKind::Text { max_len } => text_rule(answer, max_len.unwrap_or(DEFAULT_TEXT_MAX)),
        FieldKind::Textarea { max_len } => {
            text_rule(answer, max_len.unwrap_or(DEFAULT_TEXTAREA_MAX))
        }
        FieldKind::Address => text_rule(answer, ADDRESS_MAX),
        FieldKind::Number { min, max, integer } => number_rule(answer, *min, *max, *integer),
        FieldKind::Date {
            past_only,
            future_only,
        } => date_rule(answer, *past_only, *future_only, at.today),
        FieldKind::Choice { options } => match answer {
            Answer::Text(v) if options.iter().any(|o| &o.value == v) => None,
            Answer::Text(_) => Some(IssueCode::UnknownOption),
            _ => Some(IssueCode::WrongType),
        },
        FieldKind::MultiChoice { options, min, max } => multi_rule(answer, options, *min, *max),
        FieldKind::YesNo => (!matches!(answer, Answer::Bool(_))).then_some(IssueCode::WrongType),
        FieldKind::IdCard => with_text(answer, |t| {
            check_id_card(t, at.today).err().map(|e| match e {
                IdCardError::Length => IssueCode::IdCardLength,
                IdCardError::Format => IssueCode::IdCardFormat,
                IdCardError::Checksum => IssueCode::IdCardChecksum,
                IdCardError::BirthDate => IssueCode::IdCardBirthDate,
                IdCardError::FutureBirth => IssueCode::IdCardFutureBirth,
            })
        }),
        FieldKind::CreditCode => with_text(answer, |t| {
            check_credit_code(t).err().map(|e| match e {
                CreditCodeError::Format => IssueCode::CreditCodeFormat,
                CreditCodeError::Checksum => IssueCode::CreditCodeChecksum,
            })
        }),
        FieldKind::Mobile => with_text(answer, |t| {
            (!is_mobile(t)).then_some(IssueCode::MobileFormat)
        }),
        FieldKind::Email => with_text(answer, |t| (!is_email(t)).then_some(IssueCode::EmailFormat)),
        FieldKind::Region => match answer {
            Answer::Region(r) => region::resolve(&r.province, &r.city, &r.district)
                .is_none()
                .then_some(IssueCode::UnknownRegion),
            _ => Some(IssueCode::WrongType),
        },
        FieldKind::Files { max_files } => files_rule(answer, *max_files),
        FieldKind::Group { fields, min, max } => {
            return group_rule(field, fields, (*min, *max), answer, at, out);
        }
    };
    if let Some(code) = code {
        push(code);
    }
}

fn with_text(answer: &Answer, rule: impl FnOnce(&str) -> Option<IssueCode>) -> Option<IssueCode> {
    match answer {
        Answer::Text(t) => rule(t),
        _ => Some(IssueCode::WrongType),
    }
}

fn text_rule(answer: &Answer, max: u32) -> Option<IssueCode> {
    with_text(answer, |t| {
        (t.trim().chars().count() > max as usize).then_some(IssueCode::TooLong { max })
    })
}

fn number_rule(
    answer: &Answer,
    min: Option<f64>,
    max: Option<f64>,
    integer: bool,
) -> Option<IssueCode> {
    let Answer::Number(n) = answer else {
        return Some(IssueCode::WrongType);
    };
    if !n.is_finite() {
        return Some(IssueCode::WrongType);
    }
    if integer && n.fract() != 0.0 {
        return Some(IssueCode::NotWholeNumber);
    }
    let out = min.is_some_and(|m| *n < m) || max.is_some_and(|m| *n > m);
    out.then_some(IssueCode::NumberRange { min, max })
}

fn date_rule(
    answer: &Answer,
    past_only: bool,
    future_only: bool,
    today: CivilDate,
) -> Option<IssueCode> {
    with_text(answer, |t| match CivilDate::parse_iso(t.trim()) {
        None => Some(IssueCode::DateFormat),
        Some(d) if past_only && d > today => Some(IssueCode::DateInFuture),
        Some(d) if future_only && d < today => Some(IssueCode::DateInPast),
        Some(_) => None,
    })
}

fn multi_rule(
    answer: &Answer,
    options: &[ChoiceOption],
    min: Option<u32>,
    max: Option<u32>,
) -> Option<IssueCode> {
    let Answer::List(values) = answer else {
        return Some(IssueCode::WrongType);
    };
    let known = values.iter().all(|v| options.iter().any(|o| &o.value == v));
    let distinct = values
        .iter()
        .enumerate()
        .all(|(i, v)| !values[..i].contains(v));
    if !known || !distinct {
        return Some(IssueCode::UnknownOption);
    }
    let count = values.len() as u32;
    if let Some(min) = min.filter(|m| count < *m) {
        return Some(IssueCode::TooFewChoices { min });
    }
    max.filter(|m| count > *m)
        .map(|max| IssueCode::TooManyChoices { max })
}

fn files_rule(answer: &Answer, max_files: u32) -> Option<IssueCode> {
    let Some(files) = answer.as_files() else {
        return Some(IssueCode::WrongType);
    };
    if files.len() > max_files as usize {
        return Some(IssueCode::TooManyFiles { max: max_files });
    }
    if files.iter().any(|f| f.upload_id.trim().is_empty()) {
        return Some(IssueCode::WrongType);
    }
    if files.iter().any(|f| f.size > MAX_FILE_BYTES) {
        return Some(IssueCode::FileTooLarge {
            max_mb: (MAX_FILE_BYTES / (1024 * 1024)) as u32,
        });
    }
    files
        .iter()
        .any(|f| !ALLOWED_MIME.contains(&f.mime.as_str()))
        .then_some(IssueCode::FileType)
}

fn group_rule(
    group: &Field,
    fields: &[Field],
    (min, max): (Option<u32>, Option<u32>),
    answer: &Answer,
    at: &Place<'_>,
    out: &mut Vec<FieldIssue>,
) {
    let Some(rows) = answer.as_rows() else {
        out.push(FieldIssue::new(at.path.clone(), IssueCode::WrongType));
        return;
    };
    let max = max.unwrap_or(DEFAULT_GROUP_MAX);
    if rows.len() > max as usize {
        // Too many rows: report that alone rather than validating an oversized body.
        out.push(FieldIssue::new(
            at.path.clone(),
            IssueCode::GroupTooMany { max },
        ));
        return;
    }
    if let Some(min) = min.filter(|m| rows.len() < *m as usize) {
        out.push(FieldIssue::new(
            at.path.clone(),
            IssueCode::GroupTooFew { min },
        ));
    }
    for (i, row) in rows.iter().enumerate() {
        for field in fields {
            if !field_visible(field, Some(row), at.top) {
                continue;
            }
            let place = Place {
                path: row_path(&group.id, i, &field.id),
                row: Some(row),
                top: at.top,
                today: at.today,
            };
            check_field(field, row.get(&field.id), &place, out);
        }
    }
}
