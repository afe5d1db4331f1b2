//! Settling conflicts: one at a time (pick a unit's answer, or the coordinator's own value
//! with a note), or by a bulk rule whose every affected indicator is listed for review.

use super::merge::{merge, Candidate, Item, Status};
use super::Workspace;
use crate::domain::exchange::{
    Candidate as DecisionCandidate, Decision, Evidence, Rule, Timestamp,
};
use crate::domain::text::Text;
use crate::domain::value::Value;
use serde_json::Map;

/// How the coordinator settles one conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settlement {
    /// Take this unit's answer (with an optional note).
    Pick { unit: String, note: String },
    /// A value of the coordinator's own; the note saying why is required.
    Own { value: Value, note: String },
}

/// What a bulk rule does (or would do) to one conflicting indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOutcome {
    pub indicator: String,
    /// Every unit's value, sorted by unit id.
    pub candidates: Vec<(String, Value)>,
    /// The unit chosen and its value; `None` when the rule cannot decide (e.g. "prefer
    /// the lead" where the lead did not answer): the conflict stays open.
    pub chosen: Option<(String, Value)>,
}

impl RuleOutcome {
    /// The outcome on a conflict `item` when the rule chose `chosen` (or could not decide).
    fn new(item: &Item, chosen: Option<&Candidate>) -> RuleOutcome {
        RuleOutcome {
            indicator: item.indicator.clone(),
            candidates: item
                .candidates
                .iter()
                .map(|c| (c.unit.clone(), c.value))
                .collect(),
            chosen: chosen.map(|c| (c.unit.clone(), c.value)),
        }
    }
}

impl Workspace {
    /// Settles the conflict on `indicator`, recording who (the workspace's coordinator),
    /// when and why. Refused, with the reason, when there is no conflict there, the unit
    /// did not answer, the own value is not allowed or its note is empty.
    pub fn settle(
        &mut self,
        indicator: &str,
        how: Settlement,
        now: &Timestamp,
    ) -> Result<(), Text> {
        let fw = self
            .framework()
            .ok_or_else(|| Text::new("Kerangka penilaian tidak dikenal.", "Unknown framework."))?;
        let code = fw
            .indicator(indicator)
            .map_or(indicator, |i| i.display_code());
        if self.coordinator.trim().is_empty() {
            return Err(Text::new(
                "Nama koordinator belum diisi: setiap keputusan mencatat siapa yang memutuskan. Isi di tab Unit & penugasan.",
                "The coordinator's name is missing: every decision records who took it. Fill it in on the Units & assignments tab.",
            ));
        }
        let m = merge(self);
        let item = m
            .item(indicator)
            .filter(|i| i.is_conflict())
            .ok_or_else(|| {
                Text::new(
                    format!("Indikator {code} tidak memiliki perbedaan jawaban untuk diputuskan."),
                    format!("Indicator {code} has no differing answers to settle."),
                )
            })?;
        let (rule, chosen_unit, value, note, extra) = match how {
            Settlement::Pick { unit, note } => {
                let c = item.candidates.iter().find(|c| c.unit == unit).ok_or_else(|| {
                    Text::new(
                        format!("Unit \"{unit}\" tidak menjawab indikator {code}; pilih salah satu jawaban yang ada."),
                        format!("The unit \"{unit}\" did not answer indicator {code}; choose one of the answers given."),
                    )
                })?;
                (
                    Rule::Pick,
                    Some(unit),
                    c.value,
                    note.trim().to_string(),
                    Map::new(),
                )
            }
            Settlement::Own { value, note } => {
                if note.trim().is_empty() {
                    return Err(Text::new(
                        format!("Catatan alasan wajib diisi untuk nilai yang ditetapkan koordinator (indikator {code})."),
                        format!("A note giving the reason is required for a value set by the coordinator (indicator {code})."),
                    ));
                }
                if !fw.values.accepts(value) {
                    return Err(Text::new(
                        format!(
                            "Nilai {value} tidak diizinkan dalam {} (indikator {code}).",
                            fw.short_name
                        ),
                        format!(
                            "The value {value} is not allowed in {} (indicator {code}).",
                            fw.short_name
                        ),
                    ));
                }
                (
                    Rule::Own,
                    None,
                    value,
                    note.trim().to_string(),
                    own_extra(self, item),
                )
            }
        };
        // The same choice again only amends the note of the decision in force: the log
        // keeps one entry per decision, not one per wording of its reason.
        if let Status::Decided { decision, .. } = item.status {
            let d = &self.decisions[decision];
            if d.rule == rule && d.chosen_unit == chosen_unit && d.value == value {
                if !note.is_empty() && note != d.note {
                    self.set_note(decision, note, now);
                }
                return Ok(());
            }
        }
        let decision = self.decision(item, rule, chosen_unit, value, note, extra, now);
        self.decisions.push(decision);
        self.touch(now);
        Ok(())
    }

