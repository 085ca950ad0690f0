//! Hijri ↔ Gregorian conversion with the **tabular (arithmetical) Islamic calendar**.
//!
//! The tabular calendar alternates 30- and 29-day months and adds a leap day to Dhu al-Hijja in
//! 11 years of every 30-year cycle (years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 — the common
//! "Kuwaiti" intercalation), counted from the civil epoch 1 Muharram 1 AH = 16 July 622 (Julian)
//! = 19 July 622 (proleptic Gregorian). Real months begin with the sighting of the crescent or
//! with Umm al-Qura tables, so a converted date can be off by a day (rarely two) from the date a
//! given country used. That is precise enough for news dates (`15 رمضان 1436`, `1436هـ`).
//!
//! It does not implement Umm al-Qura or observation-based calendars.

use chrono::{Duration, NaiveDate};

/// Days from the epoch to the first day of Hijri year `y` (y ≥ 1).
fn year_start_days(y: i64) -> i64 {
    (y - 1) * 354 + (3 + 11 * y).div_euclid(30)
}

/// Days from the start of a year to the first day of month `m` (1..=12).
fn month_start_days(m: i64) -> i64 {
    (59 * (m - 1) + 1) / 2
}

fn epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(622, 7, 19)
}

/// Whether Hijri year `y` has 355 days.
pub fn is_leap(y: i64) -> bool {
    (14 + 11 * y).rem_euclid(30) < 11
}

/// Length of Hijri month `m` of year `y`.
pub fn month_len(y: i64, m: u32) -> u32 {
    if m % 2 == 1 || (m == 12 && is_leap(y)) {
        30
    } else {
        29
    }
}

/// The Gregorian date of Hijri `d` `m` `y`. `None` for an impossible date (day 30 of a 29-day
/// month, month 13, year < 1) or a year beyond the calendar range.
pub fn to_gregorian(y: i64, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > month_len(y, m) {
        return None;
    }
    let days = year_start_days(y) + month_start_days(i64::from(m)) + i64::from(d) - 1;
    epoch()?.checked_add_signed(Duration::try_days(days)?)
}

/// The Hijri (year, month, day) of a Gregorian date on or after the epoch.
pub fn from_gregorian(date: NaiveDate) -> Option<(i64, u32, u32)> {
    let days = (date - epoch()?).num_days();
    if days < 0 {
        return None;
    }
    // Estimate the year from the mean year length, then correct.
    let mut y = (days * 30) / 10631 + 1;
    while y > 1 && year_start_days(y) > days {
        y -= 1;
    }
    while year_start_days(y + 1) <= days {
        y += 1;
    }
    let in_year = days - year_start_days(y);
    let mut m = 12u32;
    while m > 1 && month_start_days(i64::from(m)) > in_year {
        m -= 1;
    }
    let d = in_year - month_start_days(i64::from(m)) + 1;
    Some((y, m, u32::try_from(d).ok()?))
}

/// First and last Gregorian day of Hijri month `m` of year `y`.
pub fn month_range(y: i64, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((to_gregorian(y, m, 1)?, to_gregorian(y, m, month_len(y, m))?))
}

/// First and last Gregorian day of Hijri year `y`.
pub fn year_range(y: i64) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        to_gregorian(y, 1, 1)?,
        to_gregorian(y, 12, month_len(y, 12))?,
    ))
}

/// The most recent Hijri month `m` that begins on or before `date` (a bare `رمضان` in an article:
/// the Ramadan under way or the last one). With `strictly_before`, the last one that ended
/// before `date`'s own Hijri month (`رمضان الماضي`).
pub fn latest_month(
    date: NaiveDate,
    m: u32,
    strictly_before: bool,
) -> Option<(NaiveDate, NaiveDate)> {
    let (y, cm, _) = from_gregorian(date)?;
    let year = if cm > m || (cm == m && !strictly_before) {
        y
    } else {
        y - 1
    };
    month_range(year, m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn g(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn known_tabular_dates() {
        // 1 Muharram 1 AH is the civil epoch.
        assert_eq!(to_gregorian(1, 1, 1), Some(g(622, 7, 19)));
        // 1 Ramadan 1436 = 18 June 2015 (observed: 18 June in most countries).
        assert_eq!(to_gregorian(1436, 9, 1), Some(g(2015, 6, 18)));
        // 1 Muharram 1445 = 19 July 2023 (Umm al-Qura: 19 July).
        assert_eq!(to_gregorian(1445, 1, 1), Some(g(2023, 7, 19)));
        assert_eq!(to_gregorian(1436, 2, 30), None);
        assert_eq!(to_gregorian(0, 1, 1), None);
    }

    #[test]
    fn round_trip_over_a_century() {
        let mut d = g(1950, 1, 1);
        while d < g(2060, 1, 1) {
            let (y, m, dd) = from_gregorian(d).expect("after epoch");
            assert_eq!(to_gregorian(y, m, dd), Some(d), "{d}");
            d += Duration::days(13);
        }
    }

    #[test]
    fn latest_ramadan_before_a_date() {
        // Doc in March 2024 (Sha'ban/Ramadan 1445 boundary): Ramadan 1445 starts 11 March 2024.
        let (s, _) = latest_month(g(2024, 3, 30), 9, false).expect("range");
        assert_eq!(s, g(2024, 3, 11));
        let (s, _) = latest_month(g(2024, 3, 30), 9, true).expect("range");
        assert_eq!(s.year(), 2023);
        let (s, _) = latest_month(g(2024, 1, 10), 9, false).expect("range");
        assert_eq!(s.year(), 2023);
    }
}
