//! What the monitoring exports need beyond the SLO itself: the service and
//! SLO names, the SLI as PromQL expressions and the labels every rule
//! carries, with the checks that word what is wrong with each.
//!
//! Expressions follow sloth's convention: `{{.window}}` stands where the
//! range goes (`sum(rate(http_requests_total[{{.window}}]))`), and is
//! replaced by each window the rules record.

use serde::{Deserialize, Serialize};

/// The placeholder an expression holds where its range goes.
pub const WINDOW_PLACEHOLDER: &str = "{{.window}}";
/// Longest service or SLO name accepted.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest expression accepted.
pub const MAX_EXPRESSION_CHARS: usize = 2_000;
/// Most labels the rules carry.
pub const MAX_LABELS: usize = 20;
/// Longest label name accepted.
pub const MAX_LABEL_NAME_CHARS: usize = 100;
/// Longest label value accepted.
pub const MAX_LABEL_VALUE_CHARS: usize = 200;
/// Label names the rules set themselves (sloth's `sloth_` labels are
/// reserved as a prefix, Prometheus's `__` likewise).
pub const RESERVED_LABELS: [&str; 4] = ["severity", "long_window", "short_window", "alertname"];

/// How the service level indicator is measured, as PromQL.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Sli {
    /// Good events over all valid events (OpenSLO's good/total).
    GoodTotal { good: String, total: String },
    /// Bad events over all valid events (sloth's error and total queries).
    BadTotal { bad: String, total: String },
    /// An expression that is already the error ratio, 0–1 (sloth's raw
    /// error-ratio query).
    ErrorRatio { ratio: String },
}

impl Default for Sli {
    fn default() -> Self {
        Sli::GoodTotal {
            good: String::new(),
            total: String::new(),
        }
    }
}

impl Sli {
    /// Each expression with the field it belongs to.
    pub fn expressions(&self) -> Vec<(Field, &str)> {
        match self {
            Sli::GoodTotal { good, total } => vec![(Field::Good, good), (Field::Total, total)],
            Sli::BadTotal { bad, total } => vec![(Field::Bad, bad), (Field::Total, total)],
            Sli::ErrorRatio { ratio } => vec![(Field::Ratio, ratio)],
        }
    }
}

/// Which form the SLI takes, for choosing between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliKind {
    GoodTotal,
    BadTotal,
    ErrorRatio,
}

impl SliKind {
    /// The forms offered, in order.
    pub const ALL: [SliKind; 3] = [SliKind::GoodTotal, SliKind::BadTotal, SliKind::ErrorRatio];

    /// How the screen names the form.
    pub fn label(self) -> &'static str {
        match self {
            SliKind::GoodTotal => "Good and total events",
            SliKind::BadTotal => "Bad and total events",
            SliKind::ErrorRatio => "An error-ratio expression",
        }
    }

    /// The expressions this form is written with, in order.
    pub fn parts(self) -> &'static [Field] {
        match self {
            SliKind::GoodTotal => &[Field::Good, Field::Total],
            SliKind::BadTotal => &[Field::Bad, Field::Total],
            SliKind::ErrorRatio => &[Field::Ratio],
        }
    }
}

impl Sli {
    /// The form this SLI takes.
    pub fn kind(&self) -> SliKind {
        match self {
            Sli::GoodTotal { .. } => SliKind::GoodTotal,
            Sli::BadTotal { .. } => SliKind::BadTotal,
            Sli::ErrorRatio { .. } => SliKind::ErrorRatio,
        }
    }

    /// This SLI in another form, keeping the total-events expression when
    /// both forms have one (a team switching from good to bad events still
    /// counts the same requests).
    pub fn with_kind(&self, kind: SliKind) -> Sli {
        if self.kind() == kind {
            return self.clone();
        }
        let total = match self {
            Sli::GoodTotal { total, .. } | Sli::BadTotal { total, .. } => total.clone(),
            Sli::ErrorRatio { .. } => String::new(),
        };
        match kind {
            SliKind::GoodTotal => Sli::GoodTotal {
                good: String::new(),
                total,
            },
            SliKind::BadTotal => Sli::BadTotal {
                bad: String::new(),
                total,
            },
            SliKind::ErrorRatio => Sli::ErrorRatio {
                ratio: String::new(),
            },
        }
    }

    /// The expression of `field`, if this form has one.
    pub fn expression(&self, field: Field) -> Option<&str> {
        self.expressions()
            .into_iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }

