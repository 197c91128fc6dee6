//! Taking a referral or a check-in away from a shared screen: a QR code that the person's own
//! phone scans to open Flourish and, once they confirm, keep the records there.
//!
//! The records travel in the address's fragment (after `#`), which a browser never sends to
//! any server. To stay scannable at arm's length the payload is small: short keys, choice ids
//! rather than their words, times to the second, answers as one character each, then
//! compressed by the browser (`deflate-raw`) and written in [base 43](base43_encode): digits,
//! capital letters and `$*+-./:`, which a QR code's alphanumeric mode packs at 5.5 bits a
//! character (base64 would need a QR code's byte mode, 8 bits a character: the code would be
//! about a quarter bigger), and which an address's fragment carries as they are. The address
//! is
//!
//! ```text
//! https://flourish.example.org/take#1Z<base 43 of the deflated JSON>
//! ```
//!
//! where `1` is this format's version and `Z` says the JSON is deflated (`J`: it is not, on a
//! browser without `CompressionStream`). The QR code holds the part up to `#` in byte mode
//! and the rest in alphanumeric mode ([`qr_code`]). The JSON is
//! `{"v":1,"r":{referral},"c":[check-ins]}`; each record's short keys are listed by
//! [`referral_json`] and [`checkin_json`]. Fields a newer app added to a record (its `extra`)
//! do not travel.

use chrono::{DateTime, Utc};
use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};
use serde_json::{json, Map, Value};

use super::checkin::{CheckIn, FollowUp, Response};
use super::export::{self, ExportDocument};
use super::referral::{Baseline, ContactMethod, Referral};

/// The version of the payload this build writes and the newest it reads.
pub const VERSION: u64 = 1;

/// The app's address for bringing records in; the payload follows its `#`.
pub const PATH: &str = "/take";

/// The largest QR code offered, by version (25 is 117 modules a side). Larger codes need a
/// steady hand and a good camera; the person is offered a print-out or sending instead.
pub const MAX_QR_VERSION: u8 = 25;

/// What a person takes away.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Carried {
    /// A finished request for support.
    pub referral: Option<Referral>,
    /// Finished check-ins (the referral's first check-in, or one done on its own).
    pub checkins: Vec<CheckIn>,
}

/// Why an address's fragment could not be brought in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CarryError {
    /// Nothing after the `#`, or something that is not a Flourish payload.
    #[error("this is not a Flourish code")]
    NotOurs,
    /// Made by a newer Flourish.
    #[error("this code was made by a newer version of Flourish (version {0})")]
    Newer(u64),
    /// A Flourish payload, but damaged (cut short when scanned, or changed).
    #[error("this code is damaged: {0}")]
    Damaged(String),
    /// Compressed, and this browser cannot uncompress it.
    #[error("this browser cannot read compressed codes")]
    CannotUncompress,
}

/// How the payload's bytes are written after the version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packing {
    /// Deflated (`deflate-raw`), then base 43.
    Deflated,
    /// The JSON as it is, in base 43.
    Plain,
}

impl Packing {
    fn tag(self) -> char {
        match self {
            Packing::Deflated => 'Z',
            Packing::Plain => 'J',
        }
    }
}

/// The fragment (without `#`) for `bytes` packed as `packing`.
pub fn fragment(bytes: &[u8], packing: Packing) -> String {
    format!("{VERSION}{}{}", packing.tag(), base43_encode(bytes))
}

/// Reads a fragment (with or without its `#`) back to its packing and bytes.
pub fn parse_fragment(fragment: &str) -> Result<(Packing, Vec<u8>), CarryError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    let digits = f.chars().take_while(char::is_ascii_digit).count();
    let version: u64 = f[..digits].parse().map_err(|_| CarryError::NotOurs)?;
    let rest = &f[digits..];
    let packing = match rest.chars().next() {
        Some('Z') => Packing::Deflated,
        Some('J') => Packing::Plain,
        _ => return Err(CarryError::NotOurs),
    };
    if version > VERSION {
        return Err(CarryError::Newer(version));
    }
    if version == 0 {
        return Err(CarryError::NotOurs);
    }
    let bytes = base43_decode(&rest[1..])
        .ok_or_else(|| CarryError::Damaged("it is not written in base 43".into()))?;
    Ok((packing, bytes))
}

