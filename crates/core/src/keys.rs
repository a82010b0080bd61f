//! Pinyin search keys, computed natively (feature `pinyin`): the mock API attaches them to each
//! item summary, so the wasm app searches pinyin without carrying any pinyin table.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyin;

use crate::item::ServiceItem;
use crate::summary::{ItemSummary, SearchKeys, READING_SEPARATOR};

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

/// One key per character of `text` (see [`SearchKeys`]): every toneless pinyin reading of a 汉字
/// (ü as "v", as pinyin keyboards type it), the reading in context first and the others after
/// [`READING_SEPARATOR`]; an ASCII letter or digit lower-cased (full-width ones folded to ASCII,
/// Roman numerals spelt out); "" for anything else. Keys are ASCII only, so the search code can
/// treat one byte as one letter.
pub fn syllables(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut readings: Vec<Vec<String>> = chars.iter().map(|&c| char_readings(c)).collect();
    for (phrase, context) in PHRASE_READINGS {
        let phrase: Vec<char> = phrase.chars().collect();
        for start in 0..chars.len().saturating_sub(phrase.len() - 1) {
            if chars[start..start + phrase.len()] == phrase[..] {
                for (k, reading) in context.iter().enumerate() {
                    let list = &mut readings[start + k];
                    list.retain(|r| r != reading);
                    list.insert(0, (*reading).to_owned());
                }
            }
        }
    }
    readings
        .into_iter()
        .map(|list| list.join(&READING_SEPARATOR.to_string()))
        .collect()
}

/// Characters that really have several readings in modern use, with those readings (toneless,
/// ü as v). The pinyin crate's heteronym table lists every reading ever attested, archaic ones
/// included (身 juān, 份 bīn, 明 mèng: almost a third of the catalog's characters), which would
/// bloat `/api/items` and answer "juanfen" with 身份证; so alternatives come from this list, and a
/// test checks every reading here against the crate's table.
const POLYPHONES: &str = "行:xing,hang 重:zhong,chong 调:diao,tiao 长:chang,zhang 还:hai,huan 藏:cang,zang 传:chuan,zhuan \
    乐:le,yue 曾:ceng,zeng 会:hui,kuai 了:le,liao 地:di,de 的:de,di 得:de,dei 着:zhe,zhao,zhuo 大:da,dai \
    度:du,duo 强:qiang,jiang 查:cha,zha 种:zhong,chong 落:luo,la,lao 解:jie,xie 转:zhuan,zhuai \
    约:yue,yao 系:xi,ji 车:che,ju 期:qi,ji 核:he,hu 提:ti,di 遗:yi,wei 陆:lu,liu 六:liu,lu 食:shi,si \
    便:bian,pian 差:cha,chai,ci 和:he,huo,hu 将:jiang,qiang 觉:jue,jiao 率:lv,shuai 没:mei,mo 模:mo,mu \
    朴:pu,piao,po 盛:sheng,cheng 识:shi,zhi 属:shu,zhu 数:shu,shuo 说:shuo,shui 似:si,shi 宿:su,xiu \
    省:sheng,xing 校:xiao,jiao 血:xue,xie 择:ze,zhai 扎:zha,za 折:zhe,she 参:can,shen,cen 称:cheng,chen \
    乘:cheng,sheng 单:dan,shan,chan 都:du,dou 给:gei,ji 角:jiao,jue 厦:sha,xia 石:shi,dan 区:qu,ou \
    仇:chou,qiu 奇:qi,ji 露:lu,lou 薄:bo,bao 否:fou,pi 佛:fo,fu 暴:bao,pu 屏:ping,bing 塞:sai,se \
    柏:bai,bo 蚌:bang,beng 秘:mi,bi 那:na,nei 叶:ye,xie 拓:tuo,ta 吓:xia,he 粘:zhan,nian 殖:zhi,shi \
    咽:yan,ye 俩:lia,liang 绿:lv,lu 亲:qin,qing 圈:quan,juan 雀:que,qiao 色:se,shai 什:shen,shi \
    熟:shu,shou 削:xiao,xue 吁:xu,yu 殷:yin,yan 栅:zha,shan 爪:zhua,zhao 幢:zhuang,chuang 综:zong,zeng \
    卡:ka,qia 壳:ke,qiao 恶:e,wu 茄:qie,jia 劲:jin,jing 勒:le,lei 抹:mo,ma 弄:nong,long 炮:pao,bao \
    迫:po,pai 栖:qi,xi 纤:xian,qian 弹:tan,dan 尉:wei,yu 囤:tun,dun 降:jiang,xiang 番:fan,pan 泌:mi,bi \
    莎:sha,suo 缪:miao,mou,miu 祭:ji,zhai 适:shi,kuo 隽:juan,jun 翟:zhai,di 广:guang,an 员:yuan,yun \
    冯:feng,ping 阿:a,e 伯:bo,bai";

