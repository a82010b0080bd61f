//! The one error shape every API error uses: `{"error":{"code":"not_found","message":"…","message_en":"…"}}`,
//! plus, when answers were refused, `"fields":[{"path":…,"code":…,<params>,"severity":…,"message":…,"message_en":…}]`.
//! The server maps [`ErrorCode`] to an HTTP status in one place; the app shows the messages.

use serde::{Deserialize, Serialize};

use crate::form::FieldIssue;
use crate::lang::Lang;

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
    /// A file or body over its size limit (413).
    PayloadTooLarge,
    /// A file type or body content type the endpoint does not take (415).
    UnsupportedMediaType,
    /// Well-formed, but the answers break the form's rules; `fields` says where (422).
    ValidationFailed,
    /// An `Idempotency-Key` already used for a different request body (422).
    IdempotencyKeyReused,
}

/// An error as the API reports it: a Chinese message for citizens and an English one beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[error("{message} ({message_en})")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub message_en: String,
    /// Per-field problems, so the app can show each beside its input (absent when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// One refused answer on the wire: the engine's issue (path, code and its parameters, severity)
/// with its wording in both languages. Read in `form/issue_de.rs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldError {
    #[serde(flatten)]
    pub issue: FieldIssue,
    pub message: String,
    pub message_en: String,
}

impl FieldError {
    /// Words `issue` for the field labelled `label_zh` / `label_en`.
    pub fn new(issue: FieldIssue, label_zh: &str, label_en: &str) -> Self {
        Self {
            message: issue.code.message(Lang::Zh, label_zh),
            message_en: issue.code.message(Lang::En, label_en),
            issue,
        }
    }
}

/// The envelope: `{"error": ApiError}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ApiError,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>, message_en: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            message_en: message_en.into(),
            fields: Vec::new(),
        }
    }

    /// The same error carrying per-field problems.
    pub fn with_fields(mut self, fields: Vec<FieldError>) -> Self {
        self.fields = fields;
        self
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
        assert!(json["error"].get("fields").is_none(), "no fields: no key");
        let back: ErrorBody = serde_json::from_value(json).unwrap();
        assert_eq!(back, body);
    }

    #[test]
    fn field_errors_carry_path_code_params_and_both_wordings() {
        use crate::form::IssueCode;
        let body = ErrorBody {
            error: ApiError::new(
                ErrorCode::ValidationFailed,
                "有 1 处需要修改",
                "1 answer needs changing",
            )
            .with_fields(vec![FieldError::new(
                FieldIssue::new("name", IssueCode::TooLong { max: 50 }),
                "姓名",
                "Name",
            )]),
        };
        let json = serde_json::to_value(&body).unwrap();
        let field = &json["error"]["fields"][0];
        assert_eq!(json["error"]["code"], "validation_failed");
        assert_eq!(field["path"], "name");
        assert_eq!(field["code"], "too_long");
        assert_eq!(field["max"], 50);
        assert_eq!(field["severity"], "error");
        assert_eq!(field["message"], "姓名不能超过 50 个字");
        assert_eq!(field["message_en"], "Name must be 50 characters or fewer");
        let back: ErrorBody = serde_json::from_value(json).unwrap();
        assert_eq!(back, body);
    }
}
