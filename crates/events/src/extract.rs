//! Per-sentence extraction: triggers, their modality, and the arguments each trigger takes.
//!
//! For every sentence it finds trigger phrases (data/triggers.tsv, longest match wins; a verb
//! trigger never matches a word with the article: "الصادرة" is not "صادر"), drops those that a
//! plan/threat/call/hypothetical/negation/generic word governs (data/modality.tsv; a *foiled*
//! plot becomes a threat alert unless the sentence reports an arrest; a denial or allegation,
//! "نفت الوزارة اتهامات … بقصف …", "بدعوى زرعهم عبوة", reaches up to 12 words ahead unless what
//! it denies is the doer's role, "مسؤوليته عن"; an attack word next to a word for hackers is a
//! cyber attack), drops verb triggers that only describe an event noun (a relative clause, with
//! or without الذي: "هجوم استهدف فندقا"), drops event nouns named by a past day ("هجمات الحادي
//! عشر من سبتمبر") and running totals over a period ("27 قتيلا في اعتداءات … منذ انهيار الهدنة",
//! with their toll), drops a word of arrest that also means "stop" (إيقاف، أوقف, Maghreb usage)
//! with no people after it ("إيقاف العمل"; `person_object`), adds the killing a speaker reports as its own act ("أعلنت الشرطة أنها
//! قتلت ثمانية": `own_acts`), and attaches arguments. Dates are sorted by use first
//! (`date_use`): the start of a period ("منذ يوليو 2014", a منذ + duration after a state: "المتمركزة
//! هناك منذ ثلاثة أشهر"), the name of a past day, a day after publication, or the date of a
//! participle or of a relative clause about something else ("الصحف الصادرة أمس", "البنجاب التي
//! قسمت في 1947": `dates_other`) dates no trigger. Spans of a week or more ("خلال أسبوعين") and
//! "منذ بدء" + an event noun are periods too; a crime (a quarrel, a retaliation sentence) gives
//! no armed assault. "Nearest trigger" below always means: a trigger of
//! the argument's own clause first, then the fewest words between. A sentence is cut into
//! clauses at semicolons, before بينما، فيما، في حين، كما، ثم, and before a verb trigger or
//! light verb joined by و/ف ("قصفت الميليشيات أحياء في مدينة تعز بينما شنت الطائرات غارة":
//! تعز is the shelling's).
//!
//! - **place**: a LOC/GPE/FAC mention of the NER output. It must be introduced by a locative word
//!   (في، قرب، خارج، بمدينة، شرق …, or a ب proclitic) within 2 words before it, be the genitive
//!   right after a noun trigger ("هجمات باريس"), the object of على or of a verbal noun of taking
//!   after the trigger ("هجوما واسعا لاستعادة قاعدة العند"), or the subject of a verb of
//!   witnessing just before it ("وشهدت الحوطة اشتباكات"); alerts also take the country that is
//!   their subject. A mention made only of common nouns of a site ("بمعسكر", "داخل المسجد",
//!   class `site_noun`) names no place, nor one made only of event words ("في الاشتباكات" tagged
//!   as a place). A place in a reporting clause ("قال متحدث باسم الجيش في
//!   بنغازي إن …") is the source's: it is taken only when the event's own words name none,
//!   marked `reported` (see the date). A place goes to the trigger nearest to it, at most 12
//!   words away, except that a place introduced by a locative word after a trigger stays with
//!   it rather than going to a later trigger of the same clause ("قصفت تركيا مواقع لداعش في
//!   سوريا ردا على مقتل جندي"). Triggers of territorial change take only a place that is their
//!   object (within 4 words after them). A town the text places in the country a trigger took
//!   wins over the country.
//!   `location.name` is the place as named; `country` is filled only when the text says it: the
//!   place is a country, contains one ("شرق سوريا"), or a country adjective stands next to it
//!   ("العاصمة العمانية مسقط", "برشلونة الإسبانية"); otherwise the geocoder fills it later.
//! - **date**: the date mention of the sentence nearest the trigger (each date goes to its
//!   nearest trigger). A date between a reporting verb and the إن/أن that opens what it reports
//!   ("قال الجيش أمس الجمعة إن غارة …"), or in an attribution clause ("وفق ما نقلت وسائل إعلام
//!   أمس الخميس"), is when the source spoke: it goes only to triggers left
//!   without a date, marked as `reported` (it dates the event for gating, but yields to a date
//!   of the event's own and does not keep two mentions apart when merging). A sentence with no
//!   date at all inherits the last date of the previous sentence (marked as inherited: it does
//!   not count as "explicit" for gating). Events left without a date get the document window in
//!   [`crate::merge`].
//! - **perpetrator**: an ORG mention that is the subject after a verb trigger (within 3 words:
//!   "اختطف مقاتلو داعش"), the genitive after a noun trigger ("هجمات داعش"), or the subject
//!   around a claim ("تبناه داعش", "أعلن تنظيم داعش مسؤوليته عن"); never one introduced by a
//!   source word (بحسب صحيفة …), a target word (ضد …) or على after the trigger ("هجوم على مركز
//!   للشرطة": the target), nor one before the trigger that a comma sets off from it; على يد /
//!   على أيدي names the doer of a passive act over any nearer name ("اعتقلوا على أيدي مقاتلي
//!   جبهة النصرة"). A state force word (قوات، الجيش …) or a country as subject makes the actor a
//!   state, which turns a storming or an attack into a security operation; so does a country adjective after an event noun a state carries out
//!   ("غارة جوية أمريكية", "قصف روسي") or after an indefinite force word ("طائرات تركية"), which
//!   names that country. "التنظيم" near a trigger, or a claim with no subject, points at the
//!   organisation most mentioned in the article. Also the doer: the subject of a light verb
//!   right after an event noun ("هجوم نفذه مسلحون من داعش", "التفجير الذي شنه …": `doer_after`);
//!   the one an ascription after the act names ("في هجوم نسبته السلطات إلى التمرد الكردي",
//!   "هجوم منسوب لحزب العمال", "انتحاري ينتمي إلى تنظيم داعش": `blamed`; such a doer alone does
//!   not let a mention through the gate); the group armed men are suspected to belong to ("خطف
//!   مسلحون يعتقد أنهم من جماعة بوكو حرام", "مسلحون يشتبه في انتمائهم إلى تنظيم داعش":
//!   `suspected`, ascribed likewise); the subject of the announcing verb of a claim up to
//!   ten words back ("وكان تنظيم داعش أعلن في بيان … المسؤولية عن التفجير");
//!   the speaker of "أعلنت/قالت X أنها …" for the verb after the pronoun; an organisation named
//!   by a definite force word ("الجيش التركي") or right after one ("طائرات التحالف الدولي") acts
//!   as a state. Never the doer: a name after من or "من عناصر" before the trigger (the victims'
//!   side), the subject of a reaction verb (تدين، يستنكر), a ل-name after the trigger's object
//!   ("القصف مخازن للحوثيين"), a name after إلى ("قتل موظف ينتمي إلى حزب العدالة").
//! - **targets**: ORG/PER mentions after the trigger introduced by ضد/استهدف, and for security
//!   operations and arrests the armed group after them ("عناصر تنظيم داعش").
//! - **casualties**: figures from [`crate::casualties`], each given to the nearest trigger whose
//!   type can carry that figure; a count word with no number ("عدد من القتلى") marks a toll
//!   without a figure. A shelling (its trigger's `state` type is a security operation) whose
//!   killed figure counts militants ([`crate::toll::victims`]) and that names no doer but a state
//!   is that operation ("مقتل سبعة من قادة تنظيم داعش بقصف مدفعي"; not a bare attack, as militants
//!   kill militants too: "لقي أربعة حوثيين مصرعهم في هجوم بسيارة مفخخة"); likewise an arrest whose sentence gives it militants
//!   killed ("إن القوات قتلت 35 مسلحا واعتقلت 18 آخرين") is an operation with both figures.
//!
//! A dual event noun followed by أحدهما … والآخر … ("في هجومين منفصلين أحدهما نفذته انتحارية
//! والآخر شنه مقاتلو بوكو حرام"), or a counted plural followed by one marker per incident
//! ("ثلاث هجمات أحدها … والثاني … والثالث …"), becomes one mention per incident (`split_duals`),
//! each with the place and date of its own words when it has them.
//!
//! It does not merge mentions (see [`crate::merge`]) and does not decide whether a mention is
//! specific enough to be an event (gating is done after merging, when all arguments are known).

use std::ops::Range;

use chrono::NaiveDate;
use model::{ActorRef, Count, DateValue, EntityType, EventType};
use ner::{EntityMention, NerOutput};
use text::dates::DateMention;
use text::normalize::match_form;
use text::numbers::NumberMention;
use text::{Analysis, TokenKind};

use crate::casualties::{Figure, figures};
use crate::lexicon::{is_definite, token_forms};
use crate::schema::{Field, FunctionWords, Lists, Modality, Role, Side, TriggerInfo};
use crate::toll;

/// Everything about a document that the per-sentence passes share.
pub struct Ctx<'a, 'b> {
    /// The analysis.
    pub a: &'b Analysis<'a>,
    /// Bundled lists.
    pub lists: &'b Lists,
    /// Candidate match forms per token.
    pub forms: Vec<Vec<&'b str>>,
    /// Context role per token (the longest context phrase covering it).
    pub roles: Vec<Option<Role>>,
    /// Whether the token is inside quotation marks.
    pub quoted: Vec<bool>,
    /// NER output.
    pub ner: &'b NerOutput,
    /// The organisation mentioned most in the document (for "التنظيم").
    pub salient_org: Option<(String, String)>,
}

impl<'a, 'b> Ctx<'a, 'b> {
    /// Whether token `i`, as written or without its clitics, is a word of `set` (match forms).
    pub fn word_in(&self, i: usize, set: &rustc_hash::FxHashSet<String>) -> bool {
        self.forms
            .get(i)
            .is_some_and(|fs| fs.iter().any(|f| set.contains(*f)))
    }

    /// Precompute forms, roles and quote state for a document.
    pub fn new(a: &'b Analysis<'a>, lists: &'b Lists, ner: &'b NerOutput) -> Self {
        let mut forms = Vec::with_capacity(a.tokens.len());
        let mut buf = Vec::new();
        for t in &a.tokens {
            if t.kind == TokenKind::Arabic {
                token_forms(t, &mut buf);
                forms.push(buf.clone());
            } else {
                forms.push(vec![t.norm.as_str()]);
            }
        }
        let mut roles = vec![None; a.tokens.len()];
        let mut quoted = vec![false; a.tokens.len()];
        let mut out = Vec::new();
        for s in &a.sentences {
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                lists.context.matches_at(&forms, i, s.tokens.end, &mut out);
                if let Some((n, role)) = out.first() {
                    for r in roles.iter_mut().skip(i).take(*n) {
                        *r = Some(**role);
                    }
                    i += n;
                } else {
                    i += 1;
                }
            }
            // Quote state restarts with each sentence: a stray quote mark must not make the
            // rest of an article "quoted".
            let mut inside = false;
            for (i, q) in quoted
                .iter_mut()
                .enumerate()
                .take(s.tokens.end)
                .skip(s.tokens.start)
            {
                match a.token_text(i) {
                    "«" | "“" => inside = true,
                    "»" | "”" => inside = false,
                    "\"" => inside = !inside,
                    _ => *q = inside,
                }
            }
        }
        let salient_org = salient(ner);
        Ctx {
            a,
            lists,
            forms,
            roles,
            quoted,
            ner,
            salient_org,
        }
    }

    fn text(&self, start: usize, end: usize) -> &'a str {
        let ts = &self.a.tokens;
        if start >= end || end > ts.len() {
            return "";
        }
        self.a.slice(ts[start].byte_start, ts[end - 1].byte_end)
    }

    fn role(&self, i: usize) -> Option<Role> {
        self.roles.get(i).copied().flatten()
    }

    fn is_punct(&self, i: usize) -> bool {
        self.a
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Whether token `i` is a full stop or a semicolon (Arabic or Latin): the end of a clause
    /// that frames and relative clauses do not reach past.
    fn is_stop(&self, i: usize) -> bool {
        matches!(self.a.token_text(i), "." | "؛" | ";")
    }
}

/// The ORG entity with most mentions (at least two), as (id, name).
fn salient(ner: &NerOutput) -> Option<(String, String)> {
    ner.entities
        .iter()
        .filter(|e| e.kind == EntityType::Org && e.mentions.len() >= 2)
        .max_by_key(|e| e.mentions.len())
        .map(|e| (e.id.clone(), e.name.clone()))
}

/// A place argument.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// As named.
    pub name: String,
    /// NER entity id.
    pub entity: Option<String>,
    /// ISO alpha-2 when the text says it.
    pub country: Option<String>,
    /// The place is a country.
    pub is_country: bool,
    /// A part of a country named with it ("شمال العراق", "جنوب شرقي تركيا"): like the country,
    /// it holds the towns of that country.
    pub region: bool,
    /// Named only in the reporting clause ("أعلن قائد للجيش في جنوب الفلبين أن …"): the
    /// source's place, taken because the event's own words name none. It yields to a place of
    /// the event's own and does not keep two mentions apart when merging.
    pub reported: bool,
}

/// A date argument.
#[derive(Debug, Clone, PartialEq)]
pub struct DateArg {
    /// The resolved range.
    pub value: DateValue,
    /// From a date in the event's own sentence (not inherited).
    pub explicit: bool,
    /// Words between the trigger and the date expression.
    pub gap: usize,
    /// The date of the statement that reports the event ("قال الجيش أمس إن غارة …"), taken
    /// only because the event's own words give none: it yields to a date of the event's own
    /// and does not keep two mentions of one incident apart.
    pub reported: bool,
}

impl DateArg {
    /// A date the event's own words give (in its sentence, not the statement's).
    pub fn own(&self) -> bool {
        self.explicit && !self.reported
    }
}

/// One trigger with its arguments: the unit that merging groups into events.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First and last sentence index.
    pub sents: Range<usize>,
    /// Trigger token range (of the first trigger).
    pub trig: Range<usize>,
    /// Type.
    pub kind: EventType,
    /// Subtype.
    pub subtype: Option<&'static str>,
    /// Some trigger was a plain, specific word (not plural, weak or quoted).
    pub strong: bool,
    /// Some trigger was only plural/weak/quoted (so it needs figures or an explicit date).
    pub needs_figure_or_date: bool,
    /// Weak trigger (needs a figure, or place and date).
    pub weak: bool,
    /// A trigger that needs a place as object.
    pub place_obj: bool,
    /// The trigger is definite or has a demonstrative: it can point back at an earlier mention.
    pub anaphoric: bool,
    /// Place.
    pub place: Option<Place>,
    /// Date.
    pub date: Option<DateArg>,
    /// Perpetrator.
    pub perp: Option<ActorRef>,
    /// The perpetrator is a state force.
    pub perp_state: bool,
    /// The perpetrator comes only from an ascription ("نسبته السلطات إلى …", `blamed`): it
    /// says whom the act is blamed on, not that the mention tells a specific incident, so it
    /// does not let a mention through the gate (a headline "مقتل شرطيين في هجوم منسوب لحزب
    /// العمال" with no place, date or figure stays part of its lead).
    pub perp_ascribed: bool,
    /// Targets.
    pub targets: Vec<ActorRef>,
    /// Killed, wounded, kidnapped, arrested.
    pub figures: [Option<Count>; 4],
    /// One of the incidents a dual event noun announces ("هجومين منفصلين أحدهما … والآخر …"):
    /// (first token of the dual noun, which incident). Two parts of one dual are never merged.
    pub part: Option<(usize, u8)>,
    /// The text states a toll without a number ("قتل عدد من الجنود"): no figure, but the
    /// mention is as specific as one with a figure.
    pub vague_toll: bool,
    /// Responsibility claimed.
    pub claimed: bool,
    /// All triggers were inside quotation marks.
    pub quoted: bool,
    /// Number of trigger mentions merged in.
    pub n: usize,
    /// The first trigger is a finite verb.
    pub verb: bool,
    /// Type/subtype of the first trigger when its actor is a state force.
    pub state: Option<(EventType, Option<&'static str>)>,
}

