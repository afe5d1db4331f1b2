//! Structural checks on a framework file: the invariants the engine relies on.
//!
//! The engine divides by weights and trusts that indicator weights add up to their
//! aspect's weight (PermenPANRB 59/2020 Tabel 8–9; 8/2026 Bagian B), so those facts are
//! checked exactly here, once, instead of being hoped for everywhere.

use super::{Conversion, Framework, Source};
use crate::domain::rational::Rational;
use crate::domain::text::Text;
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with a framework file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueProblem {
    pub place: String,
    pub message: String,
}

impl fmt::Display for CatalogueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

struct Checker {
    problems: Vec<CatalogueProblem>,
}

impl Checker {
    fn fail(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.problems.push(CatalogueProblem {
            place: place.into(),
            message: message.into(),
        });
    }

    fn text(&mut self, place: impl Into<String>, t: &Text) {
        if t.id.trim().is_empty() || t.en.trim().is_empty() {
            self.fail(place, "teks kosong (id dan en wajib diisi)");
        }
    }

    fn unique<'a>(&mut self, place: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.fail(place, format!("id ganda: {id}"));
            }
        }
    }
}

/// Every problem found in `fw` (empty when the framework is sound).
pub fn validate(fw: &Framework) -> Vec<CatalogueProblem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let hundred = Rational::from_int(100);

    c.text("name", &fw.name);
    c.text("legal_basis", &fw.legal_basis);

    // Values.
    let v = &fw.values;
    if !(v.decimals == 0 || v.decimals == 2) {
        c.fail("values.decimals", "harus 0 atau 2");
    }
    if v.min < Rational::ZERO || v.max > Rational::from_int(5) || v.min >= v.max {
        c.fail("values", "rentang nilai harus di dalam 0–5 dan min < max");
    }
    if !v.min.is_integer() || !v.max.is_integer() {
        c.fail("values", "batas nilai harus bilangan bulat");
    }

    // Scales and their levels.
    c.unique("scales", fw.scales.iter().map(|s| s.id.as_str()));
    for s in &fw.scales {
        c.text(format!("scales.{}.name", s.id), &s.name);
        for level in fw.levels() {
            match s.level(level) {
                Some(l) => {
                    c.text(format!("scales.{}.levels.{level}.name", s.id), &l.name);
                    c.text(
                        format!("scales.{}.levels.{level}.summary", s.id),
                        &l.summary,
                    );
                }
                None => c.fail(
                    format!("scales.{}", s.id),
                    format!("tingkat {level} tidak ada"),
                ),
            }
        }
    }
    if let Some(r) = fw
        .reading_scale
        .as_deref()
        .filter(|r| fw.scale(r).is_none())
    {
        c.fail("reading_scale", format!("skala {r} tidak ada"));
    }

    // Predicates: ascending, starting at or below the lowest value.
    if fw.predicates.is_empty() {
        c.fail("predicates", "tidak ada predikat");
    } else {
        if fw.predicates[0].from > v.min {
            c.fail(
                "predicates.0.from",
                "predikat pertama harus mulai dari nilai terendah",
            );
        }
        for (i, w) in fw.predicates.windows(2).enumerate() {
            if w[0].from >= w[1].from {
                c.fail(format!("predicates.{}", i + 1), "batas predikat harus naik");
            }
        }
        for (i, p) in fw.predicates.iter().enumerate() {
            c.text(format!("predicates.{i}.name"), &p.name);
        }
    }

    // Domains and aspects.
    c.unique("domains", fw.domains.iter().map(|d| d.id.as_str()));
    c.unique("aspects", fw.aspects.iter().map(|a| a.id.as_str()));
    for d in &fw.domains {
        c.text(format!("domains.{}.name", d.id), &d.name);
        let sum: Rational = fw.aspects_of(&d.id).map(|a| a.weight).sum();
        if sum != d.weight {
            c.fail(
                format!("domains.{}", d.id),
                format!("bobot {} ≠ jumlah bobot aspeknya {}", d.weight, sum),
            );
        }
    }
    if fw.has_domains() {
        let sum: Rational = fw.domains.iter().map(|d| d.weight).sum();
        if sum != hundred {
            c.fail("domains", format!("jumlah bobot domain {sum} ≠ 100"));
        }
    }
    for a in &fw.aspects {
        c.text(format!("aspects.{}.name", a.id), &a.name);
        if a.weight <= Rational::ZERO {
            c.fail(format!("aspects.{}", a.id), "bobot harus positif");
        }
        match (&a.domain, fw.has_domains()) {
            (Some(d), true) if fw.domain(d).is_none() => c.fail(
                format!("aspects.{}.domain", a.id),
                format!("domain {d} tidak ada"),
            ),
            (None, true) => c.fail(format!("aspects.{}.domain", a.id), "aspek tanpa domain"),
            (Some(_), false) => c.fail(format!("aspects.{}.domain", a.id), "kerangka tanpa domain"),
            _ => {}
        }
        let sum: Rational = fw.indicators_of(&a.id).map(|i| i.weight).sum();
        if sum != a.weight {
            c.fail(
                format!("aspects.{}", a.id),
                format!("bobot {} ≠ jumlah bobot indikatornya {}", a.weight, sum),
            );
        }
    }
    let aspect_sum: Rational = fw.aspects.iter().map(|a| a.weight).sum();
    if aspect_sum != hundred {
        c.fail("aspects", format!("jumlah bobot aspek {aspect_sum} ≠ 100"));
    }

    // Indicators.
    c.unique("indicators", fw.indicators.iter().map(|i| i.id.as_str()));
    let known_units: HashSet<&str> = super::units().iter().map(|u| u.id.as_str()).collect();
    let level_count = fw.levels().count();
    let total: Rational = fw.indicators.iter().map(|i| i.weight).sum();
    if total != hundred {
        c.fail(
            "indicators",
            format!("jumlah bobot indikator {total} ≠ 100"),
        );
    }
    for ind in &fw.indicators {
        let at = format!("indicators.{}", ind.id);
        if ind.weight <= Rational::ZERO {
            c.fail(&at, "bobot harus positif");
        }
        if fw.aspect(&ind.aspect).is_none() {
            c.fail(
                format!("{at}.aspect"),
                format!("aspek {} tidak ada", ind.aspect),
            );
        }
        if fw.scale(&ind.scale).is_none() {
            c.fail(
                format!("{at}.scale"),
                format!("skala {} tidak ada", ind.scale),
            );
        }
        c.text(format!("{at}.name"), &ind.name);
        c.text(format!("{at}.description"), &ind.description);
        c.text(format!("{at}.evidence_hint"), &ind.evidence_hint);
        if ind.criteria.len() != level_count {
            c.fail(
                format!("{at}.criteria"),
                format!(
                    "{} kriteria, seharusnya {level_count} (satu per tingkat)",
                    ind.criteria.len()
                ),
            );
        }
        for (k, t) in ind.criteria.iter().enumerate() {
            c.text(format!("{at}.criteria.{k}"), t);
        }
        for unit in ind.owners.lead.iter().chain(&ind.owners.support) {
            if !known_units.contains(unit.as_str()) {
                c.fail(
                    format!("{at}.owners"),
                    format!("unit {unit} tidak ada di units.json"),
                );
            }
        }
        if let Source::External {
            index,
            agency,
            conversion,
            assumed_when_missing,
        } = &ind.source
        {
            c.text(format!("{at}.source.index"), index);
            c.text(format!("{at}.source.agency"), agency);
            if let Some(a) = assumed_when_missing {
                if *a < v.min || *a > v.max {
                    c.fail(
                        format!("{at}.source.assumed_when_missing"),
                        "di luar rentang nilai",
                    );
                }
            }
            if let Conversion::Linear {
                raw_min,
                raw_max,
                divisor,
                ..
            } = conversion
            {
                if divisor.is_zero() || raw_min >= raw_max {
                    c.fail(
                        format!("{at}.source.conversion"),
                        "konversi linear tidak sah",
                    );
                } else {
                    for raw in [*raw_min, *raw_max] {
                        match conversion.convert(raw) {
                            Some(x) if x >= v.min && x <= v.max => {}
                            _ => c.fail(
                                format!("{at}.source.conversion"),
                                "hasil konversi di luar rentang nilai",
                            ),
                        }
                    }
                }
            }
        }
    }
    // A group's items must sit in one aspect: they are one heading on screen.
    for ind in &fw.indicators {
        if let Some(g) = &ind.group {
            if fw
                .indicators
                .iter()
                .any(|o| o.group.as_ref() == Some(g) && o.aspect != ind.aspect)
            {
                c.fail(
                    format!("indicators.{}.group", ind.id),
                    "anggota grup berada di aspek berbeda",
                );
            }
        }
    }
    for (i, n) in fw.notes.iter().enumerate() {
        c.text(format!("notes.{i}.text"), &n.text);
    }
    items(&mut c, fw);
    c.unique(
        "assessor_stages",
        fw.assessor_stages.iter().map(|s| s.id.as_str()),
    );
    for s in &fw.assessor_stages {
        c.text(format!("assessor_stages.{}.name", s.id), &s.name);
    }
    c.problems
}

