//! The application draft: everything the applicant has told us about one item, saved to
//! `localStorage` (`portal.draft.<item code>`) on every change, so a reload, a closed tab or an
//! API outage loses nothing. File contents are never stored: only the upload ids the server gave
//! and the file names, so the files can be listed (and asked for again) after a reload.

use std::collections::BTreeMap;

use portal_core::form::{Answer, Answers, FileRef};
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MaterialChoice {
    /// Files uploaded (an empty `upload_id` marks a file whose upload must be redone).
    Upload { files: Vec<FileRef> },
    /// 告知承诺: the applicant ticked to agree to the commitment text.
    Commitment { agreed: bool },
    /// 容缺后补: handed in later.
    Deferred,
}

/// A stored [`MaterialChoice`], read flat: serde's internally tagged derive would buffer it into
/// its `Content` tree, machinery the wasm then carries (see `portal_core::form`'s `*_de.rs`).
#[derive(Deserialize)]
struct MaterialChoiceWire {
    #[serde(rename = "type")]
    tag: MaterialTag,
    files: Option<Vec<FileRef>>,
    agreed: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum MaterialTag {
    Upload,
    Commitment,
    Deferred,
}

impl<'de> Deserialize<'de> for MaterialChoice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let wire = MaterialChoiceWire::deserialize(deserializer)?;
        Ok(match wire.tag {
            MaterialTag::Upload => MaterialChoice::Upload {
                files: wire.files.ok_or_else(|| D::Error::missing_field("files"))?,
            },
            MaterialTag::Commitment => MaterialChoice::Commitment {
                agreed: wire
                    .agreed
                    .ok_or_else(|| D::Error::missing_field("agreed"))?,
            },
            MaterialTag::Deferred => MaterialChoice::Deferred,
        })
    }
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
        fn in_answers<'a>(answers: &'a Answers, out: &mut Vec<&'a FileRef>) {
            for answer in answers.values() {
                match answer {
                    Answer::Files(files) => out.extend(files),
                    Answer::Group(rows) => rows.iter().for_each(|row| in_answers(row, out)),
                    _ => {}
                }
            }
        }
        let mut files: Vec<&FileRef> = self
            .materials
            .values()
            .filter_map(|c| match c {
                MaterialChoice::Upload { files } => Some(files),
                _ => None,
            })
            .flatten()
            .collect();
        in_answers(&self.answers, &mut files);
        files
            .into_iter()
            .filter(|f| f.upload_id.is_empty())
            .map(|f| f.name.clone())
            .collect()
    }

    /// Forgets the upload ids of the files at these issue paths (`material-3`, `photo`,
    /// `family-1-photo`) after the server said it does not have them: the files stay listed by name
    /// and are asked for again. Returns how many files now need choosing again.
    pub fn forget_uploads_at(&mut self, paths: &[String]) -> usize {
        let mut forgotten = 0;
        for path in paths {
            let files = match path
                .strip_prefix("material-")
                .and_then(|n| n.parse::<usize>().ok())
            {
                Some(index) => match self.materials.get_mut(&index) {
                    Some(MaterialChoice::Upload { files }) => Some(files),
                    _ => None,
                },
                None => files_at(&mut self.answers, path),
            };
            for file in files.into_iter().flatten() {
                if !file.upload_id.is_empty() {
                    file.upload_id.clear();
                    forgotten += 1;
                }
            }
        }
        forgotten
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored draft, if it is ours (same version and item) and readable.
    pub fn from_json(text: &str, item_code: &str) -> Option<Self> {
        // From bytes, as all JSON in the app (see `api::parse_json`).
        let draft: Draft = serde_json::from_slice(text.as_bytes()).ok()?;
        (draft.version == DRAFT_VERSION
            && draft.item_code == item_code
            && !draft.idempotency_key.is_empty())
        .then_some(draft)
    }
}

/// The files answered at `path`: a field id, or `group-row-…` inside repeating groups.
fn files_at<'a>(answers: &'a mut Answers, path: &str) -> Option<&'a mut Vec<FileRef>> {
    if matches!(answers.get(path), Some(Answer::Files(_))) {
        return match answers.get_mut(path) {
            Some(Answer::Files(files)) => Some(files),
            _ => None,
        };
    }
    // Not a field here: `path` may be `<group>-<row>-<rest>`; field ids never hold '-'.
    let (group, rest) = path.split_once('-')?;
    let (row, rest) = rest.split_once('-')?;
    let row: usize = row.parse().ok()?;
    match answers.get_mut(group)? {
        Answer::Group(rows) => files_at(rows.get_mut(row)?, rest),
        _ => None,
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

    fn file(id: &str) -> FileRef {
        FileRef {
            upload_id: id.into(),
            name: format!("{id}.png"),
            size: 1,
            mime: "image/png".into(),
        }
    }

    #[test]
    fn uploads_the_server_lacks_are_forgotten_only_where_it_said() {
        let mut draft = Draft {
            item_code: "X1".into(),
            ..Draft::default()
        };
        draft.materials.insert(
            0,
            MaterialChoice::Upload {
                files: vec![file("m0a"), file("m0b")],
            },
        );
        draft.materials.insert(
            1,
            MaterialChoice::Upload {
                files: vec![file("m1")],
            },
        );
        draft
            .answers
            .insert("photo".into(), Answer::Files(vec![file("p")]));
        let mut row = Answers::new();
        row.insert("id_photo".into(), Answer::Files(vec![file("r1")]));
        draft
            .answers
            .insert("family".into(), Answer::Group(vec![Answers::new(), row]));
        let paths = [
            "material-0".to_owned(),
            "family-1-id_photo".to_owned(),
            "material-9".to_owned(),
            "family-7-id_photo".to_owned(),
            "name".to_owned(),
        ];
        assert_eq!(draft.forget_uploads_at(&paths), 3);
        let mut names = draft.files_to_reselect();
        names.sort();
        assert_eq!(names, ["m0a.png", "m0b.png", "r1.png"].map(String::from));
        // Untouched: another material and a field the server did not name.
        assert_eq!(
            draft.materials[&1],
            MaterialChoice::Upload {
                files: vec![file("m1")]
            }
        );
        assert_eq!(draft.answers["photo"], Answer::Files(vec![file("p")]));
        // Asking again changes nothing more.
        assert_eq!(draft.forget_uploads_at(&paths), 0);
    }

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
        draft.materials.insert(4, MaterialChoice::Deferred);
        let json = draft.to_json();
        assert_eq!(Draft::from_json(&json, "X1"), Some(draft.clone()));
        assert_eq!(Draft::from_json(&json, "X2"), None);
        assert_eq!(
            Draft::from_json(&json.replace("\"version\":1", "\"version\":0"), "X1"),
            None
        );
        assert_eq!(draft.files_to_reselect(), vec!["a.pdf".to_owned()]);
        // A stored choice missing what its type needs makes the draft unreadable, not wrong.
        let broken = json.replace("\"agreed\":true", "\"agreed_x\":true");
        assert_ne!(broken, json);
        assert_eq!(Draft::from_json(&broken, "X1"), None);
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
