//! Char-level helpers shared by the stages: word boundaries and a small tokenizer that works on
//! byte offsets into the caller's text and allocates nothing per word.

use crate::span::Span;

/// Whether `c` belongs inside a word for boundary purposes.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206f}').contains(&c) {
        // General punctuation (curly quotes, dashes, spaces): frequent in news, never a
        // letter or digit, and slow to look up in the Unicode tables.
        false
    } else {
        c.is_alphanumeric()
    }
}

/// The char that ends just before byte `i`, if any. `i` must be a char boundary.
#[inline]
pub(crate) fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The char that starts at byte `i`, if any. `i` must be a char boundary.
#[inline]
pub(crate) fn next_char(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Whether the char is an apostrophe (straight or curly right single quote).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Length in bytes of a possessive ending ('s, ’s, or a bare apostrophe after s) at byte `i`,
/// or 0 when there is none.
pub(crate) fn possessive_len(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    // Both apostrophes start with one of two bytes: most words end otherwise.
    if !matches!(rest.as_bytes().first(), Some(b'\'' | 0xe2)) {
        return 0;
    }
    let mut chars = rest.chars();
    match chars.next() {
        Some(a) if is_apostrophe(a) => {
            let alen = a.len_utf8();
            match chars.next() {
                Some('s') | Some('S') => match chars.next() {
                    Some(c) if is_word_char(c) => 0,
                    _ => alen + 1,
                },
                // "Reuters' report": a bare apostrophe after a final s.
                Some(c) if !is_word_char(c) && text[..i].ends_with(['s', 'S']) => alen,
                None if text[..i].ends_with(['s', 'S']) => alen,
                _ => 0,
            }
        }
        _ => 0,
    }
}

/// `word.to_ascii_lowercase()`: the word itself when it has no ASCII capital, else written
/// into `buf` when it fits there, else a new string.
pub(crate) fn ascii_lowercase<'w>(
    word: &'w str,
    buf: &'w mut [u8; 32],
) -> std::borrow::Cow<'w, str> {
    use std::borrow::Cow;
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(word);
    }
    if let Some(buf) = buf.get_mut(..word.len()) {
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        // ASCII lowercasing keeps UTF-8 valid, so this is always `Ok`.
        if let Ok(lower) = std::str::from_utf8(buf) {
            return Cow::Borrowed(lower);
        }
    }
    Cow::Owned(word.to_ascii_lowercase())
}

