//! Scores whosaid's quotes against annotated news, the way the Gender Gap Tracker scores its
//! quote extraction (see `../shared/eval/README.md`): quote precision, recall and F1 at span
//! coverage thresholds 0.3 and 0.8, speaker accuracy and cue accuracy, per quote kind, over all
//! attributions and over speech attributions only; then confidence calibration, the worst
//! documents, aggregate error diagnostics, sample errors and the extraction speed.
//!
//! ```text
//! cargo run --release --example evaluate
//! cargo run --release --example evaluate -- tests/fixtures/annotated.jsonl
//! cargo run --release --example evaluate -- --samples 30 --limit 200 ../shared/eval/polnear_train.jsonl
//! cargo run --release --example evaluate -- --json ../shared/eval/polnear_dev.jsonl
//! cargo test --example evaluate
//! ```
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
//! - `--json`: print one JSON object with the headline numbers instead of the report.
//!
//! Without a file it reads `../shared/eval/polnear_dev.jsonl` next to the crate root.
//!
//! Input: JSON Lines, one document a line, `{"id", "text", "quotes": [{"start", "end", "text",
//! "kind", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
//! "has_source", "fragments"}]}`, offsets in characters (Unicode scalar values). Unknown fields
//! are ignored; all quote fields but `start`, `end` and `kind` may be null or missing. A missing
//! file or a bad line prints one line naming the file and line and exits with status 1.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::json;
use whosaid::{Extractor, QuoteKind};

/// The coverage thresholds: a gold quote is found when one system quote covers more than this
/// share of its characters.
const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// The file read when none is given.
const DEFAULT_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/eval/polnear_dev.jsonl"
);

/// Characters that count as quote marks when widening a direct quote's span.
const QUOTE_MARKS: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '‟', '‛',
];

/// Reporting words, as lemmas: a gold attribution is "speech" when a word of its cue has one of
/// these lemmas (or the cue contains "according to").
const SPEECH_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "claim",
    "argue",
    "insist",
    "write",
    "warn",
    "note",
    "explain",
    "assert",
    "declare",
    "announce",
    "acknowledge",
    "admit",
    "confirm",
    "deny",
    "ask",
    "reply",
    "respond",
    "report",
    "suggest",
    "stress",
    "emphasize",
    "emphasise",
    "tweet",
    "comment",
    "recall",
    "predict",
    "promise",
    "urge",
    "call",
    "describe",
    "testify",
    "concede",
    "complain",
    "agree",
    "reiterate",
];

/// Irregular forms of the reporting words, mapped to their lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("writ", "write"),
];

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/// A quote kind, in gold and system alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    /// The whole content is quoted.
    Direct,
    /// Part of the content is quoted.
    Mixed,
    /// Nothing is quoted.
    Indirect,
}

/// The kinds in report order.
const KINDS: [Kind; 3] = [Kind::Direct, Kind::Mixed, Kind::Indirect];

impl Kind {
    /// The lowercase name used in the data and the report.
    fn name(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
        }
    }

    /// Parses a lowercase name.
    fn parse(name: &str) -> Option<Kind> {
        KINDS.into_iter().find(|k| k.name() == name)
    }

    /// The position of the kind in [`KINDS`].
    fn index(self) -> usize {
        self as usize
    }
}

impl From<QuoteKind> for Kind {
    fn from(kind: QuoteKind) -> Kind {
        match kind {
            QuoteKind::Direct => Kind::Direct,
            QuoteKind::Mixed => Kind::Mixed,
            QuoteKind::Indirect => Kind::Indirect,
        }
    }
}

/// One line of the input, as written.
#[derive(Debug, Deserialize)]
struct RawDoc {
    id: Option<String>,
    text: String,
    #[serde(default)]
    quotes: Option<Vec<RawQuote>>,
}

/// One annotated attribution, as written (character offsets).
#[derive(Debug, Deserialize)]
struct RawQuote {
    start: usize,
    end: usize,
    text: Option<String>,
    kind: Kind,
    speaker: Option<String>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    cue: Option<String>,
    has_source: Option<bool>,
    /// The pieces of a discontinuous content; only counted, for diagnostics.
    fragments: Option<Vec<serde_json::Value>>,
}

/// A half-open span of CHARACTER offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Builds a span.
    fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Its length in characters.
    fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// How many characters it shares with `other`.
    fn overlap(self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// A gold attribution, in characters.
#[derive(Clone, Debug)]
struct Gold {
    kind: Kind,
    span: Span,
    speaker: Option<Span>,
    speaker_text: Option<String>,
    cue: Option<String>,
    has_source: bool,
    /// Whether the cue is a reporting word (see [`is_speech_cue`]).
    speech: bool,
    /// How many pieces the content has (1 unless discontinuous).
    pieces: usize,
}

/// A system quote, converted to characters, direct quotes widened by their marks.
#[derive(Clone, Debug)]
struct Sys {
    kind: Kind,
    span: Span,
    speaker: Option<Span>,
    speaker_text: Option<String>,
    cue: Option<String>,
    confidence: f32,
}

/// One document with its gold and system quotes.
struct Doc {
    id: String,
    text: String,
    /// `c2b[i]` is the byte offset of character `i`; the last entry is `text.len()`.
    c2b: Vec<usize>,
    gold: Vec<Gold>,
    sys: Vec<Sys>,
}

/// Reads the documents of one file, at most `limit` of them; errors name the file and line.
fn read_file(path: &str, limit: usize) -> Result<Vec<(RawDoc, String, usize)>, String> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if docs.len() >= limit {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        docs.push((raw, path.to_string(), i + 1));
    }
    Ok(docs)
}

/// The byte offset of every character of `text`, plus `text.len()` at the end.
fn char_to_byte_table(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The character offset of byte offset `byte` (the next character boundary if `byte` is inside
/// a character, which whosaid never gives).
fn byte_to_char(c2b: &[usize], byte: usize) -> usize {
    match c2b.binary_search(&byte) {
        Ok(i) | Err(i) => i,
    }
}

/// The text of the characters `span`.
fn slice<'a>(text: &'a str, c2b: &[usize], span: Span) -> &'a str {
    &text[c2b[span.start]..c2b[span.end]]
}

