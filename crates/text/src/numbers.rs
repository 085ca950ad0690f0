//! Number expressions → counts with a qualifier and a range.
//!
//! Finds cardinals written in digits (`140`, `1,200`, `٧٥`, `2.5 مليون`), in words (masculine and
//! feminine, nominative and oblique case forms, duals, compounds such as خمسة وعشرون or
//! ثلاثة آلاف وخمسمئة, up to hundreds of millions), mixed (`3 آلاف`) and fractions of a scale
//! word (نصف مليون، مليون ونصف), with proclitics
//! (بثلاثة، وسبعة، لعشرة); vague quantities (عشرات → about 12..99, مئات، آلاف، بضعة، عدد من, and
//! vague × scale: عشرات الآلاف); qualifiers before or after the figure (نحو، قرابة، أكثر من،
//! ما لا يقل عن، على الأقل، أقل من ...) and ranges (بين 10 و15، من 10 إلى 15، 10-15).
//!
//! Each mention says whether it looks like part of a date (a day number, a year, the duration of
//! `منذ ثلاثة أيام`: [`NumberMention::is_date_part`], found by running the date grammar over the
//! same text) and which unit follows it (`48 ساعة` is a duration, `50%` a percentage:
//! [`NumberMention::unit`]), so that callers counting people can skip those.
//!
//! It does NOT decide what is counted (people, soldiers, vehicles) — that is the event
//! extractor's job; it does not read ordinals (الثاني، الحادي عشر) as counts, nor a bare singular
//! noun (مقتل شخص) or a dual noun (مقتل شخصين) as a number. The Arabic knowledge (number words,
//! vague words, qualifier phrases, unit words, ordinals) lives in `crates/text/data/numbers_*.tsv`.

pub(crate) mod lex;
pub(crate) mod words;

use std::ops::Range;

use model::{Count, Qualifier};

use crate::Analysis;
use lex::{Digits, digits_at, is_word, match_phrase, match_phrase_before, variants};
pub use words::NumberUnit;
use words::{QualKind, QualPos, Role, lexicon};

/// A number expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NumberMention {
    /// Character offset of the first character (qualifier included).
    pub start: usize,
    /// Character offset one past the last character (a post-qualifier included when it follows
    /// the figure directly: `16 على الأقل`; one after the counted noun, `16 شخصا على الأقل`,
    /// still qualifies the count but stays outside the span so that the token after the mention
    /// is the counted noun).
    pub end: usize,
    /// Token range of the whole expression (qualifiers included, as for `end`).
    pub tokens: Range<usize>,
    /// The value with its qualifier and range.
    pub count: Count,
    /// Token range of the figure itself, without qualifiers (for a range: both figures).
    pub core: Range<usize>,
    /// Whether the figure is part of a date expression (a day, a year, the duration of a
    /// relative date): event extraction should not read it as a head count.
    pub is_date_part: bool,
    /// The unit word right after the figure, when it measures something other than a count of
    /// things (percent, duration, money, physical measure).
    pub unit: Option<NumberUnit>,
}

/// A bare figure before qualifiers: its tokens and value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Core {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The value (may carry a decimal part before rounding, e.g. 2.5 million).
    pub value: f64,
    /// For a vague quantity: (value, min, max).
    pub vague: Option<[u64; 3]>,
    /// The figure is one token (or a split digit group) of digits; details for dates.
    pub digits: Option<Digits>,
    /// The proclitic on the first token (`و` of وسبعة, `ب` of بستة).
    pub clitic: &'static str,
    /// Whether the first word of the figure is a bare عشر/عشرة or a ten joined by و (which after
    /// an ordinal belong to it: الحادي عشر، الحادي والعشرين).
    pub ordinal_tail: bool,
}

impl Core {
    /// The value rounded to a whole number, saturating.
    pub(crate) fn whole(&self) -> u64 {
        self.value.round().max(0.0) as u64
    }
}

/// The last thing the figure grammar read, which decides what may follow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Unit,
    CompoundUnit,
    Teen,
    Ten,
    Hundred,
    Scale(u64),
    Digits,
}

/// What one token offers to the figure grammar.
enum Atom {
    Word {
        roles: &'static [(Role, u64)],
        clitic: &'static str,
        article: bool,
    },
    Digits(Digits),
}

