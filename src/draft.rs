//! The application draft: everything the applicant has told us about one item, saved to
//! `localStorage` (`portal.draft.<item code>`) on every change, so a reload, a closed tab or an
//! API outage loses nothing. File contents are never stored: only the upload ids the server gave
//! and the file names, so the files can be listed (and asked for again) after a reload.

use std::collections::BTreeMap;

use portal_core::form::{Answers, FileRef};
use portal_core::situation::SituationAnswers;
use serde::{Deserialize, Serialize};

/// Bumped when the stored shape changes; an older draft is then ignored rather than misread.
pub const DRAFT_VERSION: u32 = 1;

/// The page of the journey the applicant was on.
pub const PAGE_INTRO: &str = "intro";
pub const PAGE_MATERIALS: &str = "materials";
pub const PAGE_CHECK: &str = "check";

/// One application in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub version: u32,
    pub item_code: String,
    pub situation: SituationAnswers,
    pub answers: Answers,
    /// Paths of warnings the applicant confirmed (a credit code failing its check).
    pub confirmed_warnings: Vec<String>,
    /// How each material (by index in the item's list) is provided.
    pub materials: BTreeMap<usize, MaterialChoice>,
    /// `intro`, a step id, `materials` or `check`.
    pub page: String,
    /// Made once per draft; a retried submission sends the same key, so it is stored once.
    pub idempotency_key: String,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            version: DRAFT_VERSION,
            item_code: String::new(),
            situation: SituationAnswers::new(),
            answers: Answers::new(),
            confirmed_warnings: Vec::new(),
            materials: BTreeMap::new(),
            page: PAGE_INTRO.to_owned(),
            idempotency_key: String::new(),
        }
    }
}

/// How the applicant provides one material.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MaterialChoice {
    /// Files uploaded (an empty `upload_id` marks a file whose upload must be redone).
    Upload { files: Vec<FileRef> },
    /// 告知承诺: the applicant ticked to agree to the commitment text.
    Commitment { agreed: bool },
    /// 容缺后补: handed in later.
    Deferred,
}

impl Draft {
    /// A fresh draft for `item_code` with a new idempotency key.
    pub fn new(item_code: &str) -> Self {
        Self {
            item_code: item_code.to_owned(),
            idempotency_key: new_uuid(),
            ..Self::default()
        }
    }

    /// Whether there is anything worth keeping (or offering to continue).
    pub fn has_progress(&self) -> bool {
        !self.answers.is_empty() || !self.materials.is_empty() || self.page != PAGE_INTRO
    }

    /// Files whose upload has to be redone (e.g. the tab closed mid-upload, or the server no
    /// longer knows the id): their names, to ask for them again.
    pub fn files_to_reselect(&self) -> Vec<String> {
        self.materials
            .values()
            .filter_map(|c| match c {
                MaterialChoice::Upload { files } => Some(files),
                _ => None,
            })
            .flatten()
            .filter(|f| f.upload_id.is_empty())
            .map(|f| f.name.clone())
            .collect()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored draft, if it is ours (same version and item) and readable.
    pub fn from_json(text: &str, item_code: &str) -> Option<Self> {
        let draft: Draft = serde_json::from_str(text).ok()?;
        (draft.version == DRAFT_VERSION
            && draft.item_code == item_code
            && !draft.idempotency_key.is_empty())
        .then_some(draft)
    }
}

/// The storage key of an item's draft.
pub fn storage_key(item_code: &str) -> String {
    format!("portal.draft.{item_code}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The stored draft of this item, if any.
pub fn load(item_code: &str) -> Option<Draft> {
    let text = storage()?.get_item(&storage_key(item_code)).ok()??;
    Draft::from_json(&text, item_code)
}

/// Stores the draft (or removes it when there is nothing in it). Storage may be refused (private
/// browsing, quota): the journey then still works for this page's lifetime.
pub fn save(draft: &Draft) {
    let Some(storage) = storage() else { return };
    let key = storage_key(&draft.item_code);
    if draft.has_progress() {
        let _ = storage.set_item(&key, &draft.to_json());
    } else {
        let _ = storage.remove_item(&key);
    }
}

/// Forgets the draft (after a successful submission, or 重新开始).
pub fn remove(item_code: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&storage_key(item_code));
    }
}

/// A random (version 4) UUID: `crypto.randomUUID()` where the browser has it, else built from
/// `crypto.getRandomValues`.
pub fn new_uuid() -> String {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    if let Some(crypto) = &crypto {
        let uuid = crypto.random_uuid();
        if uuid.len() == 36 {
            return uuid;
        }
    }
    let mut bytes = [0u8; 16];
    if let Some(crypto) = crypto {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    uuid_from_bytes(bytes)
}

/// Formats 16 random bytes as a version-4, variant-1 UUID.
pub fn uuid_from_bytes(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_core::form::Answer;

    #[test]
    fn json_round_trip_keeps_everything_but_refuses_other_items_and_versions() {
        let mut draft = Draft {
            item_code: "X1".into(),
            idempotency_key: uuid_from_bytes([7; 16]),
            ..Draft::default()
        };
        draft
            .answers
            .insert("name".into(), Answer::Text("张三".into()));
        draft.materials.insert(
            2,
            MaterialChoice::Upload {
                files: vec![FileRef {
                    upload_id: String::new(),
                    name: "a.pdf".into(),
                    size: 3,
                    mime: "application/pdf".into(),
                }],
            },
        );
        draft
            .materials
            .insert(3, MaterialChoice::Commitment { agreed: true });
        let json = draft.to_json();
        assert_eq!(Draft::from_json(&json, "X1"), Some(draft.clone()));
        assert_eq!(Draft::from_json(&json, "X2"), None);
        assert_eq!(
            Draft::from_json(&json.replace("\"version\":1", "\"version\":0"), "X1"),
            None
        );
        assert_eq!(draft.files_to_reselect(), vec!["a.pdf".to_owned()]);
        assert!(draft.has_progress());
        assert!(!Draft::default().has_progress());
    }

    #[test]
    fn uuids_are_version_4() {
        let id = uuid_from_bytes([0xff; 16]);
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert_eq!(&id[19..20], "b");
    }
}
