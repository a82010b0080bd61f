//! What rejects an item before any of its text is read, kept in arrays of its own apart from the
//! entries: a keystroke asks it of every item and reads the entries only of the items that pass,
//! so the rejections stream through one small array instead of stepping over every entry. Looking
//! at an item costs about twice as much natively at 10 000 items as at 500: memory, not work.
//! (Natively, 居 over 10 000 items went from 23 to 18 ns an item; the pinyin arena did most for
//! pinyin queries, see `pinyin.rs`.)

use super::entry::Query;
use super::pinyin::letter_bit;
use super::text::{half_holds, Bloom, CharSet};

/// One item's gate, as [`Entry::gate`](super::entry::Entry::gate) works it out.
pub(super) struct Gate {
    /// The characters and pairs of every text the item is searched in.
    pub(super) bloom: Bloom,
    /// The characters of the name and aliases, the only texts one character matches as text.
    pub(super) title_chars: CharSet,
    /// Every letter and digit a single-letter query matches the item with (its name's and
    /// aliases' letters and the first letters of their pinyin), as a `letter_bit` set.
    pub(super) single_letters: u64,
}

/// Every item's gate, one array per part, so a query reads only the part it needs: pinyin the
/// ASCII half of the Bloom filters, 汉字 the other half, one character the title sets.
#[derive(Debug, Default)]
pub(super) struct Gates {
    ascii: Vec<[u64; 4]>,
    other: Vec<[u64; 4]>,
    title_chars: Vec<CharSet>,
    single_letters: Vec<u64>,
}

impl Gates {
    pub(super) fn push(&mut self, gate: Gate) {
        let (ascii, other) = gate.bloom.halves();
        self.ascii.push(ascii);
        self.other.push(other);
        self.title_chars.push(gate.title_chars);
        self.single_letters.push(gate.single_letters);
    }

    /// False only if item `index` cannot match `query`.
    pub(super) fn may_match(&self, index: usize, query: &Query) -> bool {
        if query.single_letter {
            return self.single_letters[index] & letter_bit(query.text.as_bytes()[0]) != 0;
        }
        if query.single_char {
            return self.title_chars[index].may_contain(query.first);
        }
        // A pinyin query has nothing in the other half, so it never reads that array.
        let (ascii, other) = query.wanted.halves();
        (ascii == [0; 4] || half_holds(&self.ascii[index], &ascii))
            && (other == [0; 4] || half_holds(&self.other[index], &other))
    }
}
