//! Reading YAML, strictly: the block style OpenSLO documents and the
//! Kubernetes-style files around them are written in. Block mappings and
//! sequences (compact `- key: value` items included), plain, single- and
//! double-quoted scalars over one line or several, literal and folded
//! block scalars, one-line flow collections (`[]`, `{a: 1}`), comments and
//! `---` between documents. Anchors, aliases, tags, complex keys and
//! multi-line flow collections are refused with the line they are on, as
//! is anything else outside that subset: a file is read as written or not
//! at all.

use super::super::monitoring::MAX_EXPRESSION_CHARS;
use super::flow::{fold, fold_block, key_end, quoted_end, strip_comment};
pub use super::node::{Node, Yaml, YamlError};

/// Largest text read, in bytes: far above any SLO file.
pub const MAX_YAML_BYTES: usize = 256 * 1024;
/// Deepest nesting read (an OpenSLO SLO nests about ten levels).
const MAX_DEPTH: usize = 64;

#[derive(Clone, Copy)]
struct Line<'a> {
    /// Spaces before the text.
    indent: usize,
    /// The line after its indentation.
    text: &'a str,
    /// 1-based line number.
    no: usize,
}

impl Line<'_> {
    /// Blank or a comment only.
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty() || self.text.trim_start().starts_with('#')
    }
}

struct Parser<'a> {
    lines: Vec<Line<'a>>,
    pos: usize,
    depth: usize,
}