/// Index of a field in [`Mention::figures`].
pub fn field_index(f: Field) -> usize {
    match f {
        Field::Killed => 0,
        Field::Wounded => 1,
        Field::Kidnapped => 2,
        Field::Arrested => 3,
    }
}

/// Whether an event of this type can carry this figure.
pub fn accepts(kind: EventType, f: Field) -> bool {
    match kind {
        EventType::Attack | EventType::Claim => f != Field::Arrested,
        EventType::SecurityOperation => true,
        EventType::Arrest => matches!(f, Field::Arrested | Field::Killed),
        _ => false,
    }
}

struct Hit<'l> {
    tokens: Range<usize>,
    info: &'l TriggerInfo,
}

fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if b.start >= a.end {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Figures that no trigger of their sentence could take, for the previous event to pick up.
pub struct Orphan {
    /// Sentence index.
    pub sent: usize,
    /// The figure.
    pub figure: Figure,
    /// The places its sentence names (as [`Place::name`]): a toll told of another place than
    /// the event's is another story's ("قصف منزل قائد في شبوة.. ومقتل 8 حوثيين في مأرب").
    pub places: Vec<String>,
}

/// Extract the trigger mentions of every sentence.
pub fn mentions(
    ctx: &Ctx<'_, '_>,
    numbers: &[NumberMention],
    dates: &[DateMention],
    doc_date: Option<NaiveDate>,
) -> (Vec<Mention>, Vec<Orphan>) {
    let a = ctx.a;
    let mut out = Vec::new();
    let mut orphans = Vec::new();
    let mut prev_date: Option<&DateMention> = None;
    let mut buf = Vec::new();
    for (si, s) in a.sentences.iter().enumerate() {
        let sent = s.tokens.clone();
        // A link footer repeats the headline ("رابط الخبر بصحيفة …: …"): no incident of its own.
        let w = &ctx.lists.words;
        if sent.len() >= 2
            && norm_in(ctx, sent.start, &w.footer)
            && norm_in(ctx, sent.start + 1, &w.footer_of)
        {
            continue;
        }
        let all_dates: Vec<&DateMention> = dates
            .iter()
            .filter(|d| d.tokens.start >= sent.start && d.tokens.start < sent.end)
            .collect();
        // Only a date of an event dates a trigger: not the start of a period ("منذ يوليو
        // 2014"), the name of a past day ("الحادي عشر من سبتمبر"), or a day to come.
        let mut uses: Vec<DateUse> = all_dates
            .iter()
            .map(|d| date_use(ctx, d, sent.clone(), doc_date))
            .collect();
        let s_numbers: Vec<&NumberMention> = numbers
            .iter()
            .filter(|n| n.tokens.start >= sent.start && n.tokens.end <= sent.end)
            .collect();
        // Triggers, longest match first, no overlaps.
        let mut hits: Vec<Hit<'_>> = Vec::new();
        let mut i = sent.start;
        while i < sent.end {
            ctx.lists
                .triggers
                .matches_at(&ctx.forms, i, sent.end, &mut buf);
            // A verb never takes the article: "الصادرة" (issued) is not "صادر" (seized) with
            // a clitic stripped.
            let definite = ctx.a.tokens.get(i).is_some_and(is_definite);
            if let Some((n, info)) = buf.iter().find(|(_, info)| !(info.verb && definite)) {
                hits.push(Hit {
                    tokens: i..i + n,
                    info,
                });
                i += n;
            } else {
                i += 1;
            }
        }
        // "إيقاف العمل", "أوقفت المباراة": a word of arrest that also means "stop" counts only
        // with people as its object ("تم إيقاف 6 عناصر", "أوقفت الشرطة متهمين").
        hits.retain(|h| {
            !h.info.person_obj || person_object(ctx, h.tokens.end, sent.end, &s_numbers)
        });
        // "الصحف الصادرة أمس", "غورداسبور التي قسمت في 1947": the date of a participle or of a
        // relative clause about something else is not when an event of the sentence happened.
        for (d, u) in all_dates.iter().zip(uses.iter_mut()) {
            if *u == DateUse::Event && dates_other(ctx, d, &hits, sent.clone()) {
                *u = DateUse::Other;
            }
            if *u == DateUse::Event && lasting(ctx, d, &hits, sent.clone()) {
                *u = DateUse::Period;
            }
        }
        let periods = periods(ctx, sent.clone(), &all_dates, &uses);
        let s_dates: Vec<&DateMention> = all_dates
            .iter()
            .zip(&uses)
            .filter(|(_, u)| **u == DateUse::Event)
            .map(|(d, _)| *d)
            .collect();
        // (A sentence with a date of another use gives and takes none: its events are not
        // the previous sentence's.)
        let inherited = if all_dates.is_empty() {
            prev_date
        } else {
            None
        };
        if let Some(d) = s_dates.last() {
            prev_date = Some(d);
        } else if !a.sentences.is_empty() {
            // Only the sentence right before may lend its date.
            prev_date = None;
        }
        let s_ments: Vec<&EntityMention> = ctx
            .ner
            .mentions
            .iter()
            .filter(|m| m.tokens.start >= sent.start && m.tokens.end <= sent.end)
            .collect();
        let persons: Vec<Range<usize>> = ctx
            .ner
            .mentions
            .iter()
            .filter(|m| {
                m.kind == EntityType::Per
                    && m.tokens.start >= sent.start
                    && m.tokens.end <= sent.end
            })
            .map(|m| m.tokens.clone())
            .collect();
        let s_places: Vec<String> = s_ments
            .iter()
            .filter(|m| matches!(m.kind, EntityType::Loc | EntityType::Gpe | EntityType::Fac))
            .map(|m| place_name(ctx, m))
            .collect();
        let figs = if s_numbers.is_empty() && hits.is_empty() {
            Vec::new()
        } else {
            figures(ctx, sent.clone(), &s_numbers, &all_dates, &persons)
        };
        // A sentence with no event word may still tell a killing of political violence by its
        // toll alone ("قتل مسلحون سبعة جنود في الأنبار أمس"): the toll's word is then its trigger.
        let mut tolls: Vec<Range<usize>> = Vec::new();
        // (Most such sentences have no figure at all: nothing to scan then.)
        if hits.is_empty() && !figs.is_empty() {
            let is = |i: usize, set: &rustc_hash::FxHashSet<String>| word_in(ctx, i, set);
            let crime = crime(ctx, sent.clone());
            if let Some((tokens, info)) =
                toll::trigger(&figs, sent.clone(), &ctx.lists.tolls, crime, &is)
            {
                tolls.push(tokens.clone());
                hits.push(Hit { tokens, info });
            }
        }
        if hits.is_empty() {
            orphans.extend(figs.into_iter().map(|figure| Orphan {
                sent: si,
                figure,
                places: s_places.clone(),
            }));
            continue;
        }
        // "التفجير الذي استهدف مسجدا": a verb trigger in a relative clause on an event noun
        // describes that event; its arguments go to the noun (the nearest remaining trigger).
        let nouns: Vec<(Range<usize>, EventType)> = hits
            .iter()
            .filter(|h| !h.info.verb)
            .map(|h| (h.tokens.clone(), h.info.kind))
            .collect();
        // An indefinite noun takes its relative clause without الذي ("في تفجيرين استهدفا محطتي
        // حافلات", "هجوم استهدف فندقا"), and a verb right after a definite one has it as subject
        // ("الانفجار هز المدينة"): either way the verb describes the noun's event, even of
        // another type ("الغارة استهدفت"). Not an arrest verb after another event: in "بعد الهجوم
        // اعتقلت الشرطة" the arrest is an event of its own.
        hits.retain(|h| {
            let i = h.tokens.start;
            let relative = i
                .checked_sub(1)
                .is_some_and(|p| ctx.role(p) == Some(Role::Relative))
                && nouns.iter().any(|(n, _)| n.end < i && i - n.end <= 4);
            let adjacent = nouns.iter().any(|(n, kind)| {
                n.end == i && (h.info.kind != EventType::Arrest || *kind == EventType::Arrest)
            });
            !(h.info.verb && (relative || adjacent))
        });
        // "منذ بدء المواجهات", "منذ اندلاع الحرب": an event noun after منذ and a word of onset
        // names the start of a period (a toll given for it is a running total), not an incident.
        hits.retain(|h| {
            let i = h.tokens.start;
            !(i >= sent.start + 2
                && word_in(ctx, i - 1, &ctx.lists.words.onset)
                && word_in(ctx, i - 2, &ctx.lists.words.since))
        });
        // "هجمات الحادي عشر من سبتمبر": an event noun named by a past day is a reference to a
        // well-known incident of another year, not a report. A plural or a battle word given
        // over a period ("27 قتيلا في اعتداءات … منذ انهيار الهدنة", "الغارات والمعارك المتواصلة
        // منذ خمسة أشهر") is a running total, not an incident.
        let clause0 = clauses(ctx, sent.clone(), &hits);
        let totals: Vec<Range<usize>> = hits
            .iter()
            .filter(|h| running_total(ctx, h, &hits, &periods, &clause0, sent.start))
            .map(|h| h.tokens.clone())
            .collect();
        hits.retain(|h| {
            let named = all_dates.iter().zip(&uses).any(|(d, u)| {
                *u == DateUse::Name && !h.info.verb && d.tokens.start == h.tokens.end
            });
            !named && !totals.contains(&h.tokens)
        });
        // The toll of a running total is no incident's: it is dropped with it, not handed to
        // another trigger or to the previous sentence's event.
        let figs: Vec<Figure> = if totals.is_empty() {
            figs
        } else {
            let kept: Vec<Range<usize>> = hits.iter().map(|h| h.tokens.clone()).collect();
            let dist = |rs: &[Range<usize>], f: &Figure| {
                rs.iter()
                    .map(|t| gap(t, &(f.cue..f.cue + 1)))
                    .min()
                    .unwrap_or(usize::MAX)
            };
            figs.into_iter()
                .filter(|f| dist(&totals, f) >= dist(&kept, f))
                .collect()
        };
        // "أعلنت قوات الأمن أنها قتلت ثمانية مسلحين": what the pronoun after إن/أن reports is
        // the speaker's own act. A killing told that way has no trigger word of its own: it
        // becomes the speaker's operation (or attack, for an armed group); any verb trigger
        // there takes the speaker as its doer (below, after `actors`).
        let speakers = own_acts(ctx, sent.clone(), &hits, &s_ments);
        for sp in &speakers {
            if sp.kill && !hits.iter().any(|h| h.tokens.contains(&sp.at)) {
                hits.push(Hit {
                    tokens: sp.at..sp.at + 1,
                    info: if sp.state {
                        &OWN_KILL_BY_STATE
                    } else {
                        &OWN_KILL_BY_GROUP
                    },
                });
            }
        }
        hits.sort_by_key(|h| h.tokens.start);
        let has_arrest = hits.iter().any(|h| h.info.kind == EventType::Arrest);
        let mut ms: Vec<(Mention, Range<usize>)> = Vec::new();
        for h in &hits {
            // "للقبض عليهم", "لاعتقال": an arrest word with the purpose ل is an intention.
            let n0 = ctx.a.tokens[h.tokens.start].norm.as_str();
            if h.info.kind == EventType::Arrest && n0.starts_with('ل') && !n0.starts_with("ال") {
                continue;
            }
            let Some(m) = modality(ctx, h, sent.clone()) else {
                let mut mm = new_mention(ctx, si, h);
                // A counted plural ("تسع ضربات جوية", "3 هجمات") names specific acts, not a
                // generic summary, so it stands without a toll or a date.
                if h.info.plural
                    && !h.info.weak
                    && !mm.quoted
                    && s_numbers
                        .iter()
                        .any(|n| n.tokens.end == h.tokens.start && !n.is_date_part)
                {
                    mm.strong = true;
                    mm.needs_figure_or_date = false;
                }
                ms.push((mm, h.tokens.clone()));
                continue;
            };
            if m == Modality::Foiled
                && !has_arrest
                && matches!(
                    h.info.kind,
                    EventType::Attack | EventType::SecurityOperation
                )
            {
                let mut mm = new_mention(ctx, si, h);
                mm.kind = EventType::ThreatAlert;
                mm.subtype = Some("foiled_plot");
                ms.push((mm, h.tokens.clone()));
            }
        }
        if ms.is_empty() {
            orphans.extend(figs.into_iter().map(|figure| Orphan {
                sent: si,
                figure,
                places: s_places.clone(),
            }));
            continue;
        }
        let trig_ranges: Vec<Range<usize>> = ms.iter().map(|(_, r)| r.clone()).collect();
        let clause = clauses(ctx, sent.clone(), &hits);
        let near = Near {
            trigs: &trig_ranges,
            clause: &clause,
            base: sent.start,
        };
        // Which trigger is nearest to a token range: one of the same clause first, then the
        // fewest words between (ties go to the earlier trigger).
        let nearest = |r: &Range<usize>, ok: &dyn Fn(usize) -> bool| -> Option<usize> {
            (0..trig_ranges.len())
                .filter(|k| ok(*k))
                .min_by_key(|k| (near.key(*k, r), *k))
        };
        // Places.
        // A place in a reporting clause is the source's ("قال متحدث باسم الجيش الذي يوجد مقره
        // في شرق ليبيا إن الهجوم …"): it is taken only when the event's own words name none,
        // and then marked, because an official's own area is often, not always, the scene
        // ("أعلن قائد للجيش في جنوب الفلبين أن جنديين قتلا").
        let mut frames = report_frames(ctx, sent.clone(), &hits);
        frames.extend(attributions(ctx, sent.clone(), &hits));
        let (framed, places): (Vec<&EntityMention>, Vec<&EntityMention>) =
            s_ments.iter().copied().partition(|pm| {
                frames
                    .iter()
                    .any(|f| pm.tokens.start > f.start && pm.tokens.end <= f.end)
            });
        for (k, (m, tr)) in ms.iter_mut().enumerate() {
            m.place = pick_place(ctx, m, tr, &places, &near, k, sent.clone()).or_else(|| {
                pick_place(ctx, m, tr, &framed, &near, k, sent.clone()).map(|p| Place {
                    reported: true,
                    ..p
                })
            });
        }
        // Dates: each date to its nearest trigger, at most MAX_DATE_GAP words away; a trigger
        // with several dates keeps the most precise one, then the nearest. A date of a
        // reporting clause is the statement's: it goes only to triggers left without one.
        let of_report = |d: &DateMention| {
            frames
                .iter()
                .any(|f| d.tokens.start > f.start && d.tokens.end <= f.end)
        };
        for d in s_dates.iter().filter(|d| !of_report(d)) {
            let Some(k) = nearest(&d.tokens, &|_| true) else {
                continue;
            };
            let g = gap(&trig_ranges[k], &d.tokens);
            // As for places, a sentence's only trigger may be far from its date: "… إثر تفجير
            // استهدف قافلة … وأوقع 14 قتيلا … في بلدة … القريبة من الحدود هذا الأسبوع".
            let reach = if trig_ranges.len() == 1 {
                MAX_DATE_GAP_ALONE
            } else {
                MAX_DATE_GAP
            };
            // (The longer reach only within the trigger's own clause.)
            if g > reach || (g > MAX_DATE_GAP && near.key(k, &d.tokens).0) {
                continue;
            }
            let better = ms[k].0.date.as_ref().is_none_or(|old| {
                (precision_rank(d.value.precision), g)
                    < (precision_rank(old.value.precision), old.gap)
            });
            if better {
                ms[k].0.date = Some(DateArg {
                    value: d.value.clone(),
                    explicit: true,
                    gap: g,
                    reported: false,
                });
            }
        }
        // "قال الجيش أمس الجمعة إن غارة جوية قتلت …": wire news mostly reports the day's
        // events, so the statement's date stands in for a trigger with none of its own.
        for d in s_dates.iter().filter(|d| of_report(d)) {
            for (m, tr) in ms.iter_mut() {
                let g = gap(tr, &d.tokens);
                if m.date.is_none() && g <= MAX_DATE_GAP {
                    m.date = Some(DateArg {
                        value: d.value.clone(),
                        explicit: true,
                        gap: g,
                        reported: true,
                    });
                }
            }
        }
        if let Some(d) = inherited {
            for (m, _) in ms.iter_mut() {
                m.date = Some(DateArg {
                    value: d.value.clone(),
                    explicit: false,
                    gap: usize::MAX,
                    reported: false,
                });
            }
        }
        // Actors. A light verb lends its subject only within its clause ("شنت الطائرات غارات
        // على صعدة، فيما قتل خمسة في هجوم": the aircraft did not carry out the attack).
        for (m, tr) in ms.iter_mut() {
            let from = clause_start(&clause, sent.start, tr.start);
            actors(ctx, m, tr, &s_ments, sent.clone(), from);
            // The subject of "أنها قتلت" / "أنها اعتقلت" is the speaker; a name after the verb
            // is its object.
            if let Some(sp) = speakers.iter().find(|sp| m.verb && sp.at == tr.start) {
                if let Some(old) = m.perp.take()
                    && old != sp.actor
                    && !m.targets.contains(&old)
                {
                    m.targets.push(old);
                }
                m.targets.retain(|t| *t != sp.actor);
                m.perp = Some(sp.actor.clone());
                m.perp_state = sp.state;
                m.perp_ascribed = false;
                if sp.state
                    && let Some((t, st)) = m.state
                {
                    m.kind = t;
                    m.subtype = st;
                }
            }
            refine(ctx, m, tr, sent.clone());
            // The dead of a toll operation are the militants: a group named among them is
            // whom it was done to, not who did it. Likewise a state named with the dead of a
            // toll attack is theirs ("قتل جندي تركي") or the one announcing it.
            if tolls.contains(tr) {
                m.strong = true;
                let theirs = match m.kind {
                    EventType::SecurityOperation => !m.perp_state,
                    EventType::Attack => m.perp_state,
                    _ => false,
                };
                if theirs {
                    m.perp = None;
                    m.perp_state = false;
                    m.perp_ascribed = false;
                }
            }
        }
        // Figures to the nearest trigger that can carry them.
        for f in figs {
            let r = f.cue..f.cue + 1;
            match nearest(&r, &|k| accepts(ms[k].0.kind, f.field)) {
                Some(k) if f.vague => ms[k].0.vague_toll = true,
                Some(k) => {
                    let militants = f.field == Field::Killed
                        && toll::victims(&f, sent.clone(), &ctx.lists.tolls, &|i, set| {
                            word_in(ctx, i, set)
                        }) == toll::Victims::Militant;
                    let (m, tr) = &mut ms[k];
                    let slot = &mut m.figures[field_index(f.field)];
                    if slot.is_none() {
                        *slot = Some(f.count);
                        // "مقتل سبعة من قادة تنظيم داعش بقصف مدفعي": a shelling (whose `state`
                        // type is an operation) whose dead are militants, with no other doer
                        // named, is a state's operation against them, as the toll rule reads a
                        // toll of militants with no event word. A group named among the dead
                        // (between the figure and the act) is whom it was done to. Not a bare
                        // attack: militants kill militants too ("لقي أربعة حوثيين مصرعهم في
                        // هجوم بسيارة مفخخة").
                        let among_dead = |p: &ActorRef| {
                            let span = f.tokens.end..tr.start.max(f.tokens.end);
                            s_ments.iter().any(|pm| {
                                p.entity.as_deref() == Some(pm.entity.as_str())
                                    && pm.tokens.start >= span.start
                                    && pm.tokens.end <= span.end
                            })
                        };
                        if militants
                            && m.kind == EventType::Attack
                            && m.subtype == Some("shelling")
                            && (m.perp_state || m.perp.as_ref().is_none_or(among_dead))
                            && let Some((EventType::SecurityOperation, st)) = m.state
                        {
                            m.kind = EventType::SecurityOperation;
                            m.subtype = st;
                            if !m.perp_state {
                                m.perp = None;
                                m.perp_ascribed = false;
                            }
                        }
                        // "إن القوات قتلت 35 مسلحا واعتقلت 18 آخرين": militants killed and
                        // others arrested in one act of a state force are one operation with
                        // both figures, not an arrest.
                        if militants
                            && m.kind == EventType::Arrest
                            && (m.perp_state || m.perp.is_none())
                        {
                            m.kind = EventType::SecurityOperation;
                            m.subtype = None;
                        }
                    }
                }
                None => orphans.push(Orphan {
                    sent: si,
                    figure: f,
                    places: s_places.clone(),
                }),
            }
        }
        let own_dates: Vec<&DateMention> =
            s_dates.iter().copied().filter(|d| !of_report(d)).collect();
        let ms = split_duals(
            ctx,
            ms,
            &s_ments,
            &own_dates,
            &s_numbers,
            sent.clone(),
            &clause,
        );
        out.extend(ms.into_iter().map(|(m, _)| m));
    }
    (out, orphans)
}

/// A killing a state reports as its own act ("أعلنت الشرطة أنها قتلت …"): a security
/// operation.
const OWN_KILL_BY_STATE: TriggerInfo = own_kill(EventType::SecurityOperation, None);

/// A killing an armed group reports as its own act ("أعلن التنظيم أنه قتل …"): an attack.
const OWN_KILL_BY_GROUP: TriggerInfo = own_kill(EventType::Attack, Some("armed_assault"));

/// The trigger of a killing its doer reports as its own act: a verb, of the given type.
const fn own_kill(kind: EventType, subtype: Option<&'static str>) -> TriggerInfo {
    TriggerInfo {
        verb: true,
        ..TriggerInfo::plain(kind, subtype)
    }
}

/// A speaker's own act, reported with a pronoun after إن/أن.
struct OwnAct {
    /// First token of the verb of the act.
    at: usize,
    /// The speaker.
    actor: ActorRef,
    /// The speaker is a state body.
    state: bool,
    /// The verb is an active "killed" agreeing with the pronoun (قتلت after أنها, قتلوا after
    /// أنهم), which no trigger word covers.
    kill: bool,
}

/// The acts a sentence's speakers report as their own: "أعلنت وزارة الداخلية أنها قتلت ثمانية
/// مسلحين", "قالت الشرطة إنها اعتقلت خمسة": a reporting frame ([`report_frames`]) whose إن/أن
/// carries a pronoun (أنه، أنها، أنهم، بأنها …), a verb right after it (or after قد / تمكنت من /
/// نجحت في), and a speaker between the reporting verb and إن/أن: the first organisation or
/// country named there, else a state force word (الجيش، الشرطة …). The speaker is a state when
/// it is a country, a force word stands at or before its name, or its name opens with a word of
/// `state_body` in data/function_words.tsv (وزارة، جهاز …). "أنه قتل" is not taken as a
/// killing: it also reads as the impersonal passive ("أنه قُتل شخصان").
fn own_acts(
    ctx: &Ctx<'_, '_>,
    sent: Range<usize>,
    hits: &[Hit<'_>],
    s_ments: &[&EntityMention],
) -> Vec<OwnAct> {
    let mut out = Vec::new();
    let norm = |i: usize| ctx.a.tokens.get(i).map_or("", |t| t.norm.as_str());
    for f in report_frames(ctx, sent.clone(), hits) {
        let c = f.end;
        let pron = norm(c);
        let person = if pron.ends_with("ها") {
            'f'
        } else if pron.ends_with("هم") {
            'p'
        } else if pron.ends_with('ه') {
            'm'
        } else {
            continue;
        };
        // The verb, after an optional قد and "تمكنت من" / "نجحت في" (managed to); the words are
        // classes of data/function_words.tsv.
        let w = &ctx.lists.words;
        let mut at = c + 1;
        if w.qad.contains(norm(at)) {
            at += 1;
        }
        let managed = ctx.forms.get(at).is_some_and(|fs| {
            fs.iter()
                .any(|f| w.managed.iter().any(|m| text::affix::starts_with(f, m)))
        }) && w.managed_prep.contains(norm(at + 1));
        if managed {
            at += 2;
        }
        if at >= sent.end {
            continue;
        }
        let Some((actor, state)) = speaker(ctx, f.clone(), s_ments) else {
            continue;
        };
        let base = managed && w.kill_base.contains(norm(at));
        let kill = match person {
            'f' => w.kill_she.contains(norm(at)) || base,
            'p' => w.kill_they.contains(norm(at)) || base,
            _ => base,
        };
        let verb_hit = hits.iter().any(|h| h.info.verb && h.tokens.start == at);
        if kill || verb_hit {
            out.push(OwnAct {
                at,
                actor,
                state,
                kill,
            });
        }
    }
    out
}

/// Who speaks in a reporting frame (reporting verb .. إن/أن), and whether it is a state body.
fn speaker(
    ctx: &Ctx<'_, '_>,
    f: Range<usize>,
    s_ments: &[&EntityMention],
) -> Option<(ActorRef, bool)> {
    let w = &ctx.lists.words;
    if let Some(pm) = s_ments.iter().find(|pm| {
        matches!(pm.kind, EntityType::Org | EntityType::Gpe)
            && pm.tokens.start > f.start
            && pm.tokens.end <= f.end
            && !preceded_by(ctx, pm.tokens.start, Role::Report, 2)
    }) {
        let i = pm.tokens.start;
        let state = pm.kind == EntityType::Gpe
            || pm.tokens.clone().any(|j| ctx.role(j) == Some(Role::State))
            || (i > f.start + 1 && ctx.role(i - 1) == Some(Role::State))
            || word_in(ctx, i, &w.state_body)
            || (i > f.start + 1 && word_in(ctx, i - 1, &w.state_body));
        return Some((actor_of(ctx, pm), state));
    }
    let si = (f.start + 1..f.end).find(|&i| {
        (ctx.role(i) == Some(Role::State) || word_in(ctx, i, &w.state_body))
            && !preceded_by(ctx, i, Role::Report, 2)
            && !dative(ctx, i)
    })?;
    // The force word with an adjective after it ("الجيش الباكستاني", "وزارة الداخلية").
    let end = if si + 1 < f.end && is_definite(&ctx.a.tokens[si + 1]) {
        si + 2
    } else {
        si + 1
    };
    Some((
        ActorRef {
            entity: None,
            name: ctx.text(si, end).to_string(),
        },
        true,
    ))
}

/// What a date expression says of the events of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateUse {
    /// When an event happened (or when its source spoke).
    Event,
    /// The start of a period: "منذ يوليو 2014", "المعارك المتواصلة منذ خمسة أشهر".
    Period,
    /// The name of a well-known past day: "الحادي عشر من سبتمبر".
    Name,
    /// A day after the publication date: not when a reported incident happened.
    Future,
    /// The date of a participle or of a relative clause about something other than an event:
    /// "الصحف الصادرة أمس", "ولاية البنجاب التي تم تقسيمها في 1947".
    Other,
}

/// How far before a منذ + duration a trigger or a verb of `happen` makes it "… ago".
const AGO_REACH: usize = 3;

/// Whether a منذ + duration (which the text layer reads as "… ago": "منذ ثلاثة أشهر") is how
/// long a state has lasted: no trigger and no verb of `happen` (data/function_words.tsv: وقع،
/// قتل …) ends within [`AGO_REACH`] words before it. "القوات المتمركزة هناك منذ ثلاثة أشهر",
/// "يخوض الطرفان معارك منذ أكثر من عام" are periods; "اختطف منذ أسبوع", "الهجوم الذي وقع منذ
/// يومين" are datings.
fn lasting(ctx: &Ctx<'_, '_>, d: &DateMention, hits: &[Hit<'_>], sent: Range<usize>) -> bool {
    let s = d.tokens.start;
    if !word_in(ctx, s, &ctx.lists.words.since) {
        return false;
    }
    let lo = s.saturating_sub(AGO_REACH).max(sent.start);
    let act = hits.iter().any(|h| h.tokens.end > lo && h.tokens.end <= s)
        || (lo..s).any(|i| word_in(ctx, i, &ctx.lists.words.happen));
    !act
}

/// How far after a superlative a date may stand and still frame its comparison ("الأسوأ من نوعه
/// خلال العام الجاري": three words between).
const SUPERLATIVE_REACH: usize = 4;

/// How far after its relative pronoun a date may stand and still be the relative clause's.
const RELATIVE_REACH: usize = 6;

/// Whether a date belongs to a participle or a relative clause about something other than an
/// event, so that it dates no trigger of its sentence:
/// - right after a `participle` (data/function_words.tsv) that follows no trigger: "الصحف
///   الصادرة أمس عن تفجير …" (the papers came out yesterday; the bombing was before), "في بيان
///   نشر الخميس" (not "شريط الفيديو المنشور أمس": the video's date);
/// - at most [`SUPERLATIVE_REACH`] words after a `superlative`, with no punctuation between:
///   "الهجوم … ويعد الأسوأ من نوعه خلال العام الجاري" (the year frames the comparison);
/// - in a relative clause (الذي، التي …, at most [`RELATIVE_REACH`] words before the date, no
///   clause break between) whose antecedent, the word before the pronoun or the one before
///   that (punctuation skipped), is not a trigger, whose verb is not one that tells an event
///   (`happen`: وقع، أسفر، استهدف …) and that has no trigger of its own before the date:
///   "المركز الواقع في ولاية البنجاب، التي تم تقسيمها في 1947". A و on the pronoun ("والذي")
///   takes the clause back to the head of the phrase, often the event: it stays.
fn dates_other(ctx: &Ctx<'_, '_>, d: &DateMention, hits: &[Hit<'_>], sent: Range<usize>) -> bool {
    let w = &ctx.lists.words;
    let s = d.tokens.start;
    let trigger_at = |i: usize| hits.iter().any(|h| h.tokens.contains(&i));
    // "ويعد الأسوأ من نوعه خلال العام الجاري": the date frames a comparison.
    if (s.saturating_sub(SUPERLATIVE_REACH).max(sent.start)..s)
        .rev()
        .take_while(|&i| !is_break(ctx, i))
        .any(|i| word_in(ctx, i, &w.superlative))
    {
        return true;
    }
    if s > sent.start
        && word_in(ctx, s - 1, &w.participle)
        && !(s >= sent.start + 2 && trigger_at(s - 2))
    {
        return true;
    }
    let lo = s.saturating_sub(RELATIVE_REACH).max(sent.start);
    let Some(r) = (lo..s).rev().find(|&i| ctx.role(i) == Some(Role::Relative)) else {
        return false;
    };
    let broken = (r + 1..s).any(|i| ctx.is_stop(i) || ctx.role(i) == Some(Role::Clause));
    let joined = ctx.a.tokens[r].norm.starts_with('و');
    let verb = (r + 1..s)
        .find(|&i| !ctx.is_punct(i))
        .is_some_and(|i| word_in(ctx, i, &w.happen));
    let own = hits
        .iter()
        .any(|h| h.tokens.start > r && h.tokens.start < s);
    let antecedent: Vec<usize> = (sent.start..r)
        .rev()
        .filter(|&i| !ctx.is_punct(i))
        .take(2)
        .collect();
    let of_event = antecedent.iter().any(|&i| trigger_at(i));
    !(broken || joined || verb || own || of_event)
}

/// How close to the publication date a منذ date may start and still date the event that
/// started then ("الاشتباكات المندلعة منذ أمس": the clashes began yesterday).
const RECENT_START_DAYS: i64 = 2;

/// Classify a date of a sentence.
///
/// - **Period**: a date right after منذ (`since` in data/function_words.tsv) is the start of a
///   period ("معتقل منذ يوليو 2014"), unless a word of `when` follows it ("منذ يناير 2022،
///   عندما اقتحم مسلحون سجنا": the storming began the period and is dated by it) or it starts
///   within [`RECENT_START_DAYS`] of the publication date. A منذ + duration ("منذ خمسة أشهر",
///   which the text layer reads as "… ago") is a period when an `ongoing` word stands before it
///   ("المتواصلة منذ خمسة أشهر": for five months).
/// - **Name**: a day written in words with من and a month and no year ("الحادي عشر من
///   سبتمبر", "العاشر من رمضان"), with no word placing it in this year after it (`relative_time`:
///   الماضي، الجاري، الشهر …) and no weekday, يوم or الموافق before it (`day_before`): news
///   dates the day's events with digits; a day in words with no year names a day of history.
/// - **Future**: it starts after the publication date (the text layer lets a day without a year
///   fall up to two months ahead, for announcements).
fn date_use(
    ctx: &Ctx<'_, '_>,
    d: &DateMention,
    sent: Range<usize>,
    doc_date: Option<NaiveDate>,
) -> DateUse {
    let w = &ctx.lists.words;
    let (s, e) = (d.tokens.start, d.tokens.end);
    let before = |k: usize| s.checked_sub(k).filter(|&p| p >= sent.start);
    let when_after = (e..(e + 3).min(sent.end))
        .find(|&i| !ctx.is_punct(i))
        .is_some_and(|i| word_in(ctx, i, &w.when));
    let recent =
        doc_date.is_some_and(|dd| d.value.end >= dd - chrono::Duration::days(RECENT_START_DAYS));
    if before(1).is_some_and(|p| word_in(ctx, p, &w.since)) && !when_after && !recent {
        return DateUse::Period;
    }
    if word_in(ctx, s, &w.since)
        && (1..=2).any(|k| before(k).is_some_and(|p| word_in(ctx, p, &w.ongoing)))
    {
        return DateUse::Period;
    }
    let in_words = d.tokens.clone().all(|i| {
        ctx.a
            .tokens
            .get(i)
            .is_some_and(|t| t.kind != TokenKind::Number)
    });
    let with_min = d.tokens.clone().any(|i| norm_in(ctx, i, &w.from));
    let placed = (s..(e + 1).min(sent.end)).any(|i| word_in(ctx, i, &w.relative_time))
        || word_in(ctx, s, &w.day_before)
        || (1..=2).any(|k| before(k).is_some_and(|p| word_in(ctx, p, &w.day_before)));
    if d.value.precision == model::Precision::Day && in_words && with_min && !placed {
        return DateUse::Name;
    }
    if doc_date.is_some_and(|dd| d.value.start > dd) {
        return DateUse::Future;
    }
    DateUse::Event
}

/// Where the periods of a sentence start: its `Period` dates, a منذ that opens no date and
/// no event ("منذ بداية الأزمة", "منذ اندلاع الحرب"; not "منذ سيطرتها على عدن", an event), and
/// a `during` word with a `span` of a week or more after it ("خلال أسبوعين", "طوال الأشهر").
fn periods(
    ctx: &Ctx<'_, '_>,
    sent: Range<usize>,
    dates: &[&DateMention],
    uses: &[DateUse],
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = dates
        .iter()
        .zip(uses)
        .filter(|(_, u)| **u == DateUse::Period)
        .map(|(d, _)| d.tokens.clone())
        .collect();
    let mut buf = Vec::new();
    for i in sent.clone() {
        if !word_in(ctx, i, &ctx.lists.words.since) || i + 1 >= sent.end {
            continue;
        }
        let date = dates
            .iter()
            .any(|d| d.tokens.contains(&i) || d.tokens.start == i + 1);
        ctx.lists
            .triggers
            .matches_at(&ctx.forms, i + 1, sent.end, &mut buf);
        if !date && buf.is_empty() {
            out.push(i..i + 2);
        }
    }
    // "خلال أسبوعين", "طوال الأشهر الماضية", "خلال الفترة نفسها": a span of a week or more.
    let w = &ctx.lists.words;
    for i in sent.clone().filter(|&i| word_in(ctx, i, &w.during)) {
        if let Some(j) = (i + 1..(i + 4).min(sent.end)).find(|&j| word_in(ctx, j, &w.span)) {
            out.push(i..j + 1);
        }
    }
    out
}

/// How far a period may stand from the plural it totals ("موجة من التفجيرات وعمليات إطلاق
/// النار أودت بحياة أكثر من 400 مدني في شمال الكاميرون منذ …").
const PERIOD_REACH: usize = 15;

/// How far a period may stand before the plural it totals ("خلال أسبوعين من الغارات").
const PERIOD_BEFORE: usize = 3;

/// Whether a trigger gives a running total over a period: a plural noun, or one an `ongoing`
/// word follows, in the same clause as a period start at most [`PERIOD_REACH`] words after it
/// ("بلغ عدد القتلى 27 شرطيا في اعتداءات متفرقة منذ انهيار الهدنة"). A single act dated from a period
/// ("اعتقل منذ يوليو 2014") is not one: it stays, without that date.
fn running_total(
    ctx: &Ctx<'_, '_>,
    h: &Hit<'_>,
    hits: &[Hit<'_>],
    periods: &[Range<usize>],
    clause: &[usize],
    base: usize,
) -> bool {
    if h.info.verb {
        return false;
    }
    let c = |i: usize| clause.get(i.wrapping_sub(base)).copied();
    // A noun joined to a plural just before it shares its number ("التفجيرات وحوادث إطلاق
    // النار").
    let plural = h.info.plural
        || hits.iter().any(|o| {
            o.info.plural
                && !o.info.verb
                && o.tokens.end <= h.tokens.start
                && h.tokens.start - o.tokens.end <= 2
        });
    periods.iter().any(|p| {
        // (Or a period just before a plural: "خلال أسبوعين من الغارات", "خلال الفترة نفسها
        // جراء الهجمات".)
        let before = plural
            && p.end <= h.tokens.start
            && h.tokens.start - p.end <= PERIOD_BEFORE
            && c(p.end - 1) == c(h.tokens.start);
        before
            || (p.start >= h.tokens.end
                && p.start - h.tokens.end <= PERIOD_REACH
                && c(p.start) == c(h.tokens.start)
                && (plural
                    || (h.tokens.end..p.start).any(|i| word_in(ctx, i, &ctx.lists.words.ongoing))))
    })
}

/// The most incidents one counted plural is split into (ordinals up to الرابع, then الأخير).
const MAX_PARTS: u64 = 5;

/// "في هجومين منفصلين أحدهما نفذته انتحارية والآخر شنه مقاتلو بوكو حرام", "ثلاث هجمات أحدها في
/// … والثاني في … والثالث …": a dual event noun, or a plural counted by a number, followed by
/// one marker per incident reports that many incidents. Each part becomes its own mention with
/// the place and date its own words give, else the plural's; the subtype and actor found in its
/// own words; and no figure (the toll given for the group is no single incident's). Trigger
/// mentions inside a part describe it and are folded into it. When the markers do not account
/// for every incident the number announces ("ثلاثة تفجيرات أحدها … والآخران …"), nothing is
/// split.
fn split_duals(
    ctx: &Ctx<'_, '_>,
    ms: Vec<(Mention, Range<usize>)>,
    s_ments: &[&EntityMention],
    s_dates: &[&DateMention],
    s_numbers: &[&NumberMention],
    sent: Range<usize>,
    clause: &[usize],
) -> Vec<(Mention, Range<usize>)> {
    let norm = |i: usize| ctx.a.tokens[i].norm.as_str();
    let clause_of = |i: usize| clause.get(i - sent.start).copied();
    // (index in ms, the marker of each part, end of the last part)
    let mut duals: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    for (k, (m, tr)) in ms.iter().enumerate() {
        let plural = ctx
            .lists
            .triggers
            .longest_at(&ctx.forms, tr.start, tr.end)
            .is_some_and(|(_, t)| t.plural);
        if m.verb || !plural {
            continue;
        }
        // How many incidents: two for a dual (a plural trigger ending in -ين: هجومين، تفجيرين;
        // not كمين), else the number right before the plural ("ثلاث هجمات").
        let count = if norm(tr.start).ends_with("ين") {
            2
        } else if let Some(n) = s_numbers
            .iter()
            .find(|n| n.tokens.end == tr.start && !n.is_date_part)
        {
            n.count.value
        } else {
            continue;
        };
        if !(2..=MAX_PARTS).contains(&count) {
            continue;
        }
        let Some(m1) = (tr.end..(tr.end + 10).min(sent.end))
            .find(|&i| ctx.lists.words.part_first.contains(norm(i)))
        else {
            continue;
        };
        let mut markers = vec![m1];
        while (markers.len() as u64) < count {
            let last = markers[markers.len() - 1];
            match (last + 1..(last + 16).min(sent.end))
                .find(|&i| ctx.lists.words.part_next.contains(norm(i)))
            {
                Some(next) => markers.push(next),
                None => break,
            }
        }
        if (markers.len() as u64) < count {
            continue;
        }
        // The last part runs to the end of its clause ("، فيما توعد …" is another matter).
        let last = markers[markers.len() - 1];
        let end = (last + 1..sent.end)
            .find(|&i| clause_of(i) != clause_of(last) || ctx.is_punct(i))
            .unwrap_or(sent.end);
        duals.push((k, markers, end));
    }
    if duals.is_empty() {
        return ms;
    }
    let mut out: Vec<(Mention, Range<usize>)> = Vec::with_capacity(ms.len() + duals.len());
    let mut ms: Vec<Option<(Mention, Range<usize>)>> = ms.into_iter().map(Some).collect();
    for (k, markers, end) in &duals {
        let Some((mut dual, dtr)) = ms[*k].take() else {
            continue;
        };
        let m1 = markers[0];
        // The plural's place is every part's only when it is named before the parts: one named
        // inside a part ("هجومين، الأول في كركوك والثاني في …") is that part's alone.
        let in_parts = |id: &String| {
            let at = |e: &&EntityMention| &e.entity == id;
            s_ments.iter().any(|e| at(e) && e.tokens.start >= m1)
                && !s_ments.iter().any(|e| at(e) && e.tokens.end <= m1)
        };
        if dual
            .place
            .as_ref()
            .and_then(|p| p.entity.as_ref())
            .is_some_and(in_parts)
        {
            dual.place = None;
        }
        // A date before the parts is every incident's ("في تفجيرين … أمس، أحدهما …"), even when
        // a trigger inside a part was nearer to it; one inside a part ("الأول … في مارس") is
        // that part's alone.
        let before = s_dates
            .iter()
            .filter(|dm| dm.tokens.end <= m1 && gap(&dtr, &dm.tokens) <= MAX_DATE_GAP)
            .min_by_key(|dm| gap(&dtr, &dm.tokens));
        if let Some(dm) = before {
            if dual.date.as_ref().is_none_or(|d| !d.own()) {
                dual.date = Some(DateArg {
                    value: dm.value.clone(),
                    explicit: true,
                    gap: gap(&dtr, &dm.tokens),
                    reported: false,
                });
            }
        } else if dual.date.as_ref().is_some_and(|d| {
            d.own()
                && s_dates
                    .iter()
                    .any(|dm| dm.tokens.start >= m1 && dm.value == d.value)
        }) {
            dual.date = None;
        }
        let spans = markers
            .iter()
            .enumerate()
            .map(|(n, &from)| from..markers.get(n + 1).copied().unwrap_or(*end));
        for (n, span) in spans.enumerate() {
            let mut p = dual.clone();
            p.part = Some((dtr.start, u8::try_from(n).unwrap_or(u8::MAX)));
            p.figures = [None; 4];
            p.vague_toll = false;
            p.strong = true;
            p.needs_figure_or_date = false;
            p.weak = false;
            p.anaphoric = false;
            p.perp = None;
            p.perp_state = false;
            p.perp_ascribed = false;
            p.targets.clear();
            // Triggers inside the part describe it ("أحدهما نفذته انتحارية").
            for slot in ms.iter_mut() {
                if let Some((inner, itr)) = slot
                    && span.contains(&itr.start)
                {
                    if inner.kind == p.kind && crate::merge::more_specific(inner.subtype, p.subtype)
                    {
                        p.subtype = inner.subtype;
                    }
                    p.claimed |= inner.claimed;
                    // What the inner trigger found in the part's words is the part's; the dual's
                    // own place and date come first.
                    if p.place.is_none() {
                        p.place = inner.place.take();
                    }
                    if p.date.as_ref().is_none_or(|d| !d.own()) && inner.date.is_some() {
                        p.date = inner.date.take();
                    }
                    for (f, g) in p.figures.iter_mut().zip(inner.figures) {
                        if f.is_none() {
                            *f = g;
                        }
                    }
                    *slot = None;
                }
            }
            let tr = span.start..span.start + 1;
            let own: Vec<&EntityMention> = s_ments
                .iter()
                .copied()
                .filter(|e| e.tokens.start >= span.start && e.tokens.end <= span.end)
                .collect();
            // A place or date in the part's own words is that incident's ("الأول في كركوك"),
            // a town before a country.
            let places: Vec<(&EntityMention, (Option<String>, bool))> = own
                .iter()
                .copied()
                .filter(|e| {
                    matches!(e.kind, EntityType::Loc | EntityType::Gpe | EntityType::Fac)
                        && is_locative(ctx, e)
                })
                .map(|e| (e, country_of(ctx, e, sent.clone())))
                .collect();
            if let Some((e, (country, is_country))) = places
                .iter()
                .find(|(_, (_, c))| !c)
                .or_else(|| places.first())
            {
                p.place = Some(Place {
                    name: place_name(ctx, e),
                    entity: Some(e.entity.clone()),
                    country: country.clone(),
                    is_country: *is_country,
                    region: !*is_country && names_country(ctx, e),
                    reported: false,
                });
            }
            if let Some(dm) = s_dates
                .iter()
                .find(|dm| dm.tokens.start >= span.start && dm.tokens.end <= span.end)
            {
                p.date = Some(DateArg {
                    value: dm.value.clone(),
                    explicit: true,
                    gap: dm.tokens.start - span.start,
                    reported: false,
                });
            }
            p.trig = tr.clone();
            actors(ctx, &mut p, &tr, &own, span.clone(), span.start);
            refine(ctx, &mut p, &tr, span.clone());
            if p.perp.is_none() {
                p.perp.clone_from(&dual.perp);
                p.perp_state = dual.perp_state;
                p.perp_ascribed = dual.perp_ascribed;
            }
            out.push((p, tr));
        }
    }
    out.extend(ms.into_iter().flatten());
    out.sort_by_key(|(_, tr)| tr.start);
    out
}

/// Clause index of every token of a sentence (indexed from the sentence start). A clause ends
/// at a semicolon and before a clause conjunction (role `clause` in data/context.tsv: بينما،
/// فيما، في حين، كما، ثم) or a verb
/// trigger or light verb joined by و/ف ("وقصفت", "فشنت"): Arabic news strings several incidents
/// into one sentence that way, and each argument belongs to the incident of its own clause. A
/// bare comma is not a boundary: it as often sets off an apposition or a clause on the same
/// incident ("منذ يناير 2022، عندما اقتحم مسلحون سجنا": the date is the storming's).
fn clauses(ctx: &Ctx<'_, '_>, sent: Range<usize>, hits: &[Hit<'_>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sent.len());
    let mut c = 0;
    for i in sent.clone() {
        let t = &ctx.a.tokens[i];
        let n = t.norm.as_str();
        // The first word of a clause conjunction (`clause` in data/context.tsv; "في حين" is two).
        let conj = ctx.role(i) == Some(Role::Clause)
            && i.checked_sub(1)
                .is_none_or(|p| ctx.role(p) != Some(Role::Clause));
        // No trigger or light verb of the lexicons starts with و or ف: a leading one is the
        // conjunction.
        let joined = (n.starts_with('و') || n.starts_with('ف'))
            && (ctx.role(i) == Some(Role::Support)
                || hits.iter().any(|h| h.info.verb && h.tokens.start == i));
        if (conj || joined) && i > sent.start {
            c += 1;
        }
        out.push(c);
        if matches!(ctx.a.token_text(i), "؛" | ";") {
            c += 1;
        }
    }
    out
}

/// How far after a reporting verb its إن/أن may come: the subject with its description
/// ("محمد الحجازي وهو متحدث باسم … والتي يوجد مقرها في شرق ليبيا"), "في بيان", a date.
const MAX_FRAME: usize = 24;

/// The reporting frames of a sentence: from a reporting verb (`say` role) to the إن/أن that
/// opens what it reports ("قال الجيش الأمريكي أمس الجمعة إن …", "أفادت مصادر أمنية اليوم
/// بأن …"), as token ranges verb..complementizer. Not when an event trigger stands between the
/// two: then the date may be that event's ("أعلن الجيش مقتل خمسة أمس وأضاف أن …").
fn report_frames(ctx: &Ctx<'_, '_>, sent: Range<usize>, hits: &[Hit<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for v in sent.clone().filter(|&i| ctx.role(i) == Some(Role::Say)) {
        let hi = (v + 1 + MAX_FRAME).min(sent.end);
        let Some(c) = (v + 1..hi)
            .take_while(|&i| !ctx.is_stop(i))
            .find(|&i| ctx.lists.words.that.contains(ctx.a.tokens[i].norm.as_str()))
        else {
            continue;
        };
        if hits
            .iter()
            .any(|h| h.tokens.start > v && h.tokens.start < c)
        {
            continue;
        }
        out.push(v..c);
    }
    out
}

/// How far an attribution clause ("وفق ما نقلت وسائل إعلام تركية أمس الخميس") may run.
const MAX_ATTRIBUTION: usize = 12;

/// The attribution clauses of a sentence: from a word of `per` (data/function_words.tsv: وفق،
/// حسب، بحسب) followed by ما, or one of `per_what` (حسبما), to the end of the clause (a full
/// stop, a semicolon, a clause conjunction or a trigger), at most [`MAX_ATTRIBUTION`] words.
/// Like a reporting frame, the clause tells who reported and when: "قتل شرطي ومدني في هجوم في
/// جنوب شرقي البلاد، وفق ما نقلت وسائل إعلام تركية أمس الخميس" (the attack was on Wednesday,
/// told in the next sentence; Thursday is when the media reported it).
fn attributions(ctx: &Ctx<'_, '_>, sent: Range<usize>, hits: &[Hit<'_>]) -> Vec<Range<usize>> {
    let w = &ctx.lists.words;
    let mut out = Vec::new();
    for v in sent.clone() {
        let open = word_in(ctx, v, &w.per_what)
            || (word_in(ctx, v, &w.per) && v + 1 < sent.end && norm_in(ctx, v + 1, &w.what));
        if !open {
            continue;
        }
        let hi = (v + 1 + MAX_ATTRIBUTION).min(sent.end);
        let end = (v + 1..hi)
            .find(|&i| {
                ctx.is_stop(i)
                    || ctx.role(i) == Some(Role::Clause)
                    || hits.iter().any(|h| h.tokens.start == i)
            })
            .unwrap_or(hi);
        out.push(v..end);
    }
    out
}

/// First token of the clause that token `t` is in (`clause` as [`clauses`] gives it for the
/// sentence starting at `base`).
fn clause_start(clause: &[usize], base: usize, t: usize) -> usize {
    let c = clause.get(t.wrapping_sub(base)).copied();
    (base..t)
        .find(|&j| clause.get(j - base).copied() == c)
        .unwrap_or(t)
}

/// The triggers of a sentence and its clauses, to rank triggers for an argument.
struct Near<'r> {
    trigs: &'r [Range<usize>],
    clause: &'r [usize],
    base: usize,
}

impl Near<'_> {
    /// How far trigger `k` is from the argument at `r`: (not in the same clause, words between).
    fn key(&self, k: usize, r: &Range<usize>) -> (bool, usize) {
        let t = &self.trigs[k];
        let c = |i: usize| i.checked_sub(self.base).and_then(|j| self.clause.get(j));
        let other = c(t.start) != c(r.start) || c(t.start).is_none();
        (other, gap(t, r))
    }
}

/// Dates farther than this from every trigger of their sentence belong to another clause.
const MAX_DATE_GAP: usize = 15;

/// The reach of a date when its sentence has only one trigger (the reach of a place then).
const MAX_DATE_GAP_ALONE: usize = 25;

fn precision_rank(p: model::Precision) -> u8 {
    use model::Precision::*;
    match p {
        Day => 0,
        Week => 1,
        Month => 2,
        Year => 3,
        Unknown => 4,
    }
}

fn new_mention(ctx: &Ctx<'_, '_>, si: usize, h: &Hit<'_>) -> Mention {
    let i = h.tokens.start;
    let quoted = ctx.quoted.get(i).copied().unwrap_or(false);
    let anaphoric = (!h.info.verb && ctx.a.tokens.get(i).is_some_and(is_definite))
        || i.checked_sub(1)
            .is_some_and(|p| ctx.role(p) == Some(Role::Anaphor))
        || ctx.role(h.tokens.end) == Some(Role::Anaphor);
    let needs = h.info.plural || h.info.weak || quoted;
    Mention {
        sents: si..si + 1,
        trig: h.tokens.clone(),
        kind: h.info.kind,
        subtype: h.info.subtype,
        strong: !needs,
        needs_figure_or_date: needs,
        weak: h.info.weak,
        place_obj: h.info.place_obj,
        anaphoric,
        place: None,
        date: None,
        perp: None,
        perp_state: false,
        perp_ascribed: false,
        targets: Vec::new(),
        figures: [None; 4],
        vague_toll: false,
        part: None,
        claimed: h.info.kind == EventType::Claim,
        quoted,
        n: 1,
        verb: h.info.verb,
        state: h.info.state,
    }
}

/// The modality that governs a trigger, if any. Clause punctuation stops the look-back.
/// How many words before a trigger a modality cue of side `before` reaches.
const MODAL_REACH: usize = 6;

fn modality(ctx: &Ctx<'_, '_>, h: &Hit<'_>, sent: Range<usize>) -> Option<Modality> {
    let mut buf = Vec::new();
    let start = h.tokens.start;
    // The words before the trigger, up to MODAL_REACH of them; quotation marks, which may wrap
    // a name inside the phrase ("وتوقع أن «يشن تنظيم «داعش» هجومًا»"), are passed over and not
    // counted, any other punctuation ends the phrase.
    let mut window = Vec::with_capacity(MODAL_REACH);
    let mut k = start;
    while k > sent.start && window.len() < MODAL_REACH {
        k -= 1;
        if matches!(ctx.a.token_text(k), "\"" | "«" | "»" | "“" | "”") {
            continue;
        }
        if ctx.is_punct(k) {
            break;
        }
        window.push(k);
    }
    let mut found = None;
    for (n, &i) in window.iter().enumerate() {
        ctx.lists
            .modality
            .matches_at(&ctx.forms, i, start, &mut buf);
        for (_, (kind, side)) in &buf {
            // (A denial has its own reach: `denied`.)
            if *side != Side::Before || *kind == Modality::Denial {
                continue;
            }
            let dist = n + 1;
            let ok = match kind {
                // Generic quantifiers and negation act on the words right next to them.
                Modality::Generic => dist <= 2,
                Modality::Negation => dist <= 3,
                Modality::Hypothetical
                    if matches!(ctx.a.tokens[i].norm.as_str(), "قد" | "وقد" | "فقد" | "لقد") =>
                {
                    // قد + imperfect verb is "may"; قد + perfect verb (and لقد) is "has indeed".
                    ctx.a.tokens[i].norm != "لقد"
                        && ctx.a.tokens.get(i + 1).is_some_and(|t| {
                            t.norm.starts_with('ي')
                                || t.norm.starts_with('ت')
                                || t.norm.starts_with('ن')
                        })
                }
                _ => true,
            };
            if ok {
                found = Some(*kind);
            }
        }
        if found.is_some() {
            break;
        }
    }
    if found.is_none() {
        let hi = (h.tokens.end + 2).min(sent.end);
        for i in h.tokens.end..hi {
            ctx.lists
                .modality
                .matches_at(&ctx.forms, i, sent.end, &mut buf);
            if let Some((_, (kind, Side::After))) = buf.first() {
                found = Some(*kind);
                break;
            }
        }
    }
    if found.is_none() && denied(ctx, h, sent.clone()) {
        found = Some(Modality::Denial);
    }
    if found.is_none() && h.info.kind == EventType::Attack && cyber(ctx, h, sent.clone()) {
        found = Some(Modality::Generic);
    }
    if found.is_none()
        && h.info.kind == EventType::Attack
        && h.info.subtype == Some("armed_assault")
        && crime(ctx, sent)
    {
        found = Some(Modality::Generic);
    }
    match found {
        Some(m) if h.info.modal_ok && !matches!(m, Modality::Negation | Modality::Denial) => None,
        other => other,
    }
}

/// How far before a trigger a denial or allegation reaches ("نفت وزارة الدفاع، في بيان أصدرته
/// أمس، اتهامات المعارضة لها بقصف …").
const DENIAL_REACH: usize = 12;

/// Whether a denial or an allegation (`denial` in data/modality.tsv: نفى، نفت، اتهامات، مزاعم،
/// ادعاءات) has the trigger as its object: the cue stands at most [`DENIAL_REACH`] words before
/// it in the same sentence, commas allowed, with no full stop, semicolon, colon or clause
/// conjunction between, and no word saying that what is denied is the doer's role
/// (`denial_block`: "نفى الحزب مسؤوليته عن التفجير" denies a role in a real bombing).
fn denied(ctx: &Ctx<'_, '_>, h: &Hit<'_>, sent: Range<usize>) -> bool {
    let mut buf = Vec::new();
    let start = h.tokens.start;
    let lo = start.saturating_sub(DENIAL_REACH).max(sent.start);
    for i in (lo..start).rev() {
        if matches!(ctx.a.token_text(i), "." | "؛" | ";" | ":" | "؟" | "!")
            || ctx.role(i) == Some(Role::Clause)
            || word_in(ctx, i, &ctx.lists.words.denial_block)
        {
            return false;
        }
        ctx.lists
            .modality
            .matches_at(&ctx.forms, i, start, &mut buf);
        if buf
            .iter()
            .any(|(_, (k, side))| *k == Modality::Denial && *side == Side::Before)
        {
            return true;
        }
    }
    false
}

/// Whether the attack word at `h` is a cyber attack: a word for hackers (`hacker` in
/// data/function_words.tsv) within three words of it in the same phrase ("هاجم قراصنة موقع
/// الوزارة", "هجمات القراصنة على البنوك").
fn cyber(ctx: &Ctx<'_, '_>, h: &Hit<'_>, sent: Range<usize>) -> bool {
    let before = (h.tokens.start.saturating_sub(3).max(sent.start)..h.tokens.start)
        .rev()
        .take_while(|&i| !is_break(ctx, i));
    let after = (h.tokens.end..(h.tokens.end + 3).min(sent.end)).take_while(|&i| !is_break(ctx, i));
    before
        .chain(after)
        .any(|i| word_in(ctx, i, &ctx.lists.words.hacker))
}

/// Whether a sentence tells a crime, not militant violence: it has a `crime` word (data/
/// function_words.tsv: قصاصا، مشاجرة) or a `dispute` word right after a `cause` word ("أطلق
/// النار عليهما إثر خلاف حصل بينهما"). A shooting or a killing it tells (an armed assault)
/// is then no event: a murder read out in a sentence of retaliation, a brawl.
fn crime(ctx: &Ctx<'_, '_>, sent: Range<usize>) -> bool {
    let w = &ctx.lists.words;
    sent.clone().any(|i| {
        word_in(ctx, i, &w.crime)
            || (word_in(ctx, i, &w.dispute) && i > sent.start && word_in(ctx, i - 1, &w.cause))
    })
}

/// Whether people are the object of an arrest word that also means "stop", from token `from`:
/// within six words and before any punctuation, a person noun (context role `person`), a word
/// of class `detainee` (عناصر، متهمين، المدعو …) or the start of a person's name, with nothing
/// before it but a number, the subject (a state force word, a force unit of class
/// `force_unit`, من, an organisation or country name) and definite adjectives of nationality
/// ("أوقفت الشرطة الإسبانية رجلا", "تم إيقاف 6 عناصر"). Any other word is the object, and not a
/// person: "إيقاف العمل بالمعبر", "أوقفنا تعاوننا مع …", "أوقفوا سيارة الضابط".
fn person_object(ctx: &Ctx<'_, '_>, from: usize, end: usize, numbers: &[&NumberMention]) -> bool {
    let w = &ctx.lists.words;
    let in_name = |k: usize, kinds: &[EntityType]| {
        ctx.ner
            .mentions
            .iter()
            .any(|m| kinds.contains(&m.kind) && m.tokens.contains(&k))
    };
    for k in from..end.min(from + 6) {
        if ctx.is_punct(k) {
            return false;
        }
        let t = &ctx.a.tokens[k];
        if word_in(ctx, k, &w.detainee)
            || ctx.forms[k]
                .iter()
                .any(|f| ctx.lists.context.words(f).any(|r| *r == Role::Person))
            || ctx
                .ner
                .mentions
                .iter()
                .any(|m| m.kind == EntityType::Per && m.tokens.start == k)
        {
            return true;
        }
        let subject_or_number = t.kind == TokenKind::Number
            || numbers.iter().any(|n| n.tokens.contains(&k))
            || ctx.role(k) == Some(Role::State)
            || word_in(ctx, k, &w.force_unit)
            || norm_in(ctx, k, &w.from)
            || in_name(k, &[EntityType::Org, EntityType::Gpe])
            || (is_definite(t) && nisba_ending(&t.norm));
        if !subject_or_number {
            return false;
        }
    }
    false
}

/// Whether token `i`'s match form as written (no clitic stripped) is in `set`.
fn norm_in(ctx: &Ctx<'_, '_>, i: usize, set: &rustc_hash::FxHashSet<String>) -> bool {
    FunctionWords::norm_in(ctx.a, i, set)
}

/// Whether token `i`, as written or without its clitics, is a word of `set` (match forms).
fn word_in(ctx: &Ctx<'_, '_>, i: usize, set: &rustc_hash::FxHashSet<String>) -> bool {
    ctx.word_in(i, set)
}

fn is_locative(ctx: &Ctx<'_, '_>, m: &EntityMention) -> bool {
    let i = m.tokens.start;
    let t = &ctx.a.tokens[i];
    // A ب proclitic on the place itself ("بموسكو", "بالشرق").
    let clitic = if m.start > t.start {
        let pre = match_form(ctx.text(i, i + 1))
            .chars()
            .take(m.start - t.start)
            .collect::<String>();
        pre.contains('ب') || pre.contains('ف')
    } else {
        t.prefix.contains('ب') && !initial_is_own(ctx, m)
    };
    clitic
        || (1..=2).any(|d| {
            i.checked_sub(d)
                .is_some_and(|p| ctx.role(p) == Some(Role::Loc))
        })
}

/// Whether the first letters of a mention belong to the name itself, not to a proclitic the
/// tokenizer split off: "بوكو حرام" and "بغداد" start with ب, "لقوات الأمن" has a ل clitic. True
/// when the entity comes from the knowledge base (it has an English name, so its Arabic name is
/// the canonical one, without clitics) and that name starts with the whole first word as
/// written. (An entity the linker did not know is named as written, clitic included.)
fn initial_is_own(ctx: &Ctx<'_, '_>, m: &EntityMention) -> bool {
    let Some(e) = ctx
        .ner
        .entities
        .iter()
        .find(|e| e.id == m.entity && e.name_en.is_some())
    else {
        return false;
    };
    let word = &ctx.a.tokens[m.tokens.start].norm;
    match_form(&e.name).starts_with(word.as_str())
}

/// Whether a place mention contains a country name without being one: "شمال العراق".
fn names_country(ctx: &Ctx<'_, '_>, m: &EntityMention) -> bool {
    let mut buf = Vec::new();
    m.tokens.clone().any(|i| {
        ctx.lists
            .countries
            .matches_at(&ctx.forms, i, m.tokens.end, &mut buf);
        !buf.is_empty()
    })
}

fn country_of(ctx: &Ctx<'_, '_>, m: &EntityMention, sent: Range<usize>) -> (Option<String>, bool) {
    let mut buf = Vec::new();
    // The place itself, or a country inside it ("شرق سوريا").
    for i in m.tokens.clone() {
        ctx.lists
            .countries
            .matches_at(&ctx.forms, i, m.tokens.end, &mut buf);
        if let Some((n, iso)) = buf.first() {
            let whole = i == m.tokens.start && i + n == m.tokens.end;
            return (Some((*iso).to_string()), whole);
        }
    }
    // A country adjective next to it ("برشلونة الإسبانية", "العاصمة العمانية مسقط").
    if m.tokens.clone().all(|i| ctx.role(i) == Some(Role::Region)) {
        return (None, true);
    }
    let lo = m.tokens.start.saturating_sub(2).max(sent.start);
    let hi = (m.tokens.end + 3).min(sent.end);
    for i in (lo..m.tokens.start).chain(m.tokens.end..hi) {
        if ctx.is_punct(i) {
            continue;
        }
        ctx.lists.countries.matches_at(&ctx.forms, i, hi, &mut buf);
        if let Some((_, iso)) = buf.first() {
            return (Some((*iso).to_string()), false);
        }
    }
    if let Some(e) = ctx.ner.entities.iter().find(|e| e.id == m.entity)
        && let Some(c) = e.location.as_ref().and_then(|l| l.country.clone())
    {
        return (Some(c), false);
    }
    (None, false)
}

fn place_name(ctx: &Ctx<'_, '_>, m: &EntityMention) -> String {
    let surface: String = ctx
        .a
        .text
        .chars()
        .skip(m.start)
        .take(m.end - m.start)
        .collect();
    if let Some(e) = ctx.ner.entities.iter().find(|e| e.id == m.entity) {
        let (s, n) = (match_form(&surface), match_form(&e.name));
        let bare = n.strip_prefix("ال").unwrap_or(&n);
        // The surface carries a clitic (بموسكو، للعراق): name the place by its canonical form.
        if s != n && (s.ends_with(n.as_str()) || (bare.chars().count() >= 2 && s.ends_with(bare))) {
            return e.name.clone();
        }
    }
    surface
}

fn pick_place(
    ctx: &Ctx<'_, '_>,
    m: &Mention,
    tr: &Range<usize>,
    s_ments: &[&EntityMention],
    near: &Near<'_>,
    me: usize,
    sent: Range<usize>,
) -> Option<Place> {
    let trigs = near.trigs;
    let mut best: Option<(i64, &EntityMention, Option<String>, bool)> = None;
    let mut town: Option<(i64, &EntityMention, Option<String>, bool)> = None;
    for pm in s_ments {
        if !matches!(pm.kind, EntityType::Loc | EntityType::Gpe | EntityType::Fac) {
            continue;
        }
        let g = gap(tr, &pm.tokens);
        // A relative clause can push the place far from a sentence's only trigger.
        let max_gap = if trigs.len() == 1 { 25 } else { 12 };
        if g > max_gap {
            continue;
        }
        // A common noun of a site alone ("بمعسكر", "داخل المسجد") names no place; nor does an
        // event word the NER took for one ("في الاشتباكات التي اندلعت في حلب").
        if pm.tokens.clone().all(|i| {
            word_in(ctx, i, &ctx.lists.words.site_noun)
                || ctx.role(i) == Some(Role::Loc)
                || ctx
                    .lists
                    .triggers
                    .longest_at(&ctx.forms, i, sent.end)
                    .is_some()
        }) {
            continue;
        }
        // A place inside an organisation's name is the group's, not the scene: "يشتبه في
        // انتمائهم إلى تنظيم ولاية خراسان خلال مداهمات في مدينة بيشاور".
        if s_ments.iter().any(|o| {
            o.kind == EntityType::Org
                && o.tokens.start <= pm.tokens.start
                && pm.tokens.end <= o.tokens.end
        }) {
            continue;
        }
        let after = pm.tokens.start >= tr.end;
        // "وشهدت الحوطة اشتباكات عنيفة", "شهدت مدينة تعز قصفا": the subject of a verb of
        // witnessing at most two words before the event word is its scene.
        let witnessed = pm.tokens.end <= tr.start
            && tr.start - pm.tokens.end <= 2
            && witness_before(ctx, pm.tokens.start);
        // The place belongs to the nearest trigger of its clause ("قصفت … في مدينة تعز، بينما
        // شنت الطائرات غارة": تعز is the shelling's even if the airstrike is fewer words away),
        // except that a place introduced by a preposition after this trigger stays with it
        // rather than going to a trigger of the same clause it stands before: Arabic news names
        // the place after the event ("قصفت تركيا مواقع لداعش في سوريا ردا على مقتل جندي").
        let mine = near.key(me, &pm.tokens);
        let follows_me = after && !mine.0 && is_locative(ctx, pm);
        // The place an attack is launched to take is the attack's as well as the taking's.
        let purpose =
            after && gap(tr, &pm.tokens) <= 5 && purpose_object(ctx, tr.end, pm.tokens.start);
        if !purpose
            && (0..trigs.len()).any(|k| {
                k != me
                    && near.key(k, &pm.tokens) < mine
                    && !(follows_me && trigs[k].start >= pm.tokens.end)
            })
        {
            continue;
        }
        // "الهجوم على قاعة …": على introduces the target place right after the trigger; so does
        // a verbal noun of taking it ("هجوما واسعا لاستعادة قاعدة العند").
        let on_object =
            after && ((g <= 3 && on_object(ctx, pm.tokens.start)) || (g <= 5 && purpose));
        let score = if m.place_obj {
            // Only the object: nothing but place nouns (مدينة، منطقة …) or على in between.
            let direct = (tr.end..pm.tokens.start)
                .all(|i| ctx.role(i) == Some(Role::Loc) || norm_in(ctx, i, &ctx.lists.words.on));
            if !(on_object || (after && g <= 4 && direct)) {
                continue;
            }
            10
        } else if is_locative(ctx, pm) || on_object || witnessed {
            10
        } else if after && g == 0 && !m.verb && !ctx.quoted.get(tr.start).copied().unwrap_or(false)
        {
            8
        } else if m.kind == EventType::ThreatAlert && pm.kind == EntityType::Gpe && g <= 6 {
            6
        } else {
            continue;
        };
        let (country, is_country) = country_of(ctx, pm, sent.clone());
        // Prefer the most specific place (a town over the country it lies in), and one after
        // the trigger: Arabic news puts the place after the event ("التفجير الذي استهدف مسجدا في
        // منطقة عسير"); a place before it is more often someone's title ("رئيس برلمان البحرين").
        let score = score - g as i64 + if is_country { 0 } else { 3 }
            - if after || witnessed { 0 } else { 6 };
        if !is_country && country.is_some() && town.as_ref().is_none_or(|b| score > b.0) {
            town = Some((score, pm, country.clone(), is_country));
        }
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, pm, country, is_country));
        }
    }
    // A town the text places in the winning country is the more specific name of the same
    // scene, however many words away: "هجومه الأخير في روسيا على قاعة … بالقرب من موسكو".
    if let (Some(b), Some(t)) = (&best, &town)
        && b.3
        && b.2 == t.2
    {
        best = town;
    }
    let (_, pm, country, is_country) = best?;
    Some(Place {
        name: place_name(ctx, pm),
        entity: Some(pm.entity.clone()),
        region: !is_country && names_country(ctx, pm),
        country,
        is_country,
        reported: false,
    })
}

fn actor_of(ctx: &Ctx<'_, '_>, m: &EntityMention) -> ActorRef {
    let name = ctx
        .ner
        .entities
        .iter()
        .find(|e| e.id == m.entity)
        .map(|e| e.name.clone())
        .unwrap_or_else(|| {
            ctx.a
                .text
                .chars()
                .skip(m.start)
                .take(m.end - m.start)
                .collect()
        });
    ActorRef {
        entity: Some(m.entity.clone()),
        name,
    }
}

/// The state that a country adjective at token `i` names ("أمريكية" → US), if any.
fn nisba_at(ctx: &Ctx<'_, '_>, i: usize, end: usize) -> Option<&'static str> {
    // The word itself must end like a nisba: "روسيا" (the country, after a preposition) would
    // otherwise reach "روسي" by the stripping of a final ا.
    if i >= end || !nisba_ending(&ctx.a.tokens[i].norm) {
        return None;
    }
    ctx.lists
        .nisbas
        .longest_at(&ctx.forms, i, end)
        .map(|(_, iso)| *iso)
}

/// A word in match form that ends like a masculine or feminine nisba adjective (-ي, -ية).
fn nisba_ending(norm: &str) -> bool {
    norm.ends_with('ي') || norm.ends_with("يه")
}

/// The acting state of a country adjective: the document's entity for that country when NER
/// found one (so it links), else the country's Arabic name.
fn state_actor(ctx: &Ctx<'_, '_>, iso: &str) -> ActorRef {
    let name = ctx.lists.country_names.get(iso).copied().unwrap_or(iso);
    let key = match_form(name);
    if let Some(e) = ctx
        .ner
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Gpe && match_form(&e.name) == key)
    {
        return ActorRef {
            entity: Some(e.id.clone()),
            name: e.name.clone(),
        };
    }
    ActorRef {
        entity: None,
        name: name.to_string(),
    }
}

