//! The service's configuration: `config.json` served beside the app, read field by field.
//!
//! One build serves many services. Every field has a built-in default; a field that is
//! missing takes it, and a field that is wrong is reported by name and takes it too, so one
//! typo never stops the app or throws away the rest of the file. This module is pure: the
//! file is fetched by [`crate::sync`].

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::directory::{self, TaxonomyMap};
use crate::domain::instrument::{self, Instrument, ScaleShape, Wording, DEFAULT_INSTRUMENT_IDS};
use crate::domain::mode::{IdleSettings, Mode};
use crate::domain::outbox::RetryPolicy;
use crate::domain::schedule::ScheduleSettings;
use crate::domain::submission::Format;
use crate::i18n::{Language, Messages};

/// Words a service writes for people to read: the same words in every language (a plain
/// string in `config.json`), or one text per language code (`{"en": "…", "cy": "…"}`). A
/// language without its own words gets the English ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same words in every language.
    Same(String),
    /// Words per language code; always has English (`en`) once checked.
    PerLanguage(BTreeMap<String, String>),
    /// A built-in default's words, from the catalogue of the language shown. Looked up when
    /// shown rather than copied from every catalogue at start, so the Welsh and Arabic words
    /// can stay out of the first download.
    BuiltIn(BuiltInWords),
}

/// Which built-in words a default uses: a place in the catalogue's
/// [`crate::i18n::DefaultsMessages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltInWords {
    /// What the service does.
    ServiceDescription,
    /// A crisis route's name, by its place in the list.
    CrisisName(usize),
    /// When to use a crisis route.
    CrisisDescription(usize),
    /// "What is going on for you".
    Reason(usize),
    /// "What might you like to do".
    Activity(usize),
    /// An example under an activity category.
    ActivityHint(usize),
    /// "What might make it hard to go".
    Barrier(usize),
    /// The example under "Getting there".
    GettingThereHint,
    /// "How much support would you like".
    SupportLevel(usize),
    /// "Who suggested getting in touch".
    Referrer(usize),
    /// "How old are you".
    AgeBand(usize),
}

impl BuiltInWords {
    /// These words in the catalogue `m` (empty for a place the catalogue does not have, which
    /// a native test rules out).
    fn from(self, m: &'static Messages) -> &'static str {
        let d = &m.defaults;
        let at = |list: &'static [&'static str], i: usize| list.get(i).copied().unwrap_or("");
        match self {
            Self::ServiceDescription => d.service_description,
            Self::CrisisName(i) => at(&d.crisis_names, i),
            Self::CrisisDescription(i) => at(&d.crisis_descriptions, i),
            Self::Reason(i) => at(&d.reasons, i),
            Self::Activity(i) => at(&d.activities, i),
            Self::ActivityHint(i) => at(&d.activity_hints, i),
            Self::Barrier(i) => at(&d.barriers, i),
            Self::GettingThereHint => d.getting_there_hint,
            Self::SupportLevel(i) => at(&d.support_levels, i),
            Self::Referrer(i) => at(&d.referrers, i),
            Self::AgeBand(i) => at(&d.age_bands, i),
        }
    }
}

