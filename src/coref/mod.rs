//! Coreference: which entity a phrase of the article is. Built once per article after the
//! entities (and the quote spans, which say what lies inside a quotation), it answers for a
//! noun phrase, a pronoun, a role noun ("the minister") and a name; attribution asks it about
//! the phrases it finds next to a cue and never the other way round.
//!
//! The linking of names to entities that entity recognition needs while it runs (which entry
//! a surname stands for, the further mentions of an inferred name, the gender a role word
//! states) is in [`names`]; a surname said alone that recognition linked to a place, a
//! person of one word or the gazetteer's namesake, in [`surnames`]; the name of a speaker no
//! entity stands for (a surname whose full name the recognizer missed) in [`unlinked`].

pub(crate) mod names;
mod surnames;
pub(crate) mod unlinked;

use crate::article::Article;
use crate::entity::{Entities, Knowledge, MentionData, Origin, TitleTarget};
use crate::gazetteer::{EntityKind, Gender};
use crate::quote::QuoteSpan;
use crate::span::Span;
use crate::text::ascii_lowercase;
use crate::words::Class;

/// Relations by which an article introduces a person after another ("her brother, Eli
/// Coffin") and later names them alone ("Her brother said"). Spouses are looked for both
/// ways ([`Coref::relative_named`]).
pub(crate) const RELATIONS: &[&str] = &[
    "husband",
    "wife",
    "mother",
    "father",
    "son",
    "daughter",
    "brother",
    "sister",
    "grandmother",
    "grandfather",
    "granddaughter",
    "grandson",
    "partner",
    "fiancée",
    "fiancé",
    "aunt",
    "uncle",
    "cousin",
    "niece",
    "nephew",
];

/// A phrase of the article and the entity it refers to, if any.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Referent {
    pub(crate) span: Span,
    pub(crate) entity: Option<u32>,
}

/// The coreference stage of one article.
pub(crate) struct Coref<'a> {
    at: &'a Article<'a>,
    entities: &'a Entities,
    quotes: &'a [QuoteSpan],
    /// [`Knowledge::title_words`].
    title_words: &'a [Vec<String>],
    /// Where the article first mentions each entity, and first names it in full (a mention
    /// of two words or more), `usize::MAX` for never: made on the first question about a
    /// surname ([`surnames`]).
    first_mentions: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// By entity, whether the article writes a full name for a place's or a gazetteer
    /// person's word, once looked for: 0 not yet, 1 no, 2 yes ([`surnames`]).
    written_in_full: std::cell::RefCell<Vec<u8>>,
    /// A bit for each last word of the full names of the people the gazetteer lacks, by a
    /// hash of the word: what rules most surnames out at once ([`surnames`]).
    surname_bits: std::cell::OnceCell<u64>,
}

