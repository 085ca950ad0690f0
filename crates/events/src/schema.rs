//! The event schema (types, subtypes, scheme codes) and the bundled lists parsed into typed form.
//!
//! Loads `data/triggers.tsv`, `casualties.tsv`, `modality.tsv`, `refiners.tsv`, `context.tsv`,
//! `mapping.tsv`, `countries.tsv`, `country_adjectives.tsv` and `tolls.tsv` (all embedded). A malformed row
//! is a bug in the shipped data, reported as [`crate::Error::Data`] by
//! [`crate::EventExtractor::try_bundled`] and caught by the unit tests. It does no extraction.

use model::{Codes, EventType};
use rustc_hash::FxHashMap;

use text::normalize::match_form;

use crate::Error;
use crate::lexicon::{PhraseSet, rows};

const TRIGGERS: &str = include_str!("../data/triggers.tsv");
const CASUALTIES: &str = include_str!("../data/casualties.tsv");
const MODALITY: &str = include_str!("../data/modality.tsv");
const REFINERS: &str = include_str!("../data/refiners.tsv");
const CONTEXT: &str = include_str!("../data/context.tsv");
const MAPPING: &str = include_str!("../data/mapping.tsv");
const COUNTRIES: &str = include_str!("../data/countries.tsv");
const COUNTRY_ADJ: &str = include_str!("../data/country_adjectives.tsv");
const FUNCTION_WORDS: &str = include_str!("../data/function_words.tsv");

