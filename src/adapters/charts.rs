//! Charts: the one module that draws them. The UI describes a chart with plain numbers and
//! words ([`ChartSpec`]); [`svg`] turns it into an SVG drawing (a string the page sets as
//! the chart element's content).
//!
//! Hand-written rather than a chart library, for weight: the three charts the app draws
//! (a radar, grouped bars with a target line, a bar cut into predicate bands) take a few
//! hundred lines here, where ECharts (tree-shaken to these charts) was about 170 KB gzipped
//! of JavaScript to download and charming's typed option about 30 KB of the wasm (issue 12).
//! What ECharts gave the app is kept: sharp vector output in print and PDF, real text in
//! it, a legend, the figures written on the bars, and a hover tooltip on each point and
//! bar (an SVG `<title>`); the numbers are also in a table beside every chart (the text
//! alternative the chart element points at).
//!
//! The drawing has a fixed coordinate space per kind (`viewBox`) and scales to its element,
//! keeping its proportions. Coordinates are written in tenths, with integer arithmetic (no
//! float formatting in the wasm). Every text is escaped. No `style` attribute is used
//! (presentation attributes only), so the strict Content-Security-Policy holds.

use crate::domain::text::escape_markup;
use std::fmt::Write;

/// How a series is drawn: the assessment itself, the previous period, the target or a
/// what-if projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Current,
    Previous,
    Target,
    WhatIf,
}

impl Role {
    fn color(self) -> &'static str {
        match self {
            Role::Current => "#0b5cad",
            Role::Previous => "#8a93a3",
            Role::Target => "#b35c00",
            Role::WhatIf => "#1e6b34",
        }
    }
}

/// A named row of figures, one per category or radar axis (`None`: no figure).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub role: Role,
    pub values: Vec<Option<f64>>,
    /// How each figure is written ("2,40"), in the user's language: above its bar, and in
    /// the hover tooltip of a radar point; empty: no labels.
    pub labels: Vec<String>,
}

/// A predicate band on the band bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub name: String,
    pub from: f64,
    pub to: f64,
}

/// A marker on the band bar: the index, or the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub label: String,
    pub value: f64,
    pub role: Role,
}

/// What to draw, in plain numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    /// A radar of figures on `axes` from `min` to `max`.
    Radar {
        title: String,
        axes: Vec<String>,
        min: f64,
        max: f64,
        series: Vec<Series>,
    },
    /// Vertical bars per category; an optional horizontal target line.
    Bars {
        title: String,
        categories: Vec<String>,
        min: f64,
        max: f64,
        series: Vec<Series>,
        target: Option<Marker>,
    },
    /// One horizontal bar cut into predicate bands, with markers for the index and target.
    Bands {
        title: String,
        bands: Vec<Band>,
        markers: Vec<Marker>,
    },
}

/// Soft band colours from Kurang to Memuaskan; dark text stays readable on each.
const BAND_COLORS: [&str; 5] = ["#f2b8b0", "#f6d58e", "#d9e9b0", "#9fd0a8", "#5fa876"];

const TEXT: &str = "#1a1f2b";
const GRID: &str = "#d5dae2";

/// A length in tenths of a unit, written as a decimal ("123.4", "-5", "0.5").
struct D(i64);

impl std::fmt::Display for D {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (sign, v) = if self.0 < 0 {
            ("-", -self.0)
        } else {
            ("", self.0)
        };
        match v % 10 {
            0 => write!(f, "{sign}{}", v / 10),
            t => write!(f, "{sign}{}.{t}", v / 10),
        }
    }
}

/// `x` (in units) as [`D`].
fn d(x: f64) -> D {
    D((x * 10.0).round() as i64)
}

/// An SVG drawing being written.
struct Svg {
    out: String,
}

