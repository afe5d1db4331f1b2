//! Thin edges to the browser: storage, files, the clock and charts. Each is one small
//! module the UI calls; the domain never sees them.

pub mod charts;
pub mod clock;
pub mod fetch;
pub mod files;
pub mod storage;