/// The character at character offset `i`.
fn char_at(text: &str, c2b: &[usize], i: usize) -> Option<char> {
    (i + 1 < c2b.len())
        .then(|| text[c2b[i]..].chars().next())
        .flatten()
}

/// Checks a raw gold document and converts it to gold quotes; `Err` says what is wrong.
fn convert_gold(raw: &RawDoc, c2b: &[usize]) -> Result<Vec<Gold>, String> {
    let n = c2b.len() - 1;
    let mut gold = Vec::new();
    for (i, q) in raw.quotes.iter().flatten().enumerate() {
        if q.start > q.end || q.end > n {
            return Err(format!(
                "quote {i}: span {}..{} outside the text ({n} characters)",
                q.start, q.end
            ));
        }
        let span = Span::new(q.start, q.end);
        if let Some(t) = &q.text {
            if slice(&raw.text, c2b, span) != t {
                return Err(format!(
                    "quote {i}: text differs from the text at {}..{} (offsets must be characters)",
                    q.start, q.end
                ));
            }
        }
        let speaker = match (q.speaker_start, q.speaker_end) {
            (Some(s), Some(e)) if s <= e && e <= n => Some(Span::new(s, e)),
            (None, None) => None,
            (s, e) => return Err(format!("quote {i}: bad speaker span {s:?}..{e:?}")),
        };
        gold.push(Gold {
            kind: q.kind,
            span,
            speaker,
            speaker_text: q.speaker.clone(),
            cue: q.cue.clone(),
            has_source: q.has_source.unwrap_or(speaker.is_some()),
            speech: q.cue.as_deref().is_some_and(is_speech_cue),
            pieces: q.fragments.as_ref().map_or(1, |f| f.len().max(1)),
        });
    }
    gold.sort_by_key(|g| (g.span.start, g.span.end));
    Ok(gold)
}

/// Widens a direct quote's character span by one quote mark on each side, where there is one,
/// since gold direct spans include their marks.
fn widen_direct(text: &str, c2b: &[usize], span: Span) -> Span {
    let mut out = span;
    if span.start > 0
        && char_at(text, c2b, span.start - 1).is_some_and(|c| QUOTE_MARKS.contains(&c))
    {
        out.start -= 1;
    }
    if char_at(text, c2b, span.end).is_some_and(|c| QUOTE_MARKS.contains(&c)) {
        out.end += 1;
    }
    out
}

