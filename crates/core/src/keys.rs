//! Pinyin search keys, computed natively (feature `pinyin`): the mock API attaches them to each
//! item summary, so the wasm app searches pinyin without carrying any pinyin table.

use pinyin::ToPinyin;

use crate::item::ServiceItem;
use crate::summary::{ItemSummary, SearchKeys};

/// Words whose characters read differently from the characters' most common reading.
/// The pinyin crate reads character by character, so these fix the readings in context.
const PHRASE_READINGS: &[(&str, &[&str])] = &[
    ("调解", &["tiao", "jie"]),
    ("重庆", &["chong", "qing"]),
    ("银行", &["yin", "hang"]),
    ("行驶", &["xing", "shi"]),
    ("单位", &["dan", "wei"]),
    ("会见", &["hui", "jian"]),
    ("会计", &["kuai", "ji"]),
    ("传唤", &["chuan", "huan"]),
    ("强制", &["qiang", "zhi"]),
    ("给付", &["ji", "fu"]),
    ("朝阳", &["chao", "yang"]),
    ("长沙", &["chang", "sha"]),
    ("长春", &["chang", "chun"]),
    ("厦门", &["xia", "men"]),
    ("蚌埠", &["beng", "bu"]),
    ("都江堰", &["du", "jiang", "yan"]),
];

/// One key per character of `text` (see [`SearchKeys`]): toneless pinyin for a 汉字 (ü as "v",
/// as pinyin keyboards type it), the lower-cased character for a letter or digit, "" otherwise.
pub fn syllables(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut keys: Vec<String> = chars
        .iter()
        .map(|&c| match c.to_pinyin() {
            Some(p) => p.plain().replace('ü', "v"),
            None if c.is_alphanumeric() => c.to_lowercase().collect(),
            None => String::new(),
        })
        .collect();
    for (phrase, readings) in PHRASE_READINGS {
        let phrase: Vec<char> = phrase.chars().collect();
        for start in 0..chars.len().saturating_sub(phrase.len() - 1) {
            if chars[start..start + phrase.len()] == phrase[..] {
                for (k, reading) in readings.iter().enumerate() {
                    keys[start + k] = (*reading).to_owned();
                }
            }
        }
    }
    keys
}

/// The pinyin keys of an item's name and aliases.
pub fn search_keys(item: &ServiceItem) -> SearchKeys {
    SearchKeys {
        name: syllables(&item.name),
        aliases: item.aliases.iter().map(|a| syllables(a)).collect(),
    }
}

/// The catalog card of `item`, with its pinyin keys.
pub fn summary_with_keys(item: &ServiceItem) -> ItemSummary {
    ItemSummary::new(item, search_keys(item))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_key_per_character() {
        assert_eq!(
            syllables("居民身份证"),
            vec!["ju", "min", "shen", "fen", "zheng"]
        );
        assert_eq!(
            syllables("12309控告"),
            vec!["1", "2", "3", "0", "9", "kong", "gao"]
        );
        assert_eq!(syllables("（加急）"), vec!["", "jia", "ji", ""]);
    }

    #[test]
    fn u_umlaut_is_typed_as_v() {
        assert_eq!(syllables("律师"), vec!["lv", "shi"]);
    }

    #[test]
    fn phrases_fix_context_readings() {
        assert_eq!(syllables("人民调解申请")[2..4], ["tiao", "jie"]);
        assert_eq!(syllables("重庆市")[..2], ["chong", "qing"]);
        assert_eq!(syllables("监狱会见预约")[2..4], ["hui", "jian"]);
    }
}
