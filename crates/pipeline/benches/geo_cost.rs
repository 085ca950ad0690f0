//! What geocoding costs the whole pipeline: the same articles extracted with geocoding on and
//! off, in one process. Each article is extracted both ways back to back, in 15 rounds; each
//! article's time is the best of its rounds (so a burst of noise from other processes spoils one
//! round of one article, not a whole pass), and the totals are compared. The bar: no more
//! than 10% slower with geocoding on.
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

fn time(p: &Pipeline, d: &Input) -> Duration {
    let t = Instant::now();
    std::hint::black_box(p.extract(d.clone()));
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
    let mut best_off = vec![Duration::MAX; docs.len()];
    let mut best_on = vec![Duration::MAX; docs.len()];
    for round in 0..15 {
        for (i, d) in docs.iter().enumerate() {
            // Alternate which goes first, so neither always runs on a warm cache.
            if round % 2 == 0 {
                best_off[i] = best_off[i].min(time(&off, d));
                best_on[i] = best_on[i].min(time(&on, d));
            } else {
                best_on[i] = best_on[i].min(time(&on, d));
                best_off[i] = best_off[i].min(time(&off, d));
            }
        }
    }
    let best_off: Duration = best_off.iter().sum();
    let best_on: Duration = best_on.iter().sum();
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
