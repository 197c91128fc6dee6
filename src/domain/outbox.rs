//! The outbox: submissions waiting to reach the service, as an explicit state machine.
//!
//! Each entry is one [`Submission`] and where it stands:
//!
//! ```text
//!             enqueue                begin                  accepted (2xx)
//!   (none) ──────────▶ Waiting ───────────────▶ Sending ──────────────────▶ removed, with a Receipt
//!                        ▲  ▲                    │  │
//!                        │  └── retry: backoff ──┘  │ permanent refusal (4xx, FHIR error)
//!                        │      or Retry-After      ▼
//!                        └──────── try again ─── Rejected  (kept, never dropped)
//! ```
//!
//! Rules the tests hold it to: one entry is sent at a time, in the order made; an entry
//! leaves only when the service accepted it (or the person withdraws it after downloading a
//! copy); the id never changes, so every retry is a resend the service can recognise; a
//! `Sending` entry found when the app starts (the tab died mid-send) goes back to waiting, and
//! the service's deduplication (FHIR `ifNoneExist`, the JSON `Idempotency-Key`) makes the
//! resend harmless. Offline, timeouts and dropped connections are ordinary: the entry waits
//! and tries again; only a refusal that retrying cannot fix becomes `Rejected`.
//!
//! Everything here is pure: time and randomness come in as arguments, so the network code
//! calls [`Outbox::begin`], performs the request, and reports back with [`Outbox::finish`]
//! and a [`classify`]d outcome; the UI calls [`Outbox::on_start`], [`Outbox::on_online`] and
//! asks [`Outbox::due`] when to wake next. Persist the outbox after every call that changes
//! it, and before the request leaves: that is what makes a tab dying mid-send safe.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::fhir::{self, TransactionReply};
use super::submission::{Format, Kind, Submission};

/// How long to wait between attempts, and for a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// The wait after the first failed attempt; it doubles after each further failure.
    pub base: TimeDelta,
    /// The longest wait between two attempts of our own choosing.
    pub cap: TimeDelta,
    /// The shortest wait a server's `Retry-After` can ask for (so `0` cannot cause a loop).
    pub retry_after_floor: TimeDelta,
    /// The longest wait a server's `Retry-After` can impose (a broken header cannot park a
    /// submission for weeks).
    pub retry_after_cap: TimeDelta,
    /// How long the network code waits for a reply before giving the attempt up.
    pub timeout: TimeDelta,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            base: TimeDelta::seconds(10),
            cap: TimeDelta::minutes(30),
            retry_after_floor: TimeDelta::seconds(1),
            retry_after_cap: TimeDelta::hours(6),
            timeout: TimeDelta::seconds(30),
        }
    }
}

impl RetryPolicy {
    /// The wait after `failures` failed attempts in a row (1 for the first), with "equal
    /// jitter": half of the capped exponential delay is fixed and half is random, so a
    /// crowd of phones coming back online at once does not hit the service in step, and no
    /// wait is ever shorter than half the schedule. `jitter` is a number in `[0, 1]`.
    pub fn backoff(&self, failures: u32, jitter: f64) -> TimeDelta {
        let exp = failures.saturating_sub(1).min(40);
        let base_ms = self.base.num_milliseconds().max(1);
        let cap_ms = self.cap.num_milliseconds().max(base_ms);
        let full = base_ms.saturating_mul(1i64 << exp.min(62)).min(cap_ms);
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let half = full / 2;
        TimeDelta::milliseconds(full - half + (half as f64 * jitter).round() as i64)
    }
}

/// Why an attempt did not get through, when trying again may well work. For the person's
/// "still trying" line; none of these is a failure to show as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    /// The device is offline.
    Offline,
    /// No reply in time.
    TimedOut,
    /// The connection failed or was cut (including a server that does not allow this app).
    ConnectionLost,
    /// The service asked us to come back later (429, 503).
    ServiceBusy,
    /// The service had a problem of its own (5xx).
    ServiceError,
    /// A reply that was not the service's (a Wi-Fi sign-in page, a proxy's error page).
    UnreadableReply,
}

/// Why the service refused a submission in a way retrying cannot fix. The person is told in
/// plain words (the message catalogue has a sentence for each) and offered "try again" and
/// "download instead".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rejection {
    /// 400, 422, or a FHIR OperationOutcome error: the service could not accept its content.
    Refused,
    /// 401, 403, 407: the service does not let this app send to it.
    NotAllowed,
    /// 404, 405, 410: nothing at the configured address receives submissions.
    NoSuchAddress,
    /// 409, 412: the service holds something that clashes with it.
    Conflict,
    /// 413, 414, 431: too large for the service.
    TooLarge,
    /// 406, 415, 501, 505: the service does not understand this format.
    Unsupported,
    /// 3xx: the address redirects elsewhere; the service's address needs updating.
    Redirected,
    /// Any other 4xx.
    Other,
    /// A reason written by a newer app.
    #[serde(other)]
    Unknown,
}

