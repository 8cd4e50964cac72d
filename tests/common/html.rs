//! What `Document::render_html` promises about its output for any text and any document,
//! checked in one place for `tests/html.rs` and the property tests in `tests/properties.rs`
//! (both include this file by path).
//!
//! The check scans the output for `<`: every tag must be one the renderer writes, with only the
//! attributes it writes, and the tags must balance into one root element. The text between the
//! tags, once the content of the elements that are not the article's (the style sheet, the
//! legend, the speakers' labels) is left out and the five entities are unescaped, must be the
//! article exactly: nothing lost, nothing duplicated, nothing reordered.

// Each including crate uses its own part: the property tests only the verdict.
#![allow(dead_code)]

/// The tags the renderer writes.
pub const TAGS: &[&str] = &[
    "div", "style", "aside", "ul", "li", "span", "p", "mark", "small", "u",
];

/// The tags whose content is not the article's: the style sheet, the legend and the labels.
pub const NOT_ARTICLE: &[&str] = &["style", "aside", "small"];

/// The attributes the renderer writes.
pub const ATTRIBUTES: &[&str] = &["class", "title"];

/// The entities the renderer writes, and the characters they stand for.
const ENTITIES: &[(&str, char)] = &[
    ("&amp;", '&'),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
];

/// Unescapes `s` onto `out`, or says what in it is not escaped as the renderer escapes: a raw
/// `>`, `"` or `'`, or an `&` that starts none of the five entities. (A raw `<` never gets
/// here: the scanner takes it for a tag.)
fn unescape(s: &str, out: &mut String) -> Result<(), String> {
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        match c {
            '&' => match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
                Some((e, c)) => {
                    out.push(*c);
                    rest = &rest[e.len()..];
                    continue;
                }
                None => return Err(format!("an unknown entity or a raw & at {rest:.20?}")),
            },
            '>' | '"' | '\'' => return Err(format!("a raw {c:?} at {rest:.20?}")),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    Ok(())
}

/// One element of the output: its tag, its `class` and `title`, the span of the article it
/// covers (byte offsets into the text given back), and all the text inside it, unescaped,
/// whether the article's or not (a label's name, a legend row).
#[derive(Clone, Debug, Default)]
pub struct Element {
    pub tag: String,
    pub class: String,
    pub title: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Element {
    /// Whether `class` is one of the element's classes.
    pub fn has_class(&self, class: &str) -> bool {
        self.class.split(' ').any(|c| c == class)
    }
}

/// The output read back: the article's text and every element but the `<style>`, in the order
/// they open.
#[derive(Debug, Default)]
pub struct Parsed {
    pub article: String,
    pub elements: Vec<Element>,
}

/// Reads the renderer's output back, or says how it is not what the renderer promises to
/// write: an unknown tag or attribute, unbalanced tags, more than one root, text left
/// unescaped.
pub fn parse(html: &str) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    // The open elements, as indices into `parsed.elements`.
    let mut stack: Vec<usize> = Vec::new();
    // How many elements whose content is not the article's are open.
    let mut hidden = 0;
    let mut rest = html;
    let mut closed_root = false;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let (between, after) = rest.split_at(lt);
        if !between.is_empty() {
            let Some(&innermost) = stack.last() else {
                return Err(format!("text outside the root element: {between:.40?}"));
            };
            let mut plain = String::new();
            if let Err(e) = unescape(between, &mut plain) {
                let tag = &parsed.elements[innermost].tag;
                return Err(format!("inside <{tag}>: {e}"));
            }
            for &open in &stack {
                parsed.elements[open].text.push_str(&plain);
            }
            if hidden == 0 {
                parsed.article.push_str(&plain);
            }
        }
        if after.is_empty() {
            break;
        }
        if closed_root {
            return Err(format!("a second root element: {after:.40?}"));
        }
        let Some(gt) = after.find('>') else {
            return Err(format!("a '<' that opens no tag: {after:.40?}"));
        };
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if parsed.elements[open].tag == name => {
                    parsed.elements[open].end = parsed.article.len();
                }
                other => {
                    let open = other.map(|i| &parsed.elements[i].tag);
                    return Err(format!("</{name}> closes {open:?}"));
                }
            }
            if NOT_ARTICLE.contains(&name) {
                hidden -= 1;
            }
            closed_root = stack.is_empty();
            continue;
        }
        let name_end = tag.find(' ').unwrap_or(tag.len());
        let name = &tag[..name_end];
        if !TAGS.contains(&name) {
            return Err(format!("a tag not written by the renderer: <{tag:.40}>"));
        }
        if stack.is_empty() && name != "div" {
            return Err(format!("the root is <{name}>, not a <div>"));
        }
        let mut element = Element {
            tag: name.to_string(),
            start: parsed.article.len(),
            ..Element::default()
        };
        // Attributes: ` name="value"`, the value escaped as text is.
        let mut attrs = &tag[name_end..];
        while !attrs.is_empty() {
            let Some(eq) = attrs.find("=\"") else {
                return Err(format!("a malformed attribute in <{tag:.60}>"));
            };
            let attr = &attrs[..eq];
            if !attr.starts_with(' ') || !ATTRIBUTES.contains(&&attr[1..]) {
                return Err(format!("an unexpected attribute {attr:?} in <{tag:.60}>"));
            }
            let value_and_rest = &attrs[eq + 2..];
            let Some(quote) = value_and_rest.find('"') else {
                return Err(format!("an unclosed attribute value in <{tag:.60}>"));
            };
            let mut value = String::new();
            if let Err(e) = unescape(&value_and_rest[..quote], &mut value) {
                return Err(format!("in attribute {attr:?}: {e}"));
            }
            match &attr[1..] {
                "class" => element.class = value,
                _ => element.title = value,
            }
            attrs = &value_and_rest[quote + 1..];
        }
        if name == "style" {
            // The style sheet is the renderer's own: raw text up to its closing tag, which no
            // `<` comes before.
            let Some(end) = rest.find("</style>") else {
                return Err("an unclosed <style>".to_string());
            };
            if rest[..end].contains('<') {
                return Err("a '<' inside <style>".to_string());
            }
            rest = &rest[end + "</style>".len()..];
            continue;
        }
        stack.push(parsed.elements.len());
        parsed.elements.push(element);
        if NOT_ARTICLE.contains(&name) {
            hidden += 1;
        }
    }
    if !stack.is_empty() {
        let open: Vec<&str> = stack
            .iter()
            .map(|&i| parsed.elements[i].tag.as_str())
            .collect();
        return Err(format!("unclosed tags at the end: {open:?}"));
    }
    Ok(parsed)
}

/// The first promise `html` (rendered from `text`) breaks, if any: what [`parse`] rejects, or
/// an article's text that is not `text`.
pub fn html_violation(text: &str, html: &str) -> Option<String> {
    let article = match parse(html) {
        Ok(parsed) => parsed.article,
        Err(e) => return Some(e),
    };
    if article != text {
        let common = article
            .char_indices()
            .zip(text.chars())
            .find(|((_, a), b)| a != b)
            .map_or(article.len().min(text.len()), |((i, _), _)| i);
        return Some(format!(
            "the article's text is not given back: it differs from byte {common} \
             (got {:.40?}, want {:.40?})",
            &article[common..],
            text.get(common..).unwrap_or("")
        ));
    }
    None
}

/// Panics with the first promise `html` breaks.
pub fn assert_html(text: &str, html: &str) {
    if let Some(violation) = html_violation(text, html) {
        panic!("{violation}\ninput: {text:?}\noutput: {html}");
    }
}
