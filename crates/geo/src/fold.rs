//! Lookup keys for place names, and the spelling variants tried at query time.
//!
//! A key is the text layer's match form ([`text::normalize::match_form`]) folded once more for
//! place names: hamza seats and final hamza are dropped (صنعاء = صنعا), Persian yeh/keheh become
//! Arabic letters, and spaces, hyphens and dots are removed so that دير الزور and ديرالزور meet.
//! The same function builds the index and the queries, so both sides always agree.
//!
//! It does not rank anything and does not know which keys exist; [`query_variants`] only proposes
//! the strings to try (clitics stripped, ال toggled, a leading trigger word removed).

use text::normalize::match_form;

/// The lookup key of a place name (Arabic or Latin script).
pub fn key(s: &str) -> String {
    if s.chars().any(is_presentation_form) {
        return fold_match(&match_form(&letters_of_presentation_forms(s)));
    }
    fold_match(&match_form(s))
}

/// Whether a character is one of Unicode's Arabic presentation forms (contextual glyph codes
/// such as ﻋ ﺪ ﻥ and ligatures such as ﻻ, U+FB50–FDFF and U+FE70–FEFF).
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// The letters a string's Arabic presentation forms stand for. Text copied from PDFs and old
/// encodings writes glyphs (ﻋﺪﻥ) rather than letters (عدن); their compatibility decomposition
/// (NFKC) is the letters, so a name written that way meets its key. Other characters are kept.
fn letters_of_presentation_forms(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_presentation_form(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

/// The lookup key of a string that is already in match form (a token's `norm`): the place-name
/// folding without running the text layer's normaliser again.
pub fn fold_match(m: &str) -> String {
    let mut out = String::with_capacity(m.len());
    for c in m.chars() {
        if is_presentation_form(c) {
            // A glyph code (ﻋ) is its letter (ع): see `letters_of_presentation_forms`.
            let letters = letters_of_presentation_forms(c.encode_utf8(&mut [0; 4]));
            // Some code points of the block have no decomposition (the ornate parentheses
            // U+FD3E/FD3F, the rial sign): they stay as they are instead of being folded again
            // and again.
            if letters.chars().any(is_presentation_form) {
                out.push_str(&letters);
            } else {
                out.push_str(&fold_match(&letters));
            }
            continue;
        }
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' | 'ی' | 'ئ' | 'ې' => out.push('ي'),
            'ة' => out.push('ه'),
            'ک' => out.push('ك'),
            'ؤ' => out.push('و'),
            'ء' => {}
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}' => {}
            c if c.is_whitespace() => {}
            '-' | '.' | '\'' | '’' | '‘' | '`' | '"' | '«' | '»' | '(' | ')' | '،' | ',' => {
            }
            c if c.is_ascii_uppercase() => out.push(c.to_ascii_lowercase()),
            c => out.push(c),
        }
    }
    out
}

/// Whether a GeoNames alternate name is written in the Arabic alphabet proper.
///
/// GeoNames mixes Persian, Urdu, Pashto, Kurdish and Uyghur names into its Arabic-script
/// alternates without a language tag. Names that use letters Arabic does not have (پ چ ژ گ ی ک ہ
/// ھ ے ۇ ...) or the zero-width non-joiner are almost never how Arabic news writes a place, and
/// they collide with Arabic words, so the gazetteer leaves them out.
pub fn is_arabic_alphabet(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        match c {
            '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => letters += 1,
            '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' | '\u{0671}' => {}
            ' ' | '-' | '.' | '\'' => {}
            _ => return false,
        }
    }
    letters >= 2
}

/// Whether a string holds at least one Arabic-script letter (presentation forms included).
pub fn has_arabic(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c) || is_presentation_form(c))
}

/// One string to look up, with what it cost to get there.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The lookup key.
    pub key: String,
    /// How far the variant is from what was written (0 = as written).
    pub penalty: f32,
    /// A trigger word that preceded the name inside the query itself (محافظة نينوى).
    pub trigger: Option<String>,
}

/// Trigger words that may open a place phrase, in match form without clitics.
pub struct Triggers<'a> {
    /// Words like مدينه, محافظه (match form).
    pub words: &'a [String],
}

/// Split a written place phrase into words, dropping punctuation around them.
fn words(name: &str) -> Vec<&str> {
    name.split(|c: char| c.is_whitespace() || matches!(c, '«' | '»' | '"' | '(' | ')' | '،' | ','))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Proclitic-stripped forms of the first word of a phrase, in match form, with a penalty each.
///
/// Arabic writes و/ف (and), ب (in), ل (to), ك (like) and لل (to the) onto the next word, so
/// وبغداد, بالموصل and للرقة must all reach the name. Every stripped form is only a guess (بغداد
/// itself starts with ب), which is what the penalty records; the bare word always comes first.
pub fn first_word_forms(word: &str) -> Vec<(String, f32)> {
    let mut out = clitic_forms(&key(word));
    // The text layer's own segmentation, when it splits differently from the rules above.
    let seg = text::clitics::segment(&match_form(word));
    let stem = key(&seg.stem);
    if !seg.prefix.is_empty() && stem.chars().count() >= 3 {
        let with_al = if seg.prefix.ends_with("ال") {
            format!("ال{stem}")
        } else {
            stem.clone()
        };
        for (s, p) in [(with_al, 1.0), (stem, 1.5)] {
            if !out.iter().any(|(k, _)| *k == s) {
                out.push((s, p));
            }
        }
    }
    out
}

/// Rule-based proclitic-stripped forms of a word already folded to a key (no text-layer call,
/// so it is cheap enough to run on every token of a document).
pub fn clitic_forms(w: &str) -> Vec<(String, f32)> {
    let mut out: Vec<(String, f32)> = vec![(w.to_string(), 0.0)];
    let mut stems: Vec<(&str, f32, bool)> = vec![(w, 0.0, false)];
    if let Some(rest) = w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
        stems.push((rest, 1.0, false));
    }
    for i in 0..stems.len() {
        let (s, p, _) = stems[i];
        if let Some(rest) = s.strip_prefix("لل") {
            // للرقة = ل + الرقة
            stems.push((rest, p + 1.0, true));
        }
        for pre in ['ب', 'ل', 'ك'] {
            if let Some(rest) = s.strip_prefix(pre) {
                stems.push((rest, p + 1.0, false));
            }
        }
    }
    for (s, p, add_al) in stems {
        let s = if add_al {
            format!("ال{s}")
        } else {
            s.to_string()
        };
        // A stripped form must keep a real word: two letters at least after ال.
        let core = s.strip_prefix("ال").unwrap_or(&s);
        if core.chars().count() >= 2 && !out.iter().any(|(k, _)| *k == s) {
            out.push((s, p));
        }
    }
    out
}

