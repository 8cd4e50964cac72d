//! Whether a cue word is a verb of speech where it stands: not a noun ("the report"), a
//! passive ("was told"), a negation ("has not said") or part of a name.

use super::*;

impl<'a, 'b> Attributor<'a, 'b> {
    /// Whether the cue at `ci` is a verb used as speech here, not a noun or a passive.
    pub(super) fn cue_is_verb(&self, ci: usize, c: usize, s0: usize) -> bool {
        let cue = &self.inp.cues[ci];
        if cue.class == CueClass::According {
            return true;
        }
        // "has not said", "did not tell", "never said": no speech was reported.
        let mut j = c;
        while j > s0 && self.at.is(j - 1, Class::ADVERB_OR_AUX) {
            j -= 1;
        }
        if (j..c)
            .chain(j.checked_sub(1))
            .any(|i| self.at.is(i, Class::NEGATION) || self.at.tok(i).ends_with("n't"))
        {
            return false;
        }
        // A base form that is also a noun ("the public comment period", "a new report") is a
        // verb only after a subject pronoun or an auxiliary; a plural followed by a verb is
        // a noun ("battleground states could be decisive").
        let word = self.at.tok(c);
        static NOUNS_TOO: Lazy<FastSet<&'static str>> = Lazy::new(|| set_of(NOUN_TOO));
        let noun_too = NOUNS_TOO.contains(cue.lemma);
        if noun_too
            && word.len() > cue.lemma.len()
            && word.ends_with('s')
            && c + 1 < self.at.tokens.len()
            && self.at.is(c + 1, Class::AUXILIARY)
        {
            return false;
        }
        if word.eq_ignore_ascii_case(cue.lemma)
            && noun_too
            && c > s0
            && !self.at.is(c - 1, Class::VERB_BEFORE)
        {
            return false;
        }
        if c > s0 && self.at.is(c - 1, Class::DETERMINER) {
            return false;
        }
        // A form of "be" before the cue (adverbs aside): "was told", "is said to" are passive
        // and name no speaker; "is stressing" is progressive and does.
        let mut b = c;
        while b > s0 && self.at.is(b - 1, Class::BE_ADVERB) {
            b -= 1;
        }
        if b > s0 && self.at.is(b - 1, Class::BE_FORM) && !word.ends_with("ing") {
            return false;
        }
        // "that report" is a noun; "a letter that argued" a relative clause's verb.
        if c > s0
            && self.at.lower_is(c - 1, &["that", "this"])
            && word.eq_ignore_ascii_case(cue.lemma)
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

    /// Whether token `v` is a past or present verb standing where a cue would:
    /// lowercase, "-ed" or "-s" or a common irregular past, then the clause ends.
    pub(super) fn looks_like_speech_verb(&self, v: usize, s_end: usize) -> bool {
        let w = self.at.tok(v);
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
            || matches!(self.at.sym(v + 1), b'.' | b',' | b'!' | b'?' | b';' | b':')
            || self.at.lower_is(
                v + 1,
                &[
                    "back", "on", "with", "in", "to", "at", "after", "before", "during", "as",
                    "while", "when", "angrily", "softly", "quietly", "loudly", "again", "later",
                    "once", "out", "up",
                ],
            );
        verb && next_ok && !self.at.is(v, Class::AUXILIARY)
    }

    /// A that-less complement looks like a clause when a finite verb or auxiliary follows its
    /// first word: "said the plan would fail", not "acknowledged the complexity".
    pub(super) fn looks_like_clause(&self, lemma: &str, k: usize, e: usize) -> bool {
        if e - k < 3 {
            return false;
        }
        // Verbs of saying take a clause far more often than an object: "said he opposes it".
        if SAYING.contains(&lemma) {
            return true;
        }
        // Other verbs take an object as often ("acknowledged the complexity", "reported a 38%
        // jump"): ask for an auxiliary, the surest sign of a finite clause.
        (k + 1..e.min(k + 10)).any(|i| self.at.is(i, Class::AUXILIARY))
    }
}
