//! `marsad train ner` and `marsad eval ner`.

use crate::CmdResult;

#[derive(clap::Args)]
pub struct TrainArgs {}

#[derive(clap::Args)]
pub struct EvalArgs {}

pub fn train(_a: TrainArgs) -> CmdResult {
    anyhow::bail!("train ner: not built yet")
}

pub fn eval(_a: EvalArgs) -> CmdResult {
    anyhow::bail!("eval ner: not built yet")
}
