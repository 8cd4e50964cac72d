//! The passes that find places the gazetteer lacks or names wrongly, in the order `resolve`
//! runs them: datelines and towns before their region, compass places, places before scores
//! (a team in a table, not a place), and a club's town standing for the club. What makes a
//! place read as a person ("Kim Hall said") and a road by its number are here too, and the
//! places that are part of an organization's name: before it ("Nova Scotia Supreme Court")
//! or after a word naming a body ("Health Canada").

use super::infer::{is_date, is_place_preposition};
use super::*;

/// Compass and size words before a known place that make a place of their own ("West
/// Texas", "Greater Sudbury") and open no organization's name ("Western Canada").
const COMPASS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Greater",
];

impl Resolver<'_> {
    /// Places named by where they stand rather than by a head: a dateline, the all-capital
    /// town opening a line before a comma or a dash ("ALDEN FALLS, Ohio —", "HALIFAX —"),
    /// with the same name in title case anywhere in the article ("Alden Falls"); and a
    /// capitalized run before a comma and a known region or country ("Traralgon, Victoria",
    /// "Ashcroft Falls, Ohio,").
    pub(super) fn infer_places(&mut self) {
        // Datelines: at most the first four tokens of a line.
        for l in 0..self.lines.len() {
            let line = self.lines[l];
            let i = self.tokens.first_at_or_after(line.start());
            let mut j = i;
            while j < self.tokens.len() && j - i < 4 && self.tokens[j].span.end() <= line.end() {
                let w = self.tok(j);
                let caps = self.tokens[j].word
                    && w.chars().any(char::is_alphabetic)
                    && !w.chars().any(char::is_lowercase);
                if !caps {
                    break;
                }
                j += 1;
            }
            // A comma and a capitalized word ("ALDEN FALLS, Ohio"), a dash or a parenthesis
            // ("HALIFAX —", "OTTAWA (Reuters)"); after a hyphen ("SOCCER -", a section label
            // as often as a town), only a town the article writes in title case too.
            let after = self.tokens.get(j).map(|t| t.text(self.text));
            let region = after == Some(",")
                && self
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| is_capitalized(t.text(self.text)));
            let strong = region || matches!(after, Some("—" | "–" | "("));
            let weak = after == Some("-");
            if j == i || !(strong || weak) || self.span_of(i, j - i).len() < 3 {
                continue;
            }
            if !self.covered_run(i, j - i) {
                self.dateline_place(self.span_of(i, j - i), strong);
            }
        }
        // "Town, Region": a run of capitalized name words, a comma, a known place that ends
        // its clause. The comma is looked for first, by its byte, since few runs have one.
        let bytes = self.text.as_bytes();
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c;
            let mut j = i + 1;
            while j < self.tokens.len() && j - i < 3 && self.may_be_capitalized(j) {
                j += 1;
            }
            let comma = j + 1 < self.tokens.len() && bytes[self.tokens[j].span.start()] == b',';
            if !comma {
                i = j;
                continue;
            }
            // The name words ending at the comma ("The Traralgon," is "Traralgon").
            let n = (i..j)
                .rev()
                .take_while(|&k| is_name_word(self.tok(k)))
                .count();
            let s0 = j - n;
            let region = (n > 0).then(|| self.past_place(j + 1)).flatten();
            let clause_ends = region.is_some_and(|k| {
                k >= self.tokens.len()
                    || (!self.tokens[k].word
                        && matches!(self.tok(k), "," | "." | "—" | "–" | ")" | ";"))
            });
            if !clause_ends || n == 0 {
                i = j;
                continue;
            }
            let region_end = self.tokens[region.unwrap_or(j + 2) - 1].span.end();
            let region_possessive = crate::text::possessive_len(self.text, region_end) > 0;
            let given =
                || crate::given_names::given_name(self.tok(s0)).is_some_and(|g| !g.is_word());
            if !region_possessive
                && (n == 1 || !given())
                && !self.covered_run(s0, n)
                && !self.in_title_case_line(s0)
            {
                self.infer_kind(s0, n, None, EntityKind::Location);
            }
            i = j;
        }
    }

    /// A dateline's all-capital town at `span`: the place named in title case where the
    /// article writes it so ("ALDEN FALLS" and "Alden Falls" are one place), else as written
    /// if the dateline is `strong` evidence, else none.
    pub(super) fn dateline_place(&mut self, span: Span, strong: bool) {
        let caps = &self.text[span.range()];
        let mut title = String::with_capacity(caps.len());
        let mut start = true;
        for c in caps.chars() {
            if start {
                title.push(c);
            } else {
                title.extend(c.to_lowercase());
            }
            start = !c.is_alphabetic();
        }
        // "ST. JOHN’S": no capital after an apostrophe.
        let mut title = title.replace("’S", "’s").replace("'S", "'s");
        let text = self.text;
        let find = |title: &str| -> Vec<usize> {
            let whole = |at: usize| {
                !crate::text::prev_char(text, at).is_some_and(char::is_alphanumeric)
                    && !crate::text::next_char(text, at + title.len())
                        .is_some_and(char::is_alphanumeric)
            };
            memchr::memmem::find_iter(text.as_bytes(), title.as_bytes())
                .filter(|&at| whole(at))
                .take(64)
                .collect()
        };
        let mut found = find(&title);
        // "BAY DE VERDE" is written "Bay de Verde": a particle inside stays lowercase.
        if found.is_empty() && title.contains(' ') {
            let lowered: Vec<String> = title
                .split(' ')
                .enumerate()
                .map(|(k, w)| {
                    let lower = w.to_lowercase();
                    if k > 0 && crate::words::PARTICLES.contains(&lower.as_str()) {
                        lower
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            let lowered = lowered.join(" ");
            if lowered != title {
                found = find(&lowered);
                if !found.is_empty() {
                    title = lowered;
                }
            }
        }
        if found.is_empty() && !strong {
            return;
        }
        let origin = found
            .first()
            .map_or(span, |&at| Span::new(at, at + title.len()));
        let entity = self.entity(Origin::Inferred(origin), EntityKind::Location, None);
        let mut spans = vec![span];
        spans.extend(found.iter().map(|&at| Span::new(at, at + title.len())));
        for s in spans {
            if !self.covered(s) {
                self.add_mention(MentionData {
                    span: s,
                    entity,
                    possessive: crate::text::possessive_len(text, s.end()) > 0,
                });
            }
        }
    }

    /// Whether the place run at tokens `i..i + n` reads as a person: a known given name and a
    /// head that is also a surname ("Grace Park", "Kim Hall"), unless a preposition of place
    /// comes before it ("near Grace Park").
    pub(super) fn person_like_place(&self, i: usize, n: usize, kind: EntityKind) -> bool {
        use crate::words::{LOCATIVE_PREPOSITIONS, SURNAME_HEADS};
        if kind != EntityKind::Location || n != 2 || !SURNAME_HEADS.contains(&self.tok(i + 1)) {
            return false;
        }
        let given = crate::given_names::given_name(self.tok(i)).is_some_and(|g| !g.is_word());
        // "in Kim Hall", "the Macdonald Bridge": a place.
        given
            && !(i > 0
                && (LOCATIVE_PREPOSITIONS.contains(&self.tok(i - 1))
                    || self.tok(i - 1).eq_ignore_ascii_case("the")))
    }

    /// "Route 35", "Highway 101", "Interstate 95": a road named by its number, at token `i`.
    pub(super) fn numbered_road(&self, i: usize) -> bool {
        // A digit one space on first, at a byte test: few capitalized words have one.
        i + 1 < self.tokens.len()
            && self.tokens[i].span.end() + 1 == self.tokens[i + 1].span.start()
            && self.text.as_bytes()[self.tokens[i + 1].span.start()].is_ascii_digit()
            && crate::words::NUMBERED_ROADS.contains(&self.tok(i))
            && self.tok(i + 1).len() <= 4
            && self.tok(i + 1).bytes().all(|b| b.is_ascii_digit())
    }

    /// A known place after a compass word is part of a longer place the gazetteer lacks:
    /// "West Texas", "North Ashford", "East London" are places of their own, not Texas,
    /// Ashford or London.
    pub(super) fn infer_compass_places(&mut self) {
        // Rare: the list allocates only when a place is found.
        let mut found: Vec<(usize, usize, Span)> = Vec::new();
        for m in &self.mentions {
            // The word before, one space away, first: a byte test for most mentions.
            let compass = self.text[..m.span.start()]
                .strip_suffix(' ')
                .is_some_and(|before| COMPASS.iter().any(|c| before.ends_with(c)));
            if !compass {
                continue;
            }
            let e = &self.list[m.entity as usize];
            if e.kind != EntityKind::Location || !matches!(e.origin, Origin::Gazetteer(_)) {
                continue;
            }
            let Some(i) = self.token_at(m.span.start()) else {
                continue;
            };
            if i == 0
                || self.tokens[i].span.start() != m.span.start()
                || !COMPASS.contains(&self.tok(i - 1))
                || self.text[self.tokens[i - 1].span.end()..m.span.start()] != *" "
                || self.covered_tok(i - 1)
            {
                continue;
            }
            let mut j = i;
            while j < self.tokens.len() && self.tokens[j].span.end() <= m.span.end() {
                j += 1;
            }
            found.push((i - 1, j - i + 1, m.span));
        }
        for (i, n, place) in found {
            self.unplaced.push(place);
            self.infer_kind(i, n, None, EntityKind::Location);
        }
        self.drop_unplaced();
    }

    /// A place right before a number is a team in a score or a table ("Wigan 2 Scunthorpe
    /// 0", "KANSAS CITY 61 74 .452", "Durham 326-5", "beat Carver Valley 23-20"): its mention
    /// becomes the team's, an organization named like the place (a place the article
    /// inferred becomes that organization wherever it is named). Before a year it is an
    /// event ("London 2012") and its mention is dropped.
    pub(super) fn scored_places_are_teams(&mut self) {
        let (text, tokens) = (self.text, self.tokens);
        // A space and a digit right after the mention, first: most mentions are not followed
        // so, and the test costs two bytes.
        let bytes = text.as_bytes();
        let scored = |list: &[EntityData], m: &MentionData| {
            let end = m.span.end();
            if bytes.get(end) != Some(&b' ') || !bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            {
                return false;
            }
            if list[m.entity as usize].kind != EntityKind::Location {
                return false;
            }
            // Not a dateline's place before its date ("LONDON 1996-08-30"), nor a place
            // after a preposition ("moved to Regina 15 years ago").
            let at = tokens.first_at_or_after(m.span.start());
            let after_preposition = at > 0 && is_place_preposition(tokens[at - 1].text(text));
            !after_preposition && !is_date(&text[end + 1..])
        };
        if !self.mentions.iter().any(|m| scored(&self.list, m)) {
            return;
        }
        for k in 0..self.mentions.len() {
            let m = self.mentions[k];
            if !scored(&self.list, &m) {
                continue;
            }
            let digits = bytes[m.span.end() + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let year =
                digits == 4 && matches!(&bytes[m.span.end() + 1..m.span.end() + 3], b"19" | b"20");
            if year {
                self.mark_dropped(k);
                continue;
            }
            let e = m.entity as usize;
            if matches!(self.list[e].origin, Origin::Inferred(_)) {
                self.list[e].kind = EntityKind::Organization;
                continue;
            }
            let team = self.entity(Origin::Inferred(m.span), EntityKind::Organization, None);
            self.list[team as usize].kind = EntityKind::Organization;
            self.mentions[k].entity = team;
        }
        self.drop_marked();
    }

    /// Whether token `i` is a known given name and token `i + 1` a place that is its surname
    /// ([`Self::place_surname`]). A given name that is also a word counts where 10,000 people
    /// or more bear it ("Tom", "Matt", not "Tennis"): the caller has a title or a cue that
    /// says a person is named.
    pub(super) fn given_then_place(&self, i: usize) -> bool {
        let w = self.tok(i);
        let first = w.split(['-', '’', '\'']).next().unwrap_or(w);
        self.name_word(i)
            && !self.covered_tok(i)
            && self.place_surname(i + 1)
            && crate::given_names::given_name(first)
                .is_some_and(|g| !g.is_word() || g.bearers() >= 10_000)
    }

    /// Whether token `j` is a place of one word that, after a given name, is a surname: written
    /// as a name ("Dayton", not "DAYTON"), one space after the given name, on its line, and
    /// not followed by another name word.
    pub(super) fn place_surname(&self, j: usize) -> bool {
        let Some(t) = self.tokens.get(j) else {
            return false;
        };
        let w = t.text(self.text);
        self.covered_tok(j)
            && t.word
            && self.text[self.tokens[j - 1].span.end()..t.span.start()] == *" "
            && (self.past_place(j) == Some(j + 1)
                && self.mention_at(t.span).is_some_and(|m| {
                    matches!(
                        self.list[m.entity as usize].kind,
                        EntityKind::Location | EntityKind::Nationality
                    )
                })
                || self.org_word_at(j))
            && w.bytes().skip(1).any(|b| b.is_ascii_lowercase())
            && !self.tokens.get(j + 1).is_some_and(|n| {
                n.word
                    && self.text[t.span.end()..n.span.start()] == *" "
                    && is_name_word(n.text(self.text))
                    && self.suffix_at(j + 1) == 0
            })
    }

    /// Whether token `j` is all of a gazetteer organization's mention, by a one-word alias
    /// that may be a surname: "Tory" (the Conservative Party) of "Mayor John Tory".
    fn org_word_at(&self, j: usize) -> bool {
        let span = self.tokens[j].span;
        self.mention_at(span).is_some_and(|m| {
            let e = &self.list[m.entity as usize];
            m.span == span
                && e.kind == EntityKind::Organization
                && matches!(e.origin, Origin::Gazetteer(_))
        })
    }

    /// In an article that names a club after its town ("Ashford Rovers", "Moncton
    /// Wildcats"), the town's name alone is the club where it acts or qualifies ("Ashford had
    /// led", "Ashford manager Graham Pell", "beat Moncton"), and stays the town after a
    /// preposition of place ("at Ashford", "in Moncton"), in capitals (a dateline), and next
    /// to another place, or a dateline's word in capitals, and a comma ("Ashford, England",
    /// "ARLINGTON, Texas").
    pub(super) fn clubs_take_their_town(&mut self) {
        let text = self.text;
        let mut clubs: Vec<(&str, u32)> = Vec::new();
        for (i, e) in self.list.iter().enumerate() {
            let (Origin::Inferred(span), EntityKind::Organization, false) =
                (e.origin, e.kind, e.merged)
            else {
                continue;
            };
            let name = &text[span.range()];
            if let Some((a, b)) = names::club_town(name) {
                clubs.push((&name[a..b], i as u32));
            }
        }
        if clubs.is_empty() {
            return;
        }
        for k in 0..self.mentions.len() {
            let m = self.mentions[k];
            let e = &self.list[m.entity as usize];
            if e.kind != EntityKind::Location || !matches!(e.origin, Origin::Gazetteer(_)) {
                continue;
            }
            let word = &text[m.span.range()];
            let Some(&(_, club)) = clubs.iter().find(|(town, _)| *town == word) else {
                continue;
            };
            if !self.town_here(m.span) {
                self.mentions[k].entity = club;
            }
        }
    }

    /// Whether the place at `span` is the place, not a club named after it
    /// ([`Self::clubs_take_their_town`]).
    pub(super) fn town_here(&self, span: Span) -> bool {
        let word = &self.text[span.range()];
        if !word.bytes().any(|b| b.is_ascii_lowercase()) {
            return true;
        }
        let Some(i) = self.token_at(span.start()) else {
            return true;
        };
        let after_preposition = i > 0 && is_place_preposition(self.tok(i - 1));
        let mut j = i;
        while j < self.tokens.len() && self.tokens[j].span.end() <= span.end() {
            j += 1;
        }
        let before_place =
            j + 1 < self.tokens.len() && self.tok(j) == "," && self.past_place(j + 1).is_some();
        // "Arlington, Texas", "ARLINGTON, Texas": a place after another, or after a dateline's
        // word in capitals, and a comma.
        let after_place = i >= 2 && self.tok(i - 1) == "," && {
            let prev = self.tokens[i - 2];
            let w = prev.text(self.text);
            let capitals = prev.word
                && w.len() > 1
                && w.bytes().any(|b| b.is_ascii_uppercase())
                && !w.bytes().any(|b| b.is_ascii_lowercase());
            capitals
                || self.mention_at(prev.span).is_some_and(|m| {
                    self.list[m.entity as usize].kind == EntityKind::Location
                        && m.span.end() == prev.span.end()
                })
        };
        after_preposition || before_place || after_place
    }

    /// A known place or nationality right before an organization's name, one space away, is
    /// part of that name: "Nova Scotia Supreme Court", "Ohio Department of Education",
    /// "Canadian Red Cross", "U.S. Treasury Department". Where the organization is the
    /// gazetteer's of that place's own country ("U.S." and the Treasury Department), its
    /// mention grows to hold the place; otherwise the whole is an organization the gazetteer
    /// lacks. A possessive place stays apart ("Canada's Supreme Court"). Reads the flushed
    /// mentions, in one pass.
    pub(super) fn prefix_places(&mut self) {
        let text = self.text;
        let home = |e: &EntityData| match e.origin {
            Origin::Gazetteer(x) => self.k.homes.get(x as usize).copied().unwrap_or(NO_HOME),
            Origin::Inferred(_) => NO_HOME,
        };
        // The pairs, as (index of the place's mention, the joined span, same country).
        let mut pairs: Vec<(usize, Span, bool)> = Vec::new();
        let mut k = 1;
        while k < self.mentions.len() {
            let (p, m) = (self.mentions[k - 1], self.mentions[k]);
            let (pe, me) = (&self.list[p.entity as usize], &self.list[m.entity as usize]);
            let fits = me.kind == EntityKind::Organization
                && matches!(pe.kind, EntityKind::Location | EntityKind::Nationality)
                && !p.possessive
                && p.span.end() < m.span.start()
                && text[p.span.end()..m.span.start()] == *" ";
            if !fits {
                k += 1;
                continue;
            }
            // The country itself or its nationality, not a town of it: "Westmount Bank of
            // Canada" is no Bank of Canada.
            let national = pe.kind == EntityKind::Nationality
                || matches!(pe.origin, Origin::Gazetteer(x) if home(pe) == x);
            let same = national && home(pe) != NO_HOME && home(pe) == home(me);
            pairs.push((k - 1, Span::new(p.span.start(), m.span.end()), same));
            k += 2;
        }
        if pairs.is_empty() {
            return;
        }
        for &(k, span, same) in &pairs {
            let m = self.mentions[k + 1];
            let entity = if same {
                m.entity
            } else {
                self.entity(Origin::Inferred(span), EntityKind::Organization, None)
            };
            let possessive = m.possessive;
            self.replace_mention(
                k,
                MentionData {
                    span,
                    entity,
                    possessive,
                },
            );
            // The organization's own mention goes.
            self.mark_dropped(k + 1);
        }
        self.drop_marked();
    }

    /// Where a body named for its country starts, if capitalized words the gazetteer does not
    /// know end at token `w`, right before a mention of country `place`: "Clean Shorelines
    /// Canada", "Food Banks Canada". One to three name words, one space apart, after no other
    /// capitalized word; not a compass word ("Western Canada") nor a common given name
    /// first.
    fn named_for_country(&self, w: usize, place: u32) -> Option<usize> {
        let Origin::Gazetteer(x) = self.list[place as usize].origin else {
            return None;
        };
        if self.k.homes.get(x as usize) != Some(&x) {
            return None;
        }
        let word = |j: usize| {
            self.tokens[j].word && self.name_word(j) && !self.covered_tok(j) && !self.in_title_at(j)
        };
        let mut first = w;
        if !word(w) {
            return None;
        }
        while first > 0
            && w - first < 2
            && word(first - 1)
            && self.tokens[first - 1].span.end() + 1 == self.tokens[first].span.start()
        {
            first -= 1;
        }
        let glued_before = first > 0
            && self.upper(first - 1)
            && self.tokens[first - 1].span.end() + 1 == self.tokens[first].span.start();
        let compass =
            COMPASS.contains(&self.tok(first)) || matches!(self.tok(first), "Atlantic" | "Rural");
        let given = crate::given_names::is_common_given_name(self.tok(first));
        (!glued_before && !compass && !given && !self.in_title_case_line(first)).then_some(first)
    }

    /// A country, province or state named by the gazetteer, right after a word of
    /// [`AGENCY_WORDS`] or an acronym, one space before it, is a body of that place: "Health
    /// Canada", "Tourism Nova Scotia", "CUPE Ontario". Not in capitals (a headline's
    /// "SOCCER ENGLAND"), nor after another capitalized word. Reads the flushed mentions.
    ///
    /// [`AGENCY_WORDS`]: crate::words::AGENCY_WORDS
    pub(super) fn agencies_of_places(&mut self) {
        let text = self.text;
        let mut found: Vec<(usize, usize, Span)> = Vec::new();
        for (k, m) in self.mentions.iter().enumerate() {
            let e = &self.list[m.entity as usize];
            // A space before the place, and no capitals-only place, at byte tests first.
            if e.kind != EntityKind::Location
                || !matches!(e.origin, Origin::Gazetteer(_))
                || m.span.start() == 0
                || text.as_bytes()[m.span.start() - 1] != b' '
                || !text[m.span.range()].bytes().any(|b| b.is_ascii_lowercase())
            {
                continue;
            }
            let Some(p) = self.token_at(m.span.start()) else {
                continue;
            };
            if p == 0 || self.tokens[p - 1].span.end() + 1 != m.span.start() {
                continue;
            }
            let w = p - 1;
            let agency = crate::words::AGENCY_WORDS.contains(&self.tok(w)) && !self.covered_tok(w);
            let acronym = self.acronym(w) && self.tok(w).len() >= 3;
            let after_name = w > 0
                && self.upper(w - 1)
                && self.tokens[w - 1].span.end() + 1 == self.tokens[w].span.start();
            if (agency || acronym) && !after_name {
                found.push((k, w, Span::new(self.tokens[w].span.start(), m.span.end())));
            } else if let Some(first) = self.named_for_country(w, m.entity) {
                found.push((
                    k,
                    first,
                    Span::new(self.tokens[first].span.start(), m.span.end()),
                ));
            }
        }
        if found.is_empty() {
            return;
        }
        for &(k, w, span) in &found {
            let entity = self.entity(Origin::Inferred(span), EntityKind::Organization, None);
            let possessive = self.mentions[k].possessive;
            self.replace_mention(
                k,
                MentionData {
                    span,
                    entity,
                    possessive,
                },
            );
            // The acronym's own mention, if it had one, is inside the new one now.
            let inside = self.tokens[w].span;
            if k > 0 && self.mentions[k - 1].span == inside {
                self.mark_dropped(k - 1);
            }
        }
        self.drop_marked();
    }
}

/// Verbs of coming and going after which "from X" or "to X" names a place: "moved to
/// Drumcarra from Enugu", "drove to Truro", "ships diverted to Felixstowe".
const MOTION_VERBS: &[&str] = &[
    "came",
    "come",
    "comes",
    "moved",
    "move",
    "moves",
    "drove",
    "drive",
    "drives",
    "driven",
    "flew",
    "fly",
    "travelled",
    "traveled",
    "travel",
    "returned",
    "return",
    "went",
    "go",
    "goes",
    "headed",
    "relocated",
    "immigrated",
    "emigrated",
    "fled",
    "diverted",
    "sent",
    "arrived",
    "hails",
    "commute",
    "commutes",
    "commuted",
    "walked",
    "rerouted",
    "evacuated",
    "bused",
];

/// Capitalized words that make a run after "in" something other than a place: a law, a
/// prize, a belief ("in Custody Reporting Act", "believe in God").
const NOT_PLACE_WORDS: &[&str] = &[
    "Act",
    "Acts",
    "Bill",
    "Law",
    "Code",
    "Prize",
    "Award",
    "Awards",
    "Program",
    "Programme",
    "Plan",
    "Strategy",
    "Initiative",
    "Report",
    "God",
    "Heaven",
    "Christ",
    "Allah",
    "Black",
    "White",
    "United",
    "Grade",
    "Room",
    "Ward",
    "Game",
    "Week",
    "Round",
    "Phase",
    "Stage",
    "Section",
];

impl Resolver<'_> {
    /// A town or district the gazetteer lacks, named where only a place fits: one to three
    /// capitalized name words right after "in", "near" or "outside", or after "from" or "to"
    /// where a verb of motion comes before ("moved from Enugu", "drove to Truro"), and not
    /// followed by another name word, a possessive ("in Corrib's plant" is a company's), a
    /// number ("in Grade 12", "in Game 7") or a hyphen. No head of an organization in the run,
    /// no acronym alone, nothing the passes before have named, nothing in a headline. Runs
    /// after the people are known, so a surname standing alone ("confidence in Okafor") is
    /// already that person's.
    pub(super) fn infer_places_after_prepositions(&mut self) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c + 1;
            if c < 1 || self.covered_tok(c) || !self.name_word(c) || self.acronym(c) {
                continue;
            }
            if !self.place_preposition_before(c) {
                continue;
            }
            let n = self.name_run(c, 3);
            if n == 0 || c + n > self.tokens.len() {
                continue;
            }
            let last = c + n - 1;
            // Followed by a lowercase word or a mark that ends a phrase, not by a currency
            // ("from C$25.8 million"), a number or another name.
            let ends_clean = self.tokens.get(c + n).map_or(true, |t| {
                let w = t.text(self.text);
                if t.word {
                    w.starts_with(|ch: char| ch.is_lowercase())
                } else {
                    matches!(
                        w,
                        "," | "." | ";" | ":" | ")" | "—" | "?" | "!" | "\"" | "”"
                    )
                }
            });
            let short = n == 1 && self.tok(c).chars().count() < 3;
            let headed = (c..c + n).any(|j| {
                self.shape(j) & shape::bit::ORG_HEAD != 0 || NOT_PLACE_WORDS.contains(&self.tok(j))
            });
            if !ends_clean
                || short
                || headed
                || self.is(last, shape::bit::POSSESSIVE)
                || crate::text::possessive_len(self.text, self.tokens[last].span.end()) > 0
                || (c..c + n).any(|j| self.in_title_at(j) || self.covered_tok(j))
                || self.in_title_case_line(c)
            {
                continue;
            }
            found.push((c, n));
            i = c + n;
        }
        for (c, n) in found {
            self.infer_kind(c, n, None, EntityKind::Location);
        }
    }

    /// Whether the word before token `c` is a preposition that names a place here: "in",
    /// "near", "outside" and "from" (any case, one space before the name), "of" after a
    /// word for a town, its people or its mayor ("the mayor of Southey", "north of
    /// Lillooet"), or "to" after a verb of motion up to three words back ("moved to",
    /// "drove back to"). No "in" inside a
    /// capitalized name ("Hockey Night in Canada", "Excellence in Journalism"), but after a
    /// head ("St. Paul's United Church in Tavistock").
    fn place_preposition_before(&self, c: usize) -> bool {
        let p = c - 1;
        if !self.tokens[p].word || self.tokens[p].span.end() + 1 != self.tokens[c].span.start() {
            return false;
        }
        let w = self.tok(p);
        let in_name = p > 0
            && w.eq_ignore_ascii_case("in")
            && self.tokens[p - 1].word
            && self.upper(p - 1)
            && self.shape(p - 1) & (shape::bit::ORG_HEAD | shape::bit::PLACE_HEAD) == 0
            && {
                // Not the sentence's first word ("Residents in Truro"): a word or a comma
                // before it.
                let before = self.tokens[p - 1].span.start();
                self.text[..before]
                    .trim_end_matches(' ')
                    .chars()
                    .next_back()
                    .is_some_and(|ch| ch.is_alphanumeric() || ch == ',')
            };
        if in_name {
            return false;
        }
        if ["in", "near", "outside", "from"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(w))
        {
            return true;
        }
        // "the mayor of Southey", "the town of Truro", "residents of Oranmore".
        if w == "of" {
            return p > 0
                && self.tokens[p - 1].word
                && matches!(
                    self.tok(p - 1),
                    "mayor"
                        | "reeve"
                        | "warden"
                        | "town"
                        | "village"
                        | "city"
                        | "hamlet"
                        | "community"
                        | "communities"
                        | "resident"
                        | "residents"
                        | "outskirts"
                        | "suburb"
                        | "municipality"
                        | "township"
                        | "county"
                        | "province"
                        | "state"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                );
        }
        w == "to"
            && (p.saturating_sub(3)..p)
                .rev()
                .take_while(|&j| self.tokens[j].word)
                .any(|j| MOTION_VERBS.contains(&self.tok(j)))
    }
}

