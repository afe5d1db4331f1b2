//! Improvement planning: which raises lift the index most, and the fewest raises that reach
//! a target.
//!
//! A *step* raises one indicator by one level (+1.00, capped at the framework's maximum, so a
//! Pemdi 4.50 has one step of 0.50 left). Its gain on the index is
//! `indicator weight × raise / 100`, because the index equals Σ value × weight / 100 when
//! the weights nest (checked by the catalogue validation). Gains are exact.

use crate::domain::catalogue::Framework;
use crate::domain::engine::evaluate_map;
use crate::domain::rational::Rational;
use crate::domain::value::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Raising one indicator by one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub indicator: String,
    pub from: Value,
    pub to: Value,
    /// The exact gain on the index.
    pub gain: Rational,
}

/// One step per raisable indicator, best first: larger gain, then lower current value
/// (cheaper in practice), then catalogue order. Locked and unanswered indicators are left out.
pub fn ranked_gains(
    fw: &Framework,
    values: &BTreeMap<String, Value>,
    locked: &BTreeSet<String>,
) -> Vec<Step> {
    let mut steps: Vec<(usize, Step)> = chains(fw, values, locked)
        .into_iter()
        .filter_map(|c| c.steps.into_iter().next().map(|s| (c.order, s)))
        .collect();
    crate::domain::sort::sort_by(&mut steps, |(oa, a), (ob, b)| {
        b.gain
            .cmp(&a.gain)
            .then(a.from.cmp(&b.from))
            .then(oa.cmp(ob))
    });
    steps.into_iter().map(|(_, s)| s).collect()
}

/// What the user aims for: an index figure (hundredths) or a predicate band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The displayed index must reach this figure, in hundredths (e.g. 260 for 2.60).
    Index(i64),
    /// The predicate must reach this band (position in the framework's predicate list).
    Predicate(usize),
}

impl Target {
    /// The displayed figure to reach, in hundredths.
    pub fn hundredths(self, fw: &Framework) -> Option<i64> {
        match self {
            Target::Index(h) => Some(h),
            Target::Predicate(i) => fw
                .predicates
                .get(i)
                .map(|p| p.from.round_hundredths_half_up()),
        }
    }
}

/// The raises of one indicator within a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raise {
    pub indicator: String,
    pub from: Value,
    pub to: Value,
    pub steps: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanOutcome {
    /// The target is already reached; nothing to do.
    AlreadyMet { index: Rational },
    /// The fewest steps that reach the target.
    Plan {
        raises: Vec<Raise>,
        steps: usize,
        index: Rational,
    },
    /// Even raising every unlocked indicator to the maximum falls short.
    Unreachable { best: Rational },
    /// Some indicators have no value; planning needs a complete assessment.
    Incomplete { missing: Vec<String> },
}

/// The fewest level steps that bring the displayed index to `target`, never moving the
/// `locked` indicators.
///
/// Minimal by construction: every indicator's step gains are non-increasing (equal, then
/// possibly a smaller capped last step), so the k largest gains available are always a
/// feasible set of k steps, and taking them in order of gain gives the smallest k whose sum
/// reaches the need. Among plans with that many steps it then takes the one that raises the
/// lowest levels (smallest sum of starting levels: lower steps are the cheaper ones in
/// practice). Both are checked against brute force in the tests.
pub fn plan(
    fw: &Framework,
    values: &BTreeMap<String, Value>,
    target: Target,
    locked: &BTreeSet<String>,
) -> PlanOutcome {
    let eval = evaluate_map(fw, values);
    if !eval.is_complete() {
        return PlanOutcome::Incomplete {
            missing: eval.missing,
        };
    }
    let index = eval
        .index
        .exact
        .expect("a complete assessment has an index");
    let Some(goal) = target.hundredths(fw) else {
        return PlanOutcome::Unreachable { best: index };
    };
    // displayed = round_half_up(x) ≥ goal  ⇔  x ≥ goal − 0.005.
    let threshold = Rational::from_hundredths(goal) - Rational::new(1, 200);
    if index >= threshold {
        return PlanOutcome::AlreadyMet { index };
    }
    let need = threshold - index;
    let chains = chains(fw, values, locked);
    let gains: Vec<Vec<Rational>> = chains
        .iter()
        .map(|c| c.steps.iter().map(|s| s.gain).collect())
        .collect();
    let froms: Vec<Vec<Value>> = chains
        .iter()
        .map(|c| c.steps.iter().map(|s| s.from).collect())
        .collect();
    match fewest_steps(&gains, &froms, need) {
        None => {
            let best = index + gains.iter().flatten().copied().sum::<Rational>();
            PlanOutcome::Unreachable { best }
        }
        Some(counts) => {
            let mut raises = Vec::new();
            let mut total_gain = Rational::ZERO;
            for (chain, &n) in chains.iter().zip(&counts) {
                if n == 0 {
                    continue;
                }
                total_gain = total_gain + chain.steps[..n].iter().map(|s| s.gain).sum::<Rational>();
                raises.push(Raise {
                    indicator: chain.steps[0].indicator.clone(),
                    from: chain.steps[0].from,
                    to: chain.steps[n - 1].to,
                    steps: n,
                });
            }
            PlanOutcome::Plan {
                steps: counts.iter().sum(),
                raises,
                index: index + total_gain,
            }
        }
    }
}

/// The steps available on one indicator, in the order they must be taken.
struct Chain {
    order: usize,
    steps: Vec<Step>,
}

