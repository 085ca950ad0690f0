//! Incident merge: when do two event reports describe the same real-world incident, and what does
//! the merged incident say.
//!
//! # The rule
//!
//! A new event joins an existing incident when it is compatible with **every** event already in it
//! (complete linkage, so a chain of loosely similar reports cannot drift into one blob). Two events
//! are compatible when all of these hold:
//!
//! 1. **Type**: same event type, or one is `attack` and the other `claim` (a claim is about an
//!    attack). When both carry a subtype, the subtypes are equal.
//! 2. **Date**: both have a date window and the windows overlap (`a.start <= b.end && b.start <=
//!    a.end`); two day-precision dates may be one day apart (overnight attacks, time zones). An
//!    event without any date, or with an `unknown`-precision date ("recently", "the last attack"),
//!    gets the window *one year before its publication date (or the end of its unknown window) up
//!    to that day*, so a vague window overlapping a day counts, and is then *weak*: it merges only with a dated event (never with another undated one), only on a strong
//!    place match (same place name, or both at city/point precision within 50 km) with every
//!    member, and only when at least one dated member at such a place names the same perpetrator
//!    entity (the anchor).
//! 3. **Place**: both have a location, their countries (when both known) are equal, and one of:
//!    the same match-normalised place name; both finer than country with coordinates within
//!    [`MAX_KM`] km; one is an admin1 area whose name is the other's admin1 (containment); one has
//!    only country precision and the countries are equal (containment). Events without a location
//!    never merge across articles.
//! 4. **Perpetrator**: the same entity id, or at least one side without an entity id.
//! 5. **Different documents**: an event never joins an incident that already holds an event of its
//!    own document (twin attacks reported side by side stay two incidents).
//!
//! Events of a near-duplicate copy are first attached to the incidents of the original's events
//! ([`copy_compatible`]: same type, no contradicting country or date), so a wire copy adds a
//! source but never a second incident.
//!
//! Among several compatible incidents the one with the highest score (date agreement + place
//! closeness + perpetrator agreement + equal killed figure, summed over members and averaged) wins;
//! ties go to the older incident. Casualty figures never block a merge: sources disagree on tolls
//! and that disagreement is what the `disputed` flag reports.
//!
//! # The merged incident
//!
//! Every member event keeps its own values (they stay in the `events` table). For each field the
//! incident holds a consensus: for counts the most frequent headline value (ties: the exact
//! qualifier, then the higher figure, since tolls rise as reports come in), plus the range across
//! sources (killed 137–145) and a per-field `disputed` flag when sources give different values; for
//! the date the most specific window (narrowest, then most frequent); for the place the most
//! specific precision (point > city > admin1 > country), then the most frequent name; for the
//! perpetrator the most frequent entity id.
//!
//! This module is pure logic; reading and writing incidents is in the SQLite backend.

use std::collections::HashMap;

use chrono::NaiveDate;
use model::{Count, EventType, Precision, Qualifier};

/// Largest distance (km) between two places of the same incident.
pub const MAX_KM: f64 = 50.0;
/// Longest date window (days) that takes part in merging; vaguer dates say too little.
pub const MAX_WINDOW_DAYS: i64 = 400;
/// How far before its article an undated event may have happened.
pub const UNDATED_LOOKBACK_DAYS: i64 = 365;

/// What merging needs to know about one event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventView {
    /// Global event id.
    pub id: String,
    /// Document (ingest sequence number).
    pub doc_seq: i64,
    /// Event type.
    pub kind: EventType,
    /// Subtype.
    pub subtype: Option<String>,
    /// Date window (inclusive), explicit or derived from the publication date.
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// Precision of the window (`None` when derived from the publication date: undated).
    pub precision: Option<Precision>,
    /// Place name as named.
    pub place: Option<String>,
    /// Match-normalised place name.
    pub place_norm: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// First-level division.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// `point | city | admin1 | country | region | unknown`.
    pub geo_precision: Option<String>,
    /// Perpetrator entity id.
    pub perpetrator: Option<String>,
    /// Perpetrator as named.
    pub perpetrator_name: Option<String>,
    /// Counts.
    pub killed: Option<Count>,
    /// Counts.
    pub wounded: Option<Count>,
    /// Counts.
    pub kidnapped: Option<Count>,
    /// Counts.
    pub arrested: Option<Count>,
}

impl EventView {
    /// True when the date window comes from the publication date, not from the text.
    pub fn undated(&self) -> bool {
        self.window.is_some() && self.precision.is_none()
    }

