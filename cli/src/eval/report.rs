//! The text report: the quote tables, entities, gender, calibration, the worst documents,
//! aggregate diagnostics and sample errors, each written into one string.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::aggregate::{doc_f1, Eval, PersonCounts, View, BUCKETS};
use super::doc::{char_at, slice, Doc, Gold, Kind, Name, Span, Sys, ENT_TYPES, GENDER_ROWS, KINDS};
use super::score::{
    f1, name_category, name_correct, name_note, normalize_cue, prf, same_cue, speaker_correct,
    GenderCounts, NameCounts,
};
use super::{Scores, THRESHOLDS};

/// The Gender Gap Tracker's published F1 for people and sources by gender, on its own 98
/// articles, in the order of [`GENDER_ROWS`].
const GGT_GENDER_F1: [f64; 4] = [0.744, 0.848, 0.768, 0.820];

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

/// The heading of a list of samples: how many of how many, and what the marks stand for.
fn sample_header(out: &mut String, what: &str, legend: &str, n: usize, total: usize) {
    let _ = writeln!(
        out,
        "\n== Sample {what} ({} of {total}, {legend}) ==",
        n.min(total)
    );
}

/// Picks at most `n` items evenly spaced through `items`.
pub fn pick<T>(items: &[T], n: usize) -> Vec<&T> {
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
pub fn show(s: &Option<String>) -> String {
    s.as_deref()
        .map_or("(none)".to_string(), |s| format!("{s:?}"))
}

/// Which quotes the diagnostics and samples look at (`--kind`, `--cue`).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub kind: Option<Kind>,
    /// Lowercase; a cue passes when its normalized form contains it ("(none)" for no cue).
    pub cue: Option<String>,
}

impl Filter {
    /// Whether a quote of this kind and cue passes.
    pub fn accepts(&self, kind: Kind, cue: Option<&str>) -> bool {
        let cue = cue.map_or("(none)".to_string(), normalize_cue);
        self.kind.is_none_or(|k| k == kind)
            && self.cue.as_ref().is_none_or(|c| cue.contains(c.as_str()))
    }

    /// Whether a gold quote passes.
    pub fn gold(&self, g: &Gold) -> bool {
        self.accepts(g.kind, g.cue.as_deref())
    }

    /// Whether a system quote passes.
    pub fn sys(&self, s: &Sys) -> bool {
        self.accepts(s.kind, s.cue.as_deref())
    }

    /// A label for headings, empty without a filter.
    pub fn label(&self) -> String {
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

/// The whole text report: the tables, calibration, the worst documents, diagnostics, samples
/// (`samples` of each sort, those `filter` accepts) and the speed.
pub fn report(s: &Scores, samples: usize, filter: &Filter) -> String {
    let t = &s.totals;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "whosaid evaluation: {} documents from {}",
        s.evals.len(),
        s.files.join(", ")
    );
    let _ = writeln!(out, "(found = one system quote covers > T of the gold span's characters; speaker/cue accuracy over quotes found at T=0.3, shown as accuracy /count)");
    let _ = writeln!(out, "(name = the system speaker's name equals the gold speaker, both normalized; the {} found quotes whose gold speaker is null count as right when the system has no speaker. On PolNeAR the gold speaker is the words as written (\"he\", \"Mr. Trump\"), so name means little there; on tests/fixtures/people.jsonl it is the resolved full name, which name measures)", t.all.overall.name_null);
    for v in &s.votes {
        let _ = writeln!(
            out,
            "(interrupted quotes in {}: {} system quotes whose parts the gold splits, {} it joins: scored {})",
            v.file,
            v.splits,
            v.joins,
            if v.split { "part by part" } else { "as one quote" }
        );
    }
    write_view(&mut out, "ALL attributions", &t.all);
    write_view(&mut out, "SPEECH attributions (gold cue is a reporting word; system quotes matching non-speech gold dropped)", &t.speech);
    if let Some((docs, c)) = &t.names {
        write_names(&mut out, *docs, c);
        write_name_errors(&mut out, &s.evals);
    }
    if let Some((docs, rows, persons)) = &t.genders {
        write_gender(&mut out, *docs, rows, *persons);
    }

    let _ = writeln!(out, "\n== Confidence calibration (right = found at T=0.3 and speaker right or gold has no source) ==");
    for ((label, _, _), (n, right)) in BUCKETS.iter().zip(&t.calibration) {
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
    let mut worst: Vec<(f64, &Eval)> = s
        .evals
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

    write_diagnostics(&mut out, &s.evals, filter);
    write_speaker_names(&mut out, &s.evals, filter);
    if samples > 0 {
        write_samples(&mut out, &s.evals, samples, filter);
    }
    let _ = writeln!(
        out,
        "\nspeed: {:.2} MB in {:.3} s of extract calls = {mbps:.2} MB/s",
        s.bytes as f64 / 1e6,
        s.elapsed.as_secs_f64(),
        mbps = s.mb_per_s()
    );
    out
}
