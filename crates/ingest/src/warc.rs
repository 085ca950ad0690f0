//! A streaming WARC reader (WARC/1.0 and 1.1, plain or gzip — the caller unwraps gzip with
//! `MultiGzDecoder`, which handles the one-member-per-record layout of CC-NEWS).
//!
//! For each record: read the header block, `Content-Length` bytes of content, and the two
//! CRLFs after it. `response` records whose HTTP status is 2xx and whose content type is HTML
//! are decoded (chunked transfer and gzip/deflate content encodings undone, charset from the
//! HTTP header) and extracted like HTML files, with `WARC-Target-URI` as the URL and
//! `WARC-Date` as the date when the page itself carries no publication date (the crawl date is
//! later than publication, so a meta date is preferred). Other records (warcinfo, request,
//! metadata, redirects, images) are skipped without error. A record that ends early (a
//! truncated file or gzip stream) is reported after every complete record before it, and ends
//! the file. It does not verify digests or follow `WARC-Refers-To` (revisit records).

use std::io::{BufRead, Read};
use std::sync::Arc;

use crate::date::parse_date;
use crate::html::html_doc;
use crate::util::{Line, human, read_line_capped};
use crate::{Error, Options, RawDoc};

/// Longest WARC or HTTP header line we accept.
const MAX_HEADER_LINE: u64 = 64 * 1024;
/// Most header lines in one record.
const MAX_HEADERS: usize = 1000;

/// Documents from the response records of a WARC stream.
pub(crate) struct WarcIter {
    r: Box<dyn BufRead + Send>,
    name: String,
    opts: Arc<Options>,
    record: u64,
    done: bool,
    line: Vec<u8>,
}

/// The WARC headers we use.
#[derive(Default)]
struct Head {
    kind: String,
    length: Option<u64>,
    uri: Option<String>,
    date: Option<String>,
    content_type: Option<String>,
}

impl WarcIter {
    pub(crate) fn new(r: Box<dyn BufRead + Send>, name: String, opts: Arc<Options>) -> Self {
        WarcIter {
            r,
            name,
            opts,
            record: 0,
            done: false,
            line: Vec::new(),
        }
    }

    fn loc(&self) -> String {
        format!("{}#{}", self.name, self.record)
    }

    fn fail(&mut self, reason: String) -> Option<Result<RawDoc, Error>> {
        self.done = true;
        Some(Err(Error::invalid(self.loc(), reason)))
    }

    fn read_line(&mut self) -> Result<Line, Error> {
        read_line_capped(&mut *self.r, &mut self.line, MAX_HEADER_LINE).map_err(|e| {
            Error::invalid(
                self.loc(),
                format!("read error (truncated or corrupt stream?): {e}"),
            )
        })
    }

    /// Read one record's header block; `Ok(None)` at a clean end of input.
    fn read_head(&mut self) -> Result<Option<Head>, String> {
        // Records are separated by blank lines; tolerate extra ones.
        loop {
            match self.read_line().map_err(|e| reason(&e))? {
                Line::Eof => return Ok(None),
                Line::TooLong(_) => {
                    return Err("expected a WARC/ version line, found a very long line".into());
                }
                Line::Full if self.line.is_empty() => continue,
                Line::Full => break,
            }
        }
        self.record += 1;
        if !self.line.starts_with(b"WARC/") {
            let got = String::from_utf8_lossy(&self.line[..self.line.len().min(40)]).into_owned();
            return Err(format!("expected a WARC/ version line, found {got:?}"));
        }
        let mut head = Head::default();
        for _ in 0..MAX_HEADERS {
            match self.read_line().map_err(|e| reason(&e))? {
                Line::Eof => {
                    return Err("truncated record: the input ends inside the WARC headers".into());
                }
                Line::TooLong(n) => {
                    return Err(format!("WARC header line of {} is too long", human(n)));
                }
                Line::Full if self.line.is_empty() => {
                    if head.length.is_none() {
                        return Err("WARC record has no Content-Length".into());
                    }
                    return Ok(Some(head));
                }
                Line::Full => {
                    let l = String::from_utf8_lossy(&self.line);
                    if let Some((k, v)) = l.split_once(':') {
                        let v = v.trim();
                        match k.trim().to_ascii_lowercase().as_str() {
                            "warc-type" => head.kind = v.to_ascii_lowercase(),
                            "content-length" => {
                                head.length = Some(
                                    v.parse().map_err(|_| format!("bad Content-Length {v:?}"))?,
                                )
                            }
                            "warc-target-uri" => {
                                head.uri = Some(v.trim_matches(['<', '>']).to_string())
                            }
                            "warc-date" => head.date = Some(v.to_string()),
                            "content-type" => head.content_type = Some(v.to_ascii_lowercase()),
                            _ => {}
                        }
                    }
                }
            }
        }
        Err(format!("more than {MAX_HEADERS} WARC header lines"))
    }
}

fn reason(e: &Error) -> String {
    match e {
        Error::Invalid { reason, .. } | Error::Empty { reason, .. } => reason.clone(),
        Error::Io { source, .. } => source.to_string(),
    }
}

