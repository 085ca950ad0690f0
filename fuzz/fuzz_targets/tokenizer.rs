//! Fuzz the tokeniser and sentence splitter (`text::analyze`): no panic on any input, and every
//! token/sentence offset lies on a character boundary with byte and character offsets agreeing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let a = text::analyze(&s);
    for t in &a.tokens {
        assert!(t.byte_start < t.byte_end && t.byte_end <= s.len());
        assert!(s.is_char_boundary(t.byte_start) && s.is_char_boundary(t.byte_end));
        assert_eq!(s[t.byte_start..t.byte_end].chars().count(), t.end - t.start);
        assert_eq!(s[..t.byte_start].chars().count(), t.start);
    }
    for snt in &a.sentences {
        assert!(snt.byte_start <= snt.byte_end && snt.byte_end <= s.len());
        assert!(snt.tokens.end <= a.tokens.len());
    }
});
