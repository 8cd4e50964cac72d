//! The documents scored: gold attributions, names and people as annotated (in characters),
//! and whosaid's quotes, names and people converted to the same characters.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Deserialize;
use whosaid::{EntityKind, Extractor, Gender, QuoteKind};

use super::score::{is_speech_cue, normalize_name};
use crate::input::Lines;
use crate::Result;

/// Characters that count as quote marks when widening a direct quote's span.
const QUOTE_MARKS: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '‟', '‛',
];

/// A quote kind, in gold and system alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The whole content is quoted.
    Direct,
    /// Part of the content is quoted.
    Mixed,
    /// Nothing is quoted.
    Indirect,
}

/// The kinds in report order.
pub const KINDS: [Kind; 3] = [Kind::Direct, Kind::Mixed, Kind::Indirect];

impl Kind {
    /// The lowercase name used in the data and the report.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
        }
    }

    /// Parses a lowercase name.
    pub fn parse(name: &str) -> Option<Kind> {
        KINDS.into_iter().find(|k| k.name() == name)
    }

    /// The position of the kind in [`KINDS`].
    pub fn index(self) -> usize {
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
pub struct RawDoc {
    pub id: Option<String>,
    pub text: String,
    #[serde(default)]
    pub quotes: Option<Vec<RawQuote>>,
    /// Name annotations (CoNLL-2003 and our people fixtures); `None` when not annotated.
    #[serde(default)]
    pub entities: Option<Vec<RawEntity>>,
    /// Full names of the people mentioned and quoted, by gender (our people fixtures).
    #[serde(default)]
    pub doc_people_female: Option<Vec<String>>,
    #[serde(default)]
    pub doc_people_male: Option<Vec<String>>,
    #[serde(default)]
    pub doc_sources_female: Option<Vec<String>>,
    #[serde(default)]
    pub doc_sources_male: Option<Vec<String>>,
}

/// One annotated name, as written (character offsets).
#[derive(Debug, Deserialize)]
pub struct RawEntity {
    pub start: usize,
    pub end: usize,
    pub text: Option<String>,
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    pub ty: String,
}

/// One annotated attribution, as written (character offsets).
#[derive(Debug, Deserialize)]
pub struct RawQuote {
    pub start: usize,
    pub end: usize,
    pub text: Option<String>,
    pub kind: Kind,
    /// The source: as written (PolNeAR), or resolved to a full name (our people fixtures).
    pub speaker: Option<String>,
    /// The source as written, where `speaker` is resolved.
    pub speaker_text: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub cue: Option<String>,
    pub has_source: Option<bool>,
    /// The pieces of a discontinuous content; only counted, for diagnostics.
    pub fragments: Option<Vec<serde_json::Value>>,
}

/// A half-open span of CHARACTER offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Builds a span.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Its length in characters.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// How many characters it shares with `other`.
    pub fn overlap(self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// A gold attribution, in characters.
#[derive(Clone, Debug)]
pub struct Gold {
    pub kind: Kind,
    pub span: Span,
    pub speaker: Option<Span>,
    /// The source as written, for display.
    pub speaker_text: Option<String>,
    /// The gold `speaker`, compared with the system speaker's name.
    pub speaker_name: Option<String>,
    pub cue: Option<String>,
    pub has_source: bool,
    /// Whether the cue is a reporting word (see [`is_speech_cue`]).
    pub speech: bool,
    /// How many pieces the content has (1 unless discontinuous).
    pub pieces: usize,
}

/// A system quote, converted to characters, direct quotes widened by their marks.
#[derive(Clone, Debug)]
pub struct Sys {
    pub kind: Kind,
    pub span: Span,
    pub speaker: Option<Span>,
    pub speaker_text: Option<String>,
    /// The speaker's `name`: the entity's canonical name, or the words as written.
    pub speaker_name: Option<String>,
    pub cue: Option<String>,
    pub confidence: f32,
    /// The quoted pieces of an interrupted quote, each widened by its marks like a direct
    /// quote; empty for a quote in one piece (and for each part once split).
    pub parts: Vec<Span>,
}

/// An entity type scored: CoNLL's PER, ORG and LOC (MISC and nationalities are not scored).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntType {
    Per,
    Org,
    Loc,
}

/// The types in report order.
pub const ENT_TYPES: [EntType; 3] = [EntType::Per, EntType::Org, EntType::Loc];

impl EntType {
    /// CoNLL's name of the type.
    pub fn name(self) -> &'static str {
        match self {
            EntType::Per => "PER",
            EntType::Org => "ORG",
            EntType::Loc => "LOC",
        }
    }

    /// A gold type; `None` for MISC and anything else.
    pub fn parse(name: &str) -> Option<EntType> {
        ENT_TYPES.into_iter().find(|t| t.name() == name)
    }

    /// The type of a whosaid entity kind; `None` for nationalities.
    pub fn of_kind(kind: EntityKind) -> Option<EntType> {
        match kind {
            EntityKind::Person => Some(EntType::Per),
            EntityKind::Organization => Some(EntType::Org),
            EntityKind::Location => Some(EntType::Loc),
            // Nationalities, and any kind a later version may add.
            _ => None,
        }
    }

    /// The position of the type in [`ENT_TYPES`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A name span of one type, gold or system, in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub span: Span,
    pub ty: EntType,
    pub text: String,
}

