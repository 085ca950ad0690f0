//! Casualty figures: which number mentions count the killed, wounded, kidnapped or arrested.
//!
//! A number is a figure when a casualty word governs it (data/casualties.tsv): the word comes
//! just before it ("مقتل 140 شخصا", "مقتل ما لا يقل عن 16", at most 3 words between, no
//! punctuation; a phrase of suspected belonging between does not count: "خطف مسلحون يعتقد أنهم
//! من جماعة بوكو حرام 15 مزارعا") or just after it ("140 قتيلا", "لقي 5 جنود حتفهم", at most 2 words between,
//! not counting a "على الأقل": "12 شخصا على الأقل قتلوا", nor a partitive of up to three
//! words after the counted noun: "خمسة أطفال من عائلة واحدة قتلوا"). "واحد" after a noun that
//! is not a person noun or a casualty word is an adjective ("عائلة واحدة"), not a count.
//! Without a numeral, person nouns right after a casualty word count heads ("قتل شرطي تركي
//! ومدني": two; "مقتل ضابط ومجند": two), also after a resumptive pronoun ("الهجوم الذي قتل فيه ضابط
//! وجنديان": three; class `resumptive`), and so does "another" ("قتل جندي وأصيب آخر": one
//! wounded; `another`). A chain joined by و to a person noun in -ين ("إصابة شرطي ومدنيين": a
//! dual or a plural) gives no figure: its count is unknown.
//! A number joined by و to a figure a few words earlier is added to it: "مقتل 61 مدنيا، وسبعة
//! جنود" is at least 68 killed; with a plus phrase (إضافة إلى، فضلا عن) up to eight words
//! later ("مقتل 9 من حراس المنشأة فضلا عن اثنين من المارة" is 11); the sum takes the loosest qualifier of its parts (at_least if
//! any part is at_least, else about, else range/at_most, else exact).
//!
//! Numbers that overlap a date expression, look like a year (a bare 1900–2100 with no person
//! noun after it), or are followed by a unit (duration, distance, age, money, share: the `unit`
//! role of data/context.tsv) are never figures. Which *event* a figure belongs to is decided by
//! the caller (nearest trigger); this module does not look at triggers.

use std::ops::Range;

use model::{Count, Qualifier};
use text::TokenKind;
use text::dates::DateMention;
use text::numbers::NumberMention;

use crate::extract::Ctx;
use crate::schema::{Field, FunctionWords, Role, Side};

/// A casualty figure found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What it counts.
    pub field: Field,
    /// The count with qualifier and range.
    pub count: Count,
    /// Token index of the governing word (where the figure "sits" for attachment).
    pub cue: usize,
    /// Tokens of the number expression(s).
    pub tokens: Range<usize>,
    /// A quantity word that gives no number ("عدد من القتلى", "a number of"): it shows that
    /// there was a toll, but the event gets no figure (the contract's fields are `null` when the
    /// text gives no figure; the text layer's reading of it, about 3, would be invented).
    pub vague: bool,
}

/// How many words a plus phrase ("إضافة إلى", role `plus`) may join two figures across.
const PLUS_REACH: usize = 8;

/// Combine two counts of the same field into their sum, keeping the loosest qualifier.
pub fn sum(a: Count, b: Count) -> Count {
    use Qualifier::*;
    let q = [a.qualifier, b.qualifier];
    let qualifier = if q.contains(&AtLeast) {
        AtLeast
    } else if q.contains(&About) {
        About
    } else if q.contains(&Range) {
        Range
    } else if q.contains(&AtMost) {
        AtMost
    } else {
        Exact
    };
    Count {
        value: a.value.saturating_add(b.value),
        qualifier,
        min: a.min.saturating_add(b.min),
        max: a.max.saturating_add(b.max),
    }
}

/// Whether token `i` is a quotation mark: quotes, the parentheses many papers put around a
/// figure ("القبض على (431) مطلوبا"), and the slashes news agencies put around a name ("7
/// عناصر من تنظيم / داعش / قتلوا").
fn is_quote_mark(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    ctx.a.tokens[i].kind == TokenKind::Punct
        && matches!(
            ctx.a.token_text(i),
            "\"" | "«" | "»" | "“" | "”" | "(" | ")" | "/"
        )
}

fn is_break(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    // Quotation marks do not part a number from its casualty word.
    ctx.a.tokens[i].kind == TokenKind::Punct && !is_quote_mark(ctx, i)
}

