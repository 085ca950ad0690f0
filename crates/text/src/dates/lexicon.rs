//! The date lexicons (`crates/text/data/dates_*.tsv`), loaded once and folded to the match form.
//! Only lookups live here; the grammar is in [`super`].

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::Analysis;
use crate::numbers::lex::{PhraseIndex, rows};

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Calendar {
    /// Gregorian (all naming traditions).
    Gregorian,
    /// Hijri (tabular conversion, see [`super::hijri`]).
    Hijri,
}

/// A calendar unit of offsets and durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Hours (durations only).
    Hour,
    /// Days.
    Day,
    /// Monday..Sunday weeks.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
    /// A window of `offset` days ending on the anchor (مؤخرا).
    Recent,
}

/// What a relative phrase is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The document date.
    Doc,
    /// The date last mentioned in the text.
    Prev,
    /// Only after a part-of-period word (مطلع الشهر): the document's period.
    Part,
}

/// Closed word classes (`dates_markers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    YearWord,
    EraHijri,
    EraGreg,
    Past,
    Future,
    Current,
    DayWord,
    MonthWord,
    In,
    Early,
    Mid,
    Late,
    After,
    Before,
    Ago,
}

/// A month name entry.
#[derive(Debug, Clone)]
pub(crate) struct Month {
    pub words: Vec<String>,
    pub calendar: Calendar,
    pub month: u32,
    pub ambiguous: bool,
}

/// A relative phrase entry.
#[derive(Debug, Clone)]
pub(crate) struct Relative {
    pub words: Vec<String>,
    pub anchor: Anchor,
    pub unit: Unit,
    pub offset: i64,
}

/// All date lexicons.
pub(crate) struct DateLexicon {
    /// Month names.
    pub months: PhraseIndex<Month>,
    /// Weekday names → ISO weekday number (1 = Monday).
    pub weekdays: HashMap<String, u32>,
    /// Relative phrases.
    pub relative: PhraseIndex<Relative>,
    /// Duration unit words → (unit, count implied by the word).
    pub units: HashMap<String, (Unit, u32)>,
    /// Marker phrases.
    pub markers: PhraseIndex<Marker>,
}

static LEXICON: LazyLock<DateLexicon> = LazyLock::new(load);

/// The lexicons, loaded on first use.
pub(crate) fn lexicon() -> &'static DateLexicon {
    &LEXICON
}

fn unit(s: &str) -> Option<Unit> {
    Some(match s {
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "recent" => Unit::Recent,
        _ => return None,
    })
}

fn marker(s: &str) -> Option<Marker> {
    Some(match s {
        "year_word" => Marker::YearWord,
        "era_hijri" => Marker::EraHijri,
        "era_greg" => Marker::EraGreg,
        "past" => Marker::Past,
        "future" => Marker::Future,
        "current" => Marker::Current,
        "day_word" => Marker::DayWord,
        "month_word" => Marker::MonthWord,
        "in" => Marker::In,
        "early" => Marker::Early,
        "mid" => Marker::Mid,
        "late" => Marker::Late,
        "after" => Marker::After,
        "before" => Marker::Before,
        "ago" => Marker::Ago,
        _ => return None,
    })
}

fn load() -> DateLexicon {
    let months: Vec<Month> = rows(include_str!("../../data/dates_months.tsv"))
        .filter_map(|(words, f)| {
            let calendar = match *f.first()? {
                "g" => Calendar::Gregorian,
                "h" => Calendar::Hijri,
                _ => return None,
            };
            let month = f.get(1)?.parse().ok().filter(|m| (1..=12).contains(m))?;
            Some(Month {
                words,
                calendar,
                month,
                ambiguous: f.get(2) == Some(&"ambiguous"),
            })
        })
        .collect();
    let months = PhraseIndex::new(months.into_iter().map(|m| (m.words.clone(), m)));
    let weekdays = rows(include_str!("../../data/dates_weekdays.tsv"))
        .filter_map(|(w, f)| {
            Some((
                w.concat(),
                f.first()?.parse().ok().filter(|d| (1..=7).contains(d))?,
            ))
        })
        .collect();
    let relative: Vec<Relative> = rows(include_str!("../../data/dates_relative.tsv"))
        .filter_map(|(words, f)| {
            let anchor = match *f.first()? {
                "doc" => Anchor::Doc,
                "prev" => Anchor::Prev,
                "part" => Anchor::Part,
                _ => return None,
            };
            Some(Relative {
                words,
                anchor,
                unit: unit(f.get(1)?)?,
                offset: f.get(2)?.parse().ok()?,
            })
        })
        .collect();
    let relative = PhraseIndex::new(relative.into_iter().map(|r| (r.words.clone(), r)));
    let units = rows(include_str!("../../data/dates_units.tsv"))
        .filter_map(|(w, f)| Some((w.concat(), (unit(f.first()?)?, f.get(1)?.parse().ok()?))))
        .collect();
    let markers: Vec<(Vec<String>, Marker)> = rows(include_str!("../../data/dates_markers.tsv"))
        .filter_map(|(w, f)| Some((w, marker(f.first()?)?)))
        .collect();
    let markers = PhraseIndex::new(markers);
    DateLexicon {
        months,
        weekdays,
        relative,
        units,
        markers,
    }
}

impl DateLexicon {
    /// First words of every phrase and every weekday name (for the start pre-filter).
    pub(crate) fn first_words(&self) -> impl Iterator<Item = &str> {
        self.months
            .first_words()
            .chain(self.relative.first_words())
            .chain(self.markers.first_words())
            .chain(self.weekdays.keys().map(String::as_str))
    }

    /// The marker phrase of class `m` at token `i`; returns the token index past it.
    pub(crate) fn marker_at(
        &self,
        a: &Analysis<'_>,
        i: usize,
        m: Marker,
        clitic: bool,
    ) -> Option<usize> {
        self.markers
            .find_at(a, i, clitic, |k| *k == m)
            .map(|(e, _)| e)
    }

    /// The month name at token `i` (first word may carry a proclitic).
    pub(crate) fn month_at(&self, a: &Analysis<'_>, i: usize) -> Option<(usize, &Month)> {
        self.months.find_at(a, i, true, |_| true)
    }

    /// The relative phrase at token `i` whose anchor satisfies `pred`.
    pub(crate) fn relative_at(
        &self,
        a: &Analysis<'_>,
        i: usize,
        clitic: bool,
        pred: impl Fn(Anchor) -> bool,
    ) -> Option<(usize, &Relative)> {
        self.relative.find_at(a, i, clitic, |r| pred(r.anchor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lexicons_load() {
        let l = lexicon();
        let a = crate::analyze("كانون الثاني وبعد ذلك في اليوم التالي");
        assert_eq!(l.month_at(&a, 0).map(|(e, m)| (e, m.month)), Some((2, 1)));
        assert_eq!(l.marker_at(&a, 2, Marker::After, true), Some(4));
        assert_eq!(
            l.relative_at(&a, 4, true, |k| k == Anchor::Prev)
                .map(|(e, _)| e),
            Some(7)
        );
        assert_eq!(l.weekdays.len(), 7, "الاثنين and الإثنين fold together");
    }
}
