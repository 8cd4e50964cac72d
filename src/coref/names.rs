//! Which entity a name stands for, as entity recognition meets the names: the entry a
//! gazetteer name or surname found in the text is, the further mentions of a name the
//! gazetteer lacks (its full name again, a person's surname), and the gender a role word
//! states. Entity recognition asks these while it runs, in the order its rules need.

use crate::entity::{EntityData, NameRole, NameTarget, Origin};
use crate::gazetteer::{EntityKind, Gender};
use crate::hash::FastSet;
use crate::matcher::{Found, Matcher};
use crate::span::Span;
use crate::text::{is_capitalized, next_word_starts_name, word_bit, word_hash, Tokens};
use crate::words::is_name_word;

/// The gazetteer entry a name found in the text stands for, if it can be told: one entry, it;
/// several, the last one the article names in full (`named`), else for a full name (not a
/// surname) the last one loaded. A surname next to another name word is someone else's.
pub(crate) fn entry_for(
    names: &Matcher<NameTarget>,
    text: &str,
    f: &Found,
    named: &FastSet<u32>,
    in_full: &FastSet<u32>,
    kinds: &[EntityKind],
) -> Option<u32> {
    let pick = |role: NameRole| -> Option<u32> {
        let (mut count, mut last, mut last_named) = (0, None, None);
        for t in names.targets(text, f).filter(|t| t.role == role) {
            count += 1;
            last = Some(t.entry);
            if named.contains(&t.entry) {
                last_named = Some(t.entry);
            }
        }
        match count {
            0 | 1 => last,
            _ => last_named.or(last.filter(|_| role == NameRole::Name)),
        }
    };
    // A surname right after another capitalized name word belongs to someone else: "Ana
    // Silva" is not Lula da Silva. Nor one right before another ("Paul Weintraub" is not
    // Rand Paul).
    let surname = || {
        let first_name = f.possessive == 0 && next_word_starts_name(text, f.span.end());
        if preceded_by_name_word(text, f.span.start()) || first_name {
            None
        } else {
            pick(NameRole::Surname)
        }
    };
    // One word of a longer name ("Whitaker" of Matthew Whitaker) right after a given name is
    // someone else the article names in full ("Sam Whitaker"); one that is a month or another
    // sentence word ("May" of Theresa May) is that entry only where the article names it in
    // full (`in_full`).
    // Both rules are about people: places and organizations keep their one-word names.
    let entry = pick(NameRole::Name).or_else(surname)?;
    let person = kinds.get(entry as usize) == Some(&EntityKind::Person);
    let word = &text[f.span.range()];
    if person && !word.contains(' ') {
        if preceded_by_given_name(text, f.span.start()) {
            return None;
        }
        // A common given name (10,000 bearers or more) before another name word is someone
        // else's: "Cameron Li" is not David Cameron. ("Powell Signals Patience", a
        // headline's, is still Jerome Powell: few bear Powell as a given name.)
        let given = crate::given_names::is_common_given_name(word);
        if given && f.possessive == 0 && followed_by_name_word(text, f.span.end()) {
            return None;
        }
        if crate::words::is_not_name(word) && !in_full.contains(&entry) {
            return None;
        }
    }
    Some(entry)
}

/// Whether the word just after `pos`, one space away, is a name word ([`is_name_word`]).
fn followed_by_name_word(text: &str, pos: usize) -> bool {
    let Some(rest) = text[pos..].strip_prefix(' ') else {
        return false;
    };
    let end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(rest.len(), |(i, _)| i);
    is_name_word(&rest[..end])
}

/// Whether the word just before `pos` (one space away) is a capitalized given name that is
/// not a role or a word that opens sentences ("Sam" in "Sam Whitaker", not "President" or
/// "May"), or a particle ("la" in "de la Cruz").
fn preceded_by_given_name(text: &str, pos: usize) -> bool {
    let Some(rest) = text[..pos].strip_suffix(' ') else {
        return false;
    };
    let start = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &rest[start..];
    // A particle before it makes the surname longer: "de la Cruz" is not Ted Cruz.
    if crate::words::PARTICLES.contains(&word) {
        return true;
    }
    word.starts_with(char::is_uppercase)
        && !crate::words::is_not_name(word)
        && crate::given_names::given_name(word).is_some()
        && !crate::role::is_role(word)
}

