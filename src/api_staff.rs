//! The staff workspace's calls to `/api/staff/*`. The session travels in an HttpOnly cookie, so
//! every request is sent with same-origin credentials and the app never sees the token.

use gloo_net::http::{Request, RequestBuilder, Response};
use portal_core::figures::HeadlineFigures;
use portal_core::staff::{
    AuditReport, LoginRequest, StaffApplicationDetail, StaffApplicationPage, StaffItemRow, StaffMe,
    TransitionRequest,
};
use portal_core::{ErrorBody, ErrorCode, Lang};
use serde::de::DeserializeOwned;
use web_sys::RequestCredentials;

use crate::api::FetchError;

/// Why signing in did not work.
#[derive(Debug, Clone, PartialEq)]
pub enum SignInError {
    /// Wrong user name or password (the server does not say which).
    Credentials,
    /// Too many failures: try again after this many seconds.
    Throttled(u64),
    /// Anything else (network, server).
    Other(FetchError),
}

fn with_cookie(builder: RequestBuilder) -> RequestBuilder {
    builder.credentials(RequestCredentials::SameOrigin)
}

async fn error_from(response: Response) -> FetchError {
    let status = response.status();
    match crate::api::body_json::<ErrorBody>(&response).await {
        Ok(body) => FetchError::Api(body.error),
        Err(_) => FetchError::Status(status),
    }
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
    let response = with_cookie(Request::get(url))
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    json_of(response).await
}

async fn json_of<T: DeserializeOwned>(response: Response) -> Result<T, FetchError> {
    if response.ok() {
        return crate::api::body_json(&response).await;
    }
    Err(error_from(response).await)
}

/// The seconds of a `Retry-After` header, or of the 429 body when a proxy dropped the header.
pub fn retry_after_secs(header: Option<&str>) -> Option<u64> {
    header.and_then(|v| v.trim().parse().ok())
}

/// `POST /api/staff/session`.
pub async fn sign_in(username: &str, password: &str) -> Result<StaffMe, SignInError> {
    let body = LoginRequest {
        username: username.to_owned(),
        password: password.to_owned(),
    };
    let response = with_cookie(Request::post("/api/staff/session"))
        .json(&body)
        .map_err(|e| SignInError::Other(FetchError::Decode(e.to_string())))?
        .send()
        .await
        .map_err(|e| SignInError::Other(FetchError::Network(e.to_string())))?;
    match response.status() {
        200 => crate::api::body_json(&response)
            .await
            .map_err(SignInError::Other),
        401 => Err(SignInError::Credentials),
        429 => {
            let wait = retry_after_secs(response.headers().get("retry-after").as_deref());
            Err(SignInError::Throttled(wait.unwrap_or(60)))
        }
        _ => Err(SignInError::Other(error_from(response).await)),
    }
}

/// `DELETE /api/staff/session`. A session already gone (401) counts as signed out.
pub async fn sign_out() -> Result<(), FetchError> {
    let response = with_cookie(Request::delete("/api/staff/session"))
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    if response.ok() || response.status() == 401 {
        return Ok(());
    }
    Err(error_from(response).await)
}

/// `GET /api/staff/me`.
pub async fn fetch_me() -> Result<StaffMe, FetchError> {
    get_json("/api/staff/me").await
}

/// `GET /api/staff/items?<filter>`; `query` is `CatalogFilter::to_query_string()` ("" or "?…").
pub async fn fetch_items(query: &str) -> Result<Vec<StaffItemRow>, FetchError> {
    get_json(&format!("/api/staff/items{query}")).await
}

/// `GET /api/staff/figures`.
pub async fn fetch_figures() -> Result<HeadlineFigures, FetchError> {
    get_json("/api/staff/figures").await
}

/// `GET /api/staff/audit`.
pub async fn fetch_audit() -> Result<AuditReport, FetchError> {
    get_json("/api/staff/audit").await
}

/// The CSV download of the item table under `query` (as for [`fetch_items`]), in `lang`.
pub fn items_csv_url(query: &str, lang: portal_core::Lang) -> String {
    let sep = if query.is_empty() { '?' } else { '&' };
    format!("/api/staff/items.csv{query}{sep}lang={}", lang.code())
}

