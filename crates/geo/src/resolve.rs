//! Filling `location` on a document's LOC/GPE entities and events.
//!
//! Two passes: the first resolves every LOC/GPE entity with the countries the text names; the
//! countries of the places it found then join the document context (a document about الموصل and
//! تكريت is about Iraq even if it never says العراق), and the second pass resolves entities and
//! events again with that context (an entity's own first reading is left out of its own context:
//! it is no evidence for itself; nor, in its sentence's countries, is a country name that makes
//! up a whole mention of it, such as عمان). Every name is resolved on its own: a name that fails leaves
//! its own `location` as it was (or `precision: unknown` for events) and never affects the rest.
//!
//! It does not look for places the NER and event stages did not report, with three exceptions: an
//! event whose own place name cannot be resolved (or that has none) falls back to the most specific
//! resolved LOC/GPE mention inside its evidence span; an event that names no place at all takes
//! the document's (the place named just before it, the one named most, or the one country of all
//! its places: see `document_place`); and a name the gazetteer does not have that is
//! followed closely by a large city ("حي الوشم وسط العاصمة الرياض", "حي العنود بالدمام") is placed
//! at that city: news names districts of big cities that no gazetteer of towns lists.

use std::collections::BTreeMap;

use model::{Entity, EntityType, Event, Location, precision_specificity as specificity};
use text::Analysis;

use crate::context::CountryScan;
use crate::rank::{Candidate, MIN_SCORE};
use crate::{Context, Geocoder, Kind};

fn to_location(name: &str, c: &Candidate) -> Location {
    Location {
        name: name.to_string(),
        country: (!c.country.is_empty()).then(|| c.country.clone()),
        admin1: c.admin1.clone(),
        lat: Some(round5(c.lat)),
        lon: Some(round5(c.lon)),
        precision: c.precision.clone(),
        geonames_id: c.geonames_id,
    }
}

fn round5(v: f64) -> f64 {
    (v * 1e5).round() / 1e5
}

impl Geocoder {
    /// Token index of the first token starting at or after char offset `start`.
    fn token_at(a: &Analysis<'_>, start: usize) -> Option<usize> {
        let i = a.tokens.partition_point(|t| t.start < start);
        (i < a.tokens.len()).then_some(i)
    }

    fn entity_context(
        &self,
        a: &Analysis<'_>,
        scan: &CountryScan,
        doc: &BTreeMap<String, f32>,
        e: &Entity,
    ) -> Context {
        // The mention's own words: a country name among them is the name being read, not
        // evidence about it (عمان in a text about Amman). Only the sentence count leaves them
        // out: taking a country's every mention out of the document count too left كولومبيا
        // with no evidence against Columbia (US) in a text naming the US, and so on for other
        // country names with a namesake town.
        let own: Vec<std::ops::Range<usize>> = e
            .mentions
            .iter()
            .map(|m| {
                let from = a.tokens.partition_point(|t| t.start < m.start);
                let to = a.tokens.partition_point(|t| t.start < m.end);
                from..to
            })
            .collect();
        let mut ctx = Context {
            doc_countries: doc.clone(),
            entity_type: Some(e.kind),
            ..Context::default()
        };
        if let Some(m) = e.mentions.first()
            && let Some(ti) = Self::token_at(a, m.start)
        {
            let s = a.sentence_of(ti);
            if let Some(sc) = scan.per_sentence.get(s) {
                let here: Vec<std::ops::Range<usize>> = own
                    .iter()
                    .filter(|r| r.start < a.tokens.len() && a.sentence_of(r.start) == s)
                    .cloned()
                    .collect();
                ctx.sentence_countries = scan.without_tokens(sc, &here);
            }
            if ti > 0 && a.tokens[ti - 1].end <= m.start {
                ctx.trigger = self.trigger_of(a.token_text(ti - 1));
            }
        }
        ctx
    }

