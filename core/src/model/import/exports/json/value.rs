//! The values a record's fields hold: [`Val`] for a scalar of any JSON
//! type, [`Obj`] for a nested object and [`List`] for an array, each read
//! leniently (anything else in the field is skipped, never an error).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A scalar field as a record keeps it. Objects and arrays where a scalar
/// belongs are skipped and read as [`Val::Other`].
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Val<'a> {
    #[default]
    Null,
    Str(Cow<'a, str>),
    Int(i64),
    Num(f64),
    Bool(bool),
    Other,
}

impl Val<'_> {
    /// The string, trimmed, when it is one and not blank.
    pub fn str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(crate::model::text::trim(s)).filter(|s| !s.is_empty()),
            _ => None,
        }
    }

    /// A string or a number as text: how ids are compared.
    pub fn text(&self) -> Option<String> {
        match self {
            Val::Str(_) => self.str().map(str::to_string),
            Val::Int(i) => Some(i.to_string()),
            Val::Num(f) if f.is_finite() => Some(f.to_string()),
            _ => None,
        }
    }

    /// A boolean, or a string that says yes or no.
    pub fn flag(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            Val::Str(s) => crate::model::import::parse_flag(s).filter(|_| !s.trim().is_empty()),
            _ => None,
        }
    }

    /// A finite number, or a string holding one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Val::Int(i) => Some(*i as f64),
            Val::Num(f) => Some(*f).filter(|f| f.is_finite()),
            Val::Str(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
            _ => None,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Val<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValVisitor(PhantomData))
    }
}

struct ValVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for ValVisitor<'a> {
    type Value = Val<'a>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Val<'a>, E> {
        Ok(Val::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Val<'a>, E> {
        Ok(Val::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Val<'a>, E> {
        Ok(i64::try_from(v).map_or(Val::Num(v as f64), Val::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Val<'a>, E> {
        Ok(Val::Num(v))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Val<'a>, E> {
        Ok(Val::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Val<'a>, E> {
        Ok(Val::Str(Cow::Owned(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Val<'a>, E> {
        Ok(Val::Str(Cow::Owned(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Val<'a>, E> {
        Ok(Val::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Val<'a>, E> {
        Ok(Val::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Val<'a>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Val::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Val<'a>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Val::Other)
    }
}

/// A nested object; `None` when the field is absent, null or not an
/// object.
#[derive(Clone, Debug, PartialEq)]
pub struct Obj<T>(pub Option<T>);

impl<T> Default for Obj<T> {
    fn default() -> Self {
        Obj(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Lenient::<Obj<T>>(PhantomData))
    }
}

/// A nested array; empty when the field is absent or not an array.
#[derive(Clone, Debug, PartialEq)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Lenient::<List<T>>(PhantomData))
    }
}

/// Reads an [`Obj`] or a [`List`], skipping whatever else the field holds.
struct Lenient<X>(PhantomData<X>);

/// What a [`Lenient`] visitor makes of a map, a sequence, or anything else.
trait Shaped<'de>: Default {
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
    fn from_seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error>;
}

impl<'de, T: Deserialize<'de>> Shaped<'de> for Obj<T> {
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(|t| Obj(Some(t)))
    }
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Obj(None))
    }
}

impl<'de, T: Deserialize<'de>> Shaped<'de> for List<T> {
    fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(List(Vec::new()))
    }
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        let mut out = Vec::new();
        while let Some(x) = seq.next_element::<T>()? {
            out.push(x);
        }
        Ok(List(out))
    }
}

impl<'de, X: Shaped<'de>> Visitor<'de> for Lenient<X> {
    type Value = X;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<X, E> {
        Ok(X::default())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<X, E> {
        Ok(X::default())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<X, E> {
        Ok(X::default())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<X, E> {
        Ok(X::default())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<X, E> {
        Ok(X::default())
    }
    fn visit_unit<E: de::Error>(self) -> Result<X, E> {
        Ok(X::default())
    }
    fn visit_none<E: de::Error>(self) -> Result<X, E> {
        Ok(X::default())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<X, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<X, A::Error> {
        X::from_map(map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<X, A::Error> {
        X::from_seq(seq)
    }
}
