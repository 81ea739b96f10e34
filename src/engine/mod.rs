//! The engine: the one pipeline every command goes through.

pub mod project;
