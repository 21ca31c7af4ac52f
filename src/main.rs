use clap::Parser;
use std::process::ExitCode;

// mimalloc: extraction allocates many small strings per document; glibc's
// malloc/free took about a tenth of its time (see scripts/bench-extract.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