/// How many quotation marks lie in `r`: they are not words between a number and its cue.
fn quote_marks(ctx: &Ctx<'_, '_>, r: std::ops::Range<usize>) -> usize {
    r.filter(|&k| is_quote_mark(ctx, k)).count()
}

/// How many words of a "على الأقل" (at least) lie in `r`: a qualifier that may stand between
/// a number and the casualty word after it ("12 شخصا على الأقل قتلوا").
fn qualifier_words(ctx: &Ctx<'_, '_>, r: std::ops::Range<usize>) -> usize {
    let w = &ctx.lists.words;
    let is = |k: usize, set| FunctionWords::norm_in(ctx.a, k, set);
    r.clone()
        .filter(|&k| is(k, &w.on) && is(k + 1, &w.least) && k + 1 < r.end)
        .count()
        * 2
}

/// How many words of a phrase of suspected belonging lie in `r` (from a casualty word to a
/// number after it): from a word of class `suspect` to the number, at most eight words ("خطف
/// مسلحون يعتقد أنهم من جماعة بوكو حرام 15 مزارعا": the doer's phrase stands between the verb
/// and its object).
fn suspicion_words(ctx: &Ctx<'_, '_>, r: std::ops::Range<usize>) -> usize {
    r.clone()
        .find(|&k| ctx.word_in(k, &ctx.lists.words.suspect))
        .map(|k| r.end - k)
        .filter(|&n| n <= 8)
        .unwrap_or(0)
}

/// How many words of a partitive phrase lie in `r` (from the number to a casualty word after
/// it): "من" and at most two words after the counted noun ("أطفال من عائلة واحدة").
fn partitive_words(ctx: &Ctx<'_, '_>, r: std::ops::Range<usize>) -> usize {
    let at = r.start + 1;
    if r.end > at + 1
        && r.end - at - quote_marks(ctx, at..r.end) <= 3
        && FunctionWords::norm_in(ctx.a, at, &ctx.lists.words.from)
    {
        r.end - at
    } else {
        0
    }
}

fn is_comma(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    matches!(ctx.a.token_text(i), "،" | ",")
}

