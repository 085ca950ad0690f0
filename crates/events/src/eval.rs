//! Scoring extracted events against a gold file in the format of `seeds.gold.json`.
//!
//! **Strict match** (the gold file's `about`): a predicted event matches a gold event when the
//! type agrees, the country agrees (when gold gives one), the place is one of the gold names or
//! within 50 km of the gold point (haversine, when both sides have coordinates), the date agrees
//! at the gold precision, and every casualty figure that gold gives is equal in value and
//! qualifier. "Agrees at the gold precision" is implemented as: the midpoint of the predicted
//! range lies inside the gold range and the predicted range is no longer than the gold range
//! (for gold precision `unknown` overlap suffices). A place name matches when its match form
//! equals a gold name or contains it as whole words ("مدينة الحسكة" ⊇ "الحسكة").
//!
//! Matching is one-to-one (maximum bipartite matching, required gold events first). Precision =
//! predictions matched to any gold event (required or optional) / predictions; recall = required
//! gold events matched / required gold events. Optional events may be found without penalty.
//!
//! **Per-field accuracy** is measured on a looser *alignment* so that a wrong field is counted as
//! wrong rather than as a miss: a prediction aligns with a gold event of the same type whose
//! evidence text lies inside (or overlaps) the prediction's evidence span. For every aligned pair
//! each field is compared where gold states it (date, place, country, perpetrator) or where
//! either side states it (casualty figures: both null counts as agreement only if gold lists the
//! field as null, so only fields present on one side are scored).
//!
//! Documents are read either from a directory (`file` entries) or from a JSONL corpus (`line`,
//! 1-based, with `start`/`end` character offsets into its `content`, and optionally `url` which
//! is checked). This module reads those files; the extraction itself is the caller's.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use model::{Count, Entity, Event, Qualifier};
use serde::Deserialize;
use text::normalize::match_form;

use crate::Error;
use crate::schema::{parse_type, type_name};

/// A gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldFile {
    /// What a match means.
    #[serde(default)]
    pub about: String,
    /// Documents.
    pub docs: Vec<GoldDoc>,
}

/// One gold document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// File name under the articles directory.
    #[serde(default)]
    pub file: Option<String>,
    /// 1-based line in a JSONL corpus.
    #[serde(default)]
    pub line: Option<usize>,
    /// Character offset into the line's `content`.
    #[serde(default)]
    pub start: Option<usize>,
    /// Character offset (exclusive) into the line's `content`.
    #[serde(default)]
    pub end: Option<usize>,
    /// URL of the JSONL record (checked when present).
    #[serde(default)]
    pub url: Option<String>,
    /// Publication date.
    #[serde(default)]
    pub doc_date: Option<NaiveDate>,
    /// Gold events.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

/// A gold date.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Precision name.
    #[serde(default)]
    pub precision: String,
}

/// A gold count.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldCount {
    /// Value.
    pub value: u64,
    /// Qualifier.
    pub qualifier: Qualifier,
}

/// One gold event.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// Must be found.
    #[serde(default)]
    pub required: bool,
    /// Type name.
    #[serde(rename = "type")]
    pub kind: String,
    /// Subtype.
    #[serde(default)]
    pub subtype: Option<String>,
    /// Date.
    #[serde(default)]
    pub date: Option<GoldDate>,
    /// Acceptable place names.
    #[serde(default)]
    pub place: Vec<String>,
    /// ISO alpha-2.
    #[serde(default)]
    pub country: Option<String>,
    /// Latitude.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default)]
    pub lon: Option<f64>,
    /// Perpetrator (English canonical name, KB id tail or Arabic name).
    #[serde(default)]
    pub perpetrator: Option<String>,
    /// Claimed.
    #[serde(default)]
    pub claimed: Option<bool>,
    /// Killed.
    #[serde(default)]
    pub killed: Option<GoldCount>,
    /// Wounded.
    #[serde(default)]
    pub wounded: Option<GoldCount>,
    /// Kidnapped.
    #[serde(default)]
    pub kidnapped: Option<GoldCount>,
    /// Arrested.
    #[serde(default)]
    pub arrested: Option<GoldCount>,
    /// The words that state it.
    #[serde(default)]
    pub evidence: String,
    /// Character offsets of the stating words in the document text (used instead of
    /// `evidence` when the text may not be copied into the gold file).
    #[serde(default)]
    pub evidence_span: Option<[usize; 2]>,
}

