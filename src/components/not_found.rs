//! What shows for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use super::heading::PageHeading;
use super::page_title::PageTitle;
use crate::i18n::use_messages;
use crate::routes::Route;

/// "Page not found": for an unknown address, and for one whose record or question does not
/// exist.
#[component]
pub fn NotFound() -> impl IntoView {
    let m = use_messages();
    view! {
        <PageTitle text=m.not_found_title/>
        <PageHeading text=m.not_found_title/>
        <p>{m.not_found_body}</p>
        <p><A href=Route::Home.href()>{m.go_home}</A></p>
    }
}