/// Lowercase nouns after which a capitalized name is a place's: "the Thompson-Nicola region",
/// "the Le Riverain tower", "Hurdman station".
const PLACE_NOUNS_AFTER: &[&str] = &[
    "region",
    "tower",
    "building",
    "station",
    "district",
    "riding",
    "ward",
    "area",
    "neighbourhood",
    "neighborhood",
    "valley",
    "watershed",
    "river",
    "highway",
    "complex",
    "reserve",
    "township",
    "county",
    "peninsula",
    "corridor",
    "subdivision",
];

impl Resolver<'_> {
    /// People the passes inferred who are places by their name's shape or what follows it:
    /// a name opening on a compass word ("the North Thompson"), or one a lowercase noun of
    /// place follows ("the Thompson-Nicola region", "the 16-storey Le Riverain tower").
    pub(super) fn persons_that_are_places(&mut self) {
        for k in 0..self.list.len() {
            let e = &self.list[k];
            let (EntityKind::Person, Origin::Inferred(span)) = (e.kind, e.origin) else {
                continue;
            };
            let name = &self.text[span.range()];
            let first = name.split([' ', '-']).next().unwrap_or(name);
            let compass = name.contains(' ') && COMPASS[..8].contains(&first);
            let rest = &self.text[span.end()..];
            let noun = rest.strip_prefix(' ').is_some_and(|r| {
                let w = r
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or_default();
                PLACE_NOUNS_AFTER.contains(&w)
            });
            if compass || noun {
                self.list[k].kind = EntityKind::Location;
                self.list[k].gender = None;
            }
        }
    }
}

