//! The extractor: built once from gazetteers, then run on any number of articles.

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::article::Article;
use crate::attribution::{self, Attributed};
use crate::coref::Coref;
use crate::cue::{self, Cue};
use crate::document::{Document, Entity, Mention, Quote, QuotePart, Source, Speaker};
use crate::entity::{self, Entities, Knowledge, NameRole, NameTarget, Origin, TitleTarget};
use crate::error::{Error, ErrorKind};
use crate::gazetteer::{self, Case, EntityKind, Entry, Gender};
use crate::hash::FastMap;
use crate::matcher::{Accept, Found, Joint, Matcher, MatcherBuilder};
use crate::quote::{self, QuoteSpan};
use crate::role::ROLES;
use crate::sentence;
use crate::span::Span;
use crate::text;

/// Finds entities and attributed quotes in English news text.
///
/// Cheap to clone (the data sits behind an `Arc`) and `Send + Sync`, so one extractor serves
/// every thread.
///
/// # Example
///
/// ```
/// use whosaid::{Extractor, QuoteKind};
///
/// let text = "Foreign Minister Sergei Lavrov emphasized that any dialogue should begin gradually.";
/// let doc = Extractor::new().extract(text);
/// let quote = &doc.quotes[0];
/// assert_eq!(quote.kind, QuoteKind::Indirect);
/// assert_eq!(quote.text, "any dialogue should begin gradually");
/// assert_eq!(quote.speaker.as_ref().unwrap().entity.as_deref(), Some("sergei-lavrov"));
/// assert_eq!(quote.cue.as_deref(), Some("emphasized"));
/// ```
#[derive(Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

struct Inner {
    entries: Vec<Entry>,
    /// The entries' id, name and QID again, packed for building documents.
    texts: EntryTexts,
    kinds: Vec<EntityKind>,
    genders: Vec<Option<Gender>>,
    /// [`Knowledge::homes`].
    homes: Vec<u32>,
    title_words: Vec<Vec<String>>,
    names: Matcher<NameTarget>,
    titles: Matcher<TitleTarget>,
    /// The first words of names, titles and cues in one bit set, for one pass over the text.
    joint: Option<Joint>,
}

/// Each entry's id, name and Wikidata QID side by side in one string: an entity of a document
/// then reads one or two cache lines, not one for the entry and one for each of its strings.
#[derive(Default)]
struct EntryTexts {
    text: String,
    /// Where each entry's id starts, and where its id, name and QID end (`usize::MAX` for
    /// no QID).
    spans: Vec<[usize; 4]>,
}

impl EntryTexts {
    fn new(entries: &[Entry]) -> EntryTexts {
        let mut t = EntryTexts::default();
        t.spans.reserve_exact(entries.len());
        t.text.reserve_exact(
            entries
                .iter()
                .map(|e| e.id.len() + e.name.len() + e.wikidata.as_ref().map_or(0, String::len))
                .sum(),
        );
        for e in entries {
            let start = t.text.len();
            t.text.push_str(&e.id);
            let id_end = t.text.len();
            t.text.push_str(&e.name);
            let name_end = t.text.len();
            let qid_end = match &e.wikidata {
                Some(q) => {
                    t.text.push_str(q);
                    t.text.len()
                }
                None => usize::MAX,
            };
            t.spans.push([start, id_end, name_end, qid_end]);
        }
        t
    }

    /// Entry `e`'s id, name and QID.
    fn get(&self, e: u32) -> (&str, &str, Option<&str>) {
        let Some(&[start, id_end, name_end, qid_end]) = self.spans.get(e as usize) else {
            return ("", "", None);
        };
        let qid = (qid_end != usize::MAX).then(|| &self.text[name_end..qid_end]);
        (&self.text[start..id_end], &self.text[id_end..name_end], qid)
    }

    fn memory_usage(&self) -> usize {
        self.text.capacity() + self.spans.capacity() * std::mem::size_of::<[usize; 4]>()
    }
}

