//! Zip archives: each entry is read whole (up to `Options::max_entry_bytes`) and handed to the
//! reader of its format, so a zip of JSON arrays (the SaudiNewsNet layout), JSONL, text or
//! HTML files, or nested zips, streams one entry at a time.
//!
//! A corrupt entry is reported and the next entry is read; an archive whose directory cannot
//! be read is reported once. It does not decrypt entries or follow symlinks inside archives.

use std::io::{Cursor, Read, Seek};
use std::sync::Arc;

use zip::ZipArchive;

use crate::sniff::Format;
use crate::source::{DocIter, once, open_stream};
use crate::util::{human, read_all_capped};
use crate::{Error, Options, RawDoc};

/// Something a zip can be read from.
pub(crate) trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

/// The documents of every entry of a zip archive, in archive order.
pub(crate) fn zip_docs(
    name: String,
    reader: Box<dyn ReadSeek>,
    opts: &Arc<Options>,
    depth: u8,
) -> DocIter {
    match ZipArchive::new(reader) {
        Ok(archive) => Box::new(ZipIter {
            name,
            archive,
            next: 0,
            current: None,
            opts: opts.clone(),
            depth,
        }),
        Err(e) => once(Err(Error::invalid(
            name,
            format!("broken zip archive: {e}"),
        ))),
    }
}

struct ZipIter {
    name: String,
    archive: ZipArchive<Box<dyn ReadSeek>>,
    next: usize,
    current: Option<DocIter>,
    opts: Arc<Options>,
    depth: u8,
}

impl Iterator for ZipIter {
    type Item = Result<RawDoc, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                if let Some(item) = cur.next() {
                    return Some(item);
                }
                self.current = None;
            }
            if self.next >= self.archive.len() {
                return None;
            }
            let index = self.next;
            self.next += 1;
            let mut entry = match self.archive.by_index(index) {
                Ok(e) => e,
                Err(e) => {
                    return Some(Err(Error::invalid(
                        format!("{}!#{}", self.name, index + 1),
                        format!("unreadable zip entry: {e}"),
                    )));
                }
            };
            let entry_name = entry.name().to_string();
            if entry.is_dir() || skip_entry(&entry_name) {
                continue;
            }
            let loc = format!("{}!{}", self.name, entry_name);
            if entry.size() > self.opts.max_entry_bytes {
                return Some(Err(Error::invalid(
                    loc,
                    format!(
                        "entry of {} is over the {} limit",
                        human(entry.size()),
                        human(self.opts.max_entry_bytes)
                    ),
                )));
            }
            let bytes = match read_all_capped(&mut entry, self.opts.max_entry_bytes) {
                Ok(Some(b)) => b,
                Ok(None) => {
                    return Some(Err(Error::invalid(loc, "entry is over the size limit")));
                }
                Err(e) => {
                    return Some(Err(Error::invalid(loc, format!("corrupt zip entry: {e}"))));
                }
            };
            drop(entry);
            let hint = Format::from_name(&entry_name);
            self.current = Some(open_stream(
                loc,
                Box::new(Cursor::new(bytes)),
                hint,
                &self.opts,
                self.depth + 1,
            ));
        }
    }
}

/// Archive clutter that is never an article: macOS resource forks and hidden files.
fn skip_entry(name: &str) -> bool {
    name.starts_with("__MACOSX/")
        || name
            .rsplit('/')
            .next()
            .is_some_and(|base| base.starts_with('.'))
}
