//! Byte spans into the caller's text.

use std::ops::Range;

/// A half-open range of UTF-8 byte offsets, `start..end`, into the text given to
/// [`Extractor::extract`](crate::Extractor::extract).
///
/// # Numbering
///
/// Offsets count bytes of the UTF-8 input, not chars and not UTF-16 code units, so
/// `&text[span.range()]` is always the spanned text. Every span whosaid reports starts and ends
/// on a char boundary. To get char offsets (for example to compare with tools that count Unicode
/// scalar values), count the chars before each offset:
/// `text[..span.start()].chars().count()`.
///
/// # Example
///
/// ```
/// use whosaid::Span;
///
/// let text = "Zelensky–Putin";
/// let span = Span::new(11, 16);
/// assert_eq!(&text[span.range()], "Putin");
/// assert_eq!(span.len(), 5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Creates the span `start..end`.
    ///
    /// # Panics
    ///
    /// Panics if `start > end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// The first byte offset of the span.
    #[inline]
    pub fn start(&self) -> usize {
        self.start
    }

    /// The byte offset just past the span.
    #[inline]
    pub fn end(&self) -> usize {
        self.end
    }

    /// The span as a `Range`, ready to slice the text with.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The length of the span in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    ///
    /// ```
    /// use whosaid::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 5)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use whosaid::Span;
    /// assert!(Span::new(0, 10).overlaps(Span::new(9, 12)));
    /// assert!(!Span::new(0, 10).overlaps(Span::new(10, 12)));
    /// ```
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}
