//! whosaid reads an English news article and returns its named entities (people,
//! organizations, places, nationalities) and its attributed quotes: who said what, directly
//! ("…," Trump said), in reported speech (Lavrov emphasized that …) or mixed (Macron labeled
//! Putin a "predator").
//!
//! The main types:
//!
//! - [`Extractor`]: built once from gazetteers ([`Extractor::new`] for the built-in ones,
//!   [`Extractor::builder`] to add your own), then [`Extractor::extract`] on any `&str`, or
//!   [`Extractor::extract_into`] to refill one `Document` over many articles;
//! - [`Document`]: the result, with `pub entities` ([`Entity`]) and `pub quotes` ([`Quote`]),
//!   serializable with serde into the JSON contract described in the README;
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
//! # Spans
//!
//! Every `start`/`end` is a UTF-8 byte offset into the text given to `extract`, and every
//! `text` field equals `input[start..end]`; see [`Span`] for converting to char offsets.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod attribution;
mod cue;
mod document;
mod entity;
mod error;
mod extractor;
mod gazetteer;
// Wired into entity recognition and gender by issue 13; until then only its tests use it.
#[allow(dead_code)]
mod given_names;
mod hash;
mod matcher;
mod quote;
mod role;
mod sentence;
mod span;
mod text;

/// A buffer kept from the last article, taken out of its holder emptied but with its
/// capacity: the stages hold their buffers in per-thread scratch and take them this way.
pub(crate) fn emptied<T>(buf: &mut Vec<T>) -> Vec<T> {
    let mut v = std::mem::take(buf);
    v.clear();
    v
}

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
