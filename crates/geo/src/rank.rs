//! Candidate generation and ranking for one written place phrase.
//!
//! Every spelling variant of the phrase ([`crate::fold::query_variants`]) is looked up; each
//! place found is scored from: what kind of place it is (country and curated region names win
//! over a same-named village), its population, whether it lies in a country the document or the
//! sentence talks about, a country hint, the trigger word before the name, and how much
//! rewriting (clitic stripping, ال) it took to reach the key. Short names of small places are
//! penalised because they collide with ordinary words. The scores are additive log-odds-like
//! points tuned on the project's own development sentences, not learned. The variants of a
//! phrase and the places their keys reach depend on the phrase alone and are remembered per
//! thread; only the scoring, which depends on the context, is redone for every call.
//!
//! It does not decide whether a word is a place at all: callers only pass NER LOC/GPE names and
//! event place names.

use serde::Serialize;

use crate::fold::{Triggers, key, query_variants};
use crate::table::{FLAG_CAPITAL, KEY_COMMON, KEY_LATIN, KEY_MAIN, KEY_TRANSLIT, Kind, Place};
use crate::translit;
use crate::{Context, Geocoder, Trigger};

/// One province's record index, country and (consonant skeleton, vowel letters) of its names,
/// for the province-by-sound search.
#[derive(Debug)]
pub(crate) struct Admin1Sounds {
    index: u32,
    country: String,
    sounds: Vec<(String, String)>,
}

/// One way to read a place name, with its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Arabic display name of the place (Latin when the gazetteer has no Arabic one).
    pub name: String,
    /// Latin (GeoNames/ISO/English) name.
    pub name_en: String,
    /// ISO 3166-1 alpha-2 ("" for regions spanning countries).
    pub country: String,
    /// First-level division, when known.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// `city | admin1 | country | region`.
    pub precision: String,
    /// GeoNames id when the place comes from GeoNames.
    pub geonames_id: Option<u64>,
    /// Population (0 = unknown).
    pub population: u32,
    /// Ranking score (higher is better; below [`MIN_SCORE`] the name is left unresolved).
    pub score: f32,
    /// The lookup key that matched.
    pub key: String,
    /// Index in the gazetteer table.
    #[serde(skip)]
    pub index: u32,
}

/// Which keys a phrase is looked up under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// Its spelling variants, as written (Arabic or Latin keys).
    Written,
    /// The consonant skeletons of its variants (keys of Latin-only places).
    Skeleton,
}

/// One spelling variant of a phrase and the places its key reaches (index, key flags).
#[derive(Debug)]
struct VariantHits {
    /// The key looked up (a skeleton for [`Keys::Skeleton`]).
    key: String,
    penalty: f32,
    /// The trigger word the phrase itself opened with.
    trigger: Option<Trigger>,
    /// Length in characters of the written variant (not of the skeleton).
    len: usize,
    places: Vec<(u32, u16)>,
}

/// The variants and table hits of the phrases a thread has looked up. They depend on the
/// phrase and the gazetteer alone, and a document asks for the same names many times (two
/// resolution passes, the fallbacks, the district searches over a sentence's words), as does a
/// corpus: this spares the clitic segmentation, the normaliser and the binary searches.
#[derive(Default)]
struct Memo {
    geocoder: u64,
    written: rustc_hash::FxHashMap<String, std::rc::Rc<[VariantHits]>>,
    skeleton: rustc_hash::FxHashMap<String, std::rc::Rc<[VariantHits]>>,
}

impl Memo {
    fn of(&mut self, keys: Keys) -> &mut rustc_hash::FxHashMap<String, std::rc::Rc<[VariantHits]>> {
        match keys {
            Keys::Written => &mut self.written,
            Keys::Skeleton => &mut self.skeleton,
        }
    }

    fn len(&self) -> usize {
        self.written.len() + self.skeleton.len()
    }
}

/// Forget every remembered phrase past this many (bounds a corpus-reading thread's memory).
const MEMO_MAX: usize = 100_000;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// Below this score the best candidate is not trusted and the name stays unresolved.
pub const MIN_SCORE: f32 = 1.0;

