//! The evaluation frameworks as data: domains, aspects, indicators, weights, level ladders
//! and predicate bands.
//!
//! The types here are the shape of a framework; the content of each framework lives in a
//! JSON file under `src/domain/frameworks/` (see `docs/CATALOGUE.md`). Code never names a
//! particular indicator: a rule that belongs to one framework (the 2018 six-item rule, the
//! Pemdi external indices) is a property in the data.

mod registry;
pub mod strip;
mod texts;
mod validate;

pub use registry::{
    default_framework_id, default_period, framework, frameworks, load, summaries, summary, units,
    Summary, UnitTemplate,
};
pub use texts::{complete, complete_from, fnv1a64, texts_left_out, texts_url, TextsError};
pub use validate::{validate, CatalogueProblem};

use crate::domain::rational::Rational;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};

/// One evaluation framework, e.g. SPBE 2020 (PermenPANRB 59/2020).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Framework {
    pub id: String,
    pub short_name: String,
    pub name: Text,
    pub legal_basis: Text,
    pub year: u16,
    pub values: ValueRange,
    pub scales: Vec<Scale>,
    /// The ladder whose level names give an informal floor reading of the index (SPBE);
    /// absent where level names would contradict the predicate band's alias (Pemdi: a
    /// value reads by its band only, level names belong to the checklist's cards).
    #[serde(default)]
    pub reading_scale: Option<String>,
    #[serde(default)]
    pub alt_name_label: Option<Text>,
    pub predicates: Vec<Predicate>,
    /// Evidence rules an asesor applies; the app warns (never blocks) when a claim breaks them.
    #[serde(default)]
    pub rules: Rules,
    pub domains: Vec<Domain>,
    pub aspects: Vec<Aspect>,
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Published national average indices, where known (shown beside a comparison).
    #[serde(default)]
    pub national_averages: Vec<NationalAverage>,
    /// What the regulation calls the index ("Indeks SPBE", "Indeks Pemdi"), for the report.
    #[serde(default)]
    pub index_name: Option<Text>,
    /// Who signs the Berita Acara Penilaian Mandiri ("Koordinator SPBE", PermenPANRB 59/2020
    /// Bab III; "Koordinator Pemdi", 8/2026 Pasal 5).
    #[serde(default)]
    pub coordinator_title: Option<Text>,
    /// How a value is suggested from the evidence items a unit holds (Pemdi); absent when
    /// items, if any, are a checklist only.
    #[serde(default)]
    pub item_rule: Option<ItemRule>,
    /// The stages of the official evaluation whose assessor values a coordinator can
    /// record beside the self-assessment (SPBE: document review, interview, visit; Pemdi:
    /// the final values).
    #[serde(default)]
    pub assessor_stages: Vec<AssessorStage>,
}

/// One stage of the official evaluation (e.g. "Penilaian Dokumen").
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AssessorStage {
    /// The id used in files (`dokumen`, `interviu`, `visitasi`, `akhir`).
    pub id: String,
    pub name: Text,
}

/// The suggested value of an indicator from its evidence items: with L the first level
/// whose items are not all held, `lower(L) + (upper(L) − lower(L)) × held at L / items at
/// L`; every level complete gives the top value. See `domain::checklist`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ItemRule {
    /// The band edges: the lower edge of each level from the lowest, then the top value
    /// (Pemdi: 1.00, 1.50, 2.50, 3.50, 4.00, 5.00).
    pub level_edges: Vec<Rational>,
}

/// One evidence item (butir data dukung) an indicator's level asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// Stable id `<indicator>.L<level>.<n>`, e.g. `13.L1.2`: what files record states by.
    pub id: String,
    pub level: u8,
    /// A few words, shown wherever the item is named (the coordinator's conflicts too).
    pub label: Text,
    /// What the item asks for, in full (thresholds and document names exact); the fill
    /// screen only.
    pub text: Text,
    /// The form the evidence may take (minutes, reports, …); the fill screen only.
    #[serde(default)]
    pub hint: Option<Text>,
}

/// The national average index of one evaluation year, as published (e.g. the national
/// SPBE index 2018), with how sure we are of the figure.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NationalAverage {
    pub year: u16,
    pub index: Rational,
    pub confidence: Confidence,
    /// Where the figure comes from, in words.
    #[serde(default)]
    pub source: Text,
}

