//! One function per API endpoint. Every failure becomes a [`FetchError`] that can say, in Chinese
//! and English, what went wrong and whether trying again may help.

use std::sync::Arc;

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
    parse_json(&get_bytes(url).await?)
}

/// Reads JSON. All JSON in the app is read here, from bytes (text too: `text.as_bytes()`): a type
/// read both from a `&str` and from bytes is compiled into the wasm twice, once per reader.
pub(crate) fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, FetchError> {
    serde_json::from_slice(bytes).map_err(|e| FetchError::Decode(e.to_string()))
}

/// A response's JSON body (see [`parse_json`]).
pub(crate) async fn body_json<T: DeserializeOwned>(response: &Response) -> Result<T, FetchError> {
    parse_json(&body_bytes(response).await?)
}

/// The body of a successful GET as sent; any other answer becomes its [`FetchError`]. Bytes,
/// not text: text would be decoded to a JS string and encoded again into wasm memory (the
/// catalog is megabytes).
async fn get_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let response = send_get(url).await?;
    if !response.ok() {
        return Err(error_from(response).await);
    }
    body_bytes(&response).await
}

/// A GET's answer, whatever its status; only a request that got no answer is an error.
async fn send_get(url: &str) -> Result<Response, FetchError> {
    Request::get(url)
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))
}

async fn body_bytes(response: &Response) -> Result<Vec<u8>, FetchError> {
    response
        .binary()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))
}

async fn error_from(response: Response) -> FetchError {
    let status = response.status();
    match body_json::<ErrorBody>(&response).await {
        Ok(body) => FetchError::Api(body.error),
        Err(_) => FetchError::Status(status),
    }
}

/// `GET /api/cards`: every item's catalog card, in core's lean text format (`portal_core::cards`),
/// which the browser reads several times faster than the same cards as JSON. Only the count and
/// the first `head` cards are read now (see [`CardsAnswer`]).
///
/// A failure is told by its status alone, without reading the API's JSON error: the cards take no
/// input, so only a server or proxy in trouble refuses them, and the catalog alone (the home
/// page's wasm) then carries no JSON reader at all (serde_json: ~9 KB brotli).
pub async fn fetch_cards(head: usize) -> Result<CardsAnswer, FetchError> {
    let response = send_get("/api/cards").await?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let body = body_bytes(&response).await?;
    // The header and the first `head` lines: a cut at a line end falls between characters.
    let end = (body.iter().enumerate())
        .filter(|&(_, &byte)| byte == b'\n')
        .nth(head)
        .map_or(body.len(), |(at, _)| at);
    let text = std::str::from_utf8(&body[..end]).map_err(|e| FetchError::Decode(e.to_string()))?;
    let (count, head) = portal_core::cards::decode_head(text, head)
        .map_err(|e| FetchError::Decode(e.to_string()))?;
    Ok(CardsAnswer {
        count,
        head,
        body: Arc::new(body),
    })
}

/// The catalog's cards as they arrived: how many, the first ones read, and the whole answer,
/// read (and checked) only when more than those are needed. Reading 10 000 cards took 25–60 ms
/// in the page before its first list could show; that list needs ten.
#[derive(Clone)]
pub struct CardsAnswer {
    pub count: usize,
    pub head: Vec<ItemSummary>,
    /// Shared, so the loader's copies of the answer do not copy 3 MB.
    body: Arc<Vec<u8>>,
}

impl CardsAnswer {
    /// Splits the answer into what shows at once and a reader of every card.
    pub fn into_parts(
        self,
    ) -> (
        usize,
        Vec<ItemSummary>,
        impl FnOnce() -> Result<Vec<ItemSummary>, String> + Send + 'static,
    ) {
        let body = self.body;
        let read_all = move || {
            let text = std::str::from_utf8(&body).map_err(|e| e.to_string())?;
            portal_core::cards::decode(text).map_err(|e| e.to_string())
        };
        (self.count, self.head, read_all)
    }
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

// ---- The online application (forms, uploads, submissions, case lookup). ----

/// `GET /api/items/{code}/form`: the item's form (404 when it has none).
pub async fn fetch_form(code: &str) -> Result<portal_core::form::FormDefinition, FetchError> {
    let code = portal_core::filter::percent_encode(code);
    get_json(&format!("/api/items/{code}/form")).await
}

/// One stored upload, as `POST /api/uploads` answers it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct UploadedFile {
    pub upload_id: String,
    pub name: String,
    pub size: u64,
    pub mime: String,
}

impl UploadedFile {
    pub fn into_ref(self) -> portal_core::form::FileRef {
        portal_core::form::FileRef {
            upload_id: self.upload_id,
            name: self.name,
            size: self.size,
            mime: self.mime,
        }
    }
}

