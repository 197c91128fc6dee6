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
    /// No whole answer in time: a stalled connection.
    #[error("no answer within {} seconds", FETCH_TIMEOUT_MS / 1000)]
    TimedOut,
}

/// How long a fetch may take before it is given up: long enough for a slow mobile
/// connection, short enough that nobody is left waiting at a loading page.
pub const FETCH_TIMEOUT_MS: i32 = 4_000;

fn describe(err: wasm_bindgen::JsValue) -> String {
    err.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&err, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "unknown error".into())
}

/// Fetches a text file from the app's own origin, giving up after [`FETCH_TIMEOUT_MS`]. The
/// default cache mode and credentials are kept on purpose: `index.html` preloads `config.json`
/// with them, and a different mode would fetch it twice.
pub async fn fetch_text(path: &str) -> Result<String, NetError> {
    let window = web_sys::window().ok_or_else(|| NetError::Unreachable("no window".into()))?;
    let init = web_sys::RequestInit::new();
    // Browsers too old for AbortController fetch without a time limit.
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.as_ref().and_then(|c| {
        init.set_signal(Some(&c.signal()));
        let abort = js_sys::Reflect::get(c, &"abort".into()).ok()?;
        let abort = abort.dyn_into::<js_sys::Function>().ok()?.bind0(c);
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&abort, FETCH_TIMEOUT_MS)
            .ok()
    });
    let result = read_text(&window, path, &init).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    // An abort rejects the fetch, or the body still arriving, with an AbortError.
    let timed_out = controller.is_some_and(|c| c.signal().aborted());
    result.map_err(|e| if timed_out { NetError::TimedOut } else { e })
}

async fn read_text(
    window: &web_sys::Window,
    path: &str,
    init: &web_sys::RequestInit,
) -> Result<String, NetError> {
    let response = JsFuture::from(window.fetch_with_str_and_init(path, init))
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