    /// True when the event can take part in cross-article merging at all.
    pub fn mergeable(&self) -> bool {
        self.window
            .is_some_and(|(s, e)| (e - s).num_days() <= MAX_WINDOW_DAYS)
            && (self.place_norm.is_some() || self.country.is_some())
    }
}

/// The window and precision merging uses for an event. An explicit date keeps its window. No
/// date, or a date of `unknown` precision (a "recently" the extractor bounded by guesswork), is
/// *weak*: its window becomes the year before it ends (the publication date when there is no
/// date) and its precision `None`, so it merges only through an anchor (see the module doc).
pub fn weigh_date(
    date: Option<(NaiveDate, NaiveDate)>,
    precision: Option<Precision>,
    doc_date: Option<NaiveDate>,
) -> (Option<(NaiveDate, NaiveDate)>, Option<Precision>) {
    match (date, precision) {
        (Some((_, e)), Some(Precision::Unknown)) => (
            Some((e - chrono::Duration::days(UNDATED_LOOKBACK_DAYS), e)),
            None,
        ),
        (Some(d), p) => (Some(d), p.or(Some(Precision::Unknown))),
        (None, _) => (event_window(None, doc_date), None),
    }
}

/// The window an event is looked up with: its date, or the year before publication.
pub fn event_window(
    date: Option<(NaiveDate, NaiveDate)>,
    doc_date: Option<NaiveDate>,
) -> Option<(NaiveDate, NaiveDate)> {
    date.or_else(|| doc_date.map(|d| (d - chrono::Duration::days(UNDATED_LOOKBACK_DAYS), d)))
}

fn types_compatible(a: &EventView, b: &EventView) -> bool {
    let same = a.kind == b.kind
        || matches!(
            (a.kind, b.kind),
            (EventType::Attack, EventType::Claim) | (EventType::Claim, EventType::Attack)
        );
    let sub = match (&a.subtype, &b.subtype) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    same && sub
}

fn geo_rank(p: Option<&str>) -> u8 {
    match p {
        Some("point") => 4,
        Some("city") => 3,
        Some("admin1") => 2,
        Some("country") => 1,
        _ => 0,
    }
}

/// Great-circle distance in km (haversine).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6371.0_f64;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

/// How well two places agree: `None` incompatible; `(score, strong)` otherwise, where strong
/// means same name or two city/point places close together.
fn place_compatible(a: &EventView, b: &EventView) -> Option<(f64, bool)> {
    if let (Some(ca), Some(cb)) = (&a.country, &b.country)
        && ca != cb
    {
        return None;
    }
    if let (Some(na), Some(nb)) = (&a.place_norm, &b.place_norm)
        && !na.is_empty()
        && na == nb
    {
        return Some((1.0, true));
    }
    let (ra, rb) = (
        geo_rank(a.geo_precision.as_deref()),
        geo_rank(b.geo_precision.as_deref()),
    );
    let same_country = matches!((&a.country, &b.country), (Some(x), Some(y)) if x == y);
    if same_country && (ra == 1 || rb == 1) {
        return Some((0.3, false));
    }
    // Containment: an admin1-precision place named like the other's admin1.
    let contains = |big: &EventView, small: &EventView| {
        geo_rank(big.geo_precision.as_deref()) == 2
            && matches!((&big.place_norm, &small.admin1), (Some(n), Some(a1)) if text::normalize::match_form(a1) == *n
                || big.admin1.as_ref().is_some_and(|b1| b1 == a1))
    };
    if same_country && (contains(a, b) || contains(b, a)) {
        return Some((0.5, false));
    }
    if ra >= 2
        && rb >= 2
        && let (Some(la), Some(oa), Some(lb), Some(ob)) = (a.lat, a.lon, b.lat, b.lon)
    {
        let d = haversine_km(la, oa, lb, ob);
        if d <= MAX_KM {
            return Some((1.0 - d / (2.0 * MAX_KM), ra >= 3 && rb >= 3));
        }
    }
    None
}

fn date_compatible(a: &EventView, b: &EventView) -> Option<f64> {
    let ((sa, ea), (sb, eb)) = (a.window?, b.window?);
    let slack = if a.precision == Some(Precision::Day) && b.precision == Some(Precision::Day) {
        chrono::Duration::days(1)
    } else {
        chrono::Duration::zero()
    };
    if sa <= eb + slack && sb <= ea + slack {
        Some(if sa == sb && ea == eb { 1.0 } else { 0.5 })
    } else {
        None
    }
}

