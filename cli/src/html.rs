//! `whosaid html`: a complete page for one article, its quotes marked with their speakers.
//!
//! The marked-up article is the library's job (`Document::render_html`, being written on
//! another branch); until it lands, [`render_html_fragment_stub`] stands in for it here, and
//! swapping it is one line in [`page`].

use std::path::PathBuf;

use whosaid::Document;

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
    out.write(&page(&title, &doc, &text))?;
    out.flush()
}

/// The whole page: the fragment in a document with a title and a charset.
fn page(title: &str, doc: &Document, text: &str) -> String {
    // When the library has it: `let body = doc.render_html(text);`
    let body = render_html_fragment_stub(doc, text);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        escape(title)
    )
}

/// STUB, to be replaced by `Document::render_html`: the article's paragraphs, escaped, and a
/// list of its quotes with their speakers. Nothing from the article reaches the page unescaped.
fn render_html_fragment_stub(doc: &Document, text: &str) -> String {
    let mut out = String::from("<article>\n");
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        out.push_str(&format!("<p>{}</p>\n", escape(paragraph.trim())));
    }
    out.push_str("</article>\n<ol class=\"quotes\">\n");
    for q in &doc.quotes {
        let who = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
        out.push_str(&format!(
            "<li><b>{}</b>: {}</li>\n",
            escape(who),
            escape(&q.text)
        ));
    }
    out.push_str("</ol>");
    out
}

/// Text made safe for HTML content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_escapes_the_article_and_its_title() {
        let text = "<script>alert(1)</script> “We will see,” Putin said.";
        let doc = whosaid::Extractor::new().extract(text);
        let html = page("a <b>.txt", &doc, text);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.ends_with("</html>\n"));
        assert!(!html.contains("<script>") && !html.contains("<b>."));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("<title>a &lt;b&gt;.txt</title>"));
    }
}