impl Rejection {
    /// Every reason this app gives, each of which has its own words for the person.
    pub const KNOWN: [Self; 8] = [
        Self::Refused,
        Self::NotAllowed,
        Self::NoSuchAddress,
        Self::Conflict,
        Self::TooLarge,
        Self::Unsupported,
        Self::Redirected,
        Self::Other,
    ];
}

/// Where an entry stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "is", rename_all = "kebab-case")]
pub enum State {
    /// Waiting for its next attempt.
    Waiting {
        /// Attempts made so far.
        #[serde(default)]
        attempts: u32,
        /// Not before this time; `None` means as soon as possible.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_try_at: Option<DateTime<Utc>>,
        /// Whether `next_try_at` is the service's own `Retry-After`, which coming back
        /// online or restarting the app does not cut short.
        #[serde(default)]
        set_by_service: bool,
        /// What went wrong last time, if anything.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_problem: Option<Problem>,
    },
    /// An attempt is under way.
    Sending {
        /// Attempts made so far, this one included.
        #[serde(default)]
        attempts: u32,
        /// When this attempt began.
        #[serde(default)]
        since: DateTime<Utc>,
    },
    /// Refused by the service; kept until the person tries again or withdraws it.
    Rejected {
        /// The HTTP status of the refusal.
        #[serde(default)]
        status: u16,
        /// Why, as a reason the interface can put into words.
        #[serde(default = "unknown_rejection")]
        reason: Rejection,
        /// The service's own words, if it gave any (for the download and for support).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        detail: Option<String>,
        /// When it was refused.
        #[serde(default)]
        at: DateTime<Utc>,
    },
    /// A state written by a newer app: treated as waiting, since a resend is harmless.
    #[serde(other)]
    Unknown,
}

fn unknown_rejection() -> Rejection {
    Rejection::Unknown
}

impl Default for State {
    fn default() -> Self {
        State::Waiting {
            attempts: 0,
            next_try_at: None,
            set_by_service: false,
            last_problem: None,
        }
    }
}

/// One submission in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Entry {
    /// What is sent, unchanged on every attempt.
    pub submission: Submission,
    /// When the person chose to send it.
    pub queued_at: DateTime<Utc>,
    /// Where it stands.
    pub state: State,
    /// Fields written by a newer app.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The record that a submission reached the service, kept after its content has gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Receipt {
    /// The submission's id.
    pub submission_id: String,
    /// What it carried.
    pub kind: Kind,
    /// The referral and check-in ids it carried.
    pub record_ids: Vec<String>,
    /// When the service accepted it.
    pub sent_at: DateTime<Utc>,
    /// The HTTP status of the acceptance.
    pub status: u16,
}

/// The durable outbox: stored whole, through the versioned envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Outbox {
    /// Submissions not yet accepted, oldest first.
    pub entries: Vec<Entry>,
    /// Submissions the service accepted.
    pub receipts: Vec<Receipt>,
    /// Fields written by a newer app.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What came of one attempt, as the network code saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempted<'a> {
    /// The service replied.
    Replied {
        /// The HTTP status.
        status: u16,
        /// The `Retry-After` header, if sent (and exposed by CORS).
        retry_after: Option<&'a str>,
        /// The body as text.
        body: &'a str,
    },
    /// No reply within [`RetryPolicy::timeout`].
    TimedOut,
    /// The request failed before a reply: refused, reset, DNS, or blocked by CORS.
    NetworkError,
    /// The device knows it is offline.
    Offline,
}

/// What an attempt means for the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The service has it.
    Accepted {
        /// The HTTP status.
        status: u16,
    },
    /// Try again later.
    Retry {
        /// What went wrong.
        problem: Problem,
        /// The service's `Retry-After`, as a time.
        not_before: Option<DateTime<Utc>>,
    },
    /// Refused in a way retrying will not fix.
    Rejected {
        /// The HTTP status.
        status: u16,
        /// Why.
        reason: Rejection,
        /// The service's words, if any.
        detail: Option<String>,
    },
}

/// When the next attempt is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Now: call [`Outbox::begin`].
    Now,
    /// After this long.
    In(TimeDelta),
    /// Nothing to do until something changes (empty, all refused, or one already sending).
    Nothing,
}

