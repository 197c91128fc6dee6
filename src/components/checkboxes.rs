use leptos::prelude::*;

use super::described_by;
use crate::i18n::use_messages;

/// One answer in a [`Checkboxes`] group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckboxOption {
    /// What the person reads.
    pub label: String,
    /// The value reported when ticked.
    pub value: String,
    /// A short example or explanation under the label.
    pub hint: Option<String>,
    /// Whether ticking it unticks every other option ("None yet"). GOV.UK shows an "or"
    /// divider before it.
    pub exclusive: bool,
}

/// The ticked values after `value` is ticked (`checked`) or unticked: ticking an exclusive
/// option leaves only it; ticking any other option unticks the exclusive ones. Order follows
/// `options`, so the result does not depend on the order of clicks.
pub fn toggle(
    options: &[CheckboxOption],
    selected: &[String],
    value: &str,
    checked: bool,
) -> Vec<String> {
    let exclusive = |v: &str| options.iter().any(|o| o.value == v && o.exclusive);
    options
        .iter()
        .map(|o| o.value.as_str())
        .filter(|&v| {
            if v == value {
                return checked;
            }
            // Ticking one kind of option unticks the other kind.
            let pushed_out = checked && (exclusive(value) || exclusive(v));
            !pushed_out && selected.iter().any(|s| s == v)
        })
        .map(str::to_owned)
        .collect()
}

/// A question answered by ticking any number of options (GOV.UK checkboxes), with the
/// question as the page heading inside the legend. Hint and error are tied to the fieldset
/// with `aria-describedby`, each option's own hint to its input; the first checkbox's id is
/// `name`, which is where an error links.
#[component]
pub fn Checkboxes(
    /// The group's name, also the id of its first checkbox.
    #[prop(into)]
    name: String,
    /// The question, shown as the page's `<h1>`.
    #[prop(into)]
    question: String,
    /// A short line above the question, e.g. "Optional".
    #[prop(into, optional)]
    caption: Option<String>,
    /// Help under the question, e.g. "Choose all that apply."
    #[prop(into, optional)]
    hint: Option<String>,
    /// The answers, in order; exclusive ones last.
    options: Vec<CheckboxOption>,
    /// The ticked values.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with every ticked value after each tick or untick.
    #[prop(into)]
    on_change: Callback<Vec<String>>,
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
    let all = StoredValue::new(options.clone());
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let id = if i == 0 {
                name.clone()
            } else {
                format!("{name}-{}", i + 1)
            };
            let item_hint_id = format!("{id}-item-hint");
            let value = option.value.clone();
            let checked = {
                let value = value.clone();
                move || selected.read().contains(&value)
            };
            let on_input = move |ev: leptos::ev::Event| {
                let now = event_target_checked(&ev);
                let next =
                    all.with_value(|o| toggle(o, &selected.get_untracked(), &value, now));
                on_change.run(next);
            };
            view! {
                {option.exclusive.then(|| view! { <div class="f-checkboxes__divider">{m.or}</div> })}
                <div class="f-checkboxes__item">
                    <input
                        class="f-checkboxes__input"
                        type="checkbox"
                        id=id.clone()
                        name=name.clone()
                        value=option.value.clone()
                        prop:checked=checked
                        aria-describedby=option.hint.as_ref().map(|_| item_hint_id.clone())
                        on:change=on_input
                    />
                    <label class="f-checkboxes__label" for=id>{option.label}</label>
                    {option.hint.map(|h| view! {
                        <div id=item_hint_id class="f-hint f-checkboxes__hint">{h}</div>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="f-form-group" class:f-form-group--error=move || error.read().is_some()>
            <fieldset class="f-fieldset" aria-describedby=described_by>
                <legend class="f-fieldset__legend">
                    {caption.map(|c| view! { <span class="f-caption">{c}</span> })}
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

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Vec<CheckboxOption> {
        ["walk", "cafe", "none"]
            .iter()
            .map(|v| CheckboxOption {
                label: v.to_string(),
                value: v.to_string(),
                hint: None,
                exclusive: *v == "none",
            })
            .collect()
    }

    fn s(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn ticking_adds_and_unticking_removes_in_option_order() {
        let o = options();
        assert_eq!(
            toggle(&o, &s(&["cafe"]), "walk", true),
            s(&["walk", "cafe"])
        );
        assert_eq!(
            toggle(&o, &s(&["walk", "cafe"]), "walk", false),
            s(&["cafe"])
        );
    }

    #[test]
    fn the_exclusive_option_stands_alone() {
        let o = options();
        assert_eq!(
            toggle(&o, &s(&["walk", "cafe"]), "none", true),
            s(&["none"])
        );
        assert_eq!(toggle(&o, &s(&["none"]), "cafe", true), s(&["cafe"]));
        assert_eq!(toggle(&o, &s(&["none"]), "none", false), s(&[]));
    }
}
