//! Tokeniser: Arabic words, Latin words, numbers, punctuation, with offsets.
//!
//! PLACEHOLDER implementation (whitespace/punctuation split) until the text layer lands.

use crate::clitics::segment;
use crate::normalize::match_form;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word in Arabic script.
    Arabic,
    /// A word in Latin script.
    Latin,
    /// A number in any digits (`1,200`, `٧٥`, `3.5`, `1436هـ`).
    Number,
    /// Punctuation, quotes, slashes.
    Punct,
    /// Anything else (symbols, other scripts).
    Other,
}

/// One token with offsets into the original text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Token {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset one past the last character.
    pub byte_end: usize,
    /// Token class.
    pub kind: TokenKind,
    /// Match-normalised form of the whole token (see [`crate::normalize::match_form`]).
    pub norm: String,
    /// Proclitics in match form, concatenated (`وبال` for وبالموصل); empty when none.
    pub prefix: String,
    /// The stem in match form, clitics removed (`موصل`); equals `norm` when nothing was split.
    pub stem: String,
    /// Enclitic pronoun in match form (`ها`); empty when none.
    pub suffix: String,
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = 0usize;
    let mut cur: Option<(usize, usize)> = None; // (byte_start, char_start)
    let push = |out: &mut Vec<Token>, bs: usize, cs: usize, be: usize, ce: usize| {
        let s = &text[bs..be];
        let norm = match_form(s);
        let kind = if s
            .chars()
            .all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
        {
            TokenKind::Number
        } else if s.chars().all(|c| c.is_ascii_alphabetic()) {
            TokenKind::Latin
        } else if s.chars().all(|c| c.is_alphanumeric()) {
            TokenKind::Arabic
        } else {
            TokenKind::Punct
        };
        let seg = segment(&norm);
        out.push(Token {
            start: cs,
            end: ce,
            byte_start: bs,
            byte_end: be,
            kind,
            norm,
            prefix: seg.prefix,
            stem: seg.stem,
            suffix: seg.suffix,
        });
    };
    for (b, c) in text.char_indices() {
        if c.is_alphanumeric() || ('\u{064B}'..='\u{065F}').contains(&c) {
            if cur.is_none() {
                cur = Some((b, chars));
            }
        } else {
            if let Some((bs, cs)) = cur.take() {
                push(&mut out, bs, cs, b, chars);
            }
            if !c.is_whitespace() {
                push(&mut out, b, chars, b + c.len_utf8(), chars + 1);
            }
        }
        chars += 1;
    }
    if let Some((bs, cs)) = cur.take() {
        push(&mut out, bs, cs, text.len(), chars);
    }
    out
}