/// The compact JSON of what is carried, as bytes to compress.
pub fn encode(carried: &Carried) -> Vec<u8> {
    let mut doc = Map::new();
    doc.insert("v".into(), json!(VERSION));
    if let Some(r) = &carried.referral {
        doc.insert("r".into(), Value::Object(referral_json(r)));
    }
    if !carried.checkins.is_empty() {
        let list = carried
            .checkins
            .iter()
            .map(|c| Value::Object(checkin_json(c)));
        doc.insert("c".into(), Value::Array(list.collect()));
    }
    Value::Object(doc).to_string().into_bytes()
}

/// Reads the compact JSON back.
pub fn decode(bytes: &[u8]) -> Result<Carried, CarryError> {
    let damaged = |why: &str| CarryError::Damaged(why.into());
    let value: Value = serde_json::from_slice(bytes).map_err(|_| damaged("not JSON"))?;
    let Value::Object(doc) = value else {
        return Err(CarryError::NotOurs);
    };
    match doc.get("v").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(CarryError::Newer(v)),
        _ => return Err(CarryError::NotOurs),
    }
    let referral = match doc.get("r") {
        None => None,
        Some(Value::Object(r)) => Some(referral_from(r).ok_or_else(|| damaged("referral"))?),
        Some(_) => return Err(damaged("referral")),
    };
    let checkins = match doc.get("c") {
        None => vec![],
        Some(Value::Array(list)) => list
            .iter()
            .map(|c| match c {
                Value::Object(c) => checkin_from(c),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| damaged("check-in"))?,
        Some(_) => return Err(damaged("check-in")),
    };
    if referral.is_none() && checkins.is_empty() {
        return Err(damaged("nothing in it"));
    }
    Ok(Carried { referral, checkins })
}

/// Writes `text` under `key` unless it is empty.
fn put_str(m: &mut Map<String, Value>, key: &str, text: &str) {
    if !text.is_empty() {
        m.insert(key.into(), Value::String(text.to_owned()));
    }
}

fn put_opt(m: &mut Map<String, Value>, key: &str, text: &Option<String>) {
    if let Some(t) = text {
        m.insert(key.into(), Value::String(t.clone()));
    }
}

fn put_list(m: &mut Map<String, Value>, key: &str, list: &[String]) {
    if !list.is_empty() {
        m.insert(key.into(), json!(list));
    }
}

/// A time in whole seconds: since 1970, or since `since` when given (fewer digits).
fn put_time(
    m: &mut Map<String, Value>,
    key: &str,
    at: Option<DateTime<Utc>>,
    since: Option<DateTime<Utc>>,
) {
    if let Some(at) = at {
        let base = since.map_or(0, |s| s.timestamp());
        m.insert(key.into(), json!(at.timestamp() - base));
    }
}

fn put_flag(m: &mut Map<String, Value>, key: &str, on: bool) {
    if on {
        m.insert(key.into(), json!(1));
    }
}

/// A field read back: absent is `Some(default)`, the wrong type is `None` (damaged).
fn get_str(m: &Map<String, Value>, key: &str) -> Option<String> {
    match m.get(key) {
        None => Some(String::new()),
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => None,
    }
}

fn get_opt(m: &Map<String, Value>, key: &str) -> Option<Option<String>> {
    match m.get(key) {
        None => Some(None),
        Some(Value::String(s)) => Some(Some(s.clone())),
        Some(_) => None,
    }
}

fn get_list(m: &Map<String, Value>, key: &str) -> Option<Vec<String>> {
    match m.get(key) {
        None => Some(vec![]),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect(),
        Some(_) => None,
    }
}

fn get_time(
    m: &Map<String, Value>,
    key: &str,
    since: Option<DateTime<Utc>>,
) -> Option<Option<DateTime<Utc>>> {
    match m.get(key) {
        None => Some(None),
        Some(v) => {
            let base = since.map_or(0, |s| s.timestamp());
            DateTime::from_timestamp(v.as_i64()?.checked_add(base)?, 0).map(Some)
        }
    }
}

fn get_flag(m: &Map<String, Value>, key: &str) -> Option<bool> {
    match m.get(key) {
        None => Some(false),
        Some(v) => match v.as_u64()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        },
    }
}

