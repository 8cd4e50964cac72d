//! `whosaid html`: a complete page for one article, its quotes marked with their speakers.
//!
//! The page is the library's (`Document::render_html_page`): the command only reads the
//! article, extracts it and names the page after the file.

use std::path::PathBuf;

use crate::{input, Common, Result, Stdout};

/// `whosaid html`.
#[derive(clap::Args)]
pub struct Args {
    /// The article (plain UTF-8 text), or - for standard input
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

pub fn run(common: &Common, args: &Args) -> Result<()> {
    let extractor = common.extractor()?;
    let text = input::read_text(&args.file, common.lossy)?;
    let doc = extractor.extract(&text);
    let title = match input::is_stdin(&args.file) {
        true => "whosaid".to_string(),
        false => format!("whosaid: {}", input::name(&args.file)),
    };
    let mut out = Stdout::new();
    out.write(&doc.render_html_page(&text, &title))?;
    out.flush()
}