impl GoldFile {
    /// Parse a gold file.
    pub fn from_json(path: &str, s: &str) -> Result<GoldFile, Error> {
        serde_json::from_str(s).map_err(|e| Error::Format {
            path: path.to_string(),
            reason: e.to_string(),
        })
    }

    /// Read and parse a gold file.
    pub fn read(path: &Path) -> Result<GoldFile, Error> {
        let s = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_json(&path.display().to_string(), &s)
    }
}

/// Where gold documents' texts come from.
pub enum Articles {
    /// A directory of text files.
    Dir(std::path::PathBuf),
    /// The lines of a JSONL corpus.
    Jsonl {
        /// Path, for messages.
        path: String,
        /// Raw lines.
        lines: Vec<String>,
    },
}

#[derive(Deserialize)]
struct JsonlRecord {
    #[serde(default)]
    url: Option<String>,
    content: String,
}

impl Articles {
    /// A directory, or a `.jsonl` file (read whole).
    pub fn open(path: &Path) -> Result<Articles, Error> {
        if path.is_dir() {
            return Ok(Articles::Dir(path.to_path_buf()));
        }
        let s = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        Ok(Articles::Jsonl {
            path: path.display().to_string(),
            lines: s.lines().map(str::to_string).collect(),
        })
    }

    /// The text of a gold document.
    pub fn text(&self, d: &GoldDoc) -> Result<String, Error> {
        match (self, &d.file, d.line) {
            (Articles::Dir(dir), Some(f), _) => {
                let p = dir.join(f);
                std::fs::read_to_string(&p).map_err(|source| Error::Io {
                    path: p.display().to_string(),
                    source,
                })
            }
            (Articles::Jsonl { path, lines }, _, Some(line)) => {
                let bad = |reason: String| Error::Format {
                    path: format!("{path}:{line}"),
                    reason,
                };
                let raw = line
                    .checked_sub(1)
                    .and_then(|i| lines.get(i))
                    .ok_or_else(|| bad("no such line".into()))?;
                let rec: JsonlRecord =
                    serde_json::from_str(raw).map_err(|e| bad(e.to_string()))?;
                if let (Some(want), Some(have)) = (&d.url, &rec.url)
                    && want != have
                {
                    return Err(bad(format!("url is {have}, gold expects {want}")));
                }
                let n = rec.content.chars().count();
                let (s, e) = (d.start.unwrap_or(0), d.end.unwrap_or(n));
                if s > e || e > n {
                    return Err(bad(format!("offsets {s}..{e} outside 0..{n}")));
                }
                Ok(rec.content.chars().skip(s).take(e - s).collect())
            }
            _ => Err(Error::Format {
                path: "gold".into(),
                reason: "document has neither `file` (with a directory of articles) nor `line` (with a JSONL corpus)".into(),
            }),
        }
    }
}

/// What the system produced for one gold document.
pub struct Prediction {
    /// The document text extraction ran on.
    pub text: String,
    /// Extracted events.
    pub events: Vec<Event>,
    /// Extracted entities (to resolve perpetrator names).
    pub entities: Vec<Entity>,
}

/// Per-field tallies.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Agreements.
    pub ok: usize,
    /// Pairs scored.
    pub n: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.n == 0 {
            write!(f, "   -   (0/0)")
        } else {
            write!(
                f,
                "{:5.1}% ({}/{})",
                100.0 * self.ok as f64 / self.n as f64,
                self.ok,
                self.n
            )
        }
    }
}

/// One line of the per-document listing.
#[derive(Debug, Clone)]
pub struct DocLine {
    /// Document label.
    pub doc: String,
    /// Messages: matched / missed / spurious with their fields.
    pub notes: Vec<String>,
}

/// Evaluation report.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Documents.
    pub docs: usize,
    /// Predicted events.
    pub predicted: usize,
    /// Predictions matched to some gold event.
    pub pred_matched: usize,
    /// Required gold events.
    pub required: usize,
    /// Required gold events matched.
    pub required_matched: usize,
    /// Optional gold events matched.
    pub optional_matched: usize,
    /// Predictions with no strict match.
    pub spurious: usize,
    /// Aligned pairs (same type, evidence overlap).
    pub aligned: usize,
    /// Field accuracies on aligned pairs.
    pub fields: Vec<(&'static str, Tally)>,
    /// Per-document details.
    pub details: Vec<DocLine>,
}

