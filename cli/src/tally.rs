//! `whosaid tally`: quotes and distinct speakers by gender over `batch` output, in groups by
//! the fields its lines carry.
//!
//! Each line is `{"id": …, <the input's other fields>…, "document": {…}}` as `batch` writes
//! it; `document` is read back into a `whosaid::Document`. `--by FIELD` groups by a field's
//! value (a string as it is, any other JSON as its JSON text, a missing or null field as an
//! empty group `-`); `--by month:FIELD` by the `YYYY-MM` a date field starts with
//! (`2024-03-17`, `2024-03-17T08:00:00Z`), `--by year:FIELD` by its `YYYY`. Several `--by`
//! group by all of them. Per group and gender (female, male, other, unknown, as `whosaid
//! table` counts them): the articles in the group, their quotes, and their speakers, distinct
//! within each article and summed over the articles (someone quoted in two articles counts
//! twice, as in the Gender Gap Tracker's counts of sources).

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use whosaid::Document;

use crate::gender::{count_by_gender, GenderCount, GENDER_ROWS};
use crate::input::Lines;
use crate::{warn, Common, Result, Stdout};

/// `whosaid tally`.
#[derive(clap::Args)]
#[command(
    after_help = "Speakers are distinct within an article and summed over articles. \
                        A line with no value for a --by field counts in the group - (an \
                        empty cell in CSV). --gazetteer is checked, not used: tally extracts \
                        nothing.\n\n\
                        Example: whosaid batch articles.jsonl | whosaid tally --by outlet \
                        --by month:date --csv - > by-outlet-and-month.csv"
)]
pub struct Args {
    /// `whosaid batch` output, or - for standard input
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Groups by a field of the lines: FIELD, month:FIELD (its YYYY-MM) or year:FIELD (its
    /// YYYY); repeatable
    #[arg(long, value_name = "GROUP", value_parser = parse_group)]
    by: Vec<Group>,
    /// Writes CSV (one header line, then a row per group and gender) instead of a table
    #[arg(long)]
    csv: bool,
}

/// One `--by`: a field, whole or the part of a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// As written on the command line: the column's header.
    label: String,
    field: String,
    part: Part,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Whole,
    Year,
    Month,
}

fn parse_group(spec: &str) -> Result<Group> {
    let (part, field) = match spec.split_once(':') {
        Some(("month", field)) => (Part::Month, field),
        Some(("year", field)) => (Part::Year, field),
        Some((other, _)) => {
            return Err(format!(
                "{other:?} is not month or year (write FIELD, month:FIELD or year:FIELD)"
            ))
        }
        None => (Part::Whole, spec),
    };
    if field.is_empty() {
        return Err("the field name is empty".to_string());
    }
    if field == "document" {
        return Err("document is the extraction, not a field to group by".to_string());
    }
    Ok(Group {
        label: spec.to_string(),
        field: field.to_string(),
        part,
    })
}

