//! The span invariants of the output contract, shared by the fuzz targets: a violation
//! panics, which libFuzzer reports as a crash.

use whosaid::Document;

fn span(text: &str, what: &str, start: usize, end: usize, slice: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} reversed or past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
    assert_eq!(
        &text[start..end],
        slice,
        "{what}: text is not input[{start}..{end}]"
    );
}

/// Every span lies on char boundaries, within the text, and slices it to its `text`; quotes
/// are ordered and never overlap unless one contains the other.
pub fn document(text: &str, doc: &Document) {
    for e in &doc.entities {
        for m in &e.mentions {
            span(text, "mention", m.start, m.end, &m.text);
        }
    }
    for q in &doc.quotes {
        span(text, "quote", q.start, q.end, &q.text);
        if let Some(s) = &q.speaker {
            span(text, "speaker", s.start, s.end, &s.text);
        }
        match (&q.cue, q.cue_start, q.cue_end) {
            (Some(cue), Some(start), Some(end)) => span(text, "cue", start, end, cue),
            (None, None, None) => {}
            other => panic!("cue and cue span disagree: {other:?}"),
        }
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "confidence {}",
            q.confidence
        );
    }
    assert!(
        doc.quotes.windows(2).all(|w| w[0].start <= w[1].start),
        "quotes out of order"
    );
    for (i, a) in doc.quotes.iter().enumerate() {
        for b in &doc.quotes[i + 1..] {
            let overlap = a.start < b.end && b.start < a.end;
            let nested =
                (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
            assert!(
                !overlap || nested,
                "quotes {}..{} and {}..{} overlap",
                a.start,
                a.end,
                b.start,
                b.end
            );
        }
    }
}
