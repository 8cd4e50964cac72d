//! The `whosaid` command as a user runs it: every subcommand's success path, `--help` and
//! `--version`, and the one rule for failures: status nonzero (2 for a bad command line, 1
//! otherwise), nothing on stdout, exactly one line on stderr starting `whosaid: `, no panic.
//!
//! Cargo builds the binary before these tests and names it in `CARGO_BIN_EXE_whosaid`.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use whosaid::{Document, Extractor, Gender};

const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

fn scratch_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}", std::process::id()));
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
        .join("../tests/fixtures")
        .join(name)
}

fn seed() -> PathBuf {
    fixture("seed-article.txt")
}

/// Runs `whosaid` with `args` and `stdin` as its whole input (closed after).
fn run_with<S: AsRef<OsStr>>(args: &[S], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("whosaid starts");
    let mut input = child.stdin.take().expect("stdin pipe");
    // whosaid may exit before reading (a bad argument): a broken pipe here is fine.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("whosaid ends")
}

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    run_with(args, b"")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Success: status 0 and no message on stderr; returns stdout.
fn assert_ok(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: status {:?}; stderr: {}",
        out.status,
        stderr(out)
    );
    assert_eq!(stderr(out), "", "{what}: stderr");
    stdout(out)
}

/// A failure with `status`: nothing on stdout, one line on stderr starting "whosaid: ".
fn assert_one_line_error(out: &Output, status: i32, what: &str) -> String {
    let err = stderr(out);
    assert_eq!(
        out.status.code(),
        Some(status),
        "{what}: status; stderr: {err}"
    );
    assert!(!err.contains("panicked"), "{what}: panicked: {err}");
    assert!(
        err.ends_with('\n') && err.lines().count() == 1,
        "{what}: stderr must be exactly one line, got {err:?}"
    );
    assert!(err.starts_with("whosaid: "), "{what}: {err:?}");
    assert!(
        out.stdout.is_empty(),
        "{what}: nothing belongs on stdout: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    err
}

fn document(json: &str) -> Document {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("not a Document ({e}): {json}"))
}

const SUBCOMMANDS: [&str; 6] = ["extract", "table", "html", "batch", "eval", "tally"];

// ---- --help and --version

#[test]
fn help_lists_every_subcommand_and_the_shared_options() {
    for args in [&["--help"][..], &["help"][..], &["-h"][..]] {
        let help = assert_ok(&run(args), "--help");
        assert!(help.starts_with("Who said what in English news"), "{help}");
        for sub in SUBCOMMANDS {
            assert!(
                help.contains(&format!("\n  {sub} ")),
                "{sub} missing: {help}"
            );
        }
        assert!(help.contains("--gazetteer <FILE>") && help.contains("--lossy"));
    }
    for sub in SUBCOMMANDS {
        for args in [[sub, "--help"], ["help", sub]] {
            let help = assert_ok(&run(&args), &format!("{args:?}"));
            assert!(
                help.contains(&format!("Usage: whosaid {sub} [OPTIONS] ")),
                "{help}"
            );
            assert!(help.contains("--gazetteer <FILE>"), "{sub}: {help}");
            assert!(help.contains("--lossy"), "{sub}: {help}");
        }
    }
}

#[test]
fn version_is_the_package_version_for_every_subcommand() {
    let want = format!("whosaid {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(assert_ok(&run(&["--version"]), "--version"), want);
    assert_eq!(assert_ok(&run(&["-V"]), "-V"), want);
    for sub in SUBCOMMANDS {
        assert_eq!(assert_ok(&run(&[sub, "--version"]), sub), want);
    }
}

// ---- extract

#[test]
fn extract_prints_one_document_a_line() {
    let out = run(&[
        OsStr::new("extract"),
        seed().as_os_str(),
        fixture("ukraine-ceasefire-talks.txt").as_os_str(),
    ]);
    let json = assert_ok(&out, "extract two files");
    let lines: Vec<&str> = json.lines().collect();
    assert_eq!(lines.len(), 2, "{json}");
    let text = std::fs::read_to_string(seed()).unwrap();
    assert_eq!(document(lines[0]), Extractor::new().extract(&text));
    // The library's JSON, byte for byte.
    assert_eq!(
        lines[0],
        serde_json::to_string(&Extractor::new().extract(&text)).unwrap()
    );
}

#[test]
fn extract_pretty_and_from_stdin() {
    let text = "\u{201c}We will see,\u{201d} Putin said.";
    let json = assert_ok(
        &run_with(&["extract", "--pretty", "-"], text.as_bytes()),
        "stdin",
    );
    assert!(json.lines().count() > 10, "{json}");
    let doc = document(&json);
    assert_eq!(doc.quotes[0].text, "We will see,");
    let speaker = doc.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.entity.as_deref(), Some("vladimir-putin"));
    assert_eq!(&text[speaker.span().range()], "Putin");
}

