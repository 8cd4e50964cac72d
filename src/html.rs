//! An HTML view of a [`Document`] over its article: paragraphs, quotes highlighted in their
//! speaker's colour, cues underlined, entity mentions marked by kind, and a legend of speakers.
//!
//! Everything is laid out as spans over the text, in four layers from the outside in:
//! paragraphs, quote pieces, cues, mentions. A layer's spans are kept only where they nest in
//! the outer layers' (a quote piece is cut at paragraph breaks; a cue or mention that crosses a
//! quote's edge is skipped), and within a layer where they nest or stay apart, so the tags
//! written from them always balance. The text between the tags is the article, escaped, each
//! byte written once.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::document::{Document, Entity, QuoteKind};
use crate::gazetteer::{EntityKind, Gender};
use crate::sentence;
use crate::span::Span;

/// How many speaker colours there are before they repeat: `ws-c0` to `ws-c7` in [`STYLE`].
const PALETTE: usize = 8;

/// The fragment's style sheet. Every rule is scoped under `.whosaid`, so the fragment can sit in
/// any page without restyling it; only system font families, nothing fetched. Each colour class
/// sets a light tint (`--ws-bg`, a quote's background) and a strong shade (`--ws-fg`, its
/// label and its cue's underline); `ws-cn` is the grey of quotes with no speaker. The eight
/// hues (blue, orange, green, pink, yellow, purple, red, brown) were picked side by side in
/// Chromium to stay apart as light tints (a sky blue, a vermilion and a teal tried first were
/// too close to the blue, the orange and the green); each strong shade is dark enough for white
/// label text. The labels, not the
/// tints, are what tells speakers apart for readers who cannot see the hues.
const STYLE: &str = "\
.whosaid{font:17px/1.8 Georgia,'DejaVu Serif',serif;color:#1b1b1b;max-width:46em;margin:0 auto;padding:1em 1.25em}\
.whosaid .ws-c0{--ws-bg:#d4e6f9;--ws-fg:#0b5ea8}\
.whosaid .ws-c1{--ws-bg:#fde2c4;--ws-fg:#a85400}\
.whosaid .ws-c2{--ws-bg:#cdeedd;--ws-fg:#00704f}\
.whosaid .ws-c3{--ws-bg:#f7d6e6;--ws-fg:#a3336d}\
.whosaid .ws-c4{--ws-bg:#f6eeb4;--ws-fg:#6e6100}\
.whosaid .ws-c5{--ws-bg:#e3daf4;--ws-fg:#5b3d99}\
.whosaid .ws-c6{--ws-bg:#fbd3cf;--ws-fg:#b3261e}\
.whosaid .ws-c7{--ws-bg:#eadbc8;--ws-fg:#7a5324}\
.whosaid .ws-cn{--ws-bg:#dedede;--ws-fg:#666}\
.whosaid .ws-p{margin:0 0 .85em}\
.whosaid .ws-headline{font-size:1.3em;font-weight:bold;line-height:1.45}\
.whosaid mark.ws-q{background:var(--ws-bg);color:inherit;padding:.1em .15em;border-radius:3px;-webkit-box-decoration-break:clone;box-decoration-break:clone}\
.whosaid mark.ws-indirect{background:color-mix(in srgb,var(--ws-bg) 65%,#fff)}\
.whosaid .ws-who{font:600 11px/1.5 system-ui,'DejaVu Sans',sans-serif;color:#fff;background:var(--ws-fg);border-radius:3px;padding:0 .45em;margin:0 .35em 0 0;vertical-align:.2em;white-space:nowrap;-webkit-user-select:none;user-select:none}\
.whosaid u.ws-cue{text-decoration:underline 2px;text-decoration-color:var(--ws-fg);text-underline-offset:3px}\
.whosaid .ws-e{border-bottom:1px solid;border-color:inherit}\
.whosaid .ws-person{color:#1f4aa0;border-color:#9db3dc}\
.whosaid .ws-organization{color:#1d6b34;border-color:#9cc7a6}\
.whosaid .ws-location{color:#8a4a12;border-color:#d4b08f}\
.whosaid .ws-nationality{color:#70309a;border-color:#c5a6db}\
.whosaid .ws-legend{font:14px/1.6 system-ui,'DejaVu Sans',sans-serif;border:1px solid #ddd;border-radius:6px;background:#fafafa;padding:.6em .9em;margin:0 0 1.4em}\
.whosaid .ws-legend ul{list-style:none;margin:0;padding:0}\
.whosaid .ws-speakers li{margin:.15em 0}\
.whosaid .ws-swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;background:var(--ws-bg);border:2px solid var(--ws-fg);vertical-align:-.1em;margin-right:.5em}\
.whosaid .ws-name{font-weight:600}\
.whosaid .ws-count{color:#555}\
.whosaid ul.ws-key{margin-top:.5em;padding-top:.4em;border-top:1px solid #e4e4e4;color:#444}\
.whosaid .ws-key li{display:inline-block;margin-right:1.2em}\
";