/// Find the figures of the sentence whose tokens are `sent`.
pub fn figures(
    ctx: &Ctx<'_, '_>,
    sent: Range<usize>,
    numbers: &[&NumberMention],
    dates: &[&DateMention],
    persons: &[Range<usize>],
) -> Vec<Figure> {
    // Casualty words in the sentence: (first token, one past last, field, side).
    let mut cues: Vec<(usize, usize, Field, Side)> = Vec::new();
    let mut buf = Vec::new();
    let mut i = sent.start;
    while i < sent.end {
        ctx.lists
            .casualties
            .matches_at(&ctx.forms, i, sent.end, &mut buf);
        if let Some((n, (field, side))) = buf.first() {
            cues.push((i, i + n, *field, *side));
            i += n;
        } else {
            i += 1;
        }
    }
    let mut out: Vec<Figure> = Vec::new();
    if cues.is_empty() {
        return out;
    }
    let mut governed: Vec<Option<Figure>> = Vec::with_capacity(numbers.len());
    for n in numbers {
        governed.push(None);
        if !usable(ctx, n, dates, sent.end) {
            continue;
        }
        let (ns, ne) = (n.tokens.start, n.tokens.end);
        let mut best: Option<(usize, Field, usize)> = None; // (gap, field, cue token)
        for &(cs, ce, field, side) in &cues {
            match side {
                Side::Before if ce <= ns && ns - ce - suspicion_words(ctx, ce..ns) <= 3 => {
                    if (ce..ns).any(|k| is_break(ctx, k)) || numbers_between(numbers, ce, ns) {
                        continue;
                    }
                    let gap = ns - ce;
                    if best.is_none_or(|b| gap <= b.0) {
                        best = Some((gap, field, cs));
                    }
                }
                // "12 شخصا على الأقل قتلوا": the qualifier between does not count as words, nor
                // does a partitive after the counted noun ("خمسة أطفال من عائلة واحدة قتلوا").
                Side::After
                    if cs >= ne
                        && cs - ne
                            <= 2 + qualifier_words(ctx, ne..cs)
                                + partitive_words(ctx, ne..cs)
                                + quote_marks(ctx, ne..cs) =>
                {
                    let counted = numbers.iter().any(|m| {
                        m.tokens.start >= ne
                            && m.tokens.end <= cs
                            && m.tokens.start < cs
                            && usable(ctx, m, dates, sent.end)
                    });
                    if (ne..cs).any(|k| is_break(ctx, k)) || counted {
                        continue;
                    }
                    let extra = qualifier_words(ctx, ne..cs) + partitive_words(ctx, ne..cs);
                    let gap = (cs - ne - extra).saturating_sub(if extra == 0 {
                        quote_marks(ctx, ne..cs)
                    } else {
                        0
                    });
                    if best.is_none_or(|b| gap < b.0) {
                        best = Some((gap, field, cs));
                    }
                }
                _ => {}
            }
        }
        if let Some((_, field, cue)) = best
            && let Some(last) = governed.last_mut()
        {
            *last = Some(Figure {
                field,
                count: n.count,
                cue,
                tokens: ns..ne,
                vague: unquantified(ctx, n),
            });
        }
    }
    // A killing or kidnapping word followed by named people ("مقتل إبراهيم القحطاني") counts
    // them: one per name, names joined by و or a comma.
    let mut named = Vec::new();
    for &(cs, ce, field, side) in &cues {
        if side != Side::Before || !matches!(field, Field::Killed | Field::Kidnapped) {
            continue;
        }
        let Some(first) = persons.iter().find(|p| p.start == ce) else {
            continue;
        };
        let mut n = 1u64;
        let mut end = first.end;
        while let Some(next) = persons.iter().find(|p| {
            p.start > end
                && p.start - end <= 1
                && (ctx.a.tokens[p.start].norm.starts_with('و')
                    || (end..p.start).all(|k| is_comma(ctx, k) || ctx.a.tokens[k].norm == "و"))
        }) {
            n += 1;
            end = next.end;
        }
        named.push(Figure {
            field,
            count: Count::exact(n),
            cue: cs,
            tokens: ce..end,
            vague: false,
        });
    }
    // Chain sums: an ungoverned number right after a figure, joined by و.
    for (k, n) in numbers.iter().enumerate() {
        if let Some(f) = governed[k].take() {
            out.push(f);
            continue;
        }
        if !usable(ctx, n, dates, sent.end) {
            continue;
        }
        let Some(prev) = out.last_mut() else {
            continue;
        };
        let (ns, ne) = (n.tokens.start, n.tokens.end);
        // "مقتل 9 من حراس المنشأة فضلا عن اثنين من المارة": a plus phrase may join two
        // figures across a description of the first group.
        if prev.tokens.end > ns || ns - prev.tokens.end > PLUS_REACH {
            continue;
        }
        let gap = prev.tokens.end..ns;
        let plus = gap.clone().any(|g| ctx.roles[g] == Some(Role::Plus));
        let joined = ctx.a.tokens[ns].norm.starts_with('و')
            || ns
                .checked_sub(1)
                .is_some_and(|p| ctx.a.tokens[p].norm == "و")
            || plus;
        let clean = gap.clone().all(|g| !is_break(ctx, g) || is_comma(ctx, g))
            && !cues.iter().any(|c| c.0 >= gap.start && c.0 < ne)
            && (gap.len() <= 4 || plus);
        if joined && clean && !prev.vague && !unquantified(ctx, n) {
            prev.count = sum(prev.count, n.count);
            prev.tokens.end = ne;
        }
    }
    // Person nouns right after a casualty word count without a numeral: a dual counts two
    // ("قتل شخصان"), an indefinite singular one ("قتل شرطي تركي ومدني": two), each further
    // person noun joined by و one or two more. The definite ("قتل الجندي") is a reference, not a
    // head count, and a number or person right after the chain means the verb was active and the
    // nouns its subject ("قتل مسلح ثلاثة"): no figure then.
    for &(cs, ce, field, side) in &cues {
        if side != Side::Before || ce >= sent.end || out.iter().any(|f| f.cue == cs) {
            continue;
        }
        // A resumptive pronoun may stand between ("قتل فيه ضابط وجنديان").
        let first = if ctx
            .lists
            .words
            .resumptive
            .contains(ctx.a.tokens[ce].norm.as_str())
        {
            ce + 1
        } else {
            ce
        };
        let mut total = 0u64;
        let mut k = first;
        let mut end = first;
        while k < sent.end {
            let norm = ctx.a.tokens[k].norm.as_str();
            let word = if k > first {
                match norm.strip_prefix('و') {
                    Some(rest) => rest,
                    None => break,
                }
            } else {
                norm
            };
            let Some(n) =
                person_count(ctx, word).or_else(|| (k == first).then(|| another(ctx, k)).flatten())
            else {
                break;
            };
            total += n;
            end = k + 1;
            k += 1;
            // An adjective of nationality or rank may follow ("شرطي تركي"): skip one word that is
            // neither a person noun nor joined by و.
            if k < sent.end
                && !ctx.a.tokens[k].norm.starts_with('و')
                && ctx.a.tokens[k].kind == TokenKind::Arabic
                && person_count(ctx, &ctx.a.tokens[k].norm).is_none()
                && !numbers.iter().any(|m| m.tokens.start == k)
                && k + 1 < sent.end
                && ctx.a.tokens[k + 1].norm.starts_with('و')
                && ctx.a.tokens[k + 1]
                    .norm
                    .strip_prefix('و')
                    .is_some_and(|w| person_count(ctx, w).is_some())
            {
                k += 1;
            }
        }
        // A person noun in -ين joined to the chain ("إصابة شرطي ومدنيين") is a dual or a plural:
        // the count is unknown, and a figure of the unambiguous part alone would be too low.
        // An adjective may stand before it ("إصابة شرطي تركي ومدنيين").
        let plural_at = |j: usize| {
            ctx.a.tokens.get(j).is_some_and(|t| {
                j < sent.end
                    && t.norm
                        .strip_prefix('و')
                        .and_then(|w| w.strip_suffix("ين"))
                        .is_some_and(|base| {
                            let base = base.strip_prefix("ال").unwrap_or(base);
                            ctx.lists.context.words(base).any(|r| *r == Role::Person)
                        })
            })
        };
        let open_plural = end > first
            && end < sent.end
            && (plural_at(end)
                || (!ctx.a.tokens[end].norm.starts_with('و')
                    && ctx.a.tokens[end].kind == TokenKind::Arabic
                    && plural_at(end + 1)));
        if total == 0 || open_plural {
            continue;
        }
        let active_object = end < sent.end
            && (numbers.iter().any(|m| m.tokens.start == end)
                || person_count(ctx, &ctx.a.tokens[end].norm).is_some());
        if active_object {
            continue;
        }
        named.push(Figure {
            field,
            count: Count::exact(total),
            cue: cs,
            tokens: ce..end,
            vague: false,
        });
    }
    out.extend(named);
    for f in &mut out {
        if f.field == Field::Killed && !f.vague {
            let attackers = attackers_among(ctx, f.tokens.end, sent.end);
            if attackers > 0 && attackers < f.count.value {
                f.count.value -= attackers;
                f.count.min = f.count.min.saturating_sub(attackers);
                f.count.max = f.count.max.saturating_sub(attackers);
            }
        }
    }
    out
}

