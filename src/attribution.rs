//! Attribution: which quote goes with which cue and speaker. Direct quotes are attributed from
//! the words right after or right before their marks; reported speech from the subject before
//! a cue and the clause after it; pronouns and title nouns are resolved to entities.

use std::cell::Cell;
use std::collections::BTreeMap;

use once_cell::sync::Lazy;

use crate::cue::{Cue, CueClass};
use crate::document::QuoteKind;
use crate::entity::{Entities, TitleTarget};
use crate::gazetteer::{EntityKind, Gender};
use crate::hash::{set_of, FastSet};
use crate::quote::QuoteSpan;
use crate::span::Span;
use crate::text::{is_capitalized, sym, Tokens};
use crate::words::*;

/// A speaker found next to a cue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SpeakerRef {
    pub(crate) span: Span,
    pub(crate) entity: Option<u32>,
}

/// An attributed quote, all offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Attributed {
    pub(crate) kind: QuoteKind,
    pub(crate) content: Span,
    pub(crate) speaker: Option<SpeakerRef>,
    pub(crate) cue: Option<Span>,
    pub(crate) confidence: f32,
    /// For a direct quote continued after its attribution, each quoted piece; else empty.
    pub(crate) parts: Vec<Span>,
}

/// What attribution reads.
pub(crate) struct Input<'a> {
    pub(crate) text: &'a str,
    pub(crate) paragraphs: &'a [Span],
    pub(crate) sentences: &'a [Span],
    pub(crate) tokens: &'a Tokens,
    pub(crate) cues: &'a [Cue],
    pub(crate) quotes: &'a [QuoteSpan],
    pub(crate) entities: &'a Entities,
    /// The words of an entry's titles, lowercase, to link "the minister" to an entry titled so.
    pub(crate) entry_title_words: &'a dyn Fn(u32) -> &'a [String],
}

/// Verbs whose object (the person addressed) may stand between them and their content.
fn cue_takes_object(lemma: &str) -> bool {
    matches!(
        lemma,
        "tell" | "assure" | "inform" | "remind" | "warn" | "promise" | "ask" | "urge"
    )
}

/// Per-token buffers of attribution, kept by the caller from article to article.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Each token's word classes, `Class` bits; 0 until first asked.
    classes: Vec<u16>,
    /// Each token's [`IN_QUOTE`] bit and, in the bits below it, the index + 1 of the cue that
    /// starts where the token starts (0 for none).
    tok_info: Vec<u32>,
    /// [`Attributor::used_cue`], [`Attributor::direct_done`] and the output, kept for the
    /// next article.
    used_cue: Vec<bool>,
    direct_done: Vec<bool>,
    out: Vec<Attributed>,
    /// [`Attributor::spare`].
    spare: Buffers,
}

/// Buffers the passes over the attributions use and leave empty.
#[derive(Default)]
struct Buffers {
    flags: Vec<bool>,
    spans: Vec<Span>,
    offsets: Vec<usize>,
    out: Vec<Attributed>,
    /// Emptied [`Attributed::parts`] vectors.
    parts: Vec<Vec<Span>>,
}

impl Buffers {
    /// An empty parts vector, recycled where one is kept.
    fn parts(&mut self) -> Vec<Span> {
        self.parts.pop().unwrap_or_default()
    }
}

impl Scratch {
    /// Takes back the output of [`attribute`] once it is no longer needed.
    pub(crate) fn recycle(&mut self, mut out: Vec<Attributed>) {
        for a in out.drain(..) {
            let mut parts = a.parts;
            if parts.capacity() > 0 {
                parts.clear();
                self.spare.parts.push(parts);
            }
        }
        self.out = out;
    }
}

/// [`Scratch::tok_info`]: the token starts strictly inside a quote's marks.
const IN_QUOTE: u32 = 1 << 31;

/// Fills `tok_info` for the tokens, in one walk over the cues and one over the quoted tokens.
/// Cues and quotes are sorted, and quotes disjoint.
fn token_info(tokens: &Tokens, cues: &[Cue], quotes: &[QuoteSpan], tok_info: &mut Vec<u32>) {
    tok_info.clear();
    tok_info.resize(tokens.len(), 0);
    // Each token found through the block index: a search over all tokens per cue or quote
    // would cost a long text a cache miss at every step.
    let first_at = |pos: usize| tokens.first_at_or_after(pos);
    for (ci, cue) in cues.iter().enumerate() {
        let start = cue.span.start();
        let t = first_at(start);
        match tokens.get(t) {
            // A cue index that does not fit below the flag bit is never asked for: no text
            // that fits in memory has 2^31 cues.
            Some(x) if x.span.start() == start && ci + 1 < IN_QUOTE as usize => {
                tok_info[t] = (ci + 1) as u32;
            }
            _ => {}
        }
    }
    for q in quotes {
        let mut t = first_at(q.outer.start() + 1);
        while t < tokens.len() && tokens[t].span.start() < q.outer.end() {
            tok_info[t] |= IN_QUOTE;
            t += 1;
        }
    }
}

/// `word.to_ascii_lowercase()`: the word itself when it has no ASCII capital, else written
/// into `buf` when it fits there, else a new string.
fn ascii_lowercase<'w>(word: &'w str, buf: &'w mut [u8; 32]) -> std::borrow::Cow<'w, str> {
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

/// Finds every attributed quote.
pub(crate) fn attribute(inp: &Input<'_>, scratch: &mut Scratch) -> Vec<Attributed> {
    /// A buffer of the scratch, taken out emptied and then filled with `len` copies of `x`.
    fn fresh<T: Clone>(buf: &mut Vec<T>, len: usize, x: T) -> Vec<T> {
        let mut v = crate::emptied(buf);
        v.resize(len, x);
        v
    }
    token_info(inp.tokens, inp.cues, inp.quotes, &mut scratch.tok_info);
    // Zeroed as plain numbers (a memset), then asked and filled through cells.
    let classes = &mut scratch.classes;
    classes.clear();
    classes.resize(inp.tokens.len(), 0);
    let mut a = Attributor {
        inp,
        classes: Cell::from_mut(classes.as_mut_slice()).as_slice_of_cells(),
        tok_info: &scratch.tok_info,
        used_cue: fresh(&mut scratch.used_cue, inp.cues.len(), false),
        direct_done: fresh(&mut scratch.direct_done, inp.quotes.len(), false),
        out: crate::emptied(&mut scratch.out),
        by_cue: BTreeMap::new(),
        spare: std::mem::take(&mut scratch.spare),
    };
    for (qi, q) in inp.quotes.iter().enumerate() {
        if let Some(d) = a.direct(qi, q) {
            a.push(d);
            a.direct_done[qi] = true;
        }
    }
    for ci in 0..inp.cues.len() {
        if !a.used_cue[ci] {
            if let Some(r) = a.reported(ci) {
                a.push(r);
            }
        }
    }
    a.headlines();
    a.sort_out();
    a.drop_fragments_of_mixed();
    a.follow_on();
    a.drop_crossing();
    a.merge_split();
    a.widen_cues();
    a.sort_out();
    dedupe(inp.text, &mut a.out);
    scratch.used_cue = a.used_cue;
    scratch.direct_done = a.direct_done;
    scratch.spare = a.spare;
    a.out
}

/// A passage scraped twice yields its quotes once: keeps the first quote of each kind and
/// trimmed text. An article's few quotes are compared with each other; many, through a set.
fn dedupe(text: &str, out: &mut Vec<Attributed>) {
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
        let mut seen: FastSet<(QuoteKind, &str)> = FastSet::default();
        seen.reserve(out.len());
        out.retain(|q| seen.insert(key(q)));
    }
}

struct Attributor<'a, 'b> {
    inp: &'b Input<'a>,
    /// Each token's word classes, `Class` bits; 0 until first asked. A buffer the caller
    /// keeps from article to article.
    classes: &'b [Cell<u16>],
    /// [`Scratch::tok_info`].
    tok_info: &'b [u32],
    used_cue: Vec<bool>,
    /// Quotes attributed as direct by the words around their marks.
    direct_done: Vec<bool>,
    out: Vec<Attributed>,
    /// Cue offset to the attribution in `out` it produced, for looking back in a sentence.
    /// (A tree, not a sorted vector: reported speech is added after the direct quotes, and
    /// inserting it between them would cost time quadratic in their number.)
    by_cue: BTreeMap<usize, usize>,
    /// Buffers of the passes, kept from article to article.
    spare: Buffers,
}

impl<'a, 'b> Attributor<'a, 'b> {
    fn push(&mut self, a: Attributed) {
        if let Some(cue) = a.cue {
            self.by_cue.insert(cue.start(), self.out.len());
        }
        self.out.push(a);
    }

