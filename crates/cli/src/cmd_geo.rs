//! `marsad geocode` and `marsad gazetteer build`.

use crate::CmdResult;

#[derive(clap::Args)]
pub struct GeocodeArgs {}

#[derive(clap::Subcommand)]
pub enum GazetteerCommand {
    /// Rebuild the shipped gazetteer from source data.
    Build {},
}

pub fn geocode(_a: GeocodeArgs) -> CmdResult {
    anyhow::bail!("geocode: not built yet")
}

pub fn gazetteer(_c: GazetteerCommand) -> CmdResult {
    anyhow::bail!("gazetteer: not built yet")
}
