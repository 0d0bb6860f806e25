//! JSON as exports write it, read straight into typed records: one array,
//! several arrays one after another (`gh api --paginate`), JSON Lines, a
//! single object, or objects that wrap their list (`{"workflow_runs":
//! [...]}`), in any mix. Records borrow their strings from the input and
//! skip every field they do not name, so a 100 MB export never becomes a
//! tree of `serde_json::Value`s.
//!
//! Records are lenient where exports are: every scalar field is a [`Val`]
//! (a string, number, boolean or null, whatever the schema said), nested
//! objects are [`Obj`]s and arrays [`List`]s that come out empty when the
//! data holds something else. So a record with an odd field is still read
//! and judged field by field, with its reason; only text that is not JSON
//! at all stops the reading, and then the records before it are kept.

mod value;

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

pub use value::{List, Obj, Val};

/// Where a file's records sit: at the top (in arrays or as objects), or
/// in a wrapping object's list under this key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Plain,
    Wrapped(&'static str),
}

/// How a read ended: records seen, items that were not objects (their
/// positions), and why the reading stopped early, if it did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StreamEnd {
    /// Top-level values begun (arrays, objects, or anything else).
    pub values: usize,
    pub records: usize,
    pub not_objects: Vec<usize>,
    pub stopped: Option<String>,
}

/// Arrays nested deeper than this (arrays of arrays of pages) are not
/// looked into.
const MAX_DEPTH: u8 = 4;

/// Reads every record of `bytes` in `layout`, handing each to `sink` with
/// its position (1-based, in file order).
pub fn each<'de, T, F>(bytes: &'de [u8], layout: Layout, mut sink: F) -> StreamEnd
where
    T: Deserialize<'de>,
    F: FnMut(usize, T),
{
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut end = StreamEnd::default();
    // Values are read until the parser finds the end of the input where a
    // value would begin. (Asking the parser whether only whitespace is
    // left would build an error, and with it a line count from the start,
    // after every value: quadratic over `--paginate`'s pages.)
    loop {
        let before = end.values;
        let seed = Seed::<T, F> {
            end: &mut end,
            sink: &mut sink,
            layout,
            depth: 0,
            wrapped: false,
            _t: PhantomData,
        };
        if let Err(e) = seed.deserialize(&mut de) {
            let clean_end =
                end.values == before && e.classify() == serde_json::error::Category::Eof;
            if !clean_end {
                end.stopped = Some(describe(&e));
            }
            return end;
        }
    }
}

/// Why JSON text could not be read on, in words, with its place.
pub fn describe(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Eof => "ends in the middle of a value (cut off?)",
        Category::Syntax => "is not valid JSON",
        Category::Data | Category::Io => "holds a value that cannot be read",
    };
    format!(
        "the text {what} at line {}, column {}",
        e.line(),
        e.column()
    )
}

struct Seed<'s, T, F> {
    end: &'s mut StreamEnd,
    sink: &'s mut F,
    layout: Layout,
    depth: u8,
    /// Inside the wrapping object's list.
    wrapped: bool,
    _t: PhantomData<T>,
}

