//! Throughput of `Extractor::extract`, build times of gazetteers up to a million names, and
//! adversarial inputs, each beside the raw search it has to beat.
//!
//! ```text
//! # everything, with the short settings (about 5 minutes on 2 cores, most of it building the
//! # 1,000,000-name gazetteer and its baseline automaton once)
//! CARGO_TARGET_DIR=/work/target-bench cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3
//! # one group, or one benchmark: the filter is a regex over "group/id"
//! cargo bench --bench extract -- extract/
//! cargo bench --bench extract -- extract/seed/
//! cargo bench --bench extract -- 'extract/corpus/1m'
//! cargo bench --bench extract -- polnear
//! cargo bench --bench extract -- build/
//! cargo bench --bench extract -- adversarial/
//! ```
//!
//! Groups (a summary table with MiB/s and ratios is printed at the end of every run):
//!
//! - `extract/seed` and `extract/corpus`, with `Throughput::Bytes`: the seed article, and a
//!   corpus of >= 10 MiB of news text extracted one article per `extract` call (~3,600
//!   articles, as archives are processed). Each gazetteer (`builtin`; `100k` and `1m`: that
//!   many synthetic person entries plus the built-in set) has a `<gazetteer>-ac` twin: ONE
//!   `aho_corasick` leftmost-longest pass over every name and alias of `ex.entries()`, counting
//!   matches over the same text; the summary prints extract's ratio to it.
//! - `extract/polnear`, with `Throughput::Bytes`: the same comparison (`builtin` and
//!   `builtin-ac`) on real news, PolNeAR's development articles (`text` of each line of
//!   `../shared/eval/polnear_dev.jsonl` from the crate root, up to 2 MiB; 84 articles,
//!   0.4 MiB), one `extract` per article. Skipped with a note when the file is missing.
//! - `extract/corpus-one-call`: the whole corpus as ONE text. Probed first at 1/64, 1/16, 1/4
//!   of its size to see how `extract` scales with one input's length; timed by criterion only
//!   if one run is short, else reported from the probe (or predicted, when over budget).
//! - `extract/corpus-paired/builtin`: the corpus ratio measured in 11 alternating rounds of
//!   `extract` and the baseline, the ratio taken within each round; the median and range are
//!   printed under the summary. Steadier than two criterion estimates
//!   on a drifting machine.
//! - `build/builtin`, `build/100k`, `build/1m`: `ExtractorBuilder::build` with the entries
//!   already parsed (the JSON Lines parse of the generated gazetteers is timed once and
//!   printed). A build that takes over 3 s is reported from its one timed run, with
//!   `memory_usage()` and the process RSS before and after.
//! - `adversarial/<input>`, 2 MiB each, beside `adversarial/ordinary` (a 2 MiB slice of the
//!   corpus): quote marks only, quotes nested 50,000 deep, one 2 MiB sentence, a storm of cue
//!   words, a storm of titles before one name, one 2 MiB word, and one paragraph of
//!   alternating direct quotes and reported speech. Each is probed at 32 KiB,
//!   128 KiB, 512 KiB and 2 MiB (`adversarial-probe/<input>@<size>`), stopping before a size
//!   predicted from the growth so far to take over 15 s; criterion repeats only runs under
//!   1.5 s.
//!
//! The corpus is built in memory from `tests/fixtures/*.txt`: the articles are cycled and their
//! paragraphs shuffled (headline first) with a fixed-seed PRNG, so it is deterministic and not
//! one article repeated verbatim. Synthetic gazetteers are deterministic too: "Firstname
//! Lastname" from syllable lists, unique ids and surnames, each surname also an alias. Nothing
//! expensive is built for a group the filter leaves out, and everything a benchmark needs is
//! built (and reported on stderr as `[setup]`) before its timing starts.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode};
use criterion::{measurement::WallTime, Throughput};
use once_cell::sync::Lazy;
use whosaid::{EntityKind, Entry, Extractor, ExtractorBuilder};

const MIB: usize = 1024 * 1024;
/// Size of the `corpus` and `articles` inputs.
const CORPUS_BYTES: usize = 10 * MIB;
/// At most this much of PolNeAR's article text goes into the `polnear` input.
const POLNEAR_BYTES: usize = 2 * MIB;
/// Size of each adversarial input.
const ADVERSARIAL_BYTES: usize = 2 * MIB;
/// Depth of the nested-quotes input at `ADVERSARIAL_BYTES`.
const NESTING: usize = 50_000;
/// An adversarial input predicted to take longer than this at full size is not run.
const PROBE_BUDGET: Duration = Duration::from_secs(15);
/// An input whose single run takes longer than this is reported from the probe only.
const CRITERION_MAX_RUN: Duration = Duration::from_millis(1500);
/// A gazetteer whose single build takes longer than this is reported from that run only.
const CRITERION_MAX_BUILD: Duration = Duration::from_secs(3);

