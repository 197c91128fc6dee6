//! The router's address and the browser's history, what a long page leaves until after its
//! first paint, and a page got ready ahead of its opening, in a real browser.
#![cfg(target_arch = "wasm32")]

use flourish::components::AfterPaint;
use flourish::config::LoadedConfig;
use flourish::domain::checkin::Draft;
use flourish::domain::instrument::MHC_SF;
use flourish::domain::progress::overview;
use flourish::router::{use_location, use_navigate, NavigateOptions, Router};
use flourish::state::{AppState, StateOptions};
use flourish::storage::Store;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::sleep;

fn window() -> web_sys::Window {
    web_sys::window().expect("window")
}

/// A fresh element to render into.
fn container() -> web_sys::HtmlElement {
    let document = window().document().expect("document");
    let el = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el.unchecked_into()
}

fn browser_path() -> String {
    window().location().pathname().expect("pathname")
}

fn history_length() -> u32 {
    window()
        .history()
        .expect("history")
        .length()
        .expect("length")
}

/// Waits for the task after the next frame, when the router writes the history.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                },
                std::time::Duration::ZERO,
            );
        });
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("a frame");
}

#[wasm_bindgen_test]
async fn the_page_changes_at_once_and_the_history_after_the_paint_in_order() {
    let started_at = browser_path();
    let root = container();
    let go = StoredValue::new_local(None::<Box<dyn Fn(&str, NavigateOptions)>>);
    let _mount = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Router>
                {
                    let navigate = use_navigate();
                    go.set_value(Some(Box::new(navigate)));
                    let location = use_location();
                    view! { <p id="shown">{move || location.pathname.get()}</p> }
                }
            </Router>
        }
    });
    let navigate =
        |to: &str| go.with_value(|g| g.as_ref().expect("navigate")(to, Default::default()));
    let shown = || {
        root.query_selector("#shown")
            .ok()
            .flatten()
            .and_then(|p| p.text_content())
            .unwrap_or_default()
    };
    let before = history_length();

    navigate("/router-test/a");
    sleep(0).await;
    // The page follows the address at once; the browser's address waits for the paint.
    assert_eq!(shown(), "/router-test/a");
    assert_eq!(browser_path(), started_at);
    next_frame().await;
    assert_eq!(browser_path(), "/router-test/a");
    assert_eq!(history_length(), before + 1);

    // Two changes before a frame: both are written, in order, and Back finds the first.
    navigate("/router-test/b");
    navigate("/router-test/c/../d");
    sleep(0).await;
    assert_eq!(shown(), "/router-test/d", "read as the browser reads it");
    assert_eq!(
        browser_path(),
        "/router-test/b",
        "the first went in before the second"
    );
    next_frame().await;
    assert_eq!(browser_path(), "/router-test/d");
    assert_eq!(history_length(), before + 3);
    window().history().expect("history").back().expect("back");
    sleep(100).await;
    assert_eq!(shown(), "/router-test/b");

    // Back where the test runner was, for the tests after this one.
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&started_at))
        .expect("replace");
}

#[wasm_bindgen_test]
async fn what_comes_after_the_paint_is_there_from_the_next_task() {
    let root = container();
    let _mount = leptos::mount::mount_to(root.clone(), || {
        view! {
            <p id="top">"At once"</p>
            <AfterPaint><p id="rest">"A frame later"</p></AfterPaint>
        }
    });
    let has = |selector: &str| root.query_selector(selector).ok().flatten().is_some();
    assert!(has("#top"));
    assert!(!has("#rest"), "not before the first paint");
    next_frame().await;
    sleep(0).await;
    assert!(has("#rest"));
}

#[wasm_bindgen_test]
async fn work_left_for_idle_time_runs_once_the_page_is_idle_and_not_before() {
    let ran = std::rc::Rc::new(std::cell::Cell::new(false));
    let done = ran.clone();
    wasm_bindgen_futures::spawn_local(async move {
        flourish::browser::when_idle().await;
        done.set(true);
    });
    assert!(!ran.get(), "not in the task that asked");
    sleep(1000).await;
    assert!(ran.get(), "an idle page runs it within a second");
}

#[wasm_bindgen_test]
async fn your_progress_got_ready_ahead_is_worked_out_and_leaves_the_page_as_it_was() {
    let store = Store::memory();
    let mut draft = Draft::new("c-1".into(), chrono::DateTime::UNIX_EPOCH, &[&MHC_SF]);
    for n in 1..=14 {
        draft.set_answer(n, 3).expect("an answer");
    }
    let checkin = draft
        .finish(chrono::DateTime::UNIX_EPOCH)
        .expect("finished");
    store.add_checkin(checkin).expect("kept");
    let document = window().document().expect("document");
    document.set_title("The page the person is on");
    let state = AppState::new(store, LoadedConfig::default(), StateOptions::default());
    let records = state.records;
    let root = container();
    let _mount = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Router>
                {
                    state.provide();
                    flourish::pages::get_progress_ready();
                    view! { <p id="here">"The page the person is on"</p> }
                }
            </Router>
        }
    });
    // Past the frame and the task after it, where what a page leaves for later would show.
    next_frame().await;
    sleep(50).await;

    let mut worked_out_again = false;
    let kept = records.progress(|c| {
        worked_out_again = true;
        overview(c, |_| chrono::FixedOffset::east_opt(0).expect("UTC"))
    });
    assert!(
        kept.is_some() && !worked_out_again,
        "worked out ahead and kept"
    );
    assert_eq!(document.title(), "The page the person is on");
    let elements = root.query_selector_all("*").expect("query").length();
    assert_eq!(elements, 1, "nothing of the progress page is on the page");
    assert_eq!(
        root.text_content().as_deref(),
        Some("The page the person is on")
    );
    let charts = document.query_selector_all("svg").expect("query").length();
    assert_eq!(charts, 0, "no chart anywhere in the document");
}