impl Group {
    /// This group's key for a line's value of the field; `None` when it has none.
    fn key(&self, value: Option<&Value>) -> Result<Option<String>> {
        let value = match value {
            None | Some(Value::Null) => return Ok(None),
            Some(v) => v,
        };
        let len = match self.part {
            Part::Whole => {
                return Ok(Some(match value {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                }))
            }
            Part::Year => 4,
            Part::Month => 7,
        };
        let date = value.as_str().unwrap_or_default().as_bytes();
        let shape_ok = date.len() >= len
            && date[..len].iter().enumerate().all(|(i, b)| {
                if i == 4 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !shape_ok {
            let want = if len == 4 { "YYYY" } else { "YYYY-MM" };
            return Err(format!(
                "{:?} is {value}, which does not start with {want}",
                self.field
            ));
        }
        Ok(Some(String::from_utf8_lossy(&date[..len]).into_owned()))
    }
}

/// The counts of one group.
#[derive(Default)]
struct Counts {
    articles: usize,
    by_gender: [GenderCount; 4],
}

pub fn run(common: &Common, args: &Args) -> Result<()> {
    // Nothing is extracted here, but a bad --gazetteer is an error in every subcommand.
    if !common.gazetteer.is_empty() {
        common.extractor()?;
    }
    let fields: Vec<String> = args.by.iter().map(|g| g.field.clone()).collect();
    let mut groups: BTreeMap<Vec<Option<String>>, Counts> = BTreeMap::new();
    for path in &args.files {
        let mut lines = Lines::open(path)?;
        while let Some(line) = lines.next() {
            let line = line?;
            let at = format!("{}: line {}", lines.name(), line.number);
            let (text, warning) = lines.text(line, common.lossy)?;
            if let Some(w) = warning {
                warn(&w);
            }
            let parsed = read_line(&text, &fields).map_err(|e| format!("{at}: {e}"))?;
            let document = parsed
                .document
                .ok_or_else(|| format!("{at}: no \"document\" (is this whosaid batch output?)"))?;
            let key = args
                .by
                .iter()
                .zip(&parsed.values)
                .map(|(g, v)| g.key(v.as_ref()))
                .collect::<Result<Vec<_>>>()
                .map_err(|e| format!("{at}: {e}"))?;
            let counts = groups.entry(key).or_default();
            counts.articles += 1;
            for (total, c) in counts.by_gender.iter_mut().zip(count_by_gender(&document)) {
                total.add(c);
            }
        }
    }
    if args.by.is_empty() && groups.is_empty() {
        // No articles: still one row per gender, of zeros.
        groups.insert(Vec::new(), Counts::default());
    }
    let rows = rows(&args.by, &groups);
    let mut out = Stdout::new();
    out.write(&if args.csv { csv(&rows) } else { table(&rows) })?;
    out.flush()
}

/// One `batch` line: its Document and the values of the fields grouped by, in order.
struct Parsed {
    document: Option<Document>,
    values: Vec<Option<Value>>,
}

/// Reads a line's `document` and the fields named, skipping the rest without building it.
fn read_line(text: &str, fields: &[String]) -> std::result::Result<Parsed, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Wanted(fields)
        .deserialize(&mut de)
        .and_then(|p| de.end().map(|()| p))
        .map_err(|e| {
            let msg = e.to_string();
            match msg.rfind(" at line ") {
                Some(i) => msg[..i].to_string(),
                None => msg,
            }
        })?;
    Ok(parsed)
}

/// The fields to keep from a line, as a serde seed.
struct Wanted<'a>(&'a [String]);

