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
}
