//! FHIR R4: a submission as a transaction Bundle, the Questionnaires the app publishes, and
//! what a server's reply to a transaction means.
//!
//! Plain `serde_json` values rather than a typed FHIR model: the app writes a handful of
//! resources and reads one reply, and a full type tree would cost the person on a slow phone
//! far more bytes than it saves us.
//!
//! # The Bundle
//!
//! One `transaction` Bundle per submission, POSTed to the FHIR base URL. Every entry is a
//! conditional create (`request.ifNoneExist` on the resource's own identifier), so a resend
//! after a lost reply finds what the first attempt made and creates nothing new; the server
//! answers `200` instead of `201` for those entries. Entries refer to each other by
//! `urn:uuid:` full URLs that are derived from the identifiers, so the same submission always
//! makes the same bytes.
//!
//! - `Patient` (identifier `…/id/person` = the person's key): `name` (use `usual`, the
//!   preferred name as text), `telecom` for the one contact method chosen, `communication`
//!   (their language in their words), and extensions for best times, access needs, age band
//!   and postcode district (which R4 has no element for).
//! - `ServiceRequest` (identifiers `…/id/referral` = referral id, and `…/id/reference` = the
//!   `FL-…` reference the person may quote): `status: active`; `intent: proposal`, because
//!   the person asks for support and authorises no one to act (R4 `order` is "a request and
//!   authorization for action by a Practitioner"; `plan` is the author's own intention);
//!   `priority: routine`; `code` SNOMED CT 871731000000106 "Referral to social prescribing
//!   service" (UK edition); `subject` and `requester` the Patient (a self-referral);
//!   `authoredOn`; `reasonCode` (what is going on; "other" carries their words as `text`);
//!   `orderDetail` (the activities, barriers and support wanted, each from its own code
//!   system); `supportingInfo` (their goals and any check-in shared with it); extensions for
//!   the safety answer, contact method, who suggested it, and volunteer help.
//! - `Goal` per goal (identifier `…/id/goal`): `lifecycleStatus: proposed`, `description`
//!   in their words, `expressedBy` the Patient.
//! - `QuestionnaireResponse` per questionnaire of each shared check-in (identifier
//!   `…/id/questionnaire-response` = `<check-in id>/<instrument id>`): `status: completed`,
//!   `questionnaire` the canonical URL `|version`, `authored` when it was finished, `subject`
//!   and `source` the Patient (they answered), one item per answered question with its
//!   `linkId` and `answer.valueCoding` (or `valueInteger` for the 0 to 10 scales). The
//!   follow-up answers (activities, goals, journey step) are one more response, to the
//!   app's `checkin-follow-up` Questionnaire.
//!
//! "Completed with help from a volunteer" is the extension
//! `…/StructureDefinition/completed-with-volunteer` (`valueBoolean`) on the ServiceRequest
//! and each QuestionnaireResponse: R4 `QuestionnaireResponse.source` must stay the person,
//! who gave the answers, and there is no element for who helped them do it.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Map, Value};

pub use super::canonical::{
    code_system, extension_url, identifier_system, questionnaire_canonical, questionnaire_url, BASE,
};
use super::checkin::{GoalStatus, JourneyStep};
use super::instrument::{self, Instrument, ScaleShape};
use super::submission::{
    CheckInPart, Coded, Goal, Kind, Person, ReferralPart, ResponsePart, Submission, UptakePart,
};

/// The MIME type of FHIR JSON.
pub const FHIR_JSON: &str = "application/fhir+json";

/// LOINC's system URL.
const LOINC: &str = "http://loinc.org";
/// The Three-Item Loneliness Scale panel (Hughes et al. 2004): wording and 1 to 3 scale match
/// the app's UCLA-3 exactly.
const LOINC_UCLA3_PANEL: &str = "106418-7";
/// SNOMED CT's system URL.
const SNOMED: &str = "http://snomed.info/sct";
/// The R4 core extension that gives an answer option its score.
const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

/// The app's follow-up questionnaire (activities, goals, journey step), as an instrument id.
pub const FOLLOW_UP_ID: &str = "checkin-follow-up";
/// Its version.
pub const FOLLOW_UP_VERSION: &str = "1";

