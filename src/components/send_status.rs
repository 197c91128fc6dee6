//! Where what the person chose to send stands, said honestly, and the other small pieces that
//! talk about sending. Each reads [`use_sending`]: when the service receives nothing (no `send`
//! in its configuration) they show the words of an app that sends nothing, or nothing at all.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::choices::{Answer, ChoiceItem, Choices};
use super::download_button::DownloadButton;
use super::error_summary::{ErrorSummary, FieldError};
use super::field::FailureAlert;
use crate::domain::outbox::{Problem, RecordStatus};
use crate::i18n::{fill, use_messages, Messages};
use crate::router::A;
use crate::routes::Route;
use crate::state::{current_setup, use_config, use_records, use_sending, use_sharing, SendQueue};

/// How many submissions have not reached the service, on a device that shows its queue
/// (tracked). A kiosk shows none: what the last person left is never the next one's business.
fn outstanding(queue: SendQueue) -> usize {
    queue.queue().map_or(0, |q| q.waiting + q.refused)
}

/// A date as the person reads it, where they are.
fn local_date(m: &Messages, at: DateTime<Utc>) -> String {
    m.date(at.with_timezone(&chrono::Local).date_naive())
}

/// The status of a record in sentences: what the person is told, in order. Empty when it was
/// never queued. `unsaved` when the outbox could not be written on this device.
pub fn status_lines(
    m: &Messages,
    service: &str,
    status: &RecordStatus,
    unsaved: bool,
) -> Vec<String> {
    let s = |t: &str| fill(t, &[("service", service)]);
    let mut lines = match status {
        RecordStatus::NotQueued => return Vec::new(),
        RecordStatus::Waiting { last_problem, .. } => {
            let mut l = vec![s(m.send.waiting)];
            match last_problem {
                None => {}
                Some(Problem::Offline) => l.push(m.send.offline.into()),
                Some(p) => {
                    l.push(s(m.send_problem(*p)));
                    l.push(m.send.will_retry.into());
                }
            }
            l
        }
        RecordStatus::Sent { at } => {
            let date = local_date(m, *at);
            return vec![fill(m.send.sent, &[("service", service), ("date", &date)])];
        }
        RecordStatus::Rejected { reason, .. } => vec![
            s(m.send.rejected_title),
            s(m.rejection(*reason)),
            s(m.send.rejected_kept),
        ],
    };
    if unsaved {
        lines.push(m.send.unsaved.into());
    }
    lines
}

/// Where a record stands with the service, as it changes: waiting (and why, if an attempt
/// did not get through), sent on a date, or refused with the reason, "Try again" and
/// "Download instead". Nothing while it was never queued.
#[component]
pub fn SendStatus(
    /// The outbox.
    queue: SendQueue,
    /// The referral's or check-in's id.
    #[prop(into)]
    record_id: String,
) -> impl IntoView {
    let m = use_messages();
    let service = queue.service();
    let id = StoredValue::new(record_id);
    let status = Memo::new(move |_| id.with_value(|id| queue.status_of(id)));
    let lines = move || {
        status_lines(m, &service, &status.get(), queue.unsaved())
            .into_iter()
            .map(|l| view! { <p>{l}</p> })
            .collect_view()
    };
    let actions = move || match status.get() {
        RecordStatus::Rejected { submission_id, .. } => {
            let retry = submission_id.clone();
            let download = submission_id;
            Some(view! {
                <div class="f-button-group">
                    <button type="button" class="f-button" on:click=move |_| queue.try_again(&retry)>
                        {m.send.try_again}
                    </button>
                    <DownloadButton label=m.send.download_instead described_by="download-instead-hint"
                        download=Callback::new(move |()| queue.download_instead(&download))/>
                </div>
                <p class="f-hint" id="download-instead-hint">{m.send.download_hint}</p>
            })
        }
        _ => None,
    };
    view! {
        <div class="f-inset f-send-status" class:f-inset--warning=move || matches!(status.get(), RecordStatus::Rejected { .. })>
            <div role="status">{lines}</div>
            {actions}
        </div>
    }
}

