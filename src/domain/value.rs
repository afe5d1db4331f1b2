//! An indicator's value: a level (SPBE), a two-decimal value (Pemdi), or, for a Pemdi value
//! suggested from its evidence items and accepted, the exact fraction behind it.

use crate::domain::rational::Rational;
use std::cmp::Ordering;
use std::fmt;

/// An indicator value: an exact fraction `num / den` in lowest terms, from 0 to 5.
///
/// Most values are hundredths: SPBE levels are whole numbers (level 3 is 3/1) and Pemdi
/// values are typed with at most two decimals (2.47 is 247/100). A Pemdi value suggested
/// from the share of a level's evidence items the unit holds can be a fraction such as 7/6
/// (one of three level-1 items, see `domain::checklist`): the assessors show it as 1,17
/// but compute with 7/6, so an aspect of 7/6 and 1.00 at equal weights is 13/12 = 1,08,
/// while a typed 1,17 would give 1,085 = 1,09. Keeping the fraction keeps every figure
/// built on the value exact; it is shown, like every figure, half up to two decimals.
///
/// Which values a framework accepts is decided by [`crate::domain::catalogue::ValueRange`].
///
/// In storage (drafts, workspaces) a value is a JSON number when it is a whole number of
/// hundredths and a text `"7/6"` otherwise. In exchange files it is always the two-decimal
/// number `value`, with the fraction beside it as `exact` (see [`in_file`]), so a reader
/// that knows nothing of `exact` still reads the value shown.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value {
    num: u16,
    den: u16,
}

fn gcd(mut a: u32, mut b: u32) -> u32 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Value {
    /// Upper bound of any value, 5.00; keeps arithmetic on values trivially in range.
    pub const MAX_HUNDREDTHS: u16 = 500;
    /// The largest denominator a value may have: far above any item count, and small
    /// enough that `num` (at most 5 × `den`) fits a `u16`.
    pub const MAX_DENOMINATOR: u32 = 10_000;

    /// `num / den` in lowest terms; `None` outside 0–5, for a zero denominator or one
    /// above [`Value::MAX_DENOMINATOR`] after reduction.
    pub fn from_fraction(num: u32, den: u32) -> Option<Value> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den).max(1);
        let (num, den) = (num / g, den / g);
        if den > Self::MAX_DENOMINATOR || num > 5 * den {
            return None;
        }
        Some(Value {
            num: num as u16,
            den: den as u16,
        })
    }

    /// The value of an exact rational, when it is one (see [`Value::from_fraction`]).
    pub fn from_rational(r: Rational) -> Option<Value> {
        let (num, den) = (
            u32::try_from(r.numer()).ok()?,
            u32::try_from(r.denom()).ok()?,
        );
        Value::from_fraction(num, den)
    }

    pub fn from_hundredths(h: u16) -> Option<Value> {
        if h > Self::MAX_HUNDREDTHS {
            return None;
        }
        Value::from_fraction(h as u32, 100)
    }

    pub fn from_level(level: u8) -> Option<Value> {
        Value::from_hundredths(level as u16 * 100)
    }

    /// Reads a JSON number: accepted when it has at most two decimals and lies in 0–5.
    pub fn from_f64(x: f64) -> Option<Value> {
        if !x.is_finite() || !(0.0..=5.0).contains(&x) {
            return None;
        }
        let scaled = x * 100.0;
        let rounded = scaled.round();
        // 1.17 * 100 is 116.99999999999999 in binary; anything further off has a third decimal.
        if (scaled - rounded).abs() > 1e-6 {
            return None;
        }
        Value::from_hundredths(rounded as u16)
    }

    /// Reads a value typed by a person: "2,47", "2.47", "3" (comma or dot, at most two
    /// decimals). `None` for anything else.
    pub fn parse_typed(s: &str) -> Option<Value> {
        let s = s.trim().replace(',', ".");
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        if int.is_empty()
            || int.len() > 1
            || frac.len() > 2
            || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        if s.ends_with('.') {
            return None;
        }
        let whole: u16 = int.parse().ok()?;
        let cents: u16 = if frac.is_empty() {
            0
        } else {
            format!("{frac:0<2}").parse().ok()?
        };
        Value::from_hundredths(whole * 100 + cents)
    }

    /// Reads the exact form `"7/6"` (or a whole number, `"2"`). `None` for anything else.
    pub fn parse_fraction(s: &str) -> Option<Value> {
        let (n, d) = s.split_once('/').unwrap_or((s, "1"));
        let digits =
            |t: &str| !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(n) || !digits(d) {
            return None;
        }
        Value::from_fraction(n.parse().ok()?, d.parse().ok()?)
    }

    /// The value as displayed, in hundredths, rounded half up (7/6 → 117).
    pub fn hundredths(self) -> u16 {
        ((self.num as u32 * 200 + self.den as u32) / (2 * self.den as u32)) as u16
    }

    /// Whether the value is exactly a whole number of hundredths (every typed value is).
    pub fn is_hundredths(self) -> bool {
        100 % self.den == 0
    }

    /// The exact fraction, `"7/6"`, when the two decimals shown do not say the value
    /// exactly; `None` for levels and typed values.
    pub fn fraction(self) -> Option<String> {
        (!self.is_hundredths()).then(|| format!("{}/{}", self.num, self.den))
    }

    /// The value rounded to the hundredths shown (7/6 → 1.17): what a two-decimal file
    /// field holds.
    pub fn shown(self) -> Value {
        Value::from_fraction(self.hundredths() as u32, 100).unwrap_or(self)
    }

    pub fn is_whole(self) -> bool {
        self.den == 1
    }

    /// The whole level below or at the value (2.47 → 2).
    pub fn floor_level(self) -> u8 {
        (self.num / self.den) as u8
    }

    pub fn to_rational(self) -> Rational {
        Rational::new(self.num as i128, self.den as i128)
    }

    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl Ord for Value {
    fn cmp(&self, o: &Self) -> Ordering {
        (self.num as u32 * o.den as u32).cmp(&(o.num as u32 * self.den as u32))
    }
}

