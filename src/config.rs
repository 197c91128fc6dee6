//! The service's configuration. This build ships the built-in defaults; reading a service's
//! own `config.json` comes with the self-referral journey.

use serde::{Deserialize, Serialize};

use crate::domain::instrument::DEFAULT_INSTRUMENT_IDS;
use crate::domain::schedule::ScheduleSettings;

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
pub struct CrisisContact {
    /// Who or what, e.g. "Samaritans".
    pub name: String,
    /// When to use it, in plain words.
    pub description: String,
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
    /// The `tel:` or `sms:` link for this route.
    pub fn href(&self) -> String {
        match (&self.kind, &self.body) {
            (ContactKind::Phone, _) => format!("tel:{}", self.number),
            (ContactKind::Text, Some(body)) => format!("sms:{}?body={}", self.number, body),
            (ContactKind::Text, None) => format!("sms:{}", self.number),
        }
    }
}

/// What a service sets for its own deployment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceConfig {
    /// The service's name, shown in the header.
    pub service_name: String,
    /// Urgent-help routes, in the order shown.
    pub crisis_contacts: Vec<CrisisContact>,
    /// The instruments a check-in asks, by id, in order (see `domain::instrument::choose`).
    /// Default: the MHC-SF, then UCLA-3. A service without MHC-SF permission leaves it out.
    #[serde(default = "default_instruments")]
    pub instruments: Vec<String>,
    /// How check-ins are spaced: interval, "not now" wait, pathway window.
    #[serde(default)]
    pub schedule: ScheduleSettings,
    /// How a person reaches the service itself (not for emergencies), shown on care cards.
    #[serde(default)]
    pub contact: Option<ServiceContact>,
}

/// The instruments asked when the configuration does not say.
fn default_instruments() -> Vec<String> {
    DEFAULT_INSTRUMENT_IDS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// How a person reaches the service for a non-urgent talk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ServiceContact {
    /// A phone number, digits only, for a `tel:` link.
    pub phone: Option<String>,
    /// The phone number as people read it, e.g. "0161 123 4567".
    pub phone_display: Option<String>,
    /// An email address, for a `mailto:` link.
    pub email: Option<String>,
    /// When someone answers, in plain words, e.g. "Monday to Friday, 9am to 5pm".
    pub hours: Option<String>,
}

impl Default for ServiceConfig {
    /// England's routes (SPEC.md 3.5); Scotland, Wales and other areas set their own.
    fn default() -> Self {
        let contact = |name: &str,
                       description: &str,
                       kind,
                       number: &str,
                       display: &str,
                       body: Option<&str>| {
            CrisisContact {
                name: name.into(),
                description: description.into(),
                kind,
                number: number.into(),
                display: display.into(),
                body: body.map(Into::into),
            }
        };
        Self {
            service_name: "Flourish".into(),
            crisis_contacts: vec![
                contact(
                    "If a life is at risk now",
                    "Call 999, or go to A&E.",
                    ContactKind::Phone,
                    "999",
                    "999",
                    None,
                ),
                contact(
                    "NHS 111",
                    "Call 111 and choose the mental health option.",
                    ContactKind::Phone,
                    "111",
                    "111",
                    None,
                ),
                contact(
                    "Samaritans",
                    "Call free, any time, day or night.",
                    ContactKind::Phone,
                    "116123",
                    "116 123",
                    None,
                ),
                contact(
                    "Shout",
                    "Text SHOUT to 85258. It is free and any time.",
                    ContactKind::Text,
                    "85258",
                    "85258",
                    Some("SHOUT"),
                ),
            ],
            instruments: default_instruments(),
            schedule: ScheduleSettings::default(),
            contact: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configuration_without_the_new_fields_gets_the_defaults() {
        let text = serde_json::json!({
            "service_name": "Town Link",
            "crisis_contacts": [],
        })
        .to_string();
        let config: ServiceConfig = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(config.service_name, "Town Link");
        assert_eq!(config.instruments, ["mhc-sf", "ucla3"]);
        assert_eq!(config.schedule, ScheduleSettings::default());
        assert_eq!(config.contact, None);
    }

    #[test]
    fn crisis_routes_are_tel_and_sms_links() {
        let hrefs: Vec<String> = ServiceConfig::default()
            .crisis_contacts
            .iter()
            .map(CrisisContact::href)
            .collect();
        assert_eq!(
            hrefs,
            ["tel:999", "tel:111", "tel:116123", "sms:85258?body=SHOUT"]
        );
    }
}
