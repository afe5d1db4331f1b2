//! Exact rational numbers for weights, indices and band edges.
//!
//! The regulations' index is a weighted mean of levels; with weights such as 1.30 % or
//! 20/6 % a float sum can land a hair below a band edge (1.7999999 instead of 1.80) and
//! flip the predicate. Every figure that feeds a predicate is therefore kept as an exact
//! fraction of two `i128`s, always in lowest terms with a positive denominator.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, Div, Mul, Neg, Sub};
use std::str::FromStr;

/// An exact fraction `num / den`, normalised (gcd 1, `den > 0`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rational {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Rational {
    pub const ZERO: Rational = Rational { num: 0, den: 1 };
    pub const ONE: Rational = Rational { num: 1, den: 1 };

    /// `num / den`. Panics on a zero denominator: callers divide only by weights that the
    /// catalogue validation has proven positive.
    pub fn new(num: i128, den: i128) -> Rational {
        assert!(den != 0, "Rational with zero denominator");
        let g = gcd(num, den).max(1);
        let sign = if den < 0 { -1 } else { 1 };
        Rational {
            num: sign * num / g,
            den: sign * den / g,
        }
    }

    pub fn from_int(n: i128) -> Rational {
        Rational { num: n, den: 1 }
    }

    /// A value given in hundredths (e.g. 250 → 2.50).
    pub fn from_hundredths(h: i64) -> Rational {
        Rational::new(h as i128, 100)
    }

    pub fn numer(&self) -> i128 {
        self.num
    }

    pub fn denom(&self) -> i128 {
        self.den
    }

    pub fn is_zero(&self) -> bool {
        self.num == 0
    }

    pub fn is_integer(&self) -> bool {
        self.den == 1
    }

    /// Largest integer not above the value.
    pub fn floor(&self) -> i128 {
        self.num.div_euclid(self.den)
    }

    /// Rounds half up (toward +∞ on a tie) to hundredths, as the displayed figure:
    /// 2.595 → 260, 2.594999… → 259. Indices are never negative, so "half up" and
    /// "half away from zero" agree here.
    pub fn round_hundredths_half_up(&self) -> i64 {
        // floor(x * 100 + 1/2) computed exactly.
        let scaled = Rational::new(self.num * 100, self.den) + Rational::new(1, 2);
        scaled.floor() as i64
    }

    /// Lossy conversion for charts and sorting keys only; never for predicates.
    pub fn to_f64(&self) -> f64 {
        self.num as f64 / self.den as f64
    }

    pub fn min(self, other: Rational) -> Rational {
        if self <= other {
            self
        } else {
            other
        }
    }

    pub fn max(self, other: Rational) -> Rational {
        if self >= other {
            self
        } else {
            other
        }
    }
}

impl fmt::Debug for Rational {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

impl fmt::Display for Rational {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl Ord for Rational {
    fn cmp(&self, other: &Self) -> Ordering {
        // Denominators are positive, so cross-multiplication keeps the order.
        (self.num * other.den).cmp(&(other.num * self.den))
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Add for Rational {
    type Output = Rational;
    fn add(self, o: Rational) -> Rational {
        let g = gcd(self.den, o.den).max(1);
        let l = self.den / g * o.den;
        Rational::new(self.num * (l / self.den) + o.num * (l / o.den), l)
    }
}

impl Sub for Rational {
    type Output = Rational;
    fn sub(self, o: Rational) -> Rational {
        self + (-o)
    }
}

impl Neg for Rational {
    type Output = Rational;
    fn neg(self) -> Rational {
        Rational {
            num: -self.num,
            den: self.den,
        }
    }
}

impl Mul for Rational {
    type Output = Rational;
    fn mul(self, o: Rational) -> Rational {
        let g1 = gcd(self.num, o.den).max(1);
        let g2 = gcd(o.num, self.den).max(1);
        Rational::new(
            (self.num / g1) * (o.num / g2),
            (self.den / g2) * (o.den / g1),
        )
    }
}

impl Div for Rational {
    type Output = Rational;
    fn div(self, o: Rational) -> Rational {
        assert!(o.num != 0, "division of a Rational by zero");
        self * Rational::new(o.den, o.num)
    }
}

impl std::iter::Sum for Rational {
    fn sum<I: Iterator<Item = Rational>>(iter: I) -> Rational {
        iter.fold(Rational::ZERO, |a, b| a + b)
    }
}

/// Why a catalogue number could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseRationalError(pub String);

impl fmt::Display for ParseRationalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not an exact number: \"{}\" (expected e.g. \"1.30\", \"27.5\" or \"20/6\")",
            self.0
        )
    }
}

impl FromStr for Rational {
    type Err = ParseRationalError;

