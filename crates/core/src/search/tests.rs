//! Ranking and pinyin matching over real pinyin keys (native, feature `pinyin`).

use super::*;
use crate::filter::CatalogFilter;
use crate::filter::ScopeFilter;
use crate::item::DepartmentKind;
use crate::keys::{summary_with_keys, synthetic_summaries};
use crate::summary::{ItemSummary, SearchKeys};
use crate::synth::synthetic_items;

fn named(names: &[(&str, &[&str], &str)]) -> SearchIndex {
    let base = synthetic_items(1).remove(0);
    let items = names
        .iter()
        .enumerate()
        .map(|(i, (name, aliases, summary))| {
            let mut item = base.clone();
            item.code = format!("T{i}");
            item.name = (*name).to_owned();
            item.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
            item.summary = (*summary).to_owned();
            summary_with_keys(&item)
        })
        .collect();
    SearchIndex::new(items)
}

fn names(index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(&CatalogFilter::with_query(query))
        .iter()
        .map(|h| index.items()[h.index].name.clone())
        .collect()
}

fn catalog() -> SearchIndex {
    named(&[
        (
            "居民身份证换领",
            &["身份证", "换身份证"],
            "身份证有效期满换领新证。",
        ),
        (
            "无犯罪记录证明开具",
            &["无犯罪证明"],
            "出具本人有无犯罪记录的证明。",
        ),
        (
            "临时居民身份证申领",
            &[],
            "申领身份证期间急需使用的临时证件。",
        ),
        ("普通护照签发", &["护照"], "因私出国申请护照。"),
        ("人民调解申请", &[], "邻里纠纷可申请调解。"),
        ("驾驶证补证", &[], "驾驶证遗失后补领。"),
    ])
}

#[test]
fn hanzi_full_pinyin_and_initials_all_find_the_id_card_items() {
    let index = catalog();
    for q in [
        "身份证",
        "shenfenzheng",
        "sfz",
        "SFZ",
        "shen fen zheng",
        "ShenFen",
    ] {
        let found = names(&index, q);
        assert_eq!(
            &found[..2],
            ["居民身份证换领", "临时居民身份证申领"],
            "query {q:?} gave {found:?}"
        );
    }
}

#[test]
fn initials_find_the_criminal_record_certificate() {
    let index = catalog();
    assert_eq!(names(&index, "wfz"), vec!["无犯罪记录证明开具"]);
    assert_eq!(names(&index, "wufanzui"), vec!["无犯罪记录证明开具"]);
}

#[test]
fn context_readings_are_searchable() {
    assert_eq!(names(&catalog(), "tiaojie"), vec!["人民调解申请"]);
}

#[test]
fn name_ranks_above_alias_above_description() {
    let index = named(&[
        ("出入境证件办理", &[], "包括护照等证件。"),
        ("普通护照签发", &[], "因私出国。"),
        ("出国证件", &["护照"], "出境用证。"),
        ("护照", &[], "签发护照。"),
    ]);
    assert_eq!(
        names(&index, "护照"),
        vec!["护照", "普通护照签发", "出国证件", "出入境证件办理"]
    );
}

#[test]
fn exact_ranks_above_prefix_above_partial_in_pinyin() {
    let index = named(&[
        ("换领护照", &[], "x"),
        ("护照补领", &[], "x"),
        ("护照", &[], "x"),
    ]);
    assert_eq!(
        names(&index, "huzhao"),
        vec!["护照", "护照补领", "换领护照"]
    );
    assert_eq!(names(&index, "hz"), vec!["护照", "护照补领", "换领护照"]);
}

