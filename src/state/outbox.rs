//! The outbox as the app holds it, and the sender that empties it through [`crate::sync`].
//!
//! There is one outbox for the device, built beside the person's state rather than inside it
//! ([`SendQueue::new`] in the app's root, before the [`super::Session`]), so starting fresh for
//! the next person never drops what someone chose to send. It is always kept in the browser's
//! own storage (`flourish-outbox`), even when a kiosk keeps the person's answers in memory
//! only: an undelivered submission is the one thing a device keeps for someone, and only
//! until the service has it.
//!
//! The sender follows the outbox's state machine ([`crate::domain::outbox`]): one attempt at
//! a time; the outbox is written, with the attempt marked, before the request leaves; the
//! outcome is written as soon as it is known; waits come from the policy (capped exponential
//! backoff with jitter from `crypto.getRandomValues`) or the service's `Retry-After`; the
//! browser's `online` event and the app's start end waits of our own choosing.
//!
//! Two tabs: every change starts from the stored copy (another tab's writes are the truth),
//! each tab reads the other's writes as they happen (the `storage` event), and an attempt
//! marked by another tab is left alone until its lease runs out
//! ([`crate::domain::sending::lease`]). Two tabs can still, rarely, begin the same attempt in
//! the same instant; the service's deduplication (FHIR `ifNoneExist`, the JSON
//! `Idempotency-Key`) makes that second copy harmless.

use std::time::Duration;

use chrono::TimeDelta;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::browser;
use crate::config::{ServiceConfig, Text};
use crate::domain::outbox::{
    classify, Attempted, Entry, Outbox, Outcome, RecordStatus, Rejection, RetryPolicy,
};
use crate::domain::sending::{self, Queue, QueueAtStart};
use crate::domain::submission::{Format, Submission};
use crate::error::AppError;
use crate::storage::{StorageError, Store, OUTBOX, OUTBOX_KEY};
use crate::sync::{self, PostFailed};

/// Where submissions go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The service's name, as the person knows it, in each language.
    pub service: Text,
    /// The configured address.
    pub endpoint: String,
    /// Its host, for telling the person where their answers go.
    pub host: String,
    /// What is sent there.
    pub format: Format,
    /// Waits between attempts and for a reply.
    pub policy: RetryPolicy,
}

impl Target {
    /// Where the service's configuration says to send, if anywhere.
    pub fn of(config: &ServiceConfig) -> Option<Self> {
        let send = config.send.as_ref()?;
        let host = send
            .endpoint
            .split_once("://")
            .map_or("", |(_, rest)| rest)
            .split(['/', '?'])
            .next()
            .unwrap_or_default()
            .to_owned();
        Some(Self {
            service: config.service_name.clone(),
            endpoint: send.endpoint.clone(),
            host,
            format: send.format,
            policy: send.retry.policy(),
        })
    }
}

/// How the outbox behaves on this device.
#[derive(Debug, Clone, Copy)]
pub struct SendOptions {
    /// Whether the queue as a whole (how many wait, the list of them) may be shown. A shared
    /// kiosk turns this off, so what one person left waiting is never shown to the next; each
    /// person still sees where their own request stands.
    pub queue_on_screen: bool,
    /// Whether receipts of what was delivered are written to storage. A kiosk keeps them in
    /// memory only: it keeps nothing for anyone once the service has it.
    pub keep_receipts: bool,
    /// Whether to send at all (off where there is no browser: native tests).
    pub run: bool,
}

impl Default for SendOptions {
    fn default() -> Self {
        Self {
            queue_on_screen: true,
            keep_receipts: true,
            run: true,
        }
    }
}

/// The sender's own bookkeeping.
#[derive(Default)]
struct Sender {
    /// An attempt from this tab is under way.
    in_flight: bool,
    /// The next wake-up.
    timer: Option<TimeoutHandle>,
    /// The last write of the outbox failed, so memory holds what storage does not.
    unsaved: bool,
    /// The start has been dealt with (any send cut off by a closed tab taken over).
    started: bool,
    /// The stored outbox has been read into memory.
    read: bool,
}

/// The device's outbox and its sender. Read-only views out; changes only through its actions.
#[derive(Clone, Copy)]
pub struct SendQueue {
    target: StoredValue<Option<Target>>,
    store: StoredValue<Store>,
    outbox: RwSignal<Outbox>,
    /// The stored outbox's counts, read at start ([`QueueAtStart`]) and shown until the
    /// outbox itself is read.
    at_start: StoredValue<Queue>,
    unsaved: RwSignal<bool>,
    options: SendOptions,
    sender: StoredValue<Sender>,
}

