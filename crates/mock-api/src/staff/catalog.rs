//! The catalog console: the item table (JSON and CSV, with the citizen filters and search),
//! the headline figures, the audit (JSON and CSV) and, for administrators, the account list.

use std::collections::HashMap;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_core::audit::{audit as run_audit, rules};
use portal_core::figures::{headline_figures, HeadlineFigures};
use portal_core::keys::summary_with_keys;
use portal_core::staff::{AuditReport, StaffAccountRow, StaffItemRow};
use portal_core::{ApiError, CatalogFilter, ErrorCode, Lang, SearchIndex, TimeLimit};

use super::csv_export;
use crate::{AppError, AppState};

/// Computed once from the (immutable) catalog.
#[derive(Debug)]
pub(super) struct Views {
    rows: Vec<StaffItemRow>,
    figures: HeadlineFigures,
    audit: AuditReport,
}

fn views(state: &AppState) -> &Views {
    state.staff.views.get_or_init(|| {
        let items = state.catalog.items();
        Views {
            rows: items.iter().map(StaffItemRow::new).collect(),
            figures: headline_figures(items),
            audit: AuditReport {
                items: items.len() as u32,
                rules: rules(),
                findings: run_audit(items),
            },
        }
    })
}

fn search_index(state: &AppState) -> &SearchIndex {
    state.staff.search.get_or_init(|| {
        SearchIndex::new(
            state
                .catalog
                .items()
                .iter()
                .map(summary_with_keys)
                .collect(),
        )
    })
}

type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

fn params(query: Params) -> Result<HashMap<String, String>, AppError> {
    query.map(|Query(map)| map).map_err(|rejection| {
        AppError(ApiError::new(
            ErrorCode::BadRequest,
            "查询参数格式不正确",
            format!("The query string is malformed: {}", rejection.body_text()),
        ))
    })
}

/// The rows passing the citizen filter (`q`, `dept`, `theme`, …; see `CatalogFilter`), best
/// match first when searching, catalog order otherwise.
fn filtered_rows<'a>(state: &'a AppState, map: &HashMap<String, String>) -> Vec<&'a StaffItemRow> {
    let filter = CatalogFilter::from_query(|k| map.get(k).cloned());
    let rows = &views(state).rows;
    search_index(state)
        .search(&filter)
        .iter()
        .map(|hit| &rows[hit.index])
        .collect()
}

fn lang(map: &HashMap<String, String>) -> Lang {
    map.get("lang")
        .and_then(|l| Lang::from_code(l))
        .unwrap_or_default()
}

pub(super) async fn items(
    State(state): State<AppState>,
    query: Params,
) -> Result<Response, AppError> {
    let map = params(query)?;
    Ok(Json(filtered_rows(&state, &map)).into_response())
}

pub(super) async fn figures(State(state): State<AppState>) -> Response {
    Json(&views(&state).figures).into_response()
}

pub(super) async fn audit(State(state): State<AppState>) -> Response {
    Json(&views(&state).audit).into_response()
}

pub(super) async fn accounts(State(state): State<AppState>) -> Response {
    let rows: Vec<StaffAccountRow> = state
        .staff
        .auth
        .accounts()
        .iter()
        .map(|a| StaffAccountRow {
            username: a.username.to_owned(),
            name: a.name.to_owned(),
            role: a.role,
            department: a.department,
        })
        .collect();
    Json(rows).into_response()
}

fn limit_text(limit: TimeLimit, lang: Lang) -> String {
    match (lang, limit.amount) {
        (Lang::Zh, _) => limit.display(),
        (Lang::En, 0) => "On the spot".to_owned(),
        (Lang::En, n) => format!("{n} {}", limit.unit.label_en()),
    }
}

fn item_header(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Zh => [
            "事项名称",
            "实施编码",
            "部门",
            "实施主体",
            "事项类型",
            "到现场次数",
            "网办深度",
            "通办范围",
            "承诺时限",
            "法定时限",
            "收费",
            "材料数",
        ],
        Lang::En => [
            "Name",
            "Code",
            "Department",
            "Implementing body",
            "Type",
            "Visits",
            "Online depth",
            "Scope",
            "Promised limit",
            "Legal limit",
            "Fee",
            "Materials",
        ],
    }
}

fn item_cells(row: &StaffItemRow, lang: Lang) -> Vec<String> {
    let scope = match (&row.scope.region, lang) {
        (_, Lang::Zh) => row.scope.display(),
        (Some(region), Lang::En) => format!("{} ({region})", row.scope.kind.label_en()),
        (None, Lang::En) => row.scope.kind.label_en().to_owned(),
    };
    let fee = match (row.charged, lang) {
        (true, _) => row.fee.clone(),
        (false, Lang::Zh) => "不收费".to_owned(),
        (false, Lang::En) => "Free".to_owned(),
    };
    vec![
        row.name.clone(),
        row.code.clone(),
        row.department_kind.label_in(lang).to_owned(),
        row.department.clone(),
        row.item_type.label_in(lang).to_owned(),
        row.visits.to_string(),
        row.depth.label_in(lang).to_owned(),
        scope,
        limit_text(row.promised_limit, lang),
        limit_text(row.legal_limit, lang),
        fee,
        row.materials.to_string(),
    ]
}

/// `GET /api/staff/items.csv?<citizen filter>&lang=zh|en`.
pub(super) async fn items_csv(
    State(state): State<AppState>,
    query: Params,
) -> Result<Response, AppError> {
    let map = params(query)?;
    let lang = lang(&map);
    let rows = filtered_rows(&state, &map);
    let bytes = csv_export::write(
        &item_header(lang),
        rows.iter().map(|row| item_cells(row, lang)),
    )?;
    Ok(csv_export::download(
        bytes,
        "事项目录.csv",
        "catalog-items.csv",
    ))
}

fn audit_header(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Zh => [
            "实施编码",
            "事项名称",
            "部门",
            "规则编号",
            "严重程度",
            "字段",
            "问题",
            "说明",
        ],
        Lang::En => [
            "Code",
            "Item",
            "Department",
            "Rule",
            "Severity",
            "Field",
            "Problem",
            "Explanation",
        ],
    }
}

/// `GET /api/staff/audit.csv?lang=zh|en`.
pub(super) async fn audit_csv(
    State(state): State<AppState>,
    query: Params,
) -> Result<Response, AppError> {
    let lang = lang(&params(query)?);
    let findings = &views(&state).audit.findings;
    let bytes = csv_export::write(
        &audit_header(lang),
        findings.iter().map(|f| {
            vec![
                f.item_code.clone(),
                f.item_name.clone(),
                f.department_kind.label_in(lang).to_owned(),
                f.rule_id.code().to_owned(),
                f.severity.label_in(lang).to_owned(),
                f.field.clone(),
                f.title.get(lang).to_owned(),
                f.explanation.get(lang).to_owned(),
            ]
        }),
    )?;
    Ok(csv_export::download(
        bytes,
        "目录审计.csv",
        "catalog-audit.csv",
    ))
}
