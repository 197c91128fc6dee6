//! What the state's tests share: options with no timers and no browser.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::StateOptions;

/// A new id each call, as the browser's would be, without the browser.
fn test_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("id-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// No timers and no browser: a failed save waits for the next change.
pub(crate) fn options() -> StateOptions {
    StateOptions {
        save_retry: None,
        new_id: test_id,
        keep_data: || {},
        with_volunteer: false,
    }
}
