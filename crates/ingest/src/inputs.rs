//! The [`Inputs`] iterator: paths and `-` (stdin) in, documents out, one input at a time.
//!
//! Directories are walked recursively in sorted (byte-wise name) order, so two runs over the
//! same tree yield the same sequence; hidden entries (names starting with `.`) are skipped and
//! symlink loops are visited once. It does not read several files at once: callers parallelise
//! the extraction, not the reading.

use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;

use crate::source::{DocIter, open_file, open_stream};
use crate::{Error, Options, RawDoc};

/// A streaming iterator over the documents of many inputs. Errors name their input and the
/// iteration continues after them.
pub struct Inputs {
    opts: Arc<Options>,
    pending: VecDeque<Pending>,
    current: Option<DocIter>,
    seen_dirs: HashSet<PathBuf>,
}

enum Pending {
    Stdin,
    /// A path, and whether the user named it (true) or a directory walk found it.
    Path(PathBuf, bool),
}

/// Read files, directories (recursively) and `-` (standard input, format sniffed).
pub fn read_inputs(paths: &[String], opts: &Options) -> Inputs {
    Inputs {
        opts: Arc::new(opts.clone()),
        pending: paths
            .iter()
            .map(|p| {
                if p == "-" {
                    Pending::Stdin
                } else {
                    Pending::Path(PathBuf::from(p), true)
                }
            })
            .collect(),
        current: None,
        seen_dirs: HashSet::new(),
    }
}

/// The cleaned texts of the first articles under `paths`, in reading order, stopping once
/// `max_bytes` have been collected; inputs that fail to read are skipped. For benchmarks that need
/// a fixed slice of a corpus.
pub fn texts_up_to(paths: &[String], max_bytes: usize) -> Vec<String> {
    let mut total = 0;
    read_inputs(paths, &Options::default())
        .filter_map(Result::ok)
        .map(|d| d.text)
        .take_while(|t| {
            let more = total < max_bytes;
            total += t.len();
            more
        })
        .collect()
}

/// Read one already-open stream (a pipe, a socket, an in-memory buffer): the format is sniffed
/// from its first bytes, as for `-`. `name` is used in sources and errors.
pub fn read_stream(name: &str, reader: Box<dyn std::io::Read + Send>, opts: &Options) -> Inputs {
    let opts = Arc::new(opts.clone());
    Inputs {
        current: Some(open_stream(name.to_string(), reader, None, &opts, 0)),
        opts,
        pending: VecDeque::new(),
        seen_dirs: HashSet::new(),
    }
}

impl Inputs {
    /// List a directory's entries and queue them (in sorted order) before the other pending
    /// inputs. Returns an error when the directory cannot be listed.
    fn expand_dir(&mut self, dir: PathBuf) -> Option<Error> {
        let canonical = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
        if !self.seen_dirs.insert(canonical) {
            return None;
        }
        let rd = match std::fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) => return Some(Error::io(dir.display().to_string(), e)),
        };
        let mut names = Vec::new();
        let mut first_err = None;
        for entry in rd {
            match entry {
                Ok(e) => {
                    let name = e.file_name();
                    if name.as_encoded_bytes().first() != Some(&b'.') {
                        names.push(name);
                    }
                }
                Err(e) => {
                    first_err.get_or_insert(Error::io(dir.display().to_string(), e));
                }
            }
        }
        names.sort_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
        for name in names.into_iter().rev() {
            self.pending
                .push_front(Pending::Path(dir.join(name), false));
        }
        first_err
    }
}

impl Iterator for Inputs {
    type Item = Result<RawDoc, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                if let Some(item) = cur.next() {
                    return Some(item);
                }
                self.current = None;
            }
            match self.pending.pop_front()? {
                Pending::Stdin => {
                    self.current = Some(open_stream(
                        "<stdin>".to_string(),
                        Box::new(std::io::stdin()),
                        None,
                        &self.opts,
                        0,
                    ));
                }
                Pending::Path(path, named) => {
                    let meta = match std::fs::metadata(&path) {
                        Ok(m) => m,
                        Err(e) => return Some(Err(Error::io(path.display().to_string(), e))),
                    };
                    if meta.is_dir() {
                        if let Some(e) = self.expand_dir(path) {
                            return Some(Err(e));
                        }
                    } else if meta.is_file() || named {
                        self.current = Some(open_file(&path, &self.opts));
                    }
                    // Sockets, FIFOs and devices found while walking are not articles.
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_is_send() {
        fn assert_send<T: Send>() {}
        assert_send::<Inputs>();
    }
}
