//! The SQLite store on its own: pragmas, migrations, idempotent submit, the audit log, listing.

use portal_core::submission::ApplicationStatus;
use portal_core::{DepartmentKind, TimeLimit, TimeUnit};
use portal_mock_api::store::{
    supported_schema_version, ApplicationFilter, ApplicationStore, IdempotencyKey, NewApplication,
    NewStatusEvent, Page, ReceiptTemplate, SqliteStore, StoreError, SubmitOutcome, UploadRecord,
};

fn new_application(item: &str, department: DepartmentKind) -> NewApplication {
    NewApplication {
        item_code: item.to_owned(),
        department,
        submission_json: format!(r#"{{"item_code":"{item}","answers":{{}}}}"#),
        receipt: ReceiptTemplate {
            item_name: format!("事项 {item}"),
            promised_limit: TimeLimit {
                amount: 5,
                unit: TimeUnit::WorkingDays,
            },
        },
        actor: "applicant".to_owned(),
    }
}

fn key(key: &str, hash: &str) -> IdempotencyKey {
    IdempotencyKey {
        key: key.to_owned(),
        request_hash: hash.to_owned(),
    }
}

async fn created(store: &SqliteStore, item: &str, k: &str) -> String {
    match store
        .submit(new_application(item, DepartmentKind::Police), key(k, "h"))
        .await
        .unwrap()
    {
        SubmitOutcome::Created(record) => record.reference,
        other => panic!("expected Created, got {other:?}"),
    }
}

#[tokio::test]
async fn the_file_is_wal_migrated_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    assert_eq!(
        store.schema_version().await.unwrap(),
        supported_schema_version()
    );
    let reference = created(&store, "A1", "k1").await;
    drop(store);

    // journal_mode=WAL persists in the file: a fresh, unconfigured connection sees it.
    let raw = rusqlite::Connection::open(dir.path().join("portal.sqlite3")).unwrap();
    let mode: String = raw
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(raw);

    let again = SqliteStore::open(dir.path()).unwrap();
    let record = again
        .get_application(reference.clone())
        .await
        .unwrap()
        .expect("still there");
    assert_eq!(record.item_code, "A1");
    assert_eq!(record.status, ApplicationStatus::Pending);
    assert_eq!(again.integrity_check().await.unwrap(), "ok");
}

#[tokio::test]
async fn a_database_from_a_newer_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(SqliteStore::open(dir.path()).unwrap());
    let raw = rusqlite::Connection::open(dir.path().join("portal.sqlite3")).unwrap();
    raw.pragma_update(None, "user_version", supported_schema_version() + 1)
        .unwrap();
    drop(raw);
    let err = SqliteStore::open(dir.path()).err().expect("refused");
    assert!(matches!(err, StoreError::SchemaTooNew { .. }), "{err}");
}

#[tokio::test]
async fn one_key_one_application_replay_and_reuse() {
    let store = SqliteStore::open_in_memory().unwrap();
    let first = store
        .submit(
            new_application("A1", DepartmentKind::Court),
            key("k", "hash-1"),
        )
        .await
        .unwrap();
    let SubmitOutcome::Created(original) = first else {
        panic!("{first:?}")
    };
    let replay = store
        .submit(
            new_application("A1", DepartmentKind::Court),
            key("k", "hash-1"),
        )
        .await
        .unwrap();
    assert_eq!(replay, SubmitOutcome::Replayed(original.clone()));
    let reuse = store
        .submit(
            new_application("A2", DepartmentKind::Court),
            key("k", "hash-2"),
        )
        .await
        .unwrap();
    assert_eq!(reuse, SubmitOutcome::KeyReused);
    let all = store
        .list_applications(
            ApplicationFilter::default(),
            Page {
                number: 0,
                size: 50,
            },
        )
        .await
        .unwrap();
    assert_eq!(all.total, 1, "never a duplicate");
    assert_eq!(all.rows, vec![original]);
}

#[tokio::test]
async fn concurrent_submissions_with_one_key_store_one_application() {
    let store = SqliteStore::open_in_memory().unwrap();
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .submit(
                        new_application("A1", DepartmentKind::Police),
                        key("same", "h"),
                    )
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut references = std::collections::HashSet::new();
    let mut created_count = 0;
    for task in tasks {
        match task.await.unwrap() {
            SubmitOutcome::Created(r) => {
                created_count += 1;
                references.insert(r.reference);
            }
            SubmitOutcome::Replayed(r) => {
                references.insert(r.reference);
            }
            SubmitOutcome::KeyReused => panic!("same body"),
        }
    }
    assert_eq!(created_count, 1);
    assert_eq!(references.len(), 1);
}

