//! The guide's "我要准备什么" section in a real browser: answering the questions changes the list
//! of materials, live, and the count is announced in a polite live region.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use portal::pages::guide_situations::SituationPicker;
use portal::pages::notice_sheet::NoticeSheet;
use portal_core::form::ChoiceOption;
use portal_core::situation::{SituationAnswers, SituationQuestion, SituationRule};
use portal_core::{ServiceItem, Text};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{container, one, sleep, texts};

fn option(value: &str, zh: &str, en: &str) -> ChoiceOption {
    ChoiceOption {
        value: value.into(),
        label: Text::new(zh, en),
    }
}

/// A small item: an ID card everyone needs (checked by data sharing), and a letter of authority
/// only when someone else applies.
fn fixture() -> ServiceItem {
    let mut item = portal_core::synth::synthetic_items(1).remove(0);
    item.situations = vec![SituationQuestion {
        id: "applicant".into(),
        question: Text::new("由谁提出申请？", "Who is applying?"),
        options: vec![
            option("self", "本人申请", "Myself"),
            option("agent", "委托他人代为申请", "Someone on my behalf"),
        ],
    }];
    let mut id_card = item.materials[0].clone();
    id_card.name = "居民身份证".into();
    id_card.source = portal_core::MaterialSource::Government;
    id_card.shared_check = true;
    id_card.when.clear();
    let mut letter = id_card.clone();
    letter.name = "委托书".into();
    letter.shared_check = false;
    letter.source = portal_core::MaterialSource::Applicant;
    letter.when = vec![SituationRule {
        question: "applicant".into(),
        values: vec!["agent".into()],
    }];
    item.materials = vec![id_card, letter];
    item
}

fn choose(root: &Element, value: &str) {
    let radio: HtmlInputElement =
        one(root, &format!("input[type=radio][value={value}]")).unchecked_into();
    radio.click();
}

#[wasm_bindgen_test]
async fn answering_the_question_changes_the_material_list() {
    let root = container();
    let answers = RwSignal::new(SituationAnswers::new());
    let item = Arc::new(fixture());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <SituationPicker item=item.clone() answers /> }
    });
    sleep(20).await;

    // A radio group per question, named by its legend.
    assert_eq!(texts(&root, "fieldset legend"), ["由谁提出申请？"]);
    assert_eq!(
        root.query_selector_all("fieldset input[type=radio]")
            .unwrap()
            .length(),
        2
    );
    // Nothing answered yet: no list, and the live region says what is missing.
    assert!(root
        .query_selector("[data-testid=my-materials]")
        .unwrap()
        .is_none());
    let status = one(&root, "[data-testid=situation-count]");
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(status.text_content().unwrap().contains("还有 1 个问题"));

    choose(&root, "self");
    sleep(20).await;
    let names = texts(&root, "[data-testid=my-materials] li strong");
    assert_eq!(names, ["居民身份证"]);
    assert!(texts(&root, "[data-testid=my-materials] li")[0].contains("由部门共享核验，无需提交"));
    assert_eq!(
        answers.get_untracked().get("applicant").map(String::as_str),
        Some("self")
    );

    choose(&root, "agent");
    sleep(20).await;
    let names = texts(&root, "[data-testid=my-materials] li strong");
    assert_eq!(names, ["居民身份证", "委托书"]);
    let status = one(&root, "[data-testid=situation-count]")
        .text_content()
        .unwrap();
    assert!(status.contains("2 项材料"), "{status}");
    assert!(status.contains("1 项由部门共享核验"), "{status}");
}

#[wasm_bindgen_test]
async fn answers_set_from_outside_check_the_radio_and_fill_the_printed_sheet() {
    let root = container();
    let answers = RwSignal::new(SituationAnswers::from([(
        "applicant".to_owned(),
        "agent".to_owned(),
    )]));
    let item = Arc::new(fixture());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <SituationPicker item=item.clone() answers />
            <NoticeSheet item=item.clone() answers />
        }
    });
    sleep(20).await;
    let agent: HtmlInputElement = one(&root, "input[value=agent]").unchecked_into();
    assert!(agent.checked());
    let sheet = one(&root, "[data-testid=notice-sheet]");
    assert!(sheet.has_attribute("hidden"), "the sheet is for print only");
    assert_eq!(
        texts(&sheet, "[data-testid=sheet-materials] tbody th"),
        ["居民身份证", "委托书"]
    );
    assert!(sheet.text_content().unwrap().contains("委托他人代为申请"));

    // Back to 本人: the sheet follows.
    answers.set(SituationAnswers::from([(
        "applicant".to_owned(),
        "self".to_owned(),
    )]));
    sleep(20).await;
    assert_eq!(
        texts(&sheet, "[data-testid=sheet-materials] tbody th"),
        ["居民身份证"]
    );
    let own: HtmlInputElement = one(&root, "input[value=self]").unchecked_into();
    assert!(own.checked());
}
