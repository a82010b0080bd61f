//! The one place API errors become HTTP responses: status from the core error code, body in the
//! core envelope `{"error":{…}}`.

use axum::extract::multipart::MultipartError;
use axum::extract::rejection::PathRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_core::{ApiError, ErrorBody, ErrorCode};

use crate::store::StoreError;

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

/// A multipart body that broke off or went over the route's body limit. A limit hit mid-parse
/// can surface as a generic parse error (axum#3216), so the status comes from the error itself.
impl From<MultipartError> for AppError {
    fn from(err: MultipartError) -> Self {
        if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Self(ApiError::new(
                ErrorCode::PayloadTooLarge,
                "上传内容总量超过限制",
                "The upload is larger than allowed in one request",
            ))
        } else {
            Self(ApiError::new(
                ErrorCode::BadRequest,
                "上传内容格式不正确（multipart/form-data）",
                format!(
                    "The upload is not valid multipart/form-data: {}",
                    err.body_text()
                ),
            ))
        }
    }
}

/// A store failure is ours, not the client's: a 500 in the usual shape, details in the log only.
impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        eprintln!("portal-mock-api: store error: {err}");
        Self(ApiError::new(
            ErrorCode::Internal,
            "服务暂时不可用，请稍后重试",
            "The service is temporarily unavailable; please try again",
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
        ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::ValidationFailed | ErrorCode::IdempotencyKeyReused => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        (status(self.0.code), Json(ErrorBody { error: self.0 })).into_response()
    }
}