impl<'a> Coref<'a> {
    /// The stage over an article's entities and quote spans, with what the gazetteer knows.
    pub(crate) fn new(
        at: &'a Article<'a>,
        knowledge: &Knowledge<'a>,
        entities: &'a Entities,
        quotes: &'a [QuoteSpan],
    ) -> Coref<'a> {
        Coref {
            at,
            entities,
            quotes,
            title_words: knowledge.title_words,
            first_mentions: std::cell::OnceCell::new(),
            written_in_full: std::cell::RefCell::new(Vec::new()),
            surname_bits: std::cell::OnceCell::new(),
        }
    }

    /// Whether `pos` lies inside a quote's marks.
    fn in_quote(&self, pos: usize) -> bool {
        crate::quote::holding(self.quotes, pos).is_some()
    }

    /// Resolves the noun phrase of tokens `a..b` to a speaker.
    pub(crate) fn resolve_np(&self, a: usize, b: usize) -> Referent {
        let span = Span::new(
            self.at.tokens[a].span.start(),
            self.at.tokens[b - 1].span.end(),
        );
        let ents = self.entities;
        if self.unnamed_source(a, b, span) {
            return Referent { span, entity: None };
        }
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
            // A place speaks only as the phrase's head ("Ottawa", "the U.S."), not as a
            // modifier ("Ontario nurses").
            let whole = x.span == span || (x.span.end() == span.end() && b - a <= 2);
            // A person outranks the organization or place of the phrase ("Dr. Helen Tse of
            // the Centre of Forensic Sciences", "Lakers coach Monica Reyes-Hall"), an
            // organization its place ("CUPE Ontario"); else the last mention wins.
            let rank = match kind {
                EntityKind::Person => 3,
                EntityKind::Organization => 2,
                EntityKind::Location if whole => 1,
                _ => continue,
            };
            if best.map_or(true, |(r, _)| rank >= r) {
                best = Some((rank, *x));
            }
        }
        let mut best = best.map(|(_, x)| x);
        // "the Ballarat captain", "the Leafs coach": an organization or a place that only
        // modifies a role noun is not the speaker; the role's person is, or no one.
        let role_tail = b - a >= 2
            && self.at.tokens[b - 1].word
            && self
                .at
                .tok(b - 1)
                .starts_with(|c: char| c.is_ascii_lowercase())
            && crate::role::is_role(self.at.tok(b - 1));
        if role_tail
            && best.is_some_and(|x| {
                x.span.end() < span.end() && ents.list[x.entity as usize].kind != EntityKind::Person
            })
        {
            best = None;
        }
        // Else a name the phrase is part of: "Lindqvist" of "May Lindqvist", where the
        // attribution's words stopped at a word that is also a month; or an organization's
        // name the phrase is part of or stops inside, at a word such as "and": "The Food" and
        // "Allied Workers Union" of "The Food and Allied Workers Union". One look at the few
        // mentions starting before the phrase's last word.
        if best.is_none() {
            let last = self.at.tokens[b - 1].span;
            let hi = m.partition_point(|x| x.span.start() <= last.start());
            best = m[hi.saturating_sub(12)..hi]
                .iter()
                .rev()
                .find(|x| {
                    !x.possessive
                        && match ents.list[x.entity as usize].kind {
                            EntityKind::Person => x.span.contains(span),
                            EntityKind::Organization => {
                                x.span.contains(last)
                                    && (x.span.end() > span.end() || x.span.contains(span))
                            }
                            _ => false,
                        }
                })
                .copied();
        }
        if let Some(x) = best {
            // A surname alone: the person the article named in full, not a place of that
            // name ("Houston said"), nor a person known only by the surname.
            let place = ents.list[x.entity as usize].kind == EntityKind::Location;
            let full = (!place || x.span == span)
                .then(|| self.full_name_for(x.span, x.entity, x.span.start(), None))
                .flatten();
            // Or a person the article names in full though recognition missed them: then no
            // entity, and the speaker's name is the full name written.
            if full.is_none() && (!place || x.span == span) && self.written_in_full(&x) {
                return Referent {
                    span: x.span,
                    entity: None,
                };
            }
            return Referent {
                span: x.span,
                entity: Some(full.unwrap_or(x.entity)),
            };
        }
        // "Her brother said": the person the article introduced as "her brother, Eli Coffin".
        if b - a == 2 && self.at.lower_is(a, &["his", "her", "their"]) {
            if let Some(e) = self.relative_named(self.at.tok(a + 1), span.start()) {
                return Referent {
                    span,
                    entity: Some(e),
                };
            }
        }
        if b - a == 1 && self.at.is(a, Class::PRONOUN) {
            let entity = self
                .resolve_pronoun(a)
                .map(|e| self.fullest_person(e, span.start(), pronoun_gender(self.at.tok(a))));
            return Referent { span, entity };
        }
        // "the 34-year-old winger": the person given that age, else the one the sentences
        // before are about.
        if b - a >= 2 && self.at.lower_is(a, &["the"]) {
            if let Some(age) = described_age(&self.at.text[span.range()]) {
                if let Some(e) = self.resolve_age(age, span.start()) {
                    return Referent {
                        span,
                        entity: Some(e),
                    };
                }
            }
        }
        // A generic role: "the minister", "the company's chief executive".
        let t = &ents.titles;
        let lo = t.partition_point(|x| x.span.end() <= span.start());
        for r in t[lo..].iter().take_while(|r| r.span.start() < span.end()) {
            // A title before a name is that name's ("Lakers coach Monica Reyes-Hall"), even
            // where the name is no person entity: not the last coach mentioned.
            if r.before_name {
                continue;
            }
            if let TitleTarget::Role(role) = r.target {
                if let Some(e) = self.resolve_role(
                    crate::role::head(crate::role::ROLES[role as usize]),
                    span.start(),
                ) {
                    return Referent {
                        span,
                        entity: Some(e),
                    };
                }
            }
        }
        // "the goalie", "the teenager", "the Montreal native", "the single mother": a person
        // described by a noun no one was given as a role is the one the sentences before are
        // about, of the noun's gender where it has one.
        if (2..=4).contains(&(b - a)) && self.at.lower_is(a, &["the"]) {
            // "the father of two": the noun before "of" and a number.
            let mut last = b - 1;
            if b - a >= 4
                && self.at.lower_is(b - 2, &["of"])
                && self
                    .at
                    .lower_is(b - 1, &["two", "three", "four", "five", "six", "seven"])
            {
                last = b - 3;
            }
            let mut buf = [0; 32];
            let noun = ascii_lowercase(self.at.tok(last), &mut buf);
            // An official's title no one was given ("the director", "the officer") is no
            // description of whoever the sentences before are about (the man shot, the
            // accused): left as written.
            const OFFICIALS: &[&str] = &[
                "director",
                "officer",
                "official",
                "investigator",
                "prosecutor",
                "coroner",
                "inspector",
                "detective",
                "superintendent",
                "commissioner",
                "spokesperson",
                "spokesman",
                "spokeswoman",
            ];
            let official = OFFICIALS.contains(&noun.as_ref());
            if let Some(gender) = person_noun(&noun)
                .filter(|_| !official && !self.unnamed_before(&noun, span.start()))
            {
                let fits = |e: u32| {
                    let d = &ents.list[e as usize];
                    d.kind == EntityKind::Person
                        && (gender.is_none() || d.gender.is_none() || d.gender == gender)
                };
                let found = self
                    .salient(span.start(), fits, false)
                    .or_else(|| self.protagonist(span.start(), fits));
                if let Some(e) = found {
                    return Referent {
                        span,
                        entity: Some(e),
                    };
                }
            }
        }
        // "Police said": the police force the article named last.
        if b - a == 1 && self.at.lower_is(a, &["police"]) {
            if let Some(e) = self.resolve_org_noun("police", None, span.start()) {
                return Referent {
                    span,
                    entity: Some(e),
                };
            }
        }
        // "the company", "the union", "the city council": the organization of that sort
        // mentioned last.
        let modified = b - a == 3
            && self.at.tokens[a + 1].word
            && self.at.tok(a + 1).chars().all(char::is_alphabetic)
            && self.at.tok(b - 1).bytes().all(|c| c.is_ascii_lowercase());
        // "the Toronto-based company", "the family-owned chain": a compound before the
        // noun, which need not be in the name.
        let glued = |i: usize| self.at.tokens[i].span.end() == self.at.tokens[i + 1].span.start();
        let compound = b - a >= 5
            && b - a <= 9
            && (a + 1..b - 2).all(glued)
            && (a + 1..b - 1).any(|i| self.at.sym(i) == b'-')
            && self.at.tok(b - 1).bytes().all(|c| c.is_ascii_lowercase());
        if (b - a == 2 || modified || compound) && self.at.tok(a).eq_ignore_ascii_case("the") {
            let mut buf = [0; 32];
            let noun = ascii_lowercase(self.at.tok(b - 1), &mut buf);
            let modifier = modified.then(|| self.at.tok(a + 1));
            if let Some(e) = self.resolve_org_noun(&noun, modifier, span.start()) {
                return Referent {
                    span,
                    entity: Some(e),
                };
            }
        }
        Referent { span, entity: None }
    }

    /// The person the text before `pos` names right after "his", "her" or "their" and the
    /// relation `relation` ("her brother, Eli Coffin", "his mother Ngozi Obi-Lawson"), the
    /// latest such; for a spouse, else the person before "and his wife" or "and her husband"
    /// ("Tony Ferreira and his wife, Linda Ferreira": her husband is Tony Ferreira).
    fn relative_named(&self, relation: &str, pos: usize) -> Option<u32> {
        let mut buf = [0; 32];
        let relation = ascii_lowercase(relation, &mut buf);
        let relation = relation.as_ref();
        let spouse = match relation {
            "husband" => Some("wife"),
            "wife" => Some("husband"),
            _ => None,
        };
        if spouse.is_none() && !RELATIONS.contains(&relation) {
            return None;
        }
        // A window of the text before: a relative is introduced within a few paragraphs,
        // and a long text stays linear.
        let mut lo = pos.saturating_sub(12_000);
        while !self.at.text.is_char_boundary(lo) {
            lo += 1;
        }
        let text = &self.at.text[..pos];
        let ents = self.entities;
        let person = |m: &MentionData| {
            !m.possessive && ents.list[m.entity as usize].kind == EntityKind::Person
        };
        // The person mention starting within two bytes of `at` (", " or " ").
        let after = |at: usize| {
            let m = &ents.mentions;
            let k = m.partition_point(|x| x.span.start() < at);
            m.get(k)
                .filter(|x| x.span.start() <= at + 2 && x.span.start() < pos && person(x))
                .map(|x| x.entity)
        };
        // The person mention ending at `at`, one space before.
        let before = |at: usize| {
            let m = &ents.mentions;
            let k = m.partition_point(|x| x.span.start() < at);
            m[..k]
                .iter()
                .rev()
                .take(3)
                .find(|x| x.span.end() + 1 == at && person(x))
                .map(|x| x.entity)
        };
        let owner_words = ["his ", "her ", "their "];
        let finder = memchr::memmem::FinderRev::new(relation.as_bytes());
        for at in finder.rfind_iter(&text.as_bytes()[lo..]).take(20) {
            let at = lo + at;
            let end = at + relation.len();
            let owned = owner_words.iter().any(|o| {
                text[..at].len() >= o.len()
                    && text.is_char_boundary(at - o.len())
                    && text[at - o.len()..at].eq_ignore_ascii_case(o)
            });
            if !owned || text[end..].starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            if let Some(e) = after(end) {
                return Some(e);
            }
        }
        let spouse = spouse?;
        let finder = memchr::memmem::FinderRev::new(spouse.as_bytes());
        for at in finder.rfind_iter(&text.as_bytes()[lo..]).take(20) {
            let at = lo + at;
            for joined in [" and his ", " and her "] {
                if let Some(start) = at.checked_sub(joined.len()) {
                    if text.get(start..at) == Some(joined) {
                        if let Some(e) = before(start + 1) {
                            return Some(e);
                        }
                    }
                }
            }
        }
        None
    }

    /// Whether the phrase of tokens `a..b` is a source the article leaves unnamed, though it
    /// names whom they speak for: "a spokesperson for the Canada Council", "A Department for
    /// Transport spokesperson", "a spokesman for Gov. Kathy Hochul", "Agency officials". The
    /// speaker is a person, not the organization, and not the person they work for; a name
    /// given in apposition ("a spokeswoman, Ana Ruiz,") names them.
    fn unnamed_source(&self, a: usize, b: usize, span: Span) -> bool {
        use crate::words::{UNNAMED_PLURALS, UNNAMED_SOURCES};
        let plural = b - a >= 2 && self.at.lower_is(b - 1, UNNAMED_PLURALS);
        let singular = self.at.lower_is(a, &["a", "an"])
            && (a + 1..b).any(|i| self.at.lower_is(i, UNNAMED_SOURCES));
        if !plural && !singular {
            return false;
        }
        // Named in apposition: a person mention right after a comma inside the phrase.
        let m = &self.entities.mentions;
        let lo = m.partition_point(|x| x.span.start() < span.start());
        !m[lo..]
            .iter()
            .take_while(|x| x.span.end() <= span.end())
            .any(|x| {
                self.entities.list[x.entity as usize].kind == EntityKind::Person
                    && self.at.text[span.start()..x.span.start()]
                        .trim_end()
                        .ends_with(',')
            })
    }

    /// The organization mentioned last before `pos` (within a few hundred mentions) that an
    /// organization noun fits: "company" and "firm" any organization whose name is not a
    /// public body's, "union" one named a union or its members, "university", "council" and
    /// the like one whose name has that word.
    fn resolve_org_noun(&self, noun: &str, modifier: Option<&str>, pos: usize) -> Option<u32> {
        const PUBLIC: &[&str] = &[
            "university",
            "college",
            "school",
            "union",
            "council",
            "police",
            "department",
            "ministry",
            "agency",
            "court",
            "commission",
            "committee",
            "party",
            "board",
            "authority",
            "club",
            "fc",
            "association",
            "institute",
            "hospital",
            "service",
            "office",
            "government",
            "league",
            "federation",
            "parliament",
            "senate",
            "exchange",
            "assembly",
            "legislature",
            "tribunal",
            "régie",
            "confédération",
            "syndicat",
            "syndicats",
            "ministère",
        ];
        let company = matches!(
            noun,
            "company"
                | "firm"
                | "business"
                | "retailer"
                | "grocer"
                | "chain"
                | "insurer"
                | "lender"
                | "automaker"
                | "carrier"
                | "airline"
                | "manufacturer"
                | "maker"
                | "developer"
                | "startup"
                | "conglomerate"
                | "bank"
                | "group"
                | "organization"
                | "organisation"
        );
        let by_name = crate::words::NAMED_ORG_NOUNS.contains(&noun);
        let named = |word: &str| {
            by_name && word.eq_ignore_ascii_case(noun)
                || noun == "union"
                    && matches!(
                        word.trim_end_matches(['\'', '’']),
                        "Workers" | "Employees" | "Teachers" | "Nurses" | "Steelworkers"
                    )
                || noun == "team" && matches!(word, "FC" | "Rovers" | "Athletic" | "United")
                // "police" fits a force named so, or by an acronym ending in P (RCMP, OPP).
                || noun == "police"
                    && (word == "Police"
                        || (word.len() >= 3
                            && word.ends_with('P')
                            && word.bytes().all(|b| b.is_ascii_uppercase())))
                // A school district by its board or its schools' name: "Cedar Hollow Board of
                // Education", "Lake Ossian Schools".
                || noun == "district" && matches!(word, "District" | "Schools" | "Board")
        };
        let ents = self.entities;
        // The words of the organization's fullest name the article wrote: an acronym or a
        // short form says too little ("DHWU" is a union, "CSN" a confederation of unions).
        let full_name = |x: &MentionData| match ents.list[x.entity as usize].origin {
            Origin::Inferred(span) => &self.at.text[span.range()],
            // The gazetteer's entries by their longest mention of the last paragraphs.
            Origin::Gazetteer(_) => {
                let longest = self
                    .recent_mentions(pos)
                    .take(200)
                    .filter(|y| y.entity == x.entity)
                    .max_by_key(|y| y.span.len())
                    .map_or(x.span, |y| y.span);
                &self.at.text[longest.range()]
            }
        };
        // A company's noun goes first to an organization whose name has a company's head
        // ("Saltmarsh Port Holdings plc", "Corrib Medical Devices Ltd."), the latest such,
        // over a public body or a union named since.
        if company {
            let headed = self
                .recent_mentions(pos)
                .take(200)
                .filter(|x| ents.list[x.entity as usize].kind == EntityKind::Organization)
                .filter(|x| unlinked::modifier_fits(modifier, &self.at.text[x.span.range()]))
                .find(|x| {
                    let mut words = full_name(x).split(' ');
                    words.any(|w| {
                        crate::words::LEGAL_SUFFIXES.contains(&w)
                            || crate::words::COMPANY_HEADS.contains(&w)
                    })
                });
            if let Some(x) = headed.filter(|x| !self.affiliation(x.span)) {
                return Some(x.entity);
            }
        }
        // An organization described was named in the last paragraphs: the last two hundred
        // mentions are enough, and a description that fits none costs no more.
        let mut fits = self
            .recent_mentions(pos)
            .take(200)
            .filter(|x| ents.list[x.entity as usize].kind == EntityKind::Organization)
            .filter(|x| unlinked::modifier_fits(modifier, &self.at.text[x.span.range()]))
            .filter(|x| {
                let name = full_name(x).split(' ');
                if company {
                    // Nor a union's local: "United Steelworkers Local 7135".
                    !name.clone().any(|w| {
                        PUBLIC.iter().any(|p| w.eq_ignore_ascii_case(p))
                            || w == "Local"
                            || w.trim_end_matches(['\'', '’']).ends_with("workers")
                    })
                } else {
                    name.clone().any(named)
                }
            });
        // An organization named only as where someone works ("Marcus Webb, an analyst at
        // Tidemark Securities") is not what the article goes on to call "the company" while
        // one it reports on fits too.
        // "The department" or "the agency" with no organization of that name: a federal
        // body named for the country, as Canada names them ("Fisheries and Oceans Canada",
        // "Immigration, Refugees and Citizenship Canada").
        let first = match fits.next() {
            Some(first) => first,
            None if matches!(noun, "department" | "agency" | "ministry" | "authority") => {
                // Or a public health body named for its place ("Clark County Public
                // Health", "Nova Scotia Health").
                return self
                    .recent_mentions(pos)
                    .take(200)
                    .filter(|x| ents.list[x.entity as usize].kind == EntityKind::Organization)
                    .find(|x| {
                        let name = &self.at.text[x.span.range()];
                        (name.len() > 7 && name.ends_with(" Canada")) || name.ends_with(" Health")
                    })
                    .map(|x| x.entity);
            }
            None => return None,
        };
        if !self.affiliation(first.span) {
            return Some(first.entity);
        }
        Some(
            fits.take(50)
                .find(|x| x.entity != first.entity && !self.affiliation(x.span))
                .unwrap_or(first)
                .entity,
        )
    }

    /// Whether the mention at `span` follows a role word and "at", "with" or "for": "an
    /// analyst at Tidemark Securities", "a partner with Hale LLP"; or "according to", a
    /// source the article cites ("According to the tracking firm Northstar Venture Data").
    fn affiliation(&self, span: Span) -> bool {
        let before = self.at.text[..span.start()].trim_end();
        // A source cited: "According to the tracking firm Northstar Venture Data".
        let mut from = before.len().saturating_sub(40);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        let near = &before[from..];
        if let Some(at) = near.rfind("ccording to") {
            if !near[at..].contains(['.', ',', ';']) {
                return true;
            }
        }
        let Some(rest) = ["at", "with", "for"]
            .iter()
            .find_map(|p| before.strip_suffix(p))
            .filter(|r| r.ends_with(' '))
        else {
            return false;
        };
        let rest = rest.trim_end();
        let word = &rest[rest.rfind(' ').map_or(0, |i| i + 1)..];
        word.starts_with(|c: char| c.is_ascii_lowercase()) && crate::role::is_role(word)
    }

    /// Whether a non-possessive person mention lies inside `span`.
    pub(crate) fn names_person(&self, span: Span) -> bool {
        let m = &self.entities.mentions;
        let lo = m.partition_point(|x| x.span.start() < span.start());
        m[lo..]
            .iter()
            .take_while(|x| x.span.end() <= span.end())
            .any(|x| {
                !x.possessive && self.entities.list[x.entity as usize].kind == EntityKind::Person
            })
    }

    /// Whether `span` is exactly a mention of a place: "Ont." and "Sudbury" of "of Sudbury,
    /// Ont.,".
    pub(crate) fn is_place(&self, span: Span) -> bool {
        let m = &self.entities.mentions;
        let lo = m.partition_point(|x| x.span.start() < span.start());
        m[lo..]
            .iter()
            .take_while(|x| x.span.start() == span.start())
            .any(|x| {
                x.span == span && self.entities.list[x.entity as usize].kind == EntityKind::Location
            })
    }

    /// Whether a non-possessive person or organization mention lies inside `span`.
    pub(crate) fn names_any(&self, span: Span) -> bool {
        let m = &self.entities.mentions;
        let lo = m.partition_point(|x| x.span.start() < span.start());
        m[lo..]
            .iter()
            .take_while(|x| x.span.start() < span.end())
            .any(|x| {
                !x.possessive
                    && span.contains(x.span)
                    && matches!(
                        self.entities.list[x.entity as usize].kind,
                        EntityKind::Person | EntityKind::Organization
                    )
            })
    }

    /// The one person a paragraph is about, outside its quotes: named there (in any form), or
    /// referred to by "he", "she", "his" or "her" and resolved to them; `None` where the
    /// paragraph names no person or several (a later one named only as a possessive does not
    /// count). The referent's span is the person's first
    /// mention in the paragraph. At most a few hundred mentions and tokens are looked at.
    pub(crate) fn paragraph_person(&self, para: Span) -> Option<Referent> {
        let ents = self.entities;
        let person = |e: u32| ents.list[e as usize].kind == EntityKind::Person;
        let mut found: Option<Referent> = None;
        let note = |found: &mut Option<Referent>, r: Referent| -> bool {
            match *found {
                None => {
                    *found = Some(r);
                    true
                }
                Some(f) => f.entity == r.entity,
            }
        };
        let m = &ents.mentions;
        let lo = m.partition_point(|x| x.span.start() < para.start());
        // A person named only as a possessive is no second subject, before or after the
        // paragraph's person ("Quinn … set up Priyanka Dhillon's opener", "Farah's mother,
        // Hodan Warsame, sat …"); the paragraph is about them only where it names no one
        // else.
        let mut possessed: Option<Referent> = None;
        for x in m[lo..].iter().take(200) {
            if x.span.start() >= para.end() {
                break;
            }
            if person(x.entity) && !self.in_quote(x.span.start()) {
                let r = Referent {
                    span: x.span,
                    entity: Some(x.entity),
                };
                if x.possessive {
                    possessed = possessed.or(Some(r));
                } else if !note(&mut found, r) {
                    return None;
                }
            }
        }
        if found.is_none() {
            found = possessed;
        }
        let tokens = self.at.tokens;
        let (t0, t1) = (
            tokens.first_at_or_after(para.start()),
            tokens.first_at_or_after(para.end()),
        );
        for i in (t0..t1).take(400) {
            if !tokens[i].word || self.in_quote(tokens[i].span.start()) {
                continue;
            }
            let w = self.at.tok(i);
            if !matches!(
                w,
                "he" | "He" | "she" | "She" | "his" | "His" | "her" | "Her"
            ) {
                continue;
            }
            let e = self.resolve_pronoun(i)?;
            let r = Referent {
                span: tokens[i].span,
                entity: Some(e),
            };
            if !note(&mut found, r) {
                return None;
            }
        }
        found.filter(|r| r.entity.is_some())
    }

    /// The gender votes of the article's narrative pronouns, into `out` (emptied first): for
    /// each "she", "he", "her" or "his" outside quotes that resolves to a person the article
    /// gives no gender yet, that person and +1 (female) or -1 (male). At most a few thousand
    /// pronouns are read, so a huge text stays linear.
    pub(crate) fn pronoun_votes(&self, out: &mut Vec<(u32, i8)>) {
        out.clear();
        // Most articles' people all have a gender from the gazetteer or their given name.
        let open =
            |d: &crate::entity::EntityData| d.kind == EntityKind::Person && d.gender.is_none();
        if !self.entities.list.iter().any(open) {
            return;
        }
        let tokens = self.at.tokens;
        let mut asked = 0;
        for i in 0..tokens.len() {
            let t = tokens[i];
            // The pronouns' lengths, then their first letters at one byte: most words are out
            // here.
            if !(2..=3).contains(&t.span.len()) || !t.word {
                continue;
            }
            let first = self.at.text.as_bytes()[t.span.start()] | 0x20;
            if !matches!(first, b's' | b'h') {
                continue;
            }
            let vote = match self.at.tok(i) {
                "she" | "She" | "her" | "Her" => 1,
                "he" | "He" | "his" | "His" => -1,
                _ => continue,
            };
            if self.in_quote(t.span.start()) {
                continue;
            }
            asked += 1;
            if asked > 4096 {
                break;
            }
            let Some(e) = self.resolve_pronoun(i) else {
                continue;
            };
            let d = &self.entities.list[e as usize];
            if d.kind == EntityKind::Person && d.gender.is_none() {
                out.push((e, vote));
            }
        }
    }

    /// "he", "she", "they", "it": the first fitting mention of the current sentence before the
    /// pronoun, else of each sentence before it, up to four back (subjects come first). "his"
    /// and "her" resolve as "he" and "she".
    pub(crate) fn resolve_pronoun(&self, i: usize) -> Option<u32> {
        let mut buf = [0; 32];
        let w = ascii_lowercase(self.at.tok(i), &mut buf);
        let pos = self.at.tokens[i].span.start();
        let ents = self.entities;
        let fits = |e: u32| -> bool {
            let d = &ents.list[e as usize];
            match &*w {
                "he" | "his" => {
                    d.kind == EntityKind::Person
                        && d.gender != Some(Gender::Female)
                        && d.gender != Some(Gender::Other)
                }
                "she" | "her" => {
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
        self.salient(pos, fits, matches!(&*w, "it" | "they"))
    }

    /// The person the article is about, where the sentences before name no one who fits: of
    /// the people mentioned before `pos` (in the 150 mentions before it) that `fits`,
    /// the one mentioned most, the first named of equals. "The single mother said" a few
    /// paragraphs after the woman the story follows was last named. (Pronouns do not ask:
    /// measured, it lost more "she"s than it found.)
    fn protagonist(&self, pos: usize, fits: impl Fn(u32) -> bool) -> Option<u32> {
        let ents = self.entities;
        // Bounded: the 150 mentions before and 32 people at most, whatever the text.
        let mut counts: Vec<(u32, u32, usize)> = Vec::with_capacity(32);
        for x in self.recent_mentions(pos).take(150) {
            if x.possessive || ents.list[x.entity as usize].kind != EntityKind::Person {
                continue;
            }
            if let Some(c) = counts.iter_mut().find(|c| c.0 == x.entity) {
                c.1 += 1;
                c.2 = x.span.start();
            } else if counts.len() < 32 {
                counts.push((x.entity, 1, x.span.start()));
            }
        }
        // Two mentions at least: someone named once is not whom the article follows.
        counts
            .into_iter()
            .filter(|&(e, n, _)| n >= 2 && fits(e))
            .max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(first)))
            .map(|(e, ..)| e)
    }

    /// The first mention that `fits` of the sentence holding `pos`, before `pos`, else of each
    /// sentence before it, up to four back; with `subject_only`, only the subject of this
    /// sentence or the one before, where an organization described ("The company said …")
    /// counts as its subject.
    fn salient(&self, pos: usize, fits: impl Fn(u32) -> bool, subject_only: bool) -> Option<u32> {
        let ents = self.entities;
        let sents = self.at.sentences;
        let mut si = sents.partition_point(|s| s.end() <= pos);
        let mut limit = pos;
        for _ in 0..(if subject_only { 2 } else { 5 }) {
            let Some(s) = sents.get(si) else { break };
            if subject_only {
                if let Some(e) = self.described_subject(*s, limit) {
                    return fits(e).then_some(e);
                }
            }
            let m = &ents.mentions;
            // At most a few thousand bytes back: a runaway sentence stays linear.
            let lo =
                m.partition_point(|x| x.span.start() < s.start().max(pos.saturating_sub(3000)));
            for x in &m[lo..] {
                if x.span.start() >= limit.min(s.end()) {
                    break;
                }
                if !x.possessive && fits(x.entity) && !self.in_quote(x.span.start()) {
                    return Some(x.entity);
                }
                if subject_only && !x.possessive {
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

    /// The organization a sentence opens with a description of, before `limit`: "The
    /// company also said …" is the company the article named last.
    fn described_subject(&self, s: Span, limit: usize) -> Option<u32> {
        let tokens = self.at.tokens;
        let mut t = tokens.first_at_or_after(s.start());
        while t < tokens.len() && self.at.is_mark(t) {
            t += 1;
        }
        if t + 1 >= tokens.len()
            || tokens[t + 1].span.end() > limit.min(s.end())
            || !self.at.tok(t).eq_ignore_ascii_case("the")
            || !tokens[t + 1].word
        {
            return None;
        }
        let mut buf = [0; 32];
        let noun = ascii_lowercase(self.at.tok(t + 1), &mut buf);
        self.resolve_org_noun(&noun, None, tokens[t].span.start())
    }

    /// The person "the `age`-year-old" before `pos` is: one the article gave that age ("Sam
    /// Whitaker, 23,", "34-year-old Mathieu Cormier"), else the person the sentence or the
    /// ones before it are about.
    fn resolve_age(&self, age: &str, pos: usize) -> Option<u32> {
        let ents = self.entities;
        let text = self.at.text;
        let person = |e: u32| ents.list[e as usize].kind == EntityKind::Person;
        let given = self.recent_mentions(pos).find(|x| {
            person(x.entity)
                && (text[x.span.end()..]
                    .strip_prefix(", ")
                    .and_then(|r| r.strip_prefix(age))
                    .is_some_and(|r| r.starts_with([',', ' ', ')']))
                    || text[..x.span.start()]
                        .strip_suffix("-year-old ")
                        .is_some_and(|r| {
                            r.ends_with(age)
                                && !r[..r.len() - age.len()].ends_with(|c: char| c.is_ascii_digit())
                        }))
        });
        given
            .map(|x| x.entity)
            .or_else(|| self.salient(pos, person, false))
    }

    /// Whether `noun` was just introduced as someone unnamed, "a senior official involved in
    /// the negotiations": in the few hundred bytes before `pos`, after "a", "an" or "one"
    /// within three words, outside quotes. "The official" is then that person, no one named.
    fn unnamed_before(&self, noun: &str, pos: usize) -> bool {
        let text = self.at.text;
        let mut from = pos.saturating_sub(600);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..pos];
        // The sentence's own start: there, any determiner introduces the noun ("The police
        // officer who shot Jordan Sakanee … believed …, the officer told the inquest").
        let sents = self.at.sentences;
        let sentence = sents
            .get(sents.partition_point(|s| s.end() <= pos))
            .map_or(pos, |s| s.start());
        window.match_indices(noun).any(|(at, _)| {
            let whole = !window[..at].ends_with(char::is_alphanumeric)
                && !window[at + noun.len()..].starts_with(char::is_alphanumeric);
            let same_sentence = from + at >= sentence;
            // Not a word inside a quote: "You can't ask a 16-year-old goalie to …".
            whole
                && !self.in_quote(from + at)
                && window[..at].split_whitespace().rev().take(3).any(|w| {
                    matches!(w, "a" | "an" | "A" | "An" | "one")
                        || (same_sentence && matches!(w, "the" | "The"))
                })
        })
    }

    /// The mentions before `pos`, latest first. A role or a description was introduced
    /// recently: only the last few hundred mentions are looked at, so an article of any length
    /// stays linear.
    fn recent_mentions(&self, pos: usize) -> impl Iterator<Item = &MentionData> {
        let m = &self.entities.mentions;
        let hi = m.partition_point(|x| x.span.start() < pos);
        m[hi.saturating_sub(400)..hi].iter().rev()
    }

    /// The latest person before `pos` the article or the gazetteer gives this role.
    pub(crate) fn resolve_role(&self, head: &str, pos: usize) -> Option<u32> {
        let ents = self.entities;
        self.recent_mentions(pos).map(|x| x.entity).find(|&e| {
            let d = &ents.list[e as usize];
            d.kind == EntityKind::Person
                && (ents
                    .roles_of(d)
                    .any(|r| crate::role::same_office(crate::role::head(r), head))
                    || match d.origin {
                        Origin::Gazetteer(entry) => self.title_words[entry as usize]
                            .iter()
                            .any(|w| crate::role::same_office(w, head)),
                        _ => false,
                    })
        })
    }
}

/// Whether `noun` (lowercase) describes a person, and the gender it says: a role ("goalie",
/// "spokeswoman") or a word for a person ("teenager", "native", "mother").
fn person_noun(noun: &str) -> Option<Option<Gender>> {
    const FEMALE: &[&str] = &[
        "mother",
        "woman",
        "girl",
        "daughter",
        "grandmother",
        "wife",
        "mom",
        "widow",
        "sister",
        "granddaughter",
        "aunt",
    ];
    const MALE: &[&str] = &[
        "father",
        "man",
        "boy",
        "son",
        "grandfather",
        "husband",
        "dad",
        "widower",
        "brother",
        "grandson",
        "uncle",
    ];
    const ANY: &[&str] = &[
        "teenager",
        "native",
        "veteran",
        "youngster",
        "senior",
        "retiree",
        "newcomer",
        "homeowner",
        "victim",
        "survivor",
        "patient",
        "parent",
        "sophomore",
        "freshman",
        "graduate",
        "immigrant",
        "refugee",
        "mother-of-three",
        "grandparent",
        "teen",
        "child",
        "rookie",
        "great-grandmother",
    ];
    if FEMALE.contains(&noun) {
        Some(Some(Gender::Female))
    } else if MALE.contains(&noun) {
        Some(Some(Gender::Male))
    } else if ANY.contains(&noun) || crate::role::is_head(noun) {
        Some(crate::coref::names::role_gender(noun))
    } else {
        None
    }
}

/// The gender a pronoun gives: "she" and "her" female, "he", "him" and "his" male.
fn pronoun_gender(word: &str) -> Option<Gender> {
    let mut buf = [0; 32];
    match &*ascii_lowercase(word, &mut buf) {
        "she" | "her" => Some(Gender::Female),
        "he" | "him" | "his" => Some(Gender::Male),
        _ => None,
    }
}

/// The age of a description "the 34-year-old winger": the digits before "-year-old".
fn described_age(words: &str) -> Option<&str> {
    // Most descriptions have no digit: one pass over the bytes, no substring searcher.
    if !words.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let at = words.find("-year-old")?;
    let digits = &words[..at];
    let start = digits
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let age = &digits[start..];
    (!age.is_empty() && age.len() <= 3 && digits[..start].ends_with(' ')).then_some(age)
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// Two people and a company of the test's own, genders given.
    const PEOPLE: &str = r#"{"id": "ana-ruiz", "kind": "person", "name": "Ana Ruiz", "gender": "female", "titles": ["Mayor of Springfield"]}
{"id": "tom-brandt", "kind": "person", "name": "Tom Brandt", "gender": "male"}
{"id": "acme", "kind": "organization", "name": "Acme Corp."}"#;

    fn extractor() -> Extractor {
        Extractor::builder()
            .builtin(false)
            .gazetteer_str("people.jsonl", PEOPLE)
            .and_then(|b| b.build())
            .unwrap()
    }

    /// The id of the entity `ask` answers for the `nth` token whose text is `word`, or `None`.
    fn ask(
        text: &str,
        word: &str,
        nth: usize,
        ask: impl Fn(&super::Coref<'_>, usize) -> Option<u32>,
    ) -> Option<String> {
        let ex = extractor();
        let ids: Vec<String> = ex
            .extract(text)
            .entities
            .into_iter()
            .map(|e| e.id)
            .collect();
        ex.with_coref(text, |coref, at, _| {
            let i = (0..at.tokens.len())
                .filter(|&i| at.tok(i) == word)
                .nth(nth)
                .unwrap_or_else(|| panic!("no {word:?} #{nth} in {text:?}"));
            ask(coref, i).map(|e| ids[e as usize].clone())
        })
    }

    fn pronoun(text: &str, word: &str) -> Option<String> {
        ask(text, word, 0, |c, i| c.resolve_pronoun(i))
    }

    #[test]
    fn a_pronoun_goes_to_the_latest_person_of_its_gender() {
        let both = "Ana Ruiz met Tom Brandt on Monday. She said the bridge would open.";
        assert_eq!(pronoun(both, "She").as_deref(), Some("ana-ruiz"));
        let he = "Ana Ruiz met Tom Brandt on Monday. He said the bridge would open.";
        assert_eq!(pronoun(he, "He").as_deref(), Some("tom-brandt"));
        // No one of that gender: nobody, not the only person there is.
        let none = "Ana Ruiz spoke first. He said the bridge would open.";
        assert_eq!(pronoun(none, "He"), None);
    }

    #[test]
    fn a_pronoun_skips_people_named_inside_quotes() {
        let text = "Ana Ruiz spoke. \"Tom Brandt is wrong,\" she said. He said nothing.";
        assert_eq!(pronoun(text, "He"), None);
    }

    #[test]
    fn it_reaches_only_an_organization_that_is_the_subject() {
        let subject = "Acme Corp. cut 200 jobs. It said demand had fallen.";
        assert_eq!(pronoun(subject, "It").as_deref(), Some("acme"));
        let not_subject = "Tom Brandt left Acme Corp. in May. It said demand had fallen.";
        assert_eq!(pronoun(not_subject, "It"), None);
    }

    #[test]
    fn a_role_noun_goes_to_the_person_given_that_role() {
        let text = "Tom Brandt spoke. Mayor of Springfield Ana Ruiz listened. The mayor said no.";
        let got = ask(text, "mayor", 0, |c, i| {
            c.resolve_role("mayor", c.at.tokens[i].span.start())
        });
        assert_eq!(got.as_deref(), Some("ana-ruiz"));
        let none = ask(text, "mayor", 0, |c, i| {
            c.resolve_role("treasurer", c.at.tokens[i].span.start())
        });
        assert_eq!(none, None);
    }

    #[test]
    fn a_noun_phrase_names_its_person_but_not_through_a_possessive() {
        let text = "Ana Ruiz said yes. Later, Ruiz's aide said no.";
        let aide = ask(text, "aide", 0, |c, i| c.resolve_np(i - 1, i + 1).entity);
        assert_eq!(aide, None);
        let name = ask(text, "Ana", 0, |c, i| c.resolve_np(i, i + 2).entity);
        assert_eq!(name.as_deref(), Some("ana-ruiz"));
    }
}
