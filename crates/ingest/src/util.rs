//! Small I/O helpers with size caps, so that one runaway input cannot exhaust memory.
//!
//! It does not interpret any format.

use std::io::{self, BufRead, Read};

/// What [`read_line_capped`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of input: nothing was read.
    Eof,
    /// A line (without its `\n`) is in the buffer.
    Full,
    /// The line was longer than the cap; it was consumed but not kept. Holds its length.
    TooLong(u64),
}

/// Read one `\n`-terminated line into `buf` (cleared first), keeping at most `cap` bytes.
/// A longer line is skipped to its end without being buffered.
pub(crate) fn read_line_capped(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: u64,
) -> io::Result<Line> {
    buf.clear();
    let mut len: u64 = 0;
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        len += take as u64;
        if !too_long {
            if len > cap {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        let consumed = if done { take + 1 } else { take };
        r.consume(consumed);
        if done {
            break;
        }
    }
    if !any {
        return Ok(Line::Eof);
    }
    if too_long {
        return Ok(Line::TooLong(len));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Full)
}

/// Read everything, failing with `None` inside the `Ok` when there is more than `cap` bytes.
pub(crate) fn read_all_capped(r: &mut dyn Read, cap: u64) -> io::Result<Option<Vec<u8>>> {
    let mut v = Vec::new();
    r.take(cap.saturating_add(1)).read_to_end(&mut v)?;
    if v.len() as u64 > cap {
        return Ok(None);
    }
    Ok(Some(v))
}

/// Read up to `n` bytes (fewer only at end of input or on an error). An error after some
/// bytes were read is returned with them, so that a caller can still use the bytes and report
/// the error where it happened (a truncated gzip stream shorter than the prefix).
pub(crate) fn read_prefix(r: &mut dyn Read, n: usize) -> (Vec<u8>, Option<io::Error>) {
    let mut v = Vec::with_capacity(n);
    let err = r.take(n as u64).read_to_end(&mut v).err();
    (v, err)
}

/// A reader that fails once with a stored error, then reports end of input.
pub(crate) struct FailReader(pub(crate) Option<io::Error>);

impl Read for FailReader {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// A human size for error messages.
pub(crate) fn human(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_cap() {
        let data = b"short\r\nthis line is far too long\nlast";
        let mut r = io::BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        assert_eq!(
            read_line_capped(&mut r, &mut buf, 10).ok(),
            Some(Line::Full)
        );
        assert_eq!(buf, b"short");
        assert_eq!(
            read_line_capped(&mut r, &mut buf, 10).ok(),
            Some(Line::TooLong(25))
        );
        assert_eq!(
            read_line_capped(&mut r, &mut buf, 10).ok(),
            Some(Line::Full)
        );
        assert_eq!(buf, b"last");
        assert_eq!(read_line_capped(&mut r, &mut buf, 10).ok(), Some(Line::Eof));
    }

    #[test]
    fn read_all_respects_cap() {
        let data = [b'x'; 100];
        assert!(matches!(read_all_capped(&mut &data[..], 99), Ok(None)));
        assert_eq!(
            read_all_capped(&mut &data[..], 100)
                .ok()
                .flatten()
                .map(|v| v.len()),
            Some(100)
        );
    }
}
