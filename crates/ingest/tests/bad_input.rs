//! Bad inputs (issue 7, item 6): each is reported as an error naming the file (and the line or
//! record) with a reason, the documents around it are still read, and nothing panics.

use std::io::Write;
use std::path::{Path, PathBuf};

use marsad_ingest::{Error, Options, RawDoc, read_inputs, read_stream};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn run(paths: &[&Path], opts: &Options) -> (Vec<RawDoc>, Vec<Error>) {
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    for item in read_inputs(&paths, opts) {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e),
        }
    }
    (docs, errs)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    let _ = std::fs::write(&p, bytes);
    p
}

/// Exactly one error, at `loc_suffix`, whose message contains `reason`.
fn assert_one_error(errs: &[Error], loc_suffix: &str, reason: &str) {
    assert_eq!(errs.len(), 1, "{errs:?}");
    let loc = errs[0].location();
    let msg = errs[0].to_string();
    assert!(
        loc.ends_with(loc_suffix),
        "location {loc} should end with {loc_suffix}"
    );
    assert!(msg.contains(reason), "{msg:?} should contain {reason:?}");
}

fn tmp() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("cannot create a temporary directory: {e}"),
    }
}

#[test]
fn invalid_utf8_text_is_an_error_but_html_is_decoded() {
    let dir = tmp();
    let good = "هجوم مسلح".as_bytes();
    let mut bad = good.to_vec();
    bad.extend_from_slice(b" \xff\xfe ");
    let txt = write(dir.path(), "bad.txt", &bad);
    let next = write(dir.path(), "next.txt", good);
    let (docs, errs) = run(&[&txt, &next], &Options::default());
    assert_eq!(docs.len(), 1);
    assert_one_error(
        &errs,
        "bad.txt",
        "not valid UTF-8 (first bad byte at offset 18",
    );
    // The same bytes in a page are decoded by charset detection instead.
    let mut html = b"<html><body><p>".to_vec();
    html.extend_from_slice(
        &encoding_rs::WINDOWS_1256
            .encode("انفجار عبوة ناسفة قرب مركز للشرطة")
            .0,
    );
    html.extend_from_slice(b"</p></body></html>");
    let page = write(dir.path(), "legacy.html", &html);
    let (docs, errs) = run(&[&page], &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs[0].text, "انفجار عبوة ناسفة قرب مركز للشرطة");
}

#[test]
fn empty_files_of_every_format() {
    let dir = tmp();
    for name in [
        "e.txt",
        "e.html",
        "e.jsonl",
        "e.json",
        "e.zip",
        "e.warc",
        "e.xml",
        "e.warc.gz",
        "noext",
    ] {
        let p = write(dir.path(), name, b"");
        let (docs, errs) = run(&[&p], &Options::default());
        assert!(docs.is_empty());
        assert_one_error(&errs, name, "empty file");
        assert!(
            matches!(errs[0], Error::Empty { .. }),
            "{name}: {:?}",
            errs[0]
        );
    }
    // Whitespace only is empty too.
    let p = write(dir.path(), "blank.txt", b" \r\n\t\n");
    let (_, errs) = run(&[&p], &Options::default());
    assert_one_error(&errs, "blank.txt", "empty file");
    let p = write(dir.path(), "blank.jsonl", b"\n\n");
    let (docs, errs) = run(&[&p], &Options::default());
    assert!(docs.is_empty() && errs.is_empty(), "{errs:?}");
}

#[test]
fn binary_files() {
    let dir = tmp();
    let mut junk: Vec<u8> = (0u8..=255).cycle().take(3000).collect();
    junk.splice(0..4, *b"\x89PNG");
    for name in [
        "img.txt",
        "img.html",
        "img.jsonl",
        "img.json",
        "img.png",
        "img",
    ] {
        let p = write(dir.path(), name, &junk);
        let (docs, errs) = run(&[&p], &Options::default());
        assert!(docs.is_empty());
        assert_one_error(&errs, name, "binary file");
    }
}

