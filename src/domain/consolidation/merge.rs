//! The merge: one value per indicator with where it came from, and the coverage matrix.

use super::Workspace;
use crate::domain::checklist::ItemStates;
use crate::domain::exchange::{Answer, Decision, Rule, SupportInput};
use crate::domain::value::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// One unit's current answer to an indicator, or the level a supporting unit proposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Position in [`Workspace::submissions`].
    pub submission: usize,
    pub unit: String,
    pub value: Value,
    /// A supporting unit's proposed level (from the file's `support` map), not an answer.
    pub proposal: bool,
    /// The evidence-item states the unit marked (empty when it marked none).
    pub items: ItemStates,
}

impl Candidate {
    /// Same value and same item states: two such answers (or proposals) do not conflict.
    fn agrees(&self, other: &Candidate) -> bool {
        self.value == other.value && self.items == other.items
    }
}

/// A supporting unit's input on an indicator (with or without a proposed level): shown
/// to the coordinator beside the answer, never counted by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Position in [`Workspace::submissions`].
    pub submission: usize,
    pub unit: String,
}

/// How an indicator's merged value was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// No current file answers it.
    Unanswered,
    /// One unit answered, or all that answered gave the same value. `source` (a position
    /// in `candidates`) is the answer carried into the result: the lead unit's when it
    /// answered, else the first by unit id.
    Agreed { value: Value, source: usize },
    /// Units gave different values (or marked the evidence items differently) and no
    /// decision covers these answers: "perlu keputusan". The indicator has no value until the coordinator settles it.
    Unsettled,
    /// Units gave different values; `decision` (a position in [`Workspace::decisions`])
    /// settles them. `source` is the chosen unit's position in `candidates`, `None` for
    /// the coordinator's own value.
    Decided {
        value: Value,
        decision: usize,
        source: Option<usize>,
    },
}

/// One indicator of the merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub indicator: String,
    /// The current answers and proposed levels, sorted by unit id.
    pub candidates: Vec<Candidate>,
    /// Supporting units' input, sorted by unit id.
    pub inputs: Vec<Input>,
    pub status: Status,
}

impl Item {
    /// The merged value; `None` while unanswered or unsettled.
    pub fn value(&self) -> Option<Value> {
        match self.status {
            Status::Agreed { value, .. } | Status::Decided { value, .. } => Some(value),
            Status::Unanswered | Status::Unsettled => None,
        }
    }

    /// Two or more current answers disagree (settled or not).
    pub fn is_conflict(&self) -> bool {
        matches!(self.status, Status::Unsettled | Status::Decided { .. })
    }

    /// The unit whose answer the result carries, if any.
    pub fn source_unit(&self) -> Option<&str> {
        match self.status {
            Status::Agreed { source, .. }
            | Status::Decided {
                source: Some(source),
                ..
            } => self.candidates.get(source).map(|c| c.unit.as_str()),
            _ => None,
        }
    }
}

/// The merged assessment, in catalogue order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merge {
    pub items: Vec<Item>,
}

impl Merge {
    pub fn item(&self, indicator: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.indicator == indicator)
    }

    /// The merged values, for the index engine.
    pub fn values(&self) -> BTreeMap<String, Value> {
        self.items
            .iter()
            .filter_map(|i| Some((i.indicator.clone(), i.value()?)))
            .collect()
    }

    pub fn conflicts(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.is_conflict())
    }

    pub fn unsettled(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.status == Status::Unsettled)
    }

    /// Indicators with a value.
    pub fn answered(&self) -> usize {
        self.items.iter().filter(|i| i.value().is_some()).count()
    }
}

/// Whether a decision was taken on exactly these answers (same units, same values, same
/// item states).
pub(super) fn decision_matches(d: &Decision, candidates: &[Candidate]) -> bool {
    let mut recorded: Vec<(&str, Value, &ItemStates)> = d
        .candidates
        .iter()
        .map(|c| (c.unit.as_str(), c.value, &c.items))
        .collect();
    crate::domain::sort::sort_by(&mut recorded, |a, b| a.cmp(b));
    recorded.dedup();
    let current: Vec<(&str, Value, &ItemStates)> = candidates
        .iter()
        .map(|c| (c.unit.as_str(), c.value, &c.items))
        .collect();
    recorded == current
}

