//! `Document::render_html` (issue 14): escaping, the seed article's quotes, labels, cues,
//! mentions and legend, the layout rules (parts, paragraph breaks, crossing and misfit spans,
//! colours), and a check of the checker the property tests rely on. The property tests over
//! arbitrary text and corrupt documents are in `tests/properties.rs`.

#[path = "common/blank.rs"]
mod blank;
#[path = "common/html.rs"]
mod html_check;

use html_check::{assert_html, html_violation, parse, Element, Parsed};
use whosaid::{Document, Entity, EntityKind, Extractor, Gender, Quote};

/// Renders and reads back, after checking the output's promises.
fn render(text: &str, doc: &Document) -> Parsed {
    let html = doc.render_html(text);
    assert_html(text, &html);
    parse(&html).expect("checked above")
}

/// The article's elements with this tag and class (not the legend's samples).
fn elements<'p>(parsed: &'p Parsed, tag: &str, class: &str) -> Vec<&'p Element> {
    let article = parsed
        .elements
        .iter()
        .position(|e| e.has_class("ws-article"))
        .expect("an article");
    parsed.elements[article..]
        .iter()
        .filter(|e| e.tag == tag && e.has_class(class))
        .collect()
}

/// The article spans `(start, end)` of the elements with this tag and class.
fn spans(parsed: &Parsed, tag: &str, class: &str) -> Vec<(usize, usize)> {
    elements(parsed, tag, class)
        .iter()
        .map(|e| (e.start, e.end))
        .collect()
}

/// The legend's speaker rows as text: "Donald Trump 4 quotes, male".
fn legend(parsed: &Parsed) -> Vec<String> {
    let list = parsed
        .elements
        .iter()
        .position(|e| e.tag == "ul" && e.has_class("ws-speakers"))
        .expect("a list of speakers");
    parsed.elements[list + 1..]
        .iter()
        .take_while(|e| e.tag != "ul")
        .filter(|e| e.tag == "li")
        .map(|e| e.text.clone())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Hand-built documents
// ---------------------------------------------------------------------------------------------

/// An entity whose mentions are the spans given, sliced from `text` where they fit.
fn entity(
    text: &str,
    id: &str,
    kind: EntityKind,
    gender: Option<Gender>,
    at: &[(usize, usize)],
) -> Entity {
    let mut e = blank::entity(id);
    (e.kind, e.gender) = (kind, gender);
    e.mentions = at
        .iter()
        .map(|&(start, end)| blank::mention(start, end, text.get(start..end).unwrap_or("")))
        .collect();
    e
}

/// A direct quote over `start..end` (its text left empty: the renderer reads spans).
fn quote(start: usize, end: usize, speaker: Option<(Option<&str>, &str)>) -> Quote {
    let mut q = blank::quote(start, end);
    q.speaker = speaker.map(|(entity, name)| blank::speaker(entity, name));
    q
}

/// A document of these entities and quotes.
fn document(entities: Vec<Entity>, quotes: Vec<Quote>) -> Document {
    let mut doc = Document::default();
    (doc.entities, doc.quotes) = (entities, quotes);
    doc
}

/// The offsets of `needle` in `text` (its first occurrence).
fn find(text: &str, needle: &str) -> (usize, usize) {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {text:?}"));
    (start, start + needle.len())
}

// ---------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------

#[test]
fn markup_in_the_article_is_text() {
    let text = "<script>alert(1)</script>\n\nPutin said the \"deal\" wasn't ready.\n\n\
                &amp; <b>Kremlin</b> & co.";
    let doc = Extractor::new().extract(text);
    let html = doc.render_html(text);
    assert_html(text, &html);
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("&quot;deal&quot; wasn&#39;t"), "{html}");
    assert!(html.contains("&amp;amp; &lt;b&gt;"), "{html}");
    for tag in ["<script", "<b>", "</b>"] {
        assert!(!html.contains(tag), "{tag} in {html}");
    }
}

