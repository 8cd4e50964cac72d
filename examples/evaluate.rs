//! Scores whosaid's quotes against annotated news, the way the Gender Gap Tracker scores its
//! quote extraction (see `../shared/eval/README.md`): quote precision, recall and F1 at span
//! coverage thresholds 0.3 and 0.8, speaker accuracy (span), speaker-name accuracy and cue
//! accuracy, per quote kind, over all attributions and over speech attributions only; then, for
//! documents that carry them, entity precision, recall and F1 by type and people and sources by
//! gender; then confidence calibration, the worst documents, aggregate error diagnostics, sample
//! errors and the extraction speed.
//!
//! ```text
//! cargo run --release --example evaluate
//! cargo run --release --example evaluate -- tests/fixtures/people.jsonl
//! cargo run --release --example evaluate -- ../shared/eval/conll2003_dev.jsonl
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
//! - `--split-parts` / `--join-parts`: score every interrupted quote part by part, or every one
//!   as one quote, in all files (default: decided per file, see below);
//! - `--json`: print one JSON object with the headline numbers instead of the report.
//!
//! Without a file it reads `../shared/eval/polnear_dev.jsonl` next to the crate root. Several
//! files are scored together, as one set.
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
//! (see [`normalize_name`]: a final "'s" dropped, punctuation to spaces, lowercase, spaces
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
//! different parts (see [`part_votes`]); a file's quotes are scored part by part when it has
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

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::json;
use whosaid::{EntityKind, Extractor, Gender, QuoteKind};

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

/// Pronouns, relative pronouns included: a system speaker name that is one of these was never
/// resolved to a person (for the speaker-name diagnostics).
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "who", "whom",
    "that", "which", "this", "those", "these",
];

/// The Gender Gap Tracker's published F1 for people and sources by gender, on its own 98
/// articles, in the order of [`GENDER_ROWS`].
const GGT_GENDER_F1: [f64; 4] = [0.744, 0.848, 0.768, 0.820];

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
            // A kind a later version may add is scored as reported speech.
            _ => Kind::Indirect,
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
    /// Name annotations (CoNLL-2003 and our people fixtures); `None` when not annotated.
    #[serde(default)]
    entities: Option<Vec<RawEntity>>,
    /// Full names of the people mentioned and quoted, by gender (our people fixtures).
    #[serde(default)]
    doc_people_female: Option<Vec<String>>,
    #[serde(default)]
    doc_people_male: Option<Vec<String>>,
    #[serde(default)]
    doc_sources_female: Option<Vec<String>>,
    #[serde(default)]
    doc_sources_male: Option<Vec<String>>,
}

/// One annotated name, as written (character offsets).
#[derive(Debug, Deserialize)]
struct RawEntity {
    start: usize,
    end: usize,
    text: Option<String>,
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    ty: String,
}

/// One annotated attribution, as written (character offsets).
#[derive(Debug, Deserialize)]
struct RawQuote {
    start: usize,
    end: usize,
    text: Option<String>,
    kind: Kind,
    /// The source: as written (PolNeAR), or resolved to a full name (our people fixtures).
    speaker: Option<String>,
    /// The source as written, where `speaker` is resolved.
    speaker_text: Option<String>,
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
    /// The source as written, for display.
    speaker_text: Option<String>,
    /// The gold `speaker`, compared with the system speaker's name.
    speaker_name: Option<String>,
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
    /// The speaker's `name`: the entity's canonical name, or the words as written.
    speaker_name: Option<String>,
    cue: Option<String>,
    confidence: f32,
    /// The quoted pieces of an interrupted quote, each widened by its marks like a direct
    /// quote; empty for a quote in one piece (and for each part once split).
    parts: Vec<Span>,
}

/// An entity type scored: CoNLL's PER, ORG and LOC (MISC and nationalities are not scored).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum EntType {
    Per,
    Org,
    Loc,
}

/// The types in report order.
const ENT_TYPES: [EntType; 3] = [EntType::Per, EntType::Org, EntType::Loc];

impl EntType {
    /// CoNLL's name of the type.
    fn name(self) -> &'static str {
        match self {
            EntType::Per => "PER",
            EntType::Org => "ORG",
            EntType::Loc => "LOC",
        }
    }

    /// A gold type; `None` for MISC and anything else.
    fn parse(name: &str) -> Option<EntType> {
        ENT_TYPES.into_iter().find(|t| t.name() == name)
    }

    /// The type of a whosaid entity kind; `None` for nationalities.
    fn of_kind(kind: EntityKind) -> Option<EntType> {
        match kind {
            EntityKind::Person => Some(EntType::Per),
            EntityKind::Organization => Some(EntType::Org),
            EntityKind::Location => Some(EntType::Loc),
            // Nationalities, and any kind a later version may add.
            _ => None,
        }
    }

    /// The position of the type in [`ENT_TYPES`].
    fn index(self) -> usize {
        self as usize
    }
}

/// A name span of one type, gold or system, in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Name {
    span: Span,
    ty: EntType,
    text: String,
}

/// A system person, for the gender count.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Person {
    /// Its name and every mention's text, normalized (see [`normalize_name`]).
    names: BTreeSet<String>,
    gender: Option<Gender>,
    /// Whether it is the `speaker.entity` of at least one quote.
    source: bool,
}

/// One article's gold people and sources by gender, normalized, in the order of
/// [`GENDER_ROWS`]: people female, people male, sources female, sources male.
type GenderGold = [BTreeSet<String>; 4];

