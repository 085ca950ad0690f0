//! `marsad analyze`: what the text layer sees.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;

use crate::CmdResult;
use crate::input::{parse_date, read_text};

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Table,
}

#[derive(clap::Args)]
pub struct Args {
    /// Publication date that relative dates resolve against (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// The article (a path, or - for standard input).
    file: String,
}

#[derive(Serialize)]
struct Out<'a> {
    source: &'a str,
    sentences: Vec<SentenceOut<'a>>,
    numbers: Vec<text::numbers::NumberMention>,
    dates: Vec<text::dates::DateMention>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    tokens: Vec<TokenOut<'a>>,
}

#[derive(Serialize)]
struct TokenOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: text::TokenKind,
    norm: &'a str,
    segments: Vec<&'a str>,
}

pub fn run(args: Args) -> CmdResult {
    let (source, body) = read_text(&args.file)?;
    let a = text::analyze(&body);
    let numbers = text::numbers::find_numbers(&a);
    let dates = text::dates::find_dates(&a, args.date);
    let sentences = a
        .sentences
        .iter()
        .map(|s| SentenceOut {
            text: a.slice(s.byte_start, s.byte_end),
            start: s.start,
            end: s.end,
            tokens: s
                .tokens
                .clone()
                .map(|i| {
                    let t = &a.tokens[i];
                    let segments = [t.prefix.as_str(), t.stem.as_str(), t.suffix.as_str()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect();
                    TokenOut {
                        text: a.token_text(i),
                        start: t.start,
                        end: t.end,
                        kind: t.kind,
                        norm: &t.norm,
                        segments,
                    }
                })
                .collect(),
        })
        .collect();
    let out = Out {
        source: &source,
        sentences,
        numbers,
        dates,
    };
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &out)?;
            writeln!(w)?;
        }
        Format::Table => {
            for (n, s) in out.sentences.iter().enumerate() {
                writeln!(w, "# sentence {} [{}..{})", n + 1, s.start, s.end)?;
                for t in &s.tokens {
                    writeln!(
                        w,
                        "{}\t{}..{}\t{:?}\t{}\t{}",
                        t.text,
                        t.start,
                        t.end,
                        t.kind,
                        t.norm,
                        t.segments.join("+")
                    )?;
                }
            }
            for m in &out.numbers {
                writeln!(
                    w,
                    "number\t{}..{}\t{}\t{:?}\t{}..{}",
                    m.start, m.end, m.count.value, m.count.qualifier, m.count.min, m.count.max
                )?;
            }
            for d in &out.dates {
                writeln!(
                    w,
                    "date\t{}..{}\t{}\t{}\t{:?}",
                    d.start, d.end, d.value.start, d.value.end, d.value.precision
                )?;
            }
        }
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}
