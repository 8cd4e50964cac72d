//! Paragraphs and sentences, abbreviation-aware.

use crate::span::Span;
use crate::text::{is_word_char, prev_char};
use crate::words::is_abbreviation;

/// Paragraphs: maximal runs of non-blank lines are not merged; each line is a paragraph, since
/// scraped news puts one paragraph a line. Spans exclude the line break and surrounding blanks.
pub(crate) fn paragraphs(text: &str, out: &mut Vec<Span>) {
    out.clear();
    let mut line = |start: usize, end: usize| {
        let line = &text[start..end];
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_end > trimmed_start {
            out.push(Span::new(trimmed_start, trimmed_end));
        }
    };
    // Lines with their line breaks, found with memchr.
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        line(start, nl + 1);
        start = nl + 1;
    }
    if start < text.len() {
        line(start, text.len());
    }
}

/// Splits each paragraph into sentences at `.`, `!` or `?` (and any closing quotes or brackets
/// after it) followed by white space and an uppercase letter, digit or opening mark, except
/// after an abbreviation or a single-letter initial.
pub(crate) fn sentences(text: &str, paragraphs: &[Span], out: &mut Vec<Span>) {
    out.clear();
    for para in paragraphs {
        let p = &text[para.range()];
        let mut start = 0;
        let bytes = p.as_bytes();
        let mut i = 0;
        while let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
            i += k;
            let mut end = i + 1;
            // Swallow runs of terminal punctuation and closing marks: `."`, `?”`, `.)`.
            while end < p.len() {
                let c = p[end..].chars().next().unwrap_or(' ');
                if matches!(
                    c,
                    '.' | '!' | '?' | '"' | '\'' | '”' | '’' | ')' | ']' | '»'
                ) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if is_break(p, i, end) {
                out.push(Span::new(para.start() + start, para.start() + end));
                let rest = &p[end..];
                start = end + (rest.len() - rest.trim_start().len());
                i = start;
                continue;
            }
            i = end;
        }
        if start < p.len() {
            out.push(Span::new(para.start() + start, para.end()));
        }
    }
}

/// Whether the terminal punctuation at `dot` (ending at `end`) ends a sentence.
fn is_break(p: &str, dot: usize, end: usize) -> bool {
    let rest = &p[end..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false; // no white space after: "U.S.-led", "3.5"
    }
    let Some(next) = trimmed.chars().next() else {
        return false;
    };
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '–'))
    {
        return false;
    }
    if p.as_bytes()[dot] != b'.' {
        return true;
    }
    // The word before the dot.
    let before = &p[..dot];
    // Abbreviations are short: look back at most 24 chars, so a megabyte of "a.a.a." stays
    // linear.
    let word_start = before
        .char_indices()
        .rev()
        .take(24)
        .find(|&(_, c)| !(is_word_char(c) || c == '.'))
        .map(|(i, c)| i + c.len_utf8());
    let word_start = match word_start {
        Some(i) => i,
        None if before.chars().nth(24).is_none() => 0,
        None => return true, // a long word is no abbreviation
    };
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // A single initial ("J.") or a dotted abbreviation ("U.S.") before a capitalized word is
    // more often inside a sentence than at its end.
    if letters == 1 && prev_char(before, before.len()).is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    if word.contains('.') {
        return false;
    }
    !is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::ABBREVIATIONS;
    use proptest::prelude::*;

    proptest! {
        /// Paragraphs are the text's lines (as `split_inclusive` gives them), trimmed, blank
        /// ones left out.
        #[test]
        fn paragraphs_are_trimmed_non_blank_lines(s in "[ a\n\r\t\u{a0}\u{2028}.]{0,30}") {
            let mut want = Vec::new();
            let mut start = 0;
            for line in s.split_inclusive('\n') {
                let a = start + (line.len() - line.trim_start().len());
                let b = start + line.trim_end().len();
                if b > a {
                    want.push(Span::new(a, b));
                }
                start += line.len();
            }
            let mut got = Vec::new();
            paragraphs(&s, &mut got);
            prop_assert_eq!(got, want);
        }
    }

    fn split(text: &str) -> Vec<&str> {
        let (mut paras, mut out) = (Vec::new(), Vec::new());
        paragraphs(text, &mut paras);
        sentences(text, &paras, &mut out);
        out.iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn every_listed_abbreviation_passes_the_length_test() {
        for a in ABBREVIATIONS {
            assert!(is_abbreviation(a), "{a}");
            assert!(
                !is_abbreviation(&format!("{a}x")) || ABBREVIATIONS.contains(&&*format!("{a}x"))
            );
        }
        assert!(!is_abbreviation("Approx") && !is_abbreviation("approxi"));
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Gen. J. Doe in the U.S. on Monday. He left.\nNew line here"),
            [
                "Mr. Smith met Gen. J. Doe in the U.S. on Monday.",
                "He left.",
                "New line here"
            ]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("\u{201c}We won.\u{201d} She smiled. \"Is it over?\" he asked."),
            [
                "\u{201c}We won.\u{201d}",
                "She smiled.",
                "\"Is it over?\" he asked."
            ]
        );
    }

    #[test]
    fn no_break_without_space() {
        assert_eq!(
            split("A 3.5 rise. U.S.-led talks."),
            ["A 3.5 rise.", "U.S.-led talks."]
        );
    }
}
