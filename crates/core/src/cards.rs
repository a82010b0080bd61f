//! The catalog's cards in a lean text format, for the citizen catalog's first load (`GET
//! /api/cards`).
//!
//! The JSON list (`GET /api/items`) repeats every field name on every item, and the browser
//! spent more time parsing it than anything else before the first result showed. Here one line
//! is one card, its fields in a fixed order separated by tabs:
//!
//! ```text
//! CARDS1<TAB><number of cards>
//! code  name  aliases  summary  department_kind  department  themes  audiences  visits  depth
//!   scope_kind  region  commitment  instant  limit_amount  limit_unit  charged  keys.name  keys.aliases
//! ```
//!
//! - Text is written as is, with `\` `TAB` `LF` `CR` and `US` (U+001F) escaped as `\\` `\t` `\n`
//!   `\r` `\u`, so a field never contains a separator.
//! - A list writes each element followed by `US`: `[]` is the empty field, `[""]` is one `US`.
//!   The region is a list of zero or one.
//! - Labelled values (department kind, theme, depth…) are their Chinese labels, as in the JSON.
//! - Flags are `1` or `0`; numbers are decimal.
//!
//! Both sides use this module: the server encodes once at start, the app decodes.

use std::borrow::Cow;
use std::fmt;

use crate::item::TimeUnit;
use crate::item::{Audience, DepartmentKind, OnlineDepth, Scope, ScopeKind, Theme, TimeLimit};
use crate::summary::{ItemSummary, SearchKeys};

/// The first field of the first line: the format and its version.
pub const MAGIC: &str = "CARDS1";
/// Media type of the encoded cards.
pub const CONTENT_TYPE: &str = "text/plain; charset=utf-8";

const FIELD: char = '\t';
const LINE: char = '\n';
/// Ends each element of a list.
const ELEMENT: char = '\u{1f}';
const FIELDS: usize = 19;

/// Why encoded cards could not be read: the line (1-based) and what was wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardsError {
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for CardsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "catalog cards, line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for CardsError {}

/// Writes `cards` in the format above.
pub fn encode(cards: &[ItemSummary]) -> String {
    let mut out = String::with_capacity(cards.len() * 256 + 16);
    out.push_str(MAGIC);
    out.push(FIELD);
    out.push_str(&cards.len().to_string());
    for card in cards {
        out.push(LINE);
        encode_card(&mut out, card);
    }
    out
}

fn encode_card(out: &mut String, card: &ItemSummary) {
    let flag = |b: bool| if b { "1" } else { "0" };
    text(out, &card.code);
    out.push(FIELD);
    text(out, &card.name);
    out.push(FIELD);
    list(out, card.aliases.iter().map(String::as_str));
    out.push(FIELD);
    text(out, &card.summary);
    out.push(FIELD);
    out.push_str(card.department_kind.label());
    out.push(FIELD);
    text(out, &card.department);
    out.push(FIELD);
    list(out, card.themes.iter().map(|t| t.label()));
    out.push(FIELD);
    list(out, card.audiences.iter().map(|a| a.label()));
    out.push(FIELD);
    out.push_str(&card.visits.to_string());
    out.push(FIELD);
    out.push_str(card.depth.label());
    out.push(FIELD);
    out.push_str(card.scope.kind.label());
    out.push(FIELD);
    list(out, card.scope.region.as_deref());
    out.push(FIELD);
    out.push_str(flag(card.commitment));
    out.push(FIELD);
    out.push_str(flag(card.instant));
    out.push(FIELD);
    out.push_str(&card.promised_limit.amount.to_string());
    out.push(FIELD);
    out.push_str(card.promised_limit.unit.label());
    out.push(FIELD);
    out.push_str(flag(card.charged));
    out.push(FIELD);
    text(out, &card.keys.name);
    out.push(FIELD);
    list(out, card.keys.aliases.iter().map(String::as_str));
}

fn text(out: &mut String, value: &str) {
    if !value.contains(['\\', FIELD, LINE, '\r', ELEMENT]) {
        out.push_str(value);
        return;
    }
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            FIELD => out.push_str("\\t"),
            LINE => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ELEMENT => out.push_str("\\u"),
            c => out.push(c),
        }
    }
}

fn list<'a>(out: &mut String, values: impl IntoIterator<Item = &'a str>) {
    for value in values {
        text(out, value);
        out.push(ELEMENT);
    }
}

/// Reads cards written by [`encode`]; any malformed line is an error naming it.
pub fn decode(encoded: &str) -> Result<Vec<ItemSummary>, CardsError> {
    let (count, lines) = header(encoded)?;
    // The count comes from the sender: trust it for a capacity only within reason.
    let mut cards = Vec::with_capacity(count.min(encoded.len() / FIELDS + 1));
    for (i, line) in lines.enumerate() {
        cards.push(decode_line(i, line)?);
    }
    if cards.len() != count {
        return Err(CardsError {
            line: cards.len() + 1,
            problem: format!("the header announces {count} cards, {} follow", cards.len()),
        });
    }
    Ok(cards)
}

