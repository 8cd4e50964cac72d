//! Quotes and distinct speakers by gender (female, male, other, unknown): the count `table`
//! prints under an article and `tally` sums over an archive.

use std::collections::{BTreeSet, HashMap};

use whosaid::{Document, Gender};

/// The rows of the gender count, in print order.
pub const GENDER_ROWS: [&str; 4] = ["female", "male", "other", "unknown"];

/// Quotes and distinct speakers of one row of [`GENDER_ROWS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenderCount {
    pub quotes: usize,
    pub speakers: usize,
}

impl GenderCount {
    /// Adds `other` into `self`.
    pub fn add(&mut self, other: GenderCount) {
        self.quotes += other.quotes;
        self.speakers += other.speakers;
    }
}

/// Who a speaker is, for counting them once: their entity, else the words that name them.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Who<'a> {
    Entity(&'a str),
    Name(&'a str),
}

/// Quotes and distinct speakers by the gender of the speaker's entity, in the order of
/// [`GENDER_ROWS`]. A quote with no speaker, or a speaker with no entity or an entity with no
/// gender, is `unknown`; a speaker is an entity id, or for a speaker with no entity their name.
pub fn count_by_gender(doc: &Document) -> [GenderCount; 4] {
    let genders: HashMap<&str, Option<Gender>> = doc
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.gender))
        .collect();
    let mut counts = [GenderCount::default(); 4];
    let mut speakers: [BTreeSet<Who>; 4] = Default::default();
    for q in &doc.quotes {
        let who = q.speaker.as_ref().map(|s| match &s.entity {
            Some(id) => Who::Entity(id),
            None => Who::Name(&s.name),
        });
        let gender = match who {
            Some(Who::Entity(id)) => genders.get(id).copied().flatten(),
            _ => None,
        };
        let row = match gender {
            Some(Gender::Female) => 0,
            Some(Gender::Male) => 1,
            // Other, and any gender a later version may add.
            Some(_) => 2,
            None => 3,
        };
        counts[row].quotes += 1;
        speakers[row].extend(who);
    }
    for (count, set) in counts.iter_mut().zip(&speakers) {
        count.speakers = set.len();
    }
    counts
}

/// The gender count as an aligned table, one line a row of [`GENDER_ROWS`].
pub fn gender_table(doc: &Document) -> String {
    let mut out = format!("{:<8} {:>6} {:>8}\n", "gender", "quotes", "speakers");
    for (label, c) in GENDER_ROWS.iter().zip(count_by_gender(doc)) {
        out.push_str(&format!("{label:<8} {:>6} {:>8}\n", c.quotes, c.speakers));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use whosaid::{Entity, Extractor, Quote};

    // The output types are `#[non_exhaustive]`: a test builds them from their JSON.
    fn person(id: &str, gender: Option<Gender>) -> Entity {
        serde_json::from_value(json!({
            "id": id, "kind": "person", "name": id, "source": "inferred",
            "gender": gender, "mentions": [],
        }))
        .unwrap()
    }

    /// A quote by `entity` (an id, or `None` for a speaker named `name` with no entity), or by
    /// nobody when both are `None`.
    fn quote(entity: Option<&str>, name: Option<&str>) -> Quote {
        let speaker = (entity.is_some() || name.is_some()).then(|| {
            json!({
                "entity": entity, "name": name.or(entity).unwrap_or_default(),
                "text": "", "start": 0, "end": 0,
            })
        });
        serde_json::from_value(json!({
            "kind": "direct", "text": "", "start": 0, "end": 0, "speaker": speaker,
            "cue": null, "confidence": 0.9,
        }))
        .unwrap()
    }

    fn count(quotes: usize, speakers: usize) -> GenderCount {
        GenderCount { quotes, speakers }
    }

    #[test]
    fn quotes_and_distinct_speakers_by_gender() {
        let mut doc = Document::default();
        doc.entities = vec![
            person("ana", Some(Gender::Female)),
            person("eve", Some(Gender::Female)),
            person("bob", Some(Gender::Male)),
            person("sam", Some(Gender::Other)),
            person("kim", None),
        ];
        doc.quotes = vec![
            quote(Some("ana"), None),
            quote(Some("ana"), None),
            quote(Some("eve"), None),
            quote(Some("bob"), None),
            quote(Some("sam"), None),
            // Unknown: an entity with no gender, one not in the document, two quotes by
            // one unlinked name and one by another, and a quote with no speaker.
            quote(Some("kim"), None),
            quote(Some("ghost"), None),
            quote(None, Some("a spokesman")),
            quote(None, Some("a spokesman")),
            quote(None, Some("kim")),
            quote(None, None),
        ];
        assert_eq!(
            count_by_gender(&doc),
            [count(3, 2), count(1, 1), count(1, 1), count(6, 4)]
        );
    }

    #[test]
    fn table_has_a_row_for_every_gender_even_with_no_quotes() {
        assert_eq!(
            gender_table(&Document::default()),
            "gender   quotes speakers\n\
             female        0        0\n\
             male          0        0\n\
             other         0        0\n\
             unknown       0        0\n"
        );
    }

    /// On the seed article, the table's figures are the ones counted here, one quote at a time.
    #[test]
    fn seed_article_table_matches_its_document() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/seed-article.txt"
        );
        let text = std::fs::read_to_string(path).expect("the seed article");
        let doc = Extractor::new().extract(&text);
        assert!(!doc.quotes.is_empty());
        let mut want = String::from("gender   quotes speakers\n");
        for (label, gender) in [
            ("female", Some(Gender::Female)),
            ("male", Some(Gender::Male)),
            ("other", Some(Gender::Other)),
            ("unknown", None),
        ] {
            let gender_of = |q: &Quote| {
                let id = q.speaker.as_ref()?.entity.as_ref()?;
                doc.entities.iter().find(|e| &e.id == id)?.gender
            };
            let quotes: Vec<&Quote> = doc
                .quotes
                .iter()
                .filter(|q| gender_of(q) == gender)
                .collect();
            let mut speakers: Vec<String> = quotes
                .iter()
                .filter_map(|q| q.speaker.as_ref())
                .map(|s| match &s.entity {
                    Some(id) => format!("entity {id}"),
                    None => format!("name {}", s.name),
                })
                .collect();
            speakers.sort();
            speakers.dedup();
            want.push_str(&format!(
                "{label:<8} {:>6} {:>8}\n",
                quotes.len(),
                speakers.len()
            ));
        }
        assert_eq!(gender_table(&doc), want);
    }
}
