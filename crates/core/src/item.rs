//! The service guide (办事指南) of one item, as the seed catalog stores it and the guide page shows it.
//! Field names are English; closed value lists are enums whose wire form is their Chinese label.

use serde::{Deserialize, Serialize};

use crate::labels::labelled_enum;

labelled_enum! {
    /// 事项类型.
    pub enum ItemType {
        Licensing => ("行政许可", "Administrative licensing"),
        Penalty => ("行政处罚", "Administrative penalty"),
        Enforcement => ("行政强制", "Administrative enforcement"),
        Levy => ("行政征收", "Administrative levy"),
        Benefit => ("行政给付", "Administrative benefit"),
        Inspection => ("行政检查", "Administrative inspection"),
        Confirmation => ("行政确认", "Administrative confirmation"),
        Reward => ("行政奖励", "Administrative reward"),
        Adjudication => ("行政裁决", "Administrative adjudication"),
        OtherPower => ("其他行政权力", "Other administrative power"),
        PublicService => ("公共服务", "Public service"),
    }
}

labelled_enum! {
    /// 行使层级.
    pub enum AdminLevel {
        National => ("国家级", "National"),
        Provincial => ("省级", "Provincial"),
        Municipal => ("市级", "Municipal"),
        County => ("县级", "County"),
        Township => ("乡镇级", "Township"),
    }
}

labelled_enum! {
    /// The 政法 system the implementing department belongs to (browse by department).
    pub enum DepartmentKind {
        Police => ("公安", "Police"),
        Court => ("法院", "Courts"),
        Procuratorate => ("检察院", "Procuratorate"),
        Justice => ("司法行政", "Justice bureau"),
    }
}

labelled_enum! {
    /// 服务对象.
    pub enum ServiceTarget {
        NaturalPerson => ("自然人", "Natural person"),
        Enterprise => ("企业法人", "Enterprise"),
        Institution => ("事业法人", "Public institution"),
        SocialOrganisation => ("社会组织法人", "Social organisation"),
        UnincorporatedEnterprise => ("非法人企业", "Unincorporated enterprise"),
        Government => ("行政机关", "Government body"),
        OtherOrganisation => ("其他组织", "Other organisation"),
    }
}

/// The two audiences citizens browse by: 个人 or 法人 (every organisation counts as 法人 here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    #[serde(rename = "个人")]
    Personal,
    #[serde(rename = "法人")]
    Legal,
}

impl crate::labels::Label for Audience {
    fn label(self) -> &'static str {
        Audience::label(self)
    }
    fn label_en(self) -> &'static str {
        match self {
            Audience::Personal => "Individuals",
            Audience::Legal => "Organisations",
        }
    }
}

impl Audience {
    pub const ALL: &'static [Audience] = &[Audience::Personal, Audience::Legal];

    pub fn label(self) -> &'static str {
        match self {
            Audience::Personal => "个人",
            Audience::Legal => "法人",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.label() == label)
    }
}

impl ServiceTarget {
    pub fn audience(self) -> Audience {
        match self {
            ServiceTarget::NaturalPerson => Audience::Personal,
            _ => Audience::Legal,
        }
    }
}

labelled_enum! {
    /// 主题分类 (life events for people, business themes for organisations).
    pub enum Theme {
        Household => ("户籍", "Household registration"),
        IdDocuments => ("身份证件", "Identity documents"),
        Traffic => ("交通", "Traffic"),
        ExitEntry => ("出入境", "Exit and entry"),
        PublicOrder => ("治安", "Public order"),
        Litigation => ("诉讼", "Litigation"),
        Procuratorial => ("检察服务", "Procuratorial services"),
        LegalServices => ("法律服务", "Legal services"),
        Mediation => ("纠纷调解", "Dispute mediation"),
        Notary => ("公证", "Notarisation"),
        BusinessPermits => ("准营准办", "Business permits"),
    }
}

impl Theme {
    /// Which audiences a theme serves; an item whose 服务对象 lies outside it is misfiled.
    pub fn audiences(self) -> &'static [Audience] {
        match self {
            Theme::Household | Theme::IdDocuments | Theme::ExitEntry => &[Audience::Personal],
            Theme::BusinessPermits => &[Audience::Legal],
            _ => &[Audience::Personal, Audience::Legal],
        }
    }
}

