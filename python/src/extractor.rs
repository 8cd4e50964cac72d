//! The `Extractor` class, its pickling, and the module-level `extract`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::document::{Data, Document};
use crate::error::gazetteer_error;
use crate::parallel::map_in_order;
use crate::text;
use crate::unpickle;

/// Gazetteer files as read: `(path as given, contents)`, in the order given. What an
/// extractor pickles, so that it rebuilds where the files are not.
pub(crate) type Sources = Vec<(String, String)>;

/// Finds named entities and attributed quotes (who said what) in English news.
///
/// `gazetteers` is a list of JSON Lines files (str or os.PathLike) whose entries are added
/// to the built-in ones (people, organizations, places, nationalities); an entry whose `id` is
/// a built-in one replaces it. `builtin=False` leaves the built-in gazetteers out.
///
/// Raises GazetteerError (a ValueError) naming the file and line when a file cannot be read
/// or has a bad entry.
///
/// Build one extractor and reuse it: building takes milliseconds, extracting an article
/// tens to hundreds of microseconds. It is immutable and thread-safe, and pickles with its
/// gazetteers' contents (not their paths), so multiprocessing, Dask and Spark can ship it to
/// workers.
///
/// >>> extractor = whosaid.Extractor()
/// >>> doc = extractor.extract("“We will see,” Putin said.")
/// >>> [(q.speaker.name, q.text) for q in doc.quotes]
/// [('Vladimir Putin', 'We will see,')]
#[pyclass(module = "whosaid", frozen)]
pub struct Extractor {
    inner: whosaid::Extractor,
    builtin: bool,
    sources: Arc<Sources>,
}

/// Why an extractor could not be built.
enum BuildError {
    Gazetteer(whosaid::Error),
    /// A file read well by the crate after failing here: it changed between the two reads.
    Changed(String),
}

impl BuildError {
    fn into_py(self, py: Python<'_>) -> PyErr {
        match self {
            BuildError::Gazetteer(e) => gazetteer_error(py, &e),
            BuildError::Changed(path) => {
                PyOSError::new_err(format!("{path}: the file changed while it was read"))
            }
        }
    }
}

/// A gazetteer file's contents as a source.
fn read_source(path: &Path) -> Result<(String, String), BuildError> {
    let origin = path.display().to_string();
    if let Ok(bytes) = std::fs::read(path) {
        if let Ok(text) = String::from_utf8(bytes) {
            return Ok((origin, text));
        }
    }
    // The crate's own reading names the problem: the system's error, or the line of the first
    // byte that is not UTF-8.
    match whosaid::Extractor::builder().gazetteer_path(path) {
        Err(e) => Err(BuildError::Gazetteer(e)),
        Ok(_) => Err(BuildError::Changed(origin)),
    }
}

/// The extractor of the built-in gazetteers (if `builtin`) and `sources`, in order.
pub(crate) fn build(
    builtin: bool,
    sources: &Sources,
) -> Result<whosaid::Extractor, whosaid::Error> {
    if builtin && sources.is_empty() {
        // Built once a process by the crate, then shared.
        return Ok(whosaid::Extractor::new());
    }
    let mut builder = whosaid::Extractor::builder();
    builder.builtin(builtin);
    for (origin, jsonl) in sources {
        builder.gazetteer_str(origin, jsonl)?;
    }
    builder.build()
}

/// The paths of `gazetteers`: a list (or other iterable) of str or os.PathLike, or one path.
fn paths(gazetteers: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    if let Ok(one) = gazetteers.extract::<PathBuf>() {
        return Ok(vec![one]);
    }
    let Ok(items) = gazetteers.try_iter() else {
        let type_name = gazetteers.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "gazetteers must be a list of paths, not {type_name}"
        )));
    };
    let mut paths = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        match item.extract::<PathBuf>() {
            Ok(path) => paths.push(path),
            Err(_) => {
                let type_name = item.get_type().name()?;
                return Err(PyTypeError::new_err(format!(
                    "gazetteers[{i}] must be a str or os.PathLike, not {type_name}"
                )));
            }
        }
    }
    Ok(paths)
}

