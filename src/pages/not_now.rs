use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{PageTitle, ServiceContactLinks};
use crate::domain::schedule::DeferralKind;
use crate::i18n::{fill, use_messages};
use crate::state::use_app;

/// After "Not now, things are hard": kind words, the service's contact and the crisis page,
/// and when we will ask again. Nothing is recorded against the person.
#[component]
pub fn NotNowPage() -> impl IntoView {
    let m = use_messages();
    let until = use_app()
        .deferral
        .get_untracked()
        .filter(|d| d.kind == DeferralKind::NotNow)
        .map(|d| m.date(d.until));
    view! {
        <PageTitle text=m.not_now_title/>
        <h1 class="f-heading-l" tabindex="-1">{m.not_now_title}</h1>
        {until.map(|date| view! { <p class="f-body-l">{fill(m.not_now_body, &[("date", &date)])}</p> })}
        <p>{m.nothing_recorded}</p>
        <div class="f-care-card f-care-card--non-urgent">
            <ServiceContactLinks/>
            <p>{m.if_you_need_help_now}" "<A href="/get-help">{m.get_help_now}</A></p>
        </div>
        <p><A href="/">{m.go_home}</A></p>
    }
}
