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
    assert!(
        docs[0]
            .text
            .starts_with("قتل ثلاثة جنود وأصيب خمسة آخرون، صباح اليوم،")
    );
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
        [
            "a_report.txt",
            "c_feed.jsonl#n1",
            "c_feed.jsonl:3",
            "sub/b_report.txt"
        ]
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
    let path = f
        .as_ref()
        .map(|f| f.path().display().to_string())
        .unwrap_or_default();
    if let Some(f) = f.as_mut() {
        let _ = writeln!(
            f,
            r#"{{"body_ar": "خطف مسلحون مهندسين اثنين", "published_on": "2016-01-05"}}"#
        );
        let _ = writeln!(f, r#"{{"content": "لا يقرأ هذا الحقل"}}"#);
    }
    let (docs, errs) = read_all(&[path], &opts);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].date, ymd(2016, 1, 5));
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].contains(":2: no text field (looked for body_ar)"),
        "{errs:?}"
    );
}

#[test]
fn json_array_file() {
    let (docs, errs) = read_all(&[data("articles.json")], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 2);
    assert!(docs[0].source.ends_with("articles.json#1"));
    assert_eq!(
        docs[0].text,
        "هاجم مسلحون دورية للشرطة في شمال سيناء.\n\nوأسفر الهجوم عن مقتل شرطيين."
    );
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
    assert!(
        docs[0].source.ends_with("2015-08-01.zip!2015-08-01.json#1"),
        "{}",
        docs[0].source
    );
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
        (
            "{\"content\": \"نص أول\"}\n{\"content\": \"نص ثان\"}\n".as_bytes(),
            2,
        ),
        ("[{\"text\": \"نص\"}]".as_bytes(), 1),
        ("مقتل شخصين في غارة جوية".as_bytes(), 1),
        (
            "<html><body><p>قصفت طائرات حربية مواقع للمسلحين في ريف إدلب.</p></body></html>"
                .as_bytes(),
            1,
        ),
    ];
    for (bytes, n) in cases {
        let docs: Vec<_> = read_stream(
            "<stdin>",
            Box::new(std::io::Cursor::new(bytes.to_vec())),
            &Options::default(),
        )
        .collect();
        assert_eq!(docs.len(), n);
        assert!(docs.iter().all(|d| d.is_ok()), "{docs:?}");
    }
}

#[test]
fn html_page_without_boilerplate() {
    let (docs, errs) = read_all(&[data("page.html")], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    let d = &docs[0];
    assert!(d.text.contains("قتل خمسة عشر شخصا على الأقل"), "{}", d.text);
    assert!(d.text.contains("وأعلن تنظيم متطرف مسؤوليته"));
    for chrome in ["الصفحة الرئيسية", "أخبار محلية", "جميع الحقوق", "analytics"]
    {
        assert!(!d.text.contains(chrome), "{chrome} in {}", d.text);
    }
    assert_eq!(d.date, ymd(2015, 8, 7));
    assert_eq!(
        d.url.as_deref(),
        Some("https://news.example/2015/08/07/mosque-bombing")
    );
    assert!(
        d.title
            .as_deref()
            .is_some_and(|t| t.contains("تفجير انتحاري يستهدف مسجدا"))
    );
}

#[test]
fn windows_1256_html_declared_and_guessed() {
    for name in ["page-cp1256.html", "page-cp1256-undeclared.htm"] {
        let (docs, errs) = read_all(&[data(name)], &Options::default());
        assert!(errs.is_empty(), "{name}: {errs:?}");
        assert!(
            docs[0]
                .text
                .contains("اندلعت اشتباكات عنيفة بين قوات الأمن ومسلحين"),
            "{name}: {}",
            docs[0].text
        );
        assert_eq!(docs[0].title.as_deref(), Some("اشتباكات عنيفة في الضواحي"));
        assert_eq!(docs[0].date, ymd(2009, 11, 3), "{name}");
    }
}

#[test]
fn rss_items_and_atom_entries() {
    let (docs, errs) = read_all(&[data("feed.rss")], &Options::default());
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].text,
        "قتل جنديان وأصيب ثالث بانفجار لغم أرضي أثناء دورية على الحدود.\n\nوفتح الجيش تحقيقا في الحادث."
    );
    assert_eq!(docs[0].title.as_deref(), Some("مقتل جنديين بانفجار لغم"));
    assert_eq!(docs[0].url.as_deref(), Some("https://news.example/item/1"));
    assert_eq!(docs[0].date, ymd(2015, 8, 8));
    assert!(docs[1].source.ends_with("feed.rss#3"));
    // The item without text is reported, by number.
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].contains("feed.rss#2: feed item has no content or summary"),
        "{errs:?}"
    );

    let (docs, errs) = read_all(&[data("feed.atom")], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 1);
    assert_eq!(
        docs[0].text,
        "استهدفت طائرة مسيرة مخزنا للذخيرة قرب المطار، دون أن تسفر عن إصابات."
    );
    assert_eq!(docs[0].date, ymd(2015, 8, 10));
}

