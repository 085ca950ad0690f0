//! From trigger mentions to events: merging, gating, dates, confidence, codes.
//!
//! **Merging.** Mentions of one sentence merge when their types are compatible (same type;
//! attack + claim; attack + clashes; arrest + raid) and nothing conflicts (two different places,
//! two explicit dates that do not overlap, two different named perpetrators, the two incidents of
//! one dual "هجومين أحدهما … والآخر …"). A figure given bare by one report and qualified by another
//! with the same number ("مقتل 12 جنديا" in the headline, "مقتل 12 جنديا على الأقل" in the body)
//! is kept qualified, here and after geocoding. The date of a reporting clause ("قال الجيش أمس إن …",
//! [`crate::extract::DateArg::reported`]) is not the event's own: it never conflicts and yields
//! to an own date; likewise a place named only in the reporting clause. Across sentences a
//! later mention joins an earlier event of compatible type when nothing conflicts and
//! (a) both name the same place, or (b) it is in the next sentence and names no place and no
//! explicit date of its own (an elaboration), or the earlier one names neither and both give
//! the same toll (a headline, then the lead that tells it: "مصرع 4 شرطيين في هجوم مسلح" / "قتل أربعة
//! شرطيين أمس في هجوم مسلح على دورية في …"), or (c) it is anaphoric (definite "الهجوم", "هذه
//! الغارة"), has no explicit date (or the earlier event is dated only by its report) and no
//! different country, and the earlier event is the only compatible one so far, or (d) it is a
//! claim of a definite event noun ("وتبنى التنظيم الهجوم في بيان", "أعلن التنظيم مسؤوليته عن
//! التفجير": the claim verb takes the noun's anaphora) with no place, own date or figure: it
//! claims the latest compatible event, however many came before, and founds none. An anaphoric
//! mention keeps the earlier event's place, unless it names a town of the earlier one's country
//! or region. A region of a country ("شمال العراق") holds its towns like the country does: the
//! two do not conflict, and the town is kept. Figures that no trigger of their sentence could take go to the event of
//! the previous sentence when it has no such figure yet, unless their sentence names places and
//! none of them is that event's town ("قصف منزل قائد في شبوة.. ومقتل 8 حوثيين في مأرب").
//!
//! **After geocoding** ([`coalesce_located`], called by the pipeline): two events of a document
//! with the same type, compatible subtypes (equal, one unknown, one the bare-attack default, or
//! one a kind of the other: a suicide bombing is a bombing), overlapping dates, places within
//! 25 km (or one a country or a province holding the other), no two named perpetrators and no
//! two different figures are one incident reported under two place names, unless both have the
//! same evidence span (the sentence-level merge kept them apart); the first report keeps its id
//! and evidence.
//!
//! **Gating** (after merging, so all arguments are known). Generic mentions are not events: an
//! event needs a place (not a region coarser than a country: "في الغرب"), an explicit date, a
//! casualty figure or a named perpetrator (not one only ascribed, "هجوم منسوب لحزب …": see
//! `Mention::perp_ascribed` in `extract`). Plural,
//! ambiguous ("انفجار") or quoted triggers need a figure or an explicit date (ambiguous ones: a
//! figure, or a place and a date). A toll stated without a number ("قتل عدد من الجنود") gates
//! like a figure but is not output as one. Alerts and territorial changes need a place; a claim
//! on its own needs its claimant; propaganda needs its author or a date.
//!
//! **Dates.** An event with no date of its own gets the document window: the 14 days up to the
//! publication date, precision `unknown`, text null (news reports recent incidents; the window
//! is a statement of ignorance, not a guess of the day). Without a publication date it has none.
//!
//! **Confidence** is a sum of evidence, clamped to 0.05–0.98: 0.35 base; +0.15 for a plain,
//! specific trigger word (not plural, ambiguous or quoted); +0.12 place; +0.10 explicit date;
//! +0.10 any casualty figure; +0.10 perpetrator; +0.05 claimed; +0.05 reported in two or more
//! sentences; −0.10 when every trigger was inside quotation marks.

