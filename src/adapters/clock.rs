//! The current time, the user's time zone and fresh ids, from the browser.

use crate::domain::exchange::{parse_rfc3339, Timestamp};
use crate::domain::local_time::LocalTime;

/// Now as RFC 3339 UTC without milliseconds: `2026-11-28T09:30:00Z`.
pub fn now() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    // "2026-11-28T09:30:00.123Z" → drop the milliseconds.
    match iso.split_once('.') {
        Some((head, _)) => format!("{head}Z"),
        None => iso,
    }
}

/// Today as `YYYY-MM-DD` on the user's clock (between 00.00 and 07.00 WIB the UTC date is
/// still yesterday's).
pub fn today() -> String {
    let now = now();
    local(&now).map_or_else(|| now.chars().take(10).collect(), |t| t.date_iso())
}

/// This year on the user's clock, `2026`: the period a new assessment starts with.
pub fn this_year() -> String {
    today().chars().take(4).collect()
}

/// Minutes east of UTC of the browser's time zone at `instant` (420 in WIB).
pub fn offset_minutes_at(instant: Timestamp) -> i32 {
    let date = js_sys::Date::new(&(instant.unix_millis() as f64).into());
    -(date.get_timezone_offset() as i32)
}

/// Minutes east of UTC of the browser's time zone now.
pub fn offset_minutes_now() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// `now` (from [`now`]) written with the user's offset, `2026-11-28T16:30:00+07:00`: the
/// time stamp for file names, so a file saved at 16.30 WIB is named …-1630.
pub fn on_wall_clock(now: &str) -> String {
    local(now).map_or_else(|| now.to_string(), |t| t.to_rfc3339())
}

/// An RFC 3339 time on the user's clock; `None` when the text is not a time.
pub fn local(rfc3339: &str) -> Option<LocalTime> {
    let instant = parse_rfc3339(rfc3339)?;
    Some(LocalTime::new(instant, offset_minutes_at(instant)))
}

/// A short id unlikely to repeat in one browser: time plus randomness, base 36.
pub fn new_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    format!("{}{}", base36(t), base36(r))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Milliseconds since page start, for timing figures.
pub fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
