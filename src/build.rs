//! Build script: prepares the framework catalogue for embedding, and names which parts of
//! the app this build splits off (see the end of this comment).
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
//!
//! The unit's release build (feature `texts-on-demand`) leaves the same texts out too: the
//! fill screen fetches them when a draft is opened, as the framework's own file copied
//! beside the page (`katalog/<file>`, by scripts/postbuild.mjs), so the start page most
//! users open first does not carry them. `texts.rs` in OUT_DIR tells the registry whether
//! texts were left out and the FNV-1a 64 digest of each source file, which the fetched copy
//! must match byte for byte (`domain::catalogue::texts`). `index.json` in OUT_DIR holds,
//! per framework file, the id, names, year and indicator ids the registry lists without
//! parsing the framework (`registry::Summary`).
//!
//! Split parts (feature `split`, `src/ui/parts.rs`): a part is split only in the apps that
//! show it, since a split function is a wasm export and would keep its code alive in any
//! other app's main wasm. The cfgs `split_draft` (unit, results), `split_workspace`
//! (coordinator, results), `split_unit` (the unit's own parts) and `split_coordinator`
//! (the coordinator's own) say it once, here, for every place that depends on it.

use std::fs;
use std::path::Path;

// The stripping itself, shared with the library so that a host test can check that every
// framework, stripped as the release embeds it, still loads and validates.
#[path = "domain/catalogue/strip.rs"]
mod strip;
use strip::strip_unit_texts;

const SOURCE_DIR: &str = "src/domain/frameworks";

/// The split parts' cfgs and the apps (features) that show each.
const PARTS: &[(&str, &[&str])] = &[
    ("split_draft", &["APP_UNIT", "APP_RESULTS"]),
    ("split_workspace", &["APP_COORDINATOR", "APP_RESULTS"]),
    ("split_unit", &["APP_UNIT"]),
    ("split_coordinator", &["APP_COORDINATOR"]),
];

fn main() {
    println!("cargo:rerun-if-changed={SOURCE_DIR}");
    let feature = |f: &str| std::env::var_os(format!("CARGO_FEATURE_{f}")).is_some();
    for (cfg, apps) in PARTS {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        if feature("SPLIT") && apps.iter().any(|app| feature(app)) {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("frameworks");
    fs::create_dir_all(&out).expect("create OUT_DIR/frameworks");
    let strip = !feature("APP_UNIT") || feature("TEXTS_ON_DEMAND");
    let mut digests = String::new();
    // What the registry lists of each framework without parsing it (`registry::Summary`).
    let mut index = serde_json::Map::new();
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
        digests.push_str(&format!(
            "    ({:?}, 0x{:016x}),\n",
            entry.file_name().to_string_lossy(),
            fnv1a64(text.as_bytes())
        ));
        // A file that does not parse is written as it is: the registry's parse then reports
        // it with its name, and the catalogue tests fail on it.
        let json = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(mut value) => {
                if let Some(indicators) = value.get("indicators").and_then(|v| v.as_array()) {
                    let field = |k: &str| value.get(k).cloned().unwrap_or_default();
                    let ids = indicators
                        .iter()
                        .map(|i| i.get("id").cloned().unwrap_or_default());
                    let mut summary: serde_json::Map<_, _> = ["id", "short_name", "name", "year"]
                        .map(|k| (k.to_string(), field(k)))
                        .into_iter()
                        .collect();
                    summary.insert("indicators".into(), ids.collect());
                    index.insert(
                        entry.file_name().to_string_lossy().into_owned(),
                        serde_json::Value::Object(summary),
                    );
                }
                if strip {
                    strip_unit_texts(&mut value);
                }
                serde_json::to_string(&value).expect("write JSON")
            }
            Err(_) => text,
        };
        fs::write(out.join(entry.file_name()), json).expect("write OUT_DIR/frameworks");
    }
    fs::write(
        out.join("index.json"),
        serde_json::to_string(&index).expect("write JSON"),
    )
    .expect("write OUT_DIR/frameworks/index.json");
    let texts = format!(
        "/// Whether this build's catalogue left out the texts only the fill screen shows.\n\
         const TEXTS_LEFT_OUT: bool = {strip};\n\
         /// FNV-1a 64 of each framework file as it is in the repository (and as copied beside\n\
         /// the unit's page by scripts/postbuild.mjs).\n\
         const DIGESTS: &[(&str, u64)] = &[\n{digests}];\n"
    );
    fs::write(out.join("texts.rs"), texts).expect("write OUT_DIR/frameworks/texts.rs");
}

/// FNV-1a 64 (the same as `domain::catalogue::fnv1a64`, which checks fetched copies).
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
