//! Event extraction: who did what to whom, when, where, with what toll, claimed by whom.
//!
//! PLACEHOLDER until the events issue lands: finds nothing.
#![deny(missing_docs)]

use chrono::NaiveDate;
use model::Event;
use ner::NerOutput;
use text::Analysis;
use text::dates::DateMention;
use text::numbers::NumberMention;

/// Everything the extractor reads about one document.
pub struct Inputs<'a, 'b> {
    /// The analysed text.
    pub analysis: &'b Analysis<'a>,
    /// Entities and relations.
    pub ner: &'b NerOutput,
    /// Number expressions.
    pub numbers: &'b [NumberMention],
    /// Date expressions, resolved against the document date.
    pub dates: &'b [DateMention],
    /// Publication date.
    pub doc_date: Option<NaiveDate>,
}

/// The rule-based event extractor with its bundled trigger lexicon.
#[derive(Debug, Default)]
pub struct EventExtractor {}

impl EventExtractor {
    /// Build the extractor from the bundled lexicon.
    pub fn bundled() -> Self {
        EventExtractor {}
    }

    /// Extract the events of one document. Locations carry the place name and what the text
    /// says of its country; coordinates are filled later by the geocoder.
    pub fn extract(&self, input: &Inputs<'_, '_>) -> Vec<Event> {
        let _ = input;
        Vec::new()
    }
}
