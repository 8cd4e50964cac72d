//! Prints an article's Document as JSON.
//!
//! ```text
//! cargo run --release --example extract -- [--gazetteer FILE]... FILE
//! cargo run --release --example extract -- - < article.txt
//! ```
//!
//! A file that is not UTF-8 is read lossily (bad bytes become U+FFFD) with a warning, so
//! offsets refer to the repaired text. Any error (a missing or unreadable file, a bad
//! gazetteer, stdout closed early) prints one line on stderr and exits with status 1.

use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            // Not `eprintln!`, which panics when stderr cannot be written.
            let _ = writeln!(std::io::stderr(), "extract: {}", one_line(&msg));
            ExitCode::FAILURE
        }
    }
}

/// The message with line breaks and other control chars escaped, so that it stays one line
/// whatever a file name or a gazetteer's bad field name holds.
fn one_line(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    for c in msg.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes a line to stdout; `println!` would panic on a closed pipe or a full disk.
fn print(s: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{s}")
        .and_then(|()| out.flush())
        .map_err(|e| format!("stdout: {e}"))
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
                return print("usage: extract [--gazetteer FILE]... FILE|-");
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
            let name = if input == "-" {
                "stdin"
            } else {
                input.as_str()
            };
            let _ = writeln!(
                std::io::stderr(),
                "extract: warning: {} is not valid UTF-8; invalid bytes replaced",
                one_line(name)
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let extractor = builder.build().map_err(|e| e.to_string())?;
    let doc = extractor.extract(&text);
    let json = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    print(&json)
}