    /// Sets the expression of `field`; nothing when this form has none.
    pub fn set_expression(&mut self, field: Field, text: String) {
        match (self, field) {
            (Sli::GoodTotal { good: e, .. }, Field::Good)
            | (Sli::GoodTotal { total: e, .. }, Field::Total)
            | (Sli::BadTotal { bad: e, .. }, Field::Bad)
            | (Sli::BadTotal { total: e, .. }, Field::Total)
            | (Sli::ErrorRatio { ratio: e }, Field::Ratio) => *e = text,
            _ => {}
        }
    }
}

/// One label: a name in Prometheus's syntax and its value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Label {
    pub name: String,
    pub value: String,
}

/// The names, SLI and labels the exports are written with. Empty until the
/// user fills them in; the exports say what is missing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Monitoring {
    /// The service the SLO is about (sloth's `service`, OpenSLO's
    /// `spec.service`), e.g. "checkout".
    pub service: String,
    /// The SLO's name (sloth's `slos[].name`, OpenSLO's display name), e.g.
    /// "requests-availability".
    pub name: String,
    pub sli: Sli,
    /// Labels added to every recorded series, hence to every alert.
    pub labels: Vec<Label>,
}

/// A field of [`Monitoring`], or the SLO target, that a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Target,
    Service,
    Name,
    Good,
    Bad,
    Total,
    Ratio,
    /// The label list as a whole.
    Labels,
    /// The name of the label at this position.
    LabelName(usize),
    /// The value of the label at this position.
    LabelValue(usize),
}

impl Field {
    /// How messages name the field.
    pub fn label(self) -> &'static str {
        match self {
            Field::Target => "SLO target",
            Field::Service => "service name",
            Field::Name => "SLO name",
            Field::Good => "good-events expression",
            Field::Bad => "bad-events expression",
            Field::Total => "total-events expression",
            Field::Ratio => "error-ratio expression",
            Field::Labels => "labels",
            Field::LabelName(_) => "label name",
            Field::LabelValue(_) => "label value",
        }
    }
}

/// Something that keeps an export from being written, said in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: String,
}

impl Problem {
    pub fn new(field: Field, message: String) -> Problem {
        Problem { field, message }
    }
}

/// The first character no export can carry: a line break or another
/// control character (a tab is allowed where `tab_ok`). Line and paragraph
/// separators and U+0085 count as line breaks, as YAML 1.1 reads them.
fn stray_character(text: &str, tab_ok: bool) -> Option<(usize, &'static str)> {
    text.chars().enumerate().find_map(|(i, c)| match c {
        '\t' if tab_ok => None,
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some((i + 1, "a line break")),
        c if c.is_control() || c == '\u{feff}' => Some((i + 1, "a control character")),
        _ => None,
    })
}

fn check_text(field: Field, text: &str, max: usize, tab_ok: bool) -> Result<(), String> {
    let what = field.label();
    if text.trim().is_empty() {
        return Err(format!("Enter the {what}."));
    }
    let n = text.chars().count();
    if n > max {
        return Err(format!(
            "Keep the {what} to {max} characters or fewer (it has {n})."
        ));
    }
    if let Some((at, kind)) = stray_character(text, tab_ok) {
        return Err(format!(
            "The {what} must stay on one line: it has {kind} at character {at}."
        ));
    }
    Ok(())
}

/// Checks a service or SLO name: non-empty, at most [`MAX_NAME_CHARS`],
/// one line. Any other character (quotes, colons, `#`, any script) is
/// carried exactly.
pub fn check_name(field: Field, text: &str) -> Result<(), String> {
    check_text(field, text, MAX_NAME_CHARS, false)
}

/// Checks a PromQL expression: non-empty, at most
/// [`MAX_EXPRESSION_CHARS`], one line, holding [`WINDOW_PLACEHOLDER`], and
/// with its brackets closed in order (outside string literals).
pub fn check_expression(field: Field, text: &str) -> Result<(), String> {
    check_text(field, text, MAX_EXPRESSION_CHARS, true)?;
    let what = field.label();
    if !text.contains(WINDOW_PLACEHOLDER) {
        return Err(format!(
            "The {what} has no {WINDOW_PLACEHOLDER} placeholder: put it where the range goes, \
             as in sum(rate(http_requests_total[{WINDOW_PLACEHOLDER}])), so each window gets \
             its own range."
        ));
    }
    brackets(text).map_err(|why| format!("The {what} {why}."))
}

