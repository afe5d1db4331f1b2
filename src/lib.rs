//! Swanilai: a browser-only self-assessment tool for Indonesian digital-government
//! evaluations (SPBE 2018, SPBE 2020, Indeks Pemerintah Digital 2026).
//!
//! * [`domain`]: the pure core (frameworks, index engine, planning, exchange format).
//! * [`adapters`]: thin edges to the browser (storage, files, clock, charts).
//! * [`ui`]: Leptos components, one folder per screen.
//!
//! See ARCHITECTURE.md for the map.

#[cfg(feature = "shell")]
pub mod adapters;
pub mod domain;
#[cfg(feature = "shell")]
pub mod ui;
