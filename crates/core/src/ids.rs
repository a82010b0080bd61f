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

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: CivilDate = CivilDate {
        y: 2025,
        m: 6,
        d: 1,
    };
    const ID: &str = "11010519491231002X";
    const USCC: &str = "91350100M000100Y43";

    fn mutations(valid: &str, alphabet: &str) -> Vec<String> {
        let chars: Vec<char> = valid.chars().collect();
        let mut out = Vec::new();
        for pos in 0..chars.len() {
            for c in alphabet.chars().filter(|c| *c != chars[pos]) {
                let mut m = chars.clone();
                m[pos] = c;
                out.push(m.into_iter().collect());
            }
        }
        out
    }

    #[test]
    fn the_standard_id_number_is_valid_and_lower_case_x_is_normalised() {
        assert_eq!(check_id_card(ID, TODAY).as_deref(), Ok(ID));
        assert_eq!(
            check_id_card("11010519491231002x", TODAY).as_deref(),
            Ok(ID)
        );
        assert_eq!(
            check_id_card(" 11010519491231002X ", TODAY).as_deref(),
            Ok(ID)
        );
        assert_eq!(id_card_birth_date(ID), CivilDate::new(1949, 12, 31));
    }

    #[test]
    fn every_single_character_mutation_of_the_id_number_is_refused() {
        let all = mutations(ID, "0123456789XABZ-");
        assert_eq!(all.len(), 18 * 14);
        for m in all {
            assert!(check_id_card(&m, TODAY).is_err(), "{m} accepted");
        }
    }

    #[test]
    fn id_number_errors_are_specific() {
        assert_eq!(
            check_id_card("1101051949123100", TODAY),
            Err(IdCardError::Length)
        );
        assert_eq!(
            check_id_card("11010519491231002XX", TODAY),
            Err(IdCardError::Length)
        );
        assert_eq!(
            check_id_card("1101051949123100AX", TODAY),
            Err(IdCardError::Format)
        );
        assert_eq!(
            check_id_card("110105194912310021", TODAY),
            Err(IdCardError::Checksum)
        );
        // Right check digits on impossible or future dates (check computed for each body).
        let with_check = |body: &str| {
            let sum: u32 = body
                .bytes()
                .zip(ID_WEIGHTS)
                .map(|(c, w)| u32::from(c - b'0') * w)
                .sum();
            format!("{body}{}", ID_CHECK[(sum % 11) as usize] as char)
        };
        assert_eq!(
            check_id_card(&with_check("11010519490230002"), TODAY),
            Err(IdCardError::BirthDate)
        );
        assert_eq!(
            check_id_card(&with_check("11010519491301002"), TODAY),
            Err(IdCardError::BirthDate)
        );
        assert_eq!(
            check_id_card(&with_check("11010520250602002"), TODAY),
            Err(IdCardError::FutureBirth)
        );
        assert!(
            check_id_card(&with_check("11010520250601002"), TODAY).is_ok(),
            "born today"
        );
        assert!(
            check_id_card(&with_check("11010520000229002"), TODAY).is_ok(),
            "leap day"
        );
    }

    #[test]
    fn the_standard_credit_code_is_valid_and_normalised() {
        assert_eq!(check_credit_code(USCC).as_deref(), Ok(USCC));
        assert_eq!(check_credit_code("91350100m000100y43").as_deref(), Ok(USCC));
        assert!(uscc_check_ok(USCC));
        assert_eq!(uscc_with_check(&USCC[..17]).as_deref(), Some(USCC));
    }

    #[test]
    fn every_single_character_mutation_of_the_credit_code_is_refused() {
        let alphabet = format!("{USCC_ALPHABET}IOSVZ-");
        let all = mutations(USCC, &alphabet);
        assert_eq!(all.len(), 18 * (alphabet.len() - 1));
        for m in all {
            assert!(check_credit_code(&m).is_err(), "{m} accepted");
            assert!(!uscc_check_ok(&m), "{m} passes the check");
        }
    }

    #[test]
    fn credit_code_format_and_checksum_differ() {
        assert_eq!(
            check_credit_code("91350100M000100Y44"),
            Err(CreditCodeError::Checksum)
        );
        assert_eq!(
            check_credit_code("91350100M000100I43"),
            Err(CreditCodeError::Format)
        );
        assert_eq!(
            check_credit_code("91350100M000100Y4"),
            Err(CreditCodeError::Format)
        );
        assert_eq!(
            check_credit_code("９1350100M000100Y43"),
            Err(CreditCodeError::Format)
        );
    }

    #[test]
    fn mobile_numbers() {
        for ok in ["13800138000", "19912345678", " 15012345678 "] {
            assert!(is_mobile(ok), "{ok}");
        }
        for bad in [
            "12800138000",
            "1380013800",
            "138001380000",
            "23800138000",
            "1380013800a",
            "",
        ] {
            assert!(!is_mobile(bad), "{bad}");
        }
    }

    #[test]
    fn email_addresses() {
        for ok in [
            "a@b.cn",
            "zhang.san+gov@example.com.cn",
            "x_y-z@mail-1.example.org",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@",
            "@b.cn",
            "a@b",
            "a@@b.cn",
            "a@b..cn",
            "a b@c.cn",
            "a@-b.cn",
            "a@b.c",
            "a@b.c1",
            ".a@b.cn",
            "a.@b.cn",
            "a..b@c.cn",
            "张@b.cn",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
