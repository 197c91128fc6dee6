//! The end of a referral on a shared device: the reference, the ways to take a copy, the
//! answers, and the hand-back.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{
    HandBack, NotFound, PageHeading, PageTitle, ReferralSendStatus, ReferralSummary, TakeAway,
};
use crate::domain::referral::{reference, Baseline, Referral};
use crate::domain::take_away::Carried;
use crate::i18n::use_messages;
use crate::state::{use_config, use_records, Records};

/// What the person takes away: the referral, and its first check-in when they did one.
fn carried(records: Records, referral: Referral) -> Carried {
    let checkins = match &referral.baseline {
        Baseline::Done { checkin_id } => records.checkin(checkin_id).into_iter().collect(),
        _ => vec![],
    };
    Carried {
        referral: Some(referral),
        checkins,
    }
}

/// "Your request for support is ready": take your copy (QR code, print, send), your answers,
/// then finish and clear, or give the device back.
#[component]
pub fn HandBackPage() -> impl IntoView {
    let params = use_params_map();
    let records = use_records();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let Some(referral) = records.referral(&id) else {
            return view! { <NotFound/> }.into_any();
        };
        let m = use_messages();
        let config = use_config().get();
        let carried = untrack(|| carried(records, referral.clone()));
        view! {
            <PageTitle text=m.modes.done_title/>
            <div class="f-panel f-panel--confirmation">
                <PageHeading text=m.modes.done_title class="f-panel__title"/>
                <div class="f-panel__body">
                    {m.referral.your_reference}<br/><strong class="f-reference" dir="ltr">{reference(&referral.id)}</strong>
                </div>
            </div>
            // Where the person's own request stands, if the service receives them: theirs to
            // see before they go; the outbox as a whole is never listed on a shared screen.
            <ReferralSendStatus referral_id=referral.id.clone()/>
            <p>{m.modes.done_body}</p>
            <TakeAway carried/>
            <h2 class="f-heading-m">{m.referral.view_title}</h2>
            <dl class="f-summary-list">
                <ReferralSummary referral config/>
            </dl>
            <HandBack/>
        }
        .into_any()
    }
}
