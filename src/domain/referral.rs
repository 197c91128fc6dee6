//! A self-referral: the answers, the order of the journey's pages, and validation.
//!
//! The journey follows SPEC.md 3.1, one question per page. Which page comes next can depend
//! on the answers (the safety question, the contact method), so the order is computed here
//! from the referral itself rather than written into the pages.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::document::read_named;

/// Longest personal goal, in characters.
pub const GOAL_MAX: usize = 200;
/// Most goals a referral holds.
pub const GOALS_MAX: usize = 5;
/// Longest "other" answer in the person's own words.
pub const OTHER_MAX: usize = 200;
/// Longest preferred name.
pub const NAME_MAX: usize = 60;
/// Longest free-text answer about language or access needs.
pub const ACCESS_MAX: usize = 300;
/// Longest "best times to contact" note.
pub const TIMES_MAX: usize = 100;

/// How the person would like the service to get in touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactMethod {
    /// A phone call.
    Phone,
    /// A text message.
    Text,
    /// An email.
    Email,
    /// The person will contact the service themselves.
    IllCallYou,
    /// No contact at all.
    NoContact,
}

impl ContactMethod {
    /// Every method, in the order offered.
    pub const ALL: [ContactMethod; 5] = [
        ContactMethod::Phone,
        ContactMethod::Text,
        ContactMethod::Email,
        ContactMethod::IllCallYou,
        ContactMethod::NoContact,
    ];

    /// The stable id used in forms and exports.
    pub fn id(self) -> &'static str {
        match self {
            ContactMethod::Phone => "phone",
            ContactMethod::Text => "text",
            ContactMethod::Email => "email",
            ContactMethod::IllCallYou => "ill-call-you",
            ContactMethod::NoContact => "no-contact",
        }
    }

    /// The method with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Whether the service needs a phone number for this method.
    pub fn needs_phone(self) -> bool {
        matches!(self, ContactMethod::Phone | ContactMethod::Text)
    }
}

/// Whether the person took a first well-being check-in with the referral.
// Read by `record_fields`, which reads the tag without serde's costly tagged-enum buffering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(tag = "choice", rename_all = "kebab-case")]
pub enum Baseline {
    /// Not asked yet.
    #[default]
    NotAsked,
    /// The person chose not to, for now.
    Skipped,
    /// The person chose to and has not finished it yet.
    Started,
    /// Done: the check-in's id.
    Done {
        /// The finished check-in's id.
        checkin_id: String,
    },
}

/// Everything a person tells the service, as saved after every answer.
// Read by `record_fields`, which keeps `extra` without serde's costly flatten.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(default)]
pub struct Referral {
    /// Client-generated id, also the source of the reference the person can quote.
    pub id: String,
    /// When the person started.
    #[serde(with = "super::time::optional_instant")]
    pub started_at: Option<DateTime<Utc>>,
    /// When the person confirmed it on the check-your-answers page.
    #[serde(with = "super::time::optional_instant")]
    pub submitted_at: Option<DateTime<Utc>>,
    /// "Yes" or "no" to thinking about harming themselves or ending their life.
    pub safety: Option<bool>,
    /// Ids of what is going on for them.
    pub reasons: Vec<String>,
    /// "Other", in their own words.
    pub reason_other: String,
    /// Ids of the kinds of activity they might like.
    pub activities: Vec<String>,
    /// Ids of what might make it hard to go.
    pub barriers: Vec<String>,
    /// Id of the level of support they would like.
    pub support: Option<String>,
    /// Their goals, in their own words.
    pub goals: Vec<String>,
    /// Id of who suggested getting in touch, if they said.
    pub referred_by: Option<String>,
    /// What they would like to be called.
    pub name: String,
    /// How to contact them.
    pub contact_method: Option<ContactMethod>,
    /// Their phone number as typed.
    pub phone: String,
    /// Their email address as typed.
    pub email: String,
    /// When is best to contact them, in their words.
    pub best_times: String,
    /// Id of their age band, if they said.
    pub age_band: Option<String>,
    /// The first half of their postcode, if they said.
    pub postcode_district: String,
    /// The language they would like to use, if not English.
    pub language: String,
    /// Anything that would make contact or activities easier for them.
    pub access_needs: String,
    /// The first well-being check-in.
    pub baseline: Baseline,
    /// Whether a volunteer helped the person fill it in ("I'm helping someone"). Left out
    /// of the stored JSON when not, so records from before it existed round-trip unchanged.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub with_volunteer: bool,
    /// Fields written by a newer app.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of the journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// What the service is, not for emergencies, where answers are kept.
    Start,
    /// The safety question.
    Safety,
    /// Urgent help, after "yes" to the safety question.
    UrgentHelp,
    /// What is going on for you.
    Reasons,
    /// What you might like to do.
    Activities,
    /// What might make it hard to go.
    Barriers,
    /// How much support you would like.
    Support,
    /// What matters to you: goals.
    Goals,
    /// Who suggested getting in touch (optional).
    ReferredBy,
    /// Preferred name.
    Name,
    /// How to contact you.
    Contact,
    /// The phone number or email address for the chosen method.
    ContactDetails,
    /// Optional age band and postcode district.
    AboutYou,
    /// Optional language and access needs.
    Access,
    /// The offer of a first well-being check-in.
    Baseline,
    /// Check your answers.
    Check,
    /// Confirmation.
    Done,
}

