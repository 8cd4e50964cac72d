//! Reading inputs: a file or `-` for standard input, whole (an article) or as JSON Lines, and
//! the one rule for bytes that are not UTF-8: an error naming the input and the byte offset of
//! the first bad byte, or with `--lossy` the bad bytes replaced by U+FFFD and a warning.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::Result;

/// Whether the path means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How an input is named in messages: its path, or `stdin`.
pub fn name(path: &Path) -> String {
    if is_stdin(path) {
        "stdin".to_string()
    } else {
        path.display().to_string()
    }
}

/// Opens a file, or standard input for `-`, buffered.
pub fn open(path: &Path) -> Result<Box<dyn BufRead + Send>> {
    if is_stdin(path) {
        return Ok(Box::new(BufReader::with_capacity(
            1 << 20,
            std::io::stdin(),
        )));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", name(path)))?;
    Ok(Box::new(BufReader::with_capacity(1 << 20, file)))
}

/// Reads a whole article; a warning goes to stderr when `lossy` replaced bytes.
pub fn read_text(path: &Path, lossy: bool) -> Result<String> {
    let mut bytes = Vec::new();
    let what = name(path);
    open(path)?
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{what}: {e}"))?;
    let (text, warning) = utf8(&what, bytes, 0, lossy)?;
    if let Some(w) = warning {
        crate::warn(&w);
    }
    Ok(text)
}

/// `bytes` as a string. `what` names them in messages and `base` is the input's offset of
/// `bytes[0]`, so that the offset given is the input's. With `lossy`, bad bytes become U+FFFD
/// and the second value is the warning to give; without, they are an error.
pub fn utf8(
    what: &str,
    bytes: Vec<u8>,
    base: usize,
    lossy: bool,
) -> Result<(String, Option<String>)> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let at = base + e.utf8_error().valid_up_to();
            if !lossy {
                return Err(format!(
                    "{what}: not valid UTF-8 at byte {at} (--lossy replaces bad bytes)"
                ));
            }
            let warning = format!("{what}: not valid UTF-8 at byte {at}; bad bytes replaced");
            Ok((
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(warning),
            ))
        }
    }
}

/// One non-blank line of a JSON Lines input.
pub struct Line {
    /// 1-based.
    pub number: usize,
    /// The input's byte offset of the line's first byte.
    pub offset: usize,
    /// The line, its line break included.
    pub bytes: Vec<u8>,
}

/// The non-blank lines of an input, read one at a time.
pub struct Lines {
    reader: Box<dyn BufRead + Send>,
    name: String,
    number: usize,
    offset: usize,
}

impl Lines {
    /// Opens a file, or standard input for `-`.
    pub fn open(path: &Path) -> Result<Lines> {
        Ok(Lines {
            reader: open(path)?,
            name: name(path),
            number: 0,
            offset: 0,
        })
    }

    /// The input's name in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A line as a string (see [`utf8`]); messages name the input and the line.
    pub fn text(&self, line: Line, lossy: bool) -> Result<(String, Option<String>)> {
        let what = format!("{}: line {}", self.name, line.number);
        utf8(&what, line.bytes, line.offset, lossy)
    }
}

impl Iterator for Lines {
    type Item = Result<Line>;

    fn next(&mut self) -> Option<Result<Line>> {
        loop {
            let mut bytes = Vec::new();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(n) => {
                    self.number += 1;
                    let offset = self.offset;
                    self.offset += n;
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok(Line {
                        number: self.number,
                        offset,
                        bytes,
                    }));
                }
                Err(e) => {
                    let msg = format!("{}: line {}: {e}", self.name, self.number + 1);
                    return Some(Err(msg));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_utf8_names_the_byte_or_is_replaced() {
        let bytes = b"caf\xe9 au lait".to_vec();
        let err = utf8("a.txt", bytes.clone(), 0, false).unwrap_err();
        assert_eq!(
            err,
            "a.txt: not valid UTF-8 at byte 3 (--lossy replaces bad bytes)"
        );
        let err = utf8("a.txt: line 2", bytes.clone(), 100, false).unwrap_err();
        assert!(err.starts_with("a.txt: line 2: not valid UTF-8 at byte 103 "));
        let (text, warning) = utf8("a.txt", bytes, 0, true).unwrap();
        assert_eq!(text, "caf\u{fffd} au lait");
        assert_eq!(
            warning.as_deref(),
            Some("a.txt: not valid UTF-8 at byte 3; bad bytes replaced")
        );
        assert_eq!(
            utf8("a", b"ok".to_vec(), 0, false).unwrap(),
            ("ok".to_string(), None)
        );
    }

    #[test]
    fn lines_skip_blanks_and_keep_numbers_and_offsets() {
        let mut lines = Lines {
            reader: Box::new(&b"{\"a\":1}\n\n  \n{\"b\":2}"[..]),
            name: "t".into(),
            number: 0,
            offset: 0,
        };
        let first = lines.next().unwrap().unwrap();
        assert_eq!((first.number, first.offset), (1, 0));
        let second = lines.next().unwrap().unwrap();
        assert_eq!((second.number, second.offset), (4, 12));
        assert_eq!(second.bytes, b"{\"b\":2}");
        assert!(lines.next().is_none());
    }
}
