//! Durable store of documents, entities, events and incidents, with near-duplicate detection,
//! cross-article incident merging and exports.
//!
//! The one input is the extraction contract ([`model::Extraction`]), wrapped in an [`Article`]
//! that adds the URL when the input had one. [`SqliteStore`] keeps everything in one SQLite file
//! (WAL mode, schema migrations from `migrations/*.sql` tracked with `PRAGMA user_version`):
//!
//! * [`SqliteStore::write_batch`] writes a batch in **one transaction**: either every article of the
//!   batch is stored or none is, so a crash (even `kill -9`) leaves the file as it was after the
//!   previous batch, and re-running the same input completes it. A document whose id (sha256 of
//!   its cleaned text) is already stored is skipped, so re-ingesting changes nothing.
//! * Near-duplicates ([`minhash`]): each document gets a MinHash signature over word 5-shingles of
//!   its match-normalised text; a document whose estimated Jaccard similarity with a stored one is
//!   ≥ 0.8 is linked to it (`duplicate_of`) and its events are attached to the original's
//!   incidents as extra sources instead of founding new ones.
//! * Incidents ([`merge`]): each event joins the best compatible existing incident (same type,
//!   overlapping dates, nearby or containing places, compatible perpetrators) or founds a new one.
//!   Candidates are found through an index on (country, date window), not by a scan.
//! * Queries ([`Filter`], [`EventRow`], [`IncidentRow`], [`EntityReport`], [`Stats`]) and exports
//!   ([`export`]: table, JSON, CSV in ACLED-like columns, GeoJSON, Parquet behind the default-on
//!   `parquet` feature).
//!
//! Not done here: extraction (the pipeline crate), reading input formats (ingest), and a
//! PostgreSQL backend: the [`Store`] trait is the seam for one, but only SQLite exists today.
#![deny(missing_docs)]

pub mod export;
pub mod index;
pub mod merge;
pub mod minhash;
mod schema;
mod sqlite;

use chrono::NaiveDate;
use serde::Serialize;

pub use sqlite::{GraphEdge, SearchHit, SqliteStore};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a newer Marsad.
    #[error("database schema version {found} is newer than this program knows ({known})")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Newest version this build knows.
        known: i64,
    },
    /// An article cannot be stored as given.
    #[error("{source_name}: {reason}")]
    Invalid {
        /// The article's source.
        source_name: String,
        /// What is wrong.
        reason: String,
    },
    /// JSON (de)serialisation of a stored object failed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing an export failed.
    #[error("export: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    /// Writing Parquet failed.
    #[error("parquet: {0}")]
    Parquet(String),
}

/// Result type of the store.
pub type Result<T> = std::result::Result<T, Error>;

/// One extracted article to store, with what the store derives from its text (index terms,
/// MinHash signature). Build it with [`Article::new`] on the extraction threads, so the single
/// writer thread only writes.
#[derive(Debug, Clone)]
pub struct Article {
    /// What extraction produced.
    pub extraction: model::Extraction,
    /// URL of the article, when the input carried one.
    pub url: Option<String>,
    index_terms: String,
    signature: Option<minhash::Signature>,
}

impl Article {
    /// Wrap an extraction, computing its full-text index terms and near-duplicate signature.
    pub fn new(extraction: model::Extraction, url: Option<String>) -> Self {
        let index_terms = index::terms(&extraction.document.text);
        Self::with_terms(extraction, url, index_terms)
    }

    /// Wrap an extraction whose index terms were already computed ([`index::terms_of`] on the
    /// analysis extraction made), computing only the near-duplicate signature.
    pub fn with_terms(
        extraction: model::Extraction,
        url: Option<String>,
        index_terms: String,
    ) -> Self {
        let text = &extraction.document.text;
        let signature = minhash::Signature::of(&text::normalize::match_form(text));
        Article {
            extraction,
            url,
            index_terms,
            signature,
        }
    }
}

/// What one [`SqliteStore::write_batch`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BatchReport {
    /// New documents stored.
    pub stored: usize,
    /// Documents skipped because their id was already stored.
    pub skipped: usize,
    /// New documents that are near-duplicates of stored ones.
    pub duplicates: usize,
    /// Events stored.
    pub events: usize,
    /// Incidents founded.
    pub new_incidents: usize,
    /// Events that joined an existing incident.
    pub merged_events: usize,
}

impl BatchReport {
    /// Add another report's counts to this one.
    pub fn add(&mut self, o: &BatchReport) {
        self.stored += o.stored;
        self.skipped += o.skipped;
        self.duplicates += o.duplicates;
        self.events += o.events;
        self.new_incidents += o.new_incidents;
        self.merged_events += o.merged_events;
    }
}

/// Query filters shared by events and incidents. All are optional and combine with AND.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Date window overlaps or ends on/after this day.
    pub from: Option<NaiveDate>,
    /// Date window starts on/before this day.
    pub to: Option<NaiveDate>,
    /// ISO country code.
    pub country: Option<String>,
    /// Event type (`attack`, ...).
    pub kind: Option<String>,
    /// Perpetrator or target: entity id, or a name (match-normalised substring).
    pub actor: Option<String>,
    /// Killed at least this many (headline value; for incidents, the consensus).
    pub min_killed: Option<u64>,
    /// Include events of near-duplicate documents (events only; default: they count once).
    pub include_duplicates: bool,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// A stored count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountRow {
    /// Headline value.
    pub value: u64,
    /// `exact | at_least | about | at_most | range`.
    pub qualifier: String,
    /// Lowest value.
    pub min: u64,
    /// Highest value.
    pub max: u64,
}

