//! The span invariants of the output contract, shared with the tests: a violation panics,
//! which libFuzzer reports as a crash.

use whosaid::Document;

#[path = "../../tests/common/mod.rs"]
mod common;

/// Every span lies on char boundaries, within the text, and slices it to its `text` (a quote
/// in parts: its parts do, and its `text` is theirs joined by one space); quotes are ordered
/// and never overlap unless one contains the other (see `tests/common/mod.rs`).
pub fn document(text: &str, doc: &Document) {
    common::assert_contract(text, doc);
}
