//! Entities: gazetteer matches resolved to entries (aliases, surnames, titles), and people and
//! organizations the gazetteer lacks, inferred from a role before a name, an apposition, or a
//! name as the subject of a cue.

use crate::coref::names;
use crate::cue::{Cue, CueClass};
use crate::gazetteer::{EntityKind, Gender};
use crate::hash::{FastMap, FastSet};
use crate::matcher::{Found, Matcher};
use crate::span::Span;
use crate::text::{is_capitalized, Tokens};
use crate::words::{
    is_adverb_or_aux, is_capitalized_weekday, is_name_word, DETERMINERS, PARTICLES,
};

mod described;
mod fits;
mod infer;
mod people;
mod places;
mod shape;

use fits::{abbreviation_fits, after_name_prefix, after_unknown_hyphen, before_place_noun};

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
    /// Each entry's country, as an entry index ([`homes`]).
    pub(crate) homes: &'a [u32],
    pub(crate) names: &'a Matcher<NameTarget>,
    pub(crate) titles: &'a Matcher<TitleTarget>,
    /// The words of each entry's titles, lowercase, to link "the minister" to an entry
    /// titled so.
    pub(crate) title_words: &'a [Vec<String>],
}

/// Each entry's country, as the index of its entry: its `country` field's entry; for a place
/// with none, itself (a country is its own); else [`NO_HOME`]. "Canada", "Canadian" and
/// "Bank of Canada" have Canada's, so that "Canadian" before an organization of Canada's is
/// read as part of its name.
pub(crate) fn homes(entries: &[crate::gazetteer::Entry]) -> Vec<u32> {
    let index: FastMap<&str, u32> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i as u32))
        .collect();
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| match e.country() {
            Some(c) => index.get(c).copied().unwrap_or(NO_HOME),
            None if e.kind == EntityKind::Location => i as u32,
            None => NO_HOME,
        })
        .collect()
}

/// No country, in [`homes`].
pub(crate) const NO_HOME: u32 = u32::MAX;

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
    /// [`Resolver::shapes`].
    shapes: Vec<u8>,
    /// [`Resolver::title_lines`].
    title_lines: Vec<std::cell::Cell<u8>>,
    /// [`Resolver::cover`].
    cover: Vec<u16>,
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
        title_lines: {
            let mut lines = std::mem::take(&mut scratch.title_lines);
            lines.clear();
            lines.resize(inp.lines.len(), std::cell::Cell::new(0));
            lines
        },
        roles: crate::buffers::emptied(&mut scratch.roles),
        role_text: {
            let mut text = std::mem::take(&mut scratch.role_text);
            text.clear();
            text
        },
        shapes: std::mem::take(&mut scratch.shapes),
        cover: {
            let mut cover = std::mem::take(&mut scratch.cover);
            cover.clear();
            cover.resize(tokens.len(), 0);
            cover
        },
    };

    // Gazetteer names. An entry named in full (or by an explicit alias) anywhere in the
    // article claims the surnames and shared aliases it could stand for.
    // The entries named by a name of several words ("Theresa May", not "May") go in
    // `in_full` as well, from the same pass.
    let (named, in_full) = (&mut scratch.named, &mut scratch.in_full);
    named.clear();
    in_full.clear();
    for f in found_names {
        if !abbreviation_fits(text, f.span) || after_name_prefix(text, f.span.start()) {
            continue;
        }
        let mut t = k
            .names
            .targets(text, f)
            .filter(|t| t.role == NameRole::Name);
        let (Some(first), None) = (t.next(), t.next()) else {
            continue;
        };
        named.insert(first.entry);
        if text[f.span.range()].contains(' ') {
            in_full.insert(first.entry);
        }
    }
    let (named, in_full) = (&*named, &*in_full);
    for f in found_names {
        if !abbreviation_fits(text, f.span) || after_name_prefix(text, f.span.start()) {
            continue;
        }
        let Some(entry) = names::entry_for(k.names, text, f, named, in_full, k.kinds) else {
            continue;
        };
        if k.kinds[entry as usize] == EntityKind::Person
            && (after_unknown_hyphen(text, f.span, found_names) || before_place_noun(text, f.span))
        {
            continue;
        }
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

    shape::fill(text, tokens, &titles, &mut b.shapes);
    b.flush();
    // Places first: a run the heads pass reads may open with one ("Moncton Wildcats").
    b.infer_places();
    b.flush();
    b.infer_from_heads();
    b.flush();
    b.prefix_places();
    b.grow_headed_orgs();
    b.agencies_of_places();
    b.union_locals();
    b.infer_compass_places();
    b.flush();
    b.venues_of_sponsors();
    b.infer_municipal_governments();
    b.infer_described_orgs();
    b.infer_team_nicknames();
    b.infer_places_of_places();
    b.infer_named_relatives();
    b.flush();
    b.infer_from_titles(&titles);
    b.flush();
    b.infer_from_appositions(&titles);
    b.flush();
    b.infer_from_cues(cues);
    b.flush();
    b.infer_from_given_names();
    b.infer_month_named_people();
    b.flush();
    b.infer_employers(false);
    b.flush();
    b.persons_that_are_places();
    // Again for the organizations the passes since have found ("Halifax Harbour Bridges").
    b.prefix_places();
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
    // Sources cited after the further mentions: "according to Rovers" is the club named
    // before.
    b.infer_employers(true);
    b.infer_opponents();
    b.flush();
    b.infer_prefixed_places();
    b.flush();
    b.infer_listed_places();
    b.flush();
    b.infer_acronyms();
    b.flush();
    b.infer_places_after_prepositions();
    b.flush();
    b.union_locals();
    b.clubs_take_their_town();
    b.scored_places_are_teams();
    b.genders_from_said_pronouns();
    b.genders_from_given_names();
    scratch.pending = std::mem::take(&mut b.pending);
    scratch.by_entry = std::mem::take(&mut b.by_entry);
    scratch.by_name = std::mem::take(&mut b.by_name);
    scratch.inferred = std::mem::take(&mut b.inferred);
    scratch.aliases = std::mem::take(&mut b.aliases);
    scratch.shapes = std::mem::take(&mut b.shapes);
    scratch.title_lines = std::mem::take(&mut b.title_lines);
    scratch.cover = std::mem::take(&mut b.cover);
    b.finish(titles, scratch)
}

