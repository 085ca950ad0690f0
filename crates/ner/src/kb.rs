//! The actor knowledge base: organisations and their branches, state forces, international bodies,
//! media, leaders, UN-designated persons, countries, cities and regions, shipped as TSV files in
//! `data/kb/` and embedded in the binary with `include_str!`.
//!
//! Each alias is tokenised with the text layer and turned into a sequence of word keys
//! ([`crate::lexicon::canon`]); a trie over those sequences ([`AliasTrie`]) finds the longest
//! alias at each word of running text ([`crate::link`]). An alias may carry context conditions (a militant
//! cue nearby, a given previous word, a forbidden next word); aliases shared by several entries are
//! tried conditional-first. This module only loads and indexes the data and answers look-ups by
//! name; it does not decide what a text mentions.

use std::collections::HashMap;

use model::EntityType;
use rustc_hash::FxHashMap;

use crate::Error;
use crate::lexicon::{WordSet, any_clitic_variant, canon, tsv_rows};

/// The shipped knowledge-base files, in priority order (earlier files win alias ties).
const FILES: [(&str, &str); 6] = [
    (
        "organisations.tsv",
        include_str!("../data/kb/organisations.tsv"),
    ),
    ("persons.tsv", include_str!("../data/kb/persons.tsv")),
    ("regions.tsv", include_str!("../data/kb/regions.tsv")),
    ("countries.tsv", include_str!("../data/kb/countries.tsv")),
    ("cities.tsv", include_str!("../data/kb/cities.tsv")),
    ("un_persons.tsv", include_str!("../data/kb/un_persons.tsv")),
];

/// Words that make a context militant (see [`Condition::Militant`]).
const MILITANT_CUES: &str = include_str!("../data/kb/militant_cues.txt");
/// Words after which a place name is expected (see [`Condition::Locative`]).
const LOCATIVE_CUES: &str = include_str!("../data/kb/locative_cues.txt");
/// Common words that are never one-word aliases of the generated gazetteer (`cities.tsv`).
const COMMON_WORDS: &str = include_str!("../data/kb/common_words.txt");
/// The generated gazetteer file whose one-word aliases [`COMMON_WORDS`] filters.
const GAZETTEER_FILE: &str = "cities.tsv";

/// One canonical entity of the knowledge base.
#[derive(Debug, Clone, PartialEq)]
pub struct KbEntry {
    /// Stable id (`org:isis`, `gpe:sy`, `per:abu-bakr-al-baghdadi`).
    pub id: String,
    /// Entity type.
    pub kind: EntityType,
    /// Canonical Arabic name.
    pub name: String,
    /// English name, when known.
    pub name_en: Option<String>,
    /// Wikidata Q-id, when known.
    pub wikidata: Option<String>,
    /// Every alias (Arabic spellings and Latin names) as written in the data file.
    pub aliases: Vec<String>,
    /// Outgoing relations `(relation, target id)`, e.g. `("branch_of", "org:isis")`.
    pub relations: Vec<(String, String)>,
    /// Extra attributes `(key, value)`: `cc`, `geonames`, `lat`, `lon`, `un` (UN reference) ...
    pub extra: Vec<(String, String)>,
    /// The data file the entry comes from.
    pub source: &'static str,
}

