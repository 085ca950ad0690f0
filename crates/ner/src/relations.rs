//! Relations between the entities of one document, each with the sentence that states it.
//!
//! Patterns are anchored on trigger words (`data/kb/relation_triggers.tsv`):
//! - `leader_of`, `member_of`, `spokesperson_of`: "X، زعيم Y" / "زعيم Y X" / "القيادي في Y X";
//! - `alias_of`: "X، المعروف باسم Z" gives Z alias_of X;
//! - `branch_of`: "X التابعة لتنظيم Y".
//!
//! A few unrecognised words may sit between trigger and name (adjectives, "في", "تنظيم"). When a
//! pattern needs a person on one side and none was recognised there, the words next to the trigger
//! are taken as the name (see [`crate::rules::name_before`]); such mentions are returned so the
//! caller can add them. Knowledge-base relations (a province's `branch_of` its parent, a leader's
//! `leader_of`) are added when both ends occur in the document, and so is `located_in` for a
//! linked city whose country is also named (from the GeoNames country code in the knowledge base).

use std::collections::HashSet;
use std::ops::Range;

use model::{EntityType, Relation, Span};

use crate::kb::KnowledgeBase;
use crate::lexicon::{any_clitic_variant, canon, strip_article, tsv_rows};
use crate::link::{Doc, Found, Source};
use crate::resolve::type_prefix;
use crate::rules::{Lexicon, name_after, name_before, name_key};

const TRIGGERS: &str = include_str!("../data/kb/relation_triggers.tsv");

/// One trigger phrase.
#[derive(Debug, Clone)]
struct Trigger {
    relation: String,
    /// Word keys; the first compared without clitics and article.
    words: Vec<String>,
    /// A final one-letter preposition (ل/ب) that may be attached to the next word.
    clitic: Option<String>,
}

/// The relation trigger lexicon, indexed by the first word without article.
#[derive(Debug, Clone)]
pub(crate) struct Triggers {
    list: Vec<Trigger>,
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
}

/// Whether `f` holds for one of the readings of key `k` without clitics and article: each clitic
/// reading ([`crate::lexicon::any_clitic_variant`]), preceded by itself without ال when two letters
/// remain. Borrowed slices, tried on the fly: triggers start at few tokens, so precomputing every
/// token's readings cost more than it saved.
fn any_bare_form(k: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    any_clitic_variant(k, |v| {
        if let Some(r) = strip_article(v)
            && r.chars().nth(1).is_some()
            && f(r)
        {
            return true;
        }
        f(v)
    })
}

impl Triggers {
    pub(crate) fn bundled() -> Self {
        let mut v = Vec::new();
        for (_, c) in tsv_rows(TRIGGERS, "relation") {
            if let [rel, phrase, ..] = c.as_slice() {
                let mut words: Vec<String> = phrase.split_whitespace().map(canon).collect();
                let clitic = match words.last() {
                    Some(w) if words.len() > 1 && (w == "ل" || w == "ب") => words.pop(),
                    _ => None,
                };
                if !words.is_empty() {
                    v.push(Trigger {
                        relation: rel.trim().to_string(),
                        words,
                        clitic,
                    });
                }
            }
        }
        // Longer triggers first so "المتحدث باسم" wins over shorter readings.
        v.sort_by_key(|t| std::cmp::Reverse(t.words.len() + usize::from(t.clitic.is_some())));
        let mut by_first: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (n, t) in v.iter().enumerate() {
            let w = t.words[0]
                .strip_prefix("ال")
                .unwrap_or(&t.words[0])
                .to_string();
            by_first.entry(w).or_default().push(n);
        }
        Triggers { list: v, by_first }
    }

    /// Whether a word is a trigger's first word as written (no conjunction attached).
    fn starts_plain(&self, k: &str) -> bool {
        self.by_first
            .contains_key(k.strip_prefix("ال").unwrap_or(k))
    }

    /// The trigger matching at token `i`: `(relation, end of the trigger)`. Words after the first
    /// are compared with the readings of the key without clitics and article ([`any_bare_form`]).
    fn at(&self, doc: &Doc<'_, '_>, i: usize) -> Option<(&str, usize)> {
        let mut cands: Vec<usize> = Vec::new();
        any_bare_form(&doc.keys[i], |f| {
            if let Some(c) = self.by_first.get(f) {
                cands.extend_from_slice(c);
            }
            false
        });
        if cands.is_empty() {
            return None;
        }
        cands.sort_unstable();
        cands.dedup();
        for t in cands.into_iter().map(|n| &self.list[n]) {
            let n = t.words.len();
            if i + n > doc.len()
                || !(1..n).all(|k| any_bare_form(&doc.keys[i + k], |f| f == t.words[k]))
            {
                continue;
            }
            let mut end = i + n;
            if let Some(c) = &t.clitic {
                match doc.keys.get(end) {
                    Some(k) if k == c => end += 1,
                    Some(k) if k.starts_with(c.as_str()) && k.chars().count() > 2 => {}
                    _ => continue,
                }
            }
            return Some((t.relation.as_str(), end));
        }
        None
    }
}

