//! Fuzz the date grammar (`text::dates`): no panic for any text and any document date (taken
//! from the first four bytes), spans inside the text, `text` equal to the span, start <= end.
#![no_main]

use chrono::{Duration, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(4));
    let mut b = [0u8; 4];
    b[..head.len()].copy_from_slice(head);
    // Any day within ±5.8 million days of 2000-01-01, or none.
    let offset = i64::from(i32::from_le_bytes(b)) / 370;
    let doc = if b[0] == 0 {
        None
    } else {
        NaiveDate::from_ymd_opt(2000, 1, 1)
            .and_then(|d| d.checked_add_signed(Duration::days(offset)))
    };
    let s = String::from_utf8_lossy(rest);
    let a = text::analyze(&s);
    let n = s.chars().count();
    for m in text::dates::find_dates(&a, doc) {
        assert!(m.start < m.end && m.end <= n);
        assert!(m.value.start <= m.value.end);
        let t: String = s.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(m.value.text.as_deref(), Some(t.as_str()));
    }
});
