//! The query of the application queue: `?status=&item=&department=&from=&to=&page=&size=`,
//! each value checked, a bad one refused with a 400 that names it (in both languages).

use std::collections::HashMap;

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use portal_core::date::CivilDate;
use portal_core::status::Status;
use portal_core::{ApiError, DepartmentKind, ErrorCode, Lang};

use crate::store::ApplicationFilter;
use crate::AppError;

/// Rows per page when `size` is not given, and the most a page may hold.
pub const DEFAULT_PAGE_SIZE: u32 = 20;
pub const MAX_PAGE_SIZE: u32 = 100;
/// The query keys the list understands; anything else is refused so a typo is not ignored.
const LIST_KEYS: &[&str] = &["status", "item", "department", "from", "to", "page", "size"];

pub(super) type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

pub(super) fn bad_request(message: String, message_en: String) -> AppError {
    AppError(ApiError::new(ErrorCode::BadRequest, message, message_en))
}

/// At most 40 characters of client text, for quoting it back in a message.
pub(super) fn shown(text: &str) -> String {
    text.chars().take(40).collect()
}

pub(super) fn params(query: Params) -> Result<HashMap<String, String>, AppError> {
    query.map(|Query(map)| map).map_err(|rejection| {
        bad_request(
            "查询参数格式不正确".into(),
            format!("The query string is malformed: {}", rejection.body_text()),
        )
    })
}

/// `?lang=zh|en` (default zh).
pub(super) fn lang_param(map: &HashMap<String, String>) -> Result<Lang, AppError> {
    match map.get("lang").map(|l| l.trim()).filter(|l| !l.is_empty()) {
        None => Ok(Lang::default()),
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            bad_request(
                format!("lang 须为 zh 或 en，收到“{}”", shown(code)),
                format!("lang must be zh or en, not “{}”", shown(code)),
            )
        }),
    }
}

/// A filter value, `None` when absent or blank (the app sends empty selects as "").
fn value<'a>(map: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    map.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

fn labels_of(all: &[&'static str]) -> String {
    all.join("、")
}

fn parse_date(map: &HashMap<String, String>, key: &str) -> Result<Option<String>, AppError> {
    let Some(text) = value(map, key) else {
        return Ok(None);
    };
    match CivilDate::parse_iso(text) {
        Some(_) => Ok(Some(text.to_owned())),
        None => Err(bad_request(
            format!("{key} 须为 YYYY-MM-DD 格式的日期，收到“{}”", shown(text)),
            format!("{key} must be a date as YYYY-MM-DD, not “{}”", shown(text)),
        )),
    }
}

fn parse_number(
    map: &HashMap<String, String>,
    key: &str,
    default: u32,
    max: u32,
) -> Result<u32, AppError> {
    let Some(text) = value(map, key) else {
        return Ok(default);
    };
    match text.parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(bad_request(
            format!("{key} 须为 1 到 {max} 之间的整数，收到“{}”", shown(text)),
            format!(
                "{key} must be a whole number from 1 to {max}, not “{}”",
                shown(text)
            ),
        )),
    }
}

/// The list's filter and page from the query, or a 400 naming the bad value.
pub(super) fn list_query(
    map: &HashMap<String, String>,
) -> Result<(ApplicationFilter, u32, u32), AppError> {
    let mut unknown: Vec<&str> = map
        .keys()
        .map(String::as_str)
        .filter(|k| !LIST_KEYS.contains(k))
        .collect();
    unknown.sort_unstable();
    if let Some(first) = unknown.first() {
        let allowed = LIST_KEYS.join(", ");
        return Err(bad_request(
            format!("不支持查询参数“{}”，可用：{allowed}", shown(first)),
            format!(
                "The query parameter “{}” is not supported; use {allowed}",
                shown(first)
            ),
        ));
    }
    let status = match value(map, "status") {
        None => None,
        Some(text) => Some(Status::from_label(text).ok_or_else(|| {
            let all: Vec<&str> = Status::ALL.iter().map(|s| s.label()).collect();
            bad_request(
                format!("status 须为{}之一，收到“{}”", labels_of(&all), shown(text)),
                format!(
                    "status must be one of {}, not “{}”",
                    all.join(", "),
                    shown(text)
                ),
            )
        })?),
    };
    let department = match value(map, "department") {
        None => None,
        Some(text) => Some(DepartmentKind::from_label(text).ok_or_else(|| {
            let all: Vec<&str> = DepartmentKind::ALL.iter().map(|d| d.label()).collect();
            bad_request(
                format!(
                    "department 须为{}之一，收到“{}”",
                    labels_of(&all),
                    shown(text)
                ),
                format!(
                    "department must be one of {}, not “{}”",
                    all.join(", "),
                    shown(text)
                ),
            )
        })?),
    };
    let item_code = match value(map, "item") {
        None => None,
        Some(text) if text.len() <= 64 && text.chars().all(|c| c.is_ascii_alphanumeric()) => {
            Some(text.to_owned())
        }
        Some(text) => {
            return Err(bad_request(
                format!(
                    "item 须为事项编码（字母或数字，至多 64 位），收到“{}”",
                    shown(text)
                ),
                format!(
                    "item must be an item code (letters or digits, at most 64), not “{}”",
                    shown(text)
                ),
            ))
        }
    };
    let from = parse_date(map, "from")?;
    let to = parse_date(map, "to")?;
    if let (Some(from), Some(to)) = (&from, &to) {
        if from > to {
            return Err(bad_request(
                format!("开始日期 {from} 晚于结束日期 {to}"),
                format!("The start date {from} is after the end date {to}"),
            ));
        }
    }
    let page = parse_number(map, "page", 1, u32::MAX)?;
    let size = parse_number(map, "size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)?;
    let filter = ApplicationFilter {
        status,
        item_code,
        department,
        submitted_from: from,
        submitted_to: to,
    };
    Ok((filter, page, size))
}
