//! Fuzz the number grammar (`text::numbers`): no panic, spans inside the text on token
//! boundaries, ranges ordered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let a = text::analyze(&s);
    let n = s.chars().count();
    for m in text::numbers::find_numbers(&a) {
        assert!(m.start < m.end && m.end <= n);
        assert!(m.tokens.start < m.tokens.end && m.tokens.end <= a.tokens.len());
        assert!(m.core.start >= m.tokens.start && m.core.end <= m.tokens.end);
        assert!(m.count.min <= m.count.max);
    }
    let _ = text::numbers::parse_number_phrase(&s);
});
