//! The language control: on every page, each language the service offers in its own name.

use leptos::prelude::*;

use crate::i18n::use_messages;
use crate::state::{use_config, use_language};

/// The languages the service offers, each named in itself ("Cymraeg") and marked with its
/// language, the one showing marked as current. Choosing one changes the page at once and is
/// remembered on this device. Nothing shows when the service offers one language.
#[component]
pub fn LanguageControl() -> impl IntoView {
    let m = use_messages();
    let offered = use_config().languages();
    let choice = use_language();
    if offered.len() < 2 {
        return ().into_any();
    }
    let items = offered
        .into_iter()
        .map(|language| {
            let (lang, name) = (language.code(), language.own_name());
            if language == m.language {
                view! {
                    <li class="f-language__item">
                        <span class="f-language__current" lang=lang aria-current="true">{name}</span>
                    </li>
                }
                .into_any()
            } else {
                view! {
                    <li class="f-language__item">
                        <button type="button" class="f-language__button" lang=lang
                            on:click=move |_| choice.choose(language)>{name}</button>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <nav class="f-language" aria-label=m.language_control>
            <div class="f-width-container">
                <ul class="f-language__list">{items}</ul>
            </div>
        </nav>
    }
    .into_any()
}