/// Words that make a venue of the organization named before them: "Scotiabank Arena", "Tim
/// Hortons Field", "Bell MTS Place".
const VENUE_WORDS: &[&str] = &[
    "Arena",
    "Field",
    "Stadium",
    "Place",
    "Centre",
    "Center",
    "Gardens",
    "Coliseum",
    "Dome",
    "Amphitheatre",
    "Amphitheater",
    "Oval",
    "Park",
    "Ballpark",
    "Pavilion",
];

impl Resolver<'_> {
    /// A venue named for a sponsor the gazetteer knows: an organization's mention, one space,
    /// and a capitalized venue word no mention covers ("Scotiabank Arena", "Tim Hortons
    /// Field") is a place, which the organization's mention gives way to. Reads the flushed
    /// mentions.
    pub(super) fn venues_of_sponsors(&mut self) {
        let mut found: Vec<(usize, Span)> = Vec::new();
        for (k, m) in self.mentions.iter().enumerate() {
            if m.possessive || self.list[m.entity as usize].kind != EntityKind::Organization {
                continue;
            }
            let Some(rest) = self.text[m.span.end()..].strip_prefix(' ') else {
                continue;
            };
            let Some(venue) = VENUE_WORDS.iter().find(|v| {
                rest.starts_with(**v)
                    && !rest[v.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
            }) else {
                continue;
            };
            let end = m.span.end() + 1 + venue.len();
            // Not a longer name ("Tim Hortons Field House"), nor a venue word a mention has.
            let next_word = self.text[end..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_uppercase));
            let span = Span::new(m.span.start(), end);
            if !next_word && self.overlapping(span).count() == 1 {
                found.push((k, span));
            }
        }
        self.replace_by_inferred(&found, EntityKind::Location);
    }
}

