//! Extracts the entities and quotes of many articles at once, on all cores, with rayon.
//!
//! ```text
//! cargo run --release --example batch -- articles.jsonl > documents.jsonl
//! ```
//!
//! In: `{"id": …, "text": "…"}` a line; out: `{"id": …, "document": {…}}` a line, in input
//! order. One `Extractor` serves every thread (it is `Send + Sync`). `whosaid batch` (`cargo
//! install --path cli`) streams archives of any size and keeps the input's other fields.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Article {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    document: whosaid::Document,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("batch: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: batch FILE")?;
    let input = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let articles: Vec<Article> = input
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let extractor = whosaid::Extractor::new();
    // Each article on whichever core is free; `collect` keeps the input order.
    let lines: Vec<String> = articles
        .par_iter()
        .map(|a| {
            let document = extractor.extract(&a.text);
            serde_json::to_string(&Output {
                id: &a.id,
                document,
            })
        })
        .collect::<Result<_, _>>()?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in lines {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
