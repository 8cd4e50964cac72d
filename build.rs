//! Compiles `gazetteers/given_names.tsv` into a static hash table (see
//! `src/given_names/mod.rs`), so the list costs nothing to load: no parsing at run time.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/given_names/key.rs"]
mod key;

#[allow(dead_code)]
#[path = "src/given_names/info.rs"]
mod info;

const LIST: &str = "gazetteers/given_names.tsv";
const WORDS: &str = "gazetteers/given_name_words.txt";

fn main() {
    println!("cargo:rerun-if-changed={LIST}");
    println!("cargo:rerun-if-changed={WORDS}");
    println!("cargo:rerun-if-changed=src/given_names/key.rs");
    println!("cargo:rerun-if-changed=src/given_names/info.rs");
    let text = fs::read_to_string(LIST).unwrap_or_else(|e| panic!("{LIST}: {e}"));
    let (mut names, mut packed) = (Vec::new(), Vec::new());
    let mut last = 0u64;
    let mut n = 0usize;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let at = |what: &str| format!("{LIST}:{}: {what}: {line:?}", i + 1);
        let mut fields = line.split('\t');
        let (Some(name), Some(female), Some(male), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            panic!("{}", at("not three tab-separated fields"));
        };
        if !name.bytes().all(|b| b.is_ascii_lowercase()) {
            panic!("{}", at("a name is ASCII lowercase"));
        }
        let k = key::key(name).unwrap_or_else(|| panic!("{}", at("no key for this name")));
        if k <= last {
            panic!("{}", at("not after the line before (sorted, no repeats)"));
        }
        last = k;
        let counts = match (female, male) {
            ("-", "-") => None,
            _ => {
                let count = |s: &str| {
                    s.parse::<u32>()
                        .unwrap_or_else(|_| panic!("{}", at("bad count")))
                };
                Some((count(female), count(male)))
            }
        };
        names.push(k);
        packed.push(info::pack(counts));
        n += 1;
    }
    let words = fs::read_to_string(WORDS).unwrap_or_else(|e| panic!("{WORDS}: {e}"));
    let mut word_keys = Vec::new();
    for (i, line) in words.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let k = key::key(line).unwrap_or_else(|| panic!("{WORDS}:{}: no key for {line:?}", i + 1));
        word_keys.push(k);
    }
    word_keys.sort_unstable();
    // Open addressing with linear probing: each name in the first free slot from its own.
    let size = 1usize << key::SLOT_BITS;
    assert!(n * 10 < size * 7, "{LIST}: {n} names overfill {size} slots");
    let (mut slot_keys, mut slot_infos) = (vec![0u64; size], vec![0u32; size]);
    for (&k, &info) in names.iter().zip(&packed) {
        let mut s = key::slot(k);
        while slot_keys[s] != 0 {
            s = (s + 1) % size;
        }
        let word = word_keys.binary_search(&k).is_ok();
        slot_keys[s] = k | if word { key::WORD_BIT } else { 0 };
        slot_infos[s] = info;
    }
    let mut out = String::new();
    writeln!(out, "/// The names' keys by slot (`key::slot`), with `key::WORD_BIT` set on the names that are also English words; 0 is an empty slot.").unwrap();
    writeln!(out, "static SLOT_KEYS: [u64; {size}] = [").unwrap();
    for k in &slot_keys {
        writeln!(out, "{k:#x},").unwrap();
    }
    writeln!(
        out,
        "];\n/// Each slot's packed counts (`info.rs`).\nstatic SLOT_INFOS: [u32; {size}] = ["
    )
    .unwrap();
    for i in &slot_infos {
        writeln!(out, "{i:#x},").unwrap();
    }
    writeln!(
        out,
        "];\n/// How many names the table holds.\n#[cfg(test)]\nconst NAME_COUNT: usize = {n};"
    )
    .unwrap();
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("given_names.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
