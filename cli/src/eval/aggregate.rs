//! Sums over documents: the quote tallies per view and kind, calibration, entity and gender
//! totals.

use super::doc::Doc;
use super::score::{
    count_gender, count_names, name_correct, prf, same_cue, speaker_correct, GenderCounts,
    Matching, NameCounts,
};

/// The entity counts over the documents annotated with names, and how many there are.
pub type NameTotals = (usize, NameCounts);

/// The gender counts over the documents with people lists, how many there are, and the system
/// persons counted there.
pub type GenderTotals = (usize, [GenderCounts; 4], PersonCounts);

/// The sums the report and the JSON object show.
pub struct Totals {
    /// All attributions, and speech attributions only.
    pub all: View,
    pub speech: View,
    /// Per bucket of [`BUCKETS`]: system quotes and the right ones.
    pub calibration: Vec<(usize, usize)>,
    /// `None` without entity annotations.
    pub names: Option<NameTotals>,
    /// `None` without people lists.
    pub genders: Option<GenderTotals>,
}
/// A document with its matchings at both thresholds.
pub struct Eval {
    pub doc: Doc,
    pub m: [Matching; 2],
}

/// Counts for one kind (or all kinds) in one view.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Gold quotes of this kind.
    pub gold: usize,
    /// Gold quotes of this kind found, per threshold.
    pub found: [usize; 2],
    /// System quotes of this kind counted in the view, per threshold.
    pub sys: [usize; 2],
    /// Of those, the ones that matched a gold quote, per threshold.
    pub sys_matched: [usize; 2],
    /// Found (T=0.3) gold quotes with a right speaker, and all found.
    pub spk_ok: usize,
    pub spk_n: usize,
    /// The same, only where the gold attribution has a source.
    pub src_ok: usize,
    pub src_n: usize,
    /// Found (T=0.3) gold quotes whose speaker name the system got (see [`name_correct`]),
    /// all found, and those among them whose gold speaker is null.
    pub name_ok: usize,
    pub name_n: usize,
    pub name_null: usize,
    /// Found (T=0.3) gold quotes with a gold cue, and those whose cue the system got.
    pub cue_ok: usize,
    pub cue_n: usize,
}

impl Tally {
    /// P, R, F1 at threshold index `t`.
    pub fn prf(&self, t: usize) -> (f64, f64, f64) {
        prf(self.sys_matched[t], self.sys[t], self.found[t], self.gold)
    }
}

/// The tallies of one view: per kind and overall.
#[derive(Clone, Debug, Default)]
pub struct View {
    pub by_kind: [Tally; 3],
    pub overall: Tally,
}

/// Counts one view. In the speech view only gold quotes with a reporting cue count, and a system
/// quote that matched a NON-speech gold quote is dropped (from the system side; its gold quote is
/// already out): finding a belief or a poll finding is not a false alarm about speech, but a
/// system quote matching nothing stays a false positive.
pub fn tally(evals: &[Eval], speech_only: bool) -> View {
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
pub fn add(a: &mut Tally, b: &Tally) {
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
pub const BUCKETS: [(&str, f32, f32); 5] = [
    ("0.0-0.5", 0.0, 0.5),
    ("0.5-0.7", 0.5, 0.7),
    ("0.7-0.9", 0.7, 0.9),
    ("0.9-1.0", 0.9, 1.01),
    ("> 0.9", 0.9, 1.01),
];

/// Per bucket of [`BUCKETS`]: system quotes in it and the right ones among them, a quote being
/// right when it found a gold quote at T=0.3 and its speaker is right or the gold has no source.
pub fn calibration(evals: &[Eval]) -> Vec<(usize, usize)> {
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
pub fn doc_f1(e: &Eval) -> Option<f64> {
    let (g, s) = (e.doc.gold.len(), e.doc.sys.len());
    let found = e.m[0].gold_to_sys.iter().flatten().count();
    (g + s > 0).then(|| prf(found, s, found, g).2)
}

/// The entity counts summed over the documents with entity annotations, and how many there
/// are; `None` when none has them.
pub fn name_totals(evals: &[Eval]) -> Option<NameTotals> {
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
pub struct PersonCounts {
    pub persons: usize,
    pub no_gender: usize,
    pub sources: usize,
    pub sources_no_gender: usize,
}

/// The gender counts summed over the documents with people lists, how many there are, and the
/// system persons counted there; `None` when none has them.
pub fn gender_totals(evals: &[Eval]) -> Option<GenderTotals> {
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
