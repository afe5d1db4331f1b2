//! Thin edges to the browser: storage (local storage; IndexedDB for documents and the
//! coordinator's workspaces), files,
//! the clock and charts. Each is one small
//! module the UI calls; the domain never sees them.

pub mod charts;
pub mod clock;
pub mod documents;
pub mod entries;
pub mod fetch;
pub mod files;
pub mod kv;
pub mod storage;