/// [`Resolver::title_lines`]' answers.
const NO: u8 = 1;
const YES: u8 = 2;

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
    /// Per line of `lines`, what [`Self::in_title_case_line`] answered for it: [`YES`],
    /// [`NO`], or 0 before it is asked.
    title_lines: Vec<std::cell::Cell<u8>>,
    /// Spans whose place and nationality mentions turned out to be part of a longer name
    /// ("Jordan" of Jordan Ellis, "Toronto" of the Toronto Maple Leafs), in text order;
    /// [`Self::drop_unplaced`] drops those mentions.
    unplaced: Vec<Span>,
    /// [`Entities::roles`] and [`Entities::role_text`].
    roles: Vec<Role>,
    role_text: String,
    /// One byte of [`shape::bit`]s per token, filled once the titles are known.
    shapes: Vec<u8>,
    /// Per token, how many mentions overlap it: [`Self::covered`] for a run of tokens at
    /// one load a token. Counted up as mentions are added and down as the passes that drop
    /// a few of many mentions drop them ([`unmark_cover`]); counted again where mentions are
    /// rewritten ([`Self::recount_cover`]). Two bytes a count: the found names and titles do
    /// not overlap one another and each pass adds a mention over a token once at most, so a
    /// token's count stays far below `u16::MAX`; as `u32`s the counts cost 0.26M instructions
    /// more on PolNeAR dev (the buffer is twice the size to clear and scan).
    cover: Vec<u16>,
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
        self.mention_at(span).is_some()
    }

    /// Adds a mention, keeping `pending` sorted (mentions mostly come in text order, so the
    /// insertion is at the end).
    fn add_mention(&mut self, m: MentionData) {
        self.max_len = self.max_len.max(m.span.len());
        let at = self
            .pending
            .partition_point(|x| (x.span.start(), x.span.end()) <= (m.span.start(), m.span.end()));
        self.pending.insert(at, m);
        self.mark_cover(m.span);
    }

    /// Puts `m` in place of flushed mention `k`: a longer name starting where it or the
    /// mention before it starts, so the order holds. The caller recounts the cover.
    /// Replaces each flushed mention `k` of `replaced` by a mention of a new inferred entity
    /// of `kind` named by its span (a longer name read over the old one), then counts the
    /// cover again; nothing where `replaced` is empty.
    fn replace_by_inferred(&mut self, replaced: &[(usize, Span)], kind: EntityKind) {
        if replaced.is_empty() {
            return;
        }
        for &(k, span) in replaced {
            let entity = self.entity(Origin::Inferred(span), kind, None);
            let possessive = crate::text::possessive_len(self.text, span.end()) > 0;
            self.replace_mention(
                k,
                MentionData {
                    span,
                    entity,
                    possessive,
                },
            );
        }
        self.recount_cover();
    }

    fn replace_mention(&mut self, k: usize, m: MentionData) {
        self.max_len = self.max_len.max(m.span.len());
        self.mentions[k] = m;
    }

    /// Drops the flushed mentions [`Self::mark_dropped`] marked, and recounts the cover.
    fn drop_marked(&mut self) {
        self.mentions.retain(|m| !m.span.is_empty());
        self.recount_cover();
    }

    /// Marks flushed mention `k` to be dropped by [`Self::drop_marked`], by an empty span
    /// (no mention has one).
    fn mark_dropped(&mut self, k: usize) {
        self.mentions[k].span = Span::new(0, 0);
    }

    /// Marks the tokens `span` overlaps in [`Self::cover`].
    fn mark_cover(&mut self, span: Span) {
        for j in self.tokens.overlapping(span) {
            self.cover[j] += 1;
        }
    }

    /// Sets [`Self::cover`] again from the mentions, after some were dropped.
    fn recount_cover(&mut self) {
        self.cover.fill(0);
        for k in 0..self.mentions.len() + self.pending.len() {
            let span = match self.mentions.get(k) {
                Some(m) => m.span,
                None => self.pending[k - self.mentions.len()].span,
            };
            self.mark_cover(span);
        }
    }

    /// Whether a mention overlaps token `i` ([`Self::covered`], at one load).
    #[inline]
    fn covered_tok(&self, i: usize) -> bool {
        self.cover[i] != 0
    }

    /// Whether a mention overlaps any of tokens `i..i + n` ([`Self::covered`] of their span).
    #[inline]
    fn covered_run(&self, i: usize, n: usize) -> bool {
        self.cover[i..i + n].iter().any(|&c| c != 0)
    }

    /// The mention overlapping token `i`, if any ([`Self::mention_at`], with no search
    /// where none does).
    fn mention_at_tok(&self, i: usize) -> Option<&MentionData> {
        if self.cover[i] != 0 {
            self.mention_at(self.tokens[i].span)
        } else {
            None
        }
    }

    /// Merges the mentions added since the last call into the sorted list.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let key = |m: &MentionData| (m.span.start(), m.span.end());
        // The flushed mentions are in order unless a pass rewrote one out of it (or marked
        // one dropped): then they are sorted again, with the new ones.
        if self.mentions.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
            merge_sorted(&mut self.mentions, &self.pending, key);
            self.pending.clear();
        } else {
            self.mentions.append(&mut self.pending);
            self.mentions.sort_by_key(key);
        }
    }

    /// Mentions overlapping `span`, by binary search in both sorted lists.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = &MentionData> {
        let (a, b) = (
            reach(&self.mentions, span, self.max_len),
            reach(&self.pending, span, self.max_len),
        );
        self.mentions[a]
            .iter()
            .chain(self.pending[b].iter())
            .filter(move |m| m.span.overlaps(span))
    }

    fn token_at(&self, pos: usize) -> Option<usize> {
        self.tokens.holding(pos)
    }

    /// A mention (of any kind of entity, gazetteer or inferred) overlapping `span`, if one
    /// does: the first [`Self::overlapping`] gives, with the pending mentions searched only
    /// where no flushed one overlaps (most lookups are answered by the flushed list).
    fn mention_at(&self, span: Span) -> Option<&MentionData> {
        first_overlapping(&self.mentions, span, self.max_len)
            .or_else(|| first_overlapping(&self.pending, span, self.max_len))
    }

    /// Whether token `i` is on a line in title case (a headline): most of its words capitalized.
    fn in_title_case_line(&self, i: usize) -> bool {
        let start = self.tokens[i].span.start();
        let l = self.lines.partition_point(|l| l.end() <= start);
        let Some(line) = self.lines.get(l).filter(|l| l.start() <= start) else {
            return false;
        };
        // The passes ask about the same line again and again: each answer is kept.
        match self.title_lines[l].get() {
            NO => false,
            YES => true,
            _ => {
                let answer = self.line_in_title_case(*line);
                self.title_lines[l].set(if answer { YES } else { NO });
                answer
            }
        }
    }

    /// Whether most words of `line` are capitalized ([`Self::in_title_case_line`]).
    fn line_in_title_case(&self, line: Span) -> bool {
        let (line_start, line_end) = (line.start(), line.end());
        // The line's first 60 tokens.
        let lo = self.tokens.first_at_or_after(line_start);
        let hi = self.tokens.first_at_or_after(line_end).min(lo + 60);
        let (mut all, mut capitalized) = (0, 0);
        for j in lo..hi {
            let t = self.tokens[j];
            if !t.word || t.span.len() <= 3 {
                continue;
            }
            all += 1;
            capitalized += usize::from(self.upper(j));
            // Four in five capitalized needs five words for each other one, and the tokens
            // left can add at most one word each: a line of running text is answered here,
            // long before its end.
            if (all - capitalized) * 5 > all + (hi - j - 1) {
                return false;
            }
        }
        // A line that ends a sentence and has a lowercase word is a sentence: "Ruth Ames met
        // Tom Brandt on Monday." (a headline has no period, or is in capitals).
        let sentence = || {
            let text = &self.text[line.range()];
            let end = text.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
            end.ends_with('.')
                && text
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| w.len() > 1 && w.bytes().all(|b| b.is_ascii_lowercase()))
        };
        all >= 4 && capitalized * 10 >= all * 8 && !sentence()
    }

    fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// How many tokens from `i` on form a capitalized name, stopping at `limit` words (a
    /// hyphen does not count: "Jean-Sébastien Le Bouthillier" is four) and at anything
    /// already known.
    fn name_run(&self, i: usize, limit: usize) -> usize {
        let mut n = 0;
        let mut words = 0;
        let mut j = i;
        while j < self.tokens.len() && words < limit {
            let t = self.tokens[j];
            let w = t.text(self.text);
            let adjacent = j > i && self.tokens[j - 1].span.end() == t.span.start();
            let possessive = n > 0 && self.is(j, shape::bit::POSSESSIVE);
            let ok = if !t.word {
                // A hyphen inside a name: "Jean-Luc"; a Korean given name's second syllable
                // is lowercase, before a surname ("Ji-woo Han", "Min-jun Park").
                let syllable = |k: usize| {
                    let w = self.tok(k);
                    (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase())
                };
                w == "-"
                    && adjacent
                    && j + 1 < self.tokens.len()
                    && (self.upper(j + 1)
                        || (n == 1
                            && self.tok(j - 1).len() <= 4
                            && syllable(j + 1)
                            && self
                                .tokens
                                .get(j + 2)
                                .is_some_and(|t| t.word && is_capitalized(t.text(self.text)))))
                    && self.tokens[j + 1].span.start() == t.span.end()
            } else if n > 0 && crate::words::NAME_SUFFIXES.contains(&w) {
                true
            } else if n > 0 && PARTICLES.contains(&w) {
                // "de Silva", and "de la Cruz": particles, then a capitalized word.
                let next = |k: usize| self.tokens.get(j + k).map(|t| t.text(self.text));
                // "al-Hashimi": a particle glued to the rest by a hyphen.
                match next(1) {
                    Some(x) if PARTICLES.contains(&x) || x == "-" => {
                        next(2).is_some_and(is_capitalized)
                    }
                    Some(x) => is_capitalized(x),
                    None => false,
                }
            } else if possessive {
                // A possessive ends the name: "Priyanka Dhillon's opener".
                crate::text::possessive_stem(w).is_some_and(is_name_word)
            } else {
                // "Marguerite d’Entremont": a surname after "d’"; the lowercase syllable the
                // hyphen let in ("Ji-woo").
                self.name_word(j)
                    || (n > 0 && crate::words::is_prefixed_surname(w))
                    || (n == 2
                        && self.tok(j - 1) == "-"
                        && w.bytes().all(|b| b.is_ascii_lowercase()))
            };
            if !ok || self.covered_tok(j) || self.in_title_at(j) {
                break;
            }
            if j > i && self.text[self.tokens[j - 1].span.end()..t.span.start()].contains('\n') {
                break;
            }
            n += 1;
            words += usize::from(t.word);
            j += 1;
            if possessive {
                break;
            }
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
        let kind = self.kind_of_run(i, n);
        self.infer_kind(i, n, role, kind);
    }

    /// [`Self::infer`] where a title or role names a person: there a given name and a head
    /// are a name and a surname ("Defence lawyer Brian Church", "Mr. Tom Bank"), not an
    /// organization or a place.
    fn infer_titled(&mut self, i: usize, n: usize, role: Option<Span>) {
        let mut kind = self.kind_of_run(i, n);
        // Two words, the first of which may be a hyphenated given name: "Meteorologist
        // Kerry-Anne Power".
        if kind != EntityKind::Person
            && self.two_word_name(i, self.span_of(i, n))
            && crate::given_names::given_name(self.tok(i)).is_some_and(|g| !g.is_word())
        {
            kind = EntityKind::Person;
        }
        self.infer_kind(i, n, role, kind);
    }

    /// The kind of entity the name at tokens `i..i + n` is, by its last word
    /// ([`kind_of_name`]), but a person where a given name and a head that is also a surname
    /// read as one ("Kim Hall said") or the head ends a hyphenated surname.
    fn kind_of_run(&self, i: usize, n: usize) -> EntityKind {
        let kind = kind_of_name(self.tok(i + n - 1));
        // A French name opening on its head: "Groupe Rivebelle", "Caisse Desjardins".
        if n >= 2 && crate::words::ORG_PREFIXES.contains(&self.tok(i)) {
            return EntityKind::Organization;
        }
        // The last part of a hyphenated surname is no head: "Monica Reyes-Hall".
        let hyphenated = n >= 3 && self.tok(i + n - 2) == "-";
        if hyphenated || self.person_like_place(i, n, kind) {
            EntityKind::Person
        } else if kind == EntityKind::Person {
            self.headed_inside(i, n).unwrap_or(kind)
        } else {
            kind
        }
    }

    /// The kind of a name with no head at its end but one before it, and no common given
    /// name: no person's ("Harbour Bridges" of "Halifax Harbour Bridges", "Hydro One"). An
    /// organization's head or a plural last word makes an organization, else a place ("Lake
    /// Louise"). Place heads that are also surnames do not count ("Park Ji-sung").
    fn headed_inside(&self, i: usize, n: usize) -> Option<EntityKind> {
        use crate::words::{class, word_class};
        if n < 2 {
            return None;
        }
        let mut kind = None;
        for k in i..i + n {
            let w = self.tok(k);
            // A given name a few hundred bear ("Harbour") does not make a person here.
            let given = crate::given_names::given_name(w)
                .is_some_and(|g| !g.is_word() && (g.bearers() == 0 || g.bearers() >= 2_000));
            if given {
                return None;
            }
            if k + 1 == i + n || crate::words::SURNAME_HEADS.contains(&w) {
                continue;
            }
            let c = word_class(w);
            if c & class::ORG_HEAD != 0 {
                kind = Some(EntityKind::Organization);
            } else if c & class::PLACE_HEAD != 0 && kind.is_none() {
                kind = Some(EntityKind::Location);
            }
        }
        let plural = self.tok(i + n - 1).ends_with('s');
        kind.map(|k| if plural { EntityKind::Organization } else { k })
    }

    /// Infers an entity of `kind` named by tokens `i..i + n`, with a role phrase if given.
    fn infer_kind(&mut self, i: usize, n: usize, role: Option<Span>, kind: EntityKind) {
        // "a First Nation" is a common noun, whatever the pass that found it.
        if n == 2 && self.tok(i) == "First" && self.tok(i + 1) == "Nation" {
            return;
        }
        let mut span = self.span_of(i, n);
        // A name ending on a possessive head ("Hospital's") is the name without its "'s".
        if self.is(i + n - 1, shape::bit::POSSESSIVE) {
            let w = self.tok(i + n - 1);
            let stem = crate::text::possessive_stem(w).unwrap_or(w);
            span = Span::new(span.start(), span.end() - (w.len() - stem.len()));
        }
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
                // The article's own longer name wins over the places read inside it: a
                // headline's "Oakhurst Glen Council", where "Oakhurst Glen" was the town.
                let list = &self.list;
                let inside_places = self.overlapping(span).all(|m| {
                    span.contains(m.span)
                        && m.span != span
                        && matches!(
                            list[m.entity as usize].kind,
                            EntityKind::Location | EntityKind::Nationality
                        )
                });
                if !inside_places {
                    continue;
                }
                self.unplaced.push(span);
            }
            let possessive = crate::text::possessive_len(self.text, span.end()) > 0;
            self.add_mention(MentionData {
                span,
                entity,
                possessive,
            });
        }
        self.inferred.found = found;
        self.drop_unplaced();
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