/// Buffers of [`further_mentions`]: the inferred names and surnames with their
/// entities, their order by text, which are shared, the names by first word, and the mentions
/// found.
#[derive(Default)]
pub(crate) struct FurtherMentions {
    forms: Vec<(Span, u32)>,
    /// The forms' hashes and indices, sorted so that equal forms stand side by side.
    order: Vec<(u64, u32)>,
    shared: Vec<bool>,
    /// Each form by the hash of its first word ([`crate::text::word_hash`]), that first
    /// word, the form and its entity.
    by_first: Vec<(u64, Span, Span, u32)>,
    /// The mentions found.
    pub(crate) found: Vec<(Span, u32)>,
}

/// Every further mention of an inferred entity in `list`: its full name, and a person's
/// surname, found into `bufs.found` (the caller drops those another mention covers).
pub(crate) fn further_mentions(
    text: &str,
    tokens: &Tokens,
    list: &[EntityData],
    aliases: &[(Span, u32)],
    bufs: &mut FurtherMentions,
) {
    let at = |s: Span| &text[s.range()];
    let FurtherMentions {
        forms,
        order,
        shared,
        by_first,
        found,
    } = bufs;
    found.clear();
    forms.clear();
    for (i, e) in list.iter().enumerate() {
        let Origin::Inferred(span) = e.origin else {
            continue;
        };
        if e.merged {
            continue;
        }
        let i = i as u32;
        forms.push((span, i));
        let name = at(span);
        match e.kind {
            EntityKind::Person => {
                let Some((a, b)) = surname(name) else {
                    continue;
                };
                let last = Span::new(span.start() + a, span.start() + b);
                if last.len() > 2 {
                    forms.push((last, i));
                }
                // The given name alone, where no one else has it and it is no word
                // ("Adaeze", not "Will").
                let first = &name[..name.find(' ').unwrap_or(name.len())];
                let plain = first.len() > 2 && !first.contains('.');
                if plain && crate::given_names::given_name(first).is_some_and(|g| !g.is_word()) {
                    forms.push((Span::new(span.start(), span.start() + first.len()), i));
                }
            }
            EntityKind::Organization => {
                org_short_forms(name, |a, b| {
                    forms.push((Span::new(span.start() + a, span.start() + b), i));
                });
            }
            _ => {}
        }
    }
    forms.extend_from_slice(aliases);
    if forms.is_empty() {
        return;
    }
    // A surname shared by two inferred people names neither: with the forms sorted, the
    // repeated ones stand side by side.
    order.clear();
    order.extend(
        (0..forms.len() as u32).map(|i| (word_hash(at(forms[i as usize].0).as_bytes()), i)),
    );
    // By hash, then (for hashes that collide) by text.
    order.sort_unstable_by(|&(ha, a), &(hb, b)| {
        ha.cmp(&hb)
            .then_with(|| at(forms[a as usize].0).cmp(at(forms[b as usize].0)))
    });
    shared.clear();
    shared.resize(forms.len(), false);
    // A surname two people share stays a form of both ("Jordan Sakanee" and his sister
    // "Crystal Sakanee"): its mentions go to the one named first, below.
    let person_surname = |k: usize| {
        let (f, e) = forms[k];
        let d = &list[e as usize];
        d.kind == EntityKind::Person && !matches!(d.origin, Origin::Inferred(s) if s == f)
    };
    for pair in order.windows(2) {
        let (a, b) = (pair[0].1 as usize, pair[1].1 as usize);
        if at(forms[a].0) == at(forms[b].0) && !(person_surname(a) && person_surname(b)) {
            shared[a] = true;
            shared[b] = true;
        }
    }
    // The few names of one article, by first word and then longest first (in entity
    // order among equals): looked up by the first word at each capitalized word, rather
    // than through an automaton built per article.
    by_first.clear();
    by_first.extend(
        forms
            .iter()
            .zip(shared.iter())
            .filter(|&(_, &shared)| !shared)
            .map(|(&(f, e), _)| {
                let first = at(f).find([' ', '-']).unwrap_or(f.len());
                let first = Span::new(f.start(), f.start() + first);
                (word_hash(at(first).as_bytes()), first, f, e)
            }),
    );
    // By hash, then first word (for words whose hashes collide), then longest first.
    by_first.sort_by(|a, b| {
        (a.0.cmp(&b.0))
            .then_with(|| at(a.1).cmp(at(b.1)))
            .then(b.2.len().cmp(&a.2.len()))
    });
    // A filter on the hashes: most capitalized words begin no name, and are passed over
    // at one bit test.
    let mut hashes = [0u64; 64];
    for &(h, ..) in by_first.iter() {
        let bit = word_bit(h, 4095);
        hashes[bit / 64] |= 1 << (bit % 64);
    }
    // The first words' lengths (63 for any longer): a word of another length starts no name,
    // lowercased for a particle or not, and is passed over before it is hashed.
    let first_lens = by_first
        .iter()
        .fold(0u64, |set, &(_, key, _, _)| set | 1 << key.len().min(63));
    // The first bytes the names start with: a word starting otherwise is passed over
    // at one table lookup, before its text is looked at.
    let mut first_bytes = [false; 256];
    // And their second bytes, unless a name starts with a one-byte word.
    let mut second_bytes = [false; 256];
    for &(_, key, _, _) in by_first.iter() {
        match *at(key).as_bytes() {
            [] => {}
            [b] => {
                first_bytes[b as usize] = true;
                second_bytes = [true; 256];
            }
            [b, c, ..] => {
                first_bytes[b as usize] = true;
                second_bytes[c as usize] = true;
            }
        }
    }
    let bytes = text.as_bytes();
    let mut after = 0;
    // Forms that start lowercase ("de la Cruz") need every word read; the others only the
    // words that may be capitalized, which the tokenizer has listed.
    let lower_forms = first_bytes[usize::from(b'a')..=usize::from(b'z')].contains(&true);
    let every = 0..if lower_forms { tokens.len() } else { 0 };
    let caps = if lower_forms { &[][..] } else { tokens.caps() };
    for i in every.chain(caps.iter().map(|&i| i as usize)) {
        let t = &tokens[i];
        let start = t.span.start();
        if start < after
            || !t.word
            || !first_bytes[bytes[start] as usize]
            || !second_bytes[bytes.get(start + 1).map_or(0, |&b| b as usize)]
        {
            continue;
        }
        // Capitalized, or a particle opening a surname ("… said de la Cruz").
        if !is_capitalized(t.text(text))
            && !crate::words::PARTICLES.contains(&t.text(text))
            && !crate::words::is_prefixed_surname(t.text(text))
        {
            continue;
        }
        let word = t.text(text);
        let key = crate::text::possessive_stem(word).unwrap_or(word);
        // Up to the first hyphen, as `key.split('-').next()`, by a byte loop on a short word.
        let key = &key[..key.bytes().position(|b| b == b'-').unwrap_or(key.len())];
        if first_lens & 1 << key.len().min(63) == 0 {
            continue;
        }
        let find = |key: &str, same: &dyn Fn(&str) -> bool| {
            let h = word_hash(key.as_bytes());
            let bit = word_bit(h, 4095);
            if hashes[bit / 64] & (1 << (bit % 64)) == 0 {
                return None;
            }
            let lo = by_first.partition_point(|&(kh, ..)| kh < h);
            // The longest form that fits (they are sorted longest first); of forms of the
            // same text (a surname two people share), the one the article named first, as
            // the speakers' names do (`surnames.rs`).
            let mut best: Option<(Span, u32)> = None;
            for &(_, first, f, e) in by_first[lo..].iter().take_while(|&&(kh, ..)| kh == h) {
                let fits = at(first) == key
                    && same(at(f))
                    && !text[start + f.len()..].starts_with(|c: char| c.is_alphanumeric());
                if !fits {
                    continue;
                }
                best = match best {
                    None => Some((f, e)),
                    Some((b, _))
                        if f.len() == b.len() && at(f) == at(b) && f.start() < b.start() =>
                    {
                        Some((f, e))
                    }
                    Some(_) => best,
                };
            }
            best
        };
        let hit = find(key, &|form| text[start..].starts_with(form)).or_else(|| {
            // A surname with a particle opening a sentence: "De la Cruz said" is "de la Cruz".
            let particle = key.starts_with(|c: char| c.is_ascii_uppercase())
                && (crate::words::is_particle_any_case(key)
                    || crate::words::is_elided_particle_capitalized(key));
            let lower = particle.then(|| key.to_ascii_lowercase())?;
            particle
                .then(|| {
                    find(&lower, &|form| {
                        let rest = &text[start..];
                        rest.len() >= form.len()
                            && rest.is_char_boundary(form.len())
                            && rest[..form.len()].eq_ignore_ascii_case(form)
                            && rest[1..form.len()] == form[1..]
                    })
                })
                .flatten()
        });
        if let Some((f, entity)) = hit {
            let span = Span::new(start, start + f.len());
            after = span.end();
            found.push((span, entity));
        }
    }
}

