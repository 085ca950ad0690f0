//! Tests of the date grammar: Arabic sentences written for these tests.
use model::Precision::{self, *};

use super::*;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).expect("valid test date")
}

type Row = (String, NaiveDate, NaiveDate, Precision);

fn dates(s: &str, doc: Option<NaiveDate>) -> Vec<Row> {
    let a = crate::analyze(s);
    find_dates(&a, doc)
        .into_iter()
        .map(|m| {
            let t: String = s.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(
                m.value.text.as_deref(),
                Some(t.as_str()),
                "text matches span"
            );
            (t, m.value.start, m.value.end, m.value.precision)
        })
        .collect()
}

/// The single date of `s` against `doc` (fails when there is not exactly one).
fn one(s: &str, doc: NaiveDate) -> Row {
    let v = dates(s, Some(doc));
    assert_eq!(v.len(), 1, "{s}: {v:?}");
    v.into_iter().next().expect("one date")
}

fn range(s: &str, doc: NaiveDate) -> (NaiveDate, NaiveDate, Precision) {
    let (_, a, b, p) = one(s, doc);
    (a, b, p)
}

const DOC: (i32, u32, u32) = (2023, 2, 24); // a Friday

fn doc() -> NaiveDate {
    d(DOC.0, DOC.1, DOC.2)
}

#[test]
fn day_month_year_combined_names() {
    assert_eq!(
        one("في 10 فبراير/شباط 2023، أعلنت الولايات المتحدة", doc()),
        (
            "10 فبراير/شباط 2023".into(),
            d(2023, 2, 10),
            d(2023, 2, 10),
            Day
        )
    );
    assert_eq!(
        range("وفي 21 يناير/كانون الثاني 2023، أسفرت عملية", doc()),
        (d(2023, 1, 21), d(2023, 1, 21), Day)
    );
    assert_eq!(
        range("في 3 شباط/فبراير 2021", doc()),
        (d(2021, 2, 3), d(2021, 2, 3), Day)
    );
    assert_eq!(
        range("في 5 آذار 2019", doc()),
        (d(2019, 3, 5), d(2019, 3, 5), Day)
    );
    assert_eq!(
        range("في 7 تشرين الأول 2018", doc()),
        (d(2018, 10, 7), d(2018, 10, 7), Day)
    );
    assert_eq!(
        range("يوم ٧ أكتوبر ٢٠٢٣", doc()),
        (d(2023, 10, 7), d(2023, 10, 7), Day)
    );
    assert_eq!(
        range("في 10 يونيو من العام 2014", doc()),
        (d(2014, 6, 10), d(2014, 6, 10), Day)
    );
}

#[test]
fn maghrebi_month_names() {
    assert_eq!(
        range("في جانفي 2020", doc()),
        (d(2020, 1, 1), d(2020, 1, 31), Month)
    );
    assert_eq!(
        range("في 14 جويلية 2016", doc()),
        (d(2016, 7, 14), d(2016, 7, 14), Day)
    );
    assert_eq!(
        range("منذ أوت 2019", doc()),
        (d(2019, 8, 1), d(2019, 8, 31), Month)
    );
    assert_eq!(
        range("في فيفري 2015", doc()),
        (d(2015, 2, 1), d(2015, 2, 28), Month)
    );
    assert_eq!(
        range("في 2 أفريل 2022", doc()),
        (d(2022, 4, 2), d(2022, 4, 2), Day)
    );
}

#[test]
fn day_month_without_year_takes_the_documents_year() {
    assert_eq!(
        range("في 11 فبراير/شباط", doc()),
        (d(2023, 2, 11), d(2023, 2, 11), Day)
    );
    // Far in the future of the document → last year.
    assert_eq!(
        range("في 25 ديسمبر", doc()),
        (d(2022, 12, 25), d(2022, 12, 25), Day)
    );
    assert_eq!(
        range("في 11 فبراير الماضي", d(2023, 2, 5)),
        (d(2022, 2, 11), d(2022, 2, 11), Day)
    );
}

