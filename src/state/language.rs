//! The language the person chose on this device.

use leptos::prelude::*;

use super::core::Core;
use crate::i18n::Language;
use crate::storage::LANGUAGE;

/// The person's choice of language: `None` until they choose, when the app goes by the
/// browser's languages and the service's offer.
#[derive(Clone, Copy)]
pub struct LanguageChoice(pub(super) Core);

impl LanguageChoice {
    /// The language chosen on this device, if any.
    pub fn chosen(&self) -> ReadSignal<Option<Language>> {
        self.0.language.read
    }

    /// Chooses `language` and remembers it on this device. The choice shows at once even if
    /// it cannot be stored: it is a preference, not an answer, so a failed save only means
    /// it is asked again on the next visit, and is not reported.
    pub fn choose(&self, language: Language) {
        let _ = self
            .0
            .store
            .with_value(|s| s.save(LANGUAGE, &language.code().to_owned()));
        self.0.language.set(Some(language));
    }
}