// ---------------------------------------------------------------------------------------------
// Deterministic inputs

/// splitmix64: small, fast, good enough to shuffle paragraphs reproducibly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `tests/fixtures/*.txt`, sorted by file name, each as its list of paragraphs.
static FIXTURES: Lazy<Vec<(String, Vec<String>)>> = Lazy::new(|| {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures")
        .map(|e| e.expect("tests/fixtures entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("fixture is UTF-8");
            let paragraphs = text
                .lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                paragraphs,
            )
        })
        .collect()
});

static SEED: Lazy<String> = Lazy::new(|| {
    std::fs::read_to_string(fixtures_dir().join("seed-article.txt")).expect("seed article")
});

/// At least `CORPUS_BYTES` of articles: fixtures cycled, body paragraphs shuffled.
static ARTICLES: Lazy<Vec<String>> = Lazy::new(|| {
    let mut rng = Rng(0x5eed_2025);
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < CORPUS_BYTES {
        let (_, paragraphs) = &FIXTURES[i % FIXTURES.len()];
        i += 1;
        let Some((head, body)) = paragraphs.split_first() else {
            continue;
        };
        let mut body: Vec<&String> = body.iter().collect();
        rng.shuffle(&mut body);
        let mut article = String::with_capacity(4096);
        article.push_str(head);
        for p in body {
            article.push_str("\n\n");
            article.push_str(p);
        }
        article.push('\n');
        total += article.len() + 1;
        out.push(article);
    }
    out
});

/// PolNeAR's development articles (`text` of each line of `../shared/eval/polnear_dev.jsonl`,
/// relative to the crate root), whole articles up to `POLNEAR_BYTES`; `None` when the file is
/// not there (a clone without the evaluation data).
static POLNEAR: Lazy<Option<Vec<String>>> = Lazy::new(|| {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear_dev.jsonl");
    let jsonl = match std::fs::read_to_string(&path) {
        Ok(jsonl) => jsonl,
        Err(e) => {
            eprintln!(
                "[setup] polnear: {}: {e}; extract/polnear is skipped",
                path.display()
            );
            return None;
        }
    };
    let mut texts = Vec::new();
    let mut total = 0;
    for (i, line) in jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let article: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
        let text = article["text"]
            .as_str()
            .unwrap_or_else(|| panic!("{}:{}: no \"text\"", path.display(), i + 1));
        if total + text.len() > POLNEAR_BYTES {
            break;
        }
        total += text.len();
        texts.push(text.to_string());
    }
    eprintln!(
        "[setup] polnear: {:.2} MiB in {} articles from {}",
        mib(total),
        texts.len(),
        path.display()
    );
    Some(texts)
});

/// The articles joined into one text, blank line between articles.
static CORPUS: Lazy<String> = Lazy::new(|| ARTICLES.join("\n"));

/// Words of the fixtures without sentence or quote punctuation, for the one-sentence input.
static VOCABULARY: Lazy<Vec<String>> = Lazy::new(|| {
    let mut words = Vec::new();
    for (_, paragraphs) in FIXTURES.iter() {
        for p in paragraphs {
            for w in p.split_whitespace() {
                let w: String = w
                    .chars()
                    .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
                    .collect();
                if !w.is_empty() {
                    words.push(w);
                }
            }
        }
    }
    words
});

// ---------------------------------------------------------------------------------------------
// Synthetic gazetteers

