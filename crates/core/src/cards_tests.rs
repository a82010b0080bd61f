use super::*;
use crate::keys::synthetic_summaries;

/// A card with everything that could trip a separator or an empty list.
fn awkward() -> ItemSummary {
    let mut card = synthetic_summaries(1).remove(0);
    card.name = "名称\t带制表符\n和换行\r与反斜杠\\以及\u{1f}分隔符".to_owned();
    card.aliases = vec![String::new(), "别名\\t不是转义".to_owned()];
    card.summary = "\\".to_owned();
    card.scope.region = Some(String::new());
    card.keys = SearchKeys::from_entries(&["ming", "", "a"], &[vec![], vec!["bie", "ming|ming"]]);
    card.themes = vec![];
    card.audiences = vec![Audience::Personal, Audience::Legal];
    card
}

#[test]
fn cards_come_back_exactly_as_they_were_sent() {
    let mut sent = synthetic_summaries(300);
    sent.push(awkward());
    let encoded = encode(&sent);
    assert_eq!(decode(&encoded).unwrap(), sent);
    // One line per card after the header, whatever the text held.
    assert_eq!(encoded.lines().count(), sent.len() + 1);
    assert!(encoded.starts_with("CARDS1\t301\n"));
}

#[test]
fn an_empty_catalog_is_a_header_alone() {
    assert_eq!(encode(&[]), "CARDS1\t0");
    assert_eq!(decode("CARDS1\t0").unwrap(), vec![]);
}

#[test]
fn the_format_is_smaller_than_the_json_list() {
    let sent = synthetic_summaries(1000);
    let json = serde_json::to_string(&sent).unwrap();
    let encoded = encode(&sent);
    assert!(
        encoded.len() * 10 < json.len() * 7,
        "{} B as cards vs {} B as JSON",
        encoded.len(),
        json.len()
    );
}

#[test]
fn a_malformed_input_is_refused_naming_its_line() {
    let sent = synthetic_summaries(3);
    let good = encode(&sent);
    let lines: Vec<&str> = good.split('\n').collect();

    let wrong_header = decode(&good.replacen("CARDS1", "CARDS9", 1)).unwrap_err();
    assert_eq!(wrong_header.line, 1);
    assert!(wrong_header.problem.contains("CARDS1"), "{wrong_header}");

    assert_eq!(decode("").unwrap_err().line, 1);
    assert_eq!(decode("CARDS1\tmany").unwrap_err().line, 1);

    let short = format!("{}\n{}\n{}", lines[0], lines[1], lines[2]);
    let missing = decode(&short).unwrap_err();
    assert!(
        missing.problem.contains("announces 3 cards, 2 follow"),
        "{missing}"
    );

    let truncated = format!("{}\n{}\ncut\n{}", lines[0], lines[1], lines[3]);
    let cut = decode(&truncated).unwrap_err();
    assert_eq!(cut.line, 3);
    assert!(cut.problem.contains("expected 19"), "{cut}");

    let extra_field = good.replacen(lines[2], &format!("{}\textra", lines[2]), 1);
    assert_eq!(decode(&extra_field).unwrap_err().line, 3);

    let label = sent[1].department_kind.label();
    let bad_kind = good.replacen(
        &format!("\t{label}\t{}", sent[1].department),
        &format!("\t派出所\t{}", sent[1].department),
        1,
    );
    let unknown = decode(&bad_kind).unwrap_err();
    assert!(
        unknown
            .problem
            .contains("unknown department kind \"派出所\""),
        "{unknown}"
    );
}

#[test]
fn a_bad_flag_or_number_is_named() {
    let sent = synthetic_summaries(1);
    let encoded = encode(&sent);
    let mut fields: Vec<String> = encoded
        .split('\n')
        .nth(1)
        .unwrap()
        .split('\t')
        .map(str::to_owned)
        .collect();
    fields[12] = "yes".to_owned();
    let bad = format!("CARDS1\t1\n{}", fields.join("\t"));
    assert!(decode(&bad)
        .unwrap_err()
        .problem
        .contains("commitment is not 1 or 0"));
    fields[12] = "1".to_owned();
    fields[8] = "-1".to_owned();
    let bad = format!("CARDS1\t1\n{}", fields.join("\t"));
    assert!(decode(&bad)
        .unwrap_err()
        .problem
        .contains("visits is not a number"));
}

#[test]
fn unknown_escapes_and_a_trailing_backslash_are_kept_as_written() {
    assert_eq!(unescape("a\\qb"), "a\\qb");
    assert_eq!(unescape("end\\"), "end\\");
    assert_eq!(unescape("\\t\\n\\\\"), "\t\n\\");
}

#[test]
fn the_head_is_the_count_and_the_first_cards_alone() {
    let sent = synthetic_summaries(30);
    let encoded = encode(&sent);
    assert_eq!(
        decode_head(&encoded, 10).unwrap(),
        (30, sent[..10].to_vec())
    );
    assert_eq!(decode_head(&encoded, 50).unwrap(), (30, sent.clone()));
    // Only the lines read are checked: a broken line 20 does not stop the head.
    let lines: Vec<&str> = encoded.split('\n').collect();
    let broken = encoded.replacen(lines[20], "cut", 1);
    assert_eq!(decode_head(&broken, 10).unwrap().1, sent[..10].to_vec());
    assert_eq!(decode(&broken).unwrap_err().line, 21);
    assert_eq!(decode_head(&broken, 25).unwrap_err().line, 21);
    assert_eq!(decode_head("CARDS9\t1", 10).unwrap_err().line, 1);
}
