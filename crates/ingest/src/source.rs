//! Opening one input (a file, an archive entry, stdin) and handing it to the reader of its
//! format; the plain-text reader.
//!
//! Formats are chosen by extension, and by content when the extension is unknown (see
//! [`crate::Format`]); gzip is unwrapped whatever the name. It does not walk directories
//! (see `inputs`).

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek};
use std::sync::Arc;

use crate::clean::clean_text;
use crate::json::{JsonValues, JsonlIter};
use crate::sniff::{Format, looks_binary};
use crate::util::{FailReader, human, read_all_capped, read_prefix};
use crate::warc::WarcIter;
use crate::{Error, Options, RawDoc, feed, html, zipread};

/// A stream of documents (or per-record errors) from one input.
pub(crate) type DocIter = Box<dyn Iterator<Item = Result<RawDoc, Error>> + Send>;

/// How deep gzip-in-zip-in-gzip nesting may go before we call it a bomb.
const MAX_NESTING: u8 = 4;

/// A one-item stream.
pub(crate) fn once(r: Result<RawDoc, Error>) -> DocIter {
    Box::new(std::iter::once(r))
}

/// Open a file on disk.
pub(crate) fn open_file(path: &std::path::Path, opts: &Arc<Options>) -> DocIter {
    let name = path.display().to_string();
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return once(Err(Error::io(name, e))),
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let hint = Format::from_name(&name);
    if len > opts.max_bytes && matches!(hint, Some(Format::Text | Format::Html)) {
        return once(Err(Error::invalid(
            name,
            format!(
                "file of {} is over the {} limit for one document",
                human(len),
                human(opts.max_bytes)
            ),
        )));
    }
    // A zip is read in place (it needs Seek); anything else streams.
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic).unwrap_or(0);
    if let Err(e) = file.rewind() {
        return once(Err(Error::io(name, e)));
    }
    if hint == Some(Format::Zip) || (n == 4 && (&magic == b"PK\x03\x04" || &magic == b"PK\x05\x06"))
    {
        if len == 0 {
            return once(Err(Error::empty(name, "empty file")));
        }
        return zipread::zip_docs(name, Box::new(BufReader::new(file)), opts, 0);
    }
    open_stream(name, Box::new(file), hint, opts, 0)
}

/// Sniff and read a stream. `hint` is the format the name implies, if any.
pub(crate) fn open_stream(
    name: String,
    mut reader: Box<dyn Read + Send>,
    hint: Option<Format>,
    opts: &Arc<Options>,
    depth: u8,
) -> DocIter {
    let (prefix, err) = read_prefix(&mut reader, 8192);
    if prefix.is_empty() {
        return once(Err(match err {
            Some(e) => Error::io(name, e),
            None => Error::empty(name, "empty file"),
        }));
    }
    let sniffed = Format::sniff(&prefix);
    // After a read error the stream is unusable: replay the bytes read, then the error.
    let rest: Box<dyn Read + Send> = match err {
        Some(e) => Box::new(FailReader(Some(e))),
        None => reader,
    };
    let chained = Cursor::new(prefix).chain(rest);
    if sniffed == Some(Format::Gzip) {
        if depth >= MAX_NESTING {
            return once(Err(Error::invalid(name, "compressed too many times over")));
        }
        let inner = strip_gz(&name);
        let inner_hint = Format::from_name(&inner).filter(|f| *f != Format::Gzip);
        let dec = flate2::read::MultiGzDecoder::new(chained);
        return open_stream(name, Box::new(dec), inner_hint, opts, depth + 1);
    }
    // Magic numbers win over names; otherwise the name wins over the content.
    let format = match (sniffed, hint) {
        (Some(f @ (Format::Zip | Format::Warc)), _) => f,
        (_, Some(h)) if h != Format::Gzip => h,
        (Some(f), _) => f,
        (None, _) => {
            return once(Err(Error::invalid(
                name,
                "binary file (NUL or control bytes): not a text format we read",
            )));
        }
    };
    if sniffed.is_none()
        && matches!(
            format,
            Format::Text | Format::Html | Format::Jsonl | Format::Json | Format::Feed
        )
    {
        return once(Err(Error::invalid(
            name,
            format!("binary file (NUL or control bytes), not {format:?} as its name says"),
        )));
    }
    // A "JSON Lines" file that holds one JSON array is read as JSON.
    let format =
        if format == Format::Jsonl && first_byte(chained.get_ref().0.get_ref()) == Some(b'[') {
            Format::Json
        } else {
            format
        };
    let buffered = BufReader::with_capacity(64 * 1024, chained);
    match format {
        Format::Jsonl => Box::new(JsonlIter::new(Box::new(buffered), name, opts.clone())),
        Format::Json => Box::new(JsonValues::new(Box::new(buffered), name, opts.clone())),
        Format::Warc => Box::new(WarcIter::new(Box::new(buffered), name, opts.clone())),
        Format::Text | Format::Html => {
            let mut r = buffered;
            let bytes = match read_capped(&mut r, &name, opts.max_bytes) {
                Ok(b) => b,
                Err(e) => return once(Err(e)),
            };
            if format == Format::Text {
                once(text_doc(&name, &bytes, opts.default_date))
            } else {
                once(html::html_doc(&name, &bytes, None, None, None, opts))
            }
        }
        Format::Feed => {
            let mut r = buffered;
            match read_capped(&mut r, &name, opts.max_entry_bytes) {
                Ok(bytes) => feed::feed_docs(&name, &bytes, opts),
                Err(e) => once(Err(e)),
            }
        }
        Format::Zip => {
            let mut r = buffered;
            match read_capped(&mut r, &name, opts.max_entry_bytes) {
                Ok(bytes) => zipread::zip_docs(name, Box::new(Cursor::new(bytes)), opts, depth + 1),
                Err(e) => once(Err(e)),
            }
        }
        Format::Gzip => once(Err(Error::invalid(name, "not a gzip stream"))),
    }
}

