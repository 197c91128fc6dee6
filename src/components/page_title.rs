use leptos::prelude::*;
use leptos_meta::Title;

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
    let title = move || {
        let prefix = if has_error.get() {
            m.error_title_prefix
        } else {
            ""
        };
        format!("{prefix}{text}")
    };
    view! { <Title text=title/> }
}