/// Whether the next word after `pos` (same line, only spaces between) is capitalized.
pub(crate) fn next_word_starts_name(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The word without its possessive "'s" (or "’s"), if it has one: "Hospital" of
/// "Hospital's".
pub(crate) fn possessive_stem(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// Whether the word's first char is uppercase ("Putin", "J.", "É"); a word starting with a
/// digit, a mark or a lowercase letter is not.
#[inline]
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The index of the first token starting at or after byte `pos` (`tokens.len()` if none).
#[inline]
pub(crate) fn first_token_at_or_after(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.span.start() < pos)
}

/// Log2 of the bytes of text a [`token_blocks`] entry covers.
const BLOCK_SHIFT: u32 = 6;

/// Fills `blocks` so that `blocks[b]` is the index of the first token starting at or after
/// byte `b << BLOCK_SHIFT`, for every block of a text of `len` bytes and one past it: then
/// [`first_token_in_blocks`] searches a block's few tokens, not all of them. Left empty when
/// the token count does not fit in a `u32`.
fn token_blocks(tokens: &[Token], len: usize, blocks: &mut Vec<u32>) {
    blocks.clear();
    if u32::try_from(tokens.len()).is_err() {
        return;
    }
    let n = (len >> BLOCK_SHIFT) + 2;
    blocks.reserve(n);
    let mut t = 0;
    for b in 0..n {
        let from = b << BLOCK_SHIFT;
        while t < tokens.len() && tokens[t].span.start() < from {
            t += 1;
        }
        blocks.push(t as u32);
    }
}

/// [`first_token_at_or_after`] with the help of [`token_blocks`] over the same tokens.
#[inline]
fn first_token_in_blocks(tokens: &[Token], blocks: &[u32], pos: usize) -> usize {
    let b = pos >> BLOCK_SHIFT;
    match (blocks.get(b), blocks.get(b + 1)) {
        (Some(&lo), Some(&hi)) => {
            let (lo, hi) = (lo as usize, hi as usize);
            lo + tokens[lo..hi].partition_point(|t| t.span.start() < pos)
        }
        _ => first_token_at_or_after(tokens, pos),
    }
}

/// The index of the token holding byte `pos`, if any: the last one starting at or before it,
/// if it ends after it. `blocks` are [`token_blocks`] of the tokens.
#[inline]
fn token_holding(tokens: &[Token], blocks: &[u32], pos: usize) -> Option<usize> {
    let after = first_token_in_blocks(tokens, blocks, pos.saturating_add(1));
    let i = after.checked_sub(1)?;
    (tokens.get(i)?.span.end() > pos).then_some(i)
}

/// An article's tokens with their block index ([`token_blocks`]), which finds the token at an
/// offset by searching one block's few tokens: the stages after the tokenizer read tokens
/// through this type. It derefs to the tokens as a slice.
#[derive(Default, Debug)]
pub(crate) struct Tokens {
    list: Vec<Token>,
    blocks: Vec<u32>,
    /// The indices of the words starting with an ASCII capital or a non-ASCII char.
    caps: Vec<u32>,
}

impl Tokens {
    /// Tokenizes `text` into these tokens (and its word runs into `runs`), then indexes them.
    pub(crate) fn fill(&mut self, text: &str, runs: &mut Vec<Run>) {
        tokenize_with_caps(text, &mut self.list, runs, &mut self.caps);
        token_blocks(&self.list, text.len(), &mut self.blocks);
    }

    /// The indices of the word tokens that start with an ASCII capital or a non-ASCII char
    /// (which may be a capital), in order: the only tokens the passes looking for names
    /// read.
    pub(crate) fn caps(&self) -> &[u32] {
        &self.caps
    }

    /// The index of the first token starting at or after byte `pos` (`len()` if none).
    #[inline]
    pub(crate) fn first_at_or_after(&self, pos: usize) -> usize {
        first_token_in_blocks(&self.list, &self.blocks, pos)
    }

    /// The index of the token holding byte `pos`, if any.
    #[inline]
    pub(crate) fn holding(&self, pos: usize) -> Option<usize> {
        token_holding(&self.list, &self.blocks, pos)
    }

    /// The indices of the tokens that overlap `span`, in order.
    pub(crate) fn overlapping(&self, span: Span) -> Overlapping<'_> {
        let first = self
            .holding(span.start())
            .unwrap_or_else(|| self.first_at_or_after(span.start()));
        Overlapping {
            tokens: &self.list,
            next: first,
            span,
        }
    }

    /// The capacity held, in tokens.
    pub(crate) fn capacity(&self) -> usize {
        self.list.capacity()
    }
}

/// The indices of the tokens that overlap a span ([`Tokens::overlapping`]).
pub(crate) struct Overlapping<'a> {
    tokens: &'a [Token],
    next: usize,
    span: Span,
}

impl Iterator for Overlapping<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        loop {
            let t = self.tokens.get(self.next)?;
            if t.span.start() >= self.span.end() {
                return None;
            }
            self.next += 1;
            if t.span.overlaps(self.span) {
                return Some(self.next - 1);
            }
        }
    }
}

impl std::ops::Deref for Tokens {
    type Target = [Token];

    fn deref(&self) -> &[Token] {
        &self.list
    }
}

/// A word or a single punctuation char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) word: bool,
    /// For a punctuation token, its [`sym`] code, so later stages compare a byte instead of
    /// the token's text; 0 for a word.
    pub(crate) sym: u8,
}

/// Codes of punctuation tokens ([`Token::sym`]): an ASCII char is its own byte; the non-ASCII
/// marks the stages ask about have a code each above 0x7f.
pub(crate) mod sym {
    /// An em dash, "—".
    pub(crate) const EM_DASH: u8 = 0x80;
    /// An en dash, "–".
    pub(crate) const EN_DASH: u8 = 0x81;
    /// An ellipsis, "…".
    pub(crate) const ELLIPSIS: u8 = 0x82;
    /// A double quotation mark other than the straight one: “ ” « » „.
    pub(crate) const CURLY_MARK: u8 = 0x83;
    /// Any other punctuation char.
    pub(crate) const OTHER: u8 = 0xff;

