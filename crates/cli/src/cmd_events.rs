//! `marsad eval events`.

use crate::CmdResult;

#[derive(clap::Args)]
pub struct EvalArgs {}

pub fn eval(_a: EvalArgs) -> CmdResult {
    anyhow::bail!("eval events: not built yet")
}