/// A word that can be an adjective after a noun: definite (after a definite noun) or ending like a
/// nisba (إرهابي، انتحارية), four letters at least ("في" is not one).
fn adjective(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    ctx.a.tokens.get(i).is_some_and(|t| {
        t.kind == TokenKind::Arabic
            && (is_definite(t) || (nisba_ending(&t.norm) && t.norm.chars().count() >= 4))
    })
}

/// A word with a ل or ب proclitic (not the article): a dative or instrumental object
/// ("لقوات الأمن", "لروسيا"), never the actor.
fn dative(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let n = ctx.a.tokens[i].norm.as_str();
    let n = n
        .strip_prefix('و')
        .or_else(|| n.strip_prefix('ف'))
        .unwrap_or(n);
    (n.starts_with('ل') && !n.starts_with("ال")) || n.starts_with('ب')
}

/// Whether a name at token `i` is partitive, after من or "من عناصر / من مقاتلي": "قتل 7 أشخاص
/// من القوات الحكومية", "قتل سبعة من مقاتلي الحركة" name the victims' side.
fn partitive_at(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let from = &ctx.lists.words.from;
    i.checked_sub(1).is_some_and(|p| {
        norm_in(ctx, p, from)
            || (ctx.role(p) == Some(Role::Group)
                && p.checked_sub(1).is_some_and(|q| norm_in(ctx, q, from)))
    })
}

