//! The one error shape every API error uses: `{"error":{"code":"not_found","message":"…","message_en":"…"}}`.
//! The server maps [`ErrorCode`] to an HTTP status in one place; the app shows the messages.

use serde::{Deserialize, Serialize};

/// Machine-readable error kinds, stable on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    BadRequest,
    MethodNotAllowed,
    Unauthorized,
    Forbidden,
    Conflict,
    TooManyRequests,
    Internal,
}

/// An error as the API reports it: a Chinese message for citizens and an English one beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message} ({message_en})")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub message_en: String,
}

/// The envelope: `{"error": ApiError}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ApiError,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>, message_en: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            message_en: message_en.into(),
        }
    }

    pub fn item_not_found(code: &str) -> Self {
        Self::new(
            ErrorCode::NotFound,
            format!("未找到编码为 {code} 的服务事项"),
            format!("No service item has the code {code}"),
        )
    }

    pub fn route_not_found(path: &str) -> Self {
        Self::new(
            ErrorCode::NotFound,
            format!("接口 {path} 不存在"),
            format!("There is no API endpoint at {path}"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_shape_is_the_documented_envelope() {
        let body = ErrorBody {
            error: ApiError::item_not_found("X1"),
        };
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["error"]["code"], "not_found");
        assert_eq!(json["error"]["message"], "未找到编码为 X1 的服务事项");
        assert_eq!(
            json["error"]["message_en"],
            "No service item has the code X1"
        );
        let back: ErrorBody = serde_json::from_value(json).unwrap();
        assert_eq!(back, body);
    }
}