    /// Rewrites the note of the decision in force on `indicator`, keeping its choice, who
    /// took it and when; the time of the change is recorded beside it (`note_amended_at`).
    /// Refused when nothing is decided there, or when an own value's note would be empty.
    pub fn amend_note(&mut self, indicator: &str, note: &str, now: &Timestamp) -> Result<(), Text> {
        let m = merge(self);
        let Some(Status::Decided { decision, .. }) = m.item(indicator).map(|i| i.status.clone())
        else {
            return Err(Text::new(
                "Belum ada keputusan pada indikator ini untuk diubah catatannya.",
                "There is no decision on this indicator whose note could be changed.",
            ));
        };
        let note = note.trim();
        if note.is_empty() && self.decisions[decision].rule == Rule::Own {
            return Err(Text::new(
                "Catatan alasan wajib untuk nilai yang ditetapkan koordinator; tidak boleh dikosongkan.",
                "A value set by the coordinator needs its note; it cannot be emptied.",
            ));
        }
        self.set_note(decision, note.to_string(), now);
        Ok(())
    }

    fn set_note(&mut self, decision: usize, note: String, now: &Timestamp) {
        let d = &mut self.decisions[decision];
        d.note = note;
        d.note_amended_at = Some(now.clone());
        self.touch(now);
    }

    /// What a bulk rule would decide for every conflict still open, without deciding.
    pub fn preview_rule(&self, rule: Rule) -> Vec<RuleOutcome> {
        let m = merge(self);
        m.unsettled()
            .map(|item| RuleOutcome::new(item, self.rule_choice(rule, item)))
            .collect()
    }

    /// Applies a bulk rule (`lead`, `higher`, `lower`) to every conflict still open;
    /// decisions already taken are left alone. Returns every affected indicator, for
    /// review; those the rule cannot decide are listed with `chosen: None`.
    pub fn apply_rule(&mut self, rule: Rule, now: &Timestamp) -> Result<Vec<RuleOutcome>, Text> {
        if !matches!(rule, Rule::Lead | Rule::Higher | Rule::Lower) {
            return Err(Text::new(
                "Aturan massal hanya: unit penanggung jawab, nilai tertinggi, nilai terendah.",
                "Bulk rules are: lead unit, higher value, lower value.",
            ));
        }
        if self.coordinator.trim().is_empty() {
            return Err(Text::new(
                "Nama koordinator belum diisi: setiap keputusan mencatat siapa yang memutuskan. Isi di tab Unit & penugasan.",
                "The coordinator's name is missing: every decision records who took it. Fill it in on the Units & assignments tab.",
            ));
        }
        let m = merge(self);
        let mut outcomes = Vec::new();
        let mut new = Vec::new();
        for item in m.unsettled() {
            let chosen = self.rule_choice(rule, item);
            if let Some(c) = chosen {
                let note = rule_note(rule);
                new.push(self.decision(
                    item,
                    rule,
                    Some(c.unit.clone()),
                    c.value,
                    note,
                    Map::new(),
                    now,
                ));
            }
            outcomes.push(RuleOutcome::new(item, chosen));
        }
        if !new.is_empty() {
            self.decisions.extend(new);
            self.touch(now);
        }
        Ok(outcomes)
    }

