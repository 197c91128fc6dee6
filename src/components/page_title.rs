use leptos::prelude::*;

use crate::browser;
use crate::i18n::use_messages;

/// Sets the browser tab's title, with "Error: " in front while the page shows errors.
#[component]
pub fn PageTitle(
    /// The page's own title, usually its heading.
    #[prop(into)]
    text: String,
    /// Whether the page is showing validation errors.
    #[prop(into, optional)]
    has_error: Signal<bool>,
) -> impl IntoView {
    let m = use_messages();
    // Set directly rather than through leptos_meta, whose title stack the app does not need.
    Effect::new(move |_| {
        let prefix = if has_error.get() {
            m.error_title_prefix
        } else {
            ""
        };
        browser::set_title(&format!("{prefix}{text} – {}", m.app_name));
    });
}
