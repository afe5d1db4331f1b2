//! Charts: the one module that knows charming and ECharts. The UI describes a chart with
//! plain numbers and words ([`ChartSpec`]); this module turns it into an ECharts option built
//! from charming's typed components ([`EchartsOption`], pure and host-tested) and hands it to
//! the global `echarts` object: the tree-shaken ECharts 5.5.1 bundle built from
//! scripts/echarts-entry.js. Only the results app draws charts; its page names the bundle
//! (`<meta name="swanilai-charts">`, written by scripts/postbuild.mjs) and [`load`] adds it
//! as a script from the app's own folder when the first chart is about to be shown, so no
//! app downloads it for its first screen. The service worker precaches it with every other
//! file, so charts draw offline.
//!
//! Departures from charming's own `Chart` and `WasmRenderer`, all deliberate:
//! * only the components the app draws are serialised ([`EchartsOption`]), not charming's
//!   `Chart` with every series type;
//! * charts are created with ECharts' **SVG renderer** (`echarts.init(el, null, {renderer:
//!   'svg'})`): vector output stays sharp when the report is printed or saved as PDF, and the
//!   text in it is real text. It sets styles through the CSS object model
//!   (`element.style.cssText`), which the strict Content-Security-Policy allows;
//! * tooltips are drawn by ECharts inside the chart (`renderMode: 'richText'`, [`TipOption`],
//!   which charming's `Tooltip` cannot say) rather than as an HTML box, whose markup carries
//!   `style="…"` attributes the policy (`style-src 'self'`) refuses; they show the figures
//!   as the app writes them ("2,40"), which ECharts alone would write "2.4";
//! * the option is handed over as JSON (`serde_json` + `JSON.parse`) instead of through
//!   `serde_wasm_bindgen`, which the app does not otherwise need: one serializer less in the
//!   shipped wasm.
//!
//! Animation is off: charts are drawn final at once, so print, PDF and screenshots never catch
//! a half-grown bar.

use charming::component::{Axis, Grid, Legend, RadarAxisName, RadarCoordinate, Title};
use charming::datatype::{CompositeValue, DataPointItem};
use charming::element::{
    AreaStyle, AxisLabel, AxisType, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType,
    MarkLine, MarkLineData, MarkLineVariant, SplitLine, Symbol, TextStyle, Tooltip, Trigger,
};
use charming::series::{Bar, Radar};
use charming::Echarts;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
    /// How each figure is written ("2,40"), in the user's language: above its bar and in
    /// the tooltips; empty: no labels. ECharts alone would write "2.4".
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

fn title(text: &str) -> Title {
    Title::new().text(text).left("center").text_style(
        TextStyle::new()
            .font_size(14)
            .font_weight("600")
            .color("#1a1f2b"),
    )
}

fn value(v: Option<f64>) -> CompositeValue {
    v.into()
}

/// Where a band-bar marker writes its label, so the index, the target and a what-if value
/// close together do not print over each other: the index above the bar, the target below,
/// the what-if value above the index label.
fn marker_label(m: &Marker) -> Label {
    let label = Label::new()
        .formatter(m.label.as_str())
        .color(m.role.color())
        .font_weight("700")
        .font_size(12);
    match m.role {
        Role::Target | Role::Previous => label.position(LabelPosition::Start),
        Role::WhatIf => label.offset((0.0, -16.0)),
        Role::Current => label,
    }
}

/// The ECharts option of a chart, assembled from charming's typed components. Not charming's
/// own `Chart`: serialising that pulls in the serialisers of every series type and component
/// ECharts knows (sankey, map, 3-D …), tens of kilobytes of wasm this app never uses; this
/// struct serialises only what the three charts draw.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EchartsOption {
    animation: bool,
    background_color: &'static str,
    /// Series colours in order, so the legend shows each role's colour.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    color: Vec<&'static str>,
    title: Title,
    #[serde(skip_serializing_if = "Option::is_none")]
    legend: Option<Legend>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tooltip: Option<TipOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grid: Option<Grid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x_axis: Option<Axis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y_axis: Option<Axis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    radar: Option<RadarCoordinate>,
    series: Vec<SeriesOption>,
}

