//! Normalisation of Arabic text at two levels, with a map back to the original characters.
//!
//! * **Display** ([`display`]): what a reader would call "the same text". NFC; tatweel, zero-width
//!   characters, BOM, bidi controls (LRM/RLM/ALM, embeddings, isolates) and soft hyphens removed;
//!   exotic spaces become a plain space; presentation forms (U+FB50–FDFF, U+FE70–FEFC) become
//!   their base letters (so `ﻻ` → `لا`); Persian/Urdu/Latin punctuation variants unified (`۔` → `.`,
//!   `٫` → `.`, `٬` → `,`, `٪` → `%`, dashes → `-`).
//! * **Match** ([`matched`], [`match_form`]): display plus everything a lookup should ignore:
//!   diacritics (harakat, shadda, sukun, superscript alef U+0670, Quranic marks) stripped;
//!   `أ إ آ ٱ` → `ا`; `ى` → `ي`; `ة` → `ه`; `ؤ` → `و`; `ئ` → `ي`; Persian `ی ک ۀ` → `ي ك ه`;
//!   Arabic-Indic and Extended Arabic-Indic digits → ASCII; `، ؛ ؟` → `, ; ?`; typographic
//!   double quotes and guillemets → `"`.
//!
//! [`Normalized`] keeps, for every output character, the range of original characters it came from,
//! so a span found in normalised text maps back to the original ([`Normalized::to_original`]).
//! [`match_form`] is the allocation-light fast path (no map) used for every token; it gives the
//! same string as `matched(s).text`.
//!
//! It does not lowercase Latin, transliterate, stem, or touch letters outside the Arabic, space and
//! punctuation repertoires (beyond NFC).

use std::ops::Range;

use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// What one character becomes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Map {
    /// Unchanged.
    Keep,
    /// Removed.
    Drop,
    /// Replaced by one character.
    To(char),
    /// Presentation form or ligature: replaced by its compatibility decomposition (NFKC).
    Compat,
}

/// Display-level mapping of one character.
const fn display_map(c: char) -> Map {
    match c {
        // tatweel, zero-width and formatting characters, BOM, bidi controls, soft hyphen
        '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}'
        | '\u{180E}' => Map::Drop,
        // spaces
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Map::To(' '),
        // Arabic / Persian punctuation variants
        '\u{066B}' | '\u{06D4}' => Map::To('.'), // Arabic decimal separator, Urdu full stop
        '\u{066C}' => Map::To(','),              // Arabic thousands separator
        '\u{066A}' => Map::To('%'),              // Arabic percent sign
        '\u{060D}' => Map::To('/'),              // Arabic date separator
        '\u{2E2E}' => Map::To('؟'),              // reversed question mark variant
        '\u{2E41}' => Map::To('،'),              // reversed comma
        '\u{2E35}' => Map::To('؛'),              // turned semicolon
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Map::To('-'),
        // presentation forms (not the BOM, handled above) and their compatibility ligatures
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Map::Compat,
        _ => Map::Keep,
    }
}

/// Match-level mapping of one character that already passed the display level.
const fn match_map(c: char) -> Map {
    match c {
        // harakat, shadda, sukun, maddah/hamza above/below, superscript alef, Quranic marks
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}' => Map::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => Map::To('ا'),
        'ى' | 'ئ' | 'ی' | '\u{06D0}' | '\u{0678}' => Map::To('ي'),
        'ة' | 'ۀ' | '\u{06C1}' | '\u{06D5}' => Map::To('ه'),
        'ؤ' | '\u{0676}' => Map::To('و'),
        '\u{06D3}' => Map::To('\u{06D2}'), // yeh barree with hamza: the hamza goes
        '\u{06C2}' => Map::To('ه'),
        'ک' | '\u{06AA}' => Map::To('ك'),
        '\u{0660}'..='\u{0669}' => Map::To(ascii_digit(c as u32 - 0x0660)),
        '\u{06F0}'..='\u{06F9}' => Map::To(ascii_digit(c as u32 - 0x06F0)),
        '،' => Map::To(','),
        '؛' => Map::To(';'),
        '؟' => Map::To('?'),
        '“' | '”' | '«' | '»' | '„' | '‟' | '″' => Map::To('"'),
        _ => Map::Keep,
    }
}

