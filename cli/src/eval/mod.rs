//! Scores whosaid's quotes against annotated news, the way the Gender Gap Tracker scores its
//! quote extraction (see `../shared/eval/README.md`): quote precision, recall and F1 at span
//! coverage thresholds 0.3 and 0.8, speaker accuracy (span), speaker-name accuracy and cue
//! accuracy, per quote kind, over all attributions and over speech attributions only; then, for
//! documents that carry them, entity precision, recall and F1 by type and people and sources by
//! gender; then confidence calibration, the worst documents, aggregate error diagnostics, sample
//! errors and the extraction speed.
//!
//! ```text
//! whosaid eval tests/fixtures/annotated.jsonl
//! whosaid eval tests/fixtures/people.jsonl
//! whosaid eval ../shared/eval/polnear_dev.jsonl
//! whosaid eval ../shared/eval/conll2003_dev.jsonl
//! whosaid eval --samples 30 --limit 200 ../shared/eval/polnear_train.jsonl
//! whosaid eval --json ../shared/eval/polnear_dev.jsonl
//! cargo run --release -p whosaid-cli -- eval ../shared/eval/polnear_dev.jsonl
//! ```
//!
//! The parts, in order: [`doc`] reads the annotated documents and converts gold and system
//! quotes, names and people to character offsets; [`score`] matches and compares them (pure
//! functions); [`aggregate`] sums the scores over documents; [`report`] writes the text
//! report and [`json`] the `--json` object. The unit tests are in `tests.rs`.
//!
//! Options:
//!
//! - `--samples N`: how many sample misses, false alarms and speaker errors to print (default 8,
//!   chosen evenly spaced through the documents, so runs are reproducible);
//! - `--limit N`: evaluate only the first N documents (over all files, in order);
//! - `--kind direct|mixed|indirect`: restrict the diagnostics and samples to one kind (gold kind
//!   for misses, cue and speaker errors, system kind for false alarms); the tables show all;
//! - `--cue WORD`: likewise restrict them to quotes whose cue contains WORD ("said" matches
//!   "has said"; "(none)" selects quotes without a cue);
//! - `--split-parts` / `--join-parts`: score every interrupted quote part by part, or every one
//!   as one quote, in all files (default: decided per file, see below);
//! - `--json`: print one JSON object with the headline numbers instead of the report.
//!
//! Several files are scored together, as one set; `-` reads standard input. `--gazetteer` adds
//! to the built-in gazetteer as in every subcommand, and a file that is not UTF-8 is an error
//! naming the byte (or, with `--lossy`, repaired with a warning).
//!
//! Input: JSON Lines, one document a line, `{"id", "text", "quotes": [{"start", "end", "text",
//! "kind", "speaker", "speaker_text", "speaker_start", "speaker_end", "cue", "cue_start",
//! "cue_end", "has_source", "fragments"}], "entities": [{"start", "end", "text", "type"}],
//! "doc_people_female", "doc_people_male", "doc_sources_female", "doc_sources_male"}`, offsets
//! in characters (Unicode scalar values). Unknown fields are ignored; all quote fields but
//! `start`, `end` and `kind` may be null or missing, and so may `entities` and the four people
//! lists (a document without them is left out of the entity or gender scores). A missing file
//! or a bad line prints one line naming the file and line and exits with status 1.
//!
//! # Speaker names
//!
//! Among quotes found at T=0.3, the name is right when the system speaker's `name`, normalized
//! (see [`score::normalize_name`]: a final "'s" dropped, punctuation to spaces, lowercase, spaces
//! collapsed), equals the gold `speaker` normalized; a gold quote whose `speaker` is null is
//! right when the system has no speaker. `tests/fixtures/people.jsonl` gives the resolved full
//! name there ("Priya Natarajan" for "she"), which is what this measures; PolNeAR gives the
//! words as written ("he", "Mr. Trump"), so the figure means little on it.
//!
//! # Interrupted quotes
//!
//! whosaid returns `"A," she said, "B."` as one quote with two `parts`. The eval README says to
//! score it as one quote against a set that keeps it whole (PolNeAR, and our fixtures, whose
//! README says so) and part by part, each part with the quote's speaker and cue, against a set
//! that annotates each part as its own quote. Which one a file does is read from the file: each
//! system quote with two or more parts votes "joins" when a gold quote overlaps two or more of
//! its parts, and "splits" when two or more gold quotes each overlap exactly one of its parts,
//! different parts (see [`doc::part_votes`]); a file's quotes are scored part by part when it has
//! more "splits" votes than "joins" votes. The report prints the votes. `--split-parts` and
//! `--join-parts` override the vote.
//!
//! # Entities
//!
//! For documents with an `entities` array (in a file where at least one such array is not
//! empty: PolNeAR writes an empty one everywhere): exact character spans, by type over PER, ORG and LOC.
//! Gold MISC is ignored; every mention of a system entity is a predicted span, its kind mapped
//! person to PER, organization to ORG, location to LOC, nationalities ignored (a span predicted
//! twice with one type counts once). Mentions that are titles ("the Russian president") count as
//! they are. The "span" row ignores the type. The report then lists, per type, the most missed
//! gold names and the most frequent false alarms, each with what the other side had on its span
//! the first time.
//!
//! # People and sources by gender
//!
//! For documents with the four `doc_people_*`/`doc_sources_*` lists (the Gender Gap Tracker's
//! metric): per article, a gold name of gender G is found when a system person of gender G
//! (`Entity::gender`) has it, normalized, as its name or as one of its mentions' texts; the
//! system persons of gender G are the predictions, one being right when its name or a mention
//! matches a gold name of gender G. For sources, only the system persons that are the
//! `speaker.entity` of at least one quote count, against the gold sources. The counts are summed
//! over articles (so P, R and F1 are micro-averaged), for people-female, people-male,
//! sources-female and sources-male.
//!
//! # `--json`
//!
//! One object: `files`, `documents`; `all` and `speech`, each with `overall`, `direct`, `mixed`,
//! `indirect`, each holding `gold`, `system`, `system@0.8`, `p@0.3`, `r@0.3`, `f1@0.3`,
//! `p@0.8`, `r@0.8`, `f1@0.8`, `speaker_acc`, `speaker_acc_source`, `speaker_name_acc`,
//! `speaker_name_n`, `speaker_name_null_gold` (found quotes whose gold speaker is null),
//! `cue_acc`; `split_parts`, per file `{file, splits, joins, split}`; `entities` (null without
//! entity annotations) with `documents` and `PER`, `ORG`, `LOC`, `overall` (micro over the
//! three types) and `span`, each `{gold, system, correct, p, r, f1}`; `gender` (null without
//! people lists) with `documents`, `people_female`, `people_male`, `sources_female`,
//! `sources_male`, each `{gold, found, system, system_right, p, r, f1}`, and
//! `persons`/`persons_no_gender`; `calibration`, `bytes` and `mb_per_s`.