/// One stored event with its document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// Global id: `<first 16 hex of the document id>:<event id>`.
    pub id: String,
    /// Incident it belongs to.
    pub incident_id: Option<String>,
    /// Document id.
    pub doc_id: String,
    /// Document source (path/record or URL).
    pub source: String,
    /// Document URL.
    pub url: Option<String>,
    /// Document title.
    pub title: Option<String>,
    /// Publication date.
    pub doc_date: Option<String>,
    /// True when the document is a near-duplicate of another.
    pub duplicate: bool,
    /// Event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Subtype.
    pub subtype: Option<String>,
    /// First day.
    pub date_start: Option<String>,
    /// Last day.
    pub date_end: Option<String>,
    /// Date precision.
    pub date_precision: Option<String>,
    /// Place as named.
    pub place: Option<String>,
    /// ISO country.
    pub country: Option<String>,
    /// Admin1.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Place precision.
    pub geo_precision: Option<String>,
    /// Perpetrator entity id.
    pub perpetrator_entity: Option<String>,
    /// Perpetrator as named.
    pub perpetrator: Option<String>,
    /// Target names.
    pub targets: Vec<String>,
    /// Killed.
    pub killed: Option<CountRow>,
    /// Wounded.
    pub wounded: Option<CountRow>,
    /// Kidnapped.
    pub kidnapped: Option<CountRow>,
    /// Arrested.
    pub arrested: Option<CountRow>,
    /// Responsibility claimed.
    pub claimed: bool,
    /// Evidence sentence(s).
    pub evidence: String,
    /// Confidence 0..1.
    pub confidence: f64,
    /// ACLED code.
    pub acled: Option<String>,
}

/// A count across the sources of an incident.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentCount {
    /// Consensus value.
    pub consensus: u64,
    /// Lowest value across sources.
    pub min: u64,
    /// Highest value across sources.
    pub max: u64,
}

/// One source (member event) of an incident, with its own values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentSource {
    /// Event id.
    pub event_id: String,
    /// `founder | merged | duplicate`.
    pub role: String,
    /// The event as stored (its document, its values).
    pub event: EventRow,
}

/// One incident.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentRow {
    /// Id (`inc:` + founding event id).
    pub id: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Subtype.
    pub subtype: Option<String>,
    /// Consensus first day.
    pub date_start: Option<String>,
    /// Consensus last day.
    pub date_end: Option<String>,
    /// Consensus date precision.
    pub date_precision: Option<String>,
    /// Consensus place.
    pub place: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Admin1.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Place precision.
    pub geo_precision: Option<String>,
    /// Perpetrator entity.
    pub perpetrator_entity: Option<String>,
    /// Perpetrator name.
    pub perpetrator: Option<String>,
    /// Killed.
    pub killed: Option<IncidentCount>,
    /// Wounded.
    pub wounded: Option<IncidentCount>,
    /// Kidnapped.
    pub kidnapped: Option<IncidentCount>,
    /// Arrested.
    pub arrested: Option<IncidentCount>,
    /// Sources disagree on some field.
    pub disputed: bool,
    /// Which fields are disputed.
    pub disputed_fields: Vec<String>,
    /// Distinct documents.
    pub n_sources: usize,
    /// Member events.
    pub n_events: usize,
    /// Every member with its own values (filled by [`SqliteStore::incidents`]).
    pub sources: Vec<IncidentSource>,
}

/// What the store knows about a name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityReport {
    /// The query.
    pub query: String,
    /// Matching entities.
    pub entities: Vec<EntityInfo>,
}

/// One entity and its facts in the store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityInfo {
    /// Canonical id.
    pub id: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Arabic name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Mentions stored.
    pub mentions: usize,
    /// Documents mentioning it.
    pub documents: usize,
    /// Surface forms with counts.
    pub forms: Vec<(String, usize)>,
    /// Events where it is the perpetrator.
    pub as_perpetrator: Vec<EventRow>,
    /// Events where it is a target.
    pub as_target: Vec<EventRow>,
    /// Relations `(subject, relation, object, evidence)`.
    pub relations: Vec<(String, String, String, String)>,
}

/// Counts over the whole store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: usize,
    /// Of which near-duplicates.
    pub duplicates: usize,
    /// Distinct entities.
    pub entities: usize,
    /// Mentions.
    pub mentions: usize,
    /// Relations.
    pub relations: usize,
    /// Events (all, including those of duplicates).
    pub events: usize,
    /// Events by type (excluding duplicates), sorted by count.
    pub events_by_type: Vec<(String, usize)>,
    /// Incidents.
    pub incidents: usize,
    /// Incidents reported by more than one document.
    pub multi_source_incidents: usize,
    /// Incidents with disputed fields.
    pub disputed_incidents: usize,
    /// Schema version.
    pub schema_version: i64,
}

/// The operations every backend offers (SQLite today; a PostgreSQL backend would implement the
/// same trait, see the crate doc).
pub trait Store {
    /// Store a batch atomically; see [`SqliteStore::write_batch`].
    fn write_batch(&mut self, batch: &[Article]) -> Result<BatchReport>;
    /// Events matching a filter, in date order.
    fn events(&self, f: &Filter) -> Result<Vec<EventRow>>;
    /// Incidents matching a filter, with their sources.
    fn incidents(&self, f: &Filter) -> Result<Vec<IncidentRow>>;
    /// What the store knows about a name or id.
    fn entity(&self, name: &str) -> Result<EntityReport>;
    /// Counts.
    fn stats(&self) -> Result<Stats>;
}
