//! Commands on the store: `ingest`, `demo`, `events`, `incidents`, `entity`, `stats`, `search`.
//!
//! `ingest` is a three-stage pipeline with bounded queues, so memory stays flat whatever the
//! corpus size: a reader thread streams documents from `ingest::read_inputs` in chunks; the main
//! thread extracts each chunk in parallel on a rayon pool (order preserved); a writer thread
//! stores each chunk in one transaction. Because the order of documents is the input order, the
//! same input always yields the same database, and an interrupted run resumed with the same
//! command ends where an uninterrupted run would (stored documents are skipped before extraction).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::ValueEnum;
use rayon::prelude::*;
use store::export::{self, Format};
use store::{Article, BatchReport, Filter, SqliteStore, Store};

use crate::CmdResult;
use crate::input::parse_date;

/// The bundled sample articles, so `marsad demo` works from any directory.
const SAMPLES: &str = include_str!("../../../samples/articles.jsonl");

#[derive(clap::Subcommand)]
pub enum StoreCommand {
    /// Read articles (files, directories, zips, JSONL, HTML, WARC, feeds, - for stdin), extract
    /// and store what they report.
    Ingest(IngestArgs),
    /// Ingest the bundled sample articles and print the incidents and events found.
    Demo {
        /// Database file.
        #[arg(long, default_value = "marsad.db")]
        db: PathBuf,
    },
    /// List stored events (near-duplicate copies count once).
    Events(QueryArgs),
    /// List incidents: one row per real-world incident with its sources, ranges and disputes.
    Incidents(QueryArgs),
    /// What the store knows about an entity (name in any spelling, or a canonical id).
    Entity {
        /// Database file.
        #[arg(long, default_value = "marsad.db")]
        db: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Name or id.
        name: String,
    },
    /// Counts: documents, duplicates, entities, events by type, incidents.
    Stats {
        /// Database file.
        #[arg(long, default_value = "marsad.db")]
        db: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over stored articles, best first: words, "quoted phrases", -excluded
    /// words. Spelling variants and clitic forms match (بالموصل finds الموصل).
    Search {
        /// Database file.
        #[arg(long, default_value = "marsad.db")]
        db: PathBuf,
        /// At most this many documents.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON (with match offsets) instead of a table.
        #[arg(long)]
        json: bool,
        /// The query.
        query: String,
    },
}

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Database file (created when missing).
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Publication date for inputs that carry none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Extraction threads (default: all cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// Extract but store nothing (measures extraction alone).
    #[arg(long)]
    dry_run: bool,
    /// JSON/JSONL field(s) holding the article body, tried in order (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "content,text,body")]
    text_field: Vec<String>,
    /// JSON/JSONL field(s) holding the title.
    #[arg(long, value_delimiter = ',', default_value = "title,headline")]
    title_field: Vec<String>,
    /// JSON/JSONL field(s) holding the publication date.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "date,date_extracted,published,datePublished"
    )]
    date_field: Vec<String>,
    /// JSON/JSONL field(s) holding the article URL.
    #[arg(long, value_delimiter = ',', default_value = "url,link")]
    url_field: Vec<String>,
    /// JSON/JSONL field(s) holding a record id (used in source names).
    #[arg(long, value_delimiter = ',', default_value = "id")]
    id_field: Vec<String>,
    /// Files, directories, or - for standard input.
    #[arg(required = true)]
    paths: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutFormat {
    Table,
    Json,
    Csv,
    Geojson,
    Parquet,
}