/// The surname of a person's name as the article writes it, as a byte range of `name`;
/// `None` for a name of one word.
///
/// The surname is the last word, without a suffix ("Hale" of "Curtis Hale III"), and with the
/// particles before it ("de la Cruz" of "Ana de la Cruz", "Ní Bhriain" of "Siobhán Ní
/// Bhriain", "van der Berg"): the article writes the particles with it.
pub(crate) fn surname(name: &str) -> Option<(usize, usize)> {
    let mut end = name.len();
    let mut last = last_space(name)?;
    while crate::words::NAME_SUFFIXES.contains(&&name[last + 1..end]) {
        end = last;
        last = last_space(&name[..end])?;
    }
    let mut start = last + 1;
    // Particles walk back, but never over the first word, which is the given name; a
    // capitalized one too ("Di Pietro" of "Frank Di Pietro", "De Luca").
    while let Some(space) = last_space(&name[..start - 1]) {
        let word = &name[space + 1..start - 1];
        if !is_particle(word) && !crate::words::is_particle_any_case(word) {
            break;
        }
        start = space + 1;
    }
    Some((start, end))
}

/// The offset of the last space in `s`, as `s.rfind(' ')`: a name's few bytes are read back
/// sooner than the substring searcher behind `rfind` is set up.
fn last_space(s: &str) -> Option<usize> {
    s.bytes().rposition(|b| b == b' ')
}

