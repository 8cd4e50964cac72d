//! Which gazetteer matches their context lets stand: a name right after "O'" is the rest of a
//! surname ("O'Driscoll"), a surname ending an unknown hyphenated name is that person's
//! ("Adjei-Brown"), a surname before a lowercase noun of place names the place ("Blair
//! station"), and the abbreviations of states that are other words elsewhere ("Mass.") stand
//! only where a town or a party comes first. `resolve` asks these before it mentions an entry.

use crate::matcher::Found;
use crate::span::Span;

/// Whether byte `at` follows a one-letter prefix and an apostrophe at a word's start: the rest
/// of a name such as "O’Driscoll" or "D'Souza", where no gazetteer name ("Driscoll") starts.
pub(super) fn after_name_prefix(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let Some(rest) = before
        .strip_suffix('\'')
        .or_else(|| before.strip_suffix('’'))
    else {
        return false;
    };
    let mut chars = rest.chars().rev();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && !chars.next().is_some_and(char::is_alphanumeric)
}

/// Whether the one-word name at `span` ends a hyphenated surname the gazetteer does not
/// know: "Brown" of "Lydia Adjei-Brown", "Vance" of "Helena Moreira-Vance", but not "Putin"
/// of "the Trump-Putin summit", whose first part is a known name (in `found`, sorted).
pub(super) fn after_unknown_hyphen(text: &str, span: Span, found: &[Found]) -> bool {
    let before = &text[..span.start()];
    let Some(rest) = before.strip_suffix('-') else {
        return false;
    };
    let word_start = rest
        .rfind(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
    let first = &rest[word_start..];
    let known = found
        .binary_search_by(|f| f.span.end().cmp(&rest.len()))
        .is_ok();
    !text[span.range()].contains(' ') && first.starts_with(char::is_uppercase) && !known
}

/// Whether the one-word name at `span` names a place by the lowercase noun after it: "Blair
/// station", "Trudeau airport", "Macdonald bridge" are no people.
pub(super) fn before_place_noun(text: &str, span: Span) -> bool {
    const NOUNS: &[&str] = &[
        "station", "street", "avenue", "road", "bridge", "park", "airport", "arena", "square",
    ];
    let Some(rest) = text[span.end()..].strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    !text[span.range()].contains(' ') && NOUNS.contains(&word)
}

/// Whether a name found at `span` may be what the gazetteer says, for the abbreviations of
/// places that are something else in some places: "Mass.", "Miss.", "Del.", "Ind.", "Man.",
/// "N.L." are a state or province only after a town and a comma or a party and a hyphen
/// ("Worcester, Mass.", "(D-Mass.)", "Brandon, Man."), not the Mass, Miss Smith, Delegate
/// Jones, an independent, a sentence's last word or the National League; "B.C." is British
/// Columbia but after a number, where it is the era ("500 B.C.", "the 300s B.C."). Any other
/// name fits.
pub(super) fn abbreviation_fits(text: &str, span: Span) -> bool {
    const AFTER_TOWN: &[&str] = &["Mass.", "Miss.", "Del.", "Ind.", "Man.", "N.L."];
    if span.len() > 5 || text.as_bytes()[span.end() - 1] != b'.' {
        return true;
    }
    let word = &text[span.range()];
    let before = text[..span.start()].trim_end_matches(' ');
    if AFTER_TOWN.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return before.ends_with(',') || text[..span.start()].ends_with('-');
    }
    if word.eq_ignore_ascii_case("B.C.") {
        let year = before.strip_suffix('s').unwrap_or(before);
        return !year.ends_with(|c: char| c.is_ascii_digit());
    }
    true
}
