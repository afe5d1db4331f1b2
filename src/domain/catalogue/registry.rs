//! The registered frameworks, embedded at compile time and parsed once.
//!
//! To add a framework: write its JSON file (docs/CATALOGUE.md) and add one line to
//! `SOURCES`. Nothing else in the code names a framework. The files are embedded as the
//! build script (`src/build.rs`) prepares them: without indentation, and without the texts
//! only the unit's app shows in the other apps' builds.

use super::{validate, Framework};
use crate::domain::text::Text;
use serde::Deserialize;
use std::sync::OnceLock;

/// (file name, contents), in the order frameworks are offered to users: newest first.
const SOURCES: &[(&str, &str)] = &[
    (
        "pemdi-2026.json",
        include_str!(concat!(env!("OUT_DIR"), "/frameworks/pemdi-2026.json")),
    ),
    (
        "spbe-2020.json",
        include_str!(concat!(env!("OUT_DIR"), "/frameworks/spbe-2020.json")),
    ),
    (
        "spbe-2018.json",
        include_str!(concat!(env!("OUT_DIR"), "/frameworks/spbe-2018.json")),
    ),
];

const UNITS: &str = include_str!(concat!(env!("OUT_DIR"), "/frameworks/units.json"));

/// A typical Pemda unit offered as the coordinator's starting list.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct UnitTemplate {
    pub id: String,
    pub short: String,
    pub name: Text,
}

/// How many frameworks are registered.
pub(super) const SOURCE_COUNT: usize = SOURCES.len();

/// The position in the registry and the file name of framework `id`.
pub(super) fn source(id: &str) -> Option<(usize, &'static str)> {
    let index = frameworks().iter().position(|f| f.id == id)?;
    Some((index, SOURCES.get(index)?.0))
}

static FRAMEWORKS: OnceLock<Result<Vec<Framework>, String>> = OnceLock::new();
static UNIT_LIST: OnceLock<Result<Vec<UnitTemplate>, String>> = OnceLock::new();

fn parse_all() -> Result<Vec<Framework>, String> {
    let mut out = Vec::with_capacity(SOURCES.len());
    for (file, json) in SOURCES {
        let fw: Framework =
            crate::domain::json::from_str(json).map_err(|e| format!("{file}: {e}"))?;
        // The files are constants of the build, validated by the tests on the host
        // (tests/catalogue.rs: as they are, and stripped as the release embeds them) and at
        // every start of a debug build; a release build in the browser trusts them and
        // leaves the checker's code (7 to 9 KB gzip) out of each app's first download.
        // Parsing still runs, and still reports a file it cannot read.
        if cfg!(any(debug_assertions, not(target_arch = "wasm32"))) {
            let problems = validate(&fw);
            if let Some(first) = problems.first() {
                return Err(format!("{file}: {} masalah, mis. {first}", problems.len()));
            }
        }
        out.push(fw);
    }
    Ok(out)
}

/// Parses every registered framework once, and validates it (on the host and in debug
/// builds; see `parse_all`). The error names the file and the first problem; tests
/// guarantee it never happens in a release.
pub fn load() -> Result<&'static [Framework], &'static str> {
    match FRAMEWORKS.get_or_init(parse_all) {
        Ok(v) => Ok(v),
        Err(e) => Err(e),
    }
}

/// Every registered framework. Empty if the catalogue failed to load (see [`load`]).
pub fn frameworks() -> &'static [Framework] {
    load().unwrap_or(&[])
}

/// The framework with this exchange-file id.
pub fn framework(id: &str) -> Option<&'static Framework> {
    frameworks().iter().find(|f| f.id == id)
}

/// The id of the framework a new assessment or workspace starts with: the first registered,
/// which is the newest (`SOURCES` lists newest first). Empty if the catalogue failed to load.
pub fn default_framework_id() -> String {
    frameworks()
        .first()
        .map(|f| f.id.clone())
        .unwrap_or_default()
}

/// The period a new assessment with framework `id` starts with: this year while the
/// framework is in force, else the nearest year it was. A framework is in force from its
/// `year` until the year before the next newer one (SPBE 2018: 2018–2019, SPBE 2020:
/// 2020–2025, Pemdi 2026: from 2026), so a new SPBE 2020 assessment made in 2026 is one
/// for 2025, the last period evaluated under PermenPANRB 59/2020.
pub fn default_period(id: &str, this_year: u16) -> u16 {
    let Some(fw) = framework(id) else {
        return this_year;
    };
    let until = frameworks()
        .iter()
        .map(|f| f.year)
        .filter(|&y| y > fw.year)
        .min()
        .map(|next| next - 1);
    match until {
        Some(last) => this_year.clamp(fw.year, last),
        None => this_year.max(fw.year),
    }
}

/// The starting list of typical Pemda units.
pub fn units() -> &'static [UnitTemplate] {
    match UNIT_LIST.get_or_init(|| crate::domain::json::from_str(UNITS).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(_) => &[],
    }
}
