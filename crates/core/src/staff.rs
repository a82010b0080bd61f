//! Wire types of the staff workspace (`/api/staff/*`): sign-in, the signed-in account, the
//! catalog table rows, the audit report and the application queue.

use serde::{Deserialize, Serialize};

use crate::audit::{Finding, RuleInfo};
use crate::form::{Answers, SummaryRow};
use crate::item::{DepartmentKind, ItemType, OnlineDepth, Scope, ServiceItem, TimeLimit};
use crate::labels::labelled_enum;
use crate::lang::Lang;
use crate::situation::SituationAnswers;
use crate::status::{Action, Status};
use crate::submission::{ApplicationReceipt, TrustLevel};

labelled_enum! {
    /// What a staff account may do.
    pub enum StaffRole {
        /// Everything, every department.
        Admin => ("管理员", "Administrator"),
        /// The catalog console, and the applications of its own department.
        DepartmentStaff => ("部门工作人员", "Department staff"),
    }
}

/// `POST /api/staff/session` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// `GET /api/staff/me` (and the answer to a successful sign-in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMe {
    pub username: String,
    /// The account's display name, e.g. 公安窗口工作人员.
    pub name: String,
    pub role: StaffRole,
    /// The department a department account belongs to; none for an administrator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentKind>,
    /// The session ends after this many seconds without a request…
    pub idle_timeout_secs: u64,
    /// …and at the latest this many seconds from now.
    pub expires_in_secs: u64,
}

/// One row of the staff catalog table: every sortable column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffItemRow {
    pub code: String,
    pub name: String,
    pub department_kind: DepartmentKind,
    pub department: String,
    pub item_type: ItemType,
    pub visits: u8,
    pub depth: OnlineDepth,
    pub scope: Scope,
    pub promised_limit: TimeLimit,
    pub legal_limit: TimeLimit,
    pub charged: bool,
    /// The fees as the guide states them ("工本费：每证 20 元"), "" when free.
    pub fee: String,
    /// Number of 申请材料 rows.
    pub materials: u32,
}

impl StaffItemRow {
    pub fn new(item: &ServiceItem) -> Self {
        Self {
            code: item.code.clone(),
            name: item.name.clone(),
            department_kind: item.department.kind,
            department: item.department.name.clone(),
            item_type: item.item_type,
            visits: item.handling.visits,
            depth: item.online.depth,
            scope: item.scope.clone(),
            promised_limit: item.handling.promised_limit,
            legal_limit: item.handling.legal_limit,
            charged: item.fees.charged,
            fee: item
                .fees
                .items
                .iter()
                .map(|f| format!("{}：{}", f.name, f.standard))
                .collect::<Vec<_>>()
                .join("；"),
            materials: item.materials.len() as u32,
        }
    }
}

/// `GET /api/staff/audit`: the rules and what they found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditReport {
    pub items: u32,
    pub rules: Vec<RuleInfo>,
    pub findings: Vec<Finding>,
}

/// `GET /api/staff/accounts` (administrators only): one row per account, never a hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccountRow {
    pub username: String,
    pub name: String,
    pub role: StaffRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentKind>,
}

/// One row of `GET /api/staff/applications`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffApplicationRow {
    pub reference: String,
    pub item_code: String,
    pub item_name: String,
    pub department_kind: DepartmentKind,
    pub status: Status,
    pub status_en: String,
    /// RFC 3339 at UTC+8.
    pub submitted_at: String,
    /// The applicant's name as typed (plain text, never markup), when the form asks for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_name: Option<String>,
}

/// `GET /api/staff/applications`: one page, newest first. `page` counts from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffApplicationPage {
    /// Rows matching the filter over all pages.
    pub total: u64,
    pub page: u32,
    pub size: u32,
    pub rows: Vec<StaffApplicationRow>,
}

/// One stored attachment as staff see it (the stored record, not what the client claimed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffUpload {
    pub id: String,
    /// The client's file name: text to show, never a path.
    pub name: String,
    pub size: u64,
    pub mime: String,
    /// Where to download it: `/api/staff/applications/{reference}/uploads/{id}`.
    pub href: String,
}

/// How a material was provided. JSON: `{"type":"uploaded","files":[…]}`,
/// `{"type":"commitment","agreed":true,"commitment_text":"…"}`, `{"type":"deferred"}`,
/// `{"type":"shared_check"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StaffProvision {
    /// Files the applicant uploaded; `missing` lists referenced ids with no stored record.
    Uploaded {
        files: Vec<StaffUpload>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        missing: Vec<String>,
    },
    /// 告知承诺, with the commitment text of the catalog item the applicant agreed to.
    Commitment {
        agreed: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        commitment_text: Option<String>,
    },
    /// 容缺后补.
    Deferred,
    /// 共享核验.
    SharedCheck,
}

/// One material of an application: which (index and name in the item's list) and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMaterial {
    pub material: usize,
    /// The material's name in today's catalog (absent if the item or row no longer exists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub provision: StaffProvision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_level: Option<TrustLevel>,
}

/// An action staff may take now, with what its note must say (if it needs one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAction {
    /// The wire form to send back, e.g. "受理".
    pub action: Action,
    pub label_en: String,
    pub to: Status,
    pub note_required: bool,
    /// What the note must say, e.g. 不予受理的理由 / the reason for not accepting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_label_en: Option<String>,
}

/// One entry of an application's append-only audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    /// The staff username, or "applicant" for the submission.
    pub actor: String,
    /// Absent for the submission itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Status>,
    pub to: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `GET /api/staff/applications/{reference}` (and the answer to a transition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffApplicationDetail {
    pub receipt: ApplicationReceipt,
    pub department_kind: DepartmentKind,
    pub status: Status,
    pub status_en: String,
    pub updated_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_name: Option<String>,
    /// The language the applicant used.
    pub lang: Lang,
    pub situation: SituationAnswers,
    pub answers: Answers,
    pub confirmed_warnings: Vec<String>,
    pub materials: Vec<StaffMaterial>,
    /// The answers worded for reading (`?lang=zh|en`), when the item's form is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Vec<SummaryRow>>,
    /// What may be done next from the current status.
    pub actions: Vec<StaffAction>,
    /// Oldest first.
    pub events: Vec<AuditEntry>,
}

/// `POST /api/staff/applications/{reference}/transitions` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    pub action: Action,
    #[serde(default)]
    pub note: String,
}
