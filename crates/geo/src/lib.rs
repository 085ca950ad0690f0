//! Offline geocoding of Arabic place names from a shipped gazetteer.
//!
//! [`Geocoder::bundled`] opens the gazetteer compiled into the binary (`data/gazetteer.bin`,
//! built by [`builder::build`] from GeoNames, ISO 3166-2, CLDR and Natural Earth plus curated
//! regions; see `data/SOURCES.md`). [`Geocoder::geocode`] turns one written place phrase into
//! ranked [`Candidate`]s; [`Geocoder::resolve`] fills `location` on LOC/GPE entities and on
//! events of a document, using the document itself as context.
//!
//! ```
//! use marsad_geo as geo;
//! let g = geo::Geocoder::bundled().expect("bundled gazetteer");
//! let best = &g.geocode("بمدينة الموصل", &geo::Context::default())[0];
//! assert_eq!(best.country, "IQ");
//! ```
//!
//! It geocodes only names it is handed (entity names, event place names); it never scans text for
//! places of its own, and it does no I/O at run time.
#![deny(missing_docs)]

pub mod builder;
mod context;
pub mod fold;
mod rank;
mod resolve;
pub mod table;
pub mod translit;

pub use context::Context;
pub use rank::Candidate;
pub use table::Kind;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::table::Table;

/// Errors loading or building the gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A gazetteer or source file is malformed.
    #[error("{path}: {reason}")]
    Format {
        /// Which file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A source file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// Which file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The gazetteer shipped in the repository (GeoNames data, CC BY 4.0; see `data/SOURCES.md`).
pub static BUNDLED: &[u8] = include_bytes!("../data/gazetteer.bin");

const TRIGGERS_TSV: &str = include_str!("../data/triggers.tsv");
/// Words that put a place phrase next to a known place (شمال بغداد).
const MODIFIERS_TXT: &str = include_str!("../data/modifiers.txt");
/// Words allowed between a district and the city named after it (`resolve.rs`).
const DISTRICT_LINKS_TXT: &str = include_str!("../data/district_links.txt");
const DEMONYMS_TSV: &str = include_str!("../data/demonyms.tsv");

/// What a trigger word before a name says about the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// مدينة، بلدة، قرية ...
    City,
    /// العاصمة
    Capital,
    /// محافظة، ولاية، إقليم ...
    Admin1,
    /// منطقة، ريف
    Region,
    /// دولة، جمهورية ...
    Country,
}

/// The loaded gazetteer and the disambiguation lexicons.
#[derive(Debug)]
pub struct Geocoder {
    table: Table<'static>,
    /// Trigger word keys (no clitics) → what they point to.
    triggers: Vec<(String, Trigger)>,
    trigger_words: Vec<String>,
    /// Lookup keys of the words that may link a district to its city.
    district_links: Vec<String>,
    /// Lookup keys of the modifiers (شمال، ريف، جنوب شرق …; `data/modifiers.txt`).
    modifiers: Vec<String>,
    /// Demonym stem keys → country.
    demonyms: HashMap<String, String>,
    /// Country-name keys → country (for scanning a document's context).
    country_keys: HashMap<String, String>,
    /// Country → index of its country record.
    country_place: HashMap<String, u32>,
    /// Country-name keys, sorted (prefix checks for multi-word names).
    country_sorted: Vec<String>,
    /// Countries whose small places Arabic news names (`data/focus_countries.txt`).
    focus: HashSet<String>,
    /// Distinguishes geocoders loaded from different gazetteers in the per-thread word cache.
    id: u64,
    /// How each province sounds, for the province-by-sound search (`rank`): built on its first
    /// use, not at load, since most texts never need it.
    admin1_sounds: std::sync::OnceLock<Vec<rank::Admin1Sounds>>,
}

impl Geocoder {
    /// Load the gazetteer shipped with Marsad.
    pub fn bundled() -> Result<Self, Error> {
        Self::from_bytes(BUNDLED, "bundled gazetteer")
    }