/// The tag a laid-out span is written as, outermost layer first.
#[derive(Clone, Copy, Debug)]
enum Tag {
    /// A paragraph (a line of the article, as the extractor reads it); the first is the
    /// headline.
    Paragraph { headline: bool },
    /// A piece of quote `quote` (its span, or one of its parts, within one paragraph), with the
    /// speaker's label when it is the quote's first piece shown.
    Quote { quote: usize, label: bool },
    /// The cue of quote `quote`.
    Cue { quote: usize },
    /// A mention of entity `entity`.
    Mention { entity: usize },
}

impl Tag {
    /// The layer, 0 outermost: at the same span, an outer layer's tag opens first.
    fn layer(self) -> u8 {
        match self {
            Tag::Paragraph { .. } => 0,
            Tag::Quote { .. } => 1,
            Tag::Cue { .. } => 2,
            Tag::Mention { .. } => 3,
        }
    }

    fn close(self) -> &'static str {
        match self {
            Tag::Paragraph { .. } => "</p>",
            Tag::Quote { .. } => "</mark>",
            Tag::Cue { .. } => "</u>",
            Tag::Mention { .. } => "</span>",
        }
    }
}

/// A span of the text and the tag that marks it.
#[derive(Clone, Copy, Debug)]
struct Item {
    start: usize,
    end: usize,
    tag: Tag,
}

/// Who said a quote, as the legend groups quotes.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Who<'d> {
    /// A speaker resolved to an entity, by its id.
    Entity(&'d str),
    /// A speaker named or described but not linked to an entity, by those words.
    Named(&'d str),
    /// No speaker.
    Nobody,
}

/// One row of the legend: a speaker, their colour, their quotes and gender.
struct Row<'d> {
    name: &'d str,
    /// The palette index, or `None` for the grey of quotes with no speaker.
    colour: Option<usize>,
    quotes: usize,
    gender: Option<Gender>,
}

/// The legend's rows in order of first quote, and each quote's row.
struct Speakers<'d> {
    rows: Vec<Row<'d>>,
    of_quote: Vec<usize>,
}

