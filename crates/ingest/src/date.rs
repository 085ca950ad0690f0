//! Publication dates found in inputs (JSON fields, HTML meta tags, feed and WARC headers).
//!
//! Accepts ISO forms (`YYYY-MM-DD`, `YYYY-MM-DD hh:mm[:ss[.f]]`, `…T…`, with or without an
//! offset), RFC 3339, RFC 2822, `YYYY/MM/DD`, compact `YYYYMMDD` and Unix timestamps, with
//! ASCII or Arabic-Indic digits. A timestamp with an offset gives the date *as written* (the
//! publisher's local date), not the UTC date. It does not guess day/month order in
//! `DD/MM/YYYY` forms (ambiguous) and does not read dates written in words: those are the text
//! layer's job. Anything else gives `None`, never an error.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Parse a date string from an input's metadata; `None` when the form is not recognised.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
            c => c,
        })
        .collect();
    let s = s.as_str();
    if s.is_empty() {
        return None;
    }
    let d = parse_inner(s)?;
    plausible(d)
}

fn parse_inner(s: &str) -> Option<NaiveDate> {
    // Forms without an offset first: they are the common case in scraped corpora and fail
    // fast on anything else (a string with an offset has trailing input for them).
    for f in [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y/%m/%d %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(dt.date());
        }
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d);
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local().date());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.naive_local().date());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return Some(dt.naive_local().date());
        }
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    if (9..=13).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = s.parse::<i64>()
    {
        return from_timestamp(n);
    }
    // A leading ISO date followed by something we do not parse (a named zone, a weekday):
    // the date part is still reliable.
    let b = s.as_bytes();
    if b.len() > 10
        && !b[10].is_ascii_digit()
        && b[4] == b'-'
        && b[7] == b'-'
        && let Some(head) = s.get(..10)
        && let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
    {
        return Some(d);
    }
    None
}

/// A Unix timestamp in seconds or milliseconds (JSON numbers).
pub(crate) fn from_timestamp(n: i64) -> Option<NaiveDate> {
    // Above 10^11 a value in seconds would be after the year 5000: it is milliseconds.
    let secs = if n.abs() >= 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    DateTime::from_timestamp(secs, 0)
        .map(|d| d.date_naive())
        .and_then(plausible)
}

/// News dates outside 1900–2100 are parse accidents, not dates.
fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1900..=2100).contains(&d.year()).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn accepts_common_forms() {
        assert_eq!(parse_date("2015-07-21"), d(2015, 7, 21));
        assert_eq!(parse_date("2015-07-21 02:51:40"), d(2015, 7, 21));
        assert_eq!(parse_date("2015-07-21T23:30:00+03:00"), d(2015, 7, 21));
        assert_eq!(parse_date("2015-07-21T23:30:00Z"), d(2015, 7, 21));
        assert_eq!(parse_date("2015-07-21T23:30:00.123+0300"), d(2015, 7, 21));
        assert_eq!(
            parse_date("Tue, 21 Jul 2015 10:00:00 +0300"),
            d(2015, 7, 21)
        );
        assert_eq!(parse_date("2015/07/21"), d(2015, 7, 21));
        assert_eq!(parse_date("20150721"), d(2015, 7, 21));
        assert_eq!(parse_date("٢٠١٥-٠٧-٢١"), d(2015, 7, 21));
        assert_eq!(parse_date("1437436800"), d(2015, 7, 21));
        assert_eq!(parse_date("2015-07-21 10:00 AST"), d(2015, 7, 21));
    }

    #[test]
    fn unknown_forms_are_none() {
        assert_eq!(parse_date("الثلاثاء 21 يوليو"), None);
        assert_eq!(parse_date("21/07/2015"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("0001-01-01"), None);
        assert_eq!(parse_date("2015-13-45"), None);
    }
}
