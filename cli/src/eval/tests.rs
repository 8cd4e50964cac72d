//! The scorer's unit tests: matching, cues, names, parts, entities and gender, on spans made
//! by hand and on what the library extracts.

use whosaid::{EntityKind, Extractor, Gender};

use super::doc::*;
use super::report::pick;
use super::score::*;
use super::THRESHOLDS;

/// Shorthand for a span.
fn sp(start: usize, end: usize) -> Span {
    Span::new(start, end)
}

#[test]
fn exact_match_is_found_at_both_thresholds() {
    for t in THRESHOLDS {
        let m = match_spans(&[sp(10, 20)], &[sp(10, 20)], t);
        assert_eq!(m.gold_to_sys, vec![Some(0)]);
        assert_eq!(m.sys_to_gold, vec![Some(0)]);
    }
}

#[test]
fn half_coverage_is_found_at_0_3_not_0_8() {
    let gold = [sp(0, 100)];
    let sys = [sp(50, 150)];
    assert_eq!(match_spans(&gold, &sys, 0.3).gold_to_sys, vec![Some(0)]);
    assert_eq!(match_spans(&gold, &sys, 0.8).gold_to_sys, vec![None]);
    // "More than T": exactly 30% is not enough.
    assert_eq!(
        match_spans(&gold, &[sp(70, 100)], 0.3).gold_to_sys,
        vec![None]
    );
    assert_eq!(
        match_spans(&gold, &[sp(69, 100)], 0.3).gold_to_sys,
        vec![Some(0)]
    );
}

