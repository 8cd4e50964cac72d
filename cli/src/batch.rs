//! `whosaid batch`: a JSON Lines archive of articles in, one document a line out, in input
//! order, on all cores.
//!
//! Input: one article a line, `{"id": …, "text": "…", …}`; `id` may be any JSON value, blank
//! lines are skipped. Output, one line per article in input order: the input's fields in their
//! order, `text` left out, then the Document:
//!
//! ```text
//! {"id": …, "outlet": …, "date": …, "document": {"entities": […], "quotes": […]}}
//! ```
//!
//! so that `tally` can group by any of them (an input field named `document` is dropped).
//!
//! Lines are read in chunks (256 lines or 8 MiB, whichever comes first), extracted in parallel
//! with rayon and written in order, so memory stays bounded whatever the input's size. Reading
//! the next chunk and writing the last one run on their own threads while a chunk is
//! extracted, so the workers do not wait on input or output. A progress line goes to stderr
//! every 2 s or so (articles, MiB, MiB/s) and a summary at the end, unless `--quiet`.

use std::fmt;
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::input::{self, Line, Lines};
use crate::{warn, Common, Result, Stdout};

/// `whosaid batch`.
#[derive(clap::Args)]
#[command(
    after_help = "Output keeps the input's order and its fields (but `text`), then \
                        \"document\": `whosaid tally` groups by them.\n\n\
                        On a cluster, shard the input and run one process per shard, e.g. with \
                        GNU parallel: parallel --pipepart -a big.jsonl --block 100M -k \
                        whosaid batch --threads 1 --quiet - > out.jsonl"
)]
pub struct Args {
    /// JSON Lines files of articles, {"id": …, "text": "…"} a line, or - for standard input;
    /// read one after the other
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Worker threads (default: all cores)
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Skips and counts a line that is not UTF-8, not JSON, or lacks `id` or `text` (the first
    /// ten are named on stderr), instead of stopping with an error
    #[arg(long)]
    skip_bad: bool,
    /// No progress lines and no summary on stderr
    #[arg(long, short)]
    quiet: bool,
}

/// Lines per chunk; a chunk is also cut when it reaches `CHUNK_BYTES`.
const CHUNK_LINES: usize = 256;
const CHUNK_BYTES: usize = 8 << 20;
const PROGRESS_EVERY: Duration = Duration::from_secs(2);
/// Bad lines named on stderr with `--skip-bad`.
const SHOW_BAD: usize = 10;

/// Lines read, with the name of the input they come from.
struct Chunk {
    input: String,
    lines: Vec<Line>,
}

/// What became of one line: its output line and text length, or why it has none; and a
/// warning to give (bytes replaced by `--lossy`).
struct Outcome {
    number: usize,
    result: Result<(String, usize)>,
    warning: Option<String>,
}

/// A chunk's outcomes, with the name of its input.
struct Extracted {
    input: String,
    outcomes: Vec<Outcome>,
}

/// What the writer counted.
struct Totals {
    done: usize,
    bad: usize,
    bytes: usize,
    elapsed: Duration,
}

pub fn run(common: &Common, args: &Args) -> Result<()> {
    let extractor = common.extractor()?;
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(n.into());
    }
    let pool = pool.build().map_err(|e| format!("thread pool: {e}"))?;

    // Three stages overlap: a thread reads chunks of lines, the pool extracts one chunk while
    // the next is read, and a thread writes the previous one. Channels of two chunks bound
    // the memory held in flight.
    let (to_extract, chunks) = mpsc::sync_channel::<Result<Chunk>>(2);
    let (to_write, results) = mpsc::sync_channel::<Result<Extracted>>(2);
    let files = args.files.clone();
    let reader = thread::spawn(move || read_chunks(&files, &to_extract));
    let (skip_bad, quiet) = (args.skip_bad, args.quiet);
    let writer = thread::spawn(move || write_results(skip_bad, quiet, &results));