#[derive(clap::Args)]
pub struct QueryArgs {
    /// Database file.
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Only from this day on (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Only up to this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// ISO country code (e.g. SY).
    #[arg(long)]
    country: Option<String>,
    /// Event type (attack, security_operation, arrest, ...).
    #[arg(long = "type")]
    kind: Option<String>,
    /// Perpetrator or target: entity id or name.
    #[arg(long)]
    actor: Option<String>,
    /// Killed at least this many.
    #[arg(long)]
    min_killed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: OutFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// At most this many rows.
    #[arg(long)]
    limit: Option<usize>,
    /// Also list events of near-duplicate copies (events only).
    #[arg(long)]
    with_duplicates: bool,
}

pub fn run(c: StoreCommand) -> CmdResult {
    match c {
        StoreCommand::Ingest(a) => {
            let opts = ingest::Options {
                default_date: a.date,
                fields: ingest::JsonFields {
                    title: a.title_field,
                    text: a.text_field,
                    date: a.date_field,
                    url: a.url_field,
                    id: a.id_field,
                },
                ..Default::default()
            };
            let inputs = ingest::read_inputs(&a.paths, &opts);
            let cfg = IngestConfig {
                db: a.db,
                jobs: a.jobs,
                batch: a.batch.max(1),
                dry_run: a.dry_run,
            };
            let summary = ingest_all(inputs, &cfg)?;
            summary.print(&cfg)?;
            Ok(if summary.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        StoreCommand::Demo { db } => demo(db),
        StoreCommand::Events(q) => events(q),
        StoreCommand::Incidents(q) => incidents(q),
        StoreCommand::Entity { db, json, name } => entity(&db, json, &name),
        StoreCommand::Stats { db, json } => stats(&db, json),
        StoreCommand::Search {
            db,
            limit,
            json,
            query,
        } => search(&db, limit, json, &query),
    }
}

struct IngestConfig {
    db: PathBuf,
    jobs: Option<usize>,
    batch: usize,
    dry_run: bool,
}

#[derive(Default)]
struct Summary {
    read: usize,
    failed: usize,
    already: usize,
    report: BatchReport,
    extracted_events: usize,
    bytes: usize,
    seconds: f64,
}

impl Summary {
    fn print(&self, cfg: &IngestConfig) -> Result<()> {
        let mut out = io::stdout().lock();
        let rate = self.read as f64 / self.seconds.max(1e-9);
        let mbs = self.bytes as f64 / 1e6 / self.seconds.max(1e-9);
        if cfg.dry_run {
            writeln!(
                out,
                "extracted {} documents, {} events in {:.1}s ({rate:.0} articles/s, {mbs:.2} MB/s); nothing stored (--dry-run); {} inputs failed",
                self.read, self.extracted_events, self.seconds, self.failed
            )?;
            return Ok(());
        }
        let r = &self.report;
        writeln!(
            out,
            "read {} documents in {:.1}s ({rate:.0} articles/s, {mbs:.2} MB/s): {} stored, {} already stored, \
             {} near-duplicates; {} events, {} new incidents, {} events merged into existing incidents; {} inputs failed; db {}",
            self.read,
            self.seconds,
            r.stored,
            r.skipped + self.already,
            r.duplicates,
            r.events,
            r.new_incidents,
            r.merged_events,
            self.failed,
            cfg.db.display()
        )?;
        Ok(())
    }
}

/// The ingest pipeline (see the module doc).
fn ingest_all(inputs: ingest::Inputs, cfg: &IngestConfig) -> Result<Summary> {
    let start = Instant::now();
    let pipeline = pipeline::Pipeline::bundled().context("loading the bundled models")?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.unwrap_or(0))
        .build()
        .context("starting the extraction threads")?;
    // A read-only view of the store to skip documents stored by an earlier (interrupted) run
    // before paying for their extraction. WAL lets it read while the writer writes.
    let mut store = if cfg.dry_run {
        None
    } else {
        Some(SqliteStore::open(&cfg.db).with_context(|| format!("opening {}", cfg.db.display()))?)
    };
    let lookup = if cfg.dry_run {
        None
    } else {
        Some(SqliteStore::open(&cfg.db)?)
    };

    let failed = AtomicUsize::new(0);
    let progress = if io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut summary = Summary::default();
    let batch = cfg.batch;

    std::thread::scope(|s| -> Result<()> {
        let (raw_tx, raw_rx) = sync_channel::<Vec<ingest::RawDoc>>(2);
        let (art_tx, art_rx) = sync_channel::<Vec<Article>>(2);
        let failed = &failed;
        let progress_r = progress.clone();
        // Stage 1: read.
        s.spawn(move || {
            let mut chunk = Vec::with_capacity(batch);
            for item in inputs {
                match item {
                    Ok(doc) => {
                        chunk.push(doc);
                        if chunk.len() >= batch {
                            if raw_tx.send(std::mem::take(&mut chunk)).is_err() {
                                return;
                            }
                            chunk.reserve(batch);
                        }
                    }
                    Err(e) => {
                        failed.fetch_add(1, Ordering::Relaxed);
                        progress_r.suspend(|| eprintln!("marsad: skipped {e}"));
                    }
                }
            }
            if !chunk.is_empty() {
                let _ = raw_tx.send(chunk);
            }
        });
        // Stage 3: store.
        let writer = s.spawn(move || -> Result<BatchReport> {
            let mut total = BatchReport::default();
            for arts in art_rx {
                if let Some(st) = store.as_mut() {
                    let r = st.write_batch(&arts).context("storing a batch")?;
                    total.add(&r);
                }
            }
            Ok(total)
        });
        // Stage 2: extract, in parallel, keeping input order.
        let mut send_failed = false;
        for chunk in raw_rx {
            summary.read += chunk.len();
            summary.bytes += chunk.iter().map(|d| d.text.len()).sum::<usize>();
            let todo: Vec<ingest::RawDoc> = match &lookup {
                Some(l) => {
                    let mut keep = Vec::with_capacity(chunk.len());
                    for d in chunk {
                        if l.contains(&pipeline::document_id(&d.text))? {
                            summary.already += 1;
                        } else {
                            keep.push(d);
                        }
                    }
                    keep
                }
                None => chunk,
            };
            let results: Vec<Result<Article, String>> = pool.install(|| {
                todo.into_par_iter()
                    .map(|d| {
                        let source = d.source.clone();
                        let url = d.url.clone();
                        let input = pipeline::Input {
                            source: d.source,
                            title: d.title,
                            date: d.date,
                            text: d.text,
                        };
                        // One article must not take the batch down: a panic in extraction is
                        // reported as a failed input.
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            pipeline.extract_with(input, store::index::terms_of)
                        }))
                        .map(|(extraction, terms)| Article::with_terms(extraction, url, terms))
                        .map_err(|_| format!("{source}: extraction failed (internal error)"))
                    })
                    .collect()
            });
            let mut arts = Vec::with_capacity(results.len());
            for r in results {
                match r {
                    Ok(a) => {
                        summary.extracted_events += a.extraction.events.len();
                        arts.push(a);
                    }
                    Err(msg) => {
                        failed.fetch_add(1, Ordering::Relaxed);
                        progress.suspend(|| eprintln!("marsad: skipped {msg}"));
                    }
                }
            }
            let secs = start.elapsed().as_secs_f64().max(1e-9);
            progress.set_message(format!(
                "{} articles ({:.0}/s), {} events found, {} failed",
                summary.read,
                summary.read as f64 / secs,
                summary.extracted_events,
                failed.load(Ordering::Relaxed)
            ));
            progress.tick();
            if art_tx.send(arts).is_err() {
                // The writer stopped on an error; its result says why.
                send_failed = true;
                break;
            }
        }
        drop(art_tx);
        let report = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer thread panicked"))??;
        if send_failed {
            bail!("the store writer stopped early");
        }
        summary.report = report;
        Ok(())
    })?;
    progress.finish_and_clear();
    summary.failed = failed.load(Ordering::Relaxed);
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}