use chrono::{Duration, NaiveDate};
use model::{Codes, DateValue, Event, EventType, Location, Precision, Span};
use text::Analysis;
use text::normalize::match_form;

use crate::casualties::Figure;
use crate::extract::{Mention, Orphan, accepts, field_index};
use crate::schema::{Lists, SUBTYPE_RANK};

/// Whether subtype `a` is more specific than `b` (see [`SUBTYPE_RANK`]).
pub fn more_specific(a: Option<&str>, b: Option<&str>) -> bool {
    let rank = |s: Option<&str>| {
        s.and_then(|s| SUBTYPE_RANK.iter().position(|x| *x == s))
            .unwrap_or(usize::MAX)
    };
    rank(a) < rank(b)
}

fn type_rank(t: EventType) -> u8 {
    match t {
        EventType::Attack => 0,
        EventType::Arrest => 1,
        EventType::SecurityOperation => 2,
        EventType::TerritorialChange => 3,
        EventType::ThreatAlert => 4,
        EventType::Financing => 5,
        EventType::Propaganda => 6,
        EventType::Claim => 7,
        EventType::Other => 8,
    }
}

fn compatible(a: &Mention, b: &Mention) -> bool {
    use EventType::*;
    let clashes = |m: &Mention| m.kind == SecurityOperation && m.subtype == Some("clashes");
    let raid = |m: &Mention| m.kind == SecurityOperation && m.subtype != Some("airstrike");
    a.kind == b.kind
        || matches!((a.kind, b.kind), (Attack, Claim) | (Claim, Attack))
        || (a.kind == Attack && clashes(b))
        || (b.kind == Attack && clashes(a))
        || (a.kind == Arrest && raid(b))
        || (b.kind == Arrest && raid(a))
}

fn same_place(a: &Mention, b: &Mention) -> Option<bool> {
    let (pa, pb) = (a.place.as_ref()?, b.place.as_ref()?);
    if pa.entity.is_some() && pa.entity == pb.entity {
        return Some(true);
    }
    let (na, nb) = (match_form(&pa.name), match_form(&pb.name));
    Some(na == nb || na.contains(nb.as_str()) || nb.contains(na.as_str()))
}

/// Two places that cannot be one: different names, unless one is a country and the other a
/// place not known to lie in another country ("روسيا" and "موسكو").
fn places_conflict(a: &Mention, b: &Mention) -> bool {
    let (Some(pa), Some(pb)) = (a.place.as_ref(), b.place.as_ref()) else {
        return false;
    };
    // The place of a reporting clause is the source's, perhaps not the event's.
    if pa.reported || pb.reported || same_place(a, b) == Some(true) {
        return false;
    }
    let nested = |c: &crate::extract::Place, t: &crate::extract::Place| {
        (c.is_country || c.region)
            && !t.is_country
            && !t.region
            && t.country
                .as_ref()
                .is_none_or(|x| Some(x) == c.country.as_ref())
    };
    !(nested(pa, pb) || nested(pb, pa))
}

fn dates_overlap(a: &DateValue, b: &DateValue) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn conflict(a: &Mention, b: &Mention) -> bool {
    if places_conflict(a, b) {
        return true;
    }
    // The two incidents of one dual ("هجومين أحدهما … والآخر …").
    if let (Some((da, pa)), Some((db, pb))) = (a.part, b.part)
        && da == db
        && pa != pb
    {
        return true;
    }
    // (A statement's date is not the event's: "قال الجيش أمس إن غارة …" and "الغارة وقعت في
    // 11 يوليو" can be one airstrike.)
    if let (Some(da), Some(db)) = (&a.date, &b.date)
        && da.own()
        && db.own()
        && !dates_overlap(&da.value, &db.value)
    {
        return true;
    }
    if let (Some(pa), Some(pb)) = (&a.perp, &b.perp)
        && pa.entity.is_some()
        && pb.entity.is_some()
        && pa.entity != pb.entity
        && !(a.perp_state || b.perp_state)
    {
        return true;
    }
    false
}