    /// Best candidate over the entity's name and mention spellings. `quick` looks up whole names
    /// only (no modifier, shortened-phrase or skeleton fallbacks): enough for the first pass,
    /// which only collects the countries of places that resolve plainly.
    fn resolve_entity(&self, e: &Entity, ctx: &Context, quick: bool) -> Option<Candidate> {
        let mut names: Vec<&str> = vec![e.name.as_str()];
        for m in &e.mentions {
            if !names.contains(&m.text.as_str()) {
                names.push(&m.text);
            }
        }
        names
            .into_iter()
            .filter_map(|n| {
                if quick {
                    self.lookup_phrase(n, ctx, 0.0)
                        .into_iter()
                        .max_by(|a, b| a.score.total_cmp(&b.score))
                } else {
                    self.geocode(n, ctx).into_iter().next()
                }
            })
            .filter(|c| c.score >= MIN_SCORE)
            .max_by(|a, b| a.score.total_cmp(&b.score))
    }

    /// The trigger that introduces a mention as a district, area or town (حي، منطقة، مخيم …, before
    /// it or opening it), if any: only such names are looked for in a city named near them.
    fn district_trigger(&self, e: &Entity, ctx: &Context) -> Option<crate::Trigger> {
        let m = e.mentions.first()?;
        let inner = || {
            let mut ws = m.text.split_whitespace();
            let first = ws.next()?;
            ws.next().and_then(|_| self.trigger_of(first))
        };
        ctx.trigger
            .or_else(inner)
            .filter(|t| matches!(t, crate::Trigger::City | crate::Trigger::Region))
    }

    /// The one city the sentence of a district or area mention names, when the mention itself
    /// has no reading in a country the text names: "انفجار عبوة بحي X، حيث شهدت مدينة Y إجراءات
    /// أمنية" puts X in Y. A city counts if it lies in a country the text names and has 100,000
    /// people or more, or is introduced as a city (مدينة Y، العاصمة Y); two different cities are no
    /// answer. Precision `city` after a district or town trigger, `region` after منطقة.
    fn sentence_city(&self, a: &Analysis<'_>, e: &Entity, named: &Context) -> Option<Candidate> {
        const MIN_POPULATION: u32 = 100_000;
        let trigger = self.district_trigger(e, named)?;
        let m = e.mentions.first()?;
        let first = Self::token_at(a, m.start)?;
        let sentence = a.sentences.get(a.sentence_of(first))?;
        let ctx = Context {
            trigger: None,
            entity_type: None,
            ..named.clone()
        };
        let mut found: Option<Candidate> = None;
        for i in sentence.tokens.clone() {
            let t = &a.tokens[i];
            if t.kind != text::TokenKind::Arabic
                || (t.start < m.end && t.end > m.start)
                || t.norm.chars().count() < 3
            {
                continue;
            }
            let Some(c) = self
                .lookup_phrase(a.token_text(i), &ctx, 0.0)
                .into_iter()
                .max_by(|x, y| x.score.total_cmp(&y.score))
                .filter(|c| {
                    c.score >= MIN_SCORE
                        && c.precision == Kind::City.precision()
                        && named.names(&c.country)
                })
            else {
                continue;
            };
            let introduced = i > 0
                && matches!(
                    self.trigger_of(a.token_text(i - 1)),
                    Some(crate::Trigger::City | crate::Trigger::Capital)
                );
            if c.population < MIN_POPULATION && !introduced {
                continue;
            }
            match &found {
                Some(f) if f.index != c.index => return None,
                Some(_) => {}
                None => found = Some(c),
            }
        }
        found.map(|mut c| {
            if trigger == crate::Trigger::Region {
                c.precision = Kind::Region.precision().to_string();
            }
            c
        })
    }

