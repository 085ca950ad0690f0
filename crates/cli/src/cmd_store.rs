//! Commands on the store: `ingest`, `events`, `incidents`, `entity`, `stats`.

use crate::CmdResult;

#[derive(clap::Subcommand)]
pub enum StoreCommand {
    /// Read articles and store what they report.
    Ingest {},
}

pub fn run(_c: StoreCommand) -> CmdResult {
    anyhow::bail!("store: not built yet")
}
