//! HTTP caching of the API's JSON: a strong ETag over the exact bytes sent, conditional GET
//! (`If-None-Match` → 304 with no body) and `Cache-Control: no-cache`, so a client may keep the
//! catalog but asks each time whether it is still current, and a returning visitor downloads
//! nothing again while it is.

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// Keep, but revalidate before each use.
pub const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");

/// A JSON body with its strong ETag, computed once when the body is made.
#[derive(Debug, Clone)]
pub struct TaggedJson {
    bytes: Bytes,
    etag: HeaderValue,
}

impl TaggedJson {
    pub fn new(bytes: impl Into<Bytes>) -> Self {
        let bytes = bytes.into();
        let etag = strong_etag(&bytes);
        Self { bytes, etag }
    }

    pub fn etag(&self) -> &HeaderValue {
        &self.etag
    }

    /// 304 without a body when the request's `If-None-Match` names this ETag, else 200 with it.
    pub fn respond(&self, request_headers: &HeaderMap) -> Response {
        let json = HeaderValue::from_static("application/json");
        conditional(request_headers, &self.etag, json, None, self.bytes.clone())
    }
}

/// A cacheable body answered conditionally: 304 without a body when the request's
/// `If-None-Match` names `etag`, else 200 with `body` (already in `content_encoding`, if any).
pub fn conditional(
    request_headers: &HeaderMap,
    etag: &HeaderValue,
    content_type: HeaderValue,
    content_encoding: Option<&'static str>,
    body: Bytes,
) -> Response {
    // The body may be compressed on the way out: caches must key on Accept-Encoding, on the
    // 304 as well as the 200 (the compression layer does not touch an empty 304).
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, etag.clone());
    headers.insert(header::CACHE_CONTROL, REVALIDATE);
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if if_none_match(request_headers, etag) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(header::CONTENT_TYPE, content_type);
    if let Some(encoding) = content_encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    (headers, body).into_response()
}

/// `"<hex>"`: the first 128 bits of the SHA-256 of `bytes`, ample to tell two versions apart.
pub fn strong_etag(bytes: &[u8]) -> HeaderValue {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    HeaderValue::from_str(&format!("\"{hex}\"")).expect("quoted hex is a valid header value")
}

/// Whether the request's `If-None-Match` matches `etag`. RFC 9110 §13.1.2: `*` matches any
/// current representation, and the comparison is weak (`W/"x"` matches `"x"`).
pub fn if_none_match(request_headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let ours = etag.as_bytes();
    request_headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag).as_bytes() == ours)
}