#[test]
fn one_system_quote_matches_one_gold_quote() {
    let m = match_spans(&[sp(0, 10), sp(12, 20)], &[sp(0, 20)], 0.3);
    assert_eq!(m.gold_to_sys, vec![Some(0), None]);
    let (p, r, f) = prf(1, 1, 1, 2);
    assert_eq!((p, r), (1.0, 0.5));
    assert!((f - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
fn best_covering_unused_quote_wins() {
    let m = match_spans(
        &[sp(0, 10), sp(10, 20)],
        &[sp(0, 4), sp(0, 9), sp(10, 20)],
        0.3,
    );
    assert_eq!(m.gold_to_sys, vec![Some(1), Some(2)]);
    assert_eq!(m.sys_to_gold, vec![None, Some(0), Some(1)]);
}

/// Runs the library on `text`, converts, and returns the first quote and the char table.
fn first_quote(text: &str) -> (Sys, Vec<usize>) {
    let c2b = char_to_byte_table(text);
    let doc = Extractor::new().extract(text);
    (convert_sys(&doc, text, &c2b).remove(0), c2b)
}

#[test]
fn direct_quote_is_widened_by_its_marks() {
    let text = "“We will see,” Putin said.";
    let c2b = char_to_byte_table(text);
    // Content "We will see," is chars 1..13; the marks are chars 0 and 13.
    assert_eq!(widen_direct(text, &c2b, sp(1, 13)), sp(0, 14));
    // No marks: unchanged; at the text's edges: no panic.
    assert_eq!(widen_direct(text, &c2b, sp(15, 20)), sp(15, 20));
    assert_eq!(
        widen_direct("abc", &char_to_byte_table("abc"), sp(0, 3)),
        sp(0, 3)
    );
    assert_eq!(
        widen_direct("\"abc\"", &char_to_byte_table("\"abc\""), sp(1, 4)),
        sp(0, 5)
    );
    let (q, _) = first_quote(text);
    assert_eq!(q.kind, Kind::Direct);
    assert_eq!(q.span, sp(0, 14));
    assert_eq!(
        match_spans(&[sp(0, 14)], &[q.span], 0.8).gold_to_sys,
        vec![Some(0)]
    );
}

#[test]
fn offsets_convert_after_multibyte_characters() {
    // "Zoë — café" puts multibyte characters before the quote.
    let text = "Zoë — café. “We will see,” Putin said.";
    let c2b = char_to_byte_table(text);
    assert_eq!(c2b.len(), text.chars().count() + 1);
    let open = text.find('“').unwrap();
    let open_char = text[..open].chars().count();
    assert_eq!(byte_to_char(&c2b, open), open_char);
    assert_eq!(slice(text, &c2b, sp(open_char, open_char + 1)), "“");
    let (q, c2b) = first_quote(text);
    assert_eq!(slice(text, &c2b, q.span), "“We will see,”");
    assert_eq!(slice(text, &c2b, q.speaker.unwrap()), "Putin");
    assert_eq!(q.speaker, Some(sp(open_char + 15, open_char + 20)));
}

#[test]
fn gold_is_read_in_characters() {
    let line = r#"{"id":"x","text":"Zoë said “yes”.","extra":1,"quotes":[{"start":9,"end":14,"text":"“yes”","kind":"direct","speaker":"Zoë","speaker_start":0,"speaker_end":3,"cue":"said","cue_start":4,"cue_end":8,"has_source":true,"unknown":null}]}"#;
    let raw: RawDoc = serde_json::from_str(line).unwrap();
    let c2b = char_to_byte_table(&raw.text);
    let gold = convert_gold(&raw, &c2b).unwrap();
    assert_eq!(gold[0].span, sp(9, 14));
    assert!(gold[0].speech && gold[0].has_source);
    let bad = r#"{"text":"abc","quotes":[{"start":0,"end":9,"kind":"direct"}]}"#;
    let raw: RawDoc = serde_json::from_str(bad).unwrap();
    assert!(convert_gold(&raw, &char_to_byte_table(&raw.text)).is_err());
    let nulls = r#"{"id":null,"text":"abc","quotes":[{"start":0,"end":3,"kind":"indirect","speaker":null,"speaker_start":null,"speaker_end":null,"cue":null,"has_source":null}]}"#;
    let raw: RawDoc = serde_json::from_str(nulls).unwrap();
    let gold = convert_gold(&raw, &char_to_byte_table(&raw.text)).unwrap();
    assert!(!gold[0].has_source && !gold[0].speech);
}

#[test]
fn speech_cues_and_cue_comparison() {
    for cue in [
        "said",
        "says",
        "Said:",
        "has said",
        "told",
        "according to",
        "wrote",
        "adding",
        "stated",
        "admitted",
        "denied",
        "emphasized",
        "promising",
        "replies",
        "called for",
    ] {
        assert!(is_speech_cue(cue), "{cue}");
    }
    for cue in ["shows", "believes", ":", "―", "found", "spied on"] {
        assert!(!is_speech_cue(cue), "{cue}");
    }
    assert!(same_cue("Said:", Some("said")));
    assert!(!same_cue("has said", Some("said")));
    assert!(!same_cue("said", None));
    assert!(same_cue(":", Some(":")));
}

#[test]
fn samples_are_evenly_spaced() {
    let items: Vec<usize> = (0..10).collect();
    assert_eq!(pick(&items, 3), vec![&0, &3, &6]);
    assert_eq!(pick(&items, 20).len(), 10);
}

#[test]
fn names_are_normalized() {
    assert_eq!(normalize_name("Ms. O’Brien’s"), "ms o brien");
    assert_eq!(normalize_name("  Priya   Natarajan's "), "priya natarajan");
    assert_eq!(
        normalize_name("Halvorsen Foods Inc."),
        "halvorsen foods inc"
    );
    assert_eq!(normalize_name("Jean-Luc PICARD"), "jean luc picard");
    assert_eq!(normalize_name("Élodie Kovač"), "élodie kovač");
    // Only a final "'s" goes.
    assert_eq!(normalize_name("St. James's Park"), "st james s park");
    assert_eq!(normalize_name("Ross"), "ross");
}

/// A gold quote at `span` with a gold speaker name.
fn gold_quote(span: Span, name: Option<&str>) -> Gold {
    Gold {
        kind: Kind::Direct,
        span,
        speaker: name.map(|_| sp(0, 1)),
        speaker_text: name.map(str::to_string),
        speaker_name: name.map(str::to_string),
        cue: Some("said".into()),
        has_source: name.is_some(),
        speech: true,
        pieces: 1,
    }
}

/// A system quote at `span` with a speaker name and parts.
fn sys_quote(span: Span, name: Option<&str>, parts: Vec<Span>) -> Sys {
    Sys {
        kind: Kind::Direct,
        span,
        speaker: name.map(|_| sp(0, 1)),
        speaker_text: name.map(str::to_string),
        speaker_name: name.map(str::to_string),
        cue: Some("said".into()),
        confidence: 0.9,
        parts,
    }
}

#[test]
fn speaker_names_compare_normalized_and_null_gold_needs_no_speaker() {
    let g = gold_quote(sp(0, 9), Some("Priya Natarajan"));
    assert!(name_correct(
        &g,
        &sys_quote(sp(0, 9), Some("priya natarajan’s"), vec![])
    ));
    assert!(!name_correct(
        &g,
        &sys_quote(sp(0, 9), Some("Natarajan"), vec![])
    ));
    assert!(!name_correct(&g, &sys_quote(sp(0, 9), None, vec![])));
    let none = gold_quote(sp(0, 9), None);
    assert!(name_correct(&none, &sys_quote(sp(0, 9), None, vec![])));
    assert!(!name_correct(
        &none,
        &sys_quote(sp(0, 9), Some("he"), vec![])
    ));
    assert_eq!(
        name_category(Some("She")),
        "a pronoun (he, she, they, who, ...)"
    );
    assert_eq!(
        name_category(Some("Natarajan")),
        "a single word (a surname alone)"
    );
    assert_eq!(
        name_category(Some("the company")),
        "a description (lowercase word or \"the\" first)"
    );
    assert_eq!(
        name_category(Some("The union president")),
        "a description (lowercase word or \"the\" first)"
    );
    assert_eq!(name_category(Some("Kathy Hochul")), "other");
    assert_eq!(name_category(None), "no speaker");
}

#[test]
fn interrupted_quotes_vote_and_split() {
    // "A," she said, "B." with parts 0..4 and 15..19; the whole quote 0..19.
    let parts = vec![sp(0, 4), sp(15, 19)];
    let sys = vec![sys_quote(sp(0, 19), Some("Ann"), parts.clone())];
    // One gold quote over both parts joins; one per part splits; one part alone: no vote.
    assert_eq!(part_votes(&[sp(0, 19)], &sys), (0, 1));
    assert_eq!(part_votes(&[sp(0, 4), sp(15, 19)], &sys), (1, 0));
    assert_eq!(part_votes(&[sp(0, 4)], &sys), (0, 0));
    assert_eq!(part_votes(&[sp(30, 40)], &sys), (0, 0));
    // A quote in one piece never votes.
    assert_eq!(
        part_votes(
            &[sp(0, 4), sp(15, 19)],
            &[sys_quote(sp(0, 19), None, vec![])]
        ),
        (0, 0)
    );
    let split = split_parts(sys.clone());
    assert_eq!(split.len(), 2);
    assert_eq!(split[0].span, sp(0, 4));
    assert_eq!(split[1].span, sp(15, 19));
    assert!(split.iter().all(|s| s.parts.is_empty()
        && s.speaker_name.as_deref() == Some("Ann")
        && s.cue.as_deref() == Some("said")));
    // Scored against a gold set that splits: both found at 0.8, where the whole quote
    // finds only one.
    let gold = [sp(0, 4), sp(15, 19)];
    let spans: Vec<Span> = split.iter().map(|s| s.span).collect();
    assert_eq!(
        match_spans(&gold, &spans, 0.8).gold_to_sys,
        vec![Some(0), Some(1)]
    );
    assert_eq!(
        match_spans(&gold, &[sp(0, 19)], 0.8).gold_to_sys,
        vec![Some(0), None]
    );
}

#[test]
fn interrupted_quote_parts_come_from_the_library() {
    let text = "“We can fix it,” Natarajan said. “I’d rather explain a detour.”";
    let c2b = char_to_byte_table(text);
    let sys = convert_sys(&Extractor::new().extract(text), text, &c2b);
    assert_eq!(sys.len(), 1);
    let parts: Vec<&str> = sys[0].parts.iter().map(|p| slice(text, &c2b, *p)).collect();
    assert_eq!(
        parts,
        ["“We can fix it,”", "“I’d rather explain a detour.”"]
    );
}

/// A name of type `ty` at `start..end`.
fn nm(start: usize, end: usize, ty: EntType) -> Name {
    Name {
        span: sp(start, end),
        ty,
        text: String::new(),
    }
}

#[test]
fn entities_are_scored_by_exact_span_and_type() {
    use EntType::{Loc, Org, Per};
    let gold = [
        nm(0, 5, Per),
        nm(6, 10, Org),
        nm(11, 15, Loc),
        nm(30, 35, Per),
    ];
    let sys = [
        nm(0, 5, Per),   // right
        nm(6, 10, Per),  // right span, wrong type
        nm(11, 14, Loc), // boundary error
        nm(20, 25, Loc), // nothing there
        nm(0, 5, Per),   // the same span and type again counts once
    ];
    let c = count_names(&gold, &sys);
    assert_eq!(c.gold, [2, 1, 1]);
    assert_eq!(c.sys, [2, 0, 2]);
    assert_eq!(c.correct, [1, 0, 0]);
    assert_eq!((c.span_gold, c.span_sys, c.span_correct), (4, 4, 2));
    assert_eq!(name_note(&gold[1], &sys, &[]), "same span as PER");
    assert_eq!(name_note(&gold[2], &sys, &[]), "overlaps LOC \"\"");
    assert_eq!(name_note(&gold[3], &sys, &[]), "nothing there");
    assert_eq!(
        name_note(&sys[3], &gold, &[sp(20, 25)]),
        "same span as MISC"
    );
}

#[test]
fn gold_and_system_names_are_converted() {
    let line = r#"{"text":"Zoë Lund of Acme visited Paris. French fries.","quotes":[],"entities":[{"start":0,"end":8,"text":"Zoë Lund","type":"PER"},{"start":32,"end":38,"text":"French","type":"MISC"}]}"#;
    let raw: RawDoc = serde_json::from_str(line).unwrap();
    let c2b = char_to_byte_table(&raw.text);
    let (gold, misc) =
        convert_gold_names(raw.entities.as_deref().unwrap(), &raw.text, &c2b).unwrap();
    assert_eq!(
        gold,
        vec![Name {
            span: sp(0, 8),
            ty: EntType::Per,
            text: "Zoë Lund".into()
        }]
    );
    assert_eq!(misc, vec![sp(32, 38)]);
    assert_eq!(EntType::of_kind(EntityKind::Nationality), None);
    assert_eq!(EntType::of_kind(EntityKind::Location), Some(EntType::Loc));
    let doc = Extractor::new().extract(&raw.text);
    let sys = convert_sys_names(&doc, &raw.text, &c2b);
    // Paris is a gazetteer place, in characters after the multibyte ë.
    assert!(sys.contains(&Name {
        span: sp(25, 30),
        ty: EntType::Loc,
        text: "Paris".into()
    }));
    assert!(sys.iter().all(|n| n.text != "French"));
    let bad = r#"{"text":"abc","entities":[{"start":0,"end":2,"text":"abc","type":"PER"}]}"#;
    let raw: RawDoc = serde_json::from_str(bad).unwrap();
    let c2b = char_to_byte_table(&raw.text);
    assert!(convert_gold_names(raw.entities.as_deref().unwrap(), &raw.text, &c2b).is_err());
}

/// A system person with these names (normalized here), gender and source flag.
fn person(names: &[&str], gender: Option<Gender>, source: bool) -> Person {
    Person {
        names: names.iter().map(|n| normalize_name(n)).collect(),
        gender,
        source,
    }
}

#[test]
fn people_and_sources_are_counted_by_gender() {
    let set = |names: &[&str]| names.iter().map(|n| normalize_name(n)).collect();
    let gold: GenderGold = [
        set(&["Priya Natarajan", "Gail Hutchins"]),
        set(&["Colin Dray"]),
        set(&["Priya Natarajan"]),
        set(&["Colin Dray"]),
    ];
    let people = [
        // Found by a mention, and a source.
        person(
            &["Priya Natarajan", "Natarajan"],
            Some(Gender::Female),
            true,
        ),
        // A woman under a man's name: wrong in the female rows, no help in the male ones.
        person(&["Colin Dray"], Some(Gender::Female), false),
        // The right name without a gender counts nowhere.
        person(&["Gail Hutchins"], None, true),
        // A man of the gold, not a source.
        person(&["Mr. Dray", "Colin Dray’s"], Some(Gender::Male), false),
    ];
    let c = count_gender(&gold, &people);
    let row = |gold, found, sys, sys_right| GenderCounts {
        gold,
        found,
        sys,
        sys_right,
    };
    assert_eq!(c[0], row(2, 1, 2, 1));
    assert_eq!(c[1], row(1, 1, 1, 1));
    assert_eq!(c[2], row(1, 1, 1, 1));
    assert_eq!(c[3], row(1, 0, 0, 0));
    let raw: RawDoc = serde_json::from_str(
        r#"{"text":"x","doc_people_female":["Ann Lee's"],"doc_people_male":[],"doc_sources_female":[]}"#,
    )
    .unwrap();
    assert_eq!(convert_gender_gold(&raw), None);
}

#[test]
fn system_people_know_whether_they_speak() {
    let text = "Vladimir Putin met Emmanuel Macron. “We will see,” Putin said.";
    let people = convert_people(&Extractor::new().extract(text));
    let putin = people
        .iter()
        .find(|p| p.names.contains("vladimir putin"))
        .unwrap();
    assert!(putin.source && putin.names.contains("putin"));
    let macron = people
        .iter()
        .find(|p| p.names.contains("emmanuel macron"))
        .unwrap();
    assert!(!macron.source);
}