impl Text {
    /// The words for `language`: its own, else the English ones, else the first given.
    pub fn get(&self, language: Language) -> &str {
        match self {
            Self::Same(s) => s,
            Self::BuiltIn(words) => words.from(language.messages()),
            Self::PerLanguage(map) => map
                .get(language.code())
                .or_else(|| map.get(Language::English.code()))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// The English words: what the service's own records show.
    pub fn english(&self) -> &str {
        self.get(Language::English)
    }

    /// Says what is wrong: blank words, no English to fall back to, or a language this app
    /// does not know.
    fn check(&self) -> Result<(), String> {
        match self {
            Self::Same(s) if s.trim().is_empty() => Err("some words are empty".into()),
            Self::Same(_) | Self::BuiltIn(_) => Ok(()),
            Self::PerLanguage(map) => {
                if let Some(code) = map.keys().find(|c| Language::from_tag(c).is_none()) {
                    return Err(format!("{code:?} is not a language this app has"));
                }
                if !map.contains_key(Language::English.code()) {
                    return Err("words given per language need English (\"en\") too".into());
                }
                if map.values().any(|s| s.trim().is_empty()) {
                    return Err("some words are empty".into());
                }
                Ok(())
            }
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self::Same(s.to_owned())
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Same(text) => s.serialize_str(text),
            Self::BuiltIn(words) => {
                use serde::ser::SerializeMap;
                let mut out = s.serialize_map(Some(Language::ALL.len()))?;
                for l in Language::ALL {
                    out.serialize_entry(l.code(), words.from(l.messages()))?;
                }
                out.end()
            }
            // English first, then the other built-in languages in their order, then any other.
            Self::PerLanguage(map) => {
                use serde::ser::SerializeMap;
                let known = Language::ALL.map(Language::code);
                let ordered = known
                    .iter()
                    .filter_map(|code| map.get_key_value(*code))
                    .chain(map.iter().filter(|(k, _)| !known.contains(&k.as_str())));
                let mut out = s.serialize_map(Some(map.len()))?;
                for (k, v) in ordered {
                    out.serialize_entry(k, v)?;
                }
                out.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Reads a string or a map of strings, without serde's buffering of untagged enums.
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("words, or words per language like {\"en\": \"…\", \"cy\": \"…\"}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Same(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(Text::PerLanguage(out))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// How a crisis route is reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactKind {
    /// A phone call: rendered as a `tel:` link.
    Phone,
    /// A text message: rendered as an `sms:` link, with `body` prefilled where given.
    Text,
}

/// One way to get urgent help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisContact {
    /// Who or what, e.g. "Samaritans".
    pub name: Text,
    /// When to use it, in plain words.
    pub description: Text,
    /// Call or text.
    pub kind: ContactKind,
    /// The number to dial or text, digits only.
    pub number: String,
    /// The number as people read it, e.g. "116 123".
    pub display: String,
    /// For texts: the message to send, e.g. "SHOUT".
    #[serde(default)]
    pub body: Option<String>,
}

impl CrisisContact {
    /// The `tel:` or `sms:` link for this route. A text's words follow `?&body=`, the one
    /// form both iOS (which wants `&`) and Android (which wants `?`) read, encoded as
    /// `encodeURIComponent` would.
    pub fn href(&self) -> String {
        match (&self.kind, &self.body) {
            (ContactKind::Phone, _) => format!("tel:{}", self.number),
            (ContactKind::Text, Some(body)) => {
                format!("sms:{}?&body={}", self.number, encode_component(body))
            }
            (ContactKind::Text, None) => format!("sms:{}", self.number),
        }
    }
}

/// Percent-encodes `text` for a URL's query, leaving what `encodeURIComponent` leaves.
fn encode_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
            b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One answer a journey question offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id, stored in the referral and sent to the service.
    pub id: String,
    /// What the person reads, in one language or several.
    pub label: Text,
    /// Examples or help under the label.
    #[serde(default)]
    pub hint: Option<Text>,
    /// Whether choosing it clears every other choice ("None of these").
    #[serde(default)]
    pub exclusive: bool,
}

/// What a service sets for its own deployment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceConfig {
    /// The service's name, shown in the header.
    pub service_name: Text,
    /// One sentence on what the service does, for "Before you start".
    pub service_description: Text,
    /// How to reach the service.
    pub service_contact: ServiceContact,
    /// Urgent-help routes, in the order shown.
    pub crisis_contacts: Vec<CrisisContact>,
    /// "What is going on for you" answers; an id `other` asks for the person's own words.
    pub reasons: Vec<Choice>,
    /// "What you might like to do": the activity categories.
    pub activity_categories: Vec<Choice>,
    /// "What might make it hard to go".
    pub barriers: Vec<Choice>,
    /// "How much support you'd like", least first.
    pub support_levels: Vec<Choice>,
    /// "Who suggested getting in touch".
    pub referrers: Vec<Choice>,
    /// Age bands offered on "About you".
    pub age_bands: Vec<Choice>,
    /// The instruments a check-in asks, by id, in order (see `domain::instrument::choose`).
    /// Default: the MHC-SF, then UCLA-3. A service without MHC-SF permission leaves it out.
    #[serde(default = "default_instruments")]
    pub instruments: Vec<String>,
    /// How check-ins are spaced: interval, "not now" wait, pathway window.
    #[serde(default)]
    pub schedule: ScheduleSettings,
    /// The activity directory beside the app (Open Referral UK `service` records), or none.
    #[serde(default = "default_directory")]
    pub directory: Option<String>,
    /// For each activity category id, `meet-you-there` and `step-free`: the service's own
    /// taxonomy terms that mean it (see `domain::directory::Classifier`).
    #[serde(default)]
    pub directory_taxonomy: TaxonomyMap,
    /// Whether activities link to OpenStreetMap: another site, so off unless the service says.
    #[serde(default)]
    pub directory_map_links: bool,
    /// The languages the service offers, by code (`en`, `cy`, `ar`), the first being the one
    /// shown when neither the person nor their browser chooses another.
    #[serde(default = "default_languages")]
    pub languages: Vec<String>,
    /// Checked translations of the questionnaires, as the service has them: by instrument
    /// id, then version, then language code. Questions without one are shown in English.
    #[serde(default)]
    pub instrument_translations: InstrumentTranslations,
    /// How this deployment runs: `personal` (the default), `assisted` or `kiosk`.
    #[serde(default)]
    pub mode: Mode,
    /// A kiosk's inactivity timings (`idle_seconds`, `warning_seconds`).
    #[serde(default = "kiosk_idle")]
    pub kiosk: IdleSettings,
    /// The inactivity timings of a volunteer's shared device: longer, for conversations.
    #[serde(default = "assisted_idle")]
    pub assisted: IdleSettings,
    /// Where a QR code taken from a kiosk or a volunteer's device opens Flourish on the
    /// person's own phone; `None` is the address the app is served from.
    #[serde(default)]
    pub take_away_address: Option<String>,
    /// Where the person's requests (and check-ins, if they agree) are sent, or nowhere.
    #[serde(default)]
    pub send: Option<SendConfig>,
    /// The file, while settings in it that only pages after the first use ([`READ_LATER`])
    /// are still to be read: [`ServiceConfig::read_later`] reads them, and until then they
    /// are the built-in ones.
    #[serde(skip)]
    pub unread: Option<Arc<str>>,
}

/// The settings read by [`ServiceConfig::read_later`], not at start: the referral's lists,
/// the directory's taxonomy and the questionnaires' translations. Only pages outside the app's
/// first download use them, so the code that reads and checks them (with Unicode's case
/// tables, for the taxonomy) is downloaded with those pages.
pub const READ_LATER: [&str; 8] = [
    "reasons",
    "activity_categories",
    "barriers",
    "support_levels",
    "referrers",
    "age_bands",
    "directory_taxonomy",
    "instrument_translations",
];

/// Every built-in language.
fn default_languages() -> Vec<String> {
    Language::ALL.iter().map(|l| l.code().to_owned()).collect()
}

/// A questionnaire's words in one language, as a service supplies them from a published,
/// checked translation (never a machine one): the stem, every item and every answer, in the
/// instrument's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentTranslation {
    /// Where the translation is published, for anyone checking it.
    #[serde(default)]
    pub source: String,
    /// The words every item completes; empty when the instrument has none.
    #[serde(default)]
    pub stem: String,
    /// Every item, in order.
    pub items: Vec<String>,
    /// Every answer's words, in order, for instruments whose answers have words.
    #[serde(default)]
    pub options: Vec<String>,
    /// The words for the lowest and highest answer, for a 0 to 10 scale.
    #[serde(default)]
    pub scale_ends: Option<[String; 2]>,
}

/// Translations by instrument id, version and language code.
pub type InstrumentTranslations =
    BTreeMap<String, BTreeMap<String, BTreeMap<String, InstrumentTranslation>>>;

/// Checks one translation against its instrument: every item and answer there, no more.
fn check_translation(i: &Instrument, t: &InstrumentTranslation) -> Result<(), String> {
    if t.items.len() != i.items.len() {
        return Err(format!(
            "it has {} questions, and the questionnaire {}",
            t.items.len(),
            i.items.len()
        ));
    }
    if t.stem.trim().is_empty() != i.stem.is_empty() {
        return Err("its \"stem\" must be given exactly when the questionnaire has one".into());
    }
    match i.scale {
        ScaleShape::Labelled if t.options.len() != i.options.len() => Err(format!(
            "it has {} answers, and the questionnaire {}",
            t.options.len(),
            i.options.len()
        )),
        ScaleShape::Numeric { .. } if t.scale_ends.is_none() => {
            Err("it needs \"scale_ends\": the words for the lowest and highest number".into())
        }
        _ if t
            .items
            .iter()
            .chain(&t.options)
            .any(|x| x.trim().is_empty()) =>
        {
            Err("some words are empty".into())
        }
        _ => Ok(()),
    }
}

/// Keeps the translations that fit their instrument and names each one that does not.
fn check_translations(all: &mut InstrumentTranslations) -> Vec<String> {
    let mut problems = vec![];
    for (id, versions) in all.iter_mut() {
        for (version, languages) in versions.iter_mut() {
            let Some(i) = instrument::find(id, version) else {
                problems.push(format!(
                    "there is no questionnaire {id:?} version {version:?}"
                ));
                languages.clear();
                continue;
            };
            languages.retain(|code, t| {
                let result = match Language::from_tag(code) {
                    None => Err(format!("{code:?} is not a language this app has")),
                    Some(Language::English) => Err("English is built in".into()),
                    Some(_) => check_translation(i, t),
                };
                if let Err(e) = &result {
                    problems.push(format!("{id} version {version}, {code}: {e}"));
                }
                result.is_ok()
            });
        }
    }
    problems
}

fn kiosk_idle() -> IdleSettings {
    IdleSettings::KIOSK
}

fn assisted_idle() -> IdleSettings {
    IdleSettings::ASSISTED
}

/// Idle timings as a configuration writes them: each field optional.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdleFields {
    idle_seconds: Option<u32>,
    warning_seconds: Option<u32>,
}

/// Reads idle timings over `slot` (whose values fill what is missing), made safe: a warning
/// under 20 seconds is lengthened, and each change is said in `changed`.
fn read_idle(
    slot: &mut IdleSettings,
    value: Value,
    changed: &mut Vec<String>,
) -> Result<(), String> {
    let fields: IdleFields = serde_json::from_value(value).map_err(|e| e.to_string())?;
    let (safe, problems) = IdleSettings {
        idle_seconds: fields.idle_seconds.unwrap_or(slot.idle_seconds),
        warning_seconds: fields.warning_seconds.unwrap_or(slot.warning_seconds),
    }
    .clamped();
    *slot = safe;
    changed.extend(problems.iter().map(ToString::to_string));
    Ok(())
}

/// Checks the take-away address: an absolute https address (http only for this machine),
/// without a fragment, which the payload needs for itself.
fn check_address(address: Option<&str>) -> Result<(), String> {
    let Some(a) = address else { return Ok(()) };
    let local = ["http://localhost", "http://127.0.0.1"].iter().any(|p| {
        a.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
    });
    if !(a.starts_with("https://") || local) {
        return Err("it must be an https:// address".into());
    }
    if a.contains(['#', '?', ' ']) {
        return Err("it must be a plain address, without ?, # or spaces".into());
    }
    Ok(())
}

/// Where and how a service receives submissions (`send` in `config.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendConfig {
    /// The address submissions are POSTed to: a FHIR base URL, or the JSON receiver's URL.
    pub endpoint: String,
    /// What is POSTed there.
    pub format: Format,
    /// How long to wait between attempts and for a reply.
    #[serde(default)]
    pub retry: RetrySettings,
}

/// Waits between attempts and for a reply, in milliseconds (`send.retry`). Meant for tests,
/// which need waits of a second or less; a service leaves it out and gets the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetrySettings {
    /// The wait after the first failed attempt; it doubles after each further failure.
    pub base_ms: u64,
    /// The longest wait between attempts of the app's own choosing.
    pub cap_ms: u64,
    /// How long to wait for a reply before giving an attempt up.
    pub timeout_ms: u64,
}

impl Default for RetrySettings {
    fn default() -> Self {
        let p = RetryPolicy::default();
        let ms = |d: chrono::TimeDelta| d.num_milliseconds().unsigned_abs();
        Self {
            base_ms: ms(p.base),
            cap_ms: ms(p.cap),
            timeout_ms: ms(p.timeout),
        }
    }
}