/// Converts whosaid's quotes (byte offsets) into system quotes in characters.
fn convert_sys(doc: &whosaid::Document, text: &str, c2b: &[usize]) -> Vec<Sys> {
    doc.quotes
        .iter()
        .map(|q| {
            let kind = Kind::from(q.kind);
            let mut span = Span::new(byte_to_char(c2b, q.start), byte_to_char(c2b, q.end));
            if kind == Kind::Direct {
                span = widen_direct(text, c2b, span);
            }
            Sys {
                kind,
                span,
                speaker: q
                    .speaker
                    .as_ref()
                    .map(|s| Span::new(byte_to_char(c2b, s.start), byte_to_char(c2b, s.end))),
                speaker_text: q.speaker.as_ref().map(|s| s.text.clone()),
                cue: q.cue.clone(),
                confidence: q.confidence,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Scoring (pure functions)
// ---------------------------------------------------------------------------------------------

/// The result of matching one document's gold quotes to its system quotes at one threshold.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Matching {
    /// For each gold quote, the system quote that found it.
    gold_to_sys: Vec<Option<usize>>,
    /// For each system quote, the gold quote it found.
    sys_to_gold: Vec<Option<usize>>,
}

/// Matches gold spans to system spans as the Gender Gap Tracker does: each gold quote, in order,
/// takes the unused system quote that covers most of its characters, and is found when that
/// quote covers MORE than `threshold` of them. Each system quote matches at most one gold quote.
/// Ties go to the earlier system quote; empty gold spans are never found.
fn match_spans(gold: &[Span], sys: &[Span], threshold: f64) -> Matching {
    let mut m = Matching {
        gold_to_sys: vec![None; gold.len()],
        sys_to_gold: vec![None; sys.len()],
    };
    for (gi, g) in gold.iter().enumerate() {
        let best = sys
            .iter()
            .enumerate()
            .filter(|(si, _)| m.sys_to_gold[*si].is_none())
            .map(|(si, s)| (g.overlap(*s), si))
            .filter(|(ov, _)| *ov > 0)
            .min_by_key(|(ov, si)| (std::cmp::Reverse(*ov), *si));
        if let Some((ov, si)) = best {
            if g.len() > 0 && ov as f64 > threshold * g.len() as f64 {
                m.gold_to_sys[gi] = Some(si);
                m.sys_to_gold[si] = Some(gi);
            }
        }
    }
    m
}

/// The lemma candidates of a lowercase word: the word, its irregular lemma, and the word
/// stripped of -s, -es, -ies, -d, -ed, -ing (with and without a restored "e" or a doubled
/// consonant undone).
fn lemma_candidates(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if let Some((_, lemma)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        out.push(lemma.to_string());
    }
    for (suffix, add) in [
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() < 2 {
                continue;
            }
            out.push(format!("{stem}{add}"));
            let b = stem.as_bytes();
            if add.is_empty() && b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                out.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    out
}

/// Whether a gold cue is a reporting word: "according to", or any word whose lemma is in
/// [`SPEECH_LEMMAS`] ("has said", "said:", "also told" count; "shows", "believes", ":" do not).
fn is_speech_cue(cue: &str) -> bool {
    let lower = cue.to_lowercase();
    if lower.contains("according to") {
        return true;
    }
    lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|w| {
            lemma_candidates(w)
                .iter()
                .any(|l| SPEECH_LEMMAS.contains(&l.as_str()))
        })
}

/// A cue for comparison: lowercase, whitespace collapsed, surrounding punctuation trimmed
/// ("Said:" and "said" compare equal) unless the cue is only punctuation (":" stays ":").
fn normalize_cue(cue: &str) -> String {
    let lower = cue.to_lowercase();
    let words = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = words.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() {
        words
    } else {
        trimmed.to_string()
    }
}

/// Whether the system's cue is the gold cue, case-insensitively (see [`normalize_cue`]).
fn same_cue(gold: &str, sys: Option<&str>) -> bool {
    sys.is_some_and(|s| normalize_cue(s) == normalize_cue(gold))
}

/// Whether the system's speaker is right: its span overlaps the gold speaker's span, or, when
/// the gold attribution has no speaker span, the system has no speaker either.
fn speaker_correct(gold: &Gold, sys: &Sys) -> bool {
    match (gold.speaker, sys.speaker) {
        (Some(g), Some(s)) => g.overlap(s) > 0,
        (None, None) => true,
        _ => false,
    }
}

/// P, R and F1 from the matched system quotes, system count, found gold quotes and gold count;
/// a ratio with a zero denominator is 0.
fn prf(sys_matched: usize, sys: usize, found: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(sys_matched, sys);
    let r = ratio(found, gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

// ---------------------------------------------------------------------------------------------
// Aggregation
// ---------------------------------------------------------------------------------------------

/// A document with its matchings at both thresholds.
struct Eval {
    doc: Doc,
    m: [Matching; 2],
}

/// Counts for one kind (or all kinds) in one view.
#[derive(Clone, Debug, Default)]
struct Tally {
    /// Gold quotes of this kind.
    gold: usize,
    /// Gold quotes of this kind found, per threshold.
    found: [usize; 2],
    /// System quotes of this kind counted in the view, per threshold.
    sys: [usize; 2],
    /// Of those, the ones that matched a gold quote, per threshold.
    sys_matched: [usize; 2],
    /// Found (T=0.3) gold quotes with a right speaker, and all found.
    spk_ok: usize,
    spk_n: usize,
    /// The same, only where the gold attribution has a source.
    src_ok: usize,
    src_n: usize,
    /// Found (T=0.3) gold quotes with a gold cue, and those whose cue the system got.
    cue_ok: usize,
    cue_n: usize,
}

impl Tally {
    /// P, R, F1 at threshold index `t`.
    fn prf(&self, t: usize) -> (f64, f64, f64) {
        prf(self.sys_matched[t], self.sys[t], self.found[t], self.gold)
    }
}

/// The tallies of one view: per kind and overall.
#[derive(Clone, Debug, Default)]
struct View {
    by_kind: [Tally; 3],
    overall: Tally,
}

/// Counts one view. In the speech view only gold quotes with a reporting cue count, and a system
/// quote that matched a NON-speech gold quote is dropped (from the system side; its gold quote is
/// already out): finding a belief or a poll finding is not a false alarm about speech, but a
/// system quote matching nothing stays a false positive.
fn tally(evals: &[Eval], speech_only: bool) -> View {
    let mut v = View::default();
    for e in evals {
        let d = &e.doc;
        for (gi, g) in d.gold.iter().enumerate() {
            if speech_only && !g.speech {
                continue;
            }
            let mut t = Tally {
                gold: 1,
                ..Tally::default()
            };
            for ti in 0..2 {
                t.found[ti] = usize::from(e.m[ti].gold_to_sys[gi].is_some());
            }
            if let Some(si) = e.m[0].gold_to_sys[gi] {
                let s = &d.sys[si];
                t.spk_n = 1;
                t.spk_ok = usize::from(speaker_correct(g, s));
                if g.has_source && g.speaker.is_some() {
                    t.src_n = 1;
                    t.src_ok = t.spk_ok;
                }
                if let Some(cue) = &g.cue {
                    t.cue_n = 1;
                    t.cue_ok = usize::from(same_cue(cue, s.cue.as_deref()));
                }
            }
            add(&mut v.by_kind[g.kind.index()], &t);
            add(&mut v.overall, &t);
        }
        for (si, s) in d.sys.iter().enumerate() {
            let mut t = Tally::default();
            for ti in 0..2 {
                match e.m[ti].sys_to_gold[si] {
                    Some(gi) if speech_only && !d.gold[gi].speech => {}
                    matched => {
                        t.sys[ti] = 1;
                        t.sys_matched[ti] = usize::from(matched.is_some());
                    }
                }
            }
            add(&mut v.by_kind[s.kind.index()], &t);
            add(&mut v.overall, &t);
        }
    }
    v
}

/// Adds `b` into `a`.
fn add(a: &mut Tally, b: &Tally) {
    a.gold += b.gold;
    for ti in 0..2 {
        a.found[ti] += b.found[ti];
        a.sys[ti] += b.sys[ti];
        a.sys_matched[ti] += b.sys_matched[ti];
    }
    a.spk_ok += b.spk_ok;
    a.spk_n += b.spk_n;
    a.src_ok += b.src_ok;
    a.src_n += b.src_n;
    a.cue_ok += b.cue_ok;
    a.cue_n += b.cue_n;
}

/// Confidence buckets: label, lower bound (inclusive), upper bound (exclusive, except 1.0).
const BUCKETS: [(&str, f32, f32); 5] = [
    ("0.0-0.5", 0.0, 0.5),
    ("0.5-0.7", 0.5, 0.7),
    ("0.7-0.9", 0.7, 0.9),
    ("0.9-1.0", 0.9, 1.01),
    ("> 0.9", 0.9, 1.01),
];

/// Per bucket of [`BUCKETS`]: system quotes in it and the right ones among them, a quote being
/// right when it found a gold quote at T=0.3 and its speaker is right or the gold has no source.
fn calibration(evals: &[Eval]) -> Vec<(usize, usize)> {
    let mut out = vec![(0, 0); BUCKETS.len()];
    for e in evals {
        for (si, s) in e.doc.sys.iter().enumerate() {
            let right = e.m[0].sys_to_gold[si].is_some_and(|gi| {
                let g = &e.doc.gold[gi];
                !g.has_source || speaker_correct(g, s)
            });
            for (b, (label, lo, hi)) in BUCKETS.iter().enumerate() {
                let inside = if *label == "> 0.9" {
                    s.confidence > *lo
                } else {
                    s.confidence >= *lo && s.confidence < *hi
                };
                if inside {
                    out[b].0 += 1;
                    out[b].1 += usize::from(right);
                }
            }
        }
    }
    out
}

/// The document's quote F1 at T=0.3 over all attributions, or `None` when it has neither gold
/// nor system quotes.
fn doc_f1(e: &Eval) -> Option<f64> {
    let (g, s) = (e.doc.gold.len(), e.doc.sys.len());
    let found = e.m[0].gold_to_sys.iter().flatten().count();
    (g + s > 0).then(|| prf(found, s, found, g).2)
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/// Command-line options.
struct Options {
    files: Vec<String>,
    samples: usize,
    limit: usize,
    json: bool,
    filter: Filter,
}

/// The usage line.
const USAGE: &str = "usage: evaluate [--samples N] [--limit N] [--kind direct|mixed|indirect] [--cue WORD] [--json] [FILE.jsonl]...";

/// Parses the command line; `Ok(None)` for `--help`.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut o = Options {
        files: Vec::new(),
        samples: 8,
        limit: usize::MAX,
        json: false,
        filter: Filter::default(),
    };
    let mut args = args.peekable();
    let number = |flag: &str, v: Option<String>| -> Result<usize, String> {
        v.as_deref()
            .and_then(|v| v.parse().ok())
            .ok_or(format!("{flag} needs a number"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--samples" => o.samples = number("--samples", args.next())?,
            "--limit" => o.limit = number("--limit", args.next())?,
            "--json" => o.json = true,
            "--kind" => {
                let v = args.next().unwrap_or_default();
                o.filter.kind =
                    Some(Kind::parse(&v).ok_or("--kind needs direct, mixed or indirect")?);
            }
            "--cue" => {
                let v = args.next().ok_or("--cue needs a word")?;
                o.filter.cue = Some(v.to_lowercase());
            }
            "-h" | "--help" => return Ok(None),
            a if a.starts_with('-') && a != "-" => {
                return Err(format!("unknown option {a}\n{USAGE}"))
            }
            _ => o.files.push(arg),
        }
    }
    if o.files.is_empty() {
        o.files.push(DEFAULT_FILE.to_string());
    }
    Ok(Some(o))
}

/// Formats a ratio with three decimals.
fn f3(x: f64) -> String {
    format!("{x:.3}")
}

/// Formats `ok/n` as an accuracy with its denominator, or "-" when `n` is 0.
fn acc(ok: usize, n: usize) -> String {
    if n == 0 {
        "-".to_string()
    } else {
        format!("{:.3} /{n}", ok as f64 / n as f64)
    }
}

/// Writes one view's table.
fn write_view(out: &mut String, title: &str, v: &View) {
    let _ = writeln!(out, "\n== {title} ==");
    let _ = writeln!(
        out,
        "{:<9} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>12} {:>12} {:>12}",
        "kind",
        "gold",
        "sys",
        "P@.3",
        "R@.3",
        "F1@.3",
        "P@.8",
        "R@.8",
        "F1@.8",
        "speaker",
        "spk(source)",
        "cue"
    );
    let rows = KINDS
        .iter()
        .map(|k| (k.name(), &v.by_kind[k.index()]))
        .chain(std::iter::once(("overall", &v.overall)));
    for (name, t) in rows {
        let (p3, r3, f3_) = t.prf(0);
        let (p8, r8, f8) = t.prf(1);
        let _ = writeln!(
            out,
            "{:<9} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>12} {:>12} {:>12}",
            name,
            t.gold,
            t.sys[0],
            f3(p3),
            f3(r3),
            f3(f3_),
            f3(p8),
            f3(r8),
            f3(f8),
            acc(t.spk_ok, t.spk_n),
            acc(t.src_ok, t.src_n),
            acc(t.cue_ok, t.cue_n)
        );
    }
    if v.overall.sys[0] != v.overall.sys[1] {
        let _ = writeln!(
            out,
            "(system count at T=0.8: {}; per-kind P counts system quotes by system kind)",
            v.overall.sys[1]
        );
    } else {
        let _ = writeln!(
            out,
            "(per-kind P counts system quotes by system kind, R gold quotes by gold kind)"
        );
    }
}

/// How a newline or tab shows in a context line.
fn visible(c: char) -> char {
    match c {
        '\n' => '⏎',
        '\r' | '\t' => ' ',
        c => c,
    }
}

/// Renders characters `lo..hi` of the document with each marked span between its open and
/// close strings; a marked span longer than 130 characters shows its first 70 and last 45.
fn render(d: &Doc, lo: usize, hi: usize, marks: &[(Span, &str, &str)]) -> String {
    let mut out = String::new();
    for i in lo..=hi {
        for (span, _, close) in marks {
            if span.end == i && span.len() > 0 {
                out.push_str(close);
            }
        }
        for (span, open, _) in marks {
            if span.start == i {
                out.push_str(open);
            }
        }
        if i == hi {
            break;
        }
        let elided = marks
            .iter()
            .find(|(s, _, _)| s.len() > 130 && i >= s.start + 70 && i < s.end - 45);
        if let Some((s, _, _)) = elided {
            if i == s.start + 70 {
                out.push_str(" … ");
            }
            continue;
        }
        if let Some(c) = char_at(&d.text, &d.c2b, i) {
            out.push(visible(c));
        }
    }
    out
}

/// About 160 characters around `span`, with `span` marked ⟦ ⟧.
fn context(d: &Doc, span: Span) -> String {
    context_with(d, span, None)
}

/// About 160 characters around `span`, with `span` marked ⟦ ⟧ and `other`, if any, ⟨ ⟩.
fn context_with(d: &Doc, span: Span, other: Option<Span>) -> String {
    let n = d.c2b.len() - 1;
    let all = other.map_or(span, |o| {
        Span::new(o.start.min(span.start), o.end.max(span.end))
    });
    let lo = all.start.saturating_sub(50);
    let hi = (all.end + 40).min(n);
    let mut marks = vec![(span, "⟦", "⟧")];
    marks.extend(other.map(|o| (o, "⟨", "⟩")));
    render(d, lo, hi, &marks)
}

/// Context for a speaker error: the gold speaker marked ⟦ ⟧ and the system's ⟨ ⟩, in one window
/// when they are close, else in two.
fn speaker_context(d: &Doc, gold: Span, sys: Option<Span>) -> String {
    let n = d.c2b.len() - 1;
    let window = |marks: &[(Span, &str, &str)]| {
        let lo = marks.iter().map(|m| m.0.start).min().unwrap_or(0);
        let hi = marks.iter().map(|m| m.0.end).max().unwrap_or(0);
        render(d, lo.saturating_sub(60), (hi + 60).min(n), marks)
    };
    let g = (gold, "⟦", "⟧");
    match sys {
        Some(s) if gap(gold, s) < 120 => window(&[g, (s, "⟨", "⟩")]),
        Some(s) => format!("{} ……… {}", window(&[g]), window(&[(s, "⟨", "⟩")])),
        None => window(&[g]),
    }
}

/// The number of characters between two spans (0 when they touch or overlap).
fn gap(a: Span, b: Span) -> usize {
    b.start
        .saturating_sub(a.end)
        .max(a.start.saturating_sub(b.end))
}

/// Picks at most `n` items evenly spaced through `items`.
/// The heading of a list of samples: how many of how many, and what the marks stand for.
fn sample_header(out: &mut String, what: &str, legend: &str, n: usize, total: usize) {
    let _ = writeln!(
        out,
        "\n== Sample {what} ({} of {total}, {legend}) ==",
        n.min(total)
    );
}

fn pick<T>(items: &[T], n: usize) -> Vec<&T> {
    if items.len() <= n {
        return items.iter().collect();
    }
    (0..n).map(|i| &items[i * items.len() / n]).collect()
}

/// A count table, most frequent first, ties by key.
fn top(counts: HashMap<String, (usize, usize)>, n: usize) -> Vec<(String, usize, usize)> {
    let mut v: Vec<_> = counts.into_iter().map(|(k, (a, b))| (k, a, b)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// The cue of a gold quote for display.
fn show(s: &Option<String>) -> String {
    s.as_deref()
        .map_or("(none)".to_string(), |s| format!("{s:?}"))
}

/// Which quotes the diagnostics and samples look at (`--kind`, `--cue`).
#[derive(Clone, Debug, Default)]
struct Filter {
    kind: Option<Kind>,
    /// Lowercase; a cue passes when its normalized form contains it ("(none)" for no cue).
    cue: Option<String>,
}

impl Filter {
    /// Whether a quote of this kind and cue passes.
    fn accepts(&self, kind: Kind, cue: Option<&str>) -> bool {
        let cue = cue.map_or("(none)".to_string(), normalize_cue);
        self.kind.map_or(true, |k| k == kind)
            && self.cue.as_ref().map_or(true, |c| cue.contains(c.as_str()))
    }

    /// Whether a gold quote passes.
    fn gold(&self, g: &Gold) -> bool {
        self.accepts(g.kind, g.cue.as_deref())
    }

    /// Whether a system quote passes.
    fn sys(&self, s: &Sys) -> bool {
        self.accepts(s.kind, s.cue.as_deref())
    }

    /// A label for headings, empty without a filter.
    fn label(&self) -> String {
        let mut parts = Vec::new();
        if let Some(k) = self.kind {
            parts.push(format!("kind {}", k.name()));
        }
        if let Some(c) = &self.cue {
            parts.push(format!("cue ~ {c:?}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!(" [{}]", parts.join(", "))
        }
    }
}

/// Why a gold quote was not found at T=0.3.
fn miss_reason(e: &Eval, gi: usize) -> &'static str {
    let d = &e.doc;
    let g = &d.gold[gi];
    let best =
        (0..d.sys.len()).max_by_key(|&si| (d.sys[si].span.overlap(g.span), std::cmp::Reverse(si)));
    match best {
        Some(si) if d.sys[si].span.overlap(g.span) > 0 => {
            if d.sys[si].span.overlap(g.span) as f64 > THRESHOLDS[0] * g.span.len() as f64 {
                "its best-covering system quote found another gold quote"
            } else {
                "overlapped, but covered <= 30%"
            }
        }
        _ => "no system quote overlaps it",
    }
}

/// Why a system quote found nothing at T=0.3.
fn alarm_reason(e: &Eval, si: usize) -> &'static str {
    let d = &e.doc;
    let s = &d.sys[si];
    let overlapping: Vec<usize> = (0..d.gold.len())
        .filter(|&gi| d.gold[gi].span.overlap(s.span) > 0)
        .collect();
    if overlapping.is_empty() {
        "overlaps no gold quote"
    } else if overlapping
        .iter()
        .any(|&gi| e.m[0].gold_to_sys[gi].is_none())
    {
        "overlaps a gold quote it covers <= 30% of"
    } else {
        "overlaps only gold quotes found by other system quotes (split or duplicate)"
    }
}

/// Adds one to a count table.
fn bump(counts: &mut HashMap<String, (usize, usize)>, key: impl Into<String>) {
    counts.entry(key.into()).or_default().0 += 1;
}

/// Writes the aggregate diagnostics: boundary errors, why quotes were missed and which cues,
/// why false alarms happened and which cues, cue confusions and speaker error types.
fn write_diagnostics(out: &mut String, evals: &[Eval], filter: &Filter) {
    let mut bounds: HashMap<String, (usize, usize)> = HashMap::new();
    let mut missed: HashMap<String, (usize, usize)> = HashMap::new();
    let mut miss_why: HashMap<String, (usize, usize)> = HashMap::new();
    let mut fa: HashMap<String, (usize, usize)> = HashMap::new();
    let mut fa_why: HashMap<String, (usize, usize)> = HashMap::new();
    let mut confusions: HashMap<String, (usize, usize)> = HashMap::new();
    let mut spk: HashMap<String, (usize, usize)> = HashMap::new();
    let mut pieces = (0, 0, 0);
    for e in evals {
        let d = &e.doc;
        for (gi, g) in d.gold.iter().enumerate().filter(|(_, g)| filter.gold(g)) {
            let cue = g.cue.as_deref().map_or("(none)".into(), normalize_cue);
            let entry = missed.entry(cue).or_default();
            entry.1 += 1;
            let Some(si) = e.m[0].gold_to_sys[gi] else {
                entry.0 += 1;
                bump(
                    &mut miss_why,
                    format!("{}: {}", g.kind.name(), miss_reason(e, gi)),
                );
                continue;
            };
            let s = &d.sys[si];
            if e.m[1].gold_to_sys[gi].is_none() {
                pieces.0 += 1;
                if g.pieces > 1 {
                    pieces.1 += 1;
                }
                // Another system quote also covering part of the gold span: a split quote.
                if d.sys
                    .iter()
                    .enumerate()
                    .any(|(j, o)| j != si && o.span.overlap(g.span) * 10 > g.span.len())
                {
                    pieces.2 += 1;
                }
                let kind = g.kind.name();
                if s.span.start > g.span.start + 2 {
                    bump(&mut bounds, format!("{kind}: system starts late"));
                }
                if s.span.start + 2 < g.span.start {
                    bump(&mut bounds, format!("{kind}: system starts early"));
                }
                if s.span.end + 2 < g.span.end {
                    bump(&mut bounds, format!("{kind}: system ends early"));
                }
                if s.span.end > g.span.end + 2 {
                    bump(&mut bounds, format!("{kind}: system ends late"));
                }
            }
            if let Some(c) = &g.cue {
                if !same_cue(c, s.cue.as_deref()) {
                    let sys_cue = s.cue.as_deref().map_or("(none)".into(), normalize_cue);
                    bump(
                        &mut confusions,
                        format!("{} -> {sys_cue}", normalize_cue(c)),
                    );
                }
            }
            if !speaker_correct(g, s) {
                let key = match (g.speaker, s.speaker) {
                    (Some(_), None) => "gold has a speaker, system none",
                    (None, Some(_)) => "gold has no source, system has a speaker",
                    (Some(gs), Some(ss)) if ss.end <= gs.start => {
                        "system speaker before the gold speaker"
                    }
                    _ => "system speaker after the gold speaker",
                };
                bump(&mut spk, key);
            }
        }
        for (si, s) in d.sys.iter().enumerate() {
            if e.m[0].sys_to_gold[si].is_none() && filter.sys(s) {
                let cue = s.cue.as_deref().map_or("(none)".into(), normalize_cue);
                bump(&mut fa, format!("{} / {cue}", s.kind.name()));
                bump(
                    &mut fa_why,
                    format!("{}: {}", s.kind.name(), alarm_reason(e, si)),
                );
            }
        }
    }
    let _ = writeln!(out, "\n== Diagnostics{} ==", filter.label());
    let _ = writeln!(
        out,
        "Found at T=0.3 but not at T=0.8: {} (gold discontinuous: {}; another system quote covers >10% of the gold span: {})",
        pieces.0, pieces.1, pieces.2
    );
    for (k, n, _) in top(bounds, 12) {
        let _ = writeln!(out, "  {n:>5}  {k}");
    }
    write_top(out, "Misses at T=0.3 by gold kind and reason:", miss_why, 9);
    missed.retain(|_, v| v.0 > 0);
    let _ = writeln!(
        out,
        "Most missed gold cues at T=0.3 (missed / gold with that cue):"
    );
    for (k, n, of) in top(missed, 15) {
        let _ = writeln!(out, "  {n:>5} / {of:<5} {k}");
    }
    write_top(
        out,
        "False alarms at T=0.3 by system kind and reason:",
        fa_why,
        9,
    );
    write_top(out, "False alarms at T=0.3 by system kind / cue:", fa, 12);
    write_top(
        out,
        "Cue errors among found quotes (gold -> system):",
        confusions,
        12,
    );
    write_top(out, "Speaker errors among found quotes:", spk, 6);
}

/// A titled list of the `n` largest counts.
fn write_top(out: &mut String, title: &str, counts: HashMap<String, (usize, usize)>, n: usize) {
    let _ = writeln!(out, "{title}");
    for (k, count, _) in top(counts, n) {
        let _ = writeln!(out, "  {count:>5}  {k}");
    }
}

/// Writes the sample misses, false alarms and speaker errors.
fn write_samples(out: &mut String, evals: &[Eval], n: usize, filter: &Filter) {
    let mut misses = Vec::new();
    let mut alarms = Vec::new();
    let mut speakers = Vec::new();
    for e in evals {
        for (gi, g) in e
            .doc
            .gold
            .iter()
            .enumerate()
            .filter(|(_, g)| filter.gold(g))
        {
            match e.m[0].gold_to_sys[gi] {
                None => misses.push((e, gi)),
                Some(si) if g.has_source && !speaker_correct(g, &e.doc.sys[si]) => {
                    speakers.push((e, gi, si))
                }
                Some(_) => {}
            }
        }
        for (si, s) in e.doc.sys.iter().enumerate() {
            if e.m[0].sys_to_gold[si].is_none() && filter.sys(s) {
                alarms.push((e, si));
            }
        }
    }
    sample_header(out, "misses", "gold ⟦ ⟧", n, misses.len());
    for (e, gi) in pick(&misses, n) {
        let (d, g) = (&e.doc, &e.doc.gold[*gi]);
        let best = d
            .sys
            .iter()
            .map(|s| (s.span.overlap(g.span), s))
            .filter(|(ov, _)| *ov > 0)
            .max_by_key(|(ov, _)| *ov);
        let (near, shown) = match best {
            Some((ov, s)) => (
                format!(
                    "{}; best system overlap {:.2} ({}, ⟨ ⟩)",
                    miss_reason(e, *gi),
                    ov as f64 / g.span.len().max(1) as f64,
                    s.kind.name()
                ),
                context_with(d, g.span, Some(s.span)),
            ),
            None => (miss_reason(e, *gi).to_string(), context(d, g.span)),
        };
        let _ = writeln!(
            out,
            "- [{}] {} cue {} speaker {}; {near}\n    {shown}",
            d.id,
            g.kind.name(),
            show(&g.cue),
            show(&g.speaker_text),
        );
    }
    sample_header(out, "false alarms", "system ⟦ ⟧", n, alarms.len());
    for (e, si) in pick(&alarms, n) {
        let (d, s) = (&e.doc, &e.doc.sys[*si]);
        let _ = writeln!(
            out,
            "- [{}] {} cue {} speaker {} conf {:.2}; {}\n    {}",
            d.id,
            s.kind.name(),
            show(&s.cue),
            show(&s.speaker_text),
            s.confidence,
            alarm_reason(e, *si),
            context(d, s.span)
        );
    }
    sample_header(
        out,
        "speaker errors",
        "gold speaker ⟦ ⟧, system ⟨ ⟩",
        n,
        speakers.len(),
    );
    for (e, gi, si) in pick(&speakers, n) {
        let (d, g, s) = (&e.doc, &e.doc.gold[*gi], &e.doc.sys[*si]);
        let content = slice(&d.text, &d.c2b, g.span);
        let head: String = content.chars().take(60).map(visible).collect();
        let _ = writeln!(
            out,
            "- [{}] {} gold {} vs system {} (cue gold {} / system {}); quote \"{head}…\"\n    {}",
            d.id,
            g.kind.name(),
            show(&g.speaker_text),
            show(&s.speaker_text),
            show(&g.cue),
            show(&s.cue),
            speaker_context(d, g.speaker.unwrap_or(g.span), s.speaker)
        );
    }
}

/// The headline numbers of one tally as JSON.
fn tally_json(t: &Tally) -> serde_json::Value {
    let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
    let (p3, r3, f3_) = t.prf(0);
    let (p8, r8, f8) = t.prf(1);
    json!({
        "gold": t.gold, "system": t.sys[0], "system@0.8": t.sys[1],
        "p@0.3": p3, "r@0.3": r3, "f1@0.3": f3_,
        "p@0.8": p8, "r@0.8": r8, "f1@0.8": f8,
        "speaker_acc": ratio(t.spk_ok, t.spk_n),
        "speaker_acc_source": ratio(t.src_ok, t.src_n),
        "cue_acc": ratio(t.cue_ok, t.cue_n),
    })
}

/// A view as JSON.
fn view_json(v: &View) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    m.insert("overall".into(), tally_json(&v.overall));
    for k in KINDS {
        m.insert(k.name().into(), tally_json(&v.by_kind[k.index()]));
    }
    serde_json::Value::Object(m)
}

/// Loads, extracts, scores and prints.
fn run(o: &Options) -> Result<(), String> {
    let mut raws = Vec::new();
    for f in &o.files {
        let left = o.limit - raws.len().min(o.limit);
        raws.extend(read_file(f, left)?);
    }
    let extractor = Extractor::new();
    let mut evals = Vec::with_capacity(raws.len());
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0usize;
    for (raw, file, line) in raws {
        let c2b = char_to_byte_table(&raw.text);
        let gold = convert_gold(&raw, &c2b).map_err(|e| format!("{file}:{line}: {e}"))?;
        let started = Instant::now();
        let out = extractor.extract(&raw.text);
        elapsed += started.elapsed();
        bytes += raw.text.len();
        let sys = convert_sys(&out, &raw.text, &c2b);
        let gold_spans: Vec<Span> = gold.iter().map(|g| g.span).collect();
        let sys_spans: Vec<Span> = sys.iter().map(|s| s.span).collect();
        let m = THRESHOLDS.map(|t| match_spans(&gold_spans, &sys_spans, t));
        let id = raw.id.clone().unwrap_or_else(|| format!("{file}:{line}"));
        evals.push(Eval {
            doc: Doc {
                id,
                text: raw.text,
                c2b,
                gold,
                sys,
            },
            m,
        });
    }
    let all = tally(&evals, false);
    let speech = tally(&evals, true);
    let calib = calibration(&evals);
    let mbps = bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9);

    if o.json {
        let buckets: Vec<_> = BUCKETS
            .iter()
            .zip(&calib)
            .map(|((label, _, _), (n, right))| {
                json!({"bucket": label, "n": n, "right": right,
                       "share": (*n > 0).then(|| *right as f64 / *n as f64)})
            })
            .collect();
        let v = json!({
            "files": o.files, "documents": evals.len(),
            "all": view_json(&all), "speech": view_json(&speech),
            "calibration": buckets, "bytes": bytes, "mb_per_s": mbps,
        });
        println!("{v}");
        return Ok(());
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "whosaid evaluation: {} documents from {}",
        evals.len(),
        o.files.join(", ")
    );
    let _ = writeln!(out, "(found = one system quote covers > T of the gold span's characters; speaker/cue accuracy over quotes found at T=0.3, shown as accuracy /count)");
    write_view(&mut out, "ALL attributions", &all);
    write_view(&mut out, "SPEECH attributions (gold cue is a reporting word; system quotes matching non-speech gold dropped)", &speech);

    let _ = writeln!(out, "\n== Confidence calibration (right = found at T=0.3 and speaker right or gold has no source) ==");
    for ((label, _, _), (n, right)) in BUCKETS.iter().zip(&calib) {
        let share = if *n == 0 {
            "-".to_string()
        } else {
            f3(*right as f64 / *n as f64)
        };
        let _ = writeln!(
            out,
            "{label:<8} {n:>6} quotes  {right:>6} right  share {share}"
        );
    }

    let _ = writeln!(out, "\n== Worst documents by F1 at T=0.3 ==");
    let mut worst: Vec<(f64, &Eval)> = evals
        .iter()
        .filter_map(|e| doc_f1(e).map(|f| (f, e)))
        .collect();
    worst.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then_with(|| b.1.doc.gold.len().cmp(&a.1.doc.gold.len()))
            .then_with(|| a.1.doc.id.cmp(&b.1.doc.id))
    });
    for (f, e) in worst.iter().take(5) {
        let _ = writeln!(
            out,
            "{:<60} gold {:>4}  system {:>4}  F1 {}",
            e.doc.id,
            e.doc.gold.len(),
            e.doc.sys.len(),
            f3(*f)
        );
    }

    write_diagnostics(&mut out, &evals, &o.filter);
    if o.samples > 0 {
        write_samples(&mut out, &evals, o.samples, &o.filter);
    }
    let _ = writeln!(
        out,
        "\nspeed: {:.2} MB in {:.3} s of extract calls = {mbps:.2} MB/s",
        bytes as f64 / 1e6,
        elapsed.as_secs_f64()
    );
    print!("{out}");
    Ok(())
}

fn main() -> ExitCode {
    let result = parse_args(std::env::args().skip(1)).and_then(|o| match o {
        Some(o) => run(&o),
        None => {
            println!("{USAGE}");
            Ok(())
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("evaluate: {msg}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shorthand for a span.
    fn sp(start: usize, end: usize) -> Span {
        Span::new(start, end)
    }

    #[test]
    fn exact_match_is_found_at_both_thresholds() {
        for t in THRESHOLDS {
            let m = match_spans(&[sp(10, 20)], &[sp(10, 20)], t);
            assert_eq!(m.gold_to_sys, vec![Some(0)]);
            assert_eq!(m.sys_to_gold, vec![Some(0)]);
        }
    }

    #[test]
    fn half_coverage_is_found_at_0_3_not_0_8() {
        let gold = [sp(0, 100)];
        let sys = [sp(50, 150)];
        assert_eq!(match_spans(&gold, &sys, 0.3).gold_to_sys, vec![Some(0)]);
        assert_eq!(match_spans(&gold, &sys, 0.8).gold_to_sys, vec![None]);
        // "More than T": exactly 30% is not enough.
        assert_eq!(
            match_spans(&gold, &[sp(70, 100)], 0.3).gold_to_sys,
            vec![None]
        );
        assert_eq!(
            match_spans(&gold, &[sp(69, 100)], 0.3).gold_to_sys,
            vec![Some(0)]
        );
    }

    #[test]
    fn one_system_quote_matches_one_gold_quote() {
        let m = match_spans(&[sp(0, 10), sp(12, 20)], &[sp(0, 20)], 0.3);
        assert_eq!(m.gold_to_sys, vec![Some(0), None]);
        let (p, r, f) = prf(1, 1, 1, 2);
        assert_eq!((p, r), (1.0, 0.5));
        assert!((f - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn best_covering_unused_quote_wins() {
        let m = match_spans(
            &[sp(0, 10), sp(10, 20)],
            &[sp(0, 4), sp(0, 9), sp(10, 20)],
            0.3,
        );
        assert_eq!(m.gold_to_sys, vec![Some(1), Some(2)]);
        assert_eq!(m.sys_to_gold, vec![None, Some(0), Some(1)]);
    }

    /// Runs the library on `text`, converts, and returns the first quote and the char table.
    fn first_quote(text: &str) -> (Sys, Vec<usize>) {
        let c2b = char_to_byte_table(text);
        let doc = Extractor::new().extract(text);
        (convert_sys(&doc, text, &c2b).remove(0), c2b)
    }

    #[test]
    fn direct_quote_is_widened_by_its_marks() {
        let text = "“We will see,” Putin said.";
        let c2b = char_to_byte_table(text);
        // Content "We will see," is chars 1..13; the marks are chars 0 and 13.
        assert_eq!(widen_direct(text, &c2b, sp(1, 13)), sp(0, 14));
        // No marks: unchanged; at the text's edges: no panic.
        assert_eq!(widen_direct(text, &c2b, sp(15, 20)), sp(15, 20));
        assert_eq!(
            widen_direct("abc", &char_to_byte_table("abc"), sp(0, 3)),
            sp(0, 3)
        );
        assert_eq!(
            widen_direct("\"abc\"", &char_to_byte_table("\"abc\""), sp(1, 4)),
            sp(0, 5)
        );
        let (q, _) = first_quote(text);
        assert_eq!(q.kind, Kind::Direct);
        assert_eq!(q.span, sp(0, 14));
        assert_eq!(
            match_spans(&[sp(0, 14)], &[q.span], 0.8).gold_to_sys,
            vec![Some(0)]
        );
    }

    #[test]
    fn offsets_convert_after_multibyte_characters() {
        // "Zoë — café" puts multibyte characters before the quote.
        let text = "Zoë — café. “We will see,” Putin said.";
        let c2b = char_to_byte_table(text);
        assert_eq!(c2b.len(), text.chars().count() + 1);
        let open = text.find('“').unwrap();
        let open_char = text[..open].chars().count();
        assert_eq!(byte_to_char(&c2b, open), open_char);
        assert_eq!(slice(text, &c2b, sp(open_char, open_char + 1)), "“");
        let (q, c2b) = first_quote(text);
        assert_eq!(slice(text, &c2b, q.span), "“We will see,”");
        assert_eq!(slice(text, &c2b, q.speaker.unwrap()), "Putin");
        assert_eq!(q.speaker, Some(sp(open_char + 15, open_char + 20)));
    }

    #[test]
    fn gold_is_read_in_characters() {
        let line = r#"{"id":"x","text":"Zoë said “yes”.","extra":1,"quotes":[{"start":9,"end":14,"text":"“yes”","kind":"direct","speaker":"Zoë","speaker_start":0,"speaker_end":3,"cue":"said","cue_start":4,"cue_end":8,"has_source":true,"unknown":null}]}"#;
        let raw: RawDoc = serde_json::from_str(line).unwrap();
        let c2b = char_to_byte_table(&raw.text);
        let gold = convert_gold(&raw, &c2b).unwrap();
        assert_eq!(gold[0].span, sp(9, 14));
        assert!(gold[0].speech && gold[0].has_source);
        let bad = r#"{"text":"abc","quotes":[{"start":0,"end":9,"kind":"direct"}]}"#;
        let raw: RawDoc = serde_json::from_str(bad).unwrap();
        assert!(convert_gold(&raw, &char_to_byte_table(&raw.text)).is_err());
        let nulls = r#"{"id":null,"text":"abc","quotes":[{"start":0,"end":3,"kind":"indirect","speaker":null,"speaker_start":null,"speaker_end":null,"cue":null,"has_source":null}]}"#;
        let raw: RawDoc = serde_json::from_str(nulls).unwrap();
        let gold = convert_gold(&raw, &char_to_byte_table(&raw.text)).unwrap();
        assert!(!gold[0].has_source && !gold[0].speech);
    }

    #[test]
    fn speech_cues_and_cue_comparison() {
        for cue in [
            "said",
            "says",
            "Said:",
            "has said",
            "told",
            "according to",
            "wrote",
            "adding",
            "stated",
            "admitted",
            "denied",
            "emphasized",
            "promising",
            "replies",
            "called for",
        ] {
            assert!(is_speech_cue(cue), "{cue}");
        }
        for cue in ["shows", "believes", ":", "―", "found", "spied on"] {
            assert!(!is_speech_cue(cue), "{cue}");
        }
        assert!(same_cue("Said:", Some("said")));
        assert!(!same_cue("has said", Some("said")));
        assert!(!same_cue("said", None));
        assert!(same_cue(":", Some(":")));
    }

    #[test]
    fn samples_are_evenly_spaced() {
        let items: Vec<usize> = (0..10).collect();
        assert_eq!(pick(&items, 3), vec![&0, &3, &6]);
        assert_eq!(pick(&items, 20).len(), 10);
    }
}
