//! Offline geocoding of Arabic place names from a shipped gazetteer.
//!
//! PLACEHOLDER until the geocoding issue lands: resolves nothing.
#![deny(missing_docs)]

use model::{Entity, Event};
use text::Analysis;

/// Errors loading or building the gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A gazetteer file is malformed.
    #[error("{path}: {reason}")]
    Format {
        /// Which file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

/// The bundled gazetteer and disambiguation rules.
#[derive(Debug, Default)]
pub struct Geocoder {}

impl Geocoder {
    /// Load the gazetteer shipped with Marsad.
    pub fn bundled() -> Result<Self, Error> {
        Ok(Geocoder {})
    }

    /// Give LOC/GPE entities and event locations coordinates, country and precision, using the
    /// whole document as context.
    pub fn resolve(&self, a: &Analysis<'_>, entities: &mut [Entity], events: &mut [Event]) {
        let _ = (a, entities, events);
    }
}
