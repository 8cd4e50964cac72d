//! The passes that infer people and organizations the gazetteer lacks, in the order `resolve`
//! runs them: capitalized runs with an organization or place head, a title or role before a
//! name, an apposition, the subject of a cue, a run starting with a known given name; then
//! unions' locals and unknown acronyms. Places by where they stand are in `places.rs`;
//! organizations and places the article describes in `described.rs`; the surnames and
//! genders of the people named in full in `people.rs`; what each token is (name word, head,
//! ...) in `shape.rs`.

use super::shape::bit;
use super::*;

impl Resolver<'_> {
    /// "Deputy Representative Dmitry Polyanskiy", "Mayor Jane Doe", "Foreign Minister Sergei Lavrov".
    pub(super) fn infer_from_titles(&mut self, titles: &[TitleRef]) {
        for t in titles.iter().filter(|t| t.before_name) {
            let role_text = &self.text[t.span.range()];
            let role_at = t.span;
            let next = self.tokens.first_at_or_after(t.span.end());
            if next >= self.tokens.len() {
                continue;
            }
            if let Some(m) = self.mention_at_tok(next).copied() {
                self.titled_is_person(m, next);
                if self.list[m.entity as usize].kind == EntityKind::Person {
                    self.add_role(m.entity, role_at);
                }
                continue;
            }
            // A title says a month name is a given name: "City Comptroller May Lindqvist".
            let month_name = matches!(self.tok(next), "May" | "June" | "April" | "August")
                && next + 1 < self.tokens.len()
                && self.tokens[next + 1].word
                && self.name_word(next + 1);
            let mut n = if month_name {
                let rest = self.name_run(next + 1, 3);
                if rest > 0 {
                    rest + 1
                } else {
                    0
                }
            } else {
                self.name_run(next, 4)
            };
            // "Gov. Mark Dayton": a given name, then a place that is the surname.
            if n == 1 && self.given_then_place(next) {
                n = 2 + self.suffix_at(next + 2);
                self.unplaced.push(self.tokens[next + 1].span);
            }
            // "Mayor Smith", but not a headline's "Former Charity Director Sentenced to …",
            // where every word is capitalized.
            let capital_role = is_capitalized(role_text) && !self.in_title_case_line(next);
            if n >= 2 || (n == 1 && capital_role) {
                let role = match t.target {
                    TitleTarget::Role(r)
                        if crate::role::is_honorific(crate::role::ROLES[r as usize]) =>
                    {
                        None
                    }
                    _ => Some(role_at),
                };
                self.infer_titled(next, n, role);
                // An honorific is no role, but it says "he" or "she". (Its lowercase text is
                // staged to be read, then dropped.)
                let staged = self.stage_role(role_at);
                let gender = names::role_gender(&self.role_text[staged.range()]);
                self.role_text.truncate(staged.start());
                if let Some(m) = self.mention_at_tok(next).copied() {
                    let e = &mut self.list[m.entity as usize];
                    if e.gender.is_none() {
                        e.gender = gender;
                    }
                }
            }
        }
        self.drop_unplaced();
    }

    /// A title or role says that mention `m`, an organization a head made of a given name and
    /// that head at tokens `i..i + 2`, is a person: "Defence lawyer Brian Church", "Brian
    /// Church, a defence lawyer".
    fn titled_is_person(&mut self, m: MentionData, i: usize) {
        let e = &self.list[m.entity as usize];
        if e.kind == EntityKind::Organization
            && matches!(e.origin, Origin::Inferred(_))
            && self.two_word_name(i, m.span)
            && crate::given_names::given_name(self.tok(i)).is_some_and(|g| !g.is_word())
        {
            self.list[m.entity as usize].kind = EntityKind::Person;
        }
    }

    /// Whether `span` is a name of two words from token `i` on, the first of which may be
    /// hyphenated: "Brian Church", "Kerry-Anne Power".
    pub(super) fn two_word_name(&self, i: usize, span: Span) -> bool {
        let hyphenated = i + 3 < self.tokens.len()
            && self.tok(i + 1) == "-"
            && self.tokens[i + 2].word
            && self.upper(i + 2);
        (i + 2 <= self.tokens.len() && span == self.span_of(i, 2))
            || (hyphenated && span == self.span_of(i, 4))
    }

    /// "Dmitry Polyanskiy, a deputy representative from Russia": a name, a comma, then within
    /// a few words a role.
    pub(super) fn infer_from_appositions(&mut self, titles: &[TitleRef]) {
        for t in titles {
            let Some(first) = self.token_at(t.span.start()) else {
                continue;
            };
            // Walk back over the apposition's opening words to a comma.
            let mut j = first;
            let mut steps = 0;
            while j > 0 && steps < 5 {
                let w = self.tok(j - 1);
                if w == "," {
                    break;
                }
                if !self.tokens[j - 1].word
                    || self.text[self.tokens[j - 1].span.end()..self.tokens[j].span.start()]
                        .contains('\n')
                {
                    steps = 5;
                    break;
                }
                j -= 1;
                steps += 1;
            }
            if steps >= 5 || j == 0 || self.tok(j - 1) != "," {
                continue;
            }
            let opener = if j < first { self.tok(j) } else { "" };
            let determiner = DETERMINERS
                .iter()
                .chain(&["former"])
                .any(|d| d.eq_ignore_ascii_case(opener))
                || opener.ends_with("'s")
                || opener.ends_with("’s");
            if j < first && !determiner {
                continue;
            }
            let comma = j - 1;
            if comma == 0 {
                continue;
            }
            if let Some(m) = self.mention_at_tok(comma - 1).copied() {
                if comma >= 2 {
                    self.titled_is_person(m, comma - 2);
                }
                if self.list[m.entity as usize].kind == EntityKind::Person {
                    self.add_role(m.entity, t.span);
                }
                continue;
            }
            // The name ends just before the comma: find where it starts.
            let start = self.name_start(comma);
            let n = comma - start;
            if n >= 2 {
                self.infer_titled(start, n, Some(t.span));
            }
        }
    }

    /// "Jane Doe said", "said Jane Doe": a full name next to a cue.
    pub(super) fn infer_from_cues(&mut self, cues: &[Cue]) {
        for cue in cues.iter().filter(|c| c.class != CueClass::According) {
            let Some(c) = self.token_at(cue.span.start()) else {
                continue;
            };
            if self.tokens[c].span.start() != cue.span.start() {
                continue;
            }
            // A time between subject and verb: "Acme on Wednesday reported".
            let mut j = c;
            if j >= 2 && is_capitalized_weekday(self.tok(j - 1)) {
                j -= 1;
                if ["on", "last", "this"].contains(&self.tok(j - 1)) {
                    j -= 1;
                }
            }
            // Subject before the cue, or a name between commas: "the bank's economist, Ruth
            // Adler, said".
            while j > 0 && is_adverb_or_aux(self.tok(j - 1)) {
                j -= 1;
            }
            // "Tom Cleveland said": a given name, then a place that is the surname.
            if j >= 2 && self.given_then_place(j - 2) && !(j >= 3 && self.name_word(j - 3)) {
                self.unplaced.push(self.tokens[j - 1].span);
                self.infer(j - 2, 2 + self.suffix_at(j), None);
                continue;
            }
            let between_commas = j > 0 && self.tok(j - 1) == ",";
            if between_commas {
                j -= 1;
            }
            let start = self.name_start(j);
            // A name before a comma is a subject only inside an apposition: "the bank's
            // economist, Ruth Adler, said", "the jury president, the actor Mette Holm, said".
            let enclosed = !between_commas
                || (start.saturating_sub(6)..start)
                    .rev()
                    .any(|i| self.tok(i) == ",");
            // "an analyst at Piper Sandler, said": a name after a preposition is no subject.
            let after_preposition = start > 0
                && matches!(
                    self.tok(start - 1),
                    "at" | "of" | "for" | "from" | "with" | "in" | "on" | "by" | "to"
                );
            if j - start >= 2
                && enclosed
                && !after_preposition
                && !self.covered_run(start, j - start)
            {
                // Title words no list has before a common given name and a surname:
                // "Curator Layla al-Hashimi", "Township Supervisor Marisol Estrada".
                let given = (start + 1..j - 1).find(|&k| {
                    crate::given_names::is_common_given_name(self.tok(k))
                        && (start..k).all(|t| {
                            self.tokens[t].word
                                && crate::given_names::given_name(self.tok(t)).is_none()
                        })
                });
                match given {
                    Some(k) => self.infer(k, j - k, Some(self.span_of(start, k - start))),
                    None => self.infer(start, j - start, None),
                }
                continue;
            }
            // Subject after the cue: "said Jane Doe".
            if cue.lemma == "say"
                || cue.lemma == "add"
                || cue.lemma == "tell"
                || cue.lemma == "write"
            {
                // Past a title: "said Rep. G.K. Butterfield".
                let mut s = c + 1;
                while s < self.tokens.len() && self.in_title_at(s) {
                    s += 1;
                }
                let mut n = self.name_run(s, 4);
                if n == 1 && self.given_then_place(s) {
                    n = 2 + self.suffix_at(s + 2);
                    self.unplaced.push(self.tokens[s + 1].span);
                }
                if n >= 2 || (n == 1 && s > c + 1) {
                    self.infer(s, n, None);
                }
            }
        }
        self.drop_unplaced();
    }

    /// Where the name ending just before token `end` starts: name words back from there
    /// (six tokens at most), and over a hyphen inside the name, where a name run cannot
    /// start ("Jean-Luc Picard said", "Gareth Lloyd-Pryce, a councillor,"). `end` itself
    /// where no name ends there.
    pub(super) fn name_start(&self, end: usize) -> usize {
        let glued = |a: usize| self.tokens[a].span.end() == self.tokens[a + 1].span.start();
        let mut start = end;
        loop {
            while start > 0 && end - start < 6 {
                let n = self.name_run(start - 1, end - start + 1);
                if n == end - start + 1 {
                    start -= 1;
                } else {
                    break;
                }
            }
            let hyphen = start >= 2
                && start < end
                && end - start < 5
                && self.tok(start - 1) == "-"
                && glued(start - 2)
                && glued(start - 1)
                && self.tokens[start - 2].word
                && (self.upper(start - 2)
                    || crate::words::PARTICLES.contains(&self.tok(start - 2)));
            if !hyphen {
                return start;
            }
            start -= 2;
        }
    }

    /// "Gail Hutchins", "Priya Natarajan", "Mary K. Lindqvist": a known given name and one
    /// to three more name words, with no context needed. A given name that is also a word
    /// ("Will", "Grant", "May") needs the contexts of the passes before; so do names in a
    /// headline, where every word is capitalized, and a run ending in a place or
    /// organization head is that place or organization ("Sam Whitaker Stadium").
    pub(super) fn infer_from_given_names(&mut self) {
        // Read from the text only once a candidate asks: some articles have none.
        let mut speakers: Option<Vec<&str>> = None;
        let mut speaking = |w: &str| {
            let speakers = speakers.get_or_insert_with(|| speaking_words(self.text));
            speakers.binary_search(&w).is_ok()
        };
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c;
            let t = self.tokens[i];
            // Looked up only for capitalized words before another (or a hyphen): a name has
            // two words at least, and the list is the costliest test here.
            let two = self.tokens.get(i + 1).is_some_and(|n| {
                n.sym == b'-'
                    || self.upper(i + 1)
                    || (n.word && crate::words::PARTICLES.contains(&n.text(self.text)))
            });
            let given = (two && self.name_word(i))
                .then(|| {
                    let w = t.text(self.text);
                    let first = w.split(['-', '’', '\'']).next().unwrap_or(w);
                    crate::given_names::given_name(first)
                })
                .flatten();
            // Not the middle of a longer name: a name word right before it, in the same
            // clause and outside a title.
            // (A party before a name is no part of it: "Liberal Priya Sethi-Morrison".)
            let inside_name = i > 0
                && self.name_word(i - 1)
                && !self.in_title_at(i - 1)
                && !self
                    .mention_at_tok(i - 1)
                    .is_some_and(|m| self.list[m.entity as usize].kind == EntityKind::Organization)
                && !self.text[self.tokens[i - 1].span.end()..t.span.start()]
                    .contains(['\n', ',', ';', ':']);
            // A first name no list has, before a surname the article goes on to use alone as
            // a speaker's: "Elisapee Tunnuq sold her prints … Tunnuq said".
            let unlisted = given.is_none()
                && !inside_name
                && two
                && self.name_word(i)
                && !self.covered_tok(i)
                && !self.in_title_at(i)
                && self.name_run(i, 2) == 2
                && self.tokens[i + 1].word
                && kind_of_name(self.tok(i + 1)) == EntityKind::Person
                && speaking(self.tok(i + 1));
            let starts = (given.is_some() || unlisted) && !inside_name;
            // A place that is also a given name, before a name word, is a person's name:
            // "Jordan Ellis", "Georgia Watts".
            let place_name = starts
                && given.is_some_and(|g| !g.is_word())
                && self.past_place(i) == Some(i + 1)
                && i + 1 < self.tokens.len()
                && self.name_word(i + 1)
                && kind_of_name(self.tok(i + 1)) == EntityKind::Person
                && !self.covered_tok(i + 1);
            if !starts || (self.covered_tok(i) && !place_name) || self.in_title_at(i) {
                i += 1;
                continue;
            }
            let mut n = if place_name {
                let rest = self.name_run(i + 1, 3);
                rest + 1
            } else {
                self.name_run(i, 4)
            };
            // A place right after a given name is the person's surname: "Mark Dayton",
            // "Neil Jordan", "Sarah Houston".
            // A hyphenated given name too: "Ji-woo Han".
            let given_words = n == 1 || (n == 3 && self.tok(i + 1) == "-");
            let surname_place =
                given_words && given.is_some_and(|g| !g.is_word()) && self.place_surname(i + n);
            if surname_place {
                n = n + 1 + self.suffix_at(i + n + 1);
            }
            // A given name that is also a word ("Will", "Hope", "Golden", "Colleen") starts a
            // name only where the article goes on to use its last word alone, as it does a
            // surname ("Colleen Driscoll … Driscoll said"; not "the Golden Lynx").
            let word_name = given.is_some_and(|g| g.is_word());
            // In a headline, a name whose surname the article goes on to use alone as a
            // speaker's: "Officer who shot Jordan Sakanee tells inquest …".
            let headline = n >= 2
                && self.in_title_case_line(i)
                && !(given.is_some_and(|g| !g.is_word()) && speaking(self.tok(i + n - 1)));
            if n < 2
                || headline
                || (word_name
                    && !self.age_after(i + n)
                    && !self.spouse_after(i + n)
                    && !self.person_apposition_after(i + n)
                    && !self.used_alone(self.tokens[i + n - 1].span))
            {
                i += n.max(1);
                continue;
            }
            // "Gerald Ratt of Stanley Mission": after a person and "of", where they are from
            // or work, not another person.
            let of_person = i >= 2
                && self.tok(i - 1) == "of"
                && self
                    .mention_at_tok(i - 2)
                    .is_some_and(|m| self.list[m.entity as usize].kind == EntityKind::Person);
            // "a band councillor in Stanley Mission": after "in", "near" or "outside", a
            // place, not a person.
            let placed = i >= 1 && matches!(self.tok(i - 1), "in" | "near" | "outside");
            let possessive = crate::text::possessive_len(self.text, self.span_of(i, n).end()) > 0;
            if of_person || (placed && !possessive) {
                i += n;
                continue;
            }
            // "an analyst at Piper Sandler": after "at", a firm, not a person; but for a
            // person an age follows ("fired twice at Kwame Osei-Bonsu, 34,").
            let mut kind = self.kind_of_run(i, n);
            if kind == EntityKind::Person
                && !possessive
                && i > 0
                && self.tok(i - 1) == "at"
                && !self.age_after(i + n)
            {
                kind = EntityKind::Organization;
            }
            if place_name {
                self.unplaced.push(t.span);
            }
            if surname_place {
                self.unplaced
                    .push(self.tokens[i + n - 1 - self.suffix_at(i + n - 1)].span);
            }
            self.infer_kind(i, n, None, kind);
            i += n;
        }
        self.drop_unplaced();
    }

    /// Organizations and places named by a capitalized run with a head word, known given
    /// name or not: "Halvorsen Foods Inc.", "Harbor City FC", "University of Leeds",
    /// "Canadian Union of Public Employees", "Kessler River". A run may start with a place or
    /// nationality the gazetteer knows: then the whole run is the organization ("Halifax
    /// Regional Police", "Toronto Maple Leafs", a place and a capitalized plural: a team), and
    /// the place is not mentioned there. An acronym in parentheses right after an
    /// organization ("(CUPE)") is a name of it too.
    pub(super) fn infer_from_heads(&mut self) {
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c;
            let run = if self.numbered_road(i) && !self.covered_run(i, 2) {
                Ok((2, EntityKind::Location))
            } else {
                self.headed_run(i)
            };
            let (n, kind) = match run {
                Ok(run) => run,
                Err(next) => {
                    i = next.max(i + 1);
                    continue;
                }
            };
            let span = self.span_of(i, n);
            if self.covered_run(i, n) {
                self.unplaced.push(span);
            }
            self.infer_kind(i, n, None, kind);
            if kind == EntityKind::Organization {
                self.acronym_after(i, n);
                self.short_form(span);
            }
            i += n;
        }
        self.drop_unplaced();
    }

    /// An acronym of three to six capitals that the article writes in running text, that is
    /// no known name and no word of [`NOT_ORG_ACRONYMS`], is an organization: "TSU", "FRHA".
    /// Every use of it is the same one; an acronym the article defined in parentheses is
    /// already that organization's ([`Self::acronym_after`]) and is passed over as covered.
    ///
    /// [`NOT_ORG_ACRONYMS`]: crate::words::NOT_ORG_ACRONYMS
    pub(super) fn infer_acronyms(&mut self) {
        let tokens = self.tokens;
        for &i in tokens.caps() {
            let i = i as usize;
            let t = self.tokens[i];
            if !self.acronym(i) || !(3..=6).contains(&t.span.len()) {
                continue;
            }
            let w = self.tok(i);
            let roman = w.bytes().all(|b| b"IVXLCDM".contains(&b));
            // A word of an all-capital phrase ("KANSAS CITY", "AMERICAN LEAGUE") or a month
            // or weekday in capitals is no acronym.
            let caps_word = |k: usize| self.acronym(k);
            let in_caps =
                (i > 0 && caps_word(i - 1)) || (i + 1 < self.tokens.len() && caps_word(i + 1));
            if roman || in_caps || crate::words::is_not_org_acronym(w) {
                continue;
            }
            // The word in title case ("AUGUST" as "August"), on the stack: at most 6 bytes.
            let mut title = [0u8; 6];
            title[..w.len()].copy_from_slice(w.as_bytes());
            title[1..w.len()].make_ascii_lowercase();
            let title = std::str::from_utf8(&title[..w.len()]).unwrap_or(w);
            if crate::words::is_not_name(title) || self.covered_tok(i) || self.in_title_case_line(i)
            {
                continue;
            }
            self.infer_kind(i, 1, None, EntityKind::Organization);
        }
    }

    /// A first test of token `i`, by its first byte only: false for a word that starts with
    /// an ASCII lowercase letter, a digit or a mark, which most tokens do. Passes that look
    /// only at capitalized words skip the rest of the tokens at this cost.
    #[inline]
    pub(super) fn may_be_capitalized(&self, i: usize) -> bool {
        self.is(i, bit::CAP)
    }

    /// Drops the place and nationality mentions inside the spans of `unplaced` (in text order,
    /// disjoint): names that turned out to be part of a longer one, in one pass.
    pub(super) fn drop_unplaced(&mut self) {
        if self.unplaced.is_empty() {
            return;
        }
        let (list, unplaced, tokens) = (&self.list, &self.unplaced, self.tokens);
        let cover = &mut self.cover;
        self.mentions.retain(|m| {
            let k = unplaced.partition_point(|u| u.end() <= m.span.start());
            let inside = unplaced.get(k).is_some_and(|u| u.contains(m.span));
            let drop = inside
                && matches!(
                    list[m.entity as usize].kind,
                    EntityKind::Location | EntityKind::Nationality
                );
            if drop {
                unmark_cover(cover, tokens, m.span);
            }
            !drop
        });
        self.unplaced.clear();
    }

    /// The capitalized run at token `i` that a head word makes an organization or a place:
    /// its length in tokens and its kind; else the token to look at next (a run without a
    /// usable head has none inside it either, so the caller skips it whole).
    pub(super) fn headed_run(&self, i: usize) -> Result<(usize, EntityKind), usize> {
        // A role word right before a head is part of the name: "Premier League", "Justice
        // Department", "Queen Street".
        // Inside a run, a role word a few capitalized words before a head is part of the
        // name too: "Elmwood Volunteer Fire Department".
        let head_soon = |j: usize| {
            (j + 1..(j + 4).min(self.tokens.len()))
                .take_while(|&k| self.upper(k))
                .any(|k| self.shape(k) & (bit::ORG_HEAD | bit::PLACE_HEAD) != 0)
        };
        let titled = |j: usize| {
            self.in_title_at(j)
                && !(j + 1 < self.tokens.len()
                    && (self.shape(j + 1) & (bit::ORG_HEAD | bit::PLACE_HEAD) != 0
                        || self.possessive_before_head(j + 1)
                        || (j > i && head_soon(j))))
        };
        let t = self.tokens[i];
        let w = t.text(self.text);
        if !self.upper(i) || titled(i) {
            return Err(i + 1);
        }
        // A known place or nationality may open the run; any other known name ends it.
        let mut j = i;
        let (mut known_start, mut team_place) = (false, false);
        if self.covered_tok(i) {
            j = self.past_place(i).ok_or(i + 1)?;
            known_start = true;
            // "Jordan Ellis" is no team: a place that is also a given name does not open
            // one.
            // "the Kingston Frontenacs": no person's name follows "the".
            team_place = j > i + 1
                || crate::given_names::given_name(w).is_none()
                || (i > 0 && self.tok(i - 1) == "the");
        } else if !self.name_word(i) && !self.acronym(i) && !self.possessive_before_head(i) {
            return Err(i + 1);
        }
        // "Hamilton, Ottawa and Peel Region": a known place and "and" open no name.
        let place_end = if known_start { j } else { usize::MAX };
        let (mut end, mut kind, mut words) = (j, None, j - i);
        let (mut after_of, mut after_hyphen) = (false, false);
        while j < self.tokens.len() && j - i < 9 {
            let t = self.tokens[j];
            let w = t.text(self.text);
            // A possessive right before a head is part of the name: "St. Vincent's
            // Hospital", "Attorney's Office", "Queen's Park", "Nurses' Association"; not
            // after a person's given name ("Jane Smith's Main Street"), unless a head came
            // first ("Calder County District Attorney's Office").
            // (A common given name: "Saint", which a few bear, opens "Saint Mary's University".)
            let person = || {
                crate::given_names::given_name(self.tok(i)).is_some_and(|g| g.bearers() >= 10_000)
            };
            if self.possessive_before_head(j) && (kind.is_some() || !person()) {
                words += usize::from(t.word);
                j += 1;
                continue;
            }
            // A hyphen inside a word of the name: "Agri-Food", "Hewlett-Packard". What follows
            // it is no head: "Monica Reyes-Hall" is no hall.
            let glued = |a: usize| self.tokens[a].span.end() == self.tokens[a + 1].span.start();
            if w == "-" && j > i && j + 1 < self.tokens.len() && glued(j - 1) && glued(j) {
                if self.upper(j + 1) && !self.covered_tok(j + 1) {
                    j += 1;
                    after_hyphen = true;
                    continue;
                }
                break;
            }
            // The common end of a run, a lowercase word, at the cost of one byte.
            if !self.may_be_capitalized(j) && !matches!(w, "of" | "for" | "and" | "&" | ",") {
                break;
            }
            if j > i && self.text[self.tokens[j - 1].span.end()..t.span.start()].contains('\n') {
                break;
            }
            // A union's local ends the union's name here; [`Self::union_locals`] adds it.
            if w == "Local" && self.local_number_at(j) {
                break;
            }

            if after_of {
                // "University of Toronto": a known place after "of" is part of the name.
                if let Some(past) = self.past_place(j) {
                    (j, end, kind) = (past, past, Some(EntityKind::Organization));
                    words += 1;
                    continue;
                }
            }
            let mut shape = self.shape(j);
            if std::mem::take(&mut after_hyphen) {
                shape &= !(bit::ORG_HEAD | bit::PLACE_HEAD);
            }
            // "United" ends a club's name ("Lisnagree United"), but opens others ("United
            // Food and Commercial Workers").
            let org_head = shape & bit::ORG_HEAD != 0 && !(j == i && w == "United");
            let name = shape & (bit::ORG_HEAD | bit::NAME | bit::ACRONYM) != 0;
            if name && !self.covered_tok(j) && !titled(j) {
                words += 1;
                j += 1;
                if org_head {
                    (end, kind) = (j, Some(EntityKind::Organization));
                } else if shape & bit::PLACE_HEAD != 0 && !after_of {
                    (end, kind) = (j, Some(EntityKind::Location));
                } else if after_of || (known_start && team_place && w.len() > 3 && w.ends_with('s'))
                {
                    // "University of Leeds"; "Toronto Maple Leafs".
                    if after_of || kind.is_none() {
                        (end, kind) = (j, Some(EntityKind::Organization));
                    }
                }
                // A possessive head ends the name: "Saint John Regional Hospital's".
                if shape & bit::POSSESSIVE != 0 {
                    break;
                }
                continue;
            }
            // "of", "for", "and", "&" between capitalized words: "Bank of Canada",
            // "United Food and Commercial Workers".
            let next_capitalized = j + 1 < self.tokens.len()
                && self.upper(j + 1)
                && (!self.covered_tok(j + 1) || self.past_place(j + 1).is_some());
            let org = kind == Some(EntityKind::Organization);
            let joins = match w {
                // Not after a legal suffix: "Bellweather Holdings LLC of Princeton".
                "of" | "for" => org && !crate::words::LEGAL_SUFFIXES.contains(&self.tok(j - 1)),
                // "United Food and Commercial Workers"; after "of", a list of what the body
                // is for, but no known place ("University of Leeds and Oxford"):
                // "Department of Health and Human Services", "Ministry of Agriculture, Food
                // and Rural Affairs".
                "and" | "&" => {
                    (kind.is_none() && j != place_end)
                        || (after_of && j + 1 < self.tokens.len() && !self.covered_tok(j + 1))
                }
                "," => after_of && self.list_goes_on(j),
                _ => false,
            };
            if words > 0 && next_capitalized && joins {
                after_of = org;
                j += 1;
                continue;
            }
            // "Ministry of the Interior", "Canada Council for the Arts".
            let the_next = j + 2 < self.tokens.len()
                && self.tok(j + 1) == "the"
                && self.upper(j + 2)
                && !self.covered_tok(j + 2);
            if words > 0 && matches!(w, "of" | "for") && joins && the_next {
                after_of = true;
                j += 2;
                continue;
            }
            break;
        }
        let Some(kind) = kind else {
            return Err(j);
        };
        // A lowercase legal suffix ends the name: "Saltmarsh Port Holdings plc".
        if kind == EntityKind::Organization
            && end == j
            && self
                .tokens
                .get(j)
                .is_some_and(|t| t.word && t.span.start() == self.tokens[j - 1].span.end() + 1)
            && self.tok(j) == "plc"
        {
            end += 1;
            j += 1;
        }
        // A head alone is a common noun ("Police said"). A run going on past its head
        // ("Lausanne International Film Festival") is not cut at the head: what it names is
        // unclear. Nor are headlines read, where every word is capitalized.
        let n = end - i;
        if n >= 2 && end == j && !self.in_title_case_line(i) && !self.person_like_place(i, n, kind)
        {
            Ok((n, kind))
        } else {
            Err(j)
        }
    }

    /// Whether token `j` is a possessive inside a name, right before a head one space on: a
    /// capitalized word ending in "'s" that no mention covers, or the apostrophe after a
    /// plural ("Nurses' Association").
    fn possessive_before_head(&self, j: usize) -> bool {
        let Some(next) = self.tokens.get(j + 1) else {
            return false;
        };
        // Most words are before no head: one byte answers them first.
        if self.shape(j + 1) & (bit::ORG_HEAD | bit::PLACE_HEAD) == 0 {
            return false;
        }
        let t = self.tokens[j];
        let w = t.text(self.text);
        let possessive = if t.word {
            self.is(j, bit::UPPER | bit::POSSESSIVE) && !self.covered_tok(j)
        } else {
            matches!(w, "'" | "’")
                && j > 0
                && self.tokens[j - 1].span.end() == t.span.start()
                && self.tok(j - 1).ends_with('s')
        };
        possessive && t.span.end() + 1 == next.span.start()
    }

    /// Whether an apposition that describes a person follows at token `j`: a comma, "a" or
    /// "an" and a lowercase word, and no noun of an organization or a place ("Jasmine
    /// Lagimodière, a bartender who …", not "Golden Acres, a community of …").
    fn person_apposition_after(&self, j: usize) -> bool {
        j + 2 < self.tokens.len()
            && self.tok(j) == ","
            && matches!(self.tok(j + 1), "a" | "an")
            && self.tokens[j + 2].word
            && self
                .tok(j + 2)
                .starts_with(|c: char| c.is_ascii_lowercase())
            && self.apposition_kind_after(j).is_none()
    }

    /// Whether a spouse follows at token `j`: "and his wife" or "and her husband", as in
    /// "Tony Ferreira and his wife, Linda Ferreira,".
    fn spouse_after(&self, j: usize) -> bool {
        j + 2 < self.tokens.len()
            && self.tok(j) == "and"
            && matches!(self.tok(j + 1), "his" | "her")
            && matches!(self.tok(j + 2), "wife" | "husband")
    }

    /// Whether an age in commas follows at token `j`: ", 61," as in "Tom Brandt, 61, said".
    pub(super) fn age_after(&self, j: usize) -> bool {
        j + 2 < self.tokens.len()
            && self.tok(j) == ","
            && self.tok(j + 2) == ","
            && (1..=3).contains(&self.tok(j + 1).len())
            && self.tok(j + 1).bytes().all(|b| b.is_ascii_digit())
    }

    /// Whether token `j` is "Local" and the next a number, one space on: a union's local.
    fn local_number_at(&self, j: usize) -> bool {
        j + 1 < self.tokens.len()
            && self.tok(j) == "Local"
            && self.tokens[j].span.end() + 1 == self.tokens[j + 1].span.start()
            && self.tok(j + 1).len() <= 6
            && self.tok(j + 1).bytes().all(|b| b.is_ascii_digit())
    }

    /// A union's local is an organization of its own, named by the union's name, "Local" and
    /// its number: "Amalgamated Transit Union Local 1385", "CUPE Local 2210". Reads the
    /// flushed mentions, in one pass.
    pub(super) fn union_locals(&mut self) {
        let mut found: Vec<(usize, Span)> = Vec::new();
        for (k, m) in self.mentions.iter().enumerate() {
            if self.list[m.entity as usize].kind != EntityKind::Organization || m.possessive {
                continue;
            }
            // "Local" one space on, at a byte test first.
            if !self.text[m.span.end()..].starts_with(" Local ") {
                continue;
            }
            let Some(j) = self.token_at(m.span.end() + 1) else {
                continue;
            };
            if self.local_number_at(j) {
                found.push((k, Span::new(m.span.start(), self.tokens[j + 1].span.end())));
            }
        }
        self.replace_by_inferred(&found, EntityKind::Organization);
    }

    /// Whether the comma at token `j`, inside the "of" part of an organization's name, goes on
    /// to the name's last item: capitalized words and commas, then "and" and a capitalized
    /// word ("Agriculture, Food and Rural Affairs"), within a few tokens.
    fn list_goes_on(&self, j: usize) -> bool {
        let mut k = j + 1;
        while k < self.tokens.len() && k < j + 8 {
            match self.tok(k) {
                "and" | "&" => return k + 1 < self.tokens.len() && self.upper(k + 1),
                "," => {}
                _ if self.name_word(k) && !self.covered_tok(k) => {}
                _ => return false,
            }
            k += 1;
        }
        false
    }

    /// An organization is the same entity named by its short forms ("Halvorsen Foods" of
    /// "Halvorsen Foods Inc.", "Granite State" of "Granite State Capital Holdings";
    /// [`names::org_short_forms`]), so that a later pass inferring one of them ("Granite
    /// State said") finds the organization rather than making a person of it. Only forms of
    /// two words or more: one word may be a person's surname too ("Mr. Halvorsen" of
    /// Halvorsen Foods), which the later search for further mentions weighs.
    pub(super) fn short_form(&mut self, span: Span) {
        let name = normalized(&self.text[span.range()]);
        let Some(&entity) = self.by_name.get(name.as_ref()) else {
            return;
        };
        let by_name = &mut self.by_name;
        names::org_short_forms(&name, |a, b| {
            let short = &name[a..b];
            if short.contains(' ') && !by_name.contains_key(short) {
                by_name.insert(short.to_string(), entity);
            }
        });
    }

    /// 1 where token `j` is a name suffix one space after the token before ("Jr.", "III"),
    /// else 0.
    pub(super) fn suffix_at(&self, j: usize) -> usize {
        let Some(t) = self.tokens.get(j) else {
            return 0;
        };
        let suffix = t.word
            && self.text[self.tokens[j - 1].span.end()..t.span.start()] == *" "
            && crate::words::NAME_SUFFIXES.contains(&t.text(self.text));
        usize::from(suffix)
    }

    /// The token after a place or nationality mention that starts at token `i`, if one does.
    pub(super) fn past_place(&self, i: usize) -> Option<usize> {
        let start = self.tokens[i].span.start();
        let m = self.mention_at_tok(i)?;
        let kind = self.list[m.entity as usize].kind;
        if !matches!(kind, EntityKind::Location | EntityKind::Nationality)
            || m.span.start() != start
        {
            return None;
        }
        let end = m.span.end();
        let mut j = i;
        while j < self.tokens.len() && self.tokens[j].span.end() <= end {
            j += 1;
        }
        // A mention ending inside the token is not a place the run can step over.
        (j > i).then_some(j)
    }

    /// An acronym in parentheses right after the organization at tokens `i..i + n`, sharing
    /// its first letter: "Canadian Union of Public Employees (CUPE)".
    pub(super) fn acronym_after(&mut self, i: usize, n: usize) {
        let (open, acr, close) = (i + n, i + n + 1, i + n + 2);
        if close >= self.tokens.len() || self.tok(open) != "(" || self.tok(close) != ")" {
            return;
        }
        let word = self.tok(acr);
        let initial = self.tok(i).chars().next();
        if !self.acronym(acr) || word.len() > 8 || word.chars().next() != initial {
            return;
        }
        let span = self.span_of(i, n);
        let entity = self.entity(Origin::Inferred(span), EntityKind::Organization, None);
        let at = self.tokens[acr].span;
        if !self.covered_tok(acr) {
            self.add_mention(MentionData {
                span: at,
                entity,
                possessive: false,
            });
        }
        self.aliases.push((at, entity));
    }

    /// Whether the word at `span` is written again alone, capitalized, within a few thousand
    /// bytes either side (a bounded look, so that a long text stays linear), outside a
    /// headline.
    pub(super) fn used_alone(&self, span: Span) -> bool {
        const REACH: usize = 4096;
        let text = self.text;
        let word = &text[span.range()];
        let mut lo = span.start().saturating_sub(REACH);
        while !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let mut hi = (span.end() + REACH).min(text.len());
        while !text.is_char_boundary(hi) {
            hi += 1;
        }
        // Alone: not inside a longer word, nor after another capitalized word ("Colleen
        // Driscoll" again is not "Driscoll" alone; "Mr. Driscoll" is).
        let alone = |at: usize| {
            let after = crate::text::next_char(text, at + word.len());
            let before = crate::text::prev_char(text, at);
            let prev_word = text[..at - before.map_or(0, char::len_utf8)]
                .rsplit([' ', '\n'])
                .next()
                .unwrap_or("");
            let after_name = before == Some(' ')
                && prev_word.ends_with(char::is_alphabetic)
                && is_name_word(prev_word);
            !after.is_some_and(char::is_alphanumeric)
                && !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                && !after_name
        };
        memchr::memmem::find_iter(&text.as_bytes()[lo..hi], word.as_bytes())
            .map(|k| lo + k)
            .any(|at| {
                at != span.start()
                    && alone(at)
                    && !self
                        .token_at(at)
                        .is_some_and(|t| self.in_title_case_line(t))
            })
    }
}

