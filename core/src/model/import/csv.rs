//! A small CSV reader (RFC 4180): comma-separated fields, double-quoted
//! fields that may hold commas, line breaks and doubled quotes (`""`), CRLF
//! or LF line ends, an optional UTF-8 byte-order mark, blank lines skipped.
//! Unquoted fields are borrowed from the input, so 100,000 rows cost few
//! allocations.

use std::borrow::Cow;

/// One data record and the line of the file it starts on (1-based, the
/// header being line 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Record<'a> {
    pub line: usize,
    pub fields: Vec<Cow<'a, str>>,
}

/// A parsed file: its header fields and its records.
#[derive(Clone, Debug, PartialEq)]
pub struct Table<'a> {
    pub headers: Vec<String>,
    pub records: Vec<Record<'a>>,
    /// Records the reader could not split (an unterminated quote), with
    /// their line numbers.
    pub broken: Vec<usize>,
}

/// Splits `text` into a header and records. Returns `None` when there is no
/// header line at all.
pub fn parse(text: &str) -> Option<Table<'_>> {
    parse_head(text, usize::MAX)
}

/// As [`parse`], stopping after `limit` records: a cheap preview of a large
/// file.
pub fn parse_head(text: &str, limit: usize) -> Option<Table<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        text,
        pos: 0,
        line: 1,
    };
    let mut headers = None;
    let mut records = Vec::new();
    let mut broken = Vec::new();
    while reader.pos < text.len() && (headers.is_none() || records.len() < limit) {
        let line = reader.line;
        let (fields, ok) = reader.record();
        if fields.len() == 1 && fields[0].trim().is_empty() {
            continue; // blank line
        }
        if !ok {
            broken.push(line);
            continue;
        }
        if headers.is_none() {
            headers = Some(fields.iter().map(|f| f.trim().to_string()).collect());
        } else {
            records.push(Record { line, fields });
        }
    }
    headers.map(|headers| Table {
        headers,
        records,
        broken,
    })
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Reader<'a> {
    /// Reads one record; the flag is false for an unterminated quote (the
    /// rest of the input is then consumed). Never inlined into the loop
    /// over records: a browser runs a function's optimised code only from
    /// its next call, so the reading of a large file must be a function
    /// called once a record (see `exports::flywheel::deployment`).
    #[inline(never)]
    fn record(&mut self) -> (Vec<Cow<'a, str>>, bool) {
        let mut fields = Vec::with_capacity(8);
        let bytes = self.text.as_bytes();
        loop {
            if bytes.get(self.pos) == Some(&b'"') {
                // Quoted field.
                self.pos += 1;
                let mut value = String::new();
                let mut start = self.pos;
                loop {
                    match memchr_quote(&bytes[self.pos..]) {
                        None => {
                            self.pos = bytes.len();
                            return (fields, false);
                        }
                        Some(i) => {
                            let q = self.pos + i;
                            self.line += bytes[self.pos..q].iter().filter(|&&b| b == b'\n').count();
                            if bytes.get(q + 1) == Some(&b'"') {
                                value.push_str(&self.text[start..=q]);
                                self.pos = q + 2;
                                start = self.pos;
                            } else {
                                value.push_str(&self.text[start..q]);
                                self.pos = q + 1;
                                break;
                            }
                        }
                    }
                }
                // Anything between the closing quote and the delimiter is kept.
                let rest_start = self.pos;
                while self.pos < bytes.len() && !matches!(bytes[self.pos], b',' | b'\n' | b'\r') {
                    self.pos += 1;
                }
                value.push_str(&self.text[rest_start..self.pos]);
                fields.push(Cow::Owned(value));
            } else {
                let start = self.pos;
                while self.pos < bytes.len() && !matches!(bytes[self.pos], b',' | b'\n' | b'\r') {
                    self.pos += 1;
                }
                fields.push(Cow::Borrowed(&self.text[start..self.pos]));
            }
            match bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.line += 1;
                    return (fields, true);
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    return (fields, true);
                }
                _ => return (fields, true),
            }
        }
    }
}

fn memchr_quote(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quotes_commas_and_line_breaks() {
        let t = parse("a,b\r\n1,\"x, \"\"y\"\"\"\n\n\"multi\nline\",2\n3,4").unwrap();
        assert_eq!(t.headers, vec!["a", "b"]);
        assert_eq!(t.records.len(), 3);
        assert_eq!(t.records[0].fields, vec!["1", "x, \"y\""]);
        assert_eq!(t.records[0].line, 2);
        assert_eq!(t.records[1].fields, vec!["multi\nline", "2"]);
        assert_eq!(t.records[1].line, 4);
        assert_eq!(t.records[2].line, 6);
    }

    #[test]
    fn unterminated_quote_is_reported() {
        let t = parse("a\n1\n\"open\n2").unwrap();
        assert_eq!(t.records.len(), 1);
        assert_eq!(t.broken, vec![3]);
        assert!(parse("").is_none());
        assert!(parse("\u{feff}x").unwrap().headers == vec!["x"]);
        let head = parse_head("a,b\n1,2\n3,4\n", 0).unwrap();
        assert_eq!((head.headers.len(), head.records.len()), (2, 0));
        assert_eq!(parse_head("a\n1\n2\n3\n", 2).unwrap().records.len(), 2);
    }
}
