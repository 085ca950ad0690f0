//! One pass over a text: tokens, then sentences over the tokens.

use crate::sentence::{Sentence, split_sentences};
use crate::token::{Token, tokenize};

/// The analysed text: tokens and sentences with offsets into `text`.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    /// The original text; all offsets point into it.
    pub text: &'a str,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order; each names its token range.
    pub sentences: Vec<Sentence>,
}

/// Analyse `text`: tokenise it and split it into sentences.
pub fn analyze(text: &str) -> Analysis<'_> {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    Analysis {
        text,
        tokens,
        sentences,
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

    /// The original characters between two byte offsets.
    pub fn slice(&self, byte_start: usize, byte_end: usize) -> &'a str {
        &self.text[byte_start..byte_end]
    }
}