/// The sender's code, split off from the first download with everything only it uses.
#[leptos::wasm_split::wasm_split(sender, wasm_split_path = ::leptos::wasm_split, fallible)]
fn start_sending(queue: SendQueue, owner: Option<Owner>) -> Result<(), SplitLoaderError> {
    match owner {
        Some(owner) => owner.with(|| queue.run()),
        None => queue.run(),
    }
    Ok(())
}

/// The outbox, when the service's configuration says where to send; `None` otherwise, and
/// then no screen says anything about sending.
pub fn use_sending() -> Option<SendQueue> {
    use_context::<SendQueue>().filter(SendQueue::is_configured)
}

impl SendQueue {
    /// The outbox kept in `store`, sending where `config` says. Call [`SendQueue::start`] once
    /// the app is on screen.
    ///
    /// What waits is not read here but by [`SendQueue::read`], which only the code that sends
    /// or shows it calls: that code, with the reading of every kind of submission, is not in
    /// the app's first download (see [`crate::lazy`]).
    pub fn new(store: Store, config: &ServiceConfig, options: SendOptions) -> Self {
        Self {
            target: StoredValue::new(Target::of(config)),
            outbox: RwSignal::new(Outbox::default()),
            at_start: StoredValue::new(
                store
                    .peek::<QueueAtStart, _>(OUTBOX)
                    .map(|q| q.queue())
                    .unwrap_or_default(),
            ),
            store: StoredValue::new(store),
            unsaved: RwSignal::new(false),
            options,
            sender: StoredValue::new(Sender::default()),
        }
    }

    /// Reads what waits from storage into memory, the first time it is needed; later changes
    /// start from the stored copy anyway ([`SendQueue::change`]). An outbox that cannot be read
    /// is left as it is in storage, never written over.
    pub fn read(&self) {
        if self.sender.with_value(|s| s.read) {
            return;
        }
        if let Ok(loaded) = self.store.with_value(|s| s.load(OUTBOX)) {
            let mut outbox = loaded.value.unwrap_or_default();
            outbox.merge(self.outbox.get_untracked());
            self.outbox.set(outbox);
        }
        self.sender.update_value(|s| s.read = true);
    }

    /// Whether the service receives submissions.
    pub fn is_configured(&self) -> bool {
        self.target.with_value(Option::is_some)
    }

    /// Where submissions go, if anywhere.
    pub fn target(&self) -> Option<Target> {
        self.target.get_value()
    }

    /// The service's name, for the words, in the language shown.
    pub fn service(&self) -> String {
        let language = crate::i18n::use_messages().language;
        self.target
            .with_value(|t| t.as_ref().map(|t| t.service.get(language).to_owned()))
            .unwrap_or_default()
    }

    /// Where the referral or check-in with this id stands (tracked).
    pub fn status_of(&self, record_id: &str) -> RecordStatus {
        self.outbox.with(|o| o.status_of(record_id))
    }

    /// How much waits, when the queue may be shown on this device (tracked).
    pub fn queue(&self) -> Option<Queue> {
        let read = self.sender.with_value(|s| s.read);
        self.options.queue_on_screen.then(|| {
            // Tracked either way: reading the outbox sets it.
            let whole = self.outbox.with(Queue::of);
            if read {
                whole
            } else {
                self.at_start.get_value()
            }
        })
    }

    /// Everything still on the device, oldest first, when the queue may be shown (tracked).
    pub fn entries(&self) -> Vec<Entry> {
        if !self.options.queue_on_screen {
            return Vec::new();
        }
        self.outbox.with(|o| o.entries.clone())
    }

    /// The submission waiting under this id, if any.
    pub fn entry(&self, submission_id: &str) -> Option<Entry> {
        self.outbox.with_untracked(|o| {
            o.entries
                .iter()
                .find(|e| e.submission.id == submission_id)
                .cloned()
        })
    }

    /// Whether what waits could not be written to this device's storage (tracked): it is
    /// sent from memory, so the page must stay open until it has gone.
    pub fn unsaved(&self) -> bool {
        self.unsaved.get()
    }

