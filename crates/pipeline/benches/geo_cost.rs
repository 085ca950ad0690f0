//! What geocoding costs the whole pipeline: the same articles extracted with geocoding on and
//! off, in one process, alternating, best of several passes each. The bar: no more than
//! 10% slower with geocoding on.
//!
//! Corpus: the first 300 articles of `../shared/data/saudinewsnet/zips/2015-07-21.zip` (read at
//! bench time, never copied); without it, the bundled `samples/` (with a message saying so).
//! Run: `cargo bench -p marsad-pipeline --bench geo_cost` (one thread, release profile).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use marsad_pipeline::{Input, Pipeline};

fn corpus() -> (Vec<Input>, String) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let zip = root.join("../shared/data/saudinewsnet/zips/2015-07-21.zip");
    let (paths, label) = if zip.exists() {
        (
            vec![zip.display().to_string()],
            "saudinewsnet 2015-07-21.zip, first 300 articles",
        )
    } else {
        eprintln!(
            "SKIP saudinewsnet corpus: {} not found; using samples/",
            zip.display()
        );
        (
            vec![root.join("samples").display().to_string()],
            "samples/*.txt",
        )
    };
    let docs: Vec<Input> = ingest::read_inputs(&paths, &ingest::Options::default())
        .filter_map(Result::ok)
        .take(300)
        .map(|d| Input {
            source: d.source,
            title: d.title,
            date: d.date,
            text: d.text,
        })
        .collect();
    (docs, label.to_string())
}

fn pass(p: &Pipeline, docs: &[Input]) -> Duration {
    let t = Instant::now();
    for d in docs {
        std::hint::black_box(p.extract(d.clone()));
    }
    t.elapsed()
}

fn main() {
    let (docs, label) = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let Ok(on) = Pipeline::bundled() else {
        eprintln!("cannot load the bundled models");
        return;
    };
    let Ok(off) = Pipeline::bundled().map(Pipeline::without_geocoding) else {
        return;
    };
    let (mut best_on, mut best_off) = (Duration::MAX, Duration::MAX);
    for _ in 0..9 {
        best_off = best_off.min(pass(&off, &docs));
        best_on = best_on.min(pass(&on, &docs));
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "GEO_COST {label}: {} docs, {mb:.2} MB; without geocoding {:.3} s ({:.2} MB/s), with {:.3} s ({:.2} MB/s); geocoding adds {:.1}%",
        docs.len(),
        best_off.as_secs_f64(),
        mb / best_off.as_secs_f64(),
        best_on.as_secs_f64(),
        mb / best_on.as_secs_f64(),
        (best_on.as_secs_f64() / best_off.as_secs_f64() - 1.0) * 100.0
    );
}