/// Where one referral or check-in stands, for the honest status line.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordStatus {
    /// Never queued to be sent.
    NotQueued,
    /// On the device, waiting to send (or sending now).
    Waiting {
        /// Attempts made so far.
        attempts: u32,
        /// What went wrong last time, if anything.
        last_problem: Option<Problem>,
    },
    /// Refused by the service.
    Rejected {
        /// Why.
        reason: Rejection,
        /// The submission to try again or download.
        submission_id: String,
    },
    /// The service accepted it.
    Sent {
        /// When.
        at: DateTime<Utc>,
    },
}

/// Reads `Retry-After`: delay-seconds or an HTTP-date (IMF-fixdate, and the obsolete RFC 850
/// and asctime forms every recipient must accept, RFC 9110 section 5.6.7).
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        let secs = v.parse::<i64>().unwrap_or(i64::MAX).min(10 * 365 * 86_400);
        return now.checked_add_signed(TimeDelta::seconds(secs));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(v) {
        return Some(t.with_timezone(&Utc));
    }
    let squashed = v.split_whitespace().collect::<Vec<_>>().join(" ");
    ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %d %H:%M:%S %Y"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&squashed, f).ok())
        .map(|n| n.and_utc())
}

fn rejection_for(status: u16) -> Option<Rejection> {
    Some(match status {
        300..=399 => Rejection::Redirected,
        400 | 422 => Rejection::Refused,
        401 | 403 | 407 => Rejection::NotAllowed,
        404 | 405 | 410 => Rejection::NoSuchAddress,
        409 | 412 => Rejection::Conflict,
        413 | 414 | 431 => Rejection::TooLarge,
        406 | 415 | 501 | 505 => Rejection::Unsupported,
        408 | 425 | 429 => return None,
        400..=499 => Rejection::Other,
        _ => return None,
    })
}

/// The service's own words from a JSON error body (a FHIR OperationOutcome, or `{"error"}`).
fn error_detail(body: &str) -> Option<String> {
    let v: Value = serde_json::from_str(body).ok()?;
    if let Some(words) = fhir::outcome_error(&v) {
        return words;
    }
    let words = v.get("error").or_else(|| v.get("message"))?.as_str()?;
    Some(words.chars().take(500).collect())
}

/// What an attempt to deliver `submission` in `format` means.
///
/// Any `2xx` to the plain-JSON format is an acceptance: the endpoint is `https:` (or the
/// device itself), so nothing between the phone and the service can answer in its place. A
/// FHIR `2xx` must also be a complete transaction response, because a FHIR server states the
/// outcome of every entry. Redirects are not followed by the network code: a `3xx` is a
/// configuration problem to report, not a place to resend personal data to.
pub fn classify(
    format: Format,
    submission: &Submission,
    attempted: Attempted<'_>,
    now: DateTime<Utc>,
) -> Outcome {
    let retry = |problem| Outcome::Retry {
        problem,
        not_before: None,
    };
    let (status, retry_after, body) = match attempted {
        Attempted::TimedOut => return retry(Problem::TimedOut),
        Attempted::NetworkError => return retry(Problem::ConnectionLost),
        Attempted::Offline => return retry(Problem::Offline),
        Attempted::Replied {
            status,
            retry_after,
            body,
        } => (status, retry_after, body),
    };
    let not_before = retry_after.and_then(|v| parse_retry_after(v, now));
    match status {
        200..=299 => match format {
            Format::Json => Outcome::Accepted { status },
            Format::FhirR4 => {
                match fhir::read_transaction_reply(body, fhir::entry_count(submission)) {
                    TransactionReply::Accepted => Outcome::Accepted { status },
                    TransactionReply::Refused(detail) => Outcome::Rejected {
                        status,
                        reason: Rejection::Refused,
                        detail,
                    },
                    TransactionReply::Unreadable => retry(Problem::UnreadableReply),
                }
            }
        },
        429 | 503 => Outcome::Retry {
            problem: Problem::ServiceBusy,
            not_before,
        },
        408 => retry(Problem::TimedOut),
        _ => match rejection_for(status) {
            Some(reason) => Outcome::Rejected {
                status,
                reason,
                detail: error_detail(body),
            },
            None if (500..=599).contains(&status) => Outcome::Retry {
                problem: Problem::ServiceError,
                not_before,
            },
            None => Outcome::Retry {
                problem: Problem::UnreadableReply,
                not_before,
            },
        },
    }
}

