//! Linking: find knowledge-base aliases in an analysed text and decide, from context, which entry
//! each one stands for.
//!
//! Words are compared by key ([`crate::lexicon::canon`]); a word that is not itself an alias word is
//! read with its attached clitics removed (بداعش, لتنظيم الدولة, والدولة الإسلامية), and dashes inside a
//! name are skipped (داعش –خراسان). The alias trie proposes the longest alias at each
//! point; when context rejects every entry of that alias (a "ولاية خراسان" with no militant cue
//! nearby), shorter aliases at the same start are tried, then the search resumes one word later.
//! A bare "الدولة" is no alias at all, so it never links to ISIS. This module does not merge
//! mentions into entities (see [`crate::resolve`]).

use std::ops::Range;

use model::EntityType;
use text::{Analysis, TokenKind};

use crate::kb::{Condition, KnowledgeBase, is_dash};

/// Per-document view shared by linking, rules and relations.
#[derive(Debug)]
pub(crate) struct Doc<'d, 'a> {
    /// The analysis.
    pub a: &'d Analysis<'a>,
    /// Word key of every token.
    pub keys: Vec<String>,
    /// Sentence index of every token.
    pub sent: Vec<usize>,
    /// Name key of every token as a name's first word ([`crate::rules::first_word_key`] of the
    /// conjunction-free key).
    pub fkeys: Vec<String>,
}

impl<'d, 'a> Doc<'d, 'a> {
    pub(crate) fn new(a: &'d Analysis<'a>) -> Self {
        // A token's norm is the match form of its text, so its key needs no second normalising.
        let keys: Vec<String> = a
            .tokens
            .iter()
            .map(|t| crate::lexicon::canon_of_match_form(&t.norm))
            .collect();
        let fkeys = keys
            .iter()
            .zip(&a.tokens)
            .map(|(k, t)| {
                crate::rules::first_word_key(&crate::rules::conjunction_free_key(k, &t.prefix))
            })
            .collect();
        let mut sent = vec![0; a.tokens.len()];
        for (si, s) in a.sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                if let Some(x) = sent.get_mut(t) {
                    *x = si;
                }
            }
        }
        Doc {
            a,
            keys,
            sent,
            fkeys,
        }
    }

    /// Whether token `i` (clitics tolerated) is in `set`. The readings are tried on the fly
    /// (borrowed slices of the key) rather than stored per token: storing them cost an allocation
    /// per reading of every token of every article, more than the few lookups they saved.
    pub(crate) fn in_set(&self, set: &crate::lexicon::WordSet, i: usize) -> bool {
        self.keys.get(i).is_some_and(|k| set.contains_loose(k))
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether token `i` is punctuation.
    pub(crate) fn is_punct(&self, i: usize) -> bool {
        self.a
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Whether token `i` is an opening or closing quote or bracket.
    pub(crate) fn is_quote(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|_| {
            matches!(
                self.a.token_text(i),
                "\"" | "«" | "»" | "“" | "”" | "'" | "‘" | "’" | "(" | ")"
            )
        })
    }

    /// Token range of sentence `s`.
    pub(crate) fn sentence_tokens(&self, s: usize) -> Range<usize> {
        self.a
            .sentences
            .get(s)
            .map_or(0..self.len(), |x| x.tokens.clone())
    }
}

/// Where a mention came from; earlier sources win conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Source {
    /// A knowledge-base alias.
    Kb,
    /// A rule in [`crate::rules`].
    Rule,
    /// The trained tagger.
    Tagger,
    /// Propagated from another mention of the same name in the document.
    Propagated,
}

/// A mention before it is merged into an entity.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Token range.
    pub tokens: Range<usize>,
    /// Type.
    pub kind: EntityType,
    /// Knowledge-base entry index, when linked.
    pub entry: Option<usize>,
    /// Entity id once known (KB id, derived id, or merged id).
    pub id: Option<String>,
    /// Origin.
    pub source: Source,
}

