//! The result of an extraction: entities and quotes, as serde data.

use serde::{Deserialize, Serialize};

use crate::gazetteer::{EntityKind, Gender};
use crate::span::Span;

/// Everything whosaid found in one article.
///
/// Entities are ordered by first mention, mentions and quotes by start offset, so the same
/// input always gives the same value and the same JSON.
///
/// ```
/// let doc = whosaid::Extractor::new().extract("“We will see,” Putin said.");
/// assert_eq!(doc.entities[0].id, "vladimir-putin");
/// assert_eq!(doc.quotes[0].text, "We will see,");
/// assert_eq!(doc.quotes[0].speaker.as_ref().unwrap().text, "Putin");
/// let json = serde_json::to_string(&doc).unwrap();
/// assert!(json.starts_with("{\"entities\":[{\"id\":\"vladimir-putin\""));
///
/// // The JSON reads back into the same Document.
/// let back: whosaid::Document = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, doc);
/// ```
///
/// The output types are `#[non_exhaustive]`, so that a field added to the contract is not a
/// breaking change: read their fields, and build one (in a test) from its JSON with serde or,
/// for a `Document`, from [`Document::default`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    /// Quotes in order of start offset.
    pub quotes: Vec<Quote>,
}

impl Document {
    /// Renders `text` (the article this document was extracted from) with every finding marked
    /// inline, for reading in a terminal: an entity mention as `[Putin|person]`, a quote's
    /// content as `⟦…⟧` followed by `{kind: speaker, cue}`.
    ///
    /// Spans that do not fit `text` (another article given by mistake) are skipped, never a
    /// panic.
    ///
    /// ```
    /// let text = "“We will see,” Putin said.";
    /// let doc = whosaid::Extractor::new().extract(text);
    /// assert_eq!(
    ///     doc.render(text),
    ///     "“⟦We will see,⟧{direct: Vladimir Putin, said}” [Putin|person] said."
    /// );
    /// ```
    pub fn render(&self, text: &str) -> String {
        // (offset, rank, marker): at one offset, closing markers come before opening ones, and
        // longer spans open first and close last, so nested spans nest.
        let mut marks: Vec<(usize, u8, usize, String)> = Vec::new();
        let fits = |s: usize, e: usize| {
            s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        };
        for q in &self.quotes {
            if !fits(q.start, q.end) {
                continue;
            }
            let who = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
            let kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Mixed => "mixed",
                QuoteKind::Indirect => "indirect",
            };
            let cue = q.cue.as_deref().map_or(String::new(), |c| format!(", {c}"));
            marks.push((q.start, 1, usize::MAX - q.end, "⟦".to_string()));
            marks.push((
                q.end,
                0,
                usize::MAX - q.start,
                format!("⟧{{{kind}: {who}{cue}}}"),
            ));
        }
        for e in &self.entities {
            let kind = match e.kind {
                EntityKind::Person => "person",
                EntityKind::Organization => "organization",
                EntityKind::Location => "location",
                EntityKind::Nationality => "nationality",
            };
            for m in &e.mentions {
                if !fits(m.start, m.end) {
                    continue;
                }
                marks.push((m.start, 1, usize::MAX - m.end, "[".to_string()));
                marks.push((m.end, 0, usize::MAX - m.start, format!("|{kind}]")));
            }
        }
        marks.sort_by_key(|m| (m.0, m.1, m.2));
        let mut out = String::with_capacity(text.len() + marks.len() * 16);
        let mut at = 0;
        for (pos, _, _, marker) in marks {
            out.push_str(&text[at..pos]);
            out.push_str(&marker);
            at = pos;
        }
        out.push_str(&text[at..]);
        out
    }
}

/// Where an entity's knowledge comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Source {
    /// An entry of the gazetteer.
    Gazetteer,
    /// Inferred from the article: a role before a name, an apposition, or a name next to a cue.
    Inferred,
}

/// An entity and every mention of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// The gazetteer id, or for an inferred entity a slug of its name ("dmitry-polyanskiy").
    pub id: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// The canonical name: the gazetteer's, or the fullest form the article gives.
    pub name: String,
    /// Whether it comes from the gazetteer or was inferred.
    pub source: Source,
    /// A person's gender: from the pronouns and honorifics the article uses for them, else
    /// the gazetteer, else a given name borne by at least 95% one sex. `None` when none of
    /// these says it (never a guess, never from "they"), and for anything but a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// The role words the article gives a person, as written and in the order given ("an
    /// analyst at Piper Sandler", "the city's fire chief"); empty when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Every mention, by start offset.
    pub mentions: Vec<Mention>,
    /// The Wikidata QID, where the gazetteer gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