/// Function words the rules compare whole tokens with (data/function_words.tsv), in match form.
#[derive(Debug, Default)]
pub struct FunctionWords {
    /// Opens the first incident of a dual or counted plural (أحدهما، الأول).
    pub part_first: rustc_hash::FxHashSet<String>,
    /// Opens each next incident (والآخر، والثاني).
    pub part_next: rustc_hash::FxHashSet<String>,
    /// Opens reported content after a reporting verb (إن، أن، بأن).
    pub that: rustc_hash::FxHashSet<String>,
    /// A count word with no number (عدد).
    pub unquantified: rustc_hash::FxHashSet<String>,
    /// What a denial may deny instead of the act itself: the doer's role (مسؤولية، تورط، صلة).
    pub denial_block: rustc_hash::FxHashSet<String>,
    /// Opens a clause that names the event starting a period: "منذ يناير 2022، عندما اقتحم
    /// مسلحون سجنا" (the date is the storming's, not only the start of the period).
    pub when: rustc_hash::FxHashSet<String>,
    /// Says that what it qualifies goes on over a period: "المعارك المتواصلة منذ خمسة أشهر".
    pub ongoing: rustc_hash::FxHashSet<String>,
    /// Follows a day and month to place them in time ("11 سبتمبر الماضي", "الخامس من الشهر
    /// الجاري"): a date with one of these is a dating, not the name of a past event.
    pub relative_time: rustc_hash::FxHashSet<String>,
    /// Before a day written in words, makes it a dating (يوم، الموافق، a weekday).
    pub day_before: rustc_hash::FxHashSet<String>,
    /// Opens the name of a state body (وزارة، جهاز، الحكومة): as a speaker, a state.
    pub state_body: rustc_hash::FxHashSet<String>,
    /// A verb of reaction (تدين، يستنكر): its subject is not the doer of the event it names.
    pub react: rustc_hash::FxHashSet<String>,
    /// "Among them" after a toll (بينهم، منهم).
    pub among: rustc_hash::FxHashSet<String>,
    /// An attacker among the dead (مهاجم، انتحاري، منفذ).
    pub attacker: rustc_hash::FxHashSet<String>,
    /// A source of news (مصدر، متحدث، مسؤول): a name right after it is the source's side.
    pub source: rustc_hash::FxHashSet<String>,
    /// Starts a period (منذ).
    pub since: rustc_hash::FxHashSet<String>,
    /// Someone who attacks computers, not people (قراصنة، هاكرز): next to an attack word, the
    /// attack is a cyber attack, which is not militant violence.
    pub hacker: rustc_hash::FxHashSet<String>,
    /// A speaker's own killing after إنها/إنهم/إنه: the verb's feminine form (قتلت) …
    pub kill_she: rustc_hash::FxHashSet<String>,
    /// … its plural form (قتلوا) …
    pub kill_they: rustc_hash::FxHashSet<String>,
    /// … and its base form (قتل), read as the speaker's own act only after "managed to".
    pub kill_base: rustc_hash::FxHashSet<String>,
    /// The particle before a perfect verb (قد، لقد), skipped.
    pub qad: rustc_hash::FxHashSet<String>,
    /// Stems of "managed to" (تمكن، نجح), compared as prefixes of the token's forms.
    pub managed: rustc_hash::FxHashSet<String>,
    /// The preposition after a "managed to" verb (من، في).
    pub managed_prep: rustc_hash::FxHashSet<String>,
    /// The preposition "on" (على): before an attacked place or organisation, in "على يد", "على الأقل".
    pub on: rustc_hash::FxHashSet<String>,
    /// The preposition "of/from" (من): partitives ("سبعة من مقاتلي …"), "من" ranges of dates.
    pub from: rustc_hash::FxHashSet<String>,
    /// "Hand" after على (يد، أيدي): "على يد التنظيم" names the doer.
    pub hand: rustc_hash::FxHashSet<String>,
    /// "The least" after على: "على الأقل" (at least), a qualifier inside a toll.
    pub least: rustc_hash::FxHashSet<String>,
    /// A participle a date right after it dates (الصادرة، المنشور): "الصحف الصادرة أمس".
    pub participle: rustc_hash::FxHashSet<String>,
    /// A verb telling that an event happened or what it caused (وقع، أسفر، استهدف): a relative
    /// clause it opens is about an event.
    pub happen: rustc_hash::FxHashSet<String>,
    /// Makes the violence of its sentence a crime (قصاصا، مشاجرة).
    pub crime: rustc_hash::FxHashSet<String>,
    /// A quarrel (خلاف، شجار): a crime's cause after a `cause` word.
    pub dispute: rustc_hash::FxHashSet<String>,
    /// A word of cause (إثر، بسبب) before a `dispute` word.
    pub cause: rustc_hash::FxHashSet<String>,
    /// The start of something after منذ (بدء، اندلاع): "منذ بدء المواجهات" is a period.
    pub onset: rustc_hash::FxHashSet<String>,
    /// Opens a span of time (خلال، طوال).
    pub during: rustc_hash::FxHashSet<String>,
    /// A length of time of a week or more (أسبوعين، الأشهر، الفترة).
    pub span: rustc_hash::FxHashSet<String>,
    /// "According to" before ما (وفق، حسب، بحسب): opens an attribution clause.
    pub per: rustc_hash::FxHashSet<String>,
    /// "According to what" in one word (حسبما).
    pub per_what: rustc_hash::FxHashSet<String>,
    /// ما after a `per` word.
    pub what: rustc_hash::FxHashSet<String>,
    /// The ending of a verb that carries a plural subject (وا): a name after it is its object.
    pub subject_ending: rustc_hash::FxHashSet<String>,
    /// The oblique dual of a person noun with a broken plural (شخصين، جنديين): two people.
    pub dual_oblique: rustc_hash::FxHashSet<String>,
    /// Ascribes an act to someone (نسبته، منسوب): the name after إلى / ل is the doer.
    pub blame: rustc_hash::FxHashSet<String>,
    /// "Belongs to" after an attacker word (ينتمي): the name after إلى is the doer.
    pub belong: rustc_hash::FxHashSet<String>,
    /// The preposition إلى.
    pub to: rustc_hash::FxHashSet<String>,
    /// "Another (one)" after a casualty word (آخر، أخرى; dual آخران): one, or two.
    pub another: rustc_hash::FxHashSet<String>,
    /// People an arrest word may have as object (عناصر، أشخاص، متهمين): "إيقاف 6 عناصر".
    pub detainee: rustc_hash::FxHashSet<String>,
    /// A unit of a force, as the subject of an arrest word (قوة، دورية، وحدة).
    pub force_unit: rustc_hash::FxHashSet<String>,
    /// A word of suspicion after armed men (يعتقد، يشتبه، يرجح): "مسلحون يعتقد أنهم من جماعة
    /// بوكو حرام" names the group they are thought to belong to.
    pub suspect: rustc_hash::FxHashSet<String>,
    /// A resumptive pronoun after a casualty word (فيه، فيها، خلاله): "قتل فيه ضابط وجنديان".
    pub resumptive: rustc_hash::FxHashSet<String>,
    /// A superlative (الأسوأ، الأعنف، أكبر): a date right after it frames a comparison.
    pub superlative: rustc_hash::FxHashSet<String>,
    /// A common noun of a kind of site (معسكر، مسجد، مخيم): alone it names no place.
    pub site_noun: rustc_hash::FxHashSet<String>,
    /// A verbal noun of taking a place (استعادة، تحرير، السيطرة): "هجوما لاستعادة قاعدة العند".
    pub take: rustc_hash::FxHashSet<String>,
    /// Says that a force is the government's (الحكومة، الحكومية، النظامية).
    pub government: rustc_hash::FxHashSet<String>,
    /// The first word of a link footer (رابط) …
    pub footer: rustc_hash::FxHashSet<String>,
    /// … and the word after it (الخبر، المقال): "رابط الخبر بصحيفة …: (the headline)".
    pub footer_of: rustc_hash::FxHashSet<String>,
    /// A verb of witnessing (شهدت): its subject before an event word is the event's scene.
    pub witness: rustc_hash::FxHashSet<String>,
}

