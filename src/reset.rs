//! Starting again for the next person on a shared device, and a volunteer starting or
//! stopping helping someone: the app's state, the browser's storage and its history.
//!
//! A full reset leaves nothing of the person: the app's state is built new
//! ([`crate::state::Session::start_fresh_over`]); the browser's local storage loses every key
//! but the device's outbox (keys starting
//! [`crate::domain::mode::DEVICE_KEY_PREFIX`], submissions waiting to reach
//! the service, which belong to the device and are never shown), and on a volunteer's own
//! device in a personal deployment what was there before helping began; session storage,
//! cookies and IndexedDB databases are emptied; Cache Storage keeps only the service worker's
//! precache of the app's own files (names starting [`PRECACHE_PREFIX`]: build files, never
//! answers) and loses any other cache. The app writes nothing of the person to any of these
//! in a shared setup (they live in memory), so the clearing is a second line of defence, and
//! it runs on every reset.
//!
//! Back after a reset must not show the earlier person's pages: each history entry is marked
//! with the person it belongs to ([`crate::state::Modes::person`]), and going Back or Forward
//! to an entry with another mark shows the start screen instead, before the router reads the
//! address. A page restored from the back-forward cache starts fresh too.

use js_sys::{Array, Object, Promise, Reflect};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser;
use crate::domain::mode::{keys_to_clear, Device, Mode, Setup};
use crate::js::{call, get, settled};
use crate::router::{after_history_written, use_location, use_navigate, NavigateOptions};
use crate::routes::Route;
use crate::state::{use_mode, use_session, Modes};

/// The session storage key that keeps a volunteer's choice across a reload of the tab.
pub const SETUP_KEY: &str = "flourish.setup";

/// The start of the service worker's cache names: its precache of the app's build files.
pub const PRECACHE_PREFIX: &str = "flourish-";

/// The field of a history entry's state that names whose it is.
const PERSON_MARK: &str = "flourishPerson";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok()?
}

fn session_storage() -> Option<web_sys::Storage> {
    window()?.session_storage().ok()?
}

/// What this tab remembered of a volunteer's choice before a reload, if anything.
pub fn remembered_setup() -> Option<String> {
    session_storage()?.get_item(SETUP_KEY).ok()?
}

/// Keeps (or forgets) the setup across a reload of this tab.
fn remember(setup: Setup) {
    if let Some(s) = session_storage() {
        let _ = match setup.remember() {
            Some(value) => s.set_item(SETUP_KEY, value),
            None => s.remove_item(SETUP_KEY),
        };
    }
}

/// Every key in the browser's local storage for this site.
pub fn local_keys() -> Vec<String> {
    let Some(s) = local_storage() else {
        return vec![];
    };
    let len = s.length().unwrap_or(0);
    (0..len).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// The synchronous stores, cleared at once: local storage (but the outbox, and a
/// volunteer's own keys in a personal deployment), session storage, cookies.
fn clear_now(deployment: Mode, keys_before: &[String], next: Setup) {
    if let Some(local) = local_storage() {
        for key in keys_to_clear(deployment, &local_keys(), keys_before) {
            let _ = local.remove_item(&key);
        }
    }
    if let Some(session) = session_storage() {
        let _ = session.clear();
    }
    remember(next);
    clear_cookies();
}

/// Expires every cookie this page can see, at the site's root and on the current path.
fn clear_cookies() {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let key = JsValue::from("cookie");
    let all = Reflect::get(&document, &key)
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_default();
    let path = window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    for name in all.split(';').filter_map(|c| c.split('=').next()) {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        for at in ["/", path.as_str()] {
            let expired = format!("{name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path={at}");
            let _ = Reflect::set(&document, &key, &expired.into());
        }
    }
}

/// The stores the browser answers later: IndexedDB databases and Cache Storage.
async fn clear_later() {
    let w = crate::js::global();
    if let Some(factory) = get(&w, "indexedDB") {
        // `databases()` is missing on older browsers: there is then no way to list them.
        let listed = match call(&factory, "databases", &[]) {
            Some(p) => settled(p).await,
            None => None,
        };
        for db in listed.map(|l| Array::from(&l)).iter().flat_map(Array::iter) {
            let Ok(name) = Reflect::get(&db, &"name".into()) else {
                continue;
            };
            if let Some(request) = call(&factory, "deleteDatabase", &[name]) {
                finished(request).await;
            }
        }
    }
    // Cache Storage exists only in secure contexts (https, or this machine).
    let caches = get(&w, "caches").unwrap_or(JsValue::UNDEFINED);
    let names = match call(&caches, "keys", &[]) {
        Some(p) => settled(p).await,
        None => None,
    };
    for name in names.map(|n| Array::from(&n)).iter().flat_map(Array::iter) {
        let precache = name
            .as_string()
            .is_some_and(|n| n.starts_with(PRECACHE_PREFIX));
        if !precache {
            if let Some(p) = call(&caches, "delete", &[name]) {
                settled(p).await;
            }
        }
    }
}

/// Waits for an IndexedDB request to succeed, fail or be blocked (the deletion then
/// finishes by itself once other connections close).
async fn finished(request: JsValue) {
    let done = Promise::new(&mut |resolve, _| {
        for event in ["onsuccess", "onerror", "onblocked"] {
            let _ = Reflect::set(&request, &event.into(), &resolve);
        }
    });
    let _ = JsFuture::from(done).await;
}

/// Marks the current history entry as `person`'s, keeping its address.
fn mark_history(person: &str) {
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    let state = Object::new();
    let _ = Reflect::set(&state, &PERSON_MARK.into(), &person.into());
    let _ = history.replace_state(&state, "");
}

/// Whose a history entry's state says it is.
fn marked_person(state: &JsValue) -> Option<String> {
    Reflect::get(state, &PERSON_MARK.into()).ok()?.as_string()
}

/// What follows a full reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// The same setup, for the next person.
    NextPerson,
    /// A volunteer on a shared device stops helping: back to personal mode.
    StopHelping,
}

