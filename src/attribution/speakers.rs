//! The speaker's noun phrase next to a cue: the subject before it, the noun phrase after it,
//! a relative pronoun, a participle that inherits the speaker of its clause, and a sentence's
//! subject. Which entity the phrase is, is [`crate::coref`]'s answer.

use super::*;

impl<'a, 'b> Attributor<'a, 'b> {
    /// The speaker named by the subject of cue token `c`, no further back than `s0`. After a relative pronoun the words
    /// next to the cue are "who", and the entity is its antecedent's: "Lavrov, who emphasized".
    pub(super) fn speaker_for(&self, c: usize, s0: usize) -> Option<Referent> {
        let subject = self.subject_before(c, s0)?;
        Some(self.speaker_of(subject, c, s0))
    }

    /// [`Self::speaker_for`] given the subject found by [`Self::subject_before`].
    pub(super) fn speaker_of(&self, (a, b): (usize, usize), c: usize, s0: usize) -> Referent {
        let mut sp = self.coref.resolve_np(a, b);
        let mut j = c;
        while j > s0 && self.at.is(j - 1, Class::ADVERB_OR_AUX) {
            j -= 1;
        }
        if j > s0 && self.at.lower_is(j - 1, &["who"]) && sp.entity.is_some() {
            sp.span = self.at.tokens[j - 1].span;
        }
        sp
    }