    /// A large city named within a few words after an unresolved place mention, in the same
    /// sentence: the place is taken to be a district of it (or, with a direction word between,
    /// somewhere near it: precision `region`).
    fn anchor_city(&self, a: &Analysis<'_>, e: &Entity, ctx: &Context) -> Option<Candidate> {
        const WINDOW: usize = 6;
        const MIN_POPULATION: u32 = 100_000;
        // Only a name introduced as a district or area (حي، منطقة، ضاحية، مخيم …) is looked for in
        // a city: it keeps this search off the many unresolved names that are not places.
        let m = e.mentions.first()?;
        self.district_trigger(e, ctx)?;
        // The lookups below are of other words: the mention's trigger is not theirs.
        let ctx = &Context {
            trigger: None,
            entity_type: None,
            ..ctx.clone()
        };
        let first = Self::token_at(a, m.start)?;
        let sentence = a.sentences.get(a.sentence_of(first))?;
        let after = a.tokens.partition_point(|t| t.start < m.end);
        let end = sentence.tokens.end.min(after + WINDOW);
        // Whether token `i` is one of the given lookup keys (bare, with clitics, or with ال).
        let is_one_of = |keys: &[String], i: usize| {
            let t = &a.tokens[i];
            let (stem, whole) = (crate::fold::key(&t.stem), crate::fold::key(&t.norm));
            keys.iter()
                .any(|k| *k == stem || *k == whole || k.strip_prefix("ال") == Some(stem.as_str()))
        };
        let is_link = |i: usize| is_one_of(&self.district_links, i);
        let is_modifier = |i: usize| is_one_of(&self.modifiers, i);
        let mut directed = false;
        for i in after..end {
            let t = &a.tokens[i];
            if t.kind != text::TokenKind::Arabic {
                if matches!(a.token_text(i), "،" | ",") {
                    continue;
                }
                return None;
            }
            // وسط (inside) is a link here, though a modifier for a place phrase of its own.
            if !is_link(i) && is_modifier(i) {
                directed = true;
                continue;
            }
            // Whole-name lookups only (no skeletons or shortened phrases): a big city is in the
            // gazetteer under its Arabic name.
            let found = self
                .lookup_phrase(a.token_text(i), ctx, 0.0)
                .into_iter()
                .max_by(|x, y| x.score.total_cmp(&y.score))
                .filter(|c| {
                    c.score >= MIN_SCORE
                        && c.precision == Kind::City.precision()
                        && c.population >= MIN_POPULATION
                });
            if let Some(mut c) = found {
                if directed {
                    c.precision = Kind::Region.precision().to_string();
                }
                return Some(c);
            }
            // Anything but a linking word breaks the chain: the city must follow the name.
            if !is_link(i) {
                return None;
            }
        }
        None
    }

