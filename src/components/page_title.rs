use leptos::prelude::*;

use crate::browser;
use crate::i18n::use_messages;
use crate::router::after_history_written;

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
    // Gone with the page: a page left before its title was set (a redirect) names nothing.
    let here = StoredValue::new(());
    // Set directly rather than through leptos_meta, whose title stack the app does not need.
    Effect::new(move |_| {
        let prefix = if has_error.get() {
            m.error_title_prefix
        } else {
            ""
        };
        let title = format!("{prefix}{text} – {}", m.app_name);
        // Once the page's address is in the history, which the browser names by the title it
        // has then: set earlier, the page before would take this page's name in the list
        // that holding Back shows. The tap does not wait for it either (1.5-3 ms at 4x CPU).
        after_history_written(move || {
            if here.try_get_value().is_some() {
                browser::set_title(&title);
            }
        });
    });
}
