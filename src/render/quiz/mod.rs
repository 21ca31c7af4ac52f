//! The terminal quiz session.

pub mod judge;
