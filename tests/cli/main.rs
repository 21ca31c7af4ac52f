//! Integration tests through the real binary: one harness, one module per command.

mod check;
mod common;
mod export;
mod extract;
mod extract_numbers;
mod extract_quotes;
mod extract_threads;
mod generate;
mod hostile;
mod quiz;
mod review;
mod sources;