impl Document {
    /// Renders `text` (the article this document was extracted from) as a self-contained HTML
    /// fragment: a `<div class="whosaid">` holding its own `<style>` (every rule scoped under
    /// `.whosaid`; no script, nothing fetched, system fonts only), a legend, and the article.
    ///
    /// - **Paragraphs** are the article's non-blank lines, as the extractor reads them (so
    ///   blank lines separate paragraphs too), each a `<p class="ws-p">`; the first, usually the
    ///   headline, also has the class `ws-headline`.
    /// - **Quotes** are `<mark class="ws-q ws-KIND ws-cN">` in the speaker's colour, with the
    ///   speaker's name in a small label (`<small class="ws-who">`) at the start of its first
    ///   piece. A quote in several [`parts`](crate::Quote::parts) is marked part by part, not
    ///   the attribution between them; a quote over a paragraph break is cut there. Hovering
    ///   shows speaker, kind, cue and confidence.
    /// - **Cues** are underlined (`<u class="ws-cue">`) in the speaker's colour.
    /// - **Mentions** are `<span class="ws-e ws-person">` (or `ws-organization`,
    ///   `ws-location`, `ws-nationality`), titled with the entity's canonical name, nested
    ///   inside the quotes.
    /// - **The legend** (`<aside class="ws-legend">`) lists the speakers in order of first
    ///   quote with their colour, number of quotes and gender ([`Entity::gender`] of the
    ///   speaker's entity, "unknown" without one); a speaker not linked to an entity is listed
    ///   by the words naming them, quotes without a speaker as "no speaker". Then a key to the
    ///   mention and cue styles.
    ///
    /// Colours come from a fixed palette of eight, given to speakers in order of their first
    /// quote and repeating after the eighth; quotes with no speaker are grey. The same document
    /// and text always give the same string.
    ///
    /// Everything taken from the article or the document (its text, names, cues) is escaped
    /// (`&`, `<`, `>`, `"`, `'`), in text and in attributes alike, so an article holding
    /// `<script>` shows it as text. The
    /// article's text is all there, once and in order: stripping the tags, the `<style>`, the
    /// legend and the labels, and unescaping, gives `text` back.
    ///
    /// Spans that do not fit `text` (out of range, reversed, off a char boundary: another
    /// article given by mistake) are skipped, and so are a cue or mention that crosses a
    /// quote's edge or a paragraph break, and a span that crosses another of its own layer;
    /// the tags always balance.
    ///
    /// ```
    /// let text = "“We will see,” Putin said.";
    /// let doc = whosaid::Extractor::new().extract(text);
    /// let html = doc.render_html(text);
    /// assert!(html.starts_with("<div class=\"whosaid\"><style>"));
    /// assert!(html.contains(
    ///     "<li><span class=\"ws-swatch ws-c0\"></span><span class=\"ws-name\">Vladimir Putin\
    ///      </span> <span class=\"ws-count\">1 quote, male</span></li>\n"
    /// ));
    /// assert!(html.ends_with(
    ///     "<p class=\"ws-p ws-headline\">“<mark class=\"ws-q ws-direct ws-c0\" \
    ///      title=\"Vladimir Putin · direct · said · 0.95\"><small class=\"ws-who\">Vladimir \
    ///      Putin</small>We will see,</mark>” <span class=\"ws-e ws-person\" title=\"Vladimir \
    ///      Putin\">Putin</span> <u class=\"ws-cue ws-c0\">said</u>.</p></div></div>"
    /// ));
    ///
    /// // The article's own markup is text.
    /// let text = "<script>alert(1)</script> & more";
    /// let html = whosaid::Extractor::new().extract(text).render_html(text);
    /// assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    /// assert!(!html.contains("<script"));
    /// ```
    ///
    /// # Panics
    ///
    /// Never, whatever the spans: those that do not fit `text` are skipped.
    ///
    /// # Performance
    ///
    /// One pass over the text after sorting the spans: O(n + s log s) for n bytes and s
    /// mentions, quote pieces and cues, with the output string allocated once at about its
    /// final size in the usual case. The style sheet adds about 2 KB to every fragment.
    pub fn render_html(&self, text: &str) -> String {
        let mut out = String::new();
        self.render_html_into(&mut out, text);
        out
    }

    /// Renders `text` and this document as a complete HTML page: `<!doctype html>`, UTF-8,
    /// `title` (escaped) as its title, and the fragment of [`Document::render_html`] as its
    /// body. What the `html` example prints.
    ///
    /// ```
    /// let text = "Putin said the talks would go on.";
    /// let doc = whosaid::Extractor::new().extract(text);
    /// let page = doc.render_html_page(text, "Talks <draft>");
    /// assert!(page.starts_with(
    ///     "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    /// ));
    /// assert!(page.contains("<title>Talks &lt;draft&gt;</title>"));
    /// assert!(page.contains(&doc.render_html(text)));
    /// assert!(page.ends_with("</body>\n</html>\n"));
    /// ```
    ///
    /// # Panics
    ///
    /// Never, as [`Document::render_html`].
    pub fn render_html_page(&self, text: &str, title: &str) -> String {
        let mut out = String::new();
        out.push_str(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        );
        escape_into(&mut out, title);
        out.push_str("</title>\n</head>\n<body>\n");
        self.render_html_into(&mut out, text);
        out.push_str("\n</body>\n</html>\n");
        out
    }