impl Step {
    /// Every page, in journey order (some are skipped by [`Step::applies`]).
    pub const ALL: [Step; 17] = [
        Step::Start,
        Step::Safety,
        Step::UrgentHelp,
        Step::Reasons,
        Step::Activities,
        Step::Barriers,
        Step::Support,
        Step::Goals,
        Step::ReferredBy,
        Step::Name,
        Step::Contact,
        Step::ContactDetails,
        Step::AboutYou,
        Step::Access,
        Step::Baseline,
        Step::Check,
        Step::Done,
    ];

    /// The page's address segment, under `/referral/`.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Start => "start",
            Step::Safety => "safety",
            Step::UrgentHelp => "urgent-help",
            Step::Reasons => "whats-going-on",
            Step::Activities => "what-you-might-like",
            Step::Barriers => "what-might-make-it-hard",
            Step::Support => "support",
            Step::Goals => "what-matters",
            Step::ReferredBy => "who-suggested",
            Step::Name => "name",
            Step::Contact => "contact",
            Step::ContactDetails => "contact-details",
            Step::AboutYou => "about-you",
            Step::Access => "language-and-access",
            Step::Baseline => "first-check-in",
            Step::Check => "check",
            Step::Done => "done",
        }
    }

    /// The page with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Whether this page is part of the journey given the answers so far.
    pub fn applies(self, r: &Referral) -> bool {
        match self {
            Step::UrgentHelp => r.safety == Some(true),
            Step::ContactDetails => matches!(
                r.contact_method,
                Some(ContactMethod::Phone | ContactMethod::Text | ContactMethod::Email)
            ),
            _ => true,
        }
    }

    /// Whether the page asks a question that is shown on check your answers.
    pub fn is_question(self) -> bool {
        !matches!(
            self,
            Step::Start | Step::UrgentHelp | Step::Check | Step::Done
        )
    }

    /// The next page for this referral.
    pub fn next(self, r: &Referral) -> Step {
        let at = Self::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Self::ALL[at + 1..]
            .iter()
            .copied()
            .find(|s| s.applies(r))
            .unwrap_or(Step::Done)
    }

    /// The page before this one, for the back link.
    pub fn previous(self, r: &Referral) -> Option<Step> {
        let at = Self::ALL.iter().position(|&s| s == self)?;
        Self::ALL[..at].iter().rev().copied().find(|s| s.applies(r))
    }

    /// Where Continue goes when the person came from check your answers: straight back,
    /// unless the change opened a page that now needs answering (a new contact method).
    pub fn next_from_check(self, r: &Referral) -> Step {
        match self {
            Step::Contact if Step::ContactDetails.applies(r) => Step::ContactDetails,
            Step::Safety if r.safety == Some(true) => Step::UrgentHelp,
            _ => Step::Check,
        }
    }
}

