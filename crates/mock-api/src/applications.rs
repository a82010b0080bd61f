//! `POST /api/applications` (idempotent, re-validated with the core engine) and
//! `GET /api/applications/{reference}` (following a case).

use std::collections::BTreeSet;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_core::date::CivilDate;
use portal_core::error::FieldError;
use portal_core::form::{Answer, Answers, FieldIssue, FormDefinition, IssueCode};
use portal_core::submission::{
    validate_submission, ApplicationReceipt, ApplicationStatus, ApplicationSubmission,
    ProvisionKind,
};
use portal_core::{ApiError, ErrorCode, ServiceItem};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::forms::labels_for;
use crate::store::{
    today_utc8, ApplicationRecord, IdempotencyKey, NewApplication, ReceiptTemplate, SubmitOutcome,
};
use crate::uploads::MAX_APPLICATION_BYTES;
use crate::{reference, AppError, AppState};

/// The most an application body may weigh (answers only; files go through `/api/uploads`).
pub const APPLICATION_BODY_LIMIT: usize = 1024 * 1024;

/// Set on a response that repeats an earlier one for the same `Idempotency-Key`.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

fn bad_request(message: String, message_en: String) -> AppError {
    AppError(ApiError::new(ErrorCode::BadRequest, message, message_en))
}

fn invalid(message: impl Into<String>, message_en: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::ValidationFailed, message, message_en)
}

/// The `Idempotency-Key` header as a canonical (lower-case, hyphenated) UUID.
fn idempotency_key(headers: &HeaderMap) -> Result<String, AppError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Err(bad_request(
            "缺少 Idempotency-Key 请求头（每份申请一个 UUID）".into(),
            "The Idempotency-Key header is missing (one UUID per application)".into(),
        ));
    };
    value
        .to_str()
        .ok()
        .and_then(|text| uuid::Uuid::try_parse(text.trim()).ok())
        .map(|uuid| uuid.hyphenated().to_string())
        .ok_or_else(|| {
            bad_request(
                "Idempotency-Key 须为 UUID，例如 3f2b6c1e-8d4a-4e0b-9a57-0c1d2e3f4a5b".into(),
                "Idempotency-Key must be a UUID, e.g. 3f2b6c1e-8d4a-4e0b-9a57-0c1d2e3f4a5b".into(),
            )
        })
}

fn require_json(headers: &HeaderMap) -> Result<(), AppError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
    if is_json {
        Ok(())
    } else {
        Err(AppError(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "申请须以 JSON 提交（Content-Type: application/json）",
            "Submit the application as JSON (Content-Type: application/json)",
        )))
    }
}

fn parse_submission(body: &[u8]) -> Result<ApplicationSubmission, AppError> {
    serde_json::from_slice(body).map_err(|err| {
        use serde_json::error::Category;
        match err.classify() {
            // Well-formed JSON of the wrong shape: a type, a missing or an unknown field.
            Category::Data => AppError(invalid(
                format!("申请内容的字段不符合要求：{err}"),
                format!("The application has a field of the wrong shape: {err}"),
            )),
            _ => bad_request(
                format!("申请内容不是有效的 JSON：{err}"),
                format!("The application is not valid JSON: {err}"),
            ),
        }
    })
}

