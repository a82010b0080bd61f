//! The check-your-answers list: one row per shown question, worded in the reader's language.

use serde::{Deserialize, Serialize};

use super::answer::{Answer, Answers};
use super::definition::{Field, FieldKind, FormDefinition};
use super::issue::row_path;
use super::visibility::{field_visible, prune_hidden, step_visible};
use crate::lang::Lang;
use crate::region;

/// One answer on the check page; `field_path` is the input's HTML id (for the 修改 link).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub step_id: String,
    pub field_path: String,
    pub label: String,
    pub value_text: String,
}

/// Every shown question of every shown step with its answer as text ("未填写" when blank).
/// A group gives one row per question per row, labelled "家庭成员 1 · 姓名".
pub fn summary(def: &FormDefinition, answers: &Answers, lang: Lang) -> Vec<SummaryRow> {
    let kept = prune_hidden(def, answers);
    let mut rows = Vec::new();
    for step in def.steps.iter().filter(|s| step_visible(s, &kept)) {
        for field in step.fields.iter().filter(|f| field_visible(f, None, &kept)) {
            let answer = kept.get(&field.id);
            if let FieldKind::Group { fields, .. } = &field.kind {
                let group_rows = answer.and_then(Answer::as_rows).unwrap_or(&[]);
                for (i, row) in group_rows.iter().enumerate() {
                    for sub in fields.iter().filter(|f| field_visible(f, Some(row), &kept)) {
                        rows.push(SummaryRow {
                            step_id: step.id.clone(),
                            field_path: row_path(&field.id, i, &sub.id),
                            label: format!(
                                "{} {} · {}",
                                field.label.get(lang),
                                i + 1,
                                sub.label.get(lang)
                            ),
                            value_text: answer_text(sub, row.get(&sub.id), lang),
                        });
                    }
                }
                if group_rows.is_empty() {
                    rows.push(SummaryRow {
                        step_id: step.id.clone(),
                        field_path: field.id.clone(),
                        label: field.label.get(lang).to_owned(),
                        value_text: lang.pick("未填写", "Not given").to_owned(),
                    });
                }
                continue;
            }
            rows.push(SummaryRow {
                step_id: step.id.clone(),
                field_path: field.id.clone(),
                label: field.label.get(lang).to_owned(),
                value_text: answer_text(field, answer, lang),
            });
        }
    }
    rows
}

fn option_label(field: &Field, value: &str, lang: Lang) -> String {
    field
        .kind
        .options()
        .iter()
        .find(|o| o.value == value)
        .map_or_else(|| value.to_owned(), |o| o.label.get(lang).to_owned())
}

/// One answer as display text in `lang`.
pub fn answer_text(field: &Field, answer: Option<&Answer>, lang: Lang) -> String {
    let blank = || lang.pick("未填写", "Not given").to_owned();
    let Some(answer) = answer.filter(|a| !a.is_blank()) else {
        return blank();
    };
    let sep = lang.pick("、", ", ");
    match answer {
        Answer::Text(t) => match field.kind {
            FieldKind::Choice { .. } => option_label(field, t, lang),
            FieldKind::IdCard | FieldKind::CreditCode => t.trim().to_ascii_uppercase(),
            _ => t.trim().to_owned(),
        },
        Answer::List(values) => values
            .iter()
            .map(|v| option_label(field, v, lang))
            .collect::<Vec<_>>()
            .join(sep),
        Answer::Bool(b) => lang
            .pick(if *b { "是" } else { "否" }, if *b { "Yes" } else { "No" })
            .to_owned(),
        Answer::Number(n) => crate::messages::format_number(*n),
        Answer::Region(r) => region::resolve(&r.province, &r.city, &r.district)
            .map_or_else(blank, |places| region::display(places, lang)),
        Answer::Files(files) => files
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(sep),
        Answer::Group(rows) => match lang {
            Lang::Zh => format!("{} 项", rows.len()),
            Lang::En => format!("{} entries", rows.len()),
        },
    }
}