/// The keys to try for a written place phrase, best first.
///
/// Handles a leading trigger word (بمدينة الموصل → الموصل, trigger مدينه), proclitics on the first
/// word, and the article ال present or absent (الرقة ~ رقة).
pub fn query_variants(name: &str, triggers: &Triggers<'_>) -> Vec<Variant> {
    let ws = words(name);
    let mut out: Vec<Variant> = Vec::new();
    if ws.is_empty() {
        return out;
    }
    let mut starts: Vec<(usize, Option<String>)> = vec![(0, None)];
    // A leading trigger word: try the phrase without it, remembering the trigger.
    if ws.len() >= 2 {
        for (form, _) in first_word_forms(ws[0]) {
            let bare = form.strip_prefix("ال").unwrap_or(&form).to_string();
            if let Some(t) = triggers.words.iter().find(|t| **t == bare || **t == form) {
                starts.push((1, Some(t.clone())));
                break;
            }
        }
    }
    for (start, trig) in starts {
        let rest = &ws[start..];
        let tail: String = rest[1..].iter().map(|w| key(w)).collect();
        let trigger_penalty = 0.0;
        for (first, p) in first_word_forms(rest[0]) {
            let k = format!("{first}{tail}");
            let mut add = |k: String, pen: f32| {
                if k.chars().count() < 2 {
                    return;
                }
                if let Some(v) = out.iter_mut().find(|v| v.key == k) {
                    if pen < v.penalty {
                        v.penalty = pen;
                        v.trigger = trig.clone();
                    }
                } else {
                    out.push(Variant {
                        key: k,
                        penalty: pen,
                        trigger: trig.clone(),
                    });
                }
            };
            add(k.clone(), p + trigger_penalty);
            // The article: الرقة and رقة are the same place in headlines and lists.
            if let Some(bare) = k.strip_prefix("ال") {
                if bare.chars().count() >= 3 {
                    add(bare.to_string(), p + 1.0);
                }
            } else if has_arabic(&k) {
                add(format!("ال{k}"), p + 1.0);
            }
        }
    }
    out.sort_by(|a, b| a.penalty.total_cmp(&b.penalty));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_spelling_variants() {
        assert_eq!(key("دير الزور"), key("ديرالزور"));
        assert_eq!(key("الرقة"), key("الرقه"));
        assert_eq!(key("صنعاء"), key("صنعا"));
        assert_eq!(key("إسرائيل"), key("اسرائيل"));
        assert_eq!(key("New York"), "newyork");
    }

    #[test]
    fn presentation_forms_are_their_letters() {
        // ﻋﺪﻥ is عدن written with glyph codes (as in text copied from a PDF); ﻻ is لا.
        assert_eq!(key("ﻋﺪﻥ"), key("عدن"));
        assert_eq!(fold_match("ﻋﺪﻥ"), key("عدن"));
        assert_eq!(key("ﺍﻟﻔﻼﺣﻴﺔ"), key("الفلاحية"));
        assert!(has_arabic("ﻋﺪﻥ"));
    }

    #[test]
    fn every_presentation_form_folds_without_looping() {
        // A code point of the blocks with no decomposition (U+FD3E) once recursed forever.
        for c in ('\u{FB50}'..='\u{FDFF}').chain('\u{FE70}'..='\u{FEFE}') {
            let s = format!("ب{c}ب");
            let _ = fold_match(&s);
            let _ = key(&s);
        }
        assert_eq!(fold_match("\u{FD3E}"), "\u{FD3E}");
    }

    #[test]
    fn persian_names_are_not_arabic_alphabet() {
        assert!(is_arabic_alphabet("الموصل"));
        assert!(!is_arabic_alphabet("شانگهای"));
        assert!(!is_arabic_alphabet("شن‌ژن"));
        assert!(!is_arabic_alphabet("Mosul"));
    }

    #[test]
    fn clitics_and_triggers_are_stripped() {
        let trig = vec![key("مدينة"), key("محافظة")];
        let t = Triggers { words: &trig };
        let v = query_variants("بمدينة الموصل", &t);
        let hit = v.iter().find(|v| v.key == key("الموصل")).expect("variant");
        assert_eq!(hit.trigger.as_deref(), Some(key("مدينة").as_str()));
        assert_eq!(hit.penalty, 0.0);
        let v = query_variants("وبغداد", &t);
        assert!(v.iter().any(|v| v.key == key("بغداد")));
        assert_eq!(v[0].key, key("وبغداد"));
        let v = query_variants("للرقة", &t);
        assert!(v.iter().any(|v| v.key == key("الرقة")));
        let v = query_variants("رقة", &t);
        assert!(v.iter().any(|v| v.key == key("الرقة")));
    }
}