    /// The answer a rule takes: the lead's; the highest or lowest value (among equal
    /// values, the lead's answer, else the first by unit id).
    fn rule_choice<'a>(&self, rule: Rule, item: &'a Item) -> Option<&'a Candidate> {
        let lead = self
            .assignments
            .get(&item.indicator)
            .and_then(|a| a.lead.as_deref());
        let pick_among = |value: Value| {
            let tied = item.candidates.iter().filter(move |c| c.value == value);
            tied.clone()
                .find(|c| Some(c.unit.as_str()) == lead)
                .or_else(|| tied.clone().next())
        };
        match rule {
            Rule::Lead => item
                .candidates
                .iter()
                .find(|c| Some(c.unit.as_str()) == lead),
            Rule::Higher => pick_among(item.candidates.iter().map(|c| c.value).max()?),
            Rule::Lower => pick_among(item.candidates.iter().map(|c| c.value).min()?),
            Rule::Pick | Rule::Own => None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn decision(
        &self,
        item: &Item,
        rule: Rule,
        chosen_unit: Option<String>,
        value: Value,
        note: String,
        extra: Map<String, serde_json::Value>,
        now: &Timestamp,
    ) -> Decision {
        let candidates = item
            .candidates
            .iter()
            .map(|c| DecisionCandidate {
                unit: c.unit.clone(),
                value: c.value,
                exported_at: self
                    .submissions
                    .get(c.submission)
                    .map(|s| s.exported_at.clone()),
                items: c.items.clone(),
                extra: Map::new(),
            })
            .collect();
        Decision {
            indicator: item.indicator.clone(),
            rule,
            chosen_unit,
            value,
            candidates,
            note,
            decided_by: self.coordinator.trim().to_string(),
            decided_at: now.clone(),
            note_amended_at: None,
            extra,
        }
    }

    /// The decision in force on an indicator, if its conflict is settled.
    pub fn decision_for(&self, item: &Item) -> Option<&Decision> {
        match item.status {
            Status::Decided { decision, .. } => self.decisions.get(decision),
            _ => None,
        }
    }
}

/// The automatic note of a bulk rule, so the file says why without the coordinator typing.
fn rule_note(rule: Rule) -> String {
    match rule {
        Rule::Lead => "Aturan massal: jawaban unit penanggung jawab.",
        Rule::Higher => "Aturan massal: nilai tertinggi.",
        Rule::Lower => "Aturan massal: nilai terendah.",
        Rule::Pick | Rule::Own => "",
    }
    .to_string()
}

/// Key of the evidence an own-value decision keeps (in the decision's extra fields, so it
/// travels in the file and a reopened file gives the same answer).
pub(super) const OWN_EVIDENCE: &str = "evidence";

/// For a value of the coordinator's own: the evidence every unit gave, once each. The
/// documents exist whichever level they are read to support.
fn own_extra(ws: &Workspace, item: &Item) -> Map<String, serde_json::Value> {
    let mut seen: Vec<Evidence> = Vec::new();
    for c in &item.candidates {
        if let Some(a) = ws.answer_of(c, &item.indicator) {
            for e in &a.evidence {
                if !seen
                    .iter()
                    .any(|s| s.title == e.title && s.reference == e.reference && s.link == e.link)
                {
                    seen.push(e.clone());
                }
            }
        }
    }
    let mut extra = Map::new();
    if !seen.is_empty() {
        if let Ok(v) = serde_json::to_value(&seen) {
            extra.insert(OWN_EVIDENCE.to_string(), v);
        }
    }
    extra
}
