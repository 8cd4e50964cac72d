//! The name of a speaker no entity stands for. Such a speaker is given by the words of the
//! attribution, but those words are often not the name the article gives them: a surname
//! alone ("Keough said", where the article introduced "Playwright Siobhán Keough") or a name
//! behind its role words ("Lakers coach Monica Reyes-Hall", "The Tantramar Students' Union").
//! [`fullest_name`] finds the words that name them in full.

use crate::span::Span;

/// How far back a surname's full name is looked for, in bytes: the length of most articles,
/// so that a long text stays linear.
const WINDOW: usize = 8_000;

/// How many occurrences of a surname are looked at, from the window's start.
const TRIES: usize = 64;

/// The words that name an unlinked speaker at their fullest, given the speaker's words
/// `span`: for "the league" and the like, the latest name within [`WINDOW`] bytes before it
/// that ends in "League"; the name without the role words or the article before it; and for
/// a surname alone, the first full name (a given name, an initial or particles, then the
/// surname) the article writes within [`WINDOW`] bytes before it. The span itself where
/// there is nothing better.
pub(crate) fn fullest_name(text: &str, span: Span) -> Span {
    if let Some(name) = described_organization(text, span) {
        return name;
    }
    let name = without_role_words(text, span);
    let words = &text[name.range()];
    // A word after "the" is no surname ("the Times").
    let whole = &text[span.range()];
    let article = name.start() != span.start()
        && (whole.starts_with("The ") || whole.starts_with("the "))
        && name.start() == span.start() + 4;
    if !words.contains(' ') && !article && surname_like(words) {
        if let Some(full) = full_name_before(text, name, false) {
            return full;
        }
        if name != span {
            return span;
        }
    }
    name
}

/// How far after an unlinked person's name an unresolved "she" or "he" may stand and be
/// that person, in bytes: a paragraph or two.
const PRONOUN_REACH: usize = 1_500;

/// Whether `words` are "she" or "he" standing at `pos`, within [`PRONOUN_REACH`] after the
/// name `name` of the last unlinked speaker named like a person: the pronoun coreference
/// could not resolve is that person ("Lakers coach Monica Reyes-Hall told reporters: … She
/// said …", where recognition did not find Monica Reyes-Hall).
pub(crate) fn is_pronoun_of(words: &str, name: Span, pos: usize) -> bool {
    matches!(words, "she" | "She" | "he" | "He")
        && name.end() <= pos
        && pos - name.end() <= PRONOUN_REACH
}

/// Whether a name is written like a person's: two to four capitalized name words, the last
/// no head of an organization's or a place's name ("Monica Reyes-Hall", not "Harbour
/// Students' Union").
pub(crate) fn person_like(name: &str) -> bool {
    let n = name.split(' ').count();
    let last = name.rsplit(' ').next().unwrap_or(name);
    (2..=4).contains(&n)
        && name.split(' ').all(|w| {
            crate::words::is_name_word(w) || crate::coref::names::is_particle(w) || is_initial(w)
        })
        && !crate::words::ORG_HEADS.contains(&last)
        && !crate::words::PLACE_HEADS.contains(&last)
}

/// Whether a word could be a surname said alone: a name word ([`crate::words::is_name_word`])
/// of letters, hyphens and apostrophes, not a role.
fn surname_like(word: &str) -> bool {
    word.chars().count() > 1
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && crate::words::is_name_word(word)
        && !crate::role::is_role(word)
}

/// `span` without the words before a name that are no part of it: "The" before a capitalized
/// name ("The Tantramar Students' Union"), and role words with what qualifies them ("Lakers
/// coach Monica Reyes-Hall", "City Councillor Priya Natarajan"), up to the last role word,
/// when only names follow it. A phrase with anything else before its name ("a spokesperson
/// for the Canada Council") stays whole: it speaks for the name, it is not it.
fn without_role_words(text: &str, span: Span) -> Span {
    let words = &text[span.range()];
    // Most unlinked speakers end in a lowercase word ("officials", "the company"): no name.
    let last = words.rsplit(' ').next().unwrap_or(words);
    if !words.contains(' ')
        || !(last.starts_with(char::is_uppercase) || crate::words::is_prefixed_surname(last))
    {
        return span;
    }
    let mut starts = [0usize; 16];
    let mut n = 0;
    let mut at = 0;
    for w in words.split(' ') {
        if n == starts.len() {
            return span;
        }
        starts[n] = at;
        n += 1;
        at += w.len() + 1;
    }
    let word = |k: usize| {
        let end = if k + 1 < n {
            starts[k + 1] - 1
        } else {
            words.len()
        };
        &words[starts[k]..end]
    };
    let from = |k: usize| Span::new(span.start() + starts[k], span.end());
    if n >= 2 && matches!(word(0), "The" | "the") && word(1).starts_with(char::is_uppercase) {
        return from(1);
    }
    // The last role word, with only capitalized words or roles before it.
    let Some(last_role) = (0..n).rev().find(|&k| crate::role::is_role(word(k))) else {
        return span;
    };
    let qualifiers = (0..last_role)
        .all(|k| word(k).starts_with(char::is_uppercase) || crate::role::is_role(word(k)));
    let names = last_role + 1 < n
        && (last_role + 1..n).all(|k| {
            crate::words::is_name_word(word(k))
                || crate::coref::names::is_particle(word(k))
                || crate::words::is_prefixed_surname(word(k))
        });
    if qualifiers && names {
        from(last_role + 1)
    } else {
        span
    }
}

