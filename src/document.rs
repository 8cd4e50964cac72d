//! The result of an extraction: entities and quotes, as serde data.

use serde::Serialize;

use crate::gazetteer::EntityKind;
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
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// An entry of the gazetteer.
    Gazetteer,
    /// Inferred from the article: a role before a name, an apposition, or a name next to a cue.
    Inferred,
}

/// An entity and every mention of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// The gazetteer id, or for an inferred entity a slug of its name ("dmitry-polyanskiy").
    pub id: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// The canonical name: the gazetteer's, or the fullest form the article gives.
    pub name: String,
    /// Whether it comes from the gazetteer or was inferred.
    pub source: Source,
    /// Every mention, by start offset.
    pub mentions: Vec<Mention>,
    /// The Wikidata QID, where the gazetteer gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

/// One mention of an entity: its span and text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The speaker's words in quotation marks: `"…," Trump said`.
    Direct,
    /// Reported speech carrying a quoted fragment: `Macron called Putin a "predator"`.
    Mixed,
    /// Reported speech without quotation marks: `Lavrov emphasized that …`.
    Indirect,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Speaker {
    /// The entity id, when the speaker resolves to one.
    pub entity: Option<String>,
    /// The entity's canonical name; without an entity, the words of the attribution.
    pub name: String,
    /// The words of the attribution as written next to the cue: "he", "the minister", "Lavrov".
    pub text: String,
    /// Byte offset of the first byte of `text`.
    pub start: usize,
    /// Byte offset just past `text`.
    pub end: usize,
}

/// A quote: what was said, by whom, with which cue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The content, `input[start..end]`: for a direct quote without its marks, for a mixed one
    /// with the quoted fragment's marks, for an indirect one without a leading "that".
    pub text: String,
    /// Byte offset of the first byte of the content.
    pub start: usize,
    /// Byte offset just past the content.
    pub end: usize,
    /// The speaker, or `None` when nobody can be identified.
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase as written ("stated", "according to"), or `None` for a
    /// quote whose speaker is carried over from the previous one.
    pub cue: Option<String>,
    /// How sure the attribution is, from 0 to 1; see the README for how it is computed.
    pub confidence: f32,
    /// For a direct quote interrupted by its attribution (`"A," she said. "B."`), each quoted
    /// piece without its marks; `start..end` then runs from the first piece to the last.
    /// Empty for a quote in one piece.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<QuotePart>,
    /// Byte span of the cue, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue_start: Option<usize>,
    /// Byte offset just past the cue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue_end: Option<usize>,
}

/// One piece of a quote interrupted by its attribution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

/// The strings and vectors of a [`Document`] being refilled, handed out again in place of new
/// allocations ([`crate::Extractor::extract_into`]).
///
/// Strings are kept by size class, a power of two from 32 to 4,096 bytes, and a new string is
/// given its class's full capacity, so a recycled string fits without growing. What is not
/// handed out stays for the next article, up to [`Recycled::KEEP`] vectors of each kind and
/// [`Recycled::KEEP_BYTES`] of strings.
///
/// Unless [`Recycled::reusing`] is set, it hands out new strings of the exact size, for a
/// document that will not be refilled.
#[derive(Default)]
pub(crate) struct Recycled {
    /// Whether the document being built will be refilled.
    pub(crate) reusing: bool,
    /// `strings[k]` holds strings of capacity at least `32 << k`.
    strings: [Vec<String>; Recycled::CLASSES],
    /// The capacity of the strings kept, in bytes.
    bytes: usize,
    mentions: Vec<Vec<Mention>>,
    parts: Vec<Vec<QuotePart>>,
}

impl Recycled {
    const CLASSES: usize = 8;
    /// Most vectors of each kind kept.
    const KEEP: usize = 256;
    /// Most bytes of strings kept, so that a thread holds on to little after one large
    /// document.
    const KEEP_BYTES: usize = 1 << 18;

    /// The size class whose strings hold `len` bytes, if any does.
    fn class_for(len: usize) -> Option<usize> {
        let k = len.max(32).next_power_of_two().trailing_zeros() as usize - 5;
        (k < Self::CLASSES).then_some(k)
    }

