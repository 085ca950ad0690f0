//! `marsad eval events`: run the pipeline on every gold document and print the event scores.
//! The matching and scoring rules live in `events::eval`; this file only reads and prints.

use std::path::PathBuf;
use std::process::ExitCode;

use events::eval::{Articles, GoldFile, Prediction, score};

use crate::CmdResult;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Gold file in the format of seeds.gold.json.
    #[arg(long)]
    gold: PathBuf,
    /// Directory holding the gold documents' `file`s, or a JSONL corpus for documents given by
    /// `line` (1-based) with `start`/`end` character offsets into its `content`.
    #[arg(long)]
    articles: PathBuf,
    /// Print only the summary, not the per-document matches.
    #[arg(long)]
    quiet: bool,
}

pub fn eval(a: EvalArgs) -> CmdResult {
    let gold = GoldFile::read(&a.gold)?;
    let articles = Articles::open(&a.articles)?;
    let pipeline = pipeline::Pipeline::bundled()?;
    let mut preds = Vec::with_capacity(gold.docs.len());
    for d in &gold.docs {
        let text = articles.text(d)?;
        let x = pipeline.extract(pipeline::Input {
            source: d.file.clone().unwrap_or_default(),
            title: None,
            date: d.doc_date,
            text,
        });
        preds.push(Prediction {
            text: x.document.text,
            events: x.events,
            entities: x.entities,
        });
    }
    let mut report = score(&gold, &preds);
    if a.quiet {
        report.details.clear();
    }
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}
