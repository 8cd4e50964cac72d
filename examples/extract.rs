//! Prints an article's Document as JSON.
//!
//! ```text
//! cargo run --release --example extract -- [--gazetteer FILE]... FILE
//! cargo run --release --example extract -- - < article.txt
//! ```
//!
//! A file that is not UTF-8 is read lossily (bad bytes become U+FFFD) with a warning, so
//! offsets refer to the repaired text. Any error prints one line and exits with status 1.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("extract: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut builder = whosaid::Extractor::builder();
    let mut input = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--gazetteer" => {
                let path = args.next().ok_or("--gazetteer needs a file")?;
                builder.gazetteer_path(&path).map_err(|e| e.to_string())?;
            }
            "-h" | "--help" => {
                println!("usage: extract [--gazetteer FILE]... FILE|-");
                return Ok(());
            }
            _ if input.is_none() => input = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let input = input.ok_or("usage: extract [--gazetteer FILE]... FILE|-")?;
    let bytes = if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        buf
    } else {
        std::fs::read(&input).map_err(|e| format!("{input}: {e}"))?
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("extract: warning: {input} is not valid UTF-8; invalid bytes replaced");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let extractor = builder.build().map_err(|e| e.to_string())?;
    let doc = extractor.extract(&text);
    let json = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(())
}
