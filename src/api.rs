//! One function per API endpoint. Every failure becomes a [`FetchError`] that can say, in Chinese
//! and English, what went wrong and whether trying again may help.

use gloo_net::http::{Request, Response};
use portal_core::{ApiError, ErrorBody, ErrorCode, ItemSummary, ServiceItem};
use serde::de::DeserializeOwned;

/// Why a request did not give us what we asked for.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// The request never got an answer (server down, network gone).
    #[error("network: {0}")]
    Network(String),
    /// The API answered with its JSON error.
    #[error("{0}")]
    Api(ApiError),
    /// Something answered, but not the API (e.g. a proxy's 502 page).
    #[error("HTTP {0}")]
    Status(u16),
    /// The answer was not the JSON we expected.
    #[error("decode: {0}")]
    Decode(String),
}

impl FetchError {
    /// What to tell the reader, in the page's language.
    pub fn text(&self) -> String {
        let m = crate::i18n::t();
        match self {
            FetchError::Network(_) => m.error_network.to_owned(),
            FetchError::Api(error) => match crate::i18n::lang() {
                crate::i18n::Lang::Zh => error.message.clone(),
                crate::i18n::Lang::En => error.message_en.clone(),
            },
            FetchError::Status(status) => (m.error_status)(*status),
            FetchError::Decode(_) => m.error_decode.to_owned(),
        }
    }

    /// What to tell a citizen, in Chinese.
    pub fn message(&self) -> String {
        match self {
            FetchError::Network(_) => "无法连接服务器，请检查网络后重试。".to_owned(),
            FetchError::Api(error) => error.message.clone(),
            FetchError::Status(status) => format!("服务暂时不可用（HTTP {status}），请稍后重试。"),
            FetchError::Decode(_) => "服务器返回的数据无法识别，请稍后重试。".to_owned(),
        }
    }

    /// The same in English.
    pub fn message_en(&self) -> String {
        match self {
            FetchError::Network(_) => {
                "Cannot reach the server. Check your connection and try again.".to_owned()
            }
            FetchError::Api(error) => error.message_en.clone(),
            FetchError::Status(status) => format!(
                "The service is unavailable right now (HTTP {status}). Please try again later."
            ),
            FetchError::Decode(_) => {
                "The server's answer could not be read. Please try again later.".to_owned()
            }
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, FetchError::Api(error) if error.code == ErrorCode::NotFound)
    }
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    if response.ok() {
        return response
            .json()
            .await
            .map_err(|e| FetchError::Decode(e.to_string()));
    }
    Err(error_from(response).await)
}

async fn error_from(response: Response) -> FetchError {
    let status = response.status();
    match response.json::<ErrorBody>().await {
        Ok(body) => FetchError::Api(body.error),
        Err(_) => FetchError::Status(status),
    }
}

/// `GET /api/items`: every item's catalog card.
pub async fn fetch_items() -> Result<Vec<ItemSummary>, FetchError> {
    get_json("/api/items").await
}

/// `GET /api/items/{code}`: one item's whole guide.
pub async fn fetch_item(code: &str) -> Result<ServiceItem, FetchError> {
    let code = portal_core::filter::percent_encode(code);
    get_json(&format!("/api/items/{code}")).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_is_explained_in_chinese_and_english() {
        let api = FetchError::Api(ApiError::item_not_found("X9"));
        assert!(api.is_not_found());
        assert!(api.message().contains("X9") && api.message_en().contains("X9"));
        let proxy = FetchError::Status(502);
        assert!(!proxy.is_not_found());
        assert!(proxy.message().contains("HTTP 502") && proxy.message_en().contains("HTTP 502"));
        for error in [
            FetchError::Network("refused".into()),
            FetchError::Decode("eof".into()),
        ] {
            assert!(error.message().ends_with('。'));
            assert!(error.message_en().ends_with('.'));
        }
    }
}
