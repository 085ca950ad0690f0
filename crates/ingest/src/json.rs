//! JSON Lines and JSON readers: one article object per line, or a JSON array of article
//! objects (also objects one after another), mapped to [`RawDoc`]s through configurable
//! field names ([`crate::JsonFields`]).
//!
//! Both readers stream: JSON Lines line by line, JSON arrays element by element (a small
//! scanner finds where each top-level element ends, then `serde_json` parses that element
//! alone), so a corpus file of any size is read in constant memory and one malformed record
//! is reported without losing the others. It does not repair malformed JSON.

use std::io::BufRead;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::clean::{clean_text, title_opt};
use crate::date::{from_timestamp, parse_date};
use crate::util::{Line, human, read_line_capped};
use crate::{Error, Options, RawDoc};

/// Turn one JSON value into a document. `loc` names the record in errors; `file` is the
/// input's name, used with the record's id when it has one.
pub(crate) fn record_to_doc(
    value: Value,
    loc: &str,
    file: &str,
    opts: &Options,
) -> Result<RawDoc, Error> {
    let obj = match value {
        Value::Object(o) => o,
        other => {
            return Err(Error::invalid(
                loc,
                format!("expected a JSON object, found {}", kind(&other)),
            ));
        }
    };
    let f = &opts.fields;
    let (text_field, text_value) = first(&obj, &f.text).ok_or_else(|| {
        Error::invalid(
            loc,
            format!("no text field (looked for {})", f.text.join(", ")),
        )
    })?;
    let raw = match text_value {
        Value::String(s) => s.clone(),
        // Some scrapers store the body as a list of paragraphs.
        Value::Array(items) if items.iter().all(|v| v.is_string()) => items
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join("\n\n"),
        other => {
            return Err(Error::invalid(
                loc,
                format!("field '{text_field}' is {}, not a string", kind(other)),
            ));
        }
    };
    let text = clean_text(&raw);
    if text.is_empty() {
        return Err(Error::empty(loc, format!("field '{text_field}' is empty")));
    }
    let title = first(&obj, &f.title)
        .and_then(|(_, v)| v.as_str())
        .and_then(title_opt);
    let url = first(&obj, &f.url)
        .and_then(|(_, v)| v.as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    // An unreadable date keeps the document (date unknown), it is not an error.
    let date = first(&obj, &f.date)
        .and_then(|(_, v)| match v {
            Value::String(s) => parse_date(s),
            Value::Number(n) => n.as_i64().and_then(from_timestamp),
            _ => None,
        })
        .or(opts.default_date);
    let id = first(&obj, &f.id).and_then(|(_, v)| match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let source = match id {
        Some(id) => format!("{file}#{id}"),
        None => loc.to_string(),
    };
    Ok(RawDoc {
        source,
        url,
        title,
        date,
        text,
    })
}

fn first<'a>(obj: &'a Map<String, Value>, names: &'a [String]) -> Option<(&'a str, &'a Value)> {
    names
        .iter()
        .find_map(|n| obj.get(n).filter(|v| !v.is_null()).map(|v| (n.as_str(), v)))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// JSON Lines: one record per line; blank lines are skipped.
pub(crate) struct JsonlIter {
    r: Box<dyn BufRead + Send>,
    name: String,
    opts: Arc<Options>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlIter {
    pub(crate) fn new(r: Box<dyn BufRead + Send>, name: String, opts: Arc<Options>) -> Self {
        JsonlIter {
            r,
            name,
            opts,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl Iterator for JsonlIter {
    type Item = Result<RawDoc, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            let loc = format!("{}:{}", self.name, self.line);
            match read_line_capped(&mut *self.r, &mut self.buf, self.opts.max_bytes) {
                Err(e) => {
                    // A read error (truncated gzip, I/O) ends the file: later bytes are lost.
                    self.done = true;
                    return Some(Err(Error::io(loc, e)));
                }
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong(n)) => {
                    return Some(Err(Error::invalid(
                        loc,
                        format!(
                            "line of {} is over the {} limit for one document",
                            human(n),
                            human(self.opts.max_bytes)
                        ),
                    )));
                }
                Ok(Line::Full) => {
                    let mut bytes = &self.buf[..];
                    if self.line == 1 {
                        bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
                    }
                    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    let line = match std::str::from_utf8(bytes) {
                        Ok(l) => l,
                        Err(e) => {
                            return Some(Err(Error::invalid(
                                loc,
                                format!(
                                    "not valid UTF-8 (bad byte at column {})",
                                    e.valid_up_to() + 1
                                ),
                            )));
                        }
                    };
                    return Some(match serde_json::from_str::<Value>(line) {
                        Ok(v) => record_to_doc(v, &loc, &self.name, &self.opts),
                        Err(e) => Err(Error::invalid(loc, format!("not JSON: {e}"))),
                    });
                }
            }
        }
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Start,
    Array,
    AfterArray,
    Stream,
    Done,
}

/// A JSON array of records, or records one after another, read element by element.
pub(crate) struct JsonValues {
    r: Box<dyn BufRead + Send>,
    name: String,
    opts: Arc<Options>,
    mode: Mode,
    record: u64,
    buf: Vec<u8>,
}

enum Scan {
    Value,
    TooLong(u64),
    Truncated,
}

impl JsonValues {
    pub(crate) fn new(r: Box<dyn BufRead + Send>, name: String, opts: Arc<Options>) -> Self {
        JsonValues {
            r,
            name,
            opts,
            mode: Mode::Start,
            record: 0,
            buf: Vec::new(),
        }
    }

    /// Skip whitespace (and a BOM); return the next byte without consuming it.
    fn peek(&mut self) -> std::io::Result<Option<u8>> {
        loop {
            let chunk = self.r.fill_buf()?;
            if chunk.is_empty() {
                return Ok(None);
            }
            if chunk.starts_with(b"\xef\xbb\xbf") {
                self.r.consume(3);
                continue;
            }
            match chunk.iter().position(|b| !b.is_ascii_whitespace()) {
                Some(i) => {
                    let b = chunk[i];
                    self.r.consume(i);
                    return Ok(Some(b));
                }
                None => {
                    let n = chunk.len();
                    self.r.consume(n);
                }
            }
        }
    }

    fn element(&mut self) -> Result<RawDoc, Error> {
        self.record += 1;
        let loc = format!("{}#{}", self.name, self.record);
        match scan_value(&mut *self.r, &mut self.buf, self.opts.max_bytes) {
            Err(e) => {
                self.mode = Mode::Done;
                Err(Error::io(loc, e))
            }
            Ok(Scan::Truncated) => {
                self.mode = Mode::Done;
                Err(Error::invalid(
                    loc,
                    "truncated JSON: the input ends inside this record",
                ))
            }
            Ok(Scan::TooLong(n)) => Err(Error::invalid(
                loc,
                format!(
                    "record of {} is over the {} limit for one document",
                    human(n),
                    human(self.opts.max_bytes)
                ),
            )),
            Ok(Scan::Value) => match serde_json::from_slice::<Value>(&self.buf) {
                Ok(v) => record_to_doc(v, &loc, &self.name, &self.opts),
                Err(e) => Err(Error::invalid(loc, format!("not valid JSON: {e}"))),
            },
        }
    }
}

impl Iterator for JsonValues {
    type Item = Result<RawDoc, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let next = match self.peek() {
                Ok(b) => b,
                Err(e) => {
                    self.mode = Mode::Done;
                    return Some(Err(Error::io(self.name.clone(), e)));
                }
            };
            match (self.mode, next) {
                (Mode::Done, _) => return None,
                (Mode::Start, None) => {
                    self.mode = Mode::Done;
                    return Some(Err(Error::invalid(self.name.clone(), "no JSON records")));
                }
                (Mode::Start, Some(b'[')) => {
                    self.r.consume(1);
                    self.mode = Mode::Array;
                }
                (Mode::Start, Some(_)) => self.mode = Mode::Stream,
                (Mode::Array, None) => {
                    self.mode = Mode::Done;
                    return Some(Err(Error::invalid(
                        format!("{}#{}", self.name, self.record),
                        "truncated JSON array: the input ends before the closing ]",
                    )));
                }
                (Mode::Array, Some(b']')) => {
                    self.r.consume(1);
                    self.mode = Mode::AfterArray;
                }
                (Mode::Array, Some(b',')) => self.r.consume(1),
                (Mode::Array | Mode::Stream, Some(_)) => return Some(self.element()),
                (Mode::Stream, None) | (Mode::AfterArray, None) => self.mode = Mode::Done,
                // Another array after the first (concatenated dumps) is read the same way.
                (Mode::AfterArray, Some(b'[')) => {
                    self.r.consume(1);
                    self.mode = Mode::Array;
                }
                (Mode::AfterArray, Some(_)) => self.mode = Mode::Stream,
            }
        }
    }
}

/// Copy the next complete JSON value (object, array, string or scalar) into `buf`, keeping at
/// most `cap` bytes. Only string and bracket structure is tracked; `serde_json` validates.
fn scan_value(r: &mut dyn BufRead, buf: &mut Vec<u8>, cap: u64) -> std::io::Result<Scan> {
    buf.clear();
    let mut depth: usize = 0;
    let mut in_str = false;
    let mut esc = false;
    let mut started = false;
    let mut scalar = false;
    let mut len: u64 = 0;
    let mut too_long = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            if scalar {
                break;
            }
            return Ok(Scan::Truncated);
        }
        let mut i = 0;
        let mut end = None;
        while i < chunk.len() {
            if in_str {
                if esc {
                    esc = false;
                    i += 1;
                    continue;
                }
                match memchr::memchr2(b'"', b'\\', &chunk[i..]) {
                    None => i = chunk.len(),
                    Some(k) => {
                        i += k;
                        if chunk[i] == b'\\' {
                            esc = true;
                            i += 1;
                        } else {
                            in_str = false;
                            i += 1;
                            if depth == 0 {
                                end = Some(i);
                                break;
                            }
                        }
                    }
                }
                continue;
            }
            let b = chunk[i];
            if !started {
                started = true;
                match b {
                    b'{' | b'[' => depth = 1,
                    b'"' => in_str = true,
                    _ => scalar = true,
                }
                i += 1;
                continue;
            }
            if scalar {
                if matches!(b, b',' | b']' | b'}') || b.is_ascii_whitespace() {
                    end = Some(i);
                    break;
                }
                i += 1;
                continue;
            }
            match b {
                b'"' => in_str = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i + 1);
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let take = end.unwrap_or(chunk.len());
        len += take as u64;
        if !too_long {
            if len > cap {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        r.consume(take);
        if end.is_some() {
            break;
        }
    }
    Ok(if too_long {
        Scan::TooLong(len)
    } else {
        Scan::Value
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Arc<Options> {
        Arc::new(Options::default())
    }

    fn values(data: &str, bufsize: usize) -> Vec<Result<RawDoc, Error>> {
        let r = std::io::BufReader::with_capacity(bufsize, std::io::Cursor::new(data.to_string()));
        JsonValues::new(Box::new(r), "t.json".into(), opts()).collect()
    }

    #[test]
    fn array_streams_every_element_whatever_the_buffer_size() {
        let data = r#"[
 {"title": "هجوم [مسلح]", "content": "قتل \"خمسة\" جنود {في} هجوم.", "date": "2015-07-21"},
 {"content": "انفجار عبوة ناسفة\\ في بغداد", "id": 7}
]"#;
        for bufsize in [1, 2, 7, 64, 8192] {
            let docs = values(data, bufsize);
            assert_eq!(docs.len(), 2, "bufsize {bufsize}");
            let a = docs[0].as_ref().ok();
            assert_eq!(
                a.map(|d| d.text.as_str()),
                Some("قتل \"خمسة\" جنود {في} هجوم.")
            );
            assert_eq!(a.and_then(|d| d.title.as_deref()), Some("هجوم [مسلح]"));
            assert_eq!(a.map(|d| d.source.as_str()), Some("t.json#1"));
            let b = docs[1].as_ref().ok();
            assert_eq!(b.map(|d| d.source.as_str()), Some("t.json#7"));
        }
    }

    #[test]
    fn bad_element_does_not_stop_the_array() {
        let docs = values(
            r#"[{"content": "أ"}, {"title": "بلا نص"}, 42, {"content": "ب"}]"#,
            8192,
        );
        assert_eq!(docs.len(), 4);
        assert!(docs[0].is_ok() && docs[3].is_ok());
        let e1 = docs[1]
            .as_ref()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e1.contains("t.json#2") && e1.contains("no text field"),
            "{e1}"
        );
        let e2 = docs[2]
            .as_ref()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e2.contains("t.json#3") && e2.contains("a number"), "{e2}");
    }

    #[test]
    fn truncated_array_reports_after_the_good_records() {
        let docs = values(r#"[{"content": "أ"}, {"content": "ب"#, 8192);
        assert_eq!(docs.len(), 2);
        assert!(docs[0].is_ok());
        let e = docs[1]
            .as_ref()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("truncated"), "{e}");
    }

    #[test]
    fn objects_one_after_another() {
        let docs = values("{\n \"text\": \"أ\"\n}\n{\"text\": \"ب\"}", 8192);
        assert_eq!(docs.iter().filter(|d| d.is_ok()).count(), 2);
    }

    #[test]
    fn record_fields_and_dates() {
        let o = Options::default();
        let v: Value = serde_json::from_str(
            r#"{"title": " عنوان\n", "text": ["فقرة أولى", "فقرة ثانية"], "date_extracted": "2015-07-21 02:51:40", "url": "http://x.test/a"}"#,
        )
        .unwrap_or_default();
        let d = record_to_doc(v, "f:1", "f", &o);
        let d = d.as_ref().ok();
        assert_eq!(d.map(|d| d.text.as_str()), Some("فقرة أولى\n\nفقرة ثانية"));
        assert_eq!(d.and_then(|d| d.title.as_deref()), Some("عنوان"));
        assert_eq!(
            d.and_then(|d| d.date).map(|d| d.to_string()).as_deref(),
            Some("2015-07-21")
        );
        assert_eq!(d.and_then(|d| d.url.as_deref()), Some("http://x.test/a"));
        // An unknown date form keeps the document.
        let v: Value = serde_json::from_str(r#"{"text": "نص", "date": "أمس"}"#).unwrap_or_default();
        let d = record_to_doc(v, "f:2", "f", &o);
        assert_eq!(d.ok().map(|d| d.date), Some(None));
    }
}
