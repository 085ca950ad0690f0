//! Clitic segmentation of match-normalised Arabic words, validated against a lexicon.
//!
//! A word is split into proclitics (conjunctions و ف, prepositions ب ك ل, future س, article ال,
//! and their combinations such as وبال، فلل، لل = ل+ال), a stem, and one enclitic pronoun
//! (ه ها هم هن هما كم كما نا ني ي ك). A split is accepted only when
//! * the word is not a protected word (data/protected.txt: words that merely start or end with
//!   clitic letters, such as إلى، الله، آلاف، ليبيا، بغداد، والي، كما، لكن), and
//! * the stem is a known word (data/stems.tsv, frequencies from ANERcorp) or protected, or the
//!   proclitic contains the article ال and the stem has at least three letters (ال is reliable).
//!
//! Among accepted splits the one with the best-attested stem and then the longest clitics wins.
//! A ta marbuta turned into ت before an enclitic is restored (مدينتها → مدينه + ها). The input must
//! already be in match form (see [`crate::normalize::match_form`]); the output is too.
//!
//! It does not analyse morphology beyond clitics (no stems of broken plurals, no verb
//! inflections) and it does not guess on unknown words without the article.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::normalize::match_form;

/// A word split into proclitics, stem and enclitic (all in match form).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segmentation {
    /// Proclitics concatenated (`وبال`).
    pub prefix: String,
    /// The stem.
    pub stem: String,
    /// Enclitic pronoun.
    pub suffix: String,
}

/// A borrowed split of a match-form word: `prefix + stem + suffix`, except that a restored ta
/// marbuta makes `stem` end in `ه` where the word has `ت`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// Proclitics concatenated (`وبال`); empty when none.
    pub prefix: &'a str,
    /// The stem.
    pub stem: Cow<'a, str>,
    /// Enclitic pronoun; empty when none.
    pub suffix: &'a str,
}

impl Split<'_> {
    /// The proclitics one by one, in text order: `وبال` → `و`, `ب`, `ال`; `لل` → `ل`, `ال`.
    pub fn proclitics(&self) -> Vec<&'static str> {
        proclitic_units(self.prefix)
    }

    /// Whether anything was split off.
    pub fn is_split(&self) -> bool {
        !self.prefix.is_empty() || !self.suffix.is_empty()
    }
}

/// Proclitic units of a concatenated prefix (match form).
pub fn proclitic_units(prefix: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut rest = prefix;
    while !rest.is_empty() {
        if let Some(r) = crate::affix::strip_prefix(rest, "ال") {
            out.push("ال");
            rest = r;
        } else if rest == "لل" {
            out.push("ل");
            out.push("ال");
            rest = "";
        } else {
            let unit = match rest.chars().next() {
                Some('و') => "و",
                Some('ف') => "ف",
                Some('ب') => "ب",
                Some('ك') => "ك",
                Some('ل') => "ل",
                Some('س') => "س",
                _ => break,
            };
            out.push(unit);
            rest = &rest[unit.len()..];
        }
    }
    out
}

/// Proclitic sequences (match form) and whether they hold the article.
const PREFIXES: &[(&str, bool)] = &[
    ("وبال", true),
    ("وكال", true),
    ("فبال", true),
    ("فكال", true),
    ("ولل", true),
    ("فلل", true),
    ("وال", true),
    ("فال", true),
    ("بال", true),
    ("كال", true),
    ("لل", true),
    ("ال", true),
    ("وب", false),
    ("وك", false),
    ("ول", false),
    ("وس", false),
    ("فب", false),
    ("فك", false),
    ("فل", false),
    ("فس", false),
    ("و", false),
    ("ف", false),
    ("ب", false),
    ("ك", false),
    ("ل", false),
    ("س", false),
];

/// Enclitic pronouns (match form), longest first.
const SUFFIXES: &[&str] = &[
    "هما", "كما", "ها", "هم", "هن", "كم", "نا", "ني", "ه", "ي", "ك",
];

