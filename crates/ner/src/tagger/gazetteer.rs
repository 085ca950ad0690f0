//! Gazetteer and trigger-word lookups used as tagger features.
//!
//! The name lists ship in `data/gazetteer/` (see `ATTRIBUTION.md` there) and are embedded with
//! `include_str!`; they are match-normalised with the text layer's own functions when first used,
//! so list entries and text tokens always agree. A name is matched on token *keys*: the
//! clitic-stripped stem with a leading article removed, so `والعراق` matches the entry `العراق`.
//!
//! It gives features only. Membership in a list is evidence, not a decision: the perceptron
//! learns how much to trust each list (GeoNames holds many common words that are also places).

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// One bit per source list.
pub mod bits {
    /// ANERgazet locations.
    pub const ANER_LOC: u16 = 1 << 0;
    /// ANERgazet organisations.
    pub const ANER_ORG: u16 = 1 << 1;
    /// ANERgazet persons (mostly single first and family names).
    pub const ANER_PERS: u16 = 1 << 2;
    /// GeoNames populated places.
    pub const GEONAMES: u16 = 1 << 3;
    /// ISO 3166-2 subdivisions (provinces, governorates).
    pub const ADMIN1: u16 = 1 << 4;
    /// Country names.
    pub const COUNTRY: u16 = 1 << 5;
    /// Full names of UN-sanctioned individuals.
    pub const UN_PERS: u16 = 1 << 6;
    /// Single words of UN-sanctioned individuals' names.
    pub const UN_PERS_PART: u16 = 1 << 7;
    /// Number of list bits.
    pub const N: usize = 8;
    /// Short names for feature strings, in bit order.
    pub const NAMES: [&str; N] = ["al", "ao", "ap", "gn", "a1", "co", "up", "uw"];
    /// Marks a key that is a proper prefix of a longer entry (lets matching stop early).
    pub const PREFIX: u16 = 1 << 15;
}

/// Trigger classes (bits).
pub mod trig {
    /// Titles and roles before a person's name.
    pub const PERS: u8 = 1;
    /// Place nouns before a place name.
    pub const LOC: u8 = 2;
    /// Organisation nouns before an organisation name.
    pub const ORG: u8 = 4;
    /// Nouns before other named things (events, treaties).
    pub const MISC: u8 = 8;
}

/// Longest entry, in tokens, that is indexed (longer entries are skipped).
const MAX_LEN: usize = 6;

/// The loaded lists.
#[derive(Debug, Default)]
pub struct Gazetteer {
    phrases: FxHashMap<String, u16>,
    triggers: FxHashMap<String, u8>,
    /// Two-word place names written as one word (ديار بكر → دياربكر, دير الزور → ديرالزور), for
    /// [`Gazetteer::place_len`] only: the tagger's features keep the lists as they were trained.
    joined_places: FxHashSet<String>,
}

/// Per-token gazetteer evidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazHit {
    /// Lists with an entry that starts at this token.
    pub begin: u16,
    /// Lists with a multi-token entry covering this token but not starting here.
    pub inside: u16,
    /// Lists with a multi-token entry starting at this token.
    pub multi: u16,
    /// Lists with a single-token entry equal to this token.
    pub single: u16,
    /// Length in tokens of the longest entry starting here (0 when none).
    pub len: u8,
}

const ANER_LOC: &str = include_str!("../../data/gazetteer/anergazet_loc.txt");
const ANER_ORG: &str = include_str!("../../data/gazetteer/anergazet_org.txt");
const ANER_PERS: &str = include_str!("../../data/gazetteer/anergazet_pers.txt");
const GEONAMES: &str = include_str!("../../data/gazetteer/geonames_places.txt");
const ADMIN1: &str = include_str!("../../data/gazetteer/admin1_regions.txt");
const COUNTRIES: &str = include_str!("../../data/gazetteer/countries.txt");
const UN_PERS: &str = include_str!("../../data/gazetteer/un_sanctions_persons.txt");
const TRIGGERS: &str = include_str!("../../data/gazetteer/triggers.tsv");

