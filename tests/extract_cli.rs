//! The `extract` example as a user runs it: the success path prints the Document as JSON, and
//! every error path prints exactly one line on stderr and exits non-zero, never panicking.
//!
//! The example binary is the one `cargo build --example extract` puts next to this test's
//! own binary (`<target>/<profile>/examples/extract`); it is built once per run, which is a
//! no-op when `cargo test` has already built it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// `<target>/<profile>`: this test runs from `<target>/<profile>/deps/extract_cli-<hash>`.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let deps = exe.parent().expect("the deps directory");
    deps.parent().expect("the profile directory").to_path_buf()
}

fn extract_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let profile = profile_dir();
        let bin = profile
            .join("examples")
            .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
        // Build (or bring up to date) with the same cargo, target directory and profile as the
        // tests, so a stale binary left by an earlier build is never what gets tested.
        let target = profile.parent().expect("the target directory");
        let cargo = option_env!("CARGO").unwrap_or("cargo");
        let mut build = Command::new(cargo);
        build
            .args([
                "build",
                "--quiet",
                "--example",
                "extract",
                "--manifest-path",
            ])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .arg("--target-dir")
            .arg(target);
        if profile.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let status = build.status().expect("cargo runs");
        assert!(status.success(), "cargo build --example extract failed");
        assert!(bin.is_file(), "{} was not built", bin.display());
        bin
    })
}

