//! Tokeniser: Arabic words, Latin words, numbers, punctuation and symbols, each with character and
//! byte offsets into the original text.
//!
//! Rules, in short:
//! * an **Arabic word** is a run of Arabic letters; diacritics, tatweel and ZWJ/ZWNJ inside or at
//!   the end of it stay in it (`هـ`, `قُتِلَ`);
//! * a **Latin word** is a run of Latin letters and ASCII digits starting with a letter (`F16`),
//!   with inner apostrophes (`O'Brien`);
//! * a **number** is a run of ASCII, Arabic-Indic or Extended Arabic-Indic digits with inner `.`
//!   `,` `٫` `٬` between digits (`1,200`, `٧٥`, `3.5`, `٣٫٥`); a following Arabic word is a separate
//!   token (`1436هـ` → `1436` + `هـ`); [`number_value`] reads a number token's value;
//! * every punctuation mark is its own token (quotes “ ” « » ", slashes in `فبراير/شباط`), except a
//!   run of full stops (`...`), which is one token;
//! * whitespace, bidi controls and zero-width spaces separate tokens and belong to none; a
//!   diacritic that follows no word is dropped.
//!
//! Each token carries its match form ([`crate::normalize::match_form`]) and, for Arabic words,
//! its clitic segmentation ([`crate::clitics::split_with`]). It does not find multi-token units (number
//! words, dates, names): later stages do.

use unicode_normalization::char::canonical_combining_class;

use crate::clitics::{Spelling, split_with};
use crate::normalize::match_form;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word in Arabic script.
    Arabic,
    /// A word in Latin script.
    Latin,
    /// A number in any digits (`1,200`, `٧٥`, `3.5`, the `1436` of `1436هـ`).
    Number,
    /// Punctuation, quotes, slashes.
    Punct,
    /// Anything else (symbols, other scripts).
    Other,
}

/// One token with offsets into the original text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Token {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset one past the last character.
    pub byte_end: usize,
    /// Token class.
    pub kind: TokenKind,
    /// Match-normalised form of the whole token (see [`crate::normalize::match_form`]).
    pub norm: String,
    /// Proclitics in match form, concatenated (`وبال` for وبالموصل); empty when none.
    pub prefix: String,
    /// The stem in match form, clitics removed (`موصل`); equals `norm` when nothing was split.
    pub stem: String,
    /// Enclitic pronoun in match form (`ها`); empty when none.
    pub suffix: String,
}

/// Character class used by the scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Arabic,
    Latin,
    OtherLetter,
    Digit,
    /// Joins to the word before it: diacritics, tatweel, ZWJ/ZWNJ, other combining marks.
    Mark,
    Punct,
    Symbol,
}

fn classify(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Latin,
            '0'..='9' => Class::Digit,
            c if c.is_ascii_whitespace() || c.is_ascii_control() => Class::Space,
            c if c.is_ascii_punctuation() => match c {
                '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' => Class::Symbol,
                _ => Class::Punct,
            },
            _ => Class::Symbol,
        };
    }
    match c {
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => Class::Digit,
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}'
        | '\u{200C}'
        | '\u{200D}' => Class::Mark,
        '\u{0621}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE80}'..='\u{FEFC}' => Class::Arabic,
        '\u{FE70}'..='\u{FE7F}' => Class::Mark,
        '\u{060C}'
        | '\u{061B}'
        | '\u{061F}'
        | '\u{066A}'..='\u{066D}'
        | '\u{06D4}'
        | '\u{060D}' => Class::Punct,
        '\u{061C}' => Class::Space,
        '\u{0600}'..='\u{06FF}' => Class::Symbol,
        '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{2060}'
        | '\u{00AD}' => Class::Space,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}'..='\u{00BF}'
            if is_unicode_punct(c) =>
        {
            Class::Punct
        }
        '«' | '»' | '\u{2E00}'..='\u{2E7F}' | '\u{3001}' | '\u{3002}' | '\u{FF01}'..='\u{FF0F}' => {
            Class::Punct
        }
        c if c.is_whitespace() || c.is_control() => Class::Space,
        c if canonical_combining_class(c) != 0 => Class::Mark,
        c if c.is_alphabetic() => {
            // Latin-1 supplement letters, Latin Extended-A/B, IPA, Latin Extended Additional
            if matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') {
                Class::Latin
            } else {
                Class::OtherLetter
            }
        }
        c if c.is_numeric() => Class::OtherLetter,
        _ => Class::Symbol,
    }
}

