//! The staff workspace's strings (sign-in, catalog console, figures, audit) in Simplified
//! Chinese and English, side by side.

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
}
