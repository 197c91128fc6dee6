//! A question answered by ticking any number of answers (GOV.UK checkboxes).

use leptos::prelude::*;

use super::choices::{choice_items, ChoiceItem, Kind, Reveal};
use super::fieldset::Fieldset;

/// The ticked values after `value` is ticked (`checked`) or unticked: ticking an exclusive
/// answer leaves only it; ticking any other answer unticks the exclusive ones. Order follows
/// `options`, so the result does not depend on the order of clicks.
pub fn toggle(
    options: &[ChoiceItem],
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
            // Ticking one kind of answer unticks the other kind.
            let pushed_out = checked && (exclusive(value) || exclusive(v));
            !pushed_out && selected.iter().any(|s| s == v)
        })
        .map(str::to_owned)
        .collect()
}

/// A question answered by ticking any number of answers, in a fieldset whose legend is the
/// question (see [`Fieldset`]); exclusive answers ("None of these") come after an "or", and
/// one answer may reveal more under it while ticked.
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
    options: Vec<ChoiceItem>,
    /// The ticked values.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// The error to show, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// Called with every ticked value after each tick or untick.
    #[prop(into)]
    on_change: Callback<Vec<String>>,
    /// Shown under one answer while it is ticked.
    #[prop(optional_no_strip)]
    reveal: Option<Reveal>,
    /// The question is one of several on the page, so it is not the page heading.
    #[prop(optional)]
    not_heading: bool,
) -> impl IntoView {
    let all = StoredValue::new(options.clone());
    let chosen = move |value: &str| selected.read().iter().any(|v| v == value);
    let changed = move |value: &str, checked: bool| {
        let next = all.with_value(|o| toggle(o, &selected.get_untracked(), value, checked));
        on_change.run(next);
    };
    let items = choice_items(Kind::Checkbox, &name, options, chosen, changed, reveal);
    view! {
        <Fieldset name question caption hint error not_heading>
            {items}
        </Fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Vec<ChoiceItem> {
        ["walk", "cafe", "none"]
            .iter()
            .map(|v| ChoiceItem {
                exclusive: *v == "none",
                ..ChoiceItem::new(*v, *v)
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
