//! Consonant skeletons: how an Arabic place name written in Arabic meets the same name known only
//! in Latin romanisation.
//!
//! GeoNames has many towns of the Arab world with no Arabic-script name at all (عنيزة، الدوادمي،
//! ترهونة are "Unaizah", "Ad Dawādimī", "Tarhuna"), and Arabic news names exactly those towns. A
//! Latin romanisation (BGN/PCGN with or without its diacritics, or French-style in the Maghreb)
//! cannot be turned back into one Arabic spelling: short vowels are not written in Arabic, long ones
//! are not marked in plain Latin, emphatic letters (ص ط ض ظ ح) lose their dots. So both sides are
//! reduced to a **skeleton** that drops what the two scripts disagree on: vowels and the letters
//! that stand for them (ا و ي ى), ع and hamza, a final ة, doubled letters; and that merges the
//! pairs plain Latin confuses (س/ص، ت/ط/ث، د/ض/ذ، ز/ظ، ه/ح). ترهونة and "Tarhuna" are both ترهن.
//!
//! Skeletons collide far more than spellings do, so the gazetteer indexes them under their own
//! flag and the ranker only uses them as a last resort, with a penalty and context checks. It does
//! not produce display spellings: a place found this way shows its Latin name.

/// The skeleton of an Arabic place key ([`crate::fold::key`] form: no spaces, ة folded to ه).
pub fn skeleton(key: &str) -> String {
    // A final ة (folded to ه) is a vowel ending that Latin writes as -a, -ah, -e or not at all.
    let body = key.strip_suffix(['ه', 'ة']).unwrap_or(key);
    let mut out = String::with_capacity(body.len());
    let mut last = '\0';
    for c in body.chars() {
        let m = match c {
            // A dropped vowel letter still separates two consonants: only letters written side
            // by side (a Latin double, or the same letter across a word boundary) merge.
            'ا' | 'أ' | 'إ' | 'آ' | 'و' | 'ي' | 'ى' | 'ع' | 'ء' | 'ئ' | 'ؤ' => {
                last = '\0';
                continue;
            }
            'ص' => 'س',
            'ط' | 'ث' => 'ت',
            'ض' | 'ذ' => 'د',
            'ظ' => 'ز',
            'ح' => 'ه',
            'ة' => 'ه',
            c if ('\u{0621}'..='\u{064A}').contains(&c) => c,
            _ => continue,
        };
        if m != last {
            out.push(m);
            last = m;
        }
    }
    out
}

/// Whether a skeleton is long enough to be looked up: short ones are mostly ordinary roots.
pub fn usable(skel: &str) -> bool {
    let n = skel.chars().count();
    // A leading ل is usually the article, which carries no information.
    n >= 4 || (n == 3 && !skel.starts_with('ل'))
}

/// Stands for the two letters تش (Turkish ç) among one-letter alternatives.
const TSH: char = '\u{E000}';

/// Articles of romanised Arabic names ("Al Khafjī", "Ad Dawādimī", "Ash Shiḩr", "El Oued").
const ARTICLES: &[&str] = &[
    "al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "en", "er", "es",
    "et", "ez", "aḑ", "aş", "aţ", "az̧", "aẓ", "aṣ", "aṭ", "aḍ",
];

/// Which romanisation a Latin place name is in: it decides what a few letters stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// BGN/PCGN romanisation of Arabic, Persian or Pashto ("Ad Dawādimī", "Fāryāb").
    Arabic,
    /// French-style romanisation of Maghreb names: "ou" for و, "ch" for ش, "dj" for ج, "g" for ق.
    French,
    /// Turkish spelling ("Bulanık", "Suruç", "Ceylanpınar"): c is ج, ç is تش/ش/ج, ş is ش.
    Turkish,
    /// English exonyms of foreign divisions ("Florida", "Tennessee"): "ph" is ف, "ng" is ن.
    English,
}

/// Skeletons for a Latin (romanised) name of a place in the given [`Style`]. Several skeletons
/// come out where Latin is ambiguous (a final "h" may be ح or a vowel ending; "at" closing a word
/// may be ة); at most eight, each [`usable`].
pub fn latin_skeletons(name: &str, style: Style) -> Vec<String> {
    let mut sk = latin_skeletons_any(name, style);
    sk.retain(|s| usable(s));
    sk
}