fn open_existing(db: &Path) -> Result<SqliteStore> {
    if !db.exists() {
        bail!(
            "{}: no such database (run `marsad ingest --db {} FILES` first)",
            db.display(),
            db.display()
        );
    }
    SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))
}

fn filter(q: &QueryArgs) -> Filter {
    Filter {
        from: q.from,
        to: q.to,
        country: q.country.clone(),
        kind: q.kind.clone(),
        actor: q.actor.clone(),
        min_killed: q.min_killed,
        include_duplicates: q.with_duplicates,
        limit: q.limit,
    }
}

fn format_of(f: OutFormat) -> Format {
    match f {
        OutFormat::Table => Format::Table,
        OutFormat::Json => Format::Json,
        OutFormat::Csv => Format::Csv,
        OutFormat::Geojson => Format::Geojson,
        OutFormat::Parquet => Format::Parquet,
    }
}

/// Run `write` into `--out` or standard output.
fn emit(
    out: &Option<PathBuf>,
    write: impl FnOnce(&mut dyn Write) -> store::Result<usize>,
) -> Result<usize> {
    match out {
        Some(p) => {
            let f =
                std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?;
            let mut w = io::BufWriter::new(f);
            let n = write(&mut w)?;
            w.flush()?;
            Ok(n)
        }
        None => {
            let mut w = io::BufWriter::new(io::stdout().lock());
            let n = write(&mut w).map_err(|e| match e {
                store::Error::Io(io) => anyhow::Error::from(io),
                e => anyhow::Error::from(e),
            })?;
            w.flush()?;
            Ok(n)
        }
    }
}

