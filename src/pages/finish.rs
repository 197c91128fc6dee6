//! "Finish and clear" on a shared device: a last check before everything the person entered
//! is deleted.

use leptos::prelude::*;

use crate::components::{NotFound, PageHeading, PageTitle};
use crate::domain::mode::Setup;
use crate::i18n::use_messages;
use crate::reset::{use_start_fresh, After};
use crate::routes::use_stop_helping;
use crate::state::use_mode;

/// Finish and clear the screen (a kiosk), start fresh for the next person, or stop helping
/// (a volunteer's shared device); "No" goes back to where the person was.
#[component]
pub fn FinishPage() -> impl IntoView {
    let m = use_messages();
    let setup = use_mode().setup_untracked();
    let stop = use_stop_helping().get_untracked();
    if setup.keeps_on_device() {
        return view! { <NotFound/> }.into_any();
    }
    let start_fresh = use_start_fresh();
    let (title, button) = match (setup, stop) {
        (Setup::Kiosk, _) => (m.modes.finish_title, m.modes.finish_confirm),
        (_, true) => (m.modes.stop_title, m.modes.stop_confirm),
        (_, false) => (m.modes.start_fresh_title, m.modes.finish_confirm),
    };
    let after = if stop {
        After::StopHelping
    } else {
        After::NextPerson
    };
    let go_back = |_| {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.back();
        }
    };
    view! {
        <PageTitle text=title/>
        <PageHeading text=title/>
        <p>{m.modes.finish_body}</p>
        <p class="f-inset f-inset--warning">{m.modes.finish_copy_first}</p>
        <div class="f-button-group">
            <button type="button" class="f-button f-button--warning" id="clear-everything"
                on:click=move |_| start_fresh(after)>{button}</button>
            <button type="button" class="f-button f-button--secondary" on:click=go_back>
                {m.modes.finish_cancel}
            </button>
        </div>
    }
    .into_any()
}
