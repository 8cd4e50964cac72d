//! Compiles `gazetteers/given_names.tsv` into two sorted static arrays (see
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
    let mut keys = String::new();
    let mut infos = String::new();
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
        writeln!(keys, "{k:#x},").unwrap();
        writeln!(infos, "{:#x},", info::pack(counts)).unwrap();
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
    word_keys.dedup();
    let w = word_keys.len();
    let word_keys: String = word_keys.iter().map(|k| format!("{k:#x},\n")).collect();
    let out = format!(
        "/// Every name's key, ascending.\nstatic KEYS: [u64; {n}] = [\n{keys}];\n\
         /// Each key's packed counts (`info.rs`).\nstatic INFOS: [u32; {n}] = [\n{infos}];\n\
         /// The keys of the names that are also English words, ascending.\n\
         static WORD_KEYS: [u64; {w}] = [\n{word_keys}];\n"
    );
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("given_names.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
