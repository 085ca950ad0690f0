//! Named entities in running Arabic text, tied to canonical identities, and relations between them.
//!
//! [`Recognizer::recognize`] runs four finders over a [`text::Analysis`] and merges them:
//! 1. the actor knowledge base ([`kb`]; organisations, branches, state forces, leaders, UN-designated
//!    persons, countries, cities, regions) linked by alias with context ([`link`]);
//! 2. general name rules ([`rules`]: kunyas, quoted names after media nouns, compass phrases);
//! 3. the trained tagger ([`tagger`]) when its model loads;
//! 4. within-document merging ([`resolve`]) and relation patterns ([`relations`]).
//!
//! Every entity gets a stable id: the knowledge-base id when linked (`org:isis`, `gpe:sy`), else
//! the type plus the normalised name (`per:ابراهيم-القحطاني`), so one name has one id across
//! documents. Types: tagger PERS→PER, ORG→ORG, MISC→MISC; knowledge-base countries and cities are
//! GPE, regions and unlinked tagger LOC spans are LOC.
//!
//! [`Recognizer::lookup`] answers "what does the knowledge base know about NAME" for
//! `marsad entity`. The crate reads no files at run time: all data is embedded.
#![deny(missing_docs)]

pub mod tagger;

pub mod kb;
mod lexicon;
mod link;
mod relations;
mod resolve;
mod rules;

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use model::{Entity, EntityType, Relation, Span};
use text::Analysis;

pub use kb::{KbEntry, KnowledgeBase};

/// Errors loading or training models and knowledge bases.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A model or data file is malformed.
    #[error("{path}: {reason}")]
    Format {
        /// Which file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

/// One mention of an entity, pointing at tokens of the analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    /// Id of the entity in [`NerOutput::entities`].
    pub entity: String,
    /// Type of the mention.
    pub kind: EntityType,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Token range in the analysis.
    pub tokens: Range<usize>,
    /// Whether the mention was linked to the knowledge base (else its id is derived from the name).
    pub linked: bool,
}

/// Entities, their mentions and relations in one document.
#[derive(Debug, Clone, Default)]
pub struct NerOutput {
    /// Distinct entities with all their mentions.
    pub entities: Vec<Entity>,
    /// Every mention in text order (a mention nested in another, like بغداد in جامعة بغداد, is
    /// listed after the outer one).
    pub mentions: Vec<EntityMention>,
    /// Relations with evidence.
    pub relations: Vec<Relation>,
}

/// A knowledge-base relation as shown by [`Recognizer::lookup`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KbLink {
    /// `leader_of`, `branch_of`, ...
    pub relation: String,
    /// The other entity's id.
    pub id: String,
    /// The other entity's canonical name.
    pub name: String,
    /// True when the other entity is the subject (`X leader_of` this entry).
    pub incoming: bool,
}

/// What the knowledge base knows about one entity (for `marsad entity NAME`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KbInfo {
    /// Stable id.
    pub id: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical Arabic name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Wikidata Q-id.
    pub wikidata: Option<String>,
    /// Every alias.
    pub aliases: Vec<String>,
    /// Outgoing and incoming relations.
    pub relations: Vec<KbLink>,
    /// Extra attributes (`cc`, `geonames`, `lat`, `lon`, `un` reference ...).
    pub extra: Vec<(String, String)>,
    /// Data file the entry comes from (`organisations.tsv`, `un_persons.tsv` ...).
    pub source: String,
}

/// The bundled tagger plus knowledge base.
#[derive(Debug, Clone)]
pub struct Recognizer {
    kb: Arc<KnowledgeBase>,
    shared: Arc<Shared>,
    tagger: Option<Arc<tagger::Tagger>>,
}

#[derive(Debug)]
struct Shared {
    lex: rules::Lexicon,
    triggers: relations::Triggers,
}

fn bundled_kb() -> Result<Arc<KnowledgeBase>, Error> {
    static KB: OnceLock<Result<Arc<KnowledgeBase>, String>> = OnceLock::new();
    KB.get_or_init(|| {
        KnowledgeBase::bundled()
            .map(Arc::new)
            .map_err(|e| e.to_string())
    })
    .clone()
    .map_err(|reason| Error::Format {
        path: "data/kb".into(),
        reason,
    })
}