impl Report {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.pred_matched, self.predicted)
    }
    /// Recall over required gold events.
    pub fn recall(&self) -> f64 {
        ratio(self.required_matched, self.required)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.details {
            writeln!(f, "# {}", d.doc)?;
            for n in &d.notes {
                writeln!(f, "  {n}")?;
            }
        }
        writeln!(f)?;
        writeln!(
            f,
            "documents {}  predicted {}  required gold {}  (strict match rule of the gold file)",
            self.docs, self.predicted, self.required
        )?;
        writeln!(
            f,
            "precision {:.3} ({}/{})  recall {:.3} ({}/{})  F1 {:.3}",
            self.precision(),
            self.pred_matched,
            self.predicted,
            self.recall(),
            self.required_matched,
            self.required,
            self.f1()
        )?;
        writeln!(
            f,
            "optional gold found {}  spurious {} ({:.2} per document)",
            self.optional_matched,
            self.spurious,
            ratio(self.spurious, self.docs)
        )?;
        writeln!(
            f,
            "field accuracy on {} aligned pairs (same type, evidence overlap):",
            self.aligned
        )?;
        for (name, t) in &self.fields {
            writeln!(f, "  {name:<12} {t}")?;
        }
        Ok(())
    }
}

const FIELDS: [&str; 9] = [
    "date",
    "place",
    "country",
    "killed",
    "wounded",
    "kidnapped",
    "arrested",
    "perpetrator",
    "claimed",
];

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn words(s: &str) -> Vec<String> {
    match_form(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a predicted place name matches a gold name.
pub fn name_matches(pred: &str, gold: &str) -> bool {
    let (p, g) = (words(pred), words(gold));
    if g.is_empty() {
        return false;
    }
    p == g || p.windows(g.len()).any(|w| w == g.as_slice())
}

fn place_ok(e: &Event, g: &GoldEvent) -> bool {
    if g.place.is_empty() {
        return true;
    }
    let Some(l) = &e.location else {
        return false;
    };
    if let (Some(a), Some(b), Some(c), Some(d)) = (l.lat, l.lon, g.lat, g.lon)
        && haversine_km(a, b, c, d) <= 50.0
    {
        return true;
    }
    g.place.iter().any(|n| name_matches(&l.name, n))
}

fn country_ok(e: &Event, g: &GoldEvent) -> bool {
    match &g.country {
        None => true,
        Some(c) => e
            .location
            .as_ref()
            .and_then(|l| l.country.as_deref())
            .is_some_and(|x| x.eq_ignore_ascii_case(c)),
    }
}

/// Date agreement at the gold precision (see the module doc).
pub fn date_ok(e: &Event, g: &GoldEvent) -> bool {
    let Some(gd) = &g.date else {
        return true;
    };
    let Some(d) = &e.date else {
        return false;
    };
    if gd.precision == "unknown" {
        return d.start <= gd.end && gd.start <= d.end;
    }
    let mid = d.start + (d.end - d.start) / 2;
    let len = (d.end - d.start).num_days();
    let glen = (gd.end - gd.start).num_days();
    gd.start <= mid && mid <= gd.end && len <= glen
}

fn count_ok(p: Option<Count>, g: &Option<GoldCount>) -> bool {
    match g {
        None => true,
        Some(g) => p.is_some_and(|p| p.value == g.value && p.qualifier == g.qualifier),
    }
}

fn counts_ok(e: &Event, g: &GoldEvent) -> bool {
    count_ok(e.killed, &g.killed)
        && count_ok(e.wounded, &g.wounded)
        && count_ok(e.kidnapped, &g.kidnapped)
        && count_ok(e.arrested, &g.arrested)
}

fn type_ok(e: &Event, g: &GoldEvent) -> bool {
    parse_type(&g.kind) == Some(e.kind)
}

/// The strict match of the gold file's `about`.
pub fn strict_match(e: &Event, g: &GoldEvent) -> bool {
    type_ok(e, g) && country_ok(e, g) && place_ok(e, g) && date_ok(e, g) && counts_ok(e, g)
}

/// Whether a predicted perpetrator is the gold one.
pub fn perpetrator_ok(e: &Event, g: &str, entities: &[Entity]) -> bool {
    let Some(p) = &e.perpetrator else {
        return false;
    };
    let gl = g.to_lowercase();
    let gm = match_form(g);
    if match_form(&p.name) == gm {
        return true;
    }
    let Some(id) = &p.entity else {
        return false;
    };
    if id
        .rsplit(':')
        .next()
        .is_some_and(|t| t.eq_ignore_ascii_case(&gl))
    {
        return true;
    }
    entities.iter().filter(|x| &x.id == id).any(|x| {
        x.name_en.as_deref().is_some_and(|n| n.to_lowercase() == gl)
            || match_form(&x.name) == gm
            || x.mentions.iter().any(|m| match_form(&m.text) == gm)
    })
}

fn find_chars(text: &str, needle: &str) -> Option<(usize, usize)> {
    let b = text.find(needle)?;
    let s = text[..b].chars().count();
    Some((s, s + needle.chars().count()))
}

/// Maximum bipartite matching (Kuhn), trying `order` of gold events in turn.
fn matching(adj: &[Vec<usize>], n_pred: usize, order: &[usize]) -> Vec<Option<usize>> {
    let mut pred_to_gold: Vec<Option<usize>> = vec![None; n_pred];
    fn try_assign(
        g: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        p2g: &mut [Option<usize>],
    ) -> bool {
        for &p in &adj[g] {
            if seen[p] {
                continue;
            }
            seen[p] = true;
            if p2g[p].is_none_or(|g2| try_assign(g2, adj, seen, p2g)) {
                p2g[p] = Some(g);
                return true;
            }
        }
        false
    }
    for &g in order {
        let mut seen = vec![false; n_pred];
        try_assign(g, adj, &mut seen, &mut pred_to_gold);
    }
    pred_to_gold
}

fn describe(e: &Event) -> String {
    format!(
        "{}/{} date={} place={} country={} killed={} wounded={} kidnapped={} arrested={} perp={} conf={}",
        type_name(e.kind),
        e.subtype.as_deref().unwrap_or("-"),
        e.date
            .as_ref()
            .map(|d| format!("{}..{}", d.start, d.end))
            .unwrap_or_else(|| "-".into()),
        e.location.as_ref().map(|l| l.name.as_str()).unwrap_or("-"),
        e.location
            .as_ref()
            .and_then(|l| l.country.as_deref())
            .unwrap_or("-"),
        fmt_count(e.killed),
        fmt_count(e.wounded),
        fmt_count(e.kidnapped),
        fmt_count(e.arrested),
        e.perpetrator
            .as_ref()
            .map(|p| p.name.as_str())
            .unwrap_or("-"),
        e.confidence
    )
}

fn fmt_count(c: Option<Count>) -> String {
    c.map(|c| format!("{}:{:?}", c.value, c.qualifier))
        .unwrap_or_else(|| "-".into())
}

fn gold_label(g: &GoldEvent, text: &str) -> String {
    let ev: String = match g.evidence_span {
        Some([s, e]) if g.evidence.is_empty() => text
            .chars()
            .skip(s)
            .take(e.saturating_sub(s).min(60))
            .collect(),
        _ => g.evidence.chars().take(60).collect(),
    };
    format!(
        "{} {} {} «{}»",
        if g.required { "required" } else { "optional" },
        g.kind,
        g.place.first().map(String::as_str).unwrap_or("-"),
        ev
    )
}

/// Score predictions (one per gold document, same order) against the gold file.
pub fn score(gold: &GoldFile, preds: &[Prediction]) -> Report {
    let mut r = Report {
        fields: FIELDS.iter().map(|f| (*f, Tally::default())).collect(),
        ..Report::default()
    };
    let mut fields: HashMap<&'static str, Tally> = HashMap::new();
    for (k, (doc, pred)) in gold.docs.iter().zip(preds).enumerate() {
        r.docs += 1;
        r.predicted += pred.events.len();
        let label = doc
            .file
            .clone()
            .or_else(|| {
                doc.line.map(|l| {
                    format!(
                        "line {l} [{}..{}]",
                        doc.start.unwrap_or(0),
                        doc.end.unwrap_or(0)
                    )
                })
            })
            .unwrap_or_else(|| format!("doc {k}"));
        let mut notes = Vec::new();
        let adj: Vec<Vec<usize>> = doc
            .events
            .iter()
            .map(|g| {
                (0..pred.events.len())
                    .filter(|&p| strict_match(&pred.events[p], g))
                    .collect()
            })
            .collect();
        let mut order: Vec<usize> = (0..doc.events.len())
            .filter(|&g| doc.events[g].required)
            .collect();
        order.extend((0..doc.events.len()).filter(|&g| !doc.events[g].required));
        let p2g = matching(&adj, pred.events.len(), &order);
        let mut gold_hit = vec![false; doc.events.len()];
        for (p, g) in p2g.iter().enumerate() {
            match g {
                Some(g) => {
                    gold_hit[*g] = true;
                    r.pred_matched += 1;
                    notes.push(format!(
                        "MATCH  {}  ⇐ {}",
                        gold_label(&doc.events[*g], &pred.text),
                        describe(&pred.events[p])
                    ));
                }
                None => {
                    r.spurious += 1;
                    let ev: String = pred.events[p].evidence.text.chars().take(70).collect();
                    notes.push(format!("EXTRA  {} «{}»", describe(&pred.events[p]), ev));
                }
            }
        }
        for (g, ge) in doc.events.iter().enumerate() {
            if ge.required {
                r.required += 1;
                r.required_matched += usize::from(gold_hit[g]);
            } else {
                r.optional_matched += usize::from(gold_hit[g]);
            }
            if !gold_hit[g] && ge.required {
                notes.push(format!("MISS   {}", gold_label(ge, &pred.text)));
            }
        }
        // Alignment for field accuracy.
        for ge in &doc.events {
            let span = match ge.evidence_span {
                Some([s, e]) => Some((s, e)),
                None if !ge.evidence.trim().is_empty() => {
                    find_chars(&pred.text, ge.evidence.trim())
                }
                None => None,
            };
            let Some((gs, gend)) = span else {
                continue;
            };
            let Some(e) = pred
                .events
                .iter()
                .find(|e| type_ok(e, ge) && e.evidence.start < gend && gs < e.evidence.end)
            else {
                continue;
            };
            r.aligned += 1;
            let mut add = |name: &'static str, ok: bool| fields.entry(name).or_default().add(ok);
            if ge.date.is_some() {
                add("date", date_ok(e, ge));
            }
            if !ge.place.is_empty() {
                add("place", place_ok(e, ge));
            }
            if ge.country.is_some() {
                add("country", country_ok(e, ge));
            }
            for (name, p, g) in [
                ("killed", e.killed, &ge.killed),
                ("wounded", e.wounded, &ge.wounded),
                ("kidnapped", e.kidnapped, &ge.kidnapped),
                ("arrested", e.arrested, &ge.arrested),
            ] {
                if g.is_some() || p.is_some() {
                    add(name, g.is_some() && count_ok(p, g));
                }
            }
            if let Some(pg) = &ge.perpetrator {
                add("perpetrator", perpetrator_ok(e, pg, &pred.entities));
            }
            if let Some(c) = ge.claimed {
                add("claimed", e.claimed == c);
            }
        }
        r.details.push(DocLine { doc: label, notes });
    }
    for (name, t) in r.fields.iter_mut() {
        *t = fields.get(name).copied().unwrap_or_default();
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{DateValue, Location, Precision, Span};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn event(kind: model::EventType, place: &str, country: &str, start: &str, end: &str) -> Event {
        let evidence = Span {
            text: String::new(),
            start: 0,
            end: 5,
        };
        Event {
            date: Some(DateValue {
                start: d(start),
                end: d(end),
                precision: Precision::Day,
                text: None,
            }),
            location: Some(Location {
                name: place.into(),
                country: Some(country.into()),
                precision: "unknown".into(),
                ..Location::default()
            }),
            killed: Some(Count::exact(3)),
            ..Event::bare("ev1", kind, evidence)
        }
    }

    const GOLD: &str = r#"{"docs":[{"file":"a.txt","doc_date":"2015-07-21","events":[
        {"required":true,"type":"attack","date":{"start":"2015-07-20","end":"2015-07-20","precision":"day"},
         "place":["عدن"],"country":"YE","lat":12.78,"lon":45.03,"killed":{"value":3,"qualifier":"exact"},"evidence":"هجوم"},
        {"required":false,"type":"threat_alert","place":["فرنسا"],"country":"FR","evidence":"x"}]}]}"#;

    #[test]
    fn strict_match_checks_every_field() {
        let g = GoldFile::from_json("t", GOLD).expect("gold");
        let ge = &g.docs[0].events[0];
        let e = event(
            model::EventType::Attack,
            "مدينة عدن",
            "YE",
            "2015-07-20",
            "2015-07-20",
        );
        assert!(strict_match(&e, ge));
        let mut wrong_day = e.clone();
        wrong_day.date = event(
            model::EventType::Attack,
            "عدن",
            "YE",
            "2015-07-19",
            "2015-07-19",
        )
        .date;
        assert!(!strict_match(&wrong_day, ge));
        let mut wrong_q = e.clone();
        wrong_q.killed = Some(Count {
            qualifier: Qualifier::AtLeast,
            ..Count::exact(3)
        });
        assert!(!strict_match(&wrong_q, ge));
        let mut near = e.clone();
        near.location = Some(Location {
            name: "كريتر".into(),
            country: Some("YE".into()),
            lat: Some(12.79),
            lon: Some(45.04),
            ..Location::default()
        });
        assert!(strict_match(&near, ge), "within 50 km by coordinates");
        let mut far = near.clone();
        far.location = Some(Location {
            name: "صنعاء".into(),
            country: Some("YE".into()),
            lat: Some(15.35),
            lon: Some(44.2),
            ..Location::default()
        });
        assert!(!strict_match(&far, ge));
        assert!(!strict_match(
            &event(
                model::EventType::Arrest,
                "عدن",
                "YE",
                "2015-07-20",
                "2015-07-20"
            ),
            ge
        ));
    }

    #[test]
    fn coarse_dates_agree_by_midpoint() {
        let g: GoldEvent = serde_json::from_str(r#"{"type":"attack","date":{"start":"2015-11-01","end":"2015-11-30","precision":"month"}}"#).expect("gold");
        let e = event(
            model::EventType::Attack,
            "باريس",
            "FR",
            "2015-11-13",
            "2015-11-13",
        );
        assert!(date_ok(&e, &g));
        let y = event(
            model::EventType::Attack,
            "باريس",
            "FR",
            "2015-01-01",
            "2015-12-31",
        );
        assert!(!date_ok(&y, &g), "a year is coarser than the gold month");
    }

    #[test]
    fn scoring_counts_optional_without_penalty_and_spurious() {
        let g = GoldFile::from_json("t", GOLD).expect("gold");
        let hit = event(
            model::EventType::Attack,
            "عدن",
            "YE",
            "2015-07-20",
            "2015-07-20",
        );
        let extra = event(
            model::EventType::Attack,
            "صنعاء",
            "YE",
            "2015-07-20",
            "2015-07-20",
        );
        let mut opt = event(
            model::EventType::ThreatAlert,
            "فرنسا",
            "FR",
            "2015-07-20",
            "2015-07-20",
        );
        opt.killed = None;
        let r = score(
            &g,
            &[Prediction {
                text: "هجوم في عدن".into(),
                events: vec![extra, hit, opt],
                entities: vec![],
            }],
        );
        assert_eq!(
            (
                r.required,
                r.required_matched,
                r.optional_matched,
                r.spurious
            ),
            (1, 1, 1, 1)
        );
        assert!((r.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((r.recall() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn jsonl_documents_are_cut_by_char_offsets_and_url_checked() {
        let dir = std::env::temp_dir().join(format!("marsad-events-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp dir");
        let p = dir.join("c.jsonl");
        std::fs::write(
            &p,
            "{\"url\":\"u1\",\"content\":\"أولا. هجوم في عدن.\"}\n{\"url\":\"u2\",\"content\":\"x\"}\n",
        )
        .expect("write");
        let arts = Articles::open(&p).expect("open");
        let doc = |line, url: &str| GoldDoc {
            file: None,
            line: Some(line),
            start: Some(6),
            end: Some(18),
            url: Some(url.into()),
            doc_date: None,
            events: vec![],
        };
        assert_eq!(arts.text(&doc(1, "u1")).expect("text"), "هجوم في عدن.");
        assert!(arts.text(&doc(1, "u2")).is_err(), "url mismatch");
        assert!(arts.text(&doc(2, "u2")).is_err(), "offsets past the end");
        assert!(arts.text(&doc(9, "u1")).is_err(), "no such line");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn haversine_is_sane() {
        let km = haversine_km(55.75, 37.62, 59.94, 30.31);
        assert!((km - 634.0).abs() < 10.0, "{km}");
    }
}
