//! Async work whose result a view shows once it is done.

use std::future::Future;

use leptos::prelude::*;

/// The result of `future` once it has finished, `None` until then.
///
/// A signal set from `spawn_local` does what Leptos's `LocalResource` does for a fetch that
/// runs once, without the async machinery a resource carries (transitions, channels,
/// suspense bookkeeping): about 25 KB of wasm the app does not need.
pub fn when_done<T: Send + Sync + 'static>(
    future: impl Future<Output = T> + 'static,
) -> ReadSignal<Option<T>> {
    let (value, set_value) = signal(None);
    leptos::task::spawn_local(async move {
        // The page may be gone by now; then there is nothing to show it on.
        let _ = set_value.try_set(Some(future.await));
    });
    value
}