    /// The code of the punctuation char `c`.
    #[inline]
    pub(crate) fn of(c: char) -> u8 {
        match c {
            '\u{1}'..='\u{7f}' => c as u8,
            '—' => EM_DASH,
            '–' => EN_DASH,
            '…' => ELLIPSIS,
            '“' | '”' | '«' | '»' | '„' => CURLY_MARK,
            _ => OTHER,
        }
    }
}

impl Token {
    /// A word token.
    #[inline]
    pub(crate) fn word(start: usize, end: usize) -> Token {
        Token {
            span: Span::new(start, end),
            word: true,
            sym: 0,
        }
    }

    /// The punctuation token of char `c` at byte `start`.
    #[inline]
    pub(crate) fn punct(start: usize, c: char) -> Token {
        Token {
            span: Span::new(start, start + c.len_utf8()),
            word: false,
            sym: sym::of(c),
        }
    }

    /// Whether the token is a double quotation mark, straight or curly.
    #[inline]
    pub(crate) fn is_mark(&self) -> bool {
        self.sym == b'"' || self.sym == sym::CURLY_MARK
    }

    #[inline]
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.range()]
    }
}

/// A maximal run of word chars (a char before it, if any, is not one): where a gazetteer name
/// or a cue may start. Found by [`tokenize`] on its way, so later stages need not read the
/// text byte by byte again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// [`word_hash`] of the run's bytes.
    pub(crate) hash: u64,
    /// Whether every char of the run is an ASCII letter.
    pub(crate) letters: bool,
}

/// Bit 5 of every byte: set, it lowercases an ASCII letter and leaves a digit as it is.
const FOLD: u64 = 0x2020_2020_2020_2020;

/// Hashes a word for the first-word filters of the matcher and the cue finder from its length
/// and its first and last eight bytes, with bit 5 of every byte set so that ASCII letters count
/// lowercased: [`word_hash`] of the word whose first eight bytes, zero-padded, are `head`, and
/// whose last eight are `tail` if it is longer than eight (else `tail` is 0).
///
/// Words alike in all three collide, which costs a filter only a closer look. It is computed
/// once a word's end is known, from two loads, not byte by byte.
#[inline(always)]
fn mix(head: u64, tail: u64, len: usize) -> u64 {
    ((head | FOLD) ^ (tail | FOLD).rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ len as u64
}

/// The bit for a [`word_hash`] in a bit set of `mask + 1` bits.
#[inline]
pub(crate) fn word_bit(h: u64, mask: usize) -> usize {
    ((h ^ h >> 29).wrapping_mul(0xbf58_476d_1ce4_e5b9) >> 24) as usize & mask
}

/// The hash of a word (a run of word chars) for the first-word filters: see [`mix`].
pub(crate) fn word_hash(word: &[u8]) -> u64 {
    let n = word.len();
    let mut head = [0; 8];
    let k = n.min(8);
    head[..k].copy_from_slice(&word[..k]);
    let mut tail = [0; 8];
    if n > 8 {
        tail.copy_from_slice(&word[n - 8..]);
    }
    mix(u64::from_le_bytes(head), u64::from_le_bytes(tail), n)
}

/// [`word_hash`] of `b[start..end]`, with a load of eight bytes for its head (and one for its
/// tail) instead of copying, where eight bytes from `start` lie inside `b`.
#[inline(always)]
fn word_hash_in(b: &[u8], start: usize, end: usize) -> u64 {
    let load = |s: &[u8]| {
        let mut x = [0; 8];
        x.copy_from_slice(s);
        u64::from_le_bytes(x)
    };
    let n = end - start;
    match b.get(start..start + 8) {
        Some(head) if n < 8 => mix(load(head) & ((1 << (8 * n)) - 1), 0, n),
        Some(head) if n == 8 => mix(load(head), 0, n),
        Some(head) => mix(load(head), load(&b[end - 8..end]), n),
        None => word_hash(&b[start..end]),
    }
}

/// [`tokenize_with_caps`] without the capitals, for tests.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>, runs: &mut Vec<Run>) {
    tokenize_with_caps(text, out, runs, &mut Vec::new());
}

