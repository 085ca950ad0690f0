//! Number expressions (digits, number words, vague quantities, qualifiers) → counts.
//!
//! PLACEHOLDER implementation (plain digits only) until the text layer lands.

use std::ops::Range;

use model::Count;

use crate::Analysis;
use crate::token::TokenKind;

/// A number expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NumberMention {
    /// Character offset of the first character (qualifier included).
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Token range of the expression.
    pub tokens: Range<usize>,
    /// The value with its qualifier and range.
    pub count: Count,
}

/// Find every number expression in an analysed text.
pub fn find_numbers(a: &Analysis<'_>) -> Vec<NumberMention> {
    a.tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Number)
        .filter_map(|(i, t)| {
            let v: u64 = t.norm.parse().ok()?;
            Some(NumberMention {
                start: t.start,
                end: t.end,
                tokens: i..i + 1,
                count: Count::exact(v),
            })
        })
        .collect()
}