/// General punctuation we treat as punctuation (as opposed to symbols like `©` or `°`).
fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}' | '\u{2053}'..='\u{205E}'
            | '¡' | '§' | '«' | '¶' | '·' | '»' | '¿'
    )
}

/// A digit's family, so `1٢` is not read as one number.
fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

/// A scanner over `text` that knows its byte and char position.
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    chr: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.byte..].chars().next()
    }

    fn peek2(&self) -> Option<char> {
        let mut it = self.text[self.byte..].chars();
        it.next();
        it.next()
    }

    fn bump(&mut self, c: char) {
        self.byte += c.len_utf8();
        self.chr += 1;
    }

    /// Consume characters while `f` holds.
    fn eat_while(&mut self, f: impl Fn(Class, char) -> bool) {
        while let Some(c) = self.peek() {
            if !f(classify(c), c) {
                break;
            }
            self.bump(c);
        }
    }
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    scan(text, |bs, cs, be, ce, kind| {
        out.push(make_token(text, bs, cs, be, ce, kind));
    });
    out
}

/// The text of every token, with the same boundaries as [`tokenize`] but none of its per-token
/// work (normalisation, clitic segmentation): for callers that only need to split names into
/// words the way the text layer will, such as building lookup tables at start-up.
pub fn token_texts(text: &str) -> Vec<(&str, TokenKind)> {
    let mut out = Vec::new();
    scan(text, |bs, _, be, _, kind| out.push((&text[bs..be], kind)));
    out
}

/// Find token boundaries: calls `emit(byte_start, char_start, byte_end, char_end, kind)` for
/// each token in order.
fn scan(text: &str, mut emit: impl FnMut(usize, usize, usize, usize, TokenKind)) {
    let mut cur = Cursor {
        text,
        byte: 0,
        chr: 0,
    };
    while let Some(c) = cur.peek() {
        let class = classify(c);
        let (bs, cs) = (cur.byte, cur.chr);
        let kind = match class {
            Class::Space | Class::Mark => {
                cur.bump(c);
                continue;
            }
            Class::Arabic => {
                cur.bump(c);
                cur.eat_while(|k, _| matches!(k, Class::Arabic | Class::Mark));
                TokenKind::Arabic
            }
            Class::Latin => {
                cur.bump(c);
                loop {
                    cur.eat_while(|k, ch| {
                        matches!(k, Class::Latin | Class::Mark) || ch.is_ascii_digit()
                    });
                    // inner apostrophe: O'Brien, d’Ivoire
                    match (cur.peek(), cur.peek2()) {
                        (Some(a @ ('\'' | '’')), Some(n)) if classify(n) == Class::Latin => {
                            cur.bump(a);
                        }
                        _ => break,
                    }
                }
                TokenKind::Latin
            }
            Class::OtherLetter => {
                cur.bump(c);
                cur.eat_while(|k, _| matches!(k, Class::OtherLetter | Class::Mark));
                TokenKind::Other
            }
            Class::Digit => {
                cur.bump(c);
                loop {
                    cur.eat_while(|k, _| k == Class::Digit);
                    match (cur.peek(), cur.peek2()) {
                        (Some(sep), Some(n))
                            if is_number_separator(sep) && classify(n) == Class::Digit =>
                        {
                            cur.bump(sep);
                        }
                        _ => break,
                    }
                }
                TokenKind::Number
            }
            Class::Punct => {
                cur.bump(c);
                if c == '.' {
                    cur.eat_while(|_, ch| ch == '.');
                }
                TokenKind::Punct
            }
            Class::Symbol => {
                cur.bump(c);
                TokenKind::Other
            }
        };
        emit(bs, cs, cur.byte, cur.chr, kind);
    }
}

