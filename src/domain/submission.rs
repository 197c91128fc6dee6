//! What is sent to a service: one submission, its content, and the plain-JSON envelope.
//!
//! A submission is made once, when the person chooses to send, and never changes after that:
//! its id is generated on the device at that moment and is reused on every retry, so the
//! receiver can tell a resend from a new submission. Its content is a snapshot with the labels
//! the person saw, so a later change to the service's configuration cannot change what a
//! resend says. Both formats carry exactly this content: the plain JSON below is the
//! submission serialised as it is; the FHIR R4 transaction Bundle is built from it by
//! [`super::fhir`].
//!
//! # The plain-JSON format (`flourish-submission`, version 1)
//!
//! POSTed to the configured endpoint with `Content-Type: application/json` and
//! `Idempotency-Key: <id>` (the same value as the envelope's `id`). The receiver stores each
//! key once: it answers `201` the first time and `200` (or `201`) with nothing stored again
//! when the same key comes back, because a resend after a lost reply is normal. Any `2xx`
//! means accepted; the app never follows redirects. `tests/fixtures/submission.example.json`
//! is a full example, kept equal to this code by a test.
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `format` | `"flourish-submission"` | what this is |
//! | `version` | `1` | the envelope's version; a receiver refuses versions it does not know. New optional fields may appear within a version: ignore what you do not know |
//! | `id` | string | the submission's id, made on the device when the person chose to send; equal to the `Idempotency-Key` header and the same on every retry |
//! | `kind` | `"referral"` \| `"check-ins"` | a request for support (maybe with its first check-in), or check-ins shared later |
//! | `created_at` | RFC 3339 UTC time | when the person chose to send |
//! | `app_version` | string | the version of the app that made it |
//! | `person` | object | who it is about (below); the same `key` on every submission about the same person |
//! | `referral` | object, absent for `check-ins` | the request for support (below) |
//! | `checkins` | list | the well-being check-ins the person chose to share, oldest first (may be empty) |
//!
//! A choice is always sent as `{"id", "label"}`: `id` is the stable id from the service's
//! configuration (keep ids stable when changing labels), `label` the words the person saw.
//! Free text is sent as typed, trimmed; an empty answer is absent, never `""`.
//!
//! `person`: `key` (the id of the person's referral on their device: every submission about
//! them carries it), `preferred_name`, `contact_method` (choice: `phone`, `text`, `email`,
//! `ill-call-you`, `no-contact`), `phone` (UK national form, digits only, e.g.
//! `07700900123`, only when the method is a call or a text), `email` (only when the method is
//! email), `best_times`, `language`, `access_needs`, `age_band` (choice),
//! `postcode_district` (only the first half of a postcode, e.g. `CF10`).
//!
//! `referral`: `id` (the referral's id on the device), `reference` (what the person may quote,
//! e.g. `FL-Z2D3-9GRM`), `started_at`, `submitted_at`, `assisted` (`true` when it was
//! completed with help from a volunteer), `safety_concern` (`true` when the person answered
//! "yes" to thinking about harming themselves or ending their life: the app showed them the
//! urgent-help routes and told them that it tells no one; nothing is monitored in real time),
//! `reasons` (choices; the id `other` comes with `reason_other`, in their words),
//! `activities`, `barriers` (choices), `support` (choice), `goals` (list of `{"id", "text"}`;
//! the ids are what later check-ins report progress against), `referred_by` (choice),
//! `baseline_checkin_id` (the id of the first check-in, done with the referral, when it is in
//! `checkins`).
//!
//! Each of `checkins`: `id`, `started_at`, `finished_at`, `assisted`, `responses` (below),
//! and, each only when the person answered it: `activities` (`{"kind": "none-yet"}` or
//! `{"kind": "went", "activities": [choices], "something_else": "…"}`), `goal_updates`
//! (`[{"goal_id", "goal", "status": choice}]` with status ids `not-started`, `started`,
//! `getting-there`, `done`, `changed-my-mind`), `new_goals` (`[{"id", "text"}]`),
//! `journey_step` (choice: `professional-support`, `engaging-with-others`, `learning`,
//! `changing-perceptions`, `moving-forwards`).
//!
//! Each response: `instrument_id` and `instrument_version` (the exact questionnaire
//! answered, e.g. `mhc-sf` version `1`), `instrument_name`, `questionnaire` (the canonical
//! URL and version of the published FHIR Questionnaire), `answers` (one per question in order:
//! `{"item", "question", "score", "label"}`: the item's stable id, the question as asked, the
//! score the answer carries, and the answer's words), and `derived`: scores this app computed
//! from the answers with that instrument version's scoring (`total`, `total_max`,
//! `subscales`, `category`, `bands`), for convenience only. The answers are the record:
//! recompute from them when in doubt.
//!
//! Idempotency-Key: a receiver that has seen the key before must not store the submission
//! again, whatever the body says; the body of a resend is byte-for-byte the same.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::checkin::{ActivityUptake, CheckIn, Response};
use super::document::read_named;
use super::instrument::{BandLevel, Category, ScaleShape};
use super::referral::{self, Baseline, Referral};