/// Fold `b` into `a`.
fn absorb(a: &mut Mention, b: Mention) {
    let claimed = a.claimed || b.claimed;
    // "وتبنى التنظيم الهجوم": a claim whose object is a definite event noun refers back to an
    // act told before, as the noun alone does.
    let claim_of_anaphor =
        (a.kind == EventType::Claim && b.anaphoric) || (b.kind == EventType::Claim && a.anaphoric);
    if type_rank(b.kind) < type_rank(a.kind) {
        let keep_sub = a.subtype;
        a.kind = b.kind;
        a.subtype = b.subtype;
        // An arrest made in a raid keeps "raid" as its subtype.
        if a.kind == EventType::Arrest && a.subtype.is_none() {
            a.subtype = keep_sub.filter(|s| *s == "raid");
        }
    } else if (b.kind == a.kind && more_specific(b.subtype, a.subtype))
        || (a.kind == EventType::Arrest && a.subtype.is_none() && b.subtype == Some("raid"))
    {
        a.subtype = b.subtype;
    }
    a.claimed = claimed;
    a.anaphoric |= claim_of_anaphor;
    a.sents = a.sents.start.min(b.sents.start)..a.sents.end.max(b.sents.end);
    a.strong |= b.strong;
    a.needs_figure_or_date &= b.needs_figure_or_date;
    a.weak &= b.weak;
    a.place_obj &= b.place_obj;
    a.quoted &= b.quoted;
    a.n += b.n;
    if a.place.is_none()
        || (a
            .place
            .as_ref()
            .is_some_and(|p| p.is_country || p.region || p.reported)
            && b.place
                .as_ref()
                .is_some_and(|p| !p.is_country && !p.region && !p.reported))
    {
        a.place = b.place;
    } else if let (Some(pa), Some(pb)) = (a.place.as_mut(), b.place.as_ref())
        && pa.country.is_none()
    {
        pa.country.clone_from(&pb.country);
    }
    match (&a.date, b.date) {
        (None, d) => a.date = d,
        (Some(da), Some(db)) if (!da.explicit && db.explicit) || (!da.own() && db.own()) => {
            a.date = Some(db)
        }
        _ => {}
    }
    // A named group beats a state force as the actor of an attack.
    if b.perp.is_some()
        && (a.perp.is_none() || (a.perp_state && !b.perp_state && a.kind == EventType::Attack))
    {
        a.perp = b.perp;
        a.perp_state = b.perp_state;
        a.perp_ascribed = b.perp_ascribed;
    }
    for t in b.targets {
        if !a.targets.contains(&t) && a.perp.as_ref() != Some(&t) {
            a.targets.push(t);
        }
    }
    a.vague_toll |= b.vague_toll;
    a.part = a.part.or(b.part);
    for (k, f) in b.figures.into_iter().enumerate() {
        a.figures[k] = qualified(a.figures[k], f);
    }
}

/// The figure of a merged event from the figures of its two reports: the first one's, or the
/// second one's when the first has none, or when both give the same number and only the second
/// qualifies it. A headline rounds the wording of its body ("مقتل 12 جنديا في هجوم" / "ما أسفر
/// عن مقتل 12 جنديا على الأقل"): the qualified figure is the more precise report of the count.
fn qualified(a: Option<model::Count>, b: Option<model::Count>) -> Option<model::Count> {
    match (a, b) {
        (None, b) => b,
        (Some(x), Some(y))
            if x.value == y.value
                && x.qualifier == model::Qualifier::Exact
                && y.qualifier != model::Qualifier::Exact =>
        {
            Some(y)
        }
        (a, _) => a,
    }
}

/// Two mentions give a figure of the same kind with the same value, and no figure of one kind
/// with two values.
fn same_toll(a: &Mention, b: &Mention) -> bool {
    let pairs = a.figures.iter().zip(&b.figures);
    let mut shared = false;
    for (x, y) in pairs {
        if let (Some(x), Some(y)) = (x, y) {
            if x.value != y.value {
                return false;
            }
            shared = true;
        }
    }
    shared
}

