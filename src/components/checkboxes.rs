use leptos::prelude::*;

use crate::i18n::use_messages;

/// One answer in a [`Checkboxes`] group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckboxOption {
    /// What the person reads.
    pub label: String,
    /// The value reported when ticked.
    pub value: String,
    /// Examples or help under the label.
    pub hint: Option<String>,
    /// Ticking it clears the others, and ticking another clears it ("None of these").
    pub exclusive: bool,
}

/// A question answered by ticking any number of options (GOV.UK checkboxes), with the
/// question as the page heading inside the legend. Hint and error are tied to the fieldset
/// with `aria-describedby`; the first checkbox's id is `name`, where an error links.
#[component]
pub fn Checkboxes(
    /// The group's name, also the id of its first checkbox.
    #[prop(into)]
    name: String,
    /// The question, shown as the page's `<h1>`.
    #[prop(into)]
    question: String,
    /// Help under the question.
    #[prop(into, optional)]
    hint: Option<String>,
    /// The answers, in order.
    options: Vec<CheckboxOption>,
    /// The ticked values.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with every ticked value the moment the ticks change.
    #[prop(into)]
    on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let m = use_messages();
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.read().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let exclusive: Vec<String> = options
        .iter()
        .filter(|o| o.exclusive)
        .map(|o| o.value.clone())
        .collect();
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let id = if i == 0 { name.clone() } else { format!("{name}-{}", i + 1) };
            let item_hint_id = format!("{id}-hint");
            let value = option.value.clone();
            let checked = {
                let value = value.clone();
                move || selected.read().contains(&value)
            };
            let exclusive = exclusive.clone();
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                let mut now = selected.get_untracked();
                now.retain(|v| v != &value);
                if on {
                    // An exclusive answer ("None of these") cannot stand with any other.
                    if option.exclusive {
                        now.clear();
                    } else {
                        now.retain(|v| !exclusive.contains(v));
                    }
                    now.push(value.clone());
                }
                on_change.run(now);
            };
            let divider = option.exclusive && i > 0;
            view! {
                {divider.then(|| view! { <div class="f-checkboxes__divider">{m.or}</div> })}
                <div class="f-checkboxes__item">
                    <input
                        class="f-checkboxes__input"
                        type="checkbox"
                        id=id.clone()
                        name=name.clone()
                        value=option.value.clone()
                        prop:checked=checked
                        aria-describedby=option.hint.as_ref().map(|_| item_hint_id.clone())
                        on:change=toggle
                    />
                    <label class="f-checkboxes__label" for=id>{option.label}</label>
                    {option.hint.map(|h| view! { <div id=item_hint_id class="f-hint f-checkboxes__hint">{h}</div> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="f-form-group" class:f-form-group--error=move || error.read().is_some()>
            <fieldset class="f-fieldset" aria-describedby=described_by>
                <legend class="f-fieldset__legend">
                    <h1 class="f-fieldset__heading" tabindex="-1">{question}</h1>
                </legend>
                {hint.map(|h| view! { <div id=hint_id class="f-hint">{h}</div> })}
                {move || error.get().map(|e| view! {
                    <p id=error_id.clone() class="f-error-message">
                        <span class="f-visually-hidden">{m.error_prefix}" "</span>{e}
                    </p>
                })}
                <div class="f-checkboxes">{items}</div>
            </fieldset>
        </div>
    }
}
