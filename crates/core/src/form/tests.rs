//! The engine's rules, field kind by field kind, on a small form written as JSON like the data.

use serde_json::json;

use super::*;
use crate::date::CivilDate;
use crate::lang::Lang;

const TODAY: CivilDate = CivilDate {
    y: 2025,
    m: 6,
    d: 1,
};

fn def() -> FormDefinition {
    let t = |zh: &str, en: &str| json!({"zh": zh, "en": en});
    serde_json::from_value(json!({
        "item_code": "X1",
        "steps": [
            {"id": "who", "title": t("申请人", "Applicant"), "fields": [
                {"id": "name", "label": t("姓名", "Full name"), "kind": {"type": "text", "max_len": 4}},
                {"id": "note", "label": t("说明", "Notes"), "optional": true, "kind": {"type": "textarea", "max_len": 5}},
                {"id": "people", "label": t("人数", "People"), "kind": {"type": "number", "min": 1, "max": 9, "integer": true}},
                {"id": "born", "label": t("出生日期", "Birth date"), "kind": {"type": "date", "past_only": true}},
                {"id": "visit", "label": t("预约日期", "Visit date"), "optional": true, "kind": {"type": "date", "future_only": true}},
                {"id": "purpose", "label": t("用途", "Purpose"), "kind": {"type": "choice", "options": [
                    {"value": "work", "label": t("就业", "Work")}, {"value": "study", "label": t("出国留学", "Study")}]}},
                {"id": "langs", "label": t("语言", "Languages"), "optional": true, "kind": {"type": "multi_choice", "min": 1, "max": 2, "options": [
                    {"value": "zh", "label": t("中文", "Chinese")}, {"value": "en", "label": t("英文", "English")}, {"value": "fr", "label": t("法文", "French")}]}},
                {"id": "school", "label": t("学校", "School"), "show_if": {"op": "equals", "field": "purpose", "value": "study"}, "kind": {"type": "text"}},
                {"id": "agent", "label": t("委托他人", "Agent"), "kind": {"type": "yes_no"}},
                {"id": "agent_phone", "label": t("代理人手机", "Agent's mobile"), "optional": true,
                 "require_if": {"op": "is_yes", "field": "agent"}, "kind": {"type": "mobile"}},
                {"id": "id_number", "label": t("身份证号", "ID number"), "kind": {"type": "id_card"}},
                {"id": "email", "label": t("邮箱", "Email"), "optional": true, "kind": {"type": "email"}},
                {"id": "home", "label": t("居住地", "Home"), "kind": {"type": "region"}},
                {"id": "street", "label": t("详细地址", "Street"), "kind": {"type": "address"}},
                {"id": "scans", "label": t("附件", "Scans"), "optional": true, "kind": {"type": "files", "max_files": 2}}
            ]},
            {"id": "parties", "title": t("当事人", "Parties"), "fields": [
                {"id": "party", "label": t("当事人", "Party"), "kind": {"type": "group", "min": 1, "max": 2, "fields": [
                    {"id": "type", "label": t("类型", "Type"), "kind": {"type": "choice", "options": [
                        {"value": "person", "label": t("自然人", "Person")}, {"value": "org", "label": t("法人", "Organisation")}]}},
                    {"id": "id_number", "label": t("身份证号", "ID number"), "show_if": {"op": "equals", "field": "type", "value": "person"}, "kind": {"type": "id_card"}},
                    {"id": "credit_code", "label": t("统一社会信用代码", "Credit code"), "show_if": {"op": "equals", "field": "type", "value": "org"}, "kind": {"type": "credit_code"}}
                ]}}
            ]},
            {"id": "study", "title": t("留学信息", "Study"), "show_if": {"op": "one_of", "field": "purpose", "values": ["study"]}, "fields": [
                {"id": "country", "label": t("国家", "Country"), "kind": {"type": "text"}}
            ]}
        ]
    }))
    .expect("test form parses")
}