use std::path::PathBuf;
use std::time::Duration;

use crate::{Common, Result, Stdout};

use self::aggregate::{calibration, gender_totals, name_totals, tally, Eval, Totals};
use self::doc::{load_doc, part_votes, read_file, split_parts, Kind, Span};
use self::report::Filter;
use self::score::match_spans;

mod aggregate;
mod doc;
mod json;
mod report;
mod score;
#[cfg(test)]
mod tests;

/// `whosaid eval`.
#[derive(clap::Args)]
#[command(
    after_help = "Input: JSON Lines, one annotated document a line, {\"id\", \"text\", \
                        \"quotes\": [{\"start\", \"end\", \"kind\", \"speaker\", \"cue\", …}], \
                        \"entities\": […], \"doc_people_female\": […], …}, offsets in characters. \
                        tools/polnear_to_jsonl.py makes it from a clone of PolNeAR."
)]
pub struct Args {
    /// Annotated JSON Lines files, scored together as one set, or - for standard input
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// How many sample misses, false alarms and speaker errors to print (evenly spaced)
    #[arg(long, value_name = "N", default_value_t = 8)]
    samples: usize,
    /// Evaluates only the first N documents (over all files, in order)
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Restricts the diagnostics and samples to one kind (the tables show all)
    #[arg(long, value_name = "KIND", value_parser = ["direct", "mixed", "indirect"])]
    kind: Option<String>,
    /// Restricts the diagnostics and samples to quotes whose cue contains WORD ("(none)":
    /// quotes without a cue)
    #[arg(long, value_name = "WORD")]
    cue: Option<String>,
    /// Scores every interrupted quote part by part, in all files (default: decided per file
    /// by how its gold treats them)
    #[arg(long, conflicts_with = "join_parts")]
    split_parts: bool,
    /// Scores every interrupted quote as one quote, in all files
    #[arg(long)]
    join_parts: bool,
    /// Prints one JSON object with the headline numbers instead of the report
    #[arg(long)]
    json: bool,
}

