//! The `--json` object: the headline numbers of every table.

use serde_json::json;

use super::aggregate::{GenderTotals, NameTotals, Tally, View, BUCKETS};
use super::doc::{ENT_TYPES, GENDER_ROWS, KINDS};
use super::score::{f1, prf};
use super::Scores;

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

/// P, R, F1 as JSON, with the counts they come from.
fn prf_json(gold: usize, sys: usize, correct: usize) -> serde_json::Value {
    let (p, r, f) = prf(correct, sys, correct, gold);
    json!({"gold": gold, "system": sys, "correct": correct, "p": p, "r": r, "f1": f})
}

/// The entity scores as JSON.
fn names_json((docs, c): &NameTotals) -> serde_json::Value {
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
fn gender_json((docs, rows, persons): &GenderTotals) -> serde_json::Value {
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

/// The `--json` object.
pub fn summary(s: &Scores) -> serde_json::Value {
    let t = &s.totals;
    let buckets: Vec<_> = BUCKETS
        .iter()
        .zip(&t.calibration)
        .map(|((label, _, _), (n, right))| {
            json!({"bucket": label, "n": n, "right": right,
                   "share": (*n > 0).then(|| *right as f64 / *n as f64)})
        })
        .collect();
    json!({
        "files": s.files, "documents": s.evals.len(),
        "all": view_json(&t.all), "speech": view_json(&t.speech),
        "split_parts": s.votes.iter().map(|v| json!({
            "file": v.file, "splits": v.splits, "joins": v.joins, "split": v.split,
        })).collect::<Vec<_>>(),
        "entities": t.names.as_ref().map(names_json),
        "gender": t.genders.as_ref().map(gender_json),
        "calibration": buckets, "bytes": s.bytes, "mb_per_s": s.mb_per_s(),
    })
}