/// The CSV download of the audit, in `lang`.
pub fn audit_csv_url(lang: portal_core::Lang) -> String {
    format!("/api/staff/audit.csv?lang={}", lang.code())
}

/// `GET /api/staff/applications?<filter>`; `query` is `QueueFilter::to_query_string()`.
pub async fn fetch_applications(query: &str) -> Result<StaffApplicationPage, FetchError> {
    get_json(&format!("/api/staff/applications{query}")).await
}

fn application_url(reference: &str, tail: &str, lang: Lang) -> String {
    let reference = portal_core::filter::percent_encode(reference);
    format!(
        "/api/staff/applications/{reference}{tail}?lang={}",
        lang.code()
    )
}

/// `GET /api/staff/applications/{reference}`, the answers worded in `lang`.
pub async fn fetch_application(
    reference: &str,
    lang: Lang,
) -> Result<StaffApplicationDetail, FetchError> {
    get_json(&application_url(reference, "", lang)).await
}

/// `POST /api/staff/applications/{reference}/transitions`: the updated application, or the
/// API's error (409 `Conflict`: invalid or someone moved it first; 422: the note is missing).
pub async fn transition_application(
    reference: &str,
    lang: Lang,
    request: &TransitionRequest,
) -> Result<StaffApplicationDetail, FetchError> {
    let response = with_cookie(Request::post(&application_url(
        reference,
        "/transitions",
        lang,
    )))
    .json(request)
    .map_err(|e| FetchError::Decode(e.to_string()))?
    .send()
    .await
    .map_err(|e| FetchError::Network(e.to_string()))?;
    json_of(response).await
}

/// What a failed staff request means for the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// No session (or it expired): show the sign-in form.
    SignedOut,
    /// Signed in, but the account may not do this.
    Forbidden,
    /// Some other failure.
    Failed,
}

pub fn access_of(error: &FetchError) -> Access {
    match error {
        FetchError::Api(e) if e.code == ErrorCode::Unauthorized => Access::SignedOut,
        FetchError::Api(e) if e.code == ErrorCode::Forbidden => Access::Forbidden,
        FetchError::Status(401) => Access::SignedOut,
        FetchError::Status(403) => Access::Forbidden,
        _ => Access::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_core::{ApiError, Lang};

    #[test]
    fn csv_links_keep_the_filter_and_add_the_language() {
        assert_eq!(items_csv_url("", Lang::Zh), "/api/staff/items.csv?lang=zh");
        assert_eq!(
            items_csv_url("?dept=%E5%85%AC%E5%AE%89&online=1", Lang::En),
            "/api/staff/items.csv?dept=%E5%85%AC%E5%AE%89&online=1&lang=en"
        );
        assert_eq!(audit_csv_url(Lang::En), "/api/staff/audit.csv?lang=en");
    }

    #[test]
    fn application_urls_carry_the_language_and_encode_the_reference() {
        assert_eq!(
            application_url("7KQM-3XPA-W9RT-2HFD", "", Lang::En),
            "/api/staff/applications/7KQM-3XPA-W9RT-2HFD?lang=en"
        );
        assert_eq!(
            application_url("a/b", "/transitions", Lang::Zh),
            "/api/staff/applications/a%2Fb/transitions?lang=zh"
        );
    }

    #[test]
    fn failures_map_to_sign_in_forbidden_or_error() {
        let api = |code| FetchError::Api(ApiError::new(code, "x", "x"));
        assert_eq!(access_of(&api(ErrorCode::Unauthorized)), Access::SignedOut);
        assert_eq!(access_of(&api(ErrorCode::Forbidden)), Access::Forbidden);
        assert_eq!(access_of(&api(ErrorCode::NotFound)), Access::Failed);
        assert_eq!(access_of(&FetchError::Status(401)), Access::SignedOut);
        assert_eq!(access_of(&FetchError::Status(502)), Access::Failed);
        assert_eq!(access_of(&FetchError::Network("x".into())), Access::Failed);
    }

    #[test]
    fn retry_after_is_read_as_seconds() {
        assert_eq!(retry_after_secs(Some("30")), Some(30));
        assert_eq!(retry_after_secs(Some(" 120 ")), Some(120));
        assert_eq!(retry_after_secs(Some("soon")), None);
        assert_eq!(retry_after_secs(None), None);
    }
}
