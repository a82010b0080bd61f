//! Forms, submission and case lookup, driven in-process with `oneshot`: the happy path,
//! idempotency (replay, reuse), 422 with per-field errors, attachment checks, and a corpus of bad
//! input that must each answer a 4xx in the one JSON envelope.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use portal_core::form::{validate_form_definition, FormDefinition, IssueCode};
use portal_core::submission::{ApplicationReceipt, ApplicationStatus};
use portal_core::synth::synthetic_items;
use portal_core::{ErrorBody, ErrorCode, ServiceItem};
use portal_mock_api::store::{ApplicationFilter, ApplicationStore, Page, UploadRecord};
use portal_mock_api::{app, AppState, Catalog, Forms, SqliteStore, UploadDir};
use serde_json::{json, Value};
use tower::ServiceExt;

const KEY: &str = "3f2b6c1e-8d4a-4e0b-9a57-0c1d2e3f4a5b";
const PDF: &[u8] = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

struct Fixture {
    state: AppState,
    item: ServiceItem,
    store: SqliteStore,
    _dir: tempfile::TempDir,
}

/// Two items that can be applied for online; the first has a form, the second none.
fn fixture() -> Fixture {
    let items = synthetic_items(40);
    let mut online = items.iter().filter(|i| i.online.depth.can_apply_online());
    let item = online.next().unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    let def = form_for(&item.code);
    assert!(validate_form_definition(&def, Some(&item)).is_empty());
    let state = AppState {
        catalog: Arc::new(Catalog::from_items(items.clone())),
        dist: None,
        forms: Arc::new(Forms::from_definitions(vec![def])),
        store: Arc::new(store.clone()),
        uploads: Arc::new(UploadDir::new(dir.path().join("uploads"))),
        staff: Default::default(),
    };
    Fixture {
        state,
        item,
        store,
        _dir: dir,
    }
}

fn form_for(code: &str) -> FormDefinition {
    serde_json::from_value(json!({
        "item_code": code,
        "steps": [{
            "id": "applicant",
            "title": {"zh": "申请人", "en": "Applicant"},
            "fields": [
                {"id": "name", "label": {"zh": "姓名", "en": "Name"}, "kind": {"type": "text", "max_len": 20}},
                {"id": "id_number", "label": {"zh": "身份证号", "en": "ID number"}, "kind": {"type": "id_card"}},
                {"id": "family", "label": {"zh": "家庭成员", "en": "Family members"}, "optional": true,
                 "kind": {"type": "group", "max": 3, "fields": [
                     {"id": "name", "label": {"zh": "姓名", "en": "Name"}, "kind": {"type": "text"}}
                 ]}},
                {"id": "photos", "label": {"zh": "照片", "en": "Photos"}, "optional": true,
                 "kind": {"type": "files", "max_files": 3}}
            ]
        }]
    }))
    .unwrap()
}

fn submission(code: &str, upload_id: &str) -> Value {
    json!({
        "item_code": code,
        "answers": {"name": "张三", "id_number": "11010519491231002X"},
        "materials": [{"material": 0, "kind": {"type": "uploaded", "upload_ids": [upload_id]}}]
    })
}

async fn send(state: &AppState, request: Request<Body>) -> (StatusCode, Value, Option<String>) {
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let replayed = response
        .headers()
        .get("idempotent-replayed")
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let value = serde_json::from_slice(&bytes).unwrap_or_else(|_| {
        panic!(
            "{status}: not JSON: {}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(300)])
        )
    });
    (status, value, replayed)
}

fn post_application(key: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut builder =
        Request::post("/api/applications").header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        builder = builder.header("Idempotency-Key", key);
    }
    builder.body(body.into()).unwrap()
}

fn multipart_pdf(name: &str, content: &[u8]) -> Request<Body> {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(b"\r\n--B--\r\n");
    Request::post("/api/uploads")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=B")
        .body(Body::from(body))
        .unwrap()
}