/// The readings of `c`: its most common one first, then any others [`POLYPHONES`] lists.
/// Empty if `c` is not searchable by letters.
fn char_readings(c: char) -> Vec<String> {
    let Some(first) = c.to_pinyin() else {
        return ascii_spelling(c).into_iter().collect();
    };
    let mut readings = vec![plain(first)];
    for reading in polyphone_readings(c) {
        if !readings.iter().any(|r| r == reading) {
            readings.push(reading.to_owned());
        }
    }
    readings
}

fn polyphone_readings(c: char) -> impl Iterator<Item = &'static str> {
    static TABLE: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        POLYPHONES
            .split_whitespace()
            .filter_map(|entry| {
                let (character, readings) = entry.split_once(':')?;
                Some((character.chars().next()?, readings))
            })
            .collect()
    });
    table.get(&c).into_iter().flat_map(|r| r.split(','))
}

fn plain(reading: pinyin::Pinyin) -> String {
    reading.plain().replace('ü', "v")
}

/// How a user types a non-汉字 letter or digit on an ASCII keyboard, if at all.
fn ascii_spelling(c: char) -> Option<String> {
    const ROMAN: [&str; 12] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    let folded = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    match folded {
        c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase().to_string()),
        '\u{2160}'..='\u{216B}' => Some(ROMAN[folded as usize - 0x2160].to_owned()),
        '\u{2170}'..='\u{217B}' => Some(ROMAN[folded as usize - 0x2170].to_owned()),
        _ => None,
    }
}

/// The pinyin keys of an item's name and aliases.
pub fn search_keys(item: &ServiceItem) -> SearchKeys {
    let aliases: Vec<Vec<String>> = item.aliases.iter().map(|a| syllables(a)).collect();
    SearchKeys::from_entries(&syllables(&item.name), &aliases)
}

/// The catalog card of `item`, with its pinyin keys.
pub fn summary_with_keys(item: &ServiceItem) -> ItemSummary {
    ItemSummary::new(item, search_keys(item))
}

