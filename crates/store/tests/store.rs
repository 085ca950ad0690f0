//! Store behaviour through the public API: idempotency, transactional rollback, migrations of
//! an old database, near-duplicate linking, incident merging and the false-merge measurement.

use chrono::NaiveDate;
use marsad_store::{Article, Filter, SqliteStore, Store};
use model::{
    ActorRef, Codes, Count, DateValue, Document, Entity, EntityType, Event, EventType, Extraction,
    Location, Precision, Span,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn sha(text: &str) -> String {
    // Tests need ids that look like sha256 hex; derive 64 hex chars deterministically.
    let mut out = String::new();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for round in 0..4u64 {
        for b in text.bytes().chain(round.to_le_bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        out.push_str(&format!("{h:016x}"));
    }
    out
}

/// A place for test events.
struct Place {
    name: &'static str,
    country: &'static str,
    lat: f64,
    lon: f64,
    precision: &'static str,
}

const MOSCOW: Place = Place {
    name: "موسكو",
    country: "RU",
    lat: 55.75,
    lon: 37.62,
    precision: "city",
};
const KRASNOGORSK: Place = Place {
    name: "كراسنوغورسك",
    country: "RU",
    lat: 55.82,
    lon: 37.33,
    precision: "city",
};
const RUSSIA: Place = Place {
    name: "روسيا",
    country: "RU",
    lat: 61.5,
    lon: 105.3,
    precision: "country",
};
const ST_PETERSBURG: Place = Place {
    name: "سانت بطرسبرغ",
    country: "RU",
    lat: 59.93,
    lon: 30.33,
    precision: "city",
};
const PALMYRA: Place = Place {
    name: "تدمر",
    country: "SY",
    lat: 34.56,
    lon: 38.28,
    precision: "city",
};
const SUKHNAH: Place = Place {
    name: "السخنة",
    country: "SY",
    lat: 34.63,
    lon: 38.87,
    precision: "city",
};
const DEIR: Place = Place {
    name: "دير الزور",
    country: "SY",
    lat: 35.33,
    lon: 40.14,
    precision: "city",
};
const BAGHDAD: Place = Place {
    name: "بغداد",
    country: "IQ",
    lat: 33.31,
    lon: 44.36,
    precision: "city",
};
const ABU_GHRAIB: Place = Place {
    name: "أبو غريب",
    country: "IQ",
    lat: 33.29,
    lon: 44.06,
    precision: "city",
};
const KABUL: Place = Place {
    name: "كابل",
    country: "AF",
    lat: 34.53,
    lon: 69.17,
    precision: "city",
};

#[derive(Clone)]
struct Ev {
    kind: EventType,
    subtype: Option<&'static str>,
    date: Option<(&'static str, &'static str, Precision)>,
    place: Option<&'static Place>,
    perp: Option<&'static str>,
    killed: Option<u64>,
}

fn attack(
    date: &'static str,
    place: &'static Place,
    perp: Option<&'static str>,
    killed: Option<u64>,
) -> Ev {
    Ev {
        kind: EventType::Attack,
        subtype: Some("armed_assault"),
        date: Some((date, date, Precision::Day)),
        place: Some(place),
        perp,
        killed,
    }
}

fn article(text: &str, date: &str, evs: &[Ev]) -> Article {
    let events = evs
        .iter()
        .enumerate()
        .map(|(i, e)| Event {
            id: format!("e{}", i + 1),
            kind: e.kind,
            subtype: e.subtype.map(str::to_owned),
            date: e.date.map(|(s, t, p)| DateValue {
                start: d(s),
                end: d(t),
                precision: p,
                text: None,
            }),
            location: e.place.map(|p| Location {
                name: p.name.into(),
                country: Some(p.country.into()),
                admin1: None,
                lat: Some(p.lat),
                lon: Some(p.lon),
                precision: p.precision.into(),
                geonames_id: None,
            }),
            perpetrator: e.perp.map(|id| ActorRef {
                entity: Some(id.into()),
                name: "داعش".into(),
            }),
            targets: vec![ActorRef {
                entity: None,
                name: "مدنيين".into(),
            }],
            killed: e.killed.map(Count::exact),
            wounded: None,
            kidnapped: None,
            arrested: None,
            claimed: e.perp.is_some(),
            evidence: Span {
                text: text.chars().take(20).collect(),
                start: 0,
                end: text.chars().take(20).count(),
            },
            confidence: 0.8,
            codes: Codes::default(),
        })
        .collect();
    let isis_mentions = text
        .match_indices("داعش")
        .map(|(b, m)| {
            let s = text[..b].chars().count();
            Span {
                text: m.into(),
                start: s,
                end: s + m.chars().count(),
            }
        })
        .collect::<Vec<_>>();
    let entities = if isis_mentions.is_empty() {
        vec![]
    } else {
        vec![Entity {
            id: "org:isis".into(),
            kind: EntityType::Org,
            name: "تنظيم الدولة الإسلامية".into(),
            name_en: Some("Islamic State".into()),
            wikidata: Some("Q2429253".into()),
            mentions: isis_mentions,
            location: None,
        }]
    };
    Article::new(
        Extraction {
            document: Document {
                id: sha(text),
                source: format!("test/{}", &sha(text)[..8]),
                title: None,
                date: Some(d(date)),
                text: text.into(),
            },
            entities,
            relations: vec![],
            events,
        },
        None,
    )
}

/// Distinct filler so that fabricated articles are not near-duplicates of each other.
fn body(n: usize, lead: &str) -> String {
    let words = [
        "قالت",
        "مصادر",
        "محلية",
        "إن",
        "الهجوم",
        "وقع",
        "صباح",
        "اليوم",
        "وأضافت",
        "أن",
        "فرق",
        "الإسعاف",
        "نقلت",
        "الجرحى",
        "إلى",
        "مستشفيات",
        "المدينة",
        "بينما",
        "فتحت",
        "السلطات",
        "تحقيقا",
    ];
    let mut s = String::from(lead);
    let mut x = n as u64 * 7919 + 17;
    for _ in 0..60 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s.push(' ');
        s.push_str(words[(x >> 33) as usize % words.len()]);
    }
    s
}

#[test]
fn reingesting_changes_nothing() {
    let mut st = SqliteStore::open_in_memory().expect("open");
    let a = article(
        &body(1, "هاجم داعش قاعة حفلات في موسكو"),
        "2024-03-23",
        &[attack("2024-03-22", &MOSCOW, Some("org:isis"), Some(137))],
    );
    let b = article(
        &body(2, "تبنى داعش هجوم موسكو"),
        "2024-03-24",
        &[attack("2024-03-22", &MOSCOW, Some("org:isis"), Some(145))],
    );
    let r1 = st.write_batch(&[a.clone(), b.clone()]).expect("write");
    assert_eq!((r1.stored, r1.skipped, r1.events), (2, 0, 2));
    let before = st.fingerprint().expect("fp");
    let stats_before = st.stats().expect("stats");
    let r2 = st.write_batch(&[b, a]).expect("write again");
    assert_eq!((r2.stored, r2.skipped, r2.events), (0, 2, 0));
    assert_eq!(st.fingerprint().expect("fp"), before);
    assert_eq!(st.stats().expect("stats"), stats_before);
}

#[test]
fn a_failing_batch_stores_nothing() {
    let mut st = SqliteStore::open_in_memory().expect("open");
    let good = article(
        &body(3, "انفجار في بغداد"),
        "2021-01-21",
        &[attack("2021-01-21", &BAGHDAD, None, Some(32))],
    );
    let mut bad = article(&body(4, "خبر آخر"), "2021-01-21", &[]);
    bad.extraction.document.id = "not-a-hash".into();
    let err = st
        .write_batch(&[good.clone(), bad])
        .expect_err("invalid id must fail");
    assert!(err.to_string().contains("not a sha256"), "{err}");
    let s = st.stats().expect("stats");
    assert_eq!(
        (s.documents, s.events, s.incidents, s.entities),
        (0, 0, 0, 0),
        "rolled back"
    );
    // The good article alone goes in afterwards.
    assert_eq!(st.write_batch(&[good]).expect("write").stored, 1);
}

#[test]
fn an_old_version_database_is_migrated_and_kept() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("old.db");
    {
        // A version-1 file: only the first migration, with one document in it.
        let conn = rusqlite_v1(&path);
        drop(conn);
    }
    let st = SqliteStore::open(&path).expect("open + migrate");
    assert_eq!(st.schema_version().expect("version"), 3);
    assert_eq!(st.stats().expect("stats").documents, 1);
    assert!(st.contains(&"a".repeat(64)).expect("contains"));
    // The stem index (v3) was filled from the document stored under v1 ...
    let terms = |q: &str| format!("\"{}\"", marsad_store::index::terms(q));
    assert_eq!(st.full_text(&terms("القديم"), 10).expect("search").len(), 1);
    // ... and works on documents stored afterwards.
    drop(st);
    let mut st = SqliteStore::open(&path).expect("reopen");
    st.write_batch(&[article(&body(5, "هجوم انتحاري في كابل"), "2021-08-26", &[])])
        .expect("write");
    assert_eq!(st.full_text(&terms("بكابل"), 10).expect("search").len(), 1);
}