/// The envelope's `format` value.
pub const FORMAT: &str = "flourish-submission";
/// The envelope version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// The header that carries the submission id in the plain-JSON format.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// How a service wants to receive submissions (`send.format` in its configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    /// A FHIR R4 transaction Bundle POSTed to the FHIR base URL.
    #[serde(rename = "fhir-r4")]
    FhirR4,
    /// The `flourish-submission` envelope POSTed to the endpoint.
    #[serde(rename = "json")]
    Json,
}

/// What a submission carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A request for support, with any check-ins shared with it (its baseline).
    #[default]
    Referral,
    /// Check-ins shared after the referral.
    CheckIns,
}

/// A choice as sent: the stable id and the words the person saw.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Coded {
    /// Stable id from the service's configuration or the app's own lists.
    pub id: String,
    /// The words the person saw when choosing it.
    pub label: String,
}

/// The configured lists a choice id is looked up in, to send its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChoiceList {
    /// "What is going on for you".
    Reasons,
    /// Activity categories (the referral's interests and a check-in's uptake).
    Activities,
    /// "What might make it hard to go".
    Barriers,
    /// "How much support you'd like".
    SupportLevels,
    /// "Who suggested getting in touch".
    Referrers,
    /// Age bands.
    AgeBands,
    /// How to contact the person (`phone`, `text`, ...): its words live in the catalogue.
    ContactMethods,
}

/// Where the labels sent beside ids come from: the service's configuration and the message
/// catalogue, which the pure core does not hold.
pub trait Labels {
    /// The words for choice `id` in `list`, or `None` when the list no longer has it.
    fn choice(&self, list: ChoiceList, id: &str) -> Option<String>;
    /// The words of goal `goal_id` (from a referral or an earlier check-in), if known.
    fn goal(&self, goal_id: &str) -> Option<String>;
}

/// A record to send and whether it was completed with help from a volunteer.
#[derive(Debug, Clone, Copy)]
pub struct Shared<'a, T> {
    /// The record itself.
    pub record: &'a T,
    /// Whether a peer volunteer helped (assisted mode).
    pub assisted: bool,
}

/// Why a submission could not be made. Each would break the guarantee of "exactly once".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    /// The submission, a record or the person has no id.
    #[error("a record to send has no id")]
    MissingId,
    /// Check-ins were to be shared but none were given.
    #[error("there is nothing to send")]
    Nothing,
}

/// Why a received envelope could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not JSON or not this shape.
    #[error("not a Flourish submission: {0}")]
    NotASubmission(String),
    /// A version newer than this build reads.
    #[error("a newer submission version ({0})")]
    Newer(u32),
}

/// One submission: what the outbox holds and sends, unchanged, until the service accepts it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Submission {
    /// Always [`FORMAT`].
    pub format: String,
    /// The envelope version, [`VERSION`] when made by this build.
    pub version: u32,
    /// Client-generated id, fixed at creation and reused on every retry.
    pub id: String,
    /// What it carries.
    pub kind: Kind,
    /// When the person chose to send.
    pub created_at: DateTime<Utc>,
    /// The version of the app that made it.
    pub app_version: String,
    /// Who it is about.
    pub person: Person,
    /// The request for support, for [`Kind::Referral`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referral: Option<ReferralPart>,
    /// The check-ins shared, oldest first.
    pub checkins: Vec<CheckInPart>,
    /// Fields written by a newer app, kept so a stored submission is resent unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Submission {
    fn default() -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            id: String::new(),
            kind: Kind::default(),
            created_at: DateTime::<Utc>::default(),
            app_version: String::new(),
            person: Person::default(),
            referral: None,
            checkins: Vec::new(),
            extra: Map::new(),
        }
    }
}