/// The longest wait `send.retry` may set: a day.
const RETRY_MAX_MS: u64 = 86_400_000;
/// The longest reply timeout: well inside the five minutes after which another tab takes a
/// send over (`domain::outbox::SENDING_GIVES_UP_AFTER`).
const TIMEOUT_MAX_MS: u64 = 120_000;
/// The shortest reply timeout.
const TIMEOUT_MIN_MS: u64 = 100;

impl RetrySettings {
    /// Says what is out of range, if anything.
    fn check(&self) -> Result<(), String> {
        if self.base_ms == 0 || self.base_ms > RETRY_MAX_MS {
            return Err(format!("base_ms must be from 1 to {RETRY_MAX_MS}"));
        }
        if self.cap_ms < self.base_ms || self.cap_ms > RETRY_MAX_MS {
            return Err(format!("cap_ms must be from base_ms to {RETRY_MAX_MS}"));
        }
        if !(TIMEOUT_MIN_MS..=TIMEOUT_MAX_MS).contains(&self.timeout_ms) {
            return Err(format!(
                "timeout_ms must be from {TIMEOUT_MIN_MS} to {TIMEOUT_MAX_MS}"
            ));
        }
        Ok(())
    }

    /// The outbox's retry policy with these waits.
    pub fn policy(&self) -> RetryPolicy {
        let ms = |n: u64| chrono::TimeDelta::milliseconds(i64::try_from(n).unwrap_or(i64::MAX));
        RetryPolicy {
            base: ms(self.base_ms),
            cap: ms(self.cap_ms),
            timeout: ms(self.timeout_ms),
            ..RetryPolicy::default()
        }
    }
}

/// Checks a sending endpoint: a full `https://` address, or `http://` to this machine only
/// (`127.0.0.1` or `localhost`, any port) for testing. No user name or password in it (the
/// configuration is public), and no `#` part (it would never reach the service).
pub fn check_endpoint(endpoint: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("{endpoint:?} {why}"));
    if endpoint.is_empty()
        || endpoint
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
    {
        return bad("is not a web address");
    }
    let Some((scheme, rest)) = endpoint.split_once("://") else {
        return bad("must be a full address starting with https://");
    };
    let scheme = scheme.to_ascii_lowercase();
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return bad("must not hold a user name or password");
    }
    if endpoint.contains('#') {
        return bad("must not have a # part");
    }
    let (host, port) = match authority.strip_prefix('[') {
        // An IPv6 address: [::1]:8443
        Some(v6) => match v6.split_once(']') {
            Some((h, "")) => (h, None),
            Some((h, p)) => (h, Some(p.strip_prefix(':').unwrap_or(p))),
            None => return bad("has a broken host name"),
        },
        None => match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        },
    };
    if let Some(p) = port {
        if !p.bytes().all(|b| b.is_ascii_digit()) || !matches!(p.parse::<u32>(), Ok(1..=65_535)) {
            return bad("has a port that is not a number from 1 to 65535");
        }
    }
    if host.is_empty() {
        return bad("has no host name");
    }
    let host = host.to_ascii_lowercase();
    match scheme.as_str() {
        "https" => Ok(()),
        "http" if host == "127.0.0.1" || host == "localhost" => Ok(()),
        "http" => bad("must start with https:// (http:// is allowed only for 127.0.0.1 and localhost, for testing)"),
        _ => bad("must start with https://"),
    }
}

/// Reads the `send` block field by field: a bad endpoint or format means nothing is sent; a
/// bad `retry` takes the defaults and sending goes on.
fn read_send(value: Value, problems: &mut Vec<ConfigProblem>) -> Option<SendConfig> {
    let map = match value {
        Value::Null => return None,
        Value::Object(map) => map,
        _ => {
            problems.push(ConfigProblem {
                field: "send".into(),
                message:
                    "it must be an object { \"endpoint\": …, \"format\": … }; nothing will be sent"
                        .into(),
            });
            return None;
        }
    };
    let mut found = Vec::new();
    let mut problem = |field: &str, message: String| {
        found.push(ConfigProblem {
            field: format!("send.{field}"),
            message,
        })
    };
    let mut endpoint = None;
    let mut format = None;
    let mut retry = RetrySettings::default();
    for (field, value) in map {
        match field.as_str() {
            "endpoint" => match value.as_str().map(|e| (e, check_endpoint(e))) {
                Some((e, Ok(()))) => endpoint = Some(e.to_owned()),
                Some((_, Err(why))) => problem("endpoint", format!("{why}; nothing will be sent")),
                None => problem(
                    "endpoint",
                    "it must be a string; nothing will be sent".into(),
                ),
            },
            "format" => match serde_json::from_value::<Format>(value) {
                Ok(f) => format = Some(f),
                Err(_) => problem(
                    "format",
                    "it must be \"fhir-r4\" or \"json\"; nothing will be sent".into(),
                ),
            },
            "retry" => {
                let read = serde_json::from_value::<RetrySettings>(value)
                    .map_err(|e| e.to_string())
                    .and_then(|r| r.check().map(|()| r));
                match read {
                    Ok(r) => retry = r,
                    Err(why) => problem("retry", format!("{why}; using the built-in waits")),
                }
            }
            _ => problem(
                &field,
                "this app does not know this setting, so it was ignored".into(),
            ),
        }
    }
    let reported = |f: &str| found.iter().any(|p| p.field == f);
    let missing = [
        (
            endpoint.is_none() && !reported("send.endpoint"),
            "send.endpoint",
            "the address to send to",
        ),
        (
            format.is_none() && !reported("send.format"),
            "send.format",
            "the format (\"fhir-r4\" or \"json\")",
        ),
    ];
    for (_, field, what) in missing.into_iter().filter(|m| m.0) {
        found.push(ConfigProblem {
            field: field.into(),
            message: format!("{what} is missing; nothing will be sent"),
        });
    }
    problems.extend(found);
    Some(SendConfig {
        endpoint: endpoint?,
        format: format?,
        retry,
    })
}

/// The directory file when the configuration does not say: the sample shipped in `public/`.
fn default_directory() -> Option<String> {
    Some(directory::DEFAULT_FILE.into())
}

/// The instruments asked when the configuration does not say.
fn default_instruments() -> Vec<String> {
    DEFAULT_INSTRUMENT_IDS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// How a person reaches the service for a non-urgent talk (not an emergency route).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ServiceContact {
    /// A phone number, digits only, for a `tel:` link.
    pub phone: Option<String>,
    /// The phone number as people read it, e.g. "0161 123 4567".
    pub phone_display: Option<String>,
    /// An email address, for a `mailto:` link.
    pub email: Option<String>,
    /// When someone answers, in plain words, e.g. "Monday to Friday, 9am to 5pm".
    pub hours: Option<Text>,
}

impl ServiceContact {
    /// Whether a person can reach the service from the app (a phone number or an email):
    /// only then is the service named as the way to get support.
    pub fn reachable(&self) -> bool {
        self.phone.is_some() || self.email.is_some()
    }
}

/// Something wrong with the configuration, said so that the person who wrote it can fix it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConfigProblem {
    /// The field, or `(file)` for the whole file.
    pub field: String,
    /// What is wrong, and what the app did instead.
    pub message: String,
}

/// The configuration the app runs with, and what was wrong with the file, if anything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoadedConfig {
    /// The configuration in force.
    pub config: ServiceConfig,
    /// Problems found; empty when the file was read whole.
    pub problems: Vec<ConfigProblem>,
}

/// A built-in list: the ids in order, each labelled by the same place in the catalogue's list
/// that `labels` names.
fn choices(ids: &[&str], labels: fn(usize) -> BuiltInWords) -> Vec<Choice> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| Choice {
            id: (*id).into(),
            label: Text::BuiltIn(labels(i)),
            hint: None,
            exclusive: false,
        })
        .collect()
}

/// Makes the last choice of `list` the one that clears the others ("None of these").
fn last_exclusive(mut list: Vec<Choice>) -> Vec<Choice> {
    if let Some(last) = list.last_mut() {
        last.exclusive = true;
    }
    list
}

fn crisis(
    n: usize,
    kind: ContactKind,
    number: &str,
    display: &str,
    body: Option<&str>,
) -> CrisisContact {
    CrisisContact {
        name: Text::BuiltIn(BuiltInWords::CrisisName(n)),
        description: Text::BuiltIn(BuiltInWords::CrisisDescription(n)),
        kind,
        number: number.into(),
        display: display.into(),
        body: body.map(Into::into),
    }
}