/// A referral's compact form. Keys: `i` id, `t` started (seconds since 1970), `s` submitted
/// (seconds after `t`), `y` safety (1 yes, 0 no), `re` reasons, `ro` the other reason, `a` activities, `b`
/// barriers, `su` support, `g` goals, `rb` referred by, `n` name, `cm` contact method, `p`
/// phone, `e` email, `bt` best times, `ag` age band, `pc` postcode district, `l` language,
/// `x` access needs, `bl` baseline (1 skipped, 2 started, or the check-in's id when done),
/// `w` 1 when completed with a volunteer. Empty answers are left out.
pub fn referral_json(r: &Referral) -> Map<String, Value> {
    let mut m = Map::new();
    put_str(&mut m, "i", &r.id);
    put_time(&mut m, "t", r.started_at, None);
    put_time(&mut m, "s", r.submitted_at, r.started_at);
    if let Some(safety) = r.safety {
        m.insert("y".into(), json!(u8::from(safety)));
    }
    put_list(&mut m, "re", &r.reasons);
    put_str(&mut m, "ro", &r.reason_other);
    put_list(&mut m, "a", &r.activities);
    put_list(&mut m, "b", &r.barriers);
    put_opt(&mut m, "su", &r.support);
    put_list(&mut m, "g", &r.goals);
    put_opt(&mut m, "rb", &r.referred_by);
    put_str(&mut m, "n", &r.name);
    if let Some(cm) = r.contact_method {
        m.insert("cm".into(), json!(cm.id()));
    }
    put_str(&mut m, "p", &r.phone);
    put_str(&mut m, "e", &r.email);
    put_str(&mut m, "bt", &r.best_times);
    put_opt(&mut m, "ag", &r.age_band);
    put_str(&mut m, "pc", &r.postcode_district);
    put_str(&mut m, "l", &r.language);
    put_str(&mut m, "x", &r.access_needs);
    match &r.baseline {
        Baseline::NotAsked => {}
        Baseline::Skipped => {
            m.insert("bl".into(), json!(1));
        }
        Baseline::Started => {
            m.insert("bl".into(), json!(2));
        }
        Baseline::Done { checkin_id } => {
            m.insert("bl".into(), json!(checkin_id));
        }
    }
    put_flag(&mut m, "w", r.with_volunteer);
    m
}

fn referral_from(m: &Map<String, Value>) -> Option<Referral> {
    let id = get_str(m, "i")?;
    if id.is_empty() {
        return None;
    }
    let safety = match m.get("y") {
        None => None,
        Some(v) => Some(match v.as_u64()? {
            0 => false,
            1 => true,
            _ => return None,
        }),
    };
    let contact_method = match m.get("cm") {
        None => None,
        Some(v) => Some(ContactMethod::from_id(v.as_str()?)?),
    };
    let baseline = match m.get("bl") {
        None => Baseline::NotAsked,
        Some(Value::String(id)) => Baseline::Done {
            checkin_id: id.clone(),
        },
        Some(v) => match v.as_u64()? {
            1 => Baseline::Skipped,
            2 => Baseline::Started,
            _ => return None,
        },
    };
    let started_at = get_time(m, "t", None)?;
    Some(Referral {
        id,
        started_at,
        submitted_at: get_time(m, "s", started_at)?,
        safety,
        reasons: get_list(m, "re")?,
        reason_other: get_str(m, "ro")?,
        activities: get_list(m, "a")?,
        barriers: get_list(m, "b")?,
        support: get_opt(m, "su")?,
        goals: get_list(m, "g")?,
        referred_by: get_opt(m, "rb")?,
        name: get_str(m, "n")?,
        contact_method,
        phone: get_str(m, "p")?,
        email: get_str(m, "e")?,
        best_times: get_str(m, "bt")?,
        age_band: get_opt(m, "ag")?,
        postcode_district: get_str(m, "pc")?,
        language: get_str(m, "l")?,
        access_needs: get_str(m, "x")?,
        baseline,
        with_volunteer: get_flag(m, "w")?,
        extra: Map::new(),
    })
}

/// The characters that stand for scores 0 to 35 in a check-in's answers.
const SCORE_DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// A response's answers: one character per score when every one is given and small enough,
/// else a list of numbers (and nulls).
fn answers_json(answers: &[Option<u8>]) -> Value {
    let digits: Option<String> = answers
        .iter()
        .map(|a| SCORE_DIGITS.get(usize::from((*a)?)).map(|&d| d as char))
        .collect();
    match digits {
        Some(s) => Value::String(s),
        None => json!(answers),
    }
}

