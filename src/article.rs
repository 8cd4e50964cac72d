//! The article as the stages after the tokenizer read it: its text, paragraphs, sentences and
//! tokens, each token's word classes, and the lookups between offsets and tokens that
//! coreference and attribution both need.

use std::cell::Cell;

use crate::span::Span;
use crate::text::Tokens;
use crate::words::Class;

/// A read-only view of one article, built once after tokenizing.
pub(crate) struct Article<'a> {
    pub(crate) text: &'a str,
    /// The text's non-blank lines ([`crate::sentence::paragraphs`]), sorted.
    pub(crate) paragraphs: &'a [Span],
    pub(crate) sentences: &'a [Span],
    pub(crate) tokens: &'a Tokens,
    /// Each token's word classes, [`Class`] bits; 0 until first asked. A buffer the caller
    /// keeps from article to article.
    classes: &'a [Cell<u16>],
    /// The last sentence [`Self::sentence_tokens`] found, by index, with its token range:
    /// attribution asks about one sentence several times in a row.
    last_sentence: Cell<Option<(usize, (usize, usize))>>,
}

impl<'a> Article<'a> {
    /// The view of an article; `classes` is the caller's buffer for the tokens' word classes,
    /// emptied here.
    pub(crate) fn new(
        text: &'a str,
        paragraphs: &'a [Span],
        sentences: &'a [Span],
        tokens: &'a Tokens,
        classes: &'a mut Vec<u16>,
    ) -> Article<'a> {
        // Zeroed as plain numbers (a memset), then asked and filled through cells.
        classes.clear();
        classes.resize(tokens.len(), 0);
        Article {
            text,
            paragraphs,
            sentences,
            tokens,
            classes: Cell::from_mut(classes.as_mut_slice()).as_slice_of_cells(),
            last_sentence: Cell::new(None),
        }
    }

    /// The text of token `i`.
    pub(crate) fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// Whether token `i` is in a word class (ASCII case ignored), looked up once per token.
    #[inline]
    pub(crate) fn is(&self, i: usize, class: Class) -> bool {
        let Some(cell) = self.classes.get(i) else {
            return false;
        };
        let mut bits = cell.get();
        if bits == 0 {
            bits = Class::of(self.tok(i));
            cell.set(bits);
        }
        bits & class.0 != 0
    }

    /// Whether token `i` is one of `words` (lowercase), ASCII case ignored.
    #[inline]
    pub(crate) fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        // As bytes: the token's span needs no char-boundary test to be compared.
        let w = &self.text.as_bytes()[self.tokens[i].span.range()];
        words.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(w))
    }

    /// Token range of the sentence holding `pos` (the first sentence ending after it; an empty
    /// range at `pos` if none does).
    pub(crate) fn sentence_tokens(&self, pos: usize) -> (usize, usize) {
        let s = self.sentences;
        // Sentence `i` holds `pos` if it ends after it and the one before does not.
        let holds = |i: usize| pos < s[i].end() && (i == 0 || s[i - 1].end() <= pos);
        if let Some((i, range)) = self.last_sentence.get() {
            if holds(i) {
                return range;
            }
        }
        let i = s.partition_point(|x| x.end() <= pos);
        let span = s.get(i).copied().unwrap_or(Span::new(pos, pos));
        let range = (
            self.tokens.first_at_or_after(span.start()),
            self.tokens.first_at_or_after(span.end()),
        );
        if i < s.len() {
            self.last_sentence.set(Some((i, range)));
        }
        range
    }

    /// The token's [`crate::text::sym`] code: 0 for a word.
    #[inline]
    pub(crate) fn sym(&self, i: usize) -> u8 {
        self.tokens[i].sym
    }

    /// Whether token `i` is a quote mark.
    pub(crate) fn is_mark(&self, i: usize) -> bool {
        self.tokens[i].is_mark()
    }

    /// The paragraph holding `pos` (an empty span at `pos` if none does).
    pub(crate) fn para_of(&self, pos: usize) -> Span {
        let p = self.paragraphs;
        let i = p.partition_point(|x| x.end() <= pos);
        p.get(i).copied().unwrap_or(Span::new(pos, pos))
    }

    /// The text from byte `a` to byte `b` (empty if `b < a`).
    pub(crate) fn text_between(&self, a: usize, b: usize) -> &'a str {
        &self.text[a..b.max(a)]
    }

    /// The span of tokens `a..b` (`a < b`).
    pub(crate) fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start(), self.tokens[b - 1].span.end())
    }
}
