//! HTML pages to documents: charset detection, boilerplate removal, title, date and URL.
//!
//! Decoding follows the browser order: a BOM, the HTTP `charset` (from a WARC record), a
//! `<meta charset>` / `http-equiv` declaration, valid UTF-8, and finally `chardetng`'s guess
//! (which recognises Windows-1256 and ISO-8859-6 Arabic pages); `encoding_rs` decodes.
//! The article body comes from `dom_smoothie` (a port of Mozilla Readability). When it fails
//! or finds little text, the `<p>` paragraphs outside navigation/header/footer are used, and
//! failing that the visible body text. The publication date comes from JSON-LD
//! `datePublished`, `article:published_time` and the other common meta tags (`og:*`, `date`,
//! `pubdate`, `DC.date`, …) or `<time pubdate>`.
//! It does not run scripts, fetch anything, or follow links.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use chrono::NaiveDate;
use dom_smoothie::{Config, Readability, TextMode};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::clean::{clean_text, title_opt};
use crate::date::parse_date;
use crate::{Error, Options, RawDoc};

/// Below this many characters the Readability result is compared with the plain paragraph
/// text and the longer one kept: short pages (briefs, wire items) often defeat its scoring.
const LITTLE_TEXT: usize = 250;

/// Decode an HTML page to a string (see the module doc for the order of evidence).
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_with_bom_removal(bytes).0.into_owned();
    }
    let declared = http_charset
        .and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    let enc = match declared {
        // A page cannot declare itself UTF-16 in ASCII-compatible bytes (WHATWG rule).
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => encoding_rs::UTF_8,
        // A page declared UTF-8 that is not: trust the bytes over the label.
        Some(e) if e == encoding_rs::UTF_8 && std::str::from_utf8(bytes).is_err() => guess(bytes),
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
        None => guess(bytes),
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

fn guess(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// The charset declared in the first 4 KB (`<meta charset=…>` or `content="…; charset=…"`).
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut j = from + i + 7;
        from = j;
        while j < lower.len() && matches!(lower[j], b' ' | b'\t' | b'\n' | b'\r') {
            j += 1;
        }
        if lower.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while j < lower.len() && matches!(lower[j], b' ' | b'"' | b'\'') {
            j += 1;
        }
        let start = j;
        while j < lower.len()
            && (lower[j].is_ascii_alphanumeric() || matches!(lower[j], b'-' | b'_' | b':' | b'.'))
        {
            j += 1;
        }
        if let Some(enc) = encoding_rs::Encoding::for_label(&lower[start..j]) {
            return Some(enc);
        }
    }
    None
}

/// Read an HTML file or record: decode, extract, apply the fallbacks for date and URL.
pub(crate) fn html_doc(
    name: &str,
    bytes: &[u8],
    http_charset: Option<&str>,
    url: Option<&str>,
    fallback_date: Option<NaiveDate>,
    opts: &Arc<Options>,
) -> Result<RawDoc, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::empty(name, "empty file"));
    }
    let html = decode_html(bytes, http_charset);
    let mut doc = html_to_doc(&html, url, name)?;
    if doc.date.is_none() {
        doc.date = fallback_date.or(opts.default_date);
    }
    Ok(doc)
}

/// Extract the article of a decoded HTML page. `url` is the page's address when known (it is
/// kept in the document and helps Readability resolve links); `source` names it in errors.
pub fn html_to_doc(html: &str, url: Option<&str>, source: &str) -> Result<RawDoc, Error> {
    let abs_url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let article = catch_unwind(AssertUnwindSafe(|| readability(html, abs_url)))
        .ok()
        .flatten();
    let (mut title, mut text, mut date, mut page_url) = match &article {
        Some(a) => (
            title_opt(&a.title),
            clean_text(&a.text_content),
            a.published_time.as_deref().and_then(parse_date),
            a.url.clone(),
        ),
        None => (None, String::new(), None, None),
    };
    let little = text.chars().count() < LITTLE_TEXT;
    if little || date.is_none() || title.is_none() || (url.is_none() && page_url.is_none()) {
        let page = catch_unwind(AssertUnwindSafe(|| scan_page(html))).ok();
        if let Some(page) = page {
            if little && page.text.chars().count() > text.chars().count() {
                text = page.text;
            }
            date = date.or(page.date);
            title = title.or(page.title);
            page_url = page_url.or(page.url);
        }
    }
    if text.is_empty() {
        return Err(Error::empty(
            source,
            "HTML page has no article text (no body, or only scripts and navigation)",
        ));
    }
    Ok(RawDoc {
        source: source.to_string(),
        url: url.map(str::to_string).or(page_url),
        title,
        date,
        text,
    })
}

fn readability(html: &str, url: Option<&str>) -> Option<dom_smoothie::Article> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut r = match Readability::new(html, url, Some(cfg.clone())) {
        Ok(r) => r,
        Err(_) => Readability::new(html, None, Some(cfg)).ok()?,
    };
    r.parse().ok()
}

