//! The seed catalog: read from JSON files at start, validated, indexed by code, and its summary
//! list (with pinyin keys) serialised once so `/api/items` only copies bytes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use axum::body::Bytes;
use portal_core::keys::summary_with_keys;
use portal_core::synth::synthetic_items;
use portal_core::validate::validate_catalog;
use portal_core::ServiceItem;

/// Why the catalog could not be loaded; each names the file and the reason on one line.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("无法读取目录 cannot read catalog directory {dir}: {source}")]
    ReadDir {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("目录中没有 .json 数据文件 no .json data files in {0}")]
    NoFiles(PathBuf),
    #[error("无法读取数据文件 cannot read data file {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("数据文件格式错误 malformed data file {path}: {source}")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("数据文件校验失败 invalid data file {path}: {first} (共 {count} 处 {count} issue(s))")]
    Invalid {
        path: PathBuf,
        first: String,
        count: usize,
    },
    #[error(
        "生成事项编码与数据文件重复 a generated item's code {0} is already used by a data file"
    )]
    SyntheticClash(String),
}

/// The loaded catalog.
#[derive(Debug)]
pub struct Catalog {
    items: Vec<ServiceItem>,
    by_code: HashMap<String, usize>,
    summaries_json: Bytes,
    /// The same cards in core's lean text format (`GET /api/cards`).
    summaries_cards: Bytes,
}

impl Catalog {
    /// Builds a catalog from items already validated.
    pub fn from_items(items: Vec<ServiceItem>) -> Self {
        let summaries: Vec<_> = items.iter().map(summary_with_keys).collect();
        let summaries_json = serde_json::to_vec(&summaries)
            .expect("summaries serialise")
            .into();
        let summaries_cards = portal_core::cards::encode(&summaries).into();
        let by_code = items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.code.clone(), i))
            .collect();
        Self {
            items,
            by_code,
            summaries_json,
            summaries_cards,
        }
    }

    /// Reads every `*.json` file of `dir` (in name order), each a JSON array of items, then adds
    /// `synthetic` generated items for scale tests.
    pub fn load(dir: &Path, synthetic: usize) -> Result<Self, CatalogError> {
        let read_dir = std::fs::read_dir(dir).map_err(|source| CatalogError::ReadDir {
            dir: dir.to_owned(),
            source,
        })?;
        let mut files: Vec<PathBuf> = read_dir
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(CatalogError::NoFiles(dir.to_owned()));
        }
        let mut items = Vec::new();
        for path in files {
            let text = std::fs::read_to_string(&path).map_err(|source| CatalogError::ReadFile {
                path: path.clone(),
                source,
            })?;
            let file_items: Vec<ServiceItem> =
                serde_json::from_str(&text).map_err(|source| CatalogError::Parse {
                    path: path.clone(),
                    source,
                })?;
            items.extend(file_items);
            // Validate as each file is added: earlier files were clean, so every issue found now
            // (a code duplicating an earlier file's included) belongs to this file.
            let issues = validate_catalog(&items);
            if let Some(first) = issues.first() {
                return Err(CatalogError::Invalid {
                    path,
                    first: first.to_string(),
                    count: issues.len(),
                });
            }
        }
        let mut codes: HashSet<String> = items.iter().map(|i| i.code.clone()).collect();
        for item in synthetic_items(synthetic) {
            if !codes.insert(item.code.clone()) {
                return Err(CatalogError::SyntheticClash(item.code));
            }
            items.push(item);
        }
        Ok(Self::from_items(items))
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every item, in catalog order.
    pub fn items(&self) -> &[ServiceItem] {
        &self.items
    }

    pub fn get(&self, code: &str) -> Option<&ServiceItem> {
        self.by_code.get(code).map(|&i| &self.items[i])
    }

    /// `[ItemSummary, …]` as JSON.
    pub fn summaries_json(&self) -> Bytes {
        self.summaries_json.clone()
    }

    /// Every card in core's lean text format (`portal_core::cards`), made once.
    pub fn summaries_cards(&self) -> Bytes {
        self.summaries_cards.clone()
    }
}
