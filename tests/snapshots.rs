//! Snapshot tests over every fixture article: a readable rendering that a reviewer checks
//! against the text, and the JSON contract for the seed article.

use whosaid::{Document, Extractor};

mod common;

/// One line per entity and quote: `kind [start..end] "text" <- speaker (cue, confidence)`, and
/// a quote's parts' spans under it.
fn render(text: &str, doc: &Document) -> String {
    let mut out = String::new();
    for e in &doc.entities {
        let spans: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}..{}", m.start, m.end))
            .collect();
        out.push_str(&format!(
            "{:?} {} {:?} ({:?}) [{}]\n",
            e.kind,
            e.id,
            e.name,
            e.source,
            spans.join(" ")
        ));
    }
    out.push('\n');
    if let Some(violation) = common::contract_violation(text, doc) {
        panic!("{violation}");
    }
    for q in &doc.quotes {
        let speaker = match &q.speaker {
            Some(s) => {
                assert_eq!(
                    &text[s.start..s.end],
                    s.text,
                    "speaker text must slice the input"
                );
                format!(
                    "{:?} [{}..{}] = {}",
                    s.text,
                    s.start,
                    s.end,
                    s.entity.as_deref().unwrap_or("?")
                )
            }
            None => "nobody".to_string(),
        };
        out.push_str(&format!(
            "{:?} [{}..{}] {:?}\n    <- {} ({}, {})\n",
            q.kind,
            q.start,
            q.end,
            q.text,
            speaker,
            q.cue.as_deref().unwrap_or("-"),
            q.confidence
        ));
        if !q.parts.is_empty() {
            let parts: Vec<String> = q
                .parts
                .iter()
                .map(|p| format!("[{}..{}]", p.start, p.end))
                .collect();
            out.push_str(&format!("    parts {}\n", parts.join(" ")));
        }
    }
    out
}

#[test]
fn fixtures() {
    let extractor = Extractor::new();
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = extractor.extract(&text);
        for e in &doc.entities {
            for m in &e.mentions {
                assert_eq!(&text[m.start..m.end], m.text);
            }
        }
        insta::assert_snapshot!(render(&text, &doc));
    });
}

#[test]
fn seed_article_json() {
    let text = include_str!("fixtures/seed-article.txt");
    let doc = Extractor::new().extract(text);
    insta::assert_json_snapshot!(doc);
}

#[test]
fn same_input_same_json() {
    let text = include_str!("fixtures/seed-article.txt");
    let a = serde_json::to_string(&Extractor::new().extract(text)).unwrap();
    let b = serde_json::to_string(&Extractor::builder().build().unwrap().extract(text)).unwrap();
    assert_eq!(a, b);
}

/// The JSON of every fixture's Document, and of each article of the annotated JSON Lines
/// fixtures, reads back into an equal Document and writes the same bytes again: `batch`
/// output can be loaded as `whosaid::Document`.
#[test]
fn documents_round_trip_through_json() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => texts.push(std::fs::read_to_string(&path).unwrap()),
            Some("jsonl") => {
                for line in std::fs::read_to_string(&path).unwrap().lines() {
                    let v: serde_json::Value = serde_json::from_str(line).unwrap();
                    texts.push(v["text"].as_str().unwrap().to_string());
                }
            }
            _ => {}
        }
    }
    assert!(texts.len() > 20, "{} articles", texts.len());
    let extractor = Extractor::new();
    let mut parts = 0;
    for text in &texts {
        let doc = extractor.extract(text);
        parts += doc.quotes.iter().filter(|q| !q.parts.is_empty()).count();
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
    // The fields left out when empty (parts, roles, gender, cue span) are exercised too.
    assert!(parts > 0);
}
