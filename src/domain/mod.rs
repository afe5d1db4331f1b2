//! The functional core: everything Swanilai knows about the regulations, with no browser,
//! framework or storage dependency. Tested on the host with `cargo test`.
//!
//! * [`catalogue`]: the frameworks as data (JSON files in `frameworks/`).
//! * [`engine`]: the exact index, predicate and completeness.
//! * [`planning`]: gain ranking and the fewest raises to a target.
//! * [`exchange`]: the file format shared by units and coordinator, and its validator.
//! * [`draft`], [`checks`]: a unit's answers in progress and the asesor-style warnings.
//! * [`checklist`]: evidence items per level, what a unit can defend, the suggested value.
//! * [`consolidation`]: the coordinator's workspace: import, merge, conflicts, decisions.
//! * [`comparison`], [`spreadsheet`]: previous-period deltas; xlsx and CSV exports.
//! * [`assessor`]: the official evaluation's values beside the self-assessment, pasted or typed.
//! * [`explanation`]: the index arithmetic written out with an assessment's own numbers.
//! * [`rational`], [`value`], [`text`]: the small value types the rest is built on.
//! * [`local_time`]: times on the user's clock (WIB, WITA, WIT) and dates in words.
//! * [`bundle`]: the .zip bundle (answers plus documents) and the coordinator's evidence
//!   package.
//! * [`json`], [`sort`], [`zip`], [`sha256`]: small shared utilities, kept lean for the wasm
//!   size.
//! * [`round_trip`]: what every file must survive, checked by the fuzz targets.
//! * [`revision`]: one stored entry open in several tabs: when a tab may save.

pub mod assessor;
pub mod bundle;
pub mod catalogue;
pub mod checklist;
pub mod checks;
pub mod comparison;
pub mod consolidation;
pub mod draft;
pub mod engine;
pub mod exchange;
pub mod explanation;
pub mod json;
pub mod local_time;
pub mod planning;
pub mod rational;
pub mod revision;
pub mod round_trip;
pub mod sha256;
pub mod sort;
pub mod spreadsheet;
pub mod text;
pub mod value;
pub mod zip;

pub use catalogue::{framework, frameworks, Framework, Indicator};
pub use engine::{evaluate, evaluate_map, Evaluation, Score};
pub use rational::Rational;
pub use text::{Lang, Text};
pub use value::Value;
