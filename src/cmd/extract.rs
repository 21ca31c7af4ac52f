//! `factdeck extract`: print the facts found in documents.
//!
//! The documents are read and extracted in parallel and printed in the order
//! given ([`crate::source::pool`]); what is printed for each is
//! [`crate::extract::output`]'s.

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::error::{Error, Result};
use crate::extract::output::{Documents, Format, Options, parse_kinds};
use crate::source::pool;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Extracts and prints; exit 1 when any file could not be read.
pub fn run(args: &ExtractArgs) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let format = match args.format {
        Some(ExtractFormat::Table) => Format::Table,
        Some(ExtractFormat::Json) => Format::Json,
        Some(ExtractFormat::Toml) => Format::Toml,
        None if stdout.is_terminal() => Format::Table,
        None => Format::Json,
    };
    let options = Options {
        format,
        kinds: parse_kinds(&args.kinds)?,
        people: args.people,
        read: args.input.read_options(),
    };
    let paths: Vec<String> = args
        .files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let failed = if args.text {
        crate::source::print_text(&paths, &options.read, &mut stdout.lock())?
    } else {
        let job = Documents {
            paths: &paths,
            options: &options,
        };
        pool::run_ordered(paths.len(), pool::thread_count(), &job, stdout)
            .map_err(|e| Error::io("<stdout>", e))?
    };
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
