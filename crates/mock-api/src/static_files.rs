//! The built app (`--dist`) beside the API.
//!
//! - A file that exists is sent as is, or as its precompressed `.br` / `.gz` sibling when the
//!   client accepts that encoding (written by `scripts/compress-dist.mjs`), with `Vary:
//!   Accept-Encoding`.
//! - A missing path falls back to the app's index.html only for a navigation (GET/HEAD of a path
//!   without a file extension, asking for HTML): a missing script, wasm, stylesheet or image is a
//!   404, so a stale page fails loudly instead of parsing HTML as JavaScript. Pages under
//!   `/staff` get the staff workspace's own index.html (`staff-app/index.html`, a separate wasm
//!   that citizens never download) when it was built.
//! - The home page `/` is the catalog alone (`catalog/index.html`, a small wasm holding only the
//!   search) when it was built; every other page loads the whole portal.
//! - Files whose name carries trunk's content hash (`portal-<hash>_bg.wasm`) never change:
//!   cached for a year as immutable. Everything else, index.html first, is revalidated each time.

use std::convert::Infallible;
use std::path::Path;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use portal_core::{ApiError, ErrorCode};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::caching::REVALIDATE;
use crate::error::AppError;

/// For files whose name changes whenever their content does.
pub const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");

/// The files of one dist directory.
#[derive(Debug, Clone)]
pub struct StaticFiles {
    files: ServeDir,
    index: ServeFile,
    /// `staff-app/index.html`, when the staff workspace was built.
    staff_index: Option<ServeFile>,
    /// `catalog/index.html`, when the catalog alone was built.
    catalog_index: Option<ServeFile>,
}

/// Where trunk builds the staff workspace, inside the app's dist directory.
pub const STAFF_APP_DIR: &str = "staff-app";

/// Where the catalog alone (the home page's small wasm) is built, inside the app's dist directory.
pub const CATALOG_APP_DIR: &str = "catalog";

impl StaticFiles {
    pub fn new(dist: &Path) -> Self {
        let index_of = |dir: &Path| {
            ServeFile::new(dir.join("index.html"))
                .precompressed_br()
                .precompressed_gzip()
        };
        let built = |dir: &Path| dir.join("index.html").is_file().then(|| index_of(dir));
        Self {
            files: ServeDir::new(dist).precompressed_br().precompressed_gzip(),
            index: index_of(dist),
            staff_index: built(&dist.join(STAFF_APP_DIR)),
            catalog_index: built(&dist.join(CATALOG_APP_DIR)),
        }
    }

    /// Answers one request that no API route took.
    pub async fn serve(self, request: Request) -> Response {
        if request.method() != Method::GET && request.method() != Method::HEAD {
            return crate::method_not_allowed().await.into_response();
        }
        let path = request.uri().path().to_owned();
        // The index request is built before the original is consumed: same method and headers
        // (Accept-Encoding, If-Modified-Since), so it is negotiated like any file.
        let index_request = is_navigation(request.method(), request.headers(), &path)
            .then(|| same_headers_for_index(&request));
        let index_request = match (path.as_str(), &self.catalog_index, index_request) {
            ("/", Some(catalog_index), Some(index_request)) => {
                let index = unwrap_infallible(catalog_index.clone().oneshot(index_request).await);
                return with_cache_headers(index.map(Body::new), REVALIDATE);
            }
            (_, _, index_request) => index_request,
        };
        let response = unwrap_infallible(self.files.oneshot(request).await);
        if response.status() != StatusCode::NOT_FOUND {
            let policy = if has_content_hash(file_name(&path)) {
                IMMUTABLE
            } else {
                REVALIDATE
            };
            return with_cache_headers(response.map(Body::new), policy);
        }
        match index_request {
            Some(index_request) => {
                let index = match self.staff_index {
                    Some(staff_index) if is_staff_page(&path) => staff_index,
                    _ => self.index,
                };
                let index = unwrap_infallible(index.oneshot(index_request).await);
                with_cache_headers(index.map(Body::new), REVALIDATE)
            }
            None => AppError(ApiError::new(
                ErrorCode::NotFound,
                format!("文件 {path} 不存在"),
                format!("There is no file at {path}"),
            ))
            .into_response(),
        }
    }
}

fn unwrap_infallible<T>(result: Result<T, Infallible>) -> T {
    match result {
        Ok(value) => value,
        Err(never) => match never {},
    }
}

fn same_headers_for_index(request: &Request) -> Request {
    let mut index_request = Request::new(Body::empty());
    *index_request.method_mut() = request.method().clone();
    *index_request.headers_mut() = request.headers().clone();
    index_request
}

/// `/staff` and everything under it: the staff workspace's pages.
pub fn is_staff_page(path: &str) -> bool {
    path == "/staff" || path.starts_with("/staff/")
}

/// The last path segment (`""` for a directory path ending in `/`).
fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or("")
}

/// A browser loading a page: GET or HEAD of a path whose last segment has no extension, with
/// `Accept` naming text/html (a script, wasm or image request does not).
pub fn is_navigation(method: &Method, headers: &HeaderMap, path: &str) -> bool {
    let page_method = method == Method::GET || method == Method::HEAD;
    let no_extension = !file_name(path).contains('.');
    let wants_html = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| value.to_ascii_lowercase().contains("text/html"));
    page_method && no_extension && wants_html
}

/// Whether a file name carries trunk's content hash: `<stem>-<12–16 hex digits>` followed by
/// `.ext` or `_bg.ext` (`portal-1a2b3c4d5e6f7a8b.js`, `portal-1a2b3c4d5e6f7a8b_bg.wasm`,
/// `style-1a2b3c4d5e6f7a8b.css`). Trunk writes the 64-bit hash in unpadded hex, so a few may be
/// shorter than 16; fewer than 12 digits is taken as an ordinary name (`logo-2024.svg`).
pub fn has_content_hash(name: &str) -> bool {
    let Some((stem, tail)) = name.rsplit_once('-') else {
        return false;
    };
    let digits = tail.bytes().take_while(u8::is_ascii_hexdigit).count();
    let rest = &tail[digits..];
    !stem.is_empty()
        && (12..=16).contains(&digits)
        && (rest.starts_with('.') || rest.starts_with("_bg."))
}

/// Adds the cache policy and `Vary: Accept-Encoding` to a file that was found (or not modified).
fn with_cache_headers(mut response: Response, policy: HeaderValue) -> Response {
    let status = response.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, policy);
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}
