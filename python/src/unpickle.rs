//! Unpickled extractors, kept so that a worker builds each one once.
//!
//! Dask and Spark unpickle a task's arguments for every task, so a worker handed the same
//! extractor with each of a thousand partitions would build its name tables a thousand times
//! (tens of milliseconds for a small gazetteer beside the built-in one, seconds for a million
//! names). The last extractor unpickled in the process is kept with the sources it was built
//! from, and an unpickle of the same sources takes it again. An extractor of the built-in
//! gazetteers alone needs no keeping: the crate builds it once a process.
//!
//! The lock is never held while building, so two threads unpickling at once may both build;
//! one of the two is kept.

use std::sync::{Arc, Mutex, PoisonError};

use pyo3::prelude::*;

use crate::error::gazetteer_error;
use crate::extractor::{build, Sources};

struct Kept {
    builtin: bool,
    sources: Arc<Sources>,
    extractor: whosaid::Extractor,
}

static LAST: Mutex<Option<Kept>> = Mutex::new(None);

/// The extractor of `builtin` and `sources`, kept from the last unpickle when it is the same.
pub(crate) fn extractor(
    py: Python<'_>,
    builtin: bool,
    sources: Sources,
) -> PyResult<(whosaid::Extractor, Arc<Sources>)> {
    if sources.is_empty() && builtin {
        return Ok((whosaid::Extractor::new(), Arc::new(sources)));
    }
    {
        let last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(kept) = &*last {
            if kept.builtin == builtin && *kept.sources == sources {
                return Ok((kept.extractor.clone(), kept.sources.clone()));
            }
        }
    }
    let extractor = py
        .detach(|| build(builtin, &sources))
        .map_err(|e| gazetteer_error(py, &e))?;
    let sources = Arc::new(sources);
    *LAST.lock().unwrap_or_else(PoisonError::into_inner) = Some(Kept {
        builtin,
        sources: sources.clone(),
        extractor: extractor.clone(),
    });
    Ok((extractor, sources))
}