/// Build a version-1 database by hand with the first migration file.
fn rusqlite_v1(path: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("create");
    conn.execute_batch(include_str!("../migrations/0001_init.sql"))
        .expect("v1 schema");
    conn.pragma_update(None, "user_version", 1)
        .expect("version");
    conn.execute(
        "INSERT INTO documents (id, source, text) VALUES (?1, 'old.txt', 'نص قديم')",
        [&"a".repeat(64)],
    )
    .expect("old doc");
    conn
}

#[test]
fn a_newer_database_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("new.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.pragma_update(None, "user_version", 99)
            .expect("version");
    }
    let err = SqliteStore::open(&path).err().expect("must refuse");
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn wire_copies_are_linked_and_count_once() {
    let mut st = SqliteStore::open_in_memory().expect("open");
    let text = body(
        6,
        "قتل مسلحون من داعش عشرة أشخاص في هجوم على حاجز في دير الزور",
    );
    let orig = article(
        &text,
        "2019-05-02",
        &[attack("2019-05-01", &DEIR, Some("org:isis"), Some(10))],
    );
    let copy_text = format!("{text} وأكدت وكالة الأنباء الخبر");
    // The copy's extraction got the toll slightly differently.
    let copy = article(
        &copy_text,
        "2019-05-02",
        &[attack("2019-05-01", &DEIR, Some("org:isis"), Some(11))],
    );
    st.write_batch(&[orig]).expect("orig");
    let r = st.write_batch(&[copy]).expect("copy");
    assert_eq!((r.stored, r.duplicates, r.new_incidents), (1, 1, 0));
    let s = st.stats().expect("stats");
    assert_eq!((s.documents, s.duplicates, s.incidents), (2, 1, 1));
    assert_eq!(
        st.events(&Filter::default()).expect("events").len(),
        1,
        "copies count once"
    );
    let all = Filter {
        include_duplicates: true,
        ..Filter::default()
    };
    assert_eq!(st.events(&all).expect("events").len(), 2);
    let inc = st.incidents(&Filter::default()).expect("incidents");
    assert_eq!(inc.len(), 1);
    assert_eq!(inc[0].sources.len(), 2);
    assert!(inc[0].sources.iter().any(|s| s.role == "duplicate"));
}

