//! Adds a user's own people to the built-in gazetteer and shows them found.
//!
//! ```text
//! cargo run --release --example custom_gazetteer
//! ```
//!
//! Your own entries can come from a JSON Lines file (`builder.gazetteer_path("people.jsonl")?`),
//! from a string, or be built in code, as here.

use whosaid::{EntityKind, Entry, Extractor, Gender};

fn main() -> Result<(), whosaid::Error> {
    // From JSON Lines text, one entry a line: a local official with her title.
    let council = r#"{"id": "maria-okafor", "kind": "person", "name": "Maria Okafor", "aliases": ["Okafor"], "titles": ["Riverside council leader"], "gender": "female"}
{"id": "riverside-council", "kind": "organization", "name": "Riverside Council", "aliases": ["the council"], "case": "insensitive"}"#;

    // Built in code: a club and its coach.
    let mut coach = Entry::new("sam-adeyemi", EntityKind::Person, "Sam Adeyemi");
    coach.aliases.push("Adeyemi".to_string());
    coach.titles.push("Riverside United coach".to_string());
    coach.gender = Some(Gender::Male);

    let extractor = Extractor::builder()
        .gazetteer_str("council.jsonl", council)?
        .entry(coach)
        .build()?;

    let article =
        "Riverside council leader Maria Okafor said the stadium would be rebuilt by 2027.\n\
                   “We owe it to the fans,” Okafor said.\n\
                   The Riverside United coach said his players were “delighted”.";
    let doc = extractor.extract(article);

    println!("entities:");
    for e in &doc.entities {
        println!(
            "  {:<20} {:<13?} {} mention(s)",
            e.id,
            e.kind,
            e.mentions.len()
        );
    }
    println!("quotes:");
    for q in &doc.quotes {
        let who = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
        println!("  {:<14} {:<9?} {:?}", who, q.kind, q.text);
    }
    Ok(())
}
