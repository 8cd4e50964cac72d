//! Prints who said what in an article: the speaker, the kind of quote, and what was said.
//!
//! ```text
//! cargo run --release --example who_said_what -- tests/fixtures/seed-article.txt
//! ```
//!
//! The `whosaid table FILE` command (`cargo install --path cli`) prints the same with the cue
//! and confidence, then the quotes and speakers by gender.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: who_said_what FILE");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("who_said_what: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = whosaid::Extractor::new().extract(&text);
    for q in &doc.quotes {
        let who = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
        let kind = format!("{:?}", q.kind).to_lowercase();
        println!("{who:<24} {kind:<9} {}", q.text.replace('\n', " "));
    }
    ExitCode::SUCCESS
}
