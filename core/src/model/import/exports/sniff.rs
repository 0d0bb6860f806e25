//! A first look at a JSON file: the keys of its first records (and of the
//! object wrapping them, if one does), read without going through the
//! rest of the file, so a 100 MB export is recognised as fast as a small
//! one. What [`super::shape`] recognises shapes from.

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::json::describe;

/// Keys under which exports wrap their list of records: the REST APIs'
/// `workflow_runs` (GitHub Actions), `incidents` (PagerDuty, incident.io)
/// and `data` (PagerDuty analytics, Opsgenie).
pub const WRAPPERS: [&str; 3] = ["workflow_runs", "incidents", "data"];

/// Records looked at: enough that one record missing an optional field
/// does not hide it.
const LOOK_AT: usize = 24;

/// What the first look found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sniffed {
    /// The key the records are wrapped under, if they are.
    pub wrapper: Option<&'static str>,
    /// Keys of the first records, together.
    pub keys: BTreeSet<String>,
    /// Keys of the first top-level object, wrapper or record.
    pub top_keys: Vec<String>,
    /// Records looked at.
    pub records: usize,
    /// The first top-level value was an array.
    pub array: bool,
    /// Why the text is not JSON, when it was not readable from the start.
    pub error: Option<String>,
}

impl Sniffed {
    /// Whether a record key is present.
    pub fn has(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    /// Whether any of the keys is present.
    pub fn any(&self, keys: &[&str]) -> bool {
        keys.iter().any(|k| self.has(k))
    }

    /// What was found, in words, for a message about an unknown file.
    pub fn found(&self) -> String {
        let list = |keys: &mut dyn Iterator<Item = &String>| {
            let v: Vec<String> = keys.take(12).map(|k| format!("\"{k}\"")).collect();
            v.join(", ")
        };
        if self.records == 0 && self.top_keys.is_empty() {
            return if self.array {
                "an array with no objects in it".to_string()
            } else {
                "no objects".to_string()
            };
        }
        match self.wrapper {
            Some(w) => format!(
                "an object whose \"{w}\" list holds objects with the keys {}",
                list(&mut self.keys.iter())
            ),
            None if self.array => format!(
                "an array of objects with the keys {}",
                list(&mut self.keys.iter())
            ),
            None => format!(
                "an object with the keys {}",
                list(&mut self.top_keys.iter())
            ),
        }
    }
}

/// Looks at the first records of `bytes`.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut out = Sniffed::default();
    let mut first = true;
    while out.records < LOOK_AT && de.end().is_err() {
        let seed = Look {
            out: &mut out,
            depth: 0,
            first,
            in_wrapper: false,
        };
        match seed.deserialize(&mut de) {
            Ok(()) => first = false,
            Err(e) => {
                // Stopping after enough records is reported as an error
                // by the parser; only an error before any record counts.
                if out.records == 0 && out.top_keys.is_empty() {
                    out.error = Some(describe(&e));
                }
                break;
            }
        }
    }
    out
}

struct Look<'s> {
    out: &'s mut Sniffed,
    depth: u8,
    /// The first top-level value: its shape is the file's.
    first: bool,
    in_wrapper: bool,
}

impl<'de> DeserializeSeed<'de> for Look<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Look<'_> {
    fn enough<E: de::Error>(&self) -> Result<(), E> {
        if self.out.records >= LOOK_AT {
            Err(E::custom("looked at enough records"))
        } else {
            Ok(())
        }
    }
}

impl<'de> Visitor<'de> for Look<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array or an object")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.depth == 0 && self.first {
            self.out.array = true;
        }
        if self.depth >= 3 {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(());
        }
        loop {
            let child = Look {
                out: &mut *self.out,
                depth: self.depth + 1,
                first: false,
                in_wrapper: self.in_wrapper,
            };
            if seq.next_element_seed(child)?.is_none() {
                return Ok(());
            }
            self.enough()?;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let top = self.first && self.depth == 0;
        let mut own = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let wrapper = WRAPPERS.iter().find(|w| **w == key).copied();
            match wrapper {
                Some(w) if !self.in_wrapper && self.out.wrapper.is_none_or(|x| x == w) => {
                    self.out.wrapper = Some(w);
                    own.push(key);
                    if top {
                        self.out.top_keys.clone_from(&own);
                    }
                    map.next_value_seed(Look {
                        out: &mut *self.out,
                        depth: self.depth + 1,
                        first: false,
                        in_wrapper: true,
                    })?;
                }
                _ => {
                    own.push(key);
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if top {
            self.out.top_keys = own.clone();
        }
        let wrapping =
            !self.in_wrapper && self.out.wrapper.is_some_and(|w| own.iter().any(|k| k == w));
        if !wrapping {
            self.out.records += 1;
            self.out.keys.extend(own);
        }
        self.enough()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_record_keys_and_wrappers() {
        let s = sniff(br#"[{"id":1,"sha":"a"},{"id":2,"environment":"p"}]"#);
        assert!(s.array && s.wrapper.is_none());
        assert_eq!(s.records, 2);
        assert!(s.has("sha") && s.has("environment") && !s.has("x"));
        let s = sniff(br#"{"total_count":1,"workflow_runs":[{"id":1,"run_number":3}]}"#);
        assert_eq!(s.wrapper, Some("workflow_runs"));
        assert!(s.has("run_number") && !s.has("total_count"));
        assert_eq!(s.top_keys, ["total_count", "workflow_runs"]);
        let s = sniff(b"{\"issue_key\":\"A-1\"}\n{\"issue_key\":\"A-2\",\"type\":\"INCIDENT\"}");
        assert_eq!((s.records, s.wrapper), (2, None));
        assert!(s.has("type"));
        assert!(s.found().contains("\"issue_key\""));
    }

    #[test]
    fn stops_after_enough_records_and_reports_broken_text() {
        let many = format!("[{}]", vec!["{\"a\":1}"; 1000].join(","));
        let s = sniff(many.as_bytes());
        assert_eq!(s.records, LOOK_AT);
        assert!(s.error.is_none());
        let s = sniff(b"{not json");
        assert!(s.error.is_some());
        assert_eq!(sniff(b"[]").found(), "an array with no objects in it");
        assert_eq!(sniff(b"[1, 2]").found(), "an array with no objects in it");
        let s = sniff(br#"{"data":[]}"#);
        assert_eq!(s.wrapper, Some("data"));
    }
}