    /// The noun phrase ending just before cue token `c` (past adverbs, a weekday, a party tag
    /// or an apposition), no further back than `s0`, as a token range.
    pub(super) fn subject_before(&self, c: usize, s0: usize) -> Option<(usize, usize)> {
        let mut j = c;
        while j > s0 && self.at.is(j - 1, Class::ADVERB_OR_AUX) {
            j -= 1;
        }
        if j == s0 {
            return None;
        }
        // A time between subject and verb: "Norvale on Wednesday reported".
        if j - s0 >= 2 && self.at.is(j - 1, Class::WEEKDAY) {
            j -= 1;
            if self
                .at
                .lower_is(j - 1, &["on", "last", "this", "late", "early"])
            {
                j -= 1;
            }
        }
        if j == s0 {
            return None;
        }
        // A party tag or aside between subject and verb: "Rep. Earl Blumenauer (D-Ore.) said".
        if self.at.sym(j - 1) == b')' {
            if let Some(open) = (s0.max(j.saturating_sub(10))..j - 1)
                .rev()
                .find(|&i| self.at.sym(i) == b'(')
            {
                j = open;
                if j == s0 {
                    return None;
                }
            }
        }
        let w = self.at.tok(j - 1);
        if w.eq_ignore_ascii_case("who") && j - 1 > s0 && self.at.sym(j - 2) == b',' {
            let np = self.np_ending_at(j - 2, s0);
            // "Nolan Wuttunee, a business professor at the University of Regina, who said":
            // the person before the apposition, where the phrase before "who" names none.
            let person = |(a, b): (usize, usize)| self.coref.names_person(self.at.span_of(a, b));
            if np.is_some_and(|np| !person(np)) {
                let k = self.comma_before(j - 2, s0);
                if k > s0 && self.at.sym(k) == b',' {
                    if let Some(first) = self.np_ending_at(k, s0).filter(|&np| person(np)) {
                        return Some(first);
                    }
                }
            }
            return np;
        }
        // "an open letter last week that argued": the antecedent of a relative clause.
        if self.at.lower_is(j - 1, &["that", "which"]) && j - 1 > s0 {
            let mut a = j - 1;
            while a > s0
                && self.at.lower_is(
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
            if a > s0 && self.at.tokens[a - 1].word && !self.at.is(a - 1, Class::STOP_WORD) {
                return self.np_ending_at(a, s0);
            }
            return None;
        }
        if w == "," {
            // An apposition between commas: "Dmitry Polyanskiy, a deputy representative, said".
            // A province or state after a town is the apposition's too: "Doug Lavallée, 63, of
            // Sudbury, Ont., said", "Takahashi, an outside hitter from Richmond, B.C., said".
            let mut close = j - 1;
            let mut k = self.comma_before(close, s0);
            for _ in 0..2 {
                if k > s0
                    && self.at.sym(k) == b','
                    && k + 1 < close
                    && self.coref.is_place(self.at.span_of(k + 1, close))
                {
                    close = k;
                    k = self.comma_before(close, s0);
                }
            }
            if k >= s0 && self.at.sym(k) == b',' && k + 1 < close {
                // "Gurpreet Sandhu, who grows vegetables with her husband, Harjit Sandhu,
                // said": a relative named inside a relative clause is not the subject.
                let relative = k >= 2
                    && self.at.lower_is(k - 2, &["his", "her", "their"])
                    && self.at.lower_is(k - 1, crate::coref::RELATIONS);
                if relative {
                    if let Some(np) = self.relative_antecedent(k, s0) {
                        return Some(np);
                    }
                }
                // "the bank's economist, Ruth Adler, said": the name between the commas.
                let between = k + 1..close;
                if between.len() <= 4
                    && between
                        .clone()
                        .all(|i| is_capitalized(self.at.tok(i)) || self.at.sym(i) == b'-')
                {
                    return Some((k + 1, close));
                }
                // "Eleni Papadakis, who has run the diner with her husband, George
                // Papadakis, since 1983, said": a relative clause with commas of its own
                // hangs from the person before its "who".
                if let Some(np) = self.relative_antecedent(k, s0) {
                    return Some(np);
                }
                // "Zelensky, who has met Putin, said": the person before the commas, else
                // "The jury president, the Danish actor Mette Holm, said": a person named in
                // the apposition, not in a relative clause.
                if k > s0 {
                    if let Some((a, b)) = self.np_ending_at(k, s0) {
                        if self.coref.names_person(self.at.span_of(a, b)) {
                            return Some((a, b));
                        }
                    }
                }
                let span = self.at.span_of(k + 1, close);
                if !self.at.lower_is(k + 1, &["who", "which", "whose"])
                    && self.coref.names_person(span)
                {
                    return Some((k + 1, close));
                }
                // "Mary O'Connell, 71, who runs a bakery, said": skip an age.
                if k >= 2
                    && self.at.tok(k - 1).bytes().all(|b| b.is_ascii_digit())
                    && self.at.sym(k - 2) == b','
                {
                    return self.np_ending_at(k - 2, s0);
                }
                let opener = [
                    "a", "an", "the", "who", "whose", "its", "his", "her", "their", "former", "now",
                ];
                // "The mayor, speaking to reporters on Friday, said": a participle's aside.
                let w = self.at.tok(k + 1);
                let participle =
                    w.len() > 4 && w.ends_with("ing") && w.bytes().all(|b| b.is_ascii_lowercase());
                if k > s0 && (self.at.lower_is(k + 1, &opener) || participle) {
                    let np = self.np_ending_at(k, s0);
                    // Two appositions: "Élise Brassard, president of the Canadian Plastics
                    // Alliance, an industry group based in Mississauga, said": the person
                    // before the first, where the phrase before the second names none.
                    let person =
                        |(a, b): (usize, usize)| self.coref.names_person(self.at.span_of(a, b));
                    // Up to two commas further back past an age and a town: "June
                    // Pelletier, 78, of Strasbourg, who has been a member for 51 years, said".
                    if np.is_some_and(|np| !person(np)) {
                        let mut k2 = k;
                        for _ in 0..2 {
                            k2 = self.comma_before(k2, s0);
                            if k2 <= s0 || self.at.sym(k2) != b',' {
                                break;
                            }
                            if let Some(first) = self.np_ending_at(k2, s0).filter(|&np| person(np))
                            {
                                return Some(first);
                            }
                        }
                    }
                    return np;
                }
                // "Bill Frelick, refugee rights director at Human Rights Watch, said": a name
                // before the apposition, whatever the apposition opens with.
                if k > s0 {
                    if let Some((a, b)) = self.np_ending_at(k, s0) {
                        if (a..b).all(|i| is_capitalized(self.at.tok(i)) || self.at.sym(i) == b'-')
                            && b - a <= 4
                        {
                            return Some((a, b));
                        }
                    }
                }
            }
            return None;
        }
        let np = self.np_ending_at(j, s0);
        // "The police officer who fatally shot Jordan Sakanee in 2017 believed": a year or
        // number is no subject; the phrase a "who" opens its clause after is.
        if let Some((a, b)) = np {
            if (a..b).all(|i| self.at.tok(i).bytes().all(|c| c.is_ascii_digit())) {
                let who = (s0.max(a.saturating_sub(15))..a)
                    .rev()
                    .find(|&i| self.at.lower_is(i, &["who"]));
                return who
                    .filter(|&w| w > s0)
                    .and_then(|w| self.np_ending_at(w, s0));
            }
        }
        np
    }

    /// The comma or quote mark before comma token `close`, at most 25 tokens back and no
    /// further than `s0` (`s0` itself if none).
    fn comma_before(&self, close: usize, s0: usize) -> usize {
        let mut k = close;
        while k > s0 && close - k < 25 {
            k -= 1;
            if self.at.sym(k) == b',' || self.at.is_mark(k) {
                break;
            }
        }
        k
    }

    /// The person a relative clause hangs from when the clause holds a comma of its own
    /// before comma token `k`: the noun phrase before the ", who" or ", whose" at most 40
    /// tokens back, where it names a person.
    fn relative_antecedent(&self, k: usize, s0: usize) -> Option<(usize, usize)> {
        let who = (s0.max(k.saturating_sub(40)) + 1..k)
            .rev()
            .find(|&i| self.at.lower_is(i, &["who", "whose"]) && self.at.sym(i - 1) == b',')?;
        // Only a clause that holds a comma before `k` (else `k` is the comma of "who").
        if who + 1 >= k || self.at.sym(who - 1) != b',' || who - 1 <= s0 {
            return None;
        }
        let (a, b) = self.np_ending_at(who - 1, s0)?;
        self.coref
            .names_person(self.at.span_of(a, b))
            .then_some((a, b))
    }

    /// Whether tokens `i` and `i + 1` lie inside one entity mention: a comma or "and" inside
    /// a name ("Immigration, Refugees and Citizenship Canada", "Food and Drug
    /// Administration"). Mentions barely overlap, so the few that start last before the token
    /// are the ones to look at.
    fn inside_mention(&self, i: usize) -> bool {
        self.mention_past(i, self.at.tokens[i + 1].span.end())
    }

    /// Whether a mention that starts before token `i` runs to byte `end` or further.
    fn mention_past(&self, i: usize, end: usize) -> bool {
        let a = self.at.tokens[i].span;
        let m = &self.inp.entities.mentions;
        let lo = m.partition_point(|x| x.span.start() <= a.start());
        m[..lo]
            .iter()
            .rev()
            .take(4)
            .any(|x| x.span.start() < a.start() && x.span.end() >= end)
    }

    pub(super) fn np_ending_at(&self, end: usize, s0: usize) -> Option<(usize, usize)> {
        let mut k = end;
        while k > s0 && end - k < 10 {
            let i = k - 1;
            let t = self.at.tokens[i];
            if k < end && self.inside_mention(i) {
                k -= 1;
                continue;
            }
            if !t.word {
                let w = self.at.tok(i);
                // A hyphen joining a name, or an apostrophe-s split off.
                let joined = i > s0 && self.at.tokens[i - 1].span.end() == t.span.start();
                if w == "-" && joined {
                    k -= 1;
                    continue;
                }
                // A plural's possessive inside a name: "The Tantramar Students' Union".
                if matches!(w, "'" | "’")
                    && joined
                    && k < end
                    && is_capitalized(self.at.tok(k))
                    && is_capitalized(self.at.tok(i - 1))
                    && self.at.tok(i - 1).ends_with('s')
                {
                    k -= 1;
                    continue;
                }
                break;
            }
            // A word between two hyphens is inside a compound: "the retired tool-and-die
            // maker".
            let hyphened = i > s0
                && i + 1 < end
                && self.at.sym(i - 1) == b'-'
                && self.at.sym(i + 1) == b'-'
                && self.at.tokens[i - 1].span.end() == t.span.start()
                && t.span.end() == self.at.tokens[i + 1].span.start();
            if hyphened {
                k -= 1;
                continue;
            }
            if self.at.is(i, Class::STOP_WORD) && !self.at.is(i, Class::PRONOUN) {
                let prep = self.at.is(i, Class::NP_PREPOSITION);
                if prep
                    && k < end
                    && i > s0
                    && (self.is_role_word(i - 1) || is_capitalized(self.at.tok(i - 1)))
                {
                    k -= 1;
                    continue;
                }
                break;
            }
            if self.at.is(i, Class::PRONOUN) {
                // A pronoun is a whole noun phrase.
                if k == end {
                    k -= 1;
                }
                break;
            }
            // A past-tense verb ends the phrase: "heard a reporter asking"; "the embattled
            // senator" keeps its adjective.
            // Not the second half of a compound: "the Toronto-based company".
            let w = self.at.tok(i);
            if k < end
                && w.len() > 3
                && w.ends_with("ed")
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !(i > s0 && self.at.lower_is(i - 1, DETERMINERS))
                && !(i > s0 && self.at.sym(i - 1) == b'-')
            {
                break;
            }
            k -= 1;
        }
        // Do not begin on a preposition.
        while k < end && self.at.is(k, Class::NP_PREPOSITION) {
            k += 1;
        }
        if k >= end {
            return None;
        }
        // A subject ends on a noun, not on "the" or "his" ("sent out a call following the").
        if (self.at.lower_is(end - 1, DETERMINERS) || self.at.lower_is(end - 1, NOT_SUBJECT_ENDS))
            && end - k > 1
        {
            return None;
        }
        // One lowercase word is a subject only if it is a pronoun, a role ("officials") or a
        // body of people ("police").
        if end - k == 1 {
            let w = self.at.tok(k);
            if w.chars().next().is_some_and(|c| c.is_lowercase())
                && !self.at.is(k, Class::PRONOUN)
                && !self.is_role_word(k)
                && !w.ends_with('s')
                && !matches!(w, "police" | "staff" | "management")
            {
                return None;
            }
        }
        Some((k, end))
    }

    /// A noun phrase from `start` on: "Mayor Jane Doe", "the minister", "a spokeswoman for X".
    pub(super) fn np_forward(&self, start: usize, s_end: usize) -> Option<(usize, usize)> {
        let mut e = start;
        while e < s_end && e - start < 10 {
            let t = self.at.tokens[e];
            if !t.word {
                // A hyphen inside a word, or a mark inside a mention ("the Registered Nurses'
                // Association", where the possessive's apostrophe is a token of its own).
                if (self.at.sym(e) == b'-'
                    && e > start
                    && self.at.tokens[e - 1].span.end() == t.span.start())
                    || (e > start && self.mention_past(e, t.span.end()))
                {
                    e += 1;
                    continue;
                }
                break;
            }
            if self.at.is(e, Class::STOP_WORD) && !self.at.is(e, Class::PRONOUN) {
                if self.at.is(e, Class::NP_PREPOSITION)
                    && e > start
                    && (self.is_role_word(e - 1) || is_capitalized(self.at.tok(e - 1)))
                    && e + 1 < s_end
                    && self.at.tokens[e + 1].word
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

    pub(super) fn is_role_word(&self, i: usize) -> bool {
        let mut buf = [0; 32];
        let w = crate::text::ascii_lowercase(self.at.tok(i), &mut buf);
        let singular = w.strip_suffix('s').unwrap_or(&w);
        crate::role::is_head(&w)
            || crate::role::is_head(singular)
            || matches!(
                singular,
                "official" | "spokesperson" | "member" | "head" | "chief"
            )
    }

    /// The speaker of the clause a participle or coordinated cue hangs from: the speaker of an
    /// earlier cue of the sentence, else the sentence's first person or organization.
    pub(super) fn inherited_speaker(&self, c: usize, s0: usize) -> Option<Referent> {
        let pos = self.at.tokens[c].span.start();
        // The speaker of an earlier cue of the sentence, unless this cue sits inside that
        // cue's content (then it is reported, not coordinated).
        let sentence_start = self.at.tokens[s0].span.start();
        let cue_span = self.at.tokens[c].span;
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
            return Some(self.coref.resolve_np(a, b));
        }
        // Else the sentence's subject: "Christie, New Jersey's governor, repeated …, calling".
        if let Some((a, b)) = self.sentence_subject(s0, c) {
            return Some(self.coref.resolve_np(a, b));
        }
        // Else the sentence's first person, or failing that its first organization (not an
        // all-capital dateline such as "UNITED NATIONS —").
        let start = self.at.tokens[s0].span.start();
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
                    return Some(Referent {
                        span: x.span,
                        entity: Some(x.entity),
                    });
                }
                EntityKind::Organization if org.is_none() => {
                    let w = &self.at.text[x.span.range()];
                    if w.chars().any(|c| c.is_lowercase()) || w.len() <= 5 {
                        org = Some(Referent {
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
            .find(|&i| self.at.lower_is(i, &["he", "she"]))
            .map(|i| Referent {
                span: self.at.tokens[i].span,
                entity: self.coref.resolve_pronoun(i),
            })
    }

    /// The noun phrase a sentence opens with, when it is a name, a pronoun or a known entity
    /// followed by its verb or an apposition: "Beck has criticized …", "Christie, the
    /// governor, repeated …". Leading adverbials ("Hours later,", "But") are skipped.
    pub(super) fn sentence_subject(&self, s0: usize, limit: usize) -> Option<(usize, usize)> {
        let mut a = s0;
        while a < limit && (self.at.is_mark(a) || self.at.lower_is(a, SENTENCE_OPENERS)) {
            a += 1;
        }
        // "Hours later, Trump …", "On Tuesday, Trump …": a short opener before a comma.
        if let Some(comma) = (a..(a + 5).min(limit)).find(|&i| self.at.sym(i) == b',') {
            let opener_has_name = (a..comma).any(|i| self.coref.names_any(self.at.tokens[i].span));
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
            let w = self.at.tok(i);
            w.bytes().all(|b| b.is_ascii_lowercase())
                && (w.len() > 3 && w.ends_with("ed")
                    || self.at.is(i, Class::AUXILIARY)
                    || self.at.lower_is(i, IRREGULAR_PAST))
        }) {
            e = v;
        }
        let span = self.at.span_of(s, e);
        let determiner = self.at.lower_is(s, DETERMINERS);
        let named = self.coref.names_any(span)
            || (e - s == 1 && self.at.lower_is(s, &["he", "she", "they", "it"]))
            || (e - s <= 5 && (s..e).all(|i| is_capitalized(self.at.tok(i))))
            || (determiner && (2..=4).contains(&(e - s)));
        let then_verb = e < limit
            && (self.at.sym(e) == b','
                || self.at.tokens[e].word && !is_capitalized(self.at.tok(e)));
        (named && then_verb).then_some((s, e))
    }
}