    let lossy = common.lossy;
    for chunk in chunks {
        let extracted = chunk.map(|chunk| {
            // Parse, extract and serialize in parallel; `collect` keeps the input order.
            let outcomes = pool.install(|| {
                chunk
                    .lines
                    .into_par_iter()
                    .map(|line| {
                        let number = line.number;
                        let what = format!("{}: line {number}", chunk.input);
                        let (result, warning) =
                            match input::utf8(&what, line.bytes, line.offset, lossy) {
                                Ok((text, warning)) => (extract_line(&extractor, &text), warning),
                                Err(e) => (Err(e), None),
                            };
                        Outcome {
                            number,
                            result,
                            warning,
                        }
                    })
                    .collect()
            });
            Extracted {
                input: chunk.input,
                outcomes,
            }
        });
        // The writer stopped on an error: stop reading too.
        if to_write.send(extracted).is_err() {
            break;
        }
    }
    drop(to_write);
    let totals = writer.join().map_err(|_| "the writer thread panicked")?;
    // Once the writer is done the reader's channel is closed, so it ends as well.
    let _ = reader.join();
    let totals = totals?;
    if !quiet {
        let threads = pool.current_num_threads();
        let plural = if threads == 1 { "" } else { "s" };
        eprintln_quiet(&format!(
            "done, {} on {threads} thread{plural}",
            stats(&totals)
        ));
    }
    Ok(())
}

/// Reads the inputs in chunks until their end, a read error, or the receiver hanging up.
fn read_chunks(files: &[PathBuf], out: &mpsc::SyncSender<Result<Chunk>>) {
    for path in files {
        let mut lines = match Lines::open(path) {
            Ok(lines) => lines,
            Err(e) => {
                let _ = out.send(Err(e));
                return;
            }
        };
        loop {
            let mut chunk = Chunk {
                input: lines.name().to_string(),
                lines: Vec::with_capacity(CHUNK_LINES),
            };
            let mut chunk_bytes = 0;
            let mut eof = false;
            while chunk.lines.len() < CHUNK_LINES && chunk_bytes < CHUNK_BYTES {
                match lines.next() {
                    None => {
                        eof = true;
                        break;
                    }
                    Some(Ok(line)) => {
                        chunk_bytes += line.bytes.len();
                        chunk.lines.push(line);
                    }
                    Some(Err(e)) => {
                        let _ = out.send(Err(e));
                        return;
                    }
                }
            }
            if !chunk.lines.is_empty() && out.send(Ok(chunk)).is_err() {
                return;
            }
            if eof {
                break;
            }
        }
    }
}

/// One input line: its fields in order, each value as written (copied to the output without
/// being parsed), `text` apart.
struct Article {
    fields: Vec<(String, Box<RawValue>)>,
    text: Option<String>,
}

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Article, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = Article;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object with \"id\" and \"text\"")
            }

            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Article, A::Error> {
                let mut article = Article {
                    fields: Vec::new(),
                    text: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    if key == "text" {
                        article.text = Some(map.next_value()?);
                    } else {
                        article.fields.push((key, map.next_value()?));
                    }
                }
                Ok(article)
            }
        }
        d.deserialize_map(Fields)
    }
}

