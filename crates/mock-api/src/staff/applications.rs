//! The application queue: the filtered list, one application in full, and its attachments.
//! A department account only ever sees its own department's applications: the list forces the
//! department filter, and a single application of another department answers 403.

use std::collections::BTreeSet;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use portal_core::form::{summary, Answer, Answers};
use portal_core::staff::{
    AuditEntry, StaffAction, StaffApplicationDetail, StaffApplicationPage, StaffApplicationRow,
    StaffMaterial, StaffProvision, StaffUpload,
};
use portal_core::status::Status;
use portal_core::submission::{ApplicationSubmission, ProvisionKind};
use portal_core::{ApiError, ErrorCode, Lang};

use super::csv_export::content_disposition;
use super::queue_query::{lang_param, list_query, params, shown, Params};
use super::SignedIn;
use crate::applications::{receipt, referenced_uploads};
use crate::store::{ApplicationRecord, Page, UploadRecord};
use crate::{reference, AppError, AppState};

/// The stored submission; a record that does not parse is our fault, not the client's.
fn submission_of(record: &ApplicationRecord) -> Result<ApplicationSubmission, AppError> {
    serde_json::from_str(&record.submission_json).map_err(|err| {
        eprintln!(
            "portal-mock-api: stored submission {} does not parse: {err}",
            record.reference
        );
        AppError(ApiError::new(
            ErrorCode::Internal,
            "该申请的存储内容无法读取",
            "The stored content of this application cannot be read",
        ))
    })
}

/// The applicant's name as typed: the form's `name` answer, else the `name` of the first row of
/// the first group that has one (e.g. the first 原告).
fn applicant_name(answers: &Answers) -> Option<String> {
    if let Some(name) = answers.get("name").and_then(Answer::as_text) {
        return Some(name.to_owned());
    }
    answers.values().find_map(|answer| match answer {
        Answer::Group(rows) => rows
            .first()
            .and_then(|row| row.get("name"))
            .and_then(Answer::as_text)
            .map(str::to_owned),
        _ => None,
    })
}

fn row(record: &ApplicationRecord) -> StaffApplicationRow {
    let name = serde_json::from_str::<ApplicationSubmission>(&record.submission_json)
        .ok()
        .and_then(|s| applicant_name(&s.answers));
    StaffApplicationRow {
        reference: record.reference.clone(),
        item_code: record.item_code.clone(),
        item_name: record.receipt.item_name.clone(),
        department_kind: record.department,
        status: record.status,
        status_en: record.status.label_en().to_owned(),
        submitted_at: record.created_at.clone(),
        applicant_name: name,
    }
}

/// `GET /api/staff/applications?status=&item=&department=&from=&to=&page=&size=`.
pub(super) async fn list(
    State(state): State<AppState>,
    Extension(signed_in): Extension<SignedIn>,
    query: Params,
) -> Result<Response, AppError> {
    let map = params(query)?;
    let (mut filter, page, size) = list_query(&map)?;
    // A department account sees its own department whatever it asked for.
    if let Some(own) = signed_in.account.department {
        filter.department = Some(own);
    }
    let found = state
        .store
        .list_applications(
            filter,
            Page {
                number: page - 1,
                size,
            },
        )
        .await?;
    Ok(Json(StaffApplicationPage {
        total: found.total,
        page,
        size,
        rows: found.rows.iter().map(row).collect(),
    })
    .into_response())
}

fn not_found(reference: &str) -> AppError {
    let shown = shown(reference);
    AppError(ApiError::new(
        ErrorCode::NotFound,
        format!("未找到受理编号为 {shown} 的申请"),
        format!("No application has the reference {shown}"),
    ))
}

/// The application `raw` names, if this account may work on it: 404 when there is none, 403
/// when it belongs to another department.
pub(super) async fn load_scoped(
    state: &AppState,
    signed_in: &SignedIn,
    raw: &str,
) -> Result<ApplicationRecord, AppError> {
    let reference = reference::normalise(raw).ok_or_else(|| not_found(raw))?;
    let record = state
        .store
        .get_application(reference.clone())
        .await?
        .ok_or_else(|| not_found(&reference))?;
    match signed_in.account.department {
        Some(own) if own != record.department => Err(AppError(ApiError::new(
            ErrorCode::Forbidden,
            format!(
                "申请 {} 属于{}，本账号只能查看和办理{}的申请",
                record.reference,
                record.department.label(),
                own.label()
            ),
            format!(
                "The application {} belongs to {}; this account works only on {} applications",
                record.reference,
                record.department.label_en(),
                own.label_en()
            ),
        ))),
        _ => Ok(record),
    }
}

fn download_href(reference: &str, upload_id: &str) -> String {
    format!("/api/staff/applications/{reference}/uploads/{upload_id}")
}

