//! Date expressions → real calendar ranges with a precision, resolved against the document date.
//!
//! Reads, left to right:
//! - absolute dates: `10 فبراير/شباط 2023`, `21 يناير/كانون الثاني 2023`, `11 فبراير` (year from
//!   the document date), `العاشر من رمضان`, numeric `10/2/2023` (day first) and `2023-02-10`;
//! - days and months of relative periods: `15 من الشهر الجاري`, `مارس من العام الماضي`;
//! - months: `نوفمبر 2015`, `فبراير/شباط 2023`, `في ديسمبر/كانون الأول الماضي`, `شهر رمضان`, in
//!   Gregorian (Egyptian/Gulf, Levantine/Syriac, Maghrebi names) and Hijri calendars;
//! - years: `عام 2015`, `في العام 2017`, `في 2017`, `1436هـ` (Hijri, converted);
//! - weekdays: `يوم الجمعة الماضي`, `الأحد`, `اليوم (الاثنين)`;
//! - relative expressions: `أمس`, `أول أمس`, `الأسبوع الماضي`, `العام الماضي`, `مؤخرا`,
//!   `منذ ثلاثة أيام`, `قبل أسبوعين`;
//! - parts of periods: `مطلع الشهر`, `منتصف 2016`, `أواخر ديسمبر الماضي`;
//! - anchored expressions counted from the date last mentioned: `بعدها بستة أيام`,
//!   `بعد ذلك بيومين`, `في اليوم التالي`, `قبلها بأسبوع` (they chain: each result becomes the
//!   new anchor).
//!
//! Conventions (all documented here because callers compare against them):
//! - weeks run Monday..Sunday; `الأسبوع الماضي` is the week before the one holding the document
//!   date; `قبل أسبوعين` is the Monday..Sunday week holding the date 14 days before;
//! - a day or month named without a year takes the document's year, or the year before when
//!   that would put it more than [`FUTURE_SLACK_DAYS`] days after the document date; with
//!   `الماضي` it is the last such day/month strictly before the document's; with `المقبل` the
//!   next one;
//! - a bare weekday is the last such day on or before the document date (news report the past);
//!   with `الماضي` strictly before, with `المقبل` strictly after;
//! - a bare Hijri month (`رمضان`) is the last one that began on or before the document date;
//! - `مطلع/منتصف/أواخر` split a month into days 1–10 / 11–20 / 21–end and a year into
//!   Jan–Apr / May–Aug / Sep–Dec, with precision `unknown`;
//! - `مؤخرا` and friends: a window of the days up to the document date (30 days for مؤخرا, 10
//!   for قبل أيام; sizes in the data file), precision `unknown`;
//! - spans are whole tokens: a proclitic glued to the first word (`وأمس`) is inside the span;
//! - Hijri dates use the tabular Islamic calendar ([`hijri`]): possibly one day off the
//!   observed calendar.
//!
//! Without a document date, expressions that need one are skipped; anchored ones still resolve
//! against an earlier absolute date, and a month or day without a year takes the year of the
//! date last mentioned. Impossible dates (`31 فبراير`) are skipped. It never panics.
//!
//! It does not read times of day, date ranges (`من 10 إلى 15 فبراير` gives the first day only),
//! or decide which event a date belongs to. The Arabic knowledge is in `crates/text/data/dates_*.tsv`.

pub mod hijri;
pub(crate) mod lexicon;

use std::cell::Cell;
use std::ops::Range;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use model::{DateValue, Precision};

use crate::Analysis;
use crate::numbers::lex::{digits_at, is_word, variants};
use crate::numbers::parse_core;
use lexicon::{Anchor, Calendar, Marker, Unit, lexicon};

/// A date expression found in the text, resolved against the document date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DateMention {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Token range of the expression.
    pub tokens: Range<usize>,
    /// The resolved range, its precision and the words.
    pub value: DateValue,
}

/// How many days after the document date a day or month named without a year may fall before
/// it is read as last year's (`في 25 ديسمبر` in a 5 January article is last December).
pub const FUTURE_SLACK_DAYS: i64 = 60;

/// Window of `مؤخرا` when the data file gives none.
const RECENT_DEFAULT_DAYS: i64 = 30;

/// A resolved range before it becomes a [`DateValue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Resolved {
    start: NaiveDate,
    end: NaiveDate,
    precision: Precision,
}

