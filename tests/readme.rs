//! The README's output sample is what `extract` gives for the seed article: every field of
//! its entities but `mentions` as they are, each mention it shows among the entity's, and each
//! quote it shows whole. The sample abbreviates; it may not drift.

use serde_json::Value;

/// The JSON block under the README's "Output contract" heading.
fn readme_sample() -> Value {
    let readme = include_str!("../README.md");
    let section = readme
        .split("## Output contract")
        .nth(1)
        .expect("an Output contract section");
    let block = section
        .split("```json\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("a json block in the Output contract section");
    serde_json::from_str(block).unwrap_or_else(|e| panic!("the README's sample: {e}\n{block}"))
}

#[test]
fn the_readme_sample_is_the_seed_articles_output() {
    let text = include_str!("fixtures/seed-article.txt");
    let doc = whosaid::Extractor::new().extract(text);
    // Through the JSON text, as users read it: an f32 confidence is written as "0.95".
    let got: Value = serde_json::from_str(&serde_json::to_string(&doc).unwrap()).unwrap();
    let sample = readme_sample();
    let entities = sample["entities"].as_array().expect("entities");
    let quotes = sample["quotes"].as_array().expect("quotes");
    assert!(!entities.is_empty() && !quotes.is_empty());
    for want in entities {
        let id = &want["id"];
        let have = got["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| &e["id"] == id)
            .unwrap_or_else(|| panic!("no entity {id} in the seed article's output"));
        let (want, have) = (want.as_object().unwrap(), have.as_object().unwrap());
        let keys = |o: &serde_json::Map<String, Value>| {
            let mut k: Vec<String> = o.keys().cloned().collect();
            k.sort();
            k
        };
        assert_eq!(keys(want), keys(have), "the fields of {id}");
        for (key, value) in want {
            if key == "mentions" {
                for m in value.as_array().unwrap() {
                    assert!(
                        have["mentions"].as_array().unwrap().contains(m),
                        "{id}: mention {m} not in the output"
                    );
                }
            } else {
                assert_eq!(value, &have[key], "{id}: {key}");
            }
        }
    }
    for want in quotes {
        assert!(
            got["quotes"].as_array().unwrap().contains(want),
            "quote {want} is not in the seed article's output"
        );
    }
}
