//! Tests of the number grammar: Arabic sentences written for these tests.
use model::Qualifier::{self, *};

use super::*;

/// Every mention as (original text, value, qualifier, min, max).
fn nums(s: &str) -> Vec<(String, u64, Qualifier, u64, u64)> {
    let a = crate::analyze(s);
    find_numbers(&a)
        .into_iter()
        .map(|m| {
            let t: String = s.chars().skip(m.start).take(m.end - m.start).collect();
            (
                t,
                m.count.value,
                m.count.qualifier,
                m.count.min,
                m.count.max,
            )
        })
        .collect()
}

/// The single mention of `s` (fails when there is not exactly one).
fn one(s: &str) -> (String, u64, Qualifier, u64, u64) {
    let v = nums(s);
    assert_eq!(v.len(), 1, "{s}: {v:?}");
    v.into_iter().next().expect("one mention")
}

fn value(s: &str) -> (u64, Qualifier) {
    let (_, v, q, _, _) = one(s);
    (v, q)
}

#[test]
fn digits_plain_arabic_indic_and_grouped() {
    assert_eq!(
        one("أسفر عن مقتل 140 شخصا."),
        ("140".into(), 140, Exact, 140, 140)
    );
    assert_eq!(value("قتل ٧٥ شخصا"), (75, Exact));
    assert_eq!(value("نزح 1,200 شخص"), (1200, Exact));
    assert_eq!(value("نزح ١٢٠٠ شخص"), (1200, Exact));
}

#[test]
fn digits_with_scale_words() {
    assert_eq!(value("نزح 2.5 مليون شخص"), (2_500_000, Exact));
    assert_eq!(one("أصيب 3 آلاف شخص").0, "3 آلاف");
    assert_eq!(value("أصيب 3 آلاف شخص"), (3000, Exact));
    assert_eq!(value("رصد 10 ملايين دولار"), (10_000_000, Exact));
}

#[test]
fn units_masculine_feminine_and_case_forms() {
    assert_eq!(value("قتل سبعة جنود"), (7, Exact));
    assert_eq!(value("قتلت سبع نساء"), (7, Exact));
    assert_eq!(value("قتل ثمانية أشخاص"), (8, Exact));
    assert_eq!(value("اعتقل ثلاثون مسلحا"), (30, Exact));
    assert_eq!(value("اعتقلت القوات ثلاثين مسلحا"), (30, Exact));
    assert_eq!(value("أصيب تسع عسكريين"), (9, Exact));
}

#[test]
fn duals() {
    assert_eq!(value("القبض على اثنين من عناصر التنظيم"), (2, Exact));
    assert_eq!(value("قتلت اثنتين من النساء"), (2, Exact));
    assert_eq!(value("نزح ألفين من السكان"), (2000, Exact));
    assert_eq!(value("قتل مئتي شخص"), (200, Exact));
    assert_eq!(value("خسائر بمليونين"), (2_000_000, Exact));
}

#[test]
fn compounds() {
    assert_eq!(value("قتل خمسة وعشرون شخصا"), (25, Exact));
    assert_eq!(value("قتل خمسة و عشرون شخصا"), (25, Exact));
    assert_eq!(value("قتل مئة وخمسون شخصا"), (150, Exact));
    assert_eq!(value("قتل أحد عشر جنديا"), (11, Exact));
    assert_eq!(value("قتلت اثنتا عشرة امرأة"), (12, Exact));
    assert_eq!(value("قتل خمسة عشر ألفا"), (15_000, Exact));
    assert_eq!(value("قتل ثلاث مئة شخص"), (300, Exact));
    assert_eq!(
        value("نزح ثلاثة آلاف وخمسمئة وخمسة وعشرون شخصا"),
        (3525, Exact)
    );
    assert_eq!(value("نزح مئة ألف شخص"), (100_000, Exact));
    assert_eq!(
        value("بلغت الخسائر ثلاثمائة وخمسين مليونا"),
        (350_000_000, Exact)
    );
    assert_eq!(value("نزح مليون ومئتا ألف شخص"), (1_200_000, Exact));
}

#[test]
fn fractions_of_scale_words() {
    assert_eq!(value("نزح نصف مليون شخص"), (500_000, Exact));
    assert_eq!(value("نزح مليون ونصف شخص"), (1_500_000, Exact));
    assert_eq!(value("رصد ربع مليار دولار"), (250_000_000, Exact));
    // A fraction of something else is no count.
    assert!(nums("نزح نصف السكان").is_empty());
}

