//! Lines that give their speaker, a colon, then what was said, as headlines and transcripts
//! do ("Trump: Cruz Has a Long Way to Go"); the colon is the cue, and the content may be
//! direct, mixed or indirect.

use super::*;

impl<'a, 'b> Attributor<'a, 'b> {
    /// "Trump: Cruz Has a Long Way to Go": a headline or transcript line that gives its
    /// speaker, a colon, then what was said. The colon is the cue.
    pub(super) fn headlines(&mut self) {
        // What is attributed already: whether a paragraph holds any of it.
        let taken = self.taken();
        for p in self.at.paragraphs {
            let p0 = self.at.tokens.first_at_or_after(p.start());
            let p_end = self.at.tokens.first_at_or_after(p.end());
            let Some(colon) = (p0..(p0 + 6).min(p_end)).find(|&i| self.at.sym(i) == b':') else {
                continue;
            };
            if colon == p0 || p_end - colon < 4 {
                continue;
            }
            let prefix_ok = (p0..colon)
                .all(|i| self.at.tokens[i].word || matches!(self.at.tok(i), "-" | "’" | "'"))
                && is_capitalized(self.at.tok(p0))
                && !self.at.is(p0, Class::NOT_SPEAKER);
            let short = p.len() < 300;
            let (a, b) = (p0, colon);
            let speaker = self.coref.resolve_np(a, b);
            let person = speaker
                .entity
                .is_some_and(|e| self.inp.entities.list[e as usize].kind == EntityKind::Person);
            let place = speaker
                .entity
                .is_some_and(|e| self.inp.entities.list[e as usize].kind == EntityKind::Location);
            if !prefix_ok || place || !(short || person) {
                continue;
            }
            let start = self.at.tokens[colon + 1].span.start();
            if taken.reaches(p.end(), start) {
                continue;
            }
            let mut e = p_end;
            while e > colon + 1 && self.is_separator(e - 1) {
                e -= 1;
            }
            if e == colon + 1 {
                // Nothing but separators after the colon ("Putin: .--").
                continue;
            }
            let content = self.at.span_of(colon + 1, e);
            let quoted = self.quotes_in(content).next().is_some();
            let kind = if quoted {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            };
            self.out.push(Attributed {
                kind,
                content,
                speaker: Some(speaker),
                cue: Some(self.at.tokens[colon].span),
                confidence: if person { 0.75 } else { 0.6 },
                parts: Vec::new(),
            });
        }
        self.give_back(taken);
    }
}
