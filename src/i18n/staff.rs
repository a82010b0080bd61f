//! The staff workspace's strings (sign-in, catalog console, figures, audit, application queue)
//! in Simplified Chinese and English, side by side.

type Text = &'static str;

crate::messages! {
    StaffText;
    workspace: Text = "工作人员工作台", "Staff workspace";
    loading: Text = "正在加载…", "Loading…";

    // Sign-in.
    sign_in_title: Text = "工作人员登录", "Staff sign-in";
    sign_in_lead: Text = "仅供公安、法院、检察院、司法行政工作人员使用。", "For staff of the police, courts, procuratorate and justice bureau only.";
    username: Text = "用户名", "User name";
    password: Text = "密码", "Password";
    sign_in: Text = "登录", "Sign in";
    signing_in: Text = "正在登录…", "Signing in…";
    error_summary: Text = "登录未成功", "You are not signed in";
    username_missing: Text = "请输入用户名", "Enter your user name";
    password_missing: Text = "请输入密码", "Enter your password";
    wrong_credentials: Text = "用户名或密码不正确。", "The user name or password is not correct.";
    throttled: fn(u64) -> String = |s| format!("登录失败次数过多，请 {s} 秒后再试。"),
        |s| format!("Too many failed sign-ins. Try again in {s} seconds.");

    // The bar above every staff page.
    signed_in_as: Text = "当前登录：", "Signed in as ";
    sign_out: Text = "退出登录", "Sign out";
    signing_out: Text = "正在退出…", "Signing out…";
    staff_nav: Text = "工作台导航", "Workspace navigation";
    nav_catalog: Text = "事项目录", "Catalog";
    nav_figures: Text = "核心指标", "Headline figures";
    nav_audit: Text = "目录审计", "Catalog audit";
    nav_applications: Text = "申请件", "Applications";
    forbidden_title: Text = "无权访问", "Access denied";
    forbidden_detail: Text = "您的账号无权访问此页面。如需开通，请联系系统管理员。",
        "Your account may not open this page. Ask an administrator if you need it.";

    // The catalog console.
    catalog_title: Text = "事项目录管理", "Catalog console";
    catalog_lead: Text = "全部事项的核心要素，可筛选、搜索、排序和导出。",
        "The key facts of every item: filter, search, sort and export.";
    table_caption: fn(usize) -> String = |n| format!("事项列表（共 {n} 项）"), |n| format!("Items ({n})");
    table_region: Text = "事项列表（可横向滚动）", "Item table (scrolls sideways)";
    sort_hint: Text = "点击列标题可排序，再次点击反向排序。", "Select a column heading to sort; select it again to reverse.";
    col_name: Text = "事项名称", "Name";
    col_code: Text = "实施编码", "Code";
    col_department: Text = "部门", "Department";
    col_type: Text = "事项类型", "Type";
    col_visits: Text = "到现场次数", "Visits";
    col_depth: Text = "网办深度", "Online depth";
    col_scope: Text = "通办范围", "Scope";
    col_limits: Text = "承诺/法定时限", "Promised / legal limit";
    col_fee: Text = "收费", "Fee";
    col_materials: Text = "材料数", "Materials";
    free: Text = "不收费", "Free";
    no_rows: Text = "没有符合条件的事项，请减少筛选条件。", "No item matches. Remove a filter.";
    export_heading: Text = "导出", "Export";
    export_items: Text = "导出当前筛选的事项（CSV）", "Download the filtered items (CSV)";
    export_audit: Text = "导出审计结果（CSV）", "Download the audit findings (CSV)";
    export_hint: Text = "UTF-8 编码，可直接用电子表格软件打开。", "UTF-8, opens directly in spreadsheet software.";

    // Headline figures.
    figures_title: Text = "核心指标", "Headline figures";
    figures_lead: Text = "按改革通报的口径由事项目录实时计算，每项指标下方说明统计方法。",
        "Computed from the live catalog the way reform reports state them; each figure says how it is counted.";
    overall: Text = "全部部门", "All departments";
    ratio_chart: fn(&str) -> String = |scope| format!("{scope}：比例指标（%）"), |scope| format!("{scope}: ratios (%)");
    count_chart: fn(&str) -> String = |scope| format!("{scope}：事项数"), |scope| format!("{scope}: item counts");
    no_items: Text = "该部门暂无事项。", "This department has no items yet.";

    // The audit.
    audit_title: Text = "目录审计", "Catalog audit";
    audit_summary: fn(u32, usize, usize) -> String = |items, rules, found| format!("已按 {rules} 条规则检查 {items} 个事项，发现 {found} 个问题。"),
        |items, rules, found| format!("{items} items checked against {rules} rules: {found} findings.");
    audit_clean: Text = "未发现问题。", "Nothing found.";
    findings_heading: Text = "发现的问题", "Findings";
    rules_heading: fn(usize) -> String = |n| format!("审计规则（{n} 条）"), |n| format!("Rules checked ({n})");
    field: Text = "字段：", "Field: ";
    rule: Text = "规则：", "Rule: ";

    // The application queue.
    queue_title: Text = "申请件", "Applications";
    queue_lead: Text = "按状态、事项、部门和提交日期筛选，点击受理编号查看并办理。",
        "Filter by status, item, department and date submitted; open an application by its reference to work on it.";
    filters_heading: Text = "筛选条件", "Filters";
    filter_status: Text = "状态", "Status";
    any_status: Text = "全部状态", "Any status";
    filter_item: Text = "事项", "Item";
    filter_item_hint: Text = "输入事项名称（或其中几个字）或实施编码。", "Type an item's name (or part of it) or its code.";
    filter_department: Text = "部门", "Department";
    any_department: Text = "全部部门", "All departments";
    own_department: fn(&str) -> String = |d| format!("部门：{d}（本账号只能查看本部门的申请）"),
        |d| format!("Department: {d} (this account sees its own department only)");
    filter_from: Text = "提交日期自", "Submitted from";
    filter_to: Text = "提交日期至", "Submitted to";
    apply_filters: Text = "筛选", "Apply filters";
    clear_filters: Text = "清除筛选条件", "Clear filters";
    item_not_found: fn(&str) -> String = |x| format!("没有名称或编码为“{x}”的事项"),
        |x| format!("No item has the name or code “{x}”");
    item_ambiguous: fn(&str, usize) -> String = |x, n| format!("“{x}”对应 {n} 个事项，请输入完整名称"),
        |x, n| format!("“{x}” matches {n} items: type the full name");
    dates_reversed: Text = "“提交日期至”不能早于“提交日期自”", "“Submitted to” cannot be before “Submitted from”";
    queue_caption: fn(u64) -> String = |n| format!("申请件列表（共 {n} 件）"), |n| format!("Applications ({n})");
    col_reference: Text = "受理编号", "Reference";
    col_item: Text = "事项", "Item";
    col_applicant: Text = "申请人", "Applicant";
    col_status: Text = "状态", "Status";
    col_submitted: Text = "提交时间", "Submitted";
    not_given: Text = "未填写", "Not given";
    queue_empty: Text = "没有符合条件的申请件。", "No application matches.";
    queue_empty_filtered: Text = "可以减少或清除筛选条件。", "Try fewer filters, or clear them.";
    page_status: fn(u32, u32, u64) -> String = |x, y, n| format!("第 {x} / {y} 页，共 {n} 件"),
        |x, y, n| format!("Page {x} of {y}, {n} in all");
    paging: Text = "分页", "Pages";
    previous_page: Text = "上一页", "Previous page";
    next_page: Text = "下一页", "Next page";
    first_page: Text = "回到第 1 页", "Back to page 1";

    // One application.
    back_to_queue: Text = "返回申请件列表", "Back to the applications";
    application_title: fn(&str) -> String = |r| format!("申请件 {r}"), |r| format!("Application {r}");
    field_item: Text = "事项", "Item";
    field_department: Text = "部门", "Department";
    field_applicant: Text = "申请人", "Applicant";
    field_status: Text = "当前状态", "Status";
    field_submitted: Text = "提交时间", "Submitted";
    field_updated: Text = "最后更新", "Last changed";
    field_promised: Text = "承诺时限", "Promised time limit";
    answers_heading: Text = "申请信息", "Answers";
    situation_heading: Text = "申请情形", "Situation";
    no_answers: Text = "没有填写内容。", "Nothing was filled in.";
    materials_heading: Text = "申请材料", "Materials";
    material_n: fn(usize) -> String = |n| format!("材料 {n}"), |n| format!("Material {n}");
    uploaded: Text = "已上传：", "Uploaded:";
    download: Text = "下载", "Download";
    files_missing: fn(usize) -> String = |n| format!("另有 {n} 个文件未找到"), |n| format!("{n} more file(s) not found");
    commitment: Text = "告知承诺", "Commitment (告知承诺)";
    commitment_agreed: Text = "申请人已同意以下承诺：", "The applicant agreed to this commitment:";
    commitment_refused: Text = "申请人未同意承诺。", "The applicant did not agree to the commitment.";
    deferred: Text = "容缺后补：受理后补交", "To follow (容缺后补): handed in after acceptance";
    shared_check: Text = "共享核验：部门通过数据共享核验，无需提交", "Shared check (共享核验): verified through data sharing, nothing to hand in";
    trust_level: Text = "可信等级：", "Trust level: ";
    no_materials: Text = "无需提交材料。", "No materials were needed.";
    warnings_heading: Text = "申请人已确认的提示", "Warnings the applicant confirmed";
    actions_heading: Text = "办理", "Act on it";
    no_actions: Text = "此申请已结束，没有可执行的操作。", "This application is closed: nothing more can be done.";
    note_missing: fn(&str) -> String = |label| format!("请填写{label}"), |label| format!("Enter {label}");
    confirm_action: fn(&str) -> String = |a| format!("确认{a}"), |a| format!("Confirm: {a}");
    cancel: Text = "取消", "Cancel";
    sending: Text = "正在提交…", "Sending…";
    action_done: fn(&str, &str) -> String = |a, s| format!("已{a}，当前状态：{s}。"),
        |a, s| format!("Done: {a}. The status is now {s}.");
    changed_meanwhile: Text = "此申请已被他人更改，现显示最新内容，请核对后再办理。",
        "Someone else changed this application meanwhile. The latest version is shown: check it before acting.";
    action_failed: Text = "未能提交，您填写的内容已保留。", "It was not sent. What you typed is kept.";
    log_heading: Text = "办理记录", "History";
    log_applicant: Text = "申请人", "Applicant";
    log_submitted: Text = "提交申请", "Submitted";
}