impl Geocoder {
    fn score(
        &self,
        p: &Place<'_>,
        penalty: f32,
        key_flags: u16,
        key_len: usize,
        trigger: Option<Trigger>,
        ctx: &Context,
    ) -> f32 {
        let mut s = -1.5 * penalty;
        let pop = f64::from(p.population);
        s += match p.kind {
            Kind::Country => 7.0,
            Kind::Region => 6.0,
            Kind::Admin1 => 3.0,
            Kind::City => 0.8 * (pop + 1.0).log10() as f32,
        };
        if p.kind == Kind::City && p.flags & FLAG_CAPITAL != 0 {
            s += 1.0;
        }
        if key_flags & KEY_MAIN != 0 {
            s += 0.3;
        }
        if matches!(p.kind, Kind::City | Kind::Admin1) && self.is_focus(p.country) {
            s += 1.0;
        }
        if !p.country.is_empty() {
            if let Some(w) = ctx.sentence_countries.get(p.country) {
                s += 2.0 + w.min(3.0) * 0.25;
            }
            if let Some(w) = ctx.doc_countries.get(p.country) {
                s += 0.75 + w.min(5.0) * 0.15;
            }
            if let Some(h) = &ctx.country_hint {
                s += if h == p.country { 4.0 } else { -2.0 };
            }
        }
        match trigger.or(ctx.trigger) {
            Some(Trigger::City) => {
                s += match p.kind {
                    Kind::City => 3.0,
                    Kind::Admin1 => -2.0,
                    Kind::Country => -6.0,
                    Kind::Region => -3.0,
                }
            }
            Some(Trigger::Capital) => {
                s += match p.kind {
                    Kind::City if p.flags & FLAG_CAPITAL != 0 => 6.0,
                    Kind::City => 2.0,
                    Kind::Country => -6.0,
                    _ => -2.0,
                }
            }
            Some(Trigger::Admin1) => {
                s += match p.kind {
                    Kind::Admin1 => 4.0,
                    Kind::City => -1.0,
                    Kind::Country => -5.0,
                    Kind::Region => 0.0,
                }
            }
            Some(Trigger::Region) => {
                s += match p.kind {
                    Kind::Region => 2.0,
                    Kind::Admin1 => 1.0,
                    _ => 0.0,
                }
            }
            Some(Trigger::Country) if p.kind == Kind::Country => s += 3.0,
            Some(Trigger::Country) | None => {}
        }
        if ctx.entity_type == Some(model::EntityType::Loc) && p.kind == Kind::Region {
            s += 0.5;
        }
        // Short names of small places are mostly collisions with ordinary words.
        if p.kind == Kind::City && key_len <= 3 && p.population < 100_000 {
            s -= 2.0;
        }
        s
    }

    /// Whether Arabic news names small places of this country (the gazetteer's focus list).
    fn is_focus(&self, cc: &str) -> bool {
        self.focus.contains(cc)
    }

    fn candidate(&self, p: &Place<'_>, score: f32, key: &str) -> Candidate {
        let admin1 = match p.kind {
            Kind::Admin1 => Some(display(p)),
            _ => p.admin1.map(|i| display(&self.table.place(i))),
        };
        Candidate {
            name: if p.name_ar.is_empty() {
                p.name_en.to_string()
            } else {
                p.name_ar.to_string()
            },
            name_en: p.name_en.to_string(),
            country: p.country.to_string(),
            admin1: admin1.filter(|s| !s.is_empty()),
            lat: p.lat,
            lon: p.lon,
            precision: p.kind.precision().to_string(),
            geonames_id: (p.id != 0).then_some(u64::from(p.id)),
            population: p.population,
            score,
            key: key.to_string(),
            index: p.index,
        }
    }

