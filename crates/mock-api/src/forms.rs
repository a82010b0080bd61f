//! Form definitions: `data/forms/*.json`, each one [`FormDefinition`], read at start, checked with
//! core's `validate_form_definition` against the catalog, and served at `GET /api/items/{code}/form`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path as UrlPath, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use portal_core::form::{validate_form_definition, Field, FieldKind, FormDefinition};
use portal_core::{ApiError, ErrorCode, ServiceItem};

use crate::catalog::Catalog;
use crate::{AppError, AppState};

/// Why the forms could not be loaded; each names the file (and item, field, reason) on one line.
#[derive(Debug, thiserror::Error)]
pub enum FormsError {
    #[error("无法读取表单目录 cannot read forms directory {dir}: {source}")]
    ReadDir {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("无法读取表单文件 cannot read form file {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("表单文件格式错误 malformed form file {path}: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("表单文件校验失败 invalid form file {path}: {first} (共 {count} 处 {count} issue(s))")]
    Invalid {
        path: PathBuf,
        first: String,
        count: usize,
    },
    #[error("事项 {item} 有两个表单 item {item} has two forms: {first} and {second}")]
    Duplicate {
        item: String,
        first: PathBuf,
        second: PathBuf,
    },
}

/// Every item's form, with its JSON serialised once.
#[derive(Debug, Default)]
pub struct Forms {
    by_item: HashMap<String, (FormDefinition, Bytes)>,
}

impl Forms {
    /// No forms (an API that only serves the catalog).
    pub fn empty() -> Self {
        Self::default()
    }

    /// Definitions already checked (tests, tools).
    pub fn from_definitions(defs: Vec<FormDefinition>) -> Self {
        let by_item = defs
            .into_iter()
            .map(|def| {
                let json = serde_json::to_vec(&def).expect("a form serialises").into();
                (def.item_code.clone(), (def, json))
            })
            .collect();
        Self { by_item }
    }

    /// Reads every `*.json` of `dir` in name order; the first bad file stops loading.
    pub fn load(dir: &Path, catalog: &Catalog) -> Result<Self, FormsError> {
        let read_dir = std::fs::read_dir(dir).map_err(|source| FormsError::ReadDir {
            dir: dir.to_owned(),
            source,
        })?;
        let mut files: Vec<PathBuf> = read_dir
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        let mut defs: Vec<FormDefinition> = Vec::new();
        let mut origins: HashMap<String, PathBuf> = HashMap::new();
        for path in files {
            let text = std::fs::read_to_string(&path).map_err(|source| FormsError::ReadFile {
                path: path.clone(),
                source,
            })?;
            let def: FormDefinition =
                serde_json::from_str(&text).map_err(|source| FormsError::Parse {
                    path: path.clone(),
                    source,
                })?;
            let issues = validate_form_definition(&def, catalog.get(&def.item_code));
            if let Some(first) = issues.first() {
                return Err(FormsError::Invalid {
                    path,
                    first: first.to_string(),
                    count: issues.len(),
                });
            }
            if let Some(first) = origins.insert(def.item_code.clone(), path.clone()) {
                return Err(FormsError::Duplicate {
                    item: def.item_code,
                    first,
                    second: path,
                });
            }
            defs.push(def);
        }
        Ok(Self::from_definitions(defs))
    }

    pub fn len(&self) -> usize {
        self.by_item.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_item.is_empty()
    }

    pub fn get(&self, item_code: &str) -> Option<&FormDefinition> {
        self.by_item.get(item_code).map(|(def, _)| def)
    }

    /// The definition as JSON.
    pub fn json(&self, item_code: &str) -> Option<Bytes> {
        self.by_item.get(item_code).map(|(_, json)| json.clone())
    }
}

/// `GET /api/items/{code}/form`: the item's form definition; 404 for an unknown item or one
/// without a form.
pub async fn get_form(
    State(state): State<AppState>,
    code: Result<UrlPath<String>, PathRejection>,
) -> Result<Response, AppError> {
    let UrlPath(code) = code?;
    if state.catalog.get(&code).is_none() {
        return Err(ApiError::item_not_found(&code).into());
    }
    let json = state.forms.json(&code).ok_or_else(|| {
        AppError(ApiError::new(
            ErrorCode::NotFound,
            format!("事项 {code} 暂不支持网上申请，没有申请表单"),
            format!("The item {code} has no online application form yet"),
        ))
    })?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}

fn find_field<'a>(fields: impl IntoIterator<Item = &'a Field>, id: &str) -> Option<&'a Field> {
    fields.into_iter().find(|f| f.id == id)
}

/// The words a message uses for the place `path` names (field, group row, situation question,
/// material), in Chinese and English. An unknown path is named as it is.
pub fn labels_for(path: &str, item: &ServiceItem, def: &FormDefinition) -> (String, String) {
    if path == "item_code" {
        return ("事项".to_owned(), "Item".to_owned());
    }
    if let Some(question) = path.strip_prefix("situation-") {
        if let Some(q) = item.situations.iter().find(|q| q.id == question) {
            return (q.question.zh.clone(), q.question.en.clone());
        }
    }
    if let Some(index) = path.strip_prefix("material-") {
        if let Some(m) = index
            .parse::<usize>()
            .ok()
            .and_then(|i| item.materials.get(i))
        {
            return (
                format!("“{}”", m.name),
                format!("the material “{}”", m.name),
            );
        }
    }
    if let Some(field) = def.field(path) {
        return (field.label.zh.clone(), field.label.en.clone());
    }
    // `group-row-field`: ids never contain `-`, so the split is unambiguous.
    let parts: Vec<&str> = path.split('-').collect();
    if let [group_id, row, field_id] = parts[..] {
        let group = def.field(group_id);
        let inner = group.and_then(|g| match &g.kind {
            FieldKind::Group { fields, .. } => find_field(fields, field_id),
            _ => None,
        });
        if let (Some(group), Some(inner), Ok(row)) = (group, inner, row.parse::<usize>()) {
            return (
                format!("{}第 {} 项的{}", group.label.zh, row + 1, inner.label.zh),
                format!(
                    "{} (entry {} of {})",
                    inner.label.en,
                    row + 1,
                    group.label.en
                ),
            );
        }
    }
    (path.to_owned(), path.to_owned())
}
