//! Readers for real-world inputs; cleaned documents out.
//!
//! PLACEHOLDER until the store issue lands: plain text only.
#![deny(missing_docs)]

use std::path::Path;

use chrono::NaiveDate;

/// Errors reading one input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// Which file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The input is not what its format requires.
    #[error("{path}: {reason}")]
    Invalid {
        /// Which file (and record).
        path: String,
        /// What is wrong.
        reason: String,
    },
}

/// A document read from an input, before extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    /// Path (with record number) or URL.
    pub source: String,
    /// URL, when the input carried one.
    pub url: Option<String>,
    /// Title, when the input carried one.
    pub title: Option<String>,
    /// Publication date, when the input carried one.
    pub date: Option<NaiveDate>,
    /// Cleaned text.
    pub text: String,
}

/// Read a plain-text article.
pub fn read_text_file(path: &Path) -> Result<RawDoc, Error> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Invalid {
        path: name.clone(),
        reason: format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    let text = text.trim_start_matches('\u{feff}').trim().to_string();
    if text.is_empty() {
        return Err(Error::Invalid {
            path: name,
            reason: "empty file".into(),
        });
    }
    Ok(RawDoc {
        source: name,
        url: None,
        title: None,
        date: None,
        text,
    })
}