impl Entry {
    fn attempts(&self) -> u32 {
        match self.state {
            State::Waiting { attempts, .. } | State::Sending { attempts, .. } => attempts,
            State::Rejected { .. } | State::Unknown => 0,
        }
    }

    fn is_waiting(&self) -> bool {
        matches!(self.state, State::Waiting { .. } | State::Unknown)
    }

    /// Marked as sending for longer than any attempt can take: the tab that sent it closed
    /// (another tab still open reads its stored copy), or the clock jumped.
    fn is_stale(&self, now: DateTime<Utc>) -> bool {
        match self.state {
            State::Sending { since, .. } => (now - since).abs() > SENDING_GIVES_UP_AFTER,
            _ => false,
        }
    }
}

/// How long an attempt may stay marked as sending before it counts as cut off: far longer
/// than any request timeout, so a live attempt is never doubled, and short enough that a tab
/// which closed mid-send does not hold up another open tab for long.
pub const SENDING_GIVES_UP_AFTER: TimeDelta = TimeDelta::minutes(5);

impl Outbox {
    /// Queues a submission to send as soon as possible. A submission already queued or
    /// already delivered is not queued again (returns `false`).
    pub fn enqueue(&mut self, submission: Submission, now: DateTime<Utc>) -> bool {
        if self.find(&submission.id).is_some() || self.receipt(&submission.id).is_some() {
            return false;
        }
        self.entries.push(Entry {
            submission,
            queued_at: now,
            state: State::default(),
            extra: Map::new(),
        });
        true
    }

    /// The app has started: an attempt that was under way when the tab died goes back to
    /// waiting, and every wait of our own choosing ends now.
    pub fn on_start(&mut self) {
        for e in &mut self.entries {
            match e.state {
                State::Sending { attempts, .. } => {
                    e.state = State::Waiting {
                        attempts,
                        next_try_at: None,
                        set_by_service: false,
                        last_problem: Some(Problem::ConnectionLost),
                    };
                }
                State::Unknown => e.state = State::default(),
                _ => {}
            }
        }
        self.cut_waits_short();
    }

    /// The browser is back online: waits of our own choosing end now. A service's
    /// `Retry-After` still stands.
    pub fn on_online(&mut self) {
        self.cut_waits_short();
    }

    fn cut_waits_short(&mut self) {
        for e in &mut self.entries {
            if let State::Waiting {
                next_try_at,
                set_by_service: false,
                ..
            } = &mut e.state
            {
                *next_try_at = None;
            }
        }
    }

