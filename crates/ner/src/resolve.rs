//! Settles conflicts between knowledge-base, rule and tagger mentions, gives every mention a stable
//! entity id, and merges mentions of one entity within a document.
//!
//! Priority: knowledge base, then rules, then the tagger. A tagger span that wraps a linked name of
//! the same family (a PER around a known person, an ORG around a known group, "تنظيم داعش") is the
//! description plus the name and is dropped; one that wraps a name of another family ("جامعة
//! بغداد" around بغداد) is kept as a nested mention. Unlinked names get a derived id, the type plus
//! the name's word keys (`per:ابراهيم-القحطاني`), so the same name in two articles has the same id.
//! Within a document a name found once is found everywhere it recurs, and a lone surname
//! ("القحطاني") joins the unique full name it ends ("إبراهيم القحطاني"). Nothing here crosses
//! documents; cross-document identity comes only from the ids.

use std::collections::HashMap;

use model::EntityType;

use crate::kb::{Condition, KnowledgeBase};
use crate::link::{Doc, Found, Source};
use crate::rules::{Lexicon, first_word_key, is_nisba, name_key};

fn family(k: EntityType) -> u8 {
    match k {
        EntityType::Per => 0,
        EntityType::Org => 1,
        EntityType::Loc | EntityType::Gpe => 2,
        EntityType::Fac => 3,
        EntityType::Misc => 4,
    }
}

/// Prefix of derived ids per type.
pub(crate) fn type_prefix(k: EntityType) -> &'static str {
    match k {
        EntityType::Per => "per",
        EntityType::Org => "org",
        EntityType::Loc => "loc",
        EntityType::Gpe => "gpe",
        EntityType::Fac => "fac",
        EntityType::Misc => "misc",
    }
}

/// The link keys of a tagger name's words (dashes left out), as the KB's aliases are keyed.
fn name_keys(doc: &Doc<'_, '_>, t: &Found) -> Vec<String> {
    t.tokens
        .clone()
        .filter(|&i| !crate::kb::is_dash(doc.a.token_text(i)))
        .map(|i| doc.keys[i].clone())
        .collect()
}

