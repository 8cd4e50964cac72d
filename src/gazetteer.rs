//! Gazetteer entries: what whosaid knows about people, organizations, places and nationalities,
//! and how JSON Lines files of them are read and checked.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::hash::FastSet;

/// The built-in gazetteer files, compiled into the crate. Each is `(file name, contents)`.
pub(crate) const BUILTIN: &[(&str, &str)] = &[
    ("people.jsonl", include_str!("../gazetteers/people.jsonl")),
    (
        "organizations.jsonl",
        include_str!("../gazetteers/organizations.jsonl"),
    ),
    (
        "locations.jsonl",
        include_str!("../gazetteers/locations.jsonl"),
    ),
    (
        "nationalities.jsonl",
        include_str!("../gazetteers/nationalities.jsonl"),
    ),
    ("cities.jsonl", include_str!("../gazetteers/cities.jsonl")),
];

/// What an entity is.
///
/// ```
/// use whosaid::EntityKind;
/// assert_eq!(serde_json::to_string(&EntityKind::Person).unwrap(), "\"person\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person: "Vladimir Putin".
    Person,
    /// An organization, including governments by metonym: "NATO", "the Kremlin".
    Organization,
    /// A place: a country, city or region: "Ukraine", "Moscow".
    Location,
    /// A nationality or other group adjective: "Russian", "European".
    Nationality,
}

impl EntityKind {
    fn parse(s: &str) -> Option<EntityKind> {
        Some(match s {
            "person" => EntityKind::Person,
            "organization" => EntityKind::Organization,
            "location" => EntityKind::Location,
            "nationality" => EntityKind::Nationality,
            _ => return None,
        })
    }
}

/// A person's gender as the gazetteer states it, used to resolve "he" and "she".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Gender {
    /// Referred to as "he".
    Male,
    /// Referred to as "she".
    Female,
    /// Neither: such a person is never the referent of "he" or "she".
    Other,
}

/// Whether an entry's names must match with their case as written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Case {
    /// The default: "Turkey" matches "Turkey" and, in all-capital text such as a dateline,
    /// "TURKEY", but never "turkey". Names written in capitals ("NATO") match only so.
    #[default]
    Sensitive,
    /// Any capitalization matches: "kyiv", "Kyiv", "KYIV".
    Insensitive,
}

/// One gazetteer entry: an entity whosaid can recognise.
///
/// In files, an entry is one line of JSON:
///
/// ```json
/// {"id": "vladimir-putin", "kind": "person", "name": "Vladimir Putin", "aliases": ["Putin"],
///  "titles": ["Russian President"], "gender": "male"}
/// ```
///
/// Built in code:
///
/// ```
/// use whosaid::{Entry, EntityKind};
///
/// let mut entry = Entry::new("jane-doe", EntityKind::Person, "Jane Doe");
/// entry.aliases.push("Doe".to_string());
/// entry.titles.push("Mayor of Springfield".to_string());
/// let extractor = whosaid::Extractor::builder().entry(entry).build().unwrap();
/// let doc = extractor.extract("Doe spoke first.");
/// assert_eq!(doc.entities[0].id, "jane-doe");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// A stable slug, unique in the gazetteer: `"vladimir-putin"`.
    pub id: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// The canonical name, reported in every [`Entity`](crate::Entity) and speaker.
    pub name: String,
    /// Other names that mean the same entity: a surname, a transliteration, an abbreviation.
    pub aliases: Vec<String>,
    /// Role phrases naming this entity, before a name ("Foreign Minister Sergei Lavrov") or
    /// alone as a speaker ("the Russian foreign minister said"). Matched in any case.
    pub titles: Vec<String>,
    /// The person's gender, where public.
    pub gender: Option<Gender>,
    /// The Wikidata QID, only where known for certain.
    pub wikidata: Option<String>,
    /// How names match, see [`Case`].
    pub case: Case,
    // The documentation fields of a gazetteer line, kept for the user to read (`as_of()`,
    // `note()`, `country()`), never used in matching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<String>,
}

