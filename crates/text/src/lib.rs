//! The Arabic text layer that every later stage stands on.
//!
//! It turns a `&str` into an [`Analysis`]: sentences, tokens with their match-normalised form and
//! clitic segmentation, and it finds number expressions ([`numbers`]) and date expressions
//! ([`dates`]). Every span carries **character** offsets into the original text (and byte
//! offsets for slicing), so whatever is extracted later can point back at the words it came from.
//!
//! Layers, bottom up:
//! * [`affix`]: prefix/suffix tests for short affixes without `memcmp` calls;
//! * [`normalize`]: display and match normalisation with a map back to original offsets;
//!   [`normalize::match_form`] is the fast path every lookup uses;
//! * [`token`]: Arabic/Latin words, numbers, punctuation, with char and byte offsets;
//! * [`clitics`]: proclitics, stem and enclitic, validated against lexicons shipped in `data/`
//!   (ANERcorp-derived stems, CC BY-SA 4.0; hand-written protected words);
//! * [`sentence`]: sentence boundaries on `. ! ? ؟ …` and line breaks, not in numbers or
//!   abbreviations.
//!
//! ```
//! let a = marsad_text::analyze("وقال مسؤول إن 12 شخصاً قتلوا بالموصل.");
//! assert_eq!(a.sentences.len(), 1);
//! let t = &a.tokens[6];
//! assert_eq!((t.prefix.as_str(), t.stem.as_str()), ("بال", "موصل"));
//! ```
//!
//! It does not know about entities or events, does no I/O and never fails on input: any `&str`
//! (empty, only diacritics, huge) gives an analysis, possibly empty.
#![deny(missing_docs)]

pub mod affix;
pub mod clitics;
pub mod dates;
pub mod normalize;
pub mod numbers;
pub mod sentence;
pub mod token;

mod analysis;

pub use analysis::{Analysis, analyze};
pub use sentence::Sentence;
pub use token::{Token, TokenKind};