/// How many attackers a toll names among its dead: "قتل ستة أشخاص بينهم امرأتان والانتحاري" (one):
/// a word of "among them" (بينهم، منهم …) within two words after the figure, then, before any
/// punctuation and at most six words on, words of class `attacker` in data/function_words.tsv
/// (مهاجم، انتحاري، منفذ …), each counting one, or two in the dual (مهاجمان). Killed counts the
/// victims, not the attackers.
fn attackers_among(ctx: &Ctx<'_, '_>, from: usize, end: usize) -> u64 {
    let w = &ctx.lists.words;
    let form_in = |k: usize, set: &rustc_hash::FxHashSet<String>| ctx.word_in(k, set);
    let Some(among) = (from..(from + 2).min(end)).find(|&k| form_in(k, &w.among)) else {
        return 0;
    };
    let mut n = 0;
    for k in among + 1..(among + 7).min(end) {
        if is_break(ctx, k) {
            break;
        }
        if form_in(k, &w.attacker) {
            let norm = ctx.a.tokens[k].norm.as_str();
            n += if norm.ends_with("ان") { 2 } else { 1 };
        }
    }
    n
}

/// How many people an unnumbered noun denotes: 2 for a dual of a person noun (`جنديان`,
/// `العنصران`), 1 for an indefinite singular one (`شرطي`); `None` for anything else, including
/// definite singulars (a reference, not a count) and the ambiguous -ين ending (dual or plural).
fn person_count(ctx: &Ctx<'_, '_>, norm: &str) -> Option<u64> {
    let is_person = |w: &str| ctx.lists.context.words(w).any(|r| *r == Role::Person);
    let bare = norm.strip_prefix("ال");
    // "فقتل شخصين": the oblique dual of a noun whose plural is broken (أشخاص، جنود) can only be
    // a dual (`dual_oblique` in data/function_words.tsv).
    if ctx.lists.words.dual_oblique.contains(bare.unwrap_or(norm)) {
        return Some(2);
    }
    if let Some(base) = bare.unwrap_or(norm).strip_suffix("ان")
        && is_person(base)
    {
        return Some(2);
    }
    (bare.is_none() && is_person(norm)).then_some(1)
}

