//! The `marsad` command line: a thin layer that parses flags, reads inputs, calls the library
//! crates and prints. It holds no extraction logic of its own.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

mod cmd_analyze;
mod cmd_events;
mod cmd_extract;
mod cmd_geo;
mod cmd_ner;
mod cmd_store;
mod input;

// Extraction allocates many small strings and vectors per token on every worker thread; glibc's
// malloc/free were about a tenth of an ingest's CPU samples (perf), mimalloc's per-thread free
// lists cut that (BENCHMARKS.md, fifth session).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Arabic news → structured, linked, searchable events.
#[derive(Parser)]
#[command(name = "marsad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show what the text layer sees: sentences, tokens, numbers and dates.
    Analyze(cmd_analyze::Args),
    /// Extract entities, relations and events and print the JSON contract.
    Extract(cmd_extract::Args),
    /// Train a model.
    #[command(subcommand)]
    Train(Train),
    /// Evaluate against gold data.
    #[command(subcommand)]
    Eval(Eval),
    /// Resolve a place name to ranked candidates.
    Geocode(cmd_geo::GeocodeArgs),
    /// Build or inspect the gazetteer.
    #[command(subcommand)]
    Gazetteer(cmd_geo::GazetteerCommand),
    #[command(flatten)]
    Store(cmd_store::StoreCommand),
    /// Serve the HTTP JSON API and the dashboard over a store (until Ctrl-C).
    Serve {
        /// Database file.
        #[arg(long, default_value = "marsad.db")]
        db: std::path::PathBuf,
        /// Address to listen on (keep it local: there is no authentication).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
}

#[derive(Subcommand)]
enum Train {
    /// Train the named-entity tagger.
    Ner(cmd_ner::TrainArgs),
}

#[derive(Subcommand)]
enum Eval {
    /// Score the named-entity tagger (exact-span P/R/F1, conlleval rules).
    Ner(cmd_ner::EvalArgs),
    /// Score event extraction against a gold file.
    Events(cmd_events::EvalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(a) => cmd_analyze::run(a),
        Command::Extract(a) => cmd_extract::run(a),
        Command::Train(Train::Ner(a)) => cmd_ner::train(a),
        Command::Eval(Eval::Ner(a)) => cmd_ner::eval(a),
        Command::Eval(Eval::Events(a)) => cmd_events::eval(a),
        Command::Geocode(a) => cmd_geo::geocode(a),
        Command::Gazetteer(c) => cmd_geo::gazetteer(c),
        Command::Store(c) => cmd_store::run(c),
        Command::Serve { db, addr } => serve::run(db, addr, |at| {
            let _ = writeln!(
                io::stderr(),
                "marsad: serving on http://{at} (Ctrl-C stops)"
            );
        })
        .map(|()| ExitCode::SUCCESS)
        .map_err(Into::into),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(io::stderr(), "marsad: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// `marsad … | head` closes stdout early; that is not an error (ripgrep does the same).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Result type of every sub-command: an exit code, or an error printed by `main`.
pub(crate) type CmdResult = Result<ExitCode>;
