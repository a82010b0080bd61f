//! The HTTP surface, driven in-process with `oneshot`.

use std::path::Path;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use portal_core::synth::synthetic_items;
use portal_core::{ErrorBody, ErrorCode, ItemSummary, ServiceItem};
use portal_mock_api::{app, AppState, Catalog, CatalogError};
use tower::ServiceExt;

fn state(dist: Option<&Path>) -> AppState {
    AppState::catalog_only(
        Catalog::from_items(synthetic_items(30)),
        dist.map(Path::to_owned),
    )
}

async fn send(state: AppState, method: Method, uri: &str) -> (StatusCode, Vec<u8>, Option<String>) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    let response = app(state).oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, body, content_type)
}

fn error_of(body: &[u8]) -> ErrorBody {
    serde_json::from_slice(body).expect("error body in the core envelope")
}

#[tokio::test]
async fn health_reports_the_catalog_size() {
    let (status, body, _) = send(state(None), Method::GET, "/api/health").await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["items"], 30);
}

#[tokio::test]
async fn items_lists_summaries_with_pinyin_keys() {
    let (status, body, content_type) = send(state(None), Method::GET, "/api/items").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type.as_deref(), Some("application/json"));
    let items: Vec<ItemSummary> = serde_json::from_slice(&body).unwrap();
    assert_eq!(items.len(), 30);
    let first = &items[0];
    assert_eq!(first.code, "SYN00000000");
    assert_eq!(
        first.keys.name_entries().count(),
        first.name.chars().count()
    );
    assert!(first.keys.name.starts_with("bei jing "), "{}", first.name);
    // On the wire a name's keys are one string per character: the side-by-side benchmark takes
    // the peers' initials from each entry's first letter (`data/from_portal.py`).
    let raw: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let entries = raw[0]["keys"]["name"]
        .as_array()
        .expect("an array of entries");
    assert_eq!(entries.len(), first.name.chars().count());
    assert_eq!(entries[..2], ["bei", "jing"]);
}

#[tokio::test]
async fn one_item_has_its_whole_guide() {
    let (status, body, _) = send(state(None), Method::GET, "/api/items/SYN00000007").await;
    assert_eq!(status, StatusCode::OK);
    let item: ServiceItem = serde_json::from_slice(&body).unwrap();
    assert_eq!(item, synthetic_items(8)[7]);
}

#[tokio::test]
async fn unknown_code_is_a_json_404() {
    let (status, body, _) = send(state(None), Method::GET, "/api/items/NOPE").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let error = error_of(&body).error;
    assert_eq!(error.code, ErrorCode::NotFound);
    assert!(error.message.contains("NOPE") && error.message_en.contains("NOPE"));
}

#[tokio::test]
async fn a_malformed_code_is_a_json_400_not_a_plain_text_rejection() {
    let (status, body, content_type) = send(state(None), Method::GET, "/api/items/%FF%FE").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(content_type.as_deref(), Some("application/json"));
    let error = error_of(&body).error;
    assert_eq!(error.code, ErrorCode::BadRequest);
    assert!(!error.message.is_empty() && !error.message_en.is_empty());
}

#[tokio::test]
async fn unknown_api_path_and_wrong_method_are_json_errors() {
    let (status, body, _) = send(state(None), Method::GET, "/api/nothing/here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error_of(&body).error.message.contains("/api/nothing/here"));

    let (status, body, _) = send(state(None), Method::POST, "/api/items").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error_of(&body).error.code, ErrorCode::MethodNotAllowed);

    let (status, body, _) = send(state(None), Method::GET, "/").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "no dist: nothing but the API"
    );
    assert_eq!(error_of(&body).error.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn responses_are_gzipped_when_asked() {
    let request = Request::get("/api/items")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap();
    let response = app(state(None)).oneshot(request).await.unwrap();
    assert_eq!(
        response.headers().get(header::CONTENT_ENCODING).unwrap(),
        "gzip"
    );
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn catalog_files_load_in_name_order_plus_synthetic_items() {
    let dir = tempfile::tempdir().unwrap();
    let items = synthetic_items(3);
    write(
        dir.path(),
        "b.json",
        &serde_json::to_string(&items[1..]).unwrap(),
    );
    write(
        dir.path(),
        "a.json",
        &serde_json::to_string(&items[..1]).unwrap(),
    );
    write(dir.path(), "notes.txt", "not a catalog file");
    let catalog = Catalog::load(dir.path(), 0).unwrap();
    assert_eq!(catalog.len(), 3);
    assert_eq!(catalog.get("SYN00000002"), Some(&items[2]));
    assert!(
        Catalog::load(dir.path(), 5).is_err(),
        "synthetic codes clash with the files' own"
    );
}

#[test]
fn a_malformed_file_is_named_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.json",
        &serde_json::to_string(&synthetic_items(1)).unwrap(),
    );
    write(dir.path(), "broken.json", "[{\"code\": \"X\",}]");
    let err = Catalog::load(dir.path(), 0).unwrap_err();
    assert!(matches!(err, CatalogError::Parse { .. }));
    let line = err.to_string();
    assert!(
        line.contains("broken.json") && line.contains("line 1"),
        "{line}"
    );
    assert!(!line.contains('\n'));
}

#[test]
fn an_invalid_item_is_named_with_file_item_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut items = synthetic_items(2);
    items[1].phones.consult = " ".into();
    write(
        dir.path(),
        "police.json",
        &serde_json::to_string(&items).unwrap(),
    );
    let line = Catalog::load(dir.path(), 0).unwrap_err().to_string();
    assert!(
        line.contains("police.json")
            && line.contains("SYN00000001")
            && line.contains("phones.consult"),
        "{line}"
    );
}

#[test]
fn a_code_repeated_in_a_later_file_names_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let items = synthetic_items(1);
    write(
        dir.path(),
        "a.json",
        &serde_json::to_string(&items).unwrap(),
    );
    write(
        dir.path(),
        "b.json",
        &serde_json::to_string(&items).unwrap(),
    );
    let line = Catalog::load(dir.path(), 0).unwrap_err().to_string();
    assert!(line.contains("b.json") && line.contains("重复"), "{line}");
}

#[test]
fn a_missing_or_empty_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Catalog::load(dir.path(), 0),
        Err(CatalogError::NoFiles(_))
    ));
    assert!(matches!(
        Catalog::load(&dir.path().join("absent"), 0),
        Err(CatalogError::ReadDir { .. })
    ));
}

#[test]
fn the_repository_seed_catalog_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog");
    let catalog = Catalog::load(&dir, 10_000).unwrap();
    assert!(catalog.len() >= 10_060);
}
