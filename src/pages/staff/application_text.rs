//! How an application reads on the staff pages, tested natively: times, action ids, note labels
//! and answers whose form is no longer known.

use portal_core::form::Answer;
use portal_core::status::Action;

/// "2026-12-02T09:05:33+08:00" → "2026-12-02 09:05" (times are stored at UTC+8); anything else
/// is shown as it came.
pub fn short_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(day), Some(time)) if rfc3339.as_bytes().get(10) == Some(&b'T') => {
            format!("{day} {time}")
        }
        _ => rfc3339.to_owned(),
    }
}

/// An ASCII id for an action's note field (HTML ids and `#` links).
pub fn action_slug(action: Action) -> &'static str {
    match action {
        Action::Accept => "accept",
        Action::Reject => "reject",
        Action::RequestCorrection => "request-correction",
        Action::StartReview => "start-review",
        Action::Complete => "complete",
        Action::Resubmit => "resubmit",
    }
}

/// "the reason for not accepting" → "The reason for not accepting" (a label starts a line).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An answer as plain text, for an item whose form is no longer known (no summary rows).
pub fn raw_answer_text(answer: &Answer) -> String {
    match answer {
        Answer::Bool(true) => "✓".to_owned(),
        Answer::Bool(false) => "✗".to_owned(),
        Answer::Number(n) => portal_core::messages::format_number(*n),
        Answer::Text(text) => text.clone(),
        Answer::List(values) => values.join(", "),
        Answer::Region(r) => format!("{} / {} / {}", r.province, r.city, r.district),
        Answer::Files(files) => files
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Group(rows) => rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|(k, v)| format!("{k}: {}", raw_answer_text(v)))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_notes_and_answers_read_plainly() {
        assert_eq!(short_time("2026-12-02T09:05:33+08:00"), "2026-12-02 09:05");
        assert_eq!(short_time("yesterday"), "yesterday");
        assert_eq!(action_slug(Action::RequestCorrection), "request-correction");
        assert_eq!(capitalised("what is missing"), "What is missing");
        assert_eq!(capitalised(""), "");
        assert_eq!(
            raw_answer_text(&Answer::Text("<b>x</b>".into())),
            "<b>x</b>"
        );
        assert_eq!(raw_answer_text(&Answer::Number(12.5)), "12.5");
        assert_eq!(
            raw_answer_text(&Answer::List(vec!["a".into(), "b".into()])),
            "a, b"
        );
        let row: portal_core::form::Answers =
            [("name".to_owned(), Answer::Text("张三".into()))].into();
        assert_eq!(raw_answer_text(&Answer::Group(vec![row])), "name: 张三");
    }
}
