//! Recall of the gold entities and relations of the five sample articles
//! (`../shared/gold/seeds.gold.json`, texts in `../shared/seeds/`). Skips with a message when the
//! shared directory is absent (a fresh clone without the data sets).
//!
//! A gold entity counts as found when an output entity of a compatible type (LOC gold accepts LOC
//! or GPE) either is the knowledge-base entry the gold name links to, or has a mention whose words
//! equal the gold name's words up to attached clitics (و/ف/ب/ل/ك, لل→ال). A gold relation counts
//! when the output holds the same relation between the entities its names resolve to.

use std::collections::HashSet;
use std::path::PathBuf;

use marsad_ner::{NerOutput, Recognizer};
use model::EntityType;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("gold/seeds.gold.json").exists().then_some(p)
}

/// Word keys of a name, the first word without attached clitics.
fn words(s: &str) -> Vec<String> {
    let a = text::analyze(s);
    let mut w: Vec<String> = (0..a.tokens.len())
        .filter(|&i| a.tokens[i].kind != text::TokenKind::Punct)
        .map(|i| text::normalize::match_form(a.token_text(i)).to_lowercase())
        .collect();
    if let Some(f) = w.first_mut() {
        *f = strip(f);
    }
    w
}

fn strip(w: &str) -> String {
    let mut s = w.to_string();
    for c in ["و", "ف"] {
        if let Some(r) = s.strip_prefix(c)
            && r.starts_with("ال")
        {
            s = r.to_string();
        }
    }
    for c in ["ب", "ك"] {
        if let Some(r) = s.strip_prefix(c)
            && r.starts_with("ال")
        {
            s = r.to_string();
        }
    }
    if let Some(r) = s.strip_prefix("لل") {
        s = format!("ال{r}");
    }
    s
}

fn compatible(gold: &str, k: EntityType) -> bool {
    match gold {
        "PER" => k == EntityType::Per,
        "ORG" => k == EntityType::Org,
        _ => matches!(k, EntityType::Loc | EntityType::Gpe),
    }
}

/// Ids in the output that the gold name denotes.
fn resolve(rec: &Recognizer, out: &NerOutput, name: &str, ty: Option<&str>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let present: HashSet<&str> = out.entities.iter().map(|e| e.id.as_str()).collect();
    for info in rec.lookup(name) {
        if present.contains(info.id.as_str()) && ty.is_none_or(|t| compatible(t, info.kind)) {
            ids.push(info.id);
        }
    }
    let w = words(name);
    for e in &out.entities {
        if ty.is_some_and(|t| !compatible(t, e.kind)) {
            continue;
        }
        let mut hit = e.mentions.iter().any(|m| {
            let mut mw = words(&m.text);
            let gw = w.clone();
            if mw.len() == gw.len() + 1 {
                // A clitic written apart (لـ «البوابة») or a dangling article is not a word.
                mw.remove(0);
            }
            mw == gw
                || mw.iter().map(|x| strip_all(x)).collect::<Vec<_>>()
                    == gw.iter().map(|x| strip_all(x)).collect::<Vec<_>>()
        });
        hit |= words(&e.name) == w;
        if hit && !ids.contains(&e.id) {
            ids.push(e.id.clone());
        }
    }
    ids
}

/// First-word clitics including lone و/ب/ل before a non-article word (وفرنسا → فرنسا).
fn strip_all(w: &str) -> String {
    let s = strip(w);
    for c in ["و", "ب", "ل", "ف", "ك"] {
        if let Some(r) = s.strip_prefix(c)
            && r.chars().count() >= 3
        {
            return r.to_string();
        }
    }
    s
}

/// `(entity recall, relation recall, distinct ISIS ids)` of a recognizer on the seeds.
fn measure(root: &std::path::Path, rec: &Recognizer) -> (f64, f64, usize) {
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("gold/seeds.gold.json")).expect("gold"),
    )
    .expect("json");
    eprintln!("tagger in use: {}", rec.has_tagger());
    let (mut ent_total, mut ent_found, mut rel_total, mut rel_found) = (0, 0, 0, 0);
    let mut isis_ids = HashSet::new();
    for doc in gold["docs"].as_array().expect("docs") {
        let file = doc["file"].as_str().expect("file");
        let text = std::fs::read_to_string(root.join("seeds").join(file)).expect("seed");
        let a = text::analyze(&text);
        let out = rec.recognize(&a);
        for e in &out.entities {
            for m in &e.mentions {
                let s: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                assert_eq!(s, m.text, "{file}: offsets of {}", e.id);
            }
        }
        if let Some(map) = doc["entities"].as_object() {
            for (ty, names) in map {
                for n in names
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|n| n.as_str())
                {
                    ent_total += 1;
                    if resolve(rec, &out, n, Some(ty)).is_empty() {
                        eprintln!("{file}: MISSED {ty} {n}");
                    } else {
                        ent_found += 1;
                    }
                }
            }
        }
        for r in doc["relations"].as_array().into_iter().flatten() {
            rel_total += 1;
            let s = resolve(rec, &out, r["subject"].as_str().unwrap_or(""), None);
            let o = resolve(rec, &out, r["object"].as_str().unwrap_or(""), None);
            let rel = r["relation"].as_str().unwrap_or("");
            let ok = out
                .relations
                .iter()
                .any(|x| x.relation == rel && s.contains(&x.subject) && o.contains(&x.object));
            if ok {
                rel_found += 1;
            } else {
                eprintln!("{file}: MISSED relation {r} (subject ids {s:?}, object ids {o:?})");
            }
        }
        for m in out
            .entities
            .iter()
            .filter(|e| e.name == "داعش" || e.id == "org:isis")
        {
            isis_ids.insert(m.id.clone());
        }
    }
    let er = ent_found as f64 / ent_total.max(1) as f64;
    let rr = rel_found as f64 / rel_total.max(1) as f64;
    eprintln!(
        "seed entity recall {ent_found}/{ent_total} = {er:.3}; relation recall {rel_found}/{rel_total} = {rr:.3}"
    );
    (er, rr, isis_ids.len())
}

#[test]
fn seed_entities_and_relations_recall() {
    let Some(root) = shared() else {
        eprintln!(
            "SKIP: ../shared/gold/seeds.gold.json not found (run inside the Marsad workspace with the shared data)"
        );
        return;
    };
    let rec = Recognizer::bundled().expect("recognizer");
    // Knowledge base and rules alone (what runs when the tagger model is absent).
    let (er0, rr0, isis0) = measure(&root, &rec.clone().without_tagger());
    assert_eq!(isis0, 1, "ISIS has one id across the seeds");
    assert!(er0 >= 0.90, "entity recall without tagger {er0:.3} < 0.90");
    assert!(rr0 >= 0.99, "relation recall without tagger {rr0:.3}");
    if rec.has_tagger() {
        // Thresholds we honestly reach (see the crate report); raise them when recall improves.
        let (er, rr, isis) = measure(&root, &rec);
        assert_eq!(isis, 1, "ISIS has one id across the seeds");
        assert!(er >= 0.95, "entity recall {er:.3} < 0.95");
        assert!(rr >= 0.99, "relation recall {rr:.3} < 0.99");
    }
}
