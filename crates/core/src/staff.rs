//! Wire types of the staff workspace (`/api/staff/*`): sign-in, the signed-in account, the
//! catalog table rows and the audit report.

use serde::{Deserialize, Serialize};

use crate::audit::{Finding, RuleInfo};
use crate::item::{DepartmentKind, ItemType, OnlineDepth, Scope, ServiceItem, TimeLimit};
use crate::labels::labelled_enum;

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