#[tokio::test]
async fn the_status_log_is_appended_atomically_and_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    let reference = created(&store, "A1", "k").await;
    let event = store
        .append_event(NewStatusEvent {
            reference: reference.clone(),
            actor: "staff:001".to_owned(),
            to: ApplicationStatus::Accepted,
            note: Some("材料齐全".to_owned()),
        })
        .await
        .unwrap();
    assert_eq!(event.from, Some(ApplicationStatus::Pending));
    let record = store
        .get_application(reference.clone())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.status, ApplicationStatus::Accepted);
    assert_eq!(record.updated_at, event.at);

    let events = store.list_events(reference.clone()).await.unwrap();
    let moves: Vec<_> = events
        .iter()
        .map(|e| (e.from, e.to, e.actor.as_str()))
        .collect();
    assert_eq!(
        moves,
        [
            (None, ApplicationStatus::Pending, "applicant"),
            (
                Some(ApplicationStatus::Pending),
                ApplicationStatus::Accepted,
                "staff:001"
            )
        ]
    );

    let unknown = store
        .append_event(NewStatusEvent {
            reference: "2222-2222-2222-2222".to_owned(),
            actor: "staff:001".to_owned(),
            to: ApplicationStatus::Accepted,
            note: None,
        })
        .await;
    assert!(matches!(unknown, Err(StoreError::NotFound(_))));

    drop(store);
    let raw = rusqlite::Connection::open(dir.path().join("portal.sqlite3")).unwrap();
    assert!(raw
        .execute("UPDATE status_events SET note = 'rewritten'", [])
        .is_err());
    assert!(raw.execute("DELETE FROM status_events", []).is_err());
}

#[tokio::test]
async fn listing_filters_by_status_item_department_and_date_and_pages() {
    let store = SqliteStore::open_in_memory().unwrap();
    for i in 0..5 {
        created(&store, "A1", &format!("a{i}")).await;
    }
    let court = match store
        .submit(new_application("B2", DepartmentKind::Court), key("b", "h"))
        .await
        .unwrap()
    {
        SubmitOutcome::Created(r) => r,
        other => panic!("{other:?}"),
    };
    store
        .append_event(NewStatusEvent {
            reference: court.reference.clone(),
            actor: "staff".to_owned(),
            to: ApplicationStatus::Accepted,
            note: None,
        })
        .await
        .unwrap();
    let page = |number, size| Page { number, size };
    let list = |filter: ApplicationFilter, p: Page| {
        let store = store.clone();
        async move { store.list_applications(filter, p).await.unwrap() }
    };

    let by_item = list(
        ApplicationFilter {
            item_code: Some("A1".into()),
            ..Default::default()
        },
        page(0, 2),
    )
    .await;
    assert_eq!((by_item.total, by_item.rows.len()), (5, 2));
    let last_page = list(
        ApplicationFilter {
            item_code: Some("A1".into()),
            ..Default::default()
        },
        page(2, 2),
    )
    .await;
    assert_eq!(last_page.rows.len(), 1);

    let accepted = list(
        ApplicationFilter {
            status: Some(ApplicationStatus::Accepted),
            ..Default::default()
        },
        page(0, 10),
    )
    .await;
    assert_eq!(accepted.rows.len(), 1);
    assert_eq!(accepted.rows[0].reference, court.reference);

    let courts = list(
        ApplicationFilter {
            department: Some(DepartmentKind::Court),
            ..Default::default()
        },
        page(0, 10),
    )
    .await;
    assert_eq!(courts.total, 1);

    let today = &court.created_at[..10];
    let today_only = list(
        ApplicationFilter {
            submitted_from: Some(today.into()),
            submitted_to: Some(today.into()),
            ..Default::default()
        },
        page(0, 10),
    )
    .await;
    assert_eq!(today_only.total, 6);
    let before = list(
        ApplicationFilter {
            submitted_to: Some("2000-01-01".into()),
            ..Default::default()
        },
        page(0, 10),
    )
    .await;
    assert_eq!(before.total, 0);
}

#[tokio::test]
async fn uploads_are_recorded_and_unknown_ids_are_absent() {
    let store = SqliteStore::open_in_memory().unwrap();
    let record = UploadRecord {
        id: "u1".into(),
        sha256: "ab".repeat(32),
        size: 1234,
        mime: "application/pdf".into(),
        original_name: "../../etc/passwd".into(),
        created_at: "2026-11-24T10:00:00+08:00".into(),
    };
    store.put_upload(record.clone()).await.unwrap();
    let found = store
        .get_uploads(vec!["u1".into(), "nope".into()])
        .await
        .unwrap();
    assert_eq!(found, vec![record]);
}

// ---- The real binary: durability across SIGKILL, and refusing a bad form definition. ----

mod binary {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::path::Path;
    use std::process::{Child, Command, Stdio};

    use portal_core::synth::synthetic_items;
    use serde_json::{json, Value};

    const BIN: &str = env!("CARGO_BIN_EXE_portal-mock-api");