    fn render_html_into(&self, out: &mut String, text: &str) {
        let speakers = self.speakers();
        let items = self.layout(text);
        // The text, its markup at about 120 bytes a span, and the style sheet and legend.
        out.reserve(text.len() + items.len() * 120 + STYLE.len() + speakers.rows.len() * 150);
        out.push_str("<div class=\"whosaid\"><style>");
        out.push_str(STYLE);
        out.push_str("</style>");
        write_legend(out, &speakers.rows);
        out.push_str("<div class=\"ws-article\">");
        // Each item opens after the text before it and closes when the next item starts at or
        // past its end; the layout guarantees the stack discipline, which is checked again
        // here so that a mistake there skips a span rather than writing crossed tags.
        let mut stack: Vec<Item> = Vec::new();
        let mut at = 0;
        for item in items {
            while let Some(top) = stack.last().copied().filter(|top| top.end <= item.start) {
                escape_into(out, &text[at..top.end]);
                out.push_str(top.tag.close());
                at = top.end;
                stack.pop();
            }
            if stack.last().is_some_and(|top| item.end > top.end) {
                debug_assert!(false, "crossing spans survived the layout: {item:?}");
                continue;
            }
            escape_into(out, &text[at..item.start]);
            at = item.start;
            self.open(out, item.tag, &speakers);
            stack.push(item);
        }
        while let Some(top) = stack.pop() {
            escape_into(out, &text[at..top.end]);
            out.push_str(top.tag.close());
            at = top.end;
        }
        escape_into(out, &text[at..]);
        out.push_str("</div></div>");
    }