#[test]
fn pinyin_matches_highlight_the_matched_characters() {
    let index = catalog();
    let filter = CatalogFilter {
        query: "shenfenz".into(),
        ..Default::default()
    };
    let hit = &index.search(&filter)[0];
    assert_eq!(index.items()[hit.index].name, "居民身份证换领");
    assert_eq!(index.name_ranges(hit.index, "shenfenz"), vec![(2, 5)]);
    let filter = CatalogFilter {
        query: "wfz".into(),
        ..Default::default()
    };
    let hit = &index.search(&filter)[0];
    assert_eq!(index.name_ranges(hit.index, "wfz"), vec![(0, 3)]);
    let filter = CatalogFilter {
        query: "证明".into(),
        ..Default::default()
    };
    let hit = &index.search(&filter)[0];
    assert_eq!(index.name_ranges(hit.index, "证明"), vec![(5, 7)]);
    assert_eq!(index.summary_ranges(hit.index, "证明"), vec![(11, 13)]);
    assert_eq!(
        index.summary_ranges(hit.index, "z"),
        vec![],
        "single letters are not highlighted"
    );
}

#[test]
fn a_single_letter_matches_only_from_the_start() {
    // "z" would be inside most names' initials; only names starting with a z-syllable count.
    assert_eq!(names(&catalog(), "z"), Vec::<String>::new());
    assert_eq!(names(&catalog(), "j"), vec!["驾驶证补证", "居民身份证换领"]);
}

#[test]
fn one_character_matches_names_and_aliases_not_summaries_or_departments() {
    // Every item here is the synthetic item's, whose department is a 公安局.
    let index = named(&[
        ("公证申请", &[], "办理公证。"),
        ("护照签发", &["出境公民证件"], "因私出国。"),
        ("出生登记", &[], "公民出生后申报户口。"),
    ]);
    assert!(index.items()[2].department.contains('公'));
    assert_eq!(names(&index, "公"), vec!["公证申请", "护照签发"]);
    assert_eq!(names(&index, "公民"), vec!["护照签发", "出生登记"]);
    assert_eq!(
        names(&index, "公安"),
        vec!["公证申请", "护照签发", "出生登记"]
    );
    assert_eq!(index.summary_ranges(2, "公"), vec![]);
    assert_eq!(index.summary_ranges(2, "公民"), vec![(0, 2)]);
}

#[test]
fn no_match_and_mid_syllable_starts_give_nothing() {
    assert!(names(&catalog(), "户口迁移").is_empty());
    assert!(
        names(&catalog(), "henfen").is_empty(),
        "pinyin must start on a syllable"
    );
}

#[test]
fn search_respects_filters_and_keeps_catalog_order_without_text() {
    let items = synthetic_summaries(300);
    let index = SearchIndex::new(items);
    let filter = CatalogFilter {
        department: Some(DepartmentKind::Police),
        cross_province: Some(ScopeFilter::Any),
        ..Default::default()
    };
    let hits = index.search(&filter);
    assert!(!hits.is_empty());
    assert!(hits.windows(2).all(|w| w[0].index < w[1].index));
    assert!(hits.iter().all(|h| filter.accepts(&index.items()[h.index])));
    let with_text = CatalogFilter {
        query: "sfz".into(),
        ..filter
    };
    let narrowed = index.search(&with_text);
    assert!(!narrowed.is_empty() && narrowed.len() < hits.len());
    assert!(narrowed
        .iter()
        .all(|h| index.items()[h.index].name.contains("身份证")));
}

#[test]
fn every_reading_of_a_polyphone_finds_the_item() {
    let index = named(&[
        ("特种行业许可证核发", &[], "x"),
        ("违法行为罚款缴纳", &[], "x"),
        ("重新申领", &["重庆办证"], "x"),
        ("家长会见", &[], "x"),
        ("还款证明", &[], "x"),
        ("西藏通行证", &[], "x"),
        ("传唤通知", &[], "x"),
        ("音乐快乐", &[], "x"),
        ("人民调解", &["调取档案"], "x"),
        ("曾用名证明", &[], "x"),
    ]);
    let table: &[(&str, &str)] = &[
        ("hangye", "特种行业许可证核发"),
        ("tezhonghangye", "特种行业许可证核发"),
        ("tzhy", "特种行业许可证核发"),
        ("xingwei", "违法行为罚款缴纳"),
        ("weifaxingwei", "违法行为罚款缴纳"),
        ("chongxin", "重新申领"),
        ("cx", "重新申领"),
        ("chongqing", "重新申领"),
        ("jiazhang", "家长会见"),
        ("huankuan", "还款证明"),
        ("xizang", "西藏通行证"),
        ("chuanhuan", "传唤通知"),
        ("yinyue", "音乐快乐"),
        ("kuaile", "音乐快乐"),
        ("tiaojie", "人民调解"),
        ("diaoqu", "人民调解"),
        ("zengyongming", "曾用名证明"),
        ("cengyongming", "曾用名证明"),
    ];
    for (query, item) in table {
        assert!(
            names(&index, query).iter().any(|n| n == item),
            "{query:?} should find {item}, found {:?}",
            names(&index, query)
        );
    }
    // A reading a character does not have finds nothing.
    assert!(names(&index, "xingyue").is_empty());
}

