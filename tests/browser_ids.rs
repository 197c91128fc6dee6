//! Record ids in a real browser where `crypto.randomUUID` does not exist (a page served over
//! http on a LAN address, as at some kiosks, or an older phone), and where even
//! `crypto.getRandomValues` does not. The test runner serves on localhost, a secure context,
//! so the methods are taken off `Crypto.prototype` for the test and put back after.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::HashSet;

use flourish::browser::new_id;
use flourish::domain::ids::{is_plain_token, is_uuid_v4};
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    /// Methods taken away and not yet put back. A failing test traps without running `Drop`,
    /// so each test first puts back whatever an earlier one left hidden.
    static TAKEN: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

fn crypto_prototype() -> Object {
    let crypto_class = Reflect::get(&js_sys::global(), &"Crypto".into()).expect("Crypto");
    Reflect::get(&crypto_class, &"prototype".into())
        .expect("Crypto.prototype")
        .unchecked_into()
}

/// Puts back every method an earlier test took away.
fn put_everything_back() {
    let prototype = crypto_prototype();
    for (name, method) in TAKEN.with(|t| t.take()) {
        let _ = Reflect::set(&prototype, &name.into(), &method);
    }
}

/// A method of `Crypto.prototype` taken away while this lives, and put back when it is
/// dropped.
struct Hidden;

impl Hidden {
    fn method(name: &'static str) -> Self {
        let prototype = crypto_prototype();
        let method = Reflect::get(&prototype, &name.into()).expect(name);
        assert!(
            method.is_function(),
            "this browser has no crypto.{name} to hide"
        );
        TAKEN.with(|t| t.borrow_mut().push((name, method)));
        assert!(Reflect::delete_property(&prototype, &name.into()).expect("delete"));
        Self
    }
}

impl Drop for Hidden {
    fn drop(&mut self) {
        put_everything_back();
    }
}

/// Whether the page's `crypto` object has `name` (own or inherited).
fn crypto_has(name: &str) -> bool {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).expect("crypto");
    Reflect::has(&crypto, &name.into()).expect("has")
}

/// Makes `n` ids and checks that each is a well-formed version-4 UUID, a plain token (so an
/// export of it imports again), and that no two are the same.
fn assert_ids_well_formed_and_unique(n: usize) {
    let ids: Vec<String> = (0..n).map(|_| new_id()).collect();
    for id in &ids {
        assert!(is_uuid_v4(id), "{id}");
        assert!(is_plain_token(id), "{id}");
    }
    let distinct: HashSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), n, "every id is different");
}

#[wasm_bindgen_test]
fn ids_are_made_where_the_browser_offers_every_crypto_method() {
    put_everything_back();
    assert!(crypto_has("randomUUID") && crypto_has("getRandomValues"));
    assert_ids_well_formed_and_unique(1000);
}

#[wasm_bindgen_test]
fn ids_are_made_without_crypto_random_uuid() {
    put_everything_back();
    let hidden = Hidden::method("randomUUID");
    assert!(
        !crypto_has("randomUUID"),
        "the test must really take it away"
    );
    assert_ids_well_formed_and_unique(1000);
    drop(hidden);
    assert!(crypto_has("randomUUID"), "and put it back");
}

#[wasm_bindgen_test]
fn ids_are_made_without_any_crypto_randomness_and_nothing_panics() {
    put_everything_back();
    let _hidden = (
        Hidden::method("randomUUID"),
        Hidden::method("getRandomValues"),
    );
    assert!(!crypto_has("randomUUID") && !crypto_has("getRandomValues"));
    // Math.random supplies the bytes: still the same shape, still different every time.
    assert_ids_well_formed_and_unique(1000);
}