/// 100 three-letter syllables, consonant-vowel-consonant, so concatenations are unambiguous.
fn syllables() -> Vec<String> {
    const C: &[u8] = b"bdfgklmnprstvz";
    const V: &[u8] = b"aeiou";
    const E: &[u8] = b"lnrst";
    let all = C.len() * V.len() * E.len(); // 350
    (0..100)
        .map(|j| {
            let k = (j * 3) % all;
            let s = [
                C[k % C.len()],
                V[(k / C.len()) % V.len()],
                E[(k / (C.len() * V.len())) % E.len()],
            ];
            String::from_utf8(s.to_vec()).unwrap()
        })
        .collect()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `n` person entries, "Firstname Lastname" with the surname as alias. Surnames are unique
/// (three syllables from a bijective scramble of the index, so up to 1,000,000), first names
/// come from 32 x 32 syllable pairs.
fn synthetic_entries(n: usize) -> Vec<Entry> {
    const FIRST_A: [&str; 32] = [
        "Al", "Be", "Ca", "Da", "E", "Fa", "Ga", "Ha", "I", "Jo", "Ka", "Le", "Ma", "Na", "O",
        "Pa", "Ra", "Sa", "Ta", "U", "Va", "Wi", "Ya", "Za", "Ro", "Mi", "Lu", "Ce", "De", "Fe",
        "Gi", "Ho",
    ];
    const FIRST_B: [&str; 32] = [
        "bel", "dric", "na", "ra", "lia", "mon", "ton", "vin", "ric", "dan", "sha", "len", "mir",
        "rek", "tha", "via", "nor", "lan", "bert", "ka", "ro", "dia", "nes", "ven", "tor", "lio",
        "mar", "cia", "nio", "sef", "gor", "wen",
    ];
    assert!(
        n <= 1_000_000,
        "synthetic surnames are unique up to 1,000,000"
    );
    let syl = syllables();
    let mut rng = Rng(0x6a2e_77e7);
    (0..n)
        .map(|i| {
            // 7919 is prime and coprime with 10^6: a bijection on 0..10^6.
            let p = (i * 7919 + 12_345) % 1_000_000;
            let surname = capitalize(&format!(
                "{}{}{}",
                syl[p / 10_000],
                syl[(p / 100) % 100],
                syl[p % 100]
            ));
            let h = rng.next() as usize;
            let first = format!("{}{}", FIRST_A[h % 32], FIRST_B[(h / 32) % 32]);
            let mut e = Entry::new(
                format!("synth-{i:07}"),
                EntityKind::Person,
                format!("{first} {surname}"),
            );
            e.aliases.push(surname);
            e
        })
        .collect()
}

fn to_jsonl(entries: &[Entry]) -> String {
    let mut s = String::with_capacity(entries.len() * 96);
    for e in entries {
        let line = serde_json::json!({
            "id": e.id, "kind": "person", "name": e.name, "aliases": e.aliases,
        });
        s.push_str(&line.to_string());
        s.push('\n');
    }
    s
}

fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or("?".to_string(), |kb| format!("{:.0} MiB", kb / 1024.0))
    };
    format!("rss {}, peak rss {}", field("VmRSS:"), field("VmHWM:"))
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / MIB as f64
}

/// A builder holding the built-in set plus `n` synthetic entries, parsed from JSON Lines as a
/// user's file would be (the parse is timed once and printed).
fn synthetic_builder(n: usize, label: &str) -> ExtractorBuilder {
    let t = Instant::now();
    let jsonl = to_jsonl(&synthetic_entries(n));
    let generated = t.elapsed();
    let t = Instant::now();
    let mut builder = Extractor::builder();
    builder
        .gazetteer_str(&format!("synthetic-{label}.jsonl"), &jsonl)
        .expect("synthetic gazetteer parses");
    eprintln!(
        "[setup] gazetteer {label}: generated {n} entries ({:.1} MiB JSONL) in {:.2?}; \
         gazetteer_str parse {:.2?}",
        mib(jsonl.len()),
        generated,
        t.elapsed()
    );
    builder
}