/// One input line to one output line, and the length of its text.
fn extract_line(extractor: &whosaid::Extractor, line: &str) -> Result<(String, usize)> {
    let article: Article = serde_json::from_str(line).map_err(|e| json_error(&e))?;
    let text = article.text.ok_or("no \"text\" field")?;
    if !article.fields.iter().any(|(k, _)| k == "id") {
        return Err("no \"id\" field".to_string());
    }
    let document = extractor.extract(&text);
    let mut out = String::with_capacity(text.len() * 2);
    out.push('{');
    for (key, value) in article.fields.iter().filter(|(k, _)| k != "document") {
        out.push_str(&to_json(key)?);
        out.push(':');
        out.push_str(value.get());
        out.push(',');
    }
    out.push_str("\"document\":");
    out.push_str(&to_json(&document)?);
    out.push('}');
    Ok((out, text.len()))
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

/// Writes the results in order to stdout, with progress on stderr; the first error (a bad
/// line without `--skip-bad`, a read error, stdout failing) ends the run.
fn write_results(
    skip_bad: bool,
    quiet: bool,
    results: &mpsc::Receiver<Result<Extracted>>,
) -> Result<Totals> {
    let mut out = Stdout::new();
    let start = Instant::now();
    let mut last_progress = start;
    let mut totals = Totals {
        done: 0,
        bad: 0,
        bytes: 0,
        elapsed: Duration::ZERO,
    };
    for extracted in results {
        let extracted = match extracted {
            Ok(x) => x,
            Err(e) => {
                out.flush()?;
                return Err(e);
            }
        };
        for outcome in extracted.outcomes {
            if let Some(w) = &outcome.warning {
                warn(w);
            }
            let at = || format!("{}: line {}", extracted.input, outcome.number);
            match outcome.result {
                Ok((json, n)) => {
                    out.line(&json)?;
                    totals.done += 1;
                    totals.bytes += n;
                }
                Err(e) if skip_bad => {
                    totals.bad += 1;
                    if totals.bad <= SHOW_BAD {
                        eprintln_quiet(&format!("{}: skipped: {}", at(), without_prefix(&e)));
                    } else if totals.bad == SHOW_BAD + 1 {
                        eprintln_quiet("further bad lines are counted, not shown");
                    }
                }
                Err(e) => {
                    out.flush()?;
                    return Err(format!("{}: {}", at(), without_prefix(&e)));
                }
            }
        }
        if !quiet && last_progress.elapsed() >= PROGRESS_EVERY {
            last_progress = Instant::now();
            totals.elapsed = start.elapsed();
            eprintln_quiet(&stats(&totals));
        }
    }
    out.flush()?;
    totals.elapsed = start.elapsed();
    Ok(totals)
}

/// A UTF-8 error names the input and line itself (see `input::utf8`); the writer names them
/// for every error, so it takes that part off.
fn without_prefix(e: &str) -> &str {
    match e.find(": not valid UTF-8") {
        Some(i) => &e[i + 2..],
        None => e,
    }
}

/// A progress or summary line on stderr.
fn eprintln_quiet(msg: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "whosaid: batch: {msg}");
}

/// serde_json's message without its " at line 1 column N" (the line is ours to name).
fn json_error(e: &serde_json::Error) -> String {
    let mut msg = e.to_string();
    if let Some(i) = msg.rfind(" at line ") {
        msg.truncate(i);
    }
    if e.is_data() {
        msg
    } else {
        format!("invalid JSON at column {}: {msg}", e.column())
    }
}

fn stats(t: &Totals) -> String {
    let mib = t.bytes as f64 / (1024.0 * 1024.0);
    let secs = t.elapsed.as_secs_f64().max(1e-9);
    let skipped = if t.bad > 0 {
        format!(" ({} bad lines skipped)", t.bad)
    } else {
        String::new()
    };
    format!(
        "{} articles{skipped}, {mib:.1} MiB of text in {secs:.1} s, {:.2} MiB/s, {:.0} articles/s",
        t.done,
        mib / secs,
        t.done as f64 / secs
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_kept_in_order_without_text() {
        let extractor = whosaid::Extractor::new();
        let line = r#"{"outlet":"Daily","id":7,"text":"“We will see,” Putin said.","date":"2024-03-01","document":1}"#;
        let (json, n) = extract_line(&extractor, line).unwrap();
        assert_eq!(n, "“We will see,” Putin said.".len());
        assert!(
            json.starts_with(
                r#"{"outlet":"Daily","id":7,"date":"2024-03-01","document":{"entities":"#
            ),
            "{json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        let doc: whosaid::Document = serde_json::from_value(back["document"].clone()).unwrap();
        assert_eq!(doc.quotes[0].text, "We will see,");
    }

    #[test]
    fn a_line_needs_an_id_and_a_text() {
        let extractor = whosaid::Extractor::new();
        let err = |line: &str| extract_line(&extractor, line).unwrap_err();
        assert_eq!(err(r#"{"id": 1}"#), "no \"text\" field");
        assert_eq!(err(r#"{"text": "a"}"#), "no \"id\" field");
        assert!(err(r#"{"id": 1, "text": 2}"#).starts_with("invalid type: integer"));
        assert!(err(r#"[1]"#).starts_with("invalid type: sequence"));
        assert!(err(r#"{"id": 1"#).starts_with("invalid JSON at column"));
    }
}