fn zip_bytes(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zw = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let _ = zw.start_file(*name, o);
        let _ = zw.write_all(bytes);
    }
    zw.finish().map(|c| c.into_inner()).unwrap_or_default()
}

#[test]
fn broken_and_truncated_zips() {
    let dir = tmp();
    let garbage = write(
        dir.path(),
        "garbage.zip",
        b"PK\x03\x04 this is not really a zip archive",
    );
    let (docs, errs) = run(&[&garbage], &Options::default());
    assert!(docs.is_empty());
    assert_one_error(&errs, "garbage.zip", "broken zip archive");

    let array: String = (0..50)
        .map(|i| format!(r#"{{"content": "خبر رقم {i} عن اشتباكات مسلحة في المدينة"}}"#))
        .collect::<Vec<_>>()
        .join(",");
    let good = zip_bytes(&[("2015-07-21.json", format!("[{array}]").as_bytes())]);
    let cut = write(dir.path(), "cut.zip", &good[..good.len() / 2]);
    let (docs, errs) = run(&[&cut], &Options::default());
    assert!(docs.is_empty());
    assert_one_error(&errs, "cut.zip", "broken zip archive");

    // A corrupt entry is reported, and the next entry is still read.
    let first = "ليس هذا ما سيقرأ ".repeat(40);
    let mut z = zip_bytes(&[
        ("a.txt", first.as_bytes()),
        ("b.txt", "اختطاف صحفي".as_bytes()),
    ]);
    let mid = 30 + 5 + 40; // inside a.txt's compressed data (local header is 30 bytes + name)
    for b in &mut z[40..mid] {
        *b ^= 0x5a;
    }
    let corrupt = write(dir.path(), "corrupt.zip", &z);
    let (docs, errs) = run(&[&corrupt], &Options::default());
    assert_eq!(docs.len(), 1, "{errs:?}");
    assert_eq!(docs[0].text, "اختطاف صحفي");
    assert_one_error(&errs, "corrupt.zip!a.txt", "corrupt zip entry");
}

fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2015-08-08T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
    .into_bytes()
}

fn three_records() -> Vec<Vec<u8>> {
    (1..=3)
        .map(|i| {
            warc_record(
                &format!("https://news.example/{i}"),
                &format!("<html><body><p>الخبر رقم {i}: قصف مدفعي على مواقع المسلحين في الجبل.</p></body></html>"),
            )
        })
        .collect()
}

fn gz(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = e.write_all(r);
        out.extend(e.finish().unwrap_or_default());
    }
    out
}

#[test]
fn truncated_warc_keeps_the_records_before() {
    let dir = tmp();
    let recs = three_records();
    let plain = recs.concat();
    let cut_at = recs[0].len() + recs[1].len() + recs[2].len() / 2;
    let p = write(dir.path(), "cut.warc", &plain[..cut_at]);
    let (docs, errs) = run(&[&p], &Options::default());
    assert_eq!(docs.len(), 2);
    assert_one_error(&errs, "cut.warc#3", "truncated record");

    // Cut inside the WARC headers.
    let cut_at = recs[0].len() + 30;
    let p = write(dir.path(), "cut-head.warc", &plain[..cut_at]);
    let (docs, errs) = run(&[&p], &Options::default());
    assert_eq!(docs.len(), 1);
    assert_one_error(&errs, "cut-head.warc#2", "truncated record");

    // A truncated gzip member.
    let z = gz(&recs);
    let p = write(dir.path(), "cut.warc.gz", &z[..z.len() - 25]);
    let (docs, errs) = run(&[&p], &Options::default());
    assert_eq!(docs.len(), 2);
    assert_one_error(&errs, "cut.warc.gz#3", "truncated");

    // Not a WARC at all after the first record.
    let mut bad = recs[0].clone();
    bad.extend_from_slice(b"HTTP/1.1 200 OK\r\n\r\nhello");
    let p = write(dir.path(), "bad.warc", &bad);
    let (docs, errs) = run(&[&p], &Options::default());
    assert_eq!(docs.len(), 1);
    assert_one_error(&errs, "bad.warc#2", "expected a WARC/ version line");

    // Corrupt gzip data.
    let mut z = gz(&recs);
    let n = z.len();
    for b in &mut z[n / 2..n / 2 + 20] {
        *b = !*b;
    }
    let p = write(dir.path(), "corrupt.warc.gz", &z);
    let (docs, errs) = run(&[&p], &Options::default());
    assert!(docs.len() < 3);
    assert_eq!(errs.len(), 1, "{errs:?}");
}