fn bundled_tagger() -> Option<Arc<tagger::Tagger>> {
    static T: OnceLock<Option<Arc<tagger::Tagger>>> = OnceLock::new();
    T.get_or_init(|| tagger::Tagger::bundled().ok().map(Arc::new))
        .clone()
}

impl Recognizer {
    /// Load the model and knowledge base shipped with Marsad. The knowledge base must load; the
    /// tagger is used when its shipped model loads (see [`Recognizer::has_tagger`]).
    pub fn bundled() -> Result<Self, Error> {
        // The knowledge base and the tagger (with the gazetteer its features read) load
        // independently and are most of start-up: on two cores, side by side.
        let (kb, tagger) = std::thread::scope(|s| {
            let t = s.spawn(|| {
                let t = bundled_tagger();
                if t.is_some() {
                    tagger::gazetteer::shipped();
                }
                t
            });
            let kb = bundled_kb();
            (kb, t.join().ok().flatten())
        });
        Ok(Recognizer {
            kb: kb?,
            shared: Arc::new(Shared {
                lex: rules::Lexicon::bundled(),
                triggers: relations::Triggers::bundled(),
            }),
            tagger,
        })
    }

    /// The same recognizer without the statistical tagger (knowledge base and rules only).
    pub fn without_tagger(mut self) -> Self {
        self.tagger = None;
        self
    }

    /// Whether the trained tagger is in use.
    pub fn has_tagger(&self) -> bool {
        self.tagger.is_some()
    }

