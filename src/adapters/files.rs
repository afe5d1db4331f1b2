//! Files in and out of the browser: downloads through a Blob link, uploads through
//! `File.arrayBuffer()`. Nothing is ever sent over the network.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A `Blob` holding a copy of `bytes`.
pub fn blob(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, String> {
    let array = js_sys::Uint8Array::from(bytes);
    blob_of(&js_sys::Array::of1(&array), mime)
}

/// A `Blob` joining `parts` (byte arrays and other blobs) without copying them into the
/// wasm: how a zip of hundreds of MB of documents is assembled.
pub fn blob_of(parts: &js_sys::Array, mime: &str) -> Result<web_sys::Blob, String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_blob_sequence_and_options(parts, &options).map_err(|_| "blob".into())
}

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_blob(name, &blob(bytes, mime)?)
}

/// Offers a `Blob` as a download named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "url")?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "anchor")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "").ok();
    let body = document.body().ok_or("body")?;
    body.append_child(&a).map_err(|_| "append")?;
    a.click();
    a.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

pub fn download_json(name: &str, json: &str) -> Result<(), String> {
    download(name, "application/json", json.as_bytes())
}

/// The share data `{ files: [file], title, text }` of the Web Share API, or `None` when
/// the browser cannot make the file.
fn share_data(
    name: &str,
    mime: &str,
    bytes: &[u8],
    title: &str,
    text: &str,
) -> Option<js_sys::Object> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file =
        web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).ok()?;
    let data = js_sys::Object::new();
    let set = |k: &str, v: &wasm_bindgen::JsValue| js_sys::Reflect::set(&data, &k.into(), v).ok();
    set("files", &js_sys::Array::of1(&file))?;
    set("title", &title.into())?;
    set("text", &text.into())?;
    Some(data)
}

/// `navigator[method]` as a function bound to `navigator`, when the browser has it.
fn navigator_fn(method: &str) -> Option<(wasm_bindgen::JsValue, js_sys::Function)> {
    let window = web_sys::window()?;
    let nav = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
    let f = js_sys::Reflect::get(&nav, &method.into()).ok()?;
    f.dyn_into::<js_sys::Function>().ok().map(|f| (nav, f))
}

/// Whether this browser can hand a file of this kind to another app (WhatsApp, e-mail)
/// through the system share sheet: the Web Share API with files, feature-detected with
/// `navigator.canShare` (phones yes; most desktop browsers no).
pub fn can_share_file(name: &str, mime: &str) -> bool {
    let (Some((nav, can)), Some(data)) = (
        navigator_fn("canShare"),
        share_data(name, mime, b"{}", "", ""),
    ) else {
        return false;
    };
    navigator_fn("share").is_some()
        && can
            .call1(&nav, &data)
            .is_ok_and(|v| v.as_bool() == Some(true))
}

/// Opens the system share sheet with the file. Must start from a click (the browser
/// requires a user gesture). `Err` when the user cancelled or sharing failed.
pub async fn share_file(
    name: &str,
    mime: &str,
    bytes: &[u8],
    title: &str,
    text: &str,
) -> Result<(), String> {
    let (nav, share) = navigator_fn("share").ok_or("share")?;
    let data = share_data(name, mime, bytes, title, text).ok_or("file")?;
    let promise = share.call1(&nav, &data).map_err(|_| "share")?;
    JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map(|_| ())
        .map_err(|_| "cancelled".to_string())
}

/// One picked or dropped file: its name and its bytes, or why it was not read.
pub struct PickedFile {
    pub name: String,
    pub size: f64,
    pub bytes: Result<Vec<u8>, ReadError>,
}

pub enum ReadError {
    /// Larger than the limit; not read at all.
    TooLarge,
    Failed,
}

/// The files of a `FileList`, taken out at once: the list empties when the input is
/// reset, which the caller does right away so the same file can be picked again.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads every file, skipping (not reading) files above `max_bytes`.
pub async fn read_all(files: Vec<web_sys::File>, max_bytes: usize) -> Vec<PickedFile> {
    let mut out = Vec::new();
    for file in files {
        let bytes = read(&file, max_bytes).await;
        out.push(PickedFile {
            name: file.name(),
            size: file.size(),
            bytes,
        });
    }
    out
}