    /// The entry sent next: the oldest that is waiting. Entries go in the order made, so a
    /// later one never overtakes one that is waiting out a backoff.
    fn head(&self, now: DateTime<Utc>) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.is_waiting() || e.is_stale(now))
    }

    /// When the next attempt is due.
    pub fn due(&self, now: DateTime<Utc>) -> Due {
        if self
            .entries
            .iter()
            .any(|e| matches!(e.state, State::Sending { .. }) && !e.is_stale(now))
        {
            return Due::Nothing;
        }
        let Some(i) = self.head(now) else {
            return Due::Nothing;
        };
        match self.entries[i].state {
            State::Waiting {
                next_try_at: Some(t),
                ..
            } if t > now => Due::In(t - now),
            _ => Due::Now,
        }
    }

    /// Starts the next attempt if one is due: marks it sending and hands back what to send.
    /// Persist the outbox before sending. `None` while another attempt is under way.
    pub fn begin(&mut self, now: DateTime<Utc>) -> Option<Submission> {
        if self.due(now) != Due::Now {
            return None;
        }
        let i = self.head(now)?;
        let e = &mut self.entries[i];
        e.state = State::Sending {
            attempts: e.attempts() + 1,
            since: now,
        };
        Some(e.submission.clone())
    }

    /// Records what came of the attempt on submission `id`. `jitter` is a random number in
    /// `[0, 1]` from the caller (so tests can fix it).
    pub fn finish(
        &mut self,
        id: &str,
        outcome: Outcome,
        now: DateTime<Utc>,
        jitter: f64,
        policy: &RetryPolicy,
    ) {
        let Some(i) = self.find(id) else {
            // Another tab finished it first (see `merge`): nothing is left to update.
            return;
        };
        match outcome {
            Outcome::Accepted { status } => {
                let e = self.entries.remove(i);
                self.receipts.push(Receipt {
                    submission_id: e.submission.id.clone(),
                    kind: e.submission.kind,
                    record_ids: e.submission.record_ids(),
                    sent_at: now,
                    status,
                });
            }
            Outcome::Retry {
                problem,
                not_before,
            } => {
                let e = &mut self.entries[i];
                let attempts = e.attempts().max(1);
                let (next, by_service) = match not_before {
                    Some(t) => {
                        let wait = (t - now)
                            .max(policy.retry_after_floor)
                            .min(policy.retry_after_cap);
                        (now + wait, true)
                    }
                    None => (now + policy.backoff(attempts, jitter), false),
                };
                e.state = State::Waiting {
                    attempts,
                    next_try_at: Some(next),
                    set_by_service: by_service,
                    last_problem: Some(problem),
                };
            }
            Outcome::Rejected {
                status,
                reason,
                detail,
            } => {
                self.entries[i].state = State::Rejected {
                    status,
                    reason,
                    detail,
                    at: now,
                };
            }
        }
    }

    /// "Try again": a refused entry (or one waiting out a backoff) is sent as soon as
    /// possible, with a fresh backoff. Returns whether there was such an entry.
    pub fn try_again(&mut self, id: &str) -> bool {
        let Some(i) = self.find(id) else {
            return false;
        };
        let e = &mut self.entries[i];
        if matches!(e.state, State::Sending { .. }) {
            return false;
        }
        e.state = State::default();
        true
    }

    /// Removes an entry at the person's request, after they kept a copy ("download
    /// instead"): the only way an entry leaves without reaching the service.
    /// Not while an attempt is under way: its outcome is not known yet.
    pub fn withdraw(&mut self, id: &str) -> Option<Submission> {
        let i = self.find(id)?;
        if matches!(self.entries[i].state, State::Sending { .. }) {
            return None;
        }
        Some(self.entries.remove(i).submission)
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.submission.id == id)
    }

    /// The receipt for submission `id`, if the service accepted it.
    pub fn receipt(&self, id: &str) -> Option<&Receipt> {
        self.receipts.iter().find(|r| r.submission_id == id)
    }

    /// How many submissions are still on the device, not yet accepted (refused ones too).
    pub fn waiting_count(&self) -> usize {
        self.entries.len()
    }

    /// Where the referral or check-in with this id stands. A record queued again after a
    /// refusal reports its newest submission.
    pub fn status_of(&self, record_id: &str) -> RecordStatus {
        let carries = |s: &Submission| s.record_ids().iter().any(|r| r == record_id);
        if let Some(e) = self.entries.iter().rev().find(|e| carries(&e.submission)) {
            return match &e.state {
                State::Rejected { reason, .. } => RecordStatus::Rejected {
                    reason: *reason,
                    submission_id: e.submission.id.clone(),
                },
                State::Waiting { last_problem, .. } => RecordStatus::Waiting {
                    attempts: e.attempts(),
                    last_problem: *last_problem,
                },
                State::Sending { .. } | State::Unknown => RecordStatus::Waiting {
                    attempts: e.attempts(),
                    last_problem: None,
                },
            };
        }
        match self
            .receipts
            .iter()
            .rev()
            .find(|r| r.record_ids.iter().any(|x| x == record_id))
        {
            Some(r) => RecordStatus::Sent { at: r.sent_at },
            None => RecordStatus::NotQueued,
        }
    }

    /// Folds in another tab's copy: receipts are united; an entry either side has a receipt
    /// for is gone; otherwise the copy further along (refused, then sending, then more
    /// attempts) is kept. Nothing queued on either side is lost.
    pub fn merge(&mut self, other: Outbox) {
        for r in other.receipts {
            if self.receipt(&r.submission_id).is_none() {
                self.receipts.push(r);
            }
        }
        for e in other.entries {
            match self.find(&e.submission.id) {
                Some(i) => {
                    let rank = |e: &Entry| match e.state {
                        State::Rejected { .. } => (2, 0),
                        State::Sending { attempts, .. } => (1, attempts),
                        State::Waiting { attempts, .. } => (0, attempts),
                        State::Unknown => (0, 0),
                    };
                    if rank(&e) > rank(&self.entries[i]) {
                        self.entries[i] = e;
                    }
                }
                None => self.entries.push(e),
            }
        }
        let receipts = &self.receipts;
        self.entries
            .retain(|e| !receipts.iter().any(|r| r.submission_id == e.submission.id));
        self.entries.sort_by_key(|e| e.queued_at);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::submission::tests::{at, example};
    use chrono::TimeZone;

    fn policy() -> RetryPolicy {
        RetryPolicy::default()
    }

    /// The example submission under another id.
    pub(crate) fn sub(id: &str) -> Submission {
        Submission {
            id: id.into(),
            ..example()
        }
    }

    /// An outbox holding `ids`, queued at `now` in that order, with the first being sent.
    pub(crate) fn sending(ids: &[&str], now: DateTime<Utc>) -> Outbox {
        let mut o = Outbox::default();
        for id in ids {
            o.enqueue(sub(id), now);
        }
        o.begin(now);
        o
    }

    /// Ends the attempt at `id` as the sender does: the default policy, a middling jitter.
    pub(crate) fn answer(o: &mut Outbox, id: &str, outcome: Outcome, now: DateTime<Utc>) {
        o.finish(id, outcome, now, 0.5, &policy());
    }

    /// A failure worth trying again after our own wait.
    pub(crate) fn retry(problem: Problem) -> Outcome {
        Outcome::Retry {
            problem,
            not_before: None,
        }
    }

    /// A refusal for `reason`, as a 422 without details.
    pub(crate) fn refused(reason: Rejection) -> Outcome {
        Outcome::Rejected {
            status: 422,
            reason,
            detail: None,
        }
    }

    fn replied(status: u16) -> Attempted<'static> {
        Attempted::Replied {
            status,
            retry_after: None,
            body: "",
        }
    }

    #[test]
    fn a_new_submission_is_sent_at_once_and_removed_only_when_accepted() {
        let now = at(20, 10, 0);
        let mut o = Outbox::default();
        assert!(o.enqueue(sub("a"), now));
        assert_eq!(o.due(now), Due::Now);
        let s = o.begin(now).unwrap();
        assert_eq!(o.waiting_count(), 1, "kept while sending");
        answer(
            &mut o,
            "a",
            classify(Format::Json, &s, replied(201), now),
            now,
        );
        assert_eq!(o.waiting_count(), 0);
        assert_eq!(o.receipt("a").unwrap().status, 201);
        assert_eq!(
            o.status_of("5b7d1c8e-2f3a-4e6b-9c0d-1a2b3c4d5e6f"),
            RecordStatus::Sent { at: now }
        );
        assert!(
            !o.enqueue(sub("a"), now),
            "a delivered submission is not queued again"
        );
    }

    #[test]
    fn only_one_submission_is_sent_at_a_time_and_in_the_order_made() {
        let now = at(20, 10, 0);
        let mut o = Outbox::default();
        o.enqueue(sub("a"), now);
        o.enqueue(sub("b"), now);
        assert_eq!(o.begin(now).unwrap().id, "a");
        assert_eq!(o.due(now), Due::Nothing);
        assert_eq!(o.begin(now), None);
        o.finish("a", retry(Problem::TimedOut), now, 0.0, &policy());
        // "b" does not overtake "a" while "a" waits out its backoff.
        assert!(matches!(o.due(now), Due::In(_)));
        assert_eq!(o.begin(now), None);
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_with_jitter_inside_the_upper_half() {
        let p = RetryPolicy {
            base: TimeDelta::seconds(10),
            cap: TimeDelta::seconds(300),
            ..policy()
        };
        assert_eq!(p.backoff(1, 1.0), TimeDelta::seconds(10));
        assert_eq!(p.backoff(1, 0.0), TimeDelta::seconds(5));
        assert_eq!(p.backoff(2, 1.0), TimeDelta::seconds(20));
        assert_eq!(p.backoff(3, 0.5), TimeDelta::seconds(30));
        assert_eq!(p.backoff(6, 1.0), TimeDelta::seconds(300));
        assert_eq!(p.backoff(60, 0.0), TimeDelta::seconds(150));
        assert_eq!(p.backoff(u32::MAX, 1.0), TimeDelta::seconds(300));
        assert_eq!(p.backoff(1, f64::NAN), TimeDelta::milliseconds(7_500));
    }

    #[test]
    fn going_online_or_restarting_ends_our_own_waits_but_not_the_services() {
        let now = at(20, 10, 0);
        let mut o = sending(&["a"], now);
        answer(&mut o, "a", retry(Problem::Offline), now);
        assert!(matches!(o.due(now), Due::In(_)));
        o.on_online();
        assert_eq!(o.due(now), Due::Now);
        o.begin(now);
        let s = sub("a");
        let outcome = classify(
            Format::Json,
            &s,
            Attempted::Replied {
                status: 503,
                retry_after: Some("120"),
                body: "",
            },
            now,
        );
        answer(&mut o, "a", outcome, now);
        o.on_online();
        o.on_start();
        assert_eq!(o.due(now), Due::In(TimeDelta::seconds(120)));
        assert_eq!(o.due(now + TimeDelta::seconds(120)), Due::Now);
    }

    #[test]
    fn a_send_cut_off_by_the_tab_closing_is_tried_again_when_the_app_starts() {
        let now = at(20, 10, 0);
        let stored = serde_json::to_string(&sending(&["a"], now)).unwrap();
        let mut back: Outbox = serde_json::from_str(&stored).unwrap();
        assert_eq!(back.due(now), Due::Nothing, "still marked as sending");
        back.on_start();
        assert_eq!(back.due(now), Due::Now);
        assert_sent_again(&mut back, now);
    }

    /// The cut-off send of "a" goes out again at `now`, counted as its second attempt.
    fn assert_sent_again(o: &mut Outbox, now: DateTime<Utc>) {
        assert_eq!(o.begin(now).unwrap().id, "a");
        assert!(matches!(
            o.entries[0].state,
            State::Sending { attempts: 2, .. }
        ));
    }

    #[test]
    fn a_send_left_marked_by_a_closed_tab_holds_up_another_open_tab_only_for_minutes() {
        let now = at(20, 10, 0);
        let mut open_tab = Outbox::default();
        open_tab.merge(sending(&["a"], now));
        let later = now + SENDING_GIVES_UP_AFTER;
        assert_eq!(
            open_tab.due(later),
            Due::Nothing,
            "it may still be under way"
        );
        let stale = later + TimeDelta::seconds(1);
        assert_eq!(open_tab.due(stale), Due::Now);
        assert_sent_again(&mut open_tab, stale);
    }

    #[test]
    fn retry_after_is_read_as_seconds_or_any_http_date() {
        let now = Utc.with_ymd_and_hms(1994, 11, 6, 8, 49, 0).unwrap();
        let then = Utc.with_ymd_and_hms(1994, 11, 6, 8, 49, 37).unwrap();
        assert_eq!(parse_retry_after("37", now), Some(then));
        assert_eq!(parse_retry_after(" 37 ", now), Some(then));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(then)
        );
        assert_eq!(
            parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now),
            Some(then)
        );
        assert_eq!(
            parse_retry_after("Sun Nov  6 08:49:37 1994", now),
            Some(then)
        );
        assert_eq!(parse_retry_after("-5", now), None);
        assert_eq!(parse_retry_after("soon", now), None);
        assert!(parse_retry_after("99999999999999999999", now).is_some());
    }

    #[test]
    fn a_services_retry_after_is_kept_within_sane_bounds() {
        let now = at(20, 10, 0);
        let mut o = Outbox::default();
        o.enqueue(sub("a"), now);
        for (asked, waited) in [
            (TimeDelta::zero(), TimeDelta::seconds(1)),
            (TimeDelta::days(30), TimeDelta::hours(6)),
        ] {
            o.begin(now);
            let busy = Outcome::Retry {
                problem: Problem::ServiceBusy,
                not_before: Some(now + asked),
            };
            answer(&mut o, "a", busy, now);
            assert_eq!(o.due(now), Due::In(waited));
            o.try_again("a");
        }
    }

    #[test]
    fn every_status_means_what_a_person_would_expect() {
        let s = sub("a");
        let now = at(20, 10, 0);
        let c = |status| classify(Format::Json, &s, replied(status), now);
        assert_eq!(c(200), Outcome::Accepted { status: 200 });
        assert_eq!(c(204), Outcome::Accepted { status: 204 });
        let rejected = |status, reason| Outcome::Rejected {
            status,
            reason,
            detail: None,
        };
        assert_eq!(c(400), rejected(400, Rejection::Refused));
        assert_eq!(c(422), rejected(422, Rejection::Refused));
        assert_eq!(c(401), rejected(401, Rejection::NotAllowed));
        assert_eq!(c(404), rejected(404, Rejection::NoSuchAddress));
        assert_eq!(c(409), rejected(409, Rejection::Conflict));
        assert_eq!(c(413), rejected(413, Rejection::TooLarge));
        assert_eq!(c(415), rejected(415, Rejection::Unsupported));
        assert_eq!(c(308), rejected(308, Rejection::Redirected));
        assert_eq!(c(418), rejected(418, Rejection::Other));
        assert_eq!(c(500), retry(Problem::ServiceError));
        assert_eq!(c(502), retry(Problem::ServiceError));
        assert_eq!(c(503), retry(Problem::ServiceBusy));
        assert_eq!(c(429), retry(Problem::ServiceBusy));
        assert_eq!(c(408), retry(Problem::TimedOut));
        assert_eq!(
            classify(Format::Json, &s, Attempted::TimedOut, now),
            retry(Problem::TimedOut)
        );
        assert_eq!(
            classify(Format::Json, &s, Attempted::NetworkError, now),
            retry(Problem::ConnectionLost)
        );
    }

    #[test]
    fn a_fhir_reply_counts_only_as_a_complete_transaction_response() {
        let s = sub("a");
        let now = at(20, 10, 0);
        let n = fhir::entry_count(&s);
        let entries: Vec<Value> = (0..n)
            .map(|_| serde_json::json!({ "response": { "status": "201 Created" } }))
            .collect();
        let ok = serde_json::json!({ "resourceType": "Bundle", "type": "transaction-response", "entry": entries })
            .to_string();
        let c = |status, body: &str| {
            classify(
                Format::FhirR4,
                &s,
                Attempted::Replied {
                    status,
                    retry_after: None,
                    body,
                },
                now,
            )
        };
        assert_eq!(c(200, &ok), Outcome::Accepted { status: 200 });
        assert_eq!(
            c(200, "<html>Sign in</html>"),
            retry(Problem::UnreadableReply)
        );
        let refusal = r#"{"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "invalid", "diagnostics": "Missing required property: status"}]}"#;
        assert_eq!(
            c(400, refusal),
            Outcome::Rejected {
                status: 400,
                reason: Rejection::Refused,
                detail: Some("Missing required property: status".into())
            }
        );
        assert!(matches!(
            c(200, refusal),
            Outcome::Rejected {
                reason: Rejection::Refused,
                ..
            }
        ));
    }

    #[test]
    fn a_refused_submission_is_kept_with_its_reason_until_the_person_acts() {
        let now = at(20, 10, 0);
        let mut o = sending(&["a"], now);
        let refusal = Outcome::Rejected {
            status: 422,
            reason: Rejection::Refused,
            detail: Some("bad".into()),
        };
        answer(&mut o, "a", refusal, now);
        assert_eq!(o.waiting_count(), 1);
        assert_eq!(o.due(now + TimeDelta::days(365)), Due::Nothing);
        o.on_start();
        o.on_online();
        assert_eq!(o.due(now), Due::Nothing, "not retried by itself");
        assert_eq!(
            o.status_of("c-1"),
            RecordStatus::Rejected {
                reason: Rejection::Refused,
                submission_id: "a".into()
            }
        );
        // The stored form keeps the reason as a stable id.
        let stored = serde_json::to_value(&o).unwrap();
        assert_eq!(stored["entries"][0]["state"]["reason"], "refused");
        assert!(o.try_again("a"));
        assert_eq!(o.due(now), Due::Now);
        assert_eq!(o.withdraw("a").unwrap().id, "a");
        assert_eq!(o.waiting_count(), 0);
    }

    #[test]
    fn a_stored_outbox_from_a_newer_app_is_read_and_sent_rather_than_lost() {
        let s = serde_json::to_value(sub("a")).unwrap();
        let stored = serde_json::json!({
            "entries": [
                { "submission": s, "state": { "is": "handed-to-service-worker", "x": 1 }, "note": "new" },
                { "submission": serde_json::to_value(sub("b")).unwrap(),
                  "state": { "is": "rejected", "reason": "blocked-by-policy", "status": 451 } },
            ],
            "future": true,
        });
        let mut o: Outbox = serde_json::from_value(stored).unwrap();
        assert_eq!(o.entries[0].state, State::Unknown);
        assert_eq!(o.entries[0].extra["note"], "new");
        assert_eq!(o.extra["future"], true);
        assert!(matches!(
            o.entries[1].state,
            State::Rejected {
                reason: Rejection::Unknown,
                status: 451,
                ..
            }
        ));
        let now = at(20, 10, 0);
        assert_eq!(o.due(now), Due::Now);
        assert_eq!(o.begin(now).unwrap().id, "a");
        let empty: Outbox = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, Outbox::default());
    }

    #[test]
    fn two_tabs_outboxes_merge_without_losing_or_resending_anything() {
        let now = at(20, 10, 0);
        let mut a = Outbox::default();
        a.enqueue(sub("x"), now);
        a.enqueue(sub("y"), now + TimeDelta::seconds(1));
        let mut b = a.clone();
        b.begin(now);
        answer(&mut b, "x", Outcome::Accepted { status: 201 }, now);
        b.enqueue(sub("z"), now + TimeDelta::seconds(2));
        a.begin(now);
        a.merge(b);
        let ids: Vec<&str> = a.entries.iter().map(|e| e.submission.id.as_str()).collect();
        assert_eq!(ids, ["y", "z"]);
        assert!(a.receipt("x").is_some());
    }
}
