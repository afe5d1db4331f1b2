//! Documents attached to evidence, kept in the browser's IndexedDB (local storage holds
//! a few MB; documents are tens of MB).
//!
//! A document is stored once per scope under its SHA-256: `dok/draf/<draft id>/<sha256>`
//! for a unit's draft, `dok/sumber/<file digest>/<sha256>` for a unit file the coordinator
//! received. Which evidence entry (or, later, which Pemdi evidence item) a document
//! belongs to is recorded where the answers are — `Evidence::documents` lists the
//! document by name, type, size and SHA-256 — so any owner can point at a stored
//! document and the same file attached twice is stored once. Removing a draft removes its
//! scope; [`Documents::keep_only`] drops documents no evidence lists any more.

use super::files::{self, ReadError};
use super::kv::{self, Fut, IdbStore, KvStore, MemoryStore};
use super::storage::StoreError;
use crate::domain::exchange::Document;
use crate::domain::sha256::Sha256;
use crate::domain::text::{Lang, Text};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

/// Largest document accepted (as in a bundle: `zip::Limits::BUNDLE.entry_bytes`).
pub const MAX_DOCUMENT_BYTES: usize = crate::domain::zip::Limits::BUNDLE.entry_bytes as usize;

/// Whose documents: a unit's draft, or a unit file the coordinator received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Draft(String),
    Source(String),
}

impl Scope {
    pub fn prefix(&self) -> String {
        match self {
            Scope::Draft(id) => format!("dok/draf/{id}/"),
            Scope::Source(digest) => format!("dok/sumber/{digest}/"),
        }
    }

    pub fn key(&self, sha256: &str) -> String {
        format!("{}{sha256}", self.prefix())
    }
}

/// Why a file could not be attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachError {
    TooLarge { size: usize },
    Unreadable,
    Store(StoreError),
}

impl AttachError {
    pub fn message(&self, name: &str) -> Text {
        match self {
            AttachError::TooLarge { size } => {
                let mb = |n: usize, l| crate::domain::exchange::megabytes(n as u64, l);
                Text::new(
                    format!("\"{name}\" berukuran {}, melebihi batas {} per dokumen. Perkecil berkasnya (mis. pindai ulang dengan resolusi lebih rendah) atau bagi menjadi beberapa berkas.", mb(*size, Lang::Id), mb(MAX_DOCUMENT_BYTES, Lang::Id)),
                    format!("\"{name}\" is {}, above the limit of {} per document. Make it smaller (e.g. scan again at a lower resolution) or split it into several files.", mb(*size, Lang::En), mb(MAX_DOCUMENT_BYTES, Lang::En)),
                )
            }
            AttachError::Unreadable => Text::new(
                format!("\"{name}\" tidak dapat dibaca oleh browser."),
                format!("The browser could not read \"{name}\"."),
            ),
            AttachError::Store(StoreError::QuotaExceeded) => Text::new(
                format!("\"{name}\" tidak tersimpan: ruang penyimpanan browser untuk Swanilai sudah penuh. Hapus dokumen atau draf yang tidak diperlukan, lalu coba lagi."),
                format!("\"{name}\" was not stored: the browser's storage for Swanilai is full. Remove documents or drafts you no longer need, then try again."),
            ),
            AttachError::Store(e) => {
                let m = e.message();
                Text::new(
                    format!("\"{name}\" tidak tersimpan. {}", m.id),
                    format!("\"{name}\" was not stored. {}", m.en),
                )
            }
        }
    }
}

/// The document store: IndexedDB, or memory where the browser blocks it (then documents
/// last only as long as the tab; [`Documents::is_lasting`] says so).
pub struct Documents {
    idb: Option<IdbStore>,
    memory: MemoryStore,
}

impl KvStore for Documents {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> Fut<'a, Result<(), StoreError>> {
        match &self.idb {
            Some(db) => db.put(key, bytes),
            None => self.memory.put(key, bytes),
        }
    }

    fn get<'a>(&'a self, key: &'a str) -> Fut<'a, Result<Option<Vec<u8>>, StoreError>> {
        match &self.idb {
            Some(db) => db.get(key),
            None => self.memory.get(key),
        }
    }

    fn delete<'a>(&'a self, key: &'a str) -> Fut<'a, Result<(), StoreError>> {
        match &self.idb {
            Some(db) => db.delete(key),
            None => self.memory.delete(key),
        }
    }

    fn keys<'a>(&'a self, prefix: &'a str) -> Fut<'a, Result<Vec<String>, StoreError>> {
        match &self.idb {
            Some(db) => db.keys(prefix),
            None => self.memory.keys(prefix),
        }
    }
}

