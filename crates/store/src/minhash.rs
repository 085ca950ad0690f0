//! Near-duplicate detection: MinHash signatures over word 5-shingles and banded LSH keys.
//!
//! The input is the *match-normalised* text (diacritics, hamza seats and digit forms already
//! folded), so two wire copies that differ only in orthography hash alike. Words are maximal runs of
//! alphanumeric characters. Each 5-word shingle is hashed with xxh3; each of the
//! [`PERMUTATIONS`] slots keeps the minimum of the shingle hashes re-mixed with a fixed seed, so
//! signatures are identical across runs, machines and platforms. The signature is cut into
//! [`BANDS`] bands of [`ROWS`] slots; two documents that agree on a whole band become candidates
//! (16 bands × 4 rows: a pair at Jaccard 0.8 is a candidate with probability 0.9998, a pair at 0.3
//! with 0.12), and candidates are confirmed by the signature's Jaccard estimate.
//!
//! It does not detect translations or paraphrases, and texts shorter than five words become one
//! shingle (so they only match an identical short text).

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Number of hash slots in a signature.
pub const PERMUTATIONS: usize = 64;
/// LSH bands.
pub const BANDS: usize = 16;
/// Slots per band.
pub const ROWS: usize = PERMUTATIONS / BANDS;
/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Estimated Jaccard similarity from which two documents are near-duplicates.
pub const DUPLICATE_THRESHOLD: f64 = 0.8;

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u64; PERMUTATIONS]);

/// Fixed per-slot seeds from splitmix64 over a constant: deterministic everywhere.
fn seeds() -> [u64; PERMUTATIONS] {
    let mut s = [0u64; PERMUTATIONS];
    let mut x: u64 = 0x4d61_7273_6164_2121; // "Marsad!!"
    for v in s.iter_mut() {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        *v = z ^ (z >> 31);
    }
    s
}

/// `char::is_alphanumeric`, answered without the Unicode table for ASCII and the Arabic letters
/// (the table lookup was most of the time of a signature). Same answers, so signatures stored
/// before this shortcut still compare.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{0621}'..='\u{064A}').contains(&c) {
        true
    } else {
        c.is_alphanumeric()
    }
}

impl Signature {
    /// The signature of a match-normalised text; `None` when it has no word at all.
    pub fn of(norm_text: &str) -> Option<Signature> {
        let words: Vec<u64> = norm_text
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(|w| xxh3_64(w.as_bytes()))
            .collect();
        if words.is_empty() {
            return None;
        }
        let seeds = seeds();
        let mut sig = [u64::MAX; PERMUTATIONS];
        let width = SHINGLE.min(words.len());
        let mut buf = [0u8; 8 * SHINGLE];
        for window in words.windows(width) {
            for (i, w) in window.iter().enumerate() {
                buf[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
            }
            let sh = xxh3_64(&buf[..width * 8]);
            let bytes = sh.to_le_bytes();
            for (slot, seed) in sig.iter_mut().zip(seeds.iter()) {
                let h = xxh3_64_with_seed(&bytes, *seed);
                if h < *slot {
                    *slot = h;
                }
            }
        }
        Some(Signature(sig))
    }

    /// Fraction of equal slots: an unbiased estimate of the Jaccard similarity of the shingle sets.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        let same = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / PERMUTATIONS as f64
    }

    /// One key per band (as i64 so SQLite stores it as an INTEGER).
    pub fn band_keys(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        let mut buf = [0u8; 8 * ROWS];
        for (b, key) in keys.iter_mut().enumerate() {
            for r in 0..ROWS {
                buf[r * 8..r * 8 + 8].copy_from_slice(&self.0[b * ROWS + r].to_le_bytes());
            }
            *key = xxh3_64_with_seed(&buf, b as u64) as i64;
        }
        keys
    }

    /// Little-endian bytes, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Back from [`Signature::to_bytes`]; `None` when the blob has the wrong length.
    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != PERMUTATIONS * 8 {
            return None;
        }
        let mut sig = [0u64; PERMUTATIONS];
        for (i, chunk) in b.chunks_exact(8).enumerate() {
            let mut a = [0u8; 8];
            a.copy_from_slice(chunk);
            sig[i] = u64::from_le_bytes(a);
        }
        Some(Signature(sig))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_char_shortcut_agrees_with_the_unicode_table() {
        for c in ('\0'..='\u{2FFF}').chain('\u{FB50}'..='\u{FEFF}') {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    const A: &str = "قال مسؤول امني ان مسلحين هاجموا نقطه تفتيش في ضواحي المدينه فجر اليوم وقتلوا خمسه من عناصر الشرطه قبل ان يفروا باتجاه الصحراء وان قوات الامن بدات عمليه تمشيط واسعه في المنطقه بحثا عن المهاجمين";

    #[test]
    fn identical_texts_have_identical_signatures() {
        let a = Signature::of(A).expect("sig");
        let b = Signature::of(A).expect("sig");
        assert_eq!(a, b);
        assert_eq!(a.jaccard(&b), 1.0);
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
    }

    #[test]
    fn a_wire_copy_with_a_changed_tail_is_near_duplicate() {
        let copy = format!("{A} حسب الوكاله");
        let a = Signature::of(A).expect("sig");
        let b = Signature::of(&copy).expect("sig");
        let j = a.jaccard(&b);
        assert!(j >= DUPLICATE_THRESHOLD, "jaccard {j}");
        // Agreeing on at least one band is what makes them LSH candidates.
        let shared = a
            .band_keys()
            .iter()
            .zip(b.band_keys().iter())
            .filter(|(x, y)| x == y)
            .count();
        assert!(shared > 0);
    }

    #[test]
    fn different_articles_are_not_duplicates() {
        let other = "اعلنت وزاره الداخليه القبض على خليه تضم سبعه اشخاص كانوا يخططون لتنفيذ تفجيرات في العاصمه وضبطت بحوزتهم اسلحه ومتفجرات واجهزه اتصال وقالت ان التحقيق معهم مستمر لمعرفه الجهات التي تمولهم";
        let a = Signature::of(A).expect("sig");
        let b = Signature::of(other).expect("sig");
        assert!(a.jaccard(&b) < 0.3, "{}", a.jaccard(&b));
        assert_eq!(Signature::of("  ,, "), None);
    }
}
