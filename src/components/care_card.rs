use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::progress::CareReason;
use crate::i18n::{fill, use_messages};
use crate::routes::Route;
use crate::state::use_config;

/// How to reach the service for a non-urgent talk: its phone and email as links, or, when
/// the service has not given a contact, who else to talk to.
#[component]
pub fn ServiceContactLinks() -> impl IntoView {
    let m = use_messages();
    let (service, contact) =
        use_config().with(|c| (c.service_name.clone(), Some(c.service_contact.clone())));
    let Some(contact) = contact.filter(|c| c.phone.is_some() || c.email.is_some()) else {
        return view! { <p>{m.talk_to_someone}</p> }.into_any();
    };
    let phone = contact.phone.clone().map(|number| {
        let shown = contact.phone_display.clone().unwrap_or_else(|| number.clone());
        view! {
            <li><a class="f-link-strong" href=format!("tel:{number}")>{fill(m.call, &[("phone", &shown)])}</a></li>
        }
    });
    let email = contact.email.clone().map(|address| {
        view! {
            <li><a class="f-link-strong" href=format!("mailto:{address}")>{fill(m.email, &[("email", &address)])}</a></li>
        }
    });
    view! {
        <p>{fill(m.talk_to_service, &[("service", &service)])}</p>
        <ul class="f-list">{phone}{email}</ul>
        {contact.hours.map(|h| view! { <p class="f-hint">{h}</p> })}
    }
    .into_any()
}

/// A kind, non-urgent care card (NHS.UK pattern): why it shows, who to talk to, and the
/// crisis page one tap away. Never alarming.
#[component]
pub fn CareCardView(
    /// Why it shows; languishing first.
    reasons: Vec<CareReason>,
) -> impl IntoView {
    let m = use_messages();
    let why = reasons
        .into_iter()
        .map(|r| match r {
            CareReason::Languishing => m.care_languishing.to_string(),
            CareReason::Drop { from, to } => fill(
                m.care_drop,
                &[("from", &from.to_string()), ("to", &to.to_string())],
            ),
        })
        .map(|text| view! { <p>{text}</p> })
        .collect_view();
    view! {
        <section class="f-care-card f-care-card--non-urgent" aria-labelledby="care-card-title">
            <h2 class="f-care-card__title" id="care-card-title">{m.care_title}</h2>
            {why}
            <p>{m.care_body}</p>
            <ServiceContactLinks/>
            <HelpNowLink/>
        </section>
    }
}

/// "If you need help now:" and the link to the crisis routes.
#[component]
pub fn HelpNowLink() -> impl IntoView {
    let m = use_messages();
    view! { <p>{m.if_you_need_help_now}" "<A href=Route::GetHelp.href()>{m.get_help_now}</A></p> }
}

/// The service's crisis routes, each a big call or text button.
#[component]
pub fn CrisisContacts() -> impl IntoView {
    let contacts = use_config().with(|c| c.crisis_contacts.clone());
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