#[test]
fn month_and_year() {
    assert_eq!(
        one("هجمات باريس في نوفمبر 2015", doc()),
        ("نوفمبر 2015".into(), d(2015, 11, 1), d(2015, 11, 30), Month)
    );
    assert_eq!(
        range("منذ يناير/كانون الثاني 2022", doc()),
        (d(2022, 1, 1), d(2022, 1, 31), Month)
    );
    assert_eq!(
        range("وفي أغسطس/آب 2020، أعلنت", doc()),
        (d(2020, 8, 1), d(2020, 8, 31), Month)
    );
    assert_eq!(
        range("في فبراير 2024", doc()),
        (d(2024, 2, 1), d(2024, 2, 29), Month)
    );
}

#[test]
fn month_without_year() {
    assert_eq!(
        one("وفي ديسمبر/كانون الأول الماضي، ألقت القوات", doc()),
        (
            "ديسمبر/كانون الأول الماضي".into(),
            d(2022, 12, 1),
            d(2022, 12, 31),
            Month
        )
    );
    assert_eq!(
        range("في ديسمبر الماضي", doc()),
        (d(2022, 12, 1), d(2022, 12, 31), Month)
    );
    // الماضي means before the document's month, even for the same month name.
    assert_eq!(
        range("في فبراير الماضي", doc()),
        (d(2022, 2, 1), d(2022, 2, 28), Month)
    );
    assert_eq!(
        range("في يناير الماضي", doc()),
        (d(2023, 1, 1), d(2023, 1, 31), Month)
    );
    assert_eq!(
        range("في مايو المقبل", doc()),
        (d(2023, 5, 1), d(2023, 5, 31), Month)
    );
    assert_eq!(
        range("في يناير المقبل", doc()),
        (d(2024, 1, 1), d(2024, 1, 31), Month)
    );
    assert_eq!(
        range("خلال نيسان الجاري", d(2023, 4, 9)),
        (d(2023, 4, 1), d(2023, 4, 30), Month)
    );
}

#[test]
fn ambiguous_month_words_need_context() {
    // مارس "he practised"; آب "father"-like; رمضان a first name.
    assert!(dates("مارس الضغط على الحكومة", Some(doc())).is_empty());
    assert!(dates("قال رمضان عبد الله", Some(doc())).is_empty());
    assert_eq!(
        range("وفي مارس الماضي", doc()),
        (d(2022, 3, 1), d(2022, 3, 31), Month)
    );
    assert_eq!(
        range("في 5 مارس", doc()),
        (d(2023, 3, 5), d(2023, 3, 5), Day)
    );
}

#[test]
fn years() {
    assert_eq!(
        one("في العام 2017", doc()),
        ("العام 2017".into(), d(2017, 1, 1), d(2017, 12, 31), Year)
    );
    assert_eq!(
        range("منذ عام 2015", doc()),
        (d(2015, 1, 1), d(2015, 12, 31), Year)
    );
    assert_eq!(one("ضربت لندن في 2017", doc()).0, "2017");
    assert_eq!(
        range("سنة 2001م", doc()),
        (d(2001, 1, 1), d(2001, 12, 31), Year)
    );
    // A bare number is not a year without a cue.
    assert!(dates("قتل 2017 شخصا", Some(doc())).is_empty());
}

#[test]
fn hijri_dates_are_converted() {
    assert_eq!(
        range("في 15 رمضان 1436", doc()),
        (d(2015, 7, 2), d(2015, 7, 2), Day)
    );
    assert_eq!(one("عام 1436هـ", doc()).1, d(2014, 10, 25));
    assert_eq!(
        range("في 1436 هـ", doc()),
        (d(2014, 10, 25), d(2015, 10, 14), Year)
    );
    assert_eq!(
        range("في شهر رمضان 1444", doc()),
        (d(2023, 3, 23), d(2023, 4, 21), Month)
    );
    // Tabular calendar: 29 June; Saudi Arabia observed 10 Dhu al-Hijja 1444 on 28 June.
    assert_eq!(
        range("في 10 ذو الحجة 1444", doc()),
        (d(2023, 6, 29), d(2023, 6, 29), Day)
    );
}