/// Whether brackets close in order, skipping string literals ("…", '…',
/// `…`, with backslash escapes in the first two) and `#` comments.
fn brackets(text: &str) -> Result<(), String> {
    let mut open: Vec<char> = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' | '`' => {
                let mut closed = false;
                while let Some(d) = chars.next() {
                    if d == '\\' && c != '`' {
                        chars.next();
                    } else if d == c {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return Err(format!("opens a string with {c} that never closes"));
                }
            }
            '#' => break,
            '(' | '[' | '{' => open.push(c),
            ')' | ']' | '}' => {
                let want = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match open.pop() {
                    Some(o) if o == want => {}
                    Some(o) => return Err(format!("closes {c} where {o} is still open")),
                    None => return Err(format!("closes {c} that was never opened")),
                }
            }
            _ => {}
        }
    }
    match open.pop() {
        Some(o) => Err(format!("leaves {o} open")),
        None => Ok(()),
    }
}

/// Checks a label name: Prometheus's syntax `[a-zA-Z_][a-zA-Z0-9_]*`, at
/// most [`MAX_LABEL_NAME_CHARS`], and not one the rules set themselves.
pub fn check_label_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("Enter the label name.".to_string());
    }
    let n = name.chars().count();
    if n > MAX_LABEL_NAME_CHARS {
        return Err(format!(
            "Keep the label name to {MAX_LABEL_NAME_CHARS} characters or fewer (it has {n})."
        ));
    }
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!(
            "The label name {name:?} is not one Prometheus accepts: it starts with a letter or \
             _ and holds only letters a–z, A–Z, digits and _."
        ));
    }
    if name.starts_with("__") {
        return Err(format!(
            "The label name {name} starts with __, which Prometheus reserves for itself."
        ));
    }
    if name.starts_with("sloth_") || RESERVED_LABELS.contains(&name) {
        return Err(format!(
            "The rules set the label {name} themselves: choose another name."
        ));
    }
    Ok(())
}

/// Checks a label value: non-empty (Prometheus drops an empty label), at
/// most [`MAX_LABEL_VALUE_CHARS`], one line.
pub fn check_label_value(name: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!(
            "Enter a value for the label {name}, or remove the label."
        ));
    }
    check_text(Field::LabelValue(0), value, MAX_LABEL_VALUE_CHARS, false)
}

/// What a one-line box may hold as typed, before the export's own checks:
/// at most `max` characters on one line. Text this refuses is never
/// stored; text it accepts is stored even when an export would still name
/// a problem with it (an expression not finished yet).
fn typed(text: &str, max: usize, tab_ok: bool) -> Result<String, String> {
    let n = text.chars().count();
    if n > max {
        return Err(format!(
            "Keep it to {max} characters or fewer (it has {n})."
        ));
    }
    match stray_character(text, tab_ok) {
        Some((at, kind)) => Err(format!(
            "Keep it on one line: it has {kind} at character {at}."
        )),
        None => Ok(text.to_string()),
    }
}

/// A service or SLO name as typed (see [`Monitoring::problems`] for what
/// the exports need of it).
pub fn typed_name(text: &str) -> Result<String, String> {
    typed(text, MAX_NAME_CHARS, false)
}

/// An expression as typed.
pub fn typed_expression(text: &str) -> Result<String, String> {
    typed(text, MAX_EXPRESSION_CHARS, true)
}

/// A label name as typed.
pub fn typed_label_name(text: &str) -> Result<String, String> {
    typed(text, MAX_LABEL_NAME_CHARS, false)
}

/// A label value as typed.
pub fn typed_label_value(text: &str) -> Result<String, String> {
    typed(text, MAX_LABEL_VALUE_CHARS, false)
}

impl Field {
    /// The longest text the field holds (its box's `maxlength`).
    pub fn max_chars(self) -> usize {
        match self {
            Field::Service | Field::Name => MAX_NAME_CHARS,
            Field::Good | Field::Bad | Field::Total | Field::Ratio => MAX_EXPRESSION_CHARS,
            Field::LabelName(_) => MAX_LABEL_NAME_CHARS,
            Field::LabelValue(_) => MAX_LABEL_VALUE_CHARS,
            Field::Target | Field::Labels => 0,
        }
    }

    /// What the field's box accepts as typed (see [`typed_name`]).
    pub fn typed(self) -> fn(&str) -> Result<String, String> {
        match self {
            Field::Good | Field::Bad | Field::Total | Field::Ratio => typed_expression,
            Field::LabelName(_) => typed_label_name,
            Field::LabelValue(_) => typed_label_value,
            Field::Service | Field::Name | Field::Target | Field::Labels => typed_name,
        }
    }
}

impl Monitoring {
    /// Adds an empty label row; `false` when there are already
    /// [`MAX_LABELS`].
    pub fn add_label(&mut self) -> bool {
        if self.labels.len() >= MAX_LABELS {
            return false;
        }
        self.labels.push(Label {
            name: String::new(),
            value: String::new(),
        });
        true
    }

