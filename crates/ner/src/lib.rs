//! Named entities in running Arabic text, tied to canonical identities, and relations between them.
//!
//! PLACEHOLDER until the NER issue lands: finds nothing.
#![deny(missing_docs)]

use std::ops::Range;

use model::{Entity, EntityType, Relation};
use text::Analysis;

/// Errors loading or training models and knowledge bases.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A model or data file is malformed.
    #[error("{path}: {reason}")]
    Format {
        /// Which file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

/// One mention of an entity, pointing at tokens of the analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    /// Id of the entity in [`NerOutput::entities`].
    pub entity: String,
    /// Type of the mention.
    pub kind: EntityType,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Token range in the analysis.
    pub tokens: Range<usize>,
}

/// Entities, their mentions and relations in one document.
#[derive(Debug, Clone, Default)]
pub struct NerOutput {
    /// Distinct entities with all their mentions.
    pub entities: Vec<Entity>,
    /// Every mention in text order.
    pub mentions: Vec<EntityMention>,
    /// Relations with evidence.
    pub relations: Vec<Relation>,
}

/// The bundled tagger plus knowledge base.
#[derive(Debug, Default)]
pub struct Recognizer {}

impl Recognizer {
    /// Load the model and knowledge base shipped with Marsad.
    pub fn bundled() -> Result<Self, Error> {
        Ok(Recognizer {})
    }

    /// Find entities and relations in an analysed text.
    pub fn recognize(&self, a: &Analysis<'_>) -> NerOutput {
        let _ = a;
        NerOutput::default()
    }
}