/// The tooltip component: charming's `Tooltip` has no `renderMode`, and the HTML tooltip
/// box (ECharts' default) is written as markup with `style` attributes, which the strict
/// CSP refuses; drawn as rich text it is part of the chart, styled like its other text.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TipOption {
    trigger: Trigger,
    render_mode: &'static str,
    /// A template (`{a0}`: the first series' name, `{b0}`: its data item's name), or none
    /// for ECharts' own (or a series' own, which wins).
    #[serde(skip_serializing_if = "Option::is_none")]
    formatter: Option<String>,
}

impl TipOption {
    fn new(trigger: Trigger, formatter: Option<String>) -> TipOption {
        TipOption {
            trigger,
            render_mode: "richText",
            formatter,
        }
    }
}

/// A radar series' tooltip: its name, then each axis with its written figure (axes without
/// a figure are left out). Plain text: ECharts writes it as rich text, not markup.
fn radar_tip(axes: &[String], s: &Series) -> String {
    let mut tip = s.name.clone();
    for ((axis, value), label) in axes.iter().zip(&s.values).zip(&s.labels) {
        if value.is_some() {
            tip.push('\n');
            tip.push_str(&axis.replace('\n', " "));
            tip.push_str(": ");
            tip.push_str(label);
        }
    }
    tip
}

/// The bars' tooltip template: a line per series with its name and the hovered category's
/// written figure (the data item's name, see [`build`]).
fn bars_tip(series: &[Series]) -> Option<String> {
    let lines: Vec<String> = series
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.labels.is_empty())
        .map(|(i, _)| format!("{{a{i}}}: {{b{i}}}"))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The series types the app draws. A chart holds a handful; their size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize)]
#[serde(untagged)]
enum SeriesOption {
    Bar(Bar),
    Radar(Radar),
}

impl EchartsOption {
    fn new(title: Title) -> EchartsOption {
        EchartsOption {
            animation: false,
            background_color: "#ffffff",
            color: Vec::new(),
            title,
            legend: None,
            tooltip: None,
            grid: None,
            x_axis: None,
            y_axis: None,
            radar: None,
            series: Vec::new(),
        }
    }
}