/// Whether the words from `from` to a place at `to` are a purpose of taking it: a `take` word
/// within two words (an adjective of the event may stand first: "هجوما واسعا لاستعادة"), then
/// only site nouns, place nouns or على ("لاستعادة قاعدة العند", "للسيطرة على مدينة الرمادي").
fn purpose_object(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> bool {
    let w = &ctx.lists.words;
    let Some(k) = (from..(from + 2).min(to)).find(|&k| word_in(ctx, k, &w.take)) else {
        return false;
    };
    (k + 1..to).all(|i| {
        word_in(ctx, i, &w.site_noun) || ctx.role(i) == Some(Role::Loc) || norm_in(ctx, i, &w.on)
    })
}

/// Whether a place at token `i` is the subject of a verb of witnessing: the verb right before
/// it, or before a place noun before it ("شهدت مدينة تعز").
fn witness_before(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let w = &ctx.lists.words.witness;
    i.checked_sub(1).is_some_and(|p| {
        word_in(ctx, p, w)
            || (ctx.role(p) == Some(Role::Loc)
                && p.checked_sub(1).is_some_and(|q| word_in(ctx, q, w)))
    })
}

/// Whether the word before token `i` is the preposition على.
fn on_object(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|p| norm_in(ctx, p, &ctx.lists.words.on))
}