fn good() -> Answers {
    serde_json::from_value(json!({
        "name": "张三", "people": 2, "born": "1990-01-31", "purpose": "work", "agent": false,
        "id_number": "11010519491231002x", "home": {"province": "500000", "city": "500100", "district": "500103"},
        "street": "解放碑街道 1 号",
        "party": [{"type": "person", "id_number": "11010519491231002X"}, {"type": "org", "credit_code": "91350100M000100Y43"}]
    }))
    .unwrap()
}

fn with(pairs: serde_json::Value) -> Answers {
    let mut a = good();
    for (k, v) in pairs.as_object().unwrap() {
        if v.is_null() {
            a.remove(k);
        } else {
            a.insert(k.clone(), serde_json::from_value(v.clone()).unwrap());
        }
    }
    a
}

fn codes(answers: &Answers) -> Vec<(String, IssueCode)> {
    validate_answers(&def(), answers, &[], TODAY)
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect()
}

fn one(path: &str, code: IssueCode) -> Vec<(String, IssueCode)> {
    vec![(path.to_owned(), code)]
}

#[test]
fn a_good_answer_set_passes_and_the_definition_is_sound() {
    assert_eq!(codes(&good()), vec![]);
    let item = crate::synth::synthetic_items(1).remove(0);
    let mut d = def();
    d.item_code = item.code.clone();
    let issues = validate_form_definition(&d, Some(&item));
    assert!(
        issues
            .iter()
            .all(|i| i.field == "item_code" && i.message.contains("网办深度")),
        "{issues:?}"
    );
}

#[test]
fn required_fields_and_blank_text() {
    assert_eq!(
        codes(&with(json!({"name": null}))),
        one("name", IssueCode::Required)
    );
    assert_eq!(
        codes(&with(json!({"name": "   "}))),
        one("name", IssueCode::Required)
    );
    assert_eq!(
        codes(&with(json!({"note": ""}))),
        vec![],
        "optional may stay blank"
    );
}

#[test]
fn text_textarea_and_address_lengths_count_characters() {
    assert_eq!(codes(&with(json!({"name": "欧阳娜娜"}))), vec![]);
    assert_eq!(
        codes(&with(json!({"name": "欧阳娜娜娜"}))),
        one("name", IssueCode::TooLong { max: 4 })
    );
    assert_eq!(
        codes(&with(json!({"note": "123456"}))),
        one("note", IssueCode::TooLong { max: 5 })
    );
    let long = "路".repeat(201);
    assert_eq!(
        codes(&with(json!({"street": long}))),
        one("street", IssueCode::TooLong { max: 200 })
    );
    assert_eq!(
        codes(&with(json!({"name": 5}))),
        one("name", IssueCode::WrongType)
    );
}

#[test]
fn numbers_respect_range_and_whole_numbers() {
    let range = IssueCode::NumberRange {
        min: Some(1.0),
        max: Some(9.0),
    };
    assert_eq!(
        codes(&with(json!({"people": 0}))),
        one("people", range.clone())
    );
    assert_eq!(codes(&with(json!({"people": 10}))), one("people", range));
    assert_eq!(
        codes(&with(json!({"people": 2.5}))),
        one("people", IssueCode::NotWholeNumber)
    );
    assert_eq!(
        codes(&with(json!({"people": "2"}))),
        one("people", IssueCode::WrongType)
    );
}

#[test]
fn dates_are_real_and_on_the_right_side_of_today() {
    assert_eq!(
        codes(&with(json!({"born": "1990-02-30"}))),
        one("born", IssueCode::DateFormat)
    );
    assert_eq!(
        codes(&with(json!({"born": "2025-06-02"}))),
        one("born", IssueCode::DateInFuture)
    );
    assert_eq!(
        codes(&with(json!({"born": "2025-06-01"}))),
        vec![],
        "today is not future"
    );
    assert_eq!(
        codes(&with(json!({"visit": "2025-05-31"}))),
        one("visit", IssueCode::DateInPast)
    );
    assert_eq!(codes(&with(json!({"visit": "2025-06-01"}))), vec![]);
}

