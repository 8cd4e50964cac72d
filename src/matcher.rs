//! Gazetteer matching: whole-word, leftmost-longest matches of every name in one pass over the
//! text.
//!
//! Names are found by hashing, not by an automaton. A match starts where a word may start and
//! ends where a word ends. The tokenizer has already hashed every word ([`Run`]); a word is
//! looked at further only if its hash is in a bit set of first words of names (16 KiB or more,
//! so it stays in cache) and, when it only begins longer names, if the next word's hash pairs
//! with it in a second bit set. From such a word the text is hashed again (ASCII case folded)
//! and each word end looked up in one open-addressing table holding every name and every
//! prefix of a name that ends at a word boundary; the walk stops at the first word end that no
//! name continues.
//!
//! Why not Aho-Corasick: the matches wanted are anchored at word starts, so an automaton's
//! failure links buy nothing, while building them dominated the build (42 s and 1 GiB for a
//! million names). The table builds in linear time and costs 8 bytes a slot, at most half full;
//! the work at each word is a bit test or two, whatever the number of names.

use crate::span::Span;
use crate::text::{is_word_char, possessive_len, word_bit, Run};

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
#[derive(Clone, Copy, Debug)]
struct Target<T> {
    value: T,
    accept: Accept,
    /// For `ExactOrUpper`: whether text in capitals also matches (the form has lowercase
    /// letters and at least three letters in all).
    upper_ok: bool,
    /// The string as registered, a range of `forms`, which `accept` compares the text with.
    form: (u32, u32),
}

/// A whole-word match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) span: Span,
    pub(crate) pattern: u32,
    /// Bytes of a possessive ending right after the match ("’s"), 0 if none.
    pub(crate) possessive: u8,
}

/// Marks a slot whose key some longer pattern continues.
const CONT: u32 = 1 << 31;

/// One key of the table: the mixed hash of an ASCII-folded string, and what it is.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// 0 marks an empty slot.
    hash: u64,
    /// `CONT` if a longer pattern continues this key, or'ed with the pattern id + 1 when the
    /// key is a whole pattern (0 if it is only a prefix).
    value: u32,
}

/// Open addressing with linear probing, at most half full.
struct Table {
    slots: Vec<Slot>,
    len: usize,
}

impl Table {
    fn new() -> Table {
        Table {
            slots: vec![Slot::default(); 16],
            len: 0,
        }
    }

    #[inline]
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    fn insert(&mut self, slot: Slot) {
        if (self.len + 1) * 2 > self.slots.len() {
            let doubled = vec![Slot::default(); self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, doubled);
            for s in old.into_iter().filter(|s| s.hash != 0) {
                self.place(s);
            }
        }
        self.place(slot);
        self.len += 1;
    }

    fn place(&mut self, slot: Slot) {
        let mask = self.mask();
        let mut i = slot.hash as usize & mask;
        while self.slots[i].hash != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
    }

    /// The slots holding `hash`, in probe order.
    #[inline]
    fn get(&self, hash: u64) -> impl Iterator<Item = &Slot> + '_ {
        let mask = self.mask();
        let start = hash as usize & mask;
        (0..self.slots.len())
            .map(move |k| &self.slots[(start + k) & mask])
            .take_while(|s| s.hash != 0)
            .filter(move |s| s.hash == hash)
    }
}

/// The table the matcher keeps: 8 bytes a slot, a 32-bit tag from the hash's high half and
/// the value, found from the hash's low bits; at most half full, never resized.
struct Lookup {
    /// `tag << 32 | value`; 0 marks an empty slot.
    slots: Vec<u64>,
}

impl Lookup {
    fn with_keys(n: usize) -> Lookup {
        Lookup {
            slots: vec![0; (n.max(8) * 2).next_power_of_two()],
        }
    }

    #[inline]
    fn tag(hash: u64) -> u64 {
        (hash >> 32 | 1) << 32
    }

