//! Care cards (NHS.UK pattern): the kind, non-urgent one beside a result, and the crisis
//! routes of the urgent one.

use leptos::prelude::*;

use crate::config::{ContactKind, CrisisContact, ServiceContact};
use crate::domain::progress::CareReason;
use crate::i18n::{fill, use_messages};
use crate::router::A;
use crate::routes::Route;
use crate::state::use_config;

/// How to reach the service for a non-urgent talk: its phone and email as links, or, when
/// the service has not given a contact, who else to talk to.
#[component]
pub fn ServiceContactLinks() -> impl IntoView {
    let m = use_messages();
    let (service, contact) = use_config().with(|c| {
        (
            c.service_name.get(m.language).to_owned(),
            Some(c.service_contact.clone()),
        )
    });
    let Some(contact) = contact.filter(ServiceContact::reachable) else {
        return view! { <p>{m.talk_to_someone}</p> }.into_any();
    };
    let phone = contact.phone.clone().map(|number| {
        let shown = contact.phone_display.clone().unwrap_or_else(|| number.clone());
        view! {
            <li><a class="f-link-strong" href=format!("tel:{number}")>{call(m.call, &shown)}</a></li>
        }
    });
    let email = contact.email.clone().map(|address| {
        view! {
            <li><a class="f-link-strong" href=format!("mailto:{address}")>{call(m.email, &address)}</a></li>
        }
    });
    view! {
        <p>{fill(m.talk_to_service, &[("service", &service)])}</p>
        <ul class="f-list">{phone}{email}</ul>
        {contact.hours.map(|h| view! { <p class="f-hint">{h.get(m.language).to_owned()}</p> })}
    }
    .into_any()
}

/// An action with a number or address in it ("Call 116 123"), the number kept left to right
/// inside right-to-left words.
fn call(template: &'static str, number: &str) -> impl IntoView {
    let (before, after) = template
        .split_once("{phone}")
        .or_else(|| template.split_once("{email}"))
        .or_else(|| template.split_once("{number}"))
        .unwrap_or((template, ""));
    view! { {before}<bdi dir="ltr">{number.to_owned()}</bdi>{after} }
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
            CareReason::Lonely => m.care_lonely.to_string(),
            CareReason::Anxious => m.care_anxious.to_string(),
            CareReason::LowSatisfaction => m.care_low_satisfaction.to_string(),
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

/// What a crisis route's button says: an action, "Call 999" or "Text SHOUT to 85258", the
/// number and the words to send kept left to right in right-to-left text.
fn crisis_action(c: &CrisisContact) -> AnyView {
    let m = use_messages();
    let (template, values) = match (&c.kind, &c.body) {
        (ContactKind::Phone, _) => (m.call, vec![("phone", c.display.clone())]),
        (ContactKind::Text, Some(body)) => (
            m.text_words_to,
            vec![("body", body.clone()), ("number", c.display.clone())],
        ),
        (ContactKind::Text, None) => (m.text_number, vec![("number", c.display.clone())]),
    };
    // The template's words around each {placeholder}, with the value between, in the order
    // the language puts them.
    let mut rest = template;
    let mut pieces = Vec::new();
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let key = &rest[start + 1..start + len];
        let value = values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        pieces.push(view! { {&rest[..start]}<bdi dir="ltr">{value}</bdi> }.into_any());
        rest = &rest[start + len + 1..];
    }
    view! { {pieces}{rest} }.into_any()
}

/// The service's crisis routes, each a big call or text button that says what it does.
#[component]
pub fn CrisisContacts() -> impl IntoView {
    let m = use_messages();
    let contacts = use_config().with(|c| c.crisis_contacts.clone());
    view! {
        <ul class="f-contact-list">
            {contacts.into_iter().map(|c| view! {
                <li class="f-contact-list__item">
                    <h2 class="f-heading-s">{c.name.get(m.language).to_owned()}</h2>
                    <p>{c.description.get(m.language).to_owned()}</p>
                    <a class="f-button f-button--contact" href=c.href()>{crisis_action(&c)}</a>
                </li>
            }).collect_view()}
        </ul>
    }
}
