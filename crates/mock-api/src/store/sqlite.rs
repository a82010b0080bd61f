//! The SQLite store: one file under the data directory, one connection behind a mutex (SQLite has
//! one writer anyway), every call on `spawn_blocking` so the async runtime never waits on disk.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use portal_core::submission::ApplicationStatus;
use portal_core::DepartmentKind;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use super::{
    now_utc8, AppendOutcome, ApplicationFilter, ApplicationPage, ApplicationRecord,
    ApplicationStore, IdempotencyKey, NewApplication, NewStatusEvent, Page, ReceiptTemplate,
    StatusEvent, StoreError, StoreFuture, StoreResult, SubmitOutcome, UploadRecord,
};

/// Numbered schema migrations; the number applied is kept in `PRAGMA user_version`. Append only:
/// a released migration is never edited.
const MIGRATIONS: &[&str] = &[
    // 1: applications, their idempotency keys, uploads, and the append-only status log.
    "CREATE TABLE applications (
        reference  TEXT PRIMARY KEY,
        item_code  TEXT NOT NULL,
        department TEXT NOT NULL,
        status     TEXT NOT NULL,
        submission TEXT NOT NULL CHECK (json_valid(submission)),
        receipt    TEXT NOT NULL CHECK (json_valid(receipt)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX applications_by_created ON applications (created_at);
    CREATE INDEX applications_by_status ON applications (status, created_at);
    CREATE INDEX applications_by_item ON applications (item_code, created_at);
    CREATE TABLE idempotency_keys (
        key          TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        reference    TEXT NOT NULL REFERENCES applications (reference),
        created_at   TEXT NOT NULL
    ) STRICT;
    CREATE TABLE uploads (
        id            TEXT PRIMARY KEY,
        sha256        TEXT NOT NULL,
        size          INTEGER NOT NULL CHECK (size >= 0),
        mime          TEXT NOT NULL,
        original_name TEXT NOT NULL,
        created_at    TEXT NOT NULL
    ) STRICT;
    CREATE TABLE status_events (
        id          INTEGER PRIMARY KEY,
        reference   TEXT NOT NULL REFERENCES applications (reference),
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        from_status TEXT,
        to_status   TEXT NOT NULL,
        note        TEXT
    ) STRICT;
    CREATE INDEX status_events_by_reference ON status_events (reference, id);
    CREATE TRIGGER status_events_no_update BEFORE UPDATE ON status_events
        BEGIN SELECT RAISE(ABORT, 'status_events is append-only'); END;
    CREATE TRIGGER status_events_no_delete BEFORE DELETE ON status_events
        BEGIN SELECT RAISE(ABORT, 'status_events is append-only'); END;",
];

/// How often a freshly drawn reference may collide before giving up (79 random bits: never).
const REFERENCE_ATTEMPTS: usize = 8;

/// The SQLite implementation of [`ApplicationStore`].
#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        StoreError::Database(err.to_string())
    }
}

impl SqliteStore {
    /// Opens (creating if needed) `<data_dir>/portal.sqlite3` and migrates it.
    pub fn open(data_dir: &Path) -> StoreResult<Self> {
        let conn = Connection::open(data_dir.join("portal.sqlite3"))?;
        Self::prepare(conn, true)
    }

    /// A private in-memory database (tests, catalog-only servers).
    pub fn open_in_memory() -> StoreResult<Self> {
        Self::prepare(Connection::open_in_memory()?, false)
    }

    fn prepare(mut conn: Connection, on_disk: bool) -> StoreResult<Self> {
        // WAL first: inside a transaction the switch is silently ignored. It persists in the file;
        // the other three are per connection.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if on_disk && !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Database(format!(
                "journal_mode is {mode}, expected wal"
            )));
        }
        // FULL: a commit is on disk (WAL synced) before we acknowledge it, so a crash right after a
        // 201 loses nothing.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `work` with the connection on a blocking thread.
    fn run<T, F>(&self, work: F) -> StoreFuture<'static, T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        let conn = self.conn.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || {
                // A panic elsewhere cannot leave the connection mid-transaction (rusqlite rolls
                // back on drop), so a poisoned lock is still safe to use.
                let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
                work(&mut guard)
            })
            .await
            .map_err(|e| StoreError::Task(e.to_string()))?
        })
    }

    /// `PRAGMA integrity_check` ("ok" when the file is sound).
    pub fn integrity_check(&self) -> StoreFuture<'static, String> {
        self.run(|conn| Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
    }

    /// The schema version applied (the number of migrations run).
    pub fn schema_version(&self) -> StoreFuture<'static, i64> {
        self.run(|conn| Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?))
    }
}

/// The number of migrations this program knows.
pub fn supported_schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

fn migrate(conn: &mut Connection) -> StoreResult<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let supported = supported_schema_version();
    if current > supported {
        return Err(StoreError::SchemaTooNew {
            found: current,
            supported,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        // Each migration and its version number commit together.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

fn department_from_db(label: String) -> rusqlite::Result<DepartmentKind> {
    DepartmentKind::from_label(&label).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("unknown department {label}").into(),
        )
    })
}

