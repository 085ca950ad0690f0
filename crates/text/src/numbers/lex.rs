//! Shared plumbing for the number and date grammars: reading the tab-separated lexicons shipped in
//! `crates/text/data/`, folding their words to the match form, and matching words and phrases
//! against tokens with optional proclitics.
//!
//! It holds no Arabic knowledge itself (that is in the data files) and does not decide what a
//! phrase means; the callers do.

use rustc_hash::FxHashMap as HashMap;

use crate::Analysis;
use crate::normalize::match_form;

/// Proclitic sequences that may stick to the first word of a number or date phrase, longest
/// first so that `وب` wins over `و`. Conjunctions و/ف, prepositions ب/ل and their pairs. ك is
/// left out on purpose: numbers and dates almost never take it, and with the match form
/// folding ئ it turns كمية ("quantity") into ك + مئة.
const PROCLITICS: [&str; 8] = ["وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"];

/// Rows of a data file: comment lines (`#`) and blank lines skipped, fields split on tabs, the
/// first field folded to the match form word by word.
pub(crate) fn rows(data: &str) -> impl Iterator<Item = (Vec<String>, Vec<&str>)> {
    data.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let mut fields = line.split('\t');
        let phrase = fields.next()?;
        let words: Vec<String> = phrase
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(match_form)
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return None;
        }
        Some((words, fields.map(str::trim).collect()))
    })
}

/// The ways a token's match form can be read: as is, then with each known proclitic removed.
/// Yields `(proclitic, rest)`; the rest is never empty.
pub(crate) fn variants(norm: &str) -> impl Iterator<Item = (&'static str, &str)> {
    std::iter::once(("", norm)).chain(PROCLITICS.iter().filter_map(move |p| {
        crate::affix::strip_prefix(norm, p)
            .filter(|rest| !rest.is_empty())
            .map(|rest| (*p, rest))
    }))
}

/// Phrases indexed by their first word, so that a lookup at a token costs a hash probe per
/// reading of that token instead of a scan over the whole lexicon.
pub(crate) struct PhraseIndex<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> PhraseIndex<T> {
    /// Index `entries`; within a first word, longer phrases are tried first.
    pub(crate) fn new(entries: impl IntoIterator<Item = (Vec<String>, T)>) -> Self {
        let mut by_first: HashMap<String, Vec<(Vec<String>, T)>> = HashMap::default();
        for (words, v) in entries {
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push((words, v));
            }
        }
        for bucket in by_first.values_mut() {
            bucket.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        PhraseIndex { by_first }
    }

    /// The first words of all phrases.
    pub(crate) fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// The first phrase at token `i` whose value satisfies `pred`: the token read as is first,
    /// then (when `clitic`) with a proclitic removed. Returns the token index past the phrase.
    pub(crate) fn find_at(
        &self,
        a: &Analysis<'_>,
        i: usize,
        clitic: bool,
        pred: impl Fn(&T) -> bool,
    ) -> Option<(usize, &T)> {
        let norm = a.tokens.get(i)?.norm.as_str();
        let try_first = |first: &str| -> Option<(usize, &T)> {
            self.by_first.get(first)?.iter().find_map(|(words, v)| {
                if !pred(v) {
                    return None;
                }
                let end = i + words.len();
                let rest_ok = end <= a.tokens.len()
                    && words[1..]
                        .iter()
                        .enumerate()
                        .all(|(k, w)| a.tokens[i + 1 + k].norm == *w);
                rest_ok.then_some((end, v))
            })
        };
        if let Some(hit) = try_first(norm) {
            return Some(hit);
        }
        if !clitic {
            return None;
        }
        for (_, rest) in variants(norm).skip(1) {
            if let Some(hit) = try_first(rest) {
                return Some(hit);
            }
        }
        // ل + ال assimilated: للعام = ل + العام.
        let assimilated = ["لل", "ولل", "فلل"]
            .iter()
            .find_map(|p| norm.strip_prefix(p))
            .filter(|r| !r.is_empty())
            .map(|r| format!("ال{r}"))?;
        try_first(&assimilated)
    }
}

/// A token may start a number expression.
pub(crate) const START_NUMBER: u8 = 1;
/// A token may start a date expression.
pub(crate) const START_DATE: u8 = 2;

/// Every word that can begin a number or date expression (first words of all phrases of both
/// grammars), with the grammars it can begin. A cheap pre-filter: a token none of whose readings
/// is in here (and that holds no digit) is skipped without trying any rule.
static STARTS: std::sync::LazyLock<HashMap<String, u8>> = std::sync::LazyLock::new(|| {
    let mut m: HashMap<String, u8> = HashMap::default();
    let nl = super::words::lexicon();
    let mut add = |w: &str, bit: u8| *m.entry(w.to_string()).or_default() |= bit;
    for w in nl.words.keys() {
        add(w, START_NUMBER | START_DATE);
    }
    for (w, _) in &nl.vague {
        add(&w[0], START_NUMBER);
    }
    for w in nl.ordinals.keys() {
        add(w, START_DATE);
    }
    let dl = crate::dates::lexicon::lexicon();
    for w in dl.first_words() {
        add(w, START_DATE);
    }
    m
});

