//! A key → bytes store for what local storage cannot hold: documents (issue 11), and
//! the coordinator's workspaces with their file history (`adapters::entries`).
//!
//! [`KvStore`] is asynchronous because IndexedDB is. [`IdbStore`] keeps each value as a
//! `Blob` in one IndexedDB object store (the browser may keep blobs on disk rather than
//! in memory, and a blob opens in a new tab without being copied into the wasm);
//! [`MemoryStore`] is the test double and the fallback where IndexedDB is blocked.
//! [`get_json`]/[`put_json`] store typed values through `domain::json`, so a workspace
//! moved here (`adapters::entries` keeps its revision and two-tab checks over any store).

use super::storage::StoreError;
use serde::{de::DeserializeOwned, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A boxed future of a store call (IndexedDB's futures hold JS values, so not `Send`).
pub type Fut<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// The operations a key → bytes store offers. Keys are plain text; `keys(prefix)` lists
/// the keys starting with `prefix`, sorted.
pub trait KvStore {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> Fut<'a, Result<(), StoreError>>;
    fn get<'a>(&'a self, key: &'a str) -> Fut<'a, Result<Option<Vec<u8>>, StoreError>>;
    fn delete<'a>(&'a self, key: &'a str) -> Fut<'a, Result<(), StoreError>>;
    fn keys<'a>(&'a self, prefix: &'a str) -> Fut<'a, Result<Vec<String>, StoreError>>;
}

/// Stores a typed value as JSON.
pub async fn put_json<T: Serialize>(
    store: &dyn KvStore,
    key: &str,
    value: &T,
) -> Result<(), StoreError> {
    let text =
        crate::domain::json::to_string(value).map_err(|_| StoreError::Other("json".into()))?;
    store.put(key, text.as_bytes()).await
}

/// Reads a typed value stored with [`put_json`]; `Err(Other)` when it no longer parses.
pub async fn get_json<T: DeserializeOwned>(
    store: &dyn KvStore,
    key: &str,
) -> Result<Option<T>, StoreError> {
    let Some(bytes) = store.get(key).await? else {
        return Ok(None);
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| StoreError::Other("utf-8".into()))?;
    crate::domain::json::from_str(text)
        .map(Some)
        .map_err(|_| StoreError::Other("json".into()))
}

/// Deletes every key under `prefix`.
pub async fn delete_prefix(store: &dyn KvStore, prefix: &str) -> Result<usize, StoreError> {
    let keys = store.keys(prefix).await?;
    for k in &keys {
        store.delete(k).await?;
    }
    Ok(keys.len())
}

/// A map in memory: the test double, and the fallback when IndexedDB is blocked.
#[derive(Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, Vec<u8>>>,
    /// Simulates a full disk: a write that would take the total past this fails.
    pub quota: Option<usize>,
}

impl MemoryStore {
    /// An empty store that refuses writes past `quota` bytes in all.
    pub fn with_quota(quota: usize) -> MemoryStore {
        MemoryStore {
            quota: Some(quota),
            ..MemoryStore::default()
        }
    }

    /// The value under `key` as text, for tests.
    #[cfg(test)]
    pub fn map_get(&self, key: &str) -> Option<String> {
        self.map
            .borrow()
            .get(key)
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }

    /// Bytes held, for tests of the quota.
    pub fn used(&self) -> usize {
        self.map.borrow().values().map(Vec::len).sum()
    }
}

impl KvStore for MemoryStore {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> Fut<'a, Result<(), StoreError>> {
        let old = self.map.borrow().get(key).map_or(0, Vec::len);
        let result = if self
            .quota
            .is_some_and(|q| self.used() - old + bytes.len() > q)
        {
            Err(StoreError::QuotaExceeded)
        } else {
            self.map.borrow_mut().insert(key.into(), bytes.to_vec());
            Ok(())
        };
        Box::pin(std::future::ready(result))
    }

    fn get<'a>(&'a self, key: &'a str) -> Fut<'a, Result<Option<Vec<u8>>, StoreError>> {
        Box::pin(std::future::ready(Ok(self.map.borrow().get(key).cloned())))
    }

    fn delete<'a>(&'a self, key: &'a str) -> Fut<'a, Result<(), StoreError>> {
        self.map.borrow_mut().remove(key);
        Box::pin(std::future::ready(Ok(())))
    }

    fn keys<'a>(&'a self, prefix: &'a str) -> Fut<'a, Result<Vec<String>, StoreError>> {
        let keys = self
            .map
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect();
        Box::pin(std::future::ready(Ok(keys)))
    }
}

// ---------------------------------------------------------------------------------------
// IndexedDB.

/// The database and its one object store (also read directly by `ui::crash`, which after a
/// panic cannot go through this adapter).
pub const DB_NAME: &str = "swanilai";
pub const STORE: &str = "kv";

/// IndexedDB: one database `swanilai`, one object store `kv`, a `Blob` per key.
pub struct IdbStore {
    db: web_sys::IdbDatabase,
}

fn js_error(e: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        "SecurityError" | "InvalidStateError" => StoreError::Unavailable,
        "" => StoreError::Other("indexeddb".into()),
        _ => StoreError::Other(name),
    }
}

