//! The `Document` class and the views it hands out: `Entity`, `Mention`, `Quote`,
//! `QuotePart`, `Speaker`.
//!
//! A Python `Document` holds the crate's `Document` as it came out (so `to_json()` and the
//! HTML are the crate's own, byte offsets and all), the article's UTF-8 and its
//! [`CharIndex`]. The other classes are views into it (the shared data and an index), made
//! when an attribute is read: extracting an article makes one Python object, however many
//! entities and quotes it has, and a field becomes a Python value only when it is read.
//! Offsets are converted to character offsets as they are read.

use std::collections::HashMap;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::Serialize;

use whosaid::{EntityKind, Gender, QuoteKind, Source};

use crate::offsets::CharIndex;
use crate::text::Utf8;

/// One article's extraction, shared by its `Document` and every view into it.
pub(crate) struct Data {
    doc: whosaid::Document,
    utf8: Utf8,
    index: CharIndex,
}

impl Data {
    /// A document read back (from its pickle), with the text it was extracted from.
    pub(crate) fn from_parts(doc: whosaid::Document, utf8: Utf8) -> Data {
        let index = CharIndex::new(&utf8);
        Data { doc, utf8, index }
    }

    /// Runs `extractor` on `utf8` and indexes its characters: all the work of an article that
    /// needs no GIL.
    pub(crate) fn extract(extractor: &whosaid::Extractor, utf8: Utf8) -> Data {
        let doc = extractor.extract(&utf8);
        let index = CharIndex::new(&utf8);
        Data { doc, utf8, index }
    }

    /// The character offset of a byte offset of this document.
    fn char(&self, byte: usize) -> usize {
        self.index.char_offset(&self.utf8, byte)
    }

    fn entity(&self, e: usize) -> &whosaid::Entity {
        &self.doc.entities[e]
    }

    fn quote(&self, q: usize) -> &whosaid::Quote {
        &self.doc.quotes[q]
    }
}

/// An enum's word in the JSON contract ("person", "direct", "gazetteer", "female"), from
/// its serde form.
fn word<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

// The contract's words for the crate's enums as interned Python strings, without serializing
// anything: these are most of the strings `to_dict` and `quote_rows` make. The last arm
// takes the serde word of a variant added later (the enums are `#[non_exhaustive]` in later
// versions of the crate, which makes the arm reachable). The tests compare every attribute
// with `to_json()`.

