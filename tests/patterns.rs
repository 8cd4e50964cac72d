//! One table per attribution pattern of the design ("X said", "said X", "X, who emphasized
//! that", "according to X", "X said: …", a quote split around its attribution, a paragraph that
//! is only a quote), then the news conventions met on real articles, all on sentences written
//! for the purpose. Each row is a [`PatternTest`] written with `t!`: the text, then the one
//! quote expected in it, every expected field named.

use whosaid::{Extractor, QuoteKind};

use QuoteKind::{Direct, Indirect, Mixed};

/// One case: a text, and the one quote it must yield.
struct PatternTest {
    /// The line of the `t!` row, so that a failure names its row.
    line: u32,
    /// The input.
    text: &'static str,
    /// The quote's kind.
    kind: QuoteKind,
    /// The quote's content (`Quote::text`: for a quote in parts, their texts joined by one
    /// space); exactly one quote of the text must have it.
    quote: &'static str,
    /// The words of the attribution next to the cue (`Speaker::text`).
    speaker: Option<&'static str>,
    /// The entity id those words resolve to (`Speaker::entity`).
    entity: Option<&'static str>,
    /// The reporting verb group, or the colon or dash standing for one, as written.
    cue: Option<&'static str>,
}

/// A [`PatternTest`] row: the text, then every expected field by name, in this order.
macro_rules! t {
    ($text:expr, kind: $kind:expr, quote: $quote:expr,
     speaker: $speaker:expr, entity: $entity:expr, cue: $cue:expr $(,)?) => {
        PatternTest {
            line: line!(),
            text: $text,
            kind: $kind,
            quote: $quote,
            speaker: $speaker,
            entity: $entity,
            cue: $cue,
        }
    };
}

/// Runs every row; each must yield exactly one quote with that content and attribution.
fn check(tests: &[PatternTest]) {
    let extractor = Extractor::new();
    for test in tests {
        let row = format!("tests/patterns.rs:{}: {:?}", test.line, test.text);
        let doc = extractor.extract(test.text);
        let found: Vec<_> = doc.quotes.iter().filter(|q| q.text == test.quote).collect();
        assert_eq!(
            found.len(),
            1,
            "{row}: want quote {:?}, got {:#?}",
            test.quote,
            doc.quotes
        );
        let q = found[0];
        assert_eq!(q.kind, test.kind, "{row}: kind");
        if q.parts.is_empty() {
            assert_eq!(&test.text[q.start..q.end], test.quote, "{row}: span");
        } else {
            let parts: Vec<&str> = q.parts.iter().map(|p| &test.text[p.start..p.end]).collect();
            assert_eq!(parts.join(" "), test.quote, "{row}: parts");
        }
        assert_eq!(
            q.speaker.as_ref().map(|s| s.text.as_str()),
            test.speaker,
            "{row}: speaker"
        );
        assert_eq!(
            q.speaker.as_ref().and_then(|s| s.entity.as_deref()),
            test.entity,
            "{row}: entity"
        );
        assert_eq!(q.cue.as_deref(), test.cue, "{row}: cue");
    }
}

#[test]
fn quote_then_speaker_then_cue() {
    check(&[
        t!("“The bridge will reopen in May,” she said. Mayor Ana Ruiz smiled.",
            kind: Direct, quote: "The bridge will reopen in May,",
            speaker: Some("she"), entity: None, cue: Some("said")),
        t!("\"We are ready,\" Zelensky told reporters on Monday.",
            kind: Direct, quote: "We are ready,",
            speaker: Some("Zelensky"), entity: Some("volodymyr-zelensky"), cue: Some("told")),
        t!("\"Prices will fall,\" the bank's chief economist, Ruth Adler, said.",
            kind: Direct, quote: "Prices will fall,",
            speaker: Some("Ruth Adler"), entity: Some("ruth-adler"), cue: Some("said")),
    ]);
}

#[test]
fn quote_then_cue_then_speaker() {
    check(&[
        t!("“Nobody was hurt,” said Fire Chief Tom Brandt.",
            kind: Direct, quote: "Nobody was hurt,",
            speaker: Some("Tom Brandt"), entity: Some("tom-brandt"), cue: Some("said")),
        t!("\"It was a fair result,\" added coach Mia Laine, who joined in June.",
            kind: Direct, quote: "It was a fair result,",
            speaker: Some("Mia Laine"), entity: Some("mia-laine"), cue: Some("added")),
    ]);
}

