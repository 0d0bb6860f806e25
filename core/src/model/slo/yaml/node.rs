//! What the YAML reader gives back: values with the line each starts on,
//! the accessors the importers read them with, and the reader's errors.

/// A value read from YAML.
#[derive(Clone, Debug, PartialEq)]
pub enum Yaml {
    /// Empty, `~` or `null`.
    Null,
    /// A scalar's text, and whether it was plain (unquoted): only plain
    /// scalars are numbers or booleans.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    /// Keys in file order.
    Map(Vec<(String, Node)>),
}

/// A value and the line (1-based) it starts on.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Yaml,
    pub line: usize,
}

/// Why a text is not YAML this reader takes, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub message: String,
}

impl YamlError {
    pub(super) fn new(line: usize, message: impl Into<String>) -> YamlError {
        YamlError {
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Line {}: {}", self.line, self.message)
    }
}

impl Node {
    /// The value under `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Yaml::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A scalar's text, quoted or plain.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Yaml::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A plain scalar in YAML 1.2's number form (`12`, `-0.5`, `1e-3`).
    pub fn as_f64(&self) -> Option<f64> {
        match &self.value {
            Yaml::Scalar { text, plain: true } if is_number(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// A plain `true` or `false` (any case YAML 1.2 allows).
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Yaml::Scalar { text, plain: true } => match text.as_str() {
                "true" | "True" | "TRUE" => Some(true),
                "false" | "False" | "FALSE" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        self.value == Yaml::Null
    }
}

/// YAML 1.2 core schema's float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
fn is_number(text: &str) -> bool {
    let t = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((a, b)) => (digits(a) && (b.is_empty() || digits(b))) || (a.is_empty() && digits(b)),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}
