//! Entities: gazetteer matches resolved to entries (aliases, surnames, titles), and people and
//! organizations the gazetteer lacks, inferred from a role before a name, an apposition, or a
//! name as the subject of a cue.

use once_cell::sync::Lazy;

use crate::coref::names;
use crate::cue::{Cue, CueClass};
use crate::gazetteer::{EntityKind, Gender};
use crate::hash::{set_of, FastMap, FastSet};
use crate::matcher::{Found, Matcher};
use crate::span::Span;
use crate::text::{is_capitalized, Tokens};
use crate::words::{
    is_adverb_or_aux, is_capitalized_weekday, is_name_word, DETERMINERS, ORG_HEADS, PARTICLES,
    PLACE_HEADS,
};

/// How a gazetteer string names its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameRole {
    /// The canonical name or an alias.
    Name,
    /// A surname derived from the canonical name, used only where it is not ambiguous.
    Surname,
}

/// A target of the names matcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NameTarget {
    pub(crate) entry: u32,
    pub(crate) role: NameRole,
}

/// A target of the titles matcher: an entry's own title, or a generic role noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TitleTarget {
    Entry(u32),
    Role(u16),
}

/// Where an entity comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    Gazetteer(u32),
    /// Inferred; the span is its fullest name as first written.
    Inferred(Span),
}

/// An entity found in one document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EntityData {
    pub(crate) origin: Origin,
    pub(crate) kind: EntityKind,
    pub(crate) gender: Option<Gender>,
    /// The last of the role phrases the article gives this entity, an index into
    /// [`Entities::roles`]; [`NO_ROLE`] for none. [`Entities::roles_of`] reads them.
    pub(crate) last_role: u32,
    /// Folded into another entity ([`Resolver::merge_surnames`]): it has no mentions left and
    /// names nothing further.
    pub(crate) merged: bool,
}

/// [`EntityData::last_role`] and [`Role::prev`] of none.
pub(crate) const NO_ROLE: u32 = u32::MAX;

/// A role phrase of an entity ("deputy representative"), lowercase, in
/// [`Entities::role_text`]; the entity's roles are chained from the last to the first.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Role {
    pub(crate) text: Span,
    /// The phrase as written, in the article.
    pub(crate) at: Span,
    pub(crate) prev: u32,
}

/// A mention of an entity by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MentionData {
    pub(crate) span: Span,
    pub(crate) entity: u32,
    pub(crate) possessive: bool,
}

/// A title or role phrase in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TitleRef {
    pub(crate) span: Span,
    pub(crate) target: TitleTarget,
    /// Whether a name follows it directly ("Foreign Minister Sergei Lavrov").
    pub(crate) before_name: bool,
}

/// What the entity stage produces.
#[derive(Debug, Default)]
pub(crate) struct Entities {
    pub(crate) list: Vec<EntityData>,
    /// Sorted by start.
    pub(crate) mentions: Vec<MentionData>,
    /// Sorted by start.
    pub(crate) titles: Vec<TitleRef>,
    /// Every entity's roles ([`EntityData::last_role`]), their text in `role_text`.
    pub(crate) roles: Vec<Role>,
    pub(crate) role_text: String,
}

impl Entities {
    /// The role phrases of an entity, lowercase, from the last given to the first.
    pub(crate) fn roles_of(&self, e: &EntityData) -> impl Iterator<Item = &str> + '_ {
        role_chain(&self.roles, e.last_role).map(|r| &self.role_text[r.text.range()])
    }

    /// Where the article gives an entity's role phrases, from the last given to the first.
    pub(crate) fn role_spans(&self, e: &EntityData) -> impl Iterator<Item = Span> + '_ {
        role_chain(&self.roles, e.last_role).map(|r| r.at)
    }
}

/// The roles chained back from `last`.
fn role_chain(roles: &[Role], last: u32) -> impl Iterator<Item = Role> + '_ {
    let mut next = last;
    std::iter::from_fn(move || {
        let role = *roles.get(next as usize)?;
        next = role.prev;
        Some(role)
    })
}

/// What the entity stage reads from the extractor.
pub(crate) struct Knowledge<'a> {
    pub(crate) kinds: &'a [EntityKind],
    pub(crate) genders: &'a [Option<Gender>],
    pub(crate) names: &'a Matcher<NameTarget>,
    pub(crate) titles: &'a Matcher<TitleTarget>,
    /// The words of each entry's titles, lowercase, to link "the minister" to an entry
    /// titled so.
    pub(crate) title_words: &'a [Vec<String>],
}

/// Buffers of entity resolution kept by the caller from article to article, so that an
/// article's mentions, titles and look-up maps grow into memory already held.
#[derive(Default)]
pub(crate) struct Scratch {
    /// The entities of the last article, and the vector the entities of the next are
    /// renumbered into.
    list: Vec<EntityData>,
    spare_list: Vec<EntityData>,
    /// The entities in order of first mention, and each one's new number.
    order: Vec<u32>,
    new_id: Vec<u32>,
    mentions: Vec<MentionData>,
    pending: Vec<MentionData>,
    titles: Vec<TitleRef>,
    by_entry: FastMap<u32, u32>,
    by_name: FastMap<String, u32>,
    named: FastSet<u32>,
    /// The entries named by a name of several words ("Theresa May", not "May").
    in_full: FastSet<u32>,
    inferred: names::FurtherMentions,
    aliases: Vec<(Span, u32)>,
    roles: Vec<Role>,
    role_text: String,
}