    fn sort_out(&mut self) {
        self.out
            .sort_by_key(|q| (q.content.start(), q.content.end()));
    }

    /// Indices of the quotes whose marks lie inside `span` (quotes are sorted and disjoint).
    fn quotes_in(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let q = self.inp.quotes;
        let lo = q.partition_point(|x| x.outer.start() < span.start());
        (lo..q.len())
            .take_while(move |&i| q[i].outer.start() < span.end())
            .filter(move |&i| span.contains(q[i].outer))
    }

    /// The first quote whose marks lie inside `span`, and whether another one does: what
    /// tells indirect, direct and mixed content apart.
    fn first_quote_in(&self, span: Span) -> (Option<usize>, bool) {
        let mut quoted = self.quotes_in(span);
        (quoted.next(), quoted.next().is_some())
    }

    /// Indices of the quotes whose marks overlap `span`.
    fn quotes_overlapping(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let q = self.inp.quotes;
        let lo = q.partition_point(|x| x.outer.end() <= span.start());
        (lo..q.len())
            .take_while(move |&i| q[i].outer.start() < span.end())
            .filter(move |&i| q[i].outer.overlaps(span))
    }

    /// A direct quote inside a mixed quote's content is that quote's fragment, not a quote of
    /// its own. `out` is sorted by start: a sweep with the furthest mixed end so far.
    fn drop_fragments_of_mixed(&mut self) {
        let mut mixed_end: Option<(usize, Span)> = None;
        let mut keep = crate::emptied(&mut self.spare.flags);
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

    fn tok(&self, i: usize) -> &'a str {
        self.inp.tokens[i].text(self.inp.text)
    }

