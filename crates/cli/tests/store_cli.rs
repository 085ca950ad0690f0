//! End-to-end behaviour of `marsad ingest/demo/events/incidents/entity/stats` through the binary.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use serde_json::Value;

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("binary built")
}

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

fn sample_txts() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(samples())
        .expect("samples dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    v.sort();
    v
}

fn stats(db: &Path) -> Value {
    let out = marsad()
        .args(["stats", "--json", "--db"])
        .arg(db)
        .output()
        .expect("run stats");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stats json")
}

fn json_of(args: &[&str], db: &Path) -> Value {
    let out = marsad()
        .args(args)
        .arg("--db")
        .arg(db)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn samples_ingested_twice_give_the_same_counts() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let jsonl = samples().join("articles.jsonl");
    marsad()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&jsonl)
        .assert()
        .success();
    let first = stats(&db);
    assert_eq!(first["documents"], 5, "{first}");
    let out = marsad()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&jsonl)
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("0 stored, 5 already stored"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(stats(&db), first);
}

#[test]
fn moscow_concert_hall_attack_is_one_incident_with_two_sources() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("m.db");
    let jsonl = samples().join("articles.jsonl");
    marsad()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&jsonl)
        .assert()
        .success();
    let inc = json_of(&["incidents", "--country", "RU", "--type", "attack"], &db);
    let arr = inc.as_array().expect("array");
    let moscow: Vec<&Value> = arr
        .iter()
        .filter(|i| {
            i["sources"].as_array().is_some_and(|s| {
                s.iter()
                    .any(|x| x["source"].as_str().unwrap_or("").contains("000_"))
                    || s.iter()
                        .any(|x| x["source"].as_str().unwrap_or("").contains("003_"))
            })
        })
        .collect();
    assert_eq!(
        moscow.len(),
        1,
        "one Russian attack incident from 000/003: {inc:#}"
    );
    let sources: Vec<&str> = moscow[0]["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["source"].as_str())
        .collect();
    assert!(
        sources.iter().any(|s| s.contains("000_")) && sources.iter().any(|s| s.contains("003_")),
        "{sources:?}"
    );
    assert_eq!(moscow[0]["n_sources"], 2);
}

/// A corpus big enough that a kill lands mid-ingest: the samples' paragraphs reshuffled into many
/// distinct articles, one JSONL line each.
fn big_corpus(path: &Path, n: usize) {
    let mut paras: Vec<String> = Vec::new();
    for f in sample_txts() {
        let t = std::fs::read_to_string(&f).expect("sample");
        paras.extend(
            t.split('\n')
                .map(str::trim)
                .filter(|p| p.chars().count() > 40)
                .map(str::to_owned),
        );
    }
    assert!(paras.len() > 10);
    let mut out = String::new();
    let mut x: u64 = 42;
    for i in 0..n {
        let mut text = String::new();
        for _ in 0..4 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(&paras[(x >> 33) as usize % paras.len()]);
            text.push('\n');
        }
        text.push_str(&format!("رقم التقرير {i}"));
        let date = format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        out.push_str(
            &serde_json::json!({"id": format!("a{i}"), "date": date, "text": text}).to_string(),
        );
        out.push('\n');
    }
    std::fs::write(path, out).expect("write corpus");
}

#[test]
fn kill_during_ingest_then_rerun_equals_an_uninterrupted_run() {
    let dir = tempfile::tempdir().expect("tmp");
    let corpus = dir.path().join("big.jsonl");
    big_corpus(&corpus, 600);
    let bin = assert_cmd::cargo::cargo_bin("marsad");

    let clean = dir.path().join("clean.db");
    marsad()
        .arg("ingest")
        .arg("--db")
        .arg(&clean)
        .args(["--batch", "16"])
        .arg(&corpus)
        .assert()
        .success();

    let killed = dir.path().join("killed.db");
    let mut child = std::process::Command::new(&bin)
        .arg("ingest")
        .arg("--db")
        .arg(&killed)
        .args(["--batch", "16"])
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait until some batches are committed, then SIGKILL (no chance to clean up).
    let t0 = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let size = std::fs::metadata(killed.with_extension("db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
        if size > 200_000
            || t0.elapsed().as_secs() > 20
            || child.try_wait().ok().flatten().is_some()
        {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let partial = stats(&killed);
    println!("documents after kill: {}", partial["documents"]);

    marsad()
        .arg("ingest")
        .arg("--db")
        .arg(&killed)
        .args(["--batch", "16"])
        .arg(&corpus)
        .assert()
        .success();
    assert_eq!(stats(&killed), stats(&clean));
    let ids = |db: &Path| -> Vec<String> {
        let v = json_of(&["events", "--with-duplicates"], db);
        let mut ids: Vec<String> = v
            .as_array()
            .expect("events")
            .iter()
            .map(|e| format!("{} {}", e["id"], e["incident_id"]))
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&killed), ids(&clean));
    let inc = |db: &Path| -> Vec<String> {
        json_of(&["incidents"], db)
            .as_array()
            .expect("incidents")
            .iter()
            .map(|i| format!("{} {}", i["id"], i["n_events"]))
            .collect()
    };
    assert_eq!(inc(&killed), inc(&clean));
}

#[test]
fn every_bad_input_is_reported_and_the_good_ones_stored() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = |n: &str| dir.path().join(n);
    std::fs::write(p("latin1.txt"), b"\xe9t\xe9 \xff\xfe caf\xe9").expect("w");
    std::fs::write(p("empty.txt"), b"").expect("w");
    std::fs::write(
        p("binary.bin"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0, 0, 7],
    )
    .expect("w");
    std::fs::write(
        p("broken.zip"),
        b"PK\x03\x04\x14\x00\x00\x00garbage that is not a zip",
    )
    .expect("w");
    std::fs::write(
        p("mixed.jsonl"),
        "{\"text\": \"هاجم مسلحون نقطة تفتيش في مدينة الموصل صباح اليوم وقتلوا ثلاثة جنود\", \"date\": \"2017-01-05\"}\n{not json\n",
    )
    .expect("w");
    let good = sample_txts().into_iter().next().expect("a sample");
    let db = dir.path().join("m.db");
    let out = marsad()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .args(["--date", "2024-03-30"])
        .arg(&good)
        .args(
            [
                "latin1.txt",
                "empty.txt",
                "binary.bin",
                "broken.zip",
                "mixed.jsonl",
            ]
            .map(p),
        )
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code 1 when some inputs failed"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    for name in [
        "latin1.txt",
        "empty.txt",
        "binary.bin",
        "broken.zip",
        "mixed.jsonl:2",
    ] {
        assert!(err.contains(name), "{name} not reported in:\n{err}");
    }
    assert_eq!(
        stats(&db)["documents"],
        2,
        "the sample and the good JSONL line are stored"
    );
}