#[allow(unreachable_patterns)]
fn entity_kind(py: Python<'_>, kind: EntityKind) -> Bound<'_, PyString> {
    match kind {
        EntityKind::Person => intern!(py, "person").clone(),
        EntityKind::Organization => intern!(py, "organization").clone(),
        EntityKind::Location => intern!(py, "location").clone(),
        EntityKind::Nationality => intern!(py, "nationality").clone(),
        _ => PyString::new(py, &word(&kind)),
    }
}

#[allow(unreachable_patterns)]
fn source(py: Python<'_>, source: Source) -> Bound<'_, PyString> {
    match source {
        Source::Gazetteer => intern!(py, "gazetteer").clone(),
        Source::Inferred => intern!(py, "inferred").clone(),
        _ => PyString::new(py, &word(&source)),
    }
}

#[allow(unreachable_patterns)]
fn gender(py: Python<'_>, gender: Gender) -> Bound<'_, PyString> {
    match gender {
        Gender::Female => intern!(py, "female").clone(),
        Gender::Male => intern!(py, "male").clone(),
        Gender::Other => intern!(py, "other").clone(),
        _ => PyString::new(py, &word(&gender)),
    }
}

#[allow(unreachable_patterns)]
fn quote_kind(py: Python<'_>, kind: QuoteKind) -> Bound<'_, PyString> {
    match kind {
        QuoteKind::Direct => intern!(py, "direct").clone(),
        QuoteKind::Mixed => intern!(py, "mixed").clone(),
        QuoteKind::Indirect => intern!(py, "indirect").clone(),
        _ => PyString::new(py, &word(&kind)),
    }
}

/// A confidence as the JSON prints it: the shortest decimal that reads back as the same
/// `f32` (0.95, not 0.949999988079071).
fn confidence(c: f32) -> f64 {
    c.to_string().parse().unwrap_or(f64::from(c))
}

/// `s` as Python's `repr` writes it.
fn repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}

/// `s` cut to about `max` characters, for a `repr`.
fn shortened(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The methods of a class that is a span of the text (`Mention`, `QuotePart`): its character
/// offsets and text, as a dict, a repr whose text is cut at `$repr_chars` chars, and equality
/// by value. The class has `data` and a `get()` giving its crate value.
macro_rules! span_methods {
    ($class:ident, $name:literal, $text_doc:literal, $repr_chars:expr) => {
        #[pymethods]
        impl $class {
            /// Character offset of the first character.
            #[getter]
            fn start(&self) -> usize {
                self.data.char(self.get().start)
            }

            /// Character offset just past the last character.
            #[getter]
            fn end(&self) -> usize {
                self.data.char(self.get().end)
            }

            #[doc = $text_doc]
            #[getter]
            fn text(&self) -> &str {
                &self.get().text
            }

            /// `{"start": ..., "end": ..., "text": ...}`.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let x = self.get();
                span_dict(py, &self.data, x.start, x.end, &x.text)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                Ok(format!(
                    concat!($name, "(start={}, end={}, text={})"),
                    self.start(),
                    self.end(),
                    repr(py, &shortened(self.text(), $repr_chars))?
                ))
            }

            fn __eq__(&self, py: Python<'_>, other: &Bound<'_, $class>) -> PyResult<bool> {
                self.to_dict(py)?.eq(other.get().to_dict(py)?)
            }
        }
    };
}

/// Who said what in one article: its entities and quotes, and the article itself.
///
/// Returned by `Extractor.extract`, `Extractor.extract_many` and `whosaid.extract`; not
/// made directly. Read-only. Offsets (`start`, `end` of mentions, quotes, quote parts and
/// speakers) are character offsets into `text`, as Python slices a str:
/// `doc.text[m.start:m.end] == m.text`. `to_json()` gives the crate's JSON, whose offsets are
/// UTF-8 byte offsets.
///
/// In a notebook, a Document shows as the article with each quote in its speaker's colour.
///
/// >>> doc = whosaid.extract("“We will see,” Putin said.")
/// >>> doc.quotes[0].speaker.name
/// 'Vladimir Putin'
#[pyclass(module = "whosaid", frozen)]
pub struct Document {
    text: Py<PyString>,
    data: Arc<Data>,
}

impl Document {
    pub(crate) fn new(text: Py<PyString>, data: Data) -> Document {
        Document {
            text,
            data: Arc::new(data),
        }
    }
}

#[pymethods]
impl Document {
    /// The article, as given to `extract`.
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// The entities (people, organizations, locations, nationalities), in order of first
    /// mention.
    #[getter]
    fn entities(&self) -> Vec<Entity> {
        (0..self.data.doc.entities.len())
            .map(|e| Entity {
                data: self.data.clone(),
                e,
            })
            .collect()
    }

    /// The quotes, by start offset.
    #[getter]
    fn quotes(&self) -> Vec<Quote> {
        (0..self.data.doc.quotes.len())
            .map(|q| Quote {
                data: self.data.clone(),
                q,
            })
            .collect()
    }

    /// The document as the crate's JSON, exactly what `whosaid extract` prints for the same
    /// text and gazetteers: one line (without the final line break), for JSON Lines. Its
    /// offsets are UTF-8 byte offsets. `pretty=True` indents it, as `whosaid extract --pretty`
    /// and the crate's `extract` example print it.
    #[pyo3(signature = (*, pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        let doc = &self.data.doc;
        let json = if pretty {
            serde_json::to_string_pretty(doc)
        } else {
            serde_json::to_string(doc)
        };
        // Serializing strings, numbers and enums into a String cannot fail.
        json.unwrap_or_default()
    }

    /// The attributes as plain data: `{"entities": [...], "quotes": [...]}`, each entity and
    /// quote a dict of its attributes (every attribute present, None where absent), with
    /// character offsets.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let data = &*self.data;
        let entities = PyList::empty(py);
        for e in 0..data.doc.entities.len() {
            entities.append(entity_dict(py, data, e)?)?;
        }
        let quotes = PyList::empty(py);
        for q in 0..data.doc.quotes.len() {
            quotes.append(quote_dict(py, data, q)?)?;
        }
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "entities"), entities)?;
        dict.set_item(intern!(py, "quotes"), quotes)?;
        Ok(dict)
    }

    /// One dict a quote, flat, for a table: `speaker` (the speaker's name), `entity` (their
    /// entity id), `gender` (the entity's), `kind`, `cue`, `confidence`, `text`, `start`,
    /// `end` (character offsets); None where absent. `pandas.DataFrame(doc.quote_rows())`
    /// takes it as it is.
    fn quote_rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let data = &*self.data;
        let genders: HashMap<&str, Option<Gender>> = data
            .doc
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e.gender))
            .collect();
        let rows = PyList::empty(py);
        for q in &data.doc.quotes {
            let speaker = q.speaker.as_ref();
            let entity = speaker.and_then(|s| s.entity.as_deref());
            let gender = entity.and_then(|id| genders.get(id).copied().flatten());
            let row = PyDict::new(py);
            row.set_item(intern!(py, "speaker"), speaker.map(|s| s.name.as_str()))?;
            row.set_item(intern!(py, "entity"), entity)?;
            row.set_item(intern!(py, "gender"), gender.map(|g| self::gender(py, g)))?;
            row.set_item(intern!(py, "kind"), quote_kind(py, q.kind))?;
            row.set_item(intern!(py, "cue"), q.cue.as_deref())?;
            row.set_item(intern!(py, "confidence"), confidence(q.confidence))?;
            row.set_item(intern!(py, "text"), &q.text)?;
            row.set_item(intern!(py, "start"), data.char(q.start))?;
            row.set_item(intern!(py, "end"), data.char(q.end))?;
            rows.append(row)?;
        }
        Ok(rows)
    }

    /// The article as an HTML fragment (a `<div>` with its own style sheet): each quote in its
    /// speaker's colour, mentions and cues marked, a legend of the speakers. The article's
    /// text is escaped.
    fn render_html(&self) -> String {
        self.data.doc.render_html(&self.data.utf8)
    }

    /// The article as a complete HTML page titled `title`, what the crate's `html` example
    /// writes.
    #[pyo3(signature = (title = "whosaid"))]
    fn render_html_page(&self, title: &str) -> String {
        self.data.doc.render_html_page(&self.data.utf8, title)
    }

    /// Jupyter's rich display: `render_html()`.
    fn _repr_html_(&self) -> String {
        self.render_html()
    }

    fn __repr__(&self) -> String {
        let (e, q) = (self.data.doc.entities.len(), self.data.doc.quotes.len());
        format!(
            "<whosaid.Document: {e} {}, {q} {}>",
            if e == 1 { "entity" } else { "entities" },
            if q == 1 { "quote" } else { "quotes" }
        )
    }

    /// Same text, same entities and quotes.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, Document>) -> PyResult<bool> {
        let other = other.get();
        Ok(self.data.doc == other.data.doc
            && self.text.bind(py).as_any().eq(other.text.bind(py))?)
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }

    /// Pickles as its text and its JSON (`to_json()`), read back without extracting again.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        let rebuild = py
            .import("whosaid._whosaid")?
            .getattr("_document_from_json")?;
        let json = serde_json::to_string(&self.data.doc)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok((rebuild, (self.text.clone_ref(py), json)))
    }
}

