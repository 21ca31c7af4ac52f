//! One export from deck to file bytes, as `factdeck export` runs it: choose
//! the cards ([`select`]), leave out give-aways when the format puts its
//! cards before students as a set ([`sample_a_set`]), render, and say what
//! was written. No file system and no clock: the caller reads the deck and
//! writes the bytes.

use super::fit::plural;
use super::select::{Selection, select};
use super::{Export, Renderer, sample_a_set};
use crate::error::{Error, Result};
use crate::model::Deck;
use std::path::Path;

/// A rendered export and how many cards it was chosen from.
pub struct Finished {
    pub export: Export,
    /// Cards that reached the renderer.
    pub chosen: usize,
}

/// Selects and renders the cards of `deck`; `label` names the deck in
/// messages. `selection.count` is how many cards to take: a worksheet
/// chooses its own questions (balanced over types and kinds), and a format
/// that plays as a set samples after leaving out give-aways.
pub fn export(
    deck: Deck,
    renderer: &Renderer,
    selection: &Selection,
    label: &str,
) -> Result<Finished> {
    let worksheet = matches!(renderer, Renderer::Worksheet(_));
    let as_a_set = renderer.plays_as_a_set();
    let count = selection.count;
    let selection = Selection {
        count: if worksheet || as_a_set {
            None
        } else {
            selection.count
        },
        ..selection.clone()
    };
    let deck = select(deck, &selection);
    let (deck, given_away) = if as_a_set && !deck.cards.is_empty() {
        sample_a_set(&deck, count, selection.seed)
    } else {
        (deck, Default::default())
    };
    if deck.cards.is_empty() {
        let filtered =
            !(selection.types.is_empty() && selection.tags.is_empty() && selection.docs.is_empty());
        return Err(Error::Other(format!(
            "{label}: no cards to export{}",
            if filtered {
                " of the types, tags or documents given"
            } else {
                ""
            }
        )));
    }
    let mut export = renderer.render(&deck)?;
    export.left_out.merge(given_away);
    Ok(Finished {
        export,
        chosen: deck.cards.len(),
    })
}

impl Finished {
    /// Problems that did not stop the export, then the cards left out.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = self.export.warnings.clone();
        out.extend(self.export.left_out.lines());
        out
    }

    /// An error when the format took none of the cards (each was left out).
    pub fn check_written(&self, label: &str, format: &str) -> Result<()> {
        if self.export.written == Some(0) {
            return Err(Error::Other(format!(
                "{label}: no card fits {format}: {}",
                self.export.left_out.lines().join("; ")
            )));
        }
        Ok(())
    }

    /// The closing line: `csv: 12 cards written, 1 left out, to out.csv`.
    pub fn summary(&self, format: &str, output: &Path) -> String {
        let left = self.export.left_out.total();
        let written = match self.export.written {
            Some(n) => format!("{n} {} written", plural(n, "card", "cards")),
            None => format!(
                "questions chosen from {} {}",
                self.chosen,
                plural(self.chosen, "card", "cards")
            ),
        };
        format!(
            "{format}: {written}, {left} left out, to {}",
            output.display()
        )
    }
}
