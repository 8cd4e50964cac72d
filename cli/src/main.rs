//! `whosaid`: who said what in English news, from the command line.
//!
//! Each subcommand is a module of its own; this file holds the command line (parsed by clap),
//! the gazetteer and input options every subcommand shares, and the one rule for failures: one
//! line `whosaid: …` on stderr and a nonzero status (2 for a bad command line, 1 otherwise).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

mod batch;
mod eval;
mod gender;
mod html;
mod input;
mod table;
mod tally;

/// What a subcommand returns: `Err` is the one-line message printed after `whosaid: `.
type Result<T> = std::result::Result<T, String>;

/// Who said what in English news: named entities and attributed quotes, as JSON, tables,
/// a page, and counts by gender.
#[derive(Parser)]
#[command(name = "whosaid", version, propagate_version = true)]
#[command(
    after_help = "Every FILE may be - for standard input. Run `whosaid help SUBCOMMAND` \
                        or `whosaid SUBCOMMAND --help` for a subcommand's options."
)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    command: Command,
}

/// The options every subcommand takes.
#[derive(Args)]
struct Common {
    /// Adds a JSON Lines gazetteer (one entry a line) to the built-in one; repeatable
    #[arg(long, value_name = "FILE", global = true)]
    gazetteer: Vec<PathBuf>,
    /// Replaces bytes that are not UTF-8 with U+FFFD, with a warning, instead of failing
    #[arg(long, global = true)]
    lossy: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Prints each article's Document (entities and quotes) as JSON, one line per file
    Extract(ExtractArgs),
    /// Prints who said what in each article as a table, then quotes and speakers by gender
    Table(table::Args),
    /// Prints a complete HTML page of the article with its quotes and speakers marked
    Html(html::Args),
    /// Extracts JSON Lines articles ({"id", "text", …}) on all cores, in input order
    Batch(batch::Args),
    /// Scores whosaid against annotated JSON Lines (quotes, speakers, cues, entities, gender)
    Eval(eval::Args),
    /// Counts quotes and speakers by gender over `batch` output, grouped by its fields
    Tally(tally::Args),
}

/// `whosaid extract`.
#[derive(Args)]
struct ExtractArgs {
    /// Article files (plain UTF-8 text), or - for standard input
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Indents the JSON over several lines
    #[arg(long)]
    pretty: bool,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            // Not `eprintln!`, which panics when stderr cannot be written.
            let _ = writeln!(std::io::stderr(), "whosaid: {}", one_line(&msg));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let common = &cli.common;
    match &cli.command {
        Command::Extract(args) => extract(common, args),
        Command::Table(args) => table::run(common, args),
        Command::Html(args) => html::run(common, args),
        Command::Batch(args) => batch::run(common, args),
        Command::Eval(args) => eval::run(common, args),
        Command::Tally(args) => tally::run(common, args),
    }
}

/// `--help` prints as clap has it and `--version` as `whosaid 0.2.0` whatever the subcommand,
/// both with success; any other command-line error is clap's message made one `whosaid: …`
/// line, with status 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let printed = match e.kind() {
        ErrorKind::DisplayHelp => Some(e.print()),
        ErrorKind::DisplayVersion => Some(writeln!(
            std::io::stdout(),
            "whosaid {}",
            env!("CARGO_PKG_VERSION")
        )),
        _ => None,
    };
    if let Some(result) = printed {
        return if result.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    let _ = writeln!(
        std::io::stderr(),
        "whosaid: {}",
        one_line(&usage_message(e))
    );
    ExitCode::from(2)
}

/// Clap's message on one line: its first paragraph without "error: ", and where to look for
/// help (the subcommand's, when clap's usage line names one; a bad value has none).
fn usage_message(e: &clap::Error) -> String {
    if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return "a subcommand is needed (see whosaid --help)".to_string();
    }
    let rendered = e.render().to_string();
    let message: Vec<&str> = rendered
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let message = message.join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    let command: Vec<&str> = rendered
        .lines()
        .find_map(|l| l.strip_prefix("Usage: "))
        .unwrap_or("whosaid")
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<']))
        .collect();
    format!("{message} (see {} --help)", command.join(" "))
}

impl Common {
    /// The extractor: the built-in gazetteer and every `--gazetteer` file.
    fn extractor(&self) -> Result<whosaid::Extractor> {
        let mut builder = whosaid::Extractor::builder();
        for path in &self.gazetteer {
            builder.gazetteer_path(path).map_err(|e| e.to_string())?;
        }
        builder.build().map_err(|e| e.to_string())
    }
}

/// `whosaid extract`: each file's Document as JSON, compact (one line a file) or pretty.
fn extract(common: &Common, args: &ExtractArgs) -> Result<()> {
    let extractor = common.extractor()?;
    let mut out = Stdout::new();
    for path in &args.files {
        let text = input::read_text(path, common.lossy)?;
        let doc = extractor.extract(&text);
        let json = if args.pretty {
            serde_json::to_string_pretty(&doc)
        } else {
            serde_json::to_string(&doc)
        };
        out.line(&json.map_err(|e| e.to_string())?)?;
    }
    out.flush()
}

/// Buffered standard output whose errors (a closed pipe, a full disk) are messages, where
/// `println!` would panic.
struct Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>);

impl Stdout {
    fn new() -> Stdout {
        Stdout(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout().lock(),
        ))
    }

    /// Writes `s` as it is.
    fn write(&mut self, s: &str) -> Result<()> {
        self.0.write_all(s.as_bytes()).map_err(stdout_error)
    }

    /// Writes `s` and a line break.
    fn line(&mut self, s: &str) -> Result<()> {
        self.write(s)?;
        self.write("\n")
    }

    fn flush(&mut self) -> Result<()> {
        self.0.flush().map_err(stdout_error)
    }
}

fn stdout_error(e: std::io::Error) -> String {
    format!("stdout: {e}")
}

/// Writes a warning line on stderr, ignoring a failure to write it.
fn warn(msg: &str) {
    let _ = writeln!(std::io::stderr(), "whosaid: warning: {}", one_line(msg));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn usage_errors_are_one_line_naming_the_help_to_read() {
        let message = |args: &[&str]| match Cli::try_parse_from(args) {
            Ok(_) => panic!("{args:?} parsed"),
            Err(e) => usage_message(&e),
        };
        assert_eq!(
            message(&["whosaid", "extract"]),
            "the following required arguments were not provided: <FILE>... \
             (see whosaid extract --help)"
        );
        assert_eq!(
            message(&["whosaid", "table", "--bogus", "a.txt"]),
            "unexpected argument '--bogus' found (see whosaid table --help)"
        );
        assert_eq!(
            message(&["whosaid"]),
            "a subcommand is needed (see whosaid --help)"
        );
        assert_eq!(
            message(&["whosaid", "tally", "--by", "week:date", "-"]),
            "invalid value 'week:date' for '--by <GROUP>': \"week\" is not month or year \
             (write FIELD, month:FIELD or year:FIELD) (see whosaid --help)"
        );
    }

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(one_line("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(one_line("café"), "café");
    }
}
