//! JSON text to a [`serde_json::Value`], refusing a key written twice in one object.
//!
//! serde_json keeps the last of two equal keys without a word, so a file with indicator 36
//! twice in `answers` opened with the later answer (issue 9). This builds the same `Value`
//! in the same single pass, and stops at a repeated key (compared after unescaping, so
//! `"p\u0065riod"` repeats `"period"`), remembering where it was. Nesting depth stays
//! limited by serde_json's own recursion limit.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// A repeated key: the path segments of the object holding it, and the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeated {
    pub at: Vec<Segment>,
    pub key: String,
}

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// Reads `text`; `Err` carries serde_json's error (syntax, or the stop at a repeated key)
/// and, for a repeated key, where it is.
pub fn from_str(text: &str) -> Result<Value, (serde_json::Error, Option<Repeated>)> {
    let repeated = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = Node {
        at: &Path::Root,
        repeated: &repeated,
    };
    let value = seed.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    value.map_err(|e| (e, repeated.into_inner()))
}

/// A path as a chain of borrowed steps: nothing is allocated unless a key repeats.
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn segments(&self) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut at = self;
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, k) => {
                    out.push(Segment::Key((*k).to_owned()));
                    at = parent;
                }
                Path::Index(parent, i) => {
                    out.push(Segment::Index(*i));
                    at = parent;
                }
            }
        }
        out.reverse();
        out
    }
}

#[derive(Clone, Copy)]
struct Node<'a> {
    at: &'a Path<'a>,
    repeated: &'a RefCell<Option<Repeated>>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Value, E> {
        Ok(Number::from_f64(x).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let at = Path::Index(self.at, items.len());
            let node = Node {
                at: &at,
                repeated: self.repeated,
            };
            match seq.next_element_seed(node)? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                *self.repeated.borrow_mut() = Some(Repeated {
                    at: self.at.segments(),
                    key,
                });
                return Err(de::Error::custom("a key is written twice"));
            }
            let at = Path::Key(self.at, &key);
            let node = Node {
                at: &at,
                repeated: self.repeated,
            };
            let value = map.next_value_seed(node)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        let text =
            r#"{"a": [1, -2, 2.5, "x\u00e9", null, true, {"b": {}}], "c": 18446744073709551615}"#;
        assert_eq!(
            from_str(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn a_repeated_key_is_found_with_its_place() {
        let (_, r) = from_str(r#"{"a": [{"k": 1}, {"k": 1, "k": 2}]}"#).unwrap_err();
        let r = r.unwrap();
        assert_eq!(r.key, "k");
        assert_eq!(r.at, vec![Segment::Key("a".into()), Segment::Index(1)]);
        let (_, r) = from_str(r#"{"x": 1, "\u0078": 2}"#).unwrap_err();
        assert_eq!(r.unwrap().at, vec![]);
    }

    #[test]
    fn syntax_errors_and_trailing_text_stay_errors() {
        assert!(matches!(from_str("{\"a\": 1"), Err((_, None))));
        assert!(matches!(from_str("{} x"), Err((_, None))));
        let deep = "[".repeat(100_000);
        assert!(matches!(from_str(&deep), Err((_, None))));
    }
}
