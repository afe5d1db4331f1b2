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

/// Hands the compact JSON of `value` to `out`, piece by piece (digests): the same bytes
/// as [`to_string`], without building the text.
///
/// Hand-written rather than `serde_json::to_writer` for speed: at the release's
/// `opt-level = "z"` serde_json's generic writer takes about 5 ns a byte, and the
/// coordinator digests every imported file (11 MB for 100 full unit files). Here an
/// unescaped run of a string is one piece. The escaping is serde_json's (`"`, `\\`, the
/// short forms `\b \f \n \r \t`, other control characters as `\u00xx` in lower-case
/// hex, everything else as is); tests/consolidation.rs checks the bytes against serde_json's
/// own writer for arbitrary values.
pub fn to_pieces<T: Serialize>(
    value: &T,
    out: &mut dyn FnMut(&[u8]),
) -> Result<(), serde_json::Error> {
    compact(&to_value(value)?, out);
    Ok(())
}

/// The compact JSON of a value, piece by piece (see [`to_pieces`]).
pub fn compact(value: &Value, out: &mut dyn FnMut(&[u8])) {
    match value {
        Value::Null => out(b"null"),
        Value::Bool(true) => out(b"true"),
        Value::Bool(false) => out(b"false"),
        // serde_json's Display of a number is its writer's (itoa, ryu).
        Value::Number(n) => out(n.to_string().as_bytes()),
        Value::String(s) => string(s, out),
        Value::Array(items) => {
            out(b"[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out(b",");
                }
                compact(item, out);
            }
            out(b"]");
        }
        Value::Object(map) => {
            out(b"{");
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out(b",");
                }
                string(key, out);
                out(b":");
                compact(item, out);
            }
            out(b"}");
        }
    }
}

fn string(s: &str, out: &mut dyn FnMut(&[u8])) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out(b"\"");
    let mut rest = s.as_bytes();
    // One simple test per byte finds the next byte to escape; the run before it is one piece.
    while let Some(i) = rest
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
    {
        let (run, tail) = rest.split_at(i);
        if !run.is_empty() {
            out(run);
        }
        let b = tail[0];
        let unicode;
        out(match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0C => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            _ => {
                unicode = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 0xF) as usize],
                ];
                &unicode
            }
        });
        rest = &tail[1..];
    }
    if !rest.is_empty() {
        out(rest);
    }
    out(b"\"");
}

/// Indented JSON bytes.
pub fn to_vec_pretty<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec_pretty(&to_value(value)?)
}
