//! Killings told without an event word: "قتل مسلحون سبعة جنود في الأنبار أمس", "مقتل 17
//! داعشيا ضمن عمليات شرقي الفلوجة", "أن 7 عناصر من تنظيم داعش قتلوا".
//!
//! Most reports name the act (هجوم، تفجير، غارة), and the extractor builds events from those
//! words. A sentence that only gives a death toll is still an incident when the dead are
//! militants (then it is a security operation, the convention of the development gold) or
//! soldiers and police, or when a weapon or an armed doer is named (then it is an attack). It is
//! not one when the sentence tells an accident, a disaster or an illness ("لقي 5 أشخاص مصرعهم
//! في حادث مروري"), or a crime, or when the dead are people of no stated kind and nothing
//! violent is named: Saudi and Gulf papers report traffic deaths with the same words.
//!
//! This module only decides whether such a sentence has an event and of which type, from the
//! killed figure the casualty reader found ([`crate::casualties`]); the extractor then treats
//! the figure's governing word as the event's trigger, so place, date and doer are found as
//! for any trigger. It reads no wounded-only toll: "جرح 3 أشخاص" alone is too often an accident.

use std::ops::Range;

use model::EventType;
use rustc_hash::FxHashSet;
use text::normalize::match_form;

use crate::Error;
use crate::casualties::Figure;
use crate::lexicon::rows;
use crate::schema::{Field, TriggerInfo};

const TOLLS: &str = include_str!("../data/tolls.tsv");

/// The word classes of `data/tolls.tsv`.
#[derive(Debug, Default)]
pub struct TollWords {
    /// The dead are militants.
    pub militant: FxHashSet<String>,
    /// The dead are soldiers or police.
    pub armed: FxHashSet<String>,
    /// A member noun (عناصر، رجال): what follows says of whom.
    pub member: FxHashSet<String>,
    /// An armed group after a member noun.
    pub group: FxHashSet<String>,
    /// A state force after a member noun.
    pub force: FxHashSet<String>,
    /// A weapon or a violent act.
    pub violence: FxHashSet<String>,
    /// An accident, a disaster or an illness.
    pub accident: FxHashSet<String>,
    /// The partitive من between a number and its noun.
    pub of: FxHashSet<String>,
}

impl TollWords {
    /// Parse the bundled `data/tolls.tsv`.
    pub fn load() -> Result<TollWords, Error> {
        let mut w = TollWords::default();
        for (n, r) in rows(TOLLS) {
            let bad = |reason: String| Error::Data {
                file: "tolls.tsv".into(),
                line: n,
                reason,
            };
            let (Some(class), Some(word)) = (r.first(), r.get(1)) else {
                return Err(bad("expected two columns: class, word".into()));
            };
            let set = match *class {
                "militant" => &mut w.militant,
                "armed" => &mut w.armed,
                "member" => &mut w.member,
                "group" => &mut w.group,
                "force" => &mut w.force,
                "violence" => &mut w.violence,
                "accident" => &mut w.accident,
                "of" => &mut w.of,
                other => return Err(bad(format!("unknown class {other}"))),
            };
            set.insert(match_form(word));
        }
        Ok(w)
    }
}

/// The trigger of a toll whose dead are militants: a security operation.
pub static TOLL_OPERATION: TriggerInfo = TriggerInfo::plain(EventType::SecurityOperation, None);

/// The trigger of a toll of soldiers, police, or people killed by a named weapon or armed doer:
/// an attack. A state named with the dead is theirs ("قتل جندي تركي", "أعلن الجيش التركي مقتل
/// ثلاثة جنود"), not the doer, so a state actor does not make it an operation (no `state`).
pub static TOLL_ATTACK: TriggerInfo = TriggerInfo::plain(EventType::Attack, None);

/// Who the dead of a toll are, as far as the words next to the figure say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Victims {
    /// Militants.
    Militant,
    /// Soldiers or police.
    Armed,
    /// Anyone else, or not said.
    Other,
}

/// How far past a member noun its group or force may stand ("عناصر من تنظيم داعش").
const MEMBER_REACH: usize = 3;

/// Who the dead of figure `f` are. `is` tells whether token `i` (as written or without its
/// clitics) is a word of a class.
pub fn victims(
    f: &Figure,
    sent: Range<usize>,
    words: &TollWords,
    is: &dyn Fn(usize, &FxHashSet<String>) -> bool,
) -> Victims {
    // The counted noun is the figure itself (a dual: جنديين) or the word right after the
    // number, past a partitive من ("20 من عناصر داعش"); words further on are another phrase
    // ("سبعة أشخاص برصاص مسلحين": the gunmen are the doers).
    let mut next = f.tokens.end;
    if next < sent.end && is(next, &words.of) {
        next += 1;
    }
    let nouns = f.tokens.start..(next + 1).min(sent.end);
    for i in nouns {
        if is(i, &words.militant) {
            return Victims::Militant;
        }
        if is(i, &words.armed) {
            return Victims::Armed;
        }
        if is(i, &words.member) {
            let after = i + 1..(i + 1 + MEMBER_REACH).min(sent.end);
            for j in after {
                if is(j, &words.group) || is(j, &words.militant) {
                    return Victims::Militant;
                }
                if is(j, &words.force) {
                    return Victims::Armed;
                }
            }
            return Victims::Other;
        }
    }
    Victims::Other
}

/// The trigger a sentence without any event word gets from its killed figure, if its toll is
/// one of political violence (module doc). `crime` tells whether the sentence tells a crime.
pub fn trigger(
    figs: &[Figure],
    sent: Range<usize>,
    words: &TollWords,
    crime: bool,
    is: &dyn Fn(usize, &FxHashSet<String>) -> bool,
) -> Option<(Range<usize>, &'static TriggerInfo)> {
    let f = figs.iter().find(|f| f.field == Field::Killed && !f.vague)?;
    if crime || sent.clone().any(|i| is(i, &words.accident)) {
        return None;
    }
    let info = match victims(f, sent.clone(), words, is) {
        Victims::Militant => &TOLL_OPERATION,
        Victims::Armed => &TOLL_ATTACK,
        Victims::Other if sent.clone().any(|i| is(i, &words.violence)) => &TOLL_ATTACK,
        Victims::Other => return None,
    };
    Some((f.cue..f.cue + 1, info))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_classes_parse_and_are_not_empty() {
        let w = TollWords::load().expect("tolls.tsv parses");
        for (name, set) in [
            ("militant", &w.militant),
            ("armed", &w.armed),
            ("member", &w.member),
            ("group", &w.group),
            ("force", &w.force),
            ("violence", &w.violence),
            ("accident", &w.accident),
            ("of", &w.of),
        ] {
            assert!(!set.is_empty(), "class {name} is empty");
        }
        // Stored in match form, so that token forms find them.
        assert!(w.militant.contains("ارهابيين"));
        assert!(w.accident.contains("المروريه"));
    }
}
