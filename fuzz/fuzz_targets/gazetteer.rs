//! A JSON Lines gazetteer from the fuzzer, read with `gazetteer_str` (without the built-in
//! set), then used on a fixed article: reading must fail cleanly or succeed, never panic, an
//! error must name its origin and a line that exists, and extraction must keep the span
//! invariants (see `check.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

/// Short, varied words so that fuzzed names often match: names, titles, capitals, non-ASCII,
/// possessives, quotes, cues.
const ARTICLE: &str = "KYIV \u{2014} \u{201c}We will see,\u{201d} Putin said. A B C, a b c; \
    Foreign Minister Sergei Lavrov emphasized that \u{c9}lys\u{e9}e talks would begin, \
    according to the U.S. and N.A.T.O. \"It is over,\" the minister told Al-Jazeera's Ana \
    O'Neil. Kova\u{10d} and Trump\u{2019}s aide, Mr. X, said: \u{ab}no\u{bb}. \
    The Russian president\u{2019}s spokesman Dmitry Peskov said it. 1 2 3 x y z\n\n\
    \u{201c}Next,\u{201d} he added.";

fuzz_target!(|data: &[u8]| {
    let Ok(jsonl) = std::str::from_utf8(data) else {
        return;
    };
    let mut builder = whosaid::Extractor::builder();
    builder.builtin(false);
    let built = builder.gazetteer_str("fuzz", jsonl).and_then(|b| b.build());
    match built {
        Ok(extractor) => {
            let doc = extractor.extract(ARTICLE);
            check::document(ARTICLE, &doc);
        }
        Err(e) => {
            assert_eq!(e.origin(), "fuzz");
            if let Some(line) = e.line() {
                assert!(
                    line >= 1 && line <= jsonl.lines().count().max(1),
                    "line {line} of {} lines: {e}",
                    jsonl.lines().count()
                );
            }
            let _ = e.to_string();
        }
    }
});