    /// Give LOC/GPE entities and event locations coordinates, country and precision, using the
    /// whole document as context.
    pub fn resolve(&self, a: &Analysis<'_>, entities: &mut [Entity], events: &mut [Event]) {
        let scan = self.scan_countries(a);
        let is_place = |e: &Entity| matches!(e.kind, EntityType::Loc | EntityType::Gpe);

        // Pass 1: text-named countries only.
        let mut doc = scan.doc.clone();
        // What each entity added (an entity's own first reading is no evidence for itself).
        let mut own: Vec<Option<(String, f32)>> = Vec::with_capacity(entities.len());
        for e in entities.iter() {
            let mut added = None;
            if is_place(e) {
                let ctx = self.entity_context(a, &scan, &scan.doc, e);
                if let Some(c) = self.resolve_entity(e, &ctx, true)
                    && c.kind_is_place()
                {
                    let w = 0.5 * e.mentions.len().max(1) as f32;
                    *doc.entry(c.country.clone()).or_default() += w;
                    added = Some((c.country, w));
                }
            }
            own.push(added);
        }

        // Pass 2: with the countries of the other places found.
        for (e, own) in entities.iter_mut().zip(&own) {
            if !is_place(e) {
                continue;
            }
            let others = match own {
                Some((cc, w)) => {
                    let mut d = doc.clone();
                    if let Some(v) = d.get_mut(cc) {
                        *v -= w;
                        if *v <= 1e-6 && !scan.doc.contains_key(cc) {
                            d.remove(cc);
                        }
                    }
                    d
                }
                None => doc.clone(),
            };
            let ctx = self.entity_context(a, &scan, &others, e);
            let found = self.resolve_entity(e, &ctx, false);
            // A district or small town whose reading lies in a country the text never names,
            // while it names others, is more likely a district of a city the sentence names
            // (حي الزهور … مدينة العريش) than that far namesake. Countries of the text only: the
            // first pass added the namesake's own.
            let named = Context {
                doc_countries: scan.doc.clone(),
                ..ctx.clone()
            };
            let far = found.as_ref().is_some_and(|c| {
                (c.precision == "admin1" || (c.precision == "city" && c.population < 100_000))
                    && !named.names(&c.country)
                    && !named.names_no_country()
            });
            let place = if found.is_none() || far {
                self.anchor_city(a, e, &ctx)
                    .or_else(|| self.sentence_city(a, e, &named))
                    .or(found)
            } else {
                found
            };
            if let Some(c) = place {
                e.location = Some(to_location(&e.name, &c));
            }
        }

        // Resolved entity mentions, for events whose own place fails.
        let mut mentions: Vec<(usize, usize, &str, &Location)> = Vec::new();
        for e in entities.iter() {
            if let Some(l) = &e.location {
                for m in &e.mentions {
                    mentions.push((m.start, m.end, &m.text, l));
                }
            }
        }

        for ev in events.iter_mut() {
            let (es, ee) = (ev.evidence.start, ev.evidence.end);
            let mut ctx = Context {
                doc_countries: doc.clone(),
                ..Context::default()
            };
            if let Some(ti) = Self::token_at(a, es) {
                let last = Self::token_at(a, ee.saturating_sub(1)).unwrap_or(ti);
                for s in a.sentence_of(ti)..=a.sentence_of(last) {
                    if let Some(sc) = scan.per_sentence.get(s) {
                        for (k, v) in sc {
                            *ctx.sentence_countries.entry(k.clone()).or_default() += v;
                        }
                    }
                }
            }
            let hint = ev.location.as_ref().and_then(|l| l.country.clone());
            ctx.country_hint = hint.clone();
            let own = ev
                .location
                .as_ref()
                .filter(|l| !l.name.trim().is_empty())
                .and_then(|l| {
                    self.geocode(&l.name, &ctx)
                        .into_iter()
                        .next()
                        .map(|c| (l.name.clone(), c))
                })
                .filter(|(_, c)| c.score >= MIN_SCORE);
            let fallback = || {
                mentions
                    .iter()
                    .filter(|(s, e, _, l)| {
                        *s >= es
                            && *e <= ee
                            && hint.as_ref().is_none_or(|h| l.country.as_ref() == Some(h))
                    })
                    .max_by_key(|(s, _, _, l)| (specificity(&l.precision), std::cmp::Reverse(*s)))
                    .map(|(_, _, text, l)| (text.to_string(), (*l).clone()))
            };
            let new = match own {
                Some((name, c)) => Some(to_location(&name, &c)),
                None => match fallback() {
                    Some((text, mut l)) => {
                        // Keep the event's own wording of the place when it had one.
                        l.name = ev
                            .location
                            .as_ref()
                            .map(|x| x.name.clone())
                            .filter(|n| !n.trim().is_empty())
                            .unwrap_or(text);
                        Some(l)
                    }
                    None => match ev.location.as_ref() {
                        Some(l) => {
                            Some(match l.country.as_deref().and_then(|cc| self.country(cc)) {
                                Some(c) => to_location(&l.name, &c),
                                None => Location {
                                    precision: "unknown".into(),
                                    ..l.clone()
                                },
                            })
                        }
                        None => Self::document_place(a, es, &mentions),
                    },
                },
            };
            if new.is_some() {
                ev.location = new;
            }
        }
    }
}

impl Geocoder {
    /// Whether char offset `at` lies in a dateline ("عين اليوم – بغداد", "الرياض - واس"): a
    /// first sentence of at most six tokens with a dash. It names where the reporter is, not
    /// where the next sentence's event happened.
    fn in_dateline(a: &Analysis<'_>, at: usize) -> bool {
        let Some(s) = a.sentences.first() else {
            return false;
        };
        at < s.end
            && s.tokens.len() <= 6
            && s.tokens
                .clone()
                .any(|i| matches!(a.token_text(i), "-" | "–" | "—"))
    }

