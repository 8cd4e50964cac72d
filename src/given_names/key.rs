//! How a word becomes a given-name key: shared by the lookup and by `build.rs`, which packs
//! every name of `gazetteers/given_names.tsv` the same way, so the two cannot disagree.

/// The most letters a key holds: five bits a letter in a `u64`.
pub(crate) const MAX_LETTERS: usize = 12;

/// The table of names has `1 << SLOT_BITS` slots: 65,536 for 43,500 names (66% full; `build.rs`
/// stops the build past 70%), so a lookup probes two slots on average for a name and five for a
/// word that is none, most often in one cache line.
pub(crate) const SLOT_BITS: u32 = 16;

/// Set in a slot beside the key of a name that is also an English word: a key uses the low
/// 60 bits only.
pub(crate) const WORD_BIT: u64 = 1 << 63;

/// The slot where the search for key `k` starts (Fibonacci hashing: the high bits of the
/// product mix every letter); the search goes on to the next slots, wrapping, until it finds
/// the key or an empty slot (0, which no key is).
#[inline]
pub(crate) fn slot(k: u64) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOT_BITS)) as usize
}

/// The key of a word of 1 to [`MAX_LETTERS`] letters, or `None` for any other word.
///
/// Letters are ASCII `a`-`z` in either case, and the common accented Latin letters, each
/// folded to its base letter ("José" is "jose", "Łukasz" is "lukasz"), since the list is ASCII
/// as the SSA writes it. Any other character (a digit, a hyphen, an apostrophe, another script)
/// gives no key: a caller splits "Jean-Pierre" at its hyphen itself.
///
/// Each letter is five bits, `a` = 1 to `z` = 26, the first letter highest, so that keys sort
/// as the names do (a name before its extensions) and no padding can be taken for a letter.
#[inline]
pub(crate) fn key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_LETTERS * 2 {
        return None;
    }
    if word.is_ascii() {
        if bytes.len() > MAX_LETTERS {
            return None;
        }
        let mut k = 0u64;
        for &b in bytes {
            k = k << 5 | letter(b)?;
        }
        return Some(k << (5 * (MAX_LETTERS - bytes.len())));
    }
    let mut k = 0u64;
    let mut n = 0;
    for c in word.chars() {
        n += 1;
        if n > MAX_LETTERS {
            return None;
        }
        let b = if c.is_ascii() { c as u8 } else { fold(c)? };
        k = k << 5 | letter(b)?;
    }
    Some(k << (5 * (MAX_LETTERS - n)))
}

/// The five-bit code of an ASCII letter of either case.
#[inline]
fn letter(b: u8) -> Option<u64> {
    // Only A-Z and a-z land in a-z once the case bit is set.
    let lower = b | 0x20;
    lower
        .is_ascii_lowercase()
        .then(|| u64::from(lower - b'a' + 1))
}

/// The base letter of an accented Latin letter (Latin-1 and Latin Extended-A, the ones European
/// names use), or `None`.
fn fold(c: char) -> Option<u8> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => b'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => b'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => b'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => b'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => b'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => b'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => b'g',
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' => b'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => b'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => b'i',
        'ĵ' | 'Ĵ' => b'j',
        'ķ' | 'Ķ' => b'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => b'l',
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' => b'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => b'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => b'o',
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => b'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' => b's',
        'ţ' | 'ť' | 'ŧ' | 'Ţ' | 'Ť' | 'Ŧ' => b't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => b'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => b'u',
        'ŵ' | 'Ŵ' => b'w',
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => b'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => b'z',
        _ => return None,
    })
}