impl KbEntry {
    /// Value of an extra attribute.
    pub fn extra(&self, key: &str) -> Option<&str> {
        self.extra
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A condition an alias needs before it links.
#[derive(Debug, Clone)]
pub(crate) enum Condition {
    /// A militant cue word in the same or the previous sentence, outside the alias itself.
    Militant,
    /// The previous word (clitics tolerated) is one of these.
    Prev(WordSet),
    /// The next word (clitics tolerated) is none of these.
    NotNext(WordSet),
    /// The previous word in the same sentence (clitics tolerated) is none of these: a family
    /// name after "مجموعة/شركة" is the family's company (مجموعة بن لادن), not the person.
    NotPrev(WordSet),
    /// A place is expected: the previous word is a locative cue, or the name carries an attached
    /// preposition (بتدمر).
    Locative,
    /// The alias word (with its article) was not used earlier in the document as a common noun:
    /// its indefinite form before one of these words or before a name with the article that is
    /// no alias itself (قاعدة جوية، قاعدة العند, but not قاعدة الجهاد), or its definite form
    /// before one of these words (القاعدة العسكرية). After such a base, a bare القاعدة is that
    /// base again, not the organisation.
    NoCommonNounBefore(WordSet),
}

/// One entry an alias pattern may stand for, with the conditions of that alias.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Index into [`KnowledgeBase::entries`].
    pub entry: usize,
    /// All must hold.
    pub conditions: Vec<Condition>,
}

/// The loaded, indexed knowledge base.
#[derive(Debug)]
pub struct KnowledgeBase {
    entries: Vec<KbEntry>,
    by_id: HashMap<String, usize>,
    /// Word key → token id used in alias patterns.
    vocab: FxHashMap<String, u32>,
    /// Pattern id → candidates (conditional ones first, then in file order).
    candidates: Vec<Vec<Candidate>>,
    /// Every alias as a token-id sequence, with its pattern id.
    trie: AliasTrie,
    /// Militant cue words.
    pub(crate) militant: WordSet,
    /// Locative cue words.
    pub(crate) locative: WordSet,
}

/// Token id that no pattern contains (unknown words, breaks).
pub(crate) const UNKNOWN: u32 = 255 * 255 * 255 - 1;
/// Token id of a conjunction و/ف split off a word.
pub(crate) const CONJ: u32 = 255 * 255 * 255 - 2;

fn token_id(vocab: &FxHashMap<String, u32>, key: &str) -> u32 {
    // The key itself is the first reading tried.
    let mut found = UNKNOWN;
    any_clitic_variant(key, |v| match vocab.get(v) {
        Some(&id) => {
            found = id;
            true
        }
        None => false,
    });
    found
}

/// Ids of one word: a conjunction و/ف before an alias word is split off, so "العراق وسوريا" and
/// "سوريا" both match inside "والعراق وسوريا". Applied identically to aliases and to text.
fn push_word_ids(vocab: &FxHashMap<String, u32>, key: &str, out: &mut Vec<u32>) {
    for c in ['و', 'ف'] {
        // Only before a word that is itself an alias word: "ولاية" is no و + "لاية".
        if let Some(rest) = key.strip_prefix(c)
            && rest.chars().count() >= 2
            && let Some(&id) = vocab.get(rest)
        {
            out.push(CONJ);
            out.push(id);
            return;
        }
    }
    out.push(token_id(vocab, key));
}

/// The aliases as token-id sequences, in a trie: the longest alias starting at a word is one walk
/// from the root, one hash probe per word of the alias (a token-level trie is built in a fraction
/// of the time a byte automaton over the same patterns takes, and start-up is most of a
/// one-article run).
#[derive(Debug, Default)]
pub(crate) struct AliasTrie {
    /// `(node, token id)` → child node; node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    /// Node → pattern id of the alias ending there, or `NONE`.
    ends: Vec<u32>,
}

impl AliasTrie {
    const NONE: u32 = u32::MAX;

    fn new() -> Self {
        AliasTrie {
            edges: FxHashMap::default(),
            ends: vec![Self::NONE],
        }
    }

    /// Add a pattern; the first pattern id given for a sequence stays.
    fn insert(&mut self, ids: &[u32], pattern: usize) {
        let mut node = 0u32;
        for &id in ids {
            let next = self.ends.len() as u32;
            node = *self.edges.entry((node, id)).or_insert(next);
            if node == next {
                self.ends.push(Self::NONE);
            }
        }
        let end = &mut self.ends[node as usize];
        if *end == Self::NONE {
            *end = pattern as u32;
        }
    }

    /// The pattern id of exactly this sequence.
    fn get(&self, ids: &[u32]) -> Option<usize> {
        let mut node = 0u32;
        for &id in ids {
            node = *self.edges.get(&(node, id))?;
        }
        let p = self.ends[node as usize];
        (p != Self::NONE).then_some(p as usize)
    }

    /// The longest pattern that `ids` starts with: `(length in units, pattern id)`.
    pub(crate) fn longest_prefix(&self, ids: &[u32]) -> Option<(usize, usize)> {
        let mut node = 0u32;
        let mut best = None;
        for (i, &id) in ids.iter().enumerate() {
            let Some(&next) = self.edges.get(&(node, id)) else {
                break;
            };
            node = next;
            let p = self.ends[node as usize];
            if p != Self::NONE {
                best = Some((i + 1, p as usize));
            }
        }
        best
    }
}

/// Whether a token is a dash that may sit inside a name (`داعش –خراسان`, `ISIS-K`).
pub(crate) fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—" | "‐" | "‑")
}

