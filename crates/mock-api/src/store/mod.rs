//! Where submitted applications, idempotency keys, upload records and the status audit log live.
//!
//! The trait is async (each method returns a boxed future) rather than sync: a PostgreSQL
//! implementation on `tokio-postgres` is async by nature and should not tie up a blocking thread
//! per query, while the SQLite implementation simply moves its synchronous rusqlite calls onto
//! `spawn_blocking`. Boxed futures keep the trait object-safe (`Arc<dyn ApplicationStore>`)
//! without the `async-trait` macro.

mod sqlite;

use std::future::Future;
use std::pin::Pin;

use portal_core::submission::ApplicationStatus;
use portal_core::{DepartmentKind, TimeLimit};
use serde::{Deserialize, Serialize};

pub use sqlite::{supported_schema_version, SqliteStore};

/// Why a store call failed. None of these is the client's fault, except `NotFound`.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库错误 database error: {0}")]
    Database(String),
    #[error("存储后台任务失败 store task failed: {0}")]
    Task(String),
    #[error("未找到 not found: {0}")]
    NotFound(String),
    #[error("数据库结构版本 {found} 比本程序支持的 {supported} 新 the database schema version {found} is newer than this program's {supported}")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("无法生成不重复的受理编号 could not generate an unused reference")]
    ReferenceExhausted,
}

pub type StoreResult<T> = Result<T, StoreError>;
/// What every store method returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = StoreResult<T>> + Send + 'a>>;

/// An application about to be stored. The store chooses its reference.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub item_code: String,
    pub department: DepartmentKind,
    /// The submission as the client sent it (already validated), as JSON text.
    pub submission_json: String,
    /// The item as it was at submission, for the receipt (the catalog may change later).
    pub receipt: ReceiptTemplate,
    pub actor: String,
}

/// What the receipt needs beyond the reference and submission time.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ReceiptTemplate {
    pub item_name: String,
    pub promised_limit: TimeLimit,
}

/// The `Idempotency-Key` of a request with the SHA-256 of its canonical body.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    pub key: String,
    pub request_hash: String,
}

/// One stored application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRecord {
    pub reference: String,
    pub item_code: String,
    pub department: DepartmentKind,
    pub status: ApplicationStatus,
    pub submission_json: String,
    pub receipt: ReceiptTemplate,
    /// RFC 3339 at UTC+8, e.g. `2026-11-24T10:31:05+08:00`.
    pub created_at: String,
    pub updated_at: String,
}

/// What `submit` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// A new application was stored (with its key, in one transaction).
    Created(ApplicationRecord),
    /// The key was seen before with the same body: the earlier application.
    Replayed(ApplicationRecord),
    /// The key was seen before with a different body.
    KeyReused,
}

/// Filters of `list_applications`; `None` means any. Dates are `YYYY-MM-DD` at UTC+8, inclusive.
#[derive(Debug, Clone, Default)]
pub struct ApplicationFilter {
    pub status: Option<ApplicationStatus>,
    pub item_code: Option<String>,
    pub department: Option<DepartmentKind>,
    pub submitted_from: Option<String>,
    pub submitted_to: Option<String>,
}

/// A page of a listing: newest first.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    /// 0-based page number.
    pub number: u32,
    /// Rows per page (1..=200; larger values are clamped).
    pub size: u32,
}

#[derive(Debug, Clone)]
pub struct ApplicationPage {
    pub rows: Vec<ApplicationRecord>,
    /// Rows matching the filter over all pages.
    pub total: u64,
}

/// A status change about to be logged; the store reads `from` itself, in the same transaction.
#[derive(Debug, Clone)]
pub struct NewStatusEvent {
    pub reference: String,
    pub actor: String,
    pub to: ApplicationStatus,
    pub note: Option<String>,
}

/// What `append_event_from` did: appended, or found the status no longer the one expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppendOutcome {
    Appended(StatusEvent),
    /// Someone else moved the application first; nothing was written.
    StatusChanged {
        found: ApplicationStatus,
    },
}

/// One row of the append-only audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusEvent {
    pub reference: String,
    pub at: String,
    pub actor: String,
    /// `None` for the event that created the application.
    pub from: Option<ApplicationStatus>,
    pub to: ApplicationStatus,
    pub note: Option<String>,
}

/// An accepted upload; its bytes live in the upload directory under `sha256`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UploadRecord {
    pub id: String,
    pub sha256: String,
    pub size: u64,
    pub mime: String,
    /// The client's file name: data to show, never a path.
    pub original_name: String,
    pub created_at: String,
}

/// The store behind the application endpoints (and, later, the staff screens).
pub trait ApplicationStore: Send + Sync {
    /// Stores a new application, its idempotency key row and its first status event in ONE
    /// transaction; or, if the key exists, reports a replay or a reuse with another body.
    fn submit(&self, new: NewApplication, key: IdempotencyKey) -> StoreFuture<'_, SubmitOutcome>;

    /// The request hash and reference an `Idempotency-Key` was first used with, if it was.
    fn lookup_key(&self, key: String) -> StoreFuture<'_, Option<(String, ApplicationRecord)>>;

    fn get_application(&self, reference: String) -> StoreFuture<'_, Option<ApplicationRecord>>;

    /// Newest first.
    fn list_applications(
        &self,
        filter: ApplicationFilter,
        page: Page,
    ) -> StoreFuture<'_, ApplicationPage>;

    /// Moves an application to `to` and logs the change, atomically. `NotFound` for an unknown
    /// reference.
    fn append_event(&self, event: NewStatusEvent) -> StoreFuture<'_, StatusEvent>;

    /// Like `append_event`, but only if the application is still in `expected` (compare-and-set,
    /// checked in the same write transaction), so two staff acting at once cannot both move it
    /// from the same status. `NotFound` for an unknown reference.
    fn append_event_from(
        &self,
        expected: ApplicationStatus,
        event: NewStatusEvent,
    ) -> StoreFuture<'_, AppendOutcome>;

    /// Oldest first.
    fn list_events(&self, reference: String) -> StoreFuture<'_, Vec<StatusEvent>>;

    fn put_upload(&self, upload: UploadRecord) -> StoreFuture<'_, ()>;

    /// The records of those ids that exist (unknown ids are simply absent).
    fn get_uploads(&self, ids: Vec<String>) -> StoreFuture<'_, Vec<UploadRecord>>;
}

/// Now as RFC 3339 at UTC+8 (China Standard Time has no daylight saving).
pub fn now_utc8() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    rfc3339_utc8(secs)
}

/// Today's civil date at UTC+8 as (year, month, day).
pub fn today_utc8() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    civil_from_days((secs + 8 * 3600).div_euclid(86_400))
}

/// Unix seconds as `YYYY-MM-DDTHH:MM:SS+08:00`.
pub fn rfc3339_utc8(unix_secs: i64) -> String {
    let local = unix_secs + 8 * 3600;
    let (y, m, d) = civil_from_days(local.div_euclid(86_400));
    let s = local.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+08:00",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_china_standard_time() {
        assert_eq!(rfc3339_utc8(0), "1970-01-01T08:00:00+08:00");
        // 16:30 UTC on the 24th is already 00:30 on the 25th in Beijing.
        assert_eq!(rfc3339_utc8(1_795_537_800), "2026-11-25T00:30:00+08:00");
        assert_eq!(rfc3339_utc8(951_782_400), "2000-02-29T08:00:00+08:00");
    }
}
