//! Reading the inputs named on the command line into documents, for commands that do not store.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

/// Largest file `analyze`/`extract` read as one article.
const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

/// Parse a `--date` flag value.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("'{s}' is not a date in YYYY-MM-DD form: {e}"))
}

/// Read one input (a path or `-` for stdin) as UTF-8 text.
pub fn read_text(arg: &str) -> Result<(String, String)> {
    if arg == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "<stdin>: not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        })?;
        return Ok(("<stdin>".to_string(), text));
    }
    let path = Path::new(arg);
    if path.is_dir() {
        bail!("{arg}: is a directory (give article files)");
    }
    // Refuse before reading: one article is kilobytes, and a runaway file must not eat memory.
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > MAX_ARTICLE_BYTES
    {
        bail!(
            "{arg}: {} MB is too large for one article (limit {} MB); split it or use `marsad ingest`",
            meta.len() / (1024 * 1024),
            MAX_ARTICLE_BYTES / (1024 * 1024)
        );
    }
    let doc = ingest::read_text_file(path)?;
    Ok((doc.source, doc.text))
}