#[test]
fn a_polyphone_match_highlights_its_characters_and_ranks_as_pinyin() {
    let index = named(&[("旅馆业特种行业许可", &[], "x"), ("行业", &[], "x")]);
    let filter = CatalogFilter {
        query: "hangye".into(),
        ..Default::default()
    };
    let hits = index.search(&filter);
    assert_eq!(index.items()[hits[0].index].name, "行业");
    assert_eq!(index.name_ranges(hits[0].index, "hangye"), vec![(0, 2)]);
    assert_eq!(index.name_ranges(hits[1].index, "hangye"), vec![(5, 7)]);
    assert!(hits[0].score > hits[1].score, "exact above partial");
}

#[test]
fn the_summary_match_ignores_spaces_like_the_query() {
    let index = named(&[("法律咨询", &[], "拨打 12348 热线，或到窗口咨询。")]);
    for query in ["12348热线", "12348 热线", "拨打12348"] {
        assert_eq!(names(&index, query), vec!["法律咨询"], "{query:?}");
    }
    // The highlight spans the original characters, space included.
    assert_eq!(index.summary_ranges(0, "12348热线"), vec![(3, 11)]);
    assert_eq!(index.summary_ranges(0, "热 线"), vec![(9, 11)]);
}

/// An item with the given name, aliases and raw keys (keys as any client might receive them).
fn with_raw_keys(name: &str, aliases: &[&str], keys: SearchKeys) -> ItemSummary {
    let mut item = summary_with_keys(&synthetic_items(1)[0]);
    item.name = name.to_owned();
    item.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
    item.summary = name.to_owned();
    item.keys = keys;
    item
}

#[test]
fn multi_byte_keys_do_not_panic_the_initials_matcher() {
    // The keys a former version computed for "出入境Ⅱ类证件": "ⅱ" is three bytes, and the
    // initials matcher took the byte offset of "lzj" for a syllable index.
    let keys = SearchKeys::from_entries(&["chu", "ru", "jing", "ⅱ", "lei", "zheng", "jian"], &[]);
    let index = SearchIndex::new(vec![with_raw_keys("出入境Ⅱ类证件", &[], keys)]);
    for q in ["lzj", "zj", "crj", "leizheng", "jing", "ⅱ"] {
        let _ = index.search(&CatalogFilter {
            query: q.into(),
            ..Default::default()
        });
    }
    assert_eq!(names(&index, "lzj"), vec!["出入境Ⅱ类证件"]);
    assert_eq!(names(&index, "crj"), vec!["出入境Ⅱ类证件"]);
    // Today's keys spell Ⅱ and fold full-width digits.
    let index = named(&[("出入境Ⅱ类证件（１号）", &["Ⅱ类１号"], "x")]);
    assert_eq!(names(&index, "crjilzj"), vec!["出入境Ⅱ类证件（１号）"]);
    assert_eq!(names(&index, "jingiilei"), vec!["出入境Ⅱ类证件（１号）"]);
    assert_eq!(names(&index, "lzj1h"), vec!["出入境Ⅱ类证件（１号）"]);
    assert_eq!(names(&index, "Ⅱ类"), vec!["出入境Ⅱ类证件（１号）"]);
}

/// A small deterministic generator (no dev-dependency needed).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

