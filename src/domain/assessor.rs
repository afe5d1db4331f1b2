//! The official evaluation's values beside the self-assessment.
//!
//! After the evaluation the coordinator records what the assessors gave each indicator at
//! each stage that happened (the framework's `assessor_stages`: for SPBE Penilaian
//! Dokumen, Interviu and Visitasi, PermenPANRB 59/2020 Bab III; for Pemdi the final
//! values), typed one by one or pasted from a spreadsheet, with the assessors' notes.
//! [`compare`] sets them against the self-assessment per indicator, aspect, domain and
//! index, largest gaps first: next year's improvement list. The assessors' values travel
//! in the consolidated file (`assessor`, docs/FORMAT.md) and change no self-assessment
//! figure: they are never an answer.

use crate::domain::catalogue::{Framework, Indicator};
use crate::domain::engine::{effective_values, evaluate, format_hundredths, Evaluation, Score};
use crate::domain::rational::Rational;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;
use serde::{Deserialize, Serialize};
use serde_json::Map;
use std::collections::BTreeMap;

type Extra = Map<String, serde_json::Value>;

/// Every stage's assessor values (file field `assessor`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessorResults {
    /// Stage id (`dokumen`, `interviu`, `visitasi`, `akhir`) → its values.
    #[serde(default)]
    pub stages: BTreeMap<String, StageResults>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The assessors' values of one stage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageResults {
    /// Indicator id → value and note.
    #[serde(default)]
    pub values: BTreeMap<String, AssessorValue>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What the assessors gave one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessorValue {
    pub value: Value,
    /// The assessors' note or recommendation.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl AssessorResults {
    pub fn is_empty(&self) -> bool {
        self.stages.values().all(|s| s.values.is_empty())
    }

    pub fn stage(&self, id: &str) -> Option<&StageResults> {
        self.stages.get(id).filter(|s| !s.values.is_empty())
    }

    /// The last stage of the framework's order that has values (the latest word).
    pub fn latest<'a>(&self, fw: &'a Framework) -> Option<&'a str> {
        fw.assessor_stages
            .iter()
            .rev()
            .find(|s| self.stage(&s.id).is_some())
            .map(|s| s.id.as_str())
    }

    /// Records the pasted lines in `stage` (each replaces that indicator's value there).
    pub fn apply(&mut self, fw: &Framework, stage: &str, lines: &[PastedLine]) -> Result<(), Text> {
        self.stage_mut(fw, stage)?;
        for l in lines {
            self.set(fw, stage, &l.indicator, Some(l.value), &l.note)?;
        }
        Ok(())
    }

    /// Sets (or, with `None`, removes) one indicator's value in `stage`.
    pub fn set(
        &mut self,
        fw: &Framework,
        stage: &str,
        indicator: &str,
        value: Option<Value>,
        note: &str,
    ) -> Result<(), Text> {
        if fw.indicator(indicator).is_none() {
            return Err(Text::new(
                format!(
                    "Indikator \"{indicator}\" tidak ada dalam {}.",
                    fw.short_name
                ),
                format!("Indicator \"{indicator}\" is not in {}.", fw.short_name),
            ));
        }
        if let Some(v) = value.filter(|v| !fw.values.accepts(*v)) {
            return Err(Text::new(
                format!("Nilai {v} tidak diizinkan dalam {}.", fw.short_name),
                format!("The value {v} is not allowed in {}.", fw.short_name),
            ));
        }
        let values = &mut self.stage_mut(fw, stage)?.values;
        match value {
            Some(value) => {
                values.insert(
                    indicator.to_string(),
                    AssessorValue {
                        value,
                        note: note.trim().to_string(),
                        extra: Map::new(),
                    },
                );
            }
            None => {
                values.remove(indicator);
            }
        }
        Ok(())
    }

    /// Removes every value of `stage`.
    pub fn clear(&mut self, stage: &str) {
        self.stages.remove(stage);
    }

    fn stage_mut(&mut self, fw: &Framework, stage: &str) -> Result<&mut StageResults, Text> {
        if fw.assessor_stage(stage).is_none() {
            return Err(Text::new(
                format!(
                    "Tahap penilaian \"{stage}\" tidak dikenal dalam {}.",
                    fw.short_name
                ),
                format!("Unknown evaluation stage \"{stage}\" in {}.", fw.short_name),
            ));
        }
        Ok(self.stages.entry(stage.to_string()).or_default())
    }
}

