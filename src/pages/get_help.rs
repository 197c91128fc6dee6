use leptos::prelude::*;

use crate::components::PageTitle;
use crate::i18n::use_messages;
use crate::state::use_app;

/// Urgent help: the crisis routes as call and text links, one tap from every screen.
#[component]
pub fn GetHelpPage() -> impl IntoView {
    let m = use_messages();
    view! {
        <PageTitle text=m.help_title/>
        <h1 class="f-heading-l" tabindex="-1">{m.help_title}</h1>
        <div class="f-care-card f-care-card--urgent">
            <p class="f-care-card__lead">{m.help_intro}</p>
            <CrisisContacts/>
        </div>
        <p>{m.help_not_monitored}</p>
    }
}

/// The service's crisis routes, each a big call or text button.
#[component]
pub fn CrisisContacts() -> impl IntoView {
    let contacts = use_app().config.with_value(|c| c.crisis_contacts.clone());
    view! {
        <ul class="f-contact-list">
            {contacts.into_iter().map(|c| view! {
                <li class="f-contact-list__item">
                    <h2 class="f-heading-s">{c.name.clone()}</h2>
                    <p>{c.description.clone()}</p>
                    <a class="f-button f-button--contact" href=c.href()>{c.display.clone()}</a>
                </li>
            }).collect_view()}
        </ul>
    }
}