    /// The knowledge base.
    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Find entities and relations in an analysed text.
    pub fn recognize(&self, a: &Analysis<'_>) -> NerOutput {
        let doc = link::Doc::new(a);
        let lex = &self.shared.lex;
        let linked = link::link(&self.kb, &doc);
        let mut rule_spans = rules::kunyas(&doc, lex);
        rule_spans.extend(rules::headed_names(&doc, lex));
        rule_spans.extend(rules::directions(&doc, lex, &linked));
        rule_spans.extend(rules::appositives(&doc, lex));
        rule_spans.extend(rules::institutions(&doc, lex));
        rule_spans.extend(rules::headed_places(&doc, lex));
        let tagged: Vec<link::Found> = self
            .tagger
            .as_ref()
            .map(|t| {
                t.tag(a)
                    .into_iter()
                    .filter(|s| !s.tokens.is_empty() && s.tokens.end <= a.tokens.len())
                    .filter(|s| !(s.tokens.len() == 1 && ends_with_tanween(a, s.tokens.start)))
                    .map(|s| link::Found {
                        tokens: s.tokens,
                        kind: match s.kind {
                            tagger::TagKind::Pers => EntityType::Per,
                            tagger::TagKind::Org => EntityType::Org,
                            tagger::TagKind::Loc => EntityType::Loc,
                            tagger::TagKind::Misc => EntityType::Misc,
                        },
                        entry: None,
                        id: None,
                        source: link::Source::Tagger,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut mentions = resolve::resolve(&doc, lex, &self.kb, linked, rule_spans, tagged);
        let relations = relations::find(&doc, lex, &self.shared.triggers, &self.kb, &mut mentions);
        mentions.sort_by_key(|f| (f.tokens.start, std::cmp::Reverse(f.tokens.end)));
        self.output(&doc, mentions, relations)
    }

    fn output(
        &self,
        doc: &link::Doc<'_, '_>,
        found: Vec<link::Found>,
        relations: Vec<Relation>,
    ) -> NerOutput {
        let a = doc.a;
        let mut entities: Vec<Entity> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let mut mentions = Vec::with_capacity(found.len());
        for f in &found {
            let Some(id) = f.id.clone() else { continue };
            let (Some(first), Some(last)) =
                (a.tokens.get(f.tokens.start), a.tokens.get(f.tokens.end - 1))
            else {
                continue;
            };
            let span = Span {
                text: a.text[first.byte_start..last.byte_end].to_string(),
                start: first.start,
                end: last.end,
            };
            let linked = self.kb.get(&id).is_some();
            mentions.push(EntityMention {
                entity: id.clone(),
                kind: f.kind,
                start: span.start,
                end: span.end,
                tokens: f.tokens.clone(),
                linked,
            });
            match index.get(&id) {
                Some(&i) => entities[i].mentions.push(span),
                None => {
                    let kb = self.kb.get(&id);
                    index.insert(id.clone(), entities.len());
                    entities.push(Entity {
                        id,
                        kind: kb.map_or(f.kind, |e| e.kind),
                        name: kb.map_or_else(|| span.text.clone(), |e| e.name.clone()),
                        name_en: kb.and_then(|e| e.name_en.clone()),
                        wikidata: kb.and_then(|e| e.wikidata.clone()),
                        mentions: vec![span],
                        location: None,
                    });
                }
            }
        }
        // Unlinked entities are named by their longest mention without leading clitics.
        for e in entities.iter_mut().filter(|e| self.kb.get(&e.id).is_none()) {
            if let Some(m) = e
                .mentions
                .iter()
                .max_by_key(|m| (m.end - m.start, std::cmp::Reverse(m.start)))
            {
                e.name = m.text.clone();
            }
            e.mentions.sort_by_key(|m| m.start);
        }
        let known: std::collections::HashSet<&str> =
            entities.iter().map(|e| e.id.as_str()).collect();
        let relations = relations
            .into_iter()
            .filter(|r| known.contains(r.subject.as_str()) && known.contains(r.object.as_str()))
            .collect();
        NerOutput {
            entities,
            mentions,
            relations,
        }
    }

    /// What the knowledge base knows about `name` (an alias in any spelling, an English name or an
    /// id), best match first; empty when nothing matches.
    pub fn lookup(&self, name: &str) -> Vec<KbInfo> {
        self.kb
            .find(name)
            .into_iter()
            .map(|e| {
                let mut relations: Vec<KbLink> = e
                    .relations
                    .iter()
                    .map(|(r, t)| KbLink {
                        relation: r.clone(),
                        id: t.clone(),
                        name: self.kb.get(t).map_or_else(String::new, |x| x.name.clone()),
                        incoming: false,
                    })
                    .collect();
                relations.extend(self.kb.incoming(&e.id).into_iter().map(|(r, src)| KbLink {
                    relation: r.to_string(),
                    id: src.id.clone(),
                    name: src.name.clone(),
                    incoming: true,
                }));
                KbInfo {
                    id: e.id.clone(),
                    kind: e.kind,
                    name: e.name.clone(),
                    name_en: e.name_en.clone(),
                    wikidata: e.wikidata.clone(),
                    aliases: e.aliases.clone(),
                    relations,
                    extra: e.extra.clone(),
                    source: e.source.to_string(),
                }
            })
            .collect()
    }
}

/// Whether token `i` is written with a final tanween (ـً ـٌ ـٍ). Tanween marks an indefinite
/// noun or an adverb ("آنفاً" "previously", "عاجلاً"), never a name in news prose; the tagger,
/// which reads the form without diacritics, can take such a word for a place (آنفا = Anfa).
fn ends_with_tanween(a: &Analysis<'_>, i: usize) -> bool {
    a.tokens.get(i).is_some_and(|t| {
        a.slice(t.byte_start, t.byte_end)
            .chars()
            .rev()
            .find(|c| !matches!(c, '\u{0640}' | '\u{0651}'))
            .is_some_and(|c| matches!(c, '\u{064B}'..='\u{064D}'))
    })
}

#[cfg(test)]
mod tanween_tests {
    use super::ends_with_tanween;

    #[test]
    fn a_word_with_final_tanween_is_not_a_name() {
        let text = "كما ذكرنا آنفاً في الدار البيضاء، وصل عاجلٌ ثم رجلاً وأنفا";
        let a = text::analyze(text);
        let flagged: Vec<&str> = (0..a.tokens.len())
            .filter(|&i| ends_with_tanween(&a, i))
            .map(|i| a.token_text(i))
            .collect();
        assert_eq!(flagged, ["آنفاً", "عاجلٌ", "رجلاً"]);
    }
}
