//! Comparing an assessment with a previous period's (issue 5, anchors §5 #5: year-over-year
//! delta in the browser).
//!
//! Same instrument (both files on the same framework): the change of every indicator, aspect,
//! domain and the index. Different instruments (SPBE 2020 last year, Pemdi 2026 now): only the
//! index and the predicate side by side, because the indicators, weights and band edges differ
//! (PermenPANRB 8/2026 revokes 59/2020 and sets new bands), so a numeric difference between the
//! two indices would compare unlike things.
//!
//! Both sides are recomputed from their answers with [`engine::evaluate`]; the `results`
//! stored in a consolidated file are never trusted over its answers (the exchange validator
//! already warns when they disagree).
//!
//! The exact change is kept as a [`Rational`]. The change *shown* is the difference of the two
//! displayed (half-up, two-decimal) figures, so "2,42 → 2,60 (+0,18)" always adds up on screen,
//! and the ▲▼ arrow follows that shown change, like the predicate follows the shown index.

use crate::domain::catalogue::{framework, Framework, Predicate};
use crate::domain::engine::{evaluate_map, Evaluation, GroupScore, Score};
use crate::domain::exchange::{ExchangeFile, Kind};
use crate::domain::rational::Rational;
use crate::domain::text::Text;
use crate::domain::value::Value;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
}

impl Direction {
    fn of(ord: Ordering) -> Direction {
        match ord {
            Ordering::Greater => Direction::Up,
            Ordering::Less => Direction::Down,
            Ordering::Equal => Direction::Same,
        }
    }

    /// ▲, ▼ or = (shown beside the change, with a text alternative in the UI).
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "▲",
            Direction::Down => "▼",
            Direction::Same => "=",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Direction::Up => Text::new("naik", "up"),
            Direction::Down => Text::new("turun", "down"),
            Direction::Same => Text::new("tetap", "unchanged"),
        }
    }
}

/// One figure (an aspect, a domain or the index) now and in the previous period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureChange {
    /// Aspect or domain id (`"A3"`, `"D2"`), or `"index"`.
    pub id: String,
    pub current: Score,
    pub previous: Score,
    /// False across different instruments: both figures are shown, no difference is taken.
    pub comparable: bool,
}

impl FigureChange {
    /// The exact change, current − previous.
    pub fn exact(&self) -> Option<Rational> {
        if !self.comparable {
            return None;
        }
        Some(self.current.exact? - self.previous.exact?)
    }

    /// The change as shown, in hundredths: displayed current − displayed previous.
    pub fn displayed(&self) -> Option<i64> {
        if !self.comparable {
            return None;
        }
        Some(self.current.displayed()? - self.previous.displayed()?)
    }

    pub fn direction(&self) -> Option<Direction> {
        self.displayed().map(|d| Direction::of(d.cmp(&0)))
    }

    /// Either side was computed from part of its indicators only.
    pub fn is_provisional(&self) -> bool {
        self.current.is_provisional() || self.previous.is_provisional()
    }
}

/// One indicator's value now and in the previous period (same instrument only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorChange {
    pub id: String,
    pub current: Option<Value>,
    pub previous: Option<Value>,
}

impl IndicatorChange {
    /// The change in hundredths of a level (a level raise is +100). Exact: values are
    /// hundredths already.
    pub fn change(&self) -> Option<i64> {
        Some(self.current?.hundredths() as i64 - self.previous?.hundredths() as i64)
    }

    pub fn direction(&self) -> Option<Direction> {
        self.change().map(|d| Direction::of(d.cmp(&0)))
    }
}

/// The predicate band of the index now and before, by position in each framework's band
/// list (both lists run Kurang … Memuaskan, so positions compare across instruments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PredicateChange {
    pub current: Option<usize>,
    pub previous: Option<usize>,
}

impl PredicateChange {
    pub fn direction(&self) -> Option<Direction> {
        Some(Direction::of(self.current?.cmp(&self.previous?)))
    }
}

/// An assessment compared with a previous period's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub current_framework: &'static str,
    pub previous_framework: &'static str,
    /// Both files use the same framework: every level of detail is compared.
    pub same_instrument: bool,
    pub index: FigureChange,
    pub predicate: PredicateChange,
    /// In catalogue order; empty across different instruments.
    pub domains: Vec<FigureChange>,
    /// In catalogue order; empty across different instruments.
    pub aspects: Vec<FigureChange>,
    /// In catalogue order; empty across different instruments.
    pub indicators: Vec<IndicatorChange>,
}

impl Comparison {
    /// Indicators whose value changed (both sides answered), in catalogue order.
    pub fn changed_indicators(&self) -> impl Iterator<Item = &IndicatorChange> {
        self.indicators
            .iter()
            .filter(|c| c.change().is_some_and(|d| d != 0))
    }
}