    /// Reads `"13"`, `"1.30"`, `"-0.5"` or `"20/6"`. No exponents, no spaces: catalogue
    /// numbers are written by people and must mean exactly what they say.
    fn from_str(s: &str) -> Result<Rational, ParseRationalError> {
        let err = || ParseRationalError(s.to_string());
        if let Some((n, d)) = s.split_once('/') {
            let n: i128 = parse_int(n).ok_or_else(err)?;
            let d: i128 = parse_int(d).ok_or_else(err)?;
            if d == 0 {
                return Err(err());
            }
            return Ok(Rational::new(n, d));
        }
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int_part, frac_part) = body.split_once('.').unwrap_or((body, ""));
        if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        if !frac_part.bytes().all(|b| b.is_ascii_digit())
            || (body.contains('.') && frac_part.is_empty())
        {
            return Err(err());
        }
        if frac_part.len() > 18 || int_part.len() > 18 {
            return Err(err());
        }
        let den = 10i128.pow(frac_part.len() as u32);
        let digits = format!("{int_part}{frac_part}");
        let num: i128 = digits.parse().map_err(|_| err())?;
        Ok(Rational::new(if neg { -num } else { num }, den))
    }
}

fn parse_int(s: &str) -> Option<i128> {
    let body = s.strip_prefix('-').unwrap_or(s);
    if body.is_empty() || body.len() > 18 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl serde::Serialize for Rational {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for Rational {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rational, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Rational {
        s.parse().unwrap()
    }

    #[test]
    fn parses_decimals_and_fractions_exactly() {
        assert_eq!(r("1.30"), Rational::new(13, 10));
        assert_eq!(r("27.5"), Rational::new(55, 2));
        assert_eq!(r("20/6"), Rational::new(10, 3));
        assert_eq!(r("13"), Rational::from_int(13));
        assert_eq!(r("-0.5"), Rational::new(-1, 2));
        for bad in ["", "1.", ".5", "1e3", "1,30", " 1", "1/0", "a/2", "--1"] {
            assert!(
                bad.parse::<Rational>().is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn arithmetic_is_exact() {
        // 0.1 + 0.2 is exactly 0.3, which floats famously miss.
        assert_eq!(r("0.1") + r("0.2"), r("0.3"));
        // Six items of 20/6 % make exactly 20 %.
        let six: Rational = (0..6).map(|_| r("20/6")).sum();
        assert_eq!(six, Rational::from_int(20));
        assert_eq!(r("3") / r("20/6"), r("0.9"));
        assert_eq!(r("2.5") - r("3"), r("-0.5"));
        assert!(r("1.8") > r("1.7999999999"));
    }

    #[test]
    fn half_up_rounding_to_hundredths() {
        assert_eq!(r("2.595").round_hundredths_half_up(), 260);
        assert_eq!(r("2.5949999").round_hundredths_half_up(), 259);
        assert_eq!(r("3.282").round_hundredths_half_up(), 328);
        assert_eq!(r("85/55").round_hundredths_half_up(), 155);
        assert_eq!(r("0").round_hundredths_half_up(), 0);
        assert_eq!(r("5").round_hundredths_half_up(), 500);
    }

    #[test]
    fn floor_of_fractions() {
        assert_eq!(r("2.99").floor(), 2);
        assert_eq!(r("3").floor(), 3);
        assert_eq!(r("-0.5").floor(), -1);
    }
}