fn status_from_db(label: String) -> rusqlite::Result<ApplicationStatus> {
    ApplicationStatus::from_label(&label).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            3,
            rusqlite::types::Type::Text,
            format!("unknown status {label}").into(),
        )
    })
}

fn receipt_from_db(json: String) -> rusqlite::Result<ReceiptTemplate> {
    serde_json::from_str(&json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, e.into())
    })
}

const APPLICATION_COLUMNS: &str =
    "reference, item_code, department, status, submission, receipt, created_at, updated_at";

fn application_from_row(row: &Row<'_>) -> rusqlite::Result<ApplicationRecord> {
    Ok(ApplicationRecord {
        reference: row.get(0)?,
        item_code: row.get(1)?,
        department: department_from_db(row.get(2)?)?,
        status: status_from_db(row.get(3)?)?,
        submission_json: row.get(4)?,
        receipt: receipt_from_db(row.get(5)?)?,
        created_at: row.get(6)?,
        updated_at: row.get(7)?,
    })
}

fn load_application(conn: &Connection, reference: &str) -> StoreResult<Option<ApplicationRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {APPLICATION_COLUMNS} FROM applications WHERE reference = ?1"),
            [reference],
            application_from_row,
        )
        .optional()?)
}

fn event_from_row(row: &Row<'_>) -> rusqlite::Result<StatusEvent> {
    Ok(StatusEvent {
        reference: row.get(0)?,
        at: row.get(1)?,
        actor: row.get(2)?,
        from: row
            .get::<_, Option<String>>(3)?
            .map(status_from_db)
            .transpose()?,
        to: status_from_db(row.get(4)?)?,
        note: row.get(5)?,
    })
}

fn insert_event(conn: &Connection, event: &StatusEvent) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO status_events (reference, at, actor, from_status, to_status, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            event.reference,
            event.at,
            event.actor,
            event.from.map(|s| s.label()),
            event.to.label(),
            event.note
        ],
    )?;
    Ok(())
}

fn submit(
    conn: &mut Connection,
    new: NewApplication,
    key: IdempotencyKey,
) -> StoreResult<SubmitOutcome> {
    // IMMEDIATE takes the write lock first, so two requests with one key cannot both miss it.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let seen: Option<(String, String)> = tx
        .query_row(
            "SELECT request_hash, reference FROM idempotency_keys WHERE key = ?1",
            [&key.key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((hash, reference)) = seen {
        if hash != key.request_hash {
            return Ok(SubmitOutcome::KeyReused);
        }
        let record = load_application(&tx, &reference)?
            .ok_or_else(|| StoreError::Database(format!("key without application {reference}")))?;
        return Ok(SubmitOutcome::Replayed(record));
    }
    let reference = unused_reference(&tx)?;
    let now = now_utc8();
    let receipt_json =
        serde_json::to_string(&new.receipt).map_err(|e| StoreError::Database(e.to_string()))?;
    tx.execute(
        &format!("INSERT INTO applications ({APPLICATION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"),
        params![
            reference,
            new.item_code,
            new.department.label(),
            ApplicationStatus::Pending.label(),
            new.submission_json,
            receipt_json,
            now
        ],
    )?;
    tx.execute(
        "INSERT INTO idempotency_keys (key, request_hash, reference, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![key.key, key.request_hash, reference, now],
    )?;
    insert_event(
        &tx,
        &StatusEvent {
            reference: reference.clone(),
            at: now.clone(),
            actor: new.actor,
            from: None,
            to: ApplicationStatus::Pending,
            note: None,
        },
    )?;
    tx.commit()?;
    Ok(SubmitOutcome::Created(ApplicationRecord {
        reference,
        item_code: new.item_code,
        department: new.department,
        status: ApplicationStatus::Pending,
        submission_json: new.submission_json,
        receipt: new.receipt,
        created_at: now.clone(),
        updated_at: now,
    }))
}

/// A fresh reference not yet used (checked inside the caller's write transaction).
fn unused_reference(conn: &Connection) -> StoreResult<String> {
    for _ in 0..REFERENCE_ATTEMPTS {
        let candidate =
            crate::reference::generate().map_err(|e| StoreError::Database(e.to_string()))?;
        let taken = conn
            .query_row(
                "SELECT 1 FROM applications WHERE reference = ?1",
                [&candidate],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !taken {
            return Ok(candidate);
        }
    }
    Err(StoreError::ReferenceExhausted)
}

fn list_applications(
    conn: &Connection,
    filter: &ApplicationFilter,
    page: Page,
) -> StoreResult<ApplicationPage> {
    // One fixed statement: a NULL parameter switches its condition off.
    const WHERE: &str = "(?1 IS NULL OR status = ?1)
        AND (?2 IS NULL OR item_code = ?2)
        AND (?3 IS NULL OR department = ?3)
        AND (?4 IS NULL OR substr(created_at, 1, 10) >= ?4)
        AND (?5 IS NULL OR substr(created_at, 1, 10) <= ?5)";
    let department = filter.department.map(|d| d.label());
    let status = filter.status.map(|s| s.label());
    let size = page.size.clamp(1, 200);
    let offset = i64::from(page.number) * i64::from(size);
    let filters = params![
        status,
        filter.item_code,
        department,
        filter.submitted_from,
        filter.submitted_to
    ];
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM applications WHERE {WHERE}"),
        filters,
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {APPLICATION_COLUMNS} FROM applications WHERE {WHERE}
         ORDER BY created_at DESC, reference LIMIT ?6 OFFSET ?7"
    ))?;
    let rows = stmt
        .query_map(
            params![
                status,
                filter.item_code,
                department,
                filter.submitted_from,
                filter.submitted_to,
                size,
                offset
            ],
            application_from_row,
        )?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ApplicationPage {
        rows,
        total: total as u64,
    })
}

