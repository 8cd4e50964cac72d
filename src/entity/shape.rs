//! What the inference passes ask of each token's word, answered once per article: whether it
//! may be capitalized, is a name word, an acronym, a head, or inside a title. The passes ask
//! these of the same few capitalized tokens again and again; each answer costs a hash lookup
//! or a walk over the word, so they are read from one byte a token instead.

use super::*;
use crate::words::{class, has_name_shape, word_class};

/// The bits of a token's shape byte.
pub(super) mod bit {
    /// A word starting with an ASCII capital or a non-ASCII char: the passes' first test,
    /// false for most tokens. Every other bit but [`TITLE`] implies it.
    pub(crate) const CAP: u8 = 1;
    /// The word's first char is uppercase ([`is_capitalized`](crate::text::is_capitalized)).
    pub(crate) const UPPER: u8 = 2;
    /// [`is_name_word`](crate::words::is_name_word).
    pub(crate) const NAME: u8 = 4;
    /// Two or more letters, all ASCII capitals: "CUPE", "RCMP".
    pub(crate) const ACRONYM: u8 = 8;
    /// An organization head ([`ORG_HEADS`](crate::words::ORG_HEADS)).
    pub(crate) const ORG_HEAD: u8 = 16;
    /// A place head ([`PLACE_HEADS`](crate::words::PLACE_HEADS)) that is no organization
    /// head.
    pub(crate) const PLACE_HEAD: u8 = 32;
    /// Inside a title or role phrase the article writes.
    pub(crate) const TITLE: u8 = 64;
    /// A possessive: the word ends in "'s". Its head bits are its stem's ("Hospital's").
    pub(crate) const POSSESSIVE: u8 = 128;
}

/// Fills `shapes` with one byte of [`bit`]s per token of `tokens`: 0 for all but the
/// tokens of [`Tokens::caps`] and those inside a title.
pub(super) fn fill(text: &str, tokens: &Tokens, titles: &[TitleRef], shapes: &mut Vec<u8>) {
    shapes.clear();
    shapes.resize(tokens.len(), 0);
    for &i in tokens.caps() {
        let w = tokens[i as usize].text(text);
        let mut s = bit::CAP;
        if is_capitalized(w) {
            s |= bit::UPPER;
        }
        // A possessive is no name word; its head bits are its stem's.
        let stem = crate::text::possessive_stem(w);
        let class = word_class(stem.unwrap_or(w));
        if stem.is_some() {
            s |= bit::POSSESSIVE;
        } else if class & class::NOT_NAME == 0 && has_name_shape(w) {
            s |= bit::NAME;
        }
        if w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
            s |= bit::ACRONYM;
        }
        // Organization heads win where a word is both.
        if class & class::ORG_HEAD != 0 {
            s |= bit::ORG_HEAD;
        } else if class & class::PLACE_HEAD != 0 {
            s |= bit::PLACE_HEAD;
        }
        shapes[i as usize] = s;
    }
    for title in titles {
        for j in tokens.overlapping(title.span) {
            shapes[j] |= bit::TITLE;
        }
    }
}

impl Resolver<'_> {
    /// Token `i`'s shape: its [`bit`]s.
    #[inline]
    pub(super) fn shape(&self, i: usize) -> u8 {
        self.shapes[i]
    }

    /// The first token at or after `i` with [`bit::CAP`], from position `k` of
    /// [`Tokens::caps`] on; `k` moves past it. A pass over the capitalized words calls it in a
    /// loop with its `i` rising.
    #[inline]
    pub(super) fn next_cap(&self, k: &mut usize, i: usize) -> Option<usize> {
        while let Some(&c) = self.tokens.caps().get(*k) {
            *k += 1;
            if c as usize >= i {
                return Some(c as usize);
            }
        }
        None
    }

    /// Whether token `i` has every bit of `bits`.
    #[inline]
    pub(super) fn is(&self, i: usize, bits: u8) -> bool {
        self.shapes[i] & bits == bits
    }

    /// Whether token `i` is a name word ([`is_name_word`]).
    #[inline]
    pub(super) fn name_word(&self, i: usize) -> bool {
        self.is(i, bit::NAME)
    }

    /// Whether token `i` starts with an uppercase char ([`is_capitalized`]).
    #[inline]
    pub(super) fn upper(&self, i: usize) -> bool {
        self.is(i, bit::UPPER)
    }

    /// Whether a title or role phrase covers token `i`.
    #[inline]
    pub(super) fn in_title_at(&self, i: usize) -> bool {
        self.is(i, bit::TITLE)
    }

    /// Whether token `i` is an acronym: two or more letters, all ASCII capitals.
    #[inline]
    pub(super) fn acronym(&self, i: usize) -> bool {
        self.is(i, bit::ACRONYM)
    }
}