/// The range of `list` (sorted by start) holding every mention that may overlap `span`: those
/// starting before its end, back to the first that can reach its start at `max_len` bytes
/// (the longest mention's).
#[inline]
fn reach(list: &[MentionData], span: Span, max_len: usize) -> std::ops::Range<usize> {
    let hi = list.partition_point(|m| m.span.start() < span.end());
    // Back from there over the few mentions that start close enough to reach the span:
    // cheaper than a second binary search, as only a handful ever do.
    let mut lo = hi;
    while lo > 0 && list[lo - 1].span.start() + max_len > span.start() {
        lo -= 1;
    }
    lo..hi
}

/// The first mention of `list` (sorted by start) overlapping `span`, in [`reach`].
#[inline]
fn first_overlapping(list: &[MentionData], span: Span, max_len: usize) -> Option<&MentionData> {
    list[reach(list, span, max_len)]
        .iter()
        .find(|m| m.span.overlaps(span))
}

/// Counts down in `cover` ([`Resolver::cover`]) the tokens that the dropped mention at `span`
/// overlaps: cheaper than counting every mention again when few of many are dropped.
fn unmark_cover(cover: &mut [u16], tokens: &Tokens, span: Span) {
    for j in tokens.overlapping(span) {
        cover[j] -= 1;
    }
}

