//! `marsad gazetteer build` is reproducible: two builds from the shared sources are byte-identical,
//! and equal to the shipped `data/gazetteer.bin` (so the shipped file is what the build command
//! makes). Skips with a message when ../shared is absent.

use std::path::PathBuf;

use marsad_geo as geo;

#[test]
fn build_is_byte_identical_and_matches_shipped_file() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if !data.join("geonames-arabic/places_arabic.tsv").exists() {
        eprintln!(
            "SKIPPED: {} not found (shared source data absent)",
            data.display()
        );
        return;
    }
    let (g, a, c, n) = (
        data.join("geonames-arabic/places_arabic.tsv"),
        data.join("admin1-arabic/subdivisions.tsv"),
        data.join("countries-arabic/countries.tsv"),
        data.join("natural-earth-admin0"),
    );
    let src = geo::builder::Sources {
        geonames: &g,
        admin1: &a,
        countries: &c,
        natural_earth: &n,
    };
    let (first, summary) = geo::builder::build(&src).expect("build");
    let (second, _) = geo::builder::build(&src).expect("build again");
    assert!(first == second, "two builds differ");
    assert!(
        first == geo::BUNDLED,
        "data/gazetteer.bin is stale: rebuild it with `marsad gazetteer build` (see data/SOURCES.md)"
    );
    assert!(summary.cities > 5_000 && summary.countries > 200 && summary.regions > 50);
    // Modest size: a few MB at most.
    assert!(first.len() < 4 << 20, "{} bytes", first.len());
}