#[test]
fn reports_of_one_attack_merge_with_ranges_and_dispute() {
    let mut st = SqliteStore::open_in_memory().expect("open");
    let week = Ev {
        date: Some(("2024-03-18", "2024-03-24", Precision::Week)),
        ..attack("2024-03-22", &MOSCOW, Some("org:isis"), Some(140))
    };
    let undated = Ev {
        date: None,
        killed: None,
        ..attack("2024-03-22", &MOSCOW, Some("org:isis"), None)
    };
    let batch = [
        article(
            &body(10, "هجوم داعش على قاعة كروكوس"),
            "2024-03-23",
            &[attack("2024-03-22", &MOSCOW, Some("org:isis"), Some(137))],
        ),
        article(
            &body(11, "ارتفاع حصيلة هجوم موسكو"),
            "2024-03-26",
            &[attack("2024-03-22", &KRASNOGORSK, None, Some(145))],
        ),
        article(&body(12, "تحليل عن داعش"), "2024-03-30", &[week]),
        article(&body(13, "عودة داعش"), "2024-07-20", &[undated]),
    ];
    st.write_batch(&batch).expect("write");
    let inc = st.incidents(&Filter::default()).expect("incidents");
    assert_eq!(inc.len(), 1, "{inc:#?}");
    let i = &inc[0];
    assert_eq!(i.n_sources, 4);
    let k = i.killed.as_ref().expect("killed");
    assert_eq!((k.min, k.max), (137, 145));
    assert!(i.disputed && i.disputed_fields.contains(&"killed".to_string()));
    assert_eq!(
        i.date_start.as_deref(),
        Some("2024-03-22"),
        "most specific date"
    );
    assert_eq!(i.perpetrator_entity.as_deref(), Some("org:isis"));
}