// ---------------------------------------------------------------------------------------
// Pasting from a spreadsheet.

/// One line of pasted assessor values that could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedLine {
    /// Line number, from 1.
    pub line: usize,
    pub indicator: String,
    pub value: Value,
    pub note: String,
}

/// Why a pasted line could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasteProblem {
    /// Only one column: no value after the indicator.
    NoValue { line: usize },
    /// The first column names no indicator of the framework.
    UnknownIndicator { line: usize, text: String },
    /// The value column is not a number with at most two decimals.
    NotANumber { line: usize, text: String },
    /// A number the framework does not allow (out of range, or decimals in SPBE).
    NotAllowed { line: usize, text: String },
    /// The indicator was already given on an earlier line.
    Repeated {
        line: usize,
        code: String,
        first: usize,
    },
    /// Nothing to read at all.
    Empty,
}

impl PasteProblem {
    pub fn line(&self) -> Option<usize> {
        match self {
            PasteProblem::NoValue { line }
            | PasteProblem::UnknownIndicator { line, .. }
            | PasteProblem::NotANumber { line, .. }
            | PasteProblem::NotAllowed { line, .. }
            | PasteProblem::Repeated { line, .. } => Some(*line),
            PasteProblem::Empty => None,
        }
    }

    /// The message, naming the line and what is expected.
    pub fn message(&self, fw: &Framework) -> Text {
        let range = allowed(fw);
        match self {
            PasteProblem::NoValue { line } => Text::new(
                format!("Baris {line}: tidak ada nilai. Tulis nomor indikator, lalu nilainya, dipisah tab, titik koma atau koma."),
                format!("Line {line}: no value. Write the indicator number, then its value, separated by a tab, semicolon or comma."),
            ),
            PasteProblem::UnknownIndicator { line, text } => Text::new(
                format!("Baris {line}: \"{text}\" bukan nomor indikator {}.", fw.short_name),
                format!("Line {line}: \"{text}\" is not a {} indicator number.", fw.short_name),
            ),
            PasteProblem::NotANumber { line, text } => Text::new(
                format!("Baris {line}: nilai \"{text}\" bukan angka ({}). Catatan hanya dapat ditempel dengan pemisah tab atau titik koma.", range.id),
                format!("Line {line}: the value \"{text}\" is not a number ({}). Notes can only be pasted with tab or semicolon separators.", range.en),
            ),
            PasteProblem::NotAllowed { line, text } => Text::new(
                format!("Baris {line}: nilai {text} tidak diizinkan; yang diizinkan {}.", range.id),
                format!("Line {line}: the value {text} is not allowed; allowed: {}.", range.en),
            ),
            PasteProblem::Repeated { line, code, first } => Text::new(
                format!("Baris {line}: indikator {code} sudah ada di baris {first}."),
                format!("Line {line}: indicator {code} was already given on line {first}."),
            ),
            PasteProblem::Empty => Text::new(
                "Tidak ada baris untuk dibaca. Tempel dua kolom: nomor indikator dan nilai.",
                "There are no lines to read. Paste two columns: indicator number and value.",
            ),
        }
    }
}

/// The values the framework allows, in the words the file reader uses.
fn allowed(fw: &Framework) -> Text {
    let (id, en) = crate::domain::exchange::allowed_values(&fw.values);
    Text::new(id, en)
}

/// The indicator a pasted first column names: its id ("13", "35.1") or its display code
/// ("5.1" for Pemdi indicator 13). Quotes and spaces around it are ignored.
fn find_indicator<'a>(fw: &'a Framework, text: &str) -> Option<&'a Indicator> {
    let t = unquote(text);
    fw.indicator(t)
        .or_else(|| fw.indicators.iter().find(|i| i.code.as_deref() == Some(t)))
}

fn unquote(s: &str) -> &str {
    let t = s.trim();
    t.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(t)
        .trim()
}

