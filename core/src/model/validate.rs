//! Parsing and checking what users type into numeric and text fields. Each
//! rule gives a message fit to show next to the field; nothing that is not a
//! finite number in range, or a text within [`crate::model::limits`], ever
//! reaches the model.

use crate::model::limits;

/// The rules a numeric field enforces.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberRule {
    /// Smallest accepted value.
    pub min: f64,
    /// Whether `min` itself is accepted.
    pub min_inclusive: bool,
    /// Largest accepted value.
    pub max: f64,
    /// The unit named in range messages ("%", "per week", …).
    pub unit: &'static str,
}

impl NumberRule {
    /// A percentage: 0 to 100 inclusive.
    pub const PERCENT: NumberRule = NumberRule {
        min: 0.0,
        min_inclusive: true,
        max: 100.0,
        unit: "%",
    };

    /// A non-negative quantity up to `max`.
    pub const fn non_negative(max: f64, unit: &'static str) -> NumberRule {
        NumberRule {
            min: 0.0,
            min_inclusive: true,
            max,
            unit,
        }
    }

    /// A strictly positive quantity up to `max`.
    pub const fn positive(max: f64, unit: &'static str) -> NumberRule {
        NumberRule {
            min: 0.0,
            min_inclusive: false,
            max,
            unit,
        }
    }
}

/// Why a typed value was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber,
    Negative,
    NotPositive,
    TooLarge(String),
    /// Closer to zero than a number the model keeps (see
    /// [`limits::number_ok`]) without being zero.
    TooSmall,
}

impl InputError {
    /// The message shown beside the field.
    pub fn message(&self) -> String {
        match self {
            InputError::Empty => "Enter a value.".to_string(),
            InputError::NotANumber => "Enter a number, such as 12 or 2.5.".to_string(),
            InputError::Negative => "Cannot be negative.".to_string(),
            InputError::NotPositive => "Must be greater than zero.".to_string(),
            InputError::TooLarge(max) => format!("Must be at most {max}."),
            InputError::TooSmall => format!(
                "Too close to zero: enter 0 or at least {}.",
                crate::model::units::format_number(limits::SMALLEST, 9)
            ),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Parses `text` as a number obeying `rule`.
///
/// Accepts an optional sign, digits and one decimal point, with surrounding
/// spaces and a trailing `%` on percentages. Rejects NaN, infinities and
/// exponent notation that Rust's own parser would let through, and numbers
/// too close to zero to keep; "-0" is 0.
pub fn parse_number(text: &str, rule: NumberRule) -> Result<f64, InputError> {
    let trimmed = text.trim();
    let trimmed = if rule.unit == "%" {
        trimmed.strip_suffix('%').map_or(trimmed, str::trim_end)
    } else {
        trimmed
    };
    if trimmed.is_empty() {
        return Err(InputError::Empty);
    }
    let body = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let dots = body.chars().filter(|&c| c == '.').count();
    if digits == 0 || dots > 1 || body.chars().any(|c| !c.is_ascii_digit() && c != '.') {
        return Err(InputError::NotANumber);
    }
    let value: f64 = trimmed.parse().map_err(|_| InputError::NotANumber)?;
    if !value.is_finite() {
        return Err(InputError::NotANumber);
    }
    let value = limits::clean(value);
    if !limits::number_ok(value) {
        return Err(InputError::TooSmall);
    }
    if value < rule.min || (!rule.min_inclusive && value == rule.min) {
        return Err(if value < 0.0 {
            InputError::Negative
        } else {
            InputError::NotPositive
        });
    }
    if value > rule.max {
        let max = crate::model::units::format_number(rule.max, 2);
        let unit = match rule.unit {
            "" => String::new(),
            "%" => "%".to_string(),
            other => format!(" {other}"),
        };
        return Err(InputError::TooLarge(format!("{max}{unit}")));
    }
    Ok(value)
}

/// Parses an optional field: empty text is `Ok(None)`.
pub fn parse_optional(text: &str, rule: NumberRule) -> Result<Option<f64>, InputError> {
    match parse_number(text, rule) {
        Err(InputError::Empty) => Ok(None),
        other => other.map(Some),
    }
}

/// Checks a free-text name: trimmed, non-empty, at most `max_chars`, and
/// free of the characters [`limits`] forbids.
pub fn parse_name(text: &str, max_chars: usize) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("Enter a name.".to_string());
    }
    parse_text(text, max_chars)
}

/// Checks an optional free text (an owner, a "so that"): trimmed, at most
/// `max_chars`, free of the characters [`limits`] forbids; may be empty.
pub fn parse_text(text: &str, max_chars: usize) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.chars().count() > max_chars {
        return Err(format!("Keep it to {max_chars} characters or fewer."));
    }
    if let Some(what) = limits::forbidden_in(trimmed) {
        return Err(format!(
            "Remove {what}: this field holds one line of plain text."
        ));
    }
    Ok(trimmed.to_string())
}

/// Checks a date typed into a date field ("YYYY-MM-DD"): a real date in the
/// model's years ([`limits::date_ok`]).
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    let date = crate::model::date::parse_date_strict(text)
        .ok_or_else(|| "Enter a date, such as 2026-12-31.".to_string())?;
    if limits::date_ok(date) {
        Ok(date)
    } else {
        Err(format!("Choose a date {}.", limits::date_range_words()))
    }
}

/// Checks a date and time typed into a date-and-time field
/// ("YYYY-MM-DDTHH:MM"): a real moment in the model's years.
pub fn parse_datetime(text: &str) -> Result<chrono::NaiveDateTime, String> {
    let t = crate::model::date::parse_datetime_local(text)
        .ok_or_else(|| "Enter a date and time, such as 2026-03-05T10:00.".to_string())?;
    if limits::datetime_ok(t) {
        Ok(t)
    } else {
        Err(format!("Choose a date {}.", limits::date_range_words()))
    }
}
