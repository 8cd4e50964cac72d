//! `Extractor::new().extract` on any text: it must not panic, and every span it reports must
//! slice the input (see `check.rs`). Bytes that are not UTF-8 are replaced, as the `extract`
//! example does, so every input reaches the extractor. One document refilled by
//! `extract_into` from input to input must equal what `extract` returns.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

thread_local! {
    static REFILLED: std::cell::RefCell<whosaid::Document> = std::cell::RefCell::default();
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let extractor = whosaid::Extractor::new();
    let doc = extractor.extract(&text);
    check::document(&text, &doc);
    REFILLED.with(|refilled| {
        let mut refilled = refilled.borrow_mut();
        extractor.extract_into(&text, &mut refilled);
        assert!(*refilled == doc, "extract_into differs from extract");
    });
});
