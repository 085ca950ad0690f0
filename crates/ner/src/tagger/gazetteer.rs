//! Gazetteer and trigger-word lookups used as tagger features.
//!
//! The name lists ship in `data/gazetteer/` (see `ATTRIBUTION.md` there); `build.rs` keys them
//! with the text layer's own functions ([`super::gazetteer_keys`]) and the table is embedded in
//! the binary, so list entries and text tokens always agree and start-up only fills hash maps. A name is matched on token *keys*: the
//! clitic-stripped stem with a leading article removed, so `والعراق` matches the entry `العراق`.
//!
//! It gives features only. Membership in a list is evidence, not a decision: the perceptron
//! learns how much to trust each list (GeoNames holds many common words that are also places).

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

pub use super::gazetteer_keys::{MAX_LEN, bits, token_key, trig};
use super::gazetteer_keys::{Row, name_key, parse, phrase_keys, word_key};

/// The loaded lists.
/// Keys borrow from the table compiled into the binary; names added at run time own theirs.
#[derive(Debug, Default)]
pub struct Gazetteer {
    phrases: FxHashMap<Cow<'static, str>, u16>,
    triggers: FxHashMap<Cow<'static, str>, u8>,
    /// Two-word place names written as one word (ديار بكر → دياربكر, دير الزور → ديرالزور), for
    /// [`Gazetteer::place_len`] only: the tagger's features keep the lists as they were trained.
    joined_places: FxHashSet<Cow<'static, str>>,
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

/// The shipped lists as `build.rs` compiled them (see [`super::gazetteer_keys`]).
const COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));

/// The shipped lists, loaded once per process.
pub fn shipped() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    // The table is generated from the repository's own files by the same code that reads it:
    // a bad row is a build defect, and the tagger then runs without list features.
    G.get_or_init(|| Gazetteer::from_table(COMPILED).unwrap_or_default())
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
    /// Load a table written by [`super::gazetteer_keys::Compiled::to_table`].
    pub fn from_table(table: &'static str) -> Result<Gazetteer, String> {
        let mut g = Gazetteer::default();
        let rows = table.lines().count();
        g.phrases.reserve(rows);
        for row in parse(table) {
            match row? {
                Row::Phrase(k, v) => {
                    g.phrases.insert(Cow::Borrowed(k), v);
                }
                Row::Trigger(k, v) => {
                    g.triggers.insert(Cow::Borrowed(k), v);
                }
                Row::Joined(k) => {
                    g.joined_places.insert(Cow::Borrowed(k));
                }
            }
        }
        Ok(g)
    }

    /// Add one name (written form, words separated by spaces) to list `bit`.
    pub fn add(&mut self, name: &str, bit: u16) {
        let Some(keys) = name_key(name) else { return };
        for (k, b) in phrase_keys(&keys, bit) {
            *self.phrases.entry(Cow::Owned(k)).or_default() |= b;
        }
    }

    /// Length in words of the longest place entry (GeoNames, admin1, country or ANERgazet
    /// location) made of the first words of `words` (written forms), 0 when none.
    pub fn place_len(&self, words: &[&str]) -> usize {
        const PLACE: u16 = bits::GEONAMES | bits::ADMIN1 | bits::COUNTRY | bits::ANER_LOC;
        if words
            .first()
            .is_some_and(|w| self.joined_places.contains(word_key(w).as_str()))
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

    #[test]
    fn the_compiled_table_is_the_lists_keyed_now() {
        // build.rs and this test key the same files with the same code: a table that differs
        // means the build script did not rerun after a change to the lists.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer");
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("list file");
        let now = super::super::gazetteer_keys::compile_dir(read);
        assert_eq!(now.to_table(), COMPILED);
        let g = shipped();
        assert_eq!(g.phrases.len(), now.phrases.len());
        assert_eq!(g.triggers.len(), now.triggers.len());
        assert!(g.joined_places.len() > 100);
    }

    #[test]
    fn a_bad_table_row_is_an_error_naming_the_line() {
        let e = Gazetteer::from_table("p\tبغداد\t8\nx\ty\n").expect_err("bad row");
        assert!(e.contains("line 2"), "{e}");
    }
}