/// What `Document.__reduce__` gives pickle: the function that reads a document back, and its
/// arguments, the text and the document's JSON.
type Reduced<'py> = (Bound<'py, PyAny>, (Py<PyString>, String));

/// The Document a pickle describes: its text and its JSON; see `Document.__reduce__`.
///
/// # Errors
///
/// `TypeError` when `text` is not a str, `ValueError` when `json` is no Document's JSON.
#[pyfunction]
pub(crate) fn _document_from_json(text: &Bound<'_, PyAny>, json: &str) -> PyResult<Document> {
    let (text, utf8) = crate::text::read(text, || "text".to_string())?;
    let doc: whosaid::Document = serde_json::from_str(json)
        .map_err(|e| PyValueError::new_err(format!("not a Document's JSON: {e}")))?;
    Ok(Document::new(text.unbind(), Data::from_parts(doc, utf8)))
}

fn entity_dict<'py>(py: Python<'py>, data: &Data, e: usize) -> PyResult<Bound<'py, PyDict>> {
    let entity = data.entity(e);
    let mentions = PyList::empty(py);
    for m in &entity.mentions {
        mentions.append(span_dict(py, data, m.start, m.end, &m.text)?)?;
    }
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "id"), &entity.id)?;
    dict.set_item(intern!(py, "kind"), entity_kind(py, entity.kind))?;
    dict.set_item(intern!(py, "name"), &entity.name)?;
    dict.set_item(intern!(py, "source"), source(py, entity.source))?;
    dict.set_item(intern!(py, "gender"), entity.gender.map(|g| gender(py, g)))?;
    dict.set_item(intern!(py, "roles"), &entity.roles)?;
    dict.set_item(intern!(py, "wikidata"), entity.wikidata.as_deref())?;
    dict.set_item(intern!(py, "mentions"), mentions)?;
    Ok(dict)
}

