use leptos::prelude::*;

use crate::i18n::use_messages;
use crate::router::A;

/// The "Back" link above a question, to the previous step of the journey.
#[component]
pub fn BackLink(#[prop(into)] href: String) -> impl IntoView {
    view! { <A href=href class="f-back-link">{use_messages().back}</A> }
}
