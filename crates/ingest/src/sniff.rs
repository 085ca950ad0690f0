//! Input format detection: by file extension first, by content when the extension is unknown
//! (and always for stdin).
//!
//! Gzip is recognised by its magic bytes whatever the name says, and the name without `.gz`
//! then gives the inner format. It does not validate the input: the readers do.

use std::path::Path;

/// The formats the readers understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain UTF-8 text, one article per file.
    Text,
    /// One HTML page.
    Html,
    /// JSON Lines: one article object per line.
    Jsonl,
    /// JSON: an array of article objects, or objects one after another.
    Json,
    /// A zip archive of any of these.
    Zip,
    /// A WARC web archive (response records of HTML pages).
    Warc,
    /// An RSS or Atom feed.
    Feed,
    /// A gzip stream of any of these.
    Gzip,
}

impl Format {
    /// The format a file name implies, if its extension is known.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())?;
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "json" => Format::Json,
            "zip" => Format::Zip,
            "warc" => Format::Warc,
            "xml" | "rss" | "atom" => Format::Feed,
            "gz" | "gzip" => Format::Gzip,
            _ => return None,
        })
    }

    /// The format the first bytes of an input suggest. `None` means "not text" (binary).
    pub fn sniff(prefix: &[u8]) -> Option<Format> {
        if prefix.starts_with(&[0x1f, 0x8b]) {
            return Some(Format::Gzip);
        }
        if prefix.starts_with(b"PK\x03\x04") || prefix.starts_with(b"PK\x05\x06") {
            return Some(Format::Zip);
        }
        if prefix.starts_with(b"WARC/") {
            return Some(Format::Warc);
        }
        if looks_binary(prefix) {
            return None;
        }
        let body = skip_bom_ws(prefix);
        match body.first() {
            Some(b'[') => Some(Format::Json),
            Some(b'{') => {
                // One complete object on the first line: JSON Lines. Otherwise a pretty-printed
                // object (or several), which the JSON value reader handles.
                let first = match memchr::memchr(b'\n', body) {
                    Some(i) => &body[..i],
                    None => return Some(Format::Json),
                };
                if serde_json::from_slice::<serde_json::Value>(first).is_ok() {
                    Some(Format::Jsonl)
                } else {
                    Some(Format::Json)
                }
            }
            Some(b'<') => {
                let head = String::from_utf8_lossy(&body[..body.len().min(2048)]).to_lowercase();
                if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") {
                    Some(Format::Feed)
                } else {
                    Some(Format::Html)
                }
            }
            _ => Some(Format::Text),
        }
    }
}

/// NUL bytes, or many C0 controls, mean the bytes are not text in any encoding we read.
pub(crate) fn looks_binary(prefix: &[u8]) -> bool {
    if prefix.contains(&0) {
        return true;
    }
    let controls = prefix
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 10 > prefix.len().max(1)
}

fn skip_bom_ws(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_name() {
        assert_eq!(Format::from_name("a/b/2015.JSONL"), Some(Format::Jsonl));
        assert_eq!(Format::from_name("x.warc.gz"), Some(Format::Gzip));
        assert_eq!(Format::from_name("page.htm"), Some(Format::Html));
        assert_eq!(Format::from_name("README"), None);
    }

    #[test]
    fn by_content() {
        assert_eq!(Format::sniff(b"[{\"a\":1}]"), Some(Format::Json));
        assert_eq!(
            Format::sniff(b"{\"a\":1}\n{\"a\":2}\n"),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::sniff(b"{\n  \"a\": 1\n}\n"), Some(Format::Json));
        assert_eq!(
            Format::sniff("<?xml version=\"1.0\"?><rss>".as_bytes()),
            Some(Format::Feed)
        );
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(Format::sniff(b"WARC/1.0\r\n"), Some(Format::Warc));
        assert_eq!(Format::sniff("قتل ثلاثة".as_bytes()), Some(Format::Text));
        assert_eq!(Format::sniff(b"\x00\x01\x02abc"), None);
        assert_eq!(Format::sniff(b"\x1f\x8b\x08"), Some(Format::Gzip));
    }
}