/// Appends `add` to `list`, both sorted by `key`, in the order a stable sort of the two one
/// after the other gives (on equal keys, `list`'s first): a merge from the back, in place,
/// where the sort would look for their runs and merge them through a buffer.
fn merge_sorted<T: Copy, K: Ord>(list: &mut Vec<T>, add: &[T], key: impl Fn(&T) -> K) {
    let (mut i, mut j) = (list.len(), add.len());
    list.extend_from_slice(add);
    let mut w = list.len();
    while j > 0 {
        w -= 1;
        if i > 0 && key(&list[i - 1]) > key(&add[j - 1]) {
            i -= 1;
            list[w] = list[i];
        } else {
            j -= 1;
            list[w] = add[j];
        }
    }
}

/// What a capitalized name is, by its last word: "… Holdings" an organization, "… Street" a
/// place, else a person.
fn kind_of_name(last: &str) -> EntityKind {
    use crate::words::{class, word_class};
    let class = word_class(last);
    if class & class::ORG_HEAD != 0 {
        EntityKind::Organization
    } else if class & class::PLACE_HEAD != 0 {
        EntityKind::Location
    } else {
        EntityKind::Person
    }
}

/// Whether `name`'s words are one space apart already: no space at either end, no two in a
/// row, no other white space. One pass over the chars, with no substring searcher set up.
fn is_normalized(name: &str) -> bool {
    let mut after_space = true;
    for c in name.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || name.is_empty()
}