    /// Whether token `i` is in a word class (ASCII case ignored), looked up once per token.
    #[inline]
    fn is(&self, i: usize, class: Class) -> bool {
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

    fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        // As bytes: the token's span needs no char-boundary test to be compared.
        let w = &self.inp.text.as_bytes()[self.inp.tokens[i].span.range()];
        words.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(w))
    }

    fn first_token_at_or_after(&self, pos: usize) -> usize {
        self.inp.tokens.first_at_or_after(pos)
    }

    fn sentence_of(&self, pos: usize) -> Span {
        let s = self.inp.sentences;
        let i = s.partition_point(|x| x.end() <= pos);
        s.get(i).copied().unwrap_or(Span::new(pos, pos))
    }

    /// Token range of the sentence holding `pos`.
    fn sentence_tokens(&self, pos: usize) -> (usize, usize) {
        let s = self.sentence_of(pos);
        (
            self.first_token_at_or_after(s.start()),
            self.first_token_at_or_after(s.end()),
        )
    }

    /// The index of the cue that starts where token `tok` starts.
    #[inline]
    fn cue_at(&self, tok: usize) -> Option<usize> {
        let c = self.tok_info.get(tok)? & !IN_QUOTE;
        (c != 0).then(|| c as usize - 1)
    }

    /// Whether token `tok` starts strictly inside a quote's marks.
    #[inline]
    fn in_quote(&self, tok: usize) -> bool {
        self.tok_info.get(tok).is_some_and(|x| x & IN_QUOTE != 0)
    }

    /// The token's [`sym`] code: 0 for a word.
    #[inline]
    fn sym(&self, i: usize) -> u8 {
        self.inp.tokens[i].sym
    }

    fn is_mark(&self, i: usize) -> bool {
        self.inp.tokens[i].is_mark()
    }

    fn quote_index_at(&self, pos: usize) -> Option<usize> {
        let q = self.inp.quotes;
        let i = q.partition_point(|x| x.outer.end() <= pos);
        (i < q.len() && q[i].outer.start() <= pos).then_some(i)
    }

    fn inside_quote(&self, pos: usize) -> Option<&'a QuoteSpan> {
        let q = self.inp.quotes;
        let i = q.partition_point(|x| x.outer.end() <= pos);
        q.get(i).filter(|x| x.outer.start() <= pos)
    }

    /// Whether the cue at `ci` is a verb used as speech here, not a noun or a passive.
    fn cue_is_verb(&self, ci: usize, c: usize, s0: usize) -> bool {
        let cue = &self.inp.cues[ci];
        if cue.class == CueClass::According {
            return true;
        }
        // "has not said", "did not tell", "never said": no speech was reported.
        let mut j = c;
        while j > s0 && self.is(j - 1, Class::ADVERB_OR_AUX) {
            j -= 1;
        }
        if (j..c)
            .chain(j.checked_sub(1))
            .any(|i| self.is(i, Class::NEGATION) || self.tok(i).ends_with("n't"))
        {
            return false;
        }
        // A base form that is also a noun ("the public comment period", "a new report") is a
        // verb only after a subject pronoun or an auxiliary; a plural followed by a verb is
        // a noun ("battleground states could be decisive").
        let word = self.tok(c);
        static NOUNS_TOO: Lazy<FastSet<&'static str>> = Lazy::new(|| set_of(NOUN_TOO));
        let noun_too = NOUNS_TOO.contains(cue.lemma);
        if noun_too
            && word.len() > cue.lemma.len()
            && word.ends_with('s')
            && c + 1 < self.inp.tokens.len()
            && self.is(c + 1, Class::AUXILIARY)
        {
            return false;
        }
        if word.eq_ignore_ascii_case(cue.lemma)
            && noun_too
            && c > s0
            && !self.is(c - 1, Class::VERB_BEFORE)
        {
            return false;
        }
        if c > s0 && self.is(c - 1, Class::DETERMINER) {
            return false;
        }
        // A form of "be" before the cue (adverbs aside): "was told", "is said to" are passive
        // and name no speaker; "is stressing" is progressive and does.
        let mut b = c;
        while b > s0 && self.is(b - 1, Class::BE_ADVERB) {
            b -= 1;
        }
        if b > s0 && self.is(b - 1, Class::BE_FORM) && !word.ends_with("ing") {
            return false;
        }
        // "that report" is a noun; "a letter that argued" a relative clause's verb.
        if c > s0 && self.lower_is(c - 1, &["that", "this"]) && word.eq_ignore_ascii_case(cue.lemma)
        {
            return false;
        }
        // A capitalized cue word inside a name ("United States", "Sky News").
        let m = &self.inp.entities.mentions;
        let i = m.partition_point(|x| x.span.end() <= cue.span.start());
        if m.get(i).is_some_and(|x| x.span.overlaps(cue.span)) {
            return false;
        }
        true
    }

    // ---------------------------------------------------------------- direct quotes

    fn direct(&mut self, qi: usize, q: &QuoteSpan) -> Option<Attributed> {
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
    fn after_quote(&mut self, q: &QuoteSpan) -> Option<(SpeakerRef, Option<Span>, f32)> {
        let n = self.inp.tokens.len();
        let mut t = self.first_token_at_or_after(q.outer.end());
        if t >= n
            || self
                .text_between(q.outer.end(), self.inp.tokens[t].span.start())
                .contains('\n')
        {
            return None;
        }
        let (_, s_end) = self.sentence_tokens(self.inp.tokens[t].span.start());
        let content = &self.inp.text[q.content.range()];
        let content = content.trim_end_matches(['\'', '’', '"', '”', ' ']);
        let ends_clause = content.ends_with([',', '.', '?', '!', '…']) || self.sym(t) == b',';
        while t < n && matches!(self.sym(t), b',' | b'.') && t < s_end {
            t += 1;
        }
        if t >= s_end.min(n) {
            return None;
        }
        // Dash attribution.
        if matches!(self.tok(t), "—" | "–" | "-" | "―") {
            let (a, b) = self.np_forward(t + 1, s_end)?;
            // The dash stands for the cue.
            return Some((self.resolve_np(a, b), Some(self.inp.tokens[t].span), 0.85));
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
                    b >= s_end || !self.inp.tokens[b].word || self.lower_is(b, AFTER_SPEAKER)
                };
                if let Some((a, b)) = self
                    .np_forward(np_start, s_end)
                    .filter(|&(_, b)| ends_clause(b))
                {
                    self.used_cue[ci] = true;
                    let sp = self.resolve_np(a, b);
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
        let first = self.tok(t);
        let starts_np = is_capitalized(first)
            || self.is(t, Class::PRONOUN)
            || self.lower_is(
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
        if !starts_np {
            return None;
        }
        let limit = (t + 18).min(s_end);
        let mut c = t + 1;
        while c < limit {
            if self.is_mark(c) || matches!(self.sym(c), b'.' | b';' | b':') {
                break;
            }
            if let Some(ci) = self.cue_at(c) {
                let cue = self.inp.cues[ci];
                // Knowing and finding attribute no words: `"Brussels effect," in which firms find`.
                if matches!(cue.class, CueClass::Naming) || COGNITION.contains(&cue.lemma) {
                    return None;
                }
                let sp = self.speaker_for(c, t)?;
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
                    self.inp.tokens[i].word
                        && (!self.is(i, Class::STOP_WORD) || self.is(i, Class::PRONOUN))
                });
                let single_pronoun = b - a == 1 && self.is(a, Class::PRONOUN);
                let named = single_pronoun || (a..b).any(|i| is_capitalized(self.tok(i)));
                if words && named {
                    let sp = self.resolve_np(a, b);
                    return Some((sp, Some(self.inp.tokens[b].span), 0.75));
                }
            }
        }
        None
    }

    /// Whether token `v` is a past or present verb standing where a cue would:
    /// lowercase, "-ed" or "-s" or a common irregular past, then the clause ends.
    fn looks_like_speech_verb(&self, v: usize, s_end: usize) -> bool {
        let w = self.tok(v);
        if !w.bytes().all(|b| b.is_ascii_lowercase()) || w.len() < 3 {
            return false;
        }
        let verb = w.ends_with("ed")
            || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
            || matches!(
                w,
                "went" | "shot" | "spoke" | "fired" | "wrote" | "sang" | "cried" | "began"
            );
        let next_ok = v + 1 >= s_end
            || matches!(self.sym(v + 1), b'.' | b',' | b'!' | b'?' | b';' | b':')
            || self.lower_is(
                v + 1,
                &[
                    "back", "on", "with", "in", "to", "at", "after", "before", "during", "as",
                    "while", "when", "angrily", "softly", "quietly", "loudly", "again", "later",
                    "once", "out", "up",
                ],
            );
        verb && next_ok && !self.is(v, Class::AUXILIARY)
    }

    /// `Trump said: "…"` / `Trump said, "…"` / the second half of a split quote.
    fn before_quote(
        &mut self,
        qi: usize,
        q: &QuoteSpan,
    ) -> Option<(Option<SpeakerRef>, Option<Span>, f32)> {
        let open_tok = self.first_token_at_or_after(q.outer.start());
        let (mut s0, _) = self.sentence_tokens(q.outer.start());
        // "He continued:" at the end of one paragraph, the quote opening the next.
        let block = open_tok == s0 && open_tok > 0 && self.sym(open_tok - 1) == b':';
        if block {
            s0 = self
                .sentence_tokens(self.inp.tokens[open_tok - 1].span.start())
                .0;
        }
        let region = match qi.checked_sub(1).map(|p| self.inp.quotes[p].outer.end()) {
            Some(prev_end) => s0.max(self.first_token_at_or_after(prev_end)),
            None => s0,
        };
        if open_tok <= region {
            return None;
        }
        // The quote must close its clause: `said: "We won."`, not `declaring that "real
        // Christians" don't …` (a fragment of reported speech, mixed).
        let after = self.first_token_at_or_after(q.outer.end());
        let closes = after >= self.inp.tokens.len()
            || self
                .text_between(q.outer.end(), self.inp.tokens[after].span.start())
                .contains('\n')
            || matches!(
                self.tok(after),
                "." | "," | ";" | ":" | "!" | "?" | "—" | "–" | ")"
            )
            || self.is_mark(after)
            || self.cue_at(after).is_some()
            || q.content.end() < q.outer.end()
                && self.inp.text[q.content.range()].ends_with(['.', ',', '!', '?']);
        if !closes {
            return None;
        }
        let mut u = open_tok - 1;
        let colon = self.sym(u) == b':';
        if matches!(self.sym(u), b':' | b',') || self.lower_is(u, &["that"]) {
            if u == region {
                return None;
            }
            u -= 1;
        }
        // The cue within the last few words: "said on Tuesday:", "told reporters:".
        let mut c = u;
        let lowest = u.saturating_sub(5).max(region);
        loop {
            if let Some(ci) = self.cue_at(c) {
                let cue = self.inp.cues[ci];
                // Only adverbials or the person addressed between the cue and the quote.
                let bridged = (c + 1..=u).all(|i| {
                    self.is(i, Class::BRIDGING)
                        || is_capitalized(self.tok(i))
                        || (cue_takes_object(cue.lemma) && self.inp.tokens[i].word)
                });
                if !bridged || cue.class == CueClass::Naming || !self.cue_is_verb(ci, c, region) {
                    return None;
                }
                self.used_cue[ci] = true;
                let speaker = self
                    .speaker_for(c, region)
                    .or_else(|| self.inherited_speaker(c, region));
                let conf = match speaker {
                    Some(SpeakerRef {
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
            if c == lowest || self.is_mark(c) {
                break;
            }
            c -= 1;
        }
        if colon && !block {
            let colon_tok = open_tok - 1;
            // `Trump boomed: "…"`: a verb the lexicon lacks, right before the colon.
            if colon_tok > region + 1 && self.looks_like_speech_verb(colon_tok - 1, colon_tok + 1) {
                let v = colon_tok - 1;
                let sp = match self.np_ending_at(v, region) {
                    Some((a, b)) => Some(self.resolve_np(a, b)),
                    // "Trump leaned in and boomed:": the sentence's subject.
                    None => self.inherited_speaker(v, region),
                };
                if let Some(sp) = sp.filter(|sp| sp.entity.is_some()) {
                    return Some((Some(sp), Some(self.inp.tokens[v].span), 0.75));
                }
            }
            // `Jeffrey Jones: "…"`: a name, a colon, the quote.
            if colon_tok > region && colon_tok - region <= 4 {
                let sp = self.resolve_np(region, colon_tok);
                let person = sp
                    .entity
                    .is_some_and(|e| self.inp.entities.list[e as usize].kind == EntityKind::Person);
                if person {
                    return Some((Some(sp), Some(self.inp.tokens[colon_tok].span), 0.75));
                }
            }
        }
        // A block quote introduced by a sentence ending in a colon, with no cue: "He then
        // listed the qualities a nominee needs:" — the colon is the cue.
        if block && q.outer.start() == self.para_of(q.outer.start()).start() {
            let colon_tok = open_tok - 1;
            let speaker = self.inherited_speaker(colon_tok, region)?;
            return Some((Some(speaker), Some(self.inp.tokens[colon_tok].span), 0.6));
        }
        None
    }

    /// "Trump: Cruz Has a Long Way to Go": a headline or transcript line that gives its
    /// speaker, a colon, then what was said. The colon is the cue.
    fn headlines(&mut self) {
        // What is attributed already, by start, with the furthest end so far: an overlap test
        // in O(log n) per paragraph.
        let mut taken = crate::emptied(&mut self.spare.spans);
        taken.extend(self.out.iter().map(|o| o.content));
        taken.sort_by_key(|s| s.start());
        let mut reach = crate::emptied(&mut self.spare.offsets);
        reach.extend(taken.iter().scan(0, |m, s| {
            *m = (*m).max(s.end());
            Some(*m)
        }));
        for p in self.inp.paragraphs {
            let p0 = self.first_token_at_or_after(p.start());
            let p_end = self.first_token_at_or_after(p.end());
            let Some(colon) = (p0..(p0 + 6).min(p_end)).find(|&i| self.sym(i) == b':') else {
                continue;
            };
            if colon == p0 || p_end - colon < 4 {
                continue;
            }
            let prefix_ok = (p0..colon)
                .all(|i| self.inp.tokens[i].word || matches!(self.tok(i), "-" | "’" | "'"))
                && is_capitalized(self.tok(p0))
                && !self.is(p0, Class::NOT_SPEAKER);
            let short = p.len() < 300;
            let (a, b) = (p0, colon);
            let speaker = self.resolve_np(a, b);
            let person = speaker
                .entity
                .is_some_and(|e| self.inp.entities.list[e as usize].kind == EntityKind::Person);
            let place = speaker
                .entity
                .is_some_and(|e| self.inp.entities.list[e as usize].kind == EntityKind::Location);
            if !prefix_ok || place || !(short || person) {
                continue;
            }
            let start = self.inp.tokens[colon + 1].span.start();
            let hi = taken.partition_point(|s| s.start() < p.end());
            if hi > 0 && reach[hi - 1] > start {
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
            let content = self.span_of(colon + 1, e);
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
                cue: Some(self.inp.tokens[colon].span),
                confidence: if person { 0.75 } else { 0.6 },
                parts: Vec::new(),
            });
        }
        self.spare.spans = taken;
        self.spare.offsets = reach;
    }

    fn para_of(&self, pos: usize) -> Span {
        let p = self.inp.paragraphs;
        let i = p.partition_point(|x| x.end() <= pos);
        p.get(i).copied().unwrap_or(Span::new(pos, pos))
    }

    fn text_between(&self, a: usize, b: usize) -> &'a str {
        &self.inp.text[a..b.max(a)]
    }

    // ---------------------------------------------------------------- reported speech

    fn reported(&mut self, ci: usize) -> Option<Attributed> {
        let cue = self.inp.cues[ci];
        if self.inside_quote(cue.span.start()).is_some() {
            return None;
        }
        let c = self.first_token_at_or_after(cue.span.start());
        // A cue is a word of its own: never inside a token ("a’added" is one word).
        if self
            .inp
            .tokens
            .get(c)
            .map_or(true, |t| t.span.start() != cue.span.start())
        {
            return None;
        }
        let (s0, s_end) = self.sentence_tokens(cue.span.start());
        if !self.cue_is_verb(ci, c, s0) {
            return None;
        }
        if cue.class == CueClass::According {
            return self.according(ci, c, s0, s_end);
        }
        // A participle after a comma ("…, suggesting that") or a coordinated verb ("but
        // insisted that") shares its subject with the clause before.
        let word = self.tok(c);
        let participle = word.ends_with("ing")
            && c > s0
            && (self.sym(c - 1) == b','
                || self.lower_is(
                    c - 1,
                    &[
                        "despite", "after", "before", "while", "by", "without", "when", "in",
                        "since",
                    ],
                ));
        let subject = if participle {
            None
        } else {
            self.subject_before(c, s0)
        };
        let speaker = match subject {
            Some(subject) => Some(self.speaker_of(subject, c, s0)),
            None => self.inherited_speaker(c, s0),
        };
        if let Some((a, _)) = subject {
            if let Some(r) = self.trailing(ci, c, a, s0, s_end, speaker) {
                return Some(r);
            }
        } else if !participle
            && cue.class == CueClass::Clause
            && c > s0 + 1
            && self.sym(c - 1) == b','
        {
            // "The plan failed, said Rep. Jane Doe of Ohio.": content, comma, cue, speaker.
            let np = self.np_forward(c + 1, s_end).filter(|&(_, b)| {
                b >= s_end
                    || matches!(self.sym(b), b'.' | b',' | b';' | b'!' | b'?')
                    || self.lower_is(b, AFTER_SPEAKER)
            });
            if let Some((a, b)) = np {
                let mut e = c - 1;
                while e > s0 && self.is_separator(e - 1) {
                    e -= 1;
                }
                if e > s0 {
                    let speaker = Some(self.resolve_np(a, b));
                    return Some(self.finish_reported(ci, self.span_of(s0, e), speaker, 0.75));
                }
            }
        }

        // Where the content starts.
        let mut k = c + 1;
        let mut that = false;
        let look = (k + 7).min(s_end);
        if let Some(t) = (k..look).find(|&i| self.lower_is(i, &["that"])) {
            // "wrote in a note to clients that": a prepositional phrase may stand between.
            let prepositional = self.lower_is(
                k,
                &[
                    "in", "on", "at", "during", "via", "after", "before", "through", "over", "with",
                ],
            ) && (k..t).all(|i| {
                self.inp.tokens[i].word
                    && !self.is(i, Class::AUXILIARY)
                    && (self.cue_at(i).is_none() || self.lower_is(i - 1, ARTICLES))
            });
            if prepositional
                || (k..t).all(|i| {
                    self.is(i, Class::BRIDGING)
                        || is_capitalized(self.tok(i))
                        || (cue_takes_object(cue.lemma) && self.inp.tokens[i].word)
                })
            {
                k = t + 1;
                that = true;
            }
        }
        // "told analysts the rules had cost …": the person addressed is not the content.
        if !that && cue.lemma == "tell" && k + 2 < s_end {
            if self.lower_is(
                k,
                &[
                    "him",
                    "her",
                    "them",
                    "us",
                    "me",
                    "reporters",
                    "journalists",
                    "analysts",
                    "investors",
                    "lawmakers",
                    "supporters",
                    "colleagues",
                    "viewers",
                    "listeners",
                    "readers",
                    "voters",
                    "students",
                    "members",
                    "officials",
                    "employees",
                    "staff",
                ],
            ) {
                k += 1;
            } else if is_capitalized(self.tok(k)) && !self.is(k, Class::PRONOUN) {
                while k < s_end && is_capitalized(self.tok(k)) && self.inp.tokens[k].word {
                    k += 1;
                }
            }
        }
        // A demand: "called for more flexibility", "called on Congress to act", "urged voters
        // to turn out".
        if !that && cue.lemma == "call" && k + 1 < s_end && self.lower_is(k, &["for", "on"]) {
            k += 1;
            that = true;
        } else if !that
            && matches!(
                cue.lemma,
                "urge" | "ask" | "encourage" | "implore" | "tell" | "warn" | "challenge"
            )
            && (k + 1..(k + 6).min(s_end)).any(|i| self.lower_is(i, &["to"]))
            && (k..(k + 6).min(s_end))
                .take_while(|&i| !self.lower_is(i, &["to"]))
                .all(|i| self.inp.tokens[i].word && !self.lower_is(i, &["not", "never"]))
            // Someone is asked to do something: "asked not to be named" asks nobody.
            && k < s_end
            && !self.lower_is(k, &["to", "not", "never"])
        {
            that = true;
        }
        if !that
            && k < s_end
            && self.lower_is(k, &["whether", "if", "why", "how", "what", "when", "who"])
            && matches!(
                cue.lemma,
                "ask" | "wonder" | "question" | "explain" | "say" | "tell"
            )
        {
            that = true;
        }
        // "respond if …", "warned when …": an adverbial clause, not reported content.
        if !that
            && k < s_end
            && self.lower_is(
                k,
                &[
                    "if", "when", "because", "while", "after", "before", "unless", "until",
                    "whether", "how", "why", "what", "who",
                ],
            )
        {
            return None;
        }
        if k >= s_end || !self.inp.tokens[k].word && !self.is_mark(k) {
            return None;
        }
        // "called for", "said so", "told to": not a reported clause. ("said about 1,200 homes" is.)
        let number_next =
            k + 1 < s_end && self.tok(k + 1).starts_with(|c: char| c.is_ascii_digit());
        if !that
            && self.lower_is(
                k,
                &[
                    "to", "for", "on", "off", "so", "of", "about", "by", "out", "up", "in", "into",
                    "with", "as", "not", "around", "over", "back", "down",
                ],
            )
            && !(number_next && self.lower_is(k, &["about"]))
        {
            return None;
        }
        let e = self.content_end(k, s_end);
        if e <= k {
            return None;
        }
        let mut content = Span::new(
            self.inp.tokens[k].span.start(),
            self.inp.tokens[e - 1].span.end(),
        );
        // Never cut a quote in two.
        if let Some(q) = self.inside_quote(content.end() - 1) {
            if q.outer.end() > content.end() {
                content = Span::new(content.start(), q.outer.end());
            }
        }
        let (first_quoted, more_quoted) = self.first_quote_in(content);
        let kind = match first_quoted {
            None => QuoteKind::Indirect,
            Some(q) if !more_quoted && self.inp.quotes[q].outer == content => {
                if self.direct_done[q] {
                    return None;
                }
                QuoteKind::Direct
            }
            Some(_) => QuoteKind::Mixed,
        };
        match (cue.class, kind) {
            (CueClass::Naming, QuoteKind::Indirect) if !that => return None,
            (CueClass::ThatClause, QuoteKind::Indirect) if !that => return None,
            (CueClass::Clause, QuoteKind::Indirect)
                if !that
                    && ((participle && !SAYING.contains(&cue.lemma))
                        || !self.looks_like_clause(cue.lemma, k, e)) =>
            {
                return None
            }
            _ => {}
        }
        if kind == QuoteKind::Direct {
            if let Some(q) = first_quoted {
                content = self.inp.quotes[q].content;
            }
        }
        let mut confidence = match (kind, that) {
            (QuoteKind::Direct, _) => 0.85,
            (QuoteKind::Mixed, _) => 0.8,
            (_, true) => 0.8,
            (_, false) => 0.7,
        };
        confidence *= match speaker {
            Some(SpeakerRef {
                entity: Some(_), ..
            }) => 1.0,
            Some(_) => 0.9,
            None => 0.5,
        };
        if participle {
            confidence *= 0.9;
        }
        self.used_cue[ci] = true;
        Some(Attributed {
            parts: Vec::new(),
            kind,
            content,
            speaker,
            cue: Some(cue.span),
            confidence,
        })
    }

    /// "The plant will close, officials said.": the content before the speaker's comma, when
    /// nothing but adverbials follows the cue.
    fn trailing(
        &mut self,
        ci: usize,
        c: usize,
        a: usize,
        s0: usize,
        s_end: usize,
        speaker: Option<SpeakerRef>,
    ) -> Option<Attributed> {
        let cue = self.inp.cues[ci];
        if cue.class != CueClass::Clause || a <= s0 + 1 || self.sym(a - 1) != b',' {
            return None;
        }
        // After the cue only adverbials ("in a statement", "on Tuesday"), then the sentence's
        // end or a comma.
        let mut r = c + 1;
        while r < s_end
            && (self.is(r, Class::BRIDGING) && self.sym(r) != b',' || is_capitalized(self.tok(r)))
        {
            r += 1;
        }
        if r < s_end && !matches!(self.sym(r), b',' | b'.' | b'!' | b'?' | b';') {
            return None;
        }
        let mut e = a - 1;
        while e > s0 && self.is_separator(e - 1) {
            e -= 1;
        }
        let mut k = self.skip_dateline(s0.max(e.saturating_sub(MAX_CONTENT)), e);
        if e <= k {
            return None;
        }
        // Content starting with an earlier attribution's quote is that quote's business.
        while k < e
            && self
                .quote_index_at(self.inp.tokens[k].span.start())
                .is_some_and(|q| self.direct_done[q])
        {
            k += 1;
        }
        if e <= k {
            return None;
        }
        let mut content = self.span_of(k, e);
        let mut parts = Vec::new();
        // "Though X, he said, Y": the content resumes after the attribution, and both halves
        // are one quote.
        if r + 1 < s_end && self.sym(r) == b',' && self.inp.tokens[r + 1].word {
            let e2 = self.content_end(r + 1, s_end);
            if e2 > r + 1 {
                let second = self.span_of(r + 1, e2);
                parts = vec![content, second];
                content = Span::new(content.start(), second.end());
            }
        }
        let kind = if self.quotes_in(content).next().is_some() {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        };
        let confidence = if speaker.is_some_and(|s| s.entity.is_some()) {
            0.75
        } else {
            0.7
        };
        self.used_cue[ci] = true;
        Some(Attributed {
            parts,
            kind,
            content,
            speaker,
            cue: Some(cue.span),
            confidence,
        })
    }

    /// An attribution of content that lies before its cue, direct, mixed or indirect by the
    /// quotes it holds.
    fn finish_reported(
        &mut self,
        ci: usize,
        content: Span,
        speaker: Option<SpeakerRef>,
        confidence: f32,
    ) -> Attributed {
        let (first_quoted, more_quoted) = self.first_quote_in(content);
        let first_quoted = first_quoted.map(|i| &self.inp.quotes[i]);
        let (kind, content) = match first_quoted {
            None => (QuoteKind::Indirect, content),
            Some(q) if !more_quoted && q.outer == content => (QuoteKind::Direct, q.content),
            Some(_) => (QuoteKind::Mixed, content),
        };
        let confidence = if speaker.is_some_and(|s| s.entity.is_some()) {
            confidence
        } else {
            confidence * 0.9
        };
        self.used_cue[ci] = true;
        Attributed {
            parts: Vec::new(),
            kind,
            content,
            speaker,
            cue: Some(self.inp.cues[ci].span),
            confidence,
        }
    }

    /// "according to X, …" and "…, according to X".
    fn according(&mut self, ci: usize, c: usize, s0: usize, s_end: usize) -> Option<Attributed> {
        let cue = self.inp.cues[ci];
        let np_start = c + 2;
        let (a, b) = self.np_forward(np_start, s_end)?;
        let speaker = self.resolve_np(a, b);
        let leading = c - s0 <= 6
            && (s0..c).all(|i| !self.inp.tokens[i].word || self.is(i, Class::ADVERB_OR_AUX));
        let content = if leading {
            // Leading: the content follows the source and its comma.
            let k = if b < s_end && self.sym(b) == b',' {
                b + 1
            } else {
                b
            };
            let e = self.content_end(k, s_end);
            (e > k).then(|| {
                Span::new(
                    self.inp.tokens[k].span.start(),
                    self.inp.tokens[e - 1].span.end(),
                )
            })?
        } else {
            let mut e = c;
            while e > s0 && matches!(self.sym(e - 1), b',' | b'(' | sym::EM_DASH | sym::EN_DASH) {
                e -= 1;
            }
            // A reported clause is not longer than this; a runaway sentence is cut.
            let mut k = self.skip_dateline(s0.max(e.saturating_sub(MAX_CONTENT)), e);
            // Start after an earlier attribution in the sentence, if any.
            while k < e && self.is_mark(k) {
                k += 1;
            }
            (e > k).then(|| {
                Span::new(
                    self.inp.tokens[k].span.start(),
                    self.inp.tokens[e - 1].span.end(),
                )
            })?
        };
        let (any_quoted, taken) = {
            let mut quoted = self.quotes_overlapping(content).peekable();
            let any = quoted.peek().is_some();
            (any, quoted.any(|i| self.direct_done[i]))
        };
        if taken {
            return None;
        }
        let kind = if !any_quoted {
            QuoteKind::Indirect
        } else {
            QuoteKind::Mixed
        };
        self.used_cue[ci] = true;
        let confidence = if speaker.entity.is_some() { 0.8 } else { 0.7 };
        Some(Attributed {
            parts: Vec::new(),
            kind,
            content,
            speaker: Some(speaker),
            cue: Some(cue.span),
            confidence,
        })
    }

    /// A that-less complement looks like a clause when a finite verb or auxiliary follows its
    /// first word: "said the plan would fail", not "acknowledged the complexity".
    fn looks_like_clause(&self, lemma: &str, k: usize, e: usize) -> bool {
        if e - k < 3 {
            return false;
        }
        // Verbs of saying take a clause far more often than an object: "said he opposes it".
        if SAYING.contains(&lemma) {
            return true;
        }
        // Other verbs take an object as often ("acknowledged the complexity", "reported a 38%
        // jump"): ask for an auxiliary, the surest sign of a finite clause.
        (k + 1..e.min(k + 10)).any(|i| self.is(i, Class::AUXILIARY))
    }

    /// The token just past the reported content that starts at `k`.
    fn content_end(&self, k: usize, s_end: usize) -> usize {
        let s_end = s_end.min(k + MAX_CONTENT);
        let mut e = k;
        let mut depth = 0usize;
        while e < s_end {
            if self.in_quote(e) {
                e += 1;
                continue;
            }
            let sym = self.sym(e);
            if e > k && sym == 0 {
                // A word after a comma (perhaps inside closing marks: `"predator," reflecting`)
                // that opens a new clause ends the content.
                let mut p = e - 1;
                while p > k && self.is_mark(p) {
                    p -= 1;
                }
                if self.sym(p) == b',' && depth == 0 {
                    let w = self.tok(e);
                    let ing =
                        w.len() > 4 && w.ends_with("ing") && w.chars().all(|c| c.is_lowercase());
                    let cue_verb = self.cue_at(e).is_some_and(|ci| {
                        matches!(
                            self.inp.cues[ci].class,
                            CueClass::Clause | CueClass::ThatClause
                        )
                    });
                    // ", and President Macron wrote that …": a new speaker's clause.
                    let new_speaker =
                        self.is(e, Class::AND_BUT) && self.starts_attribution(e + 1, s_end);
                    if ing || cue_verb || new_speaker || self.is(e, Class::CLAUSE_OPENER) {
                        break;
                    }
                }
            }
            match sym {
                b';' | sym::EM_DASH | sym::EN_DASH => break,
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 && e + 1 < s_end => {
                    let mut n = e + 1;
                    while n < s_end && self.is_mark(n) {
                        n += 1;
                    }
                    if n < s_end {
                        // A parenthetical attribution: ", he said," / ", Smith added".
                        if (n + 1..(n + 4).min(s_end)).any(|i| {
                            self.cue_at(i)
                                .is_some_and(|ci| self.inp.cues[ci].class != CueClass::According)
                                && (n..i).all(|j| {
                                    self.inp.tokens[j].word && !self.is(j, Class::STOP_WORD)
                                        || self.is(j, Class::PRONOUN)
                                })
                        }) {
                            break;
                        }
                    }
                }
                // ("and" and "but" are three bytes: other words are not looked up.)
                0 if self.inp.tokens[e].span.len() == 3 && self.is(e, Class::AND_BUT) => {
                    let mut n = e + 1;
                    while n < s_end && self.is(n, Class::ADVERB_OR_AUX) {
                        n += 1;
                    }
                    if n < s_end
                        && self
                            .cue_at(n)
                            .is_some_and(|ci| self.inp.cues[ci].class != CueClass::According)
                    {
                        break;
                    }
                }
                _ => {}
            }
            e += 1;
        }
        // Trailing punctuation is not content, closing marks are.
        while e > k && self.is_separator(e - 1) {
            e -= 1;
        }
        e
    }

    /// Past a dateline at `k` ("PORT AVERILL, Ore. —", "WASHINGTON (AP) —"): a first word in
    /// capitals, then a dash within a few words.
    fn skip_dateline(&self, k: usize, e: usize) -> usize {
        let first = self.tok(k);
        let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !first.chars().any(|c| c.is_lowercase());
        if !capitals {
            return k;
        }
        (k + 1..(k + 8).min(e))
            .find(|&i| matches!(self.tok(i), "—" | "–" | "--"))
            .map_or(k, |dash| dash + 1)
    }

    /// Whether the words from `i` are a subject and its cue: "President Macron wrote", "several
    /// policymakers have suggested".
    fn starts_attribution(&self, i: usize, s_end: usize) -> bool {
        let end = (i + 8).min(s_end);
        let Some(c) = (i + 1..end).find(|&j| {
            self.cue_at(j).is_some_and(|ci| {
                matches!(
                    self.inp.cues[ci].class,
                    CueClass::Clause | CueClass::ThatClause
                )
            })
        }) else {
            return false;
        };
        (i..c).all(|j| {
            self.inp.tokens[j].word
                && (!self.is(j, Class::STOP_WORD) || self.is(j, Class::ADVERB_OR_AUX))
        })
    }

    /// Punctuation that ends or separates clauses, never part of reported content's edges.
    fn is_separator(&self, i: usize) -> bool {
        matches!(
            self.sym(i),
            b'.' | b','
                | b';'
                | b':'
                | b'!'
                | b'?'
                | sym::EM_DASH
                | sym::EN_DASH
                | b'-'
                | b'('
                | sym::ELLIPSIS
        )
    }

    // ---------------------------------------------------------------- speakers

    /// The noun phrase ending just before cue token `c`, no further back than `s0`.
    /// The speaker named by the subject of cue token `c`. After a relative pronoun the words
    /// next to the cue are "who", and the entity is its antecedent's: "Lavrov, who emphasized".
    fn speaker_for(&self, c: usize, s0: usize) -> Option<SpeakerRef> {
        let subject = self.subject_before(c, s0)?;
        Some(self.speaker_of(subject, c, s0))
    }

    /// [`Self::speaker_for`] given the subject found by [`Self::subject_before`].
    fn speaker_of(&self, (a, b): (usize, usize), c: usize, s0: usize) -> SpeakerRef {
        let mut sp = self.resolve_np(a, b);
        let mut j = c;
        while j > s0 && self.is(j - 1, Class::ADVERB_OR_AUX) {
            j -= 1;
        }
        if j > s0 && self.lower_is(j - 1, &["who"]) && sp.entity.is_some() {
            sp.span = self.inp.tokens[j - 1].span;
        }
        sp
    }

    fn subject_before(&self, c: usize, s0: usize) -> Option<(usize, usize)> {
        let mut j = c;
        while j > s0 && self.is(j - 1, Class::ADVERB_OR_AUX) {
            j -= 1;
        }
        if j == s0 {
            return None;
        }
        // A time between subject and verb: "Norvale on Wednesday reported".
        if j - s0 >= 2 && self.is(j - 1, Class::WEEKDAY) {
            j -= 1;
            if self.lower_is(j - 1, &["on", "last", "this", "late", "early"]) {
                j -= 1;
            }
        }
        if j == s0 {
            return None;
        }
        // A party tag or aside between subject and verb: "Rep. Earl Blumenauer (D-Ore.) said".
        if self.sym(j - 1) == b')' {
            if let Some(open) = (s0.max(j.saturating_sub(10))..j - 1)
                .rev()
                .find(|&i| self.sym(i) == b'(')
            {
                j = open;
                if j == s0 {
                    return None;
                }
            }
        }
        let w = self.tok(j - 1);
        if w.eq_ignore_ascii_case("who") && j - 1 > s0 && self.sym(j - 2) == b',' {
            return self.np_ending_at(j - 2, s0);
        }
        // "an open letter last week that argued": the antecedent of a relative clause.
        if self.lower_is(j - 1, &["that", "which"]) && j - 1 > s0 {
            let mut a = j - 1;
            while a > s0
                && self.lower_is(
                    a - 1,
                    &[
                        "last",
                        "this",
                        "week",
                        "month",
                        "year",
                        "earlier",
                        "later",
                        "today",
                        "yesterday",
                    ],
                )
            {
                a -= 1;
            }
            if a > s0 && self.inp.tokens[a - 1].word && !self.is(a - 1, Class::STOP_WORD) {
                return self.np_ending_at(a, s0);
            }
            return None;
        }
        if w == "," {
            // An apposition between commas: "Dmitry Polyanskiy, a deputy representative, said".
            let mut k = j - 1;
            while k > s0 && j - 1 - k < 25 {
                k -= 1;
                if self.sym(k) == b',' || self.is_mark(k) {
                    break;
                }
            }
            if k >= s0 && self.sym(k) == b',' && k + 1 < j - 1 {
                // "the bank's economist, Ruth Adler, said": the name between the commas.
                let between = k + 1..j - 1;
                if between.len() <= 4
                    && between
                        .clone()
                        .all(|i| is_capitalized(self.tok(i)) || self.sym(i) == b'-')
                {
                    return Some((k + 1, j - 1));
                }
                // "Zelensky, who has met Putin, said": the person before the commas, else
                // "The jury president, the Danish actor Mette Holm, said": a person named in
                // the apposition, not in a relative clause.
                if k > s0 {
                    if let Some((a, b)) = self.np_ending_at(k, s0) {
                        if self.names_person(self.span_of(a, b)) {
                            return Some((a, b));
                        }
                    }
                }
                let span = self.span_of(k + 1, j - 1);
                if !self.lower_is(k + 1, &["who", "which", "whose"]) && self.names_person(span) {
                    return Some((k + 1, j - 1));
                }
                // "Mary O'Connell, 71, who runs a bakery, said": skip an age.
                if k >= 2
                    && self.tok(k - 1).bytes().all(|b| b.is_ascii_digit())
                    && self.sym(k - 2) == b','
                {
                    return self.np_ending_at(k - 2, s0);
                }
                let opener = [
                    "a", "an", "the", "who", "its", "his", "her", "their", "former", "now",
                ];
                if k > s0 && self.lower_is(k + 1, &opener) {
                    return self.np_ending_at(k, s0);
                }
                // "Bill Frelick, refugee rights director at Human Rights Watch, said": a name
                // before the apposition, whatever the apposition opens with.
                if k > s0 {
                    if let Some((a, b)) = self.np_ending_at(k, s0) {
                        if (a..b).all(|i| is_capitalized(self.tok(i)) || self.sym(i) == b'-')
                            && b - a <= 4
                        {
                            return Some((a, b));
                        }
                    }
                }
            }
            return None;
        }
        self.np_ending_at(j, s0)
    }

    fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(
            self.inp.tokens[a].span.start(),
            self.inp.tokens[b - 1].span.end(),
        )
    }

    /// Whether a non-possessive person mention lies inside `span`.
    fn names_person(&self, span: Span) -> bool {
        let m = &self.inp.entities.mentions;
        let lo = m.partition_point(|x| x.span.start() < span.start());
        m[lo..]
            .iter()
            .take_while(|x| x.span.end() <= span.end())
            .any(|x| {
                !x.possessive
                    && self.inp.entities.list[x.entity as usize].kind == EntityKind::Person
            })
    }

    fn np_ending_at(&self, end: usize, s0: usize) -> Option<(usize, usize)> {
        let mut k = end;
        while k > s0 && end - k < 10 {
            let i = k - 1;
            let t = self.inp.tokens[i];
            if !t.word {
                let w = self.tok(i);
                // A hyphen joining a name, or an apostrophe-s split off.
                if w == "-" && i > s0 && self.inp.tokens[i - 1].span.end() == t.span.start() {
                    k -= 1;
                    continue;
                }
                break;
            }
            if self.is(i, Class::STOP_WORD) && !self.is(i, Class::PRONOUN) {
                let prep = self.is(i, Class::NP_PREPOSITION);
                if prep
                    && k < end
                    && i > s0
                    && (self.is_role_word(i - 1) || is_capitalized(self.tok(i - 1)))
                {
                    k -= 1;
                    continue;
                }
                break;
            }
            if self.is(i, Class::PRONOUN) {
                // A pronoun is a whole noun phrase.
                if k == end {
                    k -= 1;
                }
                break;
            }
            // A past-tense verb ends the phrase: "heard a reporter asking"; "the embattled
            // senator" keeps its adjective.
            let w = self.tok(i);
            if k < end
                && w.len() > 3
                && w.ends_with("ed")
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !(i > s0 && self.lower_is(i - 1, DETERMINERS))
            {
                break;
            }
            k -= 1;
        }
        // Do not begin on a preposition.
        while k < end && self.is(k, Class::NP_PREPOSITION) {
            k += 1;
        }
        if k >= end {
            return None;
        }
        // A subject ends on a noun, not on "the" or "his" ("sent out a call following the").
        if (self.lower_is(end - 1, DETERMINERS) || self.lower_is(end - 1, NOT_SUBJECT_ENDS))
            && end - k > 1
        {
            return None;
        }
        // One lowercase word is a subject only if it is a pronoun or a role ("officials").
        if end - k == 1 {
            let w = self.tok(k);
            if w.chars().next().is_some_and(|c| c.is_lowercase())
                && !self.is(k, Class::PRONOUN)
                && !self.is_role_word(k)
                && !w.ends_with('s')
            {
                return None;
            }
        }
        Some((k, end))
    }

    /// A noun phrase from `start` on: "Mayor Jane Doe", "the minister", "a spokeswoman for X".
    fn np_forward(&self, start: usize, s_end: usize) -> Option<(usize, usize)> {
        let mut e = start;
        while e < s_end && e - start < 10 {
            let t = self.inp.tokens[e];
            if !t.word {
                if self.sym(e) == b'-'
                    && e > start
                    && self.inp.tokens[e - 1].span.end() == t.span.start()
                {
                    e += 1;
                    continue;
                }
                break;
            }
            if self.is(e, Class::STOP_WORD) && !self.is(e, Class::PRONOUN) {
                if self.is(e, Class::NP_PREPOSITION)
                    && e > start
                    && (self.is_role_word(e - 1) || is_capitalized(self.tok(e - 1)))
                    && e + 1 < s_end
                    && self.inp.tokens[e + 1].word
                {
                    e += 1;
                    continue;
                }
                break;
            }
            e += 1;
        }
        (e > start).then_some((start, e))
    }

    fn is_role_word(&self, i: usize) -> bool {
        let mut buf = [0; 32];
        let w = ascii_lowercase(self.tok(i), &mut buf);
        let singular = w.strip_suffix('s').unwrap_or(&w);
        crate::role::is_head(&w)
            || crate::role::is_head(singular)
            || matches!(
                singular,
                "official" | "spokesperson" | "member" | "head" | "chief"
            )
    }

    /// Resolves the noun phrase of tokens `a..b` to a speaker.
    fn resolve_np(&self, a: usize, b: usize) -> SpeakerRef {
        let span = Span::new(
            self.inp.tokens[a].span.start(),
            self.inp.tokens[b - 1].span.end(),
        );
        let ents = self.inp.entities;
        // A named person or organization, not in a possessive ("Trump's aide" is not Trump).
        let m = &ents.mentions;
        let lo = m.partition_point(|x| x.span.end() <= span.start());
        let mut best = None;
        for x in &m[lo..] {
            if x.span.start() >= span.end() {
                break;
            }
            if x.possessive || !span.contains(x.span) {
                continue;
            }
            let kind = ents.list[x.entity as usize].kind;
            let whole = x.span == span || b - a <= 2;
            if kind == EntityKind::Person
                || kind == EntityKind::Organization
                || (kind == EntityKind::Location && whole)
            {
                best = Some(*x);
            }
        }
        if let Some(x) = best {
            return SpeakerRef {
                span: x.span,
                entity: Some(x.entity),
            };
        }
        if b - a == 1 && self.is(a, Class::PRONOUN) {
            return SpeakerRef {
                span,
                entity: self.resolve_pronoun(a),
            };
        }
        // A generic role: "the minister", "the company's chief executive".
        let t = &ents.titles;
        let lo = t.partition_point(|x| x.span.end() <= span.start());
        for r in t[lo..].iter().take_while(|r| r.span.start() < span.end()) {
            if let TitleTarget::Role(role) = r.target {
                if let Some(e) = self.resolve_role(
                    crate::role::head(crate::role::ROLES[role as usize]),
                    span.start(),
                ) {
                    return SpeakerRef {
                        span,
                        entity: Some(e),
                    };
                }
            }
        }
        SpeakerRef { span, entity: None }
    }

    /// The speaker of the clause a participle or coordinated cue hangs from: the speaker of an
    /// earlier cue of the sentence, else the sentence's first person or organization.
    fn inherited_speaker(&self, c: usize, s0: usize) -> Option<SpeakerRef> {
        let pos = self.inp.tokens[c].span.start();
        // The speaker of an earlier cue of the sentence, unless this cue sits inside that
        // cue's content (then it is reported, not coordinated).
        let sentence_start = self.inp.tokens[s0].span.start();
        let cue_span = self.inp.tokens[c].span;
        let prev = self
            .by_cue
            .range(sentence_start..pos.max(sentence_start))
            .rev()
            .take(8)
            .map(|(_, &i)| &self.out[i])
            .find(|q| !q.content.contains(cue_span));
        if let Some(prev) = prev {
            return prev.speaker;
        }
        // Else the subject of an earlier cue of the sentence that was not itself attributed:
        // "Norvale on Wednesday reported a jump in profit, saying …".
        let earlier = (s0.max(c.saturating_sub(60))..c).rev().find(|&i| {
            self.cue_at(i)
                .is_some_and(|ci| self.inp.cues[ci].class != CueClass::According)
        });
        if let Some((a, b)) = earlier.and_then(|i| self.subject_before(i, s0)) {
            return Some(self.resolve_np(a, b));
        }
        // Else the sentence's subject: "Christie, New Jersey's governor, repeated …, calling".
        if let Some((a, b)) = self.sentence_subject(s0, c) {
            return Some(self.resolve_np(a, b));
        }
        // Else the sentence's first person, or failing that its first organization (not an
        // all-capital dateline such as "UNITED NATIONS —").
        let start = self.inp.tokens[s0].span.start();
        let m = &self.inp.entities.mentions;
        let lo = m.partition_point(|x| x.span.start() < start);
        let candidates = m[lo..]
            .iter()
            .take_while(|x| x.span.start() < pos)
            .filter(|x| !x.possessive && self.inside_quote(x.span.start()).is_none());
        let mut org = None;
        for x in candidates {
            match self.inp.entities.list[x.entity as usize].kind {
                EntityKind::Person => {
                    return Some(SpeakerRef {
                        span: x.span,
                        entity: Some(x.entity),
                    });
                }
                EntityKind::Organization if org.is_none() => {
                    let w = &self.inp.text[x.span.range()];
                    if w.chars().any(|c| c.is_lowercase()) || w.len() <= 5 {
                        org = Some(SpeakerRef {
                            span: x.span,
                            entity: Some(x.entity),
                        });
                    }
                }
                _ => {}
            }
        }
        if org.is_some() {
            return org;
        }
        // A pronoun subject: "where he acknowledged …, indicating that" (near the cue).
        (s0.max(c.saturating_sub(40))..c)
            .find(|&i| self.lower_is(i, &["he", "she"]))
            .map(|i| SpeakerRef {
                span: self.inp.tokens[i].span,
                entity: self.resolve_pronoun(i),
            })
    }

    /// The noun phrase a sentence opens with, when it is a name, a pronoun or a known entity
    /// followed by its verb or an apposition: "Beck has criticized …", "Christie, the
    /// governor, repeated …". Leading adverbials ("Hours later,", "But") are skipped.
    fn sentence_subject(&self, s0: usize, limit: usize) -> Option<(usize, usize)> {
        let mut a = s0;
        while a < limit && (self.is_mark(a) || self.lower_is(a, SENTENCE_OPENERS)) {
            a += 1;
        }
        // "Hours later, Trump …", "On Tuesday, Trump …": a short opener before a comma.
        if let Some(comma) = (a..(a + 5).min(limit)).find(|&i| self.sym(i) == b',') {
            let opener_has_name = (a..comma).any(|i| self.names_any(self.inp.tokens[i].span));
            if !opener_has_name {
                a = comma + 1;
            }
        }
        if a >= limit {
            return None;
        }
        let (s, mut e) = self.np_forward(a, limit)?;
        // The phrase ends at its verb: "The billionaire businessman began …", "Thomas Massie
        // used to …".
        if let Some(v) = (s + 1..e).find(|&i| {
            let w = self.tok(i);
            w.bytes().all(|b| b.is_ascii_lowercase())
                && (w.len() > 3 && w.ends_with("ed")
                    || self.is(i, Class::AUXILIARY)
                    || self.lower_is(i, IRREGULAR_PAST))
        }) {
            e = v;
        }
        let span = self.span_of(s, e);
        let determiner = self.lower_is(s, DETERMINERS);
        let named = self.names_any(span)
            || (e - s == 1 && self.lower_is(s, &["he", "she", "they", "it"]))
            || (e - s <= 5 && (s..e).all(|i| is_capitalized(self.tok(i))))
            || (determiner && (2..=4).contains(&(e - s)));
        let then_verb = e < limit
            && (self.sym(e) == b',' || self.inp.tokens[e].word && !is_capitalized(self.tok(e)));
        (named && then_verb).then_some((s, e))
    }

    /// Whether a non-possessive person or organization mention lies inside `span`.
    fn names_any(&self, span: Span) -> bool {
        let m = &self.inp.entities.mentions;
        let lo = m.partition_point(|x| x.span.start() < span.start());
        m[lo..]
            .iter()
            .take_while(|x| x.span.start() < span.end())
            .any(|x| {
                !x.possessive
                    && span.contains(x.span)
                    && matches!(
                        self.inp.entities.list[x.entity as usize].kind,
                        EntityKind::Person | EntityKind::Organization
                    )
            })
    }

    /// "he", "she", "they", "it": the first fitting mention of the current sentence before the
    /// pronoun, else of each sentence before it, up to four back (subjects come first).
    fn resolve_pronoun(&self, i: usize) -> Option<u32> {
        let mut buf = [0; 32];
        let w = ascii_lowercase(self.tok(i), &mut buf);
        let pos = self.inp.tokens[i].span.start();
        let ents = self.inp.entities;
        let fits = |e: u32| -> bool {
            let d = &ents.list[e as usize];
            match &*w {
                "he" => {
                    d.kind == EntityKind::Person
                        && d.gender != Some(Gender::Female)
                        && d.gender != Some(Gender::Other)
                }
                "she" => {
                    d.kind == EntityKind::Person
                        && d.gender != Some(Gender::Male)
                        && d.gender != Some(Gender::Other)
                }
                "it" | "they" => d.kind == EntityKind::Organization,
                _ => false,
            }
        };
        // "it" and "they" reach only an organization that is the subject of this sentence or
        // the one before; a plural subject ("Analysts … they warned") is no organization.
        let org_pronoun = matches!(&*w, "it" | "they");
        let sents = self.inp.sentences;
        let mut si = sents.partition_point(|s| s.end() <= pos);
        let mut limit = pos;
        for _ in 0..(if org_pronoun { 2 } else { 5 }) {
            let Some(s) = sents.get(si) else { break };
            let m = &ents.mentions;
            // At most a few thousand bytes back: a runaway sentence stays linear.
            let lo =
                m.partition_point(|x| x.span.start() < s.start().max(pos.saturating_sub(3000)));
            for x in &m[lo..] {
                if x.span.start() >= limit.min(s.end()) {
                    break;
                }
                if !x.possessive && fits(x.entity) && self.inside_quote(x.span.start()).is_none() {
                    return Some(x.entity);
                }
                if org_pronoun && !x.possessive {
                    break; // the sentence's subject is something else
                }
            }
            if si == 0 {
                break;
            }
            si -= 1;
            limit = usize::MAX;
        }
        None
    }

    /// The latest person before `pos` the article or the gazetteer gives this role.
    fn resolve_role(&self, head: &str, pos: usize) -> Option<u32> {
        let ents = self.inp.entities;
        let m = &ents.mentions;
        let hi = m.partition_point(|x| x.span.start() < pos);
        // The role was introduced recently: look back over the last few hundred mentions only,
        // so an article of any length stays linear.
        m[hi.saturating_sub(400)..hi]
            .iter()
            .rev()
            .map(|x| x.entity)
            .find(|&e| {
                let d = &ents.list[e as usize];
                d.kind == EntityKind::Person
                    && (ents.roles_of(d).any(|r| crate::role::head(r) == head)
                        || match d.origin {
                            crate::entity::Origin::Gazetteer(entry) => {
                                (self.inp.entry_title_words)(entry)
                                    .iter()
                                    .any(|w| w == head)
                            }
                            _ => false,
                        })
            })
    }

    /// A cue is the verb group as written: "has said", "also told", "would later argue".
    fn widen_cues(&mut self) {
        for i in 0..self.out.len() {
            let Some(cue) = self.out[i].cue else { continue };
            let c = self.first_token_at_or_after(cue.start());
            if self.cue_at(c).is_none() {
                continue; // a colon or a dash
            }
            let mut k = c;
            while k > 0 && c - k < 4 {
                let w = self.tok(k - 1);
                let aux = self.lower_is(
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
                    .text_between(
                        self.inp.tokens[k - 1].span.end(),
                        self.inp.tokens[k].span.start(),
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
                && self.inp.tokens[k].span.start() < speaker_end
                && speaker_end <= cue.start()
            {
                k += 1;
            }
            // And forward: "called for", "called on".
            let mut end = c;
            let n = self.inp.tokens.len();
            let content_start = self.out[i].content.start();
            let lemma = self.cue_at(c).map_or("", |ci| self.inp.cues[ci].lemma);
            let ahead = |j: usize, words: &[&str]| j < n && self.lower_is(j, words);
            // (Annotators are split on "said in a statement" and keep "said of" apart; the
            // demand "called for" is one cue.)
            if lemma == "call" && ahead(c + 1, &["for", "on"]) {
                end = c + 1;
            }
            if self.inp.tokens[end].span.end() > content_start && content_start > cue.start() {
                end = c; // never into the content
            }
            if k < c || end > c {
                let span = Span::new(
                    self.inp.tokens[k].span.start(),
                    self.inp.tokens[end].span.end(),
                );
                self.out[i].cue = Some(span);
            }
        }
    }

    /// `"A," Putin said, "B."`: two direct pieces sharing one cue are one quote.
    fn merge_split(&mut self) {
        self.out
            .sort_by_key(|q| (q.content.start(), q.content.end()));
        let mut merged = crate::emptied(&mut self.spare.out);
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

    /// Two quotes that overlap without one holding the other cannot both be right: keep the
    /// more confident (the earlier on a tie). Kept quotes nest, so a stack of the open ones
    /// finds every crossing in one pass.
    fn drop_crossing(&mut self) {
        self.out.sort_by(|x, y| {
            x.content
                .start()
                .cmp(&y.content.start())
                .then(y.content.end().cmp(&x.content.end()))
        });
        let mut alive = crate::emptied(&mut self.spare.flags);
        alive.resize(self.out.len(), true);
        let mut open = crate::emptied(&mut self.spare.offsets);
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

    // ---------------------------------------------------------------- follow-on quotes

    /// A quote with no attribution of its own continues the direct quote just before it: in
    /// the same paragraph (`"A," Reyes said. "B."`), or as the paragraph right after one
    /// quoting someone. The two become one quote with parts, as news annotators mark them.
    /// `out` is sorted by start; quotes and attributions are swept together.
    fn follow_on(&mut self) {
        let paras = self.inp.paragraphs;
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
                let gap = self.first_token_at_or_after(q.outer.start())
                    - self.first_token_at_or_after(prev_content.end());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::paragraphs;
    use proptest::prelude::*;

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

    #[test]
    fn and_but_words_are_three_bytes_as_content_end_assumes() {
        assert!(AND_BUT.iter().all(|w| w.len() == 3));
    }

    proptest! {
        /// Lowercasing in a stack buffer, borrowed or into a new string, is
        /// `to_ascii_lowercase`.
        #[test]
        fn ascii_lowercase_equals_to_ascii_lowercase(word in "[a-zA-Z\u{e9}\u{c9}\u{130}]{0,40}") {
            let mut buf = [0; 32];
            let got = ascii_lowercase(&word, &mut buf);
            prop_assert_eq!(got.as_ref(), word.to_ascii_lowercase());
        }

        /// The per-token info equals the searches it replaced: the cue starting at the token's
        /// start, and a quote whose marks hold the token's start past the opening mark.
        #[test]
        fn token_info_equals_searching_the_cues_and_quotes(
            s in "(said|told|\"|\u{201c}|\u{201d}|a|Said|x|according to| |, |\n|\u{e9})*"
        ) {
            let (mut tokens, mut runs, mut cues, mut quotes, mut paras) =
                (Tokens::default(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            tokens.fill(&s, &mut runs);
            crate::cue::find_cues(&s, &runs, &mut cues);
            paragraphs(&s, &mut paras);
            crate::quote::find_quotes(&s, &paras, &mut quotes, &mut Vec::new());
            let mut info = Vec::new();
            token_info(&tokens, &cues, &quotes, &mut info);
            prop_assert_eq!(info.len(), tokens.len());
            for (t, &x) in tokens.iter().zip(&info) {
                let pos = t.span.start();
                let cue = cues.binary_search_by_key(&pos, |c| c.span.start()).ok();
                prop_assert_eq!((x & !IN_QUOTE) as usize, cue.map_or(0, |c| c + 1));
                let inside = quotes
                    .iter()
                    .any(|q| q.outer.start() < pos && pos < q.outer.end());
                prop_assert_eq!(x & IN_QUOTE != 0, inside);
            }
        }
    }
}