/// The ECharts option of a spec (pure; host-tested by serialising it).
pub fn build(spec: &ChartSpec) -> EchartsOption {
    match spec {
        ChartSpec::Radar {
            title: t,
            axes,
            min,
            max,
            series,
        } => {
            let coordinate = RadarCoordinate::new()
                .indicator(
                    axes.iter()
                        .map(|a| (a.as_str(), *min, *max))
                        .collect::<Vec<_>>(),
                )
                .axis_name(
                    RadarAxisName::new()
                        .color("#1a1f2b")
                        .font_size(11)
                        .line_height(14),
                )
                .radius("58%")
                .center(vec!["50%", "50%"])
                .split_number(max.round().max(1.0) - min.round().max(0.0));
            let data = series
                .iter()
                .map(|s| {
                    let item = DataPointItem::new(CompositeValue::Array(
                        s.values.iter().map(|v| value(*v)).collect(),
                    ))
                    .name(s.name.as_str());
                    item.item_style(ItemStyle::new().color(s.role.color()))
                })
                .collect::<Vec<_>>();
            // One radar series per role, so each gets its own line style.
            let mut chart = EchartsOption::new(title(t));
            chart.legend = Some(Legend::new().bottom(0));
            chart.radar = Some(coordinate);
            chart.color = series.iter().map(|s| s.role.color()).collect();
            chart.tooltip = Some(TipOption::new(Trigger::Item, None));
            for (s, item) in series.iter().zip(data) {
                let mut r = Radar::new()
                    .name(s.name.as_str())
                    .symbol_size(5)
                    .data(vec![item]);
                if !s.labels.is_empty() {
                    r = r.tooltip(Tooltip::new().formatter(radar_tip(axes, s).as_str()));
                }
                r = match s.role {
                    Role::Current => r
                        .area_style(AreaStyle::new().opacity(0.18))
                        .line_style(LineStyle::new().width(2).color(s.role.color())),
                    Role::Previous => r.line_style(
                        LineStyle::new()
                            .width(1.5)
                            .type_(LineStyleType::Dashed)
                            .color(s.role.color()),
                    ),
                    Role::Target => r.symbol(Symbol::None).line_style(
                        LineStyle::new()
                            .width(1.5)
                            .type_(LineStyleType::Dotted)
                            .color(s.role.color()),
                    ),
                    Role::WhatIf => r.line_style(LineStyle::new().width(2).color(s.role.color())),
                };
                chart.series.push(SeriesOption::Radar(r));
            }
            chart
        }
        ChartSpec::Bars {
            title: t,
            categories,
            min,
            max,
            series,
            target,
        } => {
            let mut chart = EchartsOption::new(title(t));
            chart.legend = Some(Legend::new().bottom(0));
            chart.color = series.iter().map(|s| s.role.color()).collect();
            chart.tooltip = Some(TipOption::new(Trigger::Axis, bars_tip(series)));
            chart.grid = Some(Grid::new().left(40).right(24).top(44).bottom(56));
            chart.x_axis = Some(
                Axis::new()
                    .type_(AxisType::Category)
                    .data(categories.clone())
                    .axis_label(AxisLabel::new().interval(0)),
            );
            chart.y_axis = Some(
                Axis::new()
                    .type_(AxisType::Value)
                    .min(*min)
                    .max(*max)
                    .interval(1)
                    .split_line(SplitLine::new()),
            );
            for (i, s) in series.iter().enumerate() {
                // A labelled figure carries its written form as the data item's name, shown
                // with the "{b}" formatter.
                let data = s
                    .values
                    .iter()
                    .enumerate()
                    .map(|(k, v)| {
                        let item =
                            DataPointItem::new(value(v.map(|x| (x * 100.0).round() / 100.0)));
                        match s.labels.get(k) {
                            Some(l) => item.name(l.as_str()),
                            None => item,
                        }
                    })
                    .collect::<Vec<_>>();
                let mut bar = Bar::new()
                    .name(s.name.as_str())
                    .item_style(ItemStyle::new().color(s.role.color()))
                    .label(
                        Label::new()
                            .show(!s.labels.is_empty())
                            .position(LabelPosition::Top)
                            .formatter("{b}")
                            .font_size(10)
                            .color("#1a1f2b"),
                    )
                    .data(data);
                if let (0, Some(m)) = (i, target) {
                    bar = bar.mark_line(
                        MarkLine::new()
                            .silent(true)
                            .symbol(vec![Symbol::None, Symbol::None])
                            .line_style(
                                LineStyle::new()
                                    .color(m.role.color())
                                    .width(2)
                                    .type_(LineStyleType::Dashed),
                            )
                            .label(
                                Label::new()
                                    .formatter(m.label.as_str())
                                    .position(LabelPosition::InsideEndTop)
                                    .color(m.role.color()),
                            )
                            .data(vec![MarkLineVariant::Simple(
                                MarkLineData::new().y_axis(m.value),
                            )]),
                    );
                }
                chart.series.push(SeriesOption::Bar(bar));
            }
            chart
        }
        ChartSpec::Bands {
            title: t,
            bands,
            markers,
        } => {
            let lo = bands.first().map_or(0.0, |b| b.from);
            let hi = bands.last().map_or(5.0, |b| b.to);
            let mut chart = EchartsOption::new(title(t));
            chart.grid = Some(Grid::new().left(8).right(8).top(58).bottom(30));
            chart.x_axis = Some(
                Axis::new()
                    .type_(AxisType::Value)
                    .min(lo)
                    .max(hi)
                    .show(false),
            );
            chart.y_axis = Some(
                Axis::new()
                    .type_(AxisType::Category)
                    .data(vec![String::new()])
                    .show(false),
            );
            for (i, b) in bands.iter().enumerate() {
                let mut bar = Bar::new()
                    .name(b.name.as_str())
                    .stack("bands")
                    .bar_width("70%")
                    .item_style(
                        ItemStyle::new()
                            .color(BAND_COLORS[i.min(BAND_COLORS.len() - 1)])
                            .border_color("#ffffff")
                            .border_width(1),
                    )
                    .label(
                        Label::new()
                            .show(true)
                            .position(LabelPosition::Inside)
                            .formatter(b.name.as_str())
                            .color("#1a1f2b")
                            .font_size(11),
                    )
                    // Stacks add up from zero: the first band reaches to its upper edge (the
                    // axis starts at its lower one), the others add their width.
                    .data(vec![if i == 0 {
                        b.to
                    } else {
                        (b.to - b.from).max(0.0)
                    }]);
                // Each marker rides on its own band series, so each gets its own line colour.
                if let Some(m) = markers.get(i) {
                    bar = bar.mark_line(
                        MarkLine::new()
                            .silent(true)
                            .symbol(vec![Symbol::None, Symbol::None])
                            .line_style(LineStyle::new().color(m.role.color()).width(3).type_(
                                if m.role == Role::Current {
                                    LineStyleType::Solid
                                } else {
                                    LineStyleType::Dashed
                                },
                            ))
                            .label(marker_label(m))
                            .data(vec![MarkLineVariant::Simple(
                                MarkLineData::new().x_axis(m.value),
                            )]),
                    );
                }
                chart.series.push(SeriesOption::Bar(bar));
            }
            chart
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// `echarts.init(element, theme, opts)` with options charming's renderer does not pass.
    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn echarts_init(el: &web_sys::Element, theme: &JsValue, opts: &JsValue) -> Echarts;
}

/// A drawn chart, kept to update or dispose it later.
pub struct Handle(Echarts);

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("echarts: no {method}"))?;
    let argv = js_sys::Array::new();
    for a in args {
        argv.push(a);
    }
    f.apply(target, &argv)
        .map_err(|_| format!("echarts {method} failed"))
}