/// Which grammars token `i` may start (see [`START_NUMBER`], [`START_DATE`]).
pub(crate) fn start_mask(a: &Analysis<'_>, i: usize) -> u8 {
    let Some(t) = a.tokens.get(i) else { return 0 };
    let starts = &*STARTS;
    let mut mask = 0;
    for (_, rest) in variants(&t.norm) {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return START_NUMBER | START_DATE;
        }
        if let Some(b) = starts.get(rest) {
            mask |= b;
        }
        if let Some(b) = crate::affix::strip_prefix(rest, "ال").and_then(|r| starts.get(r)) {
            mask |= b;
        }
    }
    if let Some(r) = ["لل", "ولل", "فلل"]
        .iter()
        .find_map(|p| crate::affix::strip_prefix(&t.norm, p))
        && starts.contains_key(format!("ال{r}").as_str())
    {
        mask |= START_DATE;
    }
    mask
}

/// Whether `norm` equals `word` once a proclitic is allowed in front (`وفي` for `في`). The
/// ل + ال assimilation (`للعام` = ل + العام) is accepted too.
pub(crate) fn eq_clitic(norm: &str, word: &str) -> bool {
    if norm == word {
        return true;
    }
    if let Some(rest) = word.strip_prefix("ال")
        && let Some(n) = norm
            .strip_prefix("لل")
            .or_else(|| norm.strip_prefix("ولل"))
            .or_else(|| norm.strip_prefix("فلل"))
        && n == rest
    {
        return true;
    }
    variants(norm).skip(1).any(|(_, rest)| rest == word)
}

/// Match the phrase `words` at token `i`. The first word may carry a proclitic when
/// `clitic_first` is set. Returns the token index one past the phrase.
pub(crate) fn match_phrase(
    a: &Analysis<'_>,
    i: usize,
    words: &[String],
    clitic_first: bool,
) -> Option<usize> {
    if words.is_empty() || i + words.len() > a.tokens.len() {
        return None;
    }
    for (k, w) in words.iter().enumerate() {
        let norm = a.tokens[i + k].norm.as_str();
        let ok = if k == 0 && clitic_first {
            eq_clitic(norm, w)
        } else {
            norm == w
        };
        if !ok {
            return None;
        }
    }
    Some(i + words.len())
}

/// Match the phrase `words` so that it ends right before token `end`. The first word may carry
/// a proclitic. Returns the index of its first token.
pub(crate) fn match_phrase_before(a: &Analysis<'_>, end: usize, words: &[String]) -> Option<usize> {
    let start = end.checked_sub(words.len())?;
    match_phrase(a, start, words, true).map(|_| start)
}

/// Whether token `i` is the match-form word `w` (a proclitic allowed when `clitic` is set).
pub(crate) fn is_word(a: &Analysis<'_>, i: usize, w: &str, clitic: bool) -> bool {
    a.tokens.get(i).is_some_and(|t| {
        if clitic {
            eq_clitic(&t.norm, w)
        } else {
            t.norm == w
        }
    })
}

/// Whether tokens `i` and `i + 1` touch (no character between them).
pub(crate) fn adjacent(a: &Analysis<'_>, i: usize) -> bool {
    match (a.tokens.get(i), a.tokens.get(i + 1)) {
        (Some(x), Some(y)) => x.byte_end == y.byte_start,
        _ => false,
    }
}

/// A number written in digits at token `i`: its value, the token index one past it, the
/// proclitic in front of it (`و` of `و200`), the letters glued after it (`ه` of `1436هـ`) and
/// how many digits its integer part has.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Digits {
    /// The value; integral unless a decimal separator was read.
    pub value: f64,
    /// Token index one past the number.
    pub end: usize,
    /// The proclitic glued in front, if any.
    pub clitic: &'static str,
    /// Letters glued after the digits in the same token (match form), e.g. `ه`.
    pub suffix: String,
    /// Whether the number was written as a plain run of digits (no separator at all).
    pub plain: bool,
    /// The integer digits, when `plain`.
    pub int_digits: usize,
}

/// Most digits a number may have before it is treated as not a quantity (phone numbers,
/// identifiers); keeps every later multiplication far from overflow.
const MAX_DIGITS: usize = 15;

