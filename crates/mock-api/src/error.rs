//! The one place API errors become HTTP responses: status from the core error code, body in the
//! core envelope `{"error":{…}}`.

use axum::extract::rejection::PathRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_core::{ApiError, ErrorBody, ErrorCode};

/// An [`ApiError`] on its way out of a handler.
#[derive(Debug)]
pub struct AppError(pub ApiError);

impl From<ApiError> for AppError {
    fn from(error: ApiError) -> Self {
        Self(error)
    }
}

/// A path segment axum could not decode (e.g. invalid percent-encoded UTF-8) is the client's
/// mistake: answer in the usual JSON shape rather than axum's plain-text rejection.
impl From<PathRejection> for AppError {
    fn from(rejection: PathRejection) -> Self {
        Self(ApiError::new(
            ErrorCode::BadRequest,
            "请求地址格式不正确",
            format!("The request path is malformed: {}", rejection.body_text()),
        ))
    }
}

fn status(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::BadRequest => StatusCode::BAD_REQUEST,
        ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        (status(self.0.code), Json(ErrorBody { error: self.0 })).into_response()
    }
}
