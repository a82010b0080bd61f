//! A calendar date without a clock. Core never reads the time: callers pass "today" in, so the
//! browser and the server judge a birth date or a deadline the same way and tests are repeatable.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A civil (calendar) date; ordering is chronological. Wire form "YYYY-MM-DD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub y: i32,
    pub m: u8,
    pub d: u8,
}

impl CivilDate {
    /// A date if it exists in the Gregorian calendar (29 February only in leap years).
    pub fn new(y: i32, m: u8, d: u8) -> Option<Self> {
        let real = (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m);
        real.then_some(Self { y, m, d })
    }

    /// Parses exactly "YYYY-MM-DD" (four-digit year, two-digit month and day).
    pub fn parse_iso(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = digits(&b[0..4])?;
        let m = digits(&b[5..7])?;
        let d = digits(&b[8..10])?;
        Self::new(y as i32, m as u8, d as u8)
    }

    /// Parses the compact "YYYYMMDD" used inside a 身份证号.
    pub fn parse_compact(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 8 {
            return None;
        }
        Self::new(
            digits(&b[0..4])? as i32,
            digits(&b[4..6])? as u8,
            digits(&b[6..8])? as u8,
        )
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

impl Serialize for CivilDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CivilDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        CivilDate::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format_args!("not a date: {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(
            CivilDate::parse_iso("2024-02-29"),
            CivilDate::new(2024, 2, 29)
        );
        assert!(CivilDate::parse_iso("2024-02-29").is_some());
        assert_eq!(CivilDate::parse_iso("2023-02-29"), None, "not a leap year");
        assert_eq!(CivilDate::parse_iso("1900-02-29"), None, "century rule");
        assert!(
            CivilDate::parse_iso("2000-02-29").is_some(),
            "400-year rule"
        );
        assert_eq!(CivilDate::parse_iso("2024-04-31"), None);
        assert_eq!(CivilDate::parse_iso("2024-13-01"), None);
        assert_eq!(CivilDate::parse_iso("2024-1-01"), None);
        assert_eq!(CivilDate::parse_iso("2024/01/01"), None);
        assert_eq!(
            CivilDate::parse_compact("19491231"),
            CivilDate::new(1949, 12, 31)
        );
        assert_eq!(CivilDate::parse_compact("1949123a"), None);
    }

    #[test]
    fn orders_chronologically_and_round_trips() {
        let a = CivilDate::new(2024, 1, 31).unwrap();
        let b = CivilDate::new(2024, 2, 1).unwrap();
        assert!(a < b);
        assert_eq!(a.to_string(), "2024-01-31");
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "\"2024-01-31\"");
        assert_eq!(serde_json::from_str::<CivilDate>(&json).unwrap(), a);
    }
}