/// The option as JSON text, with what charming's types cannot say added: a line height for
/// two-line labels (charming's `Label` has no `lineHeight`; without it ECharts' SVG renderer
/// draws the two lines on top of each other). Patched in the text rather than through a
/// `serde_json::Value`, which would compile a second serializer for every charming type.
///
/// On a phone-wide chart (under [`NARROW`] px) an ECharts media rule names the radar's axes
/// by their first line only (the code), and writes the band names smaller and cut to their
/// band, so nothing is clipped at the chart's edges or printed over its neighbour.
pub fn option_json(spec: &ChartSpec) -> String {
    let json = serde_json::to_string(&build(spec)).unwrap_or_default();
    let json = json.replace("\"label\":{", "\"label\":{\"lineHeight\":14,");
    let narrow = match spec {
        // The axes by their first line only (the aspect's code; the table below the chart
        // names them in full).
        ChartSpec::Radar { axes, min, max, .. } => {
            // Numbers through serde_json (not `{}` of an f64, which would compile float
            // formatting into the wasm).
            let (min, max) = (
                serde_json::to_string(min).unwrap_or_default(),
                serde_json::to_string(max).unwrap_or_default(),
            );
            let indicator: Vec<String> = axes
                .iter()
                .map(|a| {
                    let code = serde_json::to_string(a.split('\n').next().unwrap_or_default())
                        .unwrap_or_default();
                    format!(r#"{{"name":{code},"min":{min},"max":{max}}}"#)
                })
                .collect();
            format!(
                r#"{{"radar":{{"radius":"62%","indicator":[{}]}}}}"#,
                indicator.join(",")
            )
        }
        ChartSpec::Bands { bands, .. } => {
            let one =
                r#"{"label":{"fontSize":9,"lineHeight":11,"overflow":"truncate","width":48}}"#;
            format!(r#"{{"series":[{}]}}"#, vec![one; bands.len()].join(","))
        }
        ChartSpec::Bars { .. } => return json,
    };
    format!(
        r#"{{"baseOption":{json},"media":[{{"query":{{"maxWidth":{NARROW}}},"option":{narrow}}}]}}"#
    )
}

/// The chart width (px) under which the phone layout of [`option_json`] applies.
pub const NARROW: u32 = 420;

fn set_option(handle: &Echarts, spec: &ChartSpec) -> Result<(), String> {
    let option = js_sys::JSON::parse(&option_json(spec))
        .map_err(|_| "echarts option: not JSON".to_string())?;
    // notMerge: a changed spec replaces the old option entirely (series may come and go).
    call(handle, "setOption", &[option, JsValue::TRUE]).map(|_| ())
}

thread_local! {
    static LOADING: std::cell::RefCell<Load> = const { std::cell::RefCell::new(Load::NotStarted) };
}

enum Load {
    NotStarted,
    Waiting(Vec<Box<dyn FnOnce(bool)>>),
    Done(bool),
}

/// The bundle's address relative to the page: the release names its hashed copy in
/// `<meta name="swanilai-charts" content="…">` (scripts/postbuild.mjs); without it (the dev
/// server) the copy trunk puts beside the page (index.html).
fn bundle() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=swanilai-charts]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "echarts.custom.min.js".into())
}