fn answers_from(v: &Value) -> Option<Vec<Option<u8>>> {
    match v {
        Value::String(s) => s
            .bytes()
            .map(|b| {
                let at = SCORE_DIGITS.iter().position(|&d| d == b)?;
                u8::try_from(at).ok().map(Some)
            })
            .collect(),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::Null => Some(None),
                n => n.as_u64().and_then(|n| u8::try_from(n).ok()).map(Some),
            })
            .collect(),
        _ => None,
    }
}

/// A check-in's compact form. Keys: `i` id, `t` started (seconds since 1970), `f` finished
/// (seconds after `t`), `r` responses as `[instrument id, version, answers]` with the answers one
/// character per score (`0`–`9`, then `a` for 10), `u` the follow-up answers as stored,
/// `w` 1 when completed with a volunteer.
pub fn checkin_json(c: &CheckIn) -> Map<String, Value> {
    let mut m = Map::new();
    put_str(&mut m, "i", &c.id);
    put_time(&mut m, "t", Some(c.started_at), None);
    put_time(&mut m, "f", Some(c.finished_at), Some(c.started_at));
    let responses = c.responses.iter().map(|r| {
        json!([
            r.instrument_id,
            r.instrument_version,
            answers_json(&r.answers)
        ])
    });
    m.insert("r".into(), Value::Array(responses.collect()));
    if !c.follow_up.is_empty() {
        if let Ok(u) = serde_json::to_value(&c.follow_up) {
            m.insert("u".into(), u);
        }
    }
    put_flag(&mut m, "w", c.with_volunteer);
    m
}

fn checkin_from(m: &Map<String, Value>) -> Option<CheckIn> {
    let id = get_str(m, "i")?;
    let responses = match m.get("r")? {
        Value::Array(list) => list
            .iter()
            .map(|r| match r.as_array()?.as_slice() {
                [Value::String(id), Value::String(version), answers] => Some(Response {
                    instrument_id: id.clone(),
                    instrument_version: version.clone(),
                    answers: answers_from(answers)?,
                    extra: Map::new(),
                }),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?,
        _ => return None,
    };
    let follow_up = match m.get("u") {
        None => FollowUp::default(),
        Some(u) => serde_json::from_value(u.clone()).ok()?,
    };
    (!id.is_empty()).then_some(())?;
    let started_at = get_time(m, "t", None)??;
    Some(CheckIn {
        id,
        started_at,
        finished_at: get_time(m, "f", Some(started_at))??,
        responses,
        follow_up,
        with_volunteer: get_flag(m, "w")?,
        extra: Map::new(),
    })
}

/// The characters of base 43: those of a QR code's alphanumeric mode that an address's
/// fragment carries unchanged (not the space, not `%`).
pub const BASE43: &[u8; 43] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:";

/// `bytes` in base 43: every two bytes as three characters (43³ > 65,535), the least
/// significant first as in base45 (RFC 9285), and a last odd byte as two.
pub fn base43_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    for pair in bytes.chunks(2) {
        let (mut n, digits) = match pair {
            [a, b] => (usize::from(*a) << 8 | usize::from(*b), 3),
            [a] => (usize::from(*a), 2),
            _ => (0, 0),
        };
        for _ in 0..digits {
            out.push(BASE43[n % 43] as char);
            n /= 43;
        }
    }
    out
}

/// Reads base 43 back; `None` for any other character, a length no encoding makes, or a
/// group too big for its bytes.
pub fn base43_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<usize> = text
        .bytes()
        .map(|b| BASE43.iter().position(|&c| c == b))
        .collect::<Option<_>>()?;
    if digits.len() % 3 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 2 / 3);
    for group in digits.chunks(3) {
        let n = group.iter().rev().fold(0, |n, d| n * 43 + d);
        match group.len() {
            3 => out.extend_from_slice(&u16::try_from(n).ok()?.to_be_bytes()),
            _ => out.push(u8::try_from(n).ok()?),
        }
    }
    Some(out)
}

/// What is carried, as an export file: bringing it into the phone is then the same checked,
/// merging import as a downloaded file's (nothing on the phone is lost or duplicated).
pub fn as_export(carried: &Carried, at: DateTime<Utc>) -> ExportDocument {
    let mut doc = export::build(&carried.checkins, None, &[], at);
    doc.data.referrals = carried.referral.iter().cloned().collect();
    doc
}

