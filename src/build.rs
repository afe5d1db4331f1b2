//! Build script: prepares the framework catalogue for embedding.
//!
//! Every `src/domain/frameworks/*.json` is written to `$OUT_DIR/frameworks/` without its
//! indentation (the files in the repository stay readable; the wasm carries no spaces).
//! In builds without the unit's app (`app-unit` feature off: the coordinator's and the
//! results apps), the texts only the unit's fill screen shows — the criteria of every level,
//! the evidence hints, the indicator descriptions, the level summaries, the source notes
//! and the full wording and hints of evidence items — are replaced by a placeholder or
//! left out: about 35 KB gzipped less for each of those apps. Evidence items keep their
//! id, level and short label there: the coordinator names them when units' item states
//! differ. Tests and the dev server build with every feature, so the full
//! catalogue is what they load and validate.

use std::fs;
use std::path::Path;

const SOURCE_DIR: &str = "src/domain/frameworks";
const PLACEHOLDER: &str = "—";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE_DIR}");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("frameworks");
    fs::create_dir_all(&out).expect("create OUT_DIR/frameworks");
    let strip = std::env::var_os("CARGO_FEATURE_APP_UNIT").is_none();
    let mut entries: Vec<_> = fs::read_dir(SOURCE_DIR)
        .expect("read the frameworks folder")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("read a framework file");
        // A file that does not parse is written as it is: the registry's parse then reports
        // it with its name, and the catalogue tests fail on it.
        let json = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(mut value) => {
                if strip {
                    strip_unit_texts(&mut value);
                }
                serde_json::to_string(&value).expect("write JSON")
            }
            Err(_) => text,
        };
        fs::write(out.join(entry.file_name()), json).expect("write OUT_DIR/frameworks");
    }
}

/// Replaces the texts only the fill screen shows with a placeholder of the same shape (so
/// the catalogue still loads and validates), and empties the source notes.
fn strip_unit_texts(framework: &mut serde_json::Value) {
    let placeholder = serde_json::json!({ "id": PLACEHOLDER, "en": PLACEHOLDER });
    let each = |value: &mut serde_json::Value, key: &str, f: &dyn Fn(&mut serde_json::Value)| {
        if let Some(items) = value.get_mut(key).and_then(|v| v.as_array_mut()) {
            items.iter_mut().for_each(f);
        }
    };
    let set = |value: &mut serde_json::Value, key: &str| {
        if let Some(v) = value.get_mut(key) {
            *v = placeholder.clone();
        }
    };
    let empty_notes = |value: &mut serde_json::Value| {
        if let Some(notes) = value.get_mut("notes") {
            *notes = serde_json::json!([]);
        }
    };
    empty_notes(framework);
    each(framework, "scales", &|scale| {
        each(scale, "levels", &|level| set(level, "summary"))
    });
    each(framework, "indicators", &|indicator| {
        each(indicator, "criteria", &|c| *c = placeholder.clone());
        set(indicator, "evidence_hint");
        set(indicator, "description");
        empty_notes(indicator);
        each(indicator, "items", &|item| {
            set(item, "text");
            if let Some(item) = item.as_object_mut() {
                item.remove("hint");
            }
        });
    });
}
