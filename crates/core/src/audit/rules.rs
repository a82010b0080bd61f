//! The rule table: id, severity, field, predicate and the bilingual wording of every rule.

use serde::{Deserialize, Serialize};

use super::checks as c;
use crate::item::ServiceItem;
use crate::labels::labelled_enum;
use crate::lang::{Lang, Text};

labelled_enum! {
    /// How serious a finding is.
    pub enum Severity {
        /// Breaks a consistency rule of the guide standard; `validate` refuses it at start-up.
        Error => ("违反规则", "Rule broken"),
        /// Probably wrong, worth a staff member's look.
        Warning => ("建议核查", "Worth checking"),
    }
}

/// Every audit rule. The order is the order findings are listed in (and `validate` reports in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    DepartmentNameMissing,
    DepartmentCodeInvalid,
    TargetThemeMismatch,
    LegalBasisMissing,
    FullyOnlineWithVisits,
    VisitWithoutReason,
    LimitUnitsDiffer,
    PromiseExceedsLegal,
    InstantWithPromise,
    PromisedWithoutLimit,
    OnlineWithoutOnlineChannel,
    ZeroVisitOfflineWithoutPost,
    ScopeRegionMismatch,
    MaterialsNotListed,
    CommitmentWithoutText,
    FeeWithoutDetails,
    FreeWithFeeItems,
    FreeWithPayment,
    LicenceWithoutSample,
    ConsultPhoneMissing,
    DuplicateCode,
    PaperOnlyWithoutPost,
    ResultOnlyAtCounter,
    LooksFullyOnlineButPreReview,
    LetterReplyTooSlow,
    FullyOnlineFeeWithoutPayment,
    DiscontinuedItem,
}

/// Both languages of a rule's title and explanation; a missing one does not compile.
struct Wording {
    title_zh: &'static str,
    title_en: &'static str,
    explain_zh: &'static str,
    explain_en: &'static str,
}

