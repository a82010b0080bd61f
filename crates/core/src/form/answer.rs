//! Answers as the app keeps them in a draft and sends them: field id → answer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Every answer of a form (or of one group row), by field id.
pub type Answers = BTreeMap<String, Answer>;

/// One answer; untagged so the JSON reads naturally: `"张三"`, `42`, `true`, `["a","b"]`,
/// `{"province":…,"city":…,"district":…}`, `[{row}, {row}]`, `[{"upload_id":…}]`.
/// An empty array parses as `List` and counts as an empty group or file list too.
/// Read by the shape of the JSON (`answer_de.rs`), not serde's untagged derive, which buffers
/// every answer into an intermediate tree and costs the app's wasm that machinery.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<String>),
    Region(RegionAnswer),
    Files(Vec<FileRef>),
    Group(Vec<Answers>),
}

/// A 省/市/区 choice by code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionAnswer {
    pub province: String,
    pub city: String,
    pub district: String,
}

/// An uploaded file the answer refers to (the content stays on the server).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRef {
    pub upload_id: String,
    pub name: String,
    pub size: u64,
    pub mime: String,
}

impl Answer {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Answer::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The rows of a group answer (an empty list counts as no rows).
    pub fn as_rows(&self) -> Option<&[Answers]> {
        match self {
            Answer::Group(rows) => Some(rows),
            Answer::List(l) if l.is_empty() => Some(&[]),
            _ => None,
        }
    }

    /// The files of an attachment answer (an empty list counts as no files).
    pub fn as_files(&self) -> Option<&[FileRef]> {
        match self {
            Answer::Files(files) => Some(files),
            Answer::List(l) if l.is_empty() => Some(&[]),
            _ => None,
        }
    }

    /// Nothing given: blank text, an empty list, no rows, no files.
    pub fn is_blank(&self) -> bool {
        match self {
            Answer::Text(t) => t.trim().is_empty(),
            Answer::List(l) => l.is_empty(),
            Answer::Files(f) => f.is_empty(),
            Answer::Group(g) => g.is_empty(),
            Answer::Bool(_) | Answer::Number(_) | Answer::Region(_) => false,
        }
    }
}