/// The first full name ending in the surname `span` that the article writes in the
/// [`WINDOW`] before it, or at it: the surname preceded by a name word that is no role
/// ("Siobhán Keough", not "Coach Keough"), an initial after a given name ("Mary K.
/// Lindqvist") or particles ("Ana de la Cruz"). With `known`, the name word must be a given
/// name of the list ("Two Scotland" is no name).
pub(crate) fn full_name_before(text: &str, span: Span, known: bool) -> Option<Span> {
    let surname = &text[span.range()];
    let mut lo = span.start().saturating_sub(WINDOW);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    // The span itself too: "Sarah Houston" may be where the word is first written.
    let hay = &text.as_bytes()[lo..span.end()];
    let needle = surname.as_bytes();
    // By its first byte, a capital, which is rare enough that a memchr pass and a comparison
    // at each hit cost less than building a substring searcher for one word. The first full
    // name wins: of two people with one surname, the surname alone is the one the article
    // introduced first, as for a surname linked to a person of one word (`coref::surnames`).
    memchr::memchr_iter(needle[0], hay)
        .filter(|&p| hay[p..].starts_with(needle))
        .take(TRIES)
        .find_map(|p| {
            let start = lo + p;
            let end = start + surname.len();
            let whole = !crate::text::next_char(text, end).is_some_and(char::is_alphanumeric);
            let first = whole
                .then(|| given_name_before(text, start, known))
                .flatten()?;
            Some(Span::new(first, end))
        })
}

/// The name "the league", "the conference" and the like (the nouns of
/// [`crate::words::NAMED_ORG_NOUNS`]) stand for, where no organization entity has it: the
/// latest capitalized name within [`WINDOW`] bytes before `span` that ends in the noun
/// capitalized ("the Northern Premier Women’s League", "the Northeast Athletic Conference
/// (NEAC)"), from its first capitalized word, "of" and "and" allowed inside.
fn described_organization(text: &str, span: Span) -> Option<Span> {
    let words = &text[span.range()];
    let rest = words
        .strip_prefix("the ")
        .or_else(|| words.strip_prefix("The "))?;
    // "the league", or with one word before the noun: "the city council".
    let (modifier, noun) = match rest.split_once(' ') {
        None => (None, rest),
        Some((modifier, noun)) if modifier.chars().all(char::is_alphabetic) => {
            (Some(modifier), noun)
        }
        Some(_) => return None,
    };
    if !crate::words::NAMED_ORG_NOUNS.contains(&noun) {
        return None;
    }
    // The noun capitalized, on the stack: the nouns are short ASCII words.
    let mut head = [0u8; 16];
    let head = head.get_mut(..noun.len())?;
    head.copy_from_slice(noun.as_bytes());
    head[0] = head[0].to_ascii_uppercase();
    let mut lo = span.start().saturating_sub(WINDOW);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let hay = &text.as_bytes()[lo..span.start()];
    memchr::memchr_iter(head[0], hay)
        .filter(|&p| hay[p..].starts_with(head))
        .take(TRIES)
        .filter_map(|p| {
            let start = lo + p;
            let end = start + head.len();
            if crate::text::next_char(text, end).is_some_and(char::is_alphanumeric) {
                return None;
            }
            let first = name_start_before(text, start)?;
            let name = Span::new(first, end);
            modifier_fits(modifier, &text[name.range()]).then_some(name)
        })
        .last()
}

/// Whether an organization's name fits the word before the noun of its description: "the
/// foreign ministry" is a "… Foreign Ministry", not the "… Defence Ministry"; a word for the
/// level of government ("the city council") fits any.
pub(crate) fn modifier_fits(modifier: Option<&str>, name: &str) -> bool {
    modifier.map_or(true, |m| {
        crate::words::GOVERNMENT_LEVELS.contains(&m)
            || name.split(' ').any(|w| w.eq_ignore_ascii_case(m))
    })
}

/// The start of the capitalized words that run up to `pos` ("Northern Premier Women’s"
/// before "League"), over "of", "and" and "for" between them but not "The"; `None` for no
/// capitalized word. At most eight words back.
fn name_start_before(text: &str, pos: usize) -> Option<usize> {
    let mut start = None;
    let mut at = pos;
    for _ in 0..8 {
        let Some((s, word)) = word_before(text, at) else {
            break;
        };
        let capital = word.starts_with(char::is_uppercase)
            && !crate::words::is_not_name(word)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.' | '&'));
        if capital {
            start = Some(s);
        } else if !matches!(word, "of" | "and" | "for") || start.is_none() {
            break;
        }
        at = s;
    }
    start
}

