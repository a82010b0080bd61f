//! The staff application queue, driven in-process: list, filters and paging; department scoping;
//! the detail; attachment downloads; every transition path and refusal; the audit log; what the
//! applicant sees of staff notes; and applicant text kept as text.

mod staff_support;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use portal_core::form::FormDefinition;
use portal_core::staff::StaffApplicationDetail;
use portal_core::status::{Action, Status};
use portal_core::synth::synthetic_items;
use portal_core::{DepartmentKind, ServiceItem};
use portal_mock_api::staff::{Clock, StaffState};
use portal_mock_api::store::{
    today_utc8, AppendOutcome, ApplicationStore, IdempotencyKey, NewApplication, NewStatusEvent,
    ReceiptTemplate, SubmitOutcome,
};
use portal_mock_api::{app, AppState, Catalog, Forms, SqliteStore, UploadDir};
use serde_json::{json, Value};
use staff_support::{Api, Reply};
use tower::ServiceExt;

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
const COMMITMENT: &str = "本人承诺所填信息真实有效，如有不实愿承担相应法律责任。";
const XSS: &str = "<img src=x onerror=alert(1)>";

struct Queue {
    api: Api,
    store: SqliteStore,
    police: ServiceItem,
    court: ServiceItem,
    _dir: tempfile::TempDir,
}

/// Four materials per item; the second may be replaced by a 告知承诺.
fn with_materials(item: &mut ServiceItem) {
    let base = item.materials[0].clone();
    item.materials = (0..4)
        .map(|k| {
            let mut m = base.clone();
            m.name = format!("材料{k}");
            m.commitment = (k == 1).then(|| COMMITMENT.to_owned());
            m
        })
        .collect();
}

fn form_for(code: &str) -> FormDefinition {
    serde_json::from_value(json!({
        "item_code": code,
        "steps": [{
            "id": "applicant",
            "title": {"zh": "申请人", "en": "Applicant"},
            "fields": [
                {"id": "name", "label": {"zh": "姓名", "en": "Name"}, "kind": {"type": "text", "max_len": 50}},
                {"id": "photos", "label": {"zh": "照片", "en": "Photos"}, "optional": true,
                 "kind": {"type": "files", "max_files": 3}}
            ]
        }]
    }))
    .unwrap()
}

fn queue() -> Queue {
    let mut items = synthetic_items(40);
    let find = |items: &[ServiceItem], kind| {
        items
            .iter()
            .position(|i| i.department.kind == kind)
            .unwrap()
    };
    let (p, c) = (
        find(&items, DepartmentKind::Police),
        find(&items, DepartmentKind::Court),
    );
    with_materials(&mut items[p]);
    with_materials(&mut items[c]);
    let (police, court) = (items[p].clone(), items[c].clone());
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    let clock = Clock::manual();
    let state = AppState {
        catalog: Arc::new(Catalog::from_items(items)),
        dist: None,
        forms: Arc::new(Forms::from_definitions(vec![
            form_for(&police.code),
            form_for(&court.code),
        ])),
        store: Arc::new(store.clone()),
        uploads: Arc::new(UploadDir::new(dir.path().join("uploads"))),
        staff: Arc::new(StaffState::with_clock(clock.clone())),
    };
    Queue {
        api: Api {
            router: app(state),
            clock,
        },
        store,
        police,
        court,
        _dir: dir,
    }
}

impl Queue {
    /// Uploads one file through the citizen endpoint; its upload id.
    async fn upload(&self, name: &str, content: &[u8]) -> String {
        let mut body = format!(
            "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n--B--\r\n");
        let request = Request::post("/api/uploads")
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=B")
            .body(Body::from(body))
            .unwrap();
        let response = self.api.router.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        value[0]["upload_id"].as_str().unwrap().to_owned()
    }