impl Scratch {
    /// Takes back the buffers of entities no longer needed ([`resolve`] empties them when it
    /// takes them).
    pub(crate) fn recycle(&mut self, entities: Entities) {
        let Entities {
            list,
            mentions,
            titles,
            roles,
            role_text,
        } = entities;
        self.list = list;
        self.mentions = mentions;
        self.titles = titles;
        self.roles = roles;
        self.role_text = role_text;
    }
}

/// What entity resolution reads.
pub(crate) struct Input<'a> {
    pub(crate) knowledge: &'a Knowledge<'a>,
    pub(crate) text: &'a str,
    /// The text's non-blank lines ([`crate::sentence::paragraphs`]), sorted.
    pub(crate) lines: &'a [Span],
    pub(crate) tokens: &'a Tokens,
    pub(crate) cues: &'a [Cue],
    /// The gazetteer names and the titles found in the text.
    pub(crate) found_names: &'a [Found],
    pub(crate) found_titles: &'a [Found],
}

/// Resolves gazetteer matches and infers what the gazetteer lacks.
pub(crate) fn resolve(inp: &Input<'_>, scratch: &mut Scratch) -> Entities {
    let Input {
        knowledge: k,
        text,
        lines,
        tokens,
        cues,
        found_names,
        found_titles,
    } = *inp;
    let mentions = crate::buffers::emptied(&mut scratch.mentions);
    let pending = crate::buffers::emptied(&mut scratch.pending);
    scratch.by_entry.clear();
    scratch.by_name.clear();
    let mut b = Resolver {
        k,
        text,
        lines,
        tokens,
        list: crate::buffers::emptied(&mut scratch.list),
        by_entry: std::mem::take(&mut scratch.by_entry),
        by_name: std::mem::take(&mut scratch.by_name),
        mentions,
        pending,
        max_len: 0,
        inferred: std::mem::take(&mut scratch.inferred),
        aliases: crate::buffers::emptied(&mut scratch.aliases),
        unplaced: Vec::new(),
        title_line: std::cell::Cell::new(None),
        roles: crate::buffers::emptied(&mut scratch.roles),
        role_text: {
            let mut text = std::mem::take(&mut scratch.role_text);
            text.clear();
            text
        },
    };

    // Gazetteer names. An entry named in full (or by an explicit alias) anywhere in the
    // article claims the surnames and shared aliases it could stand for.
    let named = &mut scratch.named;
    named.clear();
    named.extend(found_names.iter().filter_map(|f| {
        let mut t = k
            .names
            .targets(text, f)
            .filter(|t| t.role == NameRole::Name);
        let first = t.next()?;
        t.next().is_none().then_some(first.entry)
    }));
    let named = &*named;
    let in_full = &mut scratch.in_full;
    in_full.clear();
    in_full.extend(found_names.iter().filter_map(|f| {
        let mut t = k
            .names
            .targets(text, f)
            .filter(|t| t.role == NameRole::Name);
        let first = t.next()?;
        let several_words = text[f.span.range()].contains(' ');
        (several_words && t.next().is_none()).then_some(first.entry)
    }));
    let in_full = &*in_full;
    for f in found_names {
        let Some(entry) = names::entry_for(k.names, text, f, named, in_full, k.kinds) else {
            continue;
        };
        b.mention_entry(entry, f.span, f.possessive > 0);
    }

    // Titles. An entry's own title alone ("the Russian president") is a mention of it.
    let mut titles = crate::buffers::emptied(&mut scratch.titles);
    for f in found_titles {
        // A shared title ("former U.S. President") goes to the entry the article names, else
        // to the entry loaded last.
        let (mut last, mut last_named) = (None, None);
        for t in k.titles.targets(text, f) {
            last = Some(t);
            if matches!(t, TitleTarget::Entry(e) if named.contains(&e)) {
                last_named = Some(t);
            }
        }
        let Some(target) = last_named.or(last) else {
            continue;
        };
        let before_name = crate::text::next_word_starts_name(text, f.span.end());
        titles.push(TitleRef {
            span: f.span,
            target,
            before_name,
        });
    }

    b.flush();
    b.infer_from_heads(&titles);
    b.flush();
    b.infer_from_titles(&titles);
    b.flush();
    b.infer_from_appositions(&titles);
    b.flush();
    b.infer_from_cues(cues, &titles);
    b.flush();
    b.infer_from_given_names(&titles);
    b.flush();
    b.drop_outranked(in_full);
    for t in &titles {
        if let (TitleTarget::Entry(entry), false) = (t.target, t.before_name) {
            let named = b
                .overlapping(t.span)
                .any(|m| b.list[m.entity as usize].kind == EntityKind::Person);
            if !named {
                b.mention_entry(entry, t.span, false);
            }
        }
    }
    b.flush();
    b.merge_surnames();
    b.add_further_mentions();
    b.flush();
    b.genders_from_given_names();
    scratch.pending = std::mem::take(&mut b.pending);
    scratch.by_entry = std::mem::take(&mut b.by_entry);
    scratch.by_name = std::mem::take(&mut b.by_name);
    scratch.inferred = std::mem::take(&mut b.inferred);
    scratch.aliases = std::mem::take(&mut b.aliases);
    b.finish(titles, scratch)
}

