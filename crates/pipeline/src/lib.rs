//! One document in, the extract-json contract out.
//!
//! Runs the stages in their one direction: text layer → entities → events → places (then the
//! events of one incident that only coordinates tell apart are merged), and builds
//! the [`model::Extraction`] that `marsad extract` prints and the store keeps. It reads no files
//! and writes none: loading inputs is the ingest crate's job, keeping results the store's.
#![deny(missing_docs)]

use chrono::NaiveDate;
use model::{Document, Extraction};
use sha2::{Digest, Sha256};

/// Errors loading the bundled models.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The NER model or knowledge base could not be loaded.
    #[error("loading the entity model: {0}")]
    Ner(#[from] ner::Error),
    /// The gazetteer could not be loaded.
    #[error("loading the gazetteer: {0}")]
    Geo(#[from] geo::Error),
}

/// The loaded models of every stage; build once, share across threads.
pub struct Pipeline {
    ner: ner::Recognizer,
    events: events::EventExtractor,
    geo: geo::Geocoder,
    geocode: bool,
}

/// A document as it reaches extraction.
#[derive(Debug, Clone)]
pub struct Input {
    /// Path or URL.
    pub source: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Publication date, when known.
    pub date: Option<NaiveDate>,
    /// Cleaned text.
    pub text: String,
}

/// sha256 hex of a cleaned text: the document id.
pub fn document_id(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

impl Pipeline {
    /// Load every bundled model.
    pub fn bundled() -> Result<Self, Error> {
        // Start-up is most of a one-article run (an incremental ingest): while the entity
        // models load (on two threads of their own), a third loads the gazetteer and the event
        // lexicons and builds the text layer's tables, which would otherwise wait for the first
        // document.
        let (ner, rest) = std::thread::scope(|s| {
            let rest = s.spawn(|| {
                let a = text::analyze("قتل 3 أمس");
                let _ = text::numbers::find_numbers(&a);
                let _ = text::dates::find_dates(&a, None);
                (events::EventExtractor::bundled(), geo::Geocoder::bundled())
            });
            (ner::Recognizer::bundled(), rest.join())
        });
        let (events, geo) = match rest {
            Ok(r) => r,
            Err(_) => (events::EventExtractor::bundled(), geo::Geocoder::bundled()),
        };
        Ok(Pipeline {
            ner: ner?,
            events,
            geo: geo?,
            geocode: true,
        })
    }

    /// The same pipeline with geocoding off (places keep their names but get no coordinates,
    /// country or precision from the gazetteer). For measuring what geocoding costs.
    pub fn without_geocoding(mut self) -> Self {
        self.geocode = false;
        self
    }

    /// Extract entities, relations and events from one document.
    pub fn extract(&self, input: Input) -> Extraction {
        self.extract_with(input, |_| ()).0
    }

    /// [`Pipeline::extract`], also handing the document's text analysis to `side` before it is
    /// dropped: a caller that needs more from the tokens (the store's index terms) does not
    /// analyse the text a second time.
    pub fn extract_with<T>(
        &self,
        input: Input,
        side: impl FnOnce(&text::Analysis<'_>) -> T,
    ) -> (Extraction, T) {
        let analysis = text::analyze(&input.text);
        let mut ner_out = self.ner.recognize(&analysis);
        let numbers = text::numbers::find_numbers(&analysis);
        let dates = text::dates::find_dates(&analysis, input.date);
        let mut events = self.events.extract(&events::Inputs {
            analysis: &analysis,
            ner: &ner_out,
            numbers: &numbers,
            dates: &dates,
            doc_date: input.date,
        });
        if self.geocode {
            self.geo
                .resolve(&analysis, &mut ner_out.entities, &mut events);
        }
        // With coordinates known, reports of one incident under two place names become one.
        let events = events::merge::coalesce_located(events);
        let document = Document {
            id: document_id(&input.text),
            source: input.source,
            title: input.title,
            date: input.date,
            text: String::new(),
        };
        let extra = side(&analysis);
        drop(analysis);
        let extraction = Extraction {
            document: Document {
                text: input.text,
                ..document
            },
            entities: ner_out.entities,
            relations: ner_out.relations,
            events,
        };
        (extraction, extra)
    }
}