const fn ascii_digit(d: u32) -> char {
    (b'0' + d as u8) as char
}

/// Both levels composed: display then match.
const fn full_match_map(c: char) -> Map {
    match display_map(c) {
        Map::Keep => match_map(c),
        Map::To(d) => match match_map(d) {
            Map::Keep => Map::To(d),
            m => m,
        },
        m => m,
    }
}

/// Table entry for the fast path: `0` = drop, `1` = slow path, otherwise the output char.
const fn table_entry(c: char) -> u32 {
    match full_match_map(c) {
        Map::Keep => c as u32,
        Map::Drop => 0,
        Map::To(d) => d as u32,
        Map::Compat => 1,
    }
}

/// Match-level table for U+0600..U+06FF (two-byte UTF-8 lead bytes 0xD8..=0xDB).
static ARABIC_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match char::from_u32(0x0600 + i as u32) {
            Some(c) => table_entry(c),
            None => 1,
        };
        i += 1;
    }
    t
};

/// The mapping of U+0600..U+06FF at one level, as a table for the offset-mapping passes.
macro_rules! block_table {
    ($f:ident) => {{
        let mut t = [Map::Keep; 256];
        let mut i = 0;
        while i < 256 {
            if let Some(c) = char::from_u32(0x0600 + i as u32) {
                t[i] = $f(c);
            }
            i += 1;
        }
        t
    }};
}

static DISPLAY_BLOCK: [Map; 256] = block_table!(display_map);
static MATCH_BLOCK: [Map; 256] = block_table!(full_match_map);

/// Is `c` a combining mark the Arabic tables handle themselves (so the fast path need not NFC)?
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}')
}

/// Match-level normalisation of a word or phrase: the form used for every lookup.
///
/// Equal to `matched(s).text`, computed without an offset map and with a byte-level fast path for
/// ASCII and the Arabic block. A character that needs the general path (a non-Arabic combining
/// mark, a presentation form, a character NFC rewrites) sends only the whitespace-delimited piece
/// around it through [`matched`].
pub fn match_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    // input and output positions just after the last ASCII whitespace: NFC never composes across
    // it, so a piece can be redone from there on its own
    let (mut safe_in, mut safe_out) = (0, 0);
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            // ASCII run: copy as a block.
            let start = i;
            while i < b.len() && b[i] < 0x80 {
                if b[i].is_ascii_whitespace() {
                    safe_in = i + 1;
                    safe_out = out.len() + (i + 1 - start);
                }
                i += 1;
            }
            out.push_str(&s[start..i]);
            continue;
        }
        let hard = if (0xD8..=0xDB).contains(&x) && i + 1 < b.len() {
            let cp = (((x & 0x1F) as u32) << 6) | (b[i + 1] & 0x3F) as u32;
            match ARABIC_TABLE[(cp - 0x600) as usize] {
                1 => true,
                o => {
                    if o != 0
                        && let Some(c) = char::from_u32(o)
                    {
                        out.push(c);
                    }
                    i += 2;
                    false
                }
            }
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            let needs_general = (canonical_combining_class(c) != 0 && !is_arabic_mark(c))
                || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes;
            match full_match_map(c) {
                _ if needs_general => true,
                Map::Compat => true,
                Map::Keep => {
                    out.push(c);
                    i += c.len_utf8();
                    false
                }
                Map::To(d) => {
                    out.push(d);
                    i += c.len_utf8();
                    false
                }
                Map::Drop => {
                    i += c.len_utf8();
                    false
                }
            }
        };
        if hard {
            // redo the piece from the last safe point to the next ASCII whitespace
            let end = b[i..]
                .iter()
                .position(|c| c.is_ascii_whitespace())
                .map_or(b.len(), |p| i + p);
            out.truncate(safe_out);
            out.push_str(&matched(&s[safe_in..end]).text);
            i = end;
            safe_in = end;
            safe_out = out.len();
        }
    }
    out
}