/// Read token `i` as a number word or digits.
fn atom(a: &Analysis<'_>, i: usize) -> Option<Atom> {
    if let Some(d) = digits_at(a, i) {
        return Some(Atom::Digits(d));
    }
    let lex = lexicon();
    let norm = a.tokens.get(i)?.norm.as_str();
    for (clitic, rest) in variants(norm) {
        // A preposition glued to a two-letter word is too often something else: لست "I am not"
        // is not ل + ست.
        if matches!(clitic, "ب" | "ل" | "وب" | "ول" | "فب" | "فل") && rest.chars().count() < 3
        {
            continue;
        }
        if let Some(roles) = lex.words.get(rest) {
            return Some(Atom::Word {
                roles: roles.as_slice(),
                clitic,
                article: false,
            });
        }
    }
    // With the article only 3..10 are cardinals (القتلى الثلاثة); الاثنين is Monday, الأحد
    // Sunday, العشرين mostly an ordinal, المئة a percentage, الألف "the thousand(th)".
    for (clitic, rest) in variants(norm) {
        if let Some(stem) = rest.strip_prefix("ال")
            && let Some(roles) = lex.words.get(stem)
            && roles
                .iter()
                .any(|(r, v)| *r == Role::Unit && (3..=10).contains(v))
        {
            return Some(Atom::Word {
                roles: roles.as_slice(),
                clitic,
                article: true,
            });
        }
    }
    None
}

fn role(roles: &[(Role, u64)], want: Role) -> Option<u64> {
    roles.iter().find(|(r, _)| *r == want).map(|(_, v)| *v)
}

/// A plural (or singular) scale word at token `i`, article allowed: the `الآلاف` of
/// `عشرات الآلاف`, the `آلاف` of `بضعة آلاف`.
fn scale_word_at(a: &Analysis<'_>, i: usize) -> Option<u64> {
    let norm = a.tokens.get(i)?.norm.as_str();
    let words = &lexicon().words;
    // Exact first: آلاف folds to الاف, which must not lose an "article".
    let roles = words
        .get(norm)
        .or_else(|| norm.strip_prefix("ال").and_then(|s| words.get(s)))?;
    role(roles, Role::Scales)
}

/// Whether token `i` is (the head of) a compound-unit + teen pair: أحد عشر.
fn teen_at(a: &Analysis<'_>, i: usize) -> bool {
    a.tokens
        .get(i)
        .and_then(|t| lexicon().words.get(t.norm.as_str()))
        .is_some_and(|r| role(r, Role::Teen).is_some())
}