/// A system person, for the gender count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Its name and every mention's text, normalized (see [`normalize_name`]).
    pub names: BTreeSet<String>,
    pub gender: Option<Gender>,
    /// Whether it is the `speaker.entity` of at least one quote.
    pub source: bool,
}

/// One article's gold people and sources by gender, normalized, in the order of
/// [`GENDER_ROWS`]: people female, people male, sources female, sources male.
pub type GenderGold = [BTreeSet<String>; 4];

/// The four rows of the gender count: label, gender, whether only sources count.
pub const GENDER_ROWS: [(&str, Gender, bool); 4] = [
    ("people female", Gender::Female, false),
    ("people male", Gender::Male, false),
    ("sources female", Gender::Female, true),
    ("sources male", Gender::Male, true),
];

/// One document with its gold and system quotes.
pub struct Doc {
    pub id: String,
    pub text: String,
    /// `c2b[i]` is the byte offset of character `i`; the last entry is `text.len()`.
    pub c2b: Vec<usize>,
    pub gold: Vec<Gold>,
    pub sys: Vec<Sys>,
    /// Gold names (PER, ORG, LOC), when the document has an `entities` array.
    pub gold_names: Option<Vec<Name>>,
    /// The spans of the gold MISC names, for the diagnostics.
    pub gold_misc: Vec<Span>,
    /// The system's entity mentions as names, one per span and type.
    pub sys_names: Vec<Name>,
    /// Gold people and sources by gender, when the document has the four lists.
    pub gender_gold: Option<GenderGold>,
    /// The system's persons.
    pub people: Vec<Person>,
}

/// Reads the documents of one file, at most `limit` of them; errors name the file and line.
pub fn read_file(path: &Path, limit: usize, lossy: bool) -> Result<Vec<(RawDoc, String, usize)>> {
    let mut lines = Lines::open(path)?;
    let name = lines.name().to_string();
    let mut docs = Vec::new();
    while docs.len() < limit {
        let Some(line) = lines.next() else {
            break;
        };
        let line = line?;
        let number = line.number;
        let (text, warning) = lines.text(line, lossy)?;
        if let Some(w) = warning {
            crate::warn(&w);
        }
        let raw: RawDoc =
            serde_json::from_str(&text).map_err(|e| format!("{name}:{number}: {e}"))?;
        docs.push((raw, name.clone(), number));
    }
    Ok(docs)
}

/// The byte offset of every character of `text`, plus `text.len()` at the end.
pub fn char_to_byte_table(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The character offset of byte offset `byte` (the next character boundary if `byte` is inside
/// a character, which whosaid never gives).
pub fn byte_to_char(c2b: &[usize], byte: usize) -> usize {
    match c2b.binary_search(&byte) {
        Ok(i) | Err(i) => i,
    }
}

/// The text of the characters `span`.
pub fn slice<'a>(text: &'a str, c2b: &[usize], span: Span) -> &'a str {
    &text[c2b[span.start]..c2b[span.end]]
}

/// The character at character offset `i`.
pub fn char_at(text: &str, c2b: &[usize], i: usize) -> Option<char> {
    (i + 1 < c2b.len())
        .then(|| text[c2b[i]..].chars().next())
        .flatten()
}

/// Checks a raw gold document and converts it to gold quotes; `Err` says what is wrong.
pub fn convert_gold(raw: &RawDoc, c2b: &[usize]) -> Result<Vec<Gold>> {
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
pub fn widen_direct(text: &str, c2b: &[usize], span: Span) -> Span {
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
pub fn convert_sys(doc: &whosaid::Document, text: &str, c2b: &[usize]) -> Vec<Sys> {
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
pub fn split_parts(sys: Vec<Sys>) -> Vec<Sys> {
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
pub fn part_votes(gold: &[Span], sys: &[Sys]) -> (usize, usize) {
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
pub fn convert_gold_names(
    raw: &[RawEntity],
    text: &str,
    c2b: &[usize],
) -> Result<(Vec<Name>, Vec<Span>)> {
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
pub fn convert_sys_names(doc: &whosaid::Document, text: &str, c2b: &[usize]) -> Vec<Name> {
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
pub fn convert_people(doc: &whosaid::Document) -> Vec<Person> {
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
pub fn convert_gender_gold(raw: &RawDoc) -> Option<GenderGold> {
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

/// Extracts one document and converts gold and system output to characters.
pub fn load_doc(
    extractor: &Extractor,
    raw: RawDoc,
    file: &str,
    line: usize,
) -> Result<(Doc, Duration)> {
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
