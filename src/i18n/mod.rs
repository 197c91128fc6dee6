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
use leptos::wasm_split::SplitLoaderError;

pub use ar::AR;
pub use cy::CY;
pub use en::EN;
pub use messages::{
    fill, plural_category, DataMessages, DefaultsMessages, ErrorMessages, InstrumentMessages,
    Language, Messages, Plural, PluralCategory, ReferralErrors, ReferralKeys, ReferralMessages,
};

impl Language {
    /// The language's words. English is always here; Welsh and Arabic are in files of their
    /// own, fetched when first wanted ([`fetch_words`]), and until theirs have come this gives
    /// the English words. Views only ever ask for the language [`fetch_words`] has made ready.
    pub fn messages(self) -> &'static Messages {
        match self {
            Self::English => &EN,
            other => words_here(other).unwrap_or(&EN),
        }
    }
}

// Without the wasm split (native tests) every catalogue is simply in the program.
#[cfg(not(target_family = "wasm"))]
fn words_here(language: Language) -> Option<&'static Messages> {
    Some(match language {
        Language::English => &EN,
        Language::Welsh => &CY,
        Language::Arabic => &AR,
    })
}

#[cfg(target_family = "wasm")]
fn words_here(language: Language) -> Option<&'static Messages> {
    match language {
        Language::English => Some(&EN),
        Language::Welsh => WELSH.get().copied(),
        Language::Arabic => ARABIC.get().copied(),
    }
}

/// The Welsh and Arabic words once their files are here: about 16 KB gzip each, which a
/// person reading English should not wait for.
#[cfg(target_family = "wasm")]
static WELSH: std::sync::OnceLock<&'static Messages> = std::sync::OnceLock::new();
#[cfg(target_family = "wasm")]
static ARABIC: std::sync::OnceLock<&'static Messages> = std::sync::OnceLock::new();

#[leptos::wasm_split::wasm_split(welsh, wasm_split_path = ::leptos::wasm_split, fallible)]
fn welsh_words() -> Result<&'static Messages, SplitLoaderError> {
    Ok(&CY)
}

#[leptos::wasm_split::wasm_split(arabic, wasm_split_path = ::leptos::wasm_split, fallible)]
fn arabic_words() -> Result<&'static Messages, SplitLoaderError> {
    Ok(&AR)
}

/// Whether `language`'s words are here, so a view can speak it at once.
pub fn has_words(language: Language) -> bool {
    words_here(language).is_some()
}

/// Makes `language`'s words ready: at once for English or a language already fetched, else
/// by downloading its file. A download that fails can be tried again.
pub async fn fetch_words(language: Language) -> Result<&'static Messages, SplitLoaderError> {
    if let Some(words) = words_here(language) {
        return Ok(words);
    }
    let words = match language {
        Language::English => &EN,
        Language::Welsh => welsh_words().await?,
        Language::Arabic => arabic_words().await?,
    };
    #[cfg(target_family = "wasm")]
    {
        let arrived = match language {
            Language::Welsh => &WELSH,
            _ => &ARABIC,
        };
        let _ = arrived.set(words);
    }
    Ok(words)
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