/// Evidence items: ids unique and of the form `<indicator>.L<level>.<n>`, levels within
/// the framework's, every text in both languages; the item rule's band edges one per
/// level plus the top, rising from the lowest value to the highest.
fn items(c: &mut Checker, fw: &Framework) {
    c.unique(
        "indicators.*.items",
        fw.indicators
            .iter()
            .flat_map(|i| &i.items)
            .map(|i| i.id.as_str()),
    );
    for ind in &fw.indicators {
        for item in &ind.items {
            let at = format!("indicators.{}.items.{}", ind.id, item.id);
            if !fw.levels().any(|l| l == item.level) {
                c.fail(&at, format!("tingkat {} di luar rentang", item.level));
            }
            let number = item
                .id
                .strip_prefix(&format!("{}.L{}.", ind.id, item.level))
                .filter(|n| !n.starts_with('0') && n.parse::<u16>().is_ok_and(|n| n > 0));
            if number.is_none() {
                c.fail(
                    &at,
                    format!(
                        "id harus berbentuk {}.L{}.<nomor> (nomor mulai dari 1)",
                        ind.id, item.level
                    ),
                );
            }
            c.text(format!("{at}.label"), &item.label);
            c.text(format!("{at}.text"), &item.text);
            if let Some(h) = &item.hint {
                c.text(format!("{at}.hint"), h);
            }
        }
        if ind.items.windows(2).any(|w| w[0].level > w[1].level) {
            c.fail(
                format!("indicators.{}.items", ind.id),
                "butir harus urut menurut tingkat",
            );
        }
    }
    if let Some(rule) = &fw.item_rule {
        let edges = &rule.level_edges;
        if !fw.values.is_decimal() {
            c.fail(
                "item_rule",
                "saran nilai dari butir hanya untuk nilai desimal",
            );
        }
        if edges.len() != fw.levels().count() + 1 {
            c.fail(
                "item_rule.level_edges",
                format!(
                    "{} batas, seharusnya {} (batas bawah tiap tingkat, lalu nilai tertinggi)",
                    edges.len(),
                    fw.levels().count() + 1
                ),
            );
        } else if edges.first() != Some(&fw.values.min)
            || edges.last() != Some(&fw.values.max)
            || edges.windows(2).any(|w| w[0] >= w[1])
        {
            c.fail(
                "item_rule.level_edges",
                "batas harus naik dari nilai terendah ke nilai tertinggi",
            );
        }
    }
}