/// Whether a word is a particle of a surname, in the case it is written: "de", "van", "al",
/// and the capitalized Gaelic ones, "Ní", "Mac", "Ó".
pub(crate) fn is_particle(word: &str) -> bool {
    crate::words::PARTICLES.contains(&word) || crate::words::CAPITAL_PARTICLES.contains(&word)
}

/// The short forms of an organization's name, as byte ranges of `name`, each once:
///
/// - without its legal suffix: "Halvorsen Foods" of "Halvorsen Foods Inc.";
/// - without the heads the article drops ([`SHORT_FORM_HEADS`]): "Granite State" of
///   "Granite State Capital Holdings", "Millbrook" of "Millbrook High School", "Harrowgate"
///   of "Harrowgate Athletic";
/// - a club's nickname: "Maple Leafs" and "Leafs" of "Toronto Maple Leafs", "Rovers" of
///   "Kingsport Rovers FC", "Athletic" of "Harrowgate Athletic";
/// - a university's place: "Carrick" of "University of Carrick", as its teams are called (a
///   place the gazetteer knows, "Toronto" of "University of Toronto", stays the place, as
///   the mention found first).
///
/// A one-word form is no given name ("Morgan" of Morgan Capital could be anyone) and has
/// more than three letters. Whether a form is used is for the caller: forms two entities
/// share name neither, and a form inside a longer known name is not a mention.
///
/// [`SHORT_FORM_HEADS`]: crate::words::SHORT_FORM_HEADS
pub(crate) fn org_short_forms(name: &str, mut out: impl FnMut(usize, usize)) {
    use crate::words::{CLUB_NICKNAMES, CLUB_SUFFIXES, LEGAL_SUFFIXES, SHORT_FORM_HEADS};
    // The words, as (start, end) byte ranges.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for w in name.split(' ') {
        if !w.is_empty() {
            words.push((at, at + w.len()));
        }
        at += w.len() + 1;
    }
    let word = |k: usize| &name[words[k].0..words[k].1];
    let n = words.len();
    if n < 2 {
        return;
    }
    let one_word_ok = |w: &str| {
        w.chars().count() > 3
            && w.starts_with(char::is_uppercase)
            && crate::given_names::given_name(w).is_none()
            && !crate::words::is_not_name(w)
    };
    let mut last = None;
    let mut emit = |a: usize, b: usize, out: &mut dyn FnMut(usize, usize)| {
        let form = name[a..b].trim_end_matches(',');
        let b = a + form.len();
        let one = !form.contains(' ');
        if Some((a, b)) != last && b > a && (!one || one_word_ok(form)) {
            last = Some((a, b));
            out(a, b);
        }
    };
    if LEGAL_SUFFIXES.contains(&word(n - 1)) && words[n - 1].0 > 3 {
        emit(0, words[n - 2].1, &mut out);
    }
    if n >= 3 && word(0) == "University" && word(1) == "of" {
        emit(words[2].0, words[n - 1].1, &mut out);
    }
    // The words before the heads, one head off at a time ("Drumcarra Rovers", then
    // "Drumcarra", of "Drumcarra Rovers FC"): at least one word that is no head, all
    // capitalized.
    let mut end = n;
    while end > 1 && SHORT_FORM_HEADS.contains(&word(end - 1)) {
        end -= 1;
        let named = (0..end).all(|k| word(k).starts_with(char::is_uppercase));
        if named && word(0) != "The" && !SHORT_FORM_HEADS.contains(&word(0)) {
            emit(0, words[end - 1].1, &mut out);
        }
    }
    // A club's nickname: the last word before "FC" and the like, a plural that is no head
    // ("Wildcats") or a club head used alone ("Rovers").
    let mut end = n;
    while end > 1 && CLUB_SUFFIXES.contains(&word(end - 1)) {
        end -= 1;
    }
    if end >= 2 {
        let nick = word(end - 1);
        let plural = nick.len() > 4
            && nick.ends_with('s')
            && !nick.ends_with("ss")
            && !crate::words::ORG_HEADS.contains(&nick)
            && !is_head_or_plural(nick);
        if plural {
            // Every tail of the name that ends in the plural: "Maple Leafs", "Leafs".
            for k in 1..end {
                emit(words[k].0, words[end - 1].1, &mut out);
            }
        } else if CLUB_NICKNAMES.contains(&nick) {
            emit(words[end - 1].0, words[end - 1].1, &mut out);
        }
    }
}

