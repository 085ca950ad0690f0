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

/// `xxh3_64_with_seed(&x.to_le_bytes(), seed)` for every slot's seed, in one loop over the
/// slots: the 4-to-8-byte path of XXH3 (default secret) written out, with the seed's part of it
/// (`flip`) computed once per signature instead of once per shingle and slot. Same values as the
/// library call (tested), so stored signatures and LSH keys do not change. The 64 library calls
/// per shingle were most of a signature's time.
mod slots {
    /// Bytes 8..16 and 16..24 of XXH3's default secret, little endian.
    const SECRET_8: u64 = 0x1cad_21f7_2c81_017c;
    const SECRET_16: u64 = 0xdb97_9083_e96d_d4de;

    /// The per-slot constant XXH3 xors an 8-byte input with, for `seed`.
    pub(super) fn flip(seed: u64) -> u64 {
        let seed = seed ^ (u64::from((seed as u32).swap_bytes()) << 32);
        (SECRET_8 ^ SECRET_16).wrapping_sub(seed)
    }

    /// XXH3-64 of the 8 little-endian bytes of `x`, given [`flip`] of the seed.
    #[inline(always)]
    pub(super) fn hash8(x: u64, flip: u64) -> u64 {
        // input64 = read32(4..8) + (read32(0..4) << 32): the two halves of `x` swapped
        let mut v = x.rotate_left(32) ^ flip;
        v ^= v.rotate_left(49) ^ v.rotate_left(24);
        v = v.wrapping_mul(0x9FB2_1C65_1E98_DF25);
        v ^= (v >> 35).wrapping_add(8);
        v = v.wrapping_mul(0x9FB2_1C65_1E98_DF25);
        v ^ (v >> 28)
    }
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
        let mut flips = seeds();
        for f in flips.iter_mut() {
            *f = slots::flip(*f);
        }
        let mut sig = [u64::MAX; PERMUTATIONS];
        let width = SHINGLE.min(words.len());
        let mut buf = [0u8; 8 * SHINGLE];
        for window in words.windows(width) {
            for (i, w) in window.iter().enumerate() {
                buf[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
            }
            let sh = xxh3_64(&buf[..width * 8]);
            for (slot, flip) in sig.iter_mut().zip(flips.iter()) {
                let h = slots::hash8(sh, *flip);
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
    fn the_slot_hash_is_xxh3_with_the_slot_seed() {
        let mut x: u64 = 0x0123_4567_89ab_cdef;
        for round in 0..2_000u64 {
            // splitmix-like walk over inputs, plus the edge values
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15).rotate_left(17) ^ round;
            for v in [x, 0, u64::MAX, round, 1 << 63] {
                for &seed in seeds().iter().chain(&[0, 1, u64::MAX, x]) {
                    assert_eq!(
                        slots::hash8(v, slots::flip(seed)),
                        xxh3_64_with_seed(&v.to_le_bytes(), seed),
                        "{v:#x} {seed:#x}"
                    );
                }
            }
        }
    }

    /// The signature as it was computed before the written-out slot hash (one library call per
    /// shingle and slot).
    fn signature_by_library_calls(norm_text: &str) -> Option<Signature> {
        let words: Vec<u64> = norm_text
            .split(|c: char| !c.is_alphanumeric())
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
            let bytes = xxh3_64(&buf[..width * 8]).to_le_bytes();
            for (slot, seed) in sig.iter_mut().zip(seeds.iter()) {
                *slot = (*slot).min(xxh3_64_with_seed(&bytes, *seed));
            }
        }
        Some(Signature(sig))
    }

    #[test]
    fn signatures_equal_the_library_call_ones() {
        for t in [
            A,
            "قتل",
            "a b c",
            "واحد اثنان ثلاثه اربعه خمسه سته",
            "",
            " ,, ",
        ] {
            assert_eq!(Signature::of(t), signature_by_library_calls(t), "{t}");
        }
    }

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
