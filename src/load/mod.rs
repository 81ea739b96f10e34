//! Loading: trame.yaml, the networks, and every content file.

pub mod config;
pub mod content;
pub mod git;
pub mod metrics;
pub mod networks;
pub mod outside;
pub mod store;
pub mod yaml;
