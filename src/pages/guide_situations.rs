//! "我要准备什么": the item's situation questions as radio groups and, once they are answered, only
//! the citizen's own materials, live. The answers live in the URL query (`?s.applicant=agent`), so
//! Back, reload and a shared link keep them, and the apply link carries them on.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::situation::{materials_for, SituationAnswers, SituationQuestion};
use portal_core::{Material, Necessity, ServiceItem};

use crate::i18n::guide::GuideText;
use crate::i18n::{lang, zh_content};

/// The query key of a question's answer: `s.<question id>`.
pub fn answer_key(question_id: &str) -> String {
    format!("s.{question_id}")
}

/// The answers found in the query, keeping only the item's questions and their options, so a
/// stale or hand-edited link cannot select a material list that does not exist.
pub fn answers_from_query(
    item: &ServiceItem,
    get: impl Fn(&str) -> Option<String>,
) -> SituationAnswers {
    item.situations
        .iter()
        .filter_map(|q| {
            let value = get(&answer_key(&q.id))?;
            q.options
                .iter()
                .any(|o| o.value == value)
                .then(|| (q.id.clone(), value))
        })
        .collect()
}

/// The query string of the answers, `?s.applicant=agent&s.kind=first`, or `""` when none.
pub fn answers_query(answers: &SituationAnswers) -> String {
    portal_core::filter::query_string(answers.iter().map(|(q, v)| (answer_key(q), v)))
}

/// How many questions are still unanswered (an answer outside the options counts as none).
pub fn unanswered(item: &ServiceItem, answers: &SituationAnswers) -> usize {
    item.situations
        .iter()
        .filter(|q| {
            !answers
                .get(&q.id)
                .is_some_and(|v| q.options.iter().any(|o| &o.value == v))
        })
        .count()
}

/// The materials of the citizen's situation once every question is answered; `None` before.
pub fn my_materials(item: &ServiceItem, answers: &SituationAnswers) -> Option<Vec<Material>> {
    (unanswered(item, answers) == 0).then(|| {
        materials_for(item, answers)
            .into_iter()
            .map(|(_, m)| m.clone())
            .collect()
    })
}