#[test]
fn odd_names_aliases_keys_and_queries_never_panic() {
    const ODD: &[&str] = &[
        "Ⅱ", "ⅻ", "１", "Ａ", "ａ", "α", "ß", "İ", "①", "é", "e\u{301}", "😀", "\u{0}", " ", "　",
        "行", "重", "长", "证", "i", "I", "1", "z", "（", "·", "—", "|", "ǖ", "ü", "a|b", "",
    ];
    let mut rng = Lcg(12);
    let text = |rng: &mut Lcg, max: usize| -> String {
        (0..rng.next(max + 1))
            .map(|_| ODD[rng.next(ODD.len())])
            .collect()
    };
    let mut items = Vec::new();
    for i in 0..300 {
        let name = text(&mut rng, 8);
        let name = if name.trim().is_empty() {
            format!("事项{i}")
        } else {
            name
        };
        let aliases: Vec<String> = (0..rng.next(3)).map(|_| text(&mut rng, 6)).collect();
        let alias_refs: Vec<&str> = aliases.iter().map(String::as_str).collect();
        // Half get real keys, half arbitrary ones (wrong lengths, non-ASCII, separators).
        let keys = if i % 2 == 0 {
            let mut item = synthetic_items(1).remove(0);
            item.name = name.clone();
            item.aliases = aliases.clone();
            crate::keys::search_keys(&item)
        } else {
            let name: Vec<String> = (0..rng.next(10)).map(|_| text(&mut rng, 3)).collect();
            let aliases: Vec<Vec<String>> = (0..rng.next(4))
                .map(|_| (0..rng.next(5)).map(|_| text(&mut rng, 3)).collect())
                .collect();
            SearchKeys::from_entries(&name, &aliases)
        };
        items.push(with_raw_keys(&name, &alias_refs, keys));
    }
    let index = SearchIndex::new(items);
    let session = crate::session::SearchSession::new(std::sync::Arc::new(index));
    let mut queries = 0;
    for _ in 0..2_000 {
        let q = if rng.next(2) == 0 {
            text(&mut rng, 5)
        } else {
            (0..1 + rng.next(12))
                .map(|_| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[rng.next(36)]))
                .collect()
        };
        let filter = CatalogFilter {
            query: q.clone(),
            ..Default::default()
        };
        let hits = session.search(&filter);
        assert_eq!(hits.all(), session.index().search(&filter), "{q:?}");
        for hit in hits.top(5) {
            let _ = session.index().summary_ranges(hit.index, &q);
            let name = &session.index().items()[hit.index].name;
            let _ = highlight_segments(name, &session.index().name_ranges(hit.index, &q));
        }
        queries += 1;
    }
    assert_eq!(queries, 2_000);
}

#[test]
fn the_search_data_is_built_on_first_need_and_listing_does_not_need_it() {
    let index = SearchIndex::new(synthetic_summaries(50));
    // Listing and filtering without text: no search data yet.
    let all = index.search(&CatalogFilter::default());
    assert_eq!(all.len(), 50);
    // …nor finding what to highlight on the cards of that list.
    for hit in all.iter().take(10) {
        assert!(index.name_ranges(hit.index, "").is_empty());
        assert!(index.summary_ranges(hit.index, " ").is_empty());
    }
    assert!(!index.is_prepared());
    // The first search with text builds it, and finds the same as an index prepared up front.
    let query = CatalogFilter {
        query: "bj".into(),
        ..Default::default()
    };
    let lazy = index.search(&query);
    assert!(index.is_prepared());
    let eager = SearchIndex::new(synthetic_summaries(50));
    eager.prepare();
    assert!(eager.is_prepared());
    assert_eq!(lazy, eager.search(&query));
    assert!(!lazy.is_empty());
}

#[test]
fn the_search_data_built_a_slice_at_a_time_finds_what_it_would_at_once() {
    let items = || synthetic_summaries(50);
    let query = CatalogFilter {
        query: "bj".into(),
        ..Default::default()
    };
    let eager = SearchIndex::new(items());
    eager.prepare();
    let expected = eager.search(&query);
    assert!(!expected.is_empty());

    // Slices until done: each call builds at most its share, the last one says so.
    let sliced = SearchIndex::new(items());
    let calls = std::iter::repeat_with(|| sliced.prepare_some(12))
        .take_while(|done| !done)
        .count();
    assert_eq!(
        calls, 4,
        "12 + 12 + 12 + 12 items, then the last 2 finish it"
    );
    assert!(sliced.is_prepared());
    assert!(sliced.prepare_some(12));
    assert_eq!(sliced.search(&query), expected);

    // A search part-way through builds the rest at once.
    let partial = SearchIndex::new(items());
    assert!(!partial.prepare_some(20));
    assert!(!partial.is_prepared());
    assert_eq!(partial.search(&query), expected);
    assert!(partial.is_prepared());
}