/// A problem with an answer, tied to the field it is about. The interface words for each
/// are in the message catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// No answer to a required choice.
    #[error("{0:?}: nothing chosen")]
    NothingChosen(Step),
    /// "Other" ticked with nothing written.
    #[error("other reason missing")]
    OtherEmpty,
    /// Too long a free-text answer.
    #[error("{field}: longer than {max} characters")]
    TooLong {
        /// The field's id.
        field: &'static str,
        /// Its limit.
        max: usize,
    },
    /// No goal written.
    #[error("no goal")]
    NoGoal,
    /// No name given.
    #[error("no name")]
    NoName,
    /// The phone number is missing.
    #[error("no phone number")]
    NoPhone,
    /// The phone number cannot be a UK number.
    #[error("not a UK phone number")]
    BadPhone,
    /// Texts need a mobile number.
    #[error("not a mobile number")]
    NotMobile,
    /// The email address is missing.
    #[error("no email address")]
    NoEmail,
    /// The email address cannot be one.
    #[error("not an email address")]
    BadEmail,
    /// The postcode district is not one.
    #[error("not a postcode district")]
    BadPostcode,
}

impl Problem {
    /// The id of the input the problem is about, for the error summary's link.
    pub fn field(self) -> &'static str {
        match self {
            Problem::NothingChosen(step) => step.slug(),
            Problem::OtherEmpty => "reason-other",
            Problem::TooLong { field, .. } => field,
            Problem::NoGoal => "goal-1",
            Problem::NoName => "name",
            Problem::NoPhone | Problem::BadPhone | Problem::NotMobile => "phone",
            Problem::NoEmail | Problem::BadEmail => "email",
            Problem::BadPostcode => "postcode",
        }
    }
}

/// Checks the answers on one page. Run on Continue only, never while typing.
pub fn validate(step: Step, r: &Referral) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut too_long = |field: &'static str, text: &str, max: usize| {
        if text.chars().count() > max {
            problems.push(Problem::TooLong { field, max });
        }
    };
    match step {
        Step::Reasons => {
            too_long("reason-other", &r.reason_other, OTHER_MAX);
            if r.reasons.is_empty() {
                problems.push(Problem::NothingChosen(step));
            } else if r.reasons.iter().any(|x| x == OTHER) && r.reason_other.trim().is_empty() {
                problems.push(Problem::OtherEmpty);
            }
        }
        Step::Goals => {
            for (i, goal) in r.goals.iter().enumerate() {
                if goal.chars().count() > GOAL_MAX {
                    problems.push(Problem::TooLong {
                        field: GOAL_FIELDS[i.min(GOALS_MAX - 1)],
                        max: GOAL_MAX,
                    });
                }
            }
            if r.goals.iter().all(|g| g.trim().is_empty()) {
                problems.push(Problem::NoGoal);
            }
        }
        Step::Name => {
            too_long("name", &r.name, NAME_MAX);
            if r.name.trim().is_empty() {
                problems.push(Problem::NoName);
            }
        }
        Step::ContactDetails => match r.contact_method {
            Some(m) if m.needs_phone() => {
                too_long("best-times", &r.best_times, TIMES_MAX);
                match parse_uk_phone(&r.phone) {
                    Err(PhoneError::Empty) => problems.push(Problem::NoPhone),
                    Err(PhoneError::Invalid) => problems.push(Problem::BadPhone),
                    Ok(p) if m == ContactMethod::Text && !p.is_mobile() => {
                        problems.push(Problem::NotMobile)
                    }
                    Ok(_) => {}
                }
            }
            Some(ContactMethod::Email) => {
                if r.email.trim().is_empty() {
                    problems.push(Problem::NoEmail);
                } else if !is_email(&r.email) {
                    problems.push(Problem::BadEmail);
                }
            }
            _ => {}
        },
        Step::AboutYou
            if !r.postcode_district.trim().is_empty()
                && !is_postcode_district(&r.postcode_district) =>
        {
            problems.push(Problem::BadPostcode);
        }
        Step::Access => {
            too_long("language", &r.language, OTHER_MAX);
            too_long("access-needs", &r.access_needs, ACCESS_MAX);
        }
        Step::Safety if r.safety.is_none() => problems.push(Problem::NothingChosen(step)),
        Step::Activities if r.activities.is_empty() => problems.push(Problem::NothingChosen(step)),
        Step::Barriers if r.barriers.is_empty() => problems.push(Problem::NothingChosen(step)),
        Step::Support if r.support.is_none() => problems.push(Problem::NothingChosen(step)),
        Step::Contact if r.contact_method.is_none() => problems.push(Problem::NothingChosen(step)),
        Step::Baseline if r.baseline == Baseline::NotAsked => {
            problems.push(Problem::NothingChosen(step))
        }
        _ => {}
    }
    problems
}

