//! The interface's words, in one typed catalogue per language, and how the app picks one.
//!
//! Every string a person reads (apart from an instrument's pinned wording, which lives with the
//! instrument) is a field of [`Messages`]. A language is a `static` of that type: the compiler
//! refuses to build until every field is written, and a native test fails if a message's
//! `{placeholders}` differ from English or a [`Plural`] lacks a form the language needs.
//!
//! The shape lives in `messages.rs`, the words in `en.rs`, `cy.rs` and `ar.rs`, and the choice
//! of language here: a language a person chose on this device, else the first of the browser's
//! languages the service offers, else the first the service offers.

mod ar;
mod cy;
mod en;
mod messages;
#[cfg(test)]
mod reading;
#[cfg(test)]
mod tests;

use leptos::prelude::*;

pub use ar::AR;
pub use cy::CY;
pub use en::EN;
pub use messages::{
    fill, plural_category, DataMessages, DefaultsMessages, ErrorMessages, InstrumentMessages,
    Language, Messages, Plural, PluralCategory, ReferralErrors, ReferralKeys, ReferralMessages,
};

impl Language {
    /// The language's words.
    pub fn messages(self) -> &'static Messages {
        match self {
            Self::English => &EN,
            Self::Welsh => &CY,
            Self::Arabic => &AR,
        }
    }
}

/// The language to show: the one the person `chose` on this device if the service still
/// offers it, else the first of the browser's `preferred` languages the service offers, else
/// the first it offers (English when it offers none, which the configuration never allows).
pub fn pick(chosen: Option<Language>, preferred: &[String], offered: &[Language]) -> Language {
    chosen
        .filter(|l| offered.contains(l))
        .or_else(|| {
            preferred
                .iter()
                .filter_map(|tag| Language::from_tag(tag))
                .find(|l| offered.contains(l))
        })
        .or_else(|| offered.first().copied())
        .unwrap_or(Language::English)
}

/// The language in force for the views below the app's language root.
#[derive(Debug, Clone, Copy)]
struct Shown(Language);

/// The language the app shows now, kept at the root for the few views outside the language
/// root (the idle warning, which must outlive a change of person).
#[derive(Debug, Clone, Copy)]
pub struct ShownLanguage(pub RwSignal<Language>);

/// Makes `language` the one [`use_messages`] speaks below this point.
pub fn provide_language(language: Language) {
    provide_context(Shown(language));
}

/// The words of the person's language (its [`Language`] is `messages.language`). The app
/// rebuilds its views when the language changes, so a view reads its words once, as it is
/// built. Outside the app's language root (a component tested on its own) the words are
/// English.
pub fn use_messages() -> &'static Messages {
    use_context::<Shown>()
        .map_or(Language::English, |s| s.0)
        .messages()
}
