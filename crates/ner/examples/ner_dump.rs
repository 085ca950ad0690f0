//! Print the entities, mentions and relations the bundled recognizer finds in a UTF-8 text file:
//! `cargo run -p marsad-ner --example ner_dump -- FILE [--no-tagger]`. A debugging aid.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: ner_dump FILE [--no-tagger]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path)?;
    let mut rec = marsad_ner::Recognizer::bundled()?;
    if args.iter().any(|a| a == "--no-tagger") {
        rec = rec.without_tagger();
    }
    let a = text::analyze(&text);
    let out = rec.recognize(&a);
    for e in &out.entities {
        let ms: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        println!("{:?}\t{}\t{}\t{}", e.kind, e.id, e.name, ms.join(" | "));
    }
    for r in &out.relations {
        println!(
            "REL {} {} {}\t{}",
            r.subject, r.relation, r.object, r.evidence.text
        );
    }
    Ok(())
}