    /// Stores an application as submitted (the citizen endpoint's validation is tested elsewhere).
    async fn submit(&self, item: &ServiceItem, answers: Value, materials: Value) -> String {
        let submission = json!({
            "item_code": item.code,
            "answers": answers,
            "materials": materials,
            "lang": "zh",
        });
        let key = format!("{:032x}", rand_u128());
        let outcome = self
            .store
            .submit(
                NewApplication {
                    item_code: item.code.clone(),
                    department: item.department.kind,
                    submission_json: submission.to_string(),
                    receipt: ReceiptTemplate {
                        item_name: item.name.clone(),
                        promised_limit: item.handling.promised_limit,
                    },
                    actor: "applicant".into(),
                },
                IdempotencyKey {
                    key: key.clone(),
                    request_hash: key,
                },
            )
            .await
            .unwrap();
        match outcome {
            SubmitOutcome::Created(record) => record.reference,
            other => panic!("{other:?}"),
        }
    }

    async fn simple(&self, item: &ServiceItem, name: &str) -> String {
        self.submit(item, json!({"name": name}), json!([])).await
    }

    async fn act(&self, cookie: &str, reference: &str, action: &str, note: &str) -> Reply {
        self.api
            .request(
                Method::POST,
                &format!("/api/staff/applications/{reference}/transitions"),
                Some(cookie),
                Some(json!({"action": action, "note": note})),
                None,
            )
            .await
    }

    async fn detail(&self, cookie: &str, reference: &str) -> Value {
        let reply = self
            .api
            .get(
                &format!("/api/staff/applications/{reference}"),
                Some(cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", body_text(&reply));
        reply.json()
    }

    async fn citizen_view(&self, reference: &str) -> (Value, String) {
        let reply = self
            .api
            .get(&format!("/api/applications/{reference}"), None)
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        (reply.json(), body_text(&reply))
    }
}

fn rand_u128() -> u128 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    u128::from(NEXT.fetch_add(1, Ordering::SeqCst))
}

fn body_text(reply: &Reply) -> String {
    String::from_utf8_lossy(&reply.body).into_owned()
}

fn refs(page: &Value) -> Vec<String> {
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reference"].as_str().unwrap().to_owned())
        .collect()
}

fn today() -> String {
    let (y, m, d) = today_utc8();
    format!("{y:04}-{m:02}-{d:02}")
}

#[tokio::test]
async fn the_list_filters_and_pages_newest_first() {
    let q = queue();
    let mut police = Vec::new();
    for i in 0..5 {
        police.push(q.simple(&q.police, &format!("警{i}")).await);
    }
    let court = vec![
        q.simple(&q.court, "法甲").await,
        q.simple(&q.court, "法乙").await,
    ];
    let admin = q.api.login("admin").await;
    q.act(&admin, &police[0], "受理", "").await;

    let all = q.api.get("/api/staff/applications", Some(&admin)).await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(all.header("cache-control"), Some("no-store"));
    let all = all.json();
    assert_eq!(all["total"], 7);
    assert_eq!(
        (all["page"].as_u64(), all["size"].as_u64()),
        (Some(1), Some(20))
    );
    let row = all["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reference"] == court[1].as_str())
        .unwrap();
    assert_eq!(row["item_code"], q.court.code.as_str());
    assert_eq!(row["item_name"], q.court.name.as_str());
    assert_eq!(row["department_kind"], "法院");
    assert_eq!(row["status"], "待受理");
    assert_eq!(row["status_en"], "Awaiting acceptance");
    assert_eq!(row["applicant_name"], "法乙");
    assert!(row["submitted_at"].as_str().unwrap().ends_with("+08:00"));

