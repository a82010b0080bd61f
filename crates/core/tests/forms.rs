//! Every form in data/forms checks against its catalog item, and real answer sets, situations and
//! submissions go through the one engine.

use std::path::PathBuf;

use portal_core::date::CivilDate;
use portal_core::form::*;
use portal_core::situation::*;
use portal_core::submission::*;
use portal_core::*;
use serde_json::json;

const TODAY: CivilDate = CivilDate {
    y: 2025,
    m: 6,
    d: 1,
};
const NO_CRIME: &str = "11500103009302116520017302400001";
const RESIDENCE: &str = "11500103009302116507017300600001";
const CIVIL_CASE: &str = "11500103009304759320090100100001";
const LEGAL_AID: &str = "11500103009301789G04017400100001";
const MEDIATION: &str = "11500103009301789G20017400400001";
const HOTLINE: &str = "11500103009301276R20017401700001";
const REPORT_12309: &str = "11500103009305567R20090200100001";
const ID_RENEW: &str = "11500103009302116507017300800001";
const ID_REPLACE: &str = "11500103009302116507017300900001";
const PASSPORT: &str = "11500103009302116500017301900001";
const MOVE_FAMILY: &str = "11500103009302116500017300200001";
const MOVE_TALENT: &str = "11500103009302116500017300300001";
const MOVE_HOME: &str = "11500103009302116500017300400001";
const NOTARY: &str = "12500103450392687E20017400200001";
const LICENCE_RENEW: &str = "11500000450411387D00017301300001";
const TRANSFER: &str = "11500000450411387D00017301600001";
const HUKOU_PROOF: &str = "11500103009302116520017300500001";
const ENFORCEMENT: &str = "11500103009304759320090100300001";

#[path = "forms/behaviour.rs"]
mod behaviour;
#[path = "forms/coverage.rs"]
mod coverage;

