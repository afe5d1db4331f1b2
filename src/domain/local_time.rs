//! Times as the user reads them: on their own wall clock, named the Indonesian way.
//!
//! Files carry UTC instants (RFC 3339, see [`crate::domain::exchange`]); a civil servant in
//! Makassar saving at 16.30 should read "16.30 WITA", not "08.30 UTC". The browser knows the
//! offset (the clock adapter asks it); everything else is here, pure and host-tested.

use crate::domain::exchange::{Civil, Date, Instant, Timestamp};
use crate::domain::text::Lang;

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An instant on the user's wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    civil: Civil,
    offset_minutes: i32,
}

impl LocalTime {
    /// `instant` at `offset_minutes` east of UTC (420 in Jakarta, 480 in Makassar, 540 in
    /// Jayapura).
    pub fn new(instant: Instant, offset_minutes: i32) -> LocalTime {
        LocalTime {
            civil: instant.civil(offset_minutes),
            offset_minutes,
        }
    }

    /// `time` at `offset_minutes` east of UTC.
    pub fn of(time: &Timestamp, offset_minutes: i32) -> LocalTime {
        LocalTime::new(time.instant(), offset_minutes)
    }

    /// The local date (what "today" means to the user).
    pub fn date(&self) -> Date {
        Date::from(self.civil)
    }

    /// The date and time on the wall clock.
    pub fn civil(&self) -> Civil {
        self.civil
    }

    /// The zone's name: WIB, WITA or WIT for Indonesia's three zones, else `UTC+5.30`-style.
    pub fn zone(&self) -> String {
        zone_name(self.offset_minutes)
    }

    /// `16.30` in Indonesian (the EYD time separator), `16:30` in English.
    pub fn clock(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::Id => '.',
            Lang::En => ':',
        };
        format!("{:02}{sep}{:02}", self.civil.hour, self.civil.minute)
    }

    /// `28 November 2026, 16.30 WIB`: a time as people read it, wherever the app shows one
    /// (the UI's `i18n::when*` and the workbook go through here).
    pub fn long(&self, lang: Lang) -> String {
        format!(
            "{}, {} {}",
            self.long_date(lang),
            self.clock(lang),
            self.zone()
        )
    }

    /// `2026-11-28T16:30:00+07:00`: the same instant, written with the local offset (its
    /// digits are the wall clock's, which is what file names take).
    pub fn to_rfc3339(&self) -> String {
        let c = self.civil;
        let m = self.offset_minutes;
        let sign = if m < 0 { '-' } else { '+' };
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            c.year,
            c.month,
            c.day,
            c.hour,
            c.minute,
            c.second,
            m.abs() / 60,
            m.abs() % 60
        )
    }

    /// `28 November 2026`: for the report.
    pub fn long_date(&self, lang: Lang) -> String {
        long_date_parts(self.civil.year, self.civil.month, self.civil.day, lang)
    }
}

/// Indonesia's zone names by offset; other offsets as `UTC+h` or `UTC+h.mm`.
pub fn zone_name(offset_minutes: i32) -> String {
    match offset_minutes {
        420 => "WIB".into(),
        480 => "WITA".into(),
        540 => "WIT".into(),
        0 => "UTC".into(),
        m => {
            let sign = if m < 0 { '-' } else { '+' };
            let (h, min) = (m.abs() / 60, m.abs() % 60);
            if min == 0 {
                format!("UTC{sign}{h}")
            } else {
                format!("UTC{sign}{h}.{min:02}")
            }
        }
    }
}

/// A calendar date as `28 November 2026` / `28 November 2026`.
pub fn date_in_words(date: Date, lang: Lang) -> String {
    long_date_parts(date.year(), date.month(), date.day(), lang)
}

/// The day of the week, "Senin" … "Minggu" / "Monday" … "Sunday".
pub fn weekday(date: Date, lang: Lang) -> &'static str {
    const ID: [&str; 7] = [
        "Kamis", "Jumat", "Sabtu", "Minggu", "Senin", "Selasa", "Rabu",
    ];
    const EN: [&str; 7] = [
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
    ];
    // 1970-01-01, day 0, was a Thursday.
    let i = date.days().rem_euclid(7) as usize;
    match lang {
        Lang::Id => ID[i],
        Lang::En => EN[i],
    }
}

