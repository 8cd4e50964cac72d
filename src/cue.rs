//! Cues: reporting verbs and phrases ("said", "emphasized", "according to"), found by stem so
//! that every inflection counts.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use rust_stemmers::{Algorithm, Stemmer};

use crate::hash::FastMap;
use crate::span::Span;
use crate::text::{is_word_char, word_bit, word_hash, Run};

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

/// The cue words, built once ([`lexicon`]).
pub(crate) struct Lexicon {
    /// The first four letters of each base form (or all, when shorter): a cue word starts
    /// with one of them, in any ASCII case.
    prefixes: Vec<String>,
    /// Every verb form a cue may take, lowercase, to the base form of its stem group and its
    /// class, kept only if it starts with a prefix. Nouns that share a verb's stem
    /// ("reporters", "information", "statement") are not forms of it, so they are no cues.
    forms: FastMap<Box<[u8]>, (&'static str, CueClass)>,
    /// Bit set of the [`word_hash`] of every form and of "according": most words are ruled
    /// out by it before their lowercase is looked up.
    hashes: Box<[u64; HASH_BITS / 64]>,
}

/// Size of `Lexicon::hashes`, a power of two: about one bit in eighty set, so that few
/// words that are no cue get as far as a look-up.
const HASH_BITS: usize = 1 << 16;

/// Words longer than this are never cues.
const LONGEST_FORM: usize = 20;

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
    let mut forms: HashMap<String, (&'static str, CueClass)> = HashMap::new();
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
    prefixes.retain(|p| p != "according to");
    // A form no prefix begins ("noting" for "note") is left out: cue words are those that
    // start like their verb.
    forms.retain(|form: &String, _| prefixes.iter().any(|p| form.starts_with(p.as_str())));
    let mut hashes = Box::new([0u64; HASH_BITS / 64]);
    mark(
        forms.keys().map(String::as_bytes),
        &mut hashes[..],
        HASH_BITS - 1,
    );
    let forms = forms
        .into_iter()
        .map(|(form, v)| (form.into_bytes().into_boxed_slice(), v))
        .collect();
    Lexicon {
        prefixes,
        forms,
        hashes,
    }
});

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

/// The lexicon, for [`cue_of_run`]: asked once an article, not once a word.
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Appends every cue in `text`, in order, given its runs of word chars. (The extractor hands
/// the runs to [`cue_of_run`] from the name matcher's walk instead.)
///
/// A cue is a whole word (a run of letters after a char that is neither a letter, a digit,
/// a hyphen nor an apostrophe inside a word) that is a form of a reporting verb, or
/// "according to". A capitalized form counts only at a sentence start, so that "Says" in a
/// headline or "Hope" as a name is no cue. Such a word starts a [`Run`]; a run of ASCII
/// letters, nearly all of them, is ruled in or out by its hash before anything is read.
#[cfg(test)]
pub(crate) fn find_cues(text: &str, runs: &[Run], out: &mut Vec<Cue>) {
    for r in runs {
        cue_of_run(lexicon(), text, r, out);
    }
}

/// The cue finder for one run: appends the cue the run starts, if any.
#[inline]
pub(crate) fn cue_of_run(lex: &Lexicon, text: &str, r: &Run, out: &mut Vec<Cue>) {
    let letters = if r.letters {
        let bit = word_bit(r.hash, HASH_BITS - 1);
        if lex.hashes[bit / 64] & (1 << (bit % 64)) == 0 {
            return;
        }
        r.end
    } else {
        // The letters the run starts with ("said2": "said").
        let word = &text[r.start..r.end];
        r.start
            + word
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(word.len())
    };
    if letters > r.start {
        if let Some(cue) = cue_at(lex, text, r.start, letters) {
            out.push(cue);
        }
    }
}

/// Sets, in a bit set of `mask + 1` bits keyed by [`word_bit`], the bit of every word a run
/// of ASCII letters must be to start a cue: a run whose bit is clear starts none.
pub(crate) fn mark_words(set: &mut [u64], mask: usize) {
    mark(LEXICON.forms.keys().map(|f| &f[..]), set, mask);
}

/// Sets the bit of each form and of "according" in a bit set of `mask + 1` bits.
fn mark<'f>(forms: impl Iterator<Item = &'f [u8]>, set: &mut [u64], mask: usize) {
    for form in forms.chain([&b"according"[..]]) {
        let bit = word_bit(word_hash(form), mask);
        set[bit / 64] |= 1 << (bit % 64);
    }
}

