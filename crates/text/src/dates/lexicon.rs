//! The date lexicons (`crates/text/data/dates_*.tsv`), loaded once and folded to the match form.
//! Only lookups live here; the grammar is in [`super`].

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::Analysis;
use crate::numbers::lex::{match_phrase, rows};

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
    /// Month names, longest first.
    pub months: Vec<Month>,
    /// Weekday names → ISO weekday number (1 = Monday).
    pub weekdays: HashMap<String, u32>,
    /// Relative phrases, longest first.
    pub relative: Vec<Relative>,
    /// Duration unit words → (unit, count implied by the word).
    pub units: HashMap<String, (Unit, u32)>,
    /// Marker phrases, longest first.
    pub markers: Vec<(Vec<String>, Marker)>,
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
    let mut months: Vec<Month> = rows(include_str!("../../data/dates_months.tsv"))
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
    months.sort_by_key(|m| std::cmp::Reverse(m.words.len()));
    let weekdays = rows(include_str!("../../data/dates_weekdays.tsv"))
        .filter_map(|(w, f)| Some((w.concat(), f.first()?.parse().ok().filter(|d| (1..=7).contains(d))?)))
        .collect();
    let mut relative: Vec<Relative> = rows(include_str!("../../data/dates_relative.tsv"))
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
    relative.sort_by_key(|r| std::cmp::Reverse(r.words.len()));
    let units = rows(include_str!("../../data/dates_units.tsv"))
        .filter_map(|(w, f)| Some((w.concat(), (unit(f.first()?)?, f.get(1)?.parse().ok()?))))
        .collect();
    let mut markers: Vec<(Vec<String>, Marker)> = rows(include_str!("../../data/dates_markers.tsv"))
        .filter_map(|(w, f)| Some((w, marker(f.first()?)?)))
        .collect();
    markers.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    DateLexicon {
        months,
        weekdays,
        relative,
        units,
        markers,
    }
}

impl DateLexicon {
    /// The marker phrase of class `m` at token `i`; returns the token index past it.
    pub(crate) fn marker_at(&self, a: &Analysis<'_>, i: usize, m: Marker, clitic: bool) -> Option<usize> {
        self.markers
            .iter()
            .filter(|(_, k)| *k == m)
            .find_map(|(w, _)| match_phrase(a, i, w, clitic))
    }

    /// The month name at token `i` (first word may carry a proclitic).
    pub(crate) fn month_at(&self, a: &Analysis<'_>, i: usize) -> Option<(usize, &Month)> {
        self.months
            .iter()
            .find_map(|m| match_phrase(a, i, &m.words, true).map(|e| (e, m)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lexicons_load() {
        let l = lexicon();
        assert!(l.months.len() > 60);
        assert_eq!(l.months[0].words.len(), 2, "multi-word names come first");
        assert_eq!(l.weekdays.len(), 7, "الاثنين and الإثنين fold together");
        assert!(l.relative.iter().any(|r| r.anchor == Anchor::Prev));
        assert!(l.markers.iter().any(|(_, m)| *m == Marker::After));
    }
}