/// SHA-256 of the submission re-serialised, so key order and spacing do not make a retry "different".
fn request_hash(submission: &ApplicationSubmission) -> String {
    let canonical = serde_json::to_vec(submission).unwrap_or_default();
    Sha256::digest(&canonical)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn today() -> CivilDate {
    let (y, m, d) = today_utc8();
    CivilDate::new(y, m as u8, d as u8).unwrap_or(CivilDate {
        y,
        m: m as u8,
        d: d as u8,
    })
}

fn field_errors(issues: Vec<FieldIssue>, item: &ServiceItem, def: &FormDefinition) -> ApiError {
    let count = issues.len();
    let fields = issues
        .into_iter()
        .map(|issue| {
            let (zh, en) = labels_for(&issue.path, item, def);
            FieldError::new(issue, &zh, &en)
        })
        .collect();
    invalid(
        format!("申请中有 {count} 处需要修改"),
        format!("{count} answer(s) in the application need changing"),
    )
    .with_fields(fields)
}

/// Every upload id the submission refers to, each with the path of the question or material.
pub(crate) fn referenced_uploads(submission: &ApplicationSubmission) -> Vec<(String, String)> {
    fn from_answers(answers: &Answers, prefix: &str, out: &mut Vec<(String, String)>) {
        for (id, answer) in answers {
            match answer {
                Answer::Files(files) => out.extend(
                    files
                        .iter()
                        .map(|f| (format!("{prefix}{id}"), f.upload_id.clone())),
                ),
                Answer::Group(rows) => {
                    for (row, answers) in rows.iter().enumerate() {
                        from_answers(answers, &format!("{prefix}{id}-{row}-"), out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    from_answers(&submission.answers, "", &mut out);
    for provision in &submission.materials {
        if let ProvisionKind::Uploaded { upload_ids } = &provision.kind {
            let path = portal_core::form::material_path(provision.material);
            out.extend(upload_ids.iter().map(|id| (path.clone(), id.clone())));
        }
    }
    out
}

/// Every referenced upload exists, and together they stay under the per-application total.
async fn check_uploads(
    state: &AppState,
    submission: &ApplicationSubmission,
    item: &ServiceItem,
    def: &FormDefinition,
) -> Result<(), AppError> {
    let referenced = referenced_uploads(submission);
    let ids: BTreeSet<String> = referenced.iter().map(|(_, id)| id.clone()).collect();
    let found = state.store.get_uploads(ids.into_iter().collect()).await?;
    let missing: Vec<&(String, String)> = referenced
        .iter()
        .filter(|(_, id)| !found.iter().any(|u| &u.id == id))
        .collect();
    if let Some((_, first)) = missing.first() {
        let first: String = first.chars().take(40).collect();
        // One issue per question or material, however many of its files are missing.
        let paths: BTreeSet<&String> = missing.iter().map(|(path, _)| path).collect();
        let issues = paths
            .into_iter()
            .map(|path| FieldIssue::new(path.clone(), IssueCode::UploadMissing))
            .collect();
        let mut error = field_errors(issues, item, def);
        error.message = format!("附件 {first} 不存在或未上传成功，请重新上传");
        error.message_en =
            format!("The attachment {first} does not exist or was not uploaded; upload it again");
        return Err(AppError(error));
    }
    let total: u64 = found.iter().map(|u| u.size).sum();
    if total > MAX_APPLICATION_BYTES {
        let mb = MAX_APPLICATION_BYTES / (1024 * 1024);
        return Err(AppError(ApiError::new(
            ErrorCode::PayloadTooLarge,
            format!("一份申请的附件合计不能超过 {mb} MB"),
            format!("The attachments of one application must total {mb} MB or less"),
        )));
    }
    Ok(())
}

pub(crate) fn receipt(record: &ApplicationRecord) -> ApplicationReceipt {
    ApplicationReceipt {
        reference: record.reference.clone(),
        item_code: record.item_code.clone(),
        item_name: record.receipt.item_name.clone(),
        submitted_at: record.created_at.clone(),
        promised_limit: record.receipt.promised_limit,
        status: record.status,
    }
}

/// 201 with the receipt; a replay says so in a header and is otherwise the same answer.
fn receipt_response(record: &ApplicationRecord, replayed: bool) -> Response {
    let mut response = (StatusCode::CREATED, Json(receipt(record))).into_response();
    if replayed {
        response
            .headers_mut()
            .insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    }
    response
}

fn key_reused() -> AppError {
    AppError(ApiError::new(
        ErrorCode::IdempotencyKeyReused,
        "该 Idempotency-Key 已用于另一份内容不同的申请",
        "This Idempotency-Key was already used for an application with different content",
    ))
}

/// `POST /api/applications` with `Idempotency-Key: <uuid>` and an [`ApplicationSubmission`].
pub async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, AppError> {
    let key = idempotency_key(&headers)?;
    require_json(&headers)?;
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError(ApiError::new(
                ErrorCode::PayloadTooLarge,
                "申请内容过大（附件请通过上传接口提交）",
                "The application is too large (send files through the upload endpoint)",
            ))
        } else {
            bad_request(
                "无法读取申请内容".into(),
                format!(
                    "The application body could not be read: {}",
                    rejection.body_text()
                ),
            )
        }
    })?;
    let submission = parse_submission(&body)?;
    let hash = request_hash(&submission);

    // A retry answers what the first request got, even if re-validating today would differ.
    if let Some((seen_hash, record)) = state.store.lookup_key(key.clone()).await? {
        return if seen_hash == hash {
            Ok(receipt_response(&record, true))
        } else {
            Err(key_reused())
        };
    }

    let code = submission.item_code.chars().take(40).collect::<String>();
    let Some(item) = state.catalog.get(&submission.item_code) else {
        return Err(AppError(invalid(
            format!("未找到编码为 {code} 的服务事项"),
            format!("No service item has the code {code}"),
        )));
    };
    let Some(def) = state.forms.get(&item.code) else {
        return Err(AppError(invalid(
            format!("事项 {code} 暂不支持网上申请"),
            format!("The item {code} cannot be applied for online yet"),
        )));
    };
    let issues = validate_submission(item, def, &submission, today());
    if !issues.is_empty() {
        return Err(AppError(field_errors(issues, item, def)));
    }
    check_uploads(&state, &submission, item, def).await?;

    let new = NewApplication {
        item_code: item.code.clone(),
        department: item.department.kind,
        submission_json: String::from_utf8(serde_json::to_vec(&submission).unwrap_or_default())
            .unwrap_or_default(),
        receipt: ReceiptTemplate {
            item_name: item.name.clone(),
            promised_limit: item.handling.promised_limit,
        },
        actor: "applicant".to_owned(),
    };
    let outcome = state
        .store
        .submit(
            new,
            IdempotencyKey {
                key,
                request_hash: hash,
            },
        )
        .await?;
    match outcome {
        SubmitOutcome::Created(record) => Ok(receipt_response(&record, false)),
        SubmitOutcome::Replayed(record) => Ok(receipt_response(&record, true)),
        SubmitOutcome::KeyReused => Err(key_reused()),
    }
}

/// One step of a case's history, as the applicant sees it: never who acted, and only the notes
/// addressed to the applicant (see [`note_for_applicant`]).
#[derive(Debug, Serialize)]
pub struct HistoryStep {
    pub at: String,
    pub status: ApplicationStatus,
    /// What is missing (需补正), why it was not accepted (不予受理), or the result (已办结).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The staff note the applicant must read: the one its action requires (what to correct, the
/// reason for refusing, the result). Optional notes on other steps are internal remarks.
fn note_for_applicant(to: ApplicationStatus, note: Option<String>) -> Option<String> {
    match to {
        ApplicationStatus::NeedsCorrection
        | ApplicationStatus::Rejected
        | ApplicationStatus::Completed => note,
        ApplicationStatus::Pending
        | ApplicationStatus::Accepted
        | ApplicationStatus::UnderReview => None,
    }
}

/// `GET /api/applications/{reference}`.
#[derive(Debug, Serialize)]
pub struct CaseView {
    pub receipt: ApplicationReceipt,
    pub status: ApplicationStatus,
    pub status_en: &'static str,
    pub updated_at: String,
    pub history: Vec<HistoryStep>,
}

fn case_not_found(reference: &str) -> AppError {
    let shown: String = reference.chars().take(40).collect();
    AppError(ApiError::new(
        ErrorCode::NotFound,
        format!("未找到受理编号为 {shown} 的申请"),
        format!("No application has the reference {shown}"),
    ))
}

pub async fn get_application(
    State(state): State<AppState>,
    reference: Result<Path<String>, PathRejection>,
) -> Result<Json<CaseView>, AppError> {
    let Path(raw) = reference?;
    let Some(reference) = reference::normalise(&raw) else {
        return Err(case_not_found(&raw));
    };
    let Some(record) = state.store.get_application(reference.clone()).await? else {
        return Err(case_not_found(&reference));
    };
    let history = state
        .store
        .list_events(reference)
        .await?
        .into_iter()
        .map(|e| HistoryStep {
            note: note_for_applicant(e.to, e.note),
            at: e.at,
            status: e.to,
        })
        .collect();
    Ok(Json(CaseView {
        receipt: receipt(&record),
        status: record.status,
        status_en: record.status.label_en(),
        updated_at: record.updated_at.clone(),
        history,
    }))
}
