//! `marsad extract`: the JSON contract for one or many documents, without a database.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::ValueEnum;

use crate::CmdResult;
use crate::input::{parse_date, read_text};

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Table,
}

#[derive(clap::Args)]
pub struct Args {
    /// Publication date that relative dates resolve against (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Output format: one JSON object (one file), JSON lines, or a readable table.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Articles (paths, or - for standard input).
    #[arg(required = true)]
    files: Vec<String>,
}

pub fn run(args: Args) -> CmdResult {
    if matches!(args.format, Format::Json) && args.files.len() > 1 {
        anyhow::bail!("--format json prints one document; use --format jsonl for several files");
    }
    let pipeline = pipeline::Pipeline::bundled()?;
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for f in &args.files {
        let (source, body) = match read_text(f) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("marsad: {e:#}");
                failed = true;
                continue;
            }
        };
        let x = pipeline.extract(pipeline::Input {
            source,
            title: None,
            date: args.date,
            text: body,
        });
        match args.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut w, &x)?;
                writeln!(w)?;
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut w, &x)?;
                writeln!(w)?;
            }
            Format::Table => {
                writeln!(w, "# {} ({})", x.document.source, x.document.id)?;
                for e in &x.entities {
                    writeln!(
                        w,
                        "entity\t{}\t{:?}\t{}\t{} mentions",
                        e.id,
                        e.kind,
                        e.name,
                        e.mentions.len()
                    )?;
                }
                for r in &x.relations {
                    writeln!(w, "relation\t{}\t{}\t{}", r.subject, r.relation, r.object)?;
                }
                for ev in &x.events {
                    writeln!(
                        w,
                        "event\t{}\t{:?}/{}\t{}\t{}\tkilled={}",
                        ev.id,
                        ev.kind,
                        ev.subtype.as_deref().unwrap_or("-"),
                        ev.date
                            .as_ref()
                            .map(|d| d.start.to_string())
                            .unwrap_or_default(),
                        ev.location.as_ref().map(|l| l.name.as_str()).unwrap_or(""),
                        ev.killed.map(|k| k.value.to_string()).unwrap_or_default()
                    )?;
                }
            }
        }
    }
    w.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
