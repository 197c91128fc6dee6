use leptos::prelude::*;

use crate::components::{CrisisContacts, PageHeading, PageTitle};
use crate::i18n::use_messages;

/// Urgent help: the crisis routes as call and text links, one tap from every screen.
#[component]
pub fn GetHelpPage() -> impl IntoView {
    let m = use_messages();
    view! {
        <PageTitle text=m.help_title/>
        <PageHeading text=m.help_title/>
        <div class="f-care-card f-care-card--urgent">
            <p class="f-care-card__lead">{m.help_intro}</p>
            <CrisisContacts/>
        </div>
        <p>{m.help_not_monitored}</p>
    }
}
