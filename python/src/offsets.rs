//! Byte offsets to character offsets.
//!
//! The crate reports UTF-8 byte offsets; Python indexes a `str` by code point (as spaCy's
//! `start_char` does). Each document gets one [`CharIndex`], built once in one pass over its
//! text while the GIL is released: the number of characters before every 64-byte block. An
//! offset is then its block's count plus the characters in at most 63 bytes of its block, so
//! converting every span of a document costs about one more pass over its text, whatever the
//! number of spans, and a span nobody reads costs nothing. A text that is all ASCII needs no
//! table: there a byte offset is a character offset.
//!
//! `python/tests/test_offsets.py` checks every offset of documents over accented, emoji and
//! CJK text against Python's own count of the characters before each byte offset of
//! `to_json()`.

/// The block size: a count every 64 bytes costs an eighth of the text's size in memory and
/// at most 63 bytes of counting an offset.
const BLOCK: usize = 64;

/// Character counts at block starts, for one text.
#[derive(Debug)]
pub(crate) struct CharIndex {
    /// `blocks[i]` is the number of characters in `text[..i * BLOCK]`; `None` for ASCII text.
    blocks: Option<Vec<usize>>,
}

/// The characters in `bytes`: every byte but UTF-8 continuation bytes (`0b10xx_xxxx`).
#[inline]
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl CharIndex {
    /// The index of `text`.
    pub(crate) fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { blocks: None };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0;
        for block in bytes.chunks(BLOCK) {
            blocks.push(chars);
            chars += count_chars(block);
        }
        // An offset at the very end, when the text fills its last block, has a block of its own.
        if bytes.len() % BLOCK == 0 {
            blocks.push(chars);
        }
        CharIndex {
            blocks: Some(blocks),
        }
    }

    /// The character offset of byte offset `byte` in `text`, the text this index was built
    /// from. An offset past the end counts as the end; one inside a character counts the
    /// characters that start before it (neither happens with the crate's spans).
    #[inline]
    pub(crate) fn char_offset(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        match &self.blocks {
            None => byte,
            Some(blocks) => {
                let block = byte / BLOCK;
                blocks[block] + count_chars(&text.as_bytes()[block * BLOCK..byte])
            }
        }
    }
}