/// A punctuation mark that ends a phrase (comma, semicolon, colon, full stop, bracket), not a
/// quotation mark, which may wrap a name ("«داعش» يهاجم").
fn is_break(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    ctx.is_punct(i)
        && matches!(
            ctx.a.token_text(i),
            "," | "،" | ";" | "؛" | ":" | "." | "(" | ")"
        )
}

fn preceded_by(ctx: &Ctx<'_, '_>, i: usize, role: Role, within: usize) -> bool {
    (1..=within).any(|d| i.checked_sub(d).is_some_and(|p| ctx.role(p) == Some(role)))
}

/// How many words may stand between a claimant named with its announcing verb and the claim
/// phrase ("أعلن تنظيم داعش في بيان على موقع إلكتروني تابع له المسؤولية عن …").
const CLAIM_SUBJECT_REACH: usize = 10;

/// The first token from `i` on that is not punctuation ("«داعش» أعلن": the verb after the
/// closing quotation mark).
fn past_quotes(ctx: &Ctx<'_, '_>, mut i: usize) -> usize {
    while i < ctx.a.tokens.len() && ctx.is_punct(i) && !is_break(ctx, i) {
        i += 1;
    }
    i
}

/// Perpetrator, state-ness and targets.
fn actors(
    ctx: &Ctx<'_, '_>,
    m: &mut Mention,
    tr: &Range<usize>,
    s_ments: &[&EntityMention],
    sent: Range<usize>,
    clause_from: usize,
) {
    let verb_like = m.verb;
    let mut best: Option<(usize, &EntityMention)> = None;
    for pm in s_ments {
        if !matches!(pm.kind, EntityType::Org | EntityType::Gpe) {
            continue;
        }
        let i = pm.tokens.start;
        let after = i >= tr.end;
        let g = gap(tr, &pm.tokens);
        // A ل on the name usually makes it an object ("لقوات الأمن"), but right after an event
        // noun it marks the doer: "هجوم لجماعة أبو سياف", "في تفجير لتنظيم داعش".
        // (One word may stand between if it is an adjective of the noun, "هجوم إرهابي لتنظيم
        // داعش"; not its object: in "القصف مخازن للحوثيين" the ل marks whose depots.)
        let agent_lam = !m.verb
            && after
            && pm.kind == EntityType::Org
            && (g == 0 || (g == 1 && adjective(ctx, tr.end)));
        // (The "في" before the event noun must not make the group a place: "في هجوم لجماعة".)
        // "وفق مصدر أمني مالي", "قال متحدث باسم الجيش": the name tells whose source it is.
        let sourced = (i.saturating_sub(3).max(sent.start)..i)
            .any(|j| word_in(ctx, j, &ctx.lists.words.source))
            && !(i.saturating_sub(3).max(sent.start)..i).any(|j| is_break(ctx, j));
        if preceded_by(ctx, i, Role::Report, 2)
            || sourced
            || (!agent_lam
                && (preceded_by(ctx, i, Role::Target, 3)
                    || is_locative(ctx, pm)
                    || (m.kind != EventType::Claim
                        && dative(ctx, i)
                        && !initial_is_own(ctx, pm)
                        && pm.start == ctx.a.tokens[i].start)))
        {
            continue;
        }
        // "هجوم على مركز للشرطة", "القبض على عناصر من داعش": على after the trigger introduces
        // what the act was done to (على يد, "at the hands of", puts يد before the name).
        if after && on_object(ctx, i) {
            continue;
        }
        // Nor is a name after إلى a subject: "قتل موظف ينتمي إلى حزب العدالة" (the victim's
        // party; an ascription, "نسبته السلطات إلى …", is read by `blamed`).
        if i.checked_sub(1)
            .is_some_and(|p| norm_in(ctx, p, &ctx.lists.words.to))
        {
            continue;
        }
        let ok = if m.kind == EventType::Claim {
            // The subject of the announcing verb may stand further back: "وكان تنظيم داعش أعلن
            // في بيان على موقع إلكتروني تابع له المسؤولية عن التفجير".
            let announcer = !after
                && g <= CLAIM_SUBJECT_REACH
                && (ctx.role(past_quotes(ctx, pm.tokens.end)) == Some(Role::Say)
                    || i.checked_sub(1)
                        .is_some_and(|p| ctx.role(p) == Some(Role::Say)))
                && !(pm.tokens.end..tr.start).any(|j| is_break(ctx, j));
            (after && g <= 3) || (!after && g <= 4) || announcer
        } else if after {
            // A verb that carries its plural subject ("هاجموا مركز الشرطة") has an object after
            // it, not a subject.
            if own_subject(ctx, m, tr) {
                continue;
            }
            (verb_like && g <= 3) || g <= 1 || preceded_by(ctx, i, Role::Group, 2) && g <= 3
        } else {
            // A subject before a verb ("داعش يهاجم") or the actor of an announced operation;
            // not a name a comma sets off ("مقتل جندي من الجيش التركي، في هجومين": the
            // victims' army).
            let comma = (pm.tokens.end..tr.start).any(|j| is_break(ctx, j));
            // Nor one after من: "قتل 7 أشخاص من القوات الحكومية بهجوم", "قتل سبعة من مقاتلي
            // الحركة في كمين" (the victims' side); nor the subject of a reaction ("الوزارة
            // تدين التفجير").
            // Nor the ascriber of a blame verb: "فإن السلطات نسبت الاعتداء إلى …".
            let reacts = (pm.tokens.end..tr.start).any(|j| {
                word_in(ctx, j, &ctx.lists.words.react) || norm_in(ctx, j, &ctx.lists.words.blame)
            });
            (g <= 2 && !comma && !partitive_at(ctx, i) && !reacts)
                || (pm.kind == EntityType::Gpe
                    && matches!(m.kind, EventType::SecurityOperation | EventType::Arrest)
                    && g <= 8)
        };
        let state_kind = matches!(
            m.kind,
            EventType::SecurityOperation
                | EventType::Arrest
                | EventType::ThreatAlert
                | EventType::Financing
        ) || m.state.is_some();
        let is_place = m.place.as_ref().and_then(|p| p.entity.as_ref()) == Some(&pm.entity);
        if !ok || is_place || (pm.kind == EntityType::Gpe && !state_kind) {
            continue;
        }
        if best.is_none_or(|b| g < b.0) {
            best = Some((g, pm));
        }
    }
    // "اعتقلوا على أيدي مقاتلي جبهة النصرة", "قتل على يد عناصر داعش": على يد names the doer of
    // a passive act, whatever stands nearer the trigger.
    let by_hand = s_ments.iter().copied().find(|pm| {
        pm.kind == EntityType::Org
            && pm.tokens.start >= clause_from
            && gap(tr, &pm.tokens) <= 6
            && (1..=3).any(|d| {
                pm.tokens.start.checked_sub(d).is_some_and(|h| {
                    h > sent.start
                        && norm_in(ctx, h, &ctx.lists.words.hand)
                        && norm_in(ctx, h - 1, &ctx.lists.words.on)
                })
            })
    });
    if let Some(pm) = by_hand.or(best.map(|(_, pm)| pm)) {
        m.perp = Some(actor_of(ctx, pm));
        // A country, or an organisation named by a definite force word ("الجيش التركي",
        // "القوات العراقية"); not "جيش الإسلام", an armed group named like an army.
        m.perp_state = pm.kind == EntityType::Gpe
            || (ctx.role(pm.tokens.start) == Some(Role::State)
                && is_definite(&ctx.a.tokens[pm.tokens.start]));
    }
    // The subject of a light verb before an event noun: "نفذت قوات التحالف الدولي ضد تنظيم داعش
    // تسع ضربات جوية" (the nearest light verb within 12 words; its subject follows it directly).
    if m.perp.is_none()
        && !m.verb
        && let Some(v) = (tr.start.saturating_sub(12).max(clause_from)..tr.start)
            .rev()
            .find(|&v| ctx.role(v) == Some(Role::Support))
        && let Some(pm) = s_ments.iter().find(|pm| {
            // Right after the verb, or after a force word the name qualifies ("قوات التحالف").
            let at = pm.tokens.start;
            pm.kind == EntityType::Org
                && pm.tokens.end <= tr.start
                && (at == v + 1 || (at == v + 2 && ctx.role(v + 1) == Some(Role::State)))
        })
    {
        m.perp = Some(actor_of(ctx, pm));
        m.perp_state = ctx.role(pm.tokens.start) == Some(Role::State);
    }
    // A government force as the light verb's subject, named by no entity: "شنت القوات
    // الموالية للحكومة اليمنية … هجوما", "شن الجيش العراقي هجوما": a definite force word right
    // after the verb with, among the three words after it, a country adjective or a word of
    // government. (Without one, "القوات الحوثية" may be an armed group's.) Such a force is
    // often described at length ("المعترف بها دوليا"): the verb may stand 16 words back.
    if m.perp.is_none()
        && !m.verb
        && let Some(v) = (tr.start.saturating_sub(16).max(clause_from)..tr.start)
            .rev()
            .find(|&v| ctx.role(v) == Some(Role::Support))
        && v + 1 < tr.start
        && ctx.role(v + 1) == Some(Role::State)
        && is_definite(&ctx.a.tokens[v + 1])
        && !dative(ctx, v + 1)
        && !s_ments.iter().any(|pm| {
            pm.tokens.start > v && pm.tokens.start < tr.start && pm.kind == EntityType::Org
        })
    {
        // The force's name: the force word and up to three definite words after it
        // ("الموالية للحكومة اليمنية"), not a figure or noun that follows ("أربع غارات").
        let end = (v + 2..(v + 5).min(tr.start))
            .take_while(|&j| !ctx.is_punct(j) && is_definite(&ctx.a.tokens[j]))
            .last()
            .map_or(v + 2, |j| j + 1);
        let government = (v + 2..end).any(|j| {
            word_in(ctx, j, &ctx.lists.words.government) || nisba_at(ctx, j, end).is_some()
        });
        if government {
            m.perp = Some(ActorRef {
                entity: None,
                name: ctx.text(v + 1, end).to_string(),
            });
            m.perp_state = true;
        }
    }
    // "هجومين نفذهما عناصر من داعش", "التفجير الذي نفذه تنظيم داعش": a light verb right after
    // the event noun (or after its relative pronoun), with an object pronoun that stands for
    // it, names the doer as its subject.
    if m.perp.is_none()
        && !m.verb
        && let Some((pm, by_force)) = doer_after(ctx, tr, s_ments, sent.clone())
    {
        m.perp = Some(actor_of(ctx, pm));
        m.perp_state = by_force
            || pm.kind == EntityType::Gpe
            || ctx.role(pm.tokens.start) == Some(Role::State);
    }
    // "في هجوم جديد نسبته السلطات إلى التمرد الكردي", "فجر انتحاري ينتمي إلى تنظيم داعش": the
    // one an ascription names after the act is its doer.
    if m.perp.is_none()
        && m.kind == EventType::Attack
        && let Some(a) = blamed(ctx, tr, s_ments, sent.clone())
    {
        m.perp = Some(a);
        m.perp_ascribed = true;
    }
    // "خطف مسلحون يعتقد أنهم من جماعة بوكو حرام": the group armed men are thought to belong to.
    if m.perp.is_none()
        && m.kind == EventType::Attack
        && let Some(a) = suspected(ctx, tr, s_ments, sent.clone())
    {
        m.perp = Some(a);
        m.perp_ascribed = true;
    }
    // A state force as subject or genitive: "اقتحمت قوات الأمن", "ألقت القوات الأمريكية القبض".
    // Subject position only: right after a verb ("اقتحمت قوات الأمن"), right after a noun as its
    // genitive ("هجوم الجيش") or just before it ("الجيش شن هجوما"); a state word with a ل/ب
    // clitic ("لقوات الأمن") is an object, not the actor.
    let window = if own_subject(ctx, m, tr) {
        tr.end..tr.end
    } else if m.verb {
        tr.end..(tr.end + 2).min(sent.end)
    } else {
        tr.start.saturating_sub(2).max(sent.start)..(tr.end + 1).min(sent.end)
    };
    // Not one after من before the trigger: "قتل 7 أشخاص من القوات الحكومية بهجوم" names the
    // victims' side.
    let partitive = |i: usize| {
        i < tr.start
            && (partitive_at(ctx, i)
                || (i..tr.start).any(|j| word_in(ctx, j, &ctx.lists.words.react)))
    };
    if let Some(si) = window
        .clone()
        .find(|&i| ctx.role(i) == Some(Role::State) && !dative(ctx, i) && !partitive(i))
    {
        // A force word in or right before the name of the organisation ("طائرات التحالف
        // الدولي"): the organisation acts as a state force.
        let org_there = s_ments.iter().any(|pm| {
            pm.tokens.contains(&si) || (pm.kind == EntityType::Org && pm.tokens.start == si + 1)
        });
        // "طائرات تركية", "قوات خاصة أمريكية": an indefinite force word takes the state of its
        // country adjective (the words alone, "طائرات", name no one).
        let nisba = (!is_definite(&ctx.a.tokens[si]))
            .then(|| {
                (si + 1..(si + 3).min(sent.end))
                    .take_while(|&j| !ctx.is_punct(j))
                    .find_map(|j| nisba_at(ctx, j, sent.end))
            })
            .flatten();
        if let (None, Some(iso)) = (&m.perp, nisba) {
            m.perp = Some(state_actor(ctx, iso));
            m.perp_state = true;
        } else if m.perp.is_none() || org_there {
            // Name it with the force word and a following adjective or name.
            let mut end = si + 1;
            while end < sent.end && end < si + 3 && !ctx.is_punct(end) {
                let t = &ctx.a.tokens[end];
                let adj = is_definite(t)
                    && ctx
                        .lists
                        .triggers
                        .longest_at(&ctx.forms, end, sent.end)
                        .is_none();
                if !adj {
                    break;
                }
                end += 1;
            }
            if m.perp.is_none() {
                m.perp = Some(ActorRef {
                    entity: None,
                    name: ctx.text(si, end).to_string(),
                });
            }
            m.perp_state = true;
        }
    }
    // "عملية أمريكية", "غارة جوية أمريكية", "قصف روسي": a country adjective right after an
    // event noun that a state carries out names the acting state; one other adjective may stand
    // between ("قصف مدفعي تركي"). A plain attack noun without a state reading ("هجوم انتحاري")
    // does not take it: there the adjective is more often the place or the victims'. Nor does a
    // quoted one: «هجوم سعودي» is what someone calls an operation, not a report of one.
    if m.perp.is_none()
        && !m.verb
        && !m.quoted
        && (matches!(m.kind, EventType::SecurityOperation | EventType::Arrest) || m.state.is_some())
    {
        let i = tr.end;
        // (At least four letters: "على" is a preposition, not an adjective.)
        let skip = i < sent.end
            && nisba_at(ctx, i, sent.end).is_none()
            && ctx.a.tokens[i].kind == TokenKind::Arabic
            && !is_definite(&ctx.a.tokens[i])
            && ctx.a.tokens[i].norm.chars().count() >= 4
            && nisba_ending(&ctx.a.tokens[i].norm);
        let at = if skip { i + 1 } else { i };
        if let Some(iso) = nisba_at(ctx, at, sent.end) {
            m.perp = Some(state_actor(ctx, iso));
            m.perp_state = true;
        }
    }
    // An arrest or seizure with no place happened where the acting state is:
    // "قوات الأمن التونسية", "وزارة الداخلية التونسية".
    let places_in_sentence = s_ments
        .iter()
        .any(|pm| matches!(pm.kind, EntityType::Loc | EntityType::Gpe));
    if m.place.is_none()
        && !places_in_sentence
        && matches!(m.kind, EventType::Arrest | EventType::Financing)
    {
        let mut buf = Vec::new();
        'scan: for i in sent.clone() {
            if ctx.role(i) != Some(Role::State) && ctx.a.tokens[i].norm != "وزاره" {
                continue;
            }
            for j in i + 1..(i + 4).min(sent.end) {
                ctx.lists
                    .countries
                    .matches_at(&ctx.forms, j, sent.end, &mut buf);
                if let Some((n, iso)) = buf.first() {
                    // Named as the country: the words are often an adjective ("الأمريكية"), and
                    // an adjective sent to the geocoder finds a namesake village elsewhere.
                    let name = ctx
                        .lists
                        .country_names
                        .get(*iso)
                        .map_or_else(|| ctx.text(j, j + n).to_string(), |c| (*c).to_string());
                    m.place = Some(Place {
                        name,
                        entity: None,
                        country: Some((*iso).to_string()),
                        is_country: true,
                        region: false,
                        reported: false,
                    });
                    break 'scan;
                }
            }
        }
    }
    // "التنظيم" next to the trigger, or a claim with no named subject.
    if m.perp.is_none()
        && matches!(m.kind, EventType::Attack | EventType::Claim)
        && let Some((id, name)) = &ctx.salient_org
    {
        let lo = tr.start.saturating_sub(4).max(sent.start);
        let hi = (tr.end + 4).min(sent.end);
        if m.kind == EventType::Claim || (lo..hi).any(|i| ctx.role(i) == Some(Role::GroupRef)) {
            m.perp = Some(ActorRef {
                entity: Some(id.clone()),
                name: name.clone(),
            });
        }
    }
    if m.perp_state
        && let Some((t, st)) = m.state
    {
        m.kind = t;
        m.subtype = st;
    }
    // Targets.
    for pm in s_ments {
        if !matches!(pm.kind, EntityType::Org | EntityType::Per) || pm.tokens.start < tr.end {
            continue;
        }
        let g = gap(tr, &pm.tokens);
        if g > 8 {
            continue;
        }
        let i = pm.tokens.start;
        let is_target = preceded_by(ctx, i, Role::Target, 3)
            || (m.kind == EventType::Attack && g <= 3 && on_object(ctx, i))
            || (g <= 1 && own_subject(ctx, m, tr))
            || (matches!(m.kind, EventType::SecurityOperation | EventType::Arrest)
                && pm.kind == EntityType::Org
                && (preceded_by(ctx, i, Role::Group, 2) || g <= 3));
        let a = actor_of(ctx, pm);
        if is_target && m.perp.as_ref() != Some(&a) && !m.targets.contains(&a) {
            m.targets.push(a);
        }
    }
}

