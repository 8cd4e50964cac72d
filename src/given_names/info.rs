//! What the list says of one name, packed into a `u32`: shared by the lookup and by
//! `build.rs`, which packs every line of `gazetteers/given_names.tsv` with [`pack`].
//!
//! | bits   | what |
//! | ------ | ---- |
//! | 0..20  | bearers, female and male, saturating at [`MAX_BEARERS`]; 0 for a hand-added name |
//! | 20..30 | the female share in thousandths, rounded, 0..=1000; [`NO_SHARE`] for a hand-added name |
//! | 30..32 | [`FEMALE`] or [`MALE`] where at least [`GENDER_PERCENT`]% of bearers are of that sex, computed from the exact counts; else 0 |

/// The share of one sex, in percent, at and above which a name gives a gender.
pub(crate) const GENDER_PERCENT: u64 = 95;
/// Bearer counts above this are stored as this: rarity rules care about the low end.
pub(crate) const MAX_BEARERS: u32 = (1 << 20) - 1;
/// The share field of a name with no counts.
pub(crate) const NO_SHARE: u32 = (1 << 10) - 1;
/// The gender field of a name borne mostly by women.
pub(crate) const FEMALE: u32 = 1;
/// The gender field of a name borne mostly by men.
pub(crate) const MALE: u32 = 2;

/// Packs a name's `(female, male)` bearer counts, or `None` for a name with no counts.
pub(crate) fn pack(counts: Option<(u32, u32)>) -> u32 {
    let Some((female, male)) = counts else {
        return NO_SHARE << 20;
    };
    let (f, total) = (u64::from(female), u64::from(female) + u64::from(male));
    if total == 0 {
        return NO_SHARE << 20;
    }
    let bearers = total.min(u64::from(MAX_BEARERS)) as u32;
    let per_mille = ((2000 * f + total) / (2 * total)) as u32;
    let gender = if 100 * f >= GENDER_PERCENT * total {
        FEMALE
    } else if 100 * (total - f) >= GENDER_PERCENT * total {
        MALE
    } else {
        0
    };
    gender << 30 | per_mille << 20 | bearers
}

/// The bearers field.
#[inline]
pub(crate) fn bearers(info: u32) -> u32 {
    info & MAX_BEARERS
}

/// The female share in thousandths, or `None` for a name with no counts.
#[inline]
pub(crate) fn female_per_mille(info: u32) -> Option<u16> {
    let share = info >> 20 & NO_SHARE;
    (share != NO_SHARE).then_some(share as u16)
}

/// The gender field: [`FEMALE`], [`MALE`] or 0.
#[inline]
pub(crate) fn gender(info: u32) -> u32 {
    info >> 30
}