/// Enclitics that are also common word endings (nisba ي, ني, ك, نا): only split when the word
/// without its proclitics is not itself a known word.
fn is_ambiguous_suffix(s: &str) -> bool {
    matches!(s, "ي" | "ني" | "ك" | "نا")
}

/// What the lexicons say about one word.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    /// ANERcorp-derived frequency (0 when unattested).
    freq: u32,
    /// In the protected list.
    protected: bool,
}

/// The lexicons, loaded once into one map so a candidate stem costs one lookup.
struct Lexicon {
    words: FxHashMap<String, Entry>,
}

static STEMS_TSV: &str = include_str!("../data/stems.tsv");
static PROTECTED_TXT: &str = include_str!("../data/protected.txt");
static PROTECTED_NAMES_TXT: &str = include_str!("../data/protected_names.txt");

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words: FxHashMap<String, Entry> = FxHashMap::default();
    for line in STEMS_TSV.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(w), n) = (parts.next(), parts.next()) else {
            continue;
        };
        let n: u32 = n.and_then(|n| n.trim().parse().ok()).unwrap_or(1);
        let e = words.entry(match_form(w)).or_default();
        e.freq = e.freq.saturating_add(n);
    }
    for line in PROTECTED_TXT.lines().chain(PROTECTED_NAMES_TXT.lines()) {
        let w = line.split('#').next().unwrap_or("").trim();
        if !w.is_empty() {
            words.entry(match_form(w)).or_default().protected = true;
        }
    }
    Lexicon { words }
});

fn entry(w: &str) -> Entry {
    LEXICON.words.get(w).copied().unwrap_or_default()
}

/// Whether `w` (match form) is in the protected list: a word whose initial or final letters only
/// look like clitics.
pub fn is_protected(w: &str) -> bool {
    entry(w).protected
}

/// The ANERcorp-derived frequency of a known stem (match form), 0 when unknown.
pub fn stem_frequency(w: &str) -> u32 {
    entry(w).freq
}

/// Is a word with this entry and length attested well enough to be accepted as a stem? Short
/// stems need more evidence, since short strings turn up by accident.
fn known_entry(e: Entry, chars: usize) -> bool {
    e.protected
        || match chars {
            0 | 1 => false,
            2 => e.freq >= 3,
            3 => e.freq >= 2,
            _ => e.freq >= 1,
        }
}

fn is_known(w: &str) -> bool {
    known_entry(entry(w), w.chars().count())
}

/// Stems of one letter that take enclitics: the prepositions ل and ب (له، بها، لهم).
fn is_short_host(w: &str) -> bool {
    matches!(w, "ل" | "ب")
}

/// How well a candidate is supported; higher wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Support {
    /// Article (or و/ف before a hamzated alef) + unknown stem of ≥ 3 letters.
    Article,
    /// The stem is a known word.
    Known,
    /// The stem is a protected word (a lexical unit we know should not be cut further).
    Protected,
}

/// What the original spelling says about a final `ه` of the match form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinalHa {
    /// The word was written with a final ta marbuta `ة`: the `ه` is not a pronoun.
    TaMarbuta,
    /// The word was written with a real final `ه`.
    Ha,
    /// Unknown (only the match form was given): a final `ه` is split only when the whole word
    /// is not itself a known word.
    Unknown,
}

/// Split a match-form word into proclitics, stem and enclitic (see the module docs). Only the
/// match form is known here, so a final `ه` is treated as possibly a ta marbuta; use
/// [`split_with`] when the original spelling is at hand.
pub fn split(norm: &str) -> Split<'_> {
    split_with(norm, Spelling::UNKNOWN)
}

/// Stems of two letters that ب and ل take (بما، بأن، لمن، بأي); other stems after ب ل need
/// three letters, since short strings match by accident (بات، بري).
fn is_short_function_word(w: &str) -> bool {
    matches!(w, "ما" | "من" | "ان" | "اي" | "لا" | "كل" | "حل")
}