/// Parse the figure that starts at token `i`, if any.
pub(crate) fn parse_core(a: &Analysis<'_>, i: usize) -> Option<Core> {
    let lex = lexicon();
    // Vague quantities first (عشرات، بضعة، عدد من), optionally times a plural scale.
    for (w, v) in &lex.vague {
        if let Some(mut end) = match_phrase(a, i, w, true) {
            let mut v = *v;
            if let Some(s) = scale_word_at(a, end) {
                v = v.map(|x| x.saturating_mul(s));
                end += 1;
            }
            let clitic = variants(&a.tokens[i].norm)
                .find(|(_, r)| *r == w[0])
                .map_or("", |(c, _)| c);
            return Some(Core {
                start: i,
                end,
                value: v[0] as f64,
                vague: Some(v),
                digits: None,
                clitic,
                ordinal_tail: false,
            });
        }
    }
    let first = atom(a, i)?;
    let (mut total, mut cur, mut last, clitic, mut ordinal_tail, mut digits);
    let mut j;
    match first {
        Atom::Digits(d) => {
            total = 0.0;
            cur = d.value;
            last = Last::Digits;
            clitic = d.clitic;
            ordinal_tail = false;
            j = d.end;
            digits = Some(d);
        }
        Atom::Word {
            roles, clitic: c, ..
        } => {
            total = 0.0;
            clitic = c;
            digits = None;
            j = i + 1;
            ordinal_tail = false;
            if let Some(u) = role(roles, Role::Unit) {
                cur = u as f64;
                last = Last::Unit;
                ordinal_tail = u == 10;
            } else if let Some(u) = role(roles, Role::CompoundUnit) {
                if !teen_at(a, i + 1) {
                    return None;
                }
                cur = u as f64;
                last = Last::CompoundUnit;
            } else if let Some(t) = role(roles, Role::Ten) {
                cur = t as f64;
                last = Last::Ten;
                ordinal_tail = clitic.starts_with('و');
            } else if let Some(h) = role(roles, Role::Hundred) {
                cur = h as f64;
                last = Last::Hundred;
            } else if let Some(d) = role(roles, Role::Dual) {
                total = d as f64;
                cur = 0.0;
                last = Last::Scale(d / 2);
            } else if let Some(s) = role(roles, Role::Scale) {
                total = s as f64;
                cur = 0.0;
                last = Last::Scale(s);
            } else if let Some(f) = role(roles, Role::Fraction) {
                // نصف مليون: only before a singular scale word; نصف السكان is no count.
                let s = a
                    .tokens
                    .get(i + 1)
                    .and_then(|t| lexicon().words.get(t.norm.as_str()))
                    .and_then(|r| role(r, Role::Scale))?;
                total = s as f64 * f as f64 / 100.0;
                cur = 0.0;
                last = Last::Scale(s);
                j = i + 2;
            } else {
                return None;
            }
        }
    }
    let mut smallest_scale = match last {
        Last::Scale(s) => s,
        _ => u64::MAX,
    };
    // Continue while the next token extends the figure.
    loop {
        let (k, sep_conj) = if is_word(a, j, "و", false) {
            (j + 1, true)
        } else {
            (j, false)
        };
        let Some(next) = atom(a, k) else { break };
        let (roles, conj, next_end) = match &next {
            Atom::Word {
                roles,
                clitic,
                article,
            } => {
                if *article {
                    break;
                }
                let conj = match (*clitic, sep_conj) {
                    ("", c) => c,
                    ("و", false) => true,
                    _ => break,
                };
                (Some(*roles), conj, k + 1)
            }
            Atom::Digits(d) => {
                let conj = match (d.clitic, sep_conj) {
                    ("", c) => c,
                    ("و", false) => true,
                    _ => break,
                };
                (None, conj, d.end)
            }
        };
        let whole_cur = cur.round() as u64;
        let step = match roles {
            None => {
                // Digits continue a figure only after a scale: مليون و200 ألف.
                if conj && matches!(last, Last::Scale(_)) && cur == 0.0 {
                    if let Atom::Digits(d) = &next {
                        cur = d.value;
                        Some(Last::Digits)
                    } else {
                        None
                    }
                } else {
                    None
                }
            }
            Some(roles) => {
                let after_scale_or_hundred = matches!(last, Last::Scale(_) | Last::Hundred);
                if let (false, Some(t), true) = (
                    conj,
                    role(roles, Role::Teen),
                    matches!(last, Last::Unit | Last::CompoundUnit)
                        && (1..=9).contains(&(whole_cur % 100)),
                ) {
                    cur += t as f64;
                    Some(Last::Teen)
                } else if let (true, Some(t), true) = (
                    conj,
                    role(roles, Role::Ten),
                    (last == Last::Unit && (1..=9).contains(&(whole_cur % 100)))
                        || after_scale_or_hundred,
                ) {
                    cur += t as f64;
                    Some(Last::Ten)
                } else if let (true, Some(u), true) =
                    (conj, role(roles, Role::Unit), after_scale_or_hundred)
                {
                    cur += u as f64;
                    Some(Last::Unit)
                } else if let (true, Some(u), true) = (
                    conj,
                    role(roles, Role::CompoundUnit),
                    after_scale_or_hundred,
                ) {
                    if teen_at(a, next_end) {
                        cur += u as f64;
                        Some(Last::CompoundUnit)
                    } else {
                        None
                    }
                } else if let (false, Some(100), true) = (
                    conj,
                    role(roles, Role::Hundred),
                    last == Last::Unit && (1..=9).contains(&whole_cur),
                ) {
                    cur *= 100.0;
                    Some(Last::Hundred)
                } else if let (true, Some(h), true) = (
                    conj,
                    role(roles, Role::Hundred),
                    matches!(last, Last::Scale(_)) && cur == 0.0,
                ) {
                    cur = h as f64;
                    Some(Last::Hundred)
                } else if let Some(s) =
                    role(roles, Role::Scale).or_else(|| role(roles, Role::Scales))
                {
                    let plural = role(roles, Role::Scale).is_none();
                    let fits = if plural {
                        matches!(last, Last::Unit | Last::Digits) && (3.0..=10.0).contains(&cur)
                            || last == Last::Digits
                    } else {
                        !matches!(last, Last::Scale(_) | Last::CompoundUnit) && cur > 0.0
                    };
                    if !conj && fits && s < smallest_scale {
                        total += cur * s as f64;
                        cur = 0.0;
                        smallest_scale = s;
                        Some(Last::Scale(s))
                    } else if conj
                        && !plural
                        && matches!(last, Last::Scale(_))
                        && cur == 0.0
                        && s < smallest_scale
                    {
                        // مليون وألف
                        total += s as f64;
                        smallest_scale = s;
                        Some(Last::Scale(s))
                    } else {
                        None
                    }
                } else if let (true, Some(f), Last::Scale(s)) =
                    (conj, role(roles, Role::Fraction), last)
                {
                    // مليون ونصف: a fraction of the scale just read.
                    if cur == 0.0 {
                        total += s as f64 * f as f64 / 100.0;
                        Some(Last::Scale(s))
                    } else {
                        None
                    }
                } else if let (true, Some(d), true) = (
                    conj,
                    role(roles, Role::Dual),
                    matches!(last, Last::Scale(_)) && cur == 0.0,
                ) {
                    if d / 2 < smallest_scale {
                        total += d as f64;
                        smallest_scale = d / 2;
                        Some(Last::Scale(d / 2))
                    } else {
                        None
                    }
                } else {
                    None
                }
            }
        };
        match step {
            Some(l) => {
                // A multi-part figure is no longer a plain digit token.
                digits = None;
                last = l;
                j = next_end;
                ordinal_tail = ordinal_tail && j == i + 1;
            }
            None => break,
        }
    }
    if last == Last::CompoundUnit {
        return None;
    }
    Some(Core {
        start: i,
        end: j,
        value: total + cur,
        vague: None,
        digits,
        clitic,
        ordinal_tail,
    })
}