impl FunctionWords {
    /// Whether token `i`'s match form (as written, clitics included) is in `set`.
    pub fn norm_in(a: &text::Analysis<'_>, i: usize, set: &rustc_hash::FxHashSet<String>) -> bool {
        a.tokens
            .get(i)
            .is_some_and(|t| set.contains(t.norm.as_str()))
    }
}

/// Every subtype the extractor can produce, with its type. The order is the precedence when two
/// mentions of one incident disagree: the more specific subtype (earlier) wins.
pub const SUBTYPE_RANK: &[&str] = &[
    "suicide_bombing",
    "vehicle_ramming",
    "prison_attack",
    "kidnapping",
    "assassination",
    "bombing",
    "shelling",
    "armed_assault",
    "airstrike",
    "raid",
    "clashes",
    "recapture",
    "capture",
    "seizure",
    "sanctions",
    "foiled_plot",
];

/// Parse a contract event type name.
pub fn parse_type(s: &str) -> Option<EventType> {
    Some(match s {
        "attack" => EventType::Attack,
        "security_operation" => EventType::SecurityOperation,
        "arrest" => EventType::Arrest,
        "threat_alert" => EventType::ThreatAlert,
        "territorial_change" => EventType::TerritorialChange,
        "financing" => EventType::Financing,
        "propaganda" => EventType::Propaganda,
        "claim" => EventType::Claim,
        "other" => EventType::Other,
        _ => return None,
    })
}

/// The contract name of an event type.
pub fn type_name(t: EventType) -> &'static str {
    match t {
        EventType::Attack => "attack",
        EventType::SecurityOperation => "security_operation",
        EventType::Arrest => "arrest",
        EventType::ThreatAlert => "threat_alert",
        EventType::TerritorialChange => "territorial_change",
        EventType::Financing => "financing",
        EventType::Propaganda => "propaganda",
        EventType::Claim => "claim",
        EventType::Other => "other",
    }
}

fn parse_subtype(s: &str) -> Result<Option<&'static str>, String> {
    if s == "-" || s.is_empty() {
        return Ok(None);
    }
    SUBTYPE_RANK
        .iter()
        .find(|x| **x == s)
        .map(|x| Some(*x))
        .ok_or_else(|| format!("unknown subtype {s}"))
}

