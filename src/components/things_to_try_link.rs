//! The way to "Things to try near you" from other pages: nothing at all when the service has
//! no directory.

use leptos::prelude::*;

use crate::i18n::use_messages;
use crate::router::A;
use crate::routes::Route;
use crate::state::use_things_to_try;

/// A link to "Things to try near you", shown only when the service has a directory.
#[component]
pub fn ThingsToTryLink(
    /// Words before the link, e.g. "Looking for ideas?"; none by default.
    #[prop(optional)]
    lead: Option<&'static str>,
) -> impl IntoView {
    let m = use_messages();
    use_things_to_try().configured().then(|| {
        view! {
            <p class="f-things-link">
                {lead.map(|l| format!("{l} "))}
                <A href=Route::ThingsToTry.href()>{m.directory.title}</A>
            </p>
        }
    })
}
