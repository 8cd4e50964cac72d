//! whosaid reads an English news article and returns its named entities (people,
//! organizations, places, nationalities) and its attributed quotes: who said what, directly
//! ("…," Trump said), in reported speech (Lavrov emphasized that …) or mixed (Macron labeled
//! Putin a "predator").
//!
//! The main types:
//!
//! - [`Extractor`]: built once from gazetteers ([`Extractor::new`] for the built-in ones,
//!   [`Extractor::builder`] to add your own), then [`Extractor::extract`] on any `&str`;
//! - [`Document`]: the result, with `pub entities` ([`Entity`]) and `pub quotes` ([`Quote`]),
//!   serializable with serde into the JSON contract described in the README, and shown over
//!   its article as marked-up text ([`Document::render`]) or as HTML, each quote in its
//!   speaker's colour ([`Document::render_html`]);
//! - [`Entry`]: one gazetteer entry; [`Error`]: what can go wrong while building.
//!
//! # Finding who said what
//!
//! ```
//! use whosaid::{Extractor, QuoteKind};
//!
//! let article = "\u{201c}We will not give up,\u{201d} Zelensky said on Tuesday. \
//!                French President Emmanuel Macron called the plan a \"dangerous illusion\".";
//! let doc = Extractor::new().extract(article);
//!
//! let first = &doc.quotes[0];
//! assert_eq!(first.kind, QuoteKind::Direct);
//! assert_eq!(first.text, "We will not give up,");
//! assert_eq!(first.speaker.as_ref().unwrap().name, "Volodymyr Zelensky");
//!
//! let second = &doc.quotes[1];
//! assert_eq!(second.kind, QuoteKind::Mixed);
//! assert_eq!(second.text, "the plan a \"dangerous illusion\"");
//! assert_eq!(second.speaker.as_ref().unwrap().entity.as_deref(), Some("emmanuel-macron"));
//! ```
//!
//! # Adding your own gazetteer
//!
//! ```
//! let mine = r#"{"id": "ana-silva", "kind": "person", "name": "Ana Silva", "gender": "female"}"#;
//! let extractor = whosaid::Extractor::builder().gazetteer_str("mine.jsonl", mine)?.build()?;
//! let doc = extractor.extract("Ana Silva said the vote would be close.");
//! assert_eq!(doc.entities[0].id, "ana-silva");
//! assert_eq!(doc.quotes[0].text, "the vote would be close");
//! # Ok::<(), whosaid::Error>(())
//! ```
//!
//! # How it works
//!
//! An article goes through these stages in order, each a module (or a folder) of its own
//! that reads what the stages before it produced:
//!
//! 1. `sentence`: paragraphs and sentences, abbreviation-aware;
//! 2. `text`: tokens and their word hashes, in one pass over the bytes;
//! 3. `matcher` and `cue`: gazetteer names, titles and reporting verbs, found in one walk over
//!    the word hashes against one hashed table;
//! 4. `quote`: quote spans, from their marks;
//! 5. `entity`: the gazetteer's entities, and the people and organizations it lacks;
//! 6. `coref`: which entity a noun phrase, a pronoun, a role noun or a surname is;
//! 7. `attribution`: which quote goes with which cue and speaker;
//! 8. `document`: the [`Document`], the only stage that copies text.
//!
//! # Spans
//!
//! Every `start`/`end` is a UTF-8 byte offset into the text given to `extract`, and every
//! `text` field equals `input[start..end]`, except a quote's in several parts, which is its
//! parts' texts joined by one space ([`Quote`]); see [`Span`] for converting to char offsets.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

// The modules in pipeline order. Each stage reads what the stages before it produced and
// never reaches back.

// ---- Building the extractor: the gazetteers, and what one walk over the text finds.

// The gazetteer format, its entries and the built-in files.
mod gazetteer;
// Given names with the share of their female and male bearers, compiled in: they start
// names no gazetteer lists and give a person's gender where the article does not.
mod given_names;

// Names and titles: one hashed table of every name and word-boundary prefix.
mod matcher;

// Generic role nouns ("minister", "spokeswoman") and honorifics.
mod role;

// The reporting-verb lexicon, matched by stem.
mod cue;

// The builder, the extractor, and the order in which it runs the stages below.
mod extractor;

// ---- One article, stage by stage.

// Paragraphs and sentences, abbreviation-aware.
mod sentence;

// Tokens, their word hashes, and the block index that finds a token by offset.
mod text;

// Quote spans: straight and curly marks, nested, over paragraphs.
mod quote;

// Entities: gazetteer matches resolved, and the people and organizations it lacks.
mod entity;

// The article view the later stages share: tokens, word classes, sentences.
mod article;

// Coreference: which entity a noun phrase, pronoun, role noun or surname is.
mod coref;

// Attribution: which quote goes with which cue and speaker.
mod attribution;

// The Document built from it all: the public output types.
mod document;

// The Document as HTML over its article: quotes in their speaker's colour, a legend.
mod html;

// ---- Shared by the stages.

// Per-thread buffers kept from article to article.
mod buffers;

// The error type.
mod error;

// A fast hasher and word keys for the crate's own maps.
mod hash;

// Byte spans.
mod span;

// Word lists, one home each, and the word classes built from them.
mod words;

pub use crate::document::{
    Document, Entity, Mention, Quote, QuoteKind, QuotePart, Source, Speaker,
};
pub use crate::error::{Error, ErrorKind};
pub use crate::extractor::{Extractor, ExtractorBuilder};
pub use crate::gazetteer::{Case, EntityKind, Entry, Gender};
pub use crate::span::Span;

/// The README's example, compiled and run as a doc test so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
