//! Direct quotes: the speaker and cue in the words right after a quote's closing mark ("…,"
//! Trump said) or right before its opening mark (Trump said: "…"), and a quote that goes on
//! after its own attribution ("A," she said, "B.").

use super::*;

impl<'a, 'b> Attributor<'a, 'b> {
    pub(super) fn direct(&mut self, qi: usize, q: &QuoteSpan) -> Option<Attributed> {
        let confidence_scale = if q.closed { 1.0 } else { 0.8 };
        if let Some((speaker, cue, conf)) = self.after_quote(q) {
            return Some(Attributed {
                parts: Vec::new(),
                kind: QuoteKind::Direct,
                content: q.content,
                speaker: Some(speaker),
                cue,
                confidence: conf * confidence_scale,
            });
        }
        if let Some((speaker, cue, conf)) = self.before_quote(qi, q) {
            return Some(Attributed {
                parts: Vec::new(),
                kind: QuoteKind::Direct,
                content: q.content,
                speaker,
                cue,
                confidence: conf * confidence_scale,
            });
        }
        None
    }

    /// `"…," Trump said` / `"…," said Trump` / `"…" — Trump` / `"…," according to Trump`.
    pub(super) fn after_quote(&mut self, q: &QuoteSpan) -> Option<(Referent, Option<Span>, f32)> {
        let n = self.at.tokens.len();
        let mut t = self.at.tokens.first_at_or_after(q.outer.end());
        if t >= n
            || self
                .at
                .text_between(q.outer.end(), self.at.tokens[t].span.start())
                .contains('\n')
        {
            return None;
        }
        let (_, s_end) = self.at.sentence_tokens(self.at.tokens[t].span.start());
        let content = &self.at.text[q.content.range()];
        let content = content.trim_end_matches(['\'', '’', '"', '”', ' ']);
        let ends_clause = content.ends_with([',', '.', '?', '!', '…']) || self.at.sym(t) == b',';
        // A quote that ends its sentence (`"… a disgrace."`) is attributed by the words after
        // it only if they are nothing but an attribution (`"Is it over?" Smith asked.`), not
        // the next sentence's reported speech (`Smith said the count was fair`, `The count was
        // fair, Smith said`, `According to Smith, the count was fair`).
        let ends_sentence = content.ends_with(['.', '?', '!', '…']);
        while t < n && matches!(self.at.sym(t), b',' | b'.') && t < s_end {
            t += 1;
        }
        if t >= s_end.min(n) {
            return None;
        }
        // Dash attribution.
        if matches!(self.at.tok(t), "—" | "–" | "-" | "―") {
            let (a, b) = self.np_forward(t + 1, s_end)?;
            // The dash stands for the cue.
            return Some((
                self.coref.resolve_np(a, b),
                Some(self.at.tokens[t].span),
                0.85,
            ));
        }
        if !ends_clause {
            return None;
        }
        // Inverted: the cue first.
        if let Some(ci) = self.cue_at(t) {
            let cue = self.inp.cues[ci];
            let np_start = if cue.class == CueClass::According {
                t + 2
            } else {
                t + 1
            };
            if !matches!(cue.class, CueClass::Naming) {
                // The speaker must end the clause: "said Doe." or "said Doe, who …", not
                // "said Egypt was ready" (a new clause).
                let ends_clause = |b: usize| {
                    b >= s_end || !self.at.tokens[b].word || self.at.lower_is(b, AFTER_SPEAKER)
                };
                // "According to Smith, the count was fair.": content of its own follows.
                let content_follows = |b: usize| {
                    cue.class == CueClass::According
                        && b + 1 < s_end
                        && self.at.sym(b) == b','
                        && self.at.tokens[b + 1].word
                };
                if let Some((a, b)) = self
                    .np_forward(np_start, s_end)
                    .filter(|&(_, b)| ends_clause(b) && !(ends_sentence && content_follows(b)))
                {
                    self.used_cue[ci] = true;
                    let sp = self.coref.resolve_np(a, b);
                    return Some((
                        sp,
                        Some(cue.span),
                        if sp.entity.is_some() { 0.95 } else { 0.85 },
                    ));
                }
            }
            return None;
        }
        // Subject then cue, within a few words.
        let first = self.at.tok(t);
        let starts_np = is_capitalized(first)
            || self.at.is(t, Class::PRONOUN)
            // A surname with its particles that names a person: `"…," de la Cruz said`,
            // `"…," d'Astous-Cormier said`.
            || ((crate::words::PARTICLES.contains(&first)
                || crate::words::is_prefixed_surname(first))
                && {
                let last = self.at.tokens[(t + 3).min(s_end - 1)].span;
                let span = Span::new(self.at.tokens[t].span.start(), last.end());
                self.coref.names_person(span)
            })
            || self.at.lower_is(
                t,
                &[
                    "the",
                    "a",
                    "an",
                    "his",
                    "her",
                    "its",
                    "their",
                    "one",
                    "two",
                    "three",
                    "several",
                    "many",
                    "some",
                    "officials",
                    "sources",
                    "analysts",
                    "experts",
                ],
            );
        // Or a bare phrase of lowercase words, perhaps ending in a name, right before a cue:
        // `"…," police said`, `"…," chief financial officer Amy Shapero said`.
        let bare_np = || {
            (t + 1..(t + 7).min(s_end))
                .find(|&c| self.cue_at(c).is_some())
                .is_some_and(|c| {
                    (t..c).all(|i| self.at.tokens[i].word && !self.at.is(i, Class::STOP_WORD))
                })
        };
        if !starts_np && !bare_np() {
            return None;
        }
        let limit = (t + 18).min(s_end);
        let mut c = t + 1;
        while c < limit {
            if self.at.is_mark(c) || matches!(self.at.sym(c), b'.' | b';' | b':') {
                break;
            }
            if let Some(ci) = self.cue_at(c) {
                let cue = self.inp.cues[ci];
                // Knowing and finding attribute no words: `"Brussels effect," in which firms find`.
                if matches!(cue.class, CueClass::Naming) || COGNITION.contains(&cue.lemma) {
                    return None;
                }
                if ends_sentence && !self.cue_ends_clause(c, cue.lemma, s_end) {
                    return None;
                }
                let subject = self.subject_before(c, t)?;
                // "The count was fair, Smith said": the words before the speaker's comma are
                // what was said ("Smith, the clerk, said" and "the clerk, Ann Lee, said" have
                // a comma after the speaker too).
                let after_content = subject.0 > t
                    && self.at.sym(subject.0 - 1) == b','
                    && self.at.sym(subject.1) != b',';
                if ends_sentence && after_content {
                    return None;
                }
                let sp = self.speaker_of(subject, c, t);
                self.used_cue[ci] = true;
                let conf = if sp.entity.is_some() { 0.95 } else { 0.85 };
                return Some((sp, Some(cue.span), conf));
            }
            c += 1;
        }
        // A verb the lexicon lacks, after a quote that ends on a comma, question or exclamation
        // mark — the shape of an attribution: `"…," he confessed.`, `"…," Hollande retaliated.`
        let strong = content.ends_with([',', '?', '!']);
        if strong {
            // The speaker: a pronoun, a name, or a short phrase ("an angry Hollande").
            let a = t;
            let verb = (a + 1..(a + 6).min(s_end)).find(|&v| self.looks_like_speech_verb(v, s_end));
            if let Some(b) = verb {
                let words = (a..b).all(|i| {
                    self.at.tokens[i].word
                        && (!self.at.is(i, Class::STOP_WORD) || self.at.is(i, Class::PRONOUN))
                });
                let single_pronoun = b - a == 1 && self.at.is(a, Class::PRONOUN);
                let named = single_pronoun || (a..b).any(|i| is_capitalized(self.at.tok(i)));
                if words && named {
                    let sp = self.coref.resolve_np(a, b);
                    return Some((sp, Some(self.at.tokens[b].span), 0.75));
                }
            }
        }
        None
    }

