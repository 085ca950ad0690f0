//! Prefix and suffix tests for the short affixes of Arabic words (و، ال، بال، ـها …), written so
//! that they compile to a few byte compares instead of a call to the C library's `memcmp`.
//!
//! `str::strip_prefix` compares through `memcmp` unless the pattern's length is a constant the
//! compiler can see, and even a `char` pattern is encoded to a buffer and compared that way. Word
//! lookups try many affixes on every token of every article, and those calls (a dozen cycles of
//! call overhead for a two-byte compare) were a sixth of all extraction time. These functions
//! give the same answers as the `str` methods; they are only worth it for short patterns.

/// `s` without the prefix `p`, as `s.strip_prefix(p)`.
#[inline]
pub fn strip_prefix<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let (sb, pb) = (s.as_bytes(), p.as_bytes());
    if sb.len() < pb.len() {
        return None;
    }
    for (a, b) in sb.iter().zip(pb) {
        if a != b {
            return None;
        }
    }
    // `p` is a whole `str` equal to the first `p.len()` bytes of `s`, so this is a char boundary.
    s.get(pb.len()..)
}

/// Whether `s` starts with `p`, as `s.starts_with(p)`.
#[inline]
pub fn starts_with(s: &str, p: &str) -> bool {
    strip_prefix(s, p).is_some()
}

/// `s` without the suffix `p`, as `s.strip_suffix(p)`.
#[inline]
pub fn strip_suffix<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let (sb, pb) = (s.as_bytes(), p.as_bytes());
    let cut = sb.len().checked_sub(pb.len())?;
    for (a, b) in sb[cut..].iter().zip(pb) {
        if a != b {
            return None;
        }
    }
    s.get(..cut)
}

/// Whether `s` ends with `p`, as `s.ends_with(p)`.
#[inline]
pub fn ends_with(s: &str, p: &str) -> bool {
    strip_suffix(s, p).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_answers_as_the_str_methods() {
        let words = [
            "",
            "و",
            "والموصل",
            "بالموصل",
            "الموصل",
            "ال",
            "a",
            "ab",
            "لل",
            "مدينتها",
        ];
        let affixes = [
            "",
            "و",
            "ال",
            "بال",
            "والموصل",
            "والموصلx",
            "ها",
            "تها",
            "a",
            "ل",
        ];
        for w in words {
            for p in affixes {
                assert_eq!(strip_prefix(w, p), w.strip_prefix(p), "{w} {p}");
                assert_eq!(starts_with(w, p), w.starts_with(p), "{w} {p}");
                assert_eq!(strip_suffix(w, p), w.strip_suffix(p), "{w} {p}");
                assert_eq!(ends_with(w, p), w.ends_with(p), "{w} {p}");
            }
        }
    }
}
