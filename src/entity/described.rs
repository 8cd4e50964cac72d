//! Organizations and places the article describes as such, whatever their names' last
//! words: a name after "the accounting firm" or "the advocacy group", and a name before an
//! apposition that calls it a company, a chain or a charity ("Meubles Gagné, the
//! family-owned furniture chain, said") or a town ("Stanley Mission, a community of about
//! 1,600 people").

use super::*;

/// Nouns for an organization, lowercase: after one, or in an apposition ending on one, a
/// capitalized name is an organization.
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "chain",
    "retailer",
    "grocer",
    "maker",
    "manufacturer",
    "automaker",
    "agency",
    "organization",
    "organisation",
    "charity",
    "nonprofit",
    "non-profit",
    "union",
    "association",
    "network",
    "developer",
    "startup",
    "start-up",
    "insurer",
    "lender",
    "utility",
    "operator",
    "broadcaster",
    "newspaper",
    "publisher",
    "airline",
    "brewery",
    "distillery",
    "consultancy",
    "coalition",
    "alliance",
    "think-tank",
    "foundation",
    "society",
    "franchise",
    "conglomerate",
    "cooperative",
    "co-op",
    "group",
];

/// Nouns for a place, lowercase: in an apposition ending on one, or in "the town of",
/// a capitalized name is a place ("Stanley Mission, a community of about 1,600 people").
const PLACE_NOUNS: &[&str] = &[
    "community",
    "town",
    "village",
    "city",
    "hamlet",
    "reserve",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "municipality",
    "township",
    "settlement",
    "island",
];

/// Words that may follow the organization noun of an apposition: the apposition ends there
/// ("…, a Toronto-based charity, said") or goes on with a clause ("… chain that has been …").
const AFTER_NOUN: &[&str] = &[
    ",",
    ".",
    ";",
    "that",
    "which",
    "who",
    "based",
    "in",
    "with",
    "of",
    "for",
    "from",
    "on",
    "headquartered",
    "owned",
    "run",
    "founded",
    "—",
    "–",
    ")",
];

