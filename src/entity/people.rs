//! People the article names in full: the surnames and one-word names that are theirs rather
//! than the gazetteer's or no one's, and the gender each gets, from the article before the
//! given names' list. `resolve` runs these after the inferring passes of `infer.rs`.

use super::*;

impl Resolver<'_> {
    /// A person whose given name is a month ("June Pelletier", "May Lindqvist"), where what
    /// follows the two words says a person is named: an age in commas ("June Pelletier, 78,")
    /// or a verb of saying ("May Lindqvist said"). A month before a day, a year or a
    /// lowercase word stays a month, and a title before it is read by the titles' pass.
    pub(super) fn infer_month_named_people(&mut self) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let (mut i, mut k) = (0, 0);
        while let Some(c) = self.next_cap(&mut k, i) {
            i = c + 1;
            // The length first: most capitalized words are of none of the months' (3 to 6
            // bytes), answered before the word is sliced.
            if !(3..=6).contains(&self.tokens[c].span.len())
                || !matches!(self.tok(c), "May" | "June" | "April" | "August")
                || c + 2 >= self.tokens.len()
                || self.covered_tok(c)
                || !self.tokens[c + 1].word
                || !self.name_word(c + 1)
                || self.covered_tok(c + 1)
                || self.in_title_case_line(c)
            {
                continue;
            }
            let n = 1 + self.name_run(c + 1, 3);
            let Some(after) = self.tokens.get(c + n) else {
                continue;
            };
            let said = after.word
                && matches!(
                    after.text(self.text),
                    "said" | "says" | "told" | "added" | "asked" | "wrote"
                );
            if n >= 2
                && !self.is(c + n - 1, shape::bit::POSSESSIVE)
                && (said || self.age_after(c + n))
            {
                found.push((c, n));
                i = c + n;
            }
        }
        for (c, n) in found {
            self.infer_kind(c, n, None, EntityKind::Person);
        }
    }

    /// The article outranks the gazetteer: a surname of a person the article names in full
    /// ("Sam Whitaker") is that person's, not a gazetteer entry's whose full name the article
    /// never writes ("Whitaker" of Matthew Whitaker), nor a place's ("Dayton" of Mark Dayton)
    /// or an organization's ("Tory" of John Tory). Those mentions are dropped here, and
    /// [`Self::add_further_mentions`] gives them to the article's person.
    pub(super) fn drop_outranked(&mut self, in_full: &FastSet<u32>) {
        let text = self.text;
        let surname = |span: Span| {
            let name = &text[span.range()];
            names::surname(name).map(|(a, b)| &name[a..b])
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
        // The surnames' lengths (63 for any longer): a mention of another length is passed
        // over at a bit test, before its text is searched for.
        let lengths = surnames
            .iter()
            .fold(0u64, |set, s| set | 1 << s.len().min(63));
        let list = &self.list;
        // Whether mention `m` stays.
        let outranks = |m: &MentionData| {
            let e = &list[m.entity as usize];
            let Origin::Gazetteer(entry) = e.origin else {
                return true;
            };
            if lengths & 1 << m.span.len().min(63) == 0 {
                return true;
            }
            let word = &text[m.span.range()];
            if word.contains(' ') || surnames.binary_search(&word).is_err() {
                return true;
            }
            // A place or an organization whose name (not an acronym) is the surname of a
            // person the article names in full is that person there: "Mark Dayton … Dayton
            // said", "Mayor John Tory … Tory said" (not the Conservative Party).
            match e.kind {
                EntityKind::Location => return false,
                EntityKind::Organization => {
                    return word.bytes().skip(1).all(|b| !b.is_ascii_lowercase());
                }
                EntityKind::Person => {}
                _ => return true,
            }
            // An entry the article names in full keeps its surname, but for an honorific
            // of the other gender: "Ms Martin" is Deirdre Martin, not Micheál Martin.
            let other_gender = honorific_gender(text, m.span.start())
                .is_some_and(|g| e.gender.is_some_and(|eg| eg != g));
            in_full.contains(&entry) && !other_gender
        };
        let tokens = self.tokens;
        let cover = &mut self.cover;
        self.mentions.retain(|m| {
            let keep = outranks(m);
            if !keep {
                unmark_cover(cover, tokens, m.span);
            }
            keep
        });
    }

    /// A person the article names as the subject of "said" right before "she" or "he" ("Jess
    /// Laframboise, 24, who works at a plant, said she had almost skipped the vote") has that
    /// gender, before any given name's list is asked: the article outranks the list; not a
    /// relative named in apposition after "his" or "her". Reads at most 40 tokens after each
    /// mention, to the sentence's end.
    pub(super) fn genders_from_said_pronouns(&mut self) {
        for k in 0..self.mentions.len() {
            let m = self.mentions[k];
            let e = &self.list[m.entity as usize];
            if e.kind != EntityKind::Person || e.gender.is_some() || m.possessive {
                continue;
            }
            // Not a relative named in apposition, who speaks of the one it relates to: "His
            // billet mother, Darlene Fitzsimmons, said he eats a loaf a day".
            let first = self.tokens.first_at_or_after(m.span.start());
            // Each word by its length first (3 or 5 bytes), before it is sliced.
            let related = (first.saturating_sub(6)..first).any(|j| {
                matches!(self.tokens[j].span.len(), 3 | 5)
                    && matches!(
                        self.tok(j),
                        "his" | "His" | "her" | "Her" | "their" | "Their"
                    )
            });
            if related {
                continue;
            }
            let start = self.tokens.first_at_or_after(m.span.end());
            let end = (start + 40).min(self.tokens.len());
            let mut gender = None;
            for j in start..end.saturating_sub(1) {
                let t = self.tokens[j];
                if !t.word && (matches!(t.sym, b'.' | b';' | b'?' | b'!') || t.is_mark()) {
                    break;
                }
                if t.word && t.span.len() == 4 && matches!(self.tok(j), "said" | "says") {
                    gender = match self.tok(j + 1) {
                        "she" => Some(Gender::Female),
                        "he" => Some(Gender::Male),
                        _ => None,
                    };
                    break;
                }
            }
            if gender.is_some() {
                self.list[m.entity as usize].gender = gender;
            }
        }
    }

    /// A person the article names without saying "he" or "she" takes the gender of a given
    /// name borne by at least 95% one sex ([`crate::given_names`]).
    pub(super) fn genders_from_given_names(&mut self) {
        for e in &mut self.list {
            let (Origin::Inferred(span), EntityKind::Person, None) = (e.origin, e.kind, e.gender)
            else {
                continue;
            };
            e.gender = given_name_gender(&self.text[span.range()]);
        }
    }

    /// A person the article names by one word ("Coach Price", "Dr. Lin") is the person it
    /// names in full with that surname ("Darnell Price"), where only one has it: the mentions
    /// move to that person, who takes the gender the title gave if it has none.
    pub(super) fn merge_surnames(&mut self) {
        let text = self.text;
        // Surnames with a first particle lowercased, as the names looked up below are.
        let mut full: Vec<(std::borrow::Cow<'_, str>, u32)> = Vec::new();
        for (i, e) in self.list.iter().enumerate() {
            if let (Origin::Inferred(span), EntityKind::Person) = (e.origin, e.kind) {
                let name = &text[span.range()];
                if let Some((a, b)) = names::surname(name) {
                    full.push((particle_lowercased(&name[a..b]), i as u32));
                }
            }
        }
        if full.is_empty() {
            return;
        }
        full.sort_unstable();
        let mut into = Vec::new();
        // Names two people share ("Papadakis" of Eleni and George Papadakis), with their
        // first candidate's index in `full`.
        let mut shared: Vec<(u32, usize)> = Vec::new();
        for (i, e) in self.list.iter().enumerate() {
            let (Origin::Inferred(span), EntityKind::Person) = (e.origin, e.kind) else {
                continue;
            };
            // A name that is another's surname: "Whitaker", "Ní Bhriain", "Van der Berg"
            // opening a sentence for "van der Berg".
            let name = particle_lowercased(&text[span.range()]);
            let name = name.as_ref();
            let lo = full.partition_point(|(s, _)| s.as_ref() < name);
            let mut same = full[lo..].iter().take_while(|(s, _)| s.as_ref() == name);
            match (same.next(), same.next()) {
                (Some(&(_, target)), None) if target != i as u32 => {
                    into.push((i as u32, target));
                }
                (Some(_), Some(_)) if !name.contains(' ') => shared.push((i as u32, lo)),
                _ => {}
            }
        }
        if !shared.is_empty() {
            self.split_shared_surnames(&full, &shared);
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

    /// A surname two people the article names in full share ("Papadakis" of Eleni and
    /// George Papadakis) is, after an honorific, the one of them of that gender: "Ms.
    /// Papadakis" is Eleni, "Mr. Papadakis" George. `shared` holds each one-word person named
    /// by such a surname and where its candidates start in `full` (sorted by surname). A
    /// mention with no honorific, or one that fits both or neither, stays as it is.
    fn split_shared_surnames(
        &mut self,
        full: &[(std::borrow::Cow<'_, str>, u32)],
        shared: &[(u32, usize)],
    ) {
        let text = self.text;
        let gender_of = |e: u32| {
            let d = &self.list[e as usize];
            d.gender.or_else(|| match d.origin {
                Origin::Inferred(span) => given_name_gender(&text[span.range()]),
                Origin::Gazetteer(_) => None,
            })
        };
        let mut moves: Vec<(usize, u32)> = Vec::new();
        for &(from, lo) in shared {
            let surname = full[lo].0.as_ref();
            let candidates: Vec<(u32, Option<Gender>)> = full[lo..]
                .iter()
                .take_while(|(s, _)| s.as_ref() == surname)
                .map(|&(_, e)| (e, gender_of(e)))
                .collect();
            for (k, m) in self.mentions.iter().enumerate() {
                if m.entity != from {
                    continue;
                }
                let Some(g) = honorific_gender(text, m.span.start()) else {
                    continue;
                };
                let mut fits = candidates.iter().filter(|&&(_, cg)| cg == Some(g));
                if let (Some(&(target, _)), None) = (fits.next(), fits.next()) {
                    moves.push((k, target));
                }
            }
        }
        for (k, target) in moves {
            self.mentions[k].entity = target;
        }
    }
}

/// The gender a person's full name gives by its given name ([`crate::given_names`]): a
/// compound given name takes that of its last part that has one (Jean-Pierre is Pierre's,
/// Marie-Claude is Marie's); a surname alone ("Smith-Jones") gives none.
fn given_name_gender(name: &str) -> Option<Gender> {
    let (first, _) = name.split_once(' ')?;
    first
        .rsplit('-')
        .find_map(|part| crate::given_names::given_name(part).and_then(|g| g.gender()))
}

/// The gender the honorific right before `pos` (one space away) gives: "Ms", "Mrs.", "Miss"
/// female, "Mr" or "Mr." male.
fn honorific_gender(text: &str, pos: usize) -> Option<Gender> {
    let before = text[..pos].strip_suffix(' ')?;
    let word = before.rsplit([' ', '\n', '(', '"', '“']).next()?;
    match word.trim_end_matches('.') {
        "Ms" | "Mrs" | "Miss" | "MS" | "MRS" => Some(Gender::Female),
        "Mr" | "MR" => Some(Gender::Male),
        _ => None,
    }
}

/// `name` with its first letter lowercased where its first word is a particle written
/// capitalized at the start of a sentence ("Van der Berg" is "van der Berg", "Al-Hashimi"
/// is "al-Hashimi"); else as it is.
pub(crate) fn particle_lowercased(name: &str) -> std::borrow::Cow<'_, str> {
    let first = name.split([' ', '-']).next().unwrap_or(name);
    let joined = name.len() > first.len();
    let particle = first.starts_with(|c: char| c.is_ascii_uppercase())
        && crate::words::is_particle_any_case(first);
    // "D'Astous-Cormier" opening a sentence is "d'Astous-Cormier".
    if crate::words::is_elided_particle_capitalized(name) {
        return std::borrow::Cow::Owned(format!(
            "{}{}",
            name[..1].to_ascii_lowercase(),
            &name[1..]
        ));
    }
    if joined && particle {
        let lower = first.to_ascii_lowercase();
        std::borrow::Cow::Owned(format!("{lower}{}", &name[first.len()..]))
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}
