//! WARC (placeholder while being written).
use std::io::BufRead;
use std::sync::Arc;
use crate::{Error, Options, RawDoc};
pub(crate) struct WarcIter { name: String, done: bool }
impl WarcIter { pub(crate) fn new(_r: Box<dyn BufRead + Send>, name: String, _o: Arc<Options>) -> Self { WarcIter { name, done: false } } }
impl Iterator for WarcIter { type Item = Result<RawDoc, Error>; fn next(&mut self) -> Option<Self::Item> { if self.done { return None; } self.done = true; Some(Err(Error::invalid(self.name.clone(), "warc todo"))) } }