/// The first word of a sports club's name, as a byte range of `name`: "Ashford" of "Ashford
/// Rovers", "Moncton" of "Moncton Wildcats", "Kingsport" of "Kingsport Rovers FC". `None` for
/// a name that is not a club's: its last word (before "FC" and the like) is a club head used
/// alone ("Rovers", "United") or a capitalized plural that is no organization head
/// ("Wildcats", "Maple Leafs"), as [`org_short_forms`] reads a club's nickname.
pub(crate) fn club_town(name: &str) -> Option<(usize, usize)> {
    use crate::words::{CLUB_NICKNAMES, CLUB_SUFFIXES};
    // A club's name has two words at least: the town, then its nickname (and a suffix).
    let first_end = name.find(' ')?;
    let mut rest = name.trim_end();
    let mut suffixed = false;
    let nick = loop {
        let (head, last) = rest.rsplit_once(' ')?;
        if !CLUB_SUFFIXES.contains(&last) {
            break last;
        }
        suffixed = true;
        rest = head.trim_end();
    };
    let plural = nick.len() > 4
        && nick.ends_with('s')
        && !nick.ends_with("ss")
        && nick.starts_with(char::is_uppercase)
        && !crate::words::ORG_HEADS.contains(&nick)
        && !is_head_or_plural(nick);
    // A known team's nickname after the town: "Toronto Blue Jays", "Boston Red Sox".
    let team = crate::words::TEAM_NICKNAMES.contains(&name[first_end + 1..].trim_end());
    (suffixed || plural || team || CLUB_NICKNAMES.contains(&nick)).then_some((0, first_end))
}

/// Whether `word` or its singular is a place or organization head: "Falls", "Bridges" (of
/// "Halifax Harbour Bridges"), "Hospitals" are no club's nickname.
fn is_head_or_plural(word: &str) -> bool {
    use crate::words::{class, word_class};
    let head = |w: &str| word_class(w) & (class::ORG_HEAD | class::PLACE_HEAD) != 0;
    head(word) || word.strip_suffix('s').is_some_and(head)
}

/// The gender a role word states, if any: "councilwoman", "mrs.", "spokesman", "king".
pub(crate) fn role_gender(role: &str) -> Option<Gender> {
    let words = || role.split([' ', '-']);
    let female = [
        "mrs.", "mrs", "ms.", "ms", "queen", "princess", "actress", "madam",
    ];
    let male = ["mr.", "mr", "king", "prince"];
    if words().any(|w| w.ends_with("woman") || w.ends_with("women") || female.contains(&w)) {
        Some(Gender::Female)
    } else if words().any(|w| w.ends_with("man") || w.ends_with("men") || male.contains(&w)) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Whether the word just before `pos` (one space away) could be part of a name.
fn preceded_by_name_word(text: &str, pos: usize) -> bool {
    let before = &text[..pos];
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let start = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\'' || c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &rest[start..];
    is_name_word(word) && !crate::role::is_role(word)
}
