//! Readers for real-world inputs; cleaned documents out.
//!
//! `marsad-ingest` is the only crate that understands external file formats. It turns files,
//! directories (walked recursively in sorted order) and standard input into a stream of
//! [`RawDoc`]s: plain text, HTML pages (boilerplate removed with `dom_smoothie`, charset
//! detection for legacy Arabic encodings such as Windows-1256), JSON Lines, JSON arrays, zip
//! archives of those (the SaudiNewsNet layout), WARC / WARC.gz web archives and RSS/Atom feeds.
//! Gzip-compressed inputs of any of these formats are decompressed on the fly.
//!
//! The reader is streaming: [`read_inputs`] returns an [`Inputs`] iterator that holds at most
//! one document (or one archive entry / feed) in memory at a time. A bad input or record yields
//! an [`Error`] that names the file (and line or record) and the iteration goes on with the
//! next record or file; nothing here panics on input.
//!
//! What it does not do: it does not normalise Arabic letters (the `text` crate does), it does
//! not deduplicate or store (the `store` crate does), and it never touches the network.
//!
//! ```no_run
//! let opts = marsad_ingest::Options::default();
//! for item in marsad_ingest::read_inputs(&["corpus/".to_string()], &opts) {
//!     match item {
//!         Ok(doc) => println!("{} {:?}", doc.source, doc.title),
//!         Err(e) => eprintln!("skipped {}: {e}", e.location()),
//!     }
//! }
//! ```
#![deny(missing_docs)]

mod clean;
mod date;
mod feed;
mod html;
mod inputs;
mod json;
mod sniff;
mod source;
mod util;
mod warc;
mod zipread;

use std::path::Path;

use chrono::NaiveDate;

pub use clean::{clean_line, clean_text};
pub use date::parse_date;
pub use html::{decode_html, html_to_doc};
pub use inputs::{Inputs, read_inputs, read_stream, texts_up_to};
pub use sniff::Format;

/// Errors reading one input or one record of an input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read (missing, permission, I/O failure).
    #[error("{path}: {source}")]
    Io {
        /// Which file (and record).
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The input (or one record of it) is not what its format requires.
    #[error("{path}: {reason}")]
    Invalid {
        /// Which file (and line or record).
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The input (or record) is well-formed but holds no text: an empty file, a record whose
    /// text field is empty, a page with no article body. Callers may count these as skipped
    /// rather than failed.
    #[error("{path}: {reason}")]
    Empty {
        /// Which file (and line or record).
        path: String,
        /// What is missing.
        reason: String,
    },
}

impl Error {
    /// Where the error happened: the file, and the line or record inside it when known
    /// (`file.jsonl:17`, `archive.zip!2015-07-21.json#5`, `crawl.warc.gz#12`).
    pub fn location(&self) -> String {
        match self {
            Error::Io { path, .. } | Error::Invalid { path, .. } | Error::Empty { path, .. } => {
                path.clone()
            }
        }
    }

    /// Shorthand for an [`Error::Invalid`].
    pub(crate) fn invalid(path: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Invalid {
            path: path.into(),
            reason: reason.into(),
        }
    }

    /// Shorthand for an [`Error::Empty`].
    pub(crate) fn empty(path: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Empty {
            path: path.into(),
            reason: reason.into(),
        }
    }

    /// Shorthand for an [`Error::Io`].
    pub(crate) fn io(path: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// A document read from an input, before extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    /// Where it came from: a path, with the line (`f.jsonl:3`), record (`f.warc.gz#2`), archive
    /// entry (`a.zip!day.json#7`) or record id (`f.jsonl#id`) when the input holds many.
    pub source: String,
    /// URL, when the input carried one.
    pub url: Option<String>,
    /// Title, when the input carried one.
    pub title: Option<String>,
    /// Publication date, when the input carried one (else [`Options::default_date`]).
    pub date: Option<NaiveDate>,
    /// Cleaned text (see [`clean_text`]).
    pub text: String,
}

/// Candidate field names for JSON records; the first one present in a record wins.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonFields {
    /// Title fields.
    pub title: Vec<String>,
    /// Article body fields.
    pub text: Vec<String>,
    /// Date fields.
    pub date: Vec<String>,
    /// URL fields.
    pub url: Vec<String>,
    /// Record id fields, used in [`RawDoc::source`].
    pub id: Vec<String>,
}

impl Default for JsonFields {
    fn default() -> Self {
        let v = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        JsonFields {
            title: v(&["title", "headline"]),
            text: v(&["content", "text", "body"]),
            date: v(&["date", "date_extracted", "published", "datePublished"]),
            url: v(&["url", "link"]),
            id: v(&["id"]),
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Date given to documents whose input carries no (readable) date, e.g. `--date` for .txt.
    pub default_date: Option<NaiveDate>,
    /// Field names for JSON / JSONL records.
    pub fields: JsonFields,
    /// Largest single document (a text or HTML file, a JSONL line, a JSON record, a WARC
    /// record): bigger ones are reported as errors without being loaded.
    pub max_bytes: u64,
    /// Largest container read whole into memory: a zip entry, an RSS feed, a zip on stdin.
    pub max_entry_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            default_date: None,
            fields: JsonFields::default(),
            max_bytes: 50 * 1024 * 1024,
            max_entry_bytes: 1024 * 1024 * 1024,
        }
    }
}

/// Read a plain-text article (UTF-8; a BOM is dropped and the text cleaned with
/// [`clean_text`]).
pub fn read_text_file(path: &Path) -> Result<RawDoc, Error> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::io(name.clone(), source))?;
    source::text_doc(&name, &bytes, None)
}