#[test]
fn bare_ramadan_is_the_last_one_before_the_document() {
    // Document of 2024-03-30 falls inside Ramadan 1445 (tabular start 2024-03-11).
    assert_eq!(range("خلال رمضان", d(2024, 3, 30)).0, d(2024, 3, 11));
    // Document before Ramadan 1444 → Ramadan 1443 (2022).
    assert_eq!(range("في شهر رمضان", doc()).0, d(2022, 4, 3));
    assert_eq!(range("في رمضان الماضي", d(2024, 3, 30)).0.year(), 2023);
}

#[test]
fn weekdays() {
    // doc is Friday 2023-02-24.
    assert_eq!(
        range("يوم الجمعة الماضي", doc()),
        (d(2023, 2, 17), d(2023, 2, 17), Day)
    );
    assert_eq!(
        range("وقع الهجوم الأحد", doc()),
        (d(2023, 2, 19), d(2023, 2, 19), Day)
    );
    assert_eq!(
        range("وقال الجيش يوم الجمعة", doc()),
        (d(2023, 2, 24), d(2023, 2, 24), Day)
    );
    assert_eq!(
        range("يوم الاثنين المقبل", doc()),
        (d(2023, 2, 27), d(2023, 2, 27), Day)
    );
    assert_eq!(
        one("قال الوزير اليوم (الجمعة) إن", doc()),
        ("اليوم (الجمعة)".into(), d(2023, 2, 24), d(2023, 2, 24), Day)
    );
    assert_eq!(one("قال الوزير اليوم الجمعة إن", doc()).0, "اليوم الجمعة");
    // الاثنين من = "the two of", not Monday.
    assert!(dates("قتل الاثنين من الجنود", Some(doc())).is_empty());
}

#[test]
fn a_weekday_after_yesterday_or_today_wins() {
    // Document dated Friday 24 Feb: أمس الخميس agrees with the date.
    assert_eq!(
        range("قتل أمس الخميس", doc()),
        (d(2023, 2, 23), d(2023, 2, 23), Day)
    );
    assert_eq!(one("قتل أمس الخميس جنديان", doc()).0, "أمس الخميس");
    // A page fetched a day or two late: the writer's weekday is the day it happened.
    assert_eq!(
        range("وقعت الانفجارات صباح أمس الأربعاء", doc()),
        (d(2023, 2, 22), d(2023, 2, 22), Day)
    );
    assert_eq!(
        range("قال الوزير اليوم (الخميس) إن", doc()),
        (d(2023, 2, 23), d(2023, 2, 23), Day)
    );
    // الأحد عشر = "the eleven", not Sunday.
    assert_eq!(
        range("قتل أمس الأحد عشر جنديا", doc()),
        (d(2023, 2, 23), d(2023, 2, 23), Day)
    );
}

#[test]
fn relative_days() {
    assert_eq!(
        range("قتل أمس", doc()),
        (d(2023, 2, 23), d(2023, 2, 23), Day)
    );
    assert_eq!(
        range("قتل أول أمس", doc()),
        (d(2023, 2, 22), d(2023, 2, 22), Day)
    );
    assert_eq!(
        range("قتل أمس الأول", doc()),
        (d(2023, 2, 22), d(2023, 2, 22), Day)
    );
    assert_eq!(
        range("وقع الانفجار الليلة الماضية", doc()),
        (d(2023, 2, 23), d(2023, 2, 23), Day)
    );
    assert_eq!(
        range("قالت الشرطة صباح اليوم", doc()),
        (d(2023, 2, 24), d(2023, 2, 24), Day)
    );
    assert_eq!(
        range("منذ ثلاثة أيام", doc()),
        (d(2023, 2, 21), d(2023, 2, 21), Day)
    );
    assert_eq!(
        range("قبل يومين", doc()),
        (d(2023, 2, 22), d(2023, 2, 22), Day)
    );
}

