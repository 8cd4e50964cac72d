//! Reported speech: the clause after a cue ("Lavrov emphasized that …"), a speaker after its
//! content ("The plan failed, said Jane Doe"), "according to X", and where the content ends.

use super::*;

impl<'a, 'b> Attributor<'a, 'b> {
    pub(super) fn reported(&mut self, ci: usize) -> Option<Attributed> {
        let cue = self.inp.cues[ci];
        if self.inside_quote(cue.span.start()).is_some() {
            return None;
        }
        let c = self.at.tokens.first_at_or_after(cue.span.start());
        // A cue is a word of its own: never inside a token ("a’added" is one word).
        if self
            .at
            .tokens
            .get(c)
            .map_or(true, |t| t.span.start() != cue.span.start())
        {
            return None;
        }
        let (s0, s_end) = self.at.sentence_tokens(cue.span.start());
        if !self.cue_is_verb(ci, c, s0) {
            return None;
        }
        if cue.class == CueClass::According {
            return self.according(ci, c, s0, s_end);
        }
        // A participle after a comma ("…, suggesting that") or a coordinated verb ("but
        // insisted that") shares its subject with the clause before.
        let word = self.at.tok(c);
        let participle = word.ends_with("ing")
            && c > s0
            && (self.at.sym(c - 1) == b','
                || self.at.lower_is(
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
        // A clause coordinated with its own subject ("…, and officials said") is a speech
        // act of its own even where an earlier content runs over it.
        let coordinated = subject.is_some_and(|(a, _)| a > s0 && self.at.is(a - 1, Class::AND_BUT));
        if !coordinated && self.inside_reported(cue.span, s0) {
            return None;
        }
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
            && self.at.sym(c - 1) == b','
        {
            // "The plan failed, said Rep. Jane Doe of Ohio.": content, comma, cue, speaker.
            let np = self.np_forward(c + 1, s_end).filter(|&(_, b)| {
                b >= s_end
                    || matches!(self.at.sym(b), b'.' | b',' | b';' | b'!' | b'?')
                    || self.at.lower_is(b, AFTER_SPEAKER)
            });
            if let Some((a, b)) = np {
                let mut e = c - 1;
                while e > s0 && self.is_separator(e - 1) {
                    e -= 1;
                }
                if e > s0 {
                    let speaker = Some(self.coref.resolve_np(a, b));
                    return Some(self.finish_reported(ci, self.at.span_of(s0, e), speaker, 0.75));
                }
            }
        }

        // Where the content starts: past a day ("said Friday it had …", "said on Friday
        // it had …", "said Thursday night").
        let mut k = c + 1;
        while k < s_end {
            let on = usize::from(self.at.lower_is(k, &["on"]));
            if k + on + 1 < s_end && self.at.is(k + on, Class::WEEKDAY) {
                k += on + 1;
                if self
                    .at
                    .lower_is(k, &["night", "morning", "afternoon", "evening"])
                    && k + 1 < s_end
                {
                    k += 1;
                }
                continue;
            }
            break;
        }
        let mut that = false;
        // A prepositional phrase may be long: "said in a video posted to the union's
        // website that".
        let look = if k < s_end && self.at.lower_is(k, CUE_PREPOSITIONS) {
            k + 12
        } else {
            k + 7
        }
        .min(s_end);
        if let Some(t) = (k..look).find(|&i| self.at.lower_is(i, &["that"])) {
            // "wrote in a note to clients that": a prepositional phrase may stand between;
            // a participle or a noun in it is no cue ("a video posted to …", "on a video
            // call from Ottawa").
            let prepositional = self.at.lower_is(k, CUE_PREPOSITIONS)
                && (k..t).all(|i| {
                    self.at.tokens[i].word
                        && !self.at.is(i, Class::AUXILIARY)
                        && (self.cue_at(i).is_none()
                            || self.at.lower_is(i - 1, ARTICLES)
                            || (i > k + 1
                                && (self.at.tok(i).ends_with("ed")
                                    || self.at.tok(i - 1).bytes().all(|b| b.is_ascii_lowercase())
                                        && !self.at.is(i - 1, Class::PRONOUN)
                                        && !self.at.is(i - 1, Class::STOP_WORD))))
                });
            if prepositional
                || (k..t).all(|i| {
                    self.at.is(i, Class::BRIDGING)
                        || is_capitalized(self.at.tok(i))
                        || (cue_takes_object(cue.lemma) && self.at.tokens[i].word)
                })
            {
                k = t + 1;
                that = true;
            }
        }
        // "told analysts the rules had cost …": the person addressed is not the content.
        if !that && cue.lemma == "tell" && k + 2 < s_end {
            if self.at.lower_is(
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
                    "jurors",
                    "delegates",
                    "residents",
                    "parents",
                    "fans",
                    "shareholders",
                    "councillors",
                ],
            ) {
                k += 1;
            } else if self.at.lower_is(k, &["the", "a"])
                && self.at.tokens[k + 1].word
                && self.at.tok(k + 1).bytes().all(|b| b.is_ascii_lowercase())
                && (self.at.is(k + 2, Class::PRONOUN)
                    || self.at.lower_is(k + 2, &["the", "a", "an"])
                    || is_capitalized(self.at.tok(k + 2)))
            {
                // "told the jury he had not worked", "told the court the man was armed".
                k += 2;
            } else if is_capitalized(self.at.tok(k)) && !self.at.is(k, Class::PRONOUN) {
                while k < s_end && is_capitalized(self.at.tok(k)) && self.at.tokens[k].word {
                    k += 1;
                }
            }
        }
        // A demand: "called for more flexibility", "called on Congress to act", "urged voters
        // to turn out".
        if !that && cue.lemma == "call" && k + 1 < s_end && self.at.lower_is(k, &["for", "on"]) {
            k += 1;
            that = true;
        } else if !that
            && matches!(
                cue.lemma,
                "urge" | "ask" | "encourage" | "implore" | "tell" | "warn" | "challenge"
            )
            && (k + 1..(k + 6).min(s_end)).any(|i| self.at.lower_is(i, &["to"]))
            && (k..(k + 6).min(s_end))
                .take_while(|&i| !self.at.lower_is(i, &["to"]))
                .all(|i| self.at.tokens[i].word && !self.at.lower_is(i, &["not", "never"]))
            // Someone is asked to do something: "asked not to be named" asks nobody.
            && k < s_end
            && !self.at.lower_is(k, &["to", "not", "never"])
        {
            that = true;
        }
        if !that
            && k < s_end
            && self
                .at
                .lower_is(k, &["whether", "if", "why", "how", "what", "when", "who"])
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
            && self.at.lower_is(
                k,
                &[
                    "if", "when", "because", "while", "after", "before", "unless", "until",
                    "whether", "how", "why", "what", "who",
                ],
            )
        {
            return None;
        }
        if k >= s_end || !self.at.tokens[k].word && !self.at.is_mark(k) {
            return None;
        }
        // "called for", "said so", "told to": not a reported clause. ("said about 1,200 homes" is.)
        let number_next =
            k + 1 < s_end && self.at.tok(k + 1).starts_with(|c: char| c.is_ascii_digit());
        if !that
            && self.at.lower_is(
                k,
                &[
                    "to", "for", "on", "off", "so", "of", "about", "by", "out", "up", "in", "into",
                    "with", "as", "not", "around", "over", "back", "down",
                ],
            )
            && !(number_next && self.at.lower_is(k, &["about"]))
        {
            return None;
        }
        let e = self.content_end(k, s_end);
        if e <= k {
            return None;
        }
        let mut content = Span::new(
            self.at.tokens[k].span.start(),
            self.at.tokens[e - 1].span.end(),
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
            Some(Referent {
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

    /// Whether `cue` lies inside what an earlier cue of its sentence (from token `s0`)
    /// reports: `Sorensen said she had told Okonkwo at halftime to be ready` is one quote,
    /// Sorensen's, not also one of "had told". (Inside a piece: in `The plan, Putin said,
    /// would fail` the cue between the pieces is the quote's own.)
    pub(super) fn inside_reported(&self, cue: Span, s0: usize) -> bool {
        let sentence_start = self.at.tokens[s0].span.start();
        let pos = cue.start().max(sentence_start);
        self.by_cue
            .range(sentence_start..pos)
            .rev()
            .take(8)
            .map(|(_, &i)| &self.out[i])
            .any(|q| {
                q.content.contains(cue)
                    && (q.parts.is_empty() || q.parts.iter().any(|p| p.contains(cue)))
            })
    }

    /// "The plant will close, officials said.": the content before the speaker's comma, when
    /// nothing but adverbials follows the cue.
    pub(super) fn trailing(
        &mut self,
        ci: usize,
        c: usize,
        a: usize,
        s0: usize,
        s_end: usize,
        speaker: Option<Referent>,
    ) -> Option<Attributed> {
        let cue = self.inp.cues[ci];
        if cue.class != CueClass::Clause || a <= s0 + 1 || self.at.sym(a - 1) != b',' {
            return None;
        }
        // After the cue only adverbials ("in a statement", "on Tuesday"), then the sentence's
        // end or a comma.
        let mut r = c + 1;
        while r < s_end
            && (self.at.is(r, Class::BRIDGING) && self.at.sym(r) != b','
                || is_capitalized(self.at.tok(r)))
        {
            r += 1;
        }
        if r < s_end && !matches!(self.at.sym(r), b',' | b'.' | b'!' | b'?' | b';') {
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
                .quote_index_at(self.at.tokens[k].span.start())
                .is_some_and(|q| self.direct_done[q])
        {
            k += 1;
        }
        if e <= k {
            return None;
        }
        let mut content = self.at.span_of(k, e);
        let mut parts = Vec::new();
        // "Though X, he said, Y": the content resumes after the attribution, and both halves
        // are one quote.
        if r + 1 < s_end && self.at.sym(r) == b',' && self.at.tokens[r + 1].word {
            let e2 = self.content_end(r + 1, s_end);
            if e2 > r + 1 {
                let second = self.at.span_of(r + 1, e2);
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
    pub(super) fn finish_reported(
        &mut self,
        ci: usize,
        content: Span,
        speaker: Option<Referent>,
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

    /// The entity a phrase of tokens `a..b` opens with in the possessive, where something
    /// follows it in the phrase: "CME Group" of "CME Group's FedWatch tool".
    fn possessor_at(&self, a: usize, b: usize) -> Option<crate::coref::Referent> {
        let (start, end) = (
            self.at.tokens[a].span.start(),
            self.at.tokens[b - 1].span.end(),
        );
        let m = &self.inp.entities.mentions;
        let i = m.partition_point(|x| x.span.start() < start);
        m[i..]
            .iter()
            .take_while(|x| x.span.start() == start)
            .find(|x| x.possessive && x.span.end() + 3 < end)
            .map(|x| crate::coref::Referent {
                span: x.span,
                entity: Some(x.entity),
            })
    }

    /// Where a phrase that names a document and goes on to say whose it is ends: tokens
    /// `a..b` hold a document noun ("figures", "results", "documents", "a tally"), then a
    /// participle or a preposition follows ("released by", "from", "filed in"). The phrase
    /// runs to the next comma or the sentence's end, at most 16 tokens on; `None` for any
    /// other phrase.
    fn document_phrase(&self, a: usize, b: usize, s_end: usize) -> Option<usize> {
        const DOCUMENTS: &[&str] = &[
            "figures",
            "data",
            "documents",
            "results",
            "numbers",
            "statistics",
            "records",
            "estimates",
            "report",
            "survey",
            "study",
            "poll",
            "tally",
            "summary",
            "analysis",
            "filings",
            "count",
            "projections",
            "calculations",
        ];
        let noun = (a..b).find(|&i| self.at.lower_is(i, DOCUMENTS))?;
        let next = noun + 1;
        let goes_on = next < s_end
            && (self.at.lower_is(
                next,
                &["by", "from", "in", "of", "on", "filed", "kept", "made"],
            ) || (self.at.tok(next).ends_with("ed") && self.at.tokens[next].word));
        if !goes_on {
            return None;
        }
        let limit = (next + 16).min(s_end);
        // Not the comma inside "3,000".
        let glued = |i: usize| {
            i > 0
                && i + 1 < self.at.tokens.len()
                && self.at.tokens[i - 1].span.end() == self.at.tokens[i].span.start()
                && self.at.tokens[i].span.end() == self.at.tokens[i + 1].span.start()
        };
        let end = (next..limit)
            .find(|&i| {
                (matches!(self.at.sym(i), b',' | b'.' | b';') && !glued(i)) || self.at.is_mark(i)
            })
            .unwrap_or(limit);
        (end > b).then_some(end)
    }

    /// "according to X, …" and "…, according to X".
    pub(super) fn according(
        &mut self,
        ci: usize,
        c: usize,
        s0: usize,
        s_end: usize,
    ) -> Option<Attributed> {
        let cue = self.inp.cues[ci];
        let np_start = c + 2;
        let (a, mut b) = self.np_forward(np_start, s_end)?;
        // "according to figures released by the Ministry of Health": a document and who made
        // it, as written up to the comma, is the source; no entity speaks.
        let document = self.document_phrase(a, b, s_end);
        if let Some(end) = document {
            b = end;
        }
        let mut speaker = if document.is_some() {
            Referent {
                span: self.at.span_of(a, b),
                entity: None,
            }
        } else {
            self.coref.resolve_np(a, b)
        };
        // "according to CME Group's FedWatch tool": the owner, where the phrase is no one's.
        if speaker.entity.is_none() && document.is_none() {
            if let Some(owner) = self.possessor_at(a, b) {
                speaker = owner;
            }
        }
        let leading = c - s0 <= 6
            && (s0..c).all(|i| !self.at.tokens[i].word || self.at.is(i, Class::ADVERB_OR_AUX));
        let content = if leading {
            // Leading: the content follows the source and its comma.
            let k = if b < s_end && self.at.sym(b) == b',' {
                b + 1
            } else {
                b
            };
            let e = self.content_end(k, s_end);
            (e > k).then(|| {
                Span::new(
                    self.at.tokens[k].span.start(),
                    self.at.tokens[e - 1].span.end(),
                )
            })?
        } else {
            let mut e = c;
            while e > s0
                && matches!(
                    self.at.sym(e - 1),
                    b',' | b'(' | sym::EM_DASH | sym::EN_DASH
                )
            {
                e -= 1;
            }
            // A reported clause is not longer than this; a runaway sentence is cut.
            let mut k = self.skip_dateline(s0.max(e.saturating_sub(MAX_CONTENT)), e);
            // Start after an earlier attribution in the sentence, if any.
            while k < e && self.at.is_mark(k) {
                k += 1;
            }
            (e > k).then(|| {
                Span::new(
                    self.at.tokens[k].span.start(),
                    self.at.tokens[e - 1].span.end(),
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

    /// The token just past the reported content that starts at `k`.
    pub(super) fn content_end(&self, k: usize, s_end: usize) -> usize {
        let s_end = s_end.min(k + MAX_CONTENT);
        let mut e = k;
        let mut depth = 0usize;
        while e < s_end {
            if self.in_quote(e) {
                e += 1;
                continue;
            }
            let sym = self.at.sym(e);
            if e > k && sym == 0 {
                // A word after a comma (perhaps inside closing marks: `"predator," reflecting`)
                // that opens a new clause ends the content.
                let mut p = e - 1;
                while p > k && self.at.is_mark(p) {
                    p -= 1;
                }
                if self.at.sym(p) == b',' && depth == 0 {
                    let w = self.at.tok(e);
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
                        self.at.is(e, Class::AND_BUT) && self.starts_attribution(e + 1, s_end);
                    if ing || cue_verb || new_speaker || self.at.is(e, Class::CLAUSE_OPENER) {
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
                    while n < s_end && self.at.is_mark(n) {
                        n += 1;
                    }
                    if n < s_end {
                        // A parenthetical attribution: ", he said," / ", Smith added".
                        if (n + 1..(n + 4).min(s_end)).any(|i| {
                            self.cue_at(i)
                                .is_some_and(|ci| self.inp.cues[ci].class != CueClass::According)
                                && (n..i).all(|j| {
                                    self.at.tokens[j].word && !self.at.is(j, Class::STOP_WORD)
                                        || self.at.is(j, Class::PRONOUN)
                                })
                        }) {
                            break;
                        }
                    }
                }
                // ("and" and "but" are three bytes: other words are not looked up.)
                0 if self.at.tokens[e].span.len() == 3 && self.at.is(e, Class::AND_BUT) => {
                    let mut n = e + 1;
                    while n < s_end && self.at.is(n, Class::ADVERB_OR_AUX) {
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
    pub(super) fn skip_dateline(&self, k: usize, e: usize) -> usize {
        let first = self.at.tok(k);
        let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !first.chars().any(|c| c.is_lowercase());
        if !capitals {
            return k;
        }
        (k + 1..(k + 8).min(e))
            .find(|&i| matches!(self.at.tok(i), "—" | "–" | "--"))
            .map_or(k, |dash| dash + 1)
    }

    /// Whether the words from `i` are a subject and its cue: "President Macron wrote", "several
    /// policymakers have suggested".
    pub(super) fn starts_attribution(&self, i: usize, s_end: usize) -> bool {
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
            self.at.tokens[j].word
                && (!self.at.is(j, Class::STOP_WORD) || self.at.is(j, Class::ADVERB_OR_AUX))
        })
    }

    /// Punctuation that ends or separates clauses, never part of reported content's edges.
    pub(super) fn is_separator(&self, i: usize) -> bool {
        matches!(
            self.at.sym(i),
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
}
