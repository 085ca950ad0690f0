//! Text cleaning shared by every reader: newlines normalised, control characters and BOMs
//! dropped, whitespace runs collapsed inside lines, paragraph breaks kept.
//!
//! It does not touch letters: Arabic normalisation (hamza, alef, ya, diacritics, tatweel) is the
//! text layer's job, which needs the original spelling to keep offsets meaningful. Format
//! characters such as ZWNJ and bidi marks are kept for the same reason.

/// Clean an article body.
///
/// - `\r\n`, `\r`, U+0085, U+2028 and U+2029 become `\n`;
/// - the BOM (U+FEFF) and other control characters are dropped;
/// - runs of other whitespace (tabs, NBSP, …) become one space; lines are trimmed;
/// - more than one blank line in a row becomes one blank line (a paragraph break);
/// - the result is trimmed.
///
/// Cleaning is idempotent: `clean_text(&clean_text(s)) == clean_text(s)`.
pub fn clean_text(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut pending_newlines = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: copy a run of bytes that cannot start whitespace or a control character
        // (almost all of an Arabic article) in one go.
        let run = i;
        while i < bytes.len() && !SPECIAL[bytes[i] as usize] {
            i += 1;
        }
        if i > run {
            flush(&mut out, &mut pending_space, &mut pending_newlines);
            out.push_str(&s[run..i]);
        }
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        match c {
            '\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                pending_newlines += 1;
                pending_space = false;
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                pending_newlines += 1;
                pending_space = false;
            }
            '\u{feff}' => {}
            c if c.is_whitespace() => pending_space = true,
            c if c.is_control() => {}
            c => {
                flush(&mut out, &mut pending_space, &mut pending_newlines);
                out.push(c);
            }
        }
    }
    out
}

/// Bytes that may begin a character `clean_text` changes: ASCII controls and space, and the
/// UTF-8 lead bytes of U+0080–U+00BF (C1 controls, NBSP), U+1680, U+2000–U+205F, U+3000 and
/// U+FEFF. Continuation bytes never match, so a run of other bytes is copied unchanged.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b <= 0x20 || b == 0x7f || matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef);
        b += 1;
    }
    t
};

/// Emit the separator owed before the next visible character.
fn flush(out: &mut String, pending_space: &mut bool, pending_newlines: &mut usize) {
    if out.is_empty() {
        // Leading whitespace and blank lines are dropped.
    } else if *pending_newlines > 0 {
        out.push('\n');
        if *pending_newlines > 1 {
            out.push('\n');
        }
    } else if *pending_space {
        out.push(' ');
    }
    *pending_newlines = 0;
    *pending_space = false;
}

/// Clean a one-line field (a title): like [`clean_text`], with line breaks turned into spaces.
pub fn clean_line(s: &str) -> String {
    let t = clean_text(s);
    if t.contains('\n') {
        t.split('\n')
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        t
    }
}

/// A cleaned, non-empty title, or `None`.
pub(crate) fn title_opt(s: &str) -> Option<String> {
    let t = clean_line(s);
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_paragraphs_and_collapses_spaces() {
        let raw = "\u{feff}  قتل  ثلاثة\tجنود \r\n\r\n\r\n\n  في هجوم\u{a0}مسلح.\r\nوأصيب آخرون.  ";
        assert_eq!(
            clean_text(raw),
            "قتل ثلاثة جنود\n\nفي هجوم مسلح.\nوأصيب آخرون."
        );
    }

    #[test]
    fn drops_control_characters_but_not_format_marks() {
        let raw = "انفجار\u{0}\u{7} سيارة\u{200c}مفخخة\u{200f}";
        assert_eq!(clean_text(raw), "انفجار سيارة\u{200c}مفخخة\u{200f}");
    }

    #[test]
    fn leaves_arabic_letters_and_diacritics() {
        let raw = "أعلنَ الجيشُ مقتلَ ٣٥ مسلحاً ـ بحسب بيان";
        assert_eq!(clean_text(raw), raw);
    }

    #[test]
    fn special_lead_bytes_that_are_ordinary_characters() {
        // U+00A9, U+2014 and U+FEFB share lead bytes with characters that are cleaned.
        let raw = "©\u{a0}حقوق — ﻻ\u{2003}\u{3000}x\u{2029}y\u{9f}z";
        assert_eq!(clean_text(raw), "© حقوق — ﻻ x\nyz");
    }

    /// The obvious char-by-char definition, to check the fast path against.
    fn reference(s: &str) -> String {
        let s = s.replace("\r\n", "\n").replace('\r', "\n");
        let mut lines: Vec<String> = Vec::new();
        for line in s.split(['\n', '\u{85}', '\u{2028}', '\u{2029}']) {
            let kept: String = line
                .chars()
                .filter(|c| *c != '\u{feff}' && (c.is_whitespace() || !c.is_control()))
                .collect();
            lines.push(kept.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        let mut out = String::new();
        let mut blank = 0;
        for l in lines {
            if l.is_empty() {
                blank += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank > 0 { "\n\n" } else { "\n" });
            }
            blank = 0;
            out.push_str(&l);
        }
        out
    }

    #[test]
    fn fast_path_matches_the_reference() {
        let alphabet = [
            "ق", "ت", "ل", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{a0}", "\u{85}", "\u{9f}",
            "\u{2028}", "\u{2003}", "\u{3000}", "\u{feff}", "\u{200c}", "©", "—", "ﻻ", "a",
            "\u{0}", "\u{7f}", "\u{1680}", "٣",
        ];
        let mut state: u32 = 12345;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..(state % 17) {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                s.push_str(alphabet[(state >> 16) as usize % alphabet.len()]);
            }
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            assert_eq!(clean_text(&s), reference(&s), "{s:?}");
        }
    }

    #[test]
    fn idempotent() {
        for s in ["a \n\n\n b", "\r\r\rx", " \t", "سطر\u{2028}سطر\n \n \nسطر"] {
            let once = clean_text(s);
            assert_eq!(clean_text(&once), once);
        }
    }

    #[test]
    fn title_is_one_line() {
        assert_eq!(
            clean_line("  مقتل جنديين\n\nفي سيناء "),
            "مقتل جنديين في سيناء"
        );
        assert_eq!(title_opt(" \n "), None);
    }
}
