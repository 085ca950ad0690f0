//! The Arabic text layer that every later stage stands on.
//!
//! It turns a `&str` into an [`Analysis`]: sentences, tokens with their match-normalised form and
//! clitic segmentation, and it finds number expressions ([`numbers`]) and date expressions
//! ([`dates`]). Every span carries **character** offsets into the original text (and byte
//! offsets for slicing), so whatever is extracted later can point back at the words it came from.
//!
//! It does not know about entities or events, does no I/O and never fails on input: any `&str`
//! (empty, only diacritics, huge) gives an analysis, possibly empty.
#![deny(missing_docs)]

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