impl RuleId {
    pub const ALL: &'static [RuleId] = &[
        RuleId::DepartmentNameMissing,
        RuleId::DepartmentCodeInvalid,
        RuleId::TargetThemeMismatch,
        RuleId::LegalBasisMissing,
        RuleId::FullyOnlineWithVisits,
        RuleId::VisitWithoutReason,
        RuleId::LimitUnitsDiffer,
        RuleId::PromiseExceedsLegal,
        RuleId::InstantWithPromise,
        RuleId::PromisedWithoutLimit,
        RuleId::OnlineWithoutOnlineChannel,
        RuleId::ZeroVisitOfflineWithoutPost,
        RuleId::ScopeRegionMismatch,
        RuleId::MaterialsNotListed,
        RuleId::CommitmentWithoutText,
        RuleId::FeeWithoutDetails,
        RuleId::FreeWithFeeItems,
        RuleId::FreeWithPayment,
        RuleId::LicenceWithoutSample,
        RuleId::ConsultPhoneMissing,
        RuleId::DuplicateCode,
        RuleId::PaperOnlyWithoutPost,
        RuleId::ResultOnlyAtCounter,
        RuleId::LooksFullyOnlineButPreReview,
        RuleId::LetterReplyTooSlow,
        RuleId::FullyOnlineFeeWithoutPayment,
        RuleId::DiscontinuedItem,
    ];

    /// The stable id on the wire and in CSV files.
    pub fn code(self) -> &'static str {
        match self {
            RuleId::DepartmentNameMissing => "department_name_missing",
            RuleId::DepartmentCodeInvalid => "department_code_invalid",
            RuleId::TargetThemeMismatch => "target_theme_mismatch",
            RuleId::LegalBasisMissing => "legal_basis_missing",
            RuleId::FullyOnlineWithVisits => "fully_online_with_visits",
            RuleId::VisitWithoutReason => "visit_without_reason",
            RuleId::LimitUnitsDiffer => "limit_units_differ",
            RuleId::PromiseExceedsLegal => "promise_exceeds_legal",
            RuleId::InstantWithPromise => "instant_with_promise",
            RuleId::PromisedWithoutLimit => "promised_without_limit",
            RuleId::OnlineWithoutOnlineChannel => "online_without_online_channel",
            RuleId::ZeroVisitOfflineWithoutPost => "zero_visit_offline_without_post",
            RuleId::ScopeRegionMismatch => "scope_region_mismatch",
            RuleId::MaterialsNotListed => "materials_not_listed",
            RuleId::CommitmentWithoutText => "commitment_without_text",
            RuleId::FeeWithoutDetails => "fee_without_details",
            RuleId::FreeWithFeeItems => "free_with_fee_items",
            RuleId::FreeWithPayment => "free_with_payment",
            RuleId::LicenceWithoutSample => "licence_without_sample",
            RuleId::ConsultPhoneMissing => "consult_phone_missing",
            RuleId::DuplicateCode => "duplicate_code",
            RuleId::PaperOnlyWithoutPost => "paper_only_without_post",
            RuleId::ResultOnlyAtCounter => "result_only_at_counter",
            RuleId::LooksFullyOnlineButPreReview => "looks_fully_online_but_pre_review",
            RuleId::LetterReplyTooSlow => "letter_reply_too_slow",
            RuleId::FullyOnlineFeeWithoutPayment => "fully_online_fee_without_payment",
            RuleId::DiscontinuedItem => "discontinued_item",
        }
    }

    pub fn from_code(code: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.code() == code)
    }

    /// The dotted path of the field a finding points at.
    pub fn field(self) -> &'static str {
        match self {
            RuleId::DepartmentNameMissing => "department.name",
            RuleId::DepartmentCodeInvalid => "department.code",
            RuleId::TargetThemeMismatch => "themes",
            RuleId::LegalBasisMissing => "legal_basis",
            RuleId::FullyOnlineWithVisits => "handling.visits",
            RuleId::VisitWithoutReason => "handling.visit_reason",
            RuleId::LimitUnitsDiffer
            | RuleId::PromiseExceedsLegal
            | RuleId::InstantWithPromise
            | RuleId::PromisedWithoutLimit
            | RuleId::LetterReplyTooSlow => "handling.promised_limit",
            RuleId::OnlineWithoutOnlineChannel => "handling.channels",
            RuleId::ZeroVisitOfflineWithoutPost => "online.delivery",
            RuleId::ScopeRegionMismatch => "scope.region",
            RuleId::MaterialsNotListed => "materials",
            RuleId::CommitmentWithoutText => "materials.commitment",
            RuleId::FeeWithoutDetails | RuleId::FreeWithFeeItems => "fees.items",
            RuleId::FreeWithPayment | RuleId::FullyOnlineFeeWithoutPayment => "online.payment",
            RuleId::LicenceWithoutSample => "results.sample",
            RuleId::ConsultPhoneMissing => "phones.consult",
            RuleId::DuplicateCode => "code",
            RuleId::PaperOnlyWithoutPost => "materials.form",
            RuleId::ResultOnlyAtCounter => "delivery_methods",
            RuleId::LooksFullyOnlineButPreReview => "online.depth",
            RuleId::DiscontinuedItem => "name",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            RuleId::PaperOnlyWithoutPost
            | RuleId::ResultOnlyAtCounter
            | RuleId::LooksFullyOnlineButPreReview
            | RuleId::LetterReplyTooSlow
            | RuleId::FullyOnlineFeeWithoutPayment
            | RuleId::DiscontinuedItem => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// Whether `item` on its own breaks the rule (`DuplicateCode` needs the whole catalog and
    /// is never broken by one item).
    pub fn violated_by(self, item: &ServiceItem) -> bool {
        match self {
            RuleId::DepartmentNameMissing => c::department_name_missing(item),
            RuleId::DepartmentCodeInvalid => c::department_code_invalid(item),
            RuleId::TargetThemeMismatch => c::target_theme_mismatch(item),
            RuleId::LegalBasisMissing => c::legal_basis_missing(item),
            RuleId::FullyOnlineWithVisits => c::fully_online_with_visits(item),
            RuleId::VisitWithoutReason => c::visit_without_reason(item),
            RuleId::LimitUnitsDiffer => c::limit_units_differ(item),
            RuleId::PromiseExceedsLegal => c::promise_exceeds_legal(item),
            RuleId::InstantWithPromise => c::instant_with_promise(item),
            RuleId::PromisedWithoutLimit => c::promised_without_limit(item),
            RuleId::OnlineWithoutOnlineChannel => c::online_without_online_channel(item),
            RuleId::ZeroVisitOfflineWithoutPost => c::zero_visit_offline_without_post(item),
            RuleId::ScopeRegionMismatch => c::scope_region_mismatch(item),
            RuleId::MaterialsNotListed => c::materials_not_listed(item),
            RuleId::CommitmentWithoutText => c::commitment_without_text(item),
            RuleId::FeeWithoutDetails => c::fee_without_details(item),
            RuleId::FreeWithFeeItems => c::free_with_fee_items(item),
            RuleId::FreeWithPayment => c::free_with_payment(item),
            RuleId::LicenceWithoutSample => c::licence_without_sample(item),
            RuleId::ConsultPhoneMissing => c::consult_phone_missing(item),
            RuleId::DuplicateCode => false,
            RuleId::PaperOnlyWithoutPost => c::paper_only_without_post(item),
            RuleId::ResultOnlyAtCounter => c::result_only_at_counter(item),
            RuleId::LooksFullyOnlineButPreReview => c::looks_fully_online_but_pre_review(item),
            RuleId::LetterReplyTooSlow => c::letter_reply_too_slow(item),
            RuleId::FullyOnlineFeeWithoutPayment => c::fully_online_fee_without_payment(item),
            RuleId::DiscontinuedItem => c::discontinued(item),
        }
    }

    pub fn title(self) -> Text {
        let w = self.wording();
        Text::new(w.title_zh, w.title_en)
    }

    pub fn explanation(self) -> Text {
        let w = self.wording();
        Text::new(w.explain_zh, w.explain_en)
    }

    pub fn title_in(self, lang: Lang) -> &'static str {
        let w = self.wording();
        lang.pick(w.title_zh, w.title_en)
    }

    pub fn explanation_in(self, lang: Lang) -> &'static str {
        let w = self.wording();
        lang.pick(w.explain_zh, w.explain_en)
    }

    fn wording(self) -> Wording {
        let (title_zh, title_en, explain_zh, explain_en) = match self {
            RuleId::DepartmentNameMissing => (
                "缺少实施主体",
                "Implementing department missing",
                "每个事项都须写明实施主体，群众才知道由哪个部门办理。",
                "Every item names the department that handles it, so citizens know who to deal with.",
            ),
            RuleId::DepartmentCodeInvalid => (
                "实施主体编码无效",
                "Department code invalid",
                "实施主体编码应是校验位正确的 18 位统一社会信用代码。",
                "The department code must be an 18-character unified social credit code with a correct check character.",
            ),
            RuleId::TargetThemeMismatch => (
                "服务对象与主题分类不符",
                "Service target does not fit the theme",
                "主题分类面向的对象（个人或法人）须与服务对象一致，否则事项会出现在错误的办事分类里。",
                "A theme serves individuals or organisations; an item filed under a theme its service targets do not match shows up in the wrong place.",
            ),
            RuleId::LegalBasisMissing => (
                "缺少设定依据",
                "Legal basis missing",
                "每个事项都须列明设定依据（法律法规及条款）。",
                "Every item must cite the law and article it rests on.",
            ),
            RuleId::FullyOnlineWithVisits => (
                "全程网办却要到现场",
                "Fully online yet a visit is required",
                "网办深度为Ⅳ（全程网办）的事项，到现场次数必须为 0。",
                "An item at online depth IV (fully online) must need zero visits.",
            ),
            RuleId::VisitWithoutReason => (
                "需到现场但未说明原因",
                "Visit required without a reason",
                "到现场次数大于 0 时，须写明必须现场办理的原因。",
                "When an item needs a visit, the guide must say why the visit is necessary.",
            ),
            RuleId::LimitUnitsDiffer => (
                "承诺时限与法定时限单位不同",
                "Promised and legal limits use different units",
                "承诺办结时限与法定办结时限须使用同一单位（工作日或自然日），才能比较。",
                "The promised and the legal time limit must use the same unit (working or calendar days) to be comparable.",
            ),
            RuleId::PromiseExceedsLegal => (
                "承诺时限超过法定时限",
                "Promise longer than the legal limit",
                "承诺办结时限不得超过法定办结时限。",
                "The promised time limit may not exceed the legal one.",
            ),
            RuleId::InstantWithPromise => (
                "即办件却有承诺时限",
                "Done-on-the-spot item with a promised time",
                "即办件当场办结，承诺时限应为 0（即办）。",
                "An item done on the spot must promise 0 days (即办).",
            ),
            RuleId::PromisedWithoutLimit => (
                "承诺件缺少承诺时限",
                "Promised-time item without a promise",
                "承诺件须写明承诺办结时限；当场办结的应标为即办件。",
                "An item handled within a promised time must state it; one done on the spot should be marked 即办件.",
            ),
            RuleId::OnlineWithoutOnlineChannel => (
                "可网办却未列网上办理",
                "Online depth without an online channel",
                "网办深度达到Ⅲ（在线预审）及以上的事项，办理形式须包含网上办理。",
                "An item at online depth III or above must list online handling among its channels.",
            ),
            RuleId::ZeroVisitOfflineWithoutPost => (
                "零跑腿但不能网办也不能寄递",
                "No visit, not online and no post",
                "到现场 0 次又不能在线申请的事项，须提供快递申请或物流寄递，否则群众无法办理。",
                "An item needing no visit that cannot be applied for online must offer post, or nobody can apply.",
            ),
            RuleId::ScopeRegionMismatch => (
                "通办区域填写不当",
                "Cross-province region missing or misplaced",
                "跨省通办须写明区域（如川渝、西南五省市），其他通办范围不写区域。",
                "A cross-province scope names its region (e.g. 川渝); other scopes name none.",
            ),
            RuleId::MaterialsNotListed => (
                "未列材料也未标注无需材料",
                "Materials neither listed nor marked as none",
                "事项须列明申请材料，或明确标注“无需材料”，两者只能取其一。",
                "An item lists its materials or says explicitly that none are needed, not both and not neither.",
            ),
            RuleId::CommitmentWithoutText => (
                "可告知承诺但无承诺内容",
                "Commitment allowed but no text",
                "材料可用告知承诺替代时，须给出申请人签署的承诺内容。",
                "When a material may be replaced by a signed commitment, the commitment text must be given.",
            ),
            RuleId::FeeWithoutDetails => (
                "收费但缺少项目、标准或依据",
                "Fee charged without item, standard or basis",
                "收费事项须列明每个收费项目的名称、收费标准和收费依据。",
                "A fee-charging item lists each fee with its name, amount and legal basis.",
            ),
            RuleId::FreeWithFeeItems => (
                "不收费却列了收费项目",
                "Free item lists fees",
                "标为不收费的事项不应列收费项目。",
                "An item marked free must not list fees.",
            ),
            RuleId::FreeWithPayment => (
                "不收费却提供网上支付",
                "Free item offers online payment",
                "不收费的事项不应提供网上支付。",
                "A free item must not offer online payment.",
            ),
            RuleId::LicenceWithoutSample => (
                "证照类结果缺少样本",
                "Licence result without a sample",
                "审批结果为证照的，须提供结果样本，群众才知道会拿到什么。",
                "A result that is a licence or certificate needs a sample, so citizens know what they will get.",
            ),
            RuleId::ConsultPhoneMissing => (
                "缺少咨询电话",
                "Enquiry phone missing",
                "每个事项都须提供咨询电话。",
                "Every item gives a phone number for enquiries.",
            ),
            RuleId::DuplicateCode => (
                "实施编码重复",
                "Item code used twice",
                "实施编码是事项的唯一标识，目录中不得重复。",
                "The item code identifies an item; no two items may share it.",
            ),
            RuleId::PaperOnlyWithoutPost => (
                "零跑腿但纸质材料无法寄递",
                "No visit, paper-only material and no post",
                "到现场 0 次的事项要求提交仅限纸质的材料，却不提供快递寄递，群众只能跑一趟。",
                "The item needs no visit but asks for a paper-only material and offers no post: in practice the applicant has to come in.",
            ),
            RuleId::ResultOnlyAtCounter => (
                "零跑腿但结果只能窗口领取",
                "No visit, but the result is only collected at the counter",
                "到现场 0 次的事项，结果却只能到窗口领取，实际仍要跑一次；应提供邮寄或电子证照。",
                "The item needs no visit, yet its result can only be collected at the counter, which is a visit after all; offer post or an electronic licence.",
            ),
            RuleId::LooksFullyOnlineButPreReview => (
                "实为全程网办却标为在线预审",
                "Fully online in fact but labelled pre-review",
                "事项无需到现场、可网上申请、材料均可电子提交、结果可寄递或电子送达，却仍标为Ⅲ在线预审；核实后应改为Ⅳ全程网办，全程网办数据才准确。",
                "No visit, online application, electronic materials and a result by post or electronic licence, yet labelled III pre-review: if confirmed, label it IV so the fully-online figure is right.",
            ),
            RuleId::LetterReplyTooSlow => (
                "12309 来信承诺答复超过 3 个月",
                "12309 letter answered later than 3 months",
                "检察机关对群众来信“件件有回复”：7 日内程序性回复，3 个月内答复办理进展或结果。控告、举报类事项的承诺办结时限不应超过 3 个月（90 个自然日或 60 个工作日）。",
                "The procuratorates answer every letter: a procedural reply within 7 days and the progress or result within 3 months, so a complaint or report item may not promise more than 90 calendar (60 working) days.",
            ),
            RuleId::FullyOnlineFeeWithoutPayment => (
                "全程网办的收费事项不能网上支付",
                "Fully online item with a fee but no online payment",
                "全程网办事项收费却不支持网上支付，群众仍需线下缴费，与全程网办不符。",
                "A fully online item that charges a fee but offers no online payment sends the applicant to pay offline.",
            ),
            RuleId::DiscontinuedItem => (
                "事项已停止办理",
                "Item has been discontinued",
                "该事项已被主管机关停止办理（如行贿犯罪档案查询自 2018 年 8 月 1 日起停止），应从目录中下架。",
                "The issuing authority has discontinued this item (e.g. bribery record checks ended on 1 August 2018); remove it from the catalog.",
            ),
        };
        Wording {
            title_zh,
            title_en,
            explain_zh,
            explain_en,
        }
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        RuleId::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown audit rule {code:?}")))
    }
}