/// The cards of [`synthetic_items`](crate::synth::synthetic_items)`(n)`, with their keys: the
/// catalog `--synthetic n` serves, for benchmarks and tests at scale.
pub fn synthetic_summaries(n: usize) -> Vec<ItemSummary> {
    (crate::synth::synthetic_items(n).iter())
        .map(summary_with_keys)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The readings of each character, split.
    fn readings(text: &str) -> Vec<Vec<String>> {
        syllables(text)
            .iter()
            .map(|key| {
                key.split(READING_SEPARATOR)
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn one_key_per_character() {
        assert_eq!(syllables("身份证"), vec!["shen", "fen", "zheng"]);
        assert_eq!(
            syllables("12309控告")[..5],
            ["1", "2", "3", "0", "9"],
            "digits are their own key"
        );
        assert_eq!(syllables("（加急）").len(), 4);
        assert_eq!(syllables("（加急）")[0], "");
        assert_eq!(syllables("（加急）")[3], "");
    }

    #[test]
    fn u_umlaut_is_typed_as_v() {
        assert_eq!(syllables("律师"), vec!["lv", "shi"]);
    }

    #[test]
    fn polyphones_carry_every_reading_and_others_only_one() {
        let table: &[(&str, &[&str])] = &[
            ("行", &["xing", "hang"]),
            ("重", &["zhong", "chong"]),
            ("调", &["diao", "tiao"]),
            ("长", &["chang", "zhang"]),
            ("还", &["hai", "huan"]),
            ("藏", &["cang", "zang"]),
            ("传", &["chuan", "zhuan"]),
            ("乐", &["le", "yue"]),
            ("曾", &["ceng", "zeng"]),
            ("会", &["hui", "kuai"]),
        ];
        for (c, expected) in table {
            let got = &readings(c)[0];
            for reading in *expected {
                assert!(got.iter().any(|r| r == reading), "{c}: {got:?}");
            }
            let mut distinct = got.clone();
            distinct.dedup();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), got.len(), "{c}: no reading twice: {got:?}");
        }
        // 为 is wéi or wèi: one key without tones, so no alternative is sent.
        assert_eq!(syllables("为"), vec!["wei"]);
        assert_eq!(syllables("证明"), vec!["zheng", "ming"]);
    }

    #[test]
    fn the_polyphone_table_agrees_with_the_pinyin_crate() {
        use pinyin::ToPinyinMulti;
        let mut seen = std::collections::HashSet::new();
        for entry in POLYPHONES.split_whitespace() {
            let (c, listed) = entry.split_once(':').expect("char:readings");
            let c = c.chars().next().unwrap();
            assert!(seen.insert(c), "{c} listed twice");
            assert!(listed.contains(','), "{c}: one reading is no polyphone");
            let known: Vec<String> = c
                .to_pinyin_multi()
                .unwrap_or_else(|| panic!("{c} has no pinyin"))
                .into_iter()
                .map(plain)
                .collect();
            for reading in listed.split(',') {
                assert!(
                    known.iter().any(|k| k == reading),
                    "{c} {reading}: {known:?}"
                );
            }
        }
        assert!(seen.len() >= 100, "{} polyphones", seen.len());
    }

    #[test]
    fn phrases_put_the_reading_in_context_first() {
        assert_eq!(readings("人民调解申请")[2][0], "tiao");
        assert_eq!(readings("重庆市")[0][0], "chong");
        assert!(readings("重庆市")[0].contains(&"zhong".to_owned()));
        assert_eq!(readings("监狱会见预约")[2][0], "hui");
        assert_eq!(readings("银行")[1][0], "hang");
    }

    #[test]
    fn keys_are_ascii_letters_and_digits_only() {
        assert_eq!(syllables("ＳＦＺ１２"), vec!["s", "f", "z", "1", "2"]);
        assert_eq!(syllables("Ⅱ类ⅳ")[0], "ii");
        assert_eq!(syllables("Ⅱ类ⅳ")[2], "iv");
        assert_eq!(syllables("α①—"), vec!["", "", ""]);
        for text in ["出入境Ⅱ类（１号）", "ＡＢＣ证明αβ", "À la carte ß"] {
            for key in syllables(text) {
                assert!(
                    key.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'|'),
                    "{text}: {key:?}"
                );
            }
        }
    }

    #[test]
    fn validation_accepts_names_with_odd_letters_and_digits() {
        let mut item = crate::synth::synthetic_items(1).remove(0);
        assert!(crate::validate::validate_item(&item).is_empty());
        item.name = "出入境证件Ⅱ类（１号）办理".into();
        item.aliases = vec!["ⅡＡ类".into(), "①号窗口".into()];
        assert_eq!(crate::validate::validate_item(&item), vec![]);
        let keys = search_keys(&item);
        assert_eq!(keys.name_entries().count(), item.name.chars().count());
    }
}
