//! Finds dates facts.

use super::Found;
use super::text::Text;

/// Every dates fact in the text.
pub fn find(_text: &Text<'_>) -> Vec<Found> {
    Vec::new()
}
