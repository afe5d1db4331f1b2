//! RFC 3339 timestamps, the only time format of the exchange file.
//!
//! `exported_at`, `updated_at` and `decided_at` are RFC 3339 strings (docs/FORMAT.md), and
//! the coordinator orders two files from one unit by `exported_at`. Strings cannot be
//! compared as text once offsets differ (`2026-11-28T09:30:00+07:00` is earlier than
//! `2026-11-28T03:00:00Z`), so each is read once into a [`Timestamp`]: the text as written
//! (a file written back is the same file) and its UTC [`Instant`] (what comparisons use).
//! An evidence document's date is a [`Date`] (`YYYY-MM-DD`).
//!
//! The few lines of calendar arithmetic below (days from a civil date, after Howard
//! Hinnant's `days_from_civil`) replace a date crate the rest of the app does not need.

use std::fmt;

/// A UTC instant: seconds since 1970-01-01T00:00:00Z plus nanoseconds (`0..1_000_000_000`).
///
/// Ordered by time, whatever offset the original string was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant {
    secs: i64,
    nanos: u32,
}

impl Instant {
    /// The instant `unix_millis` milliseconds after the Unix epoch (what `Date.now()` gives).
    pub fn from_unix_millis(unix_millis: i64) -> Instant {
        Instant {
            secs: unix_millis.div_euclid(1000),
            nanos: (unix_millis.rem_euclid(1000) * 1_000_000) as u32,
        }
    }

    pub fn unix_seconds(self) -> i64 {
        self.secs
    }

    pub fn subsec_nanos(self) -> u32 {
        self.nanos
    }

    /// Milliseconds since the Unix epoch, sub-millisecond digits dropped.
    pub fn unix_millis(self) -> i64 {
        self.secs * 1000 + (self.nanos / 1_000_000) as i64
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, whole seconds in UTC: the form Swanilai writes.
    pub fn to_rfc3339(self) -> String {
        let c = self.civil(0);
        let (y, m, d, hh, mm, ss) = (c.year, c.month, c.day, c.hour, c.minute, c.second);
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
    }

    /// The calendar date and clock time of this instant at `offset_minutes` east of UTC
    /// (420 for WIB).
    pub fn civil(self, offset_minutes: i32) -> Civil {
        let secs = self.secs + i64::from(offset_minutes) * 60;
        let days = secs.div_euclid(86_400);
        let secs_of_day = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month: month as u32,
            day: day as u32,
            hour: (secs_of_day / 3600) as u32,
            minute: (secs_of_day / 60 % 60) as u32,
            second: (secs_of_day % 60) as u32,
        }
    }
}

/// A date and time on a wall clock: what [`Instant::civil`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

/// A time read from a file or the clock: the RFC 3339 text as written, and its instant.
///
/// The text is kept so that a file written back is byte for byte the file read (an offset
/// such as `+07:00` or a fraction of a second stays); the instant is parsed once, here,
/// and every comparison uses it. A `Timestamp` always holds a valid time: serde refuses
/// any other text, with the same rule as the reader.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Timestamp {
    text: String,
    instant: Instant,
}

impl Timestamp {
    /// Reads an RFC 3339 date-time ([`parse_rfc3339`]); `None` when it is not one.
    pub fn parse(text: &str) -> Option<Timestamp> {
        parse_rfc3339(text).map(|instant| Timestamp {
            text: text.to_owned(),
            instant,
        })
    }

    /// The instant written as Swanilai writes times: UTC, whole seconds.
    pub fn from_instant(instant: Instant) -> Timestamp {
        let whole = Instant {
            secs: instant.secs,
            nanos: 0,
        };
        Timestamp {
            text: whole.to_rfc3339(),
            instant: whole,
        }
    }

