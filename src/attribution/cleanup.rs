//! Passes over the attributions once every quote and cue has had its turn: fragments of mixed
//! quotes, follow-on paragraphs, crossing attributions, split quotes, cue verb groups and
//! repeated passages.

use super::*;
use crate::hash::FastMap;

/// The confidence of a quote whose speaker is the previous paragraph's
/// ([`Attributor::quote_paragraphs`]): below every attribution by a cue of its own, as sure as
/// a block quote introduced by a colon alone.
const QUOTE_PARAGRAPH: f32 = 0.6;

/// How much less sure a quote paragraph is when the paragraph before quotes no one and only
/// names its speaker ([`Coref::paragraph_person`]).
const ABOUT_PERSON: f32 = 0.85;

impl<'a, 'b> Attributor<'a, 'b> {
    /// A direct quote inside a mixed quote's content is that quote's fragment, not a quote of
    /// its own. `out` is sorted by start: a sweep with the furthest mixed end so far.
    pub(super) fn drop_fragments_of_mixed(&mut self) {
        let mut mixed_end: Option<(usize, Span)> = None;
        let mut keep = crate::buffers::emptied(&mut self.spare.flags);
        keep.resize(self.out.len(), true);
        for (i, q) in self.out.iter().enumerate() {
            if let Some((end, m)) = mixed_end {
                if q.kind == QuoteKind::Direct && q.content.end() <= end && m != q.content {
                    keep[i] = false;
                }
            }
            if q.kind == QuoteKind::Mixed && mixed_end.map_or(true, |(e, _)| q.content.end() > e) {
                mixed_end = Some((q.content.end(), q.content));
            }
        }
        let mut k = keep.iter();
        self.out.retain(|_| k.next().copied().unwrap_or(true));
        self.spare.flags = keep;
    }

    /// A cue is the verb group as written: "has said", "also told", "would later argue".
    pub(super) fn widen_cues(&mut self) {
        for i in 0..self.out.len() {
            let Some(cue) = self.out[i].cue else { continue };
            let c = self.at.tokens.first_at_or_after(cue.start());
            if self.cue_at(c).is_none() {
                continue; // a colon or a dash
            }
            let mut k = c;
            while k > 0 && c - k < 4 {
                let w = self.at.tok(k - 1);
                let aux = self.at.lower_is(
                    k - 1,
                    &[
                        "has", "have", "had", "also", "would", "will", "could", "did", "does",
                        "later", "then", "again", "once", "often", "always", "just", "already",
                        "still", "now", "is", "was", "are", "were",
                    ],
                ) || (w.len() > 4
                    && w.ends_with("ly")
                    && w.bytes().all(|b| b.is_ascii_lowercase()));
                let same_line = !self
                    .at
                    .text_between(
                        self.at.tokens[k - 1].span.end(),
                        self.at.tokens[k].span.start(),
                    )
                    .contains('\n');
                if !aux || !same_line {
                    break;
                }
                k -= 1;
            }
            // Never reach into the speaker's words.
            let speaker_end = self.out[i].speaker.map_or(0, |s| s.span.end());
            while k < c
                && self.at.tokens[k].span.start() < speaker_end
                && speaker_end <= cue.start()
            {
                k += 1;
            }
            // And forward: "called for", "called on".
            let mut end = c;
            let n = self.at.tokens.len();
            let content_start = self.out[i].content.start();
            let lemma = self.cue_at(c).map_or("", |ci| self.inp.cues[ci].lemma);
            let ahead = |j: usize, words: &[&str]| j < n && self.at.lower_is(j, words);
            // (Annotators are split on "said in a statement" and keep "said of" apart; the
            // demand "called for" is one cue.)
            if lemma == "call" && ahead(c + 1, &["for", "on"]) {
                end = c + 1;
            }
            if self.at.tokens[end].span.end() > content_start && content_start > cue.start() {
                end = c; // never into the content
            }
            if k < c || end > c {
                let span = Span::new(
                    self.at.tokens[k].span.start(),
                    self.at.tokens[end].span.end(),
                );
                self.out[i].cue = Some(span);
            }
        }
    }

