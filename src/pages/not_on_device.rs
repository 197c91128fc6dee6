//! What a shared device shows where a person's own device would show what it keeps.

use leptos::prelude::*;

use crate::components::DeadEnd;
use crate::i18n::use_messages;

/// "This is not kept on this device": past check-ins, progress, referrals and the data page
/// on a kiosk or a volunteer's shared device, which keep nothing of anyone.
#[component]
pub fn NotOnDevicePage() -> impl IntoView {
    let m = use_messages();
    view! { <DeadEnd title=m.modes.not_here_title body=m.modes.not_here_body/> }
}