/// Whitespace-normalized form of a name, the key of an inferred entity and its name: its
/// words one space apart, borrowed when they are so already.
pub(crate) fn normalized(name: &str) -> std::borrow::Cow<'_, str> {
    if is_normalized(name) {
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
        /// Merging two sorted lists gives what a stable sort of the two one after the
        /// other gives, ties included.
        #[test]
        fn merge_sorted_equals_a_stable_sort(
            mut a in proptest::collection::vec((0u8..6, any::<u16>()), 0..12),
            mut b in proptest::collection::vec((0u8..6, any::<u16>()), 0..12),
        ) {
            a.sort_by_key(|x| x.0);
            b.sort_by_key(|x| x.0);
            let mut want = a.clone();
            want.extend_from_slice(&b);
            want.sort_by_key(|x| x.0);
            merge_sorted(&mut a, &b, |x| x.0);
            prop_assert_eq!(a, want);
        }

        /// A name is normalized as its words joined by one space, borrowed or not.
        #[test]
        fn normalized_joins_words_by_one_space(name in "[ a\u{a0}\t\nB]{0,10}") {
            let words: Vec<&str> = name.split_whitespace().collect();
            let got = normalized(&name);
            prop_assert_eq!(got.as_ref(), words.join(" "));
        }

        /// A name needs no normalizing when it has no space at either end, no two spaces in
        /// a row and no other white space.
        #[test]
        fn is_normalized_equals_the_substring_tests(name in "[ a\u{a0}\t\nB]{0,10}") {
            let want = !name.starts_with(' ')
                && !name.ends_with(' ')
                && !name.contains("  ")
                && !name.contains(|c: char| c.is_whitespace() && c != ' ');
            prop_assert_eq!(is_normalized(&name), want);
        }
    }
}