/// A mention's or a quote part's dict.
fn span_dict<'py>(
    py: Python<'py>,
    data: &Data,
    start: usize,
    end: usize,
    text: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "start"), data.char(start))?;
    dict.set_item(intern!(py, "end"), data.char(end))?;
    dict.set_item(intern!(py, "text"), text)?;
    Ok(dict)
}

fn speaker_dict<'py>(
    py: Python<'py>,
    data: &Data,
    s: &whosaid::Speaker,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "entity"), s.entity.as_deref())?;
    dict.set_item(intern!(py, "name"), &s.name)?;
    dict.set_item(intern!(py, "text"), &s.text)?;
    dict.set_item(intern!(py, "start"), data.char(s.start))?;
    dict.set_item(intern!(py, "end"), data.char(s.end))?;
    Ok(dict)
}

fn quote_dict<'py>(py: Python<'py>, data: &Data, q: usize) -> PyResult<Bound<'py, PyDict>> {
    let quote = data.quote(q);
    let parts = PyList::empty(py);
    for p in &quote.parts {
        parts.append(span_dict(py, data, p.start, p.end, &p.text)?)?;
    }
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "kind"), quote_kind(py, quote.kind))?;
    dict.set_item(intern!(py, "text"), &quote.text)?;
    dict.set_item(intern!(py, "start"), data.char(quote.start))?;
    dict.set_item(intern!(py, "end"), data.char(quote.end))?;
    let speaker = quote.speaker.as_ref();
    dict.set_item(
        "speaker",
        speaker.map(|s| speaker_dict(py, data, s)).transpose()?,
    )?;
    dict.set_item(intern!(py, "cue"), quote.cue.as_deref())?;
    dict.set_item(intern!(py, "confidence"), confidence(quote.confidence))?;
    dict.set_item(intern!(py, "parts"), parts)?;
    dict.set_item(
        intern!(py, "cue_start"),
        quote.cue_start.map(|b| data.char(b)),
    )?;
    dict.set_item(intern!(py, "cue_end"), quote.cue_end.map(|b| data.char(b)))?;
    Ok(dict)
}

/// A person, organization, location or nationality, and every mention of it.
///
/// Attributes as in the JSON contract: `id` (the gazetteer's id, or a slug of the name for an
/// entity inferred from the article), `kind` ("person", "organization", "location",
/// "nationality"), `name` (canonical), `source` ("gazetteer" or "inferred"), `gender`
/// ("female", "male", "other" or None), `roles` (the role words the article gives a person),
/// `wikidata` (a QID or None), `mentions`.
#[pyclass(module = "whosaid", frozen)]
pub struct Entity {
    data: Arc<Data>,
    e: usize,
}

#[pymethods]
impl Entity {
    /// The gazetteer id, or a slug of the name for an inferred entity ("dmitry-polyanskiy").
    #[getter]
    fn id(&self) -> &str {
        &self.data.entity(self.e).id
    }