/// Normalised text with a map from each of its characters back to the original characters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// For normalised char `i`: the first original char it came from.
    starts: Vec<u32>,
    /// `(i, end)` for the normalised chars whose original range is wider than the one char at
    /// `starts[i]` (chars recomposed by NFC), sorted by `i`: the range is `[starts[i], end)`.
    /// Almost every char maps to exactly one original char, so the common case costs 4 bytes.
    wide: Vec<(u32, u32)>,
    /// Number of chars in the original text.
    orig_chars: usize,
}

impl Normalized {
    /// Number of characters of the normalised text.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the normalised text is empty.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Original character offset where normalised char `i` starts (`i == len()` gives the end of
    /// the original text). `None` when `i > len()`.
    pub fn original_offset(&self, i: usize) -> Option<usize> {
        if i == self.starts.len() {
            return Some(self.orig_chars);
        }
        self.starts.get(i).map(|&r| r as usize)
    }

    /// Original char offset one past the last original char of normalised char `i` (in bounds).
    fn original_end(&self, i: usize) -> usize {
        match self.wide.binary_search_by_key(&(i as u32), |w| w.0) {
            Ok(k) => self.wide[k].1 as usize,
            Err(_) => self.starts[i] as usize + 1,
        }
    }

    /// Map a char range of the normalised text back to a char range of the original text. The
    /// result covers every original char that produced a char of the span (characters deleted
    /// inside the span are included; deleted ones at its edges are not). `None` when the range is
    /// out of bounds or reversed.
    pub fn to_original(&self, span: Range<usize>) -> Option<Range<usize>> {
        if span.start > span.end || span.end > self.starts.len() {
            return None;
        }
        if span.is_empty() {
            let at = self.original_offset(span.start)?;
            return Some(at..at);
        }
        let start = self.starts[span.start] as usize;
        let end = self.original_end(span.end - 1);
        Some(start..end)
    }
}

/// Build a [`Normalized`] char by char from a mapping function. The second value lists the output
/// characters (byte offset, char index) that may keep the text from being NFC: combining marks
/// and characters outside ASCII and the Arabic block's letters. [`nfc_with_map`] looks only at the
/// canonical segments around them.
///
/// Works on bytes where it can: runs of ASCII are copied whole, and the Arabic block (two-byte
/// sequences with lead bytes 0xD8..=0xDB, i.e. U+0600..U+06FF) is decoded by hand and looked up
/// in `block`; only other characters go through `char` decoding and `f`.
fn map_chars(s: &str, f: fn(char) -> Map, block: &[Map; 256]) -> (Normalized, Vec<(usize, usize)>) {
    let b = s.as_bytes();
    let mut text = String::with_capacity(s.len());
    let mut map: Vec<u32> = Vec::with_capacity(s.len());
    let mut n = 0u32;
    let mut flags: Vec<(usize, usize)> = Vec::new();
    // Characters kept as they are are not copied one by one: `s[run..i]` is the pending run of
    // them, appended when something else comes.
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            map.push(n);
            n += 1;
            i += 1;
            continue;
        }
        if (0xD8..=0xDB).contains(&x) && i + 1 < b.len() {
            let c = (u32::from(x & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
            let m = block[(c - 0x0600) as usize];
            if m == Map::Keep {
                // Arabic marks may need canonical reordering; hamza above/below and madda
                // compose with alef, waw and ya.
                if char::from_u32(c).is_some_and(is_arabic_mark) {
                    flags.push((text.len() + (i - run), map.len()));
                }
                map.push(n);
                n += 1;
                i += 2;
                continue;
            }
            text.push_str(&s[run..i]);
            match m {
                Map::Keep | Map::Drop => {}
                Map::To(d) => {
                    if may_change_under_nfc(d) {
                        flags.push((text.len(), map.len()));
                    }
                    text.push(d);
                    map.push(n);
                }
                Map::Compat => {
                    if let Some(c) = char::from_u32(c) {
                        push_compat(c, f, n, &mut text, &mut map, &mut flags);
                    }
                }
            }
            i += 2;
            n += 1;
            run = i;
            continue;
        }
        text.push_str(&s[run..i]);
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        match f(c) {
            Map::Keep => {
                flags.push((text.len(), map.len()));
                text.push(c);
                map.push(n);
            }
            Map::Drop => {}
            Map::To(d) => {
                if may_change_under_nfc(d) {
                    flags.push((text.len(), map.len()));
                }
                text.push(d);
                map.push(n);
            }
            Map::Compat => push_compat(c, f, n, &mut text, &mut map, &mut flags),
        }
        n += 1;
        run = i;
    }
    text.push_str(&s[run..]);
    (
        Normalized {
            text,
            starts: map,
            wide: Vec::new(),
            orig_chars: n as usize,
        },
        flags,
    )
}

