use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::{BackLink, FailureAlert, PageHeading, PageTitle};
use crate::domain::referral::Step;
use crate::i18n::{fill, use_messages};
use crate::routes::Route;
use crate::state::use_referral;

/// "Do you want to start again?": deleting answers needs a clear yes.
#[component]
pub fn ReferralStartAgainPage() -> impl IntoView {
    let referral = use_referral();
    let m = use_messages();
    let navigate = use_navigate();
    let failed = RwSignal::new(None::<String>);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match referral.discard() {
            Ok(()) => navigate(&Route::Referral(Step::Start).href(), Default::default()),
            Err(e) => failed.set(Some(fill(
                m.referral.not_discarded,
                &[("why", &m.explain(&e))],
            ))),
        }
    };
    let check = Route::Referral(Step::Check).href();
    view! {
        <PageTitle text=m.referral.start_again_title/>
        <BackLink href=check.clone()/>
        <PageHeading text=m.referral.start_again_title/>
        <p>{m.referral.start_again_body}</p>
        <FailureAlert message=failed/>
        <form class="f-form" novalidate on:submit=confirm>
            <div class="f-button-group">
                <button type="submit" class="f-button f-button--warning">{m.referral.start_again_confirm}</button>
                <A href=check>{m.referral.start_again_cancel}</A>
            </div>
        </form>
    }
}
