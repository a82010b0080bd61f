//! The application as the app submits it, its server-side validation, and the receipt.

use serde::{Deserialize, Serialize};

use crate::date::CivilDate;
use crate::form::{
    material_path, validate_answers, Answers, FieldIssue, FormDefinition, IssueCode,
};
use crate::item::{Necessity, ServiceItem, TimeLimit};
use crate::labels::labelled_enum;
use crate::lang::Lang;
use crate::situation::{check_situation_answers, materials_for, SituationAnswers};

/// `POST /api/applications` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationSubmission {
    pub item_code: String,
    #[serde(default)]
    pub situation: SituationAnswers,
    pub answers: Answers,
    #[serde(default)]
    pub materials: Vec<MaterialProvision>,
    /// Paths of warnings the applicant confirmed (e.g. a credit code failing its check).
    #[serde(default)]
    pub confirmed_warnings: Vec<String>,
    #[serde(default)]
    pub lang: Lang,
}

/// How one material (by index in `item.materials`) is provided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialProvision {
    pub material: usize,
    pub kind: ProvisionKind,
}

/// JSON: `{"type":"uploaded","upload_ids":["…"]}`, `{"type":"commitment","agreed":true}`,
/// `{"type":"deferred"}`, `{"type":"shared_check"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProvisionKind {
    Uploaded {
        upload_ids: Vec<String>,
    },
    /// 告知承诺: the applicant agreed to the material's commitment text.
    Commitment {
        agreed: bool,
    },
    /// 容缺后补: handed in later.
    Deferred,
    /// 由部门共享核验，无需提交.
    SharedCheck,
}

/// At most this many files per material.
pub const MAX_FILES_PER_MATERIAL: usize = 10;

labelled_enum! {
    /// Certificate trust level (国办函〔2016〕108号).
    pub enum TrustLevel {
        A => ("A 本机关核发", "A Issued by the agency"),
        B => ("B 窗口核验", "B Checked at a counter"),
        C => ("C 申请人上传", "C Uploaded by the applicant"),
        D => ("D 告知承诺", "D Applicant's commitment"),
    }
}

impl ProvisionKind {
    /// The trust level of a material provided this way; none while it is still to follow.
    pub fn trust_level(&self) -> Option<TrustLevel> {
        match self {
            ProvisionKind::SharedCheck => Some(TrustLevel::A),
            ProvisionKind::Uploaded { .. } => Some(TrustLevel::C),
            ProvisionKind::Commitment { .. } => Some(TrustLevel::D),
            ProvisionKind::Deferred => None,
        }
    }
}

/// Everything wrong with a submission: item code, situation answers, form answers, materials.
/// Empty means it may be accepted.
pub fn validate_submission(
    item: &ServiceItem,
    def: &FormDefinition,
    submission: &ApplicationSubmission,
    today: CivilDate,
) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    if submission.item_code != item.code || def.item_code != item.code {
        issues.push(FieldIssue::new("item_code", IssueCode::ItemMismatch));
    }
    issues.extend(check_situation_answers(item, &submission.situation));
    issues.extend(validate_answers(
        def,
        &submission.answers,
        &submission.confirmed_warnings,
        today,
    ));
    issues.extend(check_materials(item, submission));
    issues
}

fn check_materials(item: &ServiceItem, submission: &ApplicationSubmission) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    let needed = materials_for(item, &submission.situation);
    for (i, p) in submission.materials.iter().enumerate() {
        let path = material_path(p.material);
        let Some((_, material)) = needed.iter().find(|(idx, _)| *idx == p.material) else {
            issues.push(FieldIssue::new(path, IssueCode::MaterialNotApplicable));
            continue;
        };
        if submission.materials[..i]
            .iter()
            .any(|q| q.material == p.material)
        {
            issues.push(FieldIssue::new(path, IssueCode::MaterialDuplicate));
            continue;
        }
        let code = match &p.kind {
            ProvisionKind::Uploaded { upload_ids } => {
                if upload_ids.is_empty() || upload_ids.iter().any(|u| u.trim().is_empty()) {
                    Some(IssueCode::MaterialMissing)
                } else if upload_ids.len() > MAX_FILES_PER_MATERIAL {
                    Some(IssueCode::TooManyFiles {
                        max: MAX_FILES_PER_MATERIAL as u32,
                    })
                } else {
                    None
                }
            }
            ProvisionKind::Commitment { agreed } => match &material.commitment {
                None => Some(IssueCode::CommitmentNotAllowed),
                Some(_) if !agreed => Some(IssueCode::CommitmentNotAgreed),
                Some(_) => None,
            },
            ProvisionKind::Deferred => {
                (material.necessity != Necessity::Deferrable).then_some(IssueCode::DeferNotAllowed)
            }
            ProvisionKind::SharedCheck => {
                (!material.shared_check).then_some(IssueCode::SharedCheckNotAllowed)
            }
        };
        if let Some(code) = code {
            issues.push(FieldIssue::new(path, code));
        }
    }
    for (idx, material) in needed {
        let must = matches!(
            material.necessity,
            Necessity::Required | Necessity::Deferrable
        );
        if must && !submission.materials.iter().any(|p| p.material == idx) {
            issues.push(FieldIssue::new(
                material_path(idx),
                IssueCode::MaterialMissing,
            ));
        }
    }
    issues
}

/// Where an application stands: the staff status machine's states (crate::status), one enum.
pub use crate::status::Status as ApplicationStatus;

/// The answer to a successful submission (and what the confirmation page shows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationReceipt {
    /// Not sequential, readable: e.g. "K7QM-3XPA-92HD-WT4C".
    pub reference: String,
    pub item_code: String,
    pub item_name: String,
    /// RFC 3339 time stamp set by the server.
    pub submitted_at: String,
    pub promised_limit: TimeLimit,
    pub status: ApplicationStatus,
}