fn is_comma(doc: &Doc<'_, '_>, i: usize) -> bool {
    matches!(doc.a.token_text(i), "،" | "," | "-" | "–")
}

fn is_hard_break(doc: &Doc<'_, '_>, i: usize) -> bool {
    matches!(doc.a.token_text(i), "." | "؛" | ";" | ":" | "!" | "؟" | "?")
}

/// Evidence span of the sentence holding token `i`.
pub(crate) fn sentence_span(doc: &Doc<'_, '_>, i: usize) -> Span {
    let s = doc.sent.get(i).copied().unwrap_or(0);
    match doc.a.sentences.get(s) {
        Some(x) => Span {
            text: doc.a.text[x.byte_start..x.byte_end].to_string(),
            start: x.start,
            end: x.end,
        },
        None => Span {
            text: String::new(),
            start: 0,
            end: 0,
        },
    }
}

/// Find relations; may add person mentions it had to capture.
pub(crate) fn find(
    doc: &Doc<'_, '_>,
    lex: &Lexicon,
    triggers: &Triggers,
    kb: &KnowledgeBase,
    mentions: &mut Vec<Found>,
) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        let Some((rel, te)) = triggers.at(doc, i) else {
            i += 1;
            continue;
        };
        let ts = i;
        // "..., والفرع ..." coordinates a new phrase: nothing on the left belongs to the trigger.
        let coordinated = doc.keys[ts].starts_with('و') && !triggers.starts_plain(&doc.keys[ts]);
        let found = match rel {
            _ if coordinated => None,
            // "نائب رئيس X": a deputy, not the leader.
            "leader_of" if ts > 0 && doc.in_set(&lex.deputy, ts - 1) => None,
            "alias_of" => alias(doc, lex, ts, te, mentions),
            "branch_of" => pair(
                doc,
                mentions,
                ts,
                te,
                EntityType::Org,
                EntityType::Org,
                false,
            ),
            _ => role(doc, lex, ts, te, mentions),
        };
        if let Some((s, o)) = found
            && s != o
        {
            out.push(Relation {
                subject: s,
                relation: rel.to_string(),
                object: o,
                evidence: sentence_span(doc, ts),
            });
        }
        i = te.max(i + 1);
    }
    kb_relations(doc, kb, mentions, &mut out);
    let mut seen = HashSet::new();
    out.retain(|r| seen.insert((r.subject.clone(), r.relation.clone(), r.object.clone())));
    out
}

/// Mention ending right before `ts` (a comma may sit between).
fn left_of<'m>(
    doc: &Doc<'_, '_>,
    m: &'m [Found],
    ts: usize,
    kind: EntityType,
) -> Option<&'m Found> {
    let ends = |e: usize| {
        m.iter()
            .filter(|f| f.tokens.end == e && f.kind == kind)
            .max_by_key(|f| f.tokens.len())
    };
    // Skip a closing quote or comma between the name and the trigger.
    let mut e = ts;
    while e > 0 && (doc.is_quote(e - 1) || is_comma(doc, e - 1)) && ts - e < 2 {
        if let Some(f) = ends(e) {
            return Some(f);
        }
        e -= 1;
    }
    ends(e)
}

/// First mention of `kind` starting within three non-breaking words after `from`.
fn right_of<'m>(
    doc: &Doc<'_, '_>,
    m: &'m [Found],
    from: usize,
    kind: EntityType,
) -> Option<&'m Found> {
    let mut skipped = 0;
    let mut j = from;
    while j < doc.len() && skipped <= 3 {
        if let Some(f) = m
            .iter()
            .filter(|f| f.tokens.start == j && f.kind == kind)
            .max_by_key(|f| f.tokens.len())
        {
            return Some(f);
        }
        if is_hard_break(doc, j) || is_comma(doc, j) || m.iter().any(|f| f.tokens.start == j) {
            return None;
        }
        if !doc.is_quote(j) {
            skipped += 1;
        }
        j += 1;
    }
    None
}

/// A person mention starting at `j` (after an optional comma/quote); captures a name if none.
fn person_at(
    doc: &Doc<'_, '_>,
    lex: &Lexicon,
    j: usize,
    mentions: &mut Vec<Found>,
    capture: bool,
) -> Option<String> {
    let mut j = j;
    while j < doc.len() && (is_comma(doc, j) || doc.is_quote(j)) {
        j += 1;
    }
    if let Some(f) = mentions
        .iter()
        .filter(|f| f.tokens.start == j && f.kind == EntityType::Per)
        .max_by_key(|f| f.tokens.len())
    {
        return f.id.clone();
    }
    if !capture || mentions.iter().any(|f| f.tokens.contains(&j)) {
        return None;
    }
    let r = name_after(doc, lex, j)?;
    let r = trim_to_free(mentions, r)?;
    Some(add_person(doc, r, mentions))
}

fn trim_to_free(mentions: &[Found], r: Range<usize>) -> Option<Range<usize>> {
    let end = (r.start..r.end)
        .find(|&k| mentions.iter().any(|f| f.tokens.contains(&k)))
        .unwrap_or(r.end);
    (end - r.start >= 2).then_some(r.start..end)
}