/// [`latin_skeletons`] without the length check (for searches already narrowed to a few places).
pub fn latin_skeletons_any(name: &str, style: Style) -> Vec<String> {
    let maghreb = style == Style::French;
    let turkish = style == Style::Turkish;
    let english = style == Style::English;
    use unicode_normalization::UnicodeNormalization;
    let lower: String = name.nfc().flat_map(char::to_lowercase).collect();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty()
        || lower
            .chars()
            .any(|c| c.is_ascii_digit() || ('\u{0600}'..='\u{06FF}').contains(&c))
    {
        return Vec::new();
    }
    // Each entry: the Arabic-letter alternatives of one position.
    let mut slots: Vec<Vec<char>> = Vec::new();
    for (wi, w) in words.iter().enumerate() {
        let last_word = wi + 1 == words.len();
        if !last_word && ARTICLES.contains(w) {
            slots.push(vec!['ل']);
            continue;
        }
        let cs: Vec<char> = w.chars().collect();
        let mut i = 0;
        while i < cs.len() {
            let c = cs[i];
            let next = cs.get(i + 1).copied();
            let two = |a: char, b: char| c == a && next == Some(b);
            if c == 'x' {
                // Latin x is two consonants, ks: "Texas" is تكساس, "Luxor" لوكسور.
                slots.push(vec!['ك']);
                slots.push(vec!['س']);
                i += 1;
                continue;
            }
            let (alts, used): (Vec<char>, usize) = if english && two('p', 'h') {
                (vec!['ف'], 2)
            } else if english && two('n', 'g') && !cs.get(i + 2).copied().is_some_and(is_vowel) {
                (vec!['ن'], 2)
            } else if english && two('c', 'k') {
                (vec!['ك'], 2)
            } else if turkish && c == 'ç' {
                (vec!['ش', 'ج', TSH], 1)
            } else if turkish && c == 'c' {
                (vec!['ج'], 1)
            } else if turkish && c == 'ğ' {
                (vec!['ا'], 1)
            } else if turkish && c == 'ş' {
                (vec!['ش'], 1)
            } else if two('s', 'h') || (maghreb && two('c', 'h')) {
                (vec!['ش'], 2)
            } else if two('k', 'h') {
                (vec!['خ'], 2)
            } else if two('t', 'h') {
                (vec!['ث'], 2)
            } else if two('d', 'h') {
                (vec!['ذ'], 2)
            } else if two('g', 'h') {
                (vec!['غ'], 2)
            } else if two('d', 'j') {
                (vec!['ج'], 2)
            } else if c == 'z' && next == Some('\u{0327}') {
                (vec!['ظ'], 2)
            } else {
                let a: Vec<char> = match c {
                    'b' | 'p' => vec!['ب'],
                    't' => {
                        // "Qal‘at Bīshah": a word-closing t after a vowel may be ة.
                        let closing = i + 1 == cs.len() && !last_word && i > 0;
                        if closing && is_vowel(cs[i - 1]) {
                            vec!['ت', 'ة']
                        } else {
                            vec!['ت']
                        }
                    }
                    'ţ' | 'ṭ' => vec!['ط'],
                    'j' => vec!['ج'],
                    'ḩ' | 'ḥ' => vec!['ح'],
                    'h' => {
                        // A final plain h is a vowel ending (ة) or a real ح/ه.
                        if i + 1 == cs.len() && i > 0 && is_vowel(cs[i - 1]) {
                            vec!['ة', 'ح']
                        } else {
                            vec!['ه']
                        }
                    }
                    'd' => vec!['د'],
                    'ḑ' | 'ḍ' => vec!['ض'],
                    'r' => vec!['ر'],
                    'z' => vec!['ز'],
                    'ẓ' => vec!['ظ'],
                    's' => vec!['س'],
                    'ş' | 'ṣ' => vec!['ص'],
                    'f' | 'v' => vec!['ف'],
                    'q' => vec!['ق'],
                    'k' => vec!['ك'],
                    'l' => vec!['ل'],
                    'm' => vec!['م'],
                    'n' => vec!['ن'],
                    'g' if maghreb => vec!['ق', 'ج'],
                    'g' => vec!['ج', 'غ'],
                    'c' => match next {
                        Some('e' | 'i' | 'y') => vec!['س'],
                        _ => vec!['ك'],
                    },
                    // Vowels, w/y and ‘ ’: a letter the skeleton drops, kept here only so that
                    // the consonants around it do not merge as a double.
                    'w' | 'y' | '‘' | '’' => vec!['ا'],
                    c if is_vowel(c) => vec!['ا'],
                    _ => Vec::new(),
                };
                (a, 1)
            };
            if !alts.is_empty() {
                slots.push(alts);
            }
            i += used;
        }
    }
    let mut outs: Vec<String> = vec![String::new()];
    for s in &slots {
        let mut next = Vec::with_capacity(outs.len() * s.len());
        for o in &outs {
            for &c in s {
                if next.len() >= 8 {
                    break;
                }
                let mut x = o.clone();
                if c == TSH {
                    x.push_str("تش");
                } else {
                    x.push(c);
                }
                next.push(x);
            }
        }
        outs = next;
    }
    let mut sk: Vec<String> = outs
        .iter()
        .map(|a| skeleton(a))
        .filter(|s| !s.is_empty())
        .collect();
    sk.sort();
    sk.dedup();
    sk
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'ā'
            | 'ī'
            | 'ū'
            | 'á'
            | 'é'
            | 'è'
            | 'ê'
            | 'í'
            | 'ó'
            | 'ô'
            | 'ú'
            | 'â'
            | 'î'
            | 'û'
            | 'ı'
            | 'ö'
            | 'ü'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::key;

    fn meets(arabic: &str, latin: &str, style: Style) -> bool {
        let a = skeleton(&key(arabic));
        latin_skeletons(latin, style).contains(&a)
    }

    #[test]
    fn romanised_names_meet_their_arabic_spelling() {
        assert!(meets("ترهونة", "Tarhuna", Style::Arabic));
        assert!(meets("الدوادمي", "Ad Dawādimī", Style::Arabic));
        assert!(meets("قلعة بيشة", "Qal‘at Bīshah", Style::Arabic));
        assert!(meets("رابغ", "Rābigh", Style::Arabic));
        assert!(meets("الخفجي", "Al Khafjī", Style::Arabic));
        assert!(meets("طريف", "Ţurayf", Style::Arabic));
        assert!(meets("ورزازات", "Ouarzazate", Style::French));
        assert!(meets("قفصة", "Gafsa", Style::French));
        assert!(meets("صلالة", "Salalah", Style::Arabic));
        assert!(meets("بولانيك", "Bulanık", Style::Turkish));
        assert!(meets("سروج", "Suruç", Style::Turkish));
        assert!(meets("سوروتش", "Suruç", Style::Turkish));
        assert!(meets("جيلان بينار", "Ceylanpınar", Style::Turkish));
        assert!(meets("فلوريدا", "Florida", Style::English));
        assert!(meets("تينيسي", "Tennessee", Style::English));
        assert!(meets("فارياب", "Fāryāb", Style::Arabic));
        // x is ks.
        assert!(meets("تكساس", "Texas", Style::English));
        assert!(meets("نيو مكسيكو", "New Mexico", Style::English));
    }

    #[test]
    fn different_places_stay_apart() {
        assert!(!meets("ترهونة", "Tarabulus", Style::Arabic));
        assert!(!meets("الدوادمي", "Ad Dammam", Style::Arabic));
        // Too short to trust: two consonants after the article.
        assert!(latin_skeletons("Al Fu'ah", Style::Arabic).is_empty());
        assert!(latin_skeletons("Km 42", Style::Arabic).is_empty());
    }

    #[test]
    fn skeleton_drops_what_the_scripts_disagree_on() {
        assert_eq!(skeleton(&key("الرقة")), skeleton(&key("الرقه")));
        assert_eq!(skeleton(&key("صنعاء")), skeleton(&key("سنعا")));
        assert_eq!(skeleton(&key("حلب")), "هلب");
    }
}