    /// [`Timestamp::from_instant`] of a time in Unix milliseconds (what `Date.now()` gives).
    pub fn from_unix_millis(unix_millis: i64) -> Timestamp {
        Timestamp::from_instant(Instant::from_unix_millis(unix_millis))
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn instant(&self) -> Instant {
        self.instant
    }
}

/// Earlier first; one instant written two ways is ordered by its text, so that the order
/// agrees with equality.
impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.instant, &self.text).cmp(&(other.instant, &other.text))
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse(&text).ok_or_else(|| serde::de::Error::custom("not an RFC 3339 time"))
    }
}

/// A calendar date, `YYYY-MM-DD` (an evidence document's date). Always a day that exists.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Reads exactly `YYYY-MM-DD` with a day that exists; `None` otherwise (never panics,
    /// whatever the text: it is read as bytes).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let (year, month, day) = (digits(b, 0, 4)?, digits(b, 5, 2)?, digits(b, 8, 2)?);
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn year(self) -> i64 {
        i64::from(self.year)
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(self.year(), i64::from(self.month), i64::from(self.day))
    }

    /// `30 November 2026`: how people read a date.
    pub fn words(self, lang: crate::domain::text::Lang) -> String {
        crate::domain::local_time::date_in_words(self, lang)
    }

    /// The day of the week in `lang`, "Senin" / "Monday".
    pub fn weekday(self, lang: crate::domain::text::Lang) -> &'static str {
        crate::domain::local_time::weekday(self, lang)
    }
}

/// The date part of a wall-clock time (years outside 0–9999 are clamped; no file or
/// clock Swanilai reads holds one).
impl From<Civil> for Date {
    fn from(c: Civil) -> Date {
        Date {
            year: c.year.clamp(0, 9999) as u16,
            month: c.month as u8,
            day: c.day as u8,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = (self.year, self.month, self.day);
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom("not a YYYY-MM-DD date"))
    }
}

/// Formats a time given in Unix milliseconds as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds),
/// the form of every timestamp Swanilai writes.
pub fn format_unix_millis(unix_millis: i64) -> String {
    Instant::from_unix_millis(unix_millis).to_rfc3339()
}

/// Reads an RFC 3339 date-time, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, into a UTC
/// instant. `None` when the text is not of that form or names a date that does not exist
/// (month 13, 30 February, 29 February outside a leap year).
///
/// Accepted as RFC 3339 §5.6 allows: lower-case `t` and `z`, any number of fraction digits
/// (beyond nanoseconds they are ignored), a leap second `:60`, which counts as the first
/// second of the next minute. Not accepted: a date alone, a space for `T`, a missing
/// offset (local time of an unknown zone cannot be ordered).
pub fn parse_rfc3339(s: &str) -> Option<Instant> {
    let b = s.as_bytes();
    if b.len() < 20 {
        return None;
    }
    let year = digits(b, 0, 4)?;
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    let hour = digits(b, 11, 2)?;
    let minute = digits(b, 14, 2)?;
    let second = digits(b, 17, 2)?;
    let separators_ok = b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'T' | b't')
        && b[13] == b':'
        && b[16] == b':';
    if !separators_ok
        || !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }

    let mut pos = 19;
    let mut nanos: u32 = 0;
    if b[pos] == b'.' {
        pos += 1;
        let start = pos;
        while pos < b.len() && b[pos].is_ascii_digit() {
            if pos - start < 9 {
                nanos = nanos * 10 + (b[pos] - b'0') as u32;
            }
            pos += 1;
        }
        let n = pos - start;
        if n == 0 {
            return None;
        }
        for _ in n..9 {
            nanos *= 10;
        }
    }

    let offset_secs: i64 = match &b[pos..] {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let oh = digits(b, pos + 1, 2)?;
            let om = digits(b, pos + 4, 2)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let off = oh * 3600 + om * 60;
            if *sign == b'-' {
                -off
            } else {
                off
            }
        }
        _ => return None,
    };

    let local = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    Some(Instant {
        secs: local - offset_secs,
        nanos,
    })
}

