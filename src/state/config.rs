//! The service's configuration, as the pages read it.

use leptos::prelude::*;

use super::core::Core;
use crate::config::ServiceConfig;
use crate::domain::instrument::{choose, Instrument, Wording};
use crate::i18n::Language;

/// The service's configuration: read-only once the app has started.
#[derive(Clone, Copy)]
pub struct Config(pub(super) Core);

impl Config {
    /// Reads part of the configuration.
    pub fn with<T>(&self, read: impl FnOnce(&ServiceConfig) -> T) -> T {
        self.0.config.with_value(read)
    }

    /// The whole configuration.
    pub fn get(&self) -> ServiceConfig {
        self.0.config.get_value()
    }

    /// The instruments a new check-in asks, in order, as the service configured them.
    /// Unknown or repeated ids are skipped (the configuration loader reports them); an empty
    /// list gives the defaults, so a check-in always has questions.
    pub fn instruments(&self) -> Vec<&'static Instrument> {
        self.with(|c| choose(&c.instruments).instruments)
    }

    /// An instrument's words in `language`: the service's checked translation, or English.
    pub fn wording(&self, instrument: &'static Instrument, language: Language) -> Wording {
        self.with(|c| c.wording(instrument, language))
    }

    /// The languages the service offers, in its order.
    pub fn languages(&self) -> Vec<Language> {
        self.with(|c| c.offered_languages())
    }
}