/// Splits `text` into tokens: words are runs of alphanumerics, joined across an inner
/// apostrophe ("O'Brien", "Putin's"), and dotted abbreviations and initials ("U.S.", "J.");
/// every other non-space char, hyphens included, is a token of its own. Every [`Run`] of word
/// chars goes to `runs` on the way, and the index of every word that starts with an ASCII
/// capital or a non-ASCII char to `caps` ([`Tokens::caps`]).
///
/// Works on bytes, with ASCII in tight loops and other chars decoded where they stand.
fn tokenize_with_caps(text: &str, out: &mut Vec<Token>, runs: &mut Vec<Run>, caps: &mut Vec<u32>) {
    out.clear();
    runs.clear();
    caps.clear();
    let s = text;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let (alphabetic, len) = if x < 0x80 {
            match ASCII_CLASS[x as usize] {
                // Letters and digits start a word: most are short and end plainly, read here
                // from one load; the others below.
                class @ (1 | 2) => {
                    if let Some(w) = ShortWord::at(b, i) {
                        runs.push(Run {
                            start: i,
                            end: w.end,
                            hash: w.hash,
                            letters: w.letters,
                        });
                        if x.is_ascii_uppercase() {
                            caps.push(out.len() as u32);
                        }
                        // A title abbreviation keeps its dot: "Mr.", "Gov.", "Sen.".
                        let dot = w.next == b'.' && crate::words::is_abbreviation(&s[i..w.end]);
                        out.push(Token::word(i, w.end + usize::from(dot)));
                        i = w.end + usize::from(dot || w.next == b' ');
                        continue;
                    }
                    (class == 1, 1)
                }
                SPACE => {
                    i += 1;
                    continue;
                }
                _ => {
                    out.push(Token::punct(i, x as char));
                    i += 1;
                    continue;
                }
            }
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !is_word_char(c) {
                out.push(Token::punct(i, c));
                i += len;
                continue;
            }
            (c.is_alphabetic(), len)
        };
        let mut end = i + len;
        if alphabetic && b.get(end) == Some(&b'.') {
            // A dotted abbreviation or initial: "U.S.", "J.".
            runs.push(Run::of(b, i, end));
            end += 1;
            loop {
                let mut rest = s[end..].chars();
                match (rest.next(), rest.next()) {
                    (Some(l), Some('.')) if l.is_alphabetic() => {
                        runs.push(Run::of(b, end, end + l.len_utf8()));
                        end += l.len_utf8() + 1;
                    }
                    _ => break,
                }
            }
        } else {
            end = word_end(s, i, end, runs);
            // A title abbreviation keeps its dot: "Mr.", "Gov.", "Sen.".
            if b.get(end) == Some(&b'.') && crate::words::is_abbreviation(&s[i..end]) {
                end += 1;
            }
        }
        if x.is_ascii_uppercase() || x >= 0x80 {
            caps.push(out.len() as u32);
        }
        out.push(Token::word(i, end));
        // The space after a word, the commonest byte after one, is passed over here.
        i = end + usize::from(b.get(end) == Some(&b' '));
    }
}

/// A word of one to fifteen ASCII letters and digits followed by an ASCII char other than an
/// apostrophe: most words of news. Its end, its [`Run`]'s hash and the char after it come from
/// one or two loads of eight bytes. A longer word, one within sixteen bytes of the text's end,
/// one followed by a char that may continue it ("O'Brien", "café"), or a letter before a dot (an
/// initial or a dotted abbreviation: "J.", "U.S.") is left to [`tokenize_with_caps`]'s general
/// path.
struct ShortWord {
    end: usize,
    hash: u64,
    /// Whether every byte is a letter.
    letters: bool,
    /// The byte after the word.
    next: u8,
}