struct Resolver<'a> {
    k: &'a Knowledge<'a>,
    text: &'a str,
    /// The text's non-blank lines (`sentence::paragraphs`), sorted.
    lines: &'a [Span],
    tokens: &'a Tokens,
    list: Vec<EntityData>,
    /// The entity of each gazetteer entry mentioned.
    by_entry: FastMap<u32, u32>,
    /// The entity of each inferred name, by its [`normalized`] name.
    by_name: FastMap<String, u32>,
    /// Sorted by start, then end.
    mentions: Vec<MentionData>,
    /// Added since the last `flush`, sorted likewise.
    pending: Vec<MentionData>,
    /// The longest mention so far, which bounds the overlap search.
    max_len: usize,
    /// [`Scratch::inferred`].
    inferred: names::FurtherMentions,
    /// Further names of inferred entities, with the entity: acronyms defined in the text.
    aliases: Vec<(Span, u32)>,
    /// The last line [`Self::in_title_case_line`] answered for, by index, and its answer.
    title_line: std::cell::Cell<Option<(usize, bool)>>,
    /// Spans whose place and nationality mentions turned out to be part of a longer name
    /// ("Jordan" of Jordan Ellis, "Toronto" of the Toronto Maple Leafs), in text order;
    /// [`Self::drop_unplaced`] drops those mentions.
    unplaced: Vec<Span>,
    /// [`Entities::roles`] and [`Entities::role_text`].
    roles: Vec<Role>,
    role_text: String,
}

impl<'a> Resolver<'a> {
    fn entity(&mut self, origin: Origin, kind: EntityKind, gender: Option<Gender>) -> u32 {
        let next = self.list.len() as u32;
        let i = match origin {
            Origin::Gazetteer(e) => *self.by_entry.entry(e).or_insert(next),
            Origin::Inferred(span) => {
                let name = normalized(&self.text[span.range()]);
                match self.by_name.get(name.as_ref()) {
                    Some(&i) => i,
                    None => {
                        self.by_name.insert(name.into_owned(), next);
                        next
                    }
                }
            }
        };
        if i == next {
            self.list.push(EntityData {
                origin,
                kind,
                gender,
                last_role: NO_ROLE,
                merged: false,
            });
        }
        i
    }

    /// Adds a mention of gazetteer entry `entry`.
    fn mention_entry(&mut self, entry: u32, span: Span, possessive: bool) {
        let (kind, gender) = (self.k.kinds[entry as usize], self.k.genders[entry as usize]);
        let entity = self.entity(Origin::Gazetteer(entry), kind, gender);
        self.add_mention(MentionData {
            span,
            entity,
            possessive,
        });
    }

    fn covered(&self, span: Span) -> bool {
        self.overlapping(span).next().is_some()
    }

    /// Adds a mention, keeping `pending` sorted (mentions mostly come in text order, so the
    /// insertion is at the end).
    fn add_mention(&mut self, m: MentionData) {
        self.max_len = self.max_len.max(m.span.len());
        let at = self
            .pending
            .partition_point(|x| (x.span.start(), x.span.end()) <= (m.span.start(), m.span.end()));
        self.pending.insert(at, m);
    }

    /// Merges the mentions added since the last call into the sorted list.
    fn flush(&mut self) {
        if !self.pending.is_empty() {
            self.mentions.append(&mut self.pending);
            self.mentions
                .sort_by_key(|m| (m.span.start(), m.span.end()));
        }
    }