    /// Where an event that names no place at all happened, from the rest of the document: the
    /// last resolved place named in the two sentences before its evidence (news name the place
    /// once and then report what happened there: "اشتباكات في جبل صبر … وأشار المصدر إلى أن
    /// المليشيات تقصف …"), else the place the document names most often (at least twice, and
    /// more often than any other) or the only place it names, else the one country the
    /// document's places lie in. A dateline's city ("عين اليوم – بغداد") counts only for the
    /// country. None when the document is not that clear: no guess between two towns.
    fn document_place(
        a: &Analysis<'_>,
        evidence_start: usize,
        mentions: &[(usize, usize, &str, &Location)],
    ) -> Option<Location> {
        let first = Self::token_at(a, evidence_start).map(|t| a.sentence_of(t))?;
        let from = a
            .sentences
            .get(first.saturating_sub(2))
            .map_or(0, |s| s.start);
        // A dateline's city is where the reporter is: not evidence for the place of an event.
        let body: Vec<&(usize, usize, &str, &Location)> = mentions
            .iter()
            .filter(|(s, _, _, _)| !Self::in_dateline(a, *s))
            .collect();
        let before = body
            .iter()
            .filter(|(s, e, _, l)| {
                *s >= from && *e <= evidence_start && specificity(&l.precision) >= 2
            })
            .max_by_key(|(s, _, _, _)| *s);
        if let Some((_, _, text, l)) = before {
            return Some(Location {
                name: text.to_string(),
                ..(*l).clone()
            });
        }
        // Mentions per place (by coordinates: one entity may be written several ways).
        let mut counts: Vec<(&Location, &str, usize)> = Vec::new();
        for (_, _, text, l) in body {
            if specificity(&l.precision) < 2 {
                continue;
            }
            match counts
                .iter_mut()
                .find(|(x, _, _)| x.lat == l.lat && x.lon == l.lon)
            {
                Some(c) => c.2 += 1,
                None => counts.push((l, text, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.2));
        match counts.as_slice() {
            [(l, text, n), rest @ ..]
                if (*n >= 2 || rest.is_empty()) && rest.first().is_none_or(|r| r.2 < *n) =>
            {
                return Some(Location {
                    name: text.to_string(),
                    ..(*l).clone()
                });
            }
            _ => {}
        }
        // One country for every place the document resolved.
        let mut countries = mentions
            .iter()
            .filter_map(|(_, _, _, l)| l.country.as_ref());
        let cc = countries.next()?;
        if !countries.all(|c| c == cc) {
            return None;
        }
        let (_, _, text, l) = mentions
            .iter()
            .find(|(_, _, _, l)| l.precision == "country" && l.country.as_ref() == Some(cc))?;
        Some(Location {
            name: text.to_string(),
            ..(*l).clone()
        })
    }
}

impl Candidate {
    /// Whether this candidate is specific enough to say which country a document is about.
    fn kind_is_place(&self) -> bool {
        !self.country.is_empty() && self.precision != Kind::Region.precision()
    }
}

#[cfg(test)]
mod tests {
    use model::{Entity, EntityType, Event, EventType, Location, Span};

    use crate::Geocoder;

    fn entity(text: &str, name: &str, kind: EntityType) -> Entity {
        let start = text
            .find(name)
            .map(|b| text[..b].chars().count())
            .expect("name in text");
        Entity {
            id: format!("loc:{name}"),
            kind,
            name: name.to_string(),
            name_en: None,
            wikidata: None,
            mentions: vec![Span {
                text: name.to_string(),
                start,
                end: start + name.chars().count(),
            }],
            location: None,
        }
    }

    fn event(text: &str, place: Option<&str>) -> Event {
        let evidence = Span {
            text: text.into(),
            start: 0,
            end: text.chars().count(),
        };
        Event {
            location: place.map(|p| Location {
                name: p.into(),
                precision: "unknown".into(),
                ..Location::default()
            }),
            ..Event::bare("e1", EventType::Attack, evidence)
        }
    }

    #[test]
    fn fills_entities_and_events() {
        let g = Geocoder::bundled().expect("bundled");
        let text = "قتل خمسة أشخاص في هجوم بمدينة طرابلس شمال لبنان، وقالت الشرطة اللبنانية إن المهاجم فر.";
        let a = text::analyze(text);
        let mut ents = vec![
            entity(text, "طرابلس", EntityType::Gpe),
            entity(text, "لبنان", EntityType::Gpe),
            entity(text, "الشرطة", EntityType::Org),
        ];
        let mut evs = vec![event(text, Some("بمدينة طرابلس")), event(text, None)];
        g.resolve(&a, &mut ents, &mut evs);
        let l = ents[0].location.as_ref().expect("tripoli");
        assert_eq!(l.country.as_deref(), Some("LB"));
        assert_eq!(l.precision, "city");
        assert_eq!(
            ents[1].location.as_ref().map(|l| l.precision.as_str()),
            Some("country")
        );
        assert!(ents[2].location.is_none(), "ORG entities are not geocoded");
        let el = evs[0].location.as_ref().expect("event place");
        assert_eq!(el.country.as_deref(), Some("LB"));
        assert_eq!(el.name, "بمدينة طرابلس");
        assert!(el.lat.is_some());
        // No place of its own: the most specific place in its evidence.
        let el = evs[1].location.as_ref().expect("fallback place");
        assert_eq!(el.name, "طرابلس");
        assert_eq!(el.precision, "city");
    }

    /// An event whose evidence starts at `sentence` of `text` (char offsets), naming no place.
    fn event_at(text: &str, sentence: &str) -> Event {
        let start = text
            .find(sentence)
            .map(|b| text[..b].chars().count())
            .expect("sentence in text");
        let mut e = event(sentence, None);
        e.evidence.start = start;
        e.evidence.end = start + sentence.chars().count();
        e
    }

    #[test]
    fn an_event_naming_no_place_takes_the_documents() {
        let g = Geocoder::bundled().expect("bundled");
        // The place named in the sentence before.
        let text = "اندلعت اشتباكات عنيفة في مدينة حلب أمس. وأفاد مصدر بمقتل ثلاثة مسلحين.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "حلب", EntityType::Gpe)];
        let mut evs = vec![event_at(text, "وأفاد مصدر بمقتل ثلاثة مسلحين.")];
        g.resolve(&a, &mut ents, &mut evs);
        let l = evs[0].location.as_ref().expect("the place named before");
        assert_eq!((l.name.as_str(), l.country.as_deref()), ("حلب", Some("SY")));

        // Not the city of a dateline: the reporter is there, the event may not be.
        let text = "عين اليوم – بغداد\nأعربت الحكومة عن إدانتها للتفجير الذي استهدف مسجدا.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "بغداد", EntityType::Gpe)];
        let mut evs = vec![event_at(
            text,
            "أعربت الحكومة عن إدانتها للتفجير الذي استهدف مسجدا.",
        )];
        g.resolve(&a, &mut ents, &mut evs);
        assert!(
            evs[0]
                .location
                .as_ref()
                .is_none_or(|l| l.name != "بغداد" || l.precision == "country"),
            "{:?}",
            evs[0].location
        );

        // Three sentences on: the place the document names most, not the last one named.
        let text = "قالت الشرطة في الموصل إن الوضع هادئ. وزار الوزير بغداد. وعاد إلى الموصل مساء. \
                    ثم عقد اجتماعا طويلا. ولم يصدر بيان. وقتل شرطيان في هجوم.";
        let a = text::analyze(text);
        let mut ents = vec![
            entity(text, "الموصل", EntityType::Gpe),
            entity(text, "بغداد", EntityType::Gpe),
        ];
        let second = text
            .rfind("الموصل")
            .map(|b| text[..b].chars().count())
            .expect("second");
        ents[0].mentions.push(Span {
            text: "الموصل".into(),
            start: second,
            end: second + 6,
        });
        let mut evs = vec![event_at(text, "وقتل شرطيان في هجوم.")];
        g.resolve(&a, &mut ents, &mut evs);
        let l = evs[0].location.as_ref().expect("the place named most");
        assert_eq!(l.name, "الموصل");

        // The only place the document names, even once and after the event (a closing line
        // "رابط الخبر: قتلى في معارك في تعز").
        let text =
            "اندلعت اشتباكات عنيفة أمس. وأفاد مصدر بمقتل ثلاثة مسلحين. رابط الخبر: معارك في تعز";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "تعز", EntityType::Gpe)];
        let mut evs = vec![event_at(text, "اندلعت اشتباكات عنيفة أمس.")];
        g.resolve(&a, &mut ents, &mut evs);
        let l = evs[0].location.as_ref().expect("the only place");
        assert_eq!((l.name.as_str(), l.country.as_deref()), ("تعز", Some("YE")));

        // Two towns named once each, far from the event: no guess between them, but the
        // country they share.
        let text =
            "زار الوزير الموصل. ثم زار البصرة. وعاد إلى مكتبه. ولم يصدر بيان. وقتل شرطيان في هجوم.";
        let a = text::analyze(text);
        let mut ents = vec![
            entity(text, "الموصل", EntityType::Gpe),
            entity(text, "البصرة", EntityType::Gpe),
        ];
        let mut evs = vec![event_at(text, "وقتل شرطيان في هجوم.")];
        g.resolve(&a, &mut ents, &mut evs);
        assert!(
            evs[0].location.is_none(),
            "no country-level place named: nothing to say"
        );
        let text = "زار الوزير الموصل. ثم زار البصرة في العراق. وعاد إلى مكتبه. ولم يصدر بيان. وقتل شرطيان في هجوم.";
        let a = text::analyze(text);
        let mut ents = vec![
            entity(text, "الموصل", EntityType::Gpe),
            entity(text, "البصرة", EntityType::Gpe),
            entity(text, "العراق", EntityType::Gpe),
        ];
        let mut evs = vec![event_at(text, "وقتل شرطيان في هجوم.")];
        g.resolve(&a, &mut ents, &mut evs);
        let l = evs[0].location.as_ref().expect("the one country");
        assert_eq!(
            (l.precision.as_str(), l.country.as_deref()),
            ("country", Some("IQ"))
        );
    }