#[test]
fn choices_accept_listed_options_only() {
    assert_eq!(
        codes(&with(json!({"purpose": "fun"}))),
        one("purpose", IssueCode::UnknownOption)
    );
    assert_eq!(codes(&with(json!({"langs": ["zh", "en"]}))), vec![]);
    assert_eq!(
        codes(&with(json!({"langs": ["zh", "xx"]}))),
        one("langs", IssueCode::UnknownOption)
    );
    assert_eq!(
        codes(&with(json!({"langs": ["zh", "zh"]}))),
        one("langs", IssueCode::UnknownOption)
    );
    assert_eq!(
        codes(&with(json!({"langs": ["zh", "en", "fr"]}))),
        one("langs", IssueCode::TooManyChoices { max: 2 })
    );
    assert_eq!(
        codes(&with(json!({"agent": "yes"}))),
        one("agent", IssueCode::WrongType)
    );
}

#[test]
fn identity_fields_give_specific_codes() {
    assert_eq!(
        codes(&with(json!({"id_number": "110105194912310021"}))),
        one("id_number", IssueCode::IdCardChecksum)
    );
    assert_eq!(
        codes(&with(json!({"id_number": "1101051949"}))),
        one("id_number", IssueCode::IdCardLength)
    );
    assert_eq!(
        codes(&with(json!({"email": "a@b"}))),
        one("email", IssueCode::EmailFormat)
    );
    assert_eq!(
        codes(&with(json!({"agent": true, "agent_phone": "1234"}))),
        one("agent_phone", IssueCode::MobileFormat)
    );
}

#[test]
fn regions_must_nest() {
    let bad = json!({"home": {"province": "510000", "city": "500100", "district": "500103"}});
    assert_eq!(codes(&with(bad)), one("home", IssueCode::UnknownRegion));
    assert_eq!(
        codes(&with(json!({"home": "重庆"}))),
        one("home", IssueCode::WrongType)
    );
}

#[test]
fn files_count_size_and_type() {
    let f = |mime: &str, size: u64| json!({"upload_id": "u1", "name": "a.pdf", "size": size, "mime": mime});
    assert_eq!(
        codes(&with(json!({"scans": [f("application/pdf", 10)]}))),
        vec![]
    );
    let three = json!({"scans": [f("image/png", 1), f("image/png", 1), f("image/png", 1)]});
    assert_eq!(
        codes(&with(three)),
        one("scans", IssueCode::TooManyFiles { max: 2 })
    );
    assert_eq!(
        codes(&with(json!({"scans": [f("image/gif", 1)]}))),
        one("scans", IssueCode::FileType)
    );
    let big = json!({"scans": [f("image/png", 10 * 1024 * 1024 + 1)]});
    assert_eq!(
        codes(&with(big)),
        one("scans", IssueCode::FileTooLarge { max_mb: 10 })
    );
}

#[test]
fn conditions_show_and_require_fields() {
    // `school` shows only for study; then it is required.
    let study = with(json!({"purpose": "study", "country": "法国"}));
    assert_eq!(codes(&study), one("school", IssueCode::Required));
    // A hidden field's answer is ignored and pruned.
    let hidden = with(json!({"school": "x".repeat(500)}));
    assert_eq!(codes(&hidden), vec![]);
    assert!(!prune_hidden(&def(), &hidden).contains_key("school"));
    // require_if: the agent's mobile is needed only with an agent.
    assert_eq!(
        codes(&with(json!({"agent": true}))),
        one("agent_phone", IssueCode::Required)
    );
    assert_eq!(
        codes(&with(json!({"agent": true, "agent_phone": "13800138000"}))),
        vec![]
    );
}

