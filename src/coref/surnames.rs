//! A surname said alone is the person the article named in full with it. Entity recognition
//! links most surnames to their full names as it finds them, but not all: a surname that is
//! also a place ("Regina", "Houston") becomes the place, one found as the subject of a cue
//! before the full name is recognized becomes a person of one word, and one the gazetteer
//! lists goes to the gazetteer's person though the article names someone else. Here the
//! speaker's surname goes to the full name the article writes near it.

use super::Coref;
use crate::entity::Origin;
use crate::gazetteer::{EntityKind, Gender};
use crate::span::Span;

impl Coref<'_> {
    /// The person named in full whose surname is the one-word mention `word` of entity `e`
    /// (of a pronoun's `gender`, if given), where the article outranks what `e` is: a place,
    /// a person known only by that word, or a gazetteer person the article has neither named
    /// in full before `pos` nor mentioned before the other's full name. `None` where `e`
    /// stands. Of two people the article names in full with the surname, the one it
    /// introduced first.
    pub(crate) fn full_name_for(
        &self,
        word: Span,
        e: u32,
        pos: usize,
        gender: Option<Gender>,
    ) -> Option<u32> {
        let text = self.at.text;
        let ents = self.entities;
        let d = &ents.list[e as usize];
        // What the entity is first: most speakers are people named in full.
        let gazetteer = match (d.kind, d.origin) {
            (EntityKind::Location, _) => false,
            (EntityKind::Person, Origin::Inferred(span)) if !text[span.range()].contains(' ') => {
                false
            }
            (EntityKind::Person, Origin::Gazetteer(_)) => true,
            _ => return None,
        };
        let surname = strip_possessive(&text[word.range()]);
        if surname.contains(' ') || !surname.starts_with(char::is_uppercase) {
            return None;
        }
        // The people the gazetteer lacks whose full name ends in the surname: most surnames
        // are no one else's, which one bit says; else a few dozen entities to look at, and at
        // most the first thousand of a huge text.
        let bits = *self.surname_bits.get_or_init(|| {
            let mut bits = 0;
            for x in ents.list.iter().take(1024) {
                if let (EntityKind::Person, Origin::Inferred(span)) = (x.kind, x.origin) {
                    let name = &text[span.range()];
                    if let Some((_, last)) = name.rsplit_once(' ') {
                        bits |= word_bit(last);
                    }
                }
            }
            bits
        });
        if bits & word_bit(surname) == 0 {
            return None;
        }
        let mut same = [0u32; 4];
        let mut n = 0;
        for (i, x) in ents.list.iter().enumerate().take(1024) {
            let full = match x.origin {
                Origin::Inferred(span) => {
                    let name = text[span.range()].as_bytes();
                    name.len() > surname.len()
                        && name.ends_with(surname.as_bytes())
                        && name[name.len() - surname.len() - 1] == b' '
                }
                Origin::Gazetteer(_) => false,
            };
            // Of the gender the pronoun or the person's own honorifics give.
            let fits = match gender.or(d.gender) {
                Some(g) => x.gender.map_or(true, |h| h == g),
                None => true,
            };
            if full && fits && i as u32 != e && x.kind == EntityKind::Person && !x.merged {
                if n == same.len() {
                    return None;
                }
                same[n] = i as u32;
                n += 1;
            }
        }
        // Two people of that surname ("Eleni and George Papadakis"): the surname alone is the
        // one the article introduced first, whom it is about; the other it tells apart by
        // given name.
        let person =
            same[..n]
                .iter()
                .copied()
                .min_by_key(|&x| match ents.list[x as usize].origin {
                    Origin::Inferred(span) => span.start(),
                    Origin::Gazetteer(_) => usize::MAX,
                })?;
        // A gazetteer person the article mentions before it names the other in full is the
        // one it means ("Obama" of a story about him is not Michelle Obama, named later).
        if gazetteer {
            let Origin::Inferred(full) = ents.list[person as usize].origin else {
                return None;
            };
            let (first, first_full) = self.first_mentions(e);
            if first_full < pos || first < full.start() {
                return None;
            }
        }
        Some(person)
    }

    /// Whether the one-word mention `x` of a place or a gazetteer person is the surname of a
    /// person the article writes in full (a given name of the list, then the word) at or
    /// before the entity's first mention, whom recognition did not find ("Sarah Houston's
    /// bakery … Houston said"): a place is no speaker where a person fits, and the article
    /// outranks the gazetteer where it names its own person first. Not where the article has
    /// named the gazetteer's person in full before `x`. The text is searched once an entity.
    pub(crate) fn written_in_full(&self, x: &crate::entity::MentionData) -> bool {
        let e = x.entity;
        let d = &self.entities.list[e as usize];
        if !matches!(
            (d.kind, d.origin),
            (EntityKind::Location, _) | (EntityKind::Person, Origin::Gazetteer(_))
        ) {
            return false;
        }
        let text = self.at.text;
        let word = strip_possessive(&text[x.span.range()]);
        if word.contains(' ') || !word.starts_with(char::is_uppercase) {
            return false;
        }
        let known = {
            let mut memo = self.written_in_full.borrow_mut();
            if memo.len() < self.entities.list.len() {
                memo.resize(self.entities.list.len(), 0);
            }
            if memo[e as usize] == 0 {
                // The entity's first mention, among the last few hundred before `x`: an
                // article's, and a bounded look in a huge text.
                let first = self
                    .recent_mentions(x.span.start())
                    .filter(|m| m.entity == e)
                    .last()
                    .map_or(x.span, |m| m.span);
                let at = Span::new(first.start(), first.start() + word.len());
                let same = text.get(at.range()) == Some(word);
                let full = same && super::unlinked::full_name_before(text, at, true).is_some();
                memo[e as usize] = 1 + u8::from(full);
            }
            memo[e as usize] == 2
        };
        known && self.first_mentions(e).1 >= x.span.start()
    }

    /// Where the article first mentions entity `e`, and where it first names it in full (a
    /// mention of two words or more); `usize::MAX` for never. Found for all entities in one
    /// pass over the mentions, on the first question.
    fn first_mentions(&self, e: u32) -> (usize, usize) {
        let first = self.first_mentions.get_or_init(|| {
            let mut first = vec![(usize::MAX, usize::MAX); self.entities.list.len()];
            for x in &self.entities.mentions {
                let (any, full) = &mut first[x.entity as usize];
                *any = (*any).min(x.span.start());
                if *full == usize::MAX && self.at.text[x.span.range()].contains(' ') {
                    *full = x.span.start();
                }
            }
            first
        });
        first
            .get(e as usize)
            .copied()
            .unwrap_or((usize::MAX, usize::MAX))
    }

    /// The person named in full for person `e` where the article knows `e` only by a
    /// surname ([`Self::full_name_for`]); else `e`.
    pub(crate) fn fullest_person(&self, e: u32, pos: usize, gender: Option<Gender>) -> u32 {
        match self.entities.list[e as usize].origin {
            Origin::Inferred(span) if self.entities.list[e as usize].kind == EntityKind::Person => {
                self.full_name_for(span, e, pos, gender).unwrap_or(e)
            }
            _ => e,
        }
    }
}

/// The bit of a word in [`Coref::surname_bits`]: one of 64, by an FNV-1a hash of its bytes.
fn word_bit(word: &str) -> u64 {
    let h = word.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    1 << (h >> 58)
}

/// A name without its possessive "'s".
fn strip_possessive(name: &str) -> &str {
    crate::text::possessive_stem(name).unwrap_or(name)
}