/// Read a number written in digits starting at token `i`, joining tokens the tokeniser may have
/// split (`1` `,` `200` with nothing between them). `scale_follows` decides the reading of a
/// single dot or comma: a decimal before a scale word (`2.5 مليون`), else a thousands separator
/// when exactly three digits follow it (`1.200`).
pub(crate) fn digits_at(a: &Analysis<'_>, i: usize) -> Option<Digits> {
    let t = a.tokens.get(i)?;
    let (clitic, body) =
        variants(&t.norm).find(|(_, r)| r.starts_with(|c: char| c.is_ascii_digit()))?;
    // The numeric part of this token and the letters after it.
    let split = body
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || is_sep(*c)))
        .map_or(body.len(), |(b, _)| b);
    let suffix = body[split..].to_string();
    let mut end = i + 1;
    // Join `1` `,` `200` when the tokeniser split them and nothing separates them (rare: the
    // grammars call this on every digit token several times, so the common case allocates
    // nothing).
    let mut joined: Option<String> = None;
    if suffix.is_empty() {
        while end + 1 < a.tokens.len()
            && adjacent(a, end - 1)
            && adjacent(a, end)
            && a.tokens[end].norm.chars().count() == 1
            && a.tokens[end].norm.chars().all(is_sep)
            && !a.tokens[end + 1].norm.is_empty()
            && a.tokens[end + 1].norm.chars().all(|c| c.is_ascii_digit())
        {
            let text = joined.get_or_insert_with(|| body[..split].to_string());
            text.push_str(&a.tokens[end].norm);
            text.push_str(&a.tokens[end + 1].norm);
            end += 2;
        }
    }
    // Separators at the end belong to the sentence, not the number.
    let text = joined
        .as_deref()
        .unwrap_or(&body[..split])
        .trim_end_matches(is_sep);
    let value = interpret(text, scale_after(a, end))?;
    let plain = text.chars().all(|c| c.is_ascii_digit());
    Some(Digits {
        value,
        end,
        clitic,
        suffix,
        plain,
        int_digits: if plain { text.len() } else { 0 },
    })
}

fn is_sep(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{066B}' | '\u{066C}')
}

/// Whether a scale word (ألف، مليون، مليار and their forms) follows at token `i`; decides how
/// `2.5` / `1.200` are read.
fn scale_after(a: &Analysis<'_>, i: usize) -> bool {
    a.tokens.get(i).is_some_and(|t| {
        let w = super::words::lexicon();
        w.words
            .get(&t.norm)
            .is_some_and(|roles| roles.iter().any(|(r, _)| super::words::Role::is_scale(*r)))
    })
}

/// The value of a digit string with separators. `None` for over-long or malformed strings.
fn interpret(s: &str, scale_follows: bool) -> Option<f64> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Plain digits (nearly every number): what the general reading below gives, without its
    // allocations.
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return if s.len() > MAX_DIGITS {
            None
        } else {
            s.parse::<u64>().ok().map(|v| v as f64)
        };
    }
    // Arabic thousands separator never decides anything; Arabic decimal separator is a dot.
    let s: String = s
        .chars()
        .filter(|c| *c != '\u{066C}')
        .map(|c| if c == '\u{066B}' { '.' } else { c })
        .collect();
    let groups: Vec<&str> = s.split([',', '.']).collect();
    let seps: Vec<char> = s.chars().filter(|c| *c == ',' || *c == '.').collect();
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    if digits > MAX_DIGITS || groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let int = |g: &[&str]| -> Option<f64> { g.concat().parse::<u64>().ok().map(|v| v as f64) };
    match seps.len() {
        0 => int(&groups),
        1 => {
            let frac = groups[1];
            if frac.len() == 3 && !scale_follows {
                int(&groups)
            } else {
                let whole = groups[0].parse::<u64>().ok()? as f64;
                let f = frac.parse::<u64>().ok()? as f64;
                Some(whole + f / 10f64.powi(frac.len() as i32))
            }
        }
        _ => {
            // Several separators: thousands groups, possibly with one final decimal part of a
            // different separator (1,234.5).
            let last = *seps.last()?;
            let all_same = seps.iter().all(|c| *c == last);
            if all_same && groups[1..].iter().all(|g| g.len() == 3) {
                int(&groups)
            } else if !all_same
                && seps[..seps.len() - 1].iter().all(|c| *c != last)
                && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3)
            {
                let whole = int(&groups[..groups.len() - 1])?;
                let frac = groups[groups.len() - 1];
                let f = frac.parse::<u64>().ok()? as f64;
                Some(whole + f / 10f64.powi(frac.len() as i32))
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_strings_with_separators() {
        assert_eq!(interpret("1,200", false), Some(1200.0));
        assert_eq!(interpret("1.200", false), Some(1200.0));
        assert_eq!(interpret("2.5", true), Some(2.5));
        assert_eq!(interpret("2,5", true), Some(2.5));
        assert_eq!(interpret("1,200,000", false), Some(1_200_000.0));
        assert_eq!(interpret("1,234.5", false), Some(1234.5));
        assert_eq!(interpret("1,2,3", false), None);
        assert_eq!(interpret("99999999999999999999", false), None);
    }

    #[test]
    fn clitic_variants() {
        assert!(eq_clitic("وفي", "في"));
        assert!(eq_clitic("للعام", "العام"));
        assert!(!eq_clitic("في", "وفي"));
    }
}