/// Whether the token before `i` is an ordinal (الحادي, الثاني ...), so that a following عشر or
/// وعشرين belongs to it.
fn ordinal_before(a: &Analysis<'_>, i: usize) -> bool {
    let lex = lexicon();
    i.checked_sub(1)
        .and_then(|p| a.tokens.get(p))
        .is_some_and(|t| variants(&t.norm).any(|(_, r)| lex.ordinals.contains_key(r)))
}

/// Every bare figure in the text, left to right, without qualifiers.
pub(crate) fn cores(a: &Analysis<'_>) -> Vec<Core> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < a.tokens.len() {
        if a.start_mask(i) & lex::START_NUMBER == 0 {
            i += 1;
            continue;
        }
        match parse_core(a, i) {
            Some(c) if c.end > i => {
                i = c.end;
                if c.ordinal_tail && ordinal_before(a, c.start) {
                    continue;
                }
                out.push(c);
            }
            _ => i += 1,
        }
    }
    out
}

/// Range connectors between two figures: بين X و Y, من X إلى Y, X - Y.
fn range_pair(a: &Analysis<'_>, x: &Core, y: &Core) -> Option<usize> {
    let between = |w: &str| x.start >= 1 && is_word(a, x.start - 1, w, true);
    let has_between = between("بين");
    let has_from = between("من");
    // Second figure joined with و right after the first.
    if has_between
        && (y.start == x.end && y.clitic == "و"
            || y.start == x.end + 1 && is_word(a, x.end, "و", false))
    {
        // Take in the ما of ما بين.
        let s = x.start - 1;
        return Some(if s >= 1 && is_word(a, s - 1, "ما", false) {
            s - 1
        } else {
            s
        });
    }
    let to_words = ["الي", "الى", "حتى", "حتي"];
    if y.start == x.end + 1
        && to_words.iter().any(|w| is_word(a, x.end, w, false))
        && y.clitic.is_empty()
    {
        return Some(if has_from { x.start - 1 } else { x.start });
    }
    if y.start == x.end + 1
        && x.digits.is_some()
        && y.digits.is_some()
        && matches!(a.tokens[x.end].norm.as_str(), "-" | "–")
    {
        return Some(x.start);
    }
    None
}

fn count_of(c: &Core) -> Count {
    match c.vague {
        Some([value, min, max]) => Count {
            value,
            qualifier: Qualifier::About,
            min,
            max,
        },
        None => Count::exact(c.whole()),
    }
}

fn qualify(c: Count, kind: QualKind) -> Count {
    let v = c.value;
    match kind {
        QualKind::About => Count {
            qualifier: Qualifier::About,
            ..c
        },
        QualKind::AtLeast => Count {
            qualifier: Qualifier::AtLeast,
            value: c.min,
            min: c.min,
            max: c.min,
        },
        QualKind::MoreThan => {
            // أكثر من 60 → at least 61; more than "dozens" keeps the vague floor.
            let m = if c.qualifier == Qualifier::Exact {
                v.saturating_add(1)
            } else {
                c.min
            };
            Count {
                qualifier: Qualifier::AtLeast,
                value: m,
                min: m,
                max: m,
            }
        }
        QualKind::AtMost => Count {
            qualifier: Qualifier::AtMost,
            value: c.max,
            min: 0,
            max: c.max,
        },
        QualKind::LessThan => {
            let m = if c.qualifier == Qualifier::Exact {
                v.saturating_sub(1)
            } else {
                c.max
            };
            Count {
                qualifier: Qualifier::AtMost,
                value: m,
                min: 0,
                max: m,
            }
        }
    }
}