/// An imperfect verb without its person prefix (يعقد → عقد).
fn bare_verb(stem: &str) -> &str {
    stem.char_indices().nth(1).map_or("", |(i, _)| &stem[i..])
}

/// Try to read `stem` (followed by an enclitic) as a known word, restoring a ta marbuta written
/// ت (مدينت → مدينه) or a hamza written on a seat (لقاي → لقاء).
fn restore_before_enclitic(stem: &str) -> Option<String> {
    for (from, to) in [('ت', "ه"), ('ي', "ء"), ('و', "ء")] {
        if let Some(base) = stem.strip_suffix(from)
            && base.chars().count() >= 2
        {
            // build the candidate on the stack: this runs for most words ending in a pronoun
            let mut buf = [0u8; 64];
            let n = base.len() + to.len();
            if n > buf.len() {
                continue;
            }
            buf[..base.len()].copy_from_slice(base.as_bytes());
            buf[base.len()..n].copy_from_slice(to.as_bytes());
            if let Ok(restored) = std::str::from_utf8(&buf[..n])
                && is_known(restored)
            {
                return Some(restored.to_owned());
            }
        }
    }
    None
}

/// What the original spelling of a word tells the segmenter that its match form hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelling {
    /// What a final `ه` of the match form was.
    pub final_ha: FinalHa,
    /// The word starts with a hamzated alef (أ إ آ): then a leading `ال` is not the article
    /// (إلغاء، ألمانيا، آلاف).
    pub hamzated_start: bool,
    /// The second letter is a hamzated alef after و or ف (وأضاف، فإن، وإلى): the first letter is
    /// then almost surely the conjunction, even when the match form looks like a protected word
    /// (وإلى is not والي "governor").
    pub conj_before_hamza: bool,
    /// The word ends in alef maqsura `ى` (أتى، مستشفى): its final `ي` of the match form is no
    /// pronoun.
    pub final_maqsura: bool,
}

impl Spelling {
    /// Nothing known beyond the match form.
    pub const UNKNOWN: Spelling = Spelling {
        final_ha: FinalHa::Unknown,
        hamzated_start: false,
        conj_before_hamza: false,
        final_maqsura: false,
    };

    /// Read the hints off an original (unnormalised) word.
    pub fn of(word: &str) -> Spelling {
        let mut letters = word
            .chars()
            .filter(|&c| !crate::normalize::is_diacritic(c) && c != '\u{0640}');
        let first = letters.next();
        let second = letters.next();
        Spelling {
            final_ha: final_ha_of(word),
            hamzated_start: matches!(first, Some('أ' | 'إ' | 'آ')),
            conj_before_hamza: matches!(first, Some('و' | 'ف'))
                && matches!(second, Some('أ' | 'إ' | 'آ')),
            final_maqsura: word
                .chars()
                .rev()
                .find(|&c| !crate::normalize::is_diacritic(c) && c != '\u{0640}')
                == Some('ى'),
        }
    }
}