impl Entry {
    /// An entry with no aliases, titles, gender or Wikidata id, matched case-sensitively.
    pub fn new(id: impl Into<String>, kind: EntityKind, name: impl Into<String>) -> Entry {
        Entry {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            titles: Vec::new(),
            gender: None,
            wikidata: None,
            case: Case::Sensitive,
            as_of: None,
            note: None,
            country: None,
        }
    }

    /// The `as_of` field of the entry's line: the month (`YYYY-MM`) its titles were last
    /// checked to hold. `None` when the line has none, and for an entry built in code.
    ///
    /// ```
    /// let line = r#"{"id": "ana-silva", "kind": "person", "name": "Ana Silva", "as_of": "2025-11"}"#;
    /// let extractor = whosaid::Extractor::builder().builtin(false).gazetteer_str("mine.jsonl", line)?.build()?;
    /// assert_eq!(extractor.entries()[0].as_of(), Some("2025-11"));
    /// # Ok::<(), whosaid::Error>(())
    /// ```
    pub fn as_of(&self) -> Option<&str> {
        self.as_of.as_deref()
    }

    /// The `note` field of the entry's line: free text for the people who keep the file.
    ///
    /// ```
    /// let line = r#"{"id": "acme", "kind": "organization", "name": "Acme", "note": "not Acme Inc."}"#;
    /// let extractor = whosaid::Extractor::builder().builtin(false).gazetteer_str("mine.jsonl", line)?.build()?;
    /// assert_eq!(extractor.entries()[0].note(), Some("not Acme Inc."));
    /// # Ok::<(), whosaid::Error>(())
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// The `country` field of the entry's line: the id of the related country's entry
    /// (`"russia"`), for nationalities, cities, regions and national bodies.
    ///
    /// ```
    /// let extractor = whosaid::Extractor::new();
    /// let moscow = extractor.entries().iter().find(|e| e.id == "moscow").unwrap();
    /// assert_eq!(moscow.country(), Some("russia"));
    /// ```
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    /// Checks what serde cannot: non-empty, trimmed id and names.
    pub(crate) fn validate(&self) -> Result<(), ErrorKind> {
        if self.id.is_empty() || self.id.trim() != self.id {
            return Err(ErrorKind::EmptyId);
        }
        if self.name.trim().is_empty() {
            return Err(ErrorKind::EmptyName("name"));
        }
        if self.aliases.iter().any(|a| a.trim().is_empty()) {
            return Err(ErrorKind::EmptyName("alias"));
        }
        if self.titles.iter().any(|t| t.trim().is_empty()) {
            return Err(ErrorKind::EmptyName("title"));
        }
        Ok(())
    }
}

/// An entry as written in a file, before its strings are checked, so that each problem gets
/// its own error kind rather than one serde message.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry<'a> {
    id: String,
    // Borrowed where the line has no escapes: the words are checked, not kept.
    #[serde(borrow)]
    kind: Cow<'a, str>,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default, borrow)]
    gender: Option<Cow<'a, str>>,
    #[serde(default)]
    wikidata: Option<String>,
    #[serde(default, borrow)]
    case: Option<Cow<'a, str>>,
    // Documentation fields: kept for the user to read, not used in matching.
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    country: Option<String>,
}

impl RawEntry<'_> {
    fn into_entry(self) -> Result<Entry, ErrorKind> {
        let kind = EntityKind::parse(&self.kind)
            .ok_or_else(|| ErrorKind::UnknownKind(self.kind.into_owned()))?;
        let gender = match self.gender.as_deref() {
            None => None,
            Some("male") => Some(Gender::Male),
            Some("female") => Some(Gender::Female),
            Some("other") => Some(Gender::Other),
            Some(other) => return Err(ErrorKind::UnknownGender(other.to_string())),
        };
        let case = match self.case.as_deref() {
            None | Some("sensitive") => Case::Sensitive,
            Some("insensitive") => Case::Insensitive,
            Some(other) => return Err(ErrorKind::UnknownCase(other.to_string())),
        };
        let entry = Entry {
            id: self.id,
            kind,
            name: self.name,
            aliases: self.aliases,
            titles: self.titles,
            gender,
            wikidata: self.wikidata,
            case,
            as_of: self.as_of,
            note: self.note,
            country: self.country,
        };
        entry.validate()?;
        Ok(entry)
    }
}