/// Merge mentions into candidate events (not yet gated).
pub fn merge(mentions: Vec<Mention>, orphans: Vec<Orphan>) -> Vec<Mention> {
    // Within sentences.
    let mut sentence_level: Vec<Mention> = Vec::new();
    for m in mentions {
        let target = sentence_level
            .iter_mut()
            .rev()
            .take_while(|p| p.sents.start == m.sents.start)
            .find(|p| compatible(p, &m) && !conflict(p, &m));
        match target {
            Some(p) => absorb(p, m),
            None => sentence_level.push(m),
        }
    }
    // Across sentences.
    let mut events: Vec<Mention> = Vec::new();
    for m in sentence_level {
        let own_date = m.date.as_ref().is_some_and(|d| d.own());
        let n_compatible = events.iter().filter(|e| compatible(e, &m)).count();
        let target = events.iter_mut().rev().find(|e| {
            if !compatible(e, &m) || conflict(e, &m) {
                return false;
            }
            let same = same_place(e, &m) == Some(true);
            let next = m.sents.start <= e.sents.end
                && m.place.as_ref().is_none_or(|p| p.reported)
                && !own_date
                && (m.strong || m.anaphoric);
            let country_differs = matches!(
                (e.place.as_ref().and_then(|p| p.country.as_ref()), m.place.as_ref().and_then(|p| p.country.as_ref())),
                (Some(a), Some(b)) if a != b
            );
            // A date of its own keeps an anaphoric mention apart ("الهجوم في 2015" is another
            // one), except from an event dated only by the statement that reported it: "قال
            // الجيش أمس إن غارة …. وذكر أن الغارة وقعت في 11 يوليو" gives the airstrike's day.
            let dated_by_report = e.date.as_ref().is_some_and(|d| d.reported);
            let anaphor = m.anaphoric
                && (!own_date || dated_by_report)
                && !country_differs
                && n_compatible == 1;
            // A headline, then the lead that tells it in full: "مصرع 4 شرطيين في هجوم مسلح" (no
            // place, no date) and "قتل أربعة شرطيين أمس في هجوم مسلح على دورية في …" are one incident when the
            // tolls agree.
            let headline = m.sents.start == e.sents.end
                && e.place.is_none()
                && e.date.as_ref().is_none_or(|d| !d.own())
                && same_toll(e, &m);
            // "وتبنى تنظيم داعش الهجوم في بيان": a claim of a definite event noun with no
            // place, date or figure of its own claims the latest compatible act told before,
            // however many there were; it founds no event of its own.
            let claim = m.claimed
                && m.anaphoric
                && m.place.is_none()
                && !own_date
                && m.figures.iter().all(Option::is_none)
                && !country_differs;
            same || next || anaphor || headline || claim
        });
        match target {
            Some(e) => {
                // A later anaphoric mention keeps the earlier event's place, unless it names a
                // town of the country or region the earlier one gave ("غارة في أفغانستان …
                // الغارة … في منطقة برمال الأفغانية", "في شمال العراق … الهجوم الذي وقع في بلدة
                // طوز خورماتو"), or of no country the text states: the more specific name of
                // the same scene (a town the text puts in another country stays out).
                let mut m = m;
                let town_of_country = matches!(
                    (e.place.as_ref(), m.place.as_ref()),
                    (Some(c), Some(t)) if (c.is_country || c.region) && !t.is_country
                        && !t.region && !t.reported
                        && c.country.is_some()
                        && (t.country.is_none() || t.country == c.country)
                );
                if e.place.is_some() && !town_of_country {
                    m.place = None;
                }
                absorb(e, m)
            }
            None => events.push(m),
        }
    }
    // Orphan figures to the event of their sentence or the one before.
    for Orphan {
        sent,
        figure,
        places,
    } in orphans
    {
        let Figure {
            field,
            count,
            vague,
            ..
        } = figure;
        if let Some(e) = events.iter_mut().rev().find(|e| e.sents.contains(&sent))
            && accepts(e.kind, field)
            && !elsewhere(e, &places)
            && e.figures[field_index(field)].is_none()
        {
            if vague {
                e.vague_toll = true;
            } else {
                e.figures[field_index(field)] = Some(count);
            }
        }
    }
    events
}

