//! CSV text for every export: RFC 4180 fields and records, with cells that
//! a spreadsheet would run as a formula neutralised first.
//!
//! RFC 4180 §2: records end in CRLF; a field holding a comma, a double
//! quote, CR or LF is enclosed in double quotes, and a double quote inside
//! it is written twice. OWASP's CSV Injection page: a cell must not begin
//! with `=`, `+`, `-`, `@`, tab (0x09) or carriage return (0x0D), which
//! Excel, LibreOffice Calc and Google Sheets read as the start of a
//! formula (ASVS 5.0 requirement 1.2.10 adds NUL); prepending a single
//! quote makes them read it as text. Numbers the app computes are written
//! as they are, so a negative figure stays a number: only text a user
//! typed goes through [`field`].

use std::borrow::Cow;

/// Characters that start a formula when they begin a cell (OWASP, and the
/// NUL of ASVS 1.2.10).
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

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
        assert_eq!(field(""), "");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5"), "'-5");
        assert_eq!(field("-1+2"), "'-1+2");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\0x"), "'\0x");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("line\nbreak"), "\"line\nbreak\"");
        // Only the first character matters.
        assert_eq!(field("lead-time"), "lead-time");
        assert_eq!(field("Q3 = better"), "Q3 = better");
        assert_eq!(field("'quoted"), "'quoted");
        assert_eq!(record(&["a", "b,c", ""]), "a,\"b,c\",\r\n");
    }
}