labelled_enum! {
    /// 办件类型.
    pub enum HandlingKind {
        Instant => ("即办件", "Done on the spot"),
        Promised => ("承诺件", "Promised time"),
    }
}

labelled_enum! {
    /// 办理形式.
    pub enum Channel {
        Counter => ("窗口办理", "At a service counter"),
        Online => ("网上办理", "Online"),
        Post => ("快递申请", "By post"),
    }
}

labelled_enum! {
    /// 时限单位.
    pub enum TimeUnit {
        WorkingDays => ("工作日", "working days"),
        CalendarDays => ("自然日", "calendar days"),
    }
}

labelled_enum! {
    /// 网上办理深度.
    pub enum OnlineDepth {
        Disclosure => ("Ⅰ 信息公开", "I Information only"),
        FormDownload => ("Ⅱ 表格下载", "II Forms to download"),
        PreReview => ("Ⅲ 在线预审", "III Online pre-review"),
        FullyOnline => ("Ⅳ 全程网办", "IV Fully online"),
    }
}

impl OnlineDepth {
    /// From Ⅲ an application can be started online.
    pub fn can_apply_online(self) -> bool {
        self >= OnlineDepth::PreReview
    }
}

labelled_enum! {
    /// 通办范围.
    pub enum ScopeKind {
        City => ("全市通办", "Anywhere in the city"),
        Province => ("全省通办", "Anywhere in the province"),
        CrossProvince => ("跨省通办", "Across provinces"),
        National => ("全国通办", "Anywhere in China"),
    }
}

labelled_enum! {
    /// 材料形式.
    pub enum MaterialForm {
        Paper => ("纸质", "Paper"),
        Electronic => ("电子", "Electronic"),
        Both => ("纸质和电子", "Paper and electronic"),
    }
}

labelled_enum! {
    /// 原件 / 复印件.
    pub enum CopyKind {
        Original => ("原件", "Original"),
        Copy => ("复印件", "Copy"),
        OriginalAndCopy => ("原件和复印件", "Original and copy"),
    }
}

labelled_enum! {
    /// 必要性.
    pub enum Necessity {
        Required => ("必要", "Required"),
        Optional => ("非必要", "Optional"),
        /// 容缺受理: may be missing at acceptance and handed in later.
        Deferrable => ("容缺后补", "May follow later"),
    }
}

labelled_enum! {
    /// 来源渠道.
    pub enum MaterialSource {
        Applicant => ("申请人自备", "From the applicant"),
        Government => ("政府部门核发", "Issued by a government department"),
        Other => ("其他", "Other"),
    }
}

labelled_enum! {
    /// 审批结果类型.
    pub enum ResultKind {
        Licence => ("证照", "Licence or certificate"),
        Approval => ("批文", "Written decision"),
        Other => ("其他", "Other"),
    }
}

labelled_enum! {
    /// 结果送达方式.
    pub enum DeliveryMethod {
        Counter => ("窗口领取", "Collect at the counter"),
        Post => ("邮寄", "By post"),
        Electronic => ("电子证照", "Electronic licence"),
    }
}

/// A time limit: a number and a unit. `0` means 即办 (done on the spot).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeLimit {
    pub amount: u32,
    pub unit: TimeUnit,
}

impl TimeLimit {
    /// "即办" for zero, otherwise e.g. "20个工作日".
    pub fn display(&self) -> String {
        if self.amount == 0 {
            "即办".to_owned()
        } else {
            format!("{}个{}", self.amount, self.unit.label())
        }
    }
}

/// 实施主体.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    pub kind: DepartmentKind,
    pub name: String,
    /// 实施主体编码 (the department's 统一社会信用代码).
    pub code: String,
}

/// One 设定依据 entry: a law and the article relied on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalBasis {
    pub law: String,
    pub article: String,
}

/// One step of 办理流程.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessStep {
    pub name: String,
    pub description: String,
}

/// 办理 information: kind, channels, visits, time limits, conditions and process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handling {
    pub kind: HandlingKind,
    pub channels: Vec<Channel>,
    /// 到办事现场次数 (0, 1 or 2).
    pub visits: u8,
    /// 必须现场办理原因, required when `visits > 0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_reason: Option<String>,
    pub legal_limit: TimeLimit,
    pub promised_limit: TimeLimit,
    /// 受理条件.
    pub conditions: Vec<String>,
    /// 办理流程.
    pub steps: Vec<ProcessStep>,
}