/// What a trigger phrase says about its event.
#[derive(Debug, Clone)]
pub struct TriggerInfo {
    /// Event type.
    pub kind: EventType,
    /// Subtype, if the word fixes one.
    pub subtype: Option<&'static str>,
    /// A finite verb (its subject follows).
    pub verb: bool,
    /// Plural noun: generic unless a figure or explicit date comes with it.
    pub plural: bool,
    /// Ambiguous word: needs a figure, or a place and a date.
    pub weak: bool,
    /// Needs a named place as its object.
    pub place_obj: bool,
    /// Counts only with people as its object (إيقاف، أوقف: "arrest" only of people).
    pub person_obj: bool,
    /// Plans/threats do not block it.
    pub modal_ok: bool,
    /// Type/subtype when the actor is a state force.
    pub state: Option<(EventType, Option<&'static str>)>,
}

impl TriggerInfo {
    /// A trigger of this type and subtype with no flag set: a plain noun, specific on its own,
    /// whatever its actor (the triggers.tsv rows start from this; their flags add to it).
    pub const fn plain(kind: EventType, subtype: Option<&'static str>) -> TriggerInfo {
        TriggerInfo {
            kind,
            subtype,
            verb: false,
            plural: false,
            weak: false,
            place_obj: false,
            person_obj: false,
            modal_ok: false,
            state: None,
        }
    }
}

/// Which casualty figure a word governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// People killed.
    Killed,
    /// People wounded.
    Wounded,
    /// People kidnapped.
    Kidnapped,
    /// People arrested.
    Arrested,
}

/// Where a cue sits relative to what it qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The cue comes first.
    Before,
    /// The cue follows.
    After,
}

/// Why a trigger does not report a real incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// May, perhaps, if.
    Hypothetical,
    /// Plans, plots, intends.
    Plan,
    /// Threats, warnings, fear of.
    Threat,
    /// Calls to commit.
    Call,
    /// Did not.
    Negation,
    /// Denied, or only alleged: "نفت الوزارة اتهامات … بقصف …" (reaches farther than a
    /// negation, see data/modality.tsv).
    Denial,
    /// Every attack, any attack, fighting attacks in general.
    Generic,
    /// Foiled: becomes a threat alert (or the arrest it came with).
    Foiled,
}

/// Roles of context words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Locative word before a place.
    Loc,
    /// State force.
    State,
    /// Source of a report.
    Report,
    /// Armed-group cue before an actor.
    Group,
    /// Cue before a target.
    Target,
    /// Demonstrative pointing back.
    Anaphor,
    /// "The organisation" already named.
    GroupRef,
    /// A unit after a number: duration, distance, age, money, share.
    Unit,
    /// A noun for people (its dual counts two).
    Person,
    /// Joins two figures of one toll.
    Plus,
    /// A region coarser than a country.
    Region,
    /// A light verb whose subject is the doer of the event noun it governs: "شن داعش هجوما",
    /// "نفذت قوات التحالف ... ضربات".
    Support,
    /// A relative pronoun: a verb trigger right after one describes the event noun before it
    /// ("التفجير الذي استهدف مسجدا"), not a second event.
    Relative,
    /// A word of sports reporting (a match, a league, a goal): many of them make a document
    /// a sports report.
    Sport,
    /// A conjunction that opens a new clause (بينما، فيما، في حين، كما، ثم): arguments after it
    /// belong to the incident of that clause.
    Clause,
    /// A reporting verb (قال، أعلن، ذكر، أفاد، أكد …): with إن/أن after it, what follows is the
    /// reported content and a date between the two is the statement's.
    Say,
}

