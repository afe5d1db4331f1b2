//! JSON in and out, always through `serde_json::Value`.
//!
//! Every type is serialised and deserialised through one serde_json code path (to and from
//! `Value`) instead of one per reader/writer/formatter combination. In a WebAssembly build
//! each combination is a separate copy of every type's serde code, so funnelling them
//! through `Value` keeps the shipped wasm markedly smaller; the extra pass over a `Value`
//! costs nothing a user notices.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// Reads `T` from JSON text.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    from_value(serde_json::from_str::<Value>(text)?)
}

/// Reads `T` from an already parsed value.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, serde_json::Error> {
    serde_json::from_value(value)
}

pub fn to_value<T: Serialize>(value: &T) -> Result<Value, serde_json::Error> {
    serde_json::to_value(value)
}

/// Compact JSON text (storage).
pub fn to_string<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(&to_value(value)?)
}

/// Indented JSON text (files people may open).
pub fn to_string_pretty<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&to_value(value)?)
}

/// Writes the compact JSON of `value` into `w` (digests): the same bytes as [`to_string`].
pub fn to_writer<W: std::io::Write, T: Serialize>(
    w: W,
    value: &T,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer(w, &to_value(value)?)
}

/// Indented JSON bytes.
pub fn to_vec_pretty<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec_pretty(&to_value(value)?)
}