/// The four rows of the gender count: label, gender, whether only sources count.
const GENDER_ROWS: [(&str, Gender, bool); 4] = [
    ("people female", Gender::Female, false),
    ("people male", Gender::Male, false),
    ("sources female", Gender::Female, true),
    ("sources male", Gender::Male, true),
];

/// One document with its gold and system quotes.
struct Doc {
    id: String,
    text: String,
    /// `c2b[i]` is the byte offset of character `i`; the last entry is `text.len()`.
    c2b: Vec<usize>,
    gold: Vec<Gold>,
    sys: Vec<Sys>,
    /// Gold names (PER, ORG, LOC), when the document has an `entities` array.
    gold_names: Option<Vec<Name>>,
    /// The spans of the gold MISC names, for the diagnostics.
    gold_misc: Vec<Span>,
    /// The system's entity mentions as names, one per span and type.
    sys_names: Vec<Name>,
    /// Gold people and sources by gender, when the document has the four lists.
    gender_gold: Option<GenderGold>,
    /// The system's persons.
    people: Vec<Person>,
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
            speaker_text: q.speaker_text.clone().or_else(|| q.speaker.clone()),
            speaker_name: q.speaker.clone(),
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

/// The character span of byte offsets `start..end`.
fn char_span(c2b: &[usize], start: usize, end: usize) -> Span {
    Span::new(byte_to_char(c2b, start), byte_to_char(c2b, end))
}

/// Converts whosaid's quotes (byte offsets) into system quotes in characters, each interrupted
/// quote whole, its parts listed (see [`split_parts`]).
fn convert_sys(doc: &whosaid::Document, text: &str, c2b: &[usize]) -> Vec<Sys> {
    doc.quotes
        .iter()
        .map(|q| {
            let kind = Kind::from(q.kind);
            let mut span = char_span(c2b, q.start, q.end);
            if kind == Kind::Direct {
                span = widen_direct(text, c2b, span);
            }
            let parts = if q.parts.len() >= 2 {
                q.parts
                    .iter()
                    .map(|p| widen_direct(text, c2b, char_span(c2b, p.start, p.end)))
                    .collect()
            } else {
                Vec::new()
            };
            Sys {
                kind,
                span,
                speaker: q.speaker.as_ref().map(|s| char_span(c2b, s.start, s.end)),
                speaker_text: q.speaker.as_ref().map(|s| s.text.clone()),
                speaker_name: q.speaker.as_ref().map(|s| s.name.clone()),
                cue: q.cue.clone(),
                confidence: q.confidence,
                parts,
            }
        })
        .collect()
}

/// Replaces each interrupted quote by its parts, each a direct quote with the whole quote's
/// speaker, cue and confidence.
fn split_parts(sys: Vec<Sys>) -> Vec<Sys> {
    let mut out = Vec::with_capacity(sys.len());
    for s in sys {
        if s.parts.is_empty() {
            out.push(s);
            continue;
        }
        for &part in &s.parts {
            out.push(Sys {
                kind: Kind::Direct,
                span: part,
                parts: Vec::new(),
                ..s.clone()
            });
        }
    }
    out
}

/// How a document's gold treats the system's interrupted quotes, as `(splits, joins)`: a
/// system quote with parts votes "joins" when one gold quote overlaps two or more of its parts,
/// else "splits" when two or more gold quotes each overlap exactly one of its parts and
/// together cover two or more different parts; otherwise it does not vote.
fn part_votes(gold: &[Span], sys: &[Sys]) -> (usize, usize) {
    let (mut splits, mut joins) = (0, 0);
    for s in sys.iter().filter(|s| s.parts.len() >= 2) {
        let mut joined = false;
        let mut single = BTreeSet::new();
        for g in gold.iter().filter(|g| g.overlap(s.span) > 0) {
            let hit: Vec<usize> = (0..s.parts.len())
                .filter(|&pi| g.overlap(s.parts[pi]) > 0)
                .collect();
            match hit.len() {
                0 => {}
                1 => {
                    single.insert(hit[0]);
                }
                _ => joined = true,
            }
        }
        if joined {
            joins += 1;
        } else if single.len() >= 2 {
            splits += 1;
        }
    }
    (splits, joins)
}

/// The document's gold names of the scored types, and apart the spans of its MISC names (and
/// of any other type), or `Err` naming a bad span.
fn convert_gold_names(
    raw: &[RawEntity],
    text: &str,
    c2b: &[usize],
) -> Result<(Vec<Name>, Vec<Span>), String> {
    let n = c2b.len() - 1;
    let mut out = Vec::new();
    let mut misc = Vec::new();
    for (i, e) in raw.iter().enumerate() {
        if e.start > e.end || e.end > n {
            return Err(format!(
                "entity {i}: span {}..{} outside the text ({n} characters)",
                e.start, e.end
            ));
        }
        let span = Span::new(e.start, e.end);
        let written = slice(text, c2b, span);
        if e.text.as_deref().is_some_and(|t| t != written) {
            return Err(format!(
                "entity {i}: text differs from the text at {}..{} (offsets must be characters)",
                e.start, e.end
            ));
        }
        match EntType::parse(&e.ty) {
            Some(ty) => out.push(Name {
                span,
                ty,
                text: written.to_string(),
            }),
            None => misc.push(span),
        }
    }
    Ok((out, misc))
}

/// Every mention of the system's persons, organizations and places as a name, in
/// characters, each span and type once, by start.
fn convert_sys_names(doc: &whosaid::Document, text: &str, c2b: &[usize]) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    for e in &doc.entities {
        let Some(ty) = EntType::of_kind(e.kind) else {
            continue;
        };
        for m in &e.mentions {
            let span = char_span(c2b, m.start, m.end);
            if !out.iter().any(|n| n.span == span && n.ty == ty) {
                out.push(Name {
                    span,
                    ty,
                    text: slice(text, c2b, span).to_string(),
                });
            }
        }
    }
    out.sort_by_key(|n| (n.span.start, n.span.end, n.ty));
    out
}

