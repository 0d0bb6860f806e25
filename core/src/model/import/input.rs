//! The checks every imported file passes before it is parsed: its size,
//! NUL bytes (a binary file) and UTF-8.

/// Largest input accepted, in bytes. 100,000 deployment rows take about
/// 7 MB; anything far larger is refused before it is parsed. CSV and text
/// exports keep to it.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Largest JSON export accepted, in bytes: 160 MiB. A busy year of GitHub
/// deployments as `gh api --paginate` writes them is 50,000 objects of
/// about 2 KB (each carries its creator's user object), some 100 MB; the
/// cap leaves room for half as much again, or pretty-printed output.
pub const MAX_JSON_BYTES: usize = 160 * 1024 * 1024;

/// Why a file cannot be read at all.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge(usize),
    /// A JSON file larger than [`MAX_JSON_BYTES`].
    TooLargeJson(usize),
    /// Holds NUL bytes: a binary file, not CSV.
    Binary,
    /// Not valid UTF-8; the byte offset of the first bad byte.
    NotUtf8(usize),
}

impl InputError {
    /// A message fit to show to users.
    pub fn message(&self) -> String {
        match self {
            InputError::TooLarge(n) => format!(
                "This file is {:.1} MB; the limit is {} MB. Export a shorter period or fewer columns.",
                *n as f64 / 1_048_576.0,
                MAX_INPUT_BYTES / 1_048_576
            ),
            InputError::TooLargeJson(n) => format!(
                "This JSON file is {:.1} MB; the limit for JSON is {} MB. Export a shorter period.",
                *n as f64 / 1_048_576.0,
                MAX_JSON_BYTES / 1_048_576
            ),
            InputError::Binary => {
                "This looks like a binary file, not CSV text. Export the data as CSV and try again."
                    .to_string()
            }
            InputError::NotUtf8(at) => format!(
                "This file is not UTF-8 text (first invalid byte at position {at}). Save or export it as UTF-8 CSV."
            ),
        }
    }
}

/// Checks raw bytes before parsing: size cap first (so a huge file costs
/// nothing more), then NUL bytes, then UTF-8.
pub fn decode(bytes: &[u8]) -> Result<&str, InputError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge(bytes.len()));
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8(e.valid_up_to()))
}

/// Bytes from the start of a file that [`check_size`] needs to tell JSON
/// from other text (a byte-order mark and some leading blank lines).
pub const HEAD_BYTES: usize = 4096;

/// Whether text starting with `head` is JSON: its first character, after
/// a byte-order mark and white space, is `[` or `{`.
pub fn starts_as_json(head: &[u8]) -> bool {
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| matches!(b, b'[' | b'{'))
}

/// The size check of a file of `size` bytes that starts with `head` (at
/// least its first [`HEAD_BYTES`]), made before the rest is read: JSON may
/// be up to [`MAX_JSON_BYTES`], anything else up to [`MAX_INPUT_BYTES`].
pub fn check_size(head: &[u8], size: usize) -> Result<(), InputError> {
    if size > MAX_JSON_BYTES {
        return Err(InputError::TooLargeJson(size));
    }
    if size > MAX_INPUT_BYTES && !starts_as_json(head) {
        return Err(InputError::TooLarge(size));
    }
    Ok(())
}

/// As [`decode`], for an export of any shape: JSON (its first character
/// `[` or `{`) may be up to [`MAX_JSON_BYTES`], anything else up to
/// [`MAX_INPUT_BYTES`].
pub fn decode_export(bytes: &[u8]) -> Result<&str, InputError> {
    check_size(bytes, bytes.len())?;
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8(e.valid_up_to()))
}
