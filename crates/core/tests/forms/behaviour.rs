//! The conditions and groups of particular seed forms behave as a citizen would expect.

use super::*;

fn issues(def: &FormDefinition, answers: &Answers) -> Vec<(String, IssueCode)> {
    validate_answers(def, answers, &[], TODAY)
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect()
}

/// The sample answers of a form with some replaced (`null` removes one).
fn answers_with(def: &FormDefinition, changes: serde_json::Value) -> Answers {
    let mut a = sample_answers(def);
    for (k, v) in changes.as_object().unwrap() {
        if v.is_null() {
            a.remove(k);
        } else {
            a.insert(k.clone(), serde_json::from_value(v.clone()).unwrap());
        }
    }
    a
}

fn required(path: &str) -> Vec<(String, IssueCode)> {
    vec![(path.to_owned(), IssueCode::Required)]
}

#[test]
fn legal_aid_asks_the_exemption_ground_only_when_exempt() {
    let def = form(LEGAL_AID);
    let exempt = answers_with(&def, json!({"exempt": true, "exempt_kind": null}));
    assert_eq!(issues(&def, &exempt), required("exempt_kind"));
    let not_exempt = answers_with(&def, json!({"exempt": false, "exempt_kind": null}));
    assert_eq!(issues(&def, &not_exempt), vec![]);
    let other = answers_with(&def, json!({"case_type": "other", "case_type_other": null}));
    assert_eq!(issues(&def, &other), required("case_type_other"));
    let none = answers_with(&def, json!({"aid_forms": []}));
    assert_eq!(
        issues(&def, &none),
        vec![("aid_forms".to_owned(), IssueCode::Required)]
    );
    // The proxy's page is a step of its own, shown only for a proxy.
    let steps = |a: &Answers| -> Vec<String> {
        visible_steps(&def, a)
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    assert!(steps(&sample_answers(&def)).contains(&"proxy".to_owned()));
    let alone = answers_with(&def, json!({"by_proxy": false}));
    assert_eq!(steps(&alone), ["applicant", "matter", "economy"]);
}

#[test]
fn legal_aid_takes_a_commitment_instead_of_the_hardship_proof() {
    let sub = |exempt: &str, materials: serde_json::Value| {
        submission(
            LEGAL_AID,
            &[("applicant", "self"), ("exempt", exempt)],
            materials,
        )
    };
    let up = json!({"type": "uploaded", "upload_ids": ["f1"]});
    let ok = sub(
        "no",
        json!([
            {"material": 0, "kind": up},
            {"material": 1, "kind": {"type": "shared_check"}},
            {"material": 2, "kind": {"type": "commitment", "agreed": true}},
            {"material": 4, "kind": {"type": "deferred"}}
        ]),
    );
    assert_eq!(check(LEGAL_AID, &ok), vec![]);
    assert_eq!(ok.materials[2].kind.trust_level(), Some(TrustLevel::D));
    // Exempt applicants do not state their hardship at all.
    let exempt = sub(
        "yes",
        ok.materials
            .iter()
            .map(|m| serde_json::to_value(m).unwrap())
            .collect(),
    );
    assert_eq!(
        check(LEGAL_AID, &exempt),
        vec![("material-2".to_owned(), IssueCode::MaterialNotApplicable)]
    );
}

#[test]
fn household_move_asks_what_fits_the_relationship() {
    let def = form(MOVE_FAMILY);
    let spouse = answers_with(&def, json!({"relation": "spouse", "marriage_date": null}));
    assert_eq!(issues(&def, &spouse), required("marriage_date"));
    let child = answers_with(
        &def,
        json!({"relation": "child", "marriage_date": null, "parent_eligible": null,
               "hukou_shows_relation": null}),
    );
    assert_eq!(issues(&def, &child), required("hukou_shows_relation"));
    let movers = answers_with(
        &def,
        json!({"movers": [{"name": "王小明", "relation": "child", "id_number": "11010519491231002X"},
                          {"name": "王芳", "relation": "cousin", "id_number": "11010519491231002X"}]}),
    );
    assert_eq!(
        issues(&def, &movers),
        vec![("movers-1-relation".to_owned(), IssueCode::UnknownOption)]
    );
}

#[test]
fn passport_conditions_follow_the_kind_of_application() {
    let def = form(PASSPORT);
    let renew = answers_with(&def, json!({"kind": "renew", "old_passport_no": null}));
    assert_eq!(issues(&def, &renew), required("old_passport_no"));
    let replace = answers_with(
        &def,
        json!({"kind": "replace", "old_passport_no": null, "lost_date": null}),
    );
    assert_eq!(issues(&def, &replace), required("lost_date"));
    let adult = answers_with(&def, json!({"is_minor": false, "guardian_name": null}));
    assert!(!visible_steps(&def, &adult)
        .iter()
        .any(|s| s.id == "guardian"));
    assert_eq!(issues(&def, &adult), vec![]);
    let minor = answers_with(&def, json!({"guardian_name": null}));
    assert_eq!(issues(&def, &minor), required("guardian_name"));
}

#[test]
fn party_groups_take_people_and_organisations() {
    for (code, group) in [
        (NOTARY, "parties"),
        (MEDIATION, "applicants"),
        (ENFORCEMENT, "respondents"),
    ] {
        let def = form(code);
        let rows = json!([
            {"party_type": "person", "name": "张三", "id_number": "11010519491231002X",
             "mobile": "13800138000", "address": "渝中区解放碑 1 号"},
            {"party_type": "organisation", "name": "某某有限公司", "representative": "李四",
             "mobile": "13800138000", "address": "渝中区民族路 2 号"}
        ]);
        let a = answers_with(&def, json!({ group: rows }));
        assert_eq!(
            issues(&def, &a),
            required(&format!("{group}-1-credit_code")),
            "{code}"
        );
        let rows = json!([{"party_type": "organisation", "name": "某某有限公司",
            "credit_code": "91350100M000100Y44", "representative": "李四",
            "mobile": "13800138000", "address": "渝中区民族路 2 号"}]);
        let issues = validate_answers(
            &def,
            &answers_with(&def, json!({ group: rows })),
            &[],
            TODAY,
        );
        assert_eq!(issues.len(), 1, "{code}");
        assert_eq!(
            issues[0].severity,
            Severity::Warning,
            "a failed check digit can be confirmed"
        );
    }
    // The other side's contact details may be unknown; the applicant's may not.
    let def = form(MEDIATION);
    let row = json!([{"party_type": "person", "name": "张三", "id_number": "11010519491231002X"}]);
    let a = answers_with(&def, json!({"applicants": row, "respondents": row}));
    assert_eq!(
        issues(&def, &a),
        vec![
            ("applicants-0-mobile".to_owned(), IssueCode::Required),
            ("applicants-0-address".to_owned(), IssueCode::Required)
        ]
    );
}

#[test]
fn vehicle_transfer_to_an_organisation_needs_its_credit_code() {
    let def = form(TRANSFER);
    let org = answers_with(
        &def,
        json!({"owner_type": "organisation", "owner_credit_code": null, "handler_name": null}),
    );
    assert_eq!(
        issues(&def, &org),
        vec![
            ("owner_credit_code".to_owned(), IssueCode::Required),
            ("handler_name".to_owned(), IssueCode::Required)
        ]
    );
    let person = answers_with(
        &def,
        json!({"owner_type": "person", "owner_credit_code": "x"}),
    );
    assert_eq!(issues(&def, &person), vec![], "the hidden code is ignored");
}

#[test]
fn hotline_and_procuratorate_reports_may_be_anonymous() {
    let def = form(HOTLINE);
    let quiet = answers_with(
        &def,
        json!({"wants_reply": false, "mobile": null, "contact_name": null}),
    );
    assert_eq!(issues(&def, &quiet), vec![]);
    let reply = answers_with(&def, json!({"wants_reply": true, "mobile": null}));
    assert_eq!(issues(&def, &reply), required("mobile"));

    let def = form(REPORT_12309);
    let anonymous = answers_with(
        &def,
        json!({"real_name": false, "name": null, "id_number": null, "mobile": null}),
    );
    assert_eq!(issues(&def, &anonymous), vec![]);
    let named = answers_with(&def, json!({"real_name": true, "mobile": null}));
    assert_eq!(issues(&def, &named), required("mobile"));
}