/// Whether two events can be the same incident, and how well they agree (higher is better).
pub fn compatible(a: &EventView, b: &EventView) -> Option<f64> {
    if !types_compatible(a, b) || !a.mergeable() || !b.mergeable() {
        return None;
    }
    if a.undated() && b.undated() {
        return None;
    }
    let date = date_compatible(a, b)?;
    let (place, strong) = place_compatible(a, b)?;
    let perp = match (&a.perpetrator, &b.perpetrator) {
        (Some(x), Some(y)) if x == y => 1.0,
        (Some(_), Some(_)) => return None,
        _ => 0.3,
    };
    if (a.undated() || b.undated()) && !strong {
        return None;
    }
    let killed = match (a.killed, b.killed) {
        (Some(x), Some(y)) if x.value == y.value => 0.5,
        _ => 0.0,
    };
    Some(date + place + perp + killed)
}

/// Whether `e` may join an incident made of `members`, with the mean score.
pub fn fits(e: &EventView, members: &[EventView]) -> Option<f64> {
    // Two events of one document are two incidents: de-duplicating inside an article is the
    // extractor's job, and twin attacks are reported side by side.
    if members.is_empty() || members.iter().any(|m| m.doc_seq == e.doc_seq) {
        return None;
    }
    // An undated report needs an anchor: a dated member at a strongly matching place naming the
    // same perpetrator entity.
    if e.undated()
        && !members.iter().any(|m| {
            !m.undated()
                && e.perpetrator.is_some()
                && m.perpetrator == e.perpetrator
                && place_compatible(e, m).is_some_and(|(_, strong)| strong)
        })
    {
        return None;
    }
    let mut total = 0.0;
    for m in members {
        total += compatible(e, m)?;
    }
    Some(total / members.len() as f64)
}

/// One field of an incident across its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct CountSummary {
    /// Consensus headline value.
    pub consensus: u64,
    /// Lowest headline value across sources.
    pub min: u64,
    /// Highest headline value across sources.
    pub max: u64,
    /// Sources give different values.
    pub disputed: bool,
}

/// Consensus and range of a count field across events.
pub fn count_summary(values: &[Count]) -> Option<CountSummary> {
    if values.is_empty() {
        return None;
    }
    let mut freq: HashMap<u64, (usize, bool)> = HashMap::new();
    for c in values {
        let e = freq.entry(c.value).or_insert((0, false));
        e.0 += 1;
        e.1 |= c.qualifier == Qualifier::Exact;
    }
    let consensus = freq
        .iter()
        .max_by_key(|(v, (n, exact))| (*n, *exact, **v))
        .map(|(v, _)| *v)?;
    let min = values.iter().map(|c| c.value).min()?;
    let max = values.iter().map(|c| c.value).max()?;
    Some(CountSummary {
        consensus,
        min,
        max,
        disputed: freq.len() > 1,
    })
}

/// The consensus view of an incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Consensus {
    /// Type (an `attack` wins over a `claim`).
    pub kind: EventType,
    /// Most frequent subtype.
    pub subtype: Option<String>,
    /// Most specific date window and its precision.
    pub date: Option<(NaiveDate, NaiveDate, Option<Precision>)>,
    /// Union of the member windows (for lookup).
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// Most specific place (index into the members).
    pub place_from: Option<usize>,
    /// Most frequent perpetrator entity (and a name for it).
    pub perpetrator: Option<(Option<String>, String)>,
    /// Counts.
    pub killed: Option<CountSummary>,
    /// Counts.
    pub wounded: Option<CountSummary>,
    /// Counts.
    pub kidnapped: Option<CountSummary>,
    /// Counts.
    pub arrested: Option<CountSummary>,
    /// Names of the disputed fields.
    pub disputed: Vec<&'static str>,
    /// Distinct documents.
    pub n_sources: usize,
}

fn most_frequent<T: Ord + Clone>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut v: Vec<T> = items.collect();
    v.sort();
    let mut best: Option<(usize, T)> = None;
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j < v.len() && v[j] == v[i] {
            j += 1;
        }
        if best.as_ref().is_none_or(|(n, _)| j - i > *n) {
            best = Some((j - i, v[i].clone()));
        }
        i = j;
    }
    best.map(|(_, t)| t)
}