/// Buffers for one article's intermediate results, reused from article to article.
#[derive(Default)]
struct Scratch {
    paragraphs: Vec<Span>,
    sentences: Vec<Span>,
    tokens: text::Tokens,
    runs: Vec<text::Run>,
    found_names: Vec<Found>,
    found_titles: Vec<Found>,
    cues: Vec<Cue>,
    quotes: Vec<QuoteSpan>,
    /// Quote mark offsets of one paragraph ([`quote::find_quotes`]).
    marks: Vec<usize>,
    /// Each token's word classes ([`Article`]).
    classes: Vec<u16>,
    /// Entity resolution's buffers.
    entity: entity::Scratch,
    /// What the stages after coreference keep.
    later: Later,
}

/// The buffers of attribution and of building the document, apart from those of the stages
/// before them so that both can be borrowed at once.
#[derive(Default)]
struct Later {
    /// Attribution's per-token buffers.
    attribution: attribution::Scratch,
    /// Mentions per entity, while building the document.
    counts: Vec<usize>,
    /// The vectors a new document is built in before it gets its own.
    staged: Document,
    /// The genders the article's narrative pronouns give ([`Coref::pronoun_votes`]).
    pronoun_votes: Vec<(u32, i8)>,
}

impl Scratch {
    /// Gives back memory after an unusually long text, so a thread does not hold on to it.
    fn trim(&mut self) {
        const KEEP: usize = 1 << 16;
        if self.tokens.capacity() > KEEP {
            *self = Scratch::default();
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

static BUILTIN_ENTRIES: Lazy<Vec<Entry>> = Lazy::new(|| {
    let mut all = Vec::new();
    for (name, text) in gazetteer::BUILTIN {
        // The built-in files are checked by a unit test; a bad one is a bug in this crate.
        match gazetteer::parse_jsonl(name, text) {
            Ok(entries) => all.extend(entries),
            Err(e) => panic!("built-in gazetteer is invalid: {e}"),
        }
    }
    all
});

static DEFAULT: Lazy<Extractor> = Lazy::new(|| {
    Extractor::builder()
        .build()
        .unwrap_or_else(|e| panic!("built-in gazetteer is invalid: {e}"))
});

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("entries", &self.inner.entries.len())
            .finish()
    }
}

impl Extractor {
    /// An extractor over the built-in gazetteers. The first call parses them and builds the
    /// name tables; later calls return a clone of the same extractor.
    ///
    /// # Performance
    ///
    /// The first call takes about 12 ms (measured by `cargo bench --bench extract --
    /// build/builtin`); every later one is an `Arc` clone.
    pub fn new() -> Extractor {
        DEFAULT.clone()
    }

    /// A builder, to add gazetteers or leave out the built-in one.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The gazetteer entries this extractor knows.
    pub fn entries(&self) -> &[Entry] {
        &self.inner.entries
    }

    /// Heap bytes held by the extractor, roughly: its name tables and its entries with their
    /// strings.
    pub fn memory_usage(&self) -> usize {
        let i = &self.inner;
        let strings = |v: &Vec<String>| {
            v.capacity() * std::mem::size_of::<String>()
                + v.iter().map(String::capacity).sum::<usize>()
        };
        let entries: usize = i
            .entries
            .iter()
            .map(|e| {
                e.id.capacity()
                    + e.name.capacity()
                    + strings(&e.aliases)
                    + strings(&e.titles)
                    + e.wikidata.as_ref().map_or(0, String::capacity)
                    + [e.as_of(), e.note(), e.country()]
                        .iter()
                        .map(|s| s.map_or(0, str::len))
                        .sum::<usize>()
            })
            .sum();
        let title_words: usize = i.title_words.iter().map(strings).sum();
        i.names.memory_usage()
            + i.titles.memory_usage()
            + i.joint.as_ref().map_or(0, Joint::memory_usage)
            + i.texts.memory_usage()
            + i.entries.capacity() * std::mem::size_of::<Entry>()
            + entries
            + i.title_words.capacity() * std::mem::size_of::<Vec<String>>()
            + title_words
            + (i.kinds.capacity() + i.genders.capacity() * 2)
    }

