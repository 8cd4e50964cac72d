//! Given names, with the share of their bearers who are women: a hint that a capitalized word
//! starts a person's name, and the last resort for that person's gender.
//!
//! The list is `gazetteers/given_names.tsv` (the SSA's national baby-name counts, 1880-2024,
//! names with at least 100 bearers, plus hand-added names from other countries with no
//! counts; `gazetteers/README.md` says how it is made). `build.rs` compiles it into two
//! static arrays, so the set costs nothing to load and `Extractor::new()` does not see it:
//!
//! - [`key`]: a word as a `u64`, five bits a letter, case and common accents folded;
//! - `SLOT_KEYS`: an open-addressed hash table of the keys (65,536 slots, linear probing from
//!   [`key::slot`]), each with a bit for the names that are also English words;
//! - [`info`]: a name's bearers, female share and gender in one `u32`, in `SLOT_INFOS`,
//!   parallel to the slots.
//!
//! This is not the gazetteer's table: forty thousand names would make that table, and the
//! time to build it, several times larger, while a name here is only ever asked about one word
//! at a time.
//!
//! # Performance
//!
//! A lookup hashes the key and probes from its slot: about two probes for a name and five for
//! a word that is none (43,500 names in 65,536 slots), mostly in one cache line. It replaced a
//! binary search over the then 40,336 sorted keys (16 dependent loads, each a likely cache
//! miss), which `perf record` put at 5.9% of `extract`'s time on PolNeAR's articles. The arrays
//! take 768 KiB of the binary whatever the number of names; there is nothing to load.

// `build.rs` compiles this module too and uses `pack`; the lookup reads only some fields.
#[allow(dead_code)]
mod info;
mod key;

use crate::gazetteer::Gender;

include!(concat!(env!("OUT_DIR"), "/given_names.rs"));

/// What the list says of one given name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GivenName {
    info: u32,
    word: bool,
}

impl GivenName {
    /// Whether the name is also an ordinary English word ("Will", "May", "Grant", "Hope",
    /// `gazetteers/given_name_words.txt`): capitalized, it starts a name only where the
    /// context says so.
    pub(crate) fn is_word(self) -> bool {
        self.word
    }

    // The counts are checked by the tests against the list; the recognizer reads only
    // `gender` and `is_word` so far.
    #[allow(dead_code)]
    /// How many people in the SSA data bear the name, women and men, saturating at
    /// 1,048,575; 0 for a hand-added name, which has no counts. Small numbers mean rare
    /// names: a capitalized word that is one is a weaker hint.
    pub(crate) fn bearers(self) -> u32 {
        info::bearers(self.info)
    }

    #[allow(dead_code)]
    /// The share of the name's bearers who are women, in thousandths (0 to 1000, rounded),
    /// or `None` for a hand-added name, which has no counts.
    pub(crate) fn female_per_mille(self) -> Option<u16> {
        info::female_per_mille(self.info)
    }

    /// The gender the name gives: `Some` only where at least 95% of its bearers are of one
    /// sex (computed from the exact counts, not the rounded share). Never `Other`; `None` for
    /// names borne by both sexes (Taylor, Jordan) and for hand-added names.
    pub(crate) fn gender(self) -> Option<Gender> {
        match info::gender(self.info) {
            info::FEMALE => Some(Gender::Female),
            info::MALE => Some(Gender::Male),
            _ => None,
        }
    }
}

/// The given name a word is, if it is one: case-insensitive, accents folded ("JOSÉ" is
/// "jose"), whole word only. A hyphenated or apostrophized word is not looked up whole:
/// the caller asks about its parts ("Jean-Pierre").
///
/// # Performance
///
/// No allocation; the word is packed into a `u64` (a few nanoseconds) and looked up in the
/// hash table. Words of more than 12 letters or with any character that is not a letter
/// are rejected before the search.
#[inline]
pub(crate) fn given_name(word: &str) -> Option<GivenName> {
    let k = key::key(word)?;
    let mask = SLOT_KEYS.len() - 1;
    let mut s = key::slot(k);
    loop {
        let found = SLOT_KEYS[s];
        if found == 0 {
            return None;
        }
        if found & !key::WORD_BIT == k {
            return Some(GivenName {
                info: SLOT_INFOS[s],
                word: found & key::WORD_BIT != 0,
            });
        }
        s = (s + 1) & mask;
    }
}

