//! `factdeck export`: a deck to Anki, CSV or printable HTML.

use crate::cli::ExportArgs;
use crate::error::{Error, Result};
use std::process::ExitCode;

/// Exports a deck.
pub fn run(_args: &ExportArgs) -> Result<ExitCode> {
    Err(Error::Other("export is not implemented yet".into()))
}
