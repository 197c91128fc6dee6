//! Asking, before anything leaves the device, whether to send a finished request for support
//! to the service: exactly what goes, to whom, what happens next, and whether check-ins go
//! too. "Send" or "Keep it on this device only"; nothing is sent without that choice.

use leptos::prelude::*;

use crate::components::{
    Answer, ChoiceItem, Choices, FieldError, NotFound, PageHeading, PageTitle, QuestionForm,
    ReferralSendStatus,
};
use crate::domain::consent::{disclosed, Disclosed};
use crate::domain::outbox::RecordStatus;
use crate::domain::referral::{Baseline, Referral};
use crate::i18n::{fill, use_messages, Messages};
use crate::router::{use_navigate, NavigateOptions, A};
use crate::routes::{use_record_id, Route};
use crate::state::{use_records, use_sending, use_sharing, SendQueue};

/// The page for the finished request named by the address; "page not found" when there is
/// none, or when the service receives nothing.
#[component]
pub fn ReferralSendPage() -> impl IntoView {
    let id = use_record_id();
    let records = use_records();
    move || {
        let id = id.get();
        let referral = untrack(|| records.referral(&id));
        match (referral, use_sending()) {
            (Some(referral), Some(queue)) => view! { <SendForm referral queue/> }.into_any(),
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

/// One line of what will be sent, in words.
fn line(m: &Messages, d: Disclosed) -> String {
    let value = |t: &str, v: &str| fill(t, &[("value", v)]);
    match d {
        Disclosed::Name(v) => value(m.send.name, &v),
        Disclosed::Contact { method, detail } => {
            let v = detail.map_or(method.clone(), |d| format!("{method}, {d}"));
            value(m.send.contact, &v)
        }
        Disclosed::BestTimes(v) => value(m.send.best_times, &v),
        Disclosed::AgeBand(v) => value(m.send.age_band, &v),
        Disclosed::PostcodeDistrict(v) => value(m.send.postcode, &v),
        Disclosed::Language(v) => value(m.send.language, &v),
        Disclosed::AccessNeeds(v) => value(m.send.access, &v),
        Disclosed::Safety(yes) => value(
            m.send.safety,
            if yes { m.referral.yes } else { m.referral.no },
        ),
        Disclosed::Answers => m.send.answers.into(),
        Disclosed::Goals(n) => m.count(&m.send.goals, n as u64),
        Disclosed::CheckIns { count, answers } => fill(
            &m.count(&m.send.checkins, count as u64),
            &[("answers", &answers.to_string())],
        ),
        Disclosed::Assisted => m.send.assisted.into(),
        Disclosed::Reference(Some(r)) => fill(m.send.reference, &[("reference", &r)]),
        Disclosed::Reference(None) => m.send.made.into(),
    }
}

/// The question itself.
#[component]
fn SendForm(referral: Referral, queue: SendQueue) -> impl IntoView {
    let m = use_messages();
    let sharing = use_sharing();
    let records = use_records();
    let navigate = use_navigate();
    let Some(target) = queue.target() else {
        return view! { <NotFound/> }.into_any();
    };
    let service = target.service.get(m.language).to_owned();
    let s = move |t: &str| fill(t, &[("service", &service), ("host", &target.host)]);
    let title = s(m.send.title);
    let id = StoredValue::new(referral.id.clone());
    if untrack(|| queue.status_of(&referral.id)) != RecordStatus::NotQueued {
        return view! {
            <PageTitle text=title.clone()/>
            <PageHeading text=title/>
            <p>{m.send.already}</p>
            <ReferralSendStatus referral_id=referral.id.clone()/>
            <p><A href=Route::ReferralDone(&referral.id).href()>{m.send.see_status}</A></p>
        }
        .into_any();
    }
    let share = RwSignal::new(None::<String>);
    let share_error = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<String>);
    let has_first = match &referral.baseline {
        Baseline::Done { checkin_id } => untrack(|| records.checkin(checkin_id)).is_some(),
        _ => false,
    };
    let now_on = sharing
        .choice()
        .with_untracked(|c| c.as_ref().is_some_and(|c| c.share));
    let hint = if now_on {
        m.send.share_hint_now_on.to_owned()
    } else if has_first {
        m.send.share_hint_first.to_owned()
    } else {
        s(m.send.share_hint)
    };
    let what = move || {
        let with_checkins = share.get().as_deref() == Some("yes");
        id.with_value(|id| sharing.preview(id, with_checkins))
            .map(|preview| {
                disclosed(&preview)
                    .into_iter()
                    .map(|d| view! { <li>{line(m, d)}</li> })
                    .collect_view()
            })
    };
    let errors = Signal::derive(move || {
        let field = |id: &str, e: Option<String>| {
            e.map(|message| FieldError {
                field_id: id.into(),
                message,
            })
        };
        field("share-checkins", share_error.get())
            .into_iter()
            .chain(field("send", failed.get()))
            .collect::<Vec<_>>()
    });
    let go_on = {
        let navigate = navigate.clone();
        move || {
            let href = id.with_value(|id| Route::ReferralDone(id).href());
            navigate(
                &href,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    };
    let send = {
        let go_on = go_on.clone();
        Callback::new(move |()| {
            let Some(choice) = share.get_untracked() else {
                share_error.set(Some(m.send.share_error.into()));
                return;
            };
            match id.with_value(|id| sharing.send_referral(id, choice == "yes")) {
                Ok(()) => go_on(),
                Err(e) => failed.set(Some(fill(m.send.not_queued, &[("why", &m.explain(&e))]))),
            }
        })
    };
    view! {
        <QuestionForm title=title.clone() back=None errors button=s(m.send.send) button_id="send" on_submit=send>
            <PageHeading text=title/>
            <p>{m.send.saved}</p>
            <h2 class="f-heading-m">{s(m.send.what_title)}</h2>
            <p>{s(m.send.what_intro)}</p>
            <ul class="f-list">{what}</ul>
            <p>{s(m.send.where_to)}</p>
            <h2 class="f-heading-m">{m.send.next_title}</h2>
            <p>{s(m.send.next)}</p>
            <p>{m.send.offline_normal}</p>
            <Choices name="share-checkins" question=s(m.send.share_question) hint not_heading=true
                options=vec![
                    ChoiceItem::new(m.send.share_yes, "yes"),
                    ChoiceItem::new(m.send.share_no, "no"),
                ]
                error=share_error
                answer=Answer::one(share, Callback::new(move |v: String| {
                    share.set(Some(v));
                    share_error.set(None);
                }))/>
        </QuestionForm>
        <p>
            <button type="button" class="f-button f-button--secondary" on:click=move |_| go_on()>
                {m.send.keep}
            </button>
        </p>
    }
    .into_any()
}