/// One mention of an entity: its span and text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The mention as written, `input[start..end]`.
    pub text: String,
}

impl Mention {
    /// The mention's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// How a quote reports speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// The speaker's words in quotation marks: `"…," Trump said`.
    Direct,
    /// Reported speech carrying a quoted fragment: `Macron called Putin a "predator"`.
    Mixed,
    /// Reported speech without quotation marks: `Lavrov emphasized that …`.
    Indirect,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Speaker {
    /// The entity id, when the speaker resolves to one.
    pub entity: Option<String>,
    /// A person's canonical name (the entity's `name`); an organization's fullest name in the
    /// article ("Canadian Football League" where the article writes it, though the entity is
    /// "CFL"); without an entity, the words of the attribution, or the fullest name the
    /// article writes for them ("Siobhán Keough" for "Keough", "Monica
    /// Reyes-Hall" for "Lakers coach Monica Reyes-Hall").
    pub name: String,
    /// The words of the attribution as written next to the cue: "he", "the minister", "Lavrov".
    pub text: String,
    /// Byte offset of the first byte of `text`.
    pub start: usize,
    /// Byte offset just past `text`.
    pub end: usize,
}

impl Speaker {
    /// The span of the attribution's words, [`Speaker::text`].
    ///
    /// ```
    /// let text = "\u{201c}We will see,\u{201d} the Russian president said.";
    /// let doc = whosaid::Extractor::new().extract(text);
    /// let speaker = doc.quotes[0].speaker.as_ref().unwrap();
    /// assert_eq!(&text[speaker.span().range()], "Russian president");
    /// assert_eq!(speaker.name, "Vladimir Putin");
    /// ```
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A quote: what was said, by whom, with which cue.
///
/// A quote in one piece has `text == input[start..end]`. A quote in several pieces (one
/// interrupted by its attribution, `“A,” she said, “B.”`, or continued into the next
/// paragraph by a reopened mark) has `start..end` running from its first piece to its last,
/// each piece in [`Quote::parts`] (whose `text` is `input[part.start..part.end]`), and as its
/// `text` what the speaker said: the parts' texts joined by one space.
///
/// ```
/// let text = "\u{201c}We will not give up,\u{201d} Zelensky said on Monday. \
///             \u{201c}Ukraine will stand.\n\n\u{201c}Winter will pass.\u{201d}";
/// let doc = whosaid::Extractor::new().extract(text);
/// let q = &doc.quotes[0];
/// assert_eq!(q.text, "We will not give up, Ukraine will stand. Winter will pass.");
/// let parts: Vec<&str> = q.parts.iter().map(|p| &text[p.start..p.end]).collect();
/// assert_eq!(parts, ["We will not give up,", "Ukraine will stand.", "Winter will pass."]);
/// assert_eq!((q.start, q.end), (q.parts[0].start, q.parts[2].end));
///
/// // In one piece, the text is the span.
/// let text = "\u{201c}We are ready,\u{201d} Zelensky said.";
/// let q = &whosaid::Extractor::new().extract(text).quotes[0];
/// assert!(q.parts.is_empty());
/// assert_eq!(q.text, &text[q.start..q.end]);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The content: for a direct quote without its marks, for a mixed one with the quoted
    /// fragment's marks, for an indirect one without a leading "that". `input[start..end]` for
    /// a quote in one piece; for a quote in [`parts`](Quote::parts), their texts joined by one
    /// space (what was said, without the attribution or paragraph breaks between).
    pub text: String,
    /// Byte offset of the first byte of the content.
    pub start: usize,
    /// Byte offset just past the content.
    pub end: usize,
    /// The speaker, or `None` when nobody can be identified.
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase as written ("stated", "according to"), or `None` for a
    /// quote whose speaker is carried over: a paragraph of nothing but a quote, whose speaker
    /// is the previous paragraph's.
    pub cue: Option<String>,
    /// How sure the attribution is, from 0 to 1; see the README for how it is computed.
    pub confidence: f32,
    /// For a quote interrupted by its attribution (`"A," she said. "B."`, or `The plan, he
    /// said, would fail`) or continued into the next paragraph by a reopened mark, each piece
    /// (a direct quote's without its marks), in order; `start..end` then runs from the first
    /// piece to the last. Empty for a quote in one piece, never a single piece.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<QuotePart>,
    /// Byte span of the cue, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_start: Option<usize>,
    /// Byte offset just past the cue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_end: Option<usize>,
}

/// One piece of a quote in several: interrupted by its attribution, or one paragraph of a
/// quote continued over paragraphs. Its `text` is always `input[start..end]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuotePart {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The piece, `input[start..end]`.
    pub text: String,
}

impl Quote {
    /// The content's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

impl QuotePart {
    /// The piece's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}
