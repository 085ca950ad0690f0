//! Feeds (placeholder while being written).
use std::sync::Arc;
use crate::{Error, Options};
use crate::source::{DocIter, once};
pub(crate) fn feed_docs(name: &str, _b: &[u8], _o: &Arc<Options>) -> DocIter { once(Err(Error::invalid(name, "feed todo"))) }
