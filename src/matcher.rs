//! Gazetteer matching: one Aho-Corasick pass over the text, keeping whole-word matches whose
//! case the entry allows, leftmost-longest.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

use crate::span::Span;
use crate::text::{is_word_char, next_char, possessive_len, prev_char};

/// Which case a target accepts for the string it was registered under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Accept {
    /// The bytes as written, or all in capitals when the pattern has lowercase letters.
    ExactOrUpper,
    /// The bytes as written only (used for the capitalized form of a non-ASCII pattern).
    Exact,
    /// Any ASCII case.
    Any,
}

/// What a pattern stands for; the matcher does not interpret it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target<T> {
    pub(crate) value: T,
    pub(crate) accept: Accept,
    /// The string as registered, which `accept` compares the matched text with.
    form: u32,
}

/// A whole-word match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) span: Span,
    pub(crate) pattern: u32,
    /// Bytes of a possessive ending right after the match ("’s"), 0 if none.
    pub(crate) possessive: u8,
}

/// Collects patterns, then builds a [`Matcher`].
pub(crate) struct MatcherBuilder<T> {
    /// ASCII-lowercased pattern to its id: strings equal but for ASCII case share one
    /// automaton pattern, since the automaton folds ASCII case and reports only one of them.
    index: HashMap<Box<str>, u32>,
    patterns: Vec<Box<str>>,
    targets: Vec<Vec<Target<T>>>,
    form_index: HashMap<Box<str>, u32>,
    forms: Vec<Box<str>>,
}

impl<T: Copy + PartialEq> MatcherBuilder<T> {
    pub(crate) fn new() -> Self {
        MatcherBuilder {
            index: HashMap::new(),
            patterns: Vec::new(),
            targets: Vec::new(),
            form_index: HashMap::new(),
            forms: Vec::new(),
        }
    }

    /// Registers `s` as naming `value`. Non-ASCII strings also get their capitalized form, so
    /// that all-capital text ("ÉLYSÉE") matches as ASCII names do through case folding.
    pub(crate) fn add(&mut self, s: &str, value: T, accept: Accept) {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        // "O'Rourke" and "O’Rourke", "Côte d'Ivoire" and "Côte d’Ivoire": news uses both.
        if s.contains('\'') && accept != Accept::Exact {
            self.add_variant(&s.replace('\'', "\u{2019}"), value, accept);
        } else if s.contains('\u{2019}') && accept != Accept::Exact {
            self.add_variant(&s.replace('\u{2019}', "'"), value, accept);
        }
        self.add_variant(s, value, accept);
    }

    fn add_variant(&mut self, s: &str, value: T, accept: Accept) {
        self.add_one(s, value, accept);
        if !s.is_ascii() && accept != Accept::Exact {
            let upper = s.to_uppercase();
            if upper != s {
                self.add_one(&upper, value, Accept::Exact);
            }
            if accept == Accept::Any {
                let lower = s.to_lowercase();
                if lower != s {
                    self.add_one(&lower, value, Accept::Exact);
                }
            }
        }
    }

    fn add_one(&mut self, s: &str, value: T, accept: Accept) {
        let key = s.to_ascii_lowercase();
        let id = match self.index.get(key.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.patterns.len() as u32;
                self.patterns.push(key.as_str().into());
                self.index.insert(key.into_boxed_str(), id);
                self.targets.push(Vec::new());
                id
            }
        };
        let form = match self.form_index.get(s) {
            Some(&f) => f,
            None => {
                let f = self.forms.len() as u32;
                self.forms.push(s.into());
                self.form_index.insert(s.into(), f);
                f
            }
        };
        let targets = &mut self.targets[id as usize];
        let target = Target {
            value,
            accept,
            form,
        };
        if !targets.contains(&target) {
            targets.push(target);
        }
    }

    pub(crate) fn build(self) -> Matcher<T> {
        // Leftmost-longest so "United Nations Security Council" wins over "United Nations".
        // ASCII case folding in the automaton lets one pass serve case-sensitive names (checked
        // after the match), all-capital datelines and case-insensitive titles alike. The kind
        // (DFA for small sets, contiguous NFA for large ones) is left to the crate's heuristic,
        // which bounds memory for gazetteers of a million names.
        //
        // Searches are anchored: a valid match starts where a word may start, and only there
        // (and only at a byte some pattern can start with in an accepted case) is the automaton
        // run. Capitalized names are thus tried at capitalized words alone, and the work per
        // byte does not grow with the number of patterns.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(self.patterns.iter().map(|p| p.as_bytes()))
            .ok();
        let mut first = [false; 256];
        let mut pairs = vec![0u64; 65536 / 64];
        let mut short = [false; 256];
        for targets in &self.targets {
            for t in targets {
                let form = self.forms[t.form as usize].as_bytes();
                let Some(&b) = form.first() else { continue };
                first[b as usize] = true;
                first[b.to_ascii_uppercase() as usize] = true;
                if t.accept == Accept::Any {
                    first[b.to_ascii_lowercase() as usize] = true;
                }
                // The first three bytes, ASCII-folded and hashed into a bit set: a one-probe
                // filter before the automaton ("the" starts no title, "Tha" may).
                if form.len() < 3 {
                    // A short pattern may be followed by anything.
                    short[b.to_ascii_lowercase() as usize] = true;
                } else {
                    let h = fold_triple(form);
                    pairs[h / 64] |= 1 << (h % 64);
                }
            }
        }
        Matcher {
            automaton,
            first,
            short,
            pairs,
            forms: self.forms,
            targets: self.targets,
        }
    }
}

