//! A timing hook for `python/bench/bench.py`: the crate's own `extract`, with no Python in
//! the loop, as the yardstick the Python layer's overhead is measured against. Private
//! (`whosaid._whosaid._crate_extract_seconds`), not part of the package's API.

use std::time::Instant;

use pyo3::prelude::*;

/// Seconds the crate's `extract` (default extractor) takes over `texts`, `rounds` times,
/// the results dropped as they come, as a Python loop over `extract` drops them.
#[pyfunction]
pub(crate) fn _crate_extract_seconds(py: Python<'_>, texts: Vec<String>, rounds: usize) -> f64 {
    let extractor = whosaid::Extractor::new();
    py.detach(|| {
        let start = Instant::now();
        for _ in 0..rounds {
            for text in &texts {
                std::hint::black_box(extractor.extract(text));
            }
        }
        start.elapsed().as_secs_f64()
    })
}
