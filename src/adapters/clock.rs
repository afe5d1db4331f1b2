//! The current time and fresh ids, from the browser.

/// Now as RFC 3339 UTC without milliseconds: `2026-11-28T09:30:00Z`.
pub fn now() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    // "2026-11-28T09:30:00.123Z" → drop the milliseconds.
    match iso.split_once('.') {
        Some((head, _)) => format!("{head}Z"),
        None => iso,
    }
}

/// Today as `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    now().chars().take(10).collect()
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