    /// `"A," Putin said, "B."`: two direct pieces sharing one cue are one quote.
    pub(super) fn merge_split(&mut self) {
        self.out
            .sort_by_key(|q| (q.content.start(), q.content.end()));
        let mut merged = crate::buffers::emptied(&mut self.spare.out);
        merged.reserve(self.out.len());
        for mut q in self.out.drain(..) {
            if let Some(prev) = merged.last_mut() {
                if prev.kind == QuoteKind::Direct
                    && q.kind == QuoteKind::Direct
                    && prev.cue.is_some()
                    && prev.cue == q.cue
                    && q.content.start() >= prev.content.end()
                {
                    if prev.parts.is_empty() {
                        prev.parts = self.spare.parts();
                        prev.parts.push(prev.content);
                    }
                    if q.parts.is_empty() {
                        prev.parts.push(q.content);
                    } else {
                        prev.parts.append(&mut q.parts);
                        self.spare.parts.push(std::mem::take(&mut q.parts));
                    }
                    prev.content = Span::new(prev.content.start(), q.content.end());
                    prev.confidence = prev.confidence.max(q.confidence);
                    continue;
                }
            }
            merged.push(q);
        }
        self.spare.out = std::mem::replace(&mut self.out, merged);
    }

    /// A paragraph of nothing but quotes, none attributed, right after a paragraph whose
    /// speaker is known, is that speaker's, with no cue and at [`QUOTE_PARAGRAPH`] confidence:
    /// the speaker of the paragraph's last quote, or else the subject of its last reporting
    /// verb (`Novak says the union sees it differently.` then `“Crews wait an hour at the
    /// door.”`); where the paragraph before has no speech act, the one person it is about. Only
    /// the paragraph right before counts, and not a headline (a paragraph that ends no
    /// sentence). [`Self::follow_on`] ran first: a quote paragraph after a direct
    /// quote's paragraph is already that quote's next part.
    pub(super) fn quote_paragraphs(&mut self) {
        let (paras, quotes, tokens) = (self.at.paragraphs, self.inp.quotes, self.at.tokens);
        // What is attributed already: whether a paragraph holds any of it.
        let taken = self.taken();
        // Each attribution by where its speech act ends (its content or its cue).
        let mut acts = crate::buffers::emptied(&mut self.spare.keyed);
        acts.extend(self.out.iter().enumerate().map(|(i, a)| {
            let end = a.cue.map_or(0, |c| c.end()).max(a.content.end());
            (end, i)
        }));
        acts.sort_unstable();
        let mut added = crate::buffers::emptied(&mut self.spare.out);
        for pi in 1..paras.len() {
            let (p, prev) = (paras[pi], paras[pi - 1]);
            // A quote opens the paragraph, and nothing in it is attributed.
            let qi = quotes.partition_point(|q| q.outer.end() <= p.start());
            let Some(q) = quotes.get(qi) else { break };
            if q.outer.start() != p.start() || taken.reaches(p.end(), p.start()) {
                continue;
            }
            // Every word inside quote marks.
            let (t0, t1) = (
                tokens.first_at_or_after(p.start()),
                tokens.first_at_or_after(p.end()),
            );
            if (t0..t1).any(|t| tokens[t].word && !self.in_quote(t)) {
                continue;
            }
            // Both paragraphs end a sentence: neither is a headline, a label (`"Related:"`) or
            // a section title in marks.
            let ends_sentence = |para: Span| {
                self.at.text[para.range()]
                    .trim_end_matches(['"', '”', '’', '\'', ')', '»'])
                    .ends_with(['.', '!', '?', '…'])
            };
            if !ends_sentence(p) || !ends_sentence(prev) {
                continue;
            }
            // The last speech act of the paragraph before: a quote, or a reporting verb
            // after it with a subject ("… Ruiz said she disagreed." is Ruiz's).
            let ends_in_prev = |end: usize| prev.start() < end && end <= prev.end();
            let last = match added.last() {
                Some(a) if ends_in_prev(a.content.end()) => Some((a.content.end(), a.speaker)),
                _ => {
                    let k = acts.partition_point(|&(end, _)| end <= prev.end());
                    k.checked_sub(1)
                        .map(|k| acts[k])
                        .filter(|&(end, _)| ends_in_prev(end))
                        .map(|(end, i)| {
                            // Knowing and thinking are no speech acts: "Voters think …".
                            let a = &self.out[i];
                            (end, a.speaker.filter(|_| !self.is_cognition(a.cue)))
                        })
                }
            };
            let after = Span::new(last.map_or(prev.start(), |(end, _)| end), prev.end());
            let speaker = match self.last_cue_subject(after) {
                Some(s) => Some((s, 1.0)),
                None => last.and_then(|(_, s)| s).map(|s| (s, 1.0)),
            };
            // No speech act before: the one person the paragraph is about ("Margaret Oyelowo
            // sat in the public gallery." then `"I baked a thousand cakes."`).
            let speaker = speaker.or_else(|| {
                let none = last.is_none();
                none.then(|| self.coref.paragraph_person(prev))
                    .flatten()
                    .map(|s| (s, ABOUT_PERSON))
            });
            let Some((speaker, about)) = speaker else {
                continue;
            };
            let unresolved = about * if speaker.entity.is_some() { 1.0 } else { 0.9 };
            for q in quotes[qi..]
                .iter()
                .take_while(|q| q.outer.start() < p.end())
            {
                let unclosed = if q.closed { 1.0 } else { 0.8 };
                added.push(Attributed {
                    kind: QuoteKind::Direct,
                    content: q.content,
                    speaker: Some(speaker),
                    cue: None,
                    confidence: QUOTE_PARAGRAPH * unresolved * unclosed,
                    parts: Vec::new(),
                });
            }
        }
        self.out.append(&mut added);
        self.spare.out = added;
        self.give_back(taken);
        self.spare.keyed = acts;
    }