/// Whether `c` in an output could make the text non-NFC: anything but ASCII and the Arabic
/// block's starters (its letters are precomposed; its marks may reorder or compose).
fn may_change_under_nfc(c: char) -> bool {
    !c.is_ascii() && (!('\u{0600}'..='\u{06FF}').contains(&c) || is_arabic_mark(c))
}

/// Replace presentation form or ligature `c` (original char `n`) by its compatibility
/// decomposition, mapped through `f` (a decomposition may hold characters the level removes or
/// rewrites).
fn push_compat(
    c: char,
    f: fn(char) -> Map,
    n: u32,
    text: &mut String,
    map: &mut Vec<u32>,
    flags: &mut Vec<(usize, usize)>,
) {
    let mut buf = String::new();
    decompose_compatible(c, |d| buf.push(d));
    for d in buf.nfc() {
        if !matches!(f(d), Map::Drop) {
            flags.push((text.len(), map.len()));
        }
        match f(d) {
            Map::Drop => {}
            Map::To(e) => {
                text.push(e);
                map.push(n);
            }
            Map::Keep | Map::Compat => {
                text.push(d);
                map.push(n);
            }
        }
    }
}

/// Recompose `n.text` to NFC, keeping the map: each canonical segment (a starter and the
/// combining marks after it) that holds a flagged character (see [`map_chars`]) and is not
/// already NFC is recomposed on its own, and all its output chars map to the union of its input
/// ranges. Everything else is copied by byte range, and nothing at all when no segment changes.
fn nfc_with_map(n: Normalized, flags: &[(usize, usize)]) -> Normalized {
    let t = n.text.as_str();
    let is_mark = |c: char| !c.is_ascii() && canonical_combining_class(c) != 0;
    // Built only when a segment changes: text, starts, wide (the input has no wide entries:
    // map_chars maps every output char to one original char).
    let mut out: Option<Normalized> = None;
    let (mut copied_b, mut copied_k) = (0usize, 0usize);
    for &(fb, fk) in flags {
        if fb < copied_b {
            continue;
        }
        // Back to the starter that opens the segment (or the text start).
        let (mut b0, mut k0) = (fb, fk);
        while k0 > 0 {
            let Some(c) = t[..b0].chars().next_back() else {
                break;
            };
            let Some(here) = t[b0..].chars().next() else {
                break;
            };
            if !is_mark(here) {
                break;
            }
            b0 -= c.len_utf8();
            k0 -= 1;
        }
        if b0 < copied_b {
            continue;
        }
        // Forward over the marks that follow.
        let (mut e, mut k) = (b0, k0);
        let mut first = true;
        for c in t[b0..].chars() {
            if !first && !is_mark(c) {
                break;
            }
            first = false;
            e += c.len_utf8();
            k += 1;
        }
        let seg = &t[b0..e];
        if is_nfc_quick(seg.chars()) == IsNormalized::Yes {
            continue;
        }
        // Composition only happens inside a starter + marks segment for the scripts we care
        // about (conjoining Hangul jamo are left as they are).
        let Normalized {
            text, starts, wide, ..
        } = out.get_or_insert_with(|| Normalized {
            text: String::with_capacity(t.len()),
            starts: Vec::with_capacity(n.starts.len()),
            wide: Vec::new(),
            orig_chars: n.orig_chars,
        });
        text.push_str(&t[copied_b..b0]);
        starts.extend_from_slice(&n.starts[copied_k..k0]);
        let (r0, r1) = (n.starts[k0], n.original_end(k - 1) as u32);
        for c in seg.nfc() {
            text.push(c);
            if r1 != r0 + 1 {
                wide.push((starts.len() as u32, r1));
            }
            starts.push(r0);
        }
        copied_b = e;
        copied_k = k;
    }
    match out {
        None => n,
        Some(mut o) => {
            o.text.push_str(&t[copied_b..]);
            o.starts.extend_from_slice(&n.starts[copied_k..]);
            o
        }
    }
}