impl ShortWord {
    /// The short word starting at `b[i]`, an ASCII letter or digit, if it is one.
    #[inline(always)]
    fn at(b: &[u8], i: usize) -> Option<ShortWord> {
        let x = load8(b, i)?;
        let (alnum, digits) = ascii_alnum8(x);
        // The word's length, at least 1 since `b[i]` is a letter or digit.
        let n = (!alnum & HIGH).trailing_zeros() / 8;
        if n < 8 {
            let within = (1 << (8 * n)) - 1;
            let initial = n == 1 && (x as u8).is_ascii_alphabetic() && (x >> 8) as u8 == b'.';
            return (ShortWord::ending(x >> (8 * n)) && !initial).then(|| ShortWord {
                end: i + n as usize,
                hash: mix(x & within, 0, n as usize),
                letters: digits & within == 0,
                next: (x >> (8 * n)) as u8,
            });
        }
        // Eight letters or digits: the next eight bytes hold the rest of a word of up to
        // fifteen.
        let y = load8(b, i + 8)?;
        let (alnum, more_digits) = ascii_alnum8(y);
        let m = (!alnum & HIGH).trailing_zeros() / 8;
        if m == 8 || !ShortWord::ending(y >> (8 * m)) {
            return None;
        }
        let within = (1 << (8 * m)) - 1;
        let len = 8 + m as usize;
        // The last eight bytes, for a word longer than eight.
        let tail = if m == 0 { 0 } else { load8(b, i + m as usize)? };
        Some(ShortWord {
            end: i + len,
            hash: mix(x, tail, len),
            letters: digits == 0 && more_digits & within == 0,
            next: (y >> (8 * m)) as u8,
        })
    }

    /// Whether a word followed by the low byte of `next` ends there without a further look.
    #[inline(always)]
    fn ending(next: u64) -> bool {
        let next = next as u8;
        next != b'\'' && next < 0x80
    }
}

/// The eight bytes from `b[i]` as a little-endian number, if there are eight.
#[inline(always)]
fn load8(b: &[u8], i: usize) -> Option<u64> {
    let chunk = b.get(i..)?.get(..8)?;
    Some(u64::from_le_bytes(chunk.try_into().ok()?))
}

impl Run {
    fn of(b: &[u8], start: usize, end: usize) -> Run {
        Run {
            start,
            end,
            hash: word_hash(&b[start..end]),
            letters: b[start..end].iter().all(u8::is_ascii_alphabetic),
        }
    }
}

/// ASCII letters (1), digits (2) and white space ([`SPACE`]) by byte, others 0: one load
/// instead of range tests.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = if b.is_ascii_alphabetic() {
            1
        } else if b.is_ascii_digit() {
            2
        } else if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            SPACE
        } else {
            0
        };
        i += 1;
    }
    table
};

/// The [`ASCII_CLASS`] of white space (as `char::is_whitespace` has it).
const SPACE: u8 = 4;

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Which of eight bytes are ASCII letters or digits, and which are digits: the high bit of
/// each such byte set, all other bits clear.
#[inline(always)]
fn ascii_alnum8(x: u64) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // For bytes below 0x80: the high bit is set where the byte is at least `lo`, and where it
    // is at most `hi`. No subtraction borrows across bytes.
    let at_least = |x: u64, lo: u8| ((x | HIGH) - ONES * u64::from(lo)) & HIGH;
    let at_most = |x: u64, hi: u8| (((ONES * u64::from(hi)) | HIGH) - x) & HIGH;
    let ascii = !x & HIGH;
    let low7 = x & !HIGH;
    let lower = low7 | FOLD;
    let letters = at_least(lower, b'a') & at_most(lower, b'z');
    let digits = at_least(low7, b'0') & at_most(low7, b'9');
    ((letters | digits) & ascii, digits & ascii)
}