/// Reads one text argument and extracts it with the GIL released.
fn extract_one(
    py: Python<'_>,
    extractor: &whosaid::Extractor,
    text: &Bound<'_, PyAny>,
) -> PyResult<Document> {
    let (s, utf8) = text::read(text, || "text".to_string())?;
    let data = py.detach(|| Data::extract(extractor, utf8));
    Ok(Document::new(s.unbind(), data))
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (gazetteers = None, *, builtin = true))]
    fn new(py: Python<'_>, gazetteers: Option<&Bound<'_, PyAny>>, builtin: bool) -> PyResult<Self> {
        let paths = match gazetteers {
            Some(g) if !g.is_none() => paths(g)?,
            _ => Vec::new(),
        };
        // Reading the files and building the name tables need no GIL.
        let built = py.detach(|| {
            let sources = paths
                .iter()
                .map(|p| read_source(p))
                .collect::<Result<Sources, _>>()?;
            let inner = build(builtin, &sources).map_err(BuildError::Gazetteer)?;
            Ok((inner, sources))
        });
        let (inner, sources) = built.map_err(|e: BuildError| e.into_py(py))?;
        Ok(Extractor {
            inner,
            builtin,
            sources: Arc::new(sources),
        })
    }

    /// The entities and attributed quotes of one article, as a Document.
    ///
    /// `text` must be a str (TypeError otherwise); any str gives a Document. The GIL is
    /// released while the article is read, so threads can extract at once.
    fn extract(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Document> {
        extract_one(py, &self.inner, text)
    }

    /// The Documents of many articles, in the order of `texts` (a list or other iterable of
    /// str), extracted on `threads` threads (None: one a core) with the GIL released, so other
    /// Python threads run meanwhile. The same Documents as `extract` one by one.
    ///
    /// The threads start on the first texts while the rest are read. All the Documents are
    /// returned at once: for an archive, call it on batches (a few thousand articles) rather
    /// than on everything.
    #[pyo3(signature = (texts, threads = None))]
    fn extract_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<isize>,
    ) -> PyResult<Vec<Document>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "texts must be an iterable of str, not a str (use extract for one text)",
            ));
        }
        let threads = match threads {
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
            Some(n) if n >= 1 => n as usize,
            Some(n) => {
                return Err(PyValueError::new_err(format!(
                    "threads must be at least 1, not {n}"
                )))
            }
        };
        // No more threads than texts, where their number is known.
        let threads = texts.len().map_or(threads, |n| threads.min(n.max(1)));
        let mut strs = Vec::new();
        let items = texts.try_iter()?.enumerate().map(|(i, item)| {
            let (s, utf8) = text::read(&item?, || format!("texts[{i}]"))?;
            strs.push(s.unbind());
            Ok::<_, PyErr>(utf8)
        });
        let inner = &self.inner;
        let datas = map_in_order(py, threads, items, |utf8| Data::extract(inner, utf8))?;
        Ok(strs
            .into_iter()
            .zip(datas)
            .map(|(s, data)| Document::new(s, data))
            .collect())
    }

    /// Whether the built-in gazetteers are included.
    #[getter]
    fn builtin(&self) -> bool {
        self.builtin
    }

    /// The gazetteer files added, as given.
    #[getter]
    fn gazetteers(&self) -> Vec<&str> {
        self.sources
            .iter()
            .map(|(origin, _)| origin.as_str())
            .collect()
    }

    /// The number of gazetteer entries the extractor knows.
    fn __len__(&self) -> usize {
        self.inner.entries().len()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let files = pyo3::types::PyList::new(py, self.gazetteers())?.repr()?;
        Ok(format!(
            "<whosaid.Extractor: {} entries, builtin={}, gazetteers={files}>",
            self.inner.entries().len(),
            if self.builtin { "True" } else { "False" }
        ))
    }

    /// Pickles as the gazetteers' contents, so that it rebuilds without the files.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let rebuild = py
            .import("whosaid._whosaid")?
            .getattr("_extractor_from_sources")?;
        let sources: Vec<(&str, &str)> = self
            .sources
            .iter()
            .map(|(o, t)| (o.as_str(), t.as_str()))
            .collect();
        let args = PyTuple::new(
            py,
            [
                self.builtin.into_pyobject(py)?.to_owned().into_any(),
                sources.into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok((rebuild, args))
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// The extractor a pickle describes; see `Extractor.__reduce__`.
#[pyfunction]
pub(crate) fn _extractor_from_sources(
    py: Python<'_>,
    builtin: bool,
    sources: Sources,
) -> PyResult<Extractor> {
    let (inner, sources) = unpickle::extractor(py, builtin, sources)?;
    Ok(Extractor {
        inner,
        builtin,
        sources,
    })
}

/// The entities and attributed quotes of one article, with the default extractor (the
/// built-in gazetteers), built on first use and kept for the life of the process.
///
/// >>> doc = whosaid.extract("Foreign Minister Sergei Lavrov emphasized that any dialogue should begin gradually.")
/// >>> doc.quotes[0].speaker.entity, doc.quotes[0].kind, doc.quotes[0].text
/// ('sergei-lavrov', 'indirect', 'any dialogue should begin gradually')
#[pyfunction]
pub(crate) fn extract(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Document> {
    extract_one(py, &whosaid::Extractor::new(), text)
}
