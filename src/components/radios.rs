use leptos::prelude::*;

use super::described_by;
use crate::i18n::use_messages;

/// One answer in a [`Radios`] group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RadioOption {
    /// What the person reads.
    pub label: String,
    /// The value reported when chosen.
    pub value: String,
}

/// A question answered by choosing one option (GOV.UK radios), with the question as the
/// page heading inside the legend. Hint and error are tied to the fieldset with
/// `aria-describedby`; the first radio's id is `name`, which is where an error links.
#[component]
pub fn Radios(
    /// The group's name, also the id of its first radio.
    #[prop(into)]
    name: String,
    /// The question, shown as the page's `<h1>`.
    #[prop(into)]
    question: String,
    /// A short line above the question, e.g. "Question 2 of 14".
    #[prop(into, optional)]
    caption: Option<String>,
    /// Help under the question.
    #[prop(into, optional)]
    hint: Option<String>,
    /// The answers, in order.
    options: Vec<RadioOption>,
    /// The chosen value, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with the value the moment an option is chosen.
    #[prop(into)]
    on_choose: Callback<String>,
    /// The question is one of several on the page, so it is not the page heading.
    #[prop(optional)]
    not_heading: bool,
) -> impl IntoView {
    let m = use_messages();
    let hint = hint.filter(|h| !h.is_empty());
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = described_by(
        hint.as_ref().map(|_| hint_id.clone()),
        error_id.clone(),
        error,
    );
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let id = if i == 0 {
                name.clone()
            } else {
                format!("{name}-{}", i + 1)
            };
            let value = option.value.clone();
            let checked = {
                let value = value.clone();
                move || selected.read().as_deref() == Some(value.as_str())
            };
            view! {
                <div class="f-radios__item">
                    <input
                        class="f-radios__input"
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=value.clone()
                        prop:checked=checked
                        on:change=move |_| on_choose.run(value.clone())
                    />
                    <label class="f-radios__label" for=id>{option.label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="f-form-group" class:f-form-group--error=move || error.read().is_some()>
            <fieldset class="f-fieldset" aria-describedby=described_by>
                <legend class="f-fieldset__legend" class:f-fieldset__legend--m=not_heading>
                    {caption.map(|c| view! { <span class="f-caption">{c}</span> })}
                    {if not_heading {
                        view! { <span class="f-fieldset__legend-m">{question}</span> }.into_any()
                    } else {
                        view! { <h1 class="f-fieldset__heading" tabindex="-1">{question}</h1> }.into_any()
                    }}
                </legend>
                {hint.map(|h| view! { <div id=hint_id class="f-hint">{h}</div> })}
                {move || error.get().map(|e| view! {
                    <p id=error_id.clone() class="f-error-message">
                        <span class="f-visually-hidden">{m.error_prefix}" "</span>{e}
                    </p>
                })}
                <div class="f-radios">{items}</div>
            </fieldset>
        </div>
    }
}
