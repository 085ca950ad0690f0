//! `marsad train ner` and `marsad eval ner`: train the named-entity tagger on a CoNLL-style
//! IOB2 file and score a model (conlleval exact-span P/R/F1 per type and micro-averaged).

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use ner::tagger::{self, Tagger, TrainOptions};

use crate::CmdResult;

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Training data: `word LABEL` per line (IOB2), blank line between sentences.
    #[arg(long)]
    train: String,
    /// Where to write the model (the shipped one is crates/ner/model/ner.bin).
    #[arg(long)]
    out: String,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// Seed of the sentence shuffle (training is deterministic for a given seed).
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    seed: u64,
    /// Also score the new model on this gold file after training.
    #[arg(long)]
    eval: Option<String>,
}

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Gold data: `word LABEL` per line (IOB2), blank line between sentences.
    #[arg(long)]
    gold: String,
    /// Model file to score (default: the model shipped in the binary).
    #[arg(long)]
    model: Option<String>,
    /// Tag every sentence on its own instead of in blocks of consecutive sentences (no
    /// document-level evidence).
    #[arg(long, conflicts_with = "raw")]
    per_sentence: bool,
    /// Score the raw-text path instead: join the gold words into plain text, run the text
    /// layer's tokeniser and the tagger, and map spans back to gold words by char offsets.
    #[arg(long)]
    raw: bool,
}

fn read_corpus(path: &str) -> anyhow::Result<Vec<Vec<(String, String)>>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let s = tagger::eval::read_conll(&text);
    anyhow::ensure!(!s.is_empty(), "{path}: no sentences");
    Ok(s)
}

pub fn train(a: TrainArgs) -> CmdResult {
    let data = read_corpus(&a.train)?;
    let opts = TrainOptions {
        epochs: a.epochs,
        seed: a.seed,
        verbose: true,
        ..TrainOptions::default()
    };
    let t0 = Instant::now();
    let model = tagger::train(&data, &opts);
    let secs = t0.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out))?;
    let mut err = io::stderr();
    writeln!(
        err,
        "trained on {} sentences in {:.1}s: {} feature rows, {} bytes → {}",
        data.len(),
        secs,
        model.n_features(),
        bytes.len(),
        a.out
    )?;
    if let Some(gold) = a.eval {
        let g = read_corpus(&gold)?;
        let rep = tagger::evaluate(&g, &model);
        write!(io::stdout(), "{rep}")?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn eval(a: EvalArgs) -> CmdResult {
    let gold = read_corpus(&a.gold)?;
    let t0 = Instant::now();
    let model = match &a.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {p}"))?;
            Tagger::load(&bytes)?
        }
        None => Tagger::bundled()?,
    };
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let t1 = Instant::now();
    let rep = if a.per_sentence {
        tagger::evaluate_sentences(&gold, &model)
    } else if a.raw {
        tagger::evaluate_raw(&gold, &model)
    } else {
        tagger::evaluate(&gold, &model)
    };
    let secs = t1.elapsed().as_secs_f64();
    let mut out = io::stdout();
    writeln!(
        out,
        "model {} ({} feature rows, loaded in {:.1} ms); tagged in {:.2}s",
        a.model.as_deref().unwrap_or("bundled"),
        model.n_features(),
        load_ms,
        secs
    )?;
    write!(out, "{rep}")?;
    Ok(ExitCode::SUCCESS)
}
