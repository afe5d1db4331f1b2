//! The current time, the user's time zone and fresh ids, from the browser.

use crate::domain::exchange::{Date, Instant, Timestamp};
use crate::domain::local_time::LocalTime;

/// Now, written as Swanilai writes times: UTC, whole seconds (`2026-11-28T09:30:00Z`).
pub fn now() -> Timestamp {
    Timestamp::from_unix_millis(js_sys::Date::now() as i64)
}

/// Today on the user's clock (between 00.00 and 07.00 WIB the UTC date is still
/// yesterday's).
pub fn today() -> Date {
    local(&now()).date()
}

/// This year on the user's clock, `2026`: the period a new assessment starts with.
pub fn this_year() -> String {
    today().year().to_string()
}

/// Minutes east of UTC of the browser's time zone at `instant` (420 in WIB).
pub fn offset_minutes_at(instant: Instant) -> i32 {
    let date = js_sys::Date::new(&(instant.unix_millis() as f64).into());
    -(date.get_timezone_offset() as i32)
}

/// A time on the user's clock: for display, and for file names (a file saved at 16.30 WIB
/// is named …-1630).
pub fn local(time: &Timestamp) -> LocalTime {
    LocalTime::new(time.instant(), offset_minutes_at(time.instant()))
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

/// Puts a named moment on the page's performance timeline (User Timing, seen in the
/// browser's developer tools): benchmarks read what the user waited for from it.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
