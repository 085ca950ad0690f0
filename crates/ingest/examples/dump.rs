//! Print what the readers make of some inputs: one JSON line per document on stdout, one line
//! per error on stderr, and counts at the end. `cargo run -p marsad-ingest --example dump -- PATH...`

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let opts = marsad_ingest::Options::default();
    let (mut ok, mut bad) = (0usize, 0usize);
    for item in marsad_ingest::read_inputs(&paths, &opts) {
        match item {
            Ok(d) => {
                ok += 1;
                let v = serde_json::json!({
                    "source": d.source, "url": d.url, "title": d.title,
                    "date": d.date.map(|d| d.to_string()), "text": d.text,
                });
                println!("{v}");
            }
            Err(e) => {
                bad += 1;
                eprintln!("error: {e}");
            }
        }
    }
    eprintln!("{ok} documents, {bad} errors");
}