    /// Finds the entities and attributed quotes of one article.
    ///
    /// Never panics: any `&str` gives a [`Document`], and every span in it lies on char
    /// boundaries of `text`.
    ///
    /// ```
    /// let text = "\u{201c}We’ll learn more in the next few weeks,\u{201d} Trump stated.";
    /// let doc = whosaid::Extractor::new().extract(text);
    /// let q = &doc.quotes[0];
    /// assert_eq!(&text[q.start..q.end], "We’ll learn more in the next few weeks,");
    /// let speaker = q.speaker.as_ref().unwrap();
    /// assert_eq!((speaker.start, speaker.end, speaker.name.as_str()), (48, 53, "Donald Trump"));
    /// ```
    pub fn extract(&self, text: &str) -> Document {
        // The per-article buffers are kept by each thread and reused, so an article costs no
        // allocation for its tokens and matches once the buffers have grown to fit.
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                let doc = self.extract_with(text, &mut scratch);
                scratch.trim();
                doc
            }
            // Only if `extract` were reentered on this thread.
            Err(_) => self.extract_with(text, &mut Scratch::default()),
        })
    }

    fn extract_with(&self, text: &str, s: &mut Scratch) -> Document {
        self.read(text, s, |input, later| {
            let attributed = attribution::attribute(input, &mut later.attribution);
            input.coref.pronoun_votes(&mut later.pronoun_votes);
            let doc = self.document_of(text, input.entities, &attributed, later);
            later.attribution.recycle(attributed);
            doc
        })
    }

    /// Coreference over `text`, with the article view and entities it answers from, for tests
    /// of the stage on its own.
    #[cfg(test)]
    pub(crate) fn with_coref<R>(
        &self,
        text: &str,
        f: impl FnOnce(&Coref<'_>, &Article<'_>, &Entities) -> R,
    ) -> R {
        self.read(text, &mut Scratch::default(), |input, _| {
            f(input.coref, input.article, input.entities)
        })
    }

    /// Runs the stages up to coreference on `text` and hands what attribution reads to
    /// `then`, with the buffers of the stages after it.
    fn read<R>(
        &self,
        text: &str,
        s: &mut Scratch,
        then: impl FnOnce(&attribution::Input<'_>, &mut Later) -> R,
    ) -> R {
        let inner = &*self.inner;
        sentence::paragraphs(text, &mut s.paragraphs);
        sentence::sentences(text, &s.paragraphs, &mut s.sentences);
        s.tokens.fill(text, &mut s.runs);

        s.found_names.clear();
        s.found_titles.clear();
        s.cues.clear();
        let cues = &mut s.cues;
        let lexicon = cue::lexicon();
        inner.names.find_all_with(
            &inner.titles,
            inner.joint.as_ref(),
            text,
            &s.runs,
            &mut s.found_names,
            &mut s.found_titles,
            |run| cue::cue_of_run(lexicon, text, run, cues),
        );

        let knowledge = Knowledge {
            kinds: &inner.kinds,
            genders: &inner.genders,
            homes: &inner.homes,
            names: &inner.names,
            titles: &inner.titles,
            title_words: &inner.title_words,
        };
        let input = entity::Input {
            knowledge: &knowledge,
            text,
            lines: &s.paragraphs,
            tokens: &s.tokens,
            cues: &s.cues,
            found_names: &s.found_names,
            found_titles: &s.found_titles,
        };
        let entities = entity::resolve(&input, &mut s.entity);

        s.quotes.clear();
        quote::find_quotes(text, &s.paragraphs, &mut s.quotes, &mut s.marks);

        let article = Article::new(text, &s.paragraphs, &s.sentences, &s.tokens, &mut s.classes);
        let coref = Coref::new(&article, &knowledge, &entities, &s.quotes);
        let input = attribution::Input {
            article: &article,
            coref: &coref,
            cues: &s.cues,
            quotes: &s.quotes,
            entities: &entities,
        };
        let out = then(&input, &mut s.later);
        s.entity.recycle(entities);
        out
    }

    /// The document of the entities and attributed quotes, built in `later`'s kept vectors.
    fn document_of(
        &self,
        text: &str,
        entities: &Entities,
        attributed: &[Attributed],
        later: &mut Later,
    ) -> Document {
        // A new document's strings are allocated first, in kept vectors, and its own two
        // vectors last, at their exact size: with glibc's allocator, the strings then take the
        // small blocks the last document freed before a vector's larger block is asked for,
        // which would first sweep them all together (`malloc_consolidate`). On PolNeAR's 924
        // articles that is 132.5 instructions a byte against 134.3 when building in the
        // document's own vectors; wall-clock rounds do not tell the two apart.
        let mut staged = Document {
            entities: crate::buffers::emptied(&mut later.staged.entities),
            quotes: crate::buffers::emptied(&mut later.staged.quotes),
        };
        let narrative = &later.pronoun_votes;
        self.document(
            text,
            entities,
            attributed,
            narrative,
            &mut later.counts,
            &mut staged,
        );
        let mut doc = Document {
            entities: Vec::with_capacity(staged.entities.len()),
            quotes: Vec::with_capacity(staged.quotes.len()),
        };
        doc.entities.append(&mut staged.entities);
        doc.quotes.append(&mut staged.quotes);
        later.staged = staged;
        doc
    }

    /// Fills `doc` (emptied) with the entities and quotes.
    fn document(
        &self,
        text: &str,
        entities: &Entities,
        attributed: &[Attributed],
        narrative: &[(u32, i8)],
        counts: &mut Vec<usize>,
        doc: &mut Document,
    ) {
        let inner = &*self.inner;
        counts.clear();
        counts.resize(entities.list.len(), 0);
        for m in &entities.mentions {
            counts[m.entity as usize] += 1;
        }
        let out = &mut doc.entities;
        out.reserve(entities.list.len());
        for (e, &count) in entities.list.iter().zip(counts.iter()) {
            let (id, name, wikidata, source) = match e.origin {
                Origin::Gazetteer(entry) => {
                    let (id, name, qid) = inner.texts.get(entry);
                    (
                        id.to_string(),
                        name.to_string(),
                        qid.map(str::to_string),
                        Source::Gazetteer,
                    )
                }
                Origin::Inferred(span) => {
                    let name = &text[span.range()];
                    (
                        slug(name),
                        entity::normalized(name).into_owned(),
                        None,
                        Source::Inferred,
                    )
                }
            };
            let person = e.kind == EntityKind::Person;
            let mut roles: Vec<String> = if person {
                entities
                    .role_spans(e)
                    .map(|r| entity::normalized(&text[r.range()]).into_owned())
                    .collect()
            } else {
                Vec::new()
            };
            roles.reverse();
            out.push(Entity {
                id,
                kind: e.kind,
                name,
                source,
                gender: e.gender.filter(|_| person),
                roles,
                mentions: Vec::with_capacity(count),
                wikidata,
            });
        }
        // Ids are unique within the document: a repeated base gets "-2", "-3", …. Nearly
        // always no two bases are equal, and the check costs no copies.
        let clash = if out.len() <= 32 {
            out.iter()
                .enumerate()
                .any(|(i, p)| out[..i].iter().any(|q| q.id == p.id))
        } else {
            let mut seen = crate::hash::FastSet::default();
            seen.reserve(out.len());
            out.iter().any(|p| !seen.insert(p.id.as_str()))
        };
        if clash {
            let mut used: crate::hash::FastSet<String> = crate::hash::FastSet::default();
            for e in out.iter_mut() {
                let base = std::mem::take(&mut e.id);
                e.id = base.clone();
                let mut n = 2;
                while used.contains(e.id.as_str()) {
                    e.id = format!("{base}-{n}");
                    n += 1;
                }
                used.insert(e.id.clone());
            }
        }
        for m in &entities.mentions {
            let text = text[m.span.range()].to_string();
            out[m.entity as usize].mentions.push(Mention {
                start: m.span.start(),
                end: m.span.end(),
                text,
            });
        }
        genders_from_pronouns(text, attributed, narrative, out);
        let out = &doc.entities;
        doc.quotes.reserve(attributed.len());
        // The full names found for unlinked speakers' words: a speaker unlinked once is
        // often so again ("Lynch said" nine times), and the text is searched once.
        let mut unlinked: Vec<(&str, Span)> = Vec::new();
        // The last unlinked speaker's name, for a "she" or "he" coreference could not
        // resolve right after, where it is named like a person.
        let mut last_name: Option<Span> = None;
        // Each organization's speaker name, found once (its mentions read once, not once a
        // quote): empty until an organization speaks.
        let mut org_names: Vec<Option<String>> = Vec::new();
        for a in attributed {
            let speaker = a.speaker.map(|s| {
                let words = &text[s.span.range()];
                // Unlinked, the name the article writes for those words in full.
                let mut fullest = || {
                    use crate::coref::unlinked;
                    if let Some(name) = last_name.filter(|n| {
                        unlinked::is_pronoun_of(words, *n, s.span.start())
                            && unlinked::person_like(&text[n.range()])
                    }) {
                        return &text[name.range()];
                    }
                    let found = unlinked.iter().rev().take(8).find(|u| u.0 == words);
                    let name = found.map_or_else(|| unlinked::fullest_name(text, s.span), |u| u.1);
                    if found.is_none() {
                        unlinked.push((words, name));
                    }
                    last_name = Some(name);
                    &text[name.range()]
                };
                Speaker {
                    entity: s.entity.map(|e| out[e as usize].id.clone()),
                    name: match s.entity {
                        None => fullest().to_string(),
                        Some(e) if out[e as usize].kind != EntityKind::Organization => {
                            out[e as usize].name.clone()
                        }
                        Some(e) => {
                            if org_names.is_empty() {
                                org_names.resize(out.len(), None);
                            }
                            org_names[e as usize]
                                .get_or_insert_with(|| org_speaker_name(&out[e as usize]))
                                .clone()
                        }
                    },
                    text: words.to_string(),
                    start: s.span.start(),
                    end: s.span.end(),
                }
            });
            let parts = a
                .parts
                .iter()
                .map(|p| QuotePart {
                    start: p.start(),
                    end: p.end(),
                    text: text[p.range()].to_string(),
                })
                .collect();
            // What the speaker said: a quote in parts is its parts, one space between.
            let said = match a.parts.as_slice() {
                [] => text[a.content.range()].to_string(),
                parts => {
                    let len = parts.iter().map(|p| p.len() + 1).sum();
                    let mut said = String::with_capacity(len);
                    for p in parts {
                        if !said.is_empty() {
                            said.push(' ');
                        }
                        said.push_str(&text[p.range()]);
                    }
                    said
                }
            };
            doc.quotes.push(Quote {
                kind: a.kind,
                text: said,
                start: a.content.start(),
                end: a.content.end(),
                speaker,
                cue: a.cue.map(|c| text[c.range()].to_string()),
                parts,
                confidence: (a.confidence * 100.0).round() / 100.0,
                cue_start: a.cue.map(|c| c.start()),
                cue_end: a.cue.map(|c| c.end()),
            });
        }
    }
}