    /// Whether cue token `c` ends its clause, so that it reports the quote before it and no
    /// content after it: the sentence ends, or a comma, colon or quote mark comes, after
    /// nothing but adverbials ("on Tuesday", "in a statement"), names, and for a verb that
    /// takes the person addressed, a few words more ("asked the minister").
    pub(super) fn cue_ends_clause(&self, c: usize, lemma: &str, s_end: usize) -> bool {
        let mut r = c + 1;
        let mut object = 0;
        while r < s_end && r - c <= 12 {
            let word = self.at.tokens[r].word;
            if word && (self.at.is(r, Class::BRIDGING) || is_capitalized(self.at.tok(r))) {
                r += 1;
            } else if word && cue_takes_object(lemma) && object < 3 {
                object += 1;
                r += 1;
            } else {
                break;
            }
        }
        r >= s_end
            || matches!(self.at.sym(r), b',' | b'.' | b';' | b':' | b'!' | b'?')
            || self.at.is_mark(r)
            || self.at.lower_is(r, AFTER_SPEAKER)
    }

    /// `Trump said: "…"` / `Trump said, "…"` / the second half of a split quote.
    pub(super) fn before_quote(
        &mut self,
        qi: usize,
        q: &QuoteSpan,
    ) -> Option<(Option<Referent>, Option<Span>, f32)> {
        let open_tok = self.at.tokens.first_at_or_after(q.outer.start());
        let (mut s0, _) = self.at.sentence_tokens(q.outer.start());
        // "He continued:" at the end of one paragraph, the quote opening the next.
        let block = open_tok == s0 && open_tok > 0 && self.at.sym(open_tok - 1) == b':';
        if block {
            s0 = self
                .at
                .sentence_tokens(self.at.tokens[open_tok - 1].span.start())
                .0;
        }
        let region = match qi.checked_sub(1).map(|p| self.inp.quotes[p].outer.end()) {
            Some(prev_end) => s0.max(self.at.tokens.first_at_or_after(prev_end)),
            None => s0,
        };
        if open_tok <= region {
            return None;
        }
        // The quote must close its clause: `said: "We won."`, not `declaring that "real
        // Christians" don't …` (a fragment of reported speech, mixed).
        let after = self.at.tokens.first_at_or_after(q.outer.end());
        let closes = after >= self.at.tokens.len()
            || self
                .at
                .text_between(q.outer.end(), self.at.tokens[after].span.start())
                .contains('\n')
            || matches!(
                self.at.tok(after),
                "." | "," | ";" | ":" | "!" | "?" | "—" | "–" | ")"
            )
            || self.at.is_mark(after)
            || self.cue_at(after).is_some()
            || q.content.end() < q.outer.end()
                && self.at.text[q.content.range()].ends_with(['.', ',', '!', '?']);
        if !closes {
            return None;
        }
        let mut u = open_tok - 1;
        let colon = self.at.sym(u) == b':';
        if matches!(self.at.sym(u), b':' | b',') || self.at.lower_is(u, &["that"]) {
            if u == region {
                return None;
            }
            u -= 1;
        }
        // The cue within the last few words: "said on Tuesday:", "told reporters:"; before a
        // colon, within a longer adverbial: "said in a statement released on Friday:".
        let mut c = u;
        let lowest = u.saturating_sub(if colon { 12 } else { 5 }).max(region);
        loop {
            if let Some(ci) = self.cue_at(c) {
                let cue = self.inp.cues[ci];
                // Only adverbials or the person addressed between the cue and the quote.
                let bridged = (c + 1..=u).all(|i| {
                    self.at.is(i, Class::BRIDGING)
                        || is_capitalized(self.at.tok(i))
                        || (cue_takes_object(cue.lemma) && self.at.tokens[i].word)
                });
                // Before a colon, any phrase of words opened by a preposition or the person
                // addressed, with no verb of its own: "said in a brief statement:", "told a
                // crowd of supporters at the rally on Friday night:".
                let adverbial = colon
                    && c < u
                    && (self.at.lower_is(c + 1, CUE_PREPOSITIONS) || cue_takes_object(cue.lemma))
                    && (c + 1..=u).all(|i| {
                        self.at.tokens[i].word
                            && !self.at.is(i, Class::AUXILIARY)
                            && self.cue_at(i).is_none()
                    });
                let bridged = bridged || adverbial;
                if !bridged || cue.class == CueClass::Naming || !self.cue_is_verb(ci, c, region) {
                    return None;
                }
                self.used_cue[ci] = true;
                let speaker = self
                    .speaker_for(c, region)
                    .or_else(|| self.inherited_speaker(c, region));
                let conf = match speaker {
                    Some(Referent {
                        entity: Some(_), ..
                    }) => {
                        if colon {
                            0.95
                        } else {
                            0.9
                        }
                    }
                    Some(_) => 0.8,
                    None => 0.5,
                };
                return Some((speaker, Some(cue.span), conf));
            }
            if c == lowest || self.at.is_mark(c) {
                break;
            }
            c -= 1;
        }
        if colon && !block {
            let colon_tok = open_tok - 1;
            // `Trump boomed: "…"`: a verb the lexicon lacks, right before the colon, or before
            // an adverbial there (`posted on social media:`).
            let verb = (region + 1..colon_tok).rev().take(7).find(|&v| {
                self.looks_like_speech_verb(v, colon_tok + 1)
                    && (v + 1 == colon_tok
                        || self.at.lower_is(v + 1, CUE_PREPOSITIONS)
                            && (v + 1..colon_tok).all(|i| {
                                self.at.tokens[i].word && !self.at.is(i, Class::AUXILIARY)
                            }))
            });
            if let Some(v) = verb {
                let sp = match self.np_ending_at(v, region) {
                    Some((a, b)) => Some(self.coref.resolve_np(a, b)),
                    // "Trump leaned in and boomed:": the sentence's subject.
                    None => self.inherited_speaker(v, region),
                };
                if let Some(sp) = sp.filter(|sp| sp.entity.is_some()) {
                    return Some((Some(sp), Some(self.at.tokens[v].span), 0.75));
                }
            }
            // `Jeffrey Jones: "…"`: a name, a colon, the quote.
            if colon_tok > region && colon_tok - region <= 4 {
                let sp = self.coref.resolve_np(region, colon_tok);
                let person = sp
                    .entity
                    .is_some_and(|e| self.inp.entities.list[e as usize].kind == EntityKind::Person);
                if person {
                    return Some((Some(sp), Some(self.at.tokens[colon_tok].span), 0.75));
                }
            }
        }
        // A block quote introduced by a sentence ending in a colon, with no cue: "He then
        // listed the qualities a nominee needs:" — the colon is the cue.
        if block && q.outer.start() == self.at.para_of(q.outer.start()).start() {
            let colon_tok = open_tok - 1;
            let speaker = self.inherited_speaker(colon_tok, region)?;
            return Some((Some(speaker), Some(self.at.tokens[colon_tok].span), 0.6));
        }
        None
    }
}