/// Resolves with the request's result when it succeeds, rejects with its error.
fn settled(req: &web_sys::IdbRequest) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::UNDEFINED,
                &r.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let r = req.clone();
        let fail = Closure::once_into_js(move || {
            let e = r
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::UNDEFINED, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Resolves when the transaction has committed, rejects when it fails or is aborted.
fn committed(tx: &web_sys::IdbTransaction) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let t = tx.clone();
        let fail = Closure::once_into_js(move || {
            let e = t.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::UNDEFINED, &e);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        // A failed request aborts its transaction (with the request's error): one handler.
        tx.set_onabort(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise)
}

impl IdbStore {
    /// Opens (creating on first use) the database. `Err(Unavailable)` where the browser
    /// blocks IndexedDB.
    pub async fn open() -> Result<IdbStore, StoreError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or(StoreError::Unavailable)?;
        let req = factory.open_with_u32(DB_NAME, 1).map_err(js_error)?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let db = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
            if let Some(db) = db {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
        req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = settled(&req).await.map_err(js_error)?;
        drop(upgrade);
        Ok(IdbStore {
            db: db.dyn_into().map_err(|_| StoreError::Unavailable)?,
        })
    }

    fn store(&self, write: bool) -> Result<web_sys::IdbObjectStore, StoreError> {
        self.transaction(write)?
            .object_store(STORE)
            .map_err(js_error)
    }

    /// The stored value as it is (`undefined` when absent).
    async fn value(&self, key: &str) -> Result<JsValue, StoreError> {
        let req = self.store(false)?.get(&key.into()).map_err(js_error)?;
        settled(&req).await.map_err(js_error)
    }

    /// The stored `Blob` itself, to open in a new tab without copying it into the wasm.
    pub async fn blob(&self, key: &str) -> Result<Option<web_sys::Blob>, StoreError> {
        Ok(self.value(key).await?.dyn_into::<web_sys::Blob>().ok())
    }

    /// Stores a `Blob` as it is (a picked file is one), without reading it into the wasm.
    /// Resolves once the transaction has committed (not merely when the request
    /// succeeded): only then may the screen say "Tersimpan".
    pub async fn put_blob(&self, key: &str, blob: &web_sys::Blob) -> Result<(), StoreError> {
        let tx = self.transaction(true)?;
        let done = committed(&tx);
        tx.object_store(STORE)
            .and_then(|s| s.put_with_key(blob, &key.into()))
            .map_err(js_error)?;
        done.await.map(|_| ()).map_err(js_error)
    }

    fn transaction(&self, write: bool) -> Result<web_sys::IdbTransaction, StoreError> {
        let mode = if write {
            web_sys::IdbTransactionMode::Readwrite
        } else {
            web_sys::IdbTransactionMode::Readonly
        };
        self.db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(js_error)
    }
}

impl KvStore for IdbStore {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> Fut<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let blob = super::files::blob(bytes, "").map_err(StoreError::Other)?;
            self.put_blob(key, &blob).await
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> Fut<'a, Result<Option<Vec<u8>>, StoreError>> {
        Box::pin(async move {
            let v = self.value(key).await?;
            if v.is_undefined() {
                return Ok(None);
            }
            let blob = match v.dyn_into::<web_sys::Blob>() {
                Ok(blob) => blob,
                // Not written by this adapter (by hand, or a script): its text, so that a
                // reader finds it damaged and keeps it aside rather than taking the entry
                // for gone.
                Err(v) => {
                    let text = v
                        .as_string()
                        .or_else(|| js_sys::JSON::stringify(&v).ok().and_then(|s| s.as_string()));
                    return Ok(Some(text.unwrap_or_default().into_bytes()));
                }
            };
            let buf = JsFuture::from(blob.array_buffer())
                .await
                .map_err(js_error)?;
            Ok(Some(js_sys::Uint8Array::new(&buf).to_vec()))
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> Fut<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let tx = self.transaction(true)?;
            let done = committed(&tx);
            tx.object_store(STORE)
                .and_then(|s| s.delete(&key.into()))
                .map_err(js_error)?;
            done.await.map(|_| ()).map_err(js_error)
        })
    }

    fn keys<'a>(&'a self, prefix: &'a str) -> Fut<'a, Result<Vec<String>, StoreError>> {
        Box::pin(async move {
            // Every key starting with `prefix` sorts between it and prefix + U+FFFF.
            let upper = format!("{prefix}\u{ffff}");
            let range =
                web_sys::IdbKeyRange::bound(&prefix.into(), &upper.into()).map_err(js_error)?;
            let req = self
                .store(false)?
                .get_all_keys_with_key(&range)
                .map_err(js_error)?;
            let keys = settled(&req).await.map_err(js_error)?;
            Ok(js_sys::Array::from(&keys)
                .iter()
                .filter_map(|k| k.as_string())
                .collect())
        })
    }
}

/// How much the browser lets this site store, from `navigator.storage.estimate()`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

/// `navigator.storage.estimate()`, or `None` where the browser does not say.
pub async fn estimate() -> Option<Estimate> {
    let storage = web_sys::window()?.navigator().storage();
    let result = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let get = |k: &str| {
        js_sys::Reflect::get(&result, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some(Estimate {
        usage: get("usage")?,
        quota: get("quota")?,
    })
}

/// Asks for persistent storage (`navigator.storage.persist()`): `Some(true)` when the
/// browser will not evict this site's data under storage pressure.
pub async fn persist() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    if let Some(already) = JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()
        .and_then(|v| v.as_bool())
    {
        if already {
            return Some(true);
        }
    }
    JsFuture::from(storage.persist().ok()?)
        .await
        .ok()
        .and_then(|v| v.as_bool())
}