/// Whether a verb trigger carries its subject as a plural ending (`subject_ending` in
/// data/function_words.tsv: هاجموا، يهاجموا، فجروا): Arabic puts a verb before a named subject in
/// the singular, so a name right after such a verb is its object ("قبل أن يهاجموا مركز
/// الشرطة": the police station was attacked, it did not attack).
fn own_subject(ctx: &Ctx<'_, '_>, m: &Mention, tr: &Range<usize>) -> bool {
    m.verb
        && tr.end > tr.start
        && ctx.a.tokens.get(tr.end - 1).is_some_and(|t| {
            ctx.lists
                .words
                .subject_ending
                .iter()
                .any(|e| t.norm.ends_with(e.as_str()))
        })
}

/// The subject of a light verb that describes the event noun at `tr`: the verb (`support`
/// role: نفذ، شن، قام) comes right after the noun, after one adjective of it (an indefinite
/// one after an indefinite noun: "قصف عنيف شنته"), or after a relative pronoun, and carries an
/// object pronoun (نفذه، شنها، نفذهما) unless a relative pronoun introduces it; its subject is
/// an organisation or country named within three words after it, with only group words
/// (عناصر، مسلحون), من, or force words between ("نفذهما عناصر من داعش", "شنته طائرات التحالف
/// العربي"). Returns the name and whether a force word stood before it (a state's act).
fn doer_after<'m>(
    ctx: &Ctx<'_, '_>,
    tr: &Range<usize>,
    s_ments: &[&'m EntityMention],
    sent: Range<usize>,
) -> Option<(&'m EntityMention, bool)> {
    let mut v = tr.end;
    let mut relative = false;
    // An indefinite noun takes an indefinite adjective ("قصف عنيف شنته", "هجوم جديد نفذه"); a
    // definite one only a definite adjective or a nisba (after "القصف" an indefinite word is
    // its object).
    let indefinite = tr.end > tr.start && !is_definite(&ctx.a.tokens[tr.end - 1]);
    for _ in 0..2 {
        if v >= sent.end || ctx.role(v) == Some(Role::Support) || is_break(ctx, v) {
            break;
        }
        let t = &ctx.a.tokens[v];
        let plain_adjective = indefinite
            && t.kind == TokenKind::Arabic
            && t.norm.chars().count() >= 3
            && !dative(ctx, v)
            && ctx.role(v).is_none()
            && ctx
                .lists
                .triggers
                .longest_at(&ctx.forms, v, sent.end)
                .is_none();
        if ctx.role(v) == Some(Role::Relative) {
            relative = true;
        } else if !(is_definite(t)
            || (nisba_ending(&t.norm) && t.norm.chars().count() >= 4)
            || plain_adjective)
        {
            // Only an adjective of the noun may stand before the verb.
            return None;
        }
        v += 1;
    }
    if v >= sent.end || ctx.role(v) != Some(Role::Support) {
        return None;
    }
    let n = ctx.a.tokens[v].norm.as_str();
    let pronoun = ["ه", "ها", "هما", "هم"].iter().any(|p| n.ends_with(p));
    // "قام به", "قامت بها": the pronoun is on the preposition.
    let by = v + 1 < sent.end
        && matches!(
            ctx.a.tokens[v + 1].norm.as_str(),
            "به" | "بها" | "بهما" | "بهم"
        );
    if !(relative || pronoun || by) {
        return None;
    }
    let v = if by { v + 1 } else { v };
    // Group words (عناصر، مسلحون), من, or force words ("شنته طائرات التحالف العربي", "شنتها
    // مروحيات طيران الجيش": then the doer acts as a state) may stand before the name.
    s_ments.iter().copied().find_map(|pm| {
        let ok = matches!(pm.kind, EntityType::Org | EntityType::Gpe)
            && pm.tokens.start > v
            && pm.tokens.start <= v + 3
            && (v + 1..pm.tokens.start).all(|j| {
                matches!(ctx.role(j), Some(Role::Group | Role::State))
                    || norm_in(ctx, j, &ctx.lists.words.from)
            });
        let state = (v + 1..pm.tokens.start).any(|j| ctx.role(j) == Some(Role::State));
        ok.then_some((pm, state))
    })
}

