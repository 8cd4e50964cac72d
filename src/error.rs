//! The one error type of the crate.

use std::fmt;

/// What went wrong while building an [`Extractor`](crate::Extractor): a gazetteer that could not
/// be read or holds a bad entry. It names the source (a file path, or the name given to
/// [`ExtractorBuilder::gazetteer_str`](crate::ExtractorBuilder::gazetteer_str)) and, where there
/// is one, the 1-based line.
///
/// ```
/// let err = whosaid::Extractor::builder()
///     .gazetteer_str("mine.jsonl", "{\"id\": \"x\", \"kind\": \"planet\", \"name\": \"X\"}")
///     .unwrap_err();
/// assert_eq!(err.origin(), "mine.jsonl");
/// assert_eq!(err.line(), Some(1));
/// assert!(matches!(err.kind(), whosaid::ErrorKind::UnknownKind(k) if k == "planet"));
/// assert_eq!(
///     err.to_string(),
///     "mine.jsonl:1: unknown kind \"planet\" (expected person, organization, location or nationality)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    origin: String,
    line: Option<usize>,
    kind: ErrorKind,
}

/// The kinds of [`Error`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read; the message is the operating system's.
    #[error("cannot read: {0}")]
    Io(String),
    /// The file is not valid UTF-8; the line holds the first bad byte.
    #[error("not valid UTF-8")]
    NotUtf8,
    /// The line is not a valid entry: bad JSON, a missing or unknown field, a wrong type.
    #[error("invalid entry at column {column}: {message}")]
    Json {
        /// 1-based column of the problem within the line.
        column: usize,
        /// What the JSON reader said.
        message: String,
    },
    /// The file is one JSON document (an array of entries, or an entry spread over several
    /// lines) where one entry a line is expected; says which it looks like.
    #[error("expected one JSON object a line (JSON Lines), found {0}")]
    NotJsonLines(&'static str),
    /// `kind` is not one of `person`, `organization`, `location`, `nationality`.
    #[error("unknown kind {0:?} (expected person, organization, location or nationality)")]
    UnknownKind(String),
    /// `gender` is not `male`, `female` or `other`.
    #[error("unknown gender {0:?} (expected male, female or other)")]
    UnknownGender(String),
    /// `case` is not `sensitive` or `insensitive`.
    #[error("unknown case {0:?} (expected sensitive or insensitive)")]
    UnknownCase(String),
    /// `id` is empty or not trimmed.
    #[error("id is empty or has surrounding white space")]
    EmptyId,
    /// `name`, an alias or a title is empty or only white space; the field is named.
    #[error("{0} is empty or only white space")]
    EmptyName(&'static str),
    /// Two entries of the same source, or of two user sources, share this `id`.
    #[error("duplicate id {0:?}")]
    DuplicateId(String),
}

impl Error {
    pub(crate) fn new(origin: &str, line: Option<usize>, kind: ErrorKind) -> Error {
        Error {
            origin: origin.to_string(),
            line,
            kind,
        }
    }

    /// The file path or source name the error comes from.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The 1-based line of the bad entry, when the error is about one line.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.origin, line, self.kind),
            None => write!(f, "{}: {}", self.origin, self.kind),
        }
    }
}

impl std::error::Error for Error {}
