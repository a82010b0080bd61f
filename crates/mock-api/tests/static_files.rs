//! The built app under `--dist`: navigations fall back to index.html, missing assets are 404,
//! precompressed siblings are served with their encoding, and each kind of file has its cache
//! policy. Driven in-process with `oneshot` against a temporary dist directory.

use std::path::Path;

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use portal_core::synth::synthetic_items;
use portal_core::{ErrorBody, ErrorCode};
use portal_mock_api::static_files::{
    has_content_hash, is_navigation, CATALOG_APP_DIR, STAFF_APP_DIR,
};
use portal_mock_api::{app, AppState, Catalog};
use tempfile::TempDir;
use tower::ServiceExt;

const WASM: &str = "portal-1a2b3c4d5e6f7a8b_bg.wasm";
const JS: &str = "portal-1a2b3c4d5e6f7a8b.js";
const NAVIGATE: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: header::HeaderName) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

/// A dist with index.html, a hashed wasm and js, an unhashed icon, and precompressed siblings
/// (their content is a marker, not real compressed data: the server only passes bytes on).
fn dist() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files: &[(&str, &[u8])] = &[
        (
            "index.html",
            b"<!doctype html><title>\xe4\xb8\x80\xe6\xac\xa1\xe5\x8a\x9e</title>",
        ),
        ("index.html.br", b"BR:index"),
        ("index.html.gz", b"GZ:index"),
        (WASM, b"\0asm-identity"),
        ("portal-1a2b3c4d5e6f7a8b_bg.wasm.br", b"BR:wasm"),
        ("portal-1a2b3c4d5e6f7a8b_bg.wasm.gz", b"GZ:wasm"),
        (JS, b"export{}"),
        ("favicon.svg", b"<svg/>"),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

async fn get(dist: &Path, uri: &str, headers: &[(header::HeaderName, &str)]) -> Reply {
    request(dist, Method::GET, uri, headers).await
}

async fn request(
    dist: &Path,
    method: Method,
    uri: &str,
    headers: &[(header::HeaderName, &str)],
) -> Reply {
    let state = AppState::catalog_only(
        Catalog::from_items(synthetic_items(3)),
        Some(dist.to_owned()),
    );
    let mut builder = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(name, *value);
    }
    let response = app(state)
        .oneshot(builder.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: body.to_vec(),
    }
}

fn error_code(body: &[u8]) -> ErrorCode {
    serde_json::from_slice::<ErrorBody>(body)
        .expect("error body in the core envelope")
        .error
        .code
}