/// The group armed men or an attacker after the trigger are suspected to belong to: a word of
/// class `suspect` (يعتقد، يشتبه، يرجح) within [`BLAME_REACH`] words after the trigger, right
/// after (at most three words) a militant word of data/tolls.tsv or an attacker word, then an
/// organisation named within six words after it, with no punctuation anywhere between: "خطف
/// مسلحون يعتقد أنهم من جماعة بوكو حرام", "هاجم مسلحون يشتبه في انتمائهم إلى تنظيم داعش".
fn suspected(
    ctx: &Ctx<'_, '_>,
    tr: &Range<usize>,
    s_ments: &[&EntityMention],
    sent: Range<usize>,
) -> Option<ActorRef> {
    let w = &ctx.lists.words;
    let reach = (tr.end + BLAME_REACH).min(sent.end);
    let j = (tr.end..reach)
        .take_while(|&j| !is_break(ctx, j))
        .find(|&j| word_in(ctx, j, &w.suspect))?;
    let armed = (j.saturating_sub(3).max(tr.end)..j)
        .any(|k| word_in(ctx, k, &ctx.lists.tolls.militant) || word_in(ctx, k, &w.attacker));
    if !armed {
        return None;
    }
    let pm = s_ments.iter().find(|pm| {
        pm.kind == EntityType::Org
            && pm.tokens.start > j
            && pm.tokens.start <= j + 6
            && !(j..pm.tokens.start).any(|k| is_break(ctx, k))
    })?;
    Some(actor_of(ctx, pm))
}

