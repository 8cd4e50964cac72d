//! `whosaid.GazetteerError`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

pyo3::create_exception!(
    whosaid,
    GazetteerError,
    PyValueError,
    "A gazetteer file that cannot be read or has a bad entry.\n\n\
     A ValueError. Its message names the file and line (\"people.jsonl:3: unknown kind ...\"); \
     its attributes `path` (the file, as given) and `line` (1-based, or None when the problem \
     is not one line's, such as an unreadable file or an id used twice) say the same."
);

/// The crate's error as a `GazetteerError` with `path` and `line` set.
pub(crate) fn gazetteer_error(py: Python<'_>, err: &whosaid::Error) -> PyErr {
    let exc = GazetteerError::new_err(err.to_string());
    let value = exc.value(py);
    // Setting an attribute on a fresh exception instance cannot fail; if it did, the error
    // would still carry its message.
    let _ = value.setattr("path", err.origin());
    let _ = value.setattr("line", err.line());
    exc
}