#[test]
fn names_cues_and_ids_from_the_document_are_escaped() {
    let text = "Ann said yes.";
    let nasty = "<img src=x onerror=\"alert('1')\">&amp;";
    let mut e = entity(text, nasty, EntityKind::Person, None, &[(0, 3)]);
    e.name = nasty.to_string();
    let mut q = quote(9, 12, Some((Some(nasty), nasty)));
    q.cue = Some(nasty.to_string());
    (q.cue_start, q.cue_end) = (Some(4), Some(8));
    let doc = document(vec![e], vec![q]);
    let html = doc.render_html(text);
    assert_html(text, &html);
    assert!(!html.contains("<img"), "{html}");
    let escaped = "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;amp;";
    // In the label, the quote's title (name and cue), the mention's title and the legend.
    assert_eq!(html.matches(escaped).count(), 5, "{html}");
    let parsed = parse(&html).unwrap();
    assert_eq!(elements(&parsed, "small", "ws-who")[0].text, nasty);
}

// ---------------------------------------------------------------------------------------------
// The seed article
// ---------------------------------------------------------------------------------------------

fn seed() -> (&'static str, Document, Parsed) {
    let text = include_str!("fixtures/seed-article.txt");
    let doc = Extractor::new().extract(text);
    let parsed = render(text, &doc);
    (text, doc, parsed)
}

#[test]
fn seed_quotes_are_highlighted_in_their_speakers_colour_with_a_label() {
    let (text, doc, parsed) = seed();
    assert!(doc.quotes.len() >= 8, "{:#?}", doc.quotes);
    let marks = elements(&parsed, "mark", "ws-q");
    let mut colours: Vec<(&str, &str)> = Vec::new();
    for q in &doc.quotes {
        let name = q.speaker.as_ref().map_or("no speaker", |s| s.name.as_str());
        let pieces: Vec<(usize, usize)> = if q.parts.is_empty() {
            vec![(q.start, q.end)]
        } else {
            q.parts.iter().map(|p| (p.start, p.end)).collect()
        };
        for (i, &(start, end)) in pieces.iter().enumerate() {
            let mark = marks
                .iter()
                .find(|m| (m.start, m.end) == (start, end))
                .unwrap_or_else(|| panic!("no mark over {:?}", &text[start..end]));
            assert!(mark.title.starts_with(&format!("{name} · ")), "{mark:?}");
            // The label is the first piece's, and not part of the article's text.
            let label = format!("{name}{}", &text[start..end]);
            assert_eq!(mark.text == label, i == 0, "{mark:?}");
            let colour = mark
                .class
                .split(' ')
                .find(|c| c.starts_with("ws-c"))
                .unwrap();
            match colours.iter().find(|(n, _)| *n == name) {
                Some((_, c)) => assert_eq!(*c, colour, "{name}"),
                None => {
                    assert!(
                        colours.iter().all(|(_, c)| *c != colour),
                        "{name}: {colour}"
                    );
                    colours.push((name, colour));
                }
            }
        }
    }
    // The palette in order of first quote.
    let first: Vec<&str> = colours.iter().map(|(_, c)| *c).collect();
    assert_eq!(first, ["ws-c0", "ws-c1", "ws-c2", "ws-c3", "ws-c4"]);
    assert_eq!(colours[0].0, "Donald Trump");
    // Nothing else is highlighted.
    assert_eq!(
        marks.len(),
        doc.quotes
            .iter()
            .map(|q| q.parts.len().max(1))
            .sum::<usize>()
    );
}

#[test]
fn seed_legend_lists_speakers_with_quote_counts_and_gender() {
    let (_, doc, parsed) = seed();
    let count = |id: &str| {
        doc.quotes
            .iter()
            .filter(|q| q.speaker.as_ref().and_then(|s| s.entity.as_deref()) == Some(id))
            .count()
    };
    let rows = legend(&parsed);
    for (id, name) in [
        ("donald-trump", "Donald Trump"),
        ("sergei-lavrov", "Sergei Lavrov"),
        ("dmitry-polyanskiy", "Dmitry Polyanskiy"),
        ("emmanuel-macron", "Emmanuel Macron"),
    ] {
        let n = count(id);
        assert!(n > 0, "{id} has no quote");
        let plural = if n == 1 { "" } else { "s" };
        let want = format!("{name} {n} quote{plural}, male");
        assert!(rows.contains(&want), "{want:?} not in {rows:#?}");
    }
    assert!(rows[0].starts_with("Donald Trump "), "{rows:#?}");
    let total: usize = rows
        .iter()
        .map(|r| r.split(' ').rev().nth(2).unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, doc.quotes.len(), "{rows:#?}");
}