#[test]
fn a_sort_key_orders_by_score_then_name_length_then_catalog_order_and_gives_the_hit_back() {
    let hits = [
        (1000, 2, 7),
        (800, 2, 3),
        (800, 9, 1),
        (800, 9, 4),
        (150, 1, 0),
    ];
    let keys: Vec<u64> = hits
        .iter()
        .rev()
        .map(|&(score, chars, index)| super::sort_key(score, chars, index))
        .collect();
    let back: Vec<(u32, usize)> = super::Ranking::new(keys)
        .all()
        .into_iter()
        .map(|hit| (hit.score, hit.index))
        .collect();
    assert_eq!(back, [(1000, 7), (800, 3), (800, 1), (800, 4), (150, 0)]);
}

#[test]
fn the_one_character_shortcuts_reject_only_items_one_character_cannot_match() {
    let mut items = synthetic_summaries(3_000);
    items.extend(catalog().items().iter().cloned());
    // An alias whose characters are not in the name.
    let alias_only = named(&[("护照签发", &["出境公民证件"], "因私出国。")]);
    items.extend(alias_only.items().iter().cloned());
    // Every letter and digit; the characters of every alias (an alias is often the only text
    // holding one); 汉字 common in names, in summaries only, and in neither; punctuation.
    let mut singles: Vec<String> = (b'a'..=b'z')
        .chain(b'0'..=b'9')
        .map(|b| char::from(b).to_string())
        .chain("证居公户护照驾驶律援申请的和与鑫".chars().map(String::from))
        .chain(["-".to_owned(), "（".to_owned()])
        .collect();
    for item in &items {
        singles.extend(
            item.aliases
                .iter()
                .flat_map(|a| a.chars())
                .map(String::from),
        );
    }
    singles.sort();
    singles.dedup();
    let (mut letters, mut others, mut rejected) = (0, 0, 0);
    for item in &items {
        let mut arena = super::pinyin::PinyinArena::default();
        let entry = super::entry::Entry::new(item, &mut arena);
        let mut gates = super::gate::Gates::default();
        gates.push(entry.gate(&arena));
        for q in &singles {
            let query = super::entry::Query::new(q);
            let found = entry.score(&query, &arena);
            if !gates.may_match(0, &query) {
                assert_eq!(found, None, "{q:?} on {}", item.name);
                rejected += 1;
            }
            if found.is_some() {
                if q.is_ascii() {
                    letters += 1;
                } else {
                    others += 1;
                }
            }
        }
    }
    assert!(rejected > 10_000, "the gates reject: {rejected}");
    assert!(
        letters > 1_000 && others > 1_000,
        "one character matches often enough to be a test: {letters} letters, {others} others"
    );
}

#[test]
fn the_bloom_filter_rejects_only_items_that_cannot_match() {
    // Queries cut from the items' own texts (汉字, pinyin, initials, mixed), so most match something.
    let items = synthetic_summaries(800);
    let index = SearchIndex::new(items.clone());
    let mut arena = super::pinyin::PinyinArena::default();
    let entries: Vec<super::entry::Entry> = items
        .iter()
        .map(|item| super::entry::Entry::new(item, &mut arena))
        .collect();
    let mut rng = Lcg(7);
    let mut found = 0;
    for round in 0..600 {
        let item = &items[rng.next(items.len())];
        let source: Vec<char> = match round % 4 {
            0 => item.name.chars().collect(),
            1 => item.summary.chars().collect(),
            2 => item
                .keys
                .name
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect(),
            _ => format!(
                "{}{}",
                &item.keys.name[..2.min(item.keys.name.len())],
                item.name
            )
            .chars()
            .collect(),
        };
        let start = rng.next(source.len().max(1));
        let len = 1 + rng.next(6);
        let q: String = source.iter().skip(start).take(len).collect();
        let q = normalize_query(&q);
        if q.is_empty() {
            continue;
        }
        let query = super::entry::Query::new(&q);
        let mut expected: Vec<usize> = (0..items.len())
            .filter(|&i| entries[i].score(&query, &arena).is_some())
            .collect();
        let filter = CatalogFilter {
            query: q.clone(),
            ..Default::default()
        };
        let mut got: Vec<usize> = index.search(&filter).iter().map(|h| h.index).collect();
        got.sort_unstable();
        expected.sort_unstable();
        assert_eq!(got, expected, "{q:?}");
        found += got.len();
    }
    assert!(
        found > 5_000,
        "the queries match often enough to be a test: {found}"
    );
}