    /// The speakers in order of first quote, with their colours, counts and genders.
    fn speakers(&self) -> Speakers<'_> {
        let entities: HashMap<&str, &Entity> =
            self.entities.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut rows: Vec<Row<'_>> = Vec::new();
        let mut index: HashMap<Who<'_>, usize> = HashMap::new();
        let mut colours = 0;
        let of_quote = self
            .quotes
            .iter()
            .map(|q| {
                let who = match &q.speaker {
                    Some(s) => match &s.entity {
                        Some(id) => Who::Entity(id),
                        None => Who::Named(&s.name),
                    },
                    None => Who::Nobody,
                };
                let row = *index.entry(who).or_insert_with(|| {
                    let (name, colour, gender) = match (who, &q.speaker) {
                        (Who::Nobody, _) | (_, None) => ("no speaker", None, None),
                        (Who::Entity(id), Some(s)) => {
                            let gender = entities.get(id).and_then(|e| e.gender);
                            (s.name.as_str(), Some(colours % PALETTE), gender)
                        }
                        (Who::Named(_), Some(s)) => {
                            (s.name.as_str(), Some(colours % PALETTE), None)
                        }
                    };
                    colours += usize::from(colour.is_some());
                    rows.push(Row {
                        name,
                        colour,
                        quotes: 0,
                        gender,
                    });
                    rows.len() - 1
                });
                rows[row].quotes += 1;
                row
            })
            .collect();
        Speakers { rows, of_quote }
    }

    /// The spans to mark, sorted by start, longest (then outermost) first, nesting or apart.
    fn layout(&self, text: &str) -> Vec<Item> {
        let fits = |start: usize, end: usize| {
            start < end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
        };
        let mut paragraphs = Vec::new();
        sentence::paragraphs(text, &mut paragraphs);
        let mut items: Vec<Item> = paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Item {
                start: p.start(),
                end: p.end(),
                tag: Tag::Paragraph { headline: i == 0 },
            })
            .collect();

        // Quote pieces, cut at paragraph breaks: each lies in one paragraph.
        let mut pieces = Vec::new();
        for (qi, q) in self.quotes.iter().enumerate() {
            let spans: Vec<(usize, usize)> = if q.parts.is_empty() {
                vec![(q.start, q.end)]
            } else {
                q.parts.iter().map(|p| (p.start, p.end)).collect()
            };
            for (start, end) in spans {
                if !fits(start, end) {
                    continue;
                }
                let first = paragraphs.partition_point(|p| p.end() <= start);
                for p in paragraphs[first..].iter().take_while(|p| p.start() < end) {
                    let (start, end) = (start.max(p.start()), end.min(p.end()));
                    if start < end {
                        let tag = Tag::Quote {
                            quote: qi,
                            label: false,
                        };
                        pieces.push(Item { start, end, tag });
                    }
                }
            }
        }
        let mut pieces = keep_nested(pieces, &[], &paragraphs, false);
        // The label goes on each quote's first piece shown.
        let mut labelled = vec![false; self.quotes.len()];
        for piece in &mut pieces {
            if let Tag::Quote { quote, label } = &mut piece.tag {
                *label = !std::mem::replace(&mut labelled[*quote], true);
            }
        }

        let mut cuts: Vec<usize> = pieces.iter().flat_map(|p| [p.start, p.end]).collect();
        cuts.sort_unstable();
        let cues = self
            .quotes
            .iter()
            .enumerate()
            .filter_map(|(qi, q)| match (q.cue_start, q.cue_end) {
                (Some(start), Some(end)) if fits(start, end) => Some(Item {
                    start,
                    end,
                    tag: Tag::Cue { quote: qi },
                }),
                _ => None,
            })
            .collect();
        let cues = keep_nested(cues, &cuts, &paragraphs, true);

        cuts.extend(cues.iter().flat_map(|c| [c.start, c.end]));
        cuts.sort_unstable();
        let mentions = self
            .entities
            .iter()
            .enumerate()
            .flat_map(|(ei, e)| {
                e.mentions
                    .iter()
                    .filter(|m| fits(m.start, m.end))
                    .map(move |m| Item {
                        start: m.start,
                        end: m.end,
                        tag: Tag::Mention { entity: ei },
                    })
            })
            .collect();
        let mentions = keep_nested(mentions, &cuts, &paragraphs, true);

        items.extend(pieces);
        items.extend(cues);
        items.extend(mentions);
        // Stable, so equal spans of one layer keep the order they were kept in.
        items.sort_by_key(|i| (i.start, std::cmp::Reverse(i.end), i.tag.layer()));
        items
    }

    /// Writes the opening tag of `tag` (and a quote's label).
    fn open(&self, out: &mut String, tag: Tag, speakers: &Speakers<'_>) {
        match tag {
            Tag::Paragraph { headline } => out.push_str(if headline {
                "<p class=\"ws-p ws-headline\">"
            } else {
                "<p class=\"ws-p\">"
            }),
            Tag::Quote { quote, label } => {
                let q = &self.quotes[quote];
                let row = &speakers.rows[speakers.of_quote[quote]];
                let kind = match q.kind {
                    QuoteKind::Direct => "direct",
                    QuoteKind::Mixed => "mixed",
                    QuoteKind::Indirect => "indirect",
                };
                out.push_str("<mark class=\"ws-q ws-");
                out.push_str(kind);
                out.push(' ');
                push_colour(out, row.colour);
                out.push_str("\" title=\"");
                escape_into(out, row.name);
                out.push_str(" · ");
                out.push_str(kind);
                out.push_str(" · ");
                escape_into(out, q.cue.as_deref().unwrap_or("no cue"));
                // Confidence is a number the extractor makes, not text: nothing to escape.
                let _ = write!(out, " · {:.2}\">", q.confidence);
                if label {
                    out.push_str("<small class=\"ws-who\">");
                    escape_into(out, row.name);
                    out.push_str("</small>");
                }
            }
            Tag::Cue { quote } => {
                out.push_str("<u class=\"ws-cue ");
                push_colour(out, speakers.rows[speakers.of_quote[quote]].colour);
                out.push_str("\">");
            }
            Tag::Mention { entity } => {
                let e = &self.entities[entity];
                out.push_str("<span class=\"ws-e ws-");
                out.push_str(kind_name(e.kind));
                out.push_str("\" title=\"");
                escape_into(out, &e.name);
                out.push_str("\">");
            }
        }
    }
}