/// FHIR's `dateTime`, in UTC with a `Z`.
fn date_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// A UUID-shaped name derived from `seed` (two FNV-1a hashes; version nibble 8, "custom"),
/// so a Bundle's internal references are the same bytes on every attempt.
pub fn uuid_for(seed: &str) -> String {
    let fnv = |offset: u64| {
        seed.bytes().fold(offset, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let hi = fnv(0xcbf2_9ce4_8422_2325);
    let lo = fnv(0x6c62_272e_07bb_0142);
    let hi = (hi & !0xf000) | 0x8000;
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// Escapes a value for a search query (`ifNoneExist`), leaving the characters FHIR servers
/// read literally in token searches alone.
fn query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn identifier(kind: &str, value: &str) -> Value {
    json!({ "system": identifier_system(kind), "value": value })
}

fn coding(system: &str, c: &Coded) -> Value {
    json!({ "system": code_system(system), "code": c.id, "display": c.label })
}

fn concept(system: &str, c: &Coded) -> Value {
    json!({ "coding": [coding(system, c)], "text": c.label })
}

fn extension(name: &str, value_key: &str, value: Value) -> Value {
    let mut e = Map::new();
    e.insert("url".into(), Value::from(extension_url(name)));
    e.insert(value_key.into(), value);
    Value::Object(e)
}

/// One transaction entry: a conditional create on the resource's identifier.
fn entry(seed: &str, resource: Value, id_kind: &str, id_value: &str) -> Value {
    let resource_type = resource["resourceType"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    json!({
        "fullUrl": format!("urn:uuid:{}", uuid_for(seed)),
        "resource": resource,
        "request": {
            "method": "POST",
            "url": resource_type,
            "ifNoneExist": format!(
                "identifier={}|{}",
                query_value(&identifier_system(id_kind)),
                query_value(id_value)
            ),
        },
    })
}

fn reference(seed: &str) -> Value {
    json!({ "reference": format!("urn:uuid:{}", uuid_for(seed)) })
}

fn patient_seed(p: &Person) -> String {
    format!("person:{}", p.key)
}

fn patient(p: &Person) -> Value {
    let mut r = json!({
        "resourceType": "Patient",
        "identifier": [identifier("person", &p.key)],
    });
    if let Some(name) = &p.preferred_name {
        r["name"] = json!([{ "use": "usual", "text": name }]);
    }
    let method = p.contact_method.as_ref().map(|m| m.id.as_str());
    let telecom: Vec<Value> = match (method, &p.phone, &p.email) {
        (Some("text"), Some(phone), _) => {
            vec![json!({ "system": "sms", "value": phone, "use": "mobile", "rank": 1 })]
        }
        (Some("phone"), Some(phone), _) => {
            let mobile = phone.starts_with("07");
            vec![json!({
                "system": "phone", "value": phone,
                "use": if mobile { "mobile" } else { "home" }, "rank": 1,
            })]
        }
        (Some("email"), _, Some(email)) => {
            vec![json!({ "system": "email", "value": email, "rank": 1 })]
        }
        _ => Vec::new(),
    };
    if !telecom.is_empty() {
        r["telecom"] = Value::Array(telecom);
    }
    if let Some(language) = &p.language {
        r["communication"] = json!([{ "language": { "text": language }, "preferred": true }]);
    }
    let mut ext = Vec::new();
    if let Some(t) = &p.best_times {
        ext.push(extension("best-times-to-contact", "valueString", json!(t)));
    }
    if let Some(a) = &p.access_needs {
        ext.push(extension("access-needs", "valueString", json!(a)));
    }
    if let Some(a) = &p.age_band {
        ext.push(extension("age-band", "valueCoding", coding("age-band", a)));
    }
    if let Some(d) = &p.postcode_district {
        ext.push(extension("postcode-district", "valueString", json!(d)));
    }
    if !ext.is_empty() {
        r["extension"] = Value::Array(ext);
    }
    r
}

fn goal_entry(g: &Goal, person: &str) -> Value {
    let resource = json!({
        "resourceType": "Goal",
        "identifier": [identifier("goal", &g.id)],
        "lifecycleStatus": "proposed",
        "description": { "text": g.text },
        "subject": reference(person),
        "expressedBy": reference(person),
    });
    entry(&format!("goal:{}", g.id), resource, "goal", &g.id)
}

fn response_seed(checkin: &str, instrument_id: &str) -> String {
    format!("questionnaire-response:{checkin}/{instrument_id}")
}

fn service_request(
    r: &ReferralPart,
    s: &Submission,
    person: &str,
    goals: &[String],
    responses: &[String],
) -> Value {
    let mut reasons: Vec<Value> = Vec::new();
    for c in &r.reasons {
        let mut concept = concept("reason", c);
        if c.id == super::referral::OTHER {
            if let Some(words) = &r.reason_other {
                concept["text"] = json!(words);
            }
        }
        reasons.push(concept);
    }
    let details: Vec<Value> = r
        .activities
        .iter()
        .map(|c| concept("activity-category", c))
        .chain(r.barriers.iter().map(|c| concept("barrier", c)))
        .chain(r.support.iter().map(|c| concept("support-level", c)))
        .collect();
    let mut ext = vec![extension(
        "completed-with-volunteer",
        "valueBoolean",
        json!(r.assisted),
    )];
    if let Some(safety) = r.safety_concern {
        ext.push(extension("safety-concern", "valueBoolean", json!(safety)));
    }
    if let Some(m) = &s.person.contact_method {
        ext.push(extension(
            "contact-method",
            "valueCoding",
            coding("contact-method", m),
        ));
    }
    if let Some(by) = &r.referred_by {
        ext.push(extension(
            "referred-by",
            "valueCoding",
            coding("referrer", by),
        ));
    }
    let mut sr = json!({
        "resourceType": "ServiceRequest",
        "extension": ext,
        "identifier": [identifier("referral", &r.id), identifier("reference", &r.reference)],
        "status": "active",
        "intent": "proposal",
        "priority": "routine",
        "code": { "coding": [{
            "system": SNOMED, "code": "871731000000106",
            "display": "Referral to social prescribing service",
        }] },
        "subject": reference(person),
        "requester": reference(person),
    });
    sr["authoredOn"] = json!(date_time(r.submitted_at.unwrap_or(s.created_at)));
    if !reasons.is_empty() {
        sr["reasonCode"] = Value::Array(reasons);
    }
    if !details.is_empty() {
        sr["orderDetail"] = Value::Array(details);
    }
    let supporting: Vec<Value> = goals
        .iter()
        .chain(responses.iter())
        .map(|seed| reference(seed))
        .collect();
    if !supporting.is_empty() {
        sr["supportingInfo"] = Value::Array(supporting);
    }
    sr
}

fn answer_value(instrument: Option<&Instrument>, r: &ResponsePart, score: u8) -> Value {
    match instrument.map(|i| i.scale) {
        Some(ScaleShape::Numeric { .. }) => json!({ "valueInteger": score }),
        _ => {
            let display = instrument
                .and_then(|i| i.option_for(score))
                .map(|o| o.label);
            let mut c = json!({
                "system": code_system(&format!("{}-answer", r.instrument_id)),
                "code": score.to_string(),
            });
            if let Some(d) = display {
                c["display"] = json!(d);
            }
            json!({ "valueCoding": c })
        }
    }
}

fn questionnaire_response(
    c: &CheckInPart,
    id_value: &str,
    questionnaire: &str,
    items: Vec<Value>,
    person: &str,
) -> Value {
    json!({
        "resourceType": "QuestionnaireResponse",
        "extension": [extension("completed-with-volunteer", "valueBoolean", json!(c.assisted))],
        "identifier": identifier("questionnaire-response", id_value),
        "questionnaire": questionnaire,
        "status": "completed",
        "subject": reference(person),
        "authored": date_time(c.finished_at),
        "source": reference(person),
        "item": items,
    })
}

fn instrument_items(r: &ResponsePart) -> Vec<Value> {
    let instrument = instrument::find(&r.instrument_id, &r.instrument_version);
    r.answers
        .iter()
        .filter_map(|a| {
            let score = a.score?;
            let mut item = json!({ "linkId": a.item });
            if let Some(q) = &a.question {
                item["text"] = json!(q);
            }
            item["answer"] = json!([answer_value(instrument, r, score)]);
            Some(item)
        })
        .collect()
}

fn string_item(link_id: &str, value: &str) -> Value {
    json!({ "linkId": link_id, "answer": [{ "valueString": value }] })
}

fn follow_up_items(c: &CheckInPart) -> Vec<Value> {
    let mut items = Vec::new();
    match &c.activities {
        Some(UptakePart::NoneYet) => items.push(json!({
            "linkId": "activities",
            "answer": [{ "valueCoding": {
                "system": code_system("activity-uptake"), "code": "none-yet",
            } }],
        })),
        Some(UptakePart::Went {
            activities,
            something_else,
        }) => {
            let mut answers: Vec<Value> = activities
                .iter()
                .map(|a| json!({ "valueCoding": coding("activity-category", a) }))
                .collect();
            if let Some(words) = something_else {
                answers.push(json!({ "valueString": words }));
            }
            if !answers.is_empty() {
                items.push(json!({ "linkId": "activities", "answer": answers }));
            }
        }
        None => {}
    }
    for g in &c.goal_updates {
        let mut parts = vec![string_item("goal-id", &g.goal_id)];
        if let Some(words) = &g.goal {
            parts.push(string_item("goal-text", words));
        }
        parts.push(json!({
            "linkId": "goal-status",
            "answer": [{ "valueCoding": coding("goal-status", &g.status) }],
        }));
        items.push(json!({ "linkId": "goal", "item": parts }));
    }
    for g in &c.new_goals {
        items.push(json!({ "linkId": "new-goal", "item": [
            string_item("new-goal-id", &g.id),
            string_item("new-goal-text", &g.text),
        ] }));
    }
    if let Some(step) = &c.journey_step {
        items.push(json!({
            "linkId": "journey-step",
            "answer": [{ "valueCoding": coding("journey-step", step) }],
        }));
    }
    items
}

/// The QuestionnaireResponse entries of one check-in, and their seeds for references.
fn checkin_entries(c: &CheckInPart, person: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for r in &c.responses {
        let items = instrument_items(r);
        if items.is_empty() {
            continue;
        }
        let id_value = format!("{}/{}", c.id, r.instrument_id);
        let seed = response_seed(&c.id, &r.instrument_id);
        let canonical = questionnaire_canonical(&r.instrument_id, &r.instrument_version);
        let resource = questionnaire_response(c, &id_value, &canonical, items, person);
        out.push((
            seed.clone(),
            entry(&seed, resource, "questionnaire-response", &id_value),
        ));
    }
    let items = follow_up_items(c);
    if !items.is_empty() {
        let id_value = format!("{}/{FOLLOW_UP_ID}", c.id);
        let seed = response_seed(&c.id, FOLLOW_UP_ID);
        let canonical = questionnaire_canonical(FOLLOW_UP_ID, FOLLOW_UP_VERSION);
        let resource = questionnaire_response(c, &id_value, &canonical, items, person);
        out.push((
            seed.clone(),
            entry(&seed, resource, "questionnaire-response", &id_value),
        ));
    }
    out
}

/// The transaction Bundle for a submission: the same bytes on every attempt.
pub fn bundle(s: &Submission) -> Value {
    let person = patient_seed(&s.person);
    let mut entries = vec![entry(&person, patient(&s.person), "person", &s.person.key)];
    let mut checkins = Vec::new();
    for c in &s.checkins {
        checkins.extend(checkin_entries(c, &person));
    }
    let new_goals: Vec<&Goal> = s.checkins.iter().flat_map(|c| &c.new_goals).collect();
    if let (Kind::Referral, Some(r)) = (s.kind, &s.referral) {
        let goal_seeds: Vec<String> = r.goals.iter().map(|g| format!("goal:{}", g.id)).collect();
        entries.extend(r.goals.iter().map(|g| goal_entry(g, &person)));
        let shared: Vec<String> = checkins.iter().map(|(seed, _)| seed.clone()).collect();
        let sr = service_request(r, s, &person, &goal_seeds, &shared);
        entries.push(entry(&format!("referral:{}", r.id), sr, "referral", &r.id));
    }
    entries.extend(new_goals.into_iter().map(|g| goal_entry(g, &person)));
    entries.extend(checkins.into_iter().map(|(_, e)| e));
    json!({
        "resourceType": "Bundle",
        "identifier": identifier("submission", &s.id),
        "type": "transaction",
        "timestamp": date_time(s.created_at),
        "entry": entries,
    })
}

/// How many entries the Bundle for `s` has: a complete reply has one per entry.
pub fn entry_count(s: &Submission) -> usize {
    bundle(s)["entry"].as_array().map_or(0, Vec::len)
}

// ---- Questionnaires ----

fn answer_option_coding(system: &str, code: &str, display: &str, score: Option<u8>) -> Value {
    let mut c = json!({ "system": system, "code": code, "display": display });
    if let Some(s) = score {
        c["extension"] = json!([{ "url": ORDINAL_VALUE, "valueDecimal": s }]);
    }
    json!({ "valueCoding": c })
}

/// A name usable as a computable label (R4 invariant que-0): letters and digits only.
fn computable_name(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .map(|w| w.to_ascii_uppercase())
        .collect()
}

fn questionnaire_shell(id: &str, version: &str, title: &str) -> Value {
    json!({
        "resourceType": "Questionnaire",
        "id": id,
        "url": questionnaire_url(id),
        "version": version,
        "name": computable_name(id),
        "title": title,
        "status": "active",
        "subjectType": ["Patient"],
        "publisher": "Flourish",
    })
}

/// The Questionnaire for an instrument, generated from its pinned data.
pub fn questionnaire(i: &Instrument) -> Value {
    let mut q = questionnaire_shell(i.id, i.version, i.name);
    q["description"] = json!(i.source);
    q["copyright"] = json!(i.licence);
    if i.id == instrument::UCLA3.id {
        q["code"] = json!([{ "system": LOINC, "code": LOINC_UCLA3_PANEL }]);
    }
    let answer_system = code_system(&format!("{}-answer", i.id));
    let item_system = code_system(&format!("{}-item", i.id));
    let options: Vec<Value> = match i.scale {
        ScaleShape::Labelled => i
            .options
            .iter()
            .map(|o| {
                answer_option_coding(&answer_system, &o.score.to_string(), o.label, Some(o.score))
            })
            .collect(),
        ScaleShape::Numeric { .. } => i
            .options
            .iter()
            .map(|o| json!({ "valueInteger": o.score }))
            .collect(),
    };
    let items: Vec<Value> = i
        .items
        .iter()
        .enumerate()
        .map(|(n, it)| {
            let mut item = json!({
                "linkId": it.id,
                "code": [{ "system": item_system, "code": it.id }],
                "prefix": (n + 1).to_string(),
                "text": i.question_text(n).unwrap_or_default(),
                "type": "choice",
                "required": true,
                "answerOption": options,
            });
            if let ScaleShape::Numeric {
                low_label,
                high_label,
            } = i.scale
            {
                let (lo, hi) = (i.min_option_score(), i.max_option_score());
                item["item"] = json!([{
                    "linkId": format!("{}-scale", it.id),
                    "type": "display",
                    "text": format!("{lo} = {low_label}, {hi} = {high_label}"),
                }]);
            }
            item
        })
        .collect();
    q["item"] = Value::Array(items);
    q
}

/// The app's own follow-up questions, asked after the instruments at a check-in.
pub fn follow_up_questionnaire() -> Value {
    let mut q = questionnaire_shell(
        FOLLOW_UP_ID,
        FOLLOW_UP_VERSION,
        "Check-in follow-up: activities, goals and the five steps",
    );
    q["description"] = json!(
        "Asked after the well-being questionnaires at each check-in; every question may be \
         left out. Activities are the service's own categories (open choice: free text is \
         something else the person went to). The five steps are from Payne, Walton & Burton \
         (2019)."
    );
    q["copyright"] = json!("Free to use.");
    let goal_status: Vec<Value> = GoalStatus::ALL
        .iter()
        .map(|g| {
            answer_option_coding(
                &code_system("goal-status"),
                g.as_str(),
                g.service_label(),
                None,
            )
        })
        .collect();
    let steps: Vec<Value> = JourneyStep::ALL
        .iter()
        .map(|j| {
            answer_option_coding(
                &code_system("journey-step"),
                j.as_str(),
                j.research_name(),
                j.number(),
            )
        })
        .collect();
    q["item"] = json!([
        {
            "linkId": "activities",
            "text": "Activities gone to since the last check-in",
            "type": "open-choice",
            "repeats": true,
        },
        {
            "linkId": "goal",
            "text": "How a goal is going",
            "type": "group",
            "repeats": true,
            "item": [
                { "linkId": "goal-id", "text": "The goal's id", "type": "string", "required": true },
                { "linkId": "goal-text", "text": "The goal, in the person's words", "type": "string" },
                {
                    "linkId": "goal-status", "text": "How it is going", "type": "choice",
                    "required": true, "answerOption": goal_status,
                },
            ],
        },
        {
            "linkId": "new-goal",
            "text": "A goal added at this check-in",
            "type": "group",
            "repeats": true,
            "item": [
                { "linkId": "new-goal-id", "text": "The goal's id", "type": "string", "required": true },
                { "linkId": "new-goal-text", "text": "The goal, in the person's words", "type": "string", "required": true },
            ],
        },
        {
            "linkId": "journey-step",
            "text": "Which of the five steps feels most like where the person is now",
            "type": "choice",
            "answerOption": steps,
        },
    ]);
    q
}

/// Every Questionnaire the app publishes under `public/fhir/`, by file name.
pub fn published_questionnaires() -> Vec<(String, Value)> {
    instrument::INSTRUMENTS
        .iter()
        .map(|i| (i.id, questionnaire(i)))
        .chain(std::iter::once((FOLLOW_UP_ID, follow_up_questionnaire())))
        .map(|(id, q)| (format!("Questionnaire-{id}.json"), q))
        .collect()
}

// ---- Replies ----

/// What a FHIR server's `2xx` reply to a transaction says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransactionReply {
    /// A `transaction-response` Bundle with a `2xx` status for every entry sent.
    Accepted,
    /// An OperationOutcome with an `error` or `fatal` issue, or an entry that failed: the
    /// server refused it. The server's own words, when it gave any.
    Refused(Option<String>),
    /// Not a transaction response at all (a captive portal's page, a proxy's error, a
    /// truncated body): nothing can be concluded, so it is tried again.
    Unreadable,
}

/// The first `error`/`fatal` issue's words in an OperationOutcome, if it has such an issue.
pub fn outcome_error(outcome: &Value) -> Option<Option<String>> {
    let issues = outcome.get("issue")?.as_array()?;
    let bad = issues.iter().find(|i| {
        matches!(
            i.get("severity").and_then(Value::as_str),
            Some("error" | "fatal")
        )
    })?;
    let words = bad
        .get("diagnostics")
        .and_then(Value::as_str)
        .or_else(|| bad.pointer("/details/text").and_then(Value::as_str))
        .map(|s| s.chars().take(500).collect());
    Some(words)
}

/// Reads a `2xx` reply to a transaction of `sent_entries` entries.
pub fn read_transaction_reply(body: &str, sent_entries: usize) -> TransactionReply {
    let Ok(v) = serde_json::from_str::<Value>(body) else {
        return TransactionReply::Unreadable;
    };
    match v.get("resourceType").and_then(Value::as_str) {
        Some("OperationOutcome") => match outcome_error(&v) {
            Some(words) => TransactionReply::Refused(words),
            None => TransactionReply::Unreadable,
        },
        Some("Bundle") if v.get("type").and_then(Value::as_str) == Some("transaction-response") => {
            let entries = v.get("entry").and_then(Value::as_array);
            let Some(entries) = entries.filter(|e| e.len() == sent_entries) else {
                return TransactionReply::Unreadable;
            };
            for e in entries {
                let status = e.pointer("/response/status").and_then(Value::as_str);
                // "201 Created" or "201": the code is the first three characters.
                let ok = status.is_some_and(|s| s.trim_start().starts_with('2'));
                if !ok {
                    let words = e
                        .pointer("/response/outcome")
                        .and_then(outcome_error)
                        .flatten()
                        .or_else(|| status.map(str::to_owned));
                    return TransactionReply::Refused(words);
                }
            }
            TransactionReply::Accepted
        }
        _ => TransactionReply::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::submission::tests::{example, later_shared};

    fn entries(b: &Value) -> &Vec<Value> {
        b["entry"].as_array().unwrap()
    }

    fn of_type<'a>(b: &'a Value, t: &str) -> Vec<&'a Value> {
        entries(b)
            .iter()
            .filter(|e| e["resource"]["resourceType"] == t)
            .collect()
    }

    fn fixture_path(name: &str) -> String {
        format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))
    }

    /// Compares `made` with a file, or writes it when asked to (then review the diff).
    fn keep_equal(path: &str, made: &str) {
        let full = fixture_path(path);
        if std::env::var_os("FLOURISH_WRITE_FIXTURES").is_some() {
            std::fs::write(&full, made).unwrap();
        }
        let stored = std::fs::read_to_string(&full).unwrap_or_default();
        assert!(
            stored == made,
            "{path} is out of date: run FLOURISH_WRITE_FIXTURES=1 cargo test --lib domain:: \
             then review the diff"
        );
    }

    #[test]
    fn the_example_bundle_in_the_fixture_is_what_the_code_makes() {
        let made = serde_json::to_string_pretty(&bundle(&example())).unwrap() + "\n";
        keep_equal("tests/fixtures/fhir-bundle.example.json", &made);
    }

    #[test]
    fn the_published_questionnaires_are_what_the_instruments_say() {
        let published = published_questionnaires();
        for (name, q) in &published {
            let made = serde_json::to_string_pretty(q).unwrap() + "\n";
            keep_equal(&format!("public/fhir/{name}"), &made);
        }
        let mut on_disk: Vec<String> = std::fs::read_dir(fixture_path("public/fhir"))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with("Questionnaire-"))
            .collect();
        on_disk.sort();
        let mut names: Vec<String> = published.into_iter().map(|(n, _)| n).collect();
        names.sort();
        assert_eq!(on_disk, names, "a Questionnaire file no instrument makes");
    }

    #[test]
    fn every_entry_is_a_conditional_create_on_its_own_identifier() {
        let b = bundle(&example());
        assert_eq!(b["type"], "transaction");
        for e in entries(&b) {
            let r = &e["resource"];
            let req = &e["request"];
            assert_eq!(req["method"], "POST");
            assert_eq!(req["url"], r["resourceType"]);
            let id = if r["identifier"].is_array() {
                &r["identifier"][0]
            } else {
                &r["identifier"]
            };
            assert_eq!(
                req["ifNoneExist"].as_str().unwrap(),
                format!(
                    "identifier={}|{}",
                    id["system"].as_str().unwrap(),
                    id["value"].as_str().unwrap()
                )
            );
            assert!(e["fullUrl"].as_str().unwrap().starts_with("urn:uuid:"));
        }
    }

    #[test]
    fn a_resend_is_the_same_bytes() {
        let a = serde_json::to_string(&bundle(&example())).unwrap();
        let b = serde_json::to_string(&bundle(&example())).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn every_reference_points_at_an_entry_of_the_bundle() {
        let b = bundle(&example());
        let urls: Vec<&str> = entries(&b)
            .iter()
            .map(|e| e["fullUrl"].as_str().unwrap())
            .collect();
        let mut unique = urls.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), urls.len(), "two entries share a fullUrl");
        fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
            match v {
                Value::Object(o) => {
                    if let Some(Value::String(r)) = o.get("reference") {
                        out.push(r);
                    }
                    o.values().for_each(|x| refs(x, out));
                }
                Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        refs(&b, &mut found);
        assert!(found.len() > 5);
        for r in found {
            assert!(urls.contains(&r), "{r} points nowhere");
        }
    }

    #[test]
    fn the_referral_is_a_self_referral_proposal_about_the_person() {
        let b = bundle(&example());
        let sr = &of_type(&b, "ServiceRequest")[0]["resource"];
        assert_eq!(sr["status"], "active");
        assert_eq!(sr["intent"], "proposal");
        let patient_url = &of_type(&b, "Patient")[0]["fullUrl"];
        assert_eq!(&sr["subject"]["reference"], patient_url);
        assert_eq!(&sr["requester"]["reference"], patient_url);
        assert_eq!(
            sr["identifier"][1]["value"],
            crate::domain::referral::reference("5b7d1c8e-2f3a-4e6b-9c0d-1a2b3c4d5e6f")
        );
        assert_eq!(sr["reasonCode"][2]["text"], "My dog died in the summer");
        assert_eq!(sr["reasonCode"][0]["coding"][0]["code"], "lonely");
        // Two goals, and the baseline check-in's three responses.
        assert_eq!(sr["supportingInfo"].as_array().unwrap().len(), 5);
        let patient = &of_type(&b, "Patient")[0]["resource"];
        assert_eq!(patient["name"][0]["text"], "Sam");
        assert_eq!(
            patient["telecom"],
            json!([{ "system": "phone", "value": "07700900123", "use": "mobile", "rank": 1 }])
        );
    }

    #[test]
    fn help_from_a_volunteer_is_recorded_on_the_referral_and_each_response() {
        let b = bundle(&example());
        let flagged = entries(&b)
            .iter()
            .filter(|e| {
                e["resource"]["extension"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|x| {
                        x["url"] == extension_url("completed-with-volunteer")
                            && x["valueBoolean"] == true
                    })
            })
            .count();
        // The ServiceRequest, two instruments and the follow-up.
        assert_eq!(flagged, 4);
    }

    #[test]
    fn each_response_names_its_questionnaire_version_and_answers_every_item() {
        let b = bundle(&example());
        let qrs = of_type(&b, "QuestionnaireResponse");
        assert_eq!(qrs.len(), 3);
        let mhc = &qrs[0]["resource"];
        assert_eq!(
            mhc["questionnaire"],
            "https://flourish.example/fhir/Questionnaire/mhc-sf|1"
        );
        assert_eq!(mhc["status"], "completed");
        assert_eq!(mhc["item"].as_array().unwrap().len(), 14);
        assert_eq!(
            mhc["item"][0]["answer"][0]["valueCoding"],
            json!({ "system": code_system("mhc-sf-answer"), "code": "4", "display": "Almost every day" })
        );
        let b = bundle(&later_shared());
        let qrs = of_type(&b, "QuestionnaireResponse");
        assert_eq!(
            qrs[0]["resource"]["item"][0]["answer"][0],
            json!({ "valueInteger": 7 })
        );
        assert_eq!(
            qrs[1]["resource"]["item"][0]["answer"][0]["valueCoding"]["code"],
            "none-yet"
        );
        // Shared later: no ServiceRequest, the person by key only.
        assert!(of_type(&b, "ServiceRequest").is_empty());
        assert_eq!(of_type(&b, "Patient").len(), 1);
    }

    #[test]
    fn every_answer_in_a_response_is_an_option_of_its_published_questionnaire() {
        let published = published_questionnaires();
        let b = bundle(&example());
        for qr in of_type(&b, "QuestionnaireResponse") {
            let qr = &qr["resource"];
            let canonical = qr["questionnaire"].as_str().unwrap();
            let (_, q) = published
                .iter()
                .find(|(_, q)| {
                    format!(
                        "{}|{}",
                        q["url"].as_str().unwrap(),
                        q["version"].as_str().unwrap()
                    ) == canonical
                })
                .expect("a published questionnaire");
            for item in qr["item"].as_array().unwrap() {
                let link = item["linkId"].as_str().unwrap();
                let def = q["item"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|d| d["linkId"] == link)
                    .unwrap_or_else(|| panic!("{link} is not in {canonical}"));
                let Some(options) = def["answerOption"].as_array() else {
                    continue;
                };
                for a in item["answer"].as_array().unwrap() {
                    let ok = options.iter().any(|o| {
                        o.get("valueInteger").is_some()
                            && o.get("valueInteger") == a.get("valueInteger")
                            || o["valueCoding"]["code"] == a["valueCoding"]["code"]
                                && o["valueCoding"]["system"] == a["valueCoding"]["system"]
                    });
                    assert!(ok, "{link}: {a} is not an option");
                }
            }
        }
    }

    #[test]
    fn only_the_loneliness_panel_carries_a_loinc_code() {
        let codes: Vec<(String, Value)> = published_questionnaires()
            .into_iter()
            .map(|(n, q)| (n, q["code"].clone()))
            .collect();
        for (name, code) in codes {
            if name == "Questionnaire-ucla3.json" {
                assert_eq!(
                    code,
                    json!([{ "system": "http://loinc.org", "code": "106418-7" }])
                );
            } else {
                assert_eq!(code, Value::Null, "{name}");
            }
        }
        let mhc = questionnaire(&instrument::MHC_SF);
        assert!(mhc["copyright"].as_str().unwrap().contains("Keyes"));
        assert!(questionnaire(&instrument::ONS4)["copyright"]
            .as_str()
            .unwrap()
            .contains("Office for National Statistics"));
    }

    #[test]
    fn uuids_are_well_formed_and_differ_by_seed() {
        let a = uuid_for("person:x");
        let b = uuid_for("person:y");
        assert_ne!(a, b);
        let shape = |u: &str| {
            let parts: Vec<usize> = u.split('-').map(str::len).collect();
            parts == [8, 4, 4, 4, 12]
                && u.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
                && u.as_bytes()[14] == b'8'
                && matches!(u.as_bytes()[19], b'8' | b'9' | b'a' | b'b')
        };
        assert!(shape(&a) && shape(&b), "{a} {b}");
    }

    #[test]
    fn odd_characters_in_an_id_cannot_change_the_conditional_search() {
        assert_eq!(query_value("a&b=c d#e"), "a%26b%3Dc%20d%23e");
        assert_eq!(query_value("c-1/mhc-sf"), "c-1/mhc-sf");
    }

    #[test]
    fn a_reply_is_accepted_only_when_every_entry_succeeded() {
        let ok = json!({ "resourceType": "Bundle", "type": "transaction-response", "entry": [
            { "response": { "status": "201 Created" } }, { "response": { "status": "200" } } ] });
        assert_eq!(
            read_transaction_reply(&ok.to_string(), 2),
            TransactionReply::Accepted
        );
        assert_eq!(
            read_transaction_reply(&ok.to_string(), 3),
            TransactionReply::Unreadable
        );
        let one_bad = json!({ "resourceType": "Bundle", "type": "transaction-response", "entry": [
            { "response": { "status": "201" } },
            { "response": { "status": "412", "outcome": { "resourceType": "OperationOutcome",
              "issue": [{ "severity": "error", "code": "duplicate", "diagnostics": "2 matches" }] } } } ] });
        assert_eq!(
            read_transaction_reply(&one_bad.to_string(), 2),
            TransactionReply::Refused(Some("2 matches".into()))
        );
        let outcome = json!({ "resourceType": "OperationOutcome", "issue": [
            { "severity": "warning", "code": "x" },
            { "severity": "fatal", "code": "invalid", "details": { "text": "bad Bundle" } } ] });
        assert_eq!(
            read_transaction_reply(&outcome.to_string(), 2),
            TransactionReply::Refused(Some("bad Bundle".into()))
        );
        let fine = json!({ "resourceType": "OperationOutcome", "issue": [
            { "severity": "information", "code": "informational" } ] });
        assert_eq!(
            read_transaction_reply(&fine.to_string(), 2),
            TransactionReply::Unreadable
        );
        assert_eq!(
            read_transaction_reply("<html>Sign in to café wifi</html>", 2),
            TransactionReply::Unreadable
        );
    }
}