    #[test]
    fn trigger_before_the_mention_and_document_country() {
        let g = Geocoder::bundled().expect("bundled");
        let text =
            "سيطرت القوات على قرى في محافظة الحسكة. وفي طرابلس قال مسؤول لبناني إن الوضع هادئ.";
        let a = text::analyze(text);
        let mut ents = vec![
            entity(text, "الحسكة", EntityType::Gpe),
            entity(text, "طرابلس", EntityType::Gpe),
        ];
        g.resolve(&a, &mut ents, &mut []);
        let l = ents[0].location.as_ref().expect("hasakah");
        assert_eq!(
            (l.country.as_deref(), l.precision.as_str()),
            (Some("SY"), "admin1")
        );
        // لبناني in the sentence makes طرابلس the Lebanese city.
        assert_eq!(
            ents[1].location.as_ref().and_then(|l| l.country.as_deref()),
            Some("LB")
        );
    }

    #[test]
    fn districts_take_the_city_named_after_them() {
        let g = Geocoder::bundled().expect("bundled");
        let text = "وقع الانفجار في حي زهرة الخزامى وسط العاصمة الرياض صباح اليوم.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "زهرة الخزامى", EntityType::Loc)];
        g.resolve(&a, &mut ents, &mut []);
        let l = ents[0]
            .location
            .as_ref()
            .expect("district placed at its city");
        assert_eq!(l.country.as_deref(), Some("SA"));
        assert_eq!(l.name, "زهرة الخزامى");
        assert!((l.lat.unwrap_or(0.0) - 24.69).abs() < 0.3);
        // A full stop ends the search: the city must be in the same clause.
        let text = "وقع الانفجار في حي زهرة الخزامى. وزار الوزير الرياض.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "زهرة الخزامى", EntityType::Loc)];
        g.resolve(&a, &mut ents, &mut []);
        assert!(ents[0].location.is_none());
    }

