//! Small browser calls that are neither storage nor network: ids, the clock, focus, downloads.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use wasm_bindgen::JsCast;

/// Why the browser could not offer a file or read one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrowserError {
    /// Making or offering a file to download failed.
    #[error("the browser could not offer the file: {0}")]
    Download(String),
    /// A file the person chose could not be read, or is not text.
    #[error("the file could not be read: {0}")]
    ReadFile(String),
}

/// A browser exception, briefly, for the log side of an error.
fn describe(e: wasm_bindgen::JsValue) -> String {
    format!("{e:?}")
}

/// A new random id for a record: a version-4 UUID made from `crypto.getRandomValues`.
///
/// Not `crypto.randomUUID`: it exists only in secure contexts (https or localhost) and on
/// recent browsers, and calling it where it is missing throws, so the first answer given on
/// a kiosk served over http on a LAN address, or on an older phone, was never saved.
/// `getRandomValues` exists everywhere; if even it is missing or refuses, `Math.random`
/// supplies the bytes (not cryptographic, but an id only has to be unique on the device).
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let from_crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !from_crypto {
        for chunk in bytes.chunks_mut(4) {
            // Math.random gives 52 random bits; take 32 of them per call.
            let word = (js_sys::Math::random() * 4_294_967_296.0) as u32;
            chunk.copy_from_slice(&word.to_le_bytes());
        }
    }
    crate::domain::ids::uuid_v4_from(bytes)
}

/// The current time.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The device's UTC offset at `at` (from the browser's time zone, which knows about daylight
/// saving), for turning instants into the person's local dates.
pub fn offset_at(at: DateTime<Utc>) -> FixedOffset {
    chrono::Local
        .offset_from_utc_datetime(&at.naive_utc())
        .fix()
}

/// Today's date where the person is.
pub fn today() -> NaiveDate {
    let now = now();
    crate::domain::schedule::local_date(now, offset_at(now))
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Marks the page's language and writing direction on `<html>`, for screen readers, spell
/// checkers and right-to-left layout.
pub fn set_language(lang: &str, dir: &str) {
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(html) = html {
        let _ = html.set_attribute("lang", lang);
        let _ = html.set_attribute("dir", dir);
    }
}

/// The person's languages as the browser lists them (`navigator.languages`, then
/// `navigator.language`), most wanted first.
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    if let Some(first) = navigator.language().filter(|l| !tags.contains(l)) {
        tags.push(first);
    }
    tags
}

/// Moves focus to the first element matching `selector`; whether there was one.
pub fn focus(selector: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    element.is_some_and(|e| e.focus().is_ok())
}

/// Moves focus to `selector` once it is on the page: after a change the new element may
/// appear a frame or two later, so this tries on each of the next few frames.
pub fn focus_soon(selector: String) {
    fn attempt(selector: String, tries_left: u32) {
        leptos::prelude::request_animation_frame(move || {
            if !focus(&selector) && tries_left > 0 {
                attempt(selector, tries_left - 1);
            }
        });
    }
    attempt(selector, 10);
}

/// Runs `f` in the task after the browser paints its next frame (a task queued from a
/// frame's callback runs after that frame is painted). Calls made earlier run earlier. A
/// hidden page paints no frames: then in the task after the current one.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    if hidden {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    } else {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
        });
    }
}

/// Done once the browser has painted the next frame: downloads started after it leave the
/// first page's paint alone (the network and the processor are the page's until then).
pub async fn after_paint() {
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        after_next_paint(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
}

/// Done when the browser is next idle: work that can wait for the person to be reading then
/// takes no frame from them. Where the browser cannot tell (no `requestIdleCallback`, as in
/// Safari), half a second later, once what a tap or a page load started is done.
pub async fn when_idle() {
    let idle = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        if window.request_idle_callback(&resolve).is_err()
            && window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 500)
                .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(idle).await;
}

/// Marks a moment in the browser's performance timeline, where a profile shows it.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Asks the browser to keep this site's data even when the device runs low on space.
/// `Some(true)` when it agreed, `Some(false)` when it did not, `None` when it cannot say.
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let persisted = wasm_bindgen_futures::JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?;
    if persisted.as_bool() == Some(true) {
        return Some(true);
    }
    let granted = wasm_bindgen_futures::JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?;
    granted.as_bool()
}

/// Reads a file the person chose as text.
pub async fn read_file(file: web_sys::File) -> Result<String, BrowserError> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|e| BrowserError::ReadFile(describe(e)))?;
    text.as_string()
        .ok_or_else(|| BrowserError::ReadFile("not text".into()))
}

/// Opens the browser's print dialogue (the print stylesheet shapes the page).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Offers `text` to the person as a file called `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), BrowserError> {
    let failed = |e| BrowserError::Download(describe(e));
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| BrowserError::Download("no document".into()))?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let anchor = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| BrowserError::Download("not an anchor".into()))?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// A random number in `[0, 1]` for spreading out retries, from `crypto.getRandomValues`
/// (`Math.random` where that refuses).
pub fn random_unit() -> f64 {
    let mut bytes = [0u8; 4];
    let from_crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if from_crypto {
        f64::from(u32::from_le_bytes(bytes)) / f64::from(u32::MAX)
    } else {
        js_sys::Math::random()
    }
}

/// Whether the browser believes it is online. `false` is certain (no network at all);
/// `true` only means a network is there, not that the service can be reached.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}
