//! Event extraction: who did what to whom, when, where, with what toll, claimed by whom, and the
//! sentence that says so.
//!
//! [`EventExtractor::extract`] reads one analysed document (tokens, sentences, number and date
//! mentions from the text layer, entities from NER) and returns the incidents it reports as
//! contract [`model::Event`]s: type and subtype, date, place (name and, when the text says it,
//! country; coordinates come later from the geocoder), perpetrator, targets, killed / wounded /
//! kidnapped / arrested with qualifiers, claim of responsibility, evidence span, confidence and
//! CAMEO / ACLED / GTD codes.
//!
//! The knowledge is data, embedded at build time: trigger lexicon (`data/triggers.tsv`),
//! casualty words, modality words (plans, threats, denials, foiled plots), subtype refiners,
//! context words, country names and adjectives, and the scheme mapping (`data/mapping.tsv`,
//! documented in `MAPPING.md`). The stages are:
//!
//! 1. [`extract`]: per sentence, triggers → modality filter → arguments per trigger; a sentence
//!    with no trigger word may still tell an incident by its toll alone ([`toll`]);
//! 2. [`casualties`]: which numbers are casualty figures, sums of "X and Y";
//! 3. [`merge`]: one incident mentioned in several places becomes one event; generic mentions
//!    are dropped; dates, confidence and codes are filled (the rules are documented there);
//! 4. a sports report (many words of `sport` role in `data/context.tsv`) keeps only events with
//!    a toll: on a pitch هجوم is play.
//!
//! [`merge::coalesce_located`] is run by the pipeline after geocoding: it merges the events of
//! one incident that only coordinates tell apart.
//!
//! [`eval`] scores extracted events against gold files (`marsad eval events`).
//!
//! It does not geocode, link entities or read files at run time (except [`eval`], which reads
//! the gold and article files it is given), and never panics on input.
#![deny(missing_docs)]

pub mod casualties;
pub mod eval;
pub mod extract;
pub mod lexicon;
pub mod merge;
pub mod schema;
pub mod toll;

use chrono::NaiveDate;
use model::Event;
use ner::NerOutput;
use text::Analysis;
use text::dates::DateMention;
use text::numbers::NumberMention;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bundled data file has a malformed row (a bug in the shipped data).
    #[error("data/{file} line {line}: {reason}")]
    Data {
        /// Which file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// Reading a gold or article file for evaluation failed.
    #[error("{path}: {source}")]
    Io {
        /// Which file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A gold or article file is malformed.
    #[error("{path}: {reason}")]
    Format {
        /// Which file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

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

/// The rule-based event extractor with its bundled lexicons.
#[derive(Debug)]
pub struct EventExtractor {
    lists: schema::Lists,
}

impl Default for EventExtractor {
    fn default() -> Self {
        Self::bundled()
    }
}

impl EventExtractor {
    /// Build the extractor from the bundled lexicons, reporting a malformed data row.
    pub fn try_bundled() -> Result<Self, Error> {
        Ok(EventExtractor {
            lists: schema::Lists::load()?,
        })
    }

    /// Build the extractor from the bundled lexicons. The data is embedded and checked by the
    /// unit tests; should a row still be malformed, the extractor runs with empty lists (and
    /// finds nothing) rather than panic.
    pub fn bundled() -> Self {
        Self::try_bundled().unwrap_or_else(|_| EventExtractor {
            lists: schema::Lists::empty(),
        })
    }

    /// Extract the events of one document. Locations carry the place name and what the text
    /// says of its country; coordinates are filled later by the geocoder.
    pub fn extract(&self, input: &Inputs<'_, '_>) -> Vec<Event> {
        let ctx = extract::Ctx::new(input.analysis, &self.lists, input.ner);
        let (mentions, orphans) =
            extract::mentions(&ctx, input.numbers, input.dates, input.doc_date);
        let cands = merge::merge(mentions, orphans);
        let mut events = merge::finish(input.analysis, &self.lists, cands, input.doc_date);
        if is_sports_report(&ctx) {
            // On a pitch هجوم is play, not violence: only a toll makes an incident there.
            events.retain(|e| {
                e.killed.is_some()
                    || e.wounded.is_some()
                    || e.kidnapped.is_some()
                    || e.arrested.is_some()
            });
        }
        events
    }
}

/// A sports report: at least [`SPORT_WORDS`] words of sports reporting, of at least three
/// different kinds (one "مباراة" in a security article is not enough).
fn is_sports_report(ctx: &extract::Ctx<'_, '_>) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut n = 0;
    for (i, r) in ctx.roles.iter().enumerate() {
        if *r == Some(schema::Role::Sport) {
            n += 1;
            let w = ctx.a.tokens[i].norm.as_str();
            if !seen.contains(&w) {
                seen.push(w);
            }
        }
    }
    n >= SPORT_WORDS && seen.len() >= 3
}

/// See [`is_sports_report`].
const SPORT_WORDS: usize = 4;

#[cfg(test)]
mod tests;
