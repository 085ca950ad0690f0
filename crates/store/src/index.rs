//! The terms the full-text index stores for a text: one term per word, the clitic-stripped stem
//! in match form (`وبالموصل` → `موصل`, `الرقة` / `الرقه` → `رقه`), so a search for any spelling or
//! clitic form of a word finds every other. Queries must be analysed with the same function
//! (the search crate does), which keeps index and query in step.
//!
//! It does not rank, parse queries or build snippets (the search crate does); it only decides
//! what a word is for the index.

use text::token::{Token, TokenKind};

/// Index terms of `text`, space-separated, in text order (so FTS5 phrase queries work on them).
pub fn terms(text: &str) -> String {
    terms_of(&text::analyze(text))
}

/// [`terms`] of a text already analysed (the pipeline's own analysis, so ingest does not tokenise
/// every article twice).
pub fn terms_of(analysis: &text::Analysis<'_>) -> String {
    let mut out = String::with_capacity(analysis.text.len() / 2);
    for term in analysis.tokens.iter().filter_map(term) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&term);
    }
    out
}

/// The index term of one token: the clitic-stripped stem of an Arabic word, the lowercased form
/// of a Latin word or a number; `None` for punctuation and symbols.
pub fn term(t: &Token) -> Option<String> {
    let term = match t.kind {
        TokenKind::Arabic => t.stem.as_str(),
        TokenKind::Latin | TokenKind::Number => t.norm.as_str(),
        TokenKind::Punct | TokenKind::Other => return None,
    };
    (!term.is_empty()).then(|| term.chars().flat_map(char::to_lowercase).collect())
}

#[cfg(test)]
mod tests {
    use super::terms;

    #[test]
    fn clitic_and_spelling_variants_share_a_term() {
        assert_eq!(terms("وبالموصل"), terms("الموصل"));
        assert_eq!(terms("الرقة"), terms("الرقه"));
        assert_eq!(terms("إرهابيين"), terms("ارهابيين"));
        assert_eq!(terms("قُتِلَ"), terms("قتل"));
    }

    #[test]
    fn protected_words_are_not_cut_and_punctuation_is_dropped() {
        // إلى is not ب/ل + something, ليبيا is not ل + يبيا.
        assert_eq!(terms("إلى ليبيا،"), "الي ليبيا");
        assert_eq!(terms("ISIS 2023!"), "isis 2023");
    }
}
