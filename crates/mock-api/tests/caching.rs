//! The catalog's HTTP caching: strong ETag of the exact bytes, conditional GET → 304 without a
//! body, `Cache-Control: no-cache`, for `/api/items`, `/api/cards` and `/api/items/{code}`.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use http_body_util::BodyExt;
use portal_core::synth::synthetic_items;
use portal_mock_api::caching::{if_none_match, strong_etag};
use portal_mock_api::{app, AppState, Catalog};
use tower::ServiceExt;

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

fn state(items: usize) -> AppState {
    AppState::catalog_only(Catalog::from_items(synthetic_items(items)), None)
}

async fn get(state: AppState, uri: &str, headers: &[(header::HeaderName, &str)]) -> Reply {
    let mut builder = Request::get(uri);
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

#[tokio::test]
async fn the_list_has_a_strong_etag_of_its_bytes_and_is_revalidated() {
    let state = state(5);
    let expected = strong_etag(&state.catalog.summaries_json());
    let reply = get(state, "/api/items", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    let etag = reply.header(header::ETAG).unwrap();
    assert_eq!(etag, expected.to_str().unwrap());
    assert!(
        etag.starts_with('"') && etag.ends_with('"') && etag.len() == 34,
        "{etag}"
    );
    assert_eq!(reply.header(header::CACHE_CONTROL), Some("no-cache"));
    assert_eq!(reply.header(header::CONTENT_TYPE), Some("application/json"));
    assert_eq!(
        strong_etag(&reply.body),
        expected,
        "the tag is of the bytes sent"
    );
}

#[tokio::test]
async fn a_changed_catalog_has_another_etag() {
    let five = get(state(5), "/api/items", &[]).await;
    let six = get(state(6), "/api/items", &[]).await;
    let again = get(state(5), "/api/items", &[]).await;
    assert_ne!(five.header(header::ETAG), six.header(header::ETAG));
    assert_eq!(five.header(header::ETAG), again.header(header::ETAG));
}

#[tokio::test]
async fn a_matching_if_none_match_is_a_304_without_a_body() {
    let etag = get(state(5), "/api/items", &[]).await.headers[header::ETAG].clone();
    let etag = etag.to_str().unwrap();
    let weak = format!("W/{etag}");
    let listed = format!("\"other\", {etag}");
    for condition in [etag, weak.as_str(), listed.as_str(), "*"] {
        // Asking for gzip as browsers do: the compression layer must leave the 304 empty.
        let reply = get(
            state(5),
            "/api/items",
            &[
                (header::IF_NONE_MATCH, condition),
                (header::ACCEPT_ENCODING, "gzip, br"),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::NOT_MODIFIED, "{condition}");
        assert!(reply.body.is_empty(), "{condition}");
        assert_eq!(reply.header(header::ETAG), Some(etag));
        assert_eq!(reply.header(header::CACHE_CONTROL), Some("no-cache"));
        assert_eq!(reply.header(header::CONTENT_ENCODING), None);
        assert_eq!(reply.header(header::VARY), Some("accept-encoding"));
    }
}

#[tokio::test]
async fn a_stale_if_none_match_gets_the_whole_list() {
    let reply = get(
        state(5),
        "/api/items",
        &[(
            header::IF_NONE_MATCH,
            "\"0123456789abcdef0123456789abcdef\"",
        )],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, state(5).catalog.summaries_json());
}

#[tokio::test]
async fn one_item_has_its_own_etag_and_conditional_get() {
    let first = get(state(5), "/api/items/SYN00000001", &[]).await;
    let second = get(state(5), "/api/items/SYN00000002", &[]).await;
    assert_eq!(first.status, StatusCode::OK);
    let etag = first.header(header::ETAG).unwrap();
    assert_eq!(
        HeaderValue::from_str(etag).unwrap(),
        strong_etag(&first.body)
    );
    assert_ne!(Some(etag), second.header(header::ETAG));
    assert_eq!(first.header(header::CACHE_CONTROL), Some("no-cache"));
    assert_eq!(first.header(header::CONTENT_TYPE), Some("application/json"));

    let reply = get(
        state(5),
        "/api/items/SYN00000001",
        &[(header::IF_NONE_MATCH, etag)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::NOT_MODIFIED);
    assert!(reply.body.is_empty());
    let other = get(
        state(5),
        "/api/items/SYN00000002",
        &[(header::IF_NONE_MATCH, etag)],
    )
    .await;
    assert_eq!(
        other.status,
        StatusCode::OK,
        "another item's tag does not match"
    );
}

#[tokio::test]
async fn the_json_is_still_compressed_dynamically_with_brotli_or_gzip() {
    for encoding in ["br", "gzip"] {
        let reply = get(
            state(30),
            "/api/items",
            &[(header::ACCEPT_ENCODING, encoding)],
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.header(header::CONTENT_ENCODING), Some(encoding));
        assert_eq!(reply.header(header::VARY), Some("accept-encoding"));
        assert!(reply.header(header::ETAG).is_some());
    }
}

#[test]
fn if_none_match_compares_weakly_and_ignores_garbage() {
    let etag = strong_etag(b"catalog");
    let tag = etag.to_str().unwrap();
    let with = |value: &str| {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_NONE_MATCH, value.parse().unwrap());
        if_none_match(&headers, &etag)
    };
    assert!(with(tag));
    assert!(with(&format!("W/{tag}")));
    assert!(with(&format!("\"a\",{tag} , \"b\"")));
    assert!(with("*"));
    assert!(!with("\"a\""));
    assert!(
        !with(tag.trim_matches('"')),
        "an unquoted tag is not the tag"
    );
    assert!(!if_none_match(&HeaderMap::new(), &etag));
    assert_ne!(strong_etag(b"catalog"), strong_etag(b"catalog "));
}

/// The seed catalog as `main` loads it, plus generated items.
fn seed_state() -> AppState {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog");
    let catalog = Catalog::load(std::path::Path::new(seed), 200).unwrap();
    AppState::catalog_only(catalog, None)
}

#[tokio::test]
async fn the_lean_cards_hold_exactly_the_json_list_and_are_cached_alike() {
    let state = seed_state();
    let json = get(state.clone(), "/api/items", &[]).await;
    let cards = get(state.clone(), "/api/cards", &[]).await;
    assert_eq!(cards.status, StatusCode::OK);
    assert_eq!(
        cards.header(header::CONTENT_TYPE),
        Some("text/plain; charset=utf-8")
    );
    let listed: Vec<portal_core::ItemSummary> = serde_json::from_slice(&json.body).unwrap();
    let decoded = portal_core::cards::decode(std::str::from_utf8(&cards.body).unwrap()).unwrap();
    assert!(listed.len() > 200);
    assert_eq!(decoded, listed);
    assert!(cards.body.len() * 10 < json.body.len() * 7);

    let etag = cards.header(header::ETAG).unwrap().to_owned();
    assert_ne!(Some(etag.as_str()), json.header(header::ETAG));
    assert_eq!(cards.header(header::CACHE_CONTROL), Some("no-cache"));
    let again = get(
        state,
        "/api/cards",
        &[
            (header::IF_NONE_MATCH, etag.as_str()),
            (header::ACCEPT_ENCODING, "gzip, br"),
        ],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
}
