//! The only code that talks to the network: fetching the service's configuration from the
//! app's own origin, and sending a submission to the service's endpoint.

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

/// What the service answered to a send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    /// The HTTP status; a redirect (never followed) reads as `300`, since the browser hides
    /// which one it was.
    pub status: u16,
    /// The `Retry-After` header, when the service sent it and allowed the app to read it.
    pub retry_after: Option<String>,
    /// The body, as text.
    pub body: String,
}

/// Why a send got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostFailed {
    /// No whole answer within the time allowed.
    TimedOut,
    /// The request failed: no connection, refused, reset, or blocked (CORS, the app's
    /// Content-Security-Policy).
    Network(String),
}

/// POSTs `body` to `url` with `headers`, giving up after `timeout`.
///
/// Personal data goes to the address configured and nowhere else: redirects are not followed
/// (`redirect: "manual"`: a 3xx comes back as an answer, and the outbox treats it as a
/// refusal), no cookies or other credentials go with it, no referrer, and nothing is cached.
pub async fn post(
    url: &str,
    headers: &[(&str, String)],
    body: &str,
    timeout: std::time::Duration,
) -> Result<Posted, PostFailed> {
    let failed = |e: wasm_bindgen::JsValue| PostFailed::Network(describe(e));
    let window = web_sys::window().ok_or_else(|| PostFailed::Network("no window".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&wasm_bindgen::JsValue::from_str(body));
    let sent_headers = web_sys::Headers::new().map_err(failed)?;
    for (name, value) in headers {
        sent_headers.set(name, value).map_err(failed)?;
    }
    init.set_headers(&sent_headers);
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_redirect(web_sys::RequestRedirect::Manual);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    // A browser without AbortController sends without a time limit; the outbox still takes
    // the send over once it counts as cut off.
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.as_ref().and_then(|c| {
        init.set_signal(Some(&c.signal()));
        let c = c.clone();
        leptos::prelude::set_timeout_with_handle(move || c.abort(), timeout).ok()
    });
    let result = send(&window, url, &init).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(_) if controller.is_some_and(|c| c.signal().aborted()) => Err(PostFailed::TimedOut),
        other => other,
    }
}

async fn send(
    window: &web_sys::Window,
    url: &str,
    init: &web_sys::RequestInit,
) -> Result<Posted, PostFailed> {
    let failed = |e: wasm_bindgen::JsValue| PostFailed::Network(describe(e));
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| PostFailed::Network("not a response".into()))?;
    if response.type_() == web_sys::ResponseType::Opaqueredirect {
        return Ok(Posted {
            status: 300,
            retry_after: None,
            body: String::new(),
        });
    }
    let retry_after = response.headers().get("retry-after").ok().flatten();
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(Posted {
        status: response.status(),
        retry_after,
        body: text.as_string().unwrap_or_default(),
    })
}