#[test]
fn proclitics_on_number_words() {
    let v = nums("قتل 61 مدنيا وسبعة جنود");
    assert_eq!(v.iter().map(|m| m.1).collect::<Vec<_>>(), vec![61, 7]);
    assert_eq!(value("مررنا بثلاثة حواجز"), (3, Exact));
    assert_eq!(value("حكم عليه لعشرة أعوام"), (10, Exact));
    assert_eq!(value("قتل الأطفال الثلاثة"), (3, Exact));
    assert_eq!(nums("نقل 200 شخص و300 آخرين").len(), 2);
}

#[test]
fn article_forms_that_are_not_counts() {
    // الاثنين is Monday, الأحد Sunday, المئة a percentage, العشرين an ordinal.
    assert!(nums("وصل الوفد يوم الاثنين").is_empty());
    assert!(nums("وقع الهجوم الأحد").is_empty());
    assert!(nums("في القرن العشرين").is_empty());
    assert!(nums("ارتفعت في المئة").is_empty());
}

#[test]
fn ordinals_are_not_counts() {
    assert!(nums("في الطابق الثاني من المبنى").is_empty());
    assert!(nums("للمرة الثالثة").is_empty());
    assert!(nums("في الذكرى الحادية عشرة للهجوم").is_empty());
    assert!(nums("احتفل بعيد ميلاده الحادي والعشرين").is_empty());
    assert!(nums("هو ثالث هجوم هذا العام").is_empty());
}

#[test]
fn singular_noun_is_not_a_number_but_wahid_is_one() {
    assert!(nums("أسفر الانفجار عن مقتل شخص").is_empty());
    assert_eq!(value("أسفر الانفجار عن مقتل شخص واحد"), (1, Exact));
    assert_eq!(value("قتلت امرأة واحدة"), (1, Exact));
}

#[test]
fn vague_quantities_are_ranges() {
    assert_eq!(
        one("قتل عشرات المدنيين"),
        ("عشرات".into(), 12, About, 12, 99)
    );
    assert_eq!(one("قتل العشرات"), ("العشرات".into(), 12, About, 12, 99));
    assert_eq!(one("أصيب مئات الأشخاص").2, About);
    assert_eq!(one("أصيب مئات الأشخاص").3, 100);
    assert_eq!(one("نزح آلاف السكان").4, 9999);
    assert_eq!(
        one("نزح عشرات الآلاف"),
        ("عشرات الآلاف".into(), 12_000, About, 12_000, 99_000)
    );
    assert_eq!(one("قتل بضعة جنود"), ("بضعة".into(), 3, About, 3, 9));
    assert_eq!(
        one("وصل بضع مئات"),
        ("بضع مئات".into(), 300, About, 300, 900)
    );
    assert_eq!(one("اعتقل عدد من العناصر").0, "عدد من");
    assert_eq!(one("نزح بضعة آلاف").3, 3000);
}

#[test]
fn qualifiers_before_the_number() {
    assert_eq!(one("قتل نحو 75 شخصا"), ("نحو 75".into(), 75, About, 75, 75));
    assert_eq!(value("قتل حوالي 20 شخصا"), (20, About));
    assert_eq!(value("خطف قرابة 75 صيادا"), (75, About));
    assert_eq!(value("قتل زهاء مئة شخص"), (100, About));
    assert_eq!(
        one("قتل أكثر من 60 شخصا"),
        ("أكثر من 60".into(), 61, AtLeast, 61, 61)
    );
    assert_eq!(value("قتل أكثر من مئة شخص"), (101, AtLeast));
    assert_eq!(value("قتل ما لا يقل عن 16 شخصا"), (16, AtLeast));
    assert_eq!(value("قتل ما يزيد عن عشرين شخصا"), (21, AtLeast));
    assert_eq!(value("قتل ما يزيد على 30 شخصا"), (31, AtLeast));
    assert_eq!(
        one("قتل أقل من عشرة أشخاص"),
        ("أقل من عشرة".into(), 9, AtMost, 0, 9)
    );
    assert_eq!(value("قتل على الأقل 5 أشخاص"), (5, AtLeast));
    assert_eq!(value("قتل بنحو 40 شخصا"), (40, About));
    // "exceeded" / "surpassed" before a figure: more than it.
    assert_eq!(
        value("وارتفع عدد الجرحى إلى ما يتجاوز 30 جريحا"),
        (31, AtLeast)
    );
    assert_eq!(value("حصيلة تجاوزت خمسين قتيلا"), (51, AtLeast));
    assert_eq!(value("أصيب ما يفوق 200 شخص"), (201, AtLeast));
}