/// Find every knowledge-base alias the context allows, leftmost-longest, non-overlapping.
pub(crate) fn link(kb: &KnowledgeBase, doc: &Doc<'_, '_>) -> Vec<Found> {
    // Matching units: one per token (two when a conjunction is split off), dashes skipped because
    // they are transparent inside names; `kept` maps each unit back to its token.
    let mut kept: Vec<usize> = Vec::with_capacity(doc.len());
    let mut ids: Vec<u32> = Vec::with_capacity(doc.len());
    for i in 0..doc.len() {
        if is_dash(doc.a.token_text(i)) {
            continue;
        }
        let before = ids.len();
        kb.word_ids(&doc.keys[i], &mut ids);
        kept.extend(std::iter::repeat_n(i, ids.len() - before));
    }
    let cue: Vec<bool> = doc
        .keys
        .iter()
        .map(|k| kb.militant.contains_loose(k))
        .collect();
    let mut out = Vec::new();
    let mut pos = 0usize;
    while pos < kept.len() {
        // Leftmost, then longest: the first unit from `pos` on where some alias starts.
        let Some((s, (longest, pid))) =
            (pos..ids.len()).find_map(|s| kb.trie().longest_prefix(&ids[s..]).map(|m| (s, m)))
        else {
            break;
        };
        let mut accepted = None;
        for len in (1..=longest).rev() {
            let pattern = if len == longest {
                Some(pid)
            } else {
                kb.pattern_of(&ids[s..s + len])
            };
            let Some(p) = pattern else { continue };
            let range = kept[s]..kept[s + len - 1] + 1;
            if ids[s] == crate::kb::CONJ {
                continue;
            }
            if let Some(entry) = choose(kb, doc, p, range.clone(), &cue) {
                accepted = Some((len, entry, range));
                break;
            }
        }
        match accepted {
            Some((len, entry, range)) => {
                let en = kb.entry(entry);
                out.push(Found {
                    tokens: range,
                    kind: en.kind,
                    entry: Some(entry),
                    id: Some(en.id.clone()),
                    source: Source::Kb,
                });
                // A branch named after its place (ولاية خراسان, داعش في موزمبيق) also mentions
                // the place: add it as a nested mention.
                if en.relations.iter().any(|(r, _)| r == "branch_of") {
                    out.extend(nested_places(kb, doc, &ids, &kept, s + 1..s + len, &cue));
                }
                pos = s + len;
            }
            None => pos = s + 1,
        }
    }
    out
}

/// Places named inside units `within` (longest first, non-overlapping).
fn nested_places(
    kb: &KnowledgeBase,
    doc: &Doc<'_, '_>,
    ids: &[u32],
    kept: &[usize],
    within: Range<usize>,
    cue: &[bool],
) -> Vec<Found> {
    let mut out = Vec::new();
    let mut s = within.start;
    while s < within.end {
        let mut step = 1;
        for len in (1..=within.end - s).rev() {
            let Some(p) = kb.pattern_of(&ids[s..s + len]) else {
                continue;
            };
            let range = kept[s]..kept[s + len - 1] + 1;
            let place = kb.candidates(p).iter().find(|c| {
                matches!(kb.entry(c.entry).kind, EntityType::Gpe | EntityType::Loc)
                    && c.conditions.iter().all(|cond| {
                        matches!(cond, Condition::Locative)
                            || holds(doc, kb, cond, range.clone(), cue)
                    })
            });
            if let Some(c) = place {
                let en = kb.entry(c.entry);
                out.push(Found {
                    tokens: range,
                    kind: en.kind,
                    entry: Some(c.entry),
                    id: Some(en.id.clone()),
                    source: Source::Kb,
                });
                step = len;
                break;
            }
        }
        s += step;
    }
    out
}

/// The first candidate of pattern `p` whose conditions hold at `range`.
fn choose(
    kb: &KnowledgeBase,
    doc: &Doc<'_, '_>,
    p: usize,
    range: Range<usize>,
    cue: &[bool],
) -> Option<usize> {
    kb.candidates(p)
        .iter()
        .find(|c| {
            c.conditions
                .iter()
                .all(|cond| holds(doc, kb, cond, range.clone(), cue))
        })
        .map(|c| c.entry)
}

/// Previous word before `i`, skipping quotes.
pub(crate) fn prev_word(doc: &Doc<'_, '_>, i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !doc.is_quote(j))
}

/// Next word at or after `i`, skipping quotes.
pub(crate) fn next_word(doc: &Doc<'_, '_>, i: usize) -> Option<usize> {
    (i..doc.len()).find(|&j| !doc.is_quote(j))
}