async fn upload_pdf(state: &AppState) -> String {
    let (status, body, _) = send(state, multipart_pdf("身份证.pdf", PDF)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body[0]["upload_id"].as_str().unwrap().to_owned()
}

fn error_of(value: Value) -> ErrorBody {
    serde_json::from_value(value).expect("the one error envelope")
}

#[tokio::test]
async fn the_form_is_served_and_unknown_or_formless_items_are_json_404() {
    let f = fixture();
    let uri = format!("/api/items/{}/form", f.item.code);
    let (status, body, _) = send(&f.state, Request::get(&uri).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        serde_json::from_value::<FormDefinition>(body).unwrap(),
        form_for(&f.item.code)
    );

    let (status, body, _) = send(
        &f.state,
        Request::get("/api/items/NOPE/form")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error_of(body).error.message.contains("NOPE"));

    let formless = synthetic_items(40)
        .into_iter()
        .find(|i| i.code != f.item.code)
        .unwrap();
    let uri = format!("/api/items/{}/form", formless.code);
    let (status, body, _) = send(&f.state, Request::get(&uri).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error_of(body).error.message.contains("网上申请"));
}

#[tokio::test]
async fn a_valid_application_gets_a_receipt_and_can_be_followed() {
    let f = fixture();
    let upload = upload_pdf(&f.state).await;
    let body = submission(&f.item.code, &upload).to_string();
    let (status, json, replayed) = send(&f.state, post_application(Some(KEY), body)).await;
    assert_eq!(status, StatusCode::CREATED, "{json}");
    assert_eq!(replayed, None);
    let receipt: ApplicationReceipt = serde_json::from_value(json).unwrap();
    assert_eq!(receipt.item_code, f.item.code);
    assert_eq!(receipt.item_name, f.item.name);
    assert_eq!(receipt.promised_limit, f.item.handling.promised_limit);
    assert_eq!(receipt.status, ApplicationStatus::Pending);
    assert!(
        receipt.submitted_at.ends_with("+08:00"),
        "{}",
        receipt.submitted_at
    );
    assert_eq!(
        portal_mock_api::reference::normalise(&receipt.reference),
        Some(receipt.reference.clone())
    );

    // Followed by its reference, also typed in lower case without dashes.
    let typed = receipt.reference.replace('-', "").to_lowercase();
    let (status, case, _) = send(
        &f.state,
        Request::get(format!("/api/applications/{typed}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{case}");
    assert_eq!(
        serde_json::from_value::<ApplicationReceipt>(case["receipt"].clone()).unwrap(),
        receipt
    );
    assert_eq!(case["status"], "待受理");
    assert_eq!(case["status_en"], "Awaiting acceptance");
    assert_eq!(case["history"].as_array().unwrap().len(), 1);
    assert!(case.get("submission").is_none() && case["history"][0].get("actor").is_none());

    for unknown in ["2222-2222-2222-2222", "not-a-reference", "..%2F..%2Fetc"] {
        let (status, body, _) = send(
            &f.state,
            Request::get(format!("/api/applications/{unknown}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{unknown}");
        assert_eq!(error_of(body).error.code, ErrorCode::NotFound);
    }
}

#[tokio::test]
async fn a_retry_returns_the_same_receipt_and_never_a_duplicate() {
    let f = fixture();
    let upload = upload_pdf(&f.state).await;
    let body = submission(&f.item.code, &upload);
    let (status, first, _) = send(&f.state, post_application(Some(KEY), body.to_string())).await;
    assert_eq!(status, StatusCode::CREATED);
    // The same content with other spacing and key order is the same request.
    let pretty = serde_json::to_string_pretty(&body).unwrap();
    for _ in 0..3 {
        let (status, again, replayed) = send(
            &f.state,
            post_application(Some(&KEY.to_uppercase()), pretty.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!(again, first);
        assert_eq!(replayed.as_deref(), Some("true"));
    }
    let all = f
        .store
        .list_applications(
            ApplicationFilter::default(),
            Page {
                number: 0,
                size: 10,
            },
        )
        .await
        .unwrap();
    assert_eq!(all.total, 1);

    let mut other = body.clone();
    other["answers"]["name"] = json!("李四");
    let (status, error, _) = send(&f.state, post_application(Some(KEY), other.to_string())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(error).error.code, ErrorCode::IdempotencyKeyReused);

    let (status, error, _) = send(&f.state, post_application(None, body.to_string())).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error_of(error).error.message.contains("Idempotency-Key"));
    let (status, _, _) = send(&f.state, post_application(Some("12345"), body.to_string())).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let after = f
        .store
        .list_applications(
            ApplicationFilter::default(),
            Page {
                number: 0,
                size: 10,
            },
        )
        .await
        .unwrap();
    assert_eq!(after.total, 1);
}

#[tokio::test]
async fn refused_answers_come_back_per_field_in_both_languages() {
    let f = fixture();
    let upload = upload_pdf(&f.state).await;
    let mut body = submission(&f.item.code, &upload);
    body["answers"]["id_number"] = json!("110105194912310021");
    body["answers"]["name"] = json!("名".repeat(21));
    body["answers"]["family"] = json!([{"name": ""}]);
    let (status, json, _) = send(&f.state, post_application(Some(KEY), body.to_string())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    let error = &json["error"];
    assert_eq!(error["code"], "validation_failed");
    let fields = error["fields"].as_array().unwrap();
    let find = |path: &str| {
        fields
            .iter()
            .find(|f| f["path"] == path)
            .unwrap_or_else(|| panic!("{path} in {fields:?}"))
    };
    assert_eq!(find("id_number")["code"], "id_card_checksum");
    assert_eq!(find("id_number")["message"], "身份证号码校验位不正确");
    assert_eq!(find("name")["code"], "too_long");
    assert_eq!(find("name")["max"], 20);
    assert_eq!(find("name")["message"], "姓名不能超过 20 个字");
    assert_eq!(
        find("name")["message_en"],
        "Name must be 20 characters or fewer"
    );
    let row = find("family-0-name");
    assert!(
        row["message"]
            .as_str()
            .unwrap()
            .contains("家庭成员第 1 项的姓名"),
        "{row}"
    );
    assert!(
        row["message_en"]
            .as_str()
            .unwrap()
            .contains("entry 1 of Family members"),
        "{row}"
    );
    let none = f
        .store
        .list_applications(
            ApplicationFilter::default(),
            Page {
                number: 0,
                size: 10,
            },
        )
        .await
        .unwrap();
    assert_eq!(none.total, 0, "nothing stored, and the key stays free");
    let fixed = submission(&f.item.code, &upload);
    let (status, _, _) = send(&f.state, post_application(Some(KEY), fixed.to_string())).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn attachments_must_exist_and_stay_under_the_application_total() {
    let f = fixture();
    let (status, json, _) = send(
        &f.state,
        post_application(
            Some(KEY),
            submission(&f.item.code, "u-never-uploaded").to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    let error = error_of(json).error;
    assert!(
        error.message.contains("u-never-uploaded"),
        "{}",
        error.message
    );
    assert_eq!(error.fields.len(), 1);
    assert_eq!(error.fields[0].issue.path, "material-0");
    // A code of its own, so the app knows to ask for the file again rather than for an answer.
    assert_eq!(error.fields[0].issue.code, IssueCode::UploadMissing);
    assert!(error.fields[0].message.contains("重新选择上传"));

    // Six 9 MB uploads (recorded directly) are within the per-file limit but over 50 MB together.
    let mut ids = Vec::new();
    for i in 0..6 {
        let id = format!("ubig{i}");
        f.store
            .put_upload(UploadRecord {
                id: id.clone(),
                sha256: format!("{i:064}"),
                size: 9 * 1024 * 1024,
                mime: "application/pdf".into(),
                original_name: format!("{i}.pdf"),
                created_at: "2026-11-24T10:00:00+08:00".into(),
            })
            .await
            .unwrap();
        ids.push(id);
    }
    let mut body = submission(&f.item.code, &ids[0]);
    body["materials"][0]["kind"]["upload_ids"] = json!(ids);
    let (status, json, _) = send(&f.state, post_application(Some(KEY), body.to_string())).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{json}");
    assert!(error_of(json).error.message.contains("50 MB"));
}

/// Each request of the corpus is bad in one way; each must be a 4xx in the JSON envelope.
#[tokio::test]
async fn the_bad_input_corpus_is_answered_4xx_in_the_envelope_never_500() {
    let f = fixture();
    let code = f.item.code.clone();
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let huge_string = json!({"item_code": code, "answers": {"name": "长".repeat(200_000), "id_number": "11010519491231002X"}}).to_string();
    let huge_array = format!(
        "{{\"item_code\":\"{code}\",\"answers\":{{\"family\":[{}]}}}}",
        vec!["{}"; 300_000].join(",")
    );
    let bodies: Vec<(&str, Vec<u8>)> = vec![
        ("malformed JSON", b"{\"item_code\": ".to_vec()),
        ("not an object", b"[1,2,3]".to_vec()),
        ("wrong types", json!({"item_code": 42, "answers": "yes"}).to_string().into_bytes()),
        ("missing answers", json!({"item_code": code}).to_string().into_bytes()),
        ("unknown top-level field", json!({"item_code": code, "answers": {}, "admin": true}).to_string().into_bytes()),
        ("unknown answer field", json!({"item_code": code, "answers": {"salary": "1"}}).to_string().into_bytes()),
        ("unknown item", json!({"item_code": "NOPE", "answers": {}}).to_string().into_bytes()),
        ("unknown upload id", submission(&code, "nope").to_string().into_bytes()),
        ("invalid UTF-8", b"{\"item_code\": \"\xff\xfe\", \"answers\": {}}".to_vec()),
        ("deep nesting", deep.into_bytes()),
        ("huge string", huge_string.into_bytes()),
        ("huge array", huge_array.into_bytes()),
        ("empty body", Vec::new()),
        ("material index out of range", json!({"item_code": code, "answers": {}, "materials": [{"material": 99999999999u64, "kind": {"type": "deferred"}}]}).to_string().into_bytes()),
        ("negative number for usize", json!({"item_code": code, "answers": {}, "materials": [{"material": -1, "kind": {"type": "deferred"}}]}).to_string().into_bytes()),
    ];
    for (what, body) in bodies {
        let (status, json, _) = send(&f.state, post_application(Some(KEY), body)).await;
        assert!(status.is_client_error(), "{what}: {status}");
        let error = error_of(json).error;
        assert!(
            !error.message.is_empty() && !error.message_en.is_empty(),
            "{what}"
        );
    }

    let wrong_content_type = Request::post("/api/applications")
        .header(header::CONTENT_TYPE, "text/plain")
        .header("Idempotency-Key", KEY)
        .body(Body::from(submission(&code, "x").to_string()))
        .unwrap();
    let (status, json, _) = send(&f.state, wrong_content_type).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    error_of(json);

    let uploads: Vec<(&str, Request<Body>)> = vec![
        (
            "empty multipart",
            Request::post("/api/uploads")
                .header(header::CONTENT_TYPE, "multipart/form-data; boundary=B")
                .body(Body::from("--B--\r\n"))
                .unwrap(),
        ),
        (
            "broken multipart",
            Request::post("/api/uploads")
                .header(header::CONTENT_TYPE, "multipart/form-data; boundary=B")
                .body(Body::from("--B\r\nnonsense"))
                .unwrap(),
        ),
        (
            "not multipart",
            Request::post("/api/uploads")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        ),
        (
            "no boundary",
            Request::post("/api/uploads")
                .header(header::CONTENT_TYPE, "multipart/form-data")
                .body(Body::from("x"))
                .unwrap(),
        ),
        (
            "text named .pdf",
            multipart_pdf("letter.pdf", b"just some text, not a PDF"),
        ),
        (
            "path-like name, text content",
            multipart_pdf("../../etc/passwd", b"root:x:0:0"),
        ),
    ];
    for (what, request) in uploads {
        let (status, json, _) = send(&f.state, request).await;
        assert!(status.is_client_error(), "{what}: {status}");
        error_of(json);
    }
    let (status, _, _) = send(
        &f.state,
        Request::get("/api/health").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "still up");
}
