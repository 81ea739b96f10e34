//! trame: checks social posts kept as Markdown against each network's rules, adapts them per
//! network, and renders an editorial calendar. The flow is one-way:
//! load → adapt → validate → render → write, driven by one engine for every command.

pub mod adapt;
pub mod base;
pub mod cli;
pub mod diagnostics;
pub mod engine;
pub mod export;
pub mod load;
pub mod net;
pub mod render;
pub mod routes;
pub mod validate;
pub mod write;