/// The cue whose letters are `text[start..end]`, a word start, if it is one.
fn cue_at(lex: &Lexicon, text: &str, start: usize, end: usize) -> Option<Cue> {
    let word = &text[start..end];
    if word.len() > LONGEST_FORM {
        return None;
    }
    let b = text.as_bytes();
    let before = &text[..start];
    let glued = || {
        // "so-called", "O'said": joined to the word before.
        match before.chars().next_back() {
            Some('-') => true,
            Some(a) if a == '\'' || a == '\u{2019}' => before[..before.len() - a.len_utf8()]
                .chars()
                .next_back()
                .is_some_and(is_word_char),
            _ => false,
        }
    };
    if word.eq_ignore_ascii_case("according") {
        let phrase = start + "according to".len();
        let is_phrase = b
            .get(start..phrase)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"according to"));
        if !is_phrase || glued() || text[phrase..].starts_with(is_word_char) {
            return None;
        }
        return Some(Cue {
            span: Span::new(start, phrase),
            class: CueClass::According,
            lemma: "according to",
        });
    }
    let (lemma, class) = if word.is_ascii() {
        let mut buf = [0u8; LONGEST_FORM];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        *lex.forms.get(&*lower)?
    } else {
        // Rare: a letter outside ASCII. It must still start like its verb in ASCII.
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        let head = |p: &String| {
            b[start..]
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
        };
        if !lex.prefixes.iter().any(head) {
            return None;
        }
        *lex.forms.get(lower.as_bytes())?
    };
    if glued() {
        return None;
    }
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    if capitalized && !at_sentence_start(before) {
        return None;
    }
    Some(Cue {
        span: Span::new(start, end),
        class,
        lemma,
    })
}

/// Whether text ending in `before` leaves the next word at the start of a sentence, a
/// quote, a headline or an aside.
fn at_sentence_start(before: &str) -> bool {
    before
        .trim_end_matches([' ', '\u{a0}'])
        .chars()
        .next_back()
        .map_or(true, |c| {
            matches!(
                c,
                '\n' | '.'
                    | '!'
                    | '?'
                    | '"'
                    | '\u{201c}'
                    | '\u{201d}'
                    | ':'
                    | '\u{2014}'
                    | '('
                    | '\u{2018}'
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The cue finder as first written, with the prefix search done by brute force: at each
    /// position the longest prefix that matches (ASCII case ignored) is taken, and the search
    /// goes on after it, as a leftmost-longest automaton does.
    fn find_cues_reference(text: &str) -> Vec<Cue> {
        let lex = &*LEXICON;
        let mut all: Vec<&str> = lex.prefixes.iter().map(String::as_str).collect();
        all.push("according to");
        let mut out = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let longest = all
                .iter()
                .filter(|p| {
                    text.as_bytes()[start..]
                        .get(..p.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
                        // A fix over the first version: "according to" inside "according
                        // told" no longer hides "told".
                        && (**p != "according to"
                            || !text[start + p.len()..].starts_with(is_word_char))
                })
                .map(|p| p.len())
                .max();
            let Some(len) = longest else {
                start += text[start..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            let (m_start, m_end) = (start, start + len);
            start = m_end;
            let prev = text[..m_start].chars().next_back();
            if prev.is_some_and(|c| is_word_char(c) || c == '-') {
                continue;
            }
            let before = &text[..m_start];
            if before.ends_with(['\'', '\u{2019}'])
                && before[..before.len() - prev.map_or(0, char::len_utf8)]
                    .chars()
                    .next_back()
                    .is_some_and(is_word_char)
            {
                continue;
            }
            if len == "according to".len()
                && text[m_start..m_end].eq_ignore_ascii_case("according to")
            {
                if !text[m_end..].starts_with(is_word_char) {
                    out.push(Cue {
                        span: Span::new(m_start, m_end),
                        class: CueClass::According,
                        lemma: "according to",
                    });
                }
                continue;
            }
            let end = m_start
                + text[m_start..]
                    .char_indices()
                    .find(|&(_, c)| !c.is_alphabetic())
                    .map_or(text.len() - m_start, |(i, _)| i);
            let word = &text[m_start..end];
            let capitalized = word.chars().next().is_some_and(|c| c.is_uppercase());
            let sentence_start = at_sentence_start(before);
            if word.len() > LONGEST_FORM || (capitalized && !sentence_start) {
                continue;
            }
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            if let Some(&(lemma, class)) = lex.forms.get(lower.as_bytes()) {
                out.push(Cue {
                    span: Span::new(m_start, end),
                    class,
                    lemma,
                });
            }
        }
        out
    }

    proptest! {
        #[test]
        fn find_cues_equals_the_reference(
            words in prop::collection::vec(
                "said|Said|SAID|says|told|noting|noted|according|to|According to|to|hope|Hoping|\
                 emphasized|x|2|-|'|\u{2019}|O|U|S|\\.|Gov|\u{e9}|\u{212a}now|. |, |\u{201c}| |\n|\u{a0}",
                0..14,
            )
        ) {
            let text: String = words.concat();
            let (mut runs, mut got) = (Vec::new(), Vec::new());
            crate::text::tokenize(&text, &mut Vec::new(), &mut runs);
            find_cues(&text, &runs, &mut got);
            prop_assert_eq!(got, find_cues_reference(&text));
        }
    }

    fn cues(text: &str) -> Vec<(&str, &'static str)> {
        let (mut runs, mut out) = (Vec::new(), Vec::new());
        crate::text::tokenize(text, &mut Vec::new(), &mut runs);
        find_cues(text, &runs, &mut out);
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
