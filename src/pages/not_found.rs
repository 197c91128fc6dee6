use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;
use crate::i18n::use_messages;

/// Shown for an address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let m = use_messages();
    view! {
        <PageTitle text=m.not_found_title/>
        <h1 class="f-heading-l" tabindex="-1">{m.not_found_title}</h1>
        <p>{m.not_found_body}</p>
        <p><A href="/">{m.go_home}</A></p>
    }
}