    /// Ranked candidates for a written place phrase (clitics, trigger words and spelling
    /// variants allowed), best first. Empty when nothing in the gazetteer matches.
    pub fn geocode(&self, name: &str, ctx: &Context) -> Vec<Candidate> {
        let mut out = self.lookup_phrase(name, ctx, 0.0);
        if out.first().is_none_or(|c| c.score < MIN_SCORE) {
            // A modifier before a known place: شمال بغداد، ريف حلب الشمالي.
            let words: Vec<&str> = name.split_whitespace().collect();
            // Longest modifier first: جنوب شرق تركيا is جنوب شرق + تركيا, not جنوب + شرق تركيا.
            for m in (1..words.len().min(3)).rev() {
                let head: String = words[..m].iter().map(|w| key(w)).collect();
                let bare = head.trim_start_matches(['و', 'ف', 'ب', 'ل']);
                if self.modifiers.iter().any(|x| *x == head || x == bare) {
                    let rest = words[m..].join(" ");
                    let mut more = self.lookup_phrase(&rest, ctx, 0.5);
                    if more.is_empty() {
                        more = self.lookup_skeleton(&rest, ctx);
                    }
                    for c in &mut more {
                        c.precision = "region".into();
                    }
                    if !more.is_empty() {
                        out.extend(more);
                        break;
                    }
                }
            }
        }
        if out.first().is_none_or(|c| c.score < MIN_SCORE) {
            // Extra words after the name (الموصل شمالي العراق): drop them one by one.
            let words: Vec<&str> = name.split_whitespace().collect();
            for n in (1..words.len()).rev() {
                let mut more = self.lookup_phrase(
                    &words[..n].join(" "),
                    ctx,
                    1.0 + (words.len() - n) as f32 * 0.5,
                );
                // A shortened phrase is only a guess (الوادي الكبير is not الوادي): keep what the
                // context backs, i.e. places in a country the text or the caller names.
                more.retain(|c| {
                    ctx.sentence_countries.contains_key(&c.country)
                        || ctx.doc_countries.contains_key(&c.country)
                        || ctx.country_hint.as_ref() == Some(&c.country)
                });
                if !more.is_empty() {
                    out.extend(more);
                    break;
                }
            }
        }
        if out.first().is_none_or(|c| c.score < MIN_SCORE) {
            out.extend(self.demonym_reading(name, ctx));
        }
        if out.first().is_none_or(|c| c.score < MIN_SCORE) {
            out.extend(self.lookup_skeleton(name, ctx));
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        // "ولاية X" with no reading in a country the text names: X may be a province of one
        // written by its sound (فرياب for فارياب, "Yobe", "Logar").
        let admin1_trigger = ctx.trigger == Some(Trigger::Admin1)
            || name
                .split_whitespace()
                .next()
                .filter(|_| name.split_whitespace().nth(1).is_some())
                .and_then(|w| self.trigger_of(w))
                == Some(Trigger::Admin1);
        if admin1_trigger
            && !out
                .first()
                .is_some_and(|c| c.score >= MIN_SCORE && ctx.names(&c.country))
        {
            out.extend(self.admin1_by_sound(name, ctx));
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        let mut seen = std::collections::HashSet::new();
        out.retain(|c| seen.insert(c.index));
        out
    }

    /// A one-word phrase that is a nationality adjective (التونسية، الليبيين) names its country:
    /// the NER tags such words as GPE, and no place is called that. Tried before the skeleton
    /// guesses, which otherwise read التونسية as "Taunsa" (Pakistan) by its consonants. The
    /// reading pays the penalty of a rewritten name.
    fn demonym_reading(&self, name: &str, ctx: &Context) -> Vec<Candidate> {
        let mut words = name.split_whitespace();
        let (Some(word), None) = (words.next(), words.next()) else {
            return Vec::new();
        };
        let forms = crate::fold::clitic_forms(&key(word));
        let Some(&i) = self
            .demonym_country(&forms)
            .and_then(|cc| self.country_place.get(cc))
        else {
            return Vec::new();
        };
        let p = self.table.place(i);
        let s = self.score(&p, 1.0, 0, word.chars().count(), None, ctx);
        vec![self.candidate(&p, s, "")]
    }

    /// Candidates for every spelling variant of a written phrase, looked up as written.
    pub(crate) fn lookup_phrase(
        &self,
        name: &str,
        ctx: &Context,
        extra_penalty: f32,
    ) -> Vec<Candidate> {
        self.lookup_variants(name, ctx, extra_penalty, Keys::Written)
    }

    /// Last resort: places GeoNames knows only by Latin names, reached through the consonant
    /// skeleton of the written phrase ([`translit`]). Skeletons collide, so a candidate must lie
    /// in a country the text or the caller names, or be a town of some size, and it pays a penalty.
    fn lookup_skeleton(&self, name: &str, ctx: &Context) -> Vec<Candidate> {
        if !crate::fold::has_arabic(name) {
            return Vec::new();
        }
        self.lookup_variants(name, ctx, 1.0, Keys::Skeleton)
    }

    /// The spelling variants of a phrase with the places each reaches under one kind of key:
    /// what [`Self::lookup_variants`] needs apart from the context, remembered per thread.
    fn variant_hits(&self, name: &str, keys: Keys) -> std::rc::Rc<[VariantHits]> {
        let known = MEMO.with(|cell| {
            let mut memo = cell.borrow_mut();
            if memo.geocoder != self.id || memo.len() > MEMO_MAX {
                *memo = Memo {
                    geocoder: self.id,
                    ..Memo::default()
                };
            }
            memo.of(keys).get(name).cloned()
        });
        if let Some(hits) = known {
            return hits;
        }
        let trig = Triggers {
            words: &self.trigger_words,
        };
        let mut out = Vec::new();
        for v in query_variants(name, &trig) {
            let k = match keys {
                Keys::Written => v.key.clone(),
                Keys::Skeleton => {
                    let sk = translit::skeleton(&v.key);
                    if !translit::usable(&sk) {
                        continue;
                    }
                    sk
                }
            };
            let trigger = v
                .trigger
                .as_deref()
                .and_then(|w| self.triggers.iter().find(|(t, _)| t == w).map(|(_, k)| *k));
            let places = self.table.lookup(&k).collect();
            out.push(VariantHits {
                len: v.key.chars().count(),
                key: k,
                penalty: v.penalty,
                trigger,
                places,
            });
        }
        let hits: std::rc::Rc<[VariantHits]> = out.into();
        MEMO.with(|cell| {
            cell.borrow_mut()
                .of(keys)
                .insert(name.to_string(), hits.clone())
        });
        hits
    }

    /// Look up every spelling variant of a phrase under one kind of key and keep each place's
    /// best score.
    fn lookup_variants(
        &self,
        name: &str,
        ctx: &Context,
        extra_penalty: f32,
        keys: Keys,
    ) -> Vec<Candidate> {
        let latin = !crate::fold::has_arabic(name);
        let mut best: Vec<(u32, f32, &str)> = Vec::new();
        let hits = self.variant_hits(name, keys);
        for v in hits.iter() {
            let (k, trigger, len) = (v.key.as_str(), v.trigger, v.len);
            for &(idx, flags) in &v.places {
                let p = self.table.place(idx);
                let wanted = match keys {
                    Keys::Written => {
                        (flags & KEY_LATIN != 0) == latin
                            && flags & KEY_TRANSLIT == 0
                            // A common word (الشرقية، معسكر) is a place name only after a
                            // trigger word that names a kind of place.
                            && (flags & KEY_COMMON == 0
                                || matches!(
                                    trigger.or(ctx.trigger),
                                    Some(Trigger::City | Trigger::Capital | Trigger::Admin1)
                                ))
                    }
                    Keys::Skeleton => {
                        let backed = ctx.sentence_countries.contains_key(p.country)
                            || ctx.doc_countries.contains_key(p.country)
                            || ctx.country_hint.as_deref() == Some(p.country);
                        // A town of some size needs no backing only when the text names no
                        // country at all: a skeleton guess in a country the text never names,
                        // while it names others, is more often a namesake (a Moroccan town for
                        // a Malian one) than the place.
                        flags & KEY_TRANSLIT != 0
                            && (backed || (p.population >= 20_000 && ctx.names_no_country()))
                    }
                };
                if !wanted {
                    continue;
                }
                let s = self.score(&p, v.penalty + extra_penalty, flags, len, trigger, ctx);
                match best.iter_mut().find(|(i, _, _)| *i == idx) {
                    Some(b) if b.1 >= s => {}
                    Some(b) => *b = (idx, s, k),
                    None => best.push((idx, s, k)),
                }
            }
        }
        best.iter()
            .map(|(i, s, k)| self.candidate(&self.table.place(*i), *s, k))
            .collect()
    }

    /// Provinces of the countries the text names whose name sounds like the phrase: the
    /// consonant skeleton of the written phrase equals that of the province's Arabic name or of
    /// its Latin name. Any skeleton length is accepted (يوبي is "ب", "Yobe" too), since the
    /// search is limited to the provinces of named countries after a province trigger. Matches
    /// through the fewest clitic guesses win; among several, the one whose vowel letters agree
    /// (يوبي and "Yobe" both i-u-i, "Abia" a-i-a); still several is no answer.
    fn admin1_by_sound(&self, name: &str, ctx: &Context) -> Vec<Candidate> {
        let trig = Triggers {
            words: &self.trigger_words,
        };
        let wanted: Vec<(String, f32, String)> = query_variants(name, &trig)
            .into_iter()
            .filter(|v| v.key.chars().count() >= 3 && crate::fold::has_arabic(&v.key))
            .map(|v| (translit::skeleton(&v.key), v.penalty, vowels(&v.key)))
            .filter(|(sk, _, _)| !sk.is_empty())
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        // (place, penalty of the query form that matched, vowels agree)
        let mut found: Vec<(Place<'_>, f32, bool)> = Vec::new();
        for a in self.admin1_sounds() {
            if !ctx.names(&a.country) {
                continue;
            }
            let best = wanted
                .iter()
                .filter_map(|(w, pen, vw)| {
                    let hits: Vec<&(String, String)> =
                        a.sounds.iter().filter(|(sk, _)| sk == w).collect();
                    (!hits.is_empty()).then(|| (*pen, hits.iter().any(|(_, v)| v == vw)))
                })
                .min_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
            if let Some((pen, agree)) = best {
                found.push((self.table.place(a.index), pen, agree));
            }
        }
        let Some(least) = found.iter().map(|f| f.1).min_by(|a, b| a.total_cmp(b)) else {
            return Vec::new();
        };
        found.retain(|f| f.1 == least);
        if found.len() > 1 {
            found.retain(|f| f.2);
        }
        match found.as_slice() {
            [(p, pen, _)] => {
                let len = name.chars().count();
                let s = self.score(p, 1.0 + pen, 0, len, Some(Trigger::Admin1), ctx);
                vec![self.candidate(p, s, "")]
            }
            _ => Vec::new(),
        }
    }

    /// Every province with its sounds, in table order (computed once per geocoder).
    fn admin1_sounds(&self) -> &[Admin1Sounds] {
        self.admin1_sounds.get_or_init(|| {
            let trig = Triggers {
                words: &self.trigger_words,
            };
            let first_admin1 = self.country_place.len() as u32;
            let mut out = Vec::new();
            for i in first_admin1..self.table.len() as u32 {
                let p = self.table.place(i);
                if p.kind != Kind::Admin1 {
                    // Admin1 records follow the countries as one run.
                    break;
                }
                // (skeleton, vowel letters) of the province's names as written (no clitic guesses).
                let mut sounds: Vec<(String, String)> = Vec::new();
                if !p.name_ar.is_empty() {
                    for v in query_variants(p.name_ar, &trig) {
                        if v.penalty == 0.0 {
                            let bare = v.key.strip_prefix("ال").unwrap_or(&v.key).to_string();
                            sounds.push((translit::skeleton(&v.key), vowels(&v.key)));
                            sounds.push((translit::skeleton(&bare), vowels(&bare)));
                        }
                    }
                }
                let style = crate::builder::romanisation(p.country, true)
                    .unwrap_or(translit::Style::English);
                let latin_vowels = latin_vowels(p.name_en);
                for sk in translit::latin_skeletons_any(p.name_en, style) {
                    sounds.push((sk, latin_vowels.clone()));
                }
                out.push(Admin1Sounds {
                    index: i,
                    country: p.country.to_string(),
                    sounds,
                });
            }
            out
        })
    }

    /// The country record of an ISO code, as a candidate (for events that only know a country).
    pub fn country(&self, iso2: &str) -> Option<Candidate> {
        let i = *self.country_place.get(iso2)?;
        Some(self.candidate(&self.table.place(i), 0.0, ""))
    }
}

/// The vowel letters of an Arabic key as a pattern (ا a, ي i, و u): what Arabic writes of a
/// foreign name's vowels.
fn vowels(key: &str) -> String {
    key.chars()
        .filter_map(|c| match c {
            'ا' | 'أ' | 'إ' | 'آ' | 'ى' => Some('a'),
            'ي' => Some('i'),
            'و' => Some('u'),
            _ => None,
        })
        .collect()
}

/// The vowels of a Latin name in the pattern of [`vowels`] (e, i, y as i; o, u, w as u).
fn latin_vowels(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'a' => Some('a'),
            'e' | 'i' | 'y' => Some('i'),
            'o' | 'u' | 'w' => Some('u'),
            _ => None,
        })
        .collect()
}

fn display(p: &Place<'_>) -> String {
    if p.name_ar.is_empty() {
        p.name_en.to_string()
    } else {
        p.name_ar.to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use crate::{Context, Geocoder, Trigger};

    fn ctx_with(cc: &str) -> Context {
        Context {
            sentence_countries: BTreeMap::from([(cc.to_string(), 1.0)]),
            doc_countries: BTreeMap::from([(cc.to_string(), 1.0)]),
            ..Context::default()
        }
    }

    #[test]
    fn tripoli_follows_context() {
        let g = Geocoder::bundled().expect("bundled");
        let lb = g.geocode("طرابلس", &ctx_with("LB"));
        assert_eq!(lb[0].country, "LB");
        let ly = g.geocode("طرابلس", &ctx_with("LY"));
        assert_eq!(ly[0].country, "LY");
        // Without context the capital of Libya (the larger city) wins.
        assert_eq!(g.geocode("طرابلس", &Context::default())[0].country, "LY");
    }

    #[test]
    fn trigger_picks_admin1_or_city() {
        let g = Geocoder::bundled().expect("bundled");
        let city = g.geocode("الحسكة", &Context::default());
        assert_eq!(city[0].precision, "city");
        let gov = g.geocode("محافظة الحسكة", &Context::default());
        assert_eq!(gov[0].precision, "admin1");
        assert_eq!(gov[0].country, "SY");
        let ctx = Context {
            trigger: Some(Trigger::Admin1),
            ..Context::default()
        };
        assert_eq!(g.geocode("الحسكة", &ctx)[0].precision, "admin1");
    }

    #[test]
    fn countries_regions_and_clitics() {
        let g = Geocoder::bundled().expect("bundled");
        let none = Context::default();
        let us = &g.geocode("أمريكا", &none)[0];
        assert_eq!(
            (us.country.as_str(), us.precision.as_str()),
            ("US", "country")
        );
        assert_eq!(g.geocode("بريطانيا", &none)[0].country, "GB");
        let se = &g.geocode("جنوب شرق تركيا", &none)[0];
        assert_eq!(
            (se.country.as_str(), se.precision.as_str()),
            ("TR", "region")
        );
        let sahel = &g.geocode("الساحل", &none)[0];
        assert_eq!(sahel.precision, "region");
        assert_eq!(g.geocode("شمال شرق سوريا", &none)[0].precision, "region");
        assert_eq!(g.geocode("وبغداد", &none)[0].country, "IQ");
        assert_eq!(g.geocode("ديرالزور", &none)[0].country, "SY");
        assert_eq!(g.geocode("الرقه", &none)[0].country, "SY");
        assert_eq!(g.geocode("للموصل", &none)[0].country, "IQ");
        let north = &g.geocode("شمال بغداد", &none)[0];
        assert_eq!(
            (north.country.as_str(), north.precision.as_str()),
            ("IQ", "region")
        );
    }

    #[test]
    fn common_words_need_a_trigger() {
        let g = Geocoder::bundled().expect("bundled");
        let ctx = |text: &str, name: &str| g.context_from_text(text, name);
        // معسكر "camp" is also Mascara, Algeria; الشرقية "the eastern" an Egyptian governorate.
        let t = "قتل ثلاثة جنود في هجوم على معسكر للجيش العراقي قرب الموصل";
        assert!(g.geocode("معسكر", &ctx(t, "معسكر")).is_empty());
        let t = "أعلنت السلطات الجزائرية مقتل مسلح في ولاية معسكر غرب البلاد";
        assert_eq!(g.geocode("معسكر", &ctx(t, "معسكر"))[0].country, "DZ");
        let t = "ضبطت الشرطة المصرية خلية في محافظة الشرقية أمس";
        let c = &g.geocode("الشرقية", &ctx(t, "الشرقية"))[0];
        assert_eq!((c.country.as_str(), c.precision.as_str()), ("EG", "admin1"));
        assert!(g.geocode("الشرقية", &Context::default()).is_empty());
        let t = "تحصن المسلحون في جبل قرب القرية";
        assert!(g.geocode("جبل", &ctx(t, "جبل")).is_empty());
    }

    #[test]
    fn a_sound_guess_in_a_country_the_text_never_names_is_dropped() {
        let g = Geocoder::bundled().expect("bundled");
        // سيفاري (Sévaré, Mali) is not in the gazetteer; its skeleton meets Sefrou, Morocco.
        let t = "وصل الرئيس المالي إلى مدينة سيفاري في وسط مالي";
        let c = g.geocode("سيفاري", &g.context_from_text(t, "سيفاري"));
        assert!(c.iter().all(|c| c.country != "MA"), "{c:?}");
    }

    #[test]
    fn a_province_written_by_its_sound() {
        let g = Geocoder::bundled().expect("bundled");
        for (t, name) in [
            ("قتل جنود في كمين بولاية كوجي وسط نيجيريا", "كوجي"),
            ("هاجم مسلحون سوقا في ولاية زمفارا شمال غرب نيجيريا", "زمفارا"),
        ] {
            let c = &g.geocode(name, &g.context_from_text(t, name))[0];
            assert_eq!((c.country.as_str(), c.precision.as_str()), ("NG", "admin1"));
        }
        // Not without the province trigger, and not in a country the text does not name.
        let t = "قتل جنود في كمين قرب كوجي";
        assert!(
            g.geocode("كوجي", &g.context_from_text(t, "كوجي"))
                .is_empty()
        );
        let t = "قتل جنود في كمين بولاية كوجي";
        assert!(
            g.geocode("كوجي", &g.context_from_text(t, "كوجي"))
                .is_empty()
        );
    }

    #[test]
    fn two_word_direction_with_adjective() {
        let g = Geocoder::bundled().expect("bundled");
        let c = &g.geocode("جنوب غربي كركوك", &ctx_with("IQ"))[0];
        assert_eq!((c.country.as_str(), c.precision.as_str()), ("IQ", "region"));
        assert_eq!(c.key, crate::fold::key("كركوك"));
    }

    #[test]
    fn a_nationality_adjective_names_its_country() {
        let g = Geocoder::bundled().expect("bundled");
        // التونسية has no place reading; its consonants meet Taunsa (Pakistan) by skeleton.
        for ctx in [
            Context::default(),
            g.context_from_text("قالت وزارة الداخلية التونسية إن", "التونسية"),
        ] {
            let c = &g.geocode("التونسية", &ctx)[0];
            assert_eq!(
                (c.country.as_str(), c.precision.as_str()),
                ("TN", "country")
            );
        }
        // Not a word of a longer phrase.
        assert!(
            g.geocode("الحكومة التونسية", &Context::default())
                .iter()
                .all(|c| c.precision != "country" || c.country != "TN")
        );
    }

    #[test]
    fn a_name_in_presentation_forms_is_found() {
        let g = Geocoder::bundled().expect("bundled");
        // ﻋﺪﻥ: عدن in glyph codes (U+FExx), as in text copied from a PDF.
        let c = &g.geocode("ﻋﺪﻥ", &Context::default())[0];
        assert_eq!((c.country.as_str(), c.name_en.as_str()), ("YE", "Aden"));
    }

    #[test]
    fn garbage_finds_nothing() {
        let g = Geocoder::bundled().expect("bundled");
        assert!(g.geocode("", &Context::default()).is_empty());
        assert!(g.geocode("؟؟", &Context::default()).is_empty());
        assert!(g.geocode("كذاوكذا زززز", &Context::default()).is_empty());
    }
}