/// "Another (one)" right after a casualty word stands for a person: "قتل جندي وأصيب آخر" (one
/// wounded), "وأصيب آخران" (two; class `another` of data/function_words.tsv). Before a definite
/// noun it is "the last of" ("آخر الليل"), no one.
fn another(ctx: &Ctx<'_, '_>, k: usize) -> Option<u64> {
    let t = &ctx.a.tokens[k];
    if !ctx.lists.words.another.contains(t.norm.as_str()) {
        return None;
    }
    if ctx
        .a
        .tokens
        .get(k + 1)
        .is_some_and(|n| n.kind == TokenKind::Arabic && crate::lexicon::is_definite(n))
    {
        return None;
    }
    Some(if t.norm.ends_with("ان") { 2 } else { 1 })
}

/// Whether a number mention is only a vague count word with no quantity ("عدد من", class
/// `unquantified` of data/function_words.tsv; بضعة and عدة do bound it, 3 to 9, and عشرات is
/// 12 to 99 by the contract: those stay).
fn unquantified(ctx: &Ctx<'_, '_>, n: &NumberMention) -> bool {
    n.count.qualifier == Qualifier::About
        && n.tokens.clone().any(|i| {
            ctx.forms
                .get(i)
                .is_some_and(|f| f.iter().any(|w| ctx.lists.words.unquantified.contains(*w)))
        })
}

fn numbers_between(numbers: &[&NumberMention], a: usize, b: usize) -> bool {
    numbers
        .iter()
        .any(|n| n.tokens.start >= a && n.tokens.end <= b && n.tokens.start < b)
}

/// Whether a number mention can be a head count at all.
fn usable(ctx: &Ctx<'_, '_>, n: &NumberMention, dates: &[&DateMention], sent_end: usize) -> bool {
    // The text layer marks figures that belong to dates and those with a unit; the checks
    // below catch the same cases when it does not.
    if n.is_date_part
        || n.unit.is_some()
        || dates.iter().any(|d| d.start < n.end && n.start < d.end)
    {
        return false;
    }
    let after = n.tokens.end;
    if after < sent_end && ctx.roles[after] == Some(Role::Unit) {
        return false;
    }
    // A bare year: four digits in the year range with an exact qualifier.
    let c = n.count;
    if c.qualifier == Qualifier::Exact && (1900..=2100).contains(&c.value) && n.end - n.start == 4 {
        return false;
    }
    // "خمسة أطفال من عائلة واحدة قتلوا", "في ليلة واحدة": واحد after a noun is an adjective
    // ("one family"); it counts heads only after a noun for people ("جندي واحد") or a
    // casualty word ("قتل واحد من الحراس").
    if c.value == 1 && n.tokens.len() == 1 {
        let i = n.tokens.start;
        if let Some(p) = i.checked_sub(1)
            && ctx
                .a
                .tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Arabic)
            && ctx
                .a
                .tokens
                .get(p)
                .is_some_and(|t| t.kind == TokenKind::Arabic)
        {
            let forms = ctx.forms.get(p).map(Vec::as_slice).unwrap_or_default();
            let person = forms
                .iter()
                .any(|f| ctx.lists.context.words(f).any(|r| *r == Role::Person));
            let mut buf = Vec::new();
            ctx.lists
                .casualties
                .matches_at(&ctx.forms, p, p + 1, &mut buf);
            if !person && buf.is_empty() {
                return false;
            }
        }
    }
    c.value > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_take_the_loosest_qualifier() {
        let a = Count {
            value: 61,
            qualifier: Qualifier::AtLeast,
            min: 61,
            max: 61,
        };
        let s = sum(a, Count::exact(7));
        assert_eq!(s.value, 68);
        assert_eq!(s.qualifier, Qualifier::AtLeast);
        assert_eq!(
            sum(Count::exact(2), Count::exact(3)).qualifier,
            Qualifier::Exact
        );
    }
}