/// The system's persons, with their names normalized and whether they speak a quote.
fn convert_people(doc: &whosaid::Document) -> Vec<Person> {
    doc.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| Person {
            names: std::iter::once(e.name.as_str())
                .chain(e.mentions.iter().map(|m| m.text.as_str()))
                .map(normalize_name)
                .filter(|n| !n.is_empty())
                .collect(),
            gender: e.gender,
            source: doc.quotes.iter().any(|q| {
                q.speaker
                    .as_ref()
                    .is_some_and(|s| s.entity.as_deref() == Some(e.id.as_str()))
            }),
        })
        .collect()
}

/// The four gold people lists, normalized, when the document has all four.
fn convert_gender_gold(raw: &RawDoc) -> Option<GenderGold> {
    let set = |names: &Option<Vec<String>>| -> Option<BTreeSet<String>> {
        names
            .as_ref()
            .map(|v| v.iter().map(|n| normalize_name(n)).collect())
    };
    Some([
        set(&raw.doc_people_female)?,
        set(&raw.doc_people_male)?,
        set(&raw.doc_sources_female)?,
        set(&raw.doc_sources_male)?,
    ])
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

/// A name for comparison, as the Gender Gap Tracker normalizes it: a final "'s" or "’s"
/// dropped, punctuation to spaces, lowercase, spaces collapsed ("Ms. O’Brien’s" is
/// "ms o brien").
fn normalize_name(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let stem = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower);
    let spaced: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the system speaker's name is the gold speaker's, normalized; a gold quote without a
/// speaker is right when the system has none either.
fn name_correct(gold: &Gold, sys: &Sys) -> bool {
    match (&gold.speaker_name, &sys.speaker_name) {
        (Some(g), Some(s)) => normalize_name(g) == normalize_name(s),
        (None, None) => true,
        _ => false,
    }
}

/// What kind of name the system gave, for the speaker-name diagnostics.
fn name_category(sys: Option<&str>) -> &'static str {
    let Some(name) = sys else {
        return "no speaker";
    };
    let norm = normalize_name(name);
    let first = name.trim_start().chars().next();
    if PRONOUNS.contains(&norm.as_str()) {
        "a pronoun (he, she, they, who, ...)"
    } else if first.is_some_and(char::is_lowercase) || norm == "the" || norm.starts_with("the ") {
        "a description (lowercase word or \"the\" first)"
    } else if !norm.is_empty() && !norm.contains(' ') {
        "a single word (a surname alone)"
    } else {
        "other"
    }
}

/// Entity counts, per type in the order of [`ENT_TYPES`] and for spans whatever their type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct NameCounts {
    gold: [usize; 3],
    sys: [usize; 3],
    /// System names whose span and type are a gold name's.
    correct: [usize; 3],
    /// The same for spans of any scored type, each span once.
    span_gold: usize,
    span_sys: usize,
    span_correct: usize,
}

impl NameCounts {
    /// Adds `b` into `self`.
    fn add(&mut self, b: &NameCounts) {
        for i in 0..3 {
            self.gold[i] += b.gold[i];
            self.sys[i] += b.sys[i];
            self.correct[i] += b.correct[i];
        }
        self.span_gold += b.span_gold;
        self.span_sys += b.span_sys;
        self.span_correct += b.span_correct;
    }
}

/// Counts one document's names: exact spans, by type and ignoring the type.
fn count_names(gold: &[Name], sys: &[Name]) -> NameCounts {
    let mut c = NameCounts::default();
    let typed = |names: &[Name]| -> BTreeSet<(usize, usize, EntType)> {
        names
            .iter()
            .map(|n| (n.span.start, n.span.end, n.ty))
            .collect()
    };
    let (g, s) = (typed(gold), typed(sys));
    for &(_, _, ty) in &g {
        c.gold[ty.index()] += 1;
    }
    for k @ &(_, _, ty) in &s {
        c.sys[ty.index()] += 1;
        c.correct[ty.index()] += usize::from(g.contains(k));
    }
    let spans = |set: &BTreeSet<(usize, usize, EntType)>| -> BTreeSet<(usize, usize)> {
        set.iter().map(|&(a, b, _)| (a, b)).collect()
    };
    let (gs, ss) = (spans(&g), spans(&s));
    c.span_gold = gs.len();
    c.span_sys = ss.len();
    c.span_correct = gs.intersection(&ss).count();
    c
}

/// What the other side has on a name's span, for the entity diagnostics: the same span with
/// another type, an overlapping span, or nothing.
fn name_note(name: &Name, other: &[Name], misc: &[Span]) -> String {
    if let Some(o) = other.iter().find(|o| o.span == name.span) {
        return format!("same span as {}", o.ty.name());
    }
    if misc.contains(&name.span) {
        return "same span as MISC".to_string();
    }
    match other.iter().find(|o| o.span.overlap(name.span) > 0) {
        Some(o) => format!("overlaps {} {:?}", o.ty.name(), o.text),
        None => "nothing there".to_string(),
    }
}

