//! The shell's, catalog's and guide's strings in Simplified Chinese and English, side by side.

use super::Lang;

pub fn for_lang(lang: Lang) -> &'static Messages {
    Messages::of(lang)
}

pub(crate) type Text = &'static str;
pub(crate) type Count = fn(usize) -> String;
pub(crate) type Named = fn(&str) -> String;

crate::messages! {
    Messages;
    // The frame.
    portal_name: Text = "一次办", "Run-Once";
    portal_tagline: Text = "政法服务 · 最多跑一次", "Legal & public-security services · visit at most once";
    /// Appended to every page title.
    title_suffix: Text = " - 一次办", " - Run-Once Portal";
    skip_link: Text = "跳到主要内容", "Skip to main content";
    main_nav: Text = "主导航", "Main navigation";
    nav_catalog: Text = "事项目录", "Services";
    prefs_label: Text = "显示设置", "Display settings";
    /// The language switch names the language it switches to, in that language.
    switch_lang: Text = "English", "中文";
    switch_lang_label: Text = "Switch to English", "切换到中文";
    care_mode: Text = "关怀模式", "Large-text mode";
    care_mode_hint: Text = "长辈版：大字、高对比、大按钮", "Larger text, higher contrast, bigger buttons";
    footer_hotlines: Text = "服务热线：12345 政务服务便民热线 · 12309 检察服务 · 12368 诉讼服务 · 12348 法律援助",
        "Hotlines: 12345 government services · 12309 procuratorate · 12368 courts · 12348 legal aid";
    footer_demo: Text = "一次办 · Run-Once Portal — 演示门户，事项数据为模拟数据。",
        "Run-Once Portal — a demonstration; the service data is illustrative.";

    // Loading and errors.
    loading_catalog: Text = "正在加载服务事项…", "Loading services…";
    loading_guide: Text = "正在加载办事指南…", "Loading the service guide…";
    load_failed: Text = "加载失败", "Could not load";
    retry: Text = "重试", "Try again";
    retrying: Text = "正在重试…", "Trying again…";
    error_network: Text = "无法连接服务器，请检查网络后重试。", "Cannot reach the server. Check your connection and try again.";
    error_status: fn(u16) -> String = |s| format!("服务暂时不可用（HTTP {s}），请稍后重试。"),
        |s| format!("The service is unavailable right now (HTTP {s}). Please try again later.");
    error_decode: Text = "服务器返回的数据无法识别，请稍后重试。", "The server's answer could not be read. Please try again later.";
    not_found_title: Text = "页面不存在", "Page not found";
    not_found_detail: Text = "您访问的页面不存在或已被移除。", "The page you asked for does not exist or has been removed.";
    item_not_found_title: Text = "未找到该事项", "Service not found";
    back_to_catalog: Text = "返回服务事项目录", "Back to the list of services";

    // The catalog.
    catalog_title: Text = "服务事项目录", "Services";
    catalog_heading: Text = "政法服务事项", "Legal and public-security services";
    catalog_lead: Text = "公安、法院、检察院、司法行政服务，一次办好，最多跑一次。",
        "Police, courts, procuratorate and justice-bureau services: done in one go, with at most one visit.";
    search_label: Text = "搜索服务事项", "Search services";
    search_placeholder: Text = "事项名称、拼音或首字母", "Name, pinyin or initials";
    search_hint: Text = "支持汉字、全拼和拼音首字母（如 sfz、shenfenzheng 都能找到身份证），不区分大小写和空格。",
        "Type Chinese, full pinyin or pinyin initials (sfz or shenfenzheng both find 身份证); case and spaces are ignored.";
    results_count: fn(usize, usize) -> String = |total, shown| if shown < total {
            format!("共找到 {total} 个事项，显示前 {shown} 个")
        } else {
            format!("共找到 {total} 个事项")
        },
        |total, shown| if shown < total {
            format!("{total} services found, showing the first {shown}")
        } else if total == 1 {
            "1 service found".to_owned()
        } else {
            format!("{total} services found")
        };
    show_more: Count = |n| format!("显示更多（还有 {n} 个）"), |n| format!("Show more ({n} left)");
    empty_heading: Text = "没有找到相符的事项", "No service matches";
    empty_advice: Text = "可以试试：检查错别字；改用拼音或拼音首字母（如 sfz 查身份证）；减少筛选条件。",
        "Try: check the spelling; use pinyin or initials (sfz finds 身份证); remove some filters.";
    empty_suggestions: Text = "常用搜索：", "Common searches:";
    clear_all: Text = "清除全部筛选条件", "Clear all filters";

    // Filters.
    filters_label: Text = "浏览与筛选", "Browse and filter";
    filters_toggle: Count = |n| if n == 0 { "筛选".to_owned() } else { format!("筛选（已选 {n} 项）") },
        |n| if n == 0 { "Filters".to_owned() } else { format!("Filters ({n} chosen)") };
    by_department: Text = "按部门浏览", "Browse by department";
    all_departments: Text = "全部部门", "All departments";
    theme: Text = "主题", "Theme";
    all_themes: Text = "全部主题", "All themes";
    audience: Text = "服务对象", "For";
    all_audiences: Text = "个人和法人", "Individuals and organisations";
    handling_filters: Text = "办理方式", "How it is handled";
    chip_zero_visits: Text = "零跑腿", "No visit";
    chip_one_visit: Text = "最多跑一次", "At most one visit";
    chip_fully_online: Text = "全程网办", "Fully online";
    chip_cross_province: Text = "跨省通办", "Across provinces";
    chip_commitment: Text = "可告知承诺", "Commitment accepted";
    chip_instant: Text = "即办件", "Done on the spot";
    scope: Text = "通办范围", "Where it can be handled";
    scope_any: Text = "全部跨省通办", "Any cross-province scope";
    scope_national: Text = "全国通办", "Anywhere in China";
    scope_region: Named = |r| format!("跨省通办（{r}）"), |r| format!("Across provinces ({r})");
    clear_filters: Text = "清除筛选", "Clear filters";

    // Badges.
    badges_label: Text = "办理特点", "Key facts";
    badge_visits: Count = |n| format!("需跑动{n}次"), |n| format!("{n} visits");
    badge_promised: Named = |limit| format!("承诺{limit}"), |limit| format!("Within {limit}");
    badge_fee: Text = "收费", "Fee";
    badge_free: Text = "免费", "Free";

    // The guide.
    breadcrumb: Text = "当前位置", "You are here";
    apply_entry: Text = "办理入口", "How to apply";
    apply_online: Text = "在线办理", "Apply online";
    apply_fully_online: Text = "全程网上办理，无需到现场。", "Entirely online: no visit needed.";
    apply_visits: fn(u8, &str) -> String = |n, why| format!("网上预审通过后，需到现场 {n} 次：{why}"),
        |n, why| format!("After the online pre-review, {n} visit(s) are needed: {why}");
    apply_offline: Text = "本事项暂不支持在线申请", "This service cannot be applied for online yet";
    apply_offline_depth: Named = |d| format!("（网上办理深度：{d}）。"), |d| format!(" (online level: {d}).");
    apply_offline_reason: Named = |r| format!("需到现场办理的原因：{r}"), |r| format!("Why a visit is needed: {r}");
    apply_offline_where: fn(&str, &str) -> String = |place, hours| format!("请携带下列材料到 {place} 办理，办理时间：{hours}。"),
        |place, hours| format!("Bring the materials below to {place}. Opening hours: {hours}.");
    yes: Text = "是", "Yes";
    no: Text = "否", "No";
    sec_basic: Text = "基本信息", "Basic information";
    f_item_type: Text = "事项类型", "Type";
    f_basic_code: Text = "基本编码", "Basic code";
    f_code: Text = "实施编码", "Implementation code";
    f_level: Text = "行使层级", "Level";
    f_department: Text = "实施主体", "Department";
    f_department_code: Text = "实施主体编码", "Department code";
    f_targets: Text = "服务对象", "Who it is for";
    f_themes: Text = "主题分类", "Themes";
    f_scope: Text = "通办范围", "Where it can be handled";
    sec_handling: Text = "办理时限与方式", "Time limits and channels";
    f_kind: Text = "办件类型", "Kind";
    f_legal_limit: Text = "法定办结时限", "Legal time limit";
    f_promised_limit: Text = "承诺办结时限", "Promised time limit";
    f_channels: Text = "办理形式", "Channels";
    f_visits: Text = "到办事现场次数", "Visits to an office";
    visits_count: Count = |n| format!("{n} 次"), |n| if n == 1 { "1 visit".to_owned() } else { format!("{n} visits") };
    f_depth: Text = "网上办理深度", "Online level";
    f_appointment: Text = "支持预约", "Appointments";
    f_delivery: Text = "支持物流快递", "Delivery by post";
    f_payment: Text = "支持网上支付", "Online payment";
    sec_conditions: Text = "受理条件", "Conditions";
    sec_materials: Text = "申请材料", "Materials";
    no_materials: Text = "无需提交申请材料。", "No materials are needed.";
    materials_table: Text = "申请材料表（可横向滚动）", "Materials (scrolls sideways)";
    m_name: Text = "材料名称", "Material";
    m_form: Text = "材料形式", "Form";
    m_copies: Text = "原件/复印件", "Original or copy";
    m_copies_value: fn(&str, u8) -> String = |kind, n| format!("{kind} {n} 份"), |kind, n| format!("{kind}, {n}");
    m_necessity: Text = "必要性", "Needed";
    m_source: Text = "来源渠道", "Source";
    m_commitment: Text = "告知承诺", "Commitment";
    m_applies_to: Text = "适用情形：", "Applies to: ";
    m_spec: Text = "规格：", "Specification: ";
    m_notes: Text = "填报须知：", "Notes: ";
    m_blank_form: Text = "空白表格：", "Blank form: ";
    m_sample: Text = "示例样表：", "Sample: ";
    m_commitment_allowed: Text = "可告知承诺", "Commitment accepted";
    materials_hint: Text = "“容缺后补”的材料可在受理后补交；“可告知承诺”的材料可签署承诺书代替。",
        "Materials marked “May follow later” can be handed in after acceptance; where a commitment is accepted you may sign it instead.";
    sec_steps: Text = "办理流程", "Steps";
    sec_fees: Text = "收费标准", "Fees";
    fee_line: fn(&str, &str, &str) -> String = |name, standard, basis| format!("{name}：{standard}（依据：{basis}）"),
        |name, standard, basis| format!("{name}: {standard} (basis: {basis})");
    fee_reducible: Text = "可按规定减免。", "Can be reduced or waived under the rules.";
    fee_not_reducible: Text = "不可减免。", "Cannot be reduced.";
    no_fee: Text = "不收费。", "Free of charge.";
    sec_results: Text = "办理结果", "Result";
    result_sample: Named = |s| format!("，样本：{s}"), |s| format!(", sample: {s}");
    delivery_methods: Named = |d| format!("结果送达方式：{d}"), |d| format!("How you receive it: {d}");
    sec_place: Text = "办理地点与咨询", "Where to go and who to ask";
    f_address: Text = "办理地点", "Address";
    f_hours: Text = "办理时间", "Opening hours";
    f_consult: Text = "咨询电话", "Enquiries";
    f_complaint: Text = "监督投诉电话", "Complaints";
    sec_basis: Text = "设定依据", "Legal basis";
    sec_faq: Text = "常见问题", "Questions and answers";
    provenance: Text = "数据来源：", "Source of the figures: ";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_complete_and_differ() {
        assert_eq!(for_lang(Lang::Zh).nav_catalog, "事项目录");
        assert_eq!(for_lang(Lang::En).nav_catalog, "Services");
        assert_eq!((for_lang(Lang::En).results_count)(1, 1), "1 service found");
        assert_eq!((for_lang(Lang::Zh).show_more)(3), "显示更多（还有 3 个）");
    }
}