#[test]
fn speaker_cue_colon_quote() {
    check(&[
        t!("Emmanuel Macron said: “Europe must defend itself.”",
            kind: Direct, quote: "Europe must defend itself.",
            speaker: Some("Emmanuel Macron"), entity: Some("emmanuel-macron"), cue: Some("said")),
        t!("The council's treasurer, Omar Haddad, told the meeting: \"We are out of money.\"",
            kind: Direct, quote: "We are out of money.",
            speaker: Some("Omar Haddad"), entity: Some("omar-haddad"), cue: Some("told")),
    ]);
}

#[test]
fn according_to() {
    check(&[
        t!("The plant will close in March, according to Nadia Petrova, a union official.",
            kind: Indirect, quote: "The plant will close in March",
            speaker: Some("Nadia Petrova"), entity: Some("nadia-petrova"), cue: Some("according to")),
        t!("According to the Kremlin, the talks will resume next week.",
            kind: Indirect, quote: "the talks will resume next week",
            speaker: Some("Kremlin"), entity: Some("kremlin"), cue: Some("According to")),
    ]);
}

#[test]
fn split_quote_around_its_attribution() {
    // One quote interrupted by its attribution: the span runs from the first piece to the
    // last, the pieces are listed, and the text is what was said.
    let text = "“We did not expect this,” Putin said, “but we will respond.”";
    let doc = Extractor::new().extract(text);
    assert_eq!(doc.quotes.len(), 1, "{:#?}", doc.quotes);
    let q = &doc.quotes[0];
    assert_eq!(q.kind, Direct);
    assert_eq!(q.text, "We did not expect this, but we will respond.");
    assert_eq!(
        &text[q.start..q.end],
        "We did not expect this,” Putin said, “but we will respond."
    );
    let parts: Vec<&str> = q.parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(parts, ["We did not expect this,", "but we will respond."]);
    for p in &q.parts {
        assert_eq!(&text[p.start..p.end], p.text);
    }
    assert_eq!(
        q.speaker.as_ref().and_then(|s| s.entity.as_deref()),
        Some("vladimir-putin")
    );
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn relative_clause_and_apposition() {
    check(&[
        t!("The plan was criticised by Sergei Lavrov, who emphasized that talks must begin slowly.",
            kind: Indirect, quote: "talks must begin slowly",
            speaker: Some("who"), entity: Some("sergei-lavrov"), cue: Some("emphasized")),
        t!("Hugh Hill, a doctor at the county hospital, said the ward would stay open.",
            kind: Indirect, quote: "the ward would stay open",
            speaker: Some("Hugh Hill"), entity: Some("hugh-hill"), cue: Some("said")),
    ]);
}

#[test]
fn pronoun_speaker() {
    check(&[
        t!("Donald Trump met aides on Friday. He said that the deal was close.",
            kind: Indirect, quote: "the deal was close",
            speaker: Some("He"), entity: Some("donald-trump"), cue: Some("said")),
        t!("Ursula von der Leyen spoke after Trump. “We stand united,” she said.",
            kind: Direct, quote: "We stand united,",
            speaker: Some("she"), entity: Some("ursula-von-der-leyen"), cue: Some("said")),
    ]);
}

#[test]
fn title_noun_speaker() {
    check(&[
        t!("Vladimir Putin arrived late. The Russian president said that the West had lied.",
            kind: Indirect, quote: "the West had lied",
            speaker: Some("Russian president"), entity: Some("vladimir-putin"), cue: Some("said")),
        t!("Deputy Mayor Lena Ortiz opened the session. The deputy mayor said the budget was balanced.",
            kind: Indirect, quote: "the budget was balanced",
            speaker: Some("The deputy mayor"), entity: Some("lena-ortiz"), cue: Some("said")),
        // Two people with a role each, and one of them named again in between: each role
        // stays with its own person.
        t!("Fire Chief Ana Cole met Deputy Mayor Lena Ortiz. Ortiz spoke first. The fire chief said the station would close.",
            kind: Indirect, quote: "the station would close",
            speaker: Some("The fire chief"), entity: Some("ana-cole"), cue: Some("said")),
        t!("Fire Chief Ana Cole met Deputy Mayor Lena Ortiz. Cole spoke first. The deputy mayor said the budget was balanced.",
            kind: Indirect, quote: "the budget was balanced",
            speaker: Some("The deputy mayor"), entity: Some("lena-ortiz"), cue: Some("said")),
    ]);
}

#[test]
fn organization_speaker() {
    check(&[
        t!("The Kremlin said in a statement that no meeting was planned.",
            kind: Indirect, quote: "no meeting was planned",
            speaker: Some("Kremlin"), entity: Some("kremlin"), cue: Some("said")),
        t!("“The vote is final,” NATO said.",
            kind: Direct, quote: "The vote is final,",
            speaker: Some("NATO"), entity: Some("nato"), cue: Some("said")),
    ]);
}

#[test]
fn quote_over_two_paragraphs() {
    // A paragraph continued by a reopened mark is a part of its own.
    check(&[
        t!("Mayor Jane Doe said: “The river rose faster than anyone expected.\n“We moved everyone out by midnight.”\nThe water fell later.",
            kind: Direct, quote: "The river rose faster than anyone expected. We moved everyone out by midnight.",
            speaker: Some("Jane Doe"), entity: Some("jane-doe"), cue: Some("said")),
        t!("“The levee held,” Mayor Jane Doe said. “Nobody expected it.\n\n\"We were lucky.\"",
            kind: Direct, quote: "The levee held, Nobody expected it. We were lucky.",
            speaker: Some("Jane Doe"), entity: Some("jane-doe"), cue: Some("said")),
    ]);
    let text = "Mayor Jane Doe said: “First paragraph.\n\n“Second paragraph.”";
    let q = &Extractor::new().extract(text).quotes[0];
    let parts: Vec<&str> = q.parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(parts, ["First paragraph.", "Second paragraph."]);
    assert_eq!((q.start, q.end), (q.parts[0].start, q.parts[1].end));
}

#[test]
fn mixed_quotes() {
    check(&[
        t!("French President Emmanuel Macron labeled Putin as a “predator” on Sunday.",
            kind: Mixed, quote: "Putin as a “predator” on Sunday",
            speaker: Some("Emmanuel Macron"), entity: Some("emmanuel-macron"), cue: Some("labeled")),
        t!("Trump said the plan was \"a total disaster\" for farmers.",
            kind: Mixed, quote: "the plan was \"a total disaster\" for farmers",
            speaker: Some("Trump"), entity: Some("donald-trump"), cue: Some("said")),
    ]);
}

#[test]
fn scare_quotes_are_not_quotes() {
    let extractor = Extractor::new();
    for text in [
        "The so-called “peace dividend” never arrived.",
        "Critics of the \"reassurance force\" met in Paris on Monday.",
        "She starred in “The Long Night” last year.",
    ] {
        let doc = extractor.extract(text);
        assert!(doc.quotes.is_empty(), "{text:?}: {:#?}", doc.quotes);
    }
}

#[test]
fn follow_on_paragraph_keeps_the_speaker() {
    let text = "“We will rebuild,” Zelensky said.\n“Every town will come back.”";
    check(&[t!(text,
        kind: Direct, quote: "We will rebuild, Every town will come back.",
        speaker: Some("Zelensky"), entity: Some("volodymyr-zelensky"), cue: Some("said"))]);
}

/// A sentence that ends inside a closing mark ends there: the next sentence's reported speech
/// is its own quote, not the attribution of the quote before it.
#[test]
fn a_sentence_ends_inside_its_closing_mark() {
    let mixed = "Jones called the vote \"a disgrace.\" Smith said the count was fair.";
    let curly = "Jones called the vote “a disgrace.” Smith said the count was fair.";
    let colon = "Jones said: \"It is over.\" Smith said the count was fair.";
    let outside = "Jones called the vote \"a disgrace\". Smith said the count was fair.";
    let according = "Jones said the vote was a “disgrace.” According to Smith, the count was fair.";
    let trailing = "Jones said the vote was a “disgrace.” The count was fair, Smith said.";
    check(&[
        t!(mixed,
            kind: Mixed, quote: "the vote \"a disgrace.\"",
            speaker: Some("Jones"), entity: None, cue: Some("called")),
        t!(mixed,
            kind: Indirect, quote: "the count was fair",
            speaker: Some("Smith"), entity: None, cue: Some("said")),
        t!(curly,
            kind: Mixed, quote: "the vote “a disgrace.”",
            speaker: Some("Jones"), entity: None, cue: Some("called")),
        t!(curly,
            kind: Indirect, quote: "the count was fair",
            speaker: Some("Smith"), entity: None, cue: Some("said")),
        t!(colon,
            kind: Direct, quote: "It is over.",
            speaker: Some("Jones"), entity: None, cue: Some("said")),
        t!(colon,
            kind: Indirect, quote: "the count was fair",
            speaker: Some("Smith"), entity: None, cue: Some("said")),
        t!(outside,
            kind: Mixed, quote: "the vote \"a disgrace\"",
            speaker: Some("Jones"), entity: None, cue: Some("called")),
        t!(outside,
            kind: Indirect, quote: "the count was fair",
            speaker: Some("Smith"), entity: None, cue: Some("said")),
        t!(according,
            kind: Indirect, quote: "the count was fair",
            speaker: Some("Smith"), entity: None, cue: Some("According to")),
        t!(trailing,
            kind: Indirect, quote: "The count was fair",
            speaker: Some("Smith"), entity: None, cue: Some("said")),
        // Words that are nothing but an attribution still attribute the quote before them.
        t!("“Is it over?” Smith asked the minister.",
            kind: Direct, quote: "Is it over?",
            speaker: Some("Smith"), entity: None, cue: Some("asked")),
        t!("\"We won.\" Smith said on Tuesday.",
            kind: Direct, quote: "We won.",
            speaker: Some("Smith"), entity: None, cue: Some("said")),
    ]);
}

/// A cue inside what another cue reports is part of that content, not a quote of its own;
/// a coordinated clause with its own subject is.
#[test]
fn no_cue_inside_reported_content_starts_a_quote() {
    let text = "Sorensen said she had told Okonkwo at halftime to be ready.";
    check(&[t!(text,
        kind: Indirect, quote: "she had told Okonkwo at halftime to be ready",
        speaker: Some("Sorensen"), entity: None, cue: Some("said"))]);
    let doc = Extractor::new().extract(text);
    assert_eq!(doc.quotes.len(), 1, "{:#?}", doc.quotes);
    check(&[
        t!("Mayor Ana Ruiz argued that the plan should wait, and officials from two towns said that they agreed.",
        kind: Indirect, quote: "they agreed",
        speaker: Some("officials from two towns"), entity: None, cue: Some("said")),
    ]);
}

/// A paragraph of nothing but a quote, after a paragraph whose speaker is known, is that
/// speaker's, with no cue: the speaker of the paragraph's last quote, or else the subject of
/// its last reporting verb.
#[test]
fn quote_paragraph_takes_the_previous_paragraphs_speaker() {
    check(&[
        // The first paragraph is itself Novak's indirect quote.
        t!("Novak says the union sees it differently.\n\n“Crews wait an hour at the door.”",
            kind: Direct, quote: "Crews wait an hour at the door.",
            speaker: Some("Novak"), entity: None, cue: None),
        // A reporting verb with no content of its own.
        t!("Novak responded on Tuesday.\n“Crews wait an hour at the door.”",
            kind: Direct, quote: "Crews wait an hour at the door.",
            speaker: Some("Novak"), entity: None, cue: None),
        // The paragraph's last speech act is Ruiz's, after Novak's quote.
        t!("Novak says the union sees it differently. Ruiz said she disagreed.\n“Crews wait an hour at the door.”",
            kind: Direct, quote: "Crews wait an hour at the door.",
            speaker: Some("Ruiz"), entity: None, cue: None),
        // Two quotes in the paragraph, and a gazetteer speaker.
        t!("Emmanuel Macron said the talks were over.\n\"Europe waited.\" \"Europe acted.\"",
            kind: Direct, quote: "Europe acted.",
            speaker: Some("Emmanuel Macron"), entity: Some("emmanuel-macron"), cue: None),
        // A chain: the paragraph before is a quote paragraph itself, continuing Novak's quote.
        t!("“We will wait,” Novak said.\n“Crews wait an hour.”\n“Nobody listens.”",
            kind: Direct, quote: "Nobody listens.",
            speaker: Some("Novak"), entity: None, cue: None),
        // No speech act before: the one person the paragraph is about, by name.
        t!("Margaret Oyelowo sat in the public gallery with her husband.\n\n\"I baked a thousand cakes for that roof.\"",
            kind: Direct, quote: "I baked a thousand cakes for that roof.",
            speaker: Some("Margaret Oyelowo"), entity: Some("margaret-oyelowo"), cue: None),
        // … or by a pronoun resolved to them.
        t!("Kamal Hussain has worked the quay for 30 years.\n\nHis father worked the same quay.\n\n“I am not against new cranes.”",
            kind: Direct, quote: "I am not against new cranes.",
            speaker: Some("His"), entity: Some("kamal-hussain"), cue: None),
    ]);
    // Below the attributions by a cue of their own.
    let text = "Emmanuel Macron said the talks were over.\n“Europe waited.”";
    let doc = Extractor::new().extract(text);
    assert_eq!(doc.quotes.len(), 2, "{:#?}", doc.quotes);
    assert!(doc.quotes[1].confidence < doc.quotes[0].confidence);
    assert!(
        (doc.quotes[1].confidence - 0.6).abs() < 1e-6,
        "{:#?}",
        doc.quotes
    );
}

#[test]
fn quote_paragraph_does_not_reach_past_the_paragraph_before() {
    let extractor = Extractor::new();
    for text in [
        // A headline between, even one naming its speaker.
        "Novak says the union sees it differently.\nUnion Says Crews Wait\n“Crews wait an hour at the door.”",
        "Novak says the union sees it differently.\nNovak: Crews Wait Too Long\n“Crews wait an hour at the door.”",
        // A paragraph with no speech act between.
        "Novak says the union sees it differently.\nThe station opened in May.\n“Crews wait an hour at the door.”",
        // Knowing and thinking are no speech acts.
        "Voters think the union is right.\n“Crews wait an hour at the door.”",
        // A paragraph about two people says not whose the quote is.
        "Ana Ruiz met Priya Natarajan at the hall on Monday.\n“Crews wait an hour at the door.”",
        // A title in marks ends no sentence.
        "Novak says the union sees it differently.\n“Crews wait an hour at the door”",
    ] {
        let doc = extractor.extract(text);
        let quoted = doc.quotes.iter().find(|q| q.text.starts_with("Crews wait"));
        assert!(quoted.is_none(), "{text:?}: {:#?}", doc.quotes);
    }
}

/// A quote after a colon is the subject's before the colon, however long the adverbial or
/// the person addressed between the cue and the colon.
#[test]
fn colon_quote_goes_to_the_subject_before_the_colon() {
    check(&[
        t!("The mayor told reporters on Friday: “We are ready.”",
            kind: Direct, quote: "We are ready.",
            speaker: Some("The mayor"), entity: None, cue: Some("told")),
        t!("Okafor said in a statement: “The club will appeal.”",
            kind: Direct, quote: "The club will appeal.",
            speaker: Some("Okafor"), entity: None, cue: Some("said")),
        t!("In a statement, the company said: \"We regret the error.\"",
            kind: Direct, quote: "We regret the error.",
            speaker: Some("the company"), entity: None, cue: Some("said")),
        t!("Okafor said in a brief statement released by her office on Friday: “The club will appeal.”",
            kind: Direct, quote: "The club will appeal.",
            speaker: Some("Okafor"), entity: None, cue: Some("said")),
        t!("The mayor told a crowd of supporters at the rally in Gary on Friday night: “We are ready.”",
            kind: Direct, quote: "We are ready.",
            speaker: Some("The mayor"), entity: None, cue: Some("told")),
        t!("The mayor, speaking to reporters on Friday, said: “We are ready.”",
            kind: Direct, quote: "We are ready.",
            speaker: Some("The mayor"), entity: None, cue: Some("said")),
        // A verb the lexicon lacks, before an adverbial.
        t!("Emmanuel Macron shouted at the crowd: “Europe must act.”",
            kind: Direct, quote: "Europe must act.",
            speaker: Some("Emmanuel Macron"), entity: Some("emmanuel-macron"), cue: Some("shouted")),
    ]);
}

/// News conventions met on real articles, each once fixed in the mechanism, written here as
/// sentences of our own.
#[test]
fn news_conventions() {
    check(&[
        // A title abbreviation keeps its dot and its name.
        t!("“It is over,” Ms. Ana Moore said.",
            kind: Direct, quote: "It is over,",
            speaker: Some("Ana Moore"), entity: Some("ana-moore"), cue: Some("said")),
        // A party tag between name and verb.
        t!("“We need the money,” Rep. Earl Blum (D-Ore.) said.",
            kind: Direct, quote: "We need the money,",
            speaker: Some("Earl Blum"), entity: Some("earl-blum"), cue: Some("said")),
        // Doubled typewriter marks.
        t!("''We will win,'' Mr. Tom Reyes said.",
            kind: Direct, quote: "We will win,",
            speaker: Some("Tom Reyes"), entity: Some("tom-reyes"), cue: Some("said")),
        // A dash attribution: the dash is the cue.
        t!("“The town deserves better.” ― Carla Mendes",
            kind: Direct, quote: "The town deserves better.",
            speaker: Some("Carla Mendes"), entity: Some("carla-mendes"), cue: Some("―")),
        // A headline naming its speaker before a colon.
        t!("Zelensky: Winter Will Not Break Ukraine",
            kind: Indirect, quote: "Winter Will Not Break Ukraine",
            speaker: Some("Zelensky"), entity: Some("volodymyr-zelensky"), cue: Some(":")),
        // A demand, and the verb group as the cue.
        t!("Bernie Sanders has called for a tax on every trade.",
            kind: Indirect, quote: "a tax on every trade",
            speaker: Some("Bernie Sanders"), entity: Some("bernie-sanders"), cue: Some("has called for")),
        // A verb the lexicon lacks, after a quote ending on a comma.
        t!("“France will always be France,” Macron retaliated.",
            kind: Direct, quote: "France will always be France,",
            speaker: Some("Macron"), entity: Some("emmanuel-macron"), cue: Some("retaliated")),
        // The attribution after the content.
        t!("Two members of the board dissented, the statement said.",
            kind: Indirect, quote: "Two members of the board dissented",
            speaker: Some("the statement"), entity: None, cue: Some("said")),
        // Content interrupted by its attribution is one quote.
        t!("The plan, Putin said, would cost too much.",
            kind: Indirect, quote: "The plan would cost too much",
            speaker: Some("Putin"), entity: Some("vladimir-putin"), cue: Some("said")),
        // A colon after a verb the lexicon lacks, or after a name alone.
        t!("Trump leaned in and boomed: “Let’s win in November.”",
            kind: Direct, quote: "Let’s win in November.",
            speaker: Some("Trump"), entity: Some("donald-trump"), cue: Some("boomed")),
        t!("Angela Merkel: “We will manage this.”",
            kind: Direct, quote: "We will manage this.",
            speaker: Some("Angela Merkel"), entity: Some("angela-merkel"), cue: Some(":")),
        // A participle shares the subject of its sentence.
        t!("Trump met the governors on Friday, saying the states would get more money.",
            kind: Indirect, quote: "the states would get more money",
            speaker: Some("Trump"), entity: Some("donald-trump"), cue: Some("saying")),
    ]);
}

#[test]
fn negated_and_passive_cues_report_nothing() {
    let extractor = Extractor::new();
    for text in [
        "Russia has not said who will represent it.",
        "The minister declined to comment on the report.",
        "He was told to leave the building.",
        "The battleground states could be decisive in November.",
    ] {
        let doc = extractor.extract(text);
        assert!(doc.quotes.is_empty(), "{text:?}: {:#?}", doc.quotes);
    }
}

#[test]
fn apostrophes_match_either_way() {
    let entry = r#"{"id": "beto-orourke", "kind": "person", "name": "Beto O'Rourke"}"#;
    let extractor = Extractor::builder()
        .gazetteer_str("t", entry)
        .unwrap()
        .build()
        .unwrap();
    for text in ["Beto O'Rourke spoke.", "Beto O\u{2019}Rourke spoke."] {
        let doc = extractor.extract(text);
        assert_eq!(
            doc.entities.first().map(|e| e.id.as_str()),
            Some("beto-orourke"),
            "{text}"
        );
    }
}