/// Moves the application and logs it in one transaction; with `expected`, only if the status
/// read inside that transaction is still `expected`.
fn append_event(
    conn: &mut Connection,
    expected: Option<ApplicationStatus>,
    new: NewStatusEvent,
) -> StoreResult<AppendOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from: ApplicationStatus = tx
        .query_row(
            "SELECT status FROM applications WHERE reference = ?1",
            [&new.reference],
            |r| status_from_db(r.get(0)?),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(new.reference.clone()))?;
    if expected.is_some_and(|expected| expected != from) {
        return Ok(AppendOutcome::StatusChanged { found: from });
    }
    let event = StatusEvent {
        reference: new.reference,
        at: now_utc8(),
        actor: new.actor,
        from: Some(from),
        to: new.to,
        note: new.note,
    };
    tx.execute(
        "UPDATE applications SET status = ?2, updated_at = ?3 WHERE reference = ?1",
        params![event.reference, event.to.label(), event.at],
    )?;
    insert_event(&tx, &event)?;
    tx.commit()?;
    Ok(AppendOutcome::Appended(event))
}

fn upload_from_row(row: &Row<'_>) -> rusqlite::Result<UploadRecord> {
    Ok(UploadRecord {
        id: row.get(0)?,
        sha256: row.get(1)?,
        size: row.get::<_, i64>(2)? as u64,
        mime: row.get(3)?,
        original_name: row.get(4)?,
        created_at: row.get(5)?,
    })
}

impl ApplicationStore for SqliteStore {
    fn submit(&self, new: NewApplication, key: IdempotencyKey) -> StoreFuture<'_, SubmitOutcome> {
        self.run(move |conn| submit(conn, new, key))
    }

    fn lookup_key(&self, key: String) -> StoreFuture<'_, Option<(String, ApplicationRecord)>> {
        self.run(move |conn| {
            let seen: Option<(String, String)> = conn
                .query_row(
                    "SELECT request_hash, reference FROM idempotency_keys WHERE key = ?1",
                    [&key],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((hash, reference)) = seen else {
                return Ok(None);
            };
            Ok(load_application(conn, &reference)?.map(|record| (hash, record)))
        })
    }

    fn get_application(&self, reference: String) -> StoreFuture<'_, Option<ApplicationRecord>> {
        self.run(move |conn| load_application(conn, &reference))
    }

    fn list_applications(
        &self,
        filter: ApplicationFilter,
        page: Page,
    ) -> StoreFuture<'_, ApplicationPage> {
        self.run(move |conn| list_applications(conn, &filter, page))
    }

    fn append_event(&self, event: NewStatusEvent) -> StoreFuture<'_, StatusEvent> {
        self.run(move |conn| match append_event(conn, None, event)? {
            AppendOutcome::Appended(event) => Ok(event),
            AppendOutcome::StatusChanged { found } => Err(StoreError::Database(format!(
                "status changed to {found} without an expected status"
            ))),
        })
    }

    fn append_event_from(
        &self,
        expected: ApplicationStatus,
        event: NewStatusEvent,
    ) -> StoreFuture<'_, AppendOutcome> {
        self.run(move |conn| append_event(conn, Some(expected), event))
    }

    fn list_events(&self, reference: String) -> StoreFuture<'_, Vec<StatusEvent>> {
        self.run(move |conn| {
            let mut stmt = conn.prepare(
                "SELECT reference, at, actor, from_status, to_status, note FROM status_events
                 WHERE reference = ?1 ORDER BY id",
            )?;
            let events = stmt
                .query_map([&reference], event_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(events)
        })
    }

    fn put_upload(&self, upload: UploadRecord) -> StoreFuture<'_, ()> {
        self.run(move |conn| {
            conn.execute(
                "INSERT INTO uploads (id, sha256, size, mime, original_name, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    upload.id,
                    upload.sha256,
                    upload.size as i64,
                    upload.mime,
                    upload.original_name,
                    upload.created_at
                ],
            )?;
            Ok(())
        })
    }

    fn get_uploads(&self, ids: Vec<String>) -> StoreFuture<'_, Vec<UploadRecord>> {
        self.run(move |conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, sha256, size, mime, original_name, created_at FROM uploads WHERE id = ?1",
            )?;
            let mut found = Vec::new();
            for id in &ids {
                if let Some(record) = stmt.query_row([id], upload_from_row).optional()? {
                    found.push(record);
                }
            }
            Ok(found)
        })
    }
}