/// One timed `build()` per gazetteer label, taken when its extractor was first needed.
static BUILD_ONE_RUN: Mutex<Vec<(&'static str, Duration)>> = Mutex::new(Vec::new());

fn built(builder: &ExtractorBuilder, label: &'static str) -> Extractor {
    let before = rss();
    let t = Instant::now();
    let ex = builder.build().expect("builds");
    let took = t.elapsed();
    BUILD_ONE_RUN.lock().unwrap().push((label, took));
    eprintln!(
        "[setup] build {label}: {took:.2?} (one run), {} entries, memory_usage() {:.1} MiB; \
         before: {before}; after: {}",
        ex.entries().len(),
        mib(ex.memory_usage()),
        rss()
    );
    ex
}

static BUILDER_100K: Lazy<ExtractorBuilder> = Lazy::new(|| synthetic_builder(100_000, "100k"));
static BUILDER_1M: Lazy<ExtractorBuilder> = Lazy::new(|| synthetic_builder(1_000_000, "1m"));

static EX_BUILTIN: Lazy<Extractor> = Lazy::new(|| {
    let ex = Extractor::new();
    eprintln!(
        "[setup] builtin: {} entries, memory_usage() {:.2} MiB",
        ex.entries().len(),
        mib(ex.memory_usage())
    );
    ex
});
static EX_100K: Lazy<Extractor> = Lazy::new(|| built(&BUILDER_100K, "100k"));
static EX_1M: Lazy<Extractor> = Lazy::new(|| built(&BUILDER_1M, "1m"));

/// The naive baseline: every name and alias of the extractor's entries in one leftmost-longest
/// automaton, as `AhoCorasick::builder()` builds it by default.
fn baseline(ex: &Extractor, label: &str) -> AhoCorasick {
    let t = Instant::now();
    let mut patterns: Vec<&str> = Vec::new();
    for e in ex.entries() {
        patterns.push(&e.name);
        patterns.extend(e.aliases.iter().map(String::as_str));
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("baseline automaton");
    eprintln!(
        "[setup] baseline {label}: {} patterns, {:?}, built in {:.2?}, {:.1} MiB",
        patterns.len(),
        ac.kind(),
        t.elapsed(),
        mib(ac.memory_usage())
    );
    ac
}

static AC_BUILTIN: Lazy<AhoCorasick> = Lazy::new(|| baseline(&EX_BUILTIN, "builtin"));
static AC_100K: Lazy<AhoCorasick> = Lazy::new(|| baseline(&EX_100K, "100k"));
static AC_1M: Lazy<AhoCorasick> = Lazy::new(|| baseline(&EX_1M, "1m"));

struct Gazetteer {
    label: &'static str,
    extractor: &'static Lazy<Extractor>,
    baseline: &'static Lazy<AhoCorasick>,
}

static GAZETTEERS: [Gazetteer; 3] = [
    Gazetteer {
        label: "builtin",
        extractor: &EX_BUILTIN,
        baseline: &AC_BUILTIN,
    },
    Gazetteer {
        label: "100k",
        extractor: &EX_100K,
        baseline: &AC_100K,
    },
    Gazetteer {
        label: "1m",
        extractor: &EX_1M,
        baseline: &AC_1M,
    },
];

// ---------------------------------------------------------------------------------------------
// Adversarial inputs, each about `n` bytes

fn quote_marks(n: usize) -> String {
    const MARKS: [char; 5] = ['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}'];
    let mut rng = Rng(1);
    let mut s = String::with_capacity(n + 4);
    while s.len() < n {
        s.push(MARKS[rng.below(MARKS.len())]);
    }
    s
}

/// “word “word … x … word” word” with the depth scaled to the size (50,000 at 2 MiB).
fn nested_quotes(n: usize) -> String {
    const WORDS: [&str; 8] = [
        "the", "plan", "will", "work", "Putin", "said", "they", "Trump",
    ];
    let depth = (NESTING as u64 * n as u64 / ADVERSARIAL_BYTES as u64).max(1) as usize;
    // Each level is "“" + words + " " on the left and " " + words + "”" on the right.
    let per_side = n / depth / 2;
    let mut rng = Rng(2);
    let mut words = |budget: usize| {
        let mut w = String::new();
        while w.len() + 4 < budget {
            if !w.is_empty() {
                w.push(' ');
            }
            w.push_str(WORDS[rng.below(WORDS.len())]);
        }
        w
    };
    let mut s = String::with_capacity(n + 64);
    let mut right = Vec::with_capacity(depth);
    for _ in 0..depth {
        s.push('\u{201c}');
        s.push_str(&words(per_side));
        s.push(' ');
        right.push(words(per_side));
    }
    s.push_str("middle");
    for w in right.iter().rev() {
        s.push(' ');
        s.push_str(w);
        s.push('\u{201d}');
    }
    s
}

/// One sentence of fixture words with commas, no sentence-ending punctuation.
fn one_sentence(n: usize) -> String {
    let vocab = &*VOCABULARY;
    let mut rng = Rng(3);
    let mut s = String::with_capacity(n + 32);
    let mut since_comma = 0;
    while s.len() < n {
        if !s.is_empty() {
            if since_comma > 6 && rng.below(4) == 0 {
                s.push(',');
                since_comma = 0;
            }
            s.push(' ');
        }
        s.push_str(&vocab[rng.below(vocab.len())]);
        since_comma += 1;
    }
    s
}

fn cue_storm(n: usize) -> String {
    const CUES: [&str; 24] = [
        "said",
        "told",
        "added",
        "stated",
        "insisted",
        "warned",
        "emphasized",
        "expressed",
        "indicated",
        "labeled",
        "called",
        "according to",
        "says",
        "tells",
        "adds",
        "argued",
        "noted",
        "claimed",
        "explained",
        "announced",
        "saying",
        "stressed",
        "wrote",
        "replied",
    ];
    let mut rng = Rng(4);
    let mut s = String::with_capacity(n + 16);
    while s.len() < n {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(CUES[rng.below(CUES.len())]);
    }
    s
}

/// One paragraph of alternating direct quotes and reported speech, every one different: the
/// attributions of the two kinds are found in separate passes and interleave in text order.
fn direct_and_reported(n: usize) -> String {
    let mut s = String::with_capacity(n + 128);
    let mut i = 0;
    while s.len() < n {
        s.push_str(&format!(
            "\u{201c}We will win {i},\u{201d} Smith said. Jones said that plan {i} would fail. "
        ));
        i += 1;
    }
    s
}

fn title_storm(n: usize) -> String {
    const TITLES: [&str; 20] = [
        "President",
        "Minister",
        "Governor",
        "Senator",
        "Secretary",
        "Chancellor",
        "Prime Minister",
        "Foreign Minister",
        "Deputy",
        "General",
        "Mayor",
        "Judge",
        "Ambassador",
        "Director",
        "Chairman",
        "Commissioner",
        "Spokesman",
        "Councilman",
        "Chief",
        "Representative",
    ];
    let tail = " Jane Doe said the plan would work.";
    let mut rng = Rng(5);
    let mut s = String::with_capacity(n + 16);
    while s.len() + tail.len() < n {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(TITLES[rng.below(TITLES.len())]);
    }
    s.push_str(tail);
    s
}

/// Letters only: random lowercase with built-in names run in ("putinqzTrumpxy…").
fn one_word(n: usize) -> String {
    const NAMES: [&str; 8] = [
        "Putin", "Zelensky", "Trump", "Macron", "Kremlin", "NATO", "Ukraine", "Russia",
    ];
    let mut rng = Rng(6);
    let mut s = String::with_capacity(n + 16);
    while s.len() < n {
        if rng.below(40) == 0 {
            s.push_str(NAMES[rng.below(NAMES.len())]);
        } else {
            s.push((b'a' + rng.below(26) as u8) as char);
        }
    }
    s
}

/// A slice of the corpus of about `n` bytes, cut at a paragraph break.
fn ordinary(n: usize) -> String {
    let corpus = &*CORPUS;
    let end = corpus[n.min(corpus.len())..]
        .find("\n\n")
        .map_or(corpus.len(), |i| n + i);
    corpus[..end].to_string()
}

type Generator = fn(usize) -> String;

const ADVERSARIAL: [(&str, Generator); 8] = [
    ("ordinary", ordinary),
    ("quote-marks", quote_marks),
    ("nested-quotes", nested_quotes),
    ("one-sentence", one_sentence),
    ("cue-storm", cue_storm),
    ("title-storm", title_storm),
    ("one-word", one_word),
    ("direct-and-reported", direct_and_reported),
];

// ---------------------------------------------------------------------------------------------
// Selection and the summary

/// The benchmark filter criterion was given (a regex over "group/id"), if any.
static FILTER: Lazy<Option<regex::Regex>> = Lazy::new(|| {
    const WITH_VALUE: &[&str] = &[
        "-c",
        "--color",
        "-s",
        "--save-baseline",
        "-b",
        "--baseline",
        "--baseline-lenient",
        "--load-baseline",
        "--sample-size",
        "--warm-up-time",
        "--measurement-time",
        "--nresamples",
        "--noise-threshold",
        "--confidence-level",
        "--significance-level",
        "--profile-time",
        "--output-format",
        "--plotting-backend",
        "--format",
        "--logfile",
    ];
    let args: Vec<String> = std::env::args().skip(1).collect();
    let exact = args.iter().any(|a| a == "--exact");
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a.starts_with('-') {
            i += if WITH_VALUE.contains(&a.as_str()) {
                2
            } else {
                1
            };
            continue;
        }
        let pattern = if exact {
            format!("^{}$", regex::escape(a))
        } else {
            a.clone()
        };
        return regex::Regex::new(&pattern).ok();
    }
    None
});

fn selected(id: &str) -> bool {
    FILTER.as_ref().map_or(true, |f| f.is_match(id))
}

/// A figure for the summary: a criterion benchmark registered in this run (its estimate is read
/// back from criterion's files) or a single timed run outside criterion.
#[derive(Clone)]
struct Figure {
    group: String,
    id: String,
    bytes: usize,
    one_run: Option<Duration>,
    /// `one_run` is a prediction from smaller sizes, not a measurement.
    predicted: bool,
}

static FIGURES: Mutex<Vec<Figure>> = Mutex::new(Vec::new());

fn register(group: &str, id: &str, bytes: usize) {
    if selected(&format!("{group}/{id}")) {
        record(group, id, bytes, None, false);
    }
}

fn record_one_run(group: &str, id: &str, bytes: usize, took: Duration) {
    record(group, id, bytes, Some(took), false);
}

fn record_prediction(group: &str, id: &str, bytes: usize, took: Duration) {
    record(group, id, bytes, Some(took), true);
}

fn record(group: &str, id: &str, bytes: usize, one_run: Option<Duration>, predicted: bool) {
    FIGURES.lock().unwrap().push(Figure {
        group: group.to_string(),
        id: id.to_string(),
        bytes,
        one_run,
        predicted,
    });
}

/// "2M", "512K": the nominal size of a probe step, for ids that compare across inputs.
fn size_label(n: usize) -> String {
    if n >= MIB && n % MIB == 0 {
        format!("{}M", n / MIB)
    } else {
        format!("{}K", n / 1024)
    }
}

fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    // The bench runs as <target>/release/deps/extract-<hash>.
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(|t| t.join("criterion")))
        .unwrap_or_else(|| PathBuf::from("target/criterion"))
}

