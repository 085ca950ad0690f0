//! HTML (placeholder while being written).
use std::sync::Arc;
use crate::{Error, Options, RawDoc};
/// Decode.
pub fn decode_html(bytes: &[u8], _c: Option<&str>) -> String { String::from_utf8_lossy(bytes).into_owned() }
/// Doc.
pub fn html_to_doc(_h: &str, _u: Option<&str>, source: &str) -> Result<RawDoc, Error> { Err(Error::invalid(source, "html todo")) }
pub(crate) fn html_doc(name: &str, _b: &[u8], _c: Option<&str>, _u: Option<&str>, _d: Option<chrono::NaiveDate>, _o: &Arc<Options>) -> Result<RawDoc, Error> { Err(Error::invalid(name, "html todo")) }