#[test]
fn qualifiers_after_the_number() {
    // After the counted noun the qualifier counts but the span stops at the figure.
    assert_eq!(
        one("قتل 16 شخصا على الأقل"),
        ("16".into(), 16, AtLeast, 16, 16)
    );
    assert_eq!(
        one("قتل 16 على الأقل"),
        ("16 على الأقل".into(), 16, AtLeast, 16, 16)
    );
    assert_eq!(value("قتل 30 شخصا تقريبا"), (30, About));
    // A qualifier too far away (more than the counted noun and an adjective) is not taken.
    assert_eq!(value("قتل 16 شخصا في المدينة الكبرى على الأقل"), (16, Exact));
}

#[test]
fn ranges() {
    assert_eq!(
        one("قتل بين 10 و15 شخصا"),
        ("بين 10 و15".into(), 10, Range, 10, 15)
    );
    assert_eq!(
        one("قتل ما بين عشرة وعشرين"),
        ("ما بين عشرة وعشرين".into(), 10, Range, 10, 20)
    );
    assert_eq!(one("قتل حوالي 20 إلى 30 شخصا").2, Range);
    assert_eq!(
        one("قتل من 10 إلى 15 شخصا"),
        ("من 10 إلى 15".into(), 10, Range, 10, 15)
    );
    assert_eq!(one("قتل 10-15 شخصا").2, Range);
}

#[test]
fn years_and_day_numbers_are_flagged_as_date_parts() {
    let a = crate::analyze("قتل 12 شخصا في 10 فبراير/شباط 2023 وفي العام 2017");
    let m = find_numbers(&a);
    let flags: Vec<(u64, bool)> = m.iter().map(|m| (m.count.value, m.is_date_part)).collect();
    assert_eq!(
        flags,
        vec![(12, false), (10, true), (2023, true), (2017, true)]
    );
    let a = crate::analyze("وقع الهجوم بعدها بستة أيام وقتل سبعة");
    let m = find_numbers(&a);
    assert_eq!(
        m.iter()
            .map(|m| (m.count.value, m.is_date_part))
            .collect::<Vec<_>>(),
        vec![(6, true), (7, false)]
    );
}

#[test]
fn units_mark_durations_percentages_and_money() {
    let a = crate::analyze("في غضون 48 ساعة ارتفعت النسبة 50% وصودر 300 دولار وقتل 5 أشخاص");
    let m = find_numbers(&a);
    let units: Vec<(u64, Option<NumberUnit>)> = m.iter().map(|m| (m.count.value, m.unit)).collect();
    assert_eq!(
        units,
        vec![
            (48, Some(NumberUnit::Duration)),
            (50, Some(NumberUnit::Percent)),
            (300, Some(NumberUnit::Money)),
            (5, None)
        ]
    );
    assert_eq!(one("ارتفعت بنسبة 20 في المئة").0, "20");
}

#[test]
fn not_numbers() {
    assert!(nums("").is_empty());
    assert!(nums("أعلن التنظيم مسؤوليته عن الهجوم").is_empty());
    // Ordinary words that start like number words or carry a clitic-looking letter.
    assert!(nums("بين الطرفين وإلى الأبد").is_empty());
    assert!(nums("أحد الجنود").is_empty());
}

#[test]
fn parse_number_phrase_reads_short_phrases() {
    assert_eq!(parse_number_phrase("ثلاثة آلاف").map(|c| c.value), Some(3000));
    assert_eq!(
        parse_number_phrase("أكثر من 60").map(|c| (c.value, c.qualifier)),
        Some((61, AtLeast))
    );
    assert_eq!(
        parse_number_phrase("عشرات").map(|c| (c.min, c.max)),
        Some((12, 99))
    );
    assert_eq!(parse_number_phrase("لا شيء"), None);
}

#[test]
fn malformed_and_huge_digit_strings_do_not_panic() {
    assert!(nums("رقم 99999999999999999999999 هنا").is_empty());
    let _ = nums("1,2,3,4 و... ,,, ٫٫ 1.2.3 ٬٬");
    let _ = nums("مليار مليار مليار ألف ألف مئة مئة");
    let _ = nums("999999999999999 مليار");
}

mod props {
    use proptest::prelude::*;

    use super::*;