/// Reads a JSON Lines gazetteer. Blank lines are skipped; every other line must be one entry.
/// Duplicate ids within the one source are an error.
pub(crate) fn parse_jsonl(origin: &str, text: &str) -> Result<Vec<Entry>, Error> {
    let mut entries = Vec::new();
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let lineno = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawEntry = serde_json::from_str(line).map_err(|e| {
            let kind = not_json_lines(line, &e).unwrap_or_else(|| ErrorKind::Json {
                column: e.column(),
                message: strip_position(&e),
            });
            Error::new(origin, Some(lineno), kind)
        })?;
        let entry = raw
            .into_entry()
            .map_err(|k| Error::new(origin, Some(lineno), k))?;
        entries.push(entry);
        lines.push(lineno);
    }
    let mut seen: FastSet<&str> = FastSet::default();
    seen.reserve(entries.len());
    for (entry, &lineno) in entries.iter().zip(&lines) {
        if !seen.insert(&entry.id) {
            let id = entry.id.clone();
            return Err(Error::new(origin, Some(lineno), ErrorKind::DuplicateId(id)));
        }
    }
    drop(seen);
    Ok(entries)
}

/// The error for a file written as one JSON document rather than one entry a line: an array
/// (`[{…}, {…}]` on one line, or `[` alone on the first line of a pretty-printed one), or a
/// pretty-printed object (`{` alone on its line). serde's own message ("invalid type: map,
/// expected a string", "EOF while parsing a list") would not say what to do. A line cut short
/// (`{"id": "a"`) keeps serde's message.
fn not_json_lines(line: &str, e: &serde_json::Error) -> Option<ErrorKind> {
    let line = line.trim();
    if line.starts_with('[') {
        Some(ErrorKind::NotJsonLines("a JSON array"))
    } else if line == "{" && e.is_eof() {
        Some(ErrorKind::NotJsonLines("an object over several lines"))
    } else {
        None
    }
}

/// serde_json appends " at line L column C" to its messages; the line is ours to report.
/// Control chars (a field name holding a line break) are escaped, so an error stays one line.
fn strip_position(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => &msg[..],
    };
    msg.chars()
        .flat_map(|c| {
            let escaped = c.is_control().then(|| c.escape_default());
            escaped
                .into_iter()
                .flatten()
                .chain((!c.is_control()).then_some(c))
        })
        .collect()
}

