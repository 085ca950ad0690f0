//! Where a one-article run's start-up goes: times each bundled resource loading on its own, one
//! after the other, in a fresh process (a one-article ingest is mostly start-up). Not a
//! benchmark with statistics: run it a few times, e.g.
//! `cargo run --release -p marsad-pipeline --example startup`.

use std::time::Instant;

fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let s = Instant::now();
    let r = f();
    println!("{name:>28}: {:6.2} ms", s.elapsed().as_secs_f64() * 1e3);
    r
}

fn main() {
    let a = timed("text tables (first analyze)", || text::analyze("قتل 3 أمس"));
    timed("number and date tables", || {
        let _ = text::numbers::find_numbers(&a);
        let _ = text::dates::find_dates(&a, None);
    });
    let _ = timed("ner tagger model", ner::tagger::Tagger::bundled);
    let _ = timed("ner gazetteer", ner::tagger::gazetteer::shipped);
    let _ = timed("ner knowledge base", ner::KnowledgeBase::bundled);
    let _ = timed("event lexicons", events::EventExtractor::bundled);
    let _ = timed("geo gazetteer", geo::Geocoder::bundled);
    // Everything again, the way `Pipeline::bundled` loads it (threads; cached parts are reused).
    let _ = timed(
        "Pipeline::bundled after these",
        marsad_pipeline::Pipeline::bundled,
    );
}