    /// Ors `value` into a slot with `hash`'s tag on its probe run, or takes a free one. Two
    /// pattern ids never share a slot: an id goes to a slot of its tag that holds only `CONT`,
    /// or to a free one. Two hashes with one tag whose probe runs meet may share a `CONT`,
    /// which costs a lookup a step more, never a missed match.
    fn merge(&mut self, hash: u64, value: u32) {
        let mask = self.slots.len() - 1;
        let tag = Self::tag(hash);
        let mut i = hash as usize & mask;
        loop {
            let s = self.slots[i];
            let ids_clash = s as u32 & !CONT != 0 && value & !CONT != 0;
            if s == 0 || (s & !0xffff_ffff == tag && !ids_clash) {
                self.slots[i] = s | tag | u64::from(value);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The values stored under `hash`'s tag along its probe run.
    #[inline]
    fn get(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let mask = self.slots.len() - 1;
        let tag = Self::tag(hash);
        let start = hash as usize & mask;
        (0..self.slots.len())
            .map(move |k| self.slots[(start + k) & mask])
            .take_while(|&s| s != 0)
            .filter(move |&s| s & !0xffff_ffff == tag)
            .map(|s| s as u32)
    }
}

/// Hashing of ASCII-folded bytes, one byte at a time so every prefix has its hash on the way.
#[inline]
fn step(h: u64, b: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The hash kept in the table for a running hash: mixed so the low bits index well, never 0.
#[inline]
fn finish(h: u64) -> u64 {
    let mut z = h ^ (h >> 33);
    z = z.wrapping_mul(0xff51_afd7_ed55_8ccd);
    z ^= z >> 33;
    z | 1
}

fn hash_of(bytes: &[u8]) -> u64 {
    finish(bytes.iter().fold(0, |h, &b| step(h, b)))
}

/// Whether a match may end at byte `e` of `s` (a char boundary): the end, or no word char
/// after it.
#[inline]
fn ends_word(s: &str, e: usize) -> Option<bool> {
    let bytes = s.as_bytes();
    match bytes.get(e) {
        None => Some(true),
        Some(&b) if b < 0x80 => Some(!b.is_ascii_alphanumeric()),
        // Inside a char: not a boundary at all.
        Some(&b) if b < 0xc0 => None,
        Some(_) => Some(!s[e..].chars().next().is_some_and(is_word_char)),
    }
}

/// The word after a word, as far as the caller knows.
#[derive(Clone, Copy)]
enum Next {
    /// No word follows.
    End,
    /// The [`crate::text::word_hash`] of the next word.
    Word(u64),
}

/// Sets bit `bit` of a bit set.
fn set_bit(set: &mut [u64], bit: usize) {
    set[bit / 64] |= 1 << (bit % 64);
}

/// Whether bit `bit` of a bit set is set.
#[inline(always)]
fn has_bit(set: &[u64], bit: usize) -> bool {
    set[bit / 64] & (1 << (bit % 64)) != 0
}

/// A hash of two consecutive words' [`crate::text::word_hash`]es.
#[inline]
fn pair_hash(first: u64, second: u64) -> u64 {
    first.rotate_left(17) ^ second.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A place where a match may start, as [`visit_all`] reports it.
#[derive(Clone, Copy)]
enum At {
    /// A word `start..end` (after a non-word char or at the start of the text) with first byte
    /// `first`; `hash` is the [`crate::text::word_hash`] of the whole word.
    Word {
        start: usize,
        end: usize,
        first: u8,
        hash: u64,
        next: Next,
    },
    /// A non-word char starts at `start` with byte `first`; `after_word` if a word char is just
    /// before it.
    Other {
        start: usize,
        first: u8,
        after_word: bool,
    },
}

/// Reports, in text order, every word of `runs` (the tokenizer's) and every non-word char of
/// `text` whose first byte is marked in `lead`. Without such patterns the text is not read at
/// all; with them, only their first bytes are looked for.
#[inline(always)]
fn visit_all(
    text: &str,
    runs: &[Run],
    lead: Option<&[bool; 256]>,
    mut wanted: impl FnMut(&Run) -> bool,
    mut visit: impl FnMut(At),
) {
    let bytes = text.as_bytes();
    let (leads_end, lead) = match lead {
        Some(lead) => (bytes.len(), lead),
        None => (0, &[false; 256]),
    };
    let mut leads = (0..leads_end).filter(|&p| {
        lead[bytes[p] as usize] && text.is_char_boundary(p) && !text[p..].starts_with(is_word_char)
    });
    let mut next_lead = leads.next();
    let mut k = 0;
    // The end of the last word reported: a word char stands right before a non-word char
    // exactly when a run ends there.
    let mut last_end = None;
    loop {
        let word_first = match (runs.get(k), next_lead) {
            (Some(r), Some(p)) => r.start < p,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let at = if word_first {
            let r = &runs[k];
            k += 1;
            last_end = Some(r.end);
            if !wanted(r) {
                continue;
            }
            At::Word {
                start: r.start,
                end: r.end,
                first: bytes[r.start],
                hash: r.hash,
                next: runs.get(k).map_or(Next::End, |n| Next::Word(n.hash)),
            }
        } else if let Some(p) = next_lead {
            next_lead = leads.next();
            At::Other {
                start: p,
                first: bytes[p],
                after_word: last_end == Some(p),
            }
        } else {
            return;
        };
        visit(at);
    }
}

/// One matcher's progress through [`visit_all`]: matches do not overlap, so places inside the
/// last match are passed over.
struct Cursor<'a, T> {
    matcher: &'a Matcher<T>,
    out: &'a mut Vec<Found>,
    /// Where the last match ended.
    next: usize,
}

impl<'a, T: Copy> Cursor<'a, T> {
    fn new(matcher: &'a Matcher<T>, out: &'a mut Vec<Found>) -> Self {
        Cursor {
            matcher,
            out,
            next: 0,
        }
    }

    /// A word that begins no pattern, or a non-word char no pattern begins with, costs a
    /// table lookup or two and no more. A candidate that fails (inside a word, or in a case
    /// its entry does not allow) gives way to the longest valid shorter pattern at the same
    /// start; failing that, the next place is tried, so the work stays linear in the text.
    #[inline(always)]
    fn visit(&mut self, text: &str, at: At) {
        let m = self.matcher;
        let (start, word_end) = match at {
            At::Word {
                start,
                end,
                first,
                hash,
                next,
            } => {
                if start < self.next || !m.first[first as usize] {
                    return;
                }
                let bit = word_bit(hash, m.heads_mask);
                if !has_bit(&m.heads, bit) {
                    return;
                }
                let single = has_bit(&m.singles, bit);
                let paired = |h2| has_bit(&m.pairs, word_bit(pair_hash(hash, h2), m.heads_mask));
                let walk = match next {
                    Next::End => single,
                    Next::Word(h2) => single || paired(h2),
                };
                if !walk {
                    return;
                }
                (start, end)
            }
            At::Other {
                start,
                first,
                after_word,
            } => {
                if start < self.next || after_word || !m.lead[first as usize] {
                    return;
                }
                (start, start)
            }
        };
        if let Some((end, pattern)) = m.longest_valid_at(text, start, word_end) {
            self.out.push(Found {
                span: Span::new(start, end),
                pattern,
                possessive: possessive_len(text, end) as u8,
            });
            self.next = end;
        }
    }
}

/// Where a prefix of `key` ends at a word boundary, short of the whole key.
fn prefix_ends(key: &str) -> impl Iterator<Item = usize> + '_ {
    (1..key.len()).filter(move |&e| ends_word(key, e) == Some(true))
}

/// Collects patterns, then builds a [`Matcher`].
pub(crate) struct MatcherBuilder<T> {
    /// Every pattern ASCII-lowercased, one after another; strings equal but for ASCII case
    /// share one pattern and so one id.
    keys: String,
    /// Each pattern's range of `keys`.
    key_ranges: Vec<(u32, u32)>,
    /// Whole patterns only, while adding.
    table: Table,
    /// Each target's registered string, one after another.
    forms: String,
    /// Pattern id and target, in the order added.
    targets: Vec<(u32, Target<T>)>,
    /// A reusable buffer for the folded key.
    scratch: String,
}

impl<T: Copy + PartialEq> MatcherBuilder<T> {
    pub(crate) fn new() -> Self {
        MatcherBuilder {
            keys: String::new(),
            key_ranges: Vec::new(),
            table: Table::new(),
            forms: String::new(),
            targets: Vec::new(),
            scratch: String::new(),
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
        // Offsets are u32: past 4 GiB of names, further ones are left out.
        let (Ok(form_start), Ok(key_start)) = (
            u32::try_from(self.forms.len() + s.len()).map(|_| self.forms.len() as u32),
            u32::try_from(self.keys.len() + s.len()).map(|_| self.keys.len() as u32),
        ) else {
            return;
        };
        let mut key = std::mem::take(&mut self.scratch);
        key.clear();
        key.push_str(s);
        key.make_ascii_lowercase();
        let hash = hash_of(key.as_bytes());
        let keys = &self.keys;
        let ranges = &self.key_ranges;
        let existing = self.table.get(hash).find_map(|slot| {
            let id = slot.value - 1;
            let (a, b) = ranges[id as usize];
            (keys[a as usize..b as usize] == key).then_some(id)
        });
        let id = existing.unwrap_or_else(|| {
            let id = self.key_ranges.len() as u32;
            self.keys.push_str(&key);
            self.key_ranges.push((key_start, self.keys.len() as u32));
            self.table.insert(Slot {
                hash,
                value: id + 1,
            });
            id
        });
        self.scratch = key;
        self.forms.push_str(s);
        let upper_ok = s.bytes().any(|b| b.is_ascii_lowercase())
            && s.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        self.targets.push((
            id,
            Target {
                value,
                accept,
                upper_ok,
                form: (form_start, self.forms.len() as u32),
            },
        ));
    }

    pub(crate) fn build(self) -> Matcher<T> {
        let MatcherBuilder {
            keys,
            key_ranges,
            table: adding,
            forms,
            mut targets,
            ..
        } = self;
        // Every pattern, and every prefix of one that ends where a word may end, so the walk
        // in `longest_valid_at` knows when to go on.
        let key = |&(a, b): &(u32, u32)| &keys[a as usize..b as usize];
        let n_prefixes: usize = key_ranges.iter().map(|r| prefix_ends(key(r)).count()).sum();
        let mut table = Lookup::with_keys(key_ranges.len() + n_prefixes);
        // The first word of every pattern, hashed into a bit set of at least 8 KiB that stays
        // in cache: the tokenizer has hashed each word of the text, and only a word in the set
        // is looked at further. Patterns that start with a non-word char ("(D-Ore.)")
        // are tried wherever their first byte stands after a non-word char instead.
        let mut heads = vec![0u64; (key_ranges.len() * 8).next_power_of_two().max(1 << 16) / 64];
        let heads_mask = heads.len() * 64 - 1;
        // Of those, the ones that are whole patterns, and the first two words of the longer
        // patterns: a word that only begins longer patterns is walked from only if the next
        // word goes with it.
        let mut singles = vec![0u64; heads.len()];
        let mut pairs = vec![0u64; heads.len()];
        drop(adding);

        // Targets grouped by pattern, each group in the order added, without repeats.
        targets.sort_by_key(|&(id, _)| id);
        let form = |t: &Target<T>| &forms[t.form.0 as usize..t.form.1 as usize];
        let mut starts = Vec::with_capacity(key_ranges.len() + 1);
        let mut flat: Vec<Target<T>> = Vec::with_capacity(targets.len());
        let mut group = 0;
        for (id, t) in targets {
            while starts.len() <= id as usize {
                starts.push(flat.len() as u32);
                group = flat.len();
            }
            let same =
                |u: &Target<T>| u.value == t.value && u.accept == t.accept && form(u) == form(&t);
            if !flat[group..].iter().any(same) {
                flat.push(t);
            }
        }
        while starts.len() <= key_ranges.len() {
            starts.push(flat.len() as u32);
        }

        // Bytes a match can start with, in the cases its targets accept.
        let mut first = [false; 256];
        for t in &flat {
            let Some(&b) = form(t).as_bytes().first() else {
                continue;
            };
            first[b as usize] = true;
            first[b.to_ascii_uppercase() as usize] = true;
            if t.accept == Accept::Any {
                first[b.to_ascii_lowercase() as usize] = true;
            }
        }

        // Whether a word starting with a lowercase ASCII letter can begin pattern `id`: a
        // target accepts any case, or its form starts with that letter.
        let lowercase_ok = |id: usize| {
            let (a, b) = (starts[id] as usize, starts[id + 1] as usize);
            flat[a..b].iter().any(|t| {
                t.accept == Accept::Any
                    || form(t)
                        .as_bytes()
                        .first()
                        .is_some_and(u8::is_ascii_lowercase)
            })
        };
        let mut lower_heads = vec![0u64; heads.len()];
        let mut lead = [false; 256];
        let mut max_len = 0;
        for (id, range) in key_ranges.iter().enumerate() {
            let key = key(range);
            max_len = max_len.max(key.len());
            table.merge(hash_of(key.as_bytes()), id as u32 + 1);
            let mut h = 0;
            let mut from = 0;
            for e in prefix_ends(key) {
                h = key.as_bytes()[from..e].iter().fold(h, |h, &b| step(h, b));
                from = e;
                table.merge(finish(h), CONT);
            }
            if key.starts_with(is_word_char) {
                let mut runs = key
                    .split(|c: char| !is_word_char(c))
                    .filter(|r| !r.is_empty())
                    .map(|r| crate::text::word_hash(r.as_bytes()));
                let h = runs.next().unwrap_or(0);
                let bit = word_bit(h, heads_mask);
                set_bit(&mut heads, bit);
                if lowercase_ok(id) {
                    set_bit(&mut lower_heads, bit);
                }
                match runs.next() {
                    None => set_bit(&mut singles, bit),
                    Some(h2) => set_bit(&mut pairs, word_bit(pair_hash(h, h2), heads_mask)),
                }
            } else {
                lead[key.as_bytes()[0] as usize] = true;
            }
        }
        Matcher {
            table,
            heads,
            lower_heads,
            singles,
            pairs,
            heads_mask,
            has_lead: lead.contains(&true),
            lead,
            max_len,
            keys,
            key_ranges,
            first,
            forms,
            starts,
            targets: flat,
        }
    }
}

/// The first-word bit sets of two matchers keyed alike, OR'ed, with other words added (the
/// cue words): a run whose bit is clear begins nothing any of them looks for.
pub(crate) struct Joint {
    bits: Vec<u64>,
    /// The same for a run that starts with a lowercase ASCII letter: most words of a text,
    /// and most of the stop words ("the", "is", "no") that only begin capitalized names.
    lower: Vec<u64>,
    mask: usize,
}

impl Joint {
    /// The joint bit set of `a` and `b`, if their bit sets are keyed alike (as they are
    /// unless one matcher is large); `more` then adds words, given the set and its mask.
    pub(crate) fn of<A, B>(
        a: &Matcher<A>,
        b: &Matcher<B>,
        more: impl Fn(&mut [u64], usize),
    ) -> Option<Joint> {
        if a.heads_mask != b.heads_mask {
            return None;
        }
        let or =
            |x: &[u64], y: &[u64]| -> Vec<u64> { x.iter().zip(y).map(|(x, y)| x | y).collect() };
        let mut bits = or(&a.heads, &b.heads);
        let mut lower = or(&a.lower_heads, &b.lower_heads);
        more(&mut bits, a.heads_mask);
        more(&mut lower, a.heads_mask);
        Some(Joint {
            bits,
            lower,
            mask: a.heads_mask,
        })
    }

    /// Bytes held.
    pub(crate) fn memory_usage(&self) -> usize {
        (self.bits.capacity() + self.lower.capacity()) * 8
    }
}

/// A compiled set of patterns.
pub(crate) struct Matcher<T> {
    /// Whole patterns and their prefixes that end at word boundaries.
    table: Lookup,
    /// Bit set of the first words of patterns, by [`crate::text::word_hash`].
    heads: Vec<u64>,
    /// The same for the patterns a word starting with a lowercase ASCII letter can begin.
    lower_heads: Vec<u64>,
    /// Bit set of single-word patterns, by [`crate::text::word_hash`].
    singles: Vec<u64>,
    /// Bit set of the first two words of longer patterns, by [`pair_hash`].
    pairs: Vec<u64>,
    heads_mask: usize,
    /// First bytes of patterns that start with a non-word char.
    lead: [bool; 256],
    /// Whether any byte of `lead` is set.
    has_lead: bool,
    /// Length in bytes of the longest pattern.
    max_len: usize,
    keys: String,
    key_ranges: Vec<(u32, u32)>,
    /// Bytes a match can start with, in a case some target accepts.
    first: [bool; 256],
    forms: String,
    /// Pattern `i`'s targets are `targets[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    targets: Vec<Target<T>>,
}

impl<T: Copy> Matcher<T> {
    fn pattern_targets(&self, pattern: u32) -> &[Target<T>] {
        let i = pattern as usize;
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.targets[a as usize..b as usize],
            _ => &[],
        }
    }

    #[inline]
    fn accepts(&self, t: &Target<T>, matched: &str) -> bool {
        match t.accept {
            Accept::Any => true,
            Accept::Exact => self.form(t) == matched,
            Accept::ExactOrUpper => {
                self.form(t) == matched
                    || (t.upper_ok && !matched.bytes().any(|b| b.is_ascii_lowercase()))
            }
        }
    }

    fn form(&self, t: &Target<T>) -> &str {
        &self.forms[t.form.0 as usize..t.form.1 as usize]
    }

    /// The targets of a pattern that accept the matched text.
    pub(crate) fn targets<'a>(
        &'a self,
        text: &'a str,
        found: &Found,
    ) -> impl Iterator<Item = T> + 'a {
        let matched = &text[found.span.range()];
        self.pattern_targets(found.pattern)
            .iter()
            .filter(move |t| self.accepts(t, matched))
            .map(|t| t.value)
    }

    /// Heap bytes held, roughly.
    pub(crate) fn memory_usage(&self) -> usize {
        self.table.slots.capacity() * 8
            + self.keys.capacity()
            + self.key_ranges.capacity() * 8
            + (self.heads.capacity()
                + self.lower_heads.capacity()
                + self.singles.capacity()
                + self.pairs.capacity())
                * 8
            + self.forms.capacity()
            + self.starts.capacity() * 4
            + self.targets.capacity() * std::mem::size_of::<Target<T>>()
    }

    /// Appends every whole-word match in `text`, leftmost-longest, to `out`.
    #[cfg(test)]
    pub(crate) fn find_all(&self, text: &str, out: &mut Vec<Found>) {
        let mut runs = Vec::new();
        crate::text::tokenize(text, &mut Vec::new(), &mut runs);
        let mut cursor = Cursor::new(self, out);
        visit_all(
            text,
            &runs,
            self.has_lead.then_some(&self.lead),
            |_| true,
            |at| cursor.visit(text, at),
        );
    }

    /// What `self.find_all` and `other.find_all` find, given the text's runs of word chars as
    /// [`crate::text::tokenize`] gives them: the words are not read again, and only if a
    /// pattern starts with a non-word char is the text looked through for its first byte.
    /// Appends every match of this matcher to `out` and of `other` to `other_out`, in one
    /// walk over the runs, and hands `on_run` every run of letters whose bit `joint` has and
    /// every other run, in order. `joint` is [`Joint`] of the two matchers (with the cue
    /// words added); without one, every run is tried and handed on.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn find_all_with<U: Copy>(
        &self,
        other: &Matcher<U>,
        joint: Option<&Joint>,
        text: &str,
        runs: &[Run],
        out: &mut Vec<Found>,
        other_out: &mut Vec<Found>,
        mut on_run: impl FnMut(&Run),
    ) {
        // Patterns that start with a non-word char are rare: the text is read for their
        // first bytes only if either matcher has one.
        let mut lead = self.lead;
        if other.has_lead {
            for (l, &o) in lead.iter_mut().zip(&other.lead) {
                *l |= o;
            }
        }
        let lead = (self.has_lead || other.has_lead).then_some(&lead);
        // A word that begins no pattern of either matcher (and, for a run of letters, no
        // cue) is passed over at one bit test.
        let wanted = |r: &Run| {
            let hit = match joint {
                Some(j) => {
                    let set = if text.as_bytes()[r.start].is_ascii_lowercase() {
                        &j.lower
                    } else {
                        &j.bits
                    };
                    has_bit(set, word_bit(r.hash, j.mask))
                }
                None => true,
            };
            if hit || !r.letters {
                on_run(r);
            }
            hit
        };
        let mut a = Cursor::new(self, out);
        let mut b = Cursor::new(other, other_out);
        visit_all(text, runs, lead, wanted, |at| {
            a.visit(text, at);
            b.visit(text, at);
        });
    }

    /// The longest valid match starting at `start` (a char boundary): its end and pattern.
    ///
    /// Hashes the text a byte at a time and looks the hash up at each word end, until no
    /// pattern continues or the longest pattern's length is reached.
    fn longest_valid_at(&self, text: &str, start: usize, word_end: usize) -> Option<(usize, u32)> {
        let hay = text.as_bytes();
        let stop = hay.len().min(start.saturating_add(self.max_len));
        // The first word, when known, is hashed without looking for boundaries inside it.
        let from = word_end.min(stop);
        let mut h = hay[start..from].iter().fold(0, |h, &b| step(h, b));
        let mut best = None;
        for e in from.max(start + 1)..=stop {
            if e > from {
                h = step(h, hay[e - 1]);
            }
            if ends_word(text, e) != Some(true) {
                continue;
            }
            let hash = finish(h);
            let mut more = false;
            for value in self.table.get(hash) {
                more |= value & CONT != 0;
                let id = value & !CONT;
                if id != 0 && self.is_valid(text, start, e, id - 1) {
                    best = Some((e, id - 1));
                }
            }
            if !more {
                break;
            }
        }
        best
    }

    /// Whether `text[start..end]` (char boundaries) is pattern `id` in a case a target accepts.
    fn is_valid(&self, text: &str, start: usize, end: usize, id: u32) -> bool {
        let Some(&(a, b)) = self.key_ranges.get(id as usize) else {
            return false;
        };
        let matched = &text[start..end];
        matched
            .as_bytes()
            .eq_ignore_ascii_case(&self.keys.as_bytes()[a as usize..b as usize])
            && self
                .pattern_targets(id)
                .iter()
                .any(|t| self.accepts(t, matched))
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
    fn one_pass_for_two_matchers_finds_what_each_finds_alone() {
        let text = "Russian President Vladimir Putin met U.S. Sen. Ron Wyden (D-Ore.) and \
                    the senator’s aides; Putin-Ore, président, U.S.A, \u{201c}President\u{201d}.";
        // With and without patterns that start with a non-word char (looked for in the text
        // beside the tokenizer's runs).
        for leads in [true, false] {
            let mut a = MatcherBuilder::new();
            let mut b = MatcherBuilder::new();
            let names = ["U.S.", "Putin", "Vladimir Putin", "(D-Ore.)", "Russian"];
            let titles = ["president", "russian president", "senator", "-ore"];
            for (i, p) in names
                .iter()
                .enumerate()
                .filter(|(_, p)| leads || !p.starts_with('('))
            {
                a.add(p, i, Accept::ExactOrUpper);
            }
            for (i, p) in titles
                .iter()
                .enumerate()
                .filter(|(_, p)| leads || !p.starts_with('-'))
            {
                b.add(p, i, Accept::Any);
            }
            let (a, b) = (a.build(), b.build());
            let (mut alone_a, mut alone_b) = (vec![], vec![]);
            a.find_all(text, &mut alone_a);
            b.find_all(text, &mut alone_b);
            let mut runs = Vec::new();
            crate::text::tokenize(text, &mut Vec::new(), &mut runs);
            // With the joint first-word set or without, the same matches; without it, every
            // run is handed on; with it, a subsequence.
            let joint = Joint::of(&a, &b, |_, _| {});
            assert!(joint.is_some());
            for joint in [None, joint] {
                let (mut both_a, mut both_b, mut handed) = (vec![], vec![], vec![]);
                a.find_all_with(
                    &b,
                    joint.as_ref(),
                    text,
                    &runs,
                    &mut both_a,
                    &mut both_b,
                    |r| handed.push(*r),
                );
                assert_eq!(both_a, alone_a);
                assert_eq!(both_b, alone_b);
                if joint.is_none() {
                    assert_eq!(handed, runs);
                } else {
                    let mut rest = runs.iter();
                    assert!(handed.iter().all(|h| rest.any(|r| r == h)));
                    assert!(handed.len() < runs.len());
                }
            }
            let words = |found: &[Found]| -> Vec<&str> {
                found.iter().map(|f| &text[f.span.range()]).collect()
            };
            let mut want_a = vec!["Russian", "Vladimir Putin", "U.S.", "(D-Ore.)", "Putin"];
            if !leads {
                want_a.retain(|w| !w.starts_with('('));
            }
            assert_eq!(words(&alone_a), want_a);
            assert_eq!(
                words(&alone_b),
                ["Russian President", "senator", "President"]
            );
        }
    }

    proptest::proptest! {
        /// Behind the joint first-word sets (one for words that start with a lowercase ASCII
        /// letter, one for the rest), the one walk finds what each matcher finds alone, for
        /// patterns of either case rule starting with a capital or a lowercase letter.
        #[test]
        fn joint_sets_by_first_letter_case_lose_no_match(
            words in proptest::collection::vec(
                "(the|The|THE|no|No|NO|can|Can|al|Al|AL|Assad|assad|de|De|Gaulle|gaulle|minister|Minister|MINISTER|hague|Hague|x|1|é|É)",
                0..24,
            ),
            seps in proptest::collection::vec("( |, |-|\\. )", 24),
        ) {
            let mut text = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(sep);
            }
            let mut a = MatcherBuilder::new();
            let mut b = MatcherBuilder::new();
            for (i, p) in ["The Hague", "NO", "Can Dundar", "al-Assad", "de Gaulle", "É"].iter().enumerate() {
                a.add(p, i, Accept::ExactOrUpper);
            }
            for (i, p) in ["Minister", "the hague", "no"].iter().enumerate() {
                b.add(p, i, Accept::Any);
            }
            let (a, b) = (a.build(), b.build());
            let (mut alone_a, mut alone_b) = (vec![], vec![]);
            a.find_all(&text, &mut alone_a);
            b.find_all(&text, &mut alone_b);
            let mut runs = Vec::new();
            crate::text::tokenize(&text, &mut Vec::new(), &mut runs);
            let joint = Joint::of(&a, &b, |_, _| {});
            let (mut both_a, mut both_b) = (vec![], vec![]);
            a.find_all_with(&b, joint.as_ref(), &text, &runs, &mut both_a, &mut both_b, |_| {});
            proptest::prop_assert_eq!(both_a, alone_a);
            proptest::prop_assert_eq!(both_b, alone_b);
        }
    }

    proptest::proptest! {
        /// With the first-word and next-word filters, the matches are those of a walk from
        /// every word, unfiltered.
        #[test]
        fn filtered_matches_equal_a_walk_from_every_word(
            patterns in proptest::collection::vec("(New|York|U|S|Ré|o|Rourke|Ab)([ .'\u{2019}-](New|York|U|S|Ré|o|Rourke|Ab)){0,2}\\.?", 1..8),
            anycase in proptest::collection::vec(proptest::bool::ANY, 8),
            text in "((New|NEW|new|York|U|S|Ré|RÉ|o|O|Rourke|Ab|x)[ .,'\u{2019}\n-]{0,2}){0,16}",
        ) {
            let mut a = MatcherBuilder::new();
            for (i, p) in patterns.iter().enumerate() {
                let accept = if anycase[i] { Accept::Any } else { Accept::ExactOrUpper };
                a.add(p, i, accept);
            }
            let a = a.build();
            let mut runs = Vec::new();
            crate::text::tokenize(&text, &mut Vec::new(), &mut runs);
            let mut walked = Vec::new();
            let mut next = 0;
            for r in &runs {
                if r.start < next {
                    continue;
                }
                if let Some((end, pattern)) = a.longest_valid_at(&text, r.start, r.end) {
                    walked.push(Found {
                        span: Span::new(r.start, end),
                        pattern,
                        possessive: possessive_len(&text, end) as u8,
                    });
                    next = end;
                }
            }
            let mut filtered = Vec::new();
            a.find_all(&text, &mut filtered);
            proptest::prop_assert_eq!(filtered, walked);
        }

        /// The tokenizer's runs are the maximal runs of word chars, with their hashes.
        #[test]
        fn tokenizer_runs_are_the_maximal_runs_of_word_chars(
            s in "[aZ1 .,'\u{2019}\u{e9}\u{c9}\u{2014}\u{a0}\u{301}\u{3a3}\n-]{0,24}|(Mr|U|S|x|don|t|\\.|'|\u{2019}| |\u{e9}|2){0,12}\
                |((Mr|Gov|J|[aZ1]{1,17})[ .,'\u{2019}\u{e9}\n-]{0,2}){0,8}"
        ) {
            let mut runs = Vec::new();
            crate::text::tokenize(&s, &mut Vec::new(), &mut runs);
            let mut want = Vec::new();
            let mut start = None;
            for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
                match (is_word_char(c), start) {
                    (true, None) => start = Some(i),
                    (false, Some(a)) => {
                        want.push((a, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            let got: Vec<_> = runs.iter().map(|r| (r.start, r.end)).collect();
            proptest::prop_assert_eq!(got, want);
            for r in &runs {
                let word = &s[r.start..r.end];
                proptest::prop_assert_eq!(r.hash, crate::text::word_hash(word.as_bytes()));
                proptest::prop_assert_eq!(r.letters, word.bytes().all(|b| b.is_ascii_alphabetic()));
            }
        }
    }

    #[test]
    fn ids_under_one_hash_keep_their_own_slots() {
        let mut t = Lookup::with_keys(4);
        let h = 0xdead_beef_0000_0001;
        t.merge(h, 1);
        t.merge(h, CONT);
        t.merge(h, 2);
        t.merge(h, 3 | CONT);
        let mut got: Vec<u32> = t.get(h).collect();
        got.sort();
        assert_eq!(got, [2, 1 | CONT, 3 | CONT]);
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