/// What a plain scan of the page finds.
struct Page {
    text: String,
    title: Option<String>,
    date: Option<NaiveDate>,
    url: Option<String>,
}

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select",
    "button",
];
/// Page furniture around the article.
const CHROME: &[&str] = &["nav", "header", "footer", "aside", "form", "menu"];
/// Elements that break lines.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "main",
    "br",
    "hr",
    "td",
    "th",
];
/// Meta names/properties that carry a publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article:modified_time",
];
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "dc.title", "headline"];

/// Scan a page: meta tags, JSON-LD, `<title>`, and the paragraph text as the fallback body.
fn scan_page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut ld_date = None;
    let mut ld_title = None;
    let mut time_date = None;
    let mut title_tag = None;
    let mut canonical = None;
    let mut paragraphs = String::new();
    for node in doc.root_element().descendants() {
        let Some(el) = scraper::ElementRef::wrap(node) else {
            continue;
        };
        let e = el.value();
        match e.name() {
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"));
                if let (Some(k), Some(c)) = (key, e.attr("content")) {
                    metas.push((k.trim().to_ascii_lowercase(), c.trim().to_string()));
                }
            }
            "link"
                if e.attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                canonical = canonical.or_else(|| e.attr("href").map(str::to_string));
            }
            "time"
                if e.attr("pubdate").is_some() || e.attr("itemprop") == Some("datePublished") =>
            {
                time_date = time_date.or_else(|| e.attr("datetime").and_then(parse_date));
            }
            "title" if title_tag.is_none() => {
                title_tag = title_opt(&el.text().collect::<String>());
            }
            "script"
                if e.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                let json: String = el.text().collect();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&json) {
                    ld_date =
                        ld_date.or_else(|| find_ld(&v, "datePublished", 0).and_then(parse_date));
                    ld_title = ld_title.or_else(|| find_ld(&v, "headline", 0).and_then(title_opt));
                }
            }
            "p" if !el.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|x| CHROME.contains(&x.name()) || SKIP.contains(&x.name()))
            }) =>
            {
                let t = node_text(node, false);
                if !t.trim().is_empty() {
                    paragraphs.push_str(&t);
                    paragraphs.push_str("\n\n");
                }
            }
            _ => {}
        }
    }
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(mk, v)| mk == k && !v.is_empty())
                .map(|(_, v)| v.as_str())
        })
    };
    let meta_date = DATE_KEYS.iter().find_map(|k| {
        metas
            .iter()
            .filter(|(mk, _)| mk == k)
            .find_map(|(_, v)| parse_date(v))
    });
    let mut text = clean_text(&paragraphs);
    if text.chars().count() < 80 {
        let body = clean_text(&node_text(*doc.root_element(), true));
        if body.chars().count() > text.chars().count() {
            text = body;
        }
    }
    Page {
        text,
        title: ld_title
            .or_else(|| meta(TITLE_KEYS).and_then(title_opt))
            .or(title_tag),
        date: ld_date.or(meta_date).or(time_date),
        url: meta(&["og:url"])
            .map(str::to_string)
            .or(canonical)
            .filter(|u| u.starts_with("http")),
    }
}

/// The first string value under `key` anywhere in a JSON-LD value (`@graph` included).
fn find_ld<'a>(v: &'a serde_json::Value, key: &str, depth: usize) -> Option<&'a str> {
    if depth > 8 {
        return None;
    }
    match v {
        serde_json::Value::Object(o) => o
            .get(key)
            .and_then(|x| x.as_str())
            .or_else(|| o.values().find_map(|x| find_ld(x, key, depth + 1))),
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_ld(x, key, depth + 1)),
        _ => None,
    }
}

/// Visible text under a node, with line breaks at block elements. Iterative (no recursion),
/// so deeply nested pages cannot overflow the stack.
pub(crate) fn node_text(root: ego_tree::NodeRef<'_, Node>, skip_chrome: bool) -> String {
    let mut out = String::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => out.push_str(t),
                    Node::Element(e) => {
                        let name = e.name();
                        if SKIP.contains(&name) || (skip_chrome && CHROME.contains(&name)) {
                            skipping = Some(n.id());
                        } else if BLOCK.contains(&name) {
                            out.push_str(if name == "br" { "\n" } else { "\n\n" });
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skipping == Some(n.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Node::Element(e) = n.value()
                    && BLOCK.contains(&e.name())
                    && e.name() != "br"
                {
                    out.push_str("\n\n");
                }
            }
        }
    }
    out
}

/// Text of an HTML fragment (feed item content), with paragraph breaks.
pub(crate) fn fragment_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return clean_text(html);
    }
    let frag = Html::parse_fragment(html);
    clean_text(&node_text(*frag.root_element(), false))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<!DOCTYPE html><html lang="ar" dir="rtl"><head>