impl Default for ServiceConfig {
    /// The lists of SPEC.md 3.1 and England's crisis routes (3.5); other areas set their own.
    /// Their words are the catalogue's, in every built-in language.
    fn default() -> Self {
        use ContactKind::{Phone, Text as Sms};
        let mut activity_categories = choices(
            &[
                "advice",
                "physical",
                "wellbeing",
                "social",
                "creative",
                "volunteering",
                "not-sure",
            ],
            BuiltInWords::Activity,
        );
        for (i, c) in activity_categories.iter_mut().take(6).enumerate() {
            c.hint = Some(Text::BuiltIn(BuiltInWords::ActivityHint(i)));
        }
        let mut barriers = last_exclusive(choices(
            &[
                "confidence",
                "where",
                "not-knowing-anyone",
                "getting-there",
                "panic",
                "mobility",
                "caring",
                "none",
            ],
            BuiltInWords::Barrier,
        ));
        barriers[3].hint = Some(Text::BuiltIn(BuiltInWords::GettingThereHint));
        Self {
            service_name: "Flourish".into(),
            service_description: Text::BuiltIn(BuiltInWords::ServiceDescription),
            service_contact: ServiceContact::default(),
            crisis_contacts: vec![
                crisis(0, Phone, "999", "999", None),
                crisis(1, Phone, "111", "111", None),
                crisis(2, Phone, "116123", "116 123", None),
                crisis(3, Sms, "85258", "85258", Some("SHOUT")),
            ],
            reasons: choices(
                &[
                    "lonely",
                    "low-mood",
                    "anxiety",
                    "bereavement",
                    "money",
                    "housing",
                    "work",
                    "caring",
                    "health-condition",
                    "active",
                    "smoking",
                    "life-change",
                    "something-to-do",
                    crate::domain::referral::OTHER,
                ],
                BuiltInWords::Reason,
            ),
            activity_categories: last_exclusive(activity_categories),
            barriers,
            support_levels: choices(
                &["information", "help-to-choose", "welcome", "come-with-me"],
                BuiltInWords::SupportLevel,
            ),
            referrers: choices(
                &[
                    "gp",
                    "mental-health-team",
                    "community-worker",
                    "faith-group",
                    "housing-officer",
                    "friend-family",
                    "myself",
                ],
                BuiltInWords::Referrer,
            ),
            age_bands: last_exclusive(choices(
                &[
                    "under-18",
                    "18-24",
                    "25-34",
                    "35-49",
                    "50-64",
                    "65-79",
                    "80-plus",
                    "prefer-not",
                ],
                BuiltInWords::AgeBand,
            )),
            instruments: default_instruments(),
            schedule: ScheduleSettings::default(),
            directory: default_directory(),
            directory_taxonomy: TaxonomyMap::new(),
            directory_map_links: false,
            languages: default_languages(),
            instrument_translations: InstrumentTranslations::new(),
            mode: Mode::Personal,
            kiosk: IdleSettings::KIOSK,
            assisted: IdleSettings::ASSISTED,
            take_away_address: None,
            send: None,
            unread: None,
        }
    }
}

/// Replaces `slot` with `value` read as `T`, or says why not.
fn read<T: DeserializeOwned>(slot: &mut T, value: Value) -> Result<(), String> {
    *slot = serde_json::from_value(value).map_err(|e| e.to_string())?;
    Ok(())
}

/// Checks a configured list: not empty, and each item good, by `key`, which says what is
/// wrong with an item or gives what no other item may share (`twice` says so when one does).
fn check_list<T, K: std::hash::Hash + Eq>(
    items: &[T],
    key: impl Fn(&T) -> Result<K, String>,
    twice: impl Fn(&T) -> String,
) -> Result<(), String> {
    if items.is_empty() {
        return Err("the list is empty".into());
    }
    let mut seen = HashSet::new();
    for item in items {
        if !seen.insert(key(item)?) {
            return Err(twice(item));
        }
    }
    Ok(())
}

/// Checks a list of choices: not empty, every id and label present, ids unique, and words
/// given per language in languages this app has, with English among them.
fn check_choices(list: &[Choice]) -> Result<(), String> {
    let good = |c: &Choice| {
        if c.id.trim().is_empty() {
            return Err("every choice needs an id and a label".to_owned());
        }
        c.label
            .check()
            .map_err(|e| format!("the label of {:?}: {e}", c.id))?;
        if let Some(hint) = &c.hint {
            hint.check()
                .map_err(|e| format!("the hint of {:?}: {e}", c.id))?;
        }
        Ok(c.id.clone())
    };
    check_list(list, good, |c| format!("the id {:?} is used twice", c.id))
}

/// Checks the list of languages: not empty, each one this app has, none twice.
fn check_languages(codes: &[String]) -> Result<(), String> {
    let known = |code: &String| {
        Language::from_tag(code).ok_or_else(|| {
            format!("{code:?} is not a language this app has (it has en, cy and ar)")
        })
    };
    check_list(codes, known, |code| format!("{code:?} is listed twice"))
}

impl ServiceConfig {
    /// Reads a `config.json` whole. Never fails: what cannot be used is reported and
    /// defaulted.
    pub fn parse(text: &str) -> LoadedConfig {
        let mut loaded = Self::parse_first(text);
        let later = loaded.config.read_later();
        loaded.problems.extend(later);
        crate::domain::sort::stable_by(&mut loaded.problems, |a, b| a.field < b.field);
        loaded
    }