/// Time in seconds of one iteration, from criterion's estimates of this run: the slope where
/// criterion printed it (linear sampling), else the mean (flat sampling).
fn mean_seconds(group: &str, id: &str) -> Option<f64> {
    let safe = |s: &str| s.replace(['?', '"', '/', '\\', '*', '<', '>', ':', '|', '^'], "_");
    let path = criterion_dir()
        .join(safe(group))
        .join(safe(id))
        .join("new/estimates.json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    let slope = json["slope"]["point_estimate"].as_f64();
    Some(slope.or_else(|| json["mean"]["point_estimate"].as_f64())? / 1e9)
}

fn seconds(f: &Figure) -> Option<f64> {
    match f.one_run {
        Some(t) => Some(t.as_secs_f64()),
        None => mean_seconds(&f.group, &f.id),
    }
}

fn summary(_: &mut Criterion) {
    let figures = FIGURES.lock().unwrap().clone();
    let paired = PAIRED.lock().unwrap().clone();
    if figures.is_empty() && paired.is_empty() {
        return;
    }
    let find = |group: &str, id: &str| {
        figures
            .iter()
            .filter(|f| f.group == group && f.id == id)
            .find_map(|f| Some((seconds(f)?, f.bytes)))
    };
    println!();
    println!("summary: MiB/s = bytes/s / 2^20; 'how' is criterion's estimate or one timed run;");
    println!("ratio = extract's throughput over its <gazetteer>-ac baseline, or for adversarial");
    println!("inputs their time per byte over `ordinary`'s.");
    println!(
        "{:<24} {:<16} {:>11} {:>9} {:>9} {:>9}",
        "group", "id", "time", "MiB/s", "ratio", "how"
    );
    for f in &figures {
        let Some(t) = seconds(f) else {
            continue;
        };
        let rate = |bytes: usize, t: f64| bytes as f64 / t / MIB as f64;
        let ratio = if f.group.starts_with("extract/") && !f.id.ends_with("-ac") {
            let base = f.id.split(':').next().unwrap_or(&f.id);
            find(&f.group, &format!("{base}-ac"))
                .map(|(tb, bb)| format!("{:.3}", rate(f.bytes, t) / rate(bb, tb)))
        } else if f.group == "adversarial" && f.id != "ordinary" {
            find("adversarial", "ordinary")
                .map(|(to, bo)| format!("{:.2}x", (t / f.bytes as f64) / (to / bo as f64)))
        } else if f.group == "adversarial-probe" && !f.id.starts_with("ordinary@") {
            let at = f.id.rsplit('@').next().unwrap_or_default();
            find("adversarial-probe", &format!("ordinary@{at}"))
                .map(|(to, bo)| format!("{:.2}x", (t / f.bytes as f64) / (to / bo as f64)))
        } else {
            None
        };
        let time = if t >= 1.0 {
            format!("{t:.2} s")
        } else {
            format!("{:.3} ms", t * 1e3)
        };
        let rate = if f.bytes > 0 {
            format!("{:.2}", rate(f.bytes, t))
        } else {
            String::new()
        };
        let how = if f.predicted {
            "predicted"
        } else if f.one_run.is_some() {
            "1 run"
        } else {
            "criterion"
        };
        println!(
            "{:<24} {:<16} {time:>11} {rate:>9} {:>9} {how:>9}",
            f.group,
            f.id,
            ratio.unwrap_or_default()
        );
    }
    for line in paired {
        println!("paired: {line}");
    }
}

// ---------------------------------------------------------------------------------------------
// Benchmarks

/// Times the first `Extractor::new()` (parse + build of the built-in set) and the first
/// `extract` (lazy statics of the pipeline), once per process, before anything else.
fn first_calls(_: &mut Criterion) {
    let t = Instant::now();
    let ex = Extractor::new();
    let new = t.elapsed();
    let t = Instant::now();
    black_box(ex.extract("\u{201c}Hello,\u{201d} Trump said. Putin told reporters that it was."));
    eprintln!(
        "[setup] first Extractor::new(): {new:.2?}; first extract (warms lazies): {:.2?}; {}",
        t.elapsed(),
        rss()
    );
    record_one_run("first-call", "Extractor::new", 0, new);
}

/// Runs `extract` once on `generate(size)` for growing sizes, printing time and growth, and
/// stops before a size predicted (from the growth seen so far) to take over `PROBE_BUDGET`.
/// Each step is recorded for the summary under `record` ("<id>@<size>"), a skipped one as a
/// prediction. Returns the last size's text and time if it was run.
fn probe(
    ex: &Extractor,
    label: &str,
    record: Option<(&str, &str)>,
    generate: &dyn Fn(usize) -> String,
    sizes: &[usize],
) -> Option<(String, Duration)> {
    let mut report = format!("[probe] {label}:");
    let mut last: Option<(usize, Duration)> = None;
    let mut exponent = 1.0f64;
    let mut out = None;
    for (k, &size) in sizes.iter().enumerate() {
        if let Some((prev, t)) = last {
            let predicted = t.as_secs_f64() * (size as f64 / prev as f64).powf(exponent.max(1.0));
            if predicted > PROBE_BUDGET.as_secs_f64() {
                report.push_str(&format!(
                    " {} KiB predicted {predicted:.0} s: not run",
                    size / 1024
                ));
                if let Some((group, id)) = record {
                    let id = format!("{id}@{}", size_label(size));
                    record_prediction(group, &id, size, Duration::from_secs_f64(predicted));
                }
                break;
            }
        }
        let text = generate(size);
        let t = Instant::now();
        let doc = ex.extract(&text);
        let took = t.elapsed();
        report.push_str(&format!(
            " {} KiB {took:.2?} ({:.2} MiB/s, {} entities, {} quotes",
            text.len() / 1024,
            mib(text.len()) / took.as_secs_f64(),
            doc.entities.len(),
            doc.quotes.len()
        ));
        if let Some((prev, t)) = last {
            exponent = (took.as_secs_f64() / t.as_secs_f64()).ln()
                / (text.len() as f64 / prev as f64).ln();
            report.push_str(&format!(", growth exponent {exponent:.2}"));
        }
        report.push_str(");");
        if let Some((group, id)) = record {
            record_one_run(
                group,
                &format!("{id}@{}", size_label(size)),
                text.len(),
                took,
            );
        }
        last = Some((text.len(), took));
        if k + 1 == sizes.len() {
            out = Some((text, took));
        }
    }
    eprintln!("{report}");
    out
}

/// One `extract` of each text: what every whosaid figure times.
fn extract_each(ex: &Extractor, texts: &[String]) {
    for t in texts {
        black_box(ex.extract(black_box(t)));
    }
}

/// The baseline's pass over each text, counting its matches: what every `-ac` figure times.
fn baseline_each(ac: &AhoCorasick, texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| ac.find_iter(black_box(t.as_str())).count())
        .sum()
}