/// The id of the "other" reason, whose words are in `reason_other`.
pub const OTHER: &str = "other";

/// Field ids of the goal inputs, in order.
pub const GOAL_FIELDS: [&str; GOALS_MAX] = ["goal-1", "goal-2", "goal-3", "goal-4", "goal-5"];

/// The goals of finished referrals as (id, text), oldest referral first. The id is the
/// referral's id and the goal's place, so check-ins can record progress against it.
pub fn referral_goals(referrals: &[Referral]) -> Vec<(String, String)> {
    let mut sorted: Vec<&Referral> = referrals
        .iter()
        .filter(|r| r.submitted_at.is_some())
        .collect();
    super::sort::stable_by(&mut sorted, |a, b| a.submitted_at < b.submitted_at);
    sorted
        .into_iter()
        .flat_map(|r| {
            r.goals
                .iter()
                .filter(|g| !g.trim().is_empty())
                .enumerate()
                .map(move |(i, g)| (format!("{}/goal-{}", r.id, i + 1), g.trim().to_string()))
        })
        .collect()
}

/// The first page in the journey with a problem, so nothing can be sent half-answered.
pub fn first_unfinished(r: &Referral) -> Option<Step> {
    Step::ALL
        .into_iter()
        .filter(|s| s.is_question() && s.applies(r))
        .find(|&s| !validate(s, r).is_empty())
}

/// A UK phone number, normalised to its national form (e.g. `07700900123`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UkPhone(pub String);

impl UkPhone {
    /// Whether it is a mobile number (07, but not the 070 personal numbers or 076 pagers).
    pub fn is_mobile(&self) -> bool {
        self.0.starts_with("07") && !self.0.starts_with("070") && !self.0.starts_with("076")
    }
}

/// Why a phone number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneError {
    /// Nothing typed.
    Empty,
    /// It cannot be a UK number.
    Invalid,
}

/// Reads a UK phone number as people write it: spaces, dashes, dots and brackets are
/// ignored, and `+44`, `0044` or `44` in front stand for the leading 0. Accepts the
/// geographic (01, 02), non-geographic (03, 08) and mobile (07) ranges with 10 digits after
/// the 0; refuses premium (09), emergency and short numbers, and anything with letters.
pub fn parse_uk_phone(input: &str) -> Result<UkPhone, PhoneError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Empty);
    }
    let digits = dialled_digits(trimmed).ok_or(PhoneError::Invalid)?;
    let national = if let Some(rest) = digits.strip_prefix("0044") {
        format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
    } else if trimmed.starts_with('+') {
        let rest = digits.strip_prefix("44").ok_or(PhoneError::Invalid)?;
        // "+44 (0)7700 900123" is common: the bracketed 0 is not dialled.
        format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
    } else if digits.starts_with("44") && digits.len() == 12 {
        format!("0{}", &digits[2..])
    } else {
        digits
    };
    let valid_range = matches!(national.get(..2), Some("01" | "02" | "03" | "07" | "08"));
    if national.len() == 11 && valid_range {
        Ok(UkPhone(national))
    } else {
        Err(PhoneError::Invalid)
    }
}

/// The digits of a phone number as people write it, with spaces, dashes, dots, brackets and a
/// leading `+` left out; `None` when it holds anything else, such as letters.
pub fn dialled_digits(number: &str) -> Option<String> {
    let mut digits = String::new();
    for (i, c) in number.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return None,
        }
    }
    Some(digits)
}

