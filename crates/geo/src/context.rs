//! The context a place name is read in: which countries the document and the sentence talk
//! about, a country hint, and the trigger word before the name.
//!
//! Countries are found by scanning the text layer's tokens for country names (one to three
//! words, clitics stripped: وسوريا، بالعراق، الولايات المتحدة) and nationality adjectives
//! (العراقية، السوريين). It does not resolve places itself; it only counts countries.

use std::collections::BTreeMap;

use text::Analysis;

use crate::fold::{clitic_forms, fold_match};
use crate::{Geocoder, Trigger};

/// What is known around a place mention; every field is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// Countries the document mentions, with how often (ISO alpha-2 → count).
    pub doc_countries: BTreeMap<String, f32>,
    /// Countries mentioned in the same sentence as the place.
    pub sentence_countries: BTreeMap<String, f32>,
    /// A country the caller already knows the place is in (e.g. from the event extractor).
    pub country_hint: Option<String>,
    /// The trigger word right before the name, if any.
    pub trigger: Option<Trigger>,
    /// The NER type of the mention, when it comes from an entity.
    pub entity_type: Option<model::EntityType>,
}

impl Context {
    /// Whether the text or the caller names this country (sentence, document or hint).
    pub(crate) fn names(&self, cc: &str) -> bool {
        self.sentence_countries.contains_key(cc)
            || self.doc_countries.contains_key(cc)
            || self.country_hint.as_deref() == Some(cc)
    }

    /// Whether no country is known around the name at all.
    pub(crate) fn names_no_country(&self) -> bool {
        self.sentence_countries.is_empty()
            && self.doc_countries.is_empty()
            && self.country_hint.is_none()
    }
}

/// Country mentions per sentence of an analysed text.
#[derive(Debug, Clone, Default)]
pub(crate) struct CountryScan {
    /// For each sentence, the countries mentioned in it (ISO → count).
    pub per_sentence: Vec<BTreeMap<String, f32>>,
    /// Whole document.
    pub doc: BTreeMap<String, f32>,
    /// Every country name found unvowelled: (first token, tokens taken, country), in text order.
    pub found: Vec<(usize, usize, String)>,
}

impl CountryScan {
    /// The counts of `counts` without the country names that are the whole of one of the given
    /// mentions (token ranges): a place mention that only spells a country name is no evidence
    /// for how to read itself (عمان, a name of Amman, would otherwise count as "Oman named in this
    /// sentence"). A country named beside other words (كردستان العراق) still counts, and so does a
    /// vowelled spelling (عُمان), which says which one it is. Countries left at zero are removed.
    pub(crate) fn without_tokens(
        &self,
        counts: &BTreeMap<String, f32>,
        mentions: &[std::ops::Range<usize>],
    ) -> BTreeMap<String, f32> {
        let mut out = counts.clone();
        for (i, len, cc) in &self.found {
            if mentions.iter().any(|r| r.start == *i && r.end == i + len)
                && let Some(v) = out.get_mut(cc)
            {
                *v -= 1.0;
                if *v <= 1e-6 {
                    out.remove(cc);
                }
            }
        }
        out
    }
}

/// What the country scan knows about a word from the word and the gazetteer alone, remembered
/// across the documents a thread geocodes: news vocabulary repeats, so most tokens of a corpus
/// cost one hash lookup.
#[derive(Clone)]
enum WordInfo {
    /// The word starts no country name: the country it names as a nationality adjective, if any.
    Plain(Option<String>),
    /// Some clitic form of the word starts a country name (في، إلى، ما، لا are prefixes of
    /// فيتنام، اليمن، مالي، لاوس, so this is common): those forms in order, each with the country
    /// it names on its own, and the word's nationality-adjective country. Whether a longer name
    /// follows depends on the next tokens, so only this part is remembered.
    Prefix {
        forms: Vec<(String, Option<String>)>,
        demonym: Option<String>,
    },
}

struct Words {
    geocoder: u64,
    words: rustc_hash::FxHashMap<String, WordInfo>,
}

/// Forget everything past this many words (bounds the memory of a thread that reads a corpus).
const WORDS_MAX: usize = 200_000;

thread_local! {
    static WORDS: std::cell::RefCell<Words> = std::cell::RefCell::new(Words {
        geocoder: 0,
        words: rustc_hash::FxHashMap::default(),
    });
}

/// Suffixes of nationality adjectives: ـية، ـيين، ـيون، ـيات (after the ي of the stem).
const DEMONYM_SUFFIXES: &[&str] = &["ين", "ون", "ه", "ات", "يه"];

