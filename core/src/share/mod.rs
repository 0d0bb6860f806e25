//! Share links: a whole [`Scenario`] in a URL fragment, so no server ever
//! sees it.
//!
//! A link payload is `<version>.<base64url>`, the base64url (no padding)
//! holding a raw-DEFLATE stream of the scenario's postcard serialization,
//! followed by the CRC-32 of that stream. The stream is compressed against
//! a preset dictionary ([`DICTIONARY`]), as Brotli uses a built-in one, so
//! the words goals are written in and the plans' preset values cost a few
//! bytes rather than their full length. Each version's schema is frozen
//! when it ships: version 1 is the [`Scenario`] before workshops, version 2
//! adds [`Scenario::workshop`] at the end, version 3 is written today. A
//! later change to the Scenario's serialized shape, or to any type inside
//! it, adds a version with a migration from the one before (the old shapes
//! live in `frozen`), and `tests/links/corpus` keeps decoding links from
//! every released version to the scenarios they held. Every version uses
//! version 1's dictionary. A set of teams travels the same way under its
//! own prefix (`t3.`, see [`teams`]), so neither kind of link can be taken
//! for the other.
//!
//! Workshop ballots (`model::workshop`) travel in the same frame behind
//! their own `b<version>.` prefix, so either kind pasted where the other
//! belongs is named rather than called damaged.
//!
//! Decoding treats the text as hostile: its length is capped before any
//! work, base64url is strict, the checksum must match before inflating,
//! inflation stops at a size cap (no decompression bombs), and the parsed
//! scenario, once −0 is made 0 and a link from before the model-wide limits
//! is repaired ([`crate::model::saved::repair`]), must pass
//! [`Scenario::is_valid`] (every value within [`crate::model::limits`] and
//! its field's range, bounded trial counts and list lengths).

mod frozen;
pub mod teams;

use crate::model::Scenario;

/// The schema version new links are written in.
pub const VERSION: u32 = 3;

/// Largest serialized scenario a link may inflate to. The largest scenario
/// the limits allow serializes to about 1.5 MB (every list at its cap,
/// every text at its longest in four-byte characters; a test builds it),
/// so 2 MiB holds it with room for the fields later versions add.
pub const MAX_INFLATED_BYTES: usize = 2 * 1024 * 1024;
/// Longest payload accepted, in characters; anything longer is rejected
/// before decoding. Derived from [`MAX_INFLATED_BYTES`] so that every
/// scenario small enough to inflate has a link short enough to read: DEFLATE
/// grows incompressible data by at most 5 bytes a 64 KB block (RFC 1951
/// §3.2.4, stored blocks; a part in 1,024 here is generous), the checksum
/// adds 4 bytes, base64url makes 4 characters of 3 bytes, and the version
/// and its dot a few more.
pub const MAX_CHARS: usize = 16 + (MAX_INFLATED_BYTES + MAX_INFLATED_BYTES / 1024 + 64) * 4 / 3;
/// Above this many characters, chat and e-mail tools start to break links.
pub const LONG_LINK_CHARS: usize = 2_000;

/// Version 1's preset dictionary, frozen with the format (a test pins its
/// checksum): common words of delivery goals and the seed's example goals
/// as text, then the postcard bytes of the three strategy presets and of a
/// default scenario as they stood when links shipped.
pub const DICTIONARY: &[u8] = include_bytes!("dictionary-v1.bin");

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Written by a newer Flywheel than this one.
    NewerVersion(u32),
    /// Truncated, altered or not a Flywheel link at all.
    Damaged(&'static str),
    /// Well-formed, but the scenario in it is out of range.
    Invalid,
    /// A link to a set of teams ([`teams`]) where one scenario was expected.
    TeamsLink,
    /// A link to one scenario where a set of teams was expected.
    ScenarioLink,
    /// A participant's workshop ballot, not a scenario.
    Ballot,
}

impl LinkError {
    /// A message for the person who opened the link.
    pub fn message(&self) -> String {
        let keep = "Nothing was changed: your current and saved work are as they were.";
        match self {
            LinkError::NewerVersion(v) => format!(
                "This link was made by a newer version of Flywheel (link format {v}). Reload the page to get the latest version, then open the link again. {keep}"
            ),
            LinkError::Damaged(why) => format!(
                "This link is damaged ({why}). Ask the sender to copy it again, in full. {keep}"
            ),
            LinkError::Invalid => format!(
                "This link holds values Flywheel cannot use, so it may have been altered. {keep}"
            ),
            LinkError::TeamsLink => format!(
                "This is a link to a set of teams, not to one scenario: open it on the Teams screen. {keep}"
            ),
            LinkError::ScenarioLink => format!(
                "This is a link to one scenario, not to a set of teams: add it as a team, or open it on its own. {keep}"
            ),
            LinkError::Ballot => format!(
                "This is a participant's ballot, not a scenario link: the facilitator pastes it into the ballots box of the workshop's Commit step. {keep}"
            ),
        }
    }
}

