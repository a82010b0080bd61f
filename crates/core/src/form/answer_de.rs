//! Reading an [`Answer`] by the shape of its JSON, in one pass.
//!
//! Same rules as `#[serde(untagged)]` tried in the enum's order, for every shape a client sends:
//! a bool, a number, a string, an array of strings (or an empty array), a 省/市/区 object, an
//! array of file objects (exactly `upload_id`, `name`, `size`, `mime`) or an array of group rows.
//! The derive would buffer each answer into serde's `Content` tree and retry each variant on it;
//! that machinery alone was ~47 KB of the app's wasm.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::answer::{Answer, Answers, FileRef, RegionAnswer};

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnswerVisitor)
    }
}

struct AnswerVisitor;

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "an answer: true/false, a number, text, a list of texts, a region, files or group rows",
        )
    }

    fn visit_bool<E>(self, v: bool) -> Result<Answer, E> {
        Ok(Answer::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Answer, E> {
        Ok(Answer::Number(v as f64))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Answer, E> {
        Ok(Answer::Number(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Answer, E> {
        Ok(Answer::Number(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Answer, E> {
        Ok(Answer::Text(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Answer, E> {
        Ok(Answer::Text(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Answer, A::Error> {
        RegionAnswer::deserialize(MapAccessDeserializer::new(map)).map(Answer::Region)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
        let mut texts = Vec::new();
        let mut rows = Vec::new();
        while let Some(element) = seq.next_element::<ListElement>()? {
            match element {
                ListElement::Text(text) => texts.push(text),
                ListElement::Row(row) => rows.push(row),
            }
            if !texts.is_empty() && !rows.is_empty() {
                return Err(de::Error::custom(
                    "a list answer mixes texts with objects: give texts only, files only or rows only",
                ));
            }
        }
        if rows.is_empty() {
            return Ok(Answer::List(texts));
        }
        // Files only when every element is one; otherwise the objects are group rows.
        match rows.iter().map(file_ref).collect::<Option<Vec<_>>>() {
            Some(files) => Ok(Answer::Files(files)),
            None => Ok(Answer::Group(rows)),
        }
    }
}

/// An element of a list answer: a text, or an object (a file or a group row).
enum ListElement {
    Text(String),
    Row(Answers),
}

impl<'de> Deserialize<'de> for ListElement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ListElementVisitor)
    }
}

struct ListElementVisitor;

impl<'de> Visitor<'de> for ListElementVisitor {
    type Value = ListElement;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, a file or a group row")
    }

    fn visit_str<E>(self, v: &str) -> Result<ListElement, E> {
        Ok(ListElement::Text(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<ListElement, E> {
        Ok(ListElement::Text(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ListElement, A::Error> {
        Answers::deserialize(MapAccessDeserializer::new(map)).map(ListElement::Row)
    }
}

/// The file an object describes, if it has exactly a file's four keys with their types.
fn file_ref(row: &Answers) -> Option<FileRef> {
    if row.len() != 4 {
        return None;
    }
    let text = |key: &str| row.get(key)?.as_text().map(str::to_owned);
    let size = match row.get("size")? {
        // A byte count: whole, not negative, exact in an f64 (a JSON integer up to 2^53).
        Answer::Number(n) if n.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(n) => {
            *n as u64
        }
        _ => return None,
    };
    Some(FileRef {
        upload_id: text("upload_id")?,
        name: text("name")?,
        size,
        mime: text("mime")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// The derive this module replaces, kept here to compare against.
    #[derive(Debug, Deserialize)]
    #[serde(untagged)]
    enum Untagged {
        Bool(bool),
        Number(f64),
        Text(String),
        List(Vec<String>),
        Region(RegionAnswer),
        Files(Vec<FileRef>),
        Group(Vec<Answers>),
    }

    impl From<Untagged> for Answer {
        fn from(u: Untagged) -> Self {
            match u {
                Untagged::Bool(b) => Answer::Bool(b),
                Untagged::Number(n) => Answer::Number(n),
                Untagged::Text(t) => Answer::Text(t),
                Untagged::List(l) => Answer::List(l),
                Untagged::Region(r) => Answer::Region(r),
                Untagged::Files(f) => Answer::Files(f),
                Untagged::Group(g) => Answer::Group(g),
            }
        }
    }

    const FILE: &str = r#"{"upload_id":"u1","name":"a.pdf","size":1024,"mime":"application/pdf"}"#;

    /// Every shape a client sends, and wrong ones: both readers agree on each.
    #[test]
    fn reads_every_shape_as_the_untagged_derive_did() {
        let row = r#"{"name":"张三","age":42,"member":true,"tags":["a"]}"#;
        let region = r#"{"province":"500000","city":"500100","district":"500103"}"#;
        let cases = [
            "true".to_owned(),
            "false".to_owned(),
            "42".to_owned(),
            "-7".to_owned(),
            "3.25".to_owned(),
            "1e3".to_owned(),
            r#""张三""#.to_owned(),
            r#""""#.to_owned(),
            "[]".to_owned(),
            r#"["a","b"]"#.to_owned(),
            region.to_owned(),
            format!("[{FILE}]"),
            format!("[{FILE},{FILE}]"),
            format!("[{row}]"),
            format!("[{row},{row}]"),
            format!("[{FILE},{row}]"),
            "[{}]".to_owned(),
            format!(r#"[{{"members":[{row}],"files":[{FILE}],"where":{region}}}]"#),
            // A file object missing a key, with one too many, or a size that is not a byte count.
            r#"[{"upload_id":"u1","name":"a.pdf","size":1}]"#.to_owned(),
            r#"[{"upload_id":"u1","name":"a.pdf","size":1,"mime":"m","x":"y"}]"#.to_owned(),
            r#"[{"upload_id":"u1","name":"a.pdf","size":-1,"mime":"m"}]"#.to_owned(),
            r#"[{"upload_id":"u1","name":"a.pdf","size":1.5,"mime":"m"}]"#.to_owned(),
            r#"[{"upload_id":1,"name":"a.pdf","size":1,"mime":"m"}]"#.to_owned(),
        ];
        for json in &cases {
            let ours: Answer = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
            let theirs: Answer = serde_json::from_str::<Untagged>(json)
                .unwrap_or_else(|e| panic!("{json}: {e}"))
                .into();
            assert_eq!(ours, theirs, "{json}");
        }
    }

    #[test]
    fn refuses_what_the_untagged_derive_refused() {
        let cases = [
            "null",
            "{}",
            r#"{"province":"500000"}"#,
            r#"{"province":"1","city":"2","district":"3","street":"4"}"#,
            "[1,2]",
            "[true]",
            "[null]",
            r#"["a",1]"#,
            r#"[{"a":null}]"#,
            r#"["a",{"b":"c"}]"#,
            r#"[{"b":"c"},"a"]"#,
        ];
        for json in cases {
            assert!(
                serde_json::from_str::<Untagged>(json).is_err(),
                "derive took {json}"
            );
            let err = serde_json::from_str::<Answer>(json).expect_err(json);
            // Still a data error (a 422 naming the field), not a syntax error.
            assert!(err.is_data(), "{json}: {err}");
        }
    }

    #[test]
    fn every_answer_survives_a_round_trip() {
        let mut row = Answers::new();
        row.insert("name".into(), Answer::Text("李四".into()));
        row.insert("count".into(), Answer::Number(2.0));
        let file = FileRef {
            upload_id: "u9".into(),
            name: "证明.png".into(),
            size: 9_000_000,
            mime: "image/png".into(),
        };
        let answers = [
            Answer::Bool(true),
            Answer::Number(-0.5),
            Answer::Text("文本".into()),
            Answer::List(vec![]),
            Answer::List(vec!["x".into(), "y".into()]),
            Answer::Region(RegionAnswer {
                province: "110000".into(),
                city: "110100".into(),
                district: "110101".into(),
            }),
            Answer::Files(vec![file.clone(), file]),
            Answer::Group(vec![row.clone(), Answers::new(), row]),
        ];
        for answer in answers {
            let json = serde_json::to_string(&answer).unwrap();
            assert_eq!(
                serde_json::from_str::<Answer>(&json).unwrap(),
                answer,
                "{json}"
            );
        }
    }

    #[test]
    fn a_mixed_list_says_what_is_wrong() {
        let err = serde_json::from_str::<Answer>(r#"["a",{"b":"c"}]"#).unwrap_err();
        assert!(
            err.to_string().contains("mixes texts with objects"),
            "{err}"
        );
    }
}