/// A compiled set of patterns.
pub(crate) struct Matcher<T> {
    /// `None` only when the pattern set is empty or too large for the automaton; such a
    /// matcher finds nothing.
    automaton: Option<AhoCorasick>,
    /// Bytes a match can start with, in a case some target accepts.
    first: [bool; 256],
    /// Hashes of the first three bytes (ASCII-folded) a match can start with, as a bit set.
    pairs: Vec<u64>,
    /// First bytes (ASCII-lowercased) of patterns shorter than three bytes.
    short: [bool; 256],
    forms: Vec<Box<str>>,
    targets: Vec<Vec<Target<T>>>,
}

impl<T: Copy> Matcher<T> {
    /// The targets of a pattern that accept the matched text.
    pub(crate) fn targets<'a>(
        &'a self,
        text: &'a str,
        found: &Found,
    ) -> impl Iterator<Item = T> + 'a {
        let matched = &text[found.span.range()];
        self.targets[found.pattern as usize]
            .iter()
            .filter(move |t| accepts(t.accept, &self.forms[t.form as usize], matched))
            .map(|t| t.value)
    }

    /// Heap bytes held, roughly.
    pub(crate) fn memory_usage(&self) -> usize {
        let automaton = self.automaton.as_ref().map_or(0, |a| a.memory_usage());
        let patterns: usize = self.forms.iter().map(|p| p.len() + 16).sum();
        let targets: usize = self
            .targets
            .iter()
            .map(|t| 24 + t.capacity() * std::mem::size_of::<Target<T>>())
            .sum();
        automaton + patterns + targets
    }

    /// Appends every whole-word match in `text`, leftmost-longest, to `out`.
    ///
    /// A candidate that fails (inside a word, or in a case its entry does not allow) gives way
    /// to the longest valid shorter pattern at the same start; failing that, the search goes on
    /// at the next word, so the work stays linear in the text.
    pub(crate) fn find_all(&self, text: &str, out: &mut Vec<Found>) {
        let Some(ac) = &self.automaton else { return };
        let hay = text.as_bytes();
        let mut i = 0;
        let mut prev_word = false;
        while i < hay.len() {
            let b = hay[i];
            if prev_word && b.is_ascii_alphanumeric() {
                // Inside a word: no match starts here. Skip the rest of its ASCII letters.
                i += 1;
                while i < hay.len() && hay[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                continue;
            }
            let (word, len) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (is_word_char(c), c.len_utf8())
            };
            if !prev_word && self.first[b as usize] && self.prefix_may_match(&hay[i..]) {
                if let Some(m) = self.longest_valid_at(ac, text, i) {
                    out.push(Found {
                        span: Span::new(i, m.0),
                        pattern: m.1,
                        possessive: possessive_len(text, m.0) as u8,
                    });
                    i = m.0;
                    prev_word = prev_char(text, i).is_some_and(is_word_char);
                    continue;
                }
            }
            prev_word = word;
            i += len;
        }
    }

    #[inline]
    fn prefix_may_match(&self, rest: &[u8]) -> bool {
        if rest.len() < 3 || self.short[rest[0].to_ascii_lowercase() as usize] {
            return true;
        }
        let h = fold_triple(rest);
        self.pairs[h / 64] & (1 << (h % 64)) != 0
    }

    /// The longest valid match starting at `start`: its end and pattern.
    fn longest_valid_at(&self, ac: &AhoCorasick, text: &str, start: usize) -> Option<(usize, u32)> {
        let hay = text.as_bytes();
        let mut limit = hay.len();
        loop {
            let input = Input::new(hay).span(start..limit).anchored(Anchored::Yes);
            let m = ac.find(input)?;
            let pattern = m.pattern().as_u32();
            if self.is_valid(text, start, m.end(), pattern) {
                return Some((m.end(), pattern));
            }
            if m.end() <= start + 1 {
                return None;
            }
            limit = m.end() - 1;
        }
    }

    fn is_valid(&self, text: &str, start: usize, end: usize, pattern: u32) -> bool {
        if !text.is_char_boundary(end) {
            return false;
        }
        // Whole words: no alphanumeric char right after, whatever the pattern ends with, so
        // "U.S." does not match inside "U.S.A".
        if next_char(text, end).is_some_and(is_word_char) {
            return false;
        }
        let matched = &text[start..end];
        self.targets[pattern as usize]
            .iter()
            .any(|t| accepts(t.accept, &self.forms[t.form as usize], matched))
    }
}