/// Lets the browser paint and handle input before the next slice of long work (hashing,
/// zipping, importing many files): one turn of the event loop through a `MessageChannel`
/// message. Unlike `setTimeout(0)` it is not clamped to 4 ms after a few nested turns (100
/// files yield 100 times), and it does not stall when a page's timers are held (a test's
/// fake clock, a background tab's throttled timers).
pub async fn yield_now() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel
            .port2()
            .post_message(&wasm_bindgen::JsValue::UNDEFINED);
    });
    let _ = JsFuture::from(promise).await;
    channel.port1().set_onmessage(None);
}

/// Long work cut into slices of about this many milliseconds, with a turn of the event
/// loop between them ([`Slices`]): short enough that a click on "Batal" or a progress bar
/// is not kept waiting, long enough that 100 small files are not 100 turns (and up to 100
/// repaints of the progress bar) on top of their reading.
const SLICE_MS: f64 = 40.0;

/// At most this many steps without a turn, whatever the clock says: a test's fake clock
/// (or a held `performance.now()`) must not keep the event loop from turning.
const SLICE_STEPS: u32 = 32;

/// Turns of the event loop, at most every [`SLICE_MS`] (or [`SLICE_STEPS`] steps): call
/// [`Slices::turn`] between the steps of a long loop instead of yielding after every step.
pub struct Slices {
    since: f64,
    steps: u32,
}

impl Slices {
    pub fn new() -> Self {
        Slices {
            since: crate::adapters::clock::performance_now(),
            steps: 0,
        }
    }

    /// Yields ([`yield_now`]) if the current slice has run its time; otherwise returns at once.
    pub async fn turn(&mut self) {
        self.steps += 1;
        if self.steps >= SLICE_STEPS
            || crate::adapters::clock::performance_now() - self.since >= SLICE_MS
        {
            yield_now().await;
            self.since = crate::adapters::clock::performance_now();
            self.steps = 0;
        }
    }
}

impl Default for Slices {
    fn default() -> Self {
        Self::new()
    }
}

/// A file whose reading has started ([`start_read`]); the browser reads it while the
/// wasm works on the file before it.
pub struct Reading(Result<JsFuture, ReadError>);

/// Starts reading `file` (or knows at once that it is too large).
pub fn start_read(file: &web_sys::File, max_bytes: usize) -> Reading {
    if file.size() > max_bytes as f64 {
        return Reading(Err(ReadError::TooLarge));
    }
    Reading(Ok(JsFuture::from(file.array_buffer())))
}

impl Reading {
    /// The file's bytes, or why not.
    pub async fn bytes(self) -> Result<Vec<u8>, ReadError> {
        match self.0?.await {
            Ok(buf) => Ok(js_sys::Uint8Array::new(&buf).to_vec()),
            Err(_) => Err(ReadError::Failed),
        }
    }
}

/// Reads one file's bytes, or why not.
pub async fn read(file: &web_sys::File, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
    start_read(file, max_bytes).bytes().await
}

/// Several small files whose reading has started as one read ([`start_read_together`]).
pub struct ReadingTogether {
    files: Vec<web_sys::File>,
    reading: Result<JsFuture, ReadError>,
}

/// Starts reading `files` in one go: a `Blob` made of them all, read once, then cut
/// into the files. Chromium spends a few milliseconds of the page's time on each read
/// however small the file: 100 unit files read one by one took 180–690 ms, as one Blob
/// 41–54 ms (30 November 2026). For files the caller keeps small: all their bytes are
/// in memory together.
pub fn start_read_together(files: Vec<web_sys::File>) -> ReadingTogether {
    let parts = js_sys::Array::new();
    for f in &files {
        parts.push(f);
    }
    let reading = web_sys::Blob::new_with_blob_sequence(&parts)
        .map(|blob| JsFuture::from(blob.array_buffer()))
        .map_err(|_| ReadError::Failed);
    ReadingTogether { files, reading }
}

impl ReadingTogether {
    /// The files with their bytes; `Err` when the read failed (a file changed or
    /// removed since it was chosen fails the whole read: read each on its own then, so
    /// each gets its own message).
    pub async fn bytes(self) -> (Vec<web_sys::File>, Result<Vec<Vec<u8>>, ReadError>) {
        let read = match self.reading {
            Ok(future) => future.await.map_err(|_| ReadError::Failed),
            Err(e) => Err(e),
        };
        let cut = read.and_then(|buf| {
            let all = js_sys::Uint8Array::new(&buf);
            let mut at = 0u32;
            let mut out = Vec::with_capacity(self.files.len());
            for f in &self.files {
                let end = at + f.size() as u32;
                if end > all.length() {
                    return Err(ReadError::Failed);
                }
                out.push(all.subarray(at, end).to_vec());
                at = end;
            }
            if at == all.length() {
                Ok(out)
            } else {
                Err(ReadError::Failed)
            }
        });
        (self.files, cut)
    }
}

