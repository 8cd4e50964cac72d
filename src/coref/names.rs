//! Which entity a name stands for, as entity recognition meets the names: the entry a
//! gazetteer name or surname found in the text is, the further mentions of a name the
//! gazetteer lacks (its full name again, a person's surname), and the gender a role word
//! states. Entity recognition asks these while it runs, in the order its rules need.

use crate::entity::{EntityData, NameRole, NameTarget, Origin};
use crate::gazetteer::{EntityKind, Gender};
use crate::hash::FastSet;
use crate::matcher::{Found, Matcher};
use crate::span::Span;
use crate::text::{is_capitalized, next_word_starts_name, Tokens};
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
        if crate::words::is_not_name(word) && !in_full.contains(&entry) {
            return None;
        }
    }
    Some(entry)
}

/// Whether the word just before `pos` (one space away) is a capitalized given name that is
/// not a role or a word that opens sentences: "Sam" in "Sam Whitaker", not "President" or
/// "May".
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
    order: Vec<u32>,
    shared: Vec<bool>,
    by_first: Vec<(Span, Span, u32)>,
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
                let Some(space) = name.rfind(' ') else {
                    continue;
                };
                let last = Span::new(span.start() + space + 1, span.end());
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
                // A company without its legal suffix: "Halvorsen Foods" of "Halvorsen
                // Foods Inc.".
                let Some(space) = name.rfind(' ') else {
                    continue;
                };
                let suffix = &name[space + 1..];
                if crate::words::LEGAL_SUFFIXES.contains(&suffix) && space > 2 {
                    let short = name[..space].trim_end_matches(',');
                    forms.push((Span::new(span.start(), span.start() + short.len()), i));
                    // And its first word, where the rest is a head: "Brightline" of
                    // "Brightline Logistics Inc.".
                    if let Some((first, rest)) = short.split_once(' ') {
                        let head = crate::words::ORG_HEADS.contains(&rest);
                        if head
                            && first.len() > 3
                            && crate::given_names::given_name(first).is_none()
                        {
                            forms.push((Span::new(span.start(), span.start() + first.len()), i));
                        }
                    }
                }
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
    order.extend(0..forms.len() as u32);
    order.sort_by_key(|&i| at(forms[i as usize].0));
    shared.clear();
    shared.resize(forms.len(), false);
    for pair in order.windows(2) {
        let (a, b) = (pair[0] as usize, pair[1] as usize);
        if at(forms[a].0) == at(forms[b].0) {
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
                (Span::new(f.start(), f.start() + first), f, e)
            }),
    );
    by_first.sort_by(|a, b| at(a.0).cmp(at(b.0)).then(b.1.len().cmp(&a.1.len())));
    // The first bytes the names start with: a word starting otherwise is passed over
    // at one table lookup, before its text is looked at.
    let mut first_bytes = [false; 256];
    // And their second bytes, unless a name starts with a one-byte word.
    let mut second_bytes = [false; 256];
    for &(key, _, _) in by_first.iter() {
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
    for t in tokens.iter() {
        let start = t.span.start();
        if start < after
            || !t.word
            || !first_bytes[bytes[start] as usize]
            || !second_bytes[bytes.get(start + 1).map_or(0, |&b| b as usize)]
        {
            continue;
        }
        if !is_capitalized(t.text(text)) {
            continue;
        }
        let word = t.text(text);
        let key = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        let key = key.split('-').next().unwrap_or(key);
        let lo = by_first.partition_point(|&(first, _, _)| at(first) < key);
        let hit = by_first[lo..]
            .iter()
            .take_while(|&&(first, _, _)| at(first) == key)
            .find(|(_, f, _)| {
                text[start..].starts_with(at(*f))
                    && !text[start + f.len()..].starts_with(|c: char| c.is_alphanumeric())
            });
        if let Some(&(_, f, entity)) = hit {
            let span = Span::new(start, start + f.len());
            after = span.end();
            found.push((span, entity));
        }
    }
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
