//! What a shared device shows where a person's own device would show what it keeps.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{PageHeading, PageTitle};
use crate::i18n::use_messages;
use crate::routes::Route;

/// "This is not kept on this device": past check-ins, progress, referrals and the data page
/// on a kiosk or a volunteer's shared device, which keep nothing of anyone.
#[component]
pub fn NotOnDevicePage() -> impl IntoView {
    let m = use_messages();
    view! {
        <PageTitle text=m.modes.not_here_title/>
        <PageHeading text=m.modes.not_here_title/>
        <p>{m.modes.not_here_body}</p>
        <p><A href=Route::Home.href()>{m.go_home}</A></p>
    }
}
