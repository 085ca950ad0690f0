//! The bundled word lists (data/*.tsv) and the matcher that finds them in analysed text.
//!
//! Every list is a set of *phrases* (one or more words) with a payload. Words are stored in the
//! text layer's match form; a word ending in `*` matches any word that starts with it. A token
//! matches a word when its match form, its stem from the text layer, or its match form with
//! common proclitics (و ف ب ل ك ال and their combinations) and pronoun enclitics removed equals
//! the word (or starts with it, for `*` words). Phrases match consecutive tokens.
//!
//! This module knows nothing about events: it only parses the lists and finds them. It does not
//! read files at run time: the lists are embedded with `include_str!`.

use rustc_hash::FxHashMap;
use text::Token;
use text::normalize::match_form;

/// One word of a phrase.
#[derive(Debug, Clone)]
enum Word {
    Exact(String),
    Prefix(String),
}

impl Word {
    fn parse(w: &str) -> Option<Word> {
        if let Some(p) = w.strip_suffix('*') {
            let p = match_form(p);
            (!p.is_empty()).then_some(Word::Prefix(p))
        } else {
            let w = match_form(w);
            (!w.is_empty()).then_some(Word::Exact(w))
        }
    }

    fn matches(&self, forms: &[&str]) -> bool {
        match self {
            Word::Exact(w) => forms.iter().any(|f| f == w),
            Word::Prefix(p) => forms.iter().any(|f| text::affix::starts_with(f, p)),
        }
    }
}

/// Proclitic sequences stripped before lookup, longest first so `وال` wins over `و`.
const PROCLITICS: &[&str] = &[
    "وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل",
    "وك", "و", "ف", "ب", "ل", "ك",
];
/// Pronoun enclitics stripped before lookup, and last the accusative alif of tanween
/// ("تفجيرا" → تفجير), which is not a clitic but hides the lexicon form the same way.
const ENCLITICS: &[&str] = &["هما", "هم", "هن", "ها", "كم", "نا", "ه", "ا"];

/// Minimum characters a stripped form must keep: shorter remainders are almost always a
/// coincidence (ب+ين) rather than a clitic plus a word.
const MIN_STEM_CHARS: usize = 2;

/// The candidate match forms of one token: whole form, text-layer stem, clitic-stripped forms.
/// Borrowed slices only: this runs on every token.
pub fn token_forms<'t>(t: &'t Token, out: &mut Vec<&'t str>) {
    out.clear();
    let norm = t.norm.as_str();
    out.push(norm);
    if !t.stem.is_empty() && t.stem != t.norm {
        out.push(t.stem.as_str());
    }
    let mut bases: [&str; 2] = [norm, ""];
    for p in PROCLITICS {
        if let Some(rest) = text::affix::strip_prefix(norm, p)
            && rest.chars().count() >= MIN_STEM_CHARS
        {
            bases[1] = rest;
            out.push(rest);
            break;
        }
    }
    for base in bases {
        if base.is_empty() {
            continue;
        }
        for e in ENCLITICS {
            if let Some(rest) = text::affix::strip_suffix(base, e)
                && rest.chars().count() >= MIN_STEM_CHARS
            {
                out.push(rest);
                break;
            }
        }
    }
}

/// Whether the token carries the definite article (ال) after any conjunction/preposition.
pub fn is_definite(t: &Token) -> bool {
    let n = t.norm.as_str();
    [
        "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال",
    ]
    .iter()
    .any(|p| text::affix::starts_with(n, p) && n.chars().count() > p.chars().count() + 1)
}

/// A set of phrases with payloads, indexed by their first word.
#[derive(Debug)]
pub struct PhraseSet<T> {
    entries: Vec<(Vec<Word>, T)>,
    exact_first: FxHashMap<String, Vec<usize>>,
    /// Phrases whose first word is a prefix (`قصف*`), by that prefix's first letter: a token is
    /// only tested against the prefixes that begin with one of its forms' first letters.
    prefix_first: FxHashMap<char, Vec<(String, usize)>>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            entries: Vec::new(),
            exact_first: FxHashMap::default(),
            prefix_first: FxHashMap::default(),
        }
    }
}

impl<T> PhraseSet<T> {
    /// Add a phrase (space-separated words in any spelling). Empty phrases are ignored.
    pub fn insert(&mut self, phrase: &str, payload: T) {
        let words: Vec<Word> = phrase.split_whitespace().filter_map(Word::parse).collect();
        let Some(first) = words.first() else {
            return;
        };
        let id = self.entries.len();
        match first {
            Word::Exact(w) => self.exact_first.entry(w.clone()).or_default().push(id),
            Word::Prefix(p) => {
                // Never empty: `Word::parse` drops an empty prefix.
                if let Some(c) = p.chars().next() {
                    self.prefix_first
                        .entry(c)
                        .or_default()
                        .push((p.clone(), id));
                }
            }
        }
        self.entries.push((words, payload));
    }