/// 网上办理 information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Online {
    pub depth: OnlineDepth,
    /// 是否支持预约.
    pub appointment: bool,
    /// 是否支持物流快递.
    pub delivery: bool,
    /// 是否支持网上支付.
    pub payment: bool,
}

/// 通办范围; `region` names the provinces of a 跨省通办 area (e.g. 川渝, 西南五省市).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    pub kind: ScopeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

impl Scope {
    /// "跨省通办（川渝）" or "全国通办".
    pub fn display(&self) -> String {
        match &self.region {
            Some(region) => format!("{}（{}）", self.kind.label(), region),
            None => self.kind.label().to_owned(),
        }
    }

    /// 跨省通办 in the citizen's sense: cross-province or nationwide.
    pub fn is_cross_province(&self) -> bool {
        matches!(self.kind, ScopeKind::CrossProvince | ScopeKind::National)
    }
}

/// One row of 申请材料.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub name: String,
    pub form: MaterialForm,
    pub copy_kind: CopyKind,
    /// 份数.
    pub copies: u8,
    /// 规格 (paper size, photo specification, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    pub necessity: Necessity,
    pub source: MaterialSource,
    /// 空白表格 (file name or address), if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blank_form: Option<String>,
    /// 示例样表, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<String>,
    /// 填报须知.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// 告知承诺: the commitment text the applicant may sign instead of providing this material.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<String>,
    /// 适用情形: the situation this material applies to; none means every applicant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<String>,
    /// 适用情形, structured: every rule must hold for the applicant's situation answers
    /// (empty: every applicant). See `crate::situation`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<crate::situation::SituationRule>,
    /// 由部门共享核验，无需提交: a department's data replaces handing this material in.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared_check: bool,
}

/// One 收费项目.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeItem {
    pub name: String,
    /// 收费标准.
    pub standard: String,
    /// 收费依据.
    pub basis: String,
}

/// 收费 information.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fees {
    pub charged: bool,
    #[serde(default)]
    pub items: Vec<FeeItem>,
    /// 是否可减免.
    #[serde(default)]
    pub reducible: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reduction_note: Option<String>,
}

/// One 审批结果.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultDoc {
    pub name: String,
    pub kind: ResultKind,
    /// 结果样本 (required for a 证照).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<String>,
}

/// 办理地点 and 办理时间.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub address: String,
    pub hours: String,
}

/// 咨询电话 and 监督投诉电话.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phones {
    pub consult: String,
    pub complaint: String,
}

/// One FAQ entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// A whole service guide (办事指南).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceItem {
    /// 实施编码 (≤ 36 characters): the item's key in URLs and the API.
    pub code: String,
    /// 基本编码 (12 characters).
    pub basic_code: String,
    /// 事项名称.
    pub name: String,
    /// Everyday names citizens search by (e.g. 身份证 for 居民身份证).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// One or two sentences saying what the item is for.
    pub summary: String,
    pub item_type: ItemType,
    pub level: AdminLevel,
    pub department: Department,
    pub targets: Vec<ServiceTarget>,
    pub themes: Vec<Theme>,
    pub legal_basis: Vec<LegalBasis>,
    pub handling: Handling,
    pub online: Online,
    pub scope: Scope,
    pub materials: Vec<Material>,
    /// An explicit "无需材料": true only when `materials` is empty on purpose.
    #[serde(default)]
    pub no_materials: bool,
    /// Questions that decide which materials apply (本人/委托他人, 首次/换领/补领, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub situations: Vec<crate::situation::SituationQuestion>,
    pub fees: Fees,
    pub results: Vec<ResultDoc>,
    pub delivery_methods: Vec<DeliveryMethod>,
    pub place: Place,
    pub phones: Phones,
    #[serde(default)]
    pub faq: Vec<Faq>,
}

impl ServiceItem {
    /// The audiences the item serves, derived from its 服务对象.
    pub fn audiences(&self) -> Vec<Audience> {
        Audience::ALL
            .iter()
            .copied()
            .filter(|a| self.targets.iter().any(|t| t.audience() == *a))
            .collect()
    }

    /// Some material may be replaced by a signed 告知承诺.
    pub fn has_commitment(&self) -> bool {
        self.materials.iter().any(|m| m.commitment.is_some())
    }
}
