//! Fuzz the offset-mapping normalisers (`display`, `matched`): no panic on any input, every
//! normalised char maps back inside the original text, the map is monotone, and the match level
//! of the whole text equals the fast `match_form`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use text::normalize::{display, match_form, matched};

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let orig = s.chars().count();
    for n in [display(&s), matched(&s)] {
        assert_eq!(n.text.chars().count(), n.len());
        assert_eq!(n.original_offset(n.len()), Some(orig));
        let mut last = 0;
        for i in 0..n.len() {
            let r = n.to_original(i..i + 1).expect("in bounds");
            assert!(r.start < r.end && r.end <= orig);
            assert!(r.start >= last);
            last = r.start;
        }
    }
    assert_eq!(matched(&s).text, match_form(&s));
});