    /// Whether `cue` is a verb of knowing or thinking ("think", "find", "hope").
    fn is_cognition(&self, cue: Option<Span>) -> bool {
        let cues = self.inp.cues;
        cue.is_some_and(|c| {
            let i = cues.partition_point(|x| x.span.start() < c.start());
            cues.get(i)
                .is_some_and(|x| x.span.start() == c.start() && COGNITION.contains(&x.lemma))
        })
    }

    /// The speaker named by the subject of the last reporting verb in `span` that has one,
    /// outside quotes ("Novak responded on Tuesday."), among its last few cues.
    fn last_cue_subject(&self, span: Span) -> Option<Referent> {
        let cues = self.inp.cues;
        let hi = cues.partition_point(|c| c.span.start() < span.end());
        let lo = cues.partition_point(|c| c.span.start() < span.start());
        (lo..hi).rev().take(8).find_map(|ci| {
            let cue = cues[ci];
            // Knowing and thinking report no speech ("voters think").
            if cue.class == CueClass::According
                || COGNITION.contains(&cue.lemma)
                || self.inside_quote(cue.span.start()).is_some()
            {
                return None;
            }
            let c = self.at.tokens.first_at_or_after(cue.span.start());
            if self.cue_at(c) != Some(ci) {
                return None;
            }
            let (s0, _) = self.at.sentence_tokens(cue.span.start());
            if !self.cue_is_verb(ci, c, s0) {
                return None;
            }
            self.speaker_for(c, s0)
        })
    }

