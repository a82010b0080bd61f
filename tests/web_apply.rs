//! The application's components in a real browser: the error summary takes focus and links to
//! fields, a repeating group's add/remove respects min/max, and a draft round-trips through
//! localStorage.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::components::form::{ErrorSummary, FieldBinding, FormEnv, GroupField, ShownIssue};
use portal::draft::{self, Draft, MaterialChoice};
use portal_core::form::{Answer, Answers, Field, FileRef};
use portal_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{all, container, document, sleep};

#[wasm_bindgen_test]
async fn error_summary_takes_focus_and_its_links_focus_the_fields() {
    let root = container();
    let input: HtmlElement = document().create_element("input").unwrap().unchecked_into();
    input.set_id("id_number");
    root.append_child(&input).unwrap();
    let issues = vec![ShownIssue {
        path: "id_number".into(),
        message: "身份证号码校验位不正确".into(),
        warning: false,
    }];
    let mount = container();
    let _handle = mount_to(
        mount.clone(),
        move || view! { <ErrorSummary issues=issues.clone() /> },
    );
    sleep(30).await;
    let summary = mount
        .query_selector("[data-testid=error-summary]")
        .unwrap()
        .unwrap();
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    let active = document().active_element().unwrap();
    assert!(active.is_same_node(Some(&summary)), "the summary has focus");
    let links = all(&summary, "a");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("#id_number")
    );
    assert_eq!(links[0].text_content().unwrap(), "身份证号码校验位不正确");
    links[0].unchecked_ref::<HtmlElement>().click();
    sleep(10).await;
    let active = document().active_element().unwrap();
    assert!(
        active.is_same_node(Some(&input)),
        "the link moved focus to the field"
    );
}

fn member_fields() -> Vec<Field> {
    serde_json::from_str(
        r#"[{"id":"name","label":{"zh":"姓名","en":"Name"},"kind":{"type":"text"}}]"#,
    )
    .unwrap()
}

#[wasm_bindgen_test]
async fn repeating_group_add_and_remove_respect_min_and_max() {
    let value: RwSignal<Option<Answer>> = RwSignal::new(None);
    let mount = container();
    let _handle = mount_to(mount.clone(), move || {
        let env = FormEnv {
            issues: RwSignal::new(Vec::new()),
            confirmed: Signal::derive(Vec::new),
            set_confirmed: Callback::new(|_| {}),
            top: Signal::derive(Answers::new),
        };
        let binding = FieldBinding {
            id: "family".into(),
            label: "家庭成员".into(),
            hint: None,
            optional: Signal::derive(|| false),
            value: value.into(),
            set: Callback::new(move |a| value.set(a)),
            issue: Signal::derive(|| None),
        };
        view! { <GroupField binding fields=member_fields() min=1 max=3 env lang=Lang::Zh /> }
    });
    sleep(30).await;
    let rows = || all(&mount, ".group-row").len();
    let add = || mount.query_selector("#family-add").unwrap();
    let removes = || all(&mount, ".group-row button");
    assert_eq!(rows(), 1, "min 1: one row to start with");
    assert!(
        removes().is_empty(),
        "the only row cannot be removed below min"
    );
    for expected in 2..=3 {
        add().unwrap().unchecked_into::<HtmlElement>().click();
        sleep(30).await;
        assert_eq!(rows(), expected);
    }
    assert!(add().is_none(), "no add button at max");
    assert_eq!(removes().len(), 3);
    // Type into row 2, remove row 1: row 2's answer moves up.
    let second = mount.query_selector("#family-1-name").unwrap().unwrap();
    let second: web_sys::HtmlInputElement = second.unchecked_into();
    second.set_value("李四");
    second
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    removes()[0].unchecked_ref::<HtmlElement>().click();
    sleep(30).await;
    assert_eq!(rows(), 2);
    assert!(add().is_some(), "below max again: add is back");
    let first: web_sys::HtmlInputElement = mount
        .query_selector("#family-0-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(first.value(), "李四");
    let stored = value.get_untracked().unwrap();
    assert_eq!(stored.as_rows().unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn a_draft_round_trips_through_local_storage() {
    let code = "WEBTEST0001";
    draft::remove(code);
    assert!(draft::load(code).is_none());
    let mut d = Draft::new(code);
    assert_eq!(d.idempotency_key.len(), 36, "a UUID from crypto");
    assert_ne!(d.idempotency_key, Draft::new(code).idempotency_key);
    d.answers.insert("name".into(), Answer::Text("张三".into()));
    d.situation.insert("applicant".into(), "agent".into());
    d.page = "residence".into();
    d.materials.insert(
        1,
        MaterialChoice::Upload {
            files: vec![FileRef {
                upload_id: "u1".into(),
                name: "照片.jpg".into(),
                size: 1234,
                mime: "image/jpeg".into(),
            }],
        },
    );
    draft::save(&d);
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(&draft::storage_key(code))
        .unwrap()
        .unwrap();
    assert!(raw.contains("照片.jpg") && raw.contains("u1"));
    assert_eq!(draft::load(code), Some(d.clone()));
    // Nothing left in it: not stored at all.
    draft::save(&Draft::new(code));
    assert!(draft::load(code).is_none());
}