fn add_person(doc: &Doc<'_, '_>, r: Range<usize>, mentions: &mut Vec<Found>) -> String {
    let id = format!(
        "{}:{}",
        type_prefix(EntityType::Per),
        name_key(doc, r.clone())
    );
    mentions.push(Found {
        tokens: r,
        kind: EntityType::Per,
        entry: None,
        id: Some(id.clone()),
        source: Source::Rule,
    });
    id
}

/// Person on the left (captured if needed) or right of a role trigger, organisation after it.
fn role(
    doc: &Doc<'_, '_>,
    lex: &Lexicon,
    ts: usize,
    te: usize,
    mentions: &mut Vec<Found>,
) -> Option<(String, String)> {
    let org = right_of(doc, mentions, te, EntityType::Org)?;
    let (org_id, org_end) = (org.id.clone()?, org.tokens.end);
    // "رئيس قسم الإعلام في جامعة X": the role is over a part of X, not over X.
    if (te..org.tokens.start).any(|j| doc.in_set(&lex.sub_unit, j)) {
        return None;
    }
    if let Some(p) = left_of(doc, mentions, ts, EntityType::Per) {
        return Some((p.id.clone()?, org_id));
    }
    // "زعيم داعش أبو بكر البغدادي": the person follows the organisation.
    if let Some(p) = person_at(doc, lex, org_end, mentions, false) {
        return Some((p, org_id));
    }
    // "X، زعيم Y" with X unrecognised: take the words before the comma as the name.
    if ts >= 3 && is_comma(doc, ts - 1) {
        let r = name_before(doc, lex, ts - 1)?;
        let r = trim_to_free(mentions, r)?;
        return Some((add_person(doc, r, mentions), org_id));
    }
    None
}

/// "X التابعة لـY": both sides of the given kinds.
fn pair(
    doc: &Doc<'_, '_>,
    mentions: &[Found],
    ts: usize,
    te: usize,
    left: EntityType,
    right: EntityType,
    _capture: bool,
) -> Option<(String, String)> {
    let l = left_of(doc, mentions, ts, left)?;
    let r = right_of(doc, mentions, te, right)?;
    Some((l.id.clone()?, r.id.clone()?))
}

/// "X، المعروف باسم Z": Z alias_of X.
fn alias(
    doc: &Doc<'_, '_>,
    lex: &Lexicon,
    ts: usize,
    te: usize,
    mentions: &mut Vec<Found>,
) -> Option<(String, String)> {
    let real = match left_of(doc, mentions, ts, EntityType::Per) {
        Some(p) => p.id.clone()?,
        None if ts >= 3 && is_comma(doc, ts - 1) => {
            let r = name_before(doc, lex, ts - 1)?;
            let r = trim_to_free(mentions, r)?;
            add_person(doc, r, mentions)
        }
        None => return None,
    };
    let other = person_at(doc, lex, te, mentions, true)?;
    Some((other, real))
}

/// Relations recorded in the knowledge base whose both ends occur in the document.
fn kb_relations(
    doc: &Doc<'_, '_>,
    kb: &KnowledgeBase,
    mentions: &[Found],
    out: &mut Vec<Relation>,
) {
    let mut present: Vec<&str> = Vec::new();
    for f in mentions {
        if let Some(id) = f.id.as_deref()
            && !present.contains(&id)
        {
            present.push(id);
        }
    }
    for &id in &present {
        let Some(e) = kb.get(id) else { continue };
        // A city lies in its country (GeoNames country code of the entry).
        let located: Option<(String, String)> =
            (e.kind == EntityType::Gpe && id.starts_with("gpe:") && id.contains('-'))
                .then(|| e.extra("cc"))
                .flatten()
                .map(|cc| {
                    (
                        "located_in".to_string(),
                        format!("gpe:{}", cc.to_lowercase()),
                    )
                });
        for (rel, target) in e.relations.iter().chain(located.iter()) {
            if !present.contains(&target.as_str()) {
                continue;
            }
            let sents = |x: &str| -> Vec<usize> {
                mentions
                    .iter()
                    .filter(|f| f.id.as_deref() == Some(x))
                    .map(|f| doc.sent[f.tokens.start])
                    .collect()
            };
            let (a, b) = (sents(id), sents(target));
            let shared = a.iter().find(|s| b.contains(s));
            // A structural link (branch, part) stands on the child's mention; a role needs both
            // names in one sentence.
            let evidence_sent = match shared {
                Some(&s) => s,
                None if matches!(rel.as_str(), "branch_of" | "part_of" | "located_in") => {
                    match a.first() {
                        Some(&s) => s,
                        None => continue,
                    }
                }
                None => continue,
            };
            let tok = doc.sentence_tokens(evidence_sent).start;
            out.push(Relation {
                subject: id.to_string(),
                relation: rel.clone(),
                object: target.clone(),
                evidence: sentence_span(doc, tok),
            });
        }
    }
}
