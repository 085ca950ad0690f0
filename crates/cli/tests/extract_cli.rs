//! End-to-end behaviour of `marsad analyze` and `marsad extract` through the binary.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("binary built")
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples")
        .join(name)
}

fn chars(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

/// Every span in the output must point at exactly its text: the contract's offset rule.
fn check_span(text: &str, span: &Value) {
    let start = span["start"].as_u64().expect("start") as usize;
    let end = span["end"].as_u64().expect("end") as usize;
    assert!(start <= end, "span {span}");
    assert_eq!(
        chars(text, start, end),
        span["text"].as_str().expect("text"),
        "span {span}"
    );
}

#[test]
fn extract_prints_the_contract_with_consistent_offsets() {
    let out = marsad()
        .args(["extract", "--date", "2024-03-30"])
        .arg(sample("000_92b5dc8fe6b754a6.txt"))
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let text = v["document"]["text"].as_str().expect("text");
    assert_eq!(v["document"]["date"], "2024-03-30");
    assert_eq!(v["document"]["id"].as_str().expect("id").len(), 64);
    for e in v["entities"].as_array().expect("entities") {
        assert!(e["id"].as_str().is_some_and(|s| !s.is_empty()));
        for m in e["mentions"].as_array().expect("mentions") {
            check_span(text, m);
        }
    }
    for r in v["relations"].as_array().expect("relations") {
        check_span(text, &r["evidence"]);
    }
    for ev in v["events"].as_array().expect("events") {
        check_span(text, &ev["evidence"]);
    }
}

#[test]
fn extract_jsonl_prints_one_line_per_document() {
    let out = marsad()
        .args(["extract", "--format", "jsonl"])
        .arg(sample("001_64147dd47521684d.txt"))
        .arg(sample("004_d1117d5e596d654e.txt"))
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<_> = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let v: Value = serde_json::from_slice(l).expect("json line");
        assert!(
            v["document"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("داعش"))
        );
    }
}

#[test]
fn analyze_gives_tokens_with_offsets() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "قُتل 12 شخصاً في بغداد أمس.\nوأصيب آخرون.").expect("write");
    let out = marsad()
        .args(["analyze", "--date", "2023-05-02"])
        .arg(&f)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let text = std::fs::read_to_string(&f).expect("read");
    let sentences = v["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), 2);
    for s in sentences {
        for t in s["tokens"].as_array().expect("tokens") {
            check_span(&text, t);
        }
    }
}

#[test]
fn bad_inputs_get_a_clear_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"\xe9t\xe9 \xff\xfe").expect("write");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    for (f, why) in [(&bad, "UTF-8"), (&empty, "empty")] {
        let out = marsad().arg("analyze").arg(f).output().expect("run");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&*f.display().to_string()), "{err}");
        assert!(err.contains(why), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let out = marsad()
        .arg("extract")
        .arg(dir.path().join("missing.txt"))
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
}

#[test]
fn a_file_of_only_diacritics_is_not_an_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("marks.txt");
    std::fs::write(&f, "\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}".repeat(200)).expect("write");
    let out = marsad()
        .args(["extract", "--format", "jsonl"])
        .arg(&f)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["events"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_huge_file_is_refused_not_loaded() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("huge.txt");
    let file = std::fs::File::create(&f).expect("create");
    file.set_len(100 * 1024 * 1024).expect("sparse 100 MB");
    let out = marsad().arg("analyze").arg(&f).output().expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("huge.txt"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn two_files_with_json_format_is_a_usage_error() {
    let out = marsad()
        .args(["extract", "--format", "json"])
        .arg(sample("001_64147dd47521684d.txt"))
        .arg(sample("004_d1117d5e596d654e.txt"))
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("jsonl"));
}