/// Opens a blob in a new tab. The tab is opened at once (inside the click, so no popup
/// blocker stops it) and pointed at the blob when `blob` resolves.
pub fn open_in_new_tab(
    blob: impl std::future::Future<Output = Option<web_sys::Blob>> + 'static,
) -> Result<(), String> {
    let tab = web_sys::window()
        .and_then(|w| {
            w.open_with_url_and_target("about:blank", "_blank")
                .ok()
                .flatten()
        })
        .ok_or("popup")?;
    wasm_bindgen_futures::spawn_local(async move {
        match blob.await {
            Some(b) => {
                if let Ok(url) = web_sys::Url::create_object_url_with_blob(&b) {
                    let _ = tab.location().set_href(&url);
                }
            }
            None => {
                let _ = tab.close();
            }
        }
    });
    Ok(())
}

/// What was dropped, taken from the event at once (the browser empties the
/// `DataTransfer` after the handler returns): each item as a file, or as a folder to walk
/// when the browser offers one (File and Directory Entries API).
pub struct Dropped(Vec<DroppedItem>);

enum DroppedItem {
    File(web_sys::File),
    Folder(web_sys::FileSystemDirectoryEntry),
}

pub fn take_drop(dt: &web_sys::DataTransfer) -> Dropped {
    let items = dt.items();
    let mut out = Vec::new();
    for item in (0..items.length()).filter_map(|i| items.get(i)) {
        let entry = item.webkit_get_as_entry().ok().flatten();
        match entry {
            Some(e) if e.is_directory() => out.push(DroppedItem::Folder(e.unchecked_into())),
            _ => {
                if let Some(f) = item.get_as_file().ok().flatten() {
                    out.push(DroppedItem::File(f));
                }
            }
        }
    }
    if out.is_empty() {
        if let Some(list) = dt.files() {
            out.extend(files_of(&list).into_iter().map(DroppedItem::File));
        }
    }
    Dropped(out)
}

/// The files of a drop, folders walked: a coordinator can drop a folder of bundles. A
/// folder also holds other things, of which only the .json and .zip files are taken; a
/// file dropped by itself is always taken (and told about if it is not an exchange file).
pub async fn dropped_files(dropped: Dropped) -> Vec<web_sys::File> {
    let mut out = Vec::new();
    for item in dropped.0 {
        match item {
            DroppedItem::File(f) => out.push(f),
            DroppedItem::Folder(dir) => {
                let mut stack = vec![dir];
                while let Some(dir) = stack.pop() {
                    for entry in directory_entries(&dir).await {
                        if entry.is_directory() {
                            stack.push(entry.unchecked_into());
                        } else if is_exchange_name(&entry.name()) {
                            if let Some(file) = file_of_entry(entry.unchecked_ref()).await {
                                out.push(file);
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// A name ending in .json or .zip (what the import screens take from a folder).
pub fn is_exchange_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".json") || n.ends_with(".zip")
}

async fn file_of_entry(entry: &web_sys::FileSystemFileEntry) -> Option<web_sys::File> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// Every entry of a folder (`readEntries` gives them in batches until an empty one).
async fn directory_entries(
    dir: &web_sys::FileSystemDirectoryEntry,
) -> Vec<web_sys::FileSystemEntry> {
    let reader = dir.create_reader();
    let mut out = Vec::new();
    loop {
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
        });
        let Ok(batch) = JsFuture::from(promise).await else {
            break;
        };
        let batch = js_sys::Array::from(&batch);
        if batch.length() == 0 {
            break;
        }
        out.extend(batch.iter().filter_map(|e| e.dyn_into().ok()));
    }
    out
}

/// Puts `text` on the clipboard (`navigator.clipboard.writeText`). `Err` when the browser
/// has no clipboard access or refuses it; callers also show the text to copy by hand.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("window")?;
    let nav = js_sys::Reflect::get(&window, &"navigator".into()).map_err(|_| "navigator")?;
    let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).map_err(|_| "clipboard")?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("clipboard")?;
    let promise = write
        .call1(&clipboard, &text.into())
        .map_err(|_| "clipboard")?;
    JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map(|_| ())
        .map_err(|_| "refused".to_string())
}

/// A `blob:` URL showing `bytes` as `mime` (an image the user picked), for the lifetime of
/// the page or until [`revoke_url`]. The strict CSP allows `blob:` images, not `data:`.
pub fn object_url(mime: &str, bytes: &[u8]) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