    /// Mentions overlapping `span`, by binary search in both sorted lists.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = &MentionData> {
        let max_len = self.max_len;
        let window = move |list: &'_ [MentionData]| {
            let hi = list.partition_point(|m| m.span.start() < span.end());
            let lo = list.partition_point(|m| m.span.start() + max_len <= span.start());
            lo.min(hi)..hi
        };
        let (a, b) = (window(&self.mentions), window(&self.pending));
        self.mentions[a]
            .iter()
            .chain(self.pending[b].iter())
            .filter(move |m| m.span.overlaps(span))
    }

    fn token_at(&self, pos: usize) -> Option<usize> {
        self.tokens.holding(pos)
    }

    /// A mention (of any kind of entity, gazetteer or inferred) overlapping `span`, if one
    /// does.
    fn mention_at(&self, span: Span) -> Option<&MentionData> {
        self.overlapping(span).next()
    }

    /// Whether token `i` is on a line in title case (a headline): most of its words capitalized.
    fn in_title_case_line(&self, i: usize) -> bool {
        let start = self.tokens[i].span.start();
        let l = self.lines.partition_point(|l| l.end() <= start);
        let Some(line) = self.lines.get(l).filter(|l| l.start() <= start) else {
            return false;
        };
        // The passes ask about the same line again and again: the last answer is kept.
        if let Some((cached, answer)) = self.title_line.get() {
            if cached == l {
                return answer;
            }
        }
        let answer = self.line_in_title_case(*line);
        self.title_line.set(Some((l, answer)));
        answer
    }

    /// Whether most words of `line` are capitalized ([`Self::in_title_case_line`]).
    fn line_in_title_case(&self, line: Span) -> bool {
        let (line_start, line_end) = (line.start(), line.end());
        let lo = self.tokens.partition_point(|t| t.span.start() < line_start);
        let words = self.tokens[lo..]
            .iter()
            .take_while(|t| t.span.start() < line_end)
            .take(60)
            .filter(|t| t.word && t.span.len() > 3);
        let (mut all, mut capitalized) = (0, 0);
        for t in words {
            all += 1;
            capitalized += usize::from(is_capitalized(t.text(self.text)));
        }
        all >= 4 && capitalized * 10 >= all * 8
    }

    /// Whether a title or role phrase covers `span` (titles are sorted and disjoint).
    fn in_title(titles: &[TitleRef], span: Span) -> bool {
        let i = titles.partition_point(|r| r.span.end() <= span.start());
        titles.get(i).is_some_and(|r| r.span.overlaps(span))
    }

    fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// How many tokens from `i` on form a capitalized name, stopping at `limit` tokens and at
    /// anything already known.
    fn name_run(&self, i: usize, limit: usize, titles: &[TitleRef]) -> usize {
        let mut n = 0;
        let mut j = i;
        while j < self.tokens.len() && n < limit {
            let t = self.tokens[j];
            let w = t.text(self.text);
            let adjacent = j > i && self.tokens[j - 1].span.end() == t.span.start();
            let ok = if !t.word {
                // A hyphen inside a name: "Jean-Luc".
                w == "-"
                    && adjacent
                    && j + 1 < self.tokens.len()
                    && is_capitalized(self.tok(j + 1))
                    && self.tokens[j + 1].span.start() == t.span.end()
            } else if n > 0 && matches!(w, "Jr." | "Sr." | "II" | "III" | "IV" | "Jr" | "Sr") {
                true
            } else if n > 0 && PARTICLES.contains(&w) {
                j + 1 < self.tokens.len() && is_capitalized(self.tok(j + 1))
            } else {
                is_name_word(w)
            };
            if !ok || self.covered(t.span) || Self::in_title(titles, t.span) {
                break;
            }
            if j > i && self.text[self.tokens[j - 1].span.end()..t.span.start()].contains('\n') {
                break;
            }
            n += 1;
            j += 1;
        }
        // Never end on a particle or hyphen.
        while n > 0 && (!self.tokens[i + n - 1].word || PARTICLES.contains(&self.tok(i + n - 1))) {
            n -= 1;
        }
        n
    }

    fn span_of(&self, i: usize, n: usize) -> Span {
        Span::new(
            self.tokens[i].span.start(),
            self.tokens[i + n - 1].span.end(),
        )
    }

    /// Infers an entity named by tokens `i..i + n`, with a role phrase (any case) if given.
    fn infer(&mut self, i: usize, n: usize, role: Option<Span>) {
        let kind = kind_of_name(self.tok(i + n - 1));
        self.infer_kind(i, n, role, kind);
    }

    /// Infers an entity of `kind` named by tokens `i..i + n`, with a role phrase if given.
    fn infer_kind(&mut self, i: usize, n: usize, role: Option<Span>, kind: EntityKind) {
        let span = self.span_of(i, n);
        // A gendered role says which pronoun fits: "Councilwoman", "Mr.", "spokesman".
        let role = role.map(|at| (self.stage_role(at), at));
        let gender = role.and_then(|(r, _)| names::role_gender(&self.role_text[r.range()]));
        let entity = self.entity(Origin::Inferred(span), kind, gender);
        self.add_mention(MentionData {
            span,
            entity,
            possessive: crate::text::possessive_len(self.text, span.end()) > 0,
        });
        if let Some((role, at)) = role {
            if self.list[entity as usize].gender.is_none() {
                self.list[entity as usize].gender = gender;
            }
            self.keep_role(entity, role, at);
        }
    }

    /// Gives `entity` the role phrase at `at` (any case).
    fn add_role(&mut self, entity: u32, at: Span) {
        // A role the entity has already is not copied again (roles are kept lowercase).
        let role = &self.text[at.range()];
        if role.is_ascii()
            && self
                .roles_of(entity)
                .any(|r| self.role_text[r.text.range()].eq_ignore_ascii_case(role))
        {
            return;
        }
        let staged = self.stage_role(at);
        self.keep_role(entity, staged, at);
    }

    /// Appends the role phrase at `at` lowercase to the role text, where [`Self::keep_role`]
    /// keeps or drops it.
    fn stage_role(&mut self, at: Span) -> Span {
        let role = &self.text[at.range()];
        let start = self.role_text.len();
        if role.is_ascii() {
            self.role_text.push_str(role);
            self.role_text[start..].make_ascii_lowercase();
        } else {
            self.role_text.push_str(&role.to_lowercase());
        }
        Span::new(start, self.role_text.len())
    }

    /// Once each: an article that names the mayor a thousand times keeps one role. `role` is
    /// the text last staged, written at `at`.
    fn keep_role(&mut self, entity: u32, role: Span, at: Span) {
        let text = &self.role_text[role.range()];
        if self
            .roles_of(entity)
            .any(|r| &self.role_text[r.text.range()] == text)
        {
            self.role_text.truncate(role.start());
            return;
        }
        let e = &mut self.list[entity as usize];
        // Past `u32::MAX` roles (no text that fits in memory gives that many), an entity
        // keeps the ones it has.
        if let Ok(i) = u32::try_from(self.roles.len()) {
            if i != NO_ROLE {
                self.roles.push(Role {
                    text: role,
                    at,
                    prev: e.last_role,
                });
                e.last_role = i;
                return;
            }
        }
        self.role_text.truncate(role.start());
    }

    /// An entity's roles, last first.
    fn roles_of(&self, entity: u32) -> impl Iterator<Item = Role> + '_ {
        role_chain(&self.roles, self.list[entity as usize].last_role)
    }

    /// "Deputy Representative Dmitry Polyanskiy", "Mayor Jane Doe", "Foreign Minister Sergei Lavrov".
    fn infer_from_titles(&mut self, titles: &[TitleRef]) {
        for t in titles.iter().filter(|t| t.before_name) {
            let role_text = &self.text[t.span.range()];
            let role_at = t.span;
            let next = self.tokens.first_at_or_after(t.span.end());
            if next >= self.tokens.len() {
                continue;
            }
            if let Some(m) = self.mention_at(self.tokens[next].span).copied() {
                if self.list[m.entity as usize].kind == EntityKind::Person {
                    self.add_role(m.entity, role_at);
                }
                continue;
            }
            // A title says a month name is a given name: "City Comptroller May Lindqvist".
            let month_name = matches!(self.tok(next), "May" | "June" | "April" | "August")
                && next + 1 < self.tokens.len()
                && self.tokens[next + 1].word
                && is_name_word(self.tok(next + 1));
            let n = if month_name {
                let rest = self.name_run(next + 1, 3, titles);
                if rest > 0 {
                    rest + 1
                } else {
                    0
                }
            } else {
                self.name_run(next, 4, titles)
            };
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
                self.infer(next, n, role);
                // An honorific is no role, but it says "he" or "she". (Its lowercase text is
                // staged to be read, then dropped.)
                let staged = self.stage_role(role_at);
                let gender = names::role_gender(&self.role_text[staged.range()]);
                self.role_text.truncate(staged.start());
                if let Some(m) = self.mention_at(self.tokens[next].span).copied() {
                    let e = &mut self.list[m.entity as usize];
                    if e.gender.is_none() {
                        e.gender = gender;
                    }
                }
            }
        }
    }

    /// "Dmitry Polyanskiy, a deputy representative from Russia": a name, a comma, then within
    /// a few words a role.
    fn infer_from_appositions(&mut self, titles: &[TitleRef]) {
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
            if let Some(m) = self.mention_at(self.tokens[comma - 1].span).copied() {
                if self.list[m.entity as usize].kind == EntityKind::Person {
                    self.add_role(m.entity, t.span);
                }
                continue;
            }
            // The name ends just before the comma: find where it starts.
            let mut start = comma;
            while start > 0 && comma - start < 4 {
                let n = self.name_run(start - 1, comma - start + 1, titles);
                if n == comma - start + 1 {
                    start -= 1;
                } else {
                    break;
                }
            }
            let n = comma - start;
            if n >= 2 {
                self.infer(start, n, Some(t.span));
            }
        }
    }

    /// "Jane Doe said", "said Jane Doe": a full name next to a cue.
    fn infer_from_cues(&mut self, cues: &[Cue], titles: &[TitleRef]) {
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
            let between_commas = j > 0 && self.tok(j - 1) == ",";
            if between_commas {
                j -= 1;
            }
            let mut start = j;
            while start > 0 && j - start < 4 {
                let n = self.name_run(start - 1, j - start + 1, titles);
                if n == j - start + 1 {
                    start -= 1;
                } else {
                    break;
                }
            }
            // A hyphenated first word ("Jean-Luc Picard said"): a name run cannot start at
            // the hyphen, so the walk back steps over it here.
            let glued = |a: usize| self.tokens[a].span.end() == self.tokens[a + 1].span.start();
            while start >= 2
                && start < j
                && self.tok(start - 1) == "-"
                && glued(start - 2)
                && glued(start - 1)
                && self.tokens[start - 2].word
                && is_capitalized(self.tok(start - 2))
            {
                start -= 2;
            }
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
                && !self.covered(self.span_of(start, j - start))
            {
                self.infer(start, j - start, None);
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
                while s < self.tokens.len() && Self::in_title(titles, self.tokens[s].span) {
                    s += 1;
                }
                let n = self.name_run(s, 4, titles);
                if n >= 2 || (n == 1 && s > c + 1) {
                    self.infer(s, n, None);
                }
            }
        }
    }

    /// "Gail Hutchins", "Priya Natarajan", "Mary K. Lindqvist": a known given name and one
    /// to three more name words, with no context needed. A given name that is also a word
    /// ("Will", "Grant", "May") needs the contexts of the passes before; so do names in a
    /// headline, where every word is capitalized, and a run ending in a place or
    /// organization head is that place or organization ("Sam Whitaker Stadium").
    fn infer_from_given_names(&mut self, titles: &[TitleRef]) {
        let mut i = 0;
        while i < self.tokens.len() {
            let t = self.tokens[i];
            if !self.may_be_capitalized(i) {
                i += 1;
                continue;
            }
            let w = t.text(self.text);
            let first = w.split(['-', '’', '\'']).next().unwrap_or(w);
            // Looked up only for capitalized words before another (or a hyphen): a name has
            // two words at least, and the list is the costliest test here.
            let two = self.tokens.get(i + 1).is_some_and(|n| {
                let next = n.text(self.text);
                next == "-" || is_capitalized(next)
            });
            let given = (two && t.word && is_name_word(w))
                .then(|| crate::given_names::given_name(first))
                .flatten();
            let starts = given.is_some()
                && !(i > 0
                    && self.tokens[i - 1].word
                    && is_name_word(self.tok(i - 1))
                    && !Self::in_title(titles, self.tokens[i - 1].span)
                    && !self.text[self.tokens[i - 1].span.end()..t.span.start()]
                        .contains(['\n', ',', ';', ':']));
            // A place that is also a given name, before a name word, is a person's name:
            // "Jordan Ellis", "Georgia Watts".
            let place_name = starts
                && given.is_some_and(|g| !g.is_word())
                && self.past_place(i) == Some(i + 1)
                && i + 1 < self.tokens.len()
                && self.tokens[i + 1].word
                && is_name_word(self.tok(i + 1))
                && kind_of_name(self.tok(i + 1)) == EntityKind::Person
                && !self.covered(self.tokens[i + 1].span);
            if !starts || (self.covered(t.span) && !place_name) || Self::in_title(titles, t.span) {
                i += 1;
                continue;
            }
            let n = if place_name {
                let rest = self.name_run(i + 1, 3, titles);
                rest + 1
            } else {
                self.name_run(i, 4, titles)
            };
            // A given name that is also a word ("Will", "Hope", "Golden", "Colleen") starts a
            // name only where the article goes on to use its last word alone, as it does a
            // surname ("Colleen Driscoll … Driscoll said"; not "the Golden Lynx").
            let word_name = given.is_some_and(|g| g.is_word());
            if n < 2
                || self.in_title_case_line(i)
                || (word_name && !self.used_alone(self.tokens[i + n - 1].span))
            {
                i += n.max(1);
                continue;
            }
            // "an analyst at Piper Sandler": after "at", a firm, not a person.
            let mut kind = kind_of_name(self.tok(i + n - 1));
            let possessive = crate::text::possessive_len(self.text, self.span_of(i, n).end()) > 0;
            if kind == EntityKind::Person && !possessive && i > 0 && self.tok(i - 1) == "at" {
                kind = EntityKind::Organization;
            }
            if place_name {
                self.unplaced.push(t.span);
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
    fn infer_from_heads(&mut self, titles: &[TitleRef]) {
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.may_be_capitalized(i) {
                i += 1;
                continue;
            }
            let (n, kind) = match self.headed_run(i, titles) {
                Ok(run) => run,
                Err(next) => {
                    i = next.max(i + 1);
                    continue;
                }
            };
            let span = self.span_of(i, n);
            if self.covered(span) {
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

    /// A first test of token `i`, by its first byte only: false for a word that starts with
    /// an ASCII lowercase letter, a digit or a mark, which most tokens do. Passes that look
    /// only at capitalized words skip the rest of the tokens at this cost.
    #[inline]
    fn may_be_capitalized(&self, i: usize) -> bool {
        let t = self.tokens[i];
        t.word && {
            let b = self.text.as_bytes()[t.span.start()];
            b.is_ascii_uppercase() || b >= 0x80
        }
    }

    /// Drops the place and nationality mentions inside the spans of `unplaced` (in text order,
    /// disjoint): names that turned out to be part of a longer one, in one pass.
    fn drop_unplaced(&mut self) {
        if self.unplaced.is_empty() {
            return;
        }
        let (list, unplaced) = (&self.list, &self.unplaced);
        self.mentions.retain(|m| {
            let k = unplaced.partition_point(|u| u.end() <= m.span.start());
            let inside = unplaced.get(k).is_some_and(|u| u.contains(m.span));
            !(inside
                && matches!(
                    list[m.entity as usize].kind,
                    EntityKind::Location | EntityKind::Nationality
                ))
        });
        self.unplaced.clear();
    }

    /// The capitalized run at token `i` that a head word makes an organization or a place:
    /// its length in tokens and its kind; else the token to look at next (a run without a
    /// usable head has none inside it either, so the caller skips it whole).
    fn headed_run(&self, i: usize, titles: &[TitleRef]) -> Result<(usize, EntityKind), usize> {
        // The heads, organization heads winning where a word is both, in one lookup.
        static HEADS: Lazy<FastMap<&'static str, EntityKind>> = Lazy::new(|| {
            let places = PLACE_HEADS.iter().map(|&w| (w, EntityKind::Location));
            let orgs = ORG_HEADS.iter().map(|&w| (w, EntityKind::Organization));
            places.chain(orgs).collect()
        });
        // A role word right before a head is part of the name: "Premier League", "Justice
        // Department".
        let titled = |j: usize| {
            Self::in_title(titles, self.tokens[j].span)
                && !(j + 1 < self.tokens.len()
                    && HEADS.get(self.tok(j + 1)) == Some(&EntityKind::Organization))
        };
        let t = self.tokens[i];
        let w = t.text(self.text);
        if !t.word || !is_capitalized(w) || titled(i) {
            return Err(i + 1);
        }
        // A known place or nationality may open the run; any other known name ends it.
        let mut j = i;
        let (mut known_start, mut team_place) = (false, false);
        if self.covered(t.span) {
            j = self.past_place(i).ok_or(i + 1)?;
            known_start = true;
            // "Jordan Ellis" is no team: a place that is also a given name does not open
            // one.
            team_place = j > i + 1 || crate::given_names::given_name(w).is_none();
        } else if !is_name_word(w) && !is_acronym(w) {
            return Err(i + 1);
        }
        let (mut end, mut kind, mut words) = (j, None, j - i);
        let mut after_of = false;
        while j < self.tokens.len() && j - i < 9 {
            let t = self.tokens[j];
            let w = t.text(self.text);
            // The common end of a run, a lowercase word, at the cost of one byte.
            if !self.may_be_capitalized(j) && !matches!(w, "of" | "for" | "and" | "&") {
                break;
            }
            if j > i && self.text[self.tokens[j - 1].span.end()..t.span.start()].contains('\n') {
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
            let head = HEADS.get(w).copied();
            let org_head = head == Some(EntityKind::Organization);
            let name = t.word && (org_head || is_name_word(w) || is_acronym(w));
            if name && !self.covered(t.span) && !titled(j) {
                words += 1;
                j += 1;
                if org_head {
                    (end, kind) = (j, Some(EntityKind::Organization));
                } else if head == Some(EntityKind::Location) && !after_of {
                    (end, kind) = (j, Some(EntityKind::Location));
                } else if after_of || (known_start && team_place && w.len() > 3 && w.ends_with('s'))
                {
                    // "University of Leeds"; "Toronto Maple Leafs".
                    if after_of || kind.is_none() {
                        (end, kind) = (j, Some(EntityKind::Organization));
                    }
                }
                continue;
            }
            // "of", "for", "and", "&" between capitalized words: "Bank of Canada",
            // "United Food and Commercial Workers".
            let next_capitalized = j + 1 < self.tokens.len()
                && is_capitalized(self.tok(j + 1))
                && (!self.covered(self.tokens[j + 1].span) || self.past_place(j + 1).is_some());
            let org = kind == Some(EntityKind::Organization);
            let joins = match w {
                // Not after a legal suffix: "Bellweather Holdings LLC of Princeton".
                "of" | "for" => org && !crate::words::LEGAL_SUFFIXES.contains(&self.tok(j - 1)),
                "and" | "&" => kind.is_none(),
                _ => false,
            };
            if words > 0 && next_capitalized && joins {
                after_of = org;
                j += 1;
                continue;
            }
            break;
        }
        let Some(kind) = kind else {
            return Err(j);
        };
        // A head alone is a common noun ("Police said"). A run going on past its head
        // ("Lausanne International Film Festival") is not cut at the head: what it names is
        // unclear. Nor are headlines read, where every word is capitalized.
        let n = end - i;
        if n >= 2 && end == j && !self.in_title_case_line(i) {
            Ok((n, kind))
        } else {
            Err(j)
        }
    }

    /// A company named with its legal suffix ("Halvorsen Foods Inc.") is the same entity
    /// named without it ("Halvorsen Foods").
    fn short_form(&mut self, span: Span) {
        let name = normalized(&self.text[span.range()]);
        let Some(space) = name.rfind(' ') else {
            return;
        };
        if !crate::words::LEGAL_SUFFIXES.contains(&&name[space + 1..]) {
            return;
        }
        let short = name[..space].trim_end_matches(',');
        if let Some(&entity) = self.by_name.get(name.as_ref()) {
            if short.len() < 3 {
                return;
            }
            self.by_name.entry(short.to_string()).or_insert(entity);
        }
    }

    /// The token after a place or nationality mention that starts at token `i`, if one does.
    fn past_place(&self, i: usize) -> Option<usize> {
        let start = self.tokens[i].span.start();
        let m = self.mention_at(self.tokens[i].span)?;
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
    fn acronym_after(&mut self, i: usize, n: usize) {
        let (open, acr, close) = (i + n, i + n + 1, i + n + 2);
        if close >= self.tokens.len() || self.tok(open) != "(" || self.tok(close) != ")" {
            return;
        }
        let word = self.tok(acr);
        let initial = self.tok(i).chars().next();
        if !is_acronym(word) || word.len() > 8 || word.chars().next() != initial {
            return;
        }
        let span = self.span_of(i, n);
        let entity = self.entity(Origin::Inferred(span), EntityKind::Organization, None);
        let at = self.tokens[acr].span;
        if !self.covered(at) {
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
    fn used_alone(&self, span: Span) -> bool {
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

    /// The article outranks the gazetteer: a surname of a person the article names in full
    /// ("Sam Whitaker") is that person's, not a gazetteer entry's whose full name the article
    /// never writes ("Whitaker" of Matthew Whitaker). Those mentions are dropped here, and
    /// [`Self::add_further_mentions`] gives them to the article's person.
    fn drop_outranked(&mut self, in_full: &FastSet<u32>) {
        let text = self.text;
        let surname = |span: Span| {
            let name = &text[span.range()];
            name.rfind(' ').map(|i| &name[i + 1..])
        };
        let mut surnames: Vec<&str> = self
            .list
            .iter()
            .filter_map(|e| match (e.origin, e.kind) {
                (Origin::Inferred(span), EntityKind::Person) => surname(span),
                _ => None,
            })
            .collect();
        if surnames.is_empty() {
            return;
        }
        surnames.sort_unstable();
        let list = &self.list;
        self.mentions.retain(|m| {
            let e = &list[m.entity as usize];
            let Origin::Gazetteer(entry) = e.origin else {
                return true;
            };
            if e.kind != EntityKind::Person || in_full.contains(&entry) {
                return true;
            }
            let word = &text[m.span.range()];
            word.contains(' ') || surnames.binary_search(&word).is_err()
        });
    }

    /// A person the article names without saying "he" or "she" takes the gender of a given
    /// name borne by at least 95% one sex ([`crate::given_names`]).
    fn genders_from_given_names(&mut self) {
        for e in &mut self.list {
            let (Origin::Inferred(span), EntityKind::Person, None) = (e.origin, e.kind, e.gender)
            else {
                continue;
            };
            let name = &self.text[span.range()];
            // A surname alone ("Smith-Jones") says nothing.
            let Some((first, _)) = name.split_once(' ') else {
                continue;
            };
            // A compound given name takes the gender of its last part that has one:
            // Jean-Pierre is Pierre's, Marie-Claude is Marie's.
            e.gender = first
                .rsplit('-')
                .find_map(|part| crate::given_names::given_name(part).and_then(|g| g.gender()));
        }
    }

    /// A person the article names by one word ("Coach Price", "Dr. Lin") is the person it
    /// names in full with that surname ("Darnell Price"), where only one has it: the mentions
    /// move to that person, who takes the gender the title gave if it has none.
    fn merge_surnames(&mut self) {
        let text = self.text;
        let mut full: Vec<(&str, u32)> = Vec::new();
        for (i, e) in self.list.iter().enumerate() {
            if let (Origin::Inferred(span), EntityKind::Person) = (e.origin, e.kind) {
                let name = &text[span.range()];
                if let Some(space) = name.rfind(' ') {
                    full.push((&name[space + 1..], i as u32));
                }
            }
        }
        if full.is_empty() {
            return;
        }
        full.sort_unstable();
        let mut into = Vec::new();
        for (i, e) in self.list.iter().enumerate() {
            let (Origin::Inferred(span), EntityKind::Person) = (e.origin, e.kind) else {
                continue;
            };
            let name = &text[span.range()];
            if name.contains(' ') {
                continue;
            }
            let lo = full.partition_point(|&(s, _)| s < name);
            let mut same = full[lo..].iter().take_while(|&&(s, _)| s == name);
            if let (Some(&(_, target)), None) = (same.next(), same.next()) {
                into.push((i as u32, target));
            }
        }
        if into.is_empty() {
            return;
        }
        for &(from, target) in &into {
            let gender = self.list[from as usize].gender;
            self.list[from as usize].merged = true;
            let t = &mut self.list[target as usize];
            if t.gender.is_none() {
                t.gender = gender;
            }
        }
        into.sort_unstable();
        for m in self.mentions.iter_mut().chain(self.pending.iter_mut()) {
            if let Ok(k) = into.binary_search_by_key(&m.entity, |&(from, _)| from) {
                m.entity = into[k].1;
            }
        }
    }

    /// Every further mention of an inferred entity ([`names::further_mentions`]) that no
    /// other mention covers.
    fn add_further_mentions(&mut self) {
        names::further_mentions(
            self.text,
            self.tokens,
            &self.list,
            &self.aliases,
            &mut self.inferred,
        );
        let found = std::mem::take(&mut self.inferred.found);
        for &(span, entity) in &found {
            if self.covered(span) {
                continue;
            }
            let possessive = crate::text::possessive_len(self.text, span.end()) > 0;
            self.add_mention(MentionData {
                span,
                entity,
                possessive,
            });
        }
        self.inferred.found = found;
    }

    fn finish(mut self, titles: Vec<TitleRef>, scratch: &mut Scratch) -> Entities {
        self.mentions
            .sort_by_key(|m| (m.span.start(), m.span.end()));
        self.mentions.dedup_by_key(|m| m.span);
        // Renumber entities by first mention.
        let Scratch { order, new_id, .. } = scratch;
        order.clear();
        new_id.clear();
        new_id.resize(self.list.len(), u32::MAX);
        for m in &self.mentions {
            let id = &mut new_id[m.entity as usize];
            if *id == u32::MAX {
                *id = order.len() as u32;
                order.push(m.entity);
            }
        }
        let mut list = crate::buffers::emptied(&mut scratch.spare_list);
        list.extend(scratch.order.iter().map(|&old| self.list[old as usize]));
        for m in &mut self.mentions {
            m.entity = scratch.new_id[m.entity as usize];
        }
        scratch.spare_list = std::mem::take(&mut self.list);
        Entities {
            list,
            mentions: self.mentions,
            titles,
            roles: self.roles,
            role_text: self.role_text,
        }
    }
}

/// Whether a word is an acronym: two or more letters, all capitals ("CUPE", "RCMP").
fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// What a capitalized name is, by its last word: "… Holdings" an organization, "… Street" a
/// place, else a person.
fn kind_of_name(last: &str) -> EntityKind {
    static ORGS: Lazy<FastSet<&'static str>> = Lazy::new(|| set_of(ORG_HEADS));
    static PLACES: Lazy<FastSet<&'static str>> = Lazy::new(|| set_of(PLACE_HEADS));
    if ORGS.contains(last) {
        EntityKind::Organization
    } else if PLACES.contains(last) {
        EntityKind::Location
    } else {
        EntityKind::Person
    }
}

/// Whitespace-normalized form of a name, the key of an inferred entity and its name: its
/// words one space apart, borrowed when they are so already.
pub(crate) fn normalized(name: &str) -> std::borrow::Cow<'_, str> {
    let normal = !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ")
        && !name.contains(|c: char| c.is_whitespace() && c != ' ');
    if normal {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A name is normalized as its words joined by one space, borrowed or not.
        #[test]
        fn normalized_joins_words_by_one_space(name in "[ a\u{a0}\t\nB]{0,10}") {
            let words: Vec<&str> = name.split_whitespace().collect();
            let got = normalized(&name);
            prop_assert_eq!(got.as_ref(), words.join(" "));
        }
    }
}