/// The scenario as a link travels it: imported raw samples become the
/// compact summary the simulation needs (weekly deploy counts and the
/// measured figures), not row-by-row data.
pub fn for_link(scenario: &Scenario) -> Scenario {
    let mut s = scenario.clone();
    if let Some(m) = s.measured.as_mut() {
        m.lead_hours.clear();
        m.recovery_hours.clear();
    }
    s
}

/// The link payload for `scenario` (see [`for_link`] for what travels).
pub fn encode(scenario: &Scenario) -> String {
    // Serializing plain data into a Vec cannot fail.
    let bytes = postcard::to_allocvec(&for_link(scenario)).unwrap_or_default();
    format!("{VERSION}.{}", pack(&bytes))
}

/// The version text and body of a payload, its length capped first.
fn split(text: &str) -> Result<(&str, &str), LinkError> {
    if text.len() > MAX_CHARS {
        return Err(LinkError::Damaged(
            "it is far longer than any Flywheel link",
        ));
    }
    text.split_once('.')
        .ok_or(LinkError::Damaged("it has no format version"))
}

/// The scenario a link payload holds.
pub fn decode(text: &str) -> Result<Scenario, LinkError> {
    let (version, body) = split(text)?;
    if is_ballot(text) {
        return Err(LinkError::Ballot);
    }
    if version.starts_with(teams::PREFIX) {
        return Err(LinkError::TeamsLink);
    }
    let version = parse_version(version)?;
    if version > VERSION {
        return Err(LinkError::NewerVersion(version));
    }
    let bytes = unpack(body)?;
    let parsed = match version {
        1 => postcard::from_bytes::<frozen::ScenarioV1>(&bytes).map(Scenario::from),
        2 => postcard::from_bytes::<frozen::ScenarioV2>(&bytes).map(Scenario::from),
        _ => postcard::from_bytes::<Scenario>(&bytes),
    };
    let mut scenario = parsed.map_err(|_| LinkError::Damaged("its contents do not parse"))?;
    // −0 is 0; links from before the model-wide limits (formats 1 and 2)
    // are repaired as saved work from then is.
    crate::model::saved::repair::zeros(&mut scenario);
    if version < 3 {
        crate::model::saved::repair::older(&mut scenario);
    }
    if scenario.is_valid() {
        Ok(scenario)
    } else {
        Err(LinkError::Invalid)
    }
}

/// The payload in text someone pasted: a whole share link
/// (`https://…/#/report?s=1.…`), its fragment, or the payload alone, with
/// surrounding spaces ignored. A ballot link's payload (`?b=b1.…`) comes
/// back too, for [`decode`] to name. What comes back still goes through
/// [`decode`], which judges it.
pub fn payload_in(text: &str) -> &str {
    let text = text.trim();
    text.split_once("?s=")
        .or_else(|| text.split_once("?b="))
        .map_or(text, |(_, payload)| payload.trim())
}

/// Whether `payload` is a participant's ballot (`b1.…`, see
/// `model::workshop::ballot`) rather than a scenario: a scenario's version
/// starts with a digit, a ballot's with `b` and then one.
pub fn is_ballot(payload: &str) -> bool {
    let mut bytes = payload.bytes();
    bytes.next() == Some(b'b') && bytes.next().is_some_and(|b| b.is_ascii_digit())
}

/// A payload's format version: digits only, no sign or leading zero, so
/// each version has one spelling.
pub(crate) fn parse_version(text: &str) -> Result<u32, LinkError> {
    let canonical = !text.is_empty()
        && text.len() <= 9
        && text.bytes().all(|b| b.is_ascii_digit())
        && !text.starts_with('0');
    text.parse()
        .ok()
        .filter(|_| canonical)
        .ok_or(LinkError::Damaged("its format version is not a number"))
}