fn make_token(text: &str, bs: usize, cs: usize, be: usize, ce: usize, kind: TokenKind) -> Token {
    let norm = match_form(&text[bs..be]);
    let (prefix, stem, suffix) = if kind == TokenKind::Arabic {
        let sp = split_with(&norm, Spelling::of(&text[bs..be]));
        (
            sp.prefix.to_owned(),
            sp.stem.into_owned(),
            sp.suffix.to_owned(),
        )
    } else {
        (String::new(), norm.clone(), String::new())
    };
    Token {
        start: cs,
        end: ce,
        byte_start: bs,
        byte_end: be,
        kind,
        norm,
        prefix,
        stem,
        suffix,
    }
}

/// The value of a number token's match form (`"1,200"` → 1200, `"3.5"` → 3.5, `"1.200.000"` →
/// 1200000). A comma or full stop followed by exactly three digits, or repeated, groups
/// thousands; otherwise it is a decimal point. `None` when it is not a number.
pub fn number_value(norm: &str) -> Option<f64> {
    if norm.is_empty()
        || !norm
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let groups: Vec<&str> = norm.split(['.', ',']).collect();
    if groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let seps: Vec<u8> = norm.bytes().filter(|b| !b.is_ascii_digit()).collect();
    let plain = |s: &str| s.parse::<f64>().ok();
    match seps.as_slice() {
        [] => plain(norm),
        [_] => {
            let (int, frac) = (groups[0], groups[1]);
            // "1,200" is a thousand and two hundred; "3,5" and "3.5" are decimals; "1.200" is
            // read as a decimal too, as Arabic news writes thousands with commas.
            if seps[0] == b',' && frac.len() == 3 {
                plain(&format!("{int}{frac}"))
            } else {
                plain(&format!("{int}.{frac}"))
            }
        }
        _ => {
            let first = seps[0];
            let all_same = seps.iter().all(|&s| s == first);
            let n = groups.len();
            if all_same {
                // 1,200,000 or 1.200.000: every group after the first has three digits
                if groups[1..].iter().all(|g| g.len() == 3) {
                    plain(&groups.concat())
                } else {
                    None
                }
            } else if seps[..seps.len() - 1].iter().all(|&s| s == first)
                && groups[1..n - 1].iter().all(|g| g.len() == 3)
            {
                // 1,200.5 or 1.200,5
                plain(&format!("{}.{}", groups[..n - 1].concat(), groups[n - 1]))
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod token_texts_tests {
    use super::*;

    #[test]
    fn token_texts_have_tokenize_boundaries() {
        let t = "قال «الرئيس» إن 1,200 مسلح دخلوا O'Brien-town... يوم 3.5";
        let full: Vec<(&str, TokenKind)> = tokenize(t)
            .iter()
            .map(|k| (&t[k.byte_start..k.byte_end], k.kind))
            .collect();
        assert_eq!(token_texts(t), full);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s)
            .iter()
            .map(|t| &s[t.byte_start..t.byte_end])
            .collect()
    }

    fn kinds(s: &str) -> Vec<TokenKind> {
        tokenize(s).iter().map(|t| t.kind).collect()
    }

    #[test]
    fn arabic_words_and_punct() {
        assert_eq!(
            texts("قُتل خمسة أشخاص، وأصيب آخرون."),
            ["قُتل", "خمسة", "أشخاص", "،", "وأصيب", "آخرون", "."]
        );
    }

    #[test]
    fn diacritics_and_tatweel_stay_in_words() {
        let s = "الـمـوصل كَتَبَ";
        assert_eq!(texts(s), ["الـمـوصل", "كَتَبَ"]);
        let t = tokenize(s);
        assert_eq!(t[0].norm, "الموصل");
        assert_eq!(t[1].norm, "كتب");
    }

    #[test]
    fn numbers() {
        assert_eq!(
            texts("قتل 1,200 شخص و٧٥ جريحا بنسبة 3.5%"),
            [
                "قتل",
                "1,200",
                "شخص",
                "و",
                "٧٥",
                "جريحا",
                "بنسبة",
                "3.5",
                "%"
            ]
        );
        assert_eq!(kinds("1,200 ٧٥ 3.5"), [TokenKind::Number; 3]);
        let t = tokenize("٣٫٥");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].norm, "3.5");
    }

    #[test]
    fn hijri_year_suffix() {
        let s = "عام 1436هـ الموافق";
        assert_eq!(texts(s), ["عام", "1436", "هـ", "الموافق"]);
        let t = tokenize(s);
        assert_eq!(t[1].kind, TokenKind::Number);
        assert_eq!(t[2].norm, "ه");
    }

    #[test]
    fn number_then_comma_or_period_at_end() {
        assert_eq!(
            texts("عام 2015، ثم 2016."),
            ["عام", "2015", "،", "ثم", "2016", "."]
        );
    }

    #[test]
    fn quotes() {
        assert_eq!(
            texts("قال “نعم” و«لا» و\"ربما\""),
            [
                "قال", "“", "نعم", "”", "و", "«", "لا", "»", "و", "\"", "ربما", "\""
            ]
        );
    }

    #[test]
    fn slash_between_months() {
        assert_eq!(
            texts("11 فبراير/شباط 2023"),
            ["11", "فبراير", "/", "شباط", "2023"]
        );
    }

    #[test]
    fn latin_words() {
        let s = "أعلنت وكالة Reuters وشبكة CNN أن طائرة F16 سقطت O'Brien";
        let t = tokenize(s);
        let latin: Vec<&str> = t
            .iter()
            .filter(|t| t.kind == TokenKind::Latin)
            .map(|t| &s[t.byte_start..t.byte_end])
            .collect();
        assert_eq!(latin, ["Reuters", "CNN", "F16", "O'Brien"]);
    }

    #[test]
    fn mixed_script_split() {
        assert_eq!(texts("عامReuters2015"), ["عام", "Reuters2015"]);
        assert_eq!(texts("عام2015"), ["عام", "2015"]);
    }

    #[test]
    fn ellipsis_and_question() {
        assert_eq!(
            texts("ماذا حدث؟! ثم..."),
            ["ماذا", "حدث", "؟", "!", "ثم", "..."]
        );
    }

    #[test]
    fn invisible_characters_separate_or_vanish() {
        assert_eq!(texts("\u{FEFF}بغداد\u{200F} اليوم"), ["بغداد", "اليوم"]);
        assert_eq!(texts("\u{064E}\u{0650}\u{0651}"), Vec::<&str>::new());
        assert!(tokenize("").is_empty());
    }

    #[test]
    fn char_offsets_count_chars() {
        let s = "قال: ٣ قتلى";
        let t = tokenize(s);
        assert_eq!((t[0].start, t[0].end), (0, 3));
        assert_eq!((t[1].start, t[1].end), (3, 4));
        assert_eq!((t[2].start, t[2].end), (5, 6));
        assert_eq!((t[3].start, t[3].end), (7, 11));
        assert_eq!(t[3].norm, "قتلي");
    }

    #[test]
    fn clitics_on_tokens() {
        let t = tokenize("وبالموصل");
        assert_eq!(t[0].prefix, "وبال");
        assert_eq!(t[0].stem, "موصل");
        let t = tokenize("Mosul");
        assert_eq!(t[0].stem, "Mosul");
        assert!(t[0].prefix.is_empty());
    }

    #[test]
    fn number_values() {
        assert_eq!(number_value("1,200"), Some(1200.0));
        assert_eq!(number_value("3.5"), Some(3.5));
        assert_eq!(number_value("3,5"), Some(3.5));
        assert_eq!(number_value("75"), Some(75.0));
        assert_eq!(number_value("1,200,000"), Some(1_200_000.0));
        assert_eq!(number_value("1,200.5"), Some(1200.5));
        assert_eq!(number_value("1,20,0"), None);
        assert_eq!(number_value("abc"), None);
        assert_eq!(number_value(""), None);
    }
}