#[test]
fn seed_cues_are_underlined_and_mentions_marked_by_kind() {
    let (text, doc, parsed) = seed();
    let cues = spans(&parsed, "u", "ws-cue");
    for q in &doc.quotes {
        if let (Some(start), Some(end)) = (q.cue_start, q.cue_end) {
            assert!(cues.contains(&(start, end)), "cue {:?}", q.cue);
        }
    }
    for e in &doc.entities {
        let class = match e.kind {
            EntityKind::Person => "ws-person",
            EntityKind::Organization => "ws-organization",
            EntityKind::Location => "ws-location",
            EntityKind::Nationality => "ws-nationality",
            other => panic!("a kind the page does not mark: {other:?}"),
        };
        let marked = elements(&parsed, "span", class);
        for m in &e.mentions {
            assert!(
                marked
                    .iter()
                    .any(|s| (s.start, s.end) == (m.start, m.end) && s.title == e.name),
                "{} {:?}",
                e.id,
                m
            );
        }
    }
    // One paragraph a non-blank line, the first the headline.
    let paragraphs = elements(&parsed, "p", "ws-p");
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(paragraphs.len(), lines);
    assert!(paragraphs[0].has_class("ws-headline"));
    assert!(paragraphs[1..].iter().all(|p| !p.has_class("ws-headline")));
}

#[test]
fn seed_article_html() {
    let (text, doc, _) = seed();
    let html = doc.render_html(text);
    // The style sheet is the same for every article: left out, so that the snapshot reads as
    // the article.
    let start = html.find("<style>").unwrap() + "<style>".len();
    let end = html.find("</style>").unwrap();
    let html = format!("{}…{}", &html[..start], &html[end..]);
    insta::assert_snapshot!(html);
}

// ---------------------------------------------------------------------------------------------
// Layout rules
// ---------------------------------------------------------------------------------------------

#[test]
fn a_quote_in_parts_is_highlighted_part_by_part() {
    let text = "\u{201c}We will not give up,\u{201d} Zelensky said on Monday. \
                \u{201c}Ukraine will stand.\n\n\u{201c}Winter will pass.\u{201d}";
    let doc = Extractor::new().extract(text);
    let parsed = render(text, &doc);
    let q = &doc.quotes[0];
    assert_eq!(q.parts.len(), 3);
    let parts: Vec<(usize, usize)> = q.parts.iter().map(|p| (p.start, p.end)).collect();
    assert_eq!(spans(&parsed, "mark", "ws-q"), parts);
    // One label, on the first part.
    let labels = elements(&parsed, "small", "ws-who");
    assert_eq!(labels.len(), 1);
    assert_eq!(labels[0].start, parts[0].0);
}

#[test]
fn a_quote_over_a_paragraph_break_is_cut_there_with_one_label() {
    let text = "Ann said the river rose\nand the town held.";
    let doc = document(
        vec![entity(
            text,
            "ann",
            EntityKind::Person,
            Some(Gender::Female),
            &[(0, 3)],
        )],
        vec![quote(9, text.len() - 1, Some((Some("ann"), "ann")))],
    );
    let parsed = render(text, &doc);
    assert_eq!(
        spans(&parsed, "mark", "ws-q"),
        [
            find(text, "the river rose"),
            find(text, "and the town held")
        ]
    );
    assert_eq!(elements(&parsed, "small", "ws-who").len(), 1);
    assert_eq!(legend(&parsed), ["ann 1 quote, female"]);
}