/// Fabricated near-miss events around true incidents: every pair that must NOT merge, and every
/// group that must. Prints the false-merge and missed-merge figures.
#[test]
fn false_merges_on_near_misses() {
    let mut st = SqliteStore::open_in_memory().expect("open");
    // (label = true incident, event)
    let cases: Vec<(&str, &str, Ev)> = vec![
        (
            "moscow",
            "2024-03-23",
            attack("2024-03-22", &MOSCOW, Some("org:isis"), Some(137)),
        ),
        (
            "moscow",
            "2024-03-24",
            attack("2024-03-22", &KRASNOGORSK, Some("org:isis"), Some(143)),
        ),
        (
            "moscow",
            "2024-03-25",
            attack("2024-03-22", &RUSSIA, None, Some(145)),
        ),
        // Near misses: same city, three days later; another city the same day; another perpetrator.
        (
            "moscow-later",
            "2024-03-26",
            attack("2024-03-25", &MOSCOW, Some("org:isis"), Some(1)),
        ),
        (
            "spb",
            "2024-03-23",
            attack("2024-03-22", &ST_PETERSBURG, Some("org:isis"), Some(2)),
        ),
        (
            "moscow-other-group",
            "2024-03-23",
            attack("2024-03-22", &MOSCOW, Some("org:other"), None),
        ),
        // Same day, same city, different kind of event.
        (
            "moscow-arrest",
            "2024-03-23",
            Ev {
                kind: EventType::Arrest,
                subtype: None,
                ..attack("2024-03-22", &MOSCOW, None, None)
            },
        ),
        // Syria: Palmyra kidnapping vs Sukhnah assault, ~55 km apart, six days apart.
        (
            "palmyra",
            "2023-02-12",
            Ev {
                subtype: Some("kidnapping"),
                ..attack("2023-02-11", &PALMYRA, Some("org:isis"), None)
            },
        ),
        (
            "palmyra",
            "2023-02-13",
            Ev {
                subtype: Some("kidnapping"),
                ..attack("2023-02-11", &PALMYRA, None, None)
            },
        ),
        (
            "sukhnah",
            "2023-02-18",
            attack("2023-02-17", &SUKHNAH, Some("org:isis"), Some(68)),
        ),
        (
            "sukhnah",
            "2023-02-19",
            attack("2023-02-17", &SUKHNAH, Some("org:isis"), Some(53)),
        ),
        (
            "sukhnah-bombing",
            "2023-02-18",
            Ev {
                subtype: Some("bombing"),
                ..attack("2023-02-17", &SUKHNAH, None, Some(3))
            },
        ),
        // Baghdad and Abu Ghraib (~28 km): the same day, one incident reported with two place names.
        (
            "baghdad",
            "2021-01-21",
            attack("2021-01-21", &BAGHDAD, Some("org:isis"), Some(32)),
        ),
        (
            "baghdad",
            "2021-01-22",
            attack("2021-01-21", &ABU_GHRAIB, Some("org:isis"), Some(35)),
        ),
        (
            "baghdad-next-week",
            "2021-01-29",
            attack("2021-01-28", &BAGHDAD, Some("org:isis"), Some(5)),
        ),
        (
            "kabul",
            "2021-08-27",
            attack("2021-08-26", &KABUL, Some("org:isis"), Some(170)),
        ),
        (
            "kabul",
            "2021-08-28",
            Ev {
                date: Some(("2021-08-01", "2021-08-31", Precision::Month)),
                ..attack("2021-08-26", &KABUL, Some("org:isis"), Some(183))
            },
        ),
        (
            "kabul-earlier",
            "2021-08-20",
            attack("2021-08-10", &KABUL, Some("org:isis"), Some(4)),
        ),
    ];
    let arts: Vec<Article> = cases
        .iter()
        .enumerate()
        .map(|(i, (label, date, ev))| {
            article(
                &body(100 + i, &format!("تقرير {label} رقم {i}")),
                date,
                std::slice::from_ref(ev),
            )
        })
        .collect();
    st.write_batch(&arts).expect("write");
    let inc = st.incidents(&Filter::default()).expect("incidents");
    // Map each stored event id back to its true label.
    let label_of = |doc_id: &str| {
        arts.iter()
            .zip(&cases)
            .find(|(a, _)| a.extraction.document.id == doc_id)
            .map(|(_, c)| c.0)
            .expect("known doc")
    };
    let mut false_merges = 0; // pairs in one incident with different true labels
    let mut pairs_merged = 0;
    for i in &inc {
        let labels: Vec<&str> = i
            .sources
            .iter()
            .map(|s| label_of(&s.event.doc_id))
            .collect();
        for a in 0..labels.len() {
            for b in a + 1..labels.len() {
                pairs_merged += 1;
                if labels[a] != labels[b] {
                    false_merges += 1;
                }
            }
        }
    }
    let mut true_pairs = 0;
    for a in 0..cases.len() {
        for b in a + 1..cases.len() {
            if cases[a].0 == cases[b].0 {
                true_pairs += 1;
            }
        }
    }
    let found_true = pairs_merged - false_merges;
    println!(
        "merge measurement: {} events, {} incidents; merged pairs {pairs_merged}, false merges {false_merges}, true pairs found {found_true}/{true_pairs}",
        cases.len(),
        inc.len()
    );
    assert_eq!(false_merges, 0, "false merges");
    assert_eq!(found_true, true_pairs, "missed merges");
}