/// The counts of one gender row, summed over articles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct GenderCounts {
    /// Gold names.
    gold: usize,
    /// Gold names that a system person of the gender has.
    found: usize,
    /// System persons of the gender (sources only, in a sources row).
    sys: usize,
    /// Those whose name or a mention is a gold name of the gender.
    sys_right: usize,
}

/// Counts one article's people and sources by gender, in the order of [`GENDER_ROWS`].
fn count_gender(gold: &GenderGold, people: &[Person]) -> [GenderCounts; 4] {
    let mut out: [GenderCounts; 4] = Default::default();
    for (row, (_, gender, sources)) in GENDER_ROWS.iter().enumerate() {
        let names = &gold[row];
        let sys: Vec<&Person> = people
            .iter()
            .filter(|p| p.gender == Some(*gender) && (!sources || p.source))
            .collect();
        let c = &mut out[row];
        c.gold = names.len();
        c.found = names
            .iter()
            .filter(|n| sys.iter().any(|p| p.names.contains(*n)))
            .count();
        c.sys = sys.len();
        c.sys_right = sys.iter().filter(|p| !p.names.is_disjoint(names)).count();
    }
    out
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
    /// Found (T=0.3) gold quotes whose speaker name the system got (see [`name_correct`]),
    /// all found, and those among them whose gold speaker is null.
    name_ok: usize,
    name_n: usize,
    name_null: usize,
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
                t.name_n = 1;
                t.name_ok = usize::from(name_correct(g, s));
                t.name_null = usize::from(g.speaker_name.is_none());
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
    a.name_ok += b.name_ok;
    a.name_n += b.name_n;
    a.name_null += b.name_null;
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
    /// `Some(true)` for `--split-parts`, `Some(false)` for `--join-parts`, `None` to decide per
    /// file.
    split: Option<bool>,
}

/// The usage line.
const USAGE: &str = "usage: evaluate [--samples N] [--limit N] [--kind direct|mixed|indirect] [--cue WORD] [--split-parts|--join-parts] [--json] [FILE.jsonl]...";

/// Parses the command line; `Ok(None)` for `--help`.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut o = Options {
        files: Vec::new(),
        samples: 8,
        limit: usize::MAX,
        json: false,
        filter: Filter::default(),
        split: None,
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
            "--split-parts" => o.split = Some(true),
            "--join-parts" => o.split = Some(false),
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
        "{:<9} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>12} {:>12} {:>12} {:>12}",
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
        "name",
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
            "{:<9} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>12} {:>12} {:>12} {:>12}",
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
            acc(t.name_ok, t.name_n),
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
        "speaker_name_acc": ratio(t.name_ok, t.name_n),
        "speaker_name_n": t.name_n,
        "speaker_name_null_gold": t.name_null,
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

/// How one file's gold treats interrupted quotes (see [`part_votes`]) and what was done.
struct PartVote {
    file: String,
    splits: usize,
    joins: usize,
    /// Whether the file's interrupted quotes were scored part by part.
    split: bool,
}

/// Extracts one document and converts gold and system output to characters.
fn load_doc(
    extractor: &Extractor,
    raw: RawDoc,
    file: &str,
    line: usize,
) -> Result<(Doc, Duration), String> {
    let at = |e: String| format!("{file}:{line}: {e}");
    let c2b = char_to_byte_table(&raw.text);
    let gold = convert_gold(&raw, &c2b).map_err(at)?;
    let (gold_names, gold_misc) = match raw.entities.as_deref() {
        Some(e) => {
            let (names, misc) = convert_gold_names(e, &raw.text, &c2b).map_err(at)?;
            (Some(names), misc)
        }
        None => (None, Vec::new()),
    };
    let gender_gold = convert_gender_gold(&raw);
    let started = Instant::now();
    let out = extractor.extract(&raw.text);
    let elapsed = started.elapsed();
    let sys = convert_sys(&out, &raw.text, &c2b);
    let sys_names = convert_sys_names(&out, &raw.text, &c2b);
    let people = convert_people(&out);
    let id = raw.id.clone().unwrap_or_else(|| format!("{file}:{line}"));
    let doc = Doc {
        id,
        text: raw.text,
        c2b,
        gold,
        sys,
        gold_names,
        gold_misc,
        sys_names,
        gender_gold,
        people,
    };
    Ok((doc, elapsed))
}

/// The entity counts summed over the documents with entity annotations, and how many there
/// are; `None` when none has them.
fn name_totals(evals: &[Eval]) -> Option<(usize, NameCounts)> {
    let mut total = NameCounts::default();
    let mut docs = 0;
    for e in evals {
        if let Some(gold) = &e.doc.gold_names {
            docs += 1;
            total.add(&count_names(gold, &e.doc.sys_names));
        }
    }
    (docs > 0).then_some((docs, total))
}

/// System persons and how many of them have no gender, overall and among sources.
#[derive(Clone, Copy, Debug, Default)]
struct PersonCounts {
    persons: usize,
    no_gender: usize,
    sources: usize,
    sources_no_gender: usize,
}

/// The gender counts summed over the documents with people lists, how many there are, and the
/// system persons counted there; `None` when none has them.
fn gender_totals(evals: &[Eval]) -> Option<(usize, [GenderCounts; 4], PersonCounts)> {
    let mut rows: [GenderCounts; 4] = Default::default();
    let mut persons = PersonCounts::default();
    let mut docs = 0;
    for e in evals {
        let Some(gold) = &e.doc.gender_gold else {
            continue;
        };
        docs += 1;
        for (total, c) in rows.iter_mut().zip(count_gender(gold, &e.doc.people)) {
            total.gold += c.gold;
            total.found += c.found;
            total.sys += c.sys;
            total.sys_right += c.sys_right;
        }
        for p in &e.doc.people {
            persons.persons += 1;
            persons.no_gender += usize::from(p.gender.is_none());
            persons.sources += usize::from(p.source);
            persons.sources_no_gender += usize::from(p.source && p.gender.is_none());
        }
    }
    (docs > 0).then_some((docs, rows, persons))
}