fn chains(
    fw: &Framework,
    values: &BTreeMap<String, Value>,
    locked: &BTreeSet<String>,
) -> Vec<Chain> {
    let max = fw.values.max_value();
    let hundred = Rational::from_int(100);
    fw.indicators
        .iter()
        .enumerate()
        .filter(|(_, ind)| !locked.contains(&ind.id))
        .filter_map(|(order, ind)| {
            // Exact steps: an accepted suggestion of 7/6 rises to 13/6, not to 2.17.
            let mut at = *values.get(&ind.id)?;
            let mut steps = Vec::new();
            while at < max {
                let next = Value::from_rational(at.to_rational() + Rational::ONE)
                    .map_or(max, |n| n.min(max));
                steps.push(Step {
                    indicator: ind.id.clone(),
                    from: at,
                    to: next,
                    gain: ind.weight * (next.to_rational() - at.to_rational()) / hundred,
                });
                at = next;
            }
            Some(Chain { order, steps })
        })
        .collect()
}

/// The core search, on plain numbers: `gains[c][k]` is the gain of the k-th step of chain c
/// (non-increasing in k), `froms[c][k]` the value it starts from. Returns how many steps to
/// take from each chain, or `None` when all of them together fall short of `need`.
pub fn fewest_steps(
    gains: &[Vec<Rational>],
    froms: &[Vec<Value>],
    need: Rational,
) -> Option<Vec<usize>> {
    // All steps, best first: larger gain, then lower starting value, then chain order.
    // Within a chain, later steps never sort before earlier ones (gain ≤, start >).
    let mut all: Vec<(usize, usize)> = gains
        .iter()
        .enumerate()
        .flat_map(|(c, g)| (0..g.len()).map(move |k| (c, k)))
        .collect();
    crate::domain::sort::sort_by(&mut all, |&(ca, ka), &(cb, kb)| {
        gains[cb][kb]
            .cmp(&gains[ca][ka])
            .then(froms[ca][ka].cmp(&froms[cb][kb]))
            .then(ca.cmp(&cb))
            .then(ka.cmp(&kb))
    });
    let mut counts = vec![0usize; gains.len()];
    let mut sum = Rational::ZERO;
    for &(c, k) in &all {
        if sum >= need {
            break;
        }
        debug_assert_eq!(counts[c], k, "steps of one chain are taken in order");
        counts[c] += 1;
        sum = sum + gains[c][k];
    }
    if sum < need {
        return None;
    }
    let k: usize = counts.iter().sum();
    Some(cheapest_with(k, gains, froms, need))
}

/// Among all ways to take exactly `k` steps whose gains reach `need`, the one raising the
/// lowest levels: minimal Σ (whole level each step starts from). Exact dynamic programme
/// over (steps taken, level cost) keeping the largest gain; gains are scaled to integers.
fn cheapest_with(
    k: usize,
    gains: &[Vec<Rational>],
    froms: &[Vec<Value>],
    need: Rational,
) -> Vec<usize> {
    // Common denominator of every gain and the need, so the table holds plain integers.
    let scale = gains
        .iter()
        .flatten()
        .chain(std::iter::once(&need))
        .fold(1i128, |l, g| {
            let d = g.denom();
            l / gcd(l, d) * d
        });
    let units = |r: Rational| r.numer() * (scale / r.denom());
    let need_units = units(need);
    let max_level = froms
        .iter()
        .flatten()
        .map(|v| v.floor_level() as usize)
        .max()
        .unwrap_or(0);
    let max_cost = k * max_level;
    // Prefix sums per chain: gain and cost of taking the first n steps.
    let prefix: Vec<Vec<(i128, usize)>> = gains
        .iter()
        .zip(froms)
        .map(|(g, f)| {
            let mut acc = vec![(0i128, 0usize)];
            for (gain, from) in g.iter().zip(f) {
                let (pg, pc) = *acc.last().unwrap();
                acc.push((pg + units(*gain), pc + from.floor_level() as usize));
            }
            acc
        })
        .collect();
    const NONE: i128 = -1;
    let width = max_cost + 1;
    let mut best = vec![NONE; (k + 1) * width];
    best[0] = 0;
    // choice[c][s * width + cost] = steps taken from chain c on the best path to that state.
    let mut choice: Vec<Vec<u8>> = Vec::with_capacity(gains.len());
    for p in &prefix {
        let mut next = vec![NONE; best.len()];
        let mut took = vec![0u8; best.len()];
        for s in 0..=k {
            for cost in 0..width {
                let g = best[s * width + cost];
                if g == NONE {
                    continue;
                }
                for (n, &(pg, pc)) in p.iter().enumerate().take(k - s + 1) {
                    let (ns, nc) = (s + n, cost + pc);
                    if nc >= width {
                        break;
                    }
                    let slot = ns * width + nc;
                    if g + pg > next[slot] {
                        next[slot] = g + pg;
                        took[slot] = n as u8;
                    }
                }
            }
        }
        best = next;
        choice.push(took);
    }
    let cost = (0..width)
        .find(|&c| best[k * width + c] >= need_units)
        .expect("the greedy plan proves a k-step solution exists");
    // Walk back through the chains.
    let mut counts = vec![0usize; gains.len()];
    let (mut s, mut c) = (k, cost);
    for chain in (0..gains.len()).rev() {
        let n = choice[chain][s * width + c] as usize;
        counts[chain] = n;
        s -= n;
        c -= prefix[chain][n].1;
    }
    counts
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs().max(1)
}