/// Whether a toll whose sentence names `places` is told of another place than event `e`'s:
/// the sentence names places, none of them is the event's own place, and that place is not a
/// country or a region that could hold them. A two-story headline ("قصف منزل قائد في شبوة..
/// ومقتل 8 حوثيين في مأرب") does not lend one story's toll to the other.
fn elsewhere(e: &Mention, places: &[String]) -> bool {
    let Some(p) = e.place.as_ref().filter(|p| !p.reported) else {
        return false;
    };
    !places.is_empty() && !p.is_country && !p.region && !places.contains(&p.name)
}

/// Whether a merged candidate is specific enough to be an event.
pub fn keep(m: &Mention) -> bool {
    let figure = m.figures.iter().any(Option::is_some) || m.vague_toll;
    let date = m.date.as_ref().is_some_and(|d| d.explicit);
    // A place coarser than a country ("في الغرب", "في أوروبا": `region` in data/context.tsv,
    // taken as a country with no code) does not pin an incident down.
    let place = m
        .place
        .as_ref()
        .is_some_and(|p| !(p.is_country && p.country.is_none()));
    let perp = m.perp.is_some() && !m.perp_ascribed;
    if m.weak && !(figure || (place && date)) {
        return false;
    }
    // Vague recency ("مؤخرا") does not make a generic plural specific.
    let near_date = m.date.as_ref().is_some_and(|d| {
        d.explicit && d.gap <= 6 && d.value.precision != model::Precision::Unknown
    });
    let town = m.place.as_ref().is_some_and(|p| !p.is_country);
    let specific_plural = figure
        || near_date
        || (town && (perp || date))
        || (m.kind == EventType::SecurityOperation && place && perp);
    if m.needs_figure_or_date && !m.strong && !specific_plural {
        return false;
    }
    match m.kind {
        EventType::ThreatAlert | EventType::TerritorialChange => place,
        // A claim alone must name its claimant and pin the incident down by a toll or a date.
        EventType::Claim => perp && (figure || near_date),
        EventType::Propaganda => perp || date,
        _ => place || date || figure || perp,
    }
}

/// Confidence from completeness and explicitness (see the module doc).
pub fn confidence(m: &Mention) -> f64 {
    let mut c = 0.35;
    if m.strong {
        c += 0.15;
    }
    if m.place.is_some() {
        c += 0.12;
    }
    if m.date.as_ref().is_some_and(|d| d.explicit) {
        c += 0.10;
    }
    if m.figures.iter().any(Option::is_some) {
        c += 0.10;
    }
    if m.perp.is_some() {
        c += 0.10;
    }
    if m.claimed {
        c += 0.05;
    }
    if m.sents.len() >= 2 || m.n >= 3 {
        c += 0.05;
    }
    if m.quoted {
        c -= 0.10;
    }
    let c: f64 = c;
    (c.clamp(0.05, 0.98) * 100.0).round() / 100.0
}

/// The document window used when an event has no date of its own.
pub fn doc_window(doc_date: NaiveDate) -> DateValue {
    DateValue {
        start: doc_date - Duration::days(14),
        end: doc_date,
        precision: Precision::Unknown,
        text: None,
    }
}