impl PartialOrd for Value {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.fraction() {
            Some(x) => write!(f, "Value({self} = {x})"),
            None => write!(f, "Value({self})"),
        }
    }
}

/// Whole values print as `3`, others with the two decimals shown (`2.50`, `1.17` for 7/6).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_whole() {
            write!(f, "{}", self.num)
        } else {
            let h = self.hundredths();
            write!(f, "{}.{:02}", h / 100, h % 100)
        }
    }
}

/// Storage form: a number for hundredths, the text `"7/6"` for an exact fraction.
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(x) = self.fraction() {
            s.serialize_str(&x)
        } else if self.is_whole() {
            s.serialize_u64(self.num as u64)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("nilai 0–5 (angka dua desimal atau pecahan \"7/6\")")
            }
            fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Value, E> {
                // No `{x}` in the message: formatting an f64 would pull float printing into the wasm.
                Value::from_f64(x)
                    .ok_or_else(|| E::custom("nilai di luar 0–5 atau lebih dari dua desimal"))
            }
            fn visit_u64<E: serde::de::Error>(self, x: u64) -> Result<Value, E> {
                self.visit_f64(x.min(1000) as f64)
            }
            fn visit_i64<E: serde::de::Error>(self, x: i64) -> Result<Value, E> {
                self.visit_f64(x.clamp(-1, 1000) as f64)
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Value, E> {
                Value::parse_fraction(s).ok_or_else(|| E::custom("pecahan tidak sah"))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A value in an exchange file: `"value": 1.17, "exact": "7/6"`, used with
/// `#[serde(flatten, with = "value::in_file")]`.
///
/// `value` is always the two-decimal number shown, so a reader that does not know `exact`
/// (an older Swanilai, another tool) reads the figure the unit saw. `exact` is written only
/// when the value is not a whole number of hundredths. On reading, `exact` is taken only
/// when it rounds to `value`; otherwise `value` stands and the reader's check warns
/// (`exchange::parse`), so a file is never silently changed.
pub mod in_file {
    use super::Value;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Parts {
        value: Value,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        exact: Option<Value>,
    }

    pub fn serialize<S: Serializer>(v: &Value, s: S) -> Result<S::Ok, S::Error> {
        Parts {
            value: v.shown(),
            exact: (!v.is_hundredths()).then_some(*v),
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        let Parts { value, exact } = Parts::deserialize(d)?;
        Ok(reconcile(value, exact))
    }

    /// The value a file's `value` and `exact` stand for: `exact` when it rounds to `value`.
    pub fn reconcile(value: Value, exact: Option<Value>) -> Value {
        match exact {
            Some(e) if value.is_hundredths() && e.hundredths() == value.hundredths() => e,
            _ => value,
        }
    }

    /// The same for a value that may be absent: a supporting unit's proposed level
    /// (`support` in a submission), with `#[serde(flatten, with = "value::in_file::optional")]`.
    pub mod optional {
        use super::{reconcile, Value};
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        #[derive(Serialize, Deserialize)]
        struct Parts {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            value: Option<Value>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            exact: Option<Value>,
        }

        pub fn serialize<S: Serializer>(v: &Option<Value>, s: S) -> Result<S::Ok, S::Error> {
            Parts {
                value: v.map(Value::shown),
                exact: v.filter(|v| !v.is_hundredths()),
            }
            .serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
            let Parts { value, exact } = Parts::deserialize(d)?;
            Ok(value.map(|v| reconcile(v, exact)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frac(n: u32, d: u32) -> Value {
        Value::from_fraction(n, d).unwrap()
    }

    #[test]
    fn reads_two_decimal_numbers_exactly() {
        assert_eq!(Value::from_f64(1.17).unwrap().hundredths(), 117);
        assert_eq!(Value::from_f64(3.0).unwrap().hundredths(), 300);
        assert_eq!(Value::from_f64(0.29).unwrap().hundredths(), 29);
        assert_eq!(Value::from_f64(4.99).unwrap().hundredths(), 499);
        assert!(Value::from_f64(1.175).is_none());
        assert!(Value::from_f64(5.01).is_none());
        assert!(Value::from_f64(-1.0).is_none());
        assert!(Value::from_f64(f64::NAN).is_none());
    }

    #[test]
    fn reads_values_typed_with_comma_or_dot() {
        assert_eq!(Value::parse_typed("2,47").map(Value::hundredths), Some(247));
        assert_eq!(
            Value::parse_typed(" 2.5 ").map(Value::hundredths),
            Some(250)
        );
        assert_eq!(Value::parse_typed("3").map(Value::hundredths), Some(300));
        for bad in ["", "2,", "2,475", "abc", "12", "-1", "5,01", "2.4.7"] {
            assert_eq!(Value::parse_typed(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn fractions_are_exact_and_shown_half_up() {
        let v = frac(7, 6);
        assert_eq!(v.hundredths(), 117, "7/6 = 1.1666… shows 1.17");
        assert_eq!(v.to_rational(), Rational::new(7, 6));
        assert_eq!(v.fraction().as_deref(), Some("7/6"));
        assert_ne!(v, Value::from_hundredths(117).unwrap(), "7/6 is not 1.17");
        assert!(v < Value::from_hundredths(117).unwrap());
        assert!(v > Value::from_hundredths(116).unwrap());
        // 1.125 (9/8) is a tie: half up gives 1.13.
        assert_eq!(frac(9, 8).hundredths(), 113);
        // Reduced: 14/12 is 7/6; 250/100 is 5/2, a typed value.
        assert_eq!(frac(14, 12), v);
        assert!(frac(250, 100).is_hundredths());
        assert_eq!(frac(250, 100).fraction(), None);
        assert_eq!(frac(13, 12).to_string(), "1.08");
        assert!(Value::from_fraction(31, 6).is_none(), "above 5");
        assert!(Value::from_fraction(1, 0).is_none());
        assert_eq!(Value::parse_fraction("7/6"), Some(v));
        assert_eq!(Value::parse_fraction("2"), Value::from_level(2));
        for bad in ["", "7/", "/6", "7/0", "-7/6", "7 /6", "1.5/2", "31/6"] {
            assert_eq!(Value::parse_fraction(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn prints_and_serialises_like_the_exchange_format() {
        let v = Value::from_hundredths(250).unwrap();
        assert_eq!(v.to_string(), "2.50");
        assert_eq!(serde_json::to_string(&v).unwrap(), "2.5");
        let w = Value::from_level(3).unwrap();
        assert_eq!(serde_json::to_string(&w).unwrap(), "3");
        let back: Value = serde_json::from_str("1.17").unwrap();
        assert_eq!(back.hundredths(), 117);
        assert!(serde_json::from_str::<Value>("2.555").is_err());
        // Storage keeps a fraction as text, and reads it back.
        assert_eq!(serde_json::to_string(&frac(7, 6)).unwrap(), "\"7/6\"");
        assert_eq!(
            serde_json::from_str::<Value>("\"7/6\"").unwrap(),
            frac(7, 6)
        );
    }

    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Holder {
        #[serde(flatten, with = "in_file")]
        value: Value,
        #[serde(default)]
        note: String,
        #[serde(flatten)]
        extra: serde_json::Map<String, serde_json::Value>,
    }

    #[test]
    fn files_carry_the_shown_value_and_the_exact_fraction_beside_it() {
        let h = Holder {
            value: frac(7, 6),
            note: String::new(),
            extra: Default::default(),
        };
        let json = serde_json::to_value(&h).unwrap();
        assert_eq!(json["value"], serde_json::json!(1.17));
        assert_eq!(json["exact"], serde_json::json!("7/6"));
        assert_eq!(serde_json::from_value::<Holder>(json).unwrap(), h);
        // A typed value writes no `exact`.
        let typed = serde_json::to_value(Holder {
            value: Value::from_hundredths(117).unwrap(),
            ..h
        })
        .unwrap();
        assert!(typed.get("exact").is_none());
        // An `exact` that does not round to `value` is not taken; unknown fields stay extra.
        let odd: Holder =
            serde_json::from_str(r#"{"value": 1.2, "exact": "7/6", "x": 1}"#).unwrap();
        assert_eq!(odd.value, Value::from_hundredths(120).unwrap());
        assert_eq!(odd.extra.get("x"), Some(&serde_json::json!(1)));
        assert!(odd.extra.get("exact").is_none() && odd.extra.get("value").is_none());
    }
}