impl Svg {
    fn new(width: i64, height: i64, title: &str) -> Svg {
        let mut out = String::with_capacity(4096);
        let _ = write!(
            out,
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" height="100%" preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false" font-family="inherit"><rect width="{width}" height="{height}" fill="#ffffff"/>"##
        );
        let mut svg = Svg { out };
        svg.text(width as f64 / 2.0, 20.0, "middle", 14, TEXT, true, title);
        svg
    }

    /// Text at (x, y): lines split at '\n', 14 units apart, the first on y.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f64,
        y: f64,
        anchor: &str,
        size: i64,
        fill: &str,
        bold: bool,
        text: &str,
    ) {
        let weight = if bold { r#" font-weight="600""# } else { "" };
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" text-anchor="{anchor}" font-size="{size}" fill="{fill}"{weight}>"#,
            d(x),
            d(y)
        );
        for (i, line) in text.split('\n').enumerate() {
            if i == 0 {
                let _ = write!(self.out, "<tspan>{}</tspan>", escape_markup(line));
            } else {
                let _ = write!(
                    self.out,
                    r#"<tspan x="{}" dy="14">{}</tspan>"#,
                    d(x),
                    escape_markup(line)
                );
            }
        }
        self.out.push_str("</text>");
    }

    fn line(
        &mut self,
        (x1, y1): (f64, f64),
        (x2, y2): (f64, f64),
        stroke: &str,
        width: f64,
        dash: &str,
    ) {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"{}/>"#,
            d(x1),
            d(y1),
            d(x2),
            d(y2),
            d(width),
            dasharray(dash)
        );
    }

    /// A rectangle with an optional hover tooltip.
    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, tip: Option<&str>) {
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}""#,
            d(x),
            d(y),
            d(w.max(0.0)),
            d(h.max(0.0))
        );
        self.close(tip, "rect");
    }

    fn close(&mut self, tip: Option<&str>, tag: &str) {
        match tip {
            Some(t) => {
                let _ = write!(self.out, "><title>{}</title></{tag}>", escape_markup(t));
            }
            None => self.out.push_str("/>"),
        }
    }

    /// The series' swatches and names, centred on one line at y.
    fn legend(&mut self, width: f64, y: f64, items: &[(&str, Role)]) {
        // Widths estimated from the character count: legends are short names and years.
        let widths: Vec<f64> = items
            .iter()
            .map(|(n, _)| 22.0 + 6.6 * n.chars().count() as f64)
            .collect();
        let mut x = (width - widths.iter().sum::<f64>()) / 2.0;
        for ((name, role), w) in items.iter().zip(widths) {
            self.rect(x, y - 9.0, 14.0, 9.0, role.color(), None);
            self.text(x + 18.0, y, "start", 12, TEXT, false, name);
            x += w;
        }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

fn dasharray(dash: &str) -> String {
    if dash.is_empty() {
        String::new()
    } else {
        format!(r#" stroke-dasharray="{dash}""#)
    }
}

/// The line of a series: colour, width and dash by its role.
fn stroke(role: Role) -> (f64, &'static str) {
    match role {
        Role::Current | Role::WhatIf => (2.0, ""),
        Role::Previous => (1.5, "6 4"),
        Role::Target => (1.5, "2 3"),
    }
}

/// The SVG drawing of `spec` (pure; host-tested).
pub fn svg(spec: &ChartSpec) -> String {
    match spec {
        ChartSpec::Radar {
            title,
            axes,
            min,
            max,
            series,
        } => radar(title, axes, *min, *max, series),
        ChartSpec::Bars {
            title,
            categories,
            min,
            max,
            series,
            target,
        } => bars(title, categories, *min, *max, series, target.as_ref()),
        ChartSpec::Bands {
            title,
            bands,
            markers,
        } => band_bar(title, bands, markers),
    }
}

/// Where a value sits on a scale from `min` to `max`, as a fraction clamped to 0–1.
fn fraction(v: f64, min: f64, max: f64) -> f64 {
    if max > min {
        ((v - min) / (max - min)).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

const RADAR: (i64, i64) = (560, 330);

/// The radar: one spoke per axis clockwise from the top, a ring per whole value, one
/// outline per series (a value that is missing breaks the outline there).
fn radar(title: &str, axes: &[String], min: f64, max: f64, series: &[Series]) -> String {
    let (w, h) = RADAR;
    let mut s = Svg::new(w, h, title);
    let (cx, cy, r) = (w as f64 / 2.0, 168.0, 104.0);
    let n = axes.len().max(1);
    let dirs: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = std::f64::consts::TAU * i as f64 / n as f64;
            (a.sin(), -a.cos())
        })
        .collect();
    let at = |i: usize, f: f64| (cx + dirs[i].0 * r * f, cy + dirs[i].1 * r * f);

    let steps = (max - min).round().max(1.0) as usize;
    for k in 1..=steps {
        let f = k as f64 / steps as f64;
        let points: Vec<String> = (0..n)
            .map(|i| {
                let (x, y) = at(i, f);
                format!("{},{}", d(x), d(y))
            })
            .collect();
        let _ = write!(
            s.out,
            r#"<polygon points="{}" fill="none" stroke="{GRID}" stroke-width="1"/>"#,
            points.join(" ")
        );
    }
    for (i, label) in axes.iter().enumerate() {
        s.line((cx, cy), at(i, 1.0), GRID, 1.0, "");
        let (x, y) = at(i, 1.0);
        let (dx, dy) = dirs[i];
        let anchor = if dx > 0.2 {
            "start"
        } else if dx < -0.2 {
            "end"
        } else {
            "middle"
        };
        let lines = label.split('\n').count() as f64;
        // Above the top spoke the label's last line ends near the ring; below, its first
        // line starts there; beside, the lines are centred on the spoke's end.
        let ly = if dy < -0.5 {
            y - 8.0 - 14.0 * (lines - 1.0)
        } else if dy > 0.5 {
            y + 16.0
        } else {
            y + 4.0 - 7.0 * (lines - 1.0)
        };
        s.text(x + dx * 8.0, ly, anchor, 11, TEXT, false, label);
    }

    for se in series {
        let (width, dash) = stroke(se.role);
        let color = se.role.color();
        let point = |i: usize| {
            se.values
                .get(i)
                .copied()
                .flatten()
                .map(|v| at(i, fraction(v, min, max)))
        };
        let complete = (0..n).all(|i| point(i).is_some());
        // The outline as runs of present values; closed only when every value is there.
        let mut path = String::new();
        let mut pen = false;
        for i in 0..n {
            match point(i) {
                Some((x, y)) => {
                    let _ = write!(path, "{}{},{} ", if pen { 'L' } else { 'M' }, d(x), d(y));
                    pen = true;
                }
                None => pen = false,
            }
        }
        if complete {
            path.push('Z');
        } else if let (Some((x, y)), true) = (point(0), pen) {
            // The last run joins the first across the top.
            let _ = write!(path, "L{},{}", d(x), d(y));
        }
        let fill = if se.role == Role::Current && complete {
            format!(r#"fill="{color}" fill-opacity="0.18""#)
        } else {
            r#"fill="none""#.to_string()
        };
        let _ = write!(
            s.out,
            r#"<path d="{}" {fill} stroke="{color}" stroke-width="{}" stroke-linejoin="round"{}/>"#,
            path.trim_end(),
            d(width),
            dasharray(dash)
        );
        if se.role != Role::Target {
            for (i, label) in axes.iter().enumerate() {
                let Some((x, y)) = point(i) else { continue };
                let axis = label.split('\n').next().unwrap_or_default();
                let tip = se
                    .labels
                    .get(i)
                    .map(|l| format!("{} · {axis}: {l}", se.name));
                let _ = write!(
                    s.out,
                    r#"<circle cx="{}" cy="{}" r="3" fill="{color}""#,
                    d(x),
                    d(y)
                );
                s.close(tip.as_deref(), "circle");
            }
        }
    }
    let items: Vec<(&str, Role)> = series.iter().map(|x| (x.name.as_str(), x.role)).collect();
    s.legend(w as f64, h as f64 - 8.0, &items);
    s.finish()
}

const BARS: (i64, i64) = (640, 320);

/// Grouped vertical bars per category, a horizontal grid line per whole value, the figures
/// above the bars, an optional dashed target line.
fn bars(
    title: &str,
    categories: &[String],
    min: f64,
    max: f64,
    series: &[Series],
    target: Option<&Marker>,
) -> String {
    let (w, h) = BARS;
    let mut s = Svg::new(w, h, title);
    let (left, right, top, bottom) = (40.0, w as f64 - 24.0, 44.0, h as f64 - 56.0);
    let y = |v: f64| bottom - (bottom - top) * fraction(v, min, max);

    let steps = (max - min).round().max(1.0) as i64;
    for k in 0..=steps {
        let v = min + (max - min) * k as f64 / steps as f64;
        s.line((left, y(v)), (right, y(v)), GRID, 1.0, "");
        s.text(
            left - 8.0,
            y(v) + 4.0,
            "end",
            11,
            TEXT,
            false,
            &(v.round() as i64).to_string(),
        );
    }
    let band = (right - left) / categories.len().max(1) as f64;
    let groups = series.len().max(1) as f64;
    let bar = (band * 0.7 / groups).min(40.0);
    for (c, category) in categories.iter().enumerate() {
        let centre = left + band * (c as f64 + 0.5);
        s.text(centre, bottom + 16.0, "middle", 11, TEXT, false, category);
        for (k, se) in series.iter().enumerate() {
            let Some(v) = se.values.get(c).copied().flatten() else {
                continue;
            };
            let x = centre - bar * groups / 2.0 + bar * k as f64;
            let label = se.labels.get(c);
            let tip = label.map(|l| format!("{category} · {}: {l}", se.name));
            s.rect(
                x + 1.0,
                y(v),
                bar - 2.0,
                bottom - y(v),
                se.role.color(),
                tip.as_deref(),
            );
            if let Some(l) = label {
                s.text(x + bar / 2.0, y(v) - 4.0, "middle", 10, TEXT, false, l);
            }
        }
    }
    if let Some(m) = target {
        let (width, _) = stroke(m.role);
        s.line(
            (left, y(m.value)),
            (right, y(m.value)),
            m.role.color(),
            width + 0.5,
            "6 4",
        );
        s.text(
            right,
            y(m.value) - 5.0,
            "end",
            11,
            m.role.color(),
            true,
            &m.label,
        );
    }
    let items: Vec<(&str, Role)> = series.iter().map(|x| (x.name.as_str(), x.role)).collect();
    s.legend(w as f64, h as f64 - 10.0, &items);
    s.finish()
}

const BANDS: (i64, i64) = (640, 150);

/// One horizontal bar cut into the predicate bands (their names inside), with a vertical
/// line per marker: the index labelled above the bar, the target below, the what-if value
/// above the index label, so labels close together do not overlap.
fn band_bar(title: &str, bands: &[Band], markers: &[Marker]) -> String {
    let (w, h) = BANDS;
    let mut s = Svg::new(w, h, title);
    let lo = bands.first().map_or(0.0, |b| b.from);
    let hi = bands.last().map_or(5.0, |b| b.to);
    let (left, right, top, bottom) = (8.0, w as f64 - 8.0, 66.0, 110.0);
    let x = |v: f64| left + (right - left) * fraction(v, lo, hi);
    for (i, b) in bands.iter().enumerate() {
        let color = BAND_COLORS[i.min(BAND_COLORS.len() - 1)];
        let tip = b.name.replace('\n', " ");
        s.rect(
            x(b.from),
            top,
            x(b.to) - x(b.from),
            bottom - top,
            color,
            Some(&tip),
        );
        s.line((x(b.to), top), (x(b.to), bottom), "#ffffff", 1.0, "");
        let lines = b.name.split('\n').count() as f64;
        let mid = (top + bottom) / 2.0 + 4.0 - 7.0 * (lines - 1.0);
        s.text(
            (x(b.from) + x(b.to)) / 2.0,
            mid,
            "middle",
            11,
            TEXT,
            false,
            &b.name,
        );
    }
    for m in markers {
        let mx = x(m.value);
        let dash = if m.role == Role::Current { "" } else { "6 4" };
        s.line(
            (mx, top - 6.0),
            (mx, bottom + 4.0),
            m.role.color(),
            3.0,
            dash,
        );
        let ly = match m.role {
            Role::Target | Role::Previous => bottom + 18.0,
            Role::WhatIf => top - 26.0,
            Role::Current => top - 10.0,
        };
        // Near an end, the label runs inwards.
        let anchor = if mx < left + 60.0 {
            "start"
        } else if mx > right - 60.0 {
            "end"
        } else {
            "middle"
        };
        s.text(mx, ly, anchor, 12, m.role.color(), true, &m.label);
    }
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers of attribute `name` in `svg`, in order of appearance.
    fn attrs(svg: &str, name: &str) -> Vec<String> {
        svg.split(&format!(" {name}=\""))
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].to_string())
            .collect()
    }

    fn series(name: &str, role: Role, values: Vec<Option<f64>>, labels: &[&str]) -> Series {
        Series {
            name: name.into(),
            role,
            values,
            labels: labels.iter().map(|l| l.to_string()).collect(),
        }
    }

    #[test]
    fn lengths_are_written_in_tenths_without_float_formatting() {
        assert_eq!(D(1234).to_string(), "123.4");
        assert_eq!(D(1230).to_string(), "123");
        assert_eq!(D(-5).to_string(), "-0.5");
        assert_eq!(D(-20).to_string(), "-2");
        assert_eq!(D(0).to_string(), "0");
        assert_eq!(d(2.46).to_string(), "2.5");
    }

    #[test]
    fn radar_puts_each_value_on_its_spoke_at_its_distance() {
        // Four axes from 1 to 5: axis A (top) at 5 is the outer ring straight above the
        // centre; B (right) at 3 is half way out to the right; D at 1 is the centre.
        let spec = ChartSpec::Radar {
            title: "Indeks per aspek".into(),
            axes: vec!["A\nSatu".into(), "B".into(), "C".into(), "D".into()],
            min: 1.0,
            max: 5.0,
            series: vec![series(
                "2026",
                Role::Current,
                vec![Some(5.0), Some(3.0), Some(2.0), Some(1.0)],
                &["5,00", "3,00", "2,00", "1,00"],
            )],
        };
        let svg = svg(&spec);
        let (cx, cy, r) = (280.0, 168.0, 104.0);
        let cxs: Vec<f64> = attrs(&svg, "cx")
            .iter()
            .map(|v| v.parse().unwrap())
            .collect();
        let cys: Vec<f64> = attrs(&svg, "cy")
            .iter()
            .map(|v| v.parse().unwrap())
            .collect();
        let expect = [
            (cx, cy - r),
            (cx + r / 2.0, cy),
            (cx, cy + r / 4.0),
            (cx, cy),
        ];
        assert_eq!(cxs.len(), 4);
        for (i, (x, y)) in expect.iter().enumerate() {
            assert!(
                (cxs[i] - x).abs() <= 0.1 && (cys[i] - y).abs() <= 0.1,
                "point {i}: {} {}",
                cxs[i],
                cys[i]
            );
        }
        // Four rings (2, 3, 4, 5), a closed filled outline, tooltips with the written figure.
        assert_eq!(svg.matches("<polygon").count(), 4);
        assert!(svg.contains(r#"fill-opacity="0.18""#) && svg.contains("Z\""));
        assert!(svg.contains("<title>2026 · A: 5,00</title>"));
        assert!(
            svg.contains(r#"<tspan x="#) && svg.contains(">Satu</tspan>"),
            "two-line axis label"
        );
    }

    #[test]
    fn a_missing_radar_value_breaks_the_outline_instead_of_counting_as_zero() {
        let spec = ChartSpec::Radar {
            title: "t".into(),
            axes: vec!["A".into(), "B".into(), "C".into()],
            min: 0.0,
            max: 5.0,
            series: vec![series(
                "2026",
                Role::Current,
                vec![Some(2.0), None, Some(4.0)],
                &[],
            )],
        };
        let svg = svg(&spec);
        let path = &attrs(&svg, "d")[0];
        assert_eq!(path.matches('M').count(), 2, "{path}");
        assert!(!path.contains('Z'));
        assert!(
            !svg.contains("fill-opacity"),
            "an incomplete outline is not filled"
        );
        assert_eq!(svg.matches("<circle").count(), 2);
    }

    #[test]
    fn bars_have_heights_in_proportion_and_the_target_line() {
        // Scale 0–5 over the plot's 220 units (44 to 264): 2.5 is 110 units high, 5 is 220.
        let spec = ChartSpec::Bars {
            title: "Indeks per domain".into(),
            categories: vec!["D1".into(), "D2".into()],
            min: 0.0,
            max: 5.0,
            series: vec![series(
                "2026",
                Role::Current,
                vec![Some(2.5), Some(5.0)],
                &["2,50", "5,00"],
            )],
            target: Some(Marker {
                label: "Target 2,60".into(),
                value: 2.6,
                role: Role::Target,
            }),
        };
        let svg = svg(&spec);
        let bars: Vec<(String, String)> = svg
            .split("<rect ")
            .filter(|r| r.contains("<title>"))
            .map(|r| {
                (
                    attrs(&format!(" {r}"), "y")[0].clone(),
                    attrs(&format!(" {r}"), "height")[0].clone(),
                )
            })
            .collect();
        assert_eq!(
            bars,
            vec![("154".into(), "110".into()), ("44".into(), "220".into())]
        );
        assert!(svg.contains("<title>D1 · 2026: 2,50</title>"));
        // The target line at 2.6: 264 − 220 × 2.6 / 5 = 149.6.
        assert!(
            svg.contains(r##"y1="149.6" x2="616" y2="149.6" stroke="#b35c00""##),
            "{svg}"
        );
        assert!(svg.contains(">Target 2,60</tspan>"));
    }

    #[test]
    fn bands_are_as_wide_as_their_range_and_markers_sit_on_their_value() {
        // From 1 to 5 over 624 units (8 to 632): Kurang 1–1.8 is 124.8 wide; 2.5 is at 242.
        let spec = ChartSpec::Bands {
            title: "Predikat".into(),
            bands: vec![
                Band {
                    name: "Kurang\n1,00–1,80".into(),
                    from: 1.0,
                    to: 1.8,
                },
                Band {
                    name: "Baik".into(),
                    from: 1.8,
                    to: 5.0,
                },
            ],
            markers: vec![Marker {
                label: "Indeks 2,50".into(),
                value: 2.5,
                role: Role::Current,
            }],
        };
        let svg = svg(&spec);
        assert!(svg.contains(r##"<rect x="8" y="66" width="124.8" height="44" fill="#f2b8b0"><title>Kurang 1,00–1,80</title>"##), "{svg}");
        assert!(svg.contains(r#"<line x1="242" y1="60" x2="242" y2="114""#));
        assert!(svg.contains(">Indeks 2,50</tspan>"));
    }

    #[test]
    fn text_is_escaped() {
        let spec = ChartSpec::Bars {
            title: "<script>alert(1)</script>".into(),
            categories: vec!["\"><img src=x onerror=alert(1)>".into()],
            min: 0.0,
            max: 5.0,
            series: vec![series("Unit & co", Role::Current, vec![Some(1.0)], &["1"])],
            target: None,
        };
        let svg = svg(&spec);
        assert!(!svg.contains("<script") && !svg.contains("<img"));
        assert!(svg.contains("&lt;script&gt;") && svg.contains("Unit &amp; co"));
        assert!(!svg.contains("style="), "no style attributes (strict CSP)");
    }
}
