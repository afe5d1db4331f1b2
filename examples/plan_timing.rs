use std::collections::{BTreeMap, BTreeSet};
use swanilai::domain::planning::{plan, Target};
use swanilai::domain::{framework, Value};
fn main() {
    for (fw_id, lvl) in [("spbe-2020", 1u8), ("pemdi-2026", 1), ("spbe-2018", 0)] {
        let fw = framework(fw_id).unwrap();
        let values: BTreeMap<String, Value> = fw.indicators.iter().map(|i| (i.id.clone(), Value::from_level(lvl).unwrap())).collect();
        for t in [260, 350, 420, 480] {
            let start = std::time::Instant::now();
            let out = plan(fw, &values, Target::Index(t), &BTreeSet::new());
            let steps = match out { swanilai::domain::planning::PlanOutcome::Plan { steps, .. } => steps, _ => 0 };
            println!("{fw_id} target {t}: {steps} steps in {:?}", start.elapsed());
        }
    }
}