thread_local! {
    static DOCUMENTS: RefCell<Option<Rc<Documents>>> = const { RefCell::new(None) };
}

/// The app's document store, opened on first use.
pub async fn documents() -> Rc<Documents> {
    if let Some(d) = DOCUMENTS.with(|d| d.borrow().clone()) {
        return d;
    }
    let store = Rc::new(Documents {
        idb: IdbStore::open().await.ok(),
        memory: MemoryStore::default(),
    });
    DOCUMENTS.with(|d| d.borrow_mut().get_or_insert(store).clone())
}

/// SHA-256 of `bytes`, a slice at a time with the event loop turning in between, so
/// hashing a 15 MB scan does not freeze the page.
pub async fn hash_yielding(bytes: &[u8]) -> String {
    const SLICE: usize = 2 * 1024 * 1024;
    let mut h = Sha256::default();
    for (i, piece) in bytes.chunks(SLICE).enumerate() {
        if i > 0 {
            files::yield_now().await;
        }
        h.update(piece);
    }
    h.finish_hex()
}

impl Documents {
    /// Whether documents survive a reload (IndexedDB works here).
    pub fn is_lasting(&self) -> bool {
        self.idb.is_some()
    }

    /// Stores a picked file in `scope` and describes it for the evidence entry.
    pub async fn attach(
        &self,
        scope: &Scope,
        file: &web_sys::File,
    ) -> Result<Document, AttachError> {
        let bytes = files::read(file, MAX_DOCUMENT_BYTES)
            .await
            .map_err(|e| match e {
                ReadError::TooLarge => AttachError::TooLarge {
                    size: file.size() as usize,
                },
                ReadError::Failed => AttachError::Unreadable,
            })?;
        let sha256 = hash_yielding(&bytes).await;
        let key = scope.key(&sha256);
        match &self.idb {
            // The picked file is itself a Blob: stored as is, not copied back out.
            Some(db) => db.put_blob(&key, file).await,
            None => self.memory.put(&key, &bytes).await,
        }
        .map_err(AttachError::Store)?;
        Ok(Document {
            name: file.name(),
            media_type: file.type_(),
            size: bytes.len() as u64,
            sha256,
            ..Default::default()
        })
    }

    /// The stored document as a `Blob` (to open or to zip), typed `media_type`.
    pub async fn blob(&self, key: &str, media_type: &str) -> Option<web_sys::Blob> {
        let bytes = match &self.idb {
            Some(db) => {
                let blob = db.blob(key).await.ok()??;
                if media_type.is_empty() || blob.type_() == media_type {
                    return Some(blob);
                }
                // Re-typed so the new tab shows a PDF as a PDF.
                let parts = js_sys::Array::of1(&blob);
                return files::blob_of(&parts, media_type).ok();
            }
            None => self.memory.get(key).await.ok()??,
        };
        files::blob(&bytes, media_type).ok()
    }

    /// The stored keys under `scope`.
    pub async fn stored(&self, scope: &Scope) -> BTreeSet<String> {
        self.keys(&scope.prefix())
            .await
            .unwrap_or_default()
            .into_iter()
            .collect()
    }

    /// Every stored key whose prefix starts with `prefix` (e.g. all received sources).
    pub async fn stored_under(&self, prefix: &str) -> BTreeSet<String> {
        self.keys(prefix)
            .await
            .unwrap_or_default()
            .into_iter()
            .collect()
    }

    /// Removes every document of `scope` (a deleted draft).
    pub async fn remove_scope(&self, scope: &Scope) -> Result<usize, StoreError> {
        kv::delete_prefix(self, &scope.prefix()).await
    }