#[test]
fn html_without_body_or_text() {
    let dir = tmp();
    let a = write(
        dir.path(),
        "nobody.html",
        b"<html><head><title>x</title></head></html>",
    );
    let b = write(
        dir.path(),
        "scripts.htm",
        b"<html><body><script>var a = 1;</script></body></html>",
    );
    let (docs, errs) = run(&[&a, &b], &Options::default());
    assert!(docs.is_empty());
    assert_eq!(errs.len(), 2);
    for (e, name) in errs.iter().zip(["nobody.html", "scripts.htm"]) {
        assert!(e.location().ends_with(name));
        assert!(e.to_string().contains("no article text"), "{e}");
    }
}

#[test]
fn bad_jsonl_lines_are_reported_by_line_and_skipped() {
    let dir = tmp();
    let mut body = Vec::new();
    body.extend_from_slice("{\"content\": \"الخبر الأول\"}\n".as_bytes());
    body.extend_from_slice(b"{\"content\": \"no closing brace\"\n");
    body.extend_from_slice("{\"title\": \"بلا نص\"}\n".as_bytes());
    body.extend_from_slice(b"{\"content\": \"\xff\xfe\"}\n");
    body.extend_from_slice("[\"مصفوفة\"]\n".as_bytes());
    body.extend_from_slice("{\"content\": 42}\n".as_bytes());
    body.extend_from_slice("{\"content\": \"الخبر الأخير\", \"date\": \"قبل يومين\"}\n".as_bytes());
    let p = write(dir.path(), "mixed.jsonl", &body);
    let (docs, errs) = run(&[&p], &Options::default());
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].text, "الخبر الأخير");
    // An unknown date form keeps the document, without a date.
    assert_eq!(docs[1].date, None);
    let got: Vec<(String, String)> = errs
        .iter()
        .map(|e| {
            (
                e.location()
                    .rsplit(':')
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                e.to_string(),
            )
        })
        .collect();
    let want = [
        ("2", "not JSON"),
        ("3", "no text field (looked for content, text, body)"),
        ("4", "not valid UTF-8"),
        ("5", "expected a JSON object, found an array"),
        ("6", "field 'content' is a number, not a string"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((line, msg), (wl, wm)) in got.iter().zip(want) {
        assert_eq!(line, wl, "{msg}");
        assert!(msg.contains(wm), "{msg:?} should contain {wm:?}");
    }
}

#[test]
fn over_max_bytes() {
    let dir = tmp();
    let opts = Options {
        max_bytes: 200,
        ..Options::default()
    };
    let long = "سطر طويل جدا ".repeat(40);
    let txt = write(dir.path(), "big.txt", long.as_bytes());
    let html = write(dir.path(), "big.html", format!("<p>{long}</p>").as_bytes());
    let (docs, errs) = run(&[&txt, &html], &opts);
    assert!(docs.is_empty());
    assert_eq!(errs.len(), 2);
    assert!(
        errs.iter()
            .all(|e| e.to_string().contains("over the 200 bytes limit")),
        "{errs:?}"
    );

    let jsonl = format!("{{\"content\": \"{long}\"}}\n{{\"content\": \"قصير\"}}\n");
    let p = write(dir.path(), "big.jsonl", jsonl.as_bytes());
    let (docs, errs) = run(&[&p], &opts);
    assert_eq!(docs.len(), 1);
    assert_one_error(&errs, "big.jsonl:1", "over the 200 bytes limit");

    let json = format!("[{{\"content\": \"{long}\"}}, {{\"content\": \"قصير\"}}]");
    let p = write(dir.path(), "big.json", json.as_bytes());
    let (docs, errs) = run(&[&p], &opts);
    assert_eq!(docs.len(), 1);
    assert_one_error(&errs, "big.json#1", "over the 200 bytes limit");

    let mut recs = three_records();
    recs.insert(
        1,
        warc_record("https://news.example/big", &format!("<p>{long}</p>")),
    );
    let p = write(dir.path(), "big.warc", &recs.concat());
    let opts = Options {
        max_bytes: 500,
        ..Options::default()
    };
    let (docs, errs) = run(&[&p], &opts);
    assert_eq!(docs.len(), 3);
    assert_one_error(&errs, "big.warc#2", "over the 500 bytes limit");
}

#[test]
fn unknown_dates_keep_the_document() {
    let html = r#"<html><head><meta property="article:published_time" content="الخميس الماضي"></head><body><p>نص الخبر عن الهجوم.</p></body></html>"#;
    let docs: Vec<_> = read_stream(
        "<stdin>",
        Box::new(std::io::Cursor::new(html.as_bytes().to_vec())),
        &Options::default(),
    )
    .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].as_ref().ok().map(|d| d.date), Some(None));
}