/// Display-level normalisation with an offset map (see the module docs for what changes).
pub fn display(s: &str) -> Normalized {
    let (n, flags) = map_chars(s, display_map, &DISPLAY_BLOCK);
    nfc_with_map(n, &flags)
}

/// Match-level normalisation with an offset map: [`display`] then the match mapping.
///
/// Computed in one pass (display and match mappings composed, then NFC): since the match level
/// drops every Arabic mark, composing hamza or reordering marks first would change nothing.
pub fn matched(s: &str) -> Normalized {
    // Dropping an Arabic mark can unblock the composition of a non-Arabic mark with its base, so
    // NFC comes after the mapping.
    let (n, flags) = map_chars(s, full_match_map, &MATCH_BLOCK);
    nfc_with_map(n, &flags)
}

/// Display-level normalisation without a map (convenience for short strings).
pub fn display_form(s: &str) -> String {
    display(s).text
}

/// Is `c` an Arabic diacritic (harakat, shadda, sukun, superscript alef, Quranic mark)?
pub fn is_diacritic(c: char) -> bool {
    is_arabic_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_diacritics_and_tatweel() {
        assert_eq!(match_form("كَتَبَ"), "كتب");
        assert_eq!(match_form("مُحَمَّدٌ"), "محمد");
        assert_eq!(match_form("الـــرئيس"), "الرييس");
        assert_eq!(match_form("هٰذا"), "هذا");
        assert_eq!(match_form("الرَّحْمٰن"), "الرحمن");
    }

    #[test]
    fn folds_hamza_seats_and_alef_variants() {
        assert_eq!(match_form("أحمد"), "احمد");
        assert_eq!(match_form("إلى"), "الي");
        assert_eq!(match_form("آلاف"), "الاف");
        assert_eq!(match_form("ٱلله"), "الله");
        assert_eq!(match_form("مسؤول"), "مسوول");
        assert_eq!(match_form("رئيس"), "رييس");
        assert_eq!(match_form("مدينة"), "مدينه");
        assert_eq!(match_form("مستشفى"), "مستشفي");
    }

    #[test]
    fn folds_digits_and_persian_letters() {
        assert_eq!(match_form("٢٠٢٣"), "2023");
        assert_eq!(match_form("۱۴۰۲"), "1402");
        assert_eq!(match_form("٣٫٥"), "3.5");
        assert_eq!(match_form("١٬٢٠٠"), "1,200");
        assert_eq!(match_form("کابل"), "كابل");
        assert_eq!(match_form("ایران"), "ايران");
    }

    #[test]
    fn match_punctuation() {
        assert_eq!(match_form("لماذا؟"), "لماذا?");
        assert_eq!(match_form("«داعش»"), "\"داعش\"");
        assert_eq!(match_form("بغداد، البصرة؛"), "بغداد, البصره;");
    }

    #[test]
    fn display_keeps_letters_removes_invisibles() {
        assert_eq!(display_form("\u{FEFF}بغداد\u{200F}"), "بغداد");
        assert_eq!(display_form("الـموصل"), "الموصل");
        assert_eq!(display_form("أحمد"), "أحمد");
        assert_eq!(display_form("ة ى"), "ة ى");
        assert_eq!(display_form("نص\u{00A0}عربي"), "نص عربي");
        assert_eq!(display_form("كتب\u{200C}ها"), "كتبها");
    }

    #[test]
    fn display_presentation_forms() {
        // lam-alef ligature and isolated/final forms
        assert_eq!(display_form("\u{FEFB}"), "لا");
        assert_eq!(display_form("\u{FEF5}"), "لآ");
        assert_eq!(display_form("\u{FE8D}\u{FEDF}\u{FEE0}\u{FEEA}"), "الله");
        assert_eq!(match_form("\u{FEF7}"), "لا");
    }

    #[test]
    fn display_nfc_composes_hamza() {
        // alef + combining hamza above → أ
        assert_eq!(display_form("\u{0627}\u{0654}حمد"), "أحمد");
        assert_eq!(match_form("\u{0627}\u{0654}حمد"), "احمد");
        // tatweel between alef and madda still composes after removal
        assert_eq!(display_form("\u{0627}\u{0640}\u{0653}"), "آ");
    }

    #[test]
    fn display_punctuation_variants() {
        assert_eq!(display_form("٣٫٥٪"), "٣.٥%");
        assert_eq!(display_form("انتهى۔"), "انتهى.");
        assert_eq!(display_form("2020–2023"), "2020-2023");
    }

    #[test]
    fn map_points_back_to_original() {
        let s = "الـمـوصل";
        let n = matched(s);
        assert_eq!(n.text, "الموصل");
        // "موصل" starts at normalised char 2 and ends at 6
        let r = n.to_original(2..6).expect("in range");
        let orig: String = s.chars().skip(r.start).take(r.end - r.start).collect();
        assert_eq!(orig, "مـوصل");
        assert_eq!(n.original_offset(6), Some(s.chars().count()));
        assert_eq!(n.to_original(5..7), None);
    }

    #[test]
    fn map_with_diacritics() {
        let s = "قُتِلَ خَمْسَةٌ";
        let n = matched(s);
        assert_eq!(n.text, "قتل خمسه");
        let r = n.to_original(4..8).expect("in range");
        let orig: String = s.chars().skip(r.start).take(r.end - r.start).collect();
        assert_eq!(orig, "خَمْسَةٌ".trim_end_matches('\u{064C}'));
    }

    #[test]
    fn fast_path_equals_general_path() {
        for s in [
            "وقال المتحدث إنّ ٣ أشخاص قُتلوا",
            "Reuters: 12 killed in Mosul",
            "\u{FEFB}\u{0627}\u{0654}",
            "café e\u{0301}",
            "\u{F900}",
            "",
        ] {
            assert_eq!(match_form(s), matched(s).text, "{s}");
        }
    }

    /// The previous whole-text implementation of [`nfc_with_map`] (reference for the proptest): each canonical segment (a starter and the
    /// combining marks after it) is recomposed on its own and all its output chars map to the union
    /// of its input ranges.
    /// A [`Normalized`] from explicit (start, end) pairs.
    fn from_pairs(text: String, pairs: &[(u32, u32)], orig_chars: usize) -> Normalized {
        Normalized {
            text,
            starts: pairs.iter().map(|p| p.0).collect(),
            wide: pairs
                .iter()
                .enumerate()
                .filter(|(_, p)| p.1 != p.0 + 1)
                .map(|(i, p)| (i as u32, p.1))
                .collect(),
            orig_chars,
        }
    }

    fn nfc_with_map_reference(n: (String, Vec<(u32, u32)>, usize)) -> Normalized {
        let (ntext, nmap, orig_chars) = n;
        if is_nfc_quick(ntext.chars()) == IsNormalized::Yes {
            return from_pairs(ntext, &nmap, orig_chars);
        }
        let chars: Vec<char> = ntext.chars().collect();
        let mut text = String::with_capacity(ntext.len());
        let mut map = Vec::with_capacity(nmap.len());
        let mut i = 0;
        let mut seg = String::new();
        while i < chars.len() {
            let mut j = i + 1;
            while j < chars.len() && canonical_combining_class(chars[j]) != 0 {
                j += 1;
            }
            let simple = j == i + 1
                && (chars[i].is_ascii() || ('\u{0621}'..='\u{064A}').contains(&chars[i]));
            if simple || is_nfc_quick(chars[i..j].iter().copied()) == IsNormalized::Yes {
                // already composed: copy, keeping the per-char map
                text.extend(&chars[i..j]);
                map.extend_from_slice(&nmap[i..j]);
            } else {
                // Composition only happens inside a starter + marks segment for the scripts we care
                // about (conjoining Hangul jamo are left as they are).
                seg.clear();
                seg.extend(&chars[i..j]);
                let range = (nmap[i].0, nmap[j - 1].1);
                for c in seg.nfc() {
                    text.push(c);
                    map.push(range);
                }
            }
            i = j;
        }
        from_pairs(text, &map, orig_chars)
    }

    /// The straightforward char-by-char mapping that `map_chars` must equal.
    fn map_chars_reference(s: &str, f: fn(char) -> Map) -> Normalized {
        let mut text = String::new();
        let mut map = Vec::new();
        let mut n = 0u32;
        for c in s.chars() {
            match f(c) {
                Map::Keep => {
                    text.push(c);
                    map.push((n, n + 1));
                }
                Map::Drop => {}
                Map::To(d) => {
                    text.push(d);
                    map.push((n, n + 1));
                }
                Map::Compat => {
                    let mut starts = Vec::new();
                    push_compat(c, f, n, &mut text, &mut starts, &mut Vec::new());
                    map.extend(starts.iter().map(|&k| (k, k + 1)));
                }
            }
            n += 1;
        }
        nfc_with_map_reference((text, map, n as usize))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2048, ..Default::default() })]
        #[test]
        fn byte_fast_path_and_nfc_skip_equal_the_reference(
            s in "[ a-zA-Z0-9.,\u{0600}-\u{06FF}\u{0300}-\u{0315}\u{FB50}-\u{FB60}\u{FE70}-\u{FEFC}\u{200B}-\u{200F}\u{00C0}-\u{00C5}\u{0622}\u{0627}\u{0653}-\u{0655}\u{064B}-\u{0652}\u{037E}\u{2126}\u{0340}\u{0CC6}\u{0CC2}\u{1100}\u{1161}\u{06D6}-\u{06ED}\u{0610}-\u{061A}]{0,40}"
        ) {
            proptest::prop_assert_eq!(display(&s), map_chars_reference(&s, display_map));
            proptest::prop_assert_eq!(matched(&s), map_chars_reference(&s, full_match_map));
        }
    }

    #[test]
    fn only_diacritics_give_empty_match_form() {
        assert_eq!(match_form("\u{064E}\u{0650}\u{0651}"), "");
        let n = matched("\u{064E}\u{0650}");
        assert!(n.is_empty());
        assert_eq!(n.to_original(0..0), Some(2..2));
    }
}
