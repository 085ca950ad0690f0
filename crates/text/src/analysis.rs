//! One pass over a text: tokens, then sentences over the tokens.

use std::sync::OnceLock;

use crate::sentence::{Sentence, split_sentences};
use crate::token::{Token, tokenize};

/// The analysed text: tokens and sentences with offsets into `text`.
///
/// The number and date grammars remember what they learn about each token in the analysis, so
/// `tokens` should not be edited once they have run.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    /// The original text; all offsets point into it.
    pub text: &'a str,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order; each names its token range.
    pub sentences: Vec<Sentence>,
    /// Per-token facts shared by the number and date grammars.
    pub(crate) memo: Memo,
}

/// Per-token facts that the number and date grammars would otherwise each compute again: both
/// run over every text (`find_numbers` scans the dates too, to flag the numbers inside them), and
/// each fact depends on the tokens alone. Each vector has one entry per token, filled on first use.
#[derive(Debug, Clone, Default)]
pub(crate) struct Memo {
    /// Which grammars each token may start ([`crate::numbers::lex::start_mask`]).
    pub(crate) starts: OnceLock<Vec<u8>>,
    /// Tokens at which no date expression starts, whatever the document date (see
    /// `dates::scan`).
    pub(crate) no_date: OnceLock<Vec<bool>>,
}

/// Analyse `text`: tokenise it and split it into sentences.
pub fn analyze(text: &str) -> Analysis<'_> {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    Analysis {
        text,
        tokens,
        sentences,
        memo: Memo::default(),
    }
}

impl<'a> Analysis<'a> {
    /// The token's original characters.
    pub fn token_text(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.byte_start..t.byte_end]
    }

    /// Index of the sentence that holds token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Which grammars token `i` may start ([`crate::numbers::lex::start_mask`], computed once
    /// for all tokens).
    pub(crate) fn start_mask(&self, i: usize) -> u8 {
        let masks = self.memo.starts.get_or_init(|| {
            (0..self.tokens.len())
                .map(|i| crate::numbers::lex::start_mask(self, i))
                .collect()
        });
        if masks.len() == self.tokens.len() {
            masks.get(i).copied().unwrap_or(0)
        } else {
            // tokens edited after the masks were computed: answer afresh rather than wrongly
            crate::numbers::lex::start_mask(self, i)
        }
    }

    /// The original characters between two byte offsets.
    pub fn slice(&self, byte_start: usize, byte_end: usize) -> &'a str {
        &self.text[byte_start..byte_end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TokenKind;

    #[test]
    fn news_paragraph() {
        let s = "بغداد (رويترز) - قُتل 12 شخصاً وأصيب ٣٥ آخرون في تفجير بالموصل يوم 11 فبراير/شباط 2023.\nوقال مسؤول إن الهجوم وقع فجراً.";
        let a = analyze(s);
        assert_eq!(a.sentences.len(), 2);
        let words: Vec<&str> = (0..a.tokens.len()).map(|i| a.token_text(i)).collect();
        assert!(words.contains(&"بالموصل"));
        let i = words.iter().position(|w| *w == "بالموصل").expect("token");
        assert_eq!(a.tokens[i].prefix, "بال");
        assert_eq!(a.tokens[i].stem, "موصل");
        let n = words.iter().position(|w| *w == "٣٥").expect("token");
        assert_eq!(a.tokens[n].kind, TokenKind::Number);
        assert_eq!(a.tokens[n].norm, "35");
        assert_eq!(a.sentence_of(n), 0);
        let q = words.iter().position(|w| *w == "وقال").expect("token");
        assert_eq!(a.sentence_of(q), 1);
        assert_eq!(a.tokens[q].prefix, "و");
    }

    #[test]
    fn slices_match_tokens() {
        let s = "«الله أكبر» قالها ١٠ مرات";
        let a = analyze(s);
        for (i, t) in a.tokens.iter().enumerate() {
            assert_eq!(a.slice(t.byte_start, t.byte_end), a.token_text(i));
        }
        assert_eq!(a.token_text(1), "الله");
        assert_eq!(a.tokens[1].prefix, "");
    }

    #[test]
    fn empty_and_diacritics_only() {
        let a = analyze("");
        assert!(a.tokens.is_empty() && a.sentences.is_empty());
        assert_eq!(a.sentence_of(0), 0);
        let a = analyze("\u{064B}\u{064C}\u{064D}\u{0651}");
        assert!(a.tokens.is_empty() && a.sentences.is_empty());
    }

    #[test]
    fn traps_keep_whole_words() {
        let s = "وصل آلاف النازحين إلى ليبيا وألمانيا وبلدة كابول";
        let a = analyze(s);
        let get = |w: &str| {
            let i = (0..a.tokens.len())
                .find(|&i| a.token_text(i) == w)
                .expect("token");
            &a.tokens[i]
        };
        assert_eq!(get("آلاف").stem, "الاف");
        assert_eq!(get("إلى").stem, "الي");
        assert_eq!(get("ليبيا").stem, "ليبيا");
        assert_eq!(get("وألمانيا").prefix, "و");
        assert_eq!(get("وألمانيا").stem, "المانيا");
        assert_eq!(get("وبلدة").stem, "بلده");
        assert_eq!(get("كابول").prefix, "");
        assert_eq!(get("النازحين").prefix, "ال");
    }
}