fn bench_input(
    g: &mut BenchmarkGroup<'_, WallTime>,
    group: &str,
    texts: &'static [String],
    gazetteers: &[&'static Gazetteer],
) {
    let bytes: usize = texts.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    for gz in gazetteers {
        let ac_id = format!("{}-ac", gz.label);
        register(group, gz.label, bytes);
        register(group, &ac_id, bytes);
        g.bench_function(gz.label, |b| b.iter(|| extract_each(gz.extractor, texts)));
        g.bench_function(&ac_id, |b| b.iter(|| baseline_each(gz.baseline, texts)));
    }
}

fn extract(c: &mut Criterion) {
    static SEED_ONE: Lazy<Vec<String>> = Lazy::new(|| vec![SEED.clone()]);
    let all: Vec<&Gazetteer> = GAZETTEERS.iter().collect();

    let mut g = c.benchmark_group("extract/seed");
    bench_input(&mut g, "extract/seed", &SEED_ONE, &all);
    g.finish();

    // The corpus as news archives are processed: one `extract` per article.
    if selected("extract/corpus") {
        eprintln!(
            "[setup] corpus: {:.1} MiB in {} articles from {} fixtures",
            mib(CORPUS.len()),
            ARTICLES.len(),
            FIXTURES.len()
        );
    }
    let mut g = c.benchmark_group("extract/corpus");
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    bench_input(&mut g, "extract/corpus", &ARTICLES, &all);
    g.finish();

    // Real news beside the fixture corpus: PolNeAR's articles, one `extract` per article.
    if selected("extract/polnear/builtin") || selected("extract/polnear/builtin-ac") {
        if let Some(texts) = POLNEAR.as_deref() {
            let mut g = c.benchmark_group("extract/polnear");
            g.sample_size(10).sampling_mode(SamplingMode::Flat);
            bench_input(&mut g, "extract/polnear", texts, &all[..1]);
            g.finish();
        }
    }

    // The whole corpus as ONE text: shows how `extract` scales with the size of one input.
    // Probed first; timed by criterion only if one run is short enough.
    let group = "extract/corpus-one-call";
    if !selected(&format!("{group}/builtin")) {
        return;
    }
    let sizes = [
        CORPUS_BYTES / 64,
        CORPUS_BYTES / 16,
        CORPUS_BYTES / 4,
        CORPUS_BYTES,
    ];
    let ex = &*EX_BUILTIN;
    let Some((text, took)) = probe(
        ex,
        group,
        Some(("extract/corpus-probe", "builtin")),
        &|n| ordinary(n),
        &sizes,
    ) else {
        return;
    };
    let bytes = text.len();
    if took > CRITERION_MAX_RUN {
        record_one_run(group, "builtin", bytes, took);
        eprintln!("[probe] {group}: one run takes {took:.2?}; not repeated by criterion");
        let ac = &*AC_BUILTIN;
        let t = Instant::now();
        black_box(ac.find_iter(text.as_str()).count());
        record_one_run(group, "builtin-ac", bytes, t.elapsed());
        return;
    }
    let text: &'static [String] = Box::leak(vec![text].into_boxed_slice());
    let mut g = c.benchmark_group(group);
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    bench_input(&mut g, group, text, &all[..1]);
    g.finish();
}

/// Rounds of [`paired`].
const PAIRED_ROUNDS: usize = 11;

/// Lines for the summary from [`paired`].
static PAIRED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The corpus ratio measured in alternation: each round runs `extract` over the corpus, then
/// the baseline pass over it, and the ratio is taken within the round. On a shared machine
/// whose speed drifts over seconds, this is steadier than the ratio of two criterion estimates
/// taken a minute apart.
fn paired(_: &mut Criterion) {
    let id = "extract/corpus-paired/builtin";
    if !selected(id) {
        return;
    }
    let (ex, ac) = (&*EX_BUILTIN, &*AC_BUILTIN);
    let texts = &*ARTICLES;
    let bytes: usize = texts.iter().map(String::len).sum();
    let (mut ours, mut theirs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..PAIRED_ROUNDS {
        let t = Instant::now();
        extract_each(ex, texts);
        let a = t.elapsed().as_secs_f64();
        let t = Instant::now();
        black_box(baseline_each(ac, texts));
        let b = t.elapsed().as_secs_f64();
        ours.push(bytes as f64 / a / MIB as f64);
        theirs.push(bytes as f64 / b / MIB as f64);
        ratios.push(b / a);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[0], v[v.len() - 1])
    };
    let (r, r_lo, r_hi) = median(&mut ratios);
    let (o, o_lo, o_hi) = median(&mut ours);
    let (b, b_lo, b_hi) = median(&mut theirs);
    let line = format!(
        "{id}: medians over {PAIRED_ROUNDS} alternating rounds: extract ratio {r:.3} \
         ({r_lo:.3}-{r_hi:.3}), {o:.1} MiB/s ({o_lo:.1}-{o_hi:.1}); baseline {b:.1} MiB/s \
         ({b_lo:.1}-{b_hi:.1})"
    );
    eprintln!("[paired] {line}");
    PAIRED.lock().unwrap().push(line);
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    register("build", "builtin", 0);
    g.bench_function("builtin", |b| {
        let builder = Extractor::builder();
        b.iter(|| builder.build().unwrap())
    });
    for (label, builder, extractor) in [
        ("100k", &BUILDER_100K, &EX_100K),
        ("1m", &BUILDER_1M, &EX_1M),
    ] {
        if !selected(&format!("build/{label}")) {
            continue;
        }
        // One timed build (with memory_usage and RSS printed) decides whether criterion can
        // repeat it within the time budget.
        Lazy::force(extractor);
        let one_run = BUILD_ONE_RUN
            .lock()
            .unwrap()
            .iter()
            .find(|(l, _)| *l == label)
            .map(|(_, t)| *t)
            .unwrap_or_default();
        if one_run > CRITERION_MAX_BUILD {
            eprintln!(
                "[setup] build/{label}: one run takes {one_run:.2?}; not repeated by criterion"
            );
            record_one_run("build", label, 0, one_run);
            continue;
        }
        register("build", label, 0);
        g.bench_function(label, |b| {
            let builder = &**builder;
            b.iter(|| builder.build().unwrap())
        });
    }
    g.finish();
}

fn adversarial(c: &mut Criterion) {
    if !ADVERSARIAL
        .iter()
        .any(|(n, _)| selected(&format!("adversarial/{n}")))
    {
        return;
    }
    let ex = &*EX_BUILTIN;
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    for (name, generate) in ADVERSARIAL {
        if !selected(&format!("adversarial/{name}")) {
            continue;
        }
        let sizes = [
            ADVERSARIAL_BYTES / 64,
            ADVERSARIAL_BYTES / 16,
            ADVERSARIAL_BYTES / 4,
            ADVERSARIAL_BYTES,
        ];
        let label = format!("adversarial/{name}");
        let record = Some(("adversarial-probe", name));
        let Some((text, took)) = probe(ex, &label, record, &generate, &sizes) else {
            continue;
        };
        if took > CRITERION_MAX_RUN {
            eprintln!(
                "[probe] adversarial/{name}: one run takes {took:.2?}; not repeated by criterion"
            );
            record_one_run("adversarial", name, text.len(), took);
            continue;
        }
        let text: &'static str = Box::leak(text.into_boxed_str());
        g.throughput(Throughput::Bytes(text.len() as u64));
        register("adversarial", name, text.len());
        g.bench_function(name, |b| b.iter(|| ex.extract(black_box(text))));
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = first_calls, extract, paired, build, adversarial, summary
}
criterion_main!(benches);
