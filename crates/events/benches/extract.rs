//! Throughput of full extraction (text layer + NER + events) against the text layer alone, on
//! the SaudiNewsNet zips (../../../shared/data/saudinewsnet/zips; skipped with a message when
//! absent). Both run in the same process on the same articles, so the ratio is meaningful on a
//! shared machine. Articles are read once before timing; only extraction is timed.

use std::path::PathBuf;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_events::{EventExtractor, Inputs};

/// Up to `max_bytes` of article text from the first zips, read with the ingest crate's reader
/// (the same cleaning `marsad ingest` applies).
fn corpus(max_bytes: usize) -> Option<Vec<String>> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/saudinewsnet/zips");
    if !dir.is_dir() {
        return None;
    }
    Some(ingest::texts_up_to(&[dir.display().to_string()], max_bytes))
}

fn bench(c: &mut Criterion) {
    let Some(docs) = corpus(2_000_000) else {
        eprintln!("SKIP: ../shared/data/saudinewsnet/zips absent; no throughput figures");
        return;
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    let ner = ner::Recognizer::bundled().expect("ner model");
    let ex = EventExtractor::bundled();
    let date = chrono::NaiveDate::from_ymd_opt(2015, 8, 1);
    let mut g = c.benchmark_group("saudinewsnet");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("text_layer", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let a = text::analyze(d);
                n +=
                    text::numbers::find_numbers(&a).len() + text::dates::find_dates(&a, date).len();
            }
            n
        })
    });
    g.bench_function("text_ner_events", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let a = text::analyze(d);
                let numbers = text::numbers::find_numbers(&a);
                let dates = text::dates::find_dates(&a, date);
                let out = ner.recognize(&a);
                n += ex
                    .extract(&Inputs {
                        analysis: &a,
                        ner: &out,
                        numbers: &numbers,
                        dates: &dates,
                        doc_date: date,
                    })
                    .len();
            }
            n
        })
    });
    g.finish();
    // One plain timed pass of each, printed as MB/s and the ratio (criterion prints its own
    // estimates above; this line is what BENCHMARKS.md quotes).
    let t = Instant::now();
    for d in &docs {
        let a = text::analyze(d);
        std::hint::black_box(text::numbers::find_numbers(&a));
        std::hint::black_box(text::dates::find_dates(&a, date));
    }
    let base = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for d in &docs {
        let a = text::analyze(d);
        std::hint::black_box(text::numbers::find_numbers(&a));
        std::hint::black_box(text::dates::find_dates(&a, date));
        std::hint::black_box(ner.recognize(&a));
    }
    let with_ner = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut events = 0;
    for d in &docs {
        let a = text::analyze(d);
        let numbers = text::numbers::find_numbers(&a);
        let dates = text::dates::find_dates(&a, date);
        let out = ner.recognize(&a);
        events += ex
            .extract(&Inputs {
                analysis: &a,
                ner: &out,
                numbers: &numbers,
                dates: &dates,
                doc_date: date,
            })
            .len();
    }
    let full = t.elapsed().as_secs_f64();
    // The events stage alone, on precomputed upstream outputs (3 passes, best taken).
    let pre: Vec<_> = docs
        .iter()
        .map(|d| {
            let a = text::analyze(d);
            let numbers = text::numbers::find_numbers(&a);
            let dates = text::dates::find_dates(&a, date);
            let out = ner.recognize(&a);
            (a, numbers, dates, out)
        })
        .collect();
    let mut ev_only = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for (a, numbers, dates, out) in &pre {
            std::hint::black_box(ex.extract(&Inputs {
                analysis: a,
                ner: out,
                numbers,
                dates,
                doc_date: date,
            }));
        }
        ev_only = ev_only.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "SUMMARY {} docs, {:.2} MB: text layer {:.2} MB/s; text+ner {:.2} MB/s; text+ner+events {:.2} MB/s ({} events); full/text time ratio {:.2}; events alone {:.2} MB/s",
        docs.len(),
        mb,
        mb / base,
        mb / with_ner,
        mb / full,
        events,
        full / base,
        mb / ev_only
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