/// Every bundled list, parsed.
#[derive(Debug)]
pub struct Lists {
    /// Trigger phrases.
    pub triggers: PhraseSet<TriggerInfo>,
    /// Casualty words.
    pub casualties: PhraseSet<(Field, Side)>,
    /// Modality words.
    pub modality: PhraseSet<(Modality, Side)>,
    /// Subtype refiners.
    pub refiners: PhraseSet<(EventType, &'static str)>,
    /// Context words.
    pub context: PhraseSet<Role>,
    /// Country names and adjectives → ISO alpha-2.
    pub countries: PhraseSet<&'static str>,
    /// Country adjectives only (nisba forms: أمريكي، روسية; not names such as أمريكا or مالي)
    /// → ISO alpha-2: after an event noun or a force word they name the acting state.
    pub nisbas: PhraseSet<&'static str>,
    /// ISO alpha-2 → the country's Arabic name (the first row of `countries.tsv`).
    pub country_names: FxHashMap<&'static str, &'static str>,
    /// Function words compared as whole tokens.
    pub words: FunctionWords,
    /// (type, subtype) → codes.
    pub codes: FxHashMap<(EventType, Option<&'static str>), Codes>,
    /// Word classes for tolls told without an event word (`data/tolls.tsv`).
    pub tolls: crate::toll::TollWords,
}

fn err(file: &str, line: usize, reason: impl Into<String>) -> Error {
    Error::Data {
        file: file.to_string(),
        line,
        reason: reason.into(),
    }
}

fn col<'a>(file: &str, line: usize, r: &[&'a str], i: usize) -> Result<&'a str, Error> {
    r.get(i)
        .copied()
        .ok_or_else(|| err(file, line, format!("missing column {}", i + 1)))
}

impl Lists {
    /// Empty lists (a fallback that finds nothing).
    pub fn empty() -> Lists {
        Lists {
            triggers: PhraseSet::default(),
            casualties: PhraseSet::default(),
            modality: PhraseSet::default(),
            refiners: PhraseSet::default(),
            context: PhraseSet::default(),
            countries: PhraseSet::default(),
            nisbas: PhraseSet::default(),
            country_names: FxHashMap::default(),
            words: FunctionWords::default(),
            codes: FxHashMap::default(),
            tolls: crate::toll::TollWords::default(),
        }
    }