/// Turn gated candidates into contract events.
pub fn finish(
    a: &Analysis<'_>,
    lists: &Lists,
    cands: Vec<Mention>,
    doc_date: Option<NaiveDate>,
) -> Vec<Event> {
    let mut out = Vec::new();
    for m in cands.into_iter().filter(keep) {
        let confidence = confidence(&m);
        let codes: Codes = lists.codes_for(m.kind, m.subtype);
        let evidence = evidence(a, &m);
        let date = m.date.map(|d| d.value).or_else(|| doc_date.map(doc_window));
        let location = m.place.map(|p| Location {
            precision: if p.is_country { "country" } else { "unknown" }.to_string(),
            name: p.name,
            country: p.country,
            ..Location::default()
        });
        let [killed, wounded, kidnapped, arrested] = m.figures;
        out.push(Event {
            id: format!("ev{}", out.len() + 1),
            kind: m.kind,
            subtype: m.subtype.map(str::to_string),
            date,
            location,
            perpetrator: m.perp,
            targets: m.targets,
            killed,
            wounded,
            kidnapped,
            arrested,
            claimed: m.claimed,
            evidence,
            confidence,
            codes,
        });
    }
    out
}

/// The sentence(s) that state the event: from the first to the last sentence when they are at
/// most two apart, else the first sentence alone.
fn evidence(a: &Analysis<'_>, m: &Mention) -> Span {
    let first = m.sents.start;
    let last = if m.sents.end - m.sents.start <= 3 {
        m.sents.end - 1
    } else {
        first
    };
    match (a.sentences.get(first), a.sentences.get(last)) {
        (Some(s), Some(e)) => Span {
            text: a.slice(s.byte_start, e.byte_end).to_string(),
            start: s.start,
            end: e.end,
        },
        _ => Span {
            text: String::new(),
            start: 0,
            end: 0,
        },
    }
}

/// Places closer than this are one place when two events of a document are compared after
/// geocoding (a city and its districts; not two towns of a province).
const SAME_PLACE_KM: f64 = 25.0;

/// Whether two geocoded places can be the scene of one incident: within [`SAME_PLACE_KM`], the
/// same name, or one a country-level place holding the other.
fn located_together(a: &Location, b: &Location) -> bool {
    let country_holds = |c: &Location, t: &Location| {
        c.precision == "country" && c.country.is_some() && c.country == t.country
    };
    if country_holds(a, b) || country_holds(b, a) {
        return true;
    }
    // A province holds its towns: "التفجير … في منطقة عسير" and "تفجير انتحاري … بأبها".
    let province_holds = |p: &Location, t: &Location| {
        p.precision == "admin1"
            && p.country.is_some()
            && p.country == t.country
            && p.admin1
                .as_deref()
                .zip(t.admin1.as_deref())
                .is_some_and(|(x, y)| !x.trim().is_empty() && match_form(x) == match_form(y))
    };
    if province_holds(a, b) || province_holds(b, a) {
        return true;
    }
    if let (Some(x), Some(y)) = (a.country.as_ref(), b.country.as_ref())
        && x != y
    {
        return false;
    }
    match (a.lat, a.lon, b.lat, b.lon) {
        (Some(la), Some(oa), Some(lb), Some(ob)) => {
            crate::eval::haversine_km(la, oa, lb, ob) <= SAME_PLACE_KM
        }
        _ => match_form(&a.name) == match_form(&b.name),
    }
}

fn figures_agree(a: &Option<model::Count>, b: &Option<model::Count>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.value == y.value,
        _ => true,
    }
}

/// The subtype a bare "هجوم" gets (`triggers.tsv`): it says only that there was an attack, so it
/// agrees with any more specific one ("التفجير … الهجوم الإرهابي").
fn is_default_subtype(kind: EventType, subtype: &str) -> bool {
    kind == EventType::Attack && subtype == "armed_assault"
}

/// Subtypes that are kinds of another: a suicide bombing is a bombing, so "التفجير" and "تفجير
/// انتحاري" can tell one incident.
const REFINES: &[(&str, &str)] = &[("suicide_bombing", "bombing")];

/// Whether one of two subtypes is a kind of the other.
fn refinement(x: &str, y: &str) -> bool {
    REFINES
        .iter()
        .any(|&(a, b)| (x == a && y == b) || (x == b && y == a))
}