fn events(q: QueryArgs) -> CmdResult {
    let st = open_existing(&q.db)?;
    let rows = st.events(&filter(&q))?;
    let omitted = emit(&q.out, |w| {
        export::write_events(w, format_of(q.format), &rows)
    })?;
    if omitted > 0 {
        eprintln!("marsad: {omitted} events without coordinates left out of the GeoJSON");
    }
    Ok(ExitCode::SUCCESS)
}

fn incidents(q: QueryArgs) -> CmdResult {
    let st = open_existing(&q.db)?;
    let rows = st.incidents(&filter(&q))?;
    let omitted = emit(&q.out, |w| {
        export::write_incidents(w, format_of(q.format), &rows)
    })?;
    if omitted > 0 {
        eprintln!("marsad: {omitted} incidents without coordinates left out of the GeoJSON");
    }
    Ok(ExitCode::SUCCESS)
}

fn entity(db: &Path, json: bool, name: &str) -> CmdResult {
    let st = open_existing(db)?;
    let mut rep = st.entity(name)?;
    // The knowledge base knows aliases the store may never have seen: look those ids up too.
    let kb = ner::Recognizer::bundled()
        .map(|r| r.lookup(name))
        .unwrap_or_default();
    for k in &kb {
        if !rep.entities.iter().any(|e| e.id == k.id) {
            rep.entities.extend(st.entity(&k.id)?.entities);
        }
    }
    let mut w = io::BufWriter::new(io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut w, &serde_json::json!({"store": rep, "kb": kb}))?;
        writeln!(w)?;
        w.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if rep.entities.is_empty() {
        writeln!(w, "no stored entity matches '{name}'")?;
    }
    for k in &kb {
        writeln!(
            w,
            "kb: {} [{:?}] {}{}{} — aliases: {}",
            k.id,
            k.kind,
            k.name,
            k.name_en
                .as_deref()
                .map(|n| format!(" / {n}"))
                .unwrap_or_default(),
            k.wikidata
                .as_deref()
                .map(|q| format!(" ({q})"))
                .unwrap_or_default(),
            k.aliases
                .iter()
                .take(8)
                .cloned()
                .collect::<Vec<_>>()
                .join("، ")
        )?;
        for l in k.relations.iter().take(10) {
            if l.incoming {
                writeln!(w, "    {} ({}) {} this", l.name, l.id, l.relation)?;
            } else {
                writeln!(w, "    {} {} ({})", l.relation, l.name, l.id)?;
            }
        }
    }
    for e in &rep.entities {
        writeln!(
            w,
            "{} [{}] {}{}{}",
            e.id,
            e.kind,
            e.name,
            e.name_en
                .as_deref()
                .map(|n| format!(" / {n}"))
                .unwrap_or_default(),
            e.wikidata
                .as_deref()
                .map(|q| format!(" ({q})"))
                .unwrap_or_default()
        )?;
        writeln!(w, "  {} mentions in {} documents", e.mentions, e.documents)?;
        if !e.forms.is_empty() {
            let forms: Vec<String> = e.forms.iter().map(|(f, n)| format!("{f} ×{n}")).collect();
            writeln!(w, "  written as: {}", forms.join(", "))?;
        }
        for r in &e.relations {
            writeln!(w, "  relation: {} {} {}", r.0, r.1, r.2)?;
        }
        writeln!(
            w,
            "  perpetrator of {} events, target of {}",
            e.as_perpetrator.len(),
            e.as_target.len()
        )?;
        for ev in e.as_perpetrator.iter().chain(&e.as_target).take(20) {
            writeln!(
                w,
                "    {} {} {} killed={} ({})",
                ev.date_start.as_deref().unwrap_or("?"),
                ev.kind,
                ev.place.as_deref().unwrap_or("-"),
                ev.killed
                    .as_ref()
                    .map_or("-".into(), |k| k.value.to_string()),
                ev.source
            )?;
        }
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn stats(db: &Path, json: bool) -> CmdResult {
    let st = open_existing(db)?;
    let s = st.stats()?;
    let mut w = io::BufWriter::new(io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut w, &s)?;
        writeln!(w)?;
    } else {
        writeln!(
            w,
            "documents\t{}\t({} near-duplicates)",
            s.documents, s.duplicates
        )?;
        writeln!(
            w,
            "entities\t{}\t({} mentions, {} relations)",
            s.entities, s.mentions, s.relations
        )?;
        writeln!(w, "events\t{}", s.events)?;
        for (t, n) in &s.events_by_type {
            writeln!(w, "  {t}\t{n}")?;
        }
        writeln!(
            w,
            "incidents\t{}\t({} with several sources, {} disputed)",
            s.incidents, s.multi_source_incidents, s.disputed_incidents
        )?;
        writeln!(w, "schema\tv{}", s.schema_version)?;
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn search(db: &Path, limit: usize, json: bool, query: &str) -> CmdResult {
    let st = open_existing(db)?;
    let hits = search::search(&st, query, limit)?;
    let mut w = io::BufWriter::new(io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut w, &hits)?;
        writeln!(w)?;
    } else {
        for h in &hits {
            writeln!(
                w,
                "{:.2}\t{}\t{}\t{}\t{}",
                h.score,
                h.date.as_deref().unwrap_or("-"),
                h.source,
                h.title.as_deref().unwrap_or("-"),
                h.snippet.replace('\n', " ")
            )?;
        }
    }
    w.flush()?;
    // Like grep: nothing found is exit code 1, so scripts can test for it.
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn demo(db: PathBuf) -> CmdResult {
    let opts = ingest::Options::default();
    let inputs = ingest::read_stream(
        "samples/articles.jsonl",
        Box::new(io::Cursor::new(SAMPLES.as_bytes())),
        &opts,
    );
    let cfg = IngestConfig {
        db: db.clone(),
        jobs: None,
        batch: 64,
        dry_run: false,
    };
    let summary = ingest_all(inputs, &cfg)?;
    summary.print(&cfg)?;
    let st = open_existing(&db)?;
    let incidents = st.incidents(&Filter::default())?;
    let mut w = io::BufWriter::new(io::stdout().lock());
    writeln!(w, "\n== incidents ({}) ==", incidents.len())?;
    export::write_incidents(&mut w, Format::Table, &incidents)?;
    let events = st.events(&Filter::default())?;
    writeln!(w, "\n== events ({}) ==", events.len())?;
    export::write_events(&mut w, Format::Table, &events)?;
    writeln!(
        w,
        "\nstored in {}; try: marsad incidents --db {} --format json",
        db.display(),
        db.display()
    )?;
    w.flush()?;
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