/// A lowercase slug of a name: "Dmitry Polyanskiy" → "dmitry-polyanskiy".
fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        // An ASCII char lowercases to one ASCII char: pushed without `to_lowercase`'s
        // iterator, which costs the common case more than the push.
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        s.push_str("entity");
    }
    s
}

/// Collects gazetteers, then builds an [`Extractor`].
///
/// Setters return `&mut Self`; everything that can be wrong with a gazetteer is reported by
/// the setter that reads it or by [`build`](ExtractorBuilder::build), so
/// [`Extractor::extract`] cannot fail.
///
/// Entries are matched in the order added: the built-in set first, then each user source. When
/// two entries share a name or alias, the one added last wins, unless the article names the
/// other in full; a user entry whose `id` is a built-in one replaces it.
///
/// ```
/// use whosaid::Extractor;
///
/// let people = r#"{"id": "jane-doe", "kind": "person", "name": "Jane Doe", "aliases": ["Doe"], "gender": "female"}"#;
/// let extractor = Extractor::builder().gazetteer_str("people.jsonl", people)?.build()?;
/// let doc = extractor.extract("\"The bridge opens in May,\" Doe said.");
/// assert_eq!(doc.quotes[0].speaker.as_ref().unwrap().entity.as_deref(), Some("jane-doe"));
/// # Ok::<(), whosaid::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    builtin: bool,
    /// User entries, in batches by the source they came from.
    user: Vec<Batch>,
}

