//! Extracts entities and quotes from a JSON Lines archive of articles on all cores.
//!
//! ```text
//! cargo run --release --example batch -- [--threads N] [--gazetteer FILE]... [--skip-bad] [--quiet] FILE|-
//! ```
//!
//! Input: one article a line, `{"id": ..., "text": "..."}`; `id` may be any JSON value and is
//! copied as is, other fields are ignored, blank lines are skipped. Output, on stdout, one line
//! per article in input order:
//!
//! ```text
//! {"id": ..., "document": {"entities": [...], "quotes": [...]}}
//! ```
//!
//! Lines are read in chunks (256 lines or 8 MiB, whichever comes first), extracted in parallel
//! with rayon and written in order, so memory stays bounded whatever the input's size. Reading
//! the next chunk and writing the last one run on their own threads while a chunk is
//! extracted, so the workers do not wait on input or output.
//! A progress line goes to stderr every 2 s or so (articles, MiB, MiB/s) and a summary at the
//! end, unless `--quiet`.
//!
//! - `--threads N`: worker threads (default: all cores).
//! - `--gazetteer FILE`: adds a JSON Lines gazetteer to the built-in one; repeatable.
//! - `--skip-bad`: a line that is not UTF-8, not JSON, or lacks `id` or `text` is skipped and
//!   counted (the first ten are named on stderr) instead of stopping the run with status 1.
//!
//! ```text
//! cargo build --release --example batch
//! ./target/release/examples/batch articles.jsonl > documents.jsonl
//! zcat archive.jsonl.gz | ./target/release/examples/batch --threads 2 - > documents.jsonl
//! ```
//!
//! On a cluster, shard the input and run one process per shard. With GNU parallel, one job per
//! core and one thread per job, output kept in input order (`-k`):
//!
//! ```text
//! cargo build --release --example batch
//! parallel --pipepart -a big.jsonl --block 100M -k ./target/release/examples/batch --threads 1 --quiet - > out.jsonl
//! # or, as in the issue, through cargo (the build is done once, then each job only runs it):
//! parallel --pipepart -a big.jsonl --block 100M -k cargo run --release --example batch -- --threads 1 --quiet - > out.jsonl
//! ```
//!
//! With Spark, ship the binary and pipe each partition's lines (JSON strings) through it; the
//! output lines come back in the partition's order:
//!
//! ```text
//! sc.addFile("target/release/examples/batch")
//! docs = sc.textFile("hdfs:///news/*.jsonl").pipe("./batch --threads 1 --quiet -")
//! ```

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Lines per chunk; a chunk is also cut when it reaches `CHUNK_BYTES`.
const CHUNK_LINES: usize = 256;
const CHUNK_BYTES: usize = 8 << 20;
const PROGRESS_EVERY: Duration = Duration::from_secs(2);
/// Bad lines named on stderr with `--skip-bad`.
const SHOW_BAD: usize = 10;

#[derive(Deserialize)]
struct Article {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    document: &'a whosaid::Document,
}

struct Options {
    threads: Option<usize>,
    gazetteers: Vec<String>,
    skip_bad: bool,
    quiet: bool,
    input: String,
}

const USAGE: &str =
    "usage: batch [--threads N] [--gazetteer FILE]... [--skip-bad] [--quiet] FILE|-";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("batch: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut opts = Options {
        threads: None,
        gazetteers: Vec::new(),
        skip_bad: false,
        quiet: false,
        input: String::new(),
    };
    let mut input = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" | "-j" => {
                let n = args.next().ok_or("--threads needs a number")?;
                let n: usize = n
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--threads: {n:?} is not a positive number"))?;
                opts.threads = Some(n);
            }
            "--gazetteer" => opts
                .gazetteers
                .push(args.next().ok_or("--gazetteer needs a file")?),
            "--skip-bad" => opts.skip_bad = true,
            "--quiet" | "-q" => opts.quiet = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            _ if input.is_none() && (arg == "-" || !arg.starts_with('-')) => input = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    opts.input = input.ok_or(USAGE)?;
    Ok(Some(opts))
}

fn run() -> Result<(), String> {
    let Some(opts) = parse_args()? else {
        return Ok(());
    };
    let mut builder = whosaid::Extractor::builder();
    for path in &opts.gazetteers {
        builder.gazetteer_path(path).map_err(|e| e.to_string())?;
    }
    let extractor = builder.build().map_err(|e| e.to_string())?;

    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.threads {
        pool = pool.num_threads(n);
    }
    let pool = pool.build().map_err(|e| format!("thread pool: {e}"))?;

    // Three stages overlap: a thread reads chunks of lines, the pool extracts one chunk while
    // the next is read, and a thread writes the previous one. Channels of two chunks bound
    // the memory held in flight.
    let (to_extract, chunks) = mpsc::sync_channel::<Result<Chunk, String>>(2);
    let (to_write, results) = mpsc::sync_channel::<Result<Extracted, String>>(2);
    let input = opts.input.clone();
    let reader = thread::spawn(move || read_chunks(&input, &to_extract));
    let (input, skip_bad, quiet) = (opts.input.clone(), opts.skip_bad, opts.quiet);
    let writer = thread::spawn(move || write_results(&input, skip_bad, quiet, &results));

    for chunk in chunks {
        let extracted = chunk.map(|lines| {
            // Parse, extract and serialize in parallel; `collect` keeps the input order.
            let results = pool.install(|| {
                lines
                    .par_iter()
                    .map(|(_, line)| extract_line(&extractor, line))
                    .collect()
            });
            let line_nos = lines.iter().map(|(n, _)| *n).collect();
            (line_nos, results)
        });
        // The writer stopped on an error: stop reading too.
        if to_write.send(extracted).is_err() {
            break;
        }
    }
    drop(to_write);
    let written = writer.join().map_err(|_| "the writer thread panicked")?;
    // Once the writer is done the reader's channel is closed, so it ends as well.
    let _ = reader.join();
    let (done, bad, bytes, elapsed) = written?;
    if !quiet {
        eprintln!(
            "batch: done, {} on {} threads",
            stats(done, bad, bytes, elapsed),
            pool.current_num_threads()
        );
    }
    Ok(())
}

