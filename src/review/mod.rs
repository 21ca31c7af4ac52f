//! Review state and scheduling: the SQLite store of every answer and FSRS.

pub mod optimize;
pub mod schedule;
pub mod store;

pub use schedule::{Clock, FixedClock, Rating, Scheduler, SystemClock};
pub use store::Store;