/// How many words after the trigger an ascription may start: "في هجوم في جنوب شرقي البلاد تمت
/// نسبته إلى …" (five words between).
const BLAME_REACH: usize = 6;

/// The doer an ascription after the trigger names (classes `blame`, `belong`, `to` of
/// data/function_words.tsv): a blame word within [`BLAME_REACH`] words after the trigger, with
/// no punctuation between ("هجوم جديد نسبته السلطات إلى التمرد الكردي", "هجوم منسوب لحزب العمال
/// الكردستاني"), or a word of belonging after an attacker word ("فجر انتحاري يعتقد أنه ينتمي إلى
/// تنظيم داعش": the attacker's group, not a victim's). The name is the organisation right after
/// إلى (the ascriber may stand between, up to two words) or after a ل on the word right after
/// the blame word. A blame verb may also stand up to two words before the trigger, the act its
/// object ("فإن السلطات نسبت الاعتداء إلى حزب العمال": its subject, the ascriber, is not the
/// doer); then the name follows إلى after the trigger. When NER tagged none there, a definite
/// noun after إلى / لل with up to two
/// definite adjectives ("التمرد الكردي"), which names a group the knowledge base lacks.
fn blamed(
    ctx: &Ctx<'_, '_>,
    tr: &Range<usize>,
    s_ments: &[&EntityMention],
    sent: Range<usize>,
) -> Option<ActorRef> {
    let w = &ctx.lists.words;
    let reach = (tr.end + BLAME_REACH).min(sent.end);
    // A blame verb may also open the phrase, with the act as its object: "فإن السلطات نسبت
    // الاعتداء إلى حزب العمال", "نسبت السلطات الهجوم إلى …" (at most two words before it).
    let before = (tr.start.saturating_sub(3).max(sent.start)..tr.start)
        .rev()
        .take_while(|&j| !is_break(ctx, j))
        .find(|&j| norm_in(ctx, j, &w.blame))
        .map(|_| tr.end - 1);
    let b = before.or_else(|| {
        (tr.end..reach)
            .take_while(|&j| !is_break(ctx, j))
            .find(|&j| {
                norm_in(ctx, j, &w.blame)
                    || (norm_in(ctx, j, &w.belong)
                        && (j.saturating_sub(4).max(tr.start)..j)
                            .any(|k| word_in(ctx, k, &w.attacker)))
            })
    })?;
    let to = (b + 1..(b + 4).min(sent.end))
        .take_while(|&j| !is_break(ctx, j))
        .find(|&j| norm_in(ctx, j, &w.to));
    let head = match to {
        Some(j) => j + 1,
        None if before.is_none()
            && b + 1 < sent.end
            && dative(ctx, b + 1)
            && ctx.a.tokens[b + 1].norm.starts_with('ل') =>
        {
            b + 1
        }
        None => return None,
    };
    if head >= sent.end || ctx.a.tokens[head].kind != TokenKind::Arabic {
        return None;
    }
    // (A group word may stand before the name: "إلى تنظيم داعش".)
    if let Some(pm) = s_ments.iter().find(|pm| {
        pm.kind == EntityType::Org
            && pm.tokens.start >= head
            && pm.tokens.start <= head + 2
            && (head..pm.tokens.start).all(|j| ctx.role(j) == Some(Role::Group))
    }) {
        return Some(actor_of(ctx, pm));
    }
    // No tagged name: a definite noun phrase ("التمرد الكردي"; "للمقاومة" is ل + المقاومة).
    let first = ctx.a.tokens[head].norm.as_str();
    let lam_article = to.is_none() && first.starts_with("لل");
    if !(lam_article || (to.is_some() && first.starts_with("ال"))) {
        return None;
    }
    let mut end = head + 1;
    while end < sent.end
        && end < head + 3
        && ctx.a.tokens[end].kind == TokenKind::Arabic
        && is_definite(&ctx.a.tokens[end])
        && ctx.role(end).is_none()
        && ctx
            .lists
            .triggers
            .longest_at(&ctx.forms, end, sent.end)
            .is_none()
    {
        // (A word with a context role is no adjective: "المتمردين الأكراد الذين …".)
        end += 1;
    }
    let words = ctx.text(head, end);
    let name = if lam_article {
        // ل before the article drops its alif: لل + noun → ال + noun.
        format!("ا{}", words.strip_prefix('ل')?)
    } else {
        words.to_string()
    };
    Some(ActorRef { entity: None, name })
}

/// Make the subtype more specific from nearby words (data/refiners.tsv).
fn refine(ctx: &Ctx<'_, '_>, m: &mut Mention, tr: &Range<usize>, sent: Range<usize>) {
    if !matches!(m.kind, EventType::Attack | EventType::SecurityOperation) {
        return;
    }
    let lo = tr.start.saturating_sub(4).max(sent.start);
    let hi = (tr.end + 4).min(sent.end);
    let mut buf = Vec::new();
    for i in lo..hi {
        ctx.lists.refiners.matches_at(&ctx.forms, i, hi, &mut buf);
        for (_, (t, st)) in &buf {
            if *t == m.kind && crate::merge::more_specific(Some(st), m.subtype) {
                m.subtype = Some(st);
            }
        }
    }
}
