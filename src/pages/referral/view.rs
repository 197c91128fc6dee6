use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::summary::ReferralSummary;
use crate::browser;
use crate::components::PageTitle;
use crate::domain::referral::{reference, ReferralExport};
use crate::i18n::{fill, use_messages};
use crate::pages::NotFoundPage;
use crate::state::use_app;

/// A finished referral to read, print or download.
#[component]
pub fn ReferralViewPage() -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let r = &m.referral;
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let Some(referral) = app.finished_referral(&id) else {
            return view! { <NotFoundPage/> }.into_any();
        };
        let date = referral
            .submitted_at
            .map(|d| m.date(d.with_timezone(&chrono::Local).date_naive()))
            .unwrap_or_default();
        let config = app.config.get_value();
        let export = ReferralExport::new(&referral);
        let filename = format!("flourish-referral-{}.json", export.reference);
        let download = move |_| {
            let text = serde_json::to_string_pretty(&export).unwrap_or_default();
            if let Err(e) = browser::download(&filename, "application/json", &text) {
                leptos::logging::warn!("download failed: {e}");
            }
        };
        view! {
            <PageTitle text=r.view_title/>
            <span class="f-caption">{config.service_name.clone()}</span>
            <h1 class="f-heading-l" tabindex="-1">{r.view_title}</h1>
            <p>{fill(r.made_on, &[("date", &date)])}". "{r.your_reference}" "<strong class="f-reference">{reference(&id)}</strong></p>
            <div class="f-button-group f-no-print">
                <button type="button" class="f-button f-button--secondary" on:click=|_| browser::print()>{r.print}</button>
                <button type="button" class="f-button f-button--secondary" on:click=download>{r.download}</button>
            </div>
            <dl class="f-summary-list">
                <ReferralSummary referral config/>
            </dl>
            <p class="f-no-print"><A href="/">{m.go_home}</A></p>
        }
        .into_any()
    }
}