/// Whether tagger name `t` spells an alias that the document used as a common noun before it:
/// some candidate of its type family has a failing [`Condition::NoCommonNounBefore`] and none of
/// them has all its conditions met.
fn common_noun_here(doc: &Doc<'_, '_>, base: &KnowledgeBase, t: &Found) -> bool {
    let keys = name_keys(doc, t);
    let fam = family(t.kind);
    let cands: Vec<_> = base
        .candidates_of_name(&keys)
        .iter()
        .filter(|c| family(base.entry(c.entry).kind) == fam)
        .collect();
    let ok = |c: &Condition| crate::link::holds(doc, base, c, t.tokens.clone(), &[]);
    cands.iter().any(|c| {
        c.conditions
            .iter()
            .any(|cond| matches!(cond, Condition::NoCommonNounBefore(_)) && !ok(cond))
    }) && !cands.iter().any(|c| c.conditions.iter().all(ok))
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn contains(outer: &std::ops::Range<usize>, inner: &std::ops::Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Merge the three sources into one list of mentions with ids, in text order.
pub(crate) fn resolve(
    doc: &Doc<'_, '_>,
    lex: &Lexicon,
    base: &KnowledgeBase,
    kb: Vec<Found>,
    mut rules: Vec<Found>,
    mut tagged: Vec<Found>,
) -> Vec<Found> {
    let mut acc: Vec<Found> = kb;
    rules.sort_by_key(|f| (f.tokens.start, std::cmp::Reverse(f.tokens.end)));
    for r in rules {
        let hits: Vec<&Found> = acc
            .iter()
            .filter(|a| overlaps(&a.tokens, &r.tokens))
            .collect();
        let nested_place = !hits.is_empty()
            && r.kind == EntityType::Loc
            && hits.iter().all(|h| {
                contains(&r.tokens, &h.tokens)
                    && h.tokens != r.tokens
                    && matches!(h.kind, EntityType::Gpe | EntityType::Loc)
                    && h.source == Source::Kb
            });
        if hits.is_empty() || nested_place {
            acc.push(r);
        }
    }
    // A tagger name that is a knowledge-base alias links to it even where the alias alone needed
    // context (the tagger's decision is that context): a LOC "تدمر" is the Syrian town.
    // Not where the document used the alias word as a common noun (a bare القاعدة after قاعدة
    // العند is that base): such a tagger name is dropped, not linked.
    tagged.retain(|t| !common_noun_here(doc, base, t));
    for t in &mut tagged {
        let keys = name_keys(doc, t);
        let fam = family(t.kind);
        if let Some(e) = base.exact(&keys, |k| family(k) == fam) {
            let en = base.entry(e);
            t.entry = Some(e);
            t.id = Some(en.id.clone());
            t.kind = en.kind;
        }
    }
    // A tagger name spelled exactly like a linked mention of this document is that entity, even
    // when the tagger chose another type (a PER "خور مكسر" where "بخور مكسر" linked to the place).
    let linked_here: Vec<(Vec<String>, Found)> = acc
        .iter()
        .filter(|f| f.entry.is_some())
        .map(|f| (seq(doc, &f.tokens), f.clone()))
        .collect();
    for t in tagged.iter_mut().filter(|t| t.entry.is_none()) {
        let s = seq(doc, &t.tokens);
        if let Some((_, f)) = linked_here.iter().find(|(k, _)| *k == s) {
            t.entry = f.entry;
            t.id = f.id.clone();
            t.kind = f.kind;
        }
    }
    tagged.sort_by_key(|f| (f.tokens.start, std::cmp::Reverse(f.tokens.end)));
    for t in tagged {
        let hits: Vec<&Found> = acc
            .iter()
            .filter(|a| overlaps(&a.tokens, &t.tokens))
            .collect();
        if hits.is_empty() {
            acc.push(t);
            continue;
        }
        if hits
            .iter()
            .any(|h| !contains(&t.tokens, &h.tokens) || h.tokens == t.tokens)
        {
            continue; // crosses or lies inside an accepted mention
        }
        if hits.iter().any(|h| family(h.kind) == family(t.kind)) {
            continue; // description + known name: the name is the mention
        }
        let extra_generic = t.tokens.clone().all(|i| {
            hits.iter().any(|h| h.tokens.contains(&i))
                || doc.is_punct(i)
                || doc.in_set(&lex.generic_head, i)
        });
        if !extra_generic {
            acc.push(t);
        }
    }
    for f in &mut acc {
        if f.id.is_none() {
            f.id = Some(format!(
                "{}:{}",
                type_prefix(f.kind),
                name_key(doc, f.tokens.clone())
            ));
        }
    }
    merge_short_org_names(doc, &mut acc);
    propagate_names(doc, lex, &mut acc);
    merge_surnames(doc, &mut acc);
    acc.sort_by_key(|f| (f.tokens.start, std::cmp::Reverse(f.tokens.end)));
    acc
}

/// An organisation name cut short (its first two or more words) in a document that also gives it
/// in full is that organisation: "حزب العمال" beside "حزب العمال الكردستاني" is the PKK, not a
/// second party. Only unlinked short names, and only when every full name they begin carries one
/// id (two parties "حزب العمال X" and "حزب العمال Y" leave the short name alone).
fn merge_short_org_names(doc: &Doc<'_, '_>, acc: &mut [Found]) {
    let org = family(EntityType::Org);
    let full: Vec<(Vec<String>, Found)> = acc
        .iter()
        .filter(|f| family(f.kind) == org && f.tokens.len() >= 3 && f.id.is_some())
        .map(|f| (seq(doc, &f.tokens), f.clone()))
        .collect();
    for f in acc
        .iter_mut()
        .filter(|f| f.entry.is_none() && family(f.kind) == org && f.tokens.len() >= 2)
    {
        let short = seq(doc, &f.tokens);
        let mut longer = full
            .iter()
            .filter(|(k, _)| k.len() > short.len() && k.starts_with(&short))
            .map(|(_, g)| g);
        let Some(first) = longer.next() else { continue };
        if longer.all(|g| g.id == first.id) {
            f.id = first.id.clone();
            f.entry = first.entry;
            f.kind = first.kind;
        }
    }
}

/// Word keys of a mention for recurrence search: first word without clitics.
fn seq(doc: &Doc<'_, '_>, r: &std::ops::Range<usize>) -> Vec<String> {
    r.clone()
        .enumerate()
        .map(|(n, i)| {
            if n == 0 {
                doc.fkeys[i].clone()
            } else {
                doc.keys[i].clone()
            }
        })
        .collect()
}

/// Find unlinked names again wherever they recur in the document.
fn propagate_names(doc: &Doc<'_, '_>, lex: &Lexicon, acc: &mut Vec<Found>) {
    let mut names: Vec<(Vec<String>, EntityType, String)> = Vec::new();
    for f in acc.iter().filter(|f| f.entry.is_none()) {
        let s = seq(doc, &f.tokens);
        let single_weak = s.len() == 1
            && (s[0].chars().count() < 4
                || lex.name_stop.contains(&s[0])
                || lex.generic_head.contains(&s[0]));
        if single_weak || names.iter().any(|(x, _, _)| *x == s) {
            continue;
        }
        if let Some(id) = &f.id {
            names.push((s, f.kind, id.clone()));
        }
    }
    for (s, kind, id) in names {
        let n = s.len();
        let mut p = 0;
        while p + n <= doc.len() {
            let r = p..p + n;
            if doc.fkeys[p] == s[0]
                && (1..n).all(|k| doc.keys[p + k] == s[k])
                && !acc.iter().any(|a| overlaps(&a.tokens, &r))
            {
                acc.push(Found {
                    tokens: r,
                    kind,
                    entry: None,
                    id: Some(id.clone()),
                    source: Source::Propagated,
                });
                p += n;
            } else {
                p += 1;
            }
        }
    }
}

/// Name parts that say nothing on their own (عبد الله, أبو, بن).
const WEAK_PARTS: [&str; 9] = [
    "عبد",
    "ابو",
    "ابي",
    "ابا",
    "بن",
    "ابن",
    "الله",
    "الدين",
    "ال",
];

/// A lone family name joins the unique multi-word person name it belongs to.
fn merge_surnames(doc: &Doc<'_, '_>, acc: &mut Vec<Found>) {
    // Non-first words of multi-word person names → the entity ids that carry them.
    let mut by_part: HashMap<String, Vec<String>> = HashMap::new();
    for f in acc
        .iter()
        .filter(|f| f.kind == EntityType::Per && f.tokens.len() >= 2)
    {
        let Some(id) = &f.id else { continue };
        for i in f.tokens.start + 1..f.tokens.end {
            let part = first_word_key(&doc.keys[i]);
            if part.chars().count() < 4 || WEAK_PARTS.contains(&part.as_str()) {
                continue;
            }
            let v = by_part.entry(part).or_default();
            if !v.contains(id) {
                v.push(id.clone());
            }
        }
    }
    // Single-word person mentions that are a known family name take the full name's id.
    for f in acc
        .iter_mut()
        .filter(|f| f.kind == EntityType::Per && f.tokens.len() == 1)
    {
        let k = doc.fkeys[f.tokens.start].clone();
        if let Some(ids) = by_part.get(&k)
            && ids.len() == 1
            && f.entry.is_none()
        {
            f.id = Some(ids[0].clone());
        }
    }
    // Unmarked recurrences of a distinctive family name (a nisba such as القحطاني) become
    // mentions, except in adjective position after a definite noun (النظام السوري), where a nisba
    // is an ordinary adjective.
    for (part, ids) in &by_part {
        if ids.len() != 1 || !is_nisba(part) {
            continue;
        }
        for i in 0..doc.len() {
            let r = i..i + 1;
            if doc.fkeys[i] != *part {
                continue;
            }
            let adjective = i > 0
                && (doc.fkeys[i - 1].starts_with("ال") || acc.iter().any(|a| a.tokens.end == i));
            if !adjective && !acc.iter().any(|a| overlaps(&a.tokens, &r)) {
                acc.push(Found {
                    tokens: r,
                    kind: EntityType::Per,
                    entry: None,
                    id: Some(ids[0].clone()),
                    source: Source::Propagated,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{Doc, link};
    use crate::rules::Lexicon;

    /// Ids after merging, when the tagger proposes `word` (its last occurrence) as `kind`.
    fn with_tagged(text: &str, word: &str, kind: EntityType) -> Vec<Option<String>> {
        with_tagged_words(text, &[word], kind)
    }

    /// Ids after merging, when the tagger proposes the last occurrence of the consecutive
    /// tokens `words` as one name of type `kind`.
    fn with_tagged_words(text: &str, words: &[&str], kind: EntityType) -> Vec<Option<String>> {
        let kb = KnowledgeBase::bundled().expect("kb");
        let lex = Lexicon::bundled();
        let a = text::analyze(text);
        let doc = Doc::new(&a);
        let n = words.len();
        let i = (0..=a.tokens.len() - n)
            .rev()
            .find(|&i| (0..n).all(|k| a.token_text(i + k) == words[k]))
            .expect("words in text");
        let tagged = vec![Found {
            tokens: i..i + n,
            kind,
            entry: None,
            id: None,
            source: Source::Tagger,
        }];
        let found = link(&kb, &doc);
        resolve(&doc, &lex, &kb, found, Vec::new(), tagged)
            .into_iter()
            .map(|f| f.id)
            .collect()
    }

    #[test]
    fn a_tagger_name_is_not_linked_where_the_document_used_it_as_a_common_noun() {
        let ids = with_tagged(
            "تقدمت القوات نحو قاعدة العند الجوية. وتتريث المقاومة في اقتحام القاعدة خوفا على الأسرى.",
            "القاعدة",
            EntityType::Org,
        );
        assert!(
            !ids.iter().any(|i| i.as_deref() == Some("org:al-qaeda")),
            "{ids:?}"
        );
        // Without a base before it, the tagger's ORG links to the organisation.
        let ids = with_tagged(
            "وتقول السلطات إن القاعدة خططت للهجوم.",
            "القاعدة",
            EntityType::Org,
        );
        assert!(
            ids.iter().any(|i| i.as_deref() == Some("org:al-qaeda")),
            "{ids:?}"
        );
    }

    #[test]
    fn a_shortened_organisation_name_is_the_full_one() {
        let ids = with_tagged_words(
            "شن حزب العمال الكردستاني هجوما في جنوب تركيا. وقال بيان حزب العمال إن المقاتلين عادوا.",
            &["حزب", "العمال"],
            EntityType::Org,
        );
        let pkk = ids
            .iter()
            .filter(|i| i.as_deref() == Some("org:pkk"))
            .count();
        assert_eq!(pkk, 2, "{ids:?}");
        // Alone, the short name is not the PKK.
        let ids = with_tagged_words(
            "وقال بيان حزب العمال إن الانتخابات ستجري في موعدها.",
            &["حزب", "العمال"],
            EntityType::Org,
        );
        assert!(
            !ids.iter().any(|i| i.as_deref() == Some("org:pkk")),
            "{ids:?}"
        );
    }
}
