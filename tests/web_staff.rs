//! The staff application page's material list in a real browser: every way a material can be
//! provided reads as it should, attachments are download links, and a file name that looks like
//! markup stays text.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::pages::staff::application::MaterialList;
use portal_core::staff::{StaffMaterial, StaffProvision, StaffUpload};
use portal_core::submission::TrustLevel;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::container;

fn items(root: &Element) -> Vec<Element> {
    let list = root.query_selector_all("li.staff-material").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn material(index: usize, name: Option<&str>, provision: StaffProvision) -> StaffMaterial {
    StaffMaterial {
        material: index,
        name: name.map(str::to_owned),
        provision,
        trust_level: None,
    }
}

#[wasm_bindgen_test]
fn each_way_of_providing_a_material_reads_as_it_should() {
    let markup = "<img src=x onerror=alert(1)>.pdf";
    let mut uploaded = material(
        0,
        Some("居民身份证"),
        StaffProvision::Uploaded {
            files: vec![StaffUpload {
                id: "u1".into(),
                name: markup.into(),
                size: 2 * 1024 * 1024,
                mime: "application/pdf".into(),
                href: "/api/staff/applications/AAAA-BBBB-CCCC-DDDD/uploads/u1".into(),
            }],
            missing: vec!["u2".into()],
        },
    );
    uploaded.trust_level = Some(TrustLevel::C);
    let materials = vec![
        uploaded,
        material(
            1,
            Some("居住地住址证明"),
            StaffProvision::Commitment {
                agreed: true,
                commitment_text: Some("本人承诺在本地居住满半年。".into()),
            },
        ),
        material(2, Some("就业证明"), StaffProvision::Deferred),
        // A row no longer in the catalog is named by its number.
        material(3, None, StaffProvision::SharedCheck),
    ];
    let root = container();
    let _mounted = mount_to(root.clone(), move || view! { <MaterialList materials /> });
    let rows = items(&root);
    assert_eq!(rows.len(), 4);

    let link = rows[0].query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/api/staff/applications/AAAA-BBBB-CCCC-DDDD/uploads/u1")
    );
    assert!(link.has_attribute("download"));
    assert_eq!(link.text_content().unwrap(), format!("下载 {markup}"));
    assert!(root.query_selector("img").unwrap().is_none());
    let first = rows[0].text_content().unwrap();
    assert!(first.contains("2.0 MB"), "{first}");
    assert!(first.contains("另有 1 个文件未找到"), "{first}");
    assert!(first.contains("可信等级：C 申请人上传"), "{first}");

    let commitment = rows[1].text_content().unwrap();
    assert!(commitment.contains("告知承诺"), "{commitment}");
    assert!(
        commitment.contains("申请人已同意以下承诺："),
        "{commitment}"
    );
    assert_eq!(
        rows[1]
            .query_selector("blockquote")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "本人承诺在本地居住满半年。"
    );
    assert!(rows[2].text_content().unwrap().contains("容缺后补"));
    let shared = rows[3].text_content().unwrap();
    assert!(shared.starts_with("材料 4"), "{shared}");
    assert!(shared.contains("共享核验"), "{shared}");
}

#[wasm_bindgen_test]
fn a_refused_commitment_and_no_materials_say_so() {
    let root = container();
    let refused = vec![material(
        0,
        Some("承诺书"),
        StaffProvision::Commitment {
            agreed: false,
            commitment_text: None,
        },
    )];
    let _one = mount_to(
        root.clone(),
        move || view! { <MaterialList materials=refused /> },
    );
    assert!(root.text_content().unwrap().contains("申请人未同意承诺。"));
    let empty = container();
    let _none = mount_to(
        empty.clone(),
        || view! { <MaterialList materials=vec![] /> },
    );
    assert_eq!(empty.text_content().unwrap(), "无需提交材料。");
}
