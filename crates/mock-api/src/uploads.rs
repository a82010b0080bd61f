//! `POST /api/uploads`: attachments before submission. The type is judged by content (magic bytes),
//! never by the file name or the client's Content-Type; each file is streamed to disk with its size
//! counted as it arrives, and kept under `<data-dir>/uploads/<sha256>` (the client's name is data).

use std::path::{Path, PathBuf};

use axum::extract::multipart::Field;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::Json;
use portal_core::form::{ALLOWED_MIME, MAX_FILE_BYTES};
use portal_core::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::store::{now_utc8, UploadRecord};
use crate::{AppError, AppState};

/// Files in one request.
pub const MAX_FILES_PER_REQUEST: usize = 10;
/// The sum of an application's attachments (also the most one upload request may carry).
pub const MAX_APPLICATION_BYTES: u64 = 50 * 1024 * 1024;
/// The route's body limit: the files plus room for the multipart framing.
pub const UPLOAD_BODY_LIMIT: usize = MAX_APPLICATION_BYTES as usize + 1024 * 1024;
/// Bytes enough for every signature we accept (PNG's is the longest, 8).
const SNIFF_BYTES: usize = 16;
/// Longest file name kept (characters).
const MAX_NAME_CHARS: usize = 200;

/// Where upload contents live.
#[derive(Debug, Clone)]
pub struct UploadDir {
    root: PathBuf,
}

/// One accepted file, as answered to the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedFile {
    pub upload_id: String,
    pub name: String,
    pub size: u64,
    pub mime: String,
    pub sha256: String,
}

impl UploadDir {
    /// `root` is created on first use.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The stored content of `sha256` (a hex digest the server made, never client text).
    pub fn blob_path(&self, sha256: &str) -> PathBuf {
        self.root.join(sha256)
    }
}

/// Removes a partly written file unless it was kept.
struct PartFile {
    path: PathBuf,
    kept: bool,
}

impl Drop for PartFile {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn random_hex(bytes: usize) -> Result<String, AppError> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| io_error(std::io::Error::other(e.to_string())))?;
    Ok(hex(&buf))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn io_error(err: std::io::Error) -> AppError {
    eprintln!("portal-mock-api: upload storage error: {err}");
    AppError(ApiError::new(
        ErrorCode::Internal,
        "文件暂时无法保存，请稍后重试",
        "The file could not be saved just now; please try again",
    ))
}

/// The client's file name as data to show: no control characters, trimmed, bounded.
fn display_name(raw: Option<&str>) -> String {
    let cleaned: String = raw
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        "未命名文件".to_owned()
    } else {
        cleaned.to_owned()
    }
}

fn too_large(name: &str) -> AppError {
    let mb = MAX_FILE_BYTES / (1024 * 1024);
    AppError(ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!("文件“{name}”超过 {mb} MB，请压缩或拆分后重新上传"),
        format!("The file “{name}” is larger than {mb} MB; make it smaller and upload it again"),
    ))
}

fn wrong_type(name: &str) -> AppError {
    AppError(ApiError::new(
        ErrorCode::UnsupportedMediaType,
        format!("文件“{name}”不是 PDF、JPG 或 PNG 文件（按文件内容判断，与扩展名无关）"),
        format!(
            "The file “{name}” is not a PDF, JPG or PNG file (judged by its content, not its name)"
        ),
    ))
}

/// The MIME type of an allowed file judged by its first bytes, or `None`.
pub fn sniff(head: &[u8]) -> Option<&'static str> {
    let mime = infer::get(head)?.mime_type();
    ALLOWED_MIME
        .iter()
        .copied()
        .find(|allowed| *allowed == mime)
}