/// A finished request's standing with the service: its [`SendStatus`], or, kept on the device
/// only, that it was sent to no one and the way to send it.
#[component]
pub fn ReferralSendStatus(
    /// The referral's id.
    #[prop(into)]
    referral_id: String,
) -> impl IntoView {
    let m = use_messages();
    let Some(queue) = use_sending() else {
        return ().into_any();
    };
    let send_it = fill(m.send.send_it, &[("service", &queue.service())]);
    let send_href = Route::ReferralSend(&referral_id).href();
    let id = StoredValue::new(referral_id.clone());
    let kept = move || {
        let (href, words) = (send_href.clone(), send_it.clone());
        (id.with_value(|id| queue.status_of(id)) == RecordStatus::NotQueued).then(move || {
            view! {
                <p>{m.send.kept}</p>
                <p class="f-no-print"><A href=href>{words}</A></p>
            }
        })
    };
    view! {
        <SendStatus queue record_id=referral_id/>
        {kept}
    }
    .into_any()
}

/// "What happens next" on the confirmation, true to where the request stands: with no
/// sending set up, the words of an app that sends nothing.
#[component]
pub fn ReferralNext(
    /// The referral's id.
    #[prop(into)]
    referral_id: String,
) -> impl IntoView {
    let m = use_messages();
    let Some(queue) = use_sending() else {
        // Only a service with a contact is named as the way to get support.
        let has_contact = use_config().with(|c| c.service_contact.reachable());
        let how = if has_contact {
            m.referral.next_with_contact
        } else {
            m.referral.next_without_contact
        };
        return view! {
            <p>{m.referral.next_body}</p>
            <p>{how}</p>
        }
        .into_any();
    };
    let service = queue.service();
    let id = StoredValue::new(referral_id.clone());
    let next = move || {
        let words = match id.with_value(|id| queue.status_of(id)) {
            RecordStatus::NotQueued => m.send.next_kept,
            RecordStatus::Sent { .. } => m.send.next_sent,
            RecordStatus::Waiting { .. } | RecordStatus::Rejected { .. } => m.send.next_waiting,
        };
        fill(words, &[("service", &service)])
    };
    view! {
        <ReferralSendStatus referral_id/>
        <p>{next}</p>
    }
    .into_any()
}

