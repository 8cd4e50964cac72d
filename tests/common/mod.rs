//! The output contract's promises about any Document, checked in one place for the property
//! tests, the regression tests and the fuzz targets (which include this file by path).

use whosaid::Document;

/// The first promise `doc` breaks for `text`, if any: every span (mention, quote, quote part,
/// speaker, cue) within the text, on char boundaries, slicing it to its `text`, except a quote
/// in parts: two or more, in order and apart, running from the quote's start to its end, and
/// its `text` their texts joined by one space; a cue and its span given together; confidences
/// within 0..=1; unique entity ids; entities in order of first mention, mentions and quotes by
/// start; quotes apart or nested, never crossing.
pub fn contract_violation(text: &str, doc: &Document) -> Option<String> {
    let bounds = |what: &str, start: usize, end: usize| -> Option<String> {
        if start > end || end > text.len() {
            return Some(format!(
                "{what}: span {start}..{end} is reversed or past the end ({} bytes)",
                text.len()
            ));
        }
        (!text.is_char_boundary(start) || !text.is_char_boundary(end))
            .then(|| format!("{what}: span {start}..{end} is not on char boundaries"))
    };
    let span = |what: &str, start: usize, end: usize, slice: &str| -> Option<String> {
        bounds(what, start, end).or_else(|| {
            (&text[start..end] != slice)
                .then(|| format!("{what}: {slice:?} is not input[{start}..{end}]"))
        })
    };
    let mut ids = std::collections::HashSet::new();
    let mut previous_first = 0;
    for e in &doc.entities {
        if !ids.insert(e.id.as_str()) {
            return Some(format!("duplicate entity id {:?}", e.id));
        }
        for m in &e.mentions {
            if let Some(v) = span(&format!("mention of {}", e.id), m.start, m.end, &m.text) {
                return Some(v);
            }
        }
        if !e.mentions.windows(2).all(|w| w[0].start <= w[1].start) {
            return Some(format!("mentions of {} are not ordered by start", e.id));
        }
        if let Some(first) = e.mentions.first() {
            if first.start < previous_first {
                return Some(format!("entity {} is not in order of first mention", e.id));
            }
            previous_first = first.start;
        }
    }
    for (i, q) in doc.quotes.iter().enumerate() {
        let what = format!("quote {i}");
        if q.parts.is_empty() {
            if let Some(v) = span(&what, q.start, q.end, &q.text) {
                return Some(v);
            }
        } else {
            if let Some(v) = bounds(&what, q.start, q.end) {
                return Some(v);
            }
            let (first, last) = (&q.parts[0], &q.parts[q.parts.len() - 1]);
            if q.parts.len() < 2 || (first.start, last.end) != (q.start, q.end) {
                return Some(format!(
                    "{what}: parts {:?} do not run from its start {} to its end {}",
                    q.parts, q.start, q.end
                ));
            }
            if !q.parts.windows(2).all(|w| w[0].end <= w[1].start) {
                return Some(format!(
                    "{what}: parts {:?} overlap or are out of order",
                    q.parts
                ));
            }
            let joined: Vec<&str> = q.parts.iter().map(|p| p.text.as_str()).collect();
            if q.text != joined.join(" ") {
                return Some(format!(
                    "{what}: text {:?} is not its parts joined by one space",
                    q.text
                ));
            }
        }
        if let Some(s) = &q.speaker {
            if let Some(v) = span(&format!("speaker of {what}"), s.start, s.end, &s.text) {
                return Some(v);
            }
        }
        match (&q.cue, q.cue_start, q.cue_end) {
            (Some(cue), Some(start), Some(end)) => {
                if let Some(v) = span(&format!("cue of {what}"), start, end, cue) {
                    return Some(v);
                }
            }
            (None, None, None) => {}
            other => return Some(format!("{what}: cue and cue span disagree: {other:?}")),
        }
        for p in &q.parts {
            if let Some(v) = span(&format!("part of {what}"), p.start, p.end, &p.text) {
                return Some(v);
            }
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            return Some(format!(
                "{what}: confidence {} is not within 0..=1",
                q.confidence
            ));
        }
    }
    if !doc.quotes.windows(2).all(|w| w[0].start <= w[1].start) {
        return Some("quotes are not ordered by start".to_string());
    }
    for (i, a) in doc.quotes.iter().enumerate() {
        for b in &doc.quotes[i + 1..] {
            let overlap = a.start < b.end && b.start < a.end;
            let nested =
                (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
            if overlap && !nested {
                return Some(format!(
                    "quotes {:?} ({}..{}) and {:?} ({}..{}) overlap without nesting",
                    a.text, a.start, a.end, b.text, b.start, b.end
                ));
            }
        }
    }
    None
}

/// Panics with the first promise `doc` breaks.
#[allow(dead_code)] // not every including crate asserts this way
pub fn assert_contract(text: &str, doc: &Document) {
    if let Some(violation) = contract_violation(text, doc) {
        panic!("{violation} (input {text:?})");
    }
}
