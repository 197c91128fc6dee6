use leptos::prelude::*;

use crate::components::{HelpNowLink, PageHeading, PageTitle, ServiceContactLinks};
use crate::domain::schedule::DeferralKind;
use crate::i18n::{fill, use_messages};
use crate::router::A;
use crate::routes::Route;
use crate::state::use_records;

/// After "Not now, things are hard": kind words, the service's contact and the crisis page,
/// and when we will ask again. Nothing is recorded against the person.
#[component]
pub fn NotNowPage() -> impl IntoView {
    let m = use_messages();
    let until = use_records()
        .deferral()
        .get_untracked()
        .filter(|d| d.kind == DeferralKind::NotNow)
        .map(|d| m.date(d.until));
    view! {
        <PageTitle text=m.not_now_title/>
        <PageHeading text=m.not_now_title/>
        {until.map(|date| view! { <p class="f-body-l">{fill(m.not_now_body, &[("date", &date)])}</p> })}
        <p>{m.nothing_recorded}</p>
        <div class="f-care-card f-care-card--non-urgent">
            <ServiceContactLinks/>
            <HelpNowLink/>
        </div>
        <p><A href=Route::Home.href()>{m.go_home}</A></p>
    }
}
