//! Cues: reporting verbs and phrases ("said", "emphasized", "according to"), found by stem so
//! that every inflection counts.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use rust_stemmers::{Algorithm, Stemmer};

use crate::span::Span;
use crate::text::{is_word_char, prev_char};

/// How a cue takes its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// Takes a clause, with or without "that": said, told, argued.
    Clause,
    /// Takes a clause only after "that" (or a wh-word): emphasized, indicated, expressed.
    ThatClause,
    /// Names what something is, speech only with a quoted fragment: called, labeled.
    Naming,
    /// "according to X".
    According,
}

/// A cue found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    /// The cue as written: one word, or "according to".
    pub(crate) span: Span,
    pub(crate) class: CueClass,
    /// Speech verbs whose subject is the speaker even without a content clause.
    pub(crate) lemma: &'static str,
}

/// Reporting verbs by class. Each is a base form; inflections are reached through the stemmer.
#[rustfmt::skip]
const CLAUSE: &[&str] = &[
    "say", "tell", "add", "claim", "argue", "insist", "write", "warn", "think", "believe",
    "predict", "contend", "assert", "explain", "report", "note", "acknowledge", "admit", "announce",
    "confirm", "estimate", "suggest", "reply", "respond", "declare", "testify", "allege", "recall",
    "concede", "complain", "tweet", "reiterate", "maintain", "answer", "caution", "boast", "joke",
    "conclude", "agree", "assure", "inform", "remind", "observe", "remark", "comment", "mention",
    "promise", "vow", "pledge", "stress", "emphasize", "emphasise", "state", "fear", "hope", "ask",
    "wonder", "speculate", "counter", "retort", "continue", "quip", "scoff", "concur",
];
#[rustfmt::skip]
const THAT_CLAUSE: &[&str] = &[
    "indicate", "express", "signal", "hint", "imply", "stipulate", "underline", "underscore",
    "highlight", "propose", "recommend", "demand", "urge", "insinuate", "reveal", "disclose",
    "deny", "accuse", "charge", "point", "show", "find", "learn", "know", "understand", "encourage",
    "implore",
];
const NAMING: &[&str] = &["call", "label", "brand", "dub", "term", "describe", "deem"];
/// Irregular past forms the stemmer does not bring back to their base.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("thought", "think"),
    ("shown", "show"),
    ("found", "find"),
    ("knew", "know"),
    ("known", "know"),
    ("learned", "learn"),
    ("learnt", "learn"),
    ("understood", "understand"),
];

