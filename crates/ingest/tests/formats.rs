//! Every input format read end to end through the public API, with fixtures from `tests/data`
//! (text, JSON, HTML, feeds) or built here (zip, gzip, WARC).

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use marsad_ingest::{Options, RawDoc, read_inputs, read_stream};

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

fn read_all(paths: &[String], opts: &Options) -> (Vec<RawDoc>, Vec<String>) {
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    for item in read_inputs(paths, opts) {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e.to_string()),
        }
    }
    (docs, errs)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn text_file_gets_default_date_and_clean_text() {
    let opts = Options {
        default_date: ymd(2024, 3, 22),
        ..Options::default()
    };
    let (docs, errs) = read_all(&[data("corpus/a_report.txt")], &opts);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].date, ymd(2024, 3, 22));
    assert!(docs[0].text.starts_with("قتل ثلاثة جنود وأصيب خمسة آخرون، صباح اليوم،"));
    assert!(docs[0].text.contains("العريش.\n\nوقال"));
    assert!(!docs[0].text.ends_with('\n'));
}

#[test]
fn directory_is_walked_recursively_in_sorted_order() {
    let (docs, errs) = read_all(&[data("corpus")], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    let sources: Vec<String> = docs
        .iter()
        .map(|d| {
            d.source
                .rsplit_once("corpus/")
                .map(|(_, s)| s.to_string())
                .unwrap_or_default()
        })
        .collect();
    // The hidden file is skipped; JSONL records are named by id, or by line without one.
    assert_eq!(
        sources,
        ["a_report.txt", "c_feed.jsonl#n1", "c_feed.jsonl:3", "sub/b_report.txt"]
    );
    // Same order on a second run.
    let (again, _) = read_all(&[data("corpus")], &Options::default());
    assert_eq!(docs, again);
}

#[test]
fn jsonl_fields_and_dates() {
    let (docs, errs) = read_all(&[data("corpus/c_feed.jsonl")], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].title.as_deref(), Some("انفجار في سوق شعبي"));
    assert_eq!(docs[0].url.as_deref(), Some("http://news.example/1"));
    assert_eq!(docs[0].date, ymd(2015, 7, 21));
    assert_eq!(docs[1].date, ymd(2015, 7, 22));
    assert!(docs[1].text.starts_with("تجددت الاشتباكات"));
}

#[test]
fn configurable_field_names() {
    let mut opts = Options::default();
    opts.fields.text = vec!["body_ar".into()];
    opts.fields.date = vec!["published_on".into()];
    let mut f = tempfile::Builder::new().suffix(".jsonl").tempfile().ok();
    let path = f.as_ref().map(|f| f.path().display().to_string()).unwrap_or_default();
    if let Some(f) = f.as_mut() {
        let _ = writeln!(f, r#"{{"body_ar": "خطف مسلحون مهندسين اثنين", "published_on": "2016-01-05"}}"#);
        let _ = writeln!(f, r#"{{"content": "لا يقرأ هذا الحقل"}}"#);
    }
    let (docs, errs) = read_all(&[path], &opts);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].date, ymd(2016, 1, 5));
    assert_eq!(errs.len(), 1);
    assert!(errs[0].contains(":2: no text field (looked for body_ar)"), "{errs:?}");
}

#[test]
fn json_array_file() {
    let (docs, errs) = read_all(&[data("articles.json")], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 2);
    assert!(docs[0].source.ends_with("articles.json#1"));
    assert_eq!(docs[0].text, "هاجم مسلحون دورية للشرطة في شمال سيناء.\n\nوأسفر الهجوم عن مقتل شرطيين.");
    assert_eq!(docs[1].date, ymd(2015, 8, 2));
}

/// A zip in the SaudiNewsNet layout: one `YYYY-MM-DD.json` array per archive.
pub fn write_zip(path: &std::path::Path, entries: &[(&str, &[u8])]) {
    let file = std::fs::File::create(path).ok();
    let Some(file) = file else { return };
    let mut zw = zip::ZipWriter::new(file);
    for (name, bytes) in entries {
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let _ = zw.start_file(*name, o);
        let _ = zw.write_all(bytes);
    }
    let _ = zw.finish();
}

#[test]
fn zip_of_json_arrays_and_other_entries() {
    let dir = tempfile::tempdir().ok();
    let Some(dir) = dir else { return };
    let zip_path = dir.path().join("2015-08-01.zip");
    let array = std::fs::read(data("articles.json")).unwrap_or_default();
    let text = "اغتيال ضابط في درعا".as_bytes();
    write_zip(
        &zip_path,
        &[
            ("2015-08-01.json", &array),
            ("notes/extra.txt", text),
            ("__MACOSX/._2015-08-01.json", b"junk"),
        ],
    );
    let (docs, errs) = read_all(&[zip_path.display().to_string()], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 3);
    assert!(docs[0].source.ends_with("2015-08-01.zip!2015-08-01.json#1"), "{}", docs[0].source);
    assert!(docs[2].source.ends_with("2015-08-01.zip!notes/extra.txt"));
    assert_eq!(docs[2].text, "اغتيال ضابط في درعا");
}

#[test]
fn gzip_jsonl_is_unwrapped() {
    let dir = tempfile::tempdir().ok();
    let Some(dir) = dir else { return };
    let path = dir.path().join("news.jsonl.gz");
    let jsonl = std::fs::read(data("corpus/c_feed.jsonl")).unwrap_or_default();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = gz.write_all(&jsonl);
    let _ = std::fs::write(&path, gz.finish().unwrap_or_default());
    let (docs, errs) = read_all(&[path.display().to_string()], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 2);
}

#[test]
fn streams_are_sniffed_like_stdin() {
    let cases: [(&[u8], usize); 4] = [
        ("{\"content\": \"نص أول\"}\n{\"content\": \"نص ثان\"}\n".as_bytes(), 2),
        ("[{\"text\": \"نص\"}]".as_bytes(), 1),
        ("مقتل شخصين في غارة جوية".as_bytes(), 1),
        (
            "<html><body><p>قصفت طائرات حربية مواقع للمسلحين في ريف إدلب.</p></body></html>"
                .as_bytes(),
            1,
        ),
    ];
    for (bytes, n) in cases {
        let docs: Vec<_> = read_stream("<stdin>", Box::new(std::io::Cursor::new(bytes.to_vec())), &Options::default())
            .collect();
        assert_eq!(docs.len(), n);
        assert!(docs.iter().all(|d| d.is_ok()), "{docs:?}");
    }
}