/// Entries from one source: a file, a string, or `entry` calls.
#[derive(Clone, Debug)]
struct Batch {
    origin: String,
    entries: Vec<Entry>,
    /// Whether the entries were checked when parsed (a file or a string), so that `build`
    /// need not check them again; entries added one by one are checked there.
    checked: bool,
}

/// The origin named in errors about entries added one by one.
const ONE_BY_ONE: &str = "<entry>";

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder with the built-in gazetteers and nothing else.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            builtin: true,
            user: Vec::new(),
        }
    }

    /// Whether to include the built-in gazetteers (the default is yes).
    pub fn builtin(&mut self, yes: bool) -> &mut Self {
        self.builtin = yes;
        self
    }

    /// Adds the entries of a JSON Lines gazetteer file.
    ///
    /// # Errors
    ///
    /// The file cannot be read, is not UTF-8, or has a bad line; the error names the path
    /// and line.
    pub fn gazetteer_path(&mut self, path: impl AsRef<Path>) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let origin = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|e| Error::new(&origin, None, ErrorKind::Io(e.to_string())))?;
        let entries = gazetteer::parse_bytes(&origin, &bytes)?;
        self.user.push(Batch {
            origin,
            entries,
            checked: true,
        });
        Ok(self)
    }

    /// Adds the entries of a JSON Lines gazetteer held in a string; `origin` names it in errors.
    ///
    /// # Errors
    ///
    /// A bad line; the error names `origin` and the line.
    pub fn gazetteer_str(&mut self, origin: &str, jsonl: &str) -> Result<&mut Self, Error> {
        let entries = gazetteer::parse_jsonl(origin, jsonl)?;
        self.user.push(Batch {
            origin: origin.to_string(),
            entries,
            checked: true,
        });
        Ok(self)
    }

    /// Adds one entry; it is checked by [`build`](ExtractorBuilder::build).
    pub fn entry(&mut self, entry: Entry) -> &mut Self {
        match self.user.last_mut() {
            Some(batch) if !batch.checked => batch.entries.push(entry),
            _ => self.user.push(Batch {
                origin: ONE_BY_ONE.to_string(),
                entries: vec![entry],
                checked: false,
            }),
        }
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// An entry added with [`entry`](ExtractorBuilder::entry) is invalid, or two user entries
    /// share an id.
    pub fn build(&self) -> Result<Extractor, Error> {
        // Choose by reference first and clone each chosen entry once at the end: a user entry
        // replaces the built-in one with its id; two user entries with one id are an error.
        let builtin: &[Entry] = if self.builtin { &BUILTIN_ENTRIES } else { &[] };
        let mut chosen: Vec<&Entry> = builtin.iter().collect();
        let mut by_id: FastMap<&str, (usize, bool)> = FastMap::default();
        by_id.reserve(builtin.len() + self.user.iter().map(|b| b.entries.len()).sum::<usize>());
        by_id.extend(
            builtin
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), (i, true))),
        );
        for batch in &self.user {
            for entry in &batch.entries {
                let origin = &batch.origin;
                if !batch.checked {
                    entry.validate().map_err(|k| Error::new(origin, None, k))?;
                }
                match by_id.get(entry.id.as_str()).copied() {
                    Some((i, true)) => {
                        chosen[i] = entry;
                        by_id.insert(&entry.id, (i, false));
                    }
                    Some((_, false)) => {
                        let kind = ErrorKind::DuplicateId(entry.id.clone());
                        return Err(Error::new(origin, None, kind));
                    }
                    None => {
                        by_id.insert(&entry.id, (chosen.len(), false));
                        chosen.push(entry);
                    }
                }
            }
        }
        drop(by_id);
        let entries = chosen.into_iter().cloned().collect();
        Ok(Extractor {
            inner: Arc::new(Inner::new(entries)),
        })
    }
}

