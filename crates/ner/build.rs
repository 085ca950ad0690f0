//! Compiles the tagger's name lists (`data/gazetteer/`) into a keyed table in `OUT_DIR`, with
//! the text layer's own normalisation and clitic segmentation, so that the library loads ready
//! keys at start-up (see `src/tagger/gazetteer_keys.rs`, which this script and the library share).

#[path = "src/tagger/gazetteer_keys.rs"]
#[allow(dead_code)]
mod gazetteer_keys;

use std::path::PathBuf;

use gazetteer_keys::{Compiled, bits};

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer");
    let read = |name: &str| {
        let path = dir.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    };
    println!("cargo::rerun-if-changed=src/tagger/gazetteer_keys.rs");
    let sources = [
        (read("anergazet_loc.txt"), bits::ANER_LOC),
        (read("anergazet_org.txt"), bits::ANER_ORG),
        (read("anergazet_pers.txt"), bits::ANER_PERS),
        (read("geonames_places.txt"), bits::GEONAMES),
        (read("admin1_regions.txt"), bits::ADMIN1),
        (read("countries.txt"), bits::COUNTRY),
        (read("un_sanctions_persons.txt"), bits::UN_PERS),
    ];
    let lists: Vec<(&str, u16)> = sources.iter().map(|(s, b)| (s.as_str(), *b)).collect();
    let compiled = Compiled::build(&lists, &read("triggers.tsv"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer.tsv"), compiled.to_table()).expect("OUT_DIR is writable");
}
