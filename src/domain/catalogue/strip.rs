//! The texts only the unit's fill screen shows, left out of a framework file (see
//! `src/build.rs`, which uses this module through `#[path]`, and `texts.rs`).
//!
//! Only `serde_json` here: the build script compiles this file on its own.

/// What stands in for a left-out text.
pub const PLACEHOLDER: &str = "—";

/// Replaces the texts only the fill screen shows with a placeholder of the same shape (so
/// the catalogue still loads and validates), and empties the source notes.
pub fn strip_unit_texts(framework: &mut serde_json::Value) {
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
