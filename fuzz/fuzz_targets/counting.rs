//! Every way a network counts a text, on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trame::load::networks::counting::Counting;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for c in [
        Counting::Twitter,
        Counting::Mastodon,
        Counting::Graphemes,
        Counting::Characters,
        Counting::Utf16,
        Counting::Bytes,
        Counting::Threads,
    ] {
        let _ = c.count(&text);
    }
    let _ = trame::adapt::hashtags_in(&text);
    let _ = trame::adapt::url_ranges(&text);
});