#[test]
fn full_pinyin_matches_on_both_sides_of_64_letters() {
    // 中华人民共和国 = zhonghuarenmingongheguo (23 letters): three times over is 69 letters.
    let long = "中华人民共和国中华人民共和国中华人民共和国";
    let index = named(&[(long, &[], ""), ("身份证", &[], "")]);
    let spelled = "zhonghuarenmingongheguo".repeat(3);
    for cut in [5, 40, 63, 64, 65, 69] {
        assert_eq!(
            names(&index, &spelled[..cut]),
            vec![long.to_owned()],
            "first {cut} letters"
        );
    }
    // One wrong letter past the 64th still fails, and so does one past the
    // 127-letter limit.
    let mut wrong = spelled.clone();
    wrong.replace_range(66..67, "x");
    assert!(names(&index, &wrong).is_empty(), "{wrong}");
    assert!(names(&index, &"zhong".repeat(26)).is_empty());
}

#[test]
fn letters_and_digits_in_a_name_match_and_rank_as_a_name_match() {
    // The letter sets that let pinyin queries skip scanning Chinese text must never skip a name
    // or summary that has the query's letters. A name match (partial, 800) ranks above an exact
    // alias (760), which ranks above the same digits read as the name's "pinyin" (620).
    let index = named(&[
        ("拨打12309检察服务热线", &[], "检察机关的服务热线。"),
        ("检察服务", &["12309"], "检察机关的服务。"),
        ("办理ETC通行卡", &[], "高速公路 ETC 通行卡。"),
        ("护照签发", &[], "出国用 12309 以外的证件。"),
    ]);
    assert_eq!(
        names(&index, "12309"),
        vec!["拨打12309检察服务热线", "检察服务", "护照签发"]
    );
    assert_eq!(names(&index, "etc"), vec!["办理ETC通行卡"]);
    assert_eq!(names(&index, "ＥＴＣ通行"), vec!["办理ETC通行卡"]);
    assert_eq!(index.name_ranges(0, "12309"), vec![(2, 7)]);
}

#[test]
fn letters_in_any_alias_or_the_department_are_found() {
    // The letter sets also let a pinyin query skip aliases and the department: an item whose
    // second alias or whose department holds the query's letters must still be found.
    let base = synthetic_items(1).remove(0);
    let item = |code: &str, name: &str, aliases: &[&str], department: &str| {
        let mut item = base.clone();
        item.code = code.to_owned();
        item.name = name.to_owned();
        item.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
        item.department.name = department.to_owned();
        summary_with_keys(&item)
    };
    let index = SearchIndex::new(vec![
        item("T0", "额头才能检查", &[], "卫生健康委员会"),
        item("T1", "通行卡办理", &["高速卡", "ETC卡"], "交通运输局"),
        item("T2", "诉讼咨询", &["咨询"], "12368诉讼服务中心"),
        item("T3", "护照签发", &["出境证件"], "出入境管理局"),
    ]);
    // Found in the second alias's text (700), above the initials of 额头才 (580); an alias read
    // only through its pinyin would rank below them (480).
    assert_eq!(names(&index, "etc"), vec!["通行卡办理", "额头才能检查"]);
    assert_eq!(names(&index, "12368"), vec!["诉讼咨询"]);
    assert!(names(&index, "xyz12368").is_empty());
}
