use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::step_path;
use crate::components::{BackLink, PageTitle};
use crate::domain::referral::Step;
use crate::i18n::use_messages;
use crate::state::use_app;

/// "Do you want to start again?": deleting answers needs a clear yes.
#[component]
pub fn ReferralStartAgainPage() -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let r = &m.referral;
    let navigate = use_navigate();
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app.discard_referral() {
            Ok(()) => navigate(&step_path(Step::Start, false), Default::default()),
            Err(e) => leptos::logging::warn!("could not delete the referral: {e}"),
        }
    };
    view! {
        <PageTitle text=r.start_again_title/>
        <BackLink href=step_path(Step::Check, false)/>
        <h1 class="f-heading-l" tabindex="-1">{r.start_again_title}</h1>
        <p>{r.start_again_body}</p>
        <form class="f-form" novalidate on:submit=confirm>
            <div class="f-button-group">
                <button type="submit" class="f-button f-button--warning">{r.start_again_confirm}</button>
                <A href=step_path(Step::Check, false)>{r.start_again_cancel}</A>
            </div>
        </form>
    }
}
