//! Reads one word per line on stdin and prints
//! `word<TAB>segments<TAB>proclitics<TAB>stem<TAB>enclitic`, e.g.
//! `وبالمدينة<TAB>و+ب+ال+مدينه<TAB>و+ب+ال<TAB>مدينه<TAB>` (match form, proclitics one by one). Used by
//! bench/farasa/compare.py.
//!
//! `cargo run --release -p marsad-text --example segment < words.txt`

use std::io::{self, BufRead, BufWriter, Write};

use marsad_text::clitics::{Spelling, split_with};

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
        let norm = marsad_text::normalize::match_form(w);
        let sp = split_with(&norm, Spelling::of(w));
        writeln!(
            out,
            "{w}\t{}\t{}\t{}\t{}",
            marsad_text::clitics::segment_display(w),
            sp.proclitics().join("+"),
            sp.stem,
            sp.suffix
        )?;
    }
    out.flush()
}