#[tokio::test]
async fn navigations_fall_back_to_index_html_revalidated() {
    let dist = dist();
    for path in ["/", "/items/SYN00000001", "/some/unknown/page", "/items/"] {
        let reply = get(dist.path(), path, &[(header::ACCEPT, NAVIGATE)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(
            String::from_utf8(reply.body.clone())
                .unwrap()
                .contains("一次办"),
            "{path}"
        );
        assert_eq!(
            reply.header(header::CACHE_CONTROL),
            Some("no-cache"),
            "{path}"
        );
        assert_eq!(
            reply.header(header::CONTENT_TYPE),
            Some("text/html"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn staff_pages_get_the_staff_workspace_when_it_was_built() {
    let dist = dist();
    let without_staff = get(dist.path(), "/staff/catalog", &[(header::ACCEPT, NAVIGATE)]).await;
    assert!(String::from_utf8(without_staff.body)
        .unwrap()
        .contains("一次办"));

    let staff_dir = dist.path().join(STAFF_APP_DIR);
    std::fs::create_dir(&staff_dir).unwrap();
    std::fs::write(
        staff_dir.join("index.html"),
        "<!doctype html><title>staff</title>",
    )
    .unwrap();
    for path in [
        "/staff",
        "/staff/",
        "/staff/catalog",
        "/staff/applications/ZW-1",
    ] {
        let reply = get(dist.path(), path, &[(header::ACCEPT, NAVIGATE)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.body, b"<!doctype html><title>staff</title>", "{path}");
        assert_eq!(
            reply.header(header::CACHE_CONTROL),
            Some("no-cache"),
            "{path}"
        );
    }
    // Citizen pages, and names that only start like it, keep the citizen app.
    for path in ["/", "/items/SYN00000001", "/staffing", "/applications/ZW-1"] {
        let reply = get(dist.path(), path, &[(header::ACCEPT, NAVIGATE)]).await;
        assert!(
            String::from_utf8(reply.body).unwrap().contains("一次办"),
            "{path}"
        );
    }
    // The staff app's own files are plain files under /staff-app/.
    let index = get(dist.path(), "/staff-app/index.html", &[]).await;
    assert_eq!(index.status, StatusCode::OK);
}

#[tokio::test]
async fn missing_assets_are_404_not_index_html() {
    let dist = dist();
    let missing = [
        "/portal-ffffffffffffffff.js",
        "/portal-ffffffffffffffff_bg.wasm",
        "/style-ffffffffffffffff.css",
        "/img/logo.png",
        "/items/SYN00000001.json",
    ];
    for path in missing {
        // Even a request that accepts HTML gets no page for a path with an extension.
        for accept in ["*/*", NAVIGATE] {
            let reply = get(dist.path(), path, &[(header::ACCEPT, accept)]).await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path} {accept}");
            assert_eq!(error_code(&reply.body), ErrorCode::NotFound, "{path}");
            assert_eq!(reply.header(header::CONTENT_TYPE), Some("application/json"));
        }
    }
    // Without an extension, a request that does not ask for HTML (a fetch, a script) is no
    // navigation either.
    for accept in [None, Some("*/*"), Some("application/json")] {
        let headers: Vec<_> = accept.map(|a| (header::ACCEPT, a)).into_iter().collect();
        let reply = get(dist.path(), "/items/SYN00000001", &headers).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{accept:?}");
    }
}

#[tokio::test]
async fn other_methods_are_a_json_405_and_the_api_keeps_its_errors() {
    let dist = dist();
    let reply = request(
        dist.path(),
        Method::POST,
        "/items/X",
        &[(header::ACCEPT, NAVIGATE)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error_code(&reply.body), ErrorCode::MethodNotAllowed);

    let reply = get(dist.path(), "/api/unknown", &[(header::ACCEPT, NAVIGATE)]).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&reply.body), ErrorCode::NotFound);
}

#[tokio::test]
async fn existing_files_are_served_as_they_are() {
    let dist = dist();
    let reply = get(dist.path(), &format!("/{JS}"), &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, b"export{}");
    assert_eq!(reply.header(header::CONTENT_ENCODING), None);
    let reply = get(dist.path(), "/favicon.svg", &[]).await;
    assert_eq!(reply.body, b"<svg/>");
}

#[tokio::test]
async fn precompressed_siblings_are_served_by_accept_encoding() {
    let dist = dist();
    let uri = format!("/{WASM}");
    let cases = [
        (Some("gzip, deflate, br, zstd"), Some("br"), &b"BR:wasm"[..]),
        (Some("gzip"), Some("gzip"), b"GZ:wasm"),
        (None, None, b"\0asm-identity"),
    ];
    for (accept_encoding, encoding, body) in cases {
        let headers: Vec<_> = accept_encoding
            .map(|a| (header::ACCEPT_ENCODING, a))
            .into_iter()
            .collect();
        let reply = get(dist.path(), &uri, &headers).await;
        assert_eq!(reply.status, StatusCode::OK, "{accept_encoding:?}");
        assert_eq!(reply.body, body, "{accept_encoding:?}");
        assert_eq!(reply.header(header::CONTENT_ENCODING), encoding);
        assert_eq!(reply.header(header::CONTENT_TYPE), Some("application/wasm"));
        assert_eq!(reply.header(header::VARY), Some("accept-encoding"));
    }
}

#[tokio::test]
async fn the_index_fallback_is_precompressed_too() {
    let dist = dist();
    let reply = get(
        dist.path(),
        "/items/SYN00000001",
        &[
            (header::ACCEPT, NAVIGATE),
            (header::ACCEPT_ENCODING, "br, gzip"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, b"BR:index");
    assert_eq!(reply.header(header::CONTENT_ENCODING), Some("br"));
    assert_eq!(reply.header(header::CONTENT_TYPE), Some("text/html"));
    assert_eq!(reply.header(header::VARY), Some("accept-encoding"));

    let reply = get(dist.path(), "/", &[(header::ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(reply.body, b"GZ:index", "the root serves index.html itself");
    assert_eq!(reply.header(header::CONTENT_ENCODING), Some("gzip"));
}

#[tokio::test]
async fn hashed_files_are_immutable_and_the_rest_revalidated() {
    let dist = dist();
    let immutable = Some("public, max-age=31536000, immutable");
    for (path, policy) in [
        (format!("/{WASM}"), immutable),
        (format!("/{JS}"), immutable),
        ("/favicon.svg".to_owned(), Some("no-cache")),
        ("/index.html".to_owned(), Some("no-cache")),
        ("/".to_owned(), Some("no-cache")),
    ] {
        let reply = get(dist.path(), &path, &[(header::ACCEPT_ENCODING, "br")]).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.header(header::CACHE_CONTROL), policy, "{path}");
    }
}

#[test]
fn content_hashes_are_recognised_in_trunk_names_only() {
    for hashed in [
        "portal-1a2b3c4d5e6f7a8b_bg.wasm",
        "portal-1a2b3c4d5e6f7a8b.js",
        "style-0123456789abcdef.css",
        "my-app-a2b3c4d5e6f7a8b.js",
    ] {
        assert!(has_content_hash(hashed), "{hashed}");
    }
    for plain in [
        "index.html",
        "favicon.svg",
        "logo-2024.svg",
        "portal_bg.wasm",
        "portal-1a2b3c4d5e6f7a8b",
        "-1a2b3c4d5e6f7a8b.js",
        "portal-1a2b3c4d5e6f7a8b0123.js",
        "portal-1a2b3c4d5e6f7a8bxyz.js",
    ] {
        assert!(!has_content_hash(plain), "{plain}");
    }
}

#[test]
fn a_navigation_is_a_page_request_for_an_extensionless_path() {
    let html = {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, NAVIGATE.parse().unwrap());
        headers
    };
    assert!(is_navigation(&Method::GET, &html, "/items/X"));
    assert!(is_navigation(&Method::HEAD, &html, "/"));
    assert!(!is_navigation(&Method::POST, &html, "/items/X"));
    assert!(!is_navigation(&Method::GET, &html, "/app.js"));
    assert!(!is_navigation(&Method::GET, &HeaderMap::new(), "/items/X"));
}

#[tokio::test]
async fn the_home_page_is_the_catalog_alone_when_it_was_built() {
    let dist = dist();
    let catalog_dir = dist.path().join(CATALOG_APP_DIR);
    std::fs::create_dir(&catalog_dir).unwrap();
    std::fs::write(
        catalog_dir.join("index.html"),
        "<!doctype html><title>catalog</title>",
    )
    .unwrap();
    for path in ["/", "/?q=%E6%8A%A4%E7%85%A7&online=1"] {
        let reply = get(dist.path(), path, &[(header::ACCEPT, NAVIGATE)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(
            reply.body, b"<!doctype html><title>catalog</title>",
            "{path}"
        );
        assert_eq!(reply.header(header::CACHE_CONTROL), Some("no-cache"));
    }
    // Every other page, and "/" asked for by a script rather than a browser loading a page,
    // is the whole portal.
    for path in [
        "/items/SYN00000001",
        "/items/SYN00000001/apply",
        "/applications/ZW-1",
    ] {
        let reply = get(dist.path(), path, &[(header::ACCEPT, NAVIGATE)]).await;
        assert!(
            String::from_utf8(reply.body).unwrap().contains("一次办"),
            "{path}"
        );
    }
    let fetched = get(dist.path(), "/", &[(header::ACCEPT, "*/*")]).await;
    assert!(String::from_utf8(fetched.body).unwrap().contains("一次办"));
    // The catalog's own files are plain files under /catalog/.
    let index = get(dist.path(), "/catalog/index.html", &[]).await;
    assert_eq!(index.body, b"<!doctype html><title>catalog</title>");
}
