//! Storage in a real browser: the round trip through `localStorage`, corrupt data set aside,
//! a full store reported as full, and an answer given while full saved by the retry.
#![cfg(target_arch = "wasm32")]

use chrono::{TimeZone, Utc};
use flourish::config::LoadedConfig;
use flourish::domain::checkin::{CheckIn, Draft};
use flourish::domain::instrument::MHC_SF;
use flourish::state::{AppState, Notice, StateOptions};
use flourish::storage::{StorageError, Store, CHECKINS_KEY, DRAFT, DRAFT_KEY};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::sleep;

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

fn checkin(id: &str, score: u8) -> CheckIn {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("date");
    let mut d = Draft::new(id.into(), at, &[&MHC_SF]);
    for n in 1..=14 {
        d.set_answer(n, score).expect("answer");
    }
    d.finish(at).expect("finish")
}

/// Empties local storage, then saves `checkin` there as its only record.
fn only_in_local_storage(checkin: CheckIn) {
    local().clear().expect("clear");
    Store::local().add_checkin(checkin).expect("save");
}

/// Fills the rest of the browser's quota, in ever smaller pieces, down to the last byte;
/// returns the keys used.
fn fill_quota() -> Vec<String> {
    let mut fillers = Vec::new();
    for size in [256 * 1024, 16 * 1024, 1024, 64, 1] {
        let block = "x".repeat(size);
        while local()
            .set_item(&format!("filler.{}", fillers.len()), &block)
            .is_ok()
        {
            fillers.push(format!("filler.{}", fillers.len()));
            assert!(fillers.len() < 2000, "the quota never filled");
        }
    }
    fillers
}

fn unfill(fillers: &[String]) {
    for key in fillers {
        local().remove_item(key).expect("unfill");
    }
}

/// The retry's wait in these tests: short, so the test takes a moment, not the app's seconds.
const RETRY_MS: u64 = 200;

#[wasm_bindgen_test]
async fn an_answer_given_while_storage_is_full_is_saved_once_there_is_room() {
    local().clear().expect("clear");
    let options = StateOptions {
        save_retry: Some(std::time::Duration::from_millis(RETRY_MS)),
        ..StateOptions::default()
    };
    let app = AppState::new(Store::local(), LoadedConfig::default(), options);
    let fillers = fill_quota();
    let answered = app.check_in.answer(1, 4);
    let told = app
        .notices
        .list()
        .get_untracked()
        .iter()
        .any(|n| matches!(n, Notice::SaveFailed(StorageError::Full)));
    let stored_while_full = local().get_item(DRAFT_KEY).expect("read");
    unfill(&fillers);
    assert_eq!(answered, Ok(()), "the answer is taken and stays on screen");
    assert!(told, "the person is told the store is full");
    assert_eq!(stored_while_full, None);
    // Without the person doing anything more, the answer is saved once there is room.
    sleep(RETRY_MS as i32 * 2).await;
    let draft = Store::local()
        .load(DRAFT)
        .expect("load")
        .value
        .expect("saved");
    assert_eq!(draft.answer(1), Some(4));
    assert!(!app
        .notices
        .list()
        .get_untracked()
        .iter()
        .any(|n| matches!(n, Notice::SaveFailed(_))));
}

#[wasm_bindgen_test]
fn a_check_in_round_trips_through_local_storage() {
    only_in_local_storage(checkin("round-trip", 4));
    let raw = local()
        .get_item(CHECKINS_KEY)
        .expect("read")
        .expect("stored");
    assert!(
        raw.starts_with(r#"{"schema":1,"data":["#),
        "stored in the versioned envelope: {raw}"
    );
    // A new store, as after a reload, reads back exactly what was saved.
    let loaded = Store::local().load_checkins().expect("load");
    assert_eq!(loaded.value, vec![checkin("round-trip", 4)]);
    assert_eq!(
        loaded.value[0].flourishing().and_then(|s| s.total),
        Some(56)
    );
}

#[wasm_bindgen_test]
fn a_draft_survives_a_reload_and_is_cleared_when_finished() {
    local().clear().expect("clear");
    let at = Utc
        .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
        .single()
        .expect("date");
    let mut draft = Draft::new("d".into(), at, &[&MHC_SF]);
    draft.set_answer(1, 2).expect("answer");
    Store::local().save(DRAFT, &draft).expect("save");
    assert_eq!(Store::local().load(DRAFT).expect("load").value, Some(draft));
    Store::local().add_checkin(checkin("d", 2)).expect("finish");
    assert_eq!(local().get_item(DRAFT_KEY).expect("read"), None);
}

#[wasm_bindgen_test]
fn corrupt_local_storage_is_kept_aside_not_wiped() {
    local().clear().expect("clear");
    local()
        .set_item(CHECKINS_KEY, "{\"schema\":1,\"data\":[{\"id\":")
        .expect("corrupt");
    let loaded = Store::local().load_checkins().expect("load");
    assert_eq!((loaded.value.len(), loaded.set_aside), (0, 1));
    let aside = Store::local().set_aside().expect("aside");
    assert_eq!(aside.len(), 1);
    assert!(
        aside[0].1.contains(r#"{\"id\":"#),
        "the exact text is kept: {}",
        aside[0].1
    );
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_reported_and_nothing_stored_is_damaged() {
    only_in_local_storage(checkin("before", 3));
    let fillers = fill_quota();
    let result = Store::local().add_checkin(checkin("after", 5));
    unfill(&fillers);
    assert_eq!(result, Err(StorageError::Full));
    let ids: Vec<String> = Store::local()
        .load_checkins()
        .expect("load")
        .value
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, vec!["before".to_string()]);
}

#[wasm_bindgen_test]
fn the_memory_store_leaves_nothing_in_local_storage() {
    local().clear().expect("clear");
    let store = Store::memory();
    store.add_checkin(checkin("kiosk", 1)).expect("save");
    assert_eq!(store.load_checkins().expect("load").value.len(), 1);
    assert_eq!(local().length().expect("length"), 0);
}

#[wasm_bindgen_test]
fn unavailable_storage_is_reported_and_nothing_crashes() {
    // As in a browser with storage blocked: reading `localStorage` throws a SecurityError.
    js_sys::eval(
        "window.__realStorage = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, \
         get() { throw new DOMException('blocked', 'SecurityError'); } })",
    )
    .expect("simulate blocked storage");
    let load = Store::local().load_checkins();
    let save = Store::local().add_checkin(checkin("blocked", 2));
    let draft = Store::local().load(DRAFT);
    // Put the real storage back before asserting, so a failure cannot break the other tests.
    // On the global object `localStorage` is an own property: put the original back.
    js_sys::eval("Object.defineProperty(window, 'localStorage', window.__realStorage)")
        .expect("unblock storage");
    assert_eq!(load, Err(StorageError::Unavailable));
    assert_eq!(save, Err(StorageError::Unavailable));
    assert_eq!(draft, Err(StorageError::Unavailable));
    assert!(local().length().is_ok(), "the real storage is back");
}