/// Split a match-form word, told what its original spelling was (see [`Spelling`]).
pub fn split_with(norm: &str, spelling: Spelling) -> Split<'_> {
    let final_ha = spelling.final_ha;
    let none = Split {
        prefix: "",
        stem: Cow::Borrowed(norm),
        suffix: "",
    };
    if norm.len() < 4 {
        // fewer than two Arabic letters
        return none;
    }
    // cheap pre-checks: most words neither start with a proclitic letter nor end like a pronoun
    let may_prefix = norm.starts_with(['و', 'ف', 'ب', 'ك', 'ل', 'س', 'ا']);
    let may_suffix = norm.ends_with(['ه', 'ا', 'م', 'ن', 'ي', 'ك']);
    if !may_prefix && !may_suffix {
        return none;
    }
    let whole = entry(norm);
    if whole.protected && !spelling.conj_before_hamza {
        return none;
    }
    // ranking key: support, then (for protected stems) the longest stem, otherwise the longest
    // clitics, then the better attested stem
    let mut best: Option<((Support, u32, isize), Split<'_>)> = None;
    // the clitics this word can have at all, found once (at most a handful each)
    let mut prefixes = [("", false); PREFIXES.len() + 1];
    let mut n_pre = 0;
    if may_prefix {
        for &(p, article) in PREFIXES {
            if crate::affix::starts_with(norm, p) {
                prefixes[n_pre] = (p, article);
                n_pre += 1;
            }
        }
    }
    prefixes[n_pre] = ("", false);
    n_pre += 1;
    let mut suffixes = [""; SUFFIXES.len() + 1];
    let mut n_suf = 0;
    if may_suffix {
        for &s in SUFFIXES {
            if crate::affix::ends_with(norm, s) {
                suffixes[n_suf] = s;
                n_suf += 1;
            }
        }
    }
    suffixes[n_suf] = "";
    n_suf += 1;
    for &(p, article) in &prefixes[..n_pre] {
        // after a hamzated alef (ألعاب، وألعاب) the letters ال are no article
        if (spelling.hamzated_start || spelling.conj_before_hamza) && p.contains("ال") {
            continue;
        }
        let Some(rest) = crate::affix::strip_prefix(norm, p) else {
            continue;
        };
        if rest.is_empty() {
            continue;
        }
        let conj_free = p.trim_start_matches(['و', 'ف']);
        // The lexicon entry of the word without its proclitics, looked up once for all enclitics
        // (the whole word's is known already).
        let mut rest_entry = p.is_empty().then_some(whole);
        let mut rest_entry = || *rest_entry.get_or_insert_with(|| entry(rest));
        for &s in &suffixes[..n_suf] {
            if p.is_empty() && (s.is_empty() || spelling.conj_before_hamza) {
                continue;
            }
            // a definite noun takes no possessive pronoun (المرضى is not المرض + ي)
            if !s.is_empty() && article {
                continue;
            }
            if (s == "ه" && final_ha == FinalHa::TaMarbuta)
                || (s.ends_with('ي') && spelling.final_maqsura)
            {
                continue;
            }
            let Some(stem) = crate::affix::strip_suffix(rest, s) else {
                continue;
            };
            if stem.is_empty() {
                continue;
            }
            let stem_chars = stem.chars().count();
            match conj_free {
                // future س only before an imperfect verb
                "س" if !stem.starts_with(['ي', 'ت', 'ن']) || stem_chars < 3 => continue,
                // ك "like" is rare and many nouns start with ك: demand a long stem
                "ك" if stem_chars < 4 => continue,
                "ب" | "ل"
                    if stem_chars < 3
                        && !is_short_function_word(stem)
                        && (stem_chars != 1 || s.is_empty()) =>
                {
                    continue;
                }
                _ => {}
            }
            let ambiguous = is_ambiguous_suffix(s) || (s == "ه" && final_ha == FinalHa::Unknown);
            let e = entry(stem);
            // A stem starting with ال takes no pronoun, except إلى (إليه، إليهم): الأهم is not
            // إلا + هم, nor الفني ألف + ني.
            if !s.is_empty() && crate::affix::starts_with(stem, "ال") && stem != "الي" {
                continue;
            }
            // a nisba ي, a verb's ني... : the whole word is a word (a protected host such as
            // لدي or علي keeps its pronoun: لدينا = لدي + نا)
            if !s.is_empty()
                && ambiguous
                && (!e.protected || s != "نا")
                && known_entry(rest_entry(), rest.chars().count())
            {
                continue;
            }
            let support = if e.protected {
                Some((Support::Protected, Cow::Borrowed(stem)))
            } else if !s.is_empty()
                && let Some(restored) = restore_before_enclitic(stem)
            {
                Some((Support::Known, Cow::Owned(restored)))
            } else if (stem_chars >= 2 && known_entry(e, stem_chars))
                || (!s.is_empty() && stem_chars == 1 && is_short_host(stem) && !article)
            {
                // a known stem, or ل/ب hosting a pronoun (له، بها)
                Some((Support::Known, Cow::Borrowed(stem)))
            } else if (article && s.is_empty() && stem_chars >= 3 && !conj_free.starts_with('ك'))
                || (spelling.conj_before_hamza && (p == "و" || p == "ف") && stem_chars >= 3)
            {
                // The article before an unknown stem (but ك + article needs a known stem:
                // كاليفورنيا is not ك + ال + يفورنيا); or و/ف before a hamzated alef: the
                // conjunction, whatever the (unknown) rest.
                Some((Support::Article, Cow::Borrowed(stem)))
            } else if conj_free == "س"
                && s.is_empty()
                && stem_chars >= 4
                && !stem.ends_with(['ه', 'ي', 'ا'])
                && is_known(bare_verb(stem))
            {
                // an unattested imperfect whose bare past form is known: سيعقد ← عقد
                Some((Support::Known, Cow::Borrowed(stem)))
            } else {
                None
            };
            let Some((support, stem)) = support else {
                continue;
            };
            // only a restored stem differs from the one looked up above
            let mut freq = match &stem {
                Cow::Borrowed(_) => e.freq,
                Cow::Owned(restored) => stem_frequency(restored),
            };
            if freq == 0 && conj_free == "س" {
                freq = stem_frequency(bare_verb(&stem));
            }
            // A word ending like a pronoun that is much more frequent than its would-be stem is a
            // word of its own (اسهم is not اس + هم).
            if !s.is_empty()
                && support == Support::Known
                && stem.chars().count() >= 2
                && (freq as u64) * 3 < rest_entry().freq as u64
            {
                continue;
            }
            let clitic_len = (p.len() + s.len()) as isize;
            // Protected stems: the longest stem. Known stems: the best attested one (لقاء+ه, not
            // ل+قاء+ه), then the longest clitics. Article-only support: the longest clitics.
            let key = match support {
                Support::Protected => (support, 0, -clitic_len),
                // frequencies count in factors of four: a small difference is noise
                Support::Known => (support, (freq + 1).ilog2() / 2, clitic_len),
                Support::Article => (support, 0, clitic_len),
            };
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((
                    key,
                    Split {
                        prefix: p,
                        stem,
                        suffix: s,
                    },
                ));
            }
        }
    }
    best.map(|(_, s)| s).unwrap_or(none)
}

