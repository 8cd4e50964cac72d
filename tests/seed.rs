//! What issue 2 asks of the seed article, asserted one by one (the snapshot shows the rest).

use whosaid::{EntityKind, Extractor, QuoteKind};

fn doc() -> (&'static str, whosaid::Document) {
    let text = include_str!("fixtures/seed-article.txt");
    (text, Extractor::new().extract(text))
}

#[test]
fn entities_are_typed() {
    let (_, doc) = doc();
    let kind_of = |name: &str| doc.entities.iter().find(|e| e.name == name).map(|e| e.kind);
    let want = [
        (
            EntityKind::Person,
            &[
                "Vladimir Putin",
                "Volodymyr Zelensky",
                "Donald Trump",
                "Sergei Lavrov",
                "Dmitry Polyanskiy",
                "Emmanuel Macron",
                "Alexander Stubb",
            ][..],
        ),
        (
            EntityKind::Organization,
            &[
                "Kremlin",
                "NATO",
                "United Nations",
                "Coalition of the Willing",
            ],
        ),
        (
            EntityKind::Location,
            &[
                "Ukraine",
                "Russia",
                "Moscow",
                "Alaska",
                "France",
                "United Kingdom",
            ],
        ),
        (
            EntityKind::Nationality,
            &["Russian", "Ukrainian", "French", "Finnish", "European"],
        ),
    ];
    for (kind, names) in want {
        for name in names {
            assert_eq!(kind_of(name), Some(kind), "{name}");
        }
    }
}

#[test]
fn hyphenated_headline_names_both() {
    let (text, doc) = doc();
    let headline = text.find("Zelensky-Putin").unwrap();
    for id in ["volodymyr-zelensky", "vladimir-putin"] {
        let e = doc.entities.iter().find(|e| e.id == id).unwrap();
        assert!(
            e.mentions
                .iter()
                .any(|m| m.start >= headline && m.end <= headline + 14),
            "{id}"
        );
    }
}

#[test]
fn attributions_once_each_with_speaker() {
    let (_, doc) = doc();
    let want: &[(QuoteKind, &str, &str, &str)] = &[
        (QuoteKind::Direct, "We’ll learn more about President Putin's intentions in the next few weeks,", "donald-trump", "stated"),
        (QuoteKind::Indirect, "any dialogue should begin gradually and involve experts before progressing to higher-level talks", "sergei-lavrov", "emphasized"),
        (QuoteKind::Indirect, "no opportunity for direct discussions had been dismissed", "dmitry-polyanskiy", "expressed"),
        (QuoteKind::Indirect, "meetings should not occur merely for their own sake", "dmitry-polyanskiy", "insisted"),
        (QuoteKind::Mixed, "the U.S. could support European allies \"by air\" in Ukraine if they deployed ground forces during a ceasefire or peace agreement", "donald-trump", "indicated"),
        (QuoteKind::Mixed, "Putin as a \"predator,\"", "emmanuel-macron", "labeled"),
    ];
    for (kind, text, speaker, cue) in want {
        let found: Vec<_> = doc.quotes.iter().filter(|q| q.text == *text).collect();
        assert_eq!(
            found.len(),
            1,
            "{text:?} must be found once despite the repeated passage"
        );
        let q = found[0];
        assert_eq!(q.kind, *kind, "{text}");
        assert_eq!(
            q.speaker.as_ref().and_then(|s| s.entity.as_deref()),
            Some(*speaker),
            "{text}"
        );
        assert_eq!(q.cue.as_deref(), Some(*cue), "{text}");
    }
}

#[test]
fn every_span_slices_the_input() {
    let (text, doc) = doc();
    for q in &doc.quotes {
        if q.parts.is_empty() {
            assert_eq!(&text[q.start..q.end], q.text);
        }
        for p in &q.parts {
            assert_eq!(&text[p.start..p.end], p.text);
        }
        if let Some(s) = &q.speaker {
            assert_eq!(&text[s.start..s.end], s.text);
        }
        if let (Some(a), Some(b)) = (q.cue_start, q.cue_end) {
            assert_eq!(Some(&text[a..b]), q.cue.as_deref());
        }
    }
}
