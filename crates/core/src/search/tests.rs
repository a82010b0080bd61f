//! Ranking and pinyin matching over real pinyin keys (native, feature `pinyin`).

use super::*;
use crate::filter::CatalogFilter;
use crate::filter::ScopeFilter;
use crate::item::DepartmentKind;
use crate::keys::summary_with_keys;
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
    let filter = CatalogFilter {
        query: query.into(),
        ..Default::default()
    };
    index
        .search(&filter)
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
    assert_eq!(hit.name_ranges, vec![(2, 5)]);
    let filter = CatalogFilter {
        query: "wfz".into(),
        ..Default::default()
    };
    assert_eq!(index.search(&filter)[0].name_ranges, vec![(0, 3)]);
    let filter = CatalogFilter {
        query: "证明".into(),
        ..Default::default()
    };
    let hit = &index.search(&filter)[0];
    assert_eq!(hit.name_ranges, vec![(5, 7)]);
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
fn no_match_and_mid_syllable_starts_give_nothing() {
    assert!(names(&catalog(), "户口迁移").is_empty());
    assert!(
        names(&catalog(), "henfen").is_empty(),
        "pinyin must start on a syllable"
    );
}

#[test]
fn search_respects_filters_and_keeps_catalog_order_without_text() {
    let items: Vec<_> = synthetic_items(300).iter().map(summary_with_keys).collect();
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
