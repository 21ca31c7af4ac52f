//! `factdeck generate`: documents in, TOML deck out.

use crate::cli::GenerateArgs;
use crate::error::{Error, Result};
use std::process::ExitCode;

/// Extracts, generates and saves a deck.
pub fn run(_args: &GenerateArgs) -> Result<ExitCode> {
    Err(Error::Other("generate is not implemented yet".into()))
}
