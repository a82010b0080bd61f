//! The journey's pure helpers: page order and addresses, today's date at UTC+8, and wording an
//! engine issue with the label of the field it is about.

use portal_core::date::CivilDate;
use portal_core::form::{visible_steps, Answers, FieldIssue, FieldKind, FormDefinition};
use portal_core::{Lang, ServiceItem};

use crate::components::form::ShownIssue;
use crate::draft::{PAGE_CHECK, PAGE_INTRO, PAGE_MATERIALS};
use crate::i18n::apply::ApplyText;

/// `/items/{code}/apply` and the pages under it.
pub fn base_url(code: &str) -> String {
    format!("/items/{code}/apply")
}

/// The address of a journey page (`intro`, a step id, `materials`, `check`).
pub fn page_url(code: &str, page: &str) -> String {
    match page {
        PAGE_INTRO => base_url(code),
        PAGE_MATERIALS | PAGE_CHECK => format!("{}/{page}", base_url(code)),
        step => format!("{}/step/{step}", base_url(code)),
    }
}

/// The pages in order for these answers: the visible form steps, then materials, then check.
pub fn page_order(form: &FormDefinition, answers: &Answers) -> Vec<String> {
    visible_steps(form, answers)
        .into_iter()
        .map(|s| s.id.clone())
        .chain([PAGE_MATERIALS.to_owned(), PAGE_CHECK.to_owned()])
        .collect()
}

/// (position counted from 1, total) of a page; the intro is not counted.
pub fn position(form: &FormDefinition, answers: &Answers, page: &str) -> Option<(usize, usize)> {
    let order = page_order(form, answers);
    order
        .iter()
        .position(|p| p == page)
        .map(|i| (i + 1, order.len()))
}

/// The page before and after `page`.
pub fn neighbours(form: &FormDefinition, answers: &Answers, page: &str) -> (String, String) {
    let order = page_order(form, answers);
    let i = order.iter().position(|p| p == page);
    let before = match i {
        Some(0) | None => PAGE_INTRO.to_owned(),
        Some(i) => order[i - 1].clone(),
    };
    let after = match i {
        Some(i) if i + 1 < order.len() => order[i + 1].clone(),
        _ => PAGE_CHECK.to_owned(),
    };
    (before, after)
}

/// The page an issue's path belongs to: the step of its top-level field, `materials` for a
/// material, the intro for a situation answer.
pub fn page_of_path(form: &FormDefinition, path: &str) -> String {
    if path.starts_with("material-") {
        return PAGE_MATERIALS.to_owned();
    }
    if path.starts_with("situation-") {
        return PAGE_INTRO.to_owned();
    }
    let top = path.split('-').next().unwrap_or(path);
    form.steps
        .iter()
        .find(|s| s.fields.iter().any(|f| f.id == top))
        .map_or_else(|| PAGE_CHECK.to_owned(), |s| s.id.clone())
}

/// The label an issue at `path` is worded with, in `lang`.
pub fn label_for_path(form: &FormDefinition, item: &ServiceItem, path: &str, lang: Lang) -> String {
    if let Some(index) = path.strip_prefix("material-") {
        if let Some(m) = index
            .parse::<usize>()
            .ok()
            .and_then(|i| item.materials.get(i))
        {
            return m.name.clone();
        }
    }
    if let Some(id) = path.strip_prefix("situation-") {
        if let Some(q) = item.situations.iter().find(|q| q.id == id) {
            return q.question.get(lang).to_owned();
        }
    }
    if let Some(field) = form.field(path) {
        return field.label.get(lang).to_owned();
    }
    let parts: Vec<&str> = path.splitn(3, '-').collect();
    if let [group, row, sub] = parts[..] {
        if let (Some(field), Ok(row)) = (form.field(group), row.parse::<usize>()) {
            if let FieldKind::Group { fields, .. } = &field.kind {
                if let Some(sub) = fields.iter().find(|f| f.id == sub) {
                    let m = ApplyText::of(lang);
                    return (m.row_label)(field.label.get(lang), row + 1, sub.label.get(lang));
                }
            }
        }
    }
    path.to_owned()
}

/// Engine issues worded for the page.
pub fn word_issues(
    issues: &[FieldIssue],
    form: &FormDefinition,
    item: &ServiceItem,
    lang: Lang,
) -> Vec<ShownIssue> {
    issues
        .iter()
        .map(|i| ShownIssue {
            path: i.path.clone(),
            message: i
                .code
                .message(lang, &label_for_path(form, item, &i.path, lang)),
            warning: !i.is_error(),
        })
        .collect()
}

