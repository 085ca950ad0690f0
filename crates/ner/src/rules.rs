//! Rule-based name finders that complement the knowledge base and the tagger, each a general
//! pattern of Arabic news writing (word classes in `data/kb/name_rules.tsv`):
//!
//! - a kunya (أبو/أبي/أبا + name, plus following nisbas) is a person: أبو حمزة السوري;
//! - a quoted or Latin-script name right after an organisation or media noun is an organisation:
//!   موقع "عين أوروبية على التطرف", مجلة Long War Journal;
//! - a compass word before a linked place is a location: شمال شرق سوريا.
//!
//! The rules only propose spans; conflicts with the knowledge base and the tagger are settled in
//! [`crate::resolve`].

use model::EntityType;
use text::TokenKind;

use crate::lexicon::{WordSet, is_arabic_word, tsv_rows};
use crate::link::{Doc, Found, Source};

const NAME_RULES: &str = include_str!("../data/kb/name_rules.tsv");

/// Word classes of the rules.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub kunya: WordSet,
    pub media_head: WordSet,
    /// Compass phrases (one or two words).
    pub direction: WordSet,
    pub generic_head: WordSet,
    pub name_stop: WordSet,
    pub title: WordSet,
    /// Role nouns of an apposition ("X، الباحث في ...").
    pub role: WordSet,
    /// Nouns that open an institution's name (وزارة الدفاع الفرنسية).
    pub institution: WordSet,
    /// Nouns before a definite place name (منطقة الوادي الكبير).
    pub place_head: WordSet,
    /// Nouns of a part of an institution (قسم، إدارة، لجنة): a role over the part is no role
    /// over the institution.
    pub sub_unit: WordSet,
    /// Words that make the holder of a role its deputy (نائب رئيس، مساعد قائد).
    pub deputy: WordSet,
}

impl Lexicon {
    pub(crate) fn bundled() -> Self {
        let mut by: std::collections::HashMap<&str, Vec<&str>> = Default::default();
        for (_, c) in tsv_rows(NAME_RULES, "class") {
            if let [class, word, ..] = c.as_slice() {
                by.entry(class.trim()).or_default().push(word.trim());
            }
        }
        let set = |k: &str| WordSet::from_iter(by.get(k).into_iter().flatten().copied());
        Lexicon {
            kunya: set("kunya"),
            media_head: set("media_head"),
            direction: set("direction"),
            generic_head: set("generic_head"),
            name_stop: set("name_stop"),
            title: set("title"),
            role: set("role"),
            institution: set("institution"),
            place_head: set("place_head"),
            sub_unit: set("sub_unit"),
            deputy: set("deputy"),
        }
    }
}

/// Whether a key looks like a nisba (السوري, البغدادي, الطاجيكي).
pub(crate) fn is_nisba(k: &str) -> bool {
    k.starts_with("ال") && k.ends_with('ي') && k.chars().count() >= 5 && is_arabic_word(k)
}

/// Kunya names: أبو/أبي/أبا + one name word + up to two nisbas or further name words with ال.
pub(crate) fn kunyas(doc: &Doc<'_, '_>, lex: &Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < doc.len() {
        let k = &doc.keys[i];
        let name = &doc.keys[i + 1];
        let ok = doc.in_set(&lex.kunya, i)
            && doc.a.tokens[i].kind == TokenKind::Arabic
            && is_arabic_word(name)
            && name.chars().count() >= 2
            && !lex.name_stop.contains(name)
            && !lex.generic_head.contains(name)
            && doc.sent[i] == doc.sent[i + 1];
        // "أم" is also "or"/"mother": only with a nisba after the name.
        let weak = k.ends_with("ام");
        if !ok {
            i += 1;
            continue;
        }
        let mut end = i + 2;
        while end < doc.len() && end < i + 4 && is_nisba(&doc.keys[end]) {
            end += 1;
        }
        if weak && end == i + 2 {
            i += 1;
            continue;
        }
        out.push(Found {
            tokens: i..end,
            kind: EntityType::Per,
            entry: None,
            id: None,
            source: Source::Rule,
        });
        i = end;
    }
    out
}

fn is_open_quote(s: &str) -> bool {
    matches!(s, "\"" | "«" | "“" | "'" | "‘")
}

fn is_close_quote(s: &str) -> bool {
    matches!(s, "\"" | "»" | "”" | "'" | "’")
}

