//! Clitic segmentation of match-normalised words.
//!
//! PLACEHOLDER implementation until the text layer lands.

/// A word split into proclitics, stem and enclitic (all in match form).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segmentation {
    /// Proclitics concatenated (`وبال`).
    pub prefix: String,
    /// The stem.
    pub stem: String,
    /// Enclitic pronoun.
    pub suffix: String,
}

/// Segment a match-normalised word.
pub fn segment(norm: &str) -> Segmentation {
    for p in ["وال", "بال", "فال", "كال", "لل", "ال"] {
        if let Some(rest) = norm.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            return Segmentation {
                prefix: p.to_string(),
                stem: rest.to_string(),
                suffix: String::new(),
            };
        }
    }
    Segmentation {
        prefix: String::new(),
        stem: norm.to_string(),
        suffix: String::new(),
    }
}
