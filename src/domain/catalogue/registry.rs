//! The registered frameworks, embedded at compile time, each parsed once when first asked for.
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

/// What a list of frameworks or of drafts shows of each framework (the "new assessment"
/// and "new workspace" forms, the period a new one starts with, the message naming the
/// known ids, a draft's progress), and what a new draft records of it. The build script
/// writes these from the framework files themselves (`$OUT_DIR/frameworks/index.json`),
/// so a start page parses no framework: parsing all three was the largest part of the
/// wasm's work before the first screen (about 40% of `main` in a profile of the unit's
/// start page), and with nothing on the unit's home asking for a whole framework, the
/// code that reads one goes into the draft's part of the split release. A framework
/// itself is parsed when something first asks for it by id ([`framework`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Summary {
    pub id: String,
    pub short_name: String,
    pub name: Text,
    pub year: u16,
    /// Every indicator's id, in the framework's order.
    pub indicators: Vec<String>,
}

const INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/frameworks/index.json"));

/// (position in `SOURCES`, summary) of every framework the build could read, in
/// `SOURCES` order.
static SUMMARIES: OnceLock<Vec<(usize, Summary)>> = OnceLock::new();
static PARSED: [OnceLock<Result<Framework, String>>; SOURCE_COUNT] =
    [const { OnceLock::new() }; SOURCE_COUNT];
static ALL: OnceLock<Result<Vec<&'static Framework>, String>> = OnceLock::new();
static UNIT_LIST: OnceLock<Result<Vec<UnitTemplate>, String>> = OnceLock::new();

fn indexed() -> &'static [(usize, Summary)] {
    SUMMARIES.get_or_init(|| {
        let mut by_file: std::collections::BTreeMap<String, Summary> =
            crate::domain::json::from_str(INDEX).unwrap_or_default();
        SOURCES
            .iter()
            .enumerate()
            .filter_map(|(i, (file, _))| Some((i, by_file.remove(*file)?)))
            .collect()
    })
}

/// The position in the registry and the file name of framework `id`.
pub(super) fn source(id: &str) -> Option<(usize, &'static str)> {
    let &(index, _) = indexed().iter().find(|(_, s)| s.id == id)?;
    Some((index, SOURCES[index].0))
}

/// Every registered framework's summary, newest first, without parsing any framework.
pub fn summaries() -> impl Iterator<Item = &'static Summary> {
    indexed().iter().map(|(_, s)| s)
}

/// The summary of framework `id`, without parsing it.
pub fn summary(id: &str) -> Option<&'static Summary> {
    summaries().find(|f| f.id == id)
}

fn parse(index: usize) -> &'static Result<Framework, String> {
    PARSED[index].get_or_init(|| {
        let (file, json) = SOURCES[index];
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
        Ok(fw)
    })
}

/// Parses every registered framework (once), and validates it and its summary (on the
/// host and in debug builds; see `parse`). The error names the file and the first
/// problem; tests guarantee it never happens in a release, whose app therefore calls this
/// only in debug builds.
pub fn load() -> Result<&'static [&'static Framework], &'static str> {
    let all = ALL.get_or_init(|| {
        // Every source, also one the build script left out of its index (it could not read
        // it): parsing it says why.
        let all = (0..SOURCE_COUNT)
            .map(|index| parse(index).as_ref().map_err(String::clone))
            .collect::<Result<Vec<_>, _>>()?;
        // An index that does not say what the frameworks say (or that did not read at all,
        // which would empty every list) is an error here, not a silent gap.
        if cfg!(any(debug_assertions, not(target_arch = "wasm32"))) {
            for (index, (file, _)) in SOURCES.iter().enumerate() {
                let listed = indexed().iter().find(|(i, _)| *i == index).map(|(_, s)| s);
                if listed != Some(&all[index].summary()) {
                    return Err(format!(
                        "{file}: ringkasan di indeks katalog tidak sama dengan kerangkanya"
                    ));
                }
            }
        }
        Ok(all)
    });
    match all {
        Ok(v) => Ok(v),
        Err(e) => Err(e),
    }
}

/// Every registered framework, parsed. Empty if the catalogue failed to load (see
/// [`load`]). A screen that only lists them wants [`summaries`].
pub fn frameworks() -> &'static [&'static Framework] {
    load().unwrap_or(&[])
}

/// The framework with this exchange-file id, parsed the first time it is asked for.
pub fn framework(id: &str) -> Option<&'static Framework> {
    let (index, _) = source(id)?;
    parse(index).as_ref().ok()
}

/// The id of the framework a new assessment or workspace starts with: the first registered,
/// which is the newest (`SOURCES` lists newest first). Empty if the catalogue failed to load.
pub fn default_framework_id() -> String {
    summaries().next().map(|f| f.id.clone()).unwrap_or_default()
}

/// The period a new assessment with framework `id` starts with: this year while the
/// framework is in force, else the nearest year it was. A framework is in force from its
/// `year` until the year before the next newer one (SPBE 2018: 2018–2019, SPBE 2020:
/// 2020–2025, Pemdi 2026: from 2026), so a new SPBE 2020 assessment made in 2026 is one
/// for 2025, the last period evaluated under PermenPANRB 59/2020.
pub fn default_period(id: &str, this_year: u16) -> u16 {
    let Some(fw) = summary(id) else {
        return this_year;
    };
    let until = summaries()
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