/// Which values an indicator may take: `min`–`max` with `decimals` decimal places (0 or 2).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ValueRange {
    pub min: Rational,
    pub max: Rational,
    pub decimals: u8,
}

impl ValueRange {
    /// Whether `v` is an allowed value: within bounds and with no more decimals than allowed.
    pub fn accepts(&self, v: Value) -> bool {
        let r = v.to_rational();
        r >= self.min && r <= self.max && (self.decimals >= 2 || v.is_whole())
    }

    pub fn min_value(&self) -> Value {
        Value::from_hundredths(self.min.round_hundredths_half_up() as u16).expect("validated min")
    }

    pub fn max_value(&self) -> Value {
        Value::from_hundredths(self.max.round_hundredths_half_up() as u16).expect("validated max")
    }

    /// The lowest whole level (0 for SPBE 2018, 1 otherwise).
    pub fn min_level(&self) -> u8 {
        self.min.floor() as u8
    }

    pub fn max_level(&self) -> u8 {
        self.max.floor() as u8
    }

    pub fn is_decimal(&self) -> bool {
        self.decimals > 0
    }
}

/// Evidence rules of a framework, as data so each framework states its own.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Rules {
    /// From this level on, a claim needs at least one piece of evidence.
    #[serde(default)]
    pub evidence_from_level: Option<u8>,
    /// From this level on, a claim needs a review (reviu) document …
    #[serde(default)]
    pub review_from_level: Option<u8>,
    /// … no older than this many months (Pedoman MenPANRB 3/2024: under two years).
    #[serde(default)]
    pub review_max_age_months: Option<u32>,
}

/// A ladder of level names (e.g. Rintisan … Optimum for process capability).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scale {
    pub id: String,
    pub name: Text,
    pub levels: Vec<ScaleLevel>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScaleLevel {
    pub level: u8,
    pub name: Text,
    #[serde(default)]
    pub alt_name: Option<Text>,
    pub summary: Text,
}

impl Scale {
    pub fn level(&self, level: u8) -> Option<&ScaleLevel> {
        self.levels.iter().find(|l| l.level == level)
    }
}

/// A predicate band: applies from `from` (inclusive) up to the next band's `from`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Predicate {
    pub from: Rational,
    pub name: Text,
    #[serde(default)]
    pub alias: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Domain {
    pub id: String,
    pub name: Text,
    pub weight: Rational,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Aspect {
    pub id: String,
    pub domain: Option<String>,
    pub name: Text,
    pub weight: Rational,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    #[serde(default)]
    pub code: Option<String>,
    pub aspect: String,
    pub weight: Rational,
    pub scale: String,
    pub name: Text,
    #[serde(default)]
    pub short_name: Option<Text>,
    pub description: Text,
    /// What each level requires, from the framework's lowest level to 5.
    pub criteria: Vec<Text>,
    pub evidence_hint: Text,
    /// The answer must name the public service assessed (SPBE 2020 45–47, SPBE 2018 35.x).
    #[serde(default)]
    pub service: bool,
    /// Items scored separately but shown together under one heading (SPBE 2018 35.1–35.3).
    #[serde(default)]
    pub group: Option<String>,
    pub source: Source,
    #[serde(default)]
    pub owners: Owners,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The evidence items of each level, in level order (optional; Pemdi lists them).
    #[serde(default)]
    pub items: Vec<EvidenceItem>,
}

impl Indicator {
    /// The evidence items of one level, in catalogue order.
    pub fn items_of(&self, level: u8) -> impl Iterator<Item = &EvidenceItem> + '_ {
        self.items.iter().filter(move |i| i.level == level)
    }

    pub fn item(&self, id: &str) -> Option<&EvidenceItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The number shown to users: the Pemdi code ("3.1") or the id.
    pub fn display_code(&self) -> &str {
        self.code.as_deref().unwrap_or(&self.id)
    }

    pub fn is_external(&self) -> bool {
        matches!(self.source, Source::External { .. })
    }

    /// The value the regulation assumes while an external index is missing (Pemdi: 1.00).
    pub fn assumed_when_missing(&self) -> Option<Value> {
        match &self.source {
            Source::External {
                assumed_when_missing,
                ..
            } => assumed_when_missing
                .and_then(|r| Value::from_hundredths(r.round_hundredths_half_up() as u16)),
            Source::Evidence => None,
        }
    }
}

