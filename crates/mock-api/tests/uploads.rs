//! `POST /api/uploads`: content decides the type, sizes are enforced while streaming, files are
//! kept by SHA-256 under the data directory, and a client's name is never a path.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use portal_core::synth::synthetic_items;
use portal_core::ErrorCode;
use portal_mock_api::uploads::UploadedFile;
use portal_mock_api::{app, AppState, Catalog, Forms, SqliteStore, UploadDir};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tower::ServiceExt;

const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
const JPG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xd9";

fn state(data: &Path) -> AppState {
    AppState {
        catalog: Arc::new(Catalog::from_items(synthetic_items(3))),
        dist: None,
        forms: Arc::new(Forms::empty()),
        store: Arc::new(SqliteStore::open(data).unwrap()),
        uploads: Arc::new(UploadDir::new(data.join("uploads"))),
        staff: Default::default(),
    }
}

/// A multipart body of (file name, client content type, bytes).
fn multipart(files: &[(&str, &str, &[u8])]) -> Request<Body> {
    let mut body = Vec::new();
    for (name, content_type, content) in files {
        body.extend_from_slice(
            format!(
                "--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"--B--\r\n");
    Request::post("/api/uploads")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=B")
        .body(Body::from(body))
        .unwrap()
}

async fn send(state: &AppState, request: Request<Body>) -> (StatusCode, Value) {
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).expect("JSON"))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn error(json: &Value) -> (String, String, String) {
    let e = &json["error"];
    (
        e["code"].as_str().unwrap().to_owned(),
        e["message"].as_str().unwrap().to_owned(),
        e["message_en"].as_str().unwrap().to_owned(),
    )
}

/// Every file in the upload directory (part files included).
fn stored_names(data: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data.join("uploads"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[tokio::test]
async fn several_files_are_kept_by_content_hash_and_answered() {
    let data = tempfile::tempdir().unwrap();
    let state = state(data.path());
    let (status, json) = send(
        &state,
        multipart(&[
            ("申请书.pdf", "application/pdf", PDF),
            ("照片.png", "image/png", PNG),
            ("户口簿.jpg", "image/jpeg", JPG),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{json}");
    let files: Vec<UploadedFile> = serde_json::from_value(json).unwrap();
    let summary: Vec<(&str, &str, u64)> = files
        .iter()
        .map(|f| (f.name.as_str(), f.mime.as_str(), f.size))
        .collect();
    assert_eq!(
        summary,
        [
            ("申请书.pdf", "application/pdf", PDF.len() as u64),
            ("照片.png", "image/png", PNG.len() as u64),
            ("户口簿.jpg", "image/jpeg", JPG.len() as u64)
        ]
    );
    for (file, content) in files.iter().zip([PDF, PNG, JPG]) {
        assert_eq!(file.sha256, sha256_hex(content));
        let kept = std::fs::read(data.path().join("uploads").join(&file.sha256)).unwrap();
        assert_eq!(kept, content);
        assert!(
            file.upload_id.len() >= 32,
            "unguessable id {}",
            file.upload_id
        );
    }
    let mut expected: Vec<String> = [PDF, PNG, JPG].iter().map(|c| sha256_hex(c)).collect();
    expected.sort();
    assert_eq!(
        stored_names(data.path()),
        expected,
        "no part files left, no client names"
    );
}

#[tokio::test]
async fn content_decides_not_the_name_or_the_client_content_type() {
    let data = tempfile::tempdir().unwrap();
    let state = state(data.path());
    // A PNG renamed .pdf and declared application/pdf is kept, as the PNG it is.
    let (status, json) = send(&state, multipart(&[("scan.pdf", "application/pdf", PNG)])).await;
    assert_eq!(status, StatusCode::CREATED, "{json}");
    assert_eq!(json[0]["mime"], "image/png");

    // Text named .pdf, and a GIF, are refused naming the file.
    for (name, content) in [
        ("证明.pdf", b"this is only text".as_slice()),
        (
            "动图.png",
            b"GIF89a\x01\0\x01\0\x80\0\0\xff\xff\xff\0\0\0!".as_slice(),
        ),
    ] {
        let (status, json) = send(&state, multipart(&[(name, "application/pdf", content)])).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{name}");
        let (code, zh, en) = error(&json);
        assert_eq!(code, "unsupported_media_type");
        assert!(zh.contains(name) && zh.contains("PDF、JPG 或 PNG"), "{zh}");
        assert!(en.contains(name), "{en}");
    }
}

#[tokio::test]
async fn a_file_over_10_mb_is_413_naming_it_and_leaves_nothing_behind() {
    let data = tempfile::tempdir().unwrap();
    let state = state(data.path());
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let (status, json) = send(
        &state,
        multipart(&[("大文件.pdf", "application/pdf", &big)]),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let (code, zh, en) = error(&json);
    assert_eq!(code, "payload_too_large");
    assert!(zh.contains("大文件.pdf") && zh.contains("10 MB"), "{zh}");
    assert!(en.contains("大文件.pdf"), "{en}");
    assert_eq!(
        stored_names(data.path()),
        Vec::<String>::new(),
        "the part file is removed"
    );

    let mut exactly = PDF.to_vec();
    exactly.resize(10 * 1024 * 1024, b' ');
    let (status, _) = send(
        &state,
        multipart(&[("刚好.pdf", "application/pdf", &exactly)]),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "exactly 10 MB is allowed");
}

#[tokio::test]
async fn a_body_over_the_route_limit_is_a_json_413() {
    let data = tempfile::tempdir().unwrap();
    let state = state(data.path());
    // Six files of 9 MB: each under the file limit, together over the request limit.
    let mut nine = PDF.to_vec();
    nine.resize(9 * 1024 * 1024, b' ');
    let files: Vec<(&str, &str, &[u8])> = (0..6)
        .map(|_| ("part.pdf", "application/pdf", nine.as_slice()))
        .collect();
    let (status, json) = send(&state, multipart(&files)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{json}");
    assert_eq!(error(&json).0, "payload_too_large");
}

#[tokio::test]
async fn a_path_like_name_is_only_data() {
    let data = tempfile::tempdir().unwrap();
    let state = state(data.path());
    let name = "../../escape.pdf";
    let (status, json) = send(&state, multipart(&[(name, "application/pdf", PDF)])).await;
    assert_eq!(status, StatusCode::CREATED, "{json}");
    assert_eq!(json[0]["name"], name, "shown back as given");
    assert!(!data.path().join("escape.pdf").exists());
    assert!(!data.path().parent().unwrap().join("escape.pdf").exists());
    assert_eq!(stored_names(data.path()), vec![sha256_hex(PDF)]);
}

#[tokio::test]
async fn empty_files_too_many_files_and_non_file_parts_are_refused() {
    let data = tempfile::tempdir().unwrap();
    let state = state(data.path());
    let (status, json) = send(&state, multipart(&[("空.pdf", "application/pdf", b"")])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error(&json).1.contains("空.pdf"));

    let eleven: Vec<(&str, &str, &[u8])> =
        (0..11).map(|_| ("a.pdf", "application/pdf", PDF)).collect();
    let (status, json) = send(&state, multipart(&eleven)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(error(&json).1.contains("10 个文件"));

    let field = Request::post("/api/uploads")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=B")
        .body(Body::from(
            "--B\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--B--\r\n",
        ))
        .unwrap();
    let (status, json) = send(&state, field).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        error(&json).0,
        serde_json::to_value(ErrorCode::BadRequest).unwrap()
    );
}