/// On a check-in's result: whether it went to the service, for a person who sent a request.
/// A check-in the person's choice covers but that is not queued yet can be sent from here.
#[component]
pub fn CheckInSendStatus(
    /// The check-in's id.
    #[prop(into)]
    checkin_id: String,
) -> impl IntoView {
    let m = use_messages();
    let Some(queue) = use_sending() else {
        return ().into_any();
    };
    let sharing = use_sharing();
    let records = use_records();
    let service = queue.service();
    let failed = RwSignal::new(None::<String>);
    let id = StoredValue::new(checkin_id.clone());
    let not_queued = move || {
        sharing.sent_referral()?;
        let id = id.get_value();
        if queue.status_of(&id) != RecordStatus::NotQueued {
            return None;
        }
        let covered = records.checkin(&id).is_some_and(|c| sharing.covers(&c));
        let s = |t: &str| fill(t, &[("service", &service)]);
        Some(if covered {
            let send = move |_| {
                let result = sharing.send_checkin(&id);
                failed.set(
                    result
                        .err()
                        .map(|e| fill(m.send.not_queued, &[("why", &m.explain(&e))])),
                );
            };
            view! {
                <div class="f-inset">
                    <p>{s(m.send.checkin_not_yet)}</p>
                    <button type="button" class="f-button f-button--secondary" on:click=send>{m.send.send_now}</button>
                    <FailureAlert message=failed/>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="f-inset">
                    <p>{s(m.send.checkin_not_shared)}</p>
                    <p><A href=Route::YourData.href()>{m.send.checkin_can_share}</A></p>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <SendStatus queue record_id=checkin_id/>
        {not_queued}
    }
    .into_any()
}

/// On the home screen: how much waits to be sent, and the way to see it (never on a device
/// that does not show its queue, such as a kiosk).
#[component]
pub fn SendingSummary() -> impl IntoView {
    let m = use_messages();
    let Some(queue) = use_sending() else {
        return ().into_any();
    };
    let service = queue.service();
    (move || {
        let q = queue.queue().filter(|q| !q.is_empty())?;
        let count = |words, n: usize| fill(&m.count(words, n as u64), &[("service", &service)]);
        let waiting = (q.waiting > 0).then(|| count(&m.send.home_waiting, q.waiting));
        let refused = (q.refused > 0).then(|| count(&m.send.home_refused, q.refused));
        Some(view! {
            <div class="f-inset" id="sending-summary">
                {waiting.map(|w| view! { <p>{w}</p> })}
                {refused.map(|r| view! { <p>{r}</p> })}
                <p><A href=Route::Sending.href()>{m.send.home_see}</A></p>
            </div>
        })
    })
    .into_any()
}

/// On Your data: what waits, and the person's choice about sharing check-ins, which they can
/// change here at any time.
#[component]
pub fn SharingSection() -> impl IntoView {
    let m = use_messages();
    let Some(queue) = use_sending() else {
        return ().into_any();
    };
    let sharing = use_sharing();
    let service = queue.service();
    let s = move |t: &str| fill(t, &[("service", &queue.service())]);
    let failed = RwSignal::new(None::<String>);
    let set = move |share: bool| {
        let result = sharing.set_share(share);
        failed.set(
            result
                .err()
                .map(|e| fill(m.send.change_failed, &[("why", &m.explain(&e))])),
        );
    };
    let choice = move || {
        if sharing.sent_referral().is_none() {
            return view! { <p>{s(m.send.no_request_yet)}</p> }.into_any();
        }
        let on = sharing
            .choice()
            .with(|c| c.as_ref().is_some_and(|c| c.share));
        if on {
            view! {
                <p id="sharing-choice">{s(m.send.sharing_on)}</p>
                <button type="button" class="f-button f-button--secondary" on:click=move |_| set(false)>{m.send.stop_sharing}</button>
            }
            .into_any()
        } else {
            view! {
                <p id="sharing-choice">{s(m.send.sharing_off)}</p>
                <button type="button" class="f-button f-button--secondary" aria-describedby="start-sharing-hint"
                    on:click=move |_| set(true)>{m.send.start_sharing}</button>
                <p class="f-hint" id="start-sharing-hint">{m.send.start_sharing_hint}</p>
            }
            .into_any()
        }
    };
    view! {
        <h2 class="f-heading-m">{fill(m.send.data_title, &[("service", &service)])}</h2>
        <SendingSummary/>
        {choice}
        <FailureAlert message=failed/>
    }
    .into_any()
}

/// What "delete everything" does with what has not reached the service yet: the person is
/// asked, and nothing is dropped or kept without their answer.
#[derive(Clone, Copy)]
pub struct Undelivered {
    queue: Option<SendQueue>,
    choice: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
}

impl Undelivered {
    /// The question for this delete.
    pub fn new() -> Self {
        Self {
            queue: use_sending(),
            choice: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }

    /// How many have not reached the service (tracked).
    fn waiting(&self) -> usize {
        self.queue.map_or(0, outstanding)
    }

    /// Whether the delete may go ahead: nothing waits, or the person said what to do with
    /// it. Otherwise the question shows what is missing.
    pub fn ready(&self) -> bool {
        let ok = self.waiting() == 0 || self.choice.get_untracked().is_some();
        self.error
            .set((!ok).then(|| use_messages().send.undelivered_error.to_owned()));
        ok
    }

    /// After the delete: what waits is sent then removed, or dropped, as the person chose.
    pub fn apply(&self) {
        if let Some(q) = self.queue {
            q.forget(self.choice.get_untracked().as_deref() != Some("drop"));
        }
    }
}

impl Default for Undelivered {
    fn default() -> Self {
        Self::new()
    }
}

/// The question on the delete page, when something has not reached the service.
#[component]
pub fn UndeliveredChoice(
    /// The question's state, which the delete page checks.
    decision: Undelivered,
) -> impl IntoView {
    let m = use_messages();
    move || {
        let n = decision.waiting();
        let queue = decision.queue.filter(|_| n > 0)?;
        let question = fill(
            &m.count(&m.send.undelivered_question, n as u64),
            &[("service", &queue.service())],
        );
        let errors = FieldError::of_field("undelivered", decision.error.into());
        Some(view! {
            <ErrorSummary errors/>
            <Choices name="undelivered" question not_heading=true
                options=vec![
                    ChoiceItem::new(m.send.undelivered_send, "send"),
                    ChoiceItem::new(m.send.undelivered_drop, "drop"),
                ]
                error=decision.error
                answer=Answer::one(decision.choice, Callback::new(move |v: String| {
                    decision.choice.set(Some(v));
                    decision.error.set(None);
                }))/>
        })
    }
}

/// After deleting everything, while something the person chose to send still waits.
#[component]
pub fn StillSending() -> impl IntoView {
    let m = use_messages();
    let queue = use_sending();
    move || {
        let q = queue.filter(|q| outstanding(*q) > 0)?;
        Some(view! { <p>{fill(m.send.deleted_still_sending, &[("service", &q.service())])}</p> })
    }
}

/// On the urgent-help page: that this app tells no one, in words that a later send does not
/// make untrue, and to use the routes on the page now.
#[component]
pub fn UrgentNotTold() -> impl IntoView {
    let m = use_messages();
    let words = match use_sending() {
        Some(q) => fill(m.send.urgent_not_told_sending, &[("service", &q.service())]),
        None => m.send.urgent_not_told.to_owned(),
    };
    view! { <p class="f-care-card__lead">{words}</p> }
}

/// The footer's line about where answers are kept.
pub fn kept_words() -> &'static str {
    let m = use_messages();
    if use_sending().is_some() {
        m.send.footer
    } else {
        m.kept_on_device
    }
}

/// The footer's words on a shared screen, where nothing of the person is kept after they
/// finish except what they chose to send, until the service has it.
pub fn not_kept_words() -> String {
    let m = use_messages();
    match use_sending() {
        Some(q) => fill(
            m.modes.not_kept_on_device_sending,
            &[("service", &q.service())],
        ),
        None => m.modes.not_kept_on_device.to_owned(),
    }
}

/// "Before you start": where answers are kept and when they would be sent.
pub fn start_privacy_words() -> String {
    let m = use_messages();
    let shared = !current_setup().keeps_on_device();
    match (use_sending(), shared) {
        (Some(q), false) => fill(m.send.start_privacy, &[("service", &q.service())]),
        (Some(q), true) => fill(
            m.modes.start_privacy_shared_sending,
            &[("service", &q.service())],
        ),
        (None, false) => m.referral.start_privacy.to_owned(),
        (None, true) => m.modes.start_privacy_shared.to_owned(),
    }
}

/// Your data's introduction.
pub fn data_intro_words() -> String {
    let m = use_messages();
    match use_sending() {
        Some(q) => fill(m.send.data_intro, &[("service", &q.service())]),
        None => m.data.intro.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::outbox::Rejection;
    use crate::i18n::EN;

    #[test]
    fn offline_is_said_as_normal_and_other_problems_say_it_will_try_again() {
        let waiting = |p| RecordStatus::Waiting {
            attempts: 1,
            last_problem: p,
        };
        assert_eq!(
            status_lines(&EN, "Valley Link", &waiting(None), false),
            ["Saved on this device, waiting to send to Valley Link."]
        );
        let offline = status_lines(&EN, "Valley Link", &waiting(Some(Problem::Offline)), false);
        assert_eq!(
            offline[1],
            "You are offline. It will be sent when you are back online."
        );
        let busy = status_lines(
            &EN,
            "Valley Link",
            &waiting(Some(Problem::ServiceBusy)),
            true,
        );
        assert_eq!(busy[1], "Valley Link is busy just now.");
        assert_eq!(busy[2], EN.send.will_retry);
        assert_eq!(busy[3], EN.send.unsaved);
        assert!(status_lines(&EN, "Valley Link", &RecordStatus::NotQueued, true).is_empty());
    }

    #[test]
    fn a_refusal_gives_the_reason_in_plain_words_and_says_it_is_kept() {
        let lines = status_lines(
            &EN,
            "Valley Link",
            &RecordStatus::Rejected {
                reason: Rejection::NotAllowed,
                submission_id: "s".into(),
            },
            false,
        );
        assert_eq!(
            lines,
            [
                "Valley Link could not accept it",
                "Valley Link is not letting this app send to it.",
                "It is still saved on this device. Please tell Valley Link if you can. You can try again later, or download it and give it to them another way.",
            ]
        );
    }

    #[test]
    fn every_reason_and_problem_has_its_own_words_naming_no_code() {
        use crate::domain::outbox::Problem::*;
        let reasons = Rejection::KNOWN;
        let words: Vec<&str> = reasons.iter().map(|r| EN.rejection(*r)).collect();
        let mut unique = words.clone();
        unique.dedup();
        assert_eq!(unique.len(), reasons.len());
        assert_eq!(
            EN.rejection(Rejection::Unknown),
            EN.rejection(Rejection::Other)
        );
        for p in [
            TimedOut,
            ConnectionLost,
            ServiceBusy,
            ServiceError,
            UnreadableReply,
        ] {
            words.iter().chain([&EN.send_problem(p)]).for_each(|w| {
                assert!(!w.chars().any(|c| c.is_ascii_digit()), "{w} shows a code");
            });
        }
    }

    #[test]
    fn home_counts_take_the_plural_the_number_needs() {
        let said = |n| {
            fill(
                &EN.count(&EN.send.home_waiting, n),
                &[("service", "Valley Link")],
            )
        };
        assert_eq!(said(1), "1 waiting to send to Valley Link");
        assert_eq!(said(3), "3 waiting to send to Valley Link");
    }
}
