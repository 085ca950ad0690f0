//! Arabic-aware full-text search over a Marsad store.
//!
//! A query is words, `"quoted phrases"` and `-excluded` words. Each word is analysed exactly as
//! the index analyses documents ([`store::index::terms`]: match normalisation, then clitics
//! stripped), so `بالموصل`, `والموصل` and `الموصل` find the same articles, and so do `الرقة` and
//! `الرقه` or `إرهاب` and `ارهاب`. All positive words and phrases must occur; hits come back best
//! first (BM25) with a snippet cut around the first matching word and the character offsets of
//! every matching word in the document, so a caller can highlight the original text.
//!
//! It does not do fuzzy matching, synonyms (داعش ≠ تنظيم الدولة here: entity search across
//! aliases is `marsad entity`), or ranking by date.
#![deny(missing_docs)]

use std::collections::HashSet;

use serde::Serialize;
use store::SqliteStore;

/// Errors of a search.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The query cannot be run as written.
    #[error("query: {0}")]
    Query(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] store::Error),
}

/// One part of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// The document must contain every term of the phrase, in order (a single word is a phrase of
    /// one term).
    Must(Vec<String>),
    /// The document must not contain this phrase.
    MustNot(Vec<String>),
}

/// A parsed query: index terms grouped into clauses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The clauses, in query order.
    pub clauses: Vec<Clause>,
}

impl Query {
    /// Parse `words "phrases" -excluded`. Words that analyse to nothing (punctuation) are
    /// dropped; a query with no positive word is an error, since FTS5 cannot list "everything
    /// but".
    pub fn parse(q: &str) -> Result<Query, Error> {
        let mut clauses = Vec::new();
        let mut rest = q;
        while let Some(c) = rest.chars().next() {
            if c.is_whitespace() {
                rest = &rest[c.len_utf8()..];
                continue;
            }
            let negative = c == '-';
            if negative {
                rest = &rest[1..];
            }
            let (part, after) = if let Some(body) = rest.strip_prefix('"') {
                match body.find('"') {
                    Some(end) => (&body[..end], &body[end + 1..]),
                    None => return Err(Error::Query("unclosed quote".into())),
                }
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            };
            rest = after;
            let terms: Vec<String> = store::index::terms(part)
                .split(' ')
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect();
            if terms.is_empty() {
                continue;
            }
            clauses.push(if negative {
                Clause::MustNot(terms)
            } else {
                Clause::Must(terms)
            });
        }
        if !clauses.iter().any(|c| matches!(c, Clause::Must(_))) {
            return Err(Error::Query(format!(
                "'{q}' has no word to look for (only punctuation or excluded words)"
            )));
        }
        Ok(Query { clauses })
    }

    /// The FTS5 expression for this query over the index terms.
    pub fn to_fts(&self) -> String {
        let phrase = |terms: &[String]| {
            // Terms are letters and digits only (the index analysis drops everything else), but
            // quote them anyway so no FTS5 keyword (AND, OR, NOT, NEAR) is ever read as syntax.
            let inner: Vec<String> = terms.iter().map(|t| t.replace('"', "")).collect();
            format!("\"{}\"", inner.join(" "))
        };
        let must: Vec<String> = self
            .clauses
            .iter()
            .filter_map(|c| match c {
                Clause::Must(t) => Some(phrase(t)),
                Clause::MustNot(_) => None,
            })
            .collect();
        let mut out = must.join(" AND ");
        for c in &self.clauses {
            if let Clause::MustNot(t) = c {
                out.push_str(" NOT ");
                out.push_str(&phrase(t));
            }
        }
        out
    }