/// Compute the consensus of an incident from its member events (non-empty).
pub fn consensus(members: &[EventView]) -> Option<Consensus> {
    let first = members.first()?;
    let kind = if members.iter().any(|m| m.kind != EventType::Claim) {
        members
            .iter()
            .find(|m| m.kind != EventType::Claim)
            .map(|m| m.kind)
            .unwrap_or(first.kind)
    } else {
        first.kind
    };
    let subtype = most_frequent(members.iter().filter_map(|m| m.subtype.clone()));
    // Most specific date: narrowest explicit window; ties by frequency, then earliest.
    let explicit: Vec<(NaiveDate, NaiveDate, Option<Precision>)> = members
        .iter()
        .filter(|m| !m.undated())
        .filter_map(|m| m.window.map(|(s, e)| (s, e, m.precision)))
        .collect();
    let date = explicit
        .iter()
        .min_by_key(|(s, e, _)| {
            let n = explicit
                .iter()
                .filter(|(s2, e2, _)| s2 == s && e2 == e)
                .count();
            ((*e - *s).num_days(), std::cmp::Reverse(n), *s)
        })
        .cloned();
    let window = members
        .iter()
        .filter_map(|m| m.window)
        .fold(None, |acc, (s, e)| match acc {
            None => Some((s, e)),
            Some((a, b)) => Some((a.min(s), b.max(e))),
        });
    let place_from = (0..members.len())
        .filter(|&i| members[i].place_norm.is_some() || members[i].country.is_some())
        .max_by_key(|&i| {
            let m = &members[i];
            let n = members
                .iter()
                .filter(|o| o.place_norm == m.place_norm)
                .count();
            (
                geo_rank(m.geo_precision.as_deref()),
                n,
                std::cmp::Reverse(i),
            )
        });
    let perpetrator = most_frequent(members.iter().filter_map(|m| m.perpetrator.clone()))
        .map(|id| {
            let name = members
                .iter()
                .find(|m| m.perpetrator.as_ref() == Some(&id))
                .and_then(|m| m.perpetrator_name.clone())
                .unwrap_or_else(|| id.clone());
            (Some(id), name)
        })
        .or_else(|| {
            most_frequent(members.iter().filter_map(|m| m.perpetrator_name.clone()))
                .map(|n| (None, n))
        });
    let counts = |f: fn(&EventView) -> Option<Count>| {
        count_summary(&members.iter().filter_map(f).collect::<Vec<_>>())
    };
    let killed = counts(|m| m.killed);
    let wounded = counts(|m| m.wounded);
    let kidnapped = counts(|m| m.kidnapped);
    let arrested = counts(|m| m.arrested);
    let mut disputed = Vec::new();
    for (name, c) in [
        ("killed", &killed),
        ("wounded", &wounded),
        ("kidnapped", &kidnapped),
        ("arrested", &arrested),
    ] {
        if c.as_ref().is_some_and(|c| c.disputed) {
            disputed.push(name);
        }
    }
    let day_dates: Vec<_> = explicit
        .iter()
        .filter(|(_, _, p)| *p == Some(Precision::Day))
        .map(|(s, _, _)| *s)
        .collect();
    if day_dates.windows(2).any(|w| w[0] != w[1]) {
        disputed.push("date");
    }
    let mut docs: Vec<i64> = members.iter().map(|m| m.doc_seq).collect();
    docs.sort_unstable();
    docs.dedup();
    Some(Consensus {
        kind,
        subtype,
        date,
        window,
        place_from,
        perpetrator,
        killed,
        wounded,
        kidnapped,
        arrested,
        disputed,
        n_sources: docs.len(),
    })
}