    /// Reads a `config.json` but for the settings in [`READ_LATER`], which keep the
    /// built-in values until [`ServiceConfig::read_later`]. Never fails.
    pub fn parse_first(text: &str) -> LoadedConfig {
        let defaults = ServiceConfig::default();
        let mut config = defaults.clone();
        let mut problems = Vec::new();
        let whole = |message: String| ConfigProblem {
            field: "(file)".into(),
            message,
        };
        let map = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(_) => {
                problems.push(whole(
                    "the file must be a JSON object { … }; using the built-in settings".into(),
                ));
                return LoadedConfig { config, problems };
            }
            Err(e) => {
                problems.push(whole(format!(
                    "the file is not valid JSON ({e}); using the built-in settings"
                )));
                return LoadedConfig { config, problems };
            }
        };
        for (field, value) in map {
            if READ_LATER.contains(&field.as_str()) {
                config.unread.get_or_insert_with(|| text.into());
                continue;
            }
            let result = match field.as_str() {
                "service_name" => {
                    read(&mut config.service_name, value).and_then(|()| config.service_name.check())
                }
                "service_description" => read(&mut config.service_description, value)
                    .and_then(|()| config.service_description.check()),
                "service_contact" => read(&mut config.service_contact, value).and_then(|()| {
                    config
                        .service_contact
                        .hours
                        .as_ref()
                        .map_or(Ok(()), Text::check)
                }),
                "languages" => read(&mut config.languages, value)
                    .and_then(|()| check_languages(&config.languages)),
                "instruments" => read(&mut config.instruments, value).and_then(|()| {
                    let chosen = crate::domain::instrument::choose(&config.instruments);
                    match chosen.problems.first() {
                        Some(problem) => Err(problem.to_string()),
                        None => Ok(()),
                    }
                }),
                "schedule" => read(&mut config.schedule, value)
                    .and_then(|()| config.schedule.check().map_err(|e| e.to_string())),
                "crisis_contacts" => read(&mut config.crisis_contacts, value).and_then(|()| {
                    let bad = config.crisis_contacts.iter().find(|c| {
                        c.number.is_empty() || !c.number.chars().all(|d| d.is_ascii_digit())
                    });
                    match (config.crisis_contacts.is_empty(), bad) {
                        (true, _) => Err("there must be at least one crisis contact".into()),
                        (_, Some(c)) => Err(format!(
                            "the number for {:?} must be digits only",
                            c.name.english()
                        )),
                        _ => config
                            .crisis_contacts
                            .iter()
                            .try_for_each(|c| c.name.check().and_then(|()| c.description.check())),
                    }
                }),
                "directory" => read(&mut config.directory, value).and_then(|()| {
                    directory::check_file_setting(config.directory.as_deref())
                        .map_err(|e| e.to_string())
                }),
                "directory_map_links" => read(&mut config.directory_map_links, value),
                "mode" => read(&mut config.mode, value),
                "kiosk" | "assisted" => {
                    let slot = if field == "kiosk" {
                        &mut config.kiosk
                    } else {
                        &mut config.assisted
                    };
                    let mut changed = vec![];
                    let result = read_idle(slot, value, &mut changed);
                    problems.extend(changed.into_iter().map(|message| ConfigProblem {
                        field: field.clone(),
                        message,
                    }));
                    result
                }
                "take_away_address" => read(&mut config.take_away_address, value)
                    .and_then(|()| check_address(config.take_away_address.as_deref())),
                "send" => {
                    config.send = read_send(value, &mut problems);
                    continue;
                }
                _ => {
                    problems.push(ConfigProblem {
                        field: field.clone(),
                        message: "this app does not know this setting, so it was ignored".into(),
                    });
                    continue;
                }
            };
            config.settle(field, result, &defaults, &mut problems);
        }
        crate::domain::sort::stable_by(&mut problems, |a, b| a.field < b.field);
        LoadedConfig { config, problems }
    }

    /// Reads the settings [`ServiceConfig::parse_first`] left, if any, and returns what was
    /// wrong with them. Reads them once: after that there is nothing left to read.
    pub fn read_later(&mut self) -> Vec<ConfigProblem> {
        let Some(text) = self.unread.take() else {
            return vec![];
        };
        let defaults = ServiceConfig::default();
        let mut problems = Vec::new();
        // `parse_first` read this same text as an object.
        let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&text) else {
            return problems;
        };
        for (field, value) in map {
            let result =
                match field.as_str() {
                    "instrument_translations" => read(&mut self.instrument_translations, value)
                        .map(|()| {
                            for p in check_translations(&mut self.instrument_translations) {
                                problems.push(ConfigProblem {
                                    field: "instrument_translations".into(),
                                    message: format!("{p}; that translation is not used"),
                                });
                            }
                        }),
                    "reasons" => {
                        read(&mut self.reasons, value).and_then(|()| check_choices(&self.reasons))
                    }
                    "activity_categories" => read(&mut self.activity_categories, value)
                        .and_then(|()| check_choices(&self.activity_categories)),
                    "barriers" => {
                        read(&mut self.barriers, value).and_then(|()| check_choices(&self.barriers))
                    }
                    "support_levels" => read(&mut self.support_levels, value)
                        .and_then(|()| check_choices(&self.support_levels)),
                    "referrers" => read(&mut self.referrers, value)
                        .and_then(|()| check_choices(&self.referrers)),
                    "age_bands" => read(&mut self.age_bands, value)
                        .and_then(|()| check_choices(&self.age_bands)),
                    "directory_taxonomy" => read(&mut self.directory_taxonomy, value),
                    _ => continue,
                };
            self.settle(field, result, &defaults, &mut problems);
        }
        // Checked once every field is read: it depends on `activity_categories`.
        let categories = self.activity_categories.iter().filter(|c| !c.exclusive);
        let ids: Vec<&str> = categories.map(|c| c.id.as_str()).collect();
        if let Err(e) = directory::check_taxonomy_map(&self.directory_taxonomy, &ids) {
            self.directory_taxonomy = TaxonomyMap::new();
            problems.push(ConfigProblem {
                field: "directory_taxonomy".into(),
                message: format!("{e}; using the built-in matching"),
            });
        }
        crate::domain::sort::stable_by(&mut problems, |a, b| a.field < b.field);
        problems
    }

    /// After reading `field`: a bad value is put back to its default and reported.
    fn settle(
        &mut self,
        field: String,
        result: Result<(), String>,
        defaults: &ServiceConfig,
        problems: &mut Vec<ConfigProblem>,
    ) {
        if let Err(message) = result {
            self.reset(&field, defaults);
            let instead = if field == "mode" {
                "running as a kiosk, which keeps nothing, until it is fixed"
            } else {
                "using the built-in setting"
            };
            problems.push(ConfigProblem {
                field,
                message: format!("{message}; {instead}"),
            });
        }
    }

    /// Puts one field back to its default after a bad value.
    fn reset(&mut self, field: &str, defaults: &ServiceConfig) {
        match field {
            "service_name" => self.service_name = defaults.service_name.clone(),
            "service_description" => {
                self.service_description = defaults.service_description.clone()
            }
            "service_contact" => self.service_contact = defaults.service_contact.clone(),
            "instruments" => self.instruments = defaults.instruments.clone(),
            "schedule" => self.schedule = defaults.schedule,
            "crisis_contacts" => self.crisis_contacts = defaults.crisis_contacts.clone(),
            "reasons" => self.reasons = defaults.reasons.clone(),
            "activity_categories" => {
                self.activity_categories = defaults.activity_categories.clone()
            }
            "barriers" => self.barriers = defaults.barriers.clone(),
            "support_levels" => self.support_levels = defaults.support_levels.clone(),
            "referrers" => self.referrers = defaults.referrers.clone(),
            "age_bands" => self.age_bands = defaults.age_bands.clone(),
            "directory" => self.directory = defaults.directory.clone(),
            "directory_taxonomy" => self.directory_taxonomy = TaxonomyMap::new(),
            "directory_map_links" => self.directory_map_links = defaults.directory_map_links,
            "languages" => self.languages = defaults.languages.clone(),
            "instrument_translations" => {
                self.instrument_translations = defaults.instrument_translations.clone()
            }
            // A mode that cannot be read is a kiosk's, which keeps nothing: a typo must never
            // leave a public screen keeping people's answers.
            "mode" => self.mode = Mode::Kiosk,
            "kiosk" => self.kiosk = defaults.kiosk,
            "assisted" => self.assisted = defaults.assisted,
            "take_away_address" => self.take_away_address = defaults.take_away_address.clone(),
            "send" => self.send = None,
            _ => {}
        }
    }

    /// The file the app reads, beside `index.html`.
    pub const PATH: &'static str = "/config.json";

    /// What to run with when the file could not be fetched at all.
    pub fn unavailable(reason: &str) -> LoadedConfig {
        LoadedConfig {
            config: ServiceConfig::default(),
            problems: vec![ConfigProblem {
                field: "(file)".into(),
                message: format!(
                    "{} could not be read ({reason}); using the built-in settings",
                    Self::PATH
                ),
            }],
        }
    }

    /// The English label for a choice id in `list`, as the service's records show it, or the
    /// id itself when the list no longer has it (the configuration changed after the answer
    /// was given).
    pub fn label<'a>(list: &'a [Choice], id: &'a str) -> &'a str {
        Self::label_in(list, id, Language::English)
    }

    /// The label for a choice id in `list` in `language`, or the id itself when the list no
    /// longer has it.
    pub fn label_in<'a>(list: &'a [Choice], id: &'a str, language: Language) -> &'a str {
        list.iter()
            .find(|c| c.id == id)
            .map(|c| c.label.get(language))
            .unwrap_or(id)
    }

    /// The languages the service offers, in its order.
    pub fn offered_languages(&self) -> Vec<Language> {
        self.languages
            .iter()
            .filter_map(|code| Language::from_tag(code))
            .collect()
    }

    /// An instrument's words in `language`: the service's checked translation when it has
    /// one, else the pinned English.
    pub fn wording(&self, i: &'static Instrument, language: Language) -> Wording {
        let translation = self
            .instrument_translations
            .get(i.id)
            .and_then(|v| v.get(i.version))
            .and_then(|l| l.get(language.code()));
        match translation {
            None => i.wording(),
            Some(t) => Wording {
                lang: language.code(),
                stem: t.stem.clone(),
                items: t.items.clone(),
                options: if t.options.is_empty() {
                    i.options.iter().map(|o| o.label.to_owned()).collect()
                } else {
                    t.options.clone()
                },
                ends: t.scale_ends.clone().map(|[low, high]| (low, high)),
                question_mark: if language == Language::Arabic {
                    "؟"
                } else {
                    "?"
                },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_for_later_pages_are_read_later_and_once() {
        let text = r#"{
            "service_name": "Valley Link",
            "reasons": [{"id": "lonely", "label": "Lonely"}],
            "barriers": "none",
            "colour": "green"
        }"#;
        let first = ServiceConfig::parse_first(text);
        // The start reads what the first pages need, and leaves the lists built in.
        assert_eq!(first.config.service_name, Text::from("Valley Link"));
        assert_eq!(first.config.reasons, ServiceConfig::default().reasons);
        let fields: Vec<&str> = first.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["colour"]);

        let mut config = first.config.clone();
        let later = config.read_later();
        assert_eq!(config.reasons.len(), 1);
        assert_eq!(config.reasons[0].label, Text::from("Lonely"));
        assert_eq!(config.barriers, ServiceConfig::default().barriers);
        let fields: Vec<&str> = later.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["barriers"]);
        assert!(config.read_later().is_empty(), "nothing is read twice");
        assert_eq!(config.unread, None);

        // Both steps together are the whole file's reading.
        let whole = ServiceConfig::parse(text);
        assert_eq!(whole.config, config);
        let fields: Vec<&str> = whole.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["barriers", "colour"]);
    }

    #[test]
    fn a_file_without_settings_for_later_has_nothing_left_to_read() {
        let loaded = ServiceConfig::parse_first(r#"{"service_name": "Valley Link"}"#);
        assert_eq!(loaded.config.unread, None);
        assert_eq!(
            ServiceConfig::parse(r#"{"service_name": "Valley Link"}"#),
            loaded
        );
    }

    #[test]
    fn instruments_and_schedule_are_read_and_checked() {
        let loaded = ServiceConfig::parse(
            r#"{"instruments": ["ons4", "ucla3"], "schedule": {"interval_days": 14}}"#,
        );
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(loaded.config.instruments, ["ons4", "ucla3"]);
        assert_eq!(loaded.config.schedule.interval_days, 14);
        let bad = ServiceConfig::parse(
            r#"{"instruments": ["mhc-sf", "phq9"], "schedule": {"interval_days": 0}}"#,
        );
        let fields: Vec<&str> = bad.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["instruments", "schedule"]);
        assert!(
            bad.problems[0].message.contains("phq9"),
            "{:?}",
            bad.problems
        );
        assert_eq!(bad.config.instruments, ["mhc-sf", "ucla3"]);
        assert_eq!(bad.config.schedule, ScheduleSettings::default());
        let none = ServiceConfig::parse("{}");
        assert_eq!(none.config.instruments, ["mhc-sf", "ucla3"]);
    }

    #[test]
    fn the_directory_its_taxonomy_and_map_links_are_read_and_checked() {
        let d = ServiceConfig::default();
        assert_eq!(d.directory.as_deref(), Some("directory.json"));
        assert!(d.directory_taxonomy.is_empty() && !d.directory_map_links);
        let good = ServiceConfig::parse(
            r#"{"directory": "data/d.json", "directory_map_links": true,
                "directory_taxonomy": {"social": ["Social groups"], "step-free": ["Ramp"]}}"#,
        );
        assert_eq!(good.problems, vec![]);
        let c = good.config;
        assert_eq!(c.directory.as_deref(), Some("data/d.json"));
        assert_eq!(c.directory_taxonomy["social"], ["Social groups"]);
        assert!(c.directory_map_links);
        let none = ServiceConfig::parse(r#"{"directory": null}"#);
        assert_eq!((none.config.directory, none.problems), (None, vec![]));
        let bad = ServiceConfig::parse(
            r#"{"directory": "https://elsewhere.example/d.json", "directory_map_links": "yes",
                "directory_taxonomy": {"dancing": ["Ceilidh"]}}"#,
        );
        let fields: Vec<&str> = bad.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["directory", "directory_map_links", "directory_taxonomy"]
        );
        assert!(bad.problems[2].message.contains("dancing"));
        let c = bad.config;
        let back = (c.directory, c.directory_taxonomy, c.directory_map_links);
        assert_eq!(back, (d.directory, d.directory_taxonomy, false));
    }

    #[test]
    fn the_mode_and_its_timings_are_read_and_a_short_warning_is_lengthened_and_reported() {
        let d = ServiceConfig::default();
        assert_eq!(
            (d.mode, d.kiosk, d.assisted),
            (Mode::Personal, IdleSettings::KIOSK, IdleSettings::ASSISTED)
        );
        let kiosk = ServiceConfig::parse(
            r#"{"mode": "kiosk", "kiosk": {"idle_seconds": 90, "warning_seconds": 45},
                "assisted": {"idle_seconds": 600}, "take_away_address": "https://flourish.example.org/"}"#,
        );
        assert_eq!(kiosk.problems, vec![]);
        let c = kiosk.config;
        assert_eq!(c.mode, Mode::Kiosk);
        assert_eq!((c.kiosk.idle_seconds, c.kiosk.warning_seconds), (90, 45));
        assert_eq!(
            (c.assisted.idle_seconds, c.assisted.warning_seconds),
            (600, 60),
            "a missing timing keeps its default"
        );
        assert_eq!(
            c.take_away_address.as_deref(),
            Some("https://flourish.example.org/")
        );

        let short = ServiceConfig::parse(
            r#"{"mode": "kiosk", "kiosk": {"idle_seconds": 3, "warning_seconds": 5}}"#,
        );
        assert_eq!(short.config.mode, Mode::Kiosk);
        assert_eq!(
            (
                short.config.kiosk.idle_seconds,
                short.config.kiosk.warning_seconds
            ),
            (3, 20)
        );
        assert_eq!(short.problems.len(), 1);
        assert_eq!(short.problems[0].field, "kiosk");
        assert!(
            short.problems[0].message.contains("WCAG 2.2.1"),
            "{:?}",
            short.problems
        );

        let bad = ServiceConfig::parse(
            r#"{"mode": "public", "kiosk": {"idle": 3}, "assisted": "long",
                "take_away_address": "http://flourish.example.org/"}"#,
        );
        let fields: Vec<&str> = bad.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["assisted", "kiosk", "mode", "take_away_address"]);
        assert_eq!(
            bad.config.mode,
            Mode::Kiosk,
            "an unreadable mode keeps nothing"
        );
        assert_eq!(bad.config.kiosk, IdleSettings::KIOSK);
        assert_eq!(bad.config.take_away_address, None);
        for local in ["http://localhost:8080", "http://127.0.0.1/"] {
            assert_eq!(check_address(Some(local)), Ok(()), "{local}");
        }
        assert!(check_address(Some("https://x.example/#a")).is_err());
        assert!(check_address(Some("http://localhost.evil.example")).is_err());
    }

    #[test]
    fn crisis_routes_are_tel_and_sms_links() {
        let hrefs: Vec<String> = ServiceConfig::default()
            .crisis_contacts
            .iter()
            .map(CrisisContact::href)
            .collect();
        // `?&body=` is read by both iOS and Android; the words are encoded.
        assert_eq!(
            hrefs,
            ["tel:999", "tel:111", "tel:116123", "sms:85258?&body=SHOUT"]
        );
        let text = |body: &str| CrisisContact {
            body: Some(body.into()),
            ..ServiceConfig::default().crisis_contacts[3].clone()
        };
        assert_eq!(
            text("Hi there & bye").href(),
            "sms:85258?&body=Hi%20there%20%26%20bye"
        );
        assert_eq!(text("Shw'mae").href(), "sms:85258?&body=Shw'mae");
    }

    /// The built-in lists of choices.
    fn lists(d: &ServiceConfig) -> [&Vec<Choice>; 6] {
        [
            &d.reasons,
            &d.activity_categories,
            &d.barriers,
            &d.support_levels,
            &d.referrers,
            &d.age_bands,
        ]
    }

    #[test]
    fn the_defaults_are_valid_lists() {
        let d = ServiceConfig::default();
        for list in lists(&d) {
            assert_eq!(check_choices(list), Ok(()));
        }
        assert_eq!(
            d.activity_categories.len(),
            7,
            "six categories and not sure"
        );
        assert_eq!(d.support_levels.len(), 4);
    }

    #[test]
    fn words_can_be_given_once_for_every_language_or_per_language_falling_back_to_english() {
        let loaded = ServiceConfig::parse(
            r#"{"service_name": {"en": "Valley Link", "cy": "Cyswllt y Cwm"},
                "service_contact": {"hours": "9 to 5"},
                "reasons": [{"id": "a", "label": {"en": "Money", "cy": "Arian", "ar": "المال"}},
                            {"id": "b", "label": "Housing", "hint": {"en": "Rent", "cy": "Rhent"}}]}"#,
        );
        assert_eq!(loaded.problems, vec![]);
        let c = &loaded.config;
        use Language::*;
        assert_eq!(c.service_name.get(Welsh), "Cyswllt y Cwm");
        assert_eq!(
            c.service_name.get(Arabic),
            "Valley Link",
            "no Arabic: English"
        );
        assert_eq!(
            c.service_contact.hours.as_ref().map(|h| h.get(Arabic)),
            Some("9 to 5")
        );
        assert_eq!(ServiceConfig::label_in(&c.reasons, "a", Arabic), "المال");
        assert_eq!(ServiceConfig::label_in(&c.reasons, "b", Welsh), "Housing");
        assert_eq!(
            ServiceConfig::label(&c.reasons, "a"),
            "Money",
            "the service's records are English"
        );
        assert_eq!(
            c.reasons[1].hint.as_ref().map(|h| h.get(Welsh)),
            Some("Rhent")
        );
    }

    #[test]
    fn words_per_language_need_english_and_known_languages() {
        let bad = ServiceConfig::parse(
            r#"{"service_name": {"cy": "Cyswllt"},
                "barriers": [{"id": "a", "label": {"en": "A", "fr": "Un"}}],
                "service_description": {"en": "  "}}"#,
        );
        let fields: Vec<&str> = bad.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["barriers", "service_description", "service_name"]);
        assert!(
            bad.problems[0].message.contains("\"fr\""),
            "{:?}",
            bad.problems
        );
        assert!(
            bad.problems[2].message.contains("English"),
            "{:?}",
            bad.problems
        );
        assert_eq!(
            bad.config.service_name,
            ServiceConfig::default().service_name
        );
    }

    #[test]
    fn the_built_in_lists_have_words_in_every_built_in_language() {
        let d = ServiceConfig::default();
        for (language, m) in Language::ALL.map(|l| (l, l.messages())) {
            assert_eq!(
                ServiceConfig::label_in(&d.reasons, "lonely", language),
                m.defaults.reasons[0]
            );
            assert_eq!(
                ServiceConfig::label_in(&d.age_bands, "prefer-not", language),
                m.defaults.age_bands[7]
            );
            assert_eq!(
                d.crisis_contacts[3].name.get(language),
                m.defaults.crisis_names[3]
            );
            assert_eq!(
                d.service_description.get(language),
                m.defaults.service_description
            );
        }
        let lists = lists(&d);
        let texts = lists
            .iter()
            .flat_map(|l| l.iter().flat_map(|c| [Some(&c.label), c.hint.as_ref()]))
            .chain(
                d.crisis_contacts
                    .iter()
                    .flat_map(|c| [Some(&c.name), Some(&c.description)]),
            )
            .flatten();
        for text in texts {
            for language in Language::ALL {
                assert!(!text.get(language).is_empty(), "{text:?} in {language:?}");
            }
        }
        let exclusive: Vec<&str> = [&d.activity_categories, &d.barriers, &d.age_bands]
            .iter()
            .flat_map(|l| l.iter().filter(|c| c.exclusive).map(|c| c.id.as_str()))
            .collect();
        assert_eq!(exclusive, ["not-sure", "none", "prefer-not"]);
        assert_eq!(
            d.barriers[3].hint.as_ref().map(Text::english),
            Some(EN_GETTING_THERE)
        );
        assert_eq!(d.languages, ["en", "cy", "ar"]);
    }

    const EN_GETTING_THERE: &str = "For example, money, no car, buses";

    #[test]
    fn the_languages_offered_are_read_and_unknown_ones_reported() {
        let good = ServiceConfig::parse(r#"{"languages": ["cy", "en"]}"#);
        assert_eq!(good.problems, vec![]);
        assert_eq!(
            good.config.offered_languages(),
            [Language::Welsh, Language::English]
        );
        for bad in [
            r#"{"languages": ["cy", "fr"]}"#,
            r#"{"languages": []}"#,
            r#"{"languages": ["ar", "ar"]}"#,
        ] {
            let loaded = ServiceConfig::parse(bad);
            assert_eq!(loaded.problems.len(), 1, "{bad}");
            assert_eq!(loaded.problems[0].field, "languages");
            assert_eq!(loaded.config.offered_languages(), Language::ALL, "{bad}");
        }
        assert!(ServiceConfig::parse(r#"{"languages": ["fr"]}"#).problems[0]
            .message
            .contains("\"fr\""));
    }

    #[test]
    fn a_services_checked_translation_is_used_and_one_that_does_not_fit_is_reported() {
        let loaded = ServiceConfig::parse(
            r#"{"instrument_translations": {
                "ucla3": {"1": {"cy": {"source": "A published Welsh version",
                    "items": ["Cwestiwn un?", "Cwestiwn dau?", "Cwestiwn tri?"],
                    "options": ["Bron byth", "Weithiau", "Yn aml"]},
                                "ar": {"items": ["واحد؟"], "options": ["أ", "ب", "ج"]}}},
                "ons4": {"1": {"cy": {"items": ["a?", "b?", "c?", "d?"]}}},
                "phq9": {"1": {"cy": {"items": []}}}}}"#,
        );
        let messages: Vec<&str> = loaded.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages
                .iter()
                .any(|m| m.contains("ons4") && m.contains("scale_ends")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("ucla3 version 1, ar") && m.contains("1 questions")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("phq9")), "{messages:?}");
        let c = loaded.config;
        use crate::domain::instrument::{ONS4, UCLA3};
        let welsh = c.wording(&UCLA3, Language::Welsh);
        assert_eq!(
            (
                welsh.lang,
                welsh.items[1].as_str(),
                welsh.options[2].as_str()
            ),
            ("cy", "Cwestiwn dau?", "Yn aml")
        );
        // Where there is no checked translation, the pinned English stays.
        assert_eq!(c.wording(&UCLA3, Language::Arabic), UCLA3.wording());
        assert_eq!(c.wording(&ONS4, Language::Welsh), ONS4.wording());
    }

    #[test]
    fn the_shipped_config_file_is_the_defaults() {
        let shipped = ServiceConfig::parse(include_str!("../public/config.json"));
        assert_eq!(shipped.problems, vec![]);
        // Compared as written out: the file spells the built-in words out in every language,
        // where the defaults look them up in the catalogues.
        let written = |c: &ServiceConfig| serde_json::to_value(c).unwrap();
        assert_eq!(written(&shipped.config), written(&ServiceConfig::default()));
    }

    #[test]
    fn a_good_file_is_read_whole() {
        let loaded = ServiceConfig::parse(
            r#"{"service_name": "Cwm Taf Connect",
                "service_contact": {"phone": "01443000000", "phone_display": "01443 000000", "hours": "Weekdays 9 to 5"},
                "crisis_contacts": [{"name": "NHS 111 Wales", "description": "Press 2.", "kind": "phone", "number": "111", "display": "111"}],
                "support_levels": [{"id": "info", "label": "Information"}]}"#,
        );
        assert_eq!(loaded.problems, vec![]);
        assert_eq!(loaded.config.service_name, "Cwm Taf Connect".into());
        assert_eq!(
            loaded.config.service_contact.hours,
            Some("Weekdays 9 to 5".into())
        );
        assert_eq!(loaded.config.crisis_contacts.len(), 1);
        assert_eq!(loaded.config.support_levels.len(), 1);
        assert_eq!(
            loaded.config.reasons,
            ServiceConfig::default().reasons,
            "missing fields default"
        );
    }

    #[test]
    fn a_partial_file_keeps_what_is_good_and_names_what_is_not() {
        let loaded = ServiceConfig::parse(
            r#"{"service_name": "Valley Link",
                "crisis_contacts": [{"name": "Bad", "description": "", "kind": "phone", "number": "11 1", "display": "111"}],
                "barriers": [],
                "reasons": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}],
                "referrers": "GP",
                "colour": "green"}"#,
        );
        let defaults = ServiceConfig::default();
        assert_eq!(loaded.config.service_name, "Valley Link".into());
        assert_eq!(loaded.config.crisis_contacts, defaults.crisis_contacts);
        assert_eq!(loaded.config.barriers, defaults.barriers);
        assert_eq!(loaded.config.reasons, defaults.reasons);
        assert_eq!(loaded.config.referrers, defaults.referrers);
        let fields: Vec<&str> = loaded.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "barriers",
                "colour",
                "crisis_contacts",
                "reasons",
                "referrers"
            ]
        );
        let message = |f: &str| {
            loaded
                .problems
                .iter()
                .find(|p| p.field == f)
                .map(|p| p.message.clone())
                .unwrap_or_default()
        };
        assert!(message("barriers").contains("empty"));
        assert!(message("crisis_contacts").contains("digits only"));
        assert!(message("reasons").contains("used twice"));
        assert!(message("referrers").contains("invalid type"));
        assert!(message("colour").contains("does not know"));
    }

    #[test]
    fn a_broken_file_falls_back_to_the_defaults() {
        for text in [
            "",
            "{",
            "[1, 2]",
            "null",
            "<html>Not found</html>",
            "{\"service_name\": }",
        ] {
            let loaded = ServiceConfig::parse(text);
            assert_eq!(loaded.config, ServiceConfig::default(), "{text}");
            assert_eq!(loaded.problems.len(), 1, "{text}");
            assert_eq!(loaded.problems[0].field, "(file)");
        }
    }

    #[test]
    fn a_misspelt_field_inside_an_entry_is_reported() {
        let loaded = ServiceConfig::parse(r#"{"service_contact": {"phone": "1", "emial": "x"}}"#);
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].message.contains("emial"));
    }

    #[test]
    fn the_readme_kiosk_example_is_a_valid_kiosk_configuration() {
        let example = crate::test_support::readme_json("## Kiosks");
        let loaded = ServiceConfig::parse(example);
        assert_eq!(loaded.problems, vec![], "{example}");
        assert_eq!(loaded.config.mode, Mode::Kiosk);
        assert_eq!(loaded.config.kiosk, IdleSettings::KIOSK);
        assert!(loaded.config.take_away_address.is_some());
    }

    #[test]
    fn the_readme_example_is_a_valid_configuration() {
        let example = crate::test_support::readme_json("Example for a service in Wales:");
        let loaded = ServiceConfig::parse(example);
        assert_eq!(loaded.problems, vec![], "{example}");
        assert_eq!(loaded.config.service_name.english(), "Cwm Taf Connect");
        assert_eq!(
            loaded.config.service_name.get(Language::Welsh),
            "Cyswllt Cwm Taf"
        );
        assert_eq!(loaded.config.instruments, ["ons4", "ucla3"]);
        assert_eq!(
            loaded.config.offered_languages(),
            [Language::Welsh, Language::English]
        );
    }
    #[test]
    fn a_send_block_names_an_https_endpoint_and_a_format() {
        let loaded = ServiceConfig::parse(
            r#"{"send": {"endpoint": "https://fhir.example.org/fhir", "format": "fhir-r4"}}"#,
        );
        assert_eq!(loaded.problems, vec![]);
        let send = loaded.config.send.unwrap();
        assert_eq!(send.endpoint, "https://fhir.example.org/fhir");
        assert_eq!(send.format, Format::FhirR4);
        assert_eq!(send.retry, RetrySettings::default());
        assert_eq!(send.retry.policy(), RetryPolicy::default());
        let json = ServiceConfig::parse(
            r#"{"send": {"endpoint": "https://x.example/in?k=1", "format": "json"}}"#,
        );
        assert_eq!(json.config.send.map(|s| s.format), Some(Format::Json));
    }

    #[test]
    fn without_a_send_block_nothing_is_sent_and_nothing_is_reported() {
        for text in ["{}", r#"{"send": null}"#] {
            let loaded = ServiceConfig::parse(text);
            assert_eq!((loaded.config.send, loaded.problems), (None, vec![]));
        }
        assert_eq!(ServiceConfig::default().send, None);
    }

    #[test]
    fn plain_http_is_refused_except_to_this_machine_for_testing() {
        for ok in [
            "https://fhir.example.org",
            "HTTPS://Fhir.Example.org:8443/base",
            "https://[2001:db8::1]:443/fhir",
            "http://127.0.0.1:49152/fhir",
            "http://localhost/submissions",
            "http://LOCALHOST:8080",
        ] {
            assert_eq!(check_endpoint(ok), Ok(()), "{ok}");
        }
        for bad in [
            "http://fhir.example.org/fhir",
            "http://127.0.0.2/fhir",
            "http://localhost.example.org/",
            "http://[::1]:8080/",
            "ftp://fhir.example.org",
            "/fhir",
            "fhir.example.org",
            "https://",
            "https://:443/x",
            "https://user:secret@fhir.example.org",
            "https://fhir.example.org:99999",
            "https://fhir.example.org:port",
            "https://fhir.example.org/#here",
            "https://fhir.example.org/a b",
            "",
        ] {
            assert!(check_endpoint(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn a_bad_send_block_is_reported_by_field_and_nothing_is_sent() {
        let cases = [
            (
                r#"{"send": {"endpoint": "http://fhir.example.org", "format": "fhir-r4"}}"#,
                vec!["send.endpoint"],
            ),
            (
                r#"{"send": {"endpoint": "https://fhir.example.org", "format": "xml"}}"#,
                vec!["send.format"],
            ),
            (
                r#"{"send": {"endpoint": "https://fhir.example.org"}}"#,
                vec!["send.format"],
            ),
            (r#"{"send": {"format": "json"}}"#, vec!["send.endpoint"]),
            (
                r#"{"send": {"endpoint": 7, "format": "json"}}"#,
                vec!["send.endpoint"],
            ),
            (r#"{"send": "https://fhir.example.org"}"#, vec!["send"]),
            (r#"{"send": {}}"#, vec!["send.endpoint", "send.format"]),
        ];
        for (text, fields) in cases {
            let loaded = ServiceConfig::parse(text);
            assert_eq!(loaded.config.send, None, "{text}");
            let found: Vec<&str> = loaded.problems.iter().map(|p| p.field.as_str()).collect();
            assert_eq!(found, fields, "{text}");
            assert!(
                loaded
                    .problems
                    .iter()
                    .all(|p| p.message.contains("nothing will be sent")),
                "{:?}",
                loaded.problems
            );
        }
    }

    #[test]
    fn retry_waits_can_be_shortened_for_tests_and_bad_ones_fall_back_without_stopping_sending() {
        let loaded = ServiceConfig::parse(
            r#"{"send": {"endpoint": "http://127.0.0.1:9/f", "format": "json",
                "retry": {"base_ms": 100, "cap_ms": 400, "timeout_ms": 1500}}}"#,
        );
        assert_eq!(loaded.problems, vec![]);
        let policy = loaded.config.send.unwrap().retry.policy();
        assert_eq!(policy.base, chrono::TimeDelta::milliseconds(100));
        assert_eq!(policy.cap, chrono::TimeDelta::milliseconds(400));
        assert_eq!(policy.timeout, chrono::TimeDelta::milliseconds(1500));
        for retry in [
            r#"{"base_ms": 0}"#,
            r#"{"base_ms": 500, "cap_ms": 100}"#,
            r#"{"timeout_ms": 10}"#,
            r#"{"timeout_ms": 600000}"#,
            r#"{"base_seconds": 1}"#,
            r#""fast""#,
        ] {
            let text = format!(
                r#"{{"send": {{"endpoint": "https://a.example", "format": "json", "retry": {retry}}}}}"#
            );
            let loaded = ServiceConfig::parse(&text);
            let fields: Vec<&str> = loaded.problems.iter().map(|p| p.field.as_str()).collect();
            assert_eq!(fields, ["send.retry"], "{retry}");
            assert_eq!(
                loaded.config.send.map(|s| s.retry),
                Some(RetrySettings::default()),
                "{retry}"
            );
        }
    }

    #[test]
    fn an_unknown_field_in_the_send_block_is_reported_and_sending_goes_on() {
        let loaded = ServiceConfig::parse(
            r#"{"send": {"endpoint": "https://a.example", "format": "json", "token": "x"}}"#,
        );
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].field, "send.token");
        assert!(loaded.config.send.is_some());
    }

    #[test]
    fn the_readme_send_example_is_a_valid_configuration() {
        let example = crate::test_support::readme_json("## Sending to the service");
        let loaded = ServiceConfig::parse(&format!("{{{example}}}"));
        assert_eq!(loaded.problems, vec![], "{example}");
        let send = loaded.config.send.unwrap();
        assert_eq!(
            (send.endpoint.as_str(), send.format),
            ("https://fhir.example.org/fhir", Format::FhirR4)
        );
    }
}