impl<'de> DeserializeSeed<'de> for Wanted<'_> {
    type Value = Parsed;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Parsed, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Wanted<'_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with a \"document\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Parsed, A::Error> {
        let mut parsed = Parsed {
            document: None,
            values: vec![None; self.0.len()],
        };
        while let Some(key) = map.next_key::<String>()? {
            if key == "document" {
                parsed.document = Some(map.next_value()?);
            } else if self.0.contains(&key) {
                let value: Value = map.next_value()?;
                for (slot, field) in parsed.values.iter_mut().zip(self.0) {
                    if *field == key {
                        *slot = Some(value.clone());
                    }
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(parsed)
    }
}

/// The header and the rows, every cell as text: the group's values, the gender, articles,
/// quotes, speakers.
fn rows(by: &[Group], groups: &BTreeMap<Vec<Option<String>>, Counts>) -> Vec<Vec<String>> {
    let mut header: Vec<String> = by.iter().map(|g| g.label.clone()).collect();
    header.extend(["gender", "articles", "quotes", "speakers"].map(String::from));
    let mut out = vec![header];
    for (key, counts) in groups {
        for (gender, c) in GENDER_ROWS.iter().zip(counts.by_gender) {
            let mut row: Vec<String> = key.iter().map(|k| k.clone().unwrap_or_default()).collect();
            row.push(gender.to_string());
            row.extend([counts.articles, c.quotes, c.speakers].map(|n| n.to_string()));
            out.push(row);
        }
    }
    out
}

/// The rows as an aligned table: text columns left, counts right, an empty group as `-`.
fn table(rows: &[Vec<String>]) -> String {
    let numbers = 3;
    let shown = |cell: &str| -> String {
        if cell.is_empty() {
            "-".to_string()
        } else {
            cell.replace(['\n', '\t', '\r'], " ")
        }
    };
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .map(|r| shown(&r[c]).chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let cell = shown(cell);
                let pad = " ".repeat(widths[c] - cell.chars().count());
                if c + numbers >= columns {
                    format!("{pad}{cell}")
                } else {
                    format!("{cell}{pad}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The rows as CSV (RFC 4180 quoting, lines ending in a line feed): a cell with a comma, a
/// quote or a line break is quoted.
fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| {
                if cell.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn groups_are_fields_or_parts_of_dates() {
        let outlet = parse_group("outlet").unwrap();
        assert_eq!(
            outlet.key(Some(&json!("Daily"))).unwrap().as_deref(),
            Some("Daily")
        );
        assert_eq!(outlet.key(Some(&json!(7))).unwrap().as_deref(), Some("7"));
        assert_eq!(outlet.key(Some(&json!(null))).unwrap(), None);
        assert_eq!(outlet.key(None).unwrap(), None);
        let month = parse_group("month:date").unwrap();
        assert_eq!(month.label, "month:date");
        assert_eq!(month.field, "date");
        for date in ["2024-03-17", "2024-03-17T08:00:00Z", "2024-03"] {
            assert_eq!(
                month.key(Some(&json!(date))).unwrap().as_deref(),
                Some("2024-03")
            );
        }
        let year = parse_group("year:date").unwrap();
        assert_eq!(
            year.key(Some(&json!("2024-03-17"))).unwrap().as_deref(),
            Some("2024")
        );
        for bad in [json!("March 2024"), json!("2024/03/17"), json!(2024)] {
            let err = month.key(Some(&bad)).unwrap_err();
            assert!(err.contains("does not start with YYYY-MM"), "{err}");
        }
        assert!(parse_group("week:date").is_err());
        assert!(parse_group("month:").is_err());
        assert!(parse_group("document").is_err());
    }

    #[test]
    fn a_line_gives_its_document_and_the_fields_asked_for() {
        let line = r#"{"id":1,"outlet":"Daily","date":"2024-03-17","skip":{"a":[1,2]},"document":{"entities":[],"quotes":[]}}"#;
        let fields = ["date".to_string(), "outlet".to_string(), "date".to_string()];
        let parsed = read_line(line, &fields).unwrap();
        assert_eq!(parsed.document, Some(Document::default()));
        assert_eq!(
            parsed.values,
            [
                Some(json!("2024-03-17")),
                Some(json!("Daily")),
                Some(json!("2024-03-17"))
            ]
        );
        assert!(read_line(r#"{"id":1}"#, &[]).unwrap().document.is_none());
        assert!(read_line(r#"{"document":{"quotes":[]}}"#, &[]).is_err());
        assert!(read_line(r#"{"document":{"entities":[],"quotes":[]}} x"#, &[]).is_err());
    }

    #[test]
    fn table_and_csv_show_the_same_rows() {
        let rows = vec![
            vec![
                "outlet".into(),
                "gender".into(),
                "articles".into(),
                "quotes".into(),
                "speakers".into(),
            ],
            vec![
                "The \"Daily\", Inc.".into(),
                "female".into(),
                "12".into(),
                "3".into(),
                "2".into(),
            ],
            vec![
                "".into(),
                "unknown".into(),
                "1".into(),
                "10".into(),
                "4".into(),
            ],
        ];
        assert_eq!(
            table(&rows),
            "outlet             gender   articles  quotes  speakers\n\
             The \"Daily\", Inc.  female         12       3         2\n\
             -                  unknown         1      10         4\n"
        );
        assert_eq!(
            csv(&rows),
            "outlet,gender,articles,quotes,speakers\n\
             \"The \"\"Daily\"\", Inc.\",female,12,3,2\n\
             ,unknown,1,10,4\n"
        );
    }
}