impl Inner {
    fn new(entries: Vec<Entry>) -> Inner {
        cue::warm();
        let mut names = MatcherBuilder::new();
        let mut titles = MatcherBuilder::new();
        for (r, role) in ROLES.iter().enumerate() {
            titles.add(role, TitleTarget::Role(r as u16), Accept::Any);
        }
        for (i, e) in entries.iter().enumerate() {
            let i = i as u32;
            let accept = match e.case {
                Case::Sensitive => Accept::ExactOrUpper,
                Case::Insensitive => Accept::Any,
            };
            let name = NameTarget {
                entry: i,
                role: NameRole::Name,
            };
            names.add(&e.name, name, accept);
            for a in &e.aliases {
                names.add(a, name, accept);
            }
            if e.kind == EntityKind::Person {
                // "Trump" for "Donald Trump": news names people by surname after first mention.
                let parts: Vec<&str> = e.name.split_whitespace().collect();
                if let [.., last] = parts.as_slice() {
                    if parts.len() >= 2
                        && last.chars().count() >= 3
                        && !e.aliases.iter().any(|a| a == last)
                    {
                        names.add(
                            last,
                            NameTarget {
                                entry: i,
                                role: NameRole::Surname,
                            },
                            accept,
                        );
                    }
                }
            }
            for t in &e.titles {
                titles.add(t, TitleTarget::Entry(i), Accept::Any);
            }
        }
        let kinds = entries.iter().map(|e| e.kind).collect();
        let genders = entries.iter().map(|e| e.gender).collect();
        let homes = entity::homes(&entries);
        let title_words = entries
            .iter()
            .map(|e| {
                let mut words: Vec<String> = e
                    .titles
                    .iter()
                    .flat_map(|t| {
                        t.to_lowercase()
                            .split_whitespace()
                            .map(String::from)
                            .collect::<Vec<_>>()
                    })
                    .collect();
                words.sort();
                words.dedup();
                words
            })
            .collect();
        let (names, titles) = (names.build(), titles.build());
        let joint = Joint::of(&names, &titles, cue::mark_words);
        Inner {
            kinds,
            genders,
            homes,
            // Split once here, not at every title-noun speaker.
            title_words,
            names,
            titles,
            joint,
            texts: EntryTexts::new(&entries),
            entries,
        }
    }
}

