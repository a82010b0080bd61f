//! Pinyin keys.
