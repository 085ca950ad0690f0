//! Rebuild `data/gazetteer.bin` without building the whole CLI (same code as
//! `marsad gazetteer build`): `cargo run -p marsad-geo --example build_gazetteer -- SHARED_DATA OUT`.

use marsad_geo as geo;

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(data), Some(out)) = (args.get(1), args.get(2)) else {
        return Err("usage: build_gazetteer SHARED_DATA_DIR OUT_FILE".into());
    };
    let d = Path::new(data);
    let (geonames, admin1, countries, ne) = (
        d.join("geonames-arabic/places_arabic.tsv"),
        d.join("admin1-arabic/subdivisions.tsv"),
        d.join("countries-arabic/countries.tsv"),
        d.join("natural-earth-admin0"),
    );
    let (bytes, s) = geo::builder::build(&geo::builder::Sources {
        geonames: &geonames,
        admin1: &admin1,
        countries: &countries,
        natural_earth: &ne,
    })?;
    std::fs::write(out, &bytes)?;
    eprintln!("{out}: {s:?}");
    Ok(())
}
