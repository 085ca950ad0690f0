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
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut pending_newlines = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
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
                if out.is_empty() {
                    // Leading whitespace and blank lines are dropped.
                } else if pending_newlines > 0 {
                    out.push('\n');
                    if pending_newlines > 1 {
                        out.push('\n');
                    }
                } else if pending_space {
                    out.push(' ');
                }
                pending_newlines = 0;
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
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