/// `n` ASCII digits of `b` from `at`, as a number; `None` if any is not a digit.
fn digits(b: &[u8], at: usize, n: usize) -> Option<i64> {
    b.get(at..at + n)?.iter().try_fold(0i64, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as i64)
    })
}

/// Gregorian leap year: every fourth year, except centuries not divisible by 400.
fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant, `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`] (Hinnant, `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: &str) -> i64 {
        parse_rfc3339(s)
            .unwrap_or_else(|| panic!("{s} should parse"))
            .unix_seconds()
    }

    /// Expected seconds are independent facts: the epoch is 0, 2000-01-01 is 946684800 and
    /// 2026-11-28T09:30:00Z is 1795858200 (both as printed by `date -u -d … +%s`).
    #[test]
    fn reads_utc_timestamps_as_unix_seconds() {
        assert_eq!(secs("1970-01-01T00:00:00Z"), 0);
        assert_eq!(secs("2000-01-01T00:00:00Z"), 946_684_800);
        assert_eq!(secs("2026-11-28T09:30:00Z"), 1_795_858_200);
        assert_eq!(secs("1969-12-31T23:59:59Z"), -1);
        assert_eq!(secs("2026-11-28t09:30:00z"), 1_795_858_200);
    }

    #[test]
    fn applies_the_offset() {
        // 16:30 in Jakarta (WIB, +07:00) is 09:30 UTC.
        assert_eq!(
            secs("2026-11-28T16:30:00+07:00"),
            secs("2026-11-28T09:30:00Z")
        );
        assert_eq!(
            secs("2026-11-28T05:00:00-04:30"),
            secs("2026-11-28T09:30:00Z")
        );
        // Across midnight and a year boundary.
        assert_eq!(
            secs("2027-01-01T06:00:00+09:00"),
            secs("2026-12-31T21:00:00Z")
        );
    }

    #[test]
    fn orders_by_instant_not_by_text() {
        let wib = parse_rfc3339("2026-11-28T09:30:00+07:00").unwrap();
        let utc = parse_rfc3339("2026-11-28T03:00:00Z").unwrap();
        assert!(wib < utc, "09:30 WIB is 02:30 UTC");
    }

    #[test]
    fn keeps_fractions_of_a_second() {
        let t = parse_rfc3339("2026-11-27T15:02:11.25Z").unwrap();
        assert_eq!((t.unix_seconds() % 60, t.subsec_nanos()), (11, 250_000_000));
        let t = parse_rfc3339("2026-11-27T15:02:11.123456789123Z").unwrap();
        assert_eq!(t.subsec_nanos(), 123_456_789);
        assert!(
            parse_rfc3339("2026-11-27T15:02:11.001Z").unwrap()
                > parse_rfc3339("2026-11-27T15:02:11Z").unwrap()
        );
        assert_eq!(
            parse_rfc3339("2026-11-27T15:02:11.999Z")
                .unwrap()
                .unix_millis()
                % 1000,
            999
        );
    }

    #[test]
    fn knows_leap_years() {
        assert!(parse_rfc3339("2024-02-29T00:00:00Z").is_some());
        assert!(
            parse_rfc3339("2000-02-29T00:00:00Z").is_some(),
            "divisible by 400"
        );
        assert!(parse_rfc3339("2026-02-29T00:00:00Z").is_none());
        assert!(
            parse_rfc3339("1900-02-29T00:00:00Z").is_none(),
            "century not divisible by 400"
        );
        assert_eq!(
            secs("2024-03-01T00:00:00Z") - secs("2024-02-28T00:00:00Z"),
            2 * 86_400
        );
    }

    #[test]
    fn refuses_what_is_not_rfc_3339() {
        for bad in [
            "",
            "2026-11-28",
            "2026-11-28T09:30:00",       // no offset
            "2026-11-28 09:30:00Z",      // space for T
            "2026-13-01T00:00:00Z",      // month 13
            "2026-00-10T00:00:00Z",      // month 0
            "2026-04-31T00:00:00Z",      // April has 30 days
            "2026-11-00T00:00:00Z",      // day 0
            "2026-11-28T24:00:00Z",      // hour 24
            "2026-11-28T09:60:00Z",      // minute 60
            "2026-11-28T09:30:61Z",      // second 61
            "2026-11-28T09:30:00.Z",     // empty fraction
            "2026-11-28T09:30:00+0700",  // offset without colon
            "2026-11-28T09:30:00+24:00", // offset hour 24
            "2026-11-28T09:30:00Z trailing",
            "28-11-2026T09:30:00Z",
            "２０２６-11-28T09:30:00Z", // full-width digits
            "2026/11/28T09:30:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_timestamp_keeps_its_text_and_compares_as_an_instant() {
        let wib = Timestamp::parse("2026-11-28T16:30:00+07:00").unwrap();
        let utc = Timestamp::parse("2026-11-28T09:30:00Z").unwrap();
        assert_eq!(wib.as_str(), "2026-11-28T16:30:00+07:00");
        assert_eq!(wib.instant(), utc.instant());
        assert_ne!(wib, utc, "two texts are two timestamps");
        let later = Timestamp::parse("2026-11-28T09:30:01Z").unwrap();
        assert!(wib < later && utc < later);
        assert!(Timestamp::parse("2026-02-29T00:00:00Z").is_none());
        assert_eq!(
            Timestamp::from_unix_millis(1_795_858_200_999).as_str(),
            "2026-11-28T09:30:00Z"
        );
    }

    #[test]
    fn a_timestamp_reads_and_writes_as_its_text() {
        let t: Timestamp = serde_json::from_str("\"2026-11-27T15:02:11.250Z\"").unwrap();
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2026-11-27T15:02:11.250Z\""
        );
        assert!(serde_json::from_str::<Timestamp>("\"kemarin\"").is_err());
        assert!(serde_json::from_str::<Timestamp>("17").is_err());
    }

    #[test]
    fn a_date_is_a_day_that_exists() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
        assert_eq!(d.to_string(), "2024-02-29");
        // 2000-01-01 is day 10957 since the epoch (946684800 / 86400).
        assert_eq!(Date::parse("2000-01-01").unwrap().days(), 10_957);
        for bad in [
            "",
            "kemarin",
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "2024-01-€",
            "2024-01-011",
            "2024/01/01",
            "2024-01-01T00:00:00Z",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
        assert_eq!(
            serde_json::to_string(&Date::parse("0099-12-31").unwrap()).unwrap(),
            "\"0099-12-31\""
        );
    }

    #[test]
    fn accepts_a_leap_second_as_the_next_minute() {
        assert_eq!(secs("2016-12-31T23:59:60Z"), secs("2017-01-01T00:00:00Z"));
    }

    #[test]
    fn formats_unix_millis_as_utc() {
        assert_eq!(format_unix_millis(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            format_unix_millis(1_795_858_200_000),
            "2026-11-28T09:30:00Z"
        );
        assert_eq!(
            format_unix_millis(1_795_858_200_999),
            "2026-11-28T09:30:00Z",
            "milliseconds dropped"
        );
        assert_eq!(format_unix_millis(-1), "1969-12-31T23:59:59Z");
        assert_eq!(format_unix_millis(951_782_400_000), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn formatting_and_parsing_agree_on_every_day_of_four_centuries() {
        // 1900-01-01 to 2300-01-01 covers every leap-year rule at least twice.
        let first = days_from_civil(1900, 1, 1);
        let last = days_from_civil(2300, 1, 1);
        for day in first..last {
            let text = format_unix_millis(day * 86_400_000 + 45_296_000); // 12:34:56
            assert!(text.ends_with("T12:34:56Z"), "{text}");
            assert_eq!(secs(&text), day * 86_400 + 45_296, "{text}");
        }
    }
}