/// Loads the ECharts bundle once (a `<script>` beside the page) and calls `done` with
/// whether it is usable: at once when it already is, else when the script has loaded.
pub fn load(done: impl FnOnce(bool) + 'static) {
    if js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("echarts")).unwrap_or(false) {
        return done(true);
    }
    let start = LOADING.with(|l| {
        let mut l = l.borrow_mut();
        match &mut *l {
            Load::Done(ok) => {
                let ok = *ok;
                drop(l);
                done(ok);
                false
            }
            Load::Waiting(queue) => {
                queue.push(Box::new(done));
                false
            }
            Load::NotStarted => {
                *l = Load::Waiting(vec![Box::new(done)]);
                true
            }
        }
    });
    if start && !append_script() {
        finish(false);
    }
}

fn finish(ok: bool) {
    let waiting = LOADING.with(|l| std::mem::replace(&mut *l.borrow_mut(), Load::Done(ok)));
    if let Load::Waiting(queue) = waiting {
        for f in queue {
            f(ok);
        }
    }
}

fn append_script() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(script) = document.create_element("script") else {
        return false;
    };
    let _ = script.set_attribute("src", &bundle());
    let onload = Closure::once_into_js(|| finish(true));
    let onerror = Closure::once_into_js(|| finish(false));
    let _ = js_sys::Reflect::set(&script, &JsValue::from_str("onload"), &onload);
    let _ = js_sys::Reflect::set(&script, &JsValue::from_str("onerror"), &onerror);
    document
        .head()
        .is_some_and(|h| h.append_child(&script).is_ok())
}

/// Draws `spec` into `el` (which must be in the document and have a size).
pub fn render(el: &web_sys::Element, spec: &ChartSpec) -> Result<Handle, String> {
    let has_echarts =
        js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("echarts")).unwrap_or(false);
    if !has_echarts {
        return Err("echarts is not loaded".into());
    }
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &opts,
        &JsValue::from_str("renderer"),
        &JsValue::from_str("svg"),
    );
    let handle = echarts_init(el, &JsValue::NULL, &opts);
    set_option(&handle, spec)?;
    Ok(Handle(handle))
}

/// Redraws a chart with a new spec.
pub fn update(h: &Handle, spec: &ChartSpec) -> Result<(), String> {
    set_option(&h.0, spec)
}

/// Fits the chart to its element's current size (after a window resize).
pub fn resize(h: &Handle) {
    let _ = call(&h.0, "resize", &[]);
}