    let filtered = |query: String| {
        let api = &q.api;
        let admin = admin.clone();
        async move {
            let reply = api
                .get(&format!("/api/staff/applications?{query}"), Some(&admin))
                .await;
            assert_eq!(
                reply.status,
                StatusCode::OK,
                "{query}: {}",
                body_text(&reply)
            );
            reply.json()
        }
    };
    assert_eq!(
        refs(&filtered("status=已受理".into()).await),
        vec![police[0].clone()]
    );
    assert_eq!(filtered("status=待受理".into()).await["total"], 6);
    let by_item = filtered(format!("item={}", q.court.code)).await;
    assert_eq!(by_item["total"], 2);
    assert_eq!(filtered("department=法院".into()).await["total"], 2);
    assert_eq!(
        filtered("department=公安&status=待受理".into()).await["total"],
        4
    );
    // Blank values mean "any" (the app sends empty selects as "").
    assert_eq!(
        filtered("status=&item=&department=".into()).await["total"],
        7
    );
    let today = today();
    assert_eq!(
        filtered(format!("from={today}&to={today}")).await["total"],
        7
    );
    assert_eq!(filtered("to=2000-01-01".into()).await["total"], 0);
    assert_eq!(filtered("from=2999-01-01".into()).await["total"], 0);

    // Pages of 3 cover every row once, in the order of the whole list.
    let mut paged = Vec::new();
    for page in 1..=3 {
        let got = filtered(format!("size=3&page={page}")).await;
        assert_eq!(got["total"], 7);
        assert_eq!(got["page"], page);
        assert_eq!(refs(&got).len(), if page < 3 { 3 } else { 1 });
        paged.extend(refs(&got));
    }
    assert_eq!(paged, refs(&all));
    assert!(refs(&filtered("size=3&page=4".into()).await).is_empty());
    let mut expected: Vec<String> = police.iter().chain(&court).cloned().collect();
    expected.sort();
    paged.sort();
    assert_eq!(paged, expected);
}