fn material_view(
    state: &AppState,
    record: &ApplicationRecord,
    index: usize,
    kind: &ProvisionKind,
    uploads: &[UploadRecord],
) -> StaffMaterial {
    let material = state
        .catalog
        .get(&record.item_code)
        .and_then(|item| item.materials.get(index));
    let provision = match kind {
        ProvisionKind::Uploaded { upload_ids } => StaffProvision::Uploaded {
            files: upload_ids
                .iter()
                .filter_map(|id| uploads.iter().find(|u| &u.id == id))
                .map(|u| StaffUpload {
                    id: u.id.clone(),
                    name: u.original_name.clone(),
                    size: u.size,
                    mime: u.mime.clone(),
                    href: download_href(&record.reference, &u.id),
                })
                .collect(),
            missing: upload_ids
                .iter()
                .filter(|id| !uploads.iter().any(|u| &u.id == *id))
                .cloned()
                .collect(),
        },
        ProvisionKind::Commitment { agreed } => StaffProvision::Commitment {
            agreed: *agreed,
            commitment_text: material.and_then(|m| m.commitment.clone()),
        },
        ProvisionKind::Deferred => StaffProvision::Deferred,
        ProvisionKind::SharedCheck => StaffProvision::SharedCheck,
    };
    StaffMaterial {
        material: index,
        name: material.map(|m| m.name.clone()),
        provision,
        trust_level: kind.trust_level(),
    }
}

fn action_view(from: Status) -> Vec<StaffAction> {
    from.actions()
        .into_iter()
        .filter_map(|action| {
            let to = portal_core::status::transition(from, action, "-").ok()?;
            let kind = action.required_note();
            Some(StaffAction {
                action,
                label_en: action.label_en().to_owned(),
                to,
                note_required: kind.is_some(),
                note_label: kind.map(|k| k.label_in(Lang::Zh).to_owned()),
                note_label_en: kind.map(|k| k.label_in(Lang::En).to_owned()),
            })
        })
        .collect()
}

/// Everything staff need to decide on `record`.
pub(super) async fn detail(
    state: &AppState,
    record: &ApplicationRecord,
    lang: Lang,
) -> Result<StaffApplicationDetail, AppError> {
    let submission = submission_of(record)?;
    let ids: BTreeSet<String> = submission
        .materials
        .iter()
        .filter_map(|p| match &p.kind {
            ProvisionKind::Uploaded { upload_ids } => Some(upload_ids.iter().cloned()),
            _ => None,
        })
        .flatten()
        .collect();
    let uploads = state.store.get_uploads(ids.into_iter().collect()).await?;
    let materials = submission
        .materials
        .iter()
        .map(|p| material_view(state, record, p.material, &p.kind, &uploads))
        .collect();
    let events = state
        .store
        .list_events(record.reference.clone())
        .await?
        .into_iter()
        .map(|e| AuditEntry {
            at: e.at,
            actor: e.actor,
            from: e.from,
            to: e.to,
            note: e.note,
        })
        .collect();
    let summary = state
        .forms
        .get(&record.item_code)
        .map(|def| summary(def, &submission.answers, lang));
    Ok(StaffApplicationDetail {
        receipt: receipt(record),
        department_kind: record.department,
        status: record.status,
        status_en: record.status.label_en().to_owned(),
        updated_at: record.updated_at.clone(),
        applicant_name: applicant_name(&submission.answers),
        lang: submission.lang,
        situation: submission.situation,
        answers: submission.answers,
        confirmed_warnings: submission.confirmed_warnings,
        materials,
        summary,
        actions: action_view(record.status),
        events,
    })
}

/// `GET /api/staff/applications/{reference}?lang=zh|en`.
pub(super) async fn get_one(
    State(state): State<AppState>,
    Extension(signed_in): Extension<SignedIn>,
    path: Result<Path<String>, PathRejection>,
    query: Params,
) -> Result<Response, AppError> {
    let Path(raw) = path?;
    let lang = lang_param(&params(query)?)?;
    let record = load_scoped(&state, &signed_in, &raw).await?;
    Ok(Json(detail(&state, &record, lang).await?).into_response())
}

fn storage_error(err: std::io::Error) -> AppError {
    eprintln!("portal-mock-api: attachment read error: {err}");
    AppError(ApiError::new(
        ErrorCode::Internal,
        "附件暂时无法读取，请稍后重试",
        "The attachment cannot be read just now; please try again",
    ))
}

/// A plain ASCII name for clients that ignore `filename*`.
fn ascii_fallback(mime: &str) -> &'static str {
    match mime {
        "application/pdf" => "attachment.pdf",
        "image/jpeg" => "attachment.jpg",
        "image/png" => "attachment.png",
        _ => "attachment.bin",
    }
}

/// `GET /api/staff/applications/{reference}/uploads/{upload_id}`: the stored bytes, only for an
/// upload this application refers to.
pub(super) async fn download(
    State(state): State<AppState>,
    Extension(signed_in): Extension<SignedIn>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let Path((raw, upload_id)) = path?;
    let record = load_scoped(&state, &signed_in, &raw).await?;
    let submission = submission_of(&record)?;
    let belongs = referenced_uploads(&submission)
        .iter()
        .any(|(_, id)| *id == upload_id);
    let stored = if belongs {
        state
            .store
            .get_uploads(vec![upload_id.clone()])
            .await?
            .pop()
    } else {
        None
    };
    let Some(upload) = stored else {
        let shown = shown(&upload_id);
        return Err(AppError(ApiError::new(
            ErrorCode::NotFound,
            format!("申请 {} 没有编号为 {shown} 的附件", record.reference),
            format!(
                "The application {} has no attachment with the id {shown}",
                record.reference
            ),
        )));
    };
    let bytes = tokio::fs::read(state.uploads.blob_path(&upload.sha256))
        .await
        .map_err(storage_error)?;
    let mime = HeaderValue::from_str(&upload.mime)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (
                header::CONTENT_DISPOSITION,
                content_disposition(&upload.original_name, ascii_fallback(&upload.mime)),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            // Should a browser render it anyway, nothing in it may run.
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            ),
        ],
        bytes,
    )
        .into_response())
}