/// Frees the chart (when its element leaves the page).
pub fn dispose(h: Handle) {
    let _ = call(&h.0, "dispose", &[]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The option for a wide chart (the base one, without the phone media rule).
    fn json(spec: &ChartSpec) -> serde_json::Value {
        let j: serde_json::Value = serde_json::from_str(&option_json(spec)).unwrap();
        match j.get("baseOption") {
            Some(base) => base.clone(),
            None => j,
        }
    }

    #[test]
    fn on_a_phone_the_radar_names_its_axes_by_code_and_band_names_fit_their_band() {
        let j: serde_json::Value = serde_json::from_str(&option_json(&radar())).unwrap();
        assert_eq!(j["media"][0]["query"]["maxWidth"], 420);
        // The axes by their code alone, on the same scale.
        assert_eq!(
            j["media"][0]["option"]["radar"]["indicator"],
            json!([
                { "name": "A1", "min": 1.0, "max": 5.0 },
                { "name": "A2", "min": 1.0, "max": 5.0 },
                { "name": "A3", "min": 1.0, "max": 5.0 }
            ])
        );
        let j: serde_json::Value = serde_json::from_str(&option_json(&bands())).unwrap();
        // One override per band series (ECharts merges series by position).
        assert_eq!(
            j["media"][0]["option"]["series"].as_array().unwrap().len(),
            3
        );
        assert_eq!(j["baseOption"]["series"].as_array().unwrap().len(), 3);
        let j: serde_json::Value = serde_json::from_str(&option_json(&bars())).unwrap();
        assert!(j.get("media").is_none() && j["series"][0]["type"] == "bar");
    }

    fn series(name: &str, role: Role, values: Vec<Option<f64>>, labels: &[&str]) -> Series {
        Series {
            name: name.into(),
            role,
            values,
            labels: labels.iter().map(|l| l.to_string()).collect(),
        }
    }

    fn radar() -> ChartSpec {
        ChartSpec::Radar {
            title: "Indeks per aspek".into(),
            axes: vec!["A1\nKebijakan".into(), "A2".into(), "A3".into()],
            min: 1.0,
            max: 5.0,
            series: vec![
                series(
                    "2026",
                    Role::Current,
                    vec![Some(2.4), Some(2.25), None],
                    &["2,40", "2,25", "—"],
                ),
                series(
                    "2025",
                    Role::Previous,
                    vec![Some(1.7), Some(1.75), Some(2.25)],
                    &["1,70", "1,75", "2,25"],
                ),
                series("Target 2,60", Role::Target, vec![Some(2.6); 3], &[]),
            ],
        }
    }

    #[test]
    fn radar_has_one_axis_per_aspect_on_the_framework_scale_and_no_animation() {
        let j = json(&radar());
        assert_eq!(j["animation"], false);
        let axes = j["radar"]["indicator"].as_array().unwrap();
        assert_eq!(axes.len(), 3);
        assert_eq!(
            axes[0],
            json!({ "name": "A1\nKebijakan", "min": 1.0, "max": 5.0 })
        );
        // One ring per whole level from 1 to 5: four rings.
        assert_eq!(j["radar"]["splitNumber"], 4.0);
        assert_eq!(j["series"].as_array().unwrap().len(), 3);
        assert_eq!(j["series"][0]["type"], "radar");
        assert_eq!(j["color"], json!(["#0b5cad", "#8a93a3", "#b35c00"]));
    }

    #[test]
    fn a_missing_radar_value_is_no_value_not_zero() {
        let j = json(&radar());
        assert_eq!(j["series"][0]["data"][0]["value"], json!([2.4, 2.25, null]));
        assert_eq!(j["series"][1]["data"][0]["value"], json!([1.7, 1.75, 2.25]));
    }

    #[test]
    fn radar_tooltips_write_the_figures_as_the_app_does() {
        let j = json(&radar());
        assert_eq!(
            j["series"][0]["tooltip"]["formatter"], "2026\nA1 Kebijakan: 2,40\nA2: 2,25",
            "the axis without a figure is left out"
        );
        assert_eq!(
            j["series"][1]["tooltip"]["formatter"],
            "2025\nA1 Kebijakan: 1,70\nA2: 1,75\nA3: 2,25"
        );
        assert!(
            j["series"][2].get("tooltip").is_none(),
            "the target outline keeps ECharts' own tooltip"
        );
    }

    fn bars() -> ChartSpec {
        ChartSpec::Bars {
            title: "Indeks per domain".into(),
            categories: vec!["D1".into(), "D2".into()],
            min: 0.0,
            max: 5.0,
            series: vec![
                series(
                    "2026",
                    Role::Current,
                    vec![Some(2.4), Some(1.905)],
                    &["2,40", "1,91"],
                ),
                series(
                    "2025",
                    Role::Previous,
                    vec![Some(2.0), None],
                    &["2,00", "—"],
                ),
            ],
            target: Some(Marker {
                label: "Target 2,60".into(),
                value: 2.6,
                role: Role::Target,
            }),
        }
    }

    #[test]
    fn bars_write_their_figures_and_carry_the_target_line() {
        let j = json(&bars());
        assert_eq!(j["series"][0]["type"], "bar");
        // Values to two decimals (1.905 is drawn at 1.91, as written); the written figure is
        // the item's name, which the label ("{b}") and the tooltip ("{b0}") show.
        assert_eq!(
            j["series"][0]["data"],
            json!([{ "value": 2.4, "name": "2,40" }, { "value": 1.91, "name": "1,91" }])
        );
        assert_eq!(
            j["series"][1]["data"],
            json!([{ "value": 2.0, "name": "2,00" }, { "value": null, "name": "—" }])
        );
        assert_eq!(j["series"][0]["label"]["formatter"], "{b}");
        assert_eq!(j["tooltip"]["formatter"], "{a0}: {b0}\n{a1}: {b1}");
        assert_eq!(j["tooltip"]["trigger"], "axis");
        // The target is a line across at 2.6, on the first series only.
        assert_eq!(j["series"][0]["markLine"]["data"][0]["yAxis"], 2.6);
        assert_eq!(
            j["series"][0]["markLine"]["label"]["formatter"],
            "Target 2,60"
        );
        assert!(j["series"][1].get("markLine").is_none());
        assert_eq!(
            (j["yAxis"]["min"].clone(), j["yAxis"]["max"].clone()),
            (json!(0.0), json!(5.0))
        );
        assert_eq!(j["xAxis"]["data"], json!(["D1", "D2"]));
    }

    fn bands() -> ChartSpec {
        ChartSpec::Bands {
            title: "Predikat".into(),
            bands: vec![
                Band {
                    name: "Kurang\n1,00–1,80".into(),
                    from: 1.0,
                    to: 1.8,
                },
                Band {
                    name: "Cukup".into(),
                    from: 1.8,
                    to: 2.6,
                },
                Band {
                    name: "Baik".into(),
                    from: 2.6,
                    to: 5.0,
                },
            ],
            markers: vec![
                Marker {
                    label: "Indeks 2,50".into(),
                    value: 2.5,
                    role: Role::Current,
                },
                Marker {
                    label: "Target 2,60".into(),
                    value: 2.6,
                    role: Role::Target,
                },
            ],
        }
    }

    #[test]
    fn bands_stack_to_their_edges_and_markers_sit_on_their_value() {
        let j = json(&bands());
        let s = j["series"].as_array().unwrap();
        assert_eq!(s.len(), 3);
        assert!(s.iter().all(|b| b["stack"] == "bands"));
        // Stacked from zero on an axis from 1 to 5: the first band reaches its upper edge
        // (1.8), the next ones add their widths (0.8, 2.4): they end at 1.8, 2.6 and 5.0.
        assert_eq!(s[0]["data"], json!([1.8]));
        let width = |i: usize| s[i]["data"][0].as_f64().unwrap();
        assert!((width(1) - 0.8).abs() < 1e-9 && (width(2) - 2.4).abs() < 1e-9);
        assert_eq!(
            (j["xAxis"]["min"].clone(), j["xAxis"]["max"].clone()),
            (json!(1.0), json!(5.0))
        );
        // Each marker is a vertical line at its value: the index solid, the target dashed,
        // their labels apart (the target's below the bar).
        assert_eq!(s[0]["markLine"]["data"][0]["xAxis"], 2.5);
        assert_eq!(s[0]["markLine"]["lineStyle"]["type"], "solid");
        assert_eq!(s[1]["markLine"]["data"][0]["xAxis"], 2.6);
        assert_eq!(s[1]["markLine"]["lineStyle"]["type"], "dashed");
        assert_eq!(s[1]["markLine"]["label"]["position"], "start");
        assert!(s[2].get("markLine").is_none());
        assert_eq!(s[0]["label"]["formatter"], "Kurang\n1,00–1,80");
        assert_eq!(
            s[0]["label"]["lineHeight"], 14,
            "two-line band labels get a line height"
        );
        assert!(
            j.get("tooltip").is_none(),
            "the band names are written on the bar"
        );
    }

    #[test]
    fn no_chart_asks_for_html_tooltips() {
        // ECharts writes an HTML tooltip as markup with style attributes, which the strict
        // CSP refuses; every chart with a tooltip draws it as rich text.
        for spec in [radar(), bars()] {
            assert_eq!(json(&spec)["tooltip"]["renderMode"], "richText");
        }
        let text = option_json(&radar()) + &option_json(&bars()) + &option_json(&bands());
        assert!(!text.contains("<br") && !text.contains("style="));
    }
}
