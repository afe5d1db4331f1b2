//! The exchange file's parts for the journey around the answers (issue 13): what the
//! coordinator tells a unit with its assignment (a deadline, a contact, a short
//! instruction) and what a supporting unit sends as input for the lead unit.
//!
//! Both are optional additions (docs/FORMAT.md): a file without them reads as before, and
//! an older Swanilai keeps them untouched as unknown fields.

use super::Extra;
use crate::domain::text::Lang;
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date, `YYYY-MM-DD` in files (a deadline is a day, not an instant: "before
/// 30 November" means the same day in Medan and in Jayapura).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Reads `YYYY-MM-DD`; `None` unless the date exists in the calendar.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1 && (1..=days).contains(&day)).then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// `30 November 2026`: how people read a date.
    pub fn words(self, lang: Lang) -> String {
        crate::domain::local_time::long_date(&self.to_string(), lang)
    }

    /// The day of the week, "Senin" … "Minggu" / "Monday" … "Sunday" (Sakamoto's method on
    /// the proleptic Gregorian calendar).
    pub fn weekday(self, lang: Lang) -> &'static str {
        const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let (m, d) = (self.month as usize, i32::from(self.day));
        let y = i32::from(self.year) - i32::from(m < 3);
        // 0 = Sunday.
        let w = (y + y / 4 - y / 100 + y / 400 + T[m - 1] + d).rem_euclid(7) as usize;
        let names = match lang {
            Lang::Id => [
                "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
            ],
            Lang::En => [
                "Sunday",
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
            ],
        };
        names[w]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(s: String) -> Result<Date, String> {
        Date::parse(&s).ok_or(s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

/// Whom a unit asks when in doubt and sends its file to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default)]
    pub name: String,
    /// A WhatsApp number as people write it ("0812-3456-7890").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub whatsapp: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.whatsapp.trim().is_empty()
            && self.email.trim().is_empty()
    }

    /// "Bu Rina (WhatsApp 0812-3456-7890, rina@kab.go.id)": the contact in one phrase.
    pub fn phrase(&self) -> String {
        let ways: Vec<String> = [
            (!self.whatsapp.trim().is_empty())
                .then(|| format!("WhatsApp {}", self.whatsapp.trim())),
            (!self.email.trim().is_empty()).then(|| self.email.trim().to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        match (self.name.trim(), ways.is_empty()) {
            ("", _) => ways.join(", "),
            (n, true) => n.to_string(),
            (n, false) => format!("{n} ({})", ways.join(", ")),
        }
    }
}

/// A supporting unit's input on an indicator it supports (pendukung): notes and evidence
/// for the lead unit, and optionally the level it proposes. Carried in the file's `support`
/// map, apart from `answers`, because it is not an answer: the contract requires a value
/// for every answer, and input without a proposed level has none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SupportInput {
    /// The level the supporting unit proposes; absent for pure input. A proposal that
    /// differs from the lead unit's answer is a conflict for the coordinator to settle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Notes in the Fakta / Analisis pattern, as in an answer.
    #[serde(default)]
    pub justification: String,
    #[serde(default)]
    pub evidence: Vec<super::Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_exist_in_the_calendar() {
        assert_eq!(
            Date::parse("2026-11-30"),
            Some(Date {
                year: 2026,
                month: 11,
                day: 30
            })
        );
        assert_eq!(Date::parse("2028-02-29").map(|d| d.day), Some(29));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "26-11-30",
            "2026-11-30T00:00:00Z",
            "2026-+1-30",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Date::parse("2026-11-30").unwrap().words(Lang::Id),
            "30 November 2026"
        );
    }

    #[test]
    fn a_contact_reads_as_one_phrase() {
        let c = Contact {
            name: "Rina".into(),
            whatsapp: "0812 3456 7890".into(),
            email: "rina@karanganyarkab.go.id".into(),
            extra: Extra::new(),
        };
        assert_eq!(
            c.phrase(),
            "Rina (WhatsApp 0812 3456 7890, rina@karanganyarkab.go.id)"
        );
        let only_mail = Contact {
            email: "spbe@kab.go.id".into(),
            ..Contact::default()
        };
        assert_eq!(only_mail.phrase(), "spbe@kab.go.id");
        assert!(Contact::default().is_empty());
    }
}
