use leptos::prelude::*;

use super::described_by;
use crate::i18n::{fill, use_messages};

/// A labelled text box (GOV.UK text input or textarea). The label can be the page heading;
/// hint, error and character count are tied to the box with `aria-describedby`. With a
/// `max_chars`, a count under the box says how many characters are left, politely announced
/// to screen readers, and the box never cuts the person's words off: too long is an error
/// on Continue, not a wall while typing.
#[component]
pub fn TextInput(
    /// The input's id and name.
    #[prop(into)]
    id: String,
    /// The label text.
    #[prop(into)]
    label: String,
    /// Whether the label is the page's `<h1>` (a page with one question).
    #[prop(optional)]
    label_is_heading: bool,
    /// Help under the label.
    #[prop(into, optional)]
    hint: Option<String>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text on every keystroke, so nothing typed is ever lost.
    #[prop(into)]
    on_input: Callback<String>,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// `text`, `tel` or `email`.
    #[prop(into, default = "text".into())]
    input_type: String,
    /// The browser's autofill hint, e.g. `tel`, `email`, `nickname`.
    #[prop(into, optional)]
    autocomplete: Option<String>,
    /// A textarea instead of a one-line box.
    #[prop(optional)]
    multiline: bool,
    /// The longest answer accepted, shown as a count.
    #[prop(optional)]
    max_chars: Option<usize>,
    /// Extra CSS class for the box's width, e.g. `f-input--width-10`.
    #[prop(into, optional)]
    width: Option<String>,
) -> impl IntoView {
    let m = use_messages();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let count_id = format!("{id}-info");
    let fixed = hint
        .as_ref()
        .map(|_| hint_id.clone())
        .into_iter()
        .chain(max_chars.map(|_| count_id.clone()));
    let described_by = described_by(fixed, error_id.clone(), error);
    let label_view = {
        let label = view! { <label class="f-label" for=id.clone()>{label}</label> };
        if label_is_heading {
            view! { <h1 class="f-label-wrapper" tabindex="-1">{label}</h1> }.into_any()
        } else {
            label.into_any()
        }
    };
    let class = format!("f-input {}", width.unwrap_or_default());
    let input = if multiline {
        view! {
            <textarea
                class="f-textarea"
                class:f-textarea--error=move || error.read().is_some()
                id=id.clone()
                name=id.clone()
                rows="4"
                aria-describedby=described_by
                autocomplete=autocomplete.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class=class
                class:f-input--error=move || error.read().is_some()
                id=id.clone()
                name=id.clone()
                type=input_type
                spellcheck="false"
                aria-describedby=described_by
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    let count = max_chars.map(|max| {
        let left = move || max as i64 - value.read().chars().count() as i64;
        let text = move || {
            let n = left();
            let (template, n) = if n >= 0 { (m.characters_left, n) } else { (m.characters_too_many, -n) };
            fill(template, &[("n", &n.to_string())])
        };
        view! {
            <div id=count_id class="f-hint f-character-count" class:f-error-message=move || left() < 0 aria-live="polite">
                {text}
            </div>
        }
    });
    view! {
        <div class="f-form-group" class:f-form-group--error=move || error.read().is_some()>
            {label_view}
            {hint.map(|h| view! { <div id=hint_id class="f-hint">{h}</div> })}
            {move || error.get().map(|e| view! {
                <p id=error_id.clone() class="f-error-message">
                    <span class="f-visually-hidden">{m.error_prefix}" "</span>{e}
                </p>
            })}
            {input}
            {count}
        </div>
    }
}
