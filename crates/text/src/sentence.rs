//! Sentence splitter over tokens.
//!
//! A sentence ends
//! * after `.` (or a run `...`), `!`, `?`, `؟`, `…` — together with any closing quotes or
//!   brackets glued to it (`…انتهى.»`) — unless the full stop closes an abbreviation
//!   (data/abbreviations.txt, or any single letter such as `U.S.` or `د.`, except a letter glued
//!   to a number, as in `2015م.`);
//! * at every line break: a headline line without a full stop is a sentence of its own.
//!
//! Decimal points never end a sentence because the tokeniser keeps `3.5` in one number token.
//! It does not detect sentence ends marked only by a comma chain or by capitalisation.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::normalize::match_form;
use crate::token::{Token, TokenKind};

/// A sentence with offsets and its token range.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset one past the last character.
    pub byte_end: usize,
    /// Indices into [`crate::Analysis::tokens`].
    pub tokens: Range<usize>,
}

static ABBREVIATIONS_TXT: &str = include_str!("../data/abbreviations.txt");

static ABBREVIATIONS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    ABBREVIATIONS_TXT
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(match_form)
        .collect()
});

/// Is this token text a sentence-final mark?
fn is_terminal(s: &str) -> bool {
    matches!(s, "!" | "?" | "؟" | "…") || (!s.is_empty() && s.bytes().all(|b| b == b'.'))
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "»" | "\"" | "'" | "’" | ")" | "]" | "}" | "›")
}

/// Does the full stop at token `i` close an abbreviation?
fn is_abbreviation_stop(text: &str, tokens: &[Token], i: usize) -> bool {
    if &text[tokens[i].byte_start..tokens[i].byte_end] != "." || i == 0 {
        return false;
    }
    let prev = &tokens[i - 1];
    if prev.byte_end != tokens[i].byte_start {
        return false; // "word ." with a space is a real stop
    }
    if !matches!(prev.kind, TokenKind::Arabic | TokenKind::Latin) {
        return false;
    }
    // a letter glued to a number (2015م.) is a unit, and the stop is real
    let glued_to_number = i >= 2
        && tokens[i - 2].byte_end == prev.byte_start
        && tokens[i - 2].kind == TokenKind::Number;
    if glued_to_number {
        return false;
    }
    let word = &text[prev.byte_start..prev.byte_end];
    // the stop must be followed by more text on the same line
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    if text[tokens[i].byte_end..next.byte_start].contains('\n') {
        return false;
    }
    prev.norm.chars().count() == 1
        || ABBREVIATIONS.contains(&prev.norm)
        || ABBREVIATIONS.contains(word)
}

/// Split tokenised `text` into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let s = &text[t.byte_start..t.byte_end];
        let mut last = i;
        let mut end_here = false;
        if is_terminal(s) && !is_abbreviation_stop(text, tokens, i) {
            end_here = true;
            // swallow terminal marks and closers glued to this one ("!؟", ".»", "?)")
            while let Some(n) = tokens.get(last + 1) {
                let ns = &text[n.byte_start..n.byte_end];
                let glued = n.byte_start == tokens[last].byte_end;
                if glued && (is_closer(ns) || is_terminal(ns)) {
                    last += 1;
                } else {
                    break;
                }
            }
        }
        let newline_after = tokens
            .get(last + 1)
            .is_some_and(|n| text[tokens[last].byte_end..n.byte_start].contains('\n'));
        if end_here || newline_after || last + 1 == tokens.len() {
            let a = &tokens[first];
            let z = &tokens[last];
            out.push(Sentence {
                start: a.start,
                end: z.end,
                byte_start: a.byte_start,
                byte_end: z.byte_end,
                tokens: first..last + 1,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn sentences(s: &str) -> Vec<&str> {
        let t = tokenize(s);
        split_sentences(s, &t)
            .iter()
            .map(|x| &s[x.byte_start..x.byte_end])
            .collect()
    }

    #[test]
    fn splits_on_arabic_and_latin_marks() {
        assert_eq!(
            sentences("قتل خمسة. وأصيب عشرة! هل انتهى؟ نعم"),
            ["قتل خمسة.", "وأصيب عشرة!", "هل انتهى؟", "نعم"]
        );
    }

    #[test]
    fn decimal_numbers_do_not_split() {
        assert_eq!(
            sentences("ارتفع المؤشر 3.5 في المئة. ثم هبط"),
            ["ارتفع المؤشر 3.5 في المئة.", "ثم هبط"]
        );
        assert_eq!(
            sentences("بلغ ٣٫٥ مليون. انتهى"),
            ["بلغ ٣٫٥ مليون.", "انتهى"]
        );
    }

    #[test]
    fn headline_line_is_a_sentence() {
        assert_eq!(
            sentences("مقتل 5 جنود في هجوم\nبغداد (رويترز) - قتل خمسة جنود."),
            ["مقتل 5 جنود في هجوم", "بغداد (رويترز) - قتل خمسة جنود."]
        );
    }

    #[test]
    fn blank_lines_and_empty() {
        assert_eq!(sentences("\n\nأولا\n\n\nثانيا\n"), ["أولا", "ثانيا"]);
        assert!(sentences("").is_empty());
        assert!(sentences("   \n ").is_empty());
    }

    #[test]
    fn abbreviations() {
        assert_eq!(
            sentences("قال د. أحمد إن الوضع خطير."),
            ["قال د. أحمد إن الوضع خطير."]
        );
        assert_eq!(
            sentences("زار م. خالد الموقع. ثم غادر"),
            ["زار م. خالد الموقع.", "ثم غادر"]
        );
        assert_eq!(
            sentences("أعلنت U.S. Army ذلك. ثم"),
            ["أعلنت U.S. Army ذلك.", "ثم"]
        );
        assert_eq!(sentences("قال Dr. Smith ذلك"), ["قال Dr. Smith ذلك"]);
    }

    #[test]
    fn letter_glued_to_number_is_a_real_stop() {
        assert_eq!(
            sentences("وقع ذلك عام 2015م. ثم عاد"),
            ["وقع ذلك عام 2015م.", "ثم عاد"]
        );
    }

    #[test]
    fn closing_quotes_stay_with_the_sentence() {
        assert_eq!(
            sentences("قال: «انتهى الأمر.» ثم غادر."),
            ["قال: «انتهى الأمر.»", "ثم غادر."]
        );
        assert_eq!(sentences("ماذا؟! لا أعرف"), ["ماذا؟!", "لا أعرف"]);
    }

    #[test]
    fn ellipsis() {
        assert_eq!(sentences("وانتظر... ثم رحل"), ["وانتظر...", "ثم رحل"]);
    }

    #[test]
    fn token_ranges_cover_all_tokens() {
        let s = "أ. ب\nج؟ د.";
        let t = tokenize(s);
        let ss = split_sentences(s, &t);
        let mut next = 0;
        for x in &ss {
            assert_eq!(x.tokens.start, next);
            next = x.tokens.end;
        }
        assert_eq!(next, t.len());
    }
}
