//! The online application's strings (journey pages, form fields, uploads), Chinese and English.

use super::messages::Text;

crate::messages! {
    ApplyText;
    // Fields.
    /// After the label of an optional field (never an asterisk on required ones).
    optional: Text = "（选填）", " (optional)";
    error_prefix: Text = "错误：", "Error: ";
    warning_prefix: Text = "请确认：", "Check: ";
    yes: Text = "是", "Yes";
    no: Text = "否", "No";
    confirm_credit_code: Text = "我确认该代码无误", "I confirm this code is correct";
    province: Text = "省（自治区、直辖市）", "Province";
    city: Text = "市", "City";
    district: Text = "区（县）", "District or county";
    choose: Text = "请选择", "Select";
    remove: Text = "删除", "Remove";
    add_row: fn(&str) -> String = |label| format!("添加{label}"), |label| format!("Add another {}", label.to_ascii_lowercase());
    group_limits: fn(usize, usize) -> String = |min, max| if min > 0 {
            format!("至少 {min} 项，最多 {max} 项")
        } else {
            format!("最多 {max} 项")
        },
        |min, max| if min > 0 { format!("At least {min}, at most {max}") } else { format!("At most {max}") };
    /// `label (row n)` of a question inside a group row, used in messages.
    row_label: fn(&str, usize, &str) -> String = |group, n, sub| format!("{group} {n} 的{sub}"),
        |group, n, sub| format!("{sub} ({} {n})", group.to_ascii_lowercase());
    error_summary_title: Text = "请修改以下内容", "There is a problem";
    error_title_prefix: Text = "错误：", "Error: ";

    // Files.
    file_rules: Text = "可上传 PDF、JPG 或 PNG 文件，每个不超过 10 MB。", "PDF, JPG or PNG files, each 10 MB or smaller.";
    file_bad_type: fn(&str) -> String = |name| format!("“{name}”不是 PDF、JPG 或 PNG 文件，未上传"),
        |name| format!("“{name}” is not a PDF, JPG or PNG file and was not uploaded");
    file_too_large: fn(&str) -> String = |name| format!("“{name}”超过 10 MB，未上传"),
        |name| format!("“{name}” is larger than 10 MB and was not uploaded");
    file_too_many: fn(usize) -> String = |max| format!("最多上传 {max} 个文件"), |max| format!("You can attach at most {max} files");
    file_upload_failed: fn(&str, &str) -> String = |name, why| format!("“{name}”上传失败：{why}"),
        |name, why| format!("“{name}” was not uploaded: {why}");
    file_uploading: fn(&str) -> String = |name| format!("正在上传 {name}"), |name| format!("Uploading {name}");
    file_uploaded: Text = "已上传", "uploaded";
    file_reselect: Text = "需要重新选择此文件", "choose this file again";
    files_label: Text = "选择文件", "Choose files";

    // The journey.
    apply_title: Text = "在线申请", "Apply online";
    loading_form: Text = "正在加载申请表…", "Loading the application form…";
    no_form_title: Text = "暂未开通在线申请", "Online application is not open yet";
    no_form_detail: Text = "该事项的在线申请表单正在开通中。您可以按办事指南准备材料，到办理地点一次办结。",
        "This service cannot be applied for online yet. The service guide says what to bring and where to go.";
    back_to_guide: Text = "返回办事指南", "Back to the service guide";
    back: Text = "返回", "Back";
    next: Text = "下一步", "Continue";
    save_and_check: Text = "保存并返回核对", "Save and go back to your answers";
    progress: fn(usize, usize) -> String = |n, total| format!("第 {n} 步，共 {total} 步"), |n, total| format!("Step {n} of {total}");
    page_missing: Text = "这一步不在您的申请中", "This step is not part of your application";
    page_missing_detail: Text = "您的回答改变了需要填写的内容。请从申请须知开始继续。",
        "Your answers changed what needs filling in. Continue from the start.";

    intro_heading: Text = "申请须知", "Before you start";
    intro_lead: fn(&str) -> String = |name| format!("您将在线申请“{name}”。填写的内容会自动保存在本浏览器中。"),
        |name| format!("You are applying for “{name}”. What you type is saved in this browser as you go.");
    conditions_heading: Text = "申请条件", "Who can apply";
    situation_heading: Text = "您的情况", "Your situation";
    situation_lead: Text = "您的回答决定需要提交哪些材料。", "Your answers decide which documents you need.";
    promised_limit: fn(&str) -> String = |limit| format!("承诺办结时限：{limit}"), |limit| format!("Promised time: {limit}");
    steps_overview: fn(usize) -> String = |n| format!("共 {n} 步：填写信息、提交材料、核对并提交。"),
        |n| format!("{n} steps: your details, documents, then check and submit.");
    start: Text = "开始申请", "Start now";
    resume_heading: Text = "您有一份未完成的申请", "You have an application in progress";
    resume_lead: Text = "上次填写的内容已保存在本浏览器中。", "What you filled in last time is saved in this browser.";
    resume_continue: Text = "继续填写", "Continue your application";
    resume_restart: Text = "重新开始", "Start again";
    reselect_files: Text = "以下文件需要重新选择：", "Choose these files again:";

    materials_heading: Text = "提交材料", "Documents";
    materials_lead: Text = "按您的情况，需要以下材料。", "Given your situation, these documents are needed.";
    materials_none: Text = "您的情况无需提交材料。", "You need no documents in your situation.";
    material_how: Text = "提供方式", "How will you provide it?";
    provide_upload: Text = "上传文件", "Upload files";
    provide_commitment: Text = "告知承诺：以书面承诺代替此材料", "Sign a commitment instead of this document";
    provide_defer: Text = "容缺后补：先受理，之后补交", "Hand it in later (accepted without it for now)";
    shared_check: Text = "由部门共享核验，无需提交", "Checked through data sharing between departments: nothing to hand in";
    commitment_text: Text = "承诺内容", "The commitment";
    commitment_agree: Text = "我已阅读并同意以上承诺，如有不实愿承担相应法律责任", "I have read and agree to this commitment, and accept legal responsibility if it is untrue";
    commitment_level: Text = "以告知承诺提供的材料按 D 级（申请人承诺）管理。", "A document replaced by a commitment is held at trust level D (applicant's commitment).";
    defer_note: Text = "受理后请按通知补交此材料。", "After acceptance, hand this document in when asked.";

    check_heading: Text = "核对申请信息", "Check your answers before applying";
    check_lead: Text = "请核对以下信息，如需修改请点击“修改”。", "Check what you told us. Use “Change” to correct anything.";
    change: Text = "修改", "Change";
    not_given: Text = "未填写", "Not given";
    provided_upload: fn(usize) -> String = |n| format!("已上传 {n} 个文件"), |n| format!("{n} file(s) uploaded");
    provided_commitment: Text = "告知承诺（D 级）", "Commitment (level D)";
    provided_defer: Text = "容缺后补", "To follow later";
    provided_shared: Text = "部门共享核验", "Checked by data sharing";
    provided_none: Text = "未提供", "Not provided";
    declaration: Text = "提交即表示您确认所填信息真实、准确。", "By submitting you confirm that the information is true and accurate.";
    submit: Text = "提交申请", "Submit application";
    submitting: Text = "正在提交…", "Submitting…";
    submit_failed: Text = "申请尚未提交", "Your application has not been sent";
    submit_failed_keep: Text = "您填写的内容都已保存。重试不会重复提交。", "Everything you entered is kept. Trying again will not send it twice.";
    submit_retry: Text = "重新提交", "Try again";

    done_title: Text = "申请已提交", "Application submitted";
    reference_label: Text = "受理编号", "Your reference number";
    done_item: fn(&str) -> String = |name| format!("事项：{name}"), |name| format!("Service: {name}");
    submitted_at: fn(&str) -> String = |at| format!("提交时间：{at}"), |at| format!("Submitted: {at}");
    next_heading: Text = "接下来会怎样", "What happens next";
    next_review: Text = "办理部门将审核您的申请和材料，结果将通过短信通知您。", "The department will review your application and documents and tell you the result by text message.";
    next_keep: Text = "请记下受理编号，凭编号查询办理进度。", "Keep your reference number: you need it to follow your application.";
    print: Text = "打印回执", "Print your receipt";
    follow: Text = "查看办理进度", "Follow your application";
    case_title: Text = "办理进度", "Application progress";
    case_status: fn(&str) -> String = |s| format!("当前状态：{s}"), |s| format!("Status: {s}");
    case_history: Text = "办理记录", "History";
    loading_case: Text = "正在查询办理进度…", "Looking up your application…";
}