    /// A catalog of synthetic items and a form for the first that can be applied for online.
    fn data_files(root: &Path) -> String {
        let items = synthetic_items(20);
        let item = items
            .iter()
            .find(|i| i.online.depth.can_apply_online())
            .unwrap();
        std::fs::create_dir_all(root.join("catalog")).unwrap();
        std::fs::create_dir_all(root.join("forms")).unwrap();
        std::fs::write(
            root.join("catalog/items.json"),
            serde_json::to_string(&items).unwrap(),
        )
        .unwrap();
        let form = json!({"item_code": item.code, "steps": [{"id": "applicant",
            "title": {"zh": "申请人", "en": "Applicant"},
            "fields": [{"id": "name", "label": {"zh": "姓名", "en": "Name"}, "kind": {"type": "text"}}]}]});
        std::fs::write(root.join("forms/form.json"), form.to_string()).unwrap();
        item.code.clone()
    }

    fn start(root: &Path) -> (Child, u16) {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new(BIN)
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .arg("--data-dir")
            .arg(root.join("data"))
            .arg("--catalog-dir")
            .arg(root.join("catalog"))
            .arg("--forms-dir")
            .arg(root.join("forms"))
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(line.contains("1 forms"), "{line}");
        (child, port)
    }

    /// One HTTP/1.1 exchange; (status, JSON body).
    fn http(port: u16, request_line: &str, headers: &str, body: &[u8]) -> (u16, Value) {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let head = format!(
            "{request_line} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{headers}Content-Length: {}\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response);
        let status = text[9..12].parse().unwrap();
        let body = text.split("\r\n\r\n").nth(1).unwrap_or_default();
        (status, serde_json::from_str(body).unwrap_or(Value::Null))
    }

    #[test]
    fn an_acknowledged_application_survives_sigkill() {
        let root = tempfile::tempdir().unwrap();
        let code = data_files(root.path());
        let (mut child, port) = start(root.path());
        let mut acknowledged = Vec::new();
        for i in 0..5 {
            let key = format!("3f2b6c1e-8d4a-4e0b-9a57-0c1d2e3f4a{i:02}");
            let body = json!({"item_code": code, "answers": {"name": format!("申请人{i}")},
                "materials": [{"material": 0, "kind": {"type": "uploaded", "upload_ids": [upload(port)]}}]});
            let (status, receipt) = http(
                port,
                "POST /api/applications",
                &format!("Content-Type: application/json\r\nIdempotency-Key: {key}\r\n"),
                body.to_string().as_bytes(),
            );
            assert_eq!(status, 201, "{receipt}");
            acknowledged.push(receipt);
        }
        // SIGKILL: no shutdown hook, no flush, no checkpoint.
        child.kill().unwrap();
        child.wait().unwrap();

        let (mut again, port) = start(root.path());
        for receipt in &acknowledged {
            let reference = receipt["reference"].as_str().unwrap();
            let (status, case) = http(port, &format!("GET /api/applications/{reference}"), "", b"");
            assert_eq!(status, 200, "{reference} lost after SIGKILL");
            assert_eq!(&case["receipt"], receipt, "intact");
        }
        again.kill().unwrap();
        again.wait().unwrap();
        let raw = rusqlite::Connection::open(root.path().join("data/portal.sqlite3")).unwrap();
        let ok: String = raw
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let count: i64 = raw
            .query_row("SELECT count(*) FROM applications", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 5);
    }

    fn upload(port: u16) -> String {
        let body = b"--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 test\r\n--B--\r\n";
        let (status, json) = http(
            port,
            "POST /api/uploads",
            "Content-Type: multipart/form-data; boundary=B\r\n",
            body,
        );
        assert_eq!(status, 201, "{json}");
        json[0]["upload_id"].as_str().unwrap().to_owned()
    }

    #[test]
    fn a_bad_form_definition_stops_start_up_naming_file_item_and_field() {
        let root = tempfile::tempdir().unwrap();
        let code = data_files(root.path());
        let bad = json!({"item_code": code, "steps": [{"id": "Bad-Step",
            "title": {"zh": "申请人", "en": "Applicant"},
            "fields": [{"id": "name", "label": {"zh": "姓名", "en": "Name"}, "kind": {"type": "text"}}]}]});
        std::fs::write(root.path().join("forms/form.json"), bad.to_string()).unwrap();
        let output = Command::new(BIN)
            .args(["--addr", "127.0.0.1:0"])
            .arg("--data-dir")
            .arg(root.path().join("data"))
            .arg("--catalog-dir")
            .arg(root.path().join("catalog"))
            .arg("--forms-dir")
            .arg(root.path().join("forms"))
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_ne!(output.status.code(), Some(0));
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("form.json"), "{stderr}");
        assert!(stderr.contains(&code), "{stderr}");
        assert!(stderr.contains("steps.Bad-Step"), "{stderr}");

        std::fs::write(root.path().join("forms/form.json"), "{ not json").unwrap();
        let output = Command::new(BIN)
            .args(["--addr", "127.0.0.1:0", "--forms-dir"])
            .arg(root.path().join("forms"))
            .arg("--catalog-dir")
            .arg(root.path().join("catalog"))
            .env("PORTAL_DATA_DIR", root.path().join("data"))
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_ne!(output.status.code(), Some(0));
        assert!(
            stderr.contains("form.json") && !stderr.contains("panicked"),
            "{stderr}"
        );
    }
}