#[test]
fn extract_from_empty_stdin_is_an_empty_document() {
    let out = Command::new(BIN)
        .args(["extract", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        assert_ok(&out, "empty stdin"),
        "{\"entities\":[],\"quotes\":[]}\n"
    );
}

#[test]
fn gazetteers_add_to_the_built_in_one_in_every_place_the_option_goes() {
    let gazetteer = write_file(
        "people.jsonl",
        br#"{"id": "ana-silva", "kind": "person", "name": "Ana Silva", "gender": "female"}"#,
    );
    let article = write_file("silva.txt", b"Ana Silva said the vote would be close.\n");
    let g = gazetteer.as_os_str();
    for args in [
        vec![
            OsStr::new("extract"),
            OsStr::new("--gazetteer"),
            g,
            article.as_os_str(),
        ],
        vec![
            OsStr::new("--gazetteer"),
            g,
            OsStr::new("extract"),
            article.as_os_str(),
        ],
    ] {
        let doc = document(&assert_ok(&run(&args), "user gazetteer"));
        assert_eq!(doc.entities[0].id, "ana-silva");
        assert_eq!(doc.entities[0].gender, Some(Gender::Female));
        assert_eq!(
            doc.quotes[0].speaker.as_ref().unwrap().entity.as_deref(),
            Some("ana-silva")
        );
    }
}

// ---- table

#[test]
fn table_shows_who_said_what_then_counts_by_gender() {
    let out = assert_ok(&run(&[OsStr::new("table"), seed().as_os_str()]), "table");
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("speaker                  kind      cue             conf  quote")
    );
    assert!(
        out.contains("\nDonald Trump             direct    stated          0.95  We’ll learn more")
    );
    let text = std::fs::read_to_string(seed()).unwrap();
    let doc = Extractor::new().extract(&text);
    assert_eq!(out.lines().count(), 1 + doc.quotes.len() + 1 + 5, "{out}");
    assert!(
        out.ends_with(
            "gender   quotes speakers\nfemale        0        0\nmale          9        5\n\
         other         0        0\nunknown       0        0\n"
        ),
        "{out}"
    );
}

#[test]
fn table_heads_each_file_when_there_are_several() {
    let other = fixture("local-council-budget.txt");
    let out = assert_ok(
        &run(&[OsStr::new("table"), seed().as_os_str(), other.as_os_str()]),
        "two files",
    );
    assert!(out.starts_with(&format!("==> {} <==\nspeaker", seed().display())));
    assert!(out.contains(&format!("\n\n==> {} <==\nspeaker", other.display())));
    assert_eq!(out.matches("\ngender   quotes speakers\n").count(), 2);
}

// ---- html

#[test]
fn html_is_a_whole_page_with_the_article_escaped() {
    let page = assert_ok(&run(&[OsStr::new("html"), seed().as_os_str()]), "html");
    assert!(
        page.to_ascii_lowercase()
            .starts_with("<!doctype html>\n<html lang=\"en\">"),
        "{page}"
    );
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.trim_end().ends_with("</html>"));
    assert!(page.contains("Donald Trump"));
    let text = "<script>alert(1)</script>\n\n\u{201c}We will see,\u{201d} Putin said.";
    let page = assert_ok(&run_with(&["html", "-"], text.as_bytes()), "html stdin");
    assert!(!page.contains("<script>"), "{page}");
    assert!(page.contains("&lt;script&gt;"), "{page}");
}