/// Words that open a place's name: "River Cullaun", "County Clare", "Mount Royal"; with
/// "of" after them, a place of a place: "Port of Saltmarsh", "Gulf of Maine".
const PLACE_PREFIXES: &[&str] = &[
    "River", "County", "Lake", "Mount", "Mt.", "Port", "Gulf", "Cape", "Isle", "Bay", "Sea",
    "Strait", "Lac",
];

impl Resolver<'_> {
    /// Places named by a word that opens them: "River Cullaun", "County Clare", and with
    /// "of", "Port of Saltmarsh", "Gulf of Maine" (the known place inside is part of it). The
    /// name ends the phrase: "Lake Ossian Schools" is a school board's. Not in a headline.
    pub(super) fn infer_prefixed_places(&mut self) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c + 1;
            if !PLACE_PREFIXES.contains(&self.tok(c))
                || self.covered_tok(c)
                || c + 1 >= self.tokens.len()
            {
                continue;
            }
            // "Port of Saltmarsh": past "of", a known place or unknown name words.
            let mut s = c + 1;
            if self.tok(s) == "of" {
                s += 1;
            }
            if s >= self.tokens.len() || !self.tokens[s].word || !self.upper(s) {
                continue;
            }
            let Some(end) = self.place_name_end(s, 2) else {
                continue;
            };
            // "the Gulf War", "the Lake Placid Games": an event.
            if end == s || matches!(self.tok(end - 1), "War" | "Games" | "Cup" | "Crisis") {
                continue;
            }
            let ends = self.tokens.get(end).map_or(true, |t| {
                !(t.word && is_capitalized(t.text(self.text))) && t.text(self.text) != "of"
            });
            let person = s == c + 1 && self.is(end - 1, shape::bit::POSSESSIVE);
            if ends && !person && !self.in_title_case_line(c) && !self.in_title_at(c) {
                found.push((c, end - c));
                i = end;
            }
        }
        for &(c, n) in &found {
            let span = self.span_of(c, n);
            if self.covered_run(c, n) {
                self.unplaced.push(span);
            }
            self.infer_kind(c, n, None, EntityKind::Location);
        }
        self.drop_unplaced();
    }

    /// Where the name of a place that starts at token `j` ends: past a known place's mention,
    /// else past up to `limit` name words no mention covers ("the City of Winnipeg", "the Town
    /// of Corrabeg Falls", "Port of Saltmarsh"); `None` where neither starts there.
    pub(super) fn place_name_end(&self, j: usize, limit: usize) -> Option<usize> {
        match self.past_place(j) {
            Some(end) => Some(end),
            None if !self.covered_tok(j) && self.name_word(j) => Some(j + self.name_run(j, limit)),
            None => None,
        }
    }

    /// Places in a list with a known place: "Campbellton, Bathurst and Miramichi", "between
    /// Merritt and Clearwater", "Hurdman and Rideau stations". One or two capitalized name
    /// words no pass named, joined to a place's mention by "and", "or" or a comma, and ending
    /// the phrase. Reads the flushed mentions.
    pub(super) fn infer_listed_places(&mut self) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let is_place = |m: &MentionData| {
            !m.possessive && self.list[m.entity as usize].kind == EntityKind::Location
        };
        let joiner = |j: usize| matches!(self.tok(j), "and" | "or" | ",");
        let unknown_run = |c: usize| -> usize {
            if c >= self.tokens.len()
                || self.covered_tok(c)
                || !self.name_word(c)
                || self.in_title_at(c)
                || self.in_title_case_line(c)
            {
                return 0;
            }
            let n = self.name_run(c, 2);
            let clean = self.tokens.get(c + n).map_or(true, |t| {
                let w = t.text(self.text);
                if t.word {
                    !is_capitalized(w) && w != "of"
                } else {
                    matches!(w, "," | "." | ";" | ":" | ")" | "—")
                }
            });
            let headed = (c..c + n).any(|j| self.shape(j) & shape::bit::ORG_HEAD != 0);
            // "In St Louis, Tom Pagnozzi had three hits": a person the passes missed.
            let person = crate::given_names::is_common_given_name(self.tok(c));
            if n > 0 && clean && !headed && !person && !self.is(c + n - 1, shape::bit::POSSESSIVE) {
                n
            } else {
                0
            }
        };
        for m in self.mentions.iter().filter(|m| is_place(m)) {
            let Some(first) = self.token_at(m.span.start()) else {
                continue;
            };
            let last = self.tokens.first_at_or_after(m.span.end());
            // After: "Bathurst and Miramichi", and on down the list.
            // At most a dozen places on: a list of thousands stays linear.
            let mut last = last;
            let mut items = 0;
            while last + 1 < self.tokens.len() && joiner(last) && items < 12 {
                items += 1;
                let c = if self.tok(last) == "," && self.tok(last + 1) == "and" {
                    last + 2
                } else {
                    last + 1
                };
                let n = unknown_run(c);
                // After a comma alone, the list goes on past the run ("Campbellton,
                // Bathurst and Miramichi"); else the comma may end a clause ("In St Louis,
                // …").
                let listed = self.tok(last) != ","
                    || c == last + 2
                    || self
                        .tokens
                        .get(c + n)
                        .is_some_and(|t| matches!(t.text(self.text), "," | "and" | "or"));
                if n == 0 || !listed {
                    break;
                }
                found.push((c, n));
                last = c + n;
            }
            // Before: "between Merritt and Clearwater", "Campbellton, Bathurst and".
            if first >= 2 && joiner(first - 1) {
                let mut e = first - 1;
                if self.tok(e) == "and" && e >= 1 && self.tok(e - 1) == "," {
                    e -= 1;
                }
                let c = (e.saturating_sub(2)..e)
                    .find(|&c| unknown_run(c) == e - c)
                    .filter(|&c| c == 0 || !self.upper(c - 1) || !self.tokens[c - 1].word);
                if let Some(c) = c {
                    found.push((c, e - c));
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        for (c, n) in found {
            if !self.covered_run(c, n) {
                self.infer_kind(c, n, None, EntityKind::Location);
            }
        }
    }
}