/// The shipped lists, built once per process.
pub fn shipped() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::build_shipped)
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lookup key of one token: clitic-stripped stem (from the text layer) with a leading
/// article removed when the text layer left it on.
pub fn token_key<'a>(norm: &'a str, stem: &'a str) -> Cow<'a, str> {
    let s = if stem.is_empty() { norm } else { stem };
    match s.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => Cow::Borrowed(rest),
        _ => Cow::Borrowed(s),
    }
}

/// Key of a word given in written form (list entries).
fn word_key(word: &str) -> String {
    let norm = text::normalize::match_form(word);
    let seg = text::clitics::segment(&norm);
    token_key(&norm, &seg.stem).into_owned()
}

/// Alternative keys for a token that still carries a one-letter proclitic the segmenter kept
/// (`وبغداد` → `بغداد`, `لبنان` stays): tried only when the plain key matches nothing.
fn stripped_alternatives(key: &str) -> impl Iterator<Item = &str> {
    let mut out: [Option<&str>; 2] = [None, None];
    let mut k = key;
    let mut n = 0;
    for set in [&['و', 'ف'][..], &['ب', 'ل', 'ك'][..]] {
        if let Some(c) = k.chars().next()
            && set.contains(&c)
        {
            let rest = &k[c.len_utf8()..];
            if rest.chars().count() >= 3 {
                k = rest;
                out[n] = Some(rest);
                n += 1;
            }
        }
    }
    out.into_iter().flatten()
}

impl Gazetteer {
    fn build_shipped() -> Gazetteer {
        let mut g = Gazetteer::default();
        for (src, bit) in [
            (ANER_LOC, bits::ANER_LOC),
            (ANER_ORG, bits::ANER_ORG),
            (ANER_PERS, bits::ANER_PERS),
            (GEONAMES, bits::GEONAMES),
            (ADMIN1, bits::ADMIN1),
            (COUNTRIES, bits::COUNTRY),
            (UN_PERS, bits::UN_PERS),
        ] {
            let place = matches!(
                bit,
                bits::ANER_LOC | bits::GEONAMES | bits::ADMIN1 | bits::COUNTRY
            );
            for name in lines(src) {
                g.add(name, bit);
                if place && name.split_whitespace().count() == 2 {
                    let joined: String = name.split_whitespace().collect();
                    g.joined_places.insert(word_key(&joined));
                }
                if bit == bits::UN_PERS {
                    for w in name.split_whitespace() {
                        if w.chars().count() >= 3 {
                            g.add(w, bits::UN_PERS_PART);
                        }
                    }
                }
            }
        }
        for l in lines(TRIGGERS) {
            let Some((class, word)) = l.split_once('\t') else {
                continue;
            };
            let bit = match class.trim() {
                "PERS" => trig::PERS,
                "LOC" => trig::LOC,
                "ORG" => trig::ORG,
                "MISC" => trig::MISC,
                _ => continue,
            };
            let norm = text::normalize::match_form(word.trim());
            *g.triggers.entry(norm).or_default() |= bit;
        }
        g
    }

    /// Add one name (written form, words separated by spaces) to list `bit`.
    pub fn add(&mut self, name: &str, bit: u16) {
        let keys: Vec<String> = name.split_whitespace().map(word_key).collect();
        if keys.is_empty() || keys.len() > MAX_LEN || keys.iter().any(String::is_empty) {
            return;
        }
        let mut k = String::new();
        for (i, w) in keys.iter().enumerate() {
            if i > 0 {
                k.push(' ');
            }
            k.push_str(w);
            let v = self.phrases.entry(k.clone()).or_default();
            if i + 1 == keys.len() {
                *v |= bit;
            } else {
                *v |= bits::PREFIX;
            }
        }
    }

    /// Length in words of the longest place entry (GeoNames, admin1, country or ANERgazet
    /// location) made of the first words of `words` (written forms), 0 when none.
    pub fn place_len(&self, words: &[&str]) -> usize {
        const PLACE: u16 = bits::GEONAMES | bits::ADMIN1 | bits::COUNTRY | bits::ANER_LOC;
        if words
            .first()
            .is_some_and(|w| self.joined_places.contains(&word_key(w)))
        {
            return 1;
        }
        let mut key = String::new();
        let mut best = 0;
        for (n, w) in words.iter().take(MAX_LEN).enumerate() {
            if n > 0 {
                key.push(' ');
            }
            key.push_str(&word_key(w));
            match self.phrases.get(key.as_str()) {
                Some(v) => {
                    if v & PLACE != 0 {
                        best = n + 1;
                    }
                    if v & bits::PREFIX == 0 {
                        break;
                    }
                }
                None => break,
            }
        }
        best
    }

