//! An indicator's value: a level (SPBE) or a two-decimal value (Pemdi).

use crate::domain::rational::Rational;
use std::fmt;

/// An indicator value held in hundredths: level 3 is `Value(300)`, Pemdi 2.47 is `Value(247)`.
///
/// One representation serves all frameworks: SPBE levels are whole numbers (0–5 or 1–5),
/// Pemdi values carry at most two decimals (PermenPANRB 8/2026 reports values such as 1.17).
/// Which values a framework accepts is decided by [`crate::domain::catalogue::ValueRange`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Value(u16);

impl Value {
    /// Upper bound of any value, 5.00; keeps arithmetic on values trivially in range.
    pub const MAX_HUNDREDTHS: u16 = 500;

    pub fn from_hundredths(h: u16) -> Option<Value> {
        (h <= Self::MAX_HUNDREDTHS).then_some(Value(h))
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

    pub fn hundredths(self) -> u16 {
        self.0
    }

    pub fn is_whole(self) -> bool {
        self.0.is_multiple_of(100)
    }

    /// The whole level below or at the value (2.47 → 2).
    pub fn floor_level(self) -> u8 {
        (self.0 / 100) as u8
    }

    pub fn to_rational(self) -> Rational {
        Rational::from_hundredths(self.0 as i64)
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Value({self})")
    }
}

/// Whole values print as `3`, others with two decimals (`2.50`).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_whole() {
            write!(f, "{}", self.0 / 100)
        } else {
            write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
        }
    }
}

impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_whole() {
            s.serialize_u64((self.0 / 100) as u64)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        let x = f64::deserialize(d)?;
        // No `{x}` in the message: formatting an f64 would pull float printing into the wasm.
        Value::from_f64(x).ok_or_else(|| {
            serde::de::Error::custom("nilai di luar 0–5 atau lebih dari dua desimal")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn prints_and_serialises_like_the_exchange_format() {
        let v = Value::from_hundredths(250).unwrap();
        assert_eq!(v.to_string(), "2.50");
        assert_eq!(serde_json::to_string(&v).unwrap(), "2.5");
        let w = Value::from_level(3).unwrap();
        assert_eq!(serde_json::to_string(&w).unwrap(), "3");
        let back: Value = serde_json::from_str("1.17").unwrap();
        assert_eq!(back.hundredths(), 117);
        assert!(serde_json::from_str::<Value>("2.555").is_err());
    }
}
