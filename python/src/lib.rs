//! whosaid for Python: the `whosaid._whosaid` extension module, re-exported by the `whosaid`
//! package (`python/whosaid/__init__.py`).
//!
//! - [`Extractor`](extractor::Extractor): built from the built-in gazetteers and the user's
//!   files; `extract`, and `extract_many` on several threads with the GIL released. It pickles
//!   with its gazetteers' contents.
//! - [`Document`](document::Document) and the classes it hands out (`Entity`, `Mention`,
//!   `Quote`, `QuotePart`, `Speaker`): read-only views of the crate's `Document`, with
//!   character offsets; `to_json()` is the crate's JSON, with its byte offsets.
//! - `GazetteerError` (a `ValueError`), for a gazetteer that cannot be read or has a bad line.
//!
//! The Python behaviour is tested by `python/tests` (pytest), which `python/ci.sh` runs.

#![forbid(unsafe_code)]

use pyo3::prelude::*;

// What Python hands in: a `str`, as UTF-8 for the crate.
mod text;

// Byte offsets to character offsets, one table a document.
mod offsets;

// Many articles on several threads, in input order.
mod parallel;

// GazetteerError.
mod error;

// The extractor class, its pickling and the module-level `extract`.
mod extractor;

// Unpickled extractors, kept so that a worker builds each one once.
mod unpickle;

// The Document class and the views it hands out.
mod document;

// The crate's own time, for the benchmark script.
mod bench;

/// who said what in English news: named entities and attributed quotes (the Rust module under
/// the `whosaid` package).
#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("GazetteerError", m.py().get_type::<error::GazetteerError>())?;
    m.add_class::<extractor::Extractor>()?;
    m.add_class::<document::Document>()?;
    m.add_class::<document::Entity>()?;
    m.add_class::<document::Mention>()?;
    m.add_class::<document::Quote>()?;
    m.add_class::<document::QuotePart>()?;
    m.add_class::<document::Speaker>()?;
    m.add_function(wrap_pyfunction!(extractor::extract, m)?)?;
    // Private: set as attributes, so that they stay out of `__all__`.
    m.setattr(
        "_extractor_from_sources",
        wrap_pyfunction!(extractor::_extractor_from_sources, m)?,
    )?;
    m.setattr(
        "_document_from_json",
        wrap_pyfunction!(document::_document_from_json, m)?,
    )?;
    m.setattr(
        "_crate_extract_seconds",
        wrap_pyfunction!(bench::_crate_extract_seconds, m)?,
    )?;
    Ok(())
}