impl Resolver<'_> {
    /// Infers the organizations named right after an organization noun ("the accounting firm
    /// Raymond Chabot Grant Thornton", "the advocacy group Migrante Alberta") or before an
    /// apposition ending on one ("Meubles Gagné, the family-owned furniture chain that …"),
    /// and the places before an apposition ending on a place noun ("a community").
    /// A known place inside the name is part of it. Runs before the passes that read a
    /// person into a run starting with a given name.
    pub(super) fn infer_described_orgs(&mut self) {
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c;
            if self.covered_tok(i) || !(self.name_word(i) || self.acronym(i)) {
                i += 1;
                continue;
            }
            // The cheap tests first: the word before, or a comma and a determiner soon after.
            let before = self.org_noun_before(i);
            if !before && !self.apposition_soon(i) {
                i += 1;
                continue;
            }
            let n = self.org_name_run(i);
            let kind = if n == 0 {
                None
            } else if before {
                Some(EntityKind::Organization)
            } else {
                self.apposition_kind_after(i + n)
            };
            let Some(kind) = kind else {
                i += n.max(1);
                continue;
            };
            if self.covered_run(i, n) && !self.places_only(i, n) {
                i += n.max(1);
                continue;
            }
            // "the group Jane Smith founded": a person's given name and surname after a noun
            // are left to the passes for people.
            let person = before && n <= 2 && crate::given_names::is_common_given_name(self.tok(i));
            if !person {
                let span = self.span_of(i, n);
                if self.covered_run(i, n) {
                    self.unplaced.push(span);
                }
                self.infer_kind(i, n, None, kind);
            }
            i += n;
        }
        self.drop_unplaced();
    }

    /// The length of the capitalized run at token `i` that may name an organization: name
    /// words, acronyms, known places, "&" and glued hyphens, on one line, at most six tokens.
    fn org_name_run(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.tokens.len() && j - i < 6 {
            let t = self.tokens[j];
            if j > i && self.text[self.tokens[j - 1].span.end()..t.span.start()].contains('\n') {
                break;
            }
            let glued = |a: usize| {
                a + 1 < self.tokens.len()
                    && self.tokens[a].span.end() == self.tokens[a + 1].span.start()
            };
            if let Some(past) = self.past_place(j) {
                j = past;
                continue;
            }
            // "Human Rights in China", "Friends of the Earth": a joining word between
            // capitalized words.
            let joins = j > i
                && matches!(self.tok(j), "of" | "for" | "in" | "and" | "&" | "the")
                && j + 1 < self.tokens.len()
                && self.upper(j + 1);
            if joins {
                j += 1;
                continue;
            }
            let ok = if t.word {
                self.upper(j) && !self.in_title_at(j) && (self.name_word(j) || self.acronym(j))
            } else {
                j > i && self.tok(j) == "-" && glued(j - 1) && glued(j) && self.upper(j + 1)
            };
            if !ok {
                break;
            }
            j += 1;
        }
        // A possessive, a hyphen or a joining word does not end a name.
        while j > i
            && (!self.tokens[j - 1].word
                || self.is(j - 1, shape::bit::POSSESSIVE)
                || !self.upper(j - 1))
        {
            j -= 1;
        }
        // One letter is no name ("company N / A").
        if j == i + 1 && self.tok(i).chars().count() < 2 {
            return 0;
        }
        j - i
    }

    /// Whether the tokens `i..i + n` that a mention covers are all known places.
    fn places_only(&self, i: usize, n: usize) -> bool {
        (i..i + n).all(|j| !self.covered_tok(j) || self.past_place(j).is_some())
    }

    /// Whether an organization noun with a determiner comes right before token `i`: "the
    /// accounting firm", "the advocacy group", "Ottawa-based company" ("based" counts).
    fn org_noun_before(&self, i: usize) -> bool {
        if i < 2 || !self.tokens[i - 1].word || !self.is_org_noun(i - 1) {
            return false;
        }
        let line_start = self.text[..self.tokens[i].span.start()]
            .rfind('\n')
            .map_or(0, |n| n + 1);
        (i.saturating_sub(5)..i - 1).any(|j| {
            self.tokens[j].word
                && self.tokens[j].span.start() >= line_start
                && matches!(
                    self.tok(j),
                    "the" | "The" | "a" | "an" | "its" | "their" | "based"
                )
        })
    }

    /// The kind of entity an apposition starting at token `j` calls the name before it, if
    /// it calls it an organization or a place: a comma, "the", "a" or "an", up to five
    /// lowercase words or hyphens, an organization or place noun, then the end of the
    /// apposition or a clause.
    pub(super) fn apposition_kind_after(&self, j: usize) -> Option<EntityKind> {
        let opens = j + 2 < self.tokens.len()
            && self.tok(j) == ","
            && matches!(self.tok(j + 1), "the" | "a" | "an");
        if !opens {
            return None;
        }
        let mut k = j + 2;
        while k < self.tokens.len() && k < j + 8 {
            let kind = if !self.tokens[k].word {
                None
            } else if self.is_org_noun(k) {
                Some(EntityKind::Organization)
            } else if PLACE_NOUNS.contains(&self.tok(k)) && self.tok(j + 1) != "the" {
                // "a community", not "Downstream, the town of Millerton".
                Some(EntityKind::Location)
            } else {
                None
            };
            if let Some(kind) = kind {
                let ends = self
                    .tokens
                    .get(k + 1)
                    .is_some_and(|t| AFTER_NOUN.contains(&t.text(self.text)));
                return ends.then_some(kind);
            }
            let w = self.tok(k);
            let plain = if self.tokens[k].word {
                !self.upper(k) || self.past_place(k).is_some() || w.contains('-')
            } else {
                w == "-"
            };
            if !plain {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether a comma and "the", "a" or "an" come within the eight tokens after `i`.
    fn apposition_soon(&self, i: usize) -> bool {
        let end = (i + 9).min(self.tokens.len());
        (i + 1..end.saturating_sub(1))
            .any(|j| self.tokens[j].sym == b',' && matches!(self.tok(j + 1), "the" | "a" | "an"))
    }

    /// A known organization whose name opens with its head ("Bank of Canada") after one to
    /// three unknown capitalized words is a longer name the gazetteer lacks: "Westmount Bank
    /// of Canada", "Business Development Bank of Canada" are other banks. Reads the flushed
    /// mentions.
    pub(super) fn grow_headed_orgs(&mut self) {
        let mut grown = false;
        for k in 0..self.mentions.len() {
            let m = self.mentions[k];
            let e = &self.list[m.entity as usize];
            if e.kind != EntityKind::Organization || !matches!(e.origin, Origin::Gazetteer(_)) {
                continue;
            }
            let Some(i) = self.token_at(m.span.start()) else {
                continue;
            };
            if i == 0
                || self.tokens[i].span.start() != m.span.start()
                || self.shape(i) & shape::bit::ORG_HEAD == 0
                || !self.text[m.span.range()].contains(' ')
            {
                continue;
            }
            // Up to three such words: "Business Development Bank of Canada".
            let word = |p: usize, next: usize| {
                let t = self.tokens[p];
                t.word
                    && self.name_word(p)
                    && !self.covered_tok(p)
                    && !self.in_title_at(p)
                    && &self.text[t.span.end()..self.tokens[next].span.start()] == " "
            };
            let mut p = i;
            while p > 0 && i - p < 3 && word(p - 1, p) {
                p -= 1;
            }
            if p == i {
                continue;
            }
            let span = Span::new(self.tokens[p].span.start(), m.span.end());
            let entity = self.entity(Origin::Inferred(span), EntityKind::Organization, None);
            self.replace_mention(
                k,
                MentionData {
                    span,
                    entity,
                    possessive: m.possessive,
                },
            );
            grown = true;
        }
        if grown {
            self.recount_cover();
        }
    }

    /// Professional teams named by their nickname alone ([`crate::words::TEAM_NICKNAMES`]):
    /// the team the article names in full with that nickname ("Toronto Blue Jays"), else an
    /// organization of that name. Headlines too ("Blue Jays rally past Red Sox").
    pub(super) fn infer_team_nicknames(&mut self) {
        use crate::words::TEAM_NICKNAMES;
        /// The nicknames' first words ("Blue" of "Blue Jays", "Tiger" of "Tiger-Cats").
        static NICK_STARTS: once_cell::sync::Lazy<crate::hash::FastSet<&'static str>> =
            once_cell::sync::Lazy::new(|| {
                TEAM_NICKNAMES
                    .iter()
                    .map(|n| n.split([' ', '-']).next().unwrap_or(n))
                    .collect()
            });
        const FIRST_WORDS: crate::words::LengthFilter =
            crate::words::LengthFilter::of_first_words(TEAM_NICKNAMES);
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c;
            if self.covered_tok(i) {
                i += 1;
                continue;
            }
            // One or two words, or a hyphenated one ("Tiger-Cats"); most capitalized words
            // are no nickname's first word, which a table of first bytes and lengths answers
            // for most, and the set for the rest.
            let w = self.tok(i);
            if !FIRST_WORDS.may_hold(w) || !NICK_STARTS.contains(w) {
                i += 1;
                continue;
            }
            let found = (1..=3).rev().find(|&n| {
                i + n <= self.tokens.len() && {
                    let span = self.span_of(i, n);
                    let words = &self.text[span.range()];
                    TEAM_NICKNAMES.contains(&words)
                        && !self.covered_run(i, n)
                        && !(i > 0
                            && self.tokens[i - 1].span.end() == span.start()
                            && (self.tokens[i - 1].word || self.tokens[i - 1].sym == b'-'))
                        && !self.tokens.get(i + n).is_some_and(|t| {
                            t.span.start() == span.end() && (t.word || t.sym == b'-')
                        })
                }
            });
            let Some(n) = found else {
                i += 1;
                continue;
            };
            let span = self.span_of(i, n);
            let nick = &self.text[span.range()];
            let team = self.list.iter().position(|e| match (e.origin, e.kind) {
                (Origin::Inferred(s), EntityKind::Organization) => {
                    let name = &self.text[s.range()];
                    name.len() > nick.len()
                        && name.ends_with(nick)
                        && name[..name.len() - nick.len()].ends_with(' ')
                }
                _ => false,
            });
            let entity = match team {
                Some(t) => t as u32,
                None => self.entity(Origin::Inferred(span), EntityKind::Organization, None),
            };
            self.add_mention(MentionData {
                span,
                entity,
                possessive: crate::text::possessive_len(self.text, span.end()) > 0,
            });
            i += n;
        }
    }

    /// A part of a known place named after it in the possessive: "Winnipeg's North End",
    /// "Ottawa's ByWard Market". One to three capitalized name words the gazetteer does not
    /// know, no organization's head among them, with a place's head or a compass word among
    /// them (not "Germany's Boris Becker", "Ontario's Progressive Conservatives"). Reads the
    /// flushed mentions.
    pub(super) fn infer_places_of_places(&mut self) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for m in &self.mentions {
            if !m.possessive || self.list[m.entity as usize].kind != EntityKind::Location {
                continue;
            }
            let i = self.tokens.first_at_or_after(m.span.end());
            // Past the possessive's apostrophe and "s", if they are tokens of their own.
            let mut i = i;
            while i < self.tokens.len() && !self.tokens[i].word && self.tokens[i].sym != b'-' {
                if self.tokens[i].span.start() > m.span.end() + 3 {
                    break;
                }
                i += 1;
            }
            if i < self.tokens.len() && self.tok(i) == "s" {
                i += 1;
            }
            let mut n = 0;
            while i + n < self.tokens.len()
                && n < 3
                && self.tokens[i + n].word
                && self.name_word(i + n)
                && !self.covered_tok(i + n)
                && !self.in_title_at(i + n)
                && self.shape(i + n) & shape::bit::ORG_HEAD == 0
            {
                n += 1;
            }
            if n == 0 || self.text[m.span.end()..self.tokens[i].span.start()].len() > 4 {
                continue;
            }
            // A place's word in the run: a head ("Market", "Road") or a compass or age word
            // ("North End", "Old Montreal", "Little Italy"); else a person ("Germany's Boris
            // Becker"), a party or a team is as likely.
            let placed = (i..i + n).any(|j| {
                self.shape(j) & shape::bit::PLACE_HEAD != 0
                    || matches!(
                        self.tok(j),
                        "North"
                            | "South"
                            | "East"
                            | "West"
                            | "End"
                            | "Old"
                            | "Little"
                            | "Upper"
                            | "Lower"
                            | "Downtown"
                            | "Uptown"
                    )
            });
            if placed {
                found.push((i, n));
            }
        }
        for (i, n) in found {
            self.infer_kind(i, n, None, EntityKind::Location);
        }
    }

    /// A relative named by a given name alone between commas: "her son, Joshua, with her
    /// sister", "his wife, Gail, loaded the car". The person takes the relation's gender.
    pub(super) fn infer_named_relatives(&mut self) {
        const FEMALE: &[&str] = &["wife", "daughter", "mother", "sister", "granddaughter"];
        const MALE: &[&str] = &["husband", "son", "father", "brother", "grandson"];
        let mut found: Vec<(usize, Gender)> = Vec::new();
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c + 1;
            if c < 2 || c + 1 >= self.tokens.len() || self.covered_tok(c) || !self.name_word(c) {
                continue;
            }
            // The commas by their tokens' codes, before any word is sliced.
            if self.tokens[c - 1].sym != b',' || !matches!(self.tokens[c + 1].sym, b',' | b'.') {
                continue;
            }
            let relation = self.tok(c - 2);
            let gender = if FEMALE.contains(&relation) {
                Gender::Female
            } else if MALE.contains(&relation) {
                Gender::Male
            } else {
                continue;
            };
            if crate::given_names::given_name(self.tok(c)).is_some() {
                found.push((c, gender));
            }
        }
        for (c, gender) in found {
            self.infer_kind(c, 1, None, EntityKind::Person);
            if let Some(m) = self.pending.last().copied() {
                let e = &mut self.list[m.entity as usize];
                if e.gender.is_none() {
                    e.gender = Some(gender);
                }
            }
        }
    }

    fn is_org_noun(&self, i: usize) -> bool {
        self.text.as_bytes()[self.tokens[i].span.start()].is_ascii_lowercase()
            && ORG_NOUNS.contains(&self.tok(i))
    }
}