/// The coverage thresholds: a gold quote is found when one system quote covers more than this
/// share of its characters.
pub const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// How one file's gold treats interrupted quotes (see [`part_votes`]) and what was done.
pub struct PartVote {
    pub file: String,
    pub splits: usize,
    pub joins: usize,
    /// Whether the file's interrupted quotes were scored part by part.
    pub split: bool,
}

/// Everything the report and the JSON object show.
pub struct Scores {
    /// The files as given.
    pub files: Vec<String>,
    pub evals: Vec<Eval>,
    pub votes: Vec<PartVote>,
    pub totals: Totals,
    /// Text bytes extracted, and the time the `extract` calls took.
    pub bytes: usize,
    pub elapsed: Duration,
}

impl Scores {
    /// Extraction speed in MB/s.
    pub fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Loads, extracts, scores and prints.
pub fn run(common: &Common, args: &Args) -> Result<()> {
    let extractor = common.extractor()?;
    let limit = args.limit.unwrap_or(usize::MAX);
    let split_option = match (args.split_parts, args.join_parts) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    let mut evals = Vec::new();
    let mut votes = Vec::new();
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0usize;
    let mut read = 0usize;
    let files: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    for (path, f) in args.files.iter().zip(&files) {
        let raws = read_file(path, limit - read.min(limit), common.lossy)?;
        read += raws.len();
        let mut docs = Vec::with_capacity(raws.len());
        for (raw, file, line) in raws {
            bytes += raw.text.len();
            let (doc, took) = load_doc(&extractor, raw, &file, line)?;
            elapsed += took;
            docs.push(doc);
        }
        // PolNeAR writes `"entities": []` on every document: a file whose entity arrays are
        // all empty is not annotated for entities.
        if docs
            .iter()
            .all(|d| d.gold_names.as_ref().is_none_or(Vec::is_empty))
        {
            for d in &mut docs {
                d.gold_names = None;
            }
        }
        let (splits, joins) = docs.iter().fold((0, 0), |(s, j), d| {
            let gold: Vec<Span> = d.gold.iter().map(|g| g.span).collect();
            let (ds, dj) = part_votes(&gold, &d.sys);
            (s + ds, j + dj)
        });
        let split = split_option.unwrap_or(splits > joins);
        votes.push(PartVote {
            file: f.clone(),
            splits,
            joins,
            split,
        });
        for mut doc in docs {
            if split {
                doc.sys = split_parts(std::mem::take(&mut doc.sys));
            }
            let gold_spans: Vec<Span> = doc.gold.iter().map(|g| g.span).collect();
            let sys_spans: Vec<Span> = doc.sys.iter().map(|s| s.span).collect();
            let m = THRESHOLDS.map(|t| match_spans(&gold_spans, &sys_spans, t));
            evals.push(Eval { doc, m });
        }
    }
    let totals = Totals {
        all: tally(&evals, false),
        speech: tally(&evals, true),
        calibration: calibration(&evals),
        names: name_totals(&evals),
        genders: gender_totals(&evals),
    };
    let scores = Scores {
        files,
        evals,
        votes,
        totals,
        bytes,
        elapsed,
    };
    let mut out = Stdout::new();
    if args.json {
        out.line(&json::summary(&scores).to_string())?;
    } else {
        let filter = Filter {
            kind: args.kind.as_deref().and_then(Kind::parse),
            cue: args.cue.as_ref().map(|c| c.to_lowercase()),
        };
        out.write(&report::report(&scores, args.samples, &filter))?;
    }
    out.flush()
}