// ---- batch and tally

/// Three articles with the fields a newsroom archive carries, as JSON Lines written by hand
/// (serde_json would sort the keys), and as values.
fn articles() -> (String, Vec<serde_json::Value>) {
    let text = |name: &str| {
        serde_json::to_string(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
    };
    let lines = [
        format!(
            r#"{{"id": "a1", "outlet": "Daily", "date": "2024-03-17T08:00:00Z", "text": {}}}"#,
            text("seed-article.txt")
        ),
        format!(
            r#"{{"outlet": "Herald", "id": 2, "text": {}, "date": "2024-04-02"}}"#,
            text("local-council-budget.txt")
        ),
        format!(
            r#"{{"id": "a3", "outlet": "Daily", "date": "2024-03-30", "text": {}, "tags": ["x"]}}"#,
            text("elections-mayoral-runoff.txt")
        ),
    ];
    let values = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (lines.iter().map(|l| format!("{l}\n")).collect(), values)
}

#[test]
fn batch_keeps_the_order_and_the_fields_and_drops_the_text() {
    let (jsonl, input) = articles();
    let path = write_file("articles.jsonl", jsonl.as_bytes());
    let out = run(&[
        OsStr::new("batch"),
        OsStr::new("--threads"),
        OsStr::new("2"),
        path.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stderr(&out);
    assert!(
        summary.starts_with("whosaid: batch: done, 3 articles, ")
            && summary.ends_with(" on 2 threads\n"),
        "{summary}"
    );
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let extractor = Extractor::new();
    for (line, article) in lines.iter().zip(&input) {
        assert_eq!(line["id"], article["id"]);
        assert_eq!(line["outlet"], article["outlet"]);
        assert_eq!(line["date"], article["date"]);
        assert!(line.get("text").is_none());
        let doc: Document = serde_json::from_value(line["document"].clone()).unwrap();
        assert_eq!(doc, extractor.extract(article["text"].as_str().unwrap()));
    }
    assert_eq!(lines[2]["tags"], serde_json::json!(["x"]));
    // Fields in input order, the document last.
    let first = stdout(&out).lines().nth(1).unwrap().to_string();
    assert!(
        first.starts_with("{\"outlet\":\"Herald\",\"id\":2,\"date\":\"2024-04-02\",\"document\":{"),
        "{first}"
    );
}

#[test]
fn batch_on_one_thread_says_thread() {
    let input = articles().0.lines().next().unwrap().to_string();
    let out = run_with(&["batch", "-j", "1", "-"], input.as_bytes());
    assert!(stderr(&out).ends_with(" on 1 thread\n"), "{}", stderr(&out));
    let quiet = run_with(
        &["batch", "--threads", "1", "--quiet", "-"],
        input.as_bytes(),
    );
    assert_eq!(assert_ok(&quiet, "quiet").lines().count(), 1);
}

#[test]
fn batch_bad_lines_stop_the_run_or_are_skipped() {
    let good = articles().0.lines().next().unwrap().to_string();
    let input = format!("{good}\n{{\"id\": 2}}\nnot json\n{good}\n");
    let out = run_with(&["batch", "--quiet", "-"], input.as_bytes());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err, "whosaid: stdin: line 2: no \"text\" field\n");
    let out = run_with(&["batch", "--quiet", "--skip-bad", "-"], input.as_bytes());
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 2);
    let err = stderr(&out);
    assert!(
        err.contains("whosaid: batch: stdin: line 2: skipped: no \"text\" field\n"),
        "{err}"
    );
    assert!(
        err.contains("whosaid: batch: stdin: line 3: skipped: invalid JSON at column 2"),
        "{err}"
    );
}

#[test]
fn batch_non_utf8_names_line_and_byte_or_is_replaced_with_lossy() {
    let first = "{\"id\": 1, \"text\": \"Putin said it.\"}\n";
    let mut input = first.as_bytes().to_vec();
    input.extend_from_slice(b"{\"id\": 2, \"text\": \"Putin said caf\xe9 prices rose.\"}\n");
    let path = write_file("latin1.jsonl", &input);
    let out = run(&[OsStr::new("batch"), OsStr::new("-q"), path.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    // The bad byte is at offset 33 of line 2.
    let at = first.len() + 33;
    assert_eq!(
        err,
        format!(
            "whosaid: {}: line 2: not valid UTF-8 at byte {at} (--lossy replaces bad bytes)\n",
            path.display()
        )
    );
    let out = run(&[
        OsStr::new("batch"),
        OsStr::new("-q"),
        OsStr::new("--lossy"),
        path.as_os_str(),
    ]);
    assert!(out.status.success());
    assert_eq!(
        stderr(&out),
        format!(
            "whosaid: warning: {}: line 2: not valid UTF-8 at byte {at}; bad bytes replaced\n",
            path.display()
        )
    );
    assert_eq!(stdout(&out).lines().count(), 2);
}

/// Quotes and per-article distinct speakers by gender, counted here one quote at a time.
fn expected_counts(docs: &[&Document]) -> [(usize, usize); 4] {
    let mut out = [(0, 0); 4];
    for doc in docs {
        let mut seen: Vec<(usize, String)> = Vec::new();
        for q in &doc.quotes {
            let entity = q.speaker.as_ref().and_then(|s| s.entity.as_ref());
            let gender = entity.and_then(|id| doc.entities.iter().find(|e| &e.id == id)?.gender);
            let row = match gender {
                Some(Gender::Female) => 0,
                Some(Gender::Male) => 1,
                Some(_) => 2,
                None => 3,
            };
            out[row].0 += 1;
            if let Some(s) = &q.speaker {
                let who = s
                    .entity
                    .clone()
                    .unwrap_or_else(|| format!("name {}", s.name));
                if !seen.contains(&(row, who.clone())) {
                    seen.push((row, who));
                    out[row].1 += 1;
                }
            }
        }
    }
    out
}

#[test]
fn tally_counts_batch_output_by_outlet_and_month() {
    let batch = run_with(&["batch", "--quiet", "-"], articles().0.as_bytes());
    let documents = assert_ok(&batch, "batch");
    let path = write_file("documents.jsonl", documents.as_bytes());
    let docs: Vec<Document> = documents
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            serde_json::from_value(v["document"].clone()).unwrap()
        })
        .collect();

    let csv = assert_ok(
        &run(&[
            OsStr::new("tally"),
            OsStr::new("--by"),
            OsStr::new("outlet"),
            OsStr::new("--by"),
            OsStr::new("month:date"),
            OsStr::new("--csv"),
            path.as_os_str(),
        ]),
        "tally --csv",
    );
    let mut want = String::from("outlet,month:date,gender,articles,quotes,speakers\n");
    for (outlet, month, group) in [
        ("Daily", "2024-03", vec![&docs[0], &docs[2]]),
        ("Herald", "2024-04", vec![&docs[1]]),
    ] {
        let counts = expected_counts(&group);
        for (gender, (quotes, speakers)) in
            ["female", "male", "other", "unknown"].iter().zip(counts)
        {
            want.push_str(&format!(
                "{outlet},{month},{gender},{},{quotes},{speakers}\n",
                group.len()
            ));
        }
    }
    assert_eq!(csv, want);

    // The same from stdin, as a table, and without groups: the totals.
    let table = assert_ok(
        &run_with(
            &["tally", "--by", "outlet", "--by", "month:date", "-"],
            documents.as_bytes(),
        ),
        "tally table",
    );
    assert_eq!(table.lines().count(), 1 + 8);
    assert!(
        table.starts_with("outlet  month:date  gender   articles  quotes  speakers\n"),
        "{table}"
    );
    let total = assert_ok(
        &run(&[OsStr::new("tally"), OsStr::new("--csv"), path.as_os_str()]),
        "totals",
    );
    let counts = expected_counts(&docs.iter().collect::<Vec<_>>());
    let mut want = String::from("gender,articles,quotes,speakers\n");
    for (gender, (quotes, speakers)) in ["female", "male", "other", "unknown"].iter().zip(counts) {
        want.push_str(&format!("{gender},3,{quotes},{speakers}\n"));
    }
    assert_eq!(total, want);
    assert!(counts.iter().map(|c| c.0).sum::<usize>() > 10, "{counts:?}");
}

#[test]
fn tally_needs_batch_output_and_dates_that_are_dates() {
    let out = run_with(&["tally", "-"], b"{\"id\": 1, \"text\": \"x\"}\n");
    let err = assert_one_line_error(&out, 1, "no document");
    assert!(err.contains("stdin: line 1: no \"document\""), "{err}");
    let line =
        "{\"id\": 1, \"date\": \"March 2024\", \"document\": {\"entities\": [], \"quotes\": []}}\n";
    let out = run_with(&["tally", "--by", "month:date", "-"], line.as_bytes());
    let err = assert_one_line_error(&out, 1, "bad date");
    assert!(
        err.contains("line 1: \"date\" is \"March 2024\", which does not start with YYYY-MM"),
        "{err}"
    );
    let out = run_with(&["tally", "--by", "week:date", "-"], b"");
    assert_one_line_error(&out, 2, "bad --by");
}

// ---- eval

#[test]
fn eval_scores_annotated_files_as_a_report_or_json() {
    let annotated = fixture("annotated.jsonl");
    let report = assert_ok(&run(&[OsStr::new("eval"), annotated.as_os_str()]), "eval");
    assert!(report.starts_with("whosaid evaluation: "), "{report}");
    assert!(report.contains("\n== SPEECH attributions"));
    let json = assert_ok(
        &run(&[
            OsStr::new("eval"),
            OsStr::new("--json"),
            OsStr::new("--join-parts"),
            annotated.as_os_str(),
        ]),
        "eval --json",
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        v["speech"]["overall"]["f1@0.3"].as_f64().unwrap() > 0.9,
        "{v}"
    );
    assert_eq!(v["split_parts"][0]["split"], false);
    let from_stdin = run_with(
        &["eval", "--json", "--join-parts", "-"],
        &std::fs::read(&annotated).unwrap(),
    );
    let w: serde_json::Value = serde_json::from_str(&assert_ok(&from_stdin, "eval -")).unwrap();
    assert_eq!(w["all"], v["all"]);
    let out = run(&[
        OsStr::new("eval"),
        OsStr::new("--split-parts"),
        OsStr::new("--join-parts"),
        annotated.as_os_str(),
    ]);
    assert_one_line_error(&out, 2, "conflicting options");
}

// ---- failures

#[test]
fn a_missing_file_is_one_error_line_naming_it() {
    let missing = scratch_dir().join("no-such-article.txt");
    for sub in SUBCOMMANDS {
        let out = run(&[OsStr::new(sub), missing.as_os_str()]);
        let err = assert_one_line_error(&out, 1, sub);
        assert!(
            err.contains(&missing.display().to_string()),
            "{sub}: {err:?}"
        );
    }
    let dir = scratch_dir();
    let err = assert_one_line_error(
        &run(&[OsStr::new("extract"), dir.as_os_str()]),
        1,
        "directory",
    );
    assert!(err.contains(&dir.display().to_string()), "{err:?}");
}

#[test]
fn a_bad_gazetteer_is_one_error_line_naming_file_and_line_in_every_subcommand() {
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
            "array.json",
            format!("[{good}, {good}]\n").into_bytes(),
            ":1: expected one JSON object a line (JSON Lines), found a JSON array",
        ),
        (
            "pretty-array.json",
            format!("[\n  {good}\n]\n").into_bytes(),
            ":1: expected one JSON object a line (JSON Lines), found a JSON array",
        ),
        (
            // serde names an unknown field as written: the message would hold a line break.
            "field-with-line-break.jsonl",
            b"{\"id\": \"x\", \"kind\": \"person\", \"name\": \"X\", \"a\\nb\": 1}\n".to_vec(),
            ":1: invalid entry",
        ),
    ];
    let article = seed();
    for (name, bytes, want) in cases {
        let gazetteer = write_file(name, bytes);
        let out = run(&[
            OsStr::new("--gazetteer"),
            gazetteer.as_os_str(),
            OsStr::new("extract"),
            article.as_os_str(),
        ]);
        let err = assert_one_line_error(&out, 1, name);
        assert!(err.contains(&format!("{name}{want}")), "{name}: {err:?}");
    }
    let gazetteer = write_file("array-again.json", format!("[{good}]").as_bytes());
    for sub in SUBCOMMANDS {
        let out = run(&[
            OsStr::new(sub),
            OsStr::new("--gazetteer"),
            gazetteer.as_os_str(),
            OsStr::new("-"),
        ]);
        let err = assert_one_line_error(&out, 1, sub);
        assert!(
            err.contains("array-again.json:1: expected one JSON object a line"),
            "{sub}: {err}"
        );
    }
    let missing = scratch_dir().join("missing.jsonl");
    let out = run(&[
        OsStr::new("table"),
        OsStr::new("--gazetteer"),
        missing.as_os_str(),
        article.as_os_str(),
    ]);
    let err = assert_one_line_error(&out, 1, "missing gazetteer");
    assert!(err.contains("missing.jsonl: cannot read"), "{err}");
}

