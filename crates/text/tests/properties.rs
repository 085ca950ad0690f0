//! Property tests of the text layer: offsets, idempotence, no panics on arbitrary input.

use marsad_text::normalize::{display, match_form, matched};
use marsad_text::{analyze, clitics};
use proptest::prelude::*;

/// Strings biased towards the characters that matter: Arabic letters, diacritics, tatweel,
/// digits of three families, punctuation, invisibles, presentation forms, Latin and combining
/// marks.
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        prop::char::range('\u{0600}', '\u{06FF}'),
        prop::char::range('\u{064B}', '\u{0652}'),
        Just('\u{0640}'),
        Just('\u{0670}'),
        prop::char::range('\u{0660}', '\u{0669}'),
        prop::char::range('\u{06F0}', '\u{06F9}'),
        prop::char::range('0', '9'),
        prop::char::range('a', 'z'),
        prop::sample::select(vec![
            ' ', '\n', '.', ',', '!', '?', '؟', '،', '«', '»', '“', '”', '"', '/', '\'',
            '\u{200F}', '\u{200C}', '\u{FEFF}', '\u{00A0}', '\u{0301}', '\u{0653}', '\u{0654}',
            'é', '\u{FEFB}', '\u{FEF5}', '\u{FDF2}', '\u{FE70}', '\u{FE71}', 'ة', 'ى', 'أ', 'إ',
            'آ', 'ٱ', 'ؤ', 'ئ', '\u{066B}', '\u{066C}', '…',
        ]),
        any::<char>(),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn token_offsets_are_consistent(s in arabicish()) {
        let a = analyze(&s);
        let mut prev_end = 0;
        for t in &a.tokens {
            prop_assert!(s.is_char_boundary(t.byte_start) && s.is_char_boundary(t.byte_end));
            prop_assert!(t.byte_start < t.byte_end);
            let piece = &s[t.byte_start..t.byte_end];
            prop_assert_eq!(piece.chars().count(), t.end - t.start);
            // char offset equals the number of chars before the token
            prop_assert_eq!(s[..t.byte_start].chars().count(), t.start);
            prop_assert!(t.byte_start >= prev_end);
            prev_end = t.byte_end;
            prop_assert_eq!(&t.norm, &match_form(piece));
        }
    }

    #[test]
    fn sentences_partition_tokens(s in arabicish()) {
        let a = analyze(&s);
        let mut next = 0;
        for x in &a.sentences {
            prop_assert_eq!(x.tokens.start, next);
            prop_assert!(x.tokens.end > x.tokens.start);
            next = x.tokens.end;
            prop_assert!(s.is_char_boundary(x.byte_start) && s.is_char_boundary(x.byte_end));
            prop_assert_eq!(s[..x.byte_start].chars().count(), x.start);
            prop_assert_eq!(s[x.byte_start..x.byte_end].chars().count(), x.end - x.start);
        }
        prop_assert_eq!(next, a.tokens.len());
    }

    #[test]
    fn display_is_idempotent(s in arabicish()) {
        let once = display(&s).text;
        prop_assert_eq!(&display(&once).text, &once);
    }

    #[test]
    fn match_is_idempotent_and_fast_path_agrees(s in arabicish()) {
        let once = matched(&s).text;
        prop_assert_eq!(&matched(&once).text, &once);
        prop_assert_eq!(&match_form(&s), &once);
        prop_assert_eq!(&match_form(&once), &once);
    }

    #[test]
    fn normalised_map_points_into_original(s in arabicish()) {
        let n_chars = s.chars().count();
        for n in [display(&s), matched(&s)] {
            let len = n.len();
            prop_assert_eq!(n.text.chars().count(), len);
            prop_assert_eq!(n.original_offset(len), Some(n_chars));
            for i in 0..len {
                let r = n.to_original(i..i + 1).expect("in range");
                prop_assert!(r.start < r.end && r.end <= n_chars);
                if i > 0 {
                    let p = n.to_original(i - 1..i).expect("in range");
                    prop_assert!(p.start <= r.start);
                }
            }
            prop_assert!(n.to_original(0..len + 1).is_none());
        }
    }

    #[test]
    fn segmentation_recombines(s in arabicish()) {
        for t in analyze(&s).tokens {
            let sp = clitics::segment(&t.norm);
            // the stem is the rest of the word, possibly with a restored final letter
            prop_assert!(t.norm.starts_with(&sp.prefix));
            prop_assert!(t.norm.ends_with(&sp.suffix));
            prop_assert!(!sp.stem.is_empty() || t.norm.is_empty());
            prop_assert!(t.norm.starts_with(&t.prefix) && t.norm.ends_with(&t.suffix));
        }
    }

    #[test]
    fn only_diacritics_give_nothing(s in prop::collection::vec(prop::char::range('\u{064B}', '\u{0652}'), 0..30)) {
        let s: String = s.into_iter().collect();
        prop_assert!(analyze(&s).tokens.is_empty());
        prop_assert_eq!(match_form(&s), "");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The one-pass match level equals the match level applied to the display form.
    #[test]
    fn match_equals_match_of_display(s in arabicish()) {
        prop_assert_eq!(matched(&s).text, matched(&display(&s).text).text);
    }
}