    /// Trigger classes of a token (by whole normalised form, then by key).
    pub fn trigger(&self, norm: &str, key: &str) -> u8 {
        self.triggers.get(norm).copied().unwrap_or(0) | self.triggers.get(key).copied().unwrap_or(0)
    }

    /// Gazetteer evidence for every token of a sentence, given the tokens' keys.
    pub fn hits(&self, keys: &[Cow<'_, str>]) -> Vec<GazHit> {
        let mut out = vec![GazHit::default(); keys.len()];
        let mut buf = String::new();
        for i in 0..keys.len() {
            let first = keys[i].as_ref();
            let mut found = self.match_from(keys, i, first, &mut buf, &mut out);
            if !found {
                for alt in stripped_alternatives(first) {
                    found = self.match_from(keys, i, alt, &mut buf, &mut out);
                    if found {
                        break;
                    }
                }
            }
        }
        out
    }

    /// Match entries starting at token `i` whose first key is `first`; record hits.
    fn match_from(
        &self,
        keys: &[Cow<'_, str>],
        i: usize,
        first: &str,
        buf: &mut String,
        out: &mut [GazHit],
    ) -> bool {
        buf.clear();
        buf.push_str(first);
        let mut any = false;
        let mut len = 1;
        while let Some(&v) = self.phrases.get(buf.as_str()) {
            let lists = v & !bits::PREFIX;
            if lists != 0 {
                any = true;
                out[i].begin |= lists;
                out[i].len = out[i].len.max(len as u8);
                if len == 1 {
                    out[i].single |= lists;
                } else {
                    out[i].multi |= lists;
                    for h in &mut out[i + 1..i + len] {
                        h.inside |= lists;
                    }
                }
            }
            if v & bits::PREFIX == 0 || i + len >= keys.len() {
                break;
            }
            buf.push(' ');
            buf.push_str(&keys[i + len]);
            len += 1;
        }
        any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| word_key(w)).collect()
    }

    #[test]
    fn multi_word_entries_match_with_clitics() {
        let mut g = Gazetteer::default();
        g.add("الولايات المتحدة", bits::COUNTRY);
        g.add("بغداد", bits::GEONAMES);
        let k = keys(&["زار", "والولايات", "المتحدة", "ثم", "وبغداد"]);
        let k: Vec<Cow<str>> = k.iter().map(|s| Cow::Borrowed(s.as_str())).collect();
        let h = g.hits(&k);
        assert_eq!(h[0], GazHit::default());
        assert_eq!(h[1].multi, bits::COUNTRY);
        assert_eq!(h[1].len, 2);
        assert_eq!(h[2].inside, bits::COUNTRY);
        assert_eq!(h[4].single, bits::GEONAMES);
    }

    #[test]
    fn place_names_after_a_place_noun() {
        let g = shipped();
        assert_eq!(g.place_len(&["عسير", "وأسفر"]), 1);
        assert_eq!(g.place_len(&["دير", "الزور", "شرق"]), 2);
        // Written as one word, as news often do.
        assert_eq!(g.place_len(&["دياربكر", "ذات"]), 1);
        assert_eq!(g.place_len(&["ديرالزور"]), 1);
        assert_eq!(g.place_len(&["عسكرية", "مغلقة"]), 0);
    }

    #[test]
    fn shipped_lists_load_and_know_common_names() {
        let g = shipped();
        let k = keys(&["العراق", "دمشق"]);
        let k: Vec<Cow<str>> = k.iter().map(|s| Cow::Borrowed(s.as_str())).collect();
        let h = g.hits(&k);
        assert_ne!(h[0].begin & (bits::COUNTRY | bits::ANER_LOC), 0);
        assert_ne!(h[1].begin, 0);
        let n = text::normalize::match_form("الرئيس");
        assert_eq!(g.trigger(&n, "رئيس"), trig::PERS);
    }
}