/// The person a submission is about, as they described themselves.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Stable across every submission about this person: the id of their referral.
    pub key: String,
    /// What they would like to be called.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_name: Option<String>,
    /// How they would like to be contacted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_method: Option<Coded>,
    /// Their UK phone number in national form, when the method is a call or a text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Their email address, when the method is email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// When is best to contact them, in their words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_times: Option<String>,
    /// The language they would like to use, in their words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// What would make contact or activities easier, in their words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_needs: Option<String>,
    /// Their age band.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_band: Option<Coded>,
    /// The first half of their postcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode_district: Option<String>,
}

/// A goal in the person's words, with the id progress is reported against.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    /// Stable id: `<referral id>/goal-<n>` for a referral's goals, or made at a check-in.
    pub id: String,
    /// The goal as they wrote it.
    pub text: String,
}

/// The request for support as sent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferralPart {
    /// The referral's id on the device.
    pub id: String,
    /// The reference the person may quote, e.g. `FL-Z2D3-9GRM`.
    pub reference: String,
    /// When they started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<DateTime<Utc>>,
    /// When they confirmed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<DateTime<Utc>>,
    /// Whether it was completed with help from a volunteer.
    pub assisted: bool,
    /// Their answer to the safety question, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safety_concern: Option<bool>,
    /// What is going on for them.
    pub reasons: Vec<Coded>,
    /// "Other", in their words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_other: Option<String>,
    /// What they might like to do.
    pub activities: Vec<Coded>,
    /// What might make it hard to go.
    pub barriers: Vec<Coded>,
    /// How much support they would like.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support: Option<Coded>,
    /// What matters to them.
    pub goals: Vec<Goal>,
    /// Who suggested getting in touch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referred_by: Option<Coded>,
    /// The id of their first check-in, when it is shared in the same submission.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_checkin_id: Option<String>,
}

/// One check-in as sent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckInPart {
    /// The check-in's id on the device.
    pub id: String,
    /// When they started it.
    pub started_at: DateTime<Utc>,
    /// When they finished it.
    pub finished_at: DateTime<Utc>,
    /// Whether it was completed with help from a volunteer.
    pub assisted: bool,
    /// One per questionnaire, in the order asked.
    pub responses: Vec<ResponsePart>,
    /// The activities they went to since last time, if answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activities: Option<UptakePart>,
    /// How their goals are going, if answered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goal_updates: Vec<GoalUpdatePart>,
    /// Goals added at this check-in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub new_goals: Vec<Goal>,
    /// Which of the five steps feels most like now, if answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journey_step: Option<Coded>,
}

/// Activities attended since the last check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum UptakePart {
    /// "None yet".
    NoneYet,
    /// They went to something.
    Went {
        /// The kinds of activity.
        #[serde(default)]
        activities: Vec<Coded>,
        /// "Something else", in their words.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        something_else: Option<String>,
    },
}

/// One goal's progress at a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalUpdatePart {
    /// The goal's id.
    pub goal_id: String,
    /// The goal's words, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// How it is going.
    pub status: Coded,
}

/// One questionnaire's answers, with the exact instrument version they answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ResponsePart {
    /// The instrument's id, e.g. `mhc-sf`.
    pub instrument_id: String,
    /// The instrument's version.
    pub instrument_version: String,
    /// The instrument's name, when this build knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument_name: Option<String>,
    /// The canonical URL and version of the published FHIR Questionnaire.
    pub questionnaire: String,
    /// One per question, in order.
    pub answers: Vec<AnswerPart>,
    /// Scores computed from the answers, when this build knows the instrument.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<Derived>,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerPart {
    /// The item's stable id within the instrument.
    pub item: String,
    /// The question as the person read it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The score the chosen answer carries; absent when unanswered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    /// The chosen answer's words (for a 0 to 10 scale, the number itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Scores this app computed from the answers: a convenience, never the record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Derived {
    /// The total, when the instrument has one and every item is answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// The highest possible total (absent when the instrument has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_max: Option<u32>,
    /// Each subscale's sum and maximum.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subscales: Vec<SubscalePart>,
    /// The category id (`flourishing`, `moderately-mentally-healthy`, `languishing`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Each banded item's band (ONS4).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<BandPart>,
}

/// A subscale's score.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SubscalePart {
    /// The subscale's id.
    pub id: String,
    /// Its sum, when all of its items are answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
    /// Its highest possible sum.
    pub max: u32,
}

/// A banded item's band.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BandPart {
    /// The item's id.
    pub item: String,
    /// The band's id (`very-low` ... `very-high`).
    pub band: String,
}

/// The HTTP request that delivers a submission, described without any network code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Headers to send besides the browser's own.
    pub headers: Vec<(&'static str, String)>,
    /// The body, sent as it is on every attempt.
    pub body: String,
}