#[test]
fn relative_weeks_months_years() {
    // Gold convention: doc Saturday 2024-03-30 → previous Monday..Sunday week.
    assert_eq!(
        range("في موسكو الأسبوع الماضي، الذي", d(2024, 3, 30)),
        (d(2024, 3, 18), d(2024, 3, 24), Week)
    );
    assert_eq!(
        range("قبل أسبوعين", d(2024, 3, 30)),
        (d(2024, 3, 11), d(2024, 3, 17), Week)
    );
    assert_eq!(
        range("الشهر الماضي", doc()),
        (d(2023, 1, 1), d(2023, 1, 31), Month)
    );
    assert_eq!(
        range("الشهر الماضي", d(2023, 3, 31)),
        (d(2023, 2, 1), d(2023, 2, 28), Month)
    );
    assert_eq!(
        range("العام الماضي", doc()),
        (d(2022, 1, 1), d(2022, 12, 31), Year)
    );
    assert_eq!(
        range("السنة الماضية", doc()),
        (d(2022, 1, 1), d(2022, 12, 31), Year)
    );
    assert_eq!(
        range("منذ ثلاث سنوات", doc()),
        (d(2020, 1, 1), d(2020, 12, 31), Year)
    );
    assert_eq!(
        range("قبل شهرين", doc()),
        (d(2022, 12, 1), d(2022, 12, 31), Month)
    );
}

#[test]
fn recently_is_an_unknown_window() {
    let (s, e, p) = range("ما جرى مؤخرا بمنطقة الوادي", d(2024, 7, 20));
    assert_eq!((e, p), (d(2024, 7, 20), Unknown));
    assert!(s <= d(2024, 7, 1));
    assert_eq!(range("في الآونة الأخيرة", doc()).2, Unknown);
}

#[test]
fn parts_of_periods() {
    assert_eq!(
        range("مطلع الشهر", doc()),
        (d(2023, 2, 1), d(2023, 2, 10), Unknown)
    );
    assert_eq!(
        range("منتصف الشهر الماضي", doc()),
        (d(2023, 1, 11), d(2023, 1, 20), Unknown)
    );
    assert_eq!(
        range("أواخر ديسمبر الماضي", doc()),
        (d(2022, 12, 21), d(2022, 12, 31), Unknown)
    );
    assert_eq!(
        range("مطلع العام", doc()),
        (d(2023, 1, 1), d(2023, 4, 30), Unknown)
    );
    assert_eq!(
        range("منتصف 2016", doc()),
        (d(2016, 5, 1), d(2016, 8, 31), Unknown)
    );
    assert_eq!(
        range("نهاية العام الماضي", doc()),
        (d(2022, 9, 1), d(2022, 12, 31), Unknown)
    );
}

#[test]
fn anchored_expressions_chain() {
    let v = dates(
        "ففي 11 فبراير/شباط 2023، اختطف مقاتلو داعش 75 صيادا. بعدها بستة أيام، هاجم التنظيم. وبعد ذلك بيومين قتل جندي.",
        Some(doc()),
    );
    let got: Vec<(&str, NaiveDate)> = v.iter().map(|r| (r.0.as_str(), r.1)).collect();
    assert_eq!(
        got,
        vec![
            ("11 فبراير/شباط 2023", d(2023, 2, 11)),
            ("بعدها بستة أيام", d(2023, 2, 17)),
            ("وبعد ذلك بيومين", d(2023, 2, 19)),
        ]
    );
}

