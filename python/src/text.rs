//! What Python hands in: a `str`, read as UTF-8 for the crate.

use std::ops::Deref;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyString;

/// An article's text as UTF-8, held apart from the GIL so that threads can read it.
pub(crate) enum Utf8 {
    /// The usual case: the str's own UTF-8 (on the abi3 build for Python 3.9, a `bytes` copy
    /// that Python makes, the only way the limited API of 3.9 gives UTF-8 out).
    Backed(PyBackedStr),
    /// A str holding lone surrogates (`"\ud83d"`, as `json.loads` gives for a broken escape in
    /// scraped text), which are not Unicode and have no UTF-8: each is read as `?`, one
    /// character for one, so character offsets still point into the caller's str.
    Repaired(String),
}

impl Deref for Utf8 {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Utf8::Backed(s) => s,
            Utf8::Repaired(s) => s,
        }
    }
}

/// `obj` as a str and its UTF-8.
///
/// # Errors
///
/// `TypeError` naming `what` ("text", "texts[3]") when `obj` is not a str.
pub(crate) fn read<'py>(
    obj: &Bound<'py, PyAny>,
    what: impl FnOnce() -> String,
) -> PyResult<(Bound<'py, PyString>, Utf8)> {
    let Ok(s) = obj.cast::<PyString>() else {
        let type_name = obj.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "{} must be str, not {type_name}",
            what()
        )));
    };
    let utf8 = match PyBackedStr::try_from(s.clone()) {
        Ok(backed) => Utf8::Backed(backed),
        Err(_) => {
            let bytes = s.call_method1("encode", ("utf-8", "replace"))?;
            let bytes: Vec<u8> = bytes.extract()?;
            Utf8::Repaired(String::from_utf8_lossy(&bytes).into_owned())
        }
    };
    Ok((s.clone(), utf8))
}