/// Trims free text; an empty answer is sent as absent.
fn text(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn coded(labels: &dyn Labels, list: ChoiceList, id: &str) -> Coded {
    Coded {
        id: id.to_owned(),
        label: labels.choice(list, id).unwrap_or_else(|| id.to_owned()),
    }
}

fn category_id(c: Category) -> &'static str {
    match c {
        Category::Flourishing => "flourishing",
        Category::ModeratelyMentallyHealthy => "moderately-mentally-healthy",
        Category::Languishing => "languishing",
    }
}

impl Person {
    /// The person as their referral describes them. Only the contact detail their chosen
    /// method uses is sent: a number typed before they switched to email stays on the device.
    pub fn from_referral(r: &Referral, labels: &dyn Labels) -> Self {
        let method = r.contact_method;
        let phone = match method {
            Some(m) if m.needs_phone() => match referral::parse_uk_phone(&r.phone) {
                Ok(p) => Some(p.0),
                Err(_) => text(&r.phone),
            },
            _ => None,
        };
        let email = match method {
            Some(referral::ContactMethod::Email) => text(&r.email),
            _ => None,
        };
        Self {
            key: r.id.clone(),
            preferred_name: text(&r.name),
            contact_method: method.map(|m| coded(labels, ChoiceList::ContactMethods, m.id())),
            phone,
            email,
            best_times: text(&r.best_times),
            language: text(&r.language),
            access_needs: text(&r.access_needs),
            age_band: r
                .age_band
                .as_deref()
                .map(|id| coded(labels, ChoiceList::AgeBands, id)),
            postcode_district: text(&r.postcode_district).map(|p| p.to_ascii_uppercase()),
        }
    }

    /// A person known only by their key, for check-ins shared without a referral.
    pub fn key_only(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            ..Self::default()
        }
    }
}

impl ReferralPart {
    fn new(r: &Referral, assisted: bool, shared: &[CheckInPart], labels: &dyn Labels) -> Self {
        let list = |l: ChoiceList, ids: &[String]| -> Vec<Coded> {
            ids.iter().map(|id| coded(labels, l, id)).collect()
        };
        let goals = r
            .goals
            .iter()
            .filter(|g| !g.trim().is_empty())
            .enumerate()
            .map(|(i, g)| Goal {
                id: format!("{}/goal-{}", r.id, i + 1),
                text: g.trim().to_owned(),
            })
            .collect();
        let baseline_checkin_id = match &r.baseline {
            Baseline::Done { checkin_id } if shared.iter().any(|c| &c.id == checkin_id) => {
                Some(checkin_id.clone())
            }
            _ => None,
        };
        let has_other = r.reasons.iter().any(|x| x == referral::OTHER);
        Self {
            id: r.id.clone(),
            reference: referral::reference(&r.id),
            started_at: r.started_at,
            submitted_at: r.submitted_at,
            assisted,
            safety_concern: r.safety,
            reasons: list(ChoiceList::Reasons, &r.reasons),
            reason_other: has_other.then(|| text(&r.reason_other)).flatten(),
            activities: list(ChoiceList::Activities, &r.activities),
            barriers: list(ChoiceList::Barriers, &r.barriers),
            support: r
                .support
                .as_deref()
                .map(|id| coded(labels, ChoiceList::SupportLevels, id)),
            goals,
            referred_by: r
                .referred_by
                .as_deref()
                .map(|id| coded(labels, ChoiceList::Referrers, id)),
            baseline_checkin_id,
        }
    }
}

impl ResponsePart {
    fn new(r: &Response) -> Self {
        let instrument = r.instrument();
        let answers = r
            .answers
            .iter()
            .enumerate()
            .map(|(i, score)| {
                let item = instrument.and_then(|ins| ins.items.get(i));
                let label = match (instrument, score) {
                    (Some(ins), Some(s)) => match ins.scale {
                        ScaleShape::Labelled => ins.option_for(*s).map(|o| o.label.to_owned()),
                        ScaleShape::Numeric { .. } => Some(s.to_string()),
                    },
                    _ => None,
                };
                AnswerPart {
                    item: item
                        .map(|it| it.id.to_owned())
                        .unwrap_or_else(|| format!("item-{}", i + 1)),
                    question: instrument.and_then(|ins| ins.question_text(i)),
                    score: *score,
                    label,
                }
            })
            .collect();
        let derived = instrument.map(|ins| {
            let s = ins.score(&r.answers);
            Derived {
                total: s.total,
                total_max: ins.total.map(|_| s.total_max),
                subscales: s
                    .subscales
                    .iter()
                    .map(|x| SubscalePart {
                        id: x.id.to_owned(),
                        score: x.score,
                        max: x.max,
                    })
                    .collect(),
                category: s.category.map(|c| category_id(c).to_owned()),
                bands: s
                    .items
                    .iter()
                    .filter_map(|it| {
                        it.band.map(|b: BandLevel| BandPart {
                            item: it.id.to_owned(),
                            band: b.id().to_owned(),
                        })
                    })
                    .collect(),
            }
        });
        Self {
            instrument_id: r.instrument_id.clone(),
            instrument_version: r.instrument_version.clone(),
            instrument_name: instrument.map(|i| i.name.to_owned()),
            questionnaire: super::canonical::questionnaire_canonical(
                &r.instrument_id,
                &r.instrument_version,
            ),
            answers,
            derived,
        }
    }
}