/// What a grammar rule found at a position: the token index past it and the resolved value, or
/// `None` for a well-formed expression that cannot be resolved (impossible date, no anchor):
/// its tokens are consumed and nothing is reported.
type Found = Option<(usize, Option<Resolved>)>;

/// State of one left-to-right pass.
struct Ctx<'t, 'a> {
    a: &'t Analysis<'a>,
    doc: Option<NaiveDate>,
    /// The date last mentioned (anchor of بعدها بستة أيام).
    last: Option<Resolved>,
    /// Set when a rule turned an expression down because of what it resolved to, the only way
    /// the document date or the last date can decide whether an expression starts at a token
    /// (see [`scan`]).
    resolution_decided: Cell<bool>,
}

fn ymd(y: i64, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

fn month_range(y: i64, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let s = ymd(y, m, 1)?;
    let e = s.checked_add_months(Months::new(1))?.pred_opt()?;
    Some((s, e))
}

fn day(d: NaiveDate) -> Resolved {
    Resolved {
        start: d,
        end: d,
        precision: Precision::Day,
    }
}

fn month_of(y: i64, m: u32) -> Option<Resolved> {
    let (start, end) = month_range(y, m)?;
    Some(Resolved {
        start,
        end,
        precision: Precision::Month,
    })
}

fn year_of(y: i64) -> Option<Resolved> {
    Some(Resolved {
        start: ymd(y, 1, 1)?,
        end: ymd(y, 12, 31)?,
        precision: Precision::Year,
    })
}

fn week_of(d: NaiveDate) -> Option<Resolved> {
    let start = d.checked_sub_signed(Duration::days(i64::from(
        d.weekday().num_days_from_monday(),
    )))?;
    Some(Resolved {
        start,
        end: start.checked_add_signed(Duration::days(6))?,
        precision: Precision::Week,
    })
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// The period of `unit` holding `anchor` shifted by `offset` units.
fn shifted_period(anchor: NaiveDate, unit: Unit, offset: i64) -> Option<Resolved> {
    match unit {
        Unit::Hour => Some(day(add_days(anchor, -(offset.abs() / 24))?)),
        Unit::Day => Some(day(add_days(anchor, offset)?)),
        Unit::Week => week_of(add_days(anchor, offset.checked_mul(7)?)?),
        Unit::Month => {
            let d = add_months(anchor.with_day(1)?, offset)?;
            month_of(i64::from(d.year()), d.month())
        }
        Unit::Year => year_of(i64::from(anchor.year()) + offset),
        Unit::Recent => {
            let n = if offset > 0 {
                offset
            } else {
                RECENT_DEFAULT_DAYS
            };
            Some(Resolved {
                start: add_days(anchor, -n)?,
                end: anchor,
                precision: Precision::Unknown,
            })
        }
    }
}

/// Shift a whole resolved range by `n` units (anchored expressions), keeping its precision.
fn shift(r: Resolved, unit: Unit, n: i64) -> Option<Resolved> {
    let f = |d: NaiveDate| match unit {
        Unit::Hour => add_days(d, n / 24),
        Unit::Day => add_days(d, n),
        Unit::Week => add_days(d, n.checked_mul(7)?),
        Unit::Month => add_months(d, n),
        Unit::Year => add_months(d, n.checked_mul(12)?),
        Unit::Recent => None,
    };
    Some(Resolved {
        start: f(r.start)?,
        end: f(r.end)?,
        precision: r.precision,
    })
}

/// Which year a day/month named without one belongs to (see the module conventions).
fn pick_year(anchor: NaiveDate, m: u32, d: u32, modifier: Option<Marker>) -> Option<i64> {
    let y = i64::from(anchor.year());
    let cand = ymd(y, m, d.min(28))?;
    Some(match modifier {
        Some(Marker::Past) => {
            if (m, d) < (anchor.month(), anchor.day()) {
                y
            } else {
                y - 1
            }
        }
        Some(Marker::Future) => {
            if (m, d) > (anchor.month(), anchor.day()) {
                y
            } else {
                y + 1
            }
        }
        Some(Marker::Current) => y,
        _ => {
            if (cand - anchor).num_days() > FUTURE_SLACK_DAYS {
                y - 1
            } else {
                y
            }
        }
    })
}

impl Ctx<'_, '_> {
    fn n(&self) -> usize {
        self.a.tokens.len()
    }

    fn norm(&self, i: usize) -> &str {
        self.a.tokens.get(i).map_or("", |t| t.norm.as_str())
    }

    /// The anchor for a yearless day/month: the document date, else the date last mentioned.
    fn year_anchor(&self) -> Option<NaiveDate> {
        self.doc.or(self.last.map(|l| l.start))
    }

    /// A modifier after a month/weekday: الماضي / المقبل / الجاري.
    fn modifier_at(&self, i: usize) -> Option<(usize, Marker)> {
        let l = lexicon();
        [Marker::Past, Marker::Future, Marker::Current]
            .into_iter()
            .find_map(|m| l.marker_at(self.a, i, m, false).map(|e| (e, m)))
    }

    /// A month name at `i`, with a second name for the same month after a slash or in brackets
    /// (`فبراير/شباط`, `شباط (فبراير)`). Returns (end, calendar, month, ambiguous, combined).
    fn month_at(&self, i: usize) -> Option<(usize, Calendar, u32, bool, bool)> {
        let l = lexicon();
        let (mut end, m) = l.month_at(self.a, i)?;
        let mut combined = false;
        let sep = self.norm(end);
        if matches!(sep, "/" | "\\" | "-" | "(" | "،" | "|")
            && let Some((e2, m2)) = l.month_at(self.a, end + 1)
            && m2.month == m.month
            && m2.calendar == m.calendar
        {
            end = e2;
            combined = true;
            if sep == "(" && self.norm(end) == ")" {
                end += 1;
            }
        }
        Some((end, m.calendar, m.month, m.ambiguous, combined))
    }

    /// A year at `i` in digits with an optional era mark: (end, year, hijri?).
    fn year_digits_at(&self, i: usize, hijri_default: bool) -> Option<(usize, i64, bool)> {
        let d = digits_at(self.a, i)?;
        if !d.plain || !(3..=4).contains(&d.int_digits) || !d.clitic.is_empty() {
            return None;
        }
        let y = d.value as i64;
        let l = lexicon();
        let mut end = d.end;
        let mut hijri = hijri_default;
        match d.suffix.as_str() {
            "" => {
                if let Some(e) = l.marker_at(self.a, end, Marker::EraHijri, false) {
                    end = e;
                    hijri = true;
                } else if let Some(e) = l.marker_at(self.a, end, Marker::EraGreg, false) {
                    end = e;
                    hijri = false;
                }
            }
            "ه" => hijri = true,
            "م" => hijri = false,
            _ => return None,
        }
        let plausible = if hijri {
            (1..=1700).contains(&y)
        } else {
            (1000..=2200).contains(&y)
        };
        plausible.then_some((end, y, hijri))
    }

    /// A day of the month at `i`: digits 1..31 or an ordinal (العاشر، الحادي عشر، الحادي
    /// والعشرين), followed by optional `من` and `شهر`. Returns (end, day).
    fn day_at(&self, i: usize) -> Option<(usize, u32)> {
        let (mut end, day) = if let Some(d) = digits_at(self.a, i) {
            if !d.plain || d.int_digits > 2 || !d.suffix.is_empty() || !d.clitic.is_empty() {
                return None;
            }
            (d.end, d.value as u32)
        } else {
            self.ordinal_day_at(i)?
        };
        if !(1..=31).contains(&day) {
            return None;
        }
        if is_word(self.a, end, "من", false) {
            end += 1;
        }
        if let Some(e) = lexicon().marker_at(self.a, end, Marker::MonthWord, false) {
            end = e;
        }
        Some((end, day))
    }

    /// An ordinal day: العاشر، الحادي عشر، الحادي والعشرين، العشرين، الثلاثين.
    fn ordinal_day_at(&self, i: usize) -> Option<(usize, u32)> {
        let nl = crate::numbers::words::lexicon();
        let norm = self.norm(i);
        let base = variants(norm).find_map(|(_, r)| nl.ordinals.get(r).copied());
        let ten_with_article = |w: &str| {
            w.strip_prefix("ال")
                .and_then(|s| nl.words.get(s))
                .and_then(|r| {
                    r.iter()
                        .find(|(role, _)| *role == crate::numbers::words::Role::Ten)
                })
                .map(|(_, v)| *v)
        };
        match base {
            Some(u) => {
                let next = self.norm(i + 1);
                if nl.words.get(next).is_some_and(|r| {
                    r.iter()
                        .any(|(role, _)| *role == crate::numbers::words::Role::Teen)
                }) {
                    return Some((i + 2, u32::try_from(u).ok()? + 10));
                }
                if let Some(t) = next.strip_prefix('و').and_then(ten_with_article) {
                    return Some((i + 2, u32::try_from(u + t).ok()?));
                }
                Some((i + 1, u32::try_from(u).ok()?))
            }
            None => {
                let t = variants(norm).find_map(|(_, r)| ten_with_article(r))?;
                Some((i + 1, u32::try_from(t).ok()?))
            }
        }
    }

    /// Whether the words before token `i` make a bare (ambiguous) month name a date: في، منذ،
    /// خلال، شهر, or a part-of-period word.
    fn date_context_before(&self, i: usize) -> bool {
        let l = lexicon();
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        [
            Marker::In,
            Marker::MonthWord,
            Marker::Early,
            Marker::Mid,
            Marker::Late,
        ]
        .into_iter()
        .any(|m| l.marker_at(self.a, p, m, true) == Some(i))
    }

    /// `[weekday] day month [year]`.
    fn day_month(&self, i: usize) -> Found {
        let l = lexicon();
        let mut j = i;
        // An optional weekday in front: الأحد 10 فبراير / الأحد، 10 فبراير.
        if l.weekdays.contains_key(self.norm(j)) {
            j += 1;
            if matches!(self.norm(j), "،" | ",") {
                j += 1;
            }
        }
        let (j2, d) = self.day_at(j)?;
        let Some((mut end, cal, m, _, _)) = self.month_at(j2) else {
            return self.day_of_relative_month(j2, d);
        };
        // Optional year: 2023, عام 2023, من العام 2023, 1436هـ.
        let mut k = end;
        if is_word(self.a, k, "من", false)
            && l.marker_at(self.a, k + 1, Marker::YearWord, false)
                .is_some()
        {
            k += 1;
        }
        if let Some(e) = l.marker_at(self.a, k, Marker::YearWord, false) {
            k = e;
        }
        let year = self.year_digits_at(k, cal == Calendar::Hijri);
        if let Some((e, _, _)) = year {
            end = e;
        }
        if year.is_none()
            && cal == Calendar::Gregorian
            && let Some((e, y)) = self.relative_year_after(end)
        {
            return Some((e, y.and_then(|y| ymd(y, m, d)).map(day)));
        }
        let modifier = if year.is_none() {
            self.modifier_at(end)
                .inspect(|(e, _)| end = *e)
                .map(|(_, m)| m)
        } else {
            None
        };
        let date = match (cal, year) {
            (Calendar::Gregorian, Some((_, y, false))) => ymd(y, m, d),
            (Calendar::Gregorian, Some((_, _, true))) => None,
            (Calendar::Hijri, Some((_, y, _))) => hijri::to_gregorian(y, m, d),
            (Calendar::Gregorian, None) => self
                .year_anchor()
                .and_then(|anchor| ymd(pick_year(anchor, m, d, modifier)?, m, d)),
            (Calendar::Hijri, None) => self.year_anchor().and_then(|anchor| {
                let (hy, hm, hd) = hijri::from_gregorian(anchor)?;
                let hy = match modifier {
                    Some(Marker::Past) if (m, d) >= (hm, hd) => hy - 1,
                    Some(Marker::Future) if (m, d) <= (hm, hd) => hy + 1,
                    _ => hy,
                };
                let date = hijri::to_gregorian(hy, m, d)?;
                if modifier.is_none() && (date - anchor).num_days() > FUTURE_SLACK_DAYS {
                    hijri::to_gregorian(hy - 1, m, d)
                } else {
                    Some(date)
                }
            }),
        };
        Some((end, date.map(day)))
    }

    /// `من العام الماضي`, `من هذا العام` after a month name: (end, the year when the document
    /// date is known).
    fn relative_year_after(&self, k: usize) -> Option<(usize, Option<i64>)> {
        if !is_word(self.a, k, "من", false) {
            return None;
        }
        let (end, rel) = lexicon().relative_at(self.a, k + 1, false, |a| a == Anchor::Doc)?;
        if rel.unit != Unit::Year {
            return None;
        }
        Some((end, self.doc.map(|d| i64::from(d.year()) + rel.offset)))
    }

    /// `15 من الشهر الجاري`, `العاشر من الشهر الماضي`: a day of a month named relatively.
    fn day_of_relative_month(&self, k: usize, d: u32) -> Found {
        let l = lexicon();
        let (end, rel) = l.relative_at(self.a, k, false, |a| a == Anchor::Doc)?;
        if rel.unit != Unit::Month {
            return None;
        }
        let r = self.doc.and_then(|doc| {
            let month = shifted_period(doc, Unit::Month, rel.offset)?;
            month.start.with_day(d).map(day)
        });
        Some((end, r))
    }

    /// `month [/month] [year]`, `month الماضي`, `شهر رمضان`.
    fn month(&self, i: usize) -> Found {
        let l = lexicon();
        let mut start = i;
        if let Some(e) = l.marker_at(self.a, i, Marker::MonthWord, true) {
            start = e;
        }
        let (mut end, cal, m, ambiguous, combined) = self.month_at(start)?;
        let mut k = end;
        if l.marker_at(self.a, k, Marker::YearWord, false).is_some()
            || (is_word(self.a, k, "من", false)
                && l.marker_at(self.a, k + 1, Marker::YearWord, false)
                    .is_some())
        {
            k = if is_word(self.a, k, "من", false) {
                k + 1
            } else {
                k
            };
            k = l.marker_at(self.a, k, Marker::YearWord, false).unwrap_or(k);
        }
        if let Some((e, y, hijri)) = self.year_digits_at(k, cal == Calendar::Hijri) {
            end = e;
            let r = match (cal, hijri) {
                (Calendar::Gregorian, false) => month_of(y, m),
                (Calendar::Hijri, _) => hijri::month_range(y, m).map(|(start, end)| Resolved {
                    start,
                    end,
                    precision: Precision::Month,
                }),
                (Calendar::Gregorian, true) => None,
            };
            return Some((end, r));
        }
        if cal == Calendar::Gregorian
            && let Some((e, y)) = self.relative_year_after(end)
        {
            return Some((e, y.and_then(|y| month_of(y, m))));
        }
        let modifier = self.modifier_at(end);
        if ambiguous
            && !combined
            && modifier.is_none()
            && start == i
            && !self.date_context_before(i)
        {
            return None;
        }
        if let Some((e, _)) = modifier {
            end = e;
        }
        let modifier = modifier.map(|(_, m)| m);
        let r = self.year_anchor().and_then(|anchor| match cal {
            Calendar::Gregorian => {
                // For a whole month, الماضي/المقبل compare months, not days.
                let y = i64::from(anchor.year());
                let year = match modifier {
                    Some(Marker::Past) if m >= anchor.month() => y - 1,
                    Some(Marker::Future) if m <= anchor.month() => y + 1,
                    _ => pick_year(anchor, m, 1, modifier)?,
                };
                month_of(year, m)
            }
            Calendar::Hijri => {
                let (s, e) = match modifier {
                    Some(Marker::Future) => {
                        let (hy, hm, _) = hijri::from_gregorian(anchor)?;
                        hijri::month_range(if m > hm { hy } else { hy + 1 }, m)?
                    }
                    Some(Marker::Current) => {
                        let (hy, _, _) = hijri::from_gregorian(anchor)?;
                        hijri::month_range(hy, m)?
                    }
                    Some(Marker::Past) => hijri::latest_month(anchor, m, true)?,
                    _ => hijri::latest_month(anchor, m, false)?,
                };
                Some(Resolved {
                    start: s,
                    end: e,
                    precision: Precision::Month,
                })
            }
        });
        Some((end, r))
    }

    /// `عام 2015`, `العام 2017`, `في 2017` (the في stays outside), `1436هـ`.
    fn year(&self, i: usize) -> Found {
        self.year_inner(i, false)
    }

    /// [`Self::year`]; `forced` accepts a bare 4-digit year (after مطلع/منتصف/أواخر).
    fn year_inner(&self, i: usize, forced: bool) -> Found {
        let l = lexicon();
        let (k, explicit) = match l.marker_at(self.a, i, Marker::YearWord, true) {
            Some(e) => (e, true),
            None => (i, false),
        };
        let (end, y, hijri) = self.year_digits_at(k, false)?;
        let marked = explicit
            || (forced && (1900..=2100).contains(&y))
            || end > k + 1
            || hijri
            || digits_at(self.a, k).is_some_and(|d| !d.suffix.is_empty())
            || (i >= 1
                && l.marker_at(self.a, i - 1, Marker::In, true) == Some(i)
                && (1900..=2100).contains(&y));
        if !marked {
            return None;
        }
        let r = if hijri {
            hijri::year_range(y).map(|(start, end)| Resolved {
                start,
                end,
                precision: Precision::Year,
            })
        } else {
            year_of(y)
        };
        Some((end, r))
    }

    /// `10/2/2023` (day first, as Arabic news write it) and `2023-02-10`.
    fn numeric(&self, i: usize) -> Found {
        let a = self.a;
        let part = |k: usize| {
            digits_at(a, k)
                .filter(|d| d.plain && d.suffix.is_empty() && d.clitic.is_empty() && d.end == k + 1)
        };
        let x = part(i)?;
        let s1 = self.norm(i + 1);
        if !matches!(s1, "/" | "-" | ".") {
            return None;
        }
        let y = part(i + 2)?;
        if self.norm(i + 3) != s1 {
            return None;
        }
        let z = part(i + 4)?;
        if !(0..4).all(|k| crate::numbers::lex::adjacent(a, i + k)) {
            return None;
        }
        let (yy, mm, dd) = if x.int_digits == 4 && z.int_digits <= 2 {
            (x.value, y.value, z.value)
        } else if z.int_digits == 4 && x.int_digits <= 2 {
            (z.value, y.value, x.value)
        } else {
            return None;
        };
        if y.int_digits > 2 {
            return None;
        }
        Some((i + 5, ymd(yy as i64, mm as u32, dd as u32).map(day)))
    }

    /// Whether the weekday-like word at `k` is a numeral: الاثنين من = "the two of", الأحد عشر =
    /// "the eleven".
    fn numeral_follows(&self, k: usize) -> bool {
        is_word(self.a, k + 1, "من", false) || is_word(self.a, k + 1, "عشر", false)
    }

    /// `[يوم] الجمعة [الماضي]`, `اليوم (الاثنين)` is handled with the relative phrases.
    fn weekday(&self, i: usize) -> Found {
        let l = lexicon();
        let k = l.marker_at(self.a, i, Marker::DayWord, true).unwrap_or(i);
        let norm = self.norm(k);
        let wd = variants(norm).find_map(|(_, r)| l.weekdays.get(r).copied())?;
        if k == i && self.numeral_follows(k) {
            return None;
        }
        let mut end = k + 1;
        let modifier = self.modifier_at(end);
        if let Some((e, _)) = modifier {
            end = e;
        }
        let r = self.doc.and_then(|doc| {
            let back = days_since_weekday(doc, wd)?;
            let d = match modifier.map(|(_, m)| m) {
                Some(Marker::Past) => add_days(doc, -(if back == 0 { 7 } else { back })),
                Some(Marker::Future) => add_days(doc, if back == 0 { 7 } else { 7 - back }),
                _ => add_days(doc, -back),
            }?;
            Some(day(d))
        });
        Some((end, r))
    }

    /// A duration at `i`: `ثلاثة أيام`, `يومين`, `أسبوع`, with a ب proclitic when `with_b`
    /// (`بستة أيام`, `بيومين`, `بـ 6 أيام`). Returns (end, unit, count).
    fn duration_at(&self, i: usize, with_b: bool) -> Option<(usize, Unit, i64)> {
        let l = lexicon();
        let mut i = i;
        if with_b && self.norm(i) == "ب" {
            i += 1;
        }
        let want_clitic = |c: &str| {
            if with_b {
                c == "ب" || (c.is_empty() && i > 0 && self.norm(i - 1) == "ب")
            } else {
                c.is_empty()
            }
        };
        // A unit word that carries its own count: يومين، أسبوع، بيومين.
        for (c, r) in variants(self.norm(i)) {
            if let Some((u, n)) = l.units.get(r)
                && *n > 0
                && want_clitic(c)
                // عام 2015 is a year, not "one year".
                && self.year_digits_at(i + 1, false).is_none()
            {
                return Some((i + 1, *u, i64::from(*n)));
            }
        }
        let core = parse_core(self.a, i)?;
        if core.vague.is_some() || !want_clitic(core.clitic) || core.value.fract() != 0.0 {
            return None;
        }
        let (u, _) = l.units.get(self.norm(core.end))?;
        Some((core.end + 1, *u, i64::try_from(core.whole()).ok()?))
    }

    /// `بعدها بستة أيام`, `بعد ذلك بيومين`, `قبلها بأسبوع`: counted from the last date.
    fn anchored(&self, i: usize) -> Found {
        let l = lexicon();
        let (k, sign) = match l.marker_at(self.a, i, Marker::After, true) {
            Some(e) => (e, 1),
            None => (l.marker_at(self.a, i, Marker::Before, true)?, -1),
        };
        let (end, unit, n) = self.duration_at(k, true)?;
        Some((end, self.last.and_then(|last| shift(last, unit, sign * n))))
    }

    /// `منذ ثلاثة أيام`, `قبل أسبوعين`: counted back from the document date.
    fn ago(&self, i: usize) -> Found {
        let l = lexicon();
        let k = l.marker_at(self.a, i, Marker::Ago, true)?;
        let (end, unit, n) = self.duration_at(k, false)?;
        let r = self.doc.and_then(|doc| match unit {
            Unit::Hour => Some(Resolved {
                start: add_days(doc, -((n + 23) / 24))?,
                end: doc,
                precision: Precision::Unknown,
            }),
            _ => shifted_period(doc, unit, -n),
        });
        Some((end, r))
    }

    /// A phrase of `dates_relative.tsv` at `i` (not the `part` ones), plus `اليوم (الاثنين)`.
    fn relative(&self, i: usize) -> Found {
        let l = lexicon();
        let (mut end, rel) = l.relative_at(self.a, i, true, |k| k != Anchor::Part)?;
        // اليوم (الاثنين), أمس الأحد, أول أمس الجمعة: the weekday restates the day. When the two
        // disagree the weekday wins: the document date is often the day a page was fetched, one
        // or two days after the article was written, while the weekday is the writer's own.
        let mut weekday = None;
        if rel.unit == Unit::Day && (-2..=0).contains(&rel.offset) && rel.anchor == Anchor::Doc {
            if self.norm(end) == "("
                && let Some(wd) = l.weekdays.get(self.norm(end + 1))
                && self.norm(end + 2) == ")"
            {
                weekday = Some(*wd);
                end += 3;
            } else if let Some(wd) = l.weekdays.get(self.norm(end))
                && !self.numeral_follows(end)
            {
                weekday = Some(*wd);
                end += 1;
            }
        }
        let anchor = match rel.anchor {
            Anchor::Doc => self.doc,
            Anchor::Prev => self.last.map(|r| r.start),
            Anchor::Part => None,
        };
        let r = anchor.and_then(|d| shifted_period(d, rel.unit, rel.offset));
        let r = match (r, weekday) {
            (Some(r), Some(wd)) => add_days(r.start, -days_since_weekday(r.start, wd)?).map(day),
            (r, _) => r,
        };
        Some((end, r))
    }

    /// `مطلع الشهر`, `منتصف 2016`, `أواخر ديسمبر الماضي`, `نهاية العام الماضي`.
    fn part(&self, i: usize) -> Found {
        let l = lexicon();
        let (k, which) = [Marker::Early, Marker::Mid, Marker::Late]
            .into_iter()
            .find_map(|m| l.marker_at(self.a, i, m, true).map(|e| (e, m)))?;
        // What the part applies to: a month, a year, a relative period, or the bare الشهر/العام.
        let inner = self
            .month(k)
            .or_else(|| self.year_inner(k, true))
            .or_else(|| self.relative(k))
            .or_else(|| {
                let (e, rel) = l.relative_at(self.a, k, false, |k| k == Anchor::Part)?;
                Some((
                    e,
                    self.doc
                        .and_then(|d| shifted_period(d, rel.unit, rel.offset)),
                ))
            })?;
        let (end, r) = inner;
        let r = match r {
            Some(r)
                if matches!(
                    r.precision,
                    Precision::Month | Precision::Year | Precision::Week
                ) =>
            {
                sub_window(r, which)
            }
            Some(_) => {
                self.resolution_decided.set(true);
                return None;
            }
            None => None,
        };
        Some((end, r))
    }

    /// Try every rule at token `i`, most specific first.
    fn at(&self, i: usize) -> Found {
        self.part(i)
            .or_else(|| self.anchored(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.numeric(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.month(i))
            .or_else(|| self.year(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.weekday(i))
    }
}

/// Days from the last weekday `wd` (ISO number, 1 = Monday) on or before `d` to `d`: 0–6.
fn days_since_weekday(d: NaiveDate, wd: u32) -> Option<i64> {
    let target = Weekday::try_from(u8::try_from(wd.checked_sub(1)?).ok()?).ok()?;
    Some(
        (7 + i64::from(d.weekday().num_days_from_monday())
            - i64::from(target.num_days_from_monday()))
            % 7,
    )
}

/// The early / middle / late third of a period (months by days 1–10/11–20/21–end, years by
/// months Jan–Apr/May–Aug/Sep–Dec).
fn sub_window(r: Resolved, which: Marker) -> Option<Resolved> {
    let idx: i64 = match which {
        Marker::Early => 0,
        Marker::Mid => 1,
        _ => 2,
    };
    let (start, end) = if r.precision == Precision::Year {
        let s = add_months(r.start, 4 * idx)?;
        let e = if idx == 2 {
            r.end
        } else {
            add_months(s, 4)?.pred_opt()?
        };
        (s, e)
    } else if r.precision == Precision::Month {
        let s = add_days(r.start, 10 * idx)?;
        let e = if idx == 2 { r.end } else { add_days(s, 9)? };
        (s, e)
    } else {
        let len = (r.end - r.start).num_days() + 1;
        let third = (len / 3).max(1);
        let s = add_days(r.start, third * idx)?;
        let e = if idx == 2 {
            r.end
        } else {
            add_days(s, third - 1)?
        };
        (s, e)
    };
    Some(Resolved {
        start,
        end,
        precision: Precision::Unknown,
    })
}

/// Find and resolve every date expression. `doc_date` anchors relative expressions; without it
/// relative expressions are skipped (anchored ones still follow an earlier absolute date).
pub fn find_dates(a: &Analysis<'_>, doc_date: Option<NaiveDate>) -> Vec<DateMention> {
    scan(a, doc_date)
        .into_iter()
        .filter_map(|(tokens, r)| {
            let r = r?;
            let (first, last) = (
                a.tokens.get(tokens.start)?,
                a.tokens.get(tokens.end.checked_sub(1)?)?,
            );
            Some(DateMention {
                start: first.start,
                end: last.end,
                tokens,
                value: DateValue {
                    start: r.start,
                    end: r.end,
                    precision: r.precision,
                    text: a
                        .text
                        .get(first.byte_start..last.byte_end)
                        .map(str::to_string),
                },
            })
        })
        .collect()
}

/// One left-to-right pass: every date expression's tokens and its resolution, `None` when it
/// could not be resolved (no document date, no anchor, impossible date).
///
/// Each text is scanned twice (by [`find_dates`] and, for its date spans, by `find_numbers`), and
/// most tokens that pass the start filter start no expression after trying every rule. Whether a
/// rule matches at a token depends on the tokens alone, except where `part` turns down an
/// expression for what it resolved to, so the first pass records the tokens where nothing
/// matched without that and later passes skip them.
fn scan(a: &Analysis<'_>, doc_date: Option<NaiveDate>) -> Vec<(Range<usize>, Option<Resolved>)> {
    let mut ctx = Ctx {
        a,
        doc: doc_date,
        last: None,
        resolution_decided: Cell::new(false),
    };
    let known = a.memo.no_date.get().filter(|v| v.len() == a.tokens.len());
    let mut no_date = match known {
        Some(_) => Vec::new(),
        None => vec![false; a.tokens.len()],
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.n() {
        let skip = match known {
            Some(k) => k[i],
            None => a.start_mask(i) & crate::numbers::lex::START_DATE == 0,
        };
        if skip {
            if let Some(x) = no_date.get_mut(i) {
                *x = true;
            }
            i += 1;
            continue;
        }
        ctx.resolution_decided.set(false);
        match ctx.at(i) {
            Some((end, r)) if end > i => {
                if let Some(r) = r
                    && r.precision != Precision::Unknown
                {
                    ctx.last = Some(r);
                }
                out.push((i..end, r));
                i = end;
            }
            _ => {
                if !ctx.resolution_decided.get()
                    && let Some(x) = no_date.get_mut(i)
                {
                    *x = true;
                }
                i += 1;
            }
        }
    }
    if known.is_none() {
        // Tokens skipped inside an expression stay unknown (false): a later pass that reads the
        // expression differently tries them.
        let _ = a.memo.no_date.set(no_date);
    }
    out
}

/// Token ranges of every date expression, whatever the document date (used to flag numbers that
/// are parts of dates).
pub(crate) fn date_token_spans(a: &Analysis<'_>) -> Vec<Range<usize>> {
    // Any fixed anchor works: only the spans are used, resolved or not.
    let anchor = NaiveDate::from_ymd_opt(2000, 6, 15);
    scan(a, anchor).into_iter().map(|(t, _)| t).collect()
}

/// Resolve a relative phrase on its own (`الأسبوع الماضي`, `منذ ثلاثة أيام`) against a date.
pub fn resolve_relative(phrase: &str, doc_date: NaiveDate) -> Option<DateValue> {
    let a = crate::analyze(phrase);
    find_dates(&a, Some(doc_date))
        .into_iter()
        .next()
        .map(|d| d.value)
}

#[cfg(test)]
mod tests;
