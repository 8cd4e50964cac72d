//! Quote spans: where quotation marks open and close.

use crate::span::Span;
use crate::text::{next_char, prev_char};

/// A quoted passage found by its marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct QuoteSpan {
    /// From the opening mark to just past the closing mark (or the end of the paragraph when
    /// the closing mark is missing).
    pub(crate) outer: Span,
    /// Between the marks, trimmed of white space.
    pub(crate) content: Span,
    /// Whether a closing mark was found.
    pub(crate) closed: bool,
    /// Whether the quote runs over more than one paragraph.
    pub(crate) multi_paragraph: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight double quote: which one it is depends on its neighbours.
    Straight,
}

fn mark_at(text: &str, i: usize) -> Option<(Mark, usize)> {
    let c = next_char(text, i)?;
    let m = match c {
        '“' | '«' | '„' => Mark::Open,
        '”' | '»' => Mark::Close,
        '"' => Mark::Straight,
        // Typewriter doubles, as some archives write marks: ``so'' or ''so''.
        '`' if text[i + 1..].starts_with('`') => return Some((Mark::Open, 2)),
        '\'' if text[i + 1..].starts_with('\'') => return Some((Mark::Straight, 2)),
        _ => return None,
    };
    Some((m, c.len_utf8()))
}

/// Finds double-quoted passages. Single quotes are left alone: inside a double quote they are
/// nested quotes, and elsewhere they are far more often apostrophes than marks.
///
/// A quote is open until its closing mark. At the end of a paragraph an open quote continues
/// when the next paragraph starts with an opening mark (the news convention for a quote over
/// several paragraphs); otherwise it ends there, unclosed.
///
/// `at` is a buffer for the mark offsets of one paragraph, kept by the caller.
pub(crate) fn find_quotes(
    text: &str,
    paragraphs: &[Span],
    out: &mut Vec<QuoteSpan>,
    at: &mut Vec<usize>,
) {
    // Quote marks are rare: skip paragraphs with none of their lead bytes (memchr scans fast).
    // The offset of the opening mark, and whether the quote runs over paragraphs.
    let mut open: Option<(usize, bool)> = None;
    let has_doubled = |bytes: &[u8]| {
        // One pass over both marks' bytes, each hit looked at once.
        memchr::memchr2_iter(b'\'', b'`', bytes).any(|i| bytes.get(i + 1) == Some(&bytes[i]))
    };
    // Doubled typewriter marks are rare: the paragraphs are searched for them only if the text
    // has any.
    let doubled = has_doubled(text.as_bytes());
    for (pi, para) in paragraphs.iter().enumerate() {
        let bytes = &text.as_bytes()[para.range()];
        // Lead bytes of the marks: '"', the three-byte curly ones, the two-byte guillemets,
        // and the doubled typewriter marks.
        at.clear();
        at.extend(memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes));
        if doubled && has_doubled(bytes) {
            at.extend(memchr::memchr2_iter(b'\'', b'`', bytes));
            at.sort_unstable();
        }
        let mut skip_to = 0;
        for &rel in at.iter() {
            let i = para.start() + rel;
            if i < skip_to {
                continue;
            }
            let Some((mark, len)) = mark_at(text, i) else {
                continue;
            };
            skip_to = i + len;
            let before = prev_char(text, i);
            let after = next_char(text, i + len);
            let kind = match mark {
                Mark::Straight => {
                    let space_before =
                        before.map_or(true, |c| c.is_whitespace() || "([{—–-/".contains(c));
                    let space_after = after.map_or(true, |c| c.is_whitespace());
                    let looks_open = space_before && !space_after;
                    let looks_close = space_after && !space_before;
                    if looks_close || (open.is_some() && !looks_open) {
                        Mark::Close
                    } else {
                        Mark::Open
                    }
                }
                // A closing mark that opens a paragraph is a typo for an opening one.
                Mark::Close
                    if open.is_none()
                        && i == para.start()
                        && after.is_some_and(|c| !c.is_whitespace()) =>
                {
                    Mark::Open
                }
                m => m,
            };
            match (kind, open) {
                (Mark::Open, Some((start, multi))) if multi && para.start() == i => {
                    // The repeated opening mark of a continued quote.
                    open = Some((start, multi));
                }
                (Mark::Open, _) => open = Some((i, false)),
                (Mark::Close, Some((start, multi))) => {
                    push(text, out, start, i, i + len, true, multi);
                    open = None;
                }
                (Mark::Close, None) | (Mark::Straight, _) => {}
            }
        }
        if let Some((start, _)) = open {
            let next_opens = paragraphs.get(pi + 1).is_some_and(|next| {
                mark_at(text, next.start()).is_some_and(|(m, _)| m != Mark::Close)
            });
            if next_opens {
                open = Some((start, true));
            } else {
                push(text, out, start, para.end(), para.end(), false, false);
                open = None;
            }
        }
    }
}

