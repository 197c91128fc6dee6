//! Property test of "exactly once": the outbox driven over a simulated network through
//! generated fault sequences, against receivers that deduplicate the way real ones do.
//!
//! The FHIR receiver runs each Bundle entry's `ifNoneExist` as a search over what it has
//! stored (a resource is created only when nothing matches); the JSON receiver keeps each
//! `Idempotency-Key` once. Each counts what it holds by its own identifiers. The faults: 500s,
//! 503 and 429 with `Retry-After` (seconds or an HTTP-date), timeouts before and after the
//! service stored the submission, dropped connections, replies lost after storing, a tab
//! closed mid-send (before and after the request arrived) and restored from its stored
//! copy, restarts while waiting, going offline and back online, a Wi-Fi sign-in page
//! answering in the service's place, a refusal the person answers with "try again", and new
//! submissions made in the middle of it all.
//!
//! With the runner from `properties.rs`, this runs a fixed number of cases that
//! `PROPTEST_CASES` can raise but not lower, and prints `proptest cases: outbox_faults N` and the totals past the
//! harness's capture.

use std::cell::Cell;
use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};

use super::checkin::NewGoal;
use super::fhir;
use super::outbox::{classify, Attempted, Due, Outbox, RetryPolicy, State};
use super::properties::{announce, runner};
use super::referral::Baseline;
use super::submission::tests::{at, baseline, later, referral, TestLabels};
use super::submission::{Format, Person, Shared, Submission, IDEMPOTENCY_KEY_HEADER};

/// Generated fault sequences.
const CASES: u32 = 1_000;

/// How a `Retry-After` header is written.
#[derive(Debug, Clone, Copy)]
enum RetryAfter {
    Seconds(i64),
    Date(i64),
}

/// What happens to one attempt, or between attempts.
#[derive(Debug, Clone, Copy)]
enum Fault {
    /// The service accepts it.
    Deliver,
    /// 500: the service failed before storing anything.
    ServerError,
    /// 429 or 503 with `Retry-After`.
    Busy(u16, RetryAfter),
    /// No reply in time; `true` when the service stored it anyway.
    Timeout(bool),
    /// The connection dropped before the request arrived.
    Dropped,
    /// The service stored it, then the connection dropped before the reply.
    ReplyLost,
    /// The tab closed mid-send; `true` when the request had arrived.
    ClosedMidSend(bool),
    /// The device was offline; it comes back online after this many seconds.
    Offline(i64),
    /// A Wi-Fi sign-in page answered 200 in the service's place (only possible over plain
    /// HTTP, so only for the FHIR case; the JSON case sees a TLS failure instead).
    SignInPage,
    /// 422: refused; the person later presses "try again".
    Refused,
    /// The app restarted while waiting (not mid-send).
    Restart,
    /// The person sent something else.
    NewSubmission,
}

fn retry_after() -> impl Strategy<Value = RetryAfter> {
    prop_oneof![
        (0i64..600).prop_map(RetryAfter::Seconds),
        (0i64..600).prop_map(RetryAfter::Date),
    ]
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        3 => Just(Fault::Deliver),
        2 => Just(Fault::ServerError),
        2 => (prop_oneof![Just(429u16), Just(503u16)], retry_after())
            .prop_map(|(s, r)| Fault::Busy(s, r)),
        2 => any::<bool>().prop_map(Fault::Timeout),
        2 => Just(Fault::Dropped),
        3 => Just(Fault::ReplyLost),
        3 => any::<bool>().prop_map(Fault::ClosedMidSend),
        2 => (0i64..7_200).prop_map(Fault::Offline),
        1 => Just(Fault::SignInPage),
        1 => Just(Fault::Refused),
        1 => Just(Fault::Restart),
        1 => Just(Fault::NewSubmission),
    ]
}

/// One generated case: the format, the submissions made at the start (some only sharing
/// check-ins), the faults in order, and a seed for the jitter.
#[derive(Debug, Clone)]
struct Case {
    format: Format,
    first: Vec<bool>,
    faults: Vec<Fault>,
    seed: u64,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![Just(Format::FhirR4), Just(Format::Json)],
        prop::collection::vec(any::<bool>(), 1..4),
        prop::collection::vec(fault(), 0..30),
        any::<u64>(),
    )
        .prop_map(|(format, first, faults, seed)| Case {
            format,
            first,
            faults,
            seed,
        })
}

