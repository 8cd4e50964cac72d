//! `whosaid table`: who said what in an article, one quote a row (speaker, kind, cue,
//! confidence, the quote's start), then the quotes and distinct speakers by gender.

use std::path::PathBuf;

use whosaid::Document;

use crate::gender::gender_table;
use crate::{input, Common, Result, Stdout};

/// `whosaid table`.
#[derive(clap::Args)]
pub struct Args {
    /// Article files (plain UTF-8 text), or - for standard input; each gets its own tables,
    /// under a `==> FILE <==` heading when there are several
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// How much of a quote a row shows, in chars.
const QUOTE_CHARS: usize = 70;

pub fn run(common: &Common, args: &Args) -> Result<()> {
    let extractor = common.extractor()?;
    let mut out = Stdout::new();
    for (i, path) in args.files.iter().enumerate() {
        let text = input::read_text(path, common.lossy)?;
        let doc = extractor.extract(&text);
        if args.files.len() > 1 {
            let gap = if i == 0 { "" } else { "\n" };
            out.line(&format!("{gap}==> {} <==", input::name(path)))?;
        }
        out.write(&quote_table(&doc))?;
        out.line("")?;
        out.write(&gender_table(&doc))?;
    }
    out.flush()
}

/// One row a quote: speaker, kind, cue, confidence, and the quote's first chars on one line.
fn quote_table(doc: &Document) -> String {
    let mut out = format!(
        "{:<24} {:<9} {:<14} {:>5}  quote\n",
        "speaker", "kind", "cue", "conf"
    );
    for q in &doc.quotes {
        let speaker = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
        // The serde name ("direct"), which Debug gives in another case.
        let kind = format!("{:?}", q.kind).to_lowercase();
        let cue = q.cue.as_deref().unwrap_or("-");
        let mut quote: String = q.text.chars().take(QUOTE_CHARS).collect();
        if quote.len() < q.text.len() {
            quote.push('…');
        }
        out.push_str(&format!(
            "{:<24} {:<9} {:<14} {:>5.2}  {}\n",
            speaker,
            kind,
            cue,
            q.confidence,
            quote.replace('\n', " ")
        ));
    }
    out
}