    /// Queues a submission and starts sending. `false` when it was already queued or sent.
    pub fn enqueue(&self, submission: Submission) -> bool {
        let now = browser::now();
        let added = self.change(|o| o.enqueue(submission, now));
        self.pump();
        added
    }

    /// "Try again": a refused submission (or one waiting out a wait) is sent at once.
    pub fn try_again(&self, submission_id: &str) {
        self.change(|o| o.try_again(submission_id));
        self.pump();
    }

    /// "Download instead": offers the submission as a file (the documented JSON envelope)
    /// and, once offered, stops trying to send it.
    pub fn download_instead(&self, submission_id: &str) -> Result<(), AppError> {
        let Some(entry) = self.entry(submission_id) else {
            return Ok(());
        };
        let s = entry.submission;
        let text = s
            .to_json()
            .map_err(|e| StorageError::Encode(e.to_string()))?;
        let name = match &s.referral {
            Some(r) => r.reference.clone(),
            None => s.id.clone(),
        };
        browser::download(
            &format!("flourish-submission-{name}.json"),
            "application/json",
            &text,
        )?;
        self.change(|o| o.withdraw(submission_id));
        Ok(())
    }

    /// After "delete everything": with `send_waiting`, what waits is still sent (then
    /// removed); without it, it is dropped. Receipts go either way.
    pub fn forget(&self, send_waiting: bool) {
        self.change(|o| {
            if send_waiting {
                sending::forget_receipts(o);
            } else {
                sending::forget_everything(o);
            }
        });
    }

    /// Starts sending once the sender's code is here (it is not in the app's first download):
    /// takes over any send a closed tab left, then sends what is due, and again whenever the
    /// browser comes back online or another tab changes the outbox. If that code cannot be
    /// downloaded, what waits stays on the device and the download is tried again, after the
    /// policy's waits, doubling.
    pub fn start(self) {
        if !self.options.run || !self.is_configured() {
            return;
        }
        self.start_after(Owner::current(), self.policy().base);
    }

    fn start_after(self, owner: Option<Owner>, wait: TimeDelta) {
        leptos::task::spawn_local(async move {
            if start_sending(self, owner.clone()).await.is_ok() || self.outbox.is_disposed() {
                return;
            }
            let next = (wait * 2).min(self.policy().cap);
            self.wake_after(wait, move || self.start_after(owner, next));
        });
    }

