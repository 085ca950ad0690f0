//! Date expressions → real calendar ranges with precision.
//!
//! PLACEHOLDER implementation (finds nothing) until the text layer lands.

use std::ops::Range;

use chrono::NaiveDate;
use model::DateValue;

use crate::Analysis;

/// A date expression found in the text, resolved against the document date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DateMention {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Token range of the expression.
    pub tokens: Range<usize>,
    /// The resolved range, its precision and the words.
    pub value: DateValue,
}

/// Find and resolve every date expression. `doc_date` anchors relative expressions; without it
/// relative expressions are skipped.
pub fn find_dates(a: &Analysis<'_>, doc_date: Option<NaiveDate>) -> Vec<DateMention> {
    let _ = (a, doc_date);
    Vec::new()
}
