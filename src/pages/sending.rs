//! What waits to be sent to the service: each thing the person chose to send and where it
//! stands, with "Try again" and "Download instead" for anything refused.

use leptos::prelude::*;

use crate::components::{NotFound, PageHeading, PageTitle, SendStatus};
use crate::domain::sending::{carries, Carries};
use crate::i18n::{fill, use_messages};
use crate::router::A;
use crate::routes::Route;
use crate::state::use_sending;

/// Everything still on the device that the person chose to send. Not on a device that does
/// not show its queue (a kiosk), and not when the service receives nothing.
#[component]
pub fn SendingPage() -> impl IntoView {
    let m = use_messages();
    let Some(queue) = use_sending().filter(|q| q.queue().is_some()) else {
        return view! { <NotFound/> }.into_any();
    };
    let title = fill(m.send.list_title, &[("service", &queue.service())]);
    let list = move || {
        let entries = queue.entries();
        if entries.is_empty() {
            return view! { <p>{m.send.list_none}</p> }.into_any();
        }
        entries
            .iter()
            .map(|e| {
                let (heading, record_id, href) = match carries(e) {
                    Carries::Referral { id, reference } => (
                        fill(m.send.list_referral, &[("reference", &reference)]),
                        id.clone(),
                        Route::ReferralView(&id).href(),
                    ),
                    Carries::CheckIns {
                        count,
                        id,
                        finished_at,
                    } => {
                        let date = m.date(finished_at.with_timezone(&chrono::Local).date_naive());
                        (
                            fill(
                                &m.count(&m.send.list_checkins, count as u64),
                                &[("date", &date)],
                            ),
                            id.clone(),
                            Route::CheckInResult(&id).href(),
                        )
                    }
                };
                view! {
                    <h2 class="f-heading-m"><A href=href>{heading}</A></h2>
                    <SendStatus queue record_id/>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <PageTitle text=title.clone()/>
        <PageHeading text=title/>
        <p>{fill(m.send.list_intro, &[("service", &queue.service())])}</p>
        {list}
        <p><A href=Route::Home.href()>{m.go_home}</A></p>
    }
    .into_any()
}
