//! Calling browser features by name, where web-sys has no stable binding (compression
//! streams, `indexedDB.databases()`) or where a feature must be detected before use: a
//! missing feature is `None`, never a thrown exception.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The page's global object (`window`), as a plain value.
pub fn global() -> JsValue {
    js_sys::global().into()
}

/// `target[name]`, unless it is missing.
pub fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `method` on `target` with `args`, if `target` has such a method and it returns.
pub fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = get(target, method)?.dyn_into::<Function>().ok()?;
    f.apply(target, &args.iter().collect::<Array>()).ok()
}

/// `new Name(args)` for a global constructor, if the browser has it and it does not throw.
pub fn construct(name: &str, args: &[JsValue]) -> Option<JsValue> {
    let ctor = get(&global(), name)?.dyn_into::<Function>().ok()?;
    Reflect::construct(&ctor, &args.iter().collect::<Array>()).ok()
}

/// The value a promise settles to, if `value` is a promise that resolves.
pub async fn settled(value: JsValue) -> Option<JsValue> {
    JsFuture::from(value.dyn_into::<Promise>().ok()?).await.ok()
}
