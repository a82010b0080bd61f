//! "我要准备什么": an item's situation questions (本人/委托他人, 首次/换领/补领, …) and the
//! structured 适用情形 of each material, so each applicant sees only their own materials.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::form::{is_safe_id, situation_path, ChoiceOption, FieldIssue, IssueCode};
use crate::item::{Material, MaterialSource, ServiceItem};
use crate::lang::Text;
use crate::validate::ValidationIssue;

/// One question asked before the materials list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SituationQuestion {
    pub id: String,
    pub question: Text,
    pub options: Vec<ChoiceOption>,
}

/// One condition of a material's 适用情形: the answer to `question` is one of `values`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SituationRule {
    pub question: String,
    pub values: Vec<String>,
}

/// The applicant's answers: question id → option value.
pub type SituationAnswers = BTreeMap<String, String>;

impl SituationRule {
    pub fn holds(&self, answers: &SituationAnswers) -> bool {
        answers
            .get(&self.question)
            .is_some_and(|a| self.values.contains(a))
    }
}

impl Material {
    /// Whether this material is needed in the applicant's situation: every rule holds (no rules:
    /// everyone). A rule on an unanswered question does not hold.
    pub fn applies(&self, answers: &SituationAnswers) -> bool {
        self.when.iter().all(|rule| rule.holds(answers))
    }
}

/// The materials for this situation, with their index in `item.materials`.
pub fn materials_for<'a>(
    item: &'a ServiceItem,
    answers: &SituationAnswers,
) -> Vec<(usize, &'a Material)> {
    item.materials
        .iter()
        .enumerate()
        .filter(|(_, m)| m.applies(answers))
        .collect()
}

/// Problems with situation answers: a question unanswered (`Required`), an unknown option
/// (`UnknownOption`), an answer to a question the item does not ask (`UnknownField`).
/// Paths are `situation-<question id>`.
pub fn check_situation_answers(item: &ServiceItem, answers: &SituationAnswers) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    for q in &item.situations {
        match answers.get(&q.id) {
            None => issues.push(FieldIssue::new(situation_path(&q.id), IssueCode::Required)),
            Some(v) if !q.options.iter().any(|o| &o.value == v) => issues.push(FieldIssue::new(
                situation_path(&q.id),
                IssueCode::UnknownOption,
            )),
            Some(_) => {}
        }
    }
    for key in answers.keys() {
        if !item.situations.iter().any(|q| &q.id == key) {
            let id = if is_safe_id(key) {
                key.as_str()
            } else {
                "unknown"
            };
            issues.push(FieldIssue::new(situation_path(id), IssueCode::UnknownField));
        }
    }
    issues
}

/// Whether every question is answered with one of its options.
pub fn situation_complete(item: &ServiceItem, answers: &SituationAnswers) -> bool {
    check_situation_answers(item, answers).is_empty()
}

/// Data checks for the catalog: questions well formed, each material rule naming an existing
/// question and its values, shared checks only on department-issued materials.
pub fn validate_situations(item: &ServiceItem) -> Vec<ValidationIssue> {
    let mut issues = Vec::new();
    let mut flag = |field: String, message: String| {
        issues.push(ValidationIssue {
            item: item.code.clone(),
            field,
            message,
        })
    };
    for (qi, q) in item.situations.iter().enumerate() {
        let at = format!("situations.{}", q.id);
        if !is_safe_id(&q.id) {
            flag(at.clone(), "情形问题编号须为小写字母、数字和下划线".into());
        }
        if item.situations[..qi].iter().any(|p| p.id == q.id) {
            flag(at.clone(), "情形问题编号重复".into());
        }
        if !text_ok(&q.question) {
            flag(at.clone(), "情形问题须有中英文".into());
        }
        if q.options.len() < 2 {
            flag(at.clone(), "情形问题至少两个选项".into());
        }
        for (oi, o) in q.options.iter().enumerate() {
            if o.value.trim().is_empty() || q.options[..oi].iter().any(|p| p.value == o.value) {
                flag(
                    format!("{at}.options"),
                    format!("选项值“{}”为空或重复", o.value),
                );
            }
            if !text_ok(&o.label) {
                flag(
                    format!("{at}.options"),
                    format!("选项“{}”须有中英文标签", o.value),
                );
            }
        }
    }
    for (mi, m) in item.materials.iter().enumerate() {
        let at = format!("materials.{mi}");
        for rule in &m.when {
            match item.situations.iter().find(|q| q.id == rule.question) {
                None => flag(
                    format!("{at}.when"),
                    format!("适用情形引用了不存在的问题“{}”", rule.question),
                ),
                Some(q) => {
                    if rule.values.is_empty() {
                        flag(format!("{at}.when"), "适用情形须列出至少一个选项".into());
                    }
                    for v in rule
                        .values
                        .iter()
                        .filter(|v| !q.options.iter().any(|o| &o.value == *v))
                    {
                        flag(format!("{at}.when"), format!("问题“{}”没有选项“{v}”", q.id));
                    }
                }
            }
        }
        if m.shared_check && m.source != MaterialSource::Government {
            flag(
                format!("{at}.shared_check"),
                "只有政府部门核发的材料可以共享核验".into(),
            );
        }
    }
    issues
}

fn text_ok(text: &Text) -> bool {
    !text.zh.trim().is_empty() && !text.en.trim().is_empty()
}