impl<T, F> Seed<'_, T, F> {
    fn child(&mut self, wrapped: bool) -> Seed<'_, T, F> {
        Seed {
            end: self.end,
            sink: self.sink,
            layout: self.layout,
            depth: self.depth + 1,
            wrapped,
            _t: PhantomData,
        }
    }

    /// Counts a top-level value as begun.
    fn begin(&mut self) {
        if self.depth == 0 {
            self.end.values += 1;
        }
    }

    fn not_object<E>(mut self) -> Result<(), E> {
        self.begin();
        self.end.records += 1;
        self.end.not_objects.push(self.end.records);
        Ok(())
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(usize, T)> DeserializeSeed<'de> for Seed<'_, T, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(usize, T)> Visitor<'de> for Seed<'_, T, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array or an object")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.not_object()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.not_object()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.not_object()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_object()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.not_object()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.not_object()
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        self.begin();
        if self.depth >= MAX_DEPTH {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return self.not_object();
        }
        let wrapped = self.wrapped;
        while seq.next_element_seed(self.child(wrapped))?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        self.begin();
        match self.layout {
            Layout::Wrapped(key) if !self.wrapped => {
                while let Some(hit) = map.next_key_seed(KeyIs(key))? {
                    if hit {
                        map.next_value_seed(self.child(true))?;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(())
            }
            _ => {
                let record = T::deserialize(MapAccessDeserializer::new(map))?;
                self.end.records += 1;
                (self.sink)(self.end.records, record);
                Ok(())
            }
        }
    }
}

/// Reads a key and says whether it is the wanted one, without keeping it.
struct KeyIs(&'static str);

impl<'de> DeserializeSeed<'de> for KeyIs {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(v == self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Default, Debug)]
    #[serde(default)]
    struct Rec<'a> {
        #[serde(borrow)]
        id: Val<'a>,
        #[serde(borrow)]
        inner: Obj<Inner<'a>>,
        #[serde(borrow)]
        tags: List<Val<'a>>,
    }

    #[derive(Deserialize, Default, Debug)]
    #[serde(default)]
    struct Inner<'a> {
        #[serde(borrow)]
        name: Val<'a>,
    }

    fn ids(text: &str, layout: Layout) -> (Vec<String>, StreamEnd) {
        let mut out = Vec::new();
        let end = each::<Rec, _>(text.as_bytes(), layout, |_, r| {
            out.push(r.id.text().unwrap_or_default())
        });
        (out, end)
    }

    #[test]
    fn reads_arrays_pages_lines_and_wrappers() {
        let (v, end) = ids("[{\"id\":1},{\"id\":\"2\"}]\n[{\"id\":3}]", Layout::Plain);
        assert_eq!(v, ["1", "2", "3"]);
        assert_eq!(
            end,
            StreamEnd {
                values: 2,
                records: 3,
                ..StreamEnd::default()
            }
        );
        let (v, _) = ids("{\"id\":1}\n{\"id\":2}\n", Layout::Plain);
        assert_eq!(v, ["1", "2"]);
        let (v, _) = ids(
            "{\"total\":2,\"runs\":[{\"id\":1}]}{\"runs\":[{\"id\":2}],\"x\":[1]}",
            Layout::Wrapped("runs"),
        );
        assert_eq!(v, ["1", "2"]);
        let (v, _) = ids("[[{\"id\":1}],[{\"id\":2}]]", Layout::Plain);
        assert_eq!(v, ["1", "2"]);
        let (v, _) = ids("\u{feff}[{\"id\":1}]", Layout::Plain);
        assert_eq!(v, ["1"]);
    }

    #[test]
    fn odd_fields_are_lenient_and_broken_text_keeps_what_came_before() {
        let text = "[{\"id\":{\"a\":1},\"inner\":\"x\",\"tags\":{\"b\":2}},\
                    {\"id\":null,\"inner\":{\"name\":\"n\"},\"tags\":[\"t\",1]},\
                    7,{\"id\":\"cut";
        let mut names = Vec::new();
        let end = each::<Rec, _>(text.as_bytes(), Layout::Plain, |_, r| {
            names.push((
                r.id.clone(),
                r.inner.0.map(|i| i.name.text()),
                r.tags.0.len(),
            ));
        });
        assert_eq!(names[0], (Val::Other, None, 0));
        assert_eq!(names[1], (Val::Null, Some(Some("n".to_string())), 2));
        assert_eq!(end.not_objects, vec![3]);
        assert!(end.stopped.unwrap().contains("cut off"));
        let (v, end) = ids("[{\"id\":1}] nonsense", Layout::Plain);
        assert_eq!(v, ["1"]);
        assert!(end.stopped.unwrap().contains("not valid JSON"));
    }

    #[test]
    fn values_read_as_text_flags_and_numbers() {
        assert_eq!(Val::Str(" a ".into()).str(), Some("a"));
        assert_eq!(Val::Str("  ".into()).str(), None);
        assert_eq!(Val::Int(42).text().as_deref(), Some("42"));
        assert_eq!(Val::Str("true".into()).flag(), Some(true));
        assert_eq!(Val::Str("".into()).flag(), None);
        assert_eq!(Val::Bool(false).flag(), Some(false));
        assert_eq!(Val::Str("0.25".into()).number(), Some(0.25));
        assert_eq!(Val::Num(f64::NAN).number(), None);
    }
}