/// Whether `word` is a common given name that is no English word: 10,000 bearers or more
/// ("Cameron", "Jane"; not "Harbour", not "Will"). Before another name word, such a word
/// starts someone's name.
pub(crate) fn is_common_given_name(word: &str) -> bool {
    given_name(word).is_some_and(|g| !g.is_word() && g.bearers() >= 10_000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use once_cell::sync::Lazy;
    use proptest::prelude::*;
    use std::collections::HashMap;

    const LIST: &str = include_str!("../../gazetteers/given_names.tsv");

    /// The list as written: name to counts (`None` for a hand-added name). The oracle.
    fn list() -> &'static HashMap<&'static str, Option<(u32, u32)>> {
        static LISTED: Lazy<HashMap<&str, Option<(u32, u32)>>> = Lazy::new(|| {
            LIST.lines()
                .filter(|l| !l.starts_with('#'))
                .map(|l| {
                    let f: Vec<&str> = l.split('\t').collect();
                    let counts =
                        (f[1] != "-").then(|| (f[1].parse().unwrap(), f[2].parse().unwrap()));
                    (f[0], counts)
                })
                .collect()
        });
        &LISTED
    }

    struct NameTest {
        word: &'static str,
        found: bool,
        gender: Option<Gender>,
        has_share: bool,
    }

    macro_rules! t {
        ($word:expr, found: $found:expr, gender: $gender:expr, share: $share:expr) => {
            NameTest {
                word: $word,
                found: $found,
                gender: $gender,
                has_share: $share,
            }
        };
    }

    const NAMES: &[NameTest] = &[
        // Names borne at least 95% by one sex.
        t!("Mary", found: true, gender: Some(Gender::Female), share: true),
        t!("James", found: true, gender: Some(Gender::Male), share: true),
        t!("Emmanuel", found: true, gender: Some(Gender::Male), share: true),
        t!("Ursula", found: true, gender: Some(Gender::Female), share: true),
        t!("Vladimir", found: true, gender: Some(Gender::Male), share: true),
        // Borne by both sexes: no gender.
        t!("Taylor", found: true, gender: None, share: true),
        t!("Jordan", found: true, gender: None, share: true),
        // Hand-added, with no counts: recognized, no gender.
        t!("Volodymyr", found: true, gender: None, share: false),
        t!("Narendra", found: true, gender: None, share: false),
        t!("Recep", found: true, gender: None, share: false),
        // Case and accents folded.
        t!("MARY", found: true, gender: Some(Gender::Female), share: true),
        t!("mAry", found: true, gender: Some(Gender::Female), share: true),
        t!("José", found: true, gender: Some(Gender::Male), share: true),
        t!("JOSÉ", found: true, gender: Some(Gender::Male), share: true),
        t!("Zoë", found: true, gender: Some(Gender::Female), share: true),
        t!("Małgorzata", found: true, gender: None, share: false),
        t!("Wojciech", found: true, gender: None, share: false),
        // Not names, or not whole words of letters.
        t!("Xyzzyq", found: false, gender: None, share: false),
        t!("", found: false, gender: None, share: false),
        t!("Mary's", found: false, gender: None, share: false),
        t!("Jean-Pierre", found: false, gender: None, share: false),
        t!("Mary2", found: false, gender: None, share: false),
        t!("Мария", found: false, gender: None, share: false),
        t!("The", found: false, gender: None, share: false),
        t!("Maryy", found: false, gender: None, share: false),
        t!("Minister", found: false, gender: None, share: false),
        t!("Christopherjame", found: false, gender: None, share: false),
    ];

    #[test]
    fn names_table() {
        for t in NAMES {
            let got = given_name(t.word);
            assert_eq!(got.is_some(), t.found, "{:?} found", t.word);
            let Some(g) = got else { continue };
            assert_eq!(g.gender(), t.gender, "{:?} gender", t.word);
            assert_eq!(
                g.female_per_mille().is_some(),
                t.has_share,
                "{:?} share",
                t.word
            );
            assert_eq!(g.bearers() > 0, t.has_share, "{:?} bearers", t.word);
        }
    }

    /// Names that are also words are marked, and only those: a name borne by very many stays
    /// a plain name.
    #[test]
    fn names_that_are_words_are_marked() {
        for word in ["Will", "May", "Grant", "hope", "General", "Bill"] {
            assert!(given_name(word).unwrap().is_word(), "{word}");
        }
        for name in ["Mark", "John", "Priya", "Gail", "Sam"] {
            assert!(!given_name(name).unwrap().is_word(), "{name}");
        }
        let listed = include_str!("../../gazetteers/given_name_words.txt");
        for word in listed.lines().filter(|l| !l.starts_with('#')) {
            let name = given_name(word).unwrap_or_else(|| panic!("{word} is no given name"));
            assert!(name.is_word(), "{word}");
        }
    }

    #[test]
    fn shares_and_bearers_are_the_lists() {
        let mary = given_name("Mary").unwrap();
        assert!(mary.female_per_mille().unwrap() >= 950);
        assert_eq!(
            mary.bearers(),
            info::MAX_BEARERS,
            "Mary's millions saturate"
        );
        let james = given_name("James").unwrap();
        assert!(james.female_per_mille().unwrap() <= 50);
        let taylor = given_name("taylor").unwrap().female_per_mille().unwrap();
        assert!((600..900).contains(&taylor), "{taylor}");
    }

    #[test]
    fn the_longest_names_are_found() {
        let list = list();
        let longest = list.keys().map(|n| n.len()).max().unwrap();
        assert_eq!(longest, key::MAX_LETTERS);
        for name in list.keys().filter(|n| n.len() == longest) {
            assert!(given_name(name).is_some(), "{name}");
            assert!(given_name(&format!("{name}a")).is_none(), "{name}a");
        }
    }

    #[test]
    fn the_95_percent_rule_is_exact() {
        let share = |f, m| info::gender(info::pack(Some((f, m))));
        assert_eq!(share(95, 5), info::FEMALE);
        assert_eq!(share(949, 51), 0);
        assert_eq!(share(5, 95), info::MALE);
        assert_eq!(share(51, 949), 0);
        assert_eq!(share(0, 0), 0);
        assert_eq!(info::female_per_mille(info::pack(Some((0, 0)))), None);
        assert_eq!(
            info::pack(Some((u32::MAX, u32::MAX))) & info::MAX_BEARERS,
            info::MAX_BEARERS
        );
    }

    #[test]
    fn keys_sort_as_names_do() {
        let mut names: Vec<&str> = list().keys().copied().collect();
        names.sort_unstable();
        let keys: Vec<u64> = names.iter().map(|n| key::key(n).unwrap()).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_table_holds_each_name_once_and_nothing_else() {
        let filled = SLOT_KEYS.iter().filter(|&&k| k != 0).count();
        assert_eq!((filled, NAME_COUNT), (list().len(), list().len()));
        assert!(SLOT_KEYS.len().is_power_of_two());
        assert!(SLOT_KEYS.iter().all(|&k| k & !key::WORD_BIT < 1 << 60));
    }

    #[test]
    fn every_line_is_found_with_its_counts() {
        let list = list();
        assert_eq!(list.len(), NAME_COUNT);
        for (&name, &counts) in list {
            let g = given_name(name).unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!(g.info, info::pack(counts), "{name}");
            assert_eq!(given_name(&name.to_ascii_uppercase()), Some(g), "{name}");
            match counts {
                None => assert_eq!(
                    (g.female_per_mille(), g.gender(), g.bearers()),
                    (None, None, 0)
                ),
                Some((f, m)) => {
                    let (f, t) = (u64::from(f), u64::from(f) + u64::from(m));
                    let want = if f * 100 >= 95 * t {
                        Some(Gender::Female)
                    } else if (t - f) * 100 >= 95 * t {
                        Some(Gender::Male)
                    } else {
                        None
                    };
                    assert_eq!(g.gender(), want, "{name}");
                    assert_eq!(u64::from(g.bearers()), t.min(u64::from(info::MAX_BEARERS)));
                    let share = u64::from(g.female_per_mille().unwrap());
                    assert!(share * t <= 1000 * f + t / 2 && 1000 * f <= share * t + t / 2);
                }
            }
        }
    }

    proptest! {
        #[test]
        fn found_exactly_when_listed(word in "[a-zA-Z]{1,14}") {
            let listed = word.len() <= key::MAX_LETTERS
                && list().contains_key(word.to_ascii_lowercase().as_str());
            prop_assert_eq!(given_name(&word).is_some(), listed);
        }

        #[test]
        fn name_like_words_found_exactly_when_listed(word in "[A-Z][aeiouy][a-z]{1,4}[aeny]?") {
            let listed = list().contains_key(word.to_ascii_lowercase().as_str());
            prop_assert_eq!(given_name(&word).is_some(), listed);
        }

        #[test]
        fn any_string_is_safe(word in "\\PC{0,30}") {
            if let Some(g) = given_name(&word) {
                prop_assert!(g.bearers() <= info::MAX_BEARERS);
            }
        }
    }
}