/// Splits a line into indicator, value and note. A tab separates if there is one, else a
/// semicolon; a comma separates only the first column, so "5,2,47" reads as indicator 5,
/// value 2,47 (a decimal comma), and comma lines carry no note.
fn columns(line: &str) -> (&str, Option<&str>, &str) {
    let sep = if line.contains('\t') {
        Some('\t')
    } else if line.contains(';') {
        Some(';')
    } else {
        None
    };
    match sep {
        Some(sep) => {
            let mut parts = line.splitn(3, sep);
            let first = parts.next().unwrap_or("");
            let value = parts.next();
            let note = parts.next().unwrap_or("");
            (first, value, note)
        }
        None => match line.split_once(',') {
            Some((first, rest)) => (first, Some(rest), ""),
            None => (line, None, ""),
        },
    }
}

/// Reads pasted lines of "indicator, value[, note]". Every line is checked; `Err` lists
/// every problem (nothing is applied then). Empty lines are skipped, and so is a first
/// line whose value column holds no digit (a header such as "Indikator;Nilai").
pub fn parse_paste(fw: &Framework, text: &str) -> Result<Vec<PastedLine>, Vec<PasteProblem>> {
    let mut out: Vec<PastedLine> = Vec::new();
    let mut problems = Vec::new();
    let mut first_content = true;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() {
            continue;
        }
        let (first, value, note) = columns(raw);
        let is_first = std::mem::take(&mut first_content);
        let ind = find_indicator(fw, first);
        let Some(value) = value.map(unquote) else {
            problems.push(PasteProblem::NoValue { line });
            continue;
        };
        if is_first && ind.is_none() && !value.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(ind) = ind else {
            problems.push(PasteProblem::UnknownIndicator {
                line,
                text: unquote(first).chars().take(30).collect(),
            });
            continue;
        };
        let shown: String = value.chars().take(30).collect();
        let Some(v) = Value::parse_typed(value) else {
            // A number all the same (5,5 or 2,555): not allowed, rather than not a number.
            let number = value.replace(',', ".").parse::<Rational>().is_ok();
            problems.push(if number {
                PasteProblem::NotAllowed { line, text: shown }
            } else {
                PasteProblem::NotANumber { line, text: shown }
            });
            continue;
        };
        if !fw.values.accepts(v) {
            problems.push(PasteProblem::NotAllowed { line, text: shown });
            continue;
        }
        if let Some(earlier) = out.iter().find(|p| p.indicator == ind.id) {
            problems.push(PasteProblem::Repeated {
                line,
                code: ind.display_code().to_string(),
                first: earlier.line,
            });
            continue;
        }
        out.push(PastedLine {
            line,
            indicator: ind.id.clone(),
            value: v,
            note: unquote(note).to_string(),
        });
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(PasteProblem::Empty);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

// ---------------------------------------------------------------------------------------
// Self-assessment against the assessors.

/// One figure on both sides, as displayed (hundredths), with the gap own − assessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// An indicator, aspect or domain id; empty for the index.
    pub id: String,
    pub own: Option<i64>,
    pub assessor: Option<i64>,
    /// Both figures rest on the same indicators. When one side has values for indicators
    /// the other lacks, the two figures average different things and no gap is given.
    pub comparable: bool,
    /// Computed from part of the group's indicators (on both sides alike).
    pub provisional: bool,
    /// The assessors' note (indicators only).
    pub note: String,
}

impl Gap {
    /// Own figure minus the assessors' (positive: the self-assessment was higher); `None`
    /// when a side has no figure or the two rest on different indicators.
    pub fn gap(&self) -> Option<i64> {
        self.comparable.then_some(self.own? - self.assessor?)
    }

    /// The own figure, the assessors' and the gap as shown ("1,24", "1,00", "+0,24"; "—"
    /// for a side without a figure, "≠" for figures over different indicators).
    pub fn texts(&self, lang: Lang) -> [String; 3] {
        let fig =
            |h: Option<i64>| h.map_or_else(|| "—".to_string(), |h| format_hundredths(h, lang));
        let gap = match self.gap() {
            Some(d) => format_gap(d, lang),
            None if self.own.is_some() && self.assessor.is_some() => "≠".to_string(),
            None => "—".to_string(),
        };
        [fig(self.own), fig(self.assessor), gap]
    }
}

/// The self-assessment against one stage of the assessors' values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub index: Gap,
    /// Largest gap first, then catalogue order; figures without a gap last.
    pub aspects: Vec<Gap>,
    pub domains: Vec<Gap>,
    /// Indicators with an assessor value or an own value, in the same order.
    pub indicators: Vec<Gap>,
    /// The assessors' figures (computed by the engine like the self-assessment's).
    pub evaluation: Evaluation,
}

