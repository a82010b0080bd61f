//! Identity numbers, validated identically in the browser and on the server (DOMAIN.md):
//! 居民身份证号码 (GB 11643), 统一社会信用代码 (GB 32100), mobile numbers and e-mail addresses.

use crate::date::CivilDate;

/// Why a 身份证号 was refused, most basic problem first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdCardError {
    /// Not 18 characters.
    Length,
    /// Not 17 digits followed by a digit or X.
    Format,
    /// The ISO 7064 MOD 11-2 check character does not match.
    Checksum,
    /// Positions 7–14 are not a real date.
    BirthDate,
    /// The birth date lies after today.
    FutureBirth,
}

/// Weights 2^(18−i) mod 11 for positions 1–17.
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK: &[u8; 11] = b"10X98765432";

/// Checks a 居民身份证号码 and returns it normalised (trimmed, check X upper-case).
pub fn check_id_card(input: &str, today: CivilDate) -> Result<String, IdCardError> {
    let id = input.trim().to_ascii_uppercase();
    if id.chars().count() != 18 {
        return Err(IdCardError::Length);
    }
    let b = id.as_bytes();
    let body_ok = b[..17].iter().all(u8::is_ascii_digit);
    if !body_ok || !(b[17].is_ascii_digit() || b[17] == b'X') {
        return Err(IdCardError::Format);
    }
    let sum: u32 = b[..17]
        .iter()
        .zip(ID_WEIGHTS)
        .map(|(c, w)| u32::from(c - b'0') * w)
        .sum();
    if ID_CHECK[(sum % 11) as usize] != b[17] {
        return Err(IdCardError::Checksum);
    }
    let birth = CivilDate::parse_compact(&id[6..14]).ok_or(IdCardError::BirthDate)?;
    if birth > today {
        return Err(IdCardError::FutureBirth);
    }
    Ok(id)
}

/// The birth date inside a 身份证号 that passed [`check_id_card`].
pub fn id_card_birth_date(normalised: &str) -> Option<CivilDate> {
    normalised.get(6..14).and_then(CivilDate::parse_compact)
}

/// Why a 统一社会信用代码 was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditCodeError {
    /// Not 18 characters of the GB 32100 alphabet: a hard error.
    Format,
    /// The check character does not match. Some early pilot codes are legal yet fail here, so
    /// this is a warning the applicant may confirm.
    Checksum,
}

/// The 统一社会信用代码 alphabet (GB 32100): digits and capitals without I, O, S, V, Z.
const USCC_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights 3^i mod 31 for positions 1–17.
const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Completes a 17-character 统一社会信用代码 body with its check character (None if a character
/// is outside the alphabet or the length is wrong).
pub fn uscc_with_check(body: &str) -> Option<String> {
    let values: Option<Vec<u32>> = body
        .chars()
        .map(|c| USCC_ALPHABET.find(c).map(|i| i as u32))
        .collect();
    let values = values?;
    if values.len() != 17 {
        return None;
    }
    let sum: u32 = values.iter().zip(USCC_WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    let check_char = USCC_ALPHABET.as_bytes()[check as usize] as char;
    Some(format!("{body}{check_char}"))
}

/// Whether `code` is an 18-character 统一社会信用代码 whose check character is right.
pub fn uscc_check_ok(code: &str) -> bool {
    code.is_ascii()
        && code.len() == 18
        && uscc_with_check(&code[..17]).is_some_and(|full| full == code)
}

/// Checks a 统一社会信用代码 and returns it normalised (trimmed, upper-case).
pub fn check_credit_code(input: &str) -> Result<String, CreditCodeError> {
    let code = input.trim().to_ascii_uppercase();
    let well_formed = code.chars().count() == 18 && code.chars().all(|c| USCC_ALPHABET.contains(c));
    if !well_formed {
        return Err(CreditCodeError::Format);
    }
    if !uscc_check_ok(&code) {
        return Err(CreditCodeError::Checksum);
    }
    Ok(code)
}

/// A mainland mobile number: 11 digits starting 1[3-9].
pub fn is_mobile(input: &str) -> bool {
    let b = input.trim().as_bytes();
    b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
}

/// A structural e-mail check (no regex): one `@`, a plain local part, and a domain of at least
/// two dot-separated labels of letters, digits and hyphens, the last one alphabetic.
pub fn is_email(input: &str) -> bool {
    let text = input.trim();
    if text.len() > 254 {
        return false;
    }
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && labels_ok && tld_ok
}
