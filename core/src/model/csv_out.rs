//! CSV text for every export: RFC 4180 fields and records, with cells that
//! a spreadsheet would run as a formula neutralised first.
//!
//! RFC 4180 §2: records end in CRLF; a field holding a comma, a double
//! quote, CR or LF is enclosed in double quotes, and a double quote inside
//! it is written twice. OWASP's CSV Injection page: a cell must not begin
//! with `=`, `+`, `-`, `@`, tab (0x09) or carriage return (0x0D), which
//! spreadsheets read as the start of a formula; prepending a single quote
//! makes them read it as text.

use std::borrow::Cow;

/// Characters that start a formula when they begin a cell (OWASP).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` with a single quote in front when it begins with a character
/// that would start a formula.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// One field: neutralised, then quoted when RFC 4180 requires it.
pub fn field(cell: &str) -> String {
    let cell = neutralise(cell);
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.into_owned()
    }
}

/// One record, its fields joined by commas and ended by CRLF.
pub fn record<S: AsRef<str>>(cells: &[S]) -> String {
    let fields: Vec<String> = cells.iter().map(|c| field(c.as_ref())).collect();
    format!("{}\r\n", fields.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_fields_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5"), "'-5");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(field("lead-time"), "lead-time");
        assert_eq!(record(&["a", "b,c", ""]), "a,\"b,c\",\r\n");
    }
}