/// How many word tokens may stand between a figure and a post-qualifier (the counted noun and an
/// adjective: `16 شخصا مدنيا على الأقل`).
const POST_QUALIFIER_GAP: usize = 2;

/// A post-qualifier after the figure ending at `end`: (end of the qualifier, words skipped
/// before it, kind).
fn post_qualifier(a: &Analysis<'_>, end: usize) -> Option<(usize, usize, QualKind)> {
    let lex = lexicon();
    for gap in 0..=POST_QUALIFIER_GAP {
        let at = end + gap;
        if gap > 0 {
            let t = a.tokens.get(at - 1)?;
            if t.kind != crate::TokenKind::Arabic || atom(a, at - 1).is_some() {
                return None;
            }
        }
        for (w, pos, kind) in &lex.quals {
            if *pos == QualPos::Post
                && let Some(e) = match_phrase(a, at, w, false)
            {
                return Some((e, gap, *kind));
            }
        }
    }
    None
}

fn pre_qualifier(a: &Analysis<'_>, start: usize) -> Option<(usize, QualKind)> {
    lexicon()
        .quals
        .iter()
        .filter(|(_, pos, _)| *pos == QualPos::Pre)
        .find_map(|(w, _, kind)| match_phrase_before(a, start, w).map(|s| (s, *kind)))
}

fn unit_after(a: &Analysis<'_>, c: &Core) -> Option<NumberUnit> {
    if let Some(d) = &c.digits
        && (d.suffix.starts_with('%') || d.suffix.starts_with('٪'))
    {
        return Some(NumberUnit::Percent);
    }
    lexicon()
        .units
        .iter()
        .find(|(w, _)| match_phrase(a, c.end, w, false).is_some())
        .map(|(_, u)| *u)
}

/// Find every number expression in an analysed text, in text order.
pub fn find_numbers(a: &Analysis<'_>) -> Vec<NumberMention> {
    let cores = cores(a);
    let date_spans = crate::dates::date_token_spans(a);
    let overlaps_date = |r: &Range<usize>| {
        date_spans
            .iter()
            .any(|d| d.start < r.end && r.start < d.end)
    };
    let mut out = Vec::with_capacity(cores.len());
    let mut k = 0;
    while k < cores.len() {
        let c = &cores[k];
        let mut first = c.start;
        let mut last = c.end;
        let core_range;
        let mut count;
        let mut unit = None;
        if let Some(y) = cores.get(k + 1)
            && let Some(s) = range_pair(a, c, y)
            && c.vague.is_none()
            && y.vague.is_none()
        {
            let (lo, hi) = (c.whole().min(y.whole()), c.whole().max(y.whole()));
            count = Count {
                value: lo,
                qualifier: Qualifier::Range,
                min: lo,
                max: hi,
            };
            first = s;
            last = y.end;
            core_range = c.start..y.end;
            unit = unit_after(a, y);
            k += 2;
        } else {
            count = count_of(c);
            if let Some((s, kind)) = pre_qualifier(a, c.start) {
                first = s;
                count = qualify(count, kind);
            } else if let Some((e, gap, kind)) = post_qualifier(a, c.end) {
                // The span takes in a qualifier right after the figure (16 على الأقل) but not
                // one after the counted noun (16 شخصا على الأقل), so that the token after the
                // mention stays the counted noun.
                if gap == 0 {
                    last = e;
                }
                count = qualify(count, kind);
            }
            core_range = c.start..c.end;
            if unit.is_none() {
                unit = unit_after(a, c);
            }
            k += 1;
        }
        let (Some(ft), Some(lt)) = (
            a.tokens.get(first),
            last.checked_sub(1).and_then(|l| a.tokens.get(l)),
        ) else {
            continue;
        };
        out.push(NumberMention {
            start: ft.start,
            end: lt.end,
            tokens: first..last,
            count,
            is_date_part: overlaps_date(&core_range),
            core: core_range,
            unit,
        });
    }
    out
}

/// Read a short phrase (`ثلاثة آلاف وخمسمئة`, `أكثر من 60`, `عشرات`) as a count: the count of
/// the first number expression in it, when there is one.
pub fn parse_number_phrase(s: &str) -> Option<Count> {
    let a = crate::analyze(s);
    find_numbers(&a).first().map(|m| m.count)
}

#[cfg(test)]
mod tests;
