//! Stage 4: show a deck — terminal quiz, Anki, CSV and printable HTML.
pub mod quiz;