#[test]
fn mentions_nest_in_quotes_and_those_crossing_a_quote_edge_are_skipped() {
    let text = "Ann Lee said Bob Ray will win.";
    let doc = document(
        vec![
            // Crosses the quote's start.
            entity(
                text,
                "lee",
                EntityKind::Person,
                None,
                &[find(text, "Lee said Bob")],
            ),
            entity(
                text,
                "bob",
                EntityKind::Person,
                None,
                &[find(text, "Bob Ray")],
            ),
        ],
        vec![quote(find(text, "said").1 + 1, text.len() - 1, None)],
    );
    let parsed = render(text, &doc);
    assert_eq!(spans(&parsed, "span", "ws-e"), [find(text, "Bob Ray")]);
    assert_eq!(
        spans(&parsed, "mark", "ws-q"),
        [find(text, "Bob Ray will win")]
    );
    // The label opens the mark, before the mention at the same offset.
    let html = doc.render_html(text);
    assert!(
        html.contains("<small class=\"ws-who\">no speaker</small><span class=\"ws-e ws-person\""),
        "{html}"
    );
}

#[test]
fn spans_that_do_not_fit_the_text_are_skipped() {
    let text = "Émile said no.";
    let mut q = quote(1, 4, None); // inside "É"
    q.parts = vec![
        blank::part(8, 3, ""),   // reversed
        blank::part(11, 99, ""), // past the end
    ];
    (q.cue_start, q.cue_end) = (Some(usize::MAX - 1), Some(usize::MAX));
    let doc = document(
        vec![entity(
            text,
            "e",
            EntityKind::Person,
            None,
            &[(0, 1), (7, 2), (0, 1000)],
        )],
        vec![q, quote(usize::MAX, 0, None)],
    );
    let parsed = render(text, &doc);
    for (tag, class) in [("mark", "ws-q"), ("u", "ws-cue"), ("span", "ws-e")] {
        assert_eq!(spans(&parsed, tag, class), Vec::new(), "{tag}");
    }
    // The legend still counts them: it describes the document.
    assert_eq!(legend(&parsed), ["no speaker 2 quotes, unknown"]);
    // Another article altogether.
    let seed = Extractor::new().extract(include_str!("fixtures/seed-article.txt"));
    assert_html(text, &seed.render_html(text));
}

