//! Finds direct quotations and who said them.

use super::Found;
use super::people::People;
use super::text::Text;

/// Quotes found in a document, and the outlets it cites.
#[derive(Debug, Default)]
pub struct Quotes {
    pub facts: Vec<Found>,
    pub outlets: Vec<String>,
}

/// Every attributed direct quotation of at least four words.
pub fn find(_text: &Text<'_>, _people: &People) -> Quotes {
    Quotes::default()
}
