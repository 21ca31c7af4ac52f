//! factdeck turns fact sheets and news articles into quizzes and flashcards.
//!
//! The pipeline: [`extract`] finds facts in text, [`generate`] makes cards,
//! [`deck`] stores them as TOML, [`render`] writes them out (Anki, printable
//! HTML, classroom platforms) and [`quiz`] asks them in the terminal. Each stage hands
//! plain data from [`model`] to the next.

pub mod cli;
pub mod cmd;
pub mod deck;
pub mod error;
pub mod extract;
pub mod fsutil;
pub mod generate;
pub mod lexicon;
pub mod model;
pub mod quiz;
pub mod render;
pub mod review;
pub mod serve;
pub mod source;

pub use deck::{load_deck, save_deck};
pub use error::{Error, Result};
pub use extract::extract as extract_facts;
pub use generate::generate_deck;
