//! Gazetteer load time, lookups per second and resident memory, each against a baseline measured
//! in the same run: a `HashMap<String, Vec<u32>>` holding the same keys (what loading the
//! gazetteer into ordinary collections would cost).
//!
//! Run: `cargo bench -p marsad-geo --bench geocode`. Memory figures are printed to stderr first.

use marsad_geo as geo;

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use marsad_geo::table::Table;
use marsad_geo::{Context, Geocoder};

fn baseline_map(t: &Table<'_>) -> HashMap<String, Vec<u32>> {
    let mut m: HashMap<String, Vec<u32>> = HashMap::new();
    for (k, _, p) in t.keys() {
        m.entry(k.to_string()).or_default().push(p);
    }
    m
}

/// Resident set size in KiB (Linux), 0 elsewhere.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|v| v.parse::<u64>().ok())
        })
        .map_or(0, |pages| pages * 4)
}

/// Place names as news writes them: with clitics, triggers, variants and misses.
const QUERIES: &[&str] = &[
    "الموصل",
    "بمدينة الموصل",
    "وبغداد",
    "دير الزور",
    "ديرالزور",
    "الرقه",
    "طرابلس",
    "محافظة الحسكة",
    "صنعاء",
    "عدن",
    "بنغازي",
    "موسكو",
    "باريس",
    "الولايات المتحدة",
    "شمال شرق سوريا",
    "الساحل",
    "للرقة",
    "بالفلوجة",
    "تدمر",
    "السخنة",
    "زززقققس",
    "كابول",
    "مقديشو",
    "ريف حلب",
];

fn bench(c: &mut Criterion) {
    let before = rss_kib();
    let g = Geocoder::bundled().expect("bundled gazetteer");
    // Touch every key so the whole table is paged in, as a long run would.
    let n: usize = g.table().keys().map(|(k, _, _)| k.len()).sum();
    black_box(n);
    let after_geo = rss_kib();
    let map = baseline_map(g.table());
    let after_map = rss_kib();
    eprintln!(
        "memory: gazetteer file {} KiB; RSS +{} KiB after loading and touching it; baseline HashMap +{} KiB",
        geo::BUNDLED.len() / 1024,
        after_geo.saturating_sub(before),
        after_map.saturating_sub(after_geo)
    );

    let mut load = c.benchmark_group("load");
    load.bench_function("geocoder_bundled", |b| {
        b.iter(|| black_box(Geocoder::bundled().expect("load")))
    });
    load.bench_function("table_parse", |b| {
        b.iter(|| black_box(Table::parse(geo::BUNDLED, "b").expect("parse")))
    });
    load.bench_function("baseline_hashmap_build", |b| {
        b.iter(|| black_box(baseline_map(g.table())))
    });
    load.finish();

    let keys: Vec<String> = g
        .table()
        .keys()
        .step_by(97)
        .map(|(k, _, _)| k.to_string())
        .collect();
    let mut look = c.benchmark_group("lookup");
    look.throughput(criterion::Throughput::Elements(keys.len() as u64));
    look.bench_function("table_binary_search", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| g.table().lookup(k).count())
                .sum::<usize>()
        })
    });
    look.bench_function("baseline_hashmap_get", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| map.get(k.as_str()).map_or(0, Vec::len))
                .sum::<usize>()
        })
    });
    look.finish();

    let ctx = Context::default();
    let mut geo_g = c.benchmark_group("geocode");
    geo_g.throughput(criterion::Throughput::Elements(QUERIES.len() as u64));
    geo_g.bench_function("geocode_phrases", |b| {
        b.iter(|| {
            QUERIES
                .iter()
                .map(|q| g.geocode(q, &ctx).len())
                .sum::<usize>()
        })
    });
    geo_g.finish();

    // Whole-document cost: resolve() on the seed articles (with LOC entities for the place names
    // they contain) against the text layer's analyze() of the same texts as the baseline.
    let seeds = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let texts: Vec<String> = std::fs::read_dir(&seeds)
        .map(|d| {
            let mut v: Vec<_> = d.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            v.sort();
            v.iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    if texts.is_empty() {
        eprintln!("SKIPPED resolve bench: {} not found", seeds.display());
        return;
    }
    let names = [
        "العراق",
        "سوريا",
        "الموصل",
        "دير الزور",
        "الرقة",
        "موسكو",
        "باريس",
        "مسقط",
        "تدمر",
        "الحسكة",
        "أفريقيا",
    ];
    let mut doc = c.benchmark_group("document");
    doc.throughput(criterion::Throughput::Elements(texts.len() as u64));
    doc.bench_function("baseline_text_analyze", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| text::analyze(t).tokens.len())
                .sum::<usize>()
        })
    });
    doc.bench_function("analyze_plus_geo_resolve", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                let a = text::analyze(t);
                let mut ents: Vec<model::Entity> = names
                    .iter()
                    .filter_map(|nm| {
                        let byte = t.find(nm)?;
                        let start = t[..byte].chars().count();
                        Some(model::Entity {
                            id: format!("loc:{nm}"),
                            kind: model::EntityType::Gpe,
                            name: (*nm).to_string(),
                            name_en: None,
                            wikidata: None,
                            mentions: vec![model::Span {
                                text: (*nm).to_string(),
                                start,
                                end: start + nm.chars().count(),
                            }],
                            location: None,
                        })
                    })
                    .collect();
                g.resolve(&a, &mut ents, &mut []);
                n += ents.iter().filter(|e| e.location.is_some()).count();
            }
            n
        })
    });
    doc.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