    fn positive_terms(&self) -> HashSet<&str> {
        self.clauses
            .iter()
            .filter_map(|c| match c {
                Clause::Must(t) => Some(t),
                Clause::MustNot(_) => None,
            })
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// One matching document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Document id.
    pub doc_id: String,
    /// Where the document came from.
    pub source: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Publication date (YYYY-MM-DD), when known.
    pub date: Option<String>,
    /// BM25 relevance, higher is better.
    pub score: f64,
    /// About [`SNIPPET_CHARS`] characters of the original text around the first match.
    pub snippet: String,
    /// Character offset of the snippet in the document text.
    pub snippet_start: usize,
    /// Character spans `[start, end)` in the document text of every word matching the query.
    pub matches: Vec<(usize, usize)>,
}

/// Snippet length in characters.
pub const SNIPPET_CHARS: usize = 200;

/// Run `query` against the store: at most `limit` hits, best first.
pub fn search(store: &SqliteStore, query: &str, limit: usize) -> Result<Vec<Hit>, Error> {
    let q = Query::parse(query)?;
    let wanted = q.positive_terms();
    let rows = store.full_text(&q.to_fts(), limit)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let matches = matching_spans(&r.text, &wanted);
            let (snippet_start, snippet) = snippet(&r.text, matches.first().map(|m| m.0));
            Hit {
                doc_id: r.doc_id,
                source: r.source,
                title: r.title,
                date: r.date,
                score: r.score,
                snippet,
                snippet_start,
                matches,
            }
        })
        .collect())
}

/// Character spans of the words of `text` whose index term is in `wanted`.
pub fn matching_spans(text: &str, wanted: &HashSet<&str>) -> Vec<(usize, usize)> {
    let analysis = text::analyze(text);
    analysis
        .tokens
        .iter()
        .filter(|t| store::index::term(t).is_some_and(|term| wanted.contains(term.as_str())))
        .map(|t| (t.start, t.end))
        .collect()
}

/// A window of about [`SNIPPET_CHARS`] characters starting a little before `at`, widened to word
/// boundaries; its start offset in characters.
fn snippet(text: &str, at: Option<usize>) -> (usize, String) {
    let chars: Vec<char> = text.chars().collect();
    let at = at.unwrap_or(0).min(chars.len());
    let mut start = at.saturating_sub(SNIPPET_CHARS / 4);
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    let mut end = (start + SNIPPET_CHARS).min(chars.len());
    while end < chars.len() && !chars[end].is_whitespace() {
        end += 1;
    }
    (start, chars[start..end].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_forms_parse_to_the_same_terms() {
        assert_eq!(
            Query::parse("بالموصل").expect("q"),
            Query::parse("الموصل").expect("q")
        );
    }

    #[test]
    fn phrases_and_exclusions() {
        let q = Query::parse("\"دير الزور\" -الرقة هجوم").expect("q");
        assert_eq!(q.clauses.len(), 3);
        assert!(matches!(&q.clauses[0], Clause::Must(t) if t.len() == 2));
        assert!(matches!(&q.clauses[1], Clause::MustNot(_)));
        let fts = q.to_fts();
        assert!(fts.contains(" AND ") && fts.contains(" NOT "), "{fts}");
    }

    #[test]
    fn bad_queries_are_errors() {
        assert!(Query::parse("").is_err());
        assert!(Query::parse("، . !").is_err());
        assert!(Query::parse("-داعش").is_err());
        assert!(Query::parse("\"دير الزور").is_err());
    }

    #[test]
    fn fts_keywords_are_quoted() {
        let q = Query::parse("NOT OR").expect("q");
        assert_eq!(q.to_fts(), "\"not\" AND \"or\"");
    }

    #[test]
    fn spans_point_at_the_original_words() {
        let text = "وصلت القوات إلى الموصل، وفي بالموصل نفسها";
        let q = Query::parse("موصل").expect("q");
        let spans = matching_spans(text, &q.positive_terms());
        let words: Vec<String> = spans
            .iter()
            .map(|&(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(words, ["الموصل", "بالموصل"]);
    }

    #[test]
    fn snippet_starts_on_a_word_boundary() {
        let text = "كلمة ".repeat(100);
        let (start, s) = snippet(&text, Some(300));
        assert!(start > 0 && s.starts_with("كلمة"));
        assert!(s.chars().count() <= SNIPPET_CHARS + 5);
    }
}
