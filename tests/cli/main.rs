//! Integration tests through the real binary: one harness, one module per command.

mod common;
mod extract;
mod extract_quotes;