/// How many cards `encoded` announces, and its first `n` cards (fewer if it has fewer): what the
/// catalog's first page shows, read without the other lines. [`decode`] still reads (and checks)
/// them all.
pub fn decode_head(encoded: &str, n: usize) -> Result<(usize, Vec<ItemSummary>), CardsError> {
    let (count, lines) = header(encoded)?;
    let head = (lines.take(n).enumerate())
        .map(|(i, line)| decode_line(i, line))
        .collect::<Result<_, _>>()?;
    Ok((count, head))
}

/// The announced count, and the lines after the header.
fn header(encoded: &str) -> Result<(usize, std::str::Split<'_, char>), CardsError> {
    let mut lines = encoded.split(LINE);
    let header = lines.next().unwrap_or_default();
    let count = header
        .strip_prefix(MAGIC)
        .and_then(|rest| rest.strip_prefix(FIELD))
        .and_then(|n| n.parse::<usize>().ok())
        .ok_or_else(|| CardsError {
            line: 1,
            problem: format!("expected \"{MAGIC}<TAB><count>\", found {header:.40?}"),
        })?;
    Ok((count, lines))
}

/// Card `i` (0-based), from its line.
fn decode_line(i: usize, line: &str) -> Result<ItemSummary, CardsError> {
    decode_card(line).map_err(|problem| CardsError {
        line: i + 2,
        problem,
    })
}

fn decode_card(line: &str) -> Result<ItemSummary, String> {
    let mut fields = [""; FIELDS];
    let mut parts = line.split(FIELD);
    for (n, slot) in fields.iter_mut().enumerate() {
        *slot = parts
            .next()
            .ok_or_else(|| format!("{} fields, expected {FIELDS}", n))?;
    }
    if parts.next().is_some() {
        return Err(format!("more than {FIELDS} fields"));
    }
    let [code, name, aliases, summary, department_kind, department, themes, audiences, visits, depth, scope_kind, region, commitment, instant, limit_amount, limit_unit, charged, name_keys, alias_keys] =
        fields;
    let aliases: Vec<String> = elements(aliases).map(owned).collect();
    let alias_keys: Vec<String> = elements(alias_keys).map(owned).collect();
    if alias_keys.len() != aliases.len() {
        return Err(format!(
            "{} aliases but {} alias keys",
            aliases.len(),
            alias_keys.len()
        ));
    }
    let mut region = elements(region).map(owned);
    let scope = Scope {
        kind: labelled(scope_kind, "scope", ScopeKind::from_label)?,
        region: region.next(),
    };
    if region.next().is_some() {
        return Err("more than one region".to_owned());
    }
    Ok(ItemSummary {
        code: owned(code),
        name: owned(name),
        aliases,
        summary: owned(summary),
        department_kind: labelled(
            department_kind,
            "department kind",
            DepartmentKind::from_label,
        )?,
        department: owned(department),
        themes: elements(themes)
            .map(|t| labelled(t, "theme", Theme::from_label))
            .collect::<Result<_, _>>()?,
        audiences: elements(audiences)
            .map(|a| labelled(a, "audience", Audience::from_label))
            .collect::<Result<_, _>>()?,
        visits: number(visits, "visits")?,
        depth: labelled(depth, "online depth", OnlineDepth::from_label)?,
        scope,
        commitment: flag(commitment, "commitment")?,
        instant: flag(instant, "instant")?,
        promised_limit: TimeLimit {
            amount: number(limit_amount, "time limit")?,
            unit: labelled(limit_unit, "time unit", TimeUnit::from_label)?,
        },
        charged: flag(charged, "charged")?,
        keys: SearchKeys {
            name: owned(name_keys),
            aliases: alias_keys,
        },
    })
}

fn elements(field: &str) -> impl Iterator<Item = &str> {
    field.split_terminator(ELEMENT)
}

/// The text of a field, unescaped.
fn owned(field: &str) -> String {
    unescape(field).into_owned()
}

fn unescape(field: &str) -> Cow<'_, str> {
    if !field.contains('\\') {
        return Cow::Borrowed(field);
    }
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        // A lone or unknown escape keeps its characters: nothing is lost, nothing fails.
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push(FIELD),
            Some('n') => out.push(LINE),
            Some('r') => out.push('\r'),
            Some('u') => out.push(ELEMENT),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    Cow::Owned(out)
}

fn labelled<T>(field: &str, what: &str, parse: fn(&str) -> Option<T>) -> Result<T, String> {
    parse(field).ok_or_else(|| format!("unknown {what} {field:?}"))
}

fn number<T: std::str::FromStr>(field: &str, what: &str) -> Result<T, String> {
    field
        .parse()
        .map_err(|_| format!("{what} is not a number: {field:?}"))
}

fn flag(field: &str, what: &str) -> Result<bool, String> {
    match field {
        "1" => Ok(true),
        "0" => Ok(false),
        other => Err(format!("{what} is not 1 or 0: {other:?}")),
    }
}

#[cfg(test)]
#[path = "cards_tests.rs"]
mod tests;