/// Where an indicator's value comes from.
// A few dozen indicators in all: the size of the variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "SourceJson", into = "SourceJson")]
pub enum Source {
    /// Scored by the asesor from the institution's evidence.
    Evidence,
    /// Taken from another agency's index (Pemdi: SDI, SJIG, IPS).
    External {
        index: Text,
        agency: Text,
        conversion: Conversion,
        assumed_when_missing: Option<Rational>,
    },
}

/// How another agency's raw index becomes an indicator value.
#[derive(Debug, Clone)]
pub enum Conversion {
    /// `value = offset + raw / divisor`, raw within `raw_min..=raw_max`.
    Linear {
        raw_min: Rational,
        raw_max: Rational,
        offset: Rational,
        divisor: Rational,
    },
    /// Not published; the user enters the value.
    Unknown,
}

/// The JSON form of [`Source`] and [`Conversion`] (`{"kind": "external", …}`, see
/// docs/CATALOGUE.md). Read as a flat struct and checked by hand: serde's internally
/// tagged enums buffer every value and cost several KB of wasm each.
#[derive(Clone, Default, Serialize, Deserialize)]
struct SourceJson {
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    index: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agency: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    conversion: Option<ConversionJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    assumed_when_missing: Option<Rational>,
}

#[derive(Clone, Default, Serialize, Deserialize)]
struct ConversionJson {
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    raw_min: Option<Rational>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    raw_max: Option<Rational>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    offset: Option<Rational>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    divisor: Option<Rational>,
}

impl TryFrom<SourceJson> for Source {
    type Error = String;

    fn try_from(j: SourceJson) -> Result<Source, String> {
        match j.kind.as_str() {
            "evidence" => Ok(Source::Evidence),
            "external" => {
                let c = j.conversion.ok_or("external source without conversion")?;
                let conversion = match c.kind.as_str() {
                    "unknown" => Conversion::Unknown,
                    "linear" => match (c.raw_min, c.raw_max, c.offset, c.divisor) {
                        (Some(raw_min), Some(raw_max), Some(offset), Some(divisor)) => {
                            Conversion::Linear {
                                raw_min,
                                raw_max,
                                offset,
                                divisor,
                            }
                        }
                        _ => {
                            return Err(
                                "linear conversion needs raw_min, raw_max, offset and divisor"
                                    .into(),
                            )
                        }
                    },
                    other => return Err(format!("unknown conversion kind \"{other}\"")),
                };
                Ok(Source::External {
                    index: j.index.ok_or("external source without index")?,
                    agency: j.agency.ok_or("external source without agency")?,
                    conversion,
                    assumed_when_missing: j.assumed_when_missing,
                })
            }
            other => Err(format!("unknown source kind \"{other}\"")),
        }
    }
}

impl From<Source> for SourceJson {
    fn from(s: Source) -> SourceJson {
        match s {
            Source::Evidence => SourceJson {
                kind: "evidence".into(),
                ..Default::default()
            },
            Source::External {
                index,
                agency,
                conversion,
                assumed_when_missing,
            } => SourceJson {
                kind: "external".into(),
                index: Some(index),
                agency: Some(agency),
                conversion: Some(match conversion {
                    Conversion::Unknown => ConversionJson {
                        kind: "unknown".into(),
                        ..Default::default()
                    },
                    Conversion::Linear {
                        raw_min,
                        raw_max,
                        offset,
                        divisor,
                    } => ConversionJson {
                        kind: "linear".into(),
                        raw_min: Some(raw_min),
                        raw_max: Some(raw_max),
                        offset: Some(offset),
                        divisor: Some(divisor),
                    },
                }),
                assumed_when_missing,
            },
        }
    }
}

impl Conversion {
    /// Converts a raw index to the indicator value, exactly. `None` when the raw value is
    /// outside the published range or no conversion is known.
    pub fn convert(&self, raw: Rational) -> Option<Rational> {
        match self {
            Conversion::Linear {
                raw_min,
                raw_max,
                offset,
                divisor,
            } => (raw >= *raw_min && raw <= *raw_max).then(|| *offset + raw / *divisor),
            Conversion::Unknown => None,
        }
    }