    /// "person", "organization", "location" or "nationality".
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        entity_kind(py, self.data.entity(self.e).kind)
    }

    /// The canonical name: the gazetteer's, or the fullest form the article gives.
    #[getter]
    fn name(&self) -> &str {
        &self.data.entity(self.e).name
    }

    /// "gazetteer" or "inferred" (from the article).
    #[getter]
    fn source<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        source(py, self.data.entity(self.e).source)
    }

    /// A person's gender ("female", "male" or "other") where the article's pronouns and
    /// honorifics, the gazetteer or an unambiguous given name say it; None otherwise.
    #[getter]
    fn gender<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyString>> {
        self.data.entity(self.e).gender.map(|g| gender(py, g))
    }

    /// The role words the article gives a person, as written ("an analyst at Piper
    /// Sandler"); empty when none.
    #[getter]
    fn roles(&self) -> Vec<&str> {
        let roles = &self.data.entity(self.e).roles;
        roles.iter().map(String::as_str).collect()
    }

    /// The Wikidata QID where the gazetteer gives it, else None.
    #[getter]
    fn wikidata(&self) -> Option<&str> {
        self.data.entity(self.e).wikidata.as_deref()
    }

    /// Every mention, by start offset.
    #[getter]
    fn mentions(&self) -> Vec<Mention> {
        (0..self.data.entity(self.e).mentions.len())
            .map(|m| Mention {
                data: self.data.clone(),
                e: self.e,
                m,
            })
            .collect()
    }

    /// The attributes as a dict, mentions as dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        entity_dict(py, &self.data, self.e)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let e = self.data.entity(self.e);
        Ok(format!(
            "Entity(id={}, kind={}, name={}, mentions={})",
            repr(py, &e.id)?,
            entity_kind(py, e.kind).repr()?,
            repr(py, &e.name)?,
            e.mentions.len()
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, Entity>) -> PyResult<bool> {
        self.to_dict(py)?.eq(other.get().to_dict(py)?)
    }
}

/// One mention of an entity: `start`, `end` (character offsets) and `text`, the mention as
/// written (`doc.text[start:end]`).
#[pyclass(module = "whosaid", frozen)]
pub struct Mention {
    data: Arc<Data>,
    e: usize,
    m: usize,
}

impl Mention {
    fn get(&self) -> &whosaid::Mention {
        &self.data.entity(self.e).mentions[self.m]
    }
}

span_methods!(
    Mention,
    "Mention",
    "The mention as written, `doc.text[start:end]`.",
    usize::MAX
);

/// A quote: what was said, by whom, with which cue.
///
/// `kind` is "direct" (in quotation marks), "mixed" (reported speech carrying a quoted
/// fragment) or "indirect" (reported speech). `start`, `end` are character offsets. A quote
/// in one piece has `text == doc.text[start:end]`; a quote in several (interrupted by its
/// attribution, or continued over paragraphs) lists them in `parts`, and its `text` is the
/// parts' texts joined by one space. `speaker` is None when nobody can be identified; `cue` is
/// the reporting verb as written, or None for a quote whose speaker is carried over from the
/// paragraph before. `confidence` runs from 0 to 1.
#[pyclass(module = "whosaid", frozen)]
pub struct Quote {
    data: Arc<Data>,
    q: usize,
}