<meta charset="utf-8"><title>مقتل جنديين في هجوم | موقع الأخبار</title>
<meta property="og:title" content="مقتل جنديين في هجوم على حاجز">
<meta property="article:published_time" content="2016-03-04T09:15:00+02:00">
</head><body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>
<article><h1>مقتل جنديين في هجوم على حاجز</h1>
<p>قتل جنديان وأصيب ثلاثة آخرون في هجوم شنه مسلحون مجهولون على حاجز للجيش جنوب المدينة فجر اليوم الجمعة، بحسب ما أفاد مصدر عسكري.</p>
<p>وأوضح المصدر أن المهاجمين استخدموا أسلحة رشاشة وقذائف صاروخية، قبل أن يلوذوا بالفرار باتجاه المناطق الجبلية المحيطة، فيما فرضت القوات طوقا أمنيا على المنطقة.</p>
<p>ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن، وهو الثالث من نوعه خلال الشهر الجاري.</p>
</article><footer>جميع الحقوق محفوظة</footer><script>var x = "لا تقرأ";</script></body></html>"#;

    #[test]
    fn article_text_title_and_date() {
        let d = html_to_doc(ARTICLE, Some("https://news.example/a/1"), "a.html");
        let d = d.as_ref().ok();
        let text = d.map(|d| d.text.as_str()).unwrap_or_default();
        assert!(text.contains("قتل جنديان وأصيب ثلاثة آخرون"), "{text}");
        assert!(text.contains("ولم تعلن أي جهة"), "{text}");
        assert!(
            !text.contains("الرئيسية") && !text.contains("لا تقرأ") && !text.contains("محفوظة"),
            "{text}"
        );
        assert_eq!(d.and_then(|d| d.date), NaiveDate::from_ymd_opt(2016, 3, 4));
        assert!(
            d.and_then(|d| d.title.as_deref())
                .is_some_and(|t| t.contains("مقتل جنديين"))
        );
        assert_eq!(
            d.and_then(|d| d.url.as_deref()),
            Some("https://news.example/a/1")
        );
    }

    #[test]
    fn short_page_falls_back_to_paragraphs_and_json_ld_date() {
        let html = r#"<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"غارة على مخزن","datePublished":"2017-05-06T10:00:00Z"}]}
</script></head><body><div class="menu"><p>خبر قصير:</p></div><p>دمرت غارة جوية مخزنا للأسلحة.</p></body></html>"#;
        let d = html_to_doc(html, None, "b.html");
        let d = d.as_ref().ok();
        assert!(d.is_some_and(|d| d.text.contains("دمرت غارة جوية مخزنا للأسلحة.")));
        assert_eq!(d.and_then(|d| d.date), NaiveDate::from_ymd_opt(2017, 5, 6));
        assert_eq!(d.and_then(|d| d.title.as_deref()), Some("غارة على مخزن"));
    }

    #[test]
    fn other_meta_dates() {
        for meta in [
            r#"<meta name="DC.date" content="2018-01-02">"#,
            r#"<meta name="pubdate" content="20180102">"#,
            r#"<meta itemprop="datePublished" content="2018-01-02 08:00:00">"#,
        ] {
            let html = format!(
                "<html><head>{meta}</head><body><p>انفجار قنبلة في محطة حافلات.</p></body></html>"
            );
            let d = html_to_doc(&html, None, "c.html").ok();
            assert_eq!(
                d.and_then(|d| d.date),
                NaiveDate::from_ymd_opt(2018, 1, 2),
                "{meta}"
            );
        }
    }

    #[test]
    fn no_text_is_an_error() {
        for html in [
            "<html><head><title>فارغ</title></head></html>",
            "<html><body><script>alert(1)</script><style>p{}</style></body></html>",
            "<html><body> <!-- تعليق --> \n </body></html>",
        ] {
            let e = html_to_doc(html, None, "d.html")
                .err()
                .map(|e| e.to_string());
            assert!(
                e.as_deref().unwrap_or_default().contains("no article text"),
                "{html} {e:?} {:?}",
                html_to_doc(html, None, "d.html")
            );
        }
    }

    #[test]
    fn windows_1256_is_detected() {
        let text = "<html><body><p>أعلنت السلطات مقتل خمسة أشخاص في انفجار سيارة مفخخة وسط المدينة، وإصابة عشرين آخرين بجروح مختلفة.</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode_html(&bytes, None), text);
        // Declared in a meta tag.
        let declared = format!(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">{text}"
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&declared);
        assert_eq!(decode_html(&bytes, None), declared);
        // From an HTTP header.
        let (bytes, _, _) = encoding_rs::ISO_8859_6.encode("نص قصير");
        assert_eq!(decode_html(&bytes, Some("ISO-8859-6")), "نص قصير");
    }

    #[test]
    fn fragments() {
        assert_eq!(
            fragment_text("<p>سطر &amp; أول</p><p>سطر ثان</p>"),
            "سطر & أول\n\nسطر ثان"
        );
        assert_eq!(fragment_text("نص بلا وسوم"), "نص بلا وسوم");
    }
}