/// Quoted or Latin-script names right after an organisation/media noun.
pub(crate) fn headed_names(doc: &Doc<'_, '_>, lex: &Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    for i in 0..doc.len().saturating_sub(1) {
        if !doc.in_set(&lex.media_head, i) {
            continue;
        }
        let j = i + 1;
        let tj = doc.a.token_text(j);
        if is_open_quote(tj) {
            let mut k = j + 1;
            while k < doc.len() && k <= j + 9 && !is_close_quote(doc.a.token_text(k)) {
                if doc.sent[k] != doc.sent[j]
                    || matches!(doc.a.token_text(k), "." | "،" | "," | "؛")
                {
                    break;
                }
                k += 1;
            }
            if k < doc.len() && k > j + 1 && is_close_quote(doc.a.token_text(k)) {
                out.push(Found {
                    tokens: j + 1..k,
                    kind: EntityType::Org,
                    entry: None,
                    id: None,
                    source: Source::Rule,
                });
            }
        } else if doc.a.tokens[j].kind == TokenKind::Latin {
            let mut k = j;
            while k < doc.len() && k < j + 6 && doc.a.tokens[k].kind == TokenKind::Latin {
                k += 1;
            }
            // A lone lower-case word is ordinary English, not a name.
            let first = doc.a.token_text(j);
            if first.chars().next().is_some_and(|c| c.is_uppercase()) {
                out.push(Found {
                    tokens: j..k,
                    kind: EntityType::Org,
                    entry: None,
                    id: None,
                    source: Source::Rule,
                });
            }
        }
    }
    out
}

/// Compass phrases before linked places: "شرق سوريا", "شمال شرق سوريا", "ريف دير الزور".
pub(crate) fn directions(doc: &Doc<'_, '_>, lex: &Lexicon, linked: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for f in linked {
        if !matches!(f.kind, EntityType::Gpe | EntityType::Loc) || f.tokens.start == 0 {
            continue;
        }
        let s = f.tokens.start;
        let one = |i: usize| doc.in_set(&lex.direction, i);
        let mut start = None;
        if s >= 2 {
            let pair = format!("{} {}", strip_clitic(&doc.keys[s - 2]), doc.keys[s - 1]);
            if lex.direction.contains(&pair) || (one(s - 2) && one(s - 1)) {
                start = Some(s - 2);
            }
        }
        if start.is_none() && one(s - 1) {
            start = Some(s - 1);
        }
        if let Some(st) = start
            && doc.sent[st] == doc.sent[s]
        {
            out.push(Found {
                tokens: st..f.tokens.end,
                kind: EntityType::Loc,
                entry: None,
                id: None,
                source: Source::Rule,
            });
        }
    }
    out
}

/// A key with a leading conjunction/preposition removed when what remains is still a word.
fn strip_clitic(k: &str) -> String {
    for p in ["وب", "وف", "و", "ف", "ب", "ل"] {
        if let Some(r) = k.strip_prefix(p)
            && r.chars().count() >= 3
        {
            return r.to_string();
        }
    }
    k.to_string()
}

/// Whether word `i` may continue a definite name chain (الدفاع, الفرنسية, لدراسات).
fn chain_word(doc: &Doc<'_, '_>, lex: &Lexicon, i: usize) -> bool {
    let k = &doc.keys[i];
    doc.a.tokens[i].kind == TokenKind::Arabic
        && is_arabic_word(k)
        && !lex.name_stop.contains(k)
        && (k.starts_with("ال") || k.starts_with("لل") || k.starts_with('ل'))
}