/// The civil date of a day number (days since 1970-01-01), H. Hinnant's algorithm.
pub fn civil_from_days(days: i64) -> CivilDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    CivilDate { y, m, d }
}

/// Today in China (UTC+8), as the server judges dates.
pub fn today() -> CivilDate {
    let ms = js_sys::Date::now() + 8.0 * 3_600_000.0;
    civil_from_days((ms / 86_400_000.0).floor() as i64)
}

/// The submission the draft stands for. Materials a department checks by data sharing are
/// always `shared_check`; an upload choice without any finished upload is left out (so the
/// engine reports the material as missing).
pub fn build_submission(
    item: &ServiceItem,
    draft: &crate::draft::Draft,
    lang: Lang,
) -> portal_core::submission::ApplicationSubmission {
    use crate::draft::MaterialChoice;
    use portal_core::submission::{ApplicationSubmission, MaterialProvision, ProvisionKind};
    let materials = portal_core::situation::materials_for(item, &draft.situation)
        .into_iter()
        .filter_map(|(idx, material)| {
            let kind = if material.shared_check {
                ProvisionKind::SharedCheck
            } else {
                match draft.materials.get(&idx)? {
                    MaterialChoice::Upload { files } => {
                        let upload_ids: Vec<String> = files
                            .iter()
                            .filter(|f| !f.upload_id.is_empty())
                            .map(|f| f.upload_id.clone())
                            .collect();
                        if upload_ids.is_empty() {
                            return None;
                        }
                        ProvisionKind::Uploaded { upload_ids }
                    }
                    MaterialChoice::Commitment { agreed } => {
                        ProvisionKind::Commitment { agreed: *agreed }
                    }
                    MaterialChoice::Deferred => ProvisionKind::Deferred,
                }
            };
            Some(MaterialProvision {
                material: idx,
                kind,
            })
        })
        .collect();
    ApplicationSubmission {
        item_code: item.code.clone(),
        situation: draft.situation.clone(),
        answers: draft.answers.clone(),
        materials,
        confirmed_warnings: draft.confirmed_warnings.clone(),
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_become_dates() {
        assert_eq!(civil_from_days(0), CivilDate::new(1970, 1, 1).unwrap());
        assert_eq!(civil_from_days(-1), CivilDate::new(1969, 12, 31).unwrap());
        assert_eq!(
            civil_from_days(19_782),
            CivilDate::new(2024, 2, 29).unwrap()
        );
        assert_eq!(civil_from_days(20_454), CivilDate::new(2026, 1, 1).unwrap());
    }

    #[test]
    fn pages_run_steps_then_materials_then_check() {
        let form: FormDefinition = serde_json::from_str(
            r#"{"item_code":"X","steps":[
              {"id":"a","title":{"zh":"甲","en":"A"},"fields":[{"id":"agent","label":{"zh":"代办","en":"Agent"},"kind":{"type":"yes_no"}}]},
              {"id":"b","title":{"zh":"乙","en":"B"},"show_if":{"op":"is_yes","field":"agent"},
               "fields":[{"id":"fam","label":{"zh":"家庭成员","en":"Family member"},"kind":{"type":"group","fields":[{"id":"name","label":{"zh":"姓名","en":"Name"},"kind":{"type":"text"}}]}}]}]}"#,
        )
        .unwrap();
        let mut answers = Answers::new();
        assert_eq!(page_order(&form, &answers), ["a", "materials", "check"]);
        answers.insert("agent".into(), portal_core::form::Answer::Bool(true));
        assert_eq!(position(&form, &answers, "b"), Some((2, 4)));
        assert_eq!(
            neighbours(&form, &answers, "a"),
            ("intro".to_owned(), "b".to_owned())
        );
        assert_eq!(page_of_path(&form, "fam-1-name"), "b");
        assert_eq!(page_of_path(&form, "material-2"), "materials");
        assert_eq!(page_url("X", "b"), "/items/X/apply/step/b");
        let item = portal_core::synth::synthetic_items(1).remove(0);
        assert_eq!(
            label_for_path(&form, &item, "fam-1-name", Lang::Zh),
            "家庭成员 2 的姓名"
        );
        assert_eq!(
            label_for_path(&form, &item, "fam-1-name", Lang::En),
            "Name (family member 2)"
        );
    }
}
