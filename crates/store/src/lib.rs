//! Durable store of documents, entities, events and incidents.
//!
//! PLACEHOLDER until the store issue lands.
#![deny(missing_docs)]