    /// Takes apart everything `doc` holds, leaving its two vectors empty but with their
    /// capacity.
    pub(crate) fn take_apart(&mut self, doc: &mut Document) {
        for e in doc.entities.drain(..) {
            self.keep(e.id);
            self.keep(e.name);
            if let Some(w) = e.wikidata {
                self.keep(w);
            }
            let mut mentions = e.mentions;
            for m in mentions.drain(..) {
                self.keep(m.text);
            }
            if self.mentions.len() < Self::KEEP {
                self.mentions.push(mentions);
            }
        }
        for q in doc.quotes.drain(..) {
            self.keep(q.text);
            if let Some(s) = q.speaker {
                if let Some(e) = s.entity {
                    self.keep(e);
                }
                self.keep(s.name);
                self.keep(s.text);
            }
            if let Some(c) = q.cue {
                self.keep(c);
            }
            let mut parts = q.parts;
            if parts.capacity() > 0 {
                for p in parts.drain(..) {
                    self.keep(p.text);
                }
                if self.parts.len() < Self::KEEP {
                    self.parts.push(parts);
                }
            }
        }
    }

    /// Keeps `s` for reuse if it has room for its class's full size.
    fn keep(&mut self, s: String) {
        let c = s.capacity();
        if c < 32 {
            return;
        }
        // The largest class whose size fits in the capacity.
        let k = (usize::BITS - 1 - c.leading_zeros()) as usize - 5;
        if let Some(stack) = self.strings.get_mut(k) {
            if self.bytes + c <= Self::KEEP_BYTES {
                self.bytes += c;
                stack.push(s);
            }
        }
    }

    /// An empty string with room for `len` bytes, recycled where one is kept.
    pub(crate) fn string(&mut self, len: usize) -> String {
        if !self.reusing {
            return String::with_capacity(len);
        }
        match Self::class_for(len) {
            Some(k) => match self.strings[k].pop() {
                Some(mut x) => {
                    self.bytes -= x.capacity();
                    x.clear();
                    x
                }
                None => String::with_capacity(32 << k),
            },
            None => String::with_capacity(len),
        }
    }

    /// `s` as a `String`, in a recycled one where one is kept.
    pub(crate) fn str(&mut self, s: &str) -> String {
        let mut x = self.string(s.len());
        x.push_str(s);
        x
    }

    /// An empty mention vector with room for `n`.
    pub(crate) fn mentions(&mut self, n: usize) -> Vec<Mention> {
        if !self.reusing {
            return Vec::with_capacity(n);
        }
        match self.mentions.pop() {
            Some(mut v) => {
                v.reserve(n);
                v
            }
            None => Vec::with_capacity(n),
        }
    }

    /// An empty quote part vector with room for `n`, recycled when `n` is not 0.
    pub(crate) fn parts(&mut self, n: usize) -> Vec<QuotePart> {
        if n == 0 || !self.reusing {
            return Vec::with_capacity(n);
        }
        match self.parts.pop() {
            Some(mut v) => {
                v.reserve(n);
                v
            }
            None => Vec::with_capacity(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever strings are kept, a string handed out has room for the length asked
        /// without growing, and none is kept below its class's size.
        #[test]
        fn recycled_strings_fit_their_class(
            kept in proptest::collection::vec(0usize..10_000, 0..400),
            asked in proptest::collection::vec(0usize..10_000, 0..40),
        ) {
            let mut pool = Recycled { reusing: true, ..Recycled::default() };
            for &c in &kept {
                pool.keep(String::with_capacity(c));
            }
            let held = |pool: &Recycled| {
                pool.strings.iter().flatten().map(String::capacity).sum::<usize>()
            };
            for (k, stack) in pool.strings.iter().enumerate() {
                prop_assert!(stack.iter().all(|s| s.capacity() >= 32 << k));
            }
            prop_assert_eq!(pool.bytes, held(&pool));
            prop_assert!(pool.bytes <= Recycled::KEEP_BYTES);
            for &len in &asked {
                let s = pool.string(len);
                prop_assert!(s.is_empty() && s.capacity() >= len);
                prop_assert_eq!(pool.bytes, held(&pool));
            }
        }
    }
}
