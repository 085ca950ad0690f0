//! Unit tests of the whole extractor on sentences written for them. Entities, numbers and dates
//! are built by hand so that the tests check this crate's rules, not the upstream layers.

use chrono::NaiveDate;
use model::{Count, DateValue, EntityType, Event, EventType, Precision, Qualifier, Span};
use ner::{EntityMention, NerOutput};
use text::dates::DateMention;
use text::numbers::NumberMention;

use crate::{EventExtractor, Inputs};

/// Char range of the `nth` occurrence of `needle`.
fn find(text: &str, needle: &str) -> (usize, usize) {
    let b = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

/// Tokens overlapping a char range.
fn toks(a: &text::Analysis<'_>, s: usize, e: usize) -> std::ops::Range<usize> {
    let first = a.tokens.iter().position(|t| t.end > s).unwrap_or(0);
    let last = a.tokens.iter().rposition(|t| t.start < e).unwrap_or(first);
    first..last + 1
}

struct Doc {
    text: &'static str,
    ents: Vec<(&'static str, EntityType, &'static str)>,
    nums: Vec<(&'static str, Count)>,
    dates: Vec<(&'static str, &'static str, &'static str, Precision)>,
    doc_date: &'static str,
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn run(doc: Doc) -> Vec<Event> {
    run_with(doc, |_| {})
}

/// [`run`], letting the test adjust the entities first (e.g. give them the English name of a
/// knowledge-base entry).
fn run_with(doc: Doc, adjust: impl FnOnce(&mut NerOutput)) -> Vec<Event> {
    let a = text::analyze(doc.text);
    let mut ner = NerOutput::default();
    for (surface, kind, id) in &doc.ents {
        let mut from = 0;
        while let Some(b) = doc.text[from..].find(surface) {
            let b = from + b;
            let s = doc.text[..b].chars().count();
            let e = s + surface.chars().count();
            ner.mentions.push(EntityMention {
                entity: id.to_string(),
                kind: *kind,
                start: s,
                end: e,
                tokens: toks(&a, s, e),
                linked: true,
            });
            if !ner.entities.iter().any(|x| x.id == *id) {
                ner.entities.push(model::Entity {
                    id: id.to_string(),
                    kind: *kind,
                    name: surface.to_string(),
                    name_en: None,
                    wikidata: None,
                    mentions: Vec::new(),
                    location: None,
                });
            }
            if let Some(en) = ner.entities.iter_mut().find(|x| x.id == *id) {
                en.mentions.push(Span {
                    text: surface.to_string(),
                    start: s,
                    end: e,
                });
            }
            from = b + surface.len();
        }
    }
    ner.mentions.sort_by_key(|m| m.start);
    adjust(&mut ner);
    let numbers: Vec<NumberMention> = doc
        .nums
        .iter()
        .map(|(surface, count)| {
            let (s, e) = find(doc.text, surface);
            NumberMention {
                start: s,
                end: e,
                tokens: toks(&a, s, e),
                count: *count,
                core: toks(&a, s, e),
                is_date_part: false,
                unit: None,
            }
        })
        .collect();
    let dates: Vec<DateMention> = doc
        .dates
        .iter()
        .map(|(surface, st, en, p)| {
            let (s, e) = find(doc.text, surface);
            DateMention {
                start: s,
                end: e,
                tokens: toks(&a, s, e),
                value: DateValue {
                    start: d(st),
                    end: d(en),
                    precision: *p,
                    text: Some(surface.to_string()),
                },
            }
        })
        .collect();
    let evs = EventExtractor::try_bundled()
        .expect("data")
        .extract(&Inputs {
            analysis: &a,
            ner: &ner,
            numbers: &numbers,
            dates: &dates,
            doc_date: Some(d(doc.doc_date)),
        });
    for e in &evs {
        let span: String = doc
            .text
            .chars()
            .skip(e.evidence.start)
            .take(e.evidence.end - e.evidence.start)
            .collect();
        assert_eq!(span, e.evidence.text, "evidence offsets");
        assert!((0.05..=0.98).contains(&e.confidence));
    }
    evs
}

fn q(value: u64, qualifier: Qualifier, min: u64, max: u64) -> Count {
    Count {
        value,
        qualifier,
        min,
        max,
    }
}

const ISIS: (&str, EntityType, &str) = ("داعش", EntityType::Org, "org:isis");

#[test]
fn attack_with_place_date_toll_perpetrator_and_claim_in_next_sentence() {
    let evs = run(Doc {
        text: "هاجم مسلحون من داعش نقطة تفتيش في مدينة الرمادي يوم الثلاثاء، مما أسفر عن مقتل 12 جنديا. وتبنى التنظيم الهجوم في بيان.",
        ents: vec![ISIS, ("الرمادي", EntityType::Gpe, "gpe:ramadi")],
        nums: vec![("12", Count::exact(12))],
        dates: vec![("يوم الثلاثاء", "2016-05-03", "2016-05-03", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    let e = &evs[0];
    assert_eq!(e.kind, EventType::Attack);
    assert_eq!(
        e.location.as_ref().map(|l| l.name.as_str()),
        Some("الرمادي")
    );
    assert_eq!(e.date.as_ref().map(|x| x.start), Some(d("2016-05-03")));
    assert_eq!(e.killed, Some(Count::exact(12)));
    assert_eq!(
        e.perpetrator.as_ref().and_then(|p| p.entity.as_deref()),
        Some("org:isis")
    );
    assert!(e.claimed);
    assert_eq!(
        e.codes.acled.as_deref(),
        Some("Violence against civilians/Attack")
    );
    // Both sentences state it.
    assert!(e.evidence.text.contains("وتبنى"));
}

#[test]
fn parts_of_a_toll_sum_with_the_loosest_qualifier() {
    let evs = run(Doc {
        text: "أسفر الهجوم على قرية قرب الموصل عن مقتل ما لا يقل عن 61 مدنيا، وسبعة جنود.",
        ents: vec![("الموصل", EntityType::Gpe, "gpe:mosul")],
        nums: vec![
            ("ما لا يقل عن 61", q(61, Qualifier::AtLeast, 61, 61)),
            ("وسبعة", Count::exact(7)),
        ],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    let k = evs[0].killed.expect("killed");
    assert_eq!((k.value, k.qualifier, k.min), (68, Qualifier::AtLeast, 68));
    // No date in the text: the document window, precision unknown.
    let dt = evs[0].date.as_ref().expect("window");
    assert_eq!(
        (dt.start, dt.end, dt.precision),
        (d("2016-04-21"), d("2016-05-05"), Precision::Unknown)
    );
}

#[test]
fn dozens_kidnapped_and_wounded_after_the_number() {
    let evs = run(Doc {
        text: "اختطف مسلحون عشرات المدنيين في بلدة الحويجة، وأصيب 5 جرحى في الاشتباك.",
        ents: vec![("الحويجة", EntityType::Gpe, "gpe:hawija")],
        nums: vec![
            ("عشرات", q(12, Qualifier::About, 12, 99)),
            ("5", Count::exact(5)),
        ],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    let e = &evs[0];
    assert_eq!(e.subtype.as_deref(), Some("kidnapping"));
    assert_eq!(e.kidnapped, Some(q(12, Qualifier::About, 12, 99)));
    assert_eq!(e.wounded, Some(Count::exact(5)));
}

#[test]
fn years_durations_and_date_numbers_are_not_tolls() {
    let evs = run(Doc {
        text: "استمرت الاشتباكات 48 ساعة في مدينة درنة. وقتل 2014 في تفجير عام 2014 في بغداد.",
        ents: vec![
            ("درنة", EntityType::Gpe, "gpe:derna"),
            ("بغداد", EntityType::Gpe, "gpe:baghdad"),
        ],
        nums: vec![("48", Count::exact(48)), ("2014", Count::exact(2014))],
        dates: vec![("عام 2014", "2014-01-01", "2014-12-31", Precision::Year)],
        doc_date: "2016-05-05",
    });
    assert!(evs.iter().all(|e| e.killed.is_none()), "{evs:#?}");
    let bomb = evs
        .iter()
        .find(|e| e.subtype.as_deref() == Some("bombing"))
        .expect("bombing");
    assert_eq!(
        bomb.date.as_ref().map(|x| x.precision),
        Some(Precision::Year)
    );
}

#[test]
fn threats_plans_calls_and_hypotheticals_are_not_attacks() {
    for text in [
        "هدد التنظيم بشن هجمات جديدة في باريس.",
        "كان التنظيم يخطط لتنفيذ هجوم في باريس الأسبوع المقبل.",
        "دعا المتحدث باسم داعش أنصاره إلى تنفيذ هجمات في باريس.",
        "قد يشن التنظيم هجوما في باريس.",
        "أعلنت الحكومة أنها ستطلق قريبا هجوما واسع النطاق في باريس.",
        "قال القائد إن قواته سوف تشن هجوما على باريس.",
        "نفى الجيش وقوع هجوم في باريس.",
        "تحذر السلطات من هجوم محتمل في باريس.",
    ] {
        let evs = run(Doc {
            text,
            ents: vec![ISIS, ("باريس", EntityType::Gpe, "gpe:paris")],
            nums: vec![],
            dates: vec![],
            doc_date: "2016-05-05",
        });
        assert!(
            evs.iter().all(|e| e.kind != EventType::Attack),
            "{text}: {evs:#?}"
        );
    }
}

#[test]
fn qad_with_a_past_verb_still_reports_an_attack() {
    let evs = run(Doc {
        text: "وقد أسفر الهجوم في بغداد عن مقتل 3 أشخاص.",
        ents: vec![("بغداد", EntityType::Gpe, "gpe:baghdad")],
        nums: vec![("3", Count::exact(3))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1);
    assert_eq!(evs[0].killed, Some(Count::exact(3)));
}

#[test]
fn a_foiled_plot_is_a_threat_alert_or_the_arrest() {
    let alert = run(Doc {
        text: "أحبطت الشرطة تفجيرا في مدينة الرياض.",
        ents: vec![("الرياض", EntityType::Gpe, "gpe:riyadh")],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(alert.len(), 1, "{alert:#?}");
    assert_eq!(alert[0].kind, EventType::ThreatAlert);
    assert_eq!(alert[0].subtype.as_deref(), Some("foiled_plot"));
    let arrest = run(Doc {
        text: "أحبطت قوات الأمن هجوما في الرياض وألقت القبض على 3 مشتبه بهم.",
        ents: vec![("الرياض", EntityType::Gpe, "gpe:riyadh")],
        nums: vec![("3", Count::exact(3))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert!(
        arrest.iter().all(|e| e.kind != EventType::Attack),
        "{arrest:#?}"
    );
    let a = arrest
        .iter()
        .find(|e| e.kind == EventType::Arrest)
        .expect("arrest");
    assert_eq!(a.arrested, Some(Count::exact(3)));
}

#[test]
fn generic_mentions_are_not_events() {
    let evs = run(Doc {
        text: "تواجه دول كثيرة الهجمات الإرهابية والتفجيرات منذ سنوات، ويجب مكافحة الإرهاب.",
        ents: vec![],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
    let shark = run(Doc {
        text: "نجا السباح من هجوم لسمكة قرش في جنوب إفريقيا.",
        ents: vec![("جنوب إفريقيا", EntityType::Gpe, "gpe:za")],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert!(shark.is_empty(), "{shark:#?}");
}

#[test]
fn one_incident_over_several_sentences_and_a_background_one() {
    let evs = run(Doc {
        text: "انفجرت سيارة مفخخة في سوق بمدينة كركوك صباح اليوم. وقال مصدر أمني إن التفجير أسفر عن مقتل 9 أشخاص. ويذكر أن تفجيرا آخر وقع في كركوك عام 2014 وأسفر عن مقتل 25 شخصا.",
        ents: vec![("كركوك", EntityType::Gpe, "gpe:kirkuk")],
        nums: vec![("9", Count::exact(9)), ("25", Count::exact(25))],
        dates: vec![
            ("صباح اليوم", "2016-05-05", "2016-05-05", Precision::Day),
            ("عام 2014", "2014-01-01", "2014-12-31", Precision::Year),
        ],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 2, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(9)));
    assert_eq!(evs[0].date.as_ref().map(|x| x.start), Some(d("2016-05-05")));
    assert_eq!(evs[1].killed, Some(Count::exact(25)));
    assert_eq!(
        evs[1].date.as_ref().map(|x| x.precision),
        Some(Precision::Year)
    );
}

#[test]
fn state_forces_make_raids_and_arrests() {
    let evs = run(Doc {
        text: "داهمت قوات الأمن منزلا في حي الكرادة واعتقلت 4 أشخاص.",
        ents: vec![("الكرادة", EntityType::Loc, "loc:karrada")],
        nums: vec![("4", Count::exact(4))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Arrest);
    assert_eq!(evs[0].subtype.as_deref(), Some("raid"));
    assert_eq!(evs[0].arrested, Some(Count::exact(4)));
    assert!(
        evs[0]
            .perpetrator
            .as_ref()
            .is_some_and(|p| p.name.contains("قوات"))
    );
    let storm = run(Doc {
        text: "اقتحمت قوات الأمن مقرا للتنظيم في مدينة سرت.",
        ents: vec![("سرت", EntityType::Gpe, "gpe:sirte")],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(storm.len(), 1, "{storm:#?}");
    assert_eq!(storm[0].kind, EventType::SecurityOperation);
}

#[test]
fn territorial_change_needs_a_place_as_object() {
    let evs = run(Doc {
        text: "استعاد الجيش العراقي السيطرة على مدينة تكريت. وسيطر التنظيم على أراض واسعة.",
        ents: vec![("تكريت", EntityType::Gpe, "gpe:tikrit")],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::TerritorialChange);
    assert_eq!(evs[0].subtype.as_deref(), Some("recapture"));
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("تكريت")
    );
}

#[test]
fn named_victim_counts_one_and_country_adjective_gives_country() {
    let evs = run(Doc {
        text: "أسفرت غارة جوية في مدينة برشلونة الإسبانية عن مقتل أبو محمد العدناني.",
        ents: vec![
            ("برشلونة", EntityType::Gpe, "gpe:barcelona"),
            ("أبو محمد العدناني", EntityType::Per, "per:adnani"),
        ],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].subtype.as_deref(), Some("airstrike"));
    assert_eq!(evs[0].killed, Some(Count::exact(1)));
    assert_eq!(
        evs[0].location.as_ref().and_then(|l| l.country.as_deref()),
        Some("ES")
    );
}

#[test]
fn dual_person_noun_counts_two() {
    let evs = run(Doc {
        text: "قتل شرطيان في هجوم في مدينة العريش.",
        ents: vec![("العريش", EntityType::Gpe, "gpe:arish")],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(2)));
}

#[test]
fn confidence_grows_with_explicit_arguments() {
    let full = run(Doc {
        text: "تبنى داعش تفجيرا انتحاريا في مدينة الموصل يوم الجمعة أسفر عن مقتل 7 أشخاص.",
        ents: vec![ISIS, ("الموصل", EntityType::Gpe, "gpe:mosul")],
        nums: vec![("7", Count::exact(7))],
        dates: vec![("يوم الجمعة", "2016-04-29", "2016-04-29", Precision::Day)],
        doc_date: "2016-05-05",
    });
    let sparse = run(Doc {
        text: "وقع تفجير في مدينة الموصل.",
        ents: vec![("الموصل", EntityType::Gpe, "gpe:mosul")],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(full.len(), 1, "{full:#?}");
    assert_eq!(sparse.len(), 1, "{sparse:#?}");
    assert_eq!(full[0].subtype.as_deref(), Some("suicide_bombing"));
    assert!(full[0].claimed);
    assert!(full[0].confidence > sparse[0].confidence + 0.2);
    assert_eq!(full[0].codes.gtd.as_deref(), Some("Bombing/Explosion"));
}

#[test]
fn empty_and_odd_inputs_do_not_panic() {
    for text in ["", "   ", "١٢٣", "«»\"\"", "هجوم"] {
        let a = text::analyze(text);
        let evs = EventExtractor::bundled().extract(&Inputs {
            analysis: &a,
            ner: &NerOutput::default(),
            numbers: &[],
            dates: &[],
            doc_date: None,
        });
        assert!(evs.is_empty(), "{text}: {evs:#?}");
    }
}

#[test]
fn a_final_alif_does_not_turn_a_following_casualty_word_into_a_preceding_one() {
    // "قتلا" (killed, after the number) must win over "قتل" (before it) reached by stripping ا.
    let evs = run(Doc {
        text: "أعلن قائد للجيش أن جنديين اثنين قتلا في هجوم لجماعة أبو سياف.",
        ents: vec![("أبو سياف", EntityType::Org, "org:abu-sayyaf")],
        nums: vec![("اثنين", Count::exact(2))],
        dates: vec![],
        doc_date: "2015-08-11",
    });
    assert_eq!(evs.len(), 1);
    assert_eq!(evs[0].killed, Some(Count::exact(2)));
}

#[test]
fn unnumbered_person_nouns_count_heads() {
    let killed = |text: &'static str| {
        let evs = run(Doc {
            text,
            ents: vec![],
            nums: vec![],
            dates: vec![],
            doc_date: "2015-08-11",
        });
        evs.first().and_then(|e| e.killed)
    };
    assert_eq!(
        killed("قتل عنصران من الشرطة في هجوم مسلح."),
        Some(Count::exact(2))
    );
    assert_eq!(
        killed("قتل شرطي تركي ومدني في هجوم مسلح."),
        Some(Count::exact(2))
    );
    assert_eq!(
        killed("أسفر الهجوم عن مقتل جندي وشرطيان."),
        Some(Count::exact(3))
    );
    assert_eq!(killed("أسفر الهجوم عن مقتل جندي."), Some(Count::exact(1)));
    // A definite singular is a reference, not a count.
    assert_eq!(killed("أسفر الهجوم عن مقتل الجندي."), None);
    // Active voice: the noun is the killer, the number the victims (counted by the number rule).
    let evs = run(Doc {
        text: "قتل مسلح ثلاثة أشخاص في هجوم.",
        ents: vec![],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![],
        doc_date: "2015-08-11",
    });
    assert_eq!(evs[0].killed, Some(Count::exact(3)));
}

#[test]
fn lam_after_an_event_noun_marks_the_doer_not_the_target() {
    let evs = run(Doc {
        text: "قتل جنديان في هجوم لجماعة أبو سياف جنوب البلاد.",
        // As the linker reports it: the mention keeps its proclitic.
        ents: vec![("لجماعة أبو سياف", EntityType::Org, "org:abu-sayyaf")],
        nums: vec![],
        dates: vec![],
        doc_date: "2015-08-11",
    });
    let perp = evs[0].perpetrator.as_ref().expect("perpetrator");
    assert_eq!(perp.entity.as_deref(), Some("org:abu-sayyaf"));
    // ... but elsewhere it is an object: "دورية تابعة لقوات الأمن" is not the doer.
    let evs = run(Doc {
        text: "هاجم مسلحون دورية تابعة لقوات الأمن في المدينة.",
        ents: vec![("لقوات الأمن", EntityType::Org, "org:security-forces")],
        nums: vec![],
        dates: vec![],
        doc_date: "2015-08-11",
    });
    assert!(
        evs.iter()
            .all(|e| e.perpetrator.as_ref().and_then(|p| p.entity.as_deref())
                != Some("org:security-forces"))
    );
}

#[test]
fn a_counted_plural_is_specific_a_bare_one_is_a_summary() {
    let doc = |text: &'static str, nums: Vec<(&'static str, Count)>| Doc {
        text,
        ents: vec![("سوريا", EntityType::Gpe, "gpe:sy")],
        nums,
        dates: vec![],
        doc_date: "2015-08-07",
    };
    let evs = run(doc(
        "نفذت الطائرات تسع ضربات جوية على مواقع في سوريا.",
        vec![("تسع", Count::exact(9))],
    ));
    assert_eq!(evs.len(), 1);
    assert_eq!(evs[0].kind, EventType::SecurityOperation);
    // Without a count the plural is a generic summary.
    assert!(run(doc("تتواصل الضربات الجوية على مواقع في سوريا.", vec![])).is_empty());
}

#[test]
fn the_subject_of_a_light_verb_is_the_doer_of_the_event_noun() {
    let evs = run(Doc {
        text: "نفذت قوات التحالف الدولي ضد تنظيم داعش تسع ضربات جوية على مواقع في سوريا.",
        ents: vec![
            // As the linker reports it: the force word before the name is not in the mention.
            ("التحالف الدولي", EntityType::Org, "org:intl-coalition"),
            ("تنظيم داعش", EntityType::Org, "org:isis"),
            ("سوريا", EntityType::Gpe, "gpe:sy"),
        ],
        nums: vec![("تسع", Count::exact(9))],
        dates: vec![],
        doc_date: "2015-08-07",
    });
    assert_eq!(evs.len(), 1);
    let perp = evs[0].perpetrator.as_ref().expect("perpetrator");
    assert_eq!(perp.entity.as_deref(), Some("org:intl-coalition"));
    assert!(
        evs[0]
            .targets
            .iter()
            .all(|t| t.entity.as_deref() != Some("org:intl-coalition"))
    );
    // The same when the linker keeps the force word in the mention.
    let evs = run(Doc {
        text: "نفذت قوات التحالف الدولي ضد تنظيم داعش الإرهابي تسع ضربات جوية على مواقع للتنظيم في سوريا و14 ضربة أخرى في العراق.",
        ents: vec![
            ("قوات التحالف الدولي", EntityType::Org, "org:intl-coalition"),
            ("داعش", EntityType::Org, "org:isis"),
            ("سوريا", EntityType::Gpe, "gpe:sy"),
            ("العراق", EntityType::Gpe, "gpe:iq"),
        ],
        nums: vec![("تسع", Count::exact(9)), ("14", Count::exact(14))],
        dates: vec![],
        doc_date: "2015-08-07",
    });
    let perp = evs[0].perpetrator.as_ref().expect("perpetrator");
    assert_eq!(perp.entity.as_deref(), Some("org:intl-coalition"));
}

#[test]
fn a_verb_in_a_relative_clause_describes_the_event_noun() {
    let evs = run(Doc {
        text: "دان رئيس البرلمان في مملكة البحرين التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في منطقة عسير، وأسفر عن استشهاد عشرة من منسوبي القوات.",
        ents: vec![
            ("البحرين", EntityType::Gpe, "gpe:bh"),
            ("قوات الطوارئ", EntityType::Org, "org:sa-emergency-forces"),
            ("عسير", EntityType::Gpe, "gpe:sa-asir"),
        ],
        nums: vec![("عشرة", Count::exact(10))],
        dates: vec![],
        doc_date: "2015-08-07",
    });
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert_eq!(evs[0].kind, EventType::Attack);
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("عسير")
    );
    // The force is the target (the mosque's owner), not the doer.
    assert!(
        evs[0]
            .perpetrator
            .as_ref()
            .is_none_or(|p| p.entity.as_deref() != Some("org:sa-emergency-forces"))
    );
}

fn located(
    id: &str,
    name: &str,
    lat: f64,
    lon: f64,
    precision: &str,
    date: (NaiveDate, NaiveDate),
) -> Event {
    let evidence = Span {
        text: String::new(),
        start: 0,
        end: 0,
    };
    Event {
        subtype: Some("bombing".into()),
        date: Some(DateValue {
            start: date.0,
            end: date.1,
            precision: if date.0 == date.1 {
                Precision::Day
            } else {
                Precision::Unknown
            },
            text: None,
        }),
        location: Some(model::Location {
            name: name.into(),
            country: Some("PS".into()),
            lat: Some(lat),
            lon: Some(lon),
            precision: precision.into(),
            ..Default::default()
        }),
        ..Event::bare(id, EventType::Attack, evidence)
    }
}

#[test]
fn one_incident_under_two_place_names_is_merged_once_geocoded() {
    use crate::merge::coalesce_located;
    let day = d("2015-07-19");
    let window = (d("2015-07-07"), d("2015-07-21"));
    // "التفجيرات … في قطاع غزة" (undated) and "خمسة انفجارات هزت حي … وسط مدينة غزة، صباح الأحد".
    let strip = located("ev1", "قطاع غزة", 31.42, 34.38, "region", window);
    let mut city = located("ev2", "غزة", 31.50, 34.47, "city", (day, day));
    city.killed = Some(Count::exact(2));
    let out = coalesce_located(vec![strip.clone(), city.clone()]);
    assert_eq!(out.len(), 1);
    assert_eq!(
        out[0].id, "ev1",
        "the first report keeps its id and evidence"
    );
    assert_eq!(
        out[0].location.as_ref().map(|l| l.name.as_str()),
        Some("غزة")
    );
    assert_eq!(out[0].date.as_ref().map(|x| x.start), Some(day));
    assert_eq!(out[0].killed.map(|c| c.value), Some(2));

    // Another town 80 km away, a different day, or a different toll: separate incidents.
    let far = located("ev3", "الخليل", 31.53, 35.10, "city", (day, day));
    assert_eq!(coalesce_located(vec![city.clone(), far]).len(), 2);
    let next_day = d("2015-07-20");
    let later = located("ev4", "غزة", 31.50, 34.47, "city", (next_day, next_day));
    assert_eq!(coalesce_located(vec![city.clone(), later]).len(), 2);
    let mut other_toll = city.clone();
    other_toll.killed = Some(Count::exact(5));
    assert_eq!(coalesce_located(vec![city.clone(), other_toll]).len(), 2);
    // A bare "الهجوم" (armed_assault, the default) and a bombing at one place and day: one
    // event, the bombing.
    let mut bare = city.clone();
    bare.subtype = Some("armed_assault".into());
    let out = coalesce_located(vec![bare, city.clone()]);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].subtype.as_deref(), Some("bombing"));
    let mut shooting = city.clone();
    shooting.subtype = Some("kidnapping".into());
    assert_eq!(coalesce_located(vec![city.clone(), shooting]).len(), 2);
    // Another type is another event.
    let mut arrest = city.clone();
    arrest.kind = EventType::Arrest;
    arrest.subtype = None;
    assert_eq!(coalesce_located(vec![city, arrest]).len(), 2);
}

#[test]
fn play_in_a_sports_report_is_not_an_attack() {
    let report = "تفوق النادي على منافسه في المباراة الأخيرة من الدوري. وقال المدرب إن هجوم الفريق \
                  في الرياض كان ضعيفا أمس، وإن اللاعبين سيعودون إلى الملعب بعد أسبوع.";
    let ents = vec![("الرياض", EntityType::Gpe, "gpe:riyadh")];
    let evs = run(Doc {
        text: report,
        ents: ents.clone(),
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
    // The same sentence in a security report (no sports words around it) is an attack: the
    // gate is the document, not the word.
    let plain = "وقال المسؤول إن هجوم المسلحين في الرياض أمس استهدف نقطة تفتيش.";
    let evs = run(Doc {
        text: plain,
        ents: ents.clone(),
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    // A real attack on a stadium, in a sports report, has a toll: it stays.
    let stadium = "ألغيت المباراة وتأجل الدوري بعد أن قال المدرب إن اللاعبين غادروا الملعب إثر \
                   هجوم في الرياض أمس قتل فيه 3 أشخاص.";
    let evs = run(Doc {
        text: stadium,
        ents,
        nums: vec![("3", Count::exact(3))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.iter().any(|e| e.kind == EventType::Attack), "{evs:#?}");
}

#[test]
fn battles_with_a_toll_are_clashes_words_alone_are_not() {
    let text = "أعلنت المقاومة عن مقتل 42 مسلحا في مواجهات اندلعت في تعز.";
    let evs = run(Doc {
        text,
        ents: vec![("تعز", EntityType::Gpe, "gpe:taiz")],
        nums: vec![("42", Count::exact(42))],
        dates: vec![],
        doc_date: "2015-08-02",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation);
    assert_eq!(evs[0].subtype.as_deref(), Some("clashes"));
    assert_eq!(evs[0].killed.map(|c| c.value), Some(42));
    // "مواجهات" and "معارك" of words and votes: no toll, no event.
    let evs = run(Doc {
        text: "دارت معارك سياسية ومواجهات كلامية بين الأحزاب في تعز.",
        ents: vec![("تعز", EntityType::Gpe, "gpe:taiz")],
        nums: vec![],
        dates: vec![],
        doc_date: "2015-08-02",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn an_ambush_is_an_attack() {
    let text = "أصيب نائب رئيس البرلمان في كمين نصبه مسلحون أمس قرب بلدة أمعين، وقتل 4 من مرافقيه في الكمين.";
    let evs = run(Doc {
        text,
        ents: vec![("أمعين", EntityType::Gpe, "gpe:amain")],
        nums: vec![("4", Count::exact(4))],
        dates: vec![("أمس", "2015-08-20", "2015-08-20", Precision::Day)],
        doc_date: "2015-08-21",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack);
    assert_eq!(evs[0].killed.map(|c| c.value), Some(4));
}

#[test]
fn arguments_go_to_the_trigger_of_their_own_clause() {
    // The airstrike is fewer words from تعز and from the date than the shelling is, but both
    // belong to the shelling's clause (before بينما).
    let text = "قصفت الميليشيات أحياء سكنية عديدة في الأطراف الشمالية لمدينة تعز صباح الأحد بينما شنت طائرات التحالف غارة على معسكر للمتمردين قرب صعدة.";
    let evs = run(Doc {
        text,
        ents: vec![
            ("تعز", EntityType::Gpe, "gpe:taiz"),
            ("صعدة", EntityType::Gpe, "gpe:saada"),
        ],
        nums: vec![],
        dates: vec![("صباح الأحد", "2016-05-01", "2016-05-01", Precision::Day)],
        doc_date: "2016-05-03",
    });
    let place = |e: &Event| e.location.as_ref().map(|l| l.name.clone());
    let shelling = evs
        .iter()
        .find(|e| e.evidence.text.contains("قصفت") && e.subtype.as_deref() == Some("shelling"))
        .unwrap_or_else(|| panic!("no shelling: {evs:#?}"));
    assert_eq!(place(shelling).as_deref(), Some("تعز"), "{evs:#?}");
    assert_eq!(
        shelling.date.as_ref().map(|x| x.start),
        Some(d("2016-05-01"))
    );
    assert!(
        evs.iter()
            .filter(|e| place(e).as_deref() == Some("صعدة"))
            .all(|e| e
                .date
                .as_ref()
                .is_none_or(|x| x.precision != Precision::Day)),
        "{evs:#?}"
    );
    // A toll of the first clause stays there although the shelling after بينما is nearer.
    let evs = run(Doc {
        text: "أسفر انفجار عبوة ناسفة في سوق البلدة عن مقتل 3 مدنيين بينما قصفت المدفعية قرى مجاورة.",
        ents: vec![],
        nums: vec![("3", Count::exact(3))],
        dates: vec![],
        doc_date: "2016-05-03",
    });
    assert!(evs.iter().any(|e| e.killed.is_some()), "{evs:#?}");
    assert!(
        evs.iter()
            .filter(|e| e.killed.is_some())
            .all(|e| e.subtype.as_deref() == Some("bombing")),
        "{evs:#?}"
    );
}

#[test]
fn a_verb_right_after_an_event_noun_describes_it() {
    // "تفجيرين استهدفا": an indefinite noun takes its relative clause without الذي; the verb
    // is not a second attack that would carry the place away from the bombing.
    let evs = run(Doc {
        text: "أسفر هجوم على حاجز للشرطة في مدينة العريش عن مقتل جنديين، فيما قتل خمسة مدنيين في تفجيرين استهدفا سوقا شعبيا في مدينة رفح.",
        ents: vec![
            ("العريش", EntityType::Gpe, "gpe:arish"),
            ("رفح", EntityType::Gpe, "gpe:rafah"),
        ],
        nums: vec![("خمسة", Count::exact(5))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    let rafah = evs
        .iter()
        .find(|e| e.location.as_ref().is_some_and(|l| l.name == "رفح"))
        .unwrap_or_else(|| panic!("no event in رفح: {evs:#?}"));
    assert_eq!(rafah.subtype.as_deref(), Some("bombing"), "{evs:#?}");
    assert_eq!(rafah.killed, Some(Count::exact(5)), "{evs:#?}");
    // A verb of another type right after the noun is an event of its own.
    let evs = run(Doc {
        text: "وبعد الهجوم اعتقلت الشرطة خمسة مشتبه بهم في مدينة رفح.",
        ents: vec![("رفح", EntityType::Gpe, "gpe:rafah")],
        nums: vec![("خمسة", Count::exact(5))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert!(evs.iter().any(|e| e.kind == EventType::Arrest), "{evs:#?}");
}

#[test]
fn a_number_of_casualties_is_a_toll_without_a_figure() {
    let vague = Count {
        value: 3,
        qualifier: Qualifier::About,
        min: 2,
        max: 9,
    };
    let dozens = q(12, Qualifier::About, 12, 99);
    let evs = run(Doc {
        text: "قتل عدد من المدنيين وأصيب العشرات في انفجار عبوة ناسفة في سوق مدينة الفلوجة.",
        ents: vec![("الفلوجة", EntityType::Gpe, "gpe:fallujah")],
        nums: vec![("عدد من", vague), ("العشرات", dozens)],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    // "عدد من" gives no number: no figure rather than "about 3".
    assert_eq!(evs[0].killed, None, "{evs:#?}");
    // عشرات is a range by the contract (about, 12 to 99).
    assert_eq!(evs[0].wounded, Some(dozens));
    // A weak trigger (انفجار) with no date still stands: the toll makes it specific.
    let evs = run(Doc {
        text: "أصيب عدد من الجنود في انفجار قرب ثكنة عسكرية.",
        ents: vec![],
        nums: vec![("عدد من", vague)],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].wounded, None);
}

#[test]
fn a_country_adjective_after_the_event_noun_names_the_acting_state() {
    let perp = |text: &'static str, ents: Vec<(&'static str, EntityType, &'static str)>| {
        let evs = run(Doc {
            text,
            ents,
            nums: vec![("ستة", Count::exact(6))],
            dates: vec![],
            doc_date: "2016-05-05",
        });
        assert_eq!(evs.len(), 1, "{text}: {evs:#?}");
        assert_eq!(evs[0].kind, EventType::SecurityOperation, "{text}");
        evs[0].perpetrator.clone()
    };
    let idlib = ("إدلب", EntityType::Gpe, "gpe:idlib");
    // An attack noun with a state reading becomes the state's operation.
    let p = perp(
        "أدى قصف روسي على قرية في ريف إدلب إلى مقتل ستة مدنيين.",
        vec![idlib],
    );
    assert_eq!(p.map(|p| p.name).as_deref(), Some("روسيا"));
    // One adjective between, and the document's entity for the country when there is one.
    let p = perp(
        "قتل ستة مسلحين في قصف مدفعي تركي على مواقع قرب الحدود مع العراق.",
        vec![
            ("العراق", EntityType::Gpe, "gpe:iq"),
            ("تركيا", EntityType::Gpe, "gpe:tr"),
        ],
    );
    assert_eq!(p.map(|p| p.name).as_deref(), Some("تركيا"));
    let p = perp(
        "قتل ستة مسلحين في غارة جوية أمريكية على مخبأ في ولاية هلمند، وتتعاون أفغانستان مع الولايات المتحدة.",
        vec![
            ("هلمند", EntityType::Gpe, "gpe:helmand"),
            ("الولايات المتحدة", EntityType::Gpe, "gpe:us"),
        ],
    );
    assert_eq!(p.and_then(|p| p.entity).as_deref(), Some("gpe:us"));
    // An indefinite force word after a verb takes its adjective's state.
    let p = perp(
        "قصفت طائرات حربية تركية مواقع في ريف إدلب وقتلت ستة مسلحين.",
        vec![idlib],
    );
    assert_eq!(p.map(|p| p.name).as_deref(), Some("تركيا"));
    // Not a country named after a preposition ("هجوم على روسيا"), not an attack without a state
    // reading ("هجوم انتحاري").
    let evs = run(Doc {
        text: "قتل ستة أشخاص في هجوم انتحاري سوري الجنسية على حاجز في إدلب.",
        ents: vec![idlib],
        nums: vec![("ستة", Count::exact(6))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert!(evs.iter().all(|e| e.perpetrator.is_none()), "{evs:#?}");
    // A quoted label is not a report of an operation.
    let evs = run(Doc {
        text: "وصف الإعلام الحوثي العملية في إدلب بأنها «هجوم روسي» على المدنيين.",
        ents: vec![idlib],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert!(evs.iter().all(|e| e.perpetrator.is_none()), "{evs:#?}");
}

#[test]
fn a_dual_with_one_and_the_other_is_two_incidents() {
    let evs = run(Doc {
        text: "قتل تسعة أشخاص في تفجيرين منفصلين في محافظة ديالى أمس، أحدهما بعبوة ناسفة استهدفت سوقا شعبيا والآخر نفذه انتحاري قرب مسجد وتبناه تنظيم داعش.",
        ents: vec![
            ("ديالى", EntityType::Gpe, "gpe:diyala"),
            ("تنظيم داعش", EntityType::Org, "org:isis"),
        ],
        nums: vec![("تسعة", Count::exact(9))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 2, "{evs:#?}");
    let sub: Vec<_> = evs.iter().map(|e| e.subtype.as_deref()).collect();
    assert!(sub.contains(&Some("bombing")), "{evs:#?}");
    assert!(sub.contains(&Some("suicide_bombing")), "{evs:#?}");
    for e in &evs {
        // Both took place in ديالى on the 4th; the toll of the pair is neither one's.
        assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("ديالى"));
        assert_eq!(e.date.as_ref().map(|x| x.start), Some(d("2016-05-04")));
        assert_eq!(e.killed, None);
    }
    let suicide = evs
        .iter()
        .find(|e| e.subtype.as_deref() == Some("suicide_bombing"))
        .expect("suicide bombing");
    assert_eq!(
        suicide
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:isis")
    );
    assert!(suicide.claimed);
    // Once geocoded, the two stay apart although they share place and date.
    assert_eq!(crate::merge::coalesce_located(evs).len(), 2);
}

#[test]
fn a_known_name_starting_with_ba_is_not_a_clitic() {
    // بوكو حرام starts with ب: for a knowledge-base entity that letter is the name's, not the
    // preposition that would make it an instrument or a place.
    let doc = || Doc {
        text: "قتل سبعة قرويين في هجوم شنه مقاتلو بوكو حرام على قرية في ولاية بورنو.",
        ents: vec![
            ("بوكو حرام", EntityType::Org, "org:boko-haram"),
            ("بورنو", EntityType::Gpe, "gpe:borno"),
        ],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![],
        doc_date: "2016-05-05",
    };
    let evs = run_with(doc(), |ner| {
        for e in &mut ner.entities {
            e.name_en = Some("known".into());
        }
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:boko-haram")
    );
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("بورنو")
    );
}

#[test]
fn a_town_in_the_country_named_is_the_more_specific_place() {
    let place = |text: &'static str, ents: Vec<(&'static str, EntityType, &'static str)>| {
        let evs = run(Doc {
            text,
            ents,
            nums: vec![],
            dates: vec![("مساء السبت", "2016-04-30", "2016-04-30", Precision::Day)],
            doc_date: "2016-05-02",
        });
        assert_eq!(evs.len(), 1, "{evs:#?}");
        evs[0].location.as_ref().map(|l| l.name.clone())
    };
    let ru = ("روسيا", EntityType::Gpe, "gpe:ru");
    let p = place(
        "وقع هجوم مسلح في روسيا على حفل موسيقي داخل قاعة كبيرة للمناسبات بالقرب من مدينة قازان الروسية مساء السبت.",
        vec![ru, ("قازان", EntityType::Gpe, "gpe:kazan")],
    );
    assert_eq!(p.as_deref(), Some("قازان"));
    // Not a town of another country.
    let p = place(
        "وقع هجوم مسلح في روسيا على حفل موسيقي نظمته جالية قادمة من مدينة كييف الأوكرانية مساء السبت.",
        vec![ru, ("كييف", EntityType::Gpe, "gpe:kyiv")],
    );
    assert_eq!(p.as_deref(), Some("روسيا"));
}

#[test]
fn a_light_verb_lends_its_subject_only_within_its_clause() {
    let evs = run(Doc {
        text: "شنت قوات التحالف غارات على صعدة، فيما قتل جنديان في هجوم قرب مأرب.",
        ents: vec![
            ("التحالف", EntityType::Org, "org:coalition"),
            ("صعدة", EntityType::Gpe, "gpe:saada"),
            ("مأرب", EntityType::Gpe, "gpe:marib"),
        ],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    let attack = evs
        .iter()
        .find(|e| e.killed.is_some())
        .unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(
        attack.location.as_ref().map(|l| l.name.as_str()),
        Some("مأرب")
    );
    assert!(attack.perpetrator.is_none(), "{evs:#?}");
}

#[test]
fn a_date_of_the_reporting_clause_yields_to_the_events_own() {
    // The statement's date (أمس الأحد) does not make the attack and "الهجوم … مساء الخميس"
    // two incidents: the event is dated by its own words.
    let evs = run(Doc {
        text: "قال الجيش العراقي أمس الأحد إن مسلحين هاجموا نقطة تفتيش في بلدة الحديثة. وأوضح أن الهجوم وقع مساء الخميس وأسفر عن مقتل ثلاثة جنود.",
        ents: vec![("الحديثة", EntityType::Gpe, "gpe:haditha")],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![
            ("أمس الأحد", "2016-05-01", "2016-05-01", Precision::Day),
            ("مساء الخميس", "2016-04-28", "2016-04-28", Precision::Day),
        ],
        doc_date: "2016-05-02",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].date.as_ref().map(|x| x.start), Some(d("2016-04-28")));
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("الحديثة")
    );
    assert_eq!(evs[0].killed, Some(Count::exact(3)));

    // In one sentence: the event's own date wins over the nearer date of the statement.
    let evs = run(Doc {
        text: "أعلنت الشرطة اليوم أن مسلحين اختطفوا أربعة مهندسين أجانب من موقع عملهم في ولاية دلتا مساء السبت.",
        ents: vec![("دلتا", EntityType::Gpe, "gpe:delta")],
        nums: vec![("أربعة", Count::exact(4))],
        dates: vec![
            ("اليوم", "2016-05-02", "2016-05-02", Precision::Day),
            ("مساء السبت", "2016-04-30", "2016-04-30", Precision::Day),
        ],
        doc_date: "2016-05-02",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].date.as_ref().map(|x| x.start), Some(d("2016-04-30")));

    // With no date of its own the event takes the statement's (wire news reports the day's
    // events), and it still counts as dated.
    let evs = run(Doc {
        text: "قال مسؤولون محليون أمس إن انفجار عبوة ناسفة قتل شرطيين في سوق شعبي بمدينة قندهار.",
        ents: vec![("قندهار", EntityType::Gpe, "gpe:kandahar")],
        nums: vec![],
        dates: vec![("أمس", "2016-05-01", "2016-05-01", Precision::Day)],
        doc_date: "2016-05-02",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].date.as_ref().map(|x| x.start), Some(d("2016-05-01")));
    assert_eq!(
        evs[0].date.as_ref().map(|x| x.precision),
        Some(Precision::Day)
    );
}

#[test]
fn a_later_mention_of_the_incident_gives_the_town_of_its_country() {
    let evs = run(Doc {
        text: "قالت الحكومة الصومالية أمس الخميس إن غارة جوية في الصومال قتلت قياديا في حركة الشباب. وذكرت أن الغارة نفذت في 25 أبريل في منطقة جلب الصومالية.",
        ents: vec![
            ("الصومال", EntityType::Gpe, "gpe:so"),
            ("حركة الشباب", EntityType::Org, "org:shabaab"),
            ("جلب", EntityType::Gpe, "gpe:jilib"),
        ],
        nums: vec![],
        dates: vec![
            ("أمس الخميس", "2016-04-28", "2016-04-28", Precision::Day),
            ("25 أبريل", "2016-04-25", "2016-04-25", Precision::Day),
        ],
        doc_date: "2016-04-29",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].date.as_ref().map(|x| x.start), Some(d("2016-04-25")));
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("جلب")
    );
}

#[test]
fn each_incident_of_a_dual_or_counted_plural_takes_its_own_place() {
    // A dual whose parts name their own towns: the first town is not both incidents' place.
    let evs = run(Doc {
        text: "قتل 12 شخصا في تفجيرين أمس، الأول في مدينة كركوك والثاني في بلدة طوزخورماتو.",
        ents: vec![
            ("كركوك", EntityType::Gpe, "gpe:kirkuk"),
            ("طوزخورماتو", EntityType::Gpe, "gpe:tuz"),
        ],
        nums: vec![("12", Count::exact(12))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    let mut places: Vec<_> = evs
        .iter()
        .filter_map(|e| e.location.as_ref().map(|l| l.name.clone()))
        .collect();
    places.sort();
    assert_eq!(places, ["طوزخورماتو", "كركوك"], "{evs:#?}");
    assert!(evs.iter().all(|e| e.killed.is_none()), "{evs:#?}");

    // A date inside one part is that incident's, not the other's.
    let evs = run(Doc {
        text: "وكان أبرز هجومين شهدتهما البلاد، الأول في مدينة كركوك في مارس والثاني في بلدة طوزخورماتو قبل أيام.",
        ents: vec![
            ("كركوك", EntityType::Gpe, "gpe:kirkuk"),
            ("طوزخورماتو", EntityType::Gpe, "gpe:tuz"),
        ],
        nums: vec![],
        dates: vec![("مارس", "2016-03-01", "2016-03-31", Precision::Month)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 2, "{evs:#?}");
    let tuz = evs
        .iter()
        .find(|e| e.location.as_ref().is_some_and(|l| l.name == "طوزخورماتو"))
        .unwrap_or_else(|| panic!("{evs:#?}"));
    assert_ne!(tuz.date.as_ref().map(|x| x.start), Some(d("2016-03-01")));

    // Three incidents counted and then told one by one.
    let evs = run(Doc {
        text: "شن مسلحون ثلاث هجمات على مواقع للجيش في محافظة ديالى أمس، أحدها في بلدة المقدادية والثاني في مدينة بعقوبة والثالث قرب الخالص.",
        ents: vec![
            ("ديالى", EntityType::Gpe, "gpe:diyala"),
            ("المقدادية", EntityType::Gpe, "gpe:muqdadiya"),
            ("بعقوبة", EntityType::Gpe, "gpe:baqubah"),
            ("الخالص", EntityType::Gpe, "gpe:khalis"),
        ],
        nums: vec![("ثلاث", Count::exact(3))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    let mut places: Vec<_> = evs
        .iter()
        .filter_map(|e| e.location.as_ref().map(|l| l.name.clone()))
        .collect();
    places.sort();
    assert_eq!(places, ["الخالص", "المقدادية", "بعقوبة"], "{evs:#?}");
    for e in &evs {
        assert_eq!(e.date.as_ref().map(|x| x.start), Some(d("2016-05-04")));
    }
    // Once geocoded, the three stay apart.
    assert_eq!(crate::merge::coalesce_located(evs).len(), 3);

    // Markers that do not account for every incident counted: no split.
    let evs = run(Doc {
        text: "شن مسلحون ثلاث هجمات على مواقع للجيش في محافظة ديالى أمس، أحدها في بلدة المقدادية والآخران في مدينة بعقوبة.",
        ents: vec![
            ("ديالى", EntityType::Gpe, "gpe:diyala"),
            ("المقدادية", EntityType::Gpe, "gpe:muqdadiya"),
            ("بعقوبة", EntityType::Gpe, "gpe:baqubah"),
        ],
        nums: vec![("ثلاث", Count::exact(3))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
}

#[test]
fn the_object_of_ala_and_a_name_set_off_by_a_comma_are_not_the_doer() {
    // "هجوم على X": X is what was attacked.
    let evs = run(Doc {
        text: "أصيب ثلاثة أشخاص في هجوم على حركة النهضة في مدينة صفاقس أمس.",
        ents: vec![
            ("حركة النهضة", EntityType::Org, "org:nahda"),
            ("صفاقس", EntityType::Gpe, "gpe:sfax"),
        ],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert!(evs[0].perpetrator.is_none(), "{evs:#?}");
    assert!(
        evs[0]
            .targets
            .iter()
            .any(|t| t.entity.as_deref() == Some("org:nahda")),
        "{evs:#?}"
    );
    // The victims' army, set off by a comma before the event noun, did not attack.
    let evs = run(Doc {
        text: "قتل جنديان من الجيش الوطني، في هجوم على حاجز قرب مدينة درنة.",
        ents: vec![
            ("الجيش الوطني", EntityType::Org, "org:lna"),
            ("درنة", EntityType::Gpe, "gpe:derna"),
        ],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert!(evs[0].perpetrator.is_none(), "{evs:#?}");
    // على يد ("at the hands of") still names the doer.
    let evs = run(Doc {
        text: "قتل ثلاثة مدنيين على يد مسلحين من حركة الشباب في هجوم على قرية قرب مدينة كيسمايو.",
        ents: vec![
            ("حركة الشباب", EntityType::Org, "org:shabaab"),
            ("كيسمايو", EntityType::Gpe, "gpe:kismayo"),
        ],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:shabaab"),
        "{evs:#?}"
    );
}

#[test]
fn a_place_in_the_reporting_clause_is_the_sources() {
    let evs = run(Doc {
        text: "هاجم مسلحون معسكرا للجيش قرب مدينة سرت أمس. وقال متحدث باسم الجيش في مدينة بنغازي إن الهجوم أسفر عن مقتل ثلاثة جنود.",
        ents: vec![
            ("سرت", EntityType::Gpe, "gpe:sirte"),
            ("بنغازي", EntityType::Gpe, "gpe:benghazi"),
        ],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("سرت")
    );
    assert_eq!(evs[0].killed, Some(Count::exact(3)), "{evs:#?}");
    // When the event's own words name no place, the official's area stands in for it.
    let evs = run(Doc {
        text: "أعلن قائد الشرطة في ولاية كانو أمس أن انتحاريا فجر نفسه في سوق مزدحم وقتل سبعة أشخاص.",
        ents: vec![("كانو", EntityType::Gpe, "gpe:kano")],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("كانو")
    );
}

#[test]
fn at_least_between_the_number_and_a_following_casualty_verb() {
    let evs = run(Doc {
        text: "قالت الشرطة إن 15 شخصا على الأقل قتلوا في تفجير استهدف سوقا في مدينة الحلة.",
        ents: vec![("الحلة", EntityType::Gpe, "gpe:hillah")],
        nums: vec![("15", q(15, Qualifier::AtLeast, 15, 15))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed.map(|k| k.value), Some(15), "{evs:#?}");
}

#[test]
fn ala_yad_names_the_doer_of_a_passive_act() {
    // The trainers named before the verb are not who made the arrest.
    let evs = run(Doc {
        text: "قالت مصادر إن مقاتلين دربتهم القوات الخاصة اعتقلوا على أيدي عناصر جبهة النصرة قرب مدينة إدلب أمس.",
        ents: vec![
            ("القوات الخاصة", EntityType::Org, "org:special-forces"),
            ("جبهة النصرة", EntityType::Org, "org:nusra"),
            ("إدلب", EntityType::Gpe, "gpe:idlib"),
        ],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:nusra"),
        "{evs:#?}"
    );
    assert!(
        !evs[0]
            .targets
            .iter()
            .any(|t| t.entity.as_deref() == Some("org:nusra")),
        "{evs:#?}"
    );
}

#[test]
fn a_region_of_a_country_holds_its_towns_when_merging() {
    let evs = run(Doc {
        text: "قال مسؤولون إن 9 أشخاص قتلوا اليوم في تفجير انتحاري في شمال العراق. وأسفر الهجوم الذي وقع في بلدة تلعفر عن إصابة 20 شخصا.",
        ents: vec![
            ("شمال العراق", EntityType::Loc, "loc:north-iraq"),
            ("تلعفر", EntityType::Gpe, "gpe:tal-afar"),
        ],
        nums: vec![("9", Count::exact(9)), ("20", Count::exact(20))],
        dates: vec![("اليوم", "2016-05-05", "2016-05-05", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("تلعفر")
    );
    assert_eq!(evs[0].killed, Some(Count::exact(9)));
    assert_eq!(evs[0].wounded, Some(Count::exact(20)));
}

#[test]
fn an_arrest_placed_by_its_state_is_named_as_the_country() {
    // "المغربية" is an adjective: the place is Morocco, named so that the geocoder does not
    // look the adjective up as a town.
    let evs = run(Doc {
        text: "أعلنت وزارة الداخلية المغربية اعتقال خمسة أشخاص يشتبه في تمويلهم جماعة متطرفة.",
        ents: vec![],
        nums: vec![("خمسة", Count::exact(5))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    let l = evs[0].location.as_ref().expect("a place");
    assert_eq!(
        (l.name.as_str(), l.country.as_deref()),
        ("المغرب", Some("MA"))
    );
}

#[test]
fn a_denied_or_alleged_act_is_not_an_event_a_denied_role_is() {
    // The denial reaches across a comma and an inserted phrase to the act it denies.
    for text in [
        "نفت وزارة الدفاع، في بيان صدر عنها أمس، اتهامات المعارضة لطائراتها بقصف سوق شعبي في مدينة حلب.",
        "وتداولت مواقع مزاعم عن قيام الجيش بقصف مدرسة في مدينة حلب يوم الأحد.",
    ] {
        let evs = run(Doc {
            text,
            ents: vec![("حلب", EntityType::Gpe, "gpe:aleppo")],
            nums: vec![],
            dates: vec![
                ("أمس", "2016-05-04", "2016-05-04", Precision::Day),
                ("يوم الأحد", "2016-05-01", "2016-05-01", Precision::Day),
            ]
            .into_iter()
            .filter(|(s, ..)| text.contains(s))
            .collect(),
            doc_date: "2016-05-05",
        });
        assert!(evs.is_empty(), "{text}: {evs:#?}");
    }
    // What is denied is the doer's role: the bombing itself happened.
    let evs = run(Doc {
        text: "نفت الحركة في بيان مسؤوليتها عن التفجير الذي وقع في مدينة حلب وأسفر عن مقتل 4 أشخاص.",
        ents: vec![("حلب", EntityType::Gpe, "gpe:aleppo")],
        nums: vec![("4", Count::exact(4))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack);
    assert!(!evs[0].claimed);
}

#[test]
fn a_cyber_attack_told_with_a_verb_is_not_an_attack() {
    for text in [
        "هاجم قراصنة موقع وزارة الداخلية في تونس يوم الأحد وعطلوه لساعات.",
        "شن هاكرز هجوما على خوادم بنك في تونس يوم الأحد.",
        "شنت جهة مجهولة هجوما إلكترونيا على موقع البنك المركزي في تونس يوم الأحد.",
    ] {
        let evs = run(Doc {
            text,
            ents: vec![("تونس", EntityType::Gpe, "gpe:tunis")],
            nums: vec![],
            dates: vec![("يوم الأحد", "2016-05-01", "2016-05-01", Precision::Day)],
            doc_date: "2016-05-05",
        });
        assert!(
            evs.iter().all(|e| e.kind != EventType::Attack),
            "{text}: {evs:#?}"
        );
    }
}

#[test]
fn a_date_after_mundhu_starts_a_period_it_does_not_date_the_event() {
    let evs = run(Doc {
        text: "قالت منظمة حقوقية إن السلطات تواصل اعتقال الصحفي في القاهرة منذ يوليو 2014.",
        ents: vec![("القاهرة", EntityType::Gpe, "gpe:cairo")],
        nums: vec![],
        dates: vec![("يوليو 2014", "2014-07-01", "2014-07-31", Precision::Month)],
        doc_date: "2015-08-06",
    });
    let arrest = evs
        .iter()
        .find(|e| e.kind == EventType::Arrest)
        .expect("arrest");
    assert_eq!(
        arrest.date.as_ref().map(|x| x.precision),
        Some(Precision::Unknown),
        "{evs:#?}"
    );
    // "…، عندما …": the act that began the period is dated by it.
    let evs = run(Doc {
        text: "تتواصل المعارك منذ يناير 2015، عندما هاجم مسلحون مركزا للشرطة في الحسكة.",
        ents: vec![("الحسكة", EntityType::Gpe, "gpe:hasakah")],
        nums: vec![],
        dates: vec![("يناير 2015", "2015-01-01", "2015-01-31", Precision::Month)],
        doc_date: "2015-08-06",
    });
    let storm = evs
        .iter()
        .find(|e| e.kind == EventType::Attack)
        .expect("storming");
    assert_eq!(storm.date.as_ref().map(|x| x.start), Some(d("2015-01-01")));
}

#[test]
fn a_toll_over_a_period_is_a_running_total_not_an_incident() {
    let evs = run(Doc {
        text: "قتل جنديان بانفجار لغم أرضي قرب بلدة نصيبين أمس. وبلغ عدد القتلى 27 شرطيا في اعتداءات متفرقة منذ انهيار الهدنة.",
        ents: vec![("نصيبين", EntityType::Gpe, "gpe:nusaybin")],
        nums: vec![("27", Count::exact(27))],
        dates: vec![("أمس", "2015-08-05", "2015-08-05", Precision::Day)],
        doc_date: "2015-08-06",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(2)), "{evs:#?}");
    let evs = run(Doc {
        text: "ولقي أكثر من 900 شخص حتفهم في الغارات الجوية والمعارك المتواصلة منذ خمسة أشهر في ليبيا.",
        ents: vec![("ليبيا", EntityType::Gpe, "gpe:ly")],
        nums: vec![("أكثر من 900", q(901, Qualifier::AtLeast, 901, 901))],
        dates: vec![(
            "منذ خمسة أشهر",
            "2015-04-01",
            "2015-04-30",
            Precision::Month,
        )],
        doc_date: "2015-08-06",
    });
    assert!(evs.is_empty(), "{evs:#?}");
    // A noun joined to the plural shares the running total, however far the period.
    let evs = run(Doc {
        text: "وتندرج الحادثة ضمن موجة من التفجيرات وعمليات إطلاق النار أودت بحياة أكثر من 400 مدني في شمال الكاميرون منذ تولي الحكومة الحالية.",
        ents: vec![("شمال الكاميرون", EntityType::Loc, "loc:ncm")],
        nums: vec![("أكثر من 400", q(401, Qualifier::AtLeast, 401, 401))],
        dates: vec![],
        doc_date: "2015-08-06",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn a_day_named_in_words_without_a_year_is_a_past_incident_not_a_new_one() {
    for text in [
        "وتحل هذا الأسبوع ذكرى هجمات الحادي عشر من سبتمبر التي نفذها تنظيم القاعدة في نيويورك.",
        "لقد غير هجوم الحادي عشر من سبتمبر الذي نفذه تنظيم القاعدة في نيويورك وجه العالم.",
    ] {
        let evs = run(Doc {
            text,
            ents: vec![
                ("القاعدة", EntityType::Org, "org:aq"),
                ("نيويورك", EntityType::Gpe, "gpe:nyc"),
            ],
            nums: vec![],
            dates: vec![(
                "الحادي عشر من سبتمبر",
                "2015-09-11",
                "2015-09-11",
                Precision::Day,
            )],
            doc_date: "2015-09-20",
        });
        assert!(evs.is_empty(), "{text}: {evs:#?}");
    }
    // A day and month with the digits of the day in a month to come is no past incident's date.
    let evs = run(Doc {
        text: "وأشار إلى هجمات 11 سبتمبر التي نفذها تنظيم القاعدة في نيويورك.",
        ents: vec![
            ("القاعدة", EntityType::Org, "org:aq"),
            ("نيويورك", EntityType::Gpe, "gpe:nyc"),
        ],
        nums: vec![],
        dates: vec![("11 سبتمبر", "2015-09-11", "2015-09-11", Precision::Day)],
        doc_date: "2015-08-06",
    });
    assert!(evs.is_empty(), "{evs:#?}");
    // The same words placed in this month date a new incident.
    let evs = run(Doc {
        text: "قتل 3 جنود في هجوم في نيويورك في الخامس من سبتمبر الجاري.",
        ents: vec![("نيويورك", EntityType::Gpe, "gpe:nyc")],
        nums: vec![("3", Count::exact(3))],
        dates: vec![(
            "الخامس من سبتمبر الجاري",
            "2015-09-05",
            "2015-09-05",
            Precision::Day,
        )],
        doc_date: "2015-09-20",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].date.as_ref().map(|x| x.start), Some(d("2015-09-05")));
}

#[test]
fn a_speaker_that_reports_its_own_killing_is_the_doer() {
    let evs = run(Doc {
        text: "أعلنت وزارة الداخلية أنها قتلت ثمانية مسلحين يقفون وراء هجمات في ولاية سيناء.",
        ents: vec![
            ("وزارة الداخلية", EntityType::Org, "org:moi"),
            ("سيناء", EntityType::Gpe, "gpe:sinai"),
        ],
        nums: vec![("ثمانية", Count::exact(8))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    let op = evs
        .iter()
        .find(|e| e.killed == Some(Count::exact(8)))
        .expect("the killing");
    assert_eq!(op.kind, EventType::SecurityOperation, "{evs:#?}");
    assert_eq!(
        op.perpetrator.as_ref().and_then(|p| p.entity.as_deref()),
        Some("org:moi")
    );
    assert!(evs.iter().all(|e| e.kind != EventType::Attack), "{evs:#?}");
    // An arrest verb after the pronoun: the speaker arrested, the group named after it was
    // arrested.
    let evs = run(Doc {
        text: "قالت الشرطة إنها اعتقلت خمسة من عناصر داعش في مدينة بنغازي.",
        ents: vec![ISIS, ("بنغازي", EntityType::Gpe, "gpe:benghazi")],
        nums: vec![("خمسة", Count::exact(5))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Arrest);
    assert_eq!(
        evs[0].perpetrator.as_ref().map(|p| p.name.as_str()),
        Some("الشرطة"),
        "{evs:#?}"
    );
}

#[test]
fn a_light_verb_after_the_event_noun_names_its_doer() {
    for text in [
        "قتل 5 جنود في هجوم نفذه مسلحون من داعش على حاجز في مدينة العريش.",
        "قتل 5 جنود في الهجوم الذي شنه تنظيم داعش على حاجز في مدينة العريش.",
        "قتل 5 جنود في هجوم انتحاري قام به عناصر من داعش على حاجز في مدينة العريش.",
    ] {
        let evs = run(Doc {
            text,
            ents: vec![ISIS, ("العريش", EntityType::Gpe, "gpe:arish")],
            nums: vec![("5", Count::exact(5))],
            dates: vec![],
            doc_date: "2016-05-05",
        });
        assert_eq!(evs.len(), 1, "{text}: {evs:#?}");
        assert_eq!(
            evs[0]
                .perpetrator
                .as_ref()
                .and_then(|p| p.entity.as_deref()),
            Some("org:isis"),
            "{text}: {evs:#?}"
        );
    }
}

#[test]
fn a_force_word_before_an_organisation_makes_it_a_state_actor() {
    let evs = run(Doc {
        text: "أسفر قصف طائرات التحالف الدولي على مخازن للذخيرة في مدينة الرقة عن مقتل 40 مسلحا.",
        ents: vec![
            ("التحالف الدولي", EntityType::Org, "org:coalition"),
            ("الرقة", EntityType::Gpe, "gpe:raqqa"),
        ],
        nums: vec![("40", Count::exact(40))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation, "{evs:#?}");
    assert_eq!(evs[0].subtype.as_deref(), Some("airstrike"));
    assert_eq!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:coalition")
    );
}

#[test]
fn victims_of_a_force_and_the_owner_of_the_object_are_not_the_doer() {
    // "من القوات": the victims' side, not a state operation.
    let evs = run(Doc {
        text: "قتل 7 أشخاص من القوات الحكومية بهجوم في مدينة ماردين يوم الأحد.",
        ents: vec![("ماردين", EntityType::Gpe, "gpe:mardin")],
        nums: vec![("7", Count::exact(7))],
        dates: vec![("يوم الأحد", "2016-05-01", "2016-05-01", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack, "{evs:#?}");
    assert!(evs[0].perpetrator.is_none(), "{evs:#?}");
    // "القصف مخازن للحوثيين": whose depots were shelled, not who shelled.
    let evs = run(Doc {
        text: "طال القصف مخازن للحوثيين في مدينة تعز يوم الأحد.",
        ents: vec![
            ("الحوثيين", EntityType::Org, "org:houthis"),
            ("تعز", EntityType::Gpe, "gpe:taiz"),
        ],
        nums: vec![],
        dates: vec![("يوم الأحد", "2016-05-01", "2016-05-01", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(
        evs.iter().all(
            |e| e.perpetrator.as_ref().and_then(|p| p.entity.as_deref()) != Some("org:houthis")
        ),
        "{evs:#?}"
    );
}

#[test]
fn one_after_a_noun_that_is_not_a_person_is_an_adjective() {
    let evs = run(Doc {
        text: "أفاد مسعفون بأن خمسة أطفال من عائلة واحدة قتلوا في قصف استهدف بيتهم في مدينة الحديدة.",
        ents: vec![("الحديدة", EntityType::Gpe, "gpe:hodeidah")],
        nums: vec![("خمسة", Count::exact(5)), ("واحدة", Count::exact(1))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(5)), "{evs:#?}");
}

#[test]
fn a_headline_and_the_lead_that_tells_it_are_one_incident() {
    let evs = run(Doc {
        text: "مصرع 4 شرطيين في هجوم مسلح\n\nقتل أربعة شرطيين أمس في هجوم مسلح على دورية في مدينة العريش.",
        ents: vec![("العريش", EntityType::Gpe, "gpe:arish")],
        nums: vec![("4", Count::exact(4)), ("أربعة", Count::exact(4))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("العريش")
    );
    // Different tolls: two incidents.
    let evs = run(Doc {
        text: "مصرع 4 شرطيين في هجوم مسلح\n\nقتل خمسة شرطيين أمس في هجوم مسلح على دورية في مدينة العريش.",
        ents: vec![("العريش", EntityType::Gpe, "gpe:arish")],
        nums: vec![("4", Count::exact(4)), ("خمسة", Count::exact(5))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 2, "{evs:#?}");
}

#[test]
fn a_region_coarser_than_a_country_does_not_make_an_event() {
    let evs = run(Doc {
        text: "وأكد الداعية أن صورة المسلمين في الغرب لا تختصر في الاعتداء والعنف.",
        ents: vec![("الغرب", EntityType::Loc, "loc:west")],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn a_unit_or_a_drill_named_by_an_event_noun_is_not_an_event() {
    for text in [
        "وتضم قوات الحرس في الرياض فرق اقتحام تأسست عام 2010 من نخبة الضباط.",
        "أجرت القوات في الرياض يوم الأحد مناورات تحاكي هجوما على منشأة نفطية.",
    ] {
        let evs = run(Doc {
            text,
            ents: vec![("الرياض", EntityType::Gpe, "gpe:riyadh")],
            nums: vec![],
            dates: vec![
                ("عام 2010", "2010-01-01", "2010-12-31", Precision::Year),
                ("يوم الأحد", "2016-05-01", "2016-05-01", Precision::Day),
            ]
            .into_iter()
            .filter(|(s, ..)| text.contains(s))
            .collect(),
            doc_date: "2016-05-05",
        });
        assert!(evs.is_empty(), "{text}: {evs:#?}");
    }
}

#[test]
fn an_army_named_as_an_organisation_acts_as_a_state() {
    let evs = run(Doc {
        text: "رد الجيش العراقي الأحد بقصف تجمعات للمسلحين قرب مدينة بيجي.",
        ents: vec![
            ("الجيش العراقي", EntityType::Org, "org:iqa"),
            ("بيجي", EntityType::Gpe, "gpe:baiji"),
        ],
        nums: vec![],
        dates: vec![("الأحد", "2016-05-01", "2016-05-01", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation, "{evs:#?}");
}

#[test]
fn a_verb_trigger_does_not_match_a_word_with_the_article() {
    // "الصادرة" (issued) is not the verb صادر (seized).
    let evs = run(Doc {
        text: "نشرت الصحف الصادرة أمس في الرياض صور الحادث.",
        ents: vec![("الرياض", EntityType::Gpe, "gpe:riyadh")],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn whoever_condemns_an_attack_or_is_its_victim_is_not_its_doer() {
    let evs = run(Doc {
        text: "وزارة الخارجية تستنكر الهجوم الذي طال كنيسة في مدينة الإسكندرية أمس.",
        ents: vec![
            ("وزارة الخارجية", EntityType::Org, "org:mofa"),
            ("الإسكندرية", EntityType::Gpe, "gpe:alexandria"),
        ],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert!(evs[0].perpetrator.is_none(), "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack);
    let evs = run(Doc {
        text: "قتل سبعة من مقاتلي حركة أمل في كمين قرب بلدة القصير.",
        ents: vec![
            ("حركة أمل", EntityType::Org, "org:amal"),
            ("القصير", EntityType::Gpe, "gpe:qusayr"),
        ],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert!(evs[0].perpetrator.is_none(), "{evs:#?}");
}

#[test]
fn an_act_given_as_a_charge_or_pretext_is_not_an_event() {
    let evs = run(Doc {
        text: "ذكر شهود أن عناصر ميليشيا ضربوا مزارعين في بلدة قرب بعقوبة بدعوى زرعهم عبوة ناسفة على الطريق.",
        ents: vec![("بعقوبة", EntityType::Gpe, "gpe:baqubah")],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert!(
        evs.iter().all(|e| e.subtype.as_deref() != Some("bombing")),
        "{evs:#?}"
    );
}

#[test]
fn an_air_force_word_makes_a_strike_an_airstrike() {
    let evs = run(Doc {
        text: "قصف طيران التحالف فجر أمس مخزنا للصواريخ في مدينة صعدة.",
        ents: vec![("صعدة", EntityType::Gpe, "gpe:saada")],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation, "{evs:#?}");
    assert_eq!(evs[0].subtype.as_deref(), Some("airstrike"));
}

#[test]
fn a_plus_phrase_adds_a_figure_across_a_description_of_the_first_group() {
    let evs = run(Doc {
        text: "أسفر الانفجار في مدينة المكلا عن مقتل 9 من حراس المنشأة فضلا عن اثنين من المارة.",
        ents: vec![("المكلا", EntityType::Gpe, "gpe:mukalla")],
        nums: vec![("9", Count::exact(9)), ("اثنين", Count::exact(2))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(11)), "{evs:#?}");
}

#[test]
fn attackers_among_the_dead_are_not_counted_as_killed() {
    let evs = run(Doc {
        text: "قتل ستة أشخاص بينهم امرأتان والانتحاري في تفجير مطعم بمدينة كانو أمس.",
        ents: vec![("كانو", EntityType::Gpe, "gpe:kano")],
        nums: vec![("ستة", Count::exact(6))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(5)), "{evs:#?}");
}

#[test]
fn a_name_after_a_source_word_is_not_the_doer() {
    let evs = run(Doc {
        text: "أصيب أربعة حراس في هجوم على مصرف في مدينة غاو أمس، وفق مصدر أمني مالي ذكر أن الهجوم وقع عند الفجر.",
        ents: vec![
            ("غاو", EntityType::Gpe, "gpe:gao"),
            ("مالي", EntityType::Gpe, "gpe:ml"),
        ],
        nums: vec![("أربعة", Count::exact(4))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.iter().all(|e| e.kind == EventType::Attack), "{evs:#?}");
    assert!(evs.iter().all(|e| e.perpetrator.is_none()), "{evs:#?}");
}

#[test]
fn a_sentences_only_trigger_takes_a_far_date_of_its_own_clause() {
    // Sixteen words and more between the bombing and its date, in one clause.
    let evs = run(Doc {
        text: "أعلنت السلطات إغلاق المعبر إثر تفجير استهدف قافلة لعمال الإغاثة وأوقع 14 قتيلا بينهم متطوعون قدموا من عدة محافظات في بلدة جرابلس القريبة من الحدود هذا الأسبوع.",
        ents: vec![("جرابلس", EntityType::Gpe, "gpe:jarabulus")],
        nums: vec![("14", Count::exact(14))],
        dates: vec![("هذا الأسبوع", "2015-07-20", "2015-07-26", Precision::Week)],
        doc_date: "2015-07-24",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].date.as_ref().map(|x| x.precision),
        Some(Precision::Week),
        "{evs:#?}"
    );
    // Not across لكن: the year is when the group lost its territory.
    let evs = run(Doc {
        text: "طرد التنظيم من معاقله في العراق وسوريا عام 2019، لكنه ما زال يحاول الانتشار في مناطق أخرى من العالم ويثبت حضوره بعمليات مثل ما جرى في هجوم مسقط.",
        ents: vec![("مسقط", EntityType::Gpe, "gpe:muscat")],
        nums: vec![],
        dates: vec![("عام 2019", "2019-01-01", "2019-12-31", Precision::Year)],
        doc_date: "2024-07-20",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_ne!(
        evs[0].date.as_ref().map(|x| x.precision),
        Some(Precision::Year),
        "{evs:#?}"
    );
}

#[test]
fn a_date_of_a_participle_or_of_a_relative_clause_about_a_place_is_not_the_events() {
    // The papers came out yesterday; the bombing was on Sunday.
    let evs = run(Doc {
        text: "أفردت الصحف الصادرة أمس صفحاتها الأولى للتفجير الذي ضرب سوقا شعبية في مدينة الحلة يوم الأحد.",
        ents: vec![("الحلة", EntityType::Gpe, "gpe:hilla")],
        nums: vec![],
        dates: vec![
            ("أمس", "2016-05-04", "2016-05-04", Precision::Day),
            ("يوم الأحد", "2016-05-01", "2016-05-01", Precision::Day),
        ],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].date.as_ref().map(|x| x.start),
        Some(d("2016-05-01")),
        "{evs:#?}"
    );
    // The president visited the town in December; the attack is of this week.
    let evs = run(Doc {
        text: "قتل ثلاثة شرطيين في هجوم على مركز أمني في بلدة الرمادي، التي زارها الرئيس في ديسمبر الماضي.",
        ents: vec![("الرمادي", EntityType::Gpe, "gpe:ramadi")],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![(
            "ديسمبر الماضي",
            "2015-12-01",
            "2015-12-31",
            Precision::Month,
        )],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_ne!(
        evs[0].date.as_ref().map(|x| x.precision),
        Some(Precision::Month),
        "{evs:#?}"
    );
    // A relative clause that tells the event happening keeps its date, whatever its antecedent.
    let evs = run(Doc {
        text: "ارتفع عدد ضحايا الهجوم على الفندق في بلدة الرمادي الذي وقع أمس إلى سبعة.",
        ents: vec![("الرمادي", EntityType::Gpe, "gpe:ramadi")],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].date.as_ref().map(|x| x.start),
        Some(d("2016-05-04")),
        "{evs:#?}"
    );
}

#[test]
fn a_toll_told_of_another_place_is_not_lent_to_the_previous_story() {
    // A headline of two stories, then the lead of the first.
    let evs = run(Doc {
        text: "قصف منزل قائد ميداني في شبوة.. ومقتل 9 مسلحين في مأرب\n\nوطال القصف المدفعي أمس منزل القائد الميداني في شبوة وألحق به أضرارا.",
        ents: vec![
            ("شبوة", EntityType::Gpe, "gpe:shabwa"),
            ("مأرب", EntityType::Gpe, "gpe:marib"),
        ],
        nums: vec![("9", Count::exact(9))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(!evs.is_empty(), "{evs:#?}");
    // The Shabwa shelling has no toll; the Marib toll, a story of its own, may stand alone.
    assert!(
        evs.iter()
            .all(|e| e.killed.is_none()
                || e.location.as_ref().map(|l| l.name.as_str()) == Some("مأرب")),
        "{evs:#?}"
    );
}

#[test]
fn a_sharp_verbal_attack_is_not_an_attack() {
    let evs = run(Doc {
        text: "شن الوزير هجوما حادا على المعارضة في كلمة ألقاها أمس في عمان.",
        ents: vec![("عمان", EntityType::Gpe, "gpe:amman")],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn a_shooting_over_a_quarrel_or_read_out_in_a_retaliation_sentence_is_a_crime() {
    let evs = run(Doc {
        text: "قتل رجل جاره بإطلاق النار عليه في حي بمدينة الطائف أمس إثر خلاف بينهما على قطعة أرض.",
        ents: vec![("الطائف", EntityType::Gpe, "gpe:taif")],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
    let evs = run(Doc {
        text: "نفذت السلطات أمس حكم القتل قصاصا في جان أطلق النار على أحد المارة في مدينة الطائف.",
        ents: vec![("الطائف", EntityType::Gpe, "gpe:taif")],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn what_an_imperfect_targeting_verb_governs_is_not_the_doer() {
    let evs = run(Doc {
        text: "هجوم انتحاري يستهدف أكاديمية الشرطة في كابول",
        ents: vec![
            ("أكاديمية الشرطة", EntityType::Org, "org:academy"),
            ("كابول", EntityType::Gpe, "gpe:kabul"),
        ],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert!(evs[0].perpetrator.is_none(), "{evs:#?}");
}

#[test]
fn an_event_noun_after_since_the_start_of_is_a_period_not_an_incident() {
    let evs = run(Doc {
        text: "قال مسؤول محلي في مدينة تعز اليوم إن عدد القتلى منذ اندلاع المواجهات في المدينة بلغ ألفين.",
        ents: vec![("تعز", EntityType::Gpe, "gpe:taiz")],
        nums: vec![("ألفين", Count::exact(2000))],
        dates: vec![("اليوم", "2016-05-05", "2016-05-05", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn an_act_held_back_from_did_not_happen() {
    let evs = run(Doc {
        text: "قالت مصادر محلية أمس إن القوات تريثت في اقتحام المعسكر الواقع قرب مدينة الحديدة خوفا على حياة الأسرى.",
        ents: vec![("الحديدة", EntityType::Gpe, "gpe:hodeidah")],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn since_and_a_duration_after_a_state_is_how_long_it_lasted() {
    // The force has been deployed for three months; the attack is not three months old.
    let evs = run(Doc {
        text: "قتل جنديان في هجوم على دورية للقوات المتمركزة في بلدة جرابلس منذ ثلاثة أشهر.",
        ents: vec![("جرابلس", EntityType::Gpe, "gpe:jarabulus")],
        nums: vec![],
        dates: vec![(
            "منذ ثلاثة أشهر",
            "2016-02-01",
            "2016-02-29",
            Precision::Month,
        )],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_ne!(
        evs[0].date.as_ref().map(|x| x.precision),
        Some(Precision::Month),
        "{evs:#?}"
    );
    // Right after the act it is "… ago".
    let evs = run(Doc {
        text: "قتل خمسة أشخاص في هجوم منذ يومين على سوق في بلدة جرابلس.",
        ents: vec![("جرابلس", EntityType::Gpe, "gpe:jarabulus")],
        nums: vec![("خمسة", Count::exact(5))],
        dates: vec![("منذ يومين", "2016-05-03", "2016-05-03", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].date.as_ref().map(|x| x.start),
        Some(d("2016-05-03")),
        "{evs:#?}"
    );
}

#[test]
fn a_toll_over_a_span_of_weeks_is_a_running_total() {
    let evs = run(Doc {
        text: "قتل 260 مسلحا وأصيب 300 آخرون خلال ثلاثة أسابيع من الغارات الجوية على معاقلهم في شمال العراق.",
        ents: vec![("شمال العراق", EntityType::Loc, "loc:n_iraq")],
        nums: vec![
            ("260", Count::exact(260)),
            ("300", Count::exact(300)),
            ("ثلاثة", Count::exact(3)),
        ],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn a_date_of_a_statement_published_is_not_the_attacks() {
    // The statement came out on Thursday; it does not say when the attack was.
    let evs = run(Doc {
        text: "تبنى التنظيم في بيان نشر الخميس الهجوم على حاجز للجيش في بلدة الحلة.",
        ents: vec![("الحلة", EntityType::Gpe, "gpe:hilla")],
        nums: vec![],
        dates: vec![("الخميس", "2016-05-05", "2016-05-05", Precision::Day)],
        doc_date: "2016-05-06",
    });
    let attack = evs
        .iter()
        .find(|e| e.kind == EventType::Attack)
        .expect("the attack");
    assert_ne!(
        attack.date.as_ref().map(|x| x.precision),
        Some(Precision::Day),
        "{evs:#?}"
    );
    // A date after the participle of a video is the video's.
    let evs = run(Doc {
        text: "ظهر القيادي في شريط فيديو نشر الخميس على مواقع التنظيم في سوريا.",
        ents: vec![("سوريا", EntityType::Gpe, "gpe:sy")],
        nums: vec![],
        dates: vec![("الخميس", "2016-05-05", "2016-05-05", Precision::Day)],
        doc_date: "2016-05-06",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].date.as_ref().map(|x| x.start),
        Some(d("2016-05-05")),
        "{evs:#?}"
    );
}

#[test]
fn a_date_in_an_attribution_clause_is_the_reports() {
    // Thursday is when the media reported it; the attack was on Wednesday.
    let evs = run(Doc {
        text: "قتل شرطيان في هجوم مسلح على حاجز في بلدة سلوان، وفق ما نقلت وسائل إعلام محلية أمس الخميس. وكان المسلحون قد هاجموا الحاجز مساء الأربعاء في بلدة سلوان.",
        ents: vec![("سلوان", EntityType::Gpe, "gpe:silwan")],
        nums: vec![],
        dates: vec![
            ("أمس الخميس", "2016-05-05", "2016-05-05", Precision::Day),
            ("مساء الأربعاء", "2016-05-04", "2016-05-04", Precision::Day),
        ],
        doc_date: "2016-05-06",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].date.as_ref().map(|x| x.start),
        Some(d("2016-05-04")),
        "{evs:#?}"
    );
}

#[test]
fn a_name_after_a_verb_with_a_plural_ending_is_its_object() {
    let evs = run(Doc {
        text: "أطلق المسلحون النار على حافلة قبل أن يهاجموا مركز الشرطة في بلدة غورداسبور فجر اليوم.",
        ents: vec![
            ("مركز الشرطة", EntityType::Org, "org:station"),
            ("غورداسبور", EntityType::Gpe, "gpe:gurdaspur"),
        ],
        nums: vec![],
        dates: vec![("فجر اليوم", "2016-05-05", "2016-05-05", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(!evs.is_empty(), "{evs:#?}");
    assert!(
        evs.iter()
            .all(|e| e.kind == EventType::Attack && e.perpetrator.is_none()),
        "{evs:#?}"
    );
}

#[test]
fn an_oblique_dual_of_a_broken_plural_noun_counts_two() {
    let evs = run(Doc {
        text: "أطلق النار مسلح داخل مقهى في مدينة لافايت مساء الخميس فقتل شخصين وأصاب سبعة آخرين.",
        ents: vec![("لافايت", EntityType::Gpe, "gpe:lafayette")],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![("مساء الخميس", "2016-05-05", "2016-05-05", Precision::Day)],
        doc_date: "2016-05-06",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(2)), "{evs:#?}");
    assert_eq!(evs[0].wounded, Some(Count::exact(7)), "{evs:#?}");
}

#[test]
fn an_act_ascribed_to_a_group_names_its_doer() {
    // An ascription after the event noun, to a group NER did not tag: the noun phrase.
    let evs = run(Doc {
        text: "قتل شرطيان في هجوم جديد نسبته السلطات إلى التمرد الكردي في بلدة سيلوبي أمس.",
        ents: vec![("سيلوبي", EntityType::Gpe, "gpe:silopi")],
        nums: vec![],
        dates: vec![("أمس", "2015-07-30", "2015-07-30", Precision::Day)],
        doc_date: "2015-07-31",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].perpetrator.as_ref().map(|p| p.name.as_str()),
        Some("التمرد الكردي"),
        "{evs:#?}"
    );
    // "منسوب ل" + a tagged organisation.
    let evs = run(Doc {
        text: "أصيب ثلاثة جنود في هجوم منسوب لجماعة أنصار الشريعة في مدينة بنغازي أمس.",
        ents: vec![
            ("لجماعة أنصار الشريعة", EntityType::Org, "org:ansar"),
            ("بنغازي", EntityType::Gpe, "gpe:benghazi"),
        ],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![("أمس", "2015-07-30", "2015-07-30", Precision::Day)],
        doc_date: "2015-07-31",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:ansar"),
        "{evs:#?}"
    );
    // The group an attacker belongs to; not the one a victim belongs to.
    let evs = run(Doc {
        text: "فجر انتحاري يعتقد أنه ينتمي إلى تنظيم داعش نفسه في سوق بلدة الخالص أمس فقتل 20 شخصا.",
        ents: vec![
            ("داعش", EntityType::Org, "org:isis"),
            ("الخالص", EntityType::Gpe, "gpe:khalis"),
        ],
        nums: vec![("20", Count::exact(20))],
        dates: vec![("أمس", "2015-07-30", "2015-07-30", Precision::Day)],
        doc_date: "2015-07-31",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:isis"),
        "{evs:#?}"
    );
    let evs = run(Doc {
        text: "قتل موظف ينتمي إلى حزب العدالة في هجوم بمدينة أضنة أمس.",
        ents: vec![
            ("حزب العدالة", EntityType::Org, "org:akp"),
            ("أضنة", EntityType::Gpe, "gpe:adana"),
        ],
        nums: vec![],
        dates: vec![("أمس", "2015-07-30", "2015-07-30", Precision::Day)],
        doc_date: "2015-07-31",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert!(evs[0].perpetrator.is_none(), "{evs:#?}");
}

#[test]
fn an_ascribed_doer_alone_does_not_make_a_headline_an_event() {
    let evs = run(Doc {
        text: "مقتل شرطيين في هجوم منسوب لحزب العمال الكردستاني\nقتل عنصران من الشرطة صباح أمس في منطقة أضنة في هجوم نسبته السلطات إلى التمرد الكردي.",
        ents: vec![
            ("لحزب العمال الكردستاني", EntityType::Org, "org:pkk"),
            ("أضنة", EntityType::Gpe, "gpe:adana"),
        ],
        nums: vec![],
        dates: vec![("صباح أمس", "2015-07-31", "2015-07-31", Precision::Day)],
        doc_date: "2015-08-01",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(2)), "{evs:#?}");
}

#[test]
fn a_light_verb_after_an_indefinite_adjective_names_the_doer() {
    let evs = run(Doc {
        text: "قتل 12 مسلحا في قصف عنيف شنته طائرات التحالف العربي على معسكر في مدينة زنجبار أمس.",
        ents: vec![
            ("التحالف العربي", EntityType::Org, "org:coalition"),
            ("زنجبار", EntityType::Gpe, "gpe:zinjibar"),
        ],
        nums: vec![("12", Count::exact(12))],
        dates: vec![("أمس", "2015-07-30", "2015-07-30", Precision::Day)],
        doc_date: "2015-07-31",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:coalition"),
        "{evs:#?}"
    );
    // The coalition's aircraft act as a state force.
    assert_eq!(evs[0].kind, EventType::SecurityOperation, "{evs:#?}");
}

#[test]
fn another_after_a_casualty_word_counts_one() {
    let evs = run(Doc {
        text: "قتل جندي تركي وأصيب آخر في اشتباك مع مسلحين على الحدود في بلدة كلس أمس.",
        ents: vec![("كلس", EntityType::Gpe, "gpe:kilis")],
        nums: vec![],
        dates: vec![("أمس", "2015-07-30", "2015-07-30", Precision::Day)],
        doc_date: "2015-07-31",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(1)), "{evs:#?}");
    assert_eq!(evs[0].wounded, Some(Count::exact(1)), "{evs:#?}");
    // Before a definite noun it is "the last of".
    let evs = run(Doc {
        text: "انفجرت عبوة في بلدة كلس أمس وأصيب آخر الواصلين إلى المكان.",
        ents: vec![("كلس", EntityType::Gpe, "gpe:kilis")],
        nums: vec![],
        dates: vec![("أمس", "2015-07-30", "2015-07-30", Precision::Day)],
        doc_date: "2015-07-31",
    });
    assert!(evs.iter().all(|e| e.wounded.is_none()), "{evs:#?}");
}

#[test]
fn a_claimant_named_with_its_announcing_verb_far_before_the_claim() {
    let evs = run(Doc {
        text: "وكان تنظيم «داعش» أعلن في بيان على موقع إلكتروني تابع له المسؤولية عن التفجير الذي استهدف سوقا في بلدة الخالص أمس.",
        ents: vec![
            ("داعش", EntityType::Org, "org:isis"),
            ("الخالص", EntityType::Gpe, "gpe:khalis"),
        ],
        nums: vec![],
        dates: vec![("أمس", "2015-07-17", "2015-07-17", Precision::Day)],
        doc_date: "2015-07-18",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert!(evs[0].claimed, "{evs:#?}");
    assert_eq!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:isis"),
        "{evs:#?}"
    );
}

#[test]
fn a_warrant_or_administrative_detention_is_not_an_arrest() {
    let evs = run(Doc {
        text: "الرئيس يغادر إلى موريتانيا رغم مذكرة اعتقال المحكمة الجنائية الدولية.",
        ents: vec![
            ("موريتانيا", EntityType::Gpe, "gpe:mauritania"),
            ("المحكمة الجنائية الدولية", EntityType::Org, "org:icc"),
        ],
        nums: vec![],
        dates: vec![],
        doc_date: "2015-07-26",
    });
    assert!(evs.is_empty(), "{evs:#?}");
    let evs = run(Doc {
        text: "وسمح وزير الدفاع اليوم باستخدام الاعتقال الإداري الذي يطبق على المعتقلين في شمال الضفة الغربية.",
        ents: vec![("الضفة الغربية", EntityType::Loc, "loc:westbank")],
        nums: vec![],
        dates: vec![("اليوم", "2015-08-02", "2015-08-02", Precision::Day)],
        doc_date: "2015-08-02",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn a_date_after_a_superlative_frames_a_comparison() {
    let evs = run(Doc {
        text: "قتل 90 شخصا في تفجير استهدف سوقا شعبية في بلدة الخالص أمس الأول الجمعة. ويعد التفجير الأسوأ من نوعه خلال العام الجاري.",
        ents: vec![("الخالص", EntityType::Gpe, "gpe:khalis")],
        nums: vec![("90", Count::exact(90))],
        dates: vec![
            (
                "أمس الأول الجمعة",
                "2015-07-17",
                "2015-07-17",
                Precision::Day,
            ),
            ("العام الجاري", "2015-01-01", "2015-12-31", Precision::Year),
        ],
        doc_date: "2015-07-19",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].date.as_ref().map(|d| d.start),
        Some(d("2015-07-17")),
        "{evs:#?}"
    );
}

#[test]
fn quotation_marks_do_not_take_an_attack_out_of_reach_of_its_modality() {
    let evs = run(Doc {
        text: "وتوقع أن «يشن تنظيم «داعش» هجومًا على مدينة إيلات» سواء عن طريق البر أو الجو.",
        ents: vec![
            ("داعش", EntityType::Org, "org:isis"),
            ("إيلات", EntityType::Gpe, "gpe:eilat"),
        ],
        nums: vec![],
        dates: vec![],
        doc_date: "2015-07-23",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn an_act_done_without_is_not_an_event() {
    let evs = run(Doc {
        text: "وأحرق مستوطنون 15 منزلا في الضفة الغربية منذ عام 2008 من دون القبض على أي من الجناة.",
        ents: vec![("الضفة الغربية", EntityType::Loc, "loc:westbank")],
        nums: vec![("15", Count::exact(15))],
        dates: vec![("عام 2008", "2008-01-01", "2008-12-31", Precision::Year)],
        doc_date: "2015-08-02",
    });
    assert!(evs.iter().all(|e| e.kind != EventType::Arrest), "{evs:#?}");
}

#[test]
fn the_subject_of_a_blame_verb_before_the_act_is_not_its_doer() {
    let evs = run(Doc {
        text: "قتل ثلاثة أشخاص في هجوم في مدينة تشينار أمس. وبحسب المعلومات، فإن السلطات نسبت الاعتداء إلى حزب العمال الكردستاني.",
        ents: vec![
            ("تشينار", EntityType::Gpe, "gpe:cinar"),
            ("السلطات", EntityType::Org, "org:authorities"),
            ("حزب العمال الكردستاني", EntityType::Org, "org:pkk"),
        ],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![("أمس", "2015-07-30", "2015-07-30", Precision::Day)],
        doc_date: "2015-07-31",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref()),
        Some("org:pkk"),
        "{evs:#?}"
    );
}

#[test]
fn a_toll_of_soldiers_without_an_event_word_is_an_attack() {
    let evs = run(Doc {
        text: "قتل مسلحون سبعة جنود في بلدة الكرمة أمس.",
        ents: vec![("الكرمة", EntityType::Gpe, "gpe:karma")],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack);
    assert_eq!(evs[0].killed, Some(Count::exact(7)));
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("الكرمة")
    );
    assert_eq!(evs[0].date.as_ref().map(|x| x.start), Some(d("2016-05-04")));
    // The state of the dead soldiers, or the army that announces them, did not do it.
    let evs = run(Doc {
        text: "أعلن الجيش التركي مقتل ثلاثة جنود أتراك في محافظة شرناق أمس.",
        ents: vec![("شرناق", EntityType::Gpe, "gpe:sirnak")],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack, "{evs:#?}");
    assert!(evs[0].perpetrator.is_none(), "{evs:#?}");
}

#[test]
fn a_toll_of_militants_without_an_event_word_is_a_security_operation_not_theirs() {
    // The group named among the dead is not the doer.
    let evs = run(Doc {
        text: "وأوضحت قيادة العمليات المشتركة أن 7 عناصر من تنظيم داعش قتلوا في منطقة البوشجل اليوم.",
        // The command's name holds an event word (العمليات) that is no event of its own.
        ents: vec![
            ISIS,
            ("قيادة العمليات المشتركة", EntityType::Org, "org:joc"),
            ("البوشجل", EntityType::Gpe, "gpe:bushajal"),
        ],
        nums: vec![("7", Count::exact(7))],
        dates: vec![("اليوم", "2016-05-05", "2016-05-05", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation);
    assert_eq!(evs[0].killed, Some(Count::exact(7)));
    assert!(
        evs[0]
            .perpetrator
            .as_ref()
            .and_then(|p| p.entity.as_deref())
            != Some("org:isis"),
        "{evs:#?}"
    );
    // A nisba of the group counts the same way.
    let evs = run(Doc {
        text: "أعلنت قيادة عمليات بغداد عن مقتل 17 داعشيا شرقي الفلوجة.",
        ents: vec![("الفلوجة", EntityType::Gpe, "gpe:fallujah")],
        nums: vec![("17", Count::exact(17))],
        dates: vec![],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation);
    assert_eq!(evs[0].killed, Some(Count::exact(17)));
}

#[test]
fn a_toll_of_an_accident_or_of_people_of_no_stated_kind_is_no_event() {
    for text in [
        // an accident
        "لقي سبعة جنود مصرعهم في حادث مروري في بلدة الكرمة أمس.",
        // nothing says the deaths were violent
        "قتل سبعة أشخاص في بلدة الكرمة أمس.",
    ] {
        let evs = run(Doc {
            text,
            ents: vec![("الكرمة", EntityType::Gpe, "gpe:karma")],
            nums: vec![("سبعة", Count::exact(7))],
            dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
            doc_date: "2016-05-05",
        });
        assert!(evs.is_empty(), "{text}: {evs:#?}");
    }
    // A weapon makes the same deaths an attack.
    let evs = run(Doc {
        text: "قتل سبعة أشخاص برصاص مسلحين في بلدة الكرمة أمس.",
        ents: vec![("الكرمة", EntityType::Gpe, "gpe:karma")],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack);
}

#[test]
fn a_toll_told_after_the_act_joins_the_act() {
    let evs = run(Doc {
        text: "هاجم مسلحون حاجزا للجيش في بلدة الكرمة أمس. وقتل سبعة جنود.",
        ents: vec![("الكرمة", EntityType::Gpe, "gpe:karma")],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack);
    assert_eq!(evs[0].killed, Some(Count::exact(7)));
}

#[test]
fn a_figure_in_parentheses_is_counted() {
    let evs = run(Doc {
        text: "تمكنت الجهات الأمنية من القبض على (431) مطلوبا في مدينة الرياض أمس.",
        ents: vec![("الرياض", EntityType::Gpe, "gpe:riyadh")],
        nums: vec![("431", Count::exact(431))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Arrest);
    assert_eq!(evs[0].arrested, Some(Count::exact(431)), "{evs:#?}");
}

#[test]
fn a_common_noun_of_a_site_is_not_a_place() {
    // The tagger took "معسكر" (a camp) for a place; the town named with it is the place.
    let evs = run(Doc {
        text: "وقع تفجير انتحاري أمس داخل معسكر التدريب بمدينة أبها.",
        ents: vec![
            ("معسكر", EntityType::Gpe, "gpe:camp"),
            ("أبها", EntityType::Gpe, "gpe:abha"),
        ],
        nums: vec![],
        dates: vec![("أمس", "2015-08-06", "2015-08-06", Precision::Day)],
        doc_date: "2015-08-07",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("أبها"),
        "{evs:#?}"
    );
}

#[test]
fn a_place_after_the_act_stays_with_it_not_with_a_later_trigger() {
    // "في سوريا" follows the shelling; the killing it stands before ("ردا على مقتل") is the
    // cause, told in the same clause, and does not take the shelling's place from it.
    let evs = run(Doc {
        text: "قصفت تركيا أمس مواقع لتنظيم داعش في سوريا ردا على مقتل أحد جنودها بإطلاق نار من \
               قبل متطرفين، وذلك بعد يومين على هجوم انتحاري نسبته أنقرة إلى التنظيم.",
        ents: vec![
            ("تركيا", EntityType::Gpe, "gpe:turkey"),
            ("أنقرة", EntityType::Gpe, "gpe:ankara"),
            ("داعش", EntityType::Org, "org:isis"),
            ("سوريا", EntityType::Gpe, "gpe:syria"),
        ],
        nums: vec![],
        dates: vec![("أمس", "2015-07-23", "2015-07-23", Precision::Day)],
        doc_date: "2015-07-24",
    });
    let op = evs
        .iter()
        .find(|e| e.kind == EventType::SecurityOperation)
        .unwrap_or_else(|| panic!("no operation: {evs:#?}"));
    assert_eq!(
        op.location.as_ref().map(|l| l.name.as_str()),
        Some("سوريا"),
        "{evs:#?}"
    );
}

#[test]
fn a_toll_reads_through_slashes_around_a_name() {
    // News agencies put slashes around a group's name as quotation marks.
    let evs = run(Doc {
        text: "وأوضحت قيادة العمليات المشتركة أن 9 عناصر من تنظيم / داعش / قتلوا في محافظة نينوى.",
        ents: vec![
            ("داعش", EntityType::Org, "org:isis"),
            ("محافظة نينوى", EntityType::Loc, "loc:nineveh"),
        ],
        nums: vec![("9", Count::exact(9))],
        dates: vec![],
        doc_date: "2015-08-10",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(9)), "{evs:#?}");
}

#[test]
fn a_bombing_in_a_province_and_a_suicide_bombing_in_its_town_are_one_incident() {
    use crate::merge::coalesce_located;
    let day = (d("2015-08-06"), d("2015-08-06"));
    // "التفجير الذي استهدف مسجدا في منطقة عسير" / "تفجير انتحاري … بأبها، أسفر عن استشهاد 15".
    let mut province = located("ev1", "عسير", 19.17, 43.17, "admin1", day);
    let mut town = located("ev2", "أبها", 18.22, 42.51, "city", day);
    for (l, c) in [(&mut province, "SA"), (&mut town, "SA")] {
        let loc = l.location.as_mut().expect("location");
        loc.country = Some(c.into());
        loc.admin1 = Some("عسير".into());
    }
    town.subtype = Some("suicide_bombing".into());
    town.killed = Some(Count::exact(15));
    let out = coalesce_located(vec![province.clone(), town.clone()]);
    assert_eq!(out.len(), 1, "{out:#?}");
    assert_eq!(out[0].subtype.as_deref(), Some("suicide_bombing"));
    assert_eq!(
        out[0].location.as_ref().map(|l| l.name.as_str()),
        Some("أبها")
    );
    assert_eq!(out[0].killed.map(|c| c.value), Some(15));
    // A town of another province, or a kidnapping there, is another incident.
    let mut other = town.clone();
    if let Some(l) = other.location.as_mut() {
        l.admin1 = Some("جازان".into());
    }
    assert_eq!(coalesce_located(vec![province.clone(), other]).len(), 2);
    let mut kidnapping = town;
    kidnapping.subtype = Some("kidnapping".into());
    assert_eq!(coalesce_located(vec![province, kidnapping]).len(), 2);
}

#[test]
fn a_call_to_incite_a_killing_is_no_killing() {
    let evs = run(Doc {
        text: "بث عنصر من التنظيم أمس تسجيلا مصورا على الإنترنت للتحريض على اغتيال رئيس الحكومة في تونس.",
        ents: vec![("تونس", EntityType::Gpe, "gpe:tunisia")],
        nums: vec![],
        dates: vec![("أمس", "2015-07-25", "2015-07-25", Precision::Day)],
        doc_date: "2015-07-26",
    });
    assert!(evs.iter().all(|e| e.kind != EventType::Attack), "{evs:#?}");
}

#[test]
fn a_government_force_launching_an_attack_to_take_a_base_is_an_operation_there() {
    // No entity names the force; a word of government says whose it is, and the base it
    // attacks to retake is the scene.
    let evs = run(Doc {
        text: "شنت القوات الموالية للحكومة اليمنية المعترف بها دوليا، اليوم (الاثنين)، هجوما واسعا \
               لاستعادة قاعدة العند \
               الجوية من المتمردين، وفق مصدر عسكري في مدينة عدن.",
        ents: vec![
            ("العند", EntityType::Loc, "loc:anad"),
            ("عدن", EntityType::Gpe, "gpe:aden"),
        ],
        nums: vec![],
        dates: vec![("اليوم", "2015-08-03", "2015-08-03", Precision::Day)],
        doc_date: "2015-08-03",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation, "{evs:#?}");
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("العند"),
        "{evs:#?}"
    );
    // The force is named by its definite words only, not by the figure after them.
    let evs = run(Doc {
        text: "شن الطيران الحربي السوري أربع غارات جوية أمس على بلدة كفريا.",
        ents: vec![("كفريا", EntityType::Gpe, "gpe:kafriya")],
        nums: vec![("أربع", Count::exact(4))],
        dates: vec![("أمس", "2015-08-02", "2015-08-02", Precision::Day)],
        doc_date: "2015-08-03",
    });
    assert!(
        evs.iter().all(|e| e
            .perpetrator
            .as_ref()
            .is_none_or(|p| !p.name.contains("أربع"))),
        "{evs:#?}"
    );
}

#[test]
fn a_force_of_no_stated_government_launching_an_attack_stays_an_attack() {
    let evs = run(Doc {
        text: "شنت القوات الحوثية أمس هجوما واسعا للسيطرة على مدينة تعز.",
        ents: vec![("تعز", EntityType::Gpe, "gpe:taiz")],
        nums: vec![],
        dates: vec![("أمس", "2015-08-02", "2015-08-02", Precision::Day)],
        doc_date: "2015-08-03",
    });
    assert!(
        evs.iter().any(|e| e.kind == EventType::Attack
            && e.location.as_ref().map(|l| l.name.as_str()) == Some("تعز")),
        "{evs:#?}"
    );
}

#[test]
fn a_link_footer_repeating_the_headline_is_no_event() {
    let evs = run(Doc {
        text: "قتل ثلاثة أشخاص في تفجير سيارة مفخخة في حي الكرادة ببغداد أمس. رابط الخبر بصحيفة \
               الوطن: مقتل 25 شخصا في تفجيرات بغداد.",
        ents: vec![
            ("الكرادة", EntityType::Loc, "loc:karrada"),
            ("ببغداد", EntityType::Gpe, "gpe:baghdad"),
            ("بغداد", EntityType::Gpe, "gpe:baghdad"),
        ],
        nums: vec![("ثلاثة", Count::exact(3)), ("25", Count::exact(25))],
        dates: vec![("أمس", "2015-07-22", "2015-07-22", Precision::Day)],
        doc_date: "2015-07-23",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(3)), "{evs:#?}");
}

#[test]
fn the_town_that_witnessed_clashes_is_their_scene() {
    let evs = run(Doc {
        text: "وشهدت زنجبار اشتباكات عنيفة بين قوات المقاومة من جهة ومسلحي الحوثيين من جهة أخرى.",
        ents: vec![
            ("زنجبار", EntityType::Gpe, "gpe:zinjibar"),
            ("الحوثيين", EntityType::Org, "org:houthis"),
        ],
        nums: vec![],
        dates: vec![],
        doc_date: "2015-07-31",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("زنجبار"),
        "{evs:#?}"
    );
}

#[test]
fn a_place_name_that_holds_the_event_word_is_no_witnessed_scene() {
    // The tagger may take an event word into a place name ("ساحة تفجير الكرادة"); the
    // witnessing rule must not count words backwards through it.
    let evs = run(Doc {
        text: "وشهدت ساحة تفجير الكرادة أمس وقفة لذوي الضحايا.",
        ents: vec![("ساحة تفجير الكرادة", EntityType::Loc, "loc:square")],
        nums: vec![],
        dates: vec![("أمس", "2015-07-22", "2015-07-22", Precision::Day)],
        doc_date: "2015-07-23",
    });
    assert!(evs.len() <= 1, "{evs:#?}");
}

#[test]
fn coordinated_person_nouns_count_heads_and_an_open_plural_gives_no_figure() {
    let ev = |text: &'static str| {
        run(Doc {
            text,
            ents: vec![],
            nums: vec![],
            dates: vec![],
            doc_date: "2016-03-10",
        })
    };
    // A conscript is a person noun: officer and conscript are two.
    let evs = ev("أسفر انفجار العبوة الناسفة عن مقتل ضابط ومجند.");
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(2)), "{evs:#?}");
    // A resumptive pronoun between the verb and the nouns: one officer and two soldiers.
    let evs = ev("وقع الهجوم المسلح الذي قتل فيه ضابط وجنديان قرب الحاجز.");
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(3)), "{evs:#?}");
    // "مدنيين" is two or more: no figure rather than one.
    let evs = run(Doc {
        text: "أسفر التفجير الانتحاري في مدينة العريش عن إصابة شرطي ومدنيين.",
        ents: vec![("العريش", EntityType::Gpe, "gpe:arish")],
        nums: vec![],
        dates: vec![],
        doc_date: "2016-03-10",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].wounded, None, "{evs:#?}");
}

#[test]
fn a_qualified_figure_beats_a_bare_one_for_the_same_count() {
    let evs = run(Doc {
        text: "مقتل 12 جنديا في هجوم مسلح على حاجز عسكري. \
               وقالت مصادر أمنية إن الهجوم على الحاجز في مدينة العريش أمس أسفر عن مقتل ما لا يقل عن 12 جنديا.",
        ents: vec![("العريش", EntityType::Gpe, "gpe:arish")],
        nums: vec![
            ("12", Count::exact(12)),
            ("ما لا يقل عن 12", q(12, Qualifier::AtLeast, 12, 12)),
        ],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    let k = evs[0].killed.expect("killed");
    assert_eq!((k.value, k.qualifier), (12, Qualifier::AtLeast), "{evs:#?}");
}

#[test]
fn a_maghreb_word_of_stopping_people_is_an_arrest_of_stopping_a_match_none() {
    let evs = run(Doc {
        text: "تم إيقاف 6 عناصر تكفيرية بجهة الدهماني أمس.",
        ents: vec![("الدهماني", EntityType::Gpe, "gpe:dahmani")],
        nums: vec![("6", Count::exact(6))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Arrest, "{evs:#?}");
    assert_eq!(evs[0].arrested, Some(Count::exact(6)), "{evs:#?}");
    let evs = run(Doc {
        text: "وأوقفت وحدات الحرس الوطني ثلاثة متهمين في ولاية القصرين يوم الأحد.",
        ents: vec![("القصرين", EntityType::Gpe, "gpe:kasserine")],
        nums: vec![("ثلاثة", Count::exact(3))],
        dates: vec![("يوم الأحد", "2016-05-01", "2016-05-01", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Arrest, "{evs:#?}");
    assert_eq!(evs[0].arrested, Some(Count::exact(3)), "{evs:#?}");
    // Stopping cooperation with a named man, or a car, stops no one either.
    let evs = run(Doc {
        text: "وقالت الصحيفة في بيان في إسطنبول أمس: لقد أوقفنا تعاوننا مع الكاتب أحمد يلماز. وأوقف مسلحون سيارة الضابط في ولاية تونجلي أمس.",
        ents: vec![
            ("إسطنبول", EntityType::Gpe, "gpe:istanbul"),
            ("أحمد يلماز", EntityType::Per, "per:yilmaz"),
            ("تونجلي", EntityType::Gpe, "gpe:tunceli"),
        ],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.iter().all(|e| e.kind != EventType::Arrest), "{evs:#?}");
    // Stopping work or a match stops no one.
    let evs = run(Doc {
        text: "وقررت السلطات إيقاف العمل بمعبر رأس جدير في ولاية مدنين أمس، كما أوقفت الجامعة المباراة في سوسة.",
        ents: vec![
            ("مدنين", EntityType::Gpe, "gpe:medenine"),
            ("سوسة", EntityType::Gpe, "gpe:sousse"),
        ],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn militants_killed_by_a_shelling_with_no_doer_named_are_an_operation() {
    let evs = run(Doc {
        text: "وكشف مصدر أمني عن مقتل سبعة من قادة تنظيم داعش بقصف مدفعي في مدينة الفلوجة أمس.",
        ents: vec![
            ("الفلوجة", EntityType::Gpe, "gpe:fallujah"),
            ("داعش", EntityType::Org, "org:isis"),
        ],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(7)), "{evs:#?}");
    assert!(evs[0].perpetrator.is_none(), "{evs:#?}");
    // Militants killed in an attack of no stated doer: militants kill militants too.
    let evs = run(Doc {
        text: "ولقي أربعة حوثيين مصرعهم في هجوم بسيارة مفخخة في صنعاء أمس.",
        ents: vec![("صنعاء", EntityType::Gpe, "gpe:sanaa")],
        nums: vec![("أربعة", Count::exact(4))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert!(evs.iter().all(|e| e.kind == EventType::Attack), "{evs:#?}");
    // Soldiers killed by a shelling: an attack.
    let evs = run(Doc {
        text: "وكشف مصدر أمني عن مقتل سبعة جنود بقصف مدفعي في مدينة الفلوجة أمس.",
        ents: vec![("الفلوجة", EntityType::Gpe, "gpe:fallujah")],
        nums: vec![("سبعة", Count::exact(7))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack, "{evs:#?}");
}

#[test]
fn armed_men_suspected_of_belonging_to_a_group_name_the_doer() {
    let boko = ("بوكو حرام", EntityType::Org, "org:boko_haram");
    let evs = run(Doc {
        text: "خطف مسلحون يعتقد أنهم من جماعة بوكو حرام 15 مزارعا في قرية قرب مايدوغوري أمس.",
        ents: vec![boko, ("مايدوغوري", EntityType::Gpe, "gpe:maiduguri")],
        nums: vec![("15", Count::exact(15))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack, "{evs:#?}");
    assert_eq!(evs[0].kidnapped, Some(Count::exact(15)), "{evs:#?}");
    assert_eq!(
        evs[0].perpetrator.as_ref().map(|p| p.name.as_str()),
        Some("بوكو حرام"),
        "{evs:#?}"
    );
    let evs = run(Doc {
        text: "هاجم مسلحون يشتبه في انتمائهم إلى تنظيم داعش حاجزا للجيش في مدينة العريش أمس.",
        ents: vec![ISIS, ("العريش", EntityType::Gpe, "gpe:arish")],
        nums: vec![],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].perpetrator.as_ref().map(|p| p.name.as_str()),
        Some("داعش"),
        "{evs:#?}"
    );
}

#[test]
fn militants_killed_and_others_arrested_by_a_force_are_one_operation() {
    let evs = run(Doc {
        text: "وقال المتحدث باسم الجيش إن القوات قتلت 35 مسلحا واعتقلت 18 آخرين في ولاية بورنو أمس.",
        ents: vec![("بورنو", EntityType::Gpe, "gpe:borno")],
        nums: vec![("35", Count::exact(35)), ("18", Count::exact(18))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::SecurityOperation, "{evs:#?}");
    assert_eq!(evs[0].killed, Some(Count::exact(35)), "{evs:#?}");
    assert_eq!(evs[0].arrested, Some(Count::exact(18)), "{evs:#?}");
}

#[test]
fn a_claim_of_the_attack_joins_the_attack_it_claims() {
    let evs = run(Doc {
        text: "هاجم مسلحون قرية دالوري قرب مدينة مايدوغوري يوم الأحد وقتلوا 20 شخصا. \
               وأحرق المهاجمون عشرات المنازل قبل أن ينسحبوا باتجاه بحيرة تشاد. \
               وتبنى تنظيم داعش الهجوم في بيان نشرته وكالة أعماق.",
        ents: vec![
            ISIS,
            ("مايدوغوري", EntityType::Gpe, "gpe:maiduguri"),
            ("بحيرة تشاد", EntityType::Loc, "loc:lake_chad"),
            ("أعماق", EntityType::Org, "org:amaq"),
        ],
        nums: vec![("20", Count::exact(20))],
        dates: vec![("يوم الأحد", "2016-05-01", "2016-05-01", Precision::Day)],
        doc_date: "2016-05-03",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, EventType::Attack, "{evs:#?}");
    assert!(evs[0].claimed, "{evs:#?}");
    assert_eq!(
        evs[0].perpetrator.as_ref().map(|p| p.name.as_str()),
        Some("داعش"),
        "{evs:#?}"
    );
    // After two attacks, the claim of "the bombing" is the latest one's; no third event.
    let evs = run(Doc {
        text: "قتل 5 جنود في هجوم مسلح على حاجز في مدينة بنغازي يوم السبت.                وفي مدينة درنة قتل 12 شخصا في تفجير استهدف سوقا يوم الأحد.                وأغلقت قوات الأمن الطرق المؤدية إلى السوق. وأعلن تنظيم داعش مسؤوليته عن التفجير.",
        ents: vec![
            ISIS,
            ("بنغازي", EntityType::Gpe, "gpe:benghazi"),
            ("درنة", EntityType::Gpe, "gpe:derna"),
        ],
        nums: vec![("5", Count::exact(5)), ("12", Count::exact(12))],
        dates: vec![
            ("يوم السبت", "2016-04-30", "2016-04-30", Precision::Day),
            ("يوم الأحد", "2016-05-01", "2016-05-01", Precision::Day),
        ],
        doc_date: "2016-05-03",
    });
    assert_eq!(evs.len(), 2, "{evs:#?}");
    assert!(!evs[0].claimed, "{evs:#?}");
    assert!(evs[1].claimed, "{evs:#?}");
    assert_eq!(evs[1].killed, Some(Count::exact(12)), "{evs:#?}");
}

#[test]
fn an_event_word_tagged_as_a_place_is_no_place() {
    let evs = run(Doc {
        text: "وأفاد المرصد عن مقتل تسعة جنود في الاشتباكات التي اندلعت قرب مدينة حلب أمس.",
        ents: vec![
            ("الاشتباكات", EntityType::Loc, "loc:clashes"),
            ("حلب", EntityType::Gpe, "gpe:aleppo"),
        ],
        nums: vec![("تسعة", Count::exact(9))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(
        evs[0].location.as_ref().map(|l| l.name.as_str()),
        Some("حلب"),
        "{evs:#?}"
    );
    let evs = run(Doc {
        text: "وقتل تسعة جنود في الاشتباكات التي اندلعت أمس.",
        ents: vec![("الاشتباكات", EntityType::Loc, "loc:clashes")],
        nums: vec![("تسعة", Count::exact(9))],
        dates: vec![("أمس", "2016-05-04", "2016-05-04", Precision::Day)],
        doc_date: "2016-05-05",
    });
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert!(evs[0].location.is_none(), "{evs:#?}");
}

#[test]
fn a_place_inside_an_organisation_name_is_not_the_scene() {
    // "خراسان" is part of the group's name "ولاية خراسان" (the NER also tags it as a place);
    // the raids' town is بيشاور.
    let evs = run(Doc {
        text: "أعلنت الشرطة أمس اعتقال سبعة أشخاص يشتبه في انتمائهم إلى تنظيم ولاية خراسان خلال \
               مداهمات في مدينة بيشاور.",
        ents: vec![
            ("ولاية خراسان", EntityType::Org, "org:iskp"),
            ("خراسان", EntityType::Loc, "loc:khorasan"),
            ("بيشاور", EntityType::Gpe, "gpe:pk-peshawar"),
        ],
        nums: vec![],
        dates: vec![("أمس", "2023-08-14", "2023-08-14", Precision::Day)],
        doc_date: "2023-08-15",
    });
    let arrest = evs
        .iter()
        .find(|e| e.kind == EventType::Arrest)
        .unwrap_or_else(|| panic!("no arrest: {evs:#?}"));
    assert_eq!(
        arrest.location.as_ref().map(|l| l.name.as_str()),
        Some("بيشاور"),
        "{evs:#?}"
    );
}
