//! Normalisation at two levels, display and match.
//!
//! PLACEHOLDER implementation until the text layer lands.

/// Match-level normalisation of a word or phrase: the form used for every lookup.
pub fn match_form(s: &str) -> String {
    s.chars()
        .filter(|c| !('\u{064B}'..='\u{065F}').contains(c) && *c != '\u{0640}' && *c != '\u{0670}')
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            c => c,
        })
        .collect()
}