/// Submission `n`: a referral with its baseline, or (`check_ins_only`) a later check-in.
fn submission(n: usize, check_ins_only: bool, now: DateTime<Utc>) -> Submission {
    let mut c = baseline();
    c.id = format!("c-{n}-1");
    c.follow_up.new_goals = vec![NewGoal {
        id: format!("g-{n}"),
        text: "Phone my sister".into(),
    }];
    if check_ins_only {
        let mut l = later();
        l.id = format!("c-{n}-2");
        let checkins = [
            Shared {
                record: &c,
                assisted: false,
            },
            Shared {
                record: &l,
                assisted: n.is_multiple_of(2),
            },
        ];
        let person = Person::key_only(&format!("r-{n}"));
        Submission::check_ins(&format!("s-{n}"), now, person, &checkins, &TestLabels)
    } else {
        let mut r = referral();
        r.id = format!("r-{n}");
        r.baseline = Baseline::Done {
            checkin_id: c.id.clone(),
        };
        let shared = Shared {
            record: &r,
            assisted: n % 2 == 1,
        };
        let checkins = [Shared {
            record: &c,
            assisted: false,
        }];
        Submission::referral(&format!("s-{n}"), now, shared, &checkins, &TestLabels)
    }
    .unwrap_or_default()
}

/// A resource a server must hold: its type and first identifier (system, value).
type Held = (String, (String, String));