/// The body every Flywheel payload shares, after its version: `bytes`
/// deflated against [`DICTIONARY`], then the CRC-32 of the stream, in
/// base64url. Scenario links and ballots both travel in it.
pub(crate) fn pack(bytes: &[u8]) -> String {
    let mut packed = deflate(bytes);
    let crc = crc32(&packed);
    packed.extend_from_slice(&crc.to_le_bytes());
    base64url_encode(&packed)
}

/// The bytes a [`pack`]ed body holds, judged as hostile input: strict
/// base64url, the checksum checked before inflating, inflation capped.
pub(crate) fn unpack(body: &str) -> Result<Vec<u8>, LinkError> {
    let packed =
        base64url_decode(body).ok_or(LinkError::Damaged("it has characters a link cannot hold"))?;
    if packed.len() < 5 {
        return Err(LinkError::Damaged("it is cut short"));
    }
    let (stream, sum) = packed.split_at(packed.len() - 4);
    let expected = u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]);
    if crc32(stream) != expected {
        return Err(LinkError::Damaged(
            "its checksum does not match: it was cut short or altered",
        ));
    }
    inflate(stream).ok_or(LinkError::Damaged("its contents do not unpack"))
}

/// Raw DEFLATE of `data` with [`DICTIONARY`] as history: the dictionary is
/// compressed first and flushed to a byte boundary, and only what follows
/// is kept, so back-references may reach into the dictionary.
fn deflate(data: &[u8]) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush,
    };
    // Level 10 (the best), a raw stream with a 32 KB window.
    let mut c = CompressorOxide::new(create_comp_flags_from_zip_params(10, -15, 0));
    let mut out = Vec::new();
    let mut sink = |b: &[u8]| {
        out.extend_from_slice(b);
        true
    };
    compress_to_output(&mut c, DICTIONARY, TDEFLFlush::Sync, &mut sink);
    let history = out.len();
    let mut sink = |b: &[u8]| {
        out.extend_from_slice(b);
        true
    };
    compress_to_output(&mut c, data, TDEFLFlush::Finish, &mut sink);
    out.split_off(history)
}

/// Inflates a [`deflate`] stream after [`DICTIONARY`], into a buffer that
/// caps the output at [`MAX_INFLATED_BYTES`]: a stream that would unpack
/// further (a decompression bomb) fails instead.
fn inflate(stream: &[u8]) -> Option<Vec<u8>> {
    use miniz_oxide::inflate::core::inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let start = DICTIONARY.len();
    let mut out = vec![0u8; start + MAX_INFLATED_BYTES];
    out[..start].copy_from_slice(DICTIONARY);
    let mut r = DecompressorOxide::new();
    let (status, _, written) = decompress(
        &mut r,
        stream,
        &mut out,
        start,
        TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    );
    if status != TINFLStatus::Done {
        return None;
    }
    out.truncate(start + written);
    Some(out.split_off(start))
}

/// CRC-32 (IEEE 802.3, as zlib and PNG use), bit by bit: links are a few
/// hundred bytes, so a table would cost more bundle than it saves time.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Strict unpadded base64url: any other character, a length no encoder
/// produces, or stray bits in the last character reject the input.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    };
    let text = text.as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= u32::from(value(c)?) << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        // Bits past the last whole byte must be zero (canonical encoding).
        if n & ((1u32 << (24 - 8 * bytes)) - 1) != 0 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_1_dictionary_is_frozen() {
        // Changing it would break every version 1 link ever shared.
        assert_eq!((DICTIONARY.len(), crc32(DICTIONARY)), (2126, 0x4261_55b7));
    }

    #[test]
    fn payloads_are_found_in_links_fragments_or_alone() {
        let payload = "1.AbC-_d";
        for text in [
            "https://example.org/flywheel/#/report?s=1.AbC-_d",
            "  #/simulate?s=1.AbC-_d\n",
            "1.AbC-_d",
        ] {
            assert_eq!(payload_in(text), payload, "{text}");
        }
        assert_eq!(payload_in("   "), "");
        assert!(decode(payload_in("https://example.org/#/goals")).is_err());
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn base64url_follows_rfc_4648_test_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn base64url_rejects_what_no_encoder_writes() {
        assert_eq!(base64url_decode("Zg=="), None, "padding");
        assert_eq!(base64url_decode("Zm9v+"), None, "standard alphabet");
        assert_eq!(base64url_decode("Z"), None, "impossible length");
        assert_eq!(base64url_decode("Zh"), None, "stray bits");
        assert_eq!(base64url_decode("Zm 9v"), None, "space");
    }
}