/// The [`FinalHa`] hint for an original (unnormalised) word: looks at its last letter.
pub fn final_ha_of(word: &str) -> FinalHa {
    match word
        .chars()
        .rev()
        .find(|&c| !crate::normalize::is_diacritic(c) && c != '\u{0640}')
    {
        Some('ة' | 'ۃ' | '\u{FE93}' | '\u{FE94}') => FinalHa::TaMarbuta,
        Some('ه' | '\u{FEE9}' | '\u{FEEA}') => FinalHa::Ha,
        _ => FinalHa::Unknown,
    }
}

/// Segment a match-normalised word.
pub fn segment(norm: &str) -> Segmentation {
    let s = split(norm);
    Segmentation {
        prefix: s.prefix.to_owned(),
        stem: s.stem.into_owned(),
        suffix: s.suffix.to_owned(),
    }
}

/// Segment any word (normalising it first) into its clitics and stem, in text order, joined by
/// `+`: `وبالمدينة` → `و+ب+ال+مدينه`. Used by the Farasa comparison and the CLI.
pub fn segment_display(word: &str) -> String {
    let norm = match_form(word);
    let s = split_with(&norm, Spelling::of(word));
    let mut parts: Vec<&str> = s.proclitics();
    parts.push(&s.stem);
    if !s.suffix.is_empty() {
        parts.push(s.suffix);
    }
    parts.join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(w: &str) -> String {
        segment_display(w)
    }

    #[test]
    fn article_and_conjunctions() {
        assert_eq!(seg("المدينة"), "ال+مدينه");
        assert_eq!(seg("والمدارس"), "و+ال+مدارس");
        assert_eq!(seg("بالموصل"), "ب+ال+موصل");
        assert_eq!(seg("وبالموصل"), "و+ب+ال+موصل");
        assert_eq!(seg("فالحكومة"), "ف+ال+حكومه");
        assert_eq!(seg("كالعادة"), "ك+ال+عاده");
    }

    #[test]
    fn lam_lam() {
        assert_eq!(seg("للمدينة"), "ل+ال+مدينه");
        assert_eq!(seg("وللمدينة"), "و+ل+ال+مدينه");
        assert_eq!(seg("فللحكومة"), "ف+ل+ال+حكومه");
    }

    #[test]
    fn protected_words_are_not_cut() {
        for w in [
            "إلى",
            "الله",
            "آلاف",
            "ألف",
            "ليبيا",
            "لبنان",
            "بغداد",
            "كابول",
            "فرنسا",
            "بلدة",
            "والي",
            "ولاية",
            "وزير",
            "بيان",
            "كما",
            "لكن",
            "فقط",
            "ألمانيا",
            "الذي",
            "التي",
            "الذين",
            "بعد",
            "كان",
            "واشنطن",
            "فلسطين",
            "بريطانيا",
        ] {
            assert_eq!(seg(w), match_form(w), "{w}");
        }
    }

    #[test]
    fn clitic_before_protected_word() {
        assert_eq!(seg("ولبنان"), "و+لبنان");
        assert_eq!(seg("وبغداد"), "و+بغداد");
        assert_eq!(seg("لليبيا"), "ل+ليبيا");
        assert_eq!(seg("وفرنسا"), "و+فرنسا");
    }

    #[test]
    fn conjunction_on_verbs() {
        assert_eq!(seg("وقال"), "و+قال");
        assert_eq!(seg("فقال"), "ف+قال");
        assert_eq!(seg("وأضاف"), "و+اضاف");
    }

    #[test]
    fn enclitics() {
        assert_eq!(seg("قواته"), "قوات+ه");
        assert_eq!(seg("منزلهم"), "منزل+هم");
        assert_eq!(seg("مدينتها"), "مدينه+ها");
        assert_eq!(seg("وقادتها"), "و+قاده+ها");
        assert_eq!(seg("عليه"), "علي+ه");
        assert_eq!(seg("له"), "ل+ه");
        assert_eq!(seg("بها"), "ب+ها");
    }

    #[test]
    fn nisba_is_not_a_pronoun() {
        assert_eq!(seg("العراقي"), "ال+عراقي");
        assert_eq!(seg("عراقي"), "عراقي");
        assert_eq!(seg("لبناني"), "لبناني");
    }

    #[test]
    fn hamzated_alef_is_not_the_article() {
        assert_eq!(seg("إلغاء"), "الغاء");
        assert_eq!(seg("ألوية"), "الويه");
        assert_eq!(seg("آلية"), "اليه");
        // without the hamza the article reading is taken when the stem is known
        assert_eq!(seg("الحرب"), "ال+حرب");
    }

    #[test]
    fn ta_marbuta_is_not_a_pronoun() {
        assert_eq!(seg("مدينة"), "مدينه");
        assert_eq!(seg("امرأة"), "امراه");
        assert_eq!(seg("قناة"), "قناه");
        assert_eq!(seg("منطقة"), "منطقه");
        // a real final ه is
        assert_eq!(seg("منزله"), "منزل+ه");
        // only the match form known: the whole word wins when it is a known word
        assert_eq!(segment("مدينه").stem, "مدينه");
    }

    #[test]
    fn hamza_seat_restored_before_pronoun() {
        assert_eq!(seg("لقائه"), "لقاء+ه");
        assert_eq!(seg("أعضائها"), "اعضاء+ها");
    }

    #[test]
    fn future_sin() {
        assert_eq!(seg("سيتم"), "س+يتم");
        assert_eq!(seg("وسيتم"), "و+س+يتم");
        assert_eq!(seg("سوريا"), "سوريا");
    }

    #[test]
    fn unknown_word_with_article() {
        // an unattested noun still loses its article
        assert_eq!(seg("والكاتيوشا"), "و+ال+كاتيوشا");
        // but an unknown word without the article is left alone
        assert_eq!(seg("وكاتيوشا"), "وكاتيوشا");
    }

    #[test]
    fn short_words_untouched() {
        assert_eq!(seg("و"), "و");
        assert_eq!(seg("في"), "في");
        assert_eq!(seg("ال"), "ال");
        assert_eq!(seg(""), "");
    }

    #[test]
    fn segmentation_struct() {
        let s = segment("وبالموصل");
        assert_eq!(s.prefix, "وبال");
        assert_eq!(s.stem, "موصل");
        assert_eq!(s.suffix, "");
        assert_eq!(proclitic_units("ولل"), ["و", "ل", "ال"]);
    }

    #[test]
    fn more_traps() {
        for w in [
            "إلا",
            "الآن",
            "لكي",
            "لدى",
            "بين",
            "كل",
            "وقت",
            "وفد",
            "فريق",
            "بلاد",
            "لجنة",
            "سنة",
            "سيارة",
            "كتيبة",
            "بنك",
            "ذلك",
            "هناك",
            "وجه",
            "اتجاه",
            "مياه",
            "شبه",
            "الذين",
            "التي",
            "ألف",
            "آلاف",
            "إلى",
            "أوكرانيا",
            "كورونا",
            "ولاية",
            "واحد",
        ] {
            assert_eq!(segment_display(w), match_form(w), "{w}");
        }
    }

    #[test]
    fn combined_clitics() {
        assert_eq!(seg("وبالتالي"), "و+ب+ال+تالي");
        assert_eq!(seg("فبالنسبة"), "ف+ب+ال+نسبه");
        assert_eq!(seg("وكالعادة"), "و+ك+ال+عاده");
        assert_eq!(seg("ولقواته"), "و+ل+قوات+ه");
        assert_eq!(seg("ومنهم"), "و+من+هم");
        assert_eq!(seg("وعليه"), "و+علي+ه");
    }

    #[test]
    fn prepositions_with_pronouns() {
        assert_eq!(seg("لهم"), "ل+هم");
        assert_eq!(seg("بهم"), "ب+هم");
        assert_eq!(seg("منها"), "من+ها");
        assert_eq!(seg("عنهم"), "عن+هم");
        assert_eq!(seg("إليه"), "الي+ه");
    }

    #[test]
    fn verbs_with_conjunction_and_future() {
        assert_eq!(seg("وأعلنت"), "و+اعلنت");
        assert_eq!(seg("فأطلق"), "ف+اطلق");
        assert_eq!(seg("ستكون"), "س+تكون");
        assert_eq!(seg("وسيعقد"), "و+س+يعقد");
    }

    #[test]
    fn conjunction_before_hamza() {
        assert_eq!(seg("وإلى"), "و+الي");
        assert_eq!(seg("والي"), "والي");
        assert_eq!(seg("وأضافت"), "و+اضافت");
        assert_eq!(seg("فإن"), "ف+ان");
    }

    #[test]
    fn definite_nouns_take_no_pronoun() {
        assert_eq!(seg("المرضى"), "ال+مرضي");
        assert_eq!(seg("الثوري"), "ال+ثوري");
        assert_eq!(seg("لدينا"), "لدي+نا");
    }

    #[test]
    fn farasa_disagreements_fixed() {
        assert_eq!(seg("لهم"), "ل+هم");
        assert_eq!(segment("لهم").stem, "ل");
        assert_eq!(seg("سياسية"), "سياسيه");
        assert_eq!(seg("ساهم"), "ساهم");
        assert_eq!(seg("كاليفورنيا"), "كاليفورنيا");
        assert_eq!(seg("الفني"), "ال+فني");
        assert_eq!(seg("الأهم"), "ال+اهم");
        assert_eq!(seg("وأدى"), "و+ادي");
        assert_eq!(seg("ولي"), "ولي");
        assert_eq!(seg("وألعاب"), "و+العاب");
        assert_eq!(seg("أتى"), "اتي");
    }
}