fn push(
    text: &str,
    out: &mut Vec<QuoteSpan>,
    open: usize,
    close: usize,
    outer_end: usize,
    closed: bool,
    multi: bool,
) {
    let open_len = if text[open..].starts_with("''") || text[open..].starts_with("``") {
        2
    } else {
        next_char(text, open).map_or(1, |c| c.len_utf8())
    };
    let inner = &text[open + open_len..close];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let start = open + open_len + lead;
    let end = (close - trail).max(start);
    if end <= start {
        return;
    }
    out.push(QuoteSpan {
        outer: Span::new(open, outer_end),
        content: Span::new(start, end),
        closed,
        multi_paragraph: multi,
    });
}

/// The pieces of `span` one paragraph each, as a quote continued by a reopened mark is said:
/// `“First.\n\n“Second.”` gives `First.` and `Second.`. Each piece after the first starts
/// past its paragraph's opening mark and white space; empty pieces are left out. `paragraphs`
/// is sorted; the cost is that of the paragraphs `span` touches.
pub(crate) fn paragraph_pieces(text: &str, paragraphs: &[Span], span: Span, out: &mut Vec<Span>) {
    let first = paragraphs.partition_point(|p| p.end() <= span.start());
    for (k, p) in paragraphs[first..]
        .iter()
        .take_while(|p| p.start() < span.end())
        .enumerate()
    {
        let mut start = p.start().max(span.start());
        let end = p.end().min(span.end());
        // The reopening mark (a closing one, as a typo, too).
        if k > 0 {
            if let Some((_, len)) = mark_at(text, start) {
                start += len;
            }
        }
        let piece = &text[start..end.max(start)];
        let start = start + (piece.len() - piece.trim_start().len());
        let end = start + piece.trim().len();
        if end > start {
            out.push(Span::new(start, end));
        }
    }
}

/// The quote whose marks hold byte `pos`, if any (`quotes` sorted and disjoint).
pub(crate) fn holding(quotes: &[QuoteSpan], pos: usize) -> Option<&QuoteSpan> {
    let i = quotes.partition_point(|x| x.outer.end() <= pos);
    quotes.get(i).filter(|x| x.outer.start() <= pos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::paragraphs;

    fn quotes(text: &str) -> Vec<(&str, bool)> {
        let (mut paras, mut out) = (Vec::new(), Vec::new());
        paragraphs(text, &mut paras);
        find_quotes(text, &paras, &mut out, &mut Vec::new());
        out.iter()
            .map(|q| (&text[q.content.range()], q.closed))
            .collect()
    }

    #[test]
    fn curly_straight_and_guillemets() {
        assert_eq!(
            quotes("“One,” he said. \"Two\" and «three» but it's Ukraine’s."),
            [("One,", true), ("Two", true), ("three", true)]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            quotes("“He said ‘no’ twice,” she said."),
            [("He said ‘no’ twice,", true)]
        );
    }

    #[test]
    fn multi_paragraph_quote() {
        let t = "“First part.\n“Second part,” he said.\nNext.";
        assert_eq!(quotes(t), [("First part.\n“Second part,", true)]);
    }

    #[test]
    fn a_continued_quote_is_in_pieces_one_a_paragraph() {
        let t = "He said: “First part.\n\n“Second part, \n  \n“third,” he said.";
        let (mut paras, mut out) = (Vec::new(), Vec::new());
        paragraphs(t, &mut paras);
        find_quotes(t, &paras, &mut out, &mut Vec::new());
        let mut pieces = Vec::new();
        paragraph_pieces(t, &paras, out[0].content, &mut pieces);
        let pieces: Vec<&str> = pieces.iter().map(|p| &t[p.range()]).collect();
        assert_eq!(pieces, ["First part.", "Second part,", "third,"]);
        // A span within one paragraph is one piece, itself.
        let mut one = Vec::new();
        paragraph_pieces(t, &paras, Span::new(3, 7), &mut one);
        assert_eq!(one, [Span::new(3, 7)]);
    }

    #[test]
    fn unclosed_quote_ends_at_paragraph() {
        assert_eq!(
            quotes("He said “it is over.\nNext paragraph."),
            [("it is over.", false)]
        );
    }
}