#[test]
fn anchored_next_day_and_before() {
    let v = dates(
        "في 3 مايو 2019 وقع الهجوم، وفي اليوم التالي اعتقل المنفذ، وقبلها بأسبوع",
        Some(doc()),
    );
    assert_eq!(
        v.iter().map(|r| r.1).collect::<Vec<_>>(),
        vec![d(2019, 5, 3), d(2019, 5, 4), d(2019, 4, 27)]
    );
    // بـ 6 أيام with a detached ب.
    let v = dates("في 1 مايو 2019. بعدها بـ 6 أيام", None);
    assert_eq!(v.last().map(|r| r.1), Some(d(2019, 5, 7)));
}

#[test]
fn without_a_document_date() {
    // Relative expressions are skipped, absolute ones kept, anchors still follow absolute dates.
    let v = dates(
        "أمس والأسبوع الماضي وفي 10 فبراير 2023 ثم في اليوم التالي",
        None,
    );
    assert_eq!(
        v.iter().map(|r| r.1).collect::<Vec<_>>(),
        vec![d(2023, 2, 10), d(2023, 2, 11)]
    );
    // An anchored phrase with nothing before it resolves to nothing.
    assert!(dates("بعدها بستة أيام هاجم التنظيم", None).is_empty());
    // A yearless date follows the year of the last date.
    let v = dates("في 10 فبراير 2019 ثم في 3 مارس", None);
    assert_eq!(v.last().map(|r| r.1), Some(d(2019, 3, 3)));
}

#[test]
fn numeric_dates() {
    assert_eq!(
        range("بتاريخ 10/2/2023", doc()),
        (d(2023, 2, 10), d(2023, 2, 10), Day)
    );
    assert_eq!(
        range("بتاريخ 2023-02-10", doc()),
        (d(2023, 2, 10), d(2023, 2, 10), Day)
    );
}

#[test]
fn ordinal_days() {
    assert_eq!(
        range("في العاشر من رمضان 1444", doc()),
        (d(2023, 4, 1), d(2023, 4, 1), Day)
    );
    assert_eq!(
        range("هجمات الحادي عشر من سبتمبر 2001", doc()),
        (d(2001, 9, 11), d(2001, 9, 11), Day)
    );
    assert_eq!(
        range("في الحادي والعشرين من يناير", doc()),
        (d(2023, 1, 21), d(2023, 1, 21), Day)
    );
}

#[test]
fn month_of_a_relative_year() {
    assert_eq!(
        range("في مارس من العام الماضي", doc()),
        (d(2022, 3, 1), d(2022, 3, 31), Month)
    );
    assert_eq!(
        range("في 5 يونيو من هذا العام", doc()),
        (d(2023, 6, 5), d(2023, 6, 5), Day)
    );
    assert_eq!(range("في عامي 2014 و2015", doc()).0, d(2014, 1, 1));
}

#[test]
fn day_of_a_relative_month() {
    assert_eq!(
        range("في 15 من الشهر الجاري", doc()),
        (d(2023, 2, 15), d(2023, 2, 15), Day)
    );
    assert_eq!(
        range("في العاشر من الشهر الماضي", doc()),
        (d(2023, 1, 10), d(2023, 1, 10), Day)
    );
    assert!(dates("في 31 من الشهر الجاري", Some(doc())).is_empty());
}

#[test]
fn impossible_dates_are_skipped() {
    assert!(dates("في 31 فبراير 2023", Some(doc())).is_empty());
    assert!(
        dates("في 30 نوفمبر 9999999", Some(doc()))
            .iter()
            .all(|r| r.1.year() < 10000)
    );
    assert!(dates("في 30 صفر 1444", Some(doc())).is_empty());
    assert!(dates("بتاريخ 45/13/2023", Some(doc())).is_empty());
}

#[test]
fn extreme_document_dates_do_not_panic() {
    for doc in [NaiveDate::MIN, NaiveDate::MAX, d(1, 1, 1), d(622, 7, 19)] {
        let _ = dates(
            "أمس الأسبوع الماضي العام المقبل قبل 999999999 عاما بعدها بـ 99999999999 يوما رمضان الجمعة الماضي مطلع العام 15 رمضان 1436 في 25 ديسمبر",
            Some(doc),
        );
    }
}