#[test]
fn colours_follow_the_first_quotes_and_repeat_after_eight() {
    let text: String = (0..11).map(|i| format!("Q{i:02}. ")).collect();
    let speakers = [
        Some((Some("p0"), "P0")),
        None,
        Some((None, "a spokesman")),
        Some((Some("p0"), "P0")),
        Some((Some("p3"), "P3")),
        Some((Some("p4"), "P4")),
        Some((Some("p5"), "P5")),
        Some((Some("p6"), "P6")),
        Some((Some("p7"), "P7")),
        Some((Some("p8"), "P8")),
        Some((Some("p9"), "P9")),
    ];
    let doc = document(
        vec![entity(
            &text,
            "p3",
            EntityKind::Person,
            Some(Gender::Other),
            &[],
        )],
        speakers
            .iter()
            .enumerate()
            .map(|(i, &who)| quote(i * 5, i * 5 + 3, who))
            .collect(),
    );
    let parsed = render(&text, &doc);
    let colours: Vec<String> = elements(&parsed, "mark", "ws-q")
        .iter()
        .map(|m| m.class.rsplit(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(
        colours,
        [
            "ws-c0", "ws-cn", "ws-c1", "ws-c0", "ws-c2", "ws-c3", "ws-c4", "ws-c5", "ws-c6",
            "ws-c7", "ws-c0"
        ]
    );
    let rows = legend(&parsed);
    assert_eq!(
        rows[..4],
        [
            "P0 2 quotes, unknown",
            "no speaker 1 quote, unknown",
            "a spokesman 1 quote, unknown",
            "P3 1 quote, other",
        ]
    );
    assert_eq!(rows.len(), 10);
    assert_eq!(doc.render_html(&text), doc.render_html(&text));
}

#[test]
fn an_empty_article_is_a_legend_and_nothing_else() {
    let parsed = render("", &Document::default());
    assert_eq!(parsed.article, "");
    assert_eq!(legend(&parsed), ["No quotes found."]);
    let page = Document::default().render_html_page("", "");
    assert!(page.contains("<title></title>"));
}

// ---------------------------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------------------------

/// Each promise the property tests check rejects an output that breaks it.
#[test]
fn the_checker_rejects_broken_output() {
    let text = "A <b> & c";
    let good = "<div class=\"whosaid\"><style>.x{}</style><aside><small>legend</small></aside>\
                <p class=\"ws-p\" title=\"&quot;\">A &lt;b&gt; <span>&amp;</span> c</p></div>";
    assert_eq!(html_violation(text, good), None);
    for (bad, why) in [
        (
            good.replace("<span>", "<script>")
                .replace("</span>", "</script>"),
            "a tag not written",
        ),
        (good.replace("</span>", ""), "closes"),
        (good.replace("</p></div>", "</div></p>"), "closes"),
        (good.replace("</div>", ""), "unclosed tags"),
        (format!("{good}<div></div>"), "a second root"),
        (format!("{good} "), "text outside"),
        (good.replace("&lt;b&gt;", "&lt;b>"), "a raw '>'"),
        (good.replace("&amp;", "&"), "a raw &"),
        (good.replace("&amp;", "&nbsp;"), "an unknown entity"),
        (
            good.replace("title=", "onclick="),
            "an unexpected attribute",
        ),
        (good.replace("&quot;\"", "\"\""), "a malformed attribute"),
        (good.replace(" c</p>", " cc</p>"), "not given back"),
        (good.replace(" c</p>", "</p>"), "not given back"),
        (
            good.replace("<span>&amp;</span>", "<small>&amp;</small>"),
            "not given back",
        ),
        (good.replace(".x{}", ".x{}<"), "inside <style>"),
    ] {
        let got = html_violation(text, &bad);
        assert!(
            got.as_deref().is_some_and(|v| v.contains(why)),
            "{bad}: got {got:?}, want {why:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The `html` example
// ---------------------------------------------------------------------------------------------

/// Runs `examples/html` (built with the same cargo, target directory and profile as this test,
/// as `tests/extract_cli.rs` does for `extract`) with `args` and `stdin`.
fn run_example(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::path::Path;
    use std::process::{Command, Stdio};

    let exe = std::env::current_exe().expect("the test binary's path");
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .expect("the profile directory");
    let target = profile.parent().expect("the target directory");
    let mut build = Command::new(option_env!("CARGO").unwrap_or("cargo"));
    build
        .args(["build", "--quiet", "--example", "html", "--manifest-path"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target);
    if profile.file_name().is_some_and(|n| n == "release") {
        build.arg("--release");
    }
    assert!(
        build.status().expect("cargo runs").success(),
        "cargo build --example html"
    );
    let bin = profile
        .join("examples")
        .join(format!("html{}", std::env::consts::EXE_SUFFIX));
    let mut child = Command::new(bin)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let mut input = child.stdin.take().expect("stdin");
    // The example may exit before reading (a bad argument): a broken pipe is no failure here.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("the example ends")
}

#[test]
fn the_example_prints_a_page_and_one_line_errors() {
    let text = include_str!("fixtures/seed-article.txt");
    let out = run_example(&["tests/fixtures/seed-article.txt"], b"");
    assert!(out.status.success(), "{out:?}");
    let page = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(
        page,
        Extractor::new()
            .extract(text)
            .render_html_page(text, "tests/fixtures/seed-article.txt")
    );

    let out = run_example(&["-"], "A <b> said \u{201c}x\u{201d}.".as_bytes());
    assert!(out.status.success(), "{out:?}");
    let page = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(page.contains("<title>stdin</title>") && page.contains(">A &lt;b&gt; "));

    for args in [
        &["no/such/file.txt"][..],
        &[],
        &["a.txt", "b.txt"],
        &["tests"],
    ] {
        let out = run_example(args, b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            err.starts_with("html: ") && err.ends_with('\n'),
            "{args:?}: {err:?}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: {err:?}");
    }
}
