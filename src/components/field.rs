//! The parts every form field is built from: its group, its hint, its error message, and the
//! `aria-describedby` that ties them to the input.

use leptos::prelude::*;

use crate::i18n::use_messages;

/// A field's `aria-describedby`: its fixed descriptions (hint, character limit) in order, then
/// its error while one shows, so a screen reader reads the error with the field.
pub fn described_by(
    fixed: impl IntoIterator<Item = String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    let fixed: Vec<String> = fixed.into_iter().collect();
    move || {
        let mut ids = fixed.clone();
        if error.read().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The group around one question or field, marked while it shows an error.
#[component]
pub fn FormGroup(
    /// The error showing, if any.
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="f-form-group" class:f-form-group--error=move || error.read().is_some()>
            {children()}
        </div>
    }
}

/// Help under a question or label; nothing when the text is empty.
#[component]
pub fn Hint(
    /// Its id, for the field's `aria-describedby`.
    id: String,
    /// The help.
    text: Option<String>,
    /// Its language, when it is not the page's.
    #[prop(optional_no_strip)]
    lang: Option<&'static str>,
) -> impl IntoView {
    text.filter(|t| !t.is_empty())
        .map(|t| view! { <div id=id class="f-hint" lang=lang>{t}</div> })
}

/// The message under a question saying what is wrong, while there is something wrong. Screen
/// readers hear "Error:" first.
#[component]
pub fn ErrorMessage(
    /// Its id, for the field's `aria-describedby` and the error summary's link.
    id: String,
    /// The error showing, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let m = use_messages();
    move || {
        error.get().map(|e| {
            view! {
                <p id=id.clone() class="f-error-message">
                    <span class="f-visually-hidden">{m.error_prefix}" "</span>{e}
                </p>
            }
        })
    }
}

/// A failure of something the person asked for (a download, a delete), rather than of an
/// answer: said at once, where it happened, while there is one.
#[component]
pub fn FailureAlert(
    /// What went wrong, in words, if anything did.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message
            .get()
            .map(|e| view! { <p class="f-error-message" role="alert">{e}</p> })
    }
}