impl CheckInPart {
    fn new(c: &CheckIn, assisted: bool, labels: &dyn Labels) -> Self {
        let f = &c.follow_up;
        Self {
            id: c.id.clone(),
            started_at: c.started_at,
            finished_at: c.finished_at,
            assisted,
            responses: c.responses.iter().map(ResponsePart::new).collect(),
            activities: f.activities.as_ref().map(|a| match a {
                ActivityUptake::NoneYet => UptakePart::NoneYet,
                ActivityUptake::Went {
                    activity_ids,
                    something_else,
                } => UptakePart::Went {
                    activities: activity_ids
                        .iter()
                        .map(|id| coded(labels, ChoiceList::Activities, id))
                        .collect(),
                    something_else: something_else.as_deref().and_then(text),
                },
            }),
            goal_updates: f
                .goal_updates
                .iter()
                .map(|g| GoalUpdatePart {
                    goal_id: g.goal_id.clone(),
                    goal: labels.goal(&g.goal_id),
                    status: Coded {
                        id: g.status.as_str().to_owned(),
                        label: g.status.service_label().to_owned(),
                    },
                })
                .collect(),
            new_goals: f
                .new_goals
                .iter()
                .map(|g| Goal {
                    id: g.id.clone(),
                    text: g.text.clone(),
                })
                .collect(),
            journey_step: f.journey_step.as_ref().map(|j| Coded {
                id: j.as_str().to_owned(),
                label: j.research_name().to_owned(),
            }),
        }
    }
}