/// Relaxed compatibility between an event of a near-duplicate copy and an event of its original:
/// the same text produced both, so only the type must agree and present dates/countries must not
/// contradict each other.
pub fn copy_compatible(copy: &EventView, orig: &EventView) -> Option<f64> {
    if !types_compatible(copy, orig) {
        return None;
    }
    if let (Some(a), Some(b)) = (&copy.country, &orig.country)
        && a != b
    {
        return None;
    }
    if !copy.undated()
        && !orig.undated()
        && let (Some(_), Some(_)) = (copy.window, orig.window)
        && date_compatible(copy, orig).is_none()
    {
        return None;
    }
    Some(
        compatible(copy, orig).unwrap_or(0.1)
            + if copy.place_norm == orig.place_norm {
                0.5
            } else {
                0.0
            },
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    /// A dated, placed attack for tests.
    pub(crate) fn ev(
        id: &str,
        doc: i64,
        date: &str,
        place: &str,
        country: &str,
        lat: f64,
        lon: f64,
    ) -> EventView {
        EventView {
            id: id.into(),
            doc_seq: doc,
            kind: EventType::Attack,
            subtype: Some("armed_assault".into()),
            window: Some((d(date), d(date))),
            precision: Some(Precision::Day),
            place: Some(place.into()),
            place_norm: Some(text::normalize::match_form(place)),
            country: Some(country.into()),
            admin1: None,
            lat: Some(lat),
            lon: Some(lon),
            geo_precision: Some("city".into()),
            perpetrator: Some("org:isis".into()),
            perpetrator_name: Some("داعش".into()),
            killed: None,
            wounded: None,
            kidnapped: None,
            arrested: None,
        }
    }

    #[test]
    fn a_week_window_overlapping_the_day_merges() {
        let a = ev("a", 1, "2024-03-22", "موسكو", "RU", 55.75, 37.62);
        let mut b = ev("b", 2, "2024-03-18", "موسكو", "RU", 55.75, 37.62);
        b.window = Some((d("2024-03-18"), d("2024-03-24")));
        b.precision = Some(Precision::Week);
        assert!(compatible(&a, &b).is_some());
    }

    #[test]
    fn different_days_or_countries_or_perpetrators_do_not_merge() {
        let a = ev("a", 1, "2024-03-22", "موسكو", "RU", 55.75, 37.62);
        let later = ev("b", 2, "2024-03-25", "موسكو", "RU", 55.75, 37.62);
        assert!(compatible(&a, &later).is_none());
        let next_day = ev("b", 2, "2024-03-23", "موسكو", "RU", 55.75, 37.62);
        assert!(compatible(&a, &next_day).is_some(), "one day of slack");
        let mut other_perp = a.clone();
        other_perp.perpetrator = Some("org:hts".into());
        assert!(compatible(&a, &other_perp).is_none());
        let mut far = ev("c", 3, "2024-03-22", "سانت بطرسبرغ", "RU", 59.93, 30.33);
        assert!(compatible(&a, &far).is_none());
        far.geo_precision = Some("country".into());
        assert!(
            compatible(&a, &far).is_some(),
            "country-only place contains the city"
        );
    }

    #[test]
    fn nearby_places_and_admin1_containment_merge() {
        let a = ev("a", 1, "2023-02-17", "السخنة", "SY", 34.63, 38.87);
        let b = ev("b", 2, "2023-02-17", "بادية السخنة", "SY", 34.70, 38.80);
        assert!(compatible(&a, &b).is_some());
        let c = ev("c", 3, "2023-02-17", "تدمر", "SY", 34.56, 38.28);
        assert!(
            compatible(&a, &c).is_none(),
            "Palmyra is ~55 km from Sukhnah"
        );
    }

    #[test]
    fn undated_events_need_a_strong_match() {
        let a = ev("a", 1, "2024-03-22", "موسكو", "RU", 55.75, 37.62);
        let mut u = ev("u", 2, "2024-03-22", "موسكو", "RU", 55.75, 37.62);
        u.window = event_window(None, Some(d("2024-07-20")));
        u.precision = None;
        assert!(u.undated());
        assert!(fits(&u, std::slice::from_ref(&a)).is_some());
        u.perpetrator = None;
        assert!(
            fits(&u, std::slice::from_ref(&a)).is_none(),
            "undated needs the same perpetrator"
        );
        let mut u2 = u.clone();
        u2.perpetrator = Some("org:isis".into());
        assert!(
            compatible(&u2, &u2.clone()).is_none(),
            "two undated never merge"
        );
    }

    #[test]
    fn consensus_takes_most_frequent_and_reports_range() {
        let mut a = ev("a", 1, "2024-03-22", "موسكو", "RU", 55.75, 37.62);
        let mut b = ev("b", 2, "2024-03-22", "موسكو", "RU", 55.75, 37.62);
        let mut c = ev("c", 3, "2024-03-22", "موسكو", "RU", 55.75, 37.62);
        a.killed = Some(Count::exact(137));
        b.killed = Some(Count::exact(145));
        c.killed = Some(Count::exact(145));
        let s = consensus(&[a, b, c]).expect("consensus");
        let k = s.killed.expect("killed");
        assert_eq!(
            (k.consensus, k.min, k.max, k.disputed),
            (145, 137, 145, true)
        );
        assert_eq!(s.disputed, vec!["killed"]);
        assert_eq!(s.n_sources, 3);
    }

    #[test]
    fn claim_joins_attack_and_attack_type_wins() {
        let a = ev("a", 1, "2024-03-22", "موسكو", "RU", 55.75, 37.62);
        let mut c = ev("c", 2, "2024-03-22", "موسكو", "RU", 55.75, 37.62);
        c.kind = EventType::Claim;
        c.subtype = None;
        assert!(compatible(&a, &c).is_some());
        let s = consensus(&[c, a]).expect("consensus");
        assert_eq!(s.kind, EventType::Attack);
    }
}