/// The full reset, for "Finish and clear", "Start fresh for the next person" and an
/// unattended screen: the start screen at once, then nothing of the person left.
pub fn use_start_fresh() -> impl Fn(After) + Clone + 'static {
    let modes = use_mode();
    let session = use_session();
    let navigate = use_navigate();
    move |after| {
        let now = modes.setup_untracked();
        let next = match after {
            After::NextPerson => now,
            After::StopHelping => modes.switch(Setup::Personal).unwrap_or(now),
        };
        clear_now(modes.deployment(), &modes.keys_before(), next);
        modes.next_person();
        let replace = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(&Route::Home.href(), replace);
        session.start_fresh_over(modes.store_for(next), modes.options_for(next));
        leptos::task::spawn_local(clear_later());
        browser::focus_soon("main h1".into());
    }
}

/// A volunteer starts helping someone (on their device or a shared one), says whose device
/// it is, or stops: the state is rebuilt over the right store, and the start screen shows.
/// Stopping on a shared device is a full reset.
pub fn use_switch() -> impl Fn(Setup) + Clone + 'static {
    let modes = use_mode();
    let session = use_session();
    let navigate = use_navigate();
    let start_fresh = use_start_fresh();
    move |to| {
        let from = modes.setup_untracked();
        if from == Setup::Assisted(Device::Shared) && to == Setup::Personal {
            start_fresh(After::StopHelping);
            return;
        }
        let Ok(next) = modes.switch(to) else { return };
        if !next.keeps_on_device() {
            modes.set_keys_before(local_keys());
        }
        remember(next);
        if !(from.keeps_on_device() && next.keeps_on_device()) {
            modes.next_person();
        }
        session.start_fresh_over(modes.store_for(next), modes.options_for(next));
        let replace = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(&Route::Home.href(), replace);
        browser::focus_soon("main h1".into());
    }
}

/// Whether history entries are checked against the person using the device: wherever
/// someone else may have been before (not a person's own device that has never reset).
fn guarding(modes: Modes) -> bool {
    modes.deployment() != Mode::Personal
        || modes.setup_untracked().hands_back()
        || !modes.person().ends_with(".0")
}

/// Back or Forward to an entry of someone before shows the start screen instead: the entry's
/// address becomes the start's before the router reads it. Call it before the router is
/// made, so that this listener runs before the router's (a window's listeners run in the
/// order they were added, capturing or not).
pub fn guard_history(modes: Modes) {
    let on_pop =
        Closure::<dyn Fn(web_sys::PopStateEvent)>::new(move |ev: web_sys::PopStateEvent| {
            let here = untrack(|| modes.person());
            if untrack(|| guarding(modes)) && marked_person(&ev.state()).as_deref() != Some(&here) {
                if let Some(history) = window().and_then(|w| w.history().ok()) {
                    let state = Object::new();
                    let _ = Reflect::set(&state, &PERSON_MARK.into(), &here.into());
                    let _ = history.replace_state_with_url(&state, "", Some(&Route::Home.href()));
                }
            }
        })
        .into_js_value();
    if let Some(w) = window() {
        let _ = w.add_event_listener_with_callback("popstate", on_pop.unchecked_ref());
    }
    let on_pop = SendWrapper::new(on_pop);
    on_cleanup(move || {
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback("popstate", on_pop.unchecked_ref());
        }
    });
}

/// Marks each page a person reaches as theirs (see [`guard_history`]), and starts fresh
/// when the browser brings back a page from its back-forward cache on a shared device.
#[component]
pub fn HistoryGuard() -> impl IntoView {
    let modes = use_mode();
    let location = use_location();
    // Each page this person reaches is marked theirs, once the router has added it to the
    // history.
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        let person = modes.person();
        if untrack(|| guarding(modes)) {
            after_history_written(move || mark_history(&person));
        }
    });
    let start_fresh = use_start_fresh();
    let restored = window_event_listener(leptos::ev::pageshow, move |ev| {
        if ev.persisted() && modes.setup_untracked().hands_back() {
            start_fresh(After::NextPerson);
        }
    });
    on_cleanup(move || restored.remove());
}