/// Words for a local government named "the City of …": "the City of Winnipeg", "the Town of
/// Truro", "the Regional Municipality of Peel".
const MUNICIPAL_WORDS: &[&str] = &[
    "City",
    "Town",
    "Township",
    "Village",
    "Municipality",
    "County",
    "District",
    "Region",
];

impl Resolver<'_> {
    /// Organizations named only as where someone works or whom someone speaks for: a
    /// capitalized run the passes before left unnamed, right after a lowercase role word and
    /// "at", "for" or "with" ("a mining analyst at Canaccord Genuity", "a spokesperson for
    /// Lakeshore Precision Castings"), or a source cited after "according to" ("according to
    /// Domus Analytics") that opens on no given name. With `cited_only`, only the sources
    /// cited, which `resolve` asks for after the further mentions of the names known ("according
    /// to Rovers" is the club named before); the rest before them, so that their further
    /// mentions are found. Runs after the passes for people, so "a lawyer for
    /// Jane Doe" is hers; nothing inside a title ("a spokesperson for Premier Doug Ford") or a
    /// headline.
    pub(super) fn infer_employers(&mut self, cited_only: bool) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c + 1;
            if c < 2 || self.covered_tok(c) || !self.name_word(c) || self.in_title_at(c) {
                continue;
            }
            // The word before by its length first (2 to 4 bytes), before it is sliced.
            if !(2..=4).contains(&self.tokens[c - 1].span.len()) {
                continue;
            }
            // "according to Domus Analytics": a source cited, where it is no one's name.
            let cited =
                self.tok(c - 1) == "to" && self.tok(c - 2).eq_ignore_ascii_case("according");
            if cited != cited_only {
                continue;
            }
            if !cited {
                if !matches!(self.tok(c - 1), "at" | "for" | "with") || !self.tokens[c - 2].word {
                    continue;
                }
                let role = self.tok(c - 2);
                if !role.starts_with(|ch: char| ch.is_ascii_lowercase())
                    || !crate::role::is_role(role)
                {
                    continue;
                }
            }
            let n = self.name_run(c, 5);
            // The run ends the name: no title after it ("for Transportation Minister
            // Caroline Mulroney"), no possessive ("at St Brigid's").
            let ends = |j: usize| {
                self.tokens
                    .get(j)
                    .map_or(true, |t| !(t.word && is_capitalized(t.text(self.text))))
            };
            if n == 0
                || !ends(c + n)
                || self.is(c + n - 1, shape::bit::POSSESSIVE)
                || (c..c + n).any(|j| self.covered_tok(j) || self.in_title_at(j))
                || self.in_title_case_line(c)
            {
                continue;
            }
            // "a lawyer for Jane Doe": a common given name and a surname are a person's; after
            // "according to", any known given name (a person the passes missed).
            let given = if cited {
                crate::given_names::given_name(self.tok(c)).is_some()
            } else {
                crate::given_names::is_common_given_name(self.tok(c))
            };
            if (n == 2 || cited) && given {
                continue;
            }
            found.push((c, n));
            i = c + n;
        }
        for (c, n) in found {
            self.infer_kind(c, n, None, EntityKind::Organization);
        }
    }

    /// A local government named for its place: "the City of Winnipeg", "the Town of
    /// Truro", "the City of Greater Geelong" are organizations, of which the place is part.
    pub(super) fn infer_municipal_governments(&mut self) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c + 1;
            // "of" after the word first, at a length test: it answers most words before the
            // list is read.
            if c < 1
                || c + 2 >= self.tokens.len()
                || self.tokens[c + 1].span.len() != 2
                || self.tok(c + 1) != "of"
                || !MUNICIPAL_WORDS.contains(&self.tok(c))
                || !self.tok(c - 1).eq_ignore_ascii_case("the")
                || self.covered_tok(c)
            {
                continue;
            }
            let place = c + 2;
            let Some(end) = self.place_name_end(place, 3) else {
                continue;
            };
            if end > place && !self.in_title_case_line(c) {
                found.push((c, end - c));
                i = end;
            }
        }
        for (c, n) in found {
            self.unplaced.push(self.span_of(c, n));
            self.infer_kind(c, n, None, EntityKind::Organization);
        }
        self.drop_unplaced();
    }
}

