//! Compiles the tagger's name lists (`data/gazetteer/`) into a keyed table in `OUT_DIR`, with
//! the text layer's own normalisation and clitic segmentation, so that the library loads ready
//! keys at start-up (see `src/tagger/gazetteer_keys.rs`, which this script and the library share).

#[path = "src/tagger/gazetteer_keys.rs"]
#[allow(dead_code)]
mod gazetteer_keys;

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer");
    let read = |name: &str| {
        let path = dir.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    };
    println!("cargo::rerun-if-changed=src/tagger/gazetteer_keys.rs");
    let compiled = gazetteer_keys::compile_dir(read);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer.tsv"), compiled.to_table()).expect("OUT_DIR is writable");

    let freq_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/wordfreq/ar_zipf.txt");
    println!("cargo::rerun-if-changed={}", freq_path.display());
    let src = std::fs::read_to_string(&freq_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", freq_path.display()));
    std::fs::write(out.join("wordfreq.bin"), compile_wordfreq(&src)).expect("OUT_DIR is writable");
}

/// Re-key the word-frequency list (`data/wordfreq/ar_zipf.txt`: `@NN` bucket lines, each
/// followed by its words) by the text layer's match form, keeping each form's highest bucket
/// (1 = Zipf 2.0–2.5 … 9 = Zipf 6.0 and up), as the table `src/tagger/wordfreq.rs` searches:
/// little-endian `u64`s, ascending, each the form's xxh3 hash with its low four bits replaced
/// by the bucket. Several spellings of one word meet in one form.
fn compile_wordfreq(src: &str) -> Vec<u8> {
    let mut best: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    let mut bucket = 0u64;
    for line in src.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(z10) = line.strip_prefix('@') {
            let z10: u64 = z10.parse().expect("bucket line @NN");
            bucket = (z10.saturating_sub(15) / 5).clamp(1, 9);
            continue;
        }
        assert!(bucket > 0, "word before the first bucket line: {line}");
        let form = text::normalize::match_form(line);
        if form.is_empty() {
            continue;
        }
        let b = best.entry(form).or_insert(0);
        *b = (*b).max(bucket);
    }
    let mut keys: Vec<u64> = best
        .iter()
        .map(|(form, &b)| (xxhash_rust::xxh3::xxh3_64(form.as_bytes()) & !0xf) | b)
        .collect();
    keys.sort_unstable();
    for w in keys.windows(2) {
        assert!(w[0] >> 4 != w[1] >> 4, "two forms share a 60-bit hash");
    }
    keys.iter().flat_map(|k| k.to_le_bytes()).collect()
}
