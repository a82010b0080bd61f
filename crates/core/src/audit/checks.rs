//! The rule predicates: each answers "does this item break the rule?". `validate` refuses the
//! error-severity ones at start-up through the same functions, so each rule is written once.

use crate::item::{
    Channel, DeliveryMethod, DepartmentKind, HandlingKind, MaterialForm, Necessity, OnlineDepth,
    ResultKind, ScopeKind, ServiceItem, TimeUnit,
};
use crate::validate::uscc_check_ok;

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn post_offered(item: &ServiceItem) -> bool {
    item.online.delivery || item.handling.channels.contains(&Channel::Post)
}

pub(super) fn department_name_missing(item: &ServiceItem) -> bool {
    blank(&item.department.name)
}

pub(super) fn department_code_invalid(item: &ServiceItem) -> bool {
    !uscc_check_ok(&item.department.code)
}

/// A theme whose audiences the item's 服务对象 do not include (e.g. 准营准办 on a 自然人 item).
pub(super) fn target_theme_mismatch(item: &ServiceItem) -> bool {
    let audiences = item.audiences();
    item.themes
        .iter()
        .any(|t| !t.audiences().iter().any(|a| audiences.contains(a)))
}

pub(super) fn legal_basis_missing(item: &ServiceItem) -> bool {
    item.legal_basis.is_empty()
}

pub(super) fn fully_online_with_visits(item: &ServiceItem) -> bool {
    item.online.depth == OnlineDepth::FullyOnline && item.handling.visits > 0
}

pub(super) fn visit_without_reason(item: &ServiceItem) -> bool {
    item.handling.visits > 0 && item.handling.visit_reason.as_deref().is_none_or(blank)
}

pub(super) fn limit_units_differ(item: &ServiceItem) -> bool {
    item.handling.promised_limit.unit != item.handling.legal_limit.unit
}

pub(super) fn promise_exceeds_legal(item: &ServiceItem) -> bool {
    item.handling.promised_limit.amount > item.handling.legal_limit.amount
}

pub(super) fn instant_with_promise(item: &ServiceItem) -> bool {
    item.handling.kind == HandlingKind::Instant && item.handling.promised_limit.amount > 0
}

pub(super) fn promised_without_limit(item: &ServiceItem) -> bool {
    item.handling.kind == HandlingKind::Promised && item.handling.promised_limit.amount == 0
}

pub(super) fn online_without_online_channel(item: &ServiceItem) -> bool {
    item.online.depth.can_apply_online() && !item.handling.channels.contains(&Channel::Online)
}

pub(super) fn zero_visit_offline_without_post(item: &ServiceItem) -> bool {
    item.handling.visits == 0 && !item.online.depth.can_apply_online() && !post_offered(item)
}

pub(super) fn scope_region_mismatch(item: &ServiceItem) -> bool {
    item.scope.region.is_some() != (item.scope.kind == ScopeKind::CrossProvince)
}

pub(super) fn materials_not_listed(item: &ServiceItem) -> bool {
    item.materials.is_empty() != item.no_materials
}

pub(super) fn commitment_without_text(item: &ServiceItem) -> bool {
    item.materials
        .iter()
        .any(|m| m.commitment.as_deref().is_some_and(blank))
}

pub(super) fn fee_without_details(item: &ServiceItem) -> bool {
    item.fees.charged
        && (item.fees.items.is_empty()
            || item
                .fees
                .items
                .iter()
                .any(|f| blank(&f.name) || blank(&f.standard) || blank(&f.basis)))
}

pub(super) fn free_with_fee_items(item: &ServiceItem) -> bool {
    !item.fees.charged && !item.fees.items.is_empty()
}

pub(super) fn free_with_payment(item: &ServiceItem) -> bool {
    !item.fees.charged && item.online.payment
}

pub(super) fn licence_without_sample(item: &ServiceItem) -> bool {
    item.results
        .iter()
        .any(|r| r.kind == ResultKind::Licence && r.sample.as_deref().is_none_or(blank))
}

pub(super) fn consult_phone_missing(item: &ServiceItem) -> bool {
    blank(&item.phones.consult)
}

/// No visit, yet a material that must be handed in exists only on paper and there is no post.
pub(super) fn paper_only_without_post(item: &ServiceItem) -> bool {
    item.handling.visits == 0
        && !post_offered(item)
        && item
            .materials
            .iter()
            .any(|m| m.form == MaterialForm::Paper && m.necessity != Necessity::Optional)
}

/// No visit, yet the result can only be collected at the counter (a visit after all).
pub(super) fn result_only_at_counter(item: &ServiceItem) -> bool {
    item.handling.visits == 0
        && !item.delivery_methods.is_empty()
        && item
            .delivery_methods
            .iter()
            .all(|d| *d == DeliveryMethod::Counter)
}

/// Labelled Ⅲ 在线预审 though nothing needs a visit: no visit, online channel, no paper-only
/// material, a result that travels by post or as an electronic licence. Such an item is fully
/// online in fact, and the 全程网办 figure undercounts it.
pub(super) fn looks_fully_online_but_pre_review(item: &ServiceItem) -> bool {
    item.online.depth == OnlineDepth::PreReview
        && item.handling.visits == 0
        && item.handling.channels.contains(&Channel::Online)
        && item.materials.iter().all(|m| m.form != MaterialForm::Paper)
        && item
            .delivery_methods
            .iter()
            .any(|d| matches!(d, DeliveryMethod::Post | DeliveryMethod::Electronic))
}

/// A letter or report the procuratorates take through 12309 (控告, 举报, or named 12309).
pub fn is_12309_letter(item: &ServiceItem) -> bool {
    item.department.kind == DepartmentKind::Procuratorate
        && (item.name.contains("12309")
            || item.aliases.iter().any(|a| a.contains("12309"))
            || item.name.contains("控告")
            || item.name.contains("举报"))
}

/// 12309 "件件有回复": a procedural reply within 7 days and the handling result within 3 months.
/// The catalog's promised limit is the result, so it may not exceed 3 months (90 calendar days,
/// taken as 60 working days).
pub(super) fn letter_reply_too_slow(item: &ServiceItem) -> bool {
    let promised = item.handling.promised_limit;
    let max = match promised.unit {
        TimeUnit::CalendarDays => 90,
        TimeUnit::WorkingDays => 60,
    };
    is_12309_letter(item) && promised.amount > max
}

pub(super) fn fully_online_fee_without_payment(item: &ServiceItem) -> bool {
    item.online.depth == OnlineDepth::FullyOnline && item.fees.charged && !item.online.payment
}

/// Items the issuing system has discontinued, with the date (DOMAIN.md).
pub const DISCONTINUED: &[(&str, &str)] = &[("行贿犯罪档案查询", "2018-08-01")];

pub(super) fn discontinued(item: &ServiceItem) -> bool {
    DISCONTINUED
        .iter()
        .any(|(name, _)| item.name.contains(name))
}