/// Whether condition `cond` holds for the alias at `range` (`cue`: militant cue per token).
pub(crate) fn holds(
    doc: &Doc<'_, '_>,
    kb: &KnowledgeBase,
    cond: &Condition,
    range: Range<usize>,
    cue: &[bool],
) -> bool {
    match cond {
        Condition::Militant => {
            let s = doc.sent.get(range.start).copied().unwrap_or(0);
            let from = doc.sentence_tokens(s.saturating_sub(1)).start;
            let to = doc.sentence_tokens(s).end;
            (from..to).any(|j| !range.contains(&j) && cue.get(j).copied().unwrap_or(false))
        }
        Condition::Prev(words) => prev_word(doc, range.start)
            .is_some_and(|j| doc.sent[j] == doc.sent[range.start] && doc.in_set(words, j)),
        Condition::NotNext(words) => {
            next_word(doc, range.end).is_none_or(|j| !doc.in_set(words, j))
        }
        Condition::NotPrev(words) => prev_word(doc, range.start)
            .is_none_or(|j| doc.sent[j] != doc.sent[range.start] || !doc.in_set(words, j)),
        Condition::NoCommonNounBefore(words) => {
            let Some(head) = crate::lexicon::strip_article(&doc.keys[range.start]) else {
                return true;
            };
            !(0..range.start).any(|j| {
                let Some(n) = next_word(doc, j + 1).filter(|&n| doc.sent[n] == doc.sent[j]) else {
                    return false;
                };
                let next = &doc.keys[n];
                let indefinite = crate::lexicon::any_clitic_variant(&doc.keys[j], |v| v == head);
                let definite = crate::lexicon::any_clitic_variant(&doc.keys[j], |v| {
                    crate::lexicon::strip_article(v) == Some(head)
                });
                (indefinite
                    && (words.contains(next)
                        || crate::lexicon::starts_with_article(next)
                            && kb
                                .exact(&[doc.keys[j].clone(), next.clone()], |_| true)
                                .is_none()))
                    || (definite
                        && crate::lexicon::strip_article(next).is_some_and(|x| words.contains(x)))
            })
        }
        Condition::Locative => {
            // An attached "ب" (in) before the alias word itself: بتدمر. "ل" (to, for) is too
            // weak a cue, and the check keeps "ولعل" (perhaps) from passing as و + ل + "عل".
            let first = &doc.keys[range.start];
            let attached = !kb.is_alias_word(first)
                && ["وب", "فب", "ب"].iter().any(|p| {
                    first.strip_prefix(p).is_some_and(|rest| {
                        kb.is_alias_word(rest)
                            || rest
                                .strip_prefix('ل')
                                .is_some_and(|r| kb.is_alias_word(&format!("ال{r}")))
                    })
                });
            // An apposition "X، المدينة العراقية" also says X is a place.
            let apposed = next_word(doc, range.end).is_some_and(|j| {
                matches!(doc.a.token_text(j), "،" | ",")
                    && next_word(doc, j + 1).is_some_and(|n| {
                        kb.locative.contains(&doc.keys[n]) && doc.keys[n].starts_with("ال")
                    })
            });
            attached
                || apposed
                || prev_word(doc, range.start).is_some_and(|j| {
                    doc.sent[j] == doc.sent[range.start] && doc.in_set(&kb.locative, j)
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(String, String)> {
        let kb = KnowledgeBase::bundled().expect("kb");
        let a = text::analyze(text);
        let doc = Doc::new(&a);
        link(&kb, &doc)
            .into_iter()
            .map(|f| {
                let s = a.tokens[f.tokens.start].start;
                let e = a.tokens[f.tokens.end - 1].end;
                let surface: String = text.chars().skip(s).take(e - s).collect();
                (f.id.unwrap_or_default(), surface)
            })
            .collect()
    }

    fn has(v: &[(String, String)], id: &str) -> bool {
        v.iter().any(|(i, _)| i == id)
    }

    #[test]
    fn clitics_are_tolerated_and_all_isis_names_share_an_id() {
        let v =
            ids("قتل عنصران بداعش، وأعلن لتنظيم الدولة مسؤول، وقالت والدولة الإسلامية إنها هاجمت.");
        let isis: Vec<_> = v.iter().filter(|(i, _)| i == "org:isis").collect();
        assert_eq!(isis.len(), 3, "{v:?}");
        assert_eq!(isis[1].1, "لتنظيم الدولة", "{v:?}");
    }

    #[test]
    fn bare_dawla_is_not_isis() {
        let v = ids("قالت الدولة إن الحكومة ستعيد بناء المدارس.");
        assert!(!has(&v, "org:isis"), "{v:?}");
    }

    #[test]
    fn khorasan_province_needs_a_militant_context() {
        let v = ids("تبنى تنظيم داعش الهجوم عبر ذراعه في ولاية خراسان.");
        assert!(has(&v, "org:iskp"), "{v:?}");
        let v = ids("هطلت أمطار غزيرة على ولاية خراسان شرقي البلاد.");
        assert!(!has(&v, "org:iskp"), "{v:?}");
        assert!(has(&v, "loc:khorasan"), "{v:?}");
    }

    #[test]
    fn dashes_inside_names_and_longest_match() {
        let v = ids("نفذ تنظيم داعش –خراسان هجوما، بينما تعمل حركة طالبان باكستان في الشمال.");
        assert!(has(&v, "org:iskp"), "{v:?}");
        assert!(has(&v, "org:ttp"), "{v:?}");
        assert!(!has(&v, "org:taliban"), "{v:?}");
    }

    #[test]
    fn newspaper_vs_region_by_previous_word() {
        let v = ids("نقلت صحيفة الشرق الأوسط عن مصادر أن التوتر يتصاعد في الشرق الأوسط.");
        assert_eq!(
            v.iter().filter(|(i, _)| i == "org:asharq-al-awsat").count(),
            1,
            "{v:?}"
        );
        assert_eq!(
            v.iter().filter(|(i, _)| i == "loc:middle-east").count(),
            1,
            "{v:?}"
        );
    }

    #[test]
    fn qaeda_is_not_a_military_base() {
        let v = ids("هاجم مسلحون القاعدة العسكرية الأمريكية في سوريا.");
        assert!(!has(&v, "org:al-qaeda"), "{v:?}");
        assert!(has(&v, "gpe:sy"), "{v:?}");
        let v = ids("ترك حلف الناتو أفغانستان لطالبان والقاعدة.");
        assert!(
            has(&v, "org:al-qaeda") && has(&v, "org:taliban") && has(&v, "org:nato"),
            "{v:?}"
        );
    }

    #[test]
    fn a_base_named_earlier_makes_a_bare_qaeda_that_base() {
        // The indefinite قاعدة before a name, or before a military adjective, is a base; a later
        // bare القاعدة is that base again.
        for text in [
            "سيطرت القوات على قاعدة العند الجوية. وقال مصدر إن المقاومة تتريث في اقتحام القاعدة.",
            "أقامت القوات قاعدة عسكرية جديدة قرب المدينة. وقصفت الطائرات القاعدة بعد يومين.",
            "انسحب الجنود من القاعدة الجوية. ثم سقطت قذائف على القاعدة مساء.",
        ] {
            let v = ids(text);
            assert!(!has(&v, "org:al-qaeda"), "{text}: {v:?}");
        }
        // A member word before it still names the organisation, and قاعدة الجهاد is no base.
        let v = ids("سيطرت القوات على قاعدة العند. وقال إن مسلحي القاعدة فروا.");
        assert!(has(&v, "org:al-qaeda"), "{v:?}");
        let v = ids("أعلن تنظيم قاعدة الجهاد مسؤوليته. وقال إن القاعدة ستواصل هجماتها.");
        assert_eq!(
            v.iter().filter(|(i, _)| i == "org:al-qaeda").count(),
            2,
            "{v:?}"
        );
    }

    #[test]
    fn a_family_name_after_a_company_word_is_the_company() {
        let v = ids("وقعت مجموعة بن لادن السعودية عقدا لتوسعة المطار، وأعلنت شركة بن لادن أرباحها.");
        assert!(!has(&v, "per:osama-bin-laden"), "{v:?}");
        // The person still links where nothing says company.
        let v = ids("قتل بن لادن في أبوت آباد عام 2011، وكان أسامة بن لادن زعيم القاعدة.");
        assert_eq!(
            v.iter().filter(|(i, _)| i == "per:osama-bin-laden").count(),
            2,
            "{v:?}"
        );
    }

    #[test]
    fn common_words_are_no_generated_place_names() {
        let v = ids(
            "ارتفع معدل البطالة إلى 3.4 في المائة، وعرضت الشركة كتبها في جناح المعرض وفي محلات السوق.",
        );
        assert!(v.iter().all(|(i, _)| !i.starts_with("gpe:")), "{v:?}");
        let v = ids("عرضت قناة الجزيرة تقريرا عن الهجوم.");
        assert!(!has(&v, "gpe:dz-algiers"), "{v:?}");
        // The real places keep their other names.
        let v = ids("وصل الوفد إلى مدينة الجزائر العاصمة.");
        assert!(has(&v, "gpe:dz-algiers"), "{v:?}");
    }
}