/// One WARC record, as CC-NEWS writes them.
pub fn warc_record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:x>\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

pub fn http(status: &str, ctype: &str, body: &[u8]) -> Vec<u8> {
    let mut v =
        format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nServer: x\r\n\r\n").into_bytes();
    v.extend_from_slice(body);
    v
}

/// A small crawl: warcinfo, a request, an HTML response, a redirect, an image, a Windows-1256
/// response, each record gzipped separately like CC-NEWS.
pub fn sample_warc() -> Vec<Vec<u8>> {
    let page = std::fs::read(data("page.html")).unwrap_or_default();
    let cp = std::fs::read(data("page-cp1256-undeclared.htm")).unwrap_or_default();
    let no_date = "<html><body><p>سقطت قذيفة هاون على حي سكني دون وقوع إصابات، وفق الدفاع المدني.</p></body></html>";
    vec![
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 9\r\n\r\nsoftware:\r\n\r\n".to_vec(),
        warc_record(
            "request",
            "https://news.example/a",
            "2015-08-08T00:00:00Z",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://news.example/a",
            "2015-08-08T00:00:00Z",
            &http("200 OK", "text/html; charset=utf-8", &page),
        ),
        warc_record(
            "response",
            "https://news.example/old",
            "2015-08-08T00:00:01Z",
            &http("301 Moved Permanently", "text/html", b""),
        ),
        warc_record(
            "response",
            "https://news.example/logo.png",
            "2015-08-08T00:00:02Z",
            &http("200 OK", "image/png", b"\x89PNG\r\n"),
        ),
        warc_record(
            "response",
            "https://news.example/b",
            "2015-08-09T00:00:03Z",
            &http("200 OK", "text/html; charset=windows-1256", &cp),
        ),
        warc_record(
            "response",
            "https://news.example/c",
            "2015-08-10T05:00:00Z",
            &http("200 OK", "text/html", no_date.as_bytes()),
        ),
    ]
}

pub fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = gz.write_all(r);
        out.extend(gz.finish().unwrap_or_default());
    }
    out
}

#[test]
fn warc_plain_and_gzipped() {
    let dir = tempfile::tempdir().ok();
    let Some(dir) = dir else { return };
    let records = sample_warc();
    let plain = dir.path().join("crawl.warc");
    let gz = dir.path().join("crawl.warc.gz");
    let _ = std::fs::write(&plain, records.concat());
    let _ = std::fs::write(&gz, gzip_members(&records));
    for path in [plain, gz] {
        let (docs, errs) = read_all(&[path.display().to_string()], &Options::default());
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(docs.len(), 3, "{docs:?}");
        assert!(docs[0].source.ends_with("#3"), "{}", docs[0].source);
        assert_eq!(docs[0].url.as_deref(), Some("https://news.example/a"));
        // The page's own publication date wins over the crawl date.
        assert_eq!(docs[0].date, ymd(2015, 8, 7));
        assert!(docs[0].text.contains("قتل خمسة عشر شخصا"));
        assert!(
            docs[1].text.contains("اندلعت اشتباكات عنيفة"),
            "{}",
            docs[1].text
        );
        // No date in the page: WARC-Date.
        assert_eq!(docs[2].date, ymd(2015, 8, 10));
        assert_eq!(docs[2].url.as_deref(), Some("https://news.example/c"));
    }
}

#[test]
fn jsonl_name_with_an_array_inside() {
    let dir = tempfile::tempdir().ok();
    let Some(dir) = dir else { return };
    let path = dir.path().join("dump.jsonl");
    let _ = std::fs::write(
        &path,
        "[\n{\"content\": \"خبر أول\"},\n{\"content\": \"خبر ثان\"}\n]\n",
    );
    let (docs, errs) = read_all(&[path.display().to_string()], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 2);
}