    /// Removes the label at `index`; nothing when there is none there.
    pub fn remove_label(&mut self, index: usize) {
        if index < self.labels.len() {
            self.labels.remove(index);
        }
    }

    /// The text of a one-line field (`None` for the target, the label
    /// list, a label that is not there or an expression the SLI's form
    /// does not have).
    pub fn text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Service => Some(&self.service),
            Field::Name => Some(&self.name),
            Field::LabelName(i) => self.labels.get(i).map(|l| l.name.as_str()),
            Field::LabelValue(i) => self.labels.get(i).map(|l| l.value.as_str()),
            Field::Target | Field::Labels => None,
            Field::Good | Field::Bad | Field::Total | Field::Ratio => self.sli.expression(field),
        }
    }

    /// Sets the text of a one-line field; nothing for a field
    /// [`Monitoring::text`] has no text for.
    pub fn set_text(&mut self, field: Field, text: String) {
        match field {
            Field::Service => self.service = text,
            Field::Name => self.name = text,
            Field::LabelName(i) => {
                if let Some(l) = self.labels.get_mut(i) {
                    l.name = text;
                }
            }
            Field::LabelValue(i) => {
                if let Some(l) = self.labels.get_mut(i) {
                    l.value = text;
                }
            }
            Field::Target | Field::Labels => {}
            Field::Good | Field::Bad | Field::Total | Field::Ratio => {
                self.sli.set_expression(field, text);
            }
        }
    }

    /// The first problem about `field` in `problems`, for the message
    /// beside it.
    pub fn message_for(problems: &[Problem], field: Field) -> Option<String> {
        problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.message.clone())
    }
}

impl Monitoring {
    /// Everything that keeps the exports from being written, in field
    /// order; empty when they can be.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut push = |field: Field, r: Result<(), String>| {
            if let Err(message) = r {
                out.push(Problem::new(field, message));
            }
        };
        push(Field::Service, check_name(Field::Service, &self.service));
        push(Field::Name, check_name(Field::Name, &self.name));
        for (field, text) in self.sli.expressions() {
            push(field, check_expression(field, text));
        }
        if self.labels.len() > MAX_LABELS {
            push(
                Field::Labels,
                Err(format!(
                    "Keep to {MAX_LABELS} labels or fewer (there are {}).",
                    self.labels.len()
                )),
            );
        }
        for (i, label) in self.labels.iter().enumerate() {
            push(Field::LabelName(i), check_label_name(&label.name));
            let twice = self.labels[..i].iter().any(|l| l.name == label.name);
            if twice && !label.name.is_empty() {
                push(
                    Field::LabelName(i),
                    Err(format!("The label name {} is used twice.", label.name)),
                );
            }
            push(
                Field::LabelValue(i),
                check_label_value(&label.name, &label.value),
            );
        }
        out
    }

    /// Whether the stored values are ones the screen could hold: bounded,
    /// one line each. Empty fields are fine (not entered yet).
    pub fn is_valid(&self) -> bool {
        let ok = |t: &str, max: usize, tab_ok: bool| {
            t.chars().count() <= max && stray_character(t, tab_ok).is_none()
        };
        ok(&self.service, MAX_NAME_CHARS, false)
            && ok(&self.name, MAX_NAME_CHARS, false)
            && self
                .sli
                .expressions()
                .iter()
                .all(|(_, e)| ok(e, MAX_EXPRESSION_CHARS, true))
            && self.labels.len() <= MAX_LABELS
            && self.labels.iter().all(|l| {
                ok(&l.name, MAX_LABEL_NAME_CHARS, false)
                    && ok(&l.value, MAX_LABEL_VALUE_CHARS, false)
            })
    }

    /// The id the rules carry in `sloth_id`: service and name joined by a
    /// dash, as sloth writes it.
    pub fn id(&self) -> String {
        format!("{}-{}", self.service.trim(), self.name.trim())
    }

    /// A file name for the exports: the id in lower case, anything but
    /// letters and digits turned into single dashes ("slo" when nothing is
    /// left), then `extension`.
    pub fn file_name(&self, extension: &str) -> String {
        format!("{}.{extension}", slug(&self.id(), 80))
    }
}

/// Lower-case ASCII letters and digits with single dashes between runs, at
/// most `max` characters, never starting or ending with a dash: an RFC 1123
/// label when `max` ≤ 63 (OpenSLO's rule for names). "slo" when nothing is
/// left.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if out.len() >= max {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "slo".to_string()
    } else {
        out
    }
}
