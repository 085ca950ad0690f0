//! Word forms and small word lists shared by the knowledge base, the rules and the relation finder.
//!
//! Every lookup compares *keys*: the text layer's match form (`text::normalize::match_form`), with
//! Latin letters lower-cased and the Persian letters ی/ک/ۀ/ھ folded to their Arabic forms (UN and
//! GeoNames names mix them in). [`any_clitic_variant`] tries the ways a word may be read once an
//! attached conjunction (و/ف), preposition (ب/ل/ك) or the ل+ال contraction (للدولة) is removed;
//! callers accept the first variant found in their own vocabulary, so stripping is guarded by a
//! lexicon and never applied blindly. This module does no matching of its own.

use rustc_hash::FxHashSet;

/// Lookup key of one word: match form, Latin lower-cased, Persian letters folded.
pub(crate) fn canon(s: &str) -> String {
    canon_of_match_form(&text::normalize::match_form(s))
}

/// [`canon`] of a word already in the text layer's match form (a token's `norm`): the same key
/// without normalising the word a second time.
pub(crate) fn canon_of_match_form(norm: &str) -> String {
    norm.chars()
        .filter_map(|c| match c {
            'ی' | 'ې' => Some('ي'),
            'ک' => Some('ك'),
            'ۀ' => Some('ه'),
            'ھ' => Some('ه'),
            // Tatweel and zero-width joiners never change a word.
            '\u{0640}' | '\u{200c}' | '\u{200d}' => None,
            c if c.is_ascii_uppercase() => Some(c.to_ascii_lowercase()),
            c => Some(c),
        })
        .collect()
}

/// The readings of a word key with attached clitics removed, most literal first.
///
/// `والدولة` gives `والدوله`, `الدوله`; `للدولة` gives `للدوله`, `لدوله`, `الدوله`; `لتنظيم` gives
/// `لتنظيم`, `تنظيم`. A variant keeps at least two letters. (Tests only: the product tries the
/// readings in place with [`any_clitic_variant`].)
#[cfg(test)]
pub(crate) fn clitic_variants(w: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(4);
    any_clitic_variant(w, |v| {
        out.push(v.to_string());
        false
    });
    out
}

/// Whether `f` holds for one of the readings of `w` with attached clitics removed (most literal
/// first: `والدولة` is tried as `والدوله`, then `الدوله`; `للدولة` as `للدوله`, `لدوله`, `الدوله`), stopping
/// at the first hit. Lookups on every token of every article go through here, so the readings are
/// borrowed slices of `w` (only the rare ل+ال contraction builds a string) instead of a `Vec<String>`.
pub(crate) fn any_clitic_variant(w: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    if f(w) {
        return true;
    }
    // No two readings can be equal: each strips a different number of letters or a different
    // first letter, and the ل+ال reading puts ا where the word has ل; so no duplicate check.
    // Two letters take at least two bytes in any script.
    //
    // Prefixes are compared with `text::affix` (no `memcmp` call): ~20 candidate strips per word
    // on every lookup of every token.
    let mut try_one = |s: &str| s.len() >= 2 && s.chars().nth(1).is_some() && f(s);
    // Prepositions by position, so that the two with rules of their own are told apart by index
    // rather than by a string compare.
    const PREPS: [Option<&str>; 4] = [None, Some("ب"), Some("ل"), Some("ك")];
    const LAM: usize = 2;
    const KAF: usize = 3;
    for conj in [None, Some("و"), Some("ف")] {
        let Some(r1) = strip(w, conj) else {
            continue;
        };
        for (pi, prep) in PREPS.into_iter().enumerate() {
            if conj.is_none() && prep.is_none() {
                continue;
            }
            let Some(r2) = strip(r1, prep) else {
                continue;
            };
            // ك ("like") is rare before names and often a word's first letter (كبيرا): only before
            // the article.
            if pi == KAF && !starts_with_article(r2) {
                continue;
            }
            // ل + ال contracts to لل: للدولة is ل + الدولة.
            if pi == LAM && text::affix::starts_with(r2, "ل") && try_one(&format!("ا{r2}")) {
                return true;
            }
            if try_one(r2) {
                return true;
            }
        }
    }
    false
}

