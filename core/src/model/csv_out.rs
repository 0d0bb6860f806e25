//! Text written into CSV exports. One function, [`cell`], for every cell
//! that holds text a user typed (plan names, goal titles, team names), so
//! no export can carry a spreadsheet formula: a cell starting with `=`,
//! `+`, `-`, `@`, a tab, a carriage return or a NUL is what Excel,
//! LibreOffice Calc and Google Sheets evaluate (OWASP, "CSV Injection";
//! ASVS 5.0 requirement 1.2.10). Numbers the app computes are written as
//! they are, so a negative figure stays a number.

/// Characters that make a spreadsheet read a cell as a formula when they
/// come first (OWASP's list, and the NUL of ASVS 1.2.10).
const FORMULA_LEADS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// A text cell, safe to open in a spreadsheet: a leading formula character
/// is neutralised with a single quote, which spreadsheets read as "this is
/// text" (OWASP's recommendation), and the cell is quoted as RFC 4180
/// §2.6–2.7 asks when it holds a comma, a double quote or a line break,
/// its double quotes doubled.
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(FORMULA_LEADS) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_separators_are_quoted() {
        assert_eq!(cell("Kaizen"), "Kaizen");
        assert_eq!(cell(""), "");
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1+2"), "'-1+2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("Kaizen, tuned"), "\"Kaizen, tuned\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("a\nb"), "\"a\nb\"");
        // Only the first character matters.
        assert_eq!(cell("Q3 = better"), "Q3 = better");
        assert_eq!(cell("'quoted"), "'quoted");
    }
}
