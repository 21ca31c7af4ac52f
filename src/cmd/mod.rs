//! One function per subcommand: each takes its validated arguments, runs the
//! pipeline stages it needs and returns the exit code.

mod check;
mod export;
mod extract;
mod generate;
mod quiz;
mod review;

use crate::cli::{Cli, Command};
use crate::error::Result;
use std::process::ExitCode;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Quiz(args) => quiz::run(&args),
        Command::Stats(args) => quiz::stats(&args),
        Command::Optimize(args) => quiz::optimize(&args),
        Command::Export(args) => export::run(&args),
        Command::Review(args) => review::run(&args),
    }
}