fn band_position(fw: &Framework, score: &Score) -> Option<usize> {
    let p: &Predicate = score.predicate(fw)?;
    fw.predicates.iter().position(|q| std::ptr::eq(q, p))
}

/// Compares two assessments given as values per indicator, each on its own framework.
pub fn compare(
    current_fw: &'static Framework,
    current: &BTreeMap<String, Value>,
    previous_fw: &'static Framework,
    previous: &BTreeMap<String, Value>,
) -> Comparison {
    let now: Evaluation = evaluate_map(current_fw, current);
    let before: Evaluation = evaluate_map(previous_fw, previous);
    let same = current_fw.id == previous_fw.id;
    let pair = |id: &str, c: &Score, p: &Score| FigureChange {
        id: id.to_string(),
        current: c.clone(),
        previous: p.clone(),
        comparable: same,
    };
    let index = pair("index", &now.index, &before.index);
    let predicate = PredicateChange {
        current: band_position(current_fw, &now.index),
        previous: band_position(previous_fw, &before.index),
    };
    let (domains, aspects, indicators) = if same {
        let groups = |a: &[GroupScore], b: &[GroupScore]| {
            a.iter()
                .zip(b)
                .map(|(x, y)| pair(&x.id, &x.score, &y.score))
                .collect::<Vec<_>>()
        };
        let indicators = current_fw
            .indicators
            .iter()
            .map(|i| IndicatorChange {
                id: i.id.clone(),
                current: current.get(&i.id).copied(),
                previous: previous.get(&i.id).copied(),
            })
            .collect();
        (
            groups(&now.domains, &before.domains),
            groups(&now.aspects, &before.aspects),
            indicators,
        )
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    Comparison {
        current_framework: &current_fw.id,
        previous_framework: &previous_fw.id,
        same_instrument: same,
        index,
        predicate,
        domains,
        aspects,
        indicators,
    }
}

/// The values a file carries, by indicator id.
pub fn values_of(file: &ExchangeFile) -> BTreeMap<String, Value> {
    file.answers
        .iter()
        .map(|(id, a)| (id.clone(), a.value))
        .collect()
}

/// Compares two exchange files (already validated by `exchange::parse`). `Err` says why the
/// previous file cannot serve as a previous period.
pub fn compare_files(current: &ExchangeFile, previous: &ExchangeFile) -> Result<Comparison, Text> {
    let unknown = |id: &str| {
        Text::new(
            format!("Kerangka penilaian \"{id}\" tidak dikenal oleh versi ini."),
            format!("Framework \"{id}\" is not known to this version."),
        )
    };
    let current_fw = framework(&current.framework).ok_or_else(|| unknown(&current.framework))?;
    let previous_fw = framework(&previous.framework).ok_or_else(|| unknown(&previous.framework))?;
    if previous.kind == Kind::Assignment {
        return Err(Text::new(
            "Berkas penugasan tidak berisi jawaban. Pilih berkas hasil konsolidasi (atau berkas jawaban) periode lalu.",
            "An assignment file holds no answers. Choose last period's consolidated file (or a submission).",
        ));
    }
    if previous.answers.is_empty() {
        return Err(Text::new(
            "Berkas periode lalu tidak berisi satu jawaban pun.",
            "The previous period's file holds no answers.",
        ));
    }
    Ok(compare(
        current_fw,
        &values_of(current),
        previous_fw,
        &values_of(previous),
    ))
}

/// Things worth telling the user about the pair of files, none of which stops the comparison.
pub fn caveats(current: &ExchangeFile, previous: &ExchangeFile) -> Vec<Text> {
    let mut out = Vec::new();
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    if norm(&current.institution) != norm(&previous.institution) {
        out.push(Text::new(
            format!(
                "Instansi berbeda: \"{}\" dibandingkan dengan \"{}\".",
                current.institution, previous.institution
            ),
            format!(
                "Different institutions: \"{}\" compared with \"{}\".",
                current.institution, previous.institution
            ),
        ));
    }
    if norm(&current.period) == norm(&previous.period) {
        out.push(Text::new(
            format!("Kedua berkas untuk periode yang sama ({}).", current.period),
            format!("Both files are for the same period ({}).", current.period),
        ));
    }
    if previous.kind == Kind::Submission {
        out.push(Text::new(
            "Berkas periode lalu adalah jawaban satu unit, bukan hasil konsolidasi: indikator yang tidak dijawab unit itu tidak ikut dibandingkan.",
            "The previous file is one unit's submission, not a consolidated result: indicators that unit did not answer are not compared.",
        ));
    }
    out
}