    /// The raw index's published range, when a conversion is known.
    pub fn raw_range(&self) -> Option<(Rational, Rational)> {
        match self {
            Conversion::Linear {
                raw_min, raw_max, ..
            } => Some((*raw_min, *raw_max)),
            Conversion::Unknown => None,
        }
    }

    /// Converts a raw index as a person types it ("68,75" or "68.75") to the value an
    /// answer holds: exact conversion, then rounded half up to two decimals. `None` when
    /// the text is not a number, or as [`Conversion::convert`].
    pub fn convert_typed(&self, typed: &str) -> Option<Value> {
        let raw: Rational = typed.trim().replace(',', ".").parse().ok()?;
        let h = self.convert(raw)?.round_hundredths_half_up();
        Value::from_hundredths(u16::try_from(h).ok()?)
    }
}

/// Default Pemda units for an indicator (process.md: who usually owns what).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Owners {
    #[serde(default)]
    pub lead: Vec<String>,
    #[serde(default)]
    pub support: Vec<String>,
}

/// How sure we are of a fact, as in the team's research notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confidence {
    /// Checked against the primary legal text.
    P,
    /// Two or more independent secondary sources agree.
    S2,
    /// One secondary source.
    S1,
    /// Derived by arithmetic.
    D,
    /// Reproduced from a real published result.
    R,
    /// Uncertain.
    #[serde(rename = "?")]
    Uncertain,
}

impl Confidence {
    pub fn label(self) -> Text {
        match self {
            Confidence::P => Text::new("Teks resmi", "Primary text"),
            Confidence::S2 => Text::new("≥ 2 sumber sekunder", "≥ 2 secondary sources"),
            Confidence::S1 => Text::new("1 sumber sekunder", "1 secondary source"),
            Confidence::D => Text::new("Diturunkan dari perhitungan", "Derived by arithmetic"),
            Confidence::R => Text::new("Cocok dengan hasil nyata", "Matches a real result"),
            Confidence::Uncertain => Text::new("Belum pasti", "Uncertain"),
        }
    }
}

/// A confidence note the UI shows beside the fact it qualifies.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Note {
    pub about: String,
    pub confidence: Confidence,
    pub text: Text,
}

impl Framework {
    /// What the registry lists of this framework ([`Summary`]).
    pub fn summary(&self) -> Summary {
        Summary {
            id: self.id.clone(),
            short_name: self.short_name.clone(),
            name: self.name.clone(),
            year: self.year,
            indicators: self.indicators.iter().map(|i| i.id.clone()).collect(),
        }
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn aspect(&self, id: &str) -> Option<&Aspect> {
        self.aspects.iter().find(|a| a.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// The name of the aspect or domain `id` (the rows of a table that lists both).
    pub fn group_name(&self, id: &str) -> Option<&Text> {
        self.aspect(id)
            .map(|a| &a.name)
            .or_else(|| self.domain(id).map(|d| &d.name))
    }

    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    pub fn has_domains(&self) -> bool {
        !self.domains.is_empty()
    }

    /// Indicators of an aspect, in catalogue order.
    pub fn indicators_of<'a>(
        &'a self,
        aspect_id: &'a str,
    ) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicators
            .iter()
            .filter(move |i| i.aspect == aspect_id)
    }

    /// Aspects of a domain, in catalogue order.
    pub fn aspects_of<'a>(&'a self, domain_id: &'a str) -> impl Iterator<Item = &'a Aspect> + 'a {
        self.aspects
            .iter()
            .filter(move |a| a.domain.as_deref() == Some(domain_id))
    }

    /// The predicate of a displayed figure (hundredths). Bands are lower-inclusive, so a
    /// figure exactly on an edge takes the upper band (PermenPANRB 59/2020 Tabel 13,
    /// 8/2026 Tabel 4).
    pub fn predicate_for(&self, displayed_hundredths: i64) -> &Predicate {
        let x = Rational::from_hundredths(displayed_hundredths);
        self.predicates
            .iter()
            .rev()
            .find(|p| x >= p.from)
            .unwrap_or(&self.predicates[0])
    }

    /// The informal reading of a displayed figure as a level name: floor(figure) on the
    /// reading scale (a 2.05 index "reads" as Terkelola while its predicate is Cukup).
    pub fn reading_for(&self, displayed_hundredths: i64) -> Option<&ScaleLevel> {
        let level = (displayed_hundredths.max(0) / 100) as u8;
        self.scale(self.reading_scale.as_deref()?)?.level(level)
    }

