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

/// Whether the word starts with an uppercase letter (or is a digit-free initial like "J.").
#[inline]
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The index of the first token starting at or after byte `pos` (`tokens.len()` if none).
#[inline]
pub(crate) fn first_token_at_or_after(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.span.start() < pos)
}

/// A word or a single punctuation char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) word: bool,
}

impl Token {
    #[inline]
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.range()]
    }
}

/// Splits `text[span]` into tokens: words are runs of alphanumerics, joined across an inner
/// apostrophe ("O'Brien", "Putin's"), and dotted abbreviations and initials ("U.S.", "J.");
/// every other non-space char, hyphens included, is a token of its own.
///
/// Works on bytes, with ASCII in tight loops and other chars decoded where they stand.
pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    out.clear();
    let s = &text[span.range()];
    let b = s.as_bytes();
    let base = span.start();
    // About one token in five bytes of news.
    out.reserve(s.len() / 4);
    let mut i = 0;
    while i < b.len() {
        let (c, len) = if b[i] < 0x80 {
            (b[i] as char, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                span: Span::new(base + i, base + i + len),
                word: false,
            });
            i += len;
            continue;
        }
        let mut end = i + len;
        if c.is_alphabetic() && b.get(end) == Some(&b'.') {
            // A dotted abbreviation or initial: "U.S.", "J.".
            end += 1;
            loop {
                let mut rest = s[end..].chars();
                match (rest.next(), rest.next()) {
                    (Some(l), Some('.')) if l.is_alphabetic() => end += l.len_utf8() + 1,
                    _ => break,
                }
            }
        } else {
            end = word_end(s, end);
            // A title abbreviation keeps its dot: "Mr.", "Gov.", "Sen.".
            if b.get(end) == Some(&b'.') && crate::sentence::is_abbreviation(&s[i..end]) {
                end += 1;
            }
        }
        out.push(Token {
            span: Span::new(base + i, base + end),
            word: true,
        });
        i = end;
    }
}

/// ASCII letters and digits, by byte: one load instead of three range tests.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    table
};

/// Whether `b` is an ASCII letter or digit.
#[inline(always)]
pub(crate) fn is_ascii_alnum(b: u8) -> bool {
    ASCII_ALNUM[b as usize]
}

/// The end of the word that goes on at byte `end` of `s`: word chars, and apostrophes with a
/// word char after them ("O'Brien", "don't", "Putin's").
#[inline]
fn word_end(s: &str, mut end: usize) -> usize {
    let b = s.as_bytes();
    loop {
        end += b[end..].iter().take_while(|&&x| is_ascii_alnum(x)).count();
        let Some(c) = s[end..].chars().next() else {
            return end;
        };
        let len = c.len_utf8();
        if (len > 1 && is_word_char(c))
            || (is_apostrophe(c) && s[end + len..].chars().next().is_some_and(is_word_char))
        {
            end += len;
        } else {
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
                out.push(Token {
                    span: Span::new(base + i, base + i + c.len_utf8()),
                    word: false,
                });
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
                out.push(Token {
                    span: Span::new(base + i, base + end),
                    word: true,
                });
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
            if s[end..].starts_with('.') && crate::sentence::is_abbreviation(&s[i..end]) {
                end += 1;
                iter.next();
            }
            out.push(Token {
                span: Span::new(base + i, base + end),
                word: true,
            });
        }
    }

    proptest! {
        #[test]
        fn tokenize_equals_the_char_at_a_time_reference(
            s in "[aZ1 .,'\u{2019}\u{201c}\u{e9}\u{2014}\u{a0}\u{301}\n-]{0,24}|(Mr|Gov|U|S|J|x|Zelensky|don|t|\\.|'|\u{2019}| |\u{e9}){0,12}"
        ) {
            let (mut got, mut want) = (Vec::new(), Vec::new());
            tokenize(&s, Span::new(0, s.len()), &mut got);
            tokenize_reference(&s, Span::new(0, s.len()), &mut want);
            prop_assert_eq!(got, want);
        }
    }

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut v);
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
