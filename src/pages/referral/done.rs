use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::{PageTitle, ServiceContactLinks};
use crate::domain::referral::reference;
use crate::i18n::use_messages;
use crate::pages::NotFoundPage;
use crate::state::use_app;

/// Confirmation: the reference, and what happens next, said honestly.
#[component]
pub fn ReferralDonePage() -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let r = &m.referral;
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        if app.finished_referral(&id).is_none() {
            return view! { <NotFoundPage/> }.into_any();
        }
        view! {
            <PageTitle text=r.done_title/>
            <div class="f-panel f-panel--confirmation">
                <h1 class="f-panel__title" tabindex="-1">{r.done_title}</h1>
                <div class="f-panel__body">{r.your_reference}<br/><strong class="f-reference">{reference(&id)}</strong></div>
            </div>
            <h2 class="f-heading-m">{r.next_title}</h2>
            <p>{r.next_body}</p>
            <ServiceContactLinks/>
            <p><A href=format!("/referrals/{id}") attr:class="f-button">{r.view_referral}</A></p>
            <p><A href="/">{m.go_home}</A></p>
        }
        .into_any()
    }
}
