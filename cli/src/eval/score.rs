//! Scoring, in pure functions: gold quotes matched to system quotes, reporting words, cues,
//! speaker names, entity and gender counts, precision, recall and F1.

use std::collections::BTreeSet;

use super::doc::{EntType, GenderGold, Gold, Name, Person, Span, Sys, GENDER_ROWS};

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

/// Irregular forms of the reporting words, mapped to their lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("writ", "write"),
];

/// The result of matching one document's gold quotes to its system quotes at one threshold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matching {
    /// For each gold quote, the system quote that found it.
    pub gold_to_sys: Vec<Option<usize>>,
    /// For each system quote, the gold quote it found.
    pub sys_to_gold: Vec<Option<usize>>,
}

/// Matches gold spans to system spans as the Gender Gap Tracker does: each gold quote, in order,
/// takes the unused system quote that covers most of its characters, and is found when that
/// quote covers MORE than `threshold` of them. Each system quote matches at most one gold quote.
/// Ties go to the earlier system quote; empty gold spans are never found.
pub fn match_spans(gold: &[Span], sys: &[Span], threshold: f64) -> Matching {
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
pub fn is_speech_cue(cue: &str) -> bool {
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
pub fn normalize_cue(cue: &str) -> String {
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
pub fn same_cue(gold: &str, sys: Option<&str>) -> bool {
    sys.is_some_and(|s| normalize_cue(s) == normalize_cue(gold))
}

/// Whether the system's speaker is right: its span overlaps the gold speaker's span, or, when
/// the gold attribution has no speaker span, the system has no speaker either.
pub fn speaker_correct(gold: &Gold, sys: &Sys) -> bool {
    match (gold.speaker, sys.speaker) {
        (Some(g), Some(s)) => g.overlap(s) > 0,
        (None, None) => true,
        _ => false,
    }
}

/// A name for comparison, as the Gender Gap Tracker normalizes it: a final "'s" or "’s"
/// dropped, punctuation to spaces, lowercase, spaces collapsed ("Ms. O’Brien’s" is
/// "ms o brien").
pub fn normalize_name(name: &str) -> String {
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
pub fn name_correct(gold: &Gold, sys: &Sys) -> bool {
    match (&gold.speaker_name, &sys.speaker_name) {
        (Some(g), Some(s)) => normalize_name(g) == normalize_name(s),
        (None, None) => true,
        _ => false,
    }
}

/// What kind of name the system gave, for the speaker-name diagnostics.
pub fn name_category(sys: Option<&str>) -> &'static str {
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
pub struct NameCounts {
    pub gold: [usize; 3],
    pub sys: [usize; 3],
    /// System names whose span and type are a gold name's.
    pub correct: [usize; 3],
    /// The same for spans of any scored type, each span once.
    pub span_gold: usize,
    pub span_sys: usize,
    pub span_correct: usize,
}

impl NameCounts {
    /// Adds `b` into `self`.
    pub fn add(&mut self, b: &NameCounts) {
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
pub fn count_names(gold: &[Name], sys: &[Name]) -> NameCounts {
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
pub fn name_note(name: &Name, other: &[Name], misc: &[Span]) -> String {
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
pub struct GenderCounts {
    /// Gold names.
    pub gold: usize,
    /// Gold names that a system person of the gender has.
    pub found: usize,
    /// System persons of the gender (sources only, in a sources row).
    pub sys: usize,
    /// Those whose name or a mention is a gold name of the gender.
    pub sys_right: usize,
}

/// Counts one article's people and sources by gender, in the order of [`GENDER_ROWS`].
pub fn count_gender(gold: &GenderGold, people: &[Person]) -> [GenderCounts; 4] {
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
pub fn prf(sys_matched: usize, sys: usize, found: usize, gold: usize) -> (f64, f64, f64) {
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

/// The harmonic mean of `p` and `r`, 0 when both are 0.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}
