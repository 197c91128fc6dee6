//! The service's configuration, as the pages read it.

use leptos::prelude::*;

use super::core::Core;
use super::notice::Notice;
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

    /// Reads the settings the app's first download left for later
    /// ([`crate::config::READ_LATER`]), if they are not read yet, and adds what was wrong with
    /// them to the configuration's notice. Called in the parts' code only
    /// ([`crate::lazy::BeforePage`]): every page outside the first download reads them before
    /// it is built, and the app reads them as soon as the first part arrives, so that their
    /// problems show on the first page too.
    pub fn read_later(&self) {
        let Some(problems) = self.0.config.try_update_value(ServiceConfig::read_later) else {
            return;
        };
        if problems.is_empty() {
            return;
        }
        self.0.notices.update(|notices| {
            let found = notices.iter_mut().find_map(|n| match n {
                Notice::Config(list) => Some(list),
                _ => None,
            });
            match found {
                Some(list) => {
                    list.extend(problems);
                    crate::domain::sort::stable_by(list, |a, b| a.field < b.field);
                }
                None => notices.push(Notice::Config(problems)),
            }
        });
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