    /// How a value reads in words. A level (SPBE) reads as its level name on the
    /// indicator's scale; a decimal value (Pemdi) reads as its predicate band with the
    /// band's alias ("Cukup · Membangun"), never as a level name, which belongs to the
    /// checklist's cards (the sources name levels and bands differently).
    pub fn value_reading(&self, indicator: &Indicator, v: Value) -> Option<Text> {
        if self.values.is_decimal() {
            Some(self.band_words(v.hundredths() as i64))
        } else {
            Some(
                self.scale(&indicator.scale)?
                    .level(v.floor_level())?
                    .name
                    .clone(),
            )
        }
    }

    /// The predicate band of a displayed figure in words: "Cukup · Membangun".
    pub fn band_words(&self, displayed_hundredths: i64) -> Text {
        let p = self.predicate_for(displayed_hundredths);
        match &p.alias {
            Some(a) => Text::new(
                format!("{} · {}", p.name.id, a.id),
                format!("{} · {}", p.name.get(Lang::En), a.get(Lang::En)),
            ),
            None => p.name.clone(),
        }
    }

    /// The stage with this id.
    pub fn assessor_stage(&self, id: &str) -> Option<&AssessorStage> {
        self.assessor_stages.iter().find(|s| s.id == id)
    }

    /// What `level` of `indicator` requires.
    pub fn criteria_for<'a>(&self, indicator: &'a Indicator, level: u8) -> Option<&'a Text> {
        let first = self.values.min_level();
        indicator.criteria.get(level.checked_sub(first)? as usize)
    }

    /// All whole levels an answer may take, lowest first.
    pub fn levels(&self) -> impl Iterator<Item = u8> {
        self.values.min_level()..=self.values.max_level()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(json: &str) -> Result<Source, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn sources_read_their_kind_and_refuse_incomplete_conversions() {
        assert!(matches!(
            source(r#"{"kind":"evidence"}"#),
            Ok(Source::Evidence)
        ));
        let linear = r#"{"kind":"external","index":{"id":"SDI","en":"SDI"},"agency":{"id":"Bappenas","en":"Bappenas"},
            "conversion":{"kind":"linear","raw_min":"0","raw_max":"100","offset":"1","divisor":"25"},"assumed_when_missing":"1.00"}"#;
        let Ok(Source::External {
            conversion,
            assumed_when_missing,
            ..
        }) = source(linear)
        else {
            panic!("linear source")
        };
        assert_eq!(
            conversion.convert("25".parse().unwrap()),
            Some(Rational::from_int(2))
        );
        assert_eq!(assumed_when_missing, Some(Rational::ONE));
        // As typed: comma or dot, rounded half up to two decimals; junk and out of range refused.
        let typed = |s: &str| conversion.convert_typed(s).map(|v| v.hundredths());
        assert_eq!(typed(" 68,75 "), Some(375));
        assert_eq!(typed("33.3"), Some(233)); // 1 + 33.3/25 = 2.332
        assert_eq!(typed("33.375"), Some(234)); // 2.335 → 2.34
        assert_eq!(typed("100"), Some(500));
        assert_eq!(typed("100,5"), None);
        assert_eq!(typed("-1"), None);
        assert_eq!(typed("tujuh"), None);
        assert_eq!(typed(""), None);
        assert_eq!(
            conversion.raw_range(),
            Some((Rational::ZERO, Rational::from_int(100)))
        );
        // Round trip through the JSON form.
        let back: Source =
            serde_json::from_value(serde_json::to_value(source(linear).unwrap()).unwrap()).unwrap();
        assert!(matches!(
            back,
            Source::External {
                conversion: Conversion::Linear { .. },
                ..
            }
        ));
        for bad in [
            r#"{"kind":"external","index":{"id":"x"},"agency":{"id":"y"},"conversion":{"kind":"linear","raw_min":"0"}}"#,
            r#"{"kind":"external","agency":{"id":"y"},"conversion":{"kind":"unknown"}}"#,
            r#"{"kind":"magic"}"#,
        ] {
            assert!(source(bad).is_err(), "{bad}");
        }
    }
}