/// P, R, F1 as JSON, with the counts they come from.
fn prf_json(gold: usize, sys: usize, correct: usize) -> serde_json::Value {
    let (p, r, f) = prf(correct, sys, correct, gold);
    json!({"gold": gold, "system": sys, "correct": correct, "p": p, "r": r, "f1": f})
}

/// The entity scores as JSON.
fn names_json((docs, c): &(usize, NameCounts)) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    m.insert("documents".into(), json!(docs));
    for t in ENT_TYPES {
        let i = t.index();
        m.insert(t.name().into(), prf_json(c.gold[i], c.sys[i], c.correct[i]));
    }
    let sum = |a: &[usize; 3]| a.iter().sum::<usize>();
    m.insert(
        "overall".into(),
        prf_json(sum(&c.gold), sum(&c.sys), sum(&c.correct)),
    );
    m.insert(
        "span".into(),
        prf_json(c.span_gold, c.span_sys, c.span_correct),
    );
    serde_json::Value::Object(m)
}

/// The gender scores as JSON.
fn gender_json(
    (docs, rows, persons): &(usize, [GenderCounts; 4], PersonCounts),
) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    m.insert("documents".into(), json!(docs));
    for ((label, _, _), c) in GENDER_ROWS.iter().zip(rows) {
        let (p, _, _) = prf(c.sys_right, c.sys, 0, 1);
        let (_, r, _) = prf(0, 1, c.found, c.gold);
        m.insert(
            label.replace(' ', "_"),
            json!({"gold": c.gold, "found": c.found, "system": c.sys,
                   "system_right": c.sys_right, "p": p, "r": r, "f1": f1(p, r)}),
        );
    }
    m.insert("persons".into(), json!(persons.persons));
    m.insert("persons_no_gender".into(), json!(persons.no_gender));
    serde_json::Value::Object(m)
}

/// The harmonic mean of `p` and `r`, 0 when both are 0.
fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Writes the entity table.
fn write_names(out: &mut String, docs: usize, c: &NameCounts) {
    let _ = writeln!(
        out,
        "\n== Entities: exact character spans, by type ({docs} documents; gold MISC and system nationalities not scored) =="
    );
    let _ = writeln!(
        out,
        "{:<9} {:>6} {:>6} {:>7} | {:>6} {:>6} {:>6}",
        "type", "gold", "sys", "correct", "P", "R", "F1"
    );
    let sum = |a: &[usize; 3]| a.iter().sum::<usize>();
    let rows = ENT_TYPES
        .iter()
        .map(|t| {
            let i = t.index();
            (t.name(), c.gold[i], c.sys[i], c.correct[i])
        })
        .chain([
            ("overall", sum(&c.gold), sum(&c.sys), sum(&c.correct)),
            ("span", c.span_gold, c.span_sys, c.span_correct),
        ]);
    for (label, gold, sys, correct) in rows {
        let (p, r, f) = prf(correct, sys, correct, gold);
        let _ = writeln!(
            out,
            "{label:<9} {gold:>6} {sys:>6} {correct:>7} | {:>6} {:>6} {:>6}",
            f3(p),
            f3(r),
            f3(f)
        );
    }
    let _ = writeln!(
        out,
        "(overall: micro over PER, ORG, LOC; span: the type ignored, each span once)"
    );
}

/// A count table that keeps the note of each key's first occurrence.
type Noted = HashMap<String, (usize, String)>;

/// Counts `key`, keeping `note` if it is the first time.
fn bump_noted(counts: &mut Noted, key: &str, note: impl FnOnce() -> String) {
    counts
        .entry(key.to_string())
        .or_insert_with(|| (0, note()))
        .0 += 1;
}

/// Writes the `n` largest counts of a noted table under a title.
fn write_noted(out: &mut String, title: &str, counts: Noted, n: usize) {
    let total: usize = counts.values().map(|(c, _)| c).sum();
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
    let _ = writeln!(out, "{title} ({total} in all):");
    for (k, (count, note)) in v.into_iter().take(n) {
        let _ = writeln!(out, "  {count:>5}  {k:<40} [{note}]");
    }
}

/// Writes, per type, the most missed gold names and the most frequent false alarms, each with
/// what the other side had on its span the first time.
fn write_name_errors(out: &mut String, evals: &[Eval]) {
    let _ = writeln!(
        out,
        "\n== Entity errors by type (name as written; [what the other side had the first time]) =="
    );
    for t in ENT_TYPES {
        let mut missed = Noted::new();
        let mut alarms = Noted::new();
        for e in evals {
            let d = &e.doc;
            let Some(gold) = &d.gold_names else {
                continue;
            };
            let has =
                |names: &[Name], n: &Name| names.iter().any(|o| o.span == n.span && o.ty == t);
            for g in gold.iter().filter(|g| g.ty == t && !has(&d.sys_names, g)) {
                bump_noted(&mut missed, &visible_str(&g.text), || {
                    name_note(g, &d.sys_names, &[])
                });
            }
            for s in d.sys_names.iter().filter(|s| s.ty == t && !has(gold, s)) {
                bump_noted(&mut alarms, &visible_str(&s.text), || {
                    name_note(s, gold, &d.gold_misc)
                });
            }
        }
        write_noted(
            out,
            &format!("Missed gold {} (top 15)", t.name()),
            missed,
            15,
        );
        write_noted(
            out,
            &format!("False alarm system {} (top 15)", t.name()),
            alarms,
            15,
        );
    }
}