    /// A direct quote continued into the next paragraph by a reopened mark is in parts, one a
    /// paragraph, like a quote interrupted by its attribution: each part is what was said,
    /// without the paragraph break and the mark between. Direct quotes' parts are disjoint,
    /// so the paragraphs are walked once in all.
    pub(super) fn split_at_paragraphs(&mut self) {
        let (text, paras) = (self.at.text, self.at.paragraphs);
        let mut pieces = crate::buffers::emptied(&mut self.spare.spans);
        for a in &mut self.out {
            let within_one = self.at.para_of(a.content.start()).end() >= a.content.end();
            if a.kind != QuoteKind::Direct || within_one {
                continue;
            }
            pieces.clear();
            if a.parts.is_empty() {
                crate::quote::paragraph_pieces(text, paras, a.content, &mut pieces);
            } else {
                for &p in &a.parts {
                    crate::quote::paragraph_pieces(text, paras, p, &mut pieces);
                }
            }
            let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
                continue;
            };
            a.content = Span::new(first.start(), last.end());
            a.parts.clear();
            if pieces.len() > 1 {
                a.parts.extend_from_slice(&pieces);
            }
        }
        self.spare.spans = pieces;
    }

    /// Two quotes that overlap without one holding the other cannot both be right: keep the
    /// more confident (the earlier on a tie). Kept quotes nest, so a stack of the open ones
    /// finds every crossing in one pass.
    pub(super) fn drop_crossing(&mut self) {
        self.out.sort_by(|x, y| {
            x.content
                .start()
                .cmp(&y.content.start())
                .then(y.content.end().cmp(&x.content.end()))
        });
        let mut alive = crate::buffers::emptied(&mut self.spare.flags);
        alive.resize(self.out.len(), true);
        let mut open = crate::buffers::emptied(&mut self.spare.offsets);
        for i in 0..self.out.len() {
            let q = self.out[i].content;
            loop {
                while open
                    .last()
                    .is_some_and(|&t| !alive[t] || self.out[t].content.end() <= q.start())
                {
                    open.pop();
                }
                let Some(&top) = open.last() else { break };
                if self.out[top].content.end() >= q.end() {
                    break; // nested
                }
                // Crossing.
                if self.out[top].confidence >= self.out[i].confidence {
                    alive[i] = false;
                } else {
                    alive[top] = false;
                    open.pop();
                    continue;
                }
                break;
            }
            if alive[i] {
                open.push(i);
            }
        }
        let mut k = alive.iter();
        self.out.retain(|_| k.next().copied().unwrap_or(true));
        self.spare.flags = alive;
        self.spare.offsets = open;
    }

    /// A quote with no attribution of its own continues the direct quote just before it: in
    /// the same paragraph (`"A," Reyes said. "B."`), or as the paragraph right after one
    /// quoting someone. The two become one quote with parts, as news annotators mark them.
    /// `out` is sorted by start; quotes and attributions are swept together.
    pub(super) fn follow_on(&mut self) {
        let paras = self.at.paragraphs;
        let quotes = self.inp.quotes;
        let mut j = 0; // out[..j] start before the current quote ends
        let mut reach = 0; // the furthest end among out[..j]
        let mut last: Option<usize> = None; // the direct quote with a speaker ending last
        for (qi, q) in quotes.iter().enumerate() {
            while j < self.out.len() && self.out[j].content.start() < q.outer.end() {
                let a = &self.out[j];
                reach = reach.max(a.content.end());
                let better = last.map_or(true, |l| a.content.end() >= self.out[l].content.end());
                if a.kind == QuoteKind::Direct && a.speaker.is_some() && better {
                    last = Some(j);
                }
                j += 1;
            }
            if self.direct_done[qi] || reach > q.outer.start() {
                continue;
            }
            let Some(prev) = last else { continue };
            let pi = paras.partition_point(|p| p.end() <= q.outer.start());
            let Some(p) = paras.get(pi) else { continue };
            let prev_content = self.out[prev].content;
            let same_paragraph = p.contains(prev_content) && {
                let gap = self.at.tokens.first_at_or_after(q.outer.start())
                    - self.at.tokens.first_at_or_after(prev_content.end());
                // No other quote between the two.
                let first_after = quotes.partition_point(|o| o.outer.start() <= prev_content.end());
                gap <= 30 && first_after >= qi
            };
            let opens_paragraph = p.start() == q.outer.start() && q.outer.len() * 2 >= p.len();
            let next_paragraph =
                opens_paragraph && pi > 0 && prev_content.start() >= paras[pi - 1].start();
            if same_paragraph || next_paragraph {
                let a = &mut self.out[prev];
                if a.parts.is_empty() {
                    a.parts = self.spare.parts();
                    a.parts.push(a.content);
                }
                a.parts.push(q.content);
                a.content = Span::new(a.content.start(), q.content.end());
                reach = reach.max(a.content.end());
            }
        }
    }
}

