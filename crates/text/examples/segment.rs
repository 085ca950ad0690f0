//! Reads one word per line on stdin and prints `word<TAB>segments` (`و+ب+ال+مدينه`), the
//! clitic segmentation of [`marsad_text::clitics::segment_display`]. Used by bench/farasa/compare.py.
//!
//! `cargo run --release -p marsad-text --example segment < words.txt`

use std::io::{self, BufRead, BufWriter, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let w = line.trim();
        if w.is_empty() {
            continue;
        }
        writeln!(out, "{w}\t{}", marsad_text::clitics::segment_display(w))?;
    }
    out.flush()
}
