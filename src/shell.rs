//! The hand-over from the static page shell in `index.html` to the app, and the way back to it
//! when the app fails: the shell's crisis routes and a plain message, never a blank page.
//!
//! The shell paints before any script runs. `public/boot.js` loads the app, removes the shell
//! as soon as the app's first element is in its container, and puts the shell back with its
//! failure message when the wasm cannot load or when this module says the app has failed. The
//! shell's words are written into `index.html` at build time (`scripts/shell-words.json`, by
//! `scripts/postbuild.mjs`), so they show even when none of the app's code can run.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element in `index.html` that the app is mounted into.
pub const ROOT_ID: &str = "app";

/// The window event that `public/boot.js` answers by showing the shell's failure message.
pub const FAILED_EVENT: &str = "flourish:failed";

/// Starts the app inside its container, with a panic hook that shows the failure message.
/// On a page without the container (not the built `index.html`) the app fills the body.
pub fn start<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    // The hook runs before a panic aborts, so it works with `panic = "abort"` too.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_failure();
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => leptos::mount::mount_to(root, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}

/// Asks the boot script to replace the app with the shell's failure message and crisis routes.
/// Safe to call more than once.
pub fn show_failure() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(FAILED_EVENT)) {
        // Nothing is left to tell if even this fails: the error is already in the console.
        let _ = window.dispatch_event(&event);
    }
}

/// The fallback of the error boundary around the routes: an error that no page handled ends
/// like a panic, in the shell's failure message (whose words need none of the app's code).
pub fn route_failed(errors: ArcRwSignal<Errors>) -> impl IntoView {
    for (_, error) in errors.get_untracked().iter() {
        web_sys::console::error_1(&error.to_string().into());
    }
    show_failure();
}