/// The whole address for a fragment: the app's address (`base`, e.g. the page's origin),
/// [`PATH`], then `#fragment`.
pub fn address(base: &str, fragment: &str) -> String {
    format!("{}{PATH}#{fragment}", base.trim_end_matches('/'))
}

/// Why no QR code can be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too much to fit in a QR code that can be scanned from a screen")]
pub struct TooBig;

/// A QR code for `text` at error correction M (or better, when that fits the same size), no
/// larger than [`MAX_QR_VERSION`]. An address with a base 43 fragment is two segments: up to
/// the `#` in byte mode, the fragment in alphanumeric mode.
pub fn qr_code(text: &str) -> Result<QrCode, TooBig> {
    let segments = match text.split_once('#') {
        Some((_, fragment)) if QrSegment::is_alphanumeric(fragment) && !fragment.is_empty() => {
            let head = &text[..=text.len() - fragment.len() - 1];
            vec![
                QrSegment::make_bytes(head.as_bytes()),
                QrSegment::make_alphanumeric(fragment),
            ]
        }
        _ => vec![QrSegment::make_bytes(text.as_bytes())],
    };
    QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::new(MAX_QR_VERSION),
        None,
        true,
    )
    .map_err(|_| TooBig)
}

/// The modules of a QR code as one SVG path, in a square of `size` modules plus a quiet zone
/// of 4 on each side: `(side, path data)`. One `M x y h1v1h-1z` square per dark module, runs
/// joined into one rectangle.
pub fn svg_path(qr: &QrCode) -> (i32, String) {
    const QUIET: i32 = 4;
    let size = qr.size();
    let mut d = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            d.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET,
                y + QUIET,
                x - start,
                x - start
            ));
        }
    }
    (size + 2 * QUIET, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::{ActivityUptake, GoalStatus, GoalUpdate, JourneyStep, NewGoal};
    use crate::test_support::default_ids;
    use proptest::prelude::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap_or_default()
    }

    /// A referral as people typically fill it in: a few reasons and activities, one goal in
    /// their own words, a phone number, a first check-in done.
    fn typical_referral() -> Referral {
        Referral {
            id: "5b7d1c8e-2f3a-4e6b-9c0d-1a2b3c4d5e6f".into(),
            started_at: Some(at(1_763_632_800)),
            submitted_at: Some(at(1_763_633_642)),
            safety: Some(false),
            reasons: vec!["lonely".into(), "low-mood".into(), "life-change".into()],
            activities: vec!["social".into(), "creative".into()],
            barriers: vec!["confidence".into(), "not-knowing-anyone".into()],
            support: Some("welcome".into()),
            goals: vec!["Get out of the house twice a week and meet someone new".into()],
            referred_by: Some("gp".into()),
            name: "Sam".into(),
            contact_method: Some(ContactMethod::Phone),
            phone: "07700 900123".into(),
            best_times: "Weekday mornings".into(),
            age_band: Some("65-79".into()),
            postcode_district: "CF10".into(),
            baseline: Baseline::Done {
                checkin_id: "2f0c6d1e-8b0a-4c55-9f7e-0d6a1c2b3e4f".into(),
            },
            with_volunteer: true,
            ..Referral::default()
        }
    }

    fn typical_checkin() -> CheckIn {
        CheckIn {
            id: "2f0c6d1e-8b0a-4c55-9f7e-0d6a1c2b3e4f".into(),
            started_at: at(1_763_633_100),
            finished_at: at(1_763_633_500),
            responses: vec![
                Response {
                    instrument_id: "mhc-sf".into(),
                    instrument_version: "1".into(),
                    answers: [2, 3, 2, 1, 1, 2, 3, 2, 2, 3, 1, 2, 2, 1]
                        .map(Some)
                        .to_vec(),
                    extra: Map::new(),
                },
                Response {
                    instrument_id: "ucla3".into(),
                    instrument_version: "1".into(),
                    answers: vec![Some(3), Some(2), Some(3)],
                    extra: Map::new(),
                },
            ],
            follow_up: FollowUp::default(),
            with_volunteer: true,
            extra: Map::new(),
        }
    }

    /// Every free-text answer at its longest, every list full.
    fn longest_referral() -> Referral {
        use crate::domain::referral::{ACCESS_MAX, GOALS_MAX, GOAL_MAX, NAME_MAX, OTHER_MAX};
        let words = |n: usize| "a few words of text ".repeat(n / 20 + 1)[..n].to_string();
        let ids = |list| default_ids(list).into_iter().map(String::from).collect();
        Referral {
            reasons: ids(|c| &c.reasons),
            reason_other: words(OTHER_MAX),
            activities: ids(|c| &c.activity_categories),
            barriers: ids(|c| &c.barriers),
            goals: vec![words(GOAL_MAX); GOALS_MAX],
            name: words(NAME_MAX),
            best_times: words(100),
            language: words(OTHER_MAX),
            access_needs: words(ACCESS_MAX),
            ..typical_referral()
        }
    }

    fn deflate(bytes: &[u8]) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec(bytes, 6)
    }

    fn inflate(bytes: &[u8]) -> Vec<u8> {
        miniz_oxide::inflate::decompress_to_vec(bytes).unwrap_or_default()
    }

    /// The address a kiosk at a typical service address would show.
    fn url_for(carried: &Carried) -> String {
        let fragment = fragment(&deflate(&encode(carried)), Packing::Deflated);
        address("https://flourish.example.org", &fragment)
    }

    #[test]
    fn a_referral_and_its_check_in_come_back_exactly() {
        let carried = Carried {
            referral: Some(typical_referral()),
            checkins: vec![typical_checkin()],
        };
        let url = url_for(&carried);
        let fragment = url.split_once('#').map(|(_, f)| f).unwrap_or_default();
        let (packing, bytes) = parse_fragment(fragment).expect("our fragment");
        assert_eq!(packing, Packing::Deflated);
        assert_eq!(decode(&inflate(&bytes)), Ok(carried.clone()));
        // And uncompressed, for a browser without CompressionStream.
        let plain = fragment_of_plain(&carried);
        let (packing, bytes) = parse_fragment(&plain).expect("plain");
        assert_eq!((packing, decode(&bytes)), (Packing::Plain, Ok(carried)));
    }

    fn fragment_of_plain(carried: &Carried) -> String {
        fragment(&encode(carried), Packing::Plain)
    }

    #[test]
    fn payload_sizes_and_qr_versions_are_printed_and_a_typical_referral_fits_version_15() {
        let cases = [
            (
                "typical referral",
                Carried {
                    referral: Some(typical_referral()),
                    checkins: vec![],
                },
            ),
            (
                "typical referral + first check-in",
                Carried {
                    referral: Some(typical_referral()),
                    checkins: vec![typical_checkin()],
                },
            ),
            (
                "check-in alone",
                Carried {
                    referral: None,
                    checkins: vec![typical_checkin()],
                },
            ),
            (
                "longest referral + check-in",
                Carried {
                    referral: Some(longest_referral()),
                    checkins: vec![typical_checkin()],
                },
            ),
        ];
        let mut typical_version = 0;
        for (name, carried) in cases {
            let json = encode(&carried);
            let full = serde_json::to_string(&carried.referral)
                .unwrap_or_default()
                .len()
                + serde_json::to_string(&carried.checkins)
                    .unwrap_or_default()
                    .len();
            let deflated = deflate(&json);
            let url = url_for(&carried);
            let plain = address("https://flourish.example.org", &fragment_of_plain(&carried));
            let version = |u: &str| {
                qr_code(u)
                    .map(|q| q.version().value().to_string())
                    .unwrap_or_else(|_| format!("too big (over {MAX_QR_VERSION})"))
            };
            eprintln!(
                "take-away payload: {name}: stored JSON {full} B, compact JSON {} B, deflated {} B, \
                 address {} chars (QR version {} at M); uncompressed address {} chars (QR version {})",
                json.len(),
                deflated.len(),
                url.len(),
                version(&url),
                plain.len(),
                version(&plain),
            );
            if name == "typical referral + first check-in" {
                typical_version = qr_code(&url).map(|q| q.version().value()).unwrap_or(99);
            }
        }
        assert!(typical_version <= 15, "version {typical_version}");
    }

    #[test]
    fn times_travel_to_the_second() {
        let exact = |ms| DateTime::from_timestamp_millis(ms).unwrap_or_default();
        let carried = Carried {
            referral: Some(Referral {
                started_at: Some(exact(1_763_632_800_999)),
                submitted_at: Some(exact(1_763_633_642_001)),
                ..typical_referral()
            }),
            checkins: vec![],
        };
        let back = decode(&encode(&carried)).expect("ours");
        let r = back.referral.expect("a referral");
        assert_eq!(r.started_at, Some(at(1_763_632_800)));
        assert_eq!(r.submitted_at, Some(at(1_763_633_642)));
    }

    #[test]
    fn what_is_carried_is_brought_in_as_an_export_file_is() {
        let carried = Carried {
            referral: Some(typical_referral()),
            checkins: vec![typical_checkin()],
        };
        let text = as_export(&carried, at(1_763_640_000))
            .to_json()
            .unwrap_or_default();
        let parsed = export::parse(&text).expect("an export");
        assert_eq!(parsed.referrals, vec![typical_referral()]);
        assert_eq!(parsed.checkins, vec![typical_checkin()]);
        assert!(parsed.unreadable.is_empty() && parsed.impossible.is_empty());
        assert!(text.contains("\"with_volunteer\": true"), "{text}");
    }

    #[test]
    fn a_damaged_or_foreign_fragment_is_refused_kindly_never_misread() {
        assert_eq!(parse_fragment(""), Err(CarryError::NotOurs));
        assert_eq!(parse_fragment("#main"), Err(CarryError::NotOurs));
        assert_eq!(parse_fragment("#1x"), Err(CarryError::NotOurs));
        assert_eq!(parse_fragment("#0ZAAA"), Err(CarryError::NotOurs));
        assert_eq!(parse_fragment("#2ZAAA"), Err(CarryError::Newer(2)));
        assert!(matches!(
            parse_fragment("#1Z!!!"),
            Err(CarryError::Damaged(_))
        ));
        assert!(matches!(decode(b"not json"), Err(CarryError::Damaged(_))));
        assert_eq!(decode(b"[1]"), Err(CarryError::NotOurs));
        assert_eq!(decode(br#"{"a":1}"#), Err(CarryError::NotOurs));
        assert_eq!(decode(br#"{"v":3}"#), Err(CarryError::Newer(3)));
        assert!(matches!(decode(br#"{"v":1}"#), Err(CarryError::Damaged(_))));
        assert!(matches!(
            decode(br#"{"v":1,"r":{"i":"x","y":7}}"#),
            Err(CarryError::Damaged(_))
        ));
        assert!(matches!(
            decode(br#"{"v":1,"c":[{"i":"x","t":1}]}"#),
            Err(CarryError::Damaged(_))
        ));
        // A code cut short when scanned: every prefix is refused or read, never panics.
        let whole = encode(&Carried {
            referral: Some(typical_referral()),
            checkins: vec![typical_checkin()],
        });
        for n in 0..whole.len() {
            assert!(decode(&whole[..n]).is_err(), "prefix of {n} bytes");
        }
    }

    #[test]
    fn the_qr_code_is_drawn_as_one_path_with_a_quiet_zone() {
        let qr = qr_code("https://flourish.example.org/take#1ZAAA").expect("fits");
        let (side, d) = svg_path(&qr);
        assert_eq!(side, qr.size() + 8);
        let dark = (0..qr.size())
            .flat_map(|y| (0..qr.size()).map(move |x| (x, y)))
            .filter(|&(x, y)| qr.get_module(x, y))
            .count();
        // Every dark module is inside exactly one run; the runs' widths add up to them.
        let widths: usize = d
            .split('h')
            .skip(1)
            .step_by(2)
            .filter_map(|w| w.split('v').next()?.parse::<usize>().ok())
            .sum();
        assert_eq!(widths, dark);
        assert!(d.starts_with("M4 4h7v1h-7z"), "finder pattern first: {d}");
    }

    #[test]
    fn too_much_for_a_scannable_code_is_said_not_squeezed() {
        let huge = "x".repeat(3_000);
        assert_eq!(qr_code(&huge).map(|q| q.version()), Err(TooBig));
    }

    #[test]
    fn base43_round_trips_every_length_and_refuses_what_it_never_writes() {
        for n in 0..70u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            let text = base43_encode(&bytes);
            assert_eq!(text.len(), usize::from(n) / 2 * 3 + usize::from(n % 2) * 2);
            assert!(QrSegment::is_alphanumeric(&text) && !text.contains([' ', '%']));
            assert_eq!(base43_decode(&text), Some(bytes));
        }
        assert_eq!(
            base43_encode(&[0xff, 0xff]),
            "3JZ",
            "65,535 = 3 + 19×43 + 35×43²"
        );
        assert_eq!(base43_decode("::::"), None, "a length no encoding makes");
        assert_eq!(base43_decode(":::"), None, "more than two bytes hold");
        assert_eq!(base43_decode("::"), None, "more than a byte holds");
        assert_eq!(base43_decode("ab"), None, "small letters are not base 43");
    }

    proptest! {
        #[test]
        fn base43_round_trips_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            prop_assert_eq!(base43_decode(&base43_encode(&bytes)), Some(bytes));
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![Just(String::new()), "\\PC{0,40}"]
    }

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of("[a-z0-9-]{1,12}")
    }

    fn time() -> impl Strategy<Value = DateTime<Utc>> {
        (0i64..4_102_444_800).prop_map(at)
    }

    prop_compose! {
        fn any_referral()(
            id in "[a-z0-9-]{1,36}",
            started_at in proptest::option::of(time()),
            submitted_at in proptest::option::of(time()),
            safety in proptest::option::of(any::<bool>()),
            lists in proptest::collection::vec(proptest::collection::vec("[a-z0-9-]{1,12}", 0..5), 4),
            texts in proptest::collection::vec(text(), 9),
            opts in proptest::collection::vec(opt_text(), 3),
            method in proptest::option::of(proptest::sample::select(ContactMethod::ALL.to_vec())),
            baseline in prop_oneof![
                Just(Baseline::NotAsked), Just(Baseline::Skipped), Just(Baseline::Started),
                "[a-z0-9-]{0,36}".prop_map(|checkin_id| Baseline::Done { checkin_id }),
            ],
            with_volunteer in any::<bool>(),
        ) -> Referral {
            Referral {
                id, started_at, submitted_at, safety,
                reasons: lists[0].clone(), activities: lists[1].clone(),
                barriers: lists[2].clone(), goals: lists[3].clone(),
                reason_other: texts[0].clone(), name: texts[1].clone(), phone: texts[2].clone(),
                email: texts[3].clone(), best_times: texts[4].clone(),
                postcode_district: texts[5].clone(), language: texts[6].clone(),
                access_needs: texts[7].clone(),
                support: opts[0].clone(), referred_by: opts[1].clone(), age_band: opts[2].clone(),
                contact_method: method, baseline, with_volunteer,
                extra: Map::new(),
            }
        }
    }

    prop_compose! {
        fn any_checkin()(
            id in "[a-z0-9-]{1,36}",
            started_at in time(),
            finished_at in time(),
            responses in proptest::collection::vec(
                ("[a-z0-9-]{1,8}", "[0-9]{1,2}", proptest::collection::vec(proptest::option::of(any::<u8>()), 0..20)),
                0..4),
            journey_step in proptest::option::of(Just(JourneyStep::Learning)),
            goal in proptest::option::of(("[a-z0-9/-]{1,20}", text())),
            none_yet in any::<bool>(),
            with_volunteer in any::<bool>(),
        ) -> CheckIn {
            let follow_up = FollowUp {
                activities: none_yet.then_some(ActivityUptake::NoneYet),
                goal_updates: goal.iter().map(|(id, _)| GoalUpdate { goal_id: id.clone(), status: GoalStatus::Started }).collect(),
                new_goals: goal.iter().map(|(id, text)| NewGoal { id: id.clone(), text: text.clone() }).collect(),
                journey_step,
                went_to: vec![],
            };
            CheckIn {
                id, started_at, finished_at, follow_up, with_volunteer,
                responses: responses.into_iter().map(|(instrument_id, instrument_version, answers)| Response {
                    instrument_id, instrument_version, answers, extra: Map::new(),
                }).collect(),
                extra: Map::new(),
            }
        }
    }

    proptest! {
        #[test]
        fn whatever_is_carried_comes_back_exactly(
            referral in proptest::option::of(any_referral()),
            checkins in proptest::collection::vec(any_checkin(), 0..3),
            deflated in any::<bool>(),
        ) {
            prop_assume!(referral.is_some() || !checkins.is_empty());
            let carried = Carried { referral, checkins };
            let json = encode(&carried);
            let (bytes, packing) = if deflated {
                (deflate(&json), Packing::Deflated)
            } else {
                (json.clone(), Packing::Plain)
            };
            let f = fragment(&bytes, packing);
            prop_assert!(f.bytes().all(|b| BASE43.contains(&b)));
            let (p, back) = parse_fragment(&format!("#{f}")).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(p, packing);
            let json_back = if deflated { inflate(&back) } else { back };
            prop_assert_eq!(decode(&json_back), Ok(carried));
        }
    }
}
