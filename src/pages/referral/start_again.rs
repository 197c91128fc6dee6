use leptos::prelude::*;

use crate::components::{BackLink, ConfirmForm, PageHeading, PageTitle};
use crate::domain::referral::Step;
use crate::i18n::{fill, use_messages};
use crate::router::use_navigate;
use crate::routes::Route;
use crate::state::use_referral;

/// "Do you want to start again?": deleting answers needs a clear yes.
#[component]
pub fn ReferralStartAgainPage() -> impl IntoView {
    let referral = use_referral();
    let m = use_messages();
    let navigate = use_navigate();
    let confirm = Callback::new(move |()| match referral.discard() {
        Ok(()) => {
            navigate(&Route::Referral(Step::Start).href(), Default::default());
            None
        }
        Err(e) => Some(fill(m.referral.not_discarded, &[("why", &m.explain(&e))])),
    });
    let check = Route::Referral(Step::Check).href();
    view! {
        <PageTitle text=m.referral.start_again_title/>
        <BackLink href=check.clone()/>
        <PageHeading text=m.referral.start_again_title/>
        <p>{m.referral.start_again_body}</p>
        <ConfirmForm confirm=m.referral.start_again_confirm cancel=m.referral.start_again_cancel
            cancel_href=check on_confirm=confirm/>
    }
}