fn read_capped(r: &mut dyn Read, name: &str, cap: u64) -> Result<Vec<u8>, Error> {
    match read_all_capped(r, cap) {
        Ok(Some(b)) => Ok(b),
        Ok(None) => Err(Error::invalid(
            name,
            format!("input is over the {} limit", human(cap)),
        )),
        Err(e) => Err(Error::io(name, e)),
    }
}

/// The first byte after a BOM and whitespace.
fn first_byte(b: &[u8]) -> Option<u8> {
    let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    b.iter().copied().find(|c| !c.is_ascii_whitespace())
}

fn strip_gz(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    for ext in [".gz", ".gzip"] {
        if lower.ends_with(ext) {
            return name[..name.len() - ext.len()].to_string();
        }
    }
    if lower.ends_with(".tgz") {
        return format!("{}.tar", &name[..name.len() - 4]);
    }
    name.to_string()
}

/// A plain-text document: UTF-8 (or UTF-16 with a BOM), not binary, not empty.
pub(crate) fn text_doc(
    name: &str,
    bytes: &[u8],
    date: Option<chrono::NaiveDate>,
) -> Result<RawDoc, Error> {
    if bytes.is_empty() {
        return Err(Error::empty(name, "empty file"));
    }
    let decoded: std::borrow::Cow<'_, str> = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, _)) if enc != encoding_rs::UTF_8 => enc.decode_with_bom_removal(bytes).0,
        _ => {
            if looks_binary(&bytes[..bytes.len().min(8192)]) {
                return Err(Error::invalid(
                    name,
                    "binary file (NUL or control bytes), not text",
                ));
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => s.into(),
                Err(e) => {
                    return Err(Error::invalid(
                        name,
                        format!(
                            "not valid UTF-8 (first bad byte at offset {}); convert it to UTF-8 or save it as .html for charset detection",
                            e.valid_up_to()
                        ),
                    ));
                }
            }
        }
    };
    let text = clean_text(&decoded);
    if text.is_empty() {
        return Err(Error::empty(name, "empty file (only whitespace)"));
    }
    Ok(RawDoc {
        source: name.to_string(),
        url: None,
        title: None,
        date,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_gzip_suffixes() {
        assert_eq!(strip_gz("a/x.warc.gz"), "a/x.warc");
        assert_eq!(strip_gz("x.JSONL.GZ"), "x.JSONL");
    }

    #[test]
    fn text_doc_checks() {
        let d = text_doc("a.txt", "\u{feff}قتل جندي\r\n".as_bytes(), None);
        assert_eq!(d.ok().map(|d| d.text), Some("قتل جندي".to_string()));
        let e = text_doc("b.txt", b"ok \xff\xfe bad", None)
            .err()
            .map(|e| e.to_string());
        assert!(
            e.unwrap_or_default()
                .contains("not valid UTF-8 (first bad byte at offset 3")
        );
        assert!(text_doc("c.txt", b"  \n\t ", None).is_err());
        assert!(text_doc("d.txt", b"\x00\x01\x02\x03", None).is_err());
        // UTF-16 with a BOM is text.
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("نص".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(
            text_doc("e.txt", &utf16, None).ok().map(|d| d.text),
            Some("نص".into())
        );
    }
}