    #[test]
    fn a_far_namesake_of_a_district_gives_way_to_the_sentences_city() {
        let g = Geocoder::bundled().expect("bundled");
        // الحوز is also a Moroccan province; the text names Iraq and الرمادي right after it.
        let text = "تقدمت القوات العراقية إلى منطقة الحوز جنوب الرمادي.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "الحوز", EntityType::Loc)];
        g.resolve(&a, &mut ents, &mut []);
        let l = ents[0].location.as_ref().expect("near Ramadi");
        assert_eq!(l.country.as_deref(), Some("IQ"));
        // The city named anywhere in the sentence, introduced as a city.
        let text = "اشتبك مسلحون مع الشرطة في حي الزهور، بينما أغلقت قوات الأمن المصرية مداخل مدينة العريش.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "الزهور", EntityType::Loc)];
        g.resolve(&a, &mut ents, &mut []);
        let l = ents[0].location.as_ref().expect("in Arish");
        assert_eq!(l.country.as_deref(), Some("EG"));
        assert!((l.lat.unwrap_or(0.0) - 31.13).abs() < 0.2, "{l:?}");
        // Two cities in the sentence: no guess between them.
        let text = "اشتبك مسلحون مع الشرطة في حي الزهور، ثم امتدت الاشتباكات من مدينة العريش المصرية إلى مدينة رفح.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "الزهور", EntityType::Loc)];
        g.resolve(&a, &mut ents, &mut []);
        assert!(ents[0].location.is_none(), "{:?}", ents[0].location);
    }

