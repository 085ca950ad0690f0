//! The number lexicons (`crates/text/data/numbers_*.tsv`), loaded once and folded to the match
//! form. Only lookups live here; the grammar that combines words is in [`super`].

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::lex::rows;

/// Grammatical role of a number word (see the header of `numbers_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// 1..10 on its own (ثلاثة، سبع، عشرة).
    Unit,
    /// 1 or 2 only inside 11/12 (أحد عشر، اثنا عشر).
    CompoundUnit,
    /// The عشر/عشرة after a unit (خمسة عشر).
    Teen,
    /// 20..90.
    Ten,
    /// 100..900, including duals مئتان/مئتي.
    Hundred,
    /// A stand-alone dual of a scale (ألفين = 2000).
    Dual,
    /// A singular scale multiplier (ألف، مليون).
    Scale,
    /// A plural scale multiplier (آلاف after 3..10).
    Scales,
    /// A fraction of a scale word, value in percent: نصف مليون, مليون ونصف.
    Fraction,
}

impl Role {
    /// Whether the role multiplies what precedes it.
    pub(crate) fn is_scale(self) -> bool {
        matches!(self, Role::Scale | Role::Scales | Role::Dual)
    }

    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "unit" => Role::Unit,
            "cunit" => Role::CompoundUnit,
            "teen" => Role::Teen,
            "ten" => Role::Ten,
            "hundred" => Role::Hundred,
            "dual" => Role::Dual,
            "scale" => Role::Scale,
            "scales" => Role::Scales,
            "fraction" => Role::Fraction,
            _ => return None,
        })
    }
}

/// How a qualifier phrase bounds the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QualKind {
    /// نحو، قرابة.
    About,
    /// ما لا يقل عن، على الأقل.
    AtLeast,
    /// أكثر من (min = N + 1).
    MoreThan,
    /// ما لا يزيد عن.
    AtMost,
    /// أقل من (max = N - 1).
    LessThan,
}

/// Where a qualifier stands relative to the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QualPos {
    /// Before the number.
    Pre,
    /// After the number (or after its counted noun).
    Post,
}

/// What a number measures when a unit word follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberUnit {
    /// A percentage (`50%`, `50 في المئة`).
    Percent,
    /// A duration (`48 ساعة`, `ثلاثة أيام`, `20 عاما`).
    Duration,
    /// A sum of money (`300 دولار`).
    Money,
    /// A length, weight or other physical measure (`5 كيلومترات`).
    Measure,
}

/// All number lexicons.
pub(crate) struct Lexicon {
    /// Single number words → their possible roles and values.
    pub words: HashMap<String, Vec<(Role, u64)>>,
    /// Vague phrases → (value, min, max), longest first.
    pub vague: Vec<(Vec<String>, [u64; 3])>,
    /// Qualifier phrases, longest first.
    pub quals: Vec<(Vec<String>, QualPos, QualKind)>,
    /// Unit phrases, longest first.
    pub units: Vec<(Vec<String>, NumberUnit)>,
    /// Ordinal words → value.
    pub ordinals: HashMap<String, u64>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

/// The lexicons, loaded on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

fn load() -> Lexicon {
    let mut words: HashMap<String, Vec<(Role, u64)>> = HashMap::default();
    for (w, f) in rows(include_str!("../../data/numbers_words.tsv")) {
        if let (Some(role), Some(v)) = (
            f.first().and_then(|r| Role::parse(r)),
            f.get(1).and_then(|v| v.parse().ok()),
        ) {
            words.entry(w.concat()).or_default().push((role, v));
        }
    }
    let mut vague: Vec<(Vec<String>, [u64; 3])> =
        rows(include_str!("../../data/numbers_vague.tsv"))
            .filter_map(|(w, f)| {
                let n = |k: usize| f.get(k).and_then(|v| v.parse().ok());
                Some((w, [n(0)?, n(1)?, n(2)?]))
            })
            .collect();
    vague.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let mut quals: Vec<(Vec<String>, QualPos, QualKind)> =
        rows(include_str!("../../data/numbers_qualifiers.tsv"))
            .filter_map(|(w, f)| {
                let pos = match *f.first()? {
                    "pre" => QualPos::Pre,
                    "post" => QualPos::Post,
                    _ => return None,
                };
                let kind = match *f.get(1)? {
                    "about" => QualKind::About,
                    "at_least" => QualKind::AtLeast,
                    "more_than" => QualKind::MoreThan,
                    "at_most" => QualKind::AtMost,
                    "less_than" => QualKind::LessThan,
                    _ => return None,
                };
                Some((w, pos, kind))
            })
            .collect();
    quals.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
    let mut units: Vec<(Vec<String>, NumberUnit)> =
        rows(include_str!("../../data/numbers_units.tsv"))
            .filter_map(|(w, f)| {
                let u = match *f.first()? {
                    "percent" => NumberUnit::Percent,
                    "duration" => NumberUnit::Duration,
                    "money" => NumberUnit::Money,
                    "measure" => NumberUnit::Measure,
                    _ => return None,
                };
                Some((w, u))
            })
            .collect();
    units.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let ordinals = rows(include_str!("../../data/numbers_ordinals.tsv"))
        .filter_map(|(w, f)| Some((w.concat(), f.first()?.parse().ok()?)))
        .collect();
    Lexicon {
        words,
        vague,
        quals,
        units,
        ordinals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_are_folded() {
        let l = lexicon();
        assert!(l.words.len() > 90);
        // Stored as ثلاثة, looked up in match form ثلاثه.
        assert_eq!(l.words.get("ثلاثه"), Some(&vec![(Role::Unit, 3)]));
        assert!(
            l.vague
                .iter()
                .any(|(w, v)| w.concat() == "عشرات" && v[1] == 12)
        );
        assert!(l.quals.len() > 20);
        assert!(l.ordinals.contains_key("الثاني"));
    }
}