#[test]
fn resolve_relative_helper() {
    let v = resolve_relative("الأسبوع الماضي", d(2024, 3, 30)).expect("resolves");
    assert_eq!(
        (v.start, v.end, v.precision),
        (d(2024, 3, 18), d(2024, 3, 24), Week)
    );
    assert_eq!(resolve_relative("لا شيء", doc()), None);
}

/// Where an expression is turned down for what it resolves to (a part of a single day), or a
/// date only some years have (29 February) decides whether a later one is anchored, a scan with
/// one document date must not teach a later scan with another to skip a token.
#[test]
fn scans_with_other_dates_share_nothing_wrong() {
    let texts = [
        "وقع الهجوم منتصف اليوم وقتل 3",
        "في 29 فبراير وقع الانفجار ثم أواخر اليوم التالي قتل 5",
        "في 30 ذو الحجة ثم منتصف اليوم التالي",
        "مطلع الشهر الماضي ومنتصف أمس و10 فبراير 2023",
    ];
    let docs = [None, Some(doc()), Some(d(2016, 3, 1)), Some(d(2015, 3, 1))];
    for s in texts {
        for first in docs {
            for then in docs {
                let a = crate::analyze(s);
                let _ = crate::numbers::find_numbers(&a);
                let _ = find_dates(&a, first);
                let fresh = crate::analyze(s);
                assert_eq!(
                    find_dates(&a, then),
                    find_dates(&fresh, then),
                    "{s} {first:?} {then:?}"
                );
            }
        }
    }
}

mod props {
    use proptest::prelude::*;

    use super::*;

    const PIECES: &[&str] = &[
        "في",
        "10",
        "31",
        "فبراير",
        "/",
        "شباط",
        "2023",
        "1436هـ",
        "هـ",
        "رمضان",
        "الماضي",
        "المقبل",
        "بعدها",
        "بستة",
        "أيام",
        "بيومين",
        "قبل",
        "منذ",
        "أسبوعين",
        "أمس",
        "أول",
        "اليوم",
        "(",
        "الاثنين",
        ")",
        "الأسبوع",
        "مطلع",
        "العام",
        "الشهر",
        "عام",
        "يوم",
        "الجمعة",
        "-",
        "،",
        ".",
        "\n",
        "العاشر",
        "من",
        "عشر",
        "ـ",
        "ّ",
        "x",
        "🙂",
        "99999999999",
        "29",
        "منتصف",
        "التالي",
    ];

    proptest! {
        #[test]
        fn never_panics_and_spans_are_sound(
            parts in proptest::collection::vec(0..PIECES.len(), 0..20),
            days in -800_000i64..800_000,
        ) {
            let s: String = parts.iter().map(|i| PIECES[*i]).collect::<Vec<_>>().join(" ");
            let a = crate::analyze(&s);
            let doc = d(2000, 1, 1).checked_add_signed(Duration::days(days));
            let n = s.chars().count();
            for m in find_dates(&a, doc) {
                prop_assert!(m.start < m.end && m.end <= n);
                prop_assert!(m.value.start <= m.value.end);
                let t: String = s.chars().skip(m.start).take(m.end - m.start).collect();
                prop_assert_eq!(m.value.text.as_deref(), Some(t.as_str()));
            }
        }

        /// The tokens where no date starts are remembered by the first scan of an analysis and
        /// skipped by later ones, whatever their document dates: nothing may change.
        #[test]
        fn earlier_scans_of_an_analysis_change_nothing(
            parts in proptest::collection::vec(0..PIECES.len(), 0..20),
            days in (-800_000i64..800_000, -800_000i64..800_000),
            first_without_date in any::<bool>(),
        ) {
            let s: String = parts.iter().map(|i| PIECES[*i]).collect::<Vec<_>>().join(" ");
            let at = |n: i64| d(2000, 1, 1).checked_add_signed(Duration::days(n));
            let first = if first_without_date { None } else { at(days.0) };
            let a = crate::analyze(&s);
            let _ = find_dates(&a, first);
            let fresh = crate::analyze(&s);
            prop_assert_eq!(find_dates(&a, at(days.1)), find_dates(&fresh, at(days.1)));
            prop_assert_eq!(find_dates(&a, None), find_dates(&crate::analyze(&s), None));
            prop_assert_eq!(
                crate::numbers::find_numbers(&a),
                crate::numbers::find_numbers(&crate::analyze(&s))
            );
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
            let a = crate::analyze(&s);
            let _ = find_dates(&a, d(2020, 1, 1).into());
            let _ = find_dates(&a, None);
        }
    }
}

