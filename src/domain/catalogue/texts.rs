//! The catalogue's long texts where a build leaves them out.
//!
//! The unit's release build (feature `texts-on-demand`, see `src/build.rs`) embeds each
//! framework without the texts only the fill screen shows (level criteria, descriptions,
//! evidence hints, level summaries, source notes), which keeps them off the start page most
//! users open first. When a draft is opened, the fill screen fetches the framework's own
//! file, copied unchanged beside the page by `scripts/postbuild.mjs`, and completes the
//! framework here. The copy must be byte for byte the file this build was made from (FNV-1a
//! 64 digest); it is then parsed and validated like the embedded catalogue.
//!
//! Builds that embed every text (tests, the dev server) complete at once.

use super::registry::{source, SOURCE_COUNT};
use super::{validate, Framework};
use crate::domain::text::Text;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/frameworks/texts.rs"));

/// Every framework once completed, by its position in the registry.
static COMPLETE: [OnceLock<Framework>; SOURCE_COUNT] = [const { OnceLock::new() }; SOURCE_COUNT];

/// Why a fetched copy of a framework file was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextsError {
    /// No registered framework has this id.
    Unknown,
    /// The copy is not the file this version was built from (e.g. an older one cached).
    Mismatch,
    /// The copy does not read as a valid framework.
    Invalid,
    /// It could not be fetched (offline before the app was ever cached, server error).
    Unreachable,
}

impl TextsError {
    pub fn message(&self) -> Text {
        match self {
            TextsError::Unknown => Text::new(
                "Kerangka penilaian ini tidak dikenal oleh versi ini.",
                "This framework is not known to this version.",
            ),
            TextsError::Mismatch | TextsError::Invalid => Text::new(
                "Teks kriteria indikator tidak cocok dengan versi aplikasi ini. Muat ulang halaman; bila masih terjadi, kosongkan cache browser untuk situs ini.",
                "The indicator criteria do not match this version of the app. Reload the page; if it happens again, clear the browser's cache for this site.",
            ),
            TextsError::Unreachable => Text::new(
                "Teks kriteria indikator belum dapat dimuat. Periksa sambungan lalu coba lagi; setelah sekali termuat, teks ini tersedia juga tanpa sambungan.",
                "The indicator criteria could not be loaded yet. Check the connection and try again; once loaded, they are available offline too.",
            ),
        }
    }
}

/// FNV-1a 64 of `bytes` (the build script computes the same for the embedded digests).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Whether this build's catalogue left the long texts out.
pub const fn texts_left_out() -> bool {
    TEXTS_LEFT_OUT
}

fn digest_of(file: &str) -> Option<u64> {
    DIGESTS.iter().find(|(f, _)| *f == file).map(|(_, d)| *d)
}

/// Where the complete file of framework `id` is, relative to the unit's page
/// (`katalog/spbe-2020.json?v=<digest>`: the query makes a changed file a new address for
/// HTTP caches). `None` when nothing needs fetching: the texts are embedded, the framework
/// was already completed, or the id is unknown.
pub fn texts_url(id: &str) -> Option<String> {
    let (index, file) = source(id)?;
    if !TEXTS_LEFT_OUT || COMPLETE[index].get().is_some() {
        return None;
    }
    Some(format!("katalog/{file}?v={:016x}", digest_of(file)?))
}

/// Framework `id` with every text, if it is at hand: embedded in this build, or completed.
pub fn complete(id: &str) -> Option<&'static Framework> {
    let (index, _) = source(id)?;
    match COMPLETE[index].get() {
        Some(fw) => Some(fw),
        None if !TEXTS_LEFT_OUT => super::framework(id),
        None => None,
    }
}

/// Completes framework `id` from `bytes`, the fetched copy of its file.
pub fn complete_from(id: &str, bytes: &[u8]) -> Result<&'static Framework, TextsError> {
    let (index, file) = source(id).ok_or(TextsError::Unknown)?;
    if let Some(fw) = COMPLETE[index].get() {
        return Ok(fw);
    }
    if digest_of(file) != Some(fnv1a64(bytes)) {
        return Err(TextsError::Mismatch);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| TextsError::Invalid)?;
    let fw: Framework = crate::domain::json::from_str(text).map_err(|_| TextsError::Invalid)?;
    if fw.id != id || !validate(&fw).is_empty() {
        return Err(TextsError::Invalid);
    }
    Ok(COMPLETE[index].get_or_init(|| fw))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> Vec<u8> {
        std::fs::read(format!("src/domain/frameworks/{name}")).expect("framework file")
    }

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        // From the FNV reference (Fowler, Noll, Vo): "" and "a" and "foobar".
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_repositorys_file_completes_its_framework_and_nothing_else_does() {
        let spbe = file("spbe-2020.json");
        assert_eq!(
            complete_from("spbe-2020", &file("pemdi-2026.json")).err(),
            Some(TextsError::Mismatch),
            "another framework's file"
        );
        let mut edited = spbe.clone();
        let at = edited.len() / 2;
        edited[at] ^= 1;
        assert_eq!(
            complete_from("spbe-2020", &edited).err(),
            Some(TextsError::Mismatch)
        );
        assert_eq!(
            complete_from("spbe-2099", &spbe).err(),
            Some(TextsError::Unknown)
        );

        let fw = complete_from("spbe-2020", &spbe).expect("the file itself");
        assert_eq!(fw.indicators.len(), 47);
        // Criteria of every level, in both languages, as the regulation's ladder has them.
        assert!(fw.indicators.iter().all(|i| i.criteria.len() == 5
            && i.criteria
                .iter()
                .all(|c| c.id.len() > 20 && c.en.len() > 20)));
        assert!(std::ptr::eq(complete("spbe-2020").unwrap(), fw));
        assert_eq!(texts_url("spbe-2020"), None, "nothing left to fetch");
    }
}