fn scratch_dir() -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("extract_cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn write_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch_dir().join(name);
    std::fs::write(&path, bytes).expect("scratch file");
    path
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs the example with `args` and `stdin` as its whole input (closed after).
fn run(args: &[&std::ffi::OsStr], stdin: &[u8]) -> Output {
    let mut child = Command::new(extract_bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let mut input = child.stdin.take().expect("stdin pipe");
    // The example may exit before reading (a bad argument): a broken pipe here is fine.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("the example ends")
}

fn run_args(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    run(&args, b"")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// A failure: status 1, nothing on stdout, one line on stderr starting "extract: ".
fn assert_one_line_error(out: &Output, what: &str) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{what}: status; stderr: {err}");
    assert!(
        !err.contains("panicked"),
        "{what}: the example panicked: {err}"
    );
    assert!(
        err.ends_with('\n') && err.lines().count() == 1,
        "{what}: stderr must be exactly one line, got {err:?}"
    );
    assert!(err.starts_with("extract: "), "{what}: {err:?}");
    assert!(
        out.stdout.is_empty(),
        "{what}: nothing belongs on stdout: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    err
}

/// Success: status 0 and a JSON object with `entities` and `quotes` arrays on stdout.
fn assert_json(out: &Output, what: &str) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{what}: status {:?}; stderr: {}",
        out.status,
        stderr(out)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{what}: stdout is not JSON: {e}"));
    assert!(doc["entities"].is_array(), "{what}: no entities array");
    assert!(doc["quotes"].is_array(), "{what}: no quotes array");
    doc
}

#[test]
fn article_file_prints_the_document_as_json() {
    let path = fixture("seed-article.txt");
    let out = run_args(&[path.to_str().unwrap()]);
    let doc = assert_json(&out, "seed article");
    assert_eq!(stderr(&out), "", "no warning for a UTF-8 file");
    let ids: Vec<&str> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert!(ids.contains(&"vladimir-putin"), "{ids:?}");
    assert!(!doc["quotes"].as_array().unwrap().is_empty());
}

#[test]
fn stdin_is_read_with_a_dash() {
    let text = "\u{201c}We will see,\u{201d} Putin said.";
    let out = run(&["-".as_ref()], text.as_bytes());
    let doc = assert_json(&out, "stdin");
    assert_eq!(doc["quotes"][0]["text"], "We will see,");
    assert_eq!(doc["quotes"][0]["speaker"]["entity"], "vladimir-putin");
}

#[test]
fn user_gazetteer_is_used() {
    let gazetteer = write_file(
        "people.jsonl",
        br#"{"id": "ana-silva", "kind": "person", "name": "Ana Silva", "gender": "female"}"#,
    );
    let article = write_file("silva.txt", b"Ana Silva said the vote would be close.\n");
    let out = run_args(&[
        "--gazetteer",
        gazetteer.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    let doc = assert_json(&out, "user gazetteer");
    assert_eq!(doc["quotes"][0]["speaker"]["entity"], "ana-silva");
}

#[test]
fn help_prints_usage_and_succeeds() {
    let out = run_args(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("usage: extract"));
}

#[test]
fn file_not_utf8_is_read_lossily_with_one_warning() {
    let path = write_file("latin1.txt", b"Putin said caf\xe9 prices would rise.\n");
    let out = run_args(&[path.to_str().unwrap()]);
    let doc = assert_json(&out, "latin-1 file");
    let err = stderr(&out);
    assert!(
        err.lines().count() == 1 && err.ends_with('\n'),
        "one warning line, got {err:?}"
    );
    assert!(err.starts_with("extract: warning: "), "{err:?}");
    assert!(err.contains("not valid UTF-8"), "{err:?}");
    // Offsets refer to the repaired text: "caf\u{fffd}" is three bytes longer than "caf\xe9".
    let repaired = "Putin said caf\u{fffd} prices would rise.\n";
    let quote = &doc["quotes"][0];
    let (start, end) = (
        quote["start"].as_u64().unwrap() as usize,
        quote["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&repaired[start..end], quote["text"].as_str().unwrap());
}

#[test]
fn stdin_closed_mid_char_is_read_lossily_with_one_warning() {
    // The writer goes away in the middle of a three-byte char.
    let out = run(&["-".as_ref()], b"\"We will see,\" Putin said. \xe2\x80");
    let doc = assert_json(&out, "truncated stdin");
    assert_eq!(doc["quotes"][0]["text"], "We will see,");
    let err = stderr(&out);
    assert!(
        err.lines().count() == 1 && err.contains("not valid UTF-8"),
        "{err:?}"
    );
}

#[test]
fn stdin_closed_at_once_gives_an_empty_document() {
    let out = Command::new(extract_bin())
        .arg("-")
        .stdin(Stdio::null())
        .output()
        .expect("the example runs");
    let doc = assert_json(&out, "empty stdin");
    assert_eq!(doc, serde_json::json!({"entities": [], "quotes": []}));
    assert_eq!(stderr(&out), "");
}

#[cfg(unix)]
#[test]
fn stdin_descriptor_closed_gives_an_empty_document() {
    // `<&-` closes descriptor 0 before the example starts; the Rust runtime reopens a closed
    // standard descriptor on /dev/null, so this is an empty article, not a crash.
    let out = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" - <&-")
        .arg(extract_bin())
        .output()
        .expect("sh runs");
    let doc = assert_json(&out, "closed stdin");
    assert_eq!(doc, serde_json::json!({"entities": [], "quotes": []}));
    assert_eq!(stderr(&out), "");
}

#[test]
fn stdout_closed_early_is_one_error_line() {
    let mut child = Command::new(extract_bin())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    // Close the reading end before the example has its input, so its first write fails.
    drop(child.stdout.take());
    let mut input = child.stdin.take().unwrap();
    input
        .write_all("\u{201c}We will see,\u{201d} Putin said.".as_bytes())
        .unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    let err = assert_one_line_error(&out, "stdout closed");
    assert!(err.contains("stdout"), "{err:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn stdout_write_error_is_one_error_line() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(extract_bin())
        .arg(fixture("seed-article.txt"))
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("the example runs");
    assert_one_line_error(&out, "stdout is /dev/full");
}

#[test]
fn directory_as_the_article_is_one_error_line() {
    let dir = scratch_dir();
    let out = run_args(&[dir.to_str().unwrap()]);
    let err = assert_one_line_error(&out, "directory");
    assert!(err.contains(dir.to_str().unwrap()), "{err:?}");
}

#[test]
fn missing_article_is_one_error_line() {
    let path = scratch_dir().join("no-such-article.txt");
    let out = run_args(&[path.to_str().unwrap()]);
    let err = assert_one_line_error(&out, "missing file");
    assert!(err.contains("no-such-article.txt"), "{err:?}");
}

#[test]
fn bad_gazetteer_line_is_one_error_line_naming_file_and_line() {
    let good = r#"{"id": "ana-silva", "kind": "person", "name": "Ana Silva"}"#;
    let cases: &[(&str, Vec<u8>, &str)] = &[
        (
            "unknown-kind.jsonl",
            format!("{good}\n{{\"id\": \"x\", \"kind\": \"planet\", \"name\": \"X\"}}\n")
                .into_bytes(),
            ":2: unknown kind",
        ),
        (
            "bad-json.jsonl",
            format!("{good}\n\n{{\"id\": \"x\"\n").into_bytes(),
            ":3: invalid entry",
        ),
        (
            "not-utf8.jsonl",
            [format!("{good}\n").as_bytes(), b"{\"id\": \"x\xff\"}\n"].concat(),
            ":2: not valid UTF-8",
        ),
        (
            "duplicate.jsonl",
            format!("{good}\n{good}\n").into_bytes(),
            ":2: duplicate id",
        ),
        (
            "multi-line-message.jsonl",
            b"{\"id\": \"x\", \"kind\": \"per\\nson\", \"name\": \"X\"}\n".to_vec(),
            ":1: unknown kind",
        ),
        (
            // serde names an unknown field as written: the message would hold a line break.
            "field-with-line-break.jsonl",
            b"{\"id\": \"x\", \"kind\": \"person\", \"name\": \"X\", \"a\\nb\": 1}\n".to_vec(),
            ":1: invalid entry",
        ),
    ];
    let article = fixture("seed-article.txt");
    for (name, bytes, want) in cases {
        let gazetteer = write_file(name, bytes);
        let out = run_args(&[
            "--gazetteer",
            gazetteer.to_str().unwrap(),
            article.to_str().unwrap(),
        ]);
        let err = assert_one_line_error(&out, name);
        assert!(err.contains(name) && err.contains(want), "{name}: {err:?}");
    }
}

#[test]
fn unreadable_gazetteer_is_one_error_line() {
    let article = fixture("seed-article.txt");
    let missing = scratch_dir().join("missing.jsonl");
    let dir = scratch_dir();
    for gazetteer in [&missing, &dir] {
        let out = run_args(&[
            "--gazetteer",
            gazetteer.to_str().unwrap(),
            article.to_str().unwrap(),
        ]);
        let err = assert_one_line_error(&out, "unreadable gazetteer");
        assert!(err.contains(gazetteer.to_str().unwrap()), "{err:?}");
    }
}

#[test]
fn bad_arguments_are_one_error_line() {
    let article = fixture("seed-article.txt");
    let article = article.to_str().unwrap();
    for args in [&[][..], &["--gazetteer"][..], &[article, article][..]] {
        assert_one_line_error(&run_args(args), &format!("{args:?}"));
    }
}
