//! Prints who said what in an article as a readable table: speaker, kind, cue, quote.
//!
//! ```text
//! cargo run --release --example who_said_what -- tests/fixtures/seed-article.txt
//! echo '"We are ready," Zelensky said.' | cargo run --release --example who_said_what -- -
//! ```

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: who_said_what FILE|-");
        return ExitCode::FAILURE;
    };
    let text = if path == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("who_said_what: stdin: {e}");
            return ExitCode::FAILURE;
        }
        s
    } else {
        match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!("who_said_what: {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let doc = whosaid::Extractor::new().extract(&text);
    println!(
        "{:<24} {:<9} {:<14} {:>5}  quote",
        "speaker", "kind", "cue", "conf"
    );
    for q in &doc.quotes {
        let speaker = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
        let kind = format!("{:?}", q.kind).to_lowercase();
        let cue = q.cue.as_deref().unwrap_or("-");
        let mut quote: String = q.text.chars().take(70).collect();
        if quote.len() < q.text.len() {
            quote.push('…');
        }
        println!(
            "{:<24} {:<9} {:<14} {:>5.2}  {}",
            speaker,
            kind,
            cue,
            q.confidence,
            quote.replace('\n', " ")
        );
    }
    ExitCode::SUCCESS
}