/// Whether `word` is a preposition of place: "at", "in", "near", "to" ... (any case).
pub(super) fn is_place_preposition(word: &str) -> bool {
    const PLACE_PREPOSITIONS: &[&str] = &[
        "at",
        "in",
        "near",
        "to",
        "from",
        "of",
        "outside",
        "around",
        "into",
        "across",
        "through",
        "throughout",
        "toward",
        "towards",
        "via",
    ];
    PLACE_PREPOSITIONS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(word))
}

/// Whether `s` starts with a date as datelines write it: "1996-08-30".
pub(super) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
}

/// The capitalized words the article writes alone right before "said", "says", "told" or
/// "added", or right after "said" ("Tunnuq said", "said Tunnuq"), sorted: the surnames a
/// speaker goes by. One pass of the substring searcher per cue word, "said" for both sides.
fn speaking_words(text: &str) -> Vec<&str> {
    let word_before = |at: usize| {
        let before = &text[..at];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        &before[start..]
    };
    let word_after = |at: usize| {
        let after = &text[at..];
        let end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .unwrap_or(after.len());
        &after[..end]
    };
    // Alone: not after another capitalized word ("Elisapee Tunnuq said" is no use alone).
    let alone = |start: usize| {
        let before = text[..start].trim_end_matches(' ');
        before.len() == start || !word_before(before.len()).starts_with(char::is_uppercase)
    };
    let mut words: Vec<&str> = Vec::new();
    // The word before a cue at `at` (its leading space), if it is capitalized and alone.
    let before = |at: usize| {
        let w = word_before(at);
        (w.starts_with(char::is_uppercase) && alone(at - w.len())).then_some(w)
    };
    // One search for "said" serves both sides: every " said" and every "said " holds one.
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"said") {
        if at > 0 && bytes[at - 1] == b' ' {
            words.extend(before(at - 1));
        }
        if bytes.get(at + 4) == Some(&b' ') {
            let w = word_after(at + 5);
            if w.starts_with(char::is_uppercase) {
                words.push(w);
            }
        }
    }
    for cue in [" says", " told", " added"] {
        for at in memchr::memmem::find_iter(bytes, cue.as_bytes()) {
            words.extend(before(at));
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}
