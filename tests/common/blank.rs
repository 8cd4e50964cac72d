//! Blank output values for tests that build documents by hand. The output types are
//! `#[non_exhaustive]`, so outside the crate they come from serde; a test then sets the
//! fields it needs (assignment can set any value, a NaN confidence included, which JSON
//! cannot carry).

use whosaid::{Entity, Mention, Quote, QuotePart, Speaker};

fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

/// A person entity `id` named `id`, inferred, with no mentions.
pub fn entity(id: &str) -> Entity {
    let mut e: Entity = from_json(
        r#"{"id": "x", "kind": "person", "name": "x", "source": "inferred", "mentions": []}"#,
    );
    e.id = id.to_string();
    e.name = id.to_string();
    e
}

/// A mention over `start..end` with the given text.
pub fn mention(start: usize, end: usize, text: &str) -> Mention {
    let mut m: Mention = from_json(r#"{"start": 0, "end": 0, "text": ""}"#);
    (m.start, m.end, m.text) = (start, end, text.to_string());
    m
}

/// A direct quote over `start..end` with empty text, no speaker and no cue, at confidence 0.9.
pub fn quote(start: usize, end: usize) -> Quote {
    let mut q: Quote = from_json(
        r#"{"kind": "direct", "text": "", "start": 0, "end": 0, "speaker": null, "cue": null, "confidence": 0.9}"#,
    );
    (q.start, q.end) = (start, end);
    q
}

/// A speaker named `name` (also its words), of `entity` if given, at `0..0`.
pub fn speaker(entity: Option<&str>, name: &str) -> Speaker {
    let mut s: Speaker =
        from_json(r#"{"entity": null, "name": "", "text": "", "start": 0, "end": 0}"#);
    s.entity = entity.map(str::to_string);
    s.name = name.to_string();
    s.text = name.to_string();
    s
}

/// A quote part over `start..end` with the given text.
pub fn part(start: usize, end: usize, text: &str) -> QuotePart {
    let mut p: QuotePart = from_json(r#"{"start": 0, "end": 0, "text": ""}"#);
    (p.start, p.end, p.text) = (start, end, text.to_string());
    p
}
