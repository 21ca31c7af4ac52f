use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = factdeck::cli::Cli::parse();
    match factdeck::cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("factdeck: {err}");
            ExitCode::FAILURE
        }
    }
}