impl Geocoder {
    /// The country a token names as a nationality adjective (العراقية → IQ), from its clitic forms.
    pub(crate) fn demonym_country(&self, forms: &[(String, f32)]) -> Option<&str> {
        for (form, _) in forms {
            let bare = form.strip_prefix("ال").unwrap_or(form);
            if let Some(cc) = self.demonyms.get(bare) {
                return Some(cc);
            }
            for s in DEMONYM_SUFFIXES {
                if let Some(stem) = bare.strip_suffix(s)
                    && let Some(cc) = self.demonyms.get(stem)
                {
                    return Some(cc);
                }
            }
        }
        None
    }

    /// Whether some country-name key starts with `k` (so a longer n-gram is worth trying).
    fn is_country_prefix(&self, k: &str) -> bool {
        let i = self.country_sorted.partition_point(|x| x.as_str() < k);
        self.country_sorted.get(i).is_some_and(|x| x.starts_with(k))
    }

    /// Scan an analysed text for country names and nationality adjectives.
    ///
    /// This runs on every token of every document, so it uses the tokens' precomputed match
    /// forms and the rule-based clitic forms only, and tries a two- or three-word name only
    /// when the first word starts some country name.
    pub(crate) fn scan_countries(&self, a: &Analysis<'_>) -> CountryScan {
        let mut scan = CountryScan {
            per_sentence: vec![BTreeMap::new(); a.sentences.len()],
            doc: BTreeMap::new(),
            found: Vec::new(),
        };
        let n = a.tokens.len();
        WORDS.with(|cell| {
            let mut cache = cell.borrow_mut();
            if cache.geocoder != self.id || cache.words.len() > WORDS_MAX {
                cache.geocoder = self.id;
                cache.words.clear();
            }
            let words = &mut cache.words;
            let mut i = 0;
            while i < n {
                let found = self.country_at(a, i, words);
                self.count(a, &mut scan, i, found.as_ref());
                i += found.as_ref().map_or(1, |f| f.1);
            }
        });
        scan
    }

    /// What the scan needs to know about one word, computed from the word alone.
    fn word_info(&self, norm: &str) -> WordInfo {
        let forms = clitic_forms(&fold_match(norm));
        let demonym = self.demonym_country(&forms).map(str::to_string);
        // A form that starts no country name can be no name's first word (a name is its own
        // prefix), so only the others are kept.
        let prefixes: Vec<(String, Option<String>)> = forms
            .into_iter()
            .filter(|(f, p)| *p <= 1.0 && self.is_country_prefix(f))
            .map(|(f, _)| {
                let cc = self.country_keys.get(&f).cloned();
                (f, cc)
            })
            .collect();
        if prefixes.is_empty() {
            WordInfo::Plain(demonym)
        } else {
            WordInfo::Prefix {
                forms: prefixes,
                demonym,
            }
        }
    }

    /// The country named at token `i` (by a name of one to three words or a nationality
    /// adjective) and how many tokens it takes.
    fn country_at(
        &self,
        a: &Analysis<'_>,
        i: usize,
        words: &mut rustc_hash::FxHashMap<String, WordInfo>,
    ) -> Option<(String, usize)> {
        if a.tokens[i].kind != text::TokenKind::Arabic {
            return None;
        }
        let norm = a.tokens[i].norm.as_str();
        // One hash lookup for a known word (this runs on every token of every document).
        if let Some(info) = words.get(norm) {
            return self.country_of(a, i, info);
        }
        let info = self.word_info(norm);
        let found = self.country_of(a, i, &info);
        words.insert(norm.to_string(), info);
        found
    }

    /// The country named at token `i`, knowing what its word is.
    fn country_of(&self, a: &Analysis<'_>, i: usize, info: &WordInfo) -> Option<(String, usize)> {
        let n = a.tokens.len();
        let (forms, demonym) = match info {
            // Most words start no country name; for those the answer (a nationality adjective
            // or nothing) depends on the word alone.
            WordInfo::Plain(known) => return known.clone().map(|cc| (cc, 1)),
            WordInfo::Prefix { forms, demonym } => (forms, demonym),
        };
        let mut found: Option<(String, usize)> = None;
        for (f, cc) in forms {
            let mut k = f.clone();
            let mut best: Option<(&String, usize)> = cc.as_ref().map(|cc| (cc, 1));
            for len in 2..=3usize {
                // `f` itself is a prefix (that is why it was kept).
                if i + len > n || (len > 2 && !self.is_country_prefix(&k)) {
                    break;
                }
                k.push_str(&fold_match(&a.tokens[i + len - 1].norm));
                if let Some(cc) = self.country_keys.get(&k) {
                    best = Some((cc, len));
                }
            }
            if let Some((cc, len)) = best {
                found = Some((cc.clone(), len));
                break;
            }
        }
        if found.is_none()
            && let Some(cc) = demonym
        {
            found = Some((cc.clone(), 1));
        }
        // A word vowelled against the country's own vowelled name is its homograph:
        // عمّان (Amman) is not عُمان (Oman).
        if let Some((cc, _)) = &found
            && let Some(&p) = self.country_place.get(cc)
            && !marks_agree(a.token_text(i), self.table.place(p).name_ar)
        {
            found = None;
        }
        found
    }