#[tokio::test]
async fn bad_filter_values_are_refused_with_a_specific_message() {
    let q = queue();
    let admin = q.api.login("admin").await;
    for (query, mentions) in [
        ("status=批准", "批准"),
        ("status=Accepted", "Accepted"),
        ("department=海关", "海关"),
        ("from=2026-13-01", "2026-13-01"),
        ("to=2026/01/01", "2026/01/01"),
        ("from=2026-02-01&to=2026-01-01", "2026-02-01"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("size=101", "size"),
        ("size=abc", "abc"),
        ("item=%3Cscript%3E", "<script>"),
        ("dept=公安", "dept"),
    ] {
        let uri = format!("/api/staff/applications?{query}");
        let reply = q.api.get(&uri, Some(&admin)).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(reply.error_code(), "bad_request", "{query}");
        let error = &reply.json()["error"];
        for message in [&error["message"], &error["message_en"]] {
            assert!(
                message.as_str().unwrap().contains(mentions),
                "{query}: {message}"
            );
        }
        assert_eq!(reply.header("cache-control"), Some("no-store"));
    }
}

#[tokio::test]
async fn a_department_sees_and_acts_on_its_own_applications_only() {
    let q = queue();
    let pdf = q.upload("起诉状.pdf", PDF).await;
    let court_ref = q
        .submit(
            &q.court,
            json!({"name": "原告甲"}),
            json!([{"material": 0, "kind": {"type": "uploaded", "upload_ids": [pdf]}}]),
        )
        .await;
    let police_ref = q.simple(&q.police, "申请人乙").await;
    let police = q.api.login("police").await;

    // Whatever department it asks for, it gets its own.
    for query in [
        String::new(),
        "?department=法院".into(),
        format!("?item={}", q.court.code),
    ] {
        let reply = q
            .api
            .get(&format!("/api/staff/applications{query}"), Some(&police))
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let page = reply.json();
        assert!(
            refs(&page).iter().all(|r| *r == police_ref),
            "{query}: {page}"
        );
        assert!(!body_text(&reply).contains(&court_ref));
    }

    // Opening, downloading from or acting on the court's application is forbidden.
    let before = q.store.list_events(court_ref.clone()).await.unwrap();
    for reply in [
        q.api
            .get(
                &format!("/api/staff/applications/{court_ref}"),
                Some(&police),
            )
            .await,
        q.api
            .get(
                &format!("/api/staff/applications/{court_ref}/uploads/{pdf}"),
                Some(&police),
            )
            .await,
        q.act(&police, &court_ref, "受理", "").await,
        q.act(&police, &court_ref, "不予受理", "不属于本院管辖")
            .await,
    ] {
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", body_text(&reply));
        assert_eq!(reply.error_code(), "forbidden");
        let error = &reply.json()["error"];
        assert!(error["message"].as_str().unwrap().contains("法院"));
        assert!(error["message_en"].as_str().unwrap().contains("Courts"));
        assert!(!body_text(&reply).contains(PDF_MARK));
    }
    assert_eq!(
        q.store.list_events(court_ref.clone()).await.unwrap(),
        before
    );

    // The court's own account and the administrator may.
    let court = q.api.login("court").await;
    assert_eq!(
        q.detail(&court, &court_ref).await["department_kind"],
        "法院"
    );
    let reply = q.act(&court, &court_ref, "受理", "").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", body_text(&reply));
    let admin = q.api.login("admin").await;
    assert_eq!(q.detail(&admin, &police_ref).await["status"], "待受理");
    let court_list = q
        .api
        .get("/api/staff/applications", Some(&court))
        .await
        .json();
    assert_eq!(refs(&court_list), vec![court_ref]);
}

const PDF_MARK: &str = "%PDF";

#[tokio::test]
async fn the_detail_has_answers_materials_actions_summary_and_log() {
    let q = queue();
    let pdf = q.upload("身份证（正反面）.pdf", PDF).await;
    let photo = q.upload("照片.png", PNG).await;
    let reference = q
        .submit(
            &q.police,
            json!({"name": "张三", "photos": [{"upload_id": photo, "name": "照片.png", "size": PNG.len(), "mime": "image/png"}]}),
            json!([
                {"material": 0, "kind": {"type": "uploaded", "upload_ids": [pdf]}},
                {"material": 1, "kind": {"type": "commitment", "agreed": true}},
                {"material": 2, "kind": {"type": "deferred"}},
                {"material": 3, "kind": {"type": "shared_check"}}
            ]),
        )
        .await;
    let admin = q.api.login("admin").await;
    let detail = q.detail(&admin, &reference).await;
    // It is the documented wire type.
    serde_json::from_value::<StaffApplicationDetail>(detail.clone()).unwrap();

    assert_eq!(detail["receipt"]["reference"], reference.as_str());
    assert_eq!(detail["receipt"]["item_name"], q.police.name.as_str());
    assert_eq!(detail["status"], "待受理");
    assert_eq!(detail["applicant_name"], "张三");
    assert_eq!(detail["answers"]["name"], "张三");
    assert_eq!(detail["answers"]["photos"][0]["upload_id"], photo.as_str());

    let materials = detail["materials"].as_array().unwrap();
    assert_eq!(materials.len(), 4);
    assert_eq!(materials[0]["name"], "材料0");
    assert_eq!(materials[0]["provision"]["type"], "uploaded");
    let file = &materials[0]["provision"]["files"][0];
    assert_eq!(file["id"], pdf.as_str());
    assert_eq!(file["name"], "身份证（正反面）.pdf");
    assert_eq!(file["size"], PDF.len());
    assert_eq!(file["mime"], "application/pdf");
    assert_eq!(
        file["href"],
        format!("/api/staff/applications/{reference}/uploads/{pdf}").as_str()
    );
    assert_eq!(materials[0]["trust_level"], "C 申请人上传");
    assert_eq!(materials[1]["provision"]["type"], "commitment");
    assert_eq!(materials[1]["provision"]["agreed"], true);
    assert_eq!(materials[1]["provision"]["commitment_text"], COMMITMENT);
    assert_eq!(materials[1]["trust_level"], "D 告知承诺");
    assert_eq!(materials[2]["provision"]["type"], "deferred");
    assert!(materials[2].get("trust_level").is_none());
    assert_eq!(materials[3]["provision"]["type"], "shared_check");
    assert_eq!(materials[3]["trust_level"], "A 本机关核发");

    let actions: Vec<(&str, bool)> = detail["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["action"].as_str().unwrap(),
                a["note_required"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        vec![("受理", false), ("不予受理", true), ("要求补正", true)]
    );
    assert_eq!(detail["actions"][1]["note_label"], "不予受理的理由");
    assert_eq!(detail["actions"][2]["to"], "需补正");

    let events = detail["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["actor"], "applicant");
    assert_eq!(events[0]["to"], "待受理");
    assert!(events[0].get("from").is_none());

    let summary = detail["summary"].as_array().unwrap();
    assert_eq!(summary[0]["label"], "姓名");
    assert_eq!(summary[0]["value_text"], "张三");
    let english = q
        .api
        .get(
            &format!("/api/staff/applications/{reference}?lang=en"),
            Some(&admin),
        )
        .await
        .json();
    assert_eq!(english["summary"][0]["label"], "Name");

    // A reference typed in lower case without dashes finds it; garbage and unknown ones do not.
    let typed = reference.replace('-', "").to_lowercase();
    assert_eq!(
        q.detail(&admin, &typed).await["receipt"]["reference"],
        reference.as_str()
    );
    for (uri, status) in [
        (
            format!("/api/staff/applications/{reference}?lang=fr"),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/staff/applications/2222-2222-2222-2222".into(),
            StatusCode::NOT_FOUND,
        ),
        (
            "/api/staff/applications/..%2F..%2Fetc".into(),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let reply = q.api.get(&uri, Some(&admin)).await;
        assert_eq!(reply.status, status, "{uri}");
        assert!(reply.json()["error"]["message_en"].as_str().unwrap().len() > 10);
    }
}

#[tokio::test]
async fn an_attachment_downloads_as_stored_and_only_from_its_application() {
    let q = queue();
    let pdf = q.upload("身份证 正面;100%.pdf", PDF).await;
    let photo = q.upload("照片.png", PNG).await;
    let foreign = q
        .upload("别人的.pdf", b"%PDF-1.4\nsomeone else\n%%EOF\n")
        .await;
    let reference = q
        .submit(
            &q.police,
            json!({"name": "张三", "photos": [{"upload_id": photo, "name": "照片.png", "size": PNG.len(), "mime": "image/png"}]}),
            json!([{"material": 0, "kind": {"type": "uploaded", "upload_ids": [pdf]}}]),
        )
        .await;
    let other = q
        .submit(
            &q.police,
            json!({"name": "李四"}),
            json!([{"material": 0, "kind": {"type": "uploaded", "upload_ids": [foreign]}}]),
        )
        .await;
    let police = q.api.login("police").await;

    let uri = format!("/api/staff/applications/{reference}/uploads/{pdf}");
    let reply = q.api.get(&uri, Some(&police)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, PDF);
    assert_eq!(reply.header("content-type"), Some("application/pdf"));
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(
        reply.header("content-disposition"),
        Some(
            "attachment; filename=\"attachment.pdf\"; filename*=UTF-8''%E8%BA%AB%E4%BB%BD%E8%AF%81%20%E6%AD%A3%E9%9D%A2%3B100%25.pdf"
        )
    );

    // A file answer (not a material) is an attachment of the application too.
    let reply = q
        .api
        .get(
            &format!("/api/staff/applications/{reference}/uploads/{photo}"),
            Some(&police),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, PNG);
    assert_eq!(reply.header("content-type"), Some("image/png"));

    // Another application's upload, an unknown id, or garbage: 404, never the bytes.
    for id in [
        foreign.as_str(),
        "u00000000000000000000000000000000",
        "..%2Fportal.sqlite3",
    ] {
        let reply = q
            .api
            .get(
                &format!("/api/staff/applications/{reference}/uploads/{id}"),
                Some(&police),
            )
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{id}");
        assert_eq!(reply.error_code(), "not_found");
        assert!(!body_text(&reply).contains("someone else"));
    }
    // From its own application it downloads.
    let reply = q
        .api
        .get(
            &format!("/api/staff/applications/{other}/uploads/{foreign}"),
            Some(&police),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn every_valid_path_moves_and_logs_one_entry_per_action() {
    let q = queue();
    let police = q.api.login("police").await;
    let paths: &[&[(&str, &str, Status)]] = &[
        &[
            ("受理", "", Status::Accepted),
            ("开始审查", "材料齐全", Status::UnderReview),
            ("办结", "准予办理，证件已寄出", Status::Completed),
        ],
        &[(
            "要求补正",
            "请补充户口簿首页复印件",
            Status::NeedsCorrection,
        )],
        &[("不予受理", "不属于本机关职权范围", Status::Rejected)],
        &[
            ("要求补正", "缺照片", Status::NeedsCorrection),
            ("补正后重新提交", "", Status::Pending),
            ("受理", "", Status::Accepted),
        ],
    ];
    for path in paths {
        let reference = q.simple(&q.police, "王五").await;
        let mut log = q.detail(&police, &reference).await["events"]
            .as_array()
            .unwrap()
            .clone();
        for (action, note, to) in path.iter() {
            let from = q.detail(&police, &reference).await["status"].clone();
            let reply = q.act(&police, &reference, action, note).await;
            assert_eq!(
                reply.status,
                StatusCode::OK,
                "{action}: {}",
                body_text(&reply)
            );
            assert_eq!(reply.header("cache-control"), Some("no-store"));
            let detail = reply.json();
            assert_eq!(detail["status"], to.label());
            assert_eq!(detail["status_en"], to.label_en());
            let events = detail["events"].as_array().unwrap();
            // One entry more, and every earlier entry exactly as it was.
            assert_eq!(events.len(), log.len() + 1, "{action}");
            assert_eq!(&events[..log.len()], &log[..], "earlier entries unchanged");
            let last = events.last().unwrap();
            assert_eq!(last["actor"], "police");
            assert_eq!(last["from"], from);
            assert_eq!(last["to"], to.label());
            if note.is_empty() {
                assert!(last.get("note").is_none());
            } else {
                assert_eq!(last["note"], *note);
            }
            let offered: Vec<&str> = detail["actions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["action"].as_str().unwrap())
                .collect();
            let expected: Vec<&str> = to.actions().iter().map(|a| a.label()).collect();
            assert_eq!(offered, expected);
            log = events.clone();
        }
    }
}

#[tokio::test]
async fn invalid_transitions_are_409_whatever_the_client_sends() {
    let q = queue();
    let admin = q.api.login("admin").await;
    let completed = q.simple(&q.police, "赵六").await;
    for (action, note) in [("受理", ""), ("开始审查", ""), ("办结", "已办结")] {
        assert_eq!(
            q.act(&admin, &completed, action, note).await.status,
            StatusCode::OK
        );
    }
    let pending = q.simple(&q.police, "钱七").await;
    for (reference, status) in [(&completed, Status::Completed), (&pending, Status::Pending)] {
        let before = q.store.list_events(reference.clone()).await.unwrap();
        for &action in Action::ALL {
            if status.actions().contains(&action) {
                continue;
            }
            // With or without a note, it is refused as invalid.
            for note in ["", "理由"] {
                let reply = q.act(&admin, reference, action.label(), note).await;
                assert_eq!(reply.status, StatusCode::CONFLICT, "{status:?} {action:?}");
                assert_eq!(reply.error_code(), "conflict");
                let error = &reply.json()["error"];
                let (zh, en) = (
                    error["message"].as_str().unwrap(),
                    error["message_en"].as_str().unwrap(),
                );
                assert!(
                    zh.contains(status.label()) && zh.contains(action.label()),
                    "{zh}"
                );
                assert!(
                    en.contains(status.label_en()) && en.contains(action.label_en()),
                    "{en}"
                );
            }
        }
        assert_eq!(
            q.store.list_events(reference.clone()).await.unwrap(),
            before
        );
    }
    // 已办结 → 受理, as the brief's example.
    let reply = q.act(&admin, &completed, "受理", "").await;
    assert_eq!(
        reply.json()["error"]["message"],
        "当前状态为“已办结”，不能执行“受理”"
    );

    // Not an action at all, or not JSON: 400, nothing logged.
    for body in [
        json!({"action": "批准"}),
        json!({"note": "x"}),
        json!({"action": "受理", "by": "admin"}),
    ] {
        let reply = q
            .api
            .request(
                Method::POST,
                &format!("/api/staff/applications/{pending}/transitions"),
                Some(&admin),
                Some(body.clone()),
                None,
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(reply.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("受理"));
    }
    assert_eq!(q.store.list_events(pending.clone()).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_missing_or_oversized_note_is_422_on_the_note_field() {
    let q = queue();
    let court = q.api.login("court").await;
    let reference = q.simple(&q.court, "孙八").await;
    for (action, label) in [
        ("不予受理", "不予受理的理由"),
        ("要求补正", "需补正的材料或内容"),
    ] {
        for note in ["", "  \n\t "] {
            let reply = q.act(&court, &reference, action, note).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{action}");
            assert_eq!(reply.error_code(), "validation_failed");
            let error = &reply.json()["error"];
            assert!(error["message"].as_str().unwrap().contains(label));
            assert_eq!(error["fields"][0]["path"], "note");
            assert_eq!(error["fields"][0]["code"], "required");
            assert!(error["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains(label));
            assert!(!error["fields"][0]["message_en"]
                .as_str()
                .unwrap()
                .is_empty());
        }
    }
    let long = "缺".repeat(1001);
    let reply = q.act(&court, &reference, "要求补正", &long).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["error"]["fields"][0]["code"], "too_long");
    assert_eq!(reply.json()["error"]["fields"][0]["max"], 1000);
    // Nothing was logged; 办结 needs its result too.
    assert_eq!(
        q.store.list_events(reference.clone()).await.unwrap().len(),
        1
    );
    for (action, note) in [("受理", ""), ("开始审查", "")] {
        assert_eq!(
            q.act(&court, &reference, action, note).await.status,
            StatusCode::OK
        );
    }
    let reply = q.act(&court, &reference, "办结", " ").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.json()["error"]["fields"][0]["message"]
        .as_str()
        .unwrap()
        .contains("办理结果"));
}

#[tokio::test]
async fn two_staff_acting_at_once_cannot_both_move_it_from_the_same_status() {
    let q = queue();
    // In the store: the second compare-and-set from 待受理 finds it moved and writes nothing.
    let reference = q.simple(&q.police, "周九").await;
    let event = |to, note: &str| NewStatusEvent {
        reference: reference.clone(),
        actor: "police".into(),
        to,
        note: Some(note.to_owned()),
    };
    let first = q
        .store
        .append_event_from(Status::Pending, event(Status::Accepted, "a"))
        .await
        .unwrap();
    assert!(matches!(first, AppendOutcome::Appended(_)));
    let second = q
        .store
        .append_event_from(Status::Pending, event(Status::Rejected, "b"))
        .await
        .unwrap();
    assert_eq!(
        second,
        AppendOutcome::StatusChanged {
            found: Status::Accepted
        }
    );
    assert_eq!(
        q.store.list_events(reference.clone()).await.unwrap().len(),
        2
    );

    // Over HTTP, many at once: exactly one wins.
    let police = q.api.login("police").await;
    let admin = q.api.login("admin").await;
    for _ in 0..5 {
        let reference = q.simple(&q.police, "吴十").await;
        let (a, b, c) = tokio::join!(
            q.act(&police, &reference, "受理", ""),
            q.act(&admin, &reference, "不予受理", "重复申请"),
            q.act(&admin, &reference, "要求补正", "缺材料"),
        );
        let statuses = [a.status, b.status, c.status];
        assert_eq!(
            statuses.iter().filter(|s| **s == StatusCode::OK).count(),
            1,
            "{statuses:?}"
        );
        assert!(statuses
            .iter()
            .all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT));
        assert_eq!(q.store.list_events(reference).await.unwrap().len(), 2);
    }
}

#[tokio::test]
async fn the_applicant_reads_the_notes_meant_for_them_but_never_who_acted() {
    let q = queue();
    let police = q.api.login("police").await;
    let corrected = q.simple(&q.police, "郑一").await;
    q.act(&police, &corrected, "要求补正", "请补充户口簿首页复印件")
        .await;
    let refused = q.simple(&q.police, "郑二").await;
    q.act(&police, &refused, "不予受理", "不属于本机关职权范围")
        .await;
    let done = q.simple(&q.police, "郑三").await;
    q.act(&police, &done, "受理", "内部备注：已电话核实").await;
    q.act(&police, &done, "开始审查", "").await;
    q.act(&police, &done, "办结", "准予登记，证件已寄出").await;

    for (reference, note) in [
        (&corrected, "请补充户口簿首页复印件"),
        (&refused, "不属于本机关职权范围"),
        (&done, "准予登记，证件已寄出"),
    ] {
        let (view, text) = q.citizen_view(reference).await;
        let history = view["history"].as_array().unwrap();
        assert_eq!(history.last().unwrap()["note"], note);
        assert!(history.iter().all(|step| step.get("actor").is_none()));
        assert!(!text.contains("police"), "{text}");
    }
    // An optional remark on accepting is internal.
    let (view, text) = q.citizen_view(&done).await;
    assert_eq!(view["history"].as_array().unwrap().len(), 4);
    assert!(view["history"][1].get("note").is_none());
    assert!(!text.contains("内部备注"));
}

#[tokio::test]
async fn an_applicant_name_with_markup_round_trips_as_literal_text() {
    let q = queue();
    let pdf = q.upload(&format!("{XSS}.pdf"), PDF).await;
    let reference = q
        .submit(
            &q.police,
            json!({"name": XSS}),
            json!([{"material": 0, "kind": {"type": "uploaded", "upload_ids": [pdf]}}]),
        )
        .await;
    let police = q.api.login("police").await;
    let list = q.api.get("/api/staff/applications", Some(&police)).await;
    assert_eq!(list.header("content-type"), Some("application/json"));
    assert_eq!(list.json()["rows"][0]["applicant_name"], XSS);
    assert!(
        body_text(&list).contains(XSS),
        "the exact characters, as JSON text"
    );
    let detail = q.detail(&police, &reference).await;
    assert_eq!(detail["applicant_name"], XSS);
    assert_eq!(detail["answers"]["name"], XSS);
    assert_eq!(detail["summary"][0]["value_text"], XSS);
    assert_eq!(
        detail["materials"][0]["provision"]["files"][0]["name"],
        format!("{XSS}.pdf")
    );
    // As a download name it is percent-encoded data, never a header break-out.
    let reply = q
        .api
        .get(
            &format!("/api/staff/applications/{reference}/uploads/{pdf}"),
            Some(&police),
        )
        .await;
    let disposition = reply.header("content-disposition").unwrap();
    assert!(disposition.ends_with("%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.pdf"));
    assert!(!disposition.contains('<'));
}