    /// Every phrase that starts at token `i`, as (number of tokens, payload). `forms[k]` holds the
    /// candidate forms of token `k` (see [`token_forms`]); phrases never run past `end`.
    pub fn matches_at<'s>(
        &'s self,
        forms: &[Vec<&str>],
        i: usize,
        end: usize,
        out: &mut Vec<(usize, &'s T)>,
    ) {
        out.clear();
        let Some(f0) = forms.get(i) else {
            return;
        };
        // (words, rank of the form the first word matched through, payload): the token's own
        // form ranks 0, clitic-stripped forms after it, so "قتلا" (killed, after the number)
        // beats "قتل" reached by stripping a final ا.
        let mut found: Vec<(usize, usize, &'s T)> = Vec::new();
        let mut check = |id: usize, rank: usize| {
            let (words, payload) = &self.entries[id];
            if i + words.len() > end {
                return;
            }
            let ok = words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, w)| forms.get(i + k).is_some_and(|fk| w.matches(fk)));
            if ok {
                found.push((words.len(), rank, payload));
            }
        };
        for (rank, f) in f0.iter().enumerate() {
            if let Some(ids) = self.exact_first.get(*f) {
                for &id in ids {
                    check(id, rank);
                }
            }
        }
        // The distinct first letters of the token's forms (at most five forms, see
        // `token_forms`); no allocation, this runs for every token of every lexicon.
        let mut letters = ['\0'; 8];
        let mut n_letters = 0;
        for c in f0.iter().filter_map(|f| f.chars().next()) {
            if letters[..n_letters].contains(&c) {
                continue;
            }
            if let Some(slot) = letters.get_mut(n_letters) {
                *slot = c;
                n_letters += 1;
            }
            for (p, id) in self.prefix_first.get(&c).into_iter().flatten() {
                if let Some(rank) = f0.iter().position(|f| text::affix::starts_with(f, p)) {
                    check(*id, rank);
                }
            }
        }
        // Longest first, then the most literal match; the same entry can be reached through
        // two candidate forms.
        found.sort_by_key(|(n, rank, p)| (std::cmp::Reverse(*n), *rank, *p as *const T as usize));
        for (n, _, p) in found {
            if !out.iter().any(|(m, q)| *m == n && std::ptr::eq(*q, p)) {
                out.push((n, p));
            }
        }
    }

    /// The longest phrase starting at `i`, if any.
    pub fn longest_at<'s>(
        &'s self,
        forms: &[Vec<&str>],
        i: usize,
        end: usize,
    ) -> Option<(usize, &'s T)> {
        let mut out = Vec::new();
        self.matches_at(forms, i, end, &mut out);
        out.into_iter().next()
    }

    /// The payload of a one-word exact entry equal to `w` (already in match form).
    pub fn word(&self, w: &str) -> Option<&T> {
        self.exact_first
            .get(w)?
            .iter()
            .map(|&id| &self.entries[id])
            .find(|(words, _)| words.len() == 1)
            .map(|(_, p)| p)
    }

    /// Payloads of every one-word exact entry equal to `w` (a word may have several roles).
    pub fn words<'s>(&'s self, w: &str) -> impl Iterator<Item = &'s T> + 's {
        self.exact_first
            .get(w)
            .into_iter()
            .flatten()
            .map(|&id| &self.entries[id])
            .filter(|(words, _)| words.len() == 1)
            .map(|(_, p)| p)
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the set holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Iterate the data rows of a bundled TSV: skip blank and `#` lines, split on tabs.
pub fn rows(src: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').map(str::trim).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms_of(s: &str) -> (Vec<Token>, Vec<Vec<String>>) {
        let a = text::analyze(s);
        let toks = a.tokens.clone();
        let mut f = Vec::new();
        let mut buf = Vec::new();
        for t in &toks {
            token_forms(t, &mut buf);
            f.push(buf.iter().map(|s| s.to_string()).collect());
        }
        (toks, f)
    }

    #[test]
    fn clitics_and_prefix_words_match() {
        let mut set = PhraseSet::default();
        set.insert("هجوم", 1);
        set.insert("هاجم*", 2);
        set.insert("القبض على", 3);
        let (_, f) = forms_of("وبالهجوم هاجموا وألقت القبض على");
        let f: Vec<Vec<&str>> = f
            .iter()
            .map(|v| v.iter().map(String::as_str).collect())
            .collect();
        let n = f.len();
        assert_eq!(set.longest_at(&f, 0, n).map(|x| *x.1), Some(1));
        assert_eq!(set.longest_at(&f, 1, n).map(|x| *x.1), Some(2));
        assert_eq!(set.longest_at(&f, 3, n).map(|x| (x.0, *x.1)), Some((2, 3)));
        assert_eq!(set.longest_at(&f, 2, n), None);
        // A phrase may not run past the sentence end.
        assert_eq!(set.longest_at(&f, 3, 4), None);
    }

    #[test]
    fn definite_article_detected_after_conjunction() {
        let a = text::analyze("والهجوم هجوم الي");
        assert!(is_definite(&a.tokens[0]));
        assert!(!is_definite(&a.tokens[1]));
        assert!(!is_definite(&a.tokens[2]));
    }
}