    /// Count a country found at token `i` in its sentence and in the document.
    fn count(
        &self,
        a: &Analysis<'_>,
        scan: &mut CountryScan,
        i: usize,
        found: Option<&(String, usize)>,
    ) {
        let Some((cc, len)) = found else {
            return;
        };
        if !has_marks(a.token_text(i)) {
            scan.found.push((i, *len, cc.clone()));
        }
        let s = a.sentence_of(i);
        if let Some(m) = scan.per_sentence.get_mut(s) {
            *m.entry(cc.clone()).or_default() += 1.0;
        }
        *scan.doc.entry(cc.clone()).or_default() += 1.0;
    }

    /// Build a context from free text (for the CLI's `--context`): the text's countries count as
    /// both document and sentence context, and a trigger right before `name` in it is used.
    pub fn context_from_text(&self, text_: &str, name: &str) -> Context {
        let a = text::analyze(text_);
        let scan = self.scan_countries(&a);
        let mut ctx = Context {
            doc_countries: scan.doc.clone(),
            sentence_countries: BTreeMap::new(),
            ..Context::default()
        };
        // The sentence holding the name, and the word before it.
        if let Some(byte) = text_.find(name) {
            if let Some(ti) = a.tokens.iter().position(|t| t.byte_start >= byte) {
                let s = a.sentence_of(ti);
                if let Some(m) = scan.per_sentence.get(s) {
                    ctx.sentence_countries = m.clone();
                }
                if ti > 0 {
                    ctx.trigger = self.trigger_of(a.token_text(ti - 1));
                }
            }
        } else {
            ctx.sentence_countries = scan.doc;
        }
        ctx
    }
}

/// Whether a word carries short vowels, tanwin, shadda or sukun.
fn has_marks(word: &str) -> bool {
    word.chars().any(|c| ('\u{064B}'..='\u{0652}').contains(&c))
}

/// Whether the short vowels and shadda written on a word agree with those of a vowelled name:
/// every (letter, mark) pair written must be one of the name's. A name written without marks
/// (most are) agrees with anything.
fn marks_agree(written: &str, name: &str) -> bool {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let mut out = Vec::new();
        let mut base = '\0';
        for c in s.chars() {
            if ('\u{064B}'..='\u{0652}').contains(&c) {
                out.push((base, c));
            } else {
                base = c;
            }
        }
        out
    };
    let theirs = pairs(name);
    if theirs.is_empty() {
        return true;
    }
    pairs(written).iter().all(|p| theirs.contains(p))
}

#[cfg(test)]
mod tests {
    use crate::Geocoder;

    #[test]
    fn scans_countries_and_adjectives() {
        let g = Geocoder::bundled().expect("bundled");
        let a = text::analyze(
            "قالت الحكومة العراقية إن القوات دخلت المدينة. وفي سوريا والولايات المتحدة ردود.",
        );
        let s = g.scan_countries(&a);
        assert!(s.doc.contains_key("IQ"), "{:?}", s.doc);
        assert!(s.doc.contains_key("SY"), "{:?}", s.doc);
        assert!(s.doc.contains_key("US"), "{:?}", s.doc);
        assert!(s.per_sentence[0].contains_key("IQ"));
        assert!(!s.per_sentence[0].contains_key("SY"));
    }

    #[test]
    fn a_vowelled_homograph_is_not_the_country() {
        let g = Geocoder::bundled().expect("bundled");
        // عمّان with its shadda is Amman, not Oman (عُمان); unvowelled it may be either.
        let a = text::analyze("وصل الوفد إلى عمّان أمس. وزار الوزير عُمان ثم عمان.");
        let s = g.scan_countries(&a);
        assert!(
            !s.per_sentence[0].contains_key("OM"),
            "{:?}",
            s.per_sentence
        );
        assert_eq!(s.per_sentence[1].get("OM"), Some(&2.0));
        assert!(super::marks_agree("سوريّا", "سوريا"));
    }

    #[test]
    fn context_from_text_finds_trigger() {
        let g = Geocoder::bundled().expect("bundled");
        let c = g.context_from_text("اشتباكات في محافظة الحسكة السورية", "الحسكة");
        assert_eq!(c.trigger, Some(crate::Trigger::Admin1));
        assert!(c.sentence_countries.contains_key("SY"));
    }
}
