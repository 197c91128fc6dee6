//! Bringing answers taken from a shared screen into this phone: the address's fragment is
//! read, shown in full, and kept only once the person says yes.

use leptos::prelude::*;

use crate::browser;
use crate::components::{PageHeading, PageTitle, ReferralSummary, ResultLines, VolunteerNote};
use crate::domain::export::ImportSummary;
use crate::domain::referral::reference;
use crate::domain::take_away::{as_export, Carried, CarryError};
use crate::error::AppError;
use crate::i18n::{fill, use_messages, Messages};
use crate::router::{use_navigate, NavigateOptions, A};
use crate::routes::Route;
use crate::state::{use_config, use_mode, use_records};
use crate::take_away;

/// The reason a code could not be read, in words.
fn cannot_read(m: &Messages, e: &CarryError) -> &'static str {
    match e {
        CarryError::NotOurs => m.modes.carry_not_ours,
        CarryError::Newer(_) => m.modes.carry_newer,
        CarryError::Damaged(_) => m.modes.carry_damaged,
        CarryError::CannotUncompress => m.modes.carry_old_browser,
    }
}

/// What the code holds, and "Keep these answers on this phone?". Never keeps anything
/// unasked; on a shared device, keeps nothing at all.
#[component]
pub fn TakePage() -> impl IntoView {
    let m = use_messages();
    if !use_mode().setup_untracked().keeps_on_device() {
        return view! {
            <PageTitle text=m.modes.take_in_shared_title/>
            <PageHeading text=m.modes.take_in_shared_title/>
            <p>{m.modes.take_in_shared_body}</p>
            <p><A href=Route::Home.href()>{m.go_home}</A></p>
        }
        .into_any();
    }
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let read = RwSignal::new(None::<Result<Carried, CarryError>>);
    leptos::task::spawn_local(async move {
        let carried = take_away::read(&fragment).await;
        read.try_set(Some(carried));
    });
    let done = RwSignal::new(None::<Result<ImportSummary, AppError>>);
    (move || match (read.get(), done.get()) {
        (None, _) => view! { <PageHeading text=m.modes.take_in_reading/> }.into_any(),
        (Some(Err(e)), _) => view! {
            <PageTitle text=m.modes.take_in_failed_title/>
            <PageHeading text=m.modes.take_in_failed_title/>
            <p>{cannot_read(m, &e)}</p>
            <p>{m.modes.take_in_failed_next}</p>
            <p><A href=Route::Home.href()>{m.go_home}</A></p>
        }
        .into_any(),
        (Some(Ok(carried)), None) => view! { <Offer carried done/> }.into_any(),
        (Some(Ok(carried)), Some(result)) => view! { <Kept carried result/> }.into_any(),
    })
    .into_any()
}

/// Everything the code holds, then the choice.
#[component]
fn Offer(
    carried: Carried,
    done: RwSignal<Option<Result<ImportSummary, AppError>>>,
) -> impl IntoView {
    let m = use_messages();
    let records = use_records();
    let config = use_config().get();
    let navigate = use_navigate();
    let replace = || NavigateOptions {
        replace: true,
        ..Default::default()
    };
    let keep = {
        let carried = carried.clone();
        let navigate = navigate.clone();
        move |_| {
            let result = as_export(&carried, browser::now())
                .to_json()
                .map_err(|e| AppError::from(crate::storage::StorageError::Encode(e.to_string())))
                .and_then(|text| records.import(&text));
            done.set(Some(result));
            // The answers leave the address, so a reload or a shared link carries nothing.
            navigate(&Route::Take.href(), replace());
        }
    };
    let no = move |_| navigate(&Route::Home.href(), replace());
    let referral = carried.referral.clone().map(|r| {
        let date = r
            .submitted_at
            .map(|d| m.date(d.with_timezone(&chrono::Local).date_naive()))
            .unwrap_or_default();
        view! {
            <h2 class="f-heading-m">{m.referral.view_title}</h2>
            <p>{fill(m.referral.made_on, &[("date", &date)])}". "{m.referral.your_reference}" "
                <strong class="f-reference" dir="ltr">{reference(&r.id)}</strong></p>
            <dl class="f-summary-list">
                <ReferralSummary referral=r config=config.clone()/>
            </dl>
        }
    });
    let checkins = carried
        .checkins
        .iter()
        .map(|c| {
            let date = m.date(c.finished_at.with_timezone(&chrono::Local).date_naive());
            view! {
                <h2 class="f-heading-m">{fill(m.checked_in_on, &[("date", &date)])}</h2>
                <ResultLines checkin=c.clone()/>
                <VolunteerNote shown=c.with_volunteer/>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=m.modes.take_in_title/>
        <PageHeading text=m.modes.take_in_title/>
        <p>{m.modes.take_in_intro}</p>
        {referral}
        {checkins}
        <div class="f-button-group">
            <button type="button" class="f-button" id="keep-on-phone" on:click=keep>{m.modes.take_in_yes}</button>
            <button type="button" class="f-button f-button--secondary" on:click=no>{m.modes.take_in_no}</button>
        </div>
    }
}

/// After "yes": what is now on this phone, or why it could not be kept.
#[component]
fn Kept(carried: Carried, result: Result<ImportSummary, AppError>) -> impl IntoView {
    let m = use_messages();
    match result {
        Err(e) => view! {
            <PageTitle text=m.modes.take_in_failed_title/>
            <PageHeading text=m.modes.take_in_failed_title/>
            <p role="alert">{fill(m.modes.take_in_not_kept, &[("why", &m.explain(&e))])}</p>
            <p><A href=Route::Home.href()>{m.go_home}</A></p>
        }
        .into_any(),
        Ok(summary) => {
            let words = if summary.changed_anything() {
                m.modes.take_in_kept
            } else {
                m.modes.take_in_already
            };
            let referral = carried.referral.map(|r| view! {
                <p><A href=Route::ReferralView(&r.id).href() class="f-button">{m.referral.view_referral}</A></p>
            });
            let checkin = carried.checkins.first().map(|c| {
                view! {
                    <p><A href=Route::CheckInResult(&c.id).href()>{m.view_last_result}</A></p>
                }
            });
            view! {
                <PageTitle text=words/>
                <div class="f-panel f-panel--confirmation">
                    <PageHeading text=words class="f-panel__title"/>
                </div>
                {referral}
                {checkin}
                <p><A href=Route::Home.href()>{m.go_home}</A></p>
            }
            .into_any()
        }
    }
}
