//! The only code that talks to the network. For now: fetching the service's configuration.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a fetch gave nothing usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetError {
    /// The server answered that there is no such file.
    #[error("not found (HTTP 404)")]
    NotFound,
    /// The server answered with another error.
    #[error("the server answered HTTP {0}")]
    Status(u16),
    /// No answer at all: offline, or blocked.
    #[error("no answer from the server: {0}")]
    Unreachable(String),
}

fn describe(err: wasm_bindgen::JsValue) -> String {
    err.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&err, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "unknown error".into())
}

/// Fetches a text file from the app's own origin. The default cache mode is kept on purpose:
/// `index.html` preloads `config.json` with it, and a different mode would fetch it twice.
pub async fn fetch_text(path: &str) -> Result<String, NetError> {
    let window = web_sys::window().ok_or_else(|| NetError::Unreachable("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|e| NetError::Unreachable(describe(e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| NetError::Unreachable("not a response".into()))?;
    match response.status() {
        200..=299 => {}
        404 => return Err(NetError::NotFound),
        status => return Err(NetError::Status(status)),
    }
    let text = response
        .text()
        .map_err(|e| NetError::Unreachable(describe(e)))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|e| NetError::Unreachable(describe(e)))?;
    text.as_string()
        .ok_or_else(|| NetError::Unreachable("the answer was not text".into()))
}
