//! `POST /api/staff/applications/{reference}/transitions` `{action, note}`: core's status
//! machine decides, the store moves the application and logs it in one transaction, and only if
//! nobody moved it meanwhile (compare-and-set on the status the decision was made from).

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use portal_core::error::FieldError;
use portal_core::form::{FieldIssue, IssueCode};
use portal_core::staff::TransitionRequest;
use portal_core::status::{transition, Action, TransitionError};
use portal_core::{ApiError, ErrorCode, Lang};

use super::applications::{detail, load_scoped};
use super::queue_query::{bad_request, lang_param, params, Params};
use super::SignedIn;
use crate::store::{AppendOutcome, NewStatusEvent};
use crate::{AppError, AppState};

/// The longest note kept (characters): a reason or a list of what is missing, not a document.
pub const MAX_NOTE_CHARS: u32 = 1000;

fn bad_body(detail: String) -> AppError {
    let actions: Vec<&str> = Action::ALL.iter().map(|a| a.label()).collect();
    bad_request(
        format!(
            "请求内容须为 {{\"action\":…,\"note\":…}}，action 为{}之一：{detail}",
            actions.join("、")
        ),
        format!(
            "The body must be {{\"action\":…,\"note\":…}} with action one of {}: {detail}",
            actions.join(", ")
        ),
    )
}

fn parse_request(body: Result<Bytes, BytesRejection>) -> Result<TransitionRequest, AppError> {
    let body = body.map_err(|rejection| bad_body(rejection.body_text()))?;
    serde_json::from_slice(&body).map_err(|err| bad_body(err.to_string()))
}

/// A 422 with the problem on the `note` field, worded by the issue code.
fn note_error(
    issue: IssueCode,
    zh: String,
    en: String,
    label_zh: &str,
    label_en: &str,
) -> AppError {
    AppError(
        ApiError::new(ErrorCode::ValidationFailed, zh, en).with_fields(vec![FieldError::new(
            FieldIssue::new("note", issue),
            label_zh,
            label_en,
        )]),
    )
}

fn refused(err: TransitionError) -> AppError {
    let (zh, en) = (err.message_in(Lang::Zh), err.message_in(Lang::En));
    match err {
        TransitionError::Invalid { .. } => AppError(ApiError::new(ErrorCode::Conflict, zh, en)),
        TransitionError::NoteRequired { kind, .. } => note_error(
            IssueCode::Required,
            zh,
            en,
            kind.label_in(Lang::Zh),
            kind.label_in(Lang::En),
        ),
    }
}

pub(super) async fn post(
    State(state): State<AppState>,
    Extension(signed_in): Extension<SignedIn>,
    path: Result<Path<String>, PathRejection>,
    query: Params,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, AppError> {
    let Path(raw) = path?;
    let lang = lang_param(&params(query)?)?;
    let record = load_scoped(&state, &signed_in, &raw).await?;
    let request = parse_request(body)?;
    let note = request.note.trim();
    let to = transition(record.status, request.action, note).map_err(refused)?;
    if note.chars().count() > MAX_NOTE_CHARS as usize {
        let (label_zh, label_en) = match request.action.required_note() {
            Some(kind) => (kind.label_in(Lang::Zh), kind.label_in(Lang::En)),
            None => ("备注", "The note"),
        };
        return Err(note_error(
            IssueCode::TooLong {
                max: MAX_NOTE_CHARS,
            },
            format!("{label_zh}不能超过 {MAX_NOTE_CHARS} 个字"),
            format!("{label_en} must be {MAX_NOTE_CHARS} characters or fewer"),
            label_zh,
            label_en,
        ));
    }
    let event = NewStatusEvent {
        reference: record.reference.clone(),
        actor: signed_in.account.username.to_owned(),
        to,
        note: (!note.is_empty()).then(|| note.to_owned()),
    };
    match state.store.append_event_from(record.status, event).await? {
        AppendOutcome::Appended(_) => {}
        AppendOutcome::StatusChanged { found } => {
            return Err(AppError(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "申请 {} 已被他人改为“{}”，未执行“{}”，请刷新后重试",
                    record.reference,
                    found.label(),
                    request.action.label()
                ),
                format!(
                    "The application {} was changed to \"{}\" meanwhile, so \"{}\" was not done; reload and try again",
                    record.reference,
                    found.label_en(),
                    request.action.label_en()
                ),
            )))
        }
    }
    let updated = load_scoped(&state, &signed_in, &record.reference).await?;
    Ok(Json(detail(&state, &updated, lang).await?).into_response())
}
