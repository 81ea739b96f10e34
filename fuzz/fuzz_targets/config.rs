//! trame.yaml and charter.yaml, as anyone may write them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let root = std::path::Path::new("/nonexistent-trame-project");
    if let Ok((config, _)) = trame::load::config::parse(root, &text) {
        let _ = trame::validate::charter::parse(&config, "charter.yaml", &text);
    }
});