#[test]
#[ignore = "exploration aid: prints every date and number of the shared seed articles"]
fn print_seed_dates() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let mut files: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let a = crate::analyze(&text);
        println!("== {}", f.display());
        for m in find_dates(&a, Some(doc())) {
            println!(
                "  D {:?} {} {} {:?}",
                m.value.text, m.value.start, m.value.end, m.value.precision
            );
        }
        for m in crate::numbers::find_numbers(&a) {
            let t: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            println!(
                "  N {t:?} {:?} {} date={} unit={:?}",
                m.count.qualifier, m.count.value, m.is_date_part, m.unit
            );
        }
    }
}

/// The string value after `"key": "` in `s`.
fn json_str<'s>(s: &'s str, key: &str) -> Option<&'s str> {
    let pat = format!("\"{key}\": \"");
    let from = s.find(&pat)? + pat.len();
    let len = s[from..].find('"')?;
    Some(&s[from..from + len])
}

/// Every gold event date of the shared seed articles (except the `unknown` windows, which the
/// event extractor builds from words such as الأخير) is found among the article's dates.
/// Reads `../shared/gold/seeds.gold.json` with plain string scanning (the crate has no JSON
/// dependency); skips when the file is absent.
#[test]
fn shared_gold_dates_are_found() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let Ok(gold) = std::fs::read_to_string(root.join("gold/seeds.gold.json")) else {
        println!(
            "skipped: {} is absent",
            root.join("gold/seeds.gold.json").display()
        );
        return;
    };
    let mut checked = 0;
    for chunk in gold.split("\"file\": \"").skip(1) {
        let Some(file) = chunk.split('"').next() else {
            continue;
        };
        let (Some(doc), Ok(text)) = (
            json_str(chunk, "doc_date").and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            std::fs::read_to_string(root.join("seeds").join(file)),
        ) else {
            continue;
        };
        let a = crate::analyze(&text);
        let found: Vec<(NaiveDate, NaiveDate, Precision)> = find_dates(&a, Some(doc))
            .into_iter()
            .map(|m| (m.value.start, m.value.end, m.value.precision))
            .collect();
        for date in chunk.split("\"date\": {").skip(1) {
            let (Some(s), Some(e), Some(p)) = (
                json_str(date, "start"),
                json_str(date, "end"),
                json_str(date, "precision"),
            ) else {
                continue;
            };
            let p = match p {
                "day" => Day,
                "week" => Week,
                "month" => Month,
                "year" => Year,
                _ => continue,
            };
            let (Ok(s), Ok(e)) = (
                NaiveDate::parse_from_str(s, "%Y-%m-%d"),
                NaiveDate::parse_from_str(e, "%Y-%m-%d"),
            ) else {
                continue;
            };
            assert!(
                found.contains(&(s, e, p)),
                "{file}: gold {s}..{e} {p:?} not in {found:?}"
            );
            checked += 1;
        }
    }
    println!("checked {checked} gold dates");
    assert!(checked >= 5, "the gold file should hold dated events");
}