/// A FHIR server's transaction processing, reduced to what deduplication needs.
#[derive(Default)]
struct FhirReceiver {
    /// Every resource created: its type and identifiers (system, value).
    stored: Vec<(String, Vec<(String, String)>)>,
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = s
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let (b'%', Some(x)) = (b[i], hex) {
            out.push(x);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn identifiers(resource: &Value) -> Vec<(String, String)> {
    let list = match &resource["identifier"] {
        Value::Array(a) => a.clone(),
        Value::Object(_) => vec![resource["identifier"].clone()],
        _ => Vec::new(),
    };
    list.iter()
        .map(|i| {
            (
                i["system"].as_str().unwrap_or_default().to_owned(),
                i["value"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

impl FhirReceiver {
    /// Processes a transaction as a server would and answers with its response Bundle.
    fn post(&mut self, body: &str) -> (u16, String) {
        let bundle: Value = serde_json::from_str(body).unwrap_or_default();
        let mut replies = Vec::new();
        for e in bundle["entry"].as_array().into_iter().flatten() {
            let kind = e["request"]["url"].as_str().unwrap_or_default().to_owned();
            let query = e["request"]["ifNoneExist"].as_str().unwrap_or_default();
            let wanted = query
                .strip_prefix("identifier=")
                .and_then(|q| q.split_once('|'))
                .map(|(s, v)| (percent_decode(s), percent_decode(v)));
            let found = wanted.as_ref().is_some_and(|w| {
                self.stored
                    .iter()
                    .any(|(t, ids)| *t == kind && ids.contains(w))
            });
            if found {
                replies.push(json!({ "response": { "status": "200 OK" } }));
            } else {
                self.stored.push((kind, identifiers(&e["resource"])));
                replies.push(json!({ "response": { "status": "201 Created" } }));
            }
        }
        let reply =
            json!({ "resourceType": "Bundle", "type": "transaction-response", "entry": replies });
        (200, reply.to_string())
    }

    /// Resources sharing a first identifier with another: each extra one is a duplicate.
    fn duplicated(&self) -> usize {
        let mut counts: HashMap<(&str, &(String, String)), usize> = HashMap::new();
        for (t, ids) in &self.stored {
            if let Some(first) = ids.first() {
                *counts.entry((t, first)).or_default() += 1;
            }
        }
        counts.values().map(|n| n - 1).sum()
    }

    /// Of `expected` (each entry's type and first identifier), how many the server lacks.
    fn missing(&self, expected: &[Held]) -> usize {
        expected
            .iter()
            .filter(|(t, want)| {
                !self
                    .stored
                    .iter()
                    .any(|(kind, ids)| kind == t && ids.first() == Some(want))
            })
            .count()
    }
}

/// Each entry of `s`'s Bundle as its type and first identifier: what a server must hold.
fn expected_entries(s: &Submission) -> Vec<Held> {
    fhir::bundle(s)["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let t = e["request"]["url"].as_str()?.to_owned();
            Some((t, identifiers(&e["resource"]).into_iter().next()?))
        })
        .collect()
}

/// A plain-JSON receiver that keeps each `Idempotency-Key` once.
#[derive(Default)]
struct JsonReceiver {
    stored: Vec<Submission>,
}

impl JsonReceiver {
    fn post(&mut self, headers: &[(&'static str, String)], body: &str) -> (u16, String) {
        let key = headers
            .iter()
            .find(|(h, _)| *h == IDEMPOTENCY_KEY_HEADER)
            .map(|(_, v)| v.as_str());
        let Ok(s) = Submission::parse(body) else {
            return (400, r#"{"error": "not a submission"}"#.into());
        };
        if key != Some(s.id.as_str()) {
            return (
                400,
                r#"{"error": "Idempotency-Key differs from id"}"#.into(),
            );
        }
        if self.stored.iter().any(|x| x.id == s.id) {
            return (200, "{}".into());
        }
        self.stored.push(s);
        (201, "{}".into())
    }

    /// Records (referrals and check-ins) held more than once, across stored submissions.
    fn duplicated(&self) -> usize {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for s in &self.stored {
            for id in s.record_ids() {
                *counts.entry(id).or_default() += 1;
            }
        }
        counts.values().map(|n| n - 1).sum()
    }

    fn missing(&self, s: &Submission) -> usize {
        let held: Vec<String> = self.stored.iter().flat_map(|x| x.record_ids()).collect();
        s.record_ids().iter().filter(|r| !held.contains(r)).count()
    }
}

/// The figures of one run.
#[derive(Default, Debug, Clone, Copy)]
struct Figures {
    lost: usize,
    duplicated: usize,
    attempts: usize,
    faults: usize,
    restarts: usize,
}

/// The device, the network and the service, on a simulated clock.
struct World {
    case: Case,
    policy: RetryPolicy,
    now: DateTime<Utc>,
    outbox: Outbox,
    fhir: FhirReceiver,
    json: JsonReceiver,
    made: Vec<Submission>,
    /// What the FHIR server must hold for each submission made, by id.
    expected: HashMap<String, Vec<Held>>,
    /// The first request body of each submission: every resend must be the same bytes.
    bodies: HashMap<String, String>,
    /// The earliest time the service allowed the next attempt of a submission.
    not_before: HashMap<String, DateTime<Utc>>,
    rng: u64,
    figures: Figures,
}

impl World {
    fn jitter(&mut self) -> f64 {
        // xorshift64: deterministic per case, so a failure replays exactly.
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        (self.rng >> 11) as f64 / (1u64 << 53) as f64
    }

    /// The tab closes and the app starts again. The network code writes the outbox to
    /// storage after every change and before a request leaves, so what the new tab reads is
    /// the outbox as it stands (a send under way still marked as sending), through its JSON.
    fn restart(&mut self) -> Result<(), TestCaseError> {
        let text = serde_json::to_string(&self.outbox)
            .map_err(|e| TestCaseError::fail(format!("outbox not storable: {e}")))?;
        self.outbox = serde_json::from_str(&text)
            .map_err(|e| TestCaseError::fail(format!("stored outbox unreadable: {e}")))?;
        self.outbox.on_start();
        self.figures.restarts += 1;
        Ok(())
    }

    fn make(&mut self, check_ins_only: bool) {
        let s = submission(self.made.len(), check_ins_only, self.now);
        self.outbox.enqueue(s.clone(), self.now);
        self.expected.insert(s.id.clone(), expected_entries(&s));
        self.made.push(s);
    }

    /// Delivers the request to the service; returns its reply.
    fn deliver(&mut self, s: &Submission) -> Result<(u16, String), TestCaseError> {
        let req = super::delivery::request(s, self.case.format)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let first = self
            .bodies
            .entry(s.id.clone())
            .or_insert_with(|| req.body.clone());
        prop_assert!(
            *first == req.body,
            "a resend of {} differs from its first attempt",
            s.id
        );
        Ok(match self.case.format {
            Format::FhirR4 => self.fhir.post(&req.body),
            Format::Json => self.json.post(&req.headers, &req.body),
        })
    }

    fn finish(&mut self, s: &Submission, attempted: Attempted<'_>) -> Result<(), TestCaseError> {
        let outcome = classify(self.case.format, s, attempted, self.now);
        let jitter = self.jitter();
        self.outbox
            .finish(&s.id, outcome, self.now, jitter, &self.policy);
        // A wait of our own choosing stays within the schedule.
        if let Some(e) = self.outbox.entries.iter().find(|e| e.submission.id == s.id) {
            if let State::Waiting {
                next_try_at: Some(t),
                set_by_service: false,
                ..
            } = e.state
            {
                let wait = t - self.now;
                prop_assert!(wait >= self.policy.base / 2 && wait <= self.policy.cap);
            }
        }
        Ok(())
    }

    fn attempt(&mut self, fault: Fault) -> Result<(), TestCaseError> {
        let Some(s) = self.outbox.begin(self.now) else {
            return Err(TestCaseError::fail("due now, but nothing began"));
        };
        self.figures.attempts += 1;
        if let Some(t) = self.not_before.get(&s.id) {
            prop_assert!(self.now >= *t, "tried before the service's Retry-After");
        }
        let sending = self
            .outbox
            .entries
            .iter()
            .filter(|e| matches!(e.state, State::Sending { .. }))
            .count();
        prop_assert_eq!(sending, 1, "more than one submission sending at once");
        let fault = match (fault, self.case.format) {
            (Fault::SignInPage, Format::Json) => Fault::Dropped,
            (f, _) => f,
        };
        if !matches!(fault, Fault::Deliver) {
            self.figures.faults += 1;
        }
        let replied = |status, retry_after, body| Attempted::Replied {
            status,
            retry_after,
            body,
        };
        match fault {
            Fault::Deliver => {
                let (status, body) = self.deliver(&s)?;
                self.finish(&s, replied(status, None, &body))?;
            }
            Fault::ServerError => self.finish(&s, replied(500, None, "Internal error"))?,
            Fault::Busy(status, after) => {
                let (header, until) = match after {
                    RetryAfter::Seconds(n) => (n.to_string(), self.now + TimeDelta::seconds(n)),
                    RetryAfter::Date(n) => {
                        let t = self.now + TimeDelta::seconds(n);
                        // An HTTP-date has whole seconds: the service means the second named.
                        let whole = DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t);
                        (t.format("%a, %d %b %Y %H:%M:%S GMT").to_string(), whole)
                    }
                };
                let until = until.max(self.now + self.policy.retry_after_floor);
                self.not_before.insert(s.id.clone(), until);
                self.finish(&s, replied(status, Some(&header), ""))?;
            }
            Fault::Timeout(arrived) => {
                if arrived {
                    self.deliver(&s)?;
                }
                self.now += self.policy.timeout;
                self.finish(&s, Attempted::TimedOut)?;
            }
            Fault::Dropped => self.finish(&s, Attempted::NetworkError)?,
            Fault::ReplyLost => {
                self.deliver(&s)?;
                self.finish(&s, Attempted::NetworkError)?;
            }
            Fault::ClosedMidSend(arrived) => {
                if arrived {
                    self.deliver(&s)?;
                }
                self.now += TimeDelta::seconds(5);
                self.restart()?;
            }
            Fault::Offline(secs) => {
                self.finish(&s, Attempted::Offline)?;
                self.now += TimeDelta::seconds(secs);
                self.outbox.on_online();
            }
            Fault::SignInPage => self.finish(
                &s,
                replied(200, None, "<html>Sign in to the café's Wi-Fi</html>"),
            )?,
            Fault::Refused => {
                self.finish(&s, replied(422, None, r#"{"error": "refused"}"#))?;
            }
            Fault::Restart | Fault::NewSubmission => {
                return Err(TestCaseError::fail("not an attempt"));
            }
        }
        Ok(())
    }

    /// Every submission is either still on the device or was accepted by the service.
    fn nothing_dropped(&self) -> Result<(), TestCaseError> {
        for s in &self.made {
            let queued = self.outbox.entries.iter().any(|e| e.submission.id == s.id);
            let receipted = self.outbox.receipt(&s.id).is_some();
            prop_assert!(queued || receipted, "{} left the device unaccepted", s.id);
            if receipted {
                prop_assert_eq!(self.missing(s), 0, "{} receipted but not held", &s.id);
            }
        }
        Ok(())
    }

    fn missing(&self, s: &Submission) -> usize {
        match self.case.format {
            Format::FhirR4 => self
                .fhir
                .missing(self.expected.get(&s.id).map_or(&[], Vec::as_slice)),
            Format::Json => self.json.missing(s),
        }
    }

    fn run(mut self) -> Result<Figures, TestCaseError> {
        for &check_ins_only in &self.case.first.clone() {
            self.make(check_ins_only);
        }
        let mut faults: VecDeque<Fault> = self.case.faults.iter().copied().collect();
        for _ in 0..2_000 {
            self.nothing_dropped()?;
            match self.outbox.due(self.now) {
                Due::Now => match faults.pop_front().unwrap_or(Fault::Deliver) {
                    Fault::Restart => {
                        self.now += TimeDelta::seconds(30);
                        self.restart()?;
                    }
                    Fault::NewSubmission => {
                        let check_ins_only = !self.made.len().is_multiple_of(2);
                        self.make(check_ins_only);
                    }
                    fault => self.attempt(fault)?,
                },
                Due::In(wait) => {
                    prop_assert!(wait > TimeDelta::zero());
                    self.now += wait;
                }
                Due::Nothing => {
                    let refused: Vec<String> = self
                        .outbox
                        .entries
                        .iter()
                        .filter(|e| matches!(e.state, State::Rejected { .. }))
                        .map(|e| e.submission.id.clone())
                        .collect();
                    if refused.is_empty() {
                        break;
                    }
                    // Kept, not dropped; the person reads why and presses "try again".
                    self.now += TimeDelta::hours(1);
                    for id in refused {
                        self.not_before.remove(&id);
                        prop_assert!(self.outbox.try_again(&id));
                    }
                }
            }
        }
        prop_assert!(
            self.outbox.entries.is_empty(),
            "still queued after the faults cleared: {:?}",
            self.outbox
                .entries
                .iter()
                .map(|e| &e.state)
                .collect::<Vec<_>>()
        );
        let lost: usize = self.made.iter().map(|s| self.missing(s)).sum();
        let duplicated = match self.case.format {
            Format::FhirR4 => self.fhir.duplicated(),
            Format::Json => self.json.duplicated(),
        };
        prop_assert_eq!(self.outbox.receipts.len(), self.made.len());
        Ok(Figures {
            lost,
            duplicated,
            ..self.figures
        })
    }
}

#[test]
fn outbox_faults_lose_nothing_and_duplicate_nothing() {
    let (mut runner, cases) = runner(CASES);
    let totals = Cell::new(Figures::default());
    let sequences = Cell::new(0usize);
    let started = std::time::Instant::now();
    let result = runner.run(&case(), |case| {
        let seed = case.seed | 1;
        let world = World {
            case,
            policy: RetryPolicy::default(),
            now: at(20, 10, 15),
            outbox: Outbox::default(),
            fhir: FhirReceiver::default(),
            json: JsonReceiver::default(),
            made: Vec::new(),
            expected: HashMap::new(),
            bodies: HashMap::new(),
            not_before: HashMap::new(),
            rng: seed,
            figures: Figures::default(),
        };
        let f = world.run()?;
        prop_assert_eq!(f.lost, 0, "lost");
        prop_assert_eq!(f.duplicated, 0, "duplicated");
        let mut t = totals.get();
        t.lost += f.lost;
        t.duplicated += f.duplicated;
        t.attempts += f.attempts;
        t.faults += f.faults;
        t.restarts += f.restarts;
        totals.set(t);
        sequences.set(sequences.get() + 1);
        Ok(())
    });
    if let Err(e) = result {
        panic!("outbox_faults: {e}");
    }
    let t = totals.get();
    announce(&format!("proptest cases: outbox_faults {cases}"));
    announce(&format!(
        "outbox faults: sequences={} lost={} duplicated={} (attempts={}, faults injected={}, \
         restarts={}, {:.1} s)",
        sequences.get(),
        t.lost,
        t.duplicated,
        t.attempts,
        t.faults,
        t.restarts,
        started.elapsed().as_secs_f64()
    ));
    assert!(sequences.get() >= cases as usize);
}
