//! The end of a referral on a shared device: the reference, the ways to take a copy, the
//! answers, and the hand-back.

use leptos::prelude::*;

use crate::components::{
    finished_referral, HandBack, ReferenceConfirmation, ReferralSendStatus, ReferralSummary,
    TakeAway,
};
use crate::domain::referral::{Baseline, Referral};
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
    finished_referral(|referral| {
        let m = use_messages();
        let config = use_config().get();
        let carried = untrack(|| carried(use_records(), referral.clone()));
        view! {
            <ReferenceConfirmation title=m.modes.done_title referral_id=referral.id.clone()/>
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
    })
}