/// Reads raw bytes as a gazetteer, reporting the line of the first invalid UTF-8 byte.
pub(crate) fn parse_bytes(origin: &str, bytes: &[u8]) -> Result<Vec<Entry>, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_jsonl(origin, text),
        Err(e) => {
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..e.valid_up_to()]).count();
            Err(Error::new(origin, Some(line), ErrorKind::NotUtf8))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_parse() {
        for (name, text) in BUILTIN {
            let entries = parse_jsonl(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!entries.is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn errors_name_the_line() {
        let text = "{\"id\": \"a\", \"kind\": \"person\", \"name\": \"A\"}\n\n{\"id\": \"b\"";
        let err = parse_jsonl("t.jsonl", text).unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert!(matches!(err.kind(), ErrorKind::Json { .. }), "{err}");
    }

    #[test]
    fn each_problem_has_its_kind() {
        let cases: &[(&str, ErrorKind)] = &[
            (
                r#"{"id": "a", "kind": "city", "name": "A"}"#,
                ErrorKind::UnknownKind("city".into()),
            ),
            (
                r#"{"id": "a", "kind": "person", "name": "  "}"#,
                ErrorKind::EmptyName("name"),
            ),
            (
                r#"{"id": "", "kind": "person", "name": "A"}"#,
                ErrorKind::EmptyId,
            ),
            (
                r#"{"id": "a", "kind": "person", "name": "A", "aliases": [""]}"#,
                ErrorKind::EmptyName("alias"),
            ),
            (
                r#"{"id": "a", "kind": "person", "name": "A", "gender": "m"}"#,
                ErrorKind::UnknownGender("m".into()),
            ),
            (
                r#"{"id": "a", "kind": "person", "name": "A", "case": "upper"}"#,
                ErrorKind::UnknownCase("upper".into()),
            ),
        ];
        for (line, want) in cases {
            let err = parse_jsonl("t", line).unwrap_err();
            assert_eq!(err.kind(), want, "{line}");
            assert_eq!(err.line(), Some(1));
        }
    }

    #[test]
    fn duplicate_ids_and_unknown_fields() {
        let a = r#"{"id": "a", "kind": "person", "name": "A"}"#;
        let err = parse_jsonl("t", &format!("{a}\n{a}\n")).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::DuplicateId("a".into()));
        assert_eq!(err.line(), Some(2));
        let err =
            parse_jsonl("t", r#"{"id": "a", "kind": "person", "name": "A", "x": 1}"#).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Json { message, .. } if message.contains("`x`")));
    }

    #[test]
    fn json_errors_stay_on_one_line() {
        let err = parse_jsonl(
            "t",
            "{\"id\": \"a\", \"kind\": \"person\", \"name\": \"A\", \"x\\ny\": 1}",
        )
        .unwrap_err();
        assert!(!err.to_string().contains('\n'), "{err}");
        assert!(err.to_string().contains("x\\ny"), "{err}");
    }

    #[test]
    fn a_json_array_or_pretty_printed_file_says_one_object_a_line() {
        let a = r#"{"id": "a", "kind": "person", "name": "A"}"#;
        let b = r#"{"id": "b", "kind": "person", "name": "B"}"#;
        let pretty_object = "{\n  \"id\": \"a\",\n  \"kind\": \"person\",\n  \"name\": \"A\"\n}\n";
        let cases: &[(String, usize, &str)] = &[
            (format!("[{a}, {b}]\n"), 1, "a JSON array"),
            (format!("[\n  {a},\n  {b}\n]\n"), 1, "a JSON array"),
            (format!("{a}\n  [{b}]\n"), 2, "a JSON array"),
            (pretty_object.to_string(), 1, "an object over several lines"),
        ];
        for (text, line, found) in cases {
            let err = parse_jsonl("list.json", text).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::NotJsonLines(found), "{text}");
            assert_eq!(err.line(), Some(*line), "{text}");
            assert_eq!(
                err.to_string(),
                format!(
                    "list.json:{line}: expected one JSON object a line (JSON Lines), found {found}"
                )
            );
        }
    }

    #[test]
    fn documentation_fields_are_kept() {
        let line = r#"{"id": "a", "kind": "location", "name": "A", "as_of": "2025-11", "note": "n", "country": "russia"}"#;
        let entry = &parse_jsonl("t", line).unwrap()[0];
        assert_eq!(entry.as_of(), Some("2025-11"));
        assert_eq!(entry.note(), Some("n"));
        assert_eq!(entry.country(), Some("russia"));
        let plain = Entry::new("b", EntityKind::Person, "B");
        assert_eq!(
            (plain.as_of(), plain.note(), plain.country()),
            (None, None, None)
        );
    }

    #[test]
    fn not_utf8_names_the_line() {
        let err = parse_bytes("t", b"{}\n{}\n\xff\n").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::NotUtf8);
        assert_eq!(err.line(), Some(3));
    }
}