#[test]
fn conditions_show_steps() {
    let ids = |a: &Answers| {
        visible_steps(&def(), a)
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&good()), ["who", "parties"]);
    let study = with(json!({"purpose": "study", "school": "重庆大学"}));
    assert_eq!(ids(&study), ["who", "parties", "study"]);
    assert_eq!(codes(&study), one("country", IssueCode::Required));
    let issues = validate_step(&def(), "study", &good(), &[], TODAY);
    assert_eq!(issues, vec![], "a hidden step has nothing to fix");
    let issues = validate_step(&def(), "study", &study, &[], TODAY);
    assert_eq!(issues.len(), 1);
    assert_eq!(validate_step(&def(), "who", &study, &[], TODAY), vec![]);
}

#[test]
fn groups_check_rows_with_row_conditions_and_paths() {
    let party = |rows: serde_json::Value| with(json!({"party": rows}));
    assert_eq!(codes(&party(json!([]))), one("party", IssueCode::Required));
    let row = json!({"type": "person", "id_number": "11010519491231002X"});
    let three = json!([row.clone(), row.clone(), row]);
    assert_eq!(
        codes(&party(three)),
        one("party", IssueCode::GroupTooMany { max: 2 })
    );
    // The credit code is asked of an organisation only; the person's row ignores it.
    let rows = json!([{"type": "person", "id_number": "110105194912310021", "credit_code": "bad"},
                      {"type": "org"}]);
    assert_eq!(
        codes(&party(rows)),
        vec![
            ("party-0-id_number".to_owned(), IssueCode::IdCardChecksum),
            ("party-1-credit_code".to_owned(), IssueCode::Required)
        ]
    );
}

#[test]
fn a_credit_code_checksum_is_a_warning_that_can_be_confirmed() {
    let rows = json!([{"type": "org", "credit_code": "91350100M000100Y44"}]);
    let answers = with(json!({"party": rows}));
    let issues = validate_answers(&def(), &answers, &[], TODAY);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].path, "party-0-credit_code");
    assert_eq!(issues[0].severity, Severity::Warning);
    let confirmed = ["party-0-credit_code".to_owned()];
    assert_eq!(
        validate_answers(&def(), &answers, &confirmed, TODAY),
        vec![]
    );
    // A format error cannot be confirmed away.
    let bad = with(json!({"party": [{"type": "org", "credit_code": "91350100M000100I43"}]}));
    let issues = validate_answers(&def(), &bad, &confirmed, TODAY);
    assert_eq!(issues[0].code, IssueCode::CreditCodeFormat);
}

#[test]
fn unknown_fields_are_refused() {
    let a = with(json!({"nickname": "x", "Bad Key<": "y"}));
    let got = codes(&a);
    assert!(got.contains(&("nickname".into(), IssueCode::UnknownField)));
    assert!(got.contains(&("unknown".into(), IssueCode::UnknownField)));
    let rows = json!([{"type": "person", "id_number": "11010519491231002X", "extra": 1}]);
    assert_eq!(
        codes(&with(json!({"party": rows}))),
        one("party-0-extra", IssueCode::UnknownField)
    );
    assert_eq!(
        validate_step(&def(), "nope", &good(), &[], TODAY),
        one("nope", IssueCode::UnknownField)
            .into_iter()
            .map(|(p, c)| FieldIssue::new(p, c))
            .collect::<Vec<_>>()
    );
}