#[test]
fn non_utf8_is_an_error_naming_file_and_byte_or_replaced_with_lossy() {
    let path = write_file("latin1.txt", b"Putin said caf\xe9 prices would rise.\n");
    for sub in ["extract", "table", "html"] {
        let out = run(&[OsStr::new(sub), path.as_os_str()]);
        let err = assert_one_line_error(&out, 1, sub);
        assert_eq!(
            err,
            format!(
                "whosaid: {}: not valid UTF-8 at byte 14 (--lossy replaces bad bytes)\n",
                path.display()
            )
        );
    }
    let out = run(&[
        OsStr::new("extract"),
        OsStr::new("--lossy"),
        path.as_os_str(),
    ]);
    assert!(out.status.success());
    assert_eq!(
        stderr(&out),
        format!(
            "whosaid: warning: {}: not valid UTF-8 at byte 14; bad bytes replaced\n",
            path.display()
        )
    );
    // Offsets count in the repaired text: "caf\u{fffd}" is two bytes longer than "caf\xe9".
    let repaired = "Putin said caf\u{fffd} prices would rise.\n";
    let doc = document(&stdout(&out));
    assert_eq!(&repaired[doc.quotes[0].span().range()], doc.quotes[0].text);
    // Standard input cut in the middle of a char.
    let out = run_with(&["extract", "-"], b"\"We will see,\" Putin said. \xe2\x80");
    let err = assert_one_line_error(&out, 1, "truncated stdin");
    assert!(err.contains("stdin: not valid UTF-8 at byte 27"), "{err}");
    let out = run_with(&["eval", "-"], b"{\"text\": \"caf\xe9\"}\n");
    let err = assert_one_line_error(&out, 1, "eval");
    assert!(
        err.contains("stdin: line 1: not valid UTF-8 at byte 13"),
        "{err}"
    );
}