#[test]
fn nonexistent_path_then_the_next_input() {
    let missing = data("no-such-file.txt");
    let good = data("corpus/a_report.txt");
    let (docs, errs) = run(&[&missing, &good], &Options::default());
    assert_eq!(docs.len(), 1);
    assert_one_error(&errs, "no-such-file.txt", "No such file");
    assert!(matches!(errs[0], Error::Io { .. }));
}

#[test]
fn a_directory_with_bad_files_yields_the_good_ones() {
    let dir = tmp();
    write(dir.path(), "1.txt", "خبر أول".as_bytes());
    write(dir.path(), "2.txt", b"");
    write(dir.path(), "3.bin", b"\x00\x01\x02\x03\x04");
    write(
        dir.path(),
        "4.jsonl",
        "{\"text\": \"خبر ثان\"}\nnot json\n".as_bytes(),
    );
    let (docs, errs) = run(&[dir.path()], &Options::default());
    assert_eq!(
        docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(),
        ["خبر أول", "خبر ثان"]
    );
    let locs: Vec<String> = errs.iter().map(|e| e.location()).collect();
    assert_eq!(locs.len(), 3, "{locs:?}");
    assert!(
        locs[0].ends_with("2.txt") && locs[1].ends_with("3.bin") && locs[2].ends_with("4.jsonl:2")
    );
}

/// Mutated fixtures of every format must give documents or errors, never a panic.
#[test]
fn mutated_inputs_never_panic() {
    let mut seeds: Vec<Vec<u8>> = [
        "page.html",
        "feed.rss",
        "feed.atom",
        "articles.json",
        "corpus/c_feed.jsonl",
        "page-cp1256.html",
    ]
    .iter()
    .map(|n| std::fs::read(data(n)).unwrap_or_default())
    .collect();
    seeds.push(three_records().concat());
    seeds.push(gz(&three_records()));
    seeds.push(zip_bytes(&[("a.json", &seeds[3].clone())]));
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rand = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut outcomes = 0usize;
    for seed in &seeds {
        for _ in 0..25 {
            let mut m = seed.clone();
            match rand() % 3 {
                0 => {
                    let cut = (rand() as usize) % (m.len() + 1);
                    m.truncate(cut);
                }
                1 => {
                    for _ in 0..1 + rand() % 8 {
                        let i = (rand() as usize) % m.len().max(1);
                        if let Some(b) = m.get_mut(i) {
                            *b = rand() as u8;
                        }
                    }
                }
                _ => {
                    let i = (rand() as usize) % (m.len() + 1);
                    let junk: Vec<u8> = (0..rand() % 64).map(|_| rand() as u8).collect();
                    m.splice(i..i, junk);
                }
            }
            outcomes += read_stream(
                "<fuzz>",
                Box::new(std::io::Cursor::new(m)),
                &Options::default(),
            )
            .count();
        }
    }
    assert!(outcomes >= seeds.len() * 25);
}