    const PIECES: &[&str] = &[
        "ثلاثة",
        "آلاف",
        "و",
        "وعشرون",
        "مئة",
        "ألف",
        "مليون",
        "عشرات",
        "نحو",
        "أكثر",
        "من",
        "ما",
        "لا",
        "يقل",
        "عن",
        "على",
        "الأقل",
        "بين",
        "إلى",
        "140",
        "1,200",
        "٧٥",
        "2.5",
        "-",
        "،",
        ".",
        " ",
        "  ",
        "\n",
        "شخصا",
        "الحادي",
        "عشر",
        "اثنا",
        "أحد",
        "بستة",
        "أيام",
        "%",
        "ـ",
        "َ",
        "ّ",
        "فبراير",
        "/",
        "شباط",
        "2023",
        "بعدها",
        "1436هـ",
        "x",
        "é",
        "🙂",
    ];

    proptest! {
        #[test]
        fn never_panics_and_spans_are_on_char_boundaries(parts in proptest::collection::vec(0..PIECES.len(), 0..24)) {
            let s: String = parts.iter().map(|i| PIECES[*i]).collect::<Vec<_>>().join(" ");
            let a = crate::analyze(&s);
            let n = s.chars().count();
            for m in find_numbers(&a) {
                prop_assert!(m.start < m.end && m.end <= n);
                prop_assert!(m.tokens.start < m.tokens.end && m.tokens.end <= a.tokens.len());
                prop_assert!(m.count.min <= m.count.max || m.count.qualifier == Qualifier::AtMost);
                let first = &a.tokens[m.tokens.start];
                prop_assert_eq!(first.start, m.start);
                prop_assert!(s.is_char_boundary(first.byte_start));
            }
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
            let a = crate::analyze(&s);
            let _ = find_numbers(&a);
        }
    }
}

#[test]
fn clitic_stripping_is_checked_against_the_lexicon() {
    // كمية "quantity" is not ك + a colloquial "مية" (hundred).
    assert!(nums("صودرت كمية من الأسلحة").is_empty());
    // لست "I am not" is not ل + ست (six).
    assert!(nums("لست متأكدا من ذلك").is_empty());
    // واحد is "one", not و + أحد.
    assert_eq!(value("قتل واحد منهم"), (1, Exact));
}

/// Every gold casualty figure of the shared seed articles that is written as a number in the
/// text is found with its qualifier. Figures the event extractor derives (a sum, noted in the
/// gold; a single named victim, value 1) are not looked for. Reads
/// `../shared/gold/seeds.gold.json` with plain string scanning; skips when absent.
#[test]
fn shared_gold_figures_are_found() {
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
        let Ok(text) = std::fs::read_to_string(root.join("seeds").join(file)) else {
            continue;
        };
        let found: Vec<(u64, Qualifier)> = find_numbers(&crate::analyze(&text))
            .into_iter()
            .filter(|m| !m.is_date_part)
            .map(|m| (m.count.value, m.count.qualifier))
            .collect();
        for fig in chunk.split("{\"value\": ").skip(1) {
            let obj = &fig[..fig.find('}').unwrap_or(fig.len())];
            let Some(v) = obj
                .split(',')
                .next()
                .and_then(|v| v.trim().parse::<u64>().ok())
            else {
                continue;
            };
            let q = match obj
                .split("\"qualifier\": \"")
                .nth(1)
                .and_then(|r| r.split('"').next())
            {
                Some("exact") => Exact,
                Some("at_least") => AtLeast,
                Some("about") => About,
                Some("at_most") => AtMost,
                Some("range") => Range,
                _ => continue,
            };
            if obj.contains("\"note\"") || v == 1 {
                continue;
            }
            assert!(
                found.contains(&(v, q)),
                "{file}: gold {v} {q:?} not in {found:?}"
            );
            checked += 1;
        }
    }
    println!("checked {checked} gold figures");
    assert!(checked >= 4, "the gold file should hold casualty figures");
}

#[test]
#[ignore = "timing aid, run with --ignored --nocapture"]
fn time_seed_articles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let texts: Vec<String> = rd
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    let analyses: Vec<_> = texts.iter().map(|t| crate::analyze(t)).collect();
    let tokens: usize = analyses.iter().map(|a| a.tokens.len()).sum();
    let t0 = std::time::Instant::now();
    for _ in 0..20 {
        for a in &analyses {
            std::hint::black_box(crate::analyze(a.text));
        }
    }
    let t_an = t0.elapsed();
    let t0 = std::time::Instant::now();
    for _ in 0..20 {
        for a in &analyses {
            std::hint::black_box(find_numbers(a));
        }
    }
    let t_num = t0.elapsed();
    let t0 = std::time::Instant::now();
    for _ in 0..20 {
        for a in &analyses {
            std::hint::black_box(crate::dates::find_dates(a, None));
        }
    }
    let t_dates = t0.elapsed();
    println!("{tokens} tokens x20: analyze {t_an:?}, numbers {t_num:?}, dates {t_dates:?}");
}
