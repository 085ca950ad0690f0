//! Plain domain types shared by every Marsad stage.
//!
//! These types *are* the output contract of `marsad extract` (see `docs/extract-json.md`): field
//! names and meanings are fixed because evaluation scripts and users' pipelines read them. The
//! crate does no I/O and holds no Arabic knowledge; it is the bottom of the dependency graph.
//!
//! All offsets in these types are **character** (Unicode scalar value) offsets into
//! [`Document::text`], end exclusive.
#![deny(missing_docs)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How exact a count is: "at least 16", "about 75", "dozens".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The figure as stated.
    Exact,
    /// "at least", "more than", "no fewer than".
    AtLeast,
    /// "about", "nearly", vague quantities such as "dozens".
    About,
    /// "at most", "fewer than".
    AtMost,
    /// An explicit range "between 10 and 15".
    Range,
}

/// A count of people with its qualifier and the range it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The headline figure (for a range, its lower bound unless stated otherwise).
    pub value: u64,
    /// How exact the figure is.
    pub qualifier: Qualifier,
    /// Lowest value the text allows.
    pub min: u64,
    /// Highest value the text allows.
    pub max: u64,
}

impl Count {
    /// An exact count.
    pub fn exact(value: u64) -> Self {
        Count {
            value,
            qualifier: Qualifier::Exact,
            min: value,
            max: value,
        }
    }
}

/// The granularity a date is known to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A single day.
    Day,
    /// A week (start..end spans seven days).
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// A window the text only loosely bounds ("recently").
    Unknown,
}

/// A date resolved to a real calendar range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// First day of the range.
    pub start: NaiveDate,
    /// Last day of the range (inclusive).
    pub end: NaiveDate,
    /// Granularity.
    pub precision: Precision,
    /// The words the date came from, when any.
    pub text: Option<String>,
}

/// The cleaned article that extraction ran on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// sha256 hex of the cleaned text.
    pub id: String,
    /// Path or URL.
    pub source: String,
    /// Title, when the input carried one.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Cleaned article text; every offset points into it.
    pub text: String,
}

/// A span of [`Document::text`] with its characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The characters `text[start..end]`.
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
}

/// Entity types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// Person.
    Per,
    /// Organisation (including armed groups and state forces).
    Org,
    /// Geographic location that is not a polity.
    Loc,
    /// Geo-political entity (country, city as a polity).
    Gpe,
    /// Facility (building, prison, airport).
    Fac,
    /// Anything else named.
    Misc,
}

/// A named entity with its canonical identity and every mention in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable canonical id (`org:isis`), the same across documents.
    pub id: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical Arabic name.
    pub name: String,
    /// English name, when known.
    pub name_en: Option<String>,
    /// Wikidata Q-id, when known.
    pub wikidata: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
    /// Coordinates and place data for LOC/GPE entities, once geocoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// A typed link between two entities with the sentence that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Subject entity id.
    pub subject: String,
    /// `leader_of`, `branch_of`, `member_of`, `spokesperson_of`, `located_in`, `alias_of`, ...
    pub relation: String,
    /// Object entity id.
    pub object: String,
    /// The sentence that states it.
    pub evidence: Span,
}

/// Event types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// Violence by a non-state armed actor.
    Attack,
    /// Raid, airstrike or clash by state forces.
    SecurityOperation,
    /// Arrest or detention.
    Arrest,
    /// Raised alert, warning, heightened security.
    ThreatAlert,
    /// Capture or recapture of territory.
    TerritorialChange,
    /// Seizure of funds, sanctions, financing.
    Financing,
    /// Propaganda release, call to violence.
    Propaganda,
    /// A claim of responsibility on its own.
    Claim,
    /// Anything else.
    Other,
}

/// Where something happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Location {
    /// The place as named in the text.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// First-level administrative division.
    pub admin1: Option<String>,
    /// Latitude (WGS84).
    pub lat: Option<f64>,
    /// Longitude (WGS84).
    pub lon: Option<f64>,
    /// `point | city | admin1 | country | region | unknown`.
    pub precision: String,
    /// GeoNames id, when the place came from GeoNames.
    pub geonames_id: Option<u64>,
}

/// How specific a `Location::precision` is, 5 (`point`) down to 1 (`country`), 0 for anything
/// else: the one order the geocoder (which candidate wins) and the event merge (which report's
/// place is kept) both need.
pub fn precision_specificity(precision: &str) -> u8 {
    match precision {
        "point" => 5,
        "city" => 4,
        "admin1" => 3,
        "region" => 2,
        "country" => 1,
        _ => 0,
    }
}

/// An actor taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    /// Entity id, when the actor was linked.
    pub entity: Option<String>,
    /// The actor as named.
    pub name: String,
}

/// Codes mapping an event onto the schemes analysts use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Codes {
    /// CAMEO code.
    pub cameo: Option<String>,
    /// ACLED `event_type/sub_event_type`.
    pub acled: Option<String>,
    /// GTD `attacktype1`.
    pub gtd: Option<String>,
}

/// One incident reported in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id within the document.
    pub id: String,
    /// Event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Subtype (`armed_assault`, `bombing`, `raid`, ...).
    pub subtype: Option<String>,
    /// When it happened.
    pub date: Option<DateValue>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Who did it.
    pub perpetrator: Option<ActorRef>,
    /// Whom it targeted.
    pub targets: Vec<ActorRef>,
    /// People killed.
    pub killed: Option<Count>,
    /// People wounded.
    pub wounded: Option<Count>,
    /// People kidnapped.
    pub kidnapped: Option<Count>,
    /// People arrested.
    pub arrested: Option<Count>,
    /// Whether responsibility was claimed.
    pub claimed: bool,
    /// The sentence(s) that state the event.
    pub evidence: Span,
    /// 0..1, from how complete and explicit the arguments are.
    pub confidence: f64,
    /// Scheme codes.
    pub codes: Codes,
}

impl Event {
    /// An event of `kind` stated by `evidence`, every other field empty (confidence 0.5): the
    /// start of a hand-built event in tests and tools, filled with struct-update syntax.
    pub fn bare(id: &str, kind: EventType, evidence: Span) -> Event {
        Event {
            id: id.to_string(),
            kind,
            subtype: None,
            date: None,
            location: None,
            perpetrator: None,
            targets: Vec::new(),
            killed: None,
            wounded: None,
            kidnapped: None,
            arrested: None,
            claimed: false,
            evidence,
            confidence: 0.5,
            codes: Codes::default(),
        }
    }
}

/// Everything `marsad extract` prints for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The document.
    pub document: Document,
    /// Entities with their mentions.
    pub entities: Vec<Entity>,
    /// Relations between entities.
    pub relations: Vec<Relation>,
    /// Events.
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_names_serialise_as_documented() {
        let c = Count {
            value: 61,
            qualifier: Qualifier::AtLeast,
            min: 61,
            max: 61,
        };
        let v = serde_json::to_value(c).expect("serialise");
        assert_eq!(v["qualifier"], "at_least");
        assert_eq!(serde_json::to_value(EntityType::Per).expect("ser"), "PER");
        assert_eq!(
            serde_json::to_value(EventType::SecurityOperation).expect("ser"),
            "security_operation"
        );
        let d = DateValue {
            start: NaiveDate::from_ymd_opt(2023, 2, 17).expect("date"),
            end: NaiveDate::from_ymd_opt(2023, 2, 17).expect("date"),
            precision: Precision::Day,
            text: None,
        };
        let v = serde_json::to_value(d).expect("ser");
        assert_eq!(v["start"], "2023-02-17");
        assert_eq!(v["precision"], "day");
    }
}