/// Writes the people and sources by gender.
fn write_gender(out: &mut String, docs: usize, rows: &[GenderCounts; 4], persons: PersonCounts) {
    let _ = writeln!(
        out,
        "\n== People and sources by gender ({docs} articles; found = a system person of that gender has the name as its name or a mention; summed over articles) =="
    );
    let _ = writeln!(
        out,
        "{:<15} {:>5} {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6}",
        "row", "gold", "found", "sys", "right", "P", "R", "F1", "GGT F1"
    );
    for (((label, _, _), c), ggt) in GENDER_ROWS.iter().zip(rows).zip(GGT_GENDER_F1) {
        let (p, _, _) = prf(c.sys_right, c.sys, 0, 1);
        let (_, r, _) = prf(0, 1, c.found, c.gold);
        let _ = writeln!(
            out,
            "{label:<15} {:>5} {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6}",
            c.gold,
            c.found,
            c.sys,
            c.sys_right,
            f3(p),
            f3(r),
            f3(f1(p, r)),
            f3(ggt)
        );
    }
    let _ = writeln!(
        out,
        "(GGT F1: the Gender Gap Tracker's published figure on its own 98 articles)\nsystem persons: {}, without a gender: {}; of them sources: {}, without a gender: {}",
        persons.persons, persons.no_gender, persons.sources, persons.sources_no_gender
    );
}

/// Writes the speaker-name errors among found quotes: the most frequent (gold -> system)
/// pairs, and the wrong names by what the system gave.
fn write_speaker_names(out: &mut String, evals: &[Eval], filter: &Filter) {
    let mut pairs: HashMap<String, (usize, usize)> = HashMap::new();
    let mut kinds: HashMap<String, (usize, usize)> = HashMap::new();
    let mut null_wrong = 0;
    for e in evals {
        let d = &e.doc;
        for (gi, g) in d.gold.iter().enumerate().filter(|(_, g)| filter.gold(g)) {
            let Some(si) = e.m[0].gold_to_sys[gi] else {
                continue;
            };
            let s = &d.sys[si];
            if name_correct(g, s) {
                continue;
            }
            null_wrong += usize::from(g.speaker_name.is_none());
            bump(
                &mut pairs,
                format!("{} -> {}", show(&g.speaker_name), show(&s.speaker_name)),
            );
            bump(&mut kinds, name_category(s.speaker_name.as_deref()));
        }
    }
    let _ = writeln!(
        out,
        "Speaker-name errors among found quotes (gold -> system; {null_wrong} with a null gold speaker):"
    );
    for (k, n, _) in top(pairs, 15) {
        let _ = writeln!(out, "  {n:>5}  {}", visible_str(&k));
    }
    write_top(
        out,
        "Wrong speaker names by what the system gave:",
        kinds,
        5,
    );
}

/// A string with newlines and tabs shown as in context lines.
fn visible_str(s: &str) -> String {
    s.chars().map(visible).collect()
}