fn checkin_parts(
    checkins: &[Shared<'_, CheckIn>],
    labels: &dyn Labels,
) -> Result<Vec<CheckInPart>, BuildError> {
    if checkins.iter().any(|c| c.record.id.trim().is_empty()) {
        return Err(BuildError::MissingId);
    }
    let mut parts: Vec<CheckInPart> = checkins
        .iter()
        .map(|c| CheckInPart::new(c.record, c.assisted, labels))
        .collect();
    parts.sort_by(|a, b| a.finished_at.cmp(&b.finished_at).then(a.id.cmp(&b.id)));
    parts.dedup_by(|a, b| a.id == b.id);
    Ok(parts)
}

impl Submission {
    /// A request for support, with the check-ins the person chose to share with it.
    pub fn referral(
        id: &str,
        created_at: DateTime<Utc>,
        referral: Shared<'_, Referral>,
        checkins: &[Shared<'_, CheckIn>],
        labels: &dyn Labels,
    ) -> Result<Self, BuildError> {
        if id.trim().is_empty() || referral.record.id.trim().is_empty() {
            return Err(BuildError::MissingId);
        }
        let checkins = checkin_parts(checkins, labels)?;
        Ok(Self {
            id: id.to_owned(),
            kind: Kind::Referral,
            created_at,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            person: Person::from_referral(referral.record, labels),
            referral: Some(ReferralPart::new(
                referral.record,
                referral.assisted,
                &checkins,
                labels,
            )),
            checkins,
            ..Self::default()
        })
    }

    /// Check-ins shared after the referral, about `person`.
    pub fn check_ins(
        id: &str,
        created_at: DateTime<Utc>,
        person: Person,
        checkins: &[Shared<'_, CheckIn>],
        labels: &dyn Labels,
    ) -> Result<Self, BuildError> {
        if id.trim().is_empty() || person.key.trim().is_empty() {
            return Err(BuildError::MissingId);
        }
        let checkins = checkin_parts(checkins, labels)?;
        if checkins.is_empty() {
            return Err(BuildError::Nothing);
        }
        Ok(Self {
            id: id.to_owned(),
            kind: Kind::CheckIns,
            created_at,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            person,
            referral: None,
            checkins,
            ..Self::default()
        })
    }

    /// The plain-JSON envelope, as sent and as a person may download it.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    /// Reads an envelope back (a receiver's view, and the outbox's stored copy).
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let s = read_named(text, FORMAT, |s: &Submission| &s.format)
            .map_err(ParseError::NotASubmission)?;
        if s.version > VERSION {
            return Err(ParseError::Newer(s.version));
        }
        if s.id.trim().is_empty() {
            return Err(ParseError::NotASubmission("it has no id".into()));
        }
        Ok(s)
    }

    /// The ids of every record it carries, as a receiver would count them: the referral and
    /// each check-in. Used to tell the person what arrived.
    pub fn record_ids(&self) -> Vec<String> {
        self.referral
            .iter()
            .map(|r| r.id.clone())
            .chain(self.checkins.iter().map(|c| c.id.clone()))
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::checkin::{
        ActivityUptake, FollowUp, GoalStatus, GoalUpdate, JourneyStep, NewGoal,
    };
    use crate::domain::instrument::{MHC_SF, ONS4, UCLA3};
    use chrono::TimeZone;

    /// Labels as a service's configuration and the catalogue would give them.
    pub(crate) struct TestLabels;

    impl Labels for TestLabels {
        fn choice(&self, list: ChoiceList, id: &str) -> Option<String> {
            let label = match (list, id) {
                (ChoiceList::Reasons, "lonely") => "Feeling lonely or isolated",
                (ChoiceList::Reasons, "low-mood") => "Low mood or depression",
                (ChoiceList::Reasons, "other") => "Something else",
                (ChoiceList::Activities, "social") => "Social: social cafés and groups",
                (ChoiceList::Activities, "creative") => "Creative: arts, crafts, cooking",
                (ChoiceList::Barriers, "confidence") => "Confidence",
                (ChoiceList::Barriers, "not-knowing-anyone") => "Not knowing anyone there",
                (ChoiceList::SupportLevels, "come-with-me") => {
                    "Someone to come with me the first time"
                }
                (ChoiceList::Referrers, "gp") => "My GP or practice",
                (ChoiceList::AgeBands, "65-79") => "65 to 79",
                (ChoiceList::ContactMethods, "phone") => "A phone call",
                (ChoiceList::ContactMethods, "email") => "An email",
                _ => return None,
            };
            Some(label.to_owned())
        }

        fn goal(&self, goal_id: &str) -> Option<String> {
            (goal_id == "5b7d1c8e-2f3a-4e6b-9c0d-1a2b3c4d5e6f/goal-1")
                .then(|| "Get out of the house twice a week".to_owned())
        }
    }

    pub(crate) fn at(day: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, h, m, 0)
            .single()
            .unwrap_or_default()
    }

    /// The referral of `tests/fixtures/referral.v1.json`.
    pub(crate) fn referral() -> Referral {
        let text = include_str!("../../tests/fixtures/referral.v1.json");
        let v: Value = serde_json::from_str(text).unwrap();
        serde_json::from_value(v["data"].clone()).unwrap()
    }

    fn response(instrument: &crate::domain::instrument::Instrument, a: &[u8]) -> Response {
        let mut r = Response::blank(instrument);
        r.answers = a.iter().map(|&s| Some(s)).collect();
        r
    }

    /// The referral's baseline check-in: MHC-SF and UCLA-3, with every follow-up answer.
    pub(crate) fn baseline() -> CheckIn {
        CheckIn {
            id: "c-1".into(),
            started_at: at(20, 10, 5),
            finished_at: at(20, 10, 12),
            responses: vec![
                response(&MHC_SF, &[4, 3, 2, 1, 0, 5, 4, 3, 2, 1, 0, 5, 4, 3]),
                response(&UCLA3, &[3, 2, 1]),
            ],
            follow_up: FollowUp {
                activities: Some(ActivityUptake::Went {
                    activity_ids: vec!["social".into()],
                    something_else: Some("Choir".into()),
                }),
                goal_updates: vec![GoalUpdate {
                    goal_id: "5b7d1c8e-2f3a-4e6b-9c0d-1a2b3c4d5e6f/goal-1".into(),
                    status: GoalStatus::Started,
                }],
                new_goals: vec![NewGoal {
                    id: "g-9".into(),
                    text: "Phone my sister".into(),
                }],
                journey_step: Some(JourneyStep::EngagingWithOthers),
                went_to: vec![],
            },
            with_volunteer: false,
            extra: Map::new(),
        }
    }

    /// A later check-in with ONS4 and "none yet".
    pub(crate) fn later() -> CheckIn {
        CheckIn {
            id: "c-2".into(),
            started_at: at(27, 9, 0),
            finished_at: at(27, 9, 4),
            responses: vec![response(&ONS4, &[7, 8, 6, 3])],
            follow_up: FollowUp {
                activities: Some(ActivityUptake::NoneYet),
                ..FollowUp::default()
            },
            with_volunteer: false,
            extra: Map::new(),
        }
    }

    /// The later check-in shared by itself, the person named by key only.
    pub(crate) fn later_shared() -> Submission {
        later_shared_by(Person::key_only("p"), false)
    }

    /// The later check-in shared by itself, by `person`, with a volunteer's help or not.
    pub(crate) fn later_shared_by(person: Person, assisted: bool) -> Submission {
        Submission::check_ins(
            "s-2",
            at(27, 9, 5),
            person,
            &[Shared {
                record: &later(),
                assisted,
            }],
            &TestLabels,
        )
        .unwrap()
    }

    /// The example every format's fixture is made from.
    pub(crate) fn example() -> Submission {
        let r = referral();
        let c = baseline();
        Submission::referral(
            "0d3c9a4e-7b1f-4c2a-9e5d-6f8a7b3c2d1e",
            at(20, 10, 15),
            Shared {
                record: &r,
                assisted: true,
            },
            &[Shared {
                record: &c,
                assisted: true,
            }],
            &TestLabels,
        )
        .unwrap()
    }

    #[test]
    fn the_example_envelope_in_the_fixture_is_what_the_code_makes() {
        let made = example().to_json().unwrap() + "\n";
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/submission.example.json"
        );
        if std::env::var_os("FLOURISH_WRITE_FIXTURES").is_some() {
            std::fs::write(path, &made).unwrap();
        }
        let stored = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            stored == made,
            "tests/fixtures/submission.example.json is out of date: run \
             FLOURISH_WRITE_FIXTURES=1 cargo test --lib domain:: and review the diff"
        );
    }

    #[test]
    fn the_envelope_says_what_it_is() {
        let s = example();
        let v: Value = serde_json::from_str(&s.to_json().unwrap()).unwrap();
        assert_eq!(v["format"], "flourish-submission");
        assert_eq!(v["version"], 1);
        assert_eq!(v["id"], "0d3c9a4e-7b1f-4c2a-9e5d-6f8a7b3c2d1e");
        assert_eq!(v["kind"], "referral");
    }

    #[test]
    fn every_choice_goes_with_the_words_the_person_saw() {
        let s = example();
        let r = s.referral.as_ref().unwrap();
        assert_eq!(
            r.reasons[0],
            Coded {
                id: "lonely".into(),
                label: "Feeling lonely or isolated".into()
            }
        );
        assert_eq!(r.reason_other.as_deref(), Some("My dog died in the summer"));
        assert_eq!(r.support.as_ref().unwrap().id, "come-with-me");
        assert_eq!(
            s.person.contact_method.as_ref().unwrap().label,
            "A phone call"
        );
        // A choice the configuration no longer has still goes, with its id as its label.
        let gone = coded(&TestLabels, ChoiceList::Reasons, "housing");
        assert_eq!(gone.label, "housing");
    }

    #[test]
    fn each_answer_goes_with_its_instrument_version_question_and_words_not_only_a_score() {
        let s = example();
        let mhc = &s.checkins[0].responses[0];
        assert_eq!(
            (mhc.instrument_id.as_str(), mhc.instrument_version.as_str()),
            ("mhc-sf", "1")
        );
        assert_eq!(
            mhc.questionnaire,
            "https://flourish.example/fhir/Questionnaire/mhc-sf|1"
        );
        assert_eq!(mhc.answers.len(), 14);
        assert_eq!(
            mhc.answers[0],
            AnswerPart {
                item: "happy".into(),
                question: Some("During the past month, how often did you feel happy?".into()),
                score: Some(4),
                label: Some("Almost every day".into()),
            }
        );
        let derived = mhc.derived.as_ref().unwrap();
        assert_eq!(derived.total, Some(37));
        assert_eq!(derived.total_max, Some(70));
        let ons = later_shared();
        let ons = &ons.checkins[0].responses[0];
        assert_eq!(ons.answers[3].label.as_deref(), Some("3"));
        assert_eq!(ons.derived.as_ref().unwrap().total, None);
        assert_eq!(ons.derived.as_ref().unwrap().bands[0].band, "high");
    }

    #[test]
    fn only_the_contact_detail_the_chosen_method_uses_is_sent() {
        let mut r = referral();
        r.email = "sam@example.org".into();
        let p = Person::from_referral(&r, &TestLabels);
        assert_eq!(p.phone.as_deref(), Some("07700900123"));
        assert_eq!(p.email, None);
        r.contact_method = Some(referral::ContactMethod::Email);
        let p = Person::from_referral(&r, &TestLabels);
        assert_eq!(
            (p.phone, p.email.as_deref()),
            (None, Some("sam@example.org"))
        );
        r.contact_method = Some(referral::ContactMethod::NoContact);
        let p = Person::from_referral(&r, &TestLabels);
        assert_eq!((p.phone, p.email), (None, None));
    }

    #[test]
    fn empty_answers_are_absent_rather_than_empty_strings() {
        let s = example();
        let v: Value = serde_json::to_value(&s).unwrap();
        assert!(v["person"].get("language").is_none());
        fn no_empty_strings(v: &Value) -> bool {
            match v {
                Value::String(s) => !s.is_empty(),
                Value::Array(a) => a.iter().all(no_empty_strings),
                Value::Object(o) => o.values().all(no_empty_strings),
                _ => true,
            }
        }
        assert!(no_empty_strings(&v));
    }

    #[test]
    fn the_baseline_is_named_only_when_it_is_shared_with_the_referral() {
        assert_eq!(
            example().referral.unwrap().baseline_checkin_id.as_deref(),
            Some("c-1")
        );
        let r = referral();
        let alone = Submission::referral(
            "s",
            at(20, 10, 15),
            Shared {
                record: &r,
                assisted: false,
            },
            &[],
            &TestLabels,
        )
        .unwrap();
        assert_eq!(alone.referral.unwrap().baseline_checkin_id, None);
    }

    #[test]
    fn a_submission_without_ids_is_refused_because_it_could_not_be_sent_exactly_once() {
        let r = referral();
        let shared = Shared {
            record: &r,
            assisted: false,
        };
        assert_eq!(
            Submission::referral(" ", at(1, 0, 0), shared, &[], &TestLabels),
            Err(BuildError::MissingId)
        );
        assert_eq!(
            Submission::check_ins("s", at(1, 0, 0), Person::key_only("p"), &[], &TestLabels),
            Err(BuildError::Nothing)
        );
    }

    #[test]
    fn an_envelope_reads_back_equal_and_unknown_fields_survive() {
        let s = example();
        assert_eq!(Submission::parse(&s.to_json().unwrap()).unwrap(), s);
        let mut v: Value = serde_json::to_value(&s).unwrap();
        v["from_the_future"] = Value::from(7);
        let back = Submission::parse(&v.to_string()).unwrap();
        assert_eq!(back.extra["from_the_future"], 7);
        assert_eq!(serde_json::to_value(&back).unwrap()["from_the_future"], 7);
        v["version"] = Value::from(2);
        assert_eq!(Submission::parse(&v.to_string()), Err(ParseError::Newer(2)));
        assert!(Submission::parse(r#"{"format": "flourish-referral", "id": "x"}"#).is_err());
    }

    #[test]
    fn check_ins_are_sent_oldest_first_and_each_once() {
        let a = later();
        let b = baseline();
        let s = Submission::check_ins(
            "s",
            at(28, 0, 0),
            Person::key_only("p"),
            &[
                Shared {
                    record: &a,
                    assisted: false,
                },
                Shared {
                    record: &b,
                    assisted: false,
                },
                Shared {
                    record: &a,
                    assisted: false,
                },
            ],
            &TestLabels,
        )
        .unwrap();
        let ids: Vec<&str> = s.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c-1", "c-2"]);
        assert_eq!(s.record_ids(), ["c-1", "c-2"]);
    }

    #[test]
    fn the_readme_envelope_example_is_a_readable_submission() {
        let example = crate::test_support::readme_json("### The JSON format");
        let s = Submission::parse(example).unwrap();
        assert_eq!(s.kind, Kind::Referral);
        assert_eq!(
            s.record_ids(),
            ["5b7d1c8e-2f3a-4e6b-9c0d-1a2b3c4d5e6f", "c-1"]
        );
        // Written back, it is the same: no field in it is unknown to the format.
        let written: Value = serde_json::to_value(&s).unwrap();
        let read: Value = serde_json::from_str(example).unwrap();
        assert_eq!(written, read);
    }
}