/// Whether `input` can be an email address: one `@`, something before it, a domain with a
/// dot after it, no spaces, and no longer than 254 characters. Deliverability can only be
/// known by sending, so this refuses only what cannot work.
pub fn is_email(input: &str) -> bool {
    let s = input.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let labels_ok = domain.split('.').all(|l| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !s.chars().any(char::is_whitespace)
        && domain.contains('.')
        && labels_ok
        && !domain.contains('@')
}

/// Whether `input` is the first half of a UK postcode (the district), like `CF10`, `SW1A`
/// or `M1`. A full postcode is refused: the app asks only for the district, to keep it vague.
pub fn is_postcode_district(input: &str) -> bool {
    let s: String = input.trim().to_ascii_uppercase();
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(1..=2).contains(&letters) {
        return false;
    }
    let rest = &b[letters..];
    match rest {
        [d] => d.is_ascii_digit(),
        [d, e] => d.is_ascii_digit() && (e.is_ascii_digit() || e.is_ascii_alphabetic()),
        _ => false,
    }
}

/// A short reference the person can quote on the phone, made from the referral's id:
/// 8 characters from an alphabet without look-alikes (no I, L, O, U), e.g. `FL-7K3M-9QXA`.
pub fn reference(id: &str) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    // FNV-1a: stable across versions and platforms, which a std hasher is not.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let chars: String = (0..8)
        .map(|i| ALPHABET[((hash >> (i * 5)) & 31) as usize] as char)
        .collect();
    format!("FL-{}-{}", &chars[..4], &chars[4..])
}

/// The downloadable copy of a referral: a versioned, documented JSON envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralExport {
    /// Always `flourish-referral`.
    pub format: String,
    /// The format's version; this build writes 1.
    pub version: u32,
    /// The reference the person can quote.
    pub reference: String,
    /// The referral itself, field for field as stored.
    pub referral: Referral,
}

/// The current export format's name.
pub const EXPORT_FORMAT: &str = "flourish-referral";

/// Why an export could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Not JSON, or not this shape.
    #[error("this is not a Flourish referral file: {0}")]
    NotAReferral(String),
    /// A newer version than this app reads.
    #[error("this file is from a newer version of Flourish (version {0})")]
    Newer(u32),
}

impl ReferralExport {
    /// Wraps a referral for download.
    pub fn new(referral: &Referral) -> Self {
        Self {
            format: EXPORT_FORMAT.into(),
            version: 1,
            reference: reference(&referral.id),
            referral: referral.clone(),
        }
    }