/// Institutions: an institution noun and its definite genitive/adjective chain, "وزارة الدفاع
/// الفرنسية", "المركز الأوروبي لدراسات مكافحة الإرهاب". An indefinite word joins only in construct
/// with a definite one after it (مكافحة الإرهاب); a word with an attached ب/في-like preposition
/// (بألمانيا) ends the name.
pub(crate) fn institutions(doc: &Doc<'_, '_>, lex: &Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < doc.len() {
        if !doc.in_set(&lex.institution, i) || doc.a.tokens[i].kind != TokenKind::Arabic {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < doc.len() && end < i + 8 && doc.sent[end] == doc.sent[i] {
            let k = &doc.keys[end];
            let definite = k.starts_with("ال") || k.starts_with("لل");
            if definite && chain_word(doc, lex, end) {
                end += 1;
            } else if k.starts_with('ل')
                && !definite
                && end + 1 < doc.len()
                && chain_word(doc, lex, end)
            {
                // لدراسات مكافحة الإرهاب: an indefinite ل-word in construct.
                end += 1;
            } else if is_arabic_word(k)
                && !lex.name_stop.contains(k)
                && end + 1 < doc.len()
                && end > i + 1
                && doc.keys[end + 1].starts_with("ال")
                && doc.a.tokens[end - 1].kind == TokenKind::Arabic
                && doc.keys[end - 1].starts_with('ل')
                && !doc.keys[end - 1].starts_with("ال")
            {
                end += 1; // construct after an ل-word: لدراسات مكافحة الإرهاب
            } else {
                break;
            }
        }
        // The chain must end on a definite word and hold at least one.
        while end > i + 1
            && !doc.keys[end - 1].starts_with("ال")
            && !doc.keys[end - 1].starts_with("لل")
        {
            end -= 1;
        }
        if end > i + 1 {
            out.push(Found {
                tokens: i..end,
                kind: EntityType::Org,
                entry: None,
                id: None,
                source: Source::Rule,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Place names after a place noun: a definite chain ("بمنطقة الوادي الكبير" gives الوادي
/// الكبير), or an indefinite name the shipped place lists know ("بمنطقة عسير", "مدينة دير
/// الزور", "مديرية لودر"). An indefinite word after منطقة is more often an adjective ("منطقة
/// عسكرية", "منطقة آمنة"), so it needs the list, and a nisba-like ending (ـية) never passes.
pub(crate) fn headed_places(doc: &Doc<'_, '_>, lex: &Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    for i in 0..doc.len().saturating_sub(1) {
        let k = &doc.keys[i];
        // The head is indefinite (construct state): "منطقة", not "المنطقة".
        if !doc.in_set(&lex.place_head, i)
            || k.contains("ال") && lex.place_head.contains(&k.replacen("ال", "", 1))
        {
            continue;
        }
        let mut end = i + 1;
        while end < doc.len()
            && end < i + 4
            && doc.sent[end] == doc.sent[i]
            && doc.keys[end].starts_with("ال")
            && chain_word(doc, lex, end)
            // A nisba after the name describes it (السخنة الصحراوية, الحسكة الشمالية).
            && !(end > i + 1 && (doc.keys[end].ends_with("يه") || is_nisba(&doc.keys[end])))
        {
            end += 1;
        }
        if end == i + 1 && i + 1 < doc.len() && !doc.keys[i + 1].starts_with("ال") {
            end = i + 1 + indefinite_place(doc, lex, i + 1);
        }
        if end > i + 1 {
            out.push(Found {
                tokens: i + 1..end,
                kind: EntityType::Loc,
                entry: None,
                id: None,
                source: Source::Rule,
            });
        }
    }
    out
}

/// Words of the longest known place name starting at token `i` (see [`headed_places`]).
fn indefinite_place(doc: &Doc<'_, '_>, lex: &Lexicon, i: usize) -> usize {
    let k = &doc.keys[i];
    if doc.a.tokens[i].kind != TokenKind::Arabic
        || !is_arabic_word(k)
        || lex.name_stop.contains(k)
        // Keys are match-normalised: ـية is written ـيه here.
        || k.ends_with("يه")
    {
        return 0;
    }
    let words: Vec<&str> = (i..doc.len().min(i + 4))
        .take_while(|&j| doc.sent[j] == doc.sent[i] && doc.a.tokens[j].kind == TokenKind::Arabic)
        .map(|j| doc.a.token_text(j))
        .collect();
    crate::tagger::gazetteer::shipped().place_len(&words)
}

/// Persons named in an apposition: "أشار فنسنت فوشيه، الباحث في ..." — the words before a comma
/// that is followed by a role noun (الباحث، محرر، زعيم، المعروف ...).
pub(crate) fn appositives(doc: &Doc<'_, '_>, lex: &Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    for c in 2..doc.len().saturating_sub(1) {
        if !matches!(doc.a.token_text(c), "،" | ",") {
            continue;
        }
        let Some(n) = (c + 1..doc.len()).find(|&j| !doc.is_quote(j)) else {
            continue;
        };
        if !doc.in_set(&lex.role, n) {
            continue;
        }
        if let Some(r) = name_before(doc, lex, c) {
            out.push(Found {
                tokens: r,
                kind: EntityType::Per,
                entry: None,
                id: None,
                source: Source::Rule,
            });
        }
    }
    out
}

/// Backward capture of an unrecognised person name that ends at token `end` (exclusive): up to four
/// Arabic words, stopping at punctuation, stop words and titles. Used only next to relation
/// triggers, where a name is expected.
pub(crate) fn name_before(
    doc: &Doc<'_, '_>,
    lex: &Lexicon,
    end: usize,
) -> Option<std::ops::Range<usize>> {
    let mut start = end;
    while start > 0 && end - start < 5 {
        let j = start - 1;
        let k = &doc.keys[j];
        // A definite word inside a name (not its last word, not a nisba) only follows عبد/أبو/بن
        // (عبد الله): otherwise it is the noun before the name (اعتقلت القوات عمر ...).
        let inner_definite = j + 1 < end
            && k.starts_with("ال")
            && !is_nisba(k)
            && !(j > 0 && ["عبد", "ابو", "ابي", "بن", "ابن"].contains(&doc.keys[j - 1].as_str()));
        if doc.a.tokens[j].kind != TokenKind::Arabic
            || !is_arabic_word(k)
            || inner_definite
            || doc.in_set(&lex.name_stop, j)
            || lex.title.contains(k)
            || lex.role.contains(k)
            || lex.generic_head.contains(k)
            || doc.sent[j] != doc.sent[end.saturating_sub(1)]
        {
            break;
        }
        start = j;
    }
    // Arabic news sentences open with the verb (قتل أحمد الزبيدي ...): a long capture that starts
    // the sentence loses its first word.
    let sent_start = doc.sentence_tokens(doc.sent[end.saturating_sub(1)]).start;
    if start == sent_start && end - start >= 3 {
        start += 1;
    }
    (end - start >= 2).then_some(start..end)
}

/// Forward capture of a name starting at `start`: up to four Arabic words (a kunya's nisbas
/// included), stopping at punctuation and stop words.
pub(crate) fn name_after(
    doc: &Doc<'_, '_>,
    lex: &Lexicon,
    start: usize,
) -> Option<std::ops::Range<usize>> {
    let mut end = start;
    while end < doc.len() && end - start < 4 {
        let k = &doc.keys[end];
        if doc.a.tokens[end].kind != TokenKind::Arabic
            || !is_arabic_word(k)
            || (end > start && doc.in_set(&lex.name_stop, end))
            || doc.sent[end] != doc.sent[start]
        {
            break;
        }
        end += 1;
    }
    (end - start >= 2).then_some(start..end)
}

/// Derived key of a name: word keys joined by `-`, the first word without an attached
/// conjunction/preposition before the article (والمركز → المركز).
pub(crate) fn name_key(doc: &Doc<'_, '_>, tokens: std::ops::Range<usize>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (n, i) in tokens.enumerate() {
        let k = &doc.keys[i];
        if doc.is_punct(i) {
            continue;
        }
        if n == 0 {
            parts.push(doc.fkeys[i].clone());
        } else {
            parts.push(k.clone());
        }
    }
    parts.join("-")
}

/// Key of a word without a leading conjunction و/ف when the text layer segmented one off
/// (`prefix`; وحسام → حسام): the text layer's clitic analysis is lexicon-guarded, ours would not be.
pub(crate) fn conjunction_free_key(k: &str, prefix: &str) -> String {
    let p = crate::lexicon::canon(prefix);
    if let Some(c) = ["و", "ف"].into_iter().find(|c| p.starts_with(c))
        && let Some(rest) = k.strip_prefix(c)
        && rest.chars().count() >= 3
    {
        return rest.to_string();
    }
    k.to_string()
}

/// First word of a name with clitics before the article removed (ولل/بال/وال → ال). A lone و/ب/ل
/// before an indefinite name is kept: it cannot be told from the name's own first letter (بيتر).
pub(crate) fn first_word_key(k: &str) -> String {
    for p in ["وبال", "فبال", "وال", "فال", "بال", "كال"] {
        if let Some(r) = k.strip_prefix(p)
            && r.chars().count() >= 3
            && p != "كال"
        {
            return format!("ال{r}");
        }
    }
    for p in ["ولل", "فلل", "لل"] {
        if let Some(r) = k.strip_prefix(p)
            && r.chars().count() >= 3
        {
            return format!("ال{r}");
        }
    }
    k.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::canon;

    fn spans(text: &str, f: impl Fn(&Doc<'_, '_>, &Lexicon) -> Vec<Found>) -> Vec<String> {
        let a = text::analyze(text);
        let doc = Doc::new(&a);
        let lex = Lexicon::bundled();
        f(&doc, &lex)
            .iter()
            .map(|x| {
                let s = a.tokens[x.tokens.start].byte_start;
                let e = a.tokens[x.tokens.end - 1].byte_end;
                text[s..e].to_string()
            })
            .collect()
    }

    #[test]
    fn kunya_with_nisbas_is_a_person() {
        let v = spans(
            "ظهر أبو عمر الشيشاني في تسجيل، وقال إن أبا قتادة الفلسطيني غادر.",
            kunyas,
        );
        assert_eq!(v, vec!["أبو عمر الشيشاني", "أبا قتادة الفلسطيني"]);
    }

    #[test]
    fn quoted_and_latin_names_after_media_nouns() {
        let v = spans(
            "نشر موقع «مرصد الجهاد» تقريرا، كما نقلت مجلة Foreign Affairs عنه.",
            headed_names,
        );
        assert_eq!(v, vec!["مرصد الجهاد", "Foreign Affairs"]);
    }

    #[test]
    fn first_word_key_strips_clitics_only_before_the_article() {
        assert_eq!(first_word_key(&canon("والمركز")), canon("المركز"));
        assert_eq!(first_word_key(&canon("للبحث")), canon("البحث"));
        assert_eq!(first_word_key(&canon("بيتر")), canon("بيتر"));
        assert_eq!(first_word_key(&canon("كالامور")), canon("كالامور"));
    }
}