fn long_date_parts(year: i64, month: u32, day: u32, lang: Lang) -> String {
    let names = match lang {
        Lang::Id => &MONTHS_ID,
        Lang::En => &MONTHS_EN,
    };
    format!("{day} {} {year}", names[month as usize - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::exchange::parse_rfc3339;

    fn at(s: &str, offset: i32) -> LocalTime {
        LocalTime::of(&Timestamp::parse(s).unwrap(), offset)
    }

    #[test]
    fn indonesian_zones_are_named_as_people_say_them() {
        assert_eq!(zone_name(420), "WIB");
        assert_eq!(zone_name(480), "WITA");
        assert_eq!(zone_name(540), "WIT");
        assert_eq!(zone_name(0), "UTC");
        assert_eq!(zone_name(330), "UTC+5.30");
        assert_eq!(zone_name(-300), "UTC-5");
    }

    #[test]
    fn a_utc_instant_reads_on_the_local_clock() {
        let t = at("2026-11-28T09:30:00Z", 420);
        assert_eq!(t.long(Lang::Id), "28 November 2026, 16.30 WIB");
        assert_eq!(t.long(Lang::En), "28 November 2026, 16:30 WIB");
        // Written with another offset, the same instant reads the same.
        assert_eq!(at("2026-11-28T17:30:00+08:00", 420), t);
        assert_eq!(
            at("2026-11-28T09:30:00Z", 540).long(Lang::Id),
            "28 November 2026, 18.30 WIT"
        );
    }

    #[test]
    fn times_in_words_name_the_month_and_the_zone() {
        // 00.54 UTC is 07.54 in Jakarta, 08.54 in Makassar.
        assert_eq!(
            at("2026-11-30T00:54:00Z", 420).long(Lang::Id),
            "30 November 2026, 07.54 WIB"
        );
        assert_eq!(
            at("2026-11-30T00:54:00Z", 480).long(Lang::En),
            "30 November 2026, 08:54 WITA"
        );
        // Late on 31 December UTC it is already January in Jayapura.
        assert_eq!(
            at("2026-12-31T16:05:00Z", 540).long(Lang::Id),
            "1 Januari 2027, 01.05 WIT"
        );
    }

    #[test]
    fn written_back_with_the_local_offset_it_is_the_same_instant() {
        let t = at("2026-11-28T09:30:05Z", 480);
        assert_eq!(t.to_rfc3339(), "2026-11-28T17:30:05+08:00");
        assert_eq!(
            parse_rfc3339(&t.to_rfc3339()),
            parse_rfc3339("2026-11-28T09:30:05Z")
        );
        assert_eq!(
            at("2026-11-28T09:30:00Z", -330).to_rfc3339(),
            "2026-11-28T04:00:00-05:30"
        );
        // File names take the wall clock's digits.
        assert_eq!(crate::domain::draft::file_stamp(&t), "20261128-1730");
    }

    #[test]
    fn the_local_date_crosses_midnight_and_year_ends() {
        // 23.00 UTC on 31 December is already New Year's Day in Jakarta.
        let t = at("2026-12-31T23:00:00Z", 420);
        assert_eq!(t.date().to_string(), "2027-01-01");
        assert_eq!(t.long_date(Lang::Id), "1 Januari 2027");
        assert_eq!(t.long_date(Lang::En), "1 January 2027");
        // West of UTC the date is still the day before.
        assert_eq!(
            at("2026-03-01T02:00:00Z", -300).date().to_string(),
            "2026-02-28"
        );
    }

    #[test]
    fn dates_in_words() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(date_in_words(d("2026-08-17"), Lang::Id), "17 Agustus 2026");
        assert_eq!(date_in_words(d("2026-05-02"), Lang::En), "2 May 2026");
        assert_eq!(at("2026-12-31T23:00:00Z", 420).date(), d("2027-01-01"));
    }

    #[test]
    fn weekdays_from_the_calendar() {
        let d = |s: &str| Date::parse(s).unwrap();
        // 17 August 1945 was a Friday; 30 November 2026 is a Monday; 29 February 2028 a
        // Tuesday; 31 December 1969 (before the epoch) a Wednesday.
        assert_eq!(weekday(d("1945-08-17"), Lang::Id), "Jumat");
        assert_eq!(weekday(d("2026-11-30"), Lang::Id), "Senin");
        assert_eq!(weekday(d("2026-11-30"), Lang::En), "Monday");
        assert_eq!(weekday(d("2028-02-29"), Lang::En), "Tuesday");
        assert_eq!(weekday(d("1969-12-31"), Lang::Id), "Rabu");
    }
}