    /// Copies every document of `from` into `to` (a duplicated draft).
    pub async fn copy_scope(&self, from: &Scope, to: &Scope) -> Result<(), StoreError> {
        let prefix = from.prefix();
        for key in self.keys(&prefix).await? {
            let target = to.key(&key[prefix.len()..]);
            match &self.idb {
                Some(db) => {
                    if let Some(blob) = db.blob(&key).await? {
                        db.put_blob(&target, &blob).await?;
                    }
                }
                None => {
                    if let Some(bytes) = self.memory.get(&key).await? {
                        self.memory.put(&target, &bytes).await?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Removes the documents of `scope` whose SHA-256 is not in `keep` (a document taken
    /// off its evidence, or replaced).
    pub async fn keep_only(&self, scope: &Scope, keep: &BTreeSet<String>) {
        let prefix = scope.prefix();
        for key in self.keys(&prefix).await.unwrap_or_default() {
            if !keep.contains(&key[prefix.len()..]) {
                let _ = self.delete(&key).await;
            }
        }
    }
}

/// "2,4 MB" / "2.4 MB", or "812 KB" below a megabyte.
pub fn size_label(bytes: u64, lang: Lang) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        crate::domain::exchange::megabytes(bytes, lang)
    }
}

/// One stored document to put into a zip.
pub struct ZipItem {
    /// Its path inside the zip.
    pub path: String,
    /// Its key in the store.
    pub key: String,
}

/// Why a zip of documents was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipBuildError {
    Cancelled,
    /// Past the 4 GB / 65,535-entry limits of a plain zip.
    TooLarge,
    Browser,
}

impl ZipBuildError {
    pub fn message(&self) -> Text {
        match self {
            ZipBuildError::Cancelled => Text::new("Dibatalkan; tidak ada yang diunduh.", "Cancelled; nothing was downloaded."),
            ZipBuildError::TooLarge => Text::new(
                "Arsipnya akan melebihi 4 GB atau 65.535 berkas, batas arsip ZIP biasa. Bagi dokumennya ke beberapa arsip.",
                "The archive would pass 4 GB or 65,535 files, the limits of a plain ZIP. Split the documents into several archives.",
            ),
            ZipBuildError::Browser => Text::new("Browser gagal menyusun arsipnya.", "The browser could not assemble the archive."),
        }
    }
}

/// Assembles a zip as a `Blob`: `head` files first (the exchange file), then the stored
/// documents, then `tail` files (an index sheet). Each document is read once to compute
/// its CRC-32 a slice at a time (the event loop turns between slices), and then joined
/// into the Blob as the stored Blob itself, so the zip is never one buffer in the wasm.
/// Documents no longer in the store are left out and returned by path.
pub async fn build_zip(
    head: Vec<(String, Vec<u8>)>,
    items: Vec<ZipItem>,
    tail: Vec<(String, Vec<u8>)>,
    progress: impl Fn(usize, usize),
    cancelled: impl Fn() -> bool,
) -> Result<(web_sys::Blob, Vec<String>), ZipBuildError> {
    use crate::domain::zip::{crc32, Crc32, ZipStream};
    const SLICE: usize = 4 * 1024 * 1024;
    let store = documents().await;
    let mut zip = ZipStream::default();
    let parts = js_sys::Array::new();
    let mut missing = Vec::new();
    let add_bytes = |zip: &mut ZipStream, name: &str, bytes: &[u8]| {
        let header = zip
            .entry(name, crc32(bytes), bytes.len() as u64)
            .map_err(|_| ZipBuildError::TooLarge)?;
        parts.push(&js_sys::Uint8Array::from(header.as_slice()));
        parts.push(&js_sys::Uint8Array::from(bytes));
        Ok::<(), ZipBuildError>(())
    };
    for (name, bytes) in &head {
        add_bytes(&mut zip, name, bytes)?;
    }
    let total = items.len();
    for (i, item) in items.iter().enumerate() {
        progress(i, total);
        files::yield_now().await;
        if cancelled() {
            return Err(ZipBuildError::Cancelled);
        }
        let Some(blob) = store.blob(&item.key, "").await else {
            missing.push(item.path.clone());
            continue;
        };
        let Ok(buf) = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await else {
            missing.push(item.path.clone());
            continue;
        };
        let bytes = js_sys::Uint8Array::new(&buf);
        let len = bytes.length() as usize;
        let mut crc = Crc32::default();
        let mut at = 0;
        while at < len {
            let end = (at + SLICE).min(len);
            crc.update(&bytes.subarray(at as u32, end as u32).to_vec());
            at = end;
            if at < len {
                files::yield_now().await;
            }
        }
        let header = zip
            .entry(&item.path, crc.finish(), len as u64)
            .map_err(|_| ZipBuildError::TooLarge)?;
        parts.push(&js_sys::Uint8Array::from(header.as_slice()));
        parts.push(&blob);
    }
    progress(total, total);
    for (name, bytes) in &tail {
        add_bytes(&mut zip, name, bytes)?;
    }
    let end = zip.finish().map_err(|_| ZipBuildError::TooLarge)?;
    parts.push(&js_sys::Uint8Array::from(end.as_slice()));
    let blob = files::blob_of(&parts, "application/zip").map_err(|_| ZipBuildError::Browser)?;
    Ok((blob, missing))
}