/// Whether two events of one document, once geocoded, report the same incident: same type,
/// subtypes equal, one unknown or one a kind of the other, overlapping dates, places that can be one (see
/// [`located_together`]), no two different named perpetrators, no two different figures.
fn same_incident(a: &Event, b: &Event) -> bool {
    let subtypes = match (a.subtype.as_deref(), b.subtype.as_deref()) {
        (Some(x), Some(y)) => {
            x == y
                || is_default_subtype(a.kind, x)
                || is_default_subtype(b.kind, y)
                || refinement(x, y)
        }
        _ => true,
    };
    let dates = match (&a.date, &b.date) {
        (Some(x), Some(y)) => dates_overlap(x, y),
        _ => false,
    };
    let places = match (&a.location, &b.location) {
        (Some(x), Some(y)) => located_together(x, y),
        _ => false,
    };
    let perps = match (&a.perpetrator, &b.perpetrator) {
        (Some(x), Some(y)) => match (&x.entity, &y.entity) {
            (Some(i), Some(j)) => i == j,
            _ => true,
        },
        _ => true,
    };
    // Events with the very same evidence were kept apart by the sentence-level merge, which
    // saw their clauses ("هجومين أحدهما … والآخر …"): coordinates do not overrule it.
    // (An empty span says nothing about sentences.)
    let same_evidence = a.evidence.end > a.evidence.start
        && a.evidence.start == b.evidence.start
        && a.evidence.end == b.evidence.end;
    a.kind == b.kind
        && !same_evidence
        && subtypes
        && dates
        && places
        && perps
        && figures_agree(&a.killed, &b.killed)
        && figures_agree(&a.wounded, &b.wounded)
        && figures_agree(&a.kidnapped, &b.kidnapped)
        && figures_agree(&a.arrested, &b.arrested)
}

/// Fold the later event `b` into `a`: each field keeps the more precise value; the evidence and
/// id stay the first report's.
fn absorb_located(a: &mut Event, b: Event) {
    let default = a
        .subtype
        .as_deref()
        .is_none_or(|x| is_default_subtype(a.kind, x));
    let finer = a
        .subtype
        .as_deref()
        .zip(b.subtype.as_deref())
        .is_some_and(|(x, y)| refinement(x, y) && more_specific(Some(y), Some(x)));
    if (default || finer) && b.subtype.is_some() && b.subtype != a.subtype {
        a.subtype = b.subtype;
        a.codes = b.codes;
    }
    if let (Some(da), Some(db)) = (&a.date, &b.date)
        && (db.end - db.start) < (da.end - da.start)
    {
        a.date = b.date;
    }
    if let (Some(la), Some(lb)) = (&a.location, &b.location)
        && model::precision_specificity(&lb.precision) > model::precision_specificity(&la.precision)
    {
        a.location = b.location;
    }
    if a.perpetrator.is_none() {
        a.perpetrator = b.perpetrator;
    }
    for t in b.targets {
        if !a.targets.contains(&t) && a.perpetrator.as_ref() != Some(&t) {
            a.targets.push(t);
        }
    }
    a.killed = qualified(a.killed, b.killed);
    a.wounded = qualified(a.wounded, b.wounded);
    a.kidnapped = qualified(a.kidnapped, b.kidnapped);
    a.arrested = qualified(a.arrested, b.arrested);
    a.claimed |= b.claimed;
    a.confidence = a.confidence.max(b.confidence);
}

/// One incident reported in several places of a document as one event, judged once places have
/// coordinates (the sentence-level merge in [`merge`] only sees names, so "التفجيرات في قطاع غزة"
/// and "خمسة انفجارات هزت حي الشيخ رضوان وسط مدينة غزة" stay apart there). Run by the pipeline
/// after geocoding; events without a place or a date are never merged here, nor two events with
/// the same evidence span (the sentence-level merge kept them apart knowing their clauses).
pub fn coalesce_located(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        match out.iter_mut().find(|o| same_incident(o, &e)) {
            Some(o) => absorb_located(o, e),
            None => out.push(e),
        }
    }
    out
}