    /// Parse every bundled list.
    pub fn load() -> Result<Lists, Error> {
        let mut triggers = PhraseSet::default();
        for (n, r) in rows(TRIGGERS) {
            let f = "triggers.tsv";
            let kind = parse_type(col(f, n, &r, 1)?).ok_or_else(|| err(f, n, "unknown type"))?;
            let subtype = parse_subtype(col(f, n, &r, 2)?).map_err(|e| err(f, n, e))?;
            let mut info = TriggerInfo::plain(kind, subtype);
            for flag in col(f, n, &r, 3)?.split(',').map(str::trim) {
                match flag {
                    "-" | "" => {}
                    "verb" => info.verb = true,
                    "plural" => info.plural = true,
                    "weak" => info.weak = true,
                    "place_obj" => info.place_obj = true,
                    "person_obj" => info.person_obj = true,
                    "modal_ok" => info.modal_ok = true,
                    s if s.starts_with("state=") => {
                        let (t, st) = s["state=".len()..]
                            .split_once('/')
                            .ok_or_else(|| err(f, n, "state=TYPE/SUBTYPE"))?;
                        let t = parse_type(t).ok_or_else(|| err(f, n, "unknown state type"))?;
                        let st = parse_subtype(st).map_err(|e| err(f, n, e))?;
                        info.state = Some((t, st));
                    }
                    other => return Err(err(f, n, format!("unknown flag {other}"))),
                }
            }
            triggers.insert(col(f, n, &r, 0)?, info);
        }
        let mut casualties = PhraseSet::default();
        for (n, r) in rows(CASUALTIES) {
            let f = "casualties.tsv";
            let field = match col(f, n, &r, 1)? {
                "killed" => Field::Killed,
                "wounded" => Field::Wounded,
                "kidnapped" => Field::Kidnapped,
                "arrested" => Field::Arrested,
                other => return Err(err(f, n, format!("unknown field {other}"))),
            };
            casualties.insert(col(f, n, &r, 0)?, (field, side(f, n, col(f, n, &r, 2)?)?));
        }
        let mut modality = PhraseSet::default();
        for (n, r) in rows(MODALITY) {
            let f = "modality.tsv";
            let kind = match col(f, n, &r, 1)? {
                "hypothetical" => Modality::Hypothetical,
                "plan" => Modality::Plan,
                "threat" => Modality::Threat,
                "call" => Modality::Call,
                "negation" => Modality::Negation,
                "denial" => Modality::Denial,
                "generic" => Modality::Generic,
                "foiled" => Modality::Foiled,
                other => return Err(err(f, n, format!("unknown kind {other}"))),
            };
            modality.insert(col(f, n, &r, 0)?, (kind, side(f, n, col(f, n, &r, 2)?)?));
        }
        let mut refiners = PhraseSet::default();
        for (n, r) in rows(REFINERS) {
            let f = "refiners.tsv";
            let t = parse_type(col(f, n, &r, 1)?).ok_or_else(|| err(f, n, "unknown type"))?;
            let st = parse_subtype(col(f, n, &r, 2)?)
                .map_err(|e| err(f, n, e))?
                .ok_or_else(|| err(f, n, "refiner needs a subtype"))?;
            refiners.insert(col(f, n, &r, 0)?, (t, st));
        }
        let mut context = PhraseSet::default();
        for (n, r) in rows(CONTEXT) {
            let f = "context.tsv";
            let role = match col(f, n, &r, 1)? {
                "loc" => Role::Loc,
                "state" => Role::State,
                "report" => Role::Report,
                "group" => Role::Group,
                "target" => Role::Target,
                "anaphor" => Role::Anaphor,
                "groupref" => Role::GroupRef,
                "unit" => Role::Unit,
                "person" => Role::Person,
                "plus" => Role::Plus,
                "region" => Role::Region,
                "support" => Role::Support,
                "relative" => Role::Relative,
                "sport" => Role::Sport,
                "clause" => Role::Clause,
                "say" => Role::Say,
                other => return Err(err(f, n, format!("unknown role {other}"))),
            };
            context.insert(col(f, n, &r, 0)?, role);
        }
        let mut countries = PhraseSet::default();
        for (file, src) in [
            ("countries.tsv", COUNTRIES),
            ("country_adjectives.tsv", COUNTRY_ADJ),
        ] {
            for (n, r) in rows(src) {
                let iso = col(file, n, &r, 0)?;
                if iso.len() != 2 {
                    return Err(err(file, n, "iso2 code expected"));
                }
                countries.insert(col(file, n, &r, 1)?, iso);
            }
        }
        let mut country_names = FxHashMap::default();
        let mut name_forms = Vec::new();
        for (n, r) in rows(COUNTRIES) {
            let name = col("countries.tsv", n, &r, 1)?;
            country_names
                .entry(col("countries.tsv", n, &r, 0)?)
                .or_insert(name);
            name_forms.push(match_form(name));
        }
        // A nisba is one word ending in ي / ية that is not itself a country's name (مالي is
        // Mali, and "هجوم مالي" more often a financial one).
        let mut nisbas = PhraseSet::default();
        for (n, r) in rows(COUNTRY_ADJ) {
            let form = col("country_adjectives.tsv", n, &r, 1)?;
            let m = match_form(form);
            let nisba = !m.contains(' ') && (m.ends_with('ي') || m.ends_with("يه"));
            if nisba && !name_forms.contains(&m) {
                nisbas.insert(form, col("country_adjectives.tsv", n, &r, 0)?);
            }
        }
        let mut words = FunctionWords::default();
        for (n, r) in rows(FUNCTION_WORDS) {
            let f = "function_words.tsv";
            let set = match col(f, n, &r, 0)? {
                "part_first" => &mut words.part_first,
                "part_next" => &mut words.part_next,
                "that" => &mut words.that,
                "unquantified" => &mut words.unquantified,
                "denial_block" => &mut words.denial_block,
                "when" => &mut words.when,
                "ongoing" => &mut words.ongoing,
                "relative_time" => &mut words.relative_time,
                "hacker" => &mut words.hacker,
                "day_before" => &mut words.day_before,
                "since" => &mut words.since,
                "source" => &mut words.source,
                "among" => &mut words.among,
                "attacker" => &mut words.attacker,
                "react" => &mut words.react,
                "state_body" => &mut words.state_body,
                "kill_she" => &mut words.kill_she,
                "kill_they" => &mut words.kill_they,
                "kill_base" => &mut words.kill_base,
                "qad" => &mut words.qad,
                "managed" => &mut words.managed,
                "managed_prep" => &mut words.managed_prep,
                "on" => &mut words.on,
                "from" => &mut words.from,
                "hand" => &mut words.hand,
                "least" => &mut words.least,
                "participle" => &mut words.participle,
                "happen" => &mut words.happen,
                "crime" => &mut words.crime,
                "dispute" => &mut words.dispute,
                "cause" => &mut words.cause,
                "onset" => &mut words.onset,
                "during" => &mut words.during,
                "span" => &mut words.span,
                "per" => &mut words.per,
                "per_what" => &mut words.per_what,
                "what" => &mut words.what,
                "subject_ending" => &mut words.subject_ending,
                "dual_oblique" => &mut words.dual_oblique,
                "blame" => &mut words.blame,
                "belong" => &mut words.belong,
                "to" => &mut words.to,
                "another" => &mut words.another,
                "resumptive" => &mut words.resumptive,
                "suspect" => &mut words.suspect,
                "force_unit" => &mut words.force_unit,
                "detainee" => &mut words.detainee,
                "superlative" => &mut words.superlative,
                "site_noun" => &mut words.site_noun,
                "take" => &mut words.take,
                "government" => &mut words.government,
                "footer" => &mut words.footer,
                "footer_of" => &mut words.footer_of,
                "witness" => &mut words.witness,
                other => return Err(err(f, n, format!("unknown class {other}"))),
            };
            set.insert(match_form(col(f, n, &r, 1)?));
        }
        let mut codes = FxHashMap::default();
        for (n, r) in rows(MAPPING) {
            let f = "mapping.tsv";
            let t = parse_type(col(f, n, &r, 0)?).ok_or_else(|| err(f, n, "unknown type"))?;
            let st = parse_subtype(col(f, n, &r, 1)?).map_err(|e| err(f, n, e))?;
            let opt = |s: &str| (s != "-").then(|| s.to_string());
            codes.insert(
                (t, st),
                Codes {
                    cameo: opt(col(f, n, &r, 2)?),
                    acled: opt(col(f, n, &r, 3)?),
                    gtd: opt(col(f, n, &r, 4)?),
                },
            );
        }
        Ok(Lists {
            triggers,
            casualties,
            modality,
            refiners,
            context,
            countries,
            nisbas,
            country_names,
            words,
            codes,
            tolls: crate::toll::TollWords::load()?,
        })
    }