#[pymethods]
impl Quote {
    /// "direct", "mixed" or "indirect".
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        quote_kind(py, self.data.quote(self.q).kind)
    }

    /// What was said: `doc.text[start:end]` for a quote in one piece, the parts' texts joined
    /// by one space for a quote in several.
    #[getter]
    fn text(&self) -> &str {
        &self.data.quote(self.q).text
    }

    /// Character offset of the first character of the content.
    #[getter]
    fn start(&self) -> usize {
        self.data.char(self.data.quote(self.q).start)
    }

    /// Character offset just past the content.
    #[getter]
    fn end(&self) -> usize {
        self.data.char(self.data.quote(self.q).end)
    }

    /// Who said it, or None when nobody can be identified.
    #[getter]
    fn speaker(&self) -> Option<Speaker> {
        self.data.quote(self.q).speaker.as_ref().map(|_| Speaker {
            data: self.data.clone(),
            q: self.q,
        })
    }

    /// The reporting verb or phrase as written ("said", "according to"), or None.
    #[getter]
    fn cue(&self) -> Option<&str> {
        self.data.quote(self.q).cue.as_deref()
    }

    /// How sure the attribution is, from 0 to 1.
    #[getter]
    fn confidence(&self) -> f64 {
        confidence(self.data.quote(self.q).confidence)
    }

    /// The pieces of a quote in several, in order; empty for a quote in one piece.
    #[getter]
    fn parts(&self) -> Vec<QuotePart> {
        (0..self.data.quote(self.q).parts.len())
            .map(|p| QuotePart {
                data: self.data.clone(),
                q: self.q,
                p,
            })
            .collect()
    }

    /// Character offset of the cue, or None.
    #[getter]
    fn cue_start(&self) -> Option<usize> {
        self.data.quote(self.q).cue_start.map(|b| self.data.char(b))
    }

    /// Character offset just past the cue, or None.
    #[getter]
    fn cue_end(&self) -> Option<usize> {
        self.data.quote(self.q).cue_end.map(|b| self.data.char(b))
    }

    /// The attributes as a dict (the speaker and parts as dicts).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        quote_dict(py, &self.data, self.q)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let q = self.data.quote(self.q);
        let speaker = match &q.speaker {
            Some(s) => repr(py, &s.name)?,
            None => "None".to_string(),
        };
        let cue = match &q.cue {
            Some(c) => repr(py, c)?,
            None => "None".to_string(),
        };
        Ok(format!(
            "Quote(kind={}, speaker={speaker}, cue={cue}, text={})",
            quote_kind(py, q.kind).repr()?,
            repr(py, &shortened(&q.text, 60))?
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, Quote>) -> PyResult<bool> {
        self.to_dict(py)?.eq(other.get().to_dict(py)?)
    }
}

/// One piece of a quote in several: `start`, `end` (character offsets) and `text`,
/// `doc.text[start:end]`.
#[pyclass(module = "whosaid", frozen)]
pub struct QuotePart {
    data: Arc<Data>,
    q: usize,
    p: usize,
}

impl QuotePart {
    fn get(&self) -> &whosaid::QuotePart {
        &self.data.quote(self.q).parts[self.p]
    }
}

span_methods!(
    QuotePart,
    "QuotePart",
    "The piece, `doc.text[start:end]`.",
    60
);

/// Who said a quote.
///
/// `text`, `start`, `end` are the words of the attribution as written next to the cue ("he",
/// "the minister", "Lavrov"), character offsets; `entity` and `name` say who that is: the
/// entity's id and name (a person's canonical name, an organization's fullest in the
/// article), or, when the words are not linked to an entity, None and the words again.
#[pyclass(module = "whosaid", frozen)]
pub struct Speaker {
    data: Arc<Data>,
    q: usize,
}

impl Speaker {
    fn get(&self) -> &whosaid::Speaker {
        // A Speaker is only made for a quote that has one.
        match &self.data.quote(self.q).speaker {
            Some(s) => s,
            None => unreachable!("a Speaker view of a quote without a speaker"),
        }
    }
}

#[pymethods]
impl Speaker {
    /// The entity id, or None when the speaker is not linked to an entity.
    #[getter]
    fn entity(&self) -> Option<&str> {
        self.get().entity.as_deref()
    }

    /// A person's canonical name (the entity's `name`); an organization's fullest name in the
    /// article ("Canadian Football League" where the article writes it, though the entity is
    /// "CFL"); without an entity, the words of the attribution, or the fullest name the
    /// article writes for them ("Siobhán Keough" for "Keough").
    #[getter]
    fn name(&self) -> &str {
        &self.get().name
    }

    /// The words of the attribution as written: "he", "the minister", "Lavrov".
    #[getter]
    fn text(&self) -> &str {
        &self.get().text
    }

    /// Character offset of the first character of `text`.
    #[getter]
    fn start(&self) -> usize {
        self.data.char(self.get().start)
    }

    /// Character offset just past `text`.
    #[getter]
    fn end(&self) -> usize {
        self.data.char(self.get().end)
    }

    /// The attributes as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        speaker_dict(py, &self.data, self.get())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let s = self.get();
        let entity = match &s.entity {
            Some(e) => repr(py, e)?,
            None => "None".to_string(),
        };
        Ok(format!(
            "Speaker(name={}, entity={entity}, text={}, start={}, end={})",
            repr(py, &s.name)?,
            repr(py, &s.text)?,
            self.start(),
            self.end()
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, Speaker>) -> PyResult<bool> {
        self.to_dict(py)?.eq(other.get().to_dict(py)?)
    }
}