/// Reads every document of `text` (separated by `---`, ended by `...`);
/// documents holding nothing are left out.
pub fn parse_documents(text: &str) -> Result<Vec<Node>, YamlError> {
    if text.len() > MAX_YAML_BYTES {
        return Err(YamlError::new(
            1,
            format!("the file is larger than {} KB", MAX_YAML_BYTES / 1024),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut docs = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let no = i + 1;
        if raw.starts_with('%') {
            return Err(YamlError::new(
                no,
                "directives (%YAML, %TAG) are not supported",
            ));
        }
        let marker = |m: &str| {
            raw == m || raw.starts_with(&format!("{m} ")) || raw.starts_with(&format!("{m}\t"))
        };
        if marker("---") || marker("...") {
            let rest = raw[3..].trim();
            if !rest.is_empty() && !rest.starts_with('#') {
                return Err(YamlError::new(
                    no,
                    "put a document's content on the line after ---",
                ));
            }
            docs.push(std::mem::take(&mut current));
            continue;
        }
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        current.push(Line {
            indent,
            text: &raw[indent..],
            no,
        });
    }
    docs.push(current);
    let mut out = Vec::new();
    for lines in docs {
        let mut p = Parser {
            lines,
            pos: 0,
            depth: 0,
        };
        p.skip_blank();
        if p.pos >= p.lines.len() {
            continue;
        }
        let node = p.node(0)?;
        p.skip_blank();
        if let Some(l) = p.lines.get(p.pos) {
            return Err(YamlError::new(
                l.no,
                "this line is not part of the structure above it (check its indentation)",
            ));
        }
        out.push(node);
    }
    Ok(out)
}

/// Refuses a line indented with a tab.
fn tab_check(line: Line) -> Result<(), YamlError> {
    if line.text.starts_with('\t') {
        Err(YamlError::new(
            line.no,
            "a tab is used for indentation; YAML indents with spaces",
        ))
    } else {
        Ok(())
    }
}

impl<'a> Parser<'a> {
    fn skip_blank(&mut self) {
        while self.lines.get(self.pos).is_some_and(Line::is_blank) {
            self.pos += 1;
        }
    }

    /// The node starting at the current line, whose indentation is at
    /// least `min`.
    fn node(&mut self, min: usize) -> Result<Node, YamlError> {
        self.skip_blank();
        let Some(&line) = self.lines.get(self.pos) else {
            return Ok(Node {
                value: Yaml::Null,
                line: self.lines.last().map_or(1, |l| l.no),
            });
        };
        if line.indent < min {
            return Ok(Node {
                value: Yaml::Null,
                line: line.no,
            });
        }
        tab_check(line)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(YamlError::new(line.no, "the structure nests too deeply"));
        }
        let node = if line.text == "-" || line.text.starts_with("- ") {
            self.sequence(line.indent)
        } else if key_end(line.text).is_some() {
            self.mapping(line.indent)
        } else {
            self.pos += 1;
            let value = self.value(line, line.text, line.indent.saturating_sub(1))?;
            Ok(Node {
                value,
                line: line.no,
            })
        };
        self.depth -= 1;
        node
    }

    fn sequence(&mut self, indent: usize) -> Result<Node, YamlError> {
        let first = self.lines[self.pos].no;
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            let Some(&line) = self.lines.get(self.pos) else {
                break;
            };
            if line.indent != indent || !(line.text == "-" || line.text.starts_with("- ")) {
                break;
            }
            let rest = line.text[1..].trim_start_matches(' ');
            if rest.is_empty() || rest.starts_with('#') {
                self.pos += 1;
                items.push(self.node(indent + 1)?);
            } else {
                // The item's text becomes a line of its own at its column,
                // so `- key: value` and the keys under it read as a mapping.
                let col = indent + (line.text.len() - rest.len());
                self.lines[self.pos] = Line {
                    indent: col,
                    text: rest,
                    no: line.no,
                };
                items.push(self.node(col)?);
            }
        }
        Ok(Node {
            value: Yaml::Seq(items),
            line: first,
        })
    }

    fn mapping(&mut self, indent: usize) -> Result<Node, YamlError> {
        let first = self.lines[self.pos].no;
        let mut entries: Vec<(String, Node)> = Vec::new();
        loop {
            self.skip_blank();
            let Some(&line) = self.lines.get(self.pos) else {
                break;
            };
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return Err(YamlError::new(line.no, "unexpected indentation"));
            }
            tab_check(line)?;
            let Some(end) = key_end(line.text) else {
                if line.text == "-" || line.text.starts_with("- ") {
                    break;
                }
                return Err(YamlError::new(
                    line.no,
                    "expected a key followed by a colon",
                ));
            };
            let key = match self.value(line, line.text[..end].trim_end(), indent)? {
                Yaml::Scalar { text, .. } => text,
                Yaml::Null => String::new(),
                _ => {
                    return Err(YamlError::new(
                        line.no,
                        "a key must be a plain or quoted text",
                    ))
                }
            };
            if key.starts_with('?') {
                return Err(YamlError::new(
                    line.no,
                    "complex keys (?) are not supported",
                ));
            }
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(YamlError::new(
                    line.no,
                    format!("the key {key} appears twice"),
                ));
            }
            let rest = line.text[end + 1..].trim_start_matches([' ', '\t']);
            self.pos += 1;
            let value = if rest.is_empty() || rest.starts_with('#') {
                self.skip_blank();
                match self.lines.get(self.pos) {
                    Some(next) if next.indent > indent => self.node(indent + 1)?,
                    Some(next)
                        if next.indent == indent
                            && (next.text == "-" || next.text.starts_with("- ")) =>
                    {
                        self.sequence(indent)?
                    }
                    _ => Node {
                        value: Yaml::Null,
                        line: line.no,
                    },
                }
            } else {
                Node {
                    value: self.value(line, rest, indent)?,
                    line: line.no,
                }
            };
            entries.push((key, value));
        }
        Ok(Node {
            value: Yaml::Map(entries),
            line: first,
        })
    }

    /// A value written after `key:` (or alone) on `line`, continuing on
    /// lines indented more than `parent`.
    fn value(&mut self, line: Line<'a>, text: &'a str, parent: usize) -> Result<Yaml, YamlError> {
        let no = line.no;
        match text.chars().next() {
            Some('&' | '*' | '!') => Err(YamlError::new(
                no,
                "anchors (&), aliases (*) and tags (!) are not supported",
            )),
            Some('|' | '>') => self.block_scalar(no, text, parent),
            Some('[' | '{') => super::flow::flow(text, no),
            Some('"' | '\'') => self.quoted(no, text, parent),
            Some('@' | '`' | '%') => Err(YamlError::new(
                no,
                format!("a plain value cannot start with {}; quote it", &text[..1]),
            )),
            _ => self.plain(no, text, parent),
        }
    }

    fn plain(&mut self, no: usize, text: &str, parent: usize) -> Result<Yaml, YamlError> {
        let mut out = strip_comment(text).to_string();
        // A comment ends the scalar; otherwise continuation lines fold into
        // it with spaces (blank lines become line breaks).
        let mut open = out.len() == text.trim_end().len();
        let mut breaks = 0;
        while open {
            let Some(l) = self.lines.get(self.pos) else {
                break;
            };
            if l.text.trim().is_empty() {
                breaks += 1;
                self.pos += 1;
                continue;
            }
            if l.indent <= parent || l.text.starts_with('#') || key_end(l.text).is_some() {
                break;
            }
            out.push_str(&if breaks > 0 {
                "\n".repeat(breaks)
            } else {
                " ".to_string()
            });
            breaks = 0;
            let part = strip_comment(l.text);
            out.push_str(part);
            self.pos += 1;
            open = part.len() == l.text.trim_end().len();
        }
        if key_end(&out).is_some() && !out.contains('\n') {
            return Err(YamlError::new(
                no,
                "a plain value cannot hold \": \"; put it in quotes",
            ));
        }
        if out.len() > MAX_EXPRESSION_CHARS * 4 {
            return Err(YamlError::new(no, "a value is too long"));
        }
        Ok(match out.as_str() {
            "" | "~" | "null" | "Null" | "NULL" => Yaml::Null,
            _ => Yaml::Scalar {
                text: out,
                plain: true,
            },
        })
    }

    /// A quoted scalar, over as many lines as it takes to close.
    fn quoted(&mut self, no: usize, text: &str, parent: usize) -> Result<Yaml, YamlError> {
        let q = text.as_bytes()[0];
        let mut raw = text.to_string();
        loop {
            if let Some(end) = quoted_end(&raw) {
                let rest = raw[end..].trim_start();
                if !rest.is_empty() && !rest.starts_with('#') {
                    return Err(YamlError::new(
                        no,
                        "unexpected text after the closing quote",
                    ));
                }
                let body = &raw[1..end - 1];
                let text = if q == b'"' {
                    super::flow::unescape(&fold(body, true), no)?
                } else {
                    fold(body, false).replace("''", "'")
                };
                return Ok(Yaml::Scalar { text, plain: false });
            }
            match self.lines.get(self.pos) {
                Some(l) if l.indent > parent || l.text.trim().is_empty() => {
                    raw.push('\n');
                    raw.push_str(l.text);
                    self.pos += 1;
                }
                _ => return Err(YamlError::new(no, "a quoted value never closes")),
            }
        }
    }

    fn block_scalar(&mut self, no: usize, header: &str, parent: usize) -> Result<Yaml, YamlError> {
        let folded = header.starts_with('>');
        let mut chomp = ' ';
        let mut explicit: Option<usize> = None;
        for c in strip_comment(&header[1..]).chars() {
            match c {
                '-' | '+' if chomp == ' ' => chomp = c,
                '1'..='9' if explicit.is_none() => explicit = c.to_digit(10).map(|d| d as usize),
                _ => {
                    return Err(YamlError::new(
                        no,
                        "a block scalar's header is | or > with - or + and one digit",
                    ))
                }
            }
        }
        let mut body: Vec<(usize, &str)> = Vec::new();
        let mut content_indent = explicit.map(|d| parent + d);
        while let Some(l) = self.lines.get(self.pos) {
            if l.text.is_empty() {
                body.push((l.indent, ""));
                self.pos += 1;
                continue;
            }
            let need = *content_indent.get_or_insert(l.indent);
            if l.indent < need || l.indent <= parent {
                break;
            }
            body.push((l.indent - need, l.text));
            self.pos += 1;
        }
        while body.last().is_some_and(|(_, t)| t.is_empty()) && chomp != '+' {
            body.pop();
        }
        let lines: Vec<String> = body
            .iter()
            .map(|&(extra, t)| format!("{}{t}", " ".repeat(if t.is_empty() { 0 } else { extra })))
            .collect();
        let mut out = if folded {
            fold_block(&lines)
        } else {
            lines.join("\n")
        };
        if chomp != '-' && !lines.is_empty() {
            out.push('\n');
        }
        Ok(Yaml::Scalar {
            text: out,
            plain: false,
        })
    }
}