    #[test]
    fn a_names_own_reading_is_no_evidence_for_itself() {
        let g = Geocoder::bundled().expect("bundled");
        // يوبي is also Ube, Japan (a city of 170,000): the first pass must not make the document
        // "about Japan" and so keep Ube over the Nigerian state the text is about.
        let text = "قتل مسلحون عشرة مزارعين في قرية بولاية يوبي شمال شرق نيجيريا.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "يوبي", EntityType::Gpe)];
        g.resolve(&a, &mut ents, &mut []);
        let l = ents[0].location.as_ref().expect("Yobe");
        assert_eq!(
            (l.country.as_deref(), l.precision.as_str()),
            (Some("NG"), "admin1")
        );
    }

    #[test]
    fn a_mentions_own_words_are_no_country_evidence() {
        let g = Geocoder::bundled().expect("bundled");
        // عمان is both Amman and Oman (عُمان). Counted as "Oman named in this sentence", the
        // mention itself outweighed the Jordanian context around it.
        let text = "وصل الوفد الأردني إلى عمان أمس لبحث الأوضاع على الحدود.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "عمان", EntityType::Gpe)];
        g.resolve(&a, &mut ents, &mut []);
        let l = ents[0].location.as_ref().expect("Amman");
        assert_eq!(
            (l.country.as_deref(), l.precision.as_str()),
            (Some("JO"), "city")
        );
        // A country name is still read as the country, and a vowelled spelling still says which
        // one it is (عُمان is Oman, even beside الأردني).
        let text = "وصل الوفد إلى عمان أمس لبحث التعاون مع السلطنة.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "عمان", EntityType::Gpe)];
        g.resolve(&a, &mut ents, &mut []);
        let l = ents[0].location.as_ref().expect("Oman");
        assert_eq!(l.country.as_deref(), Some("OM"));
        let text = "وصل الوفد الأردني إلى عُمان أمس لبحث الأوضاع على الحدود.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "عُمان", EntityType::Gpe)];
        g.resolve(&a, &mut ents, &mut []);
        let l = ents[0].location.as_ref().expect("Oman");
        assert_eq!(l.country.as_deref(), Some("OM"));
        // A country named beside the place's own name qualifies it: كردستان العراق is in Iraq.
        let text = "قصفت الطائرات مواقع في إقليم كردستان العراق أمس.";
        let a = text::analyze(text);
        let mut ents = vec![entity(text, "كردستان العراق", EntityType::Gpe)];
        g.resolve(&a, &mut ents, &mut []);
        let l = ents[0].location.as_ref().expect("Kurdistan");
        assert_eq!(l.country.as_deref(), Some("IQ"));
    }

    #[test]
    fn one_bad_name_does_not_sink_the_rest() {
        let g = Geocoder::bundled().expect("bundled");
        let text = "انفجار في زززقققس ثم اشتباكات في الموصل.";
        let a = text::analyze(text);
        let mut ents = vec![
            entity(text, "زززقققس", EntityType::Loc),
            entity(text, "الموصل", EntityType::Gpe),
        ];
        let mut evs = vec![event(text, Some("زززقققس"))];
        g.resolve(&a, &mut ents, &mut evs);
        assert!(ents[0].location.is_none());
        assert_eq!(
            ents[1].location.as_ref().and_then(|l| l.country.as_deref()),
            Some("IQ")
        );
        // The event's own name fails; it falls back to الموصل inside its evidence, keeping its wording.
        let l = evs[0].location.as_ref().expect("event location");
        assert_eq!(l.country.as_deref(), Some("IQ"));
        assert_eq!(l.name, "زززقققس");
    }
}
