//! Prints an article as an HTML page: its quotes highlighted in their speaker's colour, cues
//! underlined, entity mentions marked, and a legend of speakers.
//!
//! ```text
//! cargo run --release --example html -- FILE > article.html
//! cargo run --release --example html -- - < article.txt > article.html
//! ```
//!
//! The page is self-contained (no script, nothing fetched); its title is the file's name. A
//! file that is not UTF-8 is read lossily (bad bytes become U+FFFD) with a warning. Any error
//! (a missing or unreadable file, stdout closed early) prints one line on stderr and exits with
//! status 1.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: html FILE|-";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            // Not `eprintln!`, which panics when stderr cannot be written.
            let _ = writeln!(std::io::stderr(), "html: {}", one_line(&msg));
            ExitCode::FAILURE
        }
    }
}

/// The message with line breaks and other control chars escaped, so that it stays one line
/// whatever a file name holds.
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

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let input = match (args.next(), args.next()) {
        (Some(arg), None) if arg == "-h" || arg == "--help" => {
            return write_out(&format!("{USAGE}\n"));
        }
        (Some(input), None) => input,
        (_, Some(extra)) => return Err(format!("unexpected argument {extra:?}; {USAGE}")),
        (None, None) => return Err(USAGE.to_string()),
    };
    let (bytes, name) = if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        (buf, "stdin".to_string())
    } else {
        let bytes = std::fs::read(&input).map_err(|e| format!("{input}: {e}"))?;
        (bytes, input)
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "html: warning: {} is not valid UTF-8; invalid bytes replaced",
                one_line(&name)
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let doc = whosaid::Extractor::new().extract(&text);
    write_out(&doc.render_html_page(&text, &name))
}

/// Writes to stdout; `print!` would panic on a closed pipe or a full disk.
fn write_out(s: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("stdout: {e}"))
}