/// A passage scraped twice yields its quotes once: keeps the first quote of each kind and
/// trimmed text. An article's few quotes are compared with each other; many, through a set.
pub(super) fn dedupe(text: &str, out: &mut Vec<Attributed>) {
    const FEW: usize = 32;
    let key = |q: &Attributed| (q.kind, text[q.content.range()].trim());
    if out.len() <= FEW {
        let mut seen: [Option<(QuoteKind, &str)>; FEW] = [None; FEW];
        let mut n = 0;
        out.retain(|q| {
            let k = Some(key(q));
            if seen[..n].contains(&k) {
                return false;
            }
            seen[n] = k;
            n += 1;
            true
        });
    } else {
        // Keyed by kind, length and the text's first and last 32 bytes, so that quotes that
        // overlap in a huge text are not each hashed whole; the whole texts are compared only
        // where those agree. (Of two texts that agree there but differ inside, the second
        // is kept, and not looked for again: a loss of one dedupe, never of a quote.)
        /// A quote's kind, length, and first and last bytes.
        type Key<'t> = (QuoteKind, usize, &'t [u8], &'t [u8]);
        let mut seen: FastMap<Key<'_>, &str> = FastMap::default();
        seen.reserve(out.len());
        out.retain(|q| {
            let (kind, t) = key(q);
            let b = t.as_bytes();
            let (head, tail) = (&b[..b.len().min(32)], &b[b.len().saturating_sub(32)..]);
            match seen.entry((kind, t.len(), head, tail)) {
                std::collections::hash_map::Entry::Occupied(first) => *first.get() != t,
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(t);
                    true
                }
            }
        });
    }
}

impl Attributor<'_, '_> {
    /// "Asked her secret to a long life, the 105-year-old did not hesitate": a sentence that
    /// opens on "Asked" reports the question put to someone, not what anyone said; with no
    /// speaker of its own it is no quote. (What they answer, "Asked about X, Smith said Y",
    /// is the quote of the cue after it.)
    pub(super) fn drop_opening_asked(&mut self) {
        let text = self.at.text;
        self.out.retain(|q| {
            let asked = q.cue.is_some_and(|c| {
                &text[c.range()] == "Asked" && q.cue.is_some_and(|c| c.start() < q.content.start())
            });
            !(asked && q.speaker.is_none() && q.kind == QuoteKind::Indirect)
        });
    }

    /// A "he" or "she" coreference left unresolved is the person who spoke last before it,
    /// at most a paragraph back, where the pronoun's gender fits: "“…,” the 28-year-old
    /// said. She said the belt had snapped." (`out` sorted by content.)
    pub(super) fn pronouns_from_previous_speaker(&mut self) {
        let text = self.at.text;
        let list = &self.inp.entities.list;
        for k in 1..self.out.len() {
            let Some(sp) = self.out[k].speaker else {
                continue;
            };
            let gender = match &text[sp.span.range()] {
                "she" | "She" => crate::Gender::Female,
                "he" | "He" => crate::Gender::Male,
                _ => continue,
            };
            let prev = &self.out[k - 1];
            let (Some(e), None) = (prev.speaker.and_then(|s| s.entity), sp.entity) else {
                continue;
            };
            let d = &list[e as usize];
            let between = &text[prev.content.end().min(sp.span.start())..sp.span.start()];
            let near = between.len() < 1500 && between.matches("\n\n").count() <= 1;
            if near && d.kind == EntityKind::Person && d.gender.map_or(true, |g| g == gender) {
                self.out[k].speaker = Some(Referent {
                    span: sp.span,
                    entity: Some(e),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedupe_keeps_the_first_of_each_kind_and_text_among_few_or_many() {
        // Words of one letter, some with a space before: "a" and " a" trim alike.
        let text = "a b  a c b a  c d e a";
        let words: Vec<Span> = text
            .char_indices()
            .filter(|&(_, c)| c != ' ')
            .map(|(i, _)| Span::new(i.saturating_sub(1), i + 1))
            .collect();
        for n in [0, 7, 32, 33, 120] {
            let out: Vec<Attributed> = (0..n)
                .map(|i: usize| Attributed {
                    kind: if i % 4 == 0 {
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Indirect
                    },
                    content: words[(i * 7) % words.len()],
                    speaker: None,
                    cue: None,
                    confidence: i as f32,
                    parts: Vec::new(),
                })
                .collect();
            let mut want = out.clone();
            let mut seen = std::collections::HashSet::new();
            want.retain(|q| seen.insert((q.kind, text[q.content.range()].trim())));
            let mut got = out;
            dedupe(text, &mut got);
            assert_eq!(got, want, "{n} quotes");
            assert!(n < 8 || got.len() < n, "{n} quotes had repeats to drop");
        }
    }
}
