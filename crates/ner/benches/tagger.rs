//! Tagger throughput and model load time, each with a baseline measured in the same run.
//!
//! * `analyze`: the text layer alone (`text::analyze`) over the corpus: the baseline.
//! * `analyze+tag`: the same plus `Tagger::tag` (both stages) on every article.
//! * `load`: `Tagger::bundled()` (parse of the embedded model bytes), against copying the same
//!   bytes into a fresh `Vec` as the baseline.
//!
//! Corpus: article `content` fields from the SaudiNewsNet zips in
//! `../shared/data/saudinewsnet/zips` (capped at 2 MB of text) when present; otherwise the
//! sample articles in `samples/` repeated (a message says which). After criterion's runs a
//! summary line prints tokens/s of the tagger alone (total minus tokeniser) and the ratios.
//!
//! `CARGO_TARGET_DIR=... cargo bench -p marsad-ner --bench tagger`

use std::fs;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_ner::tagger::Tagger;

const CAP: usize = 2 << 20;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Articles of the benchmark corpus and a label saying where they came from.
fn corpus() -> (Vec<String>, String) {
    let zips = manifest().join("../../../shared/data/saudinewsnet/zips");
    if zips.is_dir() {
        // Read with the ingest crate's reader (the same cleaning `marsad ingest` applies).
        let arts = ingest::texts_up_to(&[zips.display().to_string()], CAP);
        if !arts.is_empty() {
            return (arts, format!("saudinewsnet zips (first {} MB)", CAP >> 20));
        }
    }
    eprintln!(
        "SKIP saudinewsnet corpus: {} not found; falling back to samples/*.txt",
        zips.display()
    );
    let mut base = Vec::new();
    if let Ok(d) = fs::read_dir(manifest().join("../../samples")) {
        let mut ps: Vec<PathBuf> = d.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        ps.sort();
        for p in ps
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            base.push(fs::read_to_string(p).unwrap_or_default());
        }
    }
    let mut arts = Vec::new();
    let mut size = 0usize;
    while !base.is_empty() && size < (1 << 20) {
        for b in &base {
            size += b.len();
            arts.push(b.clone());
        }
    }
    (arts, "samples/*.txt repeated to 1 MB".into())
}

fn bench(c: &mut Criterion) {
    let (arts, label) = corpus();
    eprintln!("corpus: {label}, {} articles", arts.len());
    let tokens: usize = arts.iter().map(|a| text::analyze(a).tokens.len()).sum();
    let tagger = Tagger::bundled().expect("shipped model loads");

    let mut g = c.benchmark_group("tagger");
    g.sample_size(10);
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for a in &arts {
                black_box(text::analyze(a));
            }
        })
    });
    g.bench_function("analyze+tag", |b| {
        b.iter(|| {
            for a in &arts {
                let an = text::analyze(a);
                black_box(tagger.tag(&an));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("model");
    g.sample_size(20);
    g.bench_function("copy_bytes", |b| {
        let bytes = tagger.to_bytes();
        b.iter(|| black_box(bytes.to_vec()))
    });
    g.bench_function("load_bundled", |b| {
        b.iter(|| black_box(Tagger::bundled().map(|t| t.n_features())))
    });
    g.finish();

    // One timed pass each for a summary line with the ratio (criterion's figures above are
    // the careful ones; this just puts them side by side).
    let t = Instant::now();
    let analyses: Vec<_> = arts.iter().map(|a| text::analyze(a)).collect();
    let t_an = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut spans = 0usize;
    for an in &analyses {
        spans += tagger.tag(an).len();
    }
    let t_tag = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let loaded = Tagger::bundled().map(|t| t.n_features()).unwrap_or(0);
    let t_load = t.elapsed().as_secs_f64();
    eprintln!(
        "summary: {tokens} tokens, {spans} spans; analyze {:.0} tok/s; tag alone {:.0} tok/s \
         (tag time = {:.2}× analyze time); bundled load {:.1} ms ({loaded} rows)",
        tokens as f64 / t_an,
        tokens as f64 / t_tag,
        t_tag / t_an,
        t_load * 1000.0
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