    /// The sender, once its code is here: `start`'s listeners belong to the app's root
    /// (`owner`), as if it had run there.
    fn run(self) {
        let online = window_event_listener(leptos::ev::online, move |_| {
            self.change(Outbox::on_online);
            self.pump();
        });
        let other_tab = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().is_none_or(|k| k == OUTBOX_KEY) {
                self.change(|_| ());
                self.pump();
            }
        });
        on_cleanup(move || {
            online.remove();
            other_tab.remove();
        });
        self.read();
        self.resume();
    }

    /// The start: waits for the lease of a send marked by another tab that may be alive.
    fn resume(self) {
        let now = browser::now();
        let lease = sending::lease(self.policy().timeout);
        match self.change(|o| sending::start(o, now, lease)) {
            Some(at) => self.wake_after((at - now).max(TimeDelta::zero()), move || self.resume()),
            None => {
                self.sender.update_value(|s| s.started = true);
                self.pump();
            }
        }
    }

    fn policy(&self) -> RetryPolicy {
        self.target
            .with_value(|t| t.as_ref().map(|t| t.policy))
            .unwrap_or_default()
    }

    /// Begins the next attempt if one is due, or sets a wake-up for when one will be.
    fn pump(self) {
        let Some(target) = self.target.get_value() else {
            return;
        };
        let busy = self.sender.with_value(|s| s.in_flight || !s.started);
        if !self.options.run || busy {
            return;
        }
        let now = browser::now();
        // Written, with the attempt marked, before the request leaves.
        match self.change(|o| o.begin(now)) {
            Some(submission) => {
                self.sender.update_value(|s| {
                    s.in_flight = true;
                    if let Some(t) = s.timer.take() {
                        t.clear();
                    }
                });
                leptos::task::spawn_local(self.attempt(target, submission));
            }
            None => {
                let wake = self.outbox.with_untracked(|o| sending::wake_in(o, now));
                if let Some(after) = wake {
                    self.wake_after(after, move || self.pump());
                }
            }
        }
    }

    /// One attempt, and what it means for the outbox.
    async fn attempt(self, target: Target, submission: Submission) {
        let outcome = match crate::domain::delivery::request(&submission, target.format) {
            // Our own types always become JSON; if that ever failed, retrying could not help.
            Err(e) => Outcome::Rejected {
                status: 0,
                reason: Rejection::Refused,
                detail: Some(e.to_string()),
            },
            Ok(request) => {
                let posted = if browser::is_online() {
                    let timeout = target.policy.timeout.to_std().unwrap_or(Duration::ZERO);
                    Some(
                        sync::post(&target.endpoint, &request.headers, &request.body, timeout)
                            .await,
                    )
                } else {
                    None
                };
                let attempted = match &posted {
                    None => Attempted::Offline,
                    Some(Ok(p)) => Attempted::Replied {
                        status: p.status,
                        retry_after: p.retry_after.as_deref(),
                        body: &p.body,
                    },
                    Some(Err(PostFailed::TimedOut)) => Attempted::TimedOut,
                    Some(Err(PostFailed::Network(_))) => Attempted::NetworkError,
                };
                classify(target.format, &submission, attempted, browser::now())
            }
        };
        if self.outbox.is_disposed() {
            return;
        }
        let (now, jitter) = (browser::now(), browser::random_unit());
        self.change(|o| o.finish(&submission.id, outcome, now, jitter, &target.policy));
        self.sender.update_value(|s| s.in_flight = false);
        self.pump();
    }

    /// Runs `then` after `after`, replacing any earlier wake-up.
    fn wake_after(&self, after: TimeDelta, then: impl FnOnce() + 'static) {
        let ms = u64::try_from(after.num_milliseconds().clamp(0, i64::from(i32::MAX))).unwrap_or(0);
        let timer = set_timeout_with_handle(then, Duration::from_millis(ms)).ok();
        self.sender.update_value(|s| {
            if let Some(t) = std::mem::replace(&mut s.timer, timer) {
                t.clear();
            }
        });
    }

    /// Changes the outbox: starting from the stored copy (another tab's writes win), with
    /// this tab's receipts, and everything of this tab's if its last write failed; then
    /// written back if anything changed, and shown.
    fn change<R>(&self, f: impl FnOnce(&mut Outbox) -> R) -> R {
        let memory = self.outbox.get_untracked();
        let unsaved = self.sender.with_value(|s| s.unsaved);
        let stored = self.store.with_value(|s| s.load(OUTBOX)).map(|l| l.value);
        let (mut outbox, stored) = match stored {
            Ok(stored) => {
                let mut o = stored.clone().unwrap_or_default();
                o.merge(if unsaved {
                    memory
                } else {
                    Outbox {
                        receipts: memory.receipts,
                        ..Outbox::default()
                    }
                });
                (o, stored)
            }
            Err(_) => (memory, None),
        };
        let result = f(&mut outbox);
        let kept = self.kept(&outbox);
        let written = if stored.as_ref() == Some(&kept) && !unsaved {
            Ok(())
        } else {
            self.store.with_value(|s| s.save(OUTBOX, &kept))
        };
        let failed = written.is_err();
        // Memory now holds the stored outbox (or all there is, if it could not be read).
        self.sender.update_value(|s| {
            s.unsaved = failed;
            s.read = true;
        });
        self.unsaved.set(failed);
        self.outbox.set(outbox);
        result
    }

    /// What is written to storage: everything, or (on a kiosk) all but the receipts.
    fn kept(&self, outbox: &Outbox) -> Outbox {
        if self.options.keep_receipts {
            outbox.clone()
        } else {
            Outbox {
                receipts: Vec::new(),
                ..outbox.clone()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SendConfig;
    use crate::domain::outbox::tests::{answer, sub};
    use crate::domain::outbox::State;

    fn config() -> ServiceConfig {
        ServiceConfig {
            service_name: "Valley Link".into(),
            send: Some(SendConfig {
                endpoint: "https://fhir.valley.example:8443/fhir/R4".into(),
                format: Format::FhirR4,
                retry: Default::default(),
            }),
            ..ServiceConfig::default()
        }
    }

    fn quiet() -> SendOptions {
        SendOptions {
            run: false,
            ..SendOptions::default()
        }
    }

    #[test]
    fn the_person_is_told_the_services_name_and_host() {
        let t = Target::of(&config()).unwrap();
        assert_eq!(t.service.english(), "Valley Link");
        assert_eq!(t.host, "fhir.valley.example:8443");
        assert_eq!(Target::of(&ServiceConfig::default()), None);
    }

    #[test]
    fn a_queued_submission_is_on_the_device_before_anything_is_sent_and_survives_a_restart() {
        let _owner = Owner::new();
        let store = Store::memory();
        let queue = SendQueue::new(store.clone(), &config(), quiet());
        assert!(queue.enqueue(sub("a")));
        assert!(!queue.enqueue(sub("a")), "not queued twice");
        let again = SendQueue::new(store, &config(), quiet());
        // The home screen's count is there before the outbox is read...
        let one = Some(Queue {
            waiting: 1,
            refused: 0,
        });
        assert_eq!(again.queue(), one);
        // ...and each submission's status once it is, as the sender or a page's code reads
        // it when it arrives.
        again.read();
        assert_eq!(again.queue(), one);
        assert!(matches!(
            again.status_of("c-1"),
            RecordStatus::Waiting { attempts: 0, .. }
        ));
        assert_eq!(
            again.queue(),
            Some(Queue {
                waiting: 1,
                refused: 0
            })
        );
    }

    #[test]
    fn another_tabs_changes_are_the_truth_and_nothing_of_either_tab_is_lost() {
        let _owner = Owner::new();
        let store = Store::memory();
        let one = SendQueue::new(store.clone(), &config(), quiet());
        let two = SendQueue::new(store.clone(), &config(), quiet());
        one.enqueue(sub("a"));
        two.enqueue(sub("b"));
        // Tab one withdraws "a" (download instead); tab two's next change must not bring
        // it back from its own memory.
        one.change(|o| o.withdraw("a"));
        two.try_again("b");
        let stored = store.load(OUTBOX).unwrap().value.unwrap();
        let ids: Vec<&str> = stored
            .entries
            .iter()
            .map(|e| e.submission.id.as_str())
            .collect();
        assert_eq!(ids, ["b"]);
    }

    #[test]
    fn a_kiosk_keeps_nothing_in_storage_once_delivered_and_shows_no_queue() {
        let _owner = Owner::new();
        let store = Store::memory();
        let kiosk = SendOptions {
            queue_on_screen: false,
            keep_receipts: false,
            run: false,
        };
        let queue = SendQueue::new(store.clone(), &config(), kiosk);
        queue.enqueue(sub("a"));
        assert_eq!(queue.queue(), None);
        assert!(queue.entries().is_empty());
        let now = browser::now();
        queue.change(|o| {
            o.begin(now);
            answer(o, "a", Outcome::Accepted { status: 201 }, now);
        });
        assert_eq!(store.load(OUTBOX).unwrap().value, Some(Outbox::default()));
        // The person who sent it still sees that it arrived.
        assert!(matches!(queue.status_of("c-1"), RecordStatus::Sent { .. }));
    }

    #[test]
    fn deleting_everything_asks_whether_what_waits_is_still_sent() {
        let _owner = Owner::new();
        let queue = SendQueue::new(Store::memory(), &config(), quiet());
        queue.enqueue(sub("a"));
        queue.forget(true);
        assert_eq!(queue.queue().map(|q| q.waiting), Some(1));
        queue.forget(false);
        assert!(queue.queue().unwrap().is_empty());
        assert_eq!(queue.status_of("c-1"), RecordStatus::NotQueued);
    }

    #[test]
    fn a_failed_write_keeps_the_submission_in_memory_and_says_so() {
        use crate::storage::{Fillable, MemoryBackend};
        use std::sync::Arc;
        let _owner = Owner::new();
        let backend = Arc::new(Fillable::full(MemoryBackend::default()));
        let queue = SendQueue::new(Store::with_backend(backend.clone()), &config(), quiet());
        queue.enqueue(sub("a"));
        assert!(queue.unsaved.get_untracked());
        assert!(matches!(
            queue.status_of("c-1"),
            RecordStatus::Waiting { .. }
        ));
        backend.fill(false);
        queue.change(|_| ());
        assert!(!queue.unsaved.get_untracked());
        let stored = Store::with_backend(backend)
            .load(OUTBOX)
            .unwrap()
            .value
            .unwrap();
        assert!(matches!(stored.entries[0].state, State::Waiting { .. }));
    }
}
