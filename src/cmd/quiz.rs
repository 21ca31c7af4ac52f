//! `factdeck quiz`, `stats` and `optimize`.

use crate::cli::{OptimizeArgs, QuizArgs, StatsArgs};
use crate::error::{Error, Result};
use std::process::ExitCode;

/// Runs a quiz session.
pub fn run(_args: &QuizArgs) -> Result<ExitCode> {
    Err(Error::Other("quiz is not implemented yet".into()))
}

/// Prints review statistics.
pub fn stats(_args: &StatsArgs) -> Result<ExitCode> {
    Err(Error::Other("stats is not implemented yet".into()))
}

/// Fits FSRS parameters to the review log.
pub fn optimize(_args: &OptimizeArgs) -> Result<ExitCode> {
    Err(Error::Other("optimize is not implemented yet".into()))
}