    /// Reads a downloaded referral back.
    pub fn parse(text: &str) -> Result<Self, ExportError> {
        let doc = read_named(text, EXPORT_FORMAT, |d: &ReferralExport| &d.format)
            .map_err(ExportError::NotAReferral)?;
        if doc.version > 1 {
            return Err(ExportError::Newer(doc.version));
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn complete() -> Referral {
        Referral {
            id: "r1".into(),
            safety: Some(false),
            reasons: vec!["lonely".into()],
            activities: vec!["social".into()],
            barriers: vec!["confidence".into()],
            support: Some("come-with-me".into()),
            goals: vec!["Go to one group".into()],
            name: "Sam".into(),
            contact_method: Some(ContactMethod::Phone),
            phone: "07700 900123".into(),
            baseline: Baseline::Skipped,
            ..Referral::default()
        }
    }

    fn walk(r: &Referral) -> Vec<Step> {
        let mut steps = vec![Step::Start];
        while *steps.last().unwrap_or(&Step::Done) != Step::Done {
            let next = steps[steps.len() - 1].next(r);
            steps.push(next);
        }
        steps
    }

    #[test]
    fn the_journey_runs_in_the_order_of_the_specification() {
        // `Step::ALL` is the order of SPEC.md 3.1; a complete referral with "no" to the safety
        // question and a phone number walks every page but urgent help.
        let expected: Vec<Step> = Step::ALL
            .into_iter()
            .filter(|s| *s != Step::UrgentHelp)
            .collect();
        assert_eq!(walk(&complete()), expected);
        assert_eq!(expected.len(), 16);
    }

    #[test]
    fn yes_to_the_safety_question_shows_urgent_help_first() {
        let r = Referral {
            safety: Some(true),
            ..complete()
        };
        assert_eq!(Step::Safety.next(&r), Step::UrgentHelp);
        assert_eq!(Step::UrgentHelp.next(&r), Step::Reasons);
        assert_eq!(Step::Reasons.previous(&r), Some(Step::UrgentHelp));
        let no = complete();
        assert_eq!(Step::Safety.next(&no), Step::Reasons);
        assert_eq!(Step::Reasons.previous(&no), Some(Step::Safety));
    }

    #[test]
    fn the_contact_method_decides_the_details_asked() {
        for (method, asked) in [
            (ContactMethod::Phone, true),
            (ContactMethod::Text, true),
            (ContactMethod::Email, true),
            (ContactMethod::IllCallYou, false),
            (ContactMethod::NoContact, false),
        ] {
            let r = Referral {
                contact_method: Some(method),
                ..complete()
            };
            let next = Step::Contact.next(&r);
            assert_eq!(next == Step::ContactDetails, asked, "{method:?}");
            assert_eq!(
                Step::AboutYou.previous(&r) == Some(Step::ContactDetails),
                asked
            );
        }
    }

    #[test]
    fn changing_the_contact_method_from_check_asks_for_the_new_details() {
        let email = Referral {
            contact_method: Some(ContactMethod::Email),
            ..complete()
        };
        assert_eq!(Step::Contact.next_from_check(&email), Step::ContactDetails);
        let none = Referral {
            contact_method: Some(ContactMethod::NoContact),
            ..complete()
        };
        assert_eq!(Step::Contact.next_from_check(&none), Step::Check);
        assert_eq!(Step::Goals.next_from_check(&none), Step::Check);
    }

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for s in Step::ALL {
            assert_eq!(Step::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Step::from_slug("nope"), None);
    }

    #[test]
    fn uk_phone_numbers() {
        let good = [
            ("07700 900123", "07700900123"),
            ("07700900123", "07700900123"),
            ("+44 7700 900123", "07700900123"),
            ("+44 (0)7700 900123", "07700900123"),
            ("0044 7700 900123", "07700900123"),
            ("447700900123", "07700900123"),
            ("020 7946 0018", "02079460018"),
            ("(029) 2018 0123", "02920180123"),
            ("0113-496-0000", "01134960000"),
            ("0300 123 4567", "03001234567"),
            ("0800 123 4567", "08001234567"),
            (" 07700.900.123 ", "07700900123"),
        ];
        for (input, national) in good {
            assert_eq!(
                parse_uk_phone(input),
                Ok(UkPhone(national.into())),
                "{input}"
            );
        }
        let bad = [
            "999",
            "112",
            "0770090012",
            "077009001234",
            "07700 9OO123",
            "hello",
            "+1 202 555 0143",
            "09098 790 000",
            "00 33 1 23 45 67 89",
            "+44",
            "7700 900123",
            "07700/900123",
            "0 7 7",
            "++447700900123",
        ];
        for input in bad {
            assert_eq!(parse_uk_phone(input), Err(PhoneError::Invalid), "{input}");
        }
        assert_eq!(parse_uk_phone("   "), Err(PhoneError::Empty));
        assert!(parse_uk_phone("07700 900123").is_ok_and(|p| p.is_mobile()));
        assert!(parse_uk_phone("020 7946 0018").is_ok_and(|p| !p.is_mobile()));
    }

    #[test]
    fn email_addresses() {
        for good in [
            "sam@example.org",
            "a.b+c@mail.example.co.uk",
            " sam@example.org ",
            "ŵ@example.cymru",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "sam",
            "sam@",
            "@example.org",
            "sam@example",
            "sam@@example.org",
            "sam @example.org",
            "sam@exa mple.org",
            "sam@.example.org",
            "sam@example..org",
            ".sam@example.org",
            "sa..m@example.org",
            "sam@-example.org",
            "sam@example.org.",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn postcode_districts() {
        for good in ["CF10", "cf10", "M1", "SW1A", "B33", "EH1", " ll57 "] {
            assert!(is_postcode_district(good), "{good}");
        }
        for bad in ["", "10", "CF10 3AT", "CF", "CFX10", "C1000", "1AB"] {
            assert!(!is_postcode_district(bad), "{bad}");
        }
    }

    #[test]
    fn each_page_says_what_is_missing() {
        let blank = Referral::default();
        assert_eq!(
            validate(Step::Safety, &blank),
            [Problem::NothingChosen(Step::Safety)]
        );
        assert_eq!(
            validate(Step::Reasons, &blank),
            [Problem::NothingChosen(Step::Reasons)]
        );
        assert_eq!(validate(Step::Goals, &blank), [Problem::NoGoal]);
        assert_eq!(validate(Step::Name, &blank), [Problem::NoName]);
        assert!(validate(Step::ReferredBy, &blank).is_empty(), "optional");
        assert!(validate(Step::AboutYou, &blank).is_empty(), "optional");
        assert!(validate(Step::Access, &blank).is_empty(), "optional");
        let other = Referral {
            reasons: vec![OTHER.into()],
            reason_other: "  ".into(),
            ..blank.clone()
        };
        assert_eq!(validate(Step::Reasons, &other), [Problem::OtherEmpty]);
        let long = Referral {
            goals: vec!["x".repeat(GOAL_MAX + 1)],
            ..blank.clone()
        };
        assert_eq!(
            validate(Step::Goals, &long),
            [Problem::TooLong {
                field: "goal-1",
                max: GOAL_MAX
            }]
        );
        let exactly = Referral {
            goals: vec!["é".repeat(GOAL_MAX)],
            ..blank.clone()
        };
        assert!(
            validate(Step::Goals, &exactly).is_empty(),
            "characters, not bytes"
        );
        let text = Referral {
            contact_method: Some(ContactMethod::Text),
            phone: "020 7946 0018".into(),
            ..blank.clone()
        };
        assert_eq!(validate(Step::ContactDetails, &text), [Problem::NotMobile]);
        let email = Referral {
            contact_method: Some(ContactMethod::Email),
            email: "sam@".into(),
            ..blank
        };
        assert_eq!(validate(Step::ContactDetails, &email), [Problem::BadEmail]);
    }

    #[test]
    fn a_sent_referral_gives_its_goals_to_the_check_ins() {
        use chrono::TimeZone;
        let sent = |id: &str, h: u32, goals: &[&str]| Referral {
            id: id.into(),
            submitted_at: Utc.with_ymd_and_hms(2026, 11, 1, h, 0, 0).single(),
            goals: goals.iter().map(|g| g.to_string()).collect(),
            ..Referral::default()
        };
        let draft = Referral {
            id: "d".into(),
            goals: vec!["not yet sent".into()],
            ..Referral::default()
        };
        let goals = referral_goals(&[
            sent("b", 12, &["Walk", " "]),
            draft,
            sent("a", 9, &["Sing "]),
        ]);
        assert_eq!(
            goals,
            [
                ("a/goal-1".to_string(), "Sing".to_string()),
                ("b/goal-1".into(), "Walk".into())
            ]
        );
    }

    #[test]
    fn a_complete_referral_has_nothing_unfinished() {
        assert_eq!(first_unfinished(&complete()), None);
        let no_name = Referral {
            name: String::new(),
            ..complete()
        };
        assert_eq!(first_unfinished(&no_name), Some(Step::Name));
        assert_eq!(first_unfinished(&Referral::default()), Some(Step::Safety));
    }

    #[test]
    fn the_export_round_trips_and_refuses_foreign_files() {
        let r = Referral {
            extra: Map::from_iter([("future".into(), Value::Bool(true))]),
            ..complete()
        };
        let text = serde_json::to_string(&ReferralExport::new(&r)).unwrap();
        let back = ReferralExport::parse(&text).unwrap();
        assert_eq!(back.referral, r);
        assert_eq!(back.reference, reference("r1"));
        assert!(matches!(
            ReferralExport::parse("{}"),
            Err(ExportError::NotAReferral(_))
        ));
        assert!(matches!(
            ReferralExport::parse("nonsense"),
            Err(ExportError::NotAReferral(_))
        ));
        let foreign = text.replace(EXPORT_FORMAT, "something-else");
        assert!(matches!(
            ReferralExport::parse(&foreign),
            Err(ExportError::NotAReferral(_))
        ));
        let newer = text.replace("\"version\":1", "\"version\":2");
        assert_eq!(ReferralExport::parse(&newer), Err(ExportError::Newer(2)));
    }

    #[test]
    fn the_stored_format_is_pinned() {
        let fixture = include_str!("../../tests/fixtures/referral.v1.json");
        let restored: crate::domain::stored::Restored<Option<Referral>> =
            crate::domain::stored::restore(Some(fixture));
        assert!(restored.set_aside.is_empty(), "{:?}", restored.set_aside);
        let r = restored.value.unwrap();
        assert_eq!(r.contact_method, Some(ContactMethod::Phone));
        assert_eq!(
            r.baseline,
            Baseline::Done {
                checkin_id: "c-1".into()
            }
        );
        // Pinned: a reference a person has written down must never change between versions.
        assert_eq!(reference(&r.id), "FL-Z2D3-9GRM");
        assert_eq!(first_unfinished(&r), None);
    }

    /// A UK number as people write it: a national number (mostly a real range and length,
    /// sometimes not), with `+44`, `+44 (0)`, `0044` or `44` in front or none, and spaces,
    /// dashes or dots anywhere between its digits. Returns the text and the national number
    /// it stands for.
    fn written_number() -> impl Strategy<Value = (String, String)> {
        let range = prop_oneof![
            9 => prop::sample::select(vec!["01", "02", "03", "07", "08"]),
            1 => prop::sample::select(vec!["09", "04", "05", "06"]),
        ];
        let length = prop_oneof![9 => Just(9usize), 1 => 7usize..12];
        let prefix = prop::sample::select(vec!["", "+44 ", "+44 (0)", "0044 ", "44"]);
        (range, length, prefix)
            .prop_flat_map(|(range, length, prefix)| {
                let digits = prop::collection::vec(0u8..10, length);
                let gaps =
                    prop::collection::vec(prop::sample::select(vec!["", "", " ", "-", "."]), 12);
                (Just(range), digits, gaps, Just(prefix))
            })
            .prop_map(|(range, digits, gaps, prefix)| {
                let national: String = std::iter::once(range.to_string())
                    .chain(digits.iter().map(u8::to_string))
                    .collect();
                let mut written = String::from(prefix);
                // The leading 0 is written only without a country code.
                let dialled = if prefix.is_empty() {
                    &national[..]
                } else {
                    &national[1..]
                };
                for (i, c) in dialled.chars().enumerate() {
                    written.push(c);
                    written.push_str(gaps.get(i).copied().unwrap_or(""));
                }
                (written, national)
            })
    }

    #[test]
    fn uk_numbers_written_any_usual_way_read_back_as_their_national_number() {
        use std::sync::atomic::{AtomicU32, Ordering};
        let (accepted, refused, skipped) =
            (AtomicU32::new(0), AtomicU32::new(0), AtomicU32::new(0));
        let name = "uk_numbers_read_back";
        crate::domain::properties::check(name, 1_000, written_number(), |(written, national)| {
            let real =
                national.len() == 11 && matches!(&national[..2], "01" | "02" | "03" | "07" | "08");
            // "44" with no "+" counts as a country code only before 10 more digits.
            let ambiguous = written.starts_with("44") && national.len() != 11;
            if ambiguous {
                skipped.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
            if real {
                prop_assert_eq!(
                    parse_uk_phone(&written),
                    Ok(UkPhone(national)),
                    "{}",
                    written
                );
                accepted.fetch_add(1, Ordering::Relaxed);
            } else {
                prop_assert_eq!(
                    parse_uk_phone(&written),
                    Err(PhoneError::Invalid),
                    "{}",
                    written
                );
                refused.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        });
        let (accepted, refused) = (accepted.into_inner(), refused.into_inner());
        let all = accepted + refused + skipped.into_inner();
        crate::domain::properties::announce(&format!(
            "proptest reached: {name} {} of {all} cases reached an assertion \
             ({accepted} numbers read back, {refused} refused)",
            accepted + refused
        ));
        // Most generated numbers are real ones, so the read-back assertion is what is tested.
        assert!(
            accepted > refused * 3,
            "{accepted} accepted, {refused} refused"
        );
    }

    proptest! {
        #[test]
        fn references_are_stable_and_readable(id in ".{0,40}") {
            let a = reference(&id);
            prop_assert_eq!(&a, &reference(&id));
            prop_assert_eq!(a.len(), 12);
            prop_assert!(a[3..].chars().all(|c| c == '-' || (c.is_ascii_alphanumeric() && !"ILOU".contains(c))));
        }

        #[test]
        fn whatever_is_typed_only_well_formed_answers_are_accepted(input in ".{0,30}") {
            if let Ok(UkPhone(national)) = parse_uk_phone(&input) {
                prop_assert!(national.len() == 11 && national.chars().all(|c| c.is_ascii_digit()));
                prop_assert!(matches!(&national[..2], "01" | "02" | "03" | "07" | "08"));
            }
            if is_email(&input) {
                prop_assert_eq!(input.trim().matches('@').count(), 1);
            }
            if is_postcode_district(&input) {
                let t = input.trim();
                prop_assert!((2..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphanumeric()));
            }
        }
    }
}
