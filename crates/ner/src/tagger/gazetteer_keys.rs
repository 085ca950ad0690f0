//! How the shipped name lists become lookup keys: shared by the library and by `build.rs`,
//! which compiles the lists into a keyed table at build time (`OUT_DIR/gazetteer.tsv`) so that
//! start-up reads ready keys instead of segmenting some 60,000 list words with the text layer
//! (that was the largest part of a one-article run's start-up).
//!
//! Only `std` and the text layer are used here, because `build.rs` compiles this file on its own.
//! It does not match names in text (see the `gazetteer` module).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

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

/// The list files of `data/gazetteer/` and the list bit of each.
pub const LIST_FILES: [(&str, u16); 7] = [
    ("anergazet_loc.txt", bits::ANER_LOC),
    ("anergazet_org.txt", bits::ANER_ORG),
    ("anergazet_pers.txt", bits::ANER_PERS),
    ("geonames_places.txt", bits::GEONAMES),
    ("admin1_regions.txt", bits::ADMIN1),
    ("countries.txt", bits::COUNTRY),
    ("un_sanctions_persons.txt", bits::UN_PERS),
];

/// The trigger-word file of `data/gazetteer/` (`class<TAB>word` rows).
pub const TRIGGER_FILE: &str = "triggers.tsv";

/// Compile the lists of `data/gazetteer/`, reading each file (by name) with `read`.
pub fn compile_dir(read: impl Fn(&str) -> String) -> Compiled {
    let sources: Vec<(String, u16)> = LIST_FILES.iter().map(|&(f, b)| (read(f), b)).collect();
    let lists: Vec<(&str, u16)> = sources.iter().map(|(s, b)| (s.as_str(), *b)).collect();
    Compiled::build(&lists, &read(TRIGGER_FILE))
}

/// Phrase keys of a name's word keys, each prefix with the bits it gets: [`bits::PREFIX`] on
/// proper prefixes, `bit` on the whole name.
pub fn phrase_keys(keys: &[String], bit: u16) -> impl Iterator<Item = (String, u16)> + '_ {
    let mut k = String::new();
    keys.iter().enumerate().map(move |(i, w)| {
        if i > 0 {
            k.push(' ');
        }
        k.push_str(w);
        let b = if i + 1 == keys.len() {
            bit
        } else {
            bits::PREFIX
        };
        (k.clone(), b)
    })
}

/// Longest entry, in tokens, that is indexed (longer entries are skipped).
pub const MAX_LEN: usize = 6;

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
pub fn word_key(word: &str) -> String {
    let norm = text::normalize::match_form(word);
    let seg = text::clitics::segment(&norm);
    token_key(&norm, &seg.stem).into_owned()
}

/// Keys of a name (written form, words separated by spaces), joined by one space; `None` when
/// the name is empty, too long to index, or has a word with no key.
pub fn name_key(name: &str) -> Option<Vec<String>> {
    let keys: Vec<String> = name.split_whitespace().map(word_key).collect();
    if keys.is_empty() || keys.len() > MAX_LEN || keys.iter().any(String::is_empty) {
        return None;
    }
    Some(keys)
}

/// Entry lines of a list file (blank lines and `#` comments skipped).
pub fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The keyed tables of a set of lists.
#[derive(Debug, Default, PartialEq)]
pub struct Compiled {
    /// Phrase key (word keys joined by a space) → list bits, [`bits::PREFIX`] on proper prefixes.
    pub phrases: BTreeMap<String, u16>,
    /// Match-normalised trigger word → trigger classes.
    pub triggers: BTreeMap<String, u8>,
    /// Keys of two-word place names written as one word (دير الزور → ديرالزور).
    pub joined_places: BTreeSet<String>,
}

impl Compiled {
    /// Add one name to list `bit`.
    pub fn add(&mut self, name: &str, bit: u16) {
        let Some(keys) = name_key(name) else { return };
        for (k, b) in phrase_keys(&keys, bit) {
            *self.phrases.entry(k).or_default() |= b;
        }
    }

    /// Compile list sources (`(text, list bit)`) and the trigger file (`class<TAB>word` rows).
    pub fn build(lists: &[(&str, u16)], triggers: &str) -> Compiled {
        let mut c = Compiled::default();
        for &(src, bit) in lists {
            let place = matches!(
                bit,
                bits::ANER_LOC | bits::GEONAMES | bits::ADMIN1 | bits::COUNTRY
            );
            for name in lines(src) {
                c.add(name, bit);
                if place && name.split_whitespace().count() == 2 {
                    let joined: String = name.split_whitespace().collect();
                    c.joined_places.insert(word_key(&joined));
                }
                if bit == bits::UN_PERS {
                    for w in name.split_whitespace() {
                        if w.chars().count() >= 3 {
                            c.add(w, bits::UN_PERS_PART);
                        }
                    }
                }
            }
        }
        for l in lines(triggers) {
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
            *c.triggers.entry(norm).or_default() |= bit;
        }
        c
    }

    /// The table as text, one row a line, in key order (`p<TAB>key<TAB>bits`, `t<TAB>word<TAB>
    /// bits`, `j<TAB>key`): what `build.rs` writes and [`parse`] reads.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        for (k, v) in &self.phrases {
            out.push_str(&format!("p\t{k}\t{v}\n"));
        }
        for (k, v) in &self.triggers {
            out.push_str(&format!("t\t{k}\t{v}\n"));
        }
        for k in &self.joined_places {
            out.push_str(&format!("j\t{k}\n"));
        }
        out
    }
}

/// One row of a compiled table.
#[derive(Debug, PartialEq)]
pub enum Row<'a> {
    /// A phrase key and its list bits.
    Phrase(&'a str, u16),
    /// A trigger word and its classes.
    Trigger(&'a str, u8),
    /// A joined two-word place name.
    Joined(&'a str),
}

/// Read the rows of a table written by [`Compiled::to_table`]; the error names the bad line.
pub fn parse(table: &str) -> impl Iterator<Item = Result<Row<'_>, String>> {
    table.lines().enumerate().map(|(n, l)| {
        let bad = || format!("gazetteer table line {}: {l:?}", n + 1);
        let mut cols = l.split('\t');
        match (cols.next(), cols.next(), cols.next()) {
            (Some("p"), Some(k), Some(v)) => Ok(Row::Phrase(k, v.parse().map_err(|_| bad())?)),
            (Some("t"), Some(k), Some(v)) => Ok(Row::Trigger(k, v.parse().map_err(|_| bad())?)),
            (Some("j"), Some(k), None) => Ok(Row::Joined(k)),
            _ => Err(bad()),
        }
    })
}