#[test]
fn bad_command_lines_are_one_error_line_with_status_2() {
    let article = seed();
    let article = article.to_str().unwrap();
    for args in [
        &[][..],
        &["extract"][..],
        &["extract", "--gazetteer"][..],
        &["frobnicate", article][..],
        &["table", "--bogus", article][..],
        &["html", article, article][..],
        &["batch", "--threads", "0", "-"][..],
    ] {
        let err = assert_one_line_error(&run(args), 2, &format!("{args:?}"));
        assert!(err.contains("--help)"), "{err}");
    }
}

#[test]
fn stdout_closed_early_is_one_error_line() {
    let mut child = Command::new(BIN)
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before whosaid has its input, so its first write fails.
    drop(child.stdout.take());
    let mut input = child.stdin.take().unwrap();
    input
        .write_all("\u{201c}We will see,\u{201d} Putin said.".as_bytes())
        .unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    let err = assert_one_line_error(&out, 1, "stdout closed");
    assert!(err.contains("stdout"), "{err:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn stdout_write_error_is_one_error_line() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    for args in [["table", "-"], ["extract", "-"]] {
        let out = Command::new(BIN)
            .args(args)
            .stdin(std::fs::File::open(seed()).unwrap())
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_one_line_error(&out, 1, "stdout is /dev/full");
    }
}
