//! A fast hasher for the crate's own maps, whose keys are short strings and integers.
//!
//! std's SipHash resists flooding by chosen keys, at several times the cost per key. The keys
//! here are words of one article or ids of the gazetteer being loaded: a hostile article can
//! at worst slow its own extraction, never another's, and a gazetteer is trusted input.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hashing, a word at a time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

const K: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ (rest.len() as u64) << 59);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes its bucket from the high bits and a tag from the top seven; fold the
        // well-mixed high bits of the last multiplication down as well.
        self.0 ^ (self.0 >> 29)
    }
}

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// A word list as a set, for lists asked about at every word.
pub(crate) fn set_of(words: &[&'static str]) -> FastSet<&'static str> {
    words.iter().copied().collect()
}

/// A word of up to 15 bytes, ASCII-lowercased and packed into one number with its length in
/// the top four bits: a key for word lists asked about at every token, with no buffer and no
/// string hashing. Longer words have none.
#[inline]
pub(crate) fn lower_key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    (b.len() <= 15).then(|| {
        b.iter()
            .fold(0u128, |k, &x| k << 8 | u128::from(x.to_ascii_lowercase()))
            | (b.len() as u128) << 124
    })
}

/// A word list (lowercase, 15 bytes a word at most) as a set of [`lower_key`]s.
pub(crate) fn key_set_of(words: &[&'static str]) -> FastSet<u128> {
    words.iter().filter_map(|w| lower_key(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_that_differ_late_or_by_length_hash_apart() {
        let h = |s: &str| {
            let mut x = FastHasher::default();
            x.write(s.as_bytes());
            x.finish()
        };
        assert_ne!(h("synth-0000001"), h("synth-0000002"));
        assert_ne!(h("ab"), h("ab\0"));
        let set: FastSet<String> = (0..10_000).map(|i| format!("id-{i}")).collect();
        assert_eq!(set.len(), 10_000);
        assert!(set.contains("id-9999"));
    }
}