impl Iterator for WarcIter {
    type Item = Result<RawDoc, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let head = match self.read_head() {
                Ok(Some(h)) => h,
                Ok(None) => {
                    self.done = true;
                    if self.record == 0 {
                        return Some(Err(Error::invalid(self.name.clone(), "no WARC records")));
                    }
                    return None;
                }
                Err(reason) => return self.fail(reason),
            };
            let len = head.length.unwrap_or(0);
            let wanted = head.kind == "response"
                && head
                    .content_type
                    .as_deref()
                    .is_none_or(|c| c.starts_with("application/http"));
            let block = if wanted && len <= self.opts.max_bytes {
                let mut buf = Vec::with_capacity(len.min(16 * 1024 * 1024) as usize);
                match (&mut self.r).take(len).read_to_end(&mut buf) {
                    Ok(n) if n as u64 == len => Some(buf),
                    Ok(n) => {
                        return self.fail(format!(
                            "truncated record: {n} of {len} content bytes before the input ends"
                        ));
                    }
                    Err(e) => {
                        return self
                            .fail(format!("read error (truncated or corrupt stream?): {e}"));
                    }
                }
            } else {
                match std::io::copy(&mut (&mut self.r).take(len), &mut std::io::sink()) {
                    Ok(n) if n == len => None,
                    Ok(n) => {
                        return self.fail(format!(
                            "truncated record: {n} of {len} content bytes before the input ends"
                        ));
                    }
                    Err(e) => {
                        return self
                            .fail(format!("read error (truncated or corrupt stream?): {e}"));
                    }
                }
            };
            if wanted && len > self.opts.max_bytes {
                return Some(Err(Error::invalid(
                    self.loc(),
                    format!(
                        "response of {} is over the {} limit for one document",
                        human(len),
                        human(self.opts.max_bytes)
                    ),
                )));
            }
            let Some(block) = block else { continue };
            let loc = self.loc();
            match http_html(&block, self.opts.max_bytes) {
                Err(reason) => return Some(Err(Error::invalid(loc, reason))),
                Ok(None) => continue,
                Ok(Some((body, charset))) => {
                    let date = head.date.as_deref().and_then(parse_date);
                    return Some(html_doc(
                        &loc,
                        &body,
                        charset.as_deref(),
                        head.uri.as_deref(),
                        date,
                        &self.opts,
                    ));
                }
            }
        }
        None
    }
}

/// An HTML body and the charset its HTTP headers declare.
type HtmlBody = (Vec<u8>, Option<String>);

/// Split an HTTP response into headers and body. `Ok(None)`: not a 2xx HTML response (skip).
fn http_html(block: &[u8], cap: u64) -> Result<Option<HtmlBody>, String> {
    let (head_end, body_start) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match memchr::memmem::find(block, b"\n\n") {
            Some(i) => (i, i + 2),
            None => return Err("HTTP response without a header/body separator".into()),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim().to_ascii_lowercase();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = Some(v),
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = Some(v),
                _ => {}
            }
        }
    }
    let is_html = content_type.as_deref().is_none_or(|c| c.contains("html"));
    if !is_html {
        return Ok(None);
    }
    let charset = content_type.as_deref().and_then(|c| {
        c.split(';')
            .filter_map(|p| p.trim().strip_prefix("charset="))
            .next()
            .map(|s| s.trim_matches(['"', '\'']).to_string())
    });
    let mut body = block[body_start..].to_vec();
    if chunked {
        body = dechunk(&body).ok_or("malformed chunked transfer encoding")?;
    }
    match encoding.as_deref() {
        Some("gzip" | "x-gzip") => {
            body = inflate(flate2::read::MultiGzDecoder::new(&body[..]), cap)?;
        }
        Some("deflate") => {
            body = inflate(flate2::read::ZlibDecoder::new(&body[..]), cap)?;
        }
        _ => {}
    }
    Ok(Some((body, charset)))
}

fn inflate(r: impl Read, cap: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("bad compressed HTTP body: {e}"))?;
    if out.len() as u64 > cap {
        return Err("decompressed HTTP body is over the size limit".into());
    }
    Ok(out)
}

/// Undo HTTP/1.1 chunked transfer encoding.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = memchr::memchr(b'\n', b)?;
        let size_str = std::str::from_utf8(&b[..nl]).ok()?.trim();
        let size_str = size_str.split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        b = &b[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n"),
            Some(b"Wikipedia".to_vec())
        );
        assert_eq!(dechunk(b"zz\r\n"), None);
    }

    #[test]
    fn http_split() {
        let r = http_html(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\n\r\n<p>x</p>",
            1000,
        );
        let (body, cs) = r.ok().flatten().unwrap_or_default();
        assert_eq!(body, b"<p>x</p>");
        assert_eq!(cs.as_deref(), Some("windows-1256"));
        assert!(matches!(
            http_html(b"HTTP/1.1 301 Moved\r\n\r\n", 1000),
            Ok(None)
        ));
        assert!(matches!(
            http_html(
                b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
                1000
            ),
            Ok(None)
        ));
    }
}