/// The end of the word whose first char is `s[start..end]`: word chars, and apostrophes with
/// a word char after them ("O'Brien", "don't", "Putin's"). Pushes its runs.
#[inline]
fn word_end(s: &str, start: usize, mut end: usize, runs: &mut Vec<Run>) -> usize {
    let b = s.as_bytes();
    let mut run_start = start;
    // The first char: nearly always one ASCII byte.
    let mut others = match b[start..end] {
        [x] => u8::from(!x.is_ascii_alphabetic()),
        _ => 1,
    };
    loop {
        // ASCII letters and digits eight bytes at a time while eight are left, then one by one.
        loop {
            if let Some(chunk) = b.get(end..end + 8) {
                let mut x = [0; 8];
                x.copy_from_slice(chunk);
                let (alnum, digits) = ascii_alnum8(u64::from_le_bytes(x));
                // The first byte that is not one, 8 for none.
                let n = ((!alnum & HIGH).trailing_zeros() / 8) as usize;
                let within = u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0);
                if digits & within != 0 {
                    others = 1;
                }
                end += n;
                if n < 8 {
                    break;
                }
            } else {
                while let Some(&x) = b.get(end) {
                    let class = ASCII_CLASS[x as usize] & 3;
                    if class == 0 {
                        break;
                    }
                    others |= class & 2;
                    end += 1;
                }
                break;
            }
        }
        let c = match b.get(end) {
            None => break,
            Some(b'\'') => '\'',
            Some(&x) if x < 0x80 => break,
            Some(_) => s[end..].chars().next().unwrap_or(' '),
        };
        let len = c.len_utf8();
        if len > 1 && is_word_char(c) {
            others = 1;
            end += len;
        } else if is_apostrophe(c) && s[end + len..].chars().next().is_some_and(is_word_char) {
            runs.push(Run {
                start: run_start,
                end,
                hash: word_hash_in(b, run_start, end),
                letters: others == 0,
            });
            end += len;
            run_start = end;
            others = 0;
        } else {
            break;
        }
    }
    runs.push(Run {
        start: run_start,
        end,
        hash: word_hash_in(b, run_start, end),
        letters: others == 0,
    });
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Lowercasing in a stack buffer, borrowed or into a new string, is
        /// `to_ascii_lowercase`.
        #[test]
        fn ascii_lowercase_equals_to_ascii_lowercase(word in "[a-zA-Z\u{e9}\u{c9}\u{130}]{0,40}") {
            let mut buf = [0; 32];
            let got = ascii_lowercase(&word, &mut buf);
            prop_assert_eq!(got.as_ref(), word.to_ascii_lowercase());
        }

        /// The eight-byte test marks exactly the bytes a byte-by-byte test finds ASCII
        /// letters or digits, and the digits among them.
        #[test]
        fn eight_byte_alnum_test_equals_the_byte_test(x in any::<u64>()) {
            let (alnum, digits) = ascii_alnum8(x);
            for (i, b) in x.to_le_bytes().into_iter().enumerate() {
                let bit = 0x80 << (8 * i);
                prop_assert_eq!(alnum & bit != 0, b.is_ascii_alphanumeric(), "byte {:#x}", b);
                prop_assert_eq!(digits & bit != 0, b.is_ascii_digit(), "byte {:#x}", b);
            }
            prop_assert_eq!(alnum & !HIGH, 0);
            prop_assert_eq!(digits & !HIGH, 0);
        }
    }

    proptest! {
        /// The token holding an offset, found through the block index, is the one a search
        /// over all tokens by their ends finds.
        #[test]
        fn token_holding_equals_a_search_by_ends(s in "([a-z]{1,70}|[ .,\u{e9}\u{201c}\n]){0,40}") {
            let (mut tokens, mut blocks) = (Vec::new(), Vec::new());
            tokenize(&s, &mut tokens, &mut Vec::new());
            token_blocks(&tokens, s.len(), &mut blocks);
            for pos in 0..=s.len() + 1 {
                let i = tokens.partition_point(|t| t.span.end() <= pos);
                let want = (i < tokens.len() && tokens[i].span.start() <= pos).then_some(i);
                prop_assert_eq!(token_holding(&tokens, &blocks, pos), want, "at {}", pos);
            }
        }
    }

    #[test]
    fn eight_byte_alnum_test_every_byte_in_every_place() {
        for b in 0..=255u8 {
            for i in 0..8 {
                let x =
                    u64::from(b) << (8 * i) | u64::from_le_bytes(*b"aaaaaaaa") & !(0xff << (8 * i));
                let (alnum, digits) = ascii_alnum8(x);
                let bit = 0x80 << (8 * i);
                assert_eq!(
                    alnum & bit != 0,
                    b.is_ascii_alphanumeric(),
                    "byte {b:#x} at {i}"
                );
                assert_eq!(digits & bit != 0, b.is_ascii_digit(), "byte {b:#x} at {i}");
            }
        }
    }

    /// The char-at-a-time tokenizer `tokenize` replaced, kept as its oracle.
    fn tokenize_reference(text: &str, span: Span, out: &mut Vec<Token>) {
        out.clear();
        let s = &text[span.range()];
        let base = span.start();
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_whitespace() {
                continue;
            }
            if !is_word_char(c) {
                out.push(Token::punct(base + i, c));
                continue;
            }
            let mut end = i + c.len_utf8();
            if c.is_alphabetic() && s[end..].starts_with('.') {
                // A dotted abbreviation or initial: "U.S.", "J.".
                end += 1;
                loop {
                    let mut rest = s[end..].chars();
                    match (rest.next(), rest.next()) {
                        (Some(l), Some('.')) if l.is_alphabetic() => end += l.len_utf8() + 1,
                        _ => break,
                    }
                }
                while iter.peek().is_some_and(|&(j, _)| j < end) {
                    iter.next();
                }
                out.push(Token::word(base + i, base + end));
                continue;
            }
            while let Some(&(j, d)) = iter.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else if is_apostrophe(d)
                    && s[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char)
                {
                    // Inner apostrophe: "O'Brien", "don't", "Putin's".
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            // A title abbreviation keeps its dot: "Mr.", "Gov.", "Sen.".
            if s[end..].starts_with('.') && crate::words::is_abbreviation(&s[i..end]) {
                end += 1;
                iter.next();
            }
            out.push(Token::word(base + i, base + end));
        }
    }

    proptest! {
        #[test]
        fn tokenize_equals_the_char_at_a_time_reference(
            s in "[aZ1 .,'\u{2019}\u{201c}\u{e9}\u{2014}\u{a0}\u{301}\n-]{0,24}|(Mr|Gov|U|S|J|x|Zelensky|don|t|\\.|'|\u{2019}| |\u{e9}){0,12}\
                |((Mr|Gov|J|[aZ1]{1,17})[ .,'\u{2019}\u{e9}\n-]{0,2}){0,8}"
        ) {
            let (mut got, mut want) = (Vec::new(), Vec::new());
            tokenize(&s, &mut got, &mut Vec::new());
            tokenize_reference(&s, Span::new(0, s.len()), &mut want);
            prop_assert_eq!(got, want);
        }
    }

    proptest! {
        /// The block index finds what a search of all the tokens finds, at every offset.
        #[test]
        fn token_blocks_find_the_first_token_at_or_after(
            s in "([a-z]{1,70}|[ .,\u{e9}\u{201c}]{1,3}|\n)*"
        ) {
            let mut tokens = Vec::new();
            tokenize(&s, &mut tokens, &mut Vec::new());
            let mut blocks = Vec::new();
            token_blocks(&tokens, s.len(), &mut blocks);
            for pos in 0..s.len() + 130 {
                prop_assert_eq!(
                    first_token_in_blocks(&tokens, &blocks, pos),
                    first_token_at_or_after(&tokens, pos),
                    "at {}", pos
                );
            }
        }
    }

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, &mut v, &mut Vec::new());
        v.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            toks("O'Brien said, \"no.\""),
            ["O'Brien", "said", ",", "\"", "no", ".", "\""]
        );
        assert_eq!(
            toks("the U.S. and J. Smith"),
            ["the", "U.S.", "and", "J.", "Smith"]
        );
        assert_eq!(toks("Putin’s plan"), ["Putin’s", "plan"]);
        assert_eq!(
            toks("Ms. Moore, Gov. Pat"),
            ["Ms.", "Moore", ",", "Gov.", "Pat"]
        );
        assert_eq!(toks("Zelensky-Putin"), ["Zelensky", "-", "Putin"]);
    }

    #[test]
    fn possessives() {
        let t = "Putin’s and Reuters' x'sy";
        assert_eq!(possessive_len(t, 5), 4);
        assert_eq!(possessive_len(t, 21), 1);
        assert_eq!(possessive_len(t, 24), 0);
    }
}
