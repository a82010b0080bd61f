//! Application references (受理编号): random, so neither sequential nor guessable, yet easy to read
//! aloud or copy from paper: 16 characters in groups of 4, e.g. `7KQM-3XPA-W9RT-2HFD`.

/// Digits and capitals without 0/O, 1/I, and L (which reads like 1 in many fonts): 31 symbols,
/// so 16 characters carry about 79 random bits.
const SYMBOLS: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Characters in a reference, shown in groups of 4 separated by `-`.
pub const LENGTH: usize = 16;

/// A new random reference from the operating system's generator.
pub fn generate() -> Result<String, getrandom::Error> {
    // 31 symbols: draw bytes and reject those ≥ 248 (8 × 31) so every symbol is equally likely.
    let mut chars = Vec::with_capacity(LENGTH);
    let mut buf = [0u8; 32];
    while chars.len() < LENGTH {
        getrandom::fill(&mut buf)?;
        for &b in &buf {
            if b < 248 && chars.len() < LENGTH {
                chars.push(SYMBOLS[usize::from(b % 31)]);
            }
        }
    }
    Ok(format_groups(&chars))
}

fn format_groups(chars: &[u8]) -> String {
    chars
        .chunks(4)
        .map(|group| std::str::from_utf8(group).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("-")
}

/// The canonical form of a reference typed by a person (lower case, no dashes, spaces), or `None`
/// when it cannot be one, so a lookup of garbage is refused before the store is asked.
pub fn normalise(text: &str) -> Option<String> {
    let chars: Vec<u8> = text
        .bytes()
        .filter(|b| *b != b'-' && *b != b' ')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    (chars.len() == LENGTH && chars.iter().all(|c| SYMBOLS.contains(c)))
        .then(|| format_groups(&chars))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn references_are_readable_groups_without_ambiguous_characters() {
        for _ in 0..200 {
            let reference = generate().unwrap();
            assert_eq!(reference.len(), 19, "{reference}");
            let groups: Vec<&str> = reference.split('-').collect();
            assert_eq!(groups.len(), 4, "{reference}");
            assert!(groups.iter().all(|g| g.len() == 4), "{reference}");
            assert!(
                !reference.contains(['0', 'O', '1', 'I', 'L']),
                "{reference}"
            );
            assert_eq!(normalise(&reference), Some(reference.clone()));
        }
    }

    #[test]
    fn references_are_not_sequential() {
        let many: HashSet<String> = (0..2000).map(|_| generate().unwrap()).collect();
        assert_eq!(many.len(), 2000, "79 random bits do not collide here");
        // Every position uses many symbols (a counter would leave the first ones fixed).
        let first_chars: HashSet<char> = many.iter().map(|r| r.chars().next().unwrap()).collect();
        assert!(first_chars.len() > 20, "{first_chars:?}");
    }

    #[test]
    fn normalise_accepts_lower_case_and_no_dashes_and_refuses_garbage() {
        assert_eq!(
            normalise("7kqm3xpaw9rt2hfd").as_deref(),
            Some("7KQM-3XPA-W9RT-2HFD")
        );
        assert_eq!(normalise("7KQM-3XPA-W9RT-2HF0"), None, "0 is not used");
        assert_eq!(normalise("7KQM-3XPA"), None);
        assert_eq!(normalise("../../etc/passwd"), None);
    }
}
