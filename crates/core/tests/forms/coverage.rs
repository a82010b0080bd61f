//! The seed forms and situations as a whole: enough of them, every field type used, and every
//! situation question really changing what an applicant must bring.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// Every field kind the engine knows, by its JSON `type`.
const ALL_KINDS: [&str; 15] = [
    "text",
    "textarea",
    "number",
    "date",
    "choice",
    "multi_choice",
    "yes_no",
    "id_card",
    "credit_code",
    "mobile",
    "email",
    "region",
    "address",
    "group",
    "files",
];

fn kind_name(field: &Field) -> String {
    serde_json::to_value(&field.kind).unwrap()["type"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn at_least_fifteen_forms_use_every_field_type_in_two_to_five_steps() {
    let all = forms();
    assert!(all.len() >= 15, "only {} forms", all.len());
    let mut used = BTreeSet::new();
    for (path, def) in &all {
        assert!(
            (2..=5).contains(&def.steps.len()),
            "{}: {} steps",
            path.display(),
            def.steps.len()
        );
        for field in def.steps.iter().flat_map(|s| &s.fields) {
            used.insert(kind_name(field));
            if let FieldKind::Group { fields, .. } = &field.kind {
                used.extend(fields.iter().map(kind_name));
            }
        }
    }
    let missing: Vec<&str> = ALL_KINDS
        .iter()
        .copied()
        .filter(|k| !used.contains(*k))
        .collect();
    assert!(missing.is_empty(), "no form uses {missing:?}");
    assert!(used.iter().all(|k| ALL_KINDS.contains(&k.as_str())));
}

/// Every combination of answers to an item's situation questions.
fn all_answer_sets(item: &ServiceItem) -> Vec<SituationAnswers> {
    let mut sets = vec![SituationAnswers::new()];
    for q in &item.situations {
        sets = sets
            .into_iter()
            .flat_map(|set| {
                q.options.iter().map(move |o| {
                    let mut s = set.clone();
                    s.insert(q.id.clone(), o.value.clone());
                    s
                })
            })
            .collect();
    }
    sets
}

fn names(item: &ServiceItem, answers: &SituationAnswers) -> Vec<String> {
    materials_for(item, answers)
        .into_iter()
        .map(|(_, m)| m.name.clone())
        .collect()
}

#[test]
fn every_situation_question_changes_the_materials() {
    let items: Vec<ServiceItem> = catalog()
        .into_iter()
        .filter(|i| !i.situations.is_empty())
        .collect();
    assert!(
        items.len() >= 10,
        "only {} items ask situations",
        items.len()
    );
    for item in &items {
        assert!((1..=3).contains(&item.situations.len()), "{}", item.name);
        let sets = all_answer_sets(item);
        let lists: BTreeSet<Vec<String>> = sets.iter().map(|a| names(item, a)).collect();
        assert!(lists.len() >= 2, "{}: one list for all answers", item.name);
        // Each question matters: changing only its answer changes the list somewhere.
        for q in &item.situations {
            let mut by_rest: BTreeMap<Vec<(String, String)>, BTreeSet<Vec<String>>> =
                BTreeMap::new();
            for a in &sets {
                let rest = a
                    .iter()
                    .filter(|(k, _)| *k != &q.id)
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                by_rest.entry(rest).or_default().insert(names(item, a));
            }
            assert!(
                by_rest.values().any(|lists| lists.len() >= 2),
                "{}: question {} never changes the materials",
                item.name,
                q.id
            );
        }
        assert!(situation_complete(item, &sets[0]));
    }
    let shared = catalog()
        .iter()
        .filter(|i| i.materials.iter().any(|m| m.shared_check))
        .count();
    assert!(
        shared >= 10,
        "only {shared} items check a material by sharing"
    );
}

/// (item code, situation answers, the material names they give)
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    (ID_RENEW, &[("place", "local"), ("age", "adult")],
     &["原居民身份证", "居民户口簿", "相片", "居民身份证申领登记表"]),
    (ID_RENEW, &[("place", "remote"), ("age", "minor")],
     &["原居民身份证", "相片", "居民身份证申领登记表", "监护人居民身份证"]),
    (ID_REPLACE, &[("place", "local"), ("age", "adult")],
     &["居民户口簿", "相片", "居民身份证申领登记表"]),
    (ID_REPLACE, &[("place", "remote"), ("age", "minor")],
     &["相片", "居民身份证申领登记表", "监护人居民身份证"]),
    (PASSPORT, &[("kind", "first"), ("age", "adult"), ("official", "no")],
     &["居民身份证", "出入境证件相片", "中国公民出入境证件申请表"]),
    (PASSPORT, &[("kind", "renew"), ("age", "adult"), ("official", "yes")],
     &["居民身份证", "出入境证件相片", "中国公民出入境证件申请表", "原护照", "所在单位同意出境意见"]),
    (PASSPORT, &[("kind", "replace"), ("age", "minor"), ("official", "no")],
     &["居民身份证", "出入境证件相片", "中国公民出入境证件申请表", "护照遗失或被盗情况说明",
       "监护人居民身份证", "监护关系证明"]),
    (MOVE_FAMILY, &[("relation", "spouse")],
     &["户口迁移申请表", "迁入地户主居民户口簿", "申请人居民户口簿及居民身份证", "结婚证",
       "被投靠人合法稳定住所证明"]),
    (MOVE_FAMILY, &[("relation", "parent")],
     &["户口迁移申请表", "迁入地户主居民户口簿", "申请人居民户口簿及居民身份证", "亲属关系证明",
       "被投靠人合法稳定住所证明"]),
    (MOVE_TALENT, &[("settle", "home")],
     &["户口迁移申请表", "居民身份证及原籍居民户口簿", "毕业证书", "合法稳定住所证明"]),
    (MOVE_TALENT, &[("settle", "collective")],
     &["户口迁移申请表", "居民身份证及原籍居民户口簿", "毕业证书", "集体户接收证明"]),
    (MOVE_HOME, &[("family", "alone")],
     &["户口迁移申请表", "居民身份证及原籍居民户口簿", "不动产权证书"]),
    (MOVE_HOME, &[("family", "with_family")],
     &["户口迁移申请表", "居民身份证及原籍居民户口簿", "不动产权证书", "结婚证或出生医学证明"]),
    (LEGAL_AID, &[("applicant", "self"), ("exempt", "no")],
     &["法律援助申请表", "申请人身份证明", "经济困难状况说明", "与所申请法律援助事项有关的材料"]),
    (LEGAL_AID, &[("applicant", "proxy"), ("exempt", "yes")],
     &["法律援助申请表", "申请人身份证明", "免予核查经济困难状况的证明",
       "与所申请法律援助事项有关的材料", "代理人身份证明及代理关系证明"]),
    (NOTARY, &[("applicant", "self"), ("party", "person")],
     &["公证申请表", "申请人身份证明", "与公证事项相关的证明材料"]),
    (NOTARY, &[("applicant", "agent"), ("party", "organisation")],
     &["公证申请表", "申请人身份证明", "与公证事项相关的证明材料", "授权委托书", "受托人居民身份证",
       "营业执照或其他登记证书", "法定代表人身份证明书"]),
    (LICENCE_RENEW, &[("applicant", "self"), ("age", "under70")],
     &["机动车驾驶人身份证明", "机动车驾驶人身体条件证明", "驾驶证相片"]),
    (LICENCE_RENEW, &[("applicant", "agent"), ("age", "over70")],
     &["机动车驾驶人身份证明", "机动车驾驶人身体条件证明", "驾驶证相片", "机动车驾驶人的委托书",
       "代理人身份证明", "记忆力、判断力、反应力能力测试结果"]),
    (TRANSFER, &[("owner", "person"), ("inspection", "valid")],
     &["现机动车所有人身份证明", "机动车所有权转让证明、凭证", "机动车登记证书", "机动车行驶证"]),
    (TRANSFER, &[("owner", "organisation"), ("inspection", "expired")],
     &["现机动车所有人身份证明", "机动车所有权转让证明、凭证", "机动车登记证书", "机动车行驶证",
       "机动车安全技术检验合格证明和交强险凭证", "单位经办人身份证明及单位授权书"]),
    (HUKOU_PROOF, &[("applicant", "self")], &["居民身份证"]),
    (HUKOU_PROOF, &[("applicant", "agent")], &["居民身份证", "委托书及受托人身份证"]),
    (ENFORCEMENT, &[("applicant", "self")],
     &["强制执行申请书", "生效法律文书及生效证明", "申请人身份证明", "被执行人财产线索"]),
    (ENFORCEMENT, &[("applicant", "agent")],
     &["强制执行申请书", "生效法律文书及生效证明", "申请人身份证明", "被执行人财产线索",
       "授权委托书及代理人身份证明"]),
];

#[test]
fn each_situation_gives_its_own_materials() {
    for (code, answers, expected) in CASES {
        let got = item_names(code, answers);
        assert_eq!(got, *expected, "{code} {answers:?}");
        assert!(
            situation_complete(&item(code), &situation(answers)),
            "{code}"
        );
    }
}

#[test]
fn department_issued_materials_are_checked_by_sharing() {
    let shared = |code: &str| -> Vec<String> {
        item(code)
            .materials
            .into_iter()
            .filter(|m| m.shared_check)
            .map(|m| m.name)
            .collect()
    };
    assert_eq!(shared(PASSPORT), ["居民身份证"]);
    assert_eq!(
        shared(LEGAL_AID),
        ["申请人身份证明", "免予核查经济困难状况的证明"]
    );
    assert_eq!(shared(MOVE_HOME), ["不动产权证书"]);
    assert_eq!(
        shared(LICENCE_RENEW),
        ["机动车驾驶人身份证明", "记忆力、判断力、反应力能力测试结果"]
    );
}
