//! `Extractor::new().extract` on any text: it must not panic, and every span it reports must
//! slice the input (see `check.rs`). Bytes that are not UTF-8 are replaced, as the `extract`
//! example does, so every input reaches the extractor.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let extractor = whosaid::Extractor::new();
    let doc = extractor.extract(&text);
    check::document(&text, &doc);
});