/// Largest absolute gap first; ties and figures without a gap keep their given order.
fn largest_first(gaps: &mut [Gap]) {
    crate::domain::sort::sort_by_key(gaps, |g| match g.gap() {
        Some(d) => (0, -d.abs()),
        None => (1, 0),
    });
}

/// Compares the self-assessment (`own`, the values the engine uses) with the assessors'
/// values of one stage. Both sides go through the same engine; nothing is rounded before
/// the figures are shown. A figure's gap is given only where both sides have values for
/// the same indicators of it (the framework's assumed values for missing external
/// indicators count on both sides alike).
pub fn compare(
    fw: &Framework,
    own: impl Fn(&str) -> Option<Value>,
    stage: &StageResults,
) -> Comparison {
    let theirs_of = |id: &str| stage.values.get(id).map(|v| v.value);
    let own_eval = evaluate(fw, &own);
    let theirs = evaluate(fw, theirs_of);
    let (own_values, _) = effective_values(fw, &own);
    let (their_values, _) = effective_values(fw, theirs_of);
    // Same indicators valued on both sides, among those `in_group` selects.
    let same = |in_group: &dyn Fn(&Indicator) -> bool| {
        fw.indicators
            .iter()
            .filter(|i| in_group(i))
            .all(|i| own_values.contains_key(&i.id) == their_values.contains_key(&i.id))
    };
    let gap = |id: &str, a: &Score, b: &Score, comparable: bool| Gap {
        id: id.to_string(),
        own: a.displayed(),
        assessor: b.displayed(),
        comparable,
        provisional: a.is_provisional() || b.is_provisional(),
        note: String::new(),
    };
    let mut aspects: Vec<Gap> = own_eval
        .aspects
        .iter()
        .zip(&theirs.aspects)
        .map(|(a, b)| gap(&a.id, &a.score, &b.score, same(&|i| i.aspect == a.id)))
        .collect();
    largest_first(&mut aspects);
    let mut domains: Vec<Gap> = own_eval
        .domains
        .iter()
        .zip(&theirs.domains)
        .map(|(a, b)| {
            let in_domain = |i: &Indicator| {
                fw.aspect(&i.aspect).and_then(|x| x.domain.as_deref()) == Some(a.id.as_str())
            };
            gap(&a.id, &a.score, &b.score, same(&in_domain))
        })
        .collect();
    largest_first(&mut domains);
    let mut indicators: Vec<Gap> = fw
        .indicators
        .iter()
        .filter_map(|ind| {
            let mine = own(&ind.id).map(|v| v.hundredths() as i64);
            let given = stage.values.get(&ind.id);
            if mine.is_none() && given.is_none() {
                return None;
            }
            Some(Gap {
                id: ind.id.clone(),
                own: mine,
                assessor: given.map(|g| g.value.hundredths() as i64),
                comparable: true,
                provisional: false,
                note: given.map(|g| g.note.clone()).unwrap_or_default(),
            })
        })
        .collect();
    largest_first(&mut indicators);
    Comparison {
        index: gap("", &own_eval.index, &theirs.index, same(&|_| true)),
        aspects,
        domains,
        indicators,
        evaluation: theirs,
    }
}

/// A gap as shown: "+0,50", "−1,00", "0,00".
pub fn format_gap(h: i64, lang: Lang) -> String {
    let sign = match h.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    format!("{sign}{}", format_hundredths(h.abs(), lang))
}

/// The comparison of a file's answers with its own assessor values of `stage`; `None`
/// when the file holds no values for that stage.
pub fn compare_file(
    fw: &Framework,
    file: &crate::domain::exchange::ExchangeFile,
    stage: &str,
) -> Option<Comparison> {
    let stage = file.assessor.as_ref()?.stage(stage)?;
    Some(compare(
        fw,
        |id| file.answers.get(id).map(|a| a.value),
        stage,
    ))
}

/// The stages of `fw` for which `file` holds assessor values, in the framework's order.
pub fn stages_with_values<'a>(
    fw: &'a Framework,
    file: &crate::domain::exchange::ExchangeFile,
) -> Vec<&'a crate::domain::catalogue::AssessorStage> {
    let Some(a) = &file.assessor else {
        return Vec::new();
    };
    fw.assessor_stages
        .iter()
        .filter(|s| a.stage(&s.id).is_some())
        .collect()
}
