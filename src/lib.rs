//! trame: checks social posts kept as Markdown against each network's rules, adapts them per
//! network, and renders an editorial calendar. The flow is one-way:
//! config + content (load) → variants (adapt) → checks (validate) → site (render) → output (write).

pub mod charter;
pub mod checks;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod networks;
pub mod output;
pub mod project;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod variants;
pub mod watch;
pub mod yaml;
