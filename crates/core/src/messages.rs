//! The wording of every issue code, per language. A new code without wording does not compile.

use crate::form::IssueCode;
use crate::lang::Lang;

/// A number as people write it: no ".0" on whole numbers.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn range_zh(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("须在 {} 到 {} 之间", format_number(a), format_number(b)),
        (Some(a), None) => format!("不能小于 {}", format_number(a)),
        (None, Some(b)) => format!("不能大于 {}", format_number(b)),
        (None, None) => "超出允许范围".to_owned(),
    }
}

fn range_en(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!(
            "must be between {} and {}",
            format_number(a),
            format_number(b)
        ),
        (Some(a), None) => format!("must be {} or more", format_number(a)),
        (None, Some(b)) => format!("must be {} or less", format_number(b)),
        (None, None) => "is out of range".to_owned(),
    }
}

impl IssueCode {
    /// The specific message for this issue on the field labelled `label` (already in `lang`).
    pub fn message(&self, lang: Lang, label: &str) -> String {
        match lang {
            Lang::Zh => self.message_zh(label),
            Lang::En => self.message_en(label),
        }
    }

    fn message_zh(&self, l: &str) -> String {
        use IssueCode::*;
        match self {
            Required => format!("请填写{l}"),
            WrongType => format!("{l}的填写格式不正确"),
            UnknownField => format!("表单中没有“{l}”这一项"),
            TooLong { max } => format!("{l}不能超过 {max} 个字"),
            NumberRange { min, max } => format!("{l}{}", range_zh(*min, *max)),
            NotWholeNumber => format!("{l}须为整数"),
            DateFormat => format!("{l}须为真实的日期，格式如 2024-03-01"),
            DateInFuture => format!("{l}不能晚于今天"),
            DateInPast => format!("{l}不能早于今天"),
            UnknownOption => format!("请从列出的选项中选择{l}"),
            TooFewChoices { min } => format!("{l}至少选择 {min} 项"),
            TooManyChoices { max } => format!("{l}最多选择 {max} 项"),
            IdCardLength => format!("{l}应为 18 位"),
            IdCardFormat => format!("{l}应为 17 位数字加 1 位数字或 X"),
            IdCardChecksum => "身份证号码校验位不正确".to_owned(),
            IdCardBirthDate => format!("{l}中的出生日期不是真实的日期"),
            IdCardFutureBirth => format!("{l}中的出生日期晚于今天"),
            CreditCodeFormat => {
                format!("{l}应为 18 位数字或大写字母（不含 I、O、S、V、Z）")
            }
            CreditCodeChecksum => {
                format!("{l}校验位不正确。部分早期代码无法通过校验，如确认无误请勾选确认后继续")
            }
            MobileFormat => format!("{l}应为 11 位手机号码，以 13–19 开头"),
            EmailFormat => format!("{l}格式不正确，例如 name@example.com"),
            UnknownRegion => format!("请依次选择{l}的省、市、区"),
            GroupTooFew { min } => format!("{l}至少需要 {min} 项"),
            GroupTooMany { max } => format!("{l}最多 {max} 项"),
            TooManyFiles { max } => format!("{l}最多上传 {max} 个文件"),
            FileTooLarge { max_mb } => format!("{l}的文件不能超过 {max_mb} MB"),
            FileType => format!("{l}只能上传 PDF、JPG 或 PNG 文件"),
            UploadMissing => format!("{l}的文件未能保存到服务器，请重新选择上传"),
            MaterialMissing => format!("请提供{l}"),
            MaterialNotApplicable => format!("{l}不属于您所选情形需要的材料"),
            MaterialDuplicate => format!("{l}只能提供一次"),
            CommitmentNotAllowed => format!("{l}不能以告知承诺代替"),
            CommitmentNotAgreed => format!("请阅读并勾选同意{l}的承诺内容"),
            DeferNotAllowed => format!("{l}不能容缺后补"),
            SharedCheckNotAllowed => format!("{l}不能通过部门共享核验"),
            ItemMismatch => format!("申请的事项与表单“{l}”不一致"),
        }
    }

    fn message_en(&self, l: &str) -> String {
        use IssueCode::*;
        match self {
            Required => format!("{l} is required"),
            WrongType => format!("{l} is not in the right format"),
            UnknownField => format!("The form has no question “{l}”"),
            TooLong { max } => format!("{l} must be {max} characters or fewer"),
            NumberRange { min, max } => format!("{l} {}", range_en(*min, *max)),
            NotWholeNumber => format!("{l} must be a whole number"),
            DateFormat => format!("{l} must be a real date, for example 2024-03-01"),
            DateInFuture => format!("{l} must be today or in the past"),
            DateInPast => format!("{l} must be today or in the future"),
            UnknownOption => format!("Select {l} from the options listed"),
            TooFewChoices { min } => format!("Select at least {min} for {l}"),
            TooManyChoices { max } => format!("Select at most {max} for {l}"),
            IdCardLength => format!("{l} must be 18 characters long"),
            IdCardFormat => format!("{l} must be 17 digits followed by a digit or X"),
            IdCardChecksum => "The check digit of the ID number is wrong".to_owned(),
            IdCardBirthDate => format!("The date of birth in {l} is not a real date"),
            IdCardFutureBirth => format!("The date of birth in {l} is in the future"),
            CreditCodeFormat => format!(
                "{l} must be 18 digits or capital letters (no I, O, S, V or Z)"
            ),
            CreditCodeChecksum => format!(
                "The check character of {l} is wrong. Some early codes fail this check: if the code is right, confirm it and continue"
            ),
            MobileFormat => format!("{l} must be an 11-digit mobile number starting 13 to 19"),
            EmailFormat => format!("{l} must be an email address like name@example.com"),
            UnknownRegion => format!("Select the province, city and district of {l}"),
            GroupTooFew { min } => format!("Add at least {min} to {l}"),
            GroupTooMany { max } => format!("{l} can have at most {max}"),
            TooManyFiles { max } => format!("{l} can have at most {max} files"),
            FileTooLarge { max_mb } => format!("Each file for {l} must be {max_mb} MB or smaller"),
            FileType => format!("{l} must be a PDF, JPG or PNG file"),
            UploadMissing => format!("The file for {l} did not reach the server: choose it again"),
            MaterialMissing => format!("Provide {l}"),
            MaterialNotApplicable => format!("{l} is not needed in your situation"),
            MaterialDuplicate => format!("{l} can only be provided once"),
            CommitmentNotAllowed => format!("{l} cannot be replaced by a commitment"),
            CommitmentNotAgreed => format!("Read and agree to the commitment for {l}"),
            DeferNotAllowed => format!("{l} cannot be handed in later"),
            SharedCheckNotAllowed => format!("{l} cannot be checked by data sharing"),
            ItemMismatch => format!("The application is not for the item of the form “{l}”"),
        }
    }
}
