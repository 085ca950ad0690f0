//! Evaluation against shared data: the seed gold places, and the project's own test sets over the
//! SaudiNewsNet security subset (tests/data/saudinewsnet_*.tsv: a development set and five
//! held-out sets; the articles are read from /work/shared at test time because their licence
//! forbids shipping them).
//! Both skip with a message when ../shared is absent (e.g. on CI).

use marsad_geo as geo;

use std::path::PathBuf;

use model::{Entity, EntityType, Event, EventType, Location, Span};

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("gold/seeds.gold.json").exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} not found (shared evaluation data absent)",
            p.display()
        );
        None
    }
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// An entity with every occurrence of `name` in `text` as a mention.
fn entity_all(text: &str, name: &str, kind: EntityType) -> Option<Entity> {
    let mentions: Vec<Span> = text
        .match_indices(name)
        .map(|(b, _)| {
            let s = char_offset(text, b);
            Span {
                text: name.to_string(),
                start: s,
                end: s + name.chars().count(),
            }
        })
        .collect();
    (!mentions.is_empty()).then(|| Entity {
        id: format!("loc:{name}"),
        kind,
        name: name.to_string(),
        name_en: None,
        wikidata: None,
        mentions,
        location: None,
    })
}

fn event_at(name: &str, evidence: Span) -> Event {
    Event {
        location: Some(Location {
            name: name.into(),
            precision: "unknown".into(),
            ..Location::default()
        }),
        ..Event::bare("e", EventType::Attack, evidence)
    }
}

#[test]
fn seed_places_within_50km_and_right_country() {
    let Some(sh) = shared() else { return };
    let g = geo::Geocoder::bundled().expect("bundled");
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(sh.join("gold/seeds.gold.json")).expect("gold"),
    )
    .expect("json");
    let (mut n, mut ok_km, mut ok_cc, mut n_cc) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for doc in gold["docs"].as_array().expect("docs") {
        let file = doc["file"].as_str().expect("file");
        let text = std::fs::read_to_string(sh.join("seeds").join(file)).expect("seed text");
        let a = text::analyze(&text);
        let mut ents: Vec<Entity> = doc["entities"]["LOC"]
            .as_array()
            .map(|v| {
                v.iter()
                    .filter_map(|x| x.as_str())
                    .filter_map(|n| entity_all(&text, n, EntityType::Gpe))
                    .collect()
            })
            .unwrap_or_default();
        for ev in doc["events"].as_array().expect("events") {
            let Some(places) = ev["place"].as_array() else {
                continue;
            };
            let Some(name) = places
                .iter()
                .filter_map(|p| p.as_str())
                .find(|p| p.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)))
            else {
                continue;
            };
            // Evidence span: the gold evidence located in the text, else the sentence of the name.
            let ev_text = ev["evidence"].as_str().unwrap_or("");
            let evidence = match text
                .find(ev_text)
                .filter(|_| !ev_text.is_empty())
                .or_else(|| text.find(name))
            {
                Some(b) => {
                    let s = char_offset(&text, b);
                    let len = if text[b..].starts_with(ev_text) && !ev_text.is_empty() {
                        ev_text.chars().count()
                    } else {
                        name.chars().count()
                    };
                    Span {
                        text: String::new(),
                        start: s,
                        end: s + len,
                    }
                }
                None => Span {
                    text: String::new(),
                    start: 0,
                    end: 0,
                },
            };
            let mut evs = vec![event_at(name, evidence)];
            g.resolve(&a, &mut ents, &mut evs);
            let loc = evs[0].location.clone().expect("location");
            let cc = ev["country"].as_str();
            if let Some(cc) = cc {
                n_cc += 1;
                if loc.country.as_deref() == Some(cc) {
                    ok_cc += 1;
                } else {
                    failures.push(format!("{file} {name}: country {:?} != {cc}", loc.country));
                }
            }
            if let (Some(lat), Some(lon)) = (ev["lat"].as_f64(), ev["lon"].as_f64()) {
                n += 1;
                match (loc.lat, loc.lon) {
                    (Some(la), Some(lo)) if km((la, lo), (lat, lon)) <= 50.0 => ok_km += 1,
                    other => failures.push(format!("{file} {name}: {other:?} vs ({lat}, {lon})")),
                }
            }
        }
    }
    eprintln!("seed places: {ok_km}/{n} within 50 km, countries {ok_cc}/{n_cc}");
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(n >= 7);
}