    /// Load a gazetteer from bytes that live for the whole program (e.g. a leaked buffer).
    pub fn from_bytes(bytes: &'static [u8], name: &str) -> Result<Self, Error> {
        let table = Table::parse(bytes, name)?;
        let mut triggers = Vec::new();
        for (n, line) in builder::data_lines(TRIGGERS_TSV) {
            let (w, k) = line.split_once('\t').ok_or_else(|| Error::Format {
                path: "data/triggers.tsv".into(),
                reason: format!("line {n}: expected word<TAB>kind"),
            })?;
            let kind = match k.trim() {
                "city" => Trigger::City,
                "capital" => Trigger::Capital,
                "admin1" => Trigger::Admin1,
                "region" => Trigger::Region,
                "country" => Trigger::Country,
                other => {
                    return Err(Error::Format {
                        path: "data/triggers.tsv".into(),
                        reason: format!("line {n}: unknown kind {other}"),
                    });
                }
            };
            let k = fold::key(w.trim());
            triggers.push((k.strip_prefix("ال").unwrap_or(&k).to_string(), kind));
        }
        let trigger_words = triggers.iter().map(|(w, _)| w.clone()).collect();
        let keys_of = |data: &str| -> Vec<String> {
            builder::data_lines(data)
                .map(|(_, l)| fold::key(l.trim()))
                .collect()
        };
        let district_links = keys_of(DISTRICT_LINKS_TXT);
        let modifiers = keys_of(MODIFIERS_TXT);
        let mut demonyms = HashMap::default();
        for (_, line) in builder::data_lines(DEMONYMS_TSV) {
            if let Some((cc, names)) = line.split_once('\t') {
                for n in names.split('|') {
                    demonyms.insert(fold::key(n.trim()), cc.trim().to_string());
                }
            }
        }
        let mut country_place = HashMap::default();
        for i in 0..table.len() as u32 {
            let p = table.place(i);
            if p.kind != Kind::Country {
                // Countries come first in the table.
                break;
            }
            country_place.insert(p.country.to_string(), i);
        }
        let mut country_keys = HashMap::default();
        for (k, flags, place) in table.keys() {
            if flags & (table::KEY_LATIN | table::KEY_COMMON) == 0
                && (place as usize) < country_place.len()
            {
                let p = table.place(place);
                country_keys.insert(k.to_string(), p.country.to_string());
            }
        }
        let focus = builder::data_lines(builder::FOCUS_COUNTRIES_TXT)
            .flat_map(|(_, l)| l.split_whitespace())
            .map(str::to_string)
            .collect();
        let mut country_sorted: Vec<String> = country_keys.keys().cloned().collect();
        country_sorted.sort();
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Ok(Geocoder {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            admin1_sounds: std::sync::OnceLock::new(),
            country_sorted,
            focus,
            table,
            triggers,
            trigger_words,
            district_links,
            modifiers,
            demonyms,
            country_keys,
            country_place,
        })
    }

    /// The underlying table (for tests, the benchmark and `marsad gazetteer` statistics).
    pub fn table(&self) -> &Table<'static> {
        &self.table
    }

    /// The trigger kind of a word (clitics allowed: بمدينة → City).
    pub fn trigger_of(&self, word: &str) -> Option<Trigger> {
        // Asked for the word before every place mention and for every word of a sentence that
        // is searched for a district's city; the clitic segmentation is the costly part, and
        // the answer depends on the word alone, so it is remembered per thread.
        thread_local! {
            static KNOWN: std::cell::RefCell<(u64, HashMap<String, Option<Trigger>>)> =
                std::cell::RefCell::new((0, HashMap::default()));
        }
        const KNOWN_MAX: usize = 100_000;
        let known = KNOWN.with(|cell| {
            let mut known = cell.borrow_mut();
            if known.0 != self.id || known.1.len() > KNOWN_MAX {
                *known = (self.id, HashMap::default());
            }
            known.1.get(word).copied()
        });
        if let Some(t) = known {
            return t;
        }
        let t = fold::first_word_forms(word)
            .into_iter()
            .find_map(|(form, _)| {
                let bare = form.strip_prefix("ال").unwrap_or(&form);
                self.triggers
                    .iter()
                    .find(|(w, _)| w == bare)
                    .map(|(_, t)| *t)
            });
        KNOWN.with(|cell| cell.borrow_mut().1.insert(word.to_string(), t));
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_loads_and_finds_core_places() {
        let g = Geocoder::bundled().expect("bundled");
        assert!(g.table().len() > 10_000);
        for (name, cc) in [
            ("الموصل", "IQ"),
            ("دمشق", "SY"),
            ("صنعاء", "YE"),
            ("القاهرة", "EG"),
            ("بنغازي", "LY"),
        ] {
            let c = g.geocode(name, &Context::default());
            assert_eq!(c.first().map(|c| c.country.as_str()), Some(cc), "{name}");
        }
        // GeoNames admin1 codes joined to ISO 3166-2 names.
        let mosul = &g.geocode("الموصل", &Context::default())[0];
        assert_eq!(mosul.admin1.as_deref(), Some("نينوى"));
        assert_eq!(mosul.geonames_id, Some(99072));
        let aden = &g.geocode("عدن", &Context::default())[0];
        assert_eq!(aden.admin1.as_deref(), Some("عدن"));
        assert_eq!(g.trigger_of("بمدينة"), Some(Trigger::City));
        assert_eq!(g.trigger_of("محافظة"), Some(Trigger::Admin1));
        assert_eq!(g.trigger_of("الموصل"), None);
    }
}
