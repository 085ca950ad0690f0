//! Store throughput: writing batches of synthetic extractions (documents, entities, events,
//! dedup, incident merge) against the MinHash signature alone as the in-run baseline.
//!
//! `cargo bench -p marsad-store --bench store`. Corpus-scale figures (ingest of saudinewsnet)
//! come from `benches/ingest.sh`, see BENCHMARKS.md.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use marsad_store::minhash::Signature;
use marsad_store::{Article, SqliteStore};
use model::{
    ActorRef, Codes, Count, DateValue, Document, Event, EventType, Extraction, Location, Precision,
    Span,
};

const WORDS: &[&str] = &[
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
    "مسلحون",
    "هاجموا",
    "حاجزا",
    "أمنيا",
    "قرب",
    "الحدود",
    "وقتلوا",
    "جنود",
    "الجيش",
];

fn article(i: usize) -> Article {
    let mut x = i as u64 * 2_654_435_761 + 1;
    let mut text = String::new();
    for _ in 0..350 {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        text.push_str(WORDS[(x >> 33) as usize % WORDS.len()]);
        text.push(' ');
    }
    let day = NaiveDate::from_ymd_opt(2015, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new((i % 365) as u64)));
    let day = day.unwrap_or_default();
    let ev = Event {
        id: "e1".into(),
        kind: EventType::Attack,
        subtype: Some("armed_assault".into()),
        date: Some(DateValue {
            start: day,
            end: day,
            precision: Precision::Day,
            text: None,
        }),
        location: Some(Location {
            name: format!("مدينة {}", i % 40),
            country: Some("SA".into()),
            admin1: None,
            lat: Some(20.0 + (i % 40) as f64),
            lon: Some(40.0),
            precision: "city".into(),
            geonames_id: None,
        }),
        perpetrator: Some(ActorRef {
            entity: Some("org:isis".into()),
            name: "داعش".into(),
        }),
        targets: vec![],
        killed: Some(Count::exact((i % 7) as u64)),
        wounded: None,
        kidnapped: None,
        arrested: None,
        claimed: false,
        evidence: Span {
            text: text.chars().take(30).collect(),
            start: 0,
            end: 30,
        },
        confidence: 0.7,
        codes: Codes::default(),
    };
    Article::new(
        Extraction {
            document: Document {
                id: format!("{:064x}", i as u128 * 0x9e37_79b9_7f4a_7c15 + 7),
                source: format!("bench/{i}"),
                title: None,
                date: Some(day),
                text,
            },
            entities: vec![],
            relations: vec![],
            events: vec![ev],
        },
        None,
    )
}

fn bench(c: &mut Criterion) {
    let batch: Vec<Article> = (0..256).map(article).collect();
    let norms: Vec<String> = batch
        .iter()
        .map(|a| text::normalize::match_form(&a.extraction.document.text))
        .collect();
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    g.bench_function("baseline: minhash of 256 articles", |b| {
        b.iter(|| {
            for n in &norms {
                black_box(Signature::of(n));
            }
        })
    });
    g.bench_function("write_batch of 256 articles into a fresh store", |b| {
        b.iter(|| {
            let mut st = SqliteStore::open_in_memory().expect("open");
            black_box(st.write_batch(&batch).expect("write"));
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