fn strip<'a>(s: &'a str, c: Option<&str>) -> Option<&'a str> {
    match c {
        None => Some(s),
        Some(c) => text::affix::strip_prefix(s, c),
    }
}

/// Whether a key starts with the article ال.
pub(crate) fn starts_with_article(k: &str) -> bool {
    text::affix::starts_with(k, "ال")
}

/// The key without a leading article ال, if it has one.
pub(crate) fn strip_article(k: &str) -> Option<&str> {
    text::affix::strip_prefix(k, "ال")
}

/// True when the key is made of Arabic letters only (no digits, Latin or punctuation).
pub(crate) fn is_arabic_word(k: &str) -> bool {
    !k.is_empty() && k.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// A set of word keys read from a shipped list (`#` comments, one entry per line or per column).
#[derive(Debug, Default, Clone)]
pub(crate) struct WordSet(FxHashSet<String>);

impl WordSet {
    /// Build from entries (each canonicalised; multi-word entries are kept with single spaces).
    pub(crate) fn from_iter<'a>(items: impl IntoIterator<Item = &'a str>) -> Self {
        WordSet(
            items
                .into_iter()
                .map(|s| {
                    s.split_whitespace()
                        .map(canon)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .filter(|s| !s.is_empty())
                .collect(),
        )
    }

    /// Parse a one-word-per-line list.
    pub(crate) fn parse_lines(data: &str) -> Self {
        Self::from_iter(
            data.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#')),
        )
    }

    /// Whether the key itself is listed.
    pub(crate) fn contains(&self, k: &str) -> bool {
        self.0.contains(k)
    }

    /// Whether the key or one of its clitic-stripped readings is listed.
    pub(crate) fn contains_loose(&self, k: &str) -> bool {
        any_clitic_variant(k, |v| self.0.contains(v))
    }
}

/// Iterate the data rows of a shipped TSV: skips `#` comments, blank lines and the header row
/// (the first row whose first cell equals `header_first`).
pub(crate) fn tsv_rows<'a>(
    data: &'a str,
    header_first: &'a str,
) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect::<Vec<_>>()))
        .filter(move |(_, c)| c.first().is_some_and(|f| *f != header_first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canon_folds_hamza_case_and_persian_letters() {
        assert_eq!(canon("إفريقيا"), canon("أفريقيا"));
        assert_eq!(canon("ISIS"), "isis");
        assert_eq!(canon("عبد الکبیر"), canon("عبد الكبير"));
        assert_eq!(canon("داعـــش"), "داعش");
    }

    #[test]
    fn a_tokens_norm_gives_the_same_key_as_its_text() {
        let text = "وقالت «داعش» إنّ مقاتلي ISIS والـدولة الإسلامية دخلوا عبد الکبیر ٢٠١٥";
        let a = text::analyze(text);
        for (i, t) in a.tokens.iter().enumerate() {
            assert_eq!(
                canon_of_match_form(&t.norm),
                canon(a.token_text(i)),
                "{t:?}"
            );
        }
    }

    #[test]
    fn clitic_variants_cover_conjunction_preposition_and_article_contraction() {
        let v = clitic_variants(&canon("للدولة"));
        assert!(v.contains(&canon("الدولة")), "{v:?}");
        let v = clitic_variants(&canon("وبداعش"));
        assert!(v.contains(&"داعش".to_string()), "{v:?}");
        let v = clitic_variants(&canon("لتنظيم"));
        assert!(v.contains(&"تنظيم".to_string()), "{v:?}");
        assert_eq!(clitic_variants("داعش")[0], "داعش");
        for w in ["وللدولة", "فبالموصل", "والل", "كالدولة", "وب"] {
            let v = clitic_variants(&canon(w));
            let mut d = v.clone();
            d.sort();
            d.dedup();
            assert_eq!(d.len(), v.len(), "{w}: {v:?}");
        }
    }
}
