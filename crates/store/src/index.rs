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
    for t in &analysis.tokens {
        let Some(s) = term_form(t) else { continue };
        if !out.is_empty() {
            out.push(' ');
        }
        // Written straight into the line (no String per token); Arabic letters have no case.
        for c in s.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// The index term of one token: the clitic-stripped stem of an Arabic word, the lowercased form
/// of a Latin word or a number; `None` for punctuation and symbols.
pub fn term(t: &Token) -> Option<String> {
    term_form(t).map(|s| s.chars().flat_map(char::to_lowercase).collect())
}

/// The token's string the term is made of, before lowercasing.
fn term_form(t: &Token) -> Option<&str> {
    let term = match t.kind {
        TokenKind::Arabic => t.stem.as_str(),
        TokenKind::Latin | TokenKind::Number => t.norm.as_str(),
        TokenKind::Punct | TokenKind::Other => return None,
    };
    (!term.is_empty()).then_some(term)
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
    fn the_line_is_the_terms_of_its_tokens() {
        let text = "قال مسؤول في ÉCOLE وISIS إن «داعش» هاجمت ٣ مواقع بالموصل Ωmega";
        let a = text::analyze(text);
        let joined: Vec<String> = a.tokens.iter().filter_map(super::term).collect();
        assert_eq!(super::terms_of(&a), joined.join(" "));
        assert!(super::terms_of(&a).contains("école"));
    }

    #[test]
    fn protected_words_are_not_cut_and_punctuation_is_dropped() {
        // إلى is not ب/ل + something, ليبيا is not ل + يبيا.
        assert_eq!(terms("إلى ليبيا،"), "الي ليبيا");
        assert_eq!(terms("ISIS 2023!"), "isis 2023");
    }
}