/// The decision's chosen answer among the candidates: `Some(Some(i))` a unit's answer,
/// `Some(None)` the coordinator's own value, `None` when the decision cannot apply.
fn chosen(d: &Decision, candidates: &[Candidate]) -> Option<Option<usize>> {
    match (d.rule, &d.chosen_unit) {
        (Rule::Own, _) => Some(None),
        (_, Some(unit)) => {
            let i = candidates.iter().position(|c| &c.unit == unit)?;
            (candidates[i].value == d.value).then_some(Some(i))
        }
        (_, None) => None,
    }
}

/// Merges the workspace's current files. One pass over every answer, one over the
/// indicators and one over the decisions.
///
/// Only the framework's indicator ids are needed, and they come from its summary: the
/// coordinator's home counts each workspace's answers and open conflicts without parsing
/// a framework, so the framework reader is not part of that home's first download.
pub fn merge(ws: &Workspace) -> Merge {
    let Some(summary) = crate::domain::catalogue::summary(&ws.framework) else {
        return Merge::default();
    };
    // Submissions are sorted by unit id, so each indicator's candidates come out sorted.
    let mut by_indicator: BTreeMap<&str, Vec<Candidate>> = BTreeMap::new();
    let mut inputs_of: BTreeMap<&str, Vec<Input>> = BTreeMap::new();
    for (s, sub) in ws.submissions.iter().enumerate() {
        for (id, answer) in sub.answers.iter() {
            by_indicator
                .entry(id.as_str())
                .or_default()
                .push(Candidate {
                    submission: s,
                    unit: sub.unit.id.clone(),
                    value: answer.value,
                    proposal: false,
                    items: answer.items.clone(),
                });
        }
        for (id, input) in sub.support.iter() {
            inputs_of.entry(id.as_str()).or_default().push(Input {
                submission: s,
                unit: sub.unit.id.clone(),
            });
            if let Some(value) = input.value {
                by_indicator
                    .entry(id.as_str())
                    .or_default()
                    .push(Candidate {
                        submission: s,
                        unit: sub.unit.id.clone(),
                        value,
                        proposal: true,
                        items: input.items.clone(),
                    });
            }
        }
    }
    let mut decisions_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in ws.decisions.iter().enumerate() {
        decisions_of
            .entry(d.indicator.as_str())
            .or_default()
            .push(i);
    }

    let items = summary
        .indicators
        .iter()
        .map(|id| {
            let candidates = by_indicator.remove(id.as_str()).unwrap_or_default();
            let inputs = inputs_of.remove(id.as_str()).unwrap_or_default();
            let status = match candidates.first() {
                None => Status::Unanswered,
                Some(first) if candidates.iter().all(|c| c.agrees(first)) => {
                    // The lead's answer, else any answer, before a supporting unit's proposal.
                    let lead = ws.assignments.get(id).and_then(|a| a.lead.as_deref());
                    let source = candidates
                        .iter()
                        .position(|c| Some(c.unit.as_str()) == lead && !c.proposal)
                        .or_else(|| candidates.iter().position(|c| !c.proposal))
                        .unwrap_or(0);
                    Status::Agreed {
                        value: first.value,
                        source,
                    }
                }
                Some(_) => decisions_of
                    .get(id.as_str())
                    .into_iter()
                    .flatten()
                    .rev()
                    .find_map(|&i| {
                        let d = &ws.decisions[i];
                        if !decision_matches(d, &candidates) {
                            return None;
                        }
                        let source = chosen(d, &candidates)?;
                        Some(Status::Decided {
                            value: d.value,
                            decision: i,
                            source,
                        })
                    })
                    .unwrap_or(Status::Unsettled),
            };
            Item {
                indicator: id.clone(),
                candidates,
                inputs,
                status,
            }
        })
        .collect();
    Merge { items }
}