/// Accuracy figures of one test-set file: (mentions, within 50 km %, cities within 50 km %, country %).
fn run_set(set: &str, label: &str) -> Option<(usize, f64, f64, f64)> {
    let sh = shared()?;
    let corpus = sh.join("data/saudinewsnet/security_subset.jsonl");
    let Ok(raw) = std::fs::read_to_string(&corpus) else {
        eprintln!("SKIPPED: {} not found", corpus.display());
        return None;
    };
    let lines: Vec<&str> = raw.lines().collect();
    let g = geo::Geocoder::bundled().expect("bundled");
    let (mut n, mut within, mut n_city, mut city_within, mut n_cc, mut cc_ok) = (0, 0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for row in set
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = row.split('\t').collect();
        assert_eq!(f.len(), 8, "bad row {row}");
        let line: usize = f[0].parse().expect("line");
        let offset: usize = f[1].parse().expect("offset");
        let surface = f[2];
        let art: serde_json::Value = serde_json::from_str(lines[line - 1]).expect("jsonl");
        let text = art["content"].as_str().expect("content");
        let at: String = text
            .chars()
            .skip(offset)
            .take(surface.chars().count())
            .collect();
        assert_eq!(
            at, surface,
            "test set out of sync with the corpus at line {line}"
        );
        let a = text::analyze(text);
        let mut ents = vec![Entity {
            id: "loc:x".into(),
            kind: EntityType::Gpe,
            name: surface.to_string(),
            name_en: None,
            wikidata: None,
            mentions: vec![Span {
                text: surface.to_string(),
                start: offset,
                end: offset + surface.chars().count(),
            }],
            location: None,
        }];
        g.resolve(&a, &mut ents, &mut []);
        let loc = ents[0].location.clone();
        n_cc += 1;
        let got_cc = loc.as_ref().and_then(|l| l.country.clone());
        if got_cc.as_deref() == Some(f[6]) {
            cc_ok += 1;
        }
        if let (Ok(lat), Ok(lon)) = (f[4].parse::<f64>(), f[5].parse::<f64>()) {
            n += 1;
            let d = loc
                .as_ref()
                .and_then(|l| Some(km((l.lat?, l.lon?), (lat, lon))));
            let ok = d.is_some_and(|d| d <= 50.0);
            if ok {
                within += 1;
            }
            if f[7] == "city" {
                n_city += 1;
                if ok {
                    city_within += 1;
                }
            }
            if !ok {
                misses.push(format!(
                    "line {line} {surface} ({}): got {:?} {:?} d={d:?}",
                    f[6],
                    got_cc,
                    loc.map(|l| (l.name, l.precision, l.lat, l.lon))
                ));
            }
        } else if got_cc.as_deref() != Some(f[6]) {
            misses.push(format!(
                "line {line} {surface}: country {got_cc:?} != {}",
                f[6]
            ));
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    eprintln!("misses:\n{}", misses.join("\n"));
    eprintln!(
        "{label}: {} mentions; within 50 km {within}/{n} = {:.1}% (cities {city_within}/{n_city} = {:.1}%); country {cc_ok}/{n_cc} = {:.1}%",
        n_cc,
        pct(within, n),
        pct(city_within, n_city),
        pct(cc_ok, n_cc)
    );
    Some((
        n_cc,
        pct(within, n),
        pct(city_within, n_city),
        pct(cc_ok, n_cc),
    ))
}

/// Run one set and check it against floors a little under its measured figures (EVALUATION.md),
/// so that regressions fail.
fn check_set(set: &str, label: &str, min_n: usize, km50_floor: f64, cc_floor: f64) {
    let Some((n, km50, _, cc)) = run_set(set, label) else {
        return;
    };
    assert!(n >= min_n, "{label}: only {n} mentions");
    assert!(
        km50 >= km50_floor,
        "{label}: within-50-km accuracy fell to {km50:.1}%"
    );
    assert!(cc >= cc_floor, "{label}: country accuracy fell to {cc:.1}%");
}

#[test]
fn saudinewsnet_test_set() {
    // Tuned on: 98.4% / 100%.
    check_set(
        include_str!("data/saudinewsnet_places.tsv"),
        "SaudiNewsNet development set",
        150,
        94.0,
        96.0,
    );
}

#[test]
fn saudinewsnet_heldout_set() {
    // Blind run 86.0% / 86.0%; 92.0% / 92.0% after the skeleton lookup it motivated.
    check_set(
        include_str!("data/saudinewsnet_heldout.tsv"),
        "SaudiNewsNet held-out set",
        40,
        88.0,
        88.0,
    );
}

#[test]
fn saudinewsnet_second_heldout_set() {
    // Blind run 62.1% / 76.3%; 84.8% / 93.9% after the fixes it drove (EVALUATION.md §4);
    // 90.9% / 97.4% after the fifth session's rules; 92.4% / 98.2% after the sixth's.
    check_set(
        include_str!("data/saudinewsnet_heldout2.tsv"),
        "SaudiNewsNet second held-out set",
        100,
        88.0,
        95.0,
    );
}

#[test]
fn saudinewsnet_third_heldout_set() {
    // Blind run: 66.7% within 50 km, 80.0% country (EVALUATION.md §5); 82.4% / 90.7% after the
    // fifth session's rules, which its listed misses drove.
    check_set(
        include_str!("data/saudinewsnet_heldout3.tsv"),
        "SaudiNewsNet third held-out set",
        70,
        78.0,
        88.0,
    );
}

#[test]
fn saudinewsnet_fourth_heldout_set() {
    // Drawn after the fifth session's changes and evaluated once, blind: 57.4% within 50 km,
    // 71.2% country (EVALUATION.md, 2026-12-03); 58.4% / 72.6% after the sixth session's rules.
    check_set(
        include_str!("data/saudinewsnet_heldout4.tsv"),
        "SaudiNewsNet fourth held-out set",
        100,
        55.0,
        69.0,
    );
}

#[test]
fn saudinewsnet_fifth_heldout_set() {
    // Labelled before any run and evaluated once, blind, at the end of the sixth session: 60.5%
    // within 50 km, 70.7% country (the code before that session gives the same; EVALUATION.md).
    check_set(
        include_str!("data/saudinewsnet_heldout5.tsv"),
        "SaudiNewsNet fifth held-out set",
        50,
        58.0,
        68.0,
    );
}