/// Loads, extracts, scores and prints.
fn run(o: &Options) -> Result<(), String> {
    let extractor = Extractor::new();
    let mut evals = Vec::new();
    let mut votes = Vec::new();
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0usize;
    let mut read = 0usize;
    for f in &o.files {
        let raws = read_file(f, o.limit - read.min(o.limit))?;
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
            .all(|d| d.gold_names.as_ref().map_or(true, Vec::is_empty))
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
        let split = o.split.unwrap_or(splits > joins);
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
    let all = tally(&evals, false);
    let speech = tally(&evals, true);
    let calib = calibration(&evals);
    let names = name_totals(&evals);
    let genders = gender_totals(&evals);
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
            "split_parts": votes.iter().map(|v| json!({
                "file": v.file, "splits": v.splits, "joins": v.joins, "split": v.split,
            })).collect::<Vec<_>>(),
            "entities": names.as_ref().map(names_json),
            "gender": genders.as_ref().map(gender_json),
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
    let _ = writeln!(out, "(name = the system speaker's name equals the gold speaker, both normalized; the {} found quotes whose gold speaker is null count as right when the system has no speaker. On PolNeAR the gold speaker is the words as written (\"he\", \"Mr. Trump\"), so name means little there; on tests/fixtures/people.jsonl it is the resolved full name, which name measures)", all.overall.name_null);
    for v in &votes {
        let _ = writeln!(
            out,
            "(interrupted quotes in {}: {} system quotes whose parts the gold splits, {} it joins: scored {})",
            v.file,
            v.splits,
            v.joins,
            if v.split { "part by part" } else { "as one quote" }
        );
    }
    write_view(&mut out, "ALL attributions", &all);
    write_view(&mut out, "SPEECH attributions (gold cue is a reporting word; system quotes matching non-speech gold dropped)", &speech);
    if let Some((docs, c)) = &names {
        write_names(&mut out, *docs, c);
        write_name_errors(&mut out, &evals);
    }
    if let Some((docs, rows, persons)) = &genders {
        write_gender(&mut out, *docs, rows, *persons);
    }

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
    write_speaker_names(&mut out, &evals, &o.filter);
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

    #[test]
    fn names_are_normalized() {
        assert_eq!(normalize_name("Ms. O’Brien’s"), "ms o brien");
        assert_eq!(normalize_name("  Priya   Natarajan's "), "priya natarajan");
        assert_eq!(
            normalize_name("Halvorsen Foods Inc."),
            "halvorsen foods inc"
        );
        assert_eq!(normalize_name("Jean-Luc PICARD"), "jean luc picard");
        assert_eq!(normalize_name("Élodie Kovač"), "élodie kovač");
        // Only a final "'s" goes.
        assert_eq!(normalize_name("St. James's Park"), "st james s park");
        assert_eq!(normalize_name("Ross"), "ross");
    }

    /// A gold quote at `span` with a gold speaker name.
    fn gold_quote(span: Span, name: Option<&str>) -> Gold {
        Gold {
            kind: Kind::Direct,
            span,
            speaker: name.map(|_| sp(0, 1)),
            speaker_text: name.map(str::to_string),
            speaker_name: name.map(str::to_string),
            cue: Some("said".into()),
            has_source: name.is_some(),
            speech: true,
            pieces: 1,
        }
    }

    /// A system quote at `span` with a speaker name and parts.
    fn sys_quote(span: Span, name: Option<&str>, parts: Vec<Span>) -> Sys {
        Sys {
            kind: Kind::Direct,
            span,
            speaker: name.map(|_| sp(0, 1)),
            speaker_text: name.map(str::to_string),
            speaker_name: name.map(str::to_string),
            cue: Some("said".into()),
            confidence: 0.9,
            parts,
        }
    }

    #[test]
    fn speaker_names_compare_normalized_and_null_gold_needs_no_speaker() {
        let g = gold_quote(sp(0, 9), Some("Priya Natarajan"));
        assert!(name_correct(
            &g,
            &sys_quote(sp(0, 9), Some("priya natarajan’s"), vec![])
        ));
        assert!(!name_correct(
            &g,
            &sys_quote(sp(0, 9), Some("Natarajan"), vec![])
        ));
        assert!(!name_correct(&g, &sys_quote(sp(0, 9), None, vec![])));
        let none = gold_quote(sp(0, 9), None);
        assert!(name_correct(&none, &sys_quote(sp(0, 9), None, vec![])));
        assert!(!name_correct(
            &none,
            &sys_quote(sp(0, 9), Some("he"), vec![])
        ));
        assert_eq!(
            name_category(Some("She")),
            "a pronoun (he, she, they, who, ...)"
        );
        assert_eq!(
            name_category(Some("Natarajan")),
            "a single word (a surname alone)"
        );
        assert_eq!(
            name_category(Some("the company")),
            "a description (lowercase word or \"the\" first)"
        );
        assert_eq!(
            name_category(Some("The union president")),
            "a description (lowercase word or \"the\" first)"
        );
        assert_eq!(name_category(Some("Kathy Hochul")), "other");
        assert_eq!(name_category(None), "no speaker");
    }

    #[test]
    fn interrupted_quotes_vote_and_split() {
        // "A," she said, "B." with parts 0..4 and 15..19; the whole quote 0..19.
        let parts = vec![sp(0, 4), sp(15, 19)];
        let sys = vec![sys_quote(sp(0, 19), Some("Ann"), parts.clone())];
        // One gold quote over both parts joins; one per part splits; one part alone: no vote.
        assert_eq!(part_votes(&[sp(0, 19)], &sys), (0, 1));
        assert_eq!(part_votes(&[sp(0, 4), sp(15, 19)], &sys), (1, 0));
        assert_eq!(part_votes(&[sp(0, 4)], &sys), (0, 0));
        assert_eq!(part_votes(&[sp(30, 40)], &sys), (0, 0));
        // A quote in one piece never votes.
        assert_eq!(
            part_votes(
                &[sp(0, 4), sp(15, 19)],
                &[sys_quote(sp(0, 19), None, vec![])]
            ),
            (0, 0)
        );
        let split = split_parts(sys.clone());
        assert_eq!(split.len(), 2);
        assert_eq!(split[0].span, sp(0, 4));
        assert_eq!(split[1].span, sp(15, 19));
        assert!(split.iter().all(|s| s.parts.is_empty()
            && s.speaker_name.as_deref() == Some("Ann")
            && s.cue.as_deref() == Some("said")));
        // Scored against a gold set that splits: both found at 0.8, where the whole quote
        // finds only one.
        let gold = [sp(0, 4), sp(15, 19)];
        let spans: Vec<Span> = split.iter().map(|s| s.span).collect();
        assert_eq!(
            match_spans(&gold, &spans, 0.8).gold_to_sys,
            vec![Some(0), Some(1)]
        );
        assert_eq!(
            match_spans(&gold, &[sp(0, 19)], 0.8).gold_to_sys,
            vec![Some(0), None]
        );
    }

    #[test]
    fn interrupted_quote_parts_come_from_the_library() {
        let text = "“We can fix it,” Natarajan said. “I’d rather explain a detour.”";
        let c2b = char_to_byte_table(text);
        let sys = convert_sys(&Extractor::new().extract(text), text, &c2b);
        assert_eq!(sys.len(), 1);
        let parts: Vec<&str> = sys[0].parts.iter().map(|p| slice(text, &c2b, *p)).collect();
        assert_eq!(
            parts,
            ["“We can fix it,”", "“I’d rather explain a detour.”"]
        );
    }

    /// A name of type `ty` at `start..end`.
    fn nm(start: usize, end: usize, ty: EntType) -> Name {
        Name {
            span: sp(start, end),
            ty,
            text: String::new(),
        }
    }

    #[test]
    fn entities_are_scored_by_exact_span_and_type() {
        use EntType::{Loc, Org, Per};
        let gold = [
            nm(0, 5, Per),
            nm(6, 10, Org),
            nm(11, 15, Loc),
            nm(30, 35, Per),
        ];
        let sys = [
            nm(0, 5, Per),   // right
            nm(6, 10, Per),  // right span, wrong type
            nm(11, 14, Loc), // boundary error
            nm(20, 25, Loc), // nothing there
            nm(0, 5, Per),   // the same span and type again counts once
        ];
        let c = count_names(&gold, &sys);
        assert_eq!(c.gold, [2, 1, 1]);
        assert_eq!(c.sys, [2, 0, 2]);
        assert_eq!(c.correct, [1, 0, 0]);
        assert_eq!((c.span_gold, c.span_sys, c.span_correct), (4, 4, 2));
        assert_eq!(name_note(&gold[1], &sys, &[]), "same span as PER");
        assert_eq!(name_note(&gold[2], &sys, &[]), "overlaps LOC \"\"");
        assert_eq!(name_note(&gold[3], &sys, &[]), "nothing there");
        assert_eq!(
            name_note(&sys[3], &gold, &[sp(20, 25)]),
            "same span as MISC"
        );
    }

    #[test]
    fn gold_and_system_names_are_converted() {
        let line = r#"{"text":"Zoë Lund of Acme visited Paris. French fries.","quotes":[],"entities":[{"start":0,"end":8,"text":"Zoë Lund","type":"PER"},{"start":32,"end":38,"text":"French","type":"MISC"}]}"#;
        let raw: RawDoc = serde_json::from_str(line).unwrap();
        let c2b = char_to_byte_table(&raw.text);
        let (gold, misc) =
            convert_gold_names(raw.entities.as_deref().unwrap(), &raw.text, &c2b).unwrap();
        assert_eq!(
            gold,
            vec![Name {
                span: sp(0, 8),
                ty: EntType::Per,
                text: "Zoë Lund".into()
            }]
        );
        assert_eq!(misc, vec![sp(32, 38)]);
        assert_eq!(EntType::of_kind(EntityKind::Nationality), None);
        assert_eq!(EntType::of_kind(EntityKind::Location), Some(EntType::Loc));
        let doc = Extractor::new().extract(&raw.text);
        let sys = convert_sys_names(&doc, &raw.text, &c2b);
        // Paris is a gazetteer place, in characters after the multibyte ë.
        assert!(sys.contains(&Name {
            span: sp(25, 30),
            ty: EntType::Loc,
            text: "Paris".into()
        }));
        assert!(sys.iter().all(|n| n.text != "French"));
        let bad = r#"{"text":"abc","entities":[{"start":0,"end":2,"text":"abc","type":"PER"}]}"#;
        let raw: RawDoc = serde_json::from_str(bad).unwrap();
        let c2b = char_to_byte_table(&raw.text);
        assert!(convert_gold_names(raw.entities.as_deref().unwrap(), &raw.text, &c2b).is_err());
    }

    /// A system person with these names (normalized here), gender and source flag.
    fn person(names: &[&str], gender: Option<Gender>, source: bool) -> Person {
        Person {
            names: names.iter().map(|n| normalize_name(n)).collect(),
            gender,
            source,
        }
    }

    #[test]
    fn people_and_sources_are_counted_by_gender() {
        let set = |names: &[&str]| names.iter().map(|n| normalize_name(n)).collect();
        let gold: GenderGold = [
            set(&["Priya Natarajan", "Gail Hutchins"]),
            set(&["Colin Dray"]),
            set(&["Priya Natarajan"]),
            set(&["Colin Dray"]),
        ];
        let people = [
            // Found by a mention, and a source.
            person(
                &["Priya Natarajan", "Natarajan"],
                Some(Gender::Female),
                true,
            ),
            // A woman under a man's name: wrong in the female rows, no help in the male ones.
            person(&["Colin Dray"], Some(Gender::Female), false),
            // The right name without a gender counts nowhere.
            person(&["Gail Hutchins"], None, true),
            // A man of the gold, not a source.
            person(&["Mr. Dray", "Colin Dray’s"], Some(Gender::Male), false),
        ];
        let c = count_gender(&gold, &people);
        let row = |gold, found, sys, sys_right| GenderCounts {
            gold,
            found,
            sys,
            sys_right,
        };
        assert_eq!(c[0], row(2, 1, 2, 1));
        assert_eq!(c[1], row(1, 1, 1, 1));
        assert_eq!(c[2], row(1, 1, 1, 1));
        assert_eq!(c[3], row(1, 0, 0, 0));
        let raw: RawDoc = serde_json::from_str(
            r#"{"text":"x","doc_people_female":["Ann Lee's"],"doc_people_male":[],"doc_sources_female":[]}"#,
        )
        .unwrap();
        assert_eq!(convert_gender_gold(&raw), None);
    }

    #[test]
    fn system_people_know_whether_they_speak() {
        let text = "Vladimir Putin met Emmanuel Macron. “We will see,” Putin said.";
        let people = convert_people(&Extractor::new().extract(text));
        let putin = people
            .iter()
            .find(|p| p.names.contains("vladimir putin"))
            .unwrap();
        assert!(putin.source && putin.names.contains("putin"));
        let macron = people
            .iter()
            .find(|p| p.names.contains("emmanuel macron"))
            .unwrap();
        assert!(!macron.source);
    }
}
