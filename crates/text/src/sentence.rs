//! Sentence splitter over tokens.
//!
//! PLACEHOLDER implementation until the text layer lands.

use std::ops::Range;

use crate::token::Token;

/// A sentence with offsets and its token range.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset one past the last character.
    pub byte_end: usize,
    /// Indices into [`crate::Analysis::tokens`].
    pub tokens: Range<usize>,
}

/// Split tokenised `text` into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, t) in tokens.iter().enumerate() {
        let s = &text[t.byte_start..t.byte_end];
        let newline_after = tokens
            .get(i + 1)
            .is_some_and(|n| text[t.byte_end..n.byte_start].contains('\n'));
        if matches!(s, "." | "!" | "?" | "؟") || newline_after || i + 1 == tokens.len() {
            let a = &tokens[first];
            out.push(Sentence {
                start: a.start,
                end: t.end,
                byte_start: a.byte_start,
                byte_end: t.byte_end,
                tokens: first..i + 1,
            });
            first = i + 1;
        }
    }
    out
}
