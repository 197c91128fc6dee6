//! The page's heading, where focus lands after every page change.

use leptos::prelude::*;

/// The page's `<h1>`, focusable so that focus can move to it after each navigation, with an
/// optional caption above it.
#[component]
pub fn PageHeading(
    /// The heading.
    #[prop(into)]
    text: String,
    /// A short line above it, e.g. "Optional".
    #[prop(into, optional)]
    caption: Option<String>,
    /// Its CSS class; the large heading unless given.
    #[prop(default = "f-heading-l")]
    class: &'static str,
) -> impl IntoView {
    view! {
        {caption.map(|c| view! { <span class="f-caption">{c}</span> })}
        <h1 class=class tabindex="-1">{text}</h1>
    }
}