/// Keeps the candidates that lie within one paragraph, that no `cuts` offset (an outer layer's
/// tag) falls strictly inside, and that nest in or stay apart from the candidates kept before
/// them (by start, longest first); with `dedupe`, a span equal to one kept is dropped. Returns
/// them sorted by start, longest first.
fn keep_nested(
    mut candidates: Vec<Item>,
    cuts: &[usize],
    paragraphs: &[Span],
    dedupe: bool,
) -> Vec<Item> {
    candidates.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut kept: Vec<Item> = Vec::with_capacity(candidates.len());
    // The ends of the kept spans that contain the current start, innermost last.
    let mut open: Vec<usize> = Vec::new();
    for c in candidates {
        let para = paragraphs.partition_point(|p| p.end() <= c.start);
        if paragraphs
            .get(para)
            .map_or(true, |p| c.start < p.start() || p.end() < c.end)
        {
            continue;
        }
        let cut = cuts.partition_point(|&b| b <= c.start);
        if cuts.get(cut).is_some_and(|&b| b < c.end) {
            continue;
        }
        if dedupe
            && kept
                .last()
                .is_some_and(|k| (k.start, k.end) == (c.start, c.end))
        {
            continue;
        }
        while open.last().is_some_and(|&end| end <= c.start) {
            open.pop();
        }
        if open.last().is_some_and(|&end| c.end > end) {
            continue;
        }
        open.push(c.end);
        kept.push(c);
    }
    kept
}

/// Writes the legend: one row a speaker, then a key to the mention, cue and quote styles. Its
/// line breaks (inside the `<aside>`, so not between the article's own text) make the HTML
/// readable as source.
fn write_legend(out: &mut String, rows: &[Row<'_>]) {
    out.push_str("<aside class=\"ws-legend\">\n<ul class=\"ws-speakers\">\n");
    if rows.is_empty() {
        out.push_str("<li class=\"ws-count\">No quotes found.</li>\n");
    }
    for row in rows {
        out.push_str("<li><span class=\"ws-swatch ");
        push_colour(out, row.colour);
        out.push_str("\"></span><span class=\"ws-name\">");
        escape_into(out, row.name);
        let gender = match row.gender {
            Some(Gender::Female) => "female",
            Some(Gender::Male) => "male",
            Some(Gender::Other) => "other",
            None => "unknown",
        };
        let plural = if row.quotes == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "</span> <span class=\"ws-count\">{} quote{plural}, {gender}</span></li>",
            row.quotes
        );
    }
    out.push_str("</ul>\n<ul class=\"ws-key\">\n");
    for kind in [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Nationality,
    ] {
        let name = kind_name(kind);
        let _ = writeln!(out, "<li><span class=\"ws-e ws-{name}\">{name}</span></li>");
    }
    out.push_str(
        "<li><u class=\"ws-cue ws-cn\">cue</u></li>\n\
         <li><mark class=\"ws-q ws-direct ws-cn\">quote</mark></li>\n\
         <li><mark class=\"ws-q ws-indirect ws-cn\">reported speech</mark></li>\n</ul>\n</aside>",
    );
}

fn push_colour(out: &mut String, colour: Option<usize>) {
    match colour {
        Some(c) => {
            let _ = write!(out, "ws-c{c}");
        }
        None => out.push_str("ws-cn"),
    }
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Location => "location",
        EntityKind::Nationality => "nationality",
    }
}

/// Appends `s` with the five characters HTML gives a meaning to, in text or in a quoted
/// attribute, written as entities. Written here rather than taken from a crate: five
/// replacements do not justify a runtime dependency.
fn escape_into(out: &mut String, s: &str) {
    let mut done = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // An ASCII byte is always a char boundary.
        out.push_str(&s[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&s[done..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_writes_the_five_entities() {
        let mut out = String::new();
        escape_into(&mut out, "a&b<c>d\"e'f é");
        assert_eq!(out, "a&amp;b&lt;c&gt;d&quot;e&#39;f é");
    }
}