/// The start of the given name before a surname starting at `pos` (one space before it),
/// past an initial or particles: `None` where the word before is no name word or a role,
/// or with `known`, no given name of the list.
fn given_name_before(text: &str, pos: usize, known: bool) -> Option<usize> {
    let mut pos = pos;
    // A particle, then an initial, then the given name: at most four words back.
    for _ in 0..4 {
        let (start, word) = word_before(text, pos)?;
        if crate::coref::names::is_particle(word) || is_initial(word) {
            pos = start;
            continue;
        }
        let name = crate::words::is_name_word(word)
            && !crate::role::is_role(word)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && (!known || crate::given_names::given_name(word).is_some());
        return name.then_some(start);
    }
    None
}

/// An initial: one capital letter and a period ("K.").
fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

/// The word ending one space before `pos`, and its start; `None` for a word of more than
/// 40 chars.
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let rest = text[..pos].strip_suffix(' ')?;
    let mut start = 0;
    for (n, (i, c)) in rest.char_indices().rev().enumerate() {
        if c.is_whitespace() || matches!(c, '"' | '“' | '(' | '—') {
            start = i + c.len_utf8();
            break;
        }
        if n == 40 {
            return None;
        }
    }
    let word = &rest[start..];
    (!word.is_empty()).then_some((start, word))
}

#[cfg(test)]
mod tests {
    use super::fullest_name;
    use crate::span::Span;

    /// The fullest name of the last occurrence of `words` in `text`.
    fn name(text: &str, words: &str) -> String {
        let start = text.rfind(words).unwrap();
        let span = Span::new(start, start + words.len());
        text[fullest_name(text, span).range()].to_string()
    }

    #[test]
    fn a_surname_takes_the_given_name_the_article_wrote_before_it() {
        let text = "Playwright Siobhán Keough will tour. \"We go,\" Keough said.";
        assert_eq!(name(text, "Keough"), "Siobhán Keough");
        let initial = "Mary K. Lindqvist spoke. Lindqvist said no.";
        assert_eq!(name(initial, "Lindqvist"), "Mary K. Lindqvist");
        let particle = "Ana de la Cruz spoke. Cruz said no.";
        assert_eq!(name(particle, "Cruz"), "Ana de la Cruz");
        // A role before the surname is no given name; nor is a longer word that ends in it.
        let role = "Coach Keough spoke. Keough said no.";
        assert_eq!(name(role, "Keough"), "Keough");
        let longer = "Anna McKeough spoke. Keough said no.";
        assert_eq!(name(longer, "Keough"), "Keough");
    }

    #[test]
    fn the_league_is_the_name_ending_in_league_written_before() {
        let text = "Rovers lead the Northern Premier Women’s League. The league said no.";
        assert_eq!(name(text, "The league"), "Northern Premier Women’s League");
        let acronym =
            "It moves to 9-3 in the Northeast Athletic Conference (NEAC). The conference said no.";
        assert_eq!(
            name(acronym, "The conference"),
            "Northeast Athletic Conference"
        );
        // A word that opens sentences is no part of it, and "the company" has no name.
        let opener = "In League play they won. The league said no.";
        assert_eq!(name(opener, "The league"), "The league");
        let company = "Acme Company grew. The company said no.";
        assert_eq!(name(company, "The company"), "The company");
        // A word before the noun is in the name, unless it is a level of government.
        let foreign = "Bonn's Defence Ministry spoke. The foreign ministry said no.";
        assert_eq!(
            name(foreign, "The foreign ministry"),
            "The foreign ministry"
        );
        let city = "Port Hallett Council met. The city council said no.";
        assert_eq!(name(city, "The city council"), "Port Hallett Council");
    }

    #[test]
    fn a_word_after_the_is_no_surname() {
        let text = "The New York Times reported it. The Times said no.";
        assert_eq!(name(text, "The Times"), "Times");
    }

    #[test]
    fn role_words_and_the_article_are_no_part_of_the_name() {
        let coach = "Lakers coach Monica Reyes-Hall said no.";
        assert_eq!(
            name(coach, "Lakers coach Monica Reyes-Hall"),
            "Monica Reyes-Hall"
        );
        let union = "The Tantramar Students' Union said no.";
        assert_eq!(
            name(union, "The Tantramar Students' Union"),
            "Tantramar Students' Union"
        );
        let source = "a spokesperson for the Canada Council said no.";
        assert_eq!(
            name(source, "a spokesperson for the Canada Council"),
            "a spokesperson for the Canada Council"
        );
        // A role and a surname: the full name written before.
        let both = "Sam Whitaker spoke. Goaltender Whitaker said no.";
        assert_eq!(name(both, "Goaltender Whitaker"), "Sam Whitaker");
    }
}