/// The first three bytes of `s` (at least three), ASCII-lowercased and hashed to 16 bits.
#[inline]
fn fold_triple(s: &[u8]) -> usize {
    let v = u32::from(s[0].to_ascii_lowercase()) << 16
        | u32::from(s[1].to_ascii_lowercase()) << 8
        | u32::from(s[2].to_ascii_lowercase());
    (v.wrapping_mul(2_654_435_761) >> 16) as usize
}

fn accepts(accept: Accept, pattern: &str, matched: &str) -> bool {
    match accept {
        Accept::Any => true,
        Accept::Exact => pattern == matched,
        Accept::ExactOrUpper => {
            pattern == matched
                || (pattern.bytes().any(|b| b.is_ascii_lowercase())
                    && pattern.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && !matched.bytes().any(|b| b.is_ascii_lowercase()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(patterns: &[(&str, Accept)], text: &str) -> Vec<(String, Vec<usize>)> {
        let mut b = MatcherBuilder::new();
        for (i, (p, a)) in patterns.iter().enumerate() {
            b.add(p, i, *a);
        }
        let m = b.build();
        let mut out = Vec::new();
        m.find_all(text, &mut out);
        out.iter()
            .map(|f| {
                (
                    text[f.span.range()].to_string(),
                    m.targets(text, f).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn whole_words_possessives_and_hyphens() {
        let p = [
            ("Putin", Accept::ExactOrUpper),
            ("Zelensky", Accept::ExactOrUpper),
        ];
        let got = find(
            &p,
            "Zelensky-Putin talks; Putin’s aides; Putinism; PUTIN; putin",
        );
        let words: Vec<_> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(words, ["Zelensky", "Putin", "Putin", "PUTIN"]);
    }

    #[test]
    fn longest_valid_shorter_match_wins() {
        let p = [
            ("NATO", Accept::ExactOrUpper),
            ("NATO allies", Accept::ExactOrUpper),
        ];
        assert_eq!(find(&p, "NATO alliesX")[0].0, "NATO");
        assert_eq!(find(&p, "NATO allies.")[0].0, "NATO allies");
        // "nato" lowercase is not NATO.
        assert!(find(&p, "donato nato").is_empty());
    }

    #[test]
    fn non_ascii_capitals_and_any_case() {
        let p = [
            ("Élysée", Accept::ExactOrUpper),
            ("foreign minister", Accept::Any),
        ];
        let got = find(&p, "ÉLYSÉE and the Élysée; the Foreign Minister");
        let words: Vec<_> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(words, ["ÉLYSÉE", "Élysée", "Foreign Minister"]);
    }

    #[test]
    fn shared_strings_keep_every_target() {
        let p = [
            ("Georgia", Accept::ExactOrUpper),
            ("Georgia", Accept::ExactOrUpper),
        ];
        assert_eq!(find(&p, "in Georgia")[0].1, [0, 1]);
    }
}