/// The questions, the live count and the citizen's own materials.
#[component]
pub fn SituationPicker(
    item: Arc<ServiceItem>,
    answers: RwSignal<SituationAnswers>,
    /// The print button (the page passes it in so the component stays testable without `window.print`).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let g = GuideText::now();
    let questions = item
        .situations
        .iter()
        .map(|q| view! { <Question question=q.clone() answers /> })
        .collect_view();
    let status_item = Arc::clone(&item);
    let status = move || {
        answers.with(|a| match my_materials(&status_item, a) {
            Some(list) => {
                (g.my_materials_count)(list.len(), list.iter().filter(|m| m.shared_check).count())
            }
            None => (g.questions_left)(unanswered(&status_item, a)),
        })
    };
    let list = move || {
        answers.with(|a| my_materials(&item, a)).map(|list| {
            view! {
                <ul class="my-materials" aria-label=g.my_materials_label data-testid="my-materials">
                    {list.into_iter().map(|m| view! { <MaterialEntry material=m /> }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <section class="situation" aria-labelledby="situation" data-testid="situation">
            <h2 id="situation">{g.situation_heading}</h2>
            <p>{g.situation_lead}</p>
            {questions}
            <p class="situation-count" role="status" aria-live="polite" data-testid="situation-count">
                {status}
            </p>
            {list}
            <p class="hint">{g.change_answers_hint}</p>
            {children.map(|c| c())}
        </section>
    }
}

/// One question as a radio group.
#[component]
fn Question(question: SituationQuestion, answers: RwSignal<SituationAnswers>) -> impl IntoView {
    let l = lang();
    let name = format!("situation-{}", question.id);
    let options = question
        .options
        .iter()
        .map(|option| {
            let (id, value) = (question.id.clone(), option.value.clone());
            let checked = {
                let (id, value) = (id.clone(), value.clone());
                move || answers.with(|a| a.get(&id) == Some(&value))
            };
            view! {
                <label class="situation-option">
                    <input
                        type="radio"
                        name=name.clone()
                        value=option.value.clone()
                        prop:checked=checked
                        on:change=move |_| {
                            answers.update(|a| {
                                a.insert(id.clone(), value.clone());
                            })
                        }
                    />
                    <span>{option.label.get(l).to_owned()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="situation-question" data-question=question.id.clone()>
            <legend>{question.question.get(l).to_owned()}</legend>
            {options}
        </fieldset>
    }
}

/// One of the citizen's materials: name, original/copy and copies, specification, necessity,
/// 告知承诺 and 由部门共享核验.
#[component]
fn MaterialEntry(material: Material) -> impl IntoView {
    let (g, l) = (GuideText::now(), lang());
    let m = material;
    let necessity_class = match m.necessity {
        Necessity::Required => "need need-required",
        Necessity::Optional => "need",
        Necessity::Deferrable => "need need-deferrable",
    };
    view! {
        <li class="my-material" class:shared=m.shared_check>
            <strong lang=zh_content()>{m.name.clone()}</strong>
            <span class="my-material-facts">
                {(g.copies)(m.copy_kind.label_in(l), m.copies)}
                " · "
                <span class=necessity_class>{m.necessity.label_in(l)}</span>
            </span>
            {m.spec.clone().map(|spec| view! {
                <span class="cell-note">{g.spec}<span lang=zh_content()>{spec}</span></span>
            })}
            {m.commitment.is_some().then(|| view! { <span class="cell-note">{g.commitment_possible}</span> })}
            {m.shared_check.then(|| view! { <span class="shared-note">{g.shared_check}</span> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_core::form::ChoiceOption;
    use portal_core::situation::SituationRule;
    use portal_core::Text;

    fn item() -> ServiceItem {
        let mut item = portal_core::synth::synthetic_items(1).remove(0);
        item.situations = vec![SituationQuestion {
            id: "applicant".into(),
            question: Text::new("由谁申请？", "Who applies?"),
            options: vec![
                ChoiceOption {
                    value: "self".into(),
                    label: Text::new("本人", "Myself"),
                },
                ChoiceOption {
                    value: "agent".into(),
                    label: Text::new("委托他人", "Someone else"),
                },
            ],
        }];
        item.materials.truncate(1);
        let mut letter = item.materials[0].clone();
        letter.name = "委托书".into();
        letter.when = vec![SituationRule {
            question: "applicant".into(),
            values: vec!["agent".into()],
        }];
        item.materials.push(letter);
        item
    }

    fn query<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn answers_round_trip_through_the_query() {
        let item = item();
        let answers = answers_from_query(&item, query(&[("s.applicant", "agent")]));
        assert_eq!(answers.get("applicant").map(String::as_str), Some("agent"));
        assert_eq!(answers_query(&answers), "?s.applicant=agent");
        assert_eq!(answers_query(&SituationAnswers::new()), "");
    }

    #[test]
    fn unknown_questions_and_options_in_the_query_are_dropped() {
        let item = item();
        let answers = answers_from_query(
            &item,
            query(&[("s.applicant", "boss"), ("s.other", "self")]),
        );
        assert!(answers.is_empty());
    }

    #[test]
    fn values_are_percent_encoded() {
        let answers = SituationAnswers::from([("q".to_owned(), "a b&c=首".to_owned())]);
        assert_eq!(answers_query(&answers), "?s.q=a%20b%26c%3D%E9%A6%96");
    }

    #[test]
    fn materials_show_only_once_answered_and_follow_the_answer() {
        let item = item();
        let mut answers = SituationAnswers::new();
        assert_eq!(unanswered(&item, &answers), 1);
        assert!(my_materials(&item, &answers).is_none());
        answers.insert("applicant".into(), "self".into());
        assert_eq!(my_materials(&item, &answers).unwrap().len(), 1);
        answers.insert("applicant".into(), "agent".into());
        let names: Vec<String> = my_materials(&item, &answers)
            .unwrap()
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(names.last().map(String::as_str), Some("委托书"));
        assert_eq!(names.len(), 2);
    }
}