/// Word keys of a name as the text layer tokenises it (dashes dropped).
pub(crate) fn name_keys(name: &str) -> Vec<String> {
    // Boundaries only: the full analysis of every alias was a fifth of start-up.
    text::token::token_texts(name)
        .into_iter()
        .map(|(t, _)| t)
        .filter(|t| !is_dash(t))
        .map(canon)
        .filter(|k| !k.is_empty())
        .collect()
}

fn parse_kind(s: &str) -> Option<EntityType> {
    Some(match s {
        "PER" => EntityType::Per,
        "ORG" => EntityType::Org,
        "LOC" => EntityType::Loc,
        "GPE" => EntityType::Gpe,
        "FAC" => EntityType::Fac,
        "MISC" => EntityType::Misc,
        _ => return None,
    })
}

fn parse_conditions(s: &str, path: &str, line: usize) -> Result<Vec<Condition>, Error> {
    let mut out = Vec::new();
    for c in s.split(';').map(str::trim).filter(|c| !c.is_empty()) {
        let bad = || Error::Format {
            path: format!("data/kb/{path}:{line}"),
            reason: format!("unknown context condition {c:?}"),
        };
        if c == "militant" {
            out.push(Condition::Militant);
        } else if c == "locative" {
            out.push(Condition::Locative);
        } else if let Some(w) = c.strip_prefix("nobase=") {
            out.push(Condition::NoCommonNounBefore(WordSet::from_iter(
                w.split('/'),
            )));
        } else if let Some(w) = c.strip_prefix("prev=") {
            out.push(Condition::Prev(WordSet::from_iter(w.split('/'))));
        } else if let Some(w) = c.strip_prefix("notnext=") {
            out.push(Condition::NotNext(WordSet::from_iter(w.split('/'))));
        } else if let Some(w) = c.strip_prefix("notprev=") {
            out.push(Condition::NotPrev(WordSet::from_iter(w.split('/'))));
        } else {
            return Err(bad());
        }
    }
    Ok(out)
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl KnowledgeBase {
    /// Load the knowledge base shipped in `data/kb/`.
    pub fn bundled() -> Result<Self, Error> {
        Self::from_sources(&FILES)
    }

    /// Build from `(file name, TSV text)` pairs in priority order.
    pub fn from_sources(files: &[(&'static str, &str)]) -> Result<Self, Error> {
        let mut entries: Vec<KbEntry> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        // (token keys, candidate) in load order.
        let mut alias_rows: Vec<(Vec<String>, Candidate)> = Vec::new();
        let common = WordSet::parse_lines(COMMON_WORDS);
        for &(path, data) in files {
            for (line, cols) in tsv_rows(data, "id") {
                let fmt = |reason: String| Error::Format {
                    path: format!("data/kb/{path}:{line}"),
                    reason,
                };
                if cols.len() < 8 {
                    return Err(fmt(format!(
                        "expected at least 8 columns, got {}",
                        cols.len()
                    )));
                }
                let kind = parse_kind(cols[1].trim())
                    .ok_or_else(|| fmt(format!("unknown type {:?}", cols[1])))?;
                let id = cols[0].trim().to_string();
                if id.is_empty() || !id.contains(':') {
                    return Err(fmt(format!("bad id {id:?}")));
                }
                let idx = match by_id.get(&id) {
                    Some(&i) => i,
                    None => {
                        let relations = cols[5]
                            .split(';')
                            .filter_map(|r| r.split_once('='))
                            .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
                            .collect();
                        let extra = cols
                            .get(8)
                            .map(|e| {
                                e.split(';')
                                    .filter_map(|r| r.split_once('='))
                                    .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
                                    .collect()
                            })
                            .unwrap_or_default();
                        entries.push(KbEntry {
                            id: id.clone(),
                            kind,
                            name: cols[2].trim().to_string(),
                            name_en: opt(cols[3]),
                            wikidata: opt(cols[4]),
                            aliases: Vec::new(),
                            relations,
                            extra,
                            source: path,
                        });
                        by_id.insert(id, entries.len() - 1);
                        entries.len() - 1
                    }
                };
                let conditions = parse_conditions(cols[6], path, line)?;
                let mut aliases: Vec<&str> = cols[7]
                    .split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .collect();
                if aliases.is_empty() {
                    aliases.push(cols[2].trim());
                }
                for a in aliases {
                    let keys = name_keys(a);
                    if keys.is_empty() {
                        continue;
                    }
                    // A generated place name that is also a common word (المائة, جناح) never links.
                    if path == GAZETTEER_FILE && keys.len() == 1 && common.contains(&keys[0]) {
                        continue;
                    }
                    if !entries[idx].aliases.iter().any(|x| x == a) {
                        entries[idx].aliases.push(a.to_string());
                    }
                    alias_rows.push((
                        keys,
                        Candidate {
                            entry: idx,
                            conditions: conditions.clone(),
                        },
                    ));
                }
            }
        }
        // Token vocabulary and patterns.
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut trie = AliasTrie::new();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        for (keys, _) in &alias_rows {
            for k in keys {
                let n = vocab.len() as u32;
                vocab.entry(k.clone()).or_insert(n);
            }
        }
        if vocab.len() as u32 >= CONJ {
            return Err(Error::Format {
                path: "data/kb".into(),
                reason: "too many distinct alias words".into(),
            });
        }
        let mut ids = Vec::new();
        for (keys, cand) in alias_rows {
            ids.clear();
            for k in &keys {
                push_word_ids(&vocab, k, &mut ids);
            }
            let pid = match trie.get(&ids) {
                Some(p) => p,
                None => {
                    candidates.push(Vec::new());
                    trie.insert(&ids, candidates.len() - 1);
                    candidates.len() - 1
                }
            };
            let list = &mut candidates[pid];
            // Skip a second unconditional candidate of the same entry (duplicate alias).
            if list
                .iter()
                .any(|c| c.entry == cand.entry && c.conditions.is_empty())
                && cand.conditions.is_empty()
            {
                continue;
            }
            list.push(cand);
        }
        for list in &mut candidates {
            // Stable: conditional candidates first, file order kept within each group.
            list.sort_by_key(|c| c.conditions.is_empty());
        }
        Ok(KnowledgeBase {
            entries,
            by_id,
            vocab,
            candidates,
            trie,
            militant: WordSet::parse_lines(MILITANT_CUES),
            locative: WordSet::parse_lines(LOCATIVE_CUES),
        })
    }

    /// Every entry.
    pub fn entries(&self) -> &[KbEntry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&KbEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    pub(crate) fn entry(&self, i: usize) -> &KbEntry {
        &self.entries[i]
    }

    pub(crate) fn trie(&self) -> &AliasTrie {
        &self.trie
    }

    pub(crate) fn candidates(&self, pattern: usize) -> &[Candidate] {
        self.candidates.get(pattern).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn pattern_of(&self, ids: &[u32]) -> Option<usize> {
        self.trie.get(ids)
    }

    /// The entry a whole name (word keys) is an alias of, ignoring context conditions, restricted
    /// to entries `accept` allows. Used to link names the tagger found.
    pub(crate) fn exact(
        &self,
        keys: &[String],
        accept: impl Fn(EntityType) -> bool,
    ) -> Option<usize> {
        let mut ids = Vec::new();
        for k in keys {
            self.word_ids(k, &mut ids);
        }
        if ids.first() == Some(&CONJ) {
            ids.remove(0);
        }
        let p = self.pattern_of(&ids)?;
        let mut c: Vec<&Candidate> = self.candidates(p).iter().collect();
        c.sort_by_key(|c| !c.conditions.is_empty());
        c.into_iter()
            .map(|c| c.entry)
            .find(|&e| accept(self.entries[e].kind))
    }

    /// Every candidate of the alias pattern a whole name (word keys) spells, with its
    /// conditions; empty when the name is no alias.
    pub(crate) fn candidates_of_name(&self, keys: &[String]) -> &[Candidate] {
        let mut ids = Vec::new();
        for k in keys {
            self.word_ids(k, &mut ids);
        }
        if ids.first() == Some(&CONJ) {
            ids.remove(0);
        }
        self.pattern_of(&ids).map_or(&[], |p| self.candidates(p))
    }

    /// Ids of a word key for matching: a leading conjunction before an alias word becomes its own
    /// [`CONJ`] unit (وسوريا → و + سوريا), the rest as [`KnowledgeBase::token_id`].
    pub(crate) fn word_ids(&self, key: &str, out: &mut Vec<u32>) {
        push_word_ids(&self.vocab, key, out)
    }

    /// Whether a word key is itself an alias word.
    pub(crate) fn is_alias_word(&self, key: &str) -> bool {
        self.vocab.contains_key(key)
    }

    /// Entries whose id, English name or one alias equals `name` (clitics tolerated), best first.
    pub fn find(&self, name: &str) -> Vec<&KbEntry> {
        let mut out: Vec<usize> = Vec::new();
        if let Some(&i) = self.by_id.get(name.trim()) {
            out.push(i);
        }
        let keys = name_keys(name);
        if !keys.is_empty() {
            let mut ids: Vec<u32> = Vec::new();
            for k in &keys {
                self.word_ids(k, &mut ids);
            }
            if ids.first() == Some(&CONJ) {
                ids.remove(0);
            }
            if let Some(p) = self.pattern_of(&ids) {
                // Unconditional readings first: they are what the name usually means.
                let mut c: Vec<&Candidate> = self.candidates(p).iter().collect();
                c.sort_by_key(|c| !c.conditions.is_empty());
                out.extend(c.iter().map(|c| c.entry));
            }
        }
        let lower = name.trim().to_lowercase();
        out.extend(
            self.entries
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.name_en
                        .as_deref()
                        .is_some_and(|n| n.to_lowercase() == lower)
                })
                .map(|(i, _)| i),
        );
        let mut seen = std::collections::HashSet::new();
        out.retain(|i| seen.insert(*i));
        out.into_iter().map(|i| &self.entries[i]).collect()
    }

    /// Entries with a relation pointing at `id`: `(relation, source entry)`.
    pub fn incoming(&self, id: &str) -> Vec<(&str, &KbEntry)> {
        self.entries
            .iter()
            .flat_map(|e| {
                e.relations
                    .iter()
                    .filter(|(_, t)| t == id)
                    .map(move |(r, _)| (r.as_str(), e))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_kb_loads_and_isis_aliases_share_an_id() {
        let kb = KnowledgeBase::bundled().expect("kb");
        for name in ["داعش", "تنظيم الدولة", "الدولة الإسلامية", "ISIS", "Daesh"]
        {
            let f = kb.find(name);
            assert_eq!(f.first().map(|e| e.id.as_str()), Some("org:isis"), "{name}");
        }
        let e = kb.get("org:isis").expect("isis");
        assert_eq!(e.wikidata.as_deref(), Some("Q2429253"));
        assert!(kb.find("الدولة").iter().all(|e| e.id != "org:isis"));
    }

    #[test]
    fn branches_point_at_their_parent() {
        let kb = KnowledgeBase::bundled().expect("kb");
        let branches: Vec<&str> = kb
            .incoming("org:isis")
            .iter()
            .filter(|(r, _)| *r == "branch_of")
            .map(|(_, e)| e.id.as_str())
            .collect();
        for b in ["org:iswap", "org:iskp", "org:is-sinai", "org:is-somalia"] {
            assert!(branches.contains(&b), "{b} missing from {branches:?}");
        }
        // Every relation target exists.
        for e in kb.entries() {
            for (r, t) in &e.relations {
                assert!(kb.get(t).is_some(), "{} {r} {t}: unknown target", e.id);
            }
        }
    }

    #[test]
    fn countries_cities_and_un_persons_are_loaded() {
        let kb = KnowledgeBase::bundled().expect("kb");
        assert_eq!(
            kb.find("سوريا").first().map(|e| e.id.as_str()),
            Some("gpe:sy")
        );
        assert_eq!(
            kb.find("سورية").first().map(|e| e.id.as_str()),
            Some("gpe:sy")
        );
        assert!(kb.find("تدمر").iter().any(|e| e.kind == EntityType::Gpe));
        assert!(kb.entries().iter().any(|e| e.extra("un").is_some()));
    }

    #[test]
    fn malformed_rows_are_reported_with_their_line() {
        let bad = "id\ttype\tname_ar\tname_en\twikidata\trelations\tcontext\taliases\norg:x\tXYZ\tس\t\t\t\t\tس\n";
        let err = KnowledgeBase::from_sources(&[("t.tsv", bad)]).expect_err("bad type");
        assert!(err.to_string().contains("t.tsv:2"), "{err}");
    }
}
