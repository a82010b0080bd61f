//! The staff catalog console: table rows, figures, audit and the CSV exports.

mod staff_support;

use axum::http::StatusCode;
use portal_core::synth::synthetic_items;
use portal_core::DepartmentKind;
use staff_support::Api;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// 30 synthetic items, two of them made to trip the audit, one named like a formula.
fn api() -> Api {
    let mut items = synthetic_items(30);
    items[3].name = "=HYPERLINK(\"http://evil\")".into();
    items[5].name = "行贿犯罪档案查询".into();
    items[7].fees.charged = false;
    items[7].fees.items.clear();
    items[7].online.payment = true;
    Api::with_items(items)
}

fn csv_lines(body: &[u8]) -> Vec<String> {
    assert!(body.starts_with(BOM), "no BOM");
    std::str::from_utf8(&body[3..])
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn items_lists_every_sortable_column_and_takes_the_citizen_filter() {
    let api = api();
    let cookie = api.login("court").await;
    let all = api.get("/api/staff/items", Some(&cookie)).await;
    assert_eq!(all.status, StatusCode::OK);
    let rows = all.json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 30);
    for key in [
        "name",
        "code",
        "department_kind",
        "item_type",
        "visits",
        "depth",
        "scope",
        "promised_limit",
        "legal_limit",
        "charged",
        "fee",
        "materials",
    ] {
        assert!(rows[0].get(key).is_some(), "missing {key}");
    }
    let courts = api
        .get("/api/staff/items?dept=%E6%B3%95%E9%99%A2", Some(&cookie))
        .await
        .json();
    let expected = synthetic_items(30)
        .iter()
        .filter(|i| i.department.kind == DepartmentKind::Court)
        .count();
    assert_eq!(courts.as_array().unwrap().len(), expected);
    assert!(courts
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["department_kind"] == "法院"));
    let searched = api
        .get("/api/staff/items?q=xinghui", Some(&cookie))
        .await
        .json();
    assert_eq!(
        searched[0]["name"], "行贿犯罪档案查询",
        "pinyin search works here too"
    );
}

#[tokio::test]
async fn figures_and_audit_come_from_the_live_catalog() {
    let api = api();
    let cookie = api.login("procuratorate").await;
    let figures = api.get("/api/staff/figures", Some(&cookie)).await.json();
    assert_eq!(figures["overall"]["figures"][0]["count"], 30);
    assert_eq!(figures["by_department"].as_array().unwrap().len(), 4);
    assert!(figures["overall"]["figures"][2]["display"]["zh"]
        .as_str()
        .unwrap()
        .starts_with("全程网办 "));

    let audit = api.get("/api/staff/audit", Some(&cookie)).await.json();
    assert_eq!(audit["items"], 30);
    assert!(audit["rules"].as_array().unwrap().len() >= 20);
    let found: Vec<(String, String)> = audit["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["item_code"].as_str().unwrap().to_owned(),
                f["rule_id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        found.contains(&("SYN00000005".into(), "discontinued_item".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("SYN00000007".into(), "free_with_payment".into())),
        "{found:?}"
    );
}

#[tokio::test]
async fn the_item_export_is_filtered_csv_with_bom_and_neutralised_cells() {
    let api = api();
    let cookie = api.login("police").await;
    let reply = api
        .get(
            "/api/staff/items.csv?dept=%E5%85%AC%E5%AE%89",
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(
        reply.header("content-disposition"),
        Some("attachment; filename=\"catalog-items.csv\"; filename*=UTF-8''%E4%BA%8B%E9%A1%B9%E7%9B%AE%E5%BD%95.csv")
    );
    let lines = csv_lines(&reply.body);
    assert_eq!(
        lines[0],
        "事项名称,实施编码,部门,实施主体,事项类型,到现场次数,网办深度,通办范围,承诺时限,法定时限,收费,材料数"
    );
    let police = synthetic_items(30)
        .iter()
        .filter(|i| i.department.kind == DepartmentKind::Police)
        .count();
    assert_eq!(lines.len(), 1 + police);
    assert!(lines[1..].iter().all(|l| l.contains(",公安,")), "{lines:?}");
    // Item 3 is a police item whose name starts like a formula.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("\"'=HYPERLINK(\"\"http://evil\"\")\",SYN00000003,")),
        "{lines:?}"
    );
    assert!(!lines
        .iter()
        .any(|l| l.starts_with("\"=") || l.starts_with('=')));

    let english = api.get("/api/staff/items.csv?lang=en", Some(&cookie)).await;
    let lines = csv_lines(&english.body);
    assert!(
        lines[0].starts_with("Name,Code,Department,"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 31);
}

#[tokio::test]
async fn the_audit_export_lists_every_finding() {
    let api = api();
    let cookie = api.login("justice").await;
    let findings = api.get("/api/staff/audit", Some(&cookie)).await.json()["findings"]
        .as_array()
        .unwrap()
        .len();
    let reply = api.get("/api/staff/audit.csv", Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply
        .header("content-disposition")
        .unwrap()
        .contains("filename*=UTF-8''%E7%9B%AE%E5%BD%95%E5%AE%A1%E8%AE%A1.csv"));
    let lines = csv_lines(&reply.body);
    assert_eq!(
        lines[0],
        "实施编码,事项名称,部门,规则编号,严重程度,字段,问题,说明"
    );
    assert_eq!(lines.len(), 1 + findings);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("SYN00000005,行贿犯罪档案查询,")
                && l.contains("discontinued_item"))
    );
}

#[tokio::test]
async fn unknown_staff_paths_are_json_404s_and_not_cached() {
    let api = api();
    let reply = api.get("/api/staff/nope", None).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.error_code(), "not_found");
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    // Citizen endpoints keep their own policy: cached, revalidated with the ETag.
    let items = api.get("/api/items", None).await;
    assert_eq!(items.status, StatusCode::OK);
    assert_eq!(items.header("cache-control"), Some("no-cache"));
}