/// The name an organization speaks by: its fullest name in the article ("Canadian Football
/// League" where the article writes it, though the gazetteer's name is "CFL"; "WHL" where the
/// article writes only that), the first written of the longest, without a possessive's "'s".
/// (A person speaks by the entity's name.)
fn org_speaker_name(e: &Entity) -> String {
    let mut best: Option<&str> = None;
    let key = |t: &str| (t.split_whitespace().count(), t.len());
    for m in &e.mentions {
        let t = crate::text::possessive_stem(&m.text).unwrap_or(&m.text);
        if best.map_or(true, |b| key(t) > key(b)) {
            best = Some(t);
        }
    }
    best.map_or_else(|| e.name.clone(), |t| entity::normalized(t).into_owned())
}

/// A person with no gender yet takes the one the article's pronouns give them: "she" or "he"
/// as the speaker of their quotes, and "she", "he", "her" or "his" in its narrative resolved
/// to them (`narrative`, from [`Coref::pronoun_votes`]), whichever is used more (a tie gives
/// none). Pronoun resolution never links a pronoun to a person of the other gender, so this
/// only fills in.
fn genders_from_pronouns(
    text: &str,
    attributed: &[Attributed],
    narrative: &[(u32, i8)],
    out: &mut [Entity],
) {
    let mut votes: crate::hash::FastMap<u32, i32> = crate::hash::FastMap::default();
    for &(e, vote) in narrative {
        let target = &out[e as usize];
        if target.kind == EntityKind::Person && target.gender.is_none() {
            *votes.entry(e).or_insert(0) += i32::from(vote);
        }
    }
    for a in attributed {
        let Some(s) = a.speaker else { continue };
        let Some(e) = s.entity else { continue };
        let vote = match &text[s.span.range()] {
            "she" | "She" | "SHE" => 1,
            "he" | "He" | "HE" => -1,
            _ => continue,
        };
        let target = &out[e as usize];
        if target.kind != EntityKind::Person || target.gender.is_some() {
            continue;
        }
        *votes.entry(e).or_insert(0) += vote;
    }
    for (e, v) in votes {
        out[e as usize].gender = match v.signum() {
            1 => Some(Gender::Female),
            -1 => Some(Gender::Male),
            _ => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The cues handed on from the name matcher's walk, behind the joint first-word
        /// set, are the cues of a walk over every run.
        #[test]
        fn cues_found_behind_the_joint_set_equal_all_cues(
            s in "(said|Said|told|according to|according|says|added|noted|Putin|president|the|x|2|'|\u{e9}| |, |[.] |\n)*"
        ) {
            let inner = &*Extractor::new().inner;
            prop_assert!(inner.joint.is_some());
            let (mut tokens, mut runs) = (Vec::new(), Vec::new());
            text::tokenize(&s, &mut tokens, &mut runs);
            let mut want = Vec::new();
            cue::find_cues(&s, &runs, &mut want);
            let mut got = Vec::new();
            inner.names.find_all_with(
                &inner.titles,
                inner.joint.as_ref(),
                &s,
                &runs,
                &mut Vec::new(),
                &mut Vec::new(),
                |r| cue::cue_of_run(cue::lexicon(), &s, r, &mut got),
            );
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn oibits() {
        fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
        assert_send_sync::<Extractor>();
    }

    #[test]
    fn builtin_ids_are_unique_across_files() {
        let mut seen = std::collections::HashSet::new();
        for e in BUILTIN_ENTRIES.iter() {
            assert!(seen.insert(e.id.as_str()), "duplicate built-in id {}", e.id);
        }
        assert!(
            seen.len() > 2000,
            "built-in gazetteer has only {} entries",
            seen.len()
        );
    }

    #[test]
    fn entry_texts_give_back_each_entrys_id_name_and_qid() {
        let mut entries: Vec<Entry> = BUILTIN_ENTRIES.iter().take(50).cloned().collect();
        entries.push(Entry::new("a", EntityKind::Person, "Ä b"));
        let mut empty_qid = Entry::new("c", EntityKind::Location, "C");
        empty_qid.wikidata = Some(String::new());
        entries.push(empty_qid);
        let texts = EntryTexts::new(&entries);
        for (i, e) in entries.iter().enumerate() {
            let got = texts.get(i as u32);
            assert_eq!(got, (&*e.id, &*e.name, e.wikidata.as_deref()), "{}", e.id);
        }
        assert_eq!(texts.get(entries.len() as u32), ("", "", None));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Dmitry Polyanskiy"), "dmitry-polyanskiy");
        assert_eq!(slug("  O’Brien-Smith "), "o-brien-smith");
        assert_eq!(slug("!!"), "entity");
    }
}
