//! The wording of every issue code, per language. A new code without wording does not compile.

use crate::form::IssueCode;
use crate::lang::Lang;

/// A number as people write it: no ".0" on whole numbers, the fewest decimal places (at most
/// [`MAX_PLACES`]) that give the number back. Written out by hand: `f64`'s `Display` (shortest
/// round-trip digits) adds ~16 KB to the citizen wasm, for numbers people typed into a form.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{}", n as i64);
    }
    if !n.is_finite() {
        return if n.is_nan() {
            "NaN"
        } else if n > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_owned();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let magnitude = n.abs();
    if magnitude >= 1e15 {
        // Every f64 this large is whole; past u128 (about 3.4e38) say it with an exponent.
        if magnitude < 1e38 {
            return format!("{sign}{}", magnitude as u128);
        }
        let exponent = magnitude.log10().floor() as i32;
        let mantissa = format_number(magnitude / 10f64.powi(exponent));
        return format!("{sign}{mantissa}e{exponent}");
    }
    let mut places = 1;
    let mut scaled = (magnitude * 10.0).round();
    while places < MAX_PLACES && scaled / 10f64.powi(places as i32) != magnitude {
        places += 1;
        scaled = (magnitude * 10f64.powi(places as i32)).round();
    }
    let unit = 10u128.pow(places);
    let scaled = scaled as u128;
    let fraction = format!("{:0places$}", scaled % unit, places = places as usize);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{}", scaled / unit)
    } else {
        format!("{sign}{}.{fraction}", scaled / unit)
    }
}

/// Decimal places [`format_number`] writes at most.
pub const MAX_PLACES: u32 = 9;

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

#[cfg(test)]
mod number_tests {
    use super::format_number;

    #[test]
    fn numbers_read_as_people_write_them() {
        for (n, text) in [
            (3.0, "3"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (-12.25, "-12.25"),
            (99.99, "99.99"),
            (1234567.125, "1234567.125"),
            (0.000001, "0.000001"),
            // Binary noise past the ninth place is rounded away, not printed.
            (0.1 + 0.2, "0.3"),
            (2.0 / 3.0, "0.666666667"),
            (1e15, "1000000000000000"),
            (-2e20, "-200000000000000000000"),
            (1.5e300, "1.5e300"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-inf"),
        ] {
            assert_eq!(format_number(n), text, "{n:?}");
        }
    }

    #[test]
    fn a_typed_decimal_comes_back_as_typed() {
        for cents in -5_000i32..15_000 {
            let typed = format!(
                "{}{}.{:02}",
                if cents < 0 { "-" } else { "" },
                cents.abs() / 100,
                cents.abs() % 100
            );
            let n: f64 = typed.parse().unwrap();
            // What Display (shortest digits that read back) writes, which is the typed text
            // without trailing zeros.
            assert_eq!(format_number(n), format!("{n}"), "{typed}");
            assert_eq!(format_number(n).parse::<f64>().unwrap(), n, "{typed}");
        }
    }
}