/// Streams one field to a part file in `dir`, counting and hashing as it goes.
async fn receive(
    field: &mut Field<'_>,
    dir: &Path,
    name: &str,
) -> Result<(PartFile, u64, String, &'static str), AppError> {
    let part = PartFile {
        path: dir.join(format!("{}.part", random_hex(16)?)),
        kept: false,
    };
    let mut file = tokio::fs::File::create(&part.path)
        .await
        .map_err(io_error)?;
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut head: Vec<u8> = Vec::with_capacity(SNIFF_BYTES);
    let mut mime: Option<&'static str> = None;
    while let Some(chunk) = field.chunk().await? {
        size += chunk.len() as u64;
        if size > MAX_FILE_BYTES {
            return Err(too_large(name));
        }
        if mime.is_none() {
            let wanted = SNIFF_BYTES - head.len();
            head.extend_from_slice(&chunk[..wanted.min(chunk.len())]);
            if head.len() == SNIFF_BYTES {
                mime = Some(sniff(&head).ok_or_else(|| wrong_type(name))?);
            }
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await.map_err(io_error)?;
    }
    if size == 0 {
        return Err(AppError(ApiError::new(
            ErrorCode::BadRequest,
            format!("文件“{name}”是空文件"),
            format!("The file “{name}” is empty"),
        )));
    }
    let mime = match mime {
        Some(mime) => mime,
        None => sniff(&head).ok_or_else(|| wrong_type(name))?,
    };
    // On disk before we answer: an acknowledged upload survives a crash.
    file.sync_all().await.map_err(io_error)?;
    Ok((part, size, hex(&hasher.finalize()), mime))
}

/// `POST /api/uploads` (multipart/form-data, one or several file fields) →
/// `201 [{upload_id, name, size, mime, sha256}]`.
pub async fn upload(
    State(state): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Vec<UploadedFile>>), AppError> {
    let mut multipart = multipart.map_err(|_| {
        AppError(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "请以 multipart/form-data 格式上传文件",
            "Upload files as multipart/form-data",
        ))
    })?;
    let dir = state.uploads.root().to_owned();
    tokio::fs::create_dir_all(&dir).await.map_err(io_error)?;
    let mut records = Vec::new();
    while let Some(mut field) = multipart.next_field().await? {
        if records.len() == MAX_FILES_PER_REQUEST {
            return Err(AppError(ApiError::new(
                ErrorCode::PayloadTooLarge,
                format!("一次最多上传 {MAX_FILES_PER_REQUEST} 个文件"),
                format!("Upload at most {MAX_FILES_PER_REQUEST} files at a time"),
            )));
        }
        let Some(raw_name) = field.file_name().map(str::to_owned) else {
            let part = display_name(field.name());
            return Err(AppError(ApiError::new(
                ErrorCode::BadRequest,
                format!("表单项“{part}”不是文件"),
                format!("The form part “{part}” is not a file"),
            )));
        };
        let name = display_name(Some(&raw_name));
        let (mut part, size, sha256, mime) = receive(&mut field, &dir, &name).await?;
        let blob = state.uploads.blob_path(&sha256);
        if tokio::fs::try_exists(&blob).await.unwrap_or(false) {
            // Same content already kept: the part file is dropped (and removed).
        } else {
            tokio::fs::rename(&part.path, &blob)
                .await
                .map_err(io_error)?;
            part.kept = true;
        }
        records.push(UploadRecord {
            id: format!("u{}", random_hex(16)?),
            sha256,
            size,
            mime: mime.to_owned(),
            original_name: name,
            created_at: now_utc8(),
        });
    }
    if records.is_empty() {
        return Err(AppError(ApiError::new(
            ErrorCode::BadRequest,
            "没有收到文件，请选择要上传的文件",
            "No file was received; choose a file to upload",
        )));
    }
    // The renames themselves are durable once the directory is synced.
    if let Ok(handle) = tokio::fs::File::open(&dir).await {
        let _ = handle.sync_all().await;
    }
    let mut answer = Vec::with_capacity(records.len());
    for record in records {
        answer.push(UploadedFile {
            upload_id: record.id.clone(),
            name: record.original_name.clone(),
            size: record.size,
            mime: record.mime.clone(),
            sha256: record.sha256.clone(),
        });
        state.store.put_upload(record).await?;
    }
    Ok((StatusCode::CREATED, Json(answer)))
}
