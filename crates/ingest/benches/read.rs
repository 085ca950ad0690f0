//! Reader throughput on the SaudiNewsNet zips (18 zips, one JSON array each, ≈31k articles):
//! `read_inputs` (unzip + JSON scan + field mapping + text cleaning) against the baseline of
//! only decompressing the same zips, in the same run. Skips with a message when the corpus is
//! absent. A second group reads a synthetic WARC of HTML pages (built from the test fixture)
//! against the baseline of only parsing the same pages with html5ever (`scraper`).
//! Run: `cargo bench -p marsad-ingest --bench read`.

use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_ingest::{Options, read_inputs};

fn zips_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/saudinewsnet/zips")
}

fn zip_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(zips_dir())
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "zip"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Baseline: decompress every entry of every zip, discarding the bytes.
fn raw_unzip(files: &[PathBuf]) -> u64 {
    let mut total = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    for f in files {
        let Ok(file) = std::fs::File::open(f) else {
            continue;
        };
        let Ok(mut z) = zip::ZipArchive::new(file) else {
            continue;
        };
        for i in 0..z.len() {
            let Ok(mut e) = z.by_index(i) else { continue };
            while let Ok(n) = e.read(&mut buf) {
                if n == 0 {
                    break;
                }
                total += n as u64;
            }
        }
    }
    total
}

/// The reader: documents and errors.
fn read_all(dir: &str) -> (u64, u64) {
    let mut docs = 0;
    let mut errs = 0;
    for item in read_inputs(&[dir.to_string()], &Options::default()) {
        match item {
            Ok(d) => {
                docs += 1;
                std::hint::black_box(d);
            }
            Err(_) => errs += 1,
        }
    }
    (docs, errs)
}

fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = s
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench(c: &mut Criterion) {
    let files = zip_files();
    if files.is_empty() {
        eprintln!(
            "skipping the ingest read benchmark: no SaudiNewsNet zips at {}",
            zips_dir().display()
        );
        return;
    }
    let dir = zips_dir().display().to_string();
    let bytes = raw_unzip(&files);
    let (docs, errs) = read_all(&dir);
    let rss_after_read = peak_rss_mb();

    // Summary figures first (median of 3 runs each, interleaved), then criterion's own.
    let mut base = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        std::hint::black_box(raw_unzip(&files));
        base.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(read_all(&dir));
        ours.push(t.elapsed());
    }
    let (b, o) = (median(base).as_secs_f64(), median(ours).as_secs_f64());
    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!(
        "saudinewsnet: {} zips, {mb:.1} MB uncompressed, {docs} documents, {errs} record errors",
        files.len()
    );
    println!("  raw unzip   : {b:.3} s  {:.1} MB/s", mb / b);
    println!(
        "  read_inputs : {o:.3} s  {:.1} MB/s  {:.0} articles/s  ({:.2}x the unzip time)",
        mb / o,
        docs as f64 / o,
        o / b
    );
    if let Some(rss) = rss_after_read {
        println!("  peak RSS after one full read: {rss:.0} MB");
    }

    let mut g = c.benchmark_group("saudinewsnet");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("raw_unzip", |bch| bch.iter(|| raw_unzip(&files)));
    g.bench_function("read_inputs", |bch| bch.iter(|| read_all(&dir)));
    g.finish();
}

/// 200 response records made from the fixture page, each with a different paragraph.
fn synthetic_warc() -> (Vec<u8>, Vec<String>) {
    let page = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/page.html"),
    )
    .unwrap_or_default();
    let mut warc = Vec::new();
    let mut pages = Vec::new();
    for i in 0..200 {
        let html = page.replace(
            "<p>وأعلن تنظيم",
            &format!("<p>وأضاف المصدر أن عدد الجرحى بلغ {i} شخصا.</p><p>وأعلن تنظيم"),
        );
        let block =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        warc.extend_from_slice(
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{i}\r\nWARC-Date: 2015-08-08T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
                block.len()
            )
            .as_bytes(),
        );
        pages.push(html);
    }
    (warc, pages)
}

fn bench_html(c: &mut Criterion) {
    let (warc, pages) = synthetic_warc();
    let read = |w: &Vec<u8>| {
        marsad_ingest::read_stream(
            "bench.warc",
            Box::new(std::io::Cursor::new(w.clone())),
            &Options::default(),
        )
        .filter(|d| d.is_ok())
        .count()
    };
    let parse = |p: &Vec<String>| {
        p.iter()
            .map(|h| scraper::Html::parse_document(h).tree.nodes().count())
            .sum::<usize>()
    };
    let n = read(&warc);
    let mut base = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        std::hint::black_box(parse(&pages));
        base.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(read(&warc));
        ours.push(t.elapsed());
    }
    let (b, o) = (median(base).as_secs_f64(), median(ours).as_secs_f64());
    println!(
        "warc/html: {n} of {} pages read; html5ever parse only {:.0} pages/s; WARC reader {:.0} pages/s ({:.2}x the parse time)",
        pages.len(),
        pages.len() as f64 / b,
        n as f64 / o,
        o / b
    );
    let mut g = c.benchmark_group("warc_html");
    g.sample_size(10);
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function("html5ever_parse_only", |bch| bch.iter(|| parse(&pages)));
    g.bench_function("warc_read_inputs", |bch| bch.iter(|| read(&warc)));
    g.finish();
}

criterion_group!(benches, bench, bench_html);
criterion_main!(benches);