impl Workspace {
    /// The answer a candidate stands for; for a proposed level, the supporting unit's
    /// input read as an answer with that value.
    pub fn answer_of(&self, c: &Candidate, indicator: &str) -> Option<Cow<'_, Answer>> {
        let sub = self.submissions.get(c.submission)?;
        if !c.proposal {
            return sub.answers.get(indicator).map(Cow::Borrowed);
        }
        let input = sub.support.get(indicator)?;
        Some(Cow::Owned(Answer {
            value: input.value?,
            justification: input.justification.clone(),
            evidence: input.evidence.clone(),
            updated_at: input.updated_at.clone(),
            service: input.service.clone(),
            items: input.items.clone(),
            extra: input.extra.clone(),
        }))
    }

    /// A supporting unit's input.
    pub fn input_of(&self, i: &Input, indicator: &str) -> Option<&SupportInput> {
        self.submissions.get(i.submission)?.support.get(indicator)
    }
}

/// A unit's part in an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Lead,
    Support,
    None,
}

/// What a unit did about an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellState {
    /// Its current file answers the indicator with this value (or, for a supporting
    /// unit, proposes it).
    Answered(Value),
    /// Its current file gives supporting input without a proposed level.
    Input,
    /// Its file came, without an answer to this indicator.
    NotAnswered,
    /// No file from this unit yet.
    NotSent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub role: Role,
    pub state: CellState,
}

impl Cell {
    /// A lead indicator not answered: what the coordinator chases. (A supporting unit is
    /// asked for input, which it may or may not have.)
    pub fn is_missing(&self) -> bool {
        self.role == Role::Lead && !matches!(self.state, CellState::Answered(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageRow {
    pub indicator: String,
    /// One cell per unit, in [`Coverage::units`] order.
    pub cells: Vec<Cell>,
    pub status: Status,
    pub value: Option<Value>,
}

/// Indicators × units: who was asked, who answered, who has sent nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Unit ids, in the workspace's order.
    pub units: Vec<String>,
    pub rows: Vec<CoverageRow>,
    /// Units asked for at least one indicator that have sent no file.
    pub not_sent: Vec<String>,
    /// Indicators nobody answered.
    pub unanswered: Vec<String>,
    /// Indicators waiting for a decision.
    pub unsettled: Vec<String>,
}

/// The coverage matrix of a merge.
pub fn coverage(ws: &Workspace, merge: &Merge) -> Coverage {
    let units: Vec<String> = ws.units.iter().map(|u| u.id.clone()).collect();
    let has_file: Vec<bool> = units.iter().map(|u| ws.submission(u).is_some()).collect();
    let mut asked = vec![false; units.len()];
    let rows = merge
        .items
        .iter()
        .map(|item| {
            let a = ws.assignments.get(&item.indicator);
            let cells = units
                .iter()
                .enumerate()
                .map(|(i, u)| {
                    let role = match a {
                        Some(a) if a.lead.as_deref() == Some(u) => Role::Lead,
                        Some(a) if a.support.iter().any(|s| s == u) => Role::Support,
                        _ => Role::None,
                    };
                    if role != Role::None {
                        asked[i] = true;
                    }
                    let state = match item.candidates.iter().find(|c| &c.unit == u) {
                        Some(c) => CellState::Answered(c.value),
                        None if item.inputs.iter().any(|x| &x.unit == u) => CellState::Input,
                        None if has_file[i] => CellState::NotAnswered,
                        None => CellState::NotSent,
                    };
                    Cell { role, state }
                })
                .collect();
            CoverageRow {
                indicator: item.indicator.clone(),
                cells,
                status: item.status.clone(),
                value: item.value(),
            }
        })
        .collect();
    let not_sent = units
        .iter()
        .zip(&asked)
        .zip(&has_file)
        .filter(|((_, a), f)| **a && !**f)
        .map(|((u, _), _)| u.clone())
        .collect();
    let unanswered = merge
        .items
        .iter()
        .filter(|i| i.status == Status::Unanswered)
        .map(|i| i.indicator.clone())
        .collect();
    let unsettled = merge.unsettled().map(|i| i.indicator.clone()).collect();
    Coverage {
        units,
        rows,
        not_sent,
        unanswered,
        unsettled,
    }
}
