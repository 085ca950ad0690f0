//! Throughput of the text layer, each figure with a baseline measured in the same run: a plain
//! `chars().count()` pass over the same input.
//!
//! `text_layer/per_article` is what the pipeline asks of this crate for each article: `analyze`,
//! then `find_numbers` and `find_dates` on the same analysis.
//!
//! Corpus: the SaudiNewsNet zips in `../shared/data/saudinewsnet/zips` (first day's file,
//! `content` fields, capped at 8 MB) when present; otherwise the bundled sample articles in
//! `samples/` (a clear message says which).
//!
//! Times are the benchmark thread's **CPU time** (Linux `/proc/thread-self/schedstat`), not wall
//! time: the shared 2-core machine often runs at a load of 15+, and wall time then mostly measures
//! the other processes. Where that file cannot be read, wall time is used (a message says so).
//!
//! `CARGO_TARGET_DIR=... cargo bench -p marsad-text --bench text`

use std::fs;
use std::hint::black_box;
use std::io::Read;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_text::clitics::{Spelling, split_with};
use marsad_text::dates::find_dates;
use marsad_text::normalize::{display, match_form, matched};
use marsad_text::numbers::find_numbers;
use marsad_text::token::tokenize;
use marsad_text::{TokenKind, analyze};

const CAP: usize = 8 << 20;

/// CPU time consumed so far by this thread, from the scheduler's own accounting.
fn thread_cpu() -> Option<Duration> {
    let s = fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Run `f` `iters` times and return the CPU time it took (wall time when CPU time is unavailable).
fn timed(iters: u64, mut f: impl FnMut()) -> Duration {
    static CPU: OnceLock<bool> = OnceLock::new();
    let cpu = *CPU.get_or_init(|| {
        let ok = thread_cpu().is_some();
        if !ok {
            eprintln!("NOTE: /proc/thread-self/schedstat unreadable; timing wall clock instead");
        }
        ok
    });
    if cpu {
        let t0 = thread_cpu().unwrap_or_default();
        for _ in 0..iters {
            f();
        }
        thread_cpu().unwrap_or_default().saturating_sub(t0)
    } else {
        let t0 = Instant::now();
        for _ in 0..iters {
            f();
        }
        t0.elapsed()
    }
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The benchmark corpus, its articles and a label saying where it came from.
fn corpus() -> (String, Vec<String>, String) {
    let zips = manifest().join("../../../shared/data/saudinewsnet/zips");
    let mut names: Vec<PathBuf> = fs::read_dir(&zips)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.retain(|p| p.extension().is_some_and(|e| e == "zip"));
    names.sort();
    let mut text = String::new();
    let mut articles = Vec::new();
    for p in &names {
        let Ok(f) = fs::File::open(p) else { continue };
        let Ok(mut z) = zip::ZipArchive::new(f) else {
            continue;
        };
        for i in 0..z.len() {
            let mut json = String::new();
            let Ok(mut entry) = z.by_index(i) else {
                continue;
            };
            if entry.read_to_string(&mut json).is_err() {
                continue;
            }
            let Ok(serde_json::Value::Array(arts)) = serde_json::from_str(&json) else {
                continue;
            };
            for a in arts {
                if let Some(c) = a.get("content").and_then(|c| c.as_str()) {
                    text.push_str(c);
                    text.push_str("\n\n");
                    articles.push(c.to_string());
                }
                if text.len() >= CAP {
                    return (
                        text,
                        articles,
                        format!("saudinewsnet {} (capped at 8 MB)", p.display()),
                    );
                }
            }
        }
    }
    if !text.is_empty() {
        return (text, articles, "saudinewsnet zips".into());
    }
    eprintln!(
        "SKIP saudinewsnet corpus: {} not found; falling back to samples/*.txt",
        zips.display()
    );
    let mut text = String::new();
    if let Ok(d) = fs::read_dir(manifest().join("../../samples")) {
        let mut ps: Vec<PathBuf> = d.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        ps.sort();
        for p in ps
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            text.push_str(&fs::read_to_string(p).unwrap_or_default());
            text.push('\n');
        }
    }
    // repeat the small sample so a pass takes measurable time
    let base = text.clone();
    while !base.is_empty() && text.len() < (1 << 20) {
        text.push_str(&base);
    }
    let articles = text.split("\n\n").map(str::to_string).collect();
    (text, articles, "samples/*.txt repeated to 1 MB".into())
}

fn benches(c: &mut Criterion) {
    let (text, articles, label) = corpus();
    eprintln!(
        "corpus: {label}: {} bytes, {} chars",
        text.len(),
        text.chars().count()
    );

    let mut g = c.benchmark_group("normalize");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("baseline_chars_count", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                black_box(black_box(&text).chars().count());
            })
        })
    });
    g.bench_function("match_form", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                black_box(match_form(black_box(&text)));
            })
        })
    });
    g.bench_function("matched_with_map", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                black_box(matched(black_box(&text)));
            })
        })
    });
    g.bench_function("display_with_map", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                black_box(display(black_box(&text)));
            })
        })
    });
    g.finish();

    // word types in text order (with repeats): the segmenter's real workload
    let words: Vec<(String, Spelling)> = tokenize(&text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Arabic)
        .map(|t| (t.norm, Spelling::of(&text[t.byte_start..t.byte_end])))
        .collect();
    eprintln!("words for segmentation: {}", words.len());
    let mut g = c.benchmark_group("clitics");
    g.sample_size(10);
    g.throughput(Throughput::Elements(words.len() as u64));
    g.bench_function("baseline_chars_count", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                black_box(
                    words
                        .iter()
                        .map(|(w, _)| black_box(w).chars().count())
                        .sum::<usize>(),
                );
            })
        })
    });
    g.bench_function("split_with", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                black_box(
                    words
                        .iter()
                        .map(|(w, s)| split_with(black_box(w), *s).stem.len())
                        .sum::<usize>(),
                );
            })
        })
    });
    g.finish();

    let mut g = c.benchmark_group("analyze");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("baseline_chars_count", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                black_box(black_box(&text).chars().count());
            })
        })
    });
    g.bench_function("analyze", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                black_box(analyze(black_box(&text)).tokens.len());
            })
        })
    });
    g.finish();

    // What the pipeline runs per article: the analysis, then numbers and dates on it.
    let doc = NaiveDate::from_ymd_opt(2015, 7, 21);
    eprintln!("articles: {}", articles.len());
    let mut g = c.benchmark_group("text_layer");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("baseline_chars_count", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                black_box(black_box(&text).chars().count());
            })
        })
    });
    g.bench_function("per_article", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                for art in &articles {
                    let a = analyze(black_box(art));
                    black_box(find_numbers(&a).len());
                    black_box(find_dates(&a, doc).len());
                }
            })
        })
    });
    g.finish();
}

criterion_group!(text_benches, benches);
criterion_main!(text_benches);
