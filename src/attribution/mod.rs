//! Attribution: which quote goes with which cue and speaker.
//!
//! [`attribute`] runs these passes in order, each in the file named:
//!
//! 1. direct quotes, from the words right after or right before their marks ([`direct`]);
//! 2. reported speech, from the subject before a cue and the clause after it, and "according
//!    to X" ([`reported`]);
//! 3. lines that give a speaker, a colon, then what was said, as headlines and transcripts do
//!    ([`speaker_colon`]);
//! 4. clean-up ([`cleanup`]): fragments of mixed quotes dropped, follow-on paragraphs
//!    attributed, crossing attributions dropped, split quotes merged, paragraphs of nothing
//!    but quotes given the previous paragraph's speaker, quotes over paragraphs put in parts,
//!    cues widened to their verb group, repeated passages deduplicated.
//!
//! Whether a cue word is a verb of speech here is [`verbs`]; the speaker's noun phrase next to
//! a cue is [`speakers`]; which entity that phrase is, [`crate::coref`].

mod cleanup;
mod direct;
mod reported;
mod speaker_colon;
mod speakers;
mod verbs;

use std::collections::BTreeMap;

use once_cell::sync::Lazy;

use crate::article::Article;
use crate::coref::{Coref, Referent};
use crate::cue::{Cue, CueClass};
use crate::document::QuoteKind;
use crate::entity::Entities;
use crate::gazetteer::EntityKind;
use crate::hash::{set_of, FastSet};
use crate::quote::QuoteSpan;
use crate::span::Span;
use crate::text::{is_capitalized, sym, Tokens};
use crate::words::*;

/// An attributed quote, all offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Attributed {
    pub(crate) kind: QuoteKind,
    pub(crate) content: Span,
    pub(crate) speaker: Option<Referent>,
    pub(crate) cue: Option<Span>,
    pub(crate) confidence: f32,
    /// For a direct quote continued after its attribution, each quoted piece; else empty.
    pub(crate) parts: Vec<Span>,
}

/// What attribution reads.
pub(crate) struct Input<'a> {
    pub(crate) article: &'a Article<'a>,
    pub(crate) coref: &'a Coref<'a>,
    pub(crate) cues: &'a [Cue],
    pub(crate) quotes: &'a [QuoteSpan],
    pub(crate) entities: &'a Entities,
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
    /// (offset, index) pairs.
    keyed: Vec<(usize, usize)>,
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

/// Finds every attributed quote.
pub(crate) fn attribute(inp: &Input<'_>, scratch: &mut Scratch) -> Vec<Attributed> {
    /// A buffer of the scratch, taken out emptied and then filled with `len` copies of `x`.
    fn fresh<T: Clone>(buf: &mut Vec<T>, len: usize, x: T) -> Vec<T> {
        let mut v = crate::buffers::emptied(buf);
        v.resize(len, x);
        v
    }
    token_info(
        inp.article.tokens,
        inp.cues,
        inp.quotes,
        &mut scratch.tok_info,
    );
    let mut a = Attributor {
        inp,
        at: inp.article,
        coref: inp.coref,
        tok_info: &scratch.tok_info,
        used_cue: fresh(&mut scratch.used_cue, inp.cues.len(), false),
        direct_done: fresh(&mut scratch.direct_done, inp.quotes.len(), false),
        out: crate::buffers::emptied(&mut scratch.out),
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
    a.pronouns_from_previous_speaker();
    a.drop_opening_asked();
    a.drop_fragments_of_mixed();
    a.follow_on();
    a.drop_crossing();
    a.merge_split();
    a.quote_paragraphs();
    a.split_at_paragraphs();
    a.widen_cues();
    a.sort_out();
    cleanup::dedupe(inp.article.text, &mut a.out);
    scratch.used_cue = a.used_cue;
    scratch.direct_done = a.direct_done;
    scratch.spare = a.spare;
    a.out
}

struct Attributor<'a, 'b> {
    inp: &'b Input<'a>,
    /// [`Input::article`].
    at: &'a Article<'a>,
    /// [`Input::coref`].
    coref: &'a Coref<'a>,
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

/// The contents attributed so far, by start, with the furthest end up to each: whether
/// anything attributed reaches a stretch, in O(log n).
struct Taken {
    spans: Vec<Span>,
    reach: Vec<usize>,
}

impl Taken {
    /// Whether a content starting before `before` ends past `past`.
    fn reaches(&self, before: usize, past: usize) -> bool {
        let hi = self.spans.partition_point(|s| s.start() < before);
        hi > 0 && self.reach[hi - 1] > past
    }
}

impl<'a, 'b> Attributor<'a, 'b> {
    /// [`Taken`] over the attributions as they are now, in the spare buffers, which
    /// [`Self::give_back`] returns.
    fn taken(&mut self) -> Taken {
        let mut spans = crate::buffers::emptied(&mut self.spare.spans);
        spans.extend(self.out.iter().map(|o| o.content));
        spans.sort_by_key(|s| s.start());
        let mut reach = crate::buffers::emptied(&mut self.spare.offsets);
        reach.extend(spans.iter().scan(0, |m, s| {
            *m = (*m).max(s.end());
            Some(*m)
        }));
        Taken { spans, reach }
    }

    /// Returns the buffers of a [`Taken`].
    fn give_back(&mut self, taken: Taken) {
        self.spare.spans = taken.spans;
        self.spare.offsets = taken.reach;
    }

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

    fn quote_index_at(&self, pos: usize) -> Option<usize> {
        let q = self.inp.quotes;
        let i = q.partition_point(|x| x.outer.end() <= pos);
        (i < q.len() && q[i].outer.start() <= pos).then_some(i)
    }

    fn inside_quote(&self, pos: usize) -> Option<&'a QuoteSpan> {
        crate::quote::holding(self.inp.quotes, pos)
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::paragraphs;
    use proptest::prelude::*;

    #[test]
    fn and_but_words_are_three_bytes_as_content_end_assumes() {
        assert!(AND_BUT.iter().all(|w| w.len() == 3));
    }

    proptest! {
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