fn json_files(dir: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn catalog() -> Vec<ServiceItem> {
    json_files("catalog")
        .iter()
        .flat_map(|p| {
            serde_json::from_str::<Vec<ServiceItem>>(&std::fs::read_to_string(p).unwrap()).unwrap()
        })
        .collect()
}

fn forms() -> Vec<(PathBuf, FormDefinition)> {
    json_files("forms")
        .into_iter()
        .map(|p| {
            let def: FormDefinition = serde_json::from_str(&std::fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, def)
        })
        .collect()
}

fn form(code: &str) -> FormDefinition {
    forms()
        .into_iter()
        .find(|(_, d)| d.item_code == code)
        .unwrap()
        .1
}

fn item(code: &str) -> ServiceItem {
    catalog().into_iter().find(|i| i.code == code).unwrap()
}

/// A valid answer for every field, built from the definition alone (so any new form is covered).
fn sample_answer(field: &Field) -> Answer {
    let text = |s: &str| Answer::Text(s.to_owned());
    match &field.kind {
        FieldKind::Text { .. } | FieldKind::Textarea { .. } | FieldKind::Address => text("测试"),
        FieldKind::Number { min, .. } => Answer::Number(min.unwrap_or(1.0)),
        FieldKind::Date { .. } => text("2025-06-01"),
        FieldKind::Choice { options } => text(&options[0].value),
        FieldKind::MultiChoice { options, min, .. } => Answer::List(
            options
                .iter()
                .take(min.unwrap_or(1).max(1) as usize)
                .map(|o| o.value.clone())
                .collect(),
        ),
        FieldKind::YesNo => Answer::Bool(true),
        FieldKind::IdCard => text("11010519491231002X"),
        FieldKind::CreditCode => text("91350100M000100Y43"),
        FieldKind::Mobile => text("13800138000"),
        FieldKind::Email => text("zhang@example.cn"),
        FieldKind::Region => Answer::Region(RegionAnswer {
            province: "500000".into(),
            city: "500100".into(),
            district: "500103".into(),
        }),
        FieldKind::Files { .. } => Answer::Files(vec![FileRef {
            upload_id: "u1".into(),
            name: "scan.pdf".into(),
            size: 1000,
            mime: "application/pdf".into(),
        }]),
        FieldKind::Group { fields, min, .. } => Answer::Group(
            (0..min.unwrap_or(1).max(1))
                .map(|_| {
                    fields
                        .iter()
                        .map(|f| (f.id.clone(), sample_answer(f)))
                        .collect()
                })
                .collect(),
        ),
    }
}

fn sample_answers(def: &FormDefinition) -> Answers {
    def.steps
        .iter()
        .flat_map(|s| &s.fields)
        .map(|f| (f.id.clone(), sample_answer(f)))
        .collect()
}

#[test]
fn every_form_matches_its_item_and_takes_a_valid_and_an_invalid_answer_set() {
    let items = catalog();
    let all = forms();
    assert!(all.len() >= 15);
    for (path, def) in &all {
        let name = path.file_stem().unwrap().to_str().unwrap();
        assert_eq!(name, def.item_code, "file name is the item code");
        let item = items.iter().find(|i| i.code == def.item_code);
        let issues = validate_form_definition(def, item);
        assert!(issues.is_empty(), "{}: {issues:?}", path.display());

        let answers = sample_answers(def);
        assert_eq!(
            validate_answers(def, &answers, &[], TODAY),
            vec![],
            "{name}"
        );
        assert!(!summary(def, &answers, Lang::Zh).is_empty());

        // Every required top-level field of the first step, left out, is reported as required.
        let first = &def.steps[0];
        let mut blank = answers.clone();
        blank.retain(|k, _| !first.fields.iter().any(|f| &f.id == k));
        let issues = validate_answers(def, &blank, &[], TODAY);
        let required: Vec<&str> = first
            .fields
            .iter()
            .filter(|f| !f.optional && f.show_if.is_none())
            .map(|f| f.id.as_str())
            .collect();
        for id in required {
            assert!(
                issues
                    .iter()
                    .any(|i| i.path == id && i.code == IssueCode::Required),
                "{name}: {id}"
            );
        }
    }
}

#[test]
fn residence_permit_with_two_family_members() {
    let def = form(RESIDENCE);
    let mut answers = sample_answers(&def);
    let family: Answer = serde_json::from_value(json!([
        {"name": "李四", "relation": "spouse", "id_number": "11010519491231002X"},
        {"name": "李小四", "relation": "child", "id_number": "11010519491231002x"}
    ]))
    .unwrap();
    answers.insert("family".into(), family);
    assert_eq!(validate_answers(&def, &answers, &[], TODAY), vec![]);
    let rows = summary(&def, &answers, Lang::Zh);
    assert!(rows.iter().any(|r| r.field_path == "family-1-relation"
        && r.value_text == "子女"
        && r.label == "家庭成员 2 · 与申请人关系"));

    let bad: Answer = serde_json::from_value(json!([
        {"name": "李四", "relation": "spouse", "id_number": "110105194912310021"},
        {"name": "", "relation": "cousin", "id_number": "11010519491231002X"}
    ]))
    .unwrap();
    answers.insert("family".into(), bad);
    let got: Vec<(String, IssueCode)> = validate_answers(&def, &answers, &[], TODAY)
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect();
    assert_eq!(
        got,
        vec![
            ("family-0-id_number".into(), IssueCode::IdCardChecksum),
            ("family-1-name".into(), IssueCode::Required),
            ("family-1-relation".into(), IssueCode::UnknownOption),
        ]
    );
}

#[test]
fn civil_case_with_a_legal_person_party() {
    let def = form(CIVIL_CASE);
    let mut answers = sample_answers(&def);
    let defendants: Answer = serde_json::from_value(json!([
        {"party_type": "organisation", "name": "某某有限公司", "credit_code": "91350100M000100Y43",
         "representative": "王五", "address": "重庆市渝中区某路 1 号"},
        {"party_type": "person", "name": "赵六", "address": "重庆市江北区某路 2 号"}
    ]))
    .unwrap();
    answers.insert("defendants".into(), defendants);
    assert_eq!(validate_answers(&def, &answers, &[], TODAY), vec![]);

    // A credit code failing its check is a warning; confirmed, it passes.
    let pilot: Answer = serde_json::from_value(json!([
        {"party_type": "organisation", "name": "某某有限公司", "credit_code": "91350100M000100Y44",
         "representative": "王五", "address": "重庆市渝中区某路 1 号"}
    ]))
    .unwrap();
    answers.insert("defendants".into(), pilot);
    let issues = validate_answers(&def, &answers, &[], TODAY);
    assert_eq!(issues.len(), 1);
    assert_eq!(
        (issues[0].path.as_str(), issues[0].severity),
        ("defendants-0-credit_code", Severity::Warning)
    );
    assert_eq!(
        validate_answers(&def, &answers, &["defendants-0-credit_code".into()], TODAY),
        vec![]
    );

    // A plaintiff organisation must give its credit code.
    let plaintiff: Answer = serde_json::from_value(json!([
        {"party_type": "organisation", "name": "某某有限公司", "representative": "王五",
         "address": "重庆市渝中区某路 1 号", "mobile": "13800138000"}
    ]))
    .unwrap();
    answers.insert("plaintiffs".into(), plaintiff);
    let issues = validate_answers(&def, &answers, &["defendants-0-credit_code".into()], TODAY);
    assert_eq!(
        issues,
        vec![FieldIssue::new(
            "plaintiffs-0-credit_code",
            IssueCode::Required
        )]
    );
}

#[test]
fn situations_choose_the_materials() {
    let item = item(NO_CRIME);
    let names = |answers: &SituationAnswers| {
        materials_for(&item, answers)
            .into_iter()
            .map(|(_, m)| m.name.clone())
            .collect::<Vec<_>>()
    };
    let me = SituationAnswers::from([("applicant".into(), "self".into())]);
    let agent = SituationAnswers::from([("applicant".into(), "agent".into())]);
    assert_eq!(names(&me), ["居民身份证"]);
    assert_eq!(names(&agent), ["居民身份证", "委托书及受托人居民身份证"]);
    assert!(situation_complete(&item, &me));
    assert_eq!(
        check_situation_answers(&item, &SituationAnswers::new()),
        vec![FieldIssue::new("situation-applicant", IssueCode::Required)]
    );
    let odd =
        SituationAnswers::from([("applicant".into(), "cat".into()), ("x".into(), "y".into())]);
    assert_eq!(
        check_situation_answers(&item, &odd),
        vec![
            FieldIssue::new("situation-applicant", IssueCode::UnknownOption),
            FieldIssue::new("situation-x", IssueCode::UnknownField)
        ]
    );

    let residence = item_names(RESIDENCE, &[("kind", "renew"), ("basis", "work")]);
    assert_eq!(residence, ["居民身份证", "本人相片"]);
    let first = item_names(RESIDENCE, &[("kind", "first"), ("basis", "work")]);
    assert_eq!(
        first,
        ["居民身份证", "本人相片", "居住地住址证明", "就业或就读证明"]
    );
    let first_home = item_names(RESIDENCE, &[("kind", "first"), ("basis", "residence")]);
    assert_eq!(first_home, ["居民身份证", "本人相片", "居住地住址证明"]);
}

fn situation(pairs: &[(&str, &str)]) -> SituationAnswers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn item_names(code: &str, pairs: &[(&str, &str)]) -> Vec<String> {
    materials_for(&item(code), &situation(pairs))
        .into_iter()
        .map(|(_, m)| m.name.clone())
        .collect()
}

#[test]
fn situation_rules_in_data_are_checked() {
    let mut item = item(NO_CRIME);
    assert_eq!(validate_situations(&item), vec![]);
    item.materials[1].when[0].values = vec!["robot".into()];
    item.materials[1].shared_check = true;
    item.situations[0].options.truncate(1);
    let fields: Vec<String> = validate_situations(&item)
        .into_iter()
        .map(|i| i.field)
        .collect();
    assert_eq!(
        fields,
        [
            "situations.applicant",
            "materials.1.when",
            "materials.1.shared_check"
        ]
    );
    item.materials[1].when[0].question = "nobody".into();
    assert!(validate_situations(&item)
        .iter()
        .any(|i| i.message.contains("不存在的问题")));
}

fn submission(
    code: &str,
    situation: &[(&str, &str)],
    materials: serde_json::Value,
) -> ApplicationSubmission {
    let def = form(code);
    serde_json::from_value(json!({
        "item_code": code,
        "situation": situation.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<std::collections::BTreeMap<_, _>>(),
        "answers": sample_answers(&def),
        "materials": materials,
        "lang": "zh"
    }))
    .unwrap()
}

fn check(code: &str, sub: &ApplicationSubmission) -> Vec<(String, IssueCode)> {
    validate_submission(&item(code), &form(code), sub, TODAY)
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect()
}

#[test]
fn submissions_provide_each_material_in_an_allowed_way() {
    let up = |ids: &[&str]| json!({"type": "uploaded", "upload_ids": ids});
    // Residence permit, first application on work: id by sharing, photo, commitment for the address proof.
    let ok = submission(
        RESIDENCE,
        &[("kind", "first"), ("basis", "work")],
        json!([
            {"material": 0, "kind": {"type": "shared_check"}},
            {"material": 1, "kind": up(&["p1"])},
            {"material": 2, "kind": {"type": "commitment", "agreed": true}},
            {"material": 3, "kind": up(&["w1", "w2"])}
        ]),
    );
    assert_eq!(check(RESIDENCE, &ok), vec![]);
    assert_eq!(ok.materials[2].kind.trust_level(), Some(TrustLevel::D));
    assert_eq!(ok.materials[1].kind.trust_level(), Some(TrustLevel::C));
    assert_eq!(ok.materials[0].kind.trust_level(), Some(TrustLevel::A));

    let bad = submission(
        RESIDENCE,
        &[("kind", "renew"), ("basis", "work")],
        json!([
            {"material": 0, "kind": {"type": "deferred"}},
            {"material": 1, "kind": {"type": "commitment", "agreed": true}},
            {"material": 1, "kind": up(&["p1"])},
            {"material": 3, "kind": up(&["w1"])}
        ]),
    );
    assert_eq!(
        check(RESIDENCE, &bad),
        vec![
            ("material-0".into(), IssueCode::DeferNotAllowed),
            ("material-1".into(), IssueCode::CommitmentNotAllowed),
            ("material-1".into(), IssueCode::MaterialDuplicate),
            ("material-3".into(), IssueCode::MaterialNotApplicable),
        ]
    );

    let missing = submission(
        NO_CRIME,
        &[("applicant", "agent")],
        json!([
            {"material": 0, "kind": up(&[])}
        ]),
    );
    assert_eq!(
        check(NO_CRIME, &missing),
        vec![
            ("material-0".into(), IssueCode::MaterialMissing),
            ("material-1".into(), IssueCode::MaterialMissing)
        ]
    );

    let mut unagreed = ok.clone();
    unagreed.materials[2].kind = ProvisionKind::Commitment { agreed: false };
    unagreed.situation.clear();
    unagreed.item_code = NO_CRIME.into();
    let got = check(RESIDENCE, &unagreed);
    assert!(got.contains(&("item_code".into(), IssueCode::ItemMismatch)));
    assert!(got.contains(&("situation-kind".into(), IssueCode::Required)));
    assert!(
        got.contains(&("material-2".into(), IssueCode::MaterialNotApplicable)),
        "{got:?}"
    );
}

#[test]
fn submission_json_refuses_extra_fields_and_reads_plainly() {
    let sub = submission(
        NO_CRIME,
        &[("applicant", "self")],
        json!([{"material": 0, "kind": {"type": "shared_check"}}]),
    );
    let mut value = serde_json::to_value(&sub).unwrap();
    assert_eq!(
        value["materials"][0],
        json!({"material": 0, "kind": {"type": "shared_check"}})
    );
    value["extra"] = json!(1);
    assert!(serde_json::from_value::<ApplicationSubmission>(value).is_err());
    assert_eq!(check(NO_CRIME, &sub), vec![]);
}
