//! A finished referral: the confirmation straight after saving it, and the copy to read,
//! print or download at any time after.

use leptos::prelude::*;

use crate::browser;
use crate::components::{
    finished_referral, DownloadButton, PageHeading, PageTitle, ReferenceConfirmation, ReferralNext,
    ReferralSendStatus, ReferralSummary, ServiceContactLinks, ThingsToTryLink,
};
use crate::domain::referral::reference;
use crate::i18n::{fill, use_messages};
use crate::router::A;
use crate::routes::Route;
use crate::state::{use_config, use_records};

/// Confirmation: the reference, and what happens next, said honestly.
#[component]
pub fn ReferralDonePage() -> impl IntoView {
    finished_referral(|referral| {
        let m = use_messages();
        view! {
            <ReferenceConfirmation title=m.referral.done_title referral_id=referral.id.clone()/>
            <h2 class="f-heading-m">{m.referral.next_title}</h2>
            <ReferralNext referral_id=referral.id.clone()/>
            <ServiceContactLinks/>
            <ThingsToTryLink/>
            <p><A href=Route::ReferralView(&referral.id).href() class="f-button">{m.referral.view_referral}</A></p>
            <p><A href=Route::Home.href()>{m.go_home}</A></p>
        }
        .into_any()
    })
}

/// A finished referral to read, print or download.
#[component]
pub fn ReferralViewPage() -> impl IntoView {
    finished_referral(|referral| {
        let m = use_messages();
        let records = use_records();
        let config = use_config().get();
        let date = referral
            .submitted_at
            .map(|d| m.date(d.with_timezone(&chrono::Local).date_naive()))
            .unwrap_or_default();
        let id = referral.id.clone();
        let kept = referral.clone();
        view! {
            <PageTitle text=m.referral.view_title/>
            <PageHeading text=m.referral.view_title caption=config.service_name.get(m.language).to_owned()/>
            <p>{fill(m.referral.made_on, &[("date", &date)])}". "{m.referral.your_reference}" "<strong class="f-reference" dir="ltr">{reference(&id)}</strong></p>
            <ReferralSendStatus referral_id=id.clone()/>
            <div class="f-button-group f-no-print">
                <button type="button" class="f-button f-button--secondary" on:click=|_| browser::print()>{m.referral.print}</button>
                <DownloadButton label=m.referral.download
                    download=Callback::new(move |()| records.download_referral(&kept))/>
            </div>
            <dl class="f-summary-list">
                <ReferralSummary referral config/>
            </dl>
            <p class="f-no-print"><A href=Route::Home.href()>{m.go_home}</A></p>
        }
        .into_any()
    })
}