/// Non-blank lines with their 1-based line numbers.
type Chunk = Vec<(usize, Vec<u8>)>;
/// A chunk's line numbers and, for each line, its output JSON and text length or an error.
type Extracted = (Vec<usize>, Vec<Result<(String, usize), String>>);

/// Reads `input` (a file, or stdin for `-`) in chunks until its end, a read error, or the
/// receiver hanging up.
fn read_chunks(input: &str, out: &mpsc::SyncSender<Result<Chunk, String>>) {
    let reader: Box<dyn Read> = if input == "-" {
        Box::new(std::io::stdin())
    } else {
        match std::fs::File::open(input) {
            Ok(f) => Box::new(f),
            Err(e) => {
                let _ = out.send(Err(format!("{input}: {e}")));
                return;
            }
        }
    };
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut line_no = 0usize;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_LINES);
        let mut chunk_bytes = 0;
        let mut eof = false;
        while chunk.len() < CHUNK_LINES && chunk_bytes < CHUNK_BYTES {
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    let _ = out.send(Err(format!("{input}: line {}: {e}", line_no + 1)));
                    return;
                }
            }
            line_no += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            chunk_bytes += line.len();
            chunk.push((line_no, line));
        }
        if (!chunk.is_empty() && out.send(Ok(chunk)).is_err()) || eof {
            return;
        }
    }
}

/// One input line to one output line.
fn extract_line(extractor: &whosaid::Extractor, line: &[u8]) -> Result<(String, usize), String> {
    let article: Article =
        serde_json::from_slice(line).map_err(|e| match std::str::from_utf8(line) {
            Ok(_) => json_error(&e),
            Err(u) => format!("not UTF-8 ({u})"),
        })?;
    let document = extractor.extract(&article.text);
    let json = serde_json::to_string(&Output {
        id: &article.id,
        document: &document,
    })
    .map_err(|e| e.to_string())?;
    Ok((json, article.text.len()))
}

/// Writes the results in order to stdout, with progress on stderr; the first error (a bad
/// line without `--skip-bad`, a read error, stdout failing) ends the run.
fn write_results(
    input: &str,
    skip_bad: bool,
    quiet: bool,
    results: &mpsc::Receiver<Result<Extracted, String>>,
) -> Result<(usize, usize, usize, Duration), String> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let start = Instant::now();
    let mut last_progress = start;
    let (mut done, mut bad, mut bytes) = (0usize, 0usize, 0usize);
    for extracted in results {
        let (line_nos, lines) = match extracted {
            Ok(x) => x,
            Err(e) => {
                out.flush().map_err(|e| format!("stdout: {e}"))?;
                return Err(e);
            }
        };
        for (line_no, result) in line_nos.iter().zip(lines) {
            match result {
                Ok((json, n)) => {
                    out.write_all(json.as_bytes())
                        .and_then(|()| out.write_all(b"\n"))
                        .map_err(|e| format!("stdout: {e}"))?;
                    done += 1;
                    bytes += n;
                }
                Err(e) if skip_bad => {
                    bad += 1;
                    if bad <= SHOW_BAD {
                        eprintln!("batch: {input}: line {line_no}: skipped: {e}");
                    } else if bad == SHOW_BAD + 1 {
                        eprintln!("batch: further bad lines are counted, not shown");
                    }
                }
                Err(e) => {
                    out.flush().map_err(|e| format!("stdout: {e}"))?;
                    return Err(format!("{input}: line {line_no}: {e}"));
                }
            }
        }
        if !quiet && last_progress.elapsed() >= PROGRESS_EVERY {
            last_progress = Instant::now();
            eprintln!("batch: {}", stats(done, bad, bytes, start.elapsed()));
        }
    }
    out.flush().map_err(|e| format!("stdout: {e}"))?;
    Ok((done, bad, bytes, start.elapsed()))
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

fn stats(done: usize, bad: usize, bytes: usize, elapsed: Duration) -> String {
    let mib = bytes as f64 / (1024.0 * 1024.0);
    let secs = elapsed.as_secs_f64().max(1e-9);
    let skipped = if bad > 0 {
        format!(" ({bad} bad lines skipped)")
    } else {
        String::new()
    };
    format!(
        "{done} articles{skipped}, {mib:.1} MiB of text in {secs:.1} s, {:.2} MiB/s, {:.0} articles/s",
        mib / secs,
        done as f64 / secs
    )
}