/// Verbs and prepositions before an opponent in sports news: "beat the Lansdale Ironmen",
/// "plays Thornbury Town away", "a loss against Otter Creek State".
const OPPONENT_WORDS: &[&str] = &[
    "beat", "beats", "beating", "defeated", "defeats", "edged", "edges", "downed", "blanked",
    "routed", "thrashed", "hosts", "hosted", "host", "plays", "played", "against", "face", "faces",
    "facing", "joining", "trail", "trails", "trailed",
];

impl Resolver<'_> {
    /// Teams the gazetteer lacks, named as opponents: a capitalized run no pass named, of two
    /// name words or more or after "the", right after a word for playing or beating someone
    /// ("beat the Lansdale Ironmen", "Carrick hosts Otter Creek State"), or before a score
    /// ("Lisnagree United 2-1"). A person's name is known by then, and a run of one word
    /// alone ("beat Wróblewska") stays unnamed.
    pub(super) fn infer_opponents(&mut self) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c + 1;
            if c < 1 || self.covered_tok(c) || !self.name_word(c) || self.in_title_at(c) {
                continue;
            }
            let the = self.tok(c - 1) == "the";
            let w = if the && c >= 2 { c - 2 } else { c - 1 };
            let opponent = self.tokens[w].word && OPPONENT_WORDS.contains(&self.tok(w));
            let n = self.name_run(c, 4);
            if n == 0 || (c..c + n).any(|j| self.covered_tok(j) || self.in_title_at(j)) {
                continue;
            }
            let score = self.tokens.get(c + n).is_some_and(|t| {
                let s = t.text(self.text);
                s.starts_with(|ch: char| ch.is_ascii_digit()) && s.contains('-')
            }) || (c + n + 2 < self.tokens.len()
                && self.tok(c + n).bytes().all(|b| b.is_ascii_digit())
                && self.tok(c + n + 1) == "-"
                && self.tok(c + n + 2).bytes().all(|b| b.is_ascii_digit()));
            let words = (c..c + n).filter(|&j| self.tokens[j].word).count();
            // "the Tower of London": a name going on past "of" is no team's.
            if self
                .tokens
                .get(c + n)
                .is_some_and(|t| t.text(self.text) == "of")
            {
                continue;
            }
            if !(opponent || score) || !(words >= 2 || the) || self.in_title_case_line(c) {
                continue;
            }
            // A person's name the passes missed: a given name first.
            if crate::given_names::is_common_given_name(self.tok(c)) {
                continue;
            }
            found.push((c, n));
            i = c + n;
        }
        for (c, n) in found {
            self.infer_kind(c, n, None, EntityKind::Organization);
        }
    }
}
