//! Tests of the date grammar.
use super::*;