    /// Codes for a type/subtype: the exact row, else the type's row without subtype.
    pub fn codes_for(&self, t: EventType, st: Option<&'static str>) -> Codes {
        self.codes
            .get(&(t, st))
            .or_else(|| self.codes.get(&(t, None)))
            .cloned()
            .unwrap_or_default()
    }
}

fn side(f: &str, n: usize, s: &str) -> Result<Side, Error> {
    match s {
        "before" => Ok(Side::Before),
        "after" => Ok(Side::After),
        other => Err(err(f, n, format!("unknown side {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse() {
        let l = Lists::load().expect("bundled data parses");
        assert!(l.triggers.len() > 100);
        assert!(l.countries.len() > 250);
        assert!(l.nisbas.len() > 40);
        assert_eq!(l.country_names.get("US"), Some(&"الولايات المتحدة"));
        // Function words are stored in match form, whatever the spelling in the file.
        assert!(l.words.that.contains("ان") && l.words.that.contains("بانها"));
        assert!(l.words.part_first.contains("الاولي"));
        assert!(l.words.part_next.contains("والثانيه"));
        assert!(l.words.unquantified.contains("عدد"));
        // Every type/subtype a trigger or refiner can produce has codes.
        for t in [
            EventType::Attack,
            EventType::SecurityOperation,
            EventType::Arrest,
            EventType::ThreatAlert,
            EventType::TerritorialChange,
            EventType::Financing,
            EventType::Propaganda,
        ] {
            assert!(l.codes.contains_key(&(t, None)), "{t:?}");
        }
        for st in SUBTYPE_RANK {
            assert!(
                l.codes.keys().any(|(_, s)| *s == Some(*st)),
                "no mapping row for subtype {st}"
            );
        }
    }
}
