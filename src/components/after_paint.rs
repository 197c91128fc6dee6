//! What a long page shows a moment after its top.

use leptos::prelude::*;

use crate::browser;

/// Shows its children from the task after the page's next frame. A long page ("Check your
/// answers", "Your progress") builds what fills the first screen, the browser paints it, and
/// the rest, out of sight below, follows a frame later: the person tapping Continue sees the
/// next page sooner on a slow phone, and a screen reader starts at the heading either way.
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let painted = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        browser::after_paint().await;
        // The page may have gone in the meantime.
        let _ = painted.try_set(true);
    });
    move || painted.get().then(|| children())
}