struct Lexicon {
    /// Prefixes that any form of a cue starts with; a hit is confirmed by its whole word.
    prefilter: AhoCorasick,
    /// Every verb form a cue may take, lowercase, to the base form of its stem group and its
    /// class. Nouns that share a verb's stem ("reporters", "information", "statement") are not
    /// forms of it, so they are no cues.
    forms: HashMap<String, (&'static str, CueClass)>,
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    // Verbs are grouped by their Snowball stem, so that spellings and inflections of one verb
    // ("emphasize", "emphasised", "emphasizing") share one base form; the grouping is done
    // once here, and a text word is then looked up by its form alone.
    let stemmer = Stemmer::create(Algorithm::English);
    let mut stems: HashMap<String, (&'static str, CueClass)> = HashMap::new();
    let mut all_forms: Vec<(String, &'static str)> = Vec::new();
    let mut prefixes: Vec<String> = vec!["according to".to_string()];
    let classes = [
        (CLAUSE, CueClass::Clause),
        (THAT_CLAUSE, CueClass::ThatClause),
        (NAMING, CueClass::Naming),
    ];
    for (words, class) in classes {
        for &w in words {
            for form in inflections(w) {
                stems
                    .entry(stemmer.stem(&form).into_owned())
                    .or_insert((w, class));
                all_forms.push((form, w));
            }
            let p: String = w.chars().take(4).collect();
            prefixes.push(p);
        }
    }
    for &(form, base) in IRREGULAR {
        let class = stems.get(&stemmer.stem(base).into_owned()).map(|e| e.1);
        if let Some(class) = class {
            stems.insert(form.to_string(), (base, class));
            all_forms.push((form.to_string(), base));
            prefixes.push(form.chars().take(4).collect());
        }
    }
    let mut forms = HashMap::new();
    for (form, base) in all_forms {
        let group = stems
            .get(form.as_str())
            .or_else(|| stems.get(stemmer.stem(&form).as_ref()))
            .or_else(|| stems.get(stemmer.stem(base).as_ref()))
            .copied();
        if let Some(group) = group {
            forms.entry(form).or_insert(group);
        }
    }
    prefixes.sort();
    prefixes.dedup();
    // A handful of short prefixes: a DFA is small and the fastest to scan with.
    let prefilter = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&prefixes)
        .expect("cue prefixes build");
    Lexicon { prefilter, forms }
});

/// The regular inflections of a verb, since the stemmer does not always bring them to the
/// same stem ("added" stems to "ad", "add" to "add").
fn inflections(w: &str) -> Vec<String> {
    let mut v = vec![w.to_string(), format!("{w}s"), format!("{w}ing")];
    if let Some(stem) = w.strip_suffix('e') {
        v.push(format!("{w}d"));
        v.push(format!("{stem}ing"));
    } else if let Some(stem) = w.strip_suffix('y') {
        v.push(format!("{stem}ied"));
        v.push(format!("{stem}ies"));
        v.push(format!("{w}ed"));
    } else {
        v.push(format!("{w}ed"));
    }
    // A final consonant doubles after a short vowel: "admitted", "labelled".
    let b = w.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    if b.len() >= 3 {
        let (x, y, z) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
        if !vowel(x) && vowel(y) && !vowel(z) && !b"wxy".contains(&z) {
            let last = z as char;
            v.push(format!("{w}{last}ed"));
            v.push(format!("{w}{last}ing"));
        }
    }
    v
}

/// Forces the lexicon to be built, so the first `extract` does not pay for it.
pub(crate) fn warm() {
    Lazy::force(&LEXICON);
}

/// Finds every cue in `text`.
pub(crate) fn find_cues(text: &str, out: &mut Vec<Cue>) {
    let lex = &*LEXICON;
    let mut buf = String::new();
    for m in lex.prefilter.find_iter(text) {
        let start = m.start();
        // Inside a word, or the second half of a compound ("so-called", "well-known").
        if prev_char(text, start).is_some_and(|c| is_word_char(c) || c == '-') {
            continue;
        }
        // After an inner apostrophe ("a’added", "don't"), still inside one word.
        let before = &text[..start];
        if before.ends_with(['\'', '’'])
            && prev_char(
                before,
                before.len() - prev_char(before, before.len()).map_or(0, char::len_utf8),
            )
            .is_some_and(is_word_char)
        {
            continue;
        }
        if m.end() - start == "according to".len()
            && text[start..m.end()].eq_ignore_ascii_case("according to")
        {
            if !text[m.end()..].starts_with(|c: char| is_word_char(c)) {
                out.push(Cue {
                    span: Span::new(start, m.end()),
                    class: CueClass::According,
                    lemma: "according to",
                });
            }
            continue;
        }
        let end = start
            + text[start..]
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(text.len() - start, |(i, _)| i);
        let word = &text[start..end];
        // A capitalized cue word mid-sentence is part of a name ("Pediatric Reports").
        let capitalized = word.chars().next().is_some_and(|c| c.is_uppercase());
        let sentence_start = text[..start]
            .trim_end_matches([' ', '\u{a0}'])
            .chars()
            .next_back()
            .map_or(true, |c| {
                matches!(
                    c,
                    '\n' | '.' | '!' | '?' | '"' | '“' | '”' | ':' | '—' | '(' | '‘'
                )
            });
        if word.len() > 20 || (capitalized && !sentence_start) {
            continue;
        }
        buf.clear();
        buf.extend(word.chars().flat_map(|c| c.to_lowercase()));
        if let Some(&(lemma, class)) = lex.forms.get(buf.as_str()) {
            out.push(Cue {
                span: Span::new(start, end),
                class,
                lemma,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<(&str, &'static str)> {
        let mut out = Vec::new();
        find_cues(text, &mut out);
        out.iter()
            .map(|c| (&text[c.span.range()], c.lemma))
            .collect()
    }

    #[test]
    fn inflections_by_stem() {
        assert_eq!(
            cues("She says, he said, they are saying; Lavrov emphasized, stated. Labelled"),
            [
                ("says", "say"),
                ("said", "say"),
                ("saying", "say"),
                ("emphasized", "emphasize"),
                ("stated", "state"),
                ("Labelled", "label")
            ]
        );
    }

    #[test]
    fn lookalikes_are_not_cues() {
        assert!(cues("the station's statistics, a thing, additional address, nothing").is_empty());
        assert_eq!(
            cues("according to him; According to the"),
            [
                ("according to", "according to"),
                ("According to", "according to")
            ]
        );
    }
}