#[test]
fn demo_works_from_any_directory_and_exports_open() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = marsad()
        .current_dir(dir.path())
        .args(["demo", "--db", "d.db"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("== incidents"), "{text}");
    let db = dir.path().join("d.db");
    assert_eq!(stats(&db)["documents"], 5);

    let csv = marsad()
        .args(["events", "--format", "csv", "--db"])
        .arg(&db)
        .output()
        .expect("csv");
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert!(csv.starts_with("event_id,event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,wounded,kidnapped,arrested,qualifiers,confidence,evidence"), "{csv}");

    let out = marsad()
        .args(["incidents", "--format", "geojson", "--db"])
        .arg(&db)
        .output()
        .expect("geojson");
    let v: Value = serde_json::from_slice(&out.stdout).expect("geojson is json");
    assert_eq!(v["type"], "FeatureCollection");
    for f in v["features"].as_array().expect("features") {
        assert_eq!(f["geometry"]["type"], "Point");
    }

    let pq = dir.path().join("e.parquet");
    let out = marsad()
        .args(["events", "--format", "parquet", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&pq)
        .output()
        .expect("parquet");
    if out.status.success() {
        let bytes = std::fs::read(&pq).expect("parquet file");
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    } else {
        assert!(String::from_utf8_lossy(&out.stderr).contains("parquet"));
    }

    let out = marsad()
        .args(["entity", "داعش", "--db"])
        .arg(&db)
        .output()
        .expect("entity");
    assert!(out.status.success());
}

#[test]
fn jsonl_field_names_are_configurable_and_stdin_works() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("fields.db");
    // A feed whose fields are not the defaults: `headline_ar`, `body_ar`, `pub`.
    let line = serde_json::json!({
        "headline_ar": "هجوم على نقطة تفتيش",
        "body_ar": "قتل ثلاثة جنود على الأقل في هجوم شنه مسلحون على نقطة تفتيش في مدينة العريش أمس.",
        "pub": "2016-05-04",
    });
    let input = format!("{line}\n");
    // With the default names the record has no text field: reported, nothing stored.
    let out = marsad()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg("-")
        .write_stdin(input.clone())
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no text field"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stats(&db)["documents"], 0);
    let out = marsad()
        .args([
            "ingest",
            "--text-field",
            "body_ar",
            "--title-field",
            "headline_ar",
            "--date-field",
            "pub",
            "--db",
        ])
        .arg(&db)
        .arg("-")
        .write_stdin(input)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stats(&db)["documents"], 1);
    let events = json_of(&["events"], &db);
    let first = &events.as_array().expect("array")[0];
    assert_eq!(
        first["date_start"].as_str().or(first["date"].as_str()),
        Some("2016-05-03"),
        "{first}"
    );
}

#[test]
fn search_finds_clitic_forms_and_reports_offsets() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("search.db");
    let out = marsad()
        .args(["ingest", "--db"])
        .arg(&db)
        .args(sample_txts())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = |q: &str| {
        marsad()
            .args(["search", "--json", "--db"])
            .arg(&db)
            .arg(q)
            .output()
            .expect("run")
    };
    // "بموسكو" (with the preposition) finds the articles that write موسكو.
    let out = run("بموسكو");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits: Value = serde_json::from_slice(&out.stdout).expect("json");
    let sources: Vec<&str> = hits
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|h| h["source"].as_str())
        .collect();
    assert!(sources.iter().any(|s| s.contains("000_")), "{sources:?}");
    assert!(sources.iter().any(|s| s.contains("003_")), "{sources:?}");
    let h = &hits[0];
    let m = &h["matches"][0];
    assert!(m[0].as_u64().expect("start") < m[1].as_u64().expect("end"));
    // Nothing found: exit code 1; a query of punctuation only: a usage error.
    assert_eq!(run("كلمةغيرموجودة").status.code(), Some(1));
    let bad = run("،،");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no word"));
}
