//! How frequent a word is in general Arabic text, as a coarse bucket for tagger features.
//!
//! The tagger learns words from ANERcorp alone, where most names occur once or twice. General
//! word frequency carries what that corpus cannot: names are rare words, common nouns, verbs
//! and function words are frequent, and transliterated foreign names are often not in a word
//! list at all. The list is `data/wordfreq/ar_zipf.txt` (wordfreq 3.1.1, CC BY-SA 4.0; see the
//! header and `build_wordfreq.py` there); `build.rs` re-keys it with the text layer's
//! `match_form`, keeping the highest bucket per form, so lookups see the same forms as tokens.

use xxhash_rust::xxh3::xxh3_64;

/// The table as `build.rs` compiled it: little-endian `u64`s in ascending order, each a form's
/// xxh3 hash with its low four bits replaced by the form's bucket (about 1.4 MB for 173k forms).
/// Searched in place: nothing to parse at start-up (a hash map of the forms cost 25–50 ms at
/// the first lookup of each process on this machine, as much as loading the model), and a
/// lookup is a hash and about 17 integer comparisons (a search over the text lines was fast
/// to load but slowed tagging by about a fifth: the tagger looks words up on every miss of its
/// per-word cache).
static COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq.bin"));

/// Bucket of a form missing from the list (Zipf frequency below 2.0, or not a word of it).
pub const ABSENT: u8 = 0;

/// Highest bucket (Zipf 6.0 and up: the most common function words).
pub const TOP: u8 = 9;

/// Entry `i` of the table.
fn entry(i: usize) -> u64 {
    let b: [u8; 8] = COMPILED[i * 8..i * 8 + 8]
        .try_into()
        .expect("8-byte entries");
    u64::from_le_bytes(b)
}

/// Frequency bucket of a match-normalised form: [`ABSENT`] (0), or 1..=9 for Zipf frequency
/// 2.0–2.5, 2.5–3.0, …, 6.0 and up. Two forms whose hashes agree in 60 bits would share a
/// bucket: the build checks that no two listed forms do, and an unlisted word matching a
/// listed one is a chance of about 1 in 10^13 per word.
pub fn bucket(form: &str) -> u8 {
    let h = xxh3_64(form.as_bytes()) >> 4;
    let (mut lo, mut hi) = (0usize, COMPILED.len() / 8);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let e = entry(mid);
        match (e >> 4).cmp(&h) {
            std::cmp::Ordering::Equal => return (e & 0xf) as u8,
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    ABSENT
}

/// Bucket index of a Zipf lower bound written as ten times its value (20, 25, …, 60), as
/// `build.rs` computes it from the list's `@NN` lines.
pub fn bucket_of_zipf10(z10: u32) -> u8 {
    (z10.saturating_sub(15) / 5).clamp(1, u32::from(TOP)) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_frequent_and_foreign_names_rare() {
        let f = |w: &str| bucket(&text::normalize::match_form(w));
        assert_eq!(f("في"), TOP);
        assert!(f("الحكومة") >= 7, "{}", f("الحكومة"));
        assert!(f("رامسفيلد") <= 3, "{}", f("رامسفيلد"));
        assert_eq!(f("شفارتزنيغرفيتش"), ABSENT);
        // Normalised forms: hamza and ta marbuta spellings meet in one key.
        assert_eq!(f("إلى"), f("الى"));
    }

    /// The table is sorted, every entry has a bucket in range, and the search finds every
    /// listed word of the source file with the bucket of its `@NN` section or a higher one
    /// (several spellings can meet in one form).
    #[test]
    fn the_table_is_sorted_and_finds_the_listed_words() {
        let n = COMPILED.len() / 8;
        assert!(n > 100_000, "{n} forms");
        for i in 0..n {
            assert!((1..=TOP).contains(&((entry(i) & 0xf) as u8)));
            if i > 0 {
                assert!(entry(i - 1) >> 4 < entry(i) >> 4);
            }
        }
        let src = include_str!("../../data/wordfreq/ar_zipf.txt");
        let mut section = 0;
        for line in src.lines().filter(|l| !l.starts_with('#')).step_by(37) {
            if let Some(z) = line.strip_prefix('@') {
                section = bucket_of_zipf10(z.parse().expect("@NN"));
                continue;
            }
            if section == 0 {
                continue;
            }
            let form = text::normalize::match_form(line);
            assert!(bucket(&form) >= section, "{line}");
        }
    }

    #[test]
    fn zipf_bounds_map_to_buckets() {
        assert_eq!(bucket_of_zipf10(20), 1);
        assert_eq!(bucket_of_zipf10(25), 2);
        assert_eq!(bucket_of_zipf10(60), TOP);
        assert_eq!(bucket_of_zipf10(75), TOP);
    }
}