/// `POST /api/uploads` with one file, through `XMLHttpRequest` so the upload's progress (0–100)
/// can be shown; `fetch` cannot report it.
pub async fn upload_file(
    file: web_sys::File,
    on_progress: impl Fn(u32) + 'static,
) -> Result<UploadedFile, FetchError> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let network = |e: wasm_bindgen::JsValue| FetchError::Network(format!("{e:?}"));
    let form = web_sys::FormData::new().map_err(network)?;
    form.append_with_blob_and_filename("file", &file, &file.name())
        .map_err(network)?;
    let xhr = web_sys::XmlHttpRequest::new().map_err(network)?;
    xhr.open_with_async("POST", "/api/uploads", true)
        .map_err(network)?;
    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                on_progress((event.loaded() / event.total() * 100.0).round() as u32);
            }
        });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    // Settles when the request ends either way; the closures live until then.
    let mut settle = None;
    let done = js_sys::Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let (resolve, reject) = settle.expect("the promise executor runs at once");
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
    });
    let on_fail = Closure::<dyn FnMut()>::new(move || {
        let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
    });
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(on_fail.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(on_fail.as_ref().unchecked_ref()));
    xhr.send_with_opt_form_data(Some(&form)).map_err(network)?;
    let outcome = wasm_bindgen_futures::JsFuture::from(done).await;
    drop((progress, on_load, on_fail));
    outcome.map_err(|_| FetchError::Network("upload failed".into()))?;
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    if (200..300).contains(&status) {
        let mut files: Vec<UploadedFile> = parse_json(text.as_bytes())?;
        return files
            .pop()
            .ok_or_else(|| FetchError::Decode("no file in the answer".into()));
    }
    Err(match parse_json::<ErrorBody>(text.as_bytes()) {
        Ok(body) => FetchError::Api(body.error),
        Err(_) => FetchError::Status(status),
    })
}

/// One refused answer of a 422, as the API words it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct RefusedField {
    pub path: String,
    /// The engine's issue code (`required`, `upload_missing`, …).
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub severity: Option<portal_core::form::Severity>,
    pub message: String,
    pub message_en: String,
}

#[derive(serde::Deserialize)]
struct RefusedEnvelope {
    error: RefusedFields,
}

#[derive(serde::Deserialize)]
struct RefusedFields {
    #[serde(default)]
    fields: Vec<RefusedField>,
}

/// Why a submission was not accepted.
#[derive(Debug, Clone, PartialEq)]
pub enum SubmitError {
    /// 422 with per-field problems: show each at its field.
    Refused {
        error: FetchError,
        fields: Vec<RefusedField>,
    },
    /// Anything else (network, 5xx, …): nothing is lost, the same key may be sent again.
    Failed(FetchError),
}

/// `POST /api/applications` with the draft's `Idempotency-Key`: a retry with the same key never
/// makes a second application.
pub async fn submit_application(
    submission: &portal_core::submission::ApplicationSubmission,
    idempotency_key: &str,
) -> Result<portal_core::submission::ApplicationReceipt, SubmitError> {
    let request = Request::post("/api/applications")
        .header("Idempotency-Key", idempotency_key)
        .json(submission)
        .map_err(|e| SubmitError::Failed(FetchError::Decode(e.to_string())))?;
    let response = request
        .send()
        .await
        .map_err(|e| SubmitError::Failed(FetchError::Network(e.to_string())))?;
    if response.ok() {
        return body_json(&response).await.map_err(SubmitError::Failed);
    }
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    let error = match parse_json::<ErrorBody>(text.as_bytes()) {
        Ok(body) => FetchError::Api(body.error),
        Err(_) => FetchError::Status(status),
    };
    let fields = parse_json::<RefusedEnvelope>(text.as_bytes())
        .map(|e| e.error.fields)
        .unwrap_or_default();
    if status == 422 && !fields.is_empty() {
        Err(SubmitError::Refused { error, fields })
    } else {
        Err(SubmitError::Failed(error))
    }
}

/// `GET /api/applications/{reference}`: a case as the applicant follows it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct CaseView {
    pub receipt: portal_core::submission::ApplicationReceipt,
    pub status: portal_core::submission::ApplicationStatus,
    pub updated_at: String,
    #[serde(default)]
    pub history: Vec<CaseStep>,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct CaseStep {
    pub at: String,
    pub status: portal_core::submission::ApplicationStatus,
}

pub async fn fetch_case(reference: &str) -> Result<CaseView, FetchError> {
    let reference = portal_core::filter::percent_encode(reference);
    get_json(&format!("/api/applications/{reference}")).await
}