#[test]
fn summary_words_answers_in_each_language() {
    let rows = summary(
        &def(),
        &with(json!({"langs": ["zh", "en"], "agent": true, "agent_phone": "13800138000"})),
        Lang::Zh,
    );
    let get = |path: &str| {
        rows.iter()
            .find(|r| r.field_path == path)
            .map(|r| (r.label.as_str(), r.value_text.as_str()))
    };
    assert_eq!(get("purpose"), Some(("用途", "就业")));
    assert_eq!(get("langs"), Some(("语言", "中文、英文")));
    assert_eq!(get("agent"), Some(("委托他人", "是")));
    assert_eq!(get("home"), Some(("居住地", "重庆市渝中区")));
    assert_eq!(get("id_number"), Some(("身份证号", "11010519491231002X")));
    assert_eq!(get("note"), Some(("说明", "未填写")));
    assert_eq!(
        get("party-1-credit_code"),
        Some(("当事人 2 · 统一社会信用代码", "91350100M000100Y43"))
    );
    assert_eq!(get("school"), None, "hidden fields are not summarised");
    assert_eq!(get("party-0-credit_code"), None);
    let en = summary(&def(), &good(), Lang::En);
    let people = en.iter().find(|r| r.field_path == "people").unwrap();
    assert_eq!(
        (
            people.label.as_str(),
            people.value_text.as_str(),
            people.step_id.as_str()
        ),
        ("People", "2", "who")
    );
    assert!(en
        .iter()
        .any(|r| r.field_path == "home" && r.value_text == "Yuzhong District, Chongqing"));
}

#[test]
fn issue_messages_are_specific_in_both_languages() {
    assert_eq!(
        IssueCode::IdCardChecksum.message(Lang::Zh, "身份证号"),
        "身份证号码校验位不正确"
    );
    assert_eq!(
        IssueCode::IdCardChecksum.message(Lang::En, "ID number"),
        "The check digit of the ID number is wrong"
    );
    assert_eq!(
        IssueCode::TooLong { max: 4 }.message(Lang::Zh, "姓名"),
        "姓名不能超过 4 个字"
    );
    let range = IssueCode::NumberRange {
        min: Some(1.0),
        max: Some(9.0),
    };
    assert_eq!(
        range.message(Lang::En, "People"),
        "People must be between 1 and 9"
    );
    let json = serde_json::to_value(FieldIssue::new(
        "party-0-credit_code",
        IssueCode::CreditCodeChecksum,
    ))
    .unwrap();
    assert_eq!(
        json,
        json!({"path": "party-0-credit_code", "code": "credit_code_checksum", "severity": "warning"})
    );
    let json =
        serde_json::to_value(FieldIssue::new("name", IssueCode::TooLong { max: 4 })).unwrap();
    assert_eq!(
        json,
        json!({"path": "name", "code": "too_long", "max": 4, "severity": "error"})
    );
}

#[test]
fn definition_checks_name_each_problem() {
    let check = |d: &FormDefinition| {
        validate_form_definition(d, None)
            .into_iter()
            .map(|i| format!("{}: {}", i.field, i.message))
            .collect::<Vec<_>>()
    };
    let base = check(&def());
    assert_eq!(base, ["item_code: 目录中没有该事项"]);
    let mut d = def();
    d.steps[0].fields[1].id = "name".into();
    d.steps[0].fields[0].label.en = " ".into();
    d.steps[2].show_if = Some(Condition::Equals {
        field: "country".into(),
        value: "x".into(),
    });
    d.steps[0].fields[7].show_if = Some(Condition::Equals {
        field: "purpose".into(),
        value: "fun".into(),
    });
    d.steps[0].fields[9].require_if = Some(Condition::IsYes {
        field: "purpose".into(),
    });
    if let FieldKind::Choice { options } = &mut d.steps[0].fields[5].kind {
        options.clear();
    }
    if let FieldKind::Group { min, max, .. } = &mut d.steps[1].fields[0].kind {
        *min = Some(3);
        *max = Some(2);
    }
    let got = check(&d);
    for expected in [
        "steps.who.name: 问题编号在表单中重复",
        "steps.who.name.label: 须有中文和英文",
        "steps.study.show_if: 条件引用的问题“country”不存在或不在此之前",
        "steps.who.school.show_if: 问题“purpose”没有选项“fun”",
        "steps.who.agent_phone.require_if: is_yes 只能用于是/否问题，“purpose”不是",
        "steps.who.purpose.kind: 选择题须有选项",
        "steps.parties.party.kind: 重复组须 min ≤ max 且 max ≥ 1",
    ] {
        assert!(
            got.iter().any(|g| g == expected),
            "missing {expected:?} in {got:#?}"
        );
    }
}
